/* api_attempt.c: the journal read back as order attempts, in one pass
 * with a hash index, so that history and the duplicate guard are linear
 * in the journal's size. */
#include "config.h"

#include "api/api_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* A string member of a journal line, or NULL. */
static const char *
member(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A copy of a string member, or NULL. */
static char *
member_dup(const cJSON *o, const char *name)
{
	const char *v = member(o, name);

	return v != NULL ? xstrdup(v) : NULL;
}

/* FNV-1a of a string. */
static size_t
hash_text(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return (size_t)h;
}

/* The index slot of id: where it is, or the empty slot it would take. */
static size_t
slot(const struct api_attempts *a, const char *id)
{
	size_t i = hash_text(id) & (a->cap - 1);

	while (a->index[i] != 0 && strcmp(a->v[a->index[i] - 1].id, id) != 0)
		i = (i + 1) & (a->cap - 1);
	return i;
}

/* Doubles the index when it is half full. */
static void
grow(struct api_attempts *a)
{
	size_t *old = a->index, oldcap = a->cap, i;

	if (a->n * 2 < a->cap)
		return;
	a->cap = a->cap == 0 ? 64 : a->cap * 2;
	a->index = xcalloc(a->cap, sizeof *a->index);
	for (i = 0; i < oldcap; i++) {
		if (old[i] != 0)
			a->index[slot(a, a->v[old[i] - 1].id)] = old[i];
	}
	free(old);
}

/* The attempt with id, made from the line when it is new. */
static struct api_attempt *
find_or_add(struct api_attempts *a, const char *id, const cJSON *line)
{
	struct api_attempt *at;
	size_t i;

	grow(a);
	i = slot(a, id);
	if (a->index[i] != 0)
		return &a->v[a->index[i] - 1];
	a->v = xreallocarray(a->v, a->n + 1, sizeof *a->v);
	at = &a->v[a->n++];
	memset(at, 0, sizeof *at);
	at->id = xstrdup(id);
	at->time = member_dup(line, "time");
	at->product = member_dup(line, "product");
	at->platform = member_dup(line, "platform");
	at->alt = member_dup(line, "alternative_order_id");
	at->outcome = API_UNKNOWN;
	a->index[i] = a->n;
	return at;
}

/* The outcome an event names; -1 for "sent" or an unknown name. */
static int
event_outcome(const char *event)
{
	int o;

	if (event == NULL)
		return -1;
	if (strcmp(event, "refused") == 0)
		return API_REJECTED;
	for (o = 0; o < API_NOUTCOMES; o++) {
		if (strcmp(event, api_outcome_name((enum api_outcome)o)) == 0)
			return o;
	}
	return -1;
}

/* Replaces *dst with a copy of the member when the line has it. */
static void
take(char **dst, const cJSON *line, const char *name)
{
	const char *v = member(line, name);

	if (v != NULL) {
		free(*dst);
		*dst = xstrdup(v);
	}
}

/* Folds one journal line into its attempt. */
static void
add_line(cJSON *line, void *arg)
{
	struct api_attempts *a = arg;
	const char *id = member(line, "submission");
	const char *event = member(line, "event");
	const cJSON *hs = cJSON_GetObjectItemCaseSensitive(line, "http_status");
	struct api_attempt *at;
	int o;

	if (id != NULL && event != NULL) {
		at = find_or_add(a, id, line);
		if (strcmp(event, "sent") == 0) {
			take(&at->body_hash, line, "body_hash");
			take(&at->draft, line, "draft");
			cJSON_Delete(at->match);
			at->match = cJSON_DetachItemFromObjectCaseSensitive(line,
			    "match");
		} else if ((o = event_outcome(event)) >= 0) {
			at->outcome = (enum api_outcome)o;
			at->settled = 1;
			take(&at->order_id, line, "order_id");
			take(&at->message, line, "message");
			at->http_status = cJSON_IsNumber(hs) ?
			    (long)hs->valuedouble : 0;
		}
	}
	cJSON_Delete(line);
}

/* Reads the journal's attempts. */
int
api_attempts_load(struct api_attempts *a, char **cause)
{
	memset(a, 0, sizeof *a);
	if (api_journal_scan(add_line, a, cause) != 0) {
		api_attempts_free(a);
		return -1;
	}
	return 0;
}

/* Releases the attempts. */
void
api_attempts_free(struct api_attempts *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].id);
		free(a->v[i].time);
		free(a->v[i].product);
		free(a->v[i].platform);
		free(a->v[i].alt);
		free(a->v[i].body_hash);
		free(a->v[i].draft);
		cJSON_Delete(a->v[i].match);
		free(a->v[i].order_id);
		free(a->v[i].message);
	}
	free(a->v);
	free(a->index);
	memset(a, 0, sizeof *a);
}

/* 1 when the attempt still waits for a look-up. */
int
api_attempt_open(const struct api_attempt *at)
{
	return at->outcome == API_UNKNOWN;
}
