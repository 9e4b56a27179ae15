/* nolocale.c: an LD_PRELOAD shim for tests/tui_show.sh: setlocale() fails
 * for every UTF-8 locale, as on a machine that has none (glibc builds
 * C.UTF-8 in, so no locale setting alone can show that case). Everything
 * else goes to the C library. Built by the test with cc -shared -fPIC (not
 * part of the program). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <locale.h>
#include <stddef.h>
#include <string.h>

/* setlocale(), refusing a UTF-8 locale by name. */
char *
setlocale(int category, const char *locale)
{
	static char *(*real)(int, const char *);

	if (real == NULL)
		real = (char *(*)(int, const char *))dlsym(RTLD_NEXT,
		    "setlocale");
	if (locale != NULL && (strcasestr(locale, "utf-8") != NULL ||
	    strcasestr(locale, "utf8") != NULL))
		return NULL;
	return real(category, locale);
}
