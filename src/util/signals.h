/* signals.h: SIGHUP, SIGINT and SIGTERM caught into one flag, for the
 * commands that must finish what they are doing (write the journal, save
 * a draft) before they stop with status 128+N.
 *
 * Ownership: nothing is allocated. The flag is the process's one piece of
 * signal state.
 */
#ifndef CERTWIZ_SIGNALS_H
#define CERTWIZ_SIGNALS_H

#include <signal.h>

/* Catches SIGHUP, SIGINT and SIGTERM (reads are not restarted) and returns
 * the flag the handler sets to the signal's number (0 until one came). */
volatile sig_atomic_t *signals_catch(void);

#endif
