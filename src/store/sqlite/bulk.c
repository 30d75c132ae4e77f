/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bulk.c - the SQLite engine's side of the bulk load (bulk.h): many new
 * rows in one transaction, with the per-row work that only derives data
 * moved to the end.  What may go in is decided in src/store/bulk.c.
 *
 * Added one by one, a record costs an audit row, a lookup per trigger and
 * a random insert into each of up to ten indexes and a full-text index;
 * at a million follow-ups that is minutes.  Here the first record of a
 * table drops its secondary indexes and its INSERT triggers (full-text
 * and signed-meeting lock), keeping their SQL from sqlite_master; rows
 * then go in through one prepared INSERT per table; and the end builds
 * the full-text rows and the audit rows with one INSERT ... SELECT per
 * table over the new rows (seq above the table's largest seq at the
 * start), recreates every index and trigger from the kept SQL (a sort per
 * index instead of a million random inserts), and checks the references
 * (see refs_empty).  The schema is thus left exactly as it was, and a
 * failure rolls all of it back.
 *
 * What the dropped triggers guarded is checked by src/store/bulk.c
 * instead, through tl_sqlite_bulk_locked.  On a fresh database the
 * rollback journal is used during the load, since it then holds almost
 * nothing (new pages need no undo), where WAL would write every page
 * twice; WAL is turned back on at the end.
 */
#include "sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"

/* The page cache for the load: 256 MiB (negative: KiB), so that the
 * tables' id indexes stay in memory.  (1 GiB with two sorter threads
 * and temp_store = MEMORY measured slower: 155 s against 123 s.) */
#define BULK_CACHE "PRAGMA cache_size = -262144"

struct sqlite_bulk {
	struct tl_store *st;
	sqlite3 *db;                /* st's connection */
	sqlite3_stmt *ins[TL_K_COUNT];
	sqlite3_stmt *tag;          /* is there a principle with this key */
	sqlite3_stmt *has[TL_K_COUNT]; /* is this id among the new rows */
	long long base[TL_K_COUNT]; /* largest seq before the load */
	bool touched[TL_K_COUNT];
	bool wal_off;               /* journal switched from WAL */
	bool fk_off;                /* references checked at the end */
	bool audit_dropped;
	struct tl_sqlite_derived dropped; /* to recreate at the end */
};

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

static enum tl_status one_int(struct tl_store *st, const char *sql,
			      const char *text, long long *out,
			      struct tl_error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(tl_sq(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("reading the database"));
	if (text)
		sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading the database"));
	return TL_OK;
}

/* The journal mode the database now has, after asking for `mode`. */
static bool set_journal(struct tl_store *st, const char *mode,
			const char *want)
{
	char sql[64];
	sqlite3_stmt *s;
	bool ok = false;

	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = %s", mode);
	if (sqlite3_prepare_v2(tl_sq(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(s) == SQLITE_ROW)
		ok = !strcmp((const char *)sqlite3_column_text(s, 0), want);
	sqlite3_finalize(s);
	return ok;
}

/* Every reference the schema declares: child table, column, parent
 * table and its key, in schema order. */
#define FK_LIST "SELECT m.name, p.\"from\", p.\"table\", " \
	"coalesce(p.\"to\", 'id') FROM sqlite_master m, " \
	"pragma_foreign_key_list(m.name) p WHERE m.type = 'table' " \
	"ORDER BY m.rowid, p.id, p.seq"

/*
 * Whether every table that holds references is empty: then the load turns
 * SQLite's reference checks off and check_references() makes them at the
 * end, for the whole of each table, at once.
 */
static bool refs_empty(struct tl_store *st)
{
	sqlite3_stmt *s;
	bool empty = true;

	if (sqlite3_prepare_v2(tl_sq(st)->db, FK_LIST, -1, &s, NULL) !=
	    SQLITE_OK)
		return false;
	while (empty && sqlite3_step(s) == SQLITE_ROW) {
		char sql[128];
		long long n = 1;

		snprintf(sql, sizeof(sql), "SELECT EXISTS (SELECT 1 FROM %s)",
			 (const char *)sqlite3_column_text(s, 0));
		empty = one_int(st, sql, NULL, &n, NULL) == TL_OK && n == 0;
	}
	sqlite3_finalize(s);
	return empty;
}

static void restore(struct sqlite_bulk *b)
{
	sqlite3_exec(b->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
	if (b->fk_off)
		sqlite3_exec(b->db, "PRAGMA foreign_keys = ON", NULL, NULL,
			     NULL);
	b->fk_off = false;
	if (b->wal_off)
		set_journal(b->st, "WAL", "wal");
	b->wal_off = false;
}

static void free_bulk(struct sqlite_bulk *b)
{
	for (int k = 0; k < TL_K_COUNT; k++) {
		sqlite3_finalize(b->ins[k]);
		sqlite3_finalize(b->has[k]);
	}
	sqlite3_finalize(b->tag);
	tl_sqlite_derived_free(&b->dropped);
	free(b);
}

enum tl_status tl_sqlite_bulk_begin(struct tl_store *st, void **be,
				    struct tl_error *err)
{
	struct sqlite_bulk *b;
	long long n = 0;

	*be = NULL;
	b = calloc(1, sizeof(*b));
	if (!b)
		return oom(err);
	b->st = st;
	b->db = tl_sq(st)->db;
	if (!st->readonly && strcmp(st->path, ":memory:") != 0 &&
	    one_int(st, "SELECT count(*) FROM meetings", NULL, &n, NULL) ==
	    TL_OK && n == 0)
		b->wal_off = set_journal(st, "DELETE", "delete");
	/* Outside a transaction, where the setting takes effect. */
	if (!st->readonly && refs_empty(st) &&
	    sqlite3_exec(tl_sq(st)->db, "PRAGMA foreign_keys = OFF", NULL,
			 NULL, NULL) == SQLITE_OK)
		b->fk_off = true;
	sqlite3_exec(tl_sq(st)->db, BULK_CACHE, NULL, NULL, NULL);
	*be = b;
	return TL_OK;
}

enum tl_status tl_sqlite_bulk_start(void *be, struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	enum tl_status rc = TL_OK;

	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		char sql[96];
		snprintf(sql, sizeof(sql), "SELECT coalesce(max(seq), 0) "
			 "FROM %s", tl_entity_get((enum tl_kind)k)->plural);
		rc = one_int(b->st, sql, NULL, &b->base[k], err);
	}
	return rc;
}

static enum tl_status prepare_kind(struct sqlite_bulk *b,
				   const struct tl_entity *e,
				   struct tl_error *err)
{
	struct tl_store *st = b->st;
	char sql[2048];
	size_t len;
	enum tl_status rc;

	if (!b->audit_dropped) {
		/* The first record: the audit log's index goes too. */
		rc = tl_sqlite_drop_derived(b->st, &b->dropped, "audit",
					    err);
		if (rc != TL_OK)
			return rc;
		b->audit_dropped = true;
	}
	rc = tl_sqlite_drop_derived(b->st, &b->dropped, e->plural, err);
	if (rc != TL_OK)
		return rc;
	len = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (id, "
			       "created_at, updated_at", e->plural);
	for (int i = 0; i < e->nfields && len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", %s",
					e->fields[i].name);
	/* The sort key follows the fields (sort.c). */
	if (tl_entity_sorts_by_name(e) && len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					", sort_key");
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					") VALUES (?, ?, ?");
	for (int i = 0; i < e->nfields + tl_entity_sorts_by_name(e) &&
	     len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", ?");
	if (len + 2 >= sizeof(sql))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	memcpy(sql + len, ")", 2);
	if (sqlite3_prepare_v3(b->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &b->ins[e->kind], NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("preparing a query"));
	b->touched[e->kind] = true;
	return TL_OK;
}

void tl_sqlite_bulk_set_memory(void *be, int kib)
{
	struct sqlite_bulk *b = be;
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", -kib);
	sqlite3_exec(b->db, sql, NULL, NULL, NULL);
}

enum tl_status tl_sqlite_bulk_empty(void *be, enum tl_kind kind,
				    bool *empty, struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	char sql[96];
	long long n = 0;
	enum tl_status rc;

	snprintf(sql, sizeof(sql), "SELECT EXISTS (SELECT 1 FROM %s)",
		 tl_entity_get(kind)->plural);
	rc = one_int(b->st, sql, NULL, &n, err);
	*empty = rc == TL_OK && n == 0;
	return rc;
}

enum tl_status tl_sqlite_bulk_holds(void *be, const char *id, bool *found,
				    struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	*found = false;
	for (int k = 0; k < TL_K_COUNT && !*found; k++) {
		sqlite3_stmt *s = b->has[k];
		int step;

		if (!b->touched[k])
			continue;
		if (!s) {
			char sql[128];

			snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE "
				 "id = ? AND seq > %lld",
				 tl_entity_get((enum tl_kind)k)->plural,
				 b->base[k]);
			if (sqlite3_prepare_v3(b->db, sql, -1,
					       SQLITE_PREPARE_PERSISTENT,
					       &b->has[k], NULL) != SQLITE_OK)
				return tl_db_error(b->st, err,
						   N_("reading the database"));
			s = b->has[k];
		}
		sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
		step = sqlite3_step(s);
		sqlite3_reset(s);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return tl_db_error(b->st, err,
					   N_("reading the database"));
		*found = step == SQLITE_ROW;
	}
	return TL_OK;
}

static const char *text0(sqlite3_stmt *s)
{
	const char *t = (const char *)sqlite3_column_text(s, 0);

	return t ? t : "";
}

/*
 * The tables' new ids are merged in order, each table's from its id
 * index (no sort, nothing kept but one id per table): an id that two
 * tables hold comes up twice in a row.
 */
/* The id the statement is at, into cur (cut to an id's length). */
static void current_id(sqlite3_stmt *s, char cur[TL_ID_LEN + 1])
{
	const char *t = text0(s);
	size_t n = strnlen(t, TL_ID_LEN);

	memcpy(cur, t, n);
	cur[n] = '\0';
}

enum tl_status tl_sqlite_bulk_shared_id(void *be, char out[TL_ID_LEN + 1],
					struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	sqlite3_stmt *s[TL_K_COUNT];
	char cur[TL_K_COUNT][TL_ID_LEN + 1], last[TL_ID_LEN + 1] = "";
	enum tl_status rc = TL_OK;
	int n = 0, step;

	out[0] = '\0';
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		char sql[128];

		if (!b->touched[k])
			continue;
		snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE seq > %lld "
			 "ORDER BY id", tl_entity_get((enum tl_kind)k)->plural,
			 b->base[k]);
		if (sqlite3_prepare_v2(b->db, sql, -1, &s[n], NULL) !=
		    SQLITE_OK) {
			rc = tl_db_error(b->st, err, N_("reading the database"));
		} else if ((step = sqlite3_step(s[n])) == SQLITE_ROW) {
			current_id(s[n], cur[n]);
			n++;
		} else {
			if (step != SQLITE_DONE)
				rc = tl_db_error(b->st, err,
						 N_("reading the database"));
			sqlite3_finalize(s[n]);
		}
	}
	while (rc == TL_OK && n > 0) {
		int m = 0;

		for (int i = 1; i < n; i++)
			if (strcmp(cur[i], cur[m]) < 0)
				m = i;
		if (!strcmp(cur[m], last)) {
			memcpy(out, last, sizeof(last));
			break;
		}
		memcpy(last, cur[m], sizeof(last));
		step = sqlite3_step(s[m]);
		if (step == SQLITE_ROW) {
			current_id(s[m], cur[m]);
			continue;
		}
		if (step != SQLITE_DONE)
			rc = tl_db_error(b->st, err, N_("reading the database"));
		sqlite3_finalize(s[m]);
		s[m] = s[--n];
		memcpy(cur[m], cur[n], sizeof(cur[m]));
	}
	for (int i = 0; i < n; i++)
		sqlite3_finalize(s[i]);
	return rc;
}

enum tl_status tl_sqlite_bulk_principle(void *be, const char *key,
					size_t len, bool *known,
					struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	int step;

	*known = false;
	if (!b->tag && sqlite3_prepare_v3(b->db, "SELECT 1 FROM "
					  "principles WHERE key = ?", -1,
					  SQLITE_PREPARE_PERSISTENT, &b->tag,
					  NULL) != SQLITE_OK)
		return tl_db_error(b->st, err, N_("reading"));
	sqlite3_bind_text(b->tag, 1, key, (int)len, SQLITE_STATIC);
	step = sqlite3_step(b->tag);
	sqlite3_reset(b->tag);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return tl_db_error(b->st, err, N_("reading"));
	*known = step == SQLITE_ROW;
	return TL_OK;
}

enum tl_status tl_sqlite_bulk_add(void *be, const struct tl_record *r,
				  bool held, bool *dup, struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	const struct tl_entity *e = r->e;
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;

	if (!b->ins[e->kind]) {
		rc = prepare_kind(b, e, err);
		if (rc != TL_OK)
			return rc;
	}
	s = b->ins[e->kind];
	sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, r->updated_at, -1, SQLITE_STATIC);
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		/* An unset value takes its default, as tl_store_insert
		 * gives it. */
		const char *v = r->values[i] ? r->values[i] : f->def;
		if (held && i == TL_MEETING_STATUS)
			v = "held";
		if (!v)
			sqlite3_bind_null(s, 4 + i);
		else if (f->type == TL_FT_INT || f->type == TL_FT_BOOL)
			sqlite3_bind_int64(s, 4 + i, strtoll(v, NULL, 10));
		else
			sqlite3_bind_text(s, 4 + i, v, -1, SQLITE_STATIC);
	}
	if (tl_entity_sorts_by_name(e))
		rc = tl_sqlite_bind_sort_key(b->st, s, 4 + e->nfields,
					     r->values[e->title], err);
	if (rc != TL_OK) {
		sqlite3_reset(s);
		return rc;
	}
	if (sqlite3_step(s) != SQLITE_DONE) {
		/* Only the id's own index is left on the table. */
		if (dup && sqlite3_extended_errcode(b->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			*dup = true;
		rc = tl_db_error(b->st, err, N_("saving"));
	}
	sqlite3_reset(s);
	return rc;
}

enum tl_status tl_sqlite_bulk_locked(void *be, enum tl_kind kind, int field,
				     bool *any, struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	const struct tl_entity *e = tl_entity_get(kind);
	char sql[256];
	long long n = 0;
	enum tl_status rc;

	*any = false;
	if (!b->touched[kind])
		return TL_OK;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s t JOIN meetings m "
		 "ON m.id = t.%s WHERE t.seq > %lld AND m.status = "
		 "'signed'", e->plural, e->fields[field].name, b->base[kind]);
	rc = one_int(b->st, sql, NULL, &n, err);
	*any = rc == TL_OK && n > 0;
	return rc;
}

/*
 * One 'create' audit row per new row of e, as tl_store_insert writes,
 * chained after the log's last row by tl_audit_chain() (audit.c) in the
 * order of the new rows, with the seq each gets (the new rows' own seqs
 * follow each other from base + 1: only the load inserts them).  The
 * audit log's CHECK
 * on `action` (an IN list) makes SQLite build a temporary table for
 * every row it checks, most of the statement's work (callgrind: 12,000
 * instructions a row); these rows are all 'create', so the statement is
 * prepared without CHECK constraints.
 */
static enum tl_status fill_audit(struct sqlite_bulk *b,
				 const struct tl_entity *e,
				 struct tl_error *err)
{
	char sql[1400], tail[65], actor[TL_ID_LEN + 1];
	long long last = 0;
	sqlite3_stmt *s;
	enum tl_status rc;

	rc = tl_sqlite_audit_tail(b->st, &last, tail, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_actor(b->st, actor, err);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return rc;
	snprintf(sql, sizeof(sql), "INSERT INTO audit (seq, at, actor, "
		 "os_user, clock, entity, entity_id, action, new_value, prev, "
		 "hash) SELECT s, at, ?3, ?1, ?4, '%s', id, 'create', nv, "
		 "substr(link, 1, 64), substr(link, 65) FROM (SELECT s, at, id, "
		 "nv, tl_audit_chain(?5, s, at, ?4, ?3, ?1, '%s', id, "
		 "'create', NULL, NULL, nv) OVER (ORDER BY s ROWS BETWEEN "
		 "UNBOUNDED PRECEDING AND CURRENT ROW) AS link FROM (SELECT "
		 "?6 + seq - ?2 AS s, created_at AS at, id, %s AS nv FROM %s "
		 "WHERE seq > ?2))",
		 e->plural, e->plural, e->fields[e->title].name, e->plural);
	if (sqlite3_prepare_v2(b->db, sql, -1, &s, NULL) != SQLITE_OK)
		return tl_db_error(b->st, err, N_("saving"));
	sqlite3_bind_text(s, 1, b->st->os_user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, b->base[e->kind]);
	if (rc == TL_OK)
		sqlite3_bind_text(s, 3, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, tl_clock_fixed() ? "TILLIT_NOW" : "system", -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(s, 5, tail, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, last);
	sqlite3_exec(b->db, "PRAGMA ignore_check_constraints = ON", NULL,
		     NULL, NULL);
	rc = TL_OK;
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(b->st, err, N_("saving"));
	sqlite3_finalize(s);
	sqlite3_exec(b->db, "PRAGMA ignore_check_constraints = OFF", NULL,
		     NULL, NULL);
	return rc;
}

/*
 * SQLite's reference checks, made once for the whole load (see
 * refs_empty): for each reference column, the distinct values (read from
 * the column's index, in order) that name no row of the parent table.
 * The first one found is reported as a commit would report it.
 */
static enum tl_status check_references(struct sqlite_bulk *b,
				       struct tl_error *err)
{
	struct tl_store *st = b->st;
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;
	int step;

	if (sqlite3_prepare_v2(tl_sq(st)->db, FK_LIST, -1, &s, NULL) !=
	    SQLITE_OK)
		return tl_db_error(st, err, N_("reading the database"));
	while (rc == TL_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		const char *c = (const char *)sqlite3_column_text(s, 1);
		const char *p = (const char *)sqlite3_column_text(s, 2);
		const char *k = (const char *)sqlite3_column_text(s, 3);
		char sql[512];
		long long seq = 0;

		snprintf(sql, sizeof(sql), "SELECT min(seq) FROM %s WHERE %s = "
			 "(SELECT v FROM (SELECT DISTINCT %s AS v FROM %s "
			 "WHERE %s IS NOT NULL) WHERE NOT EXISTS (SELECT 1 "
			 "FROM %s WHERE %s = v) LIMIT 1)", t, c, c, t, c, p, k);
		rc = one_int(st, sql, NULL, &seq, err);
		if (rc == TL_OK && seq > 0)
			rc = tl_dangling_error(st, t, seq, p, err);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("reading the database"));
	sqlite3_finalize(s);
	return rc;
}

static void finalize_inserts(struct sqlite_bulk *b)
{
	for (int k = 0; k < TL_K_COUNT; k++) {
		sqlite3_finalize(b->ins[k]);
		b->ins[k] = NULL;
	}
}

enum tl_status tl_sqlite_bulk_finish(void *be, struct tl_error *err)
{
	struct sqlite_bulk *b = be;
	enum tl_status rc = TL_OK;

	finalize_inserts(b);
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		if (!b->touched[k])
			continue;
		rc = tl_sqlite_fill_fts(b->st, e, b->base[k], err);
		if (rc == TL_OK)
			rc = fill_audit(b, e, err);
	}
	if (rc == TL_OK)
		rc = tl_sqlite_recreate_derived(b->st, &b->dropped, err);
	/* After the indexes: the check reads the reference columns' own. */
	if (rc == TL_OK && b->fk_off)
		rc = check_references(b, err);
	return rc;
}

void tl_sqlite_bulk_done(void *be)
{
	struct sqlite_bulk *b = be;

	if (!b)
		return;
	finalize_inserts(b);
	restore(b);
	free_bulk(b);
}
