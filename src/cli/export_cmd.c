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
 * --output FILE is written atomically: a temporary file in the same
 * folder, flushed and synced, then renamed over FILE, so a failed export
 * never leaves half a file where the old one was.  The file follows the
 * umask like any other the user makes.
 */
#include "internal.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/date.h"
#include "tillit/i18n.h"
#include "tillit/ical.h"
#include "tillit/json.h"
#include "tillit/minutes.h"
#include "tillit/model.h"
#include "tillit/store.h"

/* Records asked of the store a page at a time. */
#define EXPORT_PAGE 200

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

static void help_export(void)
{
	puts(_("Usage: tillit export [--format json] [--output FILE]\n"
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
	     "Options:"));
	cli_help_opt(stdout, "--format FORMAT", _("json; md, html or txt for "
		     "minutes; csv, json or ics (follow-ups) for a noun"));
	cli_help_opt(stdout, "-o, --output FILE", _("write to FILE instead of "
		     "standard output"));
	cli_help_opt(stdout, "--owner PERSON", _("only records whose owner "
		     "(holder, given to) is this person"));
	cli_help_opt(stdout, "--unit UNIT", _("only records of this unit"));
	cli_help_opt(stdout, "--from DATE", _("only those dated (due, "
		     "starting, decided) on or after DATE"));
	cli_help_opt(stdout, "--to DATE", _("only those dated before DATE"));
	cli_help_opt(stdout, "--open", _("only open ones"));
	cli_help_opt(stdout, "--kind KIND", _("only this kind"));
	cli_help_opt(stdout, "-h, --help", _("show this help"));
}

/* ---- writing ------------------------------------------------------------- */

/* The date that --from and --to compare, as the store does: the due
 * date, else a sort field that is a date or time; -1 for none. */
static int date_field(const struct tl_entity *e)
{
	enum tl_ftype t = e->fields[e->sort].type;

	if (e->due >= 0)
		return e->due;
	return t == TL_FT_DATE || t == TL_FT_DATETIME ? e->sort : -1;
}

/*
 * Pages through q, calling row() for each record.  A page's cursor must
 * live until the next page is read, so the previous page is freed only
 * then.
 */
static enum tl_status each_record(struct cli *c, struct tl_store *st,
				  const struct tl_query *q0,
				  bool (*row)(const struct tl_record *, FILE *,
					      bool),
				  FILE *out, long *count)
{
	struct tl_page page = {0}, prev = {0};
	struct tl_query q = *q0;
	enum tl_status rc;
	*count = 0;
	q.limit = EXPORT_PAGE;
	q.after = NULL;
	for (;;) {
		rc = tl_store_list(st, &q, &page, &c->err);
		tl_page_done(&prev);
		if (rc != TL_OK)
			return rc;
		for (int i = 0; i < page.n; i++) {
			if (!row(page.recs[i], out, *count == 0)) {
				tl_page_done(&page);
				return cli_fail(c, TL_ESYS, _("Out of "
						"memory."));
			}
			(*count)++;
		}
		if (!page.more) {
			tl_page_done(&page);
			return TL_OK;
		}
		prev = page;
		memset(&page, 0, sizeof(page));
		q.after = &prev.next;
	}
}

static bool csv_row(const struct tl_record *r, FILE *out, bool first)
{
	(void)first;
	fputs(r->id, out);
	for (int i = 0; i < r->e->nfields; i++) {
		fputc(',', out);
		cli_csv_field(out, tl_record_get(r, i));
	}
	fputs("\r\n", out);
	return true;
}

static bool json_row(const struct tl_record *r, FILE *out, bool first)
{
	fputs(first ? "\n  " : ",\n  ", out);
	return cli_json_put(cli_record_json(r), out);
}

/* A list as CSV: a header of field names, then one line a record. */
static enum tl_status write_csv(struct cli *c, const struct job *j, FILE *out)
{
	const struct tl_entity *e = tl_entity_get(j->q.kind);
	long n;

	fputs("id", out);
	for (int i = 0; i < e->nfields; i++) {
		fputc(',', out);
		cli_csv_field(out, e->fields[i].name);
	}
	fputs("\r\n", out);
	return each_record(c, j->st, &j->q, csv_row, out, &n);
}

/* A list as a JSON array, one record a line, in the export's encoding. */
static enum tl_status write_json_list(struct cli *c, const struct job *j,
				      FILE *out)
{
	enum tl_status rc;
	long n = 0;

	fputs("[", out);
	rc = each_record(c, j->st, &j->q, json_row, out, &n);
	if (rc == TL_OK)
		fputs(n > 0 ? "\n]\n" : "]\n", out);
	return rc;
}

/* A list of many pages is read in one snapshot, so that it is whole. */
static enum tl_status write_list(struct cli *c, const struct job *j,
				 FILE *out)
{
	enum tl_status rc = tl_store_read_begin(j->st, &c->err);

	if (rc != TL_OK)
		return rc;
	if (j->fmt == EF_CSV)
		rc = write_csv(c, j, out);
	else
		rc = write_json_list(c, j, out);
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

/* Writes the export to path through a temporary file and rename(2). */
static enum tl_status write_file(struct cli *c, const struct job *j,
				 const char *path)
{
	size_t len = strlen(path);
	char *tmp = malloc(len + 8);
	enum tl_status rc;
	mode_t mask;
	FILE *f;
	int fd;

	if (!tmp)
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	memcpy(tmp, path, len);
	memcpy(tmp + len, ".XXXXXX", 8);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = cli_fail(c, TL_ESYS, _("Cannot write %s: %s."), path,
			      strerror(errno));
		free(tmp);
		return rc;
	}
	/* mkstemp makes 0600; an export follows the umask like any file. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || !(f = fdopen(fd, "w"))) {
		rc = cli_fail(c, TL_ESYS, _("Cannot write %s: %s."), path,
			      strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	rc = write_job(c, j, f);
	errno = 0;
	if (rc == TL_OK && (fflush(f) == EOF || ferror(f) ||
			    fsync(fileno(f)) != 0))
		rc = cli_fail(c, TL_ESYS, _("Cannot write %s: %s."), path,
			      strerror(errno ? errno : EIO));
	if (fclose(f) == EOF && rc == TL_OK)
		rc = cli_fail(c, TL_ESYS, _("Cannot write %s: %s."), path,
			      strerror(errno));
	if (rc == TL_OK && rename(tmp, path) != 0)
		rc = cli_fail(c, TL_ESYS, _("Cannot write %s: %s."), path,
			      strerror(errno));
	if (rc != TL_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* ---- arguments ------------------------------------------------------------ */

enum {
	EO_FORMAT = 1, EO_OWNER, EO_UNIT, EO_FROM, EO_TO, EO_OPEN, EO_KIND,
};

/* The filters as typed, resolved once the store is open. */
struct filters {
	const char *owner, *unit, *from, *to, *kind;
	bool open;
	const char *first; /* the first filter given, for messages */
};

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

/* A filter this kind has no field for is a usage error naming it. */
static enum tl_status need(struct cli *c, const struct tl_entity *e, bool ok,
			   const char *opt)
{
	char pl[64];

	if (ok)
		return TL_OK;
	return cli_usage(c, _("%s cannot be filtered by %s."),
			 cli_plural_label(e, pl, sizeof(pl)), opt);
}

/*
 * Fills j->q from the filters for noun e: checks that the kind has the
 * field, parses dates, resolves people and units by id prefix or name.
 */
static enum tl_status apply_filters(struct cli *c, const struct tl_entity *e,
				    const struct filters *f, struct job *j,
				    char owner_id[TL_ID_LEN + 1],
				    char unit_id[TL_ID_LEN + 1],
				    char from[TL_DATE_SIZE],
				    char to[TL_DATE_SIZE])
{
	enum tl_status rc = TL_OK;
	char choices[256];

	if (f->owner)
		rc = need(c, e, e->owner >= 0, "--owner");
	if (rc == TL_OK && f->unit)
		rc = need(c, e, e->unit >= 0 || e->owner >= 0 ||
				  tl_entity_field(e, "meeting") >= 0, "--unit");
	if (rc == TL_OK && (f->from || f->to))
		rc = need(c, e, date_field(e) >= 0, f->from ? "--from" : "--to");
	if (rc == TL_OK && f->open)
		rc = need(c, e, e->status >= 0 && e->open_values, "--open");
	if (rc == TL_OK && f->kind)
		rc = need(c, e, e->kindf >= 0, "--kind");
	if (rc != TL_OK)
		return rc;
	if (f->kind && !tl_field_choice_ok(&e->fields[e->kindf], f->kind))
		return cli_fail(c, TL_EINVAL, _("%s \"%.40s\" is not one of "
				"%s."), _(e->fields[e->kindf].label), f->kind,
				tl_field_choices_str(&e->fields[e->kindf],
						     choices,
						     sizeof(choices)));
	j->q.kindv = f->kind;
	j->q.open = f->open;
	if (f->from) {
		rc = tl_date_parse(f->from, NULL, from, &c->err);
		if (rc != TL_OK)
			return rc;
		j->q.from = from;
	}
	if (f->to) {
		rc = tl_date_parse(f->to, NULL, to, &c->err);
		if (rc != TL_OK)
			return rc;
		j->q.to = to;
	}
	if (f->owner) {
		rc = tl_store_resolve(j->st, e->fields[e->owner].ref, f->owner,
				      owner_id, &c->err);
		if (rc != TL_OK)
			return rc;
		j->q.owner = owner_id;
	}
	if (f->unit) {
		rc = tl_store_resolve(j->st, TL_K_UNIT, f->unit,
				      unit_id, &c->err);
		if (rc != TL_OK)
			return rc;
		j->q.unit = unit_id;
	}
	return TL_OK;
}

static bool is_minutes_word(const char *s)
{
	return !strcmp(s, "minutes") || !strcmp(s, "summary");
}

enum tl_status cli_cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, EO_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"owner", required_argument, NULL, EO_OWNER},
		{"unit", required_argument, NULL, EO_UNIT},
		{"from", required_argument, NULL, EO_FROM},
		{"to", required_argument, NULL, EO_TO},
		{"open", no_argument, NULL, EO_OPEN},
		{"kind", required_argument, NULL, EO_KIND},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char owner_id[TL_ID_LEN + 1], unit_id[TL_ID_LEN + 1];
	char meeting_id[TL_ID_LEN + 1];
	char from[TL_DATE_SIZE], to[TL_DATE_SIZE];
	struct job j = {.q = {.kind = TL_K_NONE}};
	const struct tl_entity *e = NULL;
	enum export_format fmt = EF_NONE;
	struct filters f = {0};
	const char *output = NULL, *noun = NULL, *meeting = NULL;
	enum tl_status rc = TL_OK;
	int ch;

	optind = 0;
	while (rc == TL_OK &&
	       (ch = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
		switch (ch) {
		case EO_FORMAT:
			rc = parse_format(c, optarg, &fmt);
			break;
		case 'o':
			output = optarg;
			break;
		case EO_OWNER:
			f.owner = optarg;
			f.first = f.first ? f.first : "--owner";
			break;
		case EO_UNIT:
			f.unit = optarg;
			f.first = f.first ? f.first : "--unit";
			break;
		case EO_FROM:
			f.from = optarg;
			f.first = f.first ? f.first : "--from";
			break;
		case EO_TO:
			f.to = optarg;
			f.first = f.first ? f.first : "--to";
			break;
		case EO_OPEN:
			f.open = true;
			f.first = f.first ? f.first : "--open";
			break;
		case EO_KIND:
			f.kind = optarg;
			f.first = f.first ? f.first : "--kind";
			break;
		case 'h':
			help_export();
			return TL_OK;
		default:
			rc = cli_bad_option(c, ch, argv);
			break;
		}
	}
	if (rc != TL_OK)
		return rc;
	if (optind < argc)
		noun = argv[optind++];
	if (noun && is_minutes_word(noun)) {
		if (optind >= argc)
			return cli_usage(c, _("Give the meeting whose %s to "
					 "export."), noun);
		meeting = argv[optind++];
	}
	if (optind < argc)
		return cli_usage(c, _("Unexpected argument '%.60s'."),
				 argv[optind]);
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
		rc = apply_filters(c, e, &f, &j, owner_id, unit_id, from, to);
	if (rc == TL_OK && output && strcmp(output, "-"))
		rc = write_file(c, &j, output);
	else if (rc == TL_OK)
		rc = write_job(c, &j, stdout);
	tl_store_close(j.st);
	return rc;
}
