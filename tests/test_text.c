/* test_text.c: the curses screens' text measured in display columns
 * (tui_text.c) without a terminal: widths of accented, double-width and
 * broken UTF-8 text, wrapping at word boundaries, fitting, padding, and
 * the same text drawn in ASCII. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tui/tui_int.h"

/* One width: the text, its columns in UTF-8 and in ASCII. */
static const struct {
	const char	*s;
	size_t		 utf8, ascii;
} widths[] = {
	{ "", 0, 0 },
	{ "abc", 3, 3 },
	{ "Zoë", 3, 3 },
	{ "Exemple Canada Ltée", 19, 19 },
	{ "漢字ab", 6, 4 },
	{ "–", 1, 1 },
	{ "…", 1, 3 },
	{ "a\xff" "b", 3, 3 },		/* a bad byte is one '?' */
	{ "\xe6\xbc", 2, 2 },		/* a cut character: two '?' */
	{ "a\nb", 3, 3 },		/* a line break shows as one column */
};

/* One line of wrapping: the text, the width, the first line and where
 * the next begins. */
static const struct {
	const char	*s;
	size_t		 width;
	const char	*line;
	size_t		 next;
} wraps[] = {
	{ "certwiz needs at least 80x24; this terminal is 40x10", 40,
	    "certwiz needs at least 80x24; this", 35 },
	{ "aaaa bbbb", 4, "aaaa", 5 },
	{ "aaaa   bbbb", 6, "aaaa", 7 },
	{ "abcdefgh", 3, "abc", 3 },		/* a long word is cut */
	{ "漢字漢字 x", 5, "漢字", 6 },		/* by columns, not bytes */
	{ "one\ntwo", 10, "one", 4 },
	{ "short", 10, "short", 5 },
};

/* Widths by display columns, in UTF-8 and in ASCII. */
static void
test_widths(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		text_set_ascii(0);
		assert_int_equal(text_width(widths[i].s), widths[i].utf8);
		text_set_ascii(1);
		assert_int_equal(text_width(widths[i].s), widths[i].ascii);
	}
	text_set_ascii(0);
}

/* Wrapping breaks after a space, by columns; a longer word is cut. */
static void
test_wrap(void **state)
{
	size_t i, len, next;

	(void)state;
	text_set_ascii(0);
	for (i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
		len = draw_wrap(wraps[i].s, wraps[i].width, &next);
		assert_int_equal(len, strlen(wraps[i].line));
		assert_memory_equal(wraps[i].s, wraps[i].line, len);
		assert_int_equal(next, wraps[i].next);
	}
	assert_int_equal(text_rows("aaaa bbbb cccc", 4), 3);
	assert_int_equal(text_rows("", 4), 0);
}

/* Fitting takes whole characters; padding counts columns, never cuts. */
static void
test_fit_pad(void **state)
{
	char *p;

	(void)state;
	text_set_ascii(0);
	assert_int_equal(text_fit("漢字ab", 3), 3);	/* one wide char */
	assert_int_equal(text_fit("漢字ab", 4), 6);
	assert_int_equal(text_fit("漢", 1), 3);	/* one at least */
	assert_int_equal(text_skip_cols("漢字ab", 1), 2);
	p = text_pad("Ltée", 6);
	assert_string_equal(p, "Ltée  ");
	free(p);
	p = text_pad("longer", 3);
	assert_string_equal(p, "longer");
	free(p);
}

/* Sets a UTF-8 locale for wcwidth(). */
static int
setup(void **state)
{
	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		return -1;
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_fit_pad),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
