/* test_session.c: wizard sessions: which screens and slots apply, list
 * expansion, setting answers, masking secrets and loading bodies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/problems.h"
#include "testutil.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* The index of the screen with this title, or fails. */
static size_t
screen(const struct form *form, const char *title)
{
	size_t i;

	for (i = 0; i < form->nscreens; i++) {
		if (strcmp(form->screens[i].title, title) == 0)
			return i;
	}
	fail_msg("no screen %s", title);
	return 0;
}

/* Finds the slot at path on any screen; returns 1 and a copy in *out. */
static int
find_slot(const struct session *s, const char *path, struct slot *out)
{
	struct slot *v;
	size_t n, i, sc;
	int found = 0;

	for (sc = 0; sc < s->form->nscreens && !found; sc++) {
		n = session_slots(s, sc, &v);
		for (i = 0; i < n && !found; i++) {
			if (strcmp(v[i].path, path) == 0) {
				*out = v[i];
				out->path = xstrdup(v[i].path);
				found = 1;
			}
		}
		session_slots_free(v, n);
	}
	return found;
}

/* Sets the answer at path, which must be a slot; returns the error. */
static char *
set(struct session *s, const char *path, const char *text)
{
	struct slot sl;
	char *err;

	if (!find_slot(s, path, &sl))
		fail_msg("no slot %s", path);
	err = session_set_text(s, &sl, text);
	free(sl.path);
	return err;
}

/* Screens and slots appear and disappear with the answers. */
static void
test_conditions(void **state)
{
	static const struct {
		const char	*product, *path, *value, *screen;
		int		 shown;
		const char	*slot;
		int		 has_slot;
	} t[] = {
		{ "ds_org_individual", NULL, NULL, "Card and billing", 0,
		  "credit_card.number", 0 },
		{ "ds_org_individual", "payment_method", "card",
		  "Card and billing", 1, "credit_card.number", 1 },
		{ "ds_org_individual", NULL, NULL, "Shipping", 0,
		  "ship_info.name", 0 },
		{ "ds_org_individual", "cs_provisioning_method", "ship_token",
		  "Shipping", 1, "ship_info.name", 1 },
		{ "ds_org_individual", "cs_provisioning_method", "ship_token",
		  "Certificate", 1, "certificate.csr", 0 },
		{ "ds_org_individual", NULL, NULL, "Certificate", 1,
		  "certificate.csr", 1 },
		{ "eu_individual_org", "provisioning_method", "csr",
		  "Certificate", 1, "certificate.csr", 1 },
		{ "eu_individual_org", "provisioning_method", "qscd",
		  "Certificate", 1, "certificate.csr", 0 },
	};
	struct slot sl;
	struct form *form;
	struct session *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		form = tu_load_form(t[i].product);
		s = session_new(form, tu_now());
		if (t[i].path != NULL)
			free(set(s, t[i].path, t[i].value));
		if (session_screen_shown(s, screen(form, t[i].screen)) !=
		    t[i].shown)
			fail_msg("case %zu: screen %s", i, t[i].screen);
		if (find_slot(s, t[i].slot, &sl) != t[i].has_slot)
			fail_msg("case %zu: slot %s", i, t[i].slot);
		if (t[i].has_slot)
			free(sl.path);
		session_free(s);
		form_free(form);
	}
}

/* Lists get a slot of their own and one per item, with indexes bound. */
static void
test_lists(void **state)
{
	struct form *form = tu_load_form("ds_org_individual");
	struct session *s = session_new(form, tu_now());
	struct slot list, sl;
	char *text;

	(void)state;
	assert_true(find_slot(s, "organization.contacts", &list));
	assert_false(find_slot(s, "organization.contacts[0].email", &sl));
	assert_int_equal(session_list_add(s, &list), 0);
	assert_int_equal(session_list_add(s, &list), 1);
	assert_int_equal(session_list_count(s, &list), 2);
	assert_true(find_slot(s, "organization.contacts[1].email", &sl));
	assert_int_equal(sl.nindex, 1);
	assert_int_equal(sl.index[0], 1);
	assert_null(session_set_text(s, &sl, "b@example.com"));
	free(sl.path);
	session_list_remove(s, &list, 0);
	assert_true(find_slot(s, "organization.contacts[0].email", &sl));
	text = session_get_text(s, &sl);
	assert_string_equal(text, "b@example.com");
	free(text);
	free(sl.path);
	free(list.path);
	assert_true(find_slot(s, "additional_emails", &list));
	session_list_add(s, &list);
	assert_true(find_slot(s, "additional_emails[0]", &sl));
	assert_int_equal(sl.item, 0);
	text = session_set_text(s, &sl, "not-an-email");
	assert_non_null(text);
	free(text);
	assert_null(session_set_text(s, &sl, "it@example.com"));
	free(sl.path);
	free(list.path);
	session_free(s);
	form_free(form);
}

/* Setting answers returns the slot's error, cross-field rules included. */
static void
test_set_text(void **state)
{
	static const struct {
		const char	*path, *text, *error;
	} t[] = {
		{ "subject.email", "zoe@example.com", NULL },
		{ "subject.email", "zoe", "must be an email address" },
		{ "subject.email", "", "is required" },
		{ "payment_method", "card", NULL },
		{ "credit_card.number", "4111111111111112", "" },
		{ "credit_card.number", "4111 1111 1111 1111", NULL },
		{ "credit_card.expiration_month", "01", NULL },
		{ "credit_card.expiration_year", "2026", "" },
		{ "credit_card.expiration_year", "2027", NULL },
		{ "credit_card.cvv", "12", "" },
		{ "csa_agreed_to", "n", NULL },
		{ "csa_agreed_to", "y", NULL },
		{ "order_validity.years", "9", "must be one of" },
		{ "organization.id", "abc", "" },
	};
	struct form *form = tu_load_form("ds_org_individual");
	struct session *s = session_new(form, tu_now());
	char *err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		err = set(s, t[i].path, t[i].text);
		if (t[i].error == NULL && err != NULL)
			fail_msg("case %zu: %s: unexpected %s", i, t[i].path,
			    err);
		if (t[i].error != NULL && (err == NULL ||
		    strstr(err, t[i].error) == NULL))
			fail_msg("case %zu: %s: got %s", i, t[i].path,
			    err != NULL ? err : "no error");
		free(err);
	}
	assert_true(s->changed);
	session_free(s);
	form_free(form);
}

/* The masked body keeps the card's last four digits and hides the CVV;
 * the public answers have neither. */
static void
test_masked(void **state)
{
	struct form *form = tu_load_form("eu_individual_org");
	struct session *s = session_new(form, tu_now());
	cJSON *pub;
	char *text, *why;
	struct slot sl;

	(void)state;
	free(set(s, "payment_method", "card"));
	free(set(s, "credit_card.number", "4111-1111-1111-1111"));
	free(set(s, "credit_card.cvv", "123"));
	text = session_body_masked(s);
	assert_non_null(strstr(text, "\"************1111\""));
	assert_null(strstr(text, "4111"));
	assert_null(strstr(text, "123"));
	assert_non_null(strstr(text, "\"cvv\":\t\"***\""));
	free(text);
	pub = session_answers_public(s);
	text = cJSON_PrintUnformatted(pub);
	assert_null(strstr(text, "4111"));
	assert_null(strstr(text, "cvv"));
	free(text);
	cJSON_Delete(pub);
	assert_true(find_slot(s, "credit_card", &sl));
	why = session_why(s, &sl);
	assert_string_equal(why, "required because payment_method is card; "
	    "shown only when payment_method is card");
	free(why);
	free(sl.path);
	session_free(s);
	form_free(form);
}

/* Loading a body keeps its answers and reports unknown fields. */
static void
test_load(void **state)
{
	struct problems p = { NULL, 0 };
	struct form *form = tu_load_form("ds_org_individual");
	cJSON *body = tu_data_json("orders/ds_org_individual.json");
	struct session *s;
	struct slot sl;
	char *text;

	(void)state;
	cJSON_AddNumberToObject(body, "bogus", 1);
	s = session_load(form, body, tu_now(), &p);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0].path, "bogus");
	assert_true(p.v[0].warning);
	assert_true(find_slot(s, "organization.contacts[0].email", &sl));
	text = session_get_text(s, &sl);
	assert_string_equal(text, "john.doe@example.com");
	free(text);
	free(sl.path);
	assert_true(find_slot(s, "certificate.usage_designation."
	    "additional_usages", &sl));
	text = session_get_text(s, &sl);
	assert_string_equal(text, "document_signing, ms_document_signing");
	free(text);
	free(sl.path);
	problems_free(&p);
	session_check(s, &p);
	assert_int_equal(problems_errors(&p), 0);
	problems_free(&p);
	cJSON_Delete(body);
	session_free(s);
	form_free(form);
}

/* Runs the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_set_text),
		cmocka_unit_test(test_masked),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
