/* test_journal.c: the journal on bad days: a line cut short, lines glued
 * together by an older certwiz, a symlink or a FIFO in its place, and the
 * attempts read back in one pass. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "api/api_int.h"
#include "testutil.h"
#include "util/xalloc.h"

/* The temporary state directory of a test. */
static char *tmp;

/* A fresh state directory for each test. */
static int
setup(void **state)
{
	char *dir;

	(void)state;
	tmp = tu_mkdtemp();
	dir = xasprintf("%s/certwiz", tmp);
	mkdir(dir, 0700);
	free(dir);
	setenv("XDG_STATE_HOME", tmp, 1);
	unsetenv("CERTWIZ_STATE_DIR");
	return 0;
}

/* Removes the state directory. */
static int
teardown(void **state)
{
	(void)state;
	tu_rmdir(tmp);
	return 0;
}

/* Writes one event of attempt id; asserts it was written. */
static void
event(const char *id, const char *ev, const char *order_id)
{
	struct api_journal_entry e = {
		.submission = id, .product = "ds_org_individual",
		.platform = "us", .event = ev, .order_id = order_id,
		.body_hash = strcmp(ev, "sent") == 0 ? "abc" : NULL,
	};
	char *cause = NULL;

	if (api_journal_write(&e, &cause) != 0)
		fail_msg("%s", cause);
}

/* The attempts of the journal; asserts it could be read. */
static void
load(struct api_attempts *a)
{
	char *cause = NULL;

	if (api_attempts_load(a, &cause) != 0)
		fail_msg("%s", cause);
}

/* Appends raw text to the journal. */
static void
append(const char *text)
{
	char *path = api_journal_path();
	FILE *f = fopen(path, "a");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

/* Asserts that the journal's last line is a whole JSON line of event ev:
 * nothing was glued to a line cut before it. */
static void
last_line_is_whole(const char *ev)
{
	char *path = api_journal_path(), line[4096], last[4096] = "";
	FILE *f = fopen(path, "r");
	cJSON *o;

	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL)
		memcpy(last, line, sizeof last);
	fclose(f);
	free(path);
	o = cJSON_Parse(last);
	assert_true(cJSON_IsObject(o));
	assert_string_equal(cJSON_GetObjectItem(o, "event")->valuestring, ev);
	cJSON_Delete(o);
}

/* A line cut short (a full disk) does not swallow the next one: the
 * writer ends it first, and the placed order's ID is read back. */
static void
test_cut_line(void **state)
{
	struct api_attempts a;

	(void)state;
	event("a1", "sent", NULL);
	append("{\"time\":\"2026-12-01T10:00:00Z\",\"submission\":\"a2\","
	    "\"event\":\"se");
	event("a1", "placed", "4242");
	last_line_is_whole("placed");
	load(&a);
	assert_int_equal(a.n, 1);
	assert_int_equal(a.v[0].outcome, API_PLACED);
	assert_string_equal(a.v[0].order_id, "4242");
	api_attempts_free(&a);
}

/* A line glued to a cut one (written before the repair existed) is
 * found again by the reader. */
static void
test_glued_line(void **state)
{
	struct api_attempts a;

	(void)state;
	event("b1", "sent", NULL);
	append("{\"time\":\"2026-12-01T10:00:00Z\",\"submiss"
	    "{\"time\":\"2026-12-01T10:00:01Z\",\"submission\":\"b1\","
	    "\"event\":\"placed\",\"order_id\":\"77\"}\n");
	load(&a);
	assert_int_equal(a.n, 1);
	assert_int_equal(a.v[0].outcome, API_PLACED);
	assert_string_equal(a.v[0].order_id, "77");
	api_attempts_free(&a);
}

/* Many attempts pair with their outcomes; a sent line alone is open. */
static void
test_many(void **state)
{
	struct api_attempts a;
	char id[32], order[32];
	int i;

	(void)state;
	for (i = 0; i < 300; i++) {
		snprintf(id, sizeof id, "id%d", i);
		snprintf(order, sizeof order, "%d", 1000 + i);
		event(id, "sent", NULL);
		if (i % 3 != 2)
			event(id, i % 3 == 0 ? "placed" : "unknown", order);
	}
	load(&a);
	assert_int_equal(a.n, 300);
	for (i = 0; i < 300; i++) {
		snprintf(id, sizeof id, "id%d", i);
		assert_string_equal(a.v[i].id, id);
		assert_int_equal(a.v[i].outcome, i % 3 == 0 ? API_PLACED :
		    API_UNKNOWN);
		assert_int_equal(api_attempt_open(&a.v[i]), i % 3 != 0);
		assert_int_equal(a.v[i].settled, i % 3 != 2);
	}
	api_attempts_free(&a);
}

/* A symlink in the journal's place is never followed, and a FIFO never
 * hangs the reader or the writer. */
static void
test_not_a_file(void **state)
{
	struct api_journal_entry e = { .submission = "c", .event = "sent" };
	struct api_attempts a;
	char *path = api_journal_path(), *target, *cause = NULL;

	(void)state;
	target = xasprintf("%s/elsewhere", tmp);
	tu_write(tmp, "elsewhere", "");
	assert_int_equal(symlink(target, path), 0);
	assert_int_equal(api_journal_write(&e, &cause), -1);
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);
	cause = NULL;
	assert_int_equal(api_attempts_load(&a, &cause), -1);
	free(cause);
	cause = NULL;
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(api_journal_write(&e, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(api_attempts_load(&a, &cause), -1);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	free(target);
	free(path);
}

/* A journal others could read is made private when written to. */
static void
test_mode(void **state)
{
	char *path = api_journal_path();
	struct stat sb;

	(void)state;
	append("");
	chmod(path, 0644);
	event("d", "sent", NULL);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cut_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glued_line, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_many, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_mode, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
