/* api_int.h: what the files of the api module share (internal).
 *
 * Ownership: as in api.h; an api_response owns its body, content type and
 * error text, released with api_response_free(). Strings returned by
 * api_key() and api_base_url() belong to the api handle.
 */
#ifndef CERTWIZ_API_INT_H
#define CERTWIZ_API_INT_H

#include <stddef.h>

#include <curl/curl.h>

#include "api/api.h"
#include "api/curl_lib.h"
#include "core/platform.h"

/* The handle: libcurl (loaded on first use), one easy handle
 * (connections are reused), the settings and the keys. */
struct api {
	struct curl_lib	 curl;		/* curl.dl NULL: not loaded yet */
	CURL		*easy;
	long		 timeout;
	long		 retry_base_ms;
	long		 resolve_seconds;	/* look-ups after an unknown */
	int		 again;		/* a body placed before may go again */
	volatile sig_atomic_t *cancel;	/* stop waiting when set */
	const char	*command;	/* "certwiz" or "certwiz --sandbox" */
	char		*base_url[PLATFORM_COUNT];	/* override, or NULL */
	char		*checked_url[PLATFORM_COUNT];	/* after the checks */
	char		*key[PLATFORM_COUNT];
	api_notify_fn	 notify;
	void		*notify_arg;
	char		 errbuf[CURL_ERROR_SIZE];
};

/* What one HTTP exchange gave. */
struct api_response {
	long		 status;	/* 0: no HTTP answer */
	char		*content_type;
	char		*body;		/* NUL-terminated */
	size_t		 len;
	CURLcode	 code;		/* CURLE_OK: a whole answer came */
	int		 too_big;	/* cut at API_MAX_ANSWER */
	int		 sent;		/* the whole request body went out */
	const char	*upload;	/* the request body being sent */
	size_t		 upload_len, upload_off;
	char		*error;		/* curl's words, or NULL */
};

/* The platform's key; NULL with *cause when there is none. */
const char *api_key(struct api *api, const char *platform, char **cause);
/* Loads libcurl on first use (and initialises it); 0, or -1 with *cause. */
int	 api_curl(struct api *api, char **cause);

/* Performs one request: method "GET" or "POST", url, key, body (or NULL).
 * Returns 0 when a whole answer came, -1 otherwise (r says why). */
int	 api_http(struct api *api, const char *method, const char *url,
	    const char *key, const char *body, struct api_response *r);
/* Releases what a response holds. */
void	 api_response_free(struct api_response *r);
/* Sends method to base URL + path for a platform, with its key; on a setup
 * failure (no key, refused URL) returns -1 with *cause and no request. */
int	 api_call(struct api *api, const char *platform, const char *method,
	    const char *path, const char *body, struct api_response *r,
	    char **cause);

/* Parses an answer as JSON; NULL when it is not JSON. */
cJSON	*api_parse_answer(const struct api_response *r);
/* Fills res from a 2xx order answer; -1 when it holds no order id. */
int	 api_parse_order(const cJSON *answer, struct api_result *res);
/* Adds every entry of DigiCert's error array to res; -1 when there is
 * no error array. */
int	 api_parse_errors(const cJSON *answer, struct api_result *res);
/* Says in words what a non-2xx or non-JSON answer means; allocated.
 * doing: "place orders" or "read orders". */
char	*api_explain(const struct api_response *r, const char *platform,
	    const char *doing);
/* A JSON order ID as text, or NULL unless it is digits only. */
char	*api_order_id_text(const cJSON *v);
/* Adds a note to res and passes it to the notify callback. */
void	 api_note(struct api *api, struct api_result *res, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
/* Replaces res->message. */
void	 api_set_message(struct api_result *res, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* What came back from an order POST, as api_classify() reads it. */
struct api_shape {
	int	 body_out;	/* a byte of the body may have left */
	long	 status;	/* HTTP status, 0: none came */
	int	 order_id;	/* the answer is JSON naming the order */
	int	 errors;	/* the answer is DigiCert's error array */
};

/* The shape of a POST's response r; *answer gets the parsed answer (or
 * NULL, the caller's to delete) and res the order or the errors. */
void	 api_shape_of(const struct api_response *r, cJSON **answer,
	    struct api_result *res, struct api_shape *sh);
/* What an answer of shape s means for the order (see api_classify.c);
 * *row, when not NULL, gets the deciding row in words. */
enum api_outcome api_classify(const struct api_shape *s, const char **row);

/* One journal line. */
struct api_journal_entry {
	const char	*submission;	/* the attempt's id */
	const char	*product;
	const char	*platform;
	const char	*alternative_order_id;
	const char	*event;	/* sent, placed, rejected, failed, unknown,
				 * not_found */
	const char	*order_id;
	long		 http_status;
	const char	*message;
	const char	*body_hash;	/* "sent" only, else NULL */
	const char	*draft;		/* "sent" only: the draft, or NULL */
	const cJSON	*match;		/* "sent" only: what List orders matches */
};

/* Appends one line to the journal (flock, one write, fdatasync); -1 with
 * *cause when it cannot. */
int	 api_journal_write(const struct api_journal_entry *e, char **cause);

/* Sleeps ms milliseconds, less when a signal sets api's cancel flag. */
void	 api_sleep_ms(struct api *api, long ms);
/* Resolves the product's open attempts, then refuses (API_DUPLICATE, or
 * API_FAILED while an earlier outcome stays unknown) a body that was
 * placed before; 0 when the order may be sent, else -1 with res set. */
int	 api_guard(struct api *api, const char *product, const char *platform,
	    const char *hash, const char *draft, struct api_result *res);

/* Fills buf with n random letters and digits and a NUL (buf holds n+1). */
void	 api_random_id(char *buf, size_t n);

#endif
