/* statedir.c: the state directory shared by the journal, drafts and
 * recall.json. */
#include "util/statedir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/xalloc.h"
#include "util/i18n.h"

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

/* Makes dir and its parents, the missing ones with mode 0700. */
int
statedir_make(const char *dir, char **cause)
{
	char *copy = xstrdup(dir), *p = copy;
	int last = 0;

	while (!last) {
		p += 1 + strcspn(p + 1, "/");
		last = *p == '\0';
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot make the directory %s: "
			    "%s"),
			    copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	return 0;
}
