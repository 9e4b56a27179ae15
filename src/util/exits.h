/* exits.h: the exit statuses every command and the wizard share (the
 * manual page's EXIT STATUS lists them).
 *
 * Ownership: constants only.
 */
#ifndef CERTWIZ_EXITS_H
#define CERTWIZ_EXITS_H

#define EXIT_OK		0
#define EXIT_INVALID	1
#define EXIT_USAGE	2
#define EXIT_FAILED	3	/* submit: failed, the order was not placed */
#define EXIT_UNKNOWN	4	/* submit: outcome unknown, no order found */
#define EXIT_DUPLICATE	5	/* submit: placed before, nothing was sent */
#define EXIT_NOMEM	70	/* out of memory (EX_SOFTWARE) */

#endif
