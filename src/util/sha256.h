/* sha256.h: SHA-256 (FIPS 180-4) of a buffer, as lowercase hex.
 *
 * Ownership: the caller provides the 65-byte output buffer.
 */
#ifndef CERTWIZ_SHA256_H
#define CERTWIZ_SHA256_H

#include <stddef.h>

#define SHA256_HEX_LEN	64

/* Writes the SHA-256 of data as 64 hex digits and a NUL into hex. */
void	 sha256_hex(const void *data, size_t len,
	    char hex[SHA256_HEX_LEN + 1]);

#endif
