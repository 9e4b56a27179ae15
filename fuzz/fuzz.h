/* fuzz.h: what the libFuzzer harnesses share.
 *
 * Ownership: fuzz_text() and fuzz_forms_dir() return allocated strings the
 * caller frees; fuzz_load_forms() returns forms the caller may keep for the
 * life of the process.
 */
#ifndef CERTWIZ_FUZZ_H
#define CERTWIZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct form;

/* The entry points libFuzzer calls. */
int		 LLVMFuzzerInitialize(int *argc, char ***argv);
int		 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fixed "today" of the harnesses: 2026-11-20 12:00 UTC. */
time_t		 fuzz_now(void);
/* The forms directory: $CERTWIZ_FORMS, else the source tree's forms/. */
char		*fuzz_forms_dir(void);
/* A NUL-terminated copy of the input. */
char		*fuzz_text(const uint8_t *data, size_t size);
/* Loads every product form of the forms directory into *forms; exits when
 * one does not load. Returns their number. */
size_t		 fuzz_load_forms(struct form ***forms);

#endif
