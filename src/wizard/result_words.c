/* result_words.c: what happens after an order is placed, in sentences
 * derived from the order actually sent. */
#include "config.h"

#include "wizard/result_words.h"

#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* A string member at a dotted path of the body, or "". */
static const char *
body_text(const cJSON *body, const char *a, const char *b)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, a);
	const char *s;

	if (b != NULL)
		v = cJSON_GetObjectItemCaseSensitive(v, b);
	s = cJSON_GetStringValue(v);
	return s != NULL ? s : "";
}

/* 1 when a request of the order waits for approval. */
static int
pending(const struct api_result *r)
{
	size_t i;

	for (i = 0; i < r->nrequests; i++) {
		if (r->requests[i].status != NULL &&
		    strcmp(r->requests[i].status, "pending") == 0)
			return 1;
	}
	return r->status != NULL && strstr(r->status, "pending") != NULL;
}

/* The number of the body's organization contacts, and of them verified. */
static int
contacts(const cJSON *body, int *verified)
{
	const cJSON *list, *c;
	int n = 0;

	*verified = 0;
	list = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(body, "organization"), "contacts");
	cJSON_ArrayForEach(c, list) {
		n++;
		*verified += strcmp(body_text(c, "contact_type", NULL),
		    "verified_contact") == 0;
	}
	return n;
}

/* Who is asked to confirm the order by email, as a sentence. */
static char *
who_confirms(const cJSON *body)
{
	const char *mail = body_text(body, "subject", "email");
	int verified, n = contacts(body, &verified);
	const char *org = verified > 0 ? _("The verified contacts named in the "
	    "order get an email asking them to approve it, and validation "
	    "waits for their answer.") : n > 0 ? _("The order names contacts "
	    "but no verified contact, so DigiCert asks the organization's "
	    "verified contacts on file to approve it.") :
	    _("The order names no contacts, so DigiCert asks the "
	    "organization's verified contacts on file to approve it.");

	if (*mail != '\0')
		return xasprintf(_("%s DigiCert may also write to %s, the "
		    "person named in the certificate."), org, mail);
	return xstrdup(org);
}

/* How the certificate reaches its owner, as a sentence. */
static const char *
delivery(const cJSON *body)
{
	const char *cs = body_text(body, "cs_provisioning_method", NULL);
	const char *pm = body_text(body, "provisioning_method", NULL);
	int csr = *body_text(body, "certificate", "csr") != '\0';

	if (strcmp(cs, "ship_token") == 0 || strcmp(pm, "qscd") == 0)
		return _("Once validated, DigiCert ships the hardware token to "
		    "the shipping address; its activation details come by "
		    "email.");
	if (strcmp(cs, "client_app") == 0)
		return _("Once validated, the certificate is installed with "
		    "DigiCert's client app, from the email it sends.");
	if (csr)
		return _("Once validated, the certificate is issued for the "
		    "CSR sent and can be downloaded from CertCentral.");
	return _("Once validated, DigiCert emails how to collect the "
	    "certificate.");
}

/* The "what happens next" paragraph for an order placed with body. */
char *
result_next_words(const struct form *form, const cJSON *body,
    const struct api_result *r, const char *command)
{
	char *who = who_confirms(body), *out;

	out = xasprintf(_("%sDigiCert now validates the organization%s. %s%s "
	    "%s Follow it with: %s status --platform %s %s"),
	    pending(r) ? _("The request is pending: if your account asks for "
	    "approval, an administrator approves it in CertCentral (Requests) "
	    "before DigiCert starts. ") : "",
	    *body_text(body, "subject", "email") != '\0' ? _(" and the person "
	    "named in the order") : "", who, r->ndomains > 0 ? _(" Each domain "
	    "is validated too (DCV).") : "", delivery(body), command,
	    form->platform,
	    r->order_id != NULL ? r->order_id : "ORDER_ID");
	free(who);
	return out;
}
