/* fileio.c: reading whole files, parsing JSON with a located error, and
 * writing a file atomically. */
#include "config.h"

#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"

/* Doubles a buffer's capacity, wiping the old copy (it may hold card
 * data). */
static char *
grow(char *buf, size_t used, size_t *cap)
{
	char *n = xmalloc(*cap * 2);

	memcpy(n, buf, used);
	explicit_bzero(buf, used);
	free(buf);
	*cap *= 2;
	return n;
}

/* Reads all of fd into a NUL-terminated buffer of its own (no stdio
 * buffer keeps a copy), up to FILEIO_MAX_SIZE. */
static char *
read_fd(int fd, const char *name, size_t *len, char **cause)
{
	size_t cap = 4096, used = 0;
	char *buf = xmalloc(cap);
	ssize_t n;

	while ((n = read(fd, buf + used, cap - used - 1)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xasprintf("%s: %s", name, strerror(errno));
			explicit_bzero(buf, used);
			free(buf);
			return NULL;
		}
		used += (size_t)n;
		if (used > FILEIO_MAX_SIZE) {
			*cause = xasprintf(_("%s: larger than %u MiB"), name,
			    FILEIO_MAX_SIZE >> 20);
			explicit_bzero(buf, used);
			free(buf);
			return NULL;
		}
		if (cap - used - 1 == 0)
			buf = grow(buf, used, &cap);
	}
	buf[used] = '\0';
	*len = used;
	return buf;
}

/* Reads path ("-" is stdin) into a NUL-terminated buffer. */
char *
fileio_read(const char *path, size_t *len, char **cause)
{
	char *buf;
	int fd;

	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, "-", len, cause);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = read_fd(fd, path, len, cause);
	close(fd);
	return buf;
}

/* Says where offset lies in text as 1-based line and column. */
static void
locate(const char *text, size_t offset, size_t *line, size_t *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < offset; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* 1 when the brackets open at offset are nested deeper than cJSON allows. */
static int
too_deep(const char *text, size_t offset)
{
	size_t i, depth = 0;
	int in_string = 0;

	for (i = 0; i <= offset && text[i] != '\0'; i++) {
		if (in_string) {
			if (text[i] == '\\' && text[i + 1] != '\0')
				i++;
			else if (text[i] == '"')
				in_string = 0;
		} else if (text[i] == '"')
			in_string = 1;
		else if (text[i] == '[' || text[i] == '{')
			depth++;
		else if ((text[i] == ']' || text[i] == '}') && depth > 0)
			depth--;
	}
	return depth > CJSON_NESTING_LIMIT;
}

/* Parses JSON text; on error says where in *cause. */
cJSON *
fileio_parse_json(const char *text, size_t len, char **cause)
{
	const char *end = NULL, *nul;
	size_t line, col, off;
	cJSON *json;

	if (len == 0 || strspn(text, " \t\r\n") == len) {
		*cause = xstrdup(_("empty input: expected a JSON object"));
		return NULL;
	}
	if ((nul = memchr(text, '\0', len)) != NULL) {
		locate(text, (size_t)(nul - text), &line, &col);
		*cause = xasprintf(_("line %zu, column %zu: a NUL byte: this "
		    "is "
		    "not JSON text"), line, col);
		return NULL;
	}
	json = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (json != NULL) {
		off = (size_t)(end - text);
		off += strspn(text + off, " \t\r\n");
		if (off >= len)
			return json;
		cJSON_Delete(json);
		locate(text, off, &line, &col);
		*cause = xasprintf(_("line %zu, column %zu: unexpected text "
		    "after "
		    "the JSON value"), line, col);
		return NULL;
	}
	off = end != NULL && end >= text ? (size_t)(end - text) : 0;
	if (off > len)
		off = len;
	locate(text, off, &line, &col);
	/* cJSON reports a fault at the end as the last byte. */
	if (off + 1 >= len && strchr("}]", text[len - 1]) == NULL)
		*cause = xasprintf(_("line %zu, column %zu: malformed JSON: "
		    "input ends too early"), line, col);
	else if (too_deep(text, off))
		*cause = xasprintf(_("line %zu, column %zu: nested more than "
		    "%d "
		    "levels deep"), line, col, CJSON_NESTING_LIMIT);
	else
		*cause = xasprintf(_("line %zu, column %zu: malformed JSON"),
		    line, col);
	return NULL;
}

/* Adds member name to o: the string s, or null when s is NULL. */
void
json_add_string_or_null(cJSON *o, const char *name, const char *s)
{
	if (s != NULL)
		cJSON_AddStringToObject(o, name, s);
	else
		cJSON_AddNullToObject(o, name);
}

/* Reads and parses a JSON file; errors name the file. */
cJSON *
fileio_read_json(const char *path, char **cause)
{
	char *text, *why = NULL;
	size_t len;
	cJSON *json;

	if ((text = fileio_read(path, &len, cause)) == NULL)
		return NULL;
	json = fileio_parse_json(text, len, &why);
	explicit_bzero(text, len);	/* an order body may hold card data */
	free(text);
	if (json == NULL) {
		*cause = xasprintf("%s: %s", path, why);
		free(why);
	}
	return json;
}

/* Writes all of len bytes, looping over short writes and EINTR. */
int
fileio_write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, text, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Syncs the directory holding path, so a rename into it survives a
 * crash; a failure is not an error (some file systems refuse). */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ?
	    xstrdup("/") : xasprintf("%.*s", (int)(slash - path), path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* 1 when fd is still the file at path (not unlinked by its last
 * holder meanwhile). */
static int
same_file(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && lstat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Takes an exclusive lock on the lock file path. */
int
fileio_lock(const char *path, int wait, char **cause)
{
	int fd, tries;

	for (tries = 0; tries < 100; tries++) {
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
		    0600);
		if (fd < 0) {
			*cause = xasprintf(_("cannot open %s: %s"), path,
			    strerror(errno));
			return -1;
		}
		if (flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0) {
			*cause = errno == EWOULDBLOCK ? xasprintf(_("%s is "
			    "held by another certwiz session"), path) :
			    xasprintf(_("cannot lock %s: %s"), path,
			    strerror(errno));
			close(fd);
			return -1;
		}
		if (same_file(fd, path))
			return fd;
		close(fd);
	}
	*cause = xasprintf(_("cannot lock %s: it keeps changing"), path);
	return -1;
}

/* Removes the lock file while holding it, then lets it go. */
void
fileio_unlock(const char *path, int fd)
{
	if (fd < 0)
		return;
	(void)unlink(path);
	close(fd);
}

/* Writes text to path atomically with mode 0600. */
int
fileio_write_atomic(const char *path, const char *text, char **cause)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd, saved;

	if ((fd = mkstemp(tmp)) < 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	if (fchmod(fd, 0600) != 0 ||
	    fileio_write_all(fd, text, strlen(text)) != 0 ||
	    fsync(fd) != 0) {
		saved = errno != 0 ? errno : EIO;
		close(fd);
		fd = -1;
	} else
		saved = 0;
	/* fd is closed once whatever happens: with the sandbox's threads in
	 * the process, a second close could hit one of their sockets. */
	if (fd >= 0 && close(fd) != 0)
		saved = errno;
	if (saved == 0 && rename(tmp, path) != 0)
		saved = errno;
	if (saved == 0)
		sync_dir(path);
	if (saved != 0) {
		unlink(tmp);
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(saved));
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* Says what is wrong with a private file's status, or NULL; allocated. */
static char *
private_fault(const char *path, const struct stat *sb)
{
	if (!S_ISREG(sb->st_mode))
		return xasprintf(_("%s is not a regular file; certwiz only "
		    "uses "
		    "a plain file there"), path);
	if (sb->st_uid != geteuid())
		return xasprintf(_("%s belongs to user %lu, not to you (user "
		    "%lu): remove it, or run chown %lu %s"), path,
		    (unsigned long)sb->st_uid, (unsigned long)geteuid(),
		    (unsigned long)geteuid(), path);
	if ((sb->st_mode & 077) != 0)
		return xasprintf(_("%s has mode %04o, so other users can read "
		    "or "
		    "change it; it is refused: run chmod 600 %s"), path,
		    (unsigned)(sb->st_mode & 07777), path);
	return NULL;
}

/* Opens a file of certwiz's own, refusing links, FIFOs and foreign or
 * shared files. */
int
fileio_open_private(const char *path, int flags, char **cause)
{
	struct stat sb;
	int fd, fl;

	*cause = NULL;
	fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == ELOOP)
			*cause = xasprintf(_("%s is a symbolic link; certwiz "
			    "does not follow it: remove it"), path);
		else if (errno != ENOENT || (flags & O_CREAT) != 0)
			*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0)
		*cause = xasprintf("%s: %s", path, strerror(errno));
	else if ((*cause = private_fault(path, &sb)) == NULL &&
	    ((fl = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0))
		*cause = xasprintf("%s: %s", path, strerror(errno));
	if (*cause != NULL) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Reads a file of certwiz's own. */
char *
fileio_read_private(const char *path, size_t *len, char **cause)
{
	char *buf;
	int fd;

	if ((fd = fileio_open_private(path, O_RDONLY, cause)) < 0)
		return NULL;
	buf = read_fd(fd, path, len, cause);
	close(fd);
	return buf;
}
