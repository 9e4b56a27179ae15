/* test_expr.c: table-driven tests of the condition language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/expr.h"
#include "util/xalloc.h"

struct parse_error_case {
	const char	*src;
	const char	*msg;		/* substring of the message */
};

struct eval_case {
	const char	*src;
	const char	*json;		/* the answers object */
	int		 want;
};

struct words_case {
	const char	*src;
	const char	*want;
};

struct walk_state {
	char	 seen[256];
	int	 calls;
	int	 stop_at;		/* call number that returns nonzero */
};

static const struct parse_error_case parse_errors[] = {
	{ "", "empty condition" },
	{ "   \t ", "empty condition" },
	{ "a ==", "column 5: expected a value after '=='" },
	{ "a != ", "column 6: expected a value after '!='" },
	{ "payment_method == card", "column 19: expected a value after '=='" },
	{ "== 'x'", "column 1: expected a field name, '!' or '('" },
	{ "(a", "column 3: expected ')'" },
	{ "a)", "column 2: unexpected ')'" },
	{ "(a || b))", "column 9: unexpected ')'" },
	{ "a in ()", "column 7: expected a value in the list" },
	{ "a in ('x'", "column 10: expected ',' or ')'" },
	{ "a in ('x',)", "column 11: expected a value after ','" },
	{ "a in 'x'", "column 6: expected '(' after 'in'" },
	{ "a == 'x", "column 6: unterminated string" },
	{ "a in (\"x\", \"y)", "column 12: unterminated string" },
	{ "a && ", "column 6: expected a field name, '!' or '(' but the "
	    "condition ends" },
	{ "a || && b", "column 6: expected a field name" },
	{ "!", "column 2: expected a field name" },
	{ "1abc", "column 1: a name must start with a letter or '_'" },
	{ "a == 1x", "column 6: a name must start" },
	{ "a == -x", "column 7: expected a digit after '-'" },
	{ "a == 99999999999999999999", "column 6: number out of range" },
	{ "a..b", "column 3: expected a name after '.'" },
	{ "a.", "column 3: expected a name after '.'" },
	{ "a[]x", "column 4: expected '.' after '[]'" },
	{ "a[x]", "column 3: expected ']' after '['" },
	{ "a = 'x'", "column 3: unexpected '='" },
	{ "a & b", "column 3: unexpected '&'" },
	{ "a | b", "column 3: unexpected '|'" },
	{ "a b", "column 3: expected '&&', '||' or the end" },
	{ "a == 'x' 'y'", "column 10: expected '&&', '||' or the end" },
	{ "a # b", "column 3: unexpected '#'" },
	{ "a\x01", "column 2: unexpected byte 0x01" },
	{ "true", "column 1: expected a field name" },
	{ "in == 'x'", "column 1: expected a field name" },
	{ "()", "column 2: unexpected ')'" },
};

static const struct eval_case evals[] = {
	/* == and != on strings */
	{ "payment_method == 'card'", "{\"payment_method\":\"card\"}", 1 },
	{ "payment_method == 'card'", "{\"payment_method\":\"wire\"}", 0 },
	{ "payment_method == \"card\"", "{\"payment_method\":\"card\"}", 1 },
	{ "payment_method == 'card'", "{}", 0 },
	{ "payment_method != 'card'", "{\"payment_method\":\"wire\"}", 1 },
	{ "payment_method != 'card'", "{\"payment_method\":\"card\"}", 0 },
	{ "payment_method != 'card'", "{}", 1 },
	{ "a == ''", "{\"a\":\"\"}", 0 },
	/* in */
	{ "m in ('email', 'client_app')", "{\"m\":\"client_app\"}", 1 },
	{ "m in ('email', 'client_app')", "{\"m\":\"email\"}", 1 },
	{ "m in ('email', 'client_app')", "{\"m\":\"qscd\"}", 0 },
	{ "m in ('email', 'client_app')", "{}", 0 },
	{ "m in ('email', null)", "{}", 1 },
	{ "m in (1, 2, 3)", "{\"m\":3}", 1 },
	/* presence */
	{ "a", "{\"a\":\"x\"}", 1 },
	{ "a", "{\"a\":null}", 0 },
	{ "a", "{\"a\":\"\"}", 0 },
	{ "a", "{\"a\":false}", 0 },
	{ "a", "{\"a\":true}", 1 },
	{ "a", "{\"a\":[]}", 0 },
	{ "a", "{\"a\":{}}", 0 },
	{ "a", "{\"a\":[1]}", 1 },
	{ "a", "{\"a\":{\"b\":1}}", 1 },
	{ "a", "{\"a\":0}", 1 },
	{ "a", "{}", 0 },
	{ "!use_qvtl_domain", "{\"use_qvtl_domain\":false}", 1 },
	{ "!use_qvtl_domain", "{\"use_qvtl_domain\":true}", 0 },
	{ "!!a", "{\"a\":\"x\"}", 1 },
	/* null literal */
	{ "a == null", "{}", 1 },
	{ "a == null", "{\"a\":null}", 1 },
	{ "a == null", "{\"a\":\"\"}", 1 },
	{ "a == null", "{\"a\":\"x\"}", 0 },
	{ "a != null", "{\"a\":\"x\"}", 1 },
	{ "a != null", "{}", 0 },
	/* numbers, booleans and numeric strings */
	{ "use_qvtl_domain != 1", "{\"use_qvtl_domain\":1}", 0 },
	{ "use_qvtl_domain != 1", "{\"use_qvtl_domain\":0}", 1 },
	{ "use_qvtl_domain == 1", "{\"use_qvtl_domain\":\"1\"}", 1 },
	{ "use_qvtl_domain == 1", "{\"use_qvtl_domain\":1.0}", 1 },
	{ "use_qvtl_domain == 1", "{\"use_qvtl_domain\":1.5}", 0 },
	{ "n == -3", "{\"n\":-3}", 1 },
	{ "n == 007", "{\"n\":7}", 1 },
	{ "n == '1'", "{\"n\":1}", 1 },
	{ "n == 1", "{\"n\":\"01\"}", 0 },
	{ "b == true", "{\"b\":true}", 1 },
	{ "b == true", "{\"b\":\"true\"}", 1 },
	{ "b == true", "{\"b\":1}", 0 },
	{ "b == false", "{\"b\":false}", 0 },
	{ "b != false", "{\"b\":false}", 1 },
	{ "o == 'x'", "{\"o\":{\"k\":\"x\"}}", 0 },
	/* dotted names and [] */
	{ "org.name == 'Acme'", "{\"org\":{\"name\":\"Acme\"}}", 1 },
	{ "org.name == 'Acme'", "{\"org\":\"Acme\"}", 0 },
	{ "!organization.contacts[].user_id",
	    "{\"organization\":{\"contacts\":[{\"user_id\":5}]}}", 0 },
	{ "!organization.contacts[].user_id",
	    "{\"organization\":{\"contacts\":[{\"name\":\"x\"}]}}", 1 },
	{ "!organization.contacts[].user_id",
	    "{\"organization\":{\"contacts\":[]}}", 1 },
	/* && and || precedence, parentheses */
	{ "a || b && c", "{\"a\":1}", 1 },
	{ "a || b && c", "{\"b\":1}", 0 },
	{ "a || b && c", "{\"b\":1,\"c\":1}", 1 },
	{ "(a || b) && c", "{\"a\":1}", 0 },
	{ "(a || b) && c", "{\"a\":1,\"c\":1}", 1 },
	{ "a && b || c", "{\"c\":1}", 1 },
	{ "a && (b || c)", "{\"c\":1}", 0 },
	{ "!(a && b)", "{\"a\":1}", 1 },
	{ "!(a && b)", "{\"a\":1,\"b\":1}", 0 },
	{ "a && b && c", "{\"a\":1,\"b\":1,\"c\":1}", 1 },
	{ "a && b && c", "{\"a\":1,\"b\":1}", 0 },
	{ "a || b || c", "{\"c\":\"z\"}", 1 },
	{ "provisioning_method == 'qscd' && (a || !b)",
	    "{\"provisioning_method\":\"qscd\"}", 1 },
	{ "provisioning_method == 'qscd' && (a || !b)",
	    "{\"provisioning_method\":\"qscd\",\"b\":true}", 0 },
	{ "provisioning_method == 'qscd' && (a || !b)",
	    "{\"provisioning_method\":\"qscd\",\"a\":\"y\",\"b\":true}", 1 },
	{ " ( ( a ) ) ", "{\"a\":1}", 1 },
	{ "a==1&&b!='x'||c in(1,2)", "{\"a\":1,\"b\":\"y\"}", 1 },
};

static const struct words_case words[] = {
	{ "a == 'x'", "a is x" },
	{ "a != 'x'", "a is not x" },
	{ "a == null", "a is not given" },
	{ "a != null", "a is given" },
	{ "a in ('x','y','z')", "a is x, y or z" },
	{ "a in ('x', 'y')", "a is x or y" },
	{ "a in ('x')", "a is x" },
	{ "a", "a is given" },
	{ "!a", "a is not given" },
	{ "!!a", "a is given" },
	{ "!(a == 'x')", "a is not x" },
	{ "!(a != 'x')", "a is x" },
	{ "!(a in ('x', 'y'))", "a is neither x nor y" },
	{ "!(a in ('x', 'y', 'z'))", "a is none of x, y or z" },
	{ "!(a && b)", "not (a is given and b is given)" },
	{ "a && b", "a is given and b is given" },
	{ "a || b", "a is given or b is given" },
	{ "a && (b || c)", "a is given and (b is given or c is given)" },
	{ "a || b && c", "a is given or (b is given and c is given)" },
	{ "(a && b) && c", "a is given and b is given and c is given" },
	{ "!(a || b) && c", "not (a is given or b is given) and c is given" },
	{ "!!(a || b) && c", "(a is given or b is given) and c is given" },
	{ "n == 1", "n is 1" },
	{ "n != -2", "n is not -2" },
	{ "b == true", "b is true" },
	{ "b != false", "b is not false" },
	{ "a == ''", "a is empty" },
	{ "c in ('us', 'US', 'ca', 'CA')", "c is US or CA" },
	{ "!(c in ('us', 'US'))", "c is not US" },
	{ "!(c in ('us', 'US', 'ca', 'CA'))", "c is neither US nor CA" },
	{ "organization.contacts[].user_id",
	    "organization.contacts[].user_id is given" },
	{ "provisioning_method == 'qscd' && (a || !b)",
	    "provisioning_method is qscd and (a is given or b is not given)" },
};

/* Finds one name segment in v, treating "x[]" as the first element of x. */
static const cJSON *
lookup_segment(const cJSON *v, const char *seg, size_t len)
{
	char		*key;
	const cJSON	*found;
	int		 first = 0;

	if (len >= 2 && seg[len - 2] == '[' && seg[len - 1] == ']') {
		first = 1;
		len -= 2;
	}
	key = xstrndup(seg, len);
	found = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, key) :
	    NULL;
	free(key);
	if (found != NULL && first)
		found = cJSON_IsArray(found) ? cJSON_GetArrayItem(found, 0) : NULL;
	return (found);
}

/* Resolves a dotted name against the JSON object in arg. */
static const cJSON *
lookup_json(const char *name, void *arg)
{
	const cJSON	*v = arg;
	const char	*dot;

	while (v != NULL) {
		dot = strchr(name, '.');
		if (dot == NULL)
			return (lookup_segment(v, name, strlen(name)));
		v = lookup_segment(v, name, dot - name);
		name = dot + 1;
	}
	return (NULL);
}

/* Answers every lookup with nothing. */
static const cJSON *
lookup_none(const char *name, void *arg)
{
	(void)name;
	(void)arg;
	return (NULL);
}

/* Parses src, failing the test with the cause if it does not parse. */
static struct expr *
must_parse(const char *src)
{
	struct expr	*e;
	char		*cause = NULL;

	e = expr_parse(src, &cause);
	if (e == NULL)
		fail_msg("parse of \"%s\" failed: %s", src, cause);
	assert_null(cause);
	return (e);
}

/* Checks every row of the parse error table. */
static void
test_parse_errors(void **state)
{
	struct expr	*e;
	char		*cause;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof parse_errors / sizeof parse_errors[0]; i++) {
		cause = NULL;
		e = expr_parse(parse_errors[i].src, &cause);
		if (e != NULL)
			fail_msg("\"%s\" parsed", parse_errors[i].src);
		assert_non_null(cause);
		if (strstr(cause, parse_errors[i].msg) == NULL)
			fail_msg("\"%s\": got \"%s\", want \"%s\"",
			    parse_errors[i].src, cause, parse_errors[i].msg);
		free(cause);
	}
}

/* Returns a string of n copies of open, then "a", then n copies of close. */
static char *
nested(size_t n, char open, const char *close)
{
	char	*s;
	size_t	 i, clen = strlen(close);

	s = xmalloc(n * (1 + clen) + 2);
	memset(s, open, n);
	s[n] = 'a';
	for (i = 0; i < n; i++)
		memcpy(s + n + 1 + i * clen, close, clen);
	s[n + 1 + n * clen] = '\0';
	return (s);
}

/* Expects src to fail with a message containing msg. */
static void
expect_error(const char *src, const char *msg)
{
	char	*cause = NULL;

	assert_null(expr_parse(src, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, msg));
	free(cause);
}

/* Checks the nesting and length limits. */
static void
test_limits(void **state)
{
	struct expr	*e;
	char		*s;

	(void)state;
	s = nested(100, '(', "");
	expect_error(s, "nested too deeply");
	free(s);
	s = nested(100, '!', "");
	expect_error(s, "nested too deeply");
	free(s);
	s = nested(64, '(', ")");
	e = must_parse(s);
	assert_int_equal(expr_eval(e, lookup_none, NULL), 0);
	expr_free(e);
	free(s);
	s = nested(65, '(', ")");
	expect_error(s, "column 65: nested too deeply");
	free(s);
	s = nested(64, '!', "");
	e = must_parse(s);
	assert_int_equal(expr_eval(e, lookup_none, NULL), 0);
	expr_free(e);
	free(s);

	s = xmalloc(5001);
	memset(s, 'a', 5000);
	s[5000] = '\0';
	expect_error(s, "longer than 4096");
	s[4096] = '\0';
	e = must_parse(s);
	expr_free(e);
	free(s);
}

/* Checks every row of the evaluation table. */
static void
test_eval(void **state)
{
	struct expr	*e;
	cJSON		*answers;
	size_t		 i;
	int		 got;

	(void)state;
	for (i = 0; i < sizeof evals / sizeof evals[0]; i++) {
		answers = cJSON_Parse(evals[i].json);
		if (answers == NULL)
			fail_msg("bad JSON in row %zu", i);
		e = must_parse(evals[i].src);
		got = expr_eval(e, lookup_json, answers);
		if (got != evals[i].want)
			fail_msg("\"%s\" with %s: got %d, want %d",
			    evals[i].src, evals[i].json, got, evals[i].want);
		expr_free(e);
		cJSON_Delete(answers);
	}
}

/* Says names starting with "a" by a label, others as written. */
static char *
label_of(const char *name, void *arg)
{
	(void)arg;
	return name[0] == 'a' ? xasprintf("Label %s", name) : NULL;
}

/* Names are said by the caller's function where it knows them. */
static void
test_words_named(void **state)
{
	static const struct words_case named[] = {
		{ "a == 'x' && !b", "Label a is x and b is not given" },
		{ "ab in ('us', 'US')", "Label ab is US" },
		{ "!(a.b != null)", "Label a.b is not given" },
	};
	struct expr	*e;
	char		*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof named / sizeof named[0]; i++) {
		e = must_parse(named[i].src);
		got = expr_words_named(e, label_of, NULL);
		if (strcmp(got, named[i].want) != 0)
			fail_msg("\"%s\": got \"%s\", want \"%s\"",
			    named[i].src, got, named[i].want);
		free(got);
		expr_free(e);
	}
}

/* Checks every row of the words table. */
static void
test_words(void **state)
{
	struct expr	*e;
	char		*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		e = must_parse(words[i].src);
		got = expr_words(e);
		if (strcmp(got, words[i].want) != 0)
			fail_msg("\"%s\": got \"%s\", want \"%s\"",
			    words[i].src, got, words[i].want);
		free(got);
		expr_free(e);
	}
}

/* Records a name and stops when the call number reaches stop_at. */
static int
walk_record(const char *name, void *arg)
{
	struct walk_state	*ws = arg;

	ws->calls++;
	if (ws->seen[0] != '\0')
		strncat(ws->seen, " ", sizeof ws->seen - strlen(ws->seen) - 1);
	strncat(ws->seen, name, sizeof ws->seen - strlen(ws->seen) - 1);
	return (ws->calls == ws->stop_at ? 40 + ws->calls : 0);
}

/* Checks that names are walked in order and that a nonzero result stops. */
static void
test_walk(void **state)
{
	struct expr		*e;
	struct walk_state	 ws;
	const char		*src = "p == 'qscd' && (a.b || !c[].d) && "
				    "m in ('x', 'y') || a.b";

	(void)state;
	e = must_parse(src);
	assert_string_equal(expr_source(e), src);

	memset(&ws, 0, sizeof ws);
	assert_int_equal(expr_walk_names(e, walk_record, &ws), 0);
	assert_string_equal(ws.seen, "p a.b c[].d m a.b");
	assert_int_equal(ws.calls, 5);

	memset(&ws, 0, sizeof ws);
	ws.stop_at = 3;
	assert_int_equal(expr_walk_names(e, walk_record, &ws), 43);
	assert_string_equal(ws.seen, "p a.b c[].d");
	assert_int_equal(ws.calls, 3);

	memset(&ws, 0, sizeof ws);
	ws.stop_at = 1;
	assert_int_equal(expr_walk_names(e, walk_record, &ws), 41);
	assert_string_equal(ws.seen, "p");
	expr_free(e);
}

/* Returns the next number from a fixed linear congruential sequence. */
static uint32_t
next_random(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((uint32_t)(*seed >> 33));
}

/* Fills s with len random bytes, drawn from alphabet if it is not NULL. */
static void
random_string(char *s, size_t len, const char *alphabet, uint64_t *seed)
{
	size_t	i, n = (alphabet != NULL) ? strlen(alphabet) : 0;
	int	c;

	for (i = 0; i < len; i++) {
		if (alphabet != NULL)
			c = alphabet[next_random(seed) % n];
		else {
			c = next_random(seed) % 256;
			if (c == 0)
				c = 1;
		}
		s[i] = c;
	}
	s[len] = '\0';
}

/* Parses s and, if it parses, uses every entry point on the result. */
static int
exercise(const char *s)
{
	struct expr	*e;
	char		*cause = NULL, *w;
	int		 rc;

	e = expr_parse(s, &cause);
	if (e == NULL) {
		assert_non_null(cause);
		assert_true(cause[0] != '\0');
		free(cause);
		return (0);
	}
	assert_null(cause);
	w = expr_words(e);
	assert_non_null(w);
	free(w);
	rc = expr_eval(e, lookup_none, NULL);
	assert_true(rc == 0 || rc == 1);
	assert_string_equal(expr_source(e), s);
	expr_free(e);
	return (1);
}

/* Feeds random byte strings and random token soup to the parser. */
static void
test_garbage(void **state)
{
	const char	*soup = "ab.[]_ ()!=&|,'\"-1in";
	char		 s[256];
	uint64_t	 seed = 20240601;
	int		 i, parsed = 0;

	(void)state;
	for (i = 0; i < 10000; i++) {
		random_string(s, next_random(&seed) % sizeof s, NULL, &seed);
		exercise(s);
	}
	for (i = 0; i < 10000; i++) {
		random_string(s, next_random(&seed) % 24, soup, &seed);
		parsed += exercise(s);
	}
	assert_true(parsed > 0);
}

/* Runs every group. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_eval),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_words_named),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_garbage),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
