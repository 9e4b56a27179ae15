/* session_lookup.c: the account look-ups of a session's fields: fetching
 * a field's list and filling the field (and the siblings its look-up
 * names) from the entry picked. Shared by the curses and plain wizards. */
#include "config.h"

#include "wizard/session.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "core/lookup.h"
#include "util/xalloc.h"

/* The look-up of the field at a slot, or NULL (list-of-strings items
 * have none). */
const struct lookup *
session_slot_lookup(const struct session *s, const struct slot *slot)
{
	if (slot->item >= 0)
		return NULL;
	return lookup_find(s->form->fields[slot->field].lookup);
}

/* Fetches the list of a look-up for the session's product. */
int
session_lookup_fetch(const struct session *s, struct api *api,
    const struct lookup *lk, const char *search, cJSON **out, char **cause)
{
	const char *platform = s->form->platform;

	*out = NULL;
	if (strcmp(lk->name, "organizations") == 0)
		return api_list_organizations(api, platform, out, cause);
	if (strcmp(lk->name, "users") == 0)
		return api_list_users(api, platform, search, out, cause);
	if (strcmp(lk->name, "containers") == 0)
		return api_list_containers(api, platform, out, cause);
	return api_product_platforms(api, platform, s->form->id, out, cause);
}

/* A member of a look-up entry as text ("" when absent or not a scalar). */
char *
session_entry_text(const cJSON *entry, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(entry, name);

	if (cJSON_IsNumber(v))
		return xasprintf("%.0f", v->valuedouble);
	if (cJSON_IsBool(v))
		return xstrdup(cJSON_IsTrue(v) ? "true" : "false");
	return xstrdup(cJSON_IsString(v) ? v->valuestring : "");
}

/* Sets the sibling member name of the slot's field from the entry. */
static void
fill_sibling(struct session *s, const struct slot *slot, const char *name,
    const cJSON *entry)
{
	const struct field *f = &s->form->fields[slot->field];
	struct slot sib = *slot;
	const char *dot = strrchr(slot->path, '.');
	char *text, *err;

	sib.field = form_child(s->form, f->parent, name);
	if (sib.field == SIZE_MAX)
		return;
	sib.path = dot == NULL ? xstrdup(name) : xasprintf("%.*s.%s",
	    (int)(dot - slot->path), slot->path, name);
	text = session_entry_text(entry, name);
	if (*text != '\0') {
		err = session_set_text(s, &sib, text);
		free(err);
	}
	free(text);
	free(sib.path);
}

/* Fills the slot with the entry's ID, and the siblings its look-up names
 * from the entry's members; returns the slot's error, or NULL. */
char *
session_fill_entry(struct session *s, const struct slot *slot,
    const struct lookup *lk, const cJSON *entry)
{
	char *id = session_entry_text(entry, "id"), *err;
	size_t i;

	for (i = 0; lk->fills != NULL && lk->fills[i] != NULL; i++)
		fill_sibling(s, slot, lk->fills[i], entry);
	err = session_set_text(s, slot, id);
	free(id);
	return err;
}
