/* plain_ask.c: plain mode's prompts: one field, an optional object, a list. */
#include "config.h"

#include "plain/plain_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/answers.h"
#include "core/field_check.h"
#include "core/form.h"
#include "core/problems.h"
#include "core/value.h"
#include "util/i18n.h"
#include "util/safetext.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Asks a yes/no question (the line shown is prompt and then how) until
 * answered. */
static int
ask_yes_no(struct walk *w, const char *prompt, const char *how,
    const char *path, int dflt)
{
	char *line;
	int tries, v;

	for (tries = 0; tries < PLAIN_MAX_TRIES; tries++) {
		fprintf(w->out, "%s %s:\n", prompt, how);
		if (plain_read(w, &line) != 0)
			return -1;
		switch (plain_command(w, line)) {
		case CMD_BACK:
			free(line);
			return -1;
		case CMD_AGAIN:
			free(line);
			continue;
		case CMD_NONE:
			break;
		}
		v = *line == '\0' ? dflt : value_yes_no(line);
		free(line);
		if (v >= 0)
			return v;
		fprintf(w->out, _("[%s] error: answer y or n\n"), path);
	}
	w->stop = STOP_TRIES;
	return -1;
}

/* Asks a yes/no question until answered. */
int
plain_yes_no(struct walk *w, const char *prompt, const char *path, int dflt)
{
	return ask_yes_no(w, prompt, dflt ? "(y/n) [y]" : "(y/n) [n]", path,
	    dflt);
}

/* Asks a question whose blank answer is no. */
int
plain_confirm(struct walk *w, const char *prompt, const char *path)
{
	return ask_yes_no(w, prompt, "[y/N]", path, 0);
}

static char *default_text(const struct field *);

/* A scalar's text (strings, numbers, true, false, null), or NULL;
 * allocated. */
static char *
value_text_dup(const cJSON *v)
{
	char buf[64];
	const char *t = value_text(v, buf, sizeof buf);

	if (cJSON_IsNull(v))
		return session_value_text(v);
	return t != NULL ? xstrdup(t) : NULL;
}

/* 1 when an enumeration's values are just 1 and 0 (as text or numbers):
 * asked as a yes/no question, y sending 1. */
static int
one_or_zero(const cJSON *values)
{
	char *a, *b;
	int r;

	if (cJSON_GetArraySize(values) != 2)
		return 0;
	a = value_text_dup(cJSON_GetArrayItem(values, 0));
	b = value_text_dup(cJSON_GetArrayItem(values, 1));
	r = a != NULL && b != NULL && ((strcmp(a, "1") == 0 &&
	    strcmp(b, "0") == 0) || (strcmp(a, "0") == 0 &&
	    strcmp(b, "1") == 0));
	free(a);
	free(b);
	return r;
}

/* Writes " 1) a 2) b" for a field's allowed values into an allocated string. */
static char *
values_text(const cJSON *values)
{
	const cJSON *v;
	char *out, *next, *t;
	int i = 0;

	if (one_or_zero(values))
		return xstrdup(_(" (y/n: y sends 1, n sends 0)"));
	out = xstrdup("");
	cJSON_ArrayForEach(v, values) {
		t = value_text_dup(v);
		next = xasprintf("%s %d) %s", out, ++i, t != NULL ? t : "null");
		free(t);
		free(out);
		out = next;
	}
	return out;
}

/* The text shown in brackets: the answer, or the default. */
static char *
shown_value(const struct session *s, const struct slot *slot)
{
	const struct field *f = &s->form->fields[slot->field];
	char *cur = session_get_text(s, slot), buf[64], *safe;

	if (*cur != '\0' && f->secret) {
		free(cur);
		return xstrdup(_("hidden"));
	}
	if (*cur == '\0' && f->dflt != NULL && slot->item < 0) {
		free(cur);
		if ((cur = default_text(f)) == NULL)
			cur = xstrdup("");
	}
	if ((f->type == FT_BOOLEAN || (f->type == FT_ENUM &&
	    one_or_zero(field_values(f, s->answers, slot->index,
	    slot->nindex)))) && value_yes_no(cur) >= 0) {
		buf[0] = value_yes_no(cur) ? 'y' : 'n';
		free(cur);
		return xstrndup(buf, 1);
	}
	safe = safe_text(cur);	/* a loaded body or draft is outside text */
	free(cur);
	return safe;
}

/* Prints the prompt line of a field slot. */
static void
print_field_prompt(struct walk *w, const struct slot *slot)
{
	const struct field *f = &w->s->form->fields[slot->field];
	const cJSON *values = field_values(f, w->s->answers, slot->index,
	    slot->nindex);
	char *vals = values != NULL ? values_text(values) : xstrdup("");
	char *shown = shown_value(w->s, slot), *label;

	if (slot->item >= 0)
		label = xasprintf(_("%s, item %d"), form_text(f->label),
		    slot->item + 1);
	else
		label = xstrdup(form_text(f->label));
	fprintf(w->out, "[%s] %s (%s)%s%s%s%s%s%s:\n", slot->path, label,
	    session_slot_required(w->s, slot) ? _("required") : _("optional"),
	    f->type == FT_BOOLEAN ? " (y/n)" : "", vals,
	    f->type == FT_MULTI_ENUM ? _(" (several: separate with "
	    "commas)") : "",
	    *shown ? " [" : "", shown, *shown ? "]" : "");
	free(label);
	free(shown);
	free(vals);
}

/* The text of allowed value word, or of the value numbered word; allocated. */
static char *
enum_word(const cJSON *values, const char *word)
{
	const cJSON *v;
	char buf[64], *end, *t;
	const char *vt;
	long n;

	cJSON_ArrayForEach(v, values) {
		vt = value_text(v, buf, sizeof buf);
		if (vt != NULL && strcmp(vt, word) == 0)
			return xstrdup(word);
	}
	errno = 0;
	n = strtol(word, &end, 10);
	if (*word == '\0' || *end != '\0' || errno != 0 || n < 1 ||
	    n > cJSON_GetArraySize(values) ||
	    (t = value_text_dup(cJSON_GetArrayItem(values, (int)n - 1))) == NULL)
		return xstrdup(word);
	return t;
}

/* Maps every comma- or space-separated word of line through enum_word. */
static char *
enum_words(const cJSON *values, const char *line)
{
	char *out = xstrdup(""), *word, *mapped, *next;
	size_t n;

	for (;;) {
		line += strspn(line, ", \t");
		if ((n = strcspn(line, ", \t")) == 0)
			break;
		word = xstrndup(line, n);
		mapped = enum_word(values, word);
		next = xasprintf("%s%s%s", out, *out ? ", " : "", mapped);
		free(mapped);
		free(word);
		free(out);
		out = next;
		line += n;
	}
	return out;
}

/* The default of a field as text to store, or NULL. */
static char *
default_text(const struct field *f)
{
	if (f->dflt == NULL)
		return NULL;
	if (!cJSON_IsArray(f->dflt))
		return value_text_dup(f->dflt);
	return value_join(f->dflt);
}

/* Turns an answer line into the text to store; NULL keeps the answer as it
 * is. Sets *err to an allocated message for an answer of the wrong form. */
static char *
answer_text(struct walk *w, const struct slot *slot, const char *line,
    char **err)
{
	const struct field *f = &w->s->form->fields[slot->field];
	const cJSON *values = field_values(f, w->s->answers, slot->index,
	    slot->nindex);
	char *cur, *d;
	int yn;

	*err = NULL;
	if (strcmp(line, "!") == 0)
		return xstrdup("");
	if (*line == '\0') {
		cur = session_get_text(w->s, slot);
		d = *cur == '\0' && slot->item < 0 ? default_text(f) : NULL;
		if (*cur != '\0') {
			free(cur);
			return NULL;
		}
		free(cur);
		return d != NULL ? d : xstrdup("");
	}
	if (f->type == FT_BOOLEAN && slot->item < 0) {
		if ((yn = value_yes_no(line)) < 0) {
			*err = xstrdup(_("answer y or n"));
			return NULL;
		}
		return xstrdup(yn ? "true" : "false");
	}
	if (values != NULL && one_or_zero(values)) {
		if ((yn = value_yes_no(line)) < 0) {
			*err = xstrdup(_("answer y (sends 1) or n (sends 0)"));
			return NULL;
		}
		return xstrdup(yn ? "1" : "0");
	}
	if (values != NULL && f->type == FT_MULTI_ENUM)
		return enum_words(values, line);
	if (values != NULL)
		return enum_word(values, line);
	return xstrdup(line);
}

/* The slot's error with the answers as they are; allocated or NULL. */
static char *
slot_error(struct walk *w, const struct slot *slot)
{
	struct problems p = { NULL, 0 };
	const char *e;
	char *out;

	session_check(w->s, &p);
	e = session_slot_error(&p, slot);
	out = e != NULL ? xstrdup(e) : NULL;
	problems_free(&p);
	return out;
}

/* Applies one answer line; returns the error to show, or NULL. */
static char *
apply_answer(struct walk *w, const struct slot *slot, const char *line)
{
	char *text, *err, *cur;

	text = answer_text(w, slot, line, &err);
	if (err != NULL)
		return err;
	if (text != NULL) {
		err = session_set_text(w->s, slot, text);
		secmem_free(text);	/* may be a card number */
	} else
		err = slot_error(w, slot);
	if (err != NULL)
		return err;
	cur = session_get_text(w->s, slot);
	if (*cur == '\0' && session_slot_required(w->s, slot))
		err = xstrdup(_("is required"));
	free(cur);
	return err;
}

/* Prints the notice of a change the session made by itself, if any. */
static void
print_notice(struct walk *w, const struct slot *slot)
{
	char *note = session_notice_take(w->s);

	if (note != NULL)
		fprintf(w->out, _("[%s] note: %s\n"), slot->path, note);
	free(note);
}

/* Asks a field until it has a good answer (or "<" goes back). */
static void
ask_field(struct walk *w, const struct slot *slot)
{
	int secret = w->s->form->fields[slot->field].secret, tries;
	enum plain_cmd cmd;
	char *line, *err;

	plain_lookup_offer(w, slot);
	for (tries = 0; tries < PLAIN_MAX_TRIES; tries++) {
		print_field_prompt(w, slot);
		if ((secret ? plain_read_secret(w, &line) :
		    plain_read(w, &line)) != 0)
			return;
		if ((cmd = plain_command(w, line)) != CMD_NONE) {
			secmem_free(line);
			if (cmd == CMD_BACK)
				return;
			continue;
		}
		switch (plain_lookup_answer(w, slot, line, &err)) {
		case 2:		/* "??" listed the entries: ask again */
			free(line);
			tries--;
			continue;
		case 0:
			err = apply_answer(w, slot, line);
		}
		secmem_free(line);	/* may be a card number */
		print_notice(w, slot);
		if (err == NULL) {
			plain_seen_add(w, slot->path);
			w->offered = NULL;
			return;
		}
		fprintf(w->out, _("[%s] error: %s\n"), slot->path, err);
		free(err);
	}
	w->offered = NULL;
	w->stop = STOP_TRIES;
}

/* Asks whether to add an optional object; required ones are entered. */
static void
ask_object(struct walk *w, const struct slot *slot)
{
	const struct field *f = &w->s->form->fields[slot->field];
	char *prompt;
	int has, yes;

	if (session_slot_required(w->s, slot)) {
		plain_quiet_add(w, slot->path);
		return;
	}
	has = session_slot_sent(w->s, slot);
	prompt = xasprintf(_("[%s] Add %s?"), slot->path, form_text(f->label));
	yes = plain_yes_no(w, prompt, slot->path, has);
	free(prompt);
	if (yes < 0)
		return;
	if (!yes) {
		plain_skip_add(w, slot->path);
		if (has)
			free(session_set_text(w->s, slot, ""));
	}
	plain_seen_add(w, slot->path);
}

/* Asks whether to add an item to a list; a required list gets one. */
static void
ask_list(struct walk *w, const struct slot *slot)
{
	const struct field *f = &w->s->form->fields[slot->field];
	size_t n = session_list_count(w->s, slot);
	int req = session_slot_required(w->s, slot), tries, yes;
	char *prompt, *key = xasprintf("%s#%zu", slot->path, n);

	prompt = xasprintf(_("[%s] Add %s item to %s?"), slot->path,
	    n == 0 ? _("an") : _("another"), form_text(f->label));
	for (tries = 0; tries < PLAIN_MAX_TRIES; tries++) {
		if (f->max_items >= 0 && n >= (size_t)f->max_items) {
			plain_quiet_add(w, key);	/* full: not asked */
			break;
		}
		if ((yes = plain_yes_no(w, prompt, slot->path,
		    req && n == 0)) < 0)
			break;
		if (yes || !req || n > 0) {
			if (yes)
				session_list_add(w->s, slot);
			plain_seen_add(w, key);
			break;
		}
		fprintf(w->out, _("[%s] error: is required; add at least one "
		    "item\n"), slot->path);
	}
	if (tries == PLAIN_MAX_TRIES)
		w->stop = STOP_TRIES;
	free(prompt);
	free(key);
}

/* Asks the prompt of one slot. */
void
plain_ask(struct walk *w, const struct slot *slot)
{
	enum field_type t = w->s->form->fields[slot->field].type;

	w->cur = slot;
	if (t == FT_OBJECT)
		ask_object(w, slot);
	else if ((t == FT_LIST || t == FT_OBJECT_LIST) && slot->item < 0)
		ask_list(w, slot);
	else
		ask_field(w, slot);
}
