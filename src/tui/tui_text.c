/* tui_text.c: text on the curses screen measured in display columns
 * (wcwidth), not bytes or characters: drawing a line cut to a width,
 * wrapping at word boundaries, padding table cells, and line drawing. The
 * text is always UTF-8; without a UTF-8 locale (tui_locale.c) it is drawn
 * in ASCII: accented letters without their accents, dashes and quotes as
 * their ASCII look-alikes, anything else as one '?', and boxes and lines
 * with - | +. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/xalloc.h"

/* 1 when the screen is drawn in ASCII (terminal state: no UTF-8 locale). */
static int text_ascii;

/* The base letters of U+00C0 to U+017F, for drawing in ASCII. */
static const char latin_base[] =
    "AAAAAAACEEEEIIII" "DNOOOOOxOUUUUYTs" "aaaaaaaceeeeiiii"
    "dnooooo/ouuuuyty" "AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi" "IiJjJjKkkLlLlLlL" "lLlNnNnNnnNnOoOo"
    "OoOoRrRrRrSsSsSs" "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";

/* Punctuation drawn in ASCII as a look-alike. */
static const struct {
	unsigned int	 cp;
	const char	*ascii;
} text_punct[] = {
	{ 0x00a0, " " }, { 0x00ab, "<" }, { 0x00bb, ">" }, { 0x00b7, "." },
	{ 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" },
	{ 0x2014, "-" }, { 0x2015, "-" }, { 0x2018, "'" }, { 0x2019, "'" },
	{ 0x201a, "'" }, { 0x201c, "\"" }, { 0x201d, "\"" },
	{ 0x201e, "\"" }, { 0x2022, "*" }, { 0x2026, "..." },
	{ 0x2192, "->" }, { 0x2190, "<-" },
};

/* Draws in ASCII from now on (on is 1) or in the locale's characters. */
void
text_set_ascii(int on)
{
	text_ascii = on;
}

/* 1 when the screen is drawn in ASCII. */
int
text_is_ascii(void)
{
	return text_ascii;
}

/* Decodes one UTF-8 character of s (n bytes left, n > 0) into *cp;
 * returns its length. A byte that starts no valid character is one
 * character U+FFFD. */
size_t
text_decode(const char *s, size_t n, unsigned int *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	unsigned int c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	len = u[0] >= 0xf0 && u[0] < 0xf5 ? 4 : u[0] >= 0xe0 ? 3 :
	    u[0] >= 0xc2 && u[0] < 0xe0 ? 2 : 0;
	if (u[0] >= 0xf5)
		len = 0;
	c = len == 2 ? u[0] & 0x1fu : len == 3 ? u[0] & 0x0fu : u[0] & 0x07u;
	for (i = 1; i < len; i++) {
		if (i >= n || (u[i] & 0xc0) != 0x80)
			break;
		c = (c << 6) | (u[i] & 0x3fu);
	}
	if (len == 0 || i < len || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff)) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return len;
}

/* The ASCII look-alike of a character drawn in ASCII. */
static const char *
text_ascii_of(unsigned int cp, char buf[2])
{
	size_t i;

	buf[1] = '\0';
	if (cp >= 0x20 && cp < 0x7f) {
		buf[0] = (char)cp;
		return buf;
	}
	if (cp >= 0xc0 && cp < 0x180 && latin_base[cp - 0xc0] != '\0') {
		buf[0] = latin_base[cp - 0xc0];
		return buf;
	}
	for (i = 0; i < sizeof text_punct / sizeof text_punct[0]; i++) {
		if (text_punct[i].cp == cp)
			return text_punct[i].ascii;
	}
	return "?";
}

/* What a character is drawn as: a control character as '?' and a line
 * break as an arrow (or a space in ASCII); *cols gets its columns. */
static unsigned int
text_glyph(unsigned int cp, int *cols)
{
	char buf[2];
	int w;

	if (cp == '\n')
		cp = text_ascii ? ' ' : 0x21b5;
	else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		cp = '?';
	if (text_ascii) {
		*cols = (int)strlen(text_ascii_of(cp, buf));
		return cp;
	}
	if ((w = wcwidth((wchar_t)cp)) < 0) {
		cp = '?';
		w = 1;
	}
	*cols = w;
	return cp;
}

/* The columns of the whole characters in the first n bytes of s, from
 * the first on until they cover want columns or the text ends. */
static size_t
text_cols(const char *s, size_t n, size_t want)
{
	size_t r, cols = 0;
	unsigned int cp;
	int w;

	while (n > 0 && *s != '\0' && cols < want) {
		r = text_decode(s, n, &cp);
		s += r;
		n -= r;
		text_glyph(cp, &w);
		cols += (size_t)w;
	}
	return cols;
}

/* The display columns of the first n bytes of s as draw_text() draws
 * them. */
size_t
text_width_n(const char *s, size_t n)
{
	return text_cols(s, n, SIZE_MAX);
}

/* The display columns of s as draw_text() draws it. */
size_t
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* The columns of the leading whole characters of s that cover at least
 * want columns (so a wide character is skipped whole). */
size_t
text_skip_cols(const char *s, size_t want)
{
	return text_cols(s, strlen(s), want);
}

/* The byte length of the longest start of s that fits width columns
 * (one character at least, so a row always moves on). */
size_t
text_fit(const char *s, size_t width)
{
	size_t n = strlen(s), i = 0, r, cols = 0;
	unsigned int cp;
	int w;

	while (i < n) {
		r = text_decode(s + i, n - i, &cp);
		text_glyph(cp, &w);
		if (cols + (size_t)w > width && i > 0)
			break;
		cols += (size_t)w;
		i += r;
	}
	return i;
}

/* Draws one character at the cursor. */
static void
text_put(unsigned int cp)
{
	char buf[2];
	wchar_t wc = (wchar_t)cp;

	if (text_ascii)
		addstr(text_ascii_of(cp, buf));
	else
		addnwstr(&wc, 1);
}

/* Draws UTF-8 text at (y, x) within width columns, after skipping skip
 * columns of whole characters; returns the columns used. */
int
draw_text(int y, int x, int width, const char *s, size_t skip,
    unsigned int attr)
{
	size_t n = strlen(s), r, skipped = 0;
	unsigned int cp;
	int col = 0, w;

	move(y, x);
	attrset(attr);
	while (n > 0 && col < width) {
		r = text_decode(s, n, &cp);
		s += r;
		n -= r;
		cp = text_glyph(cp, &w);
		if (skipped < skip) {
			skipped += (size_t)w;
			continue;
		}
		if (col + w > width)
			break;
		text_put(cp);
		col += w;
	}
	attrset(A_NORMAL);
	return col;
}

/* The byte length of the next line of s wrapped to width columns, broken
 * after a space where one is (a longer word is cut); *next gets where the
 * line after it starts. */
size_t
draw_wrap(const char *s, size_t width, size_t *next)
{
	size_t i = 0, n = strlen(s), r, cols = 0, brk = 0;
	unsigned int cp;
	int w;

	while (i < n) {
		if (s[i] == '\n') {
			*next = i + 1;
			return i;
		}
		r = text_decode(s + i, n - i, &cp);
		text_glyph(cp, &w);
		if (cols + (size_t)w > width && i > 0) {
			if (brk == 0)
				brk = i;
			*next = brk;
			while (s[*next] == ' ')
				(*next)++;
			while (brk > 0 && s[brk - 1] == ' ')
				brk--;
			return brk;
		}
		cols += (size_t)w;
		i += r;
		if (cp == ' ')
			brk = i;
	}
	*next = i;
	return i;
}

/* The number of rows s takes wrapped to width columns. */
int
text_rows(const char *s, int width)
{
	size_t next;
	int rows = 0;

	if (width < 1)
		width = 1;
	for (; *s != '\0'; s += next, rows++)
		draw_wrap(s, (size_t)width, &next);
	return rows;
}

/* Draws s wrapped to width columns from row y, leaving out its first skip
 * rows and drawing at most rows; returns the rows drawn. */
int
draw_para(int y, int x, int width, int rows, const char *s, int skip,
    unsigned int attr)
{
	size_t len, next;
	char *line;
	int i = 0;

	for (; *s != '\0' && i < rows; s += next) {
		len = draw_wrap(s, (size_t)width, &next);
		if (skip > 0) {
			skip--;
			continue;
		}
		line = xstrndup(s, len);
		draw_text(y + i++, x, width, line, 0, attr);
		free(line);
	}
	return i;
}

/* s followed by spaces up to cols display columns (never cut);
 * allocated. */
char *
text_pad(const char *s, size_t cols)
{
	size_t w = text_width(s), n = strlen(s);
	char *out;

	if (w >= cols)
		return xstrdup(s);
	out = xmalloc(n + cols - w + 1);
	memcpy(out, s, n);
	memset(out + n, ' ', cols - w);
	out[n + cols - w] = '\0';
	return out;
}

/* Draws a horizontal line of n columns at (y, x). */
void
draw_hline(int y, int x, int n)
{
	if (n > 0)
		mvhline(y, x, text_ascii ? '-' : ACS_HLINE, n);
}

/* Draws an empty framed box. */
void
draw_box(int y, int x, int h, int w)
{
	chtype v = text_ascii ? '|' : ACS_VLINE;
	int i;

	for (i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	draw_hline(y, x + 1, w - 2);
	draw_hline(y + h - 1, x + 1, w - 2);
	mvvline(y + 1, x, v, h - 2);
	mvvline(y + 1, x + w - 1, v, h - 2);
	mvaddch(y, x, text_ascii ? '+' : ACS_ULCORNER);
	mvaddch(y, x + w - 1, text_ascii ? '+' : ACS_URCORNER);
	mvaddch(y + h - 1, x, text_ascii ? '+' : ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, text_ascii ? '+' : ACS_LRCORNER);
}
