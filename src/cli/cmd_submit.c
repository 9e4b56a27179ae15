/* cmd_submit.c: "certwiz submit": check an order body, then place it. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "api/api.h"
#include "cli/cli.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "sandbox/sandbox.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/signals.h"
#include "util/xalloc.h"

/* Prints a note from the api module as it happens. */
static void
notify(const char *message, void *arg)
{
	(void)arg;
	cw_warn("%s", message);
}

/* An api handle set up from the global options. */
struct api *
cli_api_new(const struct cli_ctx *ctx)
{
	struct api_opts opts = { 0 };

	opts.timeout = ctx->timeout;
	opts.notify = notify;
	opts.command = ctx->command;
	if (ctx->sandbox_url != NULL) {
		opts.base_url_us = opts.base_url_eu = ctx->sandbox_url;
		opts.key_us = sandbox_key("us");
		opts.key_eu = sandbox_key("eu");
	}
	return api_new(&opts);
}

/* Prints the problems of a body that failed the local check; the exit
 * status (EXIT_NOMEM when the JSON could not be printed). */
static int
print_invalid(const char *file, const struct problems *p, int json)
{
	cJSON *o, *errors, *e;
	size_t i;
	int rc = EXIT_INVALID;

	if (json) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "outcome", "invalid");
		cJSON_AddStringToObject(o, "file", file);
		errors = cJSON_AddArrayToObject(o, "errors");
		for (i = 0; i < p->n; i++) {
			e = cJSON_CreateObject();
			cJSON_AddStringToObject(e, "path", p->v[i].path);
			cJSON_AddStringToObject(e, "message", p->v[i].message);
			cJSON_AddBoolToObject(e, "warning", p->v[i].warning);
			cJSON_AddItemToArray(errors, e);
		}
		if (cli_json_print(o) != 0)
			rc = EXIT_NOMEM;	/* said */
		cJSON_Delete(o);
	} else {
		for (i = 0; i < p->n; i++)
			printf("%s: %s%s%s%s\n", file, p->v[i].path,
			    *p->v[i].path ? ": " : "",
			    p->v[i].warning ? _("warning: ") : "",
			    p->v[i].message);
	}
	return rc;
}

/* Prints the warnings of a valid body to stderr. */
static void
print_warnings(const char *file, const struct problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		cw_warn(_("%s: %s%swarning: %s"), file, p->v[i].path,
		    *p->v[i].path ? ": " : "", p->v[i].message);
}

/* Reads, parses and checks a body; NULL (after printing why) when it is
 * not a valid order. *rc is the exit status then. */
static cJSON *
read_body(const struct cli_ctx *ctx, const struct form *form,
    const char *file, int json, int *rc)
{
	struct problems p = { NULL, 0 };
	char *cause = NULL;
	cJSON *body;

	if ((body = fileio_read_json(file, &cause)) == NULL) {
		cw_warn(_("%s; nothing was sent"), cause);
		free(cause);
		*rc = EXIT_USAGE;
		return NULL;
	}
	order_check(form, body, ctx->now, &p);
	if (problems_errors(&p) == 0)
		print_warnings(file, &p);
	else {
		*rc = print_invalid(file, &p, json);
		cw_warn(_("%s is not a valid %s order; nothing was sent"), file,
		    form->id);
		json_wipe_delete(body);
		body = NULL;
	}
	problems_free(&p);
	return body;
}

/* Prints what came back, as text. */
static void
print_result(const struct api_result *res)
{
	size_t i;

	if (res->outcome != API_PLACED && res->outcome != API_REJECTED)
		cw_warn("%s", res->message);
	else
		printf("%s\n", res->message);
	if (res->order_id != NULL)
		printf(_("order ID: %s\n"), res->order_id);
	if (res->alternative_order_id != NULL)
		printf(_("alternative order ID: %s\n"),
		    res->alternative_order_id);
	for (i = 0; i < res->nrequests; i++)
		printf(_("request %s: %s\n"), res->requests[i].id ?
		    res->requests[i].id : "?", res->requests[i].status ?
		    res->requests[i].status : "?");
	if (res->status != NULL)
		printf(_("status: %s\n"), res->status);
	if (res->certificate_id != NULL)
		printf(_("certificate ID: %s\n"), res->certificate_id);
	if (res->organization_id != NULL)
		printf(_("organization ID: %s\n"), res->organization_id);
	for (i = 0; i < res->ndomains; i++)
		printf(_("domain %s: %s (%s)\n"), res->domains[i].id ?
		    res->domains[i].id : "?", res->domains[i].name ?
		    res->domains[i].name : "?", res->domains[i].dns_name ?
		    res->domains[i].dns_name : "?");
	for (i = 0; i < res->problems.n; i++)
		printf("%s%s%s\n", res->problems.v[i].path,
		    *res->problems.v[i].path ? ": " : "",
		    res->problems.v[i].message);
}

/* Prints a result as text or JSON and returns its exit status. */
int
cli_print_result(const struct api_result *res, int json)
{
	int rc = api_outcome_exit(res->outcome);
	cJSON *o;

	if (json) {
		o = api_result_json(res);
		if (cli_json_print(o) != 0)
			rc = EXIT_NOMEM;	/* said */
		cJSON_Delete(o);
		if (res->outcome != API_PLACED)
			cw_warn("%s", res->message);
	} else
		print_result(res);
	return rc;
}

/* Builds the body from the checked file and places the order. */
static int
submit(const struct cli_ctx *ctx, const struct form *form, cJSON *file_body,
    int json, int again)
{
	struct problems p = { NULL, 0 };
	struct api_result res = API_RESULT_INIT;
	struct api *api;
	cJSON *answers, *body;
	volatile sig_atomic_t *signo;
	int rc;

	answers = order_load(form, file_body, &p);
	problems_free(&p);
	body = order_build(form, answers);
	json_wipe_delete(answers);
	api = cli_api_new(ctx);
	if (again)
		api_allow_again(api);
	/* A signal waits until the outcome is journaled and printed; it
	 * also ends the look-ups after an unknown outcome early. */
	cw_signals_catch(0, NULL);
	signo = cw_signal_flag();
	api_set_cancel(api, signo);
	api_submit(api, form, body, NULL, &res);
	json_wipe_delete(body);		/* card data goes once it is sent */
	rc = cli_print_result(&res, json);
	if (*signo != 0)
		rc = 128 + *signo;
	api_result_free(&res);
	api_free(api);
	return rc;
}

/* Parses --json, --again and -h; -1 on a bad option, 1 after help. */
static int
parse(const struct cli_cmd *cmd, int argc, char **argv, int *json,
    int *again)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "again", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'j') {
			*json = 1;
			i18n_untranslated();
		} else if (c == 'a')
			*again = 1;
		else if (c == 'h') {
			cli_help(cmd);
			return 1;
		} else
			return -1;
	}
	return 0;
}

/* Checks an order body and places the order. */
static int
cmd_submit(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_submit_entry;
	struct form *form;
	cJSON *body;
	int json = 0, again = 0, rc;

	if ((rc = parse(cmd, argc, argv, &json, &again)) != 0)
		return rc > 0 ? EXIT_OK : cli_usage(cmd);
	if (argc - optind != 2)
		return cli_usage(cmd);
	if ((form = cli_load_form(ctx, argv[optind])) == NULL)
		return EXIT_USAGE;
	body = read_body(ctx, form, argv[optind + 1], json, &rc);
	if (body != NULL) {
		rc = submit(ctx, form, body, json, again);
		json_wipe_delete(body);
	}
	form_free(form);
	return rc;
}

const struct cli_cmd cmd_submit_entry = {
	.name = "submit", .exec = cmd_submit,
	.usage = "submit [--json] [--again] PRODUCT FILE",
	.summary = N_("check an order body (- reads stdin) and place the order "
	    "once"),
};
