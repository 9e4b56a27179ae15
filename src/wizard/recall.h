/* recall.h: answers worth reusing in the next order, kept per platform in
 * $XDG_STATE_HOME/certwiz/recall.json (default
 * ~/.local/state/certwiz/recall.json).
 *
 * Which answers are kept is the form's choice: every field with
 * "remember": true (the organization ID, its contacts, the shipping
 * address) is kept under the product's platform ("us" or "eu":
 * organizations belong to an account); every field with "remember":
 * "product" (the order's choices: profile, provisioning method, signature
 * hash, years, payment method ...) under the product itself. After an
 * order is placed, or a dry run finished, the answers of those fields
 * that apply are stored, the platform's merged in, the product's replaced
 * by this order's:
 *
 *   {"us": {"organization": {"id": "123456", "contacts": [...]}},
 *    "products": {"document_signing_org_1":
 *                 {"order_validity": {"years": 1}}}}
 *
 * The file is written atomically with mode 0600 in a 0700 directory. It
 * never holds card data: form_check() refuses "remember" on secret
 * fields, on objects around them and on their screens, and the answers
 * are copied without secret fields. A new session starts with the
 * remembered answers of its platform and product filled in, as ordinary
 * answers the user may change; a path its form lacks, or a value its
 * field does not allow given the answers so far, is not filled in.
 *
 * Ownership: struct recall is the caller's; recall_apply() stores
 * allocated paths in it, released by recall_free(). Every char * returned
 * is allocated and the caller's; errors come back as an allocated *cause.
 */
#ifndef CERTWIZ_RECALL_H
#define CERTWIZ_RECALL_H

#include <stddef.h>

struct session;

/* The answers a session was given from recall.json. */
struct recall {
	char	**paths;	/* form paths filled in, in form order */
	size_t	  n;
};

/* The recall file's path (not created). */
char	*recall_path(void);
/* Fills in the session the answers remembered for its platform and
 * product; returns how many paths were filled (0 when there is nothing,
 * or no file). */
size_t	 recall_apply(struct session *s, struct recall *r);
/* Removes the answers recall_apply() filled in (as they are now), the
 * form's defaults coming back, and empties r. */
void	 recall_clear(struct session *s, struct recall *r);
/* Keeps the remembered answers of a finished order, reading and writing
 * recall.json under its lock so that two sessions never lose each other's
 * answers; 0, or -1 with *cause (nothing to keep is 0). */
int	 recall_save(const struct session *s, char **cause);
/* "organization 123456 and 1 contact", for the curses status line. */
char	*recall_summary(const struct session *s, const struct recall *r);
/* "remembered from your last US order: organization.id, ..." */
char	*recall_note_plain(const struct session *s, const struct recall *r);
/* Releases what r holds. */
void	 recall_free(struct recall *r);

#endif
