/* tui_keys.c: keys on the form screen: dispatching them, moving between
 * fields and screens, quitting, and the overlays. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/field_check.h"
#include "core/form.h"
#include "tui/tui.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/recall.h"

/* Control keys. */
#define KEY_CTRL(c)	((c) & 0x1f)
#define KEY_ESC		27

/* Stores the edited text of the focused field, if it changed. */
void
keys_commit(struct tui *t)
{
	char *err;

	if (!t->fm.pending || t->fm.focus >= t->fm.nslots) {
		t->fm.pending = 0;
		return;
	}
	t->fm.pending = 0;
	err = session_set_text(t->s, &t->fm.slots[t->fm.focus],
	    edit_text(&t->fm.ed));
	free(err);
	tui_reload(t);
}

/* The first focusable slot from index from going dir, or SIZE_MAX. */
size_t
keys_first_focusable(const struct tui *t, size_t from, int dir)
{
	long i;

	for (i = (long)from; i >= 0 && (size_t)i < t->fm.nslots; i += dir) {
		if (tui_slot_focusable(t, &t->fm.slots[i]))
			return (size_t)i;
	}
	return SIZE_MAX;
}

/* Moves the focus to slot i, marking the field left as visited. */
void
keys_focus(struct tui *t, size_t i)
{
	keys_commit(t);
	if (t->fm.focus < t->fm.nslots && t->fm.focus != i)
		tui_visit(t, t->fm.slots[t->fm.focus].path);
	t->fm.focus = i;
	edit_focus_load(t);
}

/* Goes to the next (dir 1) or previous (dir -1) shown screen; at_end puts
 * the focus on its last field. */
static void
keys_screen_to(struct tui *t, int dir, int at_end)
{
	size_t sc, i;

	keys_commit(t);
	if ((sc = tui_next_screen(t, dir)) == SIZE_MAX) {
		tui_message(t, dir > 0 ? _("this is the last screen: F10 "
		    "reviews "
		    "the order") : _("this is the first screen"));
		return;
	}
	if (t->fm.focus < t->fm.nslots)
		tui_visit(t, t->fm.slots[t->fm.focus].path);
	t->fm.screen = sc;
	t->fm.focus = SIZE_MAX;
	t->fm.top = 0;
	tui_reload(t);
	i = at_end && t->fm.nslots > 0 ?
	    keys_first_focusable(t, t->fm.nslots - 1, -1) :
	    keys_first_focusable(t, 0, 1);
	t->fm.focus = SIZE_MAX;
	keys_focus(t, i);
	tui_autosave(t);
}

/* Goes to the next or previous shown screen. */
void
keys_screen(struct tui *t, int dir)
{
	keys_screen_to(t, dir, 0);
}

/* Moves to the next (dir 1) or previous (dir -1) field, across screens. */
static void
keys_move(struct tui *t, int dir)
{
	size_t i = SIZE_MAX;

	keys_commit(t);
	if (t->fm.focus < t->fm.nslots && !(dir < 0 && t->fm.focus == 0))
		i = keys_first_focusable(t, t->fm.focus + (size_t)(long)dir,
		    dir);
	if (i != SIZE_MAX)
		keys_focus(t, i);
	else
		keys_screen_to(t, dir, dir < 0);
}

/* Asks before quitting when there are unsaved changes. */
void
keys_quit(struct tui *t)
{
	keys_commit(t);
	if (t->s->changed)
		view_push(t, &tui_view_quit);
	else
		t->quit = 1;
}

/* Ctrl-C: saves a draft when the answers changed, then quits. */
void
keys_interrupt(struct tui *t)
{
	keys_commit(t);
	if (t->s->changed)
		tui_draft(t);
	t->interrupted = 1;
	t->quit = 1;
}

/* The readable file the focused text names, or NULL. */
char *
keys_file_path(const struct tui *t)
{
	const char *s = edit_text(&t->fm.ed), *home = getenv("HOME");
	enum field_type ty;
	struct stat st;
	char *path;

	if (t->fm.focus >= t->fm.nslots || t->fm.slots[t->fm.focus].item >= 0)
		return NULL;
	ty = t->s->form->fields[t->fm.slots[t->fm.focus].field].type;
	if ((ty != FT_CSR && ty != FT_TEXT) || strchr(s, '\n') != NULL)
		return NULL;
	if (s[0] == '/' || strncmp(s, "./", 2) == 0)
		path = xstrdup(s);
	else if (strncmp(s, "~/", 2) == 0 && home != NULL)
		path = xasprintf("%s%s", home, s + 1);
	else
		return NULL;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    access(path, R_OK) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

/* Opens the overlay saying why the focused field is shown and required. */
void
keys_why(struct tui *t)
{
	keys_commit(t);
	if (t->fm.focus < t->fm.nslots)
		why_open(t);
}

/* Ctrl-X: clears the answers filled in from the last order. */
static void
keys_forget(struct tui *t)
{
	keys_commit(t);
	if (t->o->recall == NULL || t->o->recall->n == 0) {
		tui_message(t, _("no remembered answers to clear"));
		return;
	}
	recall_clear(t->s, t->o->recall);
	tui_reload(t);
	if (t->fm.focus < t->fm.nslots)
		edit_focus_load(t);
	tui_message(t, _("cleared the answers remembered from your last "
	    "order"));
}

/* Ctrl-K on a CSR: sets the key type and size its form names from it. */
static void
keys_csr_keys(struct tui *t)
{
	char *msg = NULL;

	keys_commit(t);
	if (t->fm.focus >= t->fm.nslots)
		return;
	session_csr_set_keys(t->s, &t->fm.slots[t->fm.focus], &msg);
	tui_reload(t);
	edit_focus_load(t);
	tui_message(t, "%s", msg);
	free(msg);
}

/* 1 when Enter in the focused field is a line break (a pasted CSR). */
static int
keys_enter_is_newline(const struct tui *t, int more)
{
	const char *s = edit_text(&t->fm.ed);

	if (t->fm.focus >= t->fm.nslots ||
	    !tui_slot_is_text(t, &t->fm.slots[t->fm.focus]) ||
	    t->s->form->fields[t->fm.slots[t->fm.focus].field].type != FT_CSR)
		return 0;
	return more || (strstr(s, "-----BEGIN") != NULL &&
	    strstr(strstr(s, "-----BEGIN") + 10, "-----END") == NULL);
}

/* Keys that work on every field; returns 1 when k was one of them. */
static int
keys_global(struct tui *t, const struct tui_key *k, int more)
{
	int c = k->code;

	if (k->is_key) {
		if (c == KEY_F(1)) {
			keys_commit(t);
			view_push(t, &tui_view_help);
		} else if (c == KEY_F(2))
			tui_draft(t);
		else if (c == KEY_F(3))
			keys_why(t);
		else if (c == KEY_F(4))
			lookup_open(t);
		else if (c == KEY_F(10)) {
			tui_autosave(t);
			review_open(t);
		} else if (c == KEY_F(5))
			keys_next_problem(t);
		else if (c == KEY_NPAGE)
			keys_screen(t, 1);
		else if (c == KEY_PPAGE)
			keys_screen(t, -1);
		else if (c == KEY_DOWN)
			keys_move(t, 1);
		else if (c == KEY_UP || c == KEY_BTAB)
			keys_move(t, -1);
		else if (c == KEY_ENTER && !keys_enter_is_newline(t, more))
			keys_enter(t);
		else
			return c == KEY_RESIZE;
		return 1;
	}
	if (c == KEY_ESC)
		keys_screen(t, -1);
	else if (c == KEY_CTRL('q'))
		keys_quit(t);
	else if (c == KEY_CTRL('c'))
		keys_interrupt(t);
	else if (c == KEY_CTRL('l'))
		lookup_open(t);
	else if (c == KEY_CTRL('x'))
		keys_forget(t);
	else if (c == KEY_CTRL('k'))
		keys_csr_keys(t);
	else if (c == KEY_CTRL('n'))
		keys_next_problem(t);
	else if (c == '\t')
		keys_move(t, 1);
	else if ((c == '\r' || c == '\n') && !keys_enter_is_newline(t, more))
		keys_enter(t);
	else
		return 0;
	return 1;
}

/* Handles one key on the form; more is 1 when further keys are already
 * waiting. */
static void
keys_form(struct tui *t, const struct tui_key *k, int more)
{
	if (!(k->is_key && k->code == KEY_RESIZE)) {
		free(t->message);
		t->message = NULL;
		t->message_until = 0;
	}
	if (keys_global(t, k, more) || t->fm.focus >= t->fm.nslots)
		return;
	if (tui_slot_is_text(t, &t->fm.slots[t->fm.focus]))
		keys_text(t, k);
	else
		keys_choice(t, k);
}

const struct tui_view tui_view_form = {
	.name = "form", .key = keys_form, .draw = draw_form,
};
