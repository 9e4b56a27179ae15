/* test_plain_in.c: plain mode's input reader (plain_input.c) through
 * plain_pick(): lines read from a pipe into the reader's own buffer, one
 * reader serving several questions without losing what it read ahead, a
 * line longer than the buffer, a last line without a newline, CR LF, the
 * end of the input, and a signal that came before the read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "plain/plain.h"
#include "util/xalloc.h"

/* Most questions one case asks. */
#define MAX_ASKS 4

/* One case: the input, then what each plain_pick() in turn returns. */
struct pick_case {
	const char	*name;
	const char	*input;		/* NULL: a long line, see below */
	int		 from_mem;	/* plain_in_mem(), not a pipe */
	int		 signalled;	/* the flag is set before reading */
	int		 nasks;
	int		 want[MAX_ASKS];
};

static const struct pick_case cases[] = {
	{ .name = "one line a question", .input = "2\nalpha\n",
	    .nasks = 2, .want = { 1, 0 } },
	{ .name = "read ahead kept between questions",
	    .input = "beta\ngamma\nalpha\n", .nasks = 3, .want = { 1, 2, 0 } },
	{ .name = "bad answers are asked again", .input = "9\nx\n3\n",
	    .nasks = 1, .want = { 2 } },
	{ .name = "last line without a newline", .input = "1\n2",
	    .nasks = 2, .want = { 0, 1 } },
	{ .name = "CR LF", .input = "gamma\r\n1\r\n", .nasks = 2,
	    .want = { 2, 0 } },
	{ .name = "end of input", .input = "1\n", .nasks = 2,
	    .want = { 0, -1 } },
	{ .name = "empty input", .input = "", .nasks = 1, .want = { -1 } },
	{ .name = "a line longer than the buffer", .input = NULL,
	    .nasks = 2, .want = { 1, 2 } },
	{ .name = "text in memory", .input = "3\nbeta", .from_mem = 1,
	    .nasks = 3, .want = { 2, 1, -1 } },
	{ .name = "a signal before the read", .input = "1\n",
	    .signalled = 1, .nasks = 1, .want = { -1 } },
};

/* "x" * 10000 (not a choice), then "2" and "gamma": the long line makes
 * the reader grow its buffer twice. */
static char *
long_input(void)
{
	size_t n = 10000;
	char *s = xmalloc(n + 16);

	memset(s, 'x', n);
	strcpy(s + n, "\n2\ngamma\n");
	return s;
}

/* A reader of text through a pipe (all of it written, then closed). */
static struct plain_in *
pipe_reader(const char *text, int *rfd)
{
	int p[2];
	size_t len = strlen(text);

	assert_int_equal(pipe(p), 0);
	assert_true(len < 65536);	/* fits the pipe's buffer */
	assert_int_equal(write(p[1], text, len), (ssize_t)len);
	close(p[1]);
	*rfd = p[0];
	return plain_in_fd(p[0]);
}

/* Runs every case. */
static void
test_pick(void **state)
{
	static char *const ids[] = { "alpha", "beta", "gamma" };
	FILE *out = fopen("/dev/null", "w");
	volatile sig_atomic_t signo;
	struct plain_in *in;
	size_t c;
	char *text;
	int i, fd;

	(void)state;
	assert_non_null(out);
	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct pick_case *k = &cases[c];

		text = k->input != NULL ? xstrdup(k->input) : long_input();
		fd = -1;
		in = k->from_mem ? plain_in_mem(text, strlen(text)) :
		    pipe_reader(text, &fd);
		signo = k->signalled ? 2 : 0;
		for (i = 0; i < k->nasks; i++) {
			int got = plain_pick("thing", ids, NULL, 3, in, out,
			    &signo);

			if (got != k->want[i])
				fail_msg("%s: question %d: got %d, want %d",
				    k->name, i + 1, got, k->want[i]);
		}
		plain_in_free(in);
		if (fd >= 0)
			close(fd);
		free(text);
	}
	fclose(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
