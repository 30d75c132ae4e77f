/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * backend.h - the seam under store.h: what a storage engine must do, as
 * a table of functions, and the store struct that carries it.
 *
 * store.h is the one API above; the files of src/store/ implement it
 * once, with every rule (locks after signing, § numbers, frame
 * versions, follow-up closing, audit rows, merge by id), and reach the
 * engine only through struct tl_backend_ops.  An engine (src/store/
 * sqlite/ and src/store/pg/) reads and writes rows, pages lists,
 * searches and runs transactions; it decides nothing.  tl_store_open
 * picks the engine from the database path, so one program may hold
 * several.
 *
 * Conventions: every function returns a status and sets err (which may
 * be NULL) when it fails; kinds and field indexes are model.h's; values
 * are canonical strings as in struct tl_record.
 */
#ifndef TILLIT_STORE_BACKEND_H
#define TILLIT_STORE_BACKEND_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/store/bulk.h"
#include "tillit/store/store.h"
#include "tillit/store/private.h"

/* The `field` of a struct tl_eq that means the record's id. */
#define TL_EQ_ID (-1)

/* One condition of a lookup: field `field` of the kind equals `value`. */
struct tl_eq {
	int field;         /* a field index, or TL_EQ_ID */
	const char *value; /* not NULL */
};

/* What tl_backend_ops.match compares text with. */
enum tl_match {
	TL_MATCH_ID,     /* the start of the id */
	TL_MATCH_TITLE,  /* the title, exactly */
	TL_MATCH_FOLDED, /* the folded title, whole */
	TL_MATCH_INSIDE, /* the folded title, anywhere in it */
};

/* Called for each record tl_backend_ops.match finds. */
typedef void (*tl_match_fn)(void *ctx, const char *id, const char *title);

struct tl_backend_ops {
	const char *name;

	/* Opening: fills st->be; st->path and st->readonly are set.  The
	 * flags are store.h's TL_OPEN_*.  close frees st->be (NULL too). */
	enum tl_status (*open)(struct tl_store *st, unsigned flags,
			       struct tl_error *err);
	void (*close)(struct tl_store *st);
	/* A number that changes when another program commits a change. */
	enum tl_status (*change_count)(struct tl_store *st, long *n,
				       struct tl_error *err);

	/*
	 * Transactions.  `level` is the nesting: 1 for the outermost.
	 * begin opens level (taking the write lock at level 1), commit
	 * makes it part of the level above (durable at level 1; a failed
	 * outermost commit rolls back and says which record was wrong),
	 * rollback undoes it.  read_begin/read_end hold one snapshot.
	 */
	enum tl_status (*begin)(struct tl_store *st, int level,
				struct tl_error *err);
	enum tl_status (*commit)(struct tl_store *st, int level,
				 struct tl_error *err);
	void (*rollback)(struct tl_store *st, int level);
	enum tl_status (*read_begin)(struct tl_store *st,
				     struct tl_error *err);
	void (*read_end)(struct tl_store *st);

	/*
	 * Rows.  get gives the record of kind with this id in *out (caller
	 * frees), or NULL when there is none.  insert and update write every
	 * value of r as it is (id, timestamps and all); remove deletes one
	 * row.  None of them checks a rule or writes an audit row.
	 */
	enum tl_status (*get)(struct tl_store *st, enum tl_kind kind,
			      const char *id, struct tl_record **out,
			      struct tl_error *err);
	enum tl_status (*insert)(struct tl_store *st, const struct tl_record *r,
				 struct tl_error *err);
	enum tl_status (*update)(struct tl_store *st, const struct tl_record *r,
				 struct tl_error *err);
	enum tl_status (*remove)(struct tl_store *st, enum tl_kind kind,
				 const char *id, struct tl_error *err);
	/*
	 * *found is whether a record of kind meets every condition of eq
	 * (n of them, 1 to 4) and, when not_id is not NULL, has another id;
	 * its id goes to id_out when that is not NULL.
	 */
	enum tl_status (*find)(struct tl_store *st, enum tl_kind kind,
			       const struct tl_eq *eq, int n,
			       const char *not_id, char *id_out, bool *found,
			       struct tl_error *err);
	/* The largest number of the items of a meeting, 0 for none. */
	enum tl_status (*max_number)(struct tl_store *st, const char *meeting,
				     long *max, struct tl_error *err);
	/* Stores the meeting's status as signed, without an audit row. */
	enum tl_status (*mark_signed)(struct tl_store *st, const char *id,
				      struct tl_error *err);
	/*
	 * Up to `limit` records of kind, each handed to fn: as `how` says
	 * (enum tl_match), whose id starts with text (lower case), whose
	 * title is text, or whose folded title (collate.h's tl_text_fold,
	 * the engine folding alike) is or holds text, already folded.
	 * The first two in id order, the folded ones in list order.
	 */
	enum tl_status (*match)(struct tl_store *st, enum tl_kind kind,
				enum tl_match how, const char *text,
				int limit, tl_match_fn fn, void *ctx,
				struct tl_error *err);

	/* Lists, iterators and counts as store.h describes them. */
	enum tl_status (*list)(struct tl_store *st, const struct tl_query *q,
			       struct tl_page *page, struct tl_error *err);
	enum tl_status (*iter_new)(struct tl_store *st,
				   const struct tl_query *q,
				   struct tl_iter **out, struct tl_error *err);
	enum tl_status (*iter_next)(struct tl_iter *it,
				    const struct tl_record **r,
				    struct tl_error *err);
	void (*iter_free)(struct tl_iter *it);
	enum tl_status (*count)(struct tl_store *st, const struct tl_query *q,
				long *n, struct tl_error *err);

	/* Full-text search as tl_store_search describes it. */
	enum tl_status (*search)(struct tl_store *st, const char *query,
				 int limit, struct tl_hit **hits, int *n,
				 struct tl_error *err);

	/*
	 * The audit log.  audit_add stores row a as it is, every field
	 * (seq, prev and hash too; the store makes them, audit.c).
	 * audit_tail gives the seq and the stored hash of the last row
	 * (0 and TL_AUDIT_ZERO when there is none; a stored hash too long
	 * for hash[65] is cut).  audit reads as tl_store_audit describes;
	 * audit_after gives up to limit rows with seq above `after`, in seq
	 * order.  A row whose `at` does not fit struct tl_audit, or with a
	 * NUL byte inside a value, comes back with hash NULL: its stored
	 * content is not what the struct holds.
	 */
	enum tl_status (*audit_add)(struct tl_store *st,
				    const struct tl_audit *a,
				    struct tl_error *err);
	enum tl_status (*audit_tail)(struct tl_store *st, long long *seq,
				     char hash[65], struct tl_error *err);
	enum tl_status (*audit)(struct tl_store *st, const char *id,
				long long before, int limit,
				struct tl_audit **rows, int *n,
				struct tl_error *err);
	enum tl_status (*audit_after)(struct tl_store *st, long long after,
				      int limit, struct tl_audit **rows,
				      int *n, struct tl_error *err);

	/*
	 * The bulk load of bulk.h, in this order: bulk_begin readies the
	 * engine, outside any transaction (*be is its state for the load);
	 * the store then opens the load's transaction and calls bulk_start
	 * before the first row.  bulk_add writes one row as given, except
	 * that `held` writes a meeting's status as held; *dup (when dup is
	 * not NULL) says the kind holds the id already.  bulk_finish, before
	 * the commit, builds what the load put off and checks references;
	 * bulk_done, after the transaction ends either way, frees be.
	 * bulk_locked: *any when a row the load added to kind has, in
	 * `field`, a meeting that is signed.  bulk_principle: *known when a
	 * principle has the key (len bytes at key).  bulk_set_memory: a
	 * hint of how much memory (KiB) the rest of the load may use.
	 */
	enum tl_status (*bulk_begin)(struct tl_store *st, void **be,
				     struct tl_error *err);
	enum tl_status (*bulk_start)(void *be, struct tl_error *err);
	enum tl_status (*bulk_add)(void *be, const struct tl_record *r,
				   bool held, bool *dup, struct tl_error *err);
	enum tl_status (*bulk_principle)(void *be, const char *key,
					 size_t len, bool *known,
					 struct tl_error *err);
	void (*bulk_set_memory)(void *be, int kib);
	enum tl_status (*bulk_empty)(void *be, enum tl_kind kind, bool *empty,
				     struct tl_error *err);
	enum tl_status (*bulk_holds)(void *be, const char *id, bool *found,
				     struct tl_error *err);
	enum tl_status (*bulk_shared_id)(void *be, char out[TL_ID_LEN + 1],
					 struct tl_error *err);
	enum tl_status (*bulk_locked)(void *be, enum tl_kind kind, int field,
				      bool *any, struct tl_error *err);
	enum tl_status (*bulk_finish)(void *be, struct tl_error *err);
	void (*bulk_done)(void *be);

	/*
	 * Registered public keys (store.h's struct tl_person_key).  keys
	 * gives, first registered first, those of `person` or, when person
	 * is NULL, those with `fingerprint`, in *out (n of them; the caller
	 * frees it).  key_add writes one key as given (retired_at "" is
	 * stored as none); key_retire sets the retired_at of the key `id`,
	 * which must not have one yet.
	 */
	enum tl_status (*keys)(struct tl_store *st, const char *person,
			       const char *fingerprint,
			       struct tl_person_key **out, int *n,
			       struct tl_error *err);
	enum tl_status (*key_add)(struct tl_store *st,
				  const struct tl_person_key *k,
				  struct tl_error *err);
	enum tl_status (*key_retire)(struct tl_store *st, const char *id,
				     const char *at, struct tl_error *err);

	/* Whether the account may act as another person (tl_store_act_as):
	 * SQLite, when the file is the account's own; PostgreSQL, when the
	 * role is a member of tillit's admin role. */
	enum tl_status (*may_act_as)(struct tl_store *st, bool *may,
				     struct tl_error *err);
	/* *ok when the record of kind with this id meets the condition
	 * `cond` (SQL from sql/access.h): what the store asks before a
	 * change. */
	enum tl_status (*allowed)(struct tl_store *st, enum tl_kind kind,
				  const char *id, const char *cond, bool *ok,
				  struct tl_error *err);
	/* The server's accounts (tl_store_admin_roles): a login role for
	 * each of the n logins that has none; NULL for an engine whose
	 * accounts are the operating system's. */
	enum tl_status (*admin_roles)(struct tl_store *st,
				      const char *const *logins, int n,
				      int *made, struct tl_error *err);
	/* *whole when the account reads every row of the audit log, as
	 * checking its chain needs; NULL for an engine where it always
	 * does (a role on the server reads only the rows about what its
	 * person may read, policy.c). */
	enum tl_status (*audit_whole)(struct tl_store *st, bool *whole,
				      struct tl_error *err);
	/* Private notes (private.h), kept where only their author reads
	 * them: add n; the notes of `author` on `on` (NULL: all), oldest
	 * first; delete the author's note with this full id. */
	enum tl_status (*private_add)(struct tl_store *st,
				      const struct tl_private_note *n,
				      struct tl_error *err);
	enum tl_status (*private_list)(struct tl_store *st, const char *author,
				       const char *on,
				       struct tl_private_note **notes, int *n,
				       struct tl_error *err);
	enum tl_status (*private_delete)(struct tl_store *st,
					 const char *author, const char *id,
					 struct tl_error *err);
	/* Tables no row-level security guards (tl_store_admin_check). */
	enum tl_status (*admin_unguarded)(struct tl_store *st,
					  char ***tables, int *n,
					  struct tl_error *err);

	/*
	 * A whole database written in as stored (tl_store_copy), many rows
	 * at a time: stream_record as insert, stream_audit as audit_add,
	 * each buffered in the transaction under way; stream_end sends what
	 * is left and must come before anything else is read or written.
	 * NULL for an engine whose insert and audit_add are as fast.
	 */
	enum tl_status (*stream_record)(struct tl_store *st,
					const struct tl_record *r,
					struct tl_error *err);
	enum tl_status (*stream_audit)(struct tl_store *st,
				       const struct tl_audit *a,
				       struct tl_error *err);
	enum tl_status (*stream_end)(struct tl_store *st, struct tl_error *err);
};

/* The engines this program holds. */
extern const struct tl_backend_ops tl_sqlite_ops;
extern const struct tl_backend_ops tl_pg_ops;

/* A meeting an import added in the transaction under way (depth: the
 * level that wrote it); `sign` when it was written as signed and waits
 * for the outermost commit to become signed. */
struct tl_pending_seal {
	char id[TL_ID_LEN + 1];
	int depth;
	bool sign;
};

struct tl_store {
	const struct tl_backend_ops *ops;
	void *be;             /* the engine's own state */
	char *path;
	const char *label;    /* set by an engine whose path is no name */
	bool created;         /* the engine made the schema at open */
	bool readonly;
	int depth;            /* nesting of tl_store_begin */
	long long change;     /* the seq of the first audit row of the
				 outermost transaction under way, 0 before
				 it writes one (struct tl_audit's change) */
	bool reading;         /* inside tl_store_read_begin */
	char os_user[64];     /* the account: tl_os_account, or the
				 database role the engine says */
	bool os_named;        /* os_user is a name, not "uid N" */
	char as[TL_ID_LEN + 1]; /* tl_store_act_as's person, or "" */
	char actor[TL_ID_LEN + 1]; /* see tl_store_actor */
	int actor_known;      /* 1 actor is it, -1 nobody, 0 not looked up */
	/* Who reads (access.c): known, and then unrestricted, or a person
	 * (me_sql, their id as SQL) with read_sql[kind], the condition on
	 * a row they may read (NULL: every row), and audit_sql, on a row
	 * of the audit log; admin as well. */
	bool viewer_known, unrestricted, admin;
	char me_sql[40];
	char *read_sql[TL_K_COUNT];
	char *audit_sql;
	struct tl_pending_seal *pending; /* tl_defer_signed, tl_note_fresh */
	int npending, cappending;
};

/* What every iterator starts with: the store whose engine steps it. */
struct tl_iter {
	struct tl_store *st;
};

/* The condition (SQL from sql/access.h) on a row of kind that the
 * acting person may read, which an engine adds to every list, iterator
 * and count; NULL when they may read every row.  The store readies it
 * before it calls the engine (access.c). */
const char *tl_access_read_sql(const struct tl_store *st, enum tl_kind kind);
/* The same for the rows of the audit log that tl_store_audit reads. */
const char *tl_access_audit_sql(const struct tl_store *st);

/* Rows a page of q holds: q->limit within 1-1000, 50 for 0. */
int tl_query_limit(const struct tl_query *q);

#endif
