/* api_journal.c: the journal of order attempts, one JSON line per event,
 * written before each step is taken so that an order ID is never lost.
 * Lines are appended under flock with one write each and fdatasync; the
 * reader streams the file and re-synchronises after a broken line. */
#include "config.h"

#include "api/api_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/fileio.h"
#include "util/statedir.h"
#include "util/today.h"
#include "util/xalloc.h"

/* The journal file's path. */
char *
api_journal_path(void)
{
	return statedir_path("journal");
}

/* Adds the members only a "sent" line has. */
static void
entry_sent(cJSON *o, const struct api_journal_entry *e)
{
	if (e->body_hash != NULL)
		cJSON_AddStringToObject(o, "body_hash", e->body_hash);
	if (e->draft != NULL)
		cJSON_AddStringToObject(o, "draft", e->draft);
	if (e->match != NULL)
		cJSON_AddItemToObject(o, "match", cJSON_Duplicate(e->match, 1));
}

/* The entry as one line of JSON with a newline; allocated. */
static char *
entry_line(const struct api_journal_entry *e)
{
	cJSON *o = cJSON_CreateObject();
	char when[CW_STAMP_LEN + 1], *text, *line;

	cw_stamp(when);
	cJSON_AddStringToObject(o, "time", when);
	json_add_string_or_null(o, "submission", e->submission);
	json_add_string_or_null(o, "product", e->product);
	json_add_string_or_null(o, "platform", e->platform);
	json_add_string_or_null(o, "alternative_order_id",
	    e->alternative_order_id);
	json_add_string_or_null(o, "event", e->event);
	json_add_string_or_null(o, "order_id", e->order_id);
	if (e->http_status != 0)
		cJSON_AddNumberToObject(o, "http_status",
		    (double)e->http_status);
	else
		cJSON_AddNullToObject(o, "http_status");
	json_add_string_or_null(o, "message", e->message);
	entry_sent(o, e);
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (text == NULL)
		return NULL;
	line = xasprintf("%s\n", text);
	free(text);
	return line;
}

/* Ends a line cut short (a full disk, a kill) before anything is appended,
 * so the next line is never glued to it. */
static int
repair_tail(int fd)
{
	struct stat sb;
	char last;

	if (fstat(fd, &sb) != 0)
		return -1;
	if (sb.st_size == 0)
		return 0;
	if (pread(fd, &last, 1, sb.st_size - 1) != 1)
		return -1;
	return last == '\n' ? 0 : fileio_write_all(fd, "\n", 1);
}

/* Opens the journal to append: never through a symlink, only a regular
 * file of the user's own, made private when it was not. */
static int
open_append(const char *path, char **cause)
{
	struct stat sb;
	int fd;

	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC |
	    O_NOFOLLOW | O_NONBLOCK, 0600);
	if (fd < 0) {
		*cause = xasprintf("%s: %s%s", path, strerror(errno),
		    errno == ELOOP ? " (a symbolic link; certwiz writes "
		    "its journal only to a file of its own)" : "");
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_uid != geteuid()) {
		*cause = xasprintf("%s: not a regular file of your own; move "
		    "it away and try again", path);
		close(fd);
		return -1;
	}
	if ((sb.st_mode & 077) != 0)
		(void)fchmod(fd, 0600);
	return fd;
}

/* Appends one line under an exclusive lock and syncs it to disk. */
int
api_journal_write(const struct api_journal_entry *e, char **cause)
{
	char *dir = statedir_path(NULL), *path = api_journal_path(), *line;
	int fd = -1, rc = -1;

	if (statedir_make(dir, cause) != 0)
		goto out;
	if ((line = entry_line(e)) == NULL) {
		*cause = xasprintf("%s: out of memory", path);
		goto out;
	}
	if ((fd = open_append(path, cause)) < 0) {
		free(line);
		goto out;
	}
	if (flock(fd, LOCK_EX) != 0 || repair_tail(fd) != 0 ||
	    fileio_write_all(fd, line, strlen(line)) != 0 || fdatasync(fd) != 0)
		*cause = xasprintf("%s: %s", path, strerror(errno));
	else
		rc = 0;
	free(line);
	if (close(fd) != 0 && rc == 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		rc = -1;
	}
out:
	free(dir);
	free(path);
	return rc;
}

/* Parses one line as a JSON object; a line glued to the rest of a cut
 * one is found again at its own opening '{"time"'. NULL when none. */
static cJSON *
parse_line(const char *line)
{
	const char *p = line;
	cJSON *o;

	while (p != NULL) {
		o = cJSON_Parse(p);
		if (cJSON_IsObject(o))
			return o;
		cJSON_Delete(o);
		p = strstr(p + 1, "{\"time\":");
	}
	return NULL;
}

/* Hands each journal line's object to fn (which owns it), in order,
 * reading the file as a stream. */
int
api_journal_scan(api_journal_fn fn, void *arg, char **cause)
{
	char *path = api_journal_path(), *line = NULL;
	size_t cap = 0;
	struct stat sb;
	FILE *f;
	cJSON *o;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
		close(fd);
		fd = -1;
		errno = EINVAL;
	}
	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, errno == EINVAL ?
		    "not a regular file" : strerror(errno));
		if (fd >= 0)
			close(fd);
		free(path);
		return -1;
	}
	while (getline(&line, &cap, f) > 0) {
		if ((o = parse_line(line)) != NULL)
			fn(o, arg);
	}
	free(line);
	fclose(f);
	free(path);
	return 0;
}

/* Adds a line's object to the array arg. */
static void
collect_line(cJSON *o, void *arg)
{
	cJSON_AddItemToArray(arg, o);
}

/* Reads the journal's lines. */
cJSON *
api_journal_read(char **cause)
{
	cJSON *a = cJSON_CreateArray();

	if (api_journal_scan(collect_line, a, cause) != 0) {
		cJSON_Delete(a);
		return NULL;
	}
	return a;
}
