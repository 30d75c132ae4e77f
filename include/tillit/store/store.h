/*
 * store.h - the database: every record of the domain model, kept behind
 * this API by a storage engine that nothing above src/store knows.
 *
 * A store is one open database (a file, or ":memory:" for one that lives
 * in memory).  Every change runs in a transaction together with its rows
 * in the append-only audit log; a failed change leaves nothing behind.
 * Lists are paged by key, never by loading a table.  Records come back
 * as struct tl_record (model.h).
 */
#ifndef TILLIT_STORE_H
#define TILLIT_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"

struct tl_store;

enum {
	TL_OPEN_CREATE = 1 << 0,   /* create the file (0600) and its folder */
	TL_OPEN_READONLY = 1 << 1, /* never write */
};

/*
 * The database path: `cli_path` (--db) if not NULL, then $TILLIT_DB, then
 * $XDG_DATA_HOME/tillit/tillit.db, then ~/.local/share/tillit/tillit.db.
 * Writes it to buf.  TL_ESYS when no home folder is known or it is too long.
 */
enum tl_status tl_store_path(const char *cli_path, char *buf, size_t size,
			     struct tl_error *err);

/*
 * Opens the database at path, creating it (mode 0600, folder 0700) when
 * flags has TL_OPEN_CREATE, and migrates an older schema forward.  A
 * change waits a while for another program that is writing.  Refuses,
 * untouched, a file that is not a tillit database or comes from a newer
 * version (TL_EDB), a missing file without TL_OPEN_CREATE (TL_ENOTFOUND),
 * and a PostgreSQL connection URI ("postgresql://..."), for which this
 * program has no engine (TL_EINVAL).  *out is the new store; close it
 * with tl_store_close.
 */
enum tl_status tl_store_open(const char *path, unsigned flags,
			     struct tl_store **out, struct tl_error *err);

/* Closes the store.  Accepts NULL. */
void tl_store_close(struct tl_store *st);

/* The path the store was opened with.  The store owns it. */
const char *tl_store_filename(const struct tl_store *st);

/*
 * A number that changes whenever another program (another tillit, the
 * CLI) commits a change to the database; screens poll it to refresh.
 */
enum tl_status tl_store_change_count(struct tl_store *st, long *n,
				     struct tl_error *err);

/* Transactions that may nest; the outermost commit makes it durable. */
enum tl_status tl_store_begin(struct tl_store *st, struct tl_error *err);
enum tl_status tl_store_commit(struct tl_store *st, struct tl_error *err);
void tl_store_rollback(struct tl_store *st);

/*
 * A read snapshot: between these two calls every read sees the database
 * as it was at the first one, whatever other programs write meanwhile.
 * Works on a read-only store.  Inside a write transaction they do nothing.
 */
enum tl_status tl_store_read_begin(struct tl_store *st, struct tl_error *err);
void tl_store_read_end(struct tl_store *st);

/*
 * Stores a new record.  Core validates it first; references must exist.
 * Gives it an id (unless r->id is set), timestamps, defaults and the
 * values the store owns (item numbers: committee § numbers run on through
 * the calendar year for each committee; frame version 1).  On success r is
 * updated with everything stored.
 */
enum tl_status tl_store_insert(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err);

/*
 * Saves changed values of an existing record (matched by r->id): each
 * changed field gets an audit row with the old and the new value.  A frame
 * whose content changes keeps its old version and is no longer
 * acknowledged.  Fields flagged TL_FF_AUTO or TL_FF_FIXED cannot change
 * (TL_EREFUSED).  On success r holds what is stored.  No change is OK.
 */
enum tl_status tl_store_update(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err);

/*
 * Writes a record exactly as given (id, timestamps and all values), as an
 * import does: inserted when new, updated when different, left alone when
 * equal (*changed false).  Validated like any change.  Call inside
 * tl_store_begin/commit so that references may come in any order.  A
 * meeting given as signed is written as held and becomes signed at the
 * outermost commit, so that what was recorded in it may follow it in
 * the same transaction; a record of a meeting stored as signed is
 * refused (TL_EREFUSED), like any change to it.
 */
enum tl_status tl_store_put(struct tl_store *st, const struct tl_record *r,
			    bool *changed, struct tl_error *err);

/* Deletes a record (participants, mostly); TL_EREFUSED when referred to. */
enum tl_status tl_store_delete(struct tl_store *st, enum tl_kind kind,
			       const char *id, struct tl_error *err);

/* The record with this full id, in *out (caller frees); TL_ENOTFOUND. */
enum tl_status tl_store_get(struct tl_store *st, enum tl_kind kind,
			    const char *id, struct tl_record **out,
			    struct tl_error *err);

/*
 * Resolves what a person typed for a record of `kind` to the full id in
 * out: a unique id prefix (like git's short hashes), or else the exact
 * name or title of one record ("Åsa Öberg").  TL_ENOTFOUND when nothing
 * matches, TL_EAMBIG when several do (the message lists up to five of
 * them, each as short id and name).
 */
enum tl_status tl_store_resolve(struct tl_store *st, enum tl_kind kind,
				const char *prefix, char out[TL_ID_LEN + 1],
				struct tl_error *err);

/* Where a page starts: after the record with this sort key and id. */
struct tl_cursor {
	char *key;              /* sort key, NULL when it was unset */
	char id[TL_ID_LEN + 1]; /* "" for no cursor */
};

/* What to list.  NULL and false mean "no filter". */
struct tl_query {
	enum tl_kind kind;
	const char *owner;      /* person id in the kind's owner field */
	const char *person;     /* meetings: a participant's person id */
	const char *unit;       /* unit id in the kind's unit field */
	const char *kindv;      /* value of the kind's kind field */
	const char *status;     /* value of the status field */
	const char *parent;     /* id in the kind's parent field */
	const char *due_before; /* YYYY-MM-DD: due strictly before it */
	const char *series;     /* follow-ups, items, mandates, frames:
				 * made in a meeting of this series */
	const char *from;       /* the kind's date (due, start, decided on):
				 * on or after this date */
	const char *to;         /* ... and strictly before this one */
	bool open;              /* status is one of the open values */
	bool overdue;           /* open and due before today */
	bool unacked;           /* frames not yet acknowledged */
	bool reverse;           /* the opposite of the kind's usual order */
	int limit;              /* rows a page, 1-1000; 0 means 50 */
	const struct tl_cursor *after; /* start after this; NULL for page one */
};

struct tl_page {
	struct tl_record **recs; /* n records, owned by the page */
	int n;
	bool more;               /* another page follows */
	struct tl_cursor next;   /* &next as q.after for the next page; owned */
};

/* Lists one page into *page (zero it first).  Release with tl_page_done;
 * a page whose `next` is used as a cursor must live until that call. */
enum tl_status tl_store_list(struct tl_store *st, const struct tl_query *q,
			     struct tl_page *page, struct tl_error *err);
void tl_page_done(struct tl_page *page);

/*
 * An iterator: every record a query matches, in list order, from one
 * query stepped over the whole range (no page re-seeks, no copies).
 * Made by tl_store_iter_new, which honours q's filters, order and
 * q->after but not q->limit (stop calling next to stop early); q need not
 * outlive it.  Freed by tl_store_iter_free (accepts NULL).
 *
 * The query is the iterator's own, so the store may be used for other
 * reads between calls.  One query reads one snapshot; to make
 * several iterators agree, run them inside tl_store_read_begin/_end.
 * Free the iterator before the store's transaction ends.
 */
struct tl_iter;

enum tl_status tl_store_iter_new(struct tl_store *st, const struct tl_query *q,
				 struct tl_iter **out, struct tl_error *err);

/*
 * Steps to the next record: *r is it, or NULL after the last one.  The
 * record and its values belong to the iterator and change at the next
 * call (tl_record_dup keeps one); values are NULL when unset, never "".
 */
enum tl_status tl_store_iter_next(struct tl_iter *it,
				  const struct tl_record **r,
				  struct tl_error *err);
void tl_store_iter_free(struct tl_iter *it);

/* Counts the records a query matches (ignores limit and cursor). */
enum tl_status tl_store_count(struct tl_store *st, const struct tl_query *q,
			      long *n, struct tl_error *err);

/* Closes a record the way its kind closes (entity->close_value). */
enum tl_status tl_store_close_record(struct tl_store *st, enum tl_kind kind,
				     const char *id, struct tl_error *err);

/* Marks a follow-up done with an outcome note (required). */
enum tl_status tl_store_followup_done(struct tl_store *st, const char *id,
				      const char *outcome,
				      struct tl_error *err);

/*
 * The holder acknowledges a frame: acked_by = person_id (who confirms),
 * acked_at = now.  person_id may be NULL for the frame's holder person.
 */
enum tl_status tl_store_frame_ack(struct tl_store *st, const char *id,
				  const char *person_id,
				  struct tl_error *err);

/*
 * Signing (sign.h decides who signs; these only write).  tl_store_sign
 * records that person_id signed meeting_id in `role`, now.  TL_EREFUSED
 * when the meeting is signed and locked already or the person has signed
 * it; TL_EINVAL for an unknown meeting or person.
 */
enum tl_status tl_store_sign(struct tl_store *st, const char *meeting_id,
			     const char *person_id, const char *role,
			     struct tl_error *err);

/* The signatures of a meeting, first signed first, into *page (zero it
 * first; at most 1000).  Release with tl_page_done. */
enum tl_status tl_store_signatures(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_page *page,
				   struct tl_error *err);

/*
 * Reopens justering of meeting_id, in one transaction: every signature
 * given so far is voided (removed, with an audit row for each and one
 * for the meeting), so that the meeting can change again and is then
 * signed anew by everyone.  *voided (may be NULL) is how many were.
 * TL_EREFUSED when the meeting is signed and locked already, or has no
 * signature (it is not under justering); TL_EINVAL for an unknown
 * meeting.
 */
enum tl_status tl_store_reopen(struct tl_store *st, const char *meeting_id,
			       long *voided, struct tl_error *err);

/*
 * Computes the digest (64 lower-case hex digits and a NUL) of meeting_id
 * as the database holds it now; ctx is the caller's.
 */
typedef enum tl_status (*tl_digest_fn)(void *ctx, struct tl_store *st,
				       const char *meeting_id,
				       char digest[65],
				       struct tl_error *err);

/*
 * Signs and locks meeting_id, in one transaction: its status becomes
 * `signed` (which no ordinary change may set), then digest() is asked for
 * the digest of the meeting as it is now stored, signed, which is what
 * `tillit verify` recomputes later, and the seal (digest and sealed_at)
 * is stored.  After this the store refuses changes to the meeting and
 * what was recorded in it.  TL_EREFUSED when the meeting
 * is signed already; any failure leaves it as it was.
 */
enum tl_status tl_store_seal(struct tl_store *st, const char *meeting_id,
			     tl_digest_fn digest, void *ctx,
			     struct tl_error *err);

/*
 * The stored digest of meeting_id into digest[65] and, when sealed_at is
 * not NULL, when it was sealed ("YYYY-MM-DD HH:MM") into sealed_at[17].
 * TL_ENOTFOUND when the meeting has no seal.
 */
enum tl_status tl_store_seal_get(struct tl_store *st, const char *meeting_id,
				 char digest[65], char *sealed_at,
				 struct tl_error *err);

/* The id of the active person whose login is `login`, into out; TL_ENOTFOUND. */
enum tl_status tl_store_person_by_login(struct tl_store *st,
					const char *login,
					char out[TL_ID_LEN + 1],
					struct tl_error *err);

/* Replaces the principle list by a preset (rules.h) when it is empty. */
enum tl_status tl_store_seed_principles(struct tl_store *st,
					const char *preset,
					struct tl_error *err);

/* One full-text search hit. */
struct tl_hit {
	enum tl_kind kind;
	char id[TL_ID_LEN + 1];
	char *title;   /* the record's name */
	char *snippet; /* matching text, with the match in [brackets] */
};

/*
 * Searches the fields model.c marks searchable (TL_FF_SEARCH): titles,
 * names, notes, decisions, matters, frame descriptions and follow-up
 * texts.  Words are matched as prefixes, all must occur; quotes and
 * operators in the query are taken literally.  *hits (n of them, at most
 * limit) is freed with tl_hits_free.
 */
enum tl_status tl_store_search(struct tl_store *st, const char *query,
			       int limit, struct tl_hit **hits, int *n,
			       struct tl_error *err);
void tl_hits_free(struct tl_hit *hits, int n);

/*
 * The acting person: the id of the active person whose login is the OS
 * account (tl_os_account, read from the OS, never from $USER) into id.
 * TL_ENOTFOUND, with a sentence saying how to give one's login, when no
 * person has it.  The answer is kept by the store (a change to a person
 * or a rollback forgets it).  There is no way to act as someone else.
 */
enum tl_status tl_store_actor(struct tl_store *st, char id[TL_ID_LEN + 1],
			      struct tl_error *err);

/* The OS account the store writes into the audit log.  The store owns
 * it. */
const char *tl_store_os_account(const struct tl_store *st);

/*
 * One row of the audit log.  The log is a hash chain: each row's hash
 * covers its content and the hash of the row before (audit.h, which also
 * gives the encoding), so that a row changed, removed or put in later
 * shows (tl_store_audit_check).
 */
struct tl_audit {
	long long seq;
	char at[32];
	char *actor;    /* the acting person's id; NULL when no person had
			   the account as login, and in rows
			   written before the log was chained */
	char *os_user;  /* the OS account */
	char *clock;    /* "system", or "TILLIT_NOW" when that set the time
			   (at); NULL in rows written before
			   the log was chained */
	char *entity;   /* plural: "followups" */
	char id[TL_ID_LEN + 1];
	char *action;   /* create, update, delete */
	char *field;    /* NULL for create and delete */
	char *old_value;
	char *new_value;
	char *prev;     /* the hash of the row before: 64 hex digits */
	char *hash;     /* this row's hash */
};

/*
 * Audit rows newest first, for one record (id not NULL) or all, starting
 * below seq `before` (0 for the newest).  Free with tl_audit_free.
 */
enum tl_status tl_store_audit(struct tl_store *st, const char *id,
			      long long before, int limit,
			      struct tl_audit **rows, int *n,
			      struct tl_error *err);
void tl_audit_free(struct tl_audit *rows, int n);

/* Why the audit chain breaks at a row (struct tl_audit_break). */
enum tl_audit_fault {
	TL_AUDIT_WHOLE,     /* it does not: the chain is unbroken */
	TL_AUDIT_CHANGED,   /* the row's content does not give its hash */
	TL_AUDIT_UNLINKED,  /* its prev is not the hash of the row before */
	TL_AUDIT_MISSING,   /* the same, with rows missing before it */
	TL_AUDIT_UNSTARTED, /* the first row's prev is not 64 zeros */
};

/* The first row at which the audit chain breaks. */
struct tl_audit_break {
	enum tl_audit_fault fault;
	long long seq;          /* the row; 0 when fault is TL_AUDIT_WHOLE */
	long long after;        /* the seq of the row before it, 0 for none */
	char entity[32];        /* plural, as in struct tl_audit */
	char id[TL_ID_LEN + 1]; /* the record the row is about */
	char action[8];
};

/*
 * Walks the whole audit log in seq order, recomputing every row's hash
 * and checking that each row's prev is the stored hash of the row before
 * (64 zeros for the first row).  *rows is how many rows were read; *brk
 * the first row where the chain breaks (fault TL_AUDIT_WHOLE when it
 * does not); head[65] the stored hash of the last row (64 zeros for an
 * empty log).  Any of rows, brk and head may be NULL.  TL_OK whether or
 * not the chain is whole; another status only when the log could not be
 * read.  A log rewritten from some row to its end with every hash
 * recomputed, or cut short at its end, is whole by this check: only a
 * head kept elsewhere (each justering snapshot keeps one) shows that.
 */
enum tl_status tl_store_audit_check(struct tl_store *st, long *rows,
				    struct tl_audit_break *brk,
				    char head[65], struct tl_error *err);

/* The stored hash of the last row of the audit log (64 zeros when it is
 * empty) into head[65]. */
enum tl_status tl_store_audit_head(struct tl_store *st, char head[65],
				   struct tl_error *err);

#endif
