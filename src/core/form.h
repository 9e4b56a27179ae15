/* form.h: the form model: products, screens and fields, loaded from form files.
 *
 * Ownership: form_load() returns a form the caller releases with form_free();
 * every pointer inside a form (fields, strings, conditions, cJSON values) is
 * owned by the form. Functions that return char * return an allocated string
 * the caller frees; errors come back as an allocated message in *cause.
 */
#ifndef CERTWIZ_FORM_H
#define CERTWIZ_FORM_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct expr;

/* What a field holds; decides its widget and its validator. */
enum field_type {
	FT_STRING, FT_TEXT, FT_INTEGER, FT_BOOLEAN, FT_ENUM, FT_MULTI_ENUM,
	FT_EMAIL, FT_PHONE, FT_COUNTRY, FT_DATE, FT_CSR, FT_DNS_NAME, FT_OIN,
	FT_CARD_NUMBER, FT_CARD_MONTH, FT_CARD_YEAR, FT_CVV, FT_ALT_ORDER_ID,
	FT_THUMBPRINT, FT_ID, FT_OBJECT, FT_LIST, FT_OBJECT_LIST,
	FT_COUNT
};

/* The JSON type a field is sent as. */
enum json_type {
	JT_STRING, JT_INTEGER, JT_BOOLEAN, JT_OBJECT, JT_ARRAY, JT_COUNT
};

/* Allowed values that apply while a condition holds. */
struct values_rule {
	struct expr	*when;
	cJSON		*values;	/* array of scalars */
};

/* A value a local field takes while a condition on the body holds. */
struct infer_rule {
	struct expr	*when;
	cJSON		*value;		/* a scalar */
};

/* One request parameter. */
struct field {
	char		*path;		/* organization.contacts[].email */
	char		*name;		/* its JSON member name: email */
	char		*label;
	char		*help;
	enum field_type	 type;
	enum field_type	 item;		/* FT_LIST: type of each item */
	enum json_type	 json;
	int		 nullable;	/* null is an allowed value */
	int		 required;	/* whenever its parent is sent */
	struct expr	*required_if;	/* else required while this holds */
	struct expr	*when;		/* applies only while this holds */
	cJSON		*values;	/* enumeration: scalars, or NULL */
	struct values_rule *values_if;
	size_t		 nvalues_if;
	long long	 min, max;	/* integer range */
	int		 has_min, has_max;
	long		 min_length, max_length;	/* -1: no bound */
	long		 max_items;	/* lists: -1 no bound */
	int		 max_days;	/* dates: days after today */
	int		 max_years;	/* dates: calendar years on */
	int		 local;		/* a form's own choice, not sent */
	struct infer_rule *infer;	/* local: its value read off a body */
	size_t		 ninfer;
	char		*expiry_month;	/* card years: path of the month */
	char		*key_type;	/* CSRs: path of the key type field */
	char		*key_size;	/* CSRs: path of the key size field */
	cJSON		*max_count;	/* object-list members: {value: n} */
	cJSON		*dflt;		/* default value, or NULL */
	int		 secret;	/* never shown, stored or logged */
	int		 remember;	/* recall: 0, REMEMBER_PLATFORM or
					 * REMEMBER_PRODUCT */
	char		*lookup;	/* "users" ... (lookup.h), or NULL */
	size_t		 parent;	/* parent field's index; SIZE_MAX */
	size_t		 screen;	/* index of its screen */
	char		*file;		/* form file it came from */
};

/* One screen of the wizard: a titled run of fields. */
struct screen {
	char		*title;
	struct expr	*when;		/* shown only while this holds; NULL */
	size_t		 first;		/* index of its first field */
	size_t		 count;		/* number of fields */
};

/* Where recall keeps a field's answer: with the platform's account
 * ("remember": true; organization, contacts) or with the product
 * ("remember": "product"; the order's choices). */
enum { REMEMBER_PLATFORM = 1, REMEMBER_PRODUCT = 2 };

/* One product's order form. */
struct form {
	char		*id;
	char		*title;
	char		*platform;	/* "us" or "eu" */
	char		*endpoint;	/* order/certificate/<id> */
	char		*summary;	/* one line: what the product is for */
	char		*file;
	struct screen	*screens;
	size_t		 nscreens;
	struct field	*fields;
	size_t		 nfields;
};

/* Loads the product id's form from dir (dir/<id>.json plus its fragments). */
struct form	*form_load(const char *dir, const char *id, char **cause);
/* Releases a form and everything in it. */
void		 form_free(struct form *form);
/* Lists the product ids in dir, sorted; returns their number or -1 with
 * *cause. */
int		 form_list_ids(const char *dir, char ***ids, char **cause);
/* Releases a list returned by form_list_ids(). */
void		 form_free_ids(char **ids, int n);
/* The index of parent's child field with this member name, or SIZE_MAX;
 * parent SIZE_MAX means the top level. */
size_t		 form_child(const struct form *form, size_t parent,
		    const char *name);
/* Finds a field by its path (with [] for list members), or NULL. */
const struct field *form_find(const struct form *form, const char *path);
/* The forms directory: override, else $CERTWIZ_FORMS, else the installed
 * one, else (running from a build tree) the forms/ beside src/; allocated. */
char		*form_default_dir(const char *override);

/* Type names as written in form files, and back. */
const char	*field_type_name(enum field_type type);
int		 field_type_parse(const char *name, enum field_type *type);
const char	*json_type_name(enum json_type type);
int		 json_type_parse(const char *name, enum json_type *type);
/* The allowed values of a field given the answers, or NULL when any value
 * goes. */
const cJSON	*field_values(const struct field *f, const cJSON *answers,
		    const size_t *index, size_t nindex);

#endif
