/* cmd_wizard.c: "certwiz wizard": the order wizard, in curses or plain
 * mode, from scratch, from an order body (--load) or from a draft
 * (--resume). */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "cli/cli.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "plain/plain.h"
#include "tui/tui.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/signals.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/draft.h"
#include "wizard/recall.h"
#include "wizard/result_words.h"
#include "wizard/session.h"
#include "util/i18n.h"

/* What a plain-mode answer line may be besides an answer (--help). */
static const char plain_keys_help[] =
    "In plain mode an answer line may also be: empty (keep the answer in\n"
    "brackets), < or - (back to the previous question), ? (the field's\n"
    "help and why it is asked), ?? (what the look-up finds: organizations,\n"
    "server platforms) or ! (clear an optional answer).\n";

/* What the command line asked for. */
struct wizard_args {
	int		 plain;
	int		 dry_run;
	int		 no_color;
	int		 resume;
	int		 no_recall;	/* start blank, not from recall.json */
	const char	*draft;		/* --resume=DRAFT */
	const char	*output;
	const char	*load;
	const char	*product;
};

/* 1 when the wizard must run in plain mode. */
static int
want_plain(const struct wizard_args *a)
{
	const char *term = getenv("TERM");

	return a->plain || term == NULL || *term == '\0' ||
	    strcmp(term, "dumb") == 0 || !isatty(STDIN_FILENO) ||
	    !isatty(STDOUT_FILENO);
}

/* Parses the wizard's options; -1 usage error, 1 help printed, else 0. */
static int
wizard_options(const struct cli_cmd *cmd, int argc, char **argv,
    struct wizard_args *a)
{
	static const struct option longopts[] = {
		{ "plain", no_argument, NULL, 'p' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "no-color", no_argument, NULL, 'C' },
		{ "output", required_argument, NULL, 'o' },
		{ "load", required_argument, NULL, 'l' },
		{ "resume", optional_argument, NULL, 'r' },
		{ "no-recall", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			a->plain = 1;
			break;
		case 'n':
			a->dry_run = 1;
			break;
		case 'C':
			a->no_color = 1;
			break;
		case 'o':
			a->output = optarg;
			break;
		case 'l':
			a->load = optarg;
			break;
		case 'R':
			a->no_recall = 1;
			break;
		case 'r':
			a->resume = 1;
			a->draft = optarg;
			break;
		case 'h':
			cli_help(cmd);
			printf("%s", plain_keys_help);
			return 1;
		default:
			return -1;
		}
	}
	if (optind < argc)
		a->product = argv[optind++];
	if (optind < argc || (a->resume && (a->load || a->product)))
		return -1;
	return 0;
}

/* Asks for a product on the terminal; NULL when none was chosen. */
static char *
pick_product(const struct cli_ctx *ctx)
{
	char **ids, **titles, *cause = NULL, *id = NULL;
	struct form *form;
	int n, i, k;

	if ((n = form_list_ids(ctx->forms_dir, &ids, &cause)) < 0) {
		cw_warn("%s", cause);
		free(cause);
		return NULL;
	}
	titles = xcalloc((size_t)n + 1, sizeof *titles);
	for (i = 0; i < n; i++) {
		form = form_load(ctx->forms_dir, ids[i], &cause);
		titles[i] = xstrdup(form != NULL ? form_text(form->title) : "");
		form_free(form);
		free(cause);
		cause = NULL;
	}
	k = plain_pick("product", ids, titles, n, stdin, stdout,
	    cw_signal_flag());
	if (k >= 0)
		id = xstrdup(ids[k]);
	form_free_ids(titles, n);
	form_free_ids(ids, n);
	return id;
}

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
choose(const struct cli_ctx *ctx, struct wizard_args *a, int plain,
    char **product, char **draft)
{
	int rc;

	*product = *draft = NULL;
	if (a->resume || a->product != NULL)
		return 0;
	if (plain) {
		if ((*product = pick_product(ctx)) != NULL)
			return 0;
		cw_warn(_("no product chosen"));
		return -1;
	}
	rc = tui_pick(ctx->forms_dir, a->load == NULL, product, draft);
	if (rc == 2)
		return -1;
	if (rc == 1 || rc >= 128)
		return rc;
	if (*draft != NULL) {
		a->resume = 1;
		a->draft = *draft;
	}
	return 0;
}

/* Reads the body or draft to start from into *body (NULL for none). */
static int
start_body(const struct wizard_args *a, struct draft *d, char **product,
    cJSON **body)
{
	char *cause = NULL;

	*body = NULL;
	if (a->resume)
		return open_draft(a->draft, d, product, body);
	if (a->load != NULL &&
	    (*body = fileio_read_json(a->load, &cause)) == NULL) {
		cw_warn("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Loads the form and starts the session the arguments ask for; the loaded
 * body's unknown fields go to *warn. *status gets the exit status when no
 * session is started. */
static struct session *
start(const struct cli_ctx *ctx, struct wizard_args *a, struct draft *d,
    struct form **form, int plain, struct problems *warn, int *status)
{
	struct session *s;
	char *product = NULL, *picked = NULL, *draft = NULL;
	cJSON *body = NULL;
	int rc;

	*status = EXIT_USAGE;
	if ((rc = choose(ctx, a, plain, &picked, &draft)) != 0) {
		*status = rc >= 128 ? rc : rc > 0 ? 1 : EXIT_USAGE;
		return NULL;
	}
	if (start_body(a, d, &product, &body) != 0) {
		free(picked);
		free(draft);
		return NULL;
	}
	*form = cli_load_form(ctx, product != NULL ? product : picked != NULL ?
	    picked : a->product);
	a->draft = NULL;
	free(product);
	free(picked);
	free(draft);
	if (*form == NULL) {
		cJSON_Delete(body);
		return NULL;
	}
	if (plain && a->load != NULL)
		print_load_problems(*form, body, ctx->now);
	if (plain && d->path != NULL)
		printf(_("Resuming the draft %s.\n"), d->path);
	s = body != NULL ? session_load(*form, body, ctx->now, warn) :
	    session_new(*form, ctx->now);
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
recall_start(const struct wizard_args *a, struct session *s,
    struct recall *r, int plain)
{
	char *note;

	if (a->no_recall || a->resume || a->load != NULL ||
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
keep_unplaced(const struct cli_ctx *ctx, struct session *s, struct draft *d)
{
	char *cause = NULL, *hint;

	if (draft_save(s, d, NULL, &cause) != 0) {
		cw_warn(_("the answers were not saved: %s"), cause);
		free(cause);
		return;
	}
	hint = draft_resume_command(d->path, ctx->sandbox_url != NULL, 1);
	cw_warn(_("the answers are kept in %s; continue with: %s"), d->path,
	    hint);
	free(hint);
}

/* Prints what happens next for the order placed (from its body). */
static void
print_next(const struct session *s, const struct api_result *res,
    const char *command)
{
	cJSON *body = session_body(s);
	char *next = result_next_words(s->form, body, res, command);

	printf("%s\n", next);
	free(next);
	json_wipe(body);
	cJSON_Delete(body);
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
after_submit(const struct cli_ctx *ctx, struct session *s, struct draft *d,
    const struct api_result *res)
{
	char *cause = NULL;

	if (res->outcome == API_PLACED || res->outcome == API_DUPLICATE) {
		drop_placed(d);
		return;
	}
	if (res->outcome == API_UNKNOWN && res->attempt_id != NULL &&
	    draft_set_attempt(s, d, res->attempt_id, &cause) != 0) {
		cw_warn(_("the answers were not saved: %s"), cause);
		free(cause);
	}
	keep_unplaced(ctx, s, d);
}

/* Asks whether to submit the complete order in plain mode, and does. The
 * draft is saved first, so the attempt names it. */
static int
submit_plain(const struct cli_ctx *ctx, struct session *s, struct draft *d,
    struct api *api)
{
	struct api_result res = API_RESULT_INIT;
	char *cause = NULL;
	int sent, rc;

	api_set_cancel(api, cw_signal_flag());
	if (draft_save(s, d, NULL, &cause) != 0) {
		cw_warn(_("the answers were not saved: %s"), cause);
		free(cause);
	}
	sent = plain_submit(s, api, d->path, stdin, stdout, cw_signal_flag(),
	    &res);
	if (sent > 0) {
		rc = cli_print_result(&res, 0);
		if (rc == EXIT_OK) {
			print_next(s, &res, ctx->command);
			remember(s);
		}
		after_submit(ctx, s, d, &res);
	} else if (sent == 0) {
		printf(_("Nothing was submitted.\n"));
		keep_unplaced(ctx, s, d);
		rc = EXIT_OK;
	} else {
		cw_warn(_("nothing was submitted"));
		/* Input ended, a signal, or a bad key. */
		keep_unplaced(ctx, s, d);
		rc = cw_signal_caught() != 0 ? 128 + cw_signal_caught() :
		    EXIT_INVALID;
	}
	api_result_free(&res);
	return rc;
}

/* Runs the wizard in plain mode on stdin and stdout (look-ups through an
 * api handle), then submits with it. */
static int
run_plain(const struct cli_ctx *ctx, struct session *s,
    const struct wizard_args *a, struct draft *d)
{
	struct plain_opts o = { .output = a->output, .draft = d,
	    .signo = cw_signal_flag(), .sandbox = ctx->sandbox_url != NULL };
	int rc;

	o.api = cli_api_new(ctx);
	if ((rc = plain_run(s, stdin, stdout, &o)) != 0) {
		api_free(o.api);
		return rc;
	}
	if (a->dry_run) {
		printf(_("Nothing was submitted (dry run).\n"));
		remember(s);
		api_free(o.api);
		return EXIT_OK;
	}
	rc = submit_plain(ctx, s, d, o.api);
	api_free(o.api);
	return rc;
}

/* Runs the curses wizard; it saves drafts to d (a resumed draft's file)
 * and submits (or, with --dry-run, only looks up) through an api handle. */
static int
run_curses(const struct cli_ctx *ctx, struct session *s,
    const struct wizard_args *a, struct draft *d, const struct problems *warn,
    struct recall *r)
{
	struct tui_opts to;
	int rc;

	memset(&to, 0, sizeof to);
	to.no_color = a->no_color;
	to.dry_run = a->dry_run;
	to.api = cli_api_new(ctx);
	to.output = a->output;
	to.draft = d;
	to.loaded = a->load != NULL;
	to.warnings = warn;
	to.recall = r;
	to.sandbox = ctx->sandbox_url != NULL;
	api_set_cancel(to.api, cw_signal_flag());
	rc = tui_run(s, &to);
	api_free(to.api);
	if (rc == EXIT_OK)
		remember(s);
	if (rc == EXIT_OK && !a->dry_run)
		drop_placed(d);
	return rc;
}

/* The journal's attempt named id, settled by a look-up when it is open;
 * its outcome (API_UNKNOWN when the journal does not have it) and, when
 * placed, its order ID in *order_id. */
static enum api_outcome
draft_attempt(const struct cli_ctx *ctx, const char *id, char **order_id)
{
	struct api_attempts a;
	struct api_result res = API_RESULT_INIT;
	enum api_outcome o = API_UNKNOWN;
	struct api *api;
	char *cause = NULL;
	size_t i;

	if (api_attempts_load(&a, &cause) != 0) {
		free(cause);
		return API_UNKNOWN;
	}
	for (i = 0; i < a.n && strcmp(a.v[i].id, id) != 0; i++)
		continue;
	if (i < a.n && api_attempt_open(&a.v[i])) {
		api = cli_api_new(ctx);
		api_set_cancel(api, cw_signal_flag());
		o = api_resolve(api, &a.v[i], &res);
		*order_id = res.order_id != NULL ? xstrdup(res.order_id) : NULL;
		api_result_free(&res);
		api_free(api);
	} else if (i < a.n) {
		o = a.v[i].outcome;
		*order_id = a.v[i].order_id ? xstrdup(a.v[i].order_id) : NULL;
	}
	api_attempts_free(&a);
	return o;
}

/* Before a resumed draft is shown: when an order was sent from it, says
 * what became of it; 1 when it was placed (the draft is then removed and
 * not resumed), else 0. */
static int
resume_settled(const struct cli_ctx *ctx, struct draft *d)
{
	char *order_id = NULL;
	enum api_outcome o;

	if (d->attempt == NULL)
		return 0;
	o = draft_attempt(ctx, d->attempt, &order_id);
	if (o == API_PLACED) {
		printf(_("The order of this draft was already placed as order "
		    "%s; the draft is removed, nothing is sent again.\n"),
		    order_id != NULL ? order_id : "?");
		drop_placed(d);
	} else if (o == API_UNKNOWN)
		cw_warn(_("an order sent from this draft still has an unknown "
		    "outcome; it is looked up again before anything is sent "
		    "('%s resolve')"), ctx->command);
	free(order_id);
	return o == API_PLACED;
}

/* Runs the order wizard. */
static int
cmd_wizard(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_wizard_entry;
	struct wizard_args a;
	struct draft d = { .path = NULL };
	struct problems warn = { NULL, 0 };
	struct recall r = { NULL, 0 };
	struct form *form = NULL;
	struct session *s;
	int rc, plain;

	memset(&a, 0, sizeof a);
	if ((rc = wizard_options(cmd, argc, argv, &a)) != 0)
		return rc > 0 ? EXIT_OK : cli_usage(cmd);
	plain = want_plain(&a);
	cw_signals_catch(0, NULL);
	if ((s = start(ctx, &a, &d, &form, plain, &warn, &rc)) == NULL) {
		draft_clear(&d);
		problems_free(&warn);
		return cw_signal_caught() != 0 ? 128 + cw_signal_caught() : rc;
	}
	if (resume_settled(ctx, &d)) {
		session_free(s);
		form_free(form);
		problems_free(&warn);
		draft_clear(&d);
		return EXIT_OK;
	}
	recall_start(&a, s, &r, plain);
	if (plain)
		rc = run_plain(ctx, s, &a, &d);
	else
		rc = run_curses(ctx, s, &a, &d, &warn, &r);
	recall_free(&r);
	problems_free(&warn);
	session_free(s);
	form_free(form);
	draft_clear(&d);
	return rc;
}

const struct cli_cmd cmd_wizard_entry = {
	.name = "wizard", .exec = cmd_wizard,
	.usage = "wizard [--plain] [--dry-run] [--no-color] [--no-recall] "
	    "[--output FILE] [--load FILE | --resume[=DRAFT]] [PRODUCT]",
	.summary = N_("fill in an order screen by screen (plain prompts with "
	    "--plain): Enter goes to the next field that needs an answer, F5 "
	    "to the next problem, F10 to the review; F4 (plain: ?\?) picks "
	    "organizations, contacts and containers from the account"),
};
