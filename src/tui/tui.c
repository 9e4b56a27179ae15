/* tui.c: the curses wizard's main loop: start-up and teardown, reading keys,
 * resizes, signals, and the state the other parts share. */
#include "config.h"

#include "tui/tui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "core/answers.h"
#include "core/form.h"
#include "tui/tui_int.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/signals.h"
#include "util/xalloc.h"
#include "wizard/recall.h"

/* Most keys read in one go (a paste arrives as many keys). */
#define TUI_BATCH 8192

/* 1 while curses owns the terminal. */
static int tui_active;

/* Gives the terminal back (also run before dying of exhaustion). */
static void
tui_end(void)
{
	if (tui_active) {
		endwin();
		tui_active = 0;
	}
}

/* Starts curses; returns -1 when the terminal cannot be used. */
static int
tui_start(struct tui *t)
{
	if (newterm(NULL, stdout, stdin) == NULL)
		return -1;
	tui_active = 1;
	cw_set_fatal_hook(tui_end);
	tui_term_modes();
	draw_init_colors(t);
	return 0;
}

/* Sets the status line message. */
void
tui_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	free(t->message);
	va_start(ap, fmt);
	t->message = xvasprintf(fmt, ap);
	va_end(ap);
	t->message_until = 0;	/* stays until a key; a timed one sets it */
}

/* Adds a line to the status line message (or sets it). */
void
tui_message_add(struct tui *t, const char *text)
{
	char *all;

	if (t->message == NULL) {
		tui_message(t, "%s", text);
		return;
	}
	all = xasprintf("%s\n%s", t->message, text);
	free(t->message);
	t->message = all;
}

/* Shows the notice of a change the session made by itself (a value that
 * followed another answer) on the status line. */
static void
tui_notice(struct tui *t)
{
	char *note = session_notice_take(t->s);

	if (note == NULL)
		return;
	tui_message_add(t, note);
	t->message_until = 0;
	free(note);
}

/* Reads the keys waiting (at least one, or none after the timeout). */
static size_t
tui_read_keys(struct tui_key *keys, size_t max)
{
	size_t n = 0;
	wint_t wc;
	int rc;

	timeout(200);
	while (n < max) {
		rc = tui_get_key(&wc);
		if (rc == ERR)
			break;
		keys[n].code = (int)wc;
		keys[n].is_key = rc == KEY_CODE_YES;
		n++;
		timeout(0);
	}
	timeout(200);
	return n;
}

/* Sets the terminal modes every certwiz screen uses. */
void
tui_term_modes(void)
{
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(200);
}

/* Releases everything the state holds. */
static void
tui_free_state(struct tui *t)
{
	size_t i;

	session_slots_free(t->fm.slots, t->fm.nslots);
	edit_free(&t->fm.ed);
	for (i = 0; i < t->fm.nvisited; i++)
		free(t->fm.visited[i]);
	free(t->fm.visited);
	problems_free(&t->probs);
	free(t->message);
	free(t->why.text);
	review_close(t);
	lookup_close(t);
	submit_free(t);
	draft_clear(&t->own_draft);
}

/* Writes the body to the output file (mode 0600, atomically). */
int
tui_write_body(const char *path, const cJSON *body, char **cause)
{
	char *text = json_print(body, 0, cause);
	int rc;

	if (text == NULL)
		return -1;
	rc = fileio_write_atomic(path, text, cause);
	secmem_free(text);
	return rc;
}

/* Finishes the order: keeps the body and writes --output. */
int
tui_finish(struct tui *t)
{
	cJSON *body = session_body(t->s);
	char *text = cJSON_Print(body), *cause = NULL;

	if (text == NULL) {
		json_wipe_delete(body);
		tui_message(t, _("cannot build the body"));
		return -1;
	}
	if (t->o->output != NULL && !t->sb.placed &&
	    tui_write_body(t->o->output, body, &cause) != 0) {
		json_wipe_delete(body);
		tui_message(t, "%s", cause);
		free(cause);
		cJSON_free(text);
		return -1;
	}
	json_wipe_delete(body);
	if (t->o->output != NULL && t->sb.placed) {
		free(t->sb.output_note);
		t->sb.output_note = xasprintf(_("written to %s as it was sent"),
		    t->o->output);
	}
	free(t->body);
	t->body = xstrdup(text);
	cJSON_free(text);
	t->finished = 1;
	return 0;
}

/* Says which answers were filled in from the last order. */
static void
tui_recall_note(struct tui *t)
{
	char *what = recall_summary(t->s, t->o->recall);

	tui_message(t, _("remembered %s from your last order (Ctrl-X clears)"),
	    what);
	free(what);
}

/* Runs the loop until the user finishes or quits, or a signal arrives. */
static void
tui_loop(struct tui *t, struct tui_key *keys)
{
	size_t i, n;

	while (!t->finished && !t->quit) {
		draw_all(t);
		n = tui_read_keys(keys, TUI_BATCH);
		if (t->message_until != 0 && time(NULL) >= t->message_until) {
			free(t->message);
			t->message = NULL;
			t->message_until = 0;
		}
		if (cw_signal_caught()) {
			keys_commit(t);
			if (t->s->changed)
				tui_draft(t);
			t->quit = 1;
			break;
		}
		for (i = 0; i < n && !t->finished && !t->quit; i++) {
			view_key(t, &keys[i], i + 1 < n);
			tui_notice(t);
		}
		keys_commit(t);
		tui_notice(t);
	}
}

/* Runs the curses wizard on a session. */
int
tui_run(struct session *s, const struct tui_opts *o)
{
	struct tui t;
	struct tui_key *keys;
	char *body = NULL, *locale_note;
	int status, resumed;

	memset(&t, 0, sizeof t);
	locale_note = tui_locale();
	resumed = o->draft != NULL && o->draft->path != NULL;
	t.s = s;
	t.o = o;
	t.draft = o->draft != NULL ? o->draft : &t.own_draft;
	cw_signals_catch(0, NULL);
	if (tui_start(&t) != 0) {
		cw_warn(_("cannot start the terminal wizard (TERM=%s); try "
		    "--plain"), getenv("TERM") != NULL ? getenv("TERM") : "");
		free(locale_note);
		return 2;
	}
	keys = xcalloc(TUI_BATCH, sizeof *keys);
	t.fm.screen = 0;
	t.view = &tui_view_form;
	tui_reload(&t);
	keys_focus(&t, keys_first_focusable(&t, 0, 1));
	if (!o->loaded && !resumed)
		keys_start(&t);		/* a new order */
	if (o->loaded)
		tui_load_start(&t);
	else if (resumed)
		tui_resume_start(&t);
	else if (o->recall != NULL && o->recall->n > 0)
		tui_recall_note(&t);
	if (locale_note != NULL)
		tui_message_add(&t, locale_note);
	free(locale_note);
	tui_loop(&t, keys);
	tui_draft_place(&t);	/* a draft saved after the run opens here */
	body = t.body;
	t.body = NULL;
	tui_end();
	free(keys);
	status = t.finished ? 0 : cw_signal_caught() ?
	    128 + cw_signal_caught() : 1;
	if (t.sb.placed)
		result_print(&t);
	else if (t.finished && body != NULL) {
		if (o->output != NULL)
			printf(_("dry run: nothing submitted; body written to "
			    "%s\n"), o->output);
		else
			printf("%s\n", body);
	} else if (cw_signal_caught() || t.quit)
		quit_report(&t);
	free(body);
	tui_free_state(&t);
	return status;
}
