/* test_wizard.c: the wizard's run (wizard/wizard_run.c) driven through a
 * stub front end: what becomes of the draft after plain mode's
 * submission (placed: removed; unknown: kept with its attempt; declined or
 * not placed: kept), a run that did not finish, a dry run, and a resumed
 * draft whose order was already placed (not shown again). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/form.h"
#include "testutil.h"
#include "util/xalloc.h"
#include "wizard/draft.h"
#include "wizard/session.h"
#include "wizard/wizard.h"

/* The product every case orders. */
#define PRODUCT "ds_org_individual"

/* One case: what the stub front end answers, and what must follow. */
struct run_case {
	const char	*name;
	int		 dry_run;
	int		 resume;	/* start from a draft saved first */
	const char	*draft_attempt;	/* that draft's attempt, or NULL */
	enum wizard_fate settled;	/* what settle says of it */
	int		 run_rc;	/* what the front end's run returns */
	int		 sent;		/* what submit returns */
	struct wizard_sent answer;	/* what submit fills in */
	int		 want_rc;
	const char	*want_calls;	/* r run, s submit, t settle */
	int		 want_draft;	/* a draft file is left */
	const char	*want_attempt;	/* the draft's attempt, or NULL */
};

static const struct run_case cases[] = {
	{ .name = "placed: the draft goes", .sent = 1,
	    .answer = { .status = 0, .fate = WIZARD_PLACED },
	    .want_rc = 0, .want_calls = "rs", .want_draft = 0 },
	{ .name = "unknown: the draft keeps the attempt", .sent = 1,
	    .answer = { .status = 4, .fate = WIZARD_UNKNOWN,
	    .attempt_id = "20261120T120000Z-1" },
	    .want_rc = 4, .want_calls = "rs", .want_draft = 1,
	    .want_attempt = "20261120T120000Z-1" },
	{ .name = "not placed: the draft stays", .sent = 1,
	    .answer = { .status = 3, .fate = WIZARD_NOT_PLACED },
	    .want_rc = 3, .want_calls = "rs", .want_draft = 1 },
	{ .name = "declined: nothing sent, status 0", .sent = 0,
	    .want_rc = 0, .want_calls = "rs", .want_draft = 1 },
	{ .name = "input ended at the question", .sent = -1,
	    .want_rc = 1, .want_calls = "rs", .want_draft = 1 },
	{ .name = "the run did not finish", .run_rc = 1,
	    .want_rc = 1, .want_calls = "r", .want_draft = 0 },
	{ .name = "a dry run submits nothing", .dry_run = 1,
	    .want_rc = 0, .want_calls = "r", .want_draft = 0 },
	{ .name = "a resumed draft already placed", .resume = 1,
	    .draft_attempt = "20261120T110000Z-7", .settled = WIZARD_PLACED,
	    .want_rc = 0, .want_calls = "t", .want_draft = 0 },
	{ .name = "a resumed draft still unknown is shown", .resume = 1,
	    .draft_attempt = "20261120T110000Z-8",
	    .settled = WIZARD_UNKNOWN, .run_rc = 1,
	    .want_rc = 1, .want_calls = "tr", .want_draft = 1,
	    .want_attempt = "20261120T110000Z-8" },
};

/* What the stub front end was given and did. */
struct stub {
	const struct run_case	*c;
	char			 calls[8];
};

/* Notes a call. */
static void
called(struct stub *st, char what)
{
	size_t n = strlen(st->calls);

	if (n + 1 < sizeof st->calls) {
		st->calls[n] = what;
		st->calls[n + 1] = '\0';
	}
}

/* Never asked: every case names its product or draft. */
static int
stub_pick(void *arg, int drafts, char **product, char **draft)
{
	(void)arg;
	(void)drafts;
	(void)product;
	(void)draft;
	fail_msg("pick called");
	return -1;
}

/* Loads the product from the forms under test. */
static struct form *
stub_load_form(void *arg, const char *id)
{
	(void)arg;
	return tu_load_form(id);
}

/* The run: returns what the case says. */
static int
stub_run(void *arg, struct session *s, struct draft *d,
    const struct problems *warn, struct recall *r)
{
	struct stub *st = arg;

	(void)s;
	(void)d;
	(void)warn;
	(void)r;
	called(st, 'r');
	return st->c->run_rc;
}

/* The submission: answers what the case says, naming the draft. */
static int
stub_submit(void *arg, struct session *s, const char *draft,
    struct wizard_sent *sent)
{
	struct stub *st = arg;

	(void)s;
	called(st, 's');
	assert_non_null(draft);		/* saved before, so the attempt names it */
	*sent = st->c->answer;
	if (sent->attempt_id != NULL)
		sent->attempt_id = xstrdup(sent->attempt_id);
	return st->c->sent;
}

/* Settling a resumed draft's attempt: what the case says. */
static enum wizard_fate
stub_settle(void *arg, const char *id, char **order_id)
{
	struct stub *st = arg;

	called(st, 't');
	assert_string_equal(id, st->c->draft_attempt);
	*order_id = xstrdup("100000123");
	return st->c->settled;
}

/* Saves a draft of the product (with an attempt) and returns its path. */
static char *
saved_draft(const char *attempt)
{
	struct form *form = tu_load_form(PRODUCT);
	struct session *s = session_new(form, tu_now());
	struct draft d = { .lockfd = -1 };
	char *cause = NULL, *path;

	if (draft_save(s, &d, NULL, &cause) != 0 ||
	    draft_set_attempt(s, &d, attempt, &cause) != 0)
		fail_msg("draft: %s", cause);
	path = xstrdup(d.path);
	draft_clear(&d);
	session_free(s);
	form_free(form);
	return path;
}

/* The one draft left in the drafts directory (NULL: none); its attempt in
 * *attempt. */
static char *
left_draft(char **attempt)
{
	char **names = NULL, *cause = NULL, *product = NULL, *path = NULL;
	struct draft d = { .lockfd = -1 };
	cJSON *answers = NULL;
	int n = draft_list(&names, &cause);

	*attempt = NULL;
	assert_true(n >= 0 && n <= 1);
	if (n == 1) {
		assert_int_equal(draft_load(names[0], &d, &product, &answers,
		    &cause), 0);
		path = xstrdup(d.path);
		if (d.attempt != NULL)
			*attempt = xstrdup(d.attempt);
		draft_clear(&d);
		free(product);
		cJSON_Delete(answers);
	}
	draft_list_free(names, n);
	return path;
}

/* Runs one case in a state directory of its own. */
static void
run_case(const struct run_case *c)
{
	char *state = tu_mkdtemp(), *draft = NULL, *left, *attempt;
	struct stub st = { .c = c };
	struct wizard_opts o = { .forms_dir = tu_forms_dir(), .now = tu_now(),
	    .command = "certwiz", .dry_run = c->dry_run, .no_recall = 1 };
	struct wizard_front f = { .plain = 1, .arg = &st, .pick = stub_pick,
	    .load_form = stub_load_form, .run = stub_run,
	    .submit = stub_submit, .settle = stub_settle };
	int rc;

	setenv("XDG_STATE_HOME", state, 1);
	if (c->resume) {
		draft = saved_draft(c->draft_attempt);
		o.resume = 1;
		o.draft = draft;
	} else
		o.product = PRODUCT;
	rc = wizard_run(&o, &f);
	if (rc != c->want_rc || strcmp(st.calls, c->want_calls) != 0)
		fail_msg("%s: status %d, calls \"%s\"", c->name, rc,
		    st.calls);
	left = left_draft(&attempt);
	if ((left != NULL) != c->want_draft)
		fail_msg("%s: a draft is %sleft", c->name,
		    left != NULL ? "" : "not ");
	if (c->want_attempt != NULL &&
	    (attempt == NULL || strcmp(attempt, c->want_attempt) != 0))
		fail_msg("%s: attempt %s", c->name, attempt);
	free(left);
	free(attempt);
	free(draft);
	tu_rmdir(state);
}

/* Every case. */
static void
test_runs(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run_case(&cases[i]);
}

/* A draft saved under a name a placed order's draft had is not taken for
 * it: the name is the same, the identity the journal records is not; a
 * loaded draft keeps the identity it was saved with. */
static void
test_draft_ident(void **state)
{
	char *dir = tu_mkdtemp(), *cause = NULL, *first, *second, *again;
	char *product = NULL;
	struct form *form = tu_load_form(PRODUCT);
	struct session *s = session_new(form, tu_now());
	struct draft d = { .lockfd = -1 }, e = { .lockfd = -1 };
	cJSON *answers = NULL;

	(void)state;
	setenv("XDG_STATE_HOME", dir, 1);
	if (draft_save(s, &d, "same.json", &cause) != 0)
		fail_msg("draft: %s", cause);
	first = draft_ident(&d);
	if (draft_remove(&d, &cause) != 0 ||
	    draft_save(s, &d, "same.json", &cause) != 0)
		fail_msg("draft again: %s", cause);
	second = draft_ident(&d);
	assert_non_null(strstr(first, "/same.json#"));
	assert_non_null(strstr(second, "/same.json#"));
	assert_string_not_equal(first, second);
	draft_clear(&d);
	if (draft_load("same", &e, &product, &answers, &cause) != 0)
		fail_msg("load: %s", cause);
	again = draft_ident(&e);
	assert_string_equal(again, second);
	draft_clear(&e);
	cJSON_Delete(answers);
	free(product);
	free(first);
	free(second);
	free(again);
	session_free(s);
	form_free(form);
	tu_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_draft_ident),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
