/* test_classify.c: the one table that decides what became of an order
 * POST, row by row: every class of curl error before and after the body
 * left, and every shape of HTTP answer. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api/api_int.h"

/* One row: what came back, and the outcome it must mean. */
struct row {
	const char		*what;
	CURLcode		 code;
	long			 status;
	size_t			 body_out;	/* bytes of the body handed out */
	const char		*answer;	/* NULL: nothing came */
	enum api_outcome	 want;
};

#define ORDER	"{\"id\": 1234, \"requests\": [{\"id\": 5, \"status\": " \
		"\"pending\"}]}"
#define ERRORS	"{\"errors\": [{\"code\": \"invalid_value:x\", " \
		"\"message\": \"m\"}]}"
#define HTML	"<html><body>Gateway</body></html>"

static const struct row rows[] = {
	/* Nothing of the body left: not placed, whatever curl says. */
	{ "no such host", CURLE_COULDNT_RESOLVE_HOST, 0, 0, NULL, API_FAILED },
	{ "connection refused", CURLE_COULDNT_CONNECT, 0, 0, NULL, API_FAILED },
	{ "TLS handshake", CURLE_SSL_CONNECT_ERROR, 0, 0, NULL, API_FAILED },
	{ "certificate refused", CURLE_PEER_FAILED_VERIFICATION, 0, 0, NULL,
	  API_FAILED },
	{ "connect timeout", CURLE_OPERATION_TIMEDOUT, 0, 0, NULL, API_FAILED },
	{ "send error before the body", CURLE_SEND_ERROR, 0, 0, NULL,
	  API_FAILED },
	/* Part or all of the body left, then the transfer broke: unknown. */
	{ "timeout after the body", CURLE_OPERATION_TIMEDOUT, 0, 900, NULL,
	  API_UNKNOWN },
	{ "send error mid-body", CURLE_SEND_ERROR, 0, 10, NULL, API_UNKNOWN },
	{ "reset while receiving", CURLE_RECV_ERROR, 0, 900, NULL,
	  API_UNKNOWN },
	{ "empty reply", CURLE_GOT_NOTHING, 0, 900, NULL, API_UNKNOWN },
	{ "broken status line", CURLE_WEIRD_SERVER_REPLY, 0, 900, NULL,
	  API_UNKNOWN },
	{ "HTTP/0.9 answer", CURLE_UNSUPPORTED_PROTOCOL, 0, 900, NULL,
	  API_UNKNOWN },
	{ "HTTP/2 framing", CURLE_HTTP2, 0, 900, NULL, API_UNKNOWN },
	{ "HTTP/2 stream reset", CURLE_HTTP2_STREAM, 0, 900, NULL,
	  API_UNKNOWN },
	{ "reused connection died", CURLE_SEND_FAIL_REWIND, 0, 900, NULL,
	  API_UNKNOWN },
	{ "TLS error after the body", CURLE_SSL_CONNECT_ERROR, 0, 900, NULL,
	  API_UNKNOWN },
	{ "any other error", CURLE_ABORTED_BY_CALLBACK, 0, 900, NULL,
	  API_UNKNOWN },
	/* 2xx answers. */
	{ "201 with the order", CURLE_OK, 201, 900, ORDER, API_PLACED },
	{ "200 with the order", CURLE_OK, 200, 900, ORDER, API_PLACED },
	{ "201 cut mid-JSON", CURLE_PARTIAL_FILE, 201, 900, "{\"id\": 12",
	  API_UNKNOWN },
	{ "201, whole but not JSON", CURLE_OK, 201, 900, HTML, API_UNKNOWN },
	{ "201 with no body", CURLE_OK, 201, 900, NULL, API_UNKNOWN },
	{ "201 JSON without an id", CURLE_OK, 201, 900, "{\"ok\": true}",
	  API_UNKNOWN },
	{ "201 too big to read", CURLE_WRITE_ERROR, 201, 900, NULL,
	  API_UNKNOWN },
	{ "204 no content", CURLE_OK, 204, 900, NULL, API_UNKNOWN },
	/* CertCentral's error array: refused, not placed. */
	{ "400 with errors", CURLE_OK, 400, 900, ERRORS, API_REJECTED },
	{ "401 with errors", CURLE_OK, 401, 900, ERRORS, API_REJECTED },
	{ "403 with errors", CURLE_OK, 403, 900, ERRORS, API_REJECTED },
	{ "404 with errors", CURLE_OK, 404, 900, ERRORS, API_REJECTED },
	{ "429 with errors", CURLE_OK, 429, 900, ERRORS, API_REJECTED },
	{ "500 with errors", CURLE_OK, 500, 900, ERRORS, API_REJECTED },
	/* Other answers: a proxy's or gateway's, or garbage: unknown. */
	{ "404 HTML from a gateway", CURLE_OK, 404, 900, HTML, API_UNKNOWN },
	{ "401 HTML", CURLE_OK, 401, 900, HTML, API_UNKNOWN },
	{ "413 from a proxy", CURLE_OK, 413, 900, HTML, API_UNKNOWN },
	{ "429 without errors", CURLE_OK, 429, 900, NULL, API_UNKNOWN },
	{ "500 HTML", CURLE_OK, 500, 900, HTML, API_UNKNOWN },
	{ "502 HTML", CURLE_OK, 502, 900, HTML, API_UNKNOWN },
	{ "503 empty", CURLE_OK, 503, 900, NULL, API_UNKNOWN },
	{ "504 HTML", CURLE_OK, 504, 900, HTML, API_UNKNOWN },
	{ "400 JSON without errors", CURLE_OK, 400, 900, "{\"a\": 1}",
	  API_UNKNOWN },
	{ "errors cut mid-JSON", CURLE_PARTIAL_FILE, 400, 900,
	  "{\"errors\": [", API_UNKNOWN },
	{ "301 redirect", CURLE_OK, 301, 900, NULL, API_UNKNOWN },
	{ "garbage bytes", CURLE_OK, 200, 900, "\x01\x02\xff", API_UNKNOWN },
};

/* Every row: the outcome the table gives for what came back. */
static void
test_rows(void **state)
{
	struct api_response r;
	struct api_shape sh;
	struct api_result res = API_RESULT_INIT;
	cJSON *answer;
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		memset(&r, 0, sizeof r);
		r.code = rows[i].code;
		r.status = rows[i].status;
		r.upload_len = 900;
		r.upload_off = rows[i].body_out;
		r.sent = rows[i].body_out == 900;
		r.body = rows[i].answer != NULL ? strdup(rows[i].answer) : NULL;
		r.len = r.body != NULL ? strlen(r.body) : 0;
		api_shape_of(&r, &answer, &res, &sh);
		if (api_classify(&sh, &why) != rows[i].want)
			fail_msg("%s: got %s (row '%s'), want %s", rows[i].what,
			    api_outcome_name(api_classify(&sh, NULL)), why,
			    api_outcome_name(rows[i].want));
		cJSON_Delete(answer);
		api_result_free(&res);
		free(r.body);
	}
}

/* Each outcome has its exit status and journal name. */
static void
test_outcomes(void **state)
{
	static const struct { enum api_outcome o; int exit; const char *n; }
	    t[] = {
		{ API_PLACED, 0, "placed" }, { API_REJECTED, 1, "rejected" },
		{ API_FAILED, 3, "failed" }, { API_UNKNOWN, 4, "unknown" },
		{ API_NOT_FOUND, 3, "not_found" },
		{ API_DUPLICATE, 5, "duplicate" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_int_equal(api_outcome_exit(t[i].o), t[i].exit);
		assert_string_equal(api_outcome_name(t[i].o), t[i].n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_outcomes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
