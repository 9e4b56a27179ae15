/* fileio.h: reading whole files, opening certwiz's own files safely,
 * parsing JSON with a located error, and writing a file atomically.
 *
 * Ownership: returned buffers, cJSON trees and *cause messages are allocated
 * and owned by the caller (free() and cJSON_Delete()).
 */
#ifndef CERTWIZ_FILEIO_H
#define CERTWIZ_FILEIO_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Largest file certwiz reads (form files, order bodies): 16 MiB. */
#define FILEIO_MAX_SIZE (16u * 1024 * 1024)

/* Reads path ("-" is stdin) into a NUL-terminated buffer; *len excludes
 * the NUL; *cause is "path: why". */
char	*fileio_read(const char *path, size_t *len, char **cause);
/* Parses JSON text; on error *cause says "line L, column C: what", or that
 * the input is empty. */
cJSON	*fileio_parse_json(const char *text, size_t len, char **cause);
/* Adds member name to object o: the string s, or null when s is NULL. */
void	 json_add_string_or_null(cJSON *o, const char *name, const char *s);
/* Reads and parses a JSON file; *cause is "path: " and then what
 * fileio_read() or fileio_parse_json() said. */
cJSON	*fileio_read_json(const char *path, char **cause);
/* Writes text to path atomically (a temporary file beside it, fsync,
 * rename) with mode 0600; 0, or -1 with *cause. */
int	 fileio_write_atomic(const char *path, const char *text, char **cause);
/* Opens a file of certwiz's own (config, journal) with flags (O_RDONLY, or
 * O_WRONLY with O_APPEND and O_CREAT) never following a symbolic link and
 * never waiting on a FIFO, then insists on a regular file owned by the user
 * with no group or other permission bits. Returns the descriptor (blocking,
 * close-on-exec), or -1 with *cause; a missing file opened without O_CREAT
 * gives -1 with *cause NULL. */
int	 fileio_open_private(const char *path, int flags, char **cause);
/* fileio_read() of a file opened with fileio_open_private(); NULL with
 * *cause NULL when it does not exist. */
char	*fileio_read_private(const char *path, size_t *len, char **cause);
/* Writes all of len bytes to fd, looping over short writes and EINTR;
 * 0, or -1 with errno set. */
int	 fileio_write_all(int fd, const char *text, size_t len);
/* Takes an exclusive flock on the lock file path (made with mode 0600 when
 * missing, never through a symlink; a file its holder removed meanwhile is
 * opened again), waiting for it when wait is 1; the returned descriptor
 * holds the lock until it is closed. -1 with *cause
 * ("... is held by another certwiz session" when busy and not waiting). */
int	 fileio_lock(const char *path, int wait, char **cause);
/* Removes the lock file path and closes fd, which holds its lock. */
void	 fileio_unlock(const char *path, int fd);

#endif
