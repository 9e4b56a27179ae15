/* secmem.h: keeping card data and API keys out of core dumps and out of
 * memory certwiz gave back: the process's dump protection, cJSON
 * allocation that wipes every block it frees, and the one wipe for JSON
 * trees. (Input is read with read(2) into buffers that wipe what they
 * held: fileio_read(), plain mode's reader; no stdio buffer keeps it.)
 *
 * Ownership: json_print() returns an allocated string the caller frees
 * (with secmem_free() when it may hold secrets); *cause messages are
 * allocated and the caller's.
 */
#ifndef CERTWIZ_SECMEM_H
#define CERTWIZ_SECMEM_H

#include <stdio.h>

#include <cjson/cJSON.h>

/* Turns core dumps off (RLIMIT_CORE 0) and makes the process undumpable
 * (PR_SET_DUMPABLE 0, so no debugger of the same user attaches), unless
 * CERTWIZ_DEBUG_CORE=1; 0, or -1 with *cause. */
int	 secmem_no_dumps(char **cause);
/* Makes cJSON allocate through secmem_alloc() and secmem_free(). Call
 * once, first thing. (libcurl
 * gets the secmem_ functions through curl_global_init_mem().) */
void	 secmem_init(void);
/* Allocates size bytes, or dies (as xmalloc()). */
void	*secmem_alloc(size_t size);
/* Overwrites a malloc()ed block, all of it, then frees it; NULL is
 * allowed. */
void	 secmem_free(void *p);
/* realloc() that wipes the old block; dies on exhaustion. */
void	*secmem_realloc(void *p, size_t size);
/* calloc() and strdup(), or die. */
void	*secmem_calloc(size_t nmemb, size_t size);
char	*secmem_strdup(const char *s);
/* Overwrites every string and number of a tree (card data), keeping its
 * shape; NULL is allowed. */
void	 json_wipe(cJSON *json);
/* json_wipe(), then cJSON_Delete(). */
void	 json_wipe_delete(cJSON *json);
/* Prints a tree (formatted when pretty is set); NULL with *cause when cJSON
 * cannot. */
char	*json_print(const cJSON *json, int pretty, char **cause);

#endif
