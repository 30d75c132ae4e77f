/*
 * export_cmd.c - `tillit export`: data that leaves tillit.
 *
 *   tillit export [--format json] [--output FILE]
 *   tillit export minutes MEETING [--format md|html|txt] [--output FILE]
 *   tillit export NOUN [FILTERS] [--format csv|json] [--output FILE]
 *   tillit export followups [FILTERS] --format ics [--output FILE]
 *
 * Without a noun it writes every record as one JSON document (json.h).
 * `minutes` (or `summary`) writes a meeting's minutes or a one-to-one's
 * summary (minutes.h).  A noun writes the records a list would show, as
 * RFC 4180 CSV or a JSON array, paged through the store; follow-ups also
 * go to iCalendar (ical.h).  The filters are those of `tillit NOUN list`
 * (--owner, --unit, --from, --to, --open, --kind), with people and units
 * resolved by id prefix or name.
 *
 * --output FILE is written atomically (atomic.h): a temporary file in
 * the same folder, flushed and synced, then renamed over FILE, so a
 * failed export never leaves half a file where the old one was.  The
 * file follows the umask like any other the user makes.
 */
#include "internal.h"

#include <string.h>

#include "tillit/atomic.h"
#include "tillit/i18n.h"
#include "tillit/ical.h"
#include "tillit/json.h"
#include "tillit/minutes.h"
#include "tillit/model.h"
#include "tillit/store.h"

enum export_format {
	EF_NONE = 0,
	EF_JSON = 1 << 0,
	EF_CSV = 1 << 1,
	EF_ICS = 1 << 2,
	EF_MD = 1 << 3,
	EF_HTML = 1 << 4,
	EF_TXT = 1 << 5,
};

static const struct {
	const char *name;
	enum export_format f;
} format_names[] = {
	{"json", EF_JSON},
	{"csv", EF_CSV},
	{"ics", EF_ICS},
	{"md", EF_MD},
	{"markdown", EF_MD},
	{"html", EF_HTML},
	{"txt", EF_TXT},
	{"text", EF_TXT},
};

/* What one export writes, handed to write_to(). */
struct job {
	struct tl_store *st;
	enum export_format fmt;
	const char *meeting;  /* minutes: the meeting's full id */
	struct tl_query q;    /* a list */
};

/* ---- help -------------------------------------------------------------- */

static void help_export(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit export [--format json] [--output FILE]\n"
	     "       tillit export minutes MEETING [--format md|html|txt] "
	     "[--output FILE]\n"
	     "       tillit export NOUN [FILTERS] [--format csv|json] "
	     "[--output FILE]\n"
	     "       tillit export followups [FILTERS] --format ics "
	     "[--output FILE]\n\n"
	     "Without a noun, writes every record of every kind as one JSON "
	     "document\n(see doc/json-format.md).\n\n"
	     "'minutes MEETING' writes the minutes of a committee meeting, a "
	     "governance\ndialogue or a forum, or the summary of a one-to-one "
	     "('summary' is the\nsame): Markdown (the default), printable "
	     "HTML or plain text.\n\n"
	     "'NOUN' (followups, mandates, frames, ...) writes the records "
	     "that\n'tillit NOUN list' shows with the same filters, as CSV "
	     "(RFC 4180, the\ndefault) or JSON; follow-ups also as "
	     "iCalendar to-dos (ics).\n\n"
	     "FILE is replaced atomically and follows the umask.\n\n"
	     "Options:"), out);
	fputc('\n', out);
	cli_args_help_opts(a, out);
}

/* ---- writing ------------------------------------------------------------- */

/* A list of many pages is read in one snapshot, so that it is whole. */
static enum tl_status write_list(struct cli *c, const struct job *j,
				 FILE *out)
{
	enum tl_status rc = tl_store_read_begin(j->st, &c->err);

	if (rc != TL_OK)
		return rc;
	rc = cli_write_records(c, j->st, &j->q, 0, j->fmt == EF_CSV
			       ? CLI_FMT_CSV : CLI_FMT_JSON, out);
	tl_store_read_end(j->st);
	return rc;
}

static enum tl_status write_job(struct cli *c, const struct job *j, FILE *out)
{
	switch (j->fmt) {
	case EF_MD:
		return tl_minutes_write(j->st, j->meeting, TL_MINUTES_MD, out,
					&c->err);
	case EF_HTML:
		return tl_minutes_write(j->st, j->meeting, TL_MINUTES_HTML,
					out, &c->err);
	case EF_TXT:
		return tl_minutes_write(j->st, j->meeting, TL_MINUTES_TXT, out,
					&c->err);
	case EF_ICS:
		return tl_ical_write_followups(j->st, &j->q, out, &c->err);
	case EF_CSV:
		return write_list(c, j, out);
	case EF_JSON:
		if (j->q.kind == TL_K_NONE)
			return tl_json_export(j->st, out, &c->err);
		return write_list(c, j, out);
	default:
		return cli_fail(c, TL_ESYS, _("Unknown export format."));
	}
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

/* Writes the export to path atomically (atomic.h). */
static enum tl_status write_file(struct cli *c, const struct job *j,
				 const char *path)
{
	struct file_job fj = {.c = c, .j = j};

	return tl_write_atomic(path, write_file_job, &fj, &c->err);
}

/* ---- arguments ------------------------------------------------------------ */

/* export's own option; the filters are CLI_FILTER_* (internal.h). */
enum { EO_FORMAT = 1 };

static enum tl_status parse_format(struct cli *c, const char *s,
				   enum export_format *out)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(format_names[0]);
	     i++) {
		if (!strcmp(s, format_names[i].name)) {
			*out = format_names[i].f;
			return TL_OK;
		}
	}
	return cli_usage(c, _("Unknown format \"%.40s\"; use json, csv or ics "
			 "for a list, md, html or txt for minutes."), s);
}

/* The formats allowed for what is exported, named in a message. */
static enum tl_status check_format(struct cli *c, enum export_format fmt,
				   unsigned allowed, const char *what,
				   const char *names)
{
	if (fmt & allowed)
		return TL_OK;
	for (size_t i = 0; i < sizeof(format_names) / sizeof(format_names[0]);
	     i++)
		if (format_names[i].f == fmt)
			return cli_usage(c, _("%s cannot be exported as %s; use "
					 "%s."), what, format_names[i].name,
					 names);
	return cli_usage(c, _("Unknown export format."));
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

static bool is_minutes_word(const char *s)
{
	return !strcmp(s, "minutes") || !strcmp(s, "summary");
}

enum tl_status cli_cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"format", 0, true, "FORMAT", N_("json; md, html or txt for "
		 "minutes; csv, json or ics (follow-ups) for a noun"),
		 .key = EO_FORMAT},
		{"output", 'o', true, "FILE", N_("write to FILE instead of "
		 "standard output"), .key = 'o'},
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
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = help_export};
	char meeting_id[TL_ID_LEN + 1];
	struct job j = {.q = {.kind = TL_K_NONE}};
	const struct tl_entity *e = NULL;
	enum export_format fmt = EF_NONE;
	struct cli_filters f = {0};
	const char *output = NULL, *noun = NULL, *meeting = NULL;
	enum tl_status rc = TL_OK;
	int i;

	while (cli_args_next(&a)) {
		switch (a.key) {
		case EO_FORMAT:
			a.rc = parse_format(c, a.value, &fmt);
			break;
		case 'o':
			output = a.value;
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
	if (i < argc)
		return cli_usage(c, _("Unexpected argument '%.60s'."),
				 argv[i]);
	if (output && !*output)
		return cli_usage(c, _("--output needs a file name."));

	if (!noun) {
		/* Every record: the document of DESIGN.md section 6. */
		if (fmt == EF_NONE)
			fmt = EF_JSON;
		rc = check_format(c, fmt, EF_JSON, _("The whole database"),
				  "json");
		if (rc == TL_OK && f.first)
			rc = cli_usage(c, _("%s filters a list; name what to "
				       "export, like 'tillit export "
				       "followups %s'."), f.first, f.first);
	} else if (meeting) {
		if (fmt == EF_NONE)
			fmt = EF_MD;
		rc = check_format(c, fmt, EF_MD | EF_HTML | EF_TXT,
				  _("Minutes"), "md, html or txt");
		if (rc == TL_OK && f.first)
			rc = cli_usage(c, _("Minutes take no filters (%s)."),
				       f.first);
	} else {
		e = tl_entity_find(noun);
		if (!e)
			return cli_usage(c, _("Cannot export '%.60s': name a "
					 "kind of record (like followups), "
					 "or 'minutes MEETING'."), noun);
		if (fmt == EF_NONE)
			fmt = EF_CSV;
		if (e->kind == TL_K_FOLLOWUP)
			rc = check_format(c, fmt, EF_CSV | EF_JSON | EF_ICS,
					  _("Follow-ups"), "csv, json or ics");
		else
			rc = check_format(c, fmt, EF_CSV | EF_JSON,
					  _("A list"), "csv or json");
		j.q.kind = e->kind;
	}
	if (rc != TL_OK)
		return rc;

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
		rc = write_file(c, &j, output);
	else if (rc == TL_OK)
		rc = write_job(c, &j, stdout);
	tl_store_close(j.st);
	return rc;
}
