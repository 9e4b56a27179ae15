/* draft.h: saving a session's answers to a draft file and reading it back.
 *
 * Drafts live in the state directory's "drafts" folder (made with mode
 * 0700). A draft is {"product": ID, "saved": ISO time, "answers": {...},
 * "attempt": ID, "at": {"screen": N, "field": PATH}} with every secret
 * field (card number, CVV) left out, written atomically with mode 0600;
 * "attempt" names the order attempt of the journal that was sent from it,
 * if any, and "at" where the user was (the front end sets screen and field
 * in struct draft before saving), so that a resumed draft opens there. A
 * new draft's name is taken with O_CREAT|O_EXCL, and a session holds its
 * draft's lock file (NAME.json.lock) until it ends, so two sessions never
 * share a draft.
 *
 * Ownership: struct draft is the front end's; draft_save() stores an
 * allocated path in it, draft_load() the path, attempt, field and time
 * saved, all released by draft_clear(). Every char * and cJSON
 * tree returned is allocated and the caller's; errors come back as an
 * allocated message in *cause.
 */
#ifndef CERTWIZ_DRAFT_H
#define CERTWIZ_DRAFT_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct session;

/* Where a session is saved: NULL until its first save. */
struct draft {
	char	*path;
	char	*attempt;	/* the attempt sent from it, or NULL */
	int	 lockfd;	/* holds NAME.json.lock while locked */
	int	 locked;
	size_t	 screen;	/* where the user was: the screen (from 1;
				   0 unknown) */
	char	*field;		/* and the field's path, or NULL */
	char	*saved;		/* when a loaded draft was saved (ISO
				   8601, UTC), or NULL */
	char	*placed;	/* the order ID the curses front end
				   placed from it, or NULL */
	char	*key;		/* random, made at the first save and
				   kept in the file ("key"): a name can
				   be used again, a key never is */
};

/* The drafts directory (not created); allocated. */
char	*draft_dir(void);
/* Saves the session's answers (no secrets) to d->path, or, the first time,
 * to name (or "<product>-<YYYYmmdd-HHMMSS>.json") in the drafts directory;
 * clears s->changed; 0, or -1 with *cause (the answers stay in memory). */
int	 draft_save(struct session *s, struct draft *d, const char *name,
	    char **cause);
/* Reads a draft by path, or by name in the drafts directory (".json" may be
 * left out) into d (its path, attempt and lock); 0, or -1 with *cause
 * (also when another session holds it). */
int	 draft_load(const char *what, struct draft *d, char **product,
	    cJSON **answers, char **cause);
/* Records the order attempt sent from the draft and saves it; 0 or -1. */
int	 draft_set_attempt(struct session *s, struct draft *d,
	    const char *attempt, char **cause);
/* Removes the draft's file (its order was placed) and releases d; 0, or
 * -1 with *cause. */
int	 draft_remove(struct draft *d, char **cause);
/* Lists the drafts' file names, newest first; returns their number or -1
 * with *cause (no directory is an empty list). */
int	 draft_list(char ***names, char **cause);
/* Releases a list from draft_list(). */
void	 draft_list_free(char **names, int n);
/* The command that resumes the draft at path, as a shell reads it:
 * "certwiz [--sandbox] [--plain] --resume=PATH" (PATH quoted when it holds
 * anything but letters, digits and "/._-+"); allocated. */
char	*draft_resume_command(const char *path, int sandbox, int plain);
/* What the journal records as the draft an order was sent from:
 * "PATH#KEY" (PATH alone for a draft saved before keys); allocated, or
 * NULL when d was never saved. A new draft under a used name has
 * another key, so it is never taken for the order placed from the old. */
char	*draft_ident(const struct draft *d);
/* Releases what a draft holds and its lock. */
void	 draft_clear(struct draft *d);

#endif
