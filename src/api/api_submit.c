/* api_submit.c: placing an order: alternative order ID, 429 backoff, the
 * look-up when the outcome is unknown (never a second POST), the journal. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_int.h"
#include "core/form.h"
#include "core/platform.h"
#include "util/secmem.h"
#include "util/xalloc.h"

/* Length of a generated alternative order ID. */
#define ALT_ID_LEN 32

/* One submission in progress. */
struct submission {
	struct api		*api;
	const struct form	*form;
	const char		*platform;	/* static "us" or "eu" */
	char			*alt;		/* alternative order ID or NULL */
	char			 id[17];	/* pairs the journal lines */
	char			**secrets;	/* values kept out of the journal */
	size_t			 nsecrets;
};

/* Sleeps for ms milliseconds. */
static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		continue;
}

/* Remembers the value of every secret field in the body, by form path. */
static void
collect_secrets(struct submission *s, const cJSON *v, const char *path)
{
	const struct field *f;
	const cJSON *c;
	char *p, buf[64];

	if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
		cJSON_ArrayForEach(c, v) {
			p = cJSON_IsArray(v) ? xasprintf("%s[]", path) :
			    xasprintf("%s%s%s", path, *path ? "." : "",
			    c->string);
			collect_secrets(s, c, p);
			free(p);
		}
		return;
	}
	if ((f = form_find(s->form, path)) == NULL || !f->secret)
		return;
	if (cJSON_IsString(v))
		p = xstrdup(v->valuestring);
	else if (cJSON_IsNumber(v)) {
		snprintf(buf, sizeof buf, "%.0f", v->valuedouble);
		p = xstrdup(buf);
	} else
		return;
	s->secrets = xreallocarray(s->secrets, s->nsecrets + 1,
	    sizeof *s->secrets);
	s->secrets[s->nsecrets++] = p;
}

/* A copy of msg with every secret replaced by "[redacted]". */
static char *
scrub(const struct submission *s, const char *msg)
{
	char *out = xstrdup(msg), *hit, *n;
	size_t i, len;

	for (i = 0; i < s->nsecrets; i++) {
		if ((len = strlen(s->secrets[i])) < 3)
			continue;
		while ((hit = strstr(out, s->secrets[i])) != NULL) {
			n = xasprintf("%.*s[redacted]%s", (int)(hit - out), out,
			    hit + len);
			explicit_bzero(out, strlen(out));
			free(out);
			out = n;
		}
	}
	return out;
}

/* Writes one journal line; a failure becomes a note that keeps the id. */
static void
journal(struct submission *s, struct api_result *res, const char *event)
{
	struct api_journal_entry e;
	char *msg, *cause = NULL;

	msg = scrub(s, res->message != NULL ? res->message : "");
	e.submission = s->id;
	e.product = s->form->id;
	e.platform = s->platform;
	e.alternative_order_id = s->alt;
	e.event = event;
	e.order_id = res->order_id;
	e.http_status = res->http_status;
	e.message = msg;
	if (api_journal_write(&e, &cause) != 0) {
		api_note(s->api, res, "could not write the journal (%s)%s%s",
		    cause, res->order_id != NULL ? "; the order ID is " : "",
		    res->order_id != NULL ? res->order_id : "");
		free(cause);
	}
	free(msg);
}

/* "2 s" or "250 ms"; allocated. */
static char *
wait_words(long ms)
{
	if (ms % 1000 == 0)
		return xasprintf("%ld s", ms / 1000);
	return xasprintf("%ld ms", ms);
}

/* POSTs the body, waiting and trying again while the answer is 429. */
static void
post(struct submission *s, const char *text, struct api_response *r,
    struct api_result *res)
{
	char *cause = NULL, *w;
	long wait;
	int attempt;

	for (attempt = 0;; attempt++) {
		if (api_call(s->api, s->platform, "POST", s->form->endpoint,
		    text, r, &cause) != 0) {
			r->error = cause;	/* checked before: not expected */
			return;
		}
		if (r->status != 429 || attempt == API_MAX_RETRIES)
			return;
		wait = s->api->retry_base_ms << attempt;
		w = wait_words(wait);
		api_note(s->api, res, "rate limited; retrying in %s (%d of %d)",
		    w, attempt + 1, API_MAX_RETRIES);
		free(w);
		api_response_free(r);
		sleep_ms(wait);
	}
}

/* 1 when a failed transfer may have reached the server whole. */
static int
maybe_delivered(const struct api_response *r)
{
	if (r->status >= 200 && r->status < 300)
		return 1;
	if (r->status != 0 || !r->sent)
		return 0;
	switch (r->code) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_SEND_FAIL_REWIND:
		return 1;
	default:
		return 0;
	}
}

/* Settles an unknown outcome by looking the order up; why says what went
 * wrong. With none_failed, "no order found" means it was not placed. */
static enum api_outcome
settle(struct submission *s, const char *why, int none_failed,
    struct api_result *res)
{
	enum api_outcome o;
	char *lookup_msg;

	if (s->alt == NULL) {
		api_set_message(res, "%s; %s orders carry no alternative order "
		    "ID, so certwiz cannot look the order up%s: check the "
		    "orders in CertCentral before submitting again", why,
		    s->form->id, none_failed ? " (it was most likely not "
		    "placed)" : "");
		return res->outcome = none_failed ? API_FAILED : API_UNKNOWN;
	}
	api_note(s->api, res, "%s; looking the order up by its alternative "
	    "order ID %s", why, s->alt);
	o = api_find_alternate(s->api, s->platform, s->alt, res);
	if (o == API_PLACED) {
		res->found_by_alt = 1;
		api_set_message(res, "placed (found by alternative order ID "
		    "%s): order %s", s->alt, res->order_id);
		return res->outcome = API_PLACED;
	}
	lookup_msg = res->message;
	res->message = NULL;
	if (o == API_UNKNOWN && none_failed) {
		api_set_message(res, "%s; no order with alternative order ID "
		    "%s exists, so it was not placed", why, s->alt);
		res->outcome = API_FAILED;
	} else {
		/* Also when the look-up itself failed: the order may well be
		 * placed, so it must not be reported as failed (exit 3). */
		api_set_message(res, "%s; %s: the outcome is unknown, check "
		    "the orders in CertCentral before submitting again", why,
		    lookup_msg);
		res->outcome = API_UNKNOWN;
	}
	free(lookup_msg);
	return res->outcome;
}

/* Reads a 2xx answer. */
static enum api_outcome
success(struct submission *s, struct api_response *r, struct api_result *res)
{
	cJSON *answer = api_parse_answer(r);
	char *why;
	enum api_outcome o;
	int html;

	if (answer != NULL && api_parse_order(answer, res) == 0) {
		res->answer = answer;
		api_set_message(res, "placed order %s on the %s platform",
		    res->order_id, platform_title(s->platform));
		return res->outcome = API_PLACED;
	}
	html = answer == NULL && r->code == CURLE_OK && !r->too_big;
	cJSON_Delete(answer);
	if (answer != NULL || r->code != CURLE_OK || r->too_big)
		why = r->too_big ? api_explain(r, s->platform, "place orders") :
		    xasprintf("the %s platform's answer (HTTP %ld) was cut off "
		    "or unreadable", platform_title(s->platform), r->status);
	else
		why = api_explain(r, s->platform, "place orders");
	o = settle(s, why, html, res);
	free(why);
	return o;
}

/* Reads an answer that is not a success. */
static enum api_outcome
failure(struct submission *s, struct api_response *r, struct api_result *res)
{
	cJSON *answer = api_parse_answer(r);
	char *why;
	int errors = answer != NULL && api_parse_errors(answer, res) == 0;

	res->answer = answer;
	why = api_explain(r, s->platform, "place orders");
	if (r->status == 401 || r->status == 403 || r->status == 429 ||
	    r->status >= 500 || !errors) {
		if (r->status == 502 || r->status == 503 || r->status == 504) {
			enum api_outcome o = settle(s, why, 1, res);

			free(why);
			return o;
		}
		api_set_message(res, "%s%s; the order was not placed", why,
		    r->status == 429 ? ", and still did after 3 retries; gave "
		    "up" : "");
		free(why);
		return res->outcome = API_FAILED;
	}
	free(why);
	api_set_message(res, "the %s platform refused the order (HTTP %ld): "
	    "%zu error%s", platform_title(s->platform), r->status,
	    res->nerrors, res->nerrors == 1 ? "" : "s");
	return res->outcome = API_REJECTED;
}

/* Decides what became of the POST. */
static enum api_outcome
outcome(struct submission *s, struct api_response *r, struct api_result *res)
{
	char *why;
	enum api_outcome o;

	res->http_status = r->status;
	if (r->status >= 200 && r->status < 300)
		return success(s, r, res);
	if (maybe_delivered(r)) {
		why = xasprintf("no answer from the %s platform after the order "
		    "was sent (%s)", platform_title(s->platform), r->error);
		o = settle(s, why, 0, res);
		free(why);
		return o;
	}
	if (r->status == 0) {
		why = api_explain(r, s->platform, "place orders");
		api_set_message(res, "%s; the order was not placed", why);
		free(why);
		return res->outcome = API_FAILED;
	}
	return failure(s, r, res);
}

/* Picks the alternative order ID: the body's, or a new one when the
 * product has the field. Adds it to the body sent. */
static void
choose_alt(struct submission *s, cJSON *send)
{
	const cJSON *v;
	char buf[ALT_ID_LEN + 1];

	if (form_find(s->form, "alternative_order_id") == NULL)
		return;
	v = cJSON_GetObjectItemCaseSensitive(send, "alternative_order_id");
	if (cJSON_IsString(v) && v->valuestring[0] != '\0') {
		s->alt = xstrdup(v->valuestring);
		return;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(send, "alternative_order_id");
	api_random_id(buf, ALT_ID_LEN);
	s->alt = xstrdup(buf);
	cJSON_AddStringToObject(send, "alternative_order_id", buf);
}

/* Checks the platform, base URL and key before anything is sent. */
static int
ready(struct submission *s, struct api_result *res)
{
	char *cause = NULL;
	int i = api_platform_index(s->form->platform);

	if (i < 0) {
		api_set_message(res, "%s: unknown platform '%s'; nothing was "
		    "sent", s->form->id, s->form->platform);
		return -1;
	}
	res->platform = s->platform = i == 0 ? "us" : "eu";
	if (api_base_url(s->api, s->platform, &cause) == NULL ||
	    api_key(s->api, s->platform, &cause) == NULL) {
		api_set_message(res, "%s; nothing was sent", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Releases what a submission holds. */
static void
submission_free(struct submission *s)
{
	size_t i;

	for (i = 0; i < s->nsecrets; i++) {
		explicit_bzero(s->secrets[i], strlen(s->secrets[i]));
		free(s->secrets[i]);
	}
	free(s->secrets);
	free(s->alt);
}

/* Places an order. */
enum api_outcome
api_submit(struct api *api, const struct form *form, const cJSON *body,
    struct api_result *res)
{
	struct submission s = { api, form, NULL, NULL, "", NULL, 0 };
	struct api_response r;
	cJSON *send;
	char *text;

	res->outcome = API_FAILED;
	if (ready(&s, res) != 0)
		return API_FAILED;
	send = cJSON_Duplicate(body, 1);
	choose_alt(&s, send);
	res->alternative_order_id = xstrdup(s.alt);
	collect_secrets(&s, send, "");
	api_random_id(s.id, sizeof s.id - 1);
	text = cJSON_PrintUnformatted(send);
	json_wipe_delete(send);
	if (text == NULL) {
		api_set_message(res, "the request body could not be made; "
		    "nothing was sent");
		submission_free(&s);
		return API_FAILED;
	}
	api_set_message(res, "POST %s", form->endpoint);
	journal(&s, res, "sent");
	post(&s, text, &r, res);
	explicit_bzero(text, strlen(text));
	free(text);
	outcome(&s, &r, res);
	api_response_free(&r);
	journal(&s, res, api_outcome_name(res->outcome));
	submission_free(&s);
	return res->outcome;
}
