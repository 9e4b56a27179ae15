/* form.c: the form model: look-ups, names, listing and release. */
#include "config.h"

#include "core/form.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/answers.h"
#include "core/expr.h"
#include "core/field_type.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#ifndef FORMSDIR
#define FORMSDIR "/usr/local/share/certwiz/forms"
#endif

static const char *const json_names[JT_COUNT] = {
	[JT_STRING] = "string", [JT_INTEGER] = "integer",
	[JT_BOOLEAN] = "boolean", [JT_OBJECT] = "object", [JT_ARRAY] = "array"
};

/* The name of a field type as written in form files. */
const char *
field_type_name(enum field_type type)
{
	return type < FT_COUNT ? field_types[type].name : "?";
}

/* The index of name among n names, or -1. */
static int
name_index(const char *const *names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(name, names[i]) == 0)
			return i;
	}
	return -1;
}

/* Looks a field type up by name; 0 when found, -1 otherwise. */
int
field_type_parse(const char *name, enum field_type *type)
{
	int i;

	for (i = 0; i < FT_COUNT; i++) {
		if (strcmp(name, field_types[i].name) == 0) {
			*type = (enum field_type)i;
			return 0;
		}
	}
	return -1;
}

/* The name of a JSON type. */
const char *
json_type_name(enum json_type type)
{
	return type < JT_COUNT ? json_names[type] : "?";
}

/* Looks a JSON type up by name; 0 when found, -1 otherwise. */
int
json_type_parse(const char *name, enum json_type *type)
{
	int i = name_index(json_names, JT_COUNT, name);

	if (i >= 0)
		*type = (enum json_type)i;
	return i >= 0 ? 0 : -1;
}

/* Finds a field by its path, or NULL. */
const struct field *
form_find(const struct form *form, const char *path)
{
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		if (strcmp(form->fields[i].path, path) == 0)
			return &form->fields[i];
	}
	return NULL;
}

/* The index of parent's child field with this member name, or SIZE_MAX. */
size_t
form_child(const struct form *form, size_t parent, const char *name)
{
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		if (form->fields[i].parent == parent &&
		    strcmp(form->fields[i].name, name) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* The allowed values of a field given the answers, or NULL. */
const cJSON *
field_values(const struct field *f, const cJSON *answers, const size_t *index,
    size_t nindex)
{
	size_t i;

	for (i = 0; i < f->nvalues_if; i++) {
		if (answers_eval(f->values_if[i].when, answers, index, nindex))
			return f->values_if[i].values;
	}
	return f->values;
}

/* The forms/ directory of the build tree the running program is in, or NULL. */
static char *
build_tree_dir(void)
{
	char exe[4096], *slash, *dir;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	dir = xasprintf("%s/../forms", exe);
	if (access(dir, R_OK | X_OK) == 0)
		return dir;
	free(dir);
	return NULL;
}

/* The forms directory to use; allocated. */
char *
form_default_dir(const char *override)
{
	const char *env = getenv("CERTWIZ_FORMS");
	char *dir;

	if (override != NULL && *override != '\0')
		return xstrdup(override);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (access(FORMSDIR, R_OK | X_OK) != 0 &&
	    (dir = build_tree_dir()) != NULL)
		return dir;
	return xstrdup(FORMSDIR);
}

/* Releases what one field owns. */
static void
field_clear(struct field *f)
{
	size_t i;

	free(f->path);
	free(f->name);
	free(f->label);
	free(f->help);
	free(f->expiry_month);
	free(f->key_type);
	free(f->key_size);
	free(f->lookup);
	free(f->file);
	expr_free(f->required_if);
	expr_free(f->when);
	cJSON_Delete(f->values);
	cJSON_Delete(f->max_count);
	cJSON_Delete(f->dflt);
	for (i = 0; i < f->nvalues_if; i++) {
		expr_free(f->values_if[i].when);
		cJSON_Delete(f->values_if[i].values);
	}
	free(f->values_if);
	for (i = 0; i < f->ninfer; i++) {
		expr_free(f->infer[i].when);
		cJSON_Delete(f->infer[i].value);
	}
	free(f->infer);
}

/* Releases a form and everything in it. */
void
form_free(struct form *form)
{
	size_t i;

	if (form == NULL)
		return;
	for (i = 0; i < form->nfields; i++)
		field_clear(&form->fields[i]);
	for (i = 0; i < form->nscreens; i++) {
		free(form->screens[i].title);
		expr_free(form->screens[i].when);
	}
	free(form->fields);
	free(form->screens);
	free(form->id);
	free(form->title);
	free(form->platform);
	free(form->endpoint);
	free(form->summary);
	free(form->file);
	free(form);
}

/* Orders strings for qsort(). */
static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the product ids in dir (files named *.json), sorted. */
int
form_list_ids(const char *dir, char ***ids, char **cause)
{
	DIR *d;
	struct dirent *de;
	char **list = NULL;
	size_t n = 0, len;

	if ((d = opendir(dir)) == NULL) {
		*cause = xasprintf(_("forms directory %s: cannot open it"),
		    dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		list = xreallocarray(list, n + 1, sizeof *list);
		list[n++] = xstrndup(de->d_name, len - 5);
	}
	closedir(d);
	if (n > 0)
		qsort(list, n, sizeof *list, compare_names);
	*ids = list;
	return (int)n;
}

/* Releases a list returned by form_list_ids(). */
void
form_free_ids(char **ids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}
