/* problems.h: the errors and warnings found in an order, each at a path.
 *
 * Ownership: a struct problems owns its paths and messages; release them with
 * problems_free(). The struct itself is the caller's (usually on the stack,
 * zero-initialised).
 */
#ifndef CERTWIZ_PROBLEMS_H
#define CERTWIZ_PROBLEMS_H

#include <stddef.h>

/* One error or warning at a concrete path (organization.contacts[0].email). */
struct problem {
	char	*path;
	char	*message;
	int	 warning;
	int	 missing;	/* a required value is absent (order_check) */
};

/* A growing list of problems, in the order they were found. */
struct problems {
	struct problem	*v;
	size_t		 n;
};

/* Adds a problem; path may be "" for the body as a whole. */
void	problems_add(struct problems *p, int warning, const char *path,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Counts the errors (not warnings). */
size_t	problems_errors(const struct problems *p);
/* Releases everything the list holds and empties it. */
void	problems_free(struct problems *p);

#endif
