/* value.c: what the engine asks of one JSON value. */
#include "config.h"

#include "core/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "util/safetext.h"
#include "util/xalloc.h"

/* 1 when s is NULL, empty or only ASCII white space. */
int
value_blank(const char *s)
{
	if (s == NULL)
		return 1;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	return *s == '\0';
}

/* 1 when v counts as given. */
int
value_given(const cJSON *v)
{
	if (v == NULL || cJSON_IsNull(v) || cJSON_IsFalse(v) ||
	    cJSON_IsInvalid(v))
		return 0;
	if (cJSON_IsString(v))
		return !value_blank(v->valuestring);
	if (cJSON_IsArray(v) || cJSON_IsObject(v))
		return v->child != NULL;
	return 1;
}

/* The text form of a scalar, or NULL. */
const char *
value_text(const cJSON *v, char *buf, size_t size)
{
	double d;

	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsTrue(v))
		return "true";
	if (cJSON_IsFalse(v))
		return "false";
	if (!cJSON_IsNumber(v))
		return NULL;
	d = v->valuedouble;
	if (d >= -9.2e18 && d <= 9.2e18 && (double)(long long)d == d)
		snprintf(buf, size, "%lld", (long long)d);
	else
		snprintf(buf, size, "%g", d);
	return buf;
}

/* The text of a scalar, or of an array's scalars joined by ", ". */
char *
value_join(const cJSON *v)
{
	const cJSON *item;
	char buf[64], *out, *next;
	const char *t;

	if (!cJSON_IsArray(v))
		return xstrdup((t = value_text(v, buf, sizeof buf)) != NULL ?
		    t : "");
	out = xstrdup("");
	cJSON_ArrayForEach(item, v) {
		if ((t = value_text(item, buf, sizeof buf)) == NULL)
			continue;
		next = xasprintf("%s%s%s", out, *out ? ", " : "", t);
		free(out);
		out = next;
	}
	return out;
}

/* An ID as text, control characters neutralised, or NULL. */
char *
value_id_text(const cJSON *v)
{
	if (cJSON_IsString(v) && v->valuestring[0] != '\0')
		return safe_text(v->valuestring);
	if (cJSON_IsNumber(v))
		return xasprintf("%.0f", v->valuedouble);
	return NULL;
}

/* A typed yes/no: 1, 0, or -1 when it is neither. */
int
value_yes_no(const char *s)
{
	static const char *const yes[] = { "y", "yes", "true", "1" };
	static const char *const no[] = { "n", "no", "false", "0" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}
