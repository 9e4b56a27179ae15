/* sandbox_orgs.c: GET organization: three organizations per account, and
 * those orders created (reading 15). */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

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

/* The members of a new organization the list shows, as the order gave
 * them. */
static const char *const org_members[] = {
	"name", "assumed_name", "address", "address2", "city", "state", "zip",
	"country", "telephone", NULL
};

/* Describes an organization an order created as DigiCert lists it. */
static cJSON *
created_json(long long id, const cJSON *org)
{
	cJSON *a = cJSON_CreateObject(), *c;
	const cJSON *v;
	size_t i;

	cJSON_AddNumberToObject(a, "id", (double)id);
	cJSON_AddStringToObject(a, "status", "active");
	for (i = 0; org_members[i] != NULL; i++) {
		v = cJSON_GetObjectItemCaseSensitive(org, org_members[i]);
		cJSON_AddStringToObject(a, org_members[i],
		    cJSON_IsString(v) ? v->valuestring : "");
	}
	v = cJSON_GetObjectItemCaseSensitive(org, "name");
	cJSON_AddStringToObject(a, "display_name", cJSON_IsString(v) ?
	    v->valuestring : "");
	cJSON_AddBoolToObject(a, "is_active", 1);
	c = cJSON_AddObjectToObject(a, "container");
	cJSON_AddNumberToObject(c, "id", 679393);
	cJSON_AddStringToObject(c, "name", "Created by an order");
	return a;
}

/* The ID of an organization of the platform named name (either case), the
 * oldest first, or 0; called with the lock held. */
static long long
find_by_name(const struct sandbox *sb, const char *platform, const char *name)
{
	const cJSON *e, *o, *p, *n;
	size_t i;

	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		if (strcmp(orgs[i].platform, platform) == 0 &&
		    strcasecmp(orgs[i].name, name) == 0)
			return orgs[i].id;
	}
	cJSON_ArrayForEach(e, sb->created_orgs) {
		o = cJSON_GetObjectItemCaseSensitive(e, "org");
		p = cJSON_GetObjectItemCaseSensitive(e, "platform");
		n = cJSON_GetObjectItemCaseSensitive(o, "name");
		if (strcmp(p->valuestring, platform) == 0 &&
		    strcasecmp(n->valuestring, name) == 0)
			return (long long)cJSON_GetObjectItemCaseSensitive(o,
			    "id")->valuedouble;
	}
	return 0;
}

/* Creates (or reuses) the organization an order describes. */
long long
sb_org_create(struct sandbox *sb, const char *platform, const cJSON *org)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(org, "name");
	const cJSON *skip = cJSON_GetObjectItemCaseSensitive(org,
	    "skip_duplicate_org_check");
	cJSON *e;
	long long id;

	if (!cJSON_IsString(name))
		return sb->next_org++;
	if (!cJSON_IsTrue(skip) &&
	    (id = find_by_name(sb, platform, name->valuestring)) != 0)
		return id;
	id = sb->next_org++;
	if (sb->created_orgs == NULL)
		sb->created_orgs = cJSON_CreateArray();
	e = cJSON_CreateObject();
	cJSON_AddStringToObject(e, "platform", platform);
	cJSON_AddItemToObject(e, "org", created_json(id, org));
	cJSON_AddItemToArray(sb->created_orgs, e);
	return id;
}

/* Releases the organizations orders created. */
void
sb_orgs_free(struct sandbox *sb)
{
	cJSON_Delete(sb->created_orgs);
	sb->created_orgs = NULL;
}

/* 1 when an organization (as listed) passes the call's filters. */
static int
json_matches(const struct sb_call *c, const char *platform, const cJSON *o)
{
	struct sb_org probe;

	memset(&probe, 0, sizeof probe);
	probe.platform = platform;
	probe.name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o,
	    "name"));
	return probe.name != NULL && matches(c, &probe);
}

/* Answers GET organization. */
void
sb_get_organization(struct sandbox *sb, const struct sb_call *c,
    const char *arg, struct sb_reply *r)
{
	long limit = sb_arg_count(c, "limit", 1000);
	long offset = sb_arg_count(c, "offset", 0), total = 0;
	cJSON *a = cJSON_CreateObject(), *list, *page;
	const cJSON *e, *o;
	size_t i;

	(void)arg;
	list = cJSON_AddArrayToObject(a, "organizations");
	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		if (!matches(c, &orgs[i]))
			continue;
		if (total >= offset && total < offset + limit)
			cJSON_AddItemToArray(list, org_json(&orgs[i]));
		total++;
	}
	pthread_mutex_lock(&sb->lock);
	cJSON_ArrayForEach(e, sb->created_orgs) {
		o = cJSON_GetObjectItemCaseSensitive(e, "org");
		if (!json_matches(c, cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(e, "platform")), o))
			continue;
		if (total >= offset && total < offset + limit)
			cJSON_AddItemToArray(list, cJSON_Duplicate(o, 1));
		total++;
	}
	pthread_mutex_unlock(&sb->lock);
	page = cJSON_AddObjectToObject(a, "page");
	cJSON_AddNumberToObject(page, "total", (double)total);
	cJSON_AddNumberToObject(page, "limit", (double)limit);
	cJSON_AddNumberToObject(page, "offset", (double)offset);
	sb_reply_json(r, 200, a);
}
