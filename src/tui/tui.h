/* tui.h: the curses wizard over a session.
 *
 * Ownership: tui_run() borrows the session and options; the session keeps
 * every answer when it returns, so the caller may save or free it.
 */
#ifndef CERTWIZ_TUI_H
#define CERTWIZ_TUI_H

struct session;

/* How the wizard runs. */
struct tui_opts {
	int		 no_color;	/* no colours (NO_COLOR also turns them off) */
	int		 dry_run;	/* never submit (always the case for now) */
	const char	*output;	/* write the final body here, mode 0600 */
};

/* Runs the curses wizard on a session until the user finishes or quits;
 * returns an exit status (0 finished, 1 quit with unfinished order, 2 error). */
int	tui_run(struct session *s, const struct tui_opts *o);

#endif
