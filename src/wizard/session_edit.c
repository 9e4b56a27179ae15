/* session_edit.c: reading and changing a session's answers slot by slot,
 * and lists of items. */
#include "config.h"

#include "wizard/session_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/api.h"
#include "core/field_check.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "core/value.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The object holding field fi's member with index[] bound, or NULL. */
static cJSON *
container(const struct session *s, size_t fi, const size_t *index,
    size_t nindex)
{
	const struct field *pf;
	const cJSON *c;
	char *path;

	if (s->form->fields[fi].parent == SIZE_MAX)
		return s->answers;
	pf = &s->form->fields[s->form->fields[fi].parent];
	if (pf->type == FT_OBJECT_LIST) {
		path = xasprintf("%s[]", pf->path);
		c = answers_get(s->answers, path, index, nindex);
		free(path);
	} else
		c = answers_get(s->answers, pf->path, index, nindex);
	return cJSON_IsObject(c) ? (cJSON *)c : NULL;
}

/* The answer at a slot (a list item for item slots), or NULL. */
static const cJSON *
slot_value(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	const cJSON *v = answers_get(s->answers, f->path, slot->index,
	    slot->nindex);

	if (slot->item >= 0)
		return cJSON_IsArray(v) ? cJSON_GetArrayItem(v, slot->item) :
		    NULL;
	return v;
}

/* The answer at a slot as text for editing ("" when there is none). */
char *
session_get_text(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	const cJSON *v = slot_value(s, slot);

	if (cJSON_IsNull(v) && !f->nullable)
		return xstrdup("");
	return session_value_text(v);
}

/* Splits "a, b c" into an array of strings. */
static cJSON *
split_words(const char *text)
{
	cJSON *a = cJSON_CreateArray();
	const char *p = text;
	char *word;
	size_t n;

	for (;;) {
		p += strspn(p, ", \t");
		if ((n = strcspn(p, ", \t")) == 0)
			break;
		word = xstrndup(p, n);
		cJSON_AddItemToArray(a, cJSON_CreateString(word));
		free(word);
		p += n;
	}
	return a;
}

/* Turns typed text into the answer stored for field f. */
static cJSON *
text_value(const struct field *f, const char *text)
{
	if (f->type == FT_MULTI_ENUM || f->type == FT_LIST)
		return split_words(text);
	if (f->nullable && strcmp(text, "null") == 0)
		return cJSON_CreateNull();	/* chosen, unlike "" */
	if (f->type == FT_BOOLEAN && value_yes_no(text) >= 0)
		return cJSON_CreateBool(value_yes_no(text));
	return cJSON_CreateString(text);
}

/* Stores (or with v NULL removes) a list item; takes ownership of v. */
static void
set_item(struct session *s, const struct slot *slot, cJSON *v)
{
	const struct field *f = &s->form->fields[slot->field];
	cJSON *list = (cJSON *)answers_get(s->answers, f->path, slot->index,
	    slot->nindex);

	if (v == NULL)
		v = cJSON_CreateString("");
	if (!cJSON_IsArray(list) || slot->item >= cJSON_GetArraySize(list)) {
		cJSON_Delete(v);
		return;
	}
	cJSON_ReplaceItemInArray(list, slot->item, v);
}

/* Stores or clears the answer at a slot, without checking it. */
static void
store(struct session *s, const struct slot *slot, const char *text)
{
	const struct field *f = &s->form->fields[slot->field];
	cJSON *c;

	if (slot->item >= 0) {
		set_item(s, slot, cJSON_CreateString(text));
		return;
	}
	if (*text != '\0' && f->type != FT_OBJECT &&
	    f->type != FT_OBJECT_LIST) {
		answers_set(s->answers, f->path, slot->index, slot->nindex,
		    text_value(f, text));
		return;
	}
	if (*text == '\0' && (c = container(s, slot->field, slot->index,
	    slot->nindex)) != NULL)
		cJSON_DeleteItemFromObjectCaseSensitive(c, f->name);
	if (f->type == FT_OBJECT)
		session_fill_defaults(s->form, s->answers);
}

/* The field's own error for a typed string answer that is sent as it is
 * (a string field without a list of values), found without building and
 * checking the whole order, which costs as much as the form is big; NULL
 * when it passes or when only the whole order can tell. */
static char *
own_error(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	const cJSON *v = slot_value(s, slot);
	long item = -1;

	if (slot->item >= 0 || !cJSON_IsString(v) || f->json != JT_STRING ||
	    f->values != NULL || f->nvalues_if != 0)
		return NULL;
	return field_check_value(f, v, s->answers, slot->index, slot->nindex,
	    s->now, &item);
}

/* Sets the answer at a slot from typed text; returns the slot's error. */
char *
session_set_text(struct session *s, const struct slot *slot, const char *text)
{
	struct problems p = { NULL, 0 };
	const char *err;
	char *out;
	const cJSON *after;
	cJSON *before;

	before = cJSON_Duplicate(slot_value(s, slot), 1);
	store(s, slot, text != NULL ? text : "");
	after = slot_value(s, slot);
	if ((before != NULL || after != NULL) &&
	    !cJSON_Compare(before, after, 1))
		s->changed = 1;
	cJSON_Delete(before);
	session_follow(s);
	if ((out = own_error(s, slot)) != NULL)
		return out;
	session_check(s, &p);
	err = session_slot_error(&p, slot);
	out = err != NULL ? xstrdup(err) : NULL;
	problems_free(&p);
	return out;
}

/* The answer of a field outside lists, by its form path, as text. */
char *
session_get_field(const struct session *s, const char *path)
{
	const struct field *f = form_find(s->form, path);
	struct slot slot = { .field = 0, .nindex = 0, .item = -1 };

	if (f == NULL)
		return NULL;
	slot.field = (size_t)(f - s->form->fields);
	return session_get_text(s, &slot);
}

/* Sets the answer of a field outside lists, by its form path, from
 * text. */
int
session_set_field(struct session *s, const char *path, const char *text)
{
	const struct field *f = form_find(s->form, path);
	struct slot slot = { .field = 0, .nindex = 0, .item = -1 };

	if (f == NULL)
		return -1;
	slot.field = (size_t)(f - s->form->fields);
	slot.path = xstrdup(path);
	free(session_set_text(s, &slot, text));
	free(slot.path);
	return 0;
}

/* Gives the order its alternative order ID when it has none. */
int
session_alt_id(struct session *s)
{
	char id[API_ALT_ID_LEN + 1], *cur;
	int made = 0;

	cur = session_get_field(s, "alternative_order_id");
	if (cur != NULL && *cur == '\0') {
		api_new_alt_id(id);
		session_set_field(s, "alternative_order_id", id);
		made = 1;
	}
	free(cur);
	return made;
}

/* The list at a slot, created when missing. */
static cJSON *
list_at(struct session *s, const struct slot *list)
{
	const struct field *f = &s->form->fields[list->field];
	const cJSON *v = answers_get(s->answers, f->path, list->index,
	    list->nindex);

	if (cJSON_IsArray(v))
		return (cJSON *)v;
	answers_set(s->answers, f->path, list->index, list->nindex,
	    cJSON_CreateArray());
	return (cJSON *)answers_get(s->answers, f->path, list->index,
	    list->nindex);
}

/* Adds an empty item to the list at slot; returns its number. */
size_t
session_list_add(struct session *s, const struct slot *list)
{
	const struct field *f = &s->form->fields[list->field];
	cJSON *a = list_at(s, list);
	size_t n;

	if (a == NULL)
		return 0;
	n = (size_t)cJSON_GetArraySize(a);
	if (f->type == FT_OBJECT_LIST)
		cJSON_AddItemToArray(a, cJSON_CreateObject());
	else
		cJSON_AddItemToArray(a, cJSON_CreateString(""));
	s->changed = 1;
	return n;
}

/* Removes item i of the list at slot. */
void
session_list_remove(struct session *s, const struct slot *list, size_t i)
{
	const struct field *f = &s->form->fields[list->field];
	cJSON *a = (cJSON *)answers_get(s->answers, f->path, list->index,
	    list->nindex);

	if (!cJSON_IsArray(a) || i >= (size_t)cJSON_GetArraySize(a))
		return;
	cJSON_DeleteItemFromArray(a, (int)i);
	s->changed = 1;
}

/* The number of items in the list at slot. */
size_t
session_list_count(const struct session *s, const struct slot *list)
{
	const struct field *f = &s->form->fields[list->field];
	const cJSON *a = answers_get(s->answers, f->path, list->index,
	    list->nindex);

	return cJSON_IsArray(a) ? (size_t)cJSON_GetArraySize(a) : 0;
}

/* Names the organization an order created by its new ID: the details give
 * way to the ID (contacts stay) and the local choices are read again. */
void
session_adopt_org(struct session *s, const char *org_id)
{
	cJSON *org, *contacts, *fresh;
	size_t i;

	if (org_id == NULL || *org_id == '\0' ||
	    form_find(s->form, "organization.id") == NULL)
		return;
	org = cJSON_GetObjectItemCaseSensitive(s->answers, "organization");
	contacts = cJSON_IsObject(org) ?
	    cJSON_DetachItemFromObjectCaseSensitive(org, "contacts") : NULL;
	fresh = cJSON_CreateObject();
	cJSON_AddStringToObject(fresh, "id", org_id);
	if (contacts != NULL)
		cJSON_AddItemToObject(fresh, "contacts", contacts);
	answers_set(s->answers, "organization", NULL, 0, fresh);
	for (i = 0; i < s->form->nfields; i++) {
		if (s->form->fields[i].local)
			cJSON_DeleteItemFromObjectCaseSensitive(s->answers,
			    s->form->fields[i].name);
	}
	order_set_local(s->form, s->answers, NULL, NULL);
}
