/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * export_cmd.c - `tillit export`: data that leaves tillit.
 *
 *   tillit export [--format json] [--output FILE]
 *   tillit export minutes MEETING [§ N] [--format md|html|txt|pdf]
 *                 [--output FILE]
 *   tillit export NOUN [FILTERS] [--format csv|json] [--output FILE]
 *   tillit export followups [FILTERS] --format ics [--output FILE]
 *   tillit export notice MEETING [§ N] [--format md|html|txt|pdf]
 *                 [--output FILE]
 *   tillit export notices [--format csv|json|atom] [--output FILE]
 *   tillit export extract MEETING [§] N [--format md|html|txt|pdf]
 *
 * Without a noun it writes every record as one JSON document (json.h).
 * `minutes` (or `summary`) writes a meeting's minutes or a one-to-one's
 * summary (minutes.h); with § N, the own small protokoll of that § when
 * it is justered immediately (and `notice`, its notice).  A noun writes the records a list would show, as
 * RFC 4180 CSV or a JSON array, paged through the store; follow-ups also
 * go to iCalendar (ical.h).  The filters are those of `tillit NOUN list`
 * (--owner, --unit, --from, --to, --open, --kind), with people and units
 * resolved by id prefix or name.  Which formats there are, what each
 * applies to and which is the default all come from the registry of
 * formats (export/formats.h), as do the lists of them in the help and in
 * the messages.
 *
 * --output FILE is written atomically (atomic.h): a temporary file in
 * the same folder, flushed and synced, then renamed over FILE, so a
 * failed export never leaves half a file where the old one was.  The
 * file is 0600 when new, whatever the umask, and a file replaced keeps
 * its mode (an export holds records); --mode OCTAL makes it that mode,
 * new or replaced, for a user who shares it on purpose.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tillit/export/atomic.h"
#include "tillit/export/formats.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/validate.h"
#include "tillit/store/store.h"

/* What one export writes, handed to write_job(). */
struct job {
	struct tl_store *st;
	const struct tl_export_format *fmt;
	enum tl_export_what what;
	const char *meeting;  /* minutes: the meeting's full id */
	bool notice;          /* the notice of its justering instead */
	long extract;         /* an extract of this § instead (0: none) */
	long paragraph;       /* this § alone, justered immediately (0: the
				 meeting's minutes or notice) */
	struct tl_query q;    /* a list */
	const char *period;   /* the goal report's period, or NULL */
};

/* The names of the formats for what (a mask) and for none of not, the
 * default of first first, as "a, b or c" or with sep ("a|b"). */
static const char *format_names(unsigned what, unsigned not, unsigned first,
				const char *sep, char *buf, size_t size)
{
	const char *words[16];
	int n = tl_export_format_words(what, not, first, false, words, 16);

	return tl_export_join(words, n, sep, buf, size);
}

/* ---- help -------------------------------------------------------------- */

/* The --format line of the help: the formats of each form, the
 * follow-ups' own ones marked. */
static const char *help_format(char *buf, size_t size)
{
	char db[64], minutes[64], list[160], marked[4][48];
	const char *words[16];
	int n = tl_export_format_words(TL_EXPORT_LIST, 0, TL_EXPORT_LIST,
				       false, words, 12);
	int m = tl_export_format_words(TL_EXPORT_FOLLOWUPS, TL_EXPORT_LIST, 0,
				       false, words + n, 4);

	for (int i = 0; i < m; i++) {
		snprintf(marked[i], sizeof(marked[i]),
			 _("%s (follow-ups, meetings)"), words[n + i]);
		words[n + i] = marked[i];
	}
	tl_export_join(words, n + m, NULL, list, sizeof(list));
	snprintf(buf, size, _("%s; %s for minutes; %s for a noun"),
		 format_names(TL_EXPORT_DATABASE, 0, TL_EXPORT_DATABASE, NULL,
			      db, sizeof(db)),
		 format_names(TL_EXPORT_MINUTES, 0, TL_EXPORT_MINUTES, NULL,
			      minutes, sizeof(minutes)), list);
	return buf;
}

static void help_export(const struct cli_args *a, FILE *out)
{
	char db[64], minutes[64], list[64], followups[64], notices[64];
	char fmt[400];

	fprintf(out, _("Usage: tillit export [--format %s] [--output FILE]\n"
	       "       tillit export minutes MEETING [§ N] [--format %s] "
	       "[--output FILE]\n"
	       "       tillit export NOUN [FILTERS] [--format %s] "
	       "[--output FILE]\n"
	       "       tillit export followups [FILTERS] --format %s "
	       "[--output FILE]\n"
	       "       tillit export notice MEETING [§ N] [--format %s] "
	       "[--output FILE]\n"
	       "       tillit export extract MEETING § N [--format %s] "
	       "[--output FILE]\n"
	       "       tillit export notices [--format %s] "
	       "[--output FILE]\n"
	       "       tillit export goals [--unit UNIT] [--period PERIOD] "
	       "[--format %s]\n"
	       "       tillit export undone [--unit UNIT] [--format %s]\n\n"),
	       format_names(TL_EXPORT_DATABASE, 0, TL_EXPORT_DATABASE, "|",
			    db, sizeof(db)),
	       format_names(TL_EXPORT_MINUTES, 0, TL_EXPORT_MINUTES, "|",
			    minutes, sizeof(minutes)),
	       format_names(TL_EXPORT_LIST, 0, TL_EXPORT_LIST, "|", list,
			    sizeof(list)),
	       format_names(TL_EXPORT_FOLLOWUPS, TL_EXPORT_LIST, 0, "|",
			    followups, sizeof(followups)), minutes, minutes,
	       format_names(TL_EXPORT_NOTICES, 0, TL_EXPORT_NOTICES, "|",
			    notices, sizeof(notices)), minutes, minutes);
	fputs(_("Without a noun, writes every record of every kind as one JSON "
	     "document\n(see doc/json-format.md).\n\n"
	     "'minutes MEETING' writes the minutes of a committee meeting, a "
	     "governance\ndialogue or a forum, or the summary of a one-to-one "
	     "('summary' is the\nsame): Markdown (the default), printable "
	     "HTML or plain text.\n\n"
	     "'NOUN' (followups, mandates, frames, ...) writes the records "
	     "that\n'tillit NOUN list' shows with the same filters, as CSV "
	     "(RFC 4180, the\ndefault) or JSON; follow-ups also as "
	     "iCalendar to-dos with a reminder the day\nbefore, and "
	     "meetings as events with their participants (ics).\n\n"
	     "'notice MEETING' writes the notice (anslagsbevis) of a "
	     "committee meeting's\njustering, in the formats of the minutes; "
	     "'notices' lists them, also as an\nAtom feed (atom) to "
	     "subscribe to the notice board.  'extract MEETING § N'\nwrites "
	     "one § as an extract of the minutes (protokollsutdrag).  A § "
	     "justered\nimmediately (omedelbar justering) has its own small "
	     "protokoll, 'minutes\nMEETING § N', and its own notice, "
	     "'notice MEETING § N'.\n\n"
	     "'goals' writes the goal report (målrapport) of a unit's goals "
	     "and those that\nbreak them down, or of every unit's: each "
	     "goal's assessment and analysis of\nthe period, then its "
	     "indicators' figures, targets, trend and charts, in\nthe "
	     "formats of the minutes; in CSV or JSON it is the list of "
	     "goals.\n\n"
	     "'undone' lists a unit's decisions not yet carried out and the "
	     "mandates it\ngave whose report-back is overdue, in the formats "
	     "of the minutes.\n\n"
	     "FILE is replaced atomically; a new one is 0600 (yours alone), "
	     "and one\nreplaced keeps its mode.\n\n"
	     "Options:"), out);
	fputc('\n', out);
	/* The formats come from the registry, the rest from the table. */
	cli_help_opt(out, "--format FORMAT", help_format(fmt, sizeof(fmt)));
	cli_args_help_opts(a, out);
}

/* ---- writing ------------------------------------------------------------- */

/* The format's writer (export/formats.h) on what the job names. */
static enum tl_status write_job(struct cli *c, const struct job *j, FILE *out)
{
	struct tl_export_job x = {.st = j->st, .what = j->what,
				  .meeting_id = j->meeting, .q = &j->q,
				  .notice = j->notice, .extract = j->extract,
				  .paragraph = j->paragraph,
				  .unit = j->q.unit, .period = j->period,
				  .csv_raw = c->csv_raw,
				  .csv_excel_sv = c->csv_excel_sv};

	return tl_export_write(j->fmt, &x, out, &c->err);
}

/* write_job() as the tl_write_fn of tl_write_atomic(); its errors go to
 * c->err, which is the err it is given. */
struct file_job {
	struct cli *c;
	const struct job *j;
};

static enum tl_status write_file_job(FILE *out, void *ctx,
				     struct tl_error *err)
{
	const struct file_job *fj = ctx;

	(void)err;
	return write_job(fj->c, fj->j, out);
}

/* Writes the export to path atomically (atomic.h), made `mode` when it
 * is not negative. */
static enum tl_status write_file(struct cli *c, const struct job *j,
				 const char *path, int mode)
{
	struct file_job fj = {.c = c, .j = j};

	return tl_write_atomic_mode(path, mode, write_file_job, &fj,
				    &c->err);
}

/* ---- arguments ------------------------------------------------------------ */

/* export's own options; the filters are CLI_FILTER_* (internal.h). */
enum { EO_FORMAT = 1, EO_CSV_RAW, EO_MODE, EO_DIALECT, EO_PERIOD };

static enum tl_status parse_format(struct cli *c, const char *s,
				   const struct tl_export_format **out)
{
	char lists[80], minutes[80];

	*out = tl_export_format_find(s);
	if (*out)
		return TL_OK;
	format_names(TL_EXPORT_LIST | TL_EXPORT_FOLLOWUPS, 0, 0, NULL, lists,
		     sizeof(lists));
	return cli_usage(c, _("Unknown format \"%.40s\"; use %s for a list, "
			 "%s for minutes."), s, lists,
			 format_names(TL_EXPORT_MINUTES, 0, 0, NULL, minutes,
				      sizeof(minutes)));
}

/* --period: a period as a goal's (2026, 2025-2027, 2026T1, 2026H1). */
static enum tl_status parse_period(struct cli *c, const char *s, char *out,
				   size_t size)
{
	const struct tl_entity *g = tl_entity_get(TL_K_GOAL);

	char why[sizeof(c->err.msg)];

	if (tl_validate_value(&g->fields[TL_GOAL_PERIOD], s, out, size,
			      &c->err) == TL_OK)
		return TL_OK;
	/* The check's sentence, said as a usage error (exit 2). */
	snprintf(why, sizeof(why), "%s", c->err.msg);
	return cli_usage(c, "%s", why);
}

/* *fmt, or the default for what when none was given; an error naming
 * the formats allowed (the default first) when it does not apply. */
static enum tl_status check_format(struct cli *c,
				   const struct tl_export_format **fmt,
				   enum tl_export_what what, const char *label)
{
	char names[80];

	if (!*fmt)
		*fmt = tl_export_format_default(what);
	if (*fmt && tl_export_format_applies(*fmt, what))
		return TL_OK;
	if (!*fmt)
		return cli_usage(c, _("Unknown export format."));
	return cli_usage(c, _("%s cannot be exported as %s; use %s."), label,
			 (*fmt)->name, format_names(what, 0, what, NULL, names,
						    sizeof(names)));
}

/*
 * Fills q from the filters for noun e: checks that the kind has the
 * field, parses dates, resolves people and units by id prefix or name.
 */
static enum tl_status apply_filters(struct cli *c, const struct tl_entity *e,
				    struct cli_filters *f, struct job *j)
{
	enum tl_status rc = cli_filters_check(c, e, f);

	if (rc == TL_OK)
		rc = cli_filters_parse(c, e, f, &j->q);
	if (rc == TL_OK)
		rc = cli_filters_resolve(c, j->st, e, f, &j->q);
	return rc;
}

/* The words of a meeting's document: its minutes (or summary), or the
 * notice of its justering ('notices', plural, is the list of them). */
static bool is_minutes_word(const char *s)
{
	return !strcmp(s, "minutes") || !strcmp(s, "summary") ||
	       !strcmp(s, "notice") || !strcmp(s, "extract");
}

enum tl_status cli_cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		/* Its help line is help_format's, from the registry. */
		{"format", 0, true, "FORMAT", NULL, .key = EO_FORMAT},
		{"output", 'o', true, "FILE", N_("write to FILE instead of "
		 "standard output"), .key = 'o'},
		{"mode", 0, true, "OCTAL", N_("make FILE this mode, new or "
		 "replaced, like 0640 (on purpose: a wider mode lets others "
		 "read the records)"), .key = EO_MODE},
		{"owner", 0, true, "PERSON", N_("only records whose owner "
		 "(holder, given to) is this person"), .key = CLI_FILTER_OWNER},
		{"unit", 0, true, "UNIT", N_("only records of this unit"),
		 .key = CLI_FILTER_UNIT},
		{"from", 0, true, "DATE", N_("only those dated (due, starting, "
		 "decided) on or after DATE"), .key = CLI_FILTER_FROM},
		{"to", 0, true, "DATE", N_("only those dated before DATE"),
		 .key = CLI_FILTER_TO},
		{"open", 0, false, NULL, N_("only open ones"),
		 .key = CLI_FILTER_OPEN},
		{"kind", 0, true, "KIND", N_("only this kind"),
		 .key = CLI_FILTER_KIND},
		{"csv-raw", 0, false, NULL, N_("CSV cells as stored, not "
		 "guarded against spreadsheet formulas"), .key = EO_CSV_RAW},
		{"csv-dialect", 0, true, "DIALECT", N_("CSV as rfc4180 (the "
		 "default) or excel-sv (Excel in Swedish: ';', a decimal "
		 "comma)"), .key = EO_DIALECT},
		{"period", 0, true, "PERIOD", N_("the goal report's period, "
		 "like 2026 or 2026T2 (the year before today by default)"),
		 .key = EO_PERIOD},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = help_export};
	char meeting_id[TL_ID_LEN + 1];
	struct job j = {.q = {.kind = TL_K_NONE}};
	const struct tl_entity *e = NULL;
	const struct tl_export_format *fmt = NULL;
	struct cli_filters f = {0};
	const char *output = NULL, *noun = NULL, *meeting = NULL;
	enum tl_status rc = TL_OK;
	char period[16];
	int i, mode = -1;

	while (cli_args_next(&a)) {
		switch (a.key) {
		case EO_FORMAT:
			a.rc = parse_format(c, a.value, &fmt);
			break;
		case EO_MODE:
			a.rc = cli_parse_mode(c, a.value, &mode);
			break;
		case 'o':
			output = a.value;
			break;
		case EO_CSV_RAW:
			c->csv_raw = true;
			break;
		case EO_DIALECT:
			a.rc = cli_parse_csv_dialect(c, a.value);
			break;
		case EO_PERIOD:
			a.rc = parse_period(c, a.value, period,
					    sizeof(period));
			j.period = period;
			break;
		case CLI_FILTER_OWNER:
		case CLI_FILTER_UNIT:
		case CLI_FILTER_FROM:
		case CLI_FILTER_TO:
		case CLI_FILTER_OPEN:
		case CLI_FILTER_KIND:
			/* Checked once the noun is known. */
			cli_filter_take(&f, NULL, (enum cli_filter)a.key,
					a.value);
			break;
		}
	}
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	i = a.first;
	if (i < argc)
		noun = argv[i++];
	if (noun && is_minutes_word(noun)) {
		if (i >= argc)
			return cli_usage(c, _("Give the meeting whose %s to "
					 "export."), noun);
		meeting = argv[i++];
	}
	/* extract MEETING [§] N; minutes or notice MEETING [§ N] */
	if (noun && !strcmp(noun, "extract")) {
		char *end = NULL;

		if (i < argc && !strcmp(argv[i], "\xC2\xA7"))
			i++;
		if (i < argc)
			j.extract = strtol(argv[i], &end, 10);
		if (i >= argc || !end || *end || j.extract <= 0)
			return cli_usage(c, _("Give the § to extract, like "
					 "'tillit export extract MEETING "
					 "§ 5'."));
		i++;
	} else if (meeting && i < argc && !strcmp(argv[i], "\xC2\xA7")) {
		char *end = NULL;

		if (++i < argc)
			j.paragraph = strtol(argv[i], &end, 10);
		if (i >= argc || !end || *end || j.paragraph <= 0)
			return cli_usage(c, _("Give the number after §, like "
					 "'tillit export %s MEETING § 2'."),
					 noun);
		i++;
	}
	if (i < argc)
		return cli_usage(c, _("Unexpected argument '%.60s'."),
				 argv[i]);
	if (output && !*output)
		return cli_usage(c, _("--output needs a file name."));
	if (mode >= 0 && (!output || !strcmp(output, "-")))
		return cli_usage(c, _("--mode is the mode of a file: give "
				 "--output FILE too."));

	if (!noun) {
		/* Every record: the document of DESIGN.md section 6. */
		j.what = TL_EXPORT_DATABASE;
		rc = check_format(c, &fmt, j.what, _("The whole database"));
		if (rc == TL_OK && f.first)
			rc = cli_usage(c, _("%s filters a list; name what to "
				       "export, like 'tillit export "
				       "followups %s'."), f.first, f.first);
	} else if (meeting) {
		j.what = TL_EXPORT_MINUTES;
		j.notice = !strcmp(noun, "notice");
		rc = check_format(c, &fmt, j.what, j.notice ? _("A notice")
				  : j.extract ? _("An extract")
				  : j.paragraph ? _("A small protokoll")
				  : _("Minutes"));
		if (rc == TL_OK && f.first)
			rc = cli_usage(c, _("Minutes take no filters (%s)."),
				       f.first);
	} else if (!strcmp(noun, "undone")) {
		/* What is not yet carried out or reported back. */
		j.what = TL_EXPORT_UNDONE;
		rc = check_format(c, &fmt, j.what, _("What is not carried "
				  "out"));
		e = tl_entity_get(TL_K_MANDATE);
		j.q.kind = TL_K_MANDATE;
		if (rc == TL_OK && f.first && strcmp(f.first, "--unit"))
			rc = cli_usage(c, _("'undone' takes --unit, not %s."),
				       f.first);
	} else if (!strcmp(noun, "goals") && (!fmt || fmt->doc)) {
		/* The goal report; 'goals' in CSV or JSON is their list. */
		j.what = TL_EXPORT_GOALS;
		rc = check_format(c, &fmt, j.what, _("The goal report"));
		e = tl_entity_get(TL_K_GOAL);
		j.q.kind = TL_K_GOAL;
		if (rc == TL_OK && f.first && strcmp(f.first, "--unit"))
			rc = cli_usage(c, _("The goal report takes --unit and "
				       "--period, not %s."), f.first);
	} else {
		e = tl_entity_find(noun);
		if (!e)
			return cli_usage(c, _("Cannot export '%.60s': name a "
					 "kind of record (like followups), "
					 "or 'minutes MEETING'."), noun);
		j.what = tl_export_what_of_kind(e->kind);
		rc = check_format(c, &fmt, j.what,
				  j.what == TL_EXPORT_FOLLOWUPS
				  ? _("Follow-ups")
				  : j.what == TL_EXPORT_MEETINGS
				  ? _("Meetings") : _("A list"));
		j.q.kind = e->kind;
	}
	if (rc == TL_OK && j.period && j.what != TL_EXPORT_GOALS)
		rc = cli_usage(c, _("--period is the goal report's: 'tillit "
				 "export goals --period %s'."), j.period);
	if (rc != TL_OK)
		return rc;
	if (fmt->binary && (!output || !strcmp(output, "-")) &&
	    isatty(STDOUT_FILENO))
		return cli_usage(c, _("%s is not for a terminal: give --output "
				 "FILE, or send it to a file or a program."),
				 fmt->name);

	rc = cli_open(c, TL_OPEN_READONLY, &j.st);
	j.fmt = fmt;
	if (rc == TL_OK && meeting) {
		rc = tl_store_resolve(j.st, TL_K_MEETING, meeting, meeting_id,
				      &c->err);
		j.meeting = meeting_id;
	}
	if (rc == TL_OK && e)
		rc = apply_filters(c, e, &f, &j);
	if (rc == TL_OK && output && strcmp(output, "-"))
		rc = write_file(c, &j, output, mode);
	else if (rc == TL_OK) {
		cli_pager_start();
		rc = write_job(c, &j, stdout);
	}
	tl_store_close(j.st);
	return rc;
}
