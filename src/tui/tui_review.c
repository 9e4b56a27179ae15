/* tui_review.c: the review screen: the exact body as pretty JSON (secrets
 * masked), the problems left with keys to jump to them, and finishing. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/platform.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

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

/* Gives an order that is to be sent its alternative order ID now, when
 * its product has the field and no ID was typed: the review then shows
 * the body exactly as it is sent, --output holds the ID, and the draft
 * keeps it, so a resumed draft sends the same ID. With no draft yet, the
 * new ID alone is no change worth a draft (it goes into any later one). */
static void
review_alt_id(struct tui *t)
{
	int changed = t->s->changed;

	if (t->o->dry_run || t->o->api == NULL || !session_alt_id(t->s))
		return;
	t->probs_fresh = 0;
	if (t->draft->path != NULL)
		tui_autosave(t);
	else
		t->s->changed = changed;
}

/* Fills the review's lines from the answers as they are. */
static void
review_load(struct tui *t)
{
	char *body, *p, *nl;
	size_t len;

	review_close(t);
	t->rv.rtop = t->rv.rsel = 0;
	review_alt_id(t);
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
const struct problems *
review_list(struct tui *t)
{
	if (review_local_errors(t) == 0 && t->sb.rejected)
		return &t->sb.res.problems;
	return tui_problems(t);
}

/* The number of errors listed. */
static size_t
review_count(struct tui *t)
{
	return problems_errors(review_list(t));
}

/* Goes back to the form at problem i's field. */
static void
review_jump(struct tui *t, size_t i)
{
	struct session_problem *v;
	size_t n = session_problems_of(t->s, review_list(t), &v);
	char *path;

	if (i >= n || v[i].warning) {
		session_problems_free(v, n);
		return;
	}
	path = xstrdup(v[i].path);
	session_problems_free(v, n);
	if (*path == '\0') {
		tui_message(t, _("this error names no field of the form"));
		free(path);
		return;
	}
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
	size_t n = review_count(t);
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
		else if (c == KEY_END)	/* review_draw clamps it */
			t->rv.rtop = SIZE_MAX / 2;
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
