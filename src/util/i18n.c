/* i18n.c: opening the message catalogue and translating form strings. */
#include "util/i18n.h"

#include <locale.h>

/* Sets the locale categories certwiz uses and binds its catalogue. */
void
i18n_init(void)
{
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
}

/* Looks a form's string up in the catalogue. */
const char *
form_text(const char *s)
{
	if (s == NULL || *s == '\0')
		return s;
	return _(s);
}
