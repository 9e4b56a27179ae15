/* plain.c: plain mode: walking the screens prompt by prompt, the review at
 * the end, and how an unfinished run is saved. */
#include "config.h"

#include "plain/plain.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/problems.h"
#include "plain/plain_int.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/draft.h"
#include "wizard/session.h"

/* Adds a copy of s to a list of strings. */
static void
list_add(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* Remembers a key as asked. */
void
plain_seen_add(struct walk *w, const char *key)
{
	list_add(&w->seen, &w->nseen, key);
}

/* Remembers a key passed without a question. */
void
plain_quiet_add(struct walk *w, const char *key)
{
	list_add(&w->quiet, &w->nquiet, key);
}

/* Remembers an optional object as declined. */
void
plain_skip_add(struct walk *w, const char *path)
{
	list_add(&w->skip, &w->nskip, path);
}

/* 1 when path is prefix itself or lies under it ("a.b", "a[0]"). */
static int
under(const char *path, const char *prefix, int self)
{
	size_t len = strlen(prefix);

	if (strncmp(path, prefix, len) != 0)
		return 0;
	return (self && path[len] == '\0') || path[len] == '.' ||
	    path[len] == '[';
}

/* 1 when a slot lies inside a declined optional object. */
static int
skipped(const struct walk *w, const char *path)
{
	size_t i;

	for (i = 0; i < w->nskip; i++) {
		if (under(path, w->skip[i], 0))
			return 1;
	}
	return 0;
}

/* 1 when key was asked already. */
static int
seen(const struct walk *w, const char *key)
{
	size_t i;

	for (i = 0; i < w->nseen; i++) {
		if (strcmp(w->seen[i], key) == 0)
			return 1;
	}
	for (i = 0; i < w->nquiet; i++) {
		if (strcmp(w->quiet[i], key) == 0)
			return 1;
	}
	return 0;
}

/* The key a slot is remembered by: a list's counts its items. */
static char *
slot_key(const struct walk *w, const struct slot *sl)
{
	enum field_type t = w->s->form->fields[sl->field].type;

	if ((t == FT_LIST || t == FT_OBJECT_LIST) && sl->item < 0)
		return xasprintf("%s#%zu", sl->path,
		    session_list_count(w->s, sl));
	return xstrdup(sl->path);
}

/* 1 when a slot is still to be asked. */
static int
pending(const struct walk *w, const struct slot *sl)
{
	char *key;
	int r;

	if (skipped(w, sl->path))
		return 0;
	key = slot_key(w, sl);
	r = !seen(w, key);
	free(key);
	return r;
}

/* The next slot to ask: form order, but a list's question about another
 * item waits until its items are done. */
static size_t
next_slot(const struct walk *w, const struct slot *v, size_t n)
{
	enum field_type t;
	size_t j, k;

	for (j = 0; j < n; j++) {
		if (!pending(w, &v[j]))
			continue;
		t = w->s->form->fields[v[j].field].type;
		if ((t != FT_LIST && t != FT_OBJECT_LIST) || v[j].item >= 0)
			return j;
		for (k = j + 1; k < n; k++) {
			if (under(v[k].path, v[j].path, 0) &&
			    pending(w, &v[k]))
				break;
		}
		if (k == n || !under(v[k].path, v[j].path, 0))
			return j;
	}
	return n;
}

/* The first shown screen with a question still to ask, its slots in *v
 * (released by the caller) and the slot's place in *j; SIZE_MAX when
 * every question was asked. */
static size_t
next_question(const struct walk *w, struct slot **v, size_t *n, size_t *j)
{
	size_t sc;

	for (sc = 0; sc < w->s->form->nscreens; sc++) {
		if (!session_screen_shown(w->s, sc))
			continue;
		*n = session_slots(w->s, sc, v);
		if ((*j = next_slot(w, *v, *n)) < *n)
			return sc;
		session_slots_free(*v, *n);
	}
	*v = NULL;
	*n = 0;
	return SIZE_MAX;
}

/* Removes string s from a list, if it is there. */
static void
list_remove(char **v, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (strcmp(v[i], s) != 0)
			continue;
		free(v[i]);
		memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof *v);
		(*n)--;
		return;
	}
}

/* "<": forgets the last question answered, so it is asked again (an
 * object declined there is offered again too). */
static void
go_back(struct walk *w, const char *path)
{
	char *key;

	w->back = 0;
	if (w->nseen == 0) {
		fprintf(w->out, _("[%s] note: this is the first question\n"),
		    path);
		return;
	}
	key = w->seen[--w->nseen];
	list_remove(w->skip, &w->nskip, key);
	free(key);
}

/* Asks every question of every shown screen in form order, printing a
 * screen's heading when the questions move to it. */
static void
walk_screens(struct walk *w)
{
	struct slot *v;
	size_t n, j, sc, shown = SIZE_MAX;
	char *head, *path;

	w->in_walk = 1;
	while (w->stop == STOP_NONE) {
		if ((sc = next_question(w, &v, &n, &j)) == SIZE_MAX)
			break;
		if (sc != shown) {
			head = session_screen_heading(w->s->form, sc);
			fprintf(w->out, "== %s%s ==\n", w->o->sandbox ?
			    _("SANDBOX  ") : "", head);
			free(head);
			shown = sc;
		}
		plain_ask(w, &v[j]);
		w->cur = NULL;
		path = xstrdup(v[j].path);
		session_slots_free(v, n);
		if (w->back)
			go_back(w, path);
		free(path);
	}
	w->in_walk = 0;
}

/* Prints every problem as "[path] problem: Label (screen S): message",
 * errors first; returns the number of errors. */
static size_t
print_problems(FILE *out, const struct session *s)
{
	struct session_problem *v;
	size_t i, n = session_problems(s, &v), errors = 0;

	for (i = 0; i < n; i++) {
		fprintf(out, "[%s] %s: %s\n", v[i].path, v[i].warning ?
		    _("warning") : _("problem"), v[i].text);
		errors += !v[i].warning;
	}
	session_problems_free(v, n);
	return errors;
}

/* Writes the real body (secrets included) to the output file. */
static int
write_output(struct walk *w)
{
	cJSON *body = session_body(w->s);
	char *cause = NULL, *text = json_print(body, 0, &cause);
	int rc = -1;

	if (text != NULL) {
		rc = fileio_write_atomic(w->o->output, text, &cause);
		secmem_free(text);
	}
	json_wipe_delete(body);
	if (rc != 0) {
		cw_warn("%s", cause);
		free(cause);
		return 1;
	}
	fprintf(w->out, _("The request body was written to %s.\n"),
	    w->o->output);
	return 0;
}

/* Shows the body with secrets masked and what is left to fix. */
static int
review(struct walk *w)
{
	char *masked;
	size_t errors;

	if (w->o->send)
		session_alt_id(w->s);
	masked = session_body_masked(w->s);
	fprintf(w->out, _("== Review ==\n%s\n"), masked);
	free(masked);
	errors = print_problems(w->out, w->s);
	if (errors != 0) {
		fprintf(w->out, _("The order has %zu problem%s; nothing was "
		    "written.\n"), errors, errors == 1 ? "" : "s");
		return 1;
	}
	fprintf(w->out, _("The order is complete and valid.\n"));
	if (w->o->output != NULL && write_output(w) != 0)
		return 2;
	return 0;
}

/* Saves a draft for an unfinished run and says how the run ended. */
static void
save_unfinished(struct walk *w, const char *why)
{
	char *cause = NULL, *hint;

	if (!w->s->changed || w->o->draft == NULL) {
		if (w->o->draft != NULL && w->o->draft->path != NULL) {
			hint = draft_resume_command(w->o->draft->path,
			    w->o->sandbox, 1);
			cw_warn(_("%s; the draft is %s; continue with: "
			    "%s"), why,
			    w->o->draft->path, hint);
			free(hint);
		} else
			cw_warn(_("%s; nothing to save"), why);
		return;
	}
	if (draft_save(w->s, w->o->draft, NULL, &cause) != 0) {
		cw_warn(_("%s; the draft was not saved: %s"), why, cause);
		free(cause);
		return;
	}
	hint = draft_resume_command(w->o->draft->path, w->o->sandbox, 1);
	cw_warn(_("%s; draft saved to %s; continue with: %s"), why,
	    w->o->draft->path, hint);
	free(hint);
}

/* The exit status of a run that stopped early. */
static int
stopped(struct walk *w)
{
	int signo;

	switch (w->stop) {
	case STOP_SIGNAL:
		signo = (int)*w->o->signo;
		save_unfinished(w, _("interrupted"));
		return 128 + signo;
	case STOP_TRIES:
		save_unfinished(w, _("too many answers in a row were not "
		    "accepted"));
		return 1;
	default:
		save_unfinished(w, _("input ended before the order was "
		    "complete"));
		return 1;
	}
}

/* Releases what a walk holds. */
static void
walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nseen; i++)
		free(w->seen[i]);
	for (i = 0; i < w->nskip; i++)
		free(w->skip[i]);
	for (i = 0; i < w->nquiet; i++)
		free(w->quiet[i]);
	free(w->seen);
	free(w->skip);
	free(w->quiet);
	plain_lookup_free(w);
}

/* Walks every shown screen, then reviews the order. */
int
plain_run(struct session *s, struct plain_in *in, FILE *out,
    const struct plain_opts *o)
{
	struct walk w;
	int rc;

	memset(&w, 0, sizeof w);
	w.s = s;
	w.in = in;
	w.out = out;
	w.o = o;
	walk_screens(&w);
	if (w.stop != STOP_NONE)
		rc = stopped(&w);
	else if ((rc = review(&w)) != 0 && s->changed)
		save_unfinished(&w, rc == 2 ? _("the order is complete but was "
		    "not written to the output file") : _("the order is not "
		    "complete"));
	if (rc == 2)
		rc = 1;
	walk_free(&w);
	fflush(out);
	return rc;
}

/* Finds a choice by number or id; -1 when there is none. */
static int
pick_choice(const char *line, char *const *ids, int n)
{
	char *end;
	long k;
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(line, ids[i]) == 0)
			return i;
	}
	errno = 0;
	k = strtol(line, &end, 10);
	if (*line == '\0' || *end != '\0' || errno != 0 || k < 1 || k > n)
		return -1;
	return (int)k - 1;
}

/* Asks for one of n choices by number or id. */
int
plain_pick(const char *what, char *const *ids, char *const *titles, int n,
    struct plain_in *in, FILE *out, volatile sig_atomic_t *signo)
{
	struct plain_opts o = { .signo = signo };
	struct walk w;
	char *line;
	int i, tries, k;

	memset(&w, 0, sizeof w);
	w.in = in;
	w.out = out;
	w.o = &o;
	fprintf(out, _("== Choose a %s ==\n"), what);
	for (i = 0; i < n; i++)
		fprintf(out, "%d) %s  %s\n", i + 1, ids[i],
		    titles != NULL ? titles[i] : "");
	for (tries = 0; tries < PLAIN_MAX_TRIES; tries++) {
		fprintf(out, _("[%s] Choose a %s (required) 1-%d:\n"), what,
		    what,
		    n);
		if (plain_read(&w, &line) != 0)
			return -1;
		k = pick_choice(line, ids, n);
		free(line);
		if (k >= 0)
			return k;
		fprintf(out, _("[%s] error: answer a number from 1 to %d or a "
		    "name\n"), what, n);
	}
	return -1;
}

/* Asks for a product of forms_dir by number or id. */
char *
plain_pick_product(const char *forms_dir, struct plain_in *in, FILE *out,
    volatile sig_atomic_t *signo)
{
	char **ids, **titles, *cause = NULL, *id = NULL;
	struct form *form;
	int n, i, k;

	if ((n = form_list_ids(forms_dir, &ids, &cause)) < 0) {
		cw_warn("%s", cause);
		free(cause);
		return NULL;
	}
	titles = xcalloc((size_t)n + 1, sizeof *titles);
	for (i = 0; i < n; i++) {
		form = form_load(forms_dir, ids[i], &cause);
		titles[i] = xstrdup(form != NULL ? form_text(form->title) : "");
		form_free(form);
		free(cause);
		cause = NULL;
	}
	k = plain_pick("product", ids, titles, n, in, out, signo);
	if (k >= 0)
		id = xstrdup(ids[k]);
	form_free_ids(titles, n);
	form_free_ids(ids, n);
	return id;
}
