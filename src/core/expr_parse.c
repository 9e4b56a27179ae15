/* expr_parse.c: reading a condition ("a == 'x' && !b") into a tree. */
#include "config.h"

#include "core/expr_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define EXPR_MAX_DEPTH	64
#define EXPR_MAX_LEN	4096

enum tok_type {
	T_ERR,
	T_END,
	T_NAME,
	T_STR,
	T_NUM,
	T_LPAREN,
	T_RPAREN,
	T_COMMA,
	T_NOT,
	T_EQ,
	T_NE,
	T_AND,
	T_OR
};

struct token {
	enum tok_type	 type;
	size_t		 col;
	char		*text;		/* T_NAME, T_STR, T_NUM */
};

struct parser {
	const char	*src;
	size_t		 pos;
	struct token	 tok;
	int		 depth;
	char		*cause;
};

/* Records the first parse error, prefixed with its column. */
static void __attribute__((format(printf, 3, 4)))
perr(struct parser *p, size_t col, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (p->cause != NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->cause = xasprintf(_("column %zu: %s"), col, msg);
	free(msg);
	p->tok.type = T_ERR;
}

/* Says whether c may start a name segment. */
static int
is_ident_start(int c)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Says whether c may continue a name segment. */
static int
is_ident(int c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

/* Says whether c is a decimal digit. */
static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Scans a dotted name at p->pos into the current token. */
static int
lex_name(struct parser *p)
{
	const char	*s = p->src;
	size_t		 start = p->pos;

	for (;;) {
		while (is_ident(s[p->pos]))
			p->pos++;
		if (s[p->pos] == '[') {
			if (s[p->pos + 1] != ']') {
				perr(p, p->pos + 2, _("expected ']' after "
				    "'['"));
				return -1;
			}
			p->pos += 2;
			if (s[p->pos] != '.' && (is_ident(s[p->pos]) ||
			    s[p->pos] == '[')) {
				perr(p, p->pos + 1, _("expected '.' after "
				    "'[]'"));
				return -1;
			}
		}
		if (s[p->pos] != '.')
			break;
		p->pos++;
		if (!is_ident_start(s[p->pos])) {
			perr(p, p->pos + 1, _("expected a name after '.'"));
			return -1;
		}
	}
	p->tok.type = T_NAME;
	p->tok.text = xstrndup(s + start, p->pos - start);
	return 0;
}

/* Scans a quoted string at p->pos into the current token. */
static int
lex_string(struct parser *p)
{
	const char	*s = p->src;
	const char	*end;
	size_t		 start = p->pos;

	end = strchr(s + start + 1, s[start]);
	if (end == NULL) {
		perr(p, start + 1, _("unterminated string"));
		return -1;
	}
	p->tok.type = T_STR;
	p->tok.text = xstrndup(s + start + 1, end - (s + start + 1));
	p->pos = end - s + 1;
	return 0;
}

/* Scans an integer at p->pos into the current token, in canonical form. */
static int
lex_number(struct parser *p)
{
	const char	*s = p->src;
	size_t		 start = p->pos;
	long long	 n;
	char		*digits;

	if (s[p->pos] == '-')
		p->pos++;
	if (!is_digit(s[p->pos])) {
		perr(p, p->pos + 1, _("expected a digit after '-'"));
		return -1;
	}
	while (is_digit(s[p->pos]))
		p->pos++;
	if (is_ident(s[p->pos])) {
		if (s[start] == '-')
			perr(p, start + 1, _("bad number"));
		else
			perr(p, start + 1, _("a name must start with a letter "
			    "or '_'"));
		return -1;
	}
	digits = xstrndup(s + start, p->pos - start);
	errno = 0;
	n = strtoll(digits, NULL, 10);
	free(digits);
	if (errno == ERANGE) {
		perr(p, start + 1, _("number out of range"));
		return -1;
	}
	p->tok.type = T_NUM;
	p->tok.text = xasprintf("%lld", n);
	return 0;
}

/* Scans a two-character operator whose second character must be c2. */
static int
lex_pair(struct parser *p, int c2, enum tok_type type, enum tok_type single)
{
	const char	*s = p->src;
	char		 c = s[p->pos];

	if (s[p->pos + 1] == c2) {
		p->tok.type = type;
		p->pos += 2;
		return 0;
	}
	if (single == T_ERR) {
		perr(p, p->pos + 1, _("unexpected '%c'; did you mean '%c%c'?"),
		    c, c, c2);
		return -1;
	}
	p->tok.type = single;
	p->pos++;
	return 0;
}

/* Reports a character that cannot start any token. */
static int
lex_bad(struct parser *p)
{
	unsigned char	c = p->src[p->pos];

	if (isprint(c))
		perr(p, p->pos + 1, _("unexpected '%c'"), c);
	else
		perr(p, p->pos + 1, _("unexpected byte 0x%02x"), c);
	return -1;
}

/* Scans one character punctuation at p->pos. */
static int
lex_single(struct parser *p, enum tok_type type)
{
	p->tok.type = type;
	p->pos++;
	return 0;
}

/* Replaces the current token with the next one; -1 on error. */
static int
next(struct parser *p)
{
	const char	*s = p->src;
	int		 c;

	free(p->tok.text);
	p->tok.text = NULL;
	if (p->cause != NULL)
		return -1;
	while (isspace((unsigned char)s[p->pos]))
		p->pos++;
	p->tok.col = p->pos + 1;
	c = (unsigned char)s[p->pos];
	if (c == '\0') {
		p->tok.type = T_END;
		return 0;
	}
	switch (c) {
	case '(':
		return lex_single(p, T_LPAREN);
	case ')':
		return lex_single(p, T_RPAREN);
	case ',':
		return lex_single(p, T_COMMA);
	case '!':
		return lex_pair(p, '=', T_NE, T_NOT);
	case '=':
		return lex_pair(p, '=', T_EQ, T_ERR);
	case '&':
		return lex_pair(p, '&', T_AND, T_ERR);
	case '|':
		return lex_pair(p, '|', T_OR, T_ERR);
	case '\'':
	case '"':
		return lex_string(p);
	}
	if (c == '-' || is_digit(c))
		return lex_number(p);
	if (is_ident_start(c))
		return lex_name(p);
	return lex_bad(p);
}

/* Says whether the current token is the name word. */
static int
tok_is_word(struct parser *p, const char *word)
{
	return p->tok.type == T_NAME && strcmp(p->tok.text, word) == 0;
}

/* Says whether name is reserved by the language. */
static int
is_keyword(const char *name)
{
	return (strcmp(name, "in") == 0 || strcmp(name, "true") == 0 ||
	    strcmp(name, "false") == 0 || strcmp(name, "null") == 0);
}

/* Allocates an empty node of the given kind. */
static struct expr *
node_new(enum expr_kind kind)
{
	struct expr	*e;

	e = xcalloc(1, sizeof *e);
	e->kind = kind;
	return e;
}

/* Appends a child to an and, or or not node. */
static void
node_add(struct expr *e, struct expr *kid)
{
	e->kids = xreallocarray(e->kids, e->nkids + 1, sizeof *e->kids);
	e->kids[e->nkids++] = kid;
}

/* Releases a node and everything below it. */
void
expr_free(struct expr *e)
{
	size_t	i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nkids; i++)
		expr_free(e->kids[i]);
	free(e->kids);
	for (i = 0; i < e->nlits; i++)
		free(e->lits[i].text);
	free(e->lits);
	free(e->name);
	free(e->source);
	free(e);
}

/* Parses the literal at the current token onto e's list; where says after
 * what. */
static int
parse_literal(struct parser *p, struct expr *e, const char *where)
{
	struct lit	l = { L_NULL, NULL };

	if (p->tok.type == T_STR || p->tok.type == T_NUM) {
		l.type = (p->tok.type == T_STR) ? L_STR : L_NUM;
		l.text = p->tok.text;
		p->tok.text = NULL;
	} else if (tok_is_word(p, "true")) {
		l.type = L_TRUE;
		l.text = xstrdup("true");
	} else if (tok_is_word(p, "false")) {
		l.type = L_FALSE;
		l.text = xstrdup("false");
	} else if (!tok_is_word(p, "null")) {
		if (p->tok.type != T_ERR)
			perr(p, p->tok.col, _("expected a value %s"), where);
		return -1;
	}
	e->lits = xreallocarray(e->lits, e->nlits + 1, sizeof *e->lits);
	e->lits[e->nlits++] = l;
	return next(p);
}

/* Parses "('x', 'y', ...)" after "in" onto e's list. */
static int
parse_list(struct parser *p, struct expr *e)
{
	const char	*where = _("in the list");

	if (p->tok.type != T_LPAREN) {
		perr(p, p->tok.col, _("expected '(' after 'in'"));
		return -1;
	}
	if (next(p) != 0)
		return -1;
	for (;;) {
		if (parse_literal(p, e, where) != 0)
			return -1;
		if (p->tok.type == T_RPAREN)
			return next(p);
		if (p->tok.type != T_COMMA) {
			perr(p, p->tok.col, _("expected ',' or ')'"));
			return -1;
		}
		if (next(p) != 0)
			return -1;
		where = _("after ','");
	}
}

/* Parses a name and the comparison that may follow it. */
static struct expr *
parse_name(struct parser *p)
{
	struct expr	*e;
	int		 rc;

	e = node_new(E_PRESENT);
	e->name = p->tok.text;
	p->tok.text = NULL;
	if (next(p) != 0)
		goto fail;
	if (p->tok.type == T_EQ || p->tok.type == T_NE) {
		e->kind = E_IS;
		e->neg = (p->tok.type == T_NE);
		if (next(p) != 0)
			goto fail;
		rc = parse_literal(p, e,
		    e->neg ? _("after '!='") : _("after '=='"));
	} else if (tok_is_word(p, "in")) {
		e->kind = E_IS;
		rc = (next(p) != 0) ? -1 : parse_list(p, e);
	} else
		rc = 0;
	if (rc == 0)
		return e;
fail:
	expr_free(e);
	return NULL;
}

static struct expr *parse_or(struct parser *);

/* Enters one nesting level; -1 when that is too deep. */
static int
enter(struct parser *p)
{
	if (++p->depth > EXPR_MAX_DEPTH) {
		perr(p, p->tok.col, _("nested too deeply"));
		return -1;
	}
	return 0;
}

/* Parses a parenthesised condition. */
static struct expr *
parse_group(struct parser *p)
{
	struct expr	*e;

	if (enter(p) != 0 || next(p) != 0)
		return NULL;
	if ((e = parse_or(p)) == NULL)
		return NULL;
	if (p->tok.type != T_RPAREN) {
		perr(p, p->tok.col, _("expected ')'"));
		expr_free(e);
		return NULL;
	}
	p->depth--;
	if (next(p) != 0) {
		expr_free(e);
		return NULL;
	}
	return e;
}

/* Parses a name test or a parenthesised condition. */
static struct expr *
parse_primary(struct parser *p)
{
	switch (p->tok.type) {
	case T_LPAREN:
		return parse_group(p);
	case T_RPAREN:
		perr(p, p->tok.col, _("unexpected ')'"));
		return NULL;
	case T_NAME:
		if (!is_keyword(p->tok.text))
			return parse_name(p);
		break;
	case T_ERR:
		return NULL;
	default:
		break;
	}
	perr(p, p->tok.col, _("expected a field name, '!' or '('%s"),
	    p->tok.type == T_END ? _(" but the condition ends") : "");
	return NULL;
}

/* Parses a possibly negated primary. */
static struct expr *
parse_unary(struct parser *p)
{
	struct expr	*e, *kid;

	if (p->tok.type != T_NOT)
		return parse_primary(p);
	if (enter(p) != 0 || next(p) != 0)
		return NULL;
	if ((kid = parse_unary(p)) == NULL)
		return NULL;
	p->depth--;
	e = node_new(E_NOT);
	node_add(e, kid);
	return e;
}

/* Parses operands joined by op into one node of kind; sub parses an operand. */
static struct expr *
parse_chain(struct parser *p, enum tok_type op, enum expr_kind kind,
    struct expr *(*sub)(struct parser *))
{
	struct expr	*first, *e, *kid;

	if ((first = sub(p)) == NULL)
		return NULL;
	if (p->tok.type != op)
		return first;
	e = node_new(kind);
	node_add(e, first);
	while (p->tok.type == op) {
		if (next(p) != 0 || (kid = sub(p)) == NULL) {
			expr_free(e);
			return NULL;
		}
		node_add(e, kid);
	}
	return e;
}

/* Parses operands joined by '&&'. */
static struct expr *
parse_and(struct parser *p)
{
	return parse_chain(p, T_AND, E_AND, parse_unary);
}

/* Parses operands joined by '||'. */
static struct expr *
parse_or(struct parser *p)
{
	return parse_chain(p, T_OR, E_OR, parse_and);
}

/* Parses a whole condition, which must use up the input. */
static struct expr *
parse_top(struct parser *p)
{
	struct expr	*e;

	if (next(p) != 0)
		return NULL;
	if (p->tok.type == T_END) {
		p->cause = xstrdup(_("empty condition"));
		return NULL;
	}
	if ((e = parse_or(p)) == NULL)
		return NULL;
	if (p->tok.type == T_END)
		return e;
	if (p->tok.type == T_RPAREN)
		perr(p, p->tok.col, _("unexpected ')'"));
	else
		perr(p, p->tok.col, _("expected '&&', '||' or the end"));
	expr_free(e);
	return NULL;
}

/* Parses src; on error returns NULL and sets *cause to an allocated message. */
struct expr *
expr_parse(const char *src, char **cause)
{
	struct parser	 p;
	struct expr	*e;

	*cause = NULL;
	if (strnlen(src, EXPR_MAX_LEN + 1) > EXPR_MAX_LEN) {
		*cause = xasprintf(_("condition longer than %d characters"),
		    EXPR_MAX_LEN);
		return NULL;
	}
	memset(&p, 0, sizeof p);
	p.src = src;
	e = parse_top(&p);
	free(p.tok.text);
	if (e == NULL) {
		if (p.cause == NULL)
			p.cause = xstrdup(_("invalid condition"));
		*cause = p.cause;
		return NULL;
	}
	free(p.cause);
	e->source = xstrdup(src);
	return e;
}

/* The source text as given; owned by e. */
const char *
expr_source(const struct expr *e)
{
	return e->source;
}

/* Calls fn for every name in e, in order; stops at the first nonzero result. */
int
expr_walk_names(const struct expr *e, int (*fn)(const char *, void *),
    void *arg)
{
	size_t	i;
	int	rc;

	if (e->name != NULL)
		return fn(e->name, arg);
	for (i = 0; i < e->nkids; i++) {
		if ((rc = expr_walk_names(e->kids[i], fn, arg)) != 0)
			return rc;
	}
	return 0;
}
