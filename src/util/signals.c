/* signals.c: the one handler for SIGHUP, SIGINT and SIGTERM. */
#include "config.h"

#include "util/signals.h"

#include <string.h>

/* The signal that came, or 0: the only state a handler may touch. */
static volatile sig_atomic_t caught;

/* Records the signal; nothing else is safe here. */
static void
on_signal(int sig)
{
	caught = sig;
}

/* Installs the handler for the three signals. */
volatile sig_atomic_t *
signals_catch(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	caught = 0;
	return &caught;
}
