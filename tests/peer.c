/* peer.c: the other end for the hostile-machine tests (tests/hostile.sh).
 *   peer serve RESPONSE LOG   answers every connection on 127.0.0.1 with
 *                             the raw bytes of RESPONSE, logging each
 *                             request line to LOG; prints "port N" first
 *   peer big PORT             sends headers announcing a 2 MB body, none
 *                             of it, and prints the status line answered
 *   peer load PORT PID IDLE SLOW
 *                             opens IDLE silent connections (from
 *                             127.0.0.2) and SLOW unfinished 1 MB POSTs
 *                             (from 127.0.0.3), then times a normal
 *                             request from 127.0.0.1 and prints figures,
 *                             the sandbox PID's threads and memory too
 * Loopback only; every wait is bounded. */
#include <sys/resource.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A connection to 127.0.0.1:port from the loopback address src; -1 on
 * failure. */
static int
dial(unsigned short port, const char *src)
{
	struct sockaddr_in a, from;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	memset(&from, 0, sizeof from);
	from.sin_family = AF_INET;
	inet_pton(AF_INET, src, &from.sin_addr);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&from, sizeof from) != 0 ||
	    connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Reads what arrives on fd within ms milliseconds into buf. */
static size_t
read_for(int fd, char *buf, size_t size, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };
	size_t used = 0;
	ssize_t n;

	while (used + 1 < size && poll(&p, 1, ms) == 1) {
		if ((n = read(fd, buf + used, size - used - 1)) <= 0)
			break;
		used += (size_t)n;
	}
	buf[used] = '\0';
	return used;
}

/* Milliseconds since some fixed point. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Answers every connection with the response file's bytes. */
static int
serve(const char *response, const char *log)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	char resp[65536], req[65536];
	FILE *fp = fopen(response, "rb"), *lp;
	size_t n;
	int s, c;

	if (fp == NULL || (n = fread(resp, 1, sizeof resp, fp)) == 0)
		return 1;
	fclose(fp);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 8) ||
	    getsockname(s, (struct sockaddr *)&a, &len) != 0)
		return 1;
	printf("port %u\n", (unsigned)ntohs(a.sin_port));
	fflush(stdout);
	while ((c = accept(s, NULL, NULL)) >= 0) {
		read_for(c, req, sizeof req, 300);
		if ((lp = fopen(log, "a")) != NULL) {
			fprintf(lp, "%.*s\n", (int)strcspn(req, "\r\n"), req);
			fclose(lp);
		}
		if (write(c, resp, n) < 0)
			perror("write");
		close(c);
	}
	return 1;
}

/* Announces a 2 MB body, sends none, prints the answer's status line. */
static int
big(unsigned short port)
{
	static const char head[] = "POST /services/v2/order/certificate/"
	    "ds_org_individual HTTP/1.1\r\nHost: 127.0.0.1\r\nX-DC-DEVKEY: "
	    "sandbox-us-key\r\nContent-Type: application/json\r\n"
	    "Content-Length: 2000000\r\n\r\n";
	char buf[4096];
	int fd = dial(port, "127.0.0.1");

	if (fd < 0 || write(fd, head, sizeof head - 1) < 0)
		return 1;
	read_for(fd, buf, sizeof buf, 3000);
	printf("%.*s\n", (int)strcspn(buf, "\r\n"), buf);
	close(fd);
	return 0;
}

/* Opens n connections from src, sending first (if any) on each; returns
 * how many connected. */
static int
open_many(unsigned short port, const char *src, int n, const char *first,
    int *fds)
{
	int i, ok = 0;

	for (i = 0; i < n; i++) {
		fds[i] = dial(port, src);
		if (fds[i] >= 0 && first != NULL &&
		    write(fds[i], first, strlen(first)) < 0) {
			close(fds[i]);
			fds[i] = -1;
		}
		ok += fds[i] >= 0;
	}
	return ok;
}

/* How many of n connections the server still holds open. */
static int
still_open(const int *fds, int n)
{
	struct pollfd p;
	char c;
	int i, open = 0;

	for (i = 0; i < n; i++) {
		if (fds[i] < 0)
			continue;
		p.fd = fds[i];
		p.events = POLLIN;
		p.revents = 0;
		if (poll(&p, 1, 0) == 0 ||
		    (read(fds[i], &c, 1) > 0))	/* open, maybe answered */
			open++;
	}
	return open;
}

/* A line of /proc/PID/status ("Threads:", "VmRSS:"), or "?". */
static void
proc_field(const char *pid, const char *name, char *out, size_t size)
{
	char path[64], line[256];
	FILE *fp;

	snprintf(out, size, "?");
	snprintf(path, sizeof path, "/proc/%s/status", pid);
	if ((fp = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, name, strlen(name)) == 0) {
			snprintf(out, size, "%s", line + strlen(name) +
			    strspn(line + strlen(name), " \t"));
			out[strcspn(out, "\n")] = '\0';
		}
	}
	fclose(fp);
}

/* Times one normal request from 127.0.0.1; prints its status line. */
static int
normal(unsigned short port)
{
	static const char req[] = "GET /services/v2/product/ds_org_individual "
	    "HTTP/1.1\r\nHost: 127.0.0.1\r\nX-DC-DEVKEY: sandbox-us-key\r\n"
	    "Connection: close\r\n\r\n";
	char buf[8192];
	double t0 = now_ms();
	int fd = dial(port, "127.0.0.1"), ok;

	if (fd < 0 || write(fd, req, sizeof req - 1) < 0) {
		printf("normal client: could not connect\n");
		return 1;
	}
	read_for(fd, buf, sizeof buf, 5000);
	close(fd);
	ok = strncmp(buf, "HTTP/1.1 200", 12) == 0;
	printf("normal client: %.*s in %.1f ms\n", (int)strcspn(buf, "\r\n"),
	    ok ? buf : "no answer", now_ms() - t0);
	return ok ? 0 : 1;
}

/* The load test. */
static int
load(unsigned short port, const char *pid, int nidle, int nslow)
{
	static const char post[] = "POST /services/v2/order/certificate/"
	    "ds_org_individual HTTP/1.1\r\nHost: 127.0.0.1\r\nX-DC-DEVKEY: "
	    "sandbox-us-key\r\nContent-Type: application/json\r\n"
	    "Content-Length: 1000000\r\n\r\n{\"a\": \"";
	struct rlimit rl;
	int *idle = calloc((size_t)nidle, sizeof *idle);
	int *slow = calloc((size_t)nslow, sizeof *slow), ci, cs, rc;
	char thr[64], rss[64];

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	proc_field(pid, "VmRSS:", rss, sizeof rss);
	printf("sandbox before: RSS %s\n", rss);
	ci = open_many(port, "127.0.0.2", nidle, NULL, idle);
	cs = open_many(port, "127.0.0.3", nslow, post, slow);
	usleep(500000);
	proc_field(pid, "Threads:", thr, sizeof thr);
	proc_field(pid, "VmRSS:", rss, sizeof rss);
	printf("idle clients: %d connected, %d held open\n", ci,
	    still_open(idle, nidle));
	printf("slow clients: %d connected, %d held open\n", cs,
	    still_open(slow, nslow));
	printf("sandbox under load: %s threads, RSS %s\n", thr, rss);
	rc = normal(port);
	return rc;
}

/* Runs the mode named by argv[1]. */
int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "serve") == 0)
		return serve(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "big") == 0)
		return big((unsigned short)atoi(argv[2]));
	if (argc == 6 && strcmp(argv[1], "load") == 0)
		return load((unsigned short)atoi(argv[2]), argv[3],
		    atoi(argv[4]), atoi(argv[5]));
	fprintf(stderr, "usage: peer serve RESPONSE LOG | big PORT | "
	    "load PORT PID IDLE SLOW\n");
	return 2;
}
