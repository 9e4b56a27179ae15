/* fuzz_state.c: libFuzzer harness for what certwiz reads back from its
 * state directory: the input is written as the journal (then read as
 * "certwiz history" reads it) and as a draft (then loaded into a session of
 * the form it names, as "wizard --load" does). Files go to a private
 * temporary state directory made once. */
#include "fuzz/fuzz.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api.h"
#include "core/form.h"
#include "core/problems.h"
#include "util/xalloc.h"
#include "wizard/draft.h"
#include "wizard/session.h"

static struct form **forms;
static size_t nforms;
static char *journal, *draft;

/* Makes the private state directory and loads the forms once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char tmpl[] = "/tmp/certwiz-fuzz-state.XXXXXX", *dir;

	(void)argc;
	(void)argv;
	if (mkdtemp(tmpl) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	setenv("XDG_STATE_HOME", tmpl, 1);
	dir = xasprintf("%s/certwiz", tmpl);
	if (mkdir(dir, 0700) != 0) {
		perror(dir);
		exit(1);
	}
	journal = xasprintf("%s/journal", dir);
	draft = xasprintf("%s/fuzz.json", dir);
	free(dir);
	nforms = fuzz_load_forms(&forms);
	return 0;
}

/* Replaces path's content by the input. */
static void
put(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || (size > 0 && write(fd, data, size) != (ssize_t)size)) {
		perror(path);
		abort();
	}
	close(fd);
}

/* Loads a draft's answers into a session of the product it names. */
static void
load_draft(void)
{
	struct problems p = { NULL, 0 };
	struct draft d = { .lockfd = -1 };
	char *product = NULL, *cause = NULL;
	cJSON *answers = NULL;
	size_t i;

	if (draft_load(draft, &d, &product, &answers, &cause) == 0) {
		for (i = 0; i < nforms; i++) {
			if (strcmp(forms[i]->id, product) == 0)
				session_free(session_load(forms[i], answers,
				    fuzz_now(), &p));
		}
		problems_free(&p);
	}
	cJSON_Delete(answers);
	free(product);
	draft_clear(&d);
	free(cause);
}

/* Reads the input back as a journal and as a draft. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cause = NULL;

	put(journal, data, size);
	cJSON_Delete(api_journal_read(&cause));
	free(cause);
	put(draft, data, size);
	load_draft();
	return 0;
}
