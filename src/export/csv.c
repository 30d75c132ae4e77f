/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * csv.c - records as RFC 4180 CSV: fields quoted only when they must be,
 * a double quote doubled inside, CRLF after every line, the header made
 * from the model's field names.  Values are written as the store holds
 * them (ids for references, ISO dates), text as UTF-8, so that a script
 * or a spreadsheet gets the records themselves, not their display form.
 *
 * Two things keep a cell from being read as more than text.  Control
 * characters, which only another program can have stored, are shown as
 * the screen shows them (tl_text_sanitize, line breaks and tabs kept),
 * so that a CSV printed to a terminal cannot drive it.  And a cell that
 * a spreadsheet would run as a formula, one starting with '=', '+', '-',
 * '@', a tab or a CR, gets a single quote in front and is quoted
 * (OWASP's rule against CSV injection), unless the caller asks for the
 * cells as stored (TL_CSV_RAW).  A plain number such as -5 or -2.50 is
 * no formula and is written as it is, whatever field it is in.
 *
 * A reference is written twice: the name of the record it refers to
 * (as lists show it) under the field's name, and its id in a column of
 * its own after all the fields ("owner" ... "owner_id"), so that a
 * spreadsheet reads names, a script can still join on ids, and every
 * other column keeps its place.
 *
 * Two dialects.  RFC 4180 (above) is the default.  Excel as a Swedish
 * locale opens it (TL_CSV_EXCEL_SV): a byte order mark first, so that
 * Excel reads UTF-8 and å, ä and ö come out right; ';' between cells,
 * as the decimal comma takes ','; amounts with a decimal comma; and the
 * header and the choices (kinds, statuses, yes and no) in the reader's
 * language, as the screen shows them, for people rather than programs.
 */
#include "tillit/export/csv.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"

/* Whether s is a plain decimal number: an optional '-', digits, and
 * optionally a point (or a decimal comma) and more digits. */
static bool plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	size_t n = strspn(p, "0123456789");

	if (n == 0)
		return false;
	p += n;
	if (*p == '.' || *p == ',') {
		n = strspn(p + 1, "0123456789");
		if (n == 0)
			return false;
		p += 1 + n;
	}
	return *p == '\0';
}

bool tl_csv_guarded(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s) && !plain_number(s);
}

/* Writes s quoted, a double quote doubled, after `lead` (NULL: none). */
static void quoted(FILE *out, const char *lead, const char *s)
{
	fputc('"', out);
	if (lead)
		fputs(lead, out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void tl_csv_write_field(FILE *out, const char *s, unsigned flags)
{
	char *safe = NULL;

	if (!s)
		return;
	if (!tl_text_is_clean(s, true)) {
		safe = tl_text_sanitize(s, true);
		/* Out of memory: the cell is written as a lone '?'. */
		s = safe ? safe : "?";
	}
	if (!(flags & TL_CSV_RAW) && tl_csv_guarded(s))
		quoted(out, "'", s);
	else if (strpbrk(s, flags & TL_CSV_EXCEL_SV ? ";\"\r\n" : ",\"\r\n"))
		quoted(out, NULL, s);
	else
		fputs(s, out);
	free(safe);
}

void tl_csv_write_row(FILE *out, const char *const *cells, int n,
		      unsigned flags)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			fputc(tl_csv_separator(flags), out);
		tl_csv_write_field(out, cells[i], flags);
	}
	fputs("\r\n", out);
}

char tl_csv_separator(unsigned flags)
{
	return flags & TL_CSV_EXCEL_SV ? ';' : ',';
}

void tl_csv_start(FILE *out, unsigned flags)
{
	if (flags & TL_CSV_EXCEL_SV)
		fputs("\xEF\xBB\xBF", out);
}

/*
 * The header line of kind e: "id", then every field's name, then the
 * column of each reference's id ("owner_id").  For a spreadsheet (excel-
 * sv) the names are those a reader sees, in their language: "ID",
 * "Ansvarig", ..., "Ansvarig (id)"; RFC 4180 keeps the names programs
 * read by.
 */
static void csv_header(const struct tl_entity *e, unsigned flags, FILE *out)
{
	bool people = flags & TL_CSV_EXCEL_SV;
	char sep = tl_csv_separator(flags), name[160];

	tl_csv_write_field(out, people ? _("ID") : "id", flags);
	for (int i = 0; i < e->nfields; i++) {
		fputc(sep, out);
		tl_csv_write_field(out, people ? _(e->fields[i].label)
					       : e->fields[i].name, flags);
	}
	for (int i = 0; i < e->nfields; i++) {
		if (e->fields[i].type != TL_FT_REF)
			continue;
		if (people)
			/* TRANSLATORS: the column of a reference's id in a
			 * spreadsheet: "Ansvarig (id)". */
			snprintf(name, sizeof(name), _("%s (id)"),
				 _(e->fields[i].label));
		else
			snprintf(name, sizeof(name), "%s_id",
				 e->fields[i].name);
		fputc(sep, out);
		tl_csv_write_field(out, name, flags);
	}
	fputs("\r\n", out);
}

/* An amount with a decimal comma, into buf. */
static const char *decimal_comma(const char *v, char *buf, size_t size)
{
	char *dot;

	snprintf(buf, size, "%s", v);
	dot = strchr(buf, '.');
	if (dot)
		*dot = ',';
	return buf;
}

/* One record as a line: its id, then every field (unset ones empty), a
 * reference as the name it refers to; then each reference's id. */
static void csv_record(struct tl_refs *refs, const struct tl_record *r,
		       unsigned flags, FILE *out)
{
	char sep = tl_csv_separator(flags), num[64];

	tl_csv_write_field(out, r->id, flags);
	for (int i = 0; i < r->e->nfields; i++) {
		const struct tl_field *f = &r->e->fields[i];
		const char *v = tl_record_get(r, i);

		fputc(sep, out);
		if (v && f->type == TL_FT_REF)
			v = tl_refs_title(refs, f->ref, v);
		else if (v && (f->type == TL_FT_AMOUNT ||
			       f->type == TL_FT_NUMBER) &&
			 (flags & TL_CSV_EXCEL_SV))
			v = decimal_comma(v, num, sizeof(num));
		/* A spreadsheet's choices in the reader's language. */
		else if (v && f->type == TL_FT_ENUM &&
			 (flags & TL_CSV_EXCEL_SV) && tl_field_choice_ok(f, v))
			v = _(v);
		else if (v && f->type == TL_FT_BOOL &&
			 (flags & TL_CSV_EXCEL_SV))
			v = !strcmp(v, "1") ? _("yes") : _("no");
		tl_csv_write_field(out, v, flags);
	}
	for (int i = 0; i < r->e->nfields; i++) {
		if (r->e->fields[i].type != TL_FT_REF)
			continue;
		fputc(sep, out);
		tl_csv_write_field(out, tl_record_get(r, i), flags);
	}
	fputs("\r\n", out);
}

enum tl_status tl_csv_write_records(struct tl_store *st,
				    const struct tl_query *q0, long limit,
				    unsigned flags, FILE *out,
				    struct tl_error *err)
{
	struct tl_query q = *q0;
	const struct tl_record *r;
	struct tl_iter *it;
	long n = 0;
	enum tl_status rc;

	struct tl_refs refs;

	tl_csv_start(out, flags);
	csv_header(tl_entity_get(q0->kind), flags, out);
	q.after = NULL;
	tl_refs_init(&refs, st);
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (limit <= 0 || n < limit) &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		csv_record(&refs, r, flags, out);
		n++;
	}
	tl_store_iter_free(it);
	tl_refs_done(&refs);
	return rc;
}

enum tl_status tl_csv_export(const struct tl_export_job *job, FILE *out,
			     struct tl_error *err)
{
	enum tl_status rc = tl_store_read_begin(job->st, err);

	if (rc != TL_OK)
		return rc;
	rc = tl_csv_write_records(job->st, job->q, 0,
				  (job->csv_raw ? TL_CSV_RAW : 0) |
				  (job->csv_excel_sv ? TL_CSV_EXCEL_SV : 0),
				  out, err);
	tl_store_read_end(job->st);
	return rc;
}
