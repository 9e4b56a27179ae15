/* tui_state.c: the wizard state the screens share: the current screen's
 * slots, what kind of widget each slot is, visited fields, problems. */
#include "config.h"

#include "tui/tui_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/answers.h"
#include "core/field_type.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/draft.h"

/* The first shown screen at or after i going dir (+1/-1), or SIZE_MAX. */
static size_t
shown_from(const struct tui *t, size_t i, int dir)
{
	long j, n = (long)t->s->form->nscreens;

	for (j = (long)i; j >= 0 && j < n; j += dir) {
		if (session_screen_shown(t->s, (size_t)j))
			return (size_t)j;
	}
	return SIZE_MAX;
}

/* The next shown screen after the current one going dir, or SIZE_MAX. */
size_t
tui_next_screen(const struct tui *t, int dir)
{
	if (dir < 0 && t->fm.screen == 0)
		return SIZE_MAX;
	return shown_from(t, t->fm.screen + (size_t)(long)dir, dir);
}

/* Re-reads the current screen's slots after a change. */
void
tui_reload(struct tui *t)
{
	char *path = NULL;
	size_t i, sc;

	if (t->fm.focus < t->fm.nslots)
		path = xstrdup(t->fm.slots[t->fm.focus].path);
	session_slots_free(t->fm.slots, t->fm.nslots);
	t->fm.slots = NULL;
	t->fm.nslots = 0;
	t->probs_fresh = 0;
	if ((sc = shown_from(t, t->fm.screen, 1)) == SIZE_MAX)
		sc = shown_from(t, t->fm.screen, -1);
	if (sc == SIZE_MAX)
		sc = 0;
	if (sc != t->fm.screen) {
		free(path);
		path = NULL;
		t->fm.screen = sc;
	}
	t->fm.nslots = session_slots(t->s, t->fm.screen, &t->fm.slots);
	for (i = 0; path != NULL && i < t->fm.nslots; i++) {
		if (strcmp(t->fm.slots[i].path, path) == 0)
			break;
	}
	if (path == NULL || i == t->fm.nslots) {
		t->fm.focus = t->fm.focus < t->fm.nslots ? t->fm.focus : 0;
		t->fm.focus = keys_first_focusable(t, t->fm.focus, 1);
		if (t->fm.focus < t->fm.nslots)
			edit_focus_load(t);
	} else
		t->fm.focus = i;
	free(path);
}

/* Loads the focused slot's answer into the editor. */
void
edit_focus_load(struct tui *t)
{
	char *text;

	if (t->fm.focus >= t->fm.nslots) {
		edit_set(&t->fm.ed, "");
		return;
	}
	text = session_get_text(t->s, &t->fm.slots[t->fm.focus]);
	edit_set(&t->fm.ed, text);
	free(text);
	t->fm.ahead[0] = '\0';
}

/* The allowed values of an enumeration slot, or NULL when it is free text. */
const cJSON *
tui_slot_values(const struct tui *t, const struct slot *sl)
{
	const struct field *f = &t->s->form->fields[sl->field];

	enum field_widget w = field_types[f->type].widget;

	if (sl->item >= 0 || (w != FW_CHOICE && w != FW_TOGGLE))
		return NULL;
	return field_values(f, t->s->answers, sl->index, sl->nindex);
}

/* 1 when a slot is edited as text in the line editor. */
int
tui_slot_is_text(const struct tui *t, const struct slot *sl)
{
	const struct field *f = &t->s->form->fields[sl->field];

	if (sl->item >= 0)
		return 1;
	if (field_types[f->type].widget == FW_CHOICE)
		return tui_slot_values(t, sl) == NULL;
	return field_types[f->type].widget == FW_TEXT;
}

/* 1 when a slot is required with the answers as they are. */
int
tui_slot_required(const struct tui *t, const struct slot *sl)
{
	return session_slot_required(t->s, sl);
}

/* 1 when the focus may rest on a slot (object headings are skipped). */
int
tui_slot_focusable(const struct tui *t, const struct slot *sl)
{
	return !session_slot_heading(t->s, sl);
}

/* 1 when the field at path has been left once. */
int
tui_visited(const struct tui *t, const char *path)
{
	size_t i;

	for (i = 0; i < t->fm.nvisited; i++) {
		if (strcmp(t->fm.visited[i], path) == 0)
			return 1;
	}
	return 0;
}

/* Records that the field at path has been left. */
void
tui_visit(struct tui *t, const char *path)
{
	if (tui_visited(t, path))
		return;
	t->fm.visited = xreallocarray(t->fm.visited, t->fm.nvisited + 1,
	    sizeof *t->fm.visited);
	t->fm.visited[t->fm.nvisited++] = xstrdup(path);
}

/* The problems of the order as it stands (checked again after changes). */
const struct problems *
tui_problems(struct tui *t)
{
	if (!t->probs_fresh) {
		problems_free(&t->probs);
		session_check(t->s, &t->probs);
		t->probs_fresh = 1;
	}
	return &t->probs;
}

/* The number of shown screens; *pos gets the current one's place (from 1). */
size_t
tui_shown_count(const struct tui *t, size_t *pos)
{
	size_t i, n = 0;

	*pos = 0;
	for (i = 0; i < t->s->form->nscreens; i++) {
		if (!session_screen_shown(t->s, i))
			continue;
		n++;
		if (i == t->fm.screen)
			*pos = n;
	}
	return n;
}

/* How well slot path p matches a problem path q: 3 equal, 2 p is inside q's
 * object or list, 1 q is inside p, 0 not at all. */
static int
path_match(const char *p, const char *q)
{
	size_t lp = strlen(p), lq = strlen(q);

	if (strcmp(p, q) == 0)
		return 3;
	if (lq > 0 && lp > lq && strncmp(p, q, lq) == 0 &&
	    (p[lq] == '.' || p[lq] == '['))
		return 2;
	if (lp > 0 && lq > lp && strncmp(p, q, lp) == 0 &&
	    (q[lp] == '.' || q[lp] == '['))
		return 1;
	return 0;
}

/* Moves to the screen and slot of a problem's path. */
int
tui_goto_path(struct tui *t, const char *path)
{
	struct slot *slots;
	size_t sc, i, n, best_sc = 0, best_i = 0;
	int m, best = 0;

	for (sc = 0; sc < t->s->form->nscreens; sc++) {
		if (!session_screen_shown(t->s, sc))
			continue;
		n = session_slots(t->s, sc, &slots);
		for (i = 0; i < n; i++) {
			if ((m = path_match(slots[i].path, path)) > best) {
				best = m;
				best_sc = sc;
				best_i = i;
			}
		}
		session_slots_free(slots, n);
	}
	if (best == 0)
		return -1;
	keys_commit(t);
	if (t->fm.focus < t->fm.nslots)
		tui_visit(t, t->fm.slots[t->fm.focus].path);
	t->fm.screen = best_sc;
	t->fm.focus = SIZE_MAX;
	tui_reload(t);
	t->fm.focus = SIZE_MAX;	/* the screen's first field was not left */
	keys_focus(t, keys_first_focusable(t, best_i, 1));
	tui_autosave(t);
	return 0;
}

/* Records in the draft where the user is (screen and field), so that
 * resuming it opens there. */
void
tui_draft_place(struct tui *t)
{
	free(t->draft->field);
	t->draft->field = t->fm.focus < t->fm.nslots ?
	    xstrdup(t->fm.slots[t->fm.focus].path) : NULL;
	t->draft->screen = t->fm.screen + 1;
}

/* Opens a resumed draft where the user left off and says which draft it
 * is and when it was saved. */
void
tui_resume_start(struct tui *t)
{
	const struct draft *d = t->draft;
	const char *name = strrchr(d->path, '/');

	if (d->screen > 0 && (d->field == NULL ||
	    tui_goto_path(t, d->field) != 0) &&
	    d->screen <= t->s->form->nscreens) {
		t->fm.screen = d->screen - 1;
		t->fm.focus = SIZE_MAX;
		t->fm.top = 0;
		tui_reload(t);
		t->fm.focus = SIZE_MAX;
		keys_focus(t, keys_first_focusable(t, 0, 1));
	}
	tui_message(t, _("Resumed draft %s saved at %s"), name != NULL ?
	    name + 1 : d->path, d->saved != NULL ? d->saved : "?");
}

/* Saves a draft of the answers (secrets are left out) and says where. */
void
tui_draft(struct tui *t)
{
	char *cause = NULL;

	keys_commit(t);
	tui_draft_place(t);
	t->message_until = 0;
	if (draft_save(t->s, t->draft, NULL, &cause) != 0) {
		tui_message(t, _("draft not saved: %s"), cause);
		free(cause);
		return;
	}
	tui_message(t, _("draft saved to %s (secrets left out)"),
	    t->draft->path);
}

/* Saves a draft on a change of screen when the answers changed. */
void
tui_autosave(struct tui *t)
{
	const char *name;
	char *cause = NULL;

	keys_commit(t);
	if (!t->s->changed)
		return;
	tui_draft_place(t);
	if (draft_save(t->s, t->draft, NULL, &cause) != 0) {
		tui_message(t, _("draft not saved: %s"), cause);
		t->message_until = 0;
		free(cause);
		return;
	}
	name = strrchr(t->draft->path, '/');
	tui_message(t, _("draft saved (%s)"), name != NULL ? name + 1 :
	    t->draft->path);
	t->message_until = time(NULL) + 3;
}
