/* tui_keys_list.c: adding and removing the items of a list. */
#include "config.h"

#include "tui/tui_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Finds the list slot and item number a slot belongs to; -1 when none. */
int
keys_item_of(const struct tui *t, const struct slot *sl, size_t *list,
    size_t *item)
{
	const struct form *form = t->s->form;
	size_t a = sl->field, k = 0, i;
	const char *p;

	if (sl->item < 0) {
		do
			a = form->fields[a].parent;
		while (a != SIZE_MAX && form->fields[a].type != FT_OBJECT_LIST);
		if (a == SIZE_MAX)
			return -1;
		for (p = form->fields[a].path; (p = strstr(p, "[]")); p += 2)
			k++;
		if (k >= sl->nindex)
			return -1;
		*item = sl->index[k];
	} else {
		k = sl->nindex;
		*item = (size_t)sl->item;
	}
	for (i = 0; i < t->fm.nslots; i++) {
		if (t->fm.slots[i].field == a && t->fm.slots[i].item < 0 &&
		    t->fm.slots[i].nindex == k && (k == 0 ||
		    memcmp(t->fm.slots[i].index, sl->index,
		    k * sizeof *sl->index) == 0)) {
			*list = i;
			return 0;
		}
	}
	return -1;
}

/* Adds an item to the list at the focused slot and focuses it. */
void
keys_list_add(struct tui *t)
{
	size_t n, i, len;
	char *prefix;

	keys_commit(t);
	if (t->fm.focus >= t->fm.nslots)
		return;
	n = session_list_add(t->s, &t->fm.slots[t->fm.focus]);
	prefix = xasprintf("%s[%zu]", t->fm.slots[t->fm.focus].path, n);
	len = strlen(prefix);
	tui_reload(t);
	for (i = 0; i < t->fm.nslots; i++) {
		if (strncmp(t->fm.slots[i].path, prefix, len) == 0 &&
		    tui_slot_focusable(t, &t->fm.slots[i])) {
			keys_focus(t, i);
			break;
		}
	}
	free(prefix);
}

/* Removes the list item the focused slot belongs to. */
void
keys_list_remove(struct tui *t)
{
	size_t list, item;

	keys_commit(t);
	if (t->fm.focus >= t->fm.nslots ||
	    keys_item_of(t, &t->fm.slots[t->fm.focus], &list, &item) != 0)
		return;
	session_list_remove(t->s, &t->fm.slots[list], item);
	t->fm.focus = list;
	tui_reload(t);
	edit_focus_load(t);
	tui_message(t, _("item %zu removed"), item + 1);
}
