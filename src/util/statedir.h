/* statedir.h: certwiz's state directory, $CERTWIZ_STATE_DIR when set, else
 * $XDG_STATE_HOME/certwiz (default ~/.local/state/certwiz), where the
 * journal, the drafts and recall.json live, and making it with mode 0700.
 * With --sandbox, main points CERTWIZ_STATE_DIR at its "sandbox" folder, so
 * sandbox orders never touch the real journal, drafts or recall.
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
 * (no link) and the user's; an existing one that group or others may
 * write to is refused with a message saying how to fix it; otherwise each
 * is left (or made) with mode 0700. */
int	 statedir_make(const char *dir, char **cause);

#endif
