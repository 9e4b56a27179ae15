/* statedir.c: the state directory shared by the journal, drafts and
 * recall.json. */
#include "config.h"

#include "util/statedir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* The state directory, or a name inside it. */
char *
statedir_path(const char *name)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	const char *own = getenv("CERTWIZ_STATE_DIR");

	if (own != NULL && *own == '/')
		return xasprintf("%s%s%s", own, name ? "/" : "",
		    name ? name : "");
	if (state != NULL && *state == '/')
		return xasprintf("%s/certwiz%s%s", state, name ? "/" : "",
		    name ? name : "");
	if (home == NULL || *home == '\0')
		home = ".";
	return xasprintf("%s/.local/state/certwiz%s%s", home, name ? "/" : "",
	    name ? name : "");
}

/* Checks a directory of certwiz's own, opened without following a link:
 * it must be the user's, and one that group or others may write to is
 * refused unless made just now (made set); any group or other bit left is
 * then taken away (0700). 0, or -1 with *cause saying how to fix it. */
static int
check_own_dir(const char *dir, int made, char **cause)
{
	struct stat sb;
	int fd, rc = -1;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && (errno == ENOTDIR || errno == ELOOP))
		*cause = xasprintf(_("%s is not a directory (a link or a "
		    "file): "
		    "remove it so certwiz can make it"), dir);
	else if (fd < 0 || fstat(fd, &sb) != 0)
		*cause = xasprintf("%s: %s", dir, strerror(errno));
	else if (sb.st_uid != geteuid())
		*cause = xasprintf(_("the directory %s belongs to user %lu, "
		    "not "
		    "to you (user %lu): remove it, or run chown %lu %s"), dir,
		    (unsigned long)sb.st_uid, (unsigned long)geteuid(),
		    (unsigned long)geteuid(), dir);
	else if ((sb.st_mode & 022) != 0 && !made)
		*cause = xasprintf(_("the directory %s has mode %04o, so other "
		    "users could change certwiz's files in it; it is refused: "
		    "run chmod 700 %s"), dir, (unsigned)(sb.st_mode & 07777),
		    dir);
	else if ((sb.st_mode & 077) != 0 && fchmod(fd, 0700) != 0)
		*cause = xasprintf("%s: %s", dir, strerror(errno));
	else
		rc = 0;
	if (fd >= 0)
		close(fd);
	return rc;
}

/* Makes dir and its parents, the missing ones with mode 0700; those at or
 * under the state directory are checked (check_own_dir()). */
int
statedir_make(const char *dir, char **cause)
{
	char *copy = xstrdup(dir), *p = copy, *root = statedir_path(NULL);
	size_t nroot = strlen(root);
	int last = 0, made, rc = 0;

	while (!last && rc == 0) {
		p += 1 + strcspn(p + 1, "/");
		last = *p == '\0';
		*p = '\0';
		made = mkdir(copy, 0700) == 0;
		if (!made && errno != EEXIST) {
			*cause = xasprintf(_("cannot make the directory %s: "
			    "%s"),
			    copy, strerror(errno));
			rc = -1;
		} else if (strncmp(copy, root, nroot) == 0 &&
		    (copy[nroot] == '\0' || copy[nroot] == '/'))
			rc = check_own_dir(copy, made, cause);
		if (!last)
			*p = '/';
	}
	free(root);
	free(copy);
	return rc;
}
