/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * stream.c - the SQLite engine's stream of tl_store_copy (backend.h):
 * a whole database written in as stored, into a file that holds nothing
 * yet (copy.c checks).
 *
 * Each table's secondary indexes and INSERT triggers (full-text rows,
 * the lock of a signed meeting) are dropped before its first row and
 * made again at the stream's end, as the bulk load does (derived.c): a
 * sort an index instead of a random insert a row, which with the
 * default page cache read the file again for every row (a copy of one
 * municipality-year from PostgreSQL took 100 s, most of it in pread).
 * The full-text rows are then made from the rows in one statement a
 * table.  The rows and the audit rows themselves go in through insert
 * and audit_add, as they would one by one.
 */
#include "sqlite.h"

#include <stdlib.h>

#include "tillit/core/i18n.h"

/* The page cache while the stream lasts: 256 MiB (negative: KiB), as the
 * bulk load's; the default again at its end. */
#define STREAM_CACHE "PRAGMA cache_size = -262144"
#define PLAIN_CACHE "PRAGMA cache_size = -2000"

struct tl_sqlite_stream {
	bool touched[TL_K_COUNT];
	bool audit;
	struct tl_sqlite_derived dropped;
};

/* The stream, begun at its first row. */
static struct tl_sqlite_stream *stream(struct tl_store *st,
				       struct tl_error *err)
{
	struct tl_sqlite *sq = tl_sq(st);

	if (!sq->stream) {
		sq->stream = calloc(1, sizeof(*sq->stream));
		if (!sq->stream) {
			tl_error_set(err, TL_ESYS, _("Out of memory."));
			return NULL;
		}
		sqlite3_exec(sq->db, STREAM_CACHE, NULL, NULL, NULL);
	}
	return sq->stream;
}

enum tl_status tl_sqlite_stream_record(struct tl_store *st,
				       const struct tl_record *r,
				       struct tl_error *err)
{
	struct tl_sqlite_stream *s = stream(st, err);
	enum tl_kind k = r->e->kind;

	if (!s)
		return TL_ESYS;
	if (!s->touched[k]) {
		enum tl_status rc = tl_sqlite_drop_derived(st, &s->dropped,
							   r->e->plural, err);

		if (rc != TL_OK)
			return rc;
		s->touched[k] = true;
	}
	return tl_sqlite_insert(st, r, err);
}

enum tl_status tl_sqlite_stream_audit(struct tl_store *st,
				      const struct tl_audit *a,
				      struct tl_error *err)
{
	struct tl_sqlite_stream *s = stream(st, err);

	if (!s)
		return TL_ESYS;
	if (!s->audit) {
		enum tl_status rc = tl_sqlite_drop_derived(st, &s->dropped,
							   "audit", err);

		if (rc != TL_OK)
			return rc;
		s->audit = true;
	}
	return tl_sqlite_audit_add(st, a, err);
}

void tl_sqlite_stream_free(struct tl_store *st)
{
	struct tl_sqlite *sq = tl_sq(st);

	if (!sq->stream)
		return;
	tl_sqlite_derived_free(&sq->stream->dropped);
	free(sq->stream);
	sq->stream = NULL;
	sqlite3_exec(sq->db, PLAIN_CACHE, NULL, NULL, NULL);
}

enum tl_status tl_sqlite_stream_end(struct tl_store *st, struct tl_error *err)
{
	struct tl_sqlite_stream *s = tl_sq(st)->stream;
	enum tl_status rc = TL_OK;

	if (!s)
		return TL_OK;
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++)
		if (s->touched[k])
			rc = tl_sqlite_fill_fts(st,
						tl_entity_get((enum tl_kind)k),
						0, err);
	if (rc == TL_OK)
		rc = tl_sqlite_recreate_derived(st, &s->dropped, err);
	tl_sqlite_stream_free(st);
	return rc;
}
