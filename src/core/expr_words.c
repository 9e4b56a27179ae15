/* expr_words.c: saying a condition in words, for people. */
#include "core/expr.h"

#include <stdlib.h>
#include <string.h>

#include "core/expr_int.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A growing string. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
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
	return (e);
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

/* Appends the literals of e joined as "x, y or z" or "x nor y". */
static void
words_lits(struct buf *b, const struct expr *e, const char *last)
{
	size_t	i;

	for (i = 0; i < e->nlits; i++) {
		if (i > 0)
			buf_add(b, (i == e->nlits - 1) ? last : ", ");
		words_lit(b, &e->lits[i]);
	}
}

/* Appends a name == / != / in test, negated if neg. */
static void
words_is(struct buf *b, const struct expr *e, int neg)
{
	buf_add(b, e->name);
	if (e->nlits == 1 && e->lits[0].type == L_NULL) {
		buf_add(b, neg ? _(" is given") : _(" is not given"));
		return;
	}
	if (!neg) {
		buf_add(b, _(" is "));
		words_lits(b, e, " or ");
	} else if (e->nlits == 1) {
		buf_add(b, _(" is not "));
		words_lit(b, &e->lits[0]);
	} else if (e->nlits == 2) {
		buf_add(b, _(" is neither "));
		words_lits(b, e, " nor ");
	} else {
		buf_add(b, _(" is none of "));
		words_lits(b, e, " or ");
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
		buf_add(b, e->name);
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
	struct buf	b = { NULL, 0, 0 };

	buf_add(&b, "");
	words_node(&b, e, 0);
	return (b.s);
}
