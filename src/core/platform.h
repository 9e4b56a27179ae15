/* platform.h: the two CertCentral platforms and their base URLs.
 *
 * Ownership: every string returned here is static; never free it.
 */
#ifndef CERTWIZ_PLATFORM_H
#define CERTWIZ_PLATFORM_H

/* The base URL of a platform ("us" or "eu"), or NULL for an unknown one. */
const char	*platform_base_url(const char *platform);
/* The platform's name for people ("US" or "Europe"). */
const char	*platform_title(const char *platform);

#endif
