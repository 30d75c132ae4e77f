/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sqlite.h - the SQLite engine under the store (backend.h), private to
 * src/store/sqlite/ and to the tests of this engine: its state, the
 * statement cache, error mapping, the schema's migrations, and the
 * functions that fill tl_sqlite_ops.
 */
#ifndef TILLIT_STORE_SQLITE_H
#define TILLIT_STORE_SQLITE_H

#include "../backend.h"

#include <sqlite3.h>

#define TL_STMT_CACHE 96

struct tl_stmt_slot {
	char *sql;
	sqlite3_stmt *stmt;
};

struct tl_sqlite_stream;

/* What the engine keeps for an open store (st->be). */
struct tl_sqlite {
	sqlite3 *db;
	struct tl_stmt_slot cache[TL_STMT_CACHE];
	int ncache;
	int wal_pages;        /* WAL length that wal_hook() empties */
	struct tl_sqlite_stream *stream; /* tl_store_copy's (stream.c) */
	sqlite3 *priv;        /* the personal file of private notes
				 (private.c), opened when first needed */
};

static inline struct tl_sqlite *tl_sq(const struct tl_store *st)
{
	return st->be;
}

/* The schema version this program writes (user_version); a database of
 * a later one is refused.  Raised by each new migration. */
#define TL_SCHEMA_VERSION 21

/* A new record (caller frees) from the current row of s, laid out as id,
 * created_at, updated_at, then e's fields in order; NULL when out of
 * memory. */
struct tl_record *tl_sqlite_row_record(sqlite3_stmt *s,
				       const struct tl_entity *e);

/* mkdir -p for the folder part of path, mode 0700 for new folders. */
enum tl_status tl_sqlite_make_dirs(const char *path, struct tl_error *err);

/* private.c: backend.h's private_add, private_list, private_delete,
 * and closing the personal file. */
enum tl_status tl_sqlite_private_add(struct tl_store *st,
				     const struct tl_private_note *n,
				     struct tl_error *err);
enum tl_status tl_sqlite_private_list(struct tl_store *st,
				      const char *author, const char *on,
				      struct tl_private_note **notes, int *n,
				      struct tl_error *err);
enum tl_status tl_sqlite_private_delete(struct tl_store *st,
					const char *author, const char *id,
					struct tl_error *err);
void tl_sqlite_private_close(struct tl_store *st);

/* The migrations: tl_sqlite_migrations[v] takes user_version v-1 to v. */
extern const char *const tl_sqlite_migrations[];
extern const int tl_sqlite_nmigrations;
/* Schema 6 to 15 (schema_justering.c). */
extern const char tl_sqlite_migration_6[];
extern const char tl_sqlite_migration_keys[];
extern const char tl_sqlite_migration_reported[];
extern const char tl_sqlite_migration_numbers[];
extern const char tl_sqlite_migration_chain[];
extern const char tl_sqlite_migration_notices[];
extern const char tl_sqlite_migration_paragraphs[];
extern const char tl_sqlite_migration_justering_place[];
extern const char tl_sqlite_migration_announced[];
extern const char tl_sqlite_migration_paragraph_notices[];
/* Schema 16 (sort.c): the sort keys of the kinds sorted by name. */
extern const char tl_sqlite_migration_sort_keys[];
extern const char tl_sqlite_migration_goals[];
extern const char tl_sqlite_migration_report_backs[];
extern const char tl_sqlite_migration_dropped_offers[];

/* sort.c: makes tl_sort_key(text) an SQL function of db (for schema 16
 * and the repair); an SQLite status. */
int tl_sqlite_sort_register(sqlite3 *db);

/* Binds the Swedish sort key of name (a BLOB) at idx of s. */
enum tl_status tl_sqlite_bind_sort_key(struct tl_store *st, sqlite3_stmt *s,
				       int idx, const char *name,
				       struct tl_error *err);

/* Fills the sort keys that rows written by another program lack; reads
 * only (one probe) when none does. */
enum tl_status tl_sqlite_sort_repair(struct tl_store *st,
				     struct tl_error *err);

/* A cached, reset statement for sql; NULL with err set on failure. */
sqlite3_stmt *tl_stmt(struct tl_store *st, const char *sql,
		      struct tl_error *err);

/* Maps the last SQLite error to a status and a sentence. */
enum tl_status tl_db_error(struct tl_store *st, struct tl_error *err,
			   const char *doing);

/* Runs SQL with no result rows. */
enum tl_status tl_exec(struct tl_store *st, const char *sql,
		       struct tl_error *err);

/* Binds a field's canonical string value with its column's type. */
int tl_bind_value(sqlite3_stmt *s, int idx, const struct tl_field *f,
		  const char *value);

/*
 * "The <kind> <id> refers to a <kind> that does not exist; nothing was
 * saved.": the row `seq` of `table` refers to a missing row of `parent`
 * (table names).  TL_EREFUSED, with err set when `table` is a kind's.
 */
enum tl_status tl_dangling_error(struct tl_store *st, const char *table,
				 sqlite3_int64 seq, const char *parent,
				 struct tl_error *err);

/*
 * The query plan SQLite chooses for tl_store_list(q), one step a line, in
 * *plan (caller frees).  Tests use it to show lists are served by indexes.
 */
enum tl_status tl_sqlite_explain(struct tl_store *st,
				 const struct tl_query *q, char **plan,
				 struct tl_error *err);

/* The engine's functions, by file: row.c */
enum tl_status tl_sqlite_get(struct tl_store *st, enum tl_kind kind,
			     const char *id, struct tl_record **out,
			     struct tl_error *err);
enum tl_status tl_sqlite_insert(struct tl_store *st,
				const struct tl_record *r,
				struct tl_error *err);
enum tl_status tl_sqlite_update(struct tl_store *st,
				const struct tl_record *r,
				struct tl_error *err);
enum tl_status tl_sqlite_remove(struct tl_store *st, enum tl_kind kind,
				const char *id, struct tl_error *err);
enum tl_status tl_sqlite_allowed(struct tl_store *st, enum tl_kind kind,
				 const char *id, const char *cond, bool *ok,
				 struct tl_error *err);
enum tl_status tl_sqlite_find(struct tl_store *st, enum tl_kind kind,
			      const struct tl_eq *eq, int n,
			      const char *not_id, char *id_out, bool *found,
			      struct tl_error *err);
enum tl_status tl_sqlite_max_number(struct tl_store *st, const char *meeting,
				    long *max, struct tl_error *err);
enum tl_status tl_sqlite_mark_signed(struct tl_store *st, const char *id,
				     struct tl_error *err);
enum tl_status tl_sqlite_match(struct tl_store *st, enum tl_kind kind,
			       enum tl_match how, const char *text, int limit,
			       tl_match_fn fn, void *ctx,
			       struct tl_error *err);

/* audit.c */
enum tl_status tl_sqlite_audit_add(struct tl_store *st,
				   const struct tl_audit *a,
				   struct tl_error *err);
enum tl_status tl_sqlite_audit_tail(struct tl_store *st, long long *seq,
				    char hash[65], struct tl_error *err);
enum tl_status tl_sqlite_audit(struct tl_store *st, const char *id,
			       long long before, int limit,
			       struct tl_audit **rows, int *n,
			       struct tl_error *err);
enum tl_status tl_sqlite_audit_after(struct tl_store *st, long long after,
				     int limit, struct tl_audit **rows, int *n,
				     struct tl_error *err);

/*
 * Makes tl_audit_chain() an SQL function of db, for the statements of
 * this engine that write many audit rows at once (a migration, a bulk
 * load).  As a window function over rows in seq order,
 *
 *   tl_audit_chain(start, seq, at, clock, actor, os_user, entity,
 *                  entity_id, action, field, old_value, new_value)
 *     OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
 *
 * gives each row its prev and its hash (audit.h) as one text of 128 hex
 * digits, prev first: the first row follows `start` (the hash of the
 * log's last row, or 64 zeros), each other one the row before it.  An
 * SQLite status.
 */
int tl_sqlite_chain_register(sqlite3 *db);

/* list.c */
enum tl_status tl_sqlite_list(struct tl_store *st, const struct tl_query *q,
			      struct tl_page *page, struct tl_error *err);
enum tl_status tl_sqlite_iter_new(struct tl_store *st,
				  const struct tl_query *q,
				  struct tl_iter **out, struct tl_error *err);
enum tl_status tl_sqlite_iter_next(struct tl_iter *it,
				   const struct tl_record **r,
				   struct tl_error *err);
void tl_sqlite_iter_free(struct tl_iter *it);
enum tl_status tl_sqlite_count(struct tl_store *st, const struct tl_query *q,
			       long *n, struct tl_error *err);

/* search.c */
enum tl_status tl_sqlite_search(struct tl_store *st, const char *query,
				int limit, struct tl_hit **hits, int *n,
				struct tl_error *err);

/* derived.c: a table's secondary indexes and INSERT triggers, dropped
 * (their SQL kept) before many rows go in and made again after them. */
struct tl_sqlite_ddl;
struct tl_sqlite_derived {
	struct tl_sqlite_ddl *ddl;
	int n, cap;
};
enum tl_status tl_sqlite_drop_derived(struct tl_store *st,
				      struct tl_sqlite_derived *d,
				      const char *table, struct tl_error *err);
enum tl_status tl_sqlite_recreate_derived(struct tl_store *st,
					  struct tl_sqlite_derived *d,
					  struct tl_error *err);
void tl_sqlite_derived_free(struct tl_sqlite_derived *d);
/* The full-text rows of e's rows above seq `base` (none when e has no
 * full-text table), from its searchable fields. */
enum tl_status tl_sqlite_fill_fts(struct tl_store *st,
				  const struct tl_entity *e, long long base,
				  struct tl_error *err);

/* stream.c: backend.h's stream_* */
enum tl_status tl_sqlite_stream_record(struct tl_store *st,
				       const struct tl_record *r,
				       struct tl_error *err);
enum tl_status tl_sqlite_stream_audit(struct tl_store *st,
				      const struct tl_audit *a,
				      struct tl_error *err);
enum tl_status tl_sqlite_stream_end(struct tl_store *st, struct tl_error *err);
void tl_sqlite_stream_free(struct tl_store *st);

/* bulk.c */
enum tl_status tl_sqlite_bulk_begin(struct tl_store *st, void **be,
				    struct tl_error *err);
enum tl_status tl_sqlite_bulk_start(void *be, struct tl_error *err);
enum tl_status tl_sqlite_bulk_add(void *be, const struct tl_record *r,
				  bool held, bool *dup, struct tl_error *err);
enum tl_status tl_sqlite_bulk_principle(void *be, const char *key,
					size_t len, bool *known,
					struct tl_error *err);
void tl_sqlite_bulk_set_memory(void *be, int kib);
enum tl_status tl_sqlite_bulk_empty(void *be, enum tl_kind kind,
				    bool *empty, struct tl_error *err);
enum tl_status tl_sqlite_bulk_holds(void *be, const char *id, bool *found,
				    struct tl_error *err);
enum tl_status tl_sqlite_bulk_shared_id(void *be, char out[TL_ID_LEN + 1],
					struct tl_error *err);
enum tl_status tl_sqlite_bulk_locked(void *be, enum tl_kind kind, int field,
				     bool *any, struct tl_error *err);
enum tl_status tl_sqlite_bulk_finish(void *be, struct tl_error *err);
void tl_sqlite_bulk_done(void *be);

/* keys.c */
enum tl_status tl_sqlite_keys(struct tl_store *st, const char *person,
			      const char *fingerprint,
			      struct tl_person_key **out, int *n,
			      struct tl_error *err);
enum tl_status tl_sqlite_key_add(struct tl_store *st,
				 const struct tl_person_key *k,
				 struct tl_error *err);
enum tl_status tl_sqlite_key_retire(struct tl_store *st, const char *id,
				    const char *at, struct tl_error *err);

#endif
