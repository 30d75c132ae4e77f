/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli.c - the command line's front door: global options, dispatch to the
 * commands, and the one place where an error becomes a line on stderr and
 * an exit code.
 *
 *   tillit [--db PATH] [-h|--help] [-V|--version] [COMMAND [ARGS...]]
 *
 * With no command the full-screen program starts (ui.h).  The generic
 * commands of every kind of record (NOUN add/list/show/edit/close) live in
 * entity_cmd.c and the files it names, the others in misc_cmd.c,
 * sign_cmd.c and export_cmd.c, and the output formats in output.c.  Every
 * command, this front door too, reads its options from a table with
 * args.c.
 */
#include "tillit/cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/ui/action.h"
#include "tillit/ui/draw.h"
#include "tillit/core/config.h"
#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/export/formats.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"
#include "tillit/ui/ui.h"

#include "internal.h"

#define CLI_VERSION "0.1.0"

enum tl_status cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	c->err.status = TL_EUSAGE;
	va_start(ap, fmt);
	vsnprintf(c->err.msg, sizeof(c->err.msg), fmt, ap);
	va_end(ap);
	return TL_EUSAGE;
}

enum tl_status cli_fail(struct cli *c, enum tl_status status,
			const char *fmt, ...)
{
	va_list ap;

	c->err.status = status;
	va_start(ap, fmt);
	vsnprintf(c->err.msg, sizeof(c->err.msg), fmt, ap);
	va_end(ap);
	return status;
}

void cli_set_cmd(struct cli *c, const char *a, const char *b)
{
	snprintf(c->cmd, sizeof(c->cmd), "%s%s%s", a, b ? " " : "",
		 b ? b : "");
}

enum tl_status cli_open(struct cli *c, unsigned flags, struct tl_store **st)
{
	enum tl_status rc;

	*st = NULL;
	if (c->completing)
		/* Completion reads no database, whatever a command does. */
		return cli_fail(c, TL_EUSAGE, _("Nothing to complete here."));
	rc = tl_store_path(c->db_opt, c->db_path, sizeof(c->db_path),
			   &c->err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_open(c->db_path, flags, st, &c->err);
	if (rc == TL_ENOTFOUND && !tl_store_is_server(c->db_path))
		return cli_fail(c, TL_ENOTFOUND, _("No database at %s; run "
				"'tillit init' to create one."), c->db_path);
	if (rc == TL_OK && c->as_opt) {
		/* --as: who acts, where the database allows it. */
		char id[TL_ID_LEN + 1];

		rc = tl_store_resolve(*st, TL_K_PERSON, c->as_opt, id,
				      &c->err);
		if (rc == TL_OK)
			rc = tl_store_act_as(*st, id, &c->err);
		if (rc != TL_OK) {
			tl_store_close(*st);
			*st = NULL;
		}
	}
	return rc;
}

enum tl_status cli_parse_limit(struct cli *c, const char *s, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < 1)
		return cli_usage(c, _("--limit takes a count of 1 or more, not "
				 "\"%.40s\"."), s);
	*out = n;
	return TL_OK;
}

enum tl_status cli_parse_mode(struct cli *c, const char *s, int *out)
{
	int n = 0;

	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '7' || (n = n * 8 + (*p - '0')) > 0777)
			break;
		if (!p[1]) {
			*out = n;
			return TL_OK;
		}
	}
	return cli_usage(c, _("--mode takes a file mode in octal, from 0 to "
			 "0777 (like 0640), not \"%.*s\"."),
			 (int)tl_utf8_prefix(s, 40), s);
}

enum tl_status cli_flush(struct cli *c)
{
	errno = 0;
	if (fflush(stdout) == EOF || ferror(stdout))
		return cli_fail(c, TL_ESYS, _("Cannot write the output: %s."),
				strerror(errno ? errno : EIO));
	return TL_OK;
}

static void print_version(void)
{
	printf("tillit %s\n", CLI_VERSION);
}

static void print_help(const struct cli_args *a, FILE *out)
{
	const char *words[16], *minutes, *lists;
	char mbuf[96], lbuf[96];

	(void)a;
	fputs(_("Usage: tillit [--db PATH] [--as PERSON] [COMMAND [ARGS...]]\n"
	      "\n"
	      "tillit logs what was agreed in meetings under trust-based "
	      "governance:\n"
	      "mandates, frames and follow-ups.  Without a command it starts "
	      "the\n"
	      "full-screen program.\n"
	      "\n"
	      "Options (before the command):\n"
	      "  --db PATH       the database (default: $TILLIT_DB, else\n"
	      "                  $XDG_DATA_HOME/tillit/tillit.db, else\n"
	      "                  ~/.local/share/tillit/tillit.db)\n"
	      "  --as PERSON     act as PERSON, on a database of your own\n"
	      "                  (default: the person whose login is your\n"
	      "                  account: the OS user, or the server's role)\n"
	      "  -h, --help      show this help\n"
	      "  -V, --version   show the version\n"
	      "\n"
	      "Records (tillit NOUN ACTION ...):\n"), out);
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		char pl[64];
		fprintf(out, "  %-15s %s\n", e->name,
			cli_plural_label(e, pl, sizeof(pl)));
	}
	minutes = tl_export_join(words, tl_export_format_words(
		TL_EXPORT_MINUTES, 0, TL_EXPORT_MINUTES, false, words, 16),
		"|", mbuf, sizeof(mbuf));
	lists = tl_export_join(words, tl_export_format_words(
		TL_EXPORT_LIST | TL_EXPORT_FOLLOWUPS, 0, TL_EXPORT_LIST, false,
		words, 16), "|", lbuf, sizeof(lbuf));
	/* TRANSLATORS: %s are the formats of minutes, then of lists. */
	fprintf(out, _("\n"
	      "Actions on records:\n"
	      "  NOUN add --FIELD VALUE ...     add a record\n"
	      "  NOUN list [FILTERS]            list records (table, json "
	      "or csv)\n"
	      "  NOUN show ID                   show one record\n"
	      "  NOUN edit ID --FIELD VALUE ... change fields\n"
	      "  NOUN close ID                  close a record\n"
	      "  followup done ID --outcome TEXT\n"
	      "                                 mark a follow-up done\n"
	      "  frame ack ID [--by PERSON]     acknowledge a frame\n"
	      "  participant remove ID          remove a participant\n"
	      "\n"
	      "Other commands:\n"
	      "  init [--demo] [--principles vadstena|national]\n"
	      "                                 create the database\n"
	      "  search QUERY...                full-text search\n"
	      "  export [--output FILE]         write every record as JSON\n"
	      "  export minutes MEETING --format %s\n"
	      "                                 the minutes of a meeting\n"
	      "  export NOUN --format %s [FILTERS]\n"
	      "                                 a list (follow-ups and "
	      "meetings also as\n"
	      "                                 iCalendar)\n"
	      "  import FILE                    merge a JSON export by id\n"
	      "  migrate --to DB | --from DB    copy the whole database to or "
	      "from\n"
	      "                                 another (SQLite, PostgreSQL)\n"
	      "  admin roles | check            the server's accounts: login "
	      "roles for\n"
	      "                                 people, tables left unguarded\n"
	      "  sign MEETING --by PERSON       sign the minutes (justering)\n"
	      "  verify [MEETING]               check that signed minutes are "
	      "unchanged\n"
	      "  log [ID]                       show the audit log\n"
	      "  remind [--notify]              what is due today and "
	      "tomorrow\n"
	      "  undo [--dry-run]               take back your last change\n"
	      "  completion bash|zsh|fish       the shell's completion "
	      "script\n"
	      "  ui [--as PERSON]               the full-screen program (the "
	      "default)\n"
	      "  help [COMMAND]                 show the help of a command\n"
	      "\n"
	      "An ID is a full id, a unique prefix of one (like git's short "
	      "ids) or\n"
	      "the exact name of a record; of a person, unit, series or "
	      "meeting also\n"
	      "a part of its name, in any case, accents or none (\"öberg\").  "
	      "'tillit\n"
	      "NOUN --help' lists a noun's actions and 'tillit NOUN ACTION "
	      "--help' its\noptions.\n"
	      "\n"
	      "Environment: TILLIT_DB (the database), TILLIT_NOW=\"YYYY-MM-DD "
	      "HH:MM\"\n"
	      "(a fixed clock, for tests), TZ (the time zone), COLUMNS (table "
	      "width).\n"
	      "\n"
	      "Exit status: 0 ok, 1 bad input, not found or refused, 2 wrong "
	      "usage,\n"
	      "3 database or system error.\n"), minutes, lists);
}



/* help [COMMAND [ACTION]]: the same as COMMAND [ACTION] --help. */
static enum tl_status cmd_help(struct cli *c, int argc, char **argv)
{
	char *args[4];
	int n = 0;

	if (argc > 1 && (!strcmp(argv[1], "-h") ||
			 !strcmp(argv[1], "--help"))) {
		puts(_("Usage: tillit help [COMMAND [ACTION]]\n\n"
		     "Shows the help of tillit, of a command or of a noun's "
		     "action."));
		return TL_OK;
	}
	if (argc == 1) {
		print_help(NULL, stdout);
		return TL_OK;
	}
	if (argc > 3)
		return cli_usage(c, _("help takes at most a command and an "
				 "action."));
	if (!strcmp(argv[1], "help")) {
		print_help(NULL, stdout);
		return TL_OK;
	}
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	args[n++] = (char *)"--help";
	args[n] = NULL;
	return cli_run_command(c, n, args);
}

static void ui_help(const struct cli_args *a, FILE *out)
{
	(void)a;
	fputs(_("Usage: tillit [--db PATH] ui [--as PERSON]\n"
	      "       tillit [--db PATH] ui --script FILE [--size COLSxROWS]\n"
	      "       tillit ui --keys-md\n"
	      "\n"
	      "Starts the full-screen program (also what 'tillit' alone "
	      "does).\n"
	      "\n"
	      "  --as PERSON        act as PERSON (an id, a prefix or a name),\n"
	      "                     on a database of your own (default: the\n"
	      "                     person whose login is your account)\n"
	      "  --script FILE      run without a terminal, keys from FILE, "
	      "for tests:\n"
	      "                     lines 'key NAME...', 'type TEXT', 'dump',\n"
	      "                     'resize COLSxROWS'; dumps go to stdout\n"
	      "  --size COLSxROWS   the screen of a script run (100x30)\n"
	      "  --keys-md          print doc/keys.md, the table of keys\n"),
	      out);
}

/* ui's options that it acts on itself. */
enum { UO_SIZE = 1, UO_KEYS_MD };

static enum tl_status cmd_ui(struct cli *c, int argc, char **argv)
{
	struct ui_options o = {.as = c->as_opt};
	enum tl_status rc;
	/* ui_help describes them, in columns of its own. */
	const struct cli_opt opts[] = {
		{"as", 0, true, "PERSON", .str = &o.as},
		{"script", 0, true, "FILE", .str = &o.script},
		{"size", 0, true, "COLSxROWS", .key = UO_SIZE},
		{"keys-md", 0, false, .key = UO_KEYS_MD},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .in_order = true, .help = ui_help};

	while (cli_args_next(&a)) {
		if (a.key == UO_KEYS_MD) {
			cli_args_done(&a);
			ui_keys_markdown(stdout);
			return TL_OK;
		}
		if (sscanf(a.value, "%dx%d", &o.cols, &o.rows) != 2 ||
		    o.cols < 10 || o.rows < 5 || o.cols > 1000 ||
		    o.rows > 1000)
			a.rc = cli_usage(c, _("--size takes COLSxROWS, like "
					 "100x30."));
	}
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first < argc)
		return cli_usage(c, _("ui takes no arguments."));
	rc = tl_store_path(c->db_opt, c->db_path, sizeof(c->db_path), &c->err);
	if (rc != TL_OK)
		return rc;
	o.db_path = c->db_path;
	c->ui_code = ui_main(&o);
	return TL_OK;
}

/* The commands besides the nouns, as typed. */
static const struct {
	const char *name;
	enum tl_status (*run)(struct cli *, int, char **);
} cmds[] = {
	{"init", cli_cmd_init},
	{"search", cli_cmd_search},
	{"export", cli_cmd_export},
	{"import", cli_cmd_import},
	{"migrate", cli_cmd_migrate},
	{"admin", cli_cmd_admin},
	{"note", cli_cmd_note},
	{"log", cli_cmd_log},
	{"sign", cli_cmd_sign},
	{"verify", cli_cmd_verify},
	{"remind", cli_cmd_remind},
	{"undo", cli_cmd_undo},
	{"completion", cli_cmd_completion},
	{"help", cmd_help},
	{"ui", cmd_ui},
};

void cli_commands_print(FILE *out)
{
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(out, "%s\n", cmds[i].name);
	for (int k = 0; k < TL_K_COUNT; k++)
		fprintf(out, "%s\n", tl_entity_get((enum tl_kind)k)->name);
}

static enum tl_status run_command(struct cli *c, int argc, char **argv)
{
	const char *cmd = argv[0];
	const struct tl_entity *e;

	if (!strcmp(cmd, "__complete"))
		return cli_cmd_complete(c, argc, argv);
	cli_set_cmd(c, cmd, NULL);
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(cmd, cmds[i].name))
			return cmds[i].run(c, argc, argv);
	e = tl_entity_find(cmd);
	if (e) {
		cli_set_cmd(c, e->name, NULL);
		return cli_cmd_entity(c, e, argc, argv);
	}
	cli_set_cmd(c, "", NULL);
	{
		const char *names[sizeof(cmds) / sizeof(cmds[0]) +
				  2 * TL_K_COUNT];
		size_t n = 0;
		const char *near;

		for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
			names[n++] = cmds[i].name;
		for (int k = 0; k < TL_K_COUNT; k++) {
			names[n++] = tl_entity_get((enum tl_kind)k)->name;
			names[n++] = tl_entity_get((enum tl_kind)k)->plural;
		}
		near = tl_text_nearest(cmd, names, n);
		if (near)
			return cli_usage(c, _("Unknown command '%.*s'; did "
					 "you mean '%s'?"),
					 (int)tl_utf8_prefix(cmd, 60), cmd,
					 near);
	}
	return cli_usage(c, _("Unknown command '%.*s'."),
			 (int)tl_utf8_prefix(cmd, 60), cmd);
}

enum tl_status cli_run_command(struct cli *c, int argc, char **argv)
{
	return run_command(c, argc, argv);
}

/* Prints c->err as the one line "tillit: <sentence>" on stderr. */
static void print_error(const struct cli *c)
{
	const char *msg = c->err.msg[0] ? c->err.msg : _("Something failed.");
	char *safe = tl_text_sanitize(msg, false);
	char hint[160] = "";

	if (c->err.status == TL_EUSAGE)
		snprintf(hint, sizeof(hint), _(" Try 'tillit %s%s--help'."),
			 c->cmd, c->cmd[0] ? " " : "");
	fprintf(stderr, "tillit: %s%s\n", safe ? safe : msg, hint);
	free(safe);
}

/*
 * Reads the configuration file (core/config.h) and the full-screen
 * program's part of it, for every command but the shells' completion,
 * which answers as the user types and must never stop on it.
 */
static enum tl_status load_config(struct cli *c, const char *command)
{
	struct tl_config cfg;
	enum tl_status rc;

	if (command && (!strcmp(command, "__complete") ||
			!strcmp(command, "completion")))
		return TL_OK;
	rc = tl_config_load(NULL, &cfg, &c->err);
	if (rc == TL_OK)
		rc = ui_config_keys(&cfg, &c->err);
	if (rc == TL_OK)
		rc = ui_config_colors(&cfg, &c->err);
	if (rc == TL_OK)
		tl_config_use(&cfg);
	tl_config_free(&cfg);
	return rc;
}

int cli_main(int argc, char **argv)
{
	struct cli c;
	enum tl_status rc;
	/* print_help describes them, in columns of its own. */
	const struct cli_opt opts[] = {
		{"db", 0, true, "PATH", .str = &c.db_opt},
		{"as", 0, true, "PERSON", .str = &c.as_opt},
		{"version", 'V', false, .key = 'V'},
		{0},
	};
	struct cli_args a = {.c = &c, .argc = argc, .argv = argv, .opts = opts,
			     .in_order = true, .help = print_help};

	memset(&c, 0, sizeof(c));
	tl_text_init();
	tl_i18n_init();
	if (cli_args_next(&a)) {
		/* --version, the one option that is not stored. */
		cli_args_done(&a);
		print_version();
		return tl_status_exit_code(cli_flush(&c));
	}
	if (a.helped)
		return tl_status_exit_code(cli_flush(&c));
	if (a.rc != TL_OK) {
		print_error(&c);
		return tl_status_exit_code(a.rc);
	}
	if (c.db_opt && !*c.db_opt) {
		rc = cli_usage(&c, _("--db needs a path."));
		print_error(&c);
		return tl_status_exit_code(rc);
	}
	rc = tl_clock_check(&c.err);
	if (rc == TL_OK)
		rc = load_config(&c, a.first < argc ? argv[a.first] : NULL);
	if (rc != TL_OK) {
		print_error(&c);
		return tl_status_exit_code(rc);
	}
	if (a.first >= argc) {
		rc = tl_store_path(c.db_opt, c.db_path, sizeof(c.db_path),
				   &c.err);
		if (rc != TL_OK) {
			print_error(&c);
			return tl_status_exit_code(rc);
		}
		struct ui_options o = {.db_path = c.db_path, .as = c.as_opt};
		return ui_main(&o);
	}
	rc = run_command(&c, argc - a.first, argv + a.first);
	if (rc == TL_OK && c.ui_code)
		return c.ui_code;
	if (rc == TL_OK)
		rc = cli_flush(&c);
	if (rc != TL_OK)
		print_error(&c);
	cli_pager_end();
	return tl_status_exit_code(rc);
}
