/* replay.c: runs a harness without libFuzzer, for make check: every file
 * named (directories: every file in them) is read and passed once to
 * LLVMFuzzerTestOneInput. A crash, leak or sanitizer report fails the test
 * as it would the fuzzer. */
#include "fuzz/fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/fileio.h"
#include "util/xalloc.h"

/* Runs one file through the harness; 0, or -1 when it cannot be read. */
static int
replay_file(const char *path)
{
	char *text, *cause = NULL;
	size_t len;

	if ((text = fileio_read(path, &len, &cause)) == NULL) {
		fprintf(stderr, "replay: %s\n", cause);
		free(cause);
		return -1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)text, len);
	free(text);
	return 0;
}

/* Runs every regular file of a directory through the harness. */
static int
replay_dir(const char *dir, int *count)
{
	struct dirent *de;
	DIR *dp;
	char *path;
	int rc = 0;

	if ((dp = opendir(dir)) == NULL) {
		perror(dir);
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (replay_file(path) != 0)
			rc = -1;
		else
			(*count)++;
		free(path);
	}
	closedir(dp);
	return rc;
}

/* Replays every file and directory named on the command line. */
int
main(int argc, char **argv)
{
	struct stat sb;
	int i, rc = 0, count = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (replay_dir(argv[i], &count) != 0)
				rc = 1;
		} else if (replay_file(argv[i]) != 0)
			rc = 1;
		else
			count++;
	}
	printf("replay: %d input%s\n", count, count == 1 ? "" : "s");
	return rc;
}
