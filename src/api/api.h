/* api.h: talking to CertCentral: platforms, keys, sending orders, DigiCert's
 * errors, rate limits, the no-duplicate look-up and the journal.
 *
 * Ownership: api_new() returns a handle the caller releases with api_free();
 * it owns libcurl (loaded with dlopen the first time a URL is checked or a
 * request made, so other commands never load it), its easy handle and
 * copies of every key and URL (keys are wiped when freed). An api_result is the caller's (usually on the stack, zeroed
 * with API_RESULT_INIT); every string and array in it is owned by the result
 * and released with api_result_free(). api_result_json() returns a new cJSON
 * tree the caller deletes. *cause messages are allocated; the caller frees
 * them. Keys are never printed, logged or written to the journal.
 */
#ifndef CERTWIZ_API_H
#define CERTWIZ_API_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/problems.h"

struct api;
struct form;

/* Largest answer certwiz reads: 1 MiB. */
#define API_MAX_ANSWER (1024u * 1024)
/* Default total time of one request, in seconds. */
#define API_DEFAULT_TIMEOUT 60
/* How many times a request refused with 429 is tried again. */
#define API_MAX_RETRIES 3
/* How long after an order was sent a look-up that finds nothing is tried
 * again before the order counts as not found, in seconds. */
#define API_DEFAULT_RESOLVE 120

/* What became of a submission (or of a look-up). One table in
 * api_classify.c decides it from what came back. */
enum api_outcome {
	API_PLACED,	/* the order exists (exit 0) */
	API_REJECTED,	/* refused with DigiCert's error array (exit 1) */
	API_FAILED,	/* not placed: nothing of the order left (exit 3) */
	API_UNKNOWN,	/* maybe placed; no look-up settled it yet (exit 4) */
	API_NOT_FOUND,	/* was unknown; look-ups for a while found none
			 * (exit 3: most likely not placed) */
	API_DUPLICATE,	/* placed before: nothing was sent (exit 5) */
	API_NOUTCOMES
};

/* Says something while a request runs ("rate limited; retrying ..."). */
typedef void (*api_notify_fn)(const char *message, void *arg);

/* How to set up an api handle; every member may be left zero. */
struct api_opts {
	long		 timeout;	/* seconds per request; 0: 60 */
	const char	*base_url_us;	/* NULL: $CERTWIZ_BASE_URL_US or US */
	const char	*base_url_eu;	/* NULL: $CERTWIZ_BASE_URL_EU or EU */
	const char	*key_us;	/* NULL: environment or config file */
	const char	*key_eu;
	api_notify_fn	 notify;	/* NULL: notes go to the result only */
	void		*notify_arg;
	long		 resolve_seconds; /* 0: $CERTWIZ_RESOLVE_SECONDS or
					   * API_DEFAULT_RESOLVE */
	int		 again;		/* place a body placed before anyway */
	volatile sig_atomic_t *cancel;	/* set by a signal: stop waiting */
	const char	*command;	/* how hints name certwiz; NULL:
					 * "certwiz" */
};

/* One request of an order as CertCentral answered it. */
struct api_request {
	char	*id;
	char	*status;
};

/* One domain of a pkio_private_services_server order. */
struct api_domain {
	char	*id;
	char	*name;
	char	*dns_name;
};

/* One entry of DigiCert's error array. */
struct api_error {
	char	*code;		/* required_param:certificate.csr */
	char	*message;
	char	*path;		/* the form field it names, or NULL */
};

/* What came back from a submission or look-up. */
struct api_result {
	enum api_outcome	 outcome;
	int			 found_by_alt;	/* placed, learnt by look-up */
	const char		*platform;	/* "us" or "eu" (static) */
	long			 http_status;	/* of the last answer, or 0 */
	char			*message;	/* the outcome in words */
	char			*order_id;
	char			*alternative_order_id;
	char			*certificate_id;
	char			*organization_id;
	char			*status;	/* order status (look-ups) */
	struct api_request	*requests;
	size_t			 nrequests;
	struct api_domain	*domains;
	size_t			 ndomains;
	struct api_error	*errors;
	size_t			 nerrors;
	struct problems		 problems;	/* errors at form field paths */
	char			**notes;	/* retries, journal trouble */
	size_t			 nnotes;
	cJSON			*answer;	/* the parsed answer, or NULL */
	int			 unsent;	/* 1: stopped before sending */
	char			*attempt_id;	/* the journal's attempt */
	char			*placed_time;	/* API_DUPLICATE: when */
};

#define API_RESULT_INIT { .outcome = API_FAILED }

/* Makes a handle; nothing is sent and no key is read yet. */
struct api	*api_new(const struct api_opts *opts);
/* Releases a handle, wiping the keys it holds. */
void		 api_free(struct api *api);
/* Sets the key of a platform ("us" or "eu"), e.g. from a masked prompt. */
int		 api_set_key(struct api *api, const char *platform,
		    const char *key, char **cause);
/* Sets where notes go while a request runs, replacing the notify of the
 * options (NULL: notes go to the result only). */
void		 api_set_notify(struct api *api, api_notify_fn notify,
		    void *arg);
/* Lets api_submit() place a body that was placed before (--again). */
void		 api_allow_again(struct api *api);
/* Sets the flag a signal handler sets to stop waits between look-ups. */
void		 api_set_cancel(struct api *api, volatile sig_atomic_t *flag);
/* 1 when a key for the platform is known (set, environment or config
 * file); else 0 with *cause saying where to put one (or why the config
 * file was refused). */
int		 api_has_key(struct api *api, const char *platform,
		    char **cause);
/* The base URL requests for a platform go to, after the https and
 * platform checks; NULL with *cause when refused. Owned by api. */
const char	*api_base_url(struct api *api, const char *platform,
		    char **cause);
/* What api_warm() returns when the platform refused the key (401, 403). */
#define API_WARM_KEY_REFUSED	(-2)
/* Opens the connection to a platform ahead of a submission (a cheap GET);
 * 0, else -1 or API_WARM_KEY_REFUSED with *cause. */
int		 api_warm(struct api *api, const char *platform, char **cause);
/* The account's active organizations (GET organization): *out gets the
 * answer's "organizations" array (id, name, country ...), which the caller
 * deletes; 0, or -1 with *cause. */
int		 api_list_organizations(struct api *api, const char *platform,
		    cJSON **out, char **cause);
/* Items one page of a list look-up asks for, and the most read in all. */
#define API_LIST_PAGE 100
#define API_LIST_MAX 1000

/* A paged list look-up: GET path?filters&limit=..&offset=.. */
struct api_list_query {
	const char	*path;		/* "organization", "user" ... */
	const char	*member;	/* the answer's array: "users" */
	const char	*filters;	/* URL-encoded query text, or NULL */
	const char	*doing;		/* for messages: "read organizations" */
	int		 page;		/* items per page; 0: API_LIST_PAGE */
};

/* Reads every page of a list look-up (up to API_LIST_MAX items): *out
 * gets the items of q->member in one array, which the caller deletes; 0,
 * or -1 with *cause. */
int		 api_list(struct api *api, const char *platform,
		    const struct api_list_query *q, cJSON **out,
		    char **cause);
/* The account's users (GET user), those matching search (by name,
 * username or email) when it is neither NULL nor empty: *out gets the
 * "users" array (id, username, first_name, last_name, email, job_title,
 * telephone, status, container); as api_list(). */
int		 api_list_users(struct api *api, const char *platform,
		    const char *search, cJSON **out, char **cause);
/* The account's containers (GET container): *out gets the "containers"
 * array (id, name, parent_id, is_active); as api_list(). */
int		 api_list_containers(struct api *api, const char *platform,
		    cJSON **out, char **cause);
/* The server platforms of a product (GET product/{name_id}): *out gets
 * the "server_platforms" array (id, name; empty when the product has
 * none), which the caller deletes; 0, or -1 with *cause. */
int		 api_product_platforms(struct api *api, const char *platform,
		    const char *name_id, cJSON **out, char **cause);

/* Places an order: body as order_build() made it, for form's product and
 * platform, as one order attempt. First resolves the product's earlier
 * attempts whose outcome is unknown and refuses (API_DUPLICATE) a body
 * placed before unless the handle allows it again. Adds a generated
 * alternative_order_id when the form has the field and the body none,
 * journals the attempt (fdatasync) before the POST, holds SIGHUP, SIGINT
 * and SIGTERM until its outcome is journaled, retries 429 answers that
 * carry DigiCert's error array, and settles an unknown outcome by look-ups
 * (never a second POST). draft is the draft the order came from, or NULL.
 * Returns the outcome, also stored in res. */
enum api_outcome api_submit(struct api *api, const struct form *form,
		    const cJSON *body, const char *draft,
		    struct api_result *res);
/* Letters and digits in the alternative order IDs certwiz makes. */
#define API_ALT_ID_LEN	32
/* Makes a new alternative order ID in buf (API_ALT_ID_LEN + 1 bytes): the
 * curses wizard puts one in the answers when its review opens, so that
 * the review, --output and a resumed draft show the ID that is sent. */
void		 api_new_alt_id(char *buf);
/* The order's information (GET order/certificate/{id}): API_PLACED when it
 * was found, else API_REJECTED or API_FAILED with the reason. */
enum api_outcome api_order_info(struct api *api, const char *platform,
		    const char *order_id, struct api_result *res);
/* Looks orders up by alternative order ID (GET order/alternate/{id}):
 * API_PLACED with the first order found, API_NOT_FOUND when there is none
 * (an empty list, or a 404 with DigiCert's error array), API_FAILED when
 * the look-up itself failed (a gateway's HTML 404 among them). */
enum api_outcome api_find_alternate(struct api *api, const char *platform,
		    const char *alt_id, struct api_result *res);

/* The exit status of an outcome: 0, 1, 3, 4 or 5. */
int		 api_outcome_exit(enum api_outcome outcome);
/* The outcome's name: "placed", "rejected", "failed", "unknown",
 * "not_found" or "duplicate" (also the journal's event names). */
const char	*api_outcome_name(enum api_outcome outcome);
/* The result as a JSON object (no key, no request body). */
cJSON		*api_result_json(const struct api_result *res);
/* Releases what a result holds and zeroes it. */
void		 api_result_free(struct api_result *res);

/* The journal file: $XDG_STATE_HOME/certwiz/journal (allocated). */
char		*api_journal_path(void);
/* Reads the journal's lines as a JSON array (empty when there is no
 * journal yet); NULL with *cause when it cannot be read. */
cJSON		*api_journal_read(char **cause);
/* Takes one journal line's object; the callee owns it. */
typedef void	(*api_journal_fn)(cJSON *line, void *arg);
/* Streams the journal's lines to fn in order (bad lines skipped, a line
 * glued to a cut one recovered); 0, or -1 with *cause. */
int		 api_journal_scan(api_journal_fn fn, void *arg, char **cause);

/* One order attempt as the journal tells it. */
struct api_attempt {
	char		*id;
	char		*time;		/* of its "sent" line */
	char		*product;
	char		*platform;
	char		*alt;		/* alternative order ID, or NULL */
	char		*body_hash;
	char		*draft;
	cJSON		*match;		/* what List orders matches, or NULL */
	enum api_outcome outcome;	/* API_UNKNOWN until settled */
	int		 settled;	/* an outcome line came */
	char		*order_id;
	char		*message;
	long		 http_status;
};

/* Every attempt of the journal, in the order they were sent. */
struct api_attempts {
	struct api_attempt *v;
	size_t		 n;
	size_t		*index;		/* hash of id -> 1 + position */
	size_t		 cap;		/* slots in index */
};

/* Reads the journal's attempts in one pass; 0, or -1 with *cause. */
int		 api_attempts_load(struct api_attempts *a, char **cause);
/* Releases what api_attempts_load() filled in. */
void		 api_attempts_free(struct api_attempts *a);
/* 1 when an attempt still waits for a look-up (unknown or no outcome). */
int		 api_attempt_open(const struct api_attempt *at);
/* Settles one open attempt by look-ups (by alternative order ID, else
 * List orders) for at most the resolve time after it was sent, journals
 * what it learnt and returns the outcome, also stored in res. */
enum api_outcome api_resolve(struct api *api, const struct api_attempt *at,
		    struct api_result *res);
/* The outcome of the journal's attempt id: as journaled, or settled by
 * api_resolve() while it is open; API_UNKNOWN when the journal cannot be
 * read or lacks it. When placed, its order ID goes to *order_id
 * (allocated, else NULL). */
enum api_outcome api_attempt_settle(struct api *api, const char *id,
		    char **order_id);

#endif
