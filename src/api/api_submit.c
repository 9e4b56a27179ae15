/* api_submit.c: placing an order as one order attempt: the guard against
 * placing a body twice, the journal before the POST, signals held until
 * the outcome is journaled, 429 backoff, and the look-up when the outcome
 * is unknown (never a second POST). */
#include "config.h"

#include "api/api_int.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/form.h"
#include "core/platform.h"
#include "core/value.h"
#include "util/fileio.h"
#include "util/secmem.h"
#include "util/sha256.h"
#include "util/today.h"
#include "util/xalloc.h"

/* Length of a generated alternative order ID. */

/* One submission in progress. */
struct submission {
	struct api		*api;
	const struct form	*form;
	const char		*platform;	/* static "us" or "eu" */
	char			*alt;		/* alternative order ID or NULL */
	char			 id[17];	/* pairs the journal lines */
	char			 hash[SHA256_HEX_LEN + 1];	/* of the body */
	const char		*draft;
	cJSON			*match;		/* for List orders */
	char			**secrets;	/* values kept out of the journal */
	size_t			 nsecrets;
	sigset_t		 saved;		/* the mask before holding */
};

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

/* Writes one journal line; a failure becomes a note that keeps the id.
 * Returns 0, or -1 when the line could not be written. */
static int
journal(struct submission *s, struct api_result *res, const char *event)
{
	struct api_journal_entry e = {
		.submission = s->id, .product = s->form->id,
		.platform = s->platform, .alternative_order_id = s->alt,
		.event = event, .order_id = res->order_id,
		.http_status = res->http_status,
	};
	char *msg, *cause = NULL;
	int rc;

	msg = scrub(s, res->message != NULL ? res->message : "");
	e.message = msg;
	if (strcmp(event, "sent") == 0) {
		e.body_hash = s->hash;
		e.draft = s->draft;
		e.match = s->match;
	}
	if ((rc = api_journal_write(&e, &cause)) != 0) {
		api_note(s->api, res, "could not write the journal (%s)%s%s",
		    cause, res->order_id != NULL ? "; the order ID is " : "",
		    res->order_id != NULL ? res->order_id : "");
		free(cause);
	}
	free(msg);
	return rc;
}

/* "2 s" or "250 ms"; allocated. */
static char *
wait_words(long ms)
{
	if (ms % 1000 == 0)
		return xasprintf("%ld s", ms / 1000);
	return xasprintf("%ld ms", ms);
}

/* 1 when r is a 429 that CertCentral refused with its error array: the
 * order was not placed, so the same body may go again. */
static int
rate_limited(const struct api_response *r)
{
	cJSON *answer;
	struct api_result tmp = API_RESULT_INIT;
	int refused;

	if (r->status != 429 || r->code != CURLE_OK)
		return 0;
	answer = api_parse_answer(r);
	refused = answer != NULL && api_parse_errors(answer, &tmp) == 0;
	cJSON_Delete(answer);
	api_result_free(&tmp);
	return refused;
}

/* POSTs the body, waiting and trying again while CertCentral refuses it
 * with 429. */
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
		if (!rate_limited(r) || attempt == API_MAX_RETRIES)
			return;
		wait = s->api->retry_base_ms << attempt;
		w = wait_words(wait);
		api_note(s->api, res, "rate limited; retrying in %s (%d of %d)",
		    w, attempt + 1, API_MAX_RETRIES);
		free(w);
		api_response_free(r);
		api_sleep_ms(s->api, wait);
	}
}

/* Says what an outcome of the POST means, in res->message. */
static void
say(struct submission *s, const struct api_response *r, const char *row,
    struct api_result *res)
{
	const char *title = platform_title(s->platform);
	char *why;

	switch (res->outcome) {
	case API_PLACED:
		api_set_message(res, "placed order %s on the %s platform",
		    res->order_id, title);
		break;
	case API_REJECTED:
		if (r->status == 401 || r->status == 403 || r->status == 429) {
			why = api_explain(r, s->platform, "place orders");
			api_set_message(res, "%s; the order was not placed", why);
			free(why);
		} else
			api_set_message(res, "the %s platform refused the order "
			    "(HTTP %ld): %zu error%s; it was not placed", title,
			    r->status, res->nerrors, res->nerrors == 1 ? "" :
			    "s");
		break;
	case API_FAILED:
		why = api_explain(r, s->platform, "place orders");
		api_set_message(res, "%s; nothing of the order was sent, so it "
		    "was not placed", why);
		free(why);
		break;
	default:
		why = api_explain(r, s->platform, "place orders");
		api_set_message(res, "%s (%s): the order may have been placed",
		    why, row);
		free(why);
		break;
	}
}

/* Decides what became of the POST, with the one classification table. */
static enum api_outcome
outcome(struct submission *s, struct api_response *r, struct api_result *res)
{
	struct api_shape sh;
	const char *row = NULL;
	cJSON *answer;

	res->http_status = r->status;
	api_shape_of(r, &answer, res, &sh);
	res->outcome = api_classify(&sh, &row);
	if (res->outcome == API_PLACED || res->outcome == API_REJECTED)
		res->answer = answer;
	else
		cJSON_Delete(answer);
	say(s, r, row, res);
	return res->outcome;
}

/* Makes a new alternative order ID. */
void
api_new_alt_id(char *buf)
{
	api_random_id(buf, API_ALT_ID_LEN);
}

/* Picks the alternative order ID: the body's, or a new one when the
 * product has the field. Adds it to the body sent. */
static void
choose_alt(struct submission *s, cJSON *send)
{
	const cJSON *v;
	char buf[API_ALT_ID_LEN + 1];

	if (form_find(s->form, "alternative_order_id") == NULL)
		return;
	v = cJSON_GetObjectItemCaseSensitive(send, "alternative_order_id");
	if (cJSON_IsString(v) && v->valuestring[0] != '\0') {
		s->alt = xstrdup(v->valuestring);
		return;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(send, "alternative_order_id");
	api_random_id(buf, API_ALT_ID_LEN);
	s->alt = xstrdup(buf);
	cJSON_AddStringToObject(send, "alternative_order_id", buf);
}

/* Removes every secret field (card data) from a copy of the body. */
static void
drop_secrets(const struct form *form, cJSON *v, const char *path)
{
	cJSON *c, *next;
	const struct field *f;
	char *p;

	for (c = v != NULL ? v->child : NULL; c != NULL; c = next) {
		next = c->next;
		p = cJSON_IsArray(v) ? xasprintf("%s[]", path) :
		    xasprintf("%s%s%s", path, *path ? "." : "", c->string);
		f = form_find(form, p);
		if (f != NULL && f->secret)
			cJSON_Delete(cJSON_DetachItemViaPointer(v, c));
		else
			drop_secrets(form, c, p);
		free(p);
	}
}

/* The body's fingerprint: SHA-256 of the body without its alternative
 * order ID and without card data (so the journal never holds a hash that
 * a card number could be guessed from). */
static void
body_hash(struct submission *s, const cJSON *send)
{
	cJSON *copy = cJSON_Duplicate(send, 1);
	char *text;

	cJSON_DeleteItemFromObjectCaseSensitive(copy, "alternative_order_id");
	drop_secrets(s->form, copy, "");
	text = cJSON_PrintUnformatted(copy);
	cJSON_Delete(copy);
	sha256_hex(text != NULL ? text : "", text != NULL ? strlen(text) : 0,
	    s->hash);
	cJSON_free(text);
}

/* The string at a dotted path of the body, or NULL. */
static const char *
body_text(const cJSON *body, const char *path)
{
	char *copy = xstrdup(path), *p = copy, *name;
	const cJSON *v = body;

	while (v != NULL && (name = strsep(&p, ".")) != NULL)
		v = cJSON_GetObjectItemCaseSensitive(v, name);
	free(copy);
	/* v != NULL is implied by cJSON_IsString(v); said for scan-build,
	 * which cannot see into cJSON. */
	return v != NULL && cJSON_IsString(v) ? v->valuestring : NULL;
}

/* What a List orders look-up can match the order on: its organization,
 * common name and subject's email (no card data). */
static void
match_keys(struct submission *s, const cJSON *send)
{
	static const char *const emails[] = { "certificate.individual.email",
	    "subject.email", "organization_contact.email" };
	const cJSON *org;
	char *org_id;
	const char *v;
	size_t i;

	s->match = cJSON_CreateObject();
	org = cJSON_GetObjectItemCaseSensitive(send, "organization");
	if ((org_id = value_id_text(cJSON_GetObjectItemCaseSensitive(org,
	    "id"))) != NULL)
		cJSON_AddStringToObject(s->match, "organization_id", org_id);
	free(org_id);
	if ((v = body_text(send, "certificate.common_name")) != NULL)
		cJSON_AddStringToObject(s->match, "common_name", v);
	for (i = 0; i < sizeof emails / sizeof emails[0]; i++) {
		if ((v = body_text(send, emails[i])) != NULL) {
			cJSON_AddStringToObject(s->match, "email", v);
			break;
		}
	}
}

/* Checks the platform, base URL and key before anything is sent. */
static int
ready(struct submission *s, struct api_result *res)
{
	char *cause = NULL;
	int i = platform_index(s->form->platform);

	if (i < 0) {
		api_set_message(res, "%s: unknown platform '%s'; nothing was "
		    "sent", s->form->id, s->form->platform);
		res->unsent = 1;
		return -1;
	}
	res->platform = s->platform = i == 0 ? "us" : "eu";
	if (api_base_url(s->api, s->platform, &cause) == NULL ||
	    api_key(s->api, s->platform, &cause) == NULL) {
		api_set_message(res, "%s; nothing was sent", cause);
		res->unsent = 1;
		free(cause);
		return -1;
	}
	return 0;
}

/* Holds SIGHUP, SIGINT and SIGTERM from the "sent" line until the outcome
 * line is written; release() lets a held one act then. */
static void
hold(struct submission *s)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &s->saved);
}

/* Restores the signal mask hold() changed. */
static void
release(struct submission *s)
{
	pthread_sigmask(SIG_SETMASK, &s->saved, NULL);
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
	cJSON_Delete(s->match);
}

/* The submission as an attempt, for api_resolve(). */
static void
as_attempt(const struct submission *s, const char *when,
    struct api_attempt *at)
{
	memset(at, 0, sizeof *at);
	at->id = (char *)s->id;
	at->time = (char *)when;
	at->product = (char *)s->form->id;
	at->platform = (char *)s->platform;
	at->alt = s->alt;
	at->match = s->match;
	at->outcome = API_UNKNOWN;
}

/* Sends the prepared text: journal, POST, outcome, journal; then settles
 * an unknown outcome by look-ups. */
static enum api_outcome
send_order(struct submission *s, char *text, struct api_result *res)
{
	struct api_response r;
	struct api_attempt at;
	char when[CW_STAMP_LEN + 1];

	cw_stamp(when);
	hold(s);
	api_set_message(res, "POST %s", s->form->endpoint);
	if (journal(s, res, "sent") != 0) {
		release(s);
		api_set_message(res, "the journal could not be written, so the "
		    "order was not sent (certwiz never sends an order it "
		    "could lose); nothing was sent");
		res->unsent = 1;
		return res->outcome = API_FAILED;
	}
	post(s, text, &r, res);
	outcome(s, &r, res);
	api_response_free(&r);
	journal(s, res, api_outcome_name(res->outcome));
	release(s);
	if (res->outcome != API_UNKNOWN)
		return res->outcome;
	api_note(s->api, res, "%s; looking the order up", res->message);
	as_attempt(s, when, &at);
	return api_resolve(s->api, &at, res);
}

/* Places an order. */
enum api_outcome
api_submit(struct api *api, const struct form *form, const cJSON *body,
    const char *draft, struct api_result *res)
{
	struct submission s = { .api = api, .form = form, .draft = draft };
	cJSON *send;
	char *text;

	res->outcome = API_FAILED;
	if (ready(&s, res) != 0)
		return API_FAILED;
	send = cJSON_Duplicate(body, 1);
	choose_alt(&s, send);
	res->alternative_order_id = s.alt != NULL ? xstrdup(s.alt) : NULL;
	collect_secrets(&s, send, "");
	body_hash(&s, send);
	match_keys(&s, send);
	api_random_id(s.id, sizeof s.id - 1);
	res->attempt_id = xstrdup(s.id);
	text = cJSON_PrintUnformatted(send);
	json_wipe_delete(send);
	if (text == NULL) {
		api_set_message(res, "out of memory; nothing was sent");
		res->unsent = 1;
	} else if (api_guard(api, form->id, s.platform, s.hash, draft, res) == 0)
		send_order(&s, text, res);
	if (text != NULL) {
		explicit_bzero(text, strlen(text));
		cJSON_free(text);
	}
	submission_free(&s);
	return res->outcome;
}
