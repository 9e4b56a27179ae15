/* cmd_describe.c: "certwiz describe": a product's fields, for people or jq. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/field_check.h"
#include "core/form.h"
#include "core/platform.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include "util/i18n.h"

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

/* Prints the limits of a field (range, lengths, items, days), if any. */
static void
print_limits(const struct field *f)
{
	char *s = NULL, *t, *v = NULL;
	const cJSON *item;

	if (f->has_min && f->has_max)
		s = xasprintf(_("from %lld to %lld"), f->min, f->max);
	else if (f->has_min)
		s = xasprintf(_("at least %lld"), f->min);
	else if (f->has_max)
		s = xasprintf(_("at most %lld"), f->max);
	if (f->max_length >= 0)
		v = xasprintf(_("at most %ld characters"), f->max_length);
	else if (f->max_items >= 0)
		v = xasprintf(_("at most %ld items"), f->max_items);
	else if (f->max_days >= 0)
		v = xasprintf(_("within %d days of today"), f->max_days);
	t = s != NULL && v != NULL ? xasprintf("%s; %s", s, v) :
	    xstrdup(s != NULL ? s : v);
	cJSON_ArrayForEach(item, f->max_count) {
		printf(_("      at most %g items may have %s %s\n"),
		    item->valuedouble, f->name, item->string);
	}
	if (t != NULL)
		printf(_("      limits: %s\n"), t);
	free(s);
	free(v);
	free(t);
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
		printf(_("      default: %s\n"), text);
		free(text);
	}
}

/* Prints one field as a block of text. */
static void
print_field(const struct field *f)
{
	char *words;

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
	printf(_("\n      type %s, sent as a JSON %s%s%s\n"),
	    field_type_name(f->type), json_type_name(f->json),
	    f->nullable ? _(" or null") : "", f->secret ?
	    _("; secret: masked and never saved") : "");
	print_values(f);
	print_limits(f);
	if (f->help[0] != '\0')
		wrap(form_text(f->help), 6);
}

/* Prints the form as text grouped by screen. */
static void
print_text(const struct form *form)
{
	const struct screen *s;
	size_t i, j;
	char *words;

	printf(_("%s (%s)\n%s\nPlatform: %s. Order with POST %s/%s\n"),
	    form_text(form->title), form->id, form_text(form->summary),
	    _(platform_title(form->platform)),
	    platform_base_url(form->platform),
	    form->endpoint);
	for (i = 0; i < form->nscreens; i++) {
		s = &form->screens[i];
		printf(_("\nScreen %zu of %zu: %s\n"), i + 1, form->nscreens,
		    form_text(s->title));
		if (s->when != NULL) {
			words = expr_words(s->when);
			printf(_("  (shown only when %s)\n"), words);
			free(words);
		}
		for (j = s->first; j < s->first + s->count; j++)
			print_field(&form->fields[j]);
	}
}

/* Builds the JSON description of one field. */
static cJSON *
field_json(const struct form *form, const struct field *f)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "path", f->path);
	cJSON_AddStringToObject(o, "label", f->label);
	cJSON_AddStringToObject(o, "type", field_type_name(f->type));
	cJSON_AddStringToObject(o, "json_type", json_type_name(f->json));
	cJSON_AddStringToObject(o, "required", requirement(f));
	json_add_string_or_null(o, "condition", f->required_if != NULL ?
	    expr_source(f->required_if) : NULL);
	json_add_string_or_null(o, "when", f->when != NULL ?
	    expr_source(f->when) : NULL);
	cJSON_AddItemToObject(o, "values", f->values != NULL ?
	    cJSON_Duplicate(f->values, 1) : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "default", f->dflt != NULL ?
	    cJSON_Duplicate(f->dflt, 1) : cJSON_CreateNull());
	cJSON_AddBoolToObject(o, "nullable", f->nullable);
	cJSON_AddBoolToObject(o, "secret", f->secret);
	cJSON_AddStringToObject(o, "screen", form->screens[f->screen].title);
	cJSON_AddStringToObject(o, "help", f->help);
	return o;
}

/* Prints the form as one JSON object. */
static void
print_json(const struct form *form)
{
	cJSON *o = cJSON_CreateObject(), *fields;
	size_t i;

	cJSON_AddStringToObject(o, "product", form->id);
	cJSON_AddStringToObject(o, "title", form->title);
	cJSON_AddStringToObject(o, "platform", form->platform);
	cJSON_AddStringToObject(o, "base_url",
	    platform_base_url(form->platform));
	cJSON_AddStringToObject(o, "endpoint", form->endpoint);
	fields = cJSON_AddArrayToObject(o, "fields");
	for (i = 0; i < form->nfields; i++)
		cJSON_AddItemToArray(fields, field_json(form, &form->fields[i]));
	cli_json_print(o);
	cJSON_Delete(o);
}

/* Describes one product's fields. */
int
cmd_describe(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("describe");
	struct form *form;
	int json = 0, rc;

	if ((rc = cli_parse_json_opt(cmd, argc, argv, &json)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (argc - optind != 1)
		return cli_usage(cmd);
	if ((form = cli_load_form(ctx, argv[optind])) == NULL)
		return EXIT_USAGE;
	if (json)
		print_json(form);
	else
		print_text(form);
	form_free(form);
	return EXIT_OK;
}
