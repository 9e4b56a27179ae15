/* sandbox_orgs.c: GET organization: three organizations per account. */
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "sandbox/sandbox_int.h"

/* One organization of an account. */
struct sb_org {
	const char	*platform;
	long		 id;
	const char	*name;
	const char	*address;
	const char	*city;
	const char	*state;
	const char	*zip;
	const char	*country;
	const char	*telephone;
	long		 container;
	const char	*container_name;
};

static const struct sb_org orgs[] = {
	{ "us", 123456, "Example Corp", "2801 N Thanksgiving Way", "Lehi",
	  "ut", "84043", "us", "+1 801-701-9600", 679393, "Example Corp" },
	{ "us", 123457, "Example Labs Inc.", "100 Main Street", "Boston",
	  "ma", "02110", "us", "+1 617-555-0100", 679394, "Labs" },
	{ "us", 123458, "Exemple Canada Ltée", "1 Rue Sainte-Catherine",
	  "Montréal", "qc", "H2X 1Z4", "ca", "+1 514-555-0100", 679395,
	  "Canada" },
	{ "eu", 2042709, "Voorbeeld B.V.", "Herengracht 1", "Amsterdam",
	  "", "1015 BA", "nl", "+31 20 555 0100", 679393, "Voorbeeld" },
	{ "eu", 2042710, "Beispiel GmbH", "Hauptstraße 5", "Berlin", "",
	  "10115", "de", "+49 30 5550100", 679396, "Beispiel" },
	{ "eu", 2042711, "Exemple SAS", "10 Rue de Rivoli", "Paris", "",
	  "75001", "fr", "+33 1 55 50 01 00", 679397, "Exemple" },
};

/* Describes an organization as DigiCert lists it. */
static cJSON *
org_json(const struct sb_org *o)
{
	cJSON *a = cJSON_CreateObject(), *c;

	cJSON_AddNumberToObject(a, "id", (double)o->id);
	cJSON_AddStringToObject(a, "status", "active");
	cJSON_AddStringToObject(a, "name", o->name);
	cJSON_AddStringToObject(a, "assumed_name", "");
	cJSON_AddStringToObject(a, "display_name", o->name);
	cJSON_AddBoolToObject(a, "is_active", 1);
	cJSON_AddStringToObject(a, "address", o->address);
	cJSON_AddStringToObject(a, "address2", "");
	cJSON_AddStringToObject(a, "city", o->city);
	cJSON_AddStringToObject(a, "state", o->state);
	cJSON_AddStringToObject(a, "zip", o->zip);
	cJSON_AddStringToObject(a, "country", o->country);
	cJSON_AddStringToObject(a, "telephone", o->telephone);
	c = cJSON_AddObjectToObject(a, "container");
	cJSON_AddNumberToObject(c, "id", (double)o->container);
	cJSON_AddStringToObject(c, "name", o->container_name);
	return a;
}

/* The name of an organization of an account; static; NULL when none. */
const char *
sb_org_name(const char *platform, long long id)
{
	size_t i;

	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		if (orgs[i].id == id && strcmp(orgs[i].platform, platform) == 0)
			return orgs[i].name;
	}
	return NULL;
}

/* A query argument as a count, or dflt when absent or not a number. */
static long
arg_count(const struct sb_call *c, const char *name, long dflt)
{
	const char *s = c->mhd->lookup_connection_value(c->conn,
	    MHD_GET_ARGUMENT_KIND, name);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= 0 ? v : dflt;
}

/* 1 when an organization passes the status and search filters. */
static int
matches(const struct sb_call *c, const struct sb_org *o)
{
	const char *status, *search;

	if (strcmp(o->platform, c->key->platform) != 0)
		return 0;
	status = c->mhd->lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND,
	    "filters[status]");
	search = c->mhd->lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND,
	    "filters[search]");
	if (status != NULL && *status != '\0' && strcmp(status, "active"))
		return 0;
	return search == NULL || strcasestr(o->name, search) != NULL;
}

/* Answers GET organization. */
void
sb_get_organization(struct sandbox *sb, const struct sb_call *c,
    const char *arg, struct sb_reply *r)
{
	long limit = arg_count(c, "limit", 1000);
	long offset = arg_count(c, "offset", 0), total = 0;
	cJSON *a = cJSON_CreateObject(), *list, *page;
	size_t i;

	(void)sb;
	(void)arg;
	list = cJSON_AddArrayToObject(a, "organizations");
	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		if (!matches(c, &orgs[i]))
			continue;
		if (total >= offset && total < offset + limit)
			cJSON_AddItemToArray(list, org_json(&orgs[i]));
		total++;
	}
	page = cJSON_AddObjectToObject(a, "page");
	cJSON_AddNumberToObject(page, "total", (double)total);
	cJSON_AddNumberToObject(page, "limit", (double)limit);
	cJSON_AddNumberToObject(page, "offset", (double)offset);
	sb_reply_json(r, 200, a);
}
