/* csr_rule.c: the form rule a CSR field carries: its request must be
 * readable and signed, and its key must agree with the key fields. */
#include "config.h"

#include "core/csr.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/answers.h"
#include "core/field_check.h"
#include "core/form.h"
#include "core/problems.h"
#include "core/value.h"
#include "util/i18n.h"

/* The value of the field at path in body, else its default; NULL when it
 * has neither or does not apply. */
static const cJSON *
key_value(const struct form *form, const char *path, const cJSON *body,
    const struct field **f)
{
	const cJSON *v;

	*f = path != NULL ? form_find(form, path) : NULL;
	if (*f != NULL && !answers_eval((*f)->when, body, NULL, 0))
		*f = NULL;
	if (*f == NULL)
		return NULL;
	v = answers_get(body, path, NULL, 0);
	return answers_present(v) ? v : (*f)->dflt;
}

/* 1 when text is one of the allowed values (case-insensitive). */
static int
allowed(const cJSON *values, const char *text)
{
	const cJSON *a;
	char buf[64];
	const char *t;

	if (values == NULL)
		return 1;
	cJSON_ArrayForEach(a, values) {
		t = value_text(a, buf, sizeof buf);
		if (t != NULL && strcasecmp(t, text) == 0)
			return 1;
	}
	return 0;
}

/* Reports a key field whose value v disagrees with the CSR's want. */
static void
disagree(struct problems *p, const struct field *kf, const cJSON *v,
    const char *want, const struct csr_info *info, const cJSON *body)
{
	char buf[64];
	const char *t = value_text(v, buf, sizeof buf);

	if (t == NULL || strcasecmp(t, want) == 0 ||
	    !allowed(field_values(kf, body, NULL, 0), t))
		return;
	problems_add(p, 0, kf->path, _("is %s%s but the CSR's key is %s: set "
	    "it to %s"), t, answers_present(answers_get(body, kf->path, NULL,
	    0)) ? "" : _(" (the default)"), info->name, want);
}

/* Checks the CSR's key against the key fields f names. */
static void
check_key(const struct form *form, const struct field *f,
    const struct csr_info *info, const cJSON *body, const char *path,
    struct problems *p)
{
	const struct field *tf = NULL, *sf = NULL;
	const cJSON *tv = key_value(form, f->key_type, body, &tf), *sv;
	const cJSON *sizes;
	char buf[64], *words;
	const char *t;

	if (tf == NULL)
		return;
	if (info->key_type[0] == '\0' || !allowed(tf->values,
	    info->key_type)) {
		words = field_values_words(tf->values);
		problems_add(p, 0, path, _("has a key DigiCert does not take "
		    "here (%s); %s takes %s"), info->name, tf->path, words);
		free(words);
		return;
	}
	if (tv == NULL || (t = value_text(tv, buf, sizeof buf)) == NULL)
		return;
	if (strcasecmp(t, info->key_type) != 0) {
		disagree(p, tf, tv, info->key_type, info, body);
		return;
	}
	sv = key_value(form, f->key_size, body, &sf);
	if (sf == NULL)
		return;
	sizes = field_values(sf, body, NULL, 0);
	if (!allowed(sizes, info->key_size)) {
		words = field_values_words(sizes);
		problems_add(p, 0, path, _("has a key DigiCert does not take "
		    "here (%s); %s takes %s"), info->name, sf->path, words);
		free(words);
		return;
	}
	if (sv != NULL)
		disagree(p, sf, sv, info->key_size, info, body);
}

/* Checks a CSR field's text with libcrypto and against its key fields. */
void
csr_check_field(const struct form *form, const struct field *f,
    const char *text, const cJSON *body, const char *path,
    struct problems *p)
{
	struct csr_info info;
	char *cause = NULL;

	if (csr_inspect(text, &info, &cause) != 0) {
		problems_add(p, 1, path, _("was checked only for its PEM "
		    "frame, not read: %s"), cause);
		free(cause);
		return;
	}
	if (info.problem != NULL)
		problems_add(p, 0, path, "%s", info.problem);
	else if (!info.is_key && !info.sig_ok)
		problems_add(p, 0, path, _("has a broken signature: the "
		    "request was changed after it was signed, or not signed "
		    "with its own key"));
	else
		check_key(form, f, &info, body, path, p);
	csr_info_free(&info);
}
