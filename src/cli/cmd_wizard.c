/* cmd_wizard.c: "certwiz wizard": the order wizard, in curses or plain
 * mode, from scratch, from an order body (--load) or from a draft
 * (--resume). */
#include "cli/cli.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "plain/plain.h"
#include "tui/tui.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include "wizard/draft.h"
#include "wizard/recall.h"
#include "wizard/session.h"
#include "util/i18n.h"

/* The signal that asked plain mode to stop, or 0. */
static volatile sig_atomic_t wizard_signo;

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

/* Records a signal for the plain loop; nothing else is safe here. */
static void
wizard_on_signal(int sig)
{
	wizard_signo = sig;
}

/* Catches SIGHUP, SIGINT and SIGTERM without restarting reads. */
static void
wizard_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = wizard_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

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
		cli_error("%s", cause);
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
	    &wizard_signo);
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
			cli_error("%s",
			    n < 0 ? cause : _("no drafts to resume"));
			free(cause);
			draft_list_free(names, n);
			return -1;
		}
		what = names[0];
	}
	rc = draft_load(what, product, answers, &d->path, &cause);
	if (rc != 0) {
		cli_error("%s", cause);
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
		cli_error(_("no product chosen"));
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
		cli_error("%s", cause);
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
		cli_error(_("the answers were not remembered: %s"), cause);
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
 * with card data), so a failed submission loses nothing. */
static void
keep_unplaced(struct session *s, struct draft *d)
{
	char *cause = NULL;

	if (draft_save(s, d, NULL, &cause) != 0) {
		cli_error(_("the answers were not saved: %s"), cause);
		free(cause);
		return;
	}
	cli_error(_("the answers are kept in %s; 'certwiz --resume %s' "
	    "continues"), d->path, d->path);
}

/* Asks whether to submit the complete order in plain mode, and does. */
static int
submit_plain(const struct cli_ctx *ctx, struct session *s, struct draft *d)
{
	struct api_result res = API_RESULT_INIT;
	struct api *api = cli_api_new(ctx);
	int sent, rc;

	sent = plain_submit(s, api, stdin, stdout, &wizard_signo, &res);
	if (sent > 0) {
		rc = cli_print_result(&res, 0);
		if (rc == EXIT_OK)
			remember(s);
		else
			keep_unplaced(s, d);
	} else if (sent == 0) {
		printf(_("Nothing was submitted.\n"));
		keep_unplaced(s, d);
		rc = EXIT_OK;
	} else {
		cli_error(_("nothing was submitted"));
		keep_unplaced(s, d);	/* input ended, a signal, a bad key */
		rc = wizard_signo != 0 ? 128 + wizard_signo : EXIT_INVALID;
	}
	api_result_free(&res);
	api_free(api);
	return rc;
}

/* Runs the wizard in plain mode on stdin and stdout, then submits. */
static int
run_plain(const struct cli_ctx *ctx, struct session *s,
    const struct wizard_args *a, struct draft *d)
{
	struct plain_opts o = { a->output, d, &wizard_signo };
	int rc;

	if ((rc = plain_run(s, stdin, stdout, &o)) != 0)
		return rc;
	if (a->dry_run) {
		printf(_("Nothing was submitted (dry run).\n"));
		remember(s);
		return EXIT_OK;
	}
	return submit_plain(ctx, s, d);
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
	rc = tui_run(s, &to);
	api_free(to.api);
	if (rc == EXIT_OK)
		remember(s);
	return rc;
}

/* Runs the order wizard. */
int
cmd_wizard(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("wizard");
	struct wizard_args a;
	struct draft d = { NULL };
	struct problems warn = { NULL, 0 };
	struct recall r = { NULL, 0 };
	struct form *form = NULL;
	struct session *s;
	int rc, plain;

	memset(&a, 0, sizeof a);
	if ((rc = wizard_options(cmd, argc, argv, &a)) != 0)
		return rc > 0 ? EXIT_OK : cli_usage(cmd);
	plain = want_plain(&a);
	wizard_signo = 0;
	wizard_signals();
	if ((s = start(ctx, &a, &d, &form, plain, &warn, &rc)) == NULL) {
		draft_clear(&d);
		problems_free(&warn);
		return wizard_signo != 0 ? 128 + wizard_signo : rc;
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
