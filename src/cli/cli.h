/* cli.h: the command table and what every command shares.
 *
 * Ownership: cli_load_form() returns a form the caller releases with
 * form_free(); cli_json_print() frees nothing it is given.
 */
#ifndef CERTWIZ_CLI_H
#define CERTWIZ_CLI_H

#include <time.h>

#include <cjson/cJSON.h>

#include "util/exits.h"

struct api;
struct form;

/* What main hands every command. */
struct cli_ctx {
	const char	*forms_dir;	/* resolved forms directory */
	time_t		 now;		/* "today" for date checks */
	long		 timeout;	/* --timeout SECONDS; 0: the default */
	const char	*sandbox_url;	/* --sandbox: its base URL, else NULL */
	const char	*command;	/* "certwiz", or "certwiz --sandbox":
					 * how hints name the program */
};

/* One command: its name, usage line, one-line summary and entry point. */
struct cli_cmd {
	const char	*name;
	const char	*usage;
	const char	*summary;
	int		(*exec)(const struct cli_ctx *ctx, int argc,
			    char **argv);
};

/* The commands, ending with NULL (cli.c). */
extern const struct cli_cmd *const cli_cmds[];

/* Each command's entry, defined in its cmd_<name>.c. */
extern const struct cli_cmd cmd_list_entry;
extern const struct cli_cmd cmd_describe_entry;
extern const struct cli_cmd cmd_schema_entry;
extern const struct cli_cmd cmd_validate_entry;
extern const struct cli_cmd cmd_wizard_entry;
extern const struct cli_cmd cmd_sandbox_entry;
extern const struct cli_cmd cmd_submit_entry;
extern const struct cli_cmd cmd_status_entry;
extern const struct cli_cmd cmd_resolve_entry;
extern const struct cli_cmd cmd_history_entry;

/* An api handle set up from the global options (--sandbox, --timeout):
 * notes go to stderr as "certwiz: ..."; release it with api_free(). */
struct api *cli_api_new(const struct cli_ctx *ctx);
struct api_result;
/* Prints an api result (text, or JSON with json) and returns its exit
 * status: 0 placed, 1 rejected, 3 failed, 4 unknown, 5 duplicate, 70 when
 * the JSON could not be printed (said). */
int	cli_print_result(const struct api_result *res, int json);

struct api_attempts;
/* Parses the --json option of history and resolve and reads the journal's
 * attempts into *a (released with api_attempts_free()); -1 when the
 * command goes on, else its exit status, after saying why. */
int	cli_journal_args(const struct cli_cmd *cmd, int argc, char **argv,
	    int *json, struct api_attempts *a);
/* Parses a command's only option set (--json, -h); returns -1 after printing
 * usage on a bad option, 1 when help was printed, else 0 with optind set. */
int	cli_parse_json_opt(const struct cli_cmd *cmd, int argc, char **argv,
	    int *json);
/* Prints a command's usage and summary on stdout (its --help). */
void	cli_help(const struct cli_cmd *cmd);
/* Readies getopt_long() for a command's own arguments. */
void	cli_getopt_reset(void);
/* Prints "usage: certwiz <usage>" for cmd to stderr and returns EXIT_USAGE. */
int	cli_usage(const struct cli_cmd *cmd);
/* Finds the command named on the command line, or NULL. */
const struct cli_cmd *cli_find(const char *name);
/* Loads a product's form, printing why it failed to stderr. */
struct form *cli_load_form(const struct cli_ctx *ctx, const char *id);
/* Prints a JSON value pretty on stdout, followed by a newline; 0, or -1
 * after saying why it cannot (the command then exits EXIT_NOMEM). */
int	cli_json_print(const cJSON *json);

#endif
