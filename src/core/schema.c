/* schema.c: a product's order body as a JSON Schema (draft 2020-12), from
 * its form: every field's type, enumeration, limits and help, conditions
 * as if/then, with the same reading of values as order_check(). */
#include "config.h"

#include "core/schema.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/field_type.h"
#include "util/xalloc.h"

/* A value that counts as not there (answers_present): null, a blank
 * string, []. */
#define NOT_PRESENT "{\"anyOf\": [{\"type\": \"null\"}, {\"type\": " \
	"\"string\", \"pattern\": \"^[\\\\t-\\\\r ]*$\"}, {\"type\": " \
	"\"array\", \"maxItems\": 0}]}"

/* What the generator carries: the form and the rules it could not say. */
struct gen {
	const struct form	*form;
	cJSON			*notes;		/* strings */
};

static cJSON *scope_rules(struct gen *, size_t);

/* Notes a rule the schema cannot say: what it is, at path. */
static void
note(struct gen *g, const char *path, const char *what)
{
	char *text = xasprintf("%s: %s", path, what);
	const cJSON *n;

	cJSON_ArrayForEach(n, g->notes) {
		if (strcmp(n->valuestring, text) == 0) {
			free(text);
			return;
		}
	}
	cJSON_AddItemToArray(g->notes, cJSON_CreateString(text));
	free(text);
}

/* {key: value} as a new object. */
static cJSON *
one(const char *key, cJSON *value)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, key, value);
	return o;
}

/* The schema of an ID (check_id), with the special values min..-1. */
static cJSON *
id_schema(const struct field *f)
{
	cJSON *any = cJSON_CreateArray(), *s;
	char *pat;

	cJSON_AddItemToArray(any, cJSON_Parse("{\"type\": \"integer\", "
	    "\"minimum\": 1, \"maximum\": 9007199254740992}"));
	cJSON_AddItemToArray(any, cJSON_Parse("{\"type\": \"string\", "
	    "\"pattern\": \"^(?!0+$)[0-9]{1,18}$\"}"));
	if (f->has_min && f->min < 0) {
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "type", "integer");
		cJSON_AddNumberToObject(s, "minimum", (double)f->min);
		cJSON_AddNumberToObject(s, "maximum", -1);
		cJSON_AddItemToArray(any, s);
		pat = f->min == -1 ? xstrdup("^-0*1$") :
		    xstrdup("^-0*[1-9][0-9]*$");
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "type", "string");
		cJSON_AddStringToObject(s, "pattern", pat);
		cJSON_AddItemToArray(any, s);
		free(pat);
	}
	return one("anyOf", any);
}

/* Adds the members of a type's bounds ("{...}") to schema s. */
static void
add_bounds(cJSON *s, const char *bounds)
{
	cJSON *b = bounds != NULL ? cJSON_Parse(bounds) : NULL, *m;

	while (b != NULL && (m = cJSON_DetachItemViaPointer(b, b->child)) !=
	    NULL)
		cJSON_AddItemToObject(s, m->string, m);
	cJSON_Delete(b);
}

/* The schema of one scalar of type (a value, or a list item). */
static cJSON *
scalar_schema(struct gen *g, const struct field *f, enum field_type type)
{
	cJSON *s;
	const struct field_type_def *t = &field_types[type];

	if (type == FT_ID)
		return id_schema(f);
	s = cJSON_CreateObject();
	if (type == FT_INTEGER && f->has_min)
		cJSON_AddNumberToObject(s, "minimum", (double)f->min);
	if (type == FT_INTEGER && f->has_max)
		cJSON_AddNumberToObject(s, "maximum", (double)f->max);
	if (t->pattern != NULL)
		cJSON_AddStringToObject(s, "pattern", t->pattern);
	add_bounds(s, t->bounds);
	if (f->min_length >= 0)
		cJSON_AddNumberToObject(s, "minLength", (double)f->min_length);
	if (f->max_length >= 0)
		cJSON_AddNumberToObject(s, "maxLength", (double)f->max_length);
	if (t->note != NULL)
		note(g, f->path, t->note);
	return s;
}

/* The JSON kind a field is sent as (check_kind), or NULL for any. */
static cJSON *
kind_schema(const struct field *f)
{
	switch (f->json) {
	case JT_STRING:
		return cJSON_Parse("{\"type\": \"string\"}");
	case JT_INTEGER:
		if (f->type == FT_ID || f->values != NULL || f->nvalues_if > 0)
			return NULL;
		return cJSON_Parse("{\"type\": \"integer\"}");
	case JT_BOOLEAN:
		return cJSON_Parse("{\"anyOf\": [{\"type\": \"boolean\"}, "
		    "{\"enum\": [0, 1]}]}");
	case JT_OBJECT:
		return cJSON_Parse("{\"type\": \"object\"}");
	default:
		return cJSON_Parse("{\"type\": \"array\"}");
	}
}

/* "at most n items with member value" of a list (check_counts). */
static void
add_counts(const struct form *form, size_t fi, cJSON *all)
{
	const struct field *c;
	const cJSON *limit;
	cJSON *s;
	size_t i;

	for (i = fi + 1; i < form->nfields; i++) {
		c = &form->fields[i];
		if (c->parent != fi || c->max_count == NULL)
			continue;
		cJSON_ArrayForEach(limit, c->max_count) {
			s = cJSON_CreateObject();
			cJSON_AddItemToObject(s, "contains", one("properties",
			    one(c->name, one("const", cJSON_CreateString(
			    limit->string)))));
			cJSON_AddNumberToObject(s, "minContains", 0);
			cJSON_AddNumberToObject(s, "maxContains",
			    limit->valuedouble);
			cJSON_AddItemToArray(all, s);
		}
	}
}

/* The schema of a present value of field fi, given its allowed values
 * (field_check_value). */
static cJSON *
typed_schema(struct gen *g, size_t fi, const cJSON *values)
{
	const struct field *f = &g->form->fields[fi];
	cJSON *all = cJSON_CreateArray(), *k = kind_schema(f), *items;

	if (k != NULL)
		cJSON_AddItemToArray(all, k);
	if (f->max_items >= 0 && (f->type == FT_LIST ||
	    f->type == FT_MULTI_ENUM || f->type == FT_OBJECT_LIST))
		cJSON_AddItemToArray(all, one("maxItems",
		    cJSON_CreateNumber((double)f->max_items)));
	if (f->type == FT_OBJECT_LIST) {
		items = one("type", cJSON_CreateString("object"));
		cJSON_AddItemToObject(items, "allOf", scope_rules(g, fi));
		cJSON_AddItemToArray(all, one("items", items));
		add_counts(g->form, fi, all);
	} else if (f->type == FT_MULTI_ENUM && values != NULL)
		cJSON_AddItemToArray(all, one("items", one("enum",
		    cJSON_Duplicate(values, 1))));
	else if (f->type == FT_LIST) {
		items = cJSON_CreateArray();
		if (f->item != FT_ID && f->item != FT_INTEGER)
			cJSON_AddItemToArray(items, one("type",
			    cJSON_CreateString("string")));
		cJSON_AddItemToArray(items, scalar_schema(g, f, f->item));
		cJSON_AddItemToArray(all, one("items", one("allOf", items)));
	} else if (values != NULL)
		cJSON_AddItemToArray(all, one("enum", cJSON_Duplicate(values,
		    1)));
	else if (f->type != FT_OBJECT && f->type != FT_ENUM &&
	    f->type != FT_MULTI_ENUM)
		cJSON_AddItemToArray(all, scalar_schema(g, f, f->type));
	return one("allOf", all);
}

/* A value of f that is not checked (blank, [] for a list, null where
 * allowed) or a good one. */
static cJSON *
value_schema(struct gen *g, size_t fi, const cJSON *values)
{
	const struct field *f = &g->form->fields[fi];
	cJSON *any = cJSON_CreateArray();

	cJSON_AddItemToArray(any, cJSON_Parse("{\"type\": \"string\", "
	    "\"pattern\": \"^[\\\\t-\\\\r ]*$\"}"));
	if (f->nullable)
		cJSON_AddItemToArray(any, cJSON_Parse("{\"type\": \"null\"}"));
	if (f->json == JT_ARRAY)
		cJSON_AddItemToArray(any, cJSON_Parse("{\"type\": \"array\", "
		    "\"maxItems\": 0}"));
	cJSON_AddItemToArray(any, typed_schema(g, fi, values));
	return one("anyOf", any);
}

/* The list field whose items field fi lies in (nearest), or SIZE_MAX. */
static size_t
list_of(const struct form *form, size_t fi)
{
	size_t p;

	for (p = form->fields[fi].parent; p != SIZE_MAX;
	    p = form->fields[p].parent) {
		if (form->fields[p].type == FT_OBJECT_LIST)
			return p;
	}
	return SIZE_MAX;
}

/* The scope prefix of a list's items ("a.b[]."), or "" for the body. */
static char *
scope_prefix(const struct form *form, size_t list)
{
	return list == SIZE_MAX ? xstrdup("") :
	    xasprintf("%s[].", form->fields[list].path);
}

/* Wraps x so it holds of the object at rel (dotted, from the scope) when
 * that object is there. */
static cJSON *
within(const char *rel, cJSON *x)
{
	const char *dot;
	char *head;

	if (*rel == '\0')
		return x;
	if ((dot = strrchr(rel, '.')) == NULL)
		return one("properties", one(rel, x));
	x = one("properties", one(dot + 1, x));
	head = xstrndup(rel, (size_t)(dot - rel));
	x = within(head, x);
	free(head);
	return x;
}

/* Adds to guard the schema of e at scope; 0, or -1 when it cannot be said
 * (then the rule is noted and left out). */
static int
guard_add(struct gen *g, cJSON *guard, const struct expr *e,
    const char *scope, const char *path)
{
	cJSON *s;

	if (e == NULL)
		return 0;
	if ((s = schema_expr(g->form, e, scope)) == NULL) {
		note(g, path, "a condition that names a field outside its list "
		    "item");
		return -1;
	}
	cJSON_AddItemToArray(guard, s);
	return 0;
}

/* The "when" of field fi and its ancestors inside the scope, as a list of
 * schemas; NULL when one cannot be said. */
static cJSON *
field_guard(struct gen *g, size_t fi, size_t list, const char *scope)
{
	cJSON *guard = cJSON_CreateArray();
	size_t p;

	for (p = fi; p != SIZE_MAX && p != list;
	    p = g->form->fields[p].parent) {
		if (guard_add(g, guard, g->form->fields[p].when, scope,
		    g->form->fields[fi].path) != 0) {
			cJSON_Delete(guard);
			return NULL;
		}
	}
	return guard;
}

/* Adds {"if": guard, "then": then} (or then alone) to rules; takes both. */
static void
add_rule(cJSON *rules, cJSON *guard, cJSON *then)
{
	cJSON *r;

	if (cJSON_GetArraySize(guard) == 0) {
		cJSON_Delete(guard);
		cJSON_AddItemToArray(rules, then);
		return;
	}
	r = one("if", one("allOf", guard));
	cJSON_AddItemToObject(r, "then", then);
	cJSON_AddItemToArray(rules, r);
}

/* The member name and the dotted path of its parent from the scope. */
static char *
parent_rel(const struct field *f, const char *scope)
{
	const char *rel = f->path + strlen(scope), *dot = strrchr(rel, '.');

	return dot == NULL ? xstrdup("") : xstrndup(rel, (size_t)(dot - rel));
}

/* Adds the rule that a value of f is good while guard holds. */
static void
value_rule(struct gen *g, size_t fi, const char *prel, cJSON *guard,
    const cJSON *values, cJSON *rules)
{
	const struct field *f = &g->form->fields[fi];

	add_rule(rules, guard, within(prel, one("properties", one(f->name,
	    value_schema(g, fi, values)))));
}

/* Adds one value rule per set of allowed values (values_if in order, then
 * the values that apply otherwise); 0, or -1 when one cannot be said. */
static int
values_rules(struct gen *g, size_t fi, const char *prel, const cJSON *guard,
    const char *scope, cJSON *rules)
{
	const struct field *f = &g->form->fields[fi];
	cJSON *gi, *s;
	size_t i, j;

	for (i = 0; i <= f->nvalues_if; i++) {
		gi = cJSON_Duplicate(guard, 1);
		for (j = 0; j < i; j++) {
			s = schema_expr(g->form, f->values_if[j].when, scope);
			if (s == NULL)
				break;
			cJSON_AddItemToArray(gi, one("not", s));
		}
		if (j < i || (i < f->nvalues_if && guard_add(g, gi,
		    f->values_if[i].when, scope, f->path) != 0)) {
			cJSON_Delete(gi);
			return -1;
		}
		value_rule(g, fi, prel, gi, i < f->nvalues_if ?
		    f->values_if[i].values : f->values, rules);
	}
	return 0;
}

/* Adds the rules of field fi (its value, its presence) to rules. */
static void
field_rules(struct gen *g, size_t fi, size_t list, const char *scope,
    cJSON *rules)
{
	const struct field *f = &g->form->fields[fi];
	char *prel = parent_rel(f, scope);
	cJSON *guard = field_guard(g, fi, list, scope), *req, *then;

	if (guard == NULL) {
		free(prel);
		return;
	}
	if (values_rules(g, fi, prel, guard, scope, rules) != 0)
		note(g, f->path, "values that depend on another list item");
	if (f->required || f->required_if != NULL) {
		req = cJSON_Duplicate(guard, 1);
		if (f->required || guard_add(g, req, f->required_if, scope,
		    f->path) == 0) {
			then = one("required", cJSON_CreateArray());
			cJSON_AddItemToArray(cJSON_GetObjectItem(then,
			    "required"), cJSON_CreateString(f->name));
			cJSON_AddItemToObject(then, "properties", one(f->name,
			    one("not", cJSON_Parse(NOT_PRESENT))));
			add_rule(rules, req, within(prel, then));
		} else
			cJSON_Delete(req);
	}
	cJSON_Delete(guard);
	free(prel);
}

/* The rules of the fields of one scope: the body (list SIZE_MAX) or the
 * items of a list field. */
static cJSON *
scope_rules(struct gen *g, size_t list)
{
	cJSON *rules = cJSON_CreateArray(), *any;
	char *scope = scope_prefix(g->form, list);
	const struct field *f;
	size_t i, k;

	for (i = 0; i < g->form->nfields; i++) {
		f = &g->form->fields[i];
		if (f->local && list == SIZE_MAX && f->ninfer > 0) {
			/* exactly one of organization.id or .name */
			any = cJSON_CreateArray();
			for (k = 0; k < f->ninfer; k++)
				cJSON_AddItemToArray(any, schema_expr(g->form,
				    f->infer[k].when, ""));
			cJSON_AddItemToArray(rules, one("oneOf", any));
		}
		if (!f->local && list_of(g->form, i) == list)
			field_rules(g, i, list, scope, rules);
	}
	free(scope);
	return rules;
}

/* The annotation node of a field path under root, made on the way:
 * "a.b[].c" is root.properties.a.properties.b.items.properties.c. */
static cJSON *
annot_node(cJSON *root, const char *path)
{
	char *copy = xstrdup(path), *seg, *save = NULL;
	cJSON *node = root, *props, *next;
	size_t len;

	for (seg = strtok_r(copy, ".", &save); seg != NULL;
	    seg = strtok_r(NULL, ".", &save)) {
		len = strlen(seg);
		if (len > 2 && strcmp(seg + len - 2, "[]") == 0)
			seg[len - 2] = '\0';
		if ((props = cJSON_GetObjectItem(node, "properties")) == NULL)
			props = cJSON_AddObjectToObject(node, "properties");
		if ((next = cJSON_GetObjectItem(props, seg)) == NULL)
			next = cJSON_AddObjectToObject(props, seg);
		node = next;
		if (len > 2 && seg[len - 2] == '\0') {
			if ((next = cJSON_GetObjectItem(node, "items")) == NULL)
				next = cJSON_AddObjectToObject(node, "items");
			node = next;
		}
	}
	free(copy);
	return node;
}

/* Adds each field's label and help as title and description. */
static void
add_annotations(const struct form *form, cJSON *root)
{
	const struct field *f;
	cJSON *node;
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		f = &form->fields[i];
		if (f->local)
			continue;
		node = annot_node(root, f->path);
		cJSON_AddStringToObject(node, "title", f->label);
		if (f->help[0] != '\0')
			cJSON_AddStringToObject(node, "description", f->help);
		if (f->dflt != NULL)
			cJSON_AddItemToObject(node, "default",
			    cJSON_Duplicate(f->dflt, 1));
	}
}

/* The schema's description: the product and the rules left to certwiz. */
static char *
describe(const struct form *form, const cJSON *notes)
{
	const cJSON *n;
	char *text = xasprintf("%s (%s): %s Generated from certwiz's form; "
	    "members the form does not know are allowed (certwiz warns "
	    "about them). Rules this schema cannot say, which `certwiz "
	    "validate` checks: a member given twice;", form->title, form->id,
	    form->summary), *next;

	cJSON_ArrayForEach(n, notes) {
		next = xasprintf("%s %s%s", text, n->valuestring,
		    n->next != NULL ? ";" : ".");
		free(text);
		text = next;
	}
	return text;
}

/* The JSON Schema of a product's order body. */
cJSON *
schema_form(const struct form *form)
{
	struct gen g = { form, cJSON_CreateArray() };
	cJSON *root = cJSON_CreateObject(), *rules;
	char *text;

	cJSON_AddStringToObject(root, "$schema",
	    "https://json-schema.org/draft/2020-12/schema");
	cJSON_AddStringToObject(root, "title", form->title);
	cJSON_AddStringToObject(root, "type", "object");
	rules = scope_rules(&g, SIZE_MAX);
	add_annotations(form, root);
	cJSON_AddItemToObject(root, "allOf", rules);
	text = describe(form, g.notes);
	cJSON_AddStringToObject(root, "description", text);
	free(text);
	cJSON_Delete(g.notes);
	return root;
}
