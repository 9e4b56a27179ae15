/* session_sent.c: what the answers send: an optional object goes into the
 * body only when it is required now or holds an answer that is not a
 * default, and a field is required now only when its object is sent. */
#include "config.h"

#include "wizard/session_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/value.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* 1 when v is f's default (by text: "-1" is the default -1). */
static int
is_default(const struct field *f, const cJSON *v)
{
	char *a, *b;
	int same;

	if (f->dflt == NULL || v == NULL)
		return 0;
	if (cJSON_Compare(v, f->dflt, 1))
		return 1;
	if (cJSON_IsNull(v) != cJSON_IsNull(f->dflt))
		return 0;
	a = value_join(v);
	b = value_join(f->dflt);
	same = strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

/* 1 when an object's answers hold one that is given and not a default. */
static int
has_answers(const struct form *form, size_t fi, const cJSON *obj)
{
	const cJSON *v;
	size_t c;

	for (c = fi + 1; c < form->nfields; c++) {
		if (form->fields[c].parent != fi)
			continue;
		v = cJSON_GetObjectItemCaseSensitive(obj, form->fields[c].name);
		if (form->fields[c].type == FT_OBJECT) {
			if (cJSON_IsObject(v) && has_answers(form, c, v))
				return 1;
		} else if ((value_given(v) || (cJSON_IsNull(v) &&
		    form->fields[c].nullable)) && !is_default(&form->fields[c],
		    v))
			return 1;
	}
	return 0;
}

/* 1 when field fi's own rule (required, or required_if) holds. */
int
session_rule_holds(const struct session *s, size_t fi, const size_t *index,
    size_t nindex)
{
	const struct field *f = &s->form->fields[fi];

	return f->required || (f->required_if != NULL &&
	    answers_eval(f->required_if, s->answers, index, nindex));
}

/* The innermost object around fi that is not sent, or SIZE_MAX. */
size_t
session_unsent_ancestor(const struct session *s, size_t fi,
    const size_t *index, size_t nindex)
{
	size_t p;

	for (p = s->form->fields[fi].parent; p != SIZE_MAX;
	    p = s->form->fields[p].parent) {
		if (s->form->fields[p].type == FT_OBJECT)
			return session_object_sent(s, p, index, nindex) ?
			    SIZE_MAX : p;
	}
	return SIZE_MAX;
}

/* 1 when object field fi (index[] bound) is sent with the answers. */
int
session_object_sent(const struct session *s, size_t fi, const size_t *index,
    size_t nindex)
{
	const struct field *f = &s->form->fields[fi];
	const cJSON *v;

	if (!answers_eval(f->when, s->answers, index, nindex) ||
	    session_unsent_ancestor(s, fi, index, nindex) != SIZE_MAX)
		return 0;
	if (session_rule_holds(s, fi, index, nindex))
		return 1;
	v = answers_get(s->answers, f->path, index, nindex);
	if (f->type != FT_OBJECT)
		return value_given(v);
	return cJSON_IsObject(v) && has_answers(s->form, fi, v);
}

/* 1 when the field at a slot is required with the answers as they are. */
int
session_slot_required(const struct session *s, const struct slot *slot)
{
	if (slot->item >= 0)
		return 0;
	return session_rule_holds(s, slot->field, slot->index, slot->nindex) &&
	    session_unsent_ancestor(s, slot->field, slot->index,
	    slot->nindex) == SIZE_MAX;
}

/* 1 when the object (or list) at a slot is sent with the answers. */
int
session_slot_sent(const struct session *s, const struct slot *slot)
{
	return session_object_sent(s, slot->field, slot->index, slot->nindex);
}

/* 1 when the answer at a slot is its field's default. */
int
session_slot_is_default(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];

	if (slot->item >= 0)
		return 0;
	return is_default(f, answers_get(s->answers, f->path, slot->index,
	    slot->nindex));
}

/* The text of a value as the session shows and reads it back. */
char *
session_value_text(const cJSON *v)
{
	if (cJSON_IsNull(v))
		return xstrdup("null");
	return value_join(v);
}

/* 1 when no ancestor of fi is a list. */
static int
outside_lists(const struct form *form, size_t fi)
{
	for (fi = form->fields[fi].parent; fi != SIZE_MAX;
	    fi = form->fields[fi].parent) {
		if (form->fields[fi].type != FT_OBJECT)
			return 0;
	}
	return 1;
}

/* A copy of the answers without the objects that are not sent. */
cJSON *
session_sent_answers(const struct session *s)
{
	cJSON *copy = cJSON_Duplicate(s->answers, 1), *c;
	const struct field *f;
	size_t fi;

	for (fi = 0; fi < s->form->nfields; fi++) {
		f = &s->form->fields[fi];
		if (f->type != FT_OBJECT || !outside_lists(s->form, fi) ||
		    session_object_sent(s, fi, NULL, 0))
			continue;
		c = f->parent == SIZE_MAX ? copy : (cJSON *)answers_get(copy,
		    s->form->fields[f->parent].path, NULL, 0);
		if (cJSON_IsObject(c))
			cJSON_DeleteItemFromObjectCaseSensitive(c, f->name);
	}
	return copy;
}
