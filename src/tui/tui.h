/* tui.h: the curses wizard over a session, and the curses product picker.
 *
 * Ownership: tui_run() borrows the session and options; the session keeps
 * every answer when it returns, so the caller may save or free it. The
 * draft in the options (when given) is the caller's: F2 and the saves on
 * changes of screen write to it and store its path there. The api handle
 * (when given) is the caller's too: the wizard submits with it, looks up
 * organizations and server platforms, and sets a key typed at its masked
 * prompt on it (the key is never stored anywhere else). The recall (when
 * given) is the caller's; Ctrl-X empties it. tui_pick()
 * returns allocated strings the caller frees.
 */
#ifndef CERTWIZ_TUI_H
#define CERTWIZ_TUI_H

struct api;
struct draft;
struct problems;
struct recall;
struct session;

/* How the wizard runs. */
struct tui_opts {
	int		 no_color;	/* no colours (so does NO_COLOR) */
	int		 dry_run;	/* F10 prints or writes the body */
	struct api	*api;		/* submits and looks up; NULL: none */
	const char	*output;	/* the final body goes here (0600) */
	struct draft	*draft;		/* where drafts go, or NULL */
	int		 loaded;	/* the session comes from --load */
	const struct problems *warnings; /* unknown fields of a loaded body */
	struct recall	*recall;	/* answers filled in from the last
					   order (Ctrl-X clears), or NULL */
	int		 sandbox;	/* orders go to the embedded sandbox:
					   said on every screen and hint */
};

/* Runs the curses wizard on a session until the user finishes (a dry run
 * printed or written, or an order placed) or quits; returns an exit status
 * (0 finished, 1 quit with unfinished order, 2 error). */
int	tui_run(struct session *s, const struct tui_opts *o);

/* Shows the products in forms_dir (and, when drafts is 1, the saved drafts)
 * in curses; on Enter sets *product_out to a product id or *draft_out to a
 * draft's file name. Returns 0 when one was chosen, 1 when the user quit
 * (q, Esc), 128+N on signal N, 2 when the terminal or the forms cannot be
 * used. */
int	tui_pick(const char *forms_dir, int drafts, char **product_out,
	    char **draft_out);

#endif
