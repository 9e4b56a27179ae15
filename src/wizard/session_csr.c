/* session_csr.c: what the CSR at a slot holds, in words, and setting the
 * key fields its form names (key_type, key_size) from it. */
#include "config.h"

#include "wizard/session.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csr.h"
#include "core/form.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Reads the CSR answered at a slot; 0 with *info, -1 with *msg. */
static int
read_slot(const struct session *s, const struct slot *slot,
    struct csr_info *info, char **msg)
{
	char *text = session_get_text(s, slot), *cause = NULL;
	int rc = 0;

	*msg = NULL;
	if (s->form->fields[slot->field].type != FT_CSR || *text == '\0')
		rc = -1;
	else if (csr_inspect(text, info, &cause) != 0) {
		*msg = xasprintf(_("CSR not read (only its frame is checked): "
		    "%s"), cause);
		free(cause);
		rc = -1;
	}
	free(text);
	return rc;
}

/* The CSR at a slot in words, or NULL when the slot holds none. */
char *
session_csr_words(const struct session *s, const struct slot *slot)
{
	struct csr_info info;
	char *msg, *words;

	if (read_slot(s, slot, &info, &msg) != 0)
		return msg;
	words = csr_info_words(&info);
	csr_info_free(&info);
	return words;
}

/* Sets the field at path (outside any list) to text; its error or NULL. */
static char *
set_path(struct session *s, const char *path, const char *text)
{
	struct slot sl;

	memset(&sl, 0, sizeof sl);
	sl.field = SIZE_MAX;
	if (form_find(s->form, path) != NULL)
		sl.field = (size_t)(form_find(s->form, path) - s->form->fields);
	if (sl.field == SIZE_MAX)
		return xasprintf(_("the form has no field %s"), path);
	sl.path = (char *)path;
	sl.item = -1;
	return session_set_text(s, &sl, text);
}

/* Sets the key fields the CSR field at slot names from its key. */
int
session_csr_set_keys(struct session *s, const struct slot *slot,
    char **msg)
{
	const struct field *f = &s->form->fields[slot->field];
	struct csr_info info;
	char *err = NULL;
	int rc;

	if (f->type != FT_CSR || f->key_type == NULL) {
		*msg = xstrdup(_("this field names no key type to set"));
		return -1;
	}
	if (read_slot(s, slot, &info, msg) != 0) {
		if (*msg == NULL)
			*msg = xstrdup(
			    _("there is no CSR to read the key from"));
		return -1;
	}
	if (info.problem != NULL || info.key_type[0] == '\0') {
		*msg = xasprintf(_("the key cannot be read from this CSR (%s)"),
		    info.problem != NULL ? info.problem : info.name);
		csr_info_free(&info);
		return -1;
	}
	err = set_path(s, f->key_type, info.key_type);
	if (err == NULL && f->key_size != NULL && info.key_size[0] != '\0')
		err = set_path(s, f->key_size, info.key_size);
	if (err != NULL)
		*msg = xasprintf(_("the key fields were not set: %s"), err);
	else
		*msg = xasprintf(_("key type %s%s%s set from the CSR"),
		    info.key_type, f->key_size != NULL ? _(" and size ") : "",
		    f->key_size != NULL ? info.key_size : "");
	csr_info_free(&info);
	rc = err != NULL ? -1 : 0;
	free(err);
	return rc;
}
