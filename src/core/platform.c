/* platform.c: the two CertCentral platforms and their base URLs. */
#include "config.h"

#include "core/platform.h"

#include <string.h>

#include "util/i18n.h"

const struct platform platforms[PLATFORM_COUNT] = {
	{ .id = "us", .title = N_("US"),
	  .base_url = "https://www.digicert.com/services/v2",
	  .url_env = "CERTWIZ_BASE_URL_US", .key_env = "CERTWIZ_API_KEY_US",
	  .key_name = "key_us" },
	{ .id = "eu", .title = N_("Europe"),
	  .base_url = "https://certcentral.digicert.eu/services/v2",
	  .url_env = "CERTWIZ_BASE_URL_EU", .key_env = "CERTWIZ_API_KEY_EU",
	  .key_name = "key_eu" },
};

/* The index of a platform in the table, or -1. */
int
platform_index(const char *platform)
{
	int i;

	for (i = 0; platform != NULL && i < PLATFORM_COUNT; i++) {
		if (strcmp(platforms[i].id, platform) == 0)
			return i;
	}
	return -1;
}

/* The base URL of a platform, or NULL. */
const char *
platform_base_url(const char *platform)
{
	int i = platform_index(platform);

	return i < 0 ? NULL : platforms[i].base_url;
}

/* The platform's name for people. */
const char *
platform_title(const char *platform)
{
	int i = platform_index(platform);

	return i < 0 ? platform : platforms[i].title;
}
