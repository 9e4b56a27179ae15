/* sandbox.c: starting and stopping the sandbox, and its request handler. */
#include "config.h"

#include "sandbox/sandbox.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/crypto_lib.h"
#include "core/form.h"
#include "sandbox/sandbox_int.h"
#include "util/today.h"
#include "util/xalloc.h"

/* What one connection's request has collected so far. */
struct sb_conn {
	char	*body;
	size_t	 len;
	size_t	 cap;
	int	 too_big;
};

/* Drops what a connection buffered and gives its bytes back. */
static void
drop_body(struct sandbox *sb, struct sb_conn *sc)
{
	__atomic_sub_fetch(&sb->buffered, sc->cap, __ATOMIC_RELAXED);
	free(sc->body);
	sc->body = NULL;
	sc->len = sc->cap = 0;
}

/* Keeps an upload chunk, dropping the body once it passes the cap of one
 * body or of all the bodies buffered at once. */
static void
collect(struct sandbox *sb, struct sb_conn *sc, const char *data,
    size_t size)
{
	size_t cap;

	if (sc->too_big)
		return;
	if (sc->len + size > SB_MAX_BODY) {
		sc->too_big = 1;
		drop_body(sb, sc);
		return;
	}
	if (sc->len + size + 1 > sc->cap) {
		cap = sc->cap == 0 ? 4096 : sc->cap;
		while (cap < sc->len + size + 1)
			cap *= 2;
		if (__atomic_add_fetch(&sb->buffered, cap - sc->cap,
		    __ATOMIC_RELAXED) > SB_MAX_BUFFERED) {
			__atomic_sub_fetch(&sb->buffered, cap - sc->cap,
			    __ATOMIC_RELAXED);
			sc->too_big = 1;
			drop_body(sb, sc);
			return;
		}
		sc->body = xreallocarray(sc->body, cap, 1);
		sc->cap = cap;
	}
	memcpy(sc->body + sc->len, data, size);
	sc->len += size;
	sc->body[sc->len] = '\0';
}

/* 1 when the request says its body is larger than the sandbox takes. */
static int
declared_too_big(const struct sandbox *sb, struct MHD_Connection *conn)
{
	const char *v = sb->mhd.lookup_connection_value(conn,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	char *end;
	unsigned long long n;

	if (v == NULL)
		return 0;
	errno = 0;
	n = strtoull(v, &end, 10);
	return errno != 0 || end == v || n > SB_MAX_BODY;
}

/* MHD's access handler: collects the body, then serves the request. */
static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct sandbox *sb = cls;
	struct sb_conn *sc = *con_cls;
	struct sb_call c;
	struct sb_reply r = { .body = NULL };
	enum sandbox_fault fault = SB_FAULT_NONE;

	(void)version;
	memset(&c, 0, sizeof c);
	c.mhd = &sb->mhd;
	c.conn = conn;
	c.method = method;
	c.url = url;
	if (sc == NULL) {
		*con_cls = xcalloc(1, sizeof *sc);
		if (!declared_too_big(sb, conn))
			return MHD_YES;
		/* Answered before a byte of the body is read. */
		sb_reply_error(&r, 413, "request_too_large", "The request "
		    "body is larger than %u bytes", SB_MAX_BODY);
		return sb_send(sb, &c, &r, fault) == 0 ? MHD_YES : MHD_NO;
	}
	if (*upload_size != 0) {
		collect(sb, sc, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	c.body = sc->body != NULL ? sc->body : "";
	c.len = sc->len;
	c.too_big = sc->too_big;
	sb_serve(sb, &c, &fault, &r);
	return sb_send(sb, &c, &r, fault) == 0 ? MHD_YES : MHD_NO;
}

/* Frees a connection's request state when MHD is done with it. */
static void
completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct sb_conn *sc = *con_cls;

	(void)conn;
	(void)toe;
	if (sc != NULL) {
		drop_body(cls, sc);
		free(sc);
		*con_cls = NULL;
	}
}

/* Reads seconds (0 to 3600) from the environment variable name into
 * *out, which keeps its value when the variable is unset. */
static int
read_seconds(const char *name, unsigned int *out, char **cause)
{
	const char *env = getenv(name);
	unsigned long v;
	char *end;

	if (env == NULL || *env == '\0')
		return 0;
	errno = 0;
	v = strtoul(env, &end, 10);
	if (errno != 0 || *end != '\0' || *env == '-' || v > 3600) {
		*cause = xasprintf("%s must be 0 to 3600 seconds", name);
		return -1;
	}
	*out = (unsigned int)v;
	return 0;
}

/* Works out the delays of the slow fault (CERTWIZ_SANDBOX_SLOW, opts, or
 * 5) and the late fault (CERTWIZ_SANDBOX_LATE, or 3). */
static int
read_delays(struct sandbox *sb, unsigned int slow, char **cause)
{
	sb->slow_seconds = slow != 0 ? slow : 5;
	sb->late_seconds = 3;
	if (read_seconds("CERTWIZ_SANDBOX_SLOW", &sb->slow_seconds,
	    cause) != 0)
		return -1;
	return read_seconds("CERTWIZ_SANDBOX_LATE", &sb->late_seconds, cause);
}

/* Loads every product form of the forms directory. */
static int
load_forms(struct sandbox *sb, const char *dir, char **cause)
{
	char **ids = NULL;
	int n, i;

	if ((n = form_list_ids(dir, &ids, cause)) < 0)
		return -1;
	sb->forms = xcalloc(n > 0 ? (size_t)n : 1, sizeof *sb->forms);
	for (i = 0; i < n; i++) {
		sb->forms[i] = form_load(dir, ids[i], cause);
		if (sb->forms[i] == NULL)
			break;
		sb->nforms++;
	}
	form_free_ids(ids, n);
	return i == n ? 0 : -1;
}

/* Opens a listening socket on 127.0.0.1:port. */
static int
listen_on(unsigned short port, char **cause)
{
	struct sockaddr_in sin;
	int fd, on = 1;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1) {
		*cause = xasprintf("socket: %s", strerror(errno));
		return -1;
	}
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	if (bind(fd, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    listen(fd, 64) == -1) {
		*cause = xasprintf("cannot listen on 127.0.0.1:%u: %s",
		    (unsigned int)port, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* Starts MHD on the socket fd: a pool of SB_THREADS threads polling every
 * connection, with limits on connections (all, and per address) and on
 * how long one may sit idle. */
static int
start_daemon(struct sandbox *sb, int fd, char **cause)
{
	const union MHD_DaemonInfo *info;

	sb->daemon = sb->mhd.start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_AUTO, 0, NULL, NULL, handle, sb,
	    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, sb,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)SB_THREADS,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)SB_MAX_CONNS,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)SB_MAX_PER_IP,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)SB_CONN_TIMEOUT,
	    MHD_OPTION_END);
	if (sb->daemon == NULL) {
		close(fd);
		*cause = xstrdup("cannot start the HTTP server");
		return -1;
	}
	info = sb->mhd.get_daemon_info(sb->daemon, MHD_DAEMON_INFO_BIND_PORT);
	sb->port = info != NULL ? info->port : 0;
	return 0;
}

/* Loads libcrypto once from the starting thread, before the server's
 * threads read CSRs with it: glibc loses a block (valgrind: "definitely
 * lost") when a library first loaded as another's dependency (libcurl's)
 * is first dlopened directly from a second thread. Without libcrypto the
 * CSR checks fall back to the frame check, so a failure is no error. */
static void
preload_crypto(void)
{
	struct crypto_lib c;
	char *cause = NULL;

	if (crypto_lib_open(&c, &cause) == 0)
		crypto_lib_close(&c);
	free(cause);
}

/* Starts a sandbox on 127.0.0.1 in its own threads. */
struct sandbox *
sandbox_start(const struct sandbox_opts *opts, char **cause)
{
	struct sandbox *sb = xcalloc(1, sizeof *sb);
	pthread_condattr_t ca;
	int fd;

	pthread_mutex_init(&sb->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&sb->wake, &ca);
	pthread_condattr_destroy(&ca);
	sb->log = opts->log;
	sb->next_order = opts->first_order > 0 ? opts->first_order : 100000001;
	sb->next_request = 300000001;
	sb->next_cert = 500000001;
	sb->next_org = 900001;
	sb->next_domain = 700000001;
	preload_crypto();
	if (mhd_lib_open(&sb->mhd, cause) != 0 ||
	    cw_today(&sb->today, &sb->fixed_today, cause) != 0 ||
	    read_delays(sb, opts->slow_seconds, cause) != 0 ||
	    sb_faults_env(sb, cause) != 0 ||
	    load_forms(sb, opts->forms_dir, cause) != 0 ||
	    (fd = listen_on(opts->port, cause)) == -1 ||
	    start_daemon(sb, fd, cause) != 0) {
		sandbox_stop(sb);
		return NULL;
	}
	return sb;
}

/* Stops the server and releases it. */
void
sandbox_stop(struct sandbox *sb)
{
	size_t i;

	if (sb == NULL)
		return;
	pthread_mutex_lock(&sb->lock);
	sb->stopping = 1;
	pthread_cond_broadcast(&sb->wake);
	pthread_mutex_unlock(&sb->lock);
	if (sb->daemon != NULL)
		sb->mhd.stop_daemon(sb->daemon);
	mhd_lib_close(&sb->mhd);
	for (i = 0; i < sb->nforms; i++)
		form_free(sb->forms[i]);
	free(sb->forms);
	sb_orders_free(sb);
	sb_orgs_free(sb);
	free(sb->faults);
	pthread_cond_destroy(&sb->wake);
	pthread_mutex_destroy(&sb->lock);
	free(sb);
}

/* The port it listens on. */
unsigned short
sandbox_port(const struct sandbox *sb)
{
	return sb->port;
}

/* The base URL of the sandbox, the same for both platforms. */
char *
sandbox_base_url(const struct sandbox *sb)
{
	return xasprintf("http://127.0.0.1:%u/services/v2",
	    (unsigned int)sb->port);
}

/* How many order POSTs it has received (placed or not). */
size_t
sandbox_order_posts(const struct sandbox *sb)
{
	struct sandbox *m = (struct sandbox *)sb;
	size_t n;

	pthread_mutex_lock(&m->lock);
	n = m->order_posts;
	pthread_mutex_unlock(&m->lock);
	return n;
}

/* How many orders it has placed. */
size_t
sandbox_orders_placed(const struct sandbox *sb)
{
	struct sandbox *m = (struct sandbox *)sb;
	size_t n;

	pthread_mutex_lock(&m->lock);
	n = m->placed;
	pthread_mutex_unlock(&m->lock);
	return n;
}

/* How many placed orders repeated an alternative_order_id of their account. */
size_t
sandbox_alt_id_repeats(const struct sandbox *sb)
{
	struct sandbox *m = (struct sandbox *)sb;
	size_t n;

	pthread_mutex_lock(&m->lock);
	n = m->alt_repeats;
	pthread_mutex_unlock(&m->lock);
	return n;
}
