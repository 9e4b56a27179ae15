/* answers.h: answers kept as a JSON tree shaped like the request body.
 *
 * Paths are field paths ("organization.contacts[].email"); each "[]" segment
 * is bound, in order, to one entry of an index array. Ownership: answers_get()
 * returns a pointer into the tree (not to be freed); answers_set() takes
 * ownership of the value it is given.
 */
#ifndef CERTWIZ_ANSWERS_H
#define CERTWIZ_ANSWERS_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct expr;

/* Most "[]" segments a path may hold. */
#define ANSWERS_MAX_DEPTH 8

/* The value at path with its [] bound to index[], or NULL when there is
 * none. */
const cJSON	*answers_get(const cJSON *answers, const char *path,
		    const size_t *index, size_t nindex);
/* Stores value at path, creating objects and array slots on the way; 0 or
 * -1. */
int		 answers_set(cJSON *answers, const char *path,
		    const size_t *index, size_t nindex, cJSON *value);
/* Evaluates a condition with names resolved against answers and index[]. */
int		 answers_eval(const struct expr *e, const cJSON *answers,
		    const size_t *index, size_t nindex);
/* 1 when a value is there to be checked: not null, a blank string (empty
 * or only white space) or []. */
int		 answers_present(const cJSON *value);
/* The last segment of a path without any "[]" ("email" of "a.b[].email"). */
char		*answers_leaf(const char *path);

#endif
