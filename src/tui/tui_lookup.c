/* tui_lookup.c: picking an ID from the account (F4 or Ctrl-L) on a field
 * whose form entry has "lookup": the organizations, the product's server
 * platforms, the users (a contact: its name, email, title and phone are
 * filled too) or the containers. A failed look-up leaves typing open. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "core/lookup.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Most rows of the pick list shown at once. */
#define LOOKUP_ROWS	12
/* Most columns of a look-up, and the widest cell lined up. */
#define LOOKUP_COLUMNS	8
#define LOOKUP_CELL	40

/* The focused field's look-up, or NULL. */
static const struct lookup *
lookup_kind(const struct tui *t)
{
	if (t->view != &tui_view_form || t->fm.focus >= t->fm.nslots)
		return NULL;
	return session_slot_lookup(t->s, &t->fm.slots[t->fm.focus]);
}

/* 1 when F4 can pick a value for the focused field. */
int
lookup_available(const struct tui *t)
{
	return t->o->api != NULL && lookup_kind(t) != NULL;
}

/* The text to search users by: the field's text unless it is empty or an
 * ID (digits); allocated or NULL. */
static char *
lookup_search(const struct tui *t)
{
	const char *text = edit_text(&t->fm.ed);

	if (*text == '\0' || strspn(text, "0123456789") == strlen(text))
		return NULL;
	return xstrdup(text);
}

/* Opens the pick list for the focused field. */
void
lookup_open(struct tui *t)
{
	const struct lookup *lk = lookup_kind(t);
	char *cause = NULL, *search = lookup_search(t);
	cJSON *list = NULL;
	int rc;

	keys_commit(t);
	if (lk == NULL || t->o->api == NULL) {
		tui_message(t, _("F4 picks a value only on a field that can be "
		    "looked up (organization, server platform, user, "
		    "container)"));
		goto out;
	}
	if (api_has_key(t->o->api, t->s->form->platform, &cause) != 1) {
		submit_key_prompt(t, TT_PICK);
		goto out;
	}
	tui_message(t, _("Looking up the %s…"), _(lk->what));
	draw_all(t);
	rc = session_lookup_fetch(t->s, t->o->api, lk, search, &list, &cause);
	if (rc != 0)
		tui_message(t, _("The look-up failed (%s); type the ID"),
		    cause);
	else if (cJSON_GetArraySize(list) == 0)
		tui_message(t, _("The look-up found no %s%s; type the ID"),
		    _(lk->what), search != NULL ? _(" matching the text") : "");
	if (rc != 0 || cJSON_GetArraySize(list) == 0)
		goto out;
	free(t->message);
	t->message = NULL;
	lookup_close(t);
	t->pk.pick = list;
	list = NULL;
	t->pk.pick_title = xstrdup(_(lk->title));
	t->pk.psel = 0;
	view_push(t, &tui_view_lookup);
out:
	cJSON_Delete(list);
	free(search);
	free(cause);
}

/* Fills the focused field (and the siblings its look-up names) from the
 * selected entry. */
static void
lookup_choose(struct tui *t)
{
	const struct lookup *lk = lookup_kind(t);
	const cJSON *e = cJSON_GetArrayItem(t->pk.pick, (int)t->pk.psel);
	char *id = session_entry_text(e, "id"), *err;

	err = session_fill_entry(t->s, &t->fm.slots[t->fm.focus], lk, e);
	free(err);
	t->fm.pending = 0;
	tui_reload(t);
	edit_focus_load(t);
	tui_message(t, _("%s filled in%s"), id, lk->fills != NULL ?
	    _(", with the contact's details") : "");
	free(id);
	lookup_close(t);
}

/* Keys in the pick list: Up/Down, Enter fills the ID, Esc closes; F5,
 * Ctrl-N and F10 close it and go on to the form. */
static void
lookup_key(struct tui *t, const struct tui_key *k, int more)
{
	size_t n = (size_t)cJSON_GetArraySize(t->pk.pick);
	int c = k->code;

	if (k->is_key && c == KEY_UP && t->pk.psel > 0)
		t->pk.psel--;
	else if (k->is_key && c == KEY_DOWN && t->pk.psel + 1 < n)
		t->pk.psel++;
	else if (k->is_key ? c == KEY_ENTER : (c == '\r' || c == '\n'))
		lookup_choose(t);
	else if (!k->is_key && c == 27)
		lookup_close(t);
	else if (k->is_key ? c == KEY_F(5) || c == KEY_F(10) : c == 0x0e) {
		lookup_close(t);	/* the review or next problem */
		view_key(t, k, more);
	}
}

/* The display columns of each of the look-up's columns over every entry
 * (each at most LOOKUP_CELL), so the columns line up whatever letters
 * the names hold; returns the number of columns. */
static size_t
lookup_widths(const struct lookup *lk, const cJSON *list,
    size_t w[LOOKUP_COLUMNS])
{
	const cJSON *e;
	size_t i, cw;
	char *cell;

	for (i = 0; lk->columns[i] != NULL && i < LOOKUP_COLUMNS; i++) {
		w[i] = 0;
		cJSON_ArrayForEach(e, list) {
			cell = session_entry_text(e, lk->columns[i]);
			cw = text_width(cell);
			free(cell);
			if (cw > w[i])
				w[i] = cw > LOOKUP_CELL ? LOOKUP_CELL : cw;
		}
	}
	return i;
}

/* One row of the list: the look-up's columns, the ID first, each padded
 * to its width in display columns. */
static char *
lookup_row(const struct lookup *lk, const cJSON *e,
    const size_t w[LOOKUP_COLUMNS], size_t ncol)
{
	char *row = xstrdup(""), *cell, *padded, *next;
	size_t i;

	for (i = 0; i < ncol; i++) {
		cell = session_entry_text(e, lk->columns[i]);
		padded = i + 1 < ncol ? text_pad(cell, w[i]) : xstrdup(cell);
		next = xasprintf("%s%s%s", row, i > 0 ? "  " : "", padded);
		free(padded);
		free(cell);
		free(row);
		row = next;
	}
	return row;
}

/* Draws the pick list. */
static void
lookup_draw(struct tui *t, int *cy, int *cx)
{
	const struct lookup *lk = lookup_kind(t);
	size_t n = (size_t)cJSON_GetArraySize(t->pk.pick), i, first = 0;
	int rows = n < LOOKUP_ROWS ? (int)n : LOOKUP_ROWS, w = 74;
	int x = (COLS - w) / 2, y = (LINES - rows - 4) / 2;
	size_t cw[LOOKUP_COLUMNS], ncol;
	char *row;

	(void)cy;
	(void)cx;
	if (lk == NULL)
		return;
	if (t->pk.psel >= LOOKUP_ROWS)
		first = t->pk.psel - LOOKUP_ROWS + 1;
	draw_box(y, x, rows + 4, w);
	draw_text(y + 1, x + 2, w - 4, t->pk.pick_title, 0, A_BOLD);
	ncol = lookup_widths(lk, t->pk.pick, cw);
	for (i = first; i < n && i < first + LOOKUP_ROWS; i++) {
		row = lookup_row(lk, cJSON_GetArrayItem(t->pk.pick, (int)i),
		    cw, ncol);
		draw_text(y + 2 + (int)(i - first), x + 2, w - 4, row, 0,
		    i == t->pk.psel ? t->attr[TA_FOCUS] : A_NORMAL);
		free(row);
	}
	draw_text(y + rows + 3, x + 2, w - 4, lk->fills != NULL ?
	    _(" Enter fills the contact, Esc closes ") :
	    _(" Enter fills the ID, Esc closes "), 0, A_BOLD);
}

/* Releases the pick list. */
static void
lookup_free(struct tui *t)
{
	cJSON_Delete(t->pk.pick);
	t->pk.pick = NULL;
	free(t->pk.pick_title);
	t->pk.pick_title = NULL;
}

/* Closes the pick list. */
void
lookup_close(struct tui *t)
{
	if (view_is(t, &tui_view_lookup))
		view_pop(t);
	else
		lookup_free(t);
}

const struct tui_view tui_view_lookup = {
	.name = "lookup", .key = lookup_key, .draw = lookup_draw,
	.resize = view_nothing, .close = lookup_free,
};
