/* tui_steps.c: the two rows over the form: "Screen n of N: Title" (the
 * numbering describe uses) with the product's title, and the step bar of
 * the shown screens, each with its number. The bar always fits the width:
 * the other screens' titles are shortened, longest first, never the
 * current one's. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "core/form.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Most screens a form has on the bar. */
#define STEPS_MAX	32

/* One entry of the bar: its screen and how much of its title shows. */
struct step {
	size_t	 screen;
	char	*text;		/* "3 Organization", or shortened */
	size_t	 keep;		/* characters of the title kept */
	size_t	 chars;		/* characters of the title */
};

/* The text of an entry keeping keep characters of its title. */
static char *
steps_entry(const struct form *form, size_t screen, size_t keep,
    size_t chars)
{
	const char *title = form_text(form->screens[screen].title);
	const char *p = title, *more = text_is_ascii() ? "." : "…";
	unsigned int cp;
	size_t i;

	for (i = 0; i < keep && *p != '\0'; i++)
		p += text_decode(p, strlen(p), &cp);
	return xasprintf("%zu %.*s%s", screen + 1, (int)(p - title), title,
	    keep < chars ? more : "");
}

/* The columns the bar takes: " text " per entry, one apart. */
static size_t
steps_width(const struct step *v, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		w += text_width(v[i].text) + 2 + (i > 0);
	return w;
}

/* Shortens the longest title but the current one's by one character;
 * 0 when none can be shortened. */
static int
steps_shorten(const struct form *form, struct step *v, size_t n,
    size_t current)
{
	size_t i, best = n;

	for (i = 0; i < n; i++) {
		if (v[i].screen == current || v[i].keep <= 1)
			continue;
		if (best == n || text_width(v[i].text) >
		    text_width(v[best].text))
			best = i;
	}
	if (best == n)
		return 0;
	v[best].keep--;
	free(v[best].text);
	v[best].text = steps_entry(form, v[best].screen, v[best].keep,
	    v[best].chars);
	return 1;
}

/* Draws the step bar on row y. */
static void
steps_bar(struct tui *t, int y)
{
	const struct form *form = t->s->form;
	struct step v[STEPS_MAX];
	size_t i, n = 0;
	char *head;
	int x = 0;

	for (i = 0; i < form->nscreens && n < STEPS_MAX; i++) {
		if (!session_screen_shown(t->s, i))
			continue;
		v[n].screen = i;
		v[n].chars = utf8_chars(form_text(form->screens[i].title));
		v[n].keep = v[n].chars;
		v[n].text = steps_entry(form, i, v[n].keep, v[n].chars);
		n++;
	}
	while (steps_width(v, n) > (size_t)COLS &&
	    steps_shorten(form, v, n, t->fm.screen))
		;
	for (i = 0; i < n; i++) {
		head = xasprintf(" %s ", v[i].text);
		x += draw_text(y, x, COLS - x, head, 0, v[i].screen ==
		    t->fm.screen ? t->attr[TA_FOCUS] : A_NORMAL) + 1;
		free(head);
		free(v[i].text);
	}
}

/* Draws "Screen n of N: Title", the product's title and the step bar. */
void
draw_steps(struct tui *t)
{
	const struct form *form = t->s->form;
	const char *title = form_text(form->title);
	char *head, *heading;
	int used;

	heading = session_screen_heading(form, t->fm.screen);
	head = xasprintf("%s%s", t->o->sandbox ? _("SANDBOX  ") : "", heading);
	free(heading);
	used = draw_text(0, 0, COLS, head, 0, t->attr[TA_TITLE]);
	free(head);
	if (used + 4 + (int)text_width(title) < COLS)
		draw_text(0, COLS - (int)text_width(title), COLS, title, 0,
		    t->attr[TA_DIM]);
	steps_bar(t, 1);
	draw_hline(2, 0, COLS);
}
