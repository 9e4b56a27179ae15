/* tui_result.c: the result screen once an order was placed: the IDs
 * CertCentral gave, where the order is recorded, and what happens next. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "core/platform.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/result_words.h"
#include "wizard/session.h"

/* Width of the labels on the result screen. */
#define RESULT_LABEL	24

/* The "what happens next" paragraph, from the body actually placed;
 * allocated. */
static char *
result_next(const struct tui *t)
{
	cJSON *body = session_body(t->s);
	char *next = result_next_words(t->s->form, body, &t->sb.res,
	    t->o->sandbox ? "certwiz --sandbox" : "certwiz");

	json_wipe(body);
	cJSON_Delete(body);
	return next;
}

/* Draws "Label: value" at row *y and moves *y down. */
static void
result_row(int *y, const char *label, const char *value)
{
	int w = COLS - 3 - RESULT_LABEL;

	if (value == NULL || *y >= LINES - 2)
		return;
	draw_text(*y, 2, RESULT_LABEL, label, 0, A_NORMAL);
	*y += draw_para(*y, 2 + RESULT_LABEL, w, LINES - 2 - *y, value, 0,
	    A_NORMAL);
}

/* Draws the requests and domains of the order. */
static void
result_lists(const struct api_result *r, int *y)
{
	char *v;
	size_t i;

	for (i = 0; i < r->nrequests && *y < LINES - 8; i++) {
		v = xasprintf("%s (%s)", r->requests[i].id != NULL ?
		    r->requests[i].id : "?", r->requests[i].status != NULL ?
		    r->requests[i].status : _("no status"));
		result_row(y, i == 0 ? _("Request ID (status):") : "", v);
		free(v);
	}
	for (i = 0; i < r->ndomains && *y < LINES - 8; i++) {
		v = xasprintf(_("%s (%s) ID %s"), r->domains[i].name != NULL ?
		    r->domains[i].name : "?", r->domains[i].dns_name != NULL ?
		    r->domains[i].dns_name : "?", r->domains[i].id != NULL ?
		    r->domains[i].id : "?");
		result_row(y, i == 0 ? _("Domains:") : "", v);
		free(v);
	}
}

/* Draws the result screen. */
static void
result_draw(struct tui *t, int *cy, int *cx)
{
	const struct api_result *r = &t->sb.res;
	const char *bar = _("Enter or Esc exits");
	char *head, *journal = api_journal_path(), *next;
	int y, bottom = LINES - keybar_rows(bar);

	(void)cy;
	(void)cx;
	if (t->message != NULL)
		bottom -= text_rows(t->message, COLS - 1);
	head = xasprintf(_("Order placed on the %s platform: %s"),
	    _(platform_title(t->s->form->platform)),
	    form_text(t->s->form->title));
	y = draw_para(0, 0, COLS - 1, 2, head, 0, t->attr[TA_TITLE]);
	free(head);
	if (r->found_by_alt)
		y += draw_para(y, 0, COLS - 1, 2, _("The answer to the order "
		    "was lost; the order was found by its alternative order "
		    "ID."), 0, A_BOLD);
	draw_hline(y++, 0, COLS);
	result_row(&y, _("Order ID:"), r->order_id);
	result_row(&y, _("Alternative order ID:"), r->alternative_order_id);
	result_row(&y, _("Status:"), r->status);
	result_lists(r, &y);
	result_row(&y, _("Certificate ID:"), r->certificate_id);
	result_row(&y, _("Organization ID:"), r->organization_id);
	head = xasprintf(_("the order is in the journal (%s)"), journal);
	result_row(&y, _("Recorded:"), head);
	free(head);
	free(journal);
	result_row(&y, _("Body:"), t->sb.output_note);
	y++;
	draw_text(y++, 0, COLS, _("What happens next"), 0, t->attr[TA_TITLE]);
	next = result_next(t);
	if (y < bottom)
		draw_para(y, 2, COLS - 4, bottom - y, next, 0, A_NORMAL);
	free(next);
	if (t->message != NULL)
		draw_para(bottom, 0, COLS - 1, LINES - bottom, t->message, 0,
		    t->attr[TA_ERROR]);
	keybar_draw(bar);
}

/* Keys on the result screen: Enter, Esc, Ctrl-Q or Ctrl-C exits with
 * status 0; typed letters do nothing. */
static void
result_key(struct tui *t, const struct tui_key *k, int more)
{
	int c = k->code;

	(void)more;
	if (k->is_key ? c == KEY_ENTER : (c == '\r' || c == '\n' ||
	    c == 27 || c == 0x11 || c == 0x03))
		t->finished = 1;
}

/* Prints the order placed on stdout once curses is gone. */
void
result_print(const struct tui *t)
{
	const struct api_result *r = &t->sb.res;
	char *journal = api_journal_path();

	printf(_("order %s placed on the %s platform"), r->order_id != NULL ?
	    r->order_id : "?", _(platform_title(t->s->form->platform)));
	if (r->alternative_order_id != NULL)
		printf(_(" (alternative order ID "
		    "%s)"), r->alternative_order_id);
	printf(_("; it is in the journal (%s)\n"), journal);
	if (t->sb.output_note != NULL)
		printf(_("body %s\n"), t->sb.output_note);
	free(journal);
}

const struct tui_view tui_view_result = {
	.name = "result", .key = result_key, .draw = result_draw,
};
