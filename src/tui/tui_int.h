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

/* What the screen shows. */
enum tui_mode { TM_FORM, TM_REVIEW, TM_RESULT };

/* An overlay drawn over the screen until a key is pressed. */
enum tui_overlay {
	TO_NONE, TO_HELP, TO_WHY, TO_QUIT,
	TO_KEY,		/* the masked API key prompt */
	TO_PICK,	/* a list fetched from the account (F4) */
	TO_RESEND	/* send again after an unknown outcome? */
};

/* What follows once a key has been typed at the prompt. */
enum tui_then { TT_NONE, TT_SUBMIT, TT_PICK };

/* Longest API key the prompt takes. */
#define TUI_KEY_MAX	256

/* Colour pairs (or attributes without colour). */
enum tui_attr { TA_TITLE, TA_FOCUS, TA_ERROR, TA_MARK, TA_DIM, TA_COUNT };

/* The wizard's state. */
struct tui {
	struct session		*s;
	const struct tui_opts	*o;
	enum tui_mode		 mode;
	enum tui_overlay	 overlay;
	char			*overlay_text;	/* TO_WHY text */
	size_t			 screen;	/* current form screen */
	struct slot		*slots;
	size_t			 nslots;
	size_t			 focus;		/* index into slots */
	size_t			 top;		/* first slot drawn */
	struct tui_edit		 ed;		/* the focused text field */
	char			 ahead[32];	/* enum type-ahead prefix */
	char		       **visited;	/* paths of fields left */
	size_t			 nvisited;
	struct problems		 probs;		/* session_check, when fresh */
	int			 probs_fresh;
	int			 pending;	/* ed not yet stored */
	char			*message;	/* status line, or NULL */
	int			 colors;
	unsigned int		 attr[TA_COUNT];
	/* Review screen. */
	char		       **lines;		/* the body, one line each */
	size_t			 nlines;
	size_t			 rtop;		/* first body line drawn */
	size_t			 rsel;		/* selected problem */
	int			 finished;	/* F10 on a clean review */
	int			 quit;
	int			 interrupted;	/* Ctrl-C */
	char			*body;		/* the final body, once finished */
	struct draft		*draft;		/* where drafts go */
	struct draft		 own_draft;	/* that, unless the caller gave one */
	time_t			 message_until;	/* a brief message goes then, or 0 */
	/* Submitting (tui_submit.c) and the result screen (tui_result.c). */
	struct api_result	 res;		/* the last submission */
	int			 rejected;	/* res holds DigiCert's errors */
	int			 placed;	/* res is a placed order */
	char			*unknown_alt;	/* alt ID of an unknown outcome */
	int			 warmed;	/* api_warm() has run */
	char			 key[TUI_KEY_MAX + 1];	/* typed, wiped */
	size_t			 keylen;
	int			 key_typed;	/* the key came from the prompt */
	enum tui_then		 then;		/* after the key prompt */
	char			*output_note;	/* where --output went */
	/* The pick list (tui_lookup.c). */
	cJSON			*pick;		/* [{"id", "name", "country"}] */
	char			*pick_title;
	size_t			 psel;
};

/* tui_edit.c: the line editor. */
void	edit_set(struct tui_edit *e, const char *text);
void	edit_free(struct tui_edit *e);
void	edit_insert(struct tui_edit *e, const char *bytes, size_t n);
void	edit_insert_wc(struct tui_edit *e, unsigned int wc);
int	edit_key(struct tui_edit *e, int key);
const char *edit_text(const struct tui_edit *e);
size_t	edit_chars_before(const struct tui_edit *e);

/* tui_state.c: state shared by the other parts. */
void	tui_reload(struct tui *t);
int	tui_slot_is_text(const struct tui *t, const struct slot *sl);
int	tui_slot_required(const struct tui *t, const struct slot *sl);
int	tui_slot_focusable(const struct tui *t, const struct slot *sl);
int	tui_visited(const struct tui *t, const char *path);
const struct problems *tui_problems(struct tui *t);
void	tui_message(struct tui *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
size_t	tui_shown_count(const struct tui *t, size_t *pos);
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

/* tui.c: the terminal modes of every screen. */
void	tui_term_modes(void);

/* tui.c: finishing. */
int	tui_finish(struct tui *t);
/* Writes a body to the output file (mode 0600, atomically). */
int	tui_write_body(const char *path, const char *text, char **cause);

/* tui.c: signals (the handlers only set a flag). */
void	tui_signals(void);
int	tui_signal_caught(void);

/* tui_state.c: drafts. */
void	tui_draft(struct tui *t);
void	tui_autosave(struct tui *t);

/* tui_load.c: starting from a loaded order body. */
void	tui_load_start(struct tui *t);
size_t	tui_warning_count(const struct tui *t);

/* tui_keys.c: dispatching keys, moving around, the overlays. */
void	keys_handle(struct tui *t, const struct tui_key *k, int more);
void	keys_commit(struct tui *t);
void	keys_focus(struct tui *t, size_t i);
size_t	keys_first_focusable(const struct tui *t, size_t from, int dir);
void	keys_screen(struct tui *t, int dir);
void	keys_quit(struct tui *t);
void	keys_interrupt(struct tui *t);
char	*keys_file_path(const struct tui *t);
void	keys_why(struct tui *t);

/* tui_keys_edit.c: keys on a text field and on a chosen value. */
void	keys_text(struct tui *t, const struct tui_key *k);
void	keys_choice(struct tui *t, const struct tui_key *k);
void	keys_set(struct tui *t, const char *text);

/* tui_keys_list.c: list items. */
int	keys_item_of(const struct tui *t, const struct slot *sl, size_t *list,
	    size_t *item);
void	keys_list_add(struct tui *t);
void	keys_list_remove(struct tui *t);

/* tui_submit.c: the key prompt and submitting from the review. */
void	submit_warm(struct tui *t);
void	submit_start(struct tui *t);
void	submit_key_prompt(struct tui *t, enum tui_then then);
void	submit_key_key(struct tui *t, const struct tui_key *k);
void	submit_resend_key(struct tui *t, const struct tui_key *k);
void	submit_draw_key(struct tui *t);
void	submit_free(struct tui *t);

/* tui_result.c: the result screen after an order was placed. */
void	result_draw(struct tui *t);
void	result_key(struct tui *t, const struct tui_key *k);
void	result_print(const struct tui *t);

/* tui_lookup.c: picking an ID from the account (F4 or Ctrl-L). */
int	lookup_available(const struct tui *t);
void	lookup_open(struct tui *t);
void	lookup_draw(struct tui *t);
void	lookup_key(struct tui *t, const struct tui_key *k);
void	lookup_close(struct tui *t);

/* tui_draw.c: the form screen and overlays. */
void	draw_init_colors(struct tui *t);
void	draw_all(struct tui *t);
int	draw_text(int y, int x, int width, const char *s, size_t skip,
	    unsigned int attr);
size_t	draw_wrap(const char *s, size_t width, size_t *next);
void	draw_box(int y, int x, int h, int w);

/* tui_review.c: the review screen. */
void	review_open(struct tui *t);
void	review_close(struct tui *t);
void	review_draw(struct tui *t);
void	review_key(struct tui *t, const struct tui_key *k);
size_t	review_local_errors(struct tui *t);

#endif
