/* cmd_sandbox.c: "certwiz sandbox": the CertCentral simulator in the
 * foreground, for a training room or for tests, until SIGINT or SIGTERM. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "sandbox/sandbox.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/signals.h"

/* Parses a port number (0 to 65535); -1 when it is not one. */
static int
parse_port(const char *s, unsigned short *port)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > 65535)
		return -1;
	*port = (unsigned short)v;
	return 0;
}

/* Prints the sandbox's faults, one a line, after its usage. */
static void
print_faults(void)
{
	int f;

#ifndef WITH_SANDBOX
	printf("\n%s\n", _("The sandbox is not built in (certwiz was "
	    "configured with --disable-sandbox)."));
	return;
#endif
	printf(_("\nFaults, queued with CERTWIZ_SANDBOX_FAULTS=NAME,... or "
	    "POST /_sandbox/faults\n{\"next\": [NAME, ...]}, one per "
	    "request:\n"));
	for (f = SB_FAULT_500; f < SB_FAULT_COUNT; f++)
		printf("  %-11s %s\n", sandbox_fault_name(f),
		    sandbox_fault_help(f));
}

/* Parses --port N, --log and -h; 1 after help, -1 after a usage error. */
static int
options(const struct cli_cmd *cmd, int argc, char **argv,
    struct sandbox_opts *opts)
{
	static const struct option longopts[] = {
		{ "port", required_argument, NULL, 'p' },
		{ "log", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'p' && parse_port(optarg, &opts->port) != 0) {
			cw_warn(_("bad port '%s': use 0 to 65535"), optarg);
			return -1;
		} else if (c == 'l')
			opts->log = 1;
		else if (c == 'h') {
			cli_help(cmd);
			print_faults();
			return 1;
		} else if (c != 'p')
			return -1;
	}
	return optind < argc ? -1 : 0;
}

/* Waits for SIGINT or SIGTERM, which are blocked outside sigsuspend. */
static void
wait_for_signal(const sigset_t *waitmask)
{
	while (cw_signal_caught() == 0)
		sigsuspend(waitmask);
}

/* Runs the sandbox until SIGINT or SIGTERM. */
static int
cmd_sandbox(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_sandbox_entry;
	struct sandbox_opts opts = { .forms_dir = ctx->forms_dir };
	struct sandbox *sb;
	sigset_t block, old, waitmask;
	char *cause = NULL, *url;
	int rc;

	if ((rc = options(cmd, argc, argv, &opts)) != 0)
		return rc > 0 ? EXIT_OK : cli_usage(cmd);
	cw_signals_catch(CW_SIG_NOHUP, &block);
	sigprocmask(SIG_BLOCK, &block, &old);	/* the server threads too */
	if ((sb = sandbox_start(&opts, &cause)) == NULL) {
		cw_warn(_("sandbox: %s"), cause);
		free(cause);
		sigprocmask(SIG_SETMASK, &old, NULL);
		return EXIT_INVALID;
	}
	url = sandbox_base_url(sb);
	printf(_("certwiz sandbox listening on %s (US key %s, Europe key %s); "
	    "Ctrl-C stops it\n"), url, sandbox_key("us"), sandbox_key("eu"));
	fflush(stdout);
	free(url);
	waitmask = old;
	sigdelset(&waitmask, SIGINT);	/* the signals in block */
	sigdelset(&waitmask, SIGTERM);
	wait_for_signal(&waitmask);
	sandbox_stop(sb);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return EXIT_OK;
}

const struct cli_cmd cmd_sandbox_entry = {
	.name = "sandbox", .exec = cmd_sandbox,
	.usage = "sandbox [--port N] [--log]",
	.summary = N_("run the CertCentral simulator on 127.0.0.1 until "
	    "interrupted"),
};
