/* check.c: validators for names, addresses, numbers and IDs. */

#include "config.h"

#include "core/check.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/check_int.h"
#include "util/i18n.h"

/* Returns the problem with one DNS label p[0..n), or NULL. */
static const char *
dns_label_problem(const char *p, size_t n)
{
	size_t	i;

	if (n == 0)
		return _("must not contain an empty label");
	if (n > 63)
		return _("must not contain a label longer than 63 characters");
	for (i = 0; i < n; i++) {
		if (p[i] == '*')
			return _("may only have a wildcard as its first label, "
			    "e.g. *.example.com");
		if (!is_alnum((unsigned char)p[i]) && p[i] != '-')
			return _("may only contain letters, digits, hyphens "
			    "and "
			    "dots");
	}
	if (p[0] == '-' || p[n - 1] == '-')
		return _("must not have a label that starts or ends with a "
		    "hyphen");
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
		return _("is empty");
	len = strlen(s);
	if (len > 253)
		return _("must be at most 253 characters");
	if (s[len - 1] == '.')
		return _("must not end with a dot");
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
		return _("must have at least two labels, e.g. example.com");
	if (all_digits(last, q - last))
		return _("must not end with an all-numeric label");
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
		return result(_("is empty"));
	if (strlen(s) > 254)
		return result(_("must be at most 254 characters"));
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
		return result(_("is empty"));
	return result(phone_ok(s) ? NULL : CHECK_PHONE_MSG);
}

/* Checks a country code: exactly two ASCII letters, either case. */
char *
check_country(const char *s)
{
	if (is_empty(s))
		return result(_("is empty"));
	if (!is_alpha((unsigned char)s[0]) || !is_alpha((unsigned char)s[1]) ||
	    s[2] != '\0')
		return result(_("must be a two-letter country code, e.g. US"));
	return NULL;
}

/* Checks an organization identification number: exactly 20 ASCII digits. */
char *
check_oin(const char *s)
{
	if (is_empty(s))
		return result(_("is empty"));
	if (strlen(s) != 20 || !all_digits(s, 20))
		return result(_("must be exactly 20 digits"));
	return NULL;
}

/* Checks an alternative order ID: 1 to 64 ASCII letters and digits. */
char *
check_alt_order_id(const char *s)
{
	size_t	i;

	if (is_empty(s))
		return result(_("is empty"));
	for (i = 0; s[i] != '\0'; i++) {
		if (i == 64 || !is_alnum((unsigned char)s[i]))
			return result(_("must be 1 to 64 letters and digits"));
	}
	return NULL;
}

/* Checks a SHA-1 thumbprint. */
char *
check_thumbprint(const char *s)
{
	const char	*p;
	size_t		 n = 0;

	if (is_empty(s))
		return result(_("is empty"));
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

/* Checks an ID. */
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

/* Checks the UTF-8 length of s. */
char *
check_length(const char *s, long min_len, long max_len)
{
	size_t	n;
	int	lo, hi;

	if (s == NULL)
		s = "";
	if (!utf8_valid(s, strlen(s)))
		return result(_("is not valid UTF-8"));
	n = utf8_chars(s);
	lo = min_len >= 0 && n < (size_t)min_len;
	hi = max_len >= 0 && n > (size_t)max_len;
	if (!lo && !hi)
		return NULL;
	if (lo && n == 0)
		return result(_("is empty"));
	if (min_len >= 0 && max_len >= 0 && min_len == max_len)
		return xasprintf(_("must be exactly %ld character%s"), min_len,
		    plural(min_len));
	if (min_len >= 0 && max_len >= 0)
		return xasprintf(_("must be between %ld and %ld characters"),
		    min_len, max_len);
	if (lo)
		return xasprintf(_("must be at least %ld character%s"), min_len,
		    plural(min_len));
	return xasprintf(_("must be at most %ld character%s"), max_len,
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
		return xasprintf(_("must be between %lld and %lld"), min, max);
	if (has_min)
		return xasprintf(_("must be at least %lld"), min);
	return xasprintf(_("must be at most %lld"), max);
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
