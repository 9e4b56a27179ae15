/* plain_int.h: what the parts of plain mode share (internal).
 *
 * Ownership: a struct walk owns its seen and skip lists (plain_walk_free());
 * everything else in it is borrowed.
 */
#ifndef CERTWIZ_PLAIN_INT_H
#define CERTWIZ_PLAIN_INT_H

#include <stddef.h>
#include <stdio.h>

#include "plain/plain.h"

struct session;
struct slot;

/* Why a walk stopped early. */
enum plain_stop {
	STOP_NONE, STOP_EOF, STOP_SIGNAL, STOP_TRIES
};

/* A plain run in progress. */
struct walk {
	struct session		*s;
	FILE			*in, *out;
	const struct plain_opts	*o;
	char			**seen;		/* keys of prompts answered */
	size_t			 nseen;
	char			**skip;		/* optional objects declined */
	size_t			 nskip;
	enum plain_stop		 stop;
};

/* Reads one answer line (without its newline) into an allocated *line;
 * 0, or -1 with w->stop set. */
int	plain_read(struct walk *w, char **line);
/* Reads a secret answer with the terminal's echo off; as plain_read(). */
int	plain_read_secret(struct walk *w, char **line);
/* Asks a yes/no question whose blank answer is no, shown as "[y/N]"; 1 yes,
 * 0 no, -1 stopped. */
int	plain_confirm(struct walk *w, const char *prompt, const char *path);
/* Asks a yes/no question until answered; 1 yes, 0 no, -1 stopped. */
int	plain_yes_no(struct walk *w, const char *prompt, const char *path,
	    int dflt);
/* Asks the prompt of one slot until it has a good answer or w stops. */
void	plain_ask(struct walk *w, const struct slot *slot);
/* Remembers a key as asked. */
void	plain_seen_add(struct walk *w, const char *key);
/* Remembers an optional object as declined. */
void	plain_skip_add(struct walk *w, const char *path);

#endif
