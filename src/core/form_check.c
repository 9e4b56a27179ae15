/* form_check.c: the checks a loaded form must pass. */
#include "config.h"

#include "core/form_check.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/form.h"
#include "core/lookup.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Sets *cause to "file: field path: message" and returns -1. */
int
form_error(char **cause, const char *file, const char *path, const char *fmt,
    ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (path != NULL)
		*cause = xasprintf(_("%s: field %s: %s"), file, path, msg);
	else
		*cause = xasprintf("%s: %s", file, msg);
	free(msg);
	return -1;
}

/* Reports a problem with field f. */
#define fail(cause, f, ...) form_error(cause, (f)->file, (f)->path, __VA_ARGS__)

/* Finds the index of the field with this path among the first n, or
 * SIZE_MAX. */
static size_t
find_before(const struct form *form, size_t n, const char *path, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strlen(form->fields[i].path) == len &&
		    strncmp(form->fields[i].path, path, len) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Links field i to its parent, which must be an earlier object or list. */
static int
link_parent(struct form *form, size_t i, char **cause)
{
	struct field *f = &form->fields[i];
	const char *dot = strrchr(f->path, '.');
	size_t len, p;
	int list;

	if (find_before(form, i, f->path, strlen(f->path)) != SIZE_MAX)
		return fail(cause, f, _("duplicate path"));
	if (dot == NULL)
		return 0;
	len = (size_t)(dot - f->path);
	list = len > 2 && strncmp(dot - 2, "[]", 2) == 0;
	p = find_before(form, i, f->path, list ? len - 2 : len);
	if (p == SIZE_MAX)
		return fail(cause, f,
		    _("its parent %.*s is not declared before "
		    "it"), (int)len, f->path);
	if (form->fields[p].type != (list ? FT_OBJECT_LIST : FT_OBJECT))
		return fail(cause, f, _("its parent %s is not %s"),
		    form->fields[p].path,
		    list ? _("an object-list") : _("an object"));
	f->parent = p;
	return 0;
}

/* Checks "key_type" and "key_size": on a csr field, naming enum fields
 * outside any list (key_size only with key_type). */
static int
check_key_fields(const struct form *form, const struct field *f,
    char **cause)
{
	const char *paths[] = { f->key_type, f->key_size };
	const struct field *k;
	size_t i;

	if (f->key_type == NULL && f->key_size == NULL)
		return 0;
	if (f->type != FT_CSR || f->key_type == NULL)
		return fail(cause, f, _("\"key_type\" (and \"key_size\") are "
		    "for csr fields, and key_size needs key_type"));
	for (i = 0; i < 2; i++) {
		if (paths[i] == NULL)
			continue;
		k = form_find(form, paths[i]);
		if (k == NULL || k->type != FT_ENUM ||
		    strchr(paths[i], '[') != NULL)
			return fail(cause, f, _("\"%s\" must name an enum "
			    "field outside any list"), i == 0 ? "key_type" :
			    "key_size");
	}
	return 0;
}

/* Checks that a type has what it needs (values, item, month field). */
static int
check_type(const struct form *form, const struct field *f, char **cause)
{
	const struct field *m;

	if ((f->type == FT_ENUM || f->type == FT_MULTI_ENUM) &&
	    f->values == NULL && f->nvalues_if == 0)
		return fail(cause, f, _("an enum needs \"values\""));
	if (f->type == FT_OBJECT_LIST && f->json != JT_ARRAY)
		return fail(cause, f, _("an object-list is sent as an array"));
	if (f->type == FT_OBJECT && f->json != JT_OBJECT)
		return fail(cause, f, _("an object is sent as an object"));
	if (f->expiry_month != NULL) {
		m = form_find(form, f->expiry_month);
		if (f->type != FT_CARD_YEAR || m == NULL ||
		    m->type != FT_CARD_MONTH)
			return fail(cause, f, _("\"expiry_month\" must be on a "
			    "card-year and name a card-month field"));
	}
	if (f->max_count != NULL && f->type != FT_ENUM)
		return fail(cause, f, _("\"max_count\" is for enum fields"));
	if (f->lookup != NULL && (f->type != FT_ID ||
	    lookup_find(f->lookup) == NULL))
		return fail(cause, f, _("\"lookup\" must be \"organizations\", "
		    "\"server_platforms\", \"users\" or \"containers\", on "
		    "an id field"));
	return check_key_fields(form, f, cause);
}

/* Carries a form and a field through expr_walk_names(). */
struct name_ctx {
	const struct form	*form;
	const char		*unknown;
};

/* Notes a name that is not a field of the form. */
static int
check_name(const char *name, void *arg)
{
	struct name_ctx *ctx = arg;

	if (form_find(ctx->form, name) != NULL)
		return 0;
	ctx->unknown = name;
	return 1;
}

/* Checks that a condition names only fields of the form. */
static int
check_expr(const struct form *form, const struct field *f,
    const struct expr *e, char **cause)
{
	struct name_ctx ctx = { form, NULL };

	if (e == NULL || expr_walk_names(e, check_name, &ctx) == 0)
		return 0;
	return fail(cause, f, _("condition '%s' names unknown field '%s'"),
	    expr_source(e), ctx.unknown);
}

/* Checks every condition of field f. */
static int
check_conditions(const struct form *form, const struct field *f, char **cause)
{
	size_t i;

	if (check_expr(form, f, f->when, cause) != 0 ||
	    check_expr(form, f, f->required_if, cause) != 0)
		return -1;
	for (i = 0; i < f->nvalues_if; i++) {
		if (check_expr(form, f, f->values_if[i].when, cause) != 0)
			return -1;
	}
	for (i = 0; i < f->ninfer; i++) {
		if (check_expr(form, f, f->infer[i].when, cause) != 0)
			return -1;
	}
	return 0;
}

/* A local field is a top-level enum the body never holds; only it may
 * infer its value, and only a date may have "max_years". */
static int
check_local(const struct field *f, char **cause)
{
	if (f->local && (f->type != FT_ENUM || strchr(f->path, '.') != NULL))
		return fail(cause, f,
		    _("a local field must be a top-level enum"));
	if (f->ninfer > 0 && !f->local)
		return fail(cause, f, _("only a local field may \"infer\""));
	if (f->max_years >= 0 && f->type != FT_DATE)
		return fail(cause, f, _("\"max_years\" is for date fields"));
	return 0;
}

/* 1 when field i is field a or lies inside it. */
static int
is_within(const struct form *form, size_t i, size_t a)
{
	for (; i != SIZE_MAX; i = form->fields[i].parent) {
		if (i == a)
			return 1;
	}
	return 0;
}

/* Refuses "remember" inside a list, and on a secret field, an ancestor of
 * one or a field on a screen with one (the card's billing address). */
static int
check_remember(const struct form *form, size_t i, char **cause)
{
	const struct field *f = &form->fields[i], *g;
	size_t j;

	if (!f->remember)
		return 0;
	if (strstr(f->path, "[]") != NULL)
		return fail(cause, f, _("\"remember\" is not allowed inside a "
		    "list"));
	for (j = 0; j < form->nfields; j++) {
		g = &form->fields[j];
		if (g->secret && (is_within(form, j, i) ||
		    g->screen == f->screen))
			return fail(cause, f, _("\"remember\" is not allowed "
			    "on a secret field, around one or on its screen "
			    "(%s)"), g->path);
	}
	return 0;
}

/* Links each field to its parent and checks the form as a whole. */
int
form_check(struct form *form, char **cause)
{
	struct field probe = { 0 };
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		if (link_parent(form, i, cause) != 0 ||
		    check_type(form, &form->fields[i], cause) != 0 ||
		    check_local(&form->fields[i], cause) != 0 ||
		    check_conditions(form, &form->fields[i], cause) != 0)
			return -1;
	}
	for (i = 0; i < form->nfields; i++) {
		if (check_remember(form, i, cause) != 0)
			return -1;
	}
	for (i = 0; i < form->nscreens; i++) {
		probe.file = form->file;
		probe.path = form->screens[i].title;
		if (check_expr(form, &probe, form->screens[i].when, cause) != 0)
			return -1;
	}
	return 0;
}
