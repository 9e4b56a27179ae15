/* form_load.c: reading a product's form file and its fragments into a form. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/form.h"
#include "core/form_check.h"
#include "core/form_fill.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* How deep fragments may include fragments. */
#define INCLUDE_DEPTH 8

static const char *const product_keys[] = {
	"id", "title", "platform", "endpoint", "summary", "screens", NULL
};
static const char *const fragment_keys[] = {
	"fragment", "screens", "fields", NULL
};
static const char *const screen_keys[] = { "title", "when", "fields", NULL };
static const char *const include_keys[] = {
	"include", "override", "omit", NULL
};

/* Where the loader is, for messages. */
struct where {
	const char	*file;
	const char	*path;	/* field path, or NULL */
};

/* Reports a problem at w. */
#define fail(cause, w, ...) form_error(cause, (w)->file, (w)->path, __VA_ARGS__)

/* 1 when name is in the NULL-terminated list (NULL: a field's keys). */
static int
key_known(const char *const *allowed, const char *name)
{
	size_t i;

	if (allowed == NULL)
		return form_field_key(name);
	for (i = 0; allowed[i] != NULL; i++) {
		if (strcmp(name, allowed[i]) == 0)
			return 1;
	}
	return 0;
}

/* Checks that obj is an object whose keys are all in allowed (NULL: the
 * keys of a field). */
static int
check_keys(const cJSON *obj, const char *const *allowed, const char *what,
    const struct where *w, char **cause)
{
	const cJSON *item;

	if (!cJSON_IsObject(obj)) {
		fail(cause, w, _("%s must be a JSON object"), what);
		return -1;
	}
	cJSON_ArrayForEach(item, obj) {
		if (!key_known(allowed, item->string)) {
			fail(cause, w, _("unknown key '%s' in "
			    "%s"), item->string, what);
			return -1;
		}
	}
	return 0;
}

/* Checks a file name part: letters, digits, '_' and '-' only. */
static int
safe_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	}
	return 1;
}

static int expand_fields(const char *, const cJSON *, const char *, cJSON *,
    int, char **);
static int expand_screens(const char *, const cJSON *, const char *, cJSON *,
    int, char **);

/* Reads fragment name from dir/fragments; it must hold member key. */
static cJSON *
load_fragment(const char *dir, const char *name, const char *key,
    const struct where *w, char **path, char **cause)
{
	struct where fw = { NULL, NULL };
	cJSON *frag;

	if (!safe_name(name)) {
		fail(cause, w, _("include '%s' is not a fragment name"), name);
		return NULL;
	}
	*path = xasprintf("%s/fragments/%s.json", dir, name);
	if ((frag = fileio_read_json(*path, cause)) == NULL)
		return NULL;
	fw.file = *path;
	if (check_keys(frag, fragment_keys, _("a fragment"), &fw, cause) != 0)
		goto bad;
	if (!cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(frag, key))) {
		fail(cause, w, _("fragment '%s' has no \"%s\" array to include "
		    "here"), name, key);
		goto bad;
	}
	return frag;
bad:
	cJSON_Delete(frag);
	return NULL;
}

/* Calls fn on every expanded field object in items (screens or fields). */
static cJSON *
find_expanded(cJSON *items, int screens, const char *path)
{
	cJSON *item, *f, *p;

	cJSON_ArrayForEach(item, items) {
		if (!screens) {
			p = cJSON_GetObjectItemCaseSensitive(item, "path");
			if (cJSON_IsString(p) && strcmp(p->valuestring, path) == 0)
				return item;
			continue;
		}
		f = find_expanded(cJSON_GetObjectItemCaseSensitive(item,
		    "fields"), 0, path);
		if (f != NULL)
			return f;
	}
	return NULL;
}

/* Replaces the keys of one field with those of an override. */
static int
override_one(cJSON *field, const cJSON *with, const struct where *w,
    char **cause)
{
	const cJSON *item;

	if (check_keys(with, NULL, _("an override"), w, cause) != 0)
		return -1;
	cJSON_ArrayForEach(item, with) {
		if (strcmp(item->string, "path") == 0) {
			fail(cause, w, _("an override cannot change the path"));
			return -1;
		}
		cJSON_DeleteItemFromObjectCaseSensitive(field, item->string);
		if (!cJSON_IsNull(item))
			cJSON_AddItemToObject(field, item->string,
			    cJSON_Duplicate(item, 1));
	}
	return 0;
}

/* 1 when path is under (or is) top: "a" covers "a", "a.b" and "a[].b". */
static int
path_under(const char *path, const char *top)
{
	size_t len = strlen(top);

	if (strncmp(path, top, len) != 0)
		return 0;
	return path[len] == '\0' || path[len] == '.' ||
	    (path[len] == '[' && path[len + 1] == ']');
}

/* Removes from a field array every field under top; returns how many. */
static int
omit_fields(cJSON *fields, const char *top)
{
	cJSON *item, *next, *p;
	int n = 0;

	for (item = fields != NULL ? fields->child : NULL; item != NULL;
	    item = next) {
		next = item->next;
		p = cJSON_GetObjectItemCaseSensitive(item, "path");
		if (cJSON_IsString(p) && path_under(p->valuestring, top)) {
			cJSON_Delete(cJSON_DetachItemViaPointer(fields, item));
			n++;
		}
	}
	return n;
}

/* Applies an include's "omit" list to what it brought in. */
static int
apply_omit(cJSON *items, int screens, const cJSON *omit,
    const struct where *w, char **cause)
{
	const cJSON *o, *s;
	int n;

	if (omit == NULL)
		return 0;
	if (!cJSON_IsArray(omit)) {
		fail(cause, w, _("\"omit\" must be an array of field paths"));
		return -1;
	}
	cJSON_ArrayForEach(o, omit) {
		if (!cJSON_IsString(o)) {
			fail(cause, w, _("\"omit\" must be an array of field "
			    "paths"));
			return -1;
		}
		n = 0;
		if (!screens)
			n = omit_fields(items, o->valuestring);
		else {
			cJSON_ArrayForEach(s, items)
				n += omit_fields(cJSON_GetObjectItemCaseSensitive(
				    s, "fields"), o->valuestring);
		}
		if (n == 0) {
			fail(cause, w, _("\"omit\" names unknown field '%s'"),
			    o->valuestring);
			return -1;
		}
	}
	return 0;
}

/* Applies an include's "override" and "omit" to what it brought in. */
static int
apply_include_options(cJSON *items, int screens, const cJSON *inc,
    const struct where *w, char **cause)
{
	const cJSON *over = cJSON_GetObjectItemCaseSensitive(inc, "override");
	const cJSON *with;
	cJSON *field;

	if (over != NULL && !cJSON_IsObject(over)) {
		fail(cause, w, _("\"override\" must map field paths to "
		    "objects"));
		return -1;
	}
	cJSON_ArrayForEach(with, over) {
		field = find_expanded(items, screens, with->string);
		if (field == NULL) {
			fail(cause, w, _("\"override\" names unknown field "
			    "'%s'"),
			    with->string);
			return -1;
		}
		if (override_one(field, with, w, cause) != 0)
			return -1;
	}
	return apply_omit(items, screens, cJSON_GetObjectItemCaseSensitive(inc,
	    "omit"), w, cause);
}

/* Expands one include of screens or fields into out. */
static int
expand_include(const char *dir, const cJSON *inc, const char *file,
    cJSON *out, int screens, int depth, char **cause)
{
	struct where w = { file, NULL };
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(inc, "include");
	const char *key = screens ? "screens" : "fields";
	char *path = NULL;
	cJSON *frag, *tmp = cJSON_CreateArray();
	int rc = -1;

	if (depth >= INCLUDE_DEPTH) {
		fail(cause, &w,
		    _("includes nested more than %d deep (a loop?)"),
		    INCLUDE_DEPTH);
		goto out;
	}
	if (check_keys(inc, include_keys, _("an include"), &w, cause) != 0)
		goto out;
	if (!cJSON_IsString(name)) {
		fail(cause, &w, _("\"include\" must name a fragment"));
		goto out;
	}
	frag = load_fragment(dir, name->valuestring, key, &w, &path, cause);
	if (frag == NULL)
		goto out;
	if (screens)
		rc = expand_screens(dir, cJSON_GetObjectItemCaseSensitive(frag,
		    key), path, tmp, depth + 1, cause);
	else
		rc = expand_fields(dir, cJSON_GetObjectItemCaseSensitive(frag,
		    key), path, tmp, depth + 1, cause);
	cJSON_Delete(frag);
	if (rc == 0)
		rc = apply_include_options(tmp, screens, inc, &w, cause);
	while (rc == 0 && tmp->child != NULL)
		cJSON_AddItemToArray(out, cJSON_DetachItemViaPointer(tmp,
		    tmp->child));
out:
	free(path);
	cJSON_Delete(tmp);
	return rc;
}

/* Expands a fields array (fields and includes) into out. */
static int
expand_fields(const char *dir, const cJSON *list, const char *file,
    cJSON *out, int depth, char **cause)
{
	struct where w = { file, NULL };
	const cJSON *item, *p;
	cJSON *copy;

	if (!cJSON_IsArray(list)) {
		fail(cause, &w, _("\"fields\" must be an array"));
		return -1;
	}
	cJSON_ArrayForEach(item, list) {
		if (cJSON_HasObjectItem(item, "include")) {
			if (expand_include(dir, item, file, out, 0, depth,
			    cause) != 0)
				return -1;
			continue;
		}
		p = cJSON_GetObjectItemCaseSensitive(item, "path");
		w.path = cJSON_IsString(p) ? p->valuestring : NULL;
		if (check_keys(item, NULL, _("a field"), &w, cause) != 0)
			return -1;
		copy = cJSON_Duplicate(item, 1);
		cJSON_AddStringToObject(copy, "@file", file);
		cJSON_AddItemToArray(out, copy);
	}
	return 0;
}

/* Expands a screens array (screens and includes) into out. */
static int
expand_screens(const char *dir, const cJSON *list, const char *file,
    cJSON *out, int depth, char **cause)
{
	struct where w = { file, NULL };
	const cJSON *item, *when;
	cJSON *screen, *fields;

	if (!cJSON_IsArray(list)) {
		fail(cause, &w, _("\"screens\" must be an array"));
		return -1;
	}
	cJSON_ArrayForEach(item, list) {
		if (cJSON_HasObjectItem(item, "include")) {
			if (expand_include(dir, item, file, out, 1, depth,
			    cause) != 0)
				return -1;
			continue;
		}
		if (check_keys(item, screen_keys, _("a screen"), &w,
		    cause) != 0)
			return -1;
		if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(item,
		    "title"))) {
			fail(cause, &w, _("a screen needs a \"title\" string"));
			return -1;
		}
		screen = cJSON_CreateObject();
		cJSON_AddItemToArray(out, screen);
		cJSON_AddItemToObject(screen, "title", cJSON_Duplicate(
		    cJSON_GetObjectItemCaseSensitive(item, "title"), 1));
		when = cJSON_GetObjectItemCaseSensitive(item, "when");
		if (when != NULL)
			cJSON_AddItemToObject(screen, "when",
			    cJSON_Duplicate(when, 1));
		cJSON_AddStringToObject(screen, "@file", file);
		fields = cJSON_AddArrayToObject(screen, "fields");
		if (expand_fields(dir, cJSON_GetObjectItemCaseSensitive(item,
		    "fields"), file, fields, depth, cause) != 0)
			return -1;
	}
	return 0;
}

/* Reads the product file's top level into form. */
static int
read_header(struct form *form, const cJSON *json, const char *id, char **cause)
{
	struct where w = { form->file, NULL };
	const char *keys[] = { "id", "title", "platform", "endpoint", "summary" };
	char **dest[] = { &form->id, &form->title, &form->platform,
	    &form->endpoint, &form->summary };
	const cJSON *v;
	size_t i;

	if (check_keys(json, product_keys, _("a product form"), &w, cause) != 0)
		return -1;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		v = cJSON_GetObjectItemCaseSensitive(json, keys[i]);
		if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
			fail(cause, &w, _("\"%s\" must be a non-empty string"),
			    keys[i]);
			return -1;
		}
		*dest[i] = xstrdup(v->valuestring);
	}
	if (strcmp(form->id, id) != 0) {
		fail(cause, &w,
		    _("\"id\" is '%s' but the file is named for '%s'"),
		    form->id, id);
		return -1;
	}
	if (strcmp(form->platform, "us") != 0 && strcmp(form->platform, "eu") != 0) {
		fail(cause, &w, _("\"platform\" must be \"us\" or \"eu\""));
		return -1;
	}
	return 0;
}

/* Loads the product id's form from dir. */
struct form *
form_load(const char *dir, const char *id, char **cause)
{
	struct form *form = xcalloc(1, sizeof *form);
	cJSON *json = NULL, *screens = cJSON_CreateArray();

	if (!safe_name(id)) {
		*cause = xasprintf(_("'%s' is not a product id"), id);
		goto bad;
	}
	form->file = xasprintf("%s/%s.json", dir, id);
	if ((json = fileio_read_json(form->file, cause)) == NULL)
		goto bad;
	if (read_header(form, json, id, cause) != 0)
		goto bad;
	if (expand_screens(dir, cJSON_GetObjectItemCaseSensitive(json,
	    "screens"), form->file, screens, 0, cause) != 0)
		goto bad;
	if (form_fill(form, screens, cause) != 0)
		goto bad;
	cJSON_Delete(json);
	cJSON_Delete(screens);
	return form;
bad:
	cJSON_Delete(json);
	cJSON_Delete(screens);
	form_free(form);
	return NULL;
}
