/* check.h: validators for the values a DigiCert order form collects.
 *
 * Ownership: every check_* function returns NULL when the value is good,
 * else an allocated message (lower case, no trailing period, no field name:
 * the caller prefixes the field path) that the caller frees.
 * csr_normalise() always returns an allocated string that the caller frees.
 *
 * Every function accepts any input: a NULL string is treated as empty, and
 * bytes >= 0x80, embedded escapes and very long strings are handled safely.
 * Messages never echo a card number or CVV back.
 */
#ifndef CERTWIZ_CHECK_H
#define CERTWIZ_CHECK_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

/* Checks an email address: local@domain, at most 254 characters. */
char *check_email(const char *s);
/* Checks a phone number: optional +, then 7 to 20 digits and separators. */
char *check_phone(const char *s);
/* Checks a country code: exactly two ASCII letters, either case. */
char *check_country(const char *s);
/* Checks a "dd MMM YYYY" date is after the UTC day of now and at most
 * max_days days after it (max_days < 0: no upper bound). */
char *check_date(const char *s, int max_days, time_t now);
/* An example date for a person: 30 days after the UTC day of now, or
 * max_days when that is sooner (max_days < 0: no bound), as dd MMM YYYY. */
char *check_date_example(time_t now, int max_days);
/* Checks a "dd MMM YYYY" date is after the UTC day of now and no later than
 * the same day and month max_years calendar years on (reading 13). */
char *check_date_years(const char *s, int max_years, time_t now);
/* Checks a PEM CSR (or public key), or a bare base64 body, whose body is a
 * DER SEQUENCE: the frame only (csr.h reads what is inside). */
char *check_csr(const char *s);
/* Returns a copy of a PEM block on one line, whitespace and literal "\n" and
 * "\r" escapes removed from the body; a bare base64 body of a DER SEQUENCE
 * gets the CERTIFICATE REQUEST header and footer; anything else comes back
 * with surrounding whitespace trimmed. Never NULL. */
char *csr_normalise(const char *s);
/* Checks a host name, optionally with a leading "*." wildcard. */
char *check_dns_name(const char *s);
/* Checks an organization identification number: exactly 20 ASCII digits. */
char *check_oin(const char *s);
/* Checks a card number: 12 to 19 digits passing Luhn; spaces and dashes
 * between digit groups are ignored. */
char *check_card_number(const char *s);
/* Checks a card expiry month: exactly two digits, 01 to 12. */
char *check_card_month(const char *s);
/* Checks a card expiry year: four digits, not before the UTC year of now. */
char *check_card_year(const char *s, time_t now);
/* Checks a card expiry month and year are not before the UTC month of now. */
char *check_card_expiry(const char *month, const char *year, time_t now);
/* Checks a card verification value: 3 or 4 digits. */
char *check_cvv(const char *s);
/* Checks an alternative order ID: 1 to 64 ASCII letters and digits. */
char *check_alt_order_id(const char *s);
/* Checks a SHA-1 thumbprint: 40 hex digits, with optional colons or spaces
 * between byte pairs. */
char *check_thumbprint(const char *s);
/* Checks an ID: a positive integral JSON number <= 2^53, or a JSON string of
 * 1 to 18 ASCII digits that are not all zero. */
char *check_id(const cJSON *v);
/* Checks s is valid UTF-8 of min_len to max_len code points (a bound < 0 is
 * no bound). */
char *check_length(const char *s, long min_len, long max_len);
/* Checks min <= v (if has_min) and v <= max (if has_max). */
char *check_range(long long v, long long min, long long max, int has_min,
    int has_max);
/* Returns 1 when s[0..len) is well-formed UTF-8, else 0. */
int utf8_valid(const char *s, size_t len);
/* Returns the number of code points in a valid UTF-8 string (0 for NULL). */
size_t utf8_chars(const char *s);

#endif
