/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bulk.c - the bulk load of bulk.h, whatever engine holds the store:
 * what may go in, and the load's one transaction.
 *
 * Every record is checked here as a change would be (core's validation,
 * tags against the stored principles), signatures, seals and signed
 * meetings are refused (an import's signed meeting is written as held and
 * signed at the commit, as tl_store_put does), and at the end no new row
 * may belong to a meeting that was signed before the load (the lock of
 * rules.c).  The rules that hold between records (no unit under itself,
 * one person to a login: tl_rule_check_among) are checked at the end
 * too, for every record the load wrote, whether it went in through the
 * load or was merged (tl_bulk_put), as the records come in any order.
 * The engine writes the rows and builds what it put off (for SQLite,
 * src/store/sqlite/bulk.c).
 */
#include "tillit/store/bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/validate.h"
#include "backend.h"
#include "internal.h"
#include "rules.h"

/* A record the load wrote whose rules among the others (units, people
 * with a login) are checked at the end. */
struct noted {
	enum tl_kind kind;
	char id[TL_ID_LEN + 1];
};

struct tl_bulk {
	struct tl_store *st;
	void *be;                   /* the engine's state for the load */
	bool touched[TL_K_COUNT];   /* kinds the load added to */
	bool any_signed;            /* signed meetings existed before */
	bool failed;
	struct noted *noted;        /* see note() */
	size_t nnoted, capnoted;
};

/* Throws the load away, if its transaction is open, and frees b. */
static void discard(struct tl_bulk *b)
{
	tl_store_rollback(b->st);
	b->st->ops->bulk_done(b->be);
	free(b->noted);
	free(b);
}

/*
 * Keeps r's id when a rule among the records (tl_rule_check_among)
 * applies to it: a unit, a person with a login.  Records come in any
 * order, so those rules hold only once all are in: at the end.
 */
static enum tl_status note(struct tl_bulk *b, const struct tl_record *r,
			   struct tl_error *err)
{
	if (r->e->kind != TL_K_UNIT && (r->e->kind != TL_K_PERSON ||
					!r->values[TL_PERSON_LOGIN]))
		return TL_OK;
	if (b->nnoted == b->capnoted) {
		size_t cap = b->capnoted ? b->capnoted * 2 : 64;
		struct noted *n = realloc(b->noted, cap * sizeof(*n));

		if (!n)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		b->noted = n;
		b->capnoted = cap;
	}
	b->noted[b->nnoted].kind = r->e->kind;
	memcpy(b->noted[b->nnoted].id, r->id, TL_ID_LEN + 1);
	b->nnoted++;
	return TL_OK;
}

/* The rules among the records, for each record noted, as they are
 * stored at the end of the load; a refusal names the record. */
static enum tl_status check_noted(struct tl_bulk *b, struct tl_error *err)
{
	enum tl_status rc = TL_OK;

	for (size_t i = 0; rc == TL_OK && i < b->nnoted; i++) {
		const struct noted *n = &b->noted[i];
		struct tl_record *r = NULL;
		struct tl_error why;

		tl_error_clear(&why);
		rc = b->st->ops->get(b->st, n->kind, n->id, &r, err);
		if (rc == TL_OK && r &&
		    tl_rule_check_among(b->st, r, &why) != TL_OK)
			rc = tl_error_set(err, why.status, "%s %s: %s",
					  r->e->name, r->id, why.msg);
		tl_record_free(r);
	}
	return rc;
}

enum tl_status tl_bulk_begin(struct tl_store *st, struct tl_bulk **out,
			     struct tl_error *err)
{
	const struct tl_eq signed_meeting = {TL_MEETING_STATUS, "signed"};
	struct tl_bulk *b;
	enum tl_status rc;

	*out = NULL;
	if (st->depth > 0 || st->reading)
		return tl_error_set(err, TL_ESYS, _("A bulk load was started "
				    "inside a transaction."));
	b = calloc(1, sizeof(*b));
	if (!b)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	b->st = st;
	rc = st->ops->bulk_begin(st, &b->be, err);
	if (rc != TL_OK) {
		free(b);
		return rc;
	}
	rc = tl_store_begin(st, err);
	if (rc == TL_OK)
		rc = st->ops->bulk_start(b->be, err);
	if (rc == TL_OK)
		rc = st->ops->find(st, TL_K_MEETING, &signed_meeting, 1, NULL,
				   NULL, &b->any_signed, err);
	if (rc != TL_OK) {
		discard(b);
		return rc;
	}
	*out = b;
	return TL_OK;
}

/* A principle key looked up by the load's engine (check_tags). */
static enum tl_status principle_known(void *ctx, const char *key,
				      size_t len, bool *known,
				      struct tl_error *err)
{
	struct tl_bulk *b = ctx;

	return b->st->ops->bulk_principle(b->be, key, len, known, err);
}

/* Every principle key in the tags value v names a stored principle. */
static enum tl_status check_tags(struct tl_bulk *b, const struct tl_field *f,
				 const char *v, struct tl_error *err)
{
	return tl_check_tag_keys(f, v, principle_known, b, err);
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
	enum tl_status rc;
	bool is_signed, defer;

	if (dup)
		*dup = false;
	if (b->failed)
		return tl_error_set(err, TL_ESYS, _("The bulk load failed "
				    "earlier; nothing more is added."));
	is_signed = e->kind == TL_K_MEETING && r->values[TL_MEETING_STATUS] &&
		    !strcmp(r->values[TL_MEETING_STATUS], "signed");
	defer = is_signed && import;
	if (e->kind == TL_K_SIGNATURE || e->kind == TL_K_SEAL ||
	    (is_signed && !defer)) {
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
	if (rc == TL_OK) {
		b->touched[e->kind] = true;
		rc = b->st->ops->bulk_add(b->be, r, defer, dup, err);
	}
	if (rc == TL_OK && defer)
		rc = tl_defer_signed(b->st, r->id, err);
	if (rc == TL_OK)
		rc = note(b, r, err);
	b->failed = rc != TL_OK;
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

/*
 * A seal or signature may come in with its meeting (tl_rule_check_signing):
 * a meeting the load added (rather than every one, which would be kept
 * for the whole load) is noted as new to the store when the first of
 * them comes.  One merged (tl_store_put) was noted as it went in.
 */
static enum tl_status fresh_meeting(struct tl_bulk *b,
				    const struct tl_record *r,
				    struct tl_error *err)
{
	const char *m = r->e->kind == TL_K_SIGNATURE
			? r->values[TL_SIGNATURE_MEETING]
			: r->e->kind == TL_K_SEAL ? r->values[TL_SEAL_MEETING]
						  : NULL;
	enum tl_status rc;
	bool added = false;

	if (!m || !b->touched[TL_K_MEETING] || tl_meeting_fresh(b->st, m))
		return TL_OK;
	rc = b->st->ops->bulk_holds(b->be, m, &added, err);
	if (rc == TL_OK && added)
		rc = tl_note_fresh(b->st, m, err);
	return rc;
}

enum tl_status tl_bulk_put(struct tl_bulk *b, const struct tl_record *r,
			   bool *changed, struct tl_error *err)
{
	enum tl_status rc;

	*changed = false;
	if (b->failed)
		return tl_error_set(err, TL_ESYS, _("The bulk load failed "
				    "earlier; nothing more is added."));
	rc = fresh_meeting(b, r, err);
	if (rc == TL_OK)
		rc = tl_store_put(b->st, r, changed, err);
	if (rc == TL_OK && *changed)
		rc = note(b, r, err);
	b->failed = rc != TL_OK;
	return rc;
}

void tl_bulk_set_memory(struct tl_bulk *b, int kib)
{
	b->st->ops->bulk_set_memory(b->be, kib);
}

enum tl_status tl_bulk_empty(struct tl_bulk *b, enum tl_kind kind,
			     bool *empty, struct tl_error *err)
{
	return b->st->ops->bulk_empty(b->be, kind, empty, err);
}

enum tl_status tl_bulk_holds(struct tl_bulk *b, const char *id, bool *found,
			     struct tl_error *err)
{
	return b->st->ops->bulk_holds(b->be, id, found, err);
}

enum tl_status tl_bulk_shared_id(struct tl_bulk *b, char out[TL_ID_LEN + 1],
				 struct tl_error *err)
{
	return b->st->ops->bulk_shared_id(b->be, out, err);
}

/* No new row may belong to a meeting signed before the load: the lock
 * that a change one by one meets in rules.c. */
static enum tl_status check_unlocked(struct tl_bulk *b, struct tl_error *err)
{
	for (int k = 0; b->any_signed && k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		int f = tl_rule_lock_field(e);
		bool any = false;
		enum tl_status rc;

		if (!b->touched[k] || f < 0)
			continue;
		rc = b->st->ops->bulk_locked(b->be, e->kind, f, &any, err);
		if (rc == TL_OK && any)
			rc = tl_locked_error(err);
		if (rc != TL_OK)
			return rc;
	}
	return TL_OK;
}

enum tl_status tl_bulk_end(struct tl_bulk *b, struct tl_error *err)
{
	struct tl_store *st = b->st;
	enum tl_status rc = TL_OK;

	if (b->failed)
		rc = tl_error_set(err, TL_ESYS, _("The bulk load failed; "
				  "nothing was saved."));
	if (rc == TL_OK)
		rc = check_unlocked(b, err);
	/* The people the load wrote may include the one who acts: the
	 * audit rows written at the end name them. */
	tl_actor_forget(st);
	if (rc == TL_OK)
		rc = st->ops->bulk_finish(b->be, err);
	/* With every record in and the indexes built. */
	if (rc == TL_OK)
		rc = check_noted(b, err);
	if (rc == TL_OK)
		rc = tl_store_commit(st, err);
	discard(b);
	return rc;
}

void tl_bulk_abort(struct tl_bulk *b)
{
	if (b)
		discard(b);
}
