/* curl_lib.h: libcurl, loaded at run time only when a request is made, so
 * that commands that never touch the network do not load it and the ~30
 * libraries it needs (TLS, Kerberos, LDAP, ...).
 *
 * Ownership: a struct curl_lib is filled by curl_lib_open() and belongs to
 * the struct that embeds it (struct api); curl_lib_close() releases the
 * library, after which none of its pointers may be called. Each opener has
 * its own handle (dlopen counts them). *cause messages are allocated; the
 * caller frees them.
 */
#ifndef CERTWIZ_CURL_LIB_H
#define CERTWIZ_CURL_LIB_H

#include <curl/curl.h>

/* The libcurl functions certwiz calls, named without their curl_ prefix. */
struct curl_lib {
	void		 *dl;		/* NULL: not loaded */
	CURLcode	(*global_init)(long);
	CURLcode	(*global_init_mem)(long, curl_malloc_callback,
			    curl_free_callback, curl_realloc_callback,
			    curl_strdup_callback, curl_calloc_callback);
	void		(*global_cleanup)(void);
	CURL		*(*easy_init)(void);
	CURLcode	(*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode	(*easy_perform)(CURL *);
	CURLcode	(*easy_getinfo)(CURL *, CURLINFO, ...);
	void		(*easy_reset)(CURL *);
	void		(*easy_cleanup)(CURL *);
	const char	*(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void		(*slist_free_all)(struct curl_slist *);
	CURLU		*(*url)(void);
	CURLUcode	(*url_set)(CURLU *, CURLUPart, const char *,
			    unsigned int);
	CURLUcode	(*url_get)(CURLU *, CURLUPart, char **, unsigned int);
	void		(*url_cleanup)(CURLU *);
	void		(*free)(void *);
};

/* Loads libcurl (CURL_SONAME) into lib; 0, or -1 with *cause saying what
 * to install. */
int	 curl_lib_open(struct curl_lib *lib, char **cause);
/* Unloads it and zeroes lib; a lib never opened (zeroed) is fine. */
void	 curl_lib_close(struct curl_lib *lib);

#endif
