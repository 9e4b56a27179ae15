/* tui_draw.c: drawing the form screen: the fields with their values,
 * defaults and errors, the hint for the focused field's keys, and the F1
 * help. The step bar is drawn by tui_steps.c, the status area under the
 * fields by tui_status.c. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/check.h"
#include "core/field_check.h"
#include "core/field_type.h"
#include "core/form.h"
#include "core/lookup.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Rows above the fields. */
#define TOP_ROWS	3

/* The key bindings the help overlay lists. */
static const char *const help_lines[] = {
	N_("Enter               next field needing an answer (the review "
	    "when none)"),
	N_("Tab, Down           next field, every one (then the next screen)"),
	N_("Shift-Tab, Up       previous field"),
	N_("F5 or Ctrl-N        next problem, from any field or the review"),
	N_("PgDn; PgUp or Esc   next screen; previous screen"),
	N_("Left/Right, Space   choose a value, toggle a yes/no field"),
	N_("typing              in a choice: choose the value that begins so"),
	N_("Insert              add an item (on a list's own line)"),
	N_("Delete              remove the item (on an empty item field)"),
	N_("Ctrl-U              clear the text; Home/End, Left/Right move"),
	N_("Ctrl-R              read the file whose path is typed (CSR)"),
	N_("F2                  save a draft (also done on each change of "
	    "screen)"),
	N_("F3                  why this field is asked and required, and "
	    "its help"),
	N_("F4 or Ctrl-L        pick from the account (organization, "
	    "contact...)"),
	N_("Ctrl-K              on a CSR: set the key type and size from it"),
	N_("Ctrl-X              clear the answers remembered from the last "
	    "order"),
	N_("F10                 review the order; F10 again submits it"),
	N_("Ctrl-Q              quit; unsaved answers: s save, d discard, c "
	    "back"),
	N_("Ctrl-C              save a draft and quit"),
	"",
	N_("Typed keys only go into the field; errors never block moving "
	    "around."),
	N_("Up/Down scroll; any other key closes this help."),
};

/* Sets up colour pairs, or plain attributes under NO_COLOR. */
void
draw_init_colors(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");

	t->colors = !t->o->no_color && (nc == NULL || *nc == '\0') &&
	    has_colors();
	t->attr[TA_TITLE] = A_BOLD;
	t->attr[TA_FOCUS] = A_REVERSE;
	t->attr[TA_ERROR] = A_BOLD;
	t->attr[TA_MARK] = A_BOLD;
	t->attr[TA_DIM] = A_NORMAL;
	if (!t->colors)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_BLUE, -1);
	t->attr[TA_TITLE] = A_BOLD | COLOR_PAIR(1);
	t->attr[TA_ERROR] = A_BOLD | COLOR_PAIR(2);
	t->attr[TA_MARK] = A_BOLD | COLOR_PAIR(3);
	t->attr[TA_DIM] = COLOR_PAIR(4);
}

/* A secret as shown: card numbers as ****1111, anything else as ***. */
static char *
draw_mask(const struct field *f, const char *text)
{
	char last[5];
	size_t i, n = 0;

	if (*text == '\0')
		return xstrdup("");
	if (f->type != FT_CARD_NUMBER)
		return xstrdup("***");
	for (i = strlen(text); i > 0 && n < 4; i--) {
		if (text[i - 1] >= '0' && text[i - 1] <= '9')
			last[3 - n++] = text[i - 1];
	}
	memmove(last, last + 4 - n, n);
	last[n] = '\0';
	return xasprintf("****%s", n == 4 ? last : "");
}

/* The value of a slot as shown (the editor's text for the focused one):
 * no answer and JSON null differ ("(not set)" and "null"). */
static char *
draw_value(struct tui *t, const struct slot *sl, int focused)
{
	const struct field *f = &t->s->form->fields[sl->field];
	enum field_widget w = field_types[f->type].widget;
	char *text, *out;
	size_t n;

	if (sl->item < 0 && w == FW_HEADING)
		return xstrdup("");
	if (sl->item < 0 && w == FW_LIST) {
		n = session_list_count(t->s, sl);
		return xasprintf(_("%zu item%s%s"), n, n == 1 ? "" : "s",
		    focused ? _("   (Insert adds one)") : "");
	}
	text = focused && tui_slot_is_text(t, sl) ?
	    xstrdup(edit_text(&t->fm.ed)) : session_get_text(t->s, sl);
	if (f->secret && sl->item < 0) {
		out = draw_mask(f, text);
		free(text);
		return out;
	}
	if (sl->item < 0 && w == FW_TOGGLE)
		out = xasprintf("[%c] %s", strcmp(text, "true") == 0 ? 'x' :
		    strcmp(text, "null") == 0 ? '-' : ' ', *text != '\0' ?
		    text : _("(not set)"));
	else if (!tui_slot_is_text(t, sl) && focused)
		out = xasprintf("< %s >", *text ? text : _("(not set)"));
	else
		return text;
	free(text);
	return out;
}

/* The number of parents a slot's field has (its indent). */
static int
draw_depth(const struct tui *t, const struct slot *sl)
{
	size_t fi = t->s->form->fields[sl->field].parent;
	int d = sl->item >= 0;

	for (; fi != SIZE_MAX; fi = t->s->form->fields[fi].parent)
		d++;
	return d;
}

/* The label of a slot as the screen shows it ("Email #1"); allocated. */
char *
draw_label(const struct tui *t, const struct slot *sl)
{
	const struct field *f = &t->s->form->fields[sl->field];

	if (sl->item >= 0)
		return xasprintf("%s #%d", form_text(f->label), sl->item + 1);
	if (sl->nindex > 0)
		return xasprintf("%s #%zu", form_text(f->label),
		    sl->index[sl->nindex - 1] + 1);
	return xstrdup(form_text(f->label));
}

/* Draws text within width columns; text that does not fit ends in an
 * ellipsis (the whole of it is in the status area once focused); returns
 * the columns used. */
static int
draw_cut(int y, int x, int width, const char *s, unsigned int attr)
{
	const char *more = text_is_ascii() ? "~" : "…";
	int used;

	if (width <= 0)
		return 0;
	if (text_width(s) <= (size_t)width)
		return draw_text(y, x, width, s, 0, attr);
	used = draw_text(y, x, width - 1, s, 0, attr);
	return used + draw_text(y, x + used, 1, more, 0, attr);
}

/* Draws the focused text field's editor, scrolled so the cursor shows
 * (by display columns: a wide character takes two). */
static void
draw_editor(struct tui *t, int y, int x, int vw, const char *value,
    int *cy, int *cx)
{
	char *before = xstrndup(edit_text(&t->fm.ed), t->fm.ed.cur);
	size_t c = text_width(before), skip = 0;

	if (c + 1 >= (size_t)vw)
		skip = text_skip_cols(before, c + 2 - (size_t)vw);
	free(before);
	draw_text(y, x, vw, value, skip, A_UNDERLINE);
	*cy = y;
	*cx = x + (int)(c - skip);
}

/* Draws a slot's value, then "(default)" when it is the form's default. */
static void
draw_slot_value(struct tui *t, const struct slot *sl, int y, int x, int vw,
    int *cy, int *cx)
{
	const struct field *f = &t->s->form->fields[sl->field];
	int focused = sl == &t->fm.slots[t->fm.focus], text, used;
	char *value = draw_value(t, sl, focused);

	text = tui_slot_is_text(t, sl);
	if (focused && text && !f->secret) {
		draw_editor(t, y, x, vw, value, cy, cx);
		used = (int)text_width(value);
	} else {
		used = draw_text(y, x, vw, value, 0, focused && text ?
		    A_UNDERLINE : A_NORMAL);
		if (focused && text) {
			*cy = y;
			*cx = x + used;
		}
	}
	if (*value != '\0' && !(focused && t->fm.pending) &&
	    session_slot_is_default(t->s, sl) && used + 2 < vw)
		draw_text(y, x + used + 2, vw - used - 2, _("(default)"), 0,
		    t->attr[TA_DIM]);
	free(value);
}

/* Draws one slot's line: label, required mark, value and error. */
static void
draw_slot(struct tui *t, size_t i, int y, int *cy, int *cx)
{
	const struct slot *sl = &t->fm.slots[i];
	const struct field *f = &t->s->form->fields[sl->field];
	const char *err = NULL;
	int focused = i == t->fm.focus, lw = COLS * 2 / 5, x, vw, used;
	char *label;

	label = draw_label(t, sl);
	if (focused) {
		mvaddstr(y, 0, ">");
		t->fm.focus_y = y;
	}
	x = 2 + 2 * draw_depth(t, sl);
	used = draw_cut(y, x, lw - x - 3, label, f->type == FT_OBJECT &&
	    sl->item < 0 ? t->attr[TA_TITLE] : focused ? t->attr[TA_FOCUS] :
	    A_NORMAL);
	free(label);
	if (tui_slot_required(t, sl))
		draw_text(y, x + used, 2, " *", 0, t->attr[TA_MARK]);
	if (tui_visited(t, sl->path))
		err = session_slot_error(tui_problems(t), sl);
	vw = COLS - lw - 1;
	if (err != NULL)
		vw /= 2;
	draw_slot_value(t, sl, y, lw, vw, cy, cx);
	if (err != NULL) {
		label = xasprintf("! %s", err);
		draw_cut(y, lw + vw + 1, COLS - lw - vw - 1, label,
		    t->attr[TA_ERROR]);
		free(label);
	}
}

/* Draws the fields that fit in rows rows, scrolled so the focused one
 * shows. */
static void
draw_fields(struct tui *t, size_t rows, int *cy, int *cx)
{
	size_t i;

	t->fm.focus_y = -1;
	if (t->fm.focus < t->fm.nslots) {
		if (t->fm.focus < t->fm.top)
			t->fm.top = t->fm.focus > 0 && !tui_slot_focusable(t,
			    &t->fm.slots[t->fm.focus - 1]) ? t->fm.focus - 1 :
			    t->fm.focus;
		if (t->fm.focus >= t->fm.top + rows)
			t->fm.top = t->fm.focus - rows + 1;
	}
	if (t->fm.top >= t->fm.nslots)
		t->fm.top = 0;
	for (i = t->fm.top; i < t->fm.nslots && i < t->fm.top + rows; i++)
		draw_slot(t, i, TOP_ROWS + (int)(i - t->fm.top), cy, cx);
	if (t->fm.nslots == 0)
		mvaddstr(TOP_ROWS, 2, _("(nothing to fill in on this screen)"));
}

/* The CSR hint: what it holds, and Ctrl-K when it can set key fields;
 * takes words. */
static char *
draw_csr_hint(const struct field *f, char *words)
{
	char *hint;

	if (f->key_type == NULL)
		return words;
	hint = xasprintf(_("%s; ^K sets key type and size"), words);
	free(words);
	return hint;
}

/* A hint for the keys the focused field takes. */
char *
draw_hint(struct tui *t)
{
	const struct slot *sl = &t->fm.slots[t->fm.focus];
	const struct field *f = &t->s->form->fields[sl->field];
	char *path;

	if (sl->item < 0 && field_types[f->type].widget == FW_LIST)
		return xstrdup(session_slot_needed(t->s, tui_problems(t),
		    t->fm.screen, sl) && session_list_count(t->s, sl) == 0 ?
		    _("Enter or Insert adds an item") :
		    _("Insert adds an item"));
	if (lookup_available(t))
		return xasprintf(_("F4 picks one of the %s%s; or type the ID"),
		    _(session_slot_lookup(t->s, sl)->what),
		    session_slot_lookup(t->s, sl)->fills != NULL ?
		    _(" (type a name first to search)") : "");
	if (f->type == FT_CSR && !t->fm.pending &&
	    (path = session_csr_words(t->s, sl)) != NULL)
		return draw_csr_hint(f, path);
	if ((path = keys_file_path(t)) != NULL) {
		free(path);
		return xstrdup(_("Ctrl-R reads this file into the field"));
	}
	if (!tui_slot_is_text(t, sl))
		return xstrdup(field_types[f->type].widget == FW_TOGGLE ?
		    _("Space toggles; t or f chooses") : _("Space or "
		    "Left/Right choose; type a value to choose it"));
	if (sl->item >= 0 || sl->nindex > 0)
		return xstrdup(_("Ctrl-U clears; Delete on an empty field "
		    "removes the item"));
	return xstrdup(_("Ctrl-U clears"));
}

/* The F1 help: the key bindings, one per line; allocated. */
char *
draw_help_text(void)
{
	size_t n = sizeof help_lines / sizeof help_lines[0], i;
	char *out = xstrdup(""), *next;

	for (i = 0; i < n; i++) {
		next = xasprintf("%s%s%s", out, i > 0 ? "\n" : "",
		    form_text(help_lines[i]));
		free(out);
		out = next;
	}
	return out;
}

/* Draws the form view: the steps, the fields and the status area. */
void
draw_form(struct tui *t, int *cy, int *cx)
{
	int bottom = status_rows(t);
	int rows = LINES - TOP_ROWS - bottom;

	draw_steps(t);
	draw_fields(t, rows > 1 ? (size_t)rows : 1, cy, cx);
	status_draw(t, LINES - bottom);
}

/* Redraws the whole screen (curses sends only what changed). */
void
draw_all(struct tui *t)
{
	char *msg;
	int cy = -1, cx = -1;

	erase();
	t->draws++;
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		msg = xasprintf(_("certwiz needs at least %dx%d; this terminal "
		    "is %dx%d"), TUI_MIN_COLS, TUI_MIN_LINES, COLS, LINES);
		draw_para(0, 0, COLS, LINES, msg, 0, A_NORMAL);
		free(msg);
	} else
		view_draw(t, &cy, &cx);
	if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}
