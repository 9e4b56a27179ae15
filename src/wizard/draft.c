/* draft.c: drafts of wizard sessions, saved atomically without secrets. */
#include "wizard/draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/form.h"
#include "util/fileio.h"
#include "util/statedir.h"
#include "util/xalloc.h"
#include "wizard/session.h"
#include "util/i18n.h"

/* The drafts directory (not created). */
char *
draft_dir(void)
{
	return statedir_path("drafts");
}


/* The draft's JSON text: product, time saved and answers without secrets. */
static char *
draft_text(const struct session *s)
{
	cJSON *d = cJSON_CreateObject();
	char when[32], *text;
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	cJSON_AddStringToObject(d, "product", s->form->id);
	cJSON_AddStringToObject(d, "saved", when);
	cJSON_AddItemToObject(d, "answers", session_answers_public(s));
	text = cJSON_Print(d);
	cJSON_Delete(d);
	return text;
}

/* The path a first save goes to. */
static char *
new_path(const struct session *s, const char *dir, const char *name)
{
	char stamp[32], *path;
	time_t t = time(NULL);
	struct tm tm;
	struct stat sb;
	int n;

	if (name != NULL && strchr(name, '/') != NULL)
		return xstrdup(name);
	if (name != NULL)
		return xasprintf("%s/%s", dir, name);
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	path = xasprintf("%s/%s-%s.json", dir, s->form->id, stamp);
	/* Another session's draft of the same second is never overwritten. */
	for (n = 2; lstat(path, &sb) == 0 && n < 1000; n++) {
		free(path);
		path = xasprintf("%s/%s-%s-%d.json", dir, s->form->id, stamp,
		    n);
	}
	return path;
}

/* Saves the session's answers to its draft. */
int
draft_save(struct session *s, struct draft *d, const char *name,
    char **cause)
{
	char *dir, *text;
	int rc;

	if (d->path == NULL) {
		dir = draft_dir();
		if (statedir_make(dir, cause) != 0) {
			free(dir);
			return -1;
		}
		d->path = new_path(s, dir, name);
		free(dir);
	}
	text = draft_text(s);
	rc = fileio_write_atomic(d->path, text, cause);
	free(text);
	if (rc == 0)
		s->changed = 0;
	return rc;
}

/* Where a draft named what is: a path as given, else in the drafts dir. */
static char *
find_draft(const char *what)
{
	char *dir, *path;
	size_t len = strlen(what);

	if (strchr(what, '/') != NULL)
		return xstrdup(what);
	dir = draft_dir();
	if (len > 5 && strcmp(what + len - 5, ".json") == 0)
		path = xasprintf("%s/%s", dir, what);
	else
		path = xasprintf("%s/%s.json", dir, what);
	free(dir);
	return path;
}

/* Reads a draft by path or name. */
int
draft_load(const char *what, char **product, cJSON **answers, char **path,
    char **cause)
{
	cJSON *d;
	const cJSON *p, *a;

	*path = find_draft(what);
	if ((d = fileio_read_json(*path, cause)) == NULL)
		return -1;
	p = cJSON_GetObjectItemCaseSensitive(d, "product");
	a = cJSON_GetObjectItemCaseSensitive(d, "answers");
	if (!cJSON_IsString(p) || !cJSON_IsObject(a)) {
		*cause = xasprintf(_("%s: not a certwiz draft (no product or "
		    "answers)"), *path);
		cJSON_Delete(d);
		return -1;
	}
	*product = xstrdup(p->valuestring);
	*answers = cJSON_Duplicate(a, 1);
	cJSON_Delete(d);
	return 0;
}

/* One draft file and when it was saved, for sorting. */
struct entry {
	char	*name;
	time_t	 mtime;
};

/* Orders entries newest first, then by name. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* Reads the *.json entries of dir with their modification times. */
static int
read_entries(const char *dir, DIR *dp, struct entry **out)
{
	struct dirent *de;
	struct stat sb;
	struct entry *v = NULL;
	char *path;
	size_t len;
	int n = 0;

	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			v = xreallocarray(v, (size_t)n + 1, sizeof *v);
			v[n].name = xstrdup(de->d_name);
			v[n++].mtime = sb.st_mtime;
		}
		free(path);
	}
	*out = v;
	return n;
}

/* Lists the drafts' file names, newest first. */
int
draft_list(char ***names, char **cause)
{
	char *dir = draft_dir();
	struct entry *v;
	DIR *dp;
	int n, i;

	*names = NULL;
	if ((dp = opendir(dir)) == NULL) {
		if (errno == ENOENT) {
			free(dir);
			return 0;
		}
		*cause = xasprintf(_("cannot read %s: %s"), dir,
		    strerror(errno));
		free(dir);
		return -1;
	}
	n = read_entries(dir, dp, &v);
	closedir(dp);
	free(dir);
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, entry_cmp);
	*names = xcalloc((size_t)n + 1, sizeof **names);
	for (i = 0; i < n; i++)
		(*names)[i] = v[i].name;
	free(v);
	return n;
}

/* Releases a list from draft_list(). */
void
draft_list_free(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Releases what a draft holds. */
void
draft_clear(struct draft *d)
{
	free(d->path);
	d->path = NULL;
}
