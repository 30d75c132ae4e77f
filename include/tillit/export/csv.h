/*
 * csv.h - records as CSV (RFC 4180): a header line of field names, then a
 * line a record, its id first, lines ending in CRLF.  The command line's
 * `list --format csv` and `export NOUN`, and the full-screen program's
 * export of a list, all write through it.
 */
#ifndef TILLIT_EXPORT_CSV_H
#define TILLIT_EXPORT_CSV_H

#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/export/formats.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/*
 * Writes the header and the records that q selects, as the store's
 * iterator reads them (q's limit and cursor are ignored; at most limit
 * records when limit > 0).  Store errors as the iterator gives them.
 * The caller picks whether to read in one snapshot; write errors on out
 * are the caller's to notice (ferror).
 */
enum tl_status tl_csv_write_records(struct tl_store *st,
				    const struct tl_query *q, long limit,
				    FILE *out, struct tl_error *err);

/* The registry's writer (formats.h): every record of job->q, in one read
 * snapshot. */
enum tl_status tl_csv_export(const struct tl_export_job *job, FILE *out,
			     struct tl_error *err);

#endif
