/* test_api.c: the api module against the in-process sandbox: every product,
 * every error shape and fault, keys, URLs, the no-duplicate look-up and the
 * journal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api.h"
#include "api/api_int.h"
#include "core/form.h"
#include "sandbox/sandbox.h"
#include "testutil.h"
#include "util/fileio.h"
#include "util/safetext.h"
#include "util/secmem.h"
#include "util/xalloc.h"

static const char *const products[] = {
	"eu_individual_org", "pkio_qualified_organisation_services",
	"pkio_private_services_server", "document_signing_org_1",
	"document_signing_org_2", "ds_org_individual",
};

/* What every test shares: the sandbox and the temporary home. */
struct fixture {
	struct sandbox	*sb;
	char		*url;
	char		*tmp;
};

static struct fixture fx;

/* Starts the sandbox and points XDG directories at a temporary one. */
static int
setup(void **state)
{
	struct sandbox_opts opts = { .forms_dir = tu_forms_dir(),
	    .slow_seconds = 2 };
	char *cause = NULL, *d;

	(void)state;
	setenv("CERTWIZ_TODAY", "2026-11-20", 1);
	setenv("CERTWIZ_RETRY_BASE_MS", "5", 1);
	unsetenv("CERTWIZ_SANDBOX_FAULTS");
	fx.tmp = tu_mkdtemp();
	d = xasprintf("%s/state", fx.tmp);
	setenv("XDG_STATE_HOME", d, 1);
	free(d);
	d = xasprintf("%s/config", fx.tmp);
	setenv("XDG_CONFIG_HOME", d, 1);
	free(d);
	if ((fx.sb = sandbox_start(&opts, &cause)) == NULL)
		fail_msg("sandbox: %s", cause);
	fx.url = sandbox_base_url(fx.sb);
	return 0;
}

/* Stops the sandbox and removes the temporary directory. */
static int
teardown(void **state)
{
	(void)state;
	sandbox_stop(fx.sb);
	free(fx.url);
	tu_rmdir(fx.tmp);
	return 0;
}

/* Clears every key and URL variable. */
static void
clear_env(void)
{
	unsetenv("CERTWIZ_API_KEY_US");
	unsetenv("CERTWIZ_API_KEY_EU");
	unsetenv("DIGICERT_API_KEY");
	unsetenv("CERTWIZ_BASE_URL_US");
	unsetenv("CERTWIZ_BASE_URL_EU");
}

/* An api aimed at the sandbox, with its keys unless nokeys. The tests
 * here place the same bodies again and again, so the duplicate guard is
 * lifted (tests/attempts.sh and test_guard prove the guard); look-ups
 * after an unknown outcome go on for 2 s. */
static struct api *
sandbox_api(long timeout, int nokeys)
{
	struct api_opts o = { .again = 1, .resolve_seconds = 2 };

	clear_env();
	o.timeout = timeout;
	o.base_url_us = o.base_url_eu = fx.url;
	if (!nokeys) {
		o.key_us = sandbox_key("us");
		o.key_eu = sandbox_key("eu");
	}
	return api_new(&o);
}

/* The valid order of a product. */
static cJSON *
order(const char *id)
{
	char *name = xasprintf("orders/%s.json", id);
	cJSON *body = tu_data_json(name);

	free(name);
	return body;
}

/* Submits a product's order; returns the outcome. */
static enum api_outcome
submit(struct api *api, const char *id, cJSON *body, struct api_result *res)
{
	struct form *f = tu_load_form(id);
	cJSON *b = body != NULL ? body : order(id);
	enum api_outcome o = api_submit(api, f, b, NULL, res);

	if (body == NULL)
		cJSON_Delete(b);
	form_free(f);
	return o;
}

/* The journal's text. */
static char *
journal_text(void)
{
	char *path = api_journal_path(), *cause = NULL, *text;
	size_t len;

	text = fileio_read(path, &len, &cause);
	if (text == NULL)
		fail_msg("%s", cause);
	free(path);
	return text;
}

/* Every product is placed; the journal keeps the order id. */
static void
test_every_product(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_result res = API_RESULT_INIT;
	size_t i;
	char *j;

	(void)state;
	for (i = 0; i < sizeof products / sizeof products[0]; i++) {
		if (submit(api, products[i], NULL, &res) != API_PLACED)
			fail_msg("%s: %s", products[i], res.message);
		assert_non_null(res.order_id);
		assert_true(res.nrequests >= 1);
		assert_int_equal(res.unsent, 0);
		j = journal_text();
		assert_non_null(strstr(j, res.order_id));
		free(j);
		if (strcmp(products[i], "pkio_private_services_server") == 0)
			assert_true(res.ndomains >= 1);
		if (strcmp(products[i], "ds_org_individual") == 0 ||
		    strncmp(products[i], "pkio", 4) == 0)
			assert_null(res.alternative_order_id);
		else
			assert_int_equal(strlen(res.alternative_order_id), 32);
		api_result_free(&res);
	}
	api_free(api);
}

/* A body the local check would refuse: DigiCert's errors at field paths. */
static void
test_validation_error(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_result res = API_RESULT_INIT;
	cJSON *body = order("document_signing_org_1");
	size_t i;
	int found = 0;

	(void)state;
	tu_set(body, "subject.email", NULL);
	assert_int_equal(submit(api, "document_signing_org_1", body, &res),
	    API_REJECTED);
	assert_int_equal(res.http_status, 400);
	assert_true(res.nerrors >= 1);
	for (i = 0; i < res.problems.n; i++)
		found |= strcmp(res.problems.v[i].path, "subject.email") == 0;
	if (!found)
		fail_msg("no problem at subject.email: %s", res.message);
	assert_int_equal(api_outcome_exit(res.outcome), 1);
	api_result_free(&res);
	cJSON_Delete(body);
	api_free(api);
}

/* Codes naming fields map to concrete paths, others to the body. */
static void
test_error_paths(void **state)
{
	static const struct { const char *code, *path; } t[] = {
		{ "required_param:certificate.csr", "certificate.csr" },
		{ "invalid_value:organization.contacts[0].email",
		  "organization.contacts[0].email" },
		{ "invalid_value:organization.contacts.1.email",
		  "organization.contacts[1].email" },
		{ "access_denied|missing_permission", NULL },
		{ "required_param:", NULL },
	};
	struct api_result res = API_RESULT_INIT;
	cJSON *a, *e, *errors;
	size_t i;

	(void)state;
	a = cJSON_CreateObject();
	errors = cJSON_AddArrayToObject(a, "errors");
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "code", t[i].code);
		cJSON_AddStringToObject(e, "message", "m");
		cJSON_AddItemToArray(errors, e);
	}
	assert_int_equal(api_parse_errors(a, &res), 0);
	assert_int_equal(res.nerrors, sizeof t / sizeof t[0]);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (t[i].path == NULL)
			assert_null(res.errors[i].path);
		else
			assert_string_equal(res.errors[i].path, t[i].path);
	}
	api_result_free(&res);
	cJSON_Delete(a);
}

/* 401 for a wrong key, 403 for a read-only key, 404 for a Europe product
 * sent with the US account's key. */
static void
test_key_errors(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_result res = API_RESULT_INIT;
	char *cause = NULL;

	(void)state;
	assert_int_equal(api_set_key(api, "us", "wrong-key", &cause), 0);
	/* Warming up tells a refused key by its outcome. */
	assert_int_equal(api_warm(api, "us", &cause), API_WARM_KEY_REFUSED);
	free(cause);
	cause = NULL;
	assert_int_equal(submit(api, "ds_org_individual", NULL, &res),
	    API_REJECTED);
	assert_int_equal(res.http_status, 401);
	assert_non_null(strstr(res.message, "refused by the US platform"));
	assert_non_null(strstr(res.message, "CERTWIZ_API_KEY_US"));
	assert_null(strstr(res.message, "wrong-key"));
	api_result_free(&res);
	api_set_key(api, "us", "sandbox-readonly-key", &cause);
	assert_int_equal(submit(api, "ds_org_individual", NULL, &res),
	    API_REJECTED);
	assert_int_equal(res.http_status, 403);
	assert_non_null(strstr(res.message, "lacks permission"));
	api_result_free(&res);
	api_set_key(api, "eu", sandbox_key("us"), &cause);
	assert_int_equal(submit(api, "eu_individual_org", NULL, &res),
	    API_REJECTED);
	assert_int_equal(res.http_status, 404);
	assert_string_equal(res.errors[0].code, "not_found|product");
	api_result_free(&res);
	api_free(api);
}

/* Queues a fault and submits; returns the outcome. */
static enum api_outcome
faulted(const char *fault, long timeout, const char *id,
    struct api_result *res, size_t *posts)
{
	struct api *api = sandbox_api(timeout, 0);
	enum sandbox_fault f;
	const char *p, *e;
	char name[16];
	size_t before = sandbox_order_posts(fx.sb);
	enum api_outcome o;

	for (p = fault; *p != '\0'; p = *e ? e + 1 : e) {
		e = p + strcspn(p, ",");
		snprintf(name, sizeof name, "%.*s", (int)(e - p), p);
		assert_int_equal(sandbox_fault_parse(name, &f), 0);
		sandbox_fault(fx.sb, f);
	}
	o = submit(api, id, NULL, res);
	*posts = sandbox_order_posts(fx.sb) - before;
	api_free(api);
	return o;
}

/* 500 and 200 with HTML pages (not placed): unknown once the body left,
 * settled as not found only after the look-ups; 429 retried: exact
 * outcomes and POST counts. */
static void
test_faults_failed(void **state)
{
	struct api_result res = API_RESULT_INIT;
	size_t posts;

	(void)state;
	assert_int_equal(faulted("500", 10, "document_signing_org_1", &res,
	    &posts), API_NOT_FOUND);
	assert_non_null(strstr(res.notes[0], "HTTP 500 with an HTML page"));
	assert_non_null(strstr(res.message, "most likely not placed"));
	assert_int_equal(api_outcome_exit(res.outcome), 3);
	assert_int_equal(posts, 1);
	api_result_free(&res);
	assert_int_equal(faulted("html", 10, "document_signing_org_1", &res,
	    &posts), API_NOT_FOUND);
	assert_non_null(strstr(res.notes[0], "HTML"));
	assert_int_equal(posts, 1);
	api_result_free(&res);
	assert_int_equal(faulted("429", 10, "document_signing_org_1", &res,
	    &posts), API_PLACED);
	assert_int_equal(posts, 2);
	assert_int_equal(res.nnotes, 1);
	assert_non_null(strstr(res.notes[0], "(1 of 3)"));
	api_result_free(&res);
	assert_int_equal(faulted("429,429,429,429", 10,
	    "document_signing_org_1", &res, &posts), API_REJECTED);
	assert_int_equal(posts, 4);
	assert_non_null(strstr(res.message, "not placed"));
	assert_non_null(strstr(res.notes[2], "(3 of 3)"));
	api_result_free(&res);
}

/* Slow, cut and truncated answers: the look-up finds the order and no
 * second POST is made. */
static void
test_faults_found(void **state)
{
	static const char *const faults[] = { "slow", "cut", "truncated" };
	struct api_result res = API_RESULT_INIT;
	size_t posts, i, placed;

	(void)state;
	for (i = 0; i < sizeof faults / sizeof faults[0]; i++) {
		placed = sandbox_orders_placed(fx.sb);
		if (faulted(faults[i], 1, "document_signing_org_1", &res,
		    &posts) != API_PLACED)
			fail_msg("%s: %s", faults[i], res.message);
		assert_true(res.found_by_alt);
		assert_non_null(res.order_id);
		assert_non_null(strstr(res.message,
		    "found by alternative order ID"));
		assert_int_equal(posts, 1);
		assert_int_equal(sandbox_orders_placed(fx.sb), placed + 1);
		api_result_free(&res);
	}
}

/* A connection warmed on the review screen, then cut after the order was
 * placed: libcurl must not resend the POST on its own; the look-up finds
 * the one order. */
static void
test_warm_cut(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_result res = API_RESULT_INIT;
	enum sandbox_fault f;
	size_t before = sandbox_order_posts(fx.sb);
	size_t placed = sandbox_orders_placed(fx.sb);
	char *cause = NULL;

	(void)state;
	assert_int_equal(api_warm(api, "us", &cause), 0);
	assert_int_equal(sandbox_fault_parse("cut", &f), 0);
	sandbox_fault(fx.sb, f);
	if (submit(api, "document_signing_org_1", NULL, &res) != API_PLACED)
		fail_msg("%s", res.message);
	assert_true(res.found_by_alt);
	assert_int_equal(sandbox_order_posts(fx.sb) - before, 1);
	assert_int_equal(sandbox_orders_placed(fx.sb), placed + 1);
	api_result_free(&res);
	api_free(api);
}

/* A huge answer is capped and the order looked up; a product without
 * alternative order IDs is found with List orders. */
static void
test_faults_unknown(void **state)
{
	struct api_result res = API_RESULT_INIT;
	size_t posts;
	enum api_outcome o;

	(void)state;
	o = faulted("huge", 10, "document_signing_org_1", &res, &posts);
	assert_true(o == API_NOT_FOUND || o == API_PLACED);
	assert_non_null(strstr(res.notes[0], "larger than 1 MiB"));
	assert_int_equal(posts, 1);
	api_result_free(&res);
	assert_int_equal(faulted("cut", 10, "ds_org_individual", &res,
	    &posts), API_PLACED);
	assert_non_null(strstr(res.message, "found among the product's"));
	assert_int_equal(posts, 1);
	assert_int_equal(api_outcome_exit(res.outcome), 0);
	api_result_free(&res);
}

/* Writes the config file with a mode. */
static char *
write_config(const char *text, mode_t mode)
{
	char *dir = xasprintf("%s/config/certwiz", fx.tmp), *path;

	mkdir(getenv("XDG_CONFIG_HOME"), 0700);
	mkdir(dir, 0700);
	path = xasprintf("%s/config", dir);
	tu_write(dir, "config", text);
	assert_int_equal(chmod(path, mode), 0);
	free(dir);
	return path;
}

/* Keys: none, a config file others can read, one they cannot, env. */
static void
test_keys(void **state)
{
	struct api *api;
	struct api_result res = API_RESULT_INIT;
	char *cause = NULL, *path;

	(void)state;
	api = sandbox_api(10, 1);
	assert_int_equal(submit(api, "ds_org_individual", NULL, &res),
	    API_FAILED);
	assert_non_null(strstr(res.message, "CERTWIZ_API_KEY_US"));
	assert_non_null(strstr(res.message, "DIGICERT_API_KEY"));
	assert_non_null(strstr(res.message, "nothing was sent"));
	assert_int_equal(res.unsent, 1);	/* an outcome, not the words */
	api_result_free(&res);
	api_free(api);
	path = write_config("# keys\nkey_us = sandbox-us-key\n", 0644);
	api = sandbox_api(10, 1);
	assert_int_equal(api_has_key(api, "us", &cause), 0);
	assert_non_null(strstr(cause, path));
	assert_non_null(strstr(cause, "chmod 600"));
	free(cause);
	api_free(api);
	chmod(path, 0600);
	api = sandbox_api(10, 1);
	assert_int_equal(submit(api, "ds_org_individual", NULL, &res),
	    API_PLACED);
	api_result_free(&res);
	assert_int_equal(api_has_key(api, "eu", &cause), 0);
	free(cause);
	api_free(api);
	unlink(path);
	free(path);
	api = sandbox_api(10, 1);
	setenv("DIGICERT_API_KEY", "sandbox-eu-key", 1);
	assert_int_equal(submit(api, "eu_individual_org", NULL, &res),
	    API_PLACED);
	api_result_free(&res);
	api_free(api);
	/* A key with a line break would split the X-DC-DEVKEY header. */
	api = sandbox_api(10, 1);
	setenv("CERTWIZ_API_KEY_US", "sandbox-us-key\r\nX-Evil: 1", 1);
	assert_int_equal(api_has_key(api, "us", &cause), 0);
	assert_non_null(strstr(cause, "one non-empty line"));
	free(cause);
	api_free(api);
	clear_env();
}

/* https is required except to this computer; Europe never goes to the
 * US platform. */
static void
test_urls(void **state)
{
	struct api_opts o = { 0 };
	struct api *api;
	char *cause = NULL;

	(void)state;
	clear_env();
	setenv("CERTWIZ_BASE_URL_US", "http://example.com/services/v2", 1);
	setenv("CERTWIZ_BASE_URL_EU", "https://www.digicert.com/services/v2/",
	    1);
	api = api_new(&o);
	assert_null(api_base_url(api, "us", &cause));
	assert_non_null(strstr(cause, "https"));
	assert_non_null(strstr(cause, "CERTWIZ_BASE_URL_US"));
	free(cause);
	assert_null(api_base_url(api, "eu", &cause));
	assert_non_null(strstr(cause, "never sent"));
	free(cause);
	api_free(api);
	/* Other spellings of the US platform are refused for Europe too. */
	setenv("CERTWIZ_BASE_URL_EU", "https://DigiCert.com:443/services/v2",
	    1);
	api = api_new(&o);
	assert_null(api_base_url(api, "eu", &cause));
	assert_non_null(strstr(cause, "never sent"));
	free(cause);
	api_free(api);
	setenv("CERTWIZ_BASE_URL_US", "http://127.0.0.1:1/services/v2", 1);
	setenv("CERTWIZ_BASE_URL_EU", "http://[::1]:1/services/v2", 1);
	api = api_new(&o);
	assert_string_equal(api_base_url(api, "us", &cause),
	    "http://127.0.0.1:1/services/v2");
	assert_non_null(api_base_url(api, "eu", &cause));
	api_free(api);
	clear_env();
	api = api_new(&o);
	assert_string_equal(api_base_url(api, "eu", &cause),
	    "https://certcentral.digicert.eu/services/v2");
	api_free(api);
}

/* The journal pairs sent and outcome lines and holds no card data or
 * key; it is private. */
static void
test_journal(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_result res = API_RESULT_INIT;
	cJSON *body = order("document_signing_org_1"), *lines;
	char *j, *cause = NULL, *path, *dir;
	struct stat sb;

	(void)state;
	assert_int_equal(submit(api, "document_signing_org_1", body, &res),
	    API_PLACED);
	j = journal_text();
	assert_non_null(strstr(j, res.alternative_order_id));
	assert_null(strstr(j, "5555555555554444"));
	assert_null(strstr(j, "\"cvv\""));
	assert_null(strstr(j, "sandbox-us-key"));
	assert_null(strstr(j, "sandbox-eu-key"));
	free(j);
	lines = api_journal_read(&cause);
	assert_non_null(lines);
	assert_true(cJSON_GetArraySize(lines) >= 2);
	cJSON_Delete(lines);
	path = api_journal_path();
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	dir = xasprintf("%s/state/certwiz", fx.tmp);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(dir);
	free(path);
	api_result_free(&res);
	cJSON_Delete(body);
	api_free(api);
}

/* Order information and the look-up by alternative order ID. */
static void
test_lookups(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_result res = API_RESULT_INIT, info = API_RESULT_INIT;
	char *cause = NULL;

	(void)state;
	assert_int_equal(submit(api, "document_signing_org_2", NULL, &res),
	    API_PLACED);
	assert_int_equal(api_order_info(api, "us", res.order_id, &info),
	    API_PLACED);
	assert_string_equal(info.order_id, res.order_id);
	assert_non_null(info.status);
	api_result_free(&info);
	assert_int_equal(api_find_alternate(api, "us",
	    res.alternative_order_id, &info), API_PLACED);
	assert_string_equal(info.order_id, res.order_id);
	api_result_free(&info);
	assert_int_equal(api_find_alternate(api, "us", "nosuchid", &info),
	    API_NOT_FOUND);
	api_result_free(&info);
	assert_int_not_equal(api_order_info(api, "us", "999999999", &info),
	    API_PLACED);
	api_result_free(&info);
	assert_int_equal(api_order_info(api, "us", "../x", &info),
	    API_REJECTED);
	api_result_free(&info);
	assert_int_equal(api_warm(api, "eu", &cause), 0);
	api_result_free(&res);
	api_free(api);
}

/* A body cJSON cannot print: nothing is sent and the message says so
 * (cJSON_Print's NULL used to reach strlen()). */
static void
test_print_failure(void **state)
{
	struct api_result res = { 0 };
	struct api *api = sandbox_api(10, 0);
	cJSON *body = order("ds_org_individual"), *raw = cJSON_CreateRaw("1");
	size_t posts = sandbox_order_posts(fx.sb);
	char *cause = NULL;

	(void)state;
	cJSON_free(raw->valuestring);
	raw->valuestring = NULL;	/* cJSON refuses to print this */
	cJSON_AddItemToObject(body, "broken", raw);
	assert_int_equal(submit(api, "ds_org_individual", body, &res),
	    API_FAILED);
	assert_non_null(strstr(res.message, "nothing was sent"));
	assert_int_equal(sandbox_order_posts(fx.sb), posts);
	assert_null(json_print(body, 1, &cause));
	assert_non_null(cause);
	free(cause);
	cJSON_Delete(body);
	api_result_free(&res);
	api_free(api);
}

/* Text from outside: every control character neutralised, the rest
 * (UTF-8 included) kept; order IDs are digits. */
static void
test_safe_text(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "12345", "12345" },
		{ "1\033]0;owned\007\033[2J", "1\\x1b]0;owned\\x07\\x1b[2J" },
		{ "tab\there\nnl", "tab\\x09here\\x0anl" },
		{ "del\177", "del\\x7f" },
		{ "c1 \302\233 csi", "c1 \\xc2\\x9b csi" },
		{ "raw \233", "raw \\x9b" },
		{ "Zo\303\253 \342\202\254", "Zo\303\253 \342\202\254" },
		{ "overlong \300\257", "overlong \\xc0\\xaf" },
		{ "cut \342\202", "cut \\xe2\\x82" },
		{ "", "" },
	};
	static const struct {
		const char *id;
		int ok;
	} ids[] = {
		{ "100000001", 1 }, { "1", 1 }, { "", 0 }, { "12a", 0 },
		{ "1\033[2J", 0 }, { "-1", 0 }, { "12345678901234567890", 0 },
	};
	size_t i;
	char *t;
	cJSON *tree;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = safe_text(cases[i].in);
		assert_string_equal(t, cases[i].out);
		assert_int_equal(safe_text_ok(cases[i].in),
		    strcmp(cases[i].in, cases[i].out) == 0);
		free(t);
	}
	assert_null(safe_text(NULL));
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_int_equal(safe_order_id(ids[i].id), ids[i].ok);
	tree = cJSON_Parse("[{\"name\": \"Acme\\u001b[2J\", \"id\": 5,"
	    " \"c\": {\"name\": \"ok\"}}]");
	safe_json_strings(tree);
	t = cJSON_PrintUnformatted(tree);
	assert_string_equal(t, "[{\"name\":\"Acme\\\\x1b[2J\",\"id\":5,"
	    "\"c\":{\"name\":\"ok\"}}]");
	free(t);
	cJSON_Delete(tree);
}

/* The account's lists through the one paged look-up: organizations,
 * users (searched) and containers, page by page. */
static void
test_lists(void **state)
{
	struct api *api = sandbox_api(10, 0);
	struct api_list_query q = { "user", "users", NULL, "read users", 1 };
	char *cause = NULL;
	cJSON *list = NULL;

	(void)state;
	assert_int_equal(api_list_organizations(api, "us", &list, &cause), 0);
	assert_int_equal(cJSON_GetArraySize(list), 3);
	cJSON_Delete(list);
	assert_int_equal(api_list_users(api, "us", NULL, &list, &cause), 0);
	assert_int_equal(cJSON_GetArraySize(list), 4);
	cJSON_Delete(list);
	assert_int_equal(api_list_users(api, "us", "Zo\xc3\xab M", &list,
	    &cause), 0);
	assert_int_equal(cJSON_GetArraySize(list), 1);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(list, 0), "email")), "zoe.muller@example.com");
	cJSON_Delete(list);
	assert_int_equal(api_list_users(api, "us", "&limit=1", &list,
	    &cause), 0);
	assert_int_equal(cJSON_GetArraySize(list), 0);
	cJSON_Delete(list);
	/* One item a page: four GETs for four users, in order. */
	assert_int_equal(api_list(api, "us", &q, &list, &cause), 0);
	assert_int_equal(cJSON_GetArraySize(list), 4);
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 3),
	    "id")->valueint, 1004);
	cJSON_Delete(list);
	assert_int_equal(api_list_containers(api, "eu", &list, &cause), 0);
	assert_int_equal(cJSON_GetArraySize(list), 3);
	cJSON_Delete(list);
	/* A refused key fails the look-up with a reason, and no list. */
	assert_int_equal(api_set_key(api, "us", "wrong-key", &cause), 0);
	assert_int_equal(api_list_users(api, "us", NULL, &list, &cause), -1);
	assert_null(list);
	assert_non_null(cause);
	free(cause);
	api_free(api);
}

/* Runs the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_paths),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_every_product),
		cmocka_unit_test(test_validation_error),
		cmocka_unit_test(test_key_errors),
		cmocka_unit_test(test_faults_failed),
		cmocka_unit_test(test_faults_found),
		cmocka_unit_test(test_warm_cut),
		cmocka_unit_test(test_faults_unknown),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_journal),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_print_failure),
		cmocka_unit_test(test_safe_text),
		cmocka_unit_test(test_lists),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
