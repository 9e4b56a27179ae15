/* sandbox_route.c: keys, faults and the rate limit in front of the
 * endpoints, and the table of routes under /services/v2/. */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

/* The accounts' keys; the read-only key opens the US account. */
static const struct sb_key keys[SB_NKEYS] = {
	{ "sandbox-us-key", "us", 0 },
	{ "sandbox-eu-key", "eu", 0 },
	{ "sandbox-readonly-key", "us", 1 },
};

/* One route: a path (or a prefix followed by one argument) and its
 * endpoint for each method. */
static const struct sb_route {
	const char	*path;
	int		 has_arg;
	sb_endpoint	 get;
	sb_endpoint	 post;
	const char	*allow;
} routes[] = {
	{ .path = "organization", .get = sb_get_organization,
	    .allow = "GET" },
	{ .path = "order/certificate", .get = sb_list_orders, .allow = "GET" },
	{ .path = "user", .get = sb_get_user, .allow = "GET" },
	{ .path = "container", .get = sb_get_container, .allow = "GET" },
	{ .path = "order/certificate/", .has_arg = 1, .get = sb_get_order,
	    .post = sb_post_order, .allow = "GET, POST" },
	{ .path = "order/alternate/", .has_arg = 1, .get = sb_get_alternate,
	    .allow = "GET" },
	{ .path = "product/", .has_arg = 1, .get = sb_get_product,
	    .allow = "GET" },
};

/* The API key of the sandbox's account on a platform. */
const char *
sandbox_key(const char *platform)
{
	if (platform != NULL && strcmp(platform, "eu") == 0)
		return keys[1].key;
	return keys[0].key;
}

/* Finds the request's key; its index, or -1 when missing or unknown. */
static int
find_key(const struct sb_call *c)
{
	const char *key;
	int i;

	key = c->mhd->lookup_connection_value(c->conn, MHD_HEADER_KIND,
	    "X-DC-DEVKEY");
	for (i = 0; key != NULL && i < SB_NKEYS; i++) {
		if (strcmp(key, keys[i].key) == 0)
			return i;
	}
	return -1;
}

/* Finds the route of a path under the prefix; sets *arg to its argument. */
static const struct sb_route *
find_route(const char *path, const char **arg)
{
	size_t i, len;

	for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		len = strlen(routes[i].path);
		if (!routes[i].has_arg && strcmp(path, routes[i].path) == 0) {
			*arg = "";
			return &routes[i];
		}
		if (routes[i].has_arg &&
		    strncmp(path, routes[i].path, len) == 0 &&
		    path[len] != '\0' && strchr(path + len, '/') == NULL) {
			*arg = path + len;
			return &routes[i];
		}
	}
	return NULL;
}

/* Routes a request whose key is good to its endpoint. */
static void
route(struct sandbox *sb, const struct sb_call *c, struct sb_reply *r)
{
	const struct sb_route *rt;
	const char *arg;
	sb_endpoint fn = NULL;

	rt = find_route(c->url + strlen(SB_PREFIX), &arg);
	if (rt == NULL) {
		sb_reply_error(r, 404, "not_found|route", "No route %s %s",
		    c->method, c->url);
		return;
	}
	if (strcmp(c->method, "GET") == 0)
		fn = rt->get;
	else if (strcmp(c->method, "POST") == 0)
		fn = rt->post;
	if (fn == NULL) {
		sb_reply_error(r, 405, "method_not_allowed", "%s is not "
		    "allowed here; use %s", c->method, rt->allow);
		r->allow = rt->allow;
	} else if (fn == rt->post && c->key->readonly)
		sb_reply_error(r, 403, "access_denied|missing_permission",
		    "This API key may not place orders");
	else
		fn(sb, c, arg, r);
}

/* Checks the key and the rate limit, then routes the request. */
static void
api(struct sandbox *sb, struct sb_call *c, struct sb_reply *r)
{
	int k;

	if (strncmp(c->url, SB_PREFIX, strlen(SB_PREFIX)) != 0) {
		sb_reply_error(r, 404, "not_found|route", "No route %s %s",
		    c->method, c->url);
		return;
	}
	if ((k = find_key(c)) == -1) {
		sb_reply_error(r, 401, "access_denied|access_denied_invalid_key",
		    "Missing or invalid API key in X-DC-DEVKEY");
		return;
	}
	if (sb_rate_check(sb, (size_t)k) != 0) {
		sb_reply_error(r, 429, "request_limit_exceeded", "More than "
		    "%d requests in %.0f seconds", SB_RATE_MAX,
		    SB_RATE_SECONDS);
		return;
	}
	c->key = &keys[k];
	if (c->too_big)
		sb_reply_error(r, 413, "request_too_large", "The request "
		    "body is larger than %u bytes", SB_MAX_BODY);
	else
		route(sb, c, r);
}

/* 1 when the request is a POST to an order endpoint. */
static int
is_order_post(const struct sb_call *c)
{
	static const char p[] = SB_PREFIX "order/certificate/";

	return strcmp(c->method, "POST") == 0 &&
	    strncmp(c->url, p, sizeof p - 1) == 0;
}

/* Serves one request: control requests, then the next fault, then the API. */
void
sb_serve(struct sandbox *sb, struct sb_call *c, enum sandbox_fault *fault,
    struct sb_reply *r)
{
	*fault = SB_FAULT_NONE;
	if (strncmp(c->url, "/_sandbox/", 10) == 0) {
		sb_control(sb, c, r);
		return;
	}
	if (is_order_post(c)) {
		pthread_mutex_lock(&sb->lock);
		sb->order_posts++;
		pthread_mutex_unlock(&sb->lock);
	}
	switch ((c->fault = *fault = sb_fault_next(sb))) {
	case SB_FAULT_GATEWAY404:
		sb_reply_html(r, 404, "404 Not Found");
		return;
	case SB_FAULT_GATEWAY504:
	case SB_FAULT_LATE:
		api(sb, c, r);
		sb_reply_html(r, 504, "504 Gateway Timeout");
		r->allow = NULL;
		return;
	case SB_FAULT_500:
		sb_reply_html(r, 500, "500 Internal Server Error");
		return;
	case SB_FAULT_HTML:
		sb_reply_html(r, 200, "Scheduled maintenance");
		return;
	case SB_FAULT_429:
		sb_reply_error(r, 429, "request_limit_exceeded",
		    "Too many requests");
		return;
	case SB_FAULT_HUGE:
		r->status = 200;
		r->type = "application/json";
		return;
	default:
		api(sb, c, r);
	}
}
