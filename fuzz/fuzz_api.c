/* fuzz_api.c: libFuzzer harness for reading CertCentral's answers: the
 * first byte of the input picks the HTTP status and platform, the rest is
 * the answer's body, read as an order, as DigiCert's error array and in
 * words, then turned into the result's JSON. */
#include "fuzz/fuzz.h"

#include <stdlib.h>

#include <cjson/cJSON.h>

#include "api/api_int.h"

/* HTTP statuses an answer may come with (0: none came). */
static const long statuses[] = { 200, 201, 400, 401, 403, 404, 429, 500, 0 };
#define NSTATUSES (sizeof statuses / sizeof statuses[0])

/* Nothing to set up. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Reads one answer as every caller would. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_result res = API_RESULT_INIT;
	struct api_response r = { 0 };
	const char *platform;
	char *words;
	cJSON *answer, *json;

	if (size == 0)
		return 0;
	r.status = statuses[data[0] % NSTATUSES];
	platform = data[0] & 0x80 ? "eu" : "us";
	r.content_type = (char *)(data[0] & 0x40 ? "text/html" :
	    "application/json");
	r.body = fuzz_text(data + 1, size - 1);
	r.len = size - 1;
	answer = api_parse_answer(&r);
	api_parse_order(answer, &res);
	api_parse_errors(answer, &res);
	words = api_explain(&r, platform, "place orders");
	free(words);
	res.answer = answer;
	json = api_result_json(&res);
	cJSON_Delete(json);
	api_result_free(&res);
	free(r.body);
	return 0;
}
