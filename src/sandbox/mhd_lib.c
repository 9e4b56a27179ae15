/* mhd_lib.c: loading libmicrohttpd at run time. */
#include "config.h"

#include "sandbox/mhd_lib.h"

#include <stddef.h>
#include <string.h>

#include "util/dynlib.h"

#ifndef MHD_SONAME
#define MHD_SONAME "libmicrohttpd.so.12"
#endif

/* Every member of struct mhd_lib and the function that fills it. */
#define SYM(m) { "MHD_" #m, offsetof(struct mhd_lib, m) }
static const struct dynlib_sym syms[] = {
	SYM(start_daemon), SYM(stop_daemon), SYM(get_daemon_info),
	SYM(get_connection_info), SYM(lookup_connection_value),
	SYM(create_response_from_callback),
	SYM(create_response_from_buffer), SYM(add_response_header),
	SYM(queue_response), SYM(destroy_response)
};
#undef SYM

/* Loads libmicrohttpd into lib. */
int
mhd_lib_open(struct mhd_lib *lib, char **cause)
{
	memset(lib, 0, sizeof *lib);
	lib->dl = dynlib_open(MHD_SONAME, "libmicrohttpd12", syms,
	    sizeof syms / sizeof syms[0], lib, cause);
	if (lib->dl == NULL) {
		memset(lib, 0, sizeof *lib);
		return -1;
	}
	return 0;
}

/* Unloads libmicrohttpd. */
void
mhd_lib_close(struct mhd_lib *lib)
{
	dynlib_close(lib->dl);
	memset(lib, 0, sizeof *lib);
}
