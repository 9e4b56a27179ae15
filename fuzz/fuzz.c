/* fuzz.c: helpers shared by the libFuzzer harnesses. */
#include "fuzz/fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "util/xalloc.h"

/* The fixed "today" of the harnesses. */
time_t
fuzz_now(void)
{
	struct tm tm = { .tm_year = 126, .tm_mon = 10, .tm_mday = 20,
	    .tm_hour = 12 };

	return timegm(&tm);
}

/* The forms directory to read the real product forms from. */
char *
fuzz_forms_dir(void)
{
	const char *d = getenv("CERTWIZ_FORMS");

	if (d != NULL && *d != '\0')
		return xstrdup(d);
	return xstrdup(FUZZ_SRCDIR "/forms");
}

/* A NUL-terminated copy of the input. */
char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);

	if (size > 0)
		memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

/* Loads every product form of the forms directory. */
size_t
fuzz_load_forms(struct form ***forms)
{
	char *dir = fuzz_forms_dir(), **ids, *cause = NULL;
	int n, i;

	if ((n = form_list_ids(dir, &ids, &cause)) <= 0) {
		fprintf(stderr, "fuzz: %s\n", n < 0 ? cause : "no forms");
		exit(1);
	}
	*forms = xcalloc((size_t)n, sizeof **forms);
	for (i = 0; i < n; i++) {
		if (((*forms)[i] = form_load(dir, ids[i], &cause)) == NULL) {
			fprintf(stderr, "fuzz: %s\n", cause);
			exit(1);
		}
	}
	form_free_ids(ids, n);
	free(dir);
	return (size_t)n;
}
