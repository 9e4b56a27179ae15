/* platform.h: the two CertCentral platforms: their ids, names, base URLs
 * and the names of the settings that hold their URLs and keys. The one
 * table of platforms; the api module reads it too.
 *
 * Ownership: every string returned here is static; never free it.
 */
#ifndef CERTWIZ_PLATFORM_H
#define CERTWIZ_PLATFORM_H

/* How many platforms there are. */
#define PLATFORM_COUNT	2

/* One platform. */
struct platform {
	const char	*id;		/* "us" or "eu" */
	const char	*title;		/* for people: "US" or "Europe" */
	const char	*base_url;	/* where its API lives */
	const char	*url_env;	/* environment variable replacing it */
	const char	*key_env;	/* environment variable with the key */
	const char	*key_name;	/* the key's name in the config file */
};

/* The platforms, "us" first. */
extern const struct platform platforms[PLATFORM_COUNT];

/* The index of a platform in platforms[], or -1 (also for NULL). */
int		 platform_index(const char *platform);
/* The base URL of a platform ("us" or "eu"), or NULL for an unknown one. */
const char	*platform_base_url(const char *platform);
/* The platform's name for people ("US" or "Europe"). */
const char	*platform_title(const char *platform);

#endif
