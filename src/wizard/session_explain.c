/* session_explain.c: the session in words for a person: why a field is
 * asked and whether it is required now (the whole chain, with labels and
 * screens), its help, the order's problems by label and screen, and the
 * screens' one numbering. */
#include "config.h"

#include "wizard/session_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/field_help.h"
#include "core/form.h"
#include "core/form_words.h"
#include "core/problems.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Collects the screens of the fields a condition names (expr walker). */
struct screens {
	const struct form	*form;
	size_t			 v[8];
	size_t			 n;
};

/* Adds the screen of a named field once. */
static int
add_screen(const char *name, void *arg)
{
	struct screens *sc = arg;
	const struct field *f = form_find(sc->form, name);
	size_t i;

	if (f == NULL)
		return 0;
	for (i = 0; i < sc->n; i++) {
		if (sc->v[i] == f->screen)
			return 0;
	}
	if (sc->n < sizeof sc->v / sizeof sc->v[0])
		sc->v[sc->n++] = f->screen;
	return 0;
}

/* "(screen Payment)" or "(screens Payment and Certificate)"; allocated. */
static char *
screens_words(const struct form *form, const struct screens *sc)
{
	char *out = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < sc->n; i++) {
		next = xasprintf("%s%s%s", out, i == 0 ? "" : i + 1 == sc->n ?
		    _(" and ") : ", ",
		    form_text(form->screens[sc->v[i]].title));
		free(out);
		out = next;
	}
	next = xasprintf(sc->n > 1 ? _("(screens %s)") : _("(screen %s)"),
	    out);
	free(out);
	return next;
}

/* A condition in words with labels, then the screens it names. */
char *
session_cond_words(const struct session *s, const struct expr *e,
    size_t parent)
{
	struct screens sc = { s->form, { 0 }, 0 };
	char *words = form_cond_words(s->form, e, parent), *where;
	char *out;

	expr_walk_names(e, add_screen, &sc);
	if (sc.n == 0)
		return words;
	where = screens_words(s->form, &sc);
	out = xasprintf("%s %s", words, where);
	free(words);
	free(where);
	return out;
}

/* The nearest object or list around fi that is not always sent with its
 * parent, or SIZE_MAX. */
static size_t
gate(const struct form *form, size_t fi)
{
	size_t p;

	for (p = form->fields[fi].parent; p != SIZE_MAX;
	    p = form->fields[p].parent) {
		if (!form->fields[p].required || form->fields[p].type ==
		    FT_OBJECT_LIST)
			return p;
	}
	return SIZE_MAX;
}

/* How object g comes to be sent, after "once it is sent, which happens
 * "; allocated. */
static char *
sent_when(const struct session *s, size_t g)
{
	const struct field *gf = &s->form->fields[g];
	char *cond, *out;

	if (gf->required_if == NULL)
		return xstrdup(_("when any of its fields is filled in"));
	cond = session_cond_words(s, gf->required_if, gf->parent);
	out = xasprintf(_("when %s, or when any of its fields is filled in"),
	    cond);
	free(cond);
	return out;
}

/* Why a required field of an object that is not sent is optional now. */
static char *
why_unsent(const struct session *s, const struct slot *slot, size_t u)
{
	const struct field *f = &s->form->fields[slot->field];
	const char *g = form_text(s->form->fields[u].label);
	char *when = sent_when(s, u), *out;

	if (session_rule_holds(s, slot->field, slot->index, slot->nindex))
		out = xasprintf(_("%s is optional now: %s is not being sent. "
		    "%s becomes required once %s is sent, %s."),
		    form_text(f->label), g, form_text(f->label), g, when);
	else
		out = xasprintf(_("%s is optional: it is sent only when given, "
		    "and only while %s is sent (%s)."), form_text(f->label), g,
		    when);
	free(when);
	return out;
}

/* Why a field that is required now is required. */
static char *
why_required(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	size_t g = gate(s->form, slot->field);
	const struct field *gf;
	char *cond, *out;

	if (f->required_if != NULL) {
		cond = session_cond_words(s, f->required_if, f->parent);
		out = xasprintf(_("%s is required because %s."),
		    form_text(f->label), cond);
		free(cond);
		return out;
	}
	if (g == SIZE_MAX)
		return xasprintf(_("%s is required in every %s order."),
		    form_text(f->label), form_text(s->form->title));
	gf = &s->form->fields[g];
	if (gf->type == FT_OBJECT_LIST)
		return xasprintf(_("%s is required in every item of %s."),
		    form_text(f->label), form_text(gf->label));
	if (gf->required_if != NULL && session_rule_holds(s, g, slot->index,
	    slot->nindex)) {
		cond = session_cond_words(s, gf->required_if, gf->parent);
		out = xasprintf(_("%s is required because %s."),
		    form_text(f->label), cond);
		free(cond);
		return out;
	}
	return xasprintf(_("%s is required because %s is being sent (one of "
	    "its fields is filled in); with all of them empty, %s is left "
	    "out."), form_text(f->label), form_text(gf->label),
	    form_text(gf->label));
}

/* Why a field is required or optional with the answers as they are. */
static char *
why_rule(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	size_t u = session_unsent_ancestor(s, slot->field, slot->index,
	    slot->nindex);
	char *cond, *out;

	if (u != SIZE_MAX && (f->required || f->required_if != NULL))
		return why_unsent(s, slot, u);
	if (session_slot_required(s, slot))
		return why_required(s, slot);
	if (f->required_if != NULL) {
		cond = session_cond_words(s, f->required_if, f->parent);
		out = xasprintf(_("%s is optional now; it becomes required "
		    "when %s."), form_text(f->label), cond);
		free(cond);
		return out;
	}
	if (f->type == FT_OBJECT)
		return xasprintf(_("%s is optional: it is sent when any of its "
		    "fields is filled in."), form_text(f->label));
	if (u != SIZE_MAX)
		return why_unsent(s, slot, u);
	return xasprintf(_("%s is optional: it is sent only when given."),
	    form_text(f->label));
}

/* "It is asked because ..." for the whens of a field and its objects,
 * or NULL when it is always asked. */
static char *
why_asked(const struct session *s, size_t fi)
{
	char *out = NULL, *cond, *next;
	size_t p;

	for (p = fi; p != SIZE_MAX; p = s->form->fields[p].parent) {
		if (s->form->fields[p].when == NULL)
			continue;
		cond = session_cond_words(s, s->form->fields[p].when,
		    s->form->fields[p].parent);
		next = out == NULL ? xasprintf(_("It is asked because %s"),
		    cond) : xasprintf(_("%s and %s"), out, cond);
		free(out);
		free(cond);
		out = next;
	}
	if (out == NULL)
		return NULL;
	next = xasprintf("%s.", out);
	free(out);
	return next;
}

/* "Its default is 2048 (filled in)." or NULL. */
static char *
why_default(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	char *d, *out;

	if (f->dflt == NULL || slot->item >= 0)
		return NULL;
	d = session_value_text(f->dflt);
	out = xasprintf(_("Its default is %s%s."), d,
	    session_slot_is_default(s, slot) ? _(" (filled in)") : "");
	free(d);
	return out;
}

/* Says in words why a slot is asked and whether it is required now. */
char *
session_why(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	char *parts[3], *out, *next;
	size_t i;

	if (slot->item >= 0)
		return xasprintf(_("Item %d of %s is optional: an empty item "
		    "is left out."), slot->item + 1, form_text(f->label));
	parts[0] = why_rule(s, slot);
	parts[1] = why_default(s, slot);
	parts[2] = why_asked(s, slot->field);
	out = parts[0];
	for (i = 1; i < 3; i++) {
		if (parts[i] == NULL)
			continue;
		next = xasprintf("%s %s", out, parts[i]);
		free(out);
		free(parts[i]);
		out = next;
	}
	return out;
}

/* The field's help for the session's "today". */
char *
session_help(const struct session *s, const struct slot *slot)
{
	return field_help(&s->form->fields[slot->field], s->now);
}

/* "Screen 4 of 8: Shipping": the one numbering of screens. */
char *
session_screen_heading(const struct form *form, size_t screen)
{
	if (screen >= form->nscreens)
		return xstrdup("");
	return xasprintf(_("Screen %zu of %zu: %s"), screen + 1,
	    form->nscreens, form_text(form->screens[screen].title));
}
