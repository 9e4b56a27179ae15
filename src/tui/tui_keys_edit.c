/* tui_keys_edit.c: keys on a field: editing text, reading a file into it,
 * choosing a value of an enumeration or toggling a yes/no. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/field_check.h"
#include "core/field_type.h"
#include "core/form.h"
#include "core/value.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Control keys. */
#define KEY_CTRL(c)	((c) & 0x1f)

/* Stores a value chosen (not typed) for the focused field at once. */
void
keys_set(struct tui *t, const char *text)
{
	char *err;

	err = session_set_text(t->s, &t->fm.slots[t->fm.focus], text);
	free(err);
	tui_reload(t);
	edit_focus_load(t);
}

/* Steps an enumeration's value by dir; an optional one may also be empty. */
static void
keys_cycle(struct tui *t, int dir)
{
	const struct slot *sl = &t->fm.slots[t->fm.focus];
	const cJSON *values = tui_slot_values(t, sl);
	char *cur = session_get_text(t->s, sl), *next;
	int n = cJSON_GetArraySize(values), i, at = -1, lo;

	lo = tui_slot_required(t, sl) ? 0 : -1;
	for (i = 0; i < n; i++) {
		next = session_value_text(cJSON_GetArrayItem(values, i));
		if (strcmp(next, cur) == 0)
			at = i;
		free(next);
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
	next = at < 0 ? xstrdup("") :
	    session_value_text(cJSON_GetArrayItem(values, at));
	keys_set(t, next);
	free(next);
}

/* The values type-ahead chooses from: the allowed values of a choice, or
 * true and false for a yes/no field; a cJSON array the caller deletes. */
static cJSON *
keys_ahead_values(const struct tui *t, const struct slot *sl)
{
	const cJSON *values = tui_slot_values(t, sl);
	cJSON *a;

	if (values != NULL)
		return cJSON_Duplicate(values, 1);
	a = cJSON_CreateArray();
	if (field_types[t->s->form->fields[sl->field].type].widget ==
	    FW_TOGGLE) {
		cJSON_AddItemToArray(a, cJSON_CreateTrue());
		cJSON_AddItemToArray(a, cJSON_CreateFalse());
	}
	return a;
}

/* The first of values whose text starts with prefix (any case), as text;
 * allocated, or NULL. */
static char *
keys_ahead_match(const cJSON *values, const char *prefix)
{
	const cJSON *v;
	char *text;

	cJSON_ArrayForEach(v, values) {
		text = session_value_text(v);
		if (strncasecmp(text, prefix, strlen(prefix)) == 0)
			return text;
		free(text);
	}
	return NULL;
}

/* Type-ahead: selects the first value starting with what has been typed
 * on the field so far, or else with c alone. Letters only ever choose a
 * value here; no letter is a command. */
static void
keys_ahead(struct tui *t, int c)
{
	cJSON *values = keys_ahead_values(t, &t->fm.slots[t->fm.focus]);
	char keep[sizeof t->fm.ahead], *next = NULL;
	size_t n = strlen(t->fm.ahead);
	int pass;

	for (pass = 0; pass < 2 && next == NULL; pass++) {
		if (pass == 1)
			n = 0;
		if (n + 1 < sizeof t->fm.ahead) {
			t->fm.ahead[n] = (char)c;
			t->fm.ahead[n + 1] = '\0';
		}
		next = keys_ahead_match(values, t->fm.ahead);
	}
	cJSON_Delete(values);
	if (next == NULL) {
		tui_message(t, _("no value starts with '%c'"), c);
		t->fm.ahead[0] = '\0';
		return;
	}
	memcpy(keep, t->fm.ahead, sizeof keep);
	keys_set(t, next);
	memcpy(t->fm.ahead, keep, sizeof keep);
	free(next);
}

/* Reads the file named in the focused field into it (Ctrl-R). */
static void
keys_read_file(struct tui *t)
{
	char *path = keys_file_path(t), *text, *cause = NULL;
	size_t len;

	if (path == NULL) {
		tui_message(t, _("Ctrl-R reads a file: type its path (/, ~/ "
		    "or ./)"));
		return;
	}
	if ((text = fileio_read(path, &len, &cause)) == NULL) {
		tui_message(t, "%s", cause);
		free(cause);
	} else {
		edit_set(&t->fm.ed, text);
		t->fm.pending = 1;
		tui_message(t, _("read %zu bytes from %s"), len, path);
		free(text);
	}
	free(path);
}

/* Keys on a field edited as text. */
void
keys_text(struct tui *t, const struct tui_key *k)
{
	int c = k->code;

	if (!k->is_key && c == KEY_CTRL('r')) {
		keys_read_file(t);
		return;
	}
	if (t->fm.ed.len == 0 && k->is_key && c == KEY_DC) {
		size_t list, item;

		if (keys_item_of(t, &t->fm.slots[t->fm.focus], &list,
		    &item) == 0) {
			keys_list_remove(t);
			return;
		}
	}
	if (k->is_key || c == 0x7f || c == 0x08 || c == KEY_CTRL('a') ||
	    c == KEY_CTRL('e') || c == KEY_CTRL('u')) {
		if (edit_key(&t->fm.ed, c) > 0)
			t->fm.pending = 1;
		return;
	}
	if (c == '\r')
		c = '\n';
	if (c >= 0x20 || c == '\n') {
		edit_insert_wc(&t->fm.ed, (unsigned int)c);
		t->fm.pending = 1;
	}
}

/* Keys on a field that is chosen rather than typed: Space and Left/Right
 * step through the values, typed characters choose one (type-ahead),
 * Insert and Delete add and remove list items. Every typed character
 * stays on the field: none is a command. */
void
keys_choice(struct tui *t, const struct tui_key *k)
{
	const struct slot *sl = &t->fm.slots[t->fm.focus];
	const struct field *f = &t->s->form->fields[sl->field];
	enum field_widget w = field_types[f->type].widget;
	int c = k->code, ch = !k->is_key;
	char *cur;

	if (w == FW_LIST && !ch && c == KEY_IC)
		keys_list_add(t);
	else if (!ch && c == KEY_DC)
		keys_list_remove(t);
	else if (w == FW_TOGGLE && ((ch && c == ' ') ||
	    (!ch && (c == KEY_LEFT || c == KEY_RIGHT)))) {
		cur = session_get_text(t->s, sl);
		keys_set(t, strcmp(cur, "true") == 0 ? "false" : "true");
		free(cur);
	} else if (w == FW_LIST && ch && c > 0x20)
		tui_message(t, _("a list takes no typing: Insert adds an "
		    "item"));
	else if (w == FW_CHOICE && ((ch && c == ' ') ||
	    (!ch && c == KEY_RIGHT)))
		keys_cycle(t, 1);
	else if (w == FW_CHOICE && !ch && c == KEY_LEFT)
		keys_cycle(t, -1);
	else if ((w == FW_CHOICE || w == FW_TOGGLE) && ch && c > 0x20 &&
	    c < 0x7f)
		keys_ahead(t, c);
}
