/* result_words.h: what happens after an order is placed, in sentences
 * derived from the order actually sent (its body) and CertCentral's
 * answer, for the curses result screen and plain mode alike.
 *
 * Ownership: result_next_words() returns an allocated string the caller
 * frees; body and res are only read.
 */
#ifndef CERTWIZ_RESULT_WORDS_H
#define CERTWIZ_RESULT_WORDS_H

#include <cjson/cJSON.h>

struct api_result;
struct form;

/* The "what happens next" paragraph for an order of form placed with
 * body: approval, who is asked to confirm by email (only people the body
 * names), the delivery its provisioning method means, and the status
 * command to follow it (command: "certwiz" or "certwiz --sandbox"). */
char	*result_next_words(const struct form *form, const cJSON *body,
	    const struct api_result *res, const char *command);

#endif
