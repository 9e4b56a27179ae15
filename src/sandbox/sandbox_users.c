/* sandbox_users.c: GET user and GET container: a few users and
 * containers per account, searched and paged as CertCentral does. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "sandbox/sandbox_int.h"
#include "util/xalloc.h"

/* One user of an account. */
struct sb_user {
	const char	*platform;
	long		 id;
	const char	*username;
	const char	*first_name;
	const char	*last_name;
	const char	*email;
	const char	*job_title;
	const char	*telephone;
	const char	*status;
	long		 container;
	const char	*container_name;
};

static const struct sb_user users[] = {
	{ "us", 1001, "jsmith", "John", "Smith", "john.smith@example.com",
	  "IT Manager", "+1 801-555-0101", "active", 679393, "Example Corp" },
	{ "us", 1002, "zmuller", "Zoë", "Müller", "zoe.muller@example.com",
	  "Security Officer", "+1 617-555-0102", "active", 679394, "Labs" },
	{ "us", 1003, "pdubois", "Pierre", "Dubois",
	  "pierre.dubois@example.ca", "Directeur TI", "+1 514-555-0103",
	  "active", 679395, "Canada" },
	{ "us", 1004, "aold", "Alex", "Oldman", "alex.oldman@example.com",
	  "Former Admin", "+1 801-555-0104", "inactive", 679393,
	  "Example Corp" },
	{ "eu", 2001, "jdevries", "Jan", "de Vries", "jan.devries@voorbeeld.nl",
	  "Hoofd IT", "+31 20 555 0101", "active", 679393, "Voorbeeld" },
	{ "eu", 2002, "mschmidt", "Maria", "Schmidt",
	  "maria.schmidt@beispiel.de", "IT-Leiterin", "+49 30 5550102",
	  "active", 679396, "Beispiel" },
};

/* One container of an account. */
struct sb_container {
	const char	*platform;
	long		 id;
	const char	*name;
	long		 parent;	/* 0: the top container */
	int		 active;
};

static const struct sb_container containers[] = {
	{ "us", 679393, "Example Corp", 0, 1 },
	{ "us", 679394, "Labs", 679393, 1 },
	{ "us", 679395, "Canada", 679393, 1 },
	{ "us", 679398, "Archive", 679393, 0 },
	{ "eu", 679393, "Voorbeeld", 0, 1 },
	{ "eu", 679396, "Beispiel", 679393, 1 },
	{ "eu", 679397, "Exemple", 679393, 1 },
};

/* Describes a user as DigiCert lists it. */
static cJSON *
user_json(const struct sb_user *u)
{
	cJSON *a = cJSON_CreateObject(), *c;

	cJSON_AddNumberToObject(a, "id", (double)u->id);
	cJSON_AddStringToObject(a, "username", u->username);
	cJSON_AddStringToObject(a, "first_name", u->first_name);
	cJSON_AddStringToObject(a, "last_name", u->last_name);
	cJSON_AddStringToObject(a, "email", u->email);
	cJSON_AddStringToObject(a, "job_title", u->job_title);
	cJSON_AddStringToObject(a, "telephone", u->telephone);
	cJSON_AddStringToObject(a, "status", u->status);
	c = cJSON_AddObjectToObject(a, "container");
	cJSON_AddNumberToObject(c, "id", (double)u->container);
	cJSON_AddStringToObject(c, "name", u->container_name);
	return a;
}

/* 1 when a user matches the search text (name, username or email). */
static int
user_matches(const struct sb_user *u, const char *search)
{
	char *full;
	int hit;

	if (search == NULL || *search == '\0')
		return 1;
	full = xasprintf("%s %s", u->first_name, u->last_name);
	hit = strcasestr(full, search) != NULL ||
	    strcasestr(u->username, search) != NULL ||
	    strcasestr(u->email, search) != NULL;
	free(full);
	return hit;
}

/* Answers GET user. */
void
sb_get_user(struct sandbox *sb, const struct sb_call *c, const char *arg,
    struct sb_reply *r)
{
	const char *search = c->mhd->lookup_connection_value(c->conn,
	    MHD_GET_ARGUMENT_KIND, "filters[search]");
	cJSON *all = cJSON_CreateArray();
	size_t i;

	(void)sb;
	(void)arg;
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		if (strcmp(users[i].platform, c->key->platform) == 0 &&
		    user_matches(&users[i], search))
			cJSON_AddItemToArray(all, user_json(&users[i]));
	}
	sb_reply_page(r, c, "users", all);
}

/* Answers GET container. */
void
sb_get_container(struct sandbox *sb, const struct sb_call *c,
    const char *arg, struct sb_reply *r)
{
	const struct sb_container *k;
	cJSON *all = cJSON_CreateArray(), *e;
	size_t i;

	(void)sb;
	(void)arg;
	for (i = 0; i < sizeof containers / sizeof containers[0]; i++) {
		k = &containers[i];
		if (strcmp(k->platform, c->key->platform) != 0)
			continue;
		e = cJSON_CreateObject();
		cJSON_AddNumberToObject(e, "id", (double)k->id);
		cJSON_AddStringToObject(e, "name", k->name);
		if (k->parent != 0)
			cJSON_AddNumberToObject(e, "parent_id",
			    (double)k->parent);
		else
			cJSON_AddNullToObject(e, "parent_id");
		cJSON_AddBoolToObject(e, "is_active", k->active);
		cJSON_AddItemToArray(all, e);
	}
	sb_reply_page(r, c, "containers", all);
}
