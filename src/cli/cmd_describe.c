/* cmd_describe.c: "certwiz describe": a product's fields, for people or jq. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/expr.h"
#include "core/field_check.h"
#include "core/field_help.h"
#include "core/field_type.h"
#include "core/form.h"
#include "core/platform.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* "required", "optional" or "conditional", as the product pages say. */
static const char *
requirement(const struct field *f)
{
	if (f->required)
		return N_("required");
	return f->required_if != NULL ? N_("conditional") : N_("optional");
}

/* Prints text wrapped at 78 columns, each line indented by indent spaces. */
static void
wrap(const char *text, int indent)
{
	int col = 0, len;

	while (*text != '\0') {
		text += strspn(text, " ");
		len = (int)strcspn(text, " ");
		if (len == 0)
			break;
		if (col > 0 && col + 1 + len > 78 - indent) {
			putchar('\n');
			col = 0;
		}
		printf("%*s%.*s", col == 0 ? indent : 1, "", len, text);
		col += (col == 0 ? 0 : 1) + len;
		text += len;
	}
	if (col > 0)
		putchar('\n');
}

/* Appends one limit to the list being built in *s ("a; b"). */
static void
limit_add(char **s, char *text)
{
	char *next = *s == NULL ? xstrdup(text) : xasprintf("%s; %s", *s,
	    text);

	free(*s);
	free(text);
	*s = next;
}

/* Prints the limits of a field (range, lengths, items, days, pattern). */
static void
print_limits(const struct field *f)
{
	char *s = NULL;
	const cJSON *item;
	const char *pat = field_types[f->type == FT_LIST ? f->item :
	    f->type].pattern;

	if (f->has_min && f->has_max)
		limit_add(&s, xasprintf(_("from %lld to %lld"), f->min,
		    f->max));
	else if (f->has_min)
		limit_add(&s, xasprintf(_("at least %lld"), f->min));
	else if (f->has_max)
		limit_add(&s, xasprintf(_("at most %lld"), f->max));
	if (f->min_length >= 0)
		limit_add(&s, xasprintf(_("at least %ld characters"),
		    f->min_length));
	if (f->max_length >= 0)
		limit_add(&s, xasprintf(_("at most %ld characters"),
		    f->max_length));
	if (f->max_items >= 0)
		limit_add(&s, xasprintf(_("at most %ld items"), f->max_items));
	if (f->max_days >= 0)
		limit_add(&s, xasprintf(_("within %d days of today"),
		    f->max_days));
	if (f->max_years >= 0)
		limit_add(&s, xasprintf(
		    _("at most %d calendar years after today"), f->max_years));
	if (f->type == FT_LIST)
		printf(_("      each item: %s\n"), field_type_name(f->item));
	cJSON_ArrayForEach(item, f->max_count) {
		printf(_("      at most %g items may have %s %s\n"),
		    item->valuedouble, f->name, item->string);
	}
	if (s != NULL)
		printf(_("      limits: %s\n"), s);
	if (pat != NULL)
		printf(_("      pattern: %s\n"), pat);
	free(s);
}

/* Prints the allowed values and the default of a field, if any. */
static void
print_values(const struct field *f)
{
	char *words, *when, *text;
	size_t i;

	for (i = 0; i < f->nvalues_if; i++) {
		words = field_values_words(f->values_if[i].values);
		when = expr_words(f->values_if[i].when);
		printf(_("      values when %s: %s\n"), when, words);
		free(words);
		free(when);
	}
	if (f->values != NULL) {
		words = field_values_words(f->values);
		printf(_("      values%s: %s\n"), f->nvalues_if > 0 ?
		    _(" otherwise") : "", words);
		free(words);
	}
	if (f->dflt != NULL) {
		text = cJSON_PrintUnformatted(f->dflt);
		printf(_("      default: %s\n"), text != NULL ? text : "?");
		free(text);
	}
}

/* Prints one field as a block of text; help examples are for now. */
static void
print_field(const struct field *f, time_t now)
{
	char *words, *help;

	printf("  %s: %s\n", f->path, form_text(f->label));
	printf("      %s", _(requirement(f)));
	if (f->required_if != NULL) {
		words = expr_words(f->required_if);
		printf(_(": required when %s"), words);
		free(words);
	}
	if (f->when != NULL) {
		words = expr_words(f->when);
		printf(_("; sent only when %s"), words);
		free(words);
	}
	if (f->local)
		printf("%s", _("; a choice of the wizard, never sent"));
	printf(_("\n      type %s, sent as a JSON %s%s%s\n"),
	    field_type_name(f->type), json_type_name(f->json),
	    f->nullable ? _(" or null") : "", f->secret ?
	    _("; secret: masked and never saved") : "");
	print_values(f);
	print_limits(f);
	help = field_help(f, now);
	if (help[0] != '\0')
		wrap(help, 6);
	free(help);
}

/* Prints the form as text grouped by screen, numbered as the wizard
 * numbers them. */
static void
print_text(const struct form *form, time_t now)
{
	const struct screen *s;
	size_t i, j;
	char *words, *head;

	printf(_("%s (%s)\n%s\nPlatform: %s. Order with POST %s/%s\n"),
	    form_text(form->title), form->id, form_text(form->summary),
	    _(platform_title(form->platform)),
	    platform_base_url(form->platform),
	    form->endpoint);
	for (i = 0; i < form->nscreens; i++) {
		s = &form->screens[i];
		head = session_screen_heading(form, i);
		printf("\n%s\n", head);
		free(head);
		if (s->when != NULL) {
			words = expr_words(s->when);
			printf(_("  (shown only when %s)\n"), words);
			free(words);
		}
		for (j = s->first; j < s->first + s->count; j++)
			print_field(&form->fields[j], now);
	}
}

/* Adds a condition as "key" (its expression) and "key_words" (in words),
 * both null when there is none. */
static void
add_condition(cJSON *o, const char *key, const struct expr *e)
{
	char *words = e != NULL ? expr_words(e) : NULL, *wk;

	json_add_string_or_null(o, key, e != NULL ? expr_source(e) : NULL);
	wk = xasprintf("%s_words", key);
	json_add_string_or_null(o, wk, words);
	free(wk);
	free(words);
}

/* Adds a number, or null when the limit is not set. */
static void
add_limit(cJSON *o, const char *key, int set, double v)
{
	cJSON_AddItemToObject(o, key, set ? cJSON_CreateNumber(v) :
	    cJSON_CreateNull());
}

/* Adds the limits of a field: range, lengths, items, day windows. */
static void
add_limits(cJSON *o, const struct field *f)
{
	const char *pat = field_types[f->type == FT_LIST ? f->item :
	    f->type].pattern;

	add_limit(o, "min", f->has_min, (double)f->min);
	add_limit(o, "max", f->has_max, (double)f->max);
	add_limit(o, "min_length", f->min_length >= 0, (double)f->min_length);
	add_limit(o, "max_length", f->max_length >= 0, (double)f->max_length);
	json_add_string_or_null(o, "pattern", pat);
	add_limit(o, "max_items", f->max_items >= 0, (double)f->max_items);
	json_add_string_or_null(o, "item_type", f->type == FT_LIST ?
	    field_type_name(f->item) : NULL);
	add_limit(o, "max_days", f->max_days >= 0, (double)f->max_days);
	add_limit(o, "max_years", f->max_years >= 0, (double)f->max_years);
	cJSON_AddItemToObject(o, "max_count", f->max_count != NULL ?
	    cJSON_Duplicate(f->max_count, 1) : cJSON_CreateNull());
}

/* The values that apply while a condition holds, as a JSON array. */
static cJSON *
values_if_json(const struct field *f)
{
	cJSON *a = cJSON_CreateArray(), *r;
	size_t i;

	for (i = 0; i < f->nvalues_if; i++) {
		r = cJSON_CreateObject();
		add_condition(r, "when", f->values_if[i].when);
		cJSON_AddItemToObject(r, "values",
		    cJSON_Duplicate(f->values_if[i].values, 1));
		cJSON_AddItemToArray(a, r);
	}
	return a;
}

/* Builds the JSON description of one field. */
static cJSON *
field_json(const struct form *form, const struct field *f, time_t now)
{
	cJSON *o = cJSON_CreateObject();
	char *help = field_help(f, now);

	cJSON_AddStringToObject(o, "path", f->path);
	cJSON_AddStringToObject(o, "label", f->label);
	cJSON_AddStringToObject(o, "type", field_type_name(f->type));
	cJSON_AddStringToObject(o, "json_type", json_type_name(f->json));
	cJSON_AddStringToObject(o, "required", requirement(f));
	add_condition(o, "condition", f->required_if);
	add_condition(o, "when", f->when);
	cJSON_AddItemToObject(o, "values", f->values != NULL ?
	    cJSON_Duplicate(f->values, 1) : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "values_if", values_if_json(f));
	cJSON_AddItemToObject(o, "default", f->dflt != NULL ?
	    cJSON_Duplicate(f->dflt, 1) : cJSON_CreateNull());
	add_limits(o, f);
	cJSON_AddBoolToObject(o, "nullable", f->nullable);
	cJSON_AddBoolToObject(o, "secret", f->secret);
	cJSON_AddBoolToObject(o, "local", f->local);
	json_add_string_or_null(o, "lookup", f->lookup);
	cJSON_AddStringToObject(o, "screen", form->screens[f->screen].title);
	cJSON_AddNumberToObject(o, "screen_number", (double)f->screen + 1);
	cJSON_AddStringToObject(o, "help", help);
	free(help);
	return o;
}

/* Prints the form as one JSON object. */
static int
print_json(const struct form *form, time_t now)
{
	cJSON *o = cJSON_CreateObject(), *fields;
	size_t i;
	int rc;

	cJSON_AddStringToObject(o, "product", form->id);
	cJSON_AddStringToObject(o, "title", form->title);
	cJSON_AddStringToObject(o, "platform", form->platform);
	cJSON_AddStringToObject(o, "base_url",
	    platform_base_url(form->platform));
	cJSON_AddStringToObject(o, "endpoint", form->endpoint);
	fields = cJSON_AddArrayToObject(o, "fields");
	for (i = 0; i < form->nfields; i++)
		cJSON_AddItemToArray(fields,
		    field_json(form, &form->fields[i], now));
	rc = cli_json_print(o) == 0 ? EXIT_OK : EXIT_NOMEM;
	cJSON_Delete(o);
	return rc;
}

/* Describes one product's fields. */
static int
cmd_describe(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cmd_describe_entry;
	struct form *form;
	int json = 0, rc;

	if ((rc = cli_parse_json_opt(cmd, argc, argv, &json)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (argc - optind != 1)
		return cli_usage(cmd);
	if ((form = cli_load_form(ctx, argv[optind])) == NULL)
		return EXIT_USAGE;
	rc = EXIT_OK;
	if (json)
		rc = print_json(form, ctx->now);
	else
		print_text(form, ctx->now);
	form_free(form);
	return rc;
}

const struct cli_cmd cmd_describe_entry = {
	.name = "describe", .exec = cmd_describe,
	.usage = "describe [--json] PRODUCT",
	.summary = N_("show every field of a product's order and when it is "
	    "required"),
};
