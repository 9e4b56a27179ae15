/* session_check.c: what a session's answers make: the body, its problems,
 * and copies with secrets masked or left out. */
#include "config.h"

#include "wizard/session_int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/i18n.h"
#include "util/safetext.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Builds the request body from the answers; objects that are not sent
 * (nothing but defaults in them) are left out. */
cJSON *
session_body(const struct session *s)
{
	cJSON *sent = session_sent_answers(s), *body;

	body = order_build(s->form, sent);
	json_wipe(sent);
	cJSON_Delete(sent);
	return body;
}

/* Checks the whole order as it would be sent. */
void
session_check(const struct session *s, struct problems *p)
{
	cJSON *body = session_body(s);

	order_check_answers(s->form, body, s->answers, s->now, p);
	cJSON_Delete(body);
}

/* The first error of p at the slot's path, or NULL. */
const char *
session_slot_error(const struct problems *p, const struct slot *slot)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].warning)
			continue;
		if (strcmp(p->v[i].path, slot->path) == 0)
			return p->v[i].message;
	}
	return NULL;
}

/* Replaces member m of obj by a string, keeping its name. */
static void
replace_text(cJSON *obj, cJSON *m, const char *text)
{
	char *name = xstrdup(m->string);

	cJSON_ReplaceItemInObjectCaseSensitive(obj, name,
	    cJSON_CreateString(text));
	free(name);
}

/* Replaces a secret value: a card number keeps its last four digits. */
static void
mask_value(const struct field *f, cJSON *obj, cJSON *m)
{
	const char *s = cJSON_IsString(m) ? m->valuestring : "";
	char *out;
	size_t digits = 0, kept = 0, i, n;

	for (i = 0; s[i] != '\0'; i++)
		digits += isdigit((unsigned char)s[i]) != 0;
	if (f->type != FT_CARD_NUMBER || digits <= 4) {
		replace_text(obj, m, "***");
		return;
	}
	out = xmalloc(digits + 1);
	memset(out, '*', digits - 4);
	n = digits - 4;
	for (i = 0; s[i] != '\0'; i++) {
		if (isdigit((unsigned char)s[i]) && kept++ >= digits - 4)
			out[n++] = s[i];
	}
	out[n] = '\0';
	replace_text(obj, m, out);
	free(out);
}

/* Masks (or with drop set, removes) every secret member under obj. */
static void
hide_secrets(const struct form *form, size_t parent, cJSON *obj, int drop)
{
	cJSON *m, *next, *item;
	size_t fi;

	for (m = cJSON_IsObject(obj) ? obj->child : NULL; m != NULL; m = next) {
		next = m->next;
		if ((fi = form_child(form, parent, m->string)) == SIZE_MAX)
			continue;
		if (form->fields[fi].secret && drop)
			cJSON_Delete(cJSON_DetachItemViaPointer(obj, m));
		else if (form->fields[fi].secret)
			mask_value(&form->fields[fi], obj, m);
		else if (form->fields[fi].type == FT_OBJECT)
			hide_secrets(form, fi, m, drop);
		else if (form->fields[fi].type == FT_OBJECT_LIST) {
			cJSON_ArrayForEach(item, m)
				hide_secrets(form, fi, item, drop);
		}
	}
}

/* The body as pretty JSON with card number and CVV masked. */
char *
session_body_masked(const struct session *s)
{
	cJSON *body = session_body(s);
	char *text;

	hide_secrets(s->form, SIZE_MAX, body, 0);
	safe_json_strings(body);	/* loaded answers are outside text */
	text = cJSON_Print(body);
	cJSON_Delete(body);
	return text != NULL ? text : xstrdup(_("(the body could not be "
	    "shown)"));
}

/* A copy of the answers without any secret field, for drafts, and
 * without the objects that are not sent (their defaults come back). */
cJSON *
session_answers_public(const struct session *s)
{
	cJSON *copy = session_sent_answers(s);

	hide_secrets(s->form, SIZE_MAX, copy, 1);
	return copy;
}
