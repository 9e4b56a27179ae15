/* test_recall.c: answers remembered from the last order (recall.json):
 * round trip, secrets never kept, mode 0600, platforms kept apart, a
 * remembered path another product's form lacks, the order's choices kept
 * per product, and remembered values a field does not allow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/form.h"
#include "testutil.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include "wizard/recall.h"
#include "wizard/session.h"

/* A form file of one screen: id, platform and its fields. */
#define FORM(id, plat, fields) "{\"id\": \"" id "\", \"title\": \"T\", " \
	"\"platform\": \"" plat "\", \"endpoint\": \"order/certificate/" id \
	"\", \"summary\": \"s\", \"screens\": [{\"title\": \"S\", " \
	"\"fields\": [" fields "]}]}"
#define ORG "{\"path\": \"organization\", \"label\": \"Organization\", " \
	"\"type\": \"object\", \"required\": true}, {\"path\": " \
	"\"organization.id\", \"label\": \"Organization ID\", \"type\": " \
	"\"id\", \"required\": true, \"remember\": true}"
#define EXTRA ", {\"path\": \"note\", \"label\": \"Note\", \"type\": " \
	"\"string\", \"remember\": true}"

/* The state directory of one test (XDG_STATE_HOME). */
static char *statehome;

/* Points XDG_STATE_HOME at a fresh directory. */
static int
setup(void **state)
{
	(void)state;
	statehome = tu_mkdtemp();
	setenv("XDG_STATE_HOME", statehome, 1);
	return 0;
}

/* Removes the test's state directory. */
static int
teardown(void **state)
{
	(void)state;
	tu_rmdir(statehome);
	return 0;
}

/* Loads a product's form from dir, or fails the test. */
static struct form *
load(const char *dir, const char *id)
{
	char *cause = NULL;
	struct form *form = form_load(dir, id, &cause);

	if (form == NULL)
		fail_msg("%s", cause);
	return form;
}

/* Sets an answer from JSON text at a path without "[]". */
static void
put(struct session *s, const char *path, const char *json)
{
	assert_int_equal(answers_set(s->answers, path, NULL, 0,
	    cJSON_Parse(json)), 0);
}

/* Saves a session's remembered answers, or fails. */
static void
save(const struct session *s)
{
	char *cause = NULL;

	if (recall_save(s, &cause) != 0)
		fail_msg("%s", cause);
}

/* The recall file's text ("" when there is none). */
static char *
file_text(void)
{
	char *path = recall_path(), *cause = NULL, *t;
	size_t len;

	t = fileio_read(path, &len, &cause);
	free(path);
	free(cause);
	return t != NULL ? t : xstrdup("");
}

/* Saved, then filled into another product of the same platform. */
static void
test_round_trip(void **state)
{
	struct form *f1 = load(tu_forms_dir(), "document_signing_org_1");
	struct form *f2 = load(tu_forms_dir(), "document_signing_org_2");
	struct session *s = session_new(f1, tu_now()), *t;
	struct recall r = { NULL, 0 };
	char *path, *note;
	struct stat sb;

	(void)state;
	put(s, "organization.id", "\"123456\"");
	put(s, "organization.contacts", "[{\"user_id\": \"2812497\", "
	    "\"contact_type\": \"verified_contact\"}]");
	save(s);
	path = recall_path();
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	free(path);
	t = session_new(f2, tu_now());
	assert_int_equal(recall_apply(t, &r), 2);
	assert_string_equal(cJSON_GetStringValue(answers_get(t->answers,
	    "organization.id", NULL, 0)), "123456");
	assert_int_equal(cJSON_GetArraySize(answers_get(t->answers,
	    "organization.contacts", NULL, 0)), 1);
	note = recall_summary(t, &r);
	assert_string_equal(note, "organization 123456 and 1 contact");
	free(note);
	recall_clear(t, &r);
	assert_null(answers_get(t->answers, "organization.id", NULL, 0));
	assert_int_equal(r.n, 0);
	session_free(t);
	session_free(s);
	form_free(f1);
	form_free(f2);
}

/* Fails when text holds any of the strings given, up to a NULL. */
static void
assert_absent(const char *text, ...)
{
	const char *needle;
	va_list ap;

	va_start(ap, text);
	while ((needle = va_arg(ap, const char *)) != NULL)
		assert_null(strstr(text, needle));
	va_end(ap);
}

/* A card order keeps its organization and nothing of the card. */
static void
test_no_secrets(void **state)
{
	struct form *f = load(tu_forms_dir(), "ds_org_individual");
	struct session *s = session_new(f, tu_now());
	char *text;

	(void)state;
	put(s, "organization.id", "\"123456\"");
	put(s, "payment_method", "\"card\"");
	put(s, "credit_card", "{\"number\": \"4111111111111111\", "
	    "\"cvv\": \"123\", \"cardholder_name\": \"Zoe\"}");
	put(s, "billing_address", "{\"address\": \"1 Main St\"}");
	save(s);
	text = file_text();
	assert_non_null(strstr(text, "123456"));
	assert_absent(text, "4111", "credit_card", "billing", "Main St", NULL);
	free(text);
	session_free(s);
	form_free(f);
}

/* The loader refuses "remember" on, around or beside a secret, and a
 * "remember" that is neither true, false nor "product". */
static void
test_refused(void **state)
{
	static const struct {
		const char *form;
		const char *msg;
	} rows[] = {
		{ FORM("p", "us", "{\"path\": \"k\", \"label\": \"K\", "
		    "\"type\": \"cvv\", \"secret\": true, \"remember\": "
		    "true}"), "\"remember\" is not allowed" },
		{ FORM("p", "us", "{\"path\": \"o\", \"label\": \"O\", "
		    "\"type\": \"object\", \"remember\": true}, {\"path\": "
		    "\"o.k\", \"label\": \"K\", \"type\": \"cvv\", "
		    "\"secret\": true}"), "\"remember\" is not allowed" },
		{ FORM("p", "us", "{\"path\": \"a\", \"label\": \"A\", "
		    "\"type\": \"string\", \"remember\": \"product\"}, "
		    "{\"path\": \"k\", \"label\": \"K\", \"type\": "
		    "\"cvv\", \"secret\": true}"),
		  "\"remember\" is not allowed" },
		{ FORM("p", "us", "{\"path\": \"a\", \"label\": \"A\", "
		    "\"type\": \"string\", \"remember\": \"account\"}"),
		  "\"remember\" must be true, false or \"product\"" },
	};
	char *dir, *cause;
	struct form *form;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		dir = tu_mkdtemp();
		tu_write(dir, "p.json", rows[i].form);
		cause = NULL;
		form = form_load(dir, "p", &cause);
		assert_null(form);
		assert_non_null(cause);
		assert_non_null(strstr(cause, rows[i].msg));
		free(cause);
		tu_rmdir(dir);
	}
}

/* A US organization is not offered to a Europe product. */
static void
test_platforms(void **state)
{
	struct form *us = load(tu_forms_dir(), "document_signing_org_1");
	struct form *eu = load(tu_forms_dir(), "pkio_private_services_server");
	struct session *s = session_new(us, tu_now()), *t;
	struct recall r = { NULL, 0 };
	char *text;

	(void)state;
	put(s, "organization.id", "\"123456\"");
	save(s);
	session_free(s);
	s = session_new(eu, tu_now());
	put(s, "organization.id", "\"2042709\"");
	save(s);
	text = file_text();
	assert_non_null(strstr(text, "\"us\""));
	assert_non_null(strstr(text, "\"eu\""));
	free(text);
	t = session_new(us, tu_now());
	assert_int_equal(recall_apply(t, &r), 1);
	assert_string_equal(cJSON_GetStringValue(answers_get(t->answers,
	    "organization.id", NULL, 0)), "123456");
	recall_free(&r);
	session_free(t);
	session_free(s);
	form_free(us);
	form_free(eu);
}

/* A remembered path the next product's form lacks is skipped. */
static void
test_missing_path(void **state)
{
	char *dir = tu_mkdtemp();
	struct form *a, *b;
	struct session *s, *t;
	struct recall r = { NULL, 0 };

	(void)state;
	tu_write(dir, "a.json", FORM("a", "us", ORG EXTRA));
	tu_write(dir, "b.json", FORM("b", "us", ORG));
	a = load(dir, "a");
	b = load(dir, "b");
	s = session_new(a, tu_now());
	put(s, "organization.id", "\"7\"");
	put(s, "note", "\"kept\"");
	save(s);
	t = session_new(b, tu_now());
	assert_int_equal(recall_apply(t, &r), 1);
	assert_string_equal(r.paths[0], "organization.id");
	assert_null(answers_get(t->answers, "note", NULL, 0));
	recall_free(&r);
	session_free(t);
	session_free(s);
	form_free(a);
	form_free(b);
	tu_rmdir(dir);
}

/* Writes recall.json by hand (as an older form, or another product, may
 * have left it). */
static void
put_file(const char *text)
{
	char *dir = xasprintf("%s/certwiz", statehome);

	mkdir(dir, 0700);
	tu_write(dir, "recall.json", text);
	free(dir);
}

/* The text of an answer ("" when absent), for scalars. */
static const char *
answer_text(const struct session *s, const char *path)
{
	static char buf[64];
	const cJSON *v = answers_get(s->answers, path, NULL, 0);

	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsNumber(v)) {
		snprintf(buf, sizeof buf, "%.0f", v->valuedouble);
		return buf;
	}
	return "";
}

/* An EU order's choices come back on the product's next order, not on
 * another product of the platform; nothing of the holder, the CSR or the
 * card is kept. */
static void
test_choices(void **state)
{
	struct form *eu = load(tu_forms_dir(), "eu_individual_org");
	struct form *qs = load(tu_forms_dir(),
	    "pkio_qualified_organisation_services");
	struct session *s = session_new(eu, tu_now()), *t;
	struct recall r = { NULL, 0 };
	char *text;

	(void)state;
	put(s, "certificate.profile_option", "\"authentication\"");
	put(s, "provisioning_method", "\"csr\"");
	put(s, "certificate.csr", "\"-----BEGIN CERTIFICATE REQUEST-----\"");
	put(s, "certificate.individual", "{\"first_name\": \"Zoe\", "
	    "\"last_name\": \"Muller\", \"email\": \"zoe@example.nl\"}");
	put(s, "order_validity", "{\"years\": \"2\"}");
	put(s, "payment_method", "\"card\"");
	put(s, "credit_card", "{\"number\": \"4111111111111111\", "
	    "\"cvv\": \"123\", \"cardholder_name\": \"Zoe\"}");
	put(s, "organization.id", "\"2042709\"");
	save(s);
	text = file_text();
	assert_absent(text, "Zoe", "first_name", "Muller", "REQUEST", "4111",
	    "credit_card", "alternative_order_id", NULL);
	free(text);
	t = session_new(eu, tu_now());
	assert_int_equal(recall_apply(t, &r), 5);
	assert_string_equal(answer_text(t, "certificate.profile_option"),
	    "authentication");
	assert_string_equal(answer_text(t, "provisioning_method"), "csr");
	assert_string_equal(answer_text(t, "order_validity.years"), "2");
	assert_string_equal(answer_text(t, "payment_method"), "card");
	assert_string_equal(answer_text(t, "certificate.individual.first_name"),
	    "");
	recall_clear(t, &r);	/* Ctrl-X: blank, or the form's default */
	assert_string_equal(answer_text(t, "certificate.profile_option"), "");
	assert_string_equal(answer_text(t, "payment_method"), "balance");
	session_free(t);
	t = session_new(qs, tu_now());
	assert_int_equal(recall_apply(t, &r), 1);
	assert_string_equal(r.paths[0], "organization.id");
	assert_string_equal(answer_text(t, "certificate.profile_option"),
	    "nonrepudiation");
	recall_free(&r);
	session_free(t);
	session_free(s);
	form_free(eu);
	form_free(qs);
}

/* A remembered value the field does not allow (given the answers before
 * it) is not filled in; the allowed ones are. */
static void
test_not_allowed(void **state)
{
	static const struct {
		const char *file;	/* recall.json */
		const char *product;
		const char *path;	/* the answer looked at */
		const char *want;	/* what it is after recall */
	} rows[] = {
		{ "{\"products\": {\"eu_individual_org\": {\"certificate\": "
		  "{\"profile_option\": \"bogus\"}}}}", "eu_individual_org",
		  "certificate.profile_option", "" },
		{ "{\"products\": {\"eu_individual_org\": "
		  "{\"provisioning_method\": 7}}}", "eu_individual_org",
		  "provisioning_method", "" },
		{ "{\"products\": {\"ds_org_individual\": {\"certificate\": "
		  "{\"csr_key_type\": \"ecc\", \"key_size\": \"2048\"}}}}",
		  "ds_org_individual", "certificate.key_size", "p-256" },
		{ "{\"products\": {\"ds_org_individual\": {\"certificate\": "
		  "{\"csr_key_type\": \"ecc\", \"key_size\": \"p-384\"}}}}",
		  "ds_org_individual", "certificate.key_size", "p-384" },
		{ "{\"products\": {\"ds_org_individual\": {\"certificate\": "
		  "{\"signature_hash\": \"md5\"}}}}", "ds_org_individual",
		  "certificate.signature_hash", "sha256" },
		{ "{\"products\": {\"ds_org_individual\": {\"certificate\": "
		  "{\"signature_hash\": \"sha512\"}}}}", "ds_org_individual",
		  "certificate.signature_hash", "sha512" },
	};
	struct form *f;
	struct session *s;
	struct recall r = { NULL, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		put_file(rows[i].file);
		f = load(tu_forms_dir(), rows[i].product);
		s = session_new(f, tu_now());
		recall_apply(s, &r);
		assert_string_equal(answer_text(s, rows[i].path),
		    rows[i].want);
		recall_free(&r);
		session_free(s);
		form_free(f);
	}
}

/* Runs the recall tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_secrets, setup,
		    teardown),
		cmocka_unit_test(test_refused),
		cmocka_unit_test_setup_teardown(test_platforms, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_missing_path, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_choices, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_not_allowed, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
