/* schema.h: a product's order body as a JSON Schema (draft 2020-12),
 * generated from its form (each type's pattern, bounds and note come from
 * field_types[], core/field_type.h).
 *
 * Ownership: schema_form() and schema_expr() return new cJSON trees the
 * caller releases with cJSON_Delete().
 */
#ifndef CERTWIZ_SCHEMA_H
#define CERTWIZ_SCHEMA_H

#include <cjson/cJSON.h>

#include "core/form.h"

struct expr;

/* A schema that holds of an object at scope when e holds there; scope is
 * "" for the body or a list's path with "[]." ("organization.contacts[].")
 * for its items. NULL when e names a field outside the scope. */
cJSON		*schema_expr(const struct form *form, const struct expr *e,
		    const char *scope);
/* The JSON Schema of a product's order body; the rules it cannot say are
 * listed in its description. */
cJSON		*schema_form(const struct form *form);

#endif
