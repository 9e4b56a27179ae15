/* problems.c: the errors and warnings found in an order. */
#include "config.h"

#include "core/problems.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/xalloc.h"

/* Adds a problem at path. */
void
problems_add(struct problems *p, int warning, const char *path,
    const char *fmt, ...)
{
	struct problem *pr;
	va_list ap;

	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	pr = &p->v[p->n++];
	pr->warning = warning;
	pr->missing = 0;
	pr->path = xstrdup(path);
	va_start(ap, fmt);
	pr->message = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Counts the errors. */
size_t
problems_errors(const struct problems *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		n += !p->v[i].warning;
	return n;
}

/* Releases everything the list holds. */
void
problems_free(struct problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].message);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}
