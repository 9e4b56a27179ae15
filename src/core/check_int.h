/* check_int.h: what the validator files (check*.c) share: the messages
 * that more than one of them gives, and small character helpers. Internal
 * to the validators; the rest of certwiz includes core/check.h.
 *
 * Ownership: result() returns an allocated copy the caller frees.
 */
#ifndef CERTWIZ_CHECK_INT_H
#define CERTWIZ_CHECK_INT_H

#include <stddef.h>
#include <time.h>

#include "util/xalloc.h"

#define CHECK_PHONE_MSG "must be a phone number: an optional +, then 7 to " \
	"20 digits (spaces, dashes, dots and parentheses allowed)"
#define CHECK_EMAIL_MSG "must be an email address, e.g. name@example.com"
#define CHECK_DATE_MSG "must be a date as dd MMM YYYY"
#define CHECK_CSR_HEADER_MSG \
	"must start with -----BEGIN CERTIFICATE REQUEST----- (or be the " \
	"base64 body of a CSR)"
#define CHECK_CARD_MSG "must be 12 to 19 digits (spaces or dashes between " \
	"digit groups allowed)"
#define CHECK_THUMB_MSG "must be a SHA-1 thumbprint: 40 hex digits " \
	"(colons or spaces between byte pairs allowed)"
#define CHECK_ID_MSG "must be a numeric ID: a positive whole number, " \
	"e.g. 123456"

/* Returns 1 for an ASCII digit. */
static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Returns 1 for an ASCII letter. */
static inline int
is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Returns 1 for an ASCII letter or digit. */
static inline int
is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

/* Returns 1 for an ASCII hexadecimal digit. */
static inline int
is_hex(int c)
{
	return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/* Returns 1 for ASCII whitespace. */
static inline int
is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Returns 1 when p[0..n) is non-empty and all ASCII digits. */
static inline int
all_digits(const char *p, size_t n)
{
	size_t	i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (!is_digit((unsigned char)p[i]))
			return 0;
	}
	return 1;
}

/* Returns "s" unless n is 1, to pluralise a unit. */
static inline const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

/* Returns 1 when s is NULL or the empty string. */
static inline int
is_empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Returns an allocated copy of a message, or NULL for no message. */
static inline char *
result(const char *msg)
{
	return msg == NULL ? NULL : xstrdup(msg);
}

/* Returns the value of the digits p[0..n) (n at most 4: no overflow). */
static inline int
digits_value(const char *p, size_t n)
{
	int	v = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* check_date.c: the UTC day number (days since 1970-01-01) of now. */
long long	check_utc_day(time_t now);
/* check_date.c: the UTC year and month (1..12) of day number z. */
void		check_civil_from_days(long long z, long long *year, int *month);

#endif
