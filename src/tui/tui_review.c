/* tui_review.c: the review screen: the exact body as pretty JSON (secrets
 * masked), the problems left with keys to jump to them, and finishing. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/platform.h"
#include "tui/tui.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* Most problems listed at once. */
#define REVIEW_MAX_SHOWN 7
/* Most warnings about the loaded body listed. */
#define REVIEW_MAX_WARNINGS 3

/* A copy of n bytes of s with each tab (cJSON's indent) as two spaces. */
static char *
review_untab(const char *s, size_t n)
{
	char *out = xmalloc(2 * n + 1), *o = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t') {
			*o++ = ' ';
			*o++ = ' ';
		} else
			*o++ = s[i];
	}
	*o = '\0';
	return out;
}

/* Opens the review screen on the answers as they are. */
void
review_open(struct tui *t)
{
	view_switch(t, &tui_view_review);
}

/* Fills the review's lines from the answers as they are. */
static void
review_load(struct tui *t)
{
	char *body, *p, *nl;
	size_t len;

	review_close(t);
	t->rv.rtop = t->rv.rsel = 0;
	body = session_body_masked(t->s);
	for (p = body; p != NULL && *p != '\0'; p += len + (nl != NULL)) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		t->rv.lines = xreallocarray(t->rv.lines, t->rv.nlines + 1,
		    sizeof *t->rv.lines);
		t->rv.lines[t->rv.nlines++] = review_untab(p, len);
	}
	free(body);
	submit_warm(t);
}

/* Releases the review's lines. */
void
review_close(struct tui *t)
{
	size_t i;

	for (i = 0; i < t->rv.nlines; i++)
		free(t->rv.lines[i]);
	free(t->rv.lines);
	t->rv.lines = NULL;
	t->rv.nlines = 0;
}

/* The number of errors the answers have. */
size_t
review_local_errors(struct tui *t)
{
	return problems_errors(tui_problems(t));
}

/* The errors listed: the answers' own, else those DigiCert gave when it
 * refused the last submission. */
static const struct problems *
review_list(struct tui *t)
{
	if (review_local_errors(t) == 0 && t->sb.rejected)
		return &t->sb.res.problems;
	return tui_problems(t);
}

/* The number of errors listed; *out gets the i-th one when it exists. */
static size_t
review_errors(struct tui *t, size_t want, const struct problem **out)
{
	const struct problems *p = review_list(t);
	size_t i, n = 0;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].warning)
			continue;
		if (n++ == want && out != NULL)
			*out = &p->v[i];
	}
	return n;
}

/* Rows the loaded body's warnings take. */
static int
review_warning_rows(const struct tui *t)
{
	size_t n = tui_warning_count(t);

	return n > REVIEW_MAX_WARNINGS ? REVIEW_MAX_WARNINGS : (int)n;
}

/* Draws the warnings about the loaded body (fields the product does not
 * know, left out of the body) from row y. */
static void
review_draw_warnings(struct tui *t, int y)
{
	const struct problems *w = t->o->warnings;
	int i, rows = review_warning_rows(t);
	char *line;

	for (i = 0; i < rows; i++) {
		if (i == rows - 1 && w->n > (size_t)rows)
			line = xasprintf(_("warning: %zu more fields this "
			    "product does not know"), w->n - (size_t)i);
		else
			line = xasprintf(_("warning: %s: %s (left out)"),
			    w->v[i].path, w->v[i].message);
		draw_text(y + i, 0, COLS, line, 0, t->attr[TA_MARK]);
		free(line);
	}
}

/* Rows the body gets. */
static int
review_body_rows(struct tui *t)
{
	size_t n = review_errors(t, 0, NULL);

	if (n > REVIEW_MAX_SHOWN)
		n = REVIEW_MAX_SHOWN;
	return LINES - 8 - (int)n - review_warning_rows(t);
}

/* Draws the problems pane below the body. */
static void
review_draw_problems(struct tui *t, int y)
{
	const struct problem *pr = NULL;
	size_t n = review_errors(t, 0, NULL), i, first = 0;
	char *line;

	if (n == 0) {
		line = t->o->dry_run ? xstrdup(_("No problems left: F10 "
		    "finishes (dry run: nothing is submitted)")) :
		    xasprintf(_("No problems left: F10 submits the order to "
		    "the %s platform"),
		    _(platform_title(t->s->form->platform)));
		draw_text(y, 0, COLS, line, 0, t->attr[TA_TITLE]);
		free(line);
		return;
	}
	if (review_list(t) == &t->sb.res.problems)
		line = xasprintf(_("DigiCert refused the order: %zu error%s. "
		    "1-9 "
		    "or Enter jumps to a field; F10 sends again."), n,
		    n == 1 ? "" : "s");
	else
		line = xasprintf(_("Problems left: %zu. %s is refused until "
		    "they are fixed; 1-9 or Enter jumps to one."), n,
		    t->o->dry_run ? _("Finishing") : _("Submitting"));
	draw_text(y, 0, COLS, line, 0, t->attr[TA_ERROR]);
	free(line);
	if (t->rv.rsel >= REVIEW_MAX_SHOWN)
		first = t->rv.rsel - REVIEW_MAX_SHOWN + 1;
	for (i = first; i < n && i < first + REVIEW_MAX_SHOWN; i++) {
		review_errors(t, i, &pr);
		line = xasprintf("%2zu. %s%s%s", i + 1, pr->path,
		    *pr->path != '\0' ? ": " : "", pr->message);
		draw_text(y + 1 + (int)(i - first), 0, COLS, line, 0,
		    i == t->rv.rsel ? t->attr[TA_FOCUS] : A_NORMAL);
		free(line);
	}
}

/* The line under the title: what F10 does. */
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

/* Draws the status message, wrapped on the two rows above the key bar. */
static void
review_draw_message(struct tui *t)
{
	const char *p = t->message;
	size_t len, next;
	char *line;
	int y;

	for (y = LINES - 3; p != NULL && *p != '\0' && y < LINES - 1;
	    y++, p += next) {
		len = draw_wrap(p, (size_t)COLS - 1, &next);
		line = xstrndup(p, len);
		draw_text(y, 0, COLS - 1, line, 0, t->attr[TA_ERROR]);
		free(line);
	}
}

/* Draws the review screen. */
static void
review_draw(struct tui *t, int *cy, int *cx)
{
	int rows = review_body_rows(t), i;
	char *head;

	(void)cy;
	(void)cx;
	head = xasprintf(_("Review: %s (%s)"), form_text(t->s->form->title),
	    t->s->form->id);
	draw_text(0, 0, COLS, head, 0, t->attr[TA_TITLE]);
	free(head);
	head = review_head(t);
	draw_text(1, 0, COLS, head, 0, A_BOLD);
	free(head);
	mvhline(2, 0, ACS_HLINE, COLS);
	if (t->rv.rtop + (size_t)rows > t->rv.nlines)
		t->rv.rtop = t->rv.nlines > (size_t)rows ?
		    t->rv.nlines - (size_t)rows : 0;
	for (i = 0; i < rows && t->rv.rtop + (size_t)i < t->rv.nlines; i++)
		draw_text(3 + i, 0, COLS,
		    t->rv.lines[t->rv.rtop + (size_t)i], 0, A_NORMAL);
	mvhline(3 + rows, 0, ACS_HLINE, COLS);
	review_draw_warnings(t, 4 + rows);
	review_draw_problems(t, 4 + rows + review_warning_rows(t));
	review_draw_message(t);
	draw_text(LINES - 1, 0, COLS - 1, t->o->dry_run ? _("Up/Down/PgUp/PgDn "
	    "scroll  Tab select  1-9/Enter go to  F10 finish  Esc back  ^Q "
	    "quit") : _("Up/Down/PgUp/PgDn scroll  Tab select  1-9/Enter go "
	    "to  "
	    "F10 submit  Esc back  ^Q quit"), 0, A_REVERSE);
}

/* Goes back to the form at problem i's field. */
static void
review_jump(struct tui *t, size_t i)
{
	const struct problem *pr = NULL;
	char *path;

	if (i >= review_errors(t, i, &pr) || pr == NULL)
		return;
	if (*pr->path == '\0') {
		tui_message(t, _("this error names no field of the form"));
		return;
	}
	path = xstrdup(pr->path);
	view_switch(t, &tui_view_form);
	if (tui_goto_path(t, path) != 0)
		tui_message(t, _("no field on a shown screen holds %s"), path);
	free(path);
}

/* Scrolls the body by n lines (negative: up). */
static void
review_scroll(struct tui *t, long n)
{
	if (n < 0 && (size_t)-n > t->rv.rtop)
		t->rv.rtop = 0;
	else
		t->rv.rtop += (size_t)n;	/* review_draw clamps the end */
}

/* F10: finishes a dry run or submits, once nothing is left to fix. */
static void
review_f10(struct tui *t)
{
	size_t n = review_local_errors(t);

	if (n > 0)
		tui_message(t, _("%zu problem%s left: fix %s before %s"), n,
		    n == 1 ? "" : "s", n == 1 ? _("it") : _("them"),
		    t->o->dry_run ? _("finishing") : _("submitting"));
	else if (t->o->dry_run || t->o->api == NULL)
		tui_finish(t);
	else
		submit_start(t);
}

/* F5 or Ctrl-N: back to the form at the first problem, if any. */
static void
review_next_problem(struct tui *t)
{
	if (keys_first_problem(t) != 0)
		tui_message(t, "%s", t->o->dry_run ? _("nothing left to fix: "
		    "F10 finishes") : _("nothing left to fix: F10 submits"));
}

/* Handles a key on the review screen; no typed letter is a command, so
 * type-ahead that lands here does nothing. */
static void
review_key(struct tui *t, const struct tui_key *k, int more)
{
	size_t n = review_errors(t, 0, NULL);
	long page = review_body_rows(t) - 1;
	int c = k->code;

	(void)more;
	if (k->is_key && c == KEY_RESIZE)
		return;		/* a resize keeps the message (an outcome) */
	free(t->message);
	t->message = NULL;
	if (k->is_key) {
		if (c == KEY_UP)
			review_scroll(t, -1);
		else if (c == KEY_DOWN)
			review_scroll(t, 1);
		else if (c == KEY_PPAGE)
			review_scroll(t, -page);
		else if (c == KEY_NPAGE)
			review_scroll(t, page);
		else if (c == KEY_HOME)
			t->rv.rtop = 0;
		else if (c == KEY_END)
			t->rv.rtop = t->rv.nlines;
		else if (c == KEY_BTAB && n > 0)
			t->rv.rsel = (t->rv.rsel + n - 1) % n;
		else if (c == KEY_ENTER)
			review_jump(t, t->rv.rsel);
		else if (c == KEY_F(1))
			view_push(t, &tui_view_help);
		else if (c == KEY_F(2))
			tui_draft(t);
		else if (c == KEY_F(10))
			review_f10(t);
		else if (c == KEY_F(5))
			review_next_problem(t);
		return;
	}
	if (c == '\t' && n > 0)
		t->rv.rsel = (t->rv.rsel + 1) % n;
	else if (c >= '1' && c <= '9')
		review_jump(t, (size_t)(c - '1'));
	else if (c == '\r' || c == '\n')
		review_jump(t, t->rv.rsel);
	else if (c == 27) {
		view_switch(t, &tui_view_form);
	} else if (c == 0x0e)
		review_next_problem(t);
	else if (c == 0x11)
		keys_quit(t);
	else if (c == 0x03)
		keys_interrupt(t);
}

const struct tui_view tui_view_review = {
	.name = "review", .open = review_load, .key = review_key,
	.draw = review_draw, .close = review_close,
};
