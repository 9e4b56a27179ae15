/* dynlib.h: loading a shared library at run time and filling a table of
 * function pointers from it (dlopen and dlsym).
 *
 * Ownership: dynlib_open() returns the dlopen handle, which the caller
 * releases with dynlib_close(); the pointers it stored in the table are valid
 * until then. *cause messages are allocated; the caller frees them.
 */
#ifndef CERTWIZ_DYNLIB_H
#define CERTWIZ_DYNLIB_H

#include <stddef.h>

/* One function to look up: its name and where its pointer goes in the
 * table (offsetof the member). */
struct dynlib_sym {
	const char	*name;
	size_t		 offset;
};

/* Opens soname (RTLD_LAZY | RTLD_LOCAL) and stores the address of each of
 * the n syms in table; NULL with *cause, naming the package to install,
 * when the library or one of the functions is missing. */
void	*dynlib_open(const char *soname, const char *package,
	    const struct dynlib_sym *syms, size_t n, void *table,
	    char **cause);
/* Releases a handle from dynlib_open(); NULL is allowed. */
void	 dynlib_close(void *dl);

#endif
