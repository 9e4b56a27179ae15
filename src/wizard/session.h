/* session.h: one wizard session: a product's form, the answers so far, and
 * which screens and fields apply now. The curses and plain front ends read
 * and change a session only through these functions, so no product rule is
 * written in a front end.
 *
 * Ownership: session_new() and session_load() return a session the caller
 * releases with session_free(); the session keeps a pointer to the form,
 * which must outlive it. Every char * returned is allocated and the caller
 * frees it; session_slots() returns an array released with
 * session_slots_free(); session_body() returns a cJSON tree the caller
 * deletes.
 *
 * Defaults: session_new() and session_load() fill the default of every field
 * whose ancestors are all required objects; defaults inside optional objects
 * and list items are not stored (that would put the object in the body), so
 * front ends show f->dflt as a placeholder and store it when accepted.
 * Setting "" on an object slot removes the object's answers.
 */
#ifndef CERTWIZ_SESSION_H
#define CERTWIZ_SESSION_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/answers.h"

struct form;
struct problems;

/* A session: the form, the answers (a tree shaped like the body) and "today". */
struct session {
	const struct form	*form;
	cJSON			*answers;
	time_t			 now;
	int			 changed;	/* changed since last saved */
};

/* One field as it stands on a screen: a form field with the indexes of the
 * list items it belongs to, and its concrete path. A list (FT_LIST or
 * FT_OBJECT_LIST) has one slot of its own, followed by the slots of its
 * items (organization.contacts[0].email ...). */
struct slot {
	size_t	 field;			/* index into form->fields */
	size_t	 index[ANSWERS_MAX_DEPTH];
	size_t	 nindex;
	char	*path;			/* organization.contacts[0].email */
	int	 item;			/* -1, or the item number for a list-of-strings item */
};

/* Starts a session with every default filled in. */
struct session	*session_new(const struct form *form, time_t now);
/* Starts a session from an existing body; unknown fields go to p as warnings. */
struct session	*session_load(const struct form *form, const cJSON *body,
		    time_t now, struct problems *p);
/* Releases a session and its answers. */
void		 session_free(struct session *s);

/* 1 when screen i is shown with the answers as they are. */
int		 session_screen_shown(const struct session *s, size_t screen);
/* The slots of screen i that apply now, in form order, lists expanded. */
size_t		 session_slots(const struct session *s, size_t screen,
		    struct slot **out);
/* Releases an array from session_slots(). */
void		 session_slots_free(struct slot *slots, size_t n);

/* The answer at a slot as text for editing ("" when there is none). */
char		*session_get_text(const struct session *s, const struct slot *slot);
/* Sets the answer at a slot from typed text ("" clears it); returns the
 * slot's error with the answers as they now are, or NULL. */
char		*session_set_text(struct session *s, const struct slot *slot,
		    const char *text);
/* Adds an empty item to the list at slot; returns its number. */
size_t		 session_list_add(struct session *s, const struct slot *list);
/* Removes item i of the list at slot. */
void		 session_list_remove(struct session *s, const struct slot *list,
		    size_t i);
/* The number of items in the list at slot. */
size_t		 session_list_count(const struct session *s,
		    const struct slot *list);

/* Builds the request body from the answers. */
cJSON		*session_body(const struct session *s);
/* Checks the whole order as it would be sent; problems at concrete paths. */
void		 session_check(const struct session *s, struct problems *p);
/* The first error of p at the slot's path, or NULL (points into p). */
const char	*session_slot_error(const struct problems *p,
		    const struct slot *slot);
/* Says why a slot is shown and whether it is required, in words. */
char		*session_why(const struct session *s, const struct slot *slot);
/* The body as pretty JSON with card number (all but the last four digits)
 * and CVV masked. */
char		*session_body_masked(const struct session *s);
/* 1 when the field at a slot is required with the answers as they are
 * (list-of-strings items never are). */
int		 session_slot_required(const struct session *s,
		    const struct slot *slot);
/* A copy of the answers with every secret field (card number, CVV) left
 * out, for drafts; the caller deletes it. */
cJSON		*session_answers_public(const struct session *s);
/* Overwrites and removes every secret answer (card number, CVV), e.g.
 * once the order was sent (session_wipe.c). */
void		 session_wipe_secrets(struct session *s);

#endif
