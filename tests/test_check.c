/* test_check.c: table-driven tests for the field validators in check.c. */

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "core/check.h"
#include "core/field_type.h"
#include "core/form.h"
#include "core/form_fill.h"
#include "core/platform.h"
#include "core/value.h"
#include "util/today.h"

/* The real CSRs of tests/data/csr-rsa.pem and tests/data/csr-ecc.pem, as
 * openssl printed them, with literal "\n" escapes, and normalised. */
#define CSR_RSA \
	"-----BEGIN CERTIFICATE REQUEST-----\n" \
	"MIICWzCCAUMCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3\n" \
	"DQEBAQUAA4IBDwAwggEKAoIBAQDXGg40fjdotKBbkKySJo089a+TPtuFuVN02KL7\n" \
	"nr7cCkqN0SzLtJX6AHtJQ98EY8OKxp9cMW+jZwy0bGHTGR5Dniej12/o9Lk9CB4n\n" \
	"Q+8+sJHCEC41MPk9UCr9PIEZiA6KVIukhqjOPpPeUD6ajd8AVG4B/logWcSI/xqp\n" \
	"DDLDy4bhnqIzTcrWzzPLreeE4MLnksimcRbesQZoSk5874hY4LyCNhC+puJq05rJ\n" \
	"J/68u2+wOfEJqOs/30IgkgiWQGercbaVjmFJ+vKX1ypLeQX5c9HlaxV/SUAtQlti\n" \
	"fAQXvk8CCKQ+dmgLjwHTPosSW+ChKr8sRy/FD2T8ycsvr+pBAgMBAAGgADANBgkq\n" \
	"hkiG9w0BAQsFAAOCAQEAo6PqvUrOpxiij53a/QCe6JUcU9DtApKkzEEOzcXUlSup\n" \
	"Anmr/zP9zF7Kig0lRluvsKmOkcxEbTm785n+5/0yHuxVmAO4RRrTNgKAVL4bbiIx\n" \
	"zsSuTRcop9bqH/dHd77fgEfIS9rnvObjsddi1lxOPG6FUesKjaU4yl4MbcFkxBz/\n" \
	"UlmqhUu+HwNtb2pT5l4F4NpzFBz8f8xWjbFMvBXrGExMLFf1MATcDnt+qpWn8zop\n" \
	"oXWh/9J4Rzopyf58SRqYIrXLMivbpELWmEIhRn4CTUK9N5SbIzkAekEXvpYDprV7\n" \
	"F9Gf6w3euHKeZWdRN1zYC1QwTKqWCXEhw41VvVsIuQ==\n" \
	"-----END CERTIFICATE REQUEST-----\n"

#define CSR_RSA_ESCAPED \
	"-----BEGIN CERTIFICATE REQUEST-----\\n" \
	"MIICWzCCAUMCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3\\n" \
	"DQEBAQUAA4IBDwAwggEKAoIBAQDXGg40fjdotKBbkKySJo089a+TPtuFuVN02KL7\\n" \
	"nr7cCkqN0SzLtJX6AHtJQ98EY8OKxp9cMW+jZwy0bGHTGR5Dniej12/o9Lk9CB4n\\n" \
	"Q+8+sJHCEC41MPk9UCr9PIEZiA6KVIukhqjOPpPeUD6ajd8AVG4B/logWcSI/xqp\\n" \
	"DDLDy4bhnqIzTcrWzzPLreeE4MLnksimcRbesQZoSk5874hY4LyCNhC+puJq05rJ\\n" \
	"J/68u2+wOfEJqOs/30IgkgiWQGercbaVjmFJ+vKX1ypLeQX5c9HlaxV/SUAtQlti\\n" \
	"fAQXvk8CCKQ+dmgLjwHTPosSW+ChKr8sRy/FD2T8ycsvr+pBAgMBAAGgADANBgkq\\n" \
	"hkiG9w0BAQsFAAOCAQEAo6PqvUrOpxiij53a/QCe6JUcU9DtApKkzEEOzcXUlSup\\n" \
	"Anmr/zP9zF7Kig0lRluvsKmOkcxEbTm785n+5/0yHuxVmAO4RRrTNgKAVL4bbiIx\\n" \
	"zsSuTRcop9bqH/dHd77fgEfIS9rnvObjsddi1lxOPG6FUesKjaU4yl4MbcFkxBz/\\n" \
	"UlmqhUu+HwNtb2pT5l4F4NpzFBz8f8xWjbFMvBXrGExMLFf1MATcDnt+qpWn8zop\\n" \
	"oXWh/9J4Rzopyf58SRqYIrXLMivbpELWmEIhRn4CTUK9N5SbIzkAekEXvpYDprV7\\n" \
	"F9Gf6w3euHKeZWdRN1zYC1QwTKqWCXEhw41VvVsIuQ==\\n" \
	"-----END CERTIFICATE REQUEST-----\\n"

#define CSR_RSA_LINE \
	"-----BEGIN CERTIFICATE REQUEST-----" \
	"MIICWzCCAUMCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3" \
	"DQEBAQUAA4IBDwAwggEKAoIBAQDXGg40fjdotKBbkKySJo089a+TPtuFuVN02KL7" \
	"nr7cCkqN0SzLtJX6AHtJQ98EY8OKxp9cMW+jZwy0bGHTGR5Dniej12/o9Lk9CB4n" \
	"Q+8+sJHCEC41MPk9UCr9PIEZiA6KVIukhqjOPpPeUD6ajd8AVG4B/logWcSI/xqp" \
	"DDLDy4bhnqIzTcrWzzPLreeE4MLnksimcRbesQZoSk5874hY4LyCNhC+puJq05rJ" \
	"J/68u2+wOfEJqOs/30IgkgiWQGercbaVjmFJ+vKX1ypLeQX5c9HlaxV/SUAtQlti" \
	"fAQXvk8CCKQ+dmgLjwHTPosSW+ChKr8sRy/FD2T8ycsvr+pBAgMBAAGgADANBgkq" \
	"hkiG9w0BAQsFAAOCAQEAo6PqvUrOpxiij53a/QCe6JUcU9DtApKkzEEOzcXUlSup" \
	"Anmr/zP9zF7Kig0lRluvsKmOkcxEbTm785n+5/0yHuxVmAO4RRrTNgKAVL4bbiIx" \
	"zsSuTRcop9bqH/dHd77fgEfIS9rnvObjsddi1lxOPG6FUesKjaU4yl4MbcFkxBz/" \
	"UlmqhUu+HwNtb2pT5l4F4NpzFBz8f8xWjbFMvBXrGExMLFf1MATcDnt+qpWn8zop" \
	"oXWh/9J4Rzopyf58SRqYIrXLMivbpELWmEIhRn4CTUK9N5SbIzkAekEXvpYDprV7" \
	"F9Gf6w3euHKeZWdRN1zYC1QwTKqWCXEhw41VvVsIuQ==" \
	"-----END CERTIFICATE REQUEST-----"

#define CSR_ECC \
	"-----BEGIN CERTIFICATE REQUEST-----\n" \
	"MIHQMHgCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggq\n" \
	"hkjOPQMBBwNCAATuLusPpKWpGee58VlOMZ/e+K6CHuRnn3hz9FoRQ2eCnZVlHLDE\n" \
	"PSAOiXZhsRpavlY2ZTUBIgov568HdeJ38dAboAAwCgYIKoZIzj0EAwIDSAAwRQIh\n" \
	"ALiYg6pMovoW4AZH7XZtA/dtHkoJvu91MLo2EXszhmPEAiBGfpxGMTXuxlW8dJWN\n" \
	"sE5lMzZwfW4uLWXvqg3puaQFZQ==\n" \
	"-----END CERTIFICATE REQUEST-----\n"

#define CSR_ECC_ESCAPED \
	"-----BEGIN CERTIFICATE REQUEST-----\\n" \
	"MIHQMHgCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggq\\n" \
	"hkjOPQMBBwNCAATuLusPpKWpGee58VlOMZ/e+K6CHuRnn3hz9FoRQ2eCnZVlHLDE\\n" \
	"PSAOiXZhsRpavlY2ZTUBIgov568HdeJ38dAboAAwCgYIKoZIzj0EAwIDSAAwRQIh\\n" \
	"ALiYg6pMovoW4AZH7XZtA/dtHkoJvu91MLo2EXszhmPEAiBGfpxGMTXuxlW8dJWN\\n" \
	"sE5lMzZwfW4uLWXvqg3puaQFZQ==\\n" \
	"-----END CERTIFICATE REQUEST-----\\n"

#define CSR_ECC_LINE \
	"-----BEGIN CERTIFICATE REQUEST-----" \
	"MIHQMHgCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggq" \
	"hkjOPQMBBwNCAATuLusPpKWpGee58VlOMZ/e+K6CHuRnn3hz9FoRQ2eCnZVlHLDE" \
	"PSAOiXZhsRpavlY2ZTUBIgov568HdeJ38dAboAAwCgYIKoZIzj0EAwIDSAAwRQIh" \
	"ALiYg6pMovoW4AZH7XZtA/dtHkoJvu91MLo2EXszhmPEAiBGfpxGMTXuxlW8dJWN" \
	"sE5lMzZwfW4uLWXvqg3puaQFZQ==" \
	"-----END CERTIFICATE REQUEST-----"

#define PUBKEY_ECC \
	"-----BEGIN PUBLIC KEY-----\n" \
	"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Fz9nAcf8IB3je/kLlJlbkLiz+2K\n" \
	"BDqCfh+bT2gCeNhU6kIxCdxt5yxzwhLaVqVY2x47JjY2AfKpZ5lei7xoiA==\n" \
	"-----END PUBLIC KEY-----\n"

/* The ECC CSR body, split so rows can damage it. */
#define ECC_BODY_HEAD \
	"MIHQMHgCAQAwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggq" \
	"hkjOPQMBBwNCAATuLusPpKWpGee58VlOMZ/e+K6CHuRnn3hz9FoRQ2eCnZVlHLDE" \
	"PSAOiXZhsRpavlY2ZTUBIgov568HdeJ38dAboAAwCgYIKoZIzj0EAwIDSAAwRQIh" \
	"ALiYg6pMovoW4AZH7XZtA/dtHkoJvu91MLo2EXszhmPEAiBGfpxGMTXuxlW8dJWN"
#define ECC_BODY_TAIL "sE5lMzZwfW4uLWXvqg3puaQFZQ=="
#define REQ_BEGIN "-----BEGIN CERTIFICATE REQUEST-----\n"
#define REQ_END "\n-----END CERTIFICATE REQUEST-----\n"
#define REQ(body) REQ_BEGIN body REQ_END

/* Runs of characters for boundary rows. */
#define A10 "aaaaaaaaaa"
#define A60 A10 A10 A10 A10 A10 A10
#define A63 A60 "aaa"
#define A64 A60 "aaaa"
#define D10 "1234567890"

/* 2026-11-20 12:00 UTC, the "now" of every dated row. */
#define NOW_YEAR 2026

/* One row of a validator table: input, whether it is good, and a substring
 * the message must contain when it is bad (NULL: any message). */
struct row {
	const char	*in;
	int		 ok;
	const char	*sub;
};

/* Returns the fixed "now" of the tests: 2026-11-20 12:00:00 UTC. */
static time_t
test_now(void)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = NOW_YEAR - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = 20;
	tm.tm_hour = 12;
	return timegm(&tm);
}

/* Writes a printable, shortened form of s into buf for failure reports. */
static const char *
show(const char *s, char *buf, size_t size)
{
	size_t	o = 0;

	if (s == NULL)
		return "(null)";
	for (; *s != '\0' && o + 8 < size; s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			o += snprintf(buf + o, size - o, "\\x%02x",
			    (unsigned char)*s);
		else
			buf[o++] = *s;
	}
	if (*s != '\0')
		o += snprintf(buf + o, size - o, "...");
	buf[o] = '\0';
	return buf;
}

/* Returns 1 when a message follows the house style: lower-case start, no
 * trailing period. */
static int
style_ok(const char *msg)
{
	size_t	n = strlen(msg);

	return n > 0 && msg[0] >= 'a' && msg[0] <= 'z' && msg[n - 1] != '.';
}

/* Checks one validator result against its row, reports and fails on a
 * mismatch, and frees the message. */
static void
expect(const char *fn, const char *in, char *msg, int ok, const char *sub)
{
	char	buf[128];
	int	good;

	if (ok)
		good = msg == NULL;
	else
		good = msg != NULL && style_ok(msg) &&
		    (sub == NULL || strstr(msg, sub) != NULL);
	if (!good)
		print_error("%s(\"%s\"): expected %s%s%s, got %s%s%s\n", fn,
		    show(in, buf, sizeof buf), ok ? "success" : "a message",
		    sub != NULL ? " with " : "", sub != NULL ? sub : "",
		    msg == NULL ? "success" : "\"", msg == NULL ? "" : msg,
		    msg == NULL ? "" : "\"");
	free(msg);
	if (!good)
		fail();
}

/* Runs a one-argument validator over a table. */
static void
run_table(const char *fn, char *(*check)(const char *), const struct row *t,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		expect(fn, t[i].in, check(t[i].in), t[i].ok, t[i].sub);
}

#define RUN(fn, t) run_table(#fn, fn, t, sizeof t / sizeof t[0])

static const struct row email_rows[] = {
	{ "name@example.com", 1, NULL },
	{ "first.last+tag@sub.example.co.uk", 1, NULL },
	{ "o'brien@example.com", 1, NULL },
	{ "a@b.co", 1, NULL },
	{ A64 "@example.com", 1, NULL },
	{ A64 "a@example.com", 0, "email address" },
	{ A64 "@" A63 "." A63 "." A10 A10 A10 A10 A10 "aaaaaaa.com", 1, NULL },
	{ A64 "@" A63 "." A63 "." A10 A10 A10 A10 A10 "aaaaaaaa.com", 0,
	    "at most 254" },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ "example.com", 0, "e.g. name@example.com" },
	{ "a@@example.com", 0, "email address" },
	{ "a@b@example.com", 0, "email address" },
	{ "@example.com", 0, "email address" },
	{ "name@", 0, "email address" },
	{ "name@localhost", 0, "email address" },
	{ "name@example..com", 0, "email address" },
	{ "name@.example.com", 0, "email address" },
	{ "name@example.com.", 0, "email address" },
	{ "name@-example.com", 0, "email address" },
	{ "name@exa_mple.com", 0, "email address" },
	{ "name@*.example.com", 0, "email address" },
	{ "name@1.2.3.4", 0, "email address" },
	{ "na me@example.com", 0, "email address" },
	{ " name@example.com", 0, "email address" },
	{ "name@example.com ", 0, "email address" },
	{ "name\t@example.com", 0, "email address" },
	{ "name\x7f@example.com", 0, "email address" },
	{ "n\xc3\xa4me@example.com", 0, "email address" },
	{ ".name@example.com", 0, "email address" },
	{ "name.@example.com", 0, "email address" },
	{ "na..me@example.com", 0, "email address" },
	{ "<name>@example.com", 0, "email address" },
	{ "name@exam ple.com", 0, "email address" },
};

/* Tests check_email. */
static void
test_email(void **state)
{
	(void)state;
	RUN(check_email, email_rows);
}

#define PHONE_MSG "must be a phone number: an optional +, then 7 to 20 " \
	"digits (spaces, dashes, dots and parentheses allowed)"

static const struct row phone_rows[] = {
	{ "123456", 0, PHONE_MSG },
	{ "1234567", 1, NULL },
	{ D10 D10, 1, NULL },
	{ D10 D10 "1", 0, PHONE_MSG },
	{ "+" D10 D10, 1, NULL },
	{ "+" D10 D10 "1", 0, PHONE_MSG },
	{ "+1 (555) 123-4567", 1, NULL },
	{ "(555) 123-4567", 1, NULL },
	{ "+44 20.7946.0000", 1, NULL },
	{ "+1-555-123-4567", 1, NULL },
	{ "12 34 56 7", 1, NULL },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ "+", 0, PHONE_MSG },
	{ "++1234567", 0, PHONE_MSG },
	{ "1+234567", 0, PHONE_MSG },
	{ " 1234567", 0, PHONE_MSG },
	{ "1234567 ", 0, PHONE_MSG },
	{ "1234567-", 0, PHONE_MSG },
	{ "-1234567", 0, PHONE_MSG },
	{ "123456x7", 0, PHONE_MSG },
	{ "123 4567 ext 8", 0, PHONE_MSG },
	{ "(555 1234567", 0, PHONE_MSG },
	{ "555) 1234567", 0, PHONE_MSG },
	{ "((555)) 1234567", 0, PHONE_MSG },
	{ "() 1234567", 0, PHONE_MSG },
	{ "1234567()", 0, PHONE_MSG },
	{ "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6\xd9\xa7", 0,
	    PHONE_MSG },
	{ "1234567\n", 0, PHONE_MSG },
	{ D10 D10 D10 D10 D10 D10 D10 D10, 0, PHONE_MSG },
};

/* Tests check_phone. */
static void
test_phone(void **state)
{
	(void)state;
	RUN(check_phone, phone_rows);
}

static const struct row country_rows[] = {
	{ "US", 1, NULL },
	{ "gb", 1, NULL },
	{ "De", 1, NULL },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ "U", 0, "two-letter country code" },
	{ "USA", 0, "two-letter country code" },
	{ "U1", 0, "two-letter country code" },
	{ "U ", 0, "two-letter country code" },
	{ " US", 0, "two-letter country code" },
	{ "\xc3\x9c" "S", 0, "two-letter country code" },
	{ "\xc3\x9c", 0, "two-letter country code" },
	{ "U-", 0, "two-letter country code" },
};

/* Tests check_country. */
static void
test_country(void **state)
{
	(void)state;
	RUN(check_country, country_rows);
}

/* One row of the date table: input, max_days, outcome, message part. */
struct date_row {
	const char	*in;
	int		 max_days;
	int		 ok;
	const char	*sub;
};

#define DATE_MSG "must be a date as dd MMM YYYY, e.g. 20 DEC 2026"
/* The example in the message lies ahead of today and within the limit. */
#define DATE_SOON "must be a date as dd MMM YYYY, e.g. 30 NOV 2026"

static const struct date_row date_rows[] = {
	{ "21 NOV 2026", 397, 1, NULL },
	{ "20 NOV 2026", 397, 0, "must be after today" },
	{ "19 NOV 2026", 397, 0, "must be after today" },
	{ "01 JAN 1970", 397, 0, "must be after today" },
	{ "22 DEC 2027", 397, 1, NULL },
	{ "23 DEC 2027", 397, 0, "must be within 397 days of today" },
	{ "21 NOV 2026", 1, 1, NULL },
	{ "22 NOV 2026", 1, 0, "must be within 1 day of today" },
	{ "21 NOV 2026", 0, 0, "must be within 0 days of today" },
	{ "31 DEC 9999", -1, 1, NULL },
	{ "09 jun 2027", 397, 1, NULL },
	{ "09 Jun 2027", 397, 1, NULL },
	{ "09 jUN 2027", 397, 1, NULL },
	{ "29 FEB 2028", 500, 1, NULL },
	{ "29 FEB 2027", 500, 0, "FEB 2027 has 28 days" },
	{ "29 FEB 2100", -1, 0, "FEB 2100 has 28 days" },
	{ "29 FEB 2400", -1, 1, NULL },
	{ "28 FEB 2027", 397, 1, NULL },
	{ "31 APR 2027", 397, 0, "APR 2027 has 30 days" },
	{ "30 APR 2027", 397, 1, NULL },
	{ "31 DEC 2026", 397, 1, NULL },
	{ "32 DEC 2026", 397, 0, "DEC 2026 has 31 days" },
	{ "00 DEC 2026", 397, 0, "is not a real date" },
	{ "", 397, 0, "is empty" },
	{ NULL, 397, 0, "is empty" },
	{ "9 JUN 2027", 397, 0, DATE_MSG },
	{ "09 JUNE 2027", 397, 0, DATE_MSG },
	{ "09 JUNE 2027", 10, 0, DATE_SOON },
	{ "09 JUN 27", 397, 0, DATE_MSG },
	{ "09-JUN-2027", 397, 0, DATE_MSG },
	{ "09  JUN 2027", 397, 0, DATE_MSG },
	{ " 09 JUN 2027", 397, 0, DATE_MSG },
	{ "09 JUN 2027 ", 397, 0, DATE_MSG },
	{ "09 XYZ 2027", 397, 0, DATE_MSG },
	{ "09 J\xc3\x9cN 2027", 397, 0, DATE_MSG },
	{ "09 06 2027", 397, 0, DATE_MSG },
	{ "2027-06-09", 397, 0, DATE_MSG },
	{ "0x JUN 2027", 397, 0, DATE_MSG },
	{ "09 JUN 2O27", 397, 0, DATE_MSG },
	{ "\xff\xff JUN 2027", 397, 0, DATE_MSG },
};

/* Tests check_date around a fixed now. */
static void
test_date(void **state)
{
	time_t	now = test_now();
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof date_rows / sizeof date_rows[0]; i++)
		expect("check_date", date_rows[i].in,
		    check_date(date_rows[i].in, date_rows[i].max_days, now),
		    date_rows[i].ok, date_rows[i].sub);
}

/* Tests that check_date counts days from the UTC day of now, not the hour. */
static void
test_date_day_edges(void **state)
{
	time_t	late = test_now() + 11 * 3600 + 59 * 60 + 59;
	time_t	next = test_now() + 12 * 3600;

	(void)state;
	expect("check_date", "21 NOV 2026", check_date("21 NOV 2026", 1, late),
	    1, NULL);
	expect("check_date", "21 NOV 2026", check_date("21 NOV 2026", 1, next),
	    0, "after today");
	expect("check_date", "01 JAN 1970", check_date("01 JAN 1970", 1, -1),
	    1, NULL);
	expect("check_date", "31 DEC 1969", check_date("31 DEC 1969", 1, -1),
	    0, "after today");
}

#define CSR_HEADER_MSG "must start with -----BEGIN CERTIFICATE REQUEST-----"

static const struct row csr_rows[] = {
	{ CSR_RSA, 1, NULL },
	{ CSR_ECC, 1, NULL },
	{ CSR_RSA_ESCAPED, 1, NULL },
	{ CSR_ECC_ESCAPED, 1, NULL },
	{ CSR_RSA_LINE, 1, NULL },
	{ CSR_ECC_LINE, 1, NULL },
	{ "  \n" CSR_ECC "\n\n  ", 1, NULL },
	{ PUBKEY_ECC, 1, NULL },
	{ "-----BEGIN NEW CERTIFICATE REQUEST-----\n" ECC_BODY_HEAD
	    ECC_BODY_TAIL "\n-----END NEW CERTIFICATE REQUEST-----", 1, NULL },
	{ REQ("MAMCAQU="), 1, NULL },
	{ REQ("MIIAAwIBBQ=="), 0, "not a DER-encoded request" },
	{ REQ("MIEDAgEF"), 0, "not a DER-encoded request" },
	{ REQ("MIACAQUAAA=="), 0, "not a DER-encoded request" },
	{ REQ("MQMCAQU="), 0, "not a DER-encoded request" },
	{ REQ("MAMCAQUA"), 0, "not a DER-encoded request" },
	{ REQ("aGVsbG8="), 0, "body is not a DER-encoded request" },
	{ REQ("MA=="), 0, "not a DER-encoded request" },
	{ REQ(ECC_BODY_HEAD), 0, "body is not a DER-encoded request" },
	{ REQ(ECC_BODY_HEAD "sE5lMzZwfW4uLWXvqg3puaQF"), 0,
	    "body is not a DER-encoded request" },
	{ REQ(ECC_BODY_HEAD "sE5lMzZwfW4uLWXvqg3puaQFZ"), 0,
	    "body is not valid base64" },
	{ REQ(ECC_BODY_HEAD ECC_BODY_TAIL "AAAA"), 0,
	    "body is not valid base64" },
	{ REQ(ECC_BODY_HEAD "sE5lMzZwfW4uLWXvqg3puaQFZQ==MAMC"), 0,
	    "body is not valid base64" },
	{ REQ(ECC_BODY_HEAD "sE5lMzZwfW4uLWXvqg3puaQF*Q=="), 0,
	    "body is not valid base64" },
	{ REQ("===="), 0, "body is not valid base64" },
	{ REQ("A==="), 0, "body is not valid base64" },
	{ REQ("M\xc3\xa4MC"), 0, "body is not valid base64" },
	{ REQ(""), 0, "body is empty" },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ " \n\t\r\n ", 0, "is empty" },
	{ "\\n\\r\\n", 0, "is empty" },
	{ "hello", 0, CSR_HEADER_MSG },
	{ "-----BEGIN CERTIFICATE-----\n" ECC_BODY_HEAD ECC_BODY_TAIL
	    "\n-----END CERTIFICATE-----\n", 0, CSR_HEADER_MSG },
	{ "-----BEGIN PRIVATE KEY-----\nMAMCAQU=\n-----END PRIVATE KEY-----",
	    0, CSR_HEADER_MSG },
	{ "-----begin certificate request-----\nMAMCAQU=\n"
	    "-----end certificate request-----", 0, CSR_HEADER_MSG },
	{ "x" CSR_ECC, 0, CSR_HEADER_MSG },
	{ ECC_BODY_HEAD ECC_BODY_TAIL, 1, NULL },
	{ "\n" ECC_BODY_HEAD "\n" ECC_BODY_TAIL "\n", 1, NULL },
	{ ECC_BODY_HEAD, 0, CSR_HEADER_MSG },
	{ "aGVsbG8=", 0, CSR_HEADER_MSG },
	{ "MAMCAQU=", 1, NULL },
	{ REQ_BEGIN ECC_BODY_HEAD ECC_BODY_TAIL, 0,
	    "has no matching -----END CERTIFICATE REQUEST----- footer" },
	{ REQ_BEGIN ECC_BODY_HEAD ECC_BODY_TAIL "\n-----END CERTIFICATE-----",
	    0, "has no matching -----END CERTIFICATE REQUEST----- footer" },
	{ "-----BEGIN NEW CERTIFICATE REQUEST-----\n" ECC_BODY_HEAD
	    ECC_BODY_TAIL REQ_END, 0,
	    "has no matching -----END NEW CERTIFICATE REQUEST----- footer" },
	{ CSR_ECC "trailing", 0, "has no matching" },
	{ CSR_ECC CSR_ECC, 0, NULL },
	{ "-----BEGIN CERTIFICATE REQUEST-----", 0, "has no matching" },
	{ "-----BEGIN CERTIFICATE REQUEST----------END CERTIFICATE "
	    "REQUEST-----", 0, "body is empty" },
};

/* Tests check_csr. */
static void
test_csr(void **state)
{
	(void)state;
	RUN(check_csr, csr_rows);
}

/* Checks csr_normalise(in) equals want. */
static void
expect_normal(const char *in, const char *want)
{
	char	*got = csr_normalise(in);
	char	 buf[128];

	if (strcmp(got, want) != 0) {
		print_error("csr_normalise(\"%s\") = \"%s\", want \"%s\"\n",
		    show(in, buf, sizeof buf), got, want);
		free(got);
		fail();
	}
	free(got);
}

#define REQ_BEGIN_LINE "-----BEGIN CERTIFICATE REQUEST-----"
#define REQ_END_LINE "-----END CERTIFICATE REQUEST-----"

/* Tests csr_normalise on real line breaks, CRLF, escapes, bare bodies and
 * non-PEM. */
static void
test_csr_normalise(void **state)
{
	(void)state;
	expect_normal(CSR_RSA, CSR_RSA_LINE);
	expect_normal(CSR_RSA_ESCAPED, CSR_RSA_LINE);
	expect_normal(CSR_ECC, CSR_ECC_LINE);
	expect_normal(CSR_ECC_ESCAPED, CSR_ECC_LINE);
	expect_normal(CSR_ECC_LINE, CSR_ECC_LINE);
	expect_normal("\r\n  " CSR_ECC "\r\n", CSR_ECC_LINE);
	expect_normal(REQ_BEGIN "MAMC\r\nAQU=\r\n" REQ_END,
	    "-----BEGIN CERTIFICATE REQUEST-----MAMCAQU="
	    "-----END CERTIFICATE REQUEST-----");
	expect_normal(REQ_BEGIN " MA\\rMC\t\\r\\nAQU= " REQ_END,
	    "-----BEGIN CERTIFICATE REQUEST-----MAMCAQU="
	    "-----END CERTIFICATE REQUEST-----");
	expect_normal("  hello world \n", "hello world");
	expect_normal(" MAMC\nAQU=\n", REQ_BEGIN_LINE "MAMCAQU=" REQ_END_LINE);
	expect_normal("aGVsbG8=", "aGVsbG8=");
	expect_normal("\\nhello\\n", "\\nhello\\n");
	expect_normal(REQ_BEGIN "MAMC\nAQU=\n", REQ_BEGIN "MAMC\nAQU=");
	expect_normal("", "");
	expect_normal(NULL, "");
}

/* Reads a whole file into an allocated string, or returns NULL. */
static char *
read_file(const char *path)
{
	FILE	*f;
	char	*buf;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	buf = calloc(1, 65536);
	n = buf == NULL ? 0 : fread(buf, 1, 65535, f);
	fclose(f);
	if (buf != NULL)
		buf[n] = '\0';
	return buf;
}

/* Tests the CSR files under tests/data match the embedded copies. */
static void
test_csr_files(void **state)
{
	const char	*names[] = { "csr-rsa.pem", "csr-ecc.pem" };
	char		 paths[2][4096];
	const char	*dir = getenv("TESTDATA");
	const char	*lines[] = { CSR_RSA_LINE, CSR_ECC_LINE };
	char		*pem;
	size_t		 i;

	(void)state;
	for (i = 0; i < 2; i++) {
		snprintf(paths[i], sizeof paths[i], "%s/%s",
		    dir != NULL && *dir != '\0' ? dir : "tests/data", names[i]);
		if ((pem = read_file(paths[i])) == NULL)
			fail_msg("cannot read %s", paths[i]);
		expect("check_csr", paths[i], check_csr(pem), 1, NULL);
		expect_normal(pem, lines[i]);
		free(pem);
	}
}

#define DNS_CHARS "may only contain letters, digits, hyphens and dots"

static const struct row dns_rows[] = {
	{ "example.com", 1, NULL },
	{ "www.example.com", 1, NULL },
	{ "*.example.com", 1, NULL },
	{ "xn--bcher-kva.example", 1, NULL },
	{ "a-b.c-d.example.com", 1, NULL },
	{ "EXAMPLE.COM", 1, NULL },
	{ "1.example.com", 1, NULL },
	{ "example.c0m", 1, NULL },
	{ A63 ".com", 1, NULL },
	{ A64 ".com", 0, "longer than 63 characters" },
	{ "www." A63 ".com", 1, NULL },
	{ "www." A64 ".com", 0, "longer than 63 characters" },
	{ A63 "." A63 "." A63 "." A60 "a", 1, NULL },
	{ A63 "." A63 "." A63 "." A60 "aa", 0, "at most 253 characters" },
	{ "*." A63 "." A63 "." A63 "." A10 A10 A10 A10 A10 "aaaaaaaa", 1,
	    NULL },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ "localhost", 0, "at least two labels" },
	{ "*.com", 0, "at least two labels" },
	{ "*", 0, "wildcard" },
	{ "*.", 0, "must not end with a dot" },
	{ "example.com.", 0, "must not end with a dot" },
	{ ".example.com", 0, "empty label" },
	{ "example..com", 0, "empty label" },
	{ "www.*.example.com", 0, "wildcard" },
	{ "*.*.example.com", 0, "wildcard" },
	{ "w*.example.com", 0, "wildcard" },
	{ "-example.com", 0, "hyphen" },
	{ "example-.com", 0, "hyphen" },
	{ "example.-com", 0, "hyphen" },
	{ "exa_mple.com", 0, DNS_CHARS },
	{ "exa mple.com", 0, DNS_CHARS },
	{ " example.com", 0, DNS_CHARS },
	{ "example.com\n", 0, DNS_CHARS },
	{ "b\xc3\xbc" "cher.example", 0, DNS_CHARS },
	{ "https://example.com", 0, DNS_CHARS },
	{ "1.2.3.4", 0, "all-numeric label" },
	{ "example.123", 0, "all-numeric label" },
};

/* Tests check_dns_name. */
static void
test_dns_name(void **state)
{
	(void)state;
	RUN(check_dns_name, dns_rows);
}

static const struct row oin_rows[] = {
	{ D10 D10, 1, NULL },
	{ "00000000000000000000", 1, NULL },
	{ D10 "123456789", 0, "exactly 20 digits" },
	{ D10 D10 "1", 0, "exactly 20 digits" },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ D10 "123456789a", 0, "exactly 20 digits" },
	{ D10 "12345 6789", 0, "exactly 20 digits" },
	{ " " D10 D10, 0, "exactly 20 digits" },
	{ D10 "123456789\xd9\xa1", 0, "exactly 20 digits" },
};

/* Tests check_oin. */
static void
test_oin(void **state)
{
	(void)state;
	RUN(check_oin, oin_rows);
}

#define CARD_FORMAT "12 to 19 digits"
#define CARD_LUHN "not a valid card number"

static const struct row card_rows[] = {
	{ "4111111111111111", 1, NULL },
	{ "4111 1111 1111 1111", 1, NULL },
	{ "4111-1111-1111-1111", 1, NULL },
	{ "378282246310005", 1, NULL },
	{ "3782 822463 10005", 1, NULL },
	{ "4222222222222", 1, NULL },
	{ "41111111112", 0, CARD_FORMAT },
	{ "411111111117", 1, NULL },
	{ "4111111111111111110", 1, NULL },
	{ "41111111111111111115", 0, CARD_FORMAT },
	{ "4111111111111112", 0, CARD_LUHN },
	{ "4111111111111121", 0, CARD_LUHN },
	{ "411111111118", 0, CARD_LUHN },
	{ "4111111111111111111", 0, CARD_LUHN },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ " 4111111111111111", 0, CARD_FORMAT },
	{ "4111111111111111 ", 0, CARD_FORMAT },
	{ "-4111111111111111", 0, CARD_FORMAT },
	{ "4111  1111 1111 1111", 0, CARD_FORMAT },
	{ "4111 -1111 1111 1111", 0, CARD_FORMAT },
	{ "4111.1111.1111.1111", 0, CARD_FORMAT },
	{ "4111x111111111111", 0, CARD_FORMAT },
	{ "411111111111111\xd9\xa1", 0, CARD_FORMAT },
	{ D10 D10 D10 D10 D10 D10 D10 D10 D10 D10, 0, CARD_FORMAT },
};

/* Tests check_card_number, and that no message echoes the number. */
static void
test_card_number(void **state)
{
	size_t	i;
	char	*msg;

	(void)state;
	RUN(check_card_number, card_rows);
	for (i = 0; i < sizeof card_rows / sizeof card_rows[0]; i++) {
		if (card_rows[i].in == NULL || strlen(card_rows[i].in) < 3)
			continue;
		msg = check_card_number(card_rows[i].in);
		assert_true(msg == NULL ||
		    strstr(msg, card_rows[i].in) == NULL);
		assert_true(msg == NULL || strstr(msg, "4111") == NULL);
		free(msg);
	}
}

static const struct row month_rows[] = {
	{ "01", 1, NULL },
	{ "09", 1, NULL },
	{ "10", 1, NULL },
	{ "12", 1, NULL },
	{ "00", 0, "01 to 12" },
	{ "13", 0, "01 to 12" },
	{ "99", 0, "01 to 12" },
	{ "1", 0, "01 to 12" },
	{ "9", 0, "01 to 12" },
	{ "001", 0, "01 to 12" },
	{ " 1", 0, "01 to 12" },
	{ "1a", 0, "01 to 12" },
	{ "-1", 0, "01 to 12" },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
};

/* Tests check_card_month. */
static void
test_card_month(void **state)
{
	(void)state;
	RUN(check_card_month, month_rows);
}

static const struct row year_rows[] = {
	{ "2026", 1, NULL },
	{ "2027", 1, NULL },
	{ "9999", 1, NULL },
	{ "2025", 0, "must not be before 2026" },
	{ "0000", 0, "must not be before 2026" },
	{ "26", 0, "four-digit year" },
	{ "02026", 0, "four-digit year" },
	{ "20 6", 0, "four-digit year" },
	{ "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x97", 0,
	    "four-digit year" },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
};

/* Tests check_card_year against a fixed now. */
static void
test_card_year(void **state)
{
	time_t	now = test_now();
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof year_rows / sizeof year_rows[0]; i++)
		expect("check_card_year", year_rows[i].in,
		    check_card_year(year_rows[i].in, now), year_rows[i].ok,
		    year_rows[i].sub);
}

/* One row of the expiry table: month, year, outcome, message part. */
struct expiry_row {
	const char	*month;
	const char	*year;
	int		 ok;
	const char	*sub;
};

static const struct expiry_row expiry_rows[] = {
	{ "11", "2026", 1, NULL },
	{ "12", "2026", 1, NULL },
	{ "01", "2027", 1, NULL },
	{ "10", "2026", 0, "has expired" },
	{ "12", "2025", 0, "has expired" },
	{ "01", "2026", 0, "has expired" },
	{ "13", "2027", 0, "valid month and year" },
	{ "1", "2027", 0, "valid month and year" },
	{ "01", "27", 0, "valid month and year" },
	{ NULL, "2027", 0, "valid month and year" },
	{ "01", NULL, 0, "valid month and year" },
	{ "", "", 0, "valid month and year" },
};

/* Tests check_card_expiry against a fixed now (November 2026). */
static void
test_card_expiry(void **state)
{
	time_t	now = test_now();
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof expiry_rows / sizeof expiry_rows[0]; i++)
		expect("check_card_expiry", expiry_rows[i].month,
		    check_card_expiry(expiry_rows[i].month,
		    expiry_rows[i].year, now), expiry_rows[i].ok,
		    expiry_rows[i].sub);
}

static const struct row cvv_rows[] = {
	{ "123", 1, NULL },
	{ "1234", 1, NULL },
	{ "000", 1, NULL },
	{ "12", 0, "3 or 4 digits" },
	{ "12345", 0, "3 or 4 digits" },
	{ "12a", 0, "3 or 4 digits" },
	{ " 123", 0, "3 or 4 digits" },
	{ "1 23", 0, "3 or 4 digits" },
	{ "12\xd9\xa1", 0, "3 or 4 digits" },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
};

/* Tests check_cvv, and that no message echoes the value. */
static void
test_cvv(void **state)
{
	size_t	i;
	char	*msg;

	(void)state;
	RUN(check_cvv, cvv_rows);
	for (i = 0; i < sizeof cvv_rows / sizeof cvv_rows[0]; i++) {
		if (cvv_rows[i].in == NULL || strlen(cvv_rows[i].in) < 3)
			continue;
		msg = check_cvv(cvv_rows[i].in);
		assert_true(msg == NULL || strstr(msg, cvv_rows[i].in) == NULL);
		free(msg);
	}
}

static const struct row alt_rows[] = {
	{ "a", 1, NULL },
	{ "ORDER123abc", 1, NULL },
	{ A64, 1, NULL },
	{ A64 "a", 0, "1 to 64 letters and digits" },
	{ D10 D10 D10 D10 D10 D10 "1234", 1, NULL },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
	{ "order-123", 0, "1 to 64 letters and digits" },
	{ "order 123", 0, "1 to 64 letters and digits" },
	{ "order_123", 0, "1 to 64 letters and digits" },
	{ "ord\xc3\xa9r", 0, "1 to 64 letters and digits" },
	{ "order\n", 0, "1 to 64 letters and digits" },
};

/* Tests check_alt_order_id. */
static void
test_alt_order_id(void **state)
{
	(void)state;
	RUN(check_alt_order_id, alt_rows);
}

#define SHA1 "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"
#define THUMB_MSG "SHA-1 thumbprint"

static const struct row thumb_rows[] = {
	{ SHA1, 1, NULL },
	{ "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3", 1, NULL },
	{ "A9:4A:8F:E5:CC:B1:9B:A6:1C:4C:08:73:D3:91:E9:87:98:2F:BB:D3", 1,
	    NULL },
	{ "a9 4a 8f e5 cc b1 9b a6 1c 4c 08 73 d3 91 e9 87 98 2f bb d3", 1,
	    NULL },
	{ "a94a:8fe5ccb19ba61c4c0873d391e987982fbbd3", 1, NULL },
	{ "a94a8fe5ccb19ba61c4c0873d391e987982fbbd", 0, THUMB_MSG },
	{ SHA1 "0", 0, THUMB_MSG },
	{ SHA1 "00", 0, THUMB_MSG },
	{ "a94a8fe5ccb19ba61c4c0873d391e987982fbbdg", 0, THUMB_MSG },
	{ "a:94a8fe5ccb19ba61c4c0873d391e987982fbbd3", 0, THUMB_MSG },
	{ ":a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", 0, THUMB_MSG },
	{ SHA1 ":", 0, THUMB_MSG },
	{ "a9::4a8fe5ccb19ba61c4c0873d391e987982fbbd3", 0, THUMB_MSG },
	{ "a9-4a8fe5ccb19ba61c4c0873d391e987982fbbd3", 0, THUMB_MSG },
	{ " " SHA1, 0, THUMB_MSG },
	{ SHA1 " ", 0, THUMB_MSG },
	{ "", 0, "is empty" },
	{ NULL, 0, "is empty" },
};

/* Tests check_thumbprint. */
static void
test_thumbprint(void **state)
{
	(void)state;
	RUN(check_thumbprint, thumb_rows);
}

/* One row of the ID table: JSON text (NULL: no object) and outcome. */
struct id_row {
	const char	*json;
	int		 ok;
};

static const struct id_row id_rows[] = {
	{ "42", 1 },
	{ "\"42\"", 1 },
	{ "1", 1 },
	{ "9007199254740992", 1 },
	{ "9007199254740994", 0 },
	{ "1e300", 0 },
	{ "4.2e1", 1 },
	{ "\"123456789012345678\"", 1 },
	{ "\"1234567890123456789\"", 0 },
	{ "\"000000000000000001\"", 1 },
	{ "\"0\"", 0 },
	{ "\"000\"", 0 },
	{ "0", 0 },
	{ "-0", 0 },
	{ "-1", 0 },
	{ "1.5", 0 },
	{ "0.5", 0 },
	{ "\"abc\"", 0 },
	{ "\"\"", 0 },
	{ "\" 42\"", 0 },
	{ "\"-42\"", 0 },
	{ "\"4.2\"", 0 },
	{ "true", 0 },
	{ "false", 0 },
	{ "null", 0 },
	{ "[42]", 0 },
	{ "{\"id\":42}", 0 },
	{ NULL, 0 },
};

/* Tests check_id on parsed JSON values, a NULL object and NaN. */
static void
test_id(void **state)
{
	cJSON	*v;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof id_rows / sizeof id_rows[0]; i++) {
		v = NULL;
		if (id_rows[i].json != NULL) {
			v = cJSON_Parse(id_rows[i].json);
			assert_non_null(v);
		}
		expect("check_id", id_rows[i].json, check_id(v), id_rows[i].ok,
		    id_rows[i].ok ? NULL : "must be a numeric ID");
		cJSON_Delete(v);
	}
	v = cJSON_CreateNumber(strtod("nan", NULL));
	expect("check_id", "nan", check_id(v), 0, "numeric ID");
	cJSON_Delete(v);
	v = cJSON_CreateNumber(strtod("inf", NULL));
	expect("check_id", "inf", check_id(v), 0, "numeric ID");
	cJSON_Delete(v);
}

/* One row of the length table. */
struct length_row {
	const char	*in;
	long		 min;
	long		 max;
	int		 ok;
	const char	*sub;
};

#define ZOE "Zo\xc3\xab M\xc3\xbcller"

static const struct length_row length_rows[] = {
	{ ZOE, 10, 10, 1, NULL },
	{ ZOE, 1, 10, 1, NULL },
	{ ZOE, -1, -1, 1, NULL },
	{ ZOE, 11, -1, 0, "must be at least 11 characters" },
	{ ZOE, -1, 9, 0, "must be at most 9 characters" },
	{ ZOE, 1, 9, 0, "must be between 1 and 9 characters" },
	{ ZOE, 12, 12, 0, "must be exactly 12 characters" },
	{ "ab", -1, 1, 0, "must be at most 1 character" },
	{ "", 0, 5, 1, NULL },
	{ "", -1, -1, 1, NULL },
	{ NULL, -1, 5, 1, NULL },
	{ "", 1, 5, 0, "is empty" },
	{ NULL, 1, -1, 0, "is empty" },
	{ "\xf0\x9f\x98\x80", 1, 1, 1, NULL },
	{ "\xf4\x8f\xbf\xbf", 1, 1, 1, NULL },
	{ "\xed\x9f\xbf\xee\x80\x80", 2, 2, 1, NULL },
	{ "\xc0\x80", -1, -1, 0, "is not valid UTF-8" },
	{ "\xc1\xbf", -1, -1, 0, "is not valid UTF-8" },
	{ "\xe0\x80\xaf", -1, -1, 0, "is not valid UTF-8" },
	{ "\xed\xa0\x80", -1, -1, 0, "is not valid UTF-8" },
	{ "\xed\xbf\xbf", -1, -1, 0, "is not valid UTF-8" },
	{ "\xf0\x80\x80\xaf", -1, -1, 0, "is not valid UTF-8" },
	{ "\xf4\x90\x80\x80", -1, -1, 0, "is not valid UTF-8" },
	{ "\xf5\x80\x80\x80", -1, -1, 0, "is not valid UTF-8" },
	{ "\xff", -1, -1, 0, "is not valid UTF-8" },
	{ "\x80", -1, -1, 0, "is not valid UTF-8" },
	{ "abc\xe2\x82", -1, -1, 0, "is not valid UTF-8" },
	{ "\xe2\x82" "abc", -1, -1, 0, "is not valid UTF-8" },
	{ "\xc3\xab\xab", -1, -1, 0, "is not valid UTF-8" },
};

/* Tests check_length and utf8_chars. */
static void
test_length(void **state)
{
	const struct length_row	*r;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof length_rows / sizeof length_rows[0]; i++) {
		r = &length_rows[i];
		expect("check_length", r->in, check_length(r->in, r->min,
		    r->max), r->ok, r->sub);
	}
	assert_int_equal(utf8_chars(ZOE), 10);
	assert_int_equal(utf8_chars(""), 0);
	assert_int_equal(utf8_chars(NULL), 0);
	assert_int_equal(utf8_chars("\xf0\x9f\x98\x80x"), 2);
}

/* One row of the utf8_valid table: bytes, length and outcome. */
struct utf8_row {
	const char	*in;
	size_t		 len;
	int		 ok;
};

static const struct utf8_row utf8_rows[] = {
	{ "", 0, 1 },
	{ "abc", 3, 1 },
	{ "a\0b", 3, 1 },
	{ ZOE, 12, 1 },
	{ ZOE, 3, 0 },
	{ "\xc2\x80", 2, 1 },
	{ "\xdf\xbf", 2, 1 },
	{ "\xe0\xa0\x80", 3, 1 },
	{ "\xef\xbf\xbf", 3, 1 },
	{ "\xf0\x90\x80\x80", 4, 1 },
	{ "\xf4\x8f\xbf\xbf", 4, 1 },
	{ "\xf4\x8f\xbf\xbf", 3, 0 },
	{ "\xc0\x80", 2, 0 },
	{ "\xc1\x81", 2, 0 },
	{ "\xe0\x9f\xbf", 3, 0 },
	{ "\xed\xa0\x80", 3, 0 },
	{ "\xf0\x8f\xbf\xbf", 4, 0 },
	{ "\xf4\x90\x80\x80", 4, 0 },
	{ "\xf8\x88\x80\x80\x80", 5, 0 },
	{ "\xc3\x28", 2, 0 },
	{ "\xe2\x28\xa1", 3, 0 },
	{ "\xf0\x90\x28\xbc", 4, 0 },
	{ "\xfe", 1, 0 },
	{ NULL, 0, 1 },
	{ NULL, 1, 0 },
};

/* Tests utf8_valid on explicit byte ranges. */
static void
test_utf8_valid(void **state)
{
	size_t	i;
	char	buf[128];

	(void)state;
	for (i = 0; i < sizeof utf8_rows / sizeof utf8_rows[0]; i++) {
		if (utf8_valid(utf8_rows[i].in, utf8_rows[i].len) !=
		    utf8_rows[i].ok) {
			print_error("utf8_valid(\"%s\", %zu) != %d\n",
			    show(utf8_rows[i].in, buf, sizeof buf),
			    utf8_rows[i].len, utf8_rows[i].ok);
			fail();
		}
	}
}

/* One row of the range table. */
struct range_row {
	long long	 v, min, max;
	int		 has_min, has_max, ok;
	const char	*sub;
};

static const struct range_row range_rows[] = {
	{ 5, 1, 10, 1, 1, 1, NULL },
	{ 1, 1, 10, 1, 1, 1, NULL },
	{ 10, 1, 10, 1, 1, 1, NULL },
	{ 0, 1, 10, 1, 1, 0, "must be between 1 and 10" },
	{ 11, 1, 10, 1, 1, 0, "must be between 1 and 10" },
	{ 0, 1, 0, 1, 0, 0, "must be at least 1" },
	{ LLONG_MAX, 1, 0, 1, 0, 1, NULL },
	{ 11, 0, 10, 0, 1, 0, "must be at most 10" },
	{ LLONG_MIN, 0, 10, 0, 1, 1, NULL },
	{ LLONG_MIN, 0, 0, 0, 0, 1, NULL },
	{ -5, -3, 0, 1, 0, 0, "must be at least -3" },
	{ LLONG_MIN, LLONG_MIN + 1, LLONG_MAX, 1, 1, 0,
	    "must be between -9223372036854775807 and 9223372036854775807" },
};

/* Tests check_range. */
static void
test_range(void **state)
{
	const struct range_row	*r;
	char			 in[64];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof range_rows / sizeof range_rows[0]; i++) {
		r = &range_rows[i];
		snprintf(in, sizeof in, "%lld", r->v);
		expect("check_range", in, check_range(r->v, r->min, r->max,
		    r->has_min, r->has_max), r->ok, r->sub);
	}
}

/* Runs every string validator on s and checks each rejects it. */
static void
expect_all_reject(const char *what, const char *s)
{
	time_t	now = test_now();

	expect("check_email", what, check_email(s), 0, NULL);
	expect("check_phone", what, check_phone(s), 0, NULL);
	expect("check_country", what, check_country(s), 0, NULL);
	expect("check_date", what, check_date(s, 397, now), 0, NULL);
	expect("check_csr", what, check_csr(s), 0, NULL);
	expect("check_dns_name", what, check_dns_name(s), 0, NULL);
	expect("check_oin", what, check_oin(s), 0, NULL);
	expect("check_card_number", what, check_card_number(s), 0, NULL);
	expect("check_card_month", what, check_card_month(s), 0, NULL);
	expect("check_card_year", what, check_card_year(s, now), 0, NULL);
	expect("check_card_expiry", what, check_card_expiry(s, s, now), 0,
	    NULL);
	expect("check_cvv", what, check_cvv(s), 0, NULL);
	expect("check_alt_order_id", what, check_alt_order_id(s), 0, NULL);
	expect("check_thumbprint", what, check_thumbprint(s), 0, NULL);
	expect("check_length", what, check_length(s, 1, 100), 0, NULL);
}

/* Returns a NUL-terminated string of n copies of byte c. */
static char *
repeat(int c, size_t n)
{
	char	*s = malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* Tests every validator on NULL, empty and 1 MiB inputs. */
static void
test_hostile_inputs(void **state)
{
	const int	 bytes[] = { 'a', '1', '-', '=', 0x80, 0xff, '@' };
	size_t		 i, mib = 1024 * 1024;
	char		*s, *n;

	(void)state;
	expect_all_reject("(null)", NULL);
	expect_all_reject("", "");
	for (i = 0; i < sizeof bytes / sizeof bytes[0]; i++) {
		s = repeat(bytes[i], mib);
		expect_all_reject(s, s);
		n = csr_normalise(s);
		assert_int_equal(strlen(n), bytes[i] == ' ' ? 0 : mib);
		free(n);
		free(s);
	}
	s = repeat('a', mib);
	expect("check_length", "1 MiB", check_length(s, -1, -1), 1, NULL);
	assert_int_equal(utf8_chars(s), mib);
	free(s);
}

/* Tests a 1 MiB CSR body is handled (and rejected) without trouble. */
static void
test_huge_csr(void **state)
{
	size_t	 mib = 1024 * 1024;
	char	*s;

	(void)state;
	s = repeat('A', mib);
	memcpy(s, REQ_BEGIN, strlen(REQ_BEGIN));
	memcpy(s + mib - strlen(REQ_END), REQ_END, strlen(REQ_END));
	expect("check_csr", "huge", check_csr(s), 0, NULL);
	free(s);
}

/* Runs every test. */
/* Every field type has its own name, found again by that name; the
 * table, not the enum's order, says what each type is. */
static void
test_field_types(void **state)
{
	enum field_type t;
	int i, j;

	(void)state;
	for (i = 0; i < FT_COUNT; i++) {
		assert_non_null(field_types[i].name);
		for (j = 0; j < i; j++)
			assert_string_not_equal(field_types[i].name,
			    field_types[j].name);
		assert_int_equal(field_type_parse(field_types[i].name, &t), 0);
		assert_int_equal(t, i);
		assert_string_equal(field_type_name((enum field_type)i),
		    field_types[i].name);
	}
	assert_int_equal(field_type_parse("nosuch", &t), -1);
	assert_string_equal(field_types[FT_CARD_NUMBER].name, "card-number");
	assert_int_equal(field_types[FT_OBJECT].widget, FW_HEADING);
	assert_int_equal(field_types[FT_OBJECT_LIST].widget, FW_LIST);
	assert_int_equal(field_types[FT_BOOLEAN].widget, FW_TOGGLE);
	assert_int_equal(field_types[FT_ENUM].json, JT_COUNT);
	assert_int_equal(field_types[FT_ID].json, JT_INTEGER);
	assert_non_null(field_types[FT_EMAIL].check);
	assert_null(field_types[FT_STRING].check);
}

/* The one yes/no parser. */
static void
test_yes_no(void **state)
{
	static const struct {
		const char	*in;
		int		 want;
	} t[] = {
		{ "y", 1 }, { "YES", 1 }, { "True", 1 }, { "1", 1 },
		{ "n", 0 }, { "No", 0 }, { "FALSE", 0 }, { "0", 0 },
		{ "", -1 }, { "yep", -1 }, { " y", -1 }, { "2", -1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (value_yes_no(t[i].in) != t[i].want)
			fail_msg("'%s'", t[i].in);
	}
}

/* The one ID-as-text: strings as they are but for control characters,
 * numbers without a fraction. */
static void
test_id_text(void **state)
{
	cJSON *v[] = {
		cJSON_CreateNumber(1234567), cJSON_CreateString("abc"),
		cJSON_CreateString(""), cJSON_CreateTrue(), NULL,
		cJSON_CreateString("12\033]0;x\a")
	};
	const char *want[] = { "1234567", "abc", NULL, NULL, NULL,
	    "12\\x1b]0;x\\x07" };
	char *got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = value_id_text(v[i]);
		if (want[i] == NULL)
			assert_null(got);
		else
			assert_string_equal(got, want[i]);
		free(got);
		cJSON_Delete(v[i]);
	}
}

/* The one reader of CERTWIZ_TODAY: noon UTC of a real date, else an
 * error; unset or empty, the clock. */
static void
test_today(void **state)
{
	struct tm tm = { .tm_year = 126, .tm_mon = 1, .tm_mday = 28,
	    .tm_hour = 12 };
	char *cause = NULL;
	time_t now;
	int fixed;

	(void)state;
	setenv("CERTWIZ_TODAY", "2026-02-28", 1);
	assert_int_equal(cw_today(&now, &fixed, &cause), 0);
	assert_int_equal(fixed, 1);
	assert_int_equal(now, timegm(&tm));
	setenv("CERTWIZ_TODAY", "2026-02-30", 1);
	assert_int_equal(cw_today(&now, &fixed, &cause), -1);
	assert_non_null(strstr(cause, "YYYY-MM-DD"));
	free(cause);
	cause = NULL;
	setenv("CERTWIZ_TODAY", "tomorrow", 1);
	assert_int_equal(cw_today(&now, NULL, &cause), -1);
	free(cause);
	setenv("CERTWIZ_TODAY", "", 1);
	assert_int_equal(cw_today(&now, &fixed, &cause), 0);
	assert_int_equal(fixed, 0);
	unsetenv("CERTWIZ_TODAY");
	assert_true(cw_today(&now, &fixed, &cause) == 0 && fixed == 0);
}

/* The one platform table, and the one list of a field's keys. */
static void
test_platforms_and_keys(void **state)
{
	(void)state;
	assert_int_equal(platform_index("us"), 0);
	assert_int_equal(platform_index("eu"), 1);
	assert_int_equal(platform_index("xx"), -1);
	assert_int_equal(platform_index(NULL), -1);
	assert_string_equal(platform_title("eu"), "Europe");
	assert_string_equal(platforms[1].key_env, "CERTWIZ_API_KEY_EU");
	assert_null(platform_base_url("xx"));
	assert_int_equal(form_field_key("path"), 1);
	assert_int_equal(form_field_key("item"), 1);
	assert_int_equal(form_field_key("max_count"), 1);
	assert_int_equal(form_field_key("default"), 1);
	assert_int_equal(form_field_key("bogus"), 0);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_country),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_date_day_edges),
		cmocka_unit_test(test_csr),
		cmocka_unit_test(test_csr_normalise),
		cmocka_unit_test(test_csr_files),
		cmocka_unit_test(test_dns_name),
		cmocka_unit_test(test_oin),
		cmocka_unit_test(test_card_number),
		cmocka_unit_test(test_card_month),
		cmocka_unit_test(test_card_year),
		cmocka_unit_test(test_card_expiry),
		cmocka_unit_test(test_cvv),
		cmocka_unit_test(test_alt_order_id),
		cmocka_unit_test(test_thumbprint),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_hostile_inputs),
		cmocka_unit_test(test_huge_csr),
		cmocka_unit_test(test_field_types),
		cmocka_unit_test(test_yes_no),
		cmocka_unit_test(test_id_text),
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_platforms_and_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
