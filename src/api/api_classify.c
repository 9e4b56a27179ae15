/* api_classify.c: the one table that decides what became of an order
 * POST from what came back. Once any byte of the body may have left the
 * machine, only CertCentral's own JSON error array can make the order
 * "refused"; everything else that is not a 2xx with an order ID is
 * "unknown" until a look-up settles it. */
#include "config.h"

#include "api/api_int.h"

#include <stddef.h>
#include <string.h>

/* One row: an answer shape and what it means. */
struct classify_row {
	const char		*shape;		/* in words, for tests and notes */
	int			(*match)(const struct api_shape *);
	enum api_outcome	 outcome;
};

/* No byte of the body was handed to the connection. */
static int
nothing_sent(const struct api_shape *s)
{
	return !s->body_out;
}

/* A 2xx answer that names the order. */
static int
placed(const struct api_shape *s)
{
	return s->status >= 200 && s->status < 300 && s->order_id;
}

/* An answer carrying DigiCert's error array, outside 2xx. */
static int
refused(const struct api_shape *s)
{
	return (s->status < 200 || s->status >= 300) && s->status != 0 &&
	    s->errors;
}

/* Anything at all. */
static int
anything(const struct api_shape *s)
{
	(void)s;
	return 1;
}

/* The table, first match wins. */
static const struct classify_row rows[] = {
	{ .shape = "nothing of the body left the machine",
	  .match = nothing_sent, .outcome = API_FAILED },
	{ .shape = "a 2xx answer with the order's ID",
	  .match = placed, .outcome = API_PLACED },
	{ .shape = "CertCentral's error array",
	  .match = refused, .outcome = API_REJECTED },
	{ .shape = "anything else after the body may have left",
	  .match = anything, .outcome = API_UNKNOWN },
};

/* What an answer of shape s means; *row gets the row's words. */
enum api_outcome
api_classify(const struct api_shape *s, const char **row)
{
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (rows[i].match(s)) {
			if (row != NULL)
				*row = rows[i].shape;
			return rows[i].outcome;
		}
	}
	return API_UNKNOWN;	/* not reached: the last row matches all */
}

/* The shape of what came back, for api_classify(); *answer gets the
 * parsed answer (or NULL), and res the order or the errors. */
void
api_shape_of(const struct api_response *r, cJSON **answer,
    struct api_result *res,
    struct api_shape *sh)
{
	memset(sh, 0, sizeof *sh);
	sh->body_out = r->upload_off > 0 || r->sent;
	sh->status = r->status;
	*answer = r->code == CURLE_OK || r->status != 0 ?
	    api_parse_answer(r) : NULL;
	if (*answer == NULL)
		return;
	if (r->code == CURLE_OK && r->status >= 200 && r->status < 300)
		sh->order_id = api_parse_order(*answer, res) == 0;
	else if (r->status < 200 || r->status >= 300)
		sh->errors = api_parse_errors(*answer, res) == 0;
}
