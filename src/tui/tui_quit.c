/* tui_quit.c: quitting the curses wizard. Ctrl-Q with changes not yet
 * saved (keys_quit()) asks: s saves a draft and quits, d quits without
 * saving, c or Esc goes back. Keys typed before the question was on the
 * screen are not taken as its answer, so type-ahead never quits. Whatever
 * ends the wizard without an order (Ctrl-Q, Ctrl-C, a signal), it says on
 * exit what became of the answers: the draft that holds them and the
 * command that resumes it, or that they were discarded. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xalloc.h"
#include "wizard/draft.h"

/* Control keys. */
#define QUIT_CTRL(c)	((c) & 0x1f)
#define QUIT_ESC	27

/* The question's width. */
#define QUIT_WIDTH	64

/* Remembers when the question opened: keys already typed then are not
 * its answer. */
static void
quit_open(struct tui *t)
{
	t->quit_draws = t->draws;
}

/* s saves and quits, d quits without saving, c or Esc goes back; other
 * keys (and keys typed before the question showed) change nothing. */
static void
quit_key(struct tui *t, const struct tui_key *k, int more)
{
	int c = k->is_key ? 0 : k->code;

	(void)more;
	if (t->draws == t->quit_draws)
		return;
	if (c == 's' || c == 'S') {
		view_pop(t);
		tui_draft(t);
		t->quit = !t->s->changed;	/* a failed save stays */
	} else if (c == 'd' || c == 'D') {
		t->discarded = 1;
		t->quit = 1;
	} else if (c == QUIT_CTRL('c')) {
		view_pop(t);
		keys_interrupt(t);
	} else if (c == 'c' || c == 'C' || c == QUIT_ESC ||
	    c == QUIT_CTRL('q')) {
		view_pop(t);
		tui_message(t, _("not quitting"));
	}
}

/* Draws the question. */
static void
quit_draw(struct tui *t, int *cy, int *cx)
{
	int w = COLS - 4 < QUIT_WIDTH ? COLS - 4 : QUIT_WIDTH;
	int x = (COLS - w) / 2, y, n;
	const char *name;
	char *head;

	(void)cy;
	(void)cx;
	name = t->draft->path != NULL ? strrchr(t->draft->path, '/') : NULL;
	head = name != NULL ? xasprintf(_("Quit? The changes since the draft "
	    "%s was saved are not saved yet."), name + 1) :
	    xstrdup(_("Quit? The answers are not saved yet."));
	n = text_rows(head, w - 4);
	y = (LINES - n - 6) / 2;
	draw_box(y, x, n + 6, w);
	draw_para(y + 1, x + 2, w - 4, n, head, 0, A_BOLD);
	free(head);
	draw_text(y + n + 2, x + 2, w - 4, _("s    save a draft and quit"), 0,
	    A_NORMAL);
	draw_text(y + n + 3, x + 2, w - 4, _("d    quit without saving"), 0,
	    A_NORMAL);
	draw_text(y + n + 4, x + 2, w - 4, _("c    cancel (or Esc)"), 0,
	    A_NORMAL);
}

const struct tui_view tui_view_quit = {
	.name = "quit", .open = quit_open, .key = quit_key,
	.draw = quit_draw, .resize = view_nothing,
};

/* What ended the wizard, in words; allocated. */
static char *
quit_why(const struct tui *t)
{
	if (cw_signal_caught())
		return xasprintf(_("stopped by signal %d"), cw_signal_caught());
	if (t->interrupted)
		return xstrdup(_("interrupted"));
	return xstrdup(_("quit"));
}

/* Says on stderr, once curses is gone, why the wizard stopped without an
 * order and what became of the answers. */
void
quit_report(const struct tui *t)
{
	const char *path = t->draft->path;
	char *why = quit_why(t), *resume = NULL;

	if (path != NULL)
		resume = draft_resume_command(path, t->o->sandbox, 0);
	if (t->s->changed && t->discarded && path != NULL)
		cw_warn(_("%s; the changes since the last save were discarded; "
		    "the draft %s keeps the answers saved before (resume: %s)"),
		    why, path, resume);
	else if (t->s->changed && t->discarded)
		cw_warn(_("%s; answers discarded"), why);
	else if (t->s->changed)	/* the save just tried failed */
		cw_warn("%s; %s", why, t->message != NULL ? t->message :
		    _("the answers were not saved"));
	else if (path != NULL)
		cw_warn(_("%s; draft saved to %s; resume: %s"), why, path,
		    resume);
	else
		cw_warn(_("%s; answers discarded (nothing was changed, so no "
		    "draft was saved)"), why);
	free(resume);
	free(why);
}
