/* fuzz_expr.c: libFuzzer harness for the condition language: parse the
 * input, say it in words, walk its names and evaluate it against a small
 * fixed answers object, by name and by path with list indexes. */
#include "fuzz/fuzz.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/answers.h"
#include "core/expr.h"

/* The answers every condition is evaluated against. */
static const char answers_json[] =
    "{\"payment_method\": \"card\", \"use_qvtl_domain\": 1,"
    " \"cs_provisioning_method\": \"email\", \"flag\": true, \"off\": false,"
    " \"none\": null, \"empty\": \"\", \"n\": -42, \"f\": 1.5,"
    " \"list\": [\"a\", \"b\"],"
    " \"billing_address\": {\"country\": \"us\"},"
    " \"organization\": {\"contacts\": [{\"user_id\": 7,"
    " \"email\": \"zoe@example.com\"}, {\"user_id\": \"\"}]}}";

static cJSON *answers;

/* Parses the fixed answers once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if ((answers = cJSON_Parse(answers_json)) == NULL)
		abort();
	return 0;
}

/* Resolves a name against the top level of the answers. */
static const cJSON *
lookup(const char *name, void *arg)
{
	return cJSON_GetObjectItemCaseSensitive(arg, name);
}

/* Checks every name a condition mentions is a non-empty string. */
static int
check_name(const char *name, void *arg)
{
	(void)arg;
	if (name == NULL || *name == '\0')
		abort();
	return 0;
}

/* Parses one condition and uses everything it offers. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t index[ANSWERS_MAX_DEPTH] = { 1, 0 };
	char *src = fuzz_text(data, size), *cause = NULL, *words;
	struct expr *e;

	if ((e = expr_parse(src, &cause)) == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		free(src);
		return 0;
	}
	if (strcmp(expr_source(e), src) != 0)
		abort();
	words = expr_words(e);
	free(words);
	expr_walk_names(e, check_name, NULL);
	expr_eval(e, lookup, answers);
	answers_eval(e, answers, index, 1);
	answers_eval(e, answers, index, ANSWERS_MAX_DEPTH);
	expr_free(e);
	free(src);
	return 0;
}
