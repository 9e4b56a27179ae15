/* expr.h: the condition language of form files ("a == 'x' && !b").
 *
 * Ownership: expr_parse() returns a tree the caller releases with
 * expr_free(); on failure it stores an allocated message in *cause that the
 * caller frees. expr_words() returns an allocated string the caller frees.
 * expr_source() and the names passed to callbacks are owned by the tree and
 * live until expr_free(). Values returned by a lookup function belong to the
 * lookup's owner; expr only reads them.
 */
#ifndef CERTWIZ_EXPR_H
#define CERTWIZ_EXPR_H

#include <cjson/cJSON.h>

struct expr;

/* Parses src; on error returns NULL and sets *cause to an allocated message. */
struct expr *expr_parse(const char *src, char **cause);
/* Releases a tree from expr_parse(); NULL is ignored. */
void expr_free(struct expr *e);
/* Calls fn(name, arg) for every field name the condition mentions, in
 * order; stops at and returns the first nonzero result, else 0. */
int expr_walk_names(const struct expr *e,
    int (*fn)(const char *name, void *arg), void *arg);
/* Looks a name up; returns the current value or NULL when it has none. */
typedef const cJSON *(*expr_lookup_fn)(const char *name, void *arg);
/* Evaluates e against the values lookup returns: 1 true, 0 false. */
int expr_eval(const struct expr *e, expr_lookup_fn lookup, void *arg);
/* Says e in words, for a person; allocated. Allowed values that differ
 * only in letter case are said once ("us, US" as "US"). */
char *expr_words(const struct expr *e);
/* How a caller says a field name in words (its label, say): allocated, or
 * NULL to keep the name as written. */
typedef char *(*expr_name_fn)(const char *name, void *arg);
/* Says e in words with every name said by name(name, arg); allocated. */
char *expr_words_named(const struct expr *e, expr_name_fn name, void *arg);
/* The source text as given; owned by e. */
const char *expr_source(const struct expr *e);

#endif
