/* platform.c: the two CertCentral platforms and their base URLs. */
#include "core/platform.h"
#include "util/i18n.h"

#include <string.h>

/* One platform: its id, its name and where its API lives. */
static const struct {
	const char	*id;
	const char	*title;
	const char	*base_url;
} platforms[] = {
	{ "us", N_("US"), "https://www.digicert.com/services/v2" },
	{ "eu", N_("Europe"), "https://certcentral.digicert.eu/services/v2" },
};

/* The index of a platform in the table, or -1. */
static int
find(const char *platform)
{
	size_t i;

	for (i = 0; i < sizeof platforms / sizeof platforms[0]; i++) {
		if (strcmp(platforms[i].id, platform) == 0)
			return (int)i;
	}
	return -1;
}

/* The base URL of a platform, or NULL. */
const char *
platform_base_url(const char *platform)
{
	int i = find(platform);

	return i < 0 ? NULL : platforms[i].base_url;
}

/* The platform's name for people. */
const char *
platform_title(const char *platform)
{
	int i = find(platform);

	return i < 0 ? platform : platforms[i].title;
}
