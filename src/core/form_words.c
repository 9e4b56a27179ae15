/* form_words.c: a form's conditions said with its fields' labels. */
#include "config.h"

#include "core/form_words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* How names are said: the form, and the object being explained. */
struct name_ctx {
	const struct form	*form;
	size_t			 parent;
};

/* 1 when another field of the form has f's label. */
static int
label_shared(const struct form *form, const struct field *f)
{
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		if (&form->fields[i] != f &&
		    strcmp(form->fields[i].label, f->label) == 0)
			return 1;
	}
	return 0;
}

/* A condition's field name said by its label; NULL when unknown. */
static char *
name_words(const char *name, void *arg)
{
	const struct name_ctx *c = arg;
	const struct field *f = form_find(c->form, name);

	if (f == NULL)
		return NULL;
	if (f->parent == SIZE_MAX || f->parent == c->parent ||
	    !label_shared(c->form, f))
		return xstrdup(form_text(f->label));
	return xasprintf(_("%s of %s"), form_text(f->label),
	    form_text(c->form->fields[f->parent].label));
}

/* Says condition e with each field by its label. */
char *
form_cond_words(const struct form *form, const struct expr *e,
    size_t parent)
{
	struct name_ctx c = { form, parent };

	return expr_words_named(e, name_words, &c);
}
