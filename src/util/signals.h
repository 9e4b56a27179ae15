/* signals.h: the one signal set-up: SIGHUP, SIGINT and SIGTERM are caught
 * by a handler that only records which arrived; the program acts on it.
 *
 * Ownership: the flag is static; cw_signal_flag() lends a pointer to it
 * to code that polls a flag it is given (plain mode).
 */
#ifndef CERTWIZ_SIGNALS_H
#define CERTWIZ_SIGNALS_H

#include <signal.h>

/* cw_signals_catch() flags: leave SIGHUP as it is. */
#define CW_SIG_NOHUP	0x1

/* Clears the flag and catches the signals (reads are not restarted, so a
 * blocked read returns); fills *set, when not NULL, with those caught. */
void	cw_signals_catch(int flags, sigset_t *set);
/* Fills set with the signals cw_signals_catch(0, ...) catches. */
void	cw_signals_fill(sigset_t *set);
/* The last signal caught since cw_signals_catch(), or 0. */
int	cw_signal_caught(void);
/* The flag itself, for code that polls it. */
volatile sig_atomic_t *cw_signal_flag(void);

#endif
