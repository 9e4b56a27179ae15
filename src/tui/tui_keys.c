/* tui_keys.c: keys on the form screen: moving between fields and screens,
 * editing, choosing values, list items, and the overlays. */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/field_check.h"
#include "core/form.h"
#include "tui/tui_int.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* Control keys. */
#define KEY_CTRL(c)	((c) & 0x1f)
#define KEY_ESC		27

/* Stores the edited text of the focused field, if it changed. */
void
keys_commit(struct tui *t)
{
	char *err;

	if (!t->pending || t->focus >= t->nslots) {
		t->pending = 0;
		return;
	}
	t->pending = 0;
	err = session_set_text(t->s, &t->slots[t->focus], edit_text(&t->ed));
	free(err);
	tui_reload(t);
}

/* The first focusable slot from index from going dir, or SIZE_MAX. */
size_t
keys_first_focusable(const struct tui *t, size_t from, int dir)
{
	long i;

	for (i = (long)from; i >= 0 && (size_t)i < t->nslots; i += dir) {
		if (tui_slot_focusable(t, &t->slots[i]))
			return (size_t)i;
	}
	return SIZE_MAX;
}

/* Moves the focus to slot i, marking the field left as visited. */
void
keys_focus(struct tui *t, size_t i)
{
	keys_commit(t);
	if (t->focus < t->nslots && t->focus != i)
		tui_visit(t, t->slots[t->focus].path);
	t->focus = i;
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
		tui_message(t, dir > 0 ? "this is the last screen: F10 reviews "
		    "the order" : "this is the first screen");
		return;
	}
	if (t->focus < t->nslots)
		tui_visit(t, t->slots[t->focus].path);
	t->screen = sc;
	t->focus = SIZE_MAX;
	t->top = 0;
	tui_reload(t);
	i = at_end && t->nslots > 0 ?
	    keys_first_focusable(t, t->nslots - 1, -1) :
	    keys_first_focusable(t, 0, 1);
	t->focus = SIZE_MAX;
	keys_focus(t, i);
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
	if (t->focus < t->nslots && !(dir < 0 && t->focus == 0))
		i = keys_first_focusable(t, t->focus + (size_t)(long)dir, dir);
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
		t->overlay = TO_QUIT;
	else
		t->quit = 1;
}

/* Stores a value chosen (not typed) for the focused field at once. */
static void
keys_set(struct tui *t, const char *text)
{
	char *err;

	err = session_set_text(t->s, &t->slots[t->focus], text);
	free(err);
	tui_reload(t);
	edit_focus_load(t);
}

/* An allowed value's text, or "" for a value that is not a scalar. */
static const char *
keys_value_text(const cJSON *v, char *buf, size_t size)
{
	const char *s = field_scalar_text(v, buf, size);

	return s != NULL ? s : "";
}

/* Steps an enumeration's value by dir; an optional one may also be empty. */
static void
keys_cycle(struct tui *t, int dir)
{
	const struct slot *sl = &t->slots[t->focus];
	const cJSON *values = tui_slot_values(t, sl);
	char buf[128], *cur = session_get_text(t->s, sl), *next;
	int n = cJSON_GetArraySize(values), i, at = -1, lo;

	lo = tui_slot_required(t, sl) ? 0 : -1;
	for (i = 0; i < n; i++) {
		if (strcmp(keys_value_text(cJSON_GetArrayItem(values, i), buf,
		    sizeof buf), cur) == 0)
			at = i;
	}
	if (n == 0) {
		free(cur);
		return;
	}
	if (at == -1 && *cur != '\0')
		at = dir > 0 ? n - 1 : 0;
	free(cur);
	at += dir;
	if (at >= n)
		at = lo;
	else if (at < lo)
		at = n - 1;
	next = xstrdup(at < 0 ? "" : keys_value_text(cJSON_GetArrayItem(values,
	    at), buf, sizeof buf));
	keys_set(t, next);
	free(next);
}

/* Selects the first value starting with what has been typed so far. */
static void
keys_ahead(struct tui *t, int c)
{
	const cJSON *values = tui_slot_values(t, &t->slots[t->focus]), *v;
	char buf[128], keep[sizeof t->ahead], *next;
	size_t n = strlen(t->ahead);
	int pass;

	for (pass = 0; pass < 2; pass++) {
		if (n + 1 < sizeof t->ahead) {
			t->ahead[n] = (char)c;
			t->ahead[n + 1] = '\0';
		}
		cJSON_ArrayForEach(v, values) {
			next = xstrdup(keys_value_text(v, buf, sizeof buf));
			if (strncasecmp(next, t->ahead, strlen(t->ahead)) == 0) {
				memcpy(keep, t->ahead, sizeof keep);
				keys_set(t, next);
				memcpy(t->ahead, keep, sizeof keep);
				free(next);
				return;
			}
			free(next);
		}
		n = 0;
	}
	tui_message(t, "no value starts with '%c'", c);
	t->ahead[0] = '\0';
}

/* Finds the list slot and item number a slot belongs to; -1 when none. */
static int
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
	for (i = 0; i < t->nslots; i++) {
		if (t->slots[i].field == a && t->slots[i].item < 0 &&
		    t->slots[i].nindex == k && (k == 0 || memcmp(
		    t->slots[i].index, sl->index, k * sizeof *sl->index) == 0)) {
			*list = i;
			return 0;
		}
	}
	return -1;
}

/* Adds an item to the list at the focused slot and focuses it. */
static void
keys_list_add(struct tui *t)
{
	size_t n, i, len;
	char *prefix;

	keys_commit(t);
	if (t->focus >= t->nslots)
		return;
	n = session_list_add(t->s, &t->slots[t->focus]);
	prefix = xasprintf("%s[%zu]", t->slots[t->focus].path, n);
	len = strlen(prefix);
	tui_reload(t);
	for (i = 0; i < t->nslots; i++) {
		if (strncmp(t->slots[i].path, prefix, len) == 0 &&
		    tui_slot_focusable(t, &t->slots[i])) {
			keys_focus(t, i);
			break;
		}
	}
	free(prefix);
}

/* Removes the list item the focused slot belongs to. */
static void
keys_list_remove(struct tui *t)
{
	size_t list, item;

	keys_commit(t);
	if (t->focus >= t->nslots ||
	    keys_item_of(t, &t->slots[t->focus], &list, &item) != 0)
		return;
	session_list_remove(t->s, &t->slots[list], item);
	t->focus = list;
	tui_reload(t);
	edit_focus_load(t);
	tui_message(t, "item %zu removed", item + 1);
}

/* The file the focused text names, when it is a readable file path typed
 * into a CSR or text field; allocated, or NULL. */
char *
keys_file_path(const struct tui *t)
{
	const char *s = edit_text(&t->ed), *home = getenv("HOME");
	enum field_type ty;
	struct stat st;
	char *path;

	if (t->focus >= t->nslots || t->slots[t->focus].item >= 0)
		return NULL;
	ty = t->s->form->fields[t->slots[t->focus].field].type;
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

/* Reads the file named in the focused field into it (Ctrl-R). */
static void
keys_read_file(struct tui *t)
{
	char *path = keys_file_path(t), *text, *cause = NULL;
	size_t len;

	if (path == NULL) {
		tui_message(t, "Ctrl-R reads a file: type its path (/, ~/ or ./)");
		return;
	}
	if ((text = fileio_read(path, &len, &cause)) == NULL) {
		tui_message(t, "%s", cause);
		free(cause);
	} else {
		edit_set(&t->ed, text);
		t->pending = 1;
		tui_message(t, "read %zu bytes from %s", len, path);
		free(text);
	}
	free(path);
}

/* Opens the overlay saying why the focused field is shown and required. */
static void
keys_why(struct tui *t)
{
	keys_commit(t);
	if (t->focus >= t->nslots)
		return;
	free(t->overlay_text);
	t->overlay_text = session_why(t->s, &t->slots[t->focus]);
	t->overlay = TO_WHY;
}

/* 1 when Enter in the focused field is a line break (a pasted CSR). */
static int
keys_enter_is_newline(const struct tui *t, int more)
{
	const char *s = edit_text(&t->ed);

	if (t->focus >= t->nslots || !tui_slot_is_text(t, &t->slots[t->focus]) ||
	    t->s->form->fields[t->slots[t->focus].field].type != FT_CSR)
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
			t->overlay = TO_HELP;
		} else if (c == KEY_F(2))
			tui_draft(t);
		else if (c == KEY_F(3))
			keys_why(t);
		else if (c == KEY_F(10)) {
			keys_commit(t);
			review_open(t);
		} else if (c == KEY_NPAGE)
			keys_screen(t, 1);
		else if (c == KEY_PPAGE)
			keys_screen(t, -1);
		else if (c == KEY_DOWN)
			keys_move(t, 1);
		else if (c == KEY_UP || c == KEY_BTAB)
			keys_move(t, -1);
		else if (c == KEY_ENTER && !keys_enter_is_newline(t, more))
			keys_move(t, 1);
		else
			return c == KEY_RESIZE;
		return 1;
	}
	if (c == KEY_ESC)
		keys_screen(t, -1);
	else if (c == KEY_CTRL('q') || c == KEY_CTRL('c'))
		keys_quit(t);
	else if (c == '\t')
		keys_move(t, 1);
	else if ((c == '\r' || c == '\n') && !keys_enter_is_newline(t, more))
		keys_move(t, 1);
	else
		return 0;
	return 1;
}

/* Keys on a field edited as text. */
static void
keys_text(struct tui *t, const struct tui_key *k)
{
	int c = k->code;

	if (!k->is_key && c == KEY_CTRL('r')) {
		keys_read_file(t);
		return;
	}
	if (t->ed.len == 0 && ((!k->is_key && c == '-') ||
	    (k->is_key && c == KEY_DC))) {
		size_t list, item;

		if (keys_item_of(t, &t->slots[t->focus], &list, &item) == 0) {
			keys_list_remove(t);
			return;
		}
	}
	if (k->is_key || c == 0x7f || c == 0x08 || c == KEY_CTRL('a') ||
	    c == KEY_CTRL('e') || c == KEY_CTRL('u')) {
		if (edit_key(&t->ed, c) > 0)
			t->pending = 1;
		return;
	}
	if (c == '\r')
		c = '\n';
	if (c >= 0x20 || c == '\n') {
		edit_insert_wc(&t->ed, (unsigned int)c);
		t->pending = 1;
	}
}

/* Keys on a field that is chosen rather than typed. */
static void
keys_choice(struct tui *t, const struct tui_key *k)
{
	const struct slot *sl = &t->slots[t->focus];
	const struct field *f = &t->s->form->fields[sl->field];
	int c = k->code, ch = !k->is_key;
	char *cur;

	if (ch && c == 'q')
		keys_quit(t);
	else if (ch && c == '?')
		keys_why(t);
	else if ((f->type == FT_LIST || f->type == FT_OBJECT_LIST) &&
	    ((ch && c == '+') || (!ch && c == KEY_IC)))
		keys_list_add(t);
	else if ((ch && c == '-') || (!ch && c == KEY_DC))
		keys_list_remove(t);
	else if (f->type == FT_BOOLEAN && ((ch && c == ' ') ||
	    (!ch && (c == KEY_LEFT || c == KEY_RIGHT)))) {
		cur = session_get_text(t->s, sl);
		keys_set(t, strcmp(cur, "true") == 0 ? "false" : "true");
		free(cur);
	} else if (f->type != FT_ENUM)
		return;
	else if ((ch && c == ' ') || (!ch && c == KEY_RIGHT))
		keys_cycle(t, 1);
	else if (!ch && c == KEY_LEFT)
		keys_cycle(t, -1);
	else if (ch && c > 0x20 && c < 0x7f)
		keys_ahead(t, c);
}

/* Keys while an overlay is up. */
static void
keys_overlay(struct tui *t, const struct tui_key *k)
{
	if (k->is_key && k->code == KEY_RESIZE)
		return;
	if (t->overlay == TO_QUIT) {
		if (!k->is_key && (k->code == 'y' || k->code == 'Y')) {
			t->quit = 1;
			return;
		}
		tui_message(t, "not quitting");
	}
	t->overlay = TO_NONE;
}

/* Handles one key; more is 1 when further keys are already waiting. */
void
keys_handle(struct tui *t, const struct tui_key *k, int more)
{
	if (t->overlay != TO_NONE) {
		keys_overlay(t, k);
		return;
	}
	if (t->mode == TM_REVIEW) {
		review_key(t, k);
		return;
	}
	if (!(k->is_key && k->code == KEY_RESIZE)) {
		free(t->message);
		t->message = NULL;
	}
	if (keys_global(t, k, more) || t->focus >= t->nslots)
		return;
	if (tui_slot_is_text(t, &t->slots[t->focus]))
		keys_text(t, k);
	else
		keys_choice(t, k);
}
