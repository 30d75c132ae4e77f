/*
 * csv.c - records as RFC 4180 CSV: fields quoted only when they must be,
 * a double quote doubled inside, CRLF after every line, the header made
 * from the model's field names.  Values are written as the store holds
 * them (ids for references, ISO dates), text as UTF-8, so that a script
 * or a spreadsheet gets the records themselves, not their display form.
 */
#include "tillit/export/csv.h"

#include <stddef.h>
#include <string.h>

#include "tillit/core/model.h"
#include "tillit/store/store.h"

/* Writes s as one field, quoted when it holds a comma, a double quote,
 * CR or LF (a quote then doubled); nothing for NULL. */
static void csv_field(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* The header line of kind e: "id", then every field's name. */
static void csv_header(const struct tl_entity *e, FILE *out)
{
	fputs("id", out);
	for (int i = 0; i < e->nfields; i++) {
		fputc(',', out);
		csv_field(out, e->fields[i].name);
	}
	fputs("\r\n", out);
}

/* One record as a line: its id, then every field (unset ones empty). */
static void csv_record(const struct tl_record *r, FILE *out)
{
	fputs(r->id, out);
	for (int i = 0; i < r->e->nfields; i++) {
		fputc(',', out);
		csv_field(out, tl_record_get(r, i));
	}
	fputs("\r\n", out);
}

enum tl_status tl_csv_write_records(struct tl_store *st,
				    const struct tl_query *q0, long limit,
				    FILE *out, struct tl_error *err)
{
	struct tl_query q = *q0;
	const struct tl_record *r;
	struct tl_iter *it;
	long n = 0;
	enum tl_status rc;

	csv_header(tl_entity_get(q0->kind), out);
	q.after = NULL;
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (limit <= 0 || n < limit) &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		csv_record(r, out);
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
	rc = tl_csv_write_records(job->st, job->q, 0, out, err);
	tl_store_read_end(job->st);
	return rc;
}
