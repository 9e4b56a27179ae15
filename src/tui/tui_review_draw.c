/* tui_review_draw.c: drawing the review screen: what F10 does, the body
 * exactly as it is sent (secrets masked), the fields of a loaded body the
 * product does not know, the problems left by label and screen, and the
 * status message. Everything but the body wraps at word boundaries; the
 * body scrolls, and so does the list of problems, to the selected one. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/platform.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Most warnings about the loaded body listed. */
#define REVIEW_MAX_WARNINGS	3
/* Fewest rows the body keeps. */
#define REVIEW_MIN_BODY		3
/* The problems' indent after their number ("12. "). */
#define REVIEW_INDENT		4

/* Where each part of the review goes. */
struct review_layout {
	char	*head;		/* what F10 does */
	const char *keys;
	struct session_problem *v;	/* the problems, errors first */
	size_t	 nv, nerr;
	size_t	 first;		/* first problem shown */
	int	 nhead, body_y, body_rows, warn_y, nwarn, prob_y, nprob;
	int	 msg_y, nmsg;
};

/* The line under the title: what F10 does; allocated. */
static char *
review_head(const struct tui *t)
{
	if (t->o->dry_run && t->o->output != NULL)
		return xasprintf(_("Dry run: nothing is submitted; F10 writes "
		    "the body to %s"), t->o->output);
	if (t->o->dry_run)
		return xstrdup(_("Dry run: nothing is submitted; F10 prints "
		    "the "
		    "body"));
	if (t->sb.unknown_alt != NULL)
		return xasprintf(_("The last submission's outcome is unknown: "
		    "F10 looks up %s, then asks before sending again"),
		    t->sb.unknown_alt);
	return xasprintf(_("F10 submits the order to the %s platform (POST "
	    "%s)"),
	    _(platform_title(t->s->form->platform)), t->s->form->endpoint);
}

/* A warning about the loaded body (i of rows shown); allocated. */
static char *
review_warning(const struct tui *t, size_t i, size_t rows)
{
	const struct problems *w = t->o->warnings;

	if (i + 1 == rows && w->n > rows)
		return xasprintf(_("warning: %zu more fields this product does "
		    "not know"), w->n - i);
	return xasprintf(_("warning: %s: %s (left out)"), w->v[i].path,
	    w->v[i].message);
}

/* The rows the warnings about the loaded body take. */
static int
review_warning_rows(const struct tui *t)
{
	size_t n = tui_warning_count(t), i;
	int rows = 0;
	char *line;

	if (n > REVIEW_MAX_WARNINGS)
		n = REVIEW_MAX_WARNINGS;
	for (i = 0; i < n; i++) {
		line = review_warning(t, i, n);
		rows += text_rows(line, COLS - 1);
		free(line);
	}
	return rows;
}

/* The line over the problems: none left, or how many and what to do;
 * allocated. */
static char *
review_problems_head(struct tui *t, size_t n)
{
	if (n == 0 && t->o->dry_run)
		return xstrdup(_("No problems left: F10 finishes (dry run: "
		    "nothing is submitted)"));
	if (n == 0)
		return xasprintf(_("No problems left: F10 submits the order to "
		    "the %s platform"),
		    _(platform_title(t->s->form->platform)));
	if (review_list(t) == &t->sb.res.problems)
		return xasprintf(_("DigiCert refused the order: %zu error%s. "
		    "1-9 "
		    "or Enter jumps to a field; F10 sends again."), n,
		    n == 1 ? "" : "s");
	return xasprintf(_("Problems left: %zu. %s is refused until "
	    "they are fixed; 1-9 or Enter jumps to one."), n,
	    t->o->dry_run ? _("Finishing") : _("Submitting"));
}

/* The rows problem i takes. */
static int
review_problem_rows(const struct review_layout *l, size_t i)
{
	return text_rows(l->v[i].text, COLS - 1 - REVIEW_INDENT);
}

/* Picks the first problem shown so that the selected one shows within
 * rows rows; returns the rows the problems shown take. */
static int
review_problems_fit(struct tui *t, struct review_layout *l, int rows)
{
	size_t i;
	int used;

	if (t->rv.rsel >= l->nerr)
		t->rv.rsel = 0;
	for (l->first = 0; l->first < t->rv.rsel; l->first++) {
		for (used = 0, i = l->first; i <= t->rv.rsel; i++)
			used += review_problem_rows(l, i);
		if (used <= rows)
			break;
	}
	for (used = 0, i = l->first; i < l->nerr; i++) {
		if (used + review_problem_rows(l, i) > rows && i > l->first)
			break;
		used += review_problem_rows(l, i);
	}
	return used;
}

/* Works out the review's rows from the top and from the bottom. */
static void
review_layout(struct tui *t, struct review_layout *l)
{
	char *line;
	int w = COLS - 1, cap = LINES / 3;

	memset(l, 0, sizeof *l);
	l->keys = t->o->dry_run ? _("Up/Down/PgUp/PgDn scroll  Tab select  "
	    "1-9/Enter go to  F10 finish  Esc back  ^Q quit") :
	    _("Up/Down/PgUp/PgDn scroll  Tab select  1-9/Enter go to  F10 "
	    "submit  Esc back  ^Q quit");
	l->head = review_head(t);
	l->nhead = text_rows(l->head, w);
	l->body_y = 2 + l->nhead;
	l->nv = session_problems_of(t->s, review_list(t), &l->v);
	while (l->nerr < l->nv && !l->v[l->nerr].warning)
		l->nerr++;
	line = review_problems_head(t, l->nerr);
	l->nprob = text_rows(line, w);
	free(line);
	if (l->nerr > 0)
		l->nprob += review_problems_fit(t, l, cap - l->nprob > 1 ?
		    cap - l->nprob : 1);
	l->nmsg = t->message != NULL ? text_rows(t->message, w) : 0;
	l->msg_y = LINES - keybar_rows(l->keys) - l->nmsg;
	l->prob_y = l->msg_y - l->nprob;
	l->nwarn = review_warning_rows(t);
	l->warn_y = l->prob_y - l->nwarn;
	l->body_rows = l->warn_y - 1 - l->body_y;
	if (l->body_rows < REVIEW_MIN_BODY)
		l->body_rows = REVIEW_MIN_BODY;
}

/* Releases what review_layout() made. */
static void
review_layout_free(struct review_layout *l)
{
	free(l->head);
	session_problems_free(l->v, l->nv);
}

/* The rows the body shows (for paging). */
int
review_body_rows(struct tui *t)
{
	struct review_layout l;
	int rows;

	review_layout(t, &l);
	rows = l.body_rows;
	review_layout_free(&l);
	return rows;
}

/* Draws the problems pane: its head, then the problems that fit. */
static void
review_draw_problems(struct tui *t, const struct review_layout *l)
{
	int y = l->prob_y, w = COLS - 1, n;
	char *line;
	size_t i;

	line = review_problems_head(t, l->nerr);
	y += draw_para(y, 0, w, l->msg_y - y, line, 0, l->nerr == 0 ?
	    t->attr[TA_TITLE] : t->attr[TA_ERROR]);
	free(line);
	for (i = l->first; i < l->nerr && y < l->msg_y; i++) {
		n = review_problem_rows(l, i);
		if (y + n > l->msg_y && i > l->first)
			break;
		line = xasprintf("%2zu.", i + 1);
		draw_text(y, 0, REVIEW_INDENT, line, 0, i == t->rv.rsel ?
		    t->attr[TA_FOCUS] : A_NORMAL);
		free(line);
		y += draw_para(y, REVIEW_INDENT, w - REVIEW_INDENT,
		    l->msg_y - y, l->v[i].text, 0, i == t->rv.rsel ?
		    t->attr[TA_FOCUS] : A_NORMAL);
	}
}

/* Draws the warnings about the loaded body. */
static void
review_draw_warnings(struct tui *t, const struct review_layout *l)
{
	size_t n = tui_warning_count(t), i;
	int y = l->warn_y;
	char *line;

	if (n > REVIEW_MAX_WARNINGS)
		n = REVIEW_MAX_WARNINGS;
	for (i = 0; i < n; i++) {
		line = review_warning(t, i, n);
		y += draw_para(y, 0, COLS - 1, l->prob_y - y, line, 0,
		    t->attr[TA_MARK]);
		free(line);
	}
}

/* The body's lines cut into rows of the screen's width (the body is shown
 * whole, never cut at the edge): *out gets the start of each row in
 * rv.lines (allocated); returns the number of rows. */
static size_t
review_body_wrap(const struct tui *t, const char ***out, size_t **len)
{
	size_t i, n = 0, cap = 0, k;
	const char *p;

	*out = NULL;
	*len = NULL;
	for (i = 0; i < t->rv.nlines; i++) {
		p = t->rv.lines[i];
		do {
			k = text_fit(p, (size_t)COLS - 1);
			if (n == cap) {
				cap = cap * 2 + 16;
				*out = xreallocarray(*out, cap, sizeof **out);
				*len = xreallocarray(*len, cap, sizeof **len);
			}
			(*out)[n] = p;
			(*len)[n++] = k;
			p += k;
		} while (*p != '\0');
	}
	return n;
}

/* Draws the body's rows from rv.rtop (clamped to the last page). */
static void
review_draw_body(struct tui *t, const struct review_layout *l)
{
	const char **row;
	size_t *len, n = review_body_wrap(t, &row, &len), i;
	size_t rows = (size_t)l->body_rows;
	char *line;

	if (t->rv.rtop + rows > n)
		t->rv.rtop = n > rows ? n - rows : 0;
	for (i = 0; i < rows && t->rv.rtop + i < n; i++) {
		line = xstrndup(row[t->rv.rtop + i], len[t->rv.rtop + i]);
		draw_text(l->body_y + (int)i, 0, COLS - 1, line, 0, A_NORMAL);
		free(line);
	}
	free(row);
	free(len);
}

/* Draws the review screen. */
void
review_draw(struct tui *t, int *cy, int *cx)
{
	struct review_layout l;
	char *title;

	(void)cy;
	(void)cx;
	review_layout(t, &l);
	title = xasprintf(_("Review: %s (%s)"), form_text(t->s->form->title),
	    t->s->form->id);
	draw_text(0, 0, COLS, title, 0, t->attr[TA_TITLE]);
	free(title);
	draw_para(1, 0, COLS - 1, l.nhead, l.head, 0, A_BOLD);
	draw_hline(l.body_y - 1, 0, COLS);
	review_draw_body(t, &l);
	draw_hline(l.body_y + l.body_rows, 0, COLS);
	review_draw_warnings(t, &l);
	review_draw_problems(t, &l);
	if (t->message != NULL)
		draw_para(l.msg_y, 0, COLS - 1, l.nmsg, t->message, 0,
		    t->attr[TA_ERROR]);
	keybar_draw(l.keys);
	review_layout_free(&l);
}
