/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * csv.h - records as CSV (RFC 4180): a header line of field names, then a
 * line a record, its id first, lines ending in CRLF; no control
 * characters, and cells a spreadsheet would run as formulas guarded.
 * The command line's `list --format csv` and `export NOUN`, and the
 * full-screen program's export of a list, all write through it.
 */
#ifndef TILLIT_EXPORT_CSV_H
#define TILLIT_EXPORT_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/export/formats.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/* Flags of the writers below. */
enum {
	/* Cells as stored: no guard against formulas (controls are still
	 * shown as the screen shows them). */
	TL_CSV_RAW = 1 << 0,
	/* As Excel under a Swedish locale opens it: a byte order mark,
	 * ';' between cells, amounts with a decimal comma (csv.c). */
	TL_CSV_EXCEL_SV = 1 << 1,
};

/* The cell separator of the dialect in flags: ',' or ';'. */
char tl_csv_separator(unsigned flags);

/* What a file of the dialect in flags starts with (a byte order mark). */
void tl_csv_start(FILE *out, unsigned flags);

/*
 * Whether a spreadsheet could run cell s as a formula, so that the
 * writers guard it: its first character is '=', '+', '-', '@', a tab or
 * a CR, and it is not a plain number (an optional '-', digits, and
 * optionally a point and digits: "-5", "-2.50").  False for NULL.
 */
bool tl_csv_guarded(const char *s);

/*
 * Writes s as one field: its control characters shown as by
 * tl_text_sanitize(s, true) (line breaks and tabs kept); then, unless
 * flags has TL_CSV_RAW, a cell tl_csv_guarded calls a formula as "'"
 * and the text, quoted; otherwise quoted only when it holds a comma, a
 * double quote, CR or LF.  A double quote inside is doubled.  Nothing
 * for NULL.
 */
void tl_csv_write_field(FILE *out, const char *s, unsigned flags);

/* Writes n fields (NULL ones empty) as one line ending in CRLF. */
void tl_csv_write_row(FILE *out, const char *const *cells, int n,
		      unsigned flags);

/*
 * Writes the header and the records that q selects, as the store's
 * iterator reads them (q's limit and cursor are ignored; at most limit
 * records when limit > 0), each field as tl_csv_write_field writes it
 * with flags.  Store errors as the iterator gives them.  The caller
 * picks whether to read in one snapshot; write errors on out are the
 * caller's to notice (ferror).
 */
enum tl_status tl_csv_write_records(struct tl_store *st,
				    const struct tl_query *q, long limit,
				    unsigned flags, FILE *out,
				    struct tl_error *err);

/* The registry's writer (formats.h): every record of job->q, in one read
 * snapshot, guarded unless job->csv_raw. */
enum tl_status tl_csv_export(const struct tl_export_job *job, FILE *out,
			     struct tl_error *err);

#endif
