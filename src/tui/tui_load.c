/* tui_load.c: starting the wizard from a loaded order body (--load): every
 * problem shown on its field at once, the first screen with one shown
 * first, and the fields the product does not know kept for the review. */
#include "config.h"

#include "tui/tui_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The first slot of shown screen sc with an error, or SIZE_MAX. */
static size_t
load_first_error(struct tui *t, size_t sc)
{
	const struct problems *p = tui_problems(t);
	struct slot *slots;
	size_t i, n, found = SIZE_MAX;

	n = session_slots(t->s, sc, &slots);
	for (i = 0; i < n && found == SIZE_MAX; i++) {
		if (session_slot_error(p, &slots[i]) != NULL)
			found = i;
	}
	session_slots_free(slots, n);
	return found;
}

/* Marks every slot of every shown screen as visited, so each problem shows
 * on its field at once. */
static void
load_visit_all(struct tui *t)
{
	struct slot *slots;
	size_t sc, i, n;

	for (sc = 0; sc < t->s->form->nscreens; sc++) {
		if (!session_screen_shown(t->s, sc))
			continue;
		n = session_slots(t->s, sc, &slots);
		for (i = 0; i < n; i++)
			tui_visit(t, slots[i].path);
		session_slots_free(slots, n);
	}
}

/* Moves to the first shown screen with a problem, at its first problem. */
static void
load_goto_first(struct tui *t)
{
	size_t sc, i;

	for (sc = 0; sc < t->s->form->nscreens; sc++) {
		if (!session_screen_shown(t->s, sc) ||
		    (i = load_first_error(t, sc)) == SIZE_MAX)
			continue;
		t->fm.screen = sc;
		t->fm.focus = SIZE_MAX;
		t->fm.top = 0;
		tui_reload(t);
		t->fm.focus = SIZE_MAX;
		keys_focus(t, keys_first_focusable(t, i, 1));
		return;
	}
}

/* The number of warnings about the loaded body (unknown fields). */
size_t
tui_warning_count(const struct tui *t)
{
	return t->o->warnings != NULL ? t->o->warnings->n : 0;
}

/* Shows a loaded body's problems on their fields and says how many. */
void
tui_load_start(struct tui *t)
{
	size_t n = problems_errors(tui_problems(t)), w = tui_warning_count(t);

	load_visit_all(t);
	load_goto_first(t);
	if (n == 0 && w == 0) {
		tui_message(t, _("the loaded order has no problems"));
		return;
	}
	tui_message(t, _("%zu problem%s in the loaded order%s"), n,
	    n == 1 ? "" : "s", w > 0 ? _("; the review lists the fields this "
	    "product does not know") : "");
}
