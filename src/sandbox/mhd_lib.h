/* mhd_lib.h: libmicrohttpd, loaded at run time only when a sandbox starts,
 * so that other commands do not load it and the libraries it needs.
 *
 * Ownership: a struct mhd_lib is filled by mhd_lib_open() and belongs to
 * the struct that embeds it (struct sandbox); mhd_lib_close() releases the
 * library once the daemon is stopped, after which none of its pointers may
 * be called. Each opener has its own handle (dlopen counts them). *cause
 * messages are allocated; the caller frees them.
 */
#ifndef CERTWIZ_MHD_LIB_H
#define CERTWIZ_MHD_LIB_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>

#include <microhttpd.h>

/* The libmicrohttpd functions the sandbox calls, without the MHD_ prefix. */
struct mhd_lib {
	void		 *dl;		/* NULL: not loaded */
	struct MHD_Daemon *(*start_daemon)(unsigned int, uint16_t,
			    MHD_AcceptPolicyCallback, void *,
			    MHD_AccessHandlerCallback, void *, ...);
	void		(*stop_daemon)(struct MHD_Daemon *);
	const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *,
			    enum MHD_DaemonInfoType, ...);
	const union MHD_ConnectionInfo *(*get_connection_info)(
			    struct MHD_Connection *,
			    enum MHD_ConnectionInfoType, ...);
	const char	*(*lookup_connection_value)(struct MHD_Connection *,
			    enum MHD_ValueKind, const char *);
	struct MHD_Response *(*create_response_from_callback)(uint64_t,
			    size_t, MHD_ContentReaderCallback, void *,
			    MHD_ContentReaderFreeCallback);
	struct MHD_Response *(*create_response_from_buffer)(size_t, void *,
			    enum MHD_ResponseMemoryMode);
	enum MHD_Result	(*add_response_header)(struct MHD_Response *,
			    const char *, const char *);
	enum MHD_Result	(*queue_response)(struct MHD_Connection *,
			    unsigned int, struct MHD_Response *);
	void		(*destroy_response)(struct MHD_Response *);
};

/* Loads libmicrohttpd (MHD_SONAME) into lib; 0, or -1 with *cause saying
 * what to install. */
int	 mhd_lib_open(struct mhd_lib *lib, char **cause);
/* Unloads it and zeroes lib; a lib never opened (zeroed) is fine. */
void	 mhd_lib_close(struct mhd_lib *lib);

#endif
