/* cmd_schema.c: "certwiz schema": a product's order body as a JSON Schema
 * (draft 2020-12), for ajv, editors and other tools. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/form.h"
#include "core/schema.h"
#include "util/i18n.h"

/* Prints one product's JSON Schema. */
static int
cmd_schema(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_schema_entry;
	struct form *form;
	cJSON *schema;
	int json = 0, rc;

	if ((rc = cli_parse_json_opt(cmd, argc, argv, &json)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (argc - optind != 1)
		return cli_usage(cmd);
	if ((form = cli_load_form(ctx, argv[optind])) == NULL)
		return EXIT_USAGE;
	schema = schema_form(form);
	rc = cli_json_print(schema) == 0 ? EXIT_OK : EXIT_NOMEM;
	cJSON_Delete(schema);
	form_free(form);
	return rc;
}

const struct cli_cmd cmd_schema_entry = {
	.name = "schema", .exec = cmd_schema,
	.usage = "schema PRODUCT",
	.summary = N_("print a product's order body as a JSON Schema (draft "
	    "2020-12)"),
};
