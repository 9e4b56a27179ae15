/* check.c: validators for the values a DigiCert order form collects. */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/check.h"
#include "util/xalloc.h"

#define CHECK_PHONE_MSG "must be a phone number: an optional +, then 7 to " \
	"20 digits (spaces, dashes, dots and parentheses allowed)"
#define CHECK_EMAIL_MSG "must be an email address, e.g. name@example.com"
#define CHECK_DATE_MSG "must be a date as dd MMM YYYY, e.g. 09 JUN 2026"
#define CHECK_CSR_HEADER_MSG \
	"must start with -----BEGIN CERTIFICATE REQUEST-----"
#define CHECK_CARD_MSG "must be 12 to 19 digits (spaces or dashes between " \
	"digit groups allowed)"
#define CHECK_THUMB_MSG "must be a SHA-1 thumbprint: 40 hex digits " \
	"(colons or spaces between byte pairs allowed)"
#define CHECK_ID_MSG "must be a numeric ID: a positive whole number, " \
	"e.g. 123456"

/* Returns 1 for an ASCII digit. */
static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Returns 1 for an ASCII letter. */
static int
is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Returns 1 for an ASCII letter or digit. */
static int
is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

/* Returns 1 for an ASCII hexadecimal digit. */
static int
is_hex(int c)
{
	return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/* Returns 1 for ASCII whitespace. */
static int
is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Returns 1 when p[0..n) is non-empty and all ASCII digits. */
static int
all_digits(const char *p, size_t n)
{
	size_t	i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (!is_digit((unsigned char)p[i]))
			return 0;
	}
	return 1;
}

/* Returns "s" unless n is 1, to pluralise a unit. */
static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

/* Returns 1 when s is NULL or the empty string. */
static int
is_empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Returns an allocated copy of a message, or NULL for no message. */
static char *
result(const char *msg)
{
	return msg == NULL ? NULL : xstrdup(msg);
}

/* Returns the value of the digits p[0..n) (n at most 4: no overflow). */
static int
digits_value(const char *p, size_t n)
{
	int	v = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* Returns the problem with one DNS label p[0..n), or NULL. */
static const char *
dns_label_problem(const char *p, size_t n)
{
	size_t	i;

	if (n == 0)
		return "must not contain an empty label";
	if (n > 63)
		return "must not contain a label longer than 63 characters";
	for (i = 0; i < n; i++) {
		if (p[i] == '*')
			return "may only have a wildcard as its first label, "
			    "e.g. *.example.com";
		if (!is_alnum((unsigned char)p[i]) && p[i] != '-')
			return "may only contain letters, digits, hyphens and "
			    "dots";
	}
	if (p[0] == '-' || p[n - 1] == '-')
		return "must not have a label that starts or ends with a "
		    "hyphen";
	return NULL;
}

/* Returns the problem with host name s (wildcard allowed if asked), or NULL. */
static const char *
dns_problem(const char *s, int allow_wild)
{
	const char	*p, *q, *last = NULL;
	const char	*msg;
	size_t		 len, labels = 0;

	if (is_empty(s))
		return "is empty";
	len = strlen(s);
	if (len > 253)
		return "must be at most 253 characters";
	if (s[len - 1] == '.')
		return "must not end with a dot";
	p = s;
	if (allow_wild && p[0] == '*' && p[1] == '.')
		p += 2;
	for (;;) {
		for (q = p; *q != '\0' && *q != '.'; q++)
			;
		if ((msg = dns_label_problem(p, q - p)) != NULL)
			return msg;
		labels++;
		last = p;
		if (*q == '\0')
			break;
		p = q + 1;
	}
	if (labels < 2)
		return "must have at least two labels, e.g. example.com";
	if (all_digits(last, q - last))
		return "must not end with an all-numeric label";
	return NULL;
}

/* Checks a host name, optionally with a leading "*." wildcard. */
char *
check_dns_name(const char *s)
{
	return result(dns_problem(s, 1));
}

/* Returns 1 for a character allowed unquoted in an email local part. */
static int
email_atext(int c)
{
	if (is_alnum(c))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

/* Returns 1 when p[0..n) is a valid dot-atom email local part. */
static int
email_local_ok(const char *p, size_t n)
{
	size_t	i;

	if (n == 0 || n > 64 || p[0] == '.' || p[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] == '.') {
			if (p[i + 1] == '.')
				return 0;
		} else if (!email_atext((unsigned char)p[i]))
			return 0;
	}
	return 1;
}

/* Checks an email address: local@domain, at most 254 characters. */
char *
check_email(const char *s)
{
	const char	*at;

	if (is_empty(s))
		return result("is empty");
	if (strlen(s) > 254)
		return result("must be at most 254 characters");
	at = strchr(s, '@');
	if (at == NULL || strchr(at + 1, '@') != NULL)
		return result(CHECK_EMAIL_MSG);
	if (!email_local_ok(s, at - s))
		return result(CHECK_EMAIL_MSG);
	if (dns_problem(at + 1, 0) != NULL)
		return result(CHECK_EMAIL_MSG);
	return NULL;
}

/* Returns 1 when s is a well-formed phone number. */
static int
phone_ok(const char *s)
{
	const char	*p = s;
	size_t		 digits = 0, inner = 0;
	int		 open = 0;

	if (*p == '+')
		p++;
	if (*p != '(' && !is_digit((unsigned char)*p))
		return 0;
	for (; *p != '\0'; p++) {
		if (is_digit((unsigned char)*p)) {
			if (++digits > 20)
				return 0;
			inner++;
		} else if (*p == '(') {
			if (open)
				return 0;
			open = 1;
			inner = 0;
		} else if (*p == ')') {
			if (!open || inner == 0)
				return 0;
			open = 0;
		} else if (*p != ' ' && *p != '-' && *p != '.')
			return 0;
	}
	return !open && digits >= 7 && is_digit((unsigned char)p[-1]);
}

/* Checks a phone number: optional +, then 7 to 20 digits and separators. */
char *
check_phone(const char *s)
{
	if (is_empty(s))
		return result("is empty");
	return result(phone_ok(s) ? NULL : CHECK_PHONE_MSG);
}

/* Checks a country code: exactly two ASCII letters, either case. */
char *
check_country(const char *s)
{
	if (is_empty(s))
		return result("is empty");
	if (!is_alpha((unsigned char)s[0]) || !is_alpha((unsigned char)s[1]) ||
	    s[2] != '\0')
		return result("must be a two-letter country code, e.g. US");
	return NULL;
}

/* Returns 1 for a leap year of the proleptic Gregorian calendar. */
static int
is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Returns the number of days in month m (1..12) of year y. */
static int
month_days(long long y, int m)
{
	static const int	days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

/* Returns days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long long
days_from_civil(long long y, int m, int d)
{
	long long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Sets the UTC year and month (1..12) of day number z since 1970-01-01. */
static void
civil_from_days(long long z, long long *year, int *month)
{
	long long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

/* Returns the UTC day number (days since 1970-01-01) of now. */
static long long
utc_day(time_t now)
{
	long long	t = (long long)now, day;

	day = t / 86400;
	if (t % 86400 < 0)
		day--;
	return day;
}

/* Returns the upper-case three-letter name of month m (1..12), unterminated. */
static const char *
month_name(int m)
{
	static const char	names[] =
	    "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

	return names + 3 * (m - 1);
}

/* Returns the month (1..12) named by the three letters at p, or 0. */
static int
month_index(const char *p)
{
	char	up[3];
	int	i, m;

	for (i = 0; i < 3; i++) {
		if (!is_alpha((unsigned char)p[i]))
			return 0;
		up[i] = (char)(p[i] & ~0x20);
	}
	for (m = 0; m < 12; m++) {
		if (memcmp(month_name(m + 1), up, 3) == 0)
			return m + 1;
	}
	return 0;
}

/* Parses "dd MMM YYYY" into its parts; returns 0 on a malformed string. */
static int
date_parse(const char *s, int *d, int *m, int *y)
{
	if (strlen(s) != 11 || s[2] != ' ' || s[6] != ' ')
		return 0;
	if (!all_digits(s, 2) || !all_digits(s + 7, 4))
		return 0;
	if ((*m = month_index(s + 3)) == 0)
		return 0;
	*d = digits_value(s, 2);
	*y = digits_value(s + 7, 4);
	return 1;
}

/* Checks a "dd MMM YYYY" date is after the UTC day of now and at most
 * max_days days after it (max_days < 0: no upper bound). */
char *
check_date(const char *s, int max_days, time_t now)
{
	long long	diff;
	int		d, m, y;

	if (is_empty(s))
		return result("is empty");
	if (!date_parse(s, &d, &m, &y))
		return result(CHECK_DATE_MSG);
	if (d < 1 || d > month_days(y, m))
		return xasprintf("is not a real date: %.3s %04d has %d days",
		    month_name(m), y, month_days(y, m));
	diff = days_from_civil(y, m, d) - utc_day(now);
	if (diff <= 0)
		return result("must be after today");
	if (max_days >= 0 && diff > max_days)
		return xasprintf("must be within %d day%s of today", max_days,
		    plural(max_days));
	return NULL;
}

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
	    pem_line(foot, e, "-----END ", &label, &label_len) != e) {
		trim(s, 0, &b, &e);
		return xstrndup(b, e - b);
	}
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
		return "body is empty";
	der = xmalloc(len / 4 * 3 + 1);
	n = b64_decode(body, len, der);
	ok = n >= 0 && der_sequence_ok(der, (size_t)n);
	free(der);
	if (n < 0)
		return "body is not valid base64";
	return ok ? NULL : "body is not a DER-encoded request";
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

/* Returns the problem with a normalised CSR n, as an allocated message. */
static char *
csr_problem(const char *n)
{
	const char	*end = n + strlen(n), *hend, *label;
	size_t		 label_len, flen;
	char		*foot, *msg = NULL;

	hend = pem_line(n, end, "-----BEGIN ", &label, &label_len);
	if (hend == NULL || !csr_label_ok(label, label_len))
		return result(CHECK_CSR_HEADER_MSG);
	foot = xasprintf("-----END %.*s-----", (int)label_len, label);
	flen = strlen(foot);
	if ((size_t)(end - hend) < flen || strcmp(end - flen, foot) != 0)
		msg = xasprintf("has no matching %s footer", foot);
	free(foot);
	if (msg != NULL)
		return msg;
	return result(csr_body_problem(hend, end - flen - hend));
}

/* Checks a PEM CSR (or public key) whose body is a DER SEQUENCE. */
char *
check_csr(const char *s)
{
	const char	*b, *e;
	char		*n, *msg;

	if (s == NULL)
		return result("is empty");
	trim(s, 1, &b, &e);
	if (b == e)
		return result("is empty");
	n = csr_normalise(s);
	msg = csr_problem(n);
	free(n);
	return msg;
}

/* Checks an organization identification number: exactly 20 ASCII digits. */
char *
check_oin(const char *s)
{
	if (is_empty(s))
		return result("is empty");
	if (strlen(s) != 20 || !all_digits(s, 20))
		return result("must be exactly 20 digits");
	return NULL;
}

/* Collects the digits of card number s into d (room for 19); returns the
 * count, or 0 when s is malformed or too long. */
static size_t
card_digits(const char *s, unsigned char *d)
{
	const char	*p;
	size_t		 n = 0;

	for (p = s; *p != '\0'; p++) {
		if (is_digit((unsigned char)*p)) {
			if (n == 19)
				return 0;
			d[n++] = (unsigned char)(*p - '0');
		} else if ((*p == ' ' || *p == '-') && p > s &&
		    is_digit((unsigned char)p[-1]) &&
		    is_digit((unsigned char)p[1]))
			continue;
		else
			return 0;
	}
	return n;
}

/* Returns 1 when the digits d[0..n) pass the Luhn check. */
static int
luhn_ok(const unsigned char *d, size_t n)
{
	size_t	i;
	int	sum = 0, v;

	for (i = 0; i < n; i++) {
		v = d[n - 1 - i];
		if (i % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	return sum % 10 == 0;
}

/* Checks a card number: 12 to 19 digits passing Luhn. */
char *
check_card_number(const char *s)
{
	unsigned char	d[19];
	size_t		n;

	if (is_empty(s))
		return result("is empty");
	n = card_digits(s, d);
	if (n < 12)
		return result(CHECK_CARD_MSG);
	if (!luhn_ok(d, n))
		return result("is not a valid card number (the check digit "
		    "does not match)");
	return NULL;
}

/* Returns the month 1..12 of a two-digit month string, or 0. */
static int
card_month_value(const char *s)
{
	int	m;

	if (is_empty(s) || strlen(s) != 2 || !all_digits(s, 2))
		return 0;
	m = digits_value(s, 2);
	return m >= 1 && m <= 12 ? m : 0;
}

/* Checks a card expiry month: exactly two digits, 01 to 12. */
char *
check_card_month(const char *s)
{
	if (is_empty(s))
		return result("is empty");
	if (card_month_value(s) == 0)
		return result("must be a two-digit month from 01 to 12");
	return NULL;
}

/* Returns the year of a four-digit year string, or -1. */
static int
card_year_value(const char *s)
{
	if (is_empty(s) || strlen(s) != 4 || !all_digits(s, 4))
		return -1;
	return digits_value(s, 4);
}

/* Checks a card expiry year: four digits, not before the UTC year of now. */
char *
check_card_year(const char *s, time_t now)
{
	long long	cur;
	int		y, m;

	if (is_empty(s))
		return result("is empty");
	if ((y = card_year_value(s)) < 0)
		return result("must be a four-digit year, e.g. 2030");
	civil_from_days(utc_day(now), &cur, &m);
	if (y < cur)
		return xasprintf("must not be before %lld", cur);
	return NULL;
}

/* Checks a card expiry month and year are not before the UTC month of now. */
char *
check_card_expiry(const char *month, const char *year, time_t now)
{
	long long	cur;
	int		y, m, cm;

	m = card_month_value(month);
	y = card_year_value(year);
	if (m == 0 || y < 0)
		return result("must have a valid month and year");
	civil_from_days(utc_day(now), &cur, &cm);
	if ((long long)y * 12 + m < cur * 12 + cm)
		return result("has expired");
	return NULL;
}

/* Checks a card verification value: 3 or 4 digits. */
char *
check_cvv(const char *s)
{
	size_t	n;

	if (is_empty(s))
		return result("is empty");
	n = strlen(s);
	if ((n != 3 && n != 4) || !all_digits(s, n))
		return result("must be 3 or 4 digits");
	return NULL;
}

/* Checks an alternative order ID: 1 to 64 ASCII letters and digits. */
char *
check_alt_order_id(const char *s)
{
	size_t	i;

	if (is_empty(s))
		return result("is empty");
	for (i = 0; s[i] != '\0'; i++) {
		if (i == 64 || !is_alnum((unsigned char)s[i]))
			return result("must be 1 to 64 letters and digits");
	}
	return NULL;
}

/* Checks a SHA-1 thumbprint: 40 hex digits, with optional colons or spaces
 * between byte pairs. */
char *
check_thumbprint(const char *s)
{
	const char	*p;
	size_t		 n = 0;

	if (is_empty(s))
		return result("is empty");
	for (p = s; *p != '\0'; p++) {
		if (is_hex((unsigned char)*p)) {
			if (++n > 40)
				return result(CHECK_THUMB_MSG);
		} else if ((*p == ':' || *p == ' ') && n % 2 == 0 && n > 0 &&
		    is_hex((unsigned char)p[-1]) && is_hex((unsigned char)p[1]))
			continue;
		else
			return result(CHECK_THUMB_MSG);
	}
	return result(n == 40 ? NULL : CHECK_THUMB_MSG);
}

/* Returns 1 when s is 1 to 18 ASCII digits, not all zero. */
static int
id_string_ok(const char *s)
{
	size_t	n = strlen(s);

	if (n < 1 || n > 18 || !all_digits(s, n))
		return 0;
	return strspn(s, "0") != n;
}

/* Checks an ID: a positive integral JSON number <= 2^53, or a JSON string of
 * 1 to 18 ASCII digits that are not all zero. */
char *
check_id(const cJSON *v)
{
	double	d;

	if (v == NULL)
		return result(CHECK_ID_MSG);
	if (cJSON_IsNumber(v)) {
		d = v->valuedouble;
		if (!(d >= 1.0 && d <= 9007199254740992.0) ||
		    d != (double)(long long)d)
			return result(CHECK_ID_MSG);
		return NULL;
	}
	if (cJSON_IsString(v) && v->valuestring != NULL &&
	    id_string_ok(v->valuestring))
		return NULL;
	return result(CHECK_ID_MSG);
}

/* Checks s is valid UTF-8 of min_len to max_len code points (a bound < 0 is
 * no bound). */
char *
check_length(const char *s, long min_len, long max_len)
{
	size_t	n;
	int	lo, hi;

	if (s == NULL)
		s = "";
	if (!utf8_valid(s, strlen(s)))
		return result("is not valid UTF-8");
	n = utf8_chars(s);
	lo = min_len >= 0 && n < (size_t)min_len;
	hi = max_len >= 0 && n > (size_t)max_len;
	if (!lo && !hi)
		return NULL;
	if (lo && n == 0)
		return result("is empty");
	if (min_len >= 0 && max_len >= 0 && min_len == max_len)
		return xasprintf("must be exactly %ld character%s", min_len,
		    plural(min_len));
	if (min_len >= 0 && max_len >= 0)
		return xasprintf("must be between %ld and %ld characters",
		    min_len, max_len);
	if (lo)
		return xasprintf("must be at least %ld character%s", min_len,
		    plural(min_len));
	return xasprintf("must be at most %ld character%s", max_len,
	    plural(max_len));
}

/* Checks min <= v (if has_min) and v <= max (if has_max). */
char *
check_range(long long v, long long min, long long max, int has_min,
    int has_max)
{
	if ((!has_min || v >= min) && (!has_max || v <= max))
		return NULL;
	if (has_min && has_max)
		return xasprintf("must be between %lld and %lld", min, max);
	if (has_min)
		return xasprintf("must be at least %lld", min);
	return xasprintf("must be at most %lld", max);
}

/* Sets the continuation count and second-byte range for lead byte c;
 * returns 0 when c cannot start a sequence. */
static int
utf8_lead(unsigned char c, size_t *need, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		*need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		*need = 2;
		if (c == 0xe0)
			*lo = 0xa0;
		else if (c == 0xed)
			*hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		*need = 3;
		if (c == 0xf0)
			*lo = 0x90;
		else if (c == 0xf4)
			*hi = 0x8f;
	} else
		return 0;
	return 1;
}

/* Returns 1 when s[0..len) is well-formed UTF-8, else 0. */
int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k, need;
	unsigned char		 lo, hi;

	if (s == NULL)
		return len == 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (!utf8_lead(p[i], &need, &lo, &hi) || len - i - 1 < need)
			return 0;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (k = 2; k <= need; k++) {
			if (p[i + k] < 0x80 || p[i + k] > 0xbf)
				return 0;
		}
		i += need + 1;
	}
	return 1;
}

/* Returns the number of code points in a valid UTF-8 string (0 for NULL). */
size_t
utf8_chars(const char *s)
{
	size_t	n = 0;

	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}
