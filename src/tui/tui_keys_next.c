/* tui_keys_next.c: moving by need: Enter goes to the next field that still
 * needs an answer (on to the next screen, then the review), F5 or Ctrl-N
 * to the next problem from any field or from the review. Which fields
 * need an answer is the session's call (session_next_needed()). */
#include "config.h"

#include "tui/tui_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/field_type.h"
#include "core/form.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "wizard/recall.h"

/* The focused slot, or NULL when no field has the focus. */
static const struct slot *
next_focused(const struct tui *t)
{
	return t->fm.focus < t->fm.nslots ? &t->fm.slots[t->fm.focus] : NULL;
}

/* Moves the focus to the field at path on screen sc; a change of screen
 * saves a draft as PgDn does, a move on the same screen does not. */
static void
next_goto(struct tui *t, size_t sc, const char *path)
{
	int moved = sc != t->fm.screen;
	size_t i;

	keys_commit(t);
	if (moved) {
		if (next_focused(t) != NULL)
			tui_visit(t, next_focused(t)->path);
		t->fm.screen = sc;
		t->fm.focus = SIZE_MAX;
		t->fm.top = 0;
		tui_reload(t);
		t->fm.focus = SIZE_MAX;	/* nothing on it was left */
	}
	for (i = 0; i < t->fm.nslots; i++) {
		if (strcmp(t->fm.slots[i].path, path) == 0)
			break;
	}
	if (i == t->fm.nslots)
		i = keys_first_focusable(t, 0, 1);
	keys_focus(t, i);
	if (moved)
		tui_autosave(t);
}

/* Goes to the next field needing an answer after the focused one; 0, or
 * -1 when no other field needs one. */
static int
next_find_go(struct tui *t)
{
	const struct slot *sl = next_focused(t);
	size_t sc;
	char *path;

	if (session_next_needed(t->s, tui_problems(t), t->fm.screen,
	    sl != NULL ? sl->path : NULL, &sc, &path) != 0)
		return -1;
	next_goto(t, sc, path);
	free(path);
	return 0;
}

/* 1 when the focused slot is a list's own line that needs an item. */
static int
next_list_needs_item(struct tui *t)
{
	const struct slot *sl = next_focused(t);

	return sl != NULL && sl->item < 0 &&
	    field_types[t->s->form->fields[sl->field].type].widget ==
	    FW_LIST && session_list_count(t->s, sl) == 0 &&
	    session_slot_needed(t->s, tui_problems(t), t->fm.screen, sl);
}

/* Enter: accepts the focused field and goes to the next field that needs
 * an answer; on a required list with no items it adds one; with nothing
 * needed anywhere else it opens the review. */
void
keys_enter(struct tui *t)
{
	keys_commit(t);
	if (next_list_needs_item(t)) {
		keys_list_add(t);
		return;
	}
	if (next_find_go(t) == 0)
		return;
	tui_autosave(t);
	review_open(t);
}

/* F5 or Ctrl-N on the form: the next field with a problem. */
void
keys_next_problem(struct tui *t)
{
	const struct slot *sl;

	keys_commit(t);
	if (next_find_go(t) == 0)
		return;
	sl = next_focused(t);
	if (sl != NULL && session_slot_needed(t->s, tui_problems(t),
	    t->fm.screen, sl))
		tui_message(t, _("this is the only field left to fix"));
	else
		tui_message(t, _("nothing left to fix: F10 reviews the order"));
}

/* F5 or Ctrl-N on the review: back to the form at the first problem; 0,
 * or -1 (staying on the review) when there is none. */
int
keys_first_problem(struct tui *t)
{
	size_t sc;
	char *path;

	if (session_next_needed(t->s, tui_problems(t), 0, NULL, &sc,
	    &path) != 0)
		return -1;
	view_switch(t, &tui_view_form);
	next_goto(t, sc, path);
	free(path);
	return 0;
}

/* A new order opens on the first field of its first screen that needs an
 * answer (the first field when none there does), so that the first key
 * is an answer; with answers remembered from the last order, on the
 * first field of any screen that needs one. */
void
keys_start(struct tui *t)
{
	size_t sc;
	char *path;

	if (session_next_needed(t->s, tui_problems(t), t->fm.screen, NULL,
	    &sc, &path) != 0)
		return;
	if (sc == t->fm.screen || (t->o->recall != NULL &&
	    t->o->recall->n > 0)) {
		t->fm.focus = SIZE_MAX;	/* the first field was not left */
		next_goto(t, sc, path);
	}
	free(path);
}
