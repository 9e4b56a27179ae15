/* expr_words.c: saying a condition in words, for people. */
#include "config.h"

#include "core/expr_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/expr.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* A growing string, and how names are said. */
struct buf {
	char		*s;
	size_t		 len;
	size_t		 cap;
	expr_name_fn	 name;		/* NULL: names as written */
	void		*arg;
};

/* Appends s to b. */
static void
buf_add(struct buf *b, const char *s)
{
	size_t	n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* Returns e without its leading negations, toggling *neg for each. */
static const struct expr *
strip_not(const struct expr *e, int *neg)
{
	while (e->kind == E_NOT) {
		*neg = !*neg;
		e = e->kids[0];
	}
	return e;
}

/* Appends a literal as a person would say it. */
static void
words_lit(struct buf *b, const struct lit *l)
{
	if (l->type == L_NULL)
		buf_add(b, _("not given"));
	else if (l->type == L_STR && *l->text == '\0')
		buf_add(b, _("empty"));
	else
		buf_add(b, l->text);
}

/* The number of capital letters in a literal's text. */
static size_t
capitals(const struct lit *l)
{
	const char	*p;
	size_t		 n = 0;

	for (p = l->text != NULL ? l->text : ""; *p != '\0'; p++)
		n += isupper((unsigned char)*p) != 0;
	return n;
}

/* 1 when literal i only repeats another in other letter case ("us" beside
 * "US"): the one with more capitals, else the first, is said. */
static int
lit_repeats(const struct expr *e, size_t i)
{
	const struct lit	*a = &e->lits[i], *o;
	size_t			 j;

	for (j = 0; j < e->nlits; j++) {
		o = &e->lits[j];
		if (j == i || a->text == NULL || o->text == NULL ||
		    strcasecmp(a->text, o->text) != 0)
			continue;
		if (capitals(o) > capitals(a) ||
		    (capitals(o) == capitals(a) && j < i))
			return 1;
	}
	return 0;
}

/* The number of literals of e that are said. */
static size_t
lits_said(const struct expr *e)
{
	size_t	i, n = 0;

	for (i = 0; i < e->nlits; i++)
		n += !lit_repeats(e, i);
	return n;
}

/* Appends the literals of e joined as "x, y or z" or "x nor y". */
static void
words_lits(struct buf *b, const struct expr *e, const char *last)
{
	size_t	i, k = 0, n = lits_said(e);

	for (i = 0; i < e->nlits; i++) {
		if (lit_repeats(e, i))
			continue;
		if (k > 0)
			buf_add(b, (k == n - 1) ? last : ", ");
		words_lit(b, &e->lits[i]);
		k++;
	}
}

/* Appends a name as the caller says it (a label), or as written. */
static void
words_name(struct buf *b, const char *name)
{
	char	*said;

	if (b->name == NULL || (said = b->name(name, b->arg)) == NULL) {
		buf_add(b, name);
		return;
	}
	buf_add(b, said);
	free(said);
}

/* Appends a name == / != / in test, negated if neg. */
static void
words_is(struct buf *b, const struct expr *e, int neg)
{
	size_t	n = lits_said(e);

	words_name(b, e->name);
	if (e->nlits == 1 && e->lits[0].type == L_NULL) {
		buf_add(b, neg ? _(" is given") : _(" is not given"));
		return;
	}
	if (!neg) {
		buf_add(b, _(" is "));
		words_lits(b, e, _(" or "));
	} else if (n == 1) {
		buf_add(b, _(" is not "));
		words_lits(b, e, _(" or "));
	} else if (n == 2) {
		buf_add(b, _(" is neither "));
		words_lits(b, e, _(" nor "));
	} else {
		buf_add(b, _(" is none of "));
		words_lits(b, e, _(" or "));
	}
}

static void words_node(struct buf *, const struct expr *, int);

/* Appends the children of an and/or node joined by their conjunction. */
static void
words_chain(struct buf *b, const struct expr *e)
{
	const struct expr	*kid;
	size_t			 i;
	int			 neg, wrap;

	for (i = 0; i < e->nkids; i++) {
		if (i > 0)
			buf_add(b, e->kind == E_AND ? _(" and ") : _(" or "));
		neg = 0;
		kid = strip_not(e->kids[i], &neg);
		wrap = !neg && (kid->kind == E_AND || kid->kind == E_OR) &&
		    kid->kind != e->kind;
		if (wrap)
			buf_add(b, "(");
		words_node(b, kid, neg);
		if (wrap)
			buf_add(b, ")");
	}
}

/* Appends e in words, negated if neg. */
static void
words_node(struct buf *b, const struct expr *e, int neg)
{
	e = strip_not(e, &neg);
	switch (e->kind) {
	case E_PRESENT:
		words_name(b, e->name);
		buf_add(b, neg ? _(" is not given") : _(" is given"));
		break;
	case E_IS:
		words_is(b, e, neg != e->neg);
		break;
	case E_AND:
	case E_OR:
		if (neg)
			buf_add(b, _("not ("));
		words_chain(b, e);
		if (neg)
			buf_add(b, ")");
		break;
	case E_NOT:
		break;
	}
}

/* Says e in words, for a person; allocated. */
char *
expr_words(const struct expr *e)
{
	return expr_words_named(e, NULL, NULL);
}

/* Says e in words with each name as name(name, arg) says it; allocated. */
char *
expr_words_named(const struct expr *e, expr_name_fn name, void *arg)
{
	struct buf	b = { .name = name, .arg = arg };

	buf_add(&b, "");
	words_node(&b, e, 0);
	return b.s;
}
