/* fuzz_form.c: libFuzzer harness for the form loader. Each input is written
 * to a temporary forms directory (beside copies of the real fragments) as a
 * product file and as the fragment "fuzz", which two fixed products include
 * as screens and as fields; every form that loads is then used by a
 * session. */
#include "fuzz/fuzz.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/form.h"
#include "core/problems.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Products that include the fragment "fuzz" as screens and as fields. */
static const char wrap_screens[] = "{\"id\": \"wrap_screens\", \"title\": "
    "\"t\", \"platform\": \"us\", \"endpoint\": \"e\", \"summary\": \"s\", "
    "\"screens\": [{\"include\": \"fuzz\"}]}";
static const char wrap_fields[] = "{\"id\": \"wrap_fields\", \"title\": "
    "\"t\", \"platform\": \"eu\", \"endpoint\": \"e\", \"summary\": \"s\", "
    "\"screens\": [{\"title\": \"t\", \"fields\": [{\"include\": "
    "\"fuzz\"}]}]}";

static char *dir;

/* Writes size bytes of data to dir/name, or dies. */
static void
put(const char *name, const void *data, size_t size)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp;

	if ((fp = fopen(path, "w")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(path);
		exit(1);
	}
	free(path);
}

/* Removes every file of directory d, then d itself. */
static void
remove_dir(const char *d)
{
	DIR *dp;
	struct dirent *de;
	char *path;

	if ((dp = opendir(d)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		path = xasprintf("%s/%s", d, de->d_name);
		if (unlink(path) != 0)
			remove_dir(path);
		free(path);
	}
	closedir(dp);
	rmdir(d);
}

/* Removes the temporary forms directory at exit. */
static void
cleanup(void)
{
	remove_dir(dir);
}

/* Copies the real fragments into dir/fragments. */
static void
copy_fragments(void)
{
	char *forms = fuzz_forms_dir(), *from = xasprintf("%s/fragments",
	    forms), *path, *text, *cause = NULL, *name;
	struct dirent *de;
	DIR *dp;
	size_t len;

	if ((dp = opendir(from)) == NULL) {
		perror(from);
		exit(1);
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", from, de->d_name);
		if ((text = fileio_read(path, &len, &cause)) == NULL) {
			fprintf(stderr, "fuzz: %s\n", cause);
			exit(1);
		}
		name = xasprintf("fragments/%s", de->d_name);
		put(name, text, len);
		free(name);
		free(text);
		free(path);
	}
	closedir(dp);
	free(from);
	free(forms);
}

/* Makes the temporary forms directory once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *frag;

	(void)argc;
	(void)argv;
	dir = xstrdup("/tmp/certwiz-fuzz-form-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(cleanup);
	frag = xasprintf("%s/fragments", dir);
	if (mkdir(frag, 0700) != 0) {
		perror(frag);
		exit(1);
	}
	free(frag);
	copy_fragments();
	put("wrap_screens.json", wrap_screens, strlen(wrap_screens));
	put("wrap_fields.json", wrap_fields, strlen(wrap_fields));
	return 0;
}

/* The file name to give the input: its "id" when that is a plain name
 * other than the fixed products', else "fuzz"; allocated. */
static char *
product_id(const char *text, size_t size)
{
	cJSON *json = cJSON_ParseWithLength(text, size);
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(json, "id");
	const char *s;
	char *out = NULL;

	if (cJSON_IsString(id) && strlen(id->valuestring) <= 64 &&
	    *id->valuestring != '\0' && strncmp(id->valuestring, "wrap_", 5) != 0) {
		for (s = id->valuestring; *s != '\0'; s++) {
			if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
				break;
		}
		if (*s == '\0')
			out = xstrdup(id->valuestring);
	}
	cJSON_Delete(json);
	return out != NULL ? out : xstrdup("fuzz");
}

/* Uses a loaded form: finds every field and runs a session over it. */
static void
use_form(const struct form *form)
{
	struct problems p = { NULL, 0 };
	struct session *s;
	struct slot *slots;
	cJSON *body;
	size_t i, n;

	for (i = 0; i < form->nfields; i++) {
		if (form_find(form, form->fields[i].path) == NULL)
			abort();
	}
	s = session_new(form, fuzz_now());
	for (i = 0; i < form->nscreens; i++) {
		session_screen_shown(s, i);
		n = session_slots(s, i, &slots);
		session_slots_free(slots, n);
	}
	session_check(s, &p);
	problems_free(&p);
	body = session_body(s);
	cJSON_Delete(body);
	session_free(s);
}

/* Loads product id from the temporary directory. */
static void
load(const char *id)
{
	struct form *form;
	char *cause = NULL;

	if ((form = form_load(dir, id, &cause)) == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		return;
	}
	use_form(form);
	form_free(form);
}

/* Loads the input as a product and as a fragment of the fixed products. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *id = product_id((const char *)data, size), *name, *path;

	put("fragments/fuzz.json", data, size);
	name = xasprintf("%s.json", id);
	put(name, data, size);
	load(id);
	load("wrap_screens");
	load("wrap_fields");
	path = xasprintf("%s/%s", dir, name);
	unlink(path);
	free(path);
	free(name);
	free(id);
	return 0;
}
