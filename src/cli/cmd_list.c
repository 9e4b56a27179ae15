/* cmd_list.c: "certwiz list": the products, one line each. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/form.h"
#include "core/platform.h"
#include "util/diag.h"
#include "util/i18n.h"

/* Adds one product's entry to the JSON array. */
static void
add_json(cJSON *array, const struct form *form)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", form->id);
	cJSON_AddStringToObject(o, "title", form->title);
	cJSON_AddStringToObject(o, "platform", form->platform);
	cJSON_AddStringToObject(o, "endpoint", form->endpoint);
	cJSON_AddItemToArray(array, o);
}

/* Lists the products in the forms directory. */
static int
cmd_list(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_list_entry;
	struct form *form;
	cJSON *array = cJSON_CreateArray();
	char **ids = NULL;
	int json = 0, n, i, rc;
	char *cause = NULL;

	if ((rc = cli_parse_json_opt(cmd, argc, argv, &json)) != 0) {
		cJSON_Delete(array);
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (optind < argc) {
		cJSON_Delete(array);
		return cli_usage(cmd);
	}
	if ((n = form_list_ids(ctx->forms_dir, &ids, &cause)) < 0) {
		cw_warn("%s", cause);
		free(cause);
		cJSON_Delete(array);
		return EXIT_USAGE;
	}
	for (i = 0, rc = EXIT_OK; i < n; i++) {
		if ((form = cli_load_form(ctx, ids[i])) == NULL) {
			rc = EXIT_USAGE;
			continue;
		}
		if (json)
			add_json(array, form);
		else
			printf("%-38s %-3s %s\n", form->id, form->platform,
			    form_text(form->title));
		form_free(form);
	}
	if (json && cli_json_print(array) != 0)
		rc = EXIT_NOMEM;	/* said */
	cJSON_Delete(array);
	form_free_ids(ids, n);
	return rc;
}

const struct cli_cmd cmd_list_entry = {
	.name = "list", .exec = cmd_list,
	.usage = "list [--json]",
	.summary = N_("list the products certwiz can order"),
};
