/* test_sandbox.c: the CertCentral simulator over real HTTP, with libcurl as
 * the client: orders, look-ups, errors, the rate limit and every fault. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "sandbox/sandbox.h"
#include "testutil.h"
#include "util/sha256.h"
#include "util/xalloc.h"

#define US	"sandbox-us-key"
#define EU	"sandbox-eu-key"
#define CAP	(1024 * 1024)	/* most a test client reads */

/* What each test works with: a fresh sandbox and one reused connection. */
struct fixture {
	struct sandbox	*sb;
	CURL		*curl;
	int		 http09;	/* the client accepts HTTP/0.9 */
};

/* An answer as the client saw it. */
struct resp {
	CURLcode	 rc;
	long		 status;
	char		*body;
	size_t		 len;
	char		*type;
};

/* The products and the platform each is ordered on. */
static const struct {
	const char	*id;
	const char	*key;
	const char	*other;
} products[] = {
	{ "eu_individual_org", EU, US },
	{ "pkio_qualified_organisation_services", EU, US },
	{ "pkio_private_services_server", EU, US },
	{ "document_signing_org_1", US, EU },
	{ "document_signing_org_2", US, EU },
	{ "ds_org_individual", US, EU },
};

/* Keeps what the server sends, refusing more than CAP bytes. */
static size_t
keep(char *data, size_t size, size_t n, void *arg)
{
	struct resp *r = arg;

	n *= size;
	if (r->len + n > CAP)
		return 0;
	r->body = xreallocarray(r->body, r->len + n + 1, 1);
	memcpy(r->body + r->len, data, n);
	r->len += n;
	r->body[r->len] = '\0';
	return n;
}

/* Sends a request to a path under the server's root. */
static void
fetch(struct fixture *fx, const char *method, const char *path,
    const char *key, const char *body, long timeout_ms, struct resp *r)
{
	struct curl_slist *h = NULL;
	char *url, *hdr = NULL;
	const char *type = NULL;

	memset(r, 0, sizeof *r);
	url = xasprintf("http://127.0.0.1:%u%s",
	    (unsigned int)sandbox_port(fx->sb), path);
	curl_easy_reset(fx->curl);
	curl_easy_setopt(fx->curl, CURLOPT_URL, url);
	curl_easy_setopt(fx->curl, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(fx->curl, CURLOPT_WRITEFUNCTION, keep);
	curl_easy_setopt(fx->curl, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(fx->curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(fx->curl, CURLOPT_HTTP09_ALLOWED, (long)fx->http09);
	h = curl_slist_append(h, "Content-Type: application/json");
	if (key != NULL) {
		hdr = xasprintf("X-DC-DEVKEY: %s", key);
		h = curl_slist_append(h, hdr);
	}
	curl_easy_setopt(fx->curl, CURLOPT_HTTPHEADER, h);
	if (body != NULL)
		curl_easy_setopt(fx->curl, CURLOPT_POSTFIELDS, body);
	r->rc = curl_easy_perform(fx->curl);
	curl_easy_getinfo(fx->curl, CURLINFO_RESPONSE_CODE, &r->status);
	if (curl_easy_getinfo(fx->curl, CURLINFO_CONTENT_TYPE, &type) ==
	    CURLE_OK && type != NULL)
		r->type = xstrdup(type);
	curl_slist_free_all(h);
	free(hdr);
	free(url);
}

/* Sends a request to a path under /services/v2/. */
static void
api(struct fixture *fx, const char *method, const char *path,
    const char *key, const char *body, struct resp *r)
{
	char *full = xasprintf("/services/v2/%s", path);

	fetch(fx, method, full, key, body, 30000, r);
	free(full);
}

/* Releases an answer. */
static void
resp_free(struct resp *r)
{
	free(r->body);
	free(r->type);
}

/* Parses an answer's JSON body or fails. */
static cJSON *
json_of(const struct resp *r)
{
	cJSON *j = r->body != NULL ? cJSON_Parse(r->body) : NULL;

	if (j == NULL)
		fail_msg("not JSON (HTTP %ld): %s", r->status,
		    r->body != NULL ? r->body : "(empty)");
	return j;
}

/* Fails unless the answer has this status and an error with this code. */
static void
expect_error(const struct resp *r, long status, const char *code)
{
	cJSON *j, *e;
	int found = 0;

	assert_int_equal(r->rc, CURLE_OK);
	assert_int_equal(r->status, status);
	j = json_of(r);
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "errors")) {
		if (strcmp(cJSON_GetObjectItem(e, "code")->valuestring,
		    code) == 0)
			found = 1;
	}
	if (!found)
		fail_msg("no error %s in %s", code, r->body);
	cJSON_Delete(j);
}

/* A valid order body of a product as text, with an optional alternative
 * order ID. */
static char *
order_text(const char *product, const char *alt_id)
{
	char *name = xasprintf("orders/%s.json", product), *text;
	cJSON *body = tu_data_json(name);

	if (alt_id != NULL)
		cJSON_AddStringToObject(body, "alternative_order_id", alt_id);
	text = cJSON_PrintUnformatted(body);
	cJSON_Delete(body);
	free(name);
	return text;
}

/* Places document_signing_org_1 with an alternative ID; the answer. */
static void
post_ds(struct fixture *fx, const char *alt_id, long timeout_ms,
    struct resp *r)
{
	char *body = order_text("document_signing_org_1", alt_id);

	fetch(fx, "POST", "/services/v2/order/certificate/"
	    "document_signing_org_1", US, body, timeout_ms, r);
	free(body);
}

/* How many orders GET order/alternate/{id} finds. */
static int
alternates(struct fixture *fx, const char *alt_id)
{
	char *path = xasprintf("order/alternate/%s", alt_id);
	struct resp r;
	cJSON *j;
	int n;

	api(fx, "GET", path, US, NULL, &r);
	assert_int_equal(r.status, 200);
	j = json_of(&r);
	n = cJSON_GetArraySize(cJSON_GetObjectItem(j, "orders"));
	cJSON_Delete(j);
	resp_free(&r);
	free(path);
	return n;
}

/* Starts a sandbox for one test. */
static int
setup(void **state)
{
	struct sandbox_opts opts = { tu_forms_dir(), 0, 1, 0 };
	struct fixture *fx = xcalloc(1, sizeof *fx);
	char *cause = NULL;

	if ((fx->sb = sandbox_start(&opts, &cause)) == NULL) {
		print_error("sandbox_start: %s\n", cause);
		free(cause);
		free(fx);
		return -1;
	}
	fx->curl = curl_easy_init();
	*state = fx;
	return 0;
}

/* Stops the test's sandbox. */
static int
teardown(void **state)
{
	struct fixture *fx = *state;

	curl_easy_cleanup(fx->curl);
	sandbox_stop(fx->sb);
	free(fx);
	return 0;
}

/* Every product's valid order is placed with its platform's key. */
static void
test_valid_orders(void **state)
{
	struct fixture *fx = *state;
	struct resp r;
	char *body, *path;
	cJSON *j;
	size_t i;

	for (i = 0; i < sizeof products / sizeof products[0]; i++) {
		body = order_text(products[i].id, NULL);
		path = xasprintf("order/certificate/%s", products[i].id);
		api(fx, "POST", path, products[i].key, body, &r);
		if (r.status != 201)
			fail_msg("%s: HTTP %ld: %s", products[i].id, r.status,
			    r.body);
		j = json_of(&r);
		assert_true(cJSON_GetObjectItem(j, "id")->valuedouble >=
		    100000001);
		assert_non_null(cJSON_GetArrayItem(cJSON_GetObjectItem(j,
		    "requests"), 0));
		if (strcmp(products[i].id, "pkio_private_services_server") == 0)
			assert_int_equal(cJSON_GetArraySize(
			    cJSON_GetObjectItem(j, "domains")), 2);
		cJSON_Delete(j);
		resp_free(&r);
		free(path);
		free(body);
	}
	assert_int_equal(sandbox_orders_placed(fx->sb), i);
	assert_int_equal(sandbox_order_posts(fx->sb), i);
}

/* A product of the other platform is refused with not_found|product. */
static void
test_wrong_platform(void **state)
{
	struct fixture *fx = *state;
	struct resp r;
	char *body, *path;
	size_t i;

	for (i = 0; i < sizeof products / sizeof products[0]; i++) {
		body = order_text(products[i].id, NULL);
		path = xasprintf("order/certificate/%s", products[i].id);
		api(fx, "POST", path, products[i].other, body, &r);
		expect_error(&r, 404, "not_found|product");
		resp_free(&r);
		free(path);
		free(body);
	}
	assert_int_equal(sandbox_orders_placed(fx->sb), 0);
}

/* An invalid body gets every error, each naming its path. */
static void
test_invalid_body(void **state)
{
	struct fixture *fx = *state;
	cJSON *body = tu_data_json("orders/ds_org_individual.json");
	struct resp r;
	char *text;

	tu_set(body, "subject", NULL);
	tu_set(body, "payment_method", "\"bitcoin\"");
	text = cJSON_PrintUnformatted(body);
	api(fx, "POST", "order/certificate/ds_org_individual", US, text, &r);
	expect_error(&r, 400, "required_param:subject");
	expect_error(&r, 400, "invalid_value:payment_method");
	assert_non_null(strstr(r.body, "\"payment_method: must be"));
	resp_free(&r);
	api(fx, "POST", "order/certificate/ds_org_individual", US, "{\"a\":",
	    &r);
	expect_error(&r, 400, "bad_request_format");
	resp_free(&r);
	free(text);
	cJSON_Delete(body);
	assert_int_equal(sandbox_orders_placed(fx->sb), 0);
}

/* Missing and unknown keys get 401, the read-only key 403 on POSTs. */
static void
test_keys(void **state)
{
	struct fixture *fx = *state;
	char *body = order_text("ds_org_individual", NULL);
	struct resp r;

	api(fx, "GET", "organization", NULL, NULL, &r);
	expect_error(&r, 401, "access_denied|access_denied_invalid_key");
	resp_free(&r);
	api(fx, "GET", "organization", "nope", NULL, &r);
	expect_error(&r, 401, "access_denied|access_denied_invalid_key");
	resp_free(&r);
	api(fx, "POST", "order/certificate/ds_org_individual",
	    "sandbox-readonly-key", body, &r);
	expect_error(&r, 403, "access_denied|missing_permission");
	resp_free(&r);
	api(fx, "GET", "organization", "sandbox-readonly-key", NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	assert_string_equal(sandbox_key("us"), US);
	assert_string_equal(sandbox_key("eu"), EU);
	free(body);
}

/* GET organization lists each account's organizations, filtered. */
static void
test_organizations(void **state)
{
	struct fixture *fx = *state;
	struct resp r;
	cJSON *j, *o;

	api(fx, "GET", "organization", US, NULL, &r);
	assert_int_equal(r.status, 200);
	j = json_of(&r);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j,
	    "organizations")), 3);
	o = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "organizations"), 0);
	assert_int_equal(cJSON_GetObjectItem(o, "id")->valueint, 123456);
	assert_string_equal(cJSON_GetObjectItem(o, "country")->valuestring,
	    "us");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(o, "is_active")));
	assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(o,
	    "container"), "id"));
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "page"),
	    "total")->valueint, 3);
	cJSON_Delete(j);
	resp_free(&r);
	api(fx, "GET", "organization?filters%5Bstatus%5D=active&"
	    "filters%5Bsearch%5D=voorbeeld", EU, NULL, &r);
	j = json_of(&r);
	o = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "organizations"), 0);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j,
	    "organizations")), 1);
	assert_int_equal(cJSON_GetObjectItem(o, "id")->valueint, 2042709);
	assert_string_equal(cJSON_GetObjectItem(o, "country")->valuestring,
	    "nl");
	cJSON_Delete(j);
	resp_free(&r);
}

/* A placed order is found by its ID and its alternative order ID. */
static void
test_order_lookups(void **state)
{
	struct fixture *fx = *state;
	struct resp r;
	char *path;
	cJSON *j;

	post_ds(fx, "abc123", 30000, &r);
	assert_int_equal(r.status, 201);
	j = json_of(&r);
	path = xasprintf("order/certificate/%d",
	    cJSON_GetObjectItem(j, "id")->valueint);
	cJSON_Delete(j);
	resp_free(&r);
	api(fx, "GET", path, US, NULL, &r);
	assert_int_equal(r.status, 200);
	j = json_of(&r);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(j,
	    "product"), "name_id")->valuestring, "document_signing_org_1");
	assert_string_equal(cJSON_GetObjectItem(j,
	    "alternative_order_id")->valuestring, "abc123");
	cJSON_Delete(j);
	resp_free(&r);
	api(fx, "GET", path, EU, NULL, &r);
	expect_error(&r, 404, "not_found|order");
	resp_free(&r);
	free(path);
	assert_int_equal(alternates(fx, "abc123"), 1);
	assert_int_equal(alternates(fx, "zzz999"), 0);
	post_ds(fx, "abc123", 30000, &r);
	assert_int_equal(r.status, 201);
	resp_free(&r);
	assert_int_equal(alternates(fx, "abc123"), 2);
	assert_int_equal(sandbox_alt_id_repeats(fx->sb), 1);
}

/* GET product/{name_id} lists server platforms where the product has them. */
static void
test_product(void **state)
{
	struct fixture *fx = *state;
	struct resp r;
	cJSON *j, *p;

	api(fx, "GET", "product/pkio_private_services_server", EU, NULL, &r);
	assert_int_equal(r.status, 200);
	j = json_of(&r);
	p = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "server_platforms"), 0);
	assert_int_equal(cJSON_GetObjectItem(p, "id")->valueint, -1);
	assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(j,
	    "signature_hash_types"), "allowed_hash_types"));
	cJSON_Delete(j);
	resp_free(&r);
	api(fx, "GET", "product/eu_individual_org", EU, NULL, &r);
	j = json_of(&r);
	assert_null(cJSON_GetObjectItem(j, "server_platforms"));
	cJSON_Delete(j);
	resp_free(&r);
	api(fx, "GET", "product/eu_individual_org", US, NULL, &r);
	expect_error(&r, 404, "not_found|product");
	resp_free(&r);
}

/* Unknown routes get 404, wrong methods 405, big bodies 413. */
static void
test_routes(void **state)
{
	struct fixture *fx = *state;
	char *big = xmalloc(CAP + 2);
	struct resp r;

	api(fx, "GET", "order/nothing", US, NULL, &r);
	expect_error(&r, 404, "not_found|route");
	resp_free(&r);
	fetch(fx, "GET", "/elsewhere", US, NULL, 30000, &r);
	expect_error(&r, 404, "not_found|route");
	resp_free(&r);
	api(fx, "DELETE", "organization", US, NULL, &r);
	expect_error(&r, 405, "method_not_allowed");
	resp_free(&r);
	memset(big, ' ', CAP + 1);
	big[CAP + 1] = '\0';
	api(fx, "POST", "order/certificate/ds_org_individual", US, big, &r);
	expect_error(&r, 413, "request_too_large");
	resp_free(&r);
	free(big);
}

/* The 101st request of a key within 5 seconds gets 429. */
static void
test_rate_limit(void **state)
{
	struct fixture *fx = *state;
	struct resp r;
	int i;

	for (i = 0; i < 100; i++) {
		api(fx, "GET", "order/alternate/x", US, NULL, &r);
		assert_int_equal(r.status, 200);
		resp_free(&r);
	}
	api(fx, "GET", "order/alternate/x", US, NULL, &r);
	expect_error(&r, 429, "request_limit_exceeded");
	resp_free(&r);
	api(fx, "GET", "order/alternate/x", EU, NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
}

/* 500 and html answer HTML and place nothing; 429 is DigiCert's error. */
static void
test_fault_pages(void **state)
{
	struct fixture *fx = *state;
	struct resp r;

	sandbox_fault(fx->sb, SB_FAULT_500);
	sandbox_fault(fx->sb, SB_FAULT_HTML);
	sandbox_fault(fx->sb, SB_FAULT_429);
	post_ds(fx, "f500", 30000, &r);
	assert_int_equal(r.status, 500);
	assert_non_null(strstr(r.type, "text/html"));
	resp_free(&r);
	post_ds(fx, "fhtml", 30000, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.type, "text/html"));
	resp_free(&r);
	post_ds(fx, "f429", 30000, &r);
	expect_error(&r, 429, "request_limit_exceeded");
	resp_free(&r);
	assert_int_equal(sandbox_order_posts(fx->sb), 3);
	assert_int_equal(alternates(fx, "f500"), 0);
	assert_int_equal(alternates(fx, "fhtml"), 0);
	assert_int_equal(sandbox_orders_placed(fx->sb), 0);
}

/* cut, truncated and slow place the order but the client gets no answer. */
static void
test_fault_lost_answers(void **state)
{
	struct fixture *fx = *state;
	struct resp r;

	sandbox_fault(fx->sb, SB_FAULT_CUT);
	post_ds(fx, "fcut", 30000, &r);
	assert_true(r.rc == CURLE_GOT_NOTHING || r.rc == CURLE_RECV_ERROR);
	resp_free(&r);
	assert_int_equal(alternates(fx, "fcut"), 1);
	sandbox_fault(fx->sb, SB_FAULT_TRUNCATED);
	post_ds(fx, "ftrunc", 30000, &r);
	assert_int_not_equal(r.rc, CURLE_OK);
	resp_free(&r);
	assert_int_equal(alternates(fx, "ftrunc"), 1);
	sandbox_fault(fx->sb, SB_FAULT_SLOW);
	post_ds(fx, "fslow", 500, &r);
	assert_int_equal(r.rc, CURLE_OPERATION_TIMEDOUT);
	resp_free(&r);
	assert_int_equal(alternates(fx, "fslow"), 1);
	assert_int_equal(sandbox_orders_placed(fx->sb), 3);
}

/* huge sends 64 MiB; a client with a cap stops reading. */
static void
test_fault_huge(void **state)
{
	struct fixture *fx = *state;
	struct resp r;

	sandbox_fault(fx->sb, SB_FAULT_HUGE);
	api(fx, "GET", "organization", US, NULL, &r);
	assert_int_equal(r.rc, CURLE_WRITE_ERROR);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	api(fx, "GET", "organization", US, NULL, &r);
	assert_int_equal(r.rc, CURLE_OK);
	resp_free(&r);
}

/* POST /_sandbox/faults queues faults; bad names are refused. */
static void
test_fault_http(void **state)
{
	struct fixture *fx = *state;
	enum sandbox_fault f;
	struct resp r;

	fetch(fx, "POST", "/_sandbox/faults", NULL,
	    "{\"next\": [\"429\", \"html\"]}", 30000, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"queued\":2"));
	resp_free(&r);
	fetch(fx, "POST", "/_sandbox/faults", NULL, "{\"next\": [\"boom\"]}",
	    30000, &r);
	expect_error(&r, 400, "invalid_value:next");
	resp_free(&r);
	api(fx, "GET", "organization", US, NULL, &r);
	assert_int_equal(r.status, 429);
	resp_free(&r);
	api(fx, "GET", "organization", US, NULL, &r);
	assert_non_null(strstr(r.type, "text/html"));
	resp_free(&r);
	api(fx, "GET", "organization", US, NULL, &r);
	assert_non_null(strstr(r.type, "application/json"));
	resp_free(&r);
	assert_int_equal(sandbox_fault_parse("truncated", &f), 0);
	assert_int_equal(f, SB_FAULT_TRUNCATED);
	assert_int_equal(sandbox_fault_parse("none", &f), -1);
}

/* CERTWIZ_SANDBOX_FAULTS queues faults at start; a busy port is refused. */
static void
test_start(void **state)
{
	struct fixture *fx = *state, fx2;
	struct sandbox_opts opts = { tu_forms_dir(), 0, 1, 0 };
	char *cause = NULL;
	struct resp r;

	opts.port = sandbox_port(fx->sb);
	assert_null(sandbox_start(&opts, &cause));
	assert_non_null(strstr(cause, "127.0.0.1"));
	free(cause);
	opts.port = 0;
	setenv("CERTWIZ_SANDBOX_FAULTS", "bogus", 1);
	assert_null(sandbox_start(&opts, &cause));
	assert_non_null(strstr(cause, "bogus"));
	free(cause);
	setenv("CERTWIZ_SANDBOX_FAULTS", "500, html", 1);
	fx2.sb = sandbox_start(&opts, &cause);
	unsetenv("CERTWIZ_SANDBOX_FAULTS");
	assert_non_null(fx2.sb);
	fx2.curl = fx->curl;
	fx2.http09 = 0;
	api(&fx2, "GET", "organization", US, NULL, &r);
	assert_int_equal(r.status, 500);
	resp_free(&r);
	api(&fx2, "GET", "organization", US, NULL, &r);
	assert_non_null(strstr(r.type, "text/html"));
	resp_free(&r);
	sandbox_stop(fx2.sb);
}

/* Sends a request on a plain socket and reads the raw answer until the
 * server closes the connection; allocated. */
static char *
raw_request(struct fixture *fx, const char *method, const char *path,
    const char *body)
{
	struct sockaddr_in sin;
	char *req, *all = NULL, buf[4096];
	size_t len = 0;
	ssize_t n;
	int fd;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons(sandbox_port(fx->sb));
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_true((fd = socket(AF_INET, SOCK_STREAM, 0)) >= 0);
	assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof sin), 0);
	req = xasprintf("%s %s HTTP/1.1\r\nHost: x\r\nX-DC-DEVKEY: " US
	    "\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
	    "\r\n%s", method, path, strlen(body), body);
	assert_int_equal(write(fd, req, strlen(req)), (ssize_t)strlen(req));
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		all = xreallocarray(all, len + (size_t)n + 1, 1);
		memcpy(all + len, buf, (size_t)n);
		len += (size_t)n;
		all[len] = '\0';
	}
	close(fd);
	free(req);
	return all != NULL ? all : xstrdup("");
}

/* badstatus sends "2O1" for a placed order's 201; curl refuses it. */
static void
test_fault_badstatus(void **state)
{
	struct fixture *fx = *state;
	char *body = order_text("document_signing_org_1", "fbad1"), *raw;
	struct resp r;

	sandbox_fault(fx->sb, SB_FAULT_BADSTATUS);
	raw = raw_request(fx, "POST", "/services/v2/order/certificate/"
	    "document_signing_org_1", body);
	assert_int_equal(strncmp(raw, "HTTP/1.1 2O1 Created\r\n", 22), 0);
	assert_non_null(strstr(raw, "\r\n\r\n{\"id\":100000001,"));
	free(raw);
	assert_int_equal(alternates(fx, "fbad1"), 1);
	sandbox_fault(fx->sb, SB_FAULT_BADSTATUS);
	post_ds(fx, "fbad2", 30000, &r);
	assert_true(r.rc == CURLE_UNSUPPORTED_PROTOCOL ||
	    r.rc == CURLE_WEIRD_SERVER_REPLY);
	resp_free(&r);
	assert_int_equal(alternates(fx, "fbad2"), 1);
	assert_int_equal(sandbox_orders_placed(fx->sb), 2);
	free(body);
}

/* http09 sends the bare body of a placed order: refused by default, read
 * by a client that allows HTTP/0.9. */
static void
test_fault_http09(void **state)
{
	struct fixture *fx = *state;
	char *body = order_text("document_signing_org_1", "f09a"), *raw;
	struct resp r;
	cJSON *j;

	sandbox_fault(fx->sb, SB_FAULT_HTTP09);
	raw = raw_request(fx, "POST", "/services/v2/order/certificate/"
	    "document_signing_org_1", body);
	assert_int_equal(strncmp(raw, "{\"id\":100000001,", 16), 0);
	free(raw);
	sandbox_fault(fx->sb, SB_FAULT_HTTP09);
	post_ds(fx, "f09b", 30000, &r);
	assert_int_equal(r.rc, CURLE_UNSUPPORTED_PROTOCOL);
	resp_free(&r);
	fx->http09 = 1;
	sandbox_fault(fx->sb, SB_FAULT_HTTP09);
	post_ds(fx, "f09c", 30000, &r);
	assert_int_equal(r.rc, CURLE_OK);
	j = json_of(&r);
	assert_int_equal(cJSON_GetObjectItem(j, "id")->valueint, 100000003);
	cJSON_Delete(j);
	resp_free(&r);
	fx->http09 = 0;
	assert_int_equal(alternates(fx, "f09a"), 1);
	assert_int_equal(alternates(fx, "f09b"), 1);
	assert_int_equal(sandbox_orders_placed(fx->sb), 3);
	free(body);
}

/* gateway504 places the order and answers 504 HTML; gateway404 answers
 * 404 HTML and does nothing, neither an order nor a look-up. */
static void
test_fault_gateways(void **state)
{
	struct fixture *fx = *state;
	struct resp r;

	sandbox_fault(fx->sb, SB_FAULT_GATEWAY504);
	post_ds(fx, "g504", 30000, &r);
	assert_int_equal(r.rc, CURLE_OK);
	assert_int_equal(r.status, 504);
	assert_non_null(strstr(r.type, "text/html"));
	assert_non_null(strstr(r.body, "Gateway Timeout"));
	resp_free(&r);
	assert_int_equal(alternates(fx, "g504"), 1);
	sandbox_fault(fx->sb, SB_FAULT_GATEWAY404);
	post_ds(fx, "g404", 30000, &r);
	assert_int_equal(r.status, 404);
	assert_non_null(strstr(r.type, "text/html"));
	assert_null(strstr(r.body, "errors"));
	resp_free(&r);
	assert_int_equal(alternates(fx, "g404"), 0);
	assert_int_equal(sandbox_order_posts(fx->sb), 2);
	assert_int_equal(sandbox_orders_placed(fx->sb), 1);
	sandbox_fault(fx->sb, SB_FAULT_GATEWAY404);
	api(fx, "GET", "order/alternate/g504", US, NULL, &r);
	assert_int_equal(r.status, 404);
	assert_non_null(strstr(r.type, "text/html"));
	resp_free(&r);
	assert_int_equal(alternates(fx, "g504"), 1);
}

/* The ID of the n-th order GET /_sandbox/orders lists. */
static long long
nth_order_id(struct fixture *fx, int n)
{
	struct resp r;
	cJSON *j;
	long long id;

	fetch(fx, "GET", "/_sandbox/orders", NULL, NULL, 30000, &r);
	assert_int_equal(r.status, 200);
	j = json_of(&r);
	id = (long long)cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(j, "orders"), n), "id")->valuedouble;
	cJSON_Delete(j);
	resp_free(&r);
	return id;
}

/* The page total of a List orders request with this query. */
static int
listed(struct fixture *fx, const char *key, const char *query)
{
	char *path = xasprintf("order/certificate%s", query);
	struct resp r;
	cJSON *j;
	int n;

	api(fx, "GET", path, key, NULL, &r);
	if (r.status != 200)
		fail_msg("%s: HTTP %ld: %s", path, r.status, r.body);
	j = json_of(&r);
	n = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "page"),
	    "total")->valueint;
	cJSON_Delete(j);
	resp_free(&r);
	free(path);
	return n;
}

/* 1 when every look-up sees the order (by ID, alternative ID, list). */
static int
seen(struct fixture *fx, long long id, const char *alt_id)
{
	char *path = xasprintf("order/certificate/%lld", id);
	int by_alt = alternates(fx, alt_id), listed_n, by_id;
	struct resp r;

	api(fx, "GET", path, US, NULL, &r);
	by_id = r.status == 200;
	if (!by_id)
		expect_error(&r, 404, "not_found|order");
	resp_free(&r);
	free(path);
	listed_n = listed(fx, US, "");
	assert_int_equal(by_alt, listed_n);
	assert_int_equal(by_alt, by_id);
	return by_id;
}

/* late places the order, answers 504 HTML and hides it from every look-up
 * for CERTWIZ_SANDBOX_LATE seconds; /_sandbox/orders shows it at once. */
static void
test_fault_late(void **state)
{
	struct fixture *fx = *state, fx2;
	struct sandbox_opts opts = { tu_forms_dir(), 0, 1, 0 };
	char *cause = NULL;
	struct resp r;
	long long id;
	int waited;

	setenv("CERTWIZ_SANDBOX_LATE", "-1", 1);
	assert_null(sandbox_start(&opts, &cause));
	assert_non_null(strstr(cause, "CERTWIZ_SANDBOX_LATE"));
	free(cause);
	setenv("CERTWIZ_SANDBOX_LATE", "1", 1);
	fx2.sb = sandbox_start(&opts, &cause);
	unsetenv("CERTWIZ_SANDBOX_LATE");
	assert_non_null(fx2.sb);
	fx2.curl = fx->curl;
	fx2.http09 = 0;
	sandbox_fault(fx2.sb, SB_FAULT_LATE);
	post_ds(&fx2, "flate", 30000, &r);
	assert_int_equal(r.status, 504);
	assert_non_null(strstr(r.type, "text/html"));
	resp_free(&r);
	assert_int_equal(sandbox_orders_placed(fx2.sb), 1);
	id = nth_order_id(&fx2, 0);
	assert_true(id >= 100000001);
	assert_int_equal(seen(&fx2, id, "flate"), 0);
	usleep(500 * 1000);
	assert_int_equal(seen(&fx2, id, "flate"), 0);
	for (waited = 0; waited < 30 && !seen(&fx2, id, "flate"); waited++)
		usleep(100 * 1000);
	assert_true(waited < 30);
	sandbox_stop(fx2.sb);
}

/* Places one test order of a product with its platform's key; its ID. */
static long long
place_order(struct fixture *fx, const char *product, const char *key)
{
	char *body = order_text(product, NULL);
	char *path = xasprintf("order/certificate/%s", product);
	struct resp r;
	cJSON *j;
	long long id;

	api(fx, "POST", path, key, body, &r);
	if (r.status != 201)
		fail_msg("%s: HTTP %ld: %s", product, r.status, r.body);
	j = json_of(&r);
	id = (long long)cJSON_GetObjectItem(j, "id")->valuedouble;
	cJSON_Delete(j);
	resp_free(&r);
	free(path);
	free(body);
	return id;
}

/* Places three orders on each account; their IDs in ids[6]. */
static void
place_six(struct fixture *fx, long long ids[6])
{
	ids[0] = place_order(fx, "document_signing_org_1", US);
	ids[1] = place_order(fx, "eu_individual_org", EU);
	ids[2] = place_order(fx, "document_signing_org_2", US);
	ids[3] = place_order(fx, "pkio_private_services_server", EU);
	ids[4] = place_order(fx, "ds_org_individual", US);
	ids[5] = place_order(fx, "pkio_qualified_organisation_services", EU);
}

/* A List orders answer; fails unless HTTP 200. */
static cJSON *
list_json(struct fixture *fx, const char *key, const char *query)
{
	char *path = xasprintf("order/certificate%s", query);
	struct resp r;
	cJSON *j;

	api(fx, "GET", path, key, NULL, &r);
	if (r.status != 200)
		fail_msg("%s: HTTP %ld: %s", path, r.status, r.body);
	j = json_of(&r);
	resp_free(&r);
	free(path);
	return j;
}

/* The IDs a List orders answer shows, in order, as "1,2,3"; allocated. */
static char *
listed_ids(struct fixture *fx, const char *key, const char *query)
{
	cJSON *j = list_json(fx, key, query), *o;
	char *ids = xstrdup(""), *more;

	cJSON_ArrayForEach(o, cJSON_GetObjectItem(j, "orders")) {
		more = xasprintf("%s%s%.0f", ids, *ids != '\0' ? "," : "",
		    cJSON_GetObjectItem(o, "id")->valuedouble);
		free(ids);
		ids = more;
	}
	cJSON_Delete(j);
	return ids;
}

/* Fails unless List orders with this query shows these IDs. */
static void
expect_ids(struct fixture *fx, const char *key, const char *query,
    const char *want)
{
	char *got = listed_ids(fx, key, query);

	if (strcmp(got, want) != 0)
		fail_msg("%s: got [%s], want [%s]", query, got, want);
	free(got);
}

/* List orders shows an account's orders, newest first, as DigiCert
 * words them. */
static void
test_list_shape(void **state)
{
	struct fixture *fx = *state;
	long long ids[6];
	cJSON *j, *o, *sub;
	const char *when;

	place_six(fx, ids);
	expect_ids(fx, US, "", "100000005,100000003,100000001");
	expect_ids(fx, EU, "", "100000006,100000004,100000002");
	j = list_json(fx, US, "");
	o = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "orders"), 2);
	assert_string_equal(cJSON_GetObjectItem(o, "status")->valuestring,
	    "pending");
	when = cJSON_GetObjectItem(o, "date_created")->valuestring;
	assert_int_equal(strlen(when), 25);
	assert_int_equal(when[10], 'T');
	assert_string_equal(when + 19, "+00:00");
	sub = cJSON_GetObjectItem(o, "product");
	assert_string_equal(cJSON_GetObjectItem(sub, "name_id")->valuestring,
	    "document_signing_org_1");
	assert_true(*cJSON_GetObjectItem(sub, "name")->valuestring != '\0');
	sub = cJSON_GetObjectItem(o, "organization");
	assert_int_equal(cJSON_GetObjectItem(sub, "id")->valueint, 123456);
	assert_string_equal(cJSON_GetObjectItem(sub, "name")->valuestring,
	    "Example Corp");
	sub = cJSON_GetObjectItem(o, "certificate");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(sub, "id")));
	assert_true(cJSON_IsArray(cJSON_GetObjectItem(sub, "dns_names")));
	o = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "orders"), 1);
	assert_true(cJSON_IsNumber(cJSON_GetObjectItem(
	    cJSON_GetObjectItem(o, "certificate"), "id")));
	sub = cJSON_GetObjectItem(j, "page");
	assert_int_equal(cJSON_GetObjectItem(sub, "total")->valueint, 3);
	assert_int_equal(cJSON_GetObjectItem(sub, "limit")->valueint, 1000);
	assert_int_equal(cJSON_GetObjectItem(sub, "offset")->valueint, 0);
	cJSON_Delete(j);
	j = list_json(fx, EU, "?filters%5Bcommon_name%5D=DOMAIN.example.com");
	o = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j,
	    "orders"), 0), "certificate");
	assert_string_equal(cJSON_GetObjectItem(o,
	    "common_name")->valuestring, "domain.example.com");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(o,
	    "dns_names")), 2);
	cJSON_Delete(j);
}

/* Each filter of List orders, alone. */
static void
test_list_filters(void **state)
{
	static const struct {
		const char	*key;
		const char	*query;
		const char	*ids;
	} rows[] = {
		{ US, "filters[product_name_id]=document_signing_org_2",
		  "100000003" },
		{ EU, "filters[product_name_id]=document_signing_org_2", "" },
		{ US, "filters[email]=john.doe@example.com",
		  "100000005,100000003" },
		{ US, "filters[email]=ZOE@example.com", "100000005,100000001" },
		{ US, "filters[email]=it@example.com", "" },
		{ EU, "filters[email]=zoe.muller@example.nl", "100000002" },
		{ EU, "filters[common_name]=domain.example.com", "100000004" },
		{ EU, "filters[common_name]=example.com", "" },
		{ EU, "filters[search]=MAIN.exa", "100000004" },
		{ EU, "filters[search]=voorbeeld",
		  "100000006,100000004,100000002" },
		{ US, "filters[search]=nothing", "" },
		{ US, "filters[status]=issued", "100000003" },
		{ US, "filters[status]=pending", "100000005,100000001" },
		{ US, "filters[organization_id]=123456",
		  "100000005,100000003,100000001" },
		{ US, "filters[organization_id]=2042709", "" },
		{ EU, "filters[organization_id]=2042709",
		  "100000006,100000004,100000002" },
		{ US, "filters[status]=pending&filters[email]=john.doe@"
		  "example.com", "100000005" },
	};
	struct fixture *fx = *state;
	long long ids[6];
	char *q;
	size_t i;

	place_six(fx, ids);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		q = xasprintf("?%s", rows[i].query);
		expect_ids(fx, rows[i].key, q, rows[i].ids);
		free(q);
	}
}

/* filters[date_created] takes whole UTC days, both ends included. */
static void
test_list_dates(void **state)
{
	struct fixture *fx = *state;
	char day[11], prev[11], next[11], *q;
	long long ids[6];
	struct tm tm;
	time_t t;
	cJSON *j;

	place_six(fx, ids);
	j = list_json(fx, US, "?sort=date_created");
	snprintf(day, sizeof day, "%.10s", cJSON_GetObjectItem(
	    cJSON_GetArrayItem(cJSON_GetObjectItem(j, "orders"), 0),
	    "date_created")->valuestring);
	cJSON_Delete(j);
	memset(&tm, 0, sizeof tm);
	assert_non_null(strptime(day, "%Y-%m-%d", &tm));
	t = timegm(&tm) - 86400;
	strftime(prev, sizeof prev, "%Y-%m-%d", gmtime(&t));
	t += 2 * 86400;
	strftime(next, sizeof next, "%Y-%m-%d", gmtime(&t));
	q = xasprintf("?filters[date_created]=%s...%s", day, day);
	assert_int_equal(listed(fx, US, q), 3);
	free(q);
	q = xasprintf("?filters[date_created]=%s...%s", prev, next);
	assert_int_equal(listed(fx, US, q), 3);
	free(q);
	q = xasprintf("?filters[date_created]=%s", day);
	assert_int_equal(listed(fx, US, q), 3);
	free(q);
	q = xasprintf("?filters[date_created]=%s...%s", prev, prev);
	assert_int_equal(listed(fx, US, q), 0);
	free(q);
	q = xasprintf("?filters[date_created]=%s...%s", next, next);
	assert_int_equal(listed(fx, US, q), 0);
	free(q);
}

/* sort, limit and offset page through the orders; bad values get 400. */
static void
test_list_paging(void **state)
{
	static const struct {
		const char	*query;
		const char	*ids;
	} rows[] = {
		{ "?sort=-date_created", "100000005,100000003,100000001" },
		{ "?sort=date_created", "100000001,100000003,100000005" },
		{ "?limit=2", "100000005,100000003" },
		{ "?limit=2&offset=2", "100000001" },
		{ "?sort=date_created&limit=1&offset=1", "100000003" },
		{ "?offset=3", "" },
		{ "?offset=99999999999", "" },
	};
	static const char *const bad[] = {
		"sort=id", "limit=0", "limit=x", "limit=-1", "offset=-1",
		"offset=1x", "filters[date_created]=2026-12-01...",
		"filters[date_created]=2026-12-31...2026-12-01",
		"filters[date_created]=2026-13-01...2026-12-31",
		"filters[date_created]=yesterday",
	};
	struct fixture *fx = *state;
	long long ids[6];
	struct resp r;
	char *path;
	cJSON *j;
	size_t i;

	place_six(fx, ids);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		expect_ids(fx, US, rows[i].query, rows[i].ids);
	assert_int_equal(listed(fx, US, "?limit=2&offset=2"), 3);
	j = list_json(fx, US, "?limit=5000&offset=1");
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "page"),
	    "limit")->valueint, 1000);
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "page"),
	    "offset")->valueint, 1);
	cJSON_Delete(j);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		path = xasprintf("order/certificate?%s", bad[i]);
		api(fx, "GET", path, US, NULL, &r);
		if (r.status != 400)
			fail_msg("%s: HTTP %ld", bad[i], r.status);
		resp_free(&r);
		free(path);
	}
	api(fx, "GET", "order/certificate?sort=id", US, NULL, &r);
	expect_error(&r, 400, "invalid_value:sort");
	resp_free(&r);
	api(fx, "POST", "order/certificate", US, "{}", &r);
	expect_error(&r, 405, "method_not_allowed");
	resp_free(&r);
}

/* The hex SHA-256 of an order body without its alternative order ID. */
static void
hash_of(const char *text, char hex[SHA256_HEX_LEN + 1])
{
	cJSON *j = cJSON_Parse(text);
	char *flat;

	cJSON_DeleteItemFromObjectCaseSensitive(j, "alternative_order_id");
	flat = cJSON_PrintUnformatted(j);
	sha256_hex(flat, strlen(flat), hex);
	free(flat);
	cJSON_Delete(j);
}

/* GET /_sandbox/orders lists every order of both accounts with its
 * body's hash, the same for the same body whatever its alternative ID. */
static void
test_control_orders(void **state)
{
	struct fixture *fx = *state;
	char *a = order_text("document_signing_org_1", "c1");
	char hex[SHA256_HEX_LEN + 1];
	const cJSON *o;
	struct resp r;
	cJSON *j;

	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	post_ds(fx, "c1", 30000, &r);
	resp_free(&r);
	post_ds(fx, "c2", 30000, &r);
	resp_free(&r);
	post_ds(fx, NULL, 30000, &r);
	resp_free(&r);
	place_order(fx, "eu_individual_org", EU);
	api(fx, "POST", "order/certificate/ds_org_individual", US, "{}", &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	fetch(fx, "GET", "/_sandbox/orders", NULL, NULL, 30000, &r);
	assert_int_equal(r.status, 200);
	j = json_of(&r);
	resp_free(&r);
	assert_int_equal(cJSON_GetObjectItem(j, "posts")->valueint, 5);
	assert_int_equal(cJSON_GetObjectItem(j, "placed")->valueint, 4);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j,
	    "orders")), 4);
	hash_of(a, hex);
	cJSON_ArrayForEach(o, cJSON_GetObjectItem(j, "orders")) {
		if (strcmp(cJSON_GetObjectItem(o, "platform")->valuestring,
		    "us") == 0)
			assert_string_equal(cJSON_GetObjectItem(o,
			    "body_sha256")->valuestring, hex);
		else
			assert_string_not_equal(cJSON_GetObjectItem(o,
			    "body_sha256")->valuestring, hex);
	}
	o = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "orders"), 1);
	assert_string_equal(cJSON_GetObjectItem(o,
	    "alternative_order_id")->valuestring, "c2");
	assert_string_equal(cJSON_GetObjectItem(o, "product")->valuestring,
	    "document_signing_org_1");
	o = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "orders"), 2);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(o,
	    "alternative_order_id")));
	cJSON_Delete(j);
	fetch(fx, "POST", "/_sandbox/orders", NULL, "{}", 30000, &r);
	expect_error(&r, 405, "method_not_allowed");
	resp_free(&r);
	free(a);
}

/* Runs the tests, each against a fresh sandbox. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_valid_orders, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_wrong_platform, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_invalid_body, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_organizations, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_order_lookups, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_product, setup, teardown),
		cmocka_unit_test_setup_teardown(test_routes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rate_limit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_pages, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_lost_answers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_huge, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_http, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_badstatus, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_http09, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_gateways, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fault_late, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list_shape, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list_filters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list_dates, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list_paging, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_control_orders, setup,
		    teardown),
	};
	int rc;

	setenv("CERTWIZ_TODAY", "2026-11-20", 1);
	unsetenv("CERTWIZ_SANDBOX_FAULTS");
	unsetenv("CERTWIZ_SANDBOX_SLOW");
	unsetenv("CERTWIZ_SANDBOX_LATE");
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	return rc;
}
