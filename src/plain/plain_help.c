/* plain_help.c: the lines plain mode reads as commands, not answers: "<"
 * or "-" goes back, "?" explains the field, "??" runs its look-up. */
#include "config.h"

#include "plain/plain_int.h"

#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Prints the field's help and why it is asked, each line "[path] ...". */
static void
explain(struct walk *w, const struct slot *slot)
{
	char *help = session_help(w->s, slot), *why = session_why(w->s, slot);

	if (*help != '\0')
		fprintf(w->out, _("[%s] help: %s\n"), slot->path, help);
	fprintf(w->out, _("[%s] why: %s\n"), slot->path, why);
	free(help);
	free(why);
}

/* A member of a look-up entry as text ("" when absent), control
 * characters (an answer's, never to reach the terminal) as "?";
 * allocated. */
static char *
entry_text(const cJSON *e, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, name);
	char *out, *p;

	if (cJSON_IsString(v))
		out = xstrdup(v->valuestring);
	else if (cJSON_IsNumber(v))
		out = xasprintf("%.0f", v->valuedouble);
	else
		out = xstrdup("");
	for (p = out; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	}
	return out;
}

/* Prints the entries of a look-up, one "  ID  name  (country)" a line. */
static void
print_entries(struct walk *w, const struct slot *slot, const cJSON *list)
{
	const cJSON *e;
	char *id, *name, *country;

	fprintf(w->out, _("[%s] the look-up found %d:\n"), slot->path,
	    cJSON_GetArraySize(list));
	cJSON_ArrayForEach(e, list) {
		id = entry_text(e, "id");
		name = entry_text(e, "name");
		country = entry_text(e, "country");
		fprintf(w->out, "  %s  %s%s%s%s\n", id, name,
		    *country ? "  (" : "", country, *country ? ")" : "");
		free(id);
		free(name);
		free(country);
	}
}

/* Runs the field's look-up and prints what it finds, or why it cannot. */
static void
look_up(struct walk *w, const struct slot *slot)
{
	const struct field *f = &w->s->form->fields[slot->field];
	const char *platform = w->s->form->platform;
	char *cause = NULL;
	cJSON *list = NULL;
	int rc;

	if (f->lookup == NULL) {
		fprintf(w->out, _("[%s] note: ?? lists the organizations on "
		    "Organization ID (and server platforms on Server platform "
		    "ID); this field has no look-up\n"), slot->path);
		return;
	}
	if (w->o->api == NULL ||
	    api_has_key(w->o->api, platform, &cause) != 1) {
		fprintf(w->out, _("[%s] note: the look-up cannot run: %s; type "
		    "the ID\n"), slot->path, cause != NULL ? cause :
		    _("no connection in this run"));
		free(cause);
		return;
	}
	if (strcmp(f->lookup, "organizations") == 0)
		rc = api_list_organizations(w->o->api, platform, &list, &cause);
	else
		rc = api_product_platforms(w->o->api, platform,
		    w->s->form->id, &list, &cause);
	if (rc != 0)
		fprintf(w->out, _("[%s] note: the look-up failed: %s; type the "
		    "ID\n"), slot->path, cause);
	else
		print_entries(w, slot, list);
	free(cause);
	cJSON_Delete(list);
}

/* Handles a line that is a command rather than an answer. */
enum plain_cmd
plain_command(struct walk *w, const char *line)
{
	if (!w->in_walk || w->cur == NULL)
		return CMD_NONE;
	if (strcmp(line, "<") == 0 || strcmp(line, "-") == 0) {
		w->back = 1;
		return CMD_BACK;
	}
	if (strcmp(line, "?") == 0) {
		explain(w, w->cur);
		return CMD_AGAIN;
	}
	if (strcmp(line, "??") == 0 && w->offered_kind == NULL) {
		look_up(w, w->cur);	/* says why no list can be had */
		return CMD_AGAIN;
	}
	return CMD_NONE;
}
