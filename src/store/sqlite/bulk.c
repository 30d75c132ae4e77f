/*
 * bulk.c - the bulk load of bulk.h: many new records in one transaction,
 * with the per-row work that only derives data moved to the end.
 *
 * Added one by one, a record costs an audit row, a lookup per trigger and
 * a random insert into each of up to ten indexes and a full-text index;
 * at a million follow-ups that is minutes.  Here the first record of a
 * table drops its secondary indexes and its INSERT triggers (full-text
 * and signed-meeting lock), keeping their SQL from sqlite_master; rows
 * then go in through one prepared INSERT per table; and tl_bulk_end
 * builds the full-text rows and the audit rows with one INSERT ... SELECT
 * per table over the new rows (seq above the table's largest seq at the
 * start), recreates every index and trigger from the kept SQL (a sort per
 * index instead of a million random inserts), checks the references
 * (see refs_empty) and commits.  The schema is thus left exactly as it
 * was, and a failure rolls all of it back.
 *
 * What the dropped triggers guarded is checked here instead: signed
 * meetings are refused, and when the database held signed meetings
 * before, no new row may belong to one.  On a fresh database the
 * rollback journal is used during the load, since it then holds almost
 * nothing (new pages need no undo), where WAL would write every page
 * twice; WAL is turned back on at the end.
 */
#include "tillit/bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/i18n.h"
#include "tillit/id.h"
#include "tillit/validate.h"
#include "internal.h"

/* The page cache for the load: 256 MiB (negative: KiB), so that the
 * tables' id indexes stay in memory.  (1 GiB with two sorter threads
 * and temp_store = MEMORY measured slower: 155 s against 123 s.) */
#define BULK_CACHE "PRAGMA cache_size = -262144"

struct ddl {
	char *drop;   /* DROP INDEX x / DROP TRIGGER x */
	char *create; /* its CREATE statement, from sqlite_master */
};

struct tl_bulk {
	struct tl_store *st;
	sqlite3_stmt *ins[TL_K_COUNT];
	sqlite3_stmt *tag;          /* is there a principle with this key */
	sqlite3_stmt *has[TL_K_COUNT]; /* is this id among the new rows */
	long long base[TL_K_COUNT]; /* largest seq before the load */
	bool touched[TL_K_COUNT];
	bool any_signed;            /* signed meetings existed before */
	bool wal_off;               /* journal switched from WAL */
	bool fk_off;                /* references checked at the end */
	bool failed;
	bool audit_dropped;
	struct ddl *ddl;            /* dropped, to recreate at the end */
	int nddl, capddl;
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

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
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
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
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

	if (sqlite3_prepare_v2(st->db, FK_LIST, -1, &s, NULL) != SQLITE_OK)
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

static void restore(struct tl_bulk *b)
{
	sqlite3_exec(b->st->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
	if (b->fk_off)
		sqlite3_exec(b->st->db, "PRAGMA foreign_keys = ON", NULL, NULL,
			     NULL);
	b->fk_off = false;
	if (b->wal_off)
		set_journal(b->st, "WAL", "wal");
	b->wal_off = false;
}

static void free_bulk(struct tl_bulk *b)
{
	for (int k = 0; k < TL_K_COUNT; k++) {
		sqlite3_finalize(b->ins[k]);
		sqlite3_finalize(b->has[k]);
	}
	sqlite3_finalize(b->tag);
	for (int i = 0; i < b->nddl; i++) {
		free(b->ddl[i].drop);
		free(b->ddl[i].create);
	}
	free(b->ddl);
	free(b);
}

enum tl_status tl_bulk_begin(struct tl_store *st, struct tl_bulk **out,
			     struct tl_error *err)
{
	struct tl_bulk *b;
	enum tl_status rc;
	long long n = 0;

	*out = NULL;
	if (st->depth > 0 || st->reading)
		return tl_error_set(err, TL_ESYS, _("A bulk load was started "
				    "inside a transaction."));
	b = calloc(1, sizeof(*b));
	if (!b)
		return oom(err);
	b->st = st;
	if (!st->readonly && strcmp(st->path, ":memory:") != 0 &&
	    one_int(st, "SELECT count(*) FROM meetings", NULL, &n, err) ==
	    TL_OK && n == 0)
		b->wal_off = set_journal(st, "DELETE", "delete");
	/* Outside a transaction, where the setting takes effect. */
	if (!st->readonly && refs_empty(st) &&
	    sqlite3_exec(st->db, "PRAGMA foreign_keys = OFF", NULL, NULL,
			 NULL) == SQLITE_OK)
		b->fk_off = true;
	sqlite3_exec(st->db, BULK_CACHE, NULL, NULL, NULL);
	rc = tl_store_begin(st, err);
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		char sql[96];
		snprintf(sql, sizeof(sql), "SELECT coalesce(max(seq), 0) "
			 "FROM %s", tl_entity_get((enum tl_kind)k)->plural);
		rc = one_int(st, sql, NULL, &b->base[k], err);
	}
	if (rc == TL_OK)
		rc = one_int(st, "SELECT count(*) FROM meetings WHERE "
			     "status = 'signed'", NULL, &n, err);
	b->any_signed = n > 0;
	if (rc != TL_OK) {
		tl_store_rollback(st);
		restore(b);
		free_bulk(b);
		return rc;
	}
	*out = b;
	return TL_OK;
}

static enum tl_status keep_ddl(struct tl_bulk *b, const char *type,
			       const char *name, const char *create,
			       struct tl_error *err)
{
	struct ddl *d;
	size_t n = strlen(name) + 32;

	if (b->nddl == b->capddl) {
		int cap = b->capddl ? b->capddl * 2 : 32;
		d = realloc(b->ddl, (size_t)cap * sizeof(*d));
		if (!d)
			return oom(err);
		b->ddl = d;
		b->capddl = cap;
	}
	d = &b->ddl[b->nddl];
	d->drop = malloc(n);
	d->create = strdup(create);
	if (!d->drop || !d->create) {
		free(d->drop);
		free(d->create);
		return oom(err);
	}
	/* Names come from our own schema: letters, digits and '_'. */
	snprintf(d->drop, n, "DROP %s %s", type, name);
	b->nddl++;
	return TL_OK;
}

/*
 * Drops the secondary indexes and INSERT triggers of `table`, keeping
 * their SQL to recreate them at the end.
 */
static enum tl_status drop_derived(struct tl_bulk *b, const char *table,
				   struct tl_error *err)
{
	struct tl_store *st = b->st;
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;
	int first = b->nddl, step;

	if (sqlite3_prepare_v2(st->db,
		"SELECT type, name, sql FROM sqlite_master "
		"WHERE tbl_name = ? AND sql IS NOT NULL AND "
		"(type = 'index' OR (type = 'trigger' AND "
		"sql LIKE '% INSERT ON %')) ORDER BY rowid", -1, &s, NULL) !=
	    SQLITE_OK)
		return tl_db_error(st, err, N_("reading the database"));
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	while (rc == TL_OK && (step = sqlite3_step(s)) == SQLITE_ROW)
		rc = keep_ddl(b, !strcmp((const char *)sqlite3_column_text(
					 s, 0), "index") ? "INDEX" : "TRIGGER",
			      (const char *)sqlite3_column_text(s, 1),
			      (const char *)sqlite3_column_text(s, 2), err);
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("reading the database"));
	sqlite3_finalize(s);
	for (int i = first; rc == TL_OK && i < b->nddl; i++)
		rc = tl_exec(st, b->ddl[i].drop, err);
	return rc;
}

static enum tl_status prepare_kind(struct tl_bulk *b,
				   const struct tl_entity *e,
				   struct tl_error *err)
{
	struct tl_store *st = b->st;
	char sql[2048];
	size_t len;
	enum tl_status rc;

	if (!b->audit_dropped) {
		/* The first record: the audit log's index goes too. */
		rc = drop_derived(b, "audit", err);
		if (rc != TL_OK)
			return rc;
		b->audit_dropped = true;
	}
	rc = drop_derived(b, e->plural, err);
	if (rc != TL_OK)
		return rc;
	len = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (id, "
			       "created_at, updated_at", e->plural);
	for (int i = 0; i < e->nfields && len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", %s",
					e->fields[i].name);
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					") VALUES (?, ?, ?");
	for (int i = 0; i < e->nfields && len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", ?");
	if (len + 2 >= sizeof(sql))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	memcpy(sql + len, ")", 2);
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &b->ins[e->kind], NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("preparing a query"));
	b->touched[e->kind] = true;
	return TL_OK;
}

void tl_bulk_set_cache(struct tl_bulk *b, int kib)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", -kib);
	sqlite3_exec(b->st->db, sql, NULL, NULL, NULL);
}

enum tl_status tl_bulk_empty(struct tl_bulk *b, enum tl_kind kind,
			     bool *empty, struct tl_error *err)
{
	char sql[96];
	long long n = 0;
	enum tl_status rc;

	snprintf(sql, sizeof(sql), "SELECT EXISTS (SELECT 1 FROM %s)",
		 tl_entity_get(kind)->plural);
	rc = one_int(b->st, sql, NULL, &n, err);
	*empty = rc == TL_OK && n == 0;
	return rc;
}

enum tl_status tl_bulk_holds(struct tl_bulk *b, const char *id, bool *found,
			     struct tl_error *err)
{
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
			if (sqlite3_prepare_v3(b->st->db, sql, -1,
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

enum tl_status tl_bulk_shared_id(struct tl_bulk *b, char out[TL_ID_LEN + 1],
				 struct tl_error *err)
{
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
		if (sqlite3_prepare_v2(b->st->db, sql, -1, &s[n], NULL) !=
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

/* Every principle key in the tags value v names a stored principle. */
static enum tl_status check_tags(struct tl_bulk *b, const struct tl_field *f,
				 const char *v, struct tl_error *err)
{
	const char *p = v;

	if (!b->tag && sqlite3_prepare_v3(b->st->db, "SELECT 1 FROM "
					  "principles WHERE key = ?", -1,
					  SQLITE_PREPARE_PERSISTENT, &b->tag,
					  NULL) != SQLITE_OK)
		return tl_db_error(b->st, err, N_("reading"));
	while (*p) {
		size_t n = strcspn(p, ",");
		int step;

		sqlite3_bind_text(b->tag, 1, p, (int)n, SQLITE_STATIC);
		step = sqlite3_step(b->tag);
		sqlite3_reset(b->tag);
		if (step == SQLITE_DONE) {
			char key[80];

			snprintf(key, sizeof(key), "%.*s",
				 (int)(n < 60 ? n : 60), p);
			return tl_error_set(err, TL_EINVAL,
					    _("%s: \"%s\" is not a known "
					      "principle; see 'tillit "
					      "principle list'."), _(f->label),
					    key);
		}
		if (step != SQLITE_ROW)
			return tl_db_error(b->st, err, N_("reading"));
		p += n;
		if (*p == ',')
			p++;
	}
	return TL_OK;
}

/*
 * The work of tl_bulk_add and tl_bulk_import: `import` lets a signed
 * meeting in (written as held, signed at the commit, as tl_store_put
 * does), and checks tags against the stored principles.
 */
static enum tl_status add(struct tl_bulk *b, const struct tl_record *r,
			  bool import, bool *dup, struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	sqlite3_stmt *s;
	enum tl_status rc;
	bool defer = false;

	if (dup)
		*dup = false;
	if (b->failed)
		return tl_error_set(err, TL_ESYS, _("The bulk load failed "
				    "earlier; nothing more is added."));
	if (e->kind == TL_K_MEETING && r->values[TL_MEETING_STATUS] &&
	    !strcmp(r->values[TL_MEETING_STATUS], "signed"))
		defer = import;
	if (e->kind == TL_K_SIGNATURE || e->kind == TL_K_SEAL ||
	    (e->kind == TL_K_MEETING && r->values[TL_MEETING_STATUS] &&
	     !strcmp(r->values[TL_MEETING_STATUS], "signed") && !defer)) {
		b->failed = true;
		return tl_error_set(err, TL_EREFUSED, _("A meeting becomes "
				    "signed only by being signed."));
	}
	if (!tl_id_valid(r->id) || !r->created_at[0] || !r->updated_at[0]) {
		b->failed = true;
		return tl_error_set(err, TL_EINVAL, _("A bulk record needs "
				    "its id and timestamps."));
	}
	/* An import has checked every value as it read it. */
	rc = import ? tl_validate_rules(r, err) : tl_validate_record(r, err);
	for (int i = 0; import && rc == TL_OK && i < e->nfields; i++)
		if (e->fields[i].type == TL_FT_TAGS && r->values[i])
			rc = check_tags(b, &e->fields[i], r->values[i], err);
	if (rc == TL_OK && !b->ins[e->kind])
		rc = prepare_kind(b, e, err);
	if (rc != TL_OK) {
		b->failed = true;
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
		if (defer && i == TL_MEETING_STATUS)
			v = "held";
		if (!v)
			sqlite3_bind_null(s, 4 + i);
		else if (f->type == TL_FT_INT || f->type == TL_FT_BOOL)
			sqlite3_bind_int64(s, 4 + i, strtoll(v, NULL, 10));
		else
			sqlite3_bind_text(s, 4 + i, v, -1, SQLITE_STATIC);
	}
	if (sqlite3_step(s) != SQLITE_DONE) {
		/* Only the id's own index is left on the table. */
		if (dup && sqlite3_extended_errcode(b->st->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			*dup = true;
		rc = tl_db_error(b->st, err, N_("saving"));
		b->failed = true;
	}
	sqlite3_reset(s);
	if (rc == TL_OK && defer) {
		rc = tl_defer_signed(b->st, r->id, err);
		b->failed = rc != TL_OK;
	}
	return rc;
}

enum tl_status tl_bulk_add(struct tl_bulk *b, const struct tl_record *r,
			   struct tl_error *err)
{
	return add(b, r, false, NULL, err);
}

enum tl_status tl_bulk_import(struct tl_bulk *b, const struct tl_record *r,
			      bool *dup, struct tl_error *err)
{
	return add(b, r, true, dup, err);
}

static enum tl_status run_bound(struct tl_bulk *b, const char *sql,
				long long base, struct tl_error *err)
{
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;

	if (sqlite3_prepare_v2(b->st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return tl_db_error(b->st, err, N_("saving"));
	sqlite3_bind_text(s, 1, b->st->os_user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, base);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(b->st, err, N_("saving"));
	sqlite3_finalize(s);
	return rc;
}

/* No new row of e may belong to a signed meeting (the dropped lock). */
static enum tl_status check_unlocked(struct tl_bulk *b,
				     const struct tl_entity *e,
				     struct tl_error *err)
{
	int f = tl_entity_field(e, "meeting");
	char sql[256];
	long long n = 0;
	enum tl_status rc;

	if (f < 0 || e->fields[f].type != TL_FT_REF ||
	    e->fields[f].ref != TL_K_MEETING)
		return TL_OK;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s t JOIN meetings m "
		 "ON m.id = t.meeting WHERE t.seq > %lld AND m.status = "
		 "'signed'", e->plural, b->base[e->kind]);
	rc = one_int(b->st, sql, NULL, &n, err);
	if (rc == TL_OK && n > 0)
		rc = tl_locked_error(err);
	return rc;
}

/* Full-text rows for the new rows of e, from its searchable fields. */
static enum tl_status fill_fts(struct tl_bulk *b, const struct tl_entity *e,
			       struct tl_error *err)
{
	char cols[512] = "", sql[1400], fts[80];
	size_t len = 0;
	long long n = 0;
	enum tl_status rc;

	snprintf(fts, sizeof(fts), "%s_fts", e->plural);
	rc = one_int(b->st, "SELECT count(*) FROM sqlite_master WHERE name = ?",
		     fts, &n, err);
	if (rc != TL_OK || n == 0)
		return rc;
	for (int i = 0; i < e->nfields && len < sizeof(cols); i++)
		if (e->fields[i].flags & TL_FF_SEARCH)
			len += (size_t)snprintf(cols + len, sizeof(cols) - len,
						", %s", e->fields[i].name);
	snprintf(sql, sizeof(sql), "INSERT INTO %s(rowid%s) SELECT seq%s "
		 "FROM %s WHERE seq > ?2", fts, cols, cols,
		 e->plural);
	return run_bound(b, sql, b->base[e->kind], err);
}

/*
 * One 'create' audit row per new row of e, as tl_store_insert writes.
 * The audit log's CHECK on `action` (an IN list) makes SQLite build a
 * temporary table for every row it checks, most of the statement's work
 * (callgrind: 12,000 instructions a row); these rows are all 'create', so
 * the statement is prepared without CHECK constraints.
 */
static enum tl_status fill_audit(struct tl_bulk *b, const struct tl_entity *e,
				 struct tl_error *err)
{
	char sql[512];
	enum tl_status rc;

	snprintf(sql, sizeof(sql), "INSERT INTO audit (at, os_user, entity, "
		 "entity_id, action, new_value) SELECT created_at, ?1, '%s', "
		 "id, 'create', %s FROM %s WHERE seq > ?2 ORDER BY seq",
		 e->plural, e->fields[e->title].name, e->plural);
	sqlite3_exec(b->st->db, "PRAGMA ignore_check_constraints = ON", NULL,
		     NULL, NULL);
	rc = run_bound(b, sql, b->base[e->kind], err);
	sqlite3_exec(b->st->db, "PRAGMA ignore_check_constraints = OFF", NULL,
		     NULL, NULL);
	return rc;
}

/*
 * SQLite's reference checks, made once for the whole load (see
 * refs_empty): for each reference column, the distinct values (read from
 * the column's index, in order) that name no row of the parent table.
 * The first one found is reported as a commit would report it.
 */
static enum tl_status check_references(struct tl_bulk *b,
				       struct tl_error *err)
{
	struct tl_store *st = b->st;
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;
	int step;

	if (sqlite3_prepare_v2(st->db, FK_LIST, -1, &s, NULL) != SQLITE_OK)
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

enum tl_status tl_bulk_end(struct tl_bulk *b, struct tl_error *err)
{
	struct tl_store *st = b->st;
	enum tl_status rc = TL_OK;

	if (b->failed)
		rc = tl_error_set(err, TL_ESYS, _("The bulk load failed; "
				  "nothing was saved."));
	for (int k = 0; k < TL_K_COUNT; k++) {
		sqlite3_finalize(b->ins[k]);
		b->ins[k] = NULL;
	}
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		if (!b->touched[k])
			continue;
		if (b->any_signed)
			rc = check_unlocked(b, e, err);
		if (rc == TL_OK)
			rc = fill_fts(b, e, err);
		if (rc == TL_OK)
			rc = fill_audit(b, e, err);
	}
	for (int i = 0; rc == TL_OK && i < b->nddl; i++)
		rc = tl_exec(st, b->ddl[i].create, err);
	/* After the indexes: the check reads the reference columns' own. */
	if (rc == TL_OK && b->fk_off)
		rc = check_references(b, err);
	if (rc == TL_OK)
		rc = tl_store_commit(st, err);
	else
		tl_store_rollback(st);
	restore(b);
	free_bulk(b);
	return rc;
}

void tl_bulk_abort(struct tl_bulk *b)
{
	if (!b)
		return;
	for (int k = 0; k < TL_K_COUNT; k++) {
		sqlite3_finalize(b->ins[k]);
		b->ins[k] = NULL;
	}
	tl_store_rollback(b->st);
	restore(b);
	free_bulk(b);
}
