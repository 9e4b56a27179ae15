/* diag.c: messages to stderr with the program name in front. */
#include "config.h"

#include "util/diag.h"

#include <stdio.h>
#include <stdlib.h>

/* Run by cw_fatal() before it prints (set by a front end). */
static void (*fatal_hook)(void);

/* Sets the function cw_fatal() runs first. */
void
cw_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

/* Prints "certwiz: message" and a newline from a va_list. */
void
cw_vwarn(const char *fmt, va_list ap)
{
	fputs(CW_PROGNAME ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* Prints "certwiz: message" and a newline. */
void
cw_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cw_vwarn(fmt, ap);
	va_end(ap);
}

/* Restores what the hook restores, says why and exits. */
void
cw_fatal(int status, const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook != NULL)
		fatal_hook();
	va_start(ap, fmt);
	cw_vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}
