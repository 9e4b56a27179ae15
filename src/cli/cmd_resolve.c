/* cmd_resolve.c: "certwiz resolve": settles every order attempt whose
 * outcome is unknown, by the look-ups api_resolve() makes. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "api/api.h"
#include "cli/cli.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Prints one settled attempt as a line of text. */
static void
print_line(const struct api_attempt *at, const struct api_result *res)
{
	printf("%s  %s  %s  %s%s%s\n", at->time != NULL ? at->time : "?",
	    at->product != NULL ? at->product : "?",
	    api_outcome_name(res->outcome), res->order_id != NULL ?
	    res->order_id : "-", res->message != NULL ? "  " : "",
	    res->message != NULL ? res->message : "");
}

/* Settles one attempt; adds it to out (JSON) or prints it. Returns its
 * outcome. */
static enum api_outcome
settle(struct api *api, const struct api_attempt *at, cJSON *out)
{
	struct api_result res = API_RESULT_INIT;
	enum api_outcome o;
	cJSON *j;

	o = api_resolve(api, at, &res);
	if (out != NULL) {
		j = api_result_json(&res);
		cJSON_AddStringToObject(j, "product", at->product != NULL ?
		    at->product : "");
		cJSON_AddStringToObject(j, "sent", at->time != NULL ?
		    at->time : "");
		cJSON_AddItemToArray(out, j);
	} else
		print_line(at, &res);
	api_result_free(&res);
	return o;
}

/* Settles every open attempt of the journal. */
static int
cmd_resolve(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_resolve_entry;
	struct api_attempts a = { .n = 0 };
	struct api *api;
	cJSON *out = NULL;
	size_t i, open = 0, unknown = 0;
	int json = 0, rc;

	if ((rc = cli_journal_args(cmd, argc, argv, &json, &a)) >= 0)
		return rc;
	api = cli_api_new(ctx);
	out = json ? cJSON_CreateArray() : NULL;
	for (i = 0; i < a.n; i++) {
		if (!api_attempt_open(&a.v[i]))
			continue;
		open++;
		if (settle(api, &a.v[i], out) == API_UNKNOWN)
			unknown++;
	}
	rc = unknown > 0 ? EXIT_UNKNOWN : EXIT_OK;
	if (json && cli_json_print(out) != 0)
		rc = EXIT_NOMEM;	/* said */
	else if (!json && open == 0)
		printf(_("no order has an unknown outcome\n"));
	cJSON_Delete(out);
	api_free(api);
	api_attempts_free(&a);
	return rc;
}

const struct cli_cmd cmd_resolve_entry = {
	.name = "resolve", .exec = cmd_resolve,
	.usage = "resolve [--json]",
	.summary = N_("look up every order whose outcome is unknown and settle "
	    "it"),
};
