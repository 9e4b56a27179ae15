/* sandbox_reply.c: building answers and sending them, faults applied. */
#include "config.h"

#include "sandbox/sandbox_int.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "util/safetext.h"
#include "util/xalloc.h"

/* The start and end of the "huge" fault's body; the middle is padding. */
static const char huge_head[] = "{\"padding\":\"";
static const char huge_tail[] = "\"}";

/* A body cut off half-way for the "truncated" fault. */
struct sb_cut {
	char	*body;
	size_t	 half;
};

/* Sets a JSON answer; takes json. */
void
sb_reply_json(struct sb_reply *r, unsigned int status, cJSON *json)
{
	free(r->body);
	r->status = status;
	r->body = cJSON_PrintUnformatted(json);
	if (r->body == NULL) {
		r->status = 500;
		r->body = xstrdup("{\"errors\":[{\"code\":\"internal_error\","
		    "\"message\":\"the answer could not be made\"}]}");
	}
	r->len = strlen(r->body);
	r->type = "application/json";
	cJSON_Delete(json);
}

/* Sets DigiCert's error array as the answer; takes errors. */
void
sb_reply_errors(struct sb_reply *r, unsigned int status, cJSON *errors)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "errors", errors);
	sb_reply_json(r, status, o);
}

/* Sets an answer with one error of the given code. */
void
sb_reply_error(struct sb_reply *r, unsigned int status, const char *code,
    const char *fmt, ...)
{
	cJSON *errors = cJSON_CreateArray(), *e = cJSON_CreateObject();
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	cJSON_AddStringToObject(e, "code", code);
	cJSON_AddStringToObject(e, "message", msg);
	cJSON_AddItemToArray(errors, e);
	free(msg);
	sb_reply_errors(r, status, errors);
}

/* Sets an HTML page as the answer, as a proxy in front of the API would. */
void
sb_reply_html(struct sb_reply *r, unsigned int status, const char *title)
{
	free(r->body);
	r->status = status;
	r->body = xasprintf("<!DOCTYPE html>\n<html><head><title>%s</title>"
	    "</head>\n<body><h1>%s</h1><p>The sandbox was asked to fail."
	    "</p></body></html>\n", title, title);
	r->len = strlen(r->body);
	r->type = "text/html; charset=utf-8";
}

/* Gives MHD the first half of a cut body, then an error. */
static ssize_t
cut_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct sb_cut *cut = cls;
	size_t n;

	if (pos >= cut->half)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	n = cut->half - (size_t)pos;
	if (n > max)
		n = max;
	memcpy(buf, cut->body + pos, n);
	return (ssize_t)n;
}

/* Frees a cut body. */
static void
cut_free(void *cls)
{
	struct sb_cut *cut = cls;

	free(cut->body);
	free(cut);
}

/* Gives MHD the next part of the 64 MiB body. */
static ssize_t
huge_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	uint64_t head = sizeof huge_head - 1, tail = sizeof huge_tail - 1;
	uint64_t i, end;
	size_t n = max;

	(void)cls;
	if (pos >= SB_HUGE_SIZE)
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (n > SB_HUGE_SIZE - pos)
		n = (size_t)(SB_HUGE_SIZE - pos);
	end = pos + n;
	memset(buf, 'x', n);
	for (i = pos; i < head && i < end; i++)
		buf[i - pos] = huge_head[i];
	for (i = SB_HUGE_SIZE - tail; i < SB_HUGE_SIZE; i++) {
		if (i >= pos && i < end)
			buf[i - pos] = huge_tail[i - (SB_HUGE_SIZE - tail)];
	}
	return (ssize_t)n;
}

/* Makes the MHD response for r as the fault wants it; takes r's body. */
static struct MHD_Response *
make_response(const struct mhd_lib *mhd, struct sb_reply *r,
    enum sandbox_fault fault)
{
	struct sb_cut *cut;
	char *body;

	if (fault == SB_FAULT_HUGE)
		return mhd->create_response_from_callback(SB_HUGE_SIZE,
		    64 * 1024, huge_read, NULL, NULL);
	if (fault == SB_FAULT_TRUNCATED) {
		cut = xmalloc(sizeof *cut);
		cut->body = r->body;
		cut->half = r->len / 2;
		r->body = NULL;
		return mhd->create_response_from_callback(r->len, 4096,
		    cut_read, cut, cut_free);
	}
	if (r->body == NULL)
		return mhd->create_response_from_buffer(0, (void *)"",
		    MHD_RESPMEM_PERSISTENT);
	body = r->body;
	r->body = NULL;
	return mhd->create_response_from_buffer(r->len, body,
	    MHD_RESPMEM_MUST_FREE);
}

/* Writes the request's log line, "METHOD PATH -> STATUS". */
static void
log_line(const struct sandbox *sb, const struct sb_call *c,
    const struct sb_reply *r, enum sandbox_fault fault)
{
	char *method, *url;

	if (!sb->log)
		return;
	method = safe_text(c->method);	/* the client's bytes, decoded */
	url = safe_text(c->url);
	if (fault == SB_FAULT_NONE)
		fprintf(stderr, "%s %s -> %u\n", method, url, r->status);
	else
		fprintf(stderr, "%s %s -> %u (fault %s)\n", method, url,
		    r->status, sandbox_fault_name(fault));
	free(method);
	free(url);
}

/* Writes all of buf to a socket that may be non-blocking; -1 on error. */
static int
write_all(int fd, const char *buf, size_t len)
{
	struct pollfd p = { fd, POLLOUT, 0 };
	ssize_t n;

	while (len > 0) {
		n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n > 0) {
			buf += n;
			len -= (size_t)n;
		} else if (n == -1 && errno == EINTR)
			continue;
		else if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
		    poll(&p, 1, 5000) > 0)
			continue;
		else
			return -1;
	}
	return 0;
}

/* Waits (two seconds at most) until the client has read the answer and
 * closed its end, so that closing ours cannot reset what it still reads. */
static void
drain(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };
	char buf[4096];
	int i;

	for (i = 0; i < 20 && poll(&p, 1, 100) >= 0; i++) {
		if ((p.revents & (POLLIN | POLLHUP | POLLERR)) != 0 &&
		    recv(fd, buf, sizeof buf, MSG_DONTWAIT) <= 0)
			return;
	}
}

/* The head of the badstatus fault's answer: a letter O in the middle of
 * the status code ("HTTP/1.1 2O1 Created"); allocated. */
static char *
bad_head(const struct sb_reply *r)
{
	return xasprintf("HTTP/1.1 %uO%u %s\r\nContent-Type: %s\r\n"
	    "Content-Length: %zu\r\nConnection: close\r\n\r\n",
	    r->status / 100 % 10, r->status % 10,
	    r->status == 201 ? "Created" : r->status < 300 ? "OK" : "Error",
	    r->type != NULL ? r->type : "application/json", r->len);
}

/* Writes r on the socket itself, as badstatus or http09 (the bare body)
 * want it, and ends the connection; -1 (MHD then closes it). */
static int
send_raw(const struct sb_call *c, struct sb_reply *r,
    enum sandbox_fault fault)
{
	const union MHD_ConnectionInfo *info;
	char *head = NULL;
	int fd;

	info = c->mhd->get_connection_info(c->conn,
	    MHD_CONNECTION_INFO_CONNECTION_FD);
	if (info != NULL) {
		fd = info->connect_fd;
		if (fault == SB_FAULT_BADSTATUS)
			head = bad_head(r);
		if ((head == NULL || write_all(fd, head, strlen(head)) == 0) &&
		    r->body != NULL)
			(void)write_all(fd, r->body, r->len);
		shutdown(fd, SHUT_WR);
		drain(fd);
	}
	free(head);
	free(r->body);
	r->body = NULL;
	return -1;
}

/* Sends r, applying the fault; 0, or -1 to close the connection unanswered. */
int
sb_send(struct sandbox *sb, const struct sb_call *c, struct sb_reply *r,
    enum sandbox_fault fault)
{
	const struct mhd_lib *mhd = c->mhd;
	struct MHD_Response *resp;
	enum MHD_Result ok;

	log_line(sb, c, r, fault);
	if (fault == SB_FAULT_CUT) {
		free(r->body);
		return -1;
	}
	if (fault == SB_FAULT_BADSTATUS || fault == SB_FAULT_HTTP09)
		return send_raw(c, r, fault);
	if (fault == SB_FAULT_SLOW)
		sb_sleep(sb, sb->slow_seconds);
	if ((resp = make_response(mhd, r, fault)) == NULL) {
		free(r->body);
		return -1;
	}
	mhd->add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    r->type != NULL ? r->type : "application/json");
	if (r->allow != NULL)
		mhd->add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
	ok = mhd->queue_response(c->conn, r->status, resp);
	mhd->destroy_response(resp);
	return ok == MHD_YES ? 0 : -1;
}

/* A query argument as a count, or dflt when absent or not a number. */
long
sb_arg_count(const struct sb_call *c, const char *name, long dflt)
{
	const char *s = c->mhd->lookup_connection_value(c->conn,
	    MHD_GET_ARGUMENT_KIND, name);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= 0 ? v : dflt;
}

/* Answers a list look-up with the page of all (which it takes) that the
 * limit and offset arguments ask for, and page{total, limit, offset}. */
void
sb_reply_page(struct sb_reply *r, const struct sb_call *c,
    const char *member, cJSON *all)
{
	long limit = sb_arg_count(c, "limit", 1000);
	long offset = sb_arg_count(c, "offset", 0);
	long total = cJSON_GetArraySize(all), i = 0;
	cJSON *a = cJSON_CreateObject(), *list, *page, *e;

	list = cJSON_AddArrayToObject(a, member);
	while ((e = all->child) != NULL) {
		e = cJSON_DetachItemViaPointer(all, e);
		if (i >= offset && i - offset < limit)
			cJSON_AddItemToArray(list, e);
		else
			cJSON_Delete(e);
		i++;
	}
	cJSON_Delete(all);
	page = cJSON_AddObjectToObject(a, "page");
	cJSON_AddNumberToObject(page, "total", (double)total);
	cJSON_AddNumberToObject(page, "limit", (double)limit);
	cJSON_AddNumberToObject(page, "offset", (double)offset);
	sb_reply_json(r, 200, a);
}
