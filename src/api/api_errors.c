/* api_errors.c: reading CertCentral's answers: orders, DigiCert's error
 * array mapped to form fields, and answers that are not what they should be. */
#include "config.h"

#include "api/api_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/platform.h"
#include "core/value.h"
#include "util/safetext.h"
#include "util/xalloc.h"

/* A JSON order ID as text: digits only, else NULL. */
char *
api_order_id_text(const cJSON *v)
{
	char *id = value_id_text(v);

	if (id != NULL && !safe_order_id(id)) {
		free(id);
		return NULL;
	}
	return id;
}

/* A JSON string member as a copy, or NULL. */
static char *
str_member(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? safe_text(v->valuestring) : value_id_text(v);
}

/* Parses an answer as JSON, or NULL. */
cJSON *
api_parse_answer(const struct api_response *r)
{
	if (r->body == NULL || r->len == 0 || r->too_big)
		return NULL;
	return cJSON_ParseWithLength(r->body, r->len);
}

/* Reads the requests array of an order answer. */
static void
parse_requests(const cJSON *a, struct api_result *res)
{
	const cJSON *item;
	struct api_request *rq;

	cJSON_ArrayForEach(item, a) {
		res->requests = xreallocarray(res->requests,
		    res->nrequests + 1, sizeof *res->requests);
		rq = &res->requests[res->nrequests++];
		rq->id = str_member(item, "id");
		rq->status = str_member(item, "status");
	}
}

/* Reads the domains array of a pkio server order answer. */
static void
parse_domains(const cJSON *a, struct api_result *res)
{
	const cJSON *item;
	struct api_domain *d;

	cJSON_ArrayForEach(item, a) {
		res->domains = xreallocarray(res->domains, res->ndomains + 1,
		    sizeof *res->domains);
		d = &res->domains[res->ndomains++];
		d->id = str_member(item, "id");
		d->name = str_member(item, "name");
		d->dns_name = str_member(item, "dns_name");
	}
}

/* Fills res from an order answer. */
int
api_parse_order(const cJSON *answer, struct api_result *res)
{
	const cJSON *org;
	char *id;

	if (!cJSON_IsObject(answer) ||
	    (id = api_order_id_text(cJSON_GetObjectItemCaseSensitive(answer,
	    "id"))) == NULL)
		return -1;
	free(res->order_id);
	res->order_id = id;
	parse_requests(cJSON_GetObjectItemCaseSensitive(answer, "requests"),
	    res);
	parse_domains(cJSON_GetObjectItemCaseSensitive(answer, "domains"),
	    res);
	free(res->certificate_id);
	res->certificate_id = str_member(answer, "certificate_id");
	org = cJSON_GetObjectItemCaseSensitive(answer, "organization");
	free(res->organization_id);
	res->organization_id = cJSON_IsObject(org) ? str_member(org, "id") :
	    NULL;
	return 0;
}

/* The field path a code names ("required_param:a.b.0.c" gives
 * "a.b[0].c"), or NULL. */
static char *
code_path(const char *code)
{
	const char *p, *seg;
	char *out;
	size_t len, o = 0;

	if (strncmp(code, "required_param:", 15) == 0)
		p = code + 15;
	else if (strncmp(code, "invalid_value:", 14) == 0)
		p = code + 14;
	else
		return NULL;
	if (*p == '\0')
		return NULL;
	out = xmalloc(strlen(p) * 3 + 1);	/* "0" becomes "[0]" */
	for (seg = p; *seg != '\0'; seg += len + (seg[len] == '.')) {
		len = strcspn(seg, ".");
		if (len > 0 && strspn(seg, "0123456789") == len)
			o += (size_t)sprintf(out + o, "[%.*s]", (int)len, seg);
		else
			o += (size_t)sprintf(out + o, "%s%.*s", o > 0 ? "." :
			    "", (int)len, seg);
	}
	out[o] = '\0';
	return out;
}

/* Adds one entry of the error array. */
static void
add_error(const cJSON *e, struct api_result *res)
{
	struct api_error *err;

	res->errors = xreallocarray(res->errors, res->nerrors + 1,
	    sizeof *res->errors);
	err = &res->errors[res->nerrors++];
	err->code = str_member(e, "code");
	err->message = str_member(e, "message");
	if (err->code == NULL)
		err->code = xstrdup("unknown");
	if (err->message == NULL)
		err->message = xstrdup("(no message)");
	err->path = code_path(err->code);
	problems_add(&res->problems, 0, err->path != NULL ? err->path : "",
	    "%s (%s)", err->message, err->code);
}

/* Adds every entry of DigiCert's error array. */
int
api_parse_errors(const cJSON *answer, struct api_result *res)
{
	const cJSON *a, *e;

	a = cJSON_GetObjectItemCaseSensitive(answer, "errors");
	if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) == 0)
		return -1;
	cJSON_ArrayForEach(e, a)
		add_error(e, res);
	return 0;
}

/* What kind of text an answer holds, for a message. */
static const char *
answer_kind(const struct api_response *r)
{
	const char *ct = r->content_type != NULL ? r->content_type : "";

	if (r->len == 0)
		return "an empty answer";
	if (strncasecmp(ct, "text/html", 9) == 0 ||
	    (r->body != NULL && strncasecmp(r->body, "<!doctype html", 14) == 0) ||
	    (r->body != NULL && strncasecmp(r->body, "<html", 5) == 0))
		return "an HTML page";
	if (strstr(ct, "json") != NULL)
		return "broken JSON";
	return "something else";
}

/* Says in words what an answer that is not a success means. */
char *
api_explain(const struct api_response *r, const char *platform,
    const char *doing)
{
	const char *title = platform_title(platform);
	const char *up = strcmp(platform, "us") == 0 ? "US" : "EU";

	if (r->status == 0)
		return xasprintf("could not reach the %s platform: %s", title,
		    r->error != NULL ? r->error : "no answer");
	if (r->too_big)
		return xasprintf("the %s platform's answer (HTTP %ld) was "
		    "larger than 1 MiB and was not read", title, r->status);
	if (r->status == 401)
		return xasprintf("the API key was refused by the %s platform: "
		    "check CERTWIZ_API_KEY_%s (or DIGICERT_API_KEY, or key_%s "
		    "in the config file)", title, up, platform);
	if (r->status == 403)
		return xasprintf("the key lacks permission to %s on the %s "
		    "platform: ask an account administrator", doing, title);
	if (r->status == 429)
		return xasprintf("the %s platform refused with HTTP 429 "
		    "(request limit exceeded)", title);
	return xasprintf("the %s platform answered HTTP %ld with %s, not "
	    "JSON", title, r->status, answer_kind(r));
}

/* Adds a note and passes it on. */
void
api_note(struct api *api, struct api_result *res, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	res->notes = xreallocarray(res->notes, res->nnotes + 1,
	    sizeof *res->notes);
	res->notes[res->nnotes++] = s;
	if (api->notify != NULL)
		api->notify(s, api->notify_arg);
}

/* Replaces the result's message. */
void
api_set_message(struct api_result *res, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);	/* the old message may be an argument */
	va_end(ap);
	free(res->message);
	/* Messages quote the server and typed text: never raw controls. */
	res->message = safe_text(s);
	free(s);
}
