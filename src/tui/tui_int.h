/* tui_int.h: what the parts of the curses wizard share (internal to src/tui).
 *
 * Ownership: a struct tui owns its slots, edit buffer, visited paths,
 * problems, review lines and message; tui_free_state() releases them. The
 * session and options are borrowed from the caller of tui_run().
 */
#ifndef CERTWIZ_TUI_INT_H
#define CERTWIZ_TUI_INT_H

#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "api/api.h"
#include "core/problems.h"
#include "wizard/draft.h"
#include "wizard/session.h"

struct tui_opts;

/* Smallest terminal the wizard draws on. */
#define TUI_MIN_COLS	80
#define TUI_MIN_LINES	24

/* A UTF-8 line editor: the text and a cursor (a byte offset). */
struct tui_edit {
	char	*buf;
	size_t	 len;
	size_t	 cap;
	size_t	 cur;
};

/* What follows once a key has been typed at the prompt. */
enum tui_then { TT_NONE, TT_SUBMIT, TT_PICK };

/* Longest API key the prompt takes. */
#define TUI_KEY_MAX	256

/* Colour pairs (or attributes without colour). */
enum tui_attr { TA_TITLE, TA_FOCUS, TA_ERROR, TA_MARK, TA_DIM, TA_COUNT };

struct tui;
struct tui_key;

/* One curses screen or overlay and what it does; the main loop knows only
 * the current view and a stack of overlays over it (after tmux's struct
 * window_mode and htop's PanelClass). Every member but name may be NULL. */
struct tui_view {
	const char	*name;
	void		(*open)(struct tui *t);
	void		(*key)(struct tui *t, const struct tui_key *k,
			    int more);
	void		(*draw)(struct tui *t, int *cy, int *cx);
	void		(*resize)(struct tui *t);
	void		(*close)(struct tui *t);
};

/* The views (each defined beside the code it runs). */
extern const struct tui_view tui_view_form;	/* tui_keys.c */
extern const struct tui_view tui_view_review;	/* tui_review.c */
extern const struct tui_view tui_view_result;	/* tui_result.c */
extern const struct tui_view tui_view_help;	/* tui_why.c */
extern const struct tui_view tui_view_why;	/* tui_why.c */
extern const struct tui_view tui_view_quit;	/* tui_quit.c */
extern const struct tui_view tui_view_prompt;	/* tui_submit.c: the key */
extern const struct tui_view tui_view_resend;	/* tui_submit.c */
extern const struct tui_view tui_view_lookup;	/* tui_lookup.c */

/* Deepest stack of overlays. */
#define TUI_OVERLAYS	4

/* The form view: fields of the current screen and the line editor. */
struct tui_form_state {
	size_t		 screen;	/* current form screen */
	struct slot	*slots;
	size_t		 nslots;
	size_t		 focus;		/* index into slots */
	size_t		 top;		/* first slot drawn */
	struct tui_edit	 ed;		/* the focused text field */
	char		 ahead[32];	/* enum type-ahead prefix */
	char		**visited;	/* paths of fields left */
	size_t		 nvisited;
	int		 pending;	/* ed not yet stored */
	int		 focus_y;	/* the focused field's row, or -1 */
};

/* The review view. */
struct tui_review_state {
	char		**lines;	/* the body, one line each */
	size_t		 nlines;
	size_t		 rtop;		/* first body line drawn */
	size_t		 rsel;		/* selected problem */
};

/* Submitting (tui_submit.c) and the result view (tui_result.c). */
struct tui_submit_state {
	struct api_result	 res;	/* the last submission */
	int		 rejected;	/* res holds DigiCert's errors */
	int		 placed;	/* res is a placed order */
	char		*unknown_alt;	/* alt ID of an unknown outcome */
	int		 warmed;	/* api_warm() has run */
	char		*output_note;	/* where --output went */
};

/* The masked key prompt view. */
struct tui_prompt_state {
	char		 key[TUI_KEY_MAX + 1];	/* typed, wiped */
	size_t		 keylen;
	int		 key_typed;	/* the key came from the prompt */
	enum tui_then	 then;		/* after the key prompt */
};

/* The look-up view: a list fetched from the account (tui_lookup.c). */
struct tui_lookup_state {
	cJSON		*pick;		/* [{"id", "name", "country"}] */
	char		*pick_title;
	size_t		 psel;
};

/* The product picker's list (tui_pick.c), before a session exists. */
struct pick;

/* The box of text over a screen: F3's "why" or F1's keys (tui_why.c). */
struct tui_why_state {
	char		*text;
	int		 top;		/* first wrapped row shown */
	int		 rows;		/* rows the box shows */
	int		 total;		/* wrapped rows of the text */
	int		 near_field;	/* F3: beside the focused field */
};

/* The wizard's state: what every view shares, then each view's own. */
struct tui {
	struct session	*s;
	const struct tui_opts	*o;
	const struct tui_view	*view;	/* the current screen */
	const struct tui_view	*stack[TUI_OVERLAYS];	/* overlays on it */
	size_t		 depth;
	struct problems	 probs;		/* session_check, when fresh */
	int		 probs_fresh;
	char		*message;	/* status line, or NULL */
	time_t		 message_until;	/* a brief message goes then, or 0 */
	int		 colors;
	unsigned int	 attr[TA_COUNT];
	int		 finished;	/* F10 on a clean review */
	int		 quit;
	int		 interrupted;	/* Ctrl-C */
	int		 discarded;	/* quit without saving */
	unsigned long	 draws;		/* screens drawn so far */
	unsigned long	 quit_draws;	/* draws when the quit question
					   opened (keys before it wait) */
	char		*body;		/* the final body, once finished */
	struct draft	*draft;		/* where drafts go */
	struct draft	 own_draft;	/* that, unless the caller gave one */
	struct tui_form_state	 fm;
	struct tui_review_state	 rv;
	struct tui_submit_state	 sb;
	struct tui_prompt_state	 kp;
	struct tui_lookup_state	 pk;
	struct tui_why_state	 why;
	struct pick		*pp;
};

/* tui_view.c: switching views and the overlay stack. */
/* Makes v the current view, closing the one before (unless it is v) and
 * opening v (again, when it was current). */
void	view_switch(struct tui *t, const struct tui_view *v);
void	view_push(struct tui *t, const struct tui_view *v);
void	view_pop(struct tui *t);
int	view_is(const struct tui *t, const struct tui_view *v);
const struct tui_view *view_top(const struct tui *t);
void	view_key(struct tui *t, const struct tui_key *k, int more);
/* Draws the current view, then the overlays (an overlay hides the
 * cursor). */
void	view_draw(struct tui *t, int *cy, int *cx);
void	view_nothing(struct tui *t);

/* tui_edit.c: the line editor. */
void	edit_set(struct tui_edit *e, const char *text);
void	edit_free(struct tui_edit *e);
void	edit_insert(struct tui_edit *e, const char *bytes, size_t n);
void	edit_insert_wc(struct tui_edit *e, unsigned int wc);
/* Handles an editing key: 1 when the text changed, 0 when only the cursor
 * moved, -1 when it is not an editing key. */
int	edit_key(struct tui_edit *e, int key);
const char *edit_text(const struct tui_edit *e);

/* tui_state.c: state shared by the other parts. */
/* Re-reads the current screen's slots, keeping the focused field where it
 * still applies; moves off a screen that is now hidden. */
void	tui_reload(struct tui *t);
int	tui_slot_is_text(const struct tui *t, const struct slot *sl);
int	tui_slot_required(const struct tui *t, const struct slot *sl);
int	tui_slot_focusable(const struct tui *t, const struct slot *sl);
int	tui_visited(const struct tui *t, const char *path);
const struct problems *tui_problems(struct tui *t);
void	tui_message(struct tui *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Adds a line to the status line message. */
void	tui_message_add(struct tui *t, const char *text);
size_t	tui_shown_count(const struct tui *t, size_t *pos);
/* Moves to the screen and slot of a path; 0, or -1 when no shown field
 * has it. */
int	tui_goto_path(struct tui *t, const char *path);
void	tui_visit(struct tui *t, const char *path);
void	edit_focus_load(struct tui *t);
const cJSON *tui_slot_values(const struct tui *t, const struct slot *sl);
size_t	tui_next_screen(const struct tui *t, int dir);

/* One key as read: a character, or a curses key code when is_key. */
struct tui_key {
	int	code;
	int	is_key;
};

/* tui.c: sets the terminal modes of every screen: raw keys, no echo,
 * function keys decoded, a short Esc delay, and getch() waking up every
 * 200 ms so that signal flags are seen. */
void	tui_term_modes(void);

/* tui.c: finishes the order: keeps the body to print and writes --output
 * (a placed order wrote it as sent, card data included, just before
 * sending); 0 when done, else -1 with the status line saying why. */
int	tui_finish(struct tui *t);
/* Writes a body to the output file (mode 0600, atomically). */
int	tui_write_body(const char *path, const cJSON *body, char **cause);


/* tui_state.c: drafts. */
void	tui_draft(struct tui *t);
/* Notes the screen and field the user is on in the draft. */
void	tui_draft_place(struct tui *t);
/* Opens a resumed draft where it was left and says so. */
void	tui_resume_start(struct tui *t);
/* Saves a draft when the answers changed and says so for a moment; a
 * failure is shown and the answers stay in memory. */
void	tui_autosave(struct tui *t);

/* tui_load.c: starting from a loaded order body. */
void	tui_load_start(struct tui *t);
size_t	tui_warning_count(const struct tui *t);

/* tui_keys.c: dispatching keys, moving around, the overlays. */
void	keys_commit(struct tui *t);
void	keys_focus(struct tui *t, size_t i);
size_t	keys_first_focusable(const struct tui *t, size_t from, int dir);
void	keys_screen(struct tui *t, int dir);
void	keys_quit(struct tui *t);
void	keys_interrupt(struct tui *t);
/* The file the focused CSR or text field names when it is readable;
 * allocated, or NULL. */
char	*keys_file_path(const struct tui *t);
void	keys_why(struct tui *t);

/* tui_keys_edit.c: keys on a text field and on a chosen value. */
void	keys_text(struct tui *t, const struct tui_key *k);
void	keys_choice(struct tui *t, const struct tui_key *k);
void	keys_set(struct tui *t, const char *text);

/* tui_keys_next.c: moving to where an answer is needed. */
/* Enter: accepts the focused field and goes to the next field that needs
 * an answer (adding an item to a required empty list); the review when
 * no other field needs one. */
void	keys_enter(struct tui *t);
/* F5 or Ctrl-N: the next field with a problem, from any field. */
void	keys_next_problem(struct tui *t);
/* F5 or Ctrl-N on the review: the form at the first problem; 0, or -1
 * when there is none. */
int	keys_first_problem(struct tui *t);
/* A new order: the focus on the first field of the screen that needs an
 * answer, if any. */
void	keys_start(struct tui *t);

/* tui_keys_list.c: list items. */
int	keys_item_of(const struct tui *t, const struct slot *sl, size_t *list,
	    size_t *item);
void	keys_list_add(struct tui *t);
void	keys_list_remove(struct tui *t);

/* tui_submit.c: the key prompt and submitting from the review. */
/* Opens the connection while the review is read; says so only when the
 * key was refused. */
void	submit_warm(struct tui *t);
void	submit_start(struct tui *t);
void	submit_key_prompt(struct tui *t, enum tui_then then);
void	submit_free(struct tui *t);

/* tui_result.c: the result screen after an order was placed. */
void	result_print(const struct tui *t);

/* tui_lookup.c: picking an ID from the account (F4 or Ctrl-L). */
int	lookup_available(const struct tui *t);
void	lookup_open(struct tui *t);
void	lookup_close(struct tui *t);

/* tui_draw.c: the form screen. */
void	draw_init_colors(struct tui *t);
void	draw_all(struct tui *t);
void	draw_form(struct tui *t, int *cy, int *cx);
/* The label of a slot as shown ("Email #1"); allocated. */
char	*draw_label(const struct tui *t, const struct slot *sl);
/* The keys the focused field takes, in words; allocated. */
char	*draw_hint(struct tui *t);
/* F1's list of keys, one per line; allocated. */
char	*draw_help_text(void);

/* tui_steps.c: "Screen n of N" and the step bar. */
void	draw_steps(struct tui *t);

/* tui_status.c: the status area under the fields and the key bars. */
int	status_rows(struct tui *t);
void	status_draw(struct tui *t, int y);
/* The rows a key bar (entries two spaces apart) takes; drawing it at the
 * bottom of the screen returns them too. */
int	keybar_rows(const char *bar);
int	keybar_draw(const char *bar);

/* tui_why.c: F3's box on the focused field (F1's is tui_view_help). */
void	why_open(struct tui *t);

/* tui_quit.c: what became of the answers, said once curses is gone. */
void	quit_report(const struct tui *t);

/* tui_text.c: text by display columns (wcwidth), ASCII without UTF-8. */
void	text_set_ascii(int on);
int	text_is_ascii(void);
/* Decodes one UTF-8 character of s (n > 0 bytes) into *cp; its length (a
 * bad byte is one U+FFFD). */
size_t	text_decode(const char *s, size_t n, unsigned int *cp);
/* The display columns of s (of its first n bytes) as draw_text() draws
 * it. */
size_t	text_width(const char *s);
size_t	text_width_n(const char *s, size_t n);
/* The columns of the leading whole characters of s covering want. */
size_t	text_skip_cols(const char *s, size_t want);
/* The bytes of the longest start of s within width columns (one
 * character at least). */
size_t	text_fit(const char *s, size_t width);
/* s padded with spaces to cols display columns (never cut); allocated. */
char	*text_pad(const char *s, size_t cols);
/* The number of rows s takes wrapped to width columns. */
int	text_rows(const char *s, int width);
/* Draws UTF-8 text at (y, x) within width columns after skipping skip
 * columns (line breaks show as an arrow); the columns used. */
int	draw_text(int y, int x, int width, const char *s, size_t skip,
	    unsigned int attr);
/* The byte length of the next line of s wrapped to width columns at a
 * space (a longer word is cut); *next gets where the next line starts. */
size_t	draw_wrap(const char *s, size_t width, size_t *next);
/* Draws s wrapped to width from row y, without its first skip rows, in
 * at most rows rows; the rows drawn. */
int	draw_para(int y, int x, int width, int rows, const char *s, int skip,
	    unsigned int attr);
void	draw_hline(int y, int x, int n);
void	draw_box(int y, int x, int h, int w);

/* tui_locale.c: sets LC_CTYPE to a UTF-8 locale, or draws in ASCII;
 * NULL, or (once) an allocated sentence saying the screen is ASCII. */
char	*tui_locale(void);
/* Reads a key like get_wch(), decoding UTF-8 itself when the locale is
 * not UTF-8. */
int	tui_get_key(wint_t *wc);

/* tui_review.c: the review screen. */
void	review_open(struct tui *t);
void	review_close(struct tui *t);
size_t	review_local_errors(struct tui *t);
/* The errors the review lists: the answers' own, else DigiCert's. */
const struct problems *review_list(struct tui *t);

/* tui_review_draw.c: drawing the review. */
void	review_draw(struct tui *t, int *cy, int *cx);
int	review_body_rows(struct tui *t);

#endif
