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

#include "api/api.h"
#include "core/form.h"
#include "core/problems.h"
#include "testutil.h"
#include "util/xalloc.h"
#include "wizard/result_words.h"
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
	assert_string_equal(why, "Credit card is required because Payment "
	    "method is card (screen Payment). It is asked because Payment "
	    "method is card (screen Payment).");
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

/* Answers set one after another by path ("" paths end the list). */
struct step {
	const char	*path, *text;
};

/* Starts a session of product and applies up to 4 steps. */
static struct session *
start(struct form **form, const char *product, const struct step *steps)
{
	struct session *s;
	size_t i;

	*form = tu_load_form(product);
	s = session_new(*form, tu_now());
	for (i = 0; i < 4 && steps[i].path != NULL; i++)
		free(set(s, steps[i].path, steps[i].text));
	return s;
}

/* The answer at path as text (the slot must exist). */
static char *
text_at(struct session *s, const char *path)
{
	struct slot sl;
	char *t;

	if (!find_slot(s, path, &sl))
		fail_msg("no slot %s", path);
	t = session_get_text(s, &sl);
	free(sl.path);
	return t;
}

/* A value that depends on another answer follows it, with a notice; a
 * value still allowed stays, silently. */
static void
test_follow(void **state)
{
	static const struct {
		struct step	 steps[4];
		const char	*want, *notice;
	} t[] = {
		{ { { "certificate.csr_key_type", "ecc" } }, "p-256",
		  "Key size set to p-256: 2048 is not allowed when Key type "
		  "is ecc (screen Certificate)" },
		{ { { "certificate.key_size", "4096" },
		    { "certificate.csr_key_type", "ecc" } }, "p-256",
		  "Key size set to p-256: 4096 is not allowed when" },
		{ { { "certificate.csr_key_type", "ecc" },
		    { "certificate.key_size", "p-384" },
		    { "certificate.csr_key_type", "rsa" } }, "2048",
		  "Key size set to 2048: p-384 is not allowed when Key type "
		  "is rsa" },
		{ { { "certificate.key_size", "3072" },
		    { "certificate.csr_key_type", "rsa" } }, "3072", NULL },
		{ { { "certificate.csr_key_type", "ecc" },
		    { "certificate.key_size", "p-384" } }, "p-384", NULL },
	};
	struct form *form;
	struct session *s;
	char *got, *note;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		form = tu_load_form("ds_org_individual");
		s = session_new(form, tu_now());
		for (k = 0; k < 4 && t[i].steps[k].path != NULL; k++) {
			free(session_notice_take(s));
			free(set(s, t[i].steps[k].path, t[i].steps[k].text));
		}
		got = text_at(s, "certificate.key_size");
		note = session_notice_take(s);
		if (strcmp(got, t[i].want) != 0)
			fail_msg("case %zu: key size %s", i, got);
		if ((t[i].notice == NULL) != (note == NULL) ||
		    (note != NULL && strstr(note, t[i].notice) == NULL))
			fail_msg("case %zu: notice %s", i,
			    note != NULL ? note : "none");
		free(got);
		free(note);
		session_free(s);
		form_free(form);
	}
}

/* A field of an optional object is required only while the object is
 * sent; defaults alone send nothing. */
static void
test_required_now(void **state)
{
	static const struct {
		const char	*product;
		struct step	 steps[4];
		const char	*path;
		int		 required;
	} t[] = {
		{ "ds_org_individual", { { NULL } },
		  "certificate.server_platform.id", 0 },
		{ "ds_org_individual", { { "certificate.server_platform.id",
		  "12" } }, "certificate.server_platform.id", 1 },
		{ "document_signing_org_1", { { NULL } },
		  "organization_contact.first_name", 0 },
		{ "document_signing_org_1", { { "organization_contact.email",
		  "a@example.com" } }, "organization_contact.first_name", 1 },
		{ "document_signing_org_1", { { NULL } }, "container.id", 0 },
		{ "eu_individual_org", { { "provisioning_method", "qscd" } },
		  "ship_info.name", 0 },
		{ "eu_individual_org", { { "provisioning_method", "qscd" },
		  { "ship_info.city", "Delft" } }, "ship_info.name", 1 },
		{ "ds_org_individual", { { "cs_provisioning_method",
		  "ship_token" } }, "ship_info.name", 1 },
		{ "ds_org_individual", { { "payment_method", "card" } },
		  "credit_card.number", 1 },
		{ "ds_org_individual", { { NULL } }, "subject.email", 1 },
	};
	struct form *form;
	struct session *s;
	struct slot sl;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = start(&form, t[i].product, t[i].steps);
		if (!find_slot(s, t[i].path, &sl))
			fail_msg("case %zu: no slot %s", i, t[i].path);
		if (session_slot_required(s, &sl) != t[i].required)
			fail_msg("case %zu: %s required is %d", i, t[i].path,
			    !t[i].required);
		free(sl.path);
		session_free(s);
		form_free(form);
	}
}

/* Defaults are answers marked as such, and send no object on their own;
 * null is an answer apart from none. */
static void
test_defaults(void **state)
{
	static const struct {
		const char	*product, *path, *text, *body;
		int		 is_default;
	} t[] = {
		{ "ds_org_individual", "ship_info.method", "STANDARD",
		  "STANDARD", 1 },
		{ "ds_org_individual", "certificate.server_platform.id", "-1",
		  NULL, 1 },
		{ "document_signing_org_1", "certificate.signature_hash",
		  "sha256", "sha256", 1 },
		{ "eu_individual_org", "ship_info.method", "STANDARD", NULL,
		  1 },
	};
	struct form *form;
	struct session *s;
	struct slot sl;
	cJSON *body;
	char *text;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		form = tu_load_form(t[i].product);
		s = session_new(form, tu_now());
		if (strcmp(t[i].path, "ship_info.method") == 0)
			free(set(s, form->id[0] == 'e' ? "provisioning_method" :
			    "cs_provisioning_method", form->id[0] == 'e' ?
			    "qscd" : "ship_token"));
		if (!find_slot(s, t[i].path, &sl))
			fail_msg("case %zu: no slot %s", i, t[i].path);
		text = session_get_text(s, &sl);
		assert_string_equal(text, t[i].text);
		assert_int_equal(session_slot_is_default(s, &sl),
		    t[i].is_default);
		body = session_body(s);
		if (t[i].body == NULL)
			assert_null(tu_get(body, t[i].path));
		else
			assert_string_equal(cJSON_GetStringValue(tu_get(body,
			    t[i].path)), t[i].body);
		cJSON_Delete(body);
		free(text);
		free(sl.path);
		session_free(s);
		form_free(form);
	}
}

/* Answers for test_next_needed: text NULL adds an item to the list at
 * path. */
struct nstep {
	const char	*path, *text;
};

/* Applies the steps of a test_next_needed case. */
static void
apply_nsteps(struct session *s, const struct nstep *v)
{
	struct slot sl;
	size_t i;

	for (i = 0; i < 4 && v[i].path != NULL; i++) {
		if (v[i].text != NULL) {
			free(set(s, v[i].path, v[i].text));
			continue;
		}
		if (!find_slot(s, v[i].path, &sl))
			fail_msg("no list %s", v[i].path);
		session_list_add(s, &sl);
		free(sl.path);
	}
}

/* Enter's next field: required and empty or wrong, in form order over
 * the shown screens, past optional, valid and single-value fields, on to
 * the next screen, round to the first; -1 when nothing else is needed. */
static void
test_next_needed(void **state)
{
	static const struct {
		const char	*product;
		struct nstep	 steps[4];
		const char	*screen, *after, *want_screen, *want;
	} t[] = {
		{ "pkio_qualified_organisation_services", { { NULL, NULL } },
		  "Certificate", "certificate.signature_hash", "Organization",
		  "organization.id" },
		{ "pkio_qualified_organisation_services", { { NULL, NULL } },
		  "Organization", "organization.id", "Organization",
		  "organization.contacts" },
		{ "pkio_qualified_organisation_services", { {
		  "organization.contacts", NULL } }, "Organization",
		  "organization.contacts[0].user_id", "Organization",
		  "organization.contacts[0].first_name" },
		{ "pkio_qualified_organisation_services", { {
		  "organization.contacts", NULL }, {
		  "organization.contacts[0].user_id", "2812497" } },
		  "Organization", "organization.contacts[0].user_id",
		  "Organization", "organization.contacts[0].contact_type" },
		{ "pkio_qualified_organisation_services", { {
		  "organization.id", "2042709" }, {
		  "organization.contacts", NULL }, {
		  "organization.contacts[0].user_id", "2812497" }, {
		  "organization.contacts[0].contact_type",
		  "verified_contact" } }, "Certificate",
		  "certificate.signature_hash", NULL, NULL },
		{ "pkio_qualified_organisation_services", { {
		  "organization.id", "2042709" } }, "Payment",
		  "payment_method", "Organization", "organization.contacts" },
		{ "pkio_qualified_organisation_services", { {
		  "organization.id", "2042709" } }, "Organization",
		  "organization.contacts", NULL, NULL },
		{ "ds_org_individual", { { NULL, NULL } }, "Certificate",
		  "certificate.server_platform.id", "Certificate",
		  "certificate.csr" },
		{ "ds_org_individual", { { NULL, NULL } }, "Certificate",
		  "certificate.csr", "Subject", "subject.given_name" },
		{ "ds_org_individual", { { NULL, NULL } }, "Subject", NULL,
		  "Subject", "subject.given_name" },
		{ "ds_org_individual", { { NULL, NULL } }, "Payment",
		  "payment_method", "Certificate", "certificate.csr" },
		{ "ds_org_individual", { { "additional_emails", NULL }, {
		  "additional_emails[0]", "not-an-email" } }, "Options",
		  "comments", "Options", "additional_emails[0]" },
		{ "ds_org_individual", { { "subject.email", "not-an-email" } },
		  "Subject", "subject.phone", "Subject", "subject.email" },
	};
	struct problems p = { NULL, 0 };
	struct form *form;
	struct session *s;
	size_t i, sc;
	char *path;
	int rc;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		form = tu_load_form(t[i].product);
		s = session_new(form, tu_now());
		apply_nsteps(s, t[i].steps);
		session_check(s, &p);
		path = NULL;
		rc = session_next_needed(s, &p, screen(form, t[i].screen),
		    t[i].after, &sc, &path);
		if (t[i].want == NULL && rc != -1)
			fail_msg("case %zu: %s is needed", i, path);
		if (t[i].want != NULL && (rc != 0 ||
		    strcmp(path, t[i].want) != 0 ||
		    sc != screen(form, t[i].want_screen)))
			fail_msg("case %zu: got %s", i, rc == 0 ? path : "none");
		free(path);
		problems_free(&p);
		session_free(s);
		form_free(form);
	}
}

/* A slot needs an answer only with an error of its own (or of its
 * object); a heading never holds one. */
static void
test_slot_needed(void **state)
{
	struct form *form = tu_load_form("ds_org_individual");
	struct session *s = session_new(form, tu_now());
	struct problems p = { NULL, 0 };
	struct slot sl;

	(void)state;
	session_check(s, &p);
	assert_true(find_slot(s, "subject.email", &sl));
	assert_true(session_slot_needed(s, &p, screen(form, "Subject"), &sl));
	free(sl.path);
	assert_true(find_slot(s, "certificate.server_platform.id", &sl));
	assert_false(session_slot_needed(s, &p, screen(form, "Certificate"),
	    &sl));
	free(sl.path);
	assert_true(find_slot(s, "subject", &sl));
	assert_true(session_slot_heading(s, &sl));
	assert_false(session_slot_needed(s, &p, screen(form, "Subject"), &sl));
	free(sl.path);
	problems_free(&p);
	session_free(s);
	form_free(form);
}

/* Save card: null is shown and sent as null, no answer as nothing. */
static void
test_null(void **state)
{
	struct form *form = tu_load_form("ds_org_individual");
	struct session *s = session_new(form, tu_now());
	cJSON *body, *v;
	char *text;

	(void)state;
	free(set(s, "payment_method", "card"));
	text = text_at(s, "credit_card.save_credit_card");
	assert_string_equal(text, "");
	free(text);
	body = session_body(s);
	assert_null(tu_get(body, "credit_card.save_credit_card"));
	cJSON_Delete(body);
	free(set(s, "credit_card.save_credit_card", "null"));
	text = text_at(s, "credit_card.save_credit_card");
	assert_string_equal(text, "null");
	free(text);
	body = session_body(s);
	v = tu_get(body, "credit_card.save_credit_card");
	assert_true(v != NULL && cJSON_IsNull(v));
	cJSON_Delete(body);
	session_free(s);
	form_free(form);
}

/* Why a field is asked, in words with labels and screens. */
static void
test_why(void **state)
{
	static const struct {
		const char	*product;
		struct step	 steps[4];
		const char	*path, *want;
	} t[] = {
		{ "ds_org_individual", { { "payment_method", "card" } },
		  "credit_card.number", "Card number is required because "
		  "Payment method is card (screen Payment). It is asked "
		  "because Payment method is card (screen Payment)." },
		{ "ds_org_individual", { { "payment_method", "card" } },
		  "billing_address.state", "State or province is optional now; "
		  "it becomes required when Country is US or CA (screen Card "
		  "and billing). It is asked because Payment method is card "
		  "(screen Payment)." },
		{ "ds_org_individual", { { NULL } },
		  "certificate.server_platform.id", "Server platform ID is "
		  "optional now: Server platform is not being sent. Server "
		  "platform ID becomes required once Server platform is sent, "
		  "when any of its fields is filled in. Its default is -1 "
		  "(filled in)." },
		{ "ds_org_individual", { { NULL } }, "subject.email",
		  "Email is required in every Document Signing for Business "
		  "\xe2\x80\x93 Employee order." },
		{ "ds_org_individual", { { NULL } }, "certificate.ca_cert_id",
		  "Issuing CA is optional: it is sent only when given." },
		{ "document_signing_org_1", { { "organization_contact.email",
		  "a@example.com" } }, "organization_contact.first_name",
		  "First name is required because Order organization contact "
		  "is being sent (one of its fields is filled in); with all of "
		  "them empty, Order organization contact is left out." },
	};
	struct form *form;
	struct session *s;
	struct slot sl;
	char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = start(&form, t[i].product, t[i].steps);
		if (!find_slot(s, t[i].path, &sl))
			fail_msg("case %zu: no slot %s", i, t[i].path);
		why = session_why(s, &sl);
		if (strcmp(why, t[i].want) != 0)
			fail_msg("case %zu: got \"%s\"", i, why);
		free(why);
		free(sl.path);
		session_free(s);
		form_free(form);
	}
}

/* Problems come by label and screen, errors first; screens are numbered
 * once; date help lies ahead of today. */
static void
test_words(void **state)
{
	struct form *form = tu_load_form("ds_org_individual");
	struct session *s = session_new(form, tu_now());
	struct session_problem *v;
	struct slot sl;
	size_t n, i;
	char *text;
	int seen = 0;

	(void)state;
	free(set(s, "subject.email", "zoe"));
	n = session_problems(s, &v);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].path, "subject.email") != 0)
			continue;
		assert_string_equal(v[i].label, "Email");
		assert_string_equal(form->screens[v[i].screen].title,
		    "Subject");
		assert_non_null(strstr(v[i].text, "Email (screen Subject): "
		    "must be an email address"));
		seen = 1;
	}
	assert_true(seen);
	for (i = 1; i < n; i++)
		assert_true(v[i - 1].warning <= v[i].warning);
	session_problems_free(v, n);
	text = session_screen_heading(form, 3);
	assert_string_equal(text, "Screen 4 of 8: Shipping");
	free(text);
	assert_true(find_slot(s, "order_validity.custom_expiration_date", &sl));
	text = session_help(s, &sl);
	assert_non_null(strstr(text, "For example 20 DEC 2026."));
	free(text);
	free(sl.path);
	session_free(s);
	form_free(form);
}

/* What happens next is said from the order actually placed. */
static void
test_result_words(void **state)
{
	static const struct {
		const char	*body, *has, *lacks;
	} t[] = {
		{ "{\"organization\":{\"id\":1}}", "The order names no "
		  "contacts", "named in the order get an email" },
		{ "{\"organization\":{\"contacts\":[{\"contact_type\":"
		  "\"verified_contact\"}]}}", "The verified contacts named in "
		  "the order get an email", "names no contacts" },
		{ "{\"organization\":{\"contacts\":[{\"contact_type\":"
		  "\"technical_contact\"}]}}", "names contacts but no verified "
		  "contact", "get an email asking" },
		{ "{\"cs_provisioning_method\":\"ship_token\"}", "ships the "
		  "hardware token", "CSR sent" },
		{ "{\"certificate\":{\"csr\":\"x\"}}", "issued for the CSR "
		  "sent", "hardware token" },
		{ "{\"subject\":{\"email\":\"z@example.com\"}}",
		  "write to z@example.com", "ORDER_ID" },
	};
	struct form *form = tu_load_form("document_signing_org_1");
	struct api_result res = API_RESULT_INIT;
	cJSON *body;
	char *text;
	size_t i;

	(void)state;
	res.order_id = xstrdup("100000001");
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		body = cJSON_Parse(t[i].body);
		text = result_next_words(form, body, &res, "certwiz");
		if (strstr(text, t[i].has) == NULL ||
		    strstr(text, t[i].lacks) != NULL)
			fail_msg("case %zu: %s", i, text);
		free(text);
		cJSON_Delete(body);
	}
	api_result_free(&res);
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
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_required_now),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_null),
		cmocka_unit_test(test_why),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_result_words),
		cmocka_unit_test(test_next_needed),
		cmocka_unit_test(test_slot_needed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
