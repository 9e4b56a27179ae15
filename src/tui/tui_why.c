/* tui_why.c: boxes of text over a screen: F3's explanation of the focused
 * field (why it is asked, whether it is required now and because of
 * which answers, its default, then its help), placed below or above the
 * field so that it never covers it; and F1's list of keys. A box longer
 * than the room it has scrolls with Up, Down, PgUp and PgDn; any other key
 * closes it. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* Widest box. */
#define WHY_WIDTH	78

/* The box's width and the text width inside it. */
static int
why_width(void)
{
	return COLS - 4 < WHY_WIDTH ? COLS - 4 : WHY_WIDTH;
}

/* Rows y and height h of the F3 box: below the focused field when it
 * fits there, else above it, else on the side with more room. */
static void
why_place(const struct tui *t, int need, int *y, int *h)
{
	int fy = t->fm.focus_y, below, above;

	if (fy < 0) {
		*h = need < LINES - 2 ? need : LINES - 2;
		*y = (LINES - *h) / 2;
		return;
	}
	below = LINES - 2 - fy;		/* rows fy+1 .. LINES-2 */
	above = fy - 1;			/* rows 1 .. fy-1 */
	if (need <= below || (need > above && below >= above)) {
		*h = need < below ? need : below;
		*y = fy + 1;
	} else {
		*h = need < above ? need : above;
		*y = fy - *h;
	}
}

/* Draws the open box: its text from the scrolled-to row, and what the
 * keys do on its bottom edge. */
static void
why_draw(struct tui *t, int *cy, int *cx)
{
	int w = why_width(), x = (COLS - w) / 2, n, y, h;
	const char *text = t->why.text != NULL ? t->why.text : "";
	const char *foot;

	(void)cy;
	(void)cx;
	n = text_rows(text, w - 4);
	if (t->why.near_field)
		why_place(t, n + 2, &y, &h);
	else {
		h = n + 2 < LINES - 2 ? n + 2 : LINES - 2;
		y = (LINES - h) / 2;
	}
	if (h < 3)
		h = 3;
	t->why.rows = h - 2;
	if (t->why.top > n - t->why.rows)
		t->why.top = n - t->why.rows > 0 ? n - t->why.rows : 0;
	draw_box(y, x, h, w);
	draw_para(y + 1, x + 2, w - 4, h - 2, text, t->why.top, A_NORMAL);
	foot = t->why.rows >= n ? _(" any key closes ") :
	    _(" Up/Down scroll, any other key closes ");
	draw_text(y + h - 1, x + 2, w - 4, foot, 0, A_BOLD);
	t->why.total = n;
}

/* Up/Down/PgUp/PgDn scroll a box longer than its room; any other key
 * closes it, and F5, Ctrl-N and F10 then go on to the view below (the
 * next problem and the review are one key away from here too). */
static void
why_key(struct tui *t, const struct tui_key *k, int more)
{
	int page = t->why.rows > 1 ? t->why.rows - 1 : 1;
	int last = t->why.total - t->why.rows;

	if (!k->is_key || last <= 0 || (k->code != KEY_DOWN &&
	    k->code != KEY_UP && k->code != KEY_NPAGE &&
	    k->code != KEY_PPAGE)) {
		view_pop(t);
		if (k->is_key ? k->code == KEY_F(5) || k->code == KEY_F(10) :
		    k->code == 0x0e)
			view_key(t, k, more);
		return;
	}
	if (k->code == KEY_DOWN || k->code == KEY_NPAGE)
		t->why.top += k->code == KEY_DOWN ? 1 : page;
	else
		t->why.top -= k->code == KEY_UP ? 1 : page;
	if (t->why.top > last)
		t->why.top = last;
	if (t->why.top < 0)
		t->why.top = 0;
}

/* Releases the box's text. */
static void
why_close(struct tui *t)
{
	free(t->why.text);
	t->why.text = NULL;
}

/* Fills the F1 box with the keys. */
static void
why_help_open(struct tui *t)
{
	free(t->why.text);
	t->why.text = draw_help_text();
	t->why.top = 0;
	t->why.near_field = 0;
}

/* Opens F3's box on the focused field: why it is asked and required now,
 * its default, and its help. */
void
why_open(struct tui *t)
{
	const struct slot *sl = &t->fm.slots[t->fm.focus];
	char *why = session_why(t->s, sl), *help = session_help(t->s, sl);

	free(t->why.text);
	if (help != NULL && *help != '\0')
		t->why.text = xasprintf("%s\n\n%s", why, help);
	else
		t->why.text = xstrdup(why);
	free(why);
	free(help);
	t->why.top = 0;
	t->why.near_field = 1;
	view_push(t, &tui_view_why);
}

const struct tui_view tui_view_help = {
	.name = "help", .open = why_help_open, .key = why_key,
	.draw = why_draw, .resize = view_nothing, .close = why_close,
};

const struct tui_view tui_view_why = {
	.name = "why", .key = why_key, .draw = why_draw,
	.resize = view_nothing, .close = why_close,
};
