/* diag.h: messages to stderr, with the program name put in front here and
 * nowhere else (after OpenBSD's err(3)).
 *
 * Ownership: nothing is allocated or kept; the fatal hook is borrowed.
 */
#ifndef CERTWIZ_DIAG_H
#define CERTWIZ_DIAG_H

#include <stdarg.h>

/* The name every message starts with. */
#define CW_PROGNAME	"certwiz"

/* Prints "certwiz: message" and a newline to stderr. */
void	cw_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* cw_warn() taking a va_list. */
void	cw_vwarn(const char *fmt, va_list ap)
	    __attribute__((format(printf, 1, 0)));
/* Runs the fatal hook (restoring the terminal), prints "certwiz: message"
 * and exits with status. */
void	cw_fatal(int status, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
/* Sets the function cw_fatal() runs first (NULL: none). */
void	cw_set_fatal_hook(void (*hook)(void));

#endif
