/* api_conf.c: the api handle, base URLs and API keys (environment and the
 * config file). */
#include "config.h"

#include "api/api_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/platform.h"
#include "util/fileio.h"
#include "util/secmem.h"
#include "util/xalloc.h"

/* Frees a key after overwriting it. */
static void
wipe(char *s)
{
	if (s != NULL) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

/* A whole number from the environment variable name within 0..max, or
 * dflt when it is unset or not one. */
static long
env_number(const char *name, long max, long dflt)
{
	const char *env = getenv(name);
	char *end;
	long n;

	if (env == NULL || *env == '\0')
		return dflt;
	errno = 0;
	n = strtol(env, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > max)
		return dflt;
	return n;
}

/* Makes a handle. */
struct api *
api_new(const struct api_opts *opts)
{
	struct api *api = xcalloc(1, sizeof *api);

	api->timeout = opts->timeout > 0 ? opts->timeout : API_DEFAULT_TIMEOUT;
	api->retry_base_ms = env_number("CERTWIZ_RETRY_BASE_MS", 60000, 1000);
	api->resolve_seconds = opts->resolve_seconds > 0 ?
	    opts->resolve_seconds : env_number("CERTWIZ_RESOLVE_SECONDS",
	    86400, API_DEFAULT_RESOLVE);
	api->again = opts->again;
	api->cancel = opts->cancel;
	api->command = opts->command != NULL ? opts->command : "certwiz";
	api->base_url[0] = xstrdup(opts->base_url_us);
	api->base_url[1] = xstrdup(opts->base_url_eu);
	api->key[0] = xstrdup(opts->key_us);
	api->key[1] = xstrdup(opts->key_eu);
	api->notify = opts->notify;
	api->notify_arg = opts->notify_arg;
	return api;
}

/* Lets a body placed before go again. */
void
api_allow_again(struct api *api)
{
	api->again = 1;
}

/* Sets the cancel flag. */
void
api_set_cancel(struct api *api, volatile sig_atomic_t *flag)
{
	api->cancel = flag;
}

/* Releases a handle and wipes its keys. */
void
api_free(struct api *api)
{
	int i;

	if (api == NULL)
		return;
	if (api->easy != NULL)
		api->curl.easy_cleanup(api->easy);
	if (api->curl.dl != NULL)
		api->curl.global_cleanup();
	curl_lib_close(&api->curl);
	for (i = 0; i < PLATFORM_COUNT; i++) {
		free(api->base_url[i]);
		free(api->checked_url[i]);
		wipe(api->key[i]);
	}
	free(api);
}

/* Loads and initialises libcurl the first time the handle needs it. */
int
api_curl(struct api *api, char **cause)
{
	CURLcode rc;

	if (api->curl.dl != NULL)
		return 0;
	if (curl_lib_open(&api->curl, cause) != 0)
		return -1;
	/* libcurl's buffers (the request with the key, the body with card
	 * data) are wiped when it frees them. */
	if ((rc = api->curl.global_init_mem(CURL_GLOBAL_DEFAULT, secmem_alloc,
	    secmem_free, secmem_realloc, secmem_strdup, secmem_calloc)) !=
	    CURLE_OK) {
		*cause = xasprintf("libcurl could not start: %s",
		    api->curl.easy_strerror(rc));
		curl_lib_close(&api->curl);
		return -1;
	}
	return 0;
}

/* Sets a platform's key. */
int
api_set_key(struct api *api, const char *platform, const char *key,
    char **cause)
{
	int i = platform_index(platform);

	if (i < 0 || key == NULL || *key == '\0' ||
	    strpbrk(key, "\r\n") != NULL) {
		*cause = xstrdup(i < 0 ? "unknown platform" :
		    "an API key must be one non-empty line");
		return -1;
	}
	wipe(api->key[i]);
	api->key[i] = xstrdup(key);
	return 0;
}

/* Sets where notes go while a request runs (NULL: the result only). */
void
api_set_notify(struct api *api, api_notify_fn notify, void *arg)
{
	api->notify = notify;
	api->notify_arg = arg;
}

/* 1 when host is this computer. */
static int
loopback(const char *host)
{
	return strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 ||
	    strcmp(host, "::1") == 0 || strcasecmp(host, "localhost") == 0;
}

/* 1 when host is the US platform's: digicert.com or one of its hosts
 * (the Europe platform is certcentral.digicert.eu). */
static int
us_host(const char *host)
{
	size_t n = strlen(host);

	while (n > 0 && host[n - 1] == '.')
		n--;
	return (n == 12 && strncasecmp(host, "digicert.com", 12) == 0) ||
	    (n > 13 && strncasecmp(host + n - 13, ".digicert.com", 13) == 0);
}

/* Checks a base URL: https, or http to this computer only; a Europe URL
 * (europe set) may not point at the US platform. */
static int
check_url(struct api *api, const char *url, const char *from, int europe,
    char **cause)
{
	const struct curl_lib *c = &api->curl;
	CURLU *u;
	char *scheme = NULL, *host = NULL;
	int rc = -1;

	if (api_curl(api, cause) != 0)
		return -1;
	if ((u = c->url()) == NULL ||
	    c->url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    c->url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    c->url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		*cause = xasprintf("%s: '%s' is not a URL", from, url);
	else if (europe && us_host(host))
		*cause = xasprintf("%s: '%s' is the US platform; Europe "
		    "products are never sent there", from, url);
	else if (strcmp(scheme, "https") == 0 ||
	    (strcmp(scheme, "http") == 0 && loopback(host)))
		rc = 0;
	else
		*cause = xasprintf("%s: '%s' is refused: certwiz needs https, "
		    "except to this computer (127.0.0.1, ::1, localhost)",
		    from, url);
	c->free(scheme);
	c->free(host);
	c->url_cleanup(u);
	return rc;
}

/* The checked base URL of a platform. */
const char *
api_base_url(struct api *api, const char *platform, char **cause)
{
	int i = platform_index(platform);
	const char *url, *from, *env;

	if (i < 0) {
		*cause = xasprintf("unknown platform '%s'", platform ?
		    platform : "");
		return NULL;
	}
	if (api->checked_url[i] != NULL)
		return api->checked_url[i];
	url = platform_base_url(platform);
	from = "the default base URL";
	if ((env = getenv(platforms[i].url_env)) != NULL && *env != '\0') {
		url = env;
		from = platforms[i].url_env;
	}
	if (api->base_url[i] != NULL) {
		url = api->base_url[i];
		from = "the base URL";
	}
	if (check_url(api, url, from, i == 1, cause) != 0)
		return NULL;
	api->checked_url[i] = xstrdup(url);
	return api->checked_url[i];
}

/* The config file's path: $XDG_CONFIG_HOME/certwiz/config; allocated. */
static char *
config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/certwiz/config", xdg);
	return xasprintf("%s/.config/certwiz/config", home != NULL ? home : "");
}

/* Trims whitespace at both ends of s in place. */
static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Finds name's value in the config text (modified in place); NULL when it
 * is not there, or on a bad line with *cause. */
static char *
config_find(char *text, const char *path, const char *name, char **cause)
{
	char *line, *next, *eq, *found = NULL;
	int n = 0;

	for (line = text; line != NULL; line = next) {
		n++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line = trim(line);
		if (*line == '#' || *line == '\0')
			continue;
		if ((eq = strchr(line, '=')) == NULL) {
			*cause = xasprintf("%s:%d: expected 'name = value'",
			    path, n);
			return NULL;
		}
		*eq = '\0';
		if (strcmp(trim(line), name) == 0 && found == NULL)
			found = trim(eq + 1);
	}
	return found;
}

/* Reads the platform's key (or the shared "key") from the config file.
 * Returns 0 with *key (maybe NULL when absent), or -1 with *cause. */
static int
config_key(int i, char **key, char **cause)
{
	char *path = config_path(), *text, *v, *copy;
	size_t len;
	int rc = -1, pass;

	*key = NULL;
	/* No link, no FIFO, yours, mode 600: checked on the file opened. */
	if ((text = fileio_read_private(path, &len, cause)) == NULL) {
		free(path);
		return *cause == NULL ? 0 : -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		*cause = xasprintf("%s: a NUL byte: not a config file", path);
		explicit_bzero(text, len);
		free(text);
		free(path);
		return -1;
	}
	copy = xmalloc(len + 1);	/* was xstrdup: short when text has a NUL */
	for (pass = 0, v = NULL; pass < 2 && v == NULL; pass++) {
		memcpy(copy, text, len + 1);
		v = config_find(copy, path, pass == 0 ?
		    platforms[i].key_name : "key", cause);
		if (v == NULL && *cause != NULL)
			break;
	}
	if (*cause == NULL) {
		*key = v != NULL && *v != '\0' ? xstrdup(v) : NULL;
		rc = 0;
	}
	explicit_bzero(text, len);
	explicit_bzero(copy, len);
	free(text);
	free(copy);
	free(path);
	return rc;
}

/* Says where a platform's key can come from; allocated. */
static char *
no_key(int i)
{
	char *path = config_path(), *msg;

	msg = xasprintf("no API key for the %s platform: set %s (or "
	    "DIGICERT_API_KEY), or put '%s = ...' in %s (mode 600)",
	    platforms[i].title, platforms[i].key_env, platforms[i].key_name,
	    path);
	free(path);
	return msg;
}

/* The platform's key: set, environment, else the config file. */
const char *
api_key(struct api *api, const char *platform, char **cause)
{
	int i = platform_index(platform);
	const char *env;
	char *key = NULL;

	if (i < 0) {
		*cause = xstrdup("unknown platform");
		return NULL;
	}
	if (api->key[i] != NULL)
		return api->key[i];
	if (((env = getenv(platforms[i].key_env)) != NULL && *env != '\0') ||
	    ((env = getenv("DIGICERT_API_KEY")) != NULL && *env != '\0'))
		return api_set_key(api, platform, env, cause) == 0 ?
		    api->key[i] : NULL;
	*cause = NULL;
	if (config_key(i, &key, cause) != 0)
		return NULL;
	if (key == NULL) {
		*cause = no_key(i);
		return NULL;
	}
	if (api_set_key(api, platform, key, cause) != 0) {
		wipe(key);
		return NULL;
	}
	wipe(key);
	return api->key[i];
}

/* 1 when a key for the platform is known. */
int
api_has_key(struct api *api, const char *platform, char **cause)
{
	return api_key(api, platform, cause) != NULL;
}

/* Fills buf with n random letters and digits. */
void
api_random_id(char *buf, size_t n)
{
	static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char r;
	size_t i = 0;

	while (i < n) {
		if (getrandom(&r, 1, 0) != 1)
			continue;
		if (r >= 248)	/* 248 = 4 * 62: keeps the choice even */
			continue;
		buf[i++] = set[r % 62];
	}
	buf[n] = '\0';
}
