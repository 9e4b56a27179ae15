/* cmd_wizard.c: "certwiz wizard": parses the wizard's options and runs it
 * (wizard/wizard.h) through its plain or curses front end, set up here. */
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
#include "plain/plain.h"
#include "tui/tui.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/signals.h"
#include "wizard/draft.h"
#include "wizard/result_words.h"
#include "wizard/session.h"
#include "wizard/wizard.h"

/* What a plain-mode answer line may be besides an answer (--help). */
static const char plain_keys_help[] =
    "In plain mode an answer line may also be: empty (keep the answer in\n"
    "brackets), < or - (back to the previous question), ? (the field's\n"
    "help and why it is asked), ?? (what the look-up finds: organizations,\n"
    "server platforms) or ! (clear an optional answer).\n";

/* How the curses wizard is left and resumed (--help). */
static const char curses_keys_help[] =
    N_("In the curses wizard F1 lists the keys and F3 says why a field is\n"
    "asked. Ctrl-Q asks when answers are not saved: s saves a draft and\n"
    "quits, d quits without saving, c or Esc goes back; Ctrl-C saves a\n"
    "draft and quits. On leaving, certwiz says where the answers are (the\n"
    "draft and the command that resumes it) or that they were discarded;\n"
    "a resumed draft opens on the screen and field where it was left.\n");

/* What --copy does (--help). */
static const char copy_help[] =
    N_("--copy ORDER_ID starts a new order from the answers of an order\n"
    "the wizard placed (all but its CSR, card number and CVV), kept in\n"
    "the state directory's placed/ folder: a renewal or replacement\n"
    "for the same holder needs only the new CSR.\n");

/* What the command line asked for: the run's options and the front
 * end's. */
struct wizard_args {
	struct wizard_opts w;
	int		 plain;
	int		 no_color;
	const char	*output;
};

/* What the front ends' calls share. */
struct front {
	const struct cli_ctx	*ctx;
	const struct wizard_args *a;
	struct api		*api;	/* plain: look-ups, then the submit */
	struct plain_in		*in;	/* plain: the answers on stdin */
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
		{ "copy", required_argument, NULL, 'c' },
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
			a->w.dry_run = 1;
			break;
		case 'C':
			a->no_color = 1;
			break;
		case 'o':
			a->output = optarg;
			break;
		case 'l':
			a->w.load = optarg;
			break;
		case 'c':
			a->w.copy = optarg;
			break;
		case 'R':
			a->w.no_recall = 1;
			break;
		case 'r':
			a->w.resume = 1;
			a->w.draft = optarg;
			break;
		case 'h':
			cli_help(cmd);
			printf("%s", plain_keys_help);
			printf("%s", _(curses_keys_help));
			printf("%s", _(copy_help));
			return 1;
		default:
			return -1;
		}
	}
	if (optind < argc)
		a->w.product = argv[optind++];
	if (optind < argc || (a->w.resume && (a->w.load || a->w.product)) ||
	    (a->w.copy && (a->w.resume || a->w.load || a->w.product)))
		return -1;
	return 0;
}

/* Plain mode's product picker on stdin and stdout. */
static int
plain_pick_cb(void *arg, int drafts, char **product, char **draft)
{
	const struct front *fr = arg;

	(void)drafts;
	(void)draft;
	*product = plain_pick_product(fr->ctx->forms_dir, fr->in, stdout,
	    cw_signal_flag());
	if (*product != NULL)
		return 0;
	cw_warn(_("no product chosen"));
	return -1;
}

/* The curses picker of products and drafts. */
static int
tui_pick_cb(void *arg, int drafts, char **product, char **draft)
{
	const struct front *fr = arg;
	int rc = tui_pick(fr->ctx->forms_dir, drafts, product, draft);

	return rc == 2 ? -1 : rc;
}

/* Loads a product's form, saying why it cannot. */
static struct form *
load_form_cb(void *arg, const char *id)
{
	const struct front *fr = arg;

	return cli_load_form(fr->ctx, id);
}

/* Runs plain mode on stdin and stdout, with an api handle for look-ups
 * that the submission uses afterwards. */
static int
plain_run_cb(void *arg, struct session *s, struct draft *d,
    const struct problems *warn, struct recall *r)
{
	struct front *fr = arg;
	struct plain_opts o = { .output = fr->a->output, .draft = d,
	    .signo = cw_signal_flag(),
	    .sandbox = fr->ctx->sandbox_url != NULL,
	    .send = !fr->a->w.dry_run };

	(void)warn;
	(void)r;
	o.api = fr->api = cli_api_new(fr->ctx);
	return plain_run(s, fr->in, stdout, &o);
}

/* What a placed order's draft and recall need to know of its outcome. */
static enum wizard_fate
fate(enum api_outcome o)
{
	if (o == API_PLACED || o == API_DUPLICATE)
		return WIZARD_PLACED;
	return o == API_UNKNOWN ? WIZARD_UNKNOWN : WIZARD_NOT_PLACED;
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

/* Plain mode's question whether to submit, and the submission; prints
 * the result and, when placed, what happens next. */
static int
plain_submit_cb(void *arg, struct session *s, const char *draft,
    struct wizard_sent *sent)
{
	struct front *fr = arg;
	struct api_result res = API_RESULT_INIT;
	int n;

	api_set_cancel(fr->api, cw_signal_flag());
	n = plain_submit(s, fr->api, draft, fr->in, stdout, cw_signal_flag(),
	    &res);
	if (n > 0) {
		sent->status = cli_print_result(&res, 0);
		if (sent->status == EXIT_OK)
			print_next(s, &res, fr->ctx->command);
		sent->fate = fate(res.outcome);
		sent->attempt_id = res.attempt_id;
		res.attempt_id = NULL;
		if (sent->fate == WIZARD_PLACED) {
			sent->order_id = res.order_id;
			res.order_id = NULL;
		}
	}
	api_result_free(&res);
	return n;
}

/* Runs the curses wizard; it saves drafts to d (a resumed draft's file)
 * and submits (or, with --dry-run, only looks up) through an api handle. */
static int
tui_run_cb(void *arg, struct session *s, struct draft *d,
    const struct problems *warn, struct recall *r)
{
	const struct front *fr = arg;
	struct tui_opts to = {
		.no_color = fr->a->no_color, .dry_run = fr->a->w.dry_run,
		.api = cli_api_new(fr->ctx), .output = fr->a->output,
		.draft = d, .loaded = fr->a->w.load != NULL, .warnings = warn,
		.recall = r, .sandbox = fr->ctx->sandbox_url != NULL,
	};
	int rc;

	api_set_cancel(to.api, cw_signal_flag());
	rc = tui_run(s, &to);
	api_free(to.api);
	return rc;
}

/* What became of the journal's attempt id, looked up when open. */
static enum wizard_fate
settle_cb(void *arg, const char *id, char **order_id)
{
	const struct front *fr = arg;
	struct api *api = cli_api_new(fr->ctx);
	enum api_outcome o;

	api_set_cancel(api, cw_signal_flag());
	o = api_attempt_settle(api, id, order_id);
	api_free(api);
	return o == API_PLACED ? WIZARD_PLACED : o == API_UNKNOWN ?
	    WIZARD_UNKNOWN : WIZARD_NOT_PLACED;
}

/* Runs the order wizard. */
static int
cmd_wizard(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_wizard_entry;
	struct wizard_args a = { .w = { .forms_dir = ctx->forms_dir,
	    .now = ctx->now, .command = ctx->command,
	    .sandbox = ctx->sandbox_url != NULL } };
	struct front fr = { .ctx = ctx, .a = &a };
	struct wizard_front f = { .arg = &fr, .pick = tui_pick_cb,
	    .load_form = load_form_cb, .run = tui_run_cb,
	    .settle = settle_cb };
	int rc;

	if ((rc = wizard_options(cmd, argc, argv, &a)) != 0)
		return rc > 0 ? EXIT_OK : cli_usage(cmd);
	if (want_plain(&a)) {
		f.plain = 1;
		f.pick = plain_pick_cb;
		f.run = plain_run_cb;
		f.submit = plain_submit_cb;
		fr.in = plain_in_fd(STDIN_FILENO);
	}
	cw_signals_catch(0, NULL);
	rc = wizard_run(&a.w, &f);
	api_free(fr.api);
	plain_in_free(fr.in);
	return rc;
}

const struct cli_cmd cmd_wizard_entry = {
	.name = "wizard", .exec = cmd_wizard,
	.usage = "wizard [--plain] [--dry-run] [--no-color] [--no-recall] "
	    "[--output FILE] [--load FILE | --resume[=DRAFT] | "
	    "--copy ORDER_ID] [PRODUCT]",
	.summary = N_("fill in an order screen by screen (plain prompts with "
	    "--plain): Enter goes to the next field that needs an answer, F5 "
	    "to the next problem, F10 to the review; F4 (plain: ?\?) picks "
	    "organizations, contacts and containers from the account"),
};
