/* plain_lookup.c: plain mode's look-ups: at the prompt of a field with
 * "lookup" (organization, server platform, user, container), "??" lists
 * the account's entries as numbered lines, and an answer that is a number
 * from the list or one of its IDs picks that entry. Offered only when a
 * key is known; a failed look-up leaves typing open. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "core/lookup.h"
#include "plain/plain_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The cached list of a look-up (fetched once a run), or NULL. */
static cJSON **
cached(struct walk *w, const struct lookup *lk)
{
	size_t i;

	for (i = 0; i < PLAIN_LOOKUPS; i++) {
		if (w->kinds[i] == lk || w->kinds[i] == NULL) {
			w->kinds[i] = lk;
			return &w->lists[i];
		}
	}
	return NULL;
}

/* Prints one entry: "[path]   n) id column ..." */
static void
print_entry(struct walk *w, const struct slot *slot,
    const struct lookup *lk, const cJSON *e, int n)
{
	char *cell;
	size_t i;

	fprintf(w->out, "[%s]   %d)", slot->path, n);
	for (i = 0; lk->columns[i] != NULL; i++) {
		cell = session_entry_text(e, lk->columns[i]);
		if (*cell != '\0')
			fprintf(w->out, " %s", cell);
		free(cell);
	}
	fputc('\n', w->out);
}

/* Says before the prompt of a look-up field that "??" lists the
 * account's entries (only when a key is known: nothing is fetched yet). */
void
plain_lookup_offer(struct walk *w, const struct slot *slot)
{
	const struct lookup *lk = session_slot_lookup(w->s, slot);
	char *cause = NULL;

	w->offered = NULL;
	w->offered_kind = NULL;
	if (lk == NULL || w->o->api == NULL)
		return;
	if (api_has_key(w->o->api, w->s->form->platform, &cause) != 1) {
		free(cause);
		return;
	}
	w->offered_kind = lk;
	fprintf(w->out, _("[%s] (?? lists the %s%s)\n"), slot->path,
	    _(lk->what),
	    lk->fills != NULL ? _("; picking one fills in the contact") : "");
}

/* Fetches (once a run) and prints the numbered list of the look-up. */
static void
list_entries(struct walk *w, const struct slot *slot)
{
	const struct lookup *lk = w->offered_kind;
	cJSON **list = cached(w, lk);
	char *cause = NULL;
	const cJSON *e;
	int n = 0;

	if (list == NULL)
		return;
	if (*list == NULL && session_lookup_fetch(w->s, w->o->api, lk, NULL,
	    list, &cause) != 0) {
		fprintf(w->out, _("[%s] the look-up of the %s failed (%s); "
		    "type the ID\n"), slot->path, _(lk->what), cause);
		free(cause);
		return;
	}
	if (cJSON_GetArraySize(*list) == 0) {
		fprintf(w->out,
		    _("[%s] the look-up found no %s; type the ID\n"),
		    slot->path, _(lk->what));
		return;
	}
	fprintf(w->out, _("[%s] %s: answer a number from the list, or an ID\n"),
	    slot->path, _(lk->title));
	cJSON_ArrayForEach(e, *list)
		print_entry(w, slot, lk, e, ++n);
	w->offered = *list;
}

/* The entry line picks from the offered list (an ID, or a number), or
 * NULL. */
static const cJSON *
picked(const struct walk *w, const char *line)
{
	const cJSON *e;
	char *id, *end;
	long n;
	int hit;

	cJSON_ArrayForEach(e, w->offered) {
		id = session_entry_text(e, "id");
		hit = strcmp(id, line) == 0;
		free(id);
		if (hit)
			return e;
	}
	errno = 0;
	n = strtol(line, &end, 10);
	if (*line == '\0' || *end != '\0' || errno != 0 || n < 1 ||
	    n > cJSON_GetArraySize(w->offered))
		return NULL;
	return cJSON_GetArrayItem(w->offered, (int)n - 1);
}

/* Handles an answer to a look-up field: lists, picks, or passes it on. */
int
plain_lookup_answer(struct walk *w, const struct slot *slot,
    const char *line, char **err)
{
	const cJSON *e;

	*err = NULL;
	if (w->offered_kind == NULL)
		return 0;
	if (strcmp(line, "??") == 0) {
		list_entries(w, slot);
		return 2;
	}
	if (w->offered == NULL || (e = picked(w, line)) == NULL)
		return 0;
	*err = session_fill_entry(w->s, slot, w->offered_kind, e);
	return 1;
}

/* Releases the cached lists of a walk. */
void
plain_lookup_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < PLAIN_LOOKUPS; i++)
		cJSON_Delete(w->lists[i]);
}
