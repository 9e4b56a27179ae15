/* api_result.c: outcomes, results as JSON, and releasing results. */
#include "config.h"

#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"

/* Each outcome's name (also its journal event) and exit status. */
static const struct {
	const char	*name;
	int		 exit;
} outcomes[API_NOUTCOMES] = {
	[API_PLACED] = { "placed", 0 },
	[API_REJECTED] = { "rejected", 1 },
	[API_FAILED] = { "failed", 3 },
	[API_UNKNOWN] = { "unknown", 4 },
	[API_NOT_FOUND] = { "not_found", 3 },
	[API_DUPLICATE] = { "duplicate", 5 },
};

/* The exit status of an outcome. */
int
api_outcome_exit(enum api_outcome outcome)
{
	return outcomes[outcome].exit;
}

/* The outcome's name. */
const char *
api_outcome_name(enum api_outcome outcome)
{
	return outcomes[outcome].name;
}

/* The requests and domains as JSON arrays. */
static void
add_lists(cJSON *o, const struct api_result *res)
{
	cJSON *a, *e;
	size_t i;

	a = cJSON_AddArrayToObject(o, "requests");
	for (i = 0; i < res->nrequests; i++) {
		e = cJSON_CreateObject();
		json_add_string_or_null(e, "id", res->requests[i].id);
		json_add_string_or_null(e, "status", res->requests[i].status);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "domains");
	for (i = 0; i < res->ndomains; i++) {
		e = cJSON_CreateObject();
		json_add_string_or_null(e, "id", res->domains[i].id);
		json_add_string_or_null(e, "name", res->domains[i].name);
		json_add_string_or_null(e, "dns_name",
		    res->domains[i].dns_name);
		cJSON_AddItemToArray(a, e);
	}
}

/* The errors and notes as JSON arrays. */
static void
add_errors(cJSON *o, const struct api_result *res)
{
	cJSON *a, *e;
	size_t i;

	a = cJSON_AddArrayToObject(o, "errors");
	for (i = 0; i < res->nerrors; i++) {
		e = cJSON_CreateObject();
		json_add_string_or_null(e, "code", res->errors[i].code);
		json_add_string_or_null(e, "message", res->errors[i].message);
		json_add_string_or_null(e, "path", res->errors[i].path);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "notes");
	for (i = 0; i < res->nnotes; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(res->notes[i]));
}

/* The result as a JSON object. */
cJSON *
api_result_json(const struct api_result *res)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "outcome", api_outcome_name(res->outcome));
	cJSON_AddBoolToObject(o, "found_by_alternative_order_id",
	    res->found_by_alt);
	json_add_string_or_null(o, "platform", res->platform);
	if (res->http_status != 0)
		cJSON_AddNumberToObject(o, "http_status",
		    (double)res->http_status);
	else
		cJSON_AddNullToObject(o, "http_status");
	json_add_string_or_null(o, "message", res->message);
	json_add_string_or_null(o, "order_id", res->order_id);
	json_add_string_or_null(o, "alternative_order_id",
	    res->alternative_order_id);
	json_add_string_or_null(o, "status", res->status);
	json_add_string_or_null(o, "certificate_id", res->certificate_id);
	json_add_string_or_null(o, "organization_id", res->organization_id);
	json_add_string_or_null(o, "attempt", res->attempt_id);
	json_add_string_or_null(o, "placed_time", res->placed_time);
	add_lists(o, res);
	add_errors(o, res);
	if (res->answer != NULL)
		cJSON_AddItemToObject(o, "answer",
		    cJSON_Duplicate(res->answer, 1));
	return o;
}

/* Releases what a result holds. */
void
api_result_free(struct api_result *res)
{
	size_t i;

	for (i = 0; i < res->nrequests; i++) {
		free(res->requests[i].id);
		free(res->requests[i].status);
	}
	for (i = 0; i < res->ndomains; i++) {
		free(res->domains[i].id);
		free(res->domains[i].name);
		free(res->domains[i].dns_name);
	}
	for (i = 0; i < res->nerrors; i++) {
		free(res->errors[i].code);
		free(res->errors[i].message);
		free(res->errors[i].path);
	}
	for (i = 0; i < res->nnotes; i++)
		free(res->notes[i]);
	free(res->requests);
	free(res->domains);
	free(res->errors);
	free(res->notes);
	free(res->message);
	free(res->order_id);
	free(res->alternative_order_id);
	free(res->certificate_id);
	free(res->organization_id);
	free(res->status);
	free(res->attempt_id);
	free(res->placed_time);
	problems_free(&res->problems);
	cJSON_Delete(res->answer);
	memset(res, 0, sizeof *res);
	res->outcome = API_FAILED;
}
