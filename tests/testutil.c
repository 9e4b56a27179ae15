/* testutil.c: helpers shared by the cmocka tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/form.h"
#include "testutil.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* The fixed "today" of the tests. */
time_t
tu_now(void)
{
	struct tm tm = { .tm_year = 126, .tm_mon = 10, .tm_mday = 20,
	    .tm_hour = 12 };

	return timegm(&tm);
}

/* The forms directory under test. */
const char *
tu_forms_dir(void)
{
	const char *d = getenv("CERTWIZ_FORMS");

	return d != NULL && *d != '\0' ? d : "forms";
}

/* Loads a product's form or fails the test. */
struct form *
tu_load_form(const char *id)
{
	char *cause = NULL;
	struct form *form = form_load(tu_forms_dir(), id, &cause);

	if (form == NULL)
		fail_msg("%s", cause);
	return form;
}

/* The path of a test data file. */
char *
tu_data_path(const char *name)
{
	const char *d = getenv("TESTDATA");

	return xasprintf("%s/%s", d != NULL && *d ? d : "tests/data", name);
}

/* Reads and parses a test data file. */
cJSON *
tu_data_json(const char *name)
{
	char *path = tu_data_path(name), *cause = NULL;
	cJSON *json = fileio_read_json(path, &cause);

	if (json == NULL)
		fail_msg("%s", cause);
	free(path);
	return json;
}

/* Finds the parent object or array of the last segment of path. */
static cJSON *
walk(cJSON *node, const char *path, char *last, size_t size, int *index)
{
	char seg[128];
	const char *p = path;
	size_t len;
	int idx;

	for (;;) {
		len = strcspn(p, ".[");
		if (len >= sizeof seg)
			return NULL;
		memcpy(seg, p, len);
		seg[len] = '\0';
		p += len;
		idx = -1;
		if (*p == '[') {
			idx = atoi(p + 1);
			p = strchr(p, ']') + 1;
		}
		if (*p == '\0') {
			if (idx < 0) {
				snprintf(last, size, "%s", seg);
				*index = -1;
				return node;
			}
			node = cJSON_GetObjectItemCaseSensitive(node, seg);
			*index = idx;
			return node;
		}
		node = cJSON_GetObjectItemCaseSensitive(node, seg);
		if (idx >= 0)
			node = cJSON_GetArrayItem(node, idx);
		if (node == NULL)
			return NULL;
		p += *p == '.';
	}
}

/* Sets or deletes the value at a concrete path. */
void
tu_set(cJSON *root, const char *path, const char *value)
{
	char last[128] = "";
	int index = -1;
	cJSON *parent = walk(root, path, last, sizeof last, &index), *v = NULL;

	if (parent == NULL)
		fail_msg("test path %s does not exist", path);
	if (value != NULL && (v = cJSON_Parse(value)) == NULL)
		fail_msg("test value %s is not JSON", value);
	if (index >= 0) {
		if (v == NULL)
			cJSON_DeleteItemFromArray(parent, index);
		else
			cJSON_ReplaceItemInArray(parent, index, v);
		return;
	}
	if (v == NULL)
		cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
	else if (cJSON_HasObjectItem(parent, last))
		cJSON_ReplaceItemInObjectCaseSensitive(parent, last, v);
	else
		cJSON_AddItemToObject(parent, last, v);
}

/* The value at a concrete path, or NULL. */
cJSON *
tu_get(cJSON *root, const char *path)
{
	char last[128] = "";
	int index = -1;
	cJSON *parent = walk(root, path, last, sizeof last, &index);

	if (parent == NULL)
		return NULL;
	if (index >= 0)
		return cJSON_GetArrayItem(parent, index);
	return cJSON_GetObjectItemCaseSensitive(parent, last);
}

/* Makes a fresh temporary directory. */
char *
tu_mkdtemp(void)
{
	char *dir = xstrdup("/tmp/certwiz-test-XXXXXX");

	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp failed");
	return dir;
}

/* Writes text to dir/name. */
void
tu_write(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/fragments", dir);
	FILE *fp;

	mkdir(path, 0700);
	free(path);
	path = xasprintf("%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		fail_msg("cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
	free(path);
}

/* Removes a temporary directory and what it holds. */
void
tu_rmdir(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		fail_msg("cannot remove %s", dir);
	free(cmd);
	free(dir);
}
