/* csr.h: what a CSR holds, read with libcrypto (loaded only here): its key
 * type and size or curve, its subject and whether its self-signature
 * verifies; and the form rule that the key fields agree with it.
 *
 * Ownership: csr_inspect() fills the caller's struct csr_info, whose
 * strings csr_info_free() releases; csr_der() and csr_info_words() return
 * allocated memory the caller frees; *cause messages are allocated and the
 * caller frees them.
 */
#ifndef CERTWIZ_CSR_H
#define CERTWIZ_CSR_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct form;
struct field;
struct problems;

/* The kinds of key certwiz tells apart. */
enum csr_alg { CSR_ALG_OTHER, CSR_ALG_RSA, CSR_ALG_EC };

/* What a CSR holds. */
struct csr_info {
	int		 is_key;	/* a PUBLIC KEY block: nothing signed */
	int		 sig_ok;	/* the self-signature verifies */
	enum csr_alg	 alg;
	int		 bits;		/* RSA modulus or EC field size */
	char		 name[40];	/* "RSA 2048 bits", "ECC P-256" */
	char		 key_type[8];	/* as csr_key_type: "rsa", "ecc", "" */
	char		 key_size[16];	/* as key_size: "2048", "p-256", "" */
	char		*subject;	/* "CN=..., O=...", or NULL */
	char		*problem;	/* why it cannot be read, or NULL */
};

/* The DER bytes of a CSR whose frame check_csr() accepts (PEM, or a bare
 * base64 body); *is_key is set for a PUBLIC KEY block. NULL otherwise. */
unsigned char	*csr_der(const char *s, size_t *len, int *is_key);
/* Reads the CSR s into *info: 0 (info->problem says why s is no CSR, when
 * it is not), or -1 with *cause when libcrypto cannot be loaded. */
int		 csr_inspect(const char *s, struct csr_info *info,
		    char **cause);
/* Releases the strings of an info and zeroes it. */
void		 csr_info_free(struct csr_info *info);
/* The info in words: "ECC P-256, CN=example.com, signature valid". */
char		*csr_info_words(const struct csr_info *info);
/* Checks the CSR text of field f at path with libcrypto: an unreadable
 * request and a broken signature are errors; so is a key that disagrees
 * with the fields f names in "key_type" and "key_size" (their values in
 * body, else their defaults). Without libcrypto only a warning says that
 * just the frame was checked. */
void		 csr_check_field(const struct form *form,
		    const struct field *f, const char *text,
		    const cJSON *body, const char *path, struct problems *p);

#endif
