/* sandbox.h: a CertCentral simulator on a loopback port (libmicrohttpd).
 *
 * It serves /services/v2/... for both platforms on one port: the order
 * endpoint of every product in the forms directory (checks X-DC-DEVKEY,
 * parses the body, validates it with the product's form and answers with
 * the page's success shape or DigiCert's error array), GET organization,
 * GET order/certificate/{id}, GET order/alternate/{id}, GET product/{name_id},
 * GET order/certificate (List orders, with DigiCert's filters, sort and
 * paging) and the rate limit of 100 requests per 5 seconds per key. As on
 * the real service the US and Europe platforms are separate accounts: the
 * API key says which one a request is for (sandbox_key()), so one port
 * serves both, and a Europe product ordered with the US key is refused with
 * not_found|product, as the US platform would.
 *
 * Faults for tests: sandbox_fault() queues faults that apply, in order, to
 * the next requests (one fault per request); the same can be done over HTTP
 * with POST /_sandbox/faults {"next": ["500", "429", ...]} and from the
 * environment with CERTWIZ_SANDBOX_FAULTS="500,429" read by sandbox_start().
 * The "late" fault hides its order from look-ups for CERTWIZ_SANDBOX_LATE
 * seconds (default 3). GET /_sandbox/orders lists every order placed, of
 * both accounts, with the SHA-256 of its body (alternative_order_id left
 * out), for tests that count orders per body.
 *
 * Ownership: sandbox_start() returns a server the caller stops and releases
 * with sandbox_stop(); *cause messages are allocated and the caller frees them.
 */
#ifndef CERTWIZ_SANDBOX_H
#define CERTWIZ_SANDBOX_H

#include <stddef.h>

struct sandbox;

/* What can go wrong on purpose: each fault's name and what it does are
 * in sandbox_faults.c's fault_table[] (sandbox_fault_help()). */
enum sandbox_fault {
	SB_FAULT_NONE,
	SB_FAULT_500,
	SB_FAULT_429,
	SB_FAULT_SLOW,
	SB_FAULT_CUT,
	SB_FAULT_HTML,
	SB_FAULT_TRUNCATED,
	SB_FAULT_HUGE,
	SB_FAULT_BADSTATUS,
	SB_FAULT_HTTP09,
	SB_FAULT_GATEWAY504,
	SB_FAULT_GATEWAY404,
	SB_FAULT_LATE,
	SB_FAULT_COUNT
};

/* How to start a sandbox. */
struct sandbox_opts {
	const char	*forms_dir;	/* where the product forms are */
	unsigned short	 port;		/* 0: any free loopback port */
	unsigned int	 slow_seconds;	/* delay of SB_FAULT_SLOW (default 5) */
	int		 log;		/* 1: one line per request on stderr */
	long long	 first_order;	/* first order ID; 0: 100000001 */
};

/* Starts a sandbox on 127.0.0.1 in its own threads. */
struct sandbox	*sandbox_start(const struct sandbox_opts *opts, char **cause);
/* The port it listens on. */
unsigned short	 sandbox_port(const struct sandbox *sb);
/* The base URL of the sandbox (http://127.0.0.1:PORT/services/v2), the
 * same for both platforms; allocated. */
char		*sandbox_base_url(const struct sandbox *sb);
/* The API key of the sandbox's account on a platform ("us" or "eu"):
 * "sandbox-us-key" or "sandbox-eu-key"; static, never freed. */
const char	*sandbox_key(const char *platform);
/* Queues a fault for the next request not yet faulted. */
void		 sandbox_fault(struct sandbox *sb, enum sandbox_fault fault);
/* Parses a fault name (sandbox_fault_name()); -1 when unknown or "none". */
int		 sandbox_fault_parse(const char *name,
		    enum sandbox_fault *fault);
/* A fault's name ("500", "cut", "late", ...; "none"); static. */
const char	*sandbox_fault_name(enum sandbox_fault fault);
/* What a fault does, in one line; static. */
const char	*sandbox_fault_help(enum sandbox_fault fault);
/* Every fault name, "500, 429, ... or late"; allocated. */
char		*sandbox_fault_list(void);
/* How many order POSTs it has received (placed or not). */
size_t		 sandbox_order_posts(const struct sandbox *sb);
/* How many orders it has placed (answered 201, even if a fault then
 * spoiled the answer: slow, cut, truncated, badstatus, http09,
 * gateway504, late). */
size_t		 sandbox_orders_placed(const struct sandbox *sb);
/* How many placed orders repeated an alternative_order_id already used
 * by an earlier order of the same account (accepted all the same). */
size_t		 sandbox_alt_id_repeats(const struct sandbox *sb);
/* Stops the server and releases it. */
void		 sandbox_stop(struct sandbox *sb);

#endif
