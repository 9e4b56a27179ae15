/* tui_locale.c: the character set the curses screens draw in. Answers and
 * forms are UTF-8, so the screen wants a UTF-8 locale: the environment's,
 * else C.UTF-8, else en_US.UTF-8. When none exists the screen is drawn in
 * ASCII (tui_text.c) and the user is told once. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* The UTF-8 locales tried when the environment's is not. */
static const char *const utf8_locales[] = { "C.UTF-8", "en_US.UTF-8" };

/* 1 once the user was told the screen is drawn in ASCII. */
static int locale_told;

/* 1 when LC_CTYPE's character set is UTF-8. */
static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
}

/* Sets LC_CTYPE for the screen; returns NULL, or (the first time only)
 * an allocated sentence saying the screen is drawn in ASCII. */
char *
tui_locale(void)
{
	size_t i;

	setlocale(LC_CTYPE, "");
	for (i = 0; !locale_is_utf8() &&
	    i < sizeof utf8_locales / sizeof utf8_locales[0]; i++) {
		if (setlocale(LC_CTYPE, utf8_locales[i]) == NULL)
			setlocale(LC_CTYPE, "");
	}
	text_set_ascii(!locale_is_utf8());
	if (locale_is_utf8())
		return NULL;
#ifdef ENABLE_NLS
	/* Translations stay UTF-8 (tui_text.c draws them in ASCII), rather
	 * than gettext turning each letter it cannot convert into '?'. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
#endif
	if (locale_told)
		return NULL;
	locale_told = 1;
	return xstrdup(_("No UTF-8 locale (C.UTF-8 and en_US.UTF-8 were "
	    "tried): the screen is drawn in ASCII, accented letters without "
	    "their accents; the answers keep them as typed."));
}

/* The bytes of a UTF-8 character whose first byte is b. */
static int
locale_utf8_len(int b)
{
	return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
}

/* Reads one key like get_wch(). Drawing in ASCII, the locale cannot
 * decode what is typed, so the bytes are read one by one and decoded as
 * UTF-8 here: "ë" is kept, not dropped. Leaves the timeout at 0 after a
 * key (the caller reads what else is waiting). */
int
tui_get_key(wint_t *wc)
{
	char b[4];
	unsigned int cp;
	int c, i, len;

	if (!text_is_ascii())
		return get_wch(wc);
	if ((c = getch()) == ERR)
		return ERR;
	*wc = (wint_t)c;
	if (c >= KEY_MIN)
		return KEY_CODE_YES;
	if (c < 0x80)
		return OK;
	b[0] = (char)c;
	len = locale_utf8_len(c);
	timeout(50);
	for (i = 1; i < len && (c = getch()) != ERR && c < 0x100; i++)
		b[i] = (char)c;
	timeout(0);
	text_decode(b, (size_t)i, &cp);
	*wc = (wint_t)cp;
	return OK;
}
