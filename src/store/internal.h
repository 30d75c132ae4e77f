/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * internal.h - what the backend-neutral files of src/store share and
 * nobody else sees: transactions around one change, the store's own
 * routes for what people may not write, the audit log, and the rules
 * (rules.c) that every engine's data obeys.
 */
#ifndef TILLIT_STORE_INTERNAL_H
#define TILLIT_STORE_INTERNAL_H

#include <stdbool.h>
#include <string.h>

#include "tillit/core/access.h"
#include "tillit/store/store.h"

/* Two values (NULL for unset) are the same. */
static inline bool tl_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

/* Sets field i of r to v when v is given (NULL leaves it as it is);
 * false out of memory. */
static inline bool tl_set_given(struct tl_record *r, int i, const char *v)
{
	return !v || tl_record_set(r, i, v);
}

/* tl_store_get without asking whether the viewer may read it: for the
 * store's own checks. */
enum tl_status tl_get(struct tl_store *st, enum tl_kind kind, const char *id,
		      struct tl_record **out, struct tl_error *err);

/* Savepoints: every change runs inside one, nested in any outer one.
 * tl_sp_end commits when status is TL_OK, else rolls back; it returns
 * the status of the whole. */
enum tl_status tl_sp_begin(struct tl_store *st, struct tl_error *err);
enum tl_status tl_sp_end(struct tl_store *st, enum tl_status status,
			 struct tl_error *err);

/* tl_store_update for the store's own actions: may set TL_FF_AUTO fields. */
enum tl_status tl_update_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err);

/* tl_store_insert for the store's own actions: may add signatures and
 * seals, which people cannot add directly. */
enum tl_status tl_insert_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err);

/*
 * An import (tl_store_put, tl_bulk_import) writes a signed meeting as
 * `held` and calls this: the meeting becomes signed at the outermost
 * commit, after the records that belong to it (which the lock would
 * otherwise refuse) are in.  A rollback forgets it.  Call inside a
 * transaction.
 */
enum tl_status tl_defer_signed(struct tl_store *st, const char *meeting_id,
			       struct tl_error *err);

/*
 * A held meeting that an import adds is noted here (by tl_store_put, or
 * by tl_bulk_put for one the bulk load added, when its first seal or
 * signature comes): its seal and signatures may come in the same
 * transaction (tl_rule_check_signing), as may those of a meeting
 * tl_defer_signed noted.  A rollback forgets it, and the
 * outermost commit forgets them all.  Call inside a transaction.
 */
enum tl_status tl_note_fresh(struct tl_store *st, const char *meeting_id,
			     struct tl_error *err);

/* Whether the meeting was noted by tl_note_fresh or tl_defer_signed in
 * the transaction under way. */
bool tl_meeting_fresh(const struct tl_store *st, const char *meeting_id);

/* Releases the delegated decisions meeting_id claimed (report.c), when
 * its justering is reopened: they go back to the rule. */
enum tl_status tl_release_reported(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_error *err);

/* Appends one audit row, stamped now, by this user and the person whose
 * login it is (audit.c), linked to the row before. */
enum tl_status tl_audit_add(struct tl_store *st, const char *entity,
			    const char *id, const char *action,
			    const char *field, const char *old_value,
			    const char *new_value, struct tl_error *err);

/* Forgets who acts (tl_store_actor): a person changed, or a change was
 * rolled back. */
void tl_actor_forget(struct tl_store *st);

/*
 * Who reads and changes what (access.c): the viewer is worked out when
 * first needed and kept until the actor is forgotten.  tl_viewer_ready
 * readies the conditions that tl_access_read_sql (backend.h) gives the
 * engines for their lists.  tl_access_check refuses, with a
 * sentence naming who may, a right the viewer lacks over the stored
 * record r (by its id), which tl_access_may only answers (*ok);
 * tl_access_check_new a new record in a meeting
 * whose minutes the viewer may not change (or, for a decision, under a
 * mandate they do not hold), and units, people and principles to
 * anyone but an admin; tl_access_import everything but an admin.
 */
/* The personal file of the OS account's private notes (an SQLite
 * database's; private.h): $XDG_DATA_HOME/tillit/private.db. */
enum tl_status tl_store_private_path(char *buf, size_t size,
				     struct tl_error *err);

enum tl_status tl_viewer_ready(struct tl_store *st, struct tl_error *err);
void tl_viewer_forget(struct tl_store *st);
enum tl_status tl_access_may(struct tl_store *st, enum tl_kind kind,
			     const char *id, enum tl_right right, bool *ok,
			     struct tl_error *err);
enum tl_status tl_access_check(struct tl_store *st, const struct tl_record *r,
			       enum tl_right right, struct tl_error *err);
enum tl_status tl_access_check_new(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_error *err);
enum tl_status tl_access_import(struct tl_store *st, struct tl_error *err);

/* Every key in the tags value v of field f names a stored principle;
 * else TL_EINVAL naming the first that does not. */
enum tl_status tl_check_tags(struct tl_store *st, const struct tl_field *f,
			     const char *v, struct tl_error *err);

/* *known when the principle key (len bytes, not NUL-terminated) is
 * stored; how it is looked up is the caller's (ctx). */
typedef enum tl_status (*tl_key_known_fn)(void *ctx, const char *key,
					  size_t len, bool *known,
					  struct tl_error *err);

/* tl_check_tags with its own lookup: the one rule, and the one message,
 * for a record added by itself and for a bulk load. */
enum tl_status tl_check_tag_keys(const struct tl_field *f, const char *v,
				 tl_key_known_fn known, void *ctx,
				 struct tl_error *err);

#endif
