/* SPDX-License-Identifier: EUPL-1.2 */
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

#include "tillit/core/date.h"
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

/* Whether a database path names a PostgreSQL database (a connection
 * string such as "host=... dbname=..." or "service=NAME", or a
 * postgresql:// URI) rather than an SQLite file. */
bool tl_store_is_server(const char *path);

/* How sentences name the store's database: the file's path, or for a
 * server "DATABASE on HOST", never the connection string (it may hold a
 * password).  The store owns it. */
const char *tl_store_label(const struct tl_store *st);

/* What tl_store_copy copied. */
struct tl_copy_stats {
	long records; /* of every kind */
	long audit;   /* audit rows */
	long keys;    /* registered keys, retired ones too */
};

/*
 * Copies everything src holds into dst, which must hold nothing yet: every
 * record as stored (ids, timestamps and all), the audit log row by row
 * with its chain, and the registered keys.  No rule runs and no audit row
 * is added.  dst must be inside a transaction of its own
 * (tl_store_begin), which the caller commits or rolls back: so a copy can
 * be checked before it is kept.  The engines may differ (SQLite and
 * PostgreSQL): that is what it is for.
 */
enum tl_status tl_store_copy(struct tl_store *src, struct tl_store *dst,
			     struct tl_copy_stats *stats,
			     struct tl_error *err);

/* Whether this opening made the database's schema (a server's database
 * that held nothing of tillit's before); false for files. */
bool tl_store_created(const struct tl_store *st);

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
 * the calendar year for each committee in the order of its meetings'
 * dates, and the later unsigned meetings of the year move up one; frame
 * version 1).  On success r is updated with everything stored.
 * TL_EREFUSED when a later meeting of the committee's year is signed or
 * under justering, so that its numbers would no longer follow.
 */
enum tl_status tl_store_insert(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err);

/*
 * Saves changed values of an existing record (matched by r->id): each
 * changed field gets an audit row with the old and the new value.  A frame
 * whose content changes keeps its old version and is no longer
 * acknowledged.  A committee meeting that moves (start, unit or kind)
 * takes its place in the § numbers of its committee's year, as
 * tl_store_insert numbers an item.  Fields flagged TL_FF_AUTO or
 * TL_FF_FIXED cannot change (TL_EREFUSED).  On success r holds what is
 * stored.  No change is OK.
 *
 * No silent lost edits: when r->version is set (what tl_store_version
 * gave as r was read) and the record has changed since, nothing is saved
 * and TL_ESTALE says who changed it and when.  On success r->version is
 * the record's new version.
 */
enum tl_status tl_store_update(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err);

/* As tl_store_update, also over a change made since r->version was read
 * (--force): the audit log then has a row on the record for the field
 * "forced", from the version read to the one written over. */
enum tl_status tl_store_update_forced(struct tl_store *st,
				      struct tl_record *r,
				      struct tl_error *err);

/*
 * The version of the record with the id `id`: the seq of the last row of
 * the audit log on it (every change of a record writes one), 0 when it
 * has none.  Who made that change and when are into *actor (a person's
 * id, or "" when no person had the account's login), account and at (a
 * UTC timestamp) when they are not NULL.
 */
enum tl_status tl_store_version(struct tl_store *st, const char *id,
				long long *version,
				char actor[TL_ID_LEN + 1], char account[64],
				char at[32], struct tl_error *err);

/*
 * Writes a record exactly as given (id, timestamps and all values), as an
 * import does: inserted when new, updated when different, left alone when
 * equal (*changed false).  Validated like any change.  Call inside
 * tl_store_begin/commit so that references may come in any order.  A
 * new meeting given as signed is written as held and becomes signed at
 * the outermost commit, so that what was recorded in it may follow it in
 * the same transaction; it must then have its seal by the commit.  A
 * seal or signature goes in only with its meeting, when that is new in
 * the same transaction; a stored meeting does not become signed, and no
 * fixed field changes (TL_EREFUSED).  A record of a meeting stored as
 * signed is refused (TL_EREFUSED), like any change to it.  The rules
 * that hold between records (the chain of governance, unique logins)
 * are not checked here, as the records may come in any order: a bulk
 * load's tl_bulk_put checks them at its end.
 */
enum tl_status tl_store_put(struct tl_store *st, const struct tl_record *r,
			    bool *changed, struct tl_error *err);

/*
 * What a person adds (the command line's add, the full-screen program's
 * form): tl_store_insert, and for a meeting of a series, in the same
 * change, what the series carries into it: the participants of its
 * latest meeting before this one, in their roles, and its standing
 * agenda (a line an item).  An import carries nothing.
 */
enum tl_status tl_store_add(struct tl_store *st, struct tl_record *r,
			    struct tl_error *err);

/*
 * Plans the meeting after meeting `id` of a series (tl_store_add): as
 * much later as the series repeats (weekly when it does not say), with
 * its kind, unit, place and length, titled by the series and the day.
 * The new meeting in *out (caller frees).  TL_EREFUSED for a meeting of
 * no series.
 */
enum tl_status tl_store_meeting_next(struct tl_store *st, const char *id,
				     struct tl_record **out,
				     struct tl_error *err);

/* Deletes a record (participants, mostly); TL_EREFUSED when referred to.
 * An item removed from a committee meeting leaves no gap: the later
 * items of the committee's year move down one (TL_EREFUSED, as
 * tl_store_insert, when a later meeting is signed or under justering). */
enum tl_status tl_store_delete(struct tl_store *st, enum tl_kind kind,
			       const char *id, struct tl_error *err);

/* The record with this full id, in *out (caller frees); TL_ENOTFOUND. */
enum tl_status tl_store_get(struct tl_store *st, enum tl_kind kind,
			    const char *id, struct tl_record **out,
			    struct tl_error *err);

/*
 * Resolves what a person typed for a record of `kind` to the full id in
 * out: a unique id prefix (like git's short hashes), or else the exact
 * name or title of one record ("Åsa Öberg"), or else, for a kind looked
 * up by name (tl_entity_named), the one name that is it, or holds it,
 * whatever its case and accents ("åsa öberg", "öberg").  TL_ENOTFOUND
 * when nothing matches, TL_EAMBIG when several do (the message lists up
 * to five of them, each as short id and name).
 */
enum tl_status tl_store_resolve(struct tl_store *st, enum tl_kind kind,
				const char *prefix, char out[TL_ID_LEN + 1],
				struct tl_error *err);

/* Called for each record tl_store_match_names finds. */
typedef void (*tl_name_fn)(void *ctx, const char *id, const char *title);

/*
 * The records of a kind looked up by name (model.h's tl_entity_named)
 * whose name holds text, whatever its case and accents and wherever in
 * a word ("förvaltningen", "ucer" for "Üçer"), those the viewer may
 * read, in list order: up to `limit`, each handed to fn.  TL_EUSAGE for
 * a kind not looked up by name.
 */
enum tl_status tl_store_match_names(struct tl_store *st, enum tl_kind kind,
				    const char *text, int limit,
				    tl_name_fn fn, void *ctx,
				    struct tl_error *err);

/* Where a page starts: after the record with this sort key and id. */
struct tl_cursor {
	char *key;              /* sort key, NULL when it was unset */
	char id[TL_ID_LEN + 1]; /* "" for no cursor */
};

/*
 * Anmälan av delegationsbeslut: which delegated decisions a committee
 * meeting reports, as tl_store_report_scope works it out for a query's
 * `reported` filter.  Those the meeting claimed (reported_in is
 * `meeting`), and, when `unit` is set, the decisions no meeting has
 * claimed under a mandate that unit gave, registered (created_at) at or
 * after `from` ("" for no bound) and before `to`.
 */
struct tl_report_scope {
	char meeting[TL_ID_LEN + 1];
	char unit[TL_ID_LEN + 1];
	char from[32], to[32]; /* UTC timestamps, as created_at */
};

/* What to list.  NULL and false mean "no filter". */
#define TL_QUERY_PARENTS 64

struct tl_query {
	enum tl_kind kind;
	const char *owner;      /* person id in the kind's owner field */
	const char *person;     /* meetings: a participant's person id */
	const char *unit;       /* unit id in the kind's unit field */
	const char *kindv;      /* value of the kind's kind field */
	const char *status;     /* value of the status field */
	const char *parent;     /* id in the kind's parent field */
	const char *const *parents; /* any of these ids in it: nparents of
				 * them, at most TL_QUERY_PARENTS (one
				 * query for the records of a screen's
				 * goals or indicators) */
	int nparents;
	const char *eq_field;   /* a field of the kind, by its name ... */
	const char *eq_value;   /* ... holding this value (both or none) */
	const char *due_before; /* YYYY-MM-DD: due strictly before it */
	const char *series;     /* follow-ups, items, mandates, frames:
				 * made in a meeting of this series */
	const char *from;       /* the kind's date (due, start, decided on):
				 * on or after this date */
	const char *to;         /* ... and strictly before this one */
	bool open;              /* status is one of the open values */
	bool overdue;           /* open and due before today */
	bool unacked;           /* frames not yet acknowledged */
	const struct tl_report_scope *reported; /* decisions: those a
				 * meeting reports (tl_store_report_scope) */
	bool reverse;           /* the opposite of the kind's usual order */
	bool by_id;             /* in id order (bytes), not the kind's usual
				 * order: the same on every engine, for the
				 * JSON export */
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
 * Calls each(ctx, r) for every record q matches, in list order, a page
 * of 1000 at a time (q's limit and cursor are not used), until it
 * returns false; r is the page's, valid during the call.  Pages rather
 * than an iterator where the caller reads a few hundred rows of a big
 * table and may stop early: PostgreSQL plans a query for all its rows,
 * but an iterator's cursor for its first ones, and for "the figures of
 * these indicators, newest first" the cursor walked every figure by
 * period (19 ms for 400 of 50,000).
 */
enum tl_status tl_store_each(struct tl_store *st, const struct tl_query *q,
			     bool (*each)(void *ctx,
					  const struct tl_record *r),
			     void *ctx, struct tl_error *err);

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
 * Carries the open follow-up id on in a later meeting, where that was
 * agreed, in one transaction: a new follow-up of meeting_id with the
 * same text, kind, mandate and frame, and the new due date and owner
 * (NULL: the same), its id into new_id; the follow-up itself becomes
 * carried, saying where it went.  Later work: allowed when the meeting
 * it was agreed in is signed.  TL_EREFUSED when it is not open, or the
 * meeting is not later than the one it was agreed in.
 */
enum tl_status tl_store_followup_carry(struct tl_store *st, const char *id,
				       const char *meeting_id,
				       const char *due, const char *owner,
				       char new_id[TL_ID_LEN + 1],
				       struct tl_error *err);

/*
 * The secretary takes an agenda offer (read/undone.h) as an item of
 * meeting `id`: information titled `title`, numbered on at the end of
 * its agenda (its § number, or "" for a meeting without §§, into
 * number[16]).  Refused as any new item of the meeting is.
 */
enum tl_status tl_store_meeting_take_offer(struct tl_store *st,
					   const char *id, const char *title,
					   char number[16],
					   struct tl_error *err);

/*
 * The secretary drops an agenda offer (read/undone.h) from meeting `id`:
 * `what`, the mandate or execution it reports on (a full id), joins the
 * meeting's dropped offers (TL_MEETING_DROPPED), and is not offered to
 * it again.  Dropping one dropped already changes nothing.  Refused as
 * any change of the meeting is: signed, or by one who may not change it.
 */
enum tl_status tl_store_meeting_drop_offer(struct tl_store *st,
					   const char *id, const char *what,
					   struct tl_error *err);

/*
 * The holder acknowledges a frame: acked_by = person_id (who confirms:
 * the one acting, never someone on their behalf), acked_at = now.
 * TL_EREFUSED when the frame is held by another person, is closed, or
 * this version was acknowledged already.
 */
enum tl_status tl_store_frame_ack(struct tl_store *st, const char *id,
				  const char *person_id,
				  struct tl_error *err);

/*
 * Signing (sign.h decides who signs and checks signatures; these only
 * write).  How one signature was made: with the signer's own key (an SSH
 * signature over the frozen minutes, and the public key it was made
 * with), or on paper, recorded by someone else.
 */
struct tl_sign_rec {
	const char *role;        /* the role they sign in */
	const char *method;      /* "key" or "paper" */
	const char *sshsig;      /* key: the armored SSH signature */
	const char *pubkey;      /* key: "ssh-ed25519 AAAA..." */
	const char *recorded_by; /* paper: the person who recorded it */
	const char *name;        /* the signer's name now */
	const char *recorder_name; /* paper: the recorder's name now */
};

/*
 * Records that person_id signed meeting_id, now, as `how` says, with an
 * audit row on the meeting naming the signer.  The meeting must be under
 * justering (frozen, tl_store_freeze).  TL_EREFUSED when the meeting is
 * signed and locked already, is not frozen, the person has signed it, or
 * now is before the meeting began; TL_EINVAL for an unknown meeting.
 */
enum tl_status tl_store_sign(struct tl_store *st, const char *meeting_id,
			     const char *person_id,
			     const struct tl_sign_rec *how,
			     struct tl_error *err);

/*
 * Delegated decisions are reported exactly once.  Each goes to the first
 * meeting of its committee (a committee meeting of the unit that gave
 * its mandate, not cancelled, in the order of their start) that is
 * neither under justering nor signed and whose day is on or after the
 * day the decision was registered (its created_at, in local time).
 * When a meeting's justering starts, the decisions that go to it are
 * claimed for it (their reported_in); from then on it reports exactly
 * those, forever, and a decision registered later goes to a later
 * meeting.  Reopening justering releases them.
 *
 * tl_store_report_scope fills *out with what meeting_id reports: what it
 * claimed and, while it is open to new decisions, those that go to it.
 * A meeting that is no committee's reports only what it claimed (none).
 * TL_EINVAL for an unknown meeting.
 */
enum tl_status tl_store_report_scope(struct tl_store *st,
				     const char *meeting_id,
				     struct tl_report_scope *out,
				     struct tl_error *err);

/*
 * Claims for meeting_id, in one transaction, the decisions that go to it
 * now (each gets reported_in, with an audit row); *n (may be NULL) is
 * how many.  Called as justering starts (tl_store_sign, at the first
 * signature), before anything locks the meeting; a meeting already
 * under justering or signed, or cancelled, claims nothing more.
 */
enum tl_status tl_store_claim_reported(struct tl_store *st,
				       const char *meeting_id, long *n,
				       struct tl_error *err);

/* The signatures of a meeting, first signed first, into *page (zero it
 * first; at most 1000).  Release with tl_page_done. */
enum tl_status tl_store_signatures(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_page *page,
				   struct tl_error *err);

/*
 * Reopens justering of meeting_id, in one transaction: every signature
 * given so far is voided, the frozen minutes are dropped and the
 * delegated decisions it claimed are released (with an audit row for
 * each signature and the seal, and one for the meeting saying `why`, or
 * "reopened" for NULL), so that the meeting can change again and is then
 * frozen and signed anew.  *voided (may be NULL) is how many signatures
 * were.  TL_EREFUSED when the meeting is signed and locked already, or
 * is not under justering; TL_EINVAL for an unknown meeting.
 */
enum tl_status tl_store_reopen(struct tl_store *st, const char *meeting_id,
			       const char *why, long *voided,
			       struct tl_error *err);

/* The minutes of a meeting as justering froze them (sign.h makes them). */
struct tl_frozen {
	const char *document; /* the plain text the signers sign */
	const char *elements; /* the document writer's recording of it */
	const char *canon;    /* the canonical text of what it locks */
	const char *digest;   /* SHA-256 of document, 64 hex digits */
};

/*
 * Starts justering of the held meeting meeting_id: stores its frozen
 * minutes in its seal.  From now on what the minutes show is locked, as
 * under justering.  TL_EREFUSED when the meeting is not held, or is
 * under justering or signed already.
 */
enum tl_status tl_store_freeze(struct tl_store *st, const char *meeting_id,
			       const struct tl_frozen *f,
			       struct tl_error *err);

/*
 * The seal of meeting_id (its frozen minutes) into *seal, or NULL when it
 * has none; free with tl_record_free.  A seal from before justering froze
 * the minutes (schema 6) has a digest but no document.
 */
enum tl_status tl_store_frozen_get(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_record **seal,
				   struct tl_error *err);

/*
 * The last signature is in: meeting_id becomes `signed` (which no
 * ordinary change may set), and the store refuses changes to it and what
 * was recorded in it from now on, but for later work.  TL_EREFUSED when
 * it is signed already or not frozen.
 */
enum tl_status tl_store_complete(struct tl_store *st, const char *meeting_id,
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
 * The acting person, into id: the person tl_store_act_as named, or else
 * the active person whose login is the store's account.  The account is
 * the OS account on SQLite (tl_os_account: the password database, $USER
 * only when that has no name) and the role the server authenticated on
 * PostgreSQL (session_user).  TL_ENOTFOUND, with a sentence saying how
 * to give one's login, when no person has it.  The answer is kept by the
 * store (a change to a person or a rollback forgets it).
 */
enum tl_status tl_store_actor(struct tl_store *st, char id[TL_ID_LEN + 1],
			      struct tl_error *err);

/* The account the store writes into the audit log beside the acting
 * person (see tl_store_actor).  The store owns it. */
const char *tl_store_os_account(const struct tl_store *st);

/*
 * Acts as the person with the id `person` (--as) from now on: writes are
 * theirs, and the audit log names them and, as always, the account.
 * Only on a database of one's own: an SQLite file the account owns, or
 * on PostgreSQL as a member of tillit's admin role (tillit_admin); else
 * TL_EREFUSED with a sentence.  TL_ENOTFOUND when there is no such
 * person.
 */
enum tl_status tl_store_act_as(struct tl_store *st, const char *person,
			       struct tl_error *err);

/*
 * On the organisation's server (tillit admin): makes the group roles
 * tillit_user (which may use tillit's tables) and tillit_admin (whose
 * members may use --as), and a login role in tillit_user for every
 * active person with a login who has none.  *people is how many have a
 * login, *made how many roles were made.  TL_EREFUSED on an SQLite
 * file, whose accounts are the computer's own.
 */
enum tl_status tl_store_admin_roles(struct tl_store *st, int *people,
				    int *made, struct tl_error *err);

/*
 * The tables of the database that row-level security does not guard
 * (no policy, or security not forced), *n of them in *tables (free each
 * and the array).  TL_EREFUSED on an SQLite file.
 */
enum tl_status tl_store_admin_check(struct tl_store *st, char ***tables,
				    int *n, struct tl_error *err);

/*
 * One row of the audit log.  The log is a hash chain: each row's hash
 * covers its content and the hash of the row before (audit.h, which also
 * gives the encoding), so that a row changed, removed or put in later
 * shows (tl_store_audit_check).
 */
struct tl_audit {
	long long seq;
	long long change; /* the seq of the first row of the change (one
			     store transaction) that wrote this row: a
			     change's rows share it; 0 where unknown (rows
			     from before schema 17 and 11, bulk loads).
			     Not hashed: it groups rows for `tillit undo`
			     and proves nothing */
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

/* ---- undo ------------------------------------------------------------ */

/* A field an undo sets back, to `back` (NULL: empty). */
struct tl_undo_field {
	int field;
	char *back;
};

/* What an undo does to one record: removes it (the change added it), or
 * sets fields back.  now is the record as it is before the undo. */
struct tl_undo_step {
	enum tl_kind kind;
	char id[TL_ID_LEN + 1];
	bool remove;
	struct tl_undo_field *fields;
	int nfields;
	struct tl_record *now;
};

struct tl_undo {
	long long change; /* the change taken back (its first row's seq) */
	char at[32];      /* when it was made, as the log's `at` */
	struct tl_undo_step *steps; /* in the order the change wrote them */
	int nsteps;
};

/*
 * Takes back the last change made by the person who acts (tl_store_actor;
 * when the account is no one's login, the account's last change), as a
 * change of its own with its own audit rows: the log is never rewritten,
 * and undoing again takes the undo back.  A change is what one store
 * transaction wrote (one command, one save in the full-screen program).
 * A record the change added is removed; the fields it set get their
 * earlier values, through tl_store_delete and tl_store_update and so
 * every rule of an edit; what tillit keeps itself (numbers, versions,
 * acknowledgements) follows from the rules.  TL_EREFUSED, with nothing
 * written, when a record has changed since (by anyone), when the change
 * removed a record or signed minutes, and for a change from before
 * schema 17 (SQLite) or 11 (PostgreSQL); TL_ENOTFOUND when there is none.
 * apply false: only *u, what it would do.  Free *u with tl_undo_free.
 */
enum tl_status tl_store_undo(struct tl_store *st, bool apply,
			     struct tl_undo *u, struct tl_error *err);
void tl_undo_free(struct tl_undo *u);

/* ---- registered public keys ------------------------------------------ */

/* Bytes for a key's text ("ssh-ed25519 AAAA...") and its fingerprint
 * ("SHA256:..."), with the NUL. */
#define TL_KEY_TEXT_SIZE 128
#define TL_KEY_FPR_SIZE 64

/*
 * A public key registered for a person, with which their signatures are
 * checked.  The store keeps a key as text; what a key is, and its
 * fingerprint, are the signing service's (service/sshsig.h).  A person
 * has at most one current key.  Registering another retires it, and a
 * retired key is kept for good, so that a signature is checked against
 * the key that was current when it was made.
 */
struct tl_person_key {
	char id[TL_ID_LEN + 1];
	char person[TL_ID_LEN + 1];
	char pubkey[TL_KEY_TEXT_SIZE];     /* "ssh-ed25519 AAAA..." */
	char fingerprint[TL_KEY_FPR_SIZE]; /* "SHA256:..." */
	char added_at[TL_STAMP_SIZE];      /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
	char retired_at[TL_STAMP_SIZE];    /* when replaced; "" if current */
};

/*
 * Registers pubkey (its text, one line "TYPE BASE64" without a comment)
 * with its fingerprint as the current key of person_id, now, in one
 * transaction: the person's current key, if any, is retired (kept, with
 * retired_at now), and the change gets an audit row on the person
 * (field "key", the old and the new fingerprint).  *out (may be NULL)
 * is the key as stored.  TL_EINVAL for an unknown person or a key text
 * or fingerprint that is empty, too long or more than one line;
 * TL_EREFUSED when the key is the person's current key already, or is
 * (or was) registered for another person.
 */
enum tl_status tl_store_key_add(struct tl_store *st, const char *person_id,
				const char *pubkey, const char *fingerprint,
				struct tl_person_key *out,
				struct tl_error *err);

/*
 * Every key registered for person_id, the first registered first, the
 * current one (if any) last: *keys (n of them; the caller frees it with
 * free()).  *n is 0 for a person without keys, or an unknown id.
 */
enum tl_status tl_store_keys(struct tl_store *st, const char *person_id,
			     struct tl_person_key **keys, int *n,
			     struct tl_error *err);

/*
 * The key that was person_id's current key at `at` (a UTC stamp as
 * tl_clock_stamp writes it), into *out: registered at or before `at`
 * and not retired by then.  With `at` NULL, the current key: the one
 * not retired.  TL_ENOTFOUND when the person had no key at that time.
 */
enum tl_status tl_store_key_at(struct tl_store *st, const char *person_id,
			       const char *at, struct tl_person_key *out,
			       struct tl_error *err);
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
