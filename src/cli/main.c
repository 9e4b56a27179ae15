/* main.c: certwiz's entry point: global options, then one command. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "cli/cli.h"
#include "core/form.h"
#include "sandbox/sandbox.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/statedir.h"
#include "util/today.h"
#include "util/xalloc.h"

/* Prints the full help text on stdout. */
static void
help(void)
{
	const struct cli_cmd *const *c;

	printf(_("usage: certwiz [OPTION]... COMMAND [ARG]...\n"
	    "Place DigiCert CertCentral certificate orders from a terminal.\n\n"
	    "Commands:\n"));
	for (c = cli_cmds; *c != NULL; c++)
		printf("  %-36s %s\n", (*c)->usage, _((*c)->summary));
	printf(_("\nOptions:\n"
	    "      --forms-dir DIR   read form files from DIR\n"
	    "      --plain           run the wizard as plain prompts (answer\n"
	    "                        < back, ? help and why, ?? look-up)\n"
	    "      --resume[=DRAFT]  resume a saved draft (the newest by "
	    "default)\n"
	    "      --sandbox         send orders to a built-in CertCentral "
	    "simulator\n"
	    "      --timeout SECONDS give up on a request after SECONDS "
	    "(default 60)\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n\n"
	    "With no command, certwiz starts the wizard with a product "
	    "picker.\n"
	    "CSRs are read with libcrypto (libssl3), loaded only when a CSR "
	    "is checked;\nwithout it only their PEM frame is checked.\n"
	    "Exit status: 0 success, 1 an order is not valid (or was "
	    "refused), 2 usage\nerror, 3 the order was not placed, 4 its "
	    "outcome is unknown ('certwiz resolve'),\n5 it was placed before "
	    "and nothing was sent, 70 out of memory.\n"
	    "Card numbers, security codes and keys are read without echo; "
	    "certwiz runs\nwith core dumps off (CERTWIZ_DEBUG_CORE=1 turns "
	    "them on, for developers).\n"
	    "See certwiz(1) for everything else.\n"));
}

/* Works out "today"; -1 after saying why $CERTWIZ_TODAY is wrong. */
static int
main_today(time_t *now)
{
	char *cause = NULL;

	if (cw_today(now, NULL, &cause) == 0)
		return 0;
	cw_warn("%s", cause);
	free(cause);
	return -1;
}

/* What the global options ask for besides a command. */
struct global {
	const char	*forms_dir;
	int		 plain;		/* --plain: the wizard in plain mode */
	int		 resume;	/* --resume[=DRAFT] */
	const char	*draft;
	int		 sandbox;	/* --sandbox */
	long		 timeout;	/* --timeout SECONDS, or 0 */
};

/* Parses --timeout's argument: 1 to 86400 seconds; -1 when bad. */
static long
parse_timeout(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 1 || n > 86400) {
		cw_warn(_("--timeout takes 1 to 86400 seconds, not '%s'"), s);
		return -1;
	}
	return n;
}

/* Parses the global options; returns the index of the command, or -1/-2. */
static int
global_options(int argc, char **argv, struct global *g)
{
	static const struct option longopts[] = {
		{ "forms-dir", required_argument, NULL, 'F' },
		{ "plain", no_argument, NULL, 'P' },
		{ "resume", optional_argument, NULL, 'R' },
		{ "sandbox", no_argument, NULL, 'S' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'F':
			g->forms_dir = optarg;
			break;
		case 'P':
			g->plain = 1;
			break;
		case 'R':
			g->resume = 1;
			g->draft = optarg;
			break;
		case 'S':
#ifndef WITH_SANDBOX
			fprintf(stderr, _("certwiz: --sandbox: the sandbox is "
			    "not built in (certwiz was configured with "
			    "--disable-sandbox)\n"));
			return -2;
#endif
			g->sandbox = 1;
			break;
		case 'T':
			if ((g->timeout = parse_timeout(optarg)) < 0)
				return -2;
			break;
		case 'h':
			help();
			return -1;
		case 'V':
			printf(_("certwiz %s\n"), PACKAGE_VERSION);
			return -1;
		default:
			fprintf(stderr, _("Try 'certwiz --help' for more "
			    "information.\n"));
			return -2;
		}
	}
	return optind;
}

/* 1 when a bare "certwiz" cannot hold a conversation: the keyboard is a
 * terminal but the output goes elsewhere. */
static int
no_conversation(const struct global *g)
{
	return !g->plain && !g->resume && isatty(STDIN_FILENO) &&
	    !isatty(STDOUT_FILENO);
}

/* Starts the wizard for "certwiz" with no command or with --resume. */
static int
start_wizard(const struct cli_ctx *ctx, const struct global *g)
{
	char *argv[4], *resume = NULL;
	int argc = 0, rc;

	argv[argc++] = (char *)"wizard";
	if (g->plain)
		argv[argc++] = (char *)"--plain";
	if (g->resume) {
		resume = g->draft != NULL ? xasprintf("--resume=%s", g->draft) :
		    xstrdup("--resume");
		argv[argc++] = resume;
	}
	argv[argc] = NULL;
	rc = cmd_wizard_entry.exec(ctx, argc, argv);
	free(resume);
	return rc;
}

/* The first order ID for the embedded sandbox: after every order ID its
 * journal holds, so a sandbox started again never hands out an ID an
 * earlier run's order had (look-ups tell orders apart by ID). */
static long long
sandbox_first_order(void)
{
	struct api_attempts a;
	char *cause = NULL;
	long long first = 100000001, id;
	size_t i;

	if (api_attempts_load(&a, &cause) != 0) {
		free(cause);
		return first;
	}
	for (i = 0; i < a.n; i++) {
		id = a.v[i].order_id != NULL ? atoll(a.v[i].order_id) : 0;
		if (id >= first && id < 999999999999999LL)
			first = id + 1;
	}
	api_attempts_free(&a);
	return first;
}

/* With --sandbox, starts the simulator and points ctx at it; -1 on failure. */
static int
start_sandbox(struct cli_ctx *ctx, const struct global *g,
    struct sandbox **sb, char **url)
{
	struct sandbox_opts opts = { .forms_dir = ctx->forms_dir };
	char *cause = NULL, *state;

	*sb = NULL;
	*url = NULL;
	ctx->timeout = g->timeout;
	if (!g->sandbox)
		return 0;
	state = statedir_path("sandbox");
	setenv("CERTWIZ_STATE_DIR", state, 1);	/* its own journal, drafts */
	free(state);
	opts.first_order = sandbox_first_order();
	if ((*sb = sandbox_start(&opts, &cause)) == NULL) {
		cw_warn(_("the sandbox did not start: %s"), cause);
		free(cause);
		return -1;
	}
	ctx->sandbox_url = *url = sandbox_base_url(*sb);
	ctx->command = "certwiz --sandbox";
	cw_warn(_("SANDBOX: orders go to the simulator built into certwiz; "
	    "nothing reaches DigiCert"));
	return 0;
}

/* Stops what start_sandbox() started. */
static void
stop_sandbox(struct sandbox *sb, char *url)
{
	if (sb != NULL)
		sandbox_stop(sb);
	free(url);
}

/* Runs the command named on the command line. */
int
main(int argc, char **argv)
{
	const struct cli_cmd *cmd;
	struct cli_ctx ctx = { .command = "certwiz" };
	struct global g = { .forms_dir = NULL };
	struct sandbox *sb;
	char *forms_dir, *url;
	char *cause = NULL;
	int first, rc;

	i18n_init();
	secmem_init();
	if (secmem_no_dumps(&cause) != 0) {
		fprintf(stderr, "certwiz: %s\n", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if ((first = global_options(argc, argv, &g)) < 0)
		return first == -1 ? EXIT_OK : EXIT_USAGE;
	if (main_today(&ctx.now) != 0)
		return EXIT_USAGE;
	if (g.resume && g.draft == NULL && first < argc &&
	    cli_find(argv[first]) == NULL)
		g.draft = argv[first++];
	if (first >= argc && no_conversation(&g)) {
		fprintf(stderr,
		    _("usage: certwiz [OPTION]... COMMAND [ARG]...\n"
		    "Try 'certwiz --help' for the commands, or 'certwiz list' "
		    "for the products.\n"));
		return EXIT_USAGE;
	}
	if (first >= argc || g.resume) {
		if (first < argc) {
			cw_warn(_("--resume takes no command"));
			return EXIT_USAGE;
		}
		ctx.forms_dir = forms_dir = form_default_dir(g.forms_dir);
		rc = start_sandbox(&ctx, &g, &sb, &url) != 0 ? EXIT_FAILED :
		    start_wizard(&ctx, &g);
		stop_sandbox(sb, url);
		free(forms_dir);
		return rc;
	}
	if ((cmd = cli_find(argv[first])) == NULL) {
		cw_warn(_("unknown command '%s'\nTry 'certwiz --help' for the "
		    "commands."), argv[first]);
		return EXIT_USAGE;
	}
	ctx.forms_dir = forms_dir = form_default_dir(g.forms_dir);
	rc = start_sandbox(&ctx, &g, &sb, &url) != 0 ? EXIT_FAILED :
	    cmd->exec(&ctx, argc - first, argv + first);
	stop_sandbox(sb, url);
	free(forms_dir);
	return rc;
}
