/* form_fill.c: turning expanded form JSON into fields and screens. */
#include "config.h"

#include "core/form_fill.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/check.h"
#include "core/expr.h"
#include "core/field_type.h"
#include "core/form.h"
#include "core/form_check.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Reports a problem with field f (whose path may not be read yet). */
#define fail(cause, f, ...) form_error(cause, (f)->file != NULL ? \
	(f)->file : "?", (f)->path != NULL ? (f)->path : _("(no path)"), \
	__VA_ARGS__)

/* Checks a field path: segments of [a-z0-9_], each optionally ending in []. */
static int
path_valid(const char *p)
{
	int seglen = 0;

	for (;; p++) {
		if (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '_') {
			seglen++;
			continue;
		}
		if (*p == '[' && p[1] == ']' && seglen > 0 &&
		    (p[2] == '.' || p[2] == '\0')) {
			p++;
			continue;
		}
		if ((*p == '.' || *p == '\0') && seglen > 0) {
			if (*p == '\0')
				return 1;
			seglen = 0;
			continue;
		}
		return 0;
	}
}

/* Reads an optional string member; 0, or -1 with *cause when not a string. */
static int
get_string(const cJSON *obj, const char *key, int need, char **out,
    const struct field *f, char **cause)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL && !need)
		return 0;
	/* v == NULL is also !cJSON_IsString(v); said for scan-build, which
	 * cannot see into cJSON and took v as dereferenced while NULL. */
	if (v == NULL || !cJSON_IsString(v) || v->valuestring[0] == '\0')
		return fail(cause, f, _("\"%s\" must be a non-empty "
		    "string"), key);
	if (!utf8_valid(v->valuestring, strlen(v->valuestring)))
		return fail(cause, f, _("\"%s\" is not valid UTF-8"), key);
	*out = xstrdup(v->valuestring);
	return 0;
}

/* Reads an optional boolean member. */
static int
get_bool(const cJSON *obj, const char *key, int *out, const struct field *f,
    char **cause)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL)
		return 0;
	if (!cJSON_IsBool(v))
		return fail(cause, f, _("\"%s\" must be true or false"), key);
	*out = cJSON_IsTrue(v);
	return 0;
}

/* Reads an optional integer member into *out; sets *has when present. */
static int
get_int(const cJSON *obj, const char *key, long long *out, int *has,
    const struct field *f, char **cause)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL)
		return 0;
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
	    fabs(v->valuedouble) > 9007199254740992.0)
		return fail(cause, f, _("\"%s\" must be an integer"), key);
	*out = (long long)v->valuedouble;
	if (has != NULL)
		*has = 1;
	return 0;
}

/* Reads an optional limit (a count >= 0, at most INT_MAX) into *out. */
static int
get_limit(const cJSON *obj, const char *key, long *out,
    const struct field *f, char **cause)
{
	long long v = -1;

	if (get_int(obj, key, &v, NULL, f, cause) != 0)
		return -1;
	if (cJSON_HasObjectItem(obj, key) && (v < 0 || v > INT_MAX))
		return fail(cause, f, _("\"%s\" must be between 0 and %d"), key,
		    INT_MAX);
	*out = (long)v;
	return 0;
}

/* Parses an optional condition member. */
static int
get_expr(const cJSON *obj, const char *key, struct expr **out,
    const struct field *f, char **cause)
{
	char *src = NULL, *why = NULL;

	if (get_string(obj, key, 0, &src, f, cause) != 0)
		return -1;
	if (src == NULL)
		return 0;
	*out = expr_parse(src, &why);
	if (*out == NULL) {
		fail(cause, f, _("\"%s\" condition '%s' does not parse: %s"),
		    key,
		    src, why);
		free(why);
	}
	free(src);
	return *out == NULL ? -1 : 0;
}

/* Checks an array of allowed values (strings, integers, booleans, null). */
static int
get_values(const cJSON *v, const char *key, cJSON **out,
    const struct field *f, char **cause)
{
	const cJSON *item;

	if (v == NULL)
		return 0;
	if (!cJSON_IsArray(v) || v->child == NULL)
		return fail(cause, f, _("\"%s\" must be a non-empty array"),
		    key);
	cJSON_ArrayForEach(item, v) {
		if (!cJSON_IsString(item) && !cJSON_IsBool(item) &&
		    !cJSON_IsNull(item) && !(cJSON_IsNumber(item) &&
		    item->valuedouble == floor(item->valuedouble)))
			return fail(cause, f, _("\"%s\" may hold only strings, "
			    "integers, booleans and null"), key);
	}
	*out = cJSON_Duplicate(v, 1);
	return 0;
}

/* Reads "values_if": [{"when": cond, "values": [...]}, ...]. */
static int
get_values_if(const cJSON *obj, struct field *f, char **cause)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, "values_if");
	const cJSON *rule;
	struct values_rule *r;

	if (list == NULL)
		return 0;
	if (!cJSON_IsArray(list))
		return fail(cause, f, _("\"values_if\" must be an array"));
	cJSON_ArrayForEach(rule, list) {
		f->values_if = xreallocarray(f->values_if, f->nvalues_if + 1,
		    sizeof *f->values_if);
		r = &f->values_if[f->nvalues_if++];
		r->when = NULL;
		r->values = NULL;
		if (!cJSON_IsObject(rule) || cJSON_GetArraySize(rule) != 2 ||
		    !cJSON_HasObjectItem(rule, "when"))
			return fail(cause, f, _("each \"values_if\" entry must "
			    "be {\"when\": ..., \"values\": [...]}"));
		if (get_expr(rule, "when", &r->when, f, cause) != 0 ||
		    get_values(cJSON_GetObjectItemCaseSensitive(rule, "values"),
		    "values", &r->values, f, cause) != 0)
			return -1;
		if (r->values == NULL)
			return fail(cause, f, _("a \"values_if\" entry has no "
			    "\"values\""));
	}
	return 0;
}

/* Reads "remember": true (kept per platform), false, or "product". */
static int
get_remember(const cJSON *obj, struct field *f, char **cause)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "remember");

	if (v == NULL)
		return 0;
	if (cJSON_IsBool(v))
		f->remember = cJSON_IsTrue(v) ? REMEMBER_PLATFORM : 0;
	else if (cJSON_IsString(v) && strcmp(v->valuestring, "product") == 0)
		f->remember = REMEMBER_PRODUCT;
	else
		return fail(cause, f, _("\"remember\" must be true, false or "
		    "\"product\""));
	return 0;
}

/* Reads "infer": {"value": "condition on the body", ...} of a local field. */
static int
get_infer(const cJSON *obj, struct field *f, char **cause)
{
	const cJSON *map = cJSON_GetObjectItemCaseSensitive(obj, "infer");
	const cJSON *rule;
	struct infer_rule *r;

	if (map == NULL)
		return 0;
	if (!cJSON_IsObject(map) || map->child == NULL)
		return fail(cause, f, _("\"infer\" must map values to "
		    "conditions"));
	cJSON_ArrayForEach(rule, map) {
		f->infer = xreallocarray(f->infer, f->ninfer + 1,
		    sizeof *f->infer);
		r = &f->infer[f->ninfer++];
		r->value = cJSON_CreateString(rule->string);
		r->when = NULL;
		if (!cJSON_IsString(rule))
			return fail(cause, f, _("\"infer\" must map values to "
			    "conditions"));
		if ((r->when = expr_parse(rule->valuestring, cause)) == NULL) {
			char *why = *cause;

			fail(cause, f, _("\"infer\" condition '%s' does not "
			    "parse: %s"), rule->valuestring, why);
			free(why);
			return -1;
		}
	}
	return 0;
}

/* The JSON type a field of this kind is sent as unless it says otherwise. */
static enum json_type
default_json(const struct field *f)
{
	const cJSON *v = f->values != NULL ? f->values->child : NULL;

	if (field_types[f->type].json != JT_COUNT)
		return field_types[f->type].json;
	/* An enumeration is sent as its first value is. */
	if (f->nvalues_if > 0 && v == NULL)
		v = f->values_if[0].values->child;
	if (cJSON_IsNumber(v))
		return JT_INTEGER;
	return cJSON_IsBool(v) ? JT_BOOLEAN : JT_STRING;
}

/* Reads the type names: "type", "json" and "item". */
static int
get_types(const cJSON *obj, struct field *f, char **cause)
{
	char *name = NULL;
	int rc = 0;

	if (get_string(obj, "type", 1, &name, f, cause) != 0)
		return -1;
	if (field_type_parse(name, &f->type) != 0)
		rc = fail(cause, f, _("unknown type '%s'"), name);
	free(name);
	name = NULL;
	if (rc == 0 && get_string(obj, "item", 0, &name, f, cause) != 0)
		return -1;
	if (rc == 0 && name != NULL && (field_type_parse(name, &f->item) != 0 ||
	    f->item == FT_OBJECT || f->item == FT_LIST ||
	    f->item == FT_OBJECT_LIST))
		rc = fail(cause, f, _("unknown item type '%s'"), name);
	else if (rc == 0 && (name != NULL) != (f->type == FT_LIST))
		rc = fail(cause, f, f->type == FT_LIST ? _("a list needs "
		    "\"item\"") : _("only a list may have \"item\""));
	free(name);
	name = NULL;
	return rc;
}

/* Reads the JSON type, after the values it may default from. */
static int
get_json(const cJSON *obj, struct field *f, char **cause)
{
	char *name = NULL;
	int rc = 0;

	f->json = default_json(f);
	if (get_string(obj, "json", 0, &name, f, cause) != 0)
		return -1;
	if (name != NULL && json_type_parse(name, &f->json) != 0)
		rc = fail(cause, f, _("unknown JSON type '%s'"), name);
	free(name);
	return rc;
}

/* Reads "max_days" and "max_years" (counts, kept as ints). */
static int
get_max_days(const cJSON *obj, struct field *f, char **cause)
{
	long days = -1, years = -1;

	if (get_limit(obj, "max_days", &days, f, cause) != 0 ||
	    get_limit(obj, "max_years", &years, f, cause) != 0)
		return -1;
	f->max_days = (int)days;
	f->max_years = (int)years;
	if (years > 1000)
		return fail(cause, f, _("\"max_years\" must be at most 1000"));
	return 0;
}

/* Reads "max_count": {value: count, ...}. */
static int
get_max_count(const cJSON *obj, struct field *f, char **cause)
{
	const cJSON *mc = cJSON_GetObjectItemCaseSensitive(obj, "max_count");
	const cJSON *item;

	if (mc == NULL)
		return 0;
	if (!cJSON_IsObject(mc) || mc->child == NULL)
		return fail(cause, f,
		    _("\"max_count\" must map values to counts"));
	cJSON_ArrayForEach(item, mc) {
		if (!cJSON_IsNumber(item) || item->valuedouble < 0)
			return fail(cause, f,
			    _("\"max_count\" must map values to "
			    "counts"));
	}
	f->max_count = cJSON_Duplicate(mc, 1);
	return 0;
}

/* 1 when a default is a scalar or a list of scalars (not null or an
 * object, which no field can take as its first value). */
static int
default_shape_ok(const cJSON *d)
{
	const cJSON *c;

	if (cJSON_IsObject(d) || cJSON_IsNull(d) || cJSON_IsInvalid(d))
		return 0;
	cJSON_ArrayForEach(c, d) {
		if (cJSON_IsObject(c) || cJSON_IsArray(c) || cJSON_IsNull(c))
			return 0;
	}
	return 1;
}
/* Reads "default": a scalar or a list of scalars. */
static int
get_default(const cJSON *obj, struct field *f, char **cause)
{
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(obj, "default");

	if (d == NULL)
		return 0;
	if (!default_shape_ok(d))
		return fail(cause, f, _("\"default\" must be a string, number, "
		    "true, false or a list of them"));
	f->dflt = cJSON_Duplicate(d, 1);
	return 0;
}

/* How one key of a field object is read. */
enum key_kind {
	KEY_STRING,	/* optional text: char * at off */
	KEY_LABEL,	/* text that must be there */
	KEY_BOOL,	/* int at off */
	KEY_EXPR,	/* a condition: struct expr * at off */
	KEY_VALUES,	/* allowed values: cJSON * at off */
	KEY_INT,	/* long long at off, its has_ flag at has */
	KEY_LIMIT,	/* long at off, a count */
	KEY_READER,	/* read by read() */
	KEY_WITH	/* read with an entry before it (path: first of all) */
};

/* One key a field object may have. */
struct field_key {
	const char	*name;
	enum key_kind	 kind;
	size_t		 off;
	size_t		 has;
	int		(*read)(const cJSON *obj, struct field *f,
			    char **cause);
};

#define AT(m)	offsetof(struct field, m)

/* Every key of a field object, in the order they are read (a reader may
 * use what the keys before it set: "json" defaults from the values). The
 * loader's check for unknown keys reads this table too. */
static const struct field_key field_keys[] = {
	{ .name = "path", .kind = KEY_WITH },
	{ .name = "label", .kind = KEY_LABEL, .off = AT(label) },
	{ .name = "help", .kind = KEY_STRING, .off = AT(help) },
	{ .name = "type", .kind = KEY_READER, .read = get_types },
	{ .name = "item", .kind = KEY_WITH },
	{ .name = "nullable", .kind = KEY_BOOL, .off = AT(nullable) },
	{ .name = "required", .kind = KEY_BOOL, .off = AT(required) },
	{ .name = "secret", .kind = KEY_BOOL, .off = AT(secret) },
	{ .name = "remember", .kind = KEY_READER, .read = get_remember },
	{ .name = "local", .kind = KEY_BOOL, .off = AT(local) },
	{ .name = "infer", .kind = KEY_READER, .read = get_infer },
	{ .name = "required_if", .kind = KEY_EXPR, .off = AT(required_if) },
	{ .name = "when", .kind = KEY_EXPR, .off = AT(when) },
	{ .name = "values", .kind = KEY_VALUES, .off = AT(values) },
	{ .name = "values_if", .kind = KEY_READER, .read = get_values_if },
	{ .name = "json", .kind = KEY_READER, .read = get_json },
	{ .name = "min", .kind = KEY_INT, .off = AT(min), .has = AT(has_min) },
	{ .name = "max", .kind = KEY_INT, .off = AT(max), .has = AT(has_max) },
	{ .name = "min_length", .kind = KEY_LIMIT, .off = AT(min_length) },
	{ .name = "max_length", .kind = KEY_LIMIT, .off = AT(max_length) },
	{ .name = "max_items", .kind = KEY_LIMIT, .off = AT(max_items) },
	{ .name = "max_days", .kind = KEY_READER, .read = get_max_days },
	{ .name = "max_years", .kind = KEY_WITH },
	{ .name = "max_count", .kind = KEY_READER, .read = get_max_count },
	{ .name = "expiry_month", .kind = KEY_STRING, .off = AT(expiry_month) },
	{ .name = "key_type", .kind = KEY_STRING, .off = AT(key_type) },
	{ .name = "key_size", .kind = KEY_STRING, .off = AT(key_size) },
	{ .name = "lookup", .kind = KEY_STRING, .off = AT(lookup) },
	{ .name = "default", .kind = KEY_READER, .read = get_default },
};

/* 1 when name is a key a field object may have. */
int
form_field_key(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof field_keys / sizeof field_keys[0]; i++) {
		if (strcmp(field_keys[i].name, name) == 0)
			return 1;
	}
	return 0;
}

/* Reads one key of obj into f as its table entry says. */
static int
field_key_read(const cJSON *obj, const struct field_key *k, struct field *f,
    char **cause)
{
	char *at = (char *)f + k->off;
	const char *n = k->name;

	switch (k->kind) {
	case KEY_STRING:
	case KEY_LABEL:
		return get_string(obj, n, k->kind == KEY_LABEL,
		    (char **)(void *)at, f, cause);
	case KEY_BOOL:
		return get_bool(obj, n, (int *)(void *)at, f, cause);
	case KEY_EXPR:
		return get_expr(obj, n, (struct expr **)(void *)at, f, cause);
	case KEY_VALUES:
		return get_values(cJSON_GetObjectItemCaseSensitive(obj, n), n,
		    (cJSON **)(void *)at, f, cause);
	case KEY_INT:
		return get_int(obj, n, (long long *)(void *)at,
		    (int *)(void *)((char *)f + k->has), f, cause);
	case KEY_LIMIT:
		return get_limit(obj, n, (long *)(void *)at, f, cause);
	case KEY_READER:
		return k->read(obj, f, cause);
	case KEY_WITH:
		break;
	}
	return 0;
}

/* Reads one expanded field object into f: its path, then every other key
 * in the table's order. */
static int
field_read(struct field *f, const cJSON *obj, char **cause)
{
	size_t i;

	f->parent = SIZE_MAX;
	f->min_length = f->max_length = f->max_items = f->max_days = -1;
	f->max_years = -1;
	f->file = xstrdup(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
	    obj, "@file")));
	if (get_string(obj, "path", 1, &f->path, f, cause) != 0)
		return -1;
	if (!path_valid(f->path))
		return fail(cause, f, _("path must be dot-separated names of "
		    "a-z, 0-9 and _, each optionally followed by []"));
	f->name = answers_leaf(f->path);
	for (i = 0; i < sizeof field_keys / sizeof field_keys[0]; i++) {
		if (field_key_read(obj, &field_keys[i], f, cause) != 0)
			return -1;
	}
	if (f->help == NULL)
		f->help = xstrdup("");
	return 0;
}

/* Fills form's screens and fields from expanded screens, and checks them. */
int
form_fill(struct form *form, const cJSON *screens, char **cause)
{
	const cJSON *s, *fobj, *title;
	size_t n = 0;
	struct field probe = { 0 };

	cJSON_ArrayForEach(s, screens)
		n += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
		    s, "fields"));
	form->fields = xcalloc(n, sizeof *form->fields);
	form->screens = xcalloc((size_t)cJSON_GetArraySize(screens),
	    sizeof *form->screens);
	cJSON_ArrayForEach(s, screens) {
		struct screen *sc = &form->screens[form->nscreens++];

		title = cJSON_GetObjectItemCaseSensitive(s, "title");
		sc->title = xstrdup(title->valuestring);
		sc->first = form->nfields;
		probe.file = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(s, "@file"));
		probe.path = sc->title;
		if (get_expr(s, "when", &sc->when, &probe, cause) != 0)
			return -1;
		cJSON_ArrayForEach(fobj, cJSON_GetObjectItemCaseSensitive(s,
		    "fields")) {
			struct field *f = &form->fields[form->nfields++];

			f->screen = form->nscreens - 1;
			if (field_read(f, fobj, cause) != 0)
				return -1;
			sc->count++;
		}
	}
	if (form->nfields == 0) {
		*cause = xasprintf(_("%s: the form has no fields"), form->file);
		return -1;
	}
	return form_check(form, cause);
}
