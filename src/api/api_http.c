/* api_http.c: the one place that sends HTTP requests (libcurl, through
 * the table of api->curl). */
#include "config.h"

#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Sets an option of api's easy handle or leaves the function with its
 * error. */
#define SET(api, opt, val) do {						\
	CURLcode set_rc_ = (api)->curl.easy_setopt((api)->easy, (opt), (val)); \
	if (set_rc_ != CURLE_OK)					\
		return set_rc_;						\
} while (0)

/* Collects the answer, refusing more than API_MAX_ANSWER bytes. */
static size_t
collect(char *data, size_t size, size_t nmemb, void *arg)
{
	struct api_response *r = arg;
	size_t n = size * nmemb;

	if (n > API_MAX_ANSWER - r->len) {
		r->too_big = 1;
		return 0;
	}
	r->body = xreallocarray(r->body, r->len + n + 1, 1);
	memcpy(r->body + r->len, data, n);
	r->len += n;
	r->body[r->len] = '\0';
	return n;
}

/* Sets the options every request has. */
static CURLcode
set_common(struct api *api, const char *url, struct curl_slist *headers,
    struct api_response *r)
{
	long connect = api->timeout < 10 ? api->timeout : 10;

	SET(api, CURLOPT_URL, url);
	SET(api, CURLOPT_PROTOCOLS_STR, "http,https");
	SET(api, CURLOPT_FOLLOWLOCATION, 0L);
	SET(api, CURLOPT_SSL_VERIFYPEER, 1L);
	SET(api, CURLOPT_SSL_VERIFYHOST, 2L);
	SET(api, CURLOPT_NOSIGNAL, 1L);
	/* A proxy never sees the key or an order meant for this computer. */
	SET(api, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");
	SET(api, CURLOPT_CONNECTTIMEOUT, connect);
	SET(api, CURLOPT_TIMEOUT, api->timeout);
	SET(api, CURLOPT_USERAGENT, "certwiz/" PACKAGE_VERSION);
	SET(api, CURLOPT_HTTPHEADER, headers);
	SET(api, CURLOPT_WRITEFUNCTION, collect);
	SET(api, CURLOPT_WRITEDATA, r);
	SET(api, CURLOPT_ERRORBUFFER, api->errbuf);
	return CURLE_OK;
}

/* Hands libcurl the next piece of the request body; notes when all of it
 * has gone. There is deliberately no seek callback: libcurl resends a
 * request by itself when a reused connection dies before the answer, and
 * a body it cannot rewind makes that fail (CURLE_SEND_FAIL_REWIND) instead
 * of placing the order twice; certwiz then looks the order up. */
static size_t
upload(char *buf, size_t size, size_t nmemb, void *arg)
{
	struct api_response *r = arg;
	size_t n = size * nmemb;

	if (n > r->upload_len - r->upload_off)
		n = r->upload_len - r->upload_off;
	memcpy(buf, r->upload + r->upload_off, n);
	r->upload_off += n;
	if (r->upload_off == r->upload_len)
		r->sent = 1;
	return n;
}

/* Sets the method and body. */
static CURLcode
set_method(struct api *api, const char *method, const char *body,
    struct api_response *r)
{
	if (strcmp(method, "POST") == 0) {
		r->upload = body != NULL ? body : "";
		r->upload_len = strlen(r->upload);
		r->upload_off = 0;
		SET(api, CURLOPT_POST, 1L);
		SET(api, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)r->upload_len);
		SET(api, CURLOPT_READFUNCTION, upload);
		SET(api, CURLOPT_READDATA, r);
	} else if (strcmp(method, "GET") == 0)
		SET(api, CURLOPT_HTTPGET, 1L);
	else
		SET(api, CURLOPT_CUSTOMREQUEST, method);
	return CURLE_OK;
}

/* Builds the header list; the key line is wiped by free_headers(). */
static struct curl_slist *
make_headers(const struct curl_lib *c, const char *key, char **keyline)
{
	struct curl_slist *l = NULL, *n;
	const char *fixed[] = { "Content-Type: application/json",
	    "Accept: application/json", "Expect:" };
	size_t i;

	*keyline = xasprintf("X-DC-DEVKEY: %s", key);
	if ((l = c->slist_append(l, *keyline)) == NULL)
		return NULL;
	for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		if ((n = c->slist_append(l, fixed[i])) == NULL) {
			c->slist_free_all(l);
			return NULL;
		}
		l = n;
	}
	return l;
}

/* Frees the header list, wiping the copies of the key. */
static void
free_headers(const struct curl_lib *c, struct curl_slist *l, char *keyline)
{
	if (l != NULL)
		explicit_bzero(l->data, strlen(l->data));
	c->slist_free_all(l);
	explicit_bzero(keyline, strlen(keyline));
	free(keyline);
}

/* Reads status, content type and how much of the body went out. */
static void
take_info(struct api *api, const char *body, struct api_response *r)
{
	const struct curl_lib *c = &api->curl;
	char *ct = NULL;
	curl_off_t up = 0;

	if (c->easy_getinfo(api->easy, CURLINFO_RESPONSE_CODE, &r->status) !=
	    CURLE_OK)
		r->status = 0;
	if (c->easy_getinfo(api->easy, CURLINFO_CONTENT_TYPE, &ct) ==
	    CURLE_OK && ct != NULL)
		r->content_type = xstrdup(ct);
	if (c->easy_getinfo(api->easy, CURLINFO_SIZE_UPLOAD_T, &up) !=
	    CURLE_OK)
		up = 0;
	r->sent = r->sent || (body != NULL && up >= (curl_off_t)strlen(body));
	if (body == NULL && r->status != 0)
		r->sent = 1;
}

/* Makes sure libcurl is loaded and the easy handle exists; -1 with r's
 * code and error set when not. */
static int
start(struct api *api, struct api_response *r)
{
	if (api_curl(api, &r->error) != 0) {
		r->code = CURLE_FAILED_INIT;
		return -1;
	}
	if (api->easy == NULL && (api->easy = api->curl.easy_init()) == NULL) {
		r->code = CURLE_FAILED_INIT;
		r->error = xstrdup("libcurl could not start");
		return -1;
	}
	return 0;
}

/* Performs one request. */
int
api_http(struct api *api, const char *method, const char *url,
    const char *key, const char *body, struct api_response *r)
{
	const struct curl_lib *c = &api->curl;
	struct curl_slist *headers;
	char *keyline = NULL;

	memset(r, 0, sizeof *r);
	if (start(api, r) != 0)
		return -1;
	c->easy_reset(api->easy);
	api->errbuf[0] = '\0';
	if ((headers = make_headers(c, key, &keyline)) == NULL)
		r->code = CURLE_OUT_OF_MEMORY;
	else if ((r->code = set_common(api, url, headers, r)) == CURLE_OK &&
	    (r->code = set_method(api, method, body, r)) == CURLE_OK) {
		r->code = c->easy_perform(api->easy);
		take_info(api, body, r);
	}
	if (r->code != CURLE_OK)
		r->error = xstrdup(api->errbuf[0] != '\0' ? api->errbuf :
		    c->easy_strerror(r->code));
	free_headers(c, headers, keyline);
	return r->code == CURLE_OK ? 0 : -1;
}

/* Releases what a response holds. */
void
api_response_free(struct api_response *r)
{
	free(r->content_type);
	free(r->body);
	free(r->error);
	memset(r, 0, sizeof *r);
}

/* Sends a request to a platform's base URL + path with its key. */
int
api_call(struct api *api, const char *platform, const char *method,
    const char *path, const char *body, struct api_response *r,
    char **cause)
{
	const char *base, *key;
	char *url;

	memset(r, 0, sizeof *r);
	if ((base = api_base_url(api, platform, cause)) == NULL ||
	    (key = api_key(api, platform, cause)) == NULL)
		return -1;
	url = xasprintf("%s%s%s", base,
	    base[0] != '\0' && base[strlen(base) - 1] == '/' ? "" : "/", path);
	api_http(api, method, url, key, body, r);
	free(url);
	return 0;
}
