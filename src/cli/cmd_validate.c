/* cmd_validate.c: "certwiz validate": check order bodies against a form. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"

/* Prints one file's problems as "FILE: PATH: message" lines. */
static void
print_text(const char *file, const struct problems *p)
{
	size_t i;
	const struct problem *pr;

	for (i = 0; i < p->n; i++) {
		pr = &p->v[i];
		printf("%s: %s%s%s%s\n", file, pr->path, *pr->path ? ": " : "",
		    pr->warning ? _("warning: ") : "", pr->message);
	}
	if (problems_errors(p) == 0)
		printf(_("%s: valid\n"), file);
}

/* Builds one file's JSON report. */
static cJSON *
report_json(const char *file, const struct problems *p)
{
	cJSON *o = cJSON_CreateObject(), *errors, *warnings, *e;
	size_t i;

	cJSON_AddStringToObject(o, "file", file);
	cJSON_AddBoolToObject(o, "valid", problems_errors(p) == 0);
	errors = cJSON_AddArrayToObject(o, "errors");
	warnings = cJSON_AddArrayToObject(o, "warnings");
	for (i = 0; i < p->n; i++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "path", p->v[i].path);
		cJSON_AddStringToObject(e, "message", p->v[i].message);
		cJSON_AddItemToArray(p->v[i].warning ? warnings : errors, e);
	}
	return o;
}

/* Reads and checks one file; returns its exit status. */
static int
validate_file(const struct cli_ctx *ctx, const struct form *form,
    const char *file, int json)
{
	struct problems p = { NULL, 0 };
	char *text, *cause = NULL, *line;
	size_t len;
	cJSON *body, *report;
	int rc;

	if ((text = fileio_read(file, &len, &cause)) == NULL) {
		cw_warn("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if ((body = fileio_parse_json(text, len, &cause)) == NULL) {
		problems_add(&p, 0, "", "%s", cause);
		free(cause);
	} else
		order_check(form, body, ctx->now, &p);
	explicit_bzero(text, len);	/* an order body may hold card data */
	free(text);
	json_wipe_delete(body);
	if (json) {
		report = report_json(file, &p);
		if ((line = json_print(report, 0, &cause)) != NULL)
			puts(line);
		else {
			cw_warn("%s", cause);
			free(cause);
			problems_add(&p, 0, "", "no report");
		}
		free(line);
		cJSON_Delete(report);
	} else
		print_text(file, &p);
	rc = problems_errors(&p) == 0 ? EXIT_OK : EXIT_INVALID;
	problems_free(&p);
	return rc;
}

/* Checks order bodies against a product's form. */
static int
cmd_validate(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_validate_entry;
	struct form *form;
	int json = 0, rc, worst = EXIT_OK, i;

	if ((rc = cli_parse_json_opt(cmd, argc, argv, &json)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (argc - optind < 2)
		return cli_usage(cmd);
	if ((form = cli_load_form(ctx, argv[optind])) == NULL)
		return EXIT_USAGE;
	for (i = optind + 1; i < argc; i++) {
		rc = validate_file(ctx, form, argv[i], json);
		if (rc > worst)
			worst = rc;
	}
	form_free(form);
	return worst;
}

const struct cli_cmd cmd_validate_entry = {
	.name = "validate", .exec = cmd_validate,
	.usage = "validate [--json] PRODUCT FILE...",
	.summary = N_("check order bodies (- reads stdin) against a product's "
	    "rules, CSRs read with libcrypto"),
};
