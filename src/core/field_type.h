/* field_type.h: the one table of field types. A type's name in form files,
 * the JSON type it is sent as, the format its text must have, the widget
 * that edits it and how it is described (the pattern describe and schema
 * show, what its check holds beyond that pattern, the bounds of its number,
 * the example its help gives) all come from field_types[] (after tmux's
 * options-table.c).
 *
 * Ownership: the table and its strings are static; a checker returns NULL
 * when the text is good, else an allocated message the caller frees; an
 * example is allocated and the caller frees it.
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

/* The example a field's help ends with, for "today" now. */
typedef char	*(*field_example_fn)(const struct field *f, time_t now);

/* One field type. */
struct field_type_def {
	const char	*name;		/* as written in form files */
	enum json_type	 json;		/* sent as; JT_COUNT: as its values */
	enum field_widget widget;
	field_check_fn	 check;		/* NULL: any text */
	/* The regular expression (ECMA-262, as JSON Schema reads it) its
	 * text matches, or NULL: describe and schema show it. Rules a
	 * pattern cannot say are in note. */
	const char	*pattern;
	const char	*note;		/* what check holds beyond pattern */
	const char	*bounds;	/* JSON Schema members bounding its
					 * number ("{...}"), or NULL */
	field_example_fn example;	/* help's example (F1, describe) */
};

/* Every type, indexed by enum field_type. */
extern const struct field_type_def field_types[FT_COUNT];

/* The card year checker (field_check.c): the year, and with the month the
 * field names that the card has not expired. */
char	*field_check_card_year(const char *text, const struct field_ctx *c);

#endif
