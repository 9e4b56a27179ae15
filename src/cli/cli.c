/* cli.c: the command table and what every command shares. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/form.h"
#include "util/xalloc.h"
#include "util/i18n.h"

const struct cli_cmd cli_cmds[] = {
	{ "list", "list [--json]",
	  N_("list the products certwiz can order"), cmd_list },
	{ "describe", "describe [--json] PRODUCT",
	  N_("show every field of a product's order and when it is required"),
	  cmd_describe },
	{ "schema", "schema PRODUCT",
	  N_("print a product's order body as a JSON Schema (draft 2020-12)"),
	  cmd_schema },
	{ "validate", "validate [--json] PRODUCT FILE...",
	  N_("check order bodies (- reads stdin) against a product's rules, "
	  "CSRs read with libcrypto"),
	  cmd_validate },
	{ "wizard", "wizard [--plain] [--dry-run] [--no-color] [--no-recall] "
	  "[--output FILE] [--load FILE | --resume[=DRAFT]] [PRODUCT]",
	  N_("fill in an order screen by screen (plain prompts with --plain); "
	  "F4 (plain: ?\?) picks organizations, contacts and containers from "
	  "the account"),

	  cmd_wizard },
	{ "sandbox", "sandbox [--port N] [--log]",
	  N_("run the CertCentral simulator on 127.0.0.1 until interrupted"),
	  cmd_sandbox },
	{ "submit", "submit [--json] [--again] PRODUCT FILE",
	  N_("check an order body (- reads stdin) and place the order once"),
	  cmd_submit },
	{ "status", "status [--json] --platform us|eu "
	  "ORDER_ID | --alternative-order-id ID",
	  N_("show what CertCentral says about an order"), cmd_status },
	{ "resolve", "resolve [--json]",
	  N_("look up every order whose outcome is unknown and settle it"),
	  cmd_resolve },
	{ "history", "history [--json]",
	  N_("list the order attempts in the journal and what became of them"),

	  cmd_history },
	{ NULL, NULL, NULL, NULL }
};

/* Prints "certwiz: message" to stderr. */
void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs(_("certwiz: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Finds a command by name. */
const struct cli_cmd *
cli_find(const char *name)
{
	const struct cli_cmd *c;

	for (c = cli_cmds; c->name != NULL; c++) {
		if (strcmp(c->name, name) == 0)
			return c;
	}
	return NULL;
}

/* Prints a command's usage to stderr. */
int
cli_usage(const struct cli_cmd *cmd)
{
	fprintf(stderr, _("usage: certwiz %s\n"), cmd->usage);
	fprintf(stderr, _("Try 'certwiz --help' for more information.\n"));
	return EXIT_USAGE;
}

/* Prints a command's usage and summary on stdout. */
void
cli_help(const struct cli_cmd *cmd)
{
	printf(_("usage: certwiz %s\n%s.\n"), cmd->usage, _(cmd->summary));
}

/* Readies getopt_long() for a command's own arguments: optind 0 makes
 * glibc start afresh, since main scanned in "+" order and commands let
 * options follow their arguments (GNU style). */
void
cli_getopt_reset(void)
{
	optind = 0;
	opterr = 1;
}

/* Parses --json and -h for a command. */
int
cli_parse_json_opt(const struct cli_cmd *cmd, int argc, char **argv, int *json)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			*json = 1;
			i18n_untranslated();
			break;
		case 'h':
			cli_help(cmd);
			return 1;
		default:
			cli_usage(cmd);
			return -1;
		}
	}
	return 0;
}

/* Loads a product's form, saying why it failed. */
struct form *
cli_load_form(const struct cli_ctx *ctx, const char *id)
{
	struct form *form;
	struct stat sb;
	char *cause = NULL, *path;

	path = xasprintf("%s/%s.json", ctx->forms_dir, id);
	if (strchr(id, '/') != NULL || stat(path, &sb) != 0) {
		cli_error(_("unknown product '%s' (forms in %s); 'certwiz "
		    "list' "
		    "shows the products"), id, ctx->forms_dir);
		free(path);
		return NULL;
	}
	free(path);
	if ((form = form_load(ctx->forms_dir, id, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
	}
	return form;
}

/* Prints a JSON value pretty on stdout. */
void
cli_json_print(const cJSON *json)
{
	char *text = cJSON_Print(json);

	if (text != NULL)
		puts(text);
	free(text);
}
