/* answers.c: answers kept as a JSON tree shaped like the request body. */
#include "config.h"

#include "core/answers.h"

#include <string.h>

#include "core/expr.h"
#include "core/value.h"
#include "util/xalloc.h"

/* Copies the next segment of *path into seg (at most size-1 bytes); sets
 * *list. */
static int
next_segment(const char **path, char *seg, size_t size, int *list)
{
	const char *p = *path, *dot = strchr(p, '.');
	size_t len = dot != NULL ? (size_t)(dot - p) : strlen(p);

	*list = len >= 2 && p[len - 2] == '[' && p[len - 1] == ']';
	if (*list)
		len -= 2;
	if (len == 0 || len >= size)
		return -1;
	memcpy(seg, p, len);
	seg[len] = '\0';
	*path = dot != NULL ? dot + 1 : p + strlen(p);
	return 0;
}

/* The value at path with its [] bound to index[], or NULL. */
const cJSON *
answers_get(const cJSON *answers, const char *path, const size_t *index,
    size_t nindex)
{
	char seg[128];
	size_t used = 0;
	int list;

	while (*path != '\0' && answers != NULL) {
		if (!cJSON_IsObject(answers))
			return NULL;
		if (next_segment(&path, seg, sizeof seg, &list) != 0)
			return NULL;
		answers = cJSON_GetObjectItemCaseSensitive(answers, seg);
		if (list) {
			if (used >= nindex || !cJSON_IsArray(answers))
				return NULL;
			answers = cJSON_GetArrayItem(answers,
			    (int)index[used++]);
		}
	}
	return answers;
}

/* Returns obj's member name, replacing or creating it with a new node of
 * kind. */
static cJSON *
member(cJSON *obj, const char *name, int array)
{
	cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);

	if (item != NULL &&
	    (array ? cJSON_IsArray(item) : cJSON_IsObject(item)))
		return item;
	item = array ? cJSON_CreateArray() : cJSON_CreateObject();
	if (cJSON_HasObjectItem(obj, name))
		cJSON_ReplaceItemInObjectCaseSensitive(obj, name, item);
	else
		cJSON_AddItemToObject(obj, name, item);
	return item;
}

/* Returns slot i of array, padding it with empty objects as needed. */
static cJSON *
slot(cJSON *array, size_t i)
{
	cJSON *item;

	while ((size_t)cJSON_GetArraySize(array) <= i)
		cJSON_AddItemToArray(array, cJSON_CreateObject());
	item = cJSON_GetArrayItem(array, (int)i);
	if (!cJSON_IsObject(item)) {
		cJSON_ReplaceItemInArray(array, (int)i, cJSON_CreateObject());
		item = cJSON_GetArrayItem(array, (int)i);
	}
	return item;
}

/* Stores value at path, creating the way there; takes ownership of value. */
int
answers_set(cJSON *answers, const char *path, const size_t *index,
    size_t nindex, cJSON *value)
{
	char seg[128];
	size_t used = 0;
	int list;

	for (;;) {
		if (next_segment(&path, seg, sizeof seg, &list) != 0)
			break;
		if (*path == '\0' && !list) {
			if (cJSON_HasObjectItem(answers, seg))
				cJSON_ReplaceItemInObjectCaseSensitive(answers,
				    seg, value);
			else
				cJSON_AddItemToObject(answers, seg, value);
			return 0;
		}
		answers = member(answers, seg, list);
		if (list) {
			if (used >= nindex)
				break;
			answers = slot(answers, index[used++]);
		}
		if (*path == '\0')
			break;
	}
	cJSON_Delete(value);
	return -1;
}

/* Carries answers and the index binding through expr_eval(). */
struct eval_ctx {
	const cJSON	*answers;
	const size_t	*index;
	size_t		 nindex;
};

/* Resolves a condition's name for expr_eval(). */
static const cJSON *
eval_lookup(const char *name, void *arg)
{
	struct eval_ctx *ctx = arg;

	return answers_get(ctx->answers, name, ctx->index, ctx->nindex);
}

/* Evaluates a condition against answers with index[] bound. */
int
answers_eval(const struct expr *e, const cJSON *answers, const size_t *index,
    size_t nindex)
{
	struct eval_ctx ctx = { answers, index, nindex };

	if (e == NULL)
		return 1;
	return expr_eval(e, eval_lookup, &ctx);
}

/* The last segment of a path without any "[]". */
char *
answers_leaf(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *leaf = dot != NULL ? dot + 1 : path;
	size_t len = strlen(leaf);

	if (len >= 2 && strcmp(leaf + len - 2, "[]") == 0)
		len -= 2;
	return xstrndup(leaf, len);
}

/* 1 when a value is there to be checked: not null, blank or []. */
int
answers_present(const cJSON *v)
{
	if (v == NULL || cJSON_IsNull(v) || cJSON_IsInvalid(v))
		return 0;
	if (cJSON_IsString(v))
		return !value_blank(v->valuestring);
	if (cJSON_IsArray(v))
		return v->child != NULL;
	return 1;
}
