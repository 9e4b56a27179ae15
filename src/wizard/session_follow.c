/* session_follow.c: answers whose allowed values depend on another answer
 * (Key size on Key type) follow it when it changes, and say so. */
#include "config.h"

#include "wizard/session_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/field_check.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* 1 when v is one of values (by text and kind, or by text alone). */
static int
allowed(const cJSON *values, const cJSON *v)
{
	const cJSON *a;
	int kind_only;

	cJSON_ArrayForEach(a, values) {
		kind_only = 0;
		if (field_value_matches(v, a, &kind_only) || kind_only)
			return 1;
	}
	return 0;
}

/* The values_if rule of f that holds now, or NULL. */
static const struct values_rule *
rule_now(const struct session *s, const struct field *f)
{
	size_t i;

	for (i = 0; i < f->nvalues_if; i++) {
		if (answers_eval(f->values_if[i].when, s->answers, NULL, 0))
			return &f->values_if[i];
	}
	return NULL;
}

/* The value an answer that no longer fits is replaced by: the default
 * when it is allowed, else the first allowed value. */
static const cJSON *
replacement(const struct field *f, const cJSON *values)
{
	if (f->dflt != NULL && allowed(values, f->dflt))
		return f->dflt;
	return cJSON_GetArrayItem(values, 0);
}

/* Replaces field fi's answer when it no longer fits; returns a notice. */
static char *
follow_field(struct session *s, size_t fi)
{
	const struct field *f = &s->form->fields[fi];
	const struct values_rule *rule = rule_now(s, f);
	const cJSON *v = answers_get(s->answers, f->path, NULL, 0), *values;
	const cJSON *pick;
	char *old, *now, *when = NULL, *out;

	values = field_values(f, s->answers, NULL, 0);
	if (!answers_present(v) || values == NULL || allowed(values, v) ||
	    (pick = replacement(f, values)) == NULL)
		return NULL;
	old = session_value_text(v);
	now = session_value_text(pick);
	if (rule != NULL)
		when = session_cond_words(s, rule->when, f->parent);
	answers_set(s->answers, f->path, NULL, 0, cJSON_Duplicate(pick, 1));
	out = xasprintf(_("%s set to %s: %s is not allowed%s%s"),
	    form_text(f->label), now, old, when != NULL ? _(" when ") : "",
	    when != NULL ? when : "");
	free(old);
	free(now);
	free(when);
	return out;
}

/* 1 when fi is an enumeration outside lists whose values depend on
 * other answers. */
static int
follows(const struct form *form, size_t fi)
{
	size_t p;

	if (form->fields[fi].nvalues_if == 0)
		return 0;
	for (p = form->fields[fi].parent; p != SIZE_MAX;
	    p = form->fields[p].parent) {
		if (form->fields[p].type != FT_OBJECT)
			return 0;
	}
	return 1;
}

/* Makes every answer that depends on another fit it again. */
void
session_follow(struct session *s)
{
	char *note, *all;
	size_t fi;

	free(s->notice);	/* only the last change's notice is kept */
	s->notice = NULL;
	for (fi = 0; fi < s->form->nfields; fi++) {
		if (!follows(s->form, fi) ||
		    (note = follow_field(s, fi)) == NULL)
			continue;
		s->changed = 1;
		if (s->notice == NULL) {
			s->notice = note;
			continue;
		}
		all = xasprintf("%s; %s", s->notice, note);
		free(s->notice);
		free(note);
		s->notice = all;
	}
}

/* The notice of a change the session made by itself, or NULL. */
char *
session_notice_take(struct session *s)
{
	char *n = s->notice;

	s->notice = NULL;
	return n;
}
