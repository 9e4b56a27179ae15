/* tui_view.c: the current view and the stack of overlays over it; the
 * main loop sends keys and draws through here and knows no screen. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stddef.h>

#include "tui/tui.h"

/* Makes v the current view. */
void
view_switch(struct tui *t, const struct tui_view *v)
{
	if (t->view != v && t->view != NULL && t->view->close != NULL)
		t->view->close(t);
	t->view = v;
	if (v->open != NULL)
		v->open(t);
}

/* Puts an overlay on top (over a full stack it takes the top's place). */
void
view_push(struct tui *t, const struct tui_view *v)
{
	if (t->depth == TUI_OVERLAYS)
		view_pop(t);
	t->stack[t->depth++] = v;
	if (v->open != NULL)
		v->open(t);
}

/* Takes the top overlay away and closes it. */
void
view_pop(struct tui *t)
{
	const struct tui_view *v;

	if (t->depth == 0)
		return;
	v = t->stack[--t->depth];
	if (v->close != NULL)
		v->close(t);
}

/* The view keys go to: the top overlay, else the current view. */
const struct tui_view *
view_top(const struct tui *t)
{
	return t->depth > 0 ? t->stack[t->depth - 1] : t->view;
}

/* 1 when v is the view keys go to. */
int
view_is(const struct tui *t, const struct tui_view *v)
{
	return view_top(t) == v;
}

/* Sends a key to the top view; a resize goes to its resize hook. */
void
view_key(struct tui *t, const struct tui_key *k, int more)
{
	const struct tui_view *v = view_top(t);

	if (k->is_key && k->code == KEY_RESIZE && v->resize != NULL) {
		v->resize(t);
		return;
	}
	if (v->key != NULL)
		v->key(t, k, more);
}

/* Draws the current view, then the overlays over it. */
void
view_draw(struct tui *t, int *cy, int *cx)
{
	size_t i;

	if (t->view->draw != NULL)
		t->view->draw(t, cy, cx);
	for (i = 0; i < t->depth; i++) {
		if (t->stack[i]->draw != NULL)
			t->stack[i]->draw(t, cy, cx);
		*cy = -1;
	}
}

/* A hook that does nothing: an overlay's resize keeps it as it is. */
void
view_nothing(struct tui *t)
{
	(void)t;
}
