/* cmd_status.c: "certwiz status": what CertCentral says about an order. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "cli/cli.h"
#include "util/diag.h"
#include "util/i18n.h"

/* Parses --json, --platform, --alternative-order-id and -h; returns -1 on
 * a bad option, 1 after help, else 0. */
static int
parse(const struct cli_cmd *cmd, int argc, char **argv, int *json,
    const char **platform, const char **alt)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "platform", required_argument, NULL, 'p' },
		{ "alternative-order-id", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, "hp:", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			*json = 1;
			i18n_untranslated();
			break;
		case 'p':
			*platform = optarg;
			break;
		case 'a':
			*alt = optarg;
			break;
		case 'h':
			cli_help(cmd);
			return 1;
		default:
			return -1;
		}
	}
	return 0;
}

/* 1 when s looks like an order ID: 1 to 18 digits. */
static int
order_id_ok(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= 18 && s[n] == '\0';
}

/* Looks orders up by alternative order ID. */
static int
status_alt(const struct cli_ctx *ctx, const char *platform, const char *alt,
    int json)
{
	struct api_result res = API_RESULT_INIT;
	struct api *api = cli_api_new(ctx);
	int rc;

	api_find_alternate(api, platform, alt, &res);
	rc = cli_print_result(&res, json);
	api_result_free(&res);
	api_free(api);
	return rc;
}

/* Shows an order's information. */
static int
cmd_status(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_status_entry;
	struct api_result res = API_RESULT_INIT;
	const char *platform = NULL, *alt = NULL;
	struct api *api;
	int json = 0, rc;

	if ((rc = parse(cmd, argc, argv, &json, &platform, &alt)) != 0)
		return rc > 0 ? EXIT_OK : cli_usage(cmd);
	if (argc - optind != (alt == NULL) || platform == NULL)
		return cli_usage(cmd);
	if (strcmp(platform, "us") != 0 && strcmp(platform, "eu") != 0) {
		cw_warn(_("--platform must be us or eu, not '%s'"), platform);
		return EXIT_USAGE;
	}
	if (alt != NULL)
		return status_alt(ctx, platform, alt, json);
	if (!order_id_ok(argv[optind])) {
		cw_warn(_("'%.40s' is not an order ID: an order ID is a "
		    "number"),
		    argv[optind]);
		return EXIT_USAGE;
	}
	api = cli_api_new(ctx);
	api_order_info(api, platform, argv[optind], &res);
	rc = cli_print_result(&res, json);
	api_result_free(&res);
	api_free(api);
	return rc;
}

const struct cli_cmd cmd_status_entry = {
	.name = "status", .exec = cmd_status,
	.usage = "status [--json] --platform us|eu "
	    "ORDER_ID | --alternative-order-id ID",
	.summary = N_("show what CertCentral says about an order"),
};
