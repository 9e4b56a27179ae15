/* api_lookup.c: the look-ups: orders by alternative order ID, order
 * information, the account's lists (organizations, users, containers, one
 * paged path for all) and warming the connection up. */
#include "config.h"

#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/platform.h"
#include "core/value.h"
#include "util/safetext.h"
#include "util/xalloc.h"

/* 1 when s is 1 to 64 ASCII letters and digits (safe in a URL path). */
static int
url_safe(const char *s, int digits_only)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (!digits_only &&
		    ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z')))))
			return 0;
	}
	return 1;
}

/* 1 when s is 1 to 64 of a-z, 0-9 and _ (a product name ID). */
static int
url_safe_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
			return 0;
	}
	return 1;
}

/* Sends a GET and keeps its status and parsed answer in res; returns the
 * answer (owned by res) or NULL. */
static const cJSON *
get(struct api *api, const char *platform, const char *path,
    struct api_response *r, struct api_result *res)
{
	char *cause = NULL;

	res->platform = platform_index(platform) == 0 ? "us" : "eu";
	if (api_call(api, platform, "GET", path, NULL, r, &cause) != 0) {
		api_set_message(res, "%s", cause);
		free(cause);
		return NULL;
	}
	res->http_status = r->status;
	cJSON_Delete(res->answer);
	res->answer = r->code == CURLE_OK ? api_parse_answer(r) : NULL;
	return res->answer;
}

/* Takes the first order of an order/alternate answer. */
static int
first_alternate(const cJSON *answer, struct api_result *res)
{
	const cJSON *orders, *o;

	orders = cJSON_GetObjectItemCaseSensitive(answer, "orders");
	if ((o = cJSON_GetArrayItem(orders, 0)) == NULL)
		return -1;
	free(res->order_id);
	free(res->certificate_id);
	free(res->status);
	res->order_id = api_order_id_text(cJSON_GetObjectItemCaseSensitive(o,
	    "order_id"));
	res->certificate_id = value_id_text(cJSON_GetObjectItemCaseSensitive(o,
	    "certificate_id"));
	res->status = value_id_text(cJSON_GetObjectItemCaseSensitive(o,
	    "status"));
	return res->order_id != NULL ? 0 : -1;
}

/* Looks orders up by alternative order ID. */
enum api_outcome
api_find_alternate(struct api *api, const char *platform, const char *alt_id,
    struct api_result *res)
{
	struct api_response r;
	const cJSON *answer;
	char *path, *why;

	if (!url_safe(alt_id, 0)) {
		api_set_message(res, "'%s' is not an alternative order ID",
		    alt_id);
		return res->outcome = API_FAILED;
	}
	path = xasprintf("order/alternate/%s", alt_id);
	answer = get(api, platform, path, &r, res);
	free(path);
	if (r.code == CURLE_OK && ((r.status == 200 && answer != NULL) ||
	    (r.status == 404 && answer != NULL &&
	    api_parse_errors(answer, res) == 0))) {
		res->outcome = first_alternate(answer, res) == 0 ? API_PLACED :
		    API_NOT_FOUND;
		if (res->outcome == API_NOT_FOUND)
			api_set_message(res, "no order with alternative order "
			    "ID %s was found", alt_id);
		else
			api_set_message(res, "order %s has alternative order "
			    "ID %s", res->order_id, alt_id);
	} else {
		why = api_explain(&r, platform, "read orders");
		api_set_message(res, "the look-up by alternative order ID "
		    "failed: %s", res->message != NULL && r.status == 0 &&
		    r.error == NULL ? res->message : why);
		free(why);
		res->outcome = API_FAILED;
	}
	api_response_free(&r);
	return res->outcome;
}

/* Fills res from an order information answer. */
static void
order_fields(const cJSON *answer, struct api_result *res)
{
	const cJSON *cert, *org;

	free(res->order_id);
	free(res->status);
	free(res->certificate_id);
	free(res->organization_id);
	res->order_id = api_order_id_text(cJSON_GetObjectItemCaseSensitive(
	    answer, "id"));
	res->status = value_id_text(cJSON_GetObjectItemCaseSensitive(answer,
	    "status"));
	cert = cJSON_GetObjectItemCaseSensitive(answer, "certificate");
	res->certificate_id = value_id_text(cJSON_GetObjectItemCaseSensitive(
	    cert, "id"));
	if (res->certificate_id == NULL)
		res->certificate_id = value_id_text(
		    cJSON_GetObjectItemCaseSensitive(answer, "certificate_id"));
	org = cJSON_GetObjectItemCaseSensitive(answer, "organization");
	res->organization_id = value_id_text(cJSON_GetObjectItemCaseSensitive(
	    org, "id"));
}

/* The order's information. */
enum api_outcome
api_order_info(struct api *api, const char *platform, const char *order_id,
    struct api_result *res)
{
	struct api_response r;
	const cJSON *answer;
	char *path, *why;

	if (!url_safe(order_id, 1)) {
		api_set_message(res, "'%s' is not an order ID (digits)",
		    order_id);
		return res->outcome = API_REJECTED;
	}
	path = xasprintf("order/certificate/%s", order_id);
	answer = get(api, platform, path, &r, res);
	free(path);
	if (r.code == CURLE_OK && r.status == 200 && cJSON_IsObject(answer)) {
		order_fields(answer, res);
		api_set_message(res, "order %s: %s", order_id,
		    res->status != NULL ? res->status : "no status given");
		res->outcome = API_PLACED;
	} else if (r.status == 0 && r.error == NULL) {
		res->outcome = API_FAILED;	/* message set by get() */
	} else if (r.code == CURLE_OK && r.status >= 400 && r.status < 500 &&
	    r.status != 401 && r.status != 403 && r.status != 429 &&
	    answer != NULL && api_parse_errors(answer, res) == 0) {
		api_set_message(res, "the %s platform has no order %s (HTTP "
		    "%ld): %s", platform_title(platform), order_id, r.status,
		    res->errors[0].message);
		res->outcome = API_REJECTED;
	} else {
		why = api_explain(&r, platform, "read orders");
		api_set_message(res, "%s", why);
		free(why);
		res->outcome = API_FAILED;
	}
	api_response_free(&r);
	return res->outcome;
}

/* Opens the connection to a platform with a cheap GET. */
int
api_warm(struct api *api, const char *platform, char **cause)
{
	struct api_response r;
	int rc = 0;

	if (api_call(api, platform, "GET", "organization?limit=1", NULL, &r,
	    cause) != 0)
		return -1;
	if (r.status == 0 || r.status == 401 || r.status == 403) {
		*cause = api_explain(&r, platform, "read organizations");
		rc = r.status == 0 ? -1 : API_WARM_KEY_REFUSED;
	}
	api_response_free(&r);
	return rc;
}

/* GETs path and hands the array member of its answer to *out (an empty
 * array when the answer has none) and, when total is not NULL, its
 * page.total (-1 when it has none); 0, or -1 with *cause. */
static int
get_array(struct api *api, const char *platform, const char *path,
    const char *member, const char *doing, cJSON **out, long *total,
    char **cause)
{
	struct api_response r;
	cJSON *answer = NULL, *list;
	const cJSON *t;

	*out = NULL;
	if (api_call(api, platform, "GET", path, NULL, &r, cause) != 0)
		return -1;
	if (r.code == CURLE_OK && r.status == 200)
		answer = api_parse_answer(&r);
	if (!cJSON_IsObject(answer)) {
		*cause = api_explain(&r, platform, doing);
		cJSON_Delete(answer);
		api_response_free(&r);
		return -1;
	}
	api_response_free(&r);
	list = cJSON_DetachItemFromObjectCaseSensitive(answer, member);
	*out = cJSON_IsArray(list) ? list : cJSON_CreateArray();
	if (*out != list)
		cJSON_Delete(list);
	if (total != NULL) {
		t = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(answer, "page"), "total");
		*total = cJSON_IsNumber(t) && t->valuedouble >= 0 &&
		    t->valuedouble < 1e9 ? (long)t->valuedouble : -1;
	}
	safe_json_strings(*out);	/* names are shown on the terminal */
	cJSON_Delete(answer);
	return 0;
}

/* Moves every item of from to the end of to, up to API_LIST_MAX in all;
 * returns how many it moved. */
static int
take_items(cJSON *to, cJSON *from)
{
	int n = 0;

	while (from->child != NULL && cJSON_GetArraySize(to) < API_LIST_MAX) {
		cJSON_AddItemToArray(to, cJSON_DetachItemViaPointer(from,
		    from->child));
		n++;
	}
	return n;
}

/* One paged list: GETs q's pages (API_LIST_PAGE items) until page.total items
 * (or API_LIST_MAX) are in *out, or a page comes back short. */
int
api_list(struct api *api, const char *platform,
    const struct api_list_query *q, cJSON **out, char **cause)
{
	cJSON *page;
	char *path;
	long total = -1, got;
	int rc, size = q->page > 0 ? q->page : API_LIST_PAGE;

	*out = cJSON_CreateArray();
	for (;;) {
		got = cJSON_GetArraySize(*out);
		path = xasprintf("%s?%s%slimit=%d&offset=%ld", q->path,
		    q->filters != NULL ? q->filters : "",
		    q->filters != NULL ? "&" : "", size, got);
		rc = get_array(api, platform, path, q->member, q->doing, &page,
		    &total, cause);
		free(path);
		if (rc != 0) {
			cJSON_Delete(*out);
			*out = NULL;
			return -1;
		}
		rc = take_items(*out, page);
		cJSON_Delete(page);
		got += rc;
		if (rc < size || got >= API_LIST_MAX ||
		    (total >= 0 && got >= total))
			return 0;
	}
}

/* Returns s with every byte but the unreserved ones as %XX; allocated. */
static char *
url_encode(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), i, o = 0;
	unsigned char c;
	char *out = xmalloc(n * 3 + 1);

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~')
			out[o++] = (char)c;
		else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return out;
}

/* Lists the account's active organizations. */
int
api_list_organizations(struct api *api, const char *platform, cJSON **out,
    char **cause)
{
	static const struct api_list_query q = { "organization",
	    "organizations", "filters%5Bstatus%5D=active",
	    "read organizations", 0 };

	return api_list(api, platform, &q, out, cause);
}

/* Lists the account's users, those matching search when it is given. */
int
api_list_users(struct api *api, const char *platform, const char *search,
    cJSON **out, char **cause)
{
	struct api_list_query q = { .path = "user", .member = "users",
	    .doing = "read users" };
	char *enc = NULL, *filters = NULL;
	int rc;

	if (search != NULL && *search != '\0') {
		enc = url_encode(search);
		filters = xasprintf("filters%%5Bsearch%%5D=%s", enc);
		q.filters = filters;
	}
	rc = api_list(api, platform, &q, out, cause);
	free(filters);
	free(enc);
	return rc;
}

/* Lists the account's containers. */
int
api_list_containers(struct api *api, const char *platform, cJSON **out,
    char **cause)
{
	static const struct api_list_query q = { "container", "containers",
	    NULL, "read containers", 0 };

	return api_list(api, platform, &q, out, cause);
}

/* Lists the server platforms of a product's details. */
int
api_product_platforms(struct api *api, const char *platform,
    const char *name_id, cJSON **out, char **cause)
{
	char *path;
	int rc;

	*out = NULL;
	if (!url_safe_name(name_id)) {
		*cause = xasprintf("'%s' is not a product name ID", name_id);
		return -1;
	}
	path = xasprintf("product/%s", name_id);
	rc = get_array(api, platform, path, "server_platforms",
	    "read product details", out, NULL, cause);
	free(path);
	return rc;
}
