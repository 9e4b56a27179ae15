/* expr_eval.c: evaluating a condition against the answers. */
#include "config.h"

#include "core/expr_int.h"

#include <string.h>
#include <strings.h>

#include "core/expr.h"
#include "core/value.h"

/* Evaluates a name == / != / in test. */
static int
eval_is(const struct expr *e, const cJSON *v)
{
	const struct lit	*l;
	const char		*text;
	char			 tmp[64];
	int			 given = value_given(v), match = 0;
	size_t			 i;

	text = given ? value_text(v, tmp, sizeof tmp) : NULL;
	for (i = 0; i < e->nlits && !match; i++) {
		l = &e->lits[i];
		if (l->type == L_NULL)
			match = !given;
		else if (l->type == L_STR)	/* reading 12: "Us" is "us" */
			match = (text != NULL &&
			    strcasecmp(text, l->text) == 0);
		else
			match = (text != NULL && strcmp(text, l->text) == 0);
	}
	return e->neg ? !match : match;
}

/* Evaluates e against the values lookup returns: 1 true, 0 false. */
int
expr_eval(const struct expr *e, expr_lookup_fn lookup, void *arg)
{
	size_t	i;

	switch (e->kind) {
	case E_PRESENT:
		return value_given(lookup(e->name, arg));
	case E_IS:
		return eval_is(e, lookup(e->name, arg));
	case E_NOT:
		return !expr_eval(e->kids[0], lookup, arg);
	case E_AND:
		for (i = 0; i < e->nkids; i++) {
			if (!expr_eval(e->kids[i], lookup, arg))
				return 0;
		}
		return 1;
	case E_OR:
		for (i = 0; i < e->nkids; i++) {
			if (expr_eval(e->kids[i], lookup, arg))
				return 1;
		}
		return 0;
	}
	return 0;
}
