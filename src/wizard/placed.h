/* placed.h: the answers of placed orders, kept so that a new order can
 * start from them ("certwiz wizard --copy ORDER_ID": a renewal or a
 * replacement for the same holder needs only what changes, a new CSR).
 *
 * A placed order's answers are kept in the state directory's "placed"
 * folder (made with mode 0700) as ORDER_ID.json, in a draft's format
 * ({"product": ID, "saved": ISO time, "answers": {...}}), written
 * atomically with mode 0600. They never hold a secret field (card
 * number, CVV), the alternative order ID or a CSR: a copy is a new order
 * with its own ID and key.
 *
 * Ownership: every char * and cJSON tree returned is allocated and the
 * caller's; errors come back as an allocated message in *cause.
 */
#ifndef CERTWIZ_PLACED_H
#define CERTWIZ_PLACED_H

#include <cjson/cJSON.h>

struct session;

/* The folder of placed orders' answers (not created); allocated. */
char	*placed_dir(void);
/* Keeps the answers of the order placed as order_id (digits); 0, or -1
 * with *cause. */
int	 placed_save(const struct session *s, const char *order_id,
	    char **cause);
/* Reads the answers kept for order_id into *product and *answers; 0, or
 * -1 with *cause (naming the folder when there are none). */
int	 placed_load(const char *order_id, char **product, cJSON **answers,
	    char **cause);

#endif
