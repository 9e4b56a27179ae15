/* value.h: what the engine asks of one JSON value: is it given, and what is
 * its text. One definition serves the condition language, the answers and
 * the field checks.
 *
 * Ownership: value_text() returns a pointer into v or into the caller's
 * buf; value_join() and value_id_text() return an allocated string the
 * caller frees.
 */
#ifndef CERTWIZ_VALUE_H
#define CERTWIZ_VALUE_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* 1 when v counts as given: not absent, null, "", a string of only white
 * space, false, [] or {}. */
int		 value_given(const cJSON *v);
/* 1 when s is NULL, empty or only ASCII white space (reading 14: such a
 * string is missing). */
int		 value_blank(const char *s);
/* The text form of a scalar (strings as they are, integers without a
 * fraction, true/false), written into buf when needed; NULL for arrays,
 * objects, null and absent values. */
const char	*value_text(const cJSON *v, char *buf, size_t size);

/* The text of a scalar, or of an array's scalars joined by ", " (others
 * skipped); "" for anything else; allocated, the caller frees it. */
char		*value_join(const cJSON *v);
/* An ID as text: a non-empty string as safe_text() shows it (control
 * characters written as \xHH: IDs come from servers and files), a number
 * without a fraction; NULL for anything else. The one ID-as-text. */
char		*value_id_text(const cJSON *v);
/* A typed yes/no: 1 for y, yes, true or 1, 0 for n, no, false or 0 (any
 * case), -1 for anything else. */
int		 value_yes_no(const char *s);

#endif
