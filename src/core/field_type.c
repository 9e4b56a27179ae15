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
	    .widget = FW_TEXT, .check = check_email_text },
	[FT_PHONE] = { .name = "phone", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_phone_text },
	[FT_COUNTRY] = { .name = "country", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_country_text },
	[FT_DATE] = { .name = "date", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_date_text },
	[FT_CSR] = { .name = "csr", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_csr_text },
	[FT_DNS_NAME] = { .name = "dns-name", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_dns_name_text },
	[FT_OIN] = { .name = "oin", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_oin_text },
	[FT_CARD_NUMBER] = { .name = "card-number", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_card_number_text },
	[FT_CARD_MONTH] = { .name = "card-month", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_card_month_text },
	[FT_CARD_YEAR] = { .name = "card-year", .json = JT_STRING,
	    .widget = FW_TEXT, .check = field_check_card_year },
	[FT_CVV] = { .name = "cvv", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_cvv_text },
	[FT_ALT_ORDER_ID] = { .name = "alt-order-id", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_alt_order_id_text },
	[FT_THUMBPRINT] = { .name = "thumbprint", .json = JT_STRING,
	    .widget = FW_TEXT, .check = check_thumbprint_text },
	[FT_ID] = { .name = "id", .json = JT_INTEGER,
	    .widget = FW_TEXT },
	[FT_OBJECT] = { .name = "object", .json = JT_OBJECT,
	    .widget = FW_HEADING },
	[FT_LIST] = { .name = "list", .json = JT_ARRAY,
	    .widget = FW_LIST },
	[FT_OBJECT_LIST] = { .name = "object-list", .json = JT_ARRAY,
	    .widget = FW_LIST },
};
