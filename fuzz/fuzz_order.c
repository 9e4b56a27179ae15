/* fuzz_order.c: libFuzzer harness for order bodies: parse the input as JSON,
 * then check it, load it into answers and build a body from them with each
 * product form. */
#include "fuzz/fuzz.h"

#include <stdlib.h>

#include <cjson/cJSON.h>

#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/fileio.h"

static struct form **forms;
static size_t nforms;

/* Loads the real product forms once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nforms = fuzz_load_forms(&forms);
	return 0;
}

/* Checks, loads and rebuilds a body with one form. */
static void
one_form(const struct form *form, const cJSON *body)
{
	struct problems p = { NULL, 0 };
	cJSON *answers, *built;

	order_check(form, body, fuzz_now(), &p);
	problems_free(&p);
	answers = order_load(form, body, &p);
	problems_free(&p);
	built = order_build(form, answers);
	order_check(form, built, fuzz_now(), &p);
	problems_free(&p);
	cJSON_Delete(built);
	cJSON_Delete(answers);
}

/* Runs one input through every form. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *cause = NULL;
	cJSON *body;
	size_t i;

	if ((body = fileio_parse_json(text, size, &cause)) == NULL) {
		free(cause);
		free(text);
		return 0;
	}
	for (i = 0; i < nforms; i++)
		one_form(forms[i], body);
	cJSON_Delete(body);
	free(text);
	return 0;
}
