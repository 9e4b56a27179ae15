/* session_problems.c: the order's problems as a person reads them: by
 * label and screen, errors first. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/problems.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The form path of a concrete path ("a[0].b" -> "a[].b") and the number of
 * its last item (from 1, 0 when none); allocated. */
static char *
form_path(const char *path, size_t *item)
{
	char *out = xmalloc(strlen(path) + 1), *o = out;
	const char *p = path;

	*item = 0;
	while (*p != '\0') {
		if (*p == '[' && isdigit((unsigned char)p[1])) {
			*item = strtoul(p + 1, NULL, 10) + 1;
			p += strcspn(p, "]");
			*o++ = '[';
			*o++ = ']';
			if (*p == ']')
				p++;
			continue;
		}
		*o++ = *p++;
	}
	*o = '\0';
	return out;
}

/* Fills one entry from a problem of the order. */
static void
problem_words(const struct form *form, const struct problem *pr,
    struct session_problem *out)
{
	size_t item;
	char *fp = form_path(pr->path, &item);
	const struct field *f = form_find(form, fp);

	if (f == NULL && item > 0) {	/* a list-of-strings item */
		fp[strlen(fp) - 2] = '\0';
		f = form_find(form, fp);
	}
	out->path = xstrdup(pr->path);
	out->message = xstrdup(pr->message);
	out->warning = pr->warning;
	out->screen = f != NULL ? f->screen : SIZE_MAX;
	if (f == NULL)
		out->label = xstrdup(*pr->path != '\0' ? pr->path :
		    _("the order"));
	else if (item > 0)
		out->label = xasprintf("%s #%zu", form_text(f->label), item);
	else
		out->label = xstrdup(form_text(f->label));
	if (f != NULL)
		out->text = xasprintf(_("%s (screen %s): %s%s"), out->label,
		    form_text(form->screens[f->screen].title), out->warning ?
		    _("warning: ") : "", out->message);
	else
		out->text = xasprintf("%s: %s%s", out->label, out->warning ?
		    _("warning: ") : "", out->message);
	free(fp);
}

/* Problems of the order (p) by label and screen, errors first. */
size_t
session_problems_of(const struct session *s, const struct problems *p,
    struct session_problem **out)
{
	size_t i, n = 0;
	int pass;

	*out = p->n > 0 ? xcalloc(p->n, sizeof **out) : NULL;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < p->n; i++) {
			if (p->v[i].warning == pass)
				problem_words(s->form, &p->v[i], &(*out)[n++]);
		}
	}
	return n;
}

/* The problems of the order by label and screen, errors first. */
size_t
session_problems(const struct session *s, struct session_problem **out)
{
	struct problems p = { NULL, 0 };
	size_t n;

	session_check(s, &p);
	n = session_problems_of(s, &p, out);
	problems_free(&p);
	return n;
}

/* Releases an array from session_problems(). */
void
session_problems_free(struct session_problem *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].label);
		free(v[i].message);
		free(v[i].text);
	}
	free(v);
}
