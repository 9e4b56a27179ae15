/* form_words.h: a form's conditions said with its fields' labels.
 *
 * Ownership: form_cond_words() returns an allocated string the caller
 * frees.
 */
#ifndef CERTWIZ_FORM_WORDS_H
#define CERTWIZ_FORM_WORDS_H

#include <stddef.h>

struct expr;
struct form;

/* Says condition e with each field by its label ("Payment method is
 * card", "Country is US or CA"); a label that other fields share is said
 * with its object's ("Country of Shipping address") unless the object is
 * parent, the one the field being explained sits in (SIZE_MAX: top). */
char	*form_cond_words(const struct form *form, const struct expr *e,
	    size_t parent);

#endif
