/* test_order.c: checking order bodies, building them from answers, loading
 * them back, for every product. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "testutil.h"
#include "util/xalloc.h"

static const char *const products[] = {
	"eu_individual_org", "pkio_qualified_organisation_services",
	"pkio_private_services_server", "document_signing_org_1",
	"document_signing_org_2", "ds_org_individual",
};

/* Fails with every problem listed when a body has any error. */
static void
expect_valid(const char *what, const struct form *form, const cJSON *body)
{
	struct problems p = { NULL, 0 };
	size_t i;

	order_check(form, body, tu_now(), &p);
	for (i = 0; i < p.n; i++)
		print_message("%s: %s: %s%s\n", what, p.v[i].path,
		    p.v[i].warning ? "warning: " : "", p.v[i].message);
	if (problems_errors(&p) != 0)
		fail_msg("%s: %zu errors", what, problems_errors(&p));
	problems_free(&p);
}

/* A valid order for each product validates with no error. */
static void
test_valid_orders(void **state)
{
	size_t i;
	char *name;
	struct form *form;
	cJSON *body;

	(void)state;
	for (i = 0; i < sizeof products / sizeof products[0]; i++) {
		form = tu_load_form(products[i]);
		name = xasprintf("orders/%s.json", products[i]);
		body = tu_data_json(name);
		expect_valid(name, form, body);
		cJSON_Delete(body);
		free(name);
		form_free(form);
	}
}

/* The three request examples of the PKIo server page, placeholders filled. */
static void
test_pkio_examples(void **state)
{
	struct form *form = tu_load_form("pkio_private_services_server");
	char name[64];
	cJSON *body;
	int i;

	(void)state;
	for (i = 1; i <= 3; i++) {
		snprintf(name, sizeof name, "orders/pkio_example_%d.json", i);
		body = tu_data_json(name);
		expect_valid(name, form, body);
		cJSON_Delete(body);
	}
	form_free(form);
}

/* One change to a valid order and the error it must cause (or not). */
struct mutation {
	const char	*product;
	const char	*path;		/* where to change the valid order */
	const char	*value;		/* new JSON value, or NULL to delete */
	const char	*at;		/* path of the expected error; NULL: valid */
	const char	*expect;	/* substring of its message */
};

#define EU "eu_individual_org"
#define QS "pkio_qualified_organisation_services"
#define PS "pkio_private_services_server"
#define D1 "document_signing_org_1"
#define D2 "document_signing_org_2"
#define DI "ds_org_individual"
#define CARD "{\"number\": \"4111111111111111\", \"expiration_month\": " \
	"\"12\", \"expiration_year\": \"2030\", \"cvv\": \"999\", " \
	"\"cardholder_name\": \"A B\", \"set_as_default\": \"1\"}"
#define BILL "{\"address\": \"1 Rue\", \"city\": \"Paris\", \"country\": " \
	"\"fr\"}"

static const struct mutation mutations[] = {
	/* required fields, at every level */
	{ EU, "certificate", NULL, "certificate", "is required" },
	{ EU, "certificate.signature_hash", NULL, "certificate.signature_hash",
	  "is required" },
	{ EU, "certificate.profile_option", NULL, "certificate.profile_option",
	  "is required" },
	{ EU, "certificate.individual.email", NULL,
	  "certificate.individual.email", "is required" },
	{ EU, "certificate.individual.state", NULL,
	  "certificate.individual.state", "is required" },
	{ EU, "certificate.individual.city", NULL, NULL, NULL },
	{ EU, "provisioning_method", NULL, "provisioning_method", "required" },
	{ EU, "organization.id", NULL, "organization",
	  "needs organization.id" },
	{ EU, "organization.contacts", "[]", "organization.contacts",
	  "is required" },
	{ EU, "payment_method", NULL, "payment_method", "is required" },
	{ EU, "ship_info.city", NULL, "ship_info.city", "is required" },
	{ EU, "ship_info", NULL, NULL, NULL },
	{ QS, "csa_agreed_to", NULL, "csa_agreed_to", "is required" },
	{ PS, "certificate.csr", NULL, "certificate.csr", "is required" },
	{ D1, "subject.job_title", NULL, "subject.job_title", "is required" },
	{ D1, "order_validity", NULL, "order_validity", "is required" },
	{ D2, "payment_method", NULL, NULL, NULL },
	{ DI, "subject.surname", NULL, "subject.surname", "is required" },
	{ DI, "certificate.usage_designation.primary_usage", NULL,
	  "certificate.usage_designation.primary_usage", "is required" },
	{ DI, "cs_provisioning_method", NULL, "cs_provisioning_method",
	  "is required" },
	/* enumerations */
	{ EU, "certificate.signature_hash", "\"sha512\"",
	  "certificate.signature_hash", "must be one of sha256" },
	{ EU, "certificate.profile_option", "\"signing\"",
	  "certificate.profile_option", "nonrepudiation, authentication or "
	  "encryption" },
	{ EU, "provisioning_method", "\"usb\"", "provisioning_method",
	  "must be one of qscd or csr" },
	{ QS, "provisioning_method", "\"csr\"", "provisioning_method",
	  "must be one of qscd" },
	{ QS, "certificate.profile_option", "\"encryption\"",
	  "certificate.profile_option", "must be one of nonrepudiation" },
	{ QS, "ship_info.method", "\"OVERNIGHT\"", "ship_info.method",
	  "STANDARD or EXPEDITED" },
	{ PS, "dcv_method", "\"carrier-pigeon\"", "dcv_method",
	  "email, dns-txt-token, dns-cname-token or http-token" },
	{ PS, "certificate_dcv_scope", "\"wildcard\"", "certificate_dcv_scope",
	  "base_domain or fqdn" },
	{ PS, "use_qvtl_domain", "2", "use_qvtl_domain", "must be one of 1" },
	{ PS, "payment_method", "\"cash\"", "payment_method",
	  "balance, profile or card" },
	{ PS, "organization.contacts[0].contact_type", "\"boss\"",
	  "organization.contacts[0].contact_type", "organization_contact" },
	{ D1, "certificate.signature_hash", "\"md5\"",
	  "certificate.signature_hash", "sha256, sha384 or sha512" },
	{ D1, "cs_provisioning_method", "\"pigeon\"", "cs_provisioning_method",
	  "email, ship_token or client_app" },
	{ D2, "order_validity.years", "4", "order_validity.years",
	  "1, 2 or 3" },
	{ DI, "certificate.key_size", "\"p-256\"", "certificate.key_size",
	  "2048, 3072 or 4096" },
	{ DI, "certificate.key_size", "\"3072\"", "certificate.key_size",
	  "must be sent as a JSON number" },
	{ DI, "certificate.csr_key_type", "\"ecc\"", "certificate.key_size",
	  "p-256 or p-384" },
	{ DI, "certificate.usage_designation.additional_usages",
	  "[\"code_signing\"]", "certificate.usage_designation."
	  "additional_usages[0]", "must be one of" },
	{ DI, "certificate.signature_hash", "\"sha1\"",
	  "certificate.signature_hash", "sha256, sha384 or sha512" },
	{ QS, "credit_card.set_as_default", "\"yes\"",
	  "credit_card.set_as_default", "1 or 0" },
	/* conditions */
	{ EU, "provisioning_method", "\"csr\"", "certificate.csr",
	  "required because Key provisioning is csr" },
	{ DI, "cs_provisioning_method", "\"ship_token\"", "ship_info",
	  "required because Provisioning method is ship_token" },
	{ DI, "certificate.csr", NULL, "certificate.csr",
	  "required because Provisioning method is email" },
	{ D1, "ship_info", NULL, "ship_info", "required because "
	  "Provisioning method is ship_token" },
	{ PS, "certificate.common_name", NULL, "certificate.common_name",
	  "required because Use a qvtl.nl name is not 1" },
	{ PS, "use_qvtl_domain", "1", NULL, NULL },
	{ QS, "credit_card", NULL, "credit_card",
	  "required because Payment method is card" },
	{ QS, "billing_address", NULL, "billing_address",
	  "required because Payment method is card" },
	{ EU, "payment_method", "\"card\"", "credit_card", "is required" },
	{ QS, "billing_address.state", NULL, "billing_address.state",
	  "required because Country is US or CA" },
	{ QS, "billing_address", BILL, NULL, NULL },
	{ D1, "billing_address.zip", NULL, "billing_address.zip",
	  "required because" },
	{ DI, "order_validity.days", NULL, "order_validity.years",
	  "is required because" },
	{ PS, "organization.contacts[0].user_id", NULL, NULL, NULL },
	{ PS, "organization.contacts[0].first_name", NULL, NULL, NULL },
	{ EU, "organization.contacts[0].first_name", NULL,
	  "organization.contacts[0].first_name", "required because "
	  "User ID is not given" },
	/* formats and limits */
	{ EU, "certificate.individual.email", "\"zoe@\"",
	  "certificate.individual.email", "must be an email address" },
	{ EU, "certificate.individual.telephone", "\"12345\"",
	  "certificate.individual.telephone", "must be a phone number" },
	{ EU, "certificate.individual.country", "\"nld\"",
	  "certificate.individual.country", "two-letter country code" },
	{ EU, "certificate.individual.country", "\"NL\"", NULL, NULL },
	{ EU, "order_validity", "{\"custom_expiration_date\": \"09 JUN 2027\"}",
	  NULL, NULL },
	{ EU, "order_validity", "{\"custom_expiration_date\": \"9 June 2027\"}",
	  "order_validity.custom_expiration_date", "dd MMM YYYY" },
	{ EU, "order_validity", "{\"custom_expiration_date\": \"23 DEC 2027\"}",
	  "order_validity.custom_expiration_date", "within 397 days" },
	{ EU, "order_validity", "{\"custom_expiration_date\": \"19 NOV 2026\"}",
	  "order_validity.custom_expiration_date", "after today" },
	{ DI, "order_validity", "{\"custom_expiration_date\": \"01 NOV 2029\"}",
	  NULL, NULL },
	{ DI, "order_validity.days", "1096", "order_validity.days",
	  "between 1 and 1095" },
	{ PS, "order_validity", "{\"days\": 398}", "order_validity.days",
	  "between 1 and 397" },
	/* out of long long's range: no undefined conversion (UBSan) */
	{ PS, "order_validity", "{\"days\": 1e300}", "order_validity.days",
	  "between 1 and 397" },
	{ PS, "certificate.csr", "\"-----BEGIN CERTIFICATE REQUEST-----aGVsbG8="
	  "-----END CERTIFICATE REQUEST-----\"", "certificate.csr",
	  "not a DER-encoded request" },
	{ PS, "certificate.csr", "\"hello\"", "certificate.csr",
	  "must start with -----BEGIN CERTIFICATE REQUEST-----" },
	{ PS, "certificate.common_name", "\"not a host\"",
	  "certificate.common_name", "letters, digits, hyphens and dots" },
	{ PS, "certificate.dns_names[1]", "\"-bad.example.com\"",
	  "certificate.dns_names[1]", "starts or ends with a hyphen" },
	{ PS, "certificate.oin", "\"1234\"", "certificate.oin",
	  "exactly 20 digits" },
	{ PS, "certificate.oin", "12345678901234567890", "certificate.oin",
	  "must be a JSON string" },
	{ PS, "organization.id", "\"12ab\"", "organization.id",
	  "must be a numeric ID" },
	{ PS, "organization.id", "2042709", NULL, NULL },
	{ PS, "container.id", "-5", "container.id", "numeric ID" },
	{ PS, "certificate.server_platform.id", "-1", NULL, NULL },
	{ PS, "certificate.server_platform.id", "\"-2\"",
	  "certificate.server_platform.id", "numeric ID" },
	{ PS, "certificate.server_platform.id", "-0.5",
	  "certificate.server_platform.id", "numeric ID" },
	{ PS, "certificate.server_platform.id", "\" -1\"",
	  "certificate.server_platform.id", "numeric ID" },
	{ PS, "organization.contacts[0].email", "\"john\"",
	  "organization.contacts[0].email", "email address" },
	{ PS, "csa_agreed_to", "\"yes\"", "csa_agreed_to", "true or false" },
	{ QS, "credit_card.number", "\"4111111111111112\"",
	  "credit_card.number", "not a valid card number" },
	{ QS, "credit_card.number", "\"41111111111\"", "credit_card.number",
	  "12 to 19 digits" },
	{ QS, "credit_card.cvv", "\"12\"", "credit_card.cvv", "3 or 4 digits" },
	{ QS, "credit_card.expiration_month", "\"13\"",
	  "credit_card.expiration_month", "01 to 12" },
	{ QS, "credit_card.expiration_year", "\"2025\"",
	  "credit_card.expiration_year", "must not be before 2026" },
	{ QS, "credit_card", "{\"number\": \"4111111111111111\", "
	  "\"expiration_month\": \"10\", \"expiration_year\": \"2026\", "
	  "\"cvv\": \"123\", \"cardholder_name\": \"A\", \"set_as_default\": "
	  "\"0\"}", "credit_card.expiration_year", "has expired" },
	{ QS, "credit_card.expiration_month", "9",
	  "credit_card.expiration_month", "must be a JSON string" },
	{ D1, "credit_card.expiration_month", "\"09\"",
	  "credit_card.expiration_month", "must be a JSON integer" },
	{ D1, "credit_card.cvv", "12345", "credit_card.cvv", "3 or 4 digits" },
	{ D1, "subject.email", "\"x@y\"", "subject.email", "email address" },
	{ DI, "additional_emails", "[\"ok@example.com\", \"nope\"]",
	  "additional_emails[1]", "must be an email address" },
	{ D1, "alternative_order_id", "\"abc-123\"", "alternative_order_id",
	  "letters and digits" },
	{ D1, "alternative_order_id", "\"abc123\"", NULL, NULL },
	{ EU, "renewed_thumbprint", "\"abcd\"", "renewed_thumbprint",
	  "SHA-1 thumbprint" },
	{ EU, "organization.contacts", "[{\"user_id\": 1, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 2, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 3, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 4, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 5, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 6, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 7, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 8, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 9, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 10, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 11, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 12, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 13, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 14, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 15, \"contact_type\": "
	  "\"verified_contact\"}, {\"user_id\": 16, \"contact_type\": "
	  "\"verified_contact\"}]", "organization.contacts",
	  "has 16 items with contact_type verified_contact; at most 15" },
	/* JSON types */
	{ EU, "certificate", "\"x\"", "certificate", "must be an object" },
	{ EU, "certificate", "[]", "certificate", "must be an object" },
	{ EU, "organization.contacts", "{}", "organization.contacts",
	  "must be an array" },
	{ EU, "organization.contacts[0]", "\"x\"", "organization.contacts[0]",
	  "must be an object" },
	{ EU, "order_validity.years", "\"1\"", "order_validity.years",
	  "must be sent as a JSON number" },
	{ DI, "certificate.usage_designation.additional_usages",
	  "\"document_signing\"", "certificate.usage_designation."
	  "additional_usages", "must be an array" },
};

/* Finds an error at path whose message holds expect. */
static int
has_error(const struct problems *p, const char *path, const char *expect)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (!p->v[i].warning && strcmp(p->v[i].path, path) == 0 &&
		    strstr(p->v[i].message, expect) != NULL)
			return 1;
	}
	return 0;
}

/* Applies one mutation to a product's valid order and checks the result. */
static void
run_mutation(const struct mutation *m)
{
	struct form *form = tu_load_form(m->product);
	char *name = xasprintf("orders/%s.json", m->product);
	cJSON *body = tu_data_json(name);
	struct problems p = { NULL, 0 };
	size_t i;

	tu_set(body, m->path, m->value);
	order_check(form, body, tu_now(), &p);
	if (m->at == NULL ? problems_errors(&p) != 0 :
	    !has_error(&p, m->at, m->expect)) {
		for (i = 0; i < p.n; i++)
			print_message("  got %s: %s\n", p.v[i].path,
			    p.v[i].message);
		fail_msg("%s: %s = %s: expected %s: %s", m->product, m->path,
		    m->value != NULL ? m->value : "(deleted)",
		    m->at != NULL ? m->at : "valid", m->expect ? m->expect : "");
	}
	problems_free(&p);
	cJSON_Delete(body);
	free(name);
	form_free(form);
}

/* A missing required value is flagged as such (the sandbox's
 * required_param), whatever language its message is in; others are not. */
static void
test_missing_flag(void **state)
{
	const struct mutation *m;
	struct problems p = { NULL, 0 };
	struct form *form;
	cJSON *body;
	char *name;
	size_t i, k, hits = 0;

	(void)state;
	for (i = 0; i < sizeof mutations / sizeof mutations[0]; i++) {
		m = &mutations[i];
		if (m->at == NULL || m->expect == NULL)
			continue;
		form = tu_load_form(m->product);
		name = xasprintf("orders/%s.json", m->product);
		body = tu_data_json(name);
		tu_set(body, m->path, m->value);
		order_check(form, body, tu_now(), &p);
		for (k = 0; k < p.n; k++) {
			if (p.v[k].warning || strcmp(p.v[k].path, m->at) != 0 ||
			    strstr(p.v[k].message, m->expect) == NULL)
				continue;
			hits++;
			if (p.v[k].missing != (strncmp(p.v[k].message,
			    "is required", 11) == 0))
				fail_msg("%s: %s: missing is %d", m->product,
				    m->path, p.v[k].missing);
		}
		problems_free(&p);
		cJSON_Delete(body);
		free(name);
		form_free(form);
	}
	assert_true(hits > 10);
}

/* Every rule of the pages is enforced with a message naming the field. */
static void
test_mutations(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof mutations / sizeof mutations[0]; i++)
		run_mutation(&mutations[i]);
}

/* A defect of issue 12 (or a reading of api-notes): up to two changes to
 * a valid order and the error they must cause (at NULL: valid), or with
 * warn set the warning. */
struct defect {
	const char	*product;
	const char	*path, *value;		/* first change */
	const char	*path2, *value2;	/* second change, or NULL */
	const char	*at;
	const char	*expect;
	int		 warn;
};

#define CONTACT "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", " \
	"\"email\": \"ann@example.com\", \"telephone\": \"+1 801 555 0100\"}"
#define NEWORG "{\"name\": \"New Org Inc.\", \"address\": \"1 Main St\", " \
	"\"city\": \"Lehi\", \"state\": \"UT\", \"zip\": \"84043\", " \
	"\"country\": \"us\", \"telephone\": \"+1 801 555 0100\", " \
	"\"organization_contact\": " CONTACT ", \"contacts\": [{\"user_id\": " \
	"7, \"contact_type\": \"verified_contact\"}]}"
#define NEWORG_CA "{\"name\": \"Neu\", \"address\": \"1 Rue\", " \
	"\"city\": \"Laval\", \"zip\": \"H7A\", \"country\": \"Ca\", " \
	"\"telephone\": \"+1 514 555 0100\", \"organization_contact\": " \
	CONTACT ", \"contacts\": [{\"user_id\": 7, \"contact_type\": " \
	"\"verified_contact\"}]}"
#define US_BILL "{\"address\": \"1 Main\", \"city\": \"Boston\", " \
	"\"zip\": \"02110\", \"country\": \"Us\"}"

static const struct defect defects[] = {
	/* reading 12: country conditions ignore case */
	{ QS, "billing_address", US_BILL, NULL, NULL, "billing_address.state",
	  "required because Country is US or CA", 0 },
	{ EU, "organization", NEWORG_CA, NULL, NULL, "organization.state",
	  "required because Country is us or ca", 0 },
	/* reading 14: blank required strings are missing */
	{ EU, "certificate.individual.email", "\"   \"", NULL, NULL,
	  "certificate.individual.email", "is required", 0 },
	{ D1, "subject.name", "\" \\t \"", NULL, NULL, "subject.name",
	  "is required", 0 },
	{ EU, "organization.contacts[0].user_id", "\" \"",
	  "organization.contacts[0].first_name", NULL,
	  "organization.contacts[0].first_name", "required because", 0 },
	/* [] and null where they do not belong */
	{ EU, "ship_info", "[]", NULL, NULL, "ship_info", "must be an object",
	  0 },
	{ EU, "certificate.signature_hash", "null", NULL, NULL,
	  "certificate.signature_hash", "must not be null", 0 },
	{ EU, "certificate.individual.city", "null", NULL, NULL,
	  "certificate.individual.city", "must not be null", 0 },
	{ EU, "order_validity.years", "[]", NULL, NULL, "order_validity.years",
	  "not a list", 0 },
	{ PS, "use_qvtl_domain", "null", NULL, NULL, NULL, NULL, 0 },
	/* server platform IDs: 0 is none, -1 is "other" */
	{ PS, "certificate.server_platform.id", "0", NULL, NULL,
	  "certificate.server_platform.id", "numeric ID", 0 },
	{ PS, "certificate.server_platform.id", "\"0\"", NULL, NULL,
	  "certificate.server_platform.id", "numeric ID", 0 },
	{ PS, "certificate.server_platform.id", "\"-2\"", NULL, NULL,
	  "certificate.server_platform.id", "positive whole number, e.g. "
	  "123456, or -1", 0 },
	{ PS, "certificate.server_platform.id", "\"-1\"", NULL, NULL, NULL,
	  NULL, 0 },
	/* reading 14: card numbers with spaces or dashes */
	{ QS, "credit_card.number", "\"4111-1111-1111-1111\"", NULL, NULL,
	  "credit_card.number", "digits only", 1 },
	/* errors in lists of strings name the item */
	{ PS, "certificate.dns_names", "[\"a.example.com\", \"bad name\"]",
	  NULL, NULL, "certificate.dns_names[1]", "letters", 0 },
	/* reading 10: document signing CSR for email delivery */
	{ D1, "cs_provisioning_method", "\"email\"", "certificate.csr", NULL,
	  "certificate.csr", "required because Provisioning method is email",
	  0 },
	{ D2, "cs_provisioning_method", "\"client_app\"", "certificate.csr",
	  NULL, NULL, NULL, 0 },
	/* reading 11: PKIo server CSR unless it is added later */
	{ PS, "certificate.csr", NULL, NULL, NULL, "certificate.csr",
	  "required because Add CSR later is not given",
	  0 },
	{ PS, "certificate.csr", NULL, "disable_generate_in_browser_email",
	  "true", NULL, NULL, 0 },
	/* reading 13: ds_org_individual end date, three calendar years */
	{ DI, "order_validity", "{\"custom_expiration_date\": \"20 NOV 2029\"}",
	  NULL, NULL, NULL, NULL, 0 },
	{ DI, "order_validity", "{\"custom_expiration_date\": \"21 NOV 2029\"}",
	  NULL, NULL, "order_validity.custom_expiration_date",
	  "at most 3 calendar years after today (20 NOV 2029", 0 },
	{ EU, "order_validity", "{\"custom_expiration_date\": \"23 DEC 2027\"}",
	  NULL, NULL, "order_validity.custom_expiration_date",
	  "within 397 days", 0 },
	/* reading 15: new organizations */
	{ EU, "organization", NEWORG, NULL, NULL, NULL, NULL, 0 },
	{ PS, "organization", NEWORG, NULL, NULL, NULL, NULL, 0 },
	{ DI, "organization", NEWORG, "organization.skip_duplicate_org_check",
	  "true", NULL, NULL, 0 },
	{ D1, "organization", NEWORG, "organization.assumed_name", "\"NO\"",
	  NULL, NULL, 0 },
	{ QS, "organization", NEWORG, "organization.city", NULL,
	  "organization.city", "is required", 0 },
	{ QS, "organization", NEWORG, "organization.organization_contact."
	  "telephone", NULL, "organization.organization_contact.telephone",
	  "is required", 0 },
	{ EU, "organization", NEWORG, "organization.country", "\"usa\"",
	  "organization.country", "two-letter", 0 },
	{ EU, "organization", NEWORG, "organization.organization_contact", NULL,
	  "organization.organization_contact", "is required", 0 },
	{ EU, "organization", NEWORG, "organization.id", "5", "organization",
	  "holds organization.id (existing organization) and "
	  "organization.name (new organization): give one, not both", 0 },
	{ EU, "organization.id", NULL, NULL, NULL, "organization",
	  "needs organization.id (existing organization) or "
	  "organization.name (new organization)", 0 },
	{ EU, "organization.id", "\"  \"", NULL, NULL, "organization",
	  "needs organization.id", 0 },
	{ EU, "organization.skip_duplicate_org_check", "true", NULL, NULL,
	  "organization.skip_duplicate_org_check", "is ignored", 1 },
	{ EU, "organization_choice", "\"new\"", NULL, NULL,
	  "organization_choice", "unknown field", 1 },
	/* root-level order contacts where a page lists them */
	{ PS, "technical_contact", CONTACT, "organization_contact", CONTACT,
	  NULL, NULL, 0 },
	{ PS, "technical_contact", CONTACT, "technical_contact.email", NULL,
	  "technical_contact.email", "is required", 0 },
	{ D2, "organization_contact", CONTACT, NULL, NULL, NULL, NULL, 0 },
	{ EU, "technical_contact", CONTACT, NULL, NULL, "technical_contact",
	  "unknown field", 1 },
};

/* Finds a problem (error, or warning when warn is set) at path whose
 * message holds expect. */
static int
has_problem(const struct problems *p, const char *path, const char *expect,
    int warn)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].warning == warn &&
		    strcmp(p->v[i].path, path) == 0 &&
		    strstr(p->v[i].message, expect) != NULL)
			return 1;
	}
	return 0;
}

/* Applies one defect's changes to a valid order and checks the result. */
static void
run_defect(const struct defect *d)
{
	struct form *form = tu_load_form(d->product);
	char *name = xasprintf("orders/%s.json", d->product);
	cJSON *body = tu_data_json(name);
	struct problems p = { NULL, 0 };
	int ok;
	size_t i;

	tu_set(body, d->path, d->value);
	if (d->path2 != NULL)
		tu_set(body, d->path2, d->value2);
	order_check(form, body, tu_now(), &p);
	ok = d->at == NULL ? problems_errors(&p) == 0 :
	    has_problem(&p, d->at, d->expect, d->warn) &&
	    (!d->warn || problems_errors(&p) == 0);
	if (!ok) {
		for (i = 0; i < p.n; i++)
			print_message("  got %s: %s\n", p.v[i].path,
			    p.v[i].message);
		fail_msg("%s: %s = %s: expected %s: %s", d->product, d->path,
		    d->value != NULL ? d->value : "(deleted)",
		    d->at != NULL ? d->at : "valid",
		    d->expect != NULL ? d->expect : "");
	}
	problems_free(&p);
	cJSON_Delete(body);
	free(name);
	form_free(form);
}

/* Every defect of issue 12 and every reading it names, row by row. */
static void
test_defects(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof defects / sizeof defects[0]; i++)
		run_defect(&defects[i]);
}

/* Writes one changed body as dir/PRODUCT/NAME.json, NAME made of what was
 * changed (letters, digits, '.', '_' and '-'; the same name again gets a
 * number). */
static void
dump_body(const char *dir, const char *product, const char *path,
    const char *value, const cJSON *body)
{
	char raw[128], name[96], *file, *text;
	size_t n = 0, i;
	int k;
	FILE *fp;

	snprintf(raw, sizeof raw, "%s %s", path, value != NULL ? value :
	    "deleted");
	for (i = 0; raw[i] != '\0' && n < 60; i++) {
		if (isalnum((unsigned char)raw[i]) || raw[i] == '.' ||
		    raw[i] == '-')
			name[n++] = raw[i];
		else if (n > 0 && name[n - 1] != '_')
			name[n++] = '_';
	}
	while (n > 0 && name[n - 1] == '_')
		n--;
	name[n] = '\0';
	for (k = 1;; k++) {
		file = k == 1 ? xasprintf("%s/%s/%s.json", dir, product, name) :
		    xasprintf("%s/%s/%s~%d.json", dir, product, name, k);
		if ((fp = fopen(file, "r")) == NULL)
			break;
		fclose(fp);
		free(file);
	}
	if ((fp = fopen(file, "w")) != NULL) {
		text = cJSON_Print(body);
		fprintf(fp, "%s\n", text);
		free(text);
		fclose(fp);
	}
	free(file);
}

/* Writes every body of the mutation and defect tables under dir, one
 * folder per product (made beforehand). */
static int
dump_bodies(const char *dir)
{
	const struct mutation *m;
	const struct defect *d;
	char *name;
	cJSON *body;
	size_t i;

	for (i = 0; i < sizeof mutations / sizeof mutations[0]; i++) {
		m = &mutations[i];
		name = xasprintf("orders/%s.json", m->product);
		body = tu_data_json(name);
		tu_set(body, m->path, m->value);
		dump_body(dir, m->product, m->path, m->value, body);
		cJSON_Delete(body);
		free(name);
	}
	for (i = 0; i < sizeof defects / sizeof defects[0]; i++) {
		d = &defects[i];
		name = xasprintf("orders/%s.json", d->product);
		body = tu_data_json(name);
		tu_set(body, d->path, d->value);
		if (d->path2 != NULL)
			tu_set(body, d->path2, d->value2);
		dump_body(dir, d->product, d->path2 != NULL ? d->path2 :
		    d->path, d->path2 != NULL ? d->value2 : d->value, body);
		cJSON_Delete(body);
		free(name);
	}
	return 0;
}

/* Answers as a person types them, and what the body must hold at a path. */
struct build_case {
	const char	*product;
	const char	*answers;	/* JSON text */
	const char	*path;		/* concrete path in the built body */
	const char	*expect;	/* JSON text, or NULL: left out */
};

#define ORG "\"organization\": {\"id\": \"2042709\", \"contacts\": [{" \
	"\"user_id\": \"7\", \"contact_type\": \"verified_contact\"}]}"
#define EU_BASE "\"certificate\": {\"signature_hash\": \"sha256\", " \
	"\"profile_option\": \"nonrepudiation\", \"individual\": {" \
	"\"first_name\": \"Zoë\", \"last_name\": \"Müller\", \"email\": " \
	"\"z@example.nl\", \"telephone\": \"+31 20 555 0100\", \"country\": " \
	"\"nl\", \"state\": \"NH\", \"city\": \"\"}, \"csr\": \"%CSR%\"}, " \
	ORG ", \"ship_info\": {\"name\": \"Z\", \"addr1\": \"a\", \"addr2\": " \
	"\"b\", \"city\": \"c\", \"state\": \"d\", \"zip\": \"e\", " \
	"\"country\": \"nl\", \"method\": \"STANDARD\"}, \"payment_method\": " \
	"\"balance\", \"credit_card\": {\"number\": \"4111111111111111\"}, " \
	"\"order_validity\": {\"years\": \"1\"}, \"comments\": \"\""
#define D1_BASE "\"certificate\": {\"signature_hash\": \"sha256\", " \
	"\"csr\": \"%CSR%\"}, \"order_validity\": {\"years\": \"2\"}, " \
	"\"organization\": {\"id\": \"5\"}, \"subject\": {\"name\": \"Z\", " \
	"\"job_title\": \"D\", \"phone\": \"+1 801 555 0100\", \"email\": " \
	"\"z@example.com\"}, \"ship_info\": {\"name\": \"Z\", \"addr1\": " \
	"\"a\", \"city\": \"c\", \"state\": \"d\", \"zip\": \"e\", " \
	"\"country\": \"us\", \"method\": \"EXPEDITED\"}, \"credit_card\": {" \
	"\"number\": \"4111 1111 1111 1111\", \"expiration_month\": \"09\", " \
	"\"expiration_year\": \"2030\", \"cvv\": \"123\", " \
	"\"cardholder_name\": \"Z M\"}, \"billing_address\": {\"address\": " \
	"\"1 Main\", \"city\": \"Lehi\", \"state\": \"UT\", \"zip\": " \
	"\"84043\", \"country\": \"us\"}, \"container\": {\"id\": \"\"}"

#define NEW_ORG_ANSWERS "\"organization\": {\"id\": \"2042709\", \"name\": " \
	"\" Neu B.V. \", \"skip_duplicate_org_check\": \"yes\"}"

static const struct build_case build_cases[] = {
	/* reading 14: a card number goes out as digits only */
	{ D1, "{" D1_BASE ", \"payment_method\": \"card\"}",
	  "credit_card.number", "\"4111111111111111\"" },
	/* reading 15: the choice is never sent; it decides id or details */
	{ EU, "{\"organization_choice\": \"existing\", " NEW_ORG_ANSWERS "}",
	  "organization_choice", NULL },
	{ EU, "{\"organization_choice\": \"existing\", " NEW_ORG_ANSWERS "}",
	  "organization.name", NULL },
	{ EU, "{\"organization_choice\": \"new\", " NEW_ORG_ANSWERS "}",
	  "organization.id", NULL },
	{ EU, "{\"organization_choice\": \"new\", " NEW_ORG_ANSWERS "}",
	  "organization.name", "\"Neu B.V.\"" },
	{ EU, "{\"organization_choice\": \"new\", " NEW_ORG_ANSWERS "}",
	  "organization.skip_duplicate_org_check", "true" },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"csr\"}", "ship_info",
	  NULL },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"csr\"}",
	  "certificate.csr", "\"%CSRLINE%\"" },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "certificate.csr", NULL },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "ship_info.method", "\"STANDARD\"" },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "credit_card", NULL },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "organization.id", "2042709" },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "organization.contacts[0].user_id", "7" },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "order_validity.years", "1" },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "comments", NULL },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "certificate.individual.city", NULL },
	{ EU, "{" EU_BASE ", \"provisioning_method\": \"qscd\"}",
	  "certificate.individual.first_name", "\"Zoë\"" },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"ship_token\", "
	  "\"payment_method\": \"card\"}", "ship_info.country", "\"us\"" },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"email\", "
	  "\"payment_method\": \"card\"}", "ship_info", NULL },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"email\", "
	  "\"payment_method\": \"card\"}", "credit_card.expiration_month",
	  "9" },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"email\", "
	  "\"payment_method\": \"card\"}", "credit_card.cvv", "123" },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"email\", "
	  "\"payment_method\": \"card\"}", "billing_address.zip", "\"84043\"" },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"email\", "
	  "\"payment_method\": \"balance\"}", "billing_address", NULL },
	{ D1, "{" D1_BASE ", \"cs_provisioning_method\": \"email\", "
	  "\"payment_method\": \"balance\"}", "container", NULL },
	{ DI, "{\"certificate\": {\"csr_key_type\": \"ecc\", \"key_size\": "
	  "\"p-256\"}}", "certificate.key_size", "\"p-256\"" },
	{ DI, "{\"certificate\": {\"csr_key_type\": \"rsa\", \"key_size\": "
	  "\"4096\"}}", "certificate.key_size", "4096" },
	{ DI, "{\"csa_agreed_to\": \"yes\"}", "csa_agreed_to", "true" },
	{ DI, "{\"additional_emails\": [\"a@example.com\", \"\", "
	  "\"b@example.com\"]}", "additional_emails",
	  "[\"a@example.com\", \"b@example.com\"]" },
	{ DI, "{\"certificate\": {\"usage_designation\": {\"primary_usage\": "
	  "\"signing\", \"additional_usages\": [\"ms_document_signing\"]}}}",
	  "certificate.usage_designation.additional_usages",
	  "[\"ms_document_signing\"]" },
	{ PS, "{\"use_qvtl_domain\": \"1\"}", "use_qvtl_domain", "1" },
	{ PS, "{\"use_qvtl_domain\": \"\"}", "use_qvtl_domain", NULL },
	{ PS, "{\"certificate\": {\"oin\": \"12345678901234567890\"}}",
	  "certificate.oin", "\"12345678901234567890\"" },
	{ PS, "{\"certificate\": {\"server_platform\": {\"id\": \"-1\"}}}",
	  "certificate.server_platform.id", "-1" },
	{ PS, "{\"certificate\": {\"server_platform\": {\"id\": \"\"}}}",
	  "certificate.server_platform", NULL },
	{ QS, "{\"payment_method\": \"card\", \"credit_card\": {"
	  "\"expiration_month\": 9, \"save_credit_card\": \"true\"}}",
	  "credit_card.expiration_month", "\"09\"" },
	{ QS, "{\"payment_method\": \"card\", \"credit_card\": {"
	  "\"save_credit_card\": \"true\"}}", "credit_card.save_credit_card",
	  "true" },
	{ QS, "{\"organization\": {\"id\": \"abc\"}}", "organization.id",
	  "\"abc\"" },
};

/* Replaces %CSR% (multi-line, JSON-escaped) and %CSRLINE% in text. */
static char *
fill_csr(const char *text)
{
	static const char csr_line[] = "-----BEGIN CERTIFICATE REQUEST-----";
	char *path = tu_data_path("csr-rsa.pem"), *pem, *esc, *line, *out;
	cJSON *s;
	FILE *fp = fopen(path, "r");
	char buf[8192];
	size_t n, i, j;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	free(path);
	s = cJSON_CreateString(buf);
	pem = cJSON_PrintUnformatted(s);
	cJSON_Delete(s);
	esc = xstrndup(pem + 1, strlen(pem) - 2);
	line = xstrdup(buf);
	for (i = j = 0; line[i] != '\0'; i++) {
		if (line[i] != '\n' && line[i] != '\r')
			line[j++] = line[i];
	}
	line[j] = '\0';
	assert_true(strncmp(line, csr_line, sizeof csr_line - 1) == 0);
	out = xstrdup(text);
	for (;;) {
		char *at = strstr(out, "%CSR%"), *next;
		const char *with = esc;
		size_t skip = 5;

		if (at == NULL && (at = strstr(out, "%CSRLINE%")) != NULL) {
			with = line;
			skip = 9;
		}
		if (at == NULL)
			break;
		next = xasprintf("%.*s%s%s", (int)(at - out), out, with,
		    at + skip);
		free(out);
		out = next;
	}
	free(pem);
	free(esc);
	free(line);
	return out;
}

/* Builds bodies from typed answers and checks what each holds. */
static void
test_build(void **state)
{
	size_t i;
	struct form *form;
	char *text;
	cJSON *answers, *body, *want, *got;

	(void)state;
	for (i = 0; i < sizeof build_cases / sizeof build_cases[0]; i++) {
		const struct build_case *c = &build_cases[i];

		form = tu_load_form(c->product);
		text = fill_csr(c->answers);
		answers = cJSON_Parse(text);
		if (answers == NULL)
			fail_msg("case %zu: answers are not JSON", i);
		free(text);
		body = order_build(form, answers);
		got = tu_get(body, c->path);
		text = c->expect != NULL ? fill_csr(c->expect) : NULL;
		want = text != NULL ? cJSON_Parse(text) : NULL;
		if ((want == NULL) != (got == NULL) || (want != NULL &&
		    !cJSON_Compare(want, got, 1))) {
			char *g = got != NULL ? cJSON_PrintUnformatted(got) :
			    NULL;

			fail_msg("case %zu (%s): %s: expected %s, got %s", i,
			    c->product, c->path, text ? text : "(left out)",
			    g ? g : "(left out)");
		}
		free(text);
		cJSON_Delete(want);
		cJSON_Delete(body);
		cJSON_Delete(answers);
		form_free(form);
	}
}

/* Bodies built from complete answers validate clean, and building again
 * from the loaded body gives the same body. */
static void
test_build_round_trip(void **state)
{
	size_t i;
	struct form *form;
	struct problems p = { NULL, 0 };
	char *name;
	cJSON *body, *answers, *built, *again;

	(void)state;
	for (i = 0; i < sizeof products / sizeof products[0]; i++) {
		form = tu_load_form(products[i]);
		name = xasprintf("orders/%s.json", products[i]);
		body = tu_data_json(name);
		answers = order_load(form, body, &p);
		assert_int_equal(p.n, 0);
		built = order_build(form, answers);
		expect_valid(name, form, built);
		cJSON_Delete(answers);
		answers = order_load(form, built, &p);
		again = order_build(form, answers);
		assert_true(cJSON_Compare(built, again, 1));
		cJSON_Delete(again);
		cJSON_Delete(answers);
		cJSON_Delete(built);
		cJSON_Delete(body);
		free(name);
		form_free(form);
	}
}

/* 1 when p holds a warning at path. */
static int
has_warning(const struct problems *p, const char *path)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].warning && strcmp(p->v[i].path, path) == 0)
			return 1;
	}
	return 0;
}

/* Loading a customer's body drops and reports the fields no form knows. */
static void
test_load_unknown(void **state)
{
	struct form *form = tu_load_form("pkio_private_services_server");
	cJSON *body = tu_data_json("orders/pkio_private_services_server.json");
	struct problems p = { NULL, 0 };
	cJSON *answers;

	(void)state;
	tu_set(body, "colour", "\"blue\"");
	tu_set(body, "certificate.shape", "1");
	tu_set(body, "organization.contacts[0].nickname", "\"Jo\"");
	answers = order_load(form, body, &p);
	assert_int_equal(p.n, 3);
	assert_int_equal(problems_errors(&p), 0);
	assert_true(has_warning(&p, "colour"));
	assert_true(has_warning(&p, "certificate.shape"));
	assert_true(has_warning(&p, "organization.contacts[0].nickname"));
	assert_null(tu_get(answers, "colour"));
	assert_null(tu_get(answers, "organization.contacts[0].nickname"));
	assert_non_null(tu_get(answers, "organization.contacts[0].email"));
	problems_free(&p);
	order_check(form, body, tu_now(), &p);
	assert_int_equal(problems_errors(&p), 0);
	assert_int_equal(p.n, 3);
	assert_non_null(strstr(p.v[0].message, "unknown field"));
	problems_free(&p);
	cJSON_Delete(answers);
	cJSON_Delete(body);
	form_free(form);
}

/* Odd bodies: not an object, repeated keys, a field sent when it does not
 * apply. */
static void
test_odd_bodies(void **state)
{
	struct form *form = tu_load_form("ds_org_individual");
	struct problems p = { NULL, 0 };
	cJSON *body = cJSON_Parse("[1, 2]");

	(void)state;
	order_check(form, body, tu_now(), &p);
	assert_int_equal(problems_errors(&p), 1);
	assert_string_equal(p.v[0].path, "");
	problems_free(&p);
	cJSON_Delete(body);
	body = tu_data_json("orders/ds_org_individual.json");
	cJSON_AddStringToObject(body, "promo_code", "A");
	cJSON_AddStringToObject(body, "promo_code", "B");
	tu_set(body, "ship_info", "{\"name\": \"x\"}");
	order_check(form, body, tu_now(), &p);
	assert_true(has_error(&p, "promo_code", "appears more than once"));
	assert_int_equal(problems_errors(&p), 1);
	assert_string_equal(p.v[p.n - 1].path, "ship_info");
	assert_true(p.v[p.n - 1].warning);
	assert_non_null(strstr(p.v[p.n - 1].message, "applies only when "
	    "Provisioning method is ship_token"));
	problems_free(&p);
	cJSON_Delete(body);
	form_free(form);
}

/* Runs the order tests. */
int
main(void)
{
	const char *dump = getenv("TEST_ORDER_DUMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_orders),
		cmocka_unit_test(test_pkio_examples),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_missing_flag),
		cmocka_unit_test(test_defects),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_build_round_trip),
		cmocka_unit_test(test_load_unknown),
		cmocka_unit_test(test_odd_bodies),
	};

	if (dump != NULL)	/* the body corpus of tests/schema.sh */
		return dump_bodies(dump);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
