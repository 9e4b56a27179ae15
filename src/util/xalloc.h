/* xalloc.h: allocation that never returns NULL, and allocated printf.
 *
 * Ownership: every pointer returned here is allocated and owned by the caller,
 * who releases it with free(). On exhaustion the functions print a message and
 * exit(70) (EX_SOFTWARE) through cw_fatal() (util/diag.h), whose hook a
 * front end that changed the terminal sets to restore it first.
 */
#ifndef CERTWIZ_XALLOC_H
#define CERTWIZ_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Allocates size bytes, or dies. */
void *xmalloc(size_t size);
/* Allocates nmemb zeroed elements of size bytes, or dies. */
void *xcalloc(size_t nmemb, size_t size);
/* Resizes ptr to nmemb elements of size bytes, checking for overflow, or
 * dies. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
/* Copies a string, or dies; xstrdup(NULL) returns NULL. */
char *xstrdup(const char *s);
/* Copies at most n bytes of s and terminates the copy, or dies. */
char *xstrndup(const char *s, size_t n);
/* Formats into a new string, or dies. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Formats a va_list into a new string, or dies. */
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif
