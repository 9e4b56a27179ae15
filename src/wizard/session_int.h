/* session_int.h: what the session's files share (internal).
 *
 * Ownership: session_cond_words() returns an allocated string the caller
 * frees; session_sent_answers() a tree the caller deletes.
 */
#ifndef CERTWIZ_SESSION_INT_H
#define CERTWIZ_SESSION_INT_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct expr;
struct session;

/* A condition in words with labels, followed by the screens of the fields
 * it names: "Payment method is card (screen Payment)"; allocated. */
char	*session_cond_words(const struct session *s, const struct expr *e,
	    size_t parent);
/* 1 when object field fi (index[] bound) is sent with the answers. */
int	session_object_sent(const struct session *s, size_t fi,
	    const size_t *index, size_t nindex);
/* The innermost object around fi that is not sent, or SIZE_MAX. */
size_t	session_unsent_ancestor(const struct session *s, size_t fi,
	    const size_t *index, size_t nindex);
/* 1 when field fi's own rule (required, or required_if) holds. */
int	session_rule_holds(const struct session *s, size_t fi,
	    const size_t *index, size_t nindex);
/* A copy of the answers without the objects that are not sent. */
cJSON	*session_sent_answers(const struct session *s);
/* Makes every answer that depends on another fit it again (Key size on
 * Key type), keeping a notice of each change in s->notice. */
void	session_follow(struct session *s);

#endif
