/* check_csr.c: the CSR validator and normaliser (PEM around a DER request,
 * or a bare base64 body), and the DER bytes for inspection (csr.h). */

#include "config.h"

#include "core/check_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/check.h"
#include "core/csr.h"
#include "util/i18n.h"

#define REQ_HEADER "-----BEGIN CERTIFICATE REQUEST-----"
#define REQ_FOOTER "-----END CERTIFICATE REQUEST-----"

static long long b64_decode(const char *, size_t, unsigned char *);
static int der_sequence_ok(const unsigned char *, size_t);

/* Returns 1 when p starts a literal two-character "\n" or "\r" escape. */
static int
is_escape(const char *p, const char *end)
{
	return end - p >= 2 && p[0] == '\\' && (p[1] == 'n' || p[1] == 'r');
}

/* Sets [*bp, *ep) to s without surrounding whitespace (and, if asked,
 * literal "\n" and "\r" escapes). */
static void
trim(const char *s, int escapes, const char **bp, const char **ep)
{
	const char	*b = s, *e = s + strlen(s);

	for (;;) {
		if (b < e && is_space((unsigned char)*b))
			b++;
		else if (escapes && is_escape(b, e))
			b += 2;
		else
			break;
	}
	for (;;) {
		if (e > b && is_space((unsigned char)e[-1]))
			e--;
		else if (escapes && e - b >= 2 && is_escape(e - 2, e))
			e -= 2;
		else
			break;
	}
	*bp = b;
	*ep = e;
}

/* Matches "<prefix>LABEL-----" at p before end; returns the end of the match
 * and sets the label, or returns NULL. */
static const char *
pem_line(const char *p, const char *end, const char *prefix,
    const char **label, size_t *label_len)
{
	const char	*l;
	size_t		 n = strlen(prefix);

	if ((size_t)(end - p) < n || memcmp(p, prefix, n) != 0)
		return NULL;
	p += n;
	for (l = p; p < end; p++) {
		if (!(*p >= 'A' && *p <= 'Z') && !is_digit((unsigned char)*p) &&
		    *p != ' ')
			break;
	}
	if (p == l || end - p < 5 || memcmp(p, "-----", 5) != 0)
		return NULL;
	*label = l;
	*label_len = p - l;
	return p + 5;
}

/* Copies [p, end) to out without whitespace or literal escapes; returns the
 * end of the copy. */
static char *
copy_body(char *out, const char *p, const char *end)
{
	while (p < end) {
		if (is_space((unsigned char)*p))
			p++;
		else if (is_escape(p, end))
			p += 2;
		else
			*out++ = *p++;
	}
	return out;
}

/* Returns 1 when the base64 text b[0..n) is one DER SEQUENCE. */
static int
is_der_body(const char *b, size_t n)
{
	unsigned char	*der = xmalloc(n / 4 * 3 + 1);
	long long	 len = b64_decode(b, n, der);
	int		 ok = len > 0 && der_sequence_ok(der, (size_t)len);

	free(der);
	return ok;
}

/* Returns a bare base64 body [b, e) of a DER request wrapped in the
 * request's header and footer; else a copy of s without surrounding
 * whitespace. */
static char *
bare_body(const char *s, const char *b, const char *e)
{
	char	*body = xmalloc(e - b + 1), *out;
	size_t	 n = copy_body(body, b, e) - body;

	if (n > 0 && is_der_body(body, n)) {
		out = xasprintf(REQ_HEADER "%.*s" REQ_FOOTER, (int)n, body);
		free(body);
		return out;
	}
	free(body);
	trim(s, 0, &b, &e);
	return xstrndup(b, e - b);
}

/* Returns a copy of a PEM block on one line, whitespace and literal escapes
 * removed from the body; else a trimmed copy of s. Never NULL. */
char *
csr_normalise(const char *s)
{
	const char	*b, *e, *hend, *foot, *label;
	size_t		 label_len;
	char		*out, *o;

	if (s == NULL)
		return xstrdup("");
	trim(s, 1, &b, &e);
	hend = pem_line(b, e, "-----BEGIN ", &label, &label_len);
	foot = hend == NULL ? NULL : strstr(hend, "-----END ");
	if (foot == NULL || foot > e ||
	    pem_line(foot, e, "-----END ", &label, &label_len) != e)
		return bare_body(s, b, e);
	out = o = xmalloc(e - b + 1);
	memcpy(o, b, hend - b);
	o = copy_body(o + (hend - b), hend, foot);
	memcpy(o, foot, e - foot);
	o[e - foot] = '\0';
	return out;
}

/* Returns the value of a base64 alphabet character, or -1. */
static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (is_digit(c))
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decodes base64 in[0..len) into out (room for len / 4 * 3 bytes); returns
 * the decoded length, or -1 when the input is not valid padded base64. */
static long long
b64_decode(const char *in, size_t len, unsigned char *out)
{
	unsigned long	acc = 0;
	size_t		i, o = 0, pad = 0;
	int		v, bits = 0;

	if (len % 4 != 0)
		return -1;
	if (len >= 4 && in[len - 1] == '=')
		pad = in[len - 2] == '=' ? 2 : 1;
	for (i = 0; i < len - pad; i++) {
		if ((v = b64_value((unsigned char)in[i])) < 0)
			return -1;
		acc = ((acc << 6) | (unsigned long)v) & 0xffffUL;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	return (long long)o;
}

/* Returns 1 when d[0..n) is exactly one DER SEQUENCE. */
static int
der_sequence_ok(const unsigned char *d, size_t n)
{
	unsigned long long	len = 0;
	size_t			k, i;

	if (n < 2 || d[0] != 0x30)
		return 0;
	if (d[1] < 0x80)
		return (size_t)d[1] == n - 2;
	k = d[1] & 0x7f;
	if (k < 1 || k > 4 || n < 2 + k || d[2] == 0)
		return 0;
	for (i = 0; i < k; i++)
		len = (len << 8) | d[2 + i];
	if (k == 1 && len < 0x80)
		return 0;
	return len == n - 2 - k;
}

/* Returns the problem with a base64 DER body, or NULL. */
static const char *
csr_body_problem(const char *body, size_t len)
{
	unsigned char	*der;
	long long	 n;
	int		 ok;

	if (len == 0)
		return _("body is empty");
	der = xmalloc(len / 4 * 3 + 1);
	n = b64_decode(body, len, der);
	ok = n >= 0 && der_sequence_ok(der, (size_t)n);
	free(der);
	if (n < 0)
		return _("body is not valid base64");
	return ok ? NULL : _("body is not a DER-encoded request");
}

/* Returns 1 when label[0..n) is one a CSR may carry. */
static int
csr_label_ok(const char *label, size_t n)
{
	static const char	*const ok[] = {
		"CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "PUBLIC KEY"
	};
	size_t			 i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (strlen(ok[i]) == n && memcmp(ok[i], label, n) == 0)
			return 1;
	}
	return 0;
}

/* Finds the label and base64 body of a normalised CSR n; NULL, or the
 * problem as an allocated message. */
static char *
csr_split(const char *n, const char **label, size_t *label_len,
    const char **body, size_t *body_len)
{
	const char	*end = n + strlen(n), *hend;
	size_t		 flen;
	char		*foot, *msg = NULL;

	hend = pem_line(n, end, "-----BEGIN ", label, label_len);
	if (hend == NULL || !csr_label_ok(*label, *label_len))
		return result(CHECK_CSR_HEADER_MSG);
	foot = xasprintf("-----END %.*s-----", (int)*label_len, *label);
	flen = strlen(foot);
	if ((size_t)(end - hend) < flen || strcmp(end - flen, foot) != 0)
		msg = xasprintf(_("has no matching %s footer"), foot);
	free(foot);
	*body = hend;
	*body_len = msg == NULL ? (size_t)(end - flen - hend) : 0;
	return msg;
}

/* Returns the problem with a normalised CSR n, as an allocated message. */
static char *
csr_problem(const char *n)
{
	const char	*label = NULL, *body = NULL;
	size_t		 label_len = 0, body_len = 0;
	char		*msg;

	if ((msg = csr_split(n, &label, &label_len, &body, &body_len)) != NULL)
		return msg;
	return result(csr_body_problem(body, body_len));
}

/* Checks a PEM CSR (or public key, or a bare base64 body) whose body is a
 * DER SEQUENCE. */
char *
check_csr(const char *s)
{
	const char	*b, *e;
	char		*n, *msg;

	if (s == NULL)
		return result(_("is empty"));
	trim(s, 1, &b, &e);
	if (b == e)
		return result(_("is empty"));
	n = csr_normalise(s);
	msg = csr_problem(n);
	free(n);
	return msg;
}

/* The DER bytes of a CSR check_csr() accepts; NULL when it accepts none. */
unsigned char *
csr_der(const char *s, size_t *len, int *is_key)
{
	const char	*label = NULL, *body = NULL;
	size_t		 label_len = 0, body_len = 0;
	char		*n = csr_normalise(s), *msg;
	unsigned char	*der = NULL;
	long long	 got = -1;

	msg = csr_split(n, &label, &label_len, &body, &body_len);
	if (msg == NULL && body_len > 0) {
		der = xmalloc(body_len / 4 * 3 + 1);
		got = b64_decode(body, body_len, der);
		*is_key = label_len == 10 &&
		    memcmp(label, "PUBLIC KEY", 10) == 0;
	}
	free(msg);
	free(n);
	if (got < 0 || !der_sequence_ok(der, (size_t)got)) {
		free(der);
		return NULL;
	}
	*len = (size_t)got;
	return der;
}
