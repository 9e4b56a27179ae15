/* plain_int.h: what the parts of plain mode share (internal).
 *
 * Ownership: a struct walk owns its seen, skip and quiet lists (plain.c's
 * walk_free() releases them); everything else in it is borrowed.
 */
#ifndef CERTWIZ_PLAIN_INT_H
#define CERTWIZ_PLAIN_INT_H

#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "plain/plain.h"

struct lookup;
struct session;
struct slot;

/* How many look-up lists a run keeps (one per kind of look-up). */
#define PLAIN_LOOKUPS 8

/* Why a walk stopped early. */
enum plain_stop {
	STOP_NONE, STOP_EOF, STOP_SIGNAL, STOP_TRIES
};

/* A plain run in progress. */
struct walk {
	struct session		*s;
	struct plain_in		*in;
	FILE			*out;
	const struct plain_opts	*o;
	char			**seen;		/* keys of prompts answered */
	size_t			 nseen;
	char			**skip;		/* optional objects declined */
	size_t			 nskip;
	char			**quiet;	/* passed, not asked */
	size_t			 nquiet;
	enum plain_stop		 stop;
	int			 in_walk;	/* "<" and "?" work */
	int			 back;		/* "<" was answered */
	const struct slot	*cur;		/* the slot being asked */
	const struct lookup	*kinds[PLAIN_LOOKUPS];	/* fetched lists */
	cJSON			*lists[PLAIN_LOOKUPS];
	const cJSON		*offered;	/* list shown for this prompt */
	const struct lookup	*offered_kind;
};

/* What plain_command() made of a line. */
enum plain_cmd {
	CMD_NONE,	/* an answer */
	CMD_AGAIN,	/* handled ("?", "??"): ask the same question again */
	CMD_BACK	/* "<" or "-": w->back is set */
};

/* plain_input.c: reads one answer line (without its newline) into an
 * allocated *line; 0, or -1 with w->stop set. */
int	plain_read(struct walk *w, char **line);
/* Reads a secret answer with the terminal's echo off; as plain_read().
 * Free the line with secmem_free(). */
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
/* Remembers a key passed without a question (a required object), which
 * "<" steps over. */
void	plain_quiet_add(struct walk *w, const char *key);
/* plain_lookup.c: the "?" offer before a look-up field's prompt, an
 * answer listing or picking, and releasing the lists. */
void	plain_lookup_offer(struct walk *w, const struct slot *slot);
/* Handles an answer to a look-up field: "??" lists the entries (2); a
 * number from the list or one of its IDs picks that entry and fills the
 * slot and the siblings its look-up names (1, *err the slot's error or
 * NULL); anything else is an ordinary answer (0). */
int	plain_lookup_answer(struct walk *w, const struct slot *slot,
	    const char *line, char **err);
void	plain_lookup_free(struct walk *w);
/* Remembers an optional object as declined. */
void	plain_skip_add(struct walk *w, const char *path);
/* Handles a line that is a command rather than an answer (plain_help.c). */
enum plain_cmd plain_command(struct walk *w, const char *line);

#endif
