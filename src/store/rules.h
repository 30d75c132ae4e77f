/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * rules.h - the store's rules, once for every engine (rules.c): what
 * signing locks and what only signing makes, the chain of governance
 * and unique logins, when a frame gets a new version,
 * when a follow-up is closed, and which audit rows a change writes.
 * record.c, seal.c and bulk.c apply them; an engine only stores rows.
 */
#ifndef TILLIT_STORE_RULES_H
#define TILLIT_STORE_RULES_H

#include <stdbool.h>

#include "tillit/store/store.h"

/* The sentence for a change to a signed meeting or what belongs to it
 * (TL_EREFUSED). */
enum tl_status tl_locked_error(struct tl_error *err);

/*
 * The field that says which meeting a record of e was made in, for the
 * kinds that signing locks with their meeting; -1 for the others.
 */
int tl_rule_lock_field(const struct tl_entity *e);

/* The sentence for a change to a meeting under justering, or to what
 * was recorded in it: nsigned signatures given so far of the nsigners
 * its participants owe (TL_EREFUSED). */
enum tl_status tl_justering_error(struct tl_error *err, long nsigned,
				  long nsigners);

/*
 * Refuses (tl_locked_error) a change to a signed meeting or to what was
 * recorded in it: old is the stored record (NULL for an insert), new
 * what is to be stored (NULL for a delete).  A meeting under justering
 * (held, with at least one signature) is locked the same way
 * (tl_justering_error), except for what justering itself writes: a
 * further signature, and the meeting's status becoming signed.
 */
enum tl_status tl_rule_check_locked(struct tl_store *st,
				    const struct tl_record *old,
				    const struct tl_record *new,
				    struct tl_error *err);

/*
 * Sets what the store owns in a new record r before it is checked:
 * frame version 1 and no acknowledgement, no closing time, no item
 * number yet, no meeting that reported a decision.  TL_EREFUSED for a
 * meeting given as signed.
 */
enum tl_status tl_rule_new_values(struct tl_record *r, struct tl_error *err);

/* How a meeting is locked: not, under justering, or signed. */
enum tl_lock { TL_LOCK_NONE, TL_LOCK_JUSTERING, TL_LOCK_SIGNED };

/* How the meeting id is locked, in *out (TL_LOCK_NONE when there is no
 * such meeting). */
enum tl_status tl_rule_meeting_lock(struct tl_store *st, const char *id,
				    enum tl_lock *out, struct tl_error *err);

/*
 * Checks an update of old to r: no change to a signed meeting, to a
 * field flagged TL_FF_AUTO or TL_FF_FIXED (unless `internal`, the
 * store's own actions, may set AUTO fields), and no meeting made signed
 * but by signing.
 */
enum tl_status tl_rule_check_update(const struct tl_record *old,
				    const struct tl_record *r, bool internal,
				    struct tl_error *err);

/*
 * Checks a merge by id (tl_store_put) of r over old, the stored record:
 * no field flagged TL_FF_FIXED changes, and no meeting becomes signed
 * but by signing.  Fields flagged TL_FF_AUTO are copied as given.
 */
enum tl_status tl_rule_check_merge(const struct tl_record *old,
				   const struct tl_record *r,
				   struct tl_error *err);

/*
 * A record's rules among the records stored: no unit sits under itself
 * in the chain of governance (its parent, that one's parent and so on),
 * no two people share a login, a notice keeps the law's clocks
 * (notice.c), and the parts of a § are made by those who decide it
 * (paragraph.c).  A change checks them as it is
 * written (record.c); a load, whose records come in any order, checks
 * every record it wrote once, at its end (bulk.c).  TL_EINVAL.
 */
enum tl_status tl_rule_check_among(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_error *err);

/*
 * What a § justered immediately locks (paragraph.c), for
 * tl_rule_check_locked, on every way a record changes: removing one of
 * its parts (adding and changing them are tl_rule_check_paragraph's),
 * adding, changing or removing a participant of its meeting who may
 * decide or sign (core/paragraph.h, tl_attendee_takes_part), since who
 * they were is part of it, and moving its meeting (a new start,
 * committee or kind).  old or new may be NULL.
 */
enum tl_status tl_rule_check_paragraph_lock(struct tl_store *st,
					    const struct tl_record *old,
					    const struct tl_record *new,
					    struct tl_error *err);

/* The rules of a §'s parts (store/paragraph.h; paragraph.c), for
 * tl_rule_check_among: TL_EINVAL with one sentence. */
enum tl_status tl_rule_check_paragraph(struct tl_store *st,
				       const struct tl_record *r,
				       struct tl_error *err);

/* Sets the meeting of a §'s part (a motion, vote or entry: its item's; a
 * ballot: its vote's), before the part is checked or written; other
 * kinds pass. */
enum tl_status tl_rule_fill_meeting(struct tl_store *st, struct tl_record *r,
				    struct tl_error *err);

/* A notice's rules (store/clocks.h; notice.c), for tl_rule_check_among:
 * TL_EINVAL or TL_EREFUSED with one sentence. */
enum tl_status tl_rule_check_notice(struct tl_store *st,
				    const struct tl_record *notice,
				    struct tl_error *err);

/*
 * A seal holds what it sealed: a digest of 64 lower-case hex digits,
 * and, when it holds the frozen minutes (document), their SHA-256.
 * TL_EINVAL for the shape, TL_EREFUSED for minutes that do not match.
 */
enum tl_status tl_rule_check_seal(const struct tl_record *seal,
				  struct tl_error *err);

/*
 * A signature or a seal new to the store is made by signing
 * (tl_store_sign and tl_store_freeze, which write it by the store's own
 * route), or comes in with its meeting: an import that adds a held or
 * signed meeting (tl_note_fresh) may add its seal and signatures in the
 * same transaction, never those of a meeting stored before.  A seal
 * must hold what it sealed (tl_rule_check_seal).  Other kinds pass.
 * TL_EREFUSED with the sentence of a seal added by hand.
 */
enum tl_status tl_rule_check_signing(struct tl_store *st,
				     const struct tl_record *r,
				     struct tl_error *err);

/*
 * A meeting that an import brought as signed has the seal its signing
 * made; checked as it becomes signed, at the commit (store.c).
 * TL_EREFUSED naming the meeting: "meeting <id>: ...".
 */
enum tl_status tl_rule_check_sealed(struct tl_store *st, const char *id,
				    struct tl_error *err);

/*
 * What an update changes besides what was given, before it is written
 * (inside its transaction): a follow-up whose status changes is closed
 * now (or reopened); a frame whose content changes gets the next version,
 * loses its acknowledgement, and its old version is stored.
 */
enum tl_status tl_rule_update_values(struct tl_store *st,
				     const struct tl_record *old,
				     struct tl_record *r,
				     struct tl_error *err);

/* True when a value of a differs from b's (same kind). */
bool tl_rule_changed(const struct tl_record *a, const struct tl_record *b);

/* The audit rows of an update: one for each field that differs. */
enum tl_status tl_rule_audit_changes(struct tl_store *st,
				     const struct tl_record *old,
				     const struct tl_record *new,
				     struct tl_error *err);

/* The audit row of a new record. */
enum tl_status tl_rule_audit_create(struct tl_store *st,
				    const struct tl_record *r,
				    struct tl_error *err);

#endif
