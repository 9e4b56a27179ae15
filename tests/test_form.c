/* test_form.c: the form loader: every refusal, includes, and the real forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "testutil.h"

#define HEAD "{\"id\": \"p\", \"title\": \"P\", \"platform\": \"us\", " \
	"\"endpoint\": \"order/certificate/p\", \"summary\": \"s\", "
#define SCREEN(fields) HEAD "\"screens\": [{\"title\": \"S\", \"fields\": [" \
	fields "]}]}"
#define FA "{\"path\": \"a\", \"label\": \"A\", \"type\": \"string\"}"

/* One form the loader must refuse, and what its message must say. */
struct refusal {
	const char	*what;
	const char	*product;	/* text of p.json */
	const char	*fragment;	/* text of fragments/f.json, or NULL */
	const char	*expect;	/* substring of the message */
};

static const struct refusal refusals[] = {
	{ "malformed JSON", HEAD "\n\"screens\": [,]}", NULL,
	  "p.json: line 2, column 13: malformed JSON" },
	{ "truncated JSON", HEAD "\"screens\": [", NULL,
	  "input ends too early" },
	{ "empty file", "", NULL, "p.json: empty input" },
	{ "unknown top key", HEAD "\"screen\": []}", NULL,
	  "p.json: unknown key 'screen' in a product form" },
	{ "unknown field key", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"string\", \"requird\": true}"), NULL,
	  "p.json: field a: unknown key 'requird' in a field" },
	{ "unknown screen key", HEAD "\"screens\": [{\"title\": \"S\", "
	  "\"colour\": 1, \"fields\": []}]}", NULL,
	  "unknown key 'colour' in a screen" },
	{ "unknown lookup", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"id\", \"lookup\": \"people\"}"), NULL,
	  "field a: \"lookup\" must be \"organizations\"," },
	{ "lookup on a string", SCREEN("{\"path\": \"a\", \"label\": "
	  "\"A\", \"type\": \"string\", \"lookup\": \"users\"}"), NULL,
	  "field a: \"lookup\" must be" },
	{ "key_type on a string", SCREEN("{\"path\": \"a\", \"label\": "
	  "\"A\", \"type\": \"string\", \"key_type\": \"b\"}, "
	  "{\"path\": \"b\", \"label\": \"B\", \"type\": \"enum\", "
	  "\"values\": [\"rsa\"]}"), NULL,
	  "field a: \"key_type\" (and \"key_size\") are for csr fields" },
	{ "key_size without key_type", SCREEN("{\"path\": \"a\", \"label\": "
	  "\"A\", \"type\": \"csr\", \"key_size\": \"b\"}, "
	  "{\"path\": \"b\", \"label\": \"B\", \"type\": \"enum\", "
	  "\"values\": [2048]}"), NULL, "key_size needs key_type" },
	{ "key_type naming no field", SCREEN("{\"path\": \"a\", \"label\": "
	  "\"A\", \"type\": \"csr\", \"key_type\": \"zz\"}"), NULL,
	  "field a: \"key_type\" must name an enum field" },
	{ "key_size naming a string", SCREEN("{\"path\": \"a\", \"label\": "
	  "\"A\", \"type\": \"csr\", \"key_type\": \"b\", "
	  "\"key_size\": \"c\"}, {\"path\": \"b\", \"label\": \"B\", "
	  "\"type\": \"enum\", \"values\": [\"rsa\"]}, {\"path\": \"c\", "
	  "\"label\": \"C\", \"type\": \"string\"}"), NULL,
	  "field a: \"key_size\" must name an enum field" },
	{ "unknown type", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"strng\"}"), NULL, "field a: unknown type 'strng'" },
	{ "unknown json type", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"string\", \"json\": \"float\"}"), NULL,
	  "field a: unknown JSON type 'float'" },
	{ "unknown item type", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"list\", \"item\": \"blob\"}"), NULL,
	  "field a: unknown item type 'blob'" },
	{ "condition does not parse", SCREEN(FA ", {\"path\": \"b\", "
	  "\"label\": \"B\", \"type\": \"string\", \"when\": \"a ==\"}"), NULL,
	  "field b: \"when\" condition 'a ==' does not parse" },
	{ "required_if does not parse", SCREEN(FA ", {\"path\": \"b\", "
	  "\"label\": \"B\", \"type\": \"string\", \"required_if\": "
	  "\"(a\"}"), NULL, "field b: \"required_if\" condition '(a'" },
	{ "condition names unknown field", SCREEN(FA ", {\"path\": \"b\", "
	  "\"label\": \"B\", \"type\": \"string\", \"when\": \"zz == 'x'\"}"),
	  NULL, "field b: condition 'zz == 'x'' names unknown field 'zz'" },
	{ "screen condition names unknown field", HEAD "\"screens\": [{"
	  "\"title\": \"S\", \"when\": \"q\", \"fields\": [" FA "]}]}", NULL,
	  "condition 'q' names unknown field 'q'" },
	{ "duplicate path", SCREEN(FA ", " FA), NULL,
	  "field a: duplicate path" },
	{ "parent not declared", SCREEN("{\"path\": \"x.y\", \"label\": \"Y\", "
	  "\"type\": \"string\"}"), NULL,
	  "field x.y: its parent x is not declared before it" },
	{ "parent not an object", SCREEN(FA ", {\"path\": \"a.y\", "
	  "\"label\": \"Y\", \"type\": \"string\"}"), NULL,
	  "field a.y: its parent a is not an object" },
	{ "bad path", SCREEN("{\"path\": \"A-b\", \"label\": \"A\", "
	  "\"type\": \"string\"}"), NULL, "field A-b: path must be" },
	{ "missing label", SCREEN("{\"path\": \"a\", \"type\": \"string\"}"),
	  NULL, "field a: \"label\" must be a non-empty string" },
	{ "enum without values", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"enum\"}"), NULL, "field a: an enum needs \"values\"" },
	{ "bad values", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"enum\", \"values\": [{}]}"), NULL,
	  "\"values\" may hold only strings" },
	{ "bad limit", SCREEN("{\"path\": \"a\", \"label\": \"A\", "
	  "\"type\": \"string\", \"max_length\": -4}"), NULL,
	  "\"max_length\" must be between 0" },
	{ "id mismatch", "{\"id\": \"q\", \"title\": \"P\", \"platform\": "
	  "\"us\", \"endpoint\": \"e\", \"summary\": \"s\", \"screens\": []}",
	  NULL, "\"id\" is 'q' but the file is named for 'p'" },
	{ "bad platform", "{\"id\": \"p\", \"title\": \"P\", \"platform\": "
	  "\"mars\", \"endpoint\": \"e\", \"summary\": \"s\", \"screens\": []}",
	  NULL, "\"platform\" must be \"us\" or \"eu\"" },
	{ "no fields", HEAD "\"screens\": []}", NULL, "the form has no fields" },
	{ "missing fragment", SCREEN("{\"include\": \"nope\"}"), NULL,
	  "fragments/nope.json: No such file" },
	{ "fragment malformed", SCREEN("{\"include\": \"f\"}"),
	  "{\"fragment\": \"f\",\n \"fields\": [}", "fragments/f.json: "
	  "line 2, column 13: malformed JSON" },
	{ "fragment unknown key", SCREEN("{\"include\": \"f\"}"),
	  "{\"fragment\": \"f\", \"feilds\": []}",
	  "f.json: unknown key 'feilds' in a fragment" },
	{ "fragment field unknown key", SCREEN("{\"include\": \"f\"}"),
	  "{\"fragment\": \"f\", \"fields\": [{\"path\": \"c\", \"label\": "
	  "\"C\", \"type\": \"string\", \"hlep\": \"x\"}]}",
	  "fragments/f.json: field c: unknown key 'hlep'" },
	{ "include loop", SCREEN("{\"include\": \"f\"}"),
	  "{\"fragment\": \"f\", \"fields\": [{\"include\": \"f\"}]}",
	  "includes nested more than 8 deep" },
	{ "override unknown field", SCREEN("{\"include\": \"f\", \"override\": "
	  "{\"zz\": {\"required\": true}}}"),
	  "{\"fragment\": \"f\", \"fields\": [" FA "]}",
	  "\"override\" names unknown field 'zz'" },
	{ "override unknown key", SCREEN("{\"include\": \"f\", \"override\": "
	  "{\"a\": {\"mandatory\": true}}}"),
	  "{\"fragment\": \"f\", \"fields\": [" FA "]}",
	  "unknown key 'mandatory' in an override" },
	{ "omit unknown field", SCREEN("{\"include\": \"f\", \"omit\": "
	  "[\"zz\"]}"), "{\"fragment\": \"f\", \"fields\": [" FA "]}",
	  "\"omit\" names unknown field 'zz'" },
	{ "include of the wrong kind", HEAD "\"screens\": [{\"include\": "
	  "\"f\"}]}", "{\"fragment\": \"f\", \"fields\": [" FA "]}",
	  "fragment 'f' has no \"screens\" array" },
	{ "duplicate path through a fragment", SCREEN(FA ", {\"include\": "
	  "\"f\"}"), "{\"fragment\": \"f\", \"fields\": [" FA "]}",
	  "fragments/f.json: field a: duplicate path" },
};

/* Writes a refusal's files, loads them and checks the message. */
static void
test_refusals(void **state)
{
	size_t i;
	char *dir, *cause;
	struct form *form;

	(void)state;
	for (i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		dir = tu_mkdtemp();
		tu_write(dir, "p.json", refusals[i].product);
		if (refusals[i].fragment != NULL)
			tu_write(dir, "fragments/f.json", refusals[i].fragment);
		cause = NULL;
		form = form_load(dir, "p", &cause);
		if (form != NULL || cause == NULL ||
		    strstr(cause, refusals[i].expect) == NULL)
			fail_msg("%s: expected \"%s\", got \"%s\"",
			    refusals[i].what, refusals[i].expect,
			    cause != NULL ? cause : "(loaded)");
		free(cause);
		form_free(form);
		tu_rmdir(dir);
	}
}

/* An include with override and omit changes only what it names. */
static void
test_include_override(void **state)
{
	char *dir = tu_mkdtemp(), *cause = NULL;
	struct form *form;
	const struct field *f;

	(void)state;
	tu_write(dir, "p.json", SCREEN("{\"include\": \"f\", \"override\": "
	    "{\"a\": {\"required\": true, \"help\": null}}, \"omit\": "
	    "[\"o\"]}"));
	tu_write(dir, "fragments/f.json", "{\"fragment\": \"f\", \"fields\": ["
	    "{\"path\": \"a\", \"label\": \"A\", \"type\": \"string\", "
	    "\"help\": \"h\"}, {\"path\": \"o\", \"label\": \"O\", \"type\": "
	    "\"object\"}, {\"path\": \"o.x\", \"label\": \"X\", \"type\": "
	    "\"integer\"}, {\"path\": \"n\", \"label\": \"N\", \"type\": "
	    "\"enum\", \"values\": [2048, \"p-256\"]}]}");
	form = form_load(dir, "p", &cause);
	assert_non_null(form);
	assert_int_equal(form->nfields, 2);
	f = form_find(form, "a");
	assert_non_null(f);
	assert_true(f->required);
	assert_string_equal(f->help, "");
	assert_null(form_find(form, "o.x"));
	f = form_find(form, "n");
	assert_int_equal(f->json, JT_INTEGER);
	assert_string_equal(f->file + strlen(f->file) - 16, "fragments/f.json");
	form_free(form);
	tu_rmdir(dir);
}

/* Every shipped product form loads and is sound. */
static void
test_real_forms(void **state)
{
	char **ids, *cause = NULL, *endpoint;
	int n, i;
	size_t j;
	struct form *form;

	(void)state;
	n = form_list_ids(tu_forms_dir(), &ids, &cause);
	assert_int_equal(n, 6);
	for (i = 0; i < n; i++) {
		form = form_load(tu_forms_dir(), ids[i], &cause);
		if (form == NULL)
			fail_msg("%s", cause);
		endpoint = NULL;
		assert_true(asprintf(&endpoint, "order/certificate/%s",
		    ids[i]) > 0);
		assert_string_equal(form->endpoint, endpoint);
		free(endpoint);
		for (j = 0; j < form->nfields; j++) {
			const struct field *f = &form->fields[j];

			if (f->help[0] == '\0')
				fail_msg("%s: %s has no help", ids[i], f->path);
			assert_int_equal(f->secret, f->type == FT_CARD_NUMBER ||
			    f->type == FT_CVV);
		}
		form_free(form);
	}
	form_free_ids(ids, n);
}

/* The platform of each product, as api-notes.md gives it. */
static void
test_platforms(void **state)
{
	static const char *const ids[][2] = {
		{ "eu_individual_org", "eu" },
		{ "pkio_qualified_organisation_services", "eu" },
		{ "pkio_private_services_server", "eu" },
		{ "document_signing_org_1", "us" },
		{ "document_signing_org_2", "us" },
		{ "ds_org_individual", "us" },
	};
	struct form *form;
	char *cause = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		form = form_load(tu_forms_dir(), ids[i][0], &cause);
		assert_non_null(form);
		assert_string_equal(form->platform, ids[i][1]);
		form_free(form);
	}
}

/* Runs the loader tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_include_override),
		cmocka_unit_test(test_real_forms),
		cmocka_unit_test(test_platforms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
