/* lookup.h: the look-ups a form field may name ("lookup": "users"): what
 * each lists, how a front end titles and shows its entries, and which
 * sibling fields a picked entry fills besides the ID.
 *
 * Ownership: everything returned points into a static table.
 */
#ifndef CERTWIZ_LOOKUP_H
#define CERTWIZ_LOOKUP_H

#include <stddef.h>

/* One look-up. */
struct lookup {
	const char	 *name;		/* as forms spell it: "users" */
	const char	 *what;		/* in messages: "users" */
	const char	 *title;	/* over a pick list */
	const char *const *columns;	/* entry members shown, in order */
	const char *const *fills;	/* sibling fields filled from the
					   entry's members of the same name,
					   or NULL */
};

/* The look-up called name, or NULL. */
const struct lookup	*lookup_find(const char *name);
/* The look-up at index i of the table, or NULL past its end. */
const struct lookup	*lookup_at(size_t i);

#endif
