/* formload.c: loads every form file (and its fragments) N times through
 * libcertwiz's form_load and prints the time of one full load in µs. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/form.h"

/* Returns the monotonic clock in nanoseconds. */
static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int
main(int argc, char **argv)
{
	const char	*dir = argc > 1 ? argv[1] : "forms";
	int		 rounds = argc > 2 ? atoi(argv[2]) : 1000;
	char		**ids, *cause = NULL;
	int		 n, i, r;
	double		 t0, t1;

	if ((n = form_list_ids(dir, &ids, &cause)) < 0) {
		fprintf(stderr, "formload: %s\n", cause);
		return 2;
	}
	t0 = now_ns();
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < n; i++) {
			struct form *f = form_load(dir, ids[i], &cause);

			if (f == NULL) {
				fprintf(stderr, "formload: %s: %s\n", ids[i], cause);
				return 2;
			}
			form_free(f);
		}
	}
	t1 = now_ns();
	printf("%d %.1f\n", n, (t1 - t0) / 1e3 / rounds);
	form_free_ids(ids, n);
	return 0;
}
