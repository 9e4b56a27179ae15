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
/* Builds the request body from answers: fields whose condition is false and
 * empty optional fields are left out; values are sent as the JSON types the
 * form gives (numeric text to numbers, CSRs on one line). */
cJSON	*order_build(const struct form *form, const cJSON *answers);
/* Loads a body into answers; fields the form does not know are left out and
 * reported as warnings in p. */
cJSON	*order_load(const struct form *form, const cJSON *body,
	    struct problems *p);

#endif
