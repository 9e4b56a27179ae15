/* i18n.c: opening the message catalogue and translating form strings. */
#include "config.h"

#include "util/i18n.h"

#include <locale.h>
#include <stdlib.h>

/* Sets the locale categories certwiz uses and binds its catalogue (from
 * $CERTWIZ_LOCALEDIR when set: tests, an unpacked package). */
void
i18n_init(void)
{
#ifdef ENABLE_NLS
	const char *dir = getenv("CERTWIZ_LOCALEDIR");
#endif

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
}

/* Leaves every message in English from now on. */
void
i18n_untranslated(void)
{
	setlocale(LC_MESSAGES, "C");
}

/* Looks a form's string up in the catalogue. */
const char *
form_text(const char *s)
{
	if (s == NULL || *s == '\0')
		return s;
	return _(s);
}
