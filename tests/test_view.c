/* test_view.c: the curses wizard's view stack (tui_view.c) without a
 * terminal: which view gets a key, the order views open and close in,
 * and overlays swallowing a resize. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "tui/tui_int.h"

/* What the views below did, one letter each: O open, K key, D draw,
 * R resize, C close, then the view's own letter. */
static char trail[128];

/* Appends what a view did. */
static void
did(char what, const struct tui *t, const char *name)
{
	size_t n = strlen(trail);

	(void)t;
	if (n + 3 < sizeof trail) {
		trail[n] = what;
		trail[n + 1] = name[0];
		trail[n + 2] = '\0';
	}
}

/* View a opened. */
static void
a_open(struct tui *t)
{
	did('O', t, "a");
}

/* View a closed. */
static void
a_close(struct tui *t)
{
	did('C', t, "a");
}

/* View a got a key. */
static void
a_key(struct tui *t, const struct tui_key *k, int more)
{
	(void)k;
	(void)more;
	did('K', t, "a");
}

/* View a drawn; it puts the cursor at (5, 5). */
static void
a_draw(struct tui *t, int *cy, int *cx)
{
	*cy = *cx = 5;
	did('D', t, "a");
}

/* Overlay b got a key. */
static void
b_key(struct tui *t, const struct tui_key *k, int more)
{
	(void)k;
	(void)more;
	did('K', t, "b");
}

/* Overlay b closed. */
static void
b_close(struct tui *t)
{
	did('C', t, "b");
}

/* Overlay b drawn. */
static void
b_draw(struct tui *t, int *cy, int *cx)
{
	(void)cy;
	(void)cx;
	did('D', t, "b");
}

/* Overlay b saw a resize. */
static void
b_resize(struct tui *t)
{
	did('R', t, "b");
}

static const struct tui_view va = {
	.name = "a", .open = a_open, .key = a_key, .draw = a_draw,
	.close = a_close,
};
static const struct tui_view vb = {
	.name = "b", .key = b_key, .draw = b_draw, .resize = b_resize,
	.close = b_close,
};

/* Keys go to the top overlay, else the view; a resize goes to the
 * overlay's resize hook; popping closes. */
static void
test_stack(void **state)
{
	static struct tui t;
	struct tui_key k = { .code = 'x' }, rs = { KEY_RESIZE, 1 };
	int cy = -1, cx = -1;

	(void)state;
	trail[0] = '\0';
	view_switch(&t, &va);
	view_key(&t, &k, 0);
	view_push(&t, &vb);
	assert_true(view_is(&t, &vb));
	view_key(&t, &k, 0);
	view_key(&t, &rs, 0);
	view_draw(&t, &cy, &cx);
	assert_int_equal(cy, -1);	/* an overlay hides the cursor */
	view_pop(&t);
	assert_true(view_is(&t, &va));
	view_key(&t, &rs, 0);		/* no resize hook: the key hook */
	view_pop(&t);			/* nothing to pop */
	view_switch(&t, &va);		/* the same view opens again */
	assert_string_equal(trail, "OaKaKbRbDaDbCbKaOa");
}

/* A full stack of overlays: the newest takes the top's place. */
static void
test_full(void **state)
{
	static struct tui t;
	size_t i;

	(void)state;
	trail[0] = '\0';
	view_switch(&t, &va);
	for (i = 0; i < TUI_OVERLAYS + 2; i++)
		view_push(&t, &vb);
	assert_int_equal(t.depth, TUI_OVERLAYS);
	assert_string_equal(trail, "OaCbCb");
}

/* Runs the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stack),
		cmocka_unit_test(test_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
