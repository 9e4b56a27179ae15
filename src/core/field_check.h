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

/* Checks a present value v of field f; answers and index[] resolve
 * conditions and the fields it depends on; now is "today". */
char	*field_check_value(const struct field *f, const cJSON *v,
	    const cJSON *answers, const size_t *index, size_t nindex,
	    time_t now);
/* 1 when a scalar equals an allowed value by text and by JSON kind. */
int	field_value_matches(const cJSON *v, const cJSON *allowed, int *kind_only);
/* Lists allowed values as "a, b or c"; allocated. */
char	*field_values_words(const cJSON *values);

#endif
