/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * record.c - records in and out of the store, for every kind at once:
 * get, insert, update, merge by id (an import's put) and delete.  What a
 * person typed is resolved to an id in resolve.c.
 *
 * Each change is checked here (core's validation, references, tags, the
 * rules of rules.c and number.c), then written through the engine (backend.h) inside
 * a savepoint together with its audit rows.  Nothing here speaks to an
 * engine but through its primitives.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/text.h"
#include "tillit/core/validate.h"
#include "backend.h"
#include "internal.h"
#include "number.h"
#include "rules.h"

enum tl_status tl_get(struct tl_store *st, enum tl_kind kind, const char *id,
		      struct tl_record **out, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	enum tl_status rc;

	*out = NULL;
	if (!e || !id)
		return tl_error_set(err, TL_EINVAL, _("No such kind of "
						      "record."));
	rc = st->ops->get(st, kind, id, out, err);
	if (rc == TL_OK && !*out)
		return tl_error_set(err, TL_ENOTFOUND,
				    _("No %s has the id %s."), _(e->label),
				    id);
	return rc;
}

enum tl_status tl_store_get(struct tl_store *st, enum tl_kind kind,
			    const char *id, struct tl_record **out,
			    struct tl_error *err)
{
	enum tl_status rc = tl_get(st, kind, id, out, err);

	if (rc == TL_OK)
		rc = tl_access_check(st, *out, TL_RIGHT_READ, err);
	if (rc != TL_OK) {
		tl_record_free(*out);
		*out = NULL;
	}
	return rc;
}

/* *found when a record of kind has this id. */
static enum tl_status exists(struct tl_store *st, enum tl_kind kind,
			     const char *id, bool *found,
			     struct tl_error *err)
{
	const struct tl_eq eq = {TL_EQ_ID, id};

	return st->ops->find(st, kind, &eq, 1, NULL, NULL, found, err);
}

enum tl_status tl_check_tag_keys(const struct tl_field *f, const char *v,
				 tl_key_known_fn known, void *ctx,
				 struct tl_error *err)
{
	for (const char *p = v; *p;) {
		size_t n = strcspn(p, ",");
		bool found = false;
		enum tl_status rc = TL_OK;

		if (n > 0)
			rc = known(ctx, p, n, &found, err);
		if (rc != TL_OK)
			return rc;
		if (n > 0 && !found) {
			char key[80];

			snprintf(key, sizeof(key), "%.*s",
				 (int)(n < 60 ? n : 60), p);
			return tl_error_set(err, TL_EINVAL,
					    _("%s: \"%s\" is not a known "
					      "principle; see 'tillit "
					      "principle list'."), _(f->label),
					    key);
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return TL_OK;
}

/* A principle key looked up as any record is (tl_check_tags). */
static enum tl_status principle_known(void *ctx, const char *key,
				      size_t len, bool *known,
				      struct tl_error *err)
{
	struct tl_store *st = ctx;
	char *k = strndup(key, len);
	struct tl_eq eq = {TL_PRINCIPLE_KEY, k};
	enum tl_status rc;

	if (!k)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	rc = st->ops->find(st, TL_K_PRINCIPLE, &eq, 1, NULL, NULL, known,
			   err);
	free(k);
	return rc;
}

enum tl_status tl_check_tags(struct tl_store *st, const struct tl_field *f,
			     const char *v, struct tl_error *err)
{
	return tl_check_tag_keys(f, v, principle_known, st, err);
}

/* *taken when another record of kind has `value` in field f. */
static enum tl_status taken(struct tl_store *st, enum tl_kind kind, int f,
			    const char *value, const char *id, bool *yes,
			    struct tl_error *err)
{
	const struct tl_eq eq = {f, value};

	return st->ops->find(st, kind, &eq, 1, id, NULL, yes, err);
}

/* Every reference must point at a record, and every tag at a principle. */
static enum tl_status check_links(struct tl_store *st,
				  const struct tl_record *r,
				  struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	enum tl_status rc;
	bool yes = false;

	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		const char *v = r->values[i];

		if (!v)
			continue;
		if (f->type == TL_FT_REF) {
			rc = exists(st, f->ref, v, &yes, err);
			if (rc != TL_OK)
				return rc;
			if (!yes)
				return tl_error_set(err, TL_EINVAL,
						    _("%s: no %s has the id %s."),
						    _(f->label),
						    _(tl_entity_get(f->ref)->label),
						    v);
		} else if (f->type == TL_FT_TAGS) {
			rc = tl_check_tags(st, f, v, err);
			if (rc != TL_OK)
				return rc;
		}
	}
	/* What the rules say of a record among the others. */
	rc = tl_rule_check_among(st, r, err);
	if (rc != TL_OK)
		return rc;
	if (e->kind == TL_K_PRINCIPLE && r->values[TL_PRINCIPLE_KEY]) {
		rc = taken(st, TL_K_PRINCIPLE, TL_PRINCIPLE_KEY,
			   r->values[TL_PRINCIPLE_KEY], r->id, &yes, err);
		if (rc != TL_OK)
			return rc;
		if (yes)
			return tl_error_set(err, TL_EINVAL,
					    _("Key: a principle \"%s\" exists "
					    "already."),
					    r->values[TL_PRINCIPLE_KEY]);
	}
	return TL_OK;
}

/* Fills defaults and checks a record before it is written. */
static enum tl_status prepare(struct tl_store *st, struct tl_record *r,
			      struct tl_error *err)
{
	enum tl_status rc;

	for (int i = 0; i < r->e->nfields; i++) {
		const struct tl_field *f = &r->e->fields[i];
		if (!r->values[i] && f->def && !tl_record_set(r, i, f->def))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	rc = tl_validate_record(r, err);
	if (rc == TL_OK)
		rc = check_links(st, r, err);
	return rc;
}

/* The insert behind tl_store_insert; `internal` may add signatures and
 * seals. */
static enum tl_status insert_record(struct tl_store *st, struct tl_record *r,
				    bool internal, struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	enum tl_status rc;
	bool dup = false;

	if (!internal && (e->kind == TL_K_SIGNATURE || e->kind == TL_K_SEAL))
		return tl_error_set(err, TL_EREFUSED,
				    _("Signatures and seals are recorded by "
				      "signing the meeting ('tillit sign'), "
				      "not added by hand."));
	if (!r->id[0])
		tl_id_new(r->id);
	else if (!tl_id_valid(r->id))
		return tl_error_set(err, TL_EINVAL, _("\"%s\" is not a valid "
						      "id."),
				    r->id);
	tl_clock_stamp(r->created_at);
	memcpy(r->updated_at, r->created_at, sizeof(r->updated_at));
	rc = tl_rule_new_values(r, err);
	if (rc == TL_OK)
		rc = tl_rule_fill_meeting(st, r, err);
	if (rc == TL_OK && !internal)
		rc = tl_access_check_new(st, r, err);
	if (rc != TL_OK)
		return rc;

	rc = tl_sp_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = prepare(st, r, err);
	if (rc == TL_OK)
		rc = tl_rule_check_locked(st, NULL, r, err);
	/* After the checks, so that a refused item moves no other. */
	if (rc == TL_OK && e->kind == TL_K_ITEM)
		rc = tl_number_item_new(st, r, err);
	if (rc == TL_OK && exists(st, e->kind, r->id, &dup, NULL) == TL_OK &&
	    dup)
		rc = tl_error_set(err, TL_EINVAL, _("A %s with the id %s "
				  "exists already."), _(e->label), r->id);
	if (rc == TL_OK)
		rc = st->ops->insert(st, r, err);
	if (rc == TL_OK)
		rc = tl_rule_audit_create(st, r, err);
	return tl_sp_end(st, rc, err);
}

enum tl_status tl_store_insert(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err)
{
	return insert_record(st, r, false, err);
}

enum tl_status tl_insert_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err)
{
	return insert_record(st, r, true, err);
}

/*
 * The update behind every change.  `internal` lets the store's own
 * actions (ack, done) set the fields people may not set directly.
 */
enum tl_status tl_store_version(struct tl_store *st, const char *id,
				long long *version,
				char actor[TL_ID_LEN + 1], char account[64],
				char at[32], struct tl_error *err)
{
	struct tl_audit *rows = NULL;
	enum tl_status rc;
	int n = 0;

	*version = 0;
	rc = st->ops->audit(st, id, 0, 1, &rows, &n, err);
	if (rc != TL_OK)
		return rc;
	if (n > 0)
		*version = rows[0].seq;
	if (actor)
		snprintf(actor, TL_ID_LEN + 1, "%s",
			 n > 0 && rows[0].actor ? rows[0].actor : "");
	if (account)
		snprintf(account, 64, "%s",
			 n > 0 && rows[0].os_user ? rows[0].os_user : "");
	if (at)
		snprintf(at, 32, "%s", n > 0 ? rows[0].at : "");
	tl_audit_free(rows, n);
	return TL_OK;
}

/*
 * Refuses an update of r made from a read older than what is stored
 * (r->version set and behind), naming who changed it since and when;
 * *now is the stored version.
 */
static enum tl_status check_fresh(struct tl_store *st,
				  const struct tl_record *r, long long *now,
				  struct tl_error *err)
{
	char actor[TL_ID_LEN + 1], account[64], at[32];
	char who[160], when[TL_DATETIME_SIZE];
	struct tl_record *p = NULL;
	enum tl_status rc;

	*now = r->version;
	if (r->version <= 0)
		return TL_OK;
	rc = tl_store_version(st, r->id, now, actor, account, at, err);
	if (rc != TL_OK || *now == r->version)
		return rc;
	tl_stamp_local(at, when);
	if (actor[0] && st->ops->get(st, TL_K_PERSON, actor, &p, NULL) ==
	    TL_OK && p && tl_record_get(p, TL_PERSON_NAME)) {
		snprintf(who, sizeof(who), "%s",
			 tl_record_get(p, TL_PERSON_NAME));
		tl_record_free(p);
		return tl_error_set(err, TL_ESTALE, _("%s changed this %s at "
				    "%s, after you read it; nothing was "
				    "saved."), who, _(r->e->label), when);
	}
	tl_record_free(p);
	return tl_error_set(err, TL_ESTALE, _("The account %s changed this %s "
			    "at %s, after you read it; nothing was saved."),
			    account, _(r->e->label), when);
}

/* The right a change from old to r needs: answering, when only the
 * fields the holder answers for change (tl_access_answers); else
 * changing what was agreed. */
static enum tl_right needed_right(const struct tl_record *old,
				  const struct tl_record *r)
{
	for (int i = 0; i < old->e->nfields; i++)
		if (!tl_access_answers(old->e->kind, i) &&
		    !tl_streq(old->values[i], r->values[i]))
			return TL_RIGHT_CHANGE;
	return TL_RIGHT_ANSWER;
}

static enum tl_status update_record(struct tl_store *st, struct tl_record *r,
				    bool internal, bool force,
				    struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	struct tl_record *old = NULL;
	long long now = 0;
	enum tl_status rc;
	bool changed;

	rc = tl_get(st, e->kind, r->id, &old, err);
	if (rc != TL_OK)
		return rc;
	changed = tl_rule_changed(old, r);
	if (changed && !internal)
		rc = tl_access_check(st, old, needed_right(old, r), err);
	/* What was read first: a change made from an old read would
	 * silently undo the changes made since. */
	if (rc == TL_OK && changed)
		rc = check_fresh(st, r, &now, err);
	if (rc == TL_ESTALE && force)
		rc = TL_OK; /* written over, and said in the log below */
	if (rc == TL_OK && changed)
		rc = tl_rule_check_locked(st, old, r, err);
	if (rc == TL_OK)
		rc = tl_rule_check_update(old, r, internal, err);
	if (rc != TL_OK || !changed) {
		/* Nothing to do; hand back what is stored. */
		if (rc == TL_OK) {
			memcpy(r->created_at, old->created_at,
			       sizeof(r->created_at));
			memcpy(r->updated_at, old->updated_at,
			       sizeof(r->updated_at));
		}
		tl_record_free(old);
		return rc;
	}

	rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(old);
		return rc;
	}
	rc = tl_rule_update_values(st, old, r, err);
	memcpy(r->created_at, old->created_at, sizeof(r->created_at));
	tl_clock_stamp(r->updated_at);
	if (rc == TL_OK)
		rc = prepare(st, r, err);
	if (rc == TL_OK)
		rc = e->kind == TL_K_MEETING
		     ? tl_number_meeting_update(st, old, r, err)
		     : st->ops->update(st, r, err);
	if (rc == TL_OK)
		rc = tl_rule_audit_changes(st, old, r, err);
	if (rc == TL_OK && now != r->version) {
		/* Forced over a newer change: the version read, and the one
		 * written over. */
		char was[24], over[24];

		snprintf(was, sizeof(was), "%lld", r->version);
		snprintf(over, sizeof(over), "%lld", now);
		rc = tl_audit_add(st, e->plural, r->id, "update", "forced",
				  was, over, err);
	}
	if (rc == TL_OK && r->version > 0)
		rc = tl_store_version(st, r->id, &r->version, NULL, NULL,
				      NULL, err);
	tl_record_free(old);
	return tl_sp_end(st, rc, err);
}

enum tl_status tl_store_update(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err)
{
	return update_record(st, r, false, false, err);
}

enum tl_status tl_store_update_forced(struct tl_store *st,
				      struct tl_record *r,
				      struct tl_error *err)
{
	return update_record(st, r, false, true, err);
}

enum tl_status tl_update_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err)
{
	return update_record(st, r, true, false, err);
}

/*
 * Merge by id.  A field left out takes its default, as in a new record
 * and in the bulk load: a record that the bulk load stored with its
 * default status then merges as unchanged, instead of having NULL
 * written over a field that must have a value.
 */
static struct tl_record *with_defaults(const struct tl_record *r)
{
	struct tl_record *given = tl_record_dup(r);

	for (int i = 0; given && i < given->e->nfields; i++) {
		const struct tl_field *f = &given->e->fields[i];
		if (!given->values[i] && f->def &&
		    !tl_record_set(given, i, f->def)) {
			tl_record_free(given);
			given = NULL;
		}
	}
	return given;
}

enum tl_status tl_store_put(struct tl_store *st, const struct tl_record *r,
			    bool *changed, struct tl_error *err)
{
	struct tl_record *old = NULL, *given, *w;
	enum tl_status rc;
	bool defer;

	*changed = false;
	if (!tl_id_valid(r->id))
		return tl_error_set(err, TL_EINVAL,
				    _("A %s has the id \"%.40s\", which is not "
				    "a valid id."), _(r->e->label), r->id);
	rc = tl_access_import(st, err);
	if (rc != TL_OK)
		return rc;
	rc = st->ops->get(st, r->e->kind, r->id, &old, err);
	if (rc != TL_OK)
		return rc;
	given = with_defaults(r);
	if (!given) {
		tl_record_free(old);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	/* An import written by hand may leave a §'s part without the
	 * meeting, which its item (earlier in the file) says. */
	if (!tl_record_get(given, tl_entity_field(given->e, "meeting")) &&
	    (rc = tl_rule_fill_meeting(st, given, err)) != TL_OK) {
		tl_record_free(old);
		tl_record_free(given);
		return rc;
	}
	if (old && !tl_rule_changed(old, given) &&
	    !strcmp(old->created_at, r->created_at) &&
	    !strcmp(old->updated_at, r->updated_at)) {
		tl_record_free(old);
		tl_record_free(given);
		return TL_OK;
	}
	/*
	 * A new signed meeting is written as held and becomes signed at the
	 * outermost commit (tl_defer_signed), so that its participants,
	 * items and the rest, which an import brings after it, can still
	 * go in; a stored one becomes signed only by signing
	 * (tl_rule_check_merge).  The audit rows show the values as given.
	 */
	defer = !old && given->e->kind == TL_K_MEETING &&
		tl_streq(given->values[TL_MEETING_STATUS], "signed");
	w = defer ? tl_record_dup(given) : given;
	if (!w || (defer && !tl_record_set(w, TL_MEETING_STATUS, "held"))) {
		tl_record_free(old);
		if (w != given)
			tl_record_free(w);
		tl_record_free(given);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	/* The caller says which record (an import: where in its file). */
	rc = tl_validate_record(w, err);
	/* References may come later in an import (foreign keys are checked
	 * at commit), but principles come before the items that name them. */
	for (int i = 0; rc == TL_OK && i < w->e->nfields; i++)
		if (w->e->fields[i].type == TL_FT_TAGS && w->values[i])
			rc = tl_check_tags(st, &w->e->fields[i], w->values[i],
					   err);
	/* A stored record keeps what cannot change; a new seal or
	 * signature comes only with its meeting. */
	if (rc == TL_OK)
		rc = old ? tl_rule_check_merge(old, given, err)
			 : tl_rule_check_signing(st, given, err);
	if (rc == TL_OK)
		rc = tl_rule_check_locked(st, old, given, err);
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc == TL_OK) {
		if (old) {
			rc = st->ops->update(st, w, err);
			if (rc == TL_OK)
				rc = tl_rule_audit_changes(st, old, given,
							   err);
		} else {
			rc = st->ops->insert(st, w, err);
			if (rc == TL_OK)
				rc = tl_rule_audit_create(st, w, err);
		}
		if (rc == TL_OK && defer)
			rc = tl_defer_signed(st, w->id, err);
		else if (rc == TL_OK && !old && w->e->kind == TL_K_MEETING &&
			 tl_streq(w->values[TL_MEETING_STATUS], "held"))
			rc = tl_note_fresh(st, w->id, err);
		rc = tl_sp_end(st, rc, err);
	}
	if (rc == TL_OK)
		*changed = true;
	tl_record_free(old);
	if (w != given)
		tl_record_free(w);
	tl_record_free(given);
	return rc;
}

/* TL_EREFUSED when any record refers to the record `id` of kind. */
static enum tl_status check_unreferenced(struct tl_store *st,
					 enum tl_kind kind, const char *id,
					 struct tl_error *err)
{
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *o = tl_entity_get((enum tl_kind)k);
		for (int i = 0; i < o->nfields; i++) {
			const struct tl_field *f = &o->fields[i];
			const struct tl_eq eq = {i, id};
			bool yes = false;
			enum tl_status rc;

			if (f->type != TL_FT_REF || f->ref != kind)
				continue;
			rc = st->ops->find(st, o->kind, &eq, 1, NULL, NULL,
					   &yes, err);
			if (rc != TL_OK)
				return rc;
			if (yes)
				return tl_error_set(err, TL_EREFUSED,
					_("The %s cannot be deleted: a %s "
					"refers to it."),
					_(tl_entity_get(kind)->label),
					_(o->label));
		}
	}
	return TL_OK;
}

enum tl_status tl_store_delete(struct tl_store *st, enum tl_kind kind,
			       const char *id, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_record *old = NULL;
	enum tl_status rc;

	rc = tl_get(st, kind, id, &old, err);
	if (rc != TL_OK)
		return rc;
	if (kind == TL_K_SEAL)
		rc = tl_error_set(err, TL_EREFUSED,
				  _("A seal cannot be removed."));
	if (rc == TL_OK)
		rc = tl_access_check(st, old, TL_RIGHT_CHANGE, err);
	if (rc == TL_OK)
		rc = tl_rule_check_locked(st, old, NULL, err);
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(old);
		return rc;
	}
	rc = check_unreferenced(st, kind, id, err);
	if (rc == TL_OK)
		rc = st->ops->remove(st, kind, id, err);
	if (rc == TL_OK && kind == TL_K_ITEM)
		rc = tl_number_item_gone(st, old, err);
	if (rc == TL_OK)
		rc = tl_audit_add(st, e->plural, id, "delete", NULL,
				  tl_record_get(old, e->title), NULL, err);
	tl_record_free(old);
	return tl_sp_end(st, rc, err);
}
