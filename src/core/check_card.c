/* check_card.c: the payment card validators: number (Luhn), expiry, CVV. */

#include "config.h"

#include "core/check_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/check.h"
#include "util/i18n.h"

/* Collects the digits of card number s into d (room for 19); returns the
 * count, or 0 when s is malformed or too long. */
static size_t
card_digits(const char *s, unsigned char *d)
{
	const char	*p;
	size_t		 n = 0;

	for (p = s; *p != '\0'; p++) {
		if (is_digit((unsigned char)*p)) {
			if (n == 19)
				return 0;
			d[n++] = (unsigned char)(*p - '0');
		} else if ((*p == ' ' || *p == '-') && p > s &&
		    is_digit((unsigned char)p[-1]) &&
		    is_digit((unsigned char)p[1]))
			continue;
		else
			return 0;
	}
	return n;
}

/* Returns 1 when the digits d[0..n) pass the Luhn check. */
static int
luhn_ok(const unsigned char *d, size_t n)
{
	size_t	i;
	int	sum = 0, v;

	for (i = 0; i < n; i++) {
		v = d[n - 1 - i];
		if (i % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	return sum % 10 == 0;
}

/* Checks a card number: 12 to 19 digits passing Luhn. */
char *
check_card_number(const char *s)
{
	unsigned char	d[19];
	size_t		n;

	if (is_empty(s))
		return result(_("is empty"));
	n = card_digits(s, d);
	if (n < 12)
		return result(CHECK_CARD_MSG);
	if (!luhn_ok(d, n))
		return result(_("is not a valid card number (the check digit "
		    "does not match)"));
	return NULL;
}

/* Returns the month 1..12 of a two-digit month string, or 0. */
static int
card_month_value(const char *s)
{
	int	m;

	if (is_empty(s) || strlen(s) != 2 || !all_digits(s, 2))
		return 0;
	m = digits_value(s, 2);
	return m >= 1 && m <= 12 ? m : 0;
}

/* Checks a card expiry month: exactly two digits, 01 to 12. */
char *
check_card_month(const char *s)
{
	if (is_empty(s))
		return result(_("is empty"));
	if (card_month_value(s) == 0)
		return result(_("must be a two-digit month from 01 to 12"));
	return NULL;
}

/* Returns the year of a four-digit year string, or -1. */
static int
card_year_value(const char *s)
{
	if (is_empty(s) || strlen(s) != 4 || !all_digits(s, 4))
		return -1;
	return digits_value(s, 4);
}

/* Checks a card expiry year: four digits, not before the UTC year of now. */
char *
check_card_year(const char *s, time_t now)
{
	long long	cur;
	int		y, m;

	if (is_empty(s))
		return result(_("is empty"));
	if ((y = card_year_value(s)) < 0)
		return result(_("must be a four-digit year, e.g. 2030"));
	check_civil_from_days(check_utc_day(now), &cur, &m);
	if (y < cur)
		return xasprintf(_("must not be before %lld"), cur);
	return NULL;
}

/* Checks a card expiry month and year are not before the UTC month of now. */
char *
check_card_expiry(const char *month, const char *year, time_t now)
{
	long long	cur;
	int		y, m, cm;

	m = card_month_value(month);
	y = card_year_value(year);
	if (m == 0 || y < 0)
		return result(_("must have a valid month and year"));
	check_civil_from_days(check_utc_day(now), &cur, &cm);
	if ((long long)y * 12 + m < cur * 12 + cm)
		return result(_("has expired"));
	return NULL;
}

/* Checks a card verification value: 3 or 4 digits. */
char *
check_cvv(const char *s)
{
	size_t	n;

	if (is_empty(s))
		return result(_("is empty"));
	n = strlen(s);
	if ((n != 3 && n != 4) || !all_digits(s, n))
		return result(_("must be 3 or 4 digits"));
	return NULL;
}
