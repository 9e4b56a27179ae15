/* csr_inspect.c: reading a CSR with libcrypto: key, subject, signature. */
#include "config.h"

#include "core/csr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/objects.h>

#include "core/check.h"
#include "core/crypto_lib.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* How the subject is printed: RFC 2253 escapes, UTF-8 kept, ", " between
 * parts, most specific (CN) first. */
#define SUBJECT_FLAGS ((ASN1_STRFLGS_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | \
	XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_DN_REV | XN_FLAG_FN_SN)

/* Longest subject kept, in bytes. */
#define SUBJECT_MAX 256

/* Largest request the memo keeps (a 4096-bit RSA request is ~1.2 KiB). */
#define MEMO_DER_MAX 4096

/* The last request read on this thread and what it holds, so that the
 * wizard's repeated checks of one CSR cost one parse (OpenSSL 3.0 takes
 * about 0.5 ms to decode a request). It holds no heap memory, so nothing
 * is left behind when a thread ends. */
struct memo {
	size_t		 len;			/* 0: empty */
	unsigned char	 der[MEMO_DER_MAX];
	struct csr_info	 info;			/* strings left NULL */
	char		 subject[SUBJECT_MAX + 1];
	int		 has_subject;
};
static _Thread_local struct memo memo;

/* NIST curve names for the groups OpenSSL names otherwise. */
static const struct {
	const char	*group;
	const char	*curve;
} curves[] = {
	{ "prime256v1", "P-256" }, { "secp384r1", "P-384" },
	{ "secp521r1", "P-521" }, { "P-256", "P-256" }, { "P-384", "P-384" },
	{ "P-521", "P-521" },
};

/* Replaces control characters (C0, DEL and UTF-8 C1) by '?' in place. */
static void
tame(char *s)
{
	unsigned char *p;

	for (p = (unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			*p = '?';
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			p[0] = '?';
			p[1] = '?';
			p++;
		}
	}
}

/* The request's subject as one line, or NULL when it has none. */
static char *
subject_text(const struct crypto_lib *c, X509_REQ *req)
{
	const X509_NAME *name = c->X509_REQ_get_subject_name(req);
	BIO *bio;
	char *data = NULL, *out = NULL;
	long n;

	if (name == NULL || (bio = c->BIO_new(c->BIO_s_mem())) == NULL)
		return NULL;
	if (c->X509_NAME_print_ex(bio, name, 0, SUBJECT_FLAGS) >= 0) {
		n = c->BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
		if (n > 0 && data != NULL)
			out = xstrndup(data, n > SUBJECT_MAX ? SUBJECT_MAX :
			    (size_t)n);
	}
	c->BIO_free(bio);
	if (out != NULL)
		tame(out);
	return out;
}

/* Fills the key members of info from pkey. */
static void
key_info(const struct crypto_lib *c, EVP_PKEY *pkey, struct csr_info *info)
{
	char group[64] = "";
	const char *sn, *curve;
	size_t i, len = 0;
	int id = c->EVP_PKEY_get_base_id(pkey);

	info->bits = c->EVP_PKEY_get_bits(pkey);
	if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
		info->alg = CSR_ALG_RSA;
		snprintf(info->name, sizeof info->name, _("RSA %d bits"),
		    info->bits);
		strcpy(info->key_type, "rsa");
		snprintf(info->key_size, sizeof info->key_size, "%d",
		    info->bits);
		return;
	}
	if (id != EVP_PKEY_EC) {
		sn = c->OBJ_nid2sn(id);
		snprintf(info->name, sizeof info->name, "%s",
		    sn != NULL ? sn : _("an unknown kind of key"));
		return;
	}
	info->alg = CSR_ALG_EC;
	strcpy(info->key_type, "ecc");
	if (c->EVP_PKEY_get_group_name(pkey, group, sizeof group, &len) != 1)
		group[0] = '\0';
	curve = group[0] != '\0' ? group : _("unknown curve");
	for (i = 0; i < sizeof curves / sizeof curves[0]; i++) {
		if (strcmp(group, curves[i].group) == 0)
			curve = curves[i].curve;
	}
	snprintf(info->name, sizeof info->name, "ECC %s", curve);
	if (curve[0] == 'P' && curve[1] == '-')
		snprintf(info->key_size, sizeof info->key_size, "p-%s",
		    curve + 2);
}

/* Reads a DER request (or, with is_key, a public key) into info. */
static void
read_der(const struct crypto_lib *c, const unsigned char *der, size_t len,
    struct csr_info *info)
{
	const unsigned char *p = der;
	X509_REQ *req;
	EVP_PKEY *pkey;

	if (info->is_key) {
		if ((pkey = c->d2i_PUBKEY(NULL, &p, (long)len)) == NULL) {
			info->problem = xstrdup(_("is not a public key "
			    "OpenSSL can read"));
			return;
		}
		key_info(c, pkey, info);
		c->EVP_PKEY_free(pkey);
		return;
	}
	if ((req = c->d2i_X509_REQ(NULL, &p, (long)len)) == NULL) {
		info->problem = xstrdup(_("is not a certificate request "
		    "OpenSSL can read"));
		return;
	}
	if ((pkey = c->X509_REQ_get0_pubkey(req)) == NULL)
		info->problem = xstrdup(
		    _("has a public key OpenSSL cannot read"));
	else {
		key_info(c, pkey, info);
		info->sig_ok = c->X509_REQ_verify(req, pkey) == 1;
	}
	info->subject = subject_text(c, req);
	c->X509_REQ_free(req);
}

/* Fills info from the memo when it holds der; 1 when it did. */
static int
memo_get(const unsigned char *der, size_t len, struct csr_info *info)
{
	if (memo.len == 0 || memo.len != len || memcmp(memo.der, der, len))
		return 0;
	*info = memo.info;
	info->subject = memo.has_subject ? xstrdup(memo.subject) : NULL;
	return 1;
}

/* Keeps a request that was read without problem in the memo. */
static void
memo_put(const unsigned char *der, size_t len, const struct csr_info *info)
{
	memo.len = 0;
	if (info->problem != NULL || len > MEMO_DER_MAX)
		return;
	memcpy(memo.der, der, len);
	memo.info = *info;
	memo.info.subject = NULL;
	memo.has_subject = info->subject != NULL;
	snprintf(memo.subject, sizeof memo.subject, "%s",
	    info->subject != NULL ? info->subject : "");
	memo.len = len;
}

/* Reads the CSR s into *info with libcrypto. */
int
csr_inspect(const char *s, struct csr_info *info, char **cause)
{
	struct crypto_lib c;
	unsigned char *der;
	size_t len = 0;
	int is_key = 0;

	memset(info, 0, sizeof *info);
	if ((info->problem = check_csr(s)) != NULL)
		return 0;
	if ((der = csr_der(s, &len, &is_key)) == NULL) {
		info->problem = xstrdup(_("is not a certificate request"));
		return 0;
	}
	if (memo_get(der, len, info) && info->is_key == is_key) {
		free(der);
		return 0;
	}
	csr_info_free(info);
	if (crypto_lib_open(&c, cause) != 0) {
		free(der);
		return -1;
	}
	info->is_key = is_key;
	read_der(&c, der, len, info);
	c.ERR_clear_error();
	crypto_lib_close(&c);
	memo_put(der, len, info);
	free(der);
	return 0;
}

/* Releases the strings of an info. */
void
csr_info_free(struct csr_info *info)
{
	free(info->subject);
	free(info->problem);
	memset(info, 0, sizeof *info);
}

/* The info in words. */
char *
csr_info_words(const struct csr_info *info)
{
	if (info->problem != NULL)
		return xasprintf("CSR %s", info->problem);
	if (info->is_key)
		return xasprintf(_("%s, a public key (nothing signed)"),
		    info->name);
	return xasprintf(_("%s, %s, signature %s"), info->name,
	    info->subject != NULL && *info->subject != '\0' ? info->subject :
	    _("no subject"), info->sig_ok ? _("valid") : _("BROKEN"));
}
