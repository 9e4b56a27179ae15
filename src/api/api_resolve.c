/* api_resolve.c: settling an order attempt whose outcome is unknown: the
 * look-up by alternative order ID, or List orders for products without
 * one, tried again with backoff for a bounded time after the order was
 * sent; and the guard that runs before any order is sent. */
#include "config.h"

#include "api/api_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/platform.h"
#include "core/value.h"
#include "util/xalloc.h"

/* Longest wait between two look-ups, in seconds. */
#define RESOLVE_MAX_WAIT 30

/* Sleeps, returning early when the cancel flag gets set. */
void
api_sleep_ms(struct api *api, long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
		if (api->cancel != NULL && *api->cancel != 0)
			return;
	}
}

/* An ISO time "YYYY-MM-DDTHH:MM:SS" (UTC) as seconds; 0 when not one. */
static time_t
iso_time(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (s == NULL || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

/* Appends "&filters[name]=value" (value percent-encoded) to *q. */
static void
add_filter(char **q, const char *name, const char *value)
{
	char *enc = xmalloc(strlen(value) * 3 + 1), *p = enc, *n;
	const char *hex = "0123456789ABCDEF";

	for (; *value != '\0'; value++) {
		unsigned char c = (unsigned char)*value;

		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || strchr("-_.~", c) != NULL)
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	n = xasprintf("%s&filters%%5B%s%%5D=%s", *q, name, enc);
	free(enc);
	free(*q);
	*q = n;
}

/* The List orders path for an attempt: its product, from the day before it
 * was sent to tomorrow, and what the body can be matched on. */
static char *
list_path(const struct api_attempt *at, time_t sent)
{
	time_t from = sent - 86400, to = time(NULL) + 86400;
	char d1[16], d2[16], *q, *range;
	struct tm tm;
	const cJSON *m;

	gmtime_r(&from, &tm);
	strftime(d1, sizeof d1, "%Y-%m-%d", &tm);
	gmtime_r(&to, &tm);
	strftime(d2, sizeof d2, "%Y-%m-%d", &tm);
	q = xasprintf("order/certificate?sort=-date_created&limit=100");
	add_filter(&q, "product_name_id", at->product);
	range = xasprintf("%s...%s", d1, d2);
	add_filter(&q, "date_created", range);
	free(range);
	cJSON_ArrayForEach(m, at->match) {
		if (cJSON_IsString(m))
			add_filter(&q, m->string, m->valuestring);
	}
	return q;
}

/* 1 when order o of a List orders answer may be the attempt's: the same
 * product, created since shortly before it was sent, and not an order
 * another attempt of the journal already owns. */
static int
candidate(const cJSON *o, const struct api_attempt *at, time_t sent,
    const struct api_attempts *known)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "product");
	const cJSON *nid = cJSON_GetObjectItemCaseSensitive(p, "name_id");
	const cJSON *dc = cJSON_GetObjectItemCaseSensitive(o, "date_created");
	char *id = value_id_text(cJSON_GetObjectItemCaseSensitive(o, "id"));
	size_t i;
	int ok;

	ok = id != NULL && cJSON_IsString(nid) &&
	    strcmp(nid->valuestring, at->product) == 0 && cJSON_IsString(dc) &&
	    iso_time(dc->valuestring) >= sent - 300;
	for (i = 0; ok && known != NULL && i < known->n; i++) {
		if (known->v[i].order_id != NULL &&
		    strcmp(known->v[i].id, at->id) != 0 &&
		    strcmp(known->v[i].order_id, id) == 0)
			ok = 0;
	}
	free(id);
	return ok;
}

/* Picks the attempt's order out of a List orders answer. */
static enum api_outcome
pick_listed(const cJSON *answer, const struct api_attempt *at, time_t sent,
    struct api_result *res)
{
	const cJSON *orders = cJSON_GetObjectItemCaseSensitive(answer, "orders");
	const cJSON *o, *hit = NULL;
	struct api_attempts known;
	char *cause = NULL, *ids = xstrdup(""), *n, *id;
	int count = 0;

	if (api_attempts_load(&known, &cause) != 0)
		free(cause);
	cJSON_ArrayForEach(o, orders) {
		if (!candidate(o, at, sent, known.v != NULL ? &known : NULL))
			continue;
		hit = o;
		id = value_id_text(cJSON_GetObjectItemCaseSensitive(o, "id"));
		n = xasprintf("%s%s%s", ids, count++ > 0 ? ", " : "", id);
		free(id);
		free(ids);
		ids = n;
	}
	api_attempts_free(&known);
	if (count == 1) {
		free(res->order_id);
		res->order_id = ids;
		free(res->status);
		res->status = value_id_text(
		    cJSON_GetObjectItemCaseSensitive(hit, "status"));
		return API_PLACED;
	}
	if (count > 1)
		api_set_message(res, "several orders could be this one (%s): "
		    "check them in CertCentral", ids);
	free(ids);
	return count > 1 ? API_UNKNOWN : API_NOT_FOUND;
}

/* Looks for the attempt's order with List orders. */
static enum api_outcome
find_listed(struct api *api, const struct api_attempt *at, time_t sent,
    struct api_result *res)
{
	struct api_response r;
	cJSON *answer = NULL;
	char *path = list_path(at, sent), *cause = NULL, *why;
	enum api_outcome o = API_FAILED;

	if (api_call(api, at->platform, "GET", path, NULL, &r, &cause) != 0) {
		api_set_message(res, "%s", cause);
		free(cause);
		free(path);
		return API_FAILED;
	}
	free(path);
	if (r.code == CURLE_OK && r.status == 200)
		answer = api_parse_answer(&r);
	if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(answer, "orders")))
		o = pick_listed(answer, at, sent, res);
	else {
		why = api_explain(&r, at->platform, "read orders");
		api_set_message(res, "the List orders look-up failed: %s", why);
		free(why);
	}
	cJSON_Delete(answer);
	api_response_free(&r);
	return o;
}

/* One look-up for the attempt: by alternative order ID, else List
 * orders. */
static enum api_outcome
look_once(struct api *api, const struct api_attempt *at, time_t sent,
    struct api_result *res)
{
	if (at->alt != NULL)
		return api_find_alternate(api, at->platform, at->alt, res);
	return find_listed(api, at, sent, res);
}

/* Journals what a look-up settled for an attempt. */
static void
journal_settled(struct api *api, const struct api_attempt *at,
    struct api_result *res)
{
	struct api_journal_entry e = {
		.submission = at->id, .product = at->product,
		.platform = at->platform, .alternative_order_id = at->alt,
		.event = api_outcome_name(res->outcome),
		.order_id = res->order_id, .message = res->message,
	};
	char *cause = NULL;

	if (api_journal_write(&e, &cause) != 0) {
		api_note(api, res, "could not write the journal (%s)%s%s",
		    cause, res->order_id != NULL ? "; the order ID is " : "",
		    res->order_id != NULL ? res->order_id : "");
		free(cause);
	}
}

/* The next wait between look-ups, in seconds: doubling from 2, at most
 * RESOLVE_MAX_WAIT and never past the deadline; 0 when the time is up. */
static long
next_wait(long prev, time_t deadline)
{
	long w = prev == 0 ? 2 : prev * 2, left = (long)(deadline - time(NULL));

	if (w > RESOLVE_MAX_WAIT)
		w = RESOLVE_MAX_WAIT;
	return left <= 0 ? 0 : w < left ? w : left;
}

/* Says in res what the look-ups settled. */
static void
say_settled(const struct api_attempt *at, enum api_outcome o, long waited,
    struct api_result *res)
{
	const char *how = at->alt != NULL ? "by its alternative order ID" :
	    "among the product's orders";

	if (o == API_PLACED && at->alt != NULL)
		api_set_message(res, "placed (found by alternative order ID "
		    "%s): order %s", at->alt, res->order_id);
	else if (o == API_PLACED)
		api_set_message(res, "placed (found among the product's orders "
		    "created since it was sent): order %s", res->order_id);
	else if (o == API_NOT_FOUND)
		api_set_message(res, "no order was found %s%s%s, looking for "
		    "%ld s after it was sent: it was most likely not placed",
		    how, at->alt != NULL ? " " : "", at->alt != NULL ?
		    at->alt : "", waited);
}

/* Settles an open attempt. */
enum api_outcome
api_resolve(struct api *api, const struct api_attempt *at,
    struct api_result *res)
{
	time_t sent = iso_time(at->time), deadline;
	enum api_outcome o;
	long wait = 0;

	if (sent == 0)
		sent = time(NULL);
	deadline = sent + api->resolve_seconds;
	for (;;) {
		o = look_once(api, at, sent, res);
		if (o == API_PLACED || o == API_UNKNOWN)
			break;		/* found, or several candidates */
		if ((wait = next_wait(wait, deadline)) == 0 ||
		    (api->cancel != NULL && *api->cancel != 0))
			break;
		api_note(api, res, "%s; looking again in %ld s (until %ld s "
		    "after it was sent)", o == API_NOT_FOUND ? "no order found "
		    "yet" : "the look-up failed", wait, api->resolve_seconds);
		api_sleep_ms(api, wait * 1000);
	}
	if (o == API_FAILED)	/* a failed look-up settles nothing */
		api_set_message(res, "the outcome is still unknown (%s); "
		    "'%s resolve' looks again", res->message, api->command);
	if (o == API_FAILED)
		o = API_UNKNOWN;
	res->outcome = o;
	free(res->alternative_order_id);
	res->alternative_order_id = at->alt != NULL ? xstrdup(at->alt) : NULL;
	free(res->attempt_id);
	res->attempt_id = xstrdup(at->id);
	say_settled(at, o, (long)(time(NULL) - sent), res);
	if (o == API_PLACED)
		res->found_by_alt = at->alt != NULL;
	if (o == API_PLACED || o == API_NOT_FOUND)
		journal_settled(api, at, res);
	return o;
}

/* The outcome of the journal's attempt id, settled when it is open. */
enum api_outcome
api_attempt_settle(struct api *api, const char *id, char **order_id)
{
	struct api_attempts a;
	struct api_result res = API_RESULT_INIT;
	enum api_outcome o = API_UNKNOWN;
	char *cause = NULL;
	size_t i;

	*order_id = NULL;
	if (api_attempts_load(&a, &cause) != 0) {
		free(cause);
		return API_UNKNOWN;
	}
	for (i = 0; i < a.n && strcmp(a.v[i].id, id) != 0; i++)
		continue;
	if (i < a.n && api_attempt_open(&a.v[i])) {
		o = api_resolve(api, &a.v[i], &res);
		if (res.order_id != NULL)
			*order_id = xstrdup(res.order_id);
		api_result_free(&res);
	} else if (i < a.n) {
		o = a.v[i].outcome;
		if (a.v[i].order_id != NULL)
			*order_id = xstrdup(a.v[i].order_id);
	}
	api_attempts_free(&a);
	return o;
}

/* 1 when attempt at is the same order as the one about to be sent: the
 * same product and platform, and the same body or the same draft. */
static int
same_order(const struct api_attempt *at, const char *product,
    const char *platform, const char *hash, const char *draft)
{
	if (at->product == NULL || strcmp(at->product, product) != 0 ||
	    at->platform == NULL || strcmp(at->platform, platform) != 0)
		return 0;
	return (at->body_hash != NULL && strcmp(at->body_hash, hash) == 0) ||
	    (draft != NULL && at->draft != NULL &&
	    strcmp(at->draft, draft) == 0);
}

/* Resolves the open attempts of a product; -1 (res set) when one stays
 * unknown. A placed one becomes *at's outcome in the attempts. */
static int
resolve_open(struct api *api, struct api_attempts *a, const char *product,
    const char *platform, struct api_result *res)
{
	struct api_result r = API_RESULT_INIT;
	struct api_attempt *at;
	size_t i;

	for (i = 0; i < a->n; i++) {
		at = &a->v[i];
		if (!api_attempt_open(at) || at->product == NULL ||
		    strcmp(at->product, product) != 0 || at->platform == NULL ||
		    strcmp(at->platform, platform) != 0)
			continue;
		api_note(api, res, "an earlier %s order sent at %s has an "
		    "unknown outcome; looking it up first", product, at->time);
		at->outcome = api_resolve(api, at, &r);
		free(at->order_id);
		at->order_id = r.order_id != NULL ? xstrdup(r.order_id) : NULL;
		if (at->outcome == API_UNKNOWN) {
			api_set_message(res, "an earlier %s order sent at %s "
			    "still has an unknown outcome (%s); nothing was "
			    "sent: run '%s resolve' until it is settled",
			    product, at->time, r.message, api->command);
			api_result_free(&r);
			return -1;
		}
		api_result_free(&r);
	}
	return 0;
}

/* Looks for the same order placed before. */
int
api_guard(struct api *api, const char *product, const char *platform,
    const char *hash, const char *draft, struct api_result *res)
{
	struct api_attempts a;
	char *cause = NULL;
	size_t i;
	int rc = 0;

	if (api_attempts_load(&a, &cause) != 0) {
		api_set_message(res, "%s; the journal cannot be read, so "
		    "nothing was sent", cause);
		res->unsent = 1;
		free(cause);
		return -1;
	}
	if (resolve_open(api, &a, product, platform, res) != 0) {
		api_attempts_free(&a);
		return -1;
	}
	for (i = a.n; rc == 0 && !api->again && i-- > 0;) {
		if (a.v[i].outcome != API_PLACED ||
		    !same_order(&a.v[i], product, platform, hash, draft))
			continue;
		res->outcome = API_DUPLICATE;
		res->order_id = xstrdup(a.v[i].order_id != NULL ?
		    a.v[i].order_id : "?");
		res->placed_time = xstrdup(a.v[i].time != NULL ?
		    a.v[i].time : "?");
		api_set_message(res, "already placed as order %s on %.10s; "
		    "nothing was sent (use '%s submit --again' to order it "
		    "once more)", res->order_id, res->placed_time,
		    api->command);
		rc = -1;
	}
	api_attempts_free(&a);
	return rc;
}
