/* field_check.c: checking one value against its field. */
#include "config.h"

#include "core/field_check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answers.h"
#include "core/check.h"
#include "core/field_type.h"
#include "core/form.h"
#include "core/value.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* 1 when v equals allowed by text and kind. */
int
field_value_matches(const cJSON *v, const cJSON *allowed, int *kind_only)
{
	char b1[64], b2[64];
	const char *t1, *t2;

	if (cJSON_IsNull(allowed) || cJSON_IsNull(v))
		return cJSON_IsNull(allowed) && cJSON_IsNull(v);
	t1 = value_text(v, b1, sizeof b1);
	t2 = value_text(allowed, b2, sizeof b2);
	if (t1 == NULL || t2 == NULL || strcmp(t1, t2) != 0)
		return 0;
	if ((cJSON_IsString(v) && cJSON_IsString(allowed)) ||
	    (cJSON_IsNumber(v) && cJSON_IsNumber(allowed)) ||
	    (cJSON_IsBool(v) && cJSON_IsBool(allowed)))
		return 1;
	if (kind_only != NULL)
		*kind_only = 1;
	return 0;
}

/* Lists allowed values as "a, b or c"; allocated. */
char *
field_values_words(const cJSON *values)
{
	const cJSON *v;
	char buf[64], *out = xstrdup(""), *next;
	const char *t;

	cJSON_ArrayForEach(v, values) {
		t = cJSON_IsNull(v) ? "null" : value_text(v, buf,
		    sizeof buf);
		next = xasprintf("%s%s%s", out, *out == '\0' ? "" :
		    v->next == NULL ? _(" or ") : ", ", t != NULL ? t : "?");
		free(out);
		out = next;
	}
	return out;
}

/* Checks v against the allowed values of f. */
static char *
check_enum(const struct field *f, const cJSON *v, const cJSON *answers,
    const size_t *index, size_t nindex)
{
	const cJSON *values = field_values(f, answers, index, nindex), *a;
	char *list, *msg;
	int kind_only = 0;

	if (values == NULL)
		return NULL;
	cJSON_ArrayForEach(a, values) {
		if (field_value_matches(v, a, &kind_only))
			return NULL;
	}
	list = field_values_words(values);
	if (kind_only)
		msg = xasprintf(_("must be sent as a JSON %s: %s"),
		    cJSON_IsString(v) ? "number" : "string", list);
	else
		msg = xasprintf(_("must be one of %s"), list);
	free(list);
	return msg;
}

/* Checks the JSON kind of v against what f is sent as. */
static char *
check_kind(const struct field *f, const cJSON *v)
{
	switch (f->json) {
	case JT_STRING:
		return cJSON_IsString(v) ? NULL :
		    xstrdup(_("must be a JSON string"));
	case JT_INTEGER:
		if (f->type == FT_ID || f->values != NULL || f->nvalues_if > 0)
			return NULL;
		if (cJSON_IsNumber(v) && v->valuedouble == floor(v->valuedouble))
			return NULL;
		return xstrdup(_("must be a JSON integer (a number, not "
		    "text)"));
	case JT_BOOLEAN:
		if (cJSON_IsBool(v) || (cJSON_IsNumber(v) &&
		    (v->valuedouble == 0 || v->valuedouble == 1)))
			return NULL;
		return xstrdup(_("must be true or false"));
	case JT_OBJECT:
		return cJSON_IsObject(v) ? NULL : xstrdup(_("must be an "
		    "object"));
	default:
		return cJSON_IsArray(v) ? NULL : xstrdup(_("must be an array"));
	}
}

/* Checks a card year, and with its month that the card has not expired. */
char *
field_check_card_year(const char *text, const struct field_ctx *c)
{
	const cJSON *m;
	char buf[64], *msg;
	const char *mt;

	if ((msg = check_card_year(text, c->now)) != NULL ||
	    c->f->expiry_month == NULL)
		return msg;
	m = answers_get(c->answers, c->f->expiry_month, c->index, c->nindex);
	if (cJSON_IsNumber(m)) {
		snprintf(buf, sizeof buf, "%02d", (int)fmin(fmax(
		    m->valuedouble, -1), 99));
		mt = buf;
	} else
		mt = value_text(m, buf, sizeof buf);
	if (mt == NULL || (msg = check_card_month(mt)) != NULL) {
		free(msg);
		return NULL;
	}
	return check_card_expiry(mt, text, c->now);
}

/* The message for a bad ID whose form allows the special values min..-1. */
static char *
id_min_message(const struct field *f)
{
	if (f->min == -1)
		return xstrdup(_("must be a numeric ID: a positive whole "
		    "number, e.g. 123456, or -1"));
	return xasprintf(_("must be a numeric ID: a positive whole number, "
	    "e.g. 123456, or a whole number from %lld to -1"), f->min);
}

/* Checks an ID, allowing the special values from min up to -1 the form
 * gives (a server platform of -1 means "other"); 0 is never an ID. */
static char *
check_id_min(const struct field *f, const cJSON *v)
{
	const char *s = cJSON_GetStringValue(v);
	long long n;
	char *end, *msg;

	if (!f->has_min || f->min >= 0)
		return check_id(v);
	/* Only whole numbers: -0.5 or " -1" is no special value. */
	if (cJSON_IsNumber(v) && v->valuedouble < 0 &&
	    v->valuedouble >= (double)f->min &&
	    v->valuedouble == floor(v->valuedouble))
		return NULL;
	if (s != NULL && *s == '-' && s[1] >= '0' && s[1] <= '9') {
		n = strtoll(s, &end, 10);
		if (*end == '\0' && n >= f->min && n <= -1)
			return NULL;
	}
	if ((msg = check_id(v)) == NULL)
		return NULL;
	free(msg);
	return id_min_message(f);
}

/* Checks one scalar (a value, or a list item) as type. */
static char *
check_scalar(const struct field *f, enum field_type type, const cJSON *v,
    const cJSON *answers, const size_t *index, size_t nindex, time_t now)
{
	struct field_ctx c = { .f = f, .answers = answers, .index = index,
	    .nindex = nindex, .now = now };
	field_check_fn check = field_types[type].check;
	char buf[64], *msg;
	const char *text;

	if (type == FT_ID)
		return check_id_min(f, v);
	if (type == FT_INTEGER)
		return cJSON_IsNumber(v) ? check_range((long long)fmin(fmax(
		    v->valuedouble, -9.2e18), 9.2e18), f->min, f->max,
		    f->has_min, f->has_max) : NULL;
	if (type == FT_CARD_MONTH && cJSON_IsNumber(v)) {
		snprintf(buf, sizeof buf, "%02d", (int)fmin(fmax(
		    v->valuedouble, -1), 99));
		text = buf;
	} else if ((text = value_text(v, buf, sizeof buf)) == NULL)
		return xstrdup(_("must be a single value"));
	if (check != NULL && (msg = check(text, &c)) != NULL)
		return msg;
	if (cJSON_IsString(v))
		return check_length(text, f->min_length, f->max_length);
	return NULL;
}

/* Checks the items of a list of strings or of allowed values; *item is
 * set to the index of the bad item. */
static char *
check_items(const struct field *f, const cJSON *v, const cJSON *answers,
    const size_t *index, size_t nindex, time_t now, long *item)
{
	const cJSON *it;
	char *msg = NULL;
	long i = 0;

	if (f->max_items >= 0 && cJSON_GetArraySize(v) > f->max_items)
		return xasprintf(_("may hold at most %ld items"), f->max_items);
	cJSON_ArrayForEach(it, v) {
		if (f->type == FT_MULTI_ENUM)
			msg = check_enum(f, it, answers, index, nindex);
		else if (f->item != FT_ID && f->item != FT_INTEGER &&
		    !cJSON_IsString(it))
			msg = xstrdup(_("must be a JSON string"));
		else
			msg = check_scalar(f, f->item, it, answers, index,
			    nindex, now);
		if (msg != NULL) {
			*item = i;
			return msg;
		}
		i++;
	}
	return NULL;
}

/* Checks a present value v of field f. */
char *
field_check_value(const struct field *f, const cJSON *v, const cJSON *answers,
    const size_t *index, size_t nindex, time_t now, long *item)
{
	char *msg;

	*item = -1;
	if (cJSON_IsNull(v))
		return f->nullable ? NULL : xstrdup(_("must not be null"));
	if ((msg = check_kind(f, v)) != NULL)
		return msg;
	if (f->type == FT_OBJECT)
		return NULL;
	if (f->type == FT_OBJECT_LIST) {
		if (f->max_items >= 0 && cJSON_GetArraySize(v) > f->max_items)
			return xasprintf(_("may hold at most %ld items"),
			    f->max_items);
		return NULL;
	}
	if (f->type == FT_LIST || f->type == FT_MULTI_ENUM)
		return check_items(f, v, answers, index, nindex, now, item);
	if (f->values != NULL || f->nvalues_if > 0)
		return check_enum(f, v, answers, index, nindex);
	return check_scalar(f, f->type, v, answers, index, nindex, now);
}
