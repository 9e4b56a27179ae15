/* tui_edit.c: a one-field line editor over a UTF-8 buffer with a cursor. */
#include "config.h"

#include "tui/tui_int.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Control keys the editor knows. */
#define CTRL_A	0x01
#define CTRL_E	0x05
#define CTRL_U	0x15

/* Makes room for n more bytes and the terminating NUL. */
static void
edit_grow(struct tui_edit *e, size_t n)
{
	/* buf is NULL only while cap is 0; tested too for scan-build, which
	 * cannot follow that and reports buf[n] as a NULL dereference. */
	if (e->buf != NULL && e->len + n + 1 <= e->cap)
		return;
	e->cap = (e->len + n + 1) * 2;
	e->buf = xreallocarray(e->buf, e->cap, 1);
}

/* Replaces the text and puts the cursor at its end. */
void
edit_set(struct tui_edit *e, const char *text)
{
	size_t n = text == NULL ? 0 : strlen(text);

	e->len = 0;
	edit_grow(e, n);
	if (n > 0)
		memcpy(e->buf, text, n);
	e->len = e->cur = n;
	e->buf[n] = '\0';
}

/* Releases the buffer. */
void
edit_free(struct tui_edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

/* Inserts n bytes at the cursor and moves past them. */
void
edit_insert(struct tui_edit *e, const char *bytes, size_t n)
{
	edit_grow(e, n);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, bytes, n);
	e->len += n;
	e->cur += n;
}

/* Inserts one code point, encoded as UTF-8. */
void
edit_insert_wc(struct tui_edit *e, unsigned int wc)
{
	char b[4];
	size_t n;

	if (wc < 0x80) {
		b[0] = (char)wc;
		n = 1;
	} else if (wc < 0x800) {
		b[0] = (char)(0xc0 | (wc >> 6));
		b[1] = (char)(0x80 | (wc & 0x3f));
		n = 2;
	} else if (wc < 0x10000) {
		if (wc >= 0xd800 && wc <= 0xdfff)
			return;
		b[0] = (char)(0xe0 | (wc >> 12));
		b[1] = (char)(0x80 | ((wc >> 6) & 0x3f));
		b[2] = (char)(0x80 | (wc & 0x3f));
		n = 3;
	} else if (wc < 0x110000) {
		b[0] = (char)(0xf0 | (wc >> 18));
		b[1] = (char)(0x80 | ((wc >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((wc >> 6) & 0x3f));
		b[3] = (char)(0x80 | (wc & 0x3f));
		n = 4;
	} else
		return;
	edit_insert(e, b, n);
}

/* The byte offset of the character before the cursor. */
static size_t
edit_prev(const struct tui_edit *e)
{
	size_t i = e->cur;

	while (i > 0 && (e->buf[--i] & 0xc0) == 0x80)
		;
	return i;
}

/* The byte offset of the character after the cursor. */
static size_t
edit_next(const struct tui_edit *e)
{
	size_t i = e->cur;

	if (i < e->len)
		i++;
	while (i < e->len && (e->buf[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Removes bytes [from, to) and puts the cursor at from. */
static void
edit_cut(struct tui_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

/* Handles an editing key. */
int
edit_key(struct tui_edit *e, int key)
{
	if (e->buf == NULL)
		edit_set(e, "");
	switch (key) {
	case KEY_LEFT:
		e->cur = edit_prev(e);
		return 0;
	case KEY_RIGHT:
		e->cur = edit_next(e);
		return 0;
	case KEY_HOME:
	case CTRL_A:
		e->cur = 0;
		return 0;
	case KEY_END:
	case CTRL_E:
		e->cur = e->len;
		return 0;
	case KEY_BACKSPACE:
	case 0x7f:
	case 0x08:
		if (e->cur == 0)
			return 0;
		edit_cut(e, edit_prev(e), e->cur);
		return 1;
	case KEY_DC:
		if (e->cur == e->len)
			return 0;
		edit_cut(e, e->cur, edit_next(e));
		return 1;
	case CTRL_U:
		edit_set(e, "");
		return 1;
	}
	return -1;
}

/* The text ("" when empty). */
const char *
edit_text(const struct tui_edit *e)
{
	return e->buf == NULL ? "" : e->buf;
}
