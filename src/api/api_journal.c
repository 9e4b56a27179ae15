/* api_journal.c: the journal of submissions, one JSON line per event, so
 * that an order ID is never lost. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "api/api_int.h"
#include "util/fileio.h"
#include "util/statedir.h"
#include "util/xalloc.h"

/* The journal file's path. */
char *
api_journal_path(void)
{
	return statedir_path("journal");
}


/* The entry as one line of JSON with a newline; allocated. */
static char *
entry_line(const struct api_journal_entry *e)
{
	cJSON *o = cJSON_CreateObject();
	char when[32], *text, *line;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	cJSON_AddStringToObject(o, "time", when);
	json_add_string_or_null(o, "submission", e->submission);
	json_add_string_or_null(o, "product", e->product);
	json_add_string_or_null(o, "platform", e->platform);
	json_add_string_or_null(o, "alternative_order_id", e->alternative_order_id);
	json_add_string_or_null(o, "event", e->event);
	json_add_string_or_null(o, "order_id", e->order_id);
	if (e->http_status != 0)
		cJSON_AddNumberToObject(o, "http_status",
		    (double)e->http_status);
	else
		cJSON_AddNullToObject(o, "http_status");
	json_add_string_or_null(o, "message", e->message);
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	line = xasprintf("%s\n", text);
	free(text);
	return line;
}

/* Appends one line to the journal with a single write. */
int
api_journal_write(const struct api_journal_entry *e, char **cause)
{
	char *dir = statedir_path(NULL), *path = api_journal_path(), *line;
	size_t len;
	ssize_t n;
	int fd, rc = -1;

	if (statedir_make(dir, cause) != 0)
		goto out;
	fd = fileio_open_private(path, O_WRONLY | O_APPEND | O_CREAT, cause);
	if (fd < 0)
		goto out;
	line = entry_line(e);
	len = strlen(line);
	n = write(fd, line, len);
	if (n != (ssize_t)len)
		*cause = xasprintf("%s: %s", path, n < 0 ? strerror(errno) :
		    "short write");
	if (close(fd) != 0 && n == (ssize_t)len)
		*cause = xasprintf("%s: %s", path, strerror(errno));
	else if (n == (ssize_t)len)
		rc = 0;
	free(line);
out:
	free(dir);
	free(path);
	return rc;
}

/* Adds the JSON objects of text's lines to a; bad lines are skipped. */
static void
parse_lines(char *text, cJSON *a)
{
	char *line, *next;
	cJSON *o;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		o = cJSON_Parse(line);
		if (cJSON_IsObject(o))
			cJSON_AddItemToArray(a, o);
		else
			cJSON_Delete(o);
	}
}

/* Reads the journal's lines. */
cJSON *
api_journal_read(char **cause)
{
	char *path = api_journal_path(), *text;
	struct stat sb;
	size_t len;
	cJSON *a = cJSON_CreateArray();

	if (stat(path, &sb) != 0 && errno == ENOENT) {
		free(path);
		return a;
	}
	if ((text = fileio_read_private(path, &len, cause)) == NULL) {
		cJSON_Delete(a);
		free(path);
		return *cause == NULL ? cJSON_CreateArray() : NULL;
	}
	parse_lines(text, a);
	free(text);
	free(path);
	return a;
}
