/* statedir.h: certwiz's state directory, $XDG_STATE_HOME/certwiz (default
 * ~/.local/state/certwiz), where the journal, the drafts and recall.json
 * live, and making it with mode 0700.
 *
 * Ownership: returned paths and *cause messages are allocated; the caller
 * frees them.
 */
#ifndef CERTWIZ_STATEDIR_H
#define CERTWIZ_STATEDIR_H

/* The state directory, or name inside it when name is not NULL (not
 * created). */
char	*statedir_path(const char *name);
/* Makes dir and its missing parents with mode 0700; 0, or -1 with
 * "cannot make the directory D: why" in *cause (D the one that failed).
 * Directories at or under the state directory must be real directories
 * (no link), the user's, with no group or other bits: one made by this
 * call is tightened to 0700, an existing one is refused with a message
 * saying how to fix it. */
int	 statedir_make(const char *dir, char **cause);

#endif
