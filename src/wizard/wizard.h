/* wizard.h: one run of the order wizard, whichever front end shows it:
 * what it starts from (a product, a body from --load, a draft), the
 * answers recalled from the last order, what became of an order sent
 * from a resumed draft, plain mode's submission after its last prompt,
 * and what becomes of the draft (kept with the command that continues,
 * told its attempt, removed once its order is placed, its answers then
 * kept for --copy in wizard/placed.h).
 *
 * The front ends (plain prompts, curses) and everything that talks to
 * CertCentral come in as a struct wizard_front that the command sets up,
 * so this module includes only core, util and wizard (HACKING.md).
 *
 * Ownership: wizard_run() borrows its options and front end. The front
 * end's calls borrow what they are given; strings they return through
 * pointers are allocated and freed by the run.
 */
#ifndef CERTWIZ_WIZARD_H
#define CERTWIZ_WIZARD_H

#include <time.h>

struct draft;
struct form;
struct problems;
struct recall;
struct session;

/* What became of an order sent from the wizard, as its draft needs it. */
enum wizard_fate {
	WIZARD_NOT_PLACED,	/* refused, failed, or not known: keep */
	WIZARD_PLACED,		/* placed: the draft goes */
	WIZARD_UNKNOWN,		/* sent, outcome unknown: record it */
};

/* What plain mode's submission did (its result already printed). */
struct wizard_sent {
	int		 status;	/* the exit status of the result */
	enum wizard_fate fate;
	char		*attempt_id;	/* the journal's attempt, or NULL */
	char		*order_id;	/* placed: its order ID, or NULL */
};

/* What the command line asked of the run. */
struct wizard_opts {
	const char	*forms_dir;
	time_t		 now;		/* "today" for date checks */
	const char	*command;	/* "certwiz [--sandbox]" for hints */
	int		 sandbox;	/* --sandbox: resume hints say it */
	int		 dry_run;
	int		 no_recall;	/* start blank, not from recall.json */
	int		 resume;	/* --resume */
	const char	*draft;		/* --resume=DRAFT, or NULL: newest */
	const char	*load;		/* --load FILE, or NULL */
	const char	*copy;		/* --copy ORDER_ID, or NULL */
	const char	*product;	/* the PRODUCT argument, or NULL */
};

/* A front end: how a run asks, shows and sends. Every call gets arg. */
struct wizard_front {
	int	 plain;		/* plain mode: notes on stdout, and the
				 * order is submitted after the run */
	void	*arg;
	/* Asks for a product or, when drafts is 1, for a product or a
	 * draft's file name; 0 when one was chosen, 1 when the user chose
	 * nothing, 128+N after signal N, -1 on an error (said). */
	int	(*pick)(void *arg, int drafts, char **product, char **draft);
	/* Loads product id's form; NULL after saying why it cannot. */
	struct form *(*load_form)(void *arg, const char *id);
	/* Runs the wizard on s (drafts saved to d; warn: a loaded body's
	 * unknown fields; r: what recall filled in); its exit status: 0
	 * finished, 1 not finished, 128+N after signal N. */
	int	(*run)(void *arg, struct session *s, struct draft *d,
		    const struct problems *warn, struct recall *r);
	/* Plain mode, after a finished run: asks whether to submit s and
	 * does (the attempt names the draft: draft_ident()), printing the
	 * result; 1 sent (*sent filled in), 0 declined, -1 when input
	 * ended, a signal came or the key was refused before sending. */
	int	(*submit)(void *arg, struct session *s, const char *draft,
		    struct wizard_sent *sent);
	/* What became of the journal's attempt id, looked up when its
	 * outcome is open (WIZARD_UNKNOWN when the journal lacks it); when
	 * placed, its order ID in *order_id (or NULL). */
	enum wizard_fate (*settle)(void *arg, const char *id,
		    char **order_id);
};

/* Runs the wizard as o asks through front end f and returns the exit
 * status: 0 done (an order placed, a dry run finished, a resumed draft
 * found placed, or plain mode's submission declined), 1 not finished or
 * not placed, 2 a usage or start-up error, the submission's status (3-5,
 * see util/exits.h), 128+N after signal N. Unplaced answers are kept in a
 * draft and the command that continues is said on stderr. */
int	wizard_run(const struct wizard_opts *o, const struct wizard_front *f);

#endif
