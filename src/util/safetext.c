/* safetext.c: neutralising control characters in outside text. */
#include "config.h"

#include "util/safetext.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* The length of the UTF-8 sequence at s that is safe to show (no C1, not
 * overlong, no surrogate), or 0 when the byte at s must be escaped. */
static size_t
safe_seq(const unsigned char *s)
{
	unsigned int cp;
	size_t n, i;

	if (s[0] >= 0x20 && s[0] < 0x7f)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < 0xa0 || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/* 1 when s needs no change. */
int
safe_text_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		if ((n = safe_seq(p)) == 0)
			return 0;
		p += n;
	}
	return 1;
}

/* A copy of s with unsafe bytes written as \xHH. */
char *
safe_text(const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o;
	size_t n;

	if (s == NULL)
		return NULL;
	o = out = xmalloc(strlen(s) * 4 + 1);
	while (*p != '\0') {
		if ((n = safe_seq(p)) > 0) {
			memcpy(o, p, n);
			o += n;
			p += n;
			continue;
		}
		*o++ = '\\';
		*o++ = 'x';
		*o++ = hex[*p >> 4];
		*o++ = hex[*p & 15];
		p++;
	}
	*o = '\0';
	return out;
}

/* 1 when s is 1 to 19 digits. */
int
safe_order_id(const char *s)
{
	size_t n;

	if (s == NULL)
		return 0;
	n = strspn(s, "0123456789");
	return n > 0 && n <= 19 && s[n] == '\0';
}

/* Makes every string value of a tree safe to show. */
void
safe_json_strings(cJSON *json)
{
	cJSON *c;
	char *t;

	if (json == NULL)
		return;
	if (cJSON_IsString(json) && json->valuestring != NULL &&
	    !safe_text_ok(json->valuestring)) {
		t = safe_text(json->valuestring);
		cJSON_SetValuestring(json, t);
		free(t);
	}
	cJSON_ArrayForEach(c, json)
		safe_json_strings(c);
}
