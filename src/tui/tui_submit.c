/* tui_submit.c: submitting from the review screen: warming the connection
 * up, the masked key prompt, sending, and what each outcome leaves on the
 * screen. Card data is wiped from the answers once an order was sent. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "core/platform.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/draft.h"

/* Control keys. */
#define KEY_CTRL(c)	((c) & 0x1f)
#define KEY_ESC		27

/* Shows a note from the api module (a retry) at once. */
static void
submit_notify(const char *message, void *arg)
{
	struct tui *t = arg;

	tui_message(t, "%s", message);
	draw_all(t);
}

/* Opens the connection while the user reads the review. */
void
submit_warm(struct tui *t)
{
	const char *platform = t->s->form->platform;
	char *cause = NULL;

	if (t->o->dry_run || t->o->api == NULL || t->sb.warmed)
		return;
	if (api_has_key(t->o->api, platform, &cause) != 1) {
		free(cause);
		return;
	}
	t->sb.warmed = 1;
	if (api_warm(t->o->api, platform, &cause) == API_WARM_KEY_REFUSED)
		tui_message(t, "%s", cause);
	free(cause);
}

/* Opens the masked key prompt; then runs once a key was set. */
void
submit_key_prompt(struct tui *t, enum tui_then then)
{
	explicit_bzero(t->kp.key, sizeof t->kp.key);
	t->kp.keylen = 0;
	t->kp.then = then;
	view_push(t, &tui_view_prompt);
}

/* Wipes the card number and CVV (every secret field) from the answers and
 * the edit buffer once an order was sent. */
static void
submit_wipe_card(struct tui *t)
{
	session_wipe_secrets(t->s);
	if (t->fm.ed.buf != NULL)
		explicit_bzero(t->fm.ed.buf, t->fm.ed.cap);
	t->fm.ed.len = t->fm.ed.cur = 0;
	t->probs_fresh = 0;
	/* The editor shows the focused answer again (now without card data):
	 * left empty, a key typed after Esc would replace the answer. */
	edit_focus_load(t);
}


/* The body to send: the answers, with the alternative order ID of an
 * unknown outcome so that a second order can be matched to the first. */
static cJSON *
submit_body(struct tui *t)
{
	cJSON *body = session_body(t->s);

	if (t->sb.unknown_alt != NULL &&
	    form_find(t->s->form, "alternative_order_id") != NULL &&
	    cJSON_GetObjectItemCaseSensitive(body,
	    "alternative_order_id") == NULL)
		cJSON_AddStringToObject(body, "alternative_order_id",
		    t->sb.unknown_alt);
	return body;
}

/* Says what an outcome other than placed means, on the review. */
static void
submit_outcome(struct tui *t)
{
	const struct api_result *r = &t->sb.res;

	switch (r->outcome) {
	case API_PLACED:
		break;
	case API_REJECTED:
		t->sb.rejected = 1;
		t->rv.rsel = 0;
		tui_message(t, _("Refused: %s"), r->message);
		break;
	case API_FAILED:
		tui_message(t, _("Not placed: %s. F10 tries "
		    "again."), r->message);
		if (r->http_status == 401 && t->kp.key_typed)
			t->kp.key_typed = -1;	/* ask for the key again */
		break;
	case API_NOT_FOUND:
		tui_message(t, _("Not found: %s. F10 sends it again."),
		    r->message);
		break;
	case API_DUPLICATE:
	case API_NOUTCOMES:
		tui_message(t, _("Not sent: %s."), r->message);
		break;
	case API_UNKNOWN:
		free(t->sb.unknown_alt);
		t->sb.unknown_alt = r->alternative_order_id != NULL ?
		    xstrdup(r->alternative_order_id) : NULL;
		tui_message(t, _("Outcome unknown: %s. certwiz does not send "
		    "it again by itself; F10 looks it up first ('certwiz%s "
		    "resolve' does too)."), r->message, t->o->sandbox ?
		    " --sandbox" : "");
		break;
	}
}

/* Shows a placed order on the result screen. */
static void
submit_placed(struct tui *t)
{
	free(t->sb.unknown_alt);
	t->sb.unknown_alt = NULL;
	t->sb.placed = 1;
	free(t->draft->placed);
	t->draft->placed = t->sb.res.order_id != NULL ?
	    xstrdup(t->sb.res.order_id) : NULL;
	session_adopt_org(t->s, t->sb.res.organization_id);
	free(t->message);
	t->message = NULL;
	view_switch(t, &tui_view_result);
	t->s->changed = 0;
	tui_finish(t);
	t->finished = 0;
}

/* Writes --output with the bytes about to be sent, card data included
 * (the file is the operator's record, mode 0600). */
static void
submit_output(struct tui *t, const cJSON *body)
{
	char *cause = NULL;

	if (t->o->output != NULL &&
	    tui_write_body(t->o->output, body, &cause) != 0) {
		tui_message(t, "%s", cause);
		free(cause);
	}
}

/* Records an attempt with an unknown outcome in the draft, so that
 * resuming it looks the order up before anything is sent again. */
static void
submit_keep_attempt(struct tui *t)
{
	char *cause = NULL;

	if (t->sb.res.outcome != API_UNKNOWN || t->sb.res.attempt_id == NULL ||
	    t->o->draft == NULL)
		return;
	if (draft_set_attempt(t->s, t->o->draft, t->sb.res.attempt_id,
	    &cause) != 0) {
		tui_message(t, "%s", cause);
		free(cause);
	}
}

/* Sends the order and shows what came of it. */
static void
submit_send(struct tui *t)
{
	cJSON *body;
	char *ident;

	api_result_free(&t->sb.res);
	t->sb.rejected = 0;
	tui_message(t, _("Submitting to the %s platform…"),
	    _(platform_title(t->s->form->platform)));
	draw_all(t);
	body = submit_body(t);
	submit_output(t, body);
	api_set_notify(t->o->api, submit_notify, t);
	ident = draft_ident(t->o->draft);
	api_submit(t->o->api, t->s->form, body, ident, &t->sb.res);
	free(ident);
	api_set_notify(t->o->api, NULL, NULL);
	json_wipe(body);
	cJSON_Delete(body);
	if (!t->sb.res.unsent)
		submit_wipe_card(t);
	submit_keep_attempt(t);
	if (t->sb.res.outcome == API_PLACED)
		submit_placed(t);
	else {
		submit_outcome(t);
		review_open(t);
	}
}

/* After an unknown outcome: looks the order up again before anything is
 * sent; asks before sending again when there is still none. */
static void
submit_recheck(struct tui *t)
{
	struct api_result r = API_RESULT_INIT;

	tui_message(t, _("Looking up alternative order ID %s…"),
	    t->sb.unknown_alt);
	draw_all(t);
	api_find_alternate(t->o->api, t->s->form->platform, t->sb.unknown_alt,
	    &r);
	if (r.outcome == API_PLACED) {
		api_result_free(&t->sb.res);
		t->sb.res = r;
		t->sb.res.found_by_alt = 1;
		t->sb.res.alternative_order_id = xstrdup(t->sb.unknown_alt);
		submit_placed(t);
		return;
	}
	if (r.outcome == API_FAILED)
		tui_message(t, _("%s; nothing was sent"), r.message);
	else {
		free(t->message);
		t->message = NULL;
		view_push(t, &tui_view_resend);
	}
	api_result_free(&r);
}

/* F10 on a review with nothing left to fix. */
void
submit_start(struct tui *t)
{
	char *cause = NULL;

	if (t->o->api == NULL)
		return;
	if (t->sb.unknown_alt != NULL) {
		submit_recheck(t);
		return;
	}
	if (t->kp.key_typed < 0 || api_has_key(t->o->api, t->s->form->platform,
	    &cause) != 1) {
		free(cause);
		submit_key_prompt(t, TT_SUBMIT);
		return;
	}
	submit_send(t);
}

/* Sets the typed key and goes on with what asked for it. */
static void
submit_key_done(struct tui *t)
{
	char *cause = NULL;
	enum tui_then then = t->kp.then;

	view_pop(t);
	t->kp.then = TT_NONE;
	if (api_set_key(t->o->api, t->s->form->platform, t->kp.key,
	    &cause) != 0) {
		tui_message(t, "%s", cause);
		free(cause);
	} else
		t->kp.key_typed = 1;
	explicit_bzero(t->kp.key, sizeof t->kp.key);
	t->kp.keylen = 0;
	if (t->kp.key_typed != 1)
		return;
	if (then == TT_SUBMIT)
		submit_send(t);
	else if (then == TT_PICK)
		lookup_open(t);
}

/* Keys at the masked key prompt: printable ASCII, Backspace, Ctrl-U,
 * Enter sets the key, Esc cancels. */
static void
submit_key_key(struct tui *t, const struct tui_key *k, int more)
{
	int c = k->code;

	(void)more;
	if (k->is_key) {
		if (c == KEY_BACKSPACE && t->kp.keylen > 0)
			t->kp.key[--t->kp.keylen] = '\0';
		else if (c == KEY_ENTER && t->kp.keylen > 0)
			submit_key_done(t);
		return;
	}
	if ((c == '\r' || c == '\n') && t->kp.keylen > 0)
		submit_key_done(t);
	else if (c == KEY_ESC || c == KEY_CTRL('c')) {
		explicit_bzero(t->kp.key, sizeof t->kp.key);
		t->kp.keylen = 0;
		view_pop(t);
		tui_message(t, _("no key given; nothing was sent"));
	} else if ((c == 0x7f || c == 0x08) && t->kp.keylen > 0)
		t->kp.key[--t->kp.keylen] = '\0';
	else if (c == KEY_CTRL('u')) {
		explicit_bzero(t->kp.key, sizeof t->kp.key);
		t->kp.keylen = 0;
	} else if (c > 0x20 && c < 0x7f && t->kp.keylen < TUI_KEY_MAX)
		t->kp.key[t->kp.keylen++] = (char)c;
}

/* Keys at "send again?" after an unknown outcome. */
static void
submit_resend_key(struct tui *t, const struct tui_key *k, int more)
{
	(void)more;
	view_pop(t);
	if (!k->is_key && (k->code == 'y' || k->code == 'Y'))
		submit_send(t);
	else
		tui_message(t, _("not sent again; 'certwiz%s history' shows "
		    "the submission"), t->o->sandbox ? " --sandbox" : "");
}

/* Draws the "send again?" question. */
static void
submit_draw_resend(struct tui *t, int *cy, int *cx)
{
	int w = 72, x = (COLS - w) / 2, y = LINES / 2 - 3;
	char *line;

	(void)cy;
	(void)cx;
	draw_box(y, x, 6, w);
	line = xasprintf(_("No order with alternative order ID %s was found."),
	    t->sb.unknown_alt);
	draw_text(y + 1, x + 2, w - 4, line, 0, A_BOLD);
	free(line);
	draw_text(y + 2, x + 2, w - 4, _("The last submission may still "
	    "have been placed."), 0, A_NORMAL);
	draw_text(y + 4, x + 2, w - 4, _("Send the order again? (y/n)"),
	    0, A_BOLD);
}

/* Draws the key prompt: a star for each character typed. */
static void
submit_draw_key(struct tui *t, int *cy, int *cx)
{
	int w = 72, x = (COLS - w) / 2, y = LINES / 2 - 3, i;
	char *line;

	(void)cy;
	(void)cx;
	draw_box(y, x, 6, w);
	line = xasprintf(_("API key for the %s platform:"),
	    _(platform_title(t->s->form->platform)));
	draw_text(y + 1, x + 2, w - 4, line, 0, A_BOLD);
	free(line);
	draw_text(y + 2, x + 2, w - 4, _("(not shown, not stored; Enter sets "
	    "it, Esc cancels)"), 0, A_NORMAL);
	move(y + 4, x + 2);
	for (i = 0; i < (int)t->kp.keylen && i < w - 5; i++)
		addch('*');
}

/* Releases what submitting holds; wipes the typed key. */
void
submit_free(struct tui *t)
{
	explicit_bzero(t->kp.key, sizeof t->kp.key);
	t->kp.keylen = 0;
	api_result_free(&t->sb.res);
	free(t->sb.unknown_alt);
	t->sb.unknown_alt = NULL;
	free(t->sb.output_note);
	t->sb.output_note = NULL;
}

const struct tui_view tui_view_prompt = {
	.name = "prompt", .key = submit_key_key, .draw = submit_draw_key,
	.resize = view_nothing,
};

const struct tui_view tui_view_resend = {
	.name = "resend", .key = submit_resend_key,
	.draw = submit_draw_resend, .resize = view_nothing,
};
