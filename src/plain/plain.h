/* plain.h: the wizard as numbered prompts, one line each, for screen
 * readers, TERM=dumb and scripts (answers piped on stdin).
 *
 * Every prompt is one whole line ending in a newline and begins with the
 * field's concrete JSON path in square brackets:
 *
 *   [payment_method] Payment method (required) 1) balance 2) profile 3) card [balance]:
 *
 * Besides an answer, a line may be "<" or "-" (back to the previous
 * question), "?" (the field's help and why it is asked), "??" (the
 * organizations, or server platforms, the look-up finds) or "!" (clear an
 * optional answer).
 *
 * Ownership: plain_run() and plain_pick() borrow everything they are given;
 * plain_pick_product() returns an allocated id the caller frees.
 * The session's conversation goes to out; how a run ended (input ended,
 * interrupted, draft saved) goes to stderr as "certwiz: ...".
 */
#ifndef CERTWIZ_PLAIN_H
#define CERTWIZ_PLAIN_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

struct api;
struct api_result;
struct plain_in;
struct draft;
struct session;

/* What a plain run is told. */
struct plain_opts {
	const char		*output;	/* the body goes here; NULL */
	struct draft		*draft;		/* unfinished work saved here */
	volatile sig_atomic_t	*signo;		/* set by signals, or NULL */
	struct api		*api;		/* "??" look-ups, or NULL */
	int			 sandbox;	/* --sandbox: in resume hints */
	int			 send;		/* the order is to be sent */
};

/* A reader of fd's lines (plain_input.c): what it reads waits in a
 * buffer of its own, and every line taken is wiped from it, so no answer
 * (an API key, a card number) stays behind; one reader serves every
 * question of a run, so nothing read ahead is lost between them. The fd
 * stays the caller's (plain_in_free() does not close it). */
struct plain_in	*plain_in_fd(int fd);
/* A reader of the len bytes of text, which then ends (tests, fuzzing). */
struct plain_in	*plain_in_mem(const char *text, size_t len);
/* Wipes what a reader still holds and releases it; NULL is allowed. */
void		 plain_in_free(struct plain_in *in);

/* Most bad answers in a row to one prompt before plain mode gives up. */
#define PLAIN_MAX_TRIES 100

/* Walks every screen of s asking one prompt per line; returns the exit
 * status: 0 order complete and valid (and written to o->output), 1 input
 * ended or the order has errors (a draft is saved), 128+N on signal N. */
int	plain_run(struct session *s, struct plain_in *in, FILE *out,
	    const struct plain_opts *o);
/* After a complete run: asks "[submit] Submit this order to the US
 * platform? (y/n) [y]:", then (when no key is known) "[api_key] API key
 * for the US platform:" (read with echo off, never printed or stored) and
 * places the order with api. Returns 1 when it was sent (res filled; the
 * card data is wiped from the session), 0 when declined, -1 when input
 * ended, was interrupted or the key was refused before sending. */
int	plain_submit(struct session *s, struct api *api, const char *draft,
	    struct plain_in *in, FILE *out,
	    volatile sig_atomic_t *signo, struct api_result *res);
/* Asks for one of n choices (ids with titles) by number or id; returns its
 * index, or -1 when input ended or was interrupted. */
int	plain_pick(const char *what, char *const *ids, char *const *titles,
	    int n, struct plain_in *in, FILE *out,
	    volatile sig_atomic_t *signo);
/* Asks for one of the products in forms_dir (listed with their titles);
 * returns its id (allocated), or NULL when none was chosen (input ended,
 * a signal, or the forms cannot be listed: said on stderr). */
char	*plain_pick_product(const char *forms_dir, struct plain_in *in,
	    FILE *out, volatile sig_atomic_t *signo);

#endif
