/*
 * internal.h - what the files of src/store share and nobody else sees:
 * the store struct, the statement cache and error mapping.
 */
#ifndef TILLIT_STORE_INTERNAL_H
#define TILLIT_STORE_INTERNAL_H

#include "tillit/store.h"

#include <sqlite3.h>

#define TL_STMT_CACHE 96

struct tl_stmt_slot {
	char *sql;
	sqlite3_stmt *stmt;
};

/* A meeting tl_store_put wrote as signed, waiting for the outermost
 * commit to become signed (depth: the transaction level that wrote it). */
struct tl_pending_seal {
	char id[TL_ID_LEN + 1];
	int depth;
};

struct tl_store {
	sqlite3 *db;
	char *path;
	bool readonly;
	int depth;            /* nesting of tl_store_begin */
	bool reading;         /* inside tl_store_read_begin */
	char os_user[64];
	struct tl_stmt_slot cache[TL_STMT_CACHE];
	int ncache;
	struct tl_pending_seal *pending; /* see tl_defer_signed */
	int npending, cappending;
	int wal_pages;        /* WAL length that wal_hook() empties */
};

/* The migrations: tl_store_migrations[v] takes user_version v-1 to v. */
extern const char *const tl_store_migrations[];
extern const int tl_store_nmigrations;

/* A cached, reset statement for sql; NULL with err set on failure. */
sqlite3_stmt *tl_stmt(struct tl_store *st, const char *sql,
		      struct tl_error *err);

/* Maps the last SQLite error to a status and a sentence. */
enum tl_status tl_db_error(struct tl_store *st, struct tl_error *err,
			   const char *doing);

/* Runs SQL with no result rows. */
enum tl_status tl_exec(struct tl_store *st, const char *sql,
		       struct tl_error *err);

/* Savepoints: every change runs inside one, nested in any outer one. */
enum tl_status tl_sp_begin(struct tl_store *st, struct tl_error *err);
enum tl_status tl_sp_end(struct tl_store *st, enum tl_status status,
			 struct tl_error *err);

/* Binds a field's canonical string value with its column's type. */
int tl_bind_value(sqlite3_stmt *s, int idx, const struct tl_field *f,
		  const char *value);

/* tl_store_update for the store's own actions: may set TL_FF_AUTO fields. */
enum tl_status tl_update_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err);

/* tl_store_insert for the store's own actions: may add signatures and
 * seals, which people cannot add directly. */
enum tl_status tl_insert_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err);

/*
 * An import (tl_store_put) writes a signed meeting as `held` and calls
 * this: the meeting becomes signed at the outermost commit, after the
 * records that belong to it (which the lock would otherwise refuse) are
 * in.  A rollback forgets it.  Call inside a transaction.
 */
enum tl_status tl_defer_signed(struct tl_store *st, const char *meeting_id,
			       struct tl_error *err);

/* The sentence for a change to a signed meeting or what belongs to it. */
enum tl_status tl_locked_error(struct tl_error *err);

/*
 * "The <kind> <id> refers to a <kind> that does not exist; nothing was
 * saved.": the row `seq` of `table` refers to a missing row of `parent`
 * (table names).  TL_EREFUSED, with err set when `table` is a kind's.
 */
enum tl_status tl_dangling_error(struct tl_store *st, const char *table,
				 sqlite3_int64 seq, const char *parent,
				 struct tl_error *err);

/* Appends one audit row. */
enum tl_status tl_audit_add(struct tl_store *st, const char *entity,
			    const char *id, const char *action,
			    const char *field, const char *old_value,
			    const char *new_value, struct tl_error *err);

#endif
