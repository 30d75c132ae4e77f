/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sort.c - the SQLite engine's Swedish order: each row of a kind sorted
 * by its name (model.h's tl_entity_sorts_by_name) keeps the ICU sort key
 * of that name in a column sort_key (collate.h), and its list indexes
 * hold the key where they held the name.  A BLOB compares as memcmp, so
 * "Åsa" comes after "Zoran" and "anna" before "Bertil" in every list and
 * on every page, as PostgreSQL's "sv-SE-x-icu" columns give them.
 *
 * tillit writes the key with the row (row.c, bulk.c).  A row written by
 * another program (the sqlite3 shell) has none, or an old one once its
 * name changes (a trigger clears it then); the next tillit that opens
 * the database to write fills them in (tl_sqlite_sort_repair).  Schema
 * 16 (below) adds the columns and fills them through the SQL function
 * tl_sort_key(), which db.c registers on each connection, with
 * tl_fold(), by which row.c looks names up whatever their case and
 * accents.
 */
#include "sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/i18n.h"

/* tl_sort_key(text): the text's sort key as a BLOB; NULL for NULL. */
static void sort_key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct tl_error err = {0};
	unsigned char *key;
	size_t len;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (tl_collate_key((const char *)sqlite3_value_text(argv[0]), &key,
			   &len, &err) != TL_OK) {
		sqlite3_result_error(ctx, err.msg, -1);
		return;
	}
	sqlite3_result_blob(ctx, key, (int)len, free);
}

/* tl_fold(text): the text as names are looked up (collate.h). */
static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct tl_error err = {0};
	char *f;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	f = tl_text_fold((const char *)sqlite3_value_text(argv[0]), &err);
	if (!f) {
		sqlite3_result_error(ctx, err.msg, -1);
		return;
	}
	sqlite3_result_text(ctx, f, -1, free);
}

int tl_sqlite_sort_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
	int rc = sqlite3_create_function(db, "tl_sort_key", 1, flags, NULL,
					 sort_key_fn, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "tl_fold", 1, flags, NULL,
					     fold_fn, NULL, NULL);
	return rc;
}

/* The kinds sorted by name, their tables and name columns. */
#define SORTED(X) \
	X(units, name) \
	X(people, name) \
	X(series, title) \
	X(mandates, matter) \
	X(frames, description)

/*
 * Schema 16.  Each list index on the name holds the key instead, in the
 * same place: the sort index alone, and each filter's index followed by
 * it.  The trigger clears a key that the name no longer matches, when
 * the writer changed the name but not the key (tillit changes both).
 */
#define KEY_COLUMN(t, n) \
	"ALTER TABLE " #t " ADD COLUMN sort_key BLOB;\n" \
	"UPDATE " #t " SET sort_key = tl_sort_key(" #n ");\n" \
	"CREATE TRIGGER " #t "_sort_key AFTER UPDATE OF " #n " ON " #t "\n" \
	"WHEN new.sort_key IS old.sort_key AND new." #n " IS NOT old." #n \
	" BEGIN\n" \
	"	UPDATE " #t " SET sort_key = NULL WHERE seq = new.seq;\n" \
	"END;\n"
#define REINDEX(t, ix, cols) \
	"DROP INDEX " #t "_" #ix ";\n" \
	"CREATE INDEX " #t "_" #ix " ON " #t "(" cols ");\n"

const char tl_sqlite_migration_sort_keys[] =
	SORTED(KEY_COLUMN)
	REINDEX(units, sort, "sort_key, id")
	REINDEX(units, parent, "parent, sort_key, id")
	REINDEX(units, kind, "kind, sort_key, id")
	REINDEX(units, status, "status, sort_key, id")
	REINDEX(people, sort, "sort_key, id")
	REINDEX(people, unit, "unit, sort_key, id")
	REINDEX(people, kind, "kind, sort_key, id")
	REINDEX(people, status, "status, sort_key, id")
	REINDEX(series, sort, "sort_key, id")
	REINDEX(series, unit, "unit, sort_key, id")
	REINDEX(series, kind, "kind, sort_key, id")
	REINDEX(mandates, sort, "sort_key, id")
	REINDEX(mandates, given_to, "given_to, sort_key, id")
	REINDEX(mandates, given_by_unit, "given_by_unit, sort_key, id")
	REINDEX(mandates, status, "status, sort_key, id")
	REINDEX(mandates, meeting, "meeting, sort_key, id")
	REINDEX(frames, sort, "sort_key, id")
	REINDEX(frames, holder_person, "holder_person, sort_key, id")
	REINDEX(frames, holder_unit, "holder_unit, sort_key, id")
	REINDEX(frames, kind, "kind, sort_key, id")
	REINDEX(frames, status, "status, sort_key, id")
	REINDEX(frames, meeting, "meeting, sort_key, id");

enum tl_status tl_sqlite_bind_sort_key(struct tl_store *st, sqlite3_stmt *s,
				       int idx, const char *name,
				       struct tl_error *err)
{
	unsigned char *key;
	size_t len;
	enum tl_status rc = tl_collate_key(name, &key, &len, err);

	(void)st;
	if (rc != TL_OK)
		return rc;
	sqlite3_bind_blob(s, idx, key, (int)len, free);
	return TL_OK;
}

enum tl_status tl_sqlite_sort_repair(struct tl_store *st,
				     struct tl_error *err)
{
#define ANY_MISSING(t, n) \
	" UNION ALL SELECT 1 FROM (SELECT 1 FROM " #t \
	" WHERE sort_key IS NULL LIMIT 1)"
	static const char probe[] =
		"SELECT EXISTS (SELECT 1 WHERE 0" SORTED(ANY_MISSING) ")";
#undef ANY_MISSING
#define FILL(t, n) \
	"UPDATE " #t " SET sort_key = tl_sort_key(" #n ") " \
	"WHERE sort_key IS NULL;\n"
	static const char fill[] = SORTED(FILL);
#undef FILL
	sqlite3_stmt *s = tl_stmt(st, probe, err);
	int step, missing;

	if (!s)
		return err ? err->status : TL_EDB;
	step = sqlite3_step(s);
	missing = step == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (step != SQLITE_ROW)
		return tl_db_error(st, err, N_("reading"));
	if (!missing)
		return TL_OK;
	return tl_exec(st, fill, err);
}
