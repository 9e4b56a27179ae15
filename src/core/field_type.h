/* field_type.h: the one table of field types. A type's name in form files,
 * the JSON type it is sent as, the format its text must have and the widget
 * that edits it all come from field_types[] (after tmux's options-table.c).
 *
 * Ownership: the table and its strings are static; a checker returns NULL
 * when the text is good, else an allocated message the caller frees.
 */
#ifndef CERTWIZ_FIELD_TYPE_H
#define CERTWIZ_FIELD_TYPE_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/form.h"

/* How a field is entered on the curses form. */
enum field_widget {
	FW_TEXT,	/* the line editor */
	FW_CHOICE,	/* one of its allowed values (text when it has none) */
	FW_TOGGLE,	/* true or false */
	FW_HEADING,	/* an object: a heading over its members */
	FW_LIST		/* a list: a count, items below */
};

/* What a checker may need besides the text: the field, the answers that
 * other fields' values come from, and "today". */
struct field_ctx {
	const struct field	*f;
	const cJSON		*answers;
	const size_t		*index;
	size_t			 nindex;
	time_t			 now;
};

/* Checks the format of a scalar's text. */
typedef char	*(*field_check_fn)(const char *text, const struct field_ctx *c);

/* One field type. */
struct field_type_def {
	const char	*name;		/* as written in form files */
	enum json_type	 json;		/* sent as; JT_COUNT: as its values */
	enum field_widget widget;
	field_check_fn	 check;		/* NULL: any text */
};

/* Every type, indexed by enum field_type. */
extern const struct field_type_def field_types[FT_COUNT];

/* The card year checker (field_check.c): the year, and with the month the
 * field names that the card has not expired. */
char	*field_check_card_year(const char *text, const struct field_ctx *c);

#endif
