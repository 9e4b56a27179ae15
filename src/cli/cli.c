/* cli.c: the command table and what every command shares. */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/form.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"

/* The commands in the order --help lists them; each file owns its entry. */
const struct cli_cmd *const cli_cmds[] = {
	&cmd_list_entry, &cmd_describe_entry, &cmd_schema_entry,
	&cmd_validate_entry, &cmd_wizard_entry, &cmd_sandbox_entry,
	&cmd_submit_entry, &cmd_status_entry, &cmd_resolve_entry,
	&cmd_history_entry, NULL
};

/* Finds a command by name. */
const struct cli_cmd *
cli_find(const char *name)
{
	const struct cli_cmd *const *c;

	for (c = cli_cmds; *c != NULL; c++) {
		if (strcmp((*c)->name, name) == 0)
			return *c;
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

/* Readies getopt_long() for a command's own arguments. */
void
cli_getopt_reset(void)
{
	/* 0 makes glibc start afresh: main scanned in "+" order, and commands
	 * let options follow their arguments (GNU style). */
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
		cw_warn(_("unknown product '%s' (forms in %s); 'certwiz list' "
		    "shows the products"), id, ctx->forms_dir);
		free(path);
		return NULL;
	}
	free(path);
	if ((form = form_load(ctx->forms_dir, id, &cause)) == NULL) {
		cw_warn("%s", cause);
		free(cause);
	}
	return form;
}

/* Prints a JSON value pretty on stdout. */
int
cli_json_print(const cJSON *json)
{
	char *cause = NULL, *text = json_print(json, 1, &cause);

	if (text == NULL) {
		cw_warn("%s", cause);
		free(cause);
		return -1;
	}
	puts(text);
	free(text);
	return 0;
}
