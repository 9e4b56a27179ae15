/* sandbox_int.h: what the sandbox's files share (internal to src/sandbox).
 *
 * Ownership: a struct sandbox owns its forms, orders, fault queue and its
 * handle on libmicrohttpd (loaded by sandbox_start(), unloaded by
 * sandbox_stop()); every member that changes after sandbox_start() is
 * guarded by its mutex. A
 * struct sb_reply owns its body (malloc'd), which sb_send() hands to MHD or
 * frees. Endpoints only read the struct sb_call they are given.
 */
#ifndef CERTWIZ_SANDBOX_INT_H
#define CERTWIZ_SANDBOX_INT_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "sandbox/mhd_lib.h"
#include "sandbox/sandbox.h"

struct form;

#define SB_PREFIX	"/services/v2/"
#define SB_MAX_BODY	(1024u * 1024)		/* largest request body */
/* Bodies buffered at once, all connections together. */
#define SB_MAX_BUFFERED	(32u * 1024 * 1024)
#define SB_MAX_CONNS	256	/* open connections, all clients */
#define SB_MAX_PER_IP	64	/* open connections from one address */
#define SB_CONN_TIMEOUT	10	/* seconds a connection may sit idle */
#define SB_THREADS	8	/* the pool that serves every connection */
#define SB_RATE_MAX	100			/* requests per window per key */
#define SB_RATE_SECONDS	5.0
#define SB_HUGE_SIZE	(64u * 1024 * 1024)	/* body of the "huge" fault */
#define SB_NKEYS	3

/* An API key the sandbox knows, and the account it opens. */
struct sb_key {
	const char	*key;
	const char	*platform;	/* "us" or "eu" */
	int		 readonly;	/* 403 on POSTs */
};

/* One placed order. */
struct sb_order {
	long long	 id;
	long long	 request_id;
	long long	 certificate_id;	/* 0: none yet */
	long long	 org_id;
	char		*product;
	const char	*platform;
	char		*alt_id;		/* NULL: none given */
	char		*common_name;		/* NULL: none given */
	const char	*status;		/* "pending" or "issued" */
	/* What List orders and /_sandbox/orders show (sandbox_list.c): */
	time_t		 created;		/* placed at (wall clock) */
	double		 visible_after;		/* monotonic; 0: at once */
	char		*product_name;
	char		*org_name;		/* NULL: unknown */
	cJSON		*dns_names;		/* strings */
	cJSON		*emails;		/* every "email" of the body */
	char		*body_sha256;		/* without alternative ID */
	char		*raw_sha256;		/* of the bytes received */
};

/* The times of a key's latest requests, oldest at next once full. */
struct sb_rate {
	double		 t[SB_RATE_MAX];
	size_t		 next;
	size_t		 n;
};

/* A running sandbox. */
struct sandbox {
	struct mhd_lib	 mhd;		/* read-only once started */
	struct MHD_Daemon *daemon;
	unsigned short	 port;
	unsigned int	 slow_seconds;
	unsigned int	 late_seconds;	/* the late fault's hiding time */
	int		 log;
	int		 fixed_today;	/* CERTWIZ_TODAY was set */
	time_t		 today;
	struct form	**forms;	/* read-only once started */
	size_t		 nforms;

	pthread_mutex_t	 lock;		/* guards everything below */
	pthread_cond_t	 wake;		/* slow answers wait on it */
	int		 stopping;
	struct sb_order	*orders;
	size_t		 norders;
	long long	 next_order, next_request, next_cert, next_org;
	long long	 next_domain;
	cJSON		*created_orgs;	/* [{platform, org}] of orders */
	enum sandbox_fault *faults;
	size_t		 nfaults;
	size_t		 fault_head;
	struct sb_rate	 rate[SB_NKEYS];
	size_t		 buffered;	/* body bytes held now (atomic) */
	size_t		 order_posts;
	size_t		 placed;
	size_t		 alt_repeats;
};

/* A request as the endpoints see it. */
struct sb_call {
	const struct mhd_lib *mhd;	/* the sandbox's */
	struct MHD_Connection *conn;
	const char	*method;
	const char	*url;		/* the whole path */
	const char	*body;
	size_t		 len;
	int		 too_big;	/* body over SB_MAX_BODY, dropped */
	const struct sb_key *key;	/* set once the key is checked */
	enum sandbox_fault fault;	/* the fault applied to it */
};

/* The answer to send. */
struct sb_reply {
	unsigned int	 status;
	char		*body;
	size_t		 len;
	const char	*type;		/* Content-Type */
	const char	*allow;		/* Allow header (405), or NULL */
};

/* An endpoint: answers call for the route's argument arg. */
typedef void (*sb_endpoint)(struct sandbox *, const struct sb_call *,
    const char *, struct sb_reply *);

/* sandbox_reply.c */
void	 sb_reply_json(struct sb_reply *r, unsigned int status, cJSON *json);
void	 sb_reply_error(struct sb_reply *r, unsigned int status,
	    const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
void	 sb_reply_errors(struct sb_reply *r, unsigned int status,
	    cJSON *errors);
void	 sb_reply_html(struct sb_reply *r, unsigned int status,
	    const char *title);
int	 sb_send(struct sandbox *sb, const struct sb_call *c,
	    struct sb_reply *r, enum sandbox_fault fault);
long	 sb_arg_count(const struct sb_call *c, const char *name, long dflt);
void	 sb_reply_page(struct sb_reply *r, const struct sb_call *c,
	    const char *member, cJSON *all);

/* sandbox_route.c */
void	 sb_serve(struct sandbox *sb, struct sb_call *c,
	    enum sandbox_fault *fault, struct sb_reply *r);

/* sandbox_orders.c */
void	 sb_post_order(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);
const struct form *sb_form(const struct sandbox *sb, const char *id,
	    const char *platform);
void	 sb_orders_free(struct sandbox *sb);

/* sandbox_lookup.c */
void	 sb_get_order(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);
void	 sb_get_alternate(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);
void	 sb_get_product(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);

/* sandbox_list.c */
void	 sb_order_describe(struct sb_order *o, const cJSON *body,
	    const char *product_name);
void	 sb_order_forget(struct sb_order *o);
int	 sb_order_visible(const struct sb_order *o);
void	 sb_list_orders(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);
/* Answers GET /_sandbox/orders: every order placed, of both accounts,
 * hidden or not, with its body's hash, and the counts of order POSTs and
 * placed orders. */
void	 sb_control_orders(struct sandbox *sb, const struct sb_call *c,
	    struct sb_reply *r);

/* sandbox_orgs.c */
void	 sb_get_organization(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);
/* Creates the organization an order describes and returns its ID; without
 * skip_duplicate_org_check an organization of the same name is reused, as
 * DigiCert does. Called with the lock held. */
long long sb_org_create(struct sandbox *sb, const char *platform,
	    const cJSON *org);
void	 sb_orgs_free(struct sandbox *sb);
const char *sb_org_name(const char *platform, long long id);

/* sandbox_users.c */
void	 sb_get_user(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);
void	 sb_get_container(struct sandbox *, const struct sb_call *,
	    const char *, struct sb_reply *);

/* sandbox_faults.c */
enum sandbox_fault sb_fault_next(struct sandbox *sb);
int	 sb_faults_env(struct sandbox *sb, char **cause);
int	 sb_rate_check(struct sandbox *sb, size_t key);
void	 sb_control(struct sandbox *sb, const struct sb_call *c,
	    struct sb_reply *r);
void	 sb_sleep(struct sandbox *sb, unsigned int seconds);
double	 sb_mono_now(void);

#endif
