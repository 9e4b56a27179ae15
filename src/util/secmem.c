/* secmem.c: dump protection, wiping allocation for cJSON, stdin's own
 * buffer, and the one wipe for JSON trees. */
#include "config.h"

#include "util/secmem.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "util/xalloc.h"
#include "util/i18n.h"

/* Size of the stdin buffer certwiz owns. */
#define SECMEM_STDIN_SIZE 4096

/* stdin's buffer: terminal state of a kind, wiped at exit. */
static char stdin_buf[SECMEM_STDIN_SIZE];

/* Turns core dumps off unless CERTWIZ_DEBUG_CORE=1. */
int
secmem_no_dumps(char **cause)
{
	const char *env = getenv("CERTWIZ_DEBUG_CORE");
	struct rlimit rl = { 0, 0 };

	if (env != NULL && strcmp(env, "1") == 0)
		return 0;
	if (setrlimit(RLIMIT_CORE, &rl) != 0 ||
	    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
		*cause = xasprintf(_("cannot turn core dumps off: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Wipes stdin's buffer at exit. */
static void
wipe_stdin(void)
{
	explicit_bzero(stdin_buf, sizeof stdin_buf);
}

/* cJSON's malloc hook. */
static void *
hook_malloc(size_t size)
{
	return secmem_alloc(size);
}

/* Installs the cJSON hooks and stdin's buffer. */
void
secmem_init(void)
{
	cJSON_Hooks hooks = { hook_malloc, secmem_free };

	/* With hooks other than malloc and free, cJSON grows its print
	 * buffers by allocate, copy and free, never by realloc, so every
	 * old copy passes through secmem_free(). */
	cJSON_InitHooks(&hooks);
	setvbuf(stdin, stdin_buf, _IOFBF, sizeof stdin_buf);
	atexit(wipe_stdin);
}

/* Allocates size bytes, or dies. */
void *
secmem_alloc(size_t size)
{
	return xmalloc(size);
}

/* Overwrites a block, all of it, then frees it. */
void
secmem_free(void *p)
{
	if (p == NULL)
		return;
	explicit_bzero(p, malloc_usable_size(p));
	free(p);
}

/* realloc() that wipes the old block. */
void *
secmem_realloc(void *p, size_t size)
{
	size_t old;
	void *n;

	if (p == NULL)
		return secmem_alloc(size);
	if (size == 0) {
		secmem_free(p);
		return NULL;
	}
	n = secmem_alloc(size);
	old = malloc_usable_size(p);
	memcpy(n, p, old < size ? old : size);
	secmem_free(p);
	return n;
}

/* calloc(), or die. */
void *
secmem_calloc(size_t nmemb, size_t size)
{
	return xcalloc(nmemb, size);
}

/* strdup(), or die. */
char *
secmem_strdup(const char *s)
{
	return xstrdup(s);
}

/* Overwrites what was already read from in's buffer (glibc's FILE). */
void
secmem_wipe_read(FILE *in)
{
#ifdef __GLIBC__
	if (in->_IO_read_base != NULL && in->_IO_read_ptr > in->_IO_read_base)
		explicit_bzero(in->_IO_read_base,
		    (size_t)(in->_IO_read_ptr - in->_IO_read_base));
	/* Bytes after the last fill are older input, already read. */
	if (in->_IO_read_end != NULL && in->_IO_buf_end > in->_IO_read_end)
		explicit_bzero(in->_IO_read_end,
		    (size_t)(in->_IO_buf_end - in->_IO_read_end));
#else
	(void)in;
#endif
}

/* Overwrites the strings and numbers of a tree. */
void
json_wipe(cJSON *json)
{
	cJSON *c;

	if (json == NULL)
		return;
	if (cJSON_IsString(json) && json->valuestring != NULL)
		explicit_bzero(json->valuestring, strlen(json->valuestring));
	if (cJSON_IsNumber(json)) {
		json->valueint = 0;
		json->valuedouble = 0;
	}
	cJSON_ArrayForEach(c, json)
		json_wipe(c);
}

/* Wipes a tree, then deletes it. */
void
json_wipe_delete(cJSON *json)
{
	json_wipe(json);
	cJSON_Delete(json);
}

/* Prints a tree, or says why not. */
char *
json_print(const cJSON *json, int pretty, char **cause)
{
	char *text = pretty ? cJSON_Print(json) : cJSON_PrintUnformatted(json);

	if (text == NULL)
		*cause = xstrdup(json == NULL ? _("nothing to print") :
		    _("the JSON text could not be made (out of memory or a "
		    "broken tree)"));
	return text;
}
