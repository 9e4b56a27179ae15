/* dynlib.c: loading a shared library at run time (dlopen). */
#include "config.h"

#include "util/dynlib.h"

#include <dlfcn.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* Looks up every symbol; -1 with *cause naming the first one missing. */
static int
fill(void *dl, const char *soname, const char *package,
    const struct dynlib_sym *syms, size_t n, void *table, char **cause)
{
	void *p;
	size_t i;

	for (i = 0; i < n; i++) {
		(void)dlerror();
		if ((p = dlsym(dl, syms[i].name)) == NULL) {
			*cause = xasprintf(_("%s has no %s: install a newer "
			    "%s"),
			    soname, syms[i].name, package);
			return -1;
		}
		/* POSIX: a function's address fits in a void *. */
		memcpy((char *)table + syms[i].offset, &p, sizeof p);
	}
	return 0;
}

/* Opens soname and fills table with the addresses of syms. */
void *
dynlib_open(const char *soname, const char *package,
    const struct dynlib_sym *syms, size_t n, void *table, char **cause)
{
	void *dl;
	const char *why;

	/* RTLD_NODELETE: libcurl's TLS libraries keep thread-local state and
	 * exit handlers; unloading them mid-run is unsafe (it made
	 * LeakSanitizer's thread scan crash on their stale TLS), so dlclose
	 * only drops the reference. */
	/* RTLD_LAZY, not RTLD_NOW: every function certwiz calls is looked up
	 * below (a missing one is reported), and binding all of libcurl's ~30
	 * dependencies eagerly costs 0.3-0.5 ms a submit (bench/submit.sh). */
	if ((dl = dlopen(soname, RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE)) ==
	    NULL) {
		why = dlerror();
		*cause = xasprintf(_("cannot load %s: %s; install %s"), soname,
		    why != NULL ? why : _("unknown error"), package);
		return NULL;
	}
	if (fill(dl, soname, package, syms, n, table, cause) != 0) {
		dlclose(dl);
		return NULL;
	}
	return dl;
}

/* Releases a handle from dynlib_open(). */
void
dynlib_close(void *dl)
{
	if (dl != NULL)
		dlclose(dl);
}
