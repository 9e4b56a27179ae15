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

/* The signals certwiz stops for. */
static const int stop_signals[] = { SIGHUP, SIGINT, SIGTERM };

/* Fills set with the signals certwiz stops for. */
void
cw_signals_fill(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaddset(set, stop_signals[i]);
}

/* Catches SIGHUP (unless CW_SIG_NOHUP), SIGINT and SIGTERM. */
void
cw_signals_catch(int flags, sigset_t *set)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = 0 };
	size_t i;

	caught = 0;
	sigemptyset(&sa.sa_mask);
	if (set != NULL)
		sigemptyset(set);
	for (i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++) {
		if (stop_signals[i] == SIGHUP && (flags & CW_SIG_NOHUP))
			continue;
		sigaction(stop_signals[i], &sa, NULL);
		if (set != NULL)
			sigaddset(set, stop_signals[i]);
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
