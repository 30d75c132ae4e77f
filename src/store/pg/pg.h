/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pg.h - the PostgreSQL engine under the store (backend.h), private to
 * src/store/pg/ and to the tests of this engine: its state, running
 * statements through libpq, error mapping, the schema's migrations, and
 * the functions that fill tl_pg_ops.
 *
 * How the engine holds the data:
 *   - The tables, their columns and names are SQLite's: a table per kind
 *     (entity->plural) with seq, id, created_at, updated_at and then a
 *     column per field (field->name), plus audit and person_keys.
 *     seq is a bigint identity; INT and BOOL fields are bigint, every
 *     other value is text.  Text sorts byte by byte (COLLATE "C"), as
 *     SQLite's, except the names and titles lists sort by, which sort in
 *     Swedish order (COLLATE "sv-SE-x-icu").
 *   - The kinds with searchable fields have one column more, `fts`: the
 *     tsvector of those fields, stored, with a GIN index (search.c).
 *   - Every value crosses libpq as text (canonical strings, store.h);
 *     NULL is SQL NULL.
 *   - A write transaction (level 1) takes one advisory lock first, so
 *     that tillit's writers run one at a time, as on SQLite: the rules
 *     above the engine (numbers, unique logins) see no one else's
 *     half-done work, and two writers can neither deadlock nor fail to
 *     serialise against each other.  A read snapshot is a REPEATABLE
 *     READ, READ ONLY transaction.
 *   - Every write to a table sends NOTIFY tillit (a statement trigger);
 *     an open store LISTENs, and change_count counts what others sent.
 */
#ifndef TILLIT_STORE_PG_H
#define TILLIT_STORE_PG_H

#include "../backend.h"

#include "libpq.h"

#define TL_PG_STMT_CACHE 128

/* The schema version this program writes; a database of a later one is
 * refused.  Raised by each new migration. */
#define TL_PG_SCHEMA_VERSION 15

/* The channel of LISTEN and NOTIFY. */
#define TL_PG_CHANNEL "tillit"

struct tl_pg_stmt {
	char *sql;     /* the statement's text, the key of the cache */
	char name[16]; /* its prepared name on this connection */
	bool ready;    /* prepared: it is run a second time */
};

/* The table of a COPY that is not a kind's: the audit log. */
#define TL_PG_AUDIT TL_K_COUNT

/* The group role of tillit's admins on a server: its members may act as
 * another person (--as). */
#define TL_PG_ADMIN_ROLE "tillit_admin"
/* The group role every person's login role is in: it may use tillit's
 * tables (admin.c). */
#define TL_PG_USER_ROLE "tillit_user"

/* admin.c: backend.h's admin_roles and admin_unguarded. */
enum tl_status tl_pg_admin_roles(struct tl_store *st,
				 const char *const *logins, int n, int *made,
				 struct tl_error *err);
/* policy.c: the row-level security policies, made from the rules table
 * (core/access.c) on every table, replacing those there were. */
enum tl_status tl_pg_policies(struct tl_store *st, struct tl_error *err);
/* schema_rls.c: migration 4, which turns row-level security on */
#define TL_PG_RLS_MIGRATION 4
extern const char tl_pg_migration_rls[];
/* private.c: migration 5, and backend.h's private_* */
extern const char tl_pg_migration_private[];
/* Migration 7: a § as the law records it (schema.c). */
extern const char tl_pg_migration_paragraphs[];
/* Migrations 13 to 15: goal management, reporting back and decisions
 * carried out, the offers dropped from a meeting's agenda
 * (schema_goals.c). */
extern const char tl_pg_migration_goals[];
extern const char tl_pg_migration_report_backs[];
extern const char tl_pg_migration_dropped_offers[];
enum tl_status tl_pg_private_add(struct tl_store *st,
				 const struct tl_private_note *n,
				 struct tl_error *err);
enum tl_status tl_pg_private_list(struct tl_store *st, const char *author,
				  const char *on,
				  struct tl_private_note **notes, int *n,
				  struct tl_error *err);
enum tl_status tl_pg_private_delete(struct tl_store *st, const char *author,
				    const char *id, struct tl_error *err);
enum tl_status tl_pg_admin_unguarded(struct tl_store *st, char ***tables,
				     int *n, struct tl_error *err);

/* Every writer's transaction takes this lock first: tillit's writers
 * then queue, never deadlock nor fail to serialise against each other. */
#define TL_PG_WRITE_LOCK \
	"SELECT pg_advisory_xact_lock(7308604897068083572)"

/* db.c's, for the files of this engine. */
bool tl_pg_result_ok(const PGresult *res);
/* The result's SQLSTATE, "" for none. */
const char *tl_pg_sqlstate(const PGresult *res);
/* Makes a lost connection again when nothing is under way; whether the
 * store has a connection now. */
bool tl_pg_reconnect(struct tl_store *st);

/* txn.c: backend.h's begin, commit, rollback, read_begin, read_end. */
enum tl_status tl_pg_begin(struct tl_store *st, int level,
			   struct tl_error *err);
enum tl_status tl_pg_commit(struct tl_store *st, int level,
			    struct tl_error *err);
void tl_pg_rollback(struct tl_store *st, int level);
enum tl_status tl_pg_read_begin(struct tl_store *st, struct tl_error *err);
void tl_pg_read_end(struct tl_store *st);

/* bulk_ddl.c: what a bulk load takes off a table before its first row
 * (secondary indexes, user triggers, references to tables that were
 * empty) and puts back at its end. */
struct tl_pg_kept;
struct tl_pg_put_off {
	struct tl_pg_kept *kept;
	int n, cap;
};

/* Rows going into one table through COPY (copyin.c). */
struct tl_pg_copy {
	struct tl_store *st;
	int table;      /* a kind, TL_PG_AUDIT, or -1: no COPY under way */
	char *buf;      /* rows not yet sent */
	size_t len, cap;
	bool off[TL_PG_AUDIT + 1]; /* the stream turned the table's
				      triggers off until the commit */
	struct tl_pg_put_off put_off; /* what the stream took off */
};

/* What the engine keeps for an open store (st->be). */
struct tl_pg {
	PGconn *conn;
	char *conninfo;      /* as given; never shown (it may hold a password) */
	char label[160];     /* "tillit on /run/postgresql": for sentences */
	struct tl_pg_stmt cache[TL_PG_STMT_CACHE];
	int ncache;
	int nprepared;       /* names handed out on this connection */
	long notified;       /* notifications from other connections */
	int level;           /* the transaction level open on the server */
	bool reading;        /* a read snapshot is open */
	struct tl_pg_copy *copy;   /* the COPY under way, or NULL */
	void *ahead;         /* the iterator whose next batch is on its way
				(list.c), or NULL */
	struct tl_pg_copy *stream; /* tl_store_copy's rows (copyin.c) */
	char *at_commit;     /* SQL the outermost commit runs once the
				references are checked (copyin.c: the
				triggers a stream turned off), or NULL */
	int iter_reads;      /* iterators open in a read snapshot that an
				iterator opened (list.c): the last ends it */
};

static inline struct tl_pg *tl_pg(const struct tl_store *st)
{
	return st->be;
}

/* Takes in the batch an iterator asked for ahead (list.c), if any:
 * before anything else is sent on the connection. */
void tl_pg_settle(struct tl_pg *p);


/*
 * Runs sql with n parameters (each a text value, or NULL for SQL NULL),
 * $1 to $n in the text.  The statement is prepared once per connection
 * and kept by its text.  Gives the result (the caller PQclear()s it)
 * when the server ran it, or NULL with err set (tl_pg_error, `doing` as
 * there).  When the connection was lost outside any transaction, it is
 * made again once and the statement retried.
 */
PGresult *tl_pg_run(struct tl_store *st, const char *sql, int n,
		    const char *const *params, const char *doing,
		    struct tl_error *err);

/* As tl_pg_run, neither prepared nor kept: for statements made once. */
PGresult *tl_pg_run_once(struct tl_store *st, const char *sql, int n,
			 const char *const *params, const char *doing,
			 struct tl_error *err);

/* Runs sql (one or more statements, no parameters, no rows wanted). */
enum tl_status tl_pg_exec(struct tl_store *st, const char *sql,
			  const char *doing, struct tl_error *err);

/*
 * Maps a failed result (or, for res NULL, the connection's state) to a
 * status and one sentence of tillit's own: never the server's raw
 * message.  `doing` is an N_() phrase ("saving", "reading").  A lost
 * connection, a refused login, a full disk, a lock trigger's refusal
 * (SQLSTATE P0001 with a message of tillit's, said as it is), a missing
 * referred record, a serialisation failure or deadlock (TL_EDB: "another
 * program ... try again").
 */
enum tl_status tl_pg_error(struct tl_store *st, const PGresult *res,
			   const char *doing, struct tl_error *err);

/* Checks the references deferred so far, now, inside the transaction:
 * one that points nowhere is refused naming its record ("The person X
 * refers to a unit that does not exist"), and the transaction can only
 * be rolled back. */
enum tl_status tl_pg_check_references(struct tl_store *st,
				      struct tl_error *err);

/* connect.c: PQconnectdbParams(keys, vals, 1), except that nothing the
 * server sends while the session starts is printed (its notices are
 * silenced before it starts); NULL when out of memory.  The caller
 * checks PQstatus(). */
PGconn *tl_pg_connect(const char *const *keys, const char *const *vals);

/* True when the result's SQLSTATE is a serialisation failure (40001) or
 * a deadlock (40P01): the transaction may be run again. */
bool tl_pg_retryable(const PGresult *res);

/* A new record (caller frees) from row `row` of res, laid out from
 * column col as id, created_at, updated_at, then e's fields in order;
 * NULL when out of memory. */
struct tl_record *tl_pg_row_record(const PGresult *res, int row, int col,
				   const struct tl_entity *e);

/* The column list of a kind: "id, created_at, updated_at, f1, f2, ..."
 * into buf (size bytes); false when it does not fit. */
bool tl_pg_columns(const struct tl_entity *e, char *buf, size_t size);

/*
 * The query plan PostgreSQL chooses for tl_store_list(q), as EXPLAIN
 * prints it, in *plan (caller frees).  Tests use it to show lists are
 * served by indexes.
 */
enum tl_status tl_pg_explain(struct tl_store *st, const struct tl_query *q,
			     char **plan, struct tl_error *err);

/* The migrations: tl_pg_migrations[v] takes version v-1 to v. */
extern const char *const tl_pg_migrations[];
extern const int tl_pg_nmigrations;
/* Migration 2: the triggers (schema_rules.c). */
extern const char tl_pg_migration_rules[];

/* The engine's functions, by file: row.c */
enum tl_status tl_pg_get(struct tl_store *st, enum tl_kind kind,
			 const char *id, struct tl_record **out,
			 struct tl_error *err);
enum tl_status tl_pg_insert(struct tl_store *st, const struct tl_record *r,
			    struct tl_error *err);
enum tl_status tl_pg_update(struct tl_store *st, const struct tl_record *r,
			    struct tl_error *err);
enum tl_status tl_pg_remove(struct tl_store *st, enum tl_kind kind,
			    const char *id, struct tl_error *err);
enum tl_status tl_pg_allowed(struct tl_store *st, enum tl_kind kind,
			     const char *id, const char *cond, bool *ok,
			     struct tl_error *err);
enum tl_status tl_pg_find(struct tl_store *st, enum tl_kind kind,
			  const struct tl_eq *eq, int n, const char *not_id,
			  char *id_out, bool *found, struct tl_error *err);
enum tl_status tl_pg_max_number(struct tl_store *st, const char *meeting,
				long *max, struct tl_error *err);
enum tl_status tl_pg_mark_signed(struct tl_store *st, const char *id,
				 struct tl_error *err);
enum tl_status tl_pg_match(struct tl_store *st, enum tl_kind kind,
			   enum tl_match how, const char *text, int limit,
			   tl_match_fn fn, void *ctx, struct tl_error *err);

/* audit.c */
enum tl_status tl_pg_audit_add(struct tl_store *st, const struct tl_audit *a,
			       struct tl_error *err);
enum tl_status tl_pg_audit_tail(struct tl_store *st, long long *seq,
				char hash[65], struct tl_error *err);
enum tl_status tl_pg_audit(struct tl_store *st, const char *id,
			   long long before, int limit,
			   struct tl_audit **rows, int *n,
			   struct tl_error *err);
enum tl_status tl_pg_audit_after(struct tl_store *st, long long after,
				 int limit, struct tl_audit **rows, int *n,
				 struct tl_error *err);

/* keys.c */
enum tl_status tl_pg_keys(struct tl_store *st, const char *person,
			  const char *fingerprint,
			  struct tl_person_key **out, int *n,
			  struct tl_error *err);
enum tl_status tl_pg_key_add(struct tl_store *st,
			     const struct tl_person_key *k,
			     struct tl_error *err);
enum tl_status tl_pg_key_retire(struct tl_store *st, const char *id,
				const char *at, struct tl_error *err);

/* list.c */
enum tl_status tl_pg_list(struct tl_store *st, const struct tl_query *q,
			  struct tl_page *page, struct tl_error *err);
enum tl_status tl_pg_iter_new(struct tl_store *st, const struct tl_query *q,
			      struct tl_iter **out, struct tl_error *err);
enum tl_status tl_pg_iter_next(struct tl_iter *it,
			       const struct tl_record **r,
			       struct tl_error *err);
void tl_pg_iter_free(struct tl_iter *it);
enum tl_status tl_pg_count(struct tl_store *st, const struct tl_query *q,
			   long *n, struct tl_error *err);

/* search.c: the full-text indexes (a migration), and searching them */
extern const char tl_pg_migration_search[];
enum tl_status tl_pg_search(struct tl_store *st, const char *query,
			    int limit, struct tl_hit **hits, int *n,
			    struct tl_error *err);

/* bulk.c */
enum tl_status tl_pg_bulk_begin(struct tl_store *st, void **be,
				struct tl_error *err);
enum tl_status tl_pg_bulk_start(void *be, struct tl_error *err);
enum tl_status tl_pg_bulk_add(void *be, const struct tl_record *r,
			      bool held, bool *dup, struct tl_error *err);
enum tl_status tl_pg_bulk_principle(void *be, const char *key, size_t len,
				    bool *known, struct tl_error *err);
void tl_pg_bulk_set_memory(void *be, int kib);
enum tl_status tl_pg_bulk_empty(void *be, enum tl_kind kind, bool *empty,
				struct tl_error *err);
enum tl_status tl_pg_bulk_holds(void *be, const char *id, bool *found,
				struct tl_error *err);
enum tl_status tl_pg_bulk_shared_id(void *be, char out[TL_ID_LEN + 1],
				    struct tl_error *err);
enum tl_status tl_pg_bulk_locked(void *be, enum tl_kind kind, int field,
				 bool *any, struct tl_error *err);
enum tl_status tl_pg_bulk_finish(void *be, struct tl_error *err);
/* copyin.c: a COPY into table (a kind or TL_PG_AUDIT), after ending the
 * one under way; values, whole records and audit rows appended (false
 * when out of memory); sent when enough is buffered; ended (nothing to
 * do when none is under way: every statement the engine runs does it
 * first); the buffer freed. */
enum tl_status tl_pg_copy_start(struct tl_pg_copy *c, int table,
				struct tl_error *err);
bool tl_pg_copy_value(struct tl_pg_copy *c, const char *v, bool first);
bool tl_pg_copy_record(struct tl_pg_copy *c, const struct tl_record *r,
		       bool held);
bool tl_pg_copy_audit(struct tl_pg_copy *c, const struct tl_audit *a);
enum tl_status tl_pg_copy_send(struct tl_pg_copy *c, struct tl_error *err);
enum tl_status tl_pg_copy_end(struct tl_pg_copy *c, struct tl_error *err);
void tl_pg_copy_free(struct tl_pg_copy *c);
/* The stream of tl_store_copy (backend.h's stream_*). */
enum tl_status tl_pg_stream_record(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_error *err);
enum tl_status tl_pg_stream_audit(struct tl_store *st,
				  const struct tl_audit *a,
				  struct tl_error *err);
enum tl_status tl_pg_stream_end(struct tl_store *st, struct tl_error *err);
void tl_pg_bulk_done(void *be);

/* Takes them off `table`; base is each kind's largest seq as the load
 * began (0: the kind's table was empty), or NULL to keep references. */
enum tl_status tl_pg_put_off(struct tl_store *st, struct tl_pg_put_off *p,
			     const char *table, const long long *base,
			     struct tl_error *err);
/* Checks the references waiting, then puts everything back: a reference
 * that points nowhere is refused naming its record, as a commit would.
 * With triggers false the user triggers stay off (the caller has them
 * put back at the commit). */
enum tl_status tl_pg_put_back(struct tl_store *st, struct tl_pg_put_off *p,
			      bool triggers, struct tl_error *err);
void tl_pg_put_off_free(struct tl_pg_put_off *p);

#endif
