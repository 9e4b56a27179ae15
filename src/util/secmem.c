/* secmem.c: dump protection, wiping allocation for cJSON and the one
 * wipe for JSON trees. */
#include "config.h"

#include "util/secmem.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "util/i18n.h"
#include "util/xalloc.h"

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

/* cJSON's malloc hook. */
static void *
hook_malloc(size_t size)
{
	return secmem_alloc(size);
}

/* Installs the cJSON hooks. */
void
secmem_init(void)
{
	cJSON_Hooks hooks = { hook_malloc, secmem_free };

	/* With hooks other than malloc and free, cJSON grows its print
	 * buffers by allocate, copy and free, never by realloc, so every
	 * old copy passes through secmem_free(). */
	cJSON_InitHooks(&hooks);
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
