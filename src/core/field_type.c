/* field_type.c: the table of field types. */
#include "config.h"

#include "core/field_type.h"

#include "core/check.h"

/* A checker that needs nothing but the text. */
#define TEXT_CHECK(fn)							\
static char *								\
fn##_text(const char *text, const struct field_ctx *c)			\
{									\
	(void)c;							\
	return fn(text);						\
}

TEXT_CHECK(check_email)
TEXT_CHECK(check_phone)
TEXT_CHECK(check_country)
TEXT_CHECK(check_csr)
TEXT_CHECK(check_dns_name)
TEXT_CHECK(check_oin)
TEXT_CHECK(check_card_number)
TEXT_CHECK(check_card_month)
TEXT_CHECK(check_cvv)
TEXT_CHECK(check_alt_order_id)
TEXT_CHECK(check_thumbprint)

/* A date after today, at most the field's max_years or max_days after
 * it. */
static char *
check_date_text(const char *text, const struct field_ctx *c)
{
	if (c->f->max_years >= 0)
		return check_date_years(text, c->f->max_years, c->now);
	return check_date(text, c->f->max_days, c->now);
}

/* A date ahead of today, within the field's window. */
static char *
date_example(const struct field *f, time_t now)
{
	return check_date_example(now, f->max_days);
}

const struct field_type_def field_types[FT_COUNT] = {
	[FT_STRING] = { .name = "string", .json = JT_STRING,
	    .widget = FW_TEXT },
	[FT_TEXT] = { .name = "text", .json = JT_STRING,
	    .widget = FW_TEXT },
	[FT_INTEGER] = { .name = "integer", .json = JT_INTEGER,
	    .widget = FW_TEXT },
	[FT_BOOLEAN] = { .name = "boolean", .json = JT_BOOLEAN,
	    .widget = FW_TOGGLE },
	[FT_ENUM] = { .name = "enum", .json = JT_COUNT,
	    .widget = FW_CHOICE },
	[FT_MULTI_ENUM] = { .name = "multi-enum", .json = JT_ARRAY,
	    .widget = FW_TEXT },
	[FT_EMAIL] = { .name = "email", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_email_text,
	    .pattern = "^(?=.{1,254}$)(?=[^@]{1,64}@)"
	    "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
	    "(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
	    "@(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
	    "(?![0-9]+$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$" },
	[FT_PHONE] = { .name = "phone", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_phone_text,
	    .pattern = "^\\+?(?=[0-9(])(?=(?:[^0-9]*[0-9]){7,20}[^0-9]*$)"
	    "(?:[0-9 .-]|\\([ .-]*[0-9][0-9 .-]*\\))*[0-9]$" },
	[FT_COUNTRY] = { .name = "country", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_country_text,
	    .pattern = "^[A-Za-z]{2}$" },
	[FT_DATE] = { .name = "date", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_date_text,
	    .pattern = "^[0-9]{2} ([Jj][Aa][Nn]|[Ff][Ee][Bb]|[Mm][Aa][Rr]|"
	    "[Aa][Pp][Rr]|[Mm][Aa][Yy]|[Jj][Uu][Nn]|[Jj][Uu][Ll]|[Aa][Uu][Gg]|"
	    "[Ss][Ee][Pp]|[Oo][Cc][Tt]|[Nn][Oo][Vv]|[Dd][Ee][Cc]) [0-9]{4}$",
	    .note = "a real calendar date, after today and within the form's "
	    "window from today",
	    .example = date_example },
	[FT_CSR] = { .name = "csr", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_csr_text,
	    .pattern = "^[\\t-\\r ]*-----BEGIN (NEW CERTIFICATE REQUEST|"
	    "CERTIFICATE REQUEST|PUBLIC KEY)-----([A-Za-z0-9+/=\\t-\\r ]|"
	    "\\\\[nr])+-----END (NEW CERTIFICATE REQUEST|CERTIFICATE REQUEST|"
	    "PUBLIC KEY)-----[\\t-\\r ]*$",
	    .note = "the CSR's body is a DER-encoded request" },
	[FT_DNS_NAME] = { .name = "dns-name", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_dns_name_text,
	    .pattern = "^(?=.{1,253}$)(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}"
	    "[A-Za-z0-9])?\\.)+(?![0-9]+$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}"
	    "[A-Za-z0-9])?$" },
	[FT_OIN] = { .name = "oin", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_oin_text,
	    .pattern = "^[0-9]{20}$" },
	[FT_CARD_NUMBER] = { .name = "card-number", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_card_number_text,
	    .pattern = "^(?=(?:[^0-9]*[0-9]){12,19}[^0-9]*$)[0-9]+"
	    "([ -][0-9]+)*$",
	    .note = "the Luhn check digit" },
	[FT_CARD_MONTH] = { .name = "card-month", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_card_month_text,
	    .pattern = "^(0[1-9]|1[0-2])$",
	    .bounds = "{\"minimum\": 1, \"exclusiveMaximum\": 13}" },
	[FT_CARD_YEAR] = { .name = "card-year", .json = JT_STRING,
	    .widget = FW_TEXT, .check = field_check_card_year,
	    .pattern = "^[0-9]{4}$",
	    .note = "not before this year, and with the month not before "
	    "this month",
	    .bounds = "{\"minimum\": 1000, \"maximum\": 9999}" },
	[FT_CVV] = { .name = "cvv", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_cvv_text,
	    .pattern = "^[0-9]{3,4}$",
	    .bounds = "{\"minimum\": 100, \"maximum\": 9999}" },
	[FT_ALT_ORDER_ID] = { .name = "alt-order-id", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_alt_order_id_text,
	    .pattern = "^[A-Za-z0-9]{1,64}$" },
	[FT_THUMBPRINT] = { .name = "thumbprint", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_thumbprint_text,
	    .pattern = "^[0-9A-Fa-f]{2}([: ]?[0-9A-Fa-f]{2}){19}$" },
	[FT_ID] = { .name = "id", .json = JT_INTEGER,
	    .widget = FW_TEXT },
	[FT_OBJECT] = { .name = "object", .json = JT_OBJECT,
	    .widget = FW_HEADING },
	[FT_LIST] = { .name = "list", .json = JT_ARRAY,
	    .widget = FW_LIST },
	[FT_OBJECT_LIST] = { .name = "object-list", .json = JT_ARRAY,
	    .widget = FW_LIST },
};
