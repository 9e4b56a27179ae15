/* cmd_history.c: "certwiz history": the journal's submissions. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "util/i18n.h"

/* A string member of a journal line, or dflt. */
static const char *
member(const cJSON *o, const char *name, const char *dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : dflt;
}

/* The submission a "sent" line starts: its outcome line pairs with it by
 * submission id; the latest pair wins. */
static const cJSON *
outcome_of(const cJSON *lines, const cJSON *sent)
{
	const char *id = member(sent, "submission", NULL);
	const cJSON *o, *found = NULL;

	if (id == NULL)
		return NULL;
	cJSON_ArrayForEach(o, lines) {
		if (o != sent && strcmp(member(o, "event", ""), "sent") != 0 &&
		    strcmp(member(o, "submission", ""), id) == 0)
			found = o;
	}
	return found;
}

/* One submission as a JSON object. */
static cJSON *
submission_json(const cJSON *sent, const cJSON *done)
{
	cJSON *s = cJSON_CreateObject();
	const cJSON *from = done != NULL ? done : sent;
	const char *names[] = { "product", "platform", "alternative_order_id",
	    "order_id", "message" };
	size_t i;

	cJSON_AddStringToObject(s, "time", member(sent, "time", ""));
	cJSON_AddStringToObject(s, "outcome", done != NULL ?
	    member(done, "event", "unknown") : _("sent (no outcome recorded)"));
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (member(from, names[i], NULL) != NULL)
			cJSON_AddStringToObject(s, names[i],
			    member(from, names[i], NULL));
		else
			cJSON_AddNullToObject(s, names[i]);
	}
	cJSON_AddItemToObject(s, "http_status", cJSON_Duplicate(
	    cJSON_GetObjectItemCaseSensitive(from, "http_status"), 1));
	return s;
}

/* Pairs the journal's lines into submissions. */
static cJSON *
submissions(const cJSON *lines)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *o;

	cJSON_ArrayForEach(o, lines) {
		if (strcmp(member(o, "event", ""), "sent") == 0)
			cJSON_AddItemToArray(out, submission_json(o,
			    outcome_of(lines, o)));
	}
	return out;
}

/* Prints the submissions as a table. */
static void
print_table(const cJSON *subs)
{
	const cJSON *s;

	if (cJSON_GetArraySize(subs) == 0) {
		printf(_("no submissions yet\n"));
		return;
	}
	printf("%-20s  %-36s  %-8s  %s\n", "TIME", "PRODUCT", "OUTCOME",
	    "ORDER ID");
	cJSON_ArrayForEach(s, subs)
		printf("%-20s  %-36s  %-8s  %s\n", member(s, "time", ""),
		    member(s, "product", "?"), member(s, "outcome", "?"),
		    member(s, "order_id", "-"));
}

/* Lists the journal's submissions. */
int
cmd_history(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("history");
	cJSON *lines, *subs;
	char *cause = NULL;
	int json = 0, rc;

	(void)ctx;
	if ((rc = cli_parse_json_opt(cmd, argc, argv, &json)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (argc != optind)
		return cli_usage(cmd);
	if ((lines = api_journal_read(&cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	subs = submissions(lines);
	if (json)
		cli_json_print(subs);
	else
		print_table(subs);
	cJSON_Delete(subs);
	cJSON_Delete(lines);
	return EXIT_OK;
}
