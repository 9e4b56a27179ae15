/* placed.c: a placed order's answers, kept for "wizard --copy". */
#include "config.h"

#include "wizard/placed.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/form.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/safetext.h"
#include "util/statedir.h"
#include "util/today.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The folder of placed orders' answers (not created). */
char *
placed_dir(void)
{
	return statedir_path("placed");
}

/* Removes the member at a dotted path (no "[]") from a tree of objects. */
static void
drop_path(cJSON *o, const char *path)
{
	const char *dot;
	char *name;

	while ((dot = strchr(path, '.')) != NULL && cJSON_IsObject(o)) {
		name = xstrndup(path, (size_t)(dot - path));
		o = cJSON_GetObjectItemCaseSensitive(o, name);
		free(name);
		path = dot + 1;
	}
	if (cJSON_IsObject(o))
		cJSON_DeleteItemFromObjectCaseSensitive(o, path);
}

/* The answers worth copying: no secrets, no alternative order ID, no
 * CSR. */
static cJSON *
placed_answers(const struct session *s)
{
	cJSON *a = session_answers_public(s);
	size_t i;

	drop_path(a, "alternative_order_id");
	for (i = 0; i < s->form->nfields; i++)
		if (s->form->fields[i].type == FT_CSR &&
		    strstr(s->form->fields[i].path, "[]") == NULL)
			drop_path(a, s->form->fields[i].path);
	return a;
}

/* The file for order_id. */
static char *
placed_path(const char *order_id)
{
	char *dir = placed_dir(), *path;

	path = xasprintf("%s/%s.json", dir, order_id);
	free(dir);
	return path;
}

/* Keeps the answers of a placed order. */
int
placed_save(const struct session *s, const char *order_id, char **cause)
{
	cJSON *d;
	char when[CW_STAMP_LEN + 1], *dir, *path, *text;
	int rc;

	if (!safe_order_id(order_id)) {
		*cause = xstrdup(_("the order ID is not digits"));
		return -1;
	}
	dir = placed_dir();
	rc = statedir_make(dir, cause);
	free(dir);
	if (rc != 0)
		return -1;
	cw_stamp(when);
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "product", s->form->id);
	cJSON_AddStringToObject(d, "saved", when);
	cJSON_AddItemToObject(d, "answers", placed_answers(s));
	text = cJSON_Print(d);
	cJSON_Delete(d);
	path = placed_path(order_id);
	if (text == NULL) {
		*cause = xasprintf(_("cannot write %s: out of memory"), path);
		free(path);
		return -1;
	}
	rc = fileio_write_atomic(path, text, cause);
	free(path);
	free(text);
	return rc;
}

/* Reads the answers kept for a placed order. */
int
placed_load(const char *order_id, char **product, cJSON **answers,
    char **cause)
{
	char *path, *dir, *why = NULL, *shown;
	const cJSON *p, *a;
	cJSON *d = NULL;

	*product = NULL;
	*answers = NULL;
	dir = placed_dir();
	path = placed_path(order_id);
	if (safe_order_id(order_id))
		d = fileio_read_json(path, &why);
	p = cJSON_GetObjectItemCaseSensitive(d, "product");
	a = cJSON_GetObjectItemCaseSensitive(d, "answers");
	if (cJSON_IsString(p) && cJSON_IsObject(a)) {
		*product = xstrdup(p->valuestring);
		*answers = cJSON_Duplicate(a, 1);
	} else {
		shown = safe_text(order_id);
		*cause = xasprintf(_("no answers of order %s in %s (orders "
		    "placed with the wizard are kept there)"), shown, dir);
		free(shown);
	}
	cJSON_Delete(d);
	free(why);
	free(path);
	free(dir);
	return *product != NULL ? 0 : -1;
}
