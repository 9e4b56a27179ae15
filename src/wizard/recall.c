/* recall.c: the answers of the last order kept in recall.json, per
 * platform (the account's organization) or per product (the order's
 * choices), offered to the next session. */
#include "config.h"

#include "wizard/recall.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/form.h"
#include "core/value.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/statedir.h"
#include "util/xalloc.h"
#include "wizard/session.h"
#include "wizard/session_int.h"

/* The recall file's path. */
char *
recall_path(void)
{
	return statedir_path("recall.json");
}

/* The whole recall file, or an empty object when it is missing or not an
 * object (a broken file is replaced on the next save). */
static cJSON *
recall_read(void)
{
	char *path = recall_path(), *cause = NULL;
	cJSON *all = fileio_read_json(path, &cause);

	free(cause);
	free(path);
	if (!cJSON_IsObject(all)) {
		cJSON_Delete(all);
		all = cJSON_CreateObject();
	}
	return all;
}

/* 1 when a remembered value has the shape the field takes. */
static int
shape_ok(const struct field *f, const cJSON *v)
{
	if (f->type == FT_OBJECT)
		return cJSON_IsObject(v);
	if (f->type == FT_OBJECT_LIST || f->type == FT_LIST ||
	    f->type == FT_MULTI_ENUM)
		return cJSON_IsArray(v);
	return cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v);
}

/* 1 when the scalar v is one of values, by its text (answers hold an
 * enumeration's numbers as text). */
static int
one_allowed(const cJSON *values, const cJSON *v)
{
	const cJSON *a;
	char tb[64], buf[64];
	const char *t = value_text(v, tb, sizeof tb), *u;

	cJSON_ArrayForEach(a, values) {
		u = value_text(a, buf, sizeof buf);
		if (t != NULL && u != NULL && strcmp(t, u) == 0)
			return 1;
	}
	return 0;
}

/* 1 when a remembered value may be filled in: its shape, and each of its
 * values among those the field allows given the answers so far (another
 * product of the platform, or an older form, may allow others). */
static int
value_ok(const struct session *s, const struct field *f, const cJSON *v)
{
	const cJSON *values = field_values(f, s->answers, NULL, 0), *item;

	if (!shape_ok(f, v))
		return 0;
	if (values == NULL || f->type == FT_OBJECT ||
	    f->type == FT_OBJECT_LIST)
		return 1;
	if (!cJSON_IsArray(v))
		return one_allowed(values, v);
	cJSON_ArrayForEach(item, v) {
		if (!one_allowed(values, item))
			return 0;
	}
	return 1;
}

/* The object in the recall file that keeps field f's answer: the
 * platform's, or the product's under "products"; NULL when there is
 * none. */
static const cJSON *
recall_scope(const cJSON *all, const struct form *form,
    const struct field *f)
{
	const cJSON *o = all;

	if (f->remember == REMEMBER_PRODUCT)
		o = cJSON_GetObjectItemCaseSensitive(all, "products");
	o = cJSON_GetObjectItemCaseSensitive(o, f->remember ==
	    REMEMBER_PRODUCT ? form->id : form->platform);
	return cJSON_IsObject(o) ? o : NULL;
}

/* 1 when field i and every object around it apply to the answers. */
static int
applies(const struct session *s, size_t i)
{
	const struct field *f;

	for (; i != SIZE_MAX; i = f->parent) {
		f = &s->form->fields[i];
		if (!answers_eval(f->when, s->answers, NULL, 0))
			return 0;
	}
	return 1;
}

/* Adds a path to r. */
static void
recall_add(struct recall *r, const char *path)
{
	r->paths = xreallocarray(r->paths, r->n + 1, sizeof *r->paths);
	r->paths[r->n++] = xstrdup(path);
}

/* Fills in the answers remembered for the session's platform and
 * product. */
size_t
recall_apply(struct session *s, struct recall *r)
{
	cJSON *all = recall_read();
	const cJSON *v;
	const struct field *f;
	size_t i;
	int changed;

	for (i = 0; i < s->form->nfields; i++) {
		f = &s->form->fields[i];
		if (!f->remember || f->secret)
			continue;
		v = answers_get(recall_scope(all, s->form, f), f->path, NULL,
		    0);
		if (v == NULL || !value_given(v) || !value_ok(s, f, v) ||
		    cJSON_Compare(v, answers_get(s->answers, f->path, NULL,
		    0), 1))
			continue;
		answers_set(s->answers, f->path, NULL, 0,
		    cJSON_Duplicate(v, 1));
		recall_add(r, f->path);
	}
	cJSON_Delete(all);
	changed = s->changed;
	session_follow(s);	/* Key size after a remembered Key type */
	s->changed = changed;
	return r->n;
}

/* Removes the answer at a path without "[]". */
static void
answer_remove(cJSON *answers, const char *path)
{
	const char *dot = strrchr(path, '.');
	char *parent;
	cJSON *o = answers;

	if (dot != NULL) {
		parent = xstrndup(path, (size_t)(dot - path));
		o = (cJSON *)answers_get(answers, parent, NULL, 0);
		free(parent);
	}
	if (cJSON_IsObject(o))
		cJSON_DeleteItemFromObjectCaseSensitive(o,
		    dot != NULL ? dot + 1 : path);
}

/* Removes the answers recall_apply() filled in; defaults come back. */
void
recall_clear(struct session *s, struct recall *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		answer_remove(s->answers, r->paths[i]);
	session_fill_defaults(s->form, s->answers);	/* a choice's */
	if (r->n > 0)
		s->changed = 1;
	recall_free(r);
}

/* Writes the whole recall file, making the state directory first. */
static int
recall_write(const cJSON *all, char **cause)
{
	char *dir = statedir_path(NULL), *path = recall_path(), *text;
	int rc;

	if ((rc = statedir_make(dir, cause)) == 0) {
		if ((text = json_print(all, 1, cause)) == NULL)
			rc = -1;
		else
			rc = fileio_write_atomic(path, text, cause);
		cJSON_free(text);
	}
	free(path);
	free(dir);
	return rc;
}

/* The object named name in o, made (or replaced) when it is not one. */
static cJSON *
object_in(cJSON *o, const char *name)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	if (cJSON_IsObject(v))
		return v;
	cJSON_DeleteItemFromObjectCaseSensitive(o, name);
	return cJSON_AddObjectToObject(o, name);
}

/* The objects a finished order's answers go to: the platform's (merged)
 * and the product's (replaced: the choices of its last order only). */
static void
recall_targets(cJSON *all, const struct form *form, cJSON **plat,
    cJSON **prod)
{
	cJSON *products = object_in(all, "products");

	*plat = object_in(all, form->platform);
	cJSON_DeleteItemFromObjectCaseSensitive(products, form->id);
	*prod = cJSON_AddObjectToObject(products, form->id);
}

/* Merges the session's remembered answers into recall.json. */
static int
recall_merge(const struct session *s, char **cause)
{
	cJSON *all = recall_read(), *pub = session_answers_public(s);
	cJSON *plat, *prod;
	const cJSON *v;
	const struct field *f;
	size_t i, kept = 0;
	int rc = 0;

	recall_targets(all, s->form, &plat, &prod);
	for (i = 0; i < s->form->nfields; i++) {
		f = &s->form->fields[i];
		if (!f->remember || f->secret || !applies(s, i))
			continue;
		v = answers_get(pub, f->path, NULL, 0);
		if (v != NULL && value_given(v) && shape_ok(f, v)) {
			answers_set(f->remember == REMEMBER_PRODUCT ? prod :
			    plat, f->path, NULL, 0, cJSON_Duplicate(v, 1));
			kept++;
		}
	}
	if (kept > 0)
		rc = recall_write(all, cause);
	cJSON_Delete(pub);
	cJSON_Delete(all);
	return rc;
}

/* Keeps the remembered answers of a finished order. */
int
recall_save(const struct session *s, char **cause)
{
	char *dir = statedir_path(NULL), *lock = statedir_path("recall.lock");
	int fd, rc;

	fd = statedir_make(dir, cause) == 0 ? fileio_lock(lock, 1, cause) : -1;
	rc = fd < 0 ? -1 : recall_merge(s, cause);
	fileio_unlock(lock, fd);
	free(lock);
	free(dir);
	return rc;
}

/* A label in lower case; allocated. */
static char *
lower(const char *label)
{
	char *out = xstrdup(label), *p;

	for (p = out; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* One remembered answer in words: "organization 123456", "1 contact",
 * "the shipping address". */
static char *
summary_one(const struct session *s, const char *path)
{
	const struct field *f = form_find(s->form, path);
	const cJSON *v = answers_get(s->answers, path, NULL, 0);
	const char *name;
	char *label, *out, buf[32] = "";
	int n;

	if (f == NULL || v == NULL)
		return xstrdup(path);
	if (cJSON_IsArray(v)) {
		n = cJSON_GetArraySize(v);
		label = lower(form_text(f->label));
		if (n == 1 && *label != '\0' && label[strlen(label) - 1] == 's')
			label[strlen(label) - 1] = '\0';
		out = xasprintf("%d %s", n, label);
	} else if (cJSON_IsObject(v)) {
		label = lower(form_text(f->label));
		out = xasprintf(_("the %s"), label);
	} else {
		name = strcmp(f->name, "id") == 0 && f->parent != SIZE_MAX ?
		    s->form->fields[f->parent].label : f->label;
		label = lower(form_text(name));
		if (cJSON_IsNumber(v))
			snprintf(buf, sizeof buf, "%.0f", v->valuedouble);
		else if (cJSON_IsBool(v))
			snprintf(buf, sizeof buf, "%s", cJSON_IsTrue(v) ?
			    "true" : "false");
		out = xasprintf("%s %s", label, cJSON_IsString(v) ?
		    v->valuestring : buf);
	}
	free(label);
	return out;
}

/* The remembered answers in words, joined with commas and "and". */
char *
recall_summary(const struct session *s, const struct recall *r)
{
	char *out = xstrdup(""), *one, *next;
	size_t i;

	for (i = 0; i < r->n; i++) {
		one = summary_one(s, r->paths[i]);
		next = xasprintf("%s%s%s", out, i == 0 ? "" : i + 1 == r->n ?
		    _(" and ") : ", ", one);
		free(one);
		free(out);
		out = next;
	}
	return out;
}

/* The line plain mode prints when answers were filled in. */
char *
recall_note_plain(const struct session *s, const struct recall *r)
{
	char *out, *next, *plat = xstrdup(s->form->platform), *p;
	size_t i;

	for (p = plat; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	out = xasprintf(_("remembered from your last %s order:"), plat);
	for (i = 0; i < r->n; i++) {
		next = xasprintf("%s%s %s", out, i == 0 ? "" : ",",
		    r->paths[i]);
		free(out);
		out = next;
	}
	free(plat);
	return out;
}

/* Releases what r holds. */
void
recall_free(struct recall *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->paths[i]);
	free(r->paths);
	r->paths = NULL;
	r->n = 0;
}
