/* sandbox_lookup.c: GET order/certificate/{id}, order/alternate/{id} and
 * product/{name_id}. */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "util/xalloc.h"

/* Server platforms offered for the products that take one. */
static const struct {
	int		 id;
	const char	*name;
} platforms[] = {
	{ -1, "OTHER" }, { 2, "Apache" }, { 45, "nginx" },
	{ 59, "Microsoft IIS 10" },
};

/* The visible order of an account with this ID; lock held; NULL when
 * none. */
static const struct sb_order *
find_order(const struct sandbox *sb, const char *platform, const char *arg)
{
	char *end;
	long long id = strtoll(arg, &end, 10);
	size_t i;

	if (*end != '\0')
		return NULL;
	for (i = 0; i < sb->norders; i++) {
		if (sb->orders[i].id == id &&
		    strcmp(sb->orders[i].platform, platform) == 0 &&
		    sb_order_visible(&sb->orders[i]))
			return &sb->orders[i];
	}
	return NULL;
}

/* Describes an order as GET order/certificate/{id} does; lock held. */
static cJSON *
order_json(const struct sb_order *o)
{
	cJSON *a = cJSON_CreateObject(), *sub;

	cJSON_AddNumberToObject(a, "id", (double)o->id);
	cJSON_AddStringToObject(a, "status", o->status);
	sub = cJSON_AddObjectToObject(a, "product");
	cJSON_AddStringToObject(sub, "name_id", o->product);
	sub = cJSON_AddObjectToObject(a, "organization");
	cJSON_AddNumberToObject(sub, "id", (double)o->org_id);
	sub = cJSON_AddObjectToObject(a, "certificate");
	if (o->certificate_id != 0)
		cJSON_AddNumberToObject(sub, "id", (double)o->certificate_id);
	if (o->common_name != NULL)
		cJSON_AddStringToObject(sub, "common_name", o->common_name);
	if (o->alt_id != NULL)
		cJSON_AddStringToObject(a, "alternative_order_id", o->alt_id);
	return a;
}

/* Answers GET order/certificate/{order_id}. */
void
sb_get_order(struct sandbox *sb, const struct sb_call *c, const char *arg,
    struct sb_reply *r)
{
	const struct sb_order *o;
	cJSON *a = NULL;

	pthread_mutex_lock(&sb->lock);
	if ((o = find_order(sb, c->key->platform, arg)) != NULL)
		a = order_json(o);
	pthread_mutex_unlock(&sb->lock);
	if (a != NULL)
		sb_reply_json(r, 200, a);
	else
		sb_reply_error(r, 404, "not_found|order", "No order %s", arg);
}

/* Answers GET order/alternate/{alternative_order_id}. */
void
sb_get_alternate(struct sandbox *sb, const struct sb_call *c,
    const char *arg, struct sb_reply *r)
{
	cJSON *a = cJSON_CreateObject(), *orders, *e;
	const struct sb_order *o;
	size_t i;

	orders = cJSON_AddArrayToObject(a, "orders");
	pthread_mutex_lock(&sb->lock);
	for (i = 0; i < sb->norders; i++) {
		o = &sb->orders[i];
		if (o->alt_id == NULL || strcmp(o->alt_id, arg) != 0 ||
		    strcmp(o->platform, c->key->platform) != 0 ||
		    !sb_order_visible(o))
			continue;
		e = cJSON_CreateObject();
		cJSON_AddNumberToObject(e, "order_id", (double)o->id);
		if (o->certificate_id != 0)
			cJSON_AddNumberToObject(e, "certificate_id",
			    (double)o->certificate_id);
		else
			cJSON_AddNullToObject(e, "certificate_id");
		cJSON_AddStringToObject(e, "status", o->status);
		cJSON_AddItemToArray(orders, e);
	}
	pthread_mutex_unlock(&sb->lock);
	sb_reply_json(r, 200, a);
}

/* 1 when a product takes a server platform. */
static int
has_platforms(const char *id)
{
	return strcmp(id, "pkio_private_services_server") == 0 ||
	    strncmp(id, "document_signing", 16) == 0 ||
	    strncmp(id, "ds_", 3) == 0;
}

/* The hash types the form allows, as [{"id": "sha256", "name": ...}]. */
static cJSON *
hash_types(const struct form *form)
{
	const struct field *f = form_find(form, "certificate.signature_hash");
	const cJSON *v, *values = f != NULL ? f->values : NULL;
	cJSON *a = cJSON_CreateArray(), *e;
	char name[32];

	cJSON_ArrayForEach(v, values) {
		if (!cJSON_IsString(v) || strncmp(v->valuestring, "sha", 3))
			continue;
		snprintf(name, sizeof name, "SHA-%.16s", v->valuestring + 3);
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "id", v->valuestring);
		cJSON_AddStringToObject(e, "name", name);
		cJSON_AddItemToArray(a, e);
	}
	if (cJSON_GetArraySize(a) == 0) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "id", "sha256");
		cJSON_AddStringToObject(e, "name", "SHA-256");
		cJSON_AddItemToArray(a, e);
	}
	return a;
}

/* Lists the server platforms of a product that takes them. */
static void
add_platforms(cJSON *a, const char *id)
{
	cJSON *list, *e;
	size_t i;

	if (!has_platforms(id))
		return;
	list = cJSON_AddArrayToObject(a, "server_platforms");
	for (i = 0; i < sizeof platforms / sizeof platforms[0]; i++) {
		e = cJSON_CreateObject();
		cJSON_AddNumberToObject(e, "id", platforms[i].id);
		cJSON_AddStringToObject(e, "name", platforms[i].name);
		cJSON_AddItemToArray(list, e);
	}
}

/* Answers GET product/{name_id}. */
void
sb_get_product(struct sandbox *sb, const struct sb_call *c, const char *arg,
    struct sb_reply *r)
{
	const struct form *form = sb_form(sb, arg, c->key->platform);
	cJSON *a, *sig;

	if (form == NULL) {
		sb_reply_error(r, 404, "not_found|product", "Product '%s' "
		    "is not available on this platform", arg);
		return;
	}
	a = cJSON_CreateObject();
	cJSON_AddStringToObject(a, "name_id", form->id);
	cJSON_AddStringToObject(a, "name", form->title);
	add_platforms(a, form->id);
	cJSON_AddArrayToObject(a, "allowed_ca_certs");
	sig = cJSON_AddObjectToObject(a, "signature_hash_types");
	cJSON_AddItemToObject(sig, "allowed_hash_types", hash_types(form));
	cJSON_AddBoolToObject(a, "custom_expiration_date_allowed", 1);
	sb_reply_json(r, 200, a);
}
