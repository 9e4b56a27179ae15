/* i18n.h: translated text through GNU gettext (a no-op with
 * --disable-nls).
 *
 * _() marks and translates a program message, N_() only marks one (for
 * tables translated where they are shown). form_text() translates a
 * string from a form file (label, help, screen title, product title or
 * summary), which po/form-strings puts into the catalogue; JSON output,
 * paths and values never go through either.
 *
 * Ownership: the strings returned belong to the catalogue (or are the
 * argument itself): never freed, never written.
 */
#ifndef CERTWIZ_I18N_H
#define CERTWIZ_I18N_H

#include "config.h"

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	((char *)(s))
#endif
#define N_(s)	s

/* Sets LC_CTYPE and LC_MESSAGES from the environment and opens the
 * catalogue; LC_NUMERIC and LC_TIME stay C, so numbers and dates printed
 * and parsed keep one form. */
void		 i18n_init(void);
/* Turns translation off (LC_MESSAGES C) for --json: every message in JSON
 * output, and the errors beside it, stay in English. */
void		 i18n_untranslated(void);
/* A form's string in the user's language; NULL and "" come back as they
 * are ("" would otherwise give the catalogue's header). */
const char	*form_text(const char *s);

#endif
