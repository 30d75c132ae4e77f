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
 */
#include "tillit/export/csv.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/store/store.h"

/* Whether s is a plain decimal number: an optional '-', digits, and
 * optionally a point and more digits. */
static bool plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	size_t n = strspn(p, "0123456789");

	if (n == 0)
		return false;
	p += n;
	if (*p == '.') {
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
	else if (strpbrk(s, ",\"\r\n"))
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
			fputc(',', out);
		tl_csv_write_field(out, cells[i], flags);
	}
	fputs("\r\n", out);
}

/* The header line of kind e: "id", then every field's name. */
static void csv_header(const struct tl_entity *e, unsigned flags, FILE *out)
{
	fputs("id", out);
	for (int i = 0; i < e->nfields; i++) {
		fputc(',', out);
		tl_csv_write_field(out, e->fields[i].name, flags);
	}
	fputs("\r\n", out);
}

/* One record as a line: its id, then every field (unset ones empty). */
static void csv_record(const struct tl_record *r, unsigned flags, FILE *out)
{
	tl_csv_write_field(out, r->id, flags);
	for (int i = 0; i < r->e->nfields; i++) {
		fputc(',', out);
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

	csv_header(tl_entity_get(q0->kind), flags, out);
	q.after = NULL;
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (limit <= 0 || n < limit) &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		csv_record(r, flags, out);
		n++;
	}
	tl_store_iter_free(it);
	return rc;
}

enum tl_status tl_csv_export(const struct tl_export_job *job, FILE *out,
			     struct tl_error *err)
{
	enum tl_status rc = tl_store_read_begin(job->st, err);

	if (rc != TL_OK)
		return rc;
	rc = tl_csv_write_records(job->st, job->q, 0,
				  job->csv_raw ? TL_CSV_RAW : 0, out, err);
	tl_store_read_end(job->st);
	return rc;
}
