/* session_next.c: where an answer is still needed: the fields with an
 * error, in form order over the screens shown, so that a front end can go
 * from one to the next (Enter in the curses wizard). */
#include "config.h"

#include "wizard/session.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/field_type.h"
#include "core/form.h"
#include "core/problems.h"
#include "util/xalloc.h"

/* A field the focus can rest on: its screen and concrete path. */
struct spot {
	size_t	 screen;
	char	*path;
	int	 needed;
};

/* The spots of every shown screen, in form order. */
struct spots {
	struct spot	*v;
	size_t		 n;
};

/* 1 when a slot is an object's heading, which holds no value itself. */
int
session_slot_heading(const struct session *s, const struct slot *slot)
{
	return slot->item < 0 &&
	    field_types[s->form->fields[slot->field].type].widget ==
	    FW_HEADING;
}

/* 1 when a field (not a list's own line) is required now and has no
 * answer: the fields of a list item left empty, which the body leaves
 * out and so no error names. */
static int
required_empty(const struct session *s, const struct slot *slot)
{
	char *text;
	int empty;

	if (slot->item < 0 && field_types[s->form->fields[slot->field].type]
	    .widget == FW_LIST)
		return 0;
	if (!session_slot_required(s, slot))
		return 0;
	text = session_get_text(s, slot);
	empty = *text == '\0';
	free(text);
	return empty;
}

/* Collects the slots of the shown screens that are not headings, each
 * marked when it is required now and empty. */
static void
spots_gather(const struct session *s, struct spots *a)
{
	struct slot *slots;
	size_t sc, i, n;

	a->v = NULL;
	a->n = 0;
	for (sc = 0; sc < s->form->nscreens; sc++) {
		if (!session_screen_shown(s, sc))
			continue;
		n = session_slots(s, sc, &slots);
		for (i = 0; i < n; i++) {
			if (session_slot_heading(s, &slots[i]))
				continue;
			a->v = xreallocarray(a->v, a->n + 1, sizeof *a->v);
			a->v[a->n].screen = sc;
			a->v[a->n].path = xstrdup(slots[i].path);
			a->v[a->n++].needed = required_empty(s, &slots[i]);
		}
		session_slots_free(slots, n);
	}
}

/* Releases what spots_gather() collected. */
static void
spots_free(struct spots *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i].path);
	free(a->v);
}

/* 1 when path p lies inside the object or list at path q. */
static int
path_inside(const char *p, const char *q)
{
	size_t lq = strlen(q);

	return lq > 0 && strncmp(p, q, lq) == 0 &&
	    (p[lq] == '.' || p[lq] == '[');
}

/* The spot an error at path belongs to: the field at that path, else the
 * first field inside the object or list it names; SIZE_MAX when none. */
static size_t
spots_find(const struct spots *a, const char *path)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		if (strcmp(a->v[i].path, path) == 0)
			return i;
	}
	for (i = 0; i < a->n; i++) {
		if (path_inside(a->v[i].path, path))
			return i;
	}
	return SIZE_MAX;
}

/* Marks the spots that hold an error of p too. */
static void
spots_mark(struct spots *a, const struct problems *p)
{
	size_t i, at;

	for (i = 0; i < p->n && a->n > 0; i++) {
		if (p->v[i].warning || *p->v[i].path == '\0')
			continue;
		if ((at = spots_find(a, p->v[i].path)) != SIZE_MAX)
			a->v[at].needed = 1;
	}
}

/* Where a search starts: the spot after (screen, after), else the first
 * spot from that screen on; *skip gets the spot left out (after's own). */
static size_t
spots_start(const struct spots *a, size_t screen, const char *after,
    size_t *skip)
{
	size_t i;

	*skip = SIZE_MAX;
	for (i = 0; after != NULL && i < a->n; i++) {
		if (a->v[i].screen == screen &&
		    strcmp(a->v[i].path, after) == 0) {
			*skip = i;
			return i + 1;
		}
	}
	for (i = 0; i < a->n; i++) {
		if (a->v[i].screen >= screen)
			return i;
	}
	return 0;
}

/* Finds the next field that still needs an answer. */
int
session_next_needed(const struct session *s, const struct problems *p,
    size_t screen, const char *after, size_t *screen_out, char **path_out)
{
	struct spots a;
	size_t start, skip, i, j;
	int rc = -1;

	spots_gather(s, &a);
	spots_mark(&a, p);
	start = spots_start(&a, screen, after, &skip);
	for (i = 0; i < a.n && rc != 0; i++) {
		j = (start + i) % a.n;
		if (j == skip || !a.v[j].needed)
			continue;
		*screen_out = a.v[j].screen;
		*path_out = xstrdup(a.v[j].path);
		rc = 0;
	}
	spots_free(&a);
	return rc;
}

/* 1 when the slot holds one of p's errors (an object's error counts for
 * its first field). */
int
session_slot_needed(const struct session *s, const struct problems *p,
    size_t screen, const struct slot *slot)
{
	struct spots a;
	size_t i;
	int needed = 0;

	spots_gather(s, &a);
	spots_mark(&a, p);
	for (i = 0; i < a.n; i++) {
		if (a.v[i].screen == screen &&
		    strcmp(a.v[i].path, slot->path) == 0)
			needed = a.v[i].needed;
	}
	spots_free(&a);
	return needed;
}
