/* field_help.c: a field's help as a person reads it on a given day. */
#include "config.h"

#include "core/field_help.h"

#include <stdlib.h>
#include <string.h>

#include "core/field_type.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The help of f for "today" now, with its type's example, if any. */
char *
field_help(const struct field *f, time_t now)
{
	const char *help = f->help != NULL ? form_text(f->help) : "";
	field_example_fn example = field_types[f->type].example;
	char *ex, *out;
	size_t n = strlen(help);

	if (example == NULL)
		return xstrdup(help);
	ex = example(f, now);
	out = xasprintf(_("%s%sFor example %s."), help,
	    n > 0 && help[n - 1] != ' ' ? " " : "", ex);
	free(ex);
	return out;
}
