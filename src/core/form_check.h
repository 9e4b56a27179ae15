/* form_check.h: the checks a loaded form must pass (internal to the loader):
 * paths unique, parents declared first, conditions naming known fields, and
 * each type given what it needs. Errors come back as an allocated *cause.
 */
#ifndef CERTWIZ_FORM_CHECK_H
#define CERTWIZ_FORM_CHECK_H

struct form;

/* Links each field to its parent and checks the form as a whole. */
int	form_check(struct form *form, char **cause);
/* Sets *cause to "file: field path: message" (or "file: message" when path
 * is NULL) and returns -1. */
int	form_error(char **cause, const char *file, const char *path,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
