/* plain_submit.c: plain mode's last question: submit the order, with a
 * key prompt when no key is known (the key is never echoed or printed). */
#include "config.h"

#include "plain/plain_int.h"

#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/form.h"
#include "core/platform.h"
#include "util/i18n.h"
#include "util/secmem.h"
#include "util/xalloc.h"
#include "wizard/session.h"

/* Asks for the platform's key when none is known; 0 when there is one. */
static int
ask_key(struct walk *w, struct api *api, const char *platform)
{
	char *line = NULL, *cause = NULL;
	int rc;

	if (api_has_key(api, platform, &cause) == 1)
		return 0;
	fprintf(w->out, "%s\n", cause);
	free(cause);
	cause = NULL;
	fprintf(w->out, _("[api_key] API key for the %s platform:\n"),
	    _(platform_title(platform)));
	if (plain_read_secret(w, &line) != 0)
		return -1;
	rc = api_set_key(api, platform, line, &cause);
	secmem_free(line);
	if (rc != 0) {
		fprintf(w->out, _("[api_key] error: %s\n"), cause);
		free(cause);
	}
	return rc;
}

/* Asks whether to submit, then submits with api. */
int
plain_submit(struct session *s, struct api *api, const char *draft,
    struct plain_in *in, FILE *out, volatile sig_atomic_t *signo,
    struct api_result *res)
{
	struct plain_opts o = { .signo = signo };
	const char *platform = s->form->platform;
	struct walk w;
	char *prompt;
	cJSON *body;
	int yes;

	memset(&w, 0, sizeof w);
	w.s = s;
	w.in = in;
	w.out = out;
	w.o = &o;
	prompt = xasprintf(_("[submit] Place this order on the %s platform?"),
	    _(platform_title(platform)));
	yes = plain_confirm(&w, prompt, "submit");
	free(prompt);
	if (yes <= 0)
		return yes;
	if (ask_key(&w, api, platform) != 0)
		return -1;
	fprintf(out, _("Submitting to the %s platform...\n"),
	    _(platform_title(platform)));
	fflush(out);
	body = session_body(s);
	if (api_submit(api, s->form, body, draft, res) == API_PLACED)
		session_adopt_org(s, res->organization_id);
	json_wipe(body);
	cJSON_Delete(body);
	session_wipe_secrets(s);
	return 1;
}
