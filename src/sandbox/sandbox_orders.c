/* sandbox_orders.c: POST order/certificate/{product}: checking the body
 * with the product's form and placing the order. */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/sha256.h"
#include "util/xalloc.h"

/* The form of a product on a platform, or NULL. */
const struct form *
sb_form(const struct sandbox *sb, const char *id, const char *platform)
{
	size_t i;

	for (i = 0; i < sb->nforms; i++) {
		if (strcmp(sb->forms[i]->id, id) == 0 &&
		    strcmp(sb->forms[i]->platform, platform) == 0)
			return sb->forms[i];
	}
	return NULL;
}

/* Adds one problem to the error array as DigiCert words it. */
static void
add_error(cJSON *errors, const struct problem *pr)
{
	const char *path = *pr->path != '\0' ? pr->path : "body";
	cJSON *e = cJSON_CreateObject();
	char *text;

	text = xasprintf("%s:%s", pr->missing ? "required_param" :
	    "invalid_value", path);
	cJSON_AddStringToObject(e, "code", text);
	free(text);
	text = xasprintf("%s: %s", path, pr->message);
	cJSON_AddStringToObject(e, "message", text);
	free(text);
	cJSON_AddItemToArray(errors, e);
}

/* Turns the body's errors into DigiCert's error array; NULL if none. */
static cJSON *
check_body(const struct sandbox *sb, const struct form *form,
    const cJSON *body)
{
	struct problems p = { NULL, 0 };
	cJSON *errors = NULL;
	size_t i;

	order_check(form, body, sb->fixed_today ? sb->today : time(NULL), &p);
	for (i = 0; i < p.n; i++) {
		if (p.v[i].warning)
			continue;
		if (errors == NULL)
			errors = cJSON_CreateArray();
		add_error(errors, &p.v[i]);
	}
	problems_free(&p);
	return errors;
}

/* A string member at a dotted path of the body, or NULL. */
static const char *
body_string(const cJSON *body, const char *a, const char *b)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, a);

	if (b != NULL)
		v = cJSON_GetObjectItemCaseSensitive(v, b);
	return cJSON_IsString(v) && *v->valuestring != '\0' ?
	    v->valuestring : NULL;
}

/* The organization ID of the body (number or numeric string), or 0. */
static long long
body_org_id(const cJSON *body)
{
	const cJSON *org = cJSON_GetObjectItemCaseSensitive(body,
	    "organization");
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(org, "id");

	if (cJSON_IsNumber(id))
		return (long long)id->valuedouble;
	if (cJSON_IsString(id))
		return strtoll(id->valuestring, NULL, 10);
	return 0;
}

/* 1 when an order is approved at once: a document signing product paid
 * from the account balance. */
static int
approves_at_once(const char *product, const cJSON *body)
{
	const char *pay = body_string(body, "payment_method", NULL);

	return (strncmp(product, "document_signing", 16) == 0 ||
	    strncmp(product, "ds_", 3) == 0) &&
	    (pay == NULL || strcmp(pay, "balance") == 0);
}

/* Counts an earlier order of the account with the same alternative ID. */
static void
count_repeat(struct sandbox *sb, const struct sb_order *o)
{
	size_t i;

	for (i = 0; o->alt_id != NULL && i < sb->norders; i++) {
		if (sb->orders[i].alt_id != NULL &&
		    strcmp(sb->orders[i].platform, o->platform) == 0 &&
		    strcmp(sb->orders[i].alt_id, o->alt_id) == 0) {
			sb->alt_repeats++;
			return;
		}
	}
}

/* Records the order, numbering it; called with the lock held. */
static void
record(struct sandbox *sb, struct sb_order *o, int approved)
{
	o->id = sb->next_order++;
	o->request_id = sb->next_request++;
	o->certificate_id = approved ? sb->next_cert++ : 0;
	o->status = approved ? "issued" : "pending";
	count_repeat(sb, o);
	sb->orders = xreallocarray(sb->orders, sb->norders + 1,
	    sizeof *sb->orders);
	sb->orders[sb->norders++] = *o;
	sb->placed++;
}

/* The base domain of a DNS name: its last two labels. */
static const char *
base_domain(const char *name)
{
	const char *p = name + strlen(name), *dot = NULL;
	int dots = 0;

	while (p > name) {
		if (*--p == '.' && ++dots == 2) {
			dot = p;
			break;
		}
	}
	return dot != NULL ? dot + 1 : name;
}

/* Adds s to the open-addressing set (size a power of two) and to v unless
 * it is there already. */
static void
add_unique(const char **set, size_t size, const char **v, size_t *k,
    const char *s)
{
	uint64_t h = 1469598103934665603ull;	/* FNV-1a */
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	for (i = h & (size - 1); set[i] != NULL; i = (i + 1) & (size - 1)) {
		if (strcmp(set[i], s) == 0)
			return;
	}
	set[i] = v[(*k)++] = s;
}

/* The names of a server order without repeats, common name first, in
 * linear time; returns their number. */
static size_t
unique_names(const char *cn, const cJSON *names, const char ***out)
{
	size_t n = (size_t)cJSON_GetArraySize(names) + 1, size = 16, k = 0;
	const char **set, **v = xcalloc(n, sizeof *v);
	const cJSON *item;

	while (size < n * 2)
		size *= 2;
	set = xcalloc(size, sizeof *set);
	if (cn != NULL)
		add_unique(set, size, v, &k, cn);
	cJSON_ArrayForEach(item, names) {
		if (cJSON_IsString(item))
			add_unique(set, size, v, &k, item->valuestring);
	}
	free(set);
	*out = v;
	return k;
}

/* The "domains" answer of a server order: common name and DNS names, each
 * once. Only the ids are taken under the lock. */
static cJSON *
domains(struct sandbox *sb, const cJSON *body)
{
	const cJSON *cert = cJSON_GetObjectItemCaseSensitive(body,
	    "certificate");
	const char **v;
	size_t n, i;
	long long first;
	cJSON *a = cJSON_CreateArray(), *o;

	n = unique_names(body_string(body, "certificate", "common_name"),
	    cJSON_GetObjectItemCaseSensitive(cert, "dns_names"), &v);
	pthread_mutex_lock(&sb->lock);
	first = sb->next_domain;
	sb->next_domain += (long long)n;
	pthread_mutex_unlock(&sb->lock);
	for (i = 0; i < n; i++) {
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id",
		    (double)(first + (long long)i));
		cJSON_AddStringToObject(o, "name", base_domain(v[i]));
		cJSON_AddStringToObject(o, "dns_name", v[i]);
		cJSON_AddItemToArray(a, o);
	}
	free(v);
	return a;
}

/* Builds the 201 answer of a placed order. */
static cJSON *
answer(struct sandbox *sb, const struct sb_order *o, int new_org,
    const cJSON *body)
{
	cJSON *a = cJSON_CreateObject(), *reqs, *req, *org;

	cJSON_AddNumberToObject(a, "id", (double)o->id);
	reqs = cJSON_AddArrayToObject(a, "requests");
	req = cJSON_CreateObject();
	cJSON_AddNumberToObject(req, "id", (double)o->request_id);
	cJSON_AddStringToObject(req, "status", o->certificate_id != 0 ?
	    "approved" : "pending");
	cJSON_AddItemToArray(reqs, req);
	if (o->certificate_id != 0)
		cJSON_AddNumberToObject(a, "certificate_id",
		    (double)o->certificate_id);
	if (new_org) {
		org = cJSON_AddObjectToObject(a, "organization");
		cJSON_AddNumberToObject(org, "id", (double)o->org_id);
	}
	if (strcmp(o->product, "pkio_private_services_server") == 0)
		cJSON_AddItemToObject(a, "domains", domains(sb, body));
	return a;
}

/* Places a checked order and answers 201; a late one stays hidden from
 * look-ups for a while. */
static void
place(struct sandbox *sb, const struct form *form, const cJSON *body,
    const struct sb_call *c, struct sb_reply *r)
{
	struct sb_order o;
	char raw[SHA256_HEX_LEN + 1];
	int approved = approves_at_once(form->id, body);
	int new_org;

	memset(&o, 0, sizeof o);
	o.product = xstrdup(form->id);
	o.platform = strcmp(form->platform, "eu") == 0 ? "eu" : "us";
	o.alt_id = xstrdup(body_string(body, "alternative_order_id", NULL));
	o.common_name = xstrdup(body_string(body, "certificate",
	    "common_name"));
	o.org_id = body_org_id(body);
	new_org = o.org_id == 0;
	sb_order_describe(&o, body, form->title);
	sha256_hex(c->body, c->len, raw);
	o.raw_sha256 = xstrdup(raw);
	if (o.org_name == NULL)
		o.org_name = xstrdup(sb_org_name(o.platform, o.org_id));
	if (c->fault == SB_FAULT_LATE)
		o.visible_after = sb_mono_now() + sb->late_seconds;
	pthread_mutex_lock(&sb->lock);
	if (new_org)	/* reading 15: the organization's details */
		o.org_id = sb_org_create(sb, o.platform,
		    cJSON_GetObjectItemCaseSensitive(body, "organization"));
	record(sb, &o, approved);
	pthread_mutex_unlock(&sb->lock);
	sb_reply_json(r, 201, answer(sb, &o, new_org, body));
}

/* Answers POST order/certificate/{product}. */
void
sb_post_order(struct sandbox *sb, const struct sb_call *c,
    const char *product, struct sb_reply *r)
{
	const struct form *form = sb_form(sb, product, c->key->platform);
	cJSON *body, *errors;

	if (form == NULL) {
		sb_reply_error(r, 404, "not_found|product", "Product '%s' "
		    "is not available on this platform", product);
		return;
	}
	body = cJSON_ParseWithLength(c->body, c->len);
	if (!cJSON_IsObject(body))
		sb_reply_error(r, 400, "bad_request_format", "The request "
		    "body is not a JSON object");
	else if ((errors = check_body(sb, form, body)) != NULL)
		sb_reply_errors(r, 400, errors);
	else
		place(sb, form, body, c, r);
	cJSON_Delete(body);
}

/* Releases the orders. */
void
sb_orders_free(struct sandbox *sb)
{
	size_t i;

	for (i = 0; i < sb->norders; i++) {
		free(sb->orders[i].product);
		free(sb->orders[i].alt_id);
		free(sb->orders[i].common_name);
		sb_order_forget(&sb->orders[i]);
	}
	free(sb->orders);
}
