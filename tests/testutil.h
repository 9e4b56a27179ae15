/* testutil.h: helpers shared by the cmocka tests.
 *
 * Ownership: returned strings and cJSON trees are the caller's to free.
 */
#ifndef CERTWIZ_TESTUTIL_H
#define CERTWIZ_TESTUTIL_H

#include <time.h>

#include <cjson/cJSON.h>

struct form;

/* The fixed "today" of the tests: 2026-11-20 12:00 UTC. */
time_t	 tu_now(void);
/* The forms directory under test ($CERTWIZ_FORMS, else ./forms). */
const char *tu_forms_dir(void);
/* Loads a product's form from the forms under test, or fails the test. */
struct form *tu_load_form(const char *id);
/* The path of a test data file ($TESTDATA/name, else tests/data/name). */
char	*tu_data_path(const char *name);
/* Reads and parses a test data file; fails the test when it cannot. */
cJSON	*tu_data_json(const char *name);
/* Sets the value at a concrete path ("a.b[0].c") to the JSON text value,
 * or deletes it when value is NULL; fails the test if the path is absent. */
void	 tu_set(cJSON *root, const char *path, const char *value);
/* The value at a concrete path, or NULL. */
cJSON	*tu_get(cJSON *root, const char *path);
/* Makes a fresh temporary directory; the caller removes it with tu_rmdir. */
char	*tu_mkdtemp(void);
/* Writes text to dir/name, creating dir/fragments when name is under it. */
void	 tu_write(const char *dir, const char *name, const char *text);
/* Removes a temporary directory made by tu_mkdtemp and what it holds. */
void	 tu_rmdir(char *dir);

#endif
