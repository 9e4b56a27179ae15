/* crypto_lib.h: OpenSSL's libcrypto, loaded at run time only when a CSR is
 * inspected, so that commands and forms without a CSR never load it.
 *
 * Ownership: a struct crypto_lib is filled by crypto_lib_open() and belongs
 * to its caller (usually on the stack); crypto_lib_close() releases it,
 * after which none of its pointers may be called. Each opener has its own
 * handle (dlopen counts them). *cause messages are allocated; the caller
 * frees them.
 */
#ifndef CERTWIZ_CRYPTO_LIB_H
#define CERTWIZ_CRYPTO_LIB_H

#include <stddef.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

/* The libcrypto functions certwiz calls, by their own names. */
struct crypto_lib {
	void		 *dl;		/* NULL: not loaded */
	X509_REQ	*(*d2i_X509_REQ)(X509_REQ **, const unsigned char **,
			    long);
	void		(*X509_REQ_free)(X509_REQ *);
	EVP_PKEY	*(*X509_REQ_get0_pubkey)(X509_REQ *);
	int		(*X509_REQ_verify)(X509_REQ *, EVP_PKEY *);
	X509_NAME	*(*X509_REQ_get_subject_name)(const X509_REQ *);
	EVP_PKEY	*(*d2i_PUBKEY)(EVP_PKEY **, const unsigned char **,
			    long);
	void		(*EVP_PKEY_free)(EVP_PKEY *);
	int		(*EVP_PKEY_get_base_id)(const EVP_PKEY *);
	int		(*EVP_PKEY_get_bits)(const EVP_PKEY *);
	int		(*EVP_PKEY_get_group_name)(const EVP_PKEY *, char *,
			    size_t, size_t *);
	const char	*(*OBJ_nid2sn)(int);
	int		(*X509_NAME_print_ex)(BIO *, const X509_NAME *, int,
			    unsigned long);
	BIO		*(*BIO_new)(const BIO_METHOD *);
	const BIO_METHOD *(*BIO_s_mem)(void);
	long		(*BIO_ctrl)(BIO *, int, long, void *);
	int		(*BIO_free)(BIO *);
	void		(*ERR_clear_error)(void);
};

/* Loads libcrypto (CRYPTO_SONAME) into lib; 0, or -1 with *cause saying
 * what to install. */
int	 crypto_lib_open(struct crypto_lib *lib, char **cause);
/* Unloads it and zeroes lib; a lib never opened (zeroed) is fine. */
void	 crypto_lib_close(struct crypto_lib *lib);

#endif
