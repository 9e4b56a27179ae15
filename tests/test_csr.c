/* test_csr.c: reading CSRs with libcrypto (tests/data/csr, made once with
 * openssl) and the rule that a CSR's key agrees with the key fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csr.h"
#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "testutil.h"
#include "util/xalloc.h"

/* One CSR fixture and what inspecting it must find. */
struct seen {
	const char	*file;		/* under tests/data/csr; "=" inline */
	const char	*text;		/* the CSR itself when file is "=" */
	const char	*words;		/* csr_info_words(), exactly */
	const char	*key_type;
	const char	*key_size;
	int		 sig_ok;
};

static const struct seen seen[] = {
	{ "rsa-2048.pem", NULL, "RSA 2048 bits, CN=rsa2048.example.com, "
	  "O=Example Corp, C=US, signature valid", "rsa", "2048", 1 },
	{ "rsa-3072.pem", NULL, "RSA 3072 bits, CN=rsa3072.example.com, "
	  "O=Example Corp, signature valid", "rsa", "3072", 1 },
	{ "rsa-4096.pem", NULL, "RSA 4096 bits, CN=rsa4096.example.com, "
	  "signature valid", "rsa", "4096", 1 },
	{ "ecc-p256.pem", NULL, "ECC P-256, CN=ecc256.example.nl, "
	  "O=Voorbeeld B.V., C=NL, signature valid", "ecc", "p-256", 1 },
	{ "ecc-p384.pem", NULL, "ECC P-384, CN=ecc384.example.com, "
	  "signature valid", "ecc", "p-384", 1 },
	{ "bad-signature.pem", NULL, "RSA 2048 bits, CN=rsa2049.example.com, "
	  "O=Example Corp, C=US, signature BROKEN", "rsa", "2048", 0 },
	{ "truncated.pem", NULL, "CSR body is not a DER-encoded request", "",
	  "", 0 },
	{ "ecc-p256-pubkey.pem", NULL, "ECC P-256, a public key (nothing "
	  "signed)", "ecc", "p-256", 0 },
	{ "=", "MAMCAQU=", "CSR is not a certificate request OpenSSL can "
	  "read", "", "", 0 },
	{ "=", "hello", "CSR must start with -----BEGIN CERTIFICATE "
	  "REQUEST----- (or be the base64 body of a CSR)", "", "", 0 },
	{ "=", "", "CSR is empty", "", "", 0 },
};

/* Reads tests/data/csr/name into an allocated string. */
static char *
read_csr(const char *name)
{
	char *rel = xasprintf("csr/%s", name), *path = tu_data_path(rel);
	char *buf = xcalloc(1, 8192);
	FILE *f = fopen(path, "r");

	if (f == NULL)
		fail_msg("cannot read %s", path);
	buf[fread(buf, 1, 8191, f)] = '\0';
	fclose(f);
	free(path);
	free(rel);
	return buf;
}

/* The base64 body of a PEM text, without header, footer or line breaks. */
static char *
bare(const char *pem)
{
	const char *b = strstr(pem, "-----\n") + 6, *e = strstr(b, "-----END");
	char *out = xcalloc(1, strlen(pem) + 1), *o = out;

	for (; b < e; b++) {
		if (*b != '\n')
			*o++ = *b;
	}
	return out;
}

/* Checks what inspecting text finds against a row. */
static void
expect_seen(const char *what, const char *text, const struct seen *row)
{
	struct csr_info info;
	char *cause = NULL, *words;

	if (csr_inspect(text, &info, &cause) != 0)
		fail_msg("%s: libcrypto did not load: %s", what, cause);
	words = csr_info_words(&info);
	if (strcmp(words, row->words) != 0 ||
	    strcmp(info.key_type, row->key_type) != 0 ||
	    strcmp(info.key_size, row->key_size) != 0 ||
	    info.sig_ok != row->sig_ok)
		fail_msg("%s: got \"%s\" (%s, %s, signature %d), want \"%s\" "
		    "(%s, %s, %d)", what, words, info.key_type, info.key_size,
		    info.sig_ok, row->words, row->key_type, row->key_size,
		    row->sig_ok);
	free(words);
	csr_info_free(&info);
}

/* Every fixture, as PEM and (for requests) as a bare base64 body. */
static void
test_inspect(void **state)
{
	char *pem, *body;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof seen / sizeof seen[0]; i++) {
		if (strcmp(seen[i].file, "=") == 0) {
			expect_seen(seen[i].text, seen[i].text, &seen[i]);
			continue;
		}
		pem = read_csr(seen[i].file);
		expect_seen(seen[i].file, pem, &seen[i]);
		if (strstr(pem, "REQUEST") != NULL && seen[i].key_type[0]) {
			body = bare(pem);
			expect_seen(seen[i].file, body, &seen[i]);
			free(body);
		}
		free(pem);
	}
}

/* One ds_org_individual body: its CSR and key fields, and the error the
 * check must give (path NULL: valid). */
struct rule {
	const char	*csr;		/* fixture under tests/data/csr */
	const char	*key_type;	/* JSON text, or NULL to leave out */
	const char	*key_size;
	const char	*path;		/* where the error is, or NULL */
	const char	*message;	/* a substring of it */
};

static const struct rule rules[] = {
	{ "rsa-2048.pem", "\"rsa\"", "2048", NULL, NULL },
	{ "rsa-3072.pem", "\"rsa\"", "3072", NULL, NULL },
	{ "rsa-4096.pem", "\"rsa\"", "4096", NULL, NULL },
	{ "ecc-p256.pem", "\"ecc\"", "\"p-256\"", NULL, NULL },
	{ "ecc-p384.pem", "\"ecc\"", "\"p-384\"", NULL, NULL },
	{ "ecc-p256-pubkey.pem", "\"ecc\"", "\"p-256\"", NULL, NULL },
	{ "rsa-2048.pem", NULL, NULL, NULL, NULL },
	{ "ecc-p256.pem", "\"rsa\"", "4096", "certificate.csr_key_type",
	  "is rsa but the CSR's key is ECC P-256: set it to ecc" },
	{ "ecc-p384.pem", "\"rsa\"", "2048", "certificate.csr_key_type",
	  "is rsa but the CSR's key is ECC P-384" },
	{ "rsa-4096.pem", "\"ecc\"", "\"p-384\"", "certificate.csr_key_type",
	  "is ecc but the CSR's key is RSA 4096 bits: set it to rsa" },
	{ "ecc-p256.pem", NULL, NULL, "certificate.csr_key_type",
	  "is rsa (the default) but the CSR's key is ECC P-256" },
	{ "rsa-2048.pem", "\"rsa\"", "4096", "certificate.key_size",
	  "is 4096 but the CSR's key is RSA 2048 bits: set it to 2048" },
	{ "rsa-3072.pem", "\"rsa\"", "2048", "certificate.key_size",
	  "is 2048 but the CSR's key is RSA 3072 bits" },
	{ "rsa-4096.pem", "\"rsa\"", NULL, "certificate.key_size",
	  "is 2048 (the default) but the CSR's key is RSA 4096 bits" },
	{ "ecc-p384.pem", "\"ecc\"", "\"p-256\"", "certificate.key_size",
	  "is p-256 but the CSR's key is ECC P-384: set it to p-384" },
	{ "ecc-p256.pem", "\"ecc\"", "\"p-384\"", "certificate.key_size",
	  "is p-384 but the CSR's key is ECC P-256" },
	{ "bad-signature.pem", "\"rsa\"", "2048", "certificate.csr",
	  "has a broken signature" },
	{ "truncated.pem", "\"ecc\"", "\"p-256\"", "certificate.csr",
	  "body is not a DER-encoded request" },
};

/* Fails unless p holds exactly the row's error (or none). */
static void
expect_rule(const struct rule *row, const struct problems *p)
{
	size_t i, errors = problems_errors(p);

	for (i = 0; i < p->n; i++) {
		if (p->v[i].warning)
			continue;
		if (row->path != NULL && errors == 1 &&
		    strcmp(p->v[i].path, row->path) == 0 &&
		    strstr(p->v[i].message, row->message) != NULL)
			return;
		print_message("%s: %s: %s\n", row->csr, p->v[i].path,
		    p->v[i].message);
	}
	if (row->path != NULL || errors != 0)
		fail_msg("%s (%s, %s): want %s: %s", row->csr,
		    row->key_type ? row->key_type : "-",
		    row->key_size ? row->key_size : "-",
		    row->path ? row->path : "no error",
		    row->message ? row->message : "");
}

/* The key fields must agree with the CSR's key, the signature must hold. */
static void
test_rule(void **state)
{
	struct form *form = tu_load_form("ds_org_individual");
	struct problems p = { NULL, 0 };
	cJSON *body, *cert;
	char *pem;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		body = tu_data_json("orders/ds_org_individual.json");
		cert = cJSON_GetObjectItemCaseSensitive(body, "certificate");
		pem = read_csr(rules[i].csr);
		cJSON_ReplaceItemInObjectCaseSensitive(cert, "csr",
		    cJSON_CreateString(pem));
		tu_set(body, "certificate.csr_key_type", rules[i].key_type);
		tu_set(body, "certificate.key_size", rules[i].key_size);
		order_check(form, body, tu_now(), &p);
		expect_rule(&rules[i], &p);
		problems_free(&p);
		free(pem);
		cJSON_Delete(body);
	}
	form_free(form);
}

/* Runs every test. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inspect),
		cmocka_unit_test(test_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
