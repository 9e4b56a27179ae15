/* field_help.h: a field's help as a person reads it on a given day.
 *
 * Ownership: field_help() returns an allocated string the caller frees.
 */
#ifndef CERTWIZ_FIELD_HELP_H
#define CERTWIZ_FIELD_HELP_H

#include <time.h>

struct field;

/* The help of f for "today" now: the form's text, and for a date field an
 * example that lies ahead of today and within the field's limit (form
 * files never write a fixed date, which would one day be past): the
 * type's example from field_types[]. */
char	*field_help(const struct field *f, time_t now);

#endif
