/* today.c: "today", from $CERTWIZ_TODAY or the clock. */
#include "config.h"

#include "util/today.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* Parses YYYY-MM-DD as noon UTC; -1 unless it is a real date (2026-02-30
 * would otherwise become 2 March). */
static int
today_parse(const char *s, time_t *now)
{
	struct tm tm, back;
	char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%d", &tm);
	if (end == NULL || *end != '\0')
		return -1;
	tm.tm_hour = 12;
	back = tm;
	*now = timegm(&back);	/* normalizes back in place */
	return back.tm_mday == tm.tm_mday && back.tm_mon == tm.tm_mon &&
	    back.tm_year == tm.tm_year ? 0 : -1;
}

/* $CERTWIZ_TODAY or the clock. */
int
cw_today(time_t *now, int *fixed, char **cause)
{
	const char *env = getenv("CERTWIZ_TODAY");

	if (fixed != NULL)
		*fixed = 0;
	*now = time(NULL);
	if (env == NULL || *env == '\0')
		return 0;
	if (today_parse(env, now) != 0) {
		*now = time(NULL);
		*cause = xstrdup(_("CERTWIZ_TODAY must be YYYY-MM-DD (a real "
		    "date)"));
		return -1;
	}
	if (fixed != NULL)
		*fixed = 1;
	return 0;
}

/* The clock's time as ISO 8601 UTC. */
void
cw_stamp(char buf[CW_STAMP_LEN + 1])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, CW_STAMP_LEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
