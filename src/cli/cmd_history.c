/* cmd_history.c: "certwiz history": the journal's order attempts and what
 * became of them, read in one pass. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "cli/cli.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/safetext.h"

/* What history calls an attempt's outcome. */
static const char *
outcome_words(const struct api_attempt *at)
{
	if (!at->settled)
		return "unknown (no outcome recorded)";
	return api_outcome_name(at->outcome);
}

/* One attempt as a JSON object. */
static cJSON *
attempt_json(const struct api_attempt *at)
{
	cJSON *s = cJSON_CreateObject();

	json_add_string_or_null(s, "time", at->time);
	json_add_string_or_null(s, "attempt", at->id);
	cJSON_AddStringToObject(s, "outcome", outcome_words(at));
	json_add_string_or_null(s, "product", at->product);
	json_add_string_or_null(s, "platform", at->platform);
	json_add_string_or_null(s, "alternative_order_id", at->alt);
	json_add_string_or_null(s, "order_id", at->order_id);
	json_add_string_or_null(s, "message", at->message);
	json_add_string_or_null(s, "body_hash", at->body_hash);
	json_add_string_or_null(s, "draft", at->draft);
	if (at->http_status != 0)
		cJSON_AddNumberToObject(s, "http_status",
		    (double)at->http_status);
	else
		cJSON_AddNullToObject(s, "http_status");
	safe_json_strings(s);	/* anyone with the account can edit it */
	return s;
}

/* Prints one attempt's row, the journal's text made safe to show. */
static void
print_row(const struct api_attempt *at)
{
	char *t = safe_text(at->time ? at->time : "");
	char *p = safe_text(at->product ? at->product : "?");
	char *o = safe_text(at->order_id ? at->order_id : "-");

	printf("%-20s  %-36s  %-9s  %s\n", t, p, at->settled ?
	    api_outcome_name(at->outcome) : "unknown", o);
	free(t);
	free(p);
	free(o);
}

/* Prints the attempts as a table. */
static void
print_table(const struct api_attempts *a)
{
	size_t i;

	if (a->n == 0) {
		printf(_("no submissions yet\n"));
		return;
	}
	printf("%-20s  %-36s  %-9s  %s\n", "TIME", "PRODUCT", "OUTCOME",
	    "ORDER ID");
	for (i = 0; i < a->n; i++)
		print_row(&a->v[i]);
}

/* Parses history's and resolve's options and reads the attempts. */
int
cli_journal_args(const struct cli_cmd *cmd, int argc, char **argv,
    int *json, struct api_attempts *a)
{
	char *cause = NULL;
	int rc;

	if ((rc = cli_parse_json_opt(cmd, argc, argv, json)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (argc != optind)
		return cli_usage(cmd);
	if (api_attempts_load(a, &cause) != 0) {
		cw_warn("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	return -1;
}

/* Lists the journal's attempts. */
static int
cmd_history(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_history_entry;
	struct api_attempts a = { .n = 0 };
	cJSON *subs;
	size_t i;
	int json = 0, rc;

	(void)ctx;
	if ((rc = cli_journal_args(cmd, argc, argv, &json, &a)) >= 0)
		return rc;
	rc = EXIT_OK;
	if (json) {
		subs = cJSON_CreateArray();
		for (i = 0; i < a.n; i++)
			cJSON_AddItemToArray(subs, attempt_json(&a.v[i]));
		if (cli_json_print(subs) != 0)
			rc = EXIT_NOMEM;	/* said */
		cJSON_Delete(subs);
	} else
		print_table(&a);
	api_attempts_free(&a);
	return rc;
}

const struct cli_cmd cmd_history_entry = {
	.name = "history", .exec = cmd_history,
	.usage = "history [--json]",
	.summary = N_("list the order attempts in the journal and what became "
	    "of them"),
};
