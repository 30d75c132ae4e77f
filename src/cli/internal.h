/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * internal.h - what the files of src/cli share and nobody else sees: the
 * command context, error helpers, output formats, the table printer and
 * the cache of referred records' names.
 *
 * Every command is a function that returns an enum tl_status and leaves
 * its one-sentence message in cli->err; cli_main prints it as
 * "tillit: <sentence>" and turns the status into the exit code.
 */
#ifndef TILLIT_CLI_INTERNAL_H
#define TILLIT_CLI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/core/rules.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"

#define CLI_PATH_MAX 4096

/* One run of the command line. */
struct cli {
	const char *db_opt;          /* --db, or NULL */
	const char *as_opt;          /* --as, or NULL */
	int ui_code;                 /* exit code of `tillit ui` */
	bool csv_raw;                /* --csv-raw: CSV cells unguarded */
	bool csv_excel_sv;           /* --csv-dialect excel-sv */
	/* `tillit __complete`: cli_args_next prints the command's options
	 * for shell completion and reads nothing; no database is opened. */
	bool completing;
	char db_path[CLI_PATH_MAX];  /* resolved by cli_open */
	char cmd[96];                /* "followup add": for usage hints */
	struct tl_error err;
};

/* Records a usage error (exit 2) in c->err and returns TL_EUSAGE. */
enum tl_status cli_usage(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Records any error in c->err and returns status. */
enum tl_status cli_fail(struct cli *c, enum tl_status status,
			const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Sets the words of the command being run, for "Try 'tillit X --help'". */
void cli_set_cmd(struct cli *c, const char *a, const char *b);

/*
 * Resolves the database path (--db, $TILLIT_DB, XDG) and opens it with
 * flags (TL_OPEN_*).  A missing database says to run 'tillit init'.
 */
enum tl_status cli_open(struct cli *c, unsigned flags, struct tl_store **st);


/* Parses a positive count for --limit. */
enum tl_status cli_parse_limit(struct cli *c, const char *s, long *out);

/*
 * Parses --mode: permission bits in octal, 0 to 0777, into *out; a usage
 * error for anything else (set-id and sticky bits, digits above 7).
 */
enum tl_status cli_parse_mode(struct cli *c, const char *s, int *out);

/* Flushes stdout and reports a failed write (a full disk, a closed pipe). */
enum tl_status cli_flush(struct cli *c);

/* ---- options (args.c) ----------------------------------------------- */

struct option; /* getopt.h's */

/*
 * One option of a command.  A command lists its options in a table of
 * these, ended by a row without a name; cli_args_next reads argv with it
 * and --help prints the option lines from it.  -h and --help are part of
 * every command and never listed.
 */
struct cli_opt {
	const char *name;  /* the long name without "--"; NULL ends a table */
	char letter;       /* the short form (-q), or 0 */
	bool value;        /* takes a value: --name VALUE or --name=VALUE */
	const char *meta;  /* the value's name in --help ("PERSON"), or NULL */
	const char *help;  /* N_(): its line in --help; NULL: none (the
			    * command's help prints it, or nobody) */
	/* Where it goes: the value to *str, true to *on, and when key is
	 * not 0, to the command: cli_args_next returns with a->key = key. */
	const char **str;
	bool *on;
	int key;
};

/*
 * Reading one command's arguments.  The command fills in what comes
 * before "results" (a designated initialiser zeroes the rest), then calls
 * cli_args_next until it returns false, or cli_args_done when it leaves
 * before that:
 *
 *	while (cli_args_next(&a))
 *		switch (a.key) { case LIMIT: a.rc = ...; break; }
 *	if (a.rc != TL_OK || a.helped)
 *		return a.rc;
 *
 * Then the arguments that are not options are argv[a.first .. argc - 1].
 */
struct cli_args {
	struct cli *c;
	int argc;
	char **argv;              /* argv[0] is the command's name */
	const struct cli_opt *opts;
	bool in_order;            /* options end at the first argument */
	/* --help: usage (N_()), the option lines, then tail (N_()); or
	 * help(a, out) prints it all, with cli_args_help_opts for the
	 * option lines. */
	const char *usage;
	const char *tail;
	void (*help)(const struct cli_args *a, FILE *out);
	const void *ctx;          /* for help: the kind of record */

	/* results */
	int key;                  /* of the option just read */
	const char *value;        /* its value, or NULL */
	int first;                /* the first argument after the options */
	bool helped;              /* --help was given, and printed */
	/* A usage error from reading, or the command's own error, which
	 * ends the reading when the command sets it. */
	enum tl_status rc;

	/* private */
	bool started;
	struct option *lo;
	const char *shorts;
};

/*
 * Reads options until one goes to the command (true: a->key and
 * a->value).  Stores those that go to a place.  False at the end of the
 * options (a->first set), after printing --help (a->helped), or on an
 * error (a->rc: an unknown option, a missing value, or one the command
 * set); the reading is then done.
 */
bool cli_args_next(struct cli_args *a);

/* Ends a reading early, freeing what it holds; no harm when it is done. */
void cli_args_done(struct cli_args *a);

/* The usage error "Unexpected argument 'X'." when more than n arguments
 * follow the options, X the first one too many; TL_OK otherwise. */
enum tl_status cli_args_max(struct cli_args *a, int n);

/* The whole --help of a command, to out. */
void cli_args_help(const struct cli_args *a, FILE *out);

/* The option lines of a's --help: every row with help text, then
 * "-h, --help". */
void cli_args_help_opts(const struct cli_args *a, FILE *out);

/* ---- commands (entity_cmd.c, misc_cmd.c) ---------------------------- */

enum tl_status cli_cmd_entity(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv);
enum tl_status cli_cmd_init(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_search(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_export(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_import(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_migrate(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_admin(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_note(struct cli *c, int argc, char **argv);
/* Removes the database file at path and its -wal, -shm and -journal
 * files: a database a failed command made. */
void cli_remove_db(const char *path);
enum tl_status cli_cmd_log(struct cli *c, int argc, char **argv);
/* sign_cmd.c */
enum tl_status cli_cmd_sign(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_verify(struct cli *c, int argc, char **argv);
/* entity_cmd.c: the actions of e that its help lists, a line each (for
 * shell completion). */
void cli_entity_actions_print(const struct tl_entity *e, FILE *out);

/* complete_cmd.c: shell completion; cli.c: the commands besides the
 * nouns, a line each, and running one (argv[0] is its name). */
enum tl_status cli_cmd_completion(struct cli *c, int argc, char **argv);
enum tl_status cli_cmd_complete(struct cli *c, int argc, char **argv);
void cli_commands_print(FILE *out);
enum tl_status cli_run_command(struct cli *c, int argc, char **argv);

/* remind_cmd.c: what is due today and tomorrow. */
enum tl_status cli_cmd_remind(struct cli *c, int argc, char **argv);

/* undo_cmd.c: takes back your last change. */
enum tl_status cli_cmd_undo(struct cli *c, int argc, char **argv);

/* The help of a noun (its actions), to out. */
void cli_help_entity(const struct tl_entity *e, FILE *out);

/* "follow-ups", "people": the human plural of an entity's label. */
const char *cli_plural_label(const struct tl_entity *e, char *buf,
			     size_t size);

/*
 * Upper (up true) or lower case for the first letter of buf, in place:
 * ASCII, and the Swedish letters å, ä and ö.  Returns buf.
 */
char *cli_case_first(char *buf, bool up);

/* One option in --help: the option at two spaces, its text at column
 * CLI_HELP_COL, wrapped to lines of 79 cells. */
#define CLI_HELP_COL 30
void cli_help_opt(FILE *out, const char *opt, const char *text);

/* ---- list filters (filter.c) ---------------------------------------- */

/*
 * The filters of `tillit NOUN list` and `tillit export NOUN`, as the keys
 * of their options (struct cli_opt), above every character, so that a
 * command's own options can use small numbers and letters.
 */
enum cli_filter {
	CLI_FILTER_OWNER = 256,  /* --owner PERSON */
	CLI_FILTER_UNIT,         /* --unit UNIT */
	CLI_FILTER_OPEN,         /* --open */
	CLI_FILTER_OVERDUE,      /* --overdue */
	CLI_FILTER_DUE_BEFORE,   /* --due-before DATE */
	CLI_FILTER_KIND,         /* --kind KIND */
	CLI_FILTER_STATUS,       /* --status STATUS */
	CLI_FILTER_PARENT,       /* --parent RECORD */
	CLI_FILTER_MEETING,      /* --meeting MEETING: --parent, a meeting */
	CLI_FILTER_PERSON,       /* --person PERSON: meetings */
	CLI_FILTER_SERIES,       /* --series SERIES */
	CLI_FILTER_FROM,         /* --from DATE */
	CLI_FILTER_TO,           /* --to DATE */
	CLI_FILTER_UNACKED,      /* --unacked */
};

/* The filters given (as typed), and the ids and dates they come to; a
 * query filled from it points into it.  Zero it before the first use. */
struct cli_filters {
	const char *owner, *unit, *parent, *person, *series;
	const char *kind, *status, *due, *from, *to;
	bool open, overdue, unacked;
	const char *first; /* the first filter given ("--owner"), or NULL */
	char owner_id[TL_ID_LEN + 1], unit_id[TL_ID_LEN + 1];
	char parent_id[TL_ID_LEN + 1], person_id[TL_ID_LEN + 1];
	char series_id[TL_ID_LEN + 1];
	char due_date[TL_DATE_SIZE], from_date[TL_DATE_SIZE];
	char to_date[TL_DATE_SIZE];
	/* --kind and --status as stored ("medarbetarsamtal" is one_to_one) */
	char kind_value[64], status_value[64];
};

/* Records filter opt with its argument (NULL for a flag) in f, unchecked.
 * A later one replaces an earlier one.  e is the kind listed, or NULL
 * while it is not known (--series of meetings is their --parent). */
void cli_filter_take(struct cli_filters *f, const struct tl_entity *e,
		     enum cli_filter opt, const char *arg);

/* A usage error when kind e has no field for filter opt:
 * "Follow-ups cannot be filtered by --unacked." */
enum tl_status cli_filter_check(struct cli *c, const struct tl_entity *e,
				enum cli_filter opt);

/* cli_filter_check for every filter in f, in a fixed order. */
enum tl_status cli_filters_check(struct cli *c, const struct tl_entity *e,
				 const struct cli_filters *f);

/* Fills q from f with what needs no database: the plain filters, the
 * choices of --kind and --status (checked), and the dates (parsed).
 * The filters must have passed cli_filter_check for e. */
enum tl_status cli_filters_parse(struct cli *c, const struct tl_entity *e,
				 struct cli_filters *f, struct tl_query *q);

/* Fills q with the ids of the people, units, records and series that f
 * names, resolved in st by id prefix or name. */
enum tl_status cli_filters_resolve(struct cli *c, struct tl_store *st,
				   const struct tl_entity *e,
				   struct cli_filters *f, struct tl_query *q);

/* ---- output formats (output.c) -------------------------------------- */

enum cli_format {
	CLI_FMT_TABLE = 1 << 0,
	CLI_FMT_JSON = 1 << 1,
	CLI_FMT_CSV = 1 << 2,
	CLI_FMT_TEXT = 1 << 3,
};

/* Parses --format s, one of the formats in `allowed`. */
/* --csv-dialect: rfc4180 (the default) or excel-sv; TL_EUSAGE else. */
enum tl_status cli_parse_csv_dialect(struct cli *c, const char *s);

enum tl_status cli_parse_format(struct cli *c, const char *s,
				unsigned allowed, enum cli_format *out);

/* The cells a table may take: $COLUMNS, the terminal's width, or 100. */
int cli_term_width(void);

/*
 * A table printed as it streams: the column widths come from the rows
 * measured before the first is printed (the first page), then every row
 * is fitted to them, counting terminal cells so that å, ä, ö and wide
 * characters line up.  Cells must be sanitised single lines.
 */
struct cli_table;

struct cli_table *cli_table_new(int ncols);
void cli_table_free(struct cli_table *t);
/* Column i: its header; right-aligned (numbers); may be narrowed. */
void cli_table_column(struct cli_table *t, int i, const char *header,
		      bool right, bool flexible);
/* Column i (flexible) keeps its width longest: the record's title. */
void cli_table_prefer(struct cli_table *t, int i);
/* Lines start with this many spaces (nested lists in `show`). */
void cli_table_indent(struct cli_table *t, int indent);
void cli_table_measure(struct cli_table *t, char *const *cells);
/* Column i is at least width cells: values of a fixed form (dates,
 * choices) that the measured rows may not show, such as later pages. */
void cli_table_reserve(struct cli_table *t, int i, size_t width);
/* Fixes the widths so that a line fits width cells (narrowing text). */
void cli_table_layout(struct cli_table *t, int width);
void cli_table_print_header(const struct cli_table *t, FILE *out);
void cli_table_print_row(const struct cli_table *t, char *const *cells,
			 FILE *out);

/*
 * Colour on standard output: only to a terminal (not TERM=dumb), and not
 * when NO_COLOR is set to anything (no-color.org).  Asked once.
 */
bool cli_color(void);

/*
 * Long output (lists, show, search, log, an export to the screen) goes
 * through a pager when standard output is a terminal (pager.c):
 * cli_pager_start before the first line, cli_pager_end when the command
 * is done (cli_main calls it), which waits for the reader to quit.
 */
void cli_pager_start(void);
void cli_pager_end(void);
/* A row printed as cli_table_print_row does, in the colour of how its
 * record stands (core/rules.h) when cli_color() says so. */
void cli_table_print_row_as(const struct cli_table *t, char *const *cells,
			    enum tl_standing standing, FILE *out);

/* Dumps a JSON value on one line to out and frees it; false on error. */
bool cli_json_put(json_t *json, FILE *out);

/*
 * Writes the records that q selects (its limit and cursor are ignored;
 * at most limit records when limit > 0) to out, as the store's
 * iterator reads them: as CSV (fmt CLI_FMT_CSV, export/csv.h) or as JSON
 * (CLI_FMT_JSON: an array, a record a line, json.h).  The caller picks
 * whether to read in one snapshot.
 */
enum tl_status cli_write_records(struct cli *c, struct tl_store *st,
				 const struct tl_query *q, long limit,
				 enum cli_format fmt, FILE *out);

#endif
