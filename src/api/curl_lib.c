/* curl_lib.c: loading libcurl at run time. */
#include "config.h"

#include "api/curl_lib.h"

#include <stddef.h>
#include <string.h>

#include "util/dynlib.h"

#ifndef CURL_SONAME
#define CURL_SONAME "libcurl.so.4"
#endif

/* Every member of struct curl_lib and the function that fills it. */
#define SYM(m) { "curl_" #m, offsetof(struct curl_lib, m) }
static const struct dynlib_sym syms[] = {
	SYM(global_init), SYM(global_init_mem), SYM(global_cleanup),
	SYM(easy_init),
	SYM(easy_setopt), SYM(easy_perform), SYM(easy_getinfo),
	SYM(easy_reset), SYM(easy_cleanup), SYM(easy_strerror),
	SYM(slist_append), SYM(slist_free_all), SYM(url), SYM(url_set),
	SYM(url_get), SYM(url_cleanup), SYM(free)
};
#undef SYM

/* Loads libcurl into lib. */
int
curl_lib_open(struct curl_lib *lib, char **cause)
{
	memset(lib, 0, sizeof *lib);
	lib->dl = dynlib_open(CURL_SONAME, "libcurl4 (libcurl 7.85 or newer)",
	    syms, sizeof syms / sizeof syms[0], lib, cause);
	if (lib->dl == NULL) {
		memset(lib, 0, sizeof *lib);
		return -1;
	}
	return 0;
}

/* Unloads libcurl. */
void
curl_lib_close(struct curl_lib *lib)
{
	dynlib_close(lib->dl);
	memset(lib, 0, sizeof *lib);
}
