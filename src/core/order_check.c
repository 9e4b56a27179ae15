/* order_check.c: checking a request body against a product's form. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/csr.h"
#include "core/expr.h"
#include "core/field_check.h"
#include "core/form.h"
#include "core/form_words.h"
#include "core/order.h"
#include "core/problems.h"
#include "core/value.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Where the walk is: the whole body, the index binding and the problems. */
struct walk {
	const struct form	*form;
	const cJSON		*body;
	time_t			 now;
	struct problems		*p;
	size_t			 index[ANSWERS_MAX_DEPTH];
	size_t			 nindex;
};

static void check_object(struct walk *, size_t, const cJSON *, const char *);

/* Joins a concrete path and a member name. */
static char *
join(const char *prefix, const char *name)
{
	return *prefix == '\0' ? xstrdup(name) :
	    xasprintf("%s.%s", prefix, name);
}

/* Reports members of obj that are no child of parent, and repeated keys. */
static void
check_unknown(struct walk *w, size_t parent, const cJSON *obj,
    const char *prefix)
{
	const cJSON *m, *o;
	char *path;

	cJSON_ArrayForEach(m, obj) {
		path = join(prefix, m->string);
		for (o = obj->child; o != m; o = o->next) {
			if (strcmp(o->string, m->string) == 0)
				break;
		}
		if (o != m)
			problems_add(w->p, 0, path,
			    _("appears more than once"));
		if (o == m && form_child(w->form, parent, m->string) ==
		    SIZE_MAX)
			problems_add(w->p, 1, path, _("unknown field: not part "
			    "of a %s order, so it is ignored"), w->form->id);
		free(path);
	}
}

/* Reports that a list holds too many items with one value of field f. */
static void
check_counts(struct walk *w, const struct field *f, const cJSON *list,
    const char *path)
{
	const cJSON *limit, *item;
	const char *leaf = f->name;
	char buf[64];
	const char *t;
	int n;

	cJSON_ArrayForEach(limit, f->max_count) {
		n = 0;
		cJSON_ArrayForEach(item, list) {
			t = value_text(cJSON_GetObjectItemCaseSensitive(
			    item, leaf), buf, sizeof buf);
			n += t != NULL && strcmp(t, limit->string) == 0;
		}
		if (n > limit->valuedouble)
			problems_add(w->p, 0, path,
			    _("has %d items with %s %s; "
			    "at most %g are allowed"), n, leaf, limit->string,
			    limit->valuedouble);
	}
}

/* Checks each object of a list against the list field's children. */
static void
check_list(struct walk *w, size_t fi, const cJSON *list, const char *path)
{
	const cJSON *item;
	char *ipath;
	size_t i = 0, c;

	if (w->nindex >= ANSWERS_MAX_DEPTH)
		return;
	cJSON_ArrayForEach(item, list) {
		ipath = xasprintf("%s[%zu]", path, i);
		w->index[w->nindex++] = i++;
		if (cJSON_IsObject(item))
			check_object(w, fi, item, ipath);
		else
			problems_add(w->p, 0, ipath, _("must be an object"));
		w->nindex--;
		free(ipath);
	}
	for (c = fi + 1; c < w->form->nfields; c++) {
		if (w->form->fields[c].parent == fi &&
		    w->form->fields[c].max_count != NULL)
			check_counts(w, &w->form->fields[c], list, path);
	}
}

/* Reports a value that is required but missing. */
static void
report_missing(struct walk *w, const struct field *f, const char *path)
{
	char *why;

	if (f->required || f->required_if == NULL)
		problems_add(w->p, 0, path, _("is required"));
	else {
		why = form_cond_words(w->form, f->required_if, f->parent);
		problems_add(w->p, 0, path, _("is required because %s"), why);
		free(why);
	}
	w->p->v[w->p->n - 1].missing = 1;
}

/* Warns about a value sent while its field does not apply. */
static void
report_ignored(struct walk *w, const struct field *f, const char *path)
{
	char *why = form_cond_words(w->form, f->when, f->parent);

	problems_add(w->p, 1, path, _("is ignored: it applies only when %s"),
	    why);
	free(why);
}

/* The type error of a value that counts as not given (null, [] where no
 * list goes), or NULL: a blank string is simply missing (reading 14). */
static char *
empty_problem(const struct field *f, const cJSON *v)
{
	if (v == NULL || cJSON_IsInvalid(v))
		return NULL;
	if (cJSON_IsNull(v))
		return f->nullable ? NULL : xstrdup(_("must not be null"));
	if (cJSON_IsArray(v) && f->json != JT_ARRAY)
		return xstrdup(f->json == JT_OBJECT ? _("must be an object") :
		    _("must be a single value, not a list"));
	return NULL;
}

/* Reports a bad value at its path, or at path[item] for one list item. */
static void
report_value(struct walk *w, const char *path, long item, char *msg)
{
	char *at = item >= 0 ? xasprintf("%s[%ld]", path, item) :
	    xstrdup(path);

	problems_add(w->p, 0, at, "%s", msg);
	free(at);
	free(msg);
}

/* Warns about what certwiz changes before sending a good value. */
static void
report_rewrites(struct walk *w, const struct field *f, const cJSON *v,
    const char *path)
{
	if (!cJSON_IsString(v))
		return;
	if (f->type == FT_CSR && strpbrk(v->valuestring, "\r\n") != NULL)
		problems_add(w->p, 1, path, _("has line breaks; certwiz "
		    "removes them before sending"));
	if (f->type == FT_CARD_NUMBER && strpbrk(v->valuestring, " -") != NULL)
		problems_add(w->p, 1, path, _("has spaces or dashes; certwiz "
		    "sends the digits only"));
}

/* Checks one field of an object: presence, conditions, value, children. */
static void
check_field(struct walk *w, size_t fi, const cJSON *v, const char *path)
{
	const struct field *f = &w->form->fields[fi];
	char *msg;
	long item;
	int req;

	if (!answers_eval(f->when, w->body, w->index, w->nindex)) {
		if (answers_present(v))
			report_ignored(w, f, path);
		return;
	}
	req = f->required || (f->required_if != NULL &&
	    answers_eval(f->required_if, w->body, w->index, w->nindex));
	if (!answers_present(v)) {
		if ((msg = empty_problem(f, v)) != NULL)
			report_value(w, path, -1, msg);
		else if (req)
			report_missing(w, f, path);
		return;
	}
	msg = field_check_value(f, v, w->body, w->index, w->nindex, w->now,
	    &item);
	if (msg != NULL) {
		report_value(w, path, item, msg);
		return;
	}
	report_rewrites(w, f, v, path);
	if (f->type == FT_CSR && cJSON_IsString(v)) {
		if (strpbrk(v->valuestring, "\r\n") != NULL)
			problems_add(w->p, 1, path, _("has line breaks; "
			    "certwiz removes them before sending"));
		csr_check_field(w->form, f, v->valuestring, w->body, path,
		    w->p);
	}
	if (f->type == FT_OBJECT)
		check_object(w, fi, v, path);
	else if (f->type == FT_OBJECT_LIST)
		check_list(w, fi, v, path);
}

/* Checks the members of obj against the child fields of parent. */
static void
check_object(struct walk *w, size_t parent, const cJSON *obj,
    const char *prefix)
{
	const char *name;
	size_t i;
	char *path;

	check_unknown(w, parent, obj, prefix);
	for (i = 0; i < w->form->nfields; i++) {
		if (w->form->fields[i].parent != parent)
			continue;
		name = w->form->fields[i].name;
		path = join(prefix, name);
		check_field(w, i, cJSON_GetObjectItemCaseSensitive(obj, name),
		    path);
		free(path);
	}
}

/* Checks a request body against the form, local fields from answers. */
void
order_check_answers(const struct form *form, const cJSON *body,
    const cJSON *answers, time_t now, struct problems *p)
{
	struct walk w = { .form = form, .now = now, .p = p };
	cJSON *copy;

	if (!cJSON_IsObject(body)) {
		problems_add(p, 0, "", _("the order must be a JSON object"));
		return;
	}
	copy = cJSON_Duplicate(body, 1);
	order_set_local(form, copy, answers, p);
	w.body = copy;
	check_object(&w, SIZE_MAX, copy, "");
	cJSON_Delete(copy);
}

/* Checks a request body against the form. */
void
order_check(const struct form *form, const cJSON *body, time_t now,
    struct problems *p)
{
	order_check_answers(form, body, NULL, now, p);
}
