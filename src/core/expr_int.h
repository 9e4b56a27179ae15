/* expr_int.h: the tree of a parsed condition, shared by the parser
 * (expr_parse.c), the evaluator (expr_eval.c) and the printer
 * (expr_words.c). Internal to the condition language; the rest of certwiz
 * includes core/expr.h.
 *
 * Ownership: a tree and everything in it belong to its root, released
 * with expr_free().
 */
#ifndef CERTWIZ_EXPR_INT_H
#define CERTWIZ_EXPR_INT_H

#include <stddef.h>

enum expr_kind {
	E_OR,
	E_AND,
	E_NOT,
	E_PRESENT,	/* name */
	E_IS		/* name == lit, name != lit, name in (lit, ...) */
};

enum lit_type {
	L_STR,
	L_NUM,
	L_TRUE,
	L_FALSE,
	L_NULL
};

struct lit {
	enum lit_type	 type;
	char		*text;		/* text form; NULL for L_NULL */
};

struct expr {
	enum expr_kind	  kind;
	char		 *name;		/* E_PRESENT, E_IS */
	int		  neg;		/* E_IS: != */
	struct lit	 *lits;		/* E_IS */
	size_t		  nlits;
	struct expr	**kids;		/* E_OR, E_AND, E_NOT */
	size_t		  nkids;
	char		 *source;	/* root only */
};

#endif
