/* order_build.c: from answers to a request body, and a body back to answers. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/answers.h"
#include "core/check.h"
#include "core/field_check.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "core/value.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Where the build is: the form, all answers and the index binding. */
struct build {
	const struct form	*form;
	const cJSON		*answers;
	size_t			 index[ANSWERS_MAX_DEPTH];
	size_t			 nindex;
};

static void build_object(struct build *, size_t, const cJSON *, cJSON *);

/* 1 when s is an optional '-' and 1 to 15 digits. */
static int
integer_text(const char *s)
{
	size_t n;

	s += *s == '-';
	n = strspn(s, "0123456789");
	return n > 0 && n <= 15 && s[n] == '\0';
}

/* A card number as digits only (reading 14: typed with spaces or dashes,
 * sent without); any other character keeps the text as typed, so that
 * checking the body reports it. */
static cJSON *
card_digits(char *s)
{
	char *r, *w;

	if (s[strspn(s, "0123456789 -")] != '\0')
		return cJSON_CreateString(s);
	for (r = w = s; *r != '\0'; r++) {
		if (*r != ' ' && *r != '-')
			*w++ = *r;
	}
	*w = '\0';
	return cJSON_CreateString(s);
}

/* Converts typed text to a boolean, or NULL when it is not one. */
static cJSON *
text_to_bool(const char *s)
{
	int yes = value_yes_no(s);

	return yes < 0 ? NULL : cJSON_CreateBool(yes);
}

/* Converts a text answer to the JSON f is sent as; unconvertible text stays
 * text, so that checking the body reports it. */
static cJSON *
convert_text(const struct field *f, enum field_type type, const char *raw,
    const cJSON *values)
{
	const cJSON *a;
	char *s = xstrdup(raw + strspn(raw, " \t\r\n")), *e, *norm;
	cJSON *out = NULL;

	for (e = s + strlen(s); e > s && strchr(" \t\r\n", e[-1]) != NULL; e--)
		e[-1] = '\0';
	cJSON_ArrayForEach(a, values) {
		int kind_only = 0;
		cJSON tmp = { .type = cJSON_String, .valuestring = s };

		if (field_value_matches(&tmp, a, &kind_only) || kind_only) {
			out = cJSON_Duplicate(a, 1);
			break;
		}
	}
	if (out == NULL && type == FT_CARD_NUMBER)
		out = card_digits(s);
	else if (out == NULL && type == FT_CSR) {
		out = cJSON_CreateString((norm = csr_normalise(s)));
		free(norm);
	} else if (out == NULL && f->json == JT_INTEGER && integer_text(s))
		out = cJSON_CreateNumber((double)strtoll(s, NULL, 10));
	else if (out == NULL && f->json == JT_BOOLEAN)
		out = text_to_bool(s);
	if (out == NULL)
		out = cJSON_CreateString(s);
	explicit_bzero(s, strlen(s));	/* it may be a card number */
	free(s);
	return out;
}

/* Converts one answer (or list item) to the JSON f is sent as. */
static cJSON *
convert(const struct field *f, enum field_type type, const cJSON *v,
    const cJSON *values)
{
	char buf[32];

	if (cJSON_IsString(v))
		return convert_text(f, type, v->valuestring, values);
	if (cJSON_IsNumber(v) && f->json == JT_STRING) {
		if (type == FT_CARD_MONTH)
			snprintf(buf, sizeof buf, "%02d", (int)v->valuedouble);
		else
			value_text(v, buf, sizeof buf);
		return cJSON_CreateString(buf);
	}
	if (cJSON_IsNumber(v) && f->json == JT_BOOLEAN &&
	    (v->valuedouble == 0 || v->valuedouble == 1))
		return cJSON_CreateBool(v->valuedouble == 1);
	return cJSON_Duplicate(v, 1);
}

/* Converts a list's items, leaving empty ones out. */
static cJSON *
convert_list(const struct field *f, const cJSON *v, const cJSON *values)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *item;

	cJSON_ArrayForEach(item, v) {
		if (answers_present(item))
			cJSON_AddItemToArray(out, convert(f, f->item, item,
			    values));
	}
	return out;
}

/* Builds the objects of a list of objects. */
static cJSON *
build_list(struct build *b, size_t fi, const cJSON *v)
{
	cJSON *out = cJSON_CreateArray(), *obj;
	const cJSON *item;
	size_t i = 0;

	if (b->nindex >= ANSWERS_MAX_DEPTH)
		return out;
	cJSON_ArrayForEach(item, v) {
		b->index[b->nindex++] = i++;
		obj = cJSON_CreateObject();
		build_object(b, fi, item, obj);
		b->nindex--;
		if (obj->child != NULL)
			cJSON_AddItemToArray(out, obj);
		else
			cJSON_Delete(obj);
	}
	return out;
}

/* Builds the value of one field, or NULL when it is left out. */
static cJSON *
build_field(struct build *b, size_t fi, const cJSON *v)
{
	const struct field *f = &b->form->fields[fi];
	const cJSON *values = field_values(f, b->answers, b->index, b->nindex);
	cJSON *out;
	int req;

	if (f->local || !answers_eval(f->when, b->answers, b->index,
	    b->nindex))
		return NULL;
	req = f->required || (f->required_if != NULL &&
	    answers_eval(f->required_if, b->answers, b->index, b->nindex));
	if (f->type == FT_OBJECT && (v == NULL || cJSON_IsObject(v))) {
		out = cJSON_CreateObject();
		build_object(b, fi, v, out);
	} else if (f->type == FT_OBJECT_LIST && cJSON_IsArray(v))
		out = build_list(b, fi, v);
	else if (cJSON_IsNull(v) && f->nullable)
		return cJSON_CreateNull();	/* chosen, unlike no answer */
	else if (!answers_present(v))
		return NULL;
	else if (f->type == FT_LIST || f->type == FT_MULTI_ENUM)
		out = cJSON_IsArray(v) ? convert_list(f, v, values) :
		    cJSON_Duplicate(v, 1);
	else
		return convert(f, f->type, v, values);
	if (out->child == NULL && !req) {
		cJSON_Delete(out);
		return NULL;
	}
	return out;
}

/* Builds the members of one object from the answers at that level. */
static void
build_object(struct build *b, size_t parent, const cJSON *level, cJSON *out)
{
	const char *name;
	size_t i;
	cJSON *v;

	for (i = 0; i < b->form->nfields; i++) {
		if (b->form->fields[i].parent != parent)
			continue;
		name = b->form->fields[i].name;
		v = build_field(b, i, cJSON_GetObjectItemCaseSensitive(level,
		    name));
		if (v != NULL)
			cJSON_AddItemToObject(out, name, v);
	}
}

/* Builds the request body from answers. */
cJSON *
order_build(const struct form *form, const cJSON *answers)
{
	struct build b = { form, answers, { 0 }, 0 };
	cJSON *body = cJSON_CreateObject(), *copy = NULL;
	size_t i;

	for (i = 0; i < form->nfields && copy == NULL; i++) {
		if (form->fields[i].local && cJSON_IsObject(answers) &&
		    !cJSON_HasObjectItem(answers, form->fields[i].name)) {
			/* no choice made: read it off the answers */
			copy = cJSON_Duplicate(answers, 1);
			order_set_local(form, copy, NULL, NULL);
			b.answers = answers = copy;
		}
	}
	build_object(&b, SIZE_MAX, answers, body);
	cJSON_Delete(copy);
	return body;
}

/* Removes from obj the members no child field of parent describes. */
static void
prune(const struct form *form, size_t parent, cJSON *obj, const char *prefix,
    struct problems *p)
{
	cJSON *m, *next, *item;
	char *path;
	size_t fi;
	int n;

	for (m = obj->child; m != NULL; m = next) {
		next = m->next;
		path = *prefix ? xasprintf("%s.%s", prefix, m->string) :
		    xstrdup(m->string);
		fi = form_child(form, parent, m->string);
		if (fi == SIZE_MAX) {
			problems_add(p, 1, path, _("unknown field: not part of "
			    "a %s order, so it is left out"), form->id);
			cJSON_Delete(cJSON_DetachItemViaPointer(obj, m));
		} else if (form->fields[fi].type == FT_OBJECT &&
		    cJSON_IsObject(m))
			prune(form, fi, m, path, p);
		else if (form->fields[fi].type == FT_OBJECT_LIST &&
		    cJSON_IsArray(m)) {
			n = 0;
			cJSON_ArrayForEach(item, m) {
				char *ip = xasprintf("%s[%d]", path, n++);

				if (cJSON_IsObject(item))
					prune(form, fi, item, ip, p);
				free(ip);
			}
		}
		free(path);
	}
}

/* Loads a body into answers, leaving out and reporting unknown fields. */
cJSON *
order_load(const struct form *form, const cJSON *body, struct problems *p)
{
	cJSON *answers;

	if (!cJSON_IsObject(body)) {
		problems_add(p, 0, "", _("the order must be a JSON object"));
		return cJSON_CreateObject();
	}
	answers = cJSON_Duplicate(body, 1);
	order_set_local(form, answers, NULL, NULL);
	prune(form, SIZE_MAX, answers, "", p);
	return answers;
}
