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

#include <stddef.h>

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

/* What became of a submission (or of a look-up). */
enum api_outcome {
	API_PLACED,	/* the order exists (exit 0) */
	API_REJECTED,	/* refused with DigiCert's error array (exit 1) */
	API_FAILED,	/* not placed: 5xx, network, key, not JSON (exit 3) */
	API_UNKNOWN	/* maybe placed, and no order was found (exit 4) */
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
/* The server platforms of a product (GET product/{name_id}): *out gets
 * the "server_platforms" array (id, name; empty when the product has
 * none), which the caller deletes; 0, or -1 with *cause. */
int		 api_product_platforms(struct api *api, const char *platform,
		    const char *name_id, cJSON **out, char **cause);

/* Places an order: body as order_build() made it, for form's product and
 * platform. Adds a generated alternative_order_id when the form has the
 * field and the body none, retries 429 answers, looks the order up by its
 * alternative order ID when the outcome is unknown (never POSTs again), and
 * journals the submission. Returns the outcome, also stored in res. */
enum api_outcome api_submit(struct api *api, const struct form *form,
		    const cJSON *body, struct api_result *res);
/* The order's information (GET order/certificate/{id}): API_PLACED when it
 * was found, else API_REJECTED or API_FAILED with the reason. */
enum api_outcome api_order_info(struct api *api, const char *platform,
		    const char *order_id, struct api_result *res);
/* Looks orders up by alternative order ID (GET order/alternate/{id}):
 * API_PLACED with the first order found, API_UNKNOWN when there is none,
 * API_FAILED when the look-up itself failed. */
enum api_outcome api_find_alternate(struct api *api, const char *platform,
		    const char *alt_id, struct api_result *res);

/* The exit status of an outcome: 0, 1, 3 or 4. */
int		 api_outcome_exit(enum api_outcome outcome);
/* The outcome's name: "placed", "rejected", "failed" or "unknown". */
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

#endif
