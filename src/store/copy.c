/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * copy.c - a whole database into another, on whatever engines they are:
 * what `tillit migrate` does between an SQLite file and a PostgreSQL
 * server.
 *
 * The copy is of what is stored, not of what a person would type: every
 * record as it is (ids, timestamps, numbers, versions), the audit log
 * row by row with its chain (seq, prev and hash kept, so that the copy's
 * chain checks, and shows the same head), and the registered keys.  No
 * rule runs and no audit row is added: the source already passed the
 * rules, and the copy must not look as if it had been typed again.
 *
 * The triggers of the target still hold, so the order matters: signed
 * meetings go in as held, then what was recorded in them, then their
 * signatures and seals (the last kinds of model.h), and only then are
 * they marked signed.  References are checked when the transaction
 * commits; the caller commits (tl_store_commit) or throws the copy away
 * (tl_store_rollback) once it has compared the two.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "backend.h"

/* The ids of the meetings to mark signed at the end. */
struct signed_ids {
	char (*id)[TL_ID_LEN + 1];
	int n, cap;
};

static bool remember(struct signed_ids *s, const char *id)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 64;
		void *p = realloc(s->id, sizeof(*s->id) * (size_t)cap);

		if (!p)
			return false;
		s->id = p;
		s->cap = cap;
	}
	snprintf(s->id[s->n++], TL_ID_LEN + 1, "%s", id);
	return true;
}

/* Whether dst holds nothing: no record of any kind, no audit row. */
static enum tl_status check_empty(struct tl_store *dst, struct tl_error *err)
{
	char hash[65];
	long long seq = 0;
	enum tl_status rc;

	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k};
		long n = 0;

		rc = dst->ops->count(dst, &q, &n, err);
		if (rc != TL_OK)
			return rc;
		if (n > 0)
			return tl_error_set(err, TL_EREFUSED, _("The database "
					    "%s already holds records; a copy "
					    "goes only into an empty one."),
					    tl_store_label(dst));
	}
	rc = dst->ops->audit_tail(dst, &seq, hash, err);
	if (rc == TL_OK && seq > 0)
		return tl_error_set(err, TL_EREFUSED, _("The database %s "
				    "already has an audit log; a copy goes "
				    "only into an empty one."),
				    tl_store_label(dst));
	return rc;
}

/* One row as stored: streamed when the engine can (many at a time). */
static enum tl_status put_record(struct tl_store *dst,
				 const struct tl_record *r,
				 struct tl_error *err)
{
	return dst->ops->stream_record ? dst->ops->stream_record(dst, r, err)
				       : dst->ops->insert(dst, r, err);
}

/* Every record of one kind; a signed meeting goes in as held. */
static enum tl_status copy_kind(struct tl_store *src, struct tl_store *dst,
				enum tl_kind kind, struct signed_ids *sig,
				struct tl_copy_stats *stats,
				struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_query q = {.kind = kind, .by_id = true};
	struct tl_iter *it = NULL;
	const struct tl_record *r;
	enum tl_status rc;

	rc = tl_store_iter_new(src, &q, &it, err);
	while (rc == TL_OK &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		const char *status = e->status >= 0 ? r->values[e->status]
						    : NULL;

		if (kind == TL_K_MEETING && status &&
		    !strcmp(status, "signed")) {
			struct tl_record *held = tl_record_dup(r);

			if (!held || !remember(sig, r->id) ||
			    !tl_record_set(held, e->status, "held")) {
				tl_record_free(held);
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
				break;
			}
			rc = put_record(dst, held, err);
			tl_record_free(held);
		} else {
			rc = put_record(dst, r, err);
		}
		stats->records++;
	}
	tl_store_iter_free(it);
	return rc;
}

/* The registered keys of every person, retired ones too. */
static enum tl_status copy_keys(struct tl_store *src, struct tl_store *dst,
				struct tl_copy_stats *stats,
				struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PERSON, .by_id = true};
	struct tl_iter *it = NULL;
	const struct tl_record *r;
	enum tl_status rc;

	rc = tl_store_iter_new(src, &q, &it, err);
	while (rc == TL_OK &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		struct tl_person_key *keys = NULL;
		int n = 0;

		rc = src->ops->keys(src, r->id, NULL, &keys, &n, err);
		for (int i = 0; rc == TL_OK && i < n; i++)
			rc = dst->ops->key_add(dst, &keys[i], err);
		stats->keys += n;
		free(keys);
	}
	tl_store_iter_free(it);
	return rc;
}

/* The audit log, row by row as stored, in seq order. */
static enum tl_status copy_audit(struct tl_store *src, struct tl_store *dst,
				 struct tl_copy_stats *stats,
				 struct tl_error *err)
{
	long long after = 0;
	enum tl_status rc = TL_OK;

	for (;;) {
		struct tl_audit *rows = NULL;
		int n = 0;

		rc = src->ops->audit_after(src, after, 1000, &rows, &n, err);
		for (int i = 0; rc == TL_OK && i < n; i++) {
			if (!rows[i].hash) {
				rc = tl_error_set(err, TL_EDB, _("Audit row "
						  "%lld cannot be copied as "
						  "it is stored; nothing was "
						  "copied."), rows[i].seq);
				break;
			}
			rc = dst->ops->stream_audit
				? dst->ops->stream_audit(dst, &rows[i], err)
				: dst->ops->audit_add(dst, &rows[i], err);
			after = rows[i].seq;
		}
		stats->audit += n;
		tl_audit_free(rows, n);
		if (rc != TL_OK || n < 1000)
			return rc;
	}
}

enum tl_status tl_store_copy(struct tl_store *src, struct tl_store *dst,
			     struct tl_copy_stats *stats,
			     struct tl_error *err)
{
	struct signed_ids sig = {0};
	enum tl_status rc;

	memset(stats, 0, sizeof(*stats));
	if (dst->depth != 1)
		return tl_error_set(err, TL_ESYS, _("A copy is written "
				    "inside one transaction of its own."));
	rc = tl_store_read_begin(src, err);
	if (rc == TL_OK)
		rc = check_empty(dst, err);
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++)
		rc = copy_kind(src, dst, (enum tl_kind)k, &sig, stats, err);
	if (rc == TL_OK)
		rc = copy_keys(src, dst, stats, err);
	if (rc == TL_OK)
		rc = copy_audit(src, dst, stats, err);
	if (dst->ops->stream_end) {
		/* What is left of the stream, before anything else. */
		enum tl_status end = dst->ops->stream_end(dst, err);

		if (rc == TL_OK)
			rc = end;
	}
	for (int i = 0; rc == TL_OK && i < sig.n; i++)
		rc = dst->ops->mark_signed(dst, sig.id[i], err);
	tl_store_read_end(src);
	free(sig.id);
	return rc;
}
