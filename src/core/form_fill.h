/* form_fill.h: turning expanded form JSON into fields and screens (internal
 * to the form loader).
 *
 * Ownership: form_fill() stores allocated members in form, which form_free()
 * releases even when form_fill() fails half-way.
 */
#ifndef CERTWIZ_FORM_FILL_H
#define CERTWIZ_FORM_FILL_H

#include <cjson/cJSON.h>

struct form;

/* Fills form's screens and fields from expanded screens, and checks them. */
int	form_fill(struct form *form, const cJSON *screens, char **cause);
/* 1 when name is a key a field object may have (the one list of them). */
int	form_field_key(const char *name);

#endif
