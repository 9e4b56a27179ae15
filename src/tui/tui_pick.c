/* tui_pick.c: the curses product picker "certwiz" opens with no command:
 * one entry per product (id, platform, title, what it is for) and one per
 * saved draft (product, when saved, file name), newest draft first. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/form.h"
#include "tui/tui.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xalloc.h"
#include "wizard/draft.h"

/* Control keys and Escape. */
#define PICK_ESC	27
#define PICK_CTRL_C	0x03
#define PICK_CTRL_Q	0x11

/* One line of the picker: a product or a draft. */
struct pick_entry {
	char	*key;		/* product id, or draft file name */
	char	*line;		/* what the list shows */
	char	*summary;	/* the product's summary line, or NULL */
	int	 draft;
};

/* The picker's state. */
struct pick {
	struct pick_entry	*v;
	size_t			 n;
	size_t			 nproducts;
	size_t			 sel;
	size_t			 top;
	char			 ahead[32];
	char			*message;
};

/* Adds an entry; takes line and summary. */
static void
pick_add(struct pick *p, const char *key, char *line, char *summary,
    int draft)
{
	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	p->v[p->n].key = xstrdup(key);
	p->v[p->n].line = line;
	p->v[p->n].summary = summary;
	p->v[p->n].draft = draft;
	p->n++;
}

/* Adds one entry per product in forms_dir; -1 when none can be listed. */
static int
pick_products(struct pick *p, const char *forms_dir)
{
	char **ids, *cause = NULL;
	struct form *form;
	int n, i;

	if ((n = form_list_ids(forms_dir, &ids, &cause)) <= 0) {
		cw_warn("%s", n < 0 ? cause : _("no product forms found"));
		free(cause);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((form = form_load(forms_dir, ids[i], &cause)) == NULL) {
			pick_add(p, ids[i], xasprintf("%-38s (%s)", ids[i],
			    cause), NULL, 0);
			free(cause);
			cause = NULL;
			continue;
		}
		pick_add(p, ids[i], xasprintf("%-38s %-3s %s", ids[i],
		    form->platform, form_text(form->title)),
		    xstrdup(form->summary != NULL ? form_text(form->summary) :
		    ""), 0);
		form_free(form);
	}
	form_free_ids(ids, n);
	p->nproducts = p->n;
	return 0;
}

/* Adds one entry per saved draft, newest first (unreadable ones say so). */
static void
pick_drafts(struct pick *p)
{
	char **names = NULL, *cause = NULL, *dir, *path;
	const cJSON *prod, *saved;
	cJSON *d;
	int n, i;

	if ((n = draft_list(&names, &cause)) < 0) {
		p->message = xasprintf(_("drafts not listed: %s"), cause);
		free(cause);
		return;
	}
	dir = draft_dir();
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		d = fileio_read_json(path, &cause);
		free(cause);
		cause = NULL;
		prod = cJSON_GetObjectItemCaseSensitive(d, "product");
		saved = cJSON_GetObjectItemCaseSensitive(d, "saved");
		pick_add(p, names[i], xasprintf(_("draft  %-38s %-20s %s"),
		    cJSON_IsString(prod) ? prod->valuestring :
		    _("(unreadable)"),
		    cJSON_IsString(saved) ? saved->valuestring : "",
		    names[i]), NULL, 1);
		cJSON_Delete(d);
		free(path);
	}
	free(dir);
	draft_list_free(names, n);
}

/* Releases the picker's entries. */
static void
pick_free(struct pick *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].line);
		free(p->v[i].summary);
	}
	free(p->v);
	free(p->message);
}

/* The rows an entry takes (a product's summary has a row of its own). */
static int
pick_rows(const struct pick_entry *e)
{
	return e->summary != NULL ? 2 : 1;
}

/* The list row of entry i, counting the heading above the drafts. */
static int
pick_row_of(const struct pick *p, size_t i)
{
	size_t j;
	int y = 0;

	for (j = p->top; j < i; j++)
		y += pick_rows(&p->v[j]);
	if (p->top < p->nproducts && i >= p->nproducts)
		y += 2;
	return y;
}

/* Scrolls so the selected entry is within rows rows. */
static void
pick_scroll(struct pick *p, int rows)
{
	if (p->sel < p->top)
		p->top = p->sel;
	while (p->top < p->sel &&
	    pick_row_of(p, p->sel) + pick_rows(&p->v[p->sel]) > rows)
		p->top++;
}

/* Draws entry i at row y. */
static void
pick_draw_entry(const struct pick *p, size_t i, int y)
{
	const struct pick_entry *e = &p->v[i];

	if (i == p->sel)
		mvaddstr(y, 0, ">");
	draw_text(y, 2, COLS - 3, e->line, 0, i == p->sel ? A_REVERSE :
	    A_NORMAL);
	if (e->summary != NULL)
		draw_text(y + 1, 6, COLS - 7, e->summary, 0, A_DIM);
}

/* Draws the list, the status line and the keys. */
static void
pick_draw(struct tui *t, int *cy, int *cx)
{
	struct pick *p = t->pp;
	const char *bar = _("Up/Down choose  type to jump  Enter open  Esc "
	    "quit");
	int nmsg = p->message != NULL ? text_rows(p->message, COLS - 1) : 1;
	int rows = LINES - 3 - nmsg - keybar_rows(bar), y;
	size_t i;

	(void)cy;
	(void)cx;
	draw_text(0, 0, COLS, _("certwiz: choose a product to order, or a "
	    "draft to resume"), 0, A_BOLD);
	draw_hline(1, 0, COLS);
	pick_scroll(p, rows);
	for (i = p->top; i < p->n; i++) {
		y = 2 + pick_row_of(p, i);
		if (y + pick_rows(&p->v[i]) > 2 + rows)
			break;
		if (i == p->nproducts && p->top < p->nproducts)
			draw_text(y - 1, 0, COLS, _("Saved drafts (newest "
			    "first): product, saved, file"), 0, A_BOLD);
		pick_draw_entry(p, i, y);
	}
	y = LINES - keybar_draw(bar) - nmsg;
	if (p->message != NULL)
		draw_para(y, 0, COLS - 1, nmsg, p->message, 0, A_BOLD);
}

/* Selects the first entry whose key starts with the typed prefix. */
static void
pick_ahead(struct pick *p, int c)
{
	size_t n = strlen(p->ahead), i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		if (n + 1 < sizeof p->ahead) {
			p->ahead[n] = (char)c;
			p->ahead[n + 1] = '\0';
		}
		for (i = 0; i < p->n; i++) {
			if (strncasecmp(p->v[i].key, p->ahead,
			    strlen(p->ahead)) == 0) {
				p->sel = i;
				return;
			}
		}
		n = 0;
	}
	p->ahead[0] = '\0';
	p->message = xasprintf(_("nothing starts with '%c'"), c);
}

/* Handles a key; 1 chosen, -1 quit, 0 go on. */
static int
pick_key(struct pick *p, int c, int is_key)
{
	free(p->message);
	p->message = NULL;
	if (is_key && c == KEY_RESIZE)
		return 0;
	if (is_key && c == KEY_DOWN && p->sel + 1 < p->n)
		p->sel++;
	else if (is_key && c == KEY_UP && p->sel > 0)
		p->sel--;
	else if (is_key && c == KEY_HOME)
		p->sel = 0;
	else if (is_key && c == KEY_END)
		p->sel = p->n - 1;
	else if ((is_key && c == KEY_ENTER) || (!is_key && (c == '\r' ||
	    c == '\n')))
		return 1;
	else if (!is_key && (c == PICK_ESC || c == PICK_CTRL_C ||
	    c == PICK_CTRL_Q))
		return -1;
	else if (!is_key && c > 0x20 && c < 0x7f) {
		pick_ahead(p, c);
		return 0;
	}
	p->ahead[0] = '\0';
	return 0;
}

/* A key on the picker: Enter finishes, Esc quits; letters only jump. */
static void
pick_view_key(struct tui *t, const struct tui_key *k, int more)
{
	int rc = pick_key(t->pp, k->code, k->is_key);

	(void)more;
	if (rc > 0)
		t->finished = 1;
	else if (rc < 0)
		t->quit = 1;
}

/* The product picker, the view before a session exists. */
static const struct tui_view tui_view_picker = {
	.name = "picker", .key = pick_view_key, .draw = pick_draw,
};

/* Runs the picker's view until a choice or quit; 1 chosen, -1 quit. */
static int
pick_loop(struct pick *p)
{
	struct tui t = { .view = &tui_view_picker, .pp = p };
	struct tui_key k;
	wint_t wc;
	int rc;

	while (!t.finished && !t.quit) {
		draw_all(&t);
		rc = get_wch(&wc);
		if (cw_signal_caught())
			return -1;
		k.code = (int)wc;
		k.is_key = rc == KEY_CODE_YES;
		if (rc != ERR)
			view_key(&t, &k, 0);
	}
	return t.finished ? 1 : -1;
}

/* Shows the picker and returns what was chosen. */
int
tui_pick(const char *forms_dir, int drafts, char **product_out,
    char **draft_out)
{
	struct pick p;
	SCREEN *scr;
	int rc;

	*product_out = *draft_out = NULL;
	memset(&p, 0, sizeof p);
	p.message = tui_locale();
	if (pick_products(&p, forms_dir) != 0)
		return 2;
	if (drafts)
		pick_drafts(&p);
	cw_signals_catch(0, NULL);
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		cw_warn(_("cannot start the product picker; try --plain"));
		pick_free(&p);
		return 2;
	}
	tui_term_modes();
	rc = pick_loop(&p);
	endwin();
	delscreen(scr);
	if (rc == 1)
		*(p.v[p.sel].draft ? draft_out : product_out) =
		    xstrdup(p.v[p.sel].key);
	pick_free(&p);
	if (rc != 1 && cw_signal_caught() != 0)
		return 128 + cw_signal_caught();
	return rc == 1 ? 0 : 1;
}
