/* ttytime.c: starts a program on a pseudo-terminal, prints how long it
 * took until a string appeared in its output, optionally types keys, and
 * prints the child's peak RSS.
 *   ttytime [-c COLS] [-r ROWS] [-k KEYFILE] [-d MS] [-e END] [-t SEC]
 *           WAIT PROGRAM [ARG]...
 * Each line of KEYFILE is one key (its bytes written at once), sent DELAY
 * ms apart once WAIT has appeared. Without -k the child gets SIGTERM as
 * soon as WAIT appears. With -e, the keys are followed by a wait for END.
 * Output: first_us=N total_us=N maxrss_kb=N status=N out_bytes=N, the last
 * being how many bytes the program wrote to the terminal after WAIT. */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static char	 seen[1 << 16];
static size_t	 seen_len;
static long long out_bytes;	/* written to the terminal in all */

/* Returns the monotonic clock in microseconds. */
static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* Reads what the child wrote for up to ms milliseconds; returns -1 at EOF.
 * Keeps a tail of the output in seen. */
static int
drain(int fd, int ms)
{
	struct pollfd	 p = { fd, POLLIN, 0 };
	char		 buf[8192];
	ssize_t		 n;

	if (poll(&p, 1, ms) <= 0)
		return 0;
	if ((n = read(fd, buf, sizeof buf)) <= 0)
		return -1;
	out_bytes += n;
	if (seen_len + (size_t)n >= sizeof seen) {
		size_t keep = sizeof seen / 2;

		memmove(seen, seen + seen_len - keep, keep);
		seen_len = keep;
	}
	memcpy(seen + seen_len, buf, (size_t)n);
	seen_len += (size_t)n;
	seen[seen_len] = '\0';
	return 1;
}

/* Waits until s appears in the output (then forgets the output so far);
 * returns 0, or -1 on EOF or when the deadline passes. */
static int
wait_for(int fd, const char *s, long long deadline)
{
	while (memmem(seen, seen_len, s, strlen(s)) == NULL) {
		if (now_us() > deadline || drain(fd, 50) < 0)
			return -1;
	}
	seen_len = 0;
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize	 ws = { 30, 100, 0, 0 };
	struct rusage	 ru;
	const char	*keyfile = NULL, *end = NULL;
	int		 c, fd, status = 0, delay = 20, timeout = 60;
	long long	 t0, first = -1, deadline, at_first = 0;
	pid_t		 pid;

	while ((c = getopt(argc, argv, "+c:r:k:d:e:t:")) != -1) {
		switch (c) {
		case 'c': ws.ws_col = atoi(optarg); break;
		case 'r': ws.ws_row = atoi(optarg); break;
		case 'k': keyfile = optarg; break;
		case 'd': delay = atoi(optarg); break;
		case 'e': end = optarg; break;
		case 't': timeout = atoi(optarg); break;
		default: return 2;
		}
	}
	if (argc - optind < 2) {
		fprintf(stderr, "usage: ttytime [-c COLS] [-r ROWS] [-k KEYFILE] "
		    "[-d MS] [-e END] [-t SEC] WAIT PROGRAM [ARG]...\n");
		return 2;
	}
	t0 = now_us();
	deadline = t0 + timeout * 1000000LL;
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[optind + 1], argv + optind + 1);
		_exit(127);
	}
	if (wait_for(fd, argv[optind], deadline) == 0) {
		first = now_us() - t0;
		at_first = out_bytes;
	}
	if (first >= 0 && keyfile != NULL) {
		FILE	*f = fopen(keyfile, "r");
		char	*line = NULL;
		size_t	 size = 0;
		ssize_t	 len;

		if (f == NULL) {
			perror(keyfile);
			kill(pid, SIGKILL);
			return 2;
		}
		while ((len = getline(&line, &size, f)) > 0) {
			if (line[len - 1] == '\n')
				len--;
			if (write(fd, line, (size_t)len) < 0)
				break;
			long long until = now_us() + delay * 1000LL;
			while (now_us() < until && drain(fd, delay) >= 0)
				;
		}
		free(line);
		fclose(f);
		if (end != NULL && wait_for(fd, end, deadline) != 0)
			fprintf(stderr, "ttytime: \"%s\" never appeared\n", end);
	} else if (first >= 0)
		kill(pid, SIGTERM);
	else
		fprintf(stderr, "ttytime: \"%s\" never appeared\n", argv[optind]);
	/* Drain until the child exits (or the deadline passes). */
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_us() > deadline) {
			kill(pid, SIGKILL);
		}
		if (drain(fd, 20) < 0) {
			waitpid(pid, &status, 0);
			break;
		}
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("first_us=%lld total_us=%lld maxrss_kb=%ld status=%d "
	    "out_bytes=%lld\n", first, now_us() - t0, ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
	    out_bytes - at_first);
	return first >= 0 ? 0 : 1;
}
