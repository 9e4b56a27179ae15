/* check_date.c: the dd MMM YYYY date validator and its calendar arithmetic. */

#include "config.h"

#include "core/check_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/check.h"
#include "util/i18n.h"

/* Returns 1 for a leap year of the proleptic Gregorian calendar. */
static int
is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Returns the number of days in month m (1..12) of year y. */
static int
month_days(long long y, int m)
{
	static const int	days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

/* Returns days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long long
days_from_civil(long long y, int m, int d)
{
	long long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Sets the UTC year and month (1..12) of day number z since 1970-01-01. */
void
check_civil_from_days(long long z, long long *year, int *month)
{
	long long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

/* Returns the UTC day number (days since 1970-01-01) of now. */
long long
check_utc_day(time_t now)
{
	long long	t = (long long)now, day;

	day = t / 86400;
	if (t % 86400 < 0)
		day--;
	return day;
}

/* Returns the upper-case three-letter name of month m (1..12), unterminated. */
static const char *
month_name(int m)
{
	static const char	names[] =
	    "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

	return names + 3 * (m - 1);
}

/* Returns the month (1..12) named by the three letters at p, or 0. */
static int
month_index(const char *p)
{
	char	up[3];
	int	i, m;

	for (i = 0; i < 3; i++) {
		if (!is_alpha((unsigned char)p[i]))
			return 0;
		up[i] = (char)(p[i] & ~0x20);
	}
	for (m = 0; m < 12; m++) {
		if (memcmp(month_name(m + 1), up, 3) == 0)
			return m + 1;
	}
	return 0;
}

/* Parses "dd MMM YYYY" into its parts; returns 0 on a malformed string. */
static int
date_parse(const char *s, int *d, int *m, int *y)
{
	if (strlen(s) != 11 || s[2] != ' ' || s[6] != ' ')
		return 0;
	if (!all_digits(s, 2) || !all_digits(s + 7, 4))
		return 0;
	if ((*m = month_index(s + 3)) == 0)
		return 0;
	*d = digits_value(s, 2);
	*y = digits_value(s + 7, 4);
	return 1;
}

/* Checks the date s is real and after today; sets *day to its day number.
 * A malformed date's message has an example within max_days. */
static char *
date_after_today(const char *s, long long *day, time_t now, int max_days)
{
	int		d, m, y;
	char		*ex, *out;

	if (is_empty(s))
		return result(_("is empty"));
	if (!date_parse(s, &d, &m, &y)) {
		ex = check_date_example(now, max_days);
		out = xasprintf(_("%s, e.g. %s"), CHECK_DATE_MSG, ex);
		free(ex);
		return out;
	}
	if (d < 1 || d > month_days(y, m))
		return xasprintf(_("is not a real date: %.3s %04d has %d days"),
		    month_name(m), y, month_days(y, m));
	*day = days_from_civil(y, m, d);
	if (*day - check_utc_day(now) <= 0)
		return result(_("must be after today"));
	return NULL;
}

/* Checks a "dd MMM YYYY" date is after the UTC day of now and at most
 * max_days days after it (max_days < 0: no upper bound). */
char *
check_date(const char *s, int max_days, time_t now)
{
	/* day is set when msg is NULL; 0 for scan-build, which loses that. */
	long long	day = 0;
	char		*msg;

	if ((msg = date_after_today(s, &day, now, max_days)) != NULL)
		return msg;
	if (max_days >= 0 && day - check_utc_day(now) > max_days)
		return xasprintf(_("must be within %d day%s of today"),
		    max_days,
		    plural(max_days));
	return NULL;
}

/* A date days_ahead days after today written as dd MMM YYYY (30 days, or
 * at most max_days when that is less; max_days < 0: no bound); allocated. */
char *
check_date_example(time_t now, int max_days)
{
	long long	z, y;
	int		m, ahead = 30;

	if (max_days >= 1 && max_days < ahead)
		ahead = max_days;
	z = check_utc_day(now) + ahead;
	check_civil_from_days(z, &y, &m);
	return xasprintf("%02d %.3s %04lld",
	    (int)(z - days_from_civil(y, m, 1) + 1), month_name(m), y);
}

/* Checks a "dd MMM YYYY" date is after the UTC day of now and no later than
 * the same day and month max_years calendar years on (29 Feb: 28 Feb). */
char *
check_date_years(const char *s, int max_years, time_t now)
{
	/* day is set when msg is NULL; 0 for scan-build, which loses that. */
	long long	day = 0, today = check_utc_day(now), y, last;
	int		m, d;
	char		*msg;

	if ((msg = date_after_today(s, &day, now, -1)) != NULL)
		return msg;
	check_civil_from_days(today, &y, &m);
	d = (int)(today - days_from_civil(y, m, 1)) + 1;
	y += max_years;
	if (d > month_days(y, m))
		d = month_days(y, m);
	last = days_from_civil(y, m, d);
	if (day > last)
		return xasprintf(_("must be at most %d calendar year%s after "
		    "today (%02d %.3s %04lld at the latest)"), max_years,
		    plural(max_years), d, month_name(m), y);
	return NULL;
}
