/* order_local.c: local fields, the form's own choices that are never sent
 * (new or existing organization): their value read off a body. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/expr.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Notes the first name a condition mentions. */
static int
first_name(const char *name, void *arg)
{
	*(const char **)arg = name;
	return 1;
}

/* The object the first infer condition of f is about ("organization" for
 * "organization.id"); allocated. */
static char *
infer_where(const struct field *f)
{
	const char *name = NULL, *dot;

	expr_walk_names(f->infer[0].when, first_name, &name);
	if (name == NULL || (dot = strrchr(name, '.')) == NULL)
		return xstrdup("");
	return xstrndup(name, (size_t)(dot - name));
}

/* "organization.id (existing organization) or organization.name (new
 * organization)", joined by word; allocated. */
static char *
infer_words(const struct field *f, const char *word)
{
	char *out = xstrdup(""), *next, *label = xstrdup(f->label);
	size_t i;

	label[0] = (char)(label[0] >= 'A' && label[0] <= 'Z' ?
	    label[0] - 'A' + 'a' : label[0]);
	for (i = 0; i < f->ninfer; i++) {
		next = xasprintf("%s%s%s (%s %s)", out, i == 0 ? "" :
		    i + 1 == f->ninfer ? word : ", ",
		    expr_source(f->infer[i].when),
		    f->infer[i].value->valuestring, label);
		free(out);
		out = next;
	}
	free(label);
	return out;
}

/* The value of local field f read off body, or NULL with a problem added
 * when not exactly one of its conditions holds (p may be NULL). */
static const cJSON *
infer_one(const struct field *f, const cJSON *body, struct problems *p)
{
	const cJSON *found = NULL;
	size_t i, n = 0;
	char *where, *words;

	for (i = 0; i < f->ninfer; i++) {
		if (answers_eval(f->infer[i].when, body, NULL, 0)) {
			found = f->infer[i].value;
			n++;
		}
	}
	if (n == 1 || f->ninfer == 0 || p == NULL)
		return n == 1 ? found : NULL;
	where = infer_where(f);
	words = infer_words(f, n == 0 ? _(" or ") : _(" and "));
	if (n == 0)
		problems_add(p, 0, where, _("needs %s"), words);
	else
		problems_add(p, 0, where, _("holds %s: give one, not both"),
		    words);
	free(words);
	free(where);
	return NULL;
}

/* Sets the local fields of obj, from answers or from obj itself. */
void
order_set_local(const struct form *form, cJSON *obj, const cJSON *answers,
    struct problems *p)
{
	const struct field *f;
	const cJSON *v;
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		f = &form->fields[i];
		if (!f->local)
			continue;
		if (cJSON_HasObjectItem(obj, f->name) && answers == NULL) {
			if (p != NULL)
				problems_add(p, 1, f->name, _("unknown field: "
				    "not part of a %s order, so it is "
				    "ignored"), form->id);
			cJSON_DeleteItemFromObjectCaseSensitive(obj, f->name);
		}
		v = answers != NULL ? answers_get(answers, f->path, NULL, 0) :
		    NULL;
		if (!answers_present(v))
			v = infer_one(f, obj, p);
		cJSON_DeleteItemFromObjectCaseSensitive(obj, f->name);
		if (v != NULL)
			cJSON_AddItemToObject(obj, f->name,
			    cJSON_Duplicate(v, 1));
	}
}
