/* schema_expr.c: the condition language as JSON Schema: a condition on the
 * body (or on one list item) becomes a schema that holds exactly when the
 * condition does, as expr_eval() reads the values. */
#include "config.h"

#include "core/expr_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/expr.h"
#include "core/schema.h"
#include "util/xalloc.h"

/* A schema that matches no value given (expr_eval): absent, null, false,
 * a blank string, [] or {}. */
static cJSON *
not_given(void)
{
	return cJSON_Parse("{\"anyOf\": [{\"type\": \"null\"}, "
	    "{\"const\": false}, {\"type\": \"string\", \"pattern\": "
	    "\"^[\\\\t-\\\\r ]*$\"}, {\"type\": \"array\", \"maxItems\": 0}, "
	    "{\"type\": \"object\", \"maxProperties\": 0}]}");
}

/* {"required": [name], "properties": {name: inner}}, at one level. */
static cJSON *
member(const char *name, size_t len, cJSON *inner)
{
	cJSON *o = cJSON_CreateObject(), *req, *props;
	char *n = xstrndup(name, len);

	cJSON_AddStringToObject(o, "type", "object");
	req = cJSON_AddArrayToObject(o, "required");
	cJSON_AddItemToArray(req, cJSON_CreateString(n));
	props = cJSON_AddObjectToObject(o, "properties");
	cJSON_AddItemToObject(props, n, inner);
	free(n);
	return o;
}

/* Wraps inner so that it holds of the value at the dotted rel path, which
 * must be there (inside objects all the way). */
static cJSON *
at_path(const char *rel, cJSON *inner)
{
	const char *dot = strrchr(rel, '.');

	if (dot == NULL)
		return member(rel, strlen(rel), inner);
	inner = member(dot + 1, strlen(dot + 1), inner);
	{
		char *head = xstrndup(rel, (size_t)(dot - rel));
		cJSON *out = at_path(head, inner);

		free(head);
		return out;
	}
}

/* A pattern matching s exactly, ASCII letters in either case. */
static char *
caseless(const char *s)
{
	char *out = xmalloc(strlen(s) * 4 + 3), *w = out;

	*w++ = '^';
	for (; *s != '\0'; s++) {
		char c = *s, lo = (char)(c | 0x20);

		if (lo >= 'a' && lo <= 'z') {
			*w++ = '[';
			*w++ = lo;
			*w++ = (char)(lo & ~0x20);
			*w++ = ']';
		} else {
			if (strchr("\\^$.|?*+()[]{}/-", c) != NULL)
				*w++ = '\\';
			*w++ = c;
		}
	}
	*w++ = '$';
	*w = '\0';
	return out;
}

/* A schema for a value whose text equals the literal (eval_is). */
static cJSON *
literal(const struct lit *l)
{
	cJSON *any = cJSON_CreateArray(), *o = cJSON_CreateObject(), *s;
	char *pat;

	cJSON_AddItemToObject(o, "anyOf", any);
	switch (l->type) {
	case L_STR:
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "type", "string");
		pat = caseless(l->text);
		cJSON_AddStringToObject(s, "pattern", pat);
		free(pat);
		cJSON_AddItemToArray(any, s);
		break;
	case L_NUM:
		s = cJSON_CreateObject();
		cJSON_AddItemToObject(s, "const", cJSON_CreateNumber(
		    strtod(l->text, NULL)));
		cJSON_AddItemToArray(any, s);
		/* FALLTHROUGH */
	default:
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "const", l->text);
		cJSON_AddItemToArray(any, s);
		if (l->type == L_TRUE) {
			s = cJSON_CreateObject();
			cJSON_AddTrueToObject(s, "const");
			cJSON_AddItemToArray(any, s);
		}
	}
	return o;
}

/* {"not": s}. */
static cJSON *
negate(cJSON *s)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "not", s);
	return o;
}

/* {key: [a, b, ...]} from a NULL-free array built by the caller. */
static cJSON *
combine(const char *key, cJSON *list)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, key, list);
	return o;
}

static cJSON *to_schema(const struct form *, const struct expr *,
    const char *);

/* The local field named name, or NULL. */
static const struct field *
local_field(const struct form *form, const char *name)
{
	const struct field *f = form_find(form, name);

	return f != NULL && f->local ? f : NULL;
}

/* A schema for "local field f has value text" (NULL: has none): exactly
 * its condition holds among the infer conditions (order_set_local). */
static cJSON *
local_is(const struct form *form, const struct field *f, const char *text)
{
	cJSON *all = cJSON_CreateArray(), *one = cJSON_CreateArray(), *s;
	size_t i;

	for (i = 0; i < f->ninfer; i++) {
		if ((s = to_schema(form, f->infer[i].when, "")) == NULL) {
			cJSON_Delete(all);
			cJSON_Delete(one);
			return NULL;
		}
		cJSON_AddItemToArray(one, cJSON_Duplicate(s, 1));
		if (text != NULL && strcasecmp(text,
		    f->infer[i].value->valuestring) != 0)
			s = negate(s);
		if (text != NULL)
			cJSON_AddItemToArray(all, s);
		else
			cJSON_Delete(s);
	}
	s = combine("oneOf", one);
	if (text == NULL)
		s = negate(s);
	cJSON_AddItemToArray(all, s);
	return combine("allOf", all);
}

/* A schema for name == / != / in (lits) of a local field. */
static cJSON *
local_test(const struct form *form, const struct field *f,
    const struct expr *e)
{
	cJSON *any = cJSON_CreateArray(), *s;
	size_t i;

	if (e->kind == E_PRESENT)
		return negate(local_is(form, f, NULL));
	for (i = 0; i < e->nlits; i++) {
		s = local_is(form, f, e->lits[i].type == L_NULL ? NULL :
		    e->lits[i].text);
		if (s == NULL) {
			cJSON_Delete(any);
			return NULL;
		}
		cJSON_AddItemToArray(any, s);
	}
	s = combine("anyOf", any);
	return e->neg ? negate(s) : s;
}

/* The name relative to scope, or NULL when it lies outside it or crosses a
 * list of its own. */
static const char *
relative(const char *name, const char *scope)
{
	size_t n = strlen(scope);

	if (strncmp(name, scope, n) != 0 || strstr(name + n, "[]") != NULL)
		return NULL;
	return name + n;
}

/* A schema for "name is given" or "name ==/!=/in lits" at scope. */
static cJSON *
test_schema(const struct form *form, const struct expr *e, const char *scope)
{
	const struct field *lf = *scope == '\0' ? local_field(form, e->name) :
	    NULL;
	const char *rel = relative(e->name, scope);
	cJSON *any, *s;
	size_t i;

	if (lf != NULL)
		return local_test(form, lf, e);
	if (rel == NULL)
		return NULL;
	if (e->kind == E_PRESENT)
		return at_path(rel, negate(not_given()));
	any = cJSON_CreateArray();
	for (i = 0; i < e->nlits; i++) {
		if (e->lits[i].type == L_NULL)
			s = negate(at_path(rel, negate(not_given())));
		else {
			s = cJSON_CreateArray();
			cJSON_AddItemToArray(s, negate(not_given()));
			cJSON_AddItemToArray(s, literal(&e->lits[i]));
			s = at_path(rel, combine("allOf", s));
		}
		cJSON_AddItemToArray(any, s);
	}
	s = combine("anyOf", any);
	return e->neg ? negate(s) : s;
}

/* The schema of e at scope, or NULL when it cannot be said there. */
static cJSON *
to_schema(const struct form *form, const struct expr *e, const char *scope)
{
	cJSON *list, *s;
	size_t i;

	switch (e->kind) {
	case E_PRESENT:
	case E_IS:
		return test_schema(form, e, scope);
	case E_NOT:
		s = to_schema(form, e->kids[0], scope);
		return s != NULL ? negate(s) : NULL;
	default:
		list = cJSON_CreateArray();
		for (i = 0; i < e->nkids; i++) {
			if ((s = to_schema(form, e->kids[i], scope)) == NULL) {
				cJSON_Delete(list);
				return NULL;
			}
			cJSON_AddItemToArray(list, s);
		}
		return combine(e->kind == E_AND ? "allOf" : "anyOf", list);
	}
}

/* A schema that holds at scope when e does, or NULL. */
cJSON *
schema_expr(const struct form *form, const struct expr *e, const char *scope)
{
	return to_schema(form, e, scope);
}
