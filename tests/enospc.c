/* enospc.c: an LD_PRELOAD shim for tests/faults.sh: write(), writev(),
 * fsync() and fdatasync() on files under $ENOSPC_DIR fail with ENOSPC, as on
 * a full disk. Everything else goes to the C library. Built by the test with
 * cc -shared -fPIC (not part of the program). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/* 1 when fd is a file under $ENOSPC_DIR. */
static int
full(int fd)
{
	const char *dir = getenv("ENOSPC_DIR");
	char link[64], path[PATH_MAX];
	ssize_t n;

	if (dir == NULL || *dir == '\0')
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof path - 1)) < 0)
		return 0;
	path[n] = '\0';
	return strncmp(path, dir, strlen(dir)) == 0;
}

/* The next definition of a function, after this shim. */
static void *
next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	ssize_t (*real)(int, const void *, size_t) =
	    (ssize_t (*)(int, const void *, size_t))next("write");

	if (full(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, len);
}

ssize_t
writev(int fd, const struct iovec *iov, int n)
{
	ssize_t (*real)(int, const struct iovec *, int) =
	    (ssize_t (*)(int, const struct iovec *, int))next("writev");

	if (full(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, iov, n);
}

int
fsync(int fd)
{
	int (*real)(int) = (int (*)(int))next("fsync");

	if (full(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}

int
fdatasync(int fd)
{
	int (*real)(int) = (int (*)(int))next("fdatasync");

	if (full(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}
