/* draft.c: drafts of wizard sessions, saved atomically without secrets. */
#include "config.h"

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

#include "api/api.h"
#include "core/form.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/statedir.h"
#include "util/today.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The drafts directory (not created). */
char *
draft_dir(void)
{
	return statedir_path("drafts");
}


/* The draft's JSON text: product, time saved, answers without secrets,
 * the attempt sent from it and where the user was. */
static char *
draft_text(const struct session *s, const struct draft *dr)
{
	cJSON *d = cJSON_CreateObject(), *at;
	char when[CW_STAMP_LEN + 1], *text;

	cw_stamp(when);
	cJSON_AddStringToObject(d, "product", s->form->id);
	cJSON_AddStringToObject(d, "saved", when);
	cJSON_AddItemToObject(d, "answers", session_answers_public(s));
	if (dr->key != NULL)
		cJSON_AddStringToObject(d, "key", dr->key);
	if (dr->attempt != NULL)
		cJSON_AddStringToObject(d, "attempt", dr->attempt);
	if (dr->screen > 0) {
		at = cJSON_AddObjectToObject(d, "at");
		cJSON_AddNumberToObject(at, "screen", (double)dr->screen);
		if (dr->field != NULL)
			cJSON_AddStringToObject(at, "field", dr->field);
	}
	text = cJSON_Print(d);
	cJSON_Delete(d);
	return text;
}

/* Takes the draft's lock file; 0, or -1 with *cause. */
static int
draft_lock(struct draft *d, char **cause)
{
	char *lock = xasprintf("%s.lock", d->path);
	int fd = fileio_lock(lock, 0, cause);

	free(lock);
	if (fd < 0)
		return -1;
	d->lockfd = fd;
	d->locked = 1;
	return 0;
}

/* Claims a new file for a first save with O_CREAT|O_EXCL, so two sessions
 * never pick the same name; the path, or NULL with *cause. */
static char *
new_path(const struct session *s, const char *dir, const char *name,
    char **cause)
{
	char stamp[32], *path;
	time_t t = time(NULL);
	struct tm tm;
	int n, fd;

	if (name != NULL)
		return strchr(name, '/') != NULL ? xstrdup(name) :
		    xasprintf("%s/%s", dir, name);
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	path = xasprintf("%s/%s-%s.json", dir, s->form->id, stamp);
	for (n = 2; n < 1000; n++) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd >= 0) {
			close(fd);
			return path;
		}
		if (errno != EEXIST)
			break;
		free(path);
		path = xasprintf("%s/%s-%s-%d.json", dir, s->form->id, stamp,
		    n);
	}
	*cause = xasprintf(_("cannot make a draft in %s: %s"), dir,
	    strerror(errno));
	free(path);
	return NULL;
}

/* Saves the session's answers to its draft. */
int
draft_save(struct session *s, struct draft *d, const char *name,
    char **cause)
{
	char *dir, *text, *ignored = NULL;
	int rc, first = d->path == NULL;

	if (d->path == NULL) {
		dir = draft_dir();
		if (statedir_make(dir, cause) != 0) {
			free(dir);
			return -1;
		}
		d->path = new_path(s, dir, name, cause);
		free(dir);
		if (d->path == NULL)
			return -1;
		if (!d->locked && draft_lock(d, cause) != 0)
			return -1;
		free(d->key);
		d->key = xmalloc(API_ALT_ID_LEN + 1);
		api_new_alt_id(d->key);
	}
	if ((text = draft_text(s, d)) == NULL) {
		*cause = xasprintf(_("cannot write %s: out of memory"),
		    d->path);
		return -1;
	}
	rc = fileio_write_atomic(d->path, text, cause);
	free(text);
	if (rc == 0)
		s->changed = 0;
	else if (first)
		draft_remove(d, &ignored);	/* the name it claimed */
	free(ignored);
	return rc;
}

/* Records the attempt sent from the draft. */
int
draft_set_attempt(struct session *s, struct draft *d, const char *attempt,
    char **cause)
{
	free(d->attempt);
	d->attempt = attempt != NULL ? xstrdup(attempt) : NULL;
	return draft_save(s, d, NULL, cause);
}

/* Removes a placed order's draft. */
int
draft_remove(struct draft *d, char **cause)
{
	int rc = 0;

	if (d->path == NULL)
		return 0;
	if (unlink(d->path) != 0 && errno != ENOENT) {
		*cause = xasprintf(_("cannot remove %s: %s"), d->path,
		    strerror(errno));
		rc = -1;
	}
	draft_clear(d);
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

/* Reads when a draft was saved and where the user was (members that are
 * missing or malformed are left out). */
static void
draft_load_place(const cJSON *d, struct draft *dr)
{
	const cJSON *saved = cJSON_GetObjectItemCaseSensitive(d, "saved");
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(d, "at");
	const cJSON *sc = cJSON_GetObjectItemCaseSensitive(at, "screen");
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(at, "field");

	free(dr->saved);
	free(dr->field);
	dr->saved = cJSON_IsString(saved) ? xstrdup(saved->valuestring) :
	    NULL;
	dr->screen = cJSON_IsNumber(sc) && sc->valuedouble >= 1 &&
	    sc->valuedouble <= 1000 ? (size_t)sc->valuedouble : 0;
	dr->field = dr->screen > 0 && cJSON_IsString(f) ?
	    xstrdup(f->valuestring) : NULL;
}

/* Reads a draft by path or name and takes its lock. */
int
draft_load(const char *what, struct draft *dr, char **product,
    cJSON **answers, char **cause)
{
	cJSON *d;
	const cJSON *p, *a, *at;

	dr->path = find_draft(what);
	if (draft_lock(dr, cause) != 0)
		return -1;
	if ((d = fileio_read_json(dr->path, cause)) == NULL)
		return -1;
	p = cJSON_GetObjectItemCaseSensitive(d, "product");
	a = cJSON_GetObjectItemCaseSensitive(d, "answers");
	at = cJSON_GetObjectItemCaseSensitive(d, "attempt");
	if (!cJSON_IsString(p) || !cJSON_IsObject(a)) {
		*cause = xasprintf(_("%s: not a certwiz draft (no product or "
		    "answers)"), dr->path);
		cJSON_Delete(d);
		return -1;
	}
	*product = xstrdup(p->valuestring);
	*answers = cJSON_Duplicate(a, 1);
	free(dr->attempt);
	dr->attempt = cJSON_IsString(at) ? xstrdup(at->valuestring) : NULL;
	at = cJSON_GetObjectItemCaseSensitive(d, "key");
	free(dr->key);
	dr->key = cJSON_IsString(at) ? xstrdup(at->valuestring) : NULL;
	draft_load_place(d, dr);
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

/* Releases what a draft holds and its lock. */
void
draft_clear(struct draft *d)
{
	char *lock;

	if (d->locked) {
		lock = xasprintf("%s.lock", d->path);
		fileio_unlock(lock, d->lockfd);
		free(lock);
	}
	free(d->path);
	free(d->attempt);
	free(d->field);
	free(d->saved);
	free(d->placed);
	free(d->key);
	memset(d, 0, sizeof *d);
}

/* The draft as the journal records it. */
char *
draft_ident(const struct draft *d)
{
	if (d == NULL || d->path == NULL)
		return NULL;
	if (d->key == NULL)
		return xstrdup(d->path);
	return xasprintf("%s#%s", d->path, d->key);
}

/* path quoted for a POSIX shell when it needs it; allocated. */
static char *
shell_quote(const char *path)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+";
	char *out, *o;
	const char *p;

	if (*path != '\0' && path[strspn(path, safe)] == '\0')
		return xstrdup(path);
	out = o = xmalloc(strlen(path) * 4 + 3);
	*o++ = '\'';
	for (p = path; *p != '\0'; p++) {
		if (*p == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else
			*o++ = *p;
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

/* The command that resumes the draft at path, as a shell reads it. */
char *
draft_resume_command(const char *path, int sandbox, int plain)
{
	char *q = shell_quote(path), *out;

	out = xasprintf("certwiz%s%s --resume=%s", sandbox ? " --sandbox" : "",
	    plain ? " --plain" : "", q);
	free(q);
	return out;
}
