/* tui_status.c: the status area under the form's fields, grown to show in
 * full what it holds: the status message (a notice, a saved draft, an
 * error), the focused field's whole error, its help, its path with the
 * keys it takes, and the key bar; each wrapped at word boundaries. Only
 * the help gives way when rows run short (F3 shows all of it). The key
 * bars of the other screens wrap here too. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/field_check.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Rows above the fields, and the fewest rows the fields keep. */
#define STATUS_TOP_ROWS		3
#define STATUS_MIN_FIELDS	5

/* What the status area shows, and the rows each part takes. */
struct status {
	char	*err;		/* "! Email: must be ..." or NULL */
	char	*help;		/* help and allowed values, or NULL */
	char	*path;		/* "Path: ...    hint", or NULL */
	int	 nmsg, nerr, nhelp, nhelp_all, npath, nkeys;
};

/* The text width the status area wraps to. */
static int
status_width(void)
{
	return COLS - 1;
}

/* Lays a key bar out from row y (drawing it when draw is 1): its entries
 * (two spaces apart) are never split; returns its rows. */
static int
keybar_layout(const char *bar, int y, int draw)
{
	const char *p = bar, *sep;
	size_t n, w;
	int rows = 1, x = 0;
	char *entry;

	while (*p != '\0') {
		sep = strstr(p, "  ");
		n = sep != NULL ? (size_t)(sep - p) : strlen(p);
		w = text_width_n(p, n);
		if (x > 0 && x + 2 + (int)w > status_width()) {
			rows++;
			x = 0;
		}
		entry = xasprintf("%s%.*s", x > 0 ? "  " : "", (int)n, p);
		if (draw)
			x += draw_text(y + rows - 1, x, status_width() - x,
			    entry, 0, A_REVERSE);
		else
			x += (int)text_width(entry);
		free(entry);
		if (sep == NULL)
			break;
		p = sep + strspn(sep, " ");
	}
	return rows;
}

/* The rows a key bar takes at the bottom of the screen. */
int
keybar_rows(const char *bar)
{
	return keybar_layout(bar, 0, 0);
}

/* Draws a key bar at the bottom of the screen; returns its rows. */
int
keybar_draw(const char *bar)
{
	int rows = keybar_rows(bar);

	keybar_layout(bar, LINES - rows, 1);
	return rows;
}

/* The form's key bar. */
static const char *
status_keys(void)
{
	return _("Enter next needed  Tab next  F5 problem  F1 help  F3 why  "
	    "F10 review  ^Q quit  ^C save+quit");
}

/* The focused field's help with its allowed values; allocated. */
static char *
status_help_text(struct tui *t, const struct slot *sl)
{
	const cJSON *values = tui_slot_values(t, sl);
	char *help = session_help(t->s, sl), *vw, *out;

	vw = values != NULL ? field_values_words(values) : NULL;
	out = xasprintf("%s%s%s", help != NULL ? help : "",
	    vw != NULL ? _(" Values: ") : "", vw != NULL ? vw : "");
	free(vw);
	free(help);
	return out;
}

/* The focused field's error once it has been left, whole; allocated or
 * NULL. */
static char *
status_error(struct tui *t, const struct slot *sl)
{
	const char *err;
	char *label, *out;

	if (!tui_visited(t, sl->path) ||
	    (err = session_slot_error(tui_problems(t), sl)) == NULL)
		return NULL;
	label = draw_label(t, sl);
	out = xasprintf(_("! %s: %s"), label, err);
	free(label);
	return out;
}

/* Works out what the status area shows and how many rows each part
 * gets. */
static void
status_build(struct tui *t, struct status *st)
{
	const struct slot *sl;
	int w = status_width(), room, fixed;
	char *hint;

	memset(st, 0, sizeof *st);
	st->nmsg = t->message != NULL ? text_rows(t->message, w) : 0;
	if (t->fm.focus < t->fm.nslots) {
		sl = &t->fm.slots[t->fm.focus];
		st->err = status_error(t, sl);
		st->help = status_help_text(t, sl);
		hint = draw_hint(t);
		st->path = xasprintf(_("Path: %s    %s"), sl->path, hint);
		free(hint);
	}
	st->nerr = st->err != NULL ? text_rows(st->err, w) : 0;
	st->nhelp_all = st->help != NULL ? text_rows(st->help, w) : 0;
	st->npath = st->path != NULL ? text_rows(st->path, w) : 0;
	st->nkeys = keybar_rows(status_keys());
	room = LINES - STATUS_TOP_ROWS - STATUS_MIN_FIELDS;
	fixed = (st->nmsg > 0 ? st->nmsg : 1) + st->nerr + st->npath +
	    st->nkeys;
	st->nhelp = st->nhelp_all;
	if (fixed + st->nhelp > room)
		st->nhelp = room - fixed > 1 ? room - fixed : 1;
	if (st->nhelp_all == 0)
		st->nhelp = 0;
}

/* Releases what status_build() made. */
static void
status_free(struct status *st)
{
	free(st->err);
	free(st->help);
	free(st->path);
}

/* The rows the status area takes under the fields. */
int
status_rows(struct tui *t)
{
	struct status st;
	int rows;

	status_build(t, &st);
	rows = (st.nmsg > 0 ? st.nmsg : 1) + st.nerr + st.nhelp + st.npath +
	    st.nkeys;
	status_free(&st);
	return rows;
}

/* Draws the help in rows rows; help that does not fit ends saying F3
 * shows all of it. */
static void
status_help(const struct status *st, int y)
{
	const char *p = st->help, *more = _(" … F3 shows all");
	size_t next;
	int w = status_width(), i, x;

	if (st->nhelp >= st->nhelp_all) {
		draw_para(y, 0, w, st->nhelp, p, 0, A_NORMAL);
		return;
	}
	draw_para(y, 0, w, st->nhelp - 1, p, 0, A_NORMAL);
	for (i = 0; i < st->nhelp - 1; i++) {
		draw_wrap(p, (size_t)w, &next);
		p += next;
	}
	x = draw_text(y + st->nhelp - 1, 0, w - (int)text_width(more), p, 0,
	    A_NORMAL);
	draw_text(y + st->nhelp - 1, x, w - x, more, 0, A_BOLD);
}

/* Draws the status area from row y to the bottom. */
void
status_draw(struct tui *t, int y)
{
	struct status st;
	int w = status_width();

	status_build(t, &st);
	if (st.nmsg > 0)
		y += draw_para(y, 0, w, st.nmsg, t->message, 0,
		    t->attr[TA_ERROR]);
	else
		draw_hline(y++, 0, COLS);
	if (st.err != NULL)
		y += draw_para(y, 0, w, st.nerr, st.err, 0,
		    t->attr[TA_ERROR]);
	if (st.nhelp > 0) {
		status_help(&st, y);
		y += st.nhelp;
	}
	if (st.path != NULL)
		draw_para(y, 0, w, st.npath, st.path, 0, t->attr[TA_DIM]);
	keybar_draw(status_keys());
	status_free(&st);
}
