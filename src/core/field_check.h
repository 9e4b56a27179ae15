/* field_check.h: checking one value against its field: JSON type, allowed
 * values, format and limits.
 *
 * Ownership: field_check_value() returns NULL when the value is good, else an
 * allocated message (without the field's path) the caller frees.
 */
#ifndef CERTWIZ_FIELD_CHECK_H
#define CERTWIZ_FIELD_CHECK_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

struct field;

/* Checks a value v of field f; answers and index[] resolve conditions and
 * the fields it depends on; now is "today". When the problem is one item
 * of a list, *item is its index (else -1), so the caller can report it at
 * path[item]. */
char	*field_check_value(const struct field *f, const cJSON *v,
	    const cJSON *answers, const size_t *index, size_t nindex,
	    time_t now, long *item);
/* 1 when a scalar equals an allowed value by text and by JSON kind. */
int	field_value_matches(const cJSON *v, const cJSON *allowed,
	    int *kind_only);
/* Lists allowed values as "a, b or c"; allocated. */
char	*field_values_words(const cJSON *values);

#endif
