/* signals.c: catching the signals certwiz stops for. */
#include "config.h"

#include "util/signals.h"

#include <stddef.h>

/* The last signal caught, or 0. */
static volatile sig_atomic_t caught;

/* Records that a signal arrived; nothing else is safe here. */
static void
on_signal(int sig)
{
	caught = sig;
}

/* Catches SIGHUP (unless CW_SIG_NOHUP), SIGINT and SIGTERM. */
void
cw_signals_catch(int flags, sigset_t *set)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = 0 };
	size_t i;

	caught = 0;
	sigemptyset(&sa.sa_mask);
	if (set != NULL)
		sigemptyset(set);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		if (sigs[i] == SIGHUP && (flags & CW_SIG_NOHUP))
			continue;
		sigaction(sigs[i], &sa, NULL);
		if (set != NULL)
			sigaddset(set, sigs[i]);
	}
}

/* The last signal caught, or 0. */
int
cw_signal_caught(void)
{
	return (int)caught;
}

/* The flag itself. */
volatile sig_atomic_t *
cw_signal_flag(void)
{
	return &caught;
}
