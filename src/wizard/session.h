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
 * outside list items, inside optional objects too; an optional object whose
 * answers are all defaults is not sent (session_slot_sent()), so a default
 * never puts an object in the body. Setting "" on an object slot removes
 * the object's answers (its members' defaults come back).
 *
 * Values that depend on another answer (Key size on Key type) follow it:
 * when a change leaves one no longer allowed, session_set_text() replaces it
 * with its default (or the first allowed value) and keeps a notice for the
 * front end, "Key size set to p-256: 2048 is not allowed when Key type is
 * ecc", which session_notice_take() hands over.
 */
#ifndef CERTWIZ_SESSION_H
#define CERTWIZ_SESSION_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/answers.h"

struct api;
struct form;
struct lookup;
struct problems;

/* A session: the form, the answers (a tree shaped like the body) and
 * "today". */
struct session {
	const struct form	*form;
	cJSON			*answers;
	time_t			 now;
	int			 changed;	/* changed since last saved */
	char			*notice;	/* change made by itself */
};

/* One problem of the order as a person reads it (session_problems()). */
struct session_problem {
	char	*path;		/* concrete: organization.contacts[0].email */
	char	*label;		/* Email #1, or the path without a field */
	char	*message;	/* must be an email address ... */
	char	*text;		/* "Email #1 (screen Organization): ..." */
	size_t	 screen;	/* the field's screen, or SIZE_MAX */
	int	 warning;
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
	int	 item;			/* -1, or a string list's item */
};

/* Starts a session with every default filled in. */
struct session	*session_new(const struct form *form, time_t now);
/* Starts a session from an existing body; unknown fields go to p as
 * warnings. */
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
char		*session_get_text(const struct session *s,
		    const struct slot *slot);
/* Sets the answer at a slot from typed text ("" clears it); returns the
 * slot's error with the answers as they now are, or NULL. */
char		*session_set_text(struct session *s, const struct slot *slot,
		    const char *text);
/* The answer of a field outside lists by its form path, as text ("" when
 * there is none), or NULL when the form has no such field. */
char		*session_get_field(const struct session *s, const char *path);
/* Sets the answer of a field outside lists by its form path ("" clears
 * it); 0, or -1 when the form has no such field. */
int		 session_set_field(struct session *s, const char *path,
		    const char *text);
/* Gives an order to be sent its alternative order ID when its form has
 * the field and none is set, so what is shown, kept and written is what
 * is sent; 1 when a new ID was set, else 0. */
int		 session_alt_id(struct session *s);
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
/* Says in words, with labels, why a slot is asked and whether it is
 * required now, the whole chain of reasons: "Card number is required
 * because Payment method is card (screen Payment)."; an optional field
 * says when it would be sent (session_explain.c). */
char		*session_why(const struct session *s, const struct slot *slot);
/* The field's help for the session's "today" (date examples ahead). */
char		*session_help(const struct session *s,
		    const struct slot *slot);
/* The problems of the order by label and screen, errors first, in form
 * order; *out gets an array released with session_problems_free(). */
size_t		 session_problems(const struct session *s,
		    struct session_problem **out);
/* The same for a list of problems already found (session_check(), or
 * DigiCert's answer mapped to paths). */
size_t		 session_problems_of(const struct session *s,
		    const struct problems *p, struct session_problem **out);
/* Releases an array from session_problems(). */
void		 session_problems_free(struct session_problem *v, size_t n);
/* "Screen 4 of 8: Shipping": the one numbering of screens that the
 * wizard, plain mode and describe share (the form's order; screens not
 * shown for the answers are skipped, never renumbered). */
char		*session_screen_heading(const struct form *form,
		    size_t screen);
/* The notice of a change the session made by itself (a value that no
 * longer fitted another answer) after the last session_set_text(), or
 * NULL; it is handed over once. */
char		*session_notice_take(struct session *s);
/* 1 when the object (or list) at a slot is sent with the answers as they
 * are: required now, or holding an answer that is not a default. */
int		 session_slot_sent(const struct session *s,
		    const struct slot *slot);
/* 1 when the answer at a slot is its field's default. */
int		 session_slot_is_default(const struct session *s,
		    const struct slot *slot);
/* The text of a value as the session shows and reads it back: "null"
 * for JSON null (so it differs from no answer, ""), values joined by
 * ", " for arrays. */
char		*session_value_text(const cJSON *v);
/* Fills the default of every field outside list items that has none yet
 * (session.c). */
void		 session_fill_defaults(const struct form *form,
		    cJSON *answers);
/* The body as pretty JSON with card number (all but the last four digits)
 * and CVV masked. */
char		*session_body_masked(const struct session *s);
/* 1 when the field at a slot is required with the answers as they are:
 * its own rule holds and every object it sits in is sent (list-of-strings
 * items never are). Front ends mark these with "*". */
int		 session_slot_required(const struct session *s,
		    const struct slot *slot);
/* 1 when a slot is an object's heading (it holds no value of its own, so
 * the focus never rests on it). */
int		 session_slot_heading(const struct session *s,
		    const struct slot *slot);
/* Where an answer is still needed (session_next.c): a field needs one
 * when it is required now and empty (an item's fields too, though the
 * body leaves an empty item out), or when p (from session_check()) has an
 * error at its path; an error at an object or list item counts for its
 * first field. Optional fields, fields
 * whose answer is valid (defaults and remembered answers included) and so
 * fields with one possible value, which the form fills in, need nothing.
 * Finds the next such field in form order over the shown screens, after
 * the field at path after on screen (after NULL: from the start of
 * screen), going on past the last screen to the first and leaving out
 * after itself; 0 with *screen_out and *path_out (allocated), or -1 when
 * no other field needs an answer. */
int		 session_next_needed(const struct session *s,
		    const struct problems *p, size_t screen, const char *after,
		    size_t *screen_out, char **path_out);
/* 1 when the slot of screen needs an answer, as session_next_needed()
 * counts it. */
int		 session_slot_needed(const struct session *s,
		    const struct problems *p, size_t screen,
		    const struct slot *slot);
/* After a placed order that created its organization (reading 15): the
 * answers name that organization by the new ID from now on, so recall
 * keeps the ID; org_id NULL or "" changes nothing. */
void		 session_adopt_org(struct session *s, const char *org_id);
/* A copy of the answers with every secret field (card number, CVV) and
 * every object that is not sent left out, for drafts and recall.json; the
 * caller deletes it. */
cJSON		*session_answers_public(const struct session *s);
/* Overwrites and removes every secret answer (card number, CVV), e.g.
 * once the order was sent (session_wipe.c). */
void		 session_wipe_secrets(struct session *s);
/* The look-up of the field at a slot (core/lookup.h), or NULL. */
const struct lookup *session_slot_lookup(const struct session *s,
		    const struct slot *slot);
/* Fetches a look-up's list for the session's product with api (users
 * matching search when it is not NULL or empty): *out gets an array the
 * caller deletes; 0, or -1 with *cause (session_lookup.c). */
int		 session_lookup_fetch(const struct session *s,
		    struct api *api, const struct lookup *lk,
		    const char *search, cJSON **out, char **cause);
/* A member of a look-up entry as text ("" when it has none). */
char		*session_entry_text(const cJSON *entry, const char *name);
/* Sets the slot to the entry's "id", and each sibling field the look-up
 * fills to the entry's member of the same name; returns the slot's error
 * or NULL. */
char		*session_fill_entry(struct session *s, const struct slot *slot,
		    const struct lookup *lk, const cJSON *entry);
/* The CSR at a slot in words ("ECC P-256, CN=example.com, signature
 * valid", or why it was not read), or NULL when the slot holds none
 * (session_csr.c). */
char		*session_csr_words(const struct session *s,
		    const struct slot *slot);
/* Sets the key type and size fields the CSR field at slot names
 * ("key_type", "key_size") from its CSR's key; 0, or -1; *msg says what
 * was done or why not (allocated). */
int		 session_csr_set_keys(struct session *s,
		    const struct slot *slot, char **msg);

#endif
