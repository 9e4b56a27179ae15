/* sandbox_faults.c: the fault queue, the rate limit, slow answers and the
 * /_sandbox/ control endpoint. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox/sandbox_int.h"
#include "util/xalloc.h"

/* Fault names, indexed by enum sandbox_fault. */
static const char *const fault_names[SB_FAULT_COUNT] = {
	"none", "500", "429", "slow", "cut", "html", "truncated", "huge"
};

/* Parses a fault name; -1 when unknown. */
int
sandbox_fault_parse(const char *name, enum sandbox_fault *fault)
{
	int i;

	for (i = SB_FAULT_500; name != NULL && i < SB_FAULT_COUNT; i++) {
		if (strcmp(name, fault_names[i]) == 0) {
			*fault = (enum sandbox_fault)i;
			return 0;
		}
	}
	return -1;
}

/* Queues a fault for the next request not yet faulted. */
void
sandbox_fault(struct sandbox *sb, enum sandbox_fault fault)
{
	if (fault <= SB_FAULT_NONE || fault >= SB_FAULT_COUNT)
		return;
	pthread_mutex_lock(&sb->lock);
	sb->faults = xreallocarray(sb->faults, sb->nfaults + 1,
	    sizeof *sb->faults);
	sb->faults[sb->nfaults++] = fault;
	pthread_mutex_unlock(&sb->lock);
}

/* Takes the next queued fault, or SB_FAULT_NONE. */
enum sandbox_fault
sb_fault_next(struct sandbox *sb)
{
	enum sandbox_fault f = SB_FAULT_NONE;

	pthread_mutex_lock(&sb->lock);
	if (sb->fault_head < sb->nfaults)
		f = sb->faults[sb->fault_head++];
	if (sb->fault_head == sb->nfaults)
		sb->fault_head = sb->nfaults = 0;
	pthread_mutex_unlock(&sb->lock);
	return f;
}

/* Queues the faults named in CERTWIZ_SANDBOX_FAULTS ("500,cut"). */
int
sb_faults_env(struct sandbox *sb, char **cause)
{
	const char *env = getenv("CERTWIZ_SANDBOX_FAULTS");
	enum sandbox_fault f;
	char *copy, *p, *name;

	if (env == NULL)
		return 0;
	copy = p = xstrdup(env);
	while ((name = strsep(&p, ",")) != NULL) {
		name += strspn(name, " \t");
		name[strcspn(name, " \t")] = '\0';
		if (*name == '\0')
			continue;
		if (sandbox_fault_parse(name, &f) != 0) {
			*cause = xasprintf("CERTWIZ_SANDBOX_FAULTS: unknown "
			    "fault '%s' (500, 429, slow, cut, html, "
			    "truncated or huge)", name);
			free(copy);
			return -1;
		}
		sandbox_fault(sb, f);
	}
	free(copy);
	return 0;
}

/* Seconds on the monotonic clock. */
static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Counts a request of a key; -1 (not counted) when over the limit. */
int
sb_rate_check(struct sandbox *sb, size_t key)
{
	struct sb_rate *rt = &sb->rate[key];
	double now = mono_now();
	int rc = 0;

	pthread_mutex_lock(&sb->lock);
	if (rt->n == SB_RATE_MAX && now - rt->t[rt->next] < SB_RATE_SECONDS)
		rc = -1;
	else {
		rt->t[rt->next] = now;
		rt->next = (rt->next + 1) % SB_RATE_MAX;
		if (rt->n < SB_RATE_MAX)
			rt->n++;
	}
	pthread_mutex_unlock(&sb->lock);
	return rc;
}

/* Waits seconds, or less when the sandbox stops meanwhile. */
void
sb_sleep(struct sandbox *sb, unsigned int seconds)
{
	struct timespec until;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += seconds;
	pthread_mutex_lock(&sb->lock);
	while (!sb->stopping &&
	    pthread_cond_timedwait(&sb->wake, &sb->lock, &until) != ETIMEDOUT)
		;
	pthread_mutex_unlock(&sb->lock);
}

/* Parses {"next": ["500", ...]} into faults; their number or -1. */
static int
parse_next(const cJSON *body, enum sandbox_fault *faults, int max)
{
	const cJSON *next = cJSON_GetObjectItemCaseSensitive(body, "next");
	const cJSON *item;
	int n = 0;

	if (!cJSON_IsArray(next))
		return -1;
	cJSON_ArrayForEach(item, next) {
		if (n == max || !cJSON_IsString(item) ||
		    sandbox_fault_parse(item->valuestring, &faults[n]) != 0)
			return -1;
		n++;
	}
	return n;
}

/* Answers POST /_sandbox/faults by queueing the faults it names. */
void
sb_control(struct sandbox *sb, const struct sb_call *c, struct sb_reply *r)
{
	enum sandbox_fault faults[256];
	cJSON *body, *o;
	int n, i;

	if (strcmp(c->url, "/_sandbox/faults") != 0) {
		sb_reply_error(r, 404, "not_found|route", "No route %s %s",
		    c->method, c->url);
		return;
	}
	if (strcmp(c->method, "POST") != 0) {
		sb_reply_error(r, 405, "method_not_allowed", "use POST");
		r->allow = "POST";
		return;
	}
	body = cJSON_ParseWithLength(c->body, c->len);
	n = parse_next(body, faults, (int)(sizeof faults / sizeof faults[0]));
	cJSON_Delete(body);
	if (n < 0) {
		sb_reply_error(r, 400, "invalid_value:next", "next: must be "
		    "a list of 500, 429, slow, cut, html, truncated or huge");
		return;
	}
	for (i = 0; i < n; i++)
		sandbox_fault(sb, faults[i]);
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "queued", n);
	sb_reply_json(r, 200, o);
}
