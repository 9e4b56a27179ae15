/* tui_draw.c: drawing the form screen: the step bar, the fields with their
 * values and errors, the help lines at the bottom, and the overlays. */
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
#include "util/xalloc.h"
#include "util/i18n.h"

/* Rows above and below the fields. */
#define TOP_ROWS	3
#define BOTTOM_ROWS	5

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
	N_("F3                  why this field is shown and required"),
	N_("F4 or Ctrl-L        pick from the account (organization, "
	    "contact...)"),
	N_("Ctrl-K              on a CSR: set the key type and size from it"),
	N_("Ctrl-X              clear the answers remembered from the last "
	    "order"),
	N_("F10                 review the order; F10 again submits it"),
	N_("Ctrl-Q / Ctrl-C     quit / save a draft and quit"),
	"",
	N_("Typed keys only go into the field; errors never block moving "
	    "around."),
	N_("Press any key to close this help."),
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

/* Draws UTF-8 text at (y, x) within width columns. */
int
draw_text(int y, int x, int width, const char *s, size_t skip,
    unsigned int attr)
{
	mbstate_t st;
	size_t n = strlen(s), r, i = 0;
	wchar_t wc;
	int col = 0, w;

	memset(&st, 0, sizeof st);
	move(y, x);
	attrset(attr);
	while (n > 0 && col < width) {
		r = mbrtowc(&wc, s, n, &st);
		if (r == (size_t)-1 || r == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = L'?';
			r = 1;
		} else if (r == 0)
			break;
		s += r;
		n -= r;
		if (i++ < skip)
			continue;
		if (wc == L'\n')
			wc = MB_CUR_MAX > 1 ? L'\x21b5' : L' ';
		else if (wc < 0x20 || wc == 0x7f)
			wc = L'?';
		if ((w = wcwidth(wc)) < 0) {
			wc = L'?';
			w = 1;
		}
		if (col + w > width)
			break;
		addnwstr(&wc, 1);
		col += w;
	}
	attrset(A_NORMAL);
	return col;
}

/* The byte length of the next wrapped line of s. */
size_t
draw_wrap(const char *s, size_t width, size_t *next)
{
	size_t i, chars = 0, brk = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\n') {
			*next = i + 1;
			return i;
		}
		if (s[i] == ' ')
			brk = i;
		if ((s[i] & 0xc0) != 0x80 && ++chars > width) {
			if (brk == 0)
				brk = i;
			*next = s[brk] == ' ' ? brk + 1 : brk;
			return brk;
		}
	}
	*next = i;
	return i;
}

/* Draws an empty framed box. */
void
draw_box(int y, int x, int h, int w)
{
	int i;

	for (i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
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

/* The value of a slot as shown (the editor's text for the focused one). */
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
		    ' ', text);
	else if (!tui_slot_is_text(t, sl) && focused)
		out = xasprintf("< %s >", *text ? text : _("(none)"));
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

/* Draws "Screen n of m: Title" and the titles of the shown screens. */
static void
draw_steps(struct tui *t)
{
	const struct form *form = t->s->form;
	size_t i, first;
	const char *title;
	char *head, *heading;
	int x = 0, w, used;

	heading = session_screen_heading(form, t->fm.screen);
	head = xasprintf("%s%s", t->o->sandbox ? _("SANDBOX  ") : "", heading);
	free(heading);
	used = draw_text(0, 0, COLS, head, 0, t->attr[TA_TITLE]);
	free(head);
	title = form_text(form->title);
	if (used + 4 + (int)strlen(title) < COLS)
		draw_text(0, COLS - (int)utf8_chars(title), COLS, title, 0,
		    t->attr[TA_DIM]);
	/* Start the bar late enough for the current title to fit. */
	for (first = 0; first < t->fm.screen; first++) {
		for (w = 0, i = first; i <= t->fm.screen; i++)
			if (session_screen_shown(t->s, i))
				w += (int)utf8_chars(
				    form_text(form->screens[i].title)) + 3;
		if (w <= COLS)
			break;
	}
	for (i = first; i < form->nscreens && x < COLS; i++) {
		if (!session_screen_shown(t->s, i))
			continue;
		head = xasprintf(" %s ", form_text(form->screens[i].title));
		x += draw_text(1, x, COLS - x, head, 0,
		    i == t->fm.screen ? t->attr[TA_FOCUS] : A_NORMAL) + 1;
		free(head);
	}
	mvhline(2, 0, ACS_HLINE, COLS);
}

/* Draws one slot's line: label, required mark, value and error. */
static void
draw_slot(struct tui *t, size_t i, int y, int *cy, int *cx)
{
	const struct slot *sl = &t->fm.slots[i];
	const struct field *f = &t->s->form->fields[sl->field];
	const char *err = NULL;
	int focused = i == t->fm.focus, lw = COLS * 2 / 5, x, vw, used;
	char *label, *value;

	if (sl->item >= 0)
		label = xasprintf("%s #%d", form_text(f->label), sl->item + 1);
	else if (sl->nindex > 0)
		label = xasprintf("%s #%zu", form_text(f->label),
		    sl->index[sl->nindex - 1] + 1);
	else
		label = xstrdup(form_text(f->label));
	if (focused)
		mvaddstr(y, 0, ">");
	x = 2 + 2 * draw_depth(t, sl);
	used = draw_text(y, x, lw - x - 2, label, 0, f->type == FT_OBJECT &&
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
	value = draw_value(t, sl, focused);
	if (focused && tui_slot_is_text(t, sl) && !f->secret) {
		size_t c = edit_chars_before(&t->fm.ed), skip = 0;

		if (c + 1 >= (size_t)vw)
			skip = c + 2 - (size_t)vw;
		draw_text(y, lw, vw, value, skip, A_UNDERLINE);
		*cy = y;
		*cx = lw + (int)(c - skip);
	} else {
		used = draw_text(y, lw, vw, value, 0, focused &&
		    tui_slot_is_text(t, sl) ? A_UNDERLINE : A_NORMAL);
		if (focused && tui_slot_is_text(t, sl)) {
			*cy = y;
			*cx = lw + used;
		}
	}
	free(value);
	if (err != NULL) {
		value = xasprintf("! %s", err);
		draw_text(y, lw + vw + 1, COLS - lw - vw - 1, value, 0,
		    t->attr[TA_ERROR]);
		free(value);
	}
}

/* Draws the fields that fit, scrolled so the focused one shows. */
static void
draw_fields(struct tui *t, int *cy, int *cx)
{
	size_t rows = (size_t)(LINES - TOP_ROWS - BOTTOM_ROWS), i;

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
static char *
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

/* Draws the message, the focused field's help, its path and the keys. */
static void
draw_bottom(struct tui *t)
{
	int y = LINES - BOTTOM_ROWS, i;
	const struct slot *sl;
	const struct field *f;
	char *help, *vw, *line;
	const char *p;
	size_t len, next;

	if (t->message != NULL)
		draw_text(y, 0, COLS, t->message, 0, t->attr[TA_ERROR]);
	else
		mvhline(y, 0, ACS_HLINE, COLS);
	if (t->fm.focus < t->fm.nslots) {
		sl = &t->fm.slots[t->fm.focus];
		f = &t->s->form->fields[sl->field];
		vw = tui_slot_values(t, sl) != NULL ? field_values_words(
		    tui_slot_values(t, sl)) : NULL;
		help = xasprintf("%s%s%s",
		    f->help != NULL ? form_text(f->help) : "",
		    vw != NULL ? _(" Values: ") : "", vw != NULL ? vw : "");
		free(vw);
		for (p = help, i = 1; i <= 2 && *p != '\0'; i++, p += next) {
			len = draw_wrap(p, (size_t)COLS - 1, &next);
			line = xstrndup(p, len);
			draw_text(y + i, 0, COLS - 1, line, 0, A_NORMAL);
			free(line);
		}
		free(help);
		vw = draw_hint(t);
		line = xasprintf(_("Path: %s    %s"), sl->path, vw);
		draw_text(y + 3, 0, COLS - 1, line, 0, t->attr[TA_DIM]);
		free(line);
		free(vw);
	}
	draw_text(LINES - 1, 0, COLS - 1, _("Enter next needed  Tab next  F5 "
	    "problem  F1 help  F3 why  F10 review  ^Q quit"), 0, A_REVERSE);
}

/* Draws a box of wrapped text (the why overlay), closed by any key. */
static void
draw_why(struct tui *t, int *cy, int *cx)
{
	int w = COLS - 8 < 76 ? COLS - 8 : 76, h, y, i;
	const char *p = t->why.text != NULL ? t->why.text : "";
	size_t len, next;
	char *line;

	(void)cy;
	(void)cx;
	for (h = 3; *p != '\0' && h < LINES - 8; h++, p += next)
		draw_wrap(p, (size_t)w - 4, &next);
	y = (LINES - h) / 2;
	draw_box(y, 4, h, w);
	p = t->why.text != NULL ? t->why.text : "";
	for (i = 1; i < h - 1 && *p != '\0'; i++, p += next) {
		len = draw_wrap(p, (size_t)w - 4, &next);
		line = xstrndup(p, len);
		draw_text(y + i, 6, w - 4, line, 0, A_NORMAL);
		free(line);
	}
	draw_text(y + h - 1, 6, w - 4, _(" any key closes "), 0, A_BOLD);
}

/* Draws the key bindings. */
static void
draw_help(struct tui *t, int *cy, int *cx)
{
	size_t n = sizeof help_lines / sizeof help_lines[0], i;
	int w = COLS - 8 < 76 ? COLS - 8 : 76, h = (int)n + 2;
	int y = (LINES - h) / 2;

	(void)t;
	(void)cy;
	(void)cx;
	draw_box(y, 4, h, w);
	for (i = 0; i < n; i++)
		draw_text(y + 1 + (int)i, 6, w - 4, form_text(help_lines[i]), 0,
		    A_NORMAL);
}

/* Draws the "quit without saving?" question. */
static void
draw_quit(struct tui *t, int *cy, int *cx)
{
	(void)t;
	(void)cy;
	(void)cx;
	draw_box(LINES / 2 - 2, (COLS - 40) / 2, 3, 40);
	draw_text(LINES / 2 - 1, (COLS - 40) / 2 + 3, 36,
	    _("quit without saving? (y/n)"), 0, A_BOLD);
}

/* Any key closes the help or why overlay; F5, Ctrl-N and F10 then go on
 * to the view below, so the review and the next problem are one key away
 * from there too. */
static void
draw_any_key_closes(struct tui *t, const struct tui_key *k, int more)
{
	view_pop(t);
	if (k->is_key ? k->code == KEY_F(5) || k->code == KEY_F(10) :
	    k->code == 0x0e)
		view_key(t, k, more);
}

/* y quits; any other key keeps the wizard going. */
static void
draw_quit_key(struct tui *t, const struct tui_key *k, int more)
{
	(void)more;
	if (!k->is_key && (k->code == 'y' || k->code == 'Y')) {
		t->quit = 1;
		return;
	}
	tui_message(t, _("not quitting"));
	view_pop(t);
}

/* Releases the why overlay's text. */
static void
draw_why_close(struct tui *t)
{
	free(t->why.text);
	t->why.text = NULL;
}

const struct tui_view tui_view_help = {
	.name = "help", .key = draw_any_key_closes, .draw = draw_help,
	.resize = view_nothing,
};

const struct tui_view tui_view_why = {
	.name = "why", .key = draw_any_key_closes, .draw = draw_why,
	.resize = view_nothing, .close = draw_why_close,
};

const struct tui_view tui_view_quit = {
	.name = "quit", .key = draw_quit_key, .draw = draw_quit,
	.resize = view_nothing,
};

/* Draws the form view: the steps, the fields and the key line. */
void
draw_form(struct tui *t, int *cy, int *cx)
{
	draw_steps(t);
	draw_fields(t, cy, cx);
	draw_bottom(t);
}

/* Redraws the whole screen (curses sends only what changed). */
void
draw_all(struct tui *t)
{
	char *msg;
	int cy = -1, cx = -1;

	erase();
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		msg = xasprintf(_("certwiz needs at least %dx%d; this terminal "
		    "is %dx%d"), TUI_MIN_COLS, TUI_MIN_LINES, COLS, LINES);
		mvaddstr(0, 0, msg);
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
