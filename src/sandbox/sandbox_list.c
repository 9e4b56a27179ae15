/* sandbox_list.c: what List orders knows of an order, GET order/certificate
 * (List orders: filters, sort and paging) and GET /_sandbox/orders. */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

#include "util/sha256.h"
#include "util/xalloc.h"

#define LIST_MAX	1000	/* the largest and the default page */
#define DAY		86400

/* The query of a List orders request; NULL strings are not filtered on. */
struct sb_query {
	const char	*product;
	const char	*email;
	const char	*common_name;
	const char	*search;
	const char	*status;
	const char	*org_id;
	time_t		 from, until;	/* created in [from, until); 0: any */
	int		 oldest_first;
	long		 limit, offset;
};

/* Adds every string member named "email", at any depth, to emails. */
static void
add_emails(const cJSON *node, cJSON *emails)
{
	const cJSON *m;

	cJSON_ArrayForEach(m, node) {
		if (cJSON_IsString(m) && m->string != NULL &&
		    strcmp(m->string, "email") == 0 && *m->valuestring != '\0')
			cJSON_AddItemToArray(emails,
			    cJSON_CreateString(m->valuestring));
		else if (cJSON_IsObject(m) || cJSON_IsArray(m))
			add_emails(m, emails);
	}
}

/* The SHA-256 of the body as cJSON prints it, alternative_order_id left
 * out; allocated. */
static char *
body_hash(const cJSON *body)
{
	cJSON *copy = cJSON_Duplicate(body, 1);
	char hex[SHA256_HEX_LEN + 1], *text;

	cJSON_DeleteItemFromObjectCaseSensitive(copy, "alternative_order_id");
	text = cJSON_PrintUnformatted(copy);
	sha256_hex(text != NULL ? text : "", text != NULL ? strlen(text) : 0,
	    hex);
	cJSON_free(text);
	cJSON_Delete(copy);
	return xstrdup(hex);
}

/* Records what List orders shows of an order placed now with this body. */
void
sb_order_describe(struct sb_order *o, const cJSON *body,
    const char *product_name)
{
	const cJSON *org = cJSON_GetObjectItemCaseSensitive(body,
	    "organization");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(org, "name");
	const cJSON *cert = cJSON_GetObjectItemCaseSensitive(body,
	    "certificate");
	const cJSON *n;

	o->created = time(NULL);
	o->product_name = xstrdup(product_name);
	if (cJSON_IsString(name) && *name->valuestring != '\0')
		o->org_name = xstrdup(name->valuestring);
	o->dns_names = cJSON_CreateArray();
	cJSON_ArrayForEach(n, cJSON_GetObjectItemCaseSensitive(cert,
	    "dns_names")) {
		if (cJSON_IsString(n))
			cJSON_AddItemToArray(o->dns_names,
			    cJSON_CreateString(n->valuestring));
	}
	o->emails = cJSON_CreateArray();
	add_emails(body, o->emails);
	o->body_sha256 = body_hash(body);
}

/* Releases what sb_order_describe() recorded. */
void
sb_order_forget(struct sb_order *o)
{
	free(o->product_name);
	free(o->org_name);
	cJSON_Delete(o->dns_names);
	cJSON_Delete(o->emails);
	free(o->body_sha256);
	free(o->raw_sha256);
}

/* 1 when look-ups may see the order (a late one only after a while). */
int
sb_order_visible(const struct sb_order *o)
{
	return o->visible_after == 0 || sb_mono_now() >= o->visible_after;
}

/* A query argument, or NULL when absent or empty. */
static const char *
query_arg(const struct sb_call *c, const char *name)
{
	const char *s = c->mhd->lookup_connection_value(c->conn,
	    MHD_GET_ARGUMENT_KIND, name);

	return s != NULL && *s != '\0' ? s : NULL;
}

/* Parses a day written YYYY-MM-DD (len characters) as its UTC midnight. */
static int
parse_day(const char *s, size_t len, time_t *t)
{
	char buf[16], *end;
	struct tm tm;

	if (len != 10)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	memset(&tm, 0, sizeof tm);
	if ((end = strptime(buf, "%Y-%m-%d", &tm)) == NULL || *end != '\0')
		return -1;
	*t = timegm(&tm);
	return 0;
}

/* Parses filters[date_created], "FROM...TO" (days, both included) or a
 * single day. */
static int
parse_days(const char *s, struct sb_query *q)
{
	const char *dots = strstr(s, "...");

	if (dots == NULL) {
		if (parse_day(s, strlen(s), &q->from) != 0)
			return -1;
		q->until = q->from + DAY;
		return 0;
	}
	if (parse_day(s, (size_t)(dots - s), &q->from) != 0 ||
	    parse_day(dots + 3, strlen(dots + 3), &q->until) != 0 ||
	    q->until < q->from)
		return -1;
	q->until += DAY;
	return 0;
}

/* Parses a count argument into *v (kept when absent), lowering it to max;
 * -1 when it is not a number from min up. */
static int
parse_count(const struct sb_call *c, const char *name, long min, long max,
    long *v)
{
	const char *s = query_arg(c, name);
	char *end;
	long n;

	if (s == NULL)
		return 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || *s < '0' || *s > '9' || n < min)
		return -1;
	*v = n < max ? n : max;
	return 0;
}

/* Parses the filters, sort and paging; the name of a bad one, or NULL. */
static const char *
parse_query(const struct sb_call *c, struct sb_query *q)
{
	const char *days = query_arg(c, "filters[date_created]");
	const char *sort = query_arg(c, "sort");

	memset(q, 0, sizeof *q);
	q->product = query_arg(c, "filters[product_name_id]");
	q->email = query_arg(c, "filters[email]");
	q->common_name = query_arg(c, "filters[common_name]");
	q->search = query_arg(c, "filters[search]");
	q->status = query_arg(c, "filters[status]");
	q->org_id = query_arg(c, "filters[organization_id]");
	q->limit = LIST_MAX;
	if (days != NULL && parse_days(days, q) != 0)
		return "filters[date_created]";
	if (sort != NULL && strcmp(sort, "date_created") == 0)
		q->oldest_first = 1;
	else if (sort != NULL && strcmp(sort, "-date_created") != 0)
		return "sort";
	if (parse_count(c, "limit", 1, LIST_MAX, &q->limit) != 0)
		return "limit";
	if (parse_count(c, "offset", 0, LONG_MAX, &q->offset) != 0)
		return "offset";
	return NULL;
}

/* 1 when one of the order's emails is this one (any case). */
static int
has_email(const struct sb_order *o, const char *email)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, o->emails) {
		if (strcasecmp(e->valuestring, email) == 0)
			return 1;
	}
	return 0;
}

/* 1 when the name is there and holds the text, in any case. */
static int
holds(const char *name, const char *text)
{
	return name != NULL && strcasestr(name, text) != NULL;
}

/* 1 when an order of the account passes every filter of the query. */
static int
matches(const struct sb_order *o, const char *platform,
    const struct sb_query *q)
{
	char org[32];

	snprintf(org, sizeof org, "%lld", o->org_id);
	return strcmp(o->platform, platform) == 0 && sb_order_visible(o) &&
	    (q->product == NULL || strcmp(o->product, q->product) == 0) &&
	    (q->status == NULL || strcmp(o->status, q->status) == 0) &&
	    (q->org_id == NULL || strcmp(org, q->org_id) == 0) &&
	    (q->from == 0 || (o->created >= q->from &&
	    o->created < q->until)) &&
	    (q->common_name == NULL || (o->common_name != NULL &&
	    strcasecmp(o->common_name, q->common_name) == 0)) &&
	    (q->search == NULL || holds(o->common_name, q->search) ||
	    holds(o->org_name, q->search)) &&
	    (q->email == NULL || has_email(o, q->email));
}

/* Orders oldest first: by placement time, then by ID. */
static int
by_age(const void *a, const void *b)
{
	const struct sb_order *x = *(const struct sb_order *const *)a;
	const struct sb_order *y = *(const struct sb_order *const *)b;

	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Adds a string member, or null when s is NULL. */
static void
add_string(cJSON *o, const char *name, const char *s)
{
	if (s != NULL)
		cJSON_AddStringToObject(o, name, s);
	else
		cJSON_AddNullToObject(o, name);
}

/* Describes an order as List orders does; lock held. */
static cJSON *
list_item(const struct sb_order *o)
{
	cJSON *a = cJSON_CreateObject(), *sub;
	char when[32];
	struct tm tm;

	gmtime_r(&o->created, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
	cJSON_AddNumberToObject(a, "id", (double)o->id);
	cJSON_AddStringToObject(a, "status", o->status);
	cJSON_AddStringToObject(a, "date_created", when);
	sub = cJSON_AddObjectToObject(a, "product");
	cJSON_AddStringToObject(sub, "name_id", o->product);
	add_string(sub, "name", o->product_name);
	sub = cJSON_AddObjectToObject(a, "organization");
	cJSON_AddNumberToObject(sub, "id", (double)o->org_id);
	add_string(sub, "name", o->org_name);
	sub = cJSON_AddObjectToObject(a, "certificate");
	if (o->certificate_id != 0)
		cJSON_AddNumberToObject(sub, "id", (double)o->certificate_id);
	else
		cJSON_AddNullToObject(sub, "id");
	add_string(sub, "common_name", o->common_name);
	cJSON_AddItemToObject(sub, "dns_names",
	    cJSON_Duplicate(o->dns_names, 1));
	return a;
}

/* The page of the query's orders of an account; lock held. */
static cJSON *
list_page(const struct sandbox *sb, const char *platform,
    const struct sb_query *q)
{
	const struct sb_order **hits;
	cJSON *a = cJSON_CreateObject(), *list, *page;
	size_t i, n = 0, at;

	hits = xcalloc(sb->norders + 1, sizeof *hits);
	for (i = 0; i < sb->norders; i++) {
		if (matches(&sb->orders[i], platform, q))
			hits[n++] = &sb->orders[i];
	}
	qsort(hits, n, sizeof *hits, by_age);
	list = cJSON_AddArrayToObject(a, "orders");
	for (i = (size_t)q->offset; i < n && i < (size_t)q->offset +
	    (size_t)q->limit; i++) {
		at = q->oldest_first ? i : n - 1 - i;
		cJSON_AddItemToArray(list, list_item(hits[at]));
	}
	free(hits);
	page = cJSON_AddObjectToObject(a, "page");
	cJSON_AddNumberToObject(page, "total", (double)n);
	cJSON_AddNumberToObject(page, "limit", (double)q->limit);
	cJSON_AddNumberToObject(page, "offset", (double)q->offset);
	return a;
}

/* Answers GET order/certificate: the account's orders, newest first. */
void
sb_list_orders(struct sandbox *sb, const struct sb_call *c, const char *arg,
    struct sb_reply *r)
{
	struct sb_query q;
	const char *bad;
	char *code;
	cJSON *a;

	(void)arg;
	if ((bad = parse_query(c, &q)) != NULL) {
		code = xasprintf("invalid_value:%s", bad);
		sb_reply_error(r, 400, code, "%s: not a value List orders "
		    "takes", bad);
		free(code);
		return;
	}
	pthread_mutex_lock(&sb->lock);
	a = list_page(sb, c->key->platform, &q);
	pthread_mutex_unlock(&sb->lock);
	sb_reply_json(r, 200, a);
}

/* Answers GET /_sandbox/orders. */
void
sb_control_orders(struct sandbox *sb, const struct sb_call *c,
    struct sb_reply *r)
{
	cJSON *a = cJSON_CreateObject(), *list, *e;
	const struct sb_order *o;
	size_t i;

	(void)c;
	list = cJSON_AddArrayToObject(a, "orders");
	pthread_mutex_lock(&sb->lock);
	for (i = 0; i < sb->norders; i++) {
		o = &sb->orders[i];
		e = cJSON_CreateObject();
		cJSON_AddNumberToObject(e, "id", (double)o->id);
		cJSON_AddStringToObject(e, "product", o->product);
		cJSON_AddStringToObject(e, "platform", o->platform);
		add_string(e, "alternative_order_id", o->alt_id);
		cJSON_AddStringToObject(e, "body_sha256", o->body_sha256);
		add_string(e, "raw_sha256", o->raw_sha256);
		cJSON_AddItemToArray(list, e);
	}
	cJSON_AddNumberToObject(a, "posts", (double)sb->order_posts);
	cJSON_AddNumberToObject(a, "placed", (double)sb->placed);
	pthread_mutex_unlock(&sb->lock);
	sb_reply_json(r, 200, a);
}
