/* sandbox_faults.c: the fault queue, the rate limit, slow answers and the
 * /_sandbox/ control endpoint. */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* The faults, indexed by enum sandbox_fault: the name that parses, logs
 * (" (fault NAME)") and lists, and what the fault does. */
static const struct {
	const char	*name;
	const char	*help;
} fault_table[SB_FAULT_COUNT] = {
	[SB_FAULT_NONE] = { .name = "none",
	    .help = "no fault" },
	[SB_FAULT_500] = { .name = "500",
	    .help = "HTTP 500 with an HTML page; nothing placed" },
	[SB_FAULT_429] = { .name = "429",
	    .help = "HTTP 429 request_limit_exceeded; nothing placed" },
	[SB_FAULT_SLOW] = { .name = "slow",
	    .help = "placed, answered after CERTWIZ_SANDBOX_SLOW seconds" },
	[SB_FAULT_CUT] = { .name = "cut",
	    .help = "placed, the connection closed without an answer" },
	[SB_FAULT_HTML] = { .name = "html",
	    .help = "HTTP 200 with an HTML page; nothing placed" },
	[SB_FAULT_TRUNCATED] = { .name = "truncated",
	    .help = "placed, the answer cut off half-way" },
	[SB_FAULT_HUGE] = { .name = "huge",
	    .help = "HTTP 200 with a 64 MiB body" },
	[SB_FAULT_BADSTATUS] = { .name = "badstatus",
	    .help = "placed, a broken status line (\"2O1\"), closed" },
	[SB_FAULT_HTTP09] = { .name = "http09",
	    .help = "placed, the bare body (no status line, no headers), "
	    "closed" },
	[SB_FAULT_GATEWAY504] = { .name = "gateway504",
	    .help = "placed, HTTP 504 with a gateway's HTML page" },
	[SB_FAULT_GATEWAY404] = { .name = "gateway404",
	    .help = "HTTP 404 with a gateway's HTML page; nothing done" },
	[SB_FAULT_LATE] = { .name = "late",
	    .help = "placed, HTTP 504; look-ups miss it for "
	    "CERTWIZ_SANDBOX_LATE s" },
};

/* A fault's name; static. */
const char *
sandbox_fault_name(enum sandbox_fault fault)
{
	return fault < SB_FAULT_COUNT ? fault_table[fault].name : "none";
}

/* What a fault does, in one line; static. */
const char *
sandbox_fault_help(enum sandbox_fault fault)
{
	return fault < SB_FAULT_COUNT ? fault_table[fault].help : "";
}

/* Every fault name, "500, 429, ... or late"; allocated. */
char *
sandbox_fault_list(void)
{
	char *list = xstrdup(""), *more;
	int i;

	for (i = SB_FAULT_500; i < SB_FAULT_COUNT; i++) {
		more = xasprintf("%s%s%s", list, i == SB_FAULT_500 ? "" :
		    i == SB_FAULT_COUNT - 1 ? " or " : ", ",
		    fault_table[i].name);
		free(list);
		list = more;
	}
	return list;
}

/* Parses a fault name; -1 when unknown. */
int
sandbox_fault_parse(const char *name, enum sandbox_fault *fault)
{
	int i;

	for (i = SB_FAULT_500; name != NULL && i < SB_FAULT_COUNT; i++) {
		if (strcmp(name, fault_table[i].name) == 0) {
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
	char *copy, *p, *name, *list;

	if (env == NULL)
		return 0;
	copy = p = xstrdup(env);
	while ((name = strsep(&p, ",")) != NULL) {
		name += strspn(name, " \t");
		name[strcspn(name, " \t")] = '\0';
		if (*name == '\0')
			continue;
		if (sandbox_fault_parse(name, &f) != 0) {
			list = sandbox_fault_list();
			*cause = xasprintf("CERTWIZ_SANDBOX_FAULTS: unknown "
			    "fault '%s' (%s)", name, list);
			free(list);
			free(copy);
			return -1;
		}
		sandbox_fault(sb, f);
	}
	free(copy);
	return 0;
}

/* Seconds on the monotonic clock. */
double
sb_mono_now(void)
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
	double now = sb_mono_now();
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
static void
control_faults(struct sandbox *sb, const struct sb_call *c,
    struct sb_reply *r)
{
	enum sandbox_fault next[256];
	cJSON *body, *o;
	char *list;
	int n, i;

	body = cJSON_ParseWithLength(c->body, c->len);
	n = parse_next(body, next, (int)(sizeof next / sizeof next[0]));
	cJSON_Delete(body);
	if (n < 0) {
		list = sandbox_fault_list();
		sb_reply_error(r, 400, "invalid_value:next", "next: must be "
		    "a list of %s", list);
		free(list);
		return;
	}
	for (i = 0; i < n; i++)
		sandbox_fault(sb, next[i]);
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "queued", n);
	sb_reply_json(r, 200, o);
}

/* The control endpoints under /_sandbox/, one method each. */
static const struct {
	const char	*path;
	const char	*method;
	void		(*fn)(struct sandbox *, const struct sb_call *,
			    struct sb_reply *);
} controls[] = {
	{ "/_sandbox/faults", "POST", control_faults },
	{ "/_sandbox/orders", "GET", sb_control_orders },
};

/* Answers a request under /_sandbox/ from the table of controls. */
void
sb_control(struct sandbox *sb, const struct sb_call *c, struct sb_reply *r)
{
	size_t i;

	for (i = 0; i < sizeof controls / sizeof controls[0]; i++) {
		if (strcmp(c->url, controls[i].path) != 0)
			continue;
		if (strcmp(c->method, controls[i].method) != 0) {
			sb_reply_error(r, 405, "method_not_allowed", "use %s",
			    controls[i].method);
			r->allow = controls[i].method;
		} else
			controls[i].fn(sb, c, r);
		return;
	}
	sb_reply_error(r, 404, "not_found|route", "No route %s %s",
	    c->method, c->url);
}
