/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * audit.c - the SQLite engine's audit log: rows in and out of the audit
 * table, and tl_audit_chain(), an SQL window function that chains many
 * rows at once with the store's own tl_audit_hash.
 *
 * A row appended by the store comes with its seq, prev and hash made
 * (src/store/audit.c).  Two statements write many rows at once instead:
 * the migration that chained the log of an older database, and the end
 * of a bulk load (bulk.c).  SQLite has no SHA-256, and both must link
 * each row to the one before it in seq order, which a window function
 * does in a single pass: its state is the hash of the row before.
 * Registered as SQLITE_DIRECTONLY, it cannot be reached from a trigger
 * or a view that someone else put in the file.
 */
#include "sqlite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/store/audit.h"

/* The columns every read takes, in struct tl_audit's order. */
#define AUDIT_COLUMNS \
	"seq, at, actor, os_user, clock, entity, entity_id, action, " \
	"field, old_value, new_value, prev, hash, change_seq"

enum tl_status tl_sqlite_audit_add(struct tl_store *st,
				   const struct tl_audit *a,
				   struct tl_error *err)
{
	sqlite3_stmt *s = tl_stmt(st,
		"INSERT INTO audit (" AUDIT_COLUMNS ") VALUES (?, ?, ?, ?, ?, "
		"?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	const char *text[] = {a->at, a->actor, a->os_user, a->clock,
			      a->entity, a->id, a->action, a->field,
			      a->old_value, a->new_value, a->prev, a->hash};

	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_int64(s, 1, a->seq);
	for (int i = 0; i < (int)(sizeof(text) / sizeof(text[0])); i++)
		sqlite3_bind_text(s, i + 2, text[i], -1, SQLITE_STATIC);
	if (a->change > 0)
		sqlite3_bind_int64(s, 14, a->change);
	else
		sqlite3_bind_null(s, 14);
	if (sqlite3_step(s) != SQLITE_DONE) {
		enum tl_status rc = tl_db_error(st, err,
						N_("writing the audit log"));
		sqlite3_reset(s);
		return rc;
	}
	sqlite3_reset(s);
	return TL_OK;
}

enum tl_status tl_sqlite_audit_tail(struct tl_store *st, long long *seq,
				    char hash[65], struct tl_error *err)
{
	sqlite3_stmt *s = tl_stmt(st, "SELECT seq, hash FROM audit "
				  "ORDER BY seq DESC LIMIT 1", err);
	int step;

	*seq = 0;
	memcpy(hash, TL_AUDIT_ZERO, 65);
	if (!s)
		return err ? err->status : TL_EDB;
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(s, 1);

		*seq = sqlite3_column_int64(s, 0);
		snprintf(hash, 65, "%s", h ? h : "");
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading the audit log"));
	return TL_OK;
}

/* The text of column col, copied; NULL for NULL.  *whole turns false
 * when the stored value is not all of it (a NUL byte inside). */
static char *column_dup(sqlite3_stmt *s, int col, bool *whole)
{
	const char *v = (const char *)sqlite3_column_text(s, col);

	if (!v)
		return NULL;
	if ((size_t)sqlite3_column_bytes(s, col) != strlen(v))
		*whole = false;
	return strdup(v);
}

/* Reads the current row of s (AUDIT_COLUMNS) into a. */
static void read_row(sqlite3_stmt *s, struct tl_audit *a)
{
	const char *at = (const char *)sqlite3_column_text(s, 1);
	const char *id = (const char *)sqlite3_column_text(s, 6);
	bool whole = true;

	a->seq = sqlite3_column_int64(s, 0);
	a->change = sqlite3_column_int64(s, 13); /* NULL reads as 0 */
	if (!at || (size_t)sqlite3_column_bytes(s, 1) >= sizeof(a->at))
		whole = false;
	snprintf(a->at, sizeof(a->at), "%s", at ? at : "");
	if (!id || (size_t)sqlite3_column_bytes(s, 6) >= sizeof(a->id))
		whole = false;
	snprintf(a->id, sizeof(a->id), "%s", id ? id : "");
	a->actor = column_dup(s, 2, &whole);
	a->os_user = column_dup(s, 3, &whole);
	a->clock = column_dup(s, 4, &whole);
	a->entity = column_dup(s, 5, &whole);
	a->action = column_dup(s, 7, &whole);
	a->field = column_dup(s, 8, &whole);
	a->old_value = column_dup(s, 9, &whole);
	a->new_value = column_dup(s, 10, &whole);
	a->prev = column_dup(s, 11, &whole);
	a->hash = column_dup(s, 12, &whole);
	if (!whole) {
		/* What the struct holds is not what is stored: it cannot be
		 * the row that was hashed. */
		free(a->hash);
		a->hash = NULL;
	}
}

/* Up to limit rows of s, bound already, into *rows. */
static enum tl_status read_rows(struct tl_store *st, sqlite3_stmt *s,
				int limit, struct tl_audit **rows, int *n,
				struct tl_error *err)
{
	struct tl_audit *out = calloc((size_t)limit, sizeof(*out));
	int step, count = 0;

	if (!out) {
		sqlite3_reset(s);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	while (count < limit && (step = sqlite3_step(s)) == SQLITE_ROW)
		read_row(s, &out[count++]);
	sqlite3_reset(s);
	if (count < limit && step != SQLITE_DONE) {
		tl_audit_free(out, count);
		return tl_db_error(st, err, N_("reading the audit log"));
	}
	*rows = out;
	*n = count;
	return TL_OK;
}

enum tl_status tl_sqlite_audit(struct tl_store *st, const char *id,
			       long long before, int limit,
			       struct tl_audit **rows, int *n,
			       struct tl_error *err)
{
	sqlite3_stmt *s;
	const char *cond = tl_access_audit_sql(st);
	char *sql;
	size_t size = (cond ? strlen(cond) : 0) + 256;

	*rows = NULL;
	*n = 0;
	if (limit <= 0 || limit > 1000)
		limit = 50;
	if (!(sql = malloc(size)))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* Only the rows the viewer may read (tl_access_audit_sql). */
	snprintf(sql, size, "SELECT " AUDIT_COLUMNS " FROM audit WHERE %s "
		 "AND seq < ?2 AND %s ORDER BY seq DESC LIMIT ?3",
		 id ? "entity_id = ?1" : "?1 IS NULL", cond ? cond : "1=1");
	s = tl_stmt(st, sql, err);
	free(sql);
	if (!s)
		return err ? err->status : TL_EDB;
	if (id)
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, before > 0 ? before : INT64_MAX);
	sqlite3_bind_int(s, 3, limit);
	return read_rows(st, s, limit, rows, n, err);
}

enum tl_status tl_sqlite_audit_after(struct tl_store *st, long long after,
				     int limit, struct tl_audit **rows, int *n,
				     struct tl_error *err)
{
	sqlite3_stmt *s;

	*rows = NULL;
	*n = 0;
	if (limit <= 0 || limit > 1000)
		limit = 50;
	s = tl_stmt(st, "SELECT " AUDIT_COLUMNS " FROM audit WHERE seq > ?1 "
		    "ORDER BY seq LIMIT ?2", err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int(s, 2, limit);
	return read_rows(st, s, limit, rows, n, err);
}

/* ---- tl_audit_chain() ------------------------------------------------ */

/* The window's state: the last row's prev and hash, as xValue gives them. */
struct chain {
	bool started;
	char link[129];
};

static const char *arg_text(sqlite3_value *v)
{
	return (const char *)sqlite3_value_text(v);
}

static void chain_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct chain *c = sqlite3_aggregate_context(ctx, sizeof(*c));
	const char *at = arg_text(argv[2]), *id = arg_text(argv[7]);
	char prev[65], hash[65];
	struct tl_audit a = {
		.seq = sqlite3_value_int64(argv[1]),
		.clock = (char *)arg_text(argv[3]),
		.actor = (char *)arg_text(argv[4]),
		.os_user = (char *)arg_text(argv[5]),
		.entity = (char *)arg_text(argv[6]),
		.action = (char *)arg_text(argv[8]),
		.field = (char *)arg_text(argv[9]),
		.old_value = (char *)arg_text(argv[10]),
		.new_value = (char *)arg_text(argv[11]),
		.prev = prev,
	};

	(void)argc;
	if (!c) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	/* The struct holds a time and an id of fixed size, as a read of
	 * the row later does: a longer one could not be checked. */
	if (!at || strlen(at) >= sizeof(a.at) || !id ||
	    strlen(id) >= sizeof(a.id)) {
		sqlite3_result_error(ctx, "tl_audit_chain: an audit row's time "
				     "or id is missing or too long", -1);
		return;
	}
	memcpy(a.at, at, strlen(at) + 1);
	memcpy(a.id, id, strlen(id) + 1);
	if (!c->started) {
		const char *start = arg_text(argv[0]);

		if (!start || strlen(start) != 64) {
			sqlite3_result_error(ctx, "tl_audit_chain: the start "
					     "is not a hash", -1);
			return;
		}
		memcpy(prev, start, 65);
		c->started = true;
	} else {
		memcpy(prev, c->link + 64, 64);
		prev[64] = '\0';
	}
	tl_audit_hash(&a, hash);
	memcpy(c->link, prev, 64);
	memcpy(c->link + 64, hash, 65);
}

static void chain_value(sqlite3_context *ctx)
{
	struct chain *c = sqlite3_aggregate_context(ctx, 0);

	if (c && c->started)
		sqlite3_result_text(ctx, c->link, 128, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

/* Only frames that grow are chains: a row cannot leave one. */
static void chain_inverse(sqlite3_context *ctx, int argc,
			  sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_error(ctx, "tl_audit_chain: the frame must start at "
			     "UNBOUNDED PRECEDING", -1);
}

int tl_sqlite_chain_register(sqlite3 *db)
{
	return sqlite3_create_window_function(db, "tl_audit_chain", 12,
					      SQLITE_UTF8 | SQLITE_DIRECTONLY,
					      NULL, chain_step, chain_value,
					      chain_value, chain_inverse, NULL);
}
