/* session_wipe.c: wiping the card data from a session's answers once an
 * order was sent. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Wipes and removes the answer at a field path (lists: in every item). */
static void
wipe_path(cJSON *node, const char *path)
{
	const char *dot = strchr(path, '.');
	size_t n = dot != NULL ? (size_t)(dot - path) : strlen(path);
	char *name = xstrndup(path, n);
	int list = n > 2 && strcmp(name + n - 2, "[]") == 0;
	cJSON *child, *item;

	if (list)
		name[n - 2] = '\0';
	child = cJSON_GetObjectItemCaseSensitive(node, name);
	if (child != NULL && dot == NULL) {
		json_wipe(child);
		cJSON_DeleteItemFromObjectCaseSensitive(node, name);
	} else if (child != NULL && list) {
		cJSON_ArrayForEach(item, child)
			wipe_path(item, dot + 1);
	} else if (child != NULL)
		wipe_path(child, dot + 1);
	free(name);
}

/* Wipes and removes every secret answer (card number, CVV). */
void
session_wipe_secrets(struct session *s)
{
	size_t i;

	for (i = 0; i < s->form->nfields; i++) {
		if (s->form->fields[i].secret)
			wipe_path(s->answers, s->form->fields[i].path);
	}
}
