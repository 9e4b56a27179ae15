/* wizard_run.c: one run of the order wizard: what it starts from, recall,
 * a resumed draft's order, plain mode's submission and the draft's fate. */
#include "config.h"

#include "wizard/wizard.h"

#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/diag.h"
#include "util/exits.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "wizard/draft.h"
#include "wizard/placed.h"
#include "wizard/recall.h"
#include "wizard/session.h"

/* Prints a loaded body's problems as "[path] problem: message". */
static void
print_load_problems(const struct form *form, const cJSON *body, time_t now)
{
	struct problems p = { NULL, 0 };
	size_t i;

	order_check(form, body, now, &p);
	for (i = 0; i < p.n; i++)
		printf("[%s] %s: %s\n", p.v[i].path, p.v[i].warning ?
		    _("warning") : _("problem"), p.v[i].message);
	problems_free(&p);
}

/* Reads a draft (the newest when none is named); its product into *product
 * and its answers into *answers. */
static int
open_draft(const char *what, struct draft *d, char **product,
    cJSON **answers)
{
	char **names = NULL, *cause = NULL;
	int n = 0, rc;

	if (what == NULL) {
		if ((n = draft_list(&names, &cause)) <= 0) {
			cw_warn("%s", n < 0 ? cause : _("no drafts to resume"));
			free(cause);
			draft_list_free(names, n);
			return -1;
		}
		what = names[0];
	}
	rc = draft_load(what, d, product, answers, &cause);
	if (rc != 0) {
		cw_warn("%s", cause);
		free(cause);
	}
	draft_list_free(names, n);
	return rc;
}

/* Asks for a product (or, in curses, a draft to resume) when none was
 * given; 0, 1 when the user chose nothing, 128+N after signal N, -1 on an
 * error. */
static int
choose(const struct wizard_front *f, struct wizard_opts *a, char **product,
    char **draft)
{
	int rc;

	*product = *draft = NULL;
	if (a->resume || a->copy != NULL || a->product != NULL)
		return 0;
	if ((rc = f->pick(f->arg, a->load == NULL, product, draft)) != 0)
		return rc;
	if (*draft != NULL) {
		a->resume = 1;
		a->draft = *draft;
	}
	return 0;
}

/* Reads the body or draft to start from into *body (NULL for none). */
static int
start_body(const struct wizard_opts *a, struct draft *d, char **product,
    cJSON **body)
{
	char *cause = NULL;

	*body = NULL;
	if (a->resume)
		return open_draft(a->draft, d, product, body);
	if (a->copy != NULL &&
	    placed_load(a->copy, product, body, &cause) != 0) {
		cw_warn("%s", cause);
		free(cause);
		return -1;
	}
	if (a->load != NULL &&
	    (*body = fileio_read_json(a->load, &cause)) == NULL) {
		cw_warn("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Loads the form and starts the session the options ask for; the loaded
 * body's unknown fields go to *warn. *status gets the exit status when no
 * session is started. */
static struct session *
start(const struct wizard_front *f, struct wizard_opts *a, struct draft *d,
    struct form **form, struct problems *warn, int *status)
{
	struct session *s;
	char *product = NULL, *picked = NULL, *draft = NULL;
	cJSON *body = NULL;
	int rc;

	*status = EXIT_USAGE;
	if ((rc = choose(f, a, &picked, &draft)) != 0) {
		*status = rc >= 128 ? rc : rc > 0 ? 1 : EXIT_USAGE;
		return NULL;
	}
	if (start_body(a, d, &product, &body) != 0) {
		free(picked);
		free(draft);
		return NULL;
	}
	*form = f->load_form(f->arg, product != NULL ? product :
	    picked != NULL ? picked : a->product);
	a->draft = NULL;
	free(product);
	free(picked);
	free(draft);
	if (*form == NULL) {
		cJSON_Delete(body);
		return NULL;
	}
	if (f->plain && a->load != NULL)
		print_load_problems(*form, body, a->now);
	if (f->plain && d->path != NULL)
		printf(_("Resuming the draft %s.\n"), d->path);
	if (f->plain && a->copy != NULL)
		printf(_("A new order from the answers of order %s.\n"),
		    a->copy);
	s = body != NULL ? session_load(*form, body, a->now, warn) :
	    session_new(*form, a->now);
	cJSON_Delete(body);
	return s;
}

/* Keeps the answers worth reusing once an order is placed or a dry run
 * finished; a failure is only reported. */
static void
remember(const struct session *s)
{
	char *cause = NULL;

	if (recall_save(s, &cause) != 0) {
		cw_warn(_("the answers were not remembered: %s"), cause);
		free(cause);
	}
}

/* Fills in a new session (not --load, --resume or --no-recall) from the
 * last order of its platform; plain mode says so. */
static void
recall_start(const struct wizard_opts *a, struct session *s,
    struct recall *r, int plain)
{
	char *note;

	if (a->no_recall || a->resume || a->load != NULL || a->copy != NULL ||
	    recall_apply(s, r) == 0 || !plain)
		return;
	note = recall_note_plain(s, r);
	printf("%s\n", note);
	free(note);
}

/* Keeps the answers of an order that was not placed in a draft (never
 * with card data), so a failed submission loses nothing; says the command
 * that continues, as it works when typed. */
static void
keep_unplaced(const struct wizard_opts *a, struct session *s,
    struct draft *d)
{
	char *cause = NULL, *hint;

	if (draft_save(s, d, NULL, &cause) != 0) {
		cw_warn(_("the answers were not saved: %s"), cause);
		free(cause);
		return;
	}
	hint = draft_resume_command(d->path, a->sandbox, 1);
	cw_warn(_("the answers are kept in %s; continue with: %s"), d->path,
	    hint);
	free(hint);
}

/* Keeps the answers of the order placed as order_id (none: nothing) for
 * --copy; a failure is only reported. */
static void
keep_placed(const struct session *s, const char *order_id)
{
	char *cause = NULL;

	if (order_id == NULL)
		return;
	if (placed_save(s, order_id, &cause) != 0) {
		cw_warn(_("the answers were not kept for --copy: %s"), cause);
		free(cause);
	}
}

/* Removes the draft of an order that is placed (now or before), so it is
 * never offered for resume again. */
static void
drop_placed(struct draft *d)
{
	char *cause = NULL;

	if (d->path == NULL)
		return;
	if (draft_remove(d, &cause) != 0) {
		cw_warn("%s", cause);
		free(cause);
	}
}

/* After a submission: the draft records its attempt while the outcome is
 * open, goes once the order is placed, and keeps the answers otherwise. */
static void
after_submit(const struct wizard_opts *a, struct session *s,
    struct draft *d, const struct wizard_sent *sent)
{
	char *cause = NULL;

	if (sent->fate == WIZARD_PLACED) {
		keep_placed(s, sent->order_id);
		drop_placed(d);
		return;
	}
	if (sent->fate == WIZARD_UNKNOWN && sent->attempt_id != NULL &&
	    draft_set_attempt(s, d, sent->attempt_id, &cause) != 0) {
		cw_warn(_("the answers were not saved: %s"), cause);
		free(cause);
	}
	keep_unplaced(a, s, d);
}

/* Asks whether to submit the complete order in plain mode, and does. The
 * draft is saved first, so the attempt names it. */
static int
submit_plain(const struct wizard_front *f, const struct wizard_opts *a,
    struct session *s, struct draft *d)
{
	struct wizard_sent sent = { .status = EXIT_OK };
	char *cause = NULL, *ident;
	int n, rc;

	if (draft_save(s, d, NULL, &cause) != 0) {
		cw_warn(_("the answers were not saved: %s"), cause);
		free(cause);
	}
	ident = draft_ident(d);
	n = f->submit(f->arg, s, ident, &sent);
	free(ident);
	if (n > 0) {
		rc = sent.status;
		if (rc == EXIT_OK)
			remember(s);
		after_submit(a, s, d, &sent);
	} else if (n == 0) {
		printf(_("Nothing was submitted.\n"));
		keep_unplaced(a, s, d);
		rc = EXIT_OK;
	} else {
		cw_warn(_("nothing was submitted"));
		/* Input ended, a signal, or a bad key. */
		keep_unplaced(a, s, d);
		rc = cw_signal_caught() != 0 ? 128 + cw_signal_caught() :
		    EXIT_INVALID;
	}
	free(sent.attempt_id);
	free(sent.order_id);
	return rc;
}

/* Runs the front end on s; plain mode then submits (unless a dry run), the
 * curses wizard has submitted itself. */
static int
run_front(const struct wizard_front *f, const struct wizard_opts *a,
    struct session *s, struct draft *d, const struct problems *warn,
    struct recall *r)
{
	int rc = f->run(f->arg, s, d, warn, r);

	if (!f->plain) {
		if (rc == EXIT_OK)
			remember(s);
		if (rc == EXIT_OK && !a->dry_run) {
			keep_placed(s, d->placed);
			drop_placed(d);
		}
		return rc;
	}
	if (rc != 0)
		return rc;
	if (a->dry_run) {
		printf(_("Nothing was submitted (dry run).\n"));
		remember(s);
		return EXIT_OK;
	}
	return submit_plain(f, a, s, d);
}

/* Before a resumed draft is shown: when an order was sent from it, says
 * what became of it; 1 when it was placed (the draft is then removed and
 * not resumed), else 0. */
static int
resume_settled(const struct wizard_front *f, const struct wizard_opts *a,
    struct draft *d)
{
	char *order_id = NULL;
	enum wizard_fate o;

	if (d->attempt == NULL)
		return 0;
	o = f->settle(f->arg, d->attempt, &order_id);
	if (o == WIZARD_PLACED) {
		printf(_("The order of this draft was already placed as order "
		    "%s; the draft is removed, nothing is sent again.\n"),
		    order_id != NULL ? order_id : "?");
		drop_placed(d);
	} else if (o == WIZARD_UNKNOWN)
		cw_warn(_("an order sent from this draft still has an unknown "
		    "outcome; it is looked up again before anything is sent "
		    "('%s resolve')"), a->command);
	free(order_id);
	return o == WIZARD_PLACED;
}

/* Runs the order wizard. */
int
wizard_run(const struct wizard_opts *o, const struct wizard_front *f)
{
	struct wizard_opts a = *o;
	struct draft d = { .path = NULL };
	struct problems warn = { NULL, 0 };
	struct recall r = { NULL, 0 };
	struct form *form = NULL;
	struct session *s;
	int rc;

	if ((s = start(f, &a, &d, &form, &warn, &rc)) == NULL) {
		draft_clear(&d);
		problems_free(&warn);
		return cw_signal_caught() != 0 ? 128 + cw_signal_caught() : rc;
	}
	rc = EXIT_OK;
	if (!resume_settled(f, &a, &d)) {
		recall_start(&a, s, &r, f->plain);
		rc = run_front(f, &a, s, &d, &warn, &r);
	}
	recall_free(&r);
	problems_free(&warn);
	session_free(s);
	form_free(form);
	draft_clear(&d);
	return rc;
}
