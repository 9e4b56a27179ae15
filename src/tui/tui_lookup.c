/* tui_lookup.c: picking an ID from the account (F4 or Ctrl-L) on a field
 * whose form entry has "lookup": the organizations (name, ID, country) or
 * the product's server platforms. A failed look-up leaves typing open. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "tui/tui.h"
#include "tui/tui_int.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* Most rows of the pick list shown at once. */
#define LOOKUP_ROWS	12

/* The focused field's look-up ("organizations" ...), or NULL. */
static const char *
lookup_kind(const struct tui *t)
{
	if (t->mode != TM_FORM || t->focus >= t->nslots ||
	    t->slots[t->focus].item >= 0)
		return NULL;
	return t->s->form->fields[t->slots[t->focus].field].lookup;
}

/* 1 when F4 can pick a value for the focused field. */
int
lookup_available(const struct tui *t)
{
	return t->o->api != NULL && lookup_kind(t) != NULL;
}

/* Fetches the list for kind into *out; 0, or -1 with *cause. */
static int
lookup_fetch(struct tui *t, const char *kind, cJSON **out, char **cause)
{
	const char *platform = t->s->form->platform;

	if (strcmp(kind, "organizations") == 0)
		return api_list_organizations(t->o->api, platform, out, cause);
	return api_product_platforms(t->o->api, platform, t->s->form->id, out,
	    cause);
}

/* Opens the pick list for the focused field. */
void
lookup_open(struct tui *t)
{
	const char *kind = lookup_kind(t);
	char *cause = NULL;
	cJSON *list = NULL;

	keys_commit(t);
	if (kind == NULL || t->o->api == NULL) {
		tui_message(t, _("F4 picks a value only on a field that can be "
		    "looked up (organization ID, server platform)"));
		return;
	}
	if (api_has_key(t->o->api, t->s->form->platform, &cause) != 1) {
		free(cause);
		submit_key_prompt(t, TT_PICK);
		return;
	}
	tui_message(t, _("Looking up the %s…"), strcmp(kind, "organizations") ?
	    _("server platforms") : _("organizations"));
	draw_all(t);
	if (lookup_fetch(t, kind, &list, &cause) != 0) {
		tui_message(t, _("The look-up failed (%s); type the ID"),
		    cause);
		free(cause);
		return;
	}
	if (cJSON_GetArraySize(list) == 0) {
		tui_message(t, _("The look-up found none; type the ID"));
		cJSON_Delete(list);
		return;
	}
	free(t->message);
	t->message = NULL;
	lookup_close(t);
	t->pick = list;
	t->pick_title = xstrdup(strcmp(kind, "organizations") == 0 ?
	    _("Organizations of the account") : _("Server platforms of the "
	    "product"));
	t->psel = 0;
	t->overlay = TO_PICK;
}

/* A member of a list entry as text ("" when absent). */
static char *
lookup_text(const cJSON *e, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, name);

	if (cJSON_IsNumber(v))
		return xasprintf("%.0f", v->valuedouble);
	return xstrdup(cJSON_IsString(v) ? v->valuestring : "");
}

/* Fills the focused field with the selected entry's ID. */
static void
lookup_choose(struct tui *t)
{
	char *id = lookup_text(cJSON_GetArrayItem(t->pick, (int)t->psel),
	    "id");

	edit_set(&t->ed, id);
	t->pending = 1;
	keys_commit(t);
	edit_focus_load(t);
	tui_message(t, _("%s filled in"), id);
	free(id);
	lookup_close(t);
}

/* Keys in the pick list: Up/Down, Enter fills the ID, Esc closes. */
void
lookup_key(struct tui *t, const struct tui_key *k)
{
	size_t n = (size_t)cJSON_GetArraySize(t->pick);
	int c = k->code;

	if (k->is_key && c == KEY_UP && t->psel > 0)
		t->psel--;
	else if (k->is_key && c == KEY_DOWN && t->psel + 1 < n)
		t->psel++;
	else if (k->is_key ? c == KEY_ENTER : (c == '\r' || c == '\n'))
		lookup_choose(t);
	else if (!k->is_key && (c == 27 || c == 'q'))
		lookup_close(t);
}

/* One row of the list: ID, name and, for organizations, the country. */
static char *
lookup_row(const cJSON *e)
{
	char *id = lookup_text(e, "id"), *name = lookup_text(e, "name");
	char *country = lookup_text(e, "country"), *row;

	row = xasprintf("%-10s %-40s %s", id, name, country);
	free(id);
	free(name);
	free(country);
	return row;
}

/* Draws the pick list. */
void
lookup_draw(struct tui *t)
{
	size_t n = (size_t)cJSON_GetArraySize(t->pick), i, first = 0;
	int rows = n < LOOKUP_ROWS ? (int)n : LOOKUP_ROWS, w = 70;
	int x = (COLS - w) / 2, y = (LINES - rows - 4) / 2;
	char *row;

	if (t->psel >= LOOKUP_ROWS)
		first = t->psel - LOOKUP_ROWS + 1;
	draw_box(y, x, rows + 4, w);
	draw_text(y + 1, x + 2, w - 4, t->pick_title, 0, A_BOLD);
	for (i = first; i < n && i < first + LOOKUP_ROWS; i++) {
		row = lookup_row(cJSON_GetArrayItem(t->pick, (int)i));
		draw_text(y + 2 + (int)(i - first), x + 2, w - 4, row, 0,
		    i == t->psel ? t->attr[TA_FOCUS] : A_NORMAL);
		free(row);
	}
	draw_text(y + rows + 3, x + 2, w - 4, _(" Enter fills the ID, Esc "
	    "closes "), 0, A_BOLD);
}

/* Closes the pick list. */
void
lookup_close(struct tui *t)
{
	cJSON_Delete(t->pick);
	t->pick = NULL;
	free(t->pick_title);
	t->pick_title = NULL;
	if (t->overlay == TO_PICK)
		t->overlay = TO_NONE;
}
