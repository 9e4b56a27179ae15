/* today.h: what "today" is: $CERTWIZ_TODAY (YYYY-MM-DD, a real date, noon
 * UTC) when set, else the clock. The one parser of that variable.
 *
 * Ownership: *cause is allocated; the caller frees it.
 */
#ifndef CERTWIZ_TODAY_H
#define CERTWIZ_TODAY_H

#include <time.h>

/* Sets *now (and *fixed to 1 when $CERTWIZ_TODAY set it, else 0; fixed
 * may be NULL); -1 with *cause when the variable is not a real date. */
int	cw_today(time_t *now, int *fixed, char **cause);

/* The length of cw_stamp()'s text: "2026-12-01T18:30:00Z". */
#define CW_STAMP_LEN	20
/* Writes the clock's time (not $CERTWIZ_TODAY) as ISO 8601 UTC into buf,
 * which holds CW_STAMP_LEN + 1 bytes: the time the journal, drafts and
 * placed orders record. */
void	cw_stamp(char buf[CW_STAMP_LEN + 1]);

#endif
