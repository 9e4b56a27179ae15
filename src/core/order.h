/* order.h: from answers to a request body and back, and checking a body
 * against a product's form.
 *
 * Ownership: order_build() and order_load() return new cJSON trees the caller
 * releases with cJSON_Delete(); problems are added to the caller's list.
 */
#ifndef CERTWIZ_ORDER_H
#define CERTWIZ_ORDER_H

#include <time.h>

#include <cjson/cJSON.h>

struct form;
struct problems;

/* Checks a request body: every field, condition, value and limit of the
 * form; errors and warnings are added to p at their JSON paths. */
void	order_check(const struct form *form, const cJSON *body, time_t now,
	    struct problems *p);
/* The same, with the local fields (choices of the form that are never
 * sent) taken from answers where they hold them. */
void	order_check_answers(const struct form *form, const cJSON *body,
	    const cJSON *answers, time_t now, struct problems *p);
/* Sets the local fields of obj from answers (NULL: none) where they hold
 * them, else reads them off obj itself (a new organization when it has
 * organization.name); a body's own member of that name is dropped with a
 * warning, and a body that fits no value or several gets an error. */
void	order_set_local(const struct form *form, cJSON *obj,
	    const cJSON *answers, struct problems *p);
/* Builds the request body from answers: fields whose condition is false and
 * empty optional fields are left out; values are sent as the JSON types the
 * form gives (numeric text to numbers, CSRs on one line). */
cJSON	*order_build(const struct form *form, const cJSON *answers);
/* Loads a body into answers; fields the form does not know are left out and
 * reported as warnings in p. */
cJSON	*order_load(const struct form *form, const cJSON *body,
	    struct problems *p);

#endif
