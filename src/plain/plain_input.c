/* plain_input.c: plain mode's input: lines read from a file descriptor
 * into a buffer of its own that never keeps what was taken, and the
 * answer and secret reads on top of it. */
#include "config.h"

#include "plain/plain_int.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "util/secmem.h"
#include "util/signals.h"
#include "util/xalloc.h"

/* The first size of the buffer; it doubles for longer lines. */
#define PLAIN_IN_SIZE 4096

/* Input not yet taken: buf[0..len) (no copy of a line taken stays). */
struct plain_in {
	int	 fd;		/* -1: the buffer is all there is */
	char	*buf;
	size_t	 len;
	size_t	 cap;
	int	 eof;		/* the end (or an error) was read */
};

/* A reader of fd. */
struct plain_in *
plain_in_fd(int fd)
{
	struct plain_in *in = xcalloc(1, sizeof *in);

	in->fd = fd;
	in->cap = PLAIN_IN_SIZE;
	in->buf = xmalloc(in->cap);
	return in;
}

/* A reader of text that ends with it. */
struct plain_in *
plain_in_mem(const char *text, size_t len)
{
	struct plain_in *in = xcalloc(1, sizeof *in);

	in->fd = -1;
	in->eof = 1;
	in->cap = len > 0 ? len : 1;
	in->buf = xmalloc(in->cap);
	memcpy(in->buf, text, len);
	in->len = len;
	return in;
}

/* Wipes and releases a reader. */
void
plain_in_free(struct plain_in *in)
{
	if (in == NULL)
		return;
	explicit_bzero(in->buf, in->cap);
	free(in->buf);
	free(in);
}

/* Doubles the buffer, wiping the old one (it may hold a secret). */
static void
grow(struct plain_in *in)
{
	char *n = xmalloc(in->cap * 2);

	memcpy(n, in->buf, in->len);
	explicit_bzero(in->buf, in->cap);
	free(in->buf);
	in->buf = n;
	in->cap *= 2;
}

/* Waits until fd has input (or its end), or one of the wizard's signals
 * arrives; -1 when signalled. The signals are blocked while the flag is
 * checked and unblocked only inside ppoll(), so one arriving just before
 * the wait is never missed (a plain read would then block for good). */
static int
wait_input(int fd, volatile sig_atomic_t *signo)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	sigset_t block, old;
	int rc;

	if (signo == NULL)
		return 0;
	cw_signals_fill(&block);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (*signo == 0)
		(void)ppoll(&pfd, 1, NULL, &old);
	rc = *signo != 0 ? -1 : 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* Reads more of the input into the buffer; -1 when signalled. */
static int
fill(struct plain_in *in, volatile sig_atomic_t *signo)
{
	ssize_t n;

	if (in->len == in->cap)
		grow(in);
	for (;;) {
		if (wait_input(in->fd, signo) != 0)
			return -1;
		n = read(in->fd, in->buf + in->len, in->cap - in->len);
		if (n > 0)
			in->len += (size_t)n;
		else if (n < 0 && errno == EINTR)
			continue;
		else
			in->eof = 1;
		return 0;
	}
}

/* Takes the first n bytes out of the buffer as an allocated string,
 * wiping the place they leave. */
static char *
take(struct plain_in *in, size_t n, size_t skip)
{
	char *line = xmalloc(n + 1);

	memcpy(line, in->buf, n);
	line[n] = '\0';
	memmove(in->buf, in->buf + n + skip, in->len - n - skip);
	in->len -= n + skip;
	explicit_bzero(in->buf + in->len, n + skip);
	return line;
}

/* The next line without its newline (allocated), or NULL at the end of
 * the input or on a signal (then *signo is set). */
static char *
next_line(struct plain_in *in, volatile sig_atomic_t *signo)
{
	char *nl;

	for (;;) {
		if ((nl = memchr(in->buf, '\n', in->len)) != NULL)
			return take(in, (size_t)(nl - in->buf), 1);
		if (in->eof)
			return in->len > 0 ? take(in, in->len, 0) : NULL;
		if (fill(in, signo) != 0)
			return NULL;
	}
}

/* Reads one answer line into *line; sets w->stop at EOF or on a signal. */
int
plain_read(struct walk *w, char **line)
{
	fflush(w->out);
	*line = NULL;
	if (w->o->signo == NULL || *w->o->signo == 0)
		*line = next_line(w->in, w->o->signo);
	if (w->o->signo != NULL && *w->o->signo != 0)
		w->stop = STOP_SIGNAL;
	else if (*line == NULL)
		w->stop = STOP_EOF;
	if (w->stop != STOP_NONE) {
		secmem_free(*line);	/* it may be a secret */
		*line = NULL;
		return -1;
	}
	(*line)[strcspn(*line, "\r\n")] = '\0';
	return 0;
}

/* Reads one secret answer with the terminal's echo off (when the input is
 * one); the reader keeps no copy of it. */
int
plain_read_secret(struct walk *w, char **line)
{
	struct termios old, quiet;
	int fd = w->in->fd, tty, rc;

	tty = fd >= 0 && isatty(fd) && tcgetattr(fd, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	rc = plain_read(w, line);
	if (tty)
		tcsetattr(fd, TCSAFLUSH, &old);
	return rc;
}
