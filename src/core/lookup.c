/* lookup.c: the table of look-ups a form field may name. */
#include "config.h"

#include "core/lookup.h"

#include <string.h>

#include "util/i18n.h"

static const char *const org_columns[] = { "id", "name", "country", NULL };
static const char *const platform_columns[] = { "id", "name", NULL };
static const char *const user_columns[] = {
	"id", "first_name", "last_name", "email", "job_title", NULL
};
static const char *const user_fills[] = {
	"first_name", "last_name", "email", "job_title", "telephone", NULL
};
static const char *const container_columns[] = {
	"id", "name", "parent_id", NULL
};

static const struct lookup lookups[] = {
	{ "organizations", N_("organizations"),
	  N_("Organizations of the account"), org_columns, NULL },
	{ "server_platforms", N_("server platforms"),
	  N_("Server platforms of the product"), platform_columns, NULL },
	{ "users", N_("users"), N_("Users of the account (contacts)"),
	  user_columns, user_fills },
	{ "containers", N_("containers"), N_("Containers of the account"),
	  container_columns, NULL },
};

/* The look-up called name. */
const struct lookup *
lookup_find(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof lookups / sizeof lookups[0];
	    i++) {
		if (strcmp(name, lookups[i].name) == 0)
			return &lookups[i];
	}
	return NULL;
}

/* The look-up at index i. */
const struct lookup *
lookup_at(size_t i)
{
	return i < sizeof lookups / sizeof lookups[0] ? &lookups[i] : NULL;
}
