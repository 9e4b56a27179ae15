/* session.c: a wizard session: starting one, and which screens and slots
 * apply with the answers as they are.
 *
 * Defaults: session_new() fills the default of every field that is not a
 * member of a list item, optional objects included (Shipping speed
 * STANDARD, Server platform ID -1). An optional object whose answers are
 * all defaults is not sent (session_sent.c), so a default alone never puts
 * an object in the body.
 */
#include "config.h"

#include "wizard/session.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/order.h"
#include "core/problems.h"
#include "util/secmem.h"
#include "util/xalloc.h"

/* A growing array of slots. */
struct slots {
	struct slot	*v;
	size_t		 n;
};

/* 1 when a field gets its default: it has one and no ancestor is a list. */
static int
default_applies(const struct form *form, size_t fi)
{
	const struct field *f = &form->fields[fi];

	if (f->dflt == NULL)
		return 0;
	for (fi = f->parent; fi != SIZE_MAX; fi = form->fields[fi].parent) {
		if (form->fields[fi].type != FT_OBJECT)
			return 0;
	}
	return 1;
}

/* Fills the defaults of fields not answered yet. */
void
session_fill_defaults(const struct form *form, cJSON *answers)
{
	size_t i;

	for (i = 0; i < form->nfields; i++) {
		if (!default_applies(form, i) ||
		    answers_get(answers, form->fields[i].path, NULL, 0) != NULL)
			continue;
		answers_set(answers, form->fields[i].path, NULL, 0,
		    cJSON_Duplicate(form->fields[i].dflt, 1));
	}
}

/* Starts a session with every default filled in. */
struct session *
session_new(const struct form *form, time_t now)
{
	struct session *s = xcalloc(1, sizeof *s);

	s->form = form;
	s->now = now;
	s->answers = cJSON_CreateObject();
	session_fill_defaults(form, s->answers);
	return s;
}

/* Starts a session from an existing body; unknown fields become warnings. */
struct session *
session_load(const struct form *form, const cJSON *body, time_t now,
    struct problems *p)
{
	struct session *s = xcalloc(1, sizeof *s);

	s->form = form;
	s->now = now;
	s->answers = order_load(form, body, p);
	session_fill_defaults(form, s->answers);
	return s;
}

/* Releases a session and its answers. */
void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	json_wipe(s->answers);	/* card data, also when not sent */
	cJSON_Delete(s->answers);
	free(s->notice);
	free(s);
}

/* 1 when screen i is shown with the answers as they are. */
int
session_screen_shown(const struct session *s, size_t screen)
{
	if (screen >= s->form->nscreens)
		return 0;
	return answers_eval(s->form->screens[screen].when, s->answers, NULL, 0);
}

/* 1 when field fi and all its ancestors apply with index[] bound. */
static int
field_applies(const struct session *s, size_t fi, const size_t *index,
    size_t nindex)
{
	for (; fi != SIZE_MAX; fi = s->form->fields[fi].parent) {
		if (!answers_eval(s->form->fields[fi].when, s->answers, index,
		    nindex))
			return 0;
	}
	return 1;
}

/* The nearest ancestor of fi that is a list of objects, or SIZE_MAX. */
static size_t
list_ancestor(const struct form *form, size_t fi)
{
	for (fi = form->fields[fi].parent; fi != SIZE_MAX;
	    fi = form->fields[fi].parent) {
		if (form->fields[fi].type == FT_OBJECT_LIST)
			return fi;
	}
	return SIZE_MAX;
}

/* Writes path with each "[]" replaced by the next index; allocated. */
static char *
concrete_path(const char *path, const size_t *index, size_t nindex)
{
	char *out = xstrdup(""), *next;
	const char *p;
	size_t used = 0;

	while ((p = strstr(path, "[]")) != NULL && used < nindex) {
		next = xasprintf("%s%.*s[%zu]", out, (int)(p - path), path,
		    index[used++]);
		free(out);
		out = next;
		path = p + 2;
	}
	next = xasprintf("%s%s", out, path);
	free(out);
	return next;
}

/* Appends a slot. */
static void
slots_add(struct slots *a, size_t fi, const size_t *index, size_t nindex,
    char *path, int item)
{
	struct slot *sl;

	a->v = xreallocarray(a->v, a->n + 1, sizeof *a->v);
	sl = &a->v[a->n++];
	memset(sl, 0, sizeof *sl);
	sl->field = fi;
	if (nindex > 0)
		memcpy(sl->index, index, nindex * sizeof *index);
	sl->nindex = nindex;
	sl->path = path;
	sl->item = item;
}

static void add_field(const struct session *, struct slots *, size_t,
    size_t *, size_t);

/* Adds the slots of a list's items after the list's own slot. */
static void
add_items(const struct session *s, struct slots *a, size_t fi, size_t *index,
    size_t nindex)
{
	const struct field *f = &s->form->fields[fi];
	const cJSON *list = answers_get(s->answers, f->path, index, nindex);
	size_t i, n, c;
	char *base;

	n = cJSON_IsArray(list) ? (size_t)cJSON_GetArraySize(list) : 0;
	for (i = 0; i < n; i++) {
		if (f->type == FT_LIST) {
			base = concrete_path(f->path, index, nindex);
			slots_add(a, fi, index, nindex,
			    xasprintf("%s[%zu]", base, i), (int)i);
			free(base);
			continue;
		}
		if (nindex >= ANSWERS_MAX_DEPTH)
			return;
		index[nindex] = i;
		for (c = fi + 1; c < s->form->nfields; c++) {
			if (list_ancestor(s->form, c) == fi)
				add_field(s, a, c, index, nindex + 1);
		}
	}
}

/* Adds field fi's slot (and its items, for a list) when it applies. */
static void
add_field(const struct session *s, struct slots *a, size_t fi, size_t *index,
    size_t nindex)
{
	const struct field *f = &s->form->fields[fi];

	if (!field_applies(s, fi, index, nindex))
		return;
	slots_add(a, fi, index, nindex, concrete_path(f->path, index, nindex),
	    -1);
	if (f->type == FT_LIST || f->type == FT_OBJECT_LIST)
		add_items(s, a, fi, index, nindex);
}

/* The slots of screen i that apply now, in form order, lists expanded. */
size_t
session_slots(const struct session *s, size_t screen, struct slot **out)
{
	struct slots a = { NULL, 0 };
	const struct screen *sc;
	size_t index[ANSWERS_MAX_DEPTH], fi;

	*out = NULL;
	if (screen >= s->form->nscreens)
		return 0;
	sc = &s->form->screens[screen];
	for (fi = sc->first; fi < sc->first + sc->count; fi++) {
		if (list_ancestor(s->form, fi) == SIZE_MAX)
			add_field(s, &a, fi, index, 0);
	}
	*out = a.v;
	return a.n;
}

/* Releases an array from session_slots(). */
void
session_slots_free(struct slot *slots, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(slots[i].path);
	free(slots);
}
