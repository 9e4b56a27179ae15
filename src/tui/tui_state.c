/* tui_state.c: the wizard state the screens share: the current screen's
 * slots, what kind of widget each slot is, visited fields, problems. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/answers.h"
#include "core/form.h"
#include "tui/tui_int.h"
#include "util/xalloc.h"
#include "wizard/draft.h"
#include "util/i18n.h"

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
	if (dir < 0 && t->screen == 0)
		return SIZE_MAX;
	return shown_from(t, t->screen + (size_t)(long)dir, dir);
}

/* Re-reads the current screen's slots after a change, keeping the focused
 * field where it still applies; moves off a screen that is now hidden. */
void
tui_reload(struct tui *t)
{
	char *path = NULL;
	size_t i, sc;

	if (t->focus < t->nslots)
		path = xstrdup(t->slots[t->focus].path);
	session_slots_free(t->slots, t->nslots);
	t->slots = NULL;
	t->nslots = 0;
	t->probs_fresh = 0;
	if ((sc = shown_from(t, t->screen, 1)) == SIZE_MAX)
		sc = shown_from(t, t->screen, -1);
	if (sc == SIZE_MAX)
		sc = 0;
	if (sc != t->screen) {
		free(path);
		path = NULL;
		t->screen = sc;
	}
	t->nslots = session_slots(t->s, t->screen, &t->slots);
	for (i = 0; path != NULL && i < t->nslots; i++) {
		if (strcmp(t->slots[i].path, path) == 0)
			break;
	}
	if (path == NULL || i == t->nslots) {
		t->focus = t->focus < t->nslots ? t->focus : 0;
		t->focus = keys_first_focusable(t, t->focus, 1);
		if (t->focus < t->nslots)
			edit_focus_load(t);
	} else
		t->focus = i;
	free(path);
}

/* Loads the focused slot's answer into the editor. */
void
edit_focus_load(struct tui *t)
{
	char *text;

	if (t->focus >= t->nslots) {
		edit_set(&t->ed, "");
		return;
	}
	text = session_get_text(t->s, &t->slots[t->focus]);
	edit_set(&t->ed, text);
	free(text);
	t->ahead[0] = '\0';
}

/* The allowed values of an enumeration slot, or NULL when it is free text. */
const cJSON *
tui_slot_values(const struct tui *t, const struct slot *sl)
{
	const struct field *f = &t->s->form->fields[sl->field];

	if (sl->item >= 0 || (f->type != FT_ENUM && f->type != FT_BOOLEAN))
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
	switch (f->type) {
	case FT_BOOLEAN:
	case FT_OBJECT:
	case FT_LIST:
	case FT_OBJECT_LIST:
		return 0;
	case FT_ENUM:
		return tui_slot_values(t, sl) == NULL;
	default:
		return 1;
	}
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
	return sl->item >= 0 ||
	    t->s->form->fields[sl->field].type != FT_OBJECT;
}

/* 1 when the field at path has been left once. */
int
tui_visited(const struct tui *t, const char *path)
{
	size_t i;

	for (i = 0; i < t->nvisited; i++) {
		if (strcmp(t->visited[i], path) == 0)
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
	t->visited = xreallocarray(t->visited, t->nvisited + 1,
	    sizeof *t->visited);
	t->visited[t->nvisited++] = xstrdup(path);
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
		if (i == t->screen)
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

/* Moves to the screen and slot of a problem's path; 0, or -1 when no shown
 * field has that path. */
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
	if (t->focus < t->nslots)
		tui_visit(t, t->slots[t->focus].path);
	t->screen = best_sc;
	t->focus = SIZE_MAX;
	tui_reload(t);
	keys_focus(t, keys_first_focusable(t, best_i, 1));
	tui_autosave(t);
	return 0;
}

/* Saves a draft of the answers (secrets are left out) and says where. */
void
tui_draft(struct tui *t)
{
	char *cause = NULL;

	keys_commit(t);
	t->message_until = 0;
	if (draft_save(t->s, t->draft, NULL, &cause) != 0) {
		tui_message(t, _("draft not saved: %s"), cause);
		free(cause);
		return;
	}
	tui_message(t, _("draft saved to %s (secrets left out)"),
	    t->draft->path);
}

/* Saves a draft on a change of screen when the answers changed; says so
 * for a moment. A failure is shown and the answers stay in memory. */
void
tui_autosave(struct tui *t)
{
	const char *name;
	char *cause = NULL;

	keys_commit(t);
	if (!t->s->changed)
		return;
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
