/* safetext.h: making text from a server, a file or a request body safe to
 * show on a terminal or to write to the journal, and order IDs that are
 * digits only.
 *
 * Ownership: safe_text() returns an allocated string the caller frees.
 */
#ifndef CERTWIZ_SAFETEXT_H
#define CERTWIZ_SAFETEXT_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* A copy of s (NULL gives NULL) with every control character - C0 (tab
 * and newline included), DEL, C1 (U+0080 to U+009F), a lone or any ESC -
 * and every byte that is not UTF-8 written as \xHH, so no terminal
 * sequence survives. */
char	*safe_text(const char *s);
/* 1 when s needs no change from safe_text(). */
int	 safe_text_ok(const char *s);
/* Makes every string value of a tree (a server's answer) safe_text(). */
void	 safe_json_strings(cJSON *json);
/* 1 when s is an order ID: 1 to 19 digits. */
int	 safe_order_id(const char *s);

#endif
