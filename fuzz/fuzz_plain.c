/* fuzz_plain.c: libFuzzer harness for plain mode: the input is the answers
 * typed on stdin (a reader of plain_in_mem()) for one product's wizard, cut at
 * FUZZ_PLAIN_LINES lines so a run stays short; the conversation goes to
 * /dev/null and no draft is saved. */
#include "fuzz/fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "plain/plain.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The product whose wizard is driven. */
#define FUZZ_PLAIN_PRODUCT "ds_org_individual"
/* Most answer lines one input may give. */
#define FUZZ_PLAIN_LINES 400

static struct form *form;
static FILE *devnull;

/* Loads the product's form once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *dir = fuzz_forms_dir(), *cause = NULL;

	(void)argc;
	(void)argv;
	if ((form = form_load(dir, FUZZ_PLAIN_PRODUCT, &cause)) == NULL) {
		fprintf(stderr, "fuzz: %s\n", cause);
		exit(1);
	}
	free(dir);
	if ((devnull = fopen("/dev/null", "w")) == NULL) {
		perror("/dev/null");
		exit(1);
	}
	return 0;
}

/* The length of the first FUZZ_PLAIN_LINES lines of the input. */
static size_t
capped(const uint8_t *data, size_t size)
{
	size_t i, lines = 0;

	for (i = 0; i < size; i++) {
		if (data[i] == '\n' && ++lines == FUZZ_PLAIN_LINES)
			return i + 1;
	}
	return size;
}

/* Runs the wizard with the input as stdin. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plain_opts o = { .output = NULL };
	struct plain_in *in;
	struct session *s;

	size = capped(data, size);
	if (size == 0)
		return 0;
	in = plain_in_mem((const char *)data, size);
	s = session_new(form, fuzz_now());
	plain_run(s, in, devnull, &o);
	session_free(s);
	plain_in_free(in);
	return 0;
}
