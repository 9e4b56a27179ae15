/* crypto_lib.c: loading libcrypto at run time. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/crypto_lib.h"
#include "util/dynlib.h"
#include "util/i18n.h"

#ifndef CRYPTO_SONAME
#define CRYPTO_SONAME "libcrypto.so.3"
#endif

/* Every member of struct crypto_lib and the function that fills it. */
#define SYM(m) { #m, offsetof(struct crypto_lib, m) }
static const struct dynlib_sym syms[] = {
	SYM(d2i_X509_REQ), SYM(X509_REQ_free), SYM(X509_REQ_get0_pubkey),
	SYM(X509_REQ_verify), SYM(X509_REQ_get_subject_name),
	SYM(d2i_PUBKEY), SYM(EVP_PKEY_free), SYM(EVP_PKEY_get_base_id),
	SYM(EVP_PKEY_get_bits), SYM(EVP_PKEY_get_group_name),
	SYM(OBJ_nid2sn), SYM(X509_NAME_print_ex), SYM(BIO_new),
	SYM(BIO_s_mem), SYM(BIO_ctrl), SYM(BIO_free), SYM(ERR_clear_error)
};
#undef SYM

/* Loads libcrypto into lib. */
int
crypto_lib_open(struct crypto_lib *lib, char **cause)
{
	memset(lib, 0, sizeof *lib);
	lib->dl = dynlib_open(CRYPTO_SONAME,
	    _("libssl3 (OpenSSL 3.0 or newer)"),
	    syms, sizeof syms / sizeof syms[0], lib, cause);
	if (lib->dl == NULL) {
		memset(lib, 0, sizeof *lib);
		return -1;
	}
	return 0;
}

/* Unloads libcrypto. */
void
crypto_lib_close(struct crypto_lib *lib)
{
	dynlib_close(lib->dl);
	memset(lib, 0, sizeof *lib);
}
