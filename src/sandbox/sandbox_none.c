/* sandbox_none.c: the sandbox API when certwiz is configured with
 * --disable-sandbox: nothing starts, and the cause says why. */
#include "config.h"

#include <stdlib.h>

#include "sandbox/sandbox.h"
#include "util/xalloc.h"

/* Starts nothing: the simulator is not built in. */
struct sandbox *
sandbox_start(const struct sandbox_opts *opts, char **cause)
{
	(void)opts;
	*cause = xstrdup("the sandbox is not built in (certwiz was "
	    "configured with --disable-sandbox)");
	return NULL;
}

/* No sandbox ever runs, so there is no port. */
unsigned short
sandbox_port(const struct sandbox *sb)
{
	(void)sb;
	return 0;
}

/* No sandbox ever runs, so there is no URL. */
char *
sandbox_base_url(const struct sandbox *sb)
{
	(void)sb;
	return NULL;
}

/* The keys are the same as with the sandbox built in. */
const char *
sandbox_key(const char *platform)
{
	return platform[0] == 'e' ? "sandbox-eu-key" : "sandbox-us-key";
}

/* Nothing to fault. */
void
sandbox_fault(struct sandbox *sb, enum sandbox_fault fault)
{
	(void)sb;
	(void)fault;
}

/* No fault names without the sandbox. */
int
sandbox_fault_parse(const char *name, enum sandbox_fault *fault)
{
	(void)name;
	(void)fault;
	return -1;
}

/* The only fault there is without the sandbox. */
const char *
sandbox_fault_name(enum sandbox_fault fault)
{
	(void)fault;
	return "none";
}

/* What no fault does. */
const char *
sandbox_fault_help(enum sandbox_fault fault)
{
	(void)fault;
	return "no fault";
}

/* No fault names to list. */
char *
sandbox_fault_list(void)
{
	return xstrdup("none");
}

/* Nothing received. */
size_t
sandbox_order_posts(const struct sandbox *sb)
{
	(void)sb;
	return 0;
}

/* Nothing placed. */
size_t
sandbox_orders_placed(const struct sandbox *sb)
{
	(void)sb;
	return 0;
}

/* Nothing repeated. */
size_t
sandbox_alt_id_repeats(const struct sandbox *sb)
{
	(void)sb;
	return 0;
}

/* Nothing to stop. */
void
sandbox_stop(struct sandbox *sb)
{
	(void)sb;
}
