/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * rules.c - the rules every change obeys, whatever engine stores it:
 * the lock on a signed meeting and on what was recorded in it, what only
 * signing makes (a signed status, seals and signatures), the chain of
 * governance as a tree, one person to a login, frame versions,
 * follow-up closing and the audit rows of a change (item numbers are
 * number.c's).  They read and write only through the engine's
 * primitives (backend.h), so that a second engine cannot drift from
 * them.  A change one by one (record.c), an import's merge and a bulk
 * load (bulk.c) all call them, so that each rule, and its sentence,
 * is in one place.
 *
 * A meeting is under justering from the moment its minutes are frozen
 * (sent to justering, or at the first signature) until its last
 * signature: it is held and has a seal (or, from before schema 6, a
 * signature).  What its minutes show is then locked as if it were
 * signed, so that every signer signs the same minutes; justering may be
 * reopened instead (tl_store_reopen), which voids the signatures given
 * so far and drops the frozen minutes.
 *
 * The SQLite engine's triggers refuse a change to a signed meeting, or to
 * one under justering, again, for any other program that writes the file;
 * these checks come first, with a clear sentence.
 */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/meeting.h"
#include "tillit/core/validate.h"
#include "tillit/store/audit.h"
#include "backend.h"
#include "internal.h"

enum tl_status tl_locked_error(struct tl_error *err)
{
	return tl_error_set(err, TL_EREFUSED,
			    _("The meeting is signed and locked; record a "
			      "correction in a later meeting."));
}

enum tl_status tl_justering_error(struct tl_error *err, long nsigned,
				  long nsigners)
{
	return tl_error_set(err, TL_EREFUSED,
			    _("The meeting is under justering (signed by %ld "
			      "of %ld); reopen justering to change it."),
			    nsigned, nsigners < nsigned ? nsigned : nsigners);
}

/* How many of the meeting m's participants sign it (core/meeting.h). */
static enum tl_status count_signers(struct tl_store *st,
				    const struct tl_record *m, long *out,
				    struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PARTICIPANT, .parent = m->id};
	const char *kind = m->values[TL_MEETING_KIND];
	const struct tl_record *p;
	struct tl_iter *it = NULL;
	enum tl_status rc;

	*out = 0;
	rc = st->ops->iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = st->ops->iter_next(it, &p, err)) == TL_OK &&
	       p)
		if (tl_meeting_role_signs(kind, p->values[TL_PART_ROLE]))
			(*out)++;
	if (it)
		st->ops->iter_free(it);
	return rc;
}

/*
 * A delegated decision is later work under a mandate, free until a
 * committee meeting claims it (report.c): then it is locked with the
 * meeting whose minutes report it.  A seal is written after its meeting
 * is signed.
 */
int tl_rule_lock_field(const struct tl_entity *e)
{
	switch (e->kind) {
	case TL_K_DECISION:
		return TL_DECISION_REPORTED_IN;
	case TL_K_PARTICIPANT:
	case TL_K_ITEM:
	case TL_K_MANDATE:
	case TL_K_FRAME:
	case TL_K_FRAME_VERSION:
	case TL_K_FOLLOWUP:
	case TL_K_BALANCE:
	case TL_K_SIGNATURE:
	case TL_K_MOTION:
	case TL_K_VOTE:
	case TL_K_BALLOT:
	case TL_K_ENTRY:
		return tl_entity_field(e, "meeting");
	default:
		return -1;
	}
}

enum lock { LOCK_NONE, LOCK_JUSTERING, LOCK_SIGNED };

/*
 * How the meeting `id` (may be NULL) is locked: signed, under justering
 * (held, frozen or with a signature) or not at all.  Under justering, *nsigned is
 * the number of signatures given and *nsigners of those it needs.
 */
static enum tl_status lock_of(struct tl_store *st, const char *id,
			      enum lock *out, long *nsigned, long *nsigners,
			      struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_SIGNATURE, .parent = id};
	struct tl_record *m = NULL;
	enum tl_status rc;
	long n = 0;

	*out = LOCK_NONE;
	if (!id)
		return TL_OK;
	rc = st->ops->get(st, TL_K_MEETING, id, &m, err);
	if (rc != TL_OK || !m)
		return rc;
	if (tl_streq(m->values[TL_MEETING_STATUS], "signed"))
		*out = LOCK_SIGNED;
	else if (tl_streq(m->values[TL_MEETING_STATUS], "held"))
		rc = st->ops->count(st, &q, &n, err);
	/* Sent to justering (frozen) before anyone signed. */
	if (rc == TL_OK && n == 0 &&
	    tl_streq(m->values[TL_MEETING_STATUS], "held")) {
		const struct tl_eq eq = {TL_SEAL_MEETING, id};
		bool frozen = false;

		rc = st->ops->find(st, TL_K_SEAL, &eq, 1, NULL, NULL, &frozen,
				   err);
		if (rc == TL_OK && frozen) {
			*out = LOCK_JUSTERING;
			*nsigned = 0;
			rc = count_signers(st, m, nsigners, err);
		}
	}
	if (rc == TL_OK && n > 0) {
		*out = LOCK_JUSTERING;
		*nsigned = n;
		rc = count_signers(st, m, nsigners, err);
	}
	tl_record_free(m);
	return rc;
}

enum tl_status tl_rule_meeting_lock(struct tl_store *st, const char *id,
				    enum tl_lock *out, struct tl_error *err)
{
	enum lock l = LOCK_NONE;
	long n = 0, of = 0;
	enum tl_status rc = lock_of(st, id, &l, &n, &of, err);

	*out = l == LOCK_SIGNED ? TL_LOCK_SIGNED
	     : l == LOCK_JUSTERING ? TL_LOCK_JUSTERING : TL_LOCK_NONE;
	return rc;
}

/* True when new only seals old: its status becomes signed, no more. */
static bool only_sealed(const struct tl_record *old,
			const struct tl_record *new)
{
	if (!new || !tl_streq(new->values[TL_MEETING_STATUS], "signed"))
		return false;
	for (int i = 0; i < TL_MEETING_NFIELDS; i++)
		if (i != TL_MEETING_STATUS &&
		    !tl_streq(old->values[i], new->values[i]))
			return false;
	return true;
}

/*
 * Later work on what a signed meeting (or one under justering) recorded,
 * which the minutes do not show and which goes on after signing: a
 * follow-up's status, outcome and closing time; a frame's
 * acknowledgement and status; a mandate's status and how often it
 * reports back (schema 20); and the goal each of them serves (schema
 * 19), which the minutes do not print.  True when
 * old and new differ in such fields only.  The SQLite triggers (schema 5)
 * allow the same: they name the columns they lock.
 */
static bool later_work(const struct tl_record *old,
		       const struct tl_record *new)
{
	static const int followup[] = {TL_FOLLOWUP_STATUS, TL_FOLLOWUP_OUTCOME,
				       TL_FOLLOWUP_CLOSED_AT, TL_FOLLOWUP_GOAL,
				       -1};
	static const int frame[] = {TL_FRAME_STATUS, TL_FRAME_ACKED_BY,
				    TL_FRAME_ACKED_AT, TL_FRAME_GOAL, -1};
	static const int mandate[] = {TL_MANDATE_STATUS, TL_MANDATE_GOAL,
				      TL_MANDATE_REPORT_EVERY, -1};
	const int *free_fields;

	switch (old->e->kind) {
	case TL_K_FOLLOWUP:
		free_fields = followup;
		break;
	case TL_K_FRAME:
		free_fields = frame;
		break;
	case TL_K_MANDATE:
		free_fields = mandate;
		break;
	default:
		return false;
	}
	for (int i = 0; i < old->e->nfields; i++) {
		bool free_field = false;

		for (const int *f = free_fields; *f >= 0; f++)
			free_field |= *f == i;
		if (!free_field && !tl_streq(old->values[i], new->values[i]))
			return false;
	}
	return true;
}

enum tl_status tl_rule_check_locked(struct tl_store *st,
				    const struct tl_record *old,
				    const struct tl_record *new,
				    struct tl_error *err)
{
	const struct tl_record *any = old ? old : new;
	enum lock lock = LOCK_NONE, l;
	enum tl_status rc;
	long n = 0, of = 0;
	int f;

	/* The meeting's own lock first: it says more.  Then that of a §
	 * justered immediately, on what the § parts' rules do not ask. */
	if (any->e->kind == TL_K_MEETING) {
		rc = lock_of(st, old ? old->id : NULL, &lock, &n, &of, err);
		if (rc != TL_OK)
			return rc;
		if (lock == LOCK_SIGNED)
			return tl_locked_error(err);
		if (lock == LOCK_JUSTERING && !only_sealed(old, new))
			return tl_justering_error(err, n, of);
		return tl_rule_check_paragraph_lock(st, old, new, err);
	}
	f = tl_rule_lock_field(any->e);
	if (f < 0)
		return TL_OK;
	for (int i = 0; i < 2 && lock != LOCK_SIGNED; i++) {
		const struct tl_record *r = i ? new : old;
		if (!r)
			continue;
		rc = lock_of(st, r->values[f], &l, &n, &of, err);
		if (rc != TL_OK)
			return rc;
		if (l > lock)
			lock = l;
	}
	if (lock == LOCK_NONE)
		return !new || any->e->kind == TL_K_PARTICIPANT
		       ? tl_rule_check_paragraph_lock(st, old, new, err)
		       : TL_OK;
	/* The other signers' signatures are justering itself. */
	if (any->e->kind == TL_K_SIGNATURE && lock == LOCK_JUSTERING && !old)
		return TL_OK;
	if (old && new && later_work(old, new))
		return TL_OK;
	return lock == LOCK_SIGNED ? tl_locked_error(err)
				   : tl_justering_error(err, n, of);
}

enum tl_status tl_rule_new_values(struct tl_record *r, struct tl_error *err)
{
	switch (r->e->kind) {
	case TL_K_ITEM:
		tl_record_set(r, TL_ITEM_NUMBER, NULL);
		break;
	case TL_K_FRAME:
		if (!tl_record_set(r, TL_FRAME_VERSION, "1"))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		tl_record_set(r, TL_FRAME_ACKED_BY, NULL);
		tl_record_set(r, TL_FRAME_ACKED_AT, NULL);
		break;
	case TL_K_FOLLOWUP:
		tl_record_set(r, TL_FOLLOWUP_CLOSED_AT, NULL);
		break;
	case TL_K_DECISION:
		tl_record_set(r, TL_DECISION_REPORTED_IN, NULL);
		break;
	case TL_K_MEETING:
		if (tl_streq(r->values[TL_MEETING_STATUS], "signed"))
			return tl_error_set(err, TL_EREFUSED,
					    _("A meeting becomes signed only "
					    "by being signed, not when it is "
					    "created."));
		break;
	default:
		break;
	}
	return TL_OK;
}

/* The sentence for a meeting made signed but by signing (TL_EREFUSED). */
static enum tl_status signed_error(struct tl_error *err)
{
	return tl_error_set(err, TL_EREFUSED, _("A meeting becomes signed "
			    "only by being signed."));
}

/*
 * What a change of old to r may not do: change a field flagged `flags`
 * (TL_FF_AUTO, TL_FF_FIXED or both), or, unless `internal`, make a
 * meeting signed.
 */
static enum tl_status check_change(const struct tl_record *old,
				   const struct tl_record *r, unsigned flags,
				   bool internal, struct tl_error *err)
{
	const struct tl_entity *e = r->e;

	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		if ((f->flags & flags) &&
		    !tl_streq(old->values[i], r->values[i]))
			return tl_error_set(err, TL_EREFUSED,
					    (f->flags & TL_FF_AUTO)
						? _("%s is kept by tillit and "
						    "cannot be set by hand.")
						: _("%s cannot change once the "
						    "record exists."),
					    _(f->label));
	}
	if (e->kind == TL_K_MEETING) {
		const char *was = old->values[TL_MEETING_STATUS];
		const char *now = r->values[TL_MEETING_STATUS];
		if (tl_streq(was, "signed"))
			return tl_locked_error(err);
		if (!internal && tl_streq(now, "signed") &&
		    !tl_streq(was, now))
			return signed_error(err);
	}
	return TL_OK;
}

enum tl_status tl_rule_check_update(const struct tl_record *old,
				    const struct tl_record *r, bool internal,
				    struct tl_error *err)
{
	return check_change(old, r, internal ? 0 : TL_FF_AUTO | TL_FF_FIXED,
			    internal, err);
}

enum tl_status tl_rule_check_merge(const struct tl_record *old,
				   const struct tl_record *r,
				   struct tl_error *err)
{
	return check_change(old, r, TL_FF_FIXED, false, err);
}

/* True for 64 lower-case hex digits. */
static bool digest_shape(const char *d)
{
	size_t n = 0;

	for (; d && d[n]; n++)
		if (!strchr("0123456789abcdef", d[n]))
			return false;
	return n == 64;
}

enum tl_status tl_rule_check_seal(const struct tl_record *seal,
				  struct tl_error *err)
{
	const char *digest = seal->values[TL_SEAL_DIGEST];
	const char *doc = seal->values[TL_SEAL_DOCUMENT];
	char again[65];

	if (!digest_shape(digest))
		return tl_error_set(err, TL_EINVAL, _("Digest: a seal's digest "
				    "is 64 lower-case hex digits."));
	/* A seal from before frozen minutes holds the digest only. */
	if (!doc)
		return TL_OK;
	tl_sha256_hex(doc, strlen(doc), again);
	if (strcmp(again, digest))
		return tl_error_set(err, TL_EREFUSED, _("The frozen minutes "
				    "do not match the digest of their seal: "
				    "they were changed after they were "
				    "frozen."));
	return TL_OK;
}

enum tl_status tl_rule_check_signing(struct tl_store *st,
				     const struct tl_record *r,
				     struct tl_error *err)
{
	int f = r->e->kind == TL_K_SIGNATURE ? TL_SIGNATURE_MEETING
		: r->e->kind == TL_K_SEAL ? TL_SEAL_MEETING : -1;

	if (f < 0)
		return TL_OK;
	if (!r->values[f] || !tl_meeting_fresh(st, r->values[f]))
		return tl_error_set(err, TL_EREFUSED,
				    _("Signatures and seals are recorded by "
				      "signing the meeting ('tillit sign'), "
				      "not added by hand."));
	return r->e->kind == TL_K_SEAL ? tl_rule_check_seal(r, err) : TL_OK;
}

enum tl_status tl_rule_check_sealed(struct tl_store *st, const char *id,
				    struct tl_error *err)
{
	const struct tl_eq eq = {TL_SEAL_MEETING, id};
	enum tl_status rc;
	bool sealed = false;

	rc = st->ops->find(st, TL_K_SEAL, &eq, 1, NULL, NULL, &sealed, err);
	if (rc == TL_OK && !sealed) {
		struct tl_error why;

		signed_error(&why);
		rc = tl_error_set(err, TL_EREFUSED, "%s %s: %s",
				  tl_entity_get(TL_K_MEETING)->name, id,
				  why.msg);
	}
	return rc;
}

/*
 * The chain of governance is a tree: no unit may be its own ancestor, and
 * no goal (goals break down their parents along it).  The walk goes up
 * from the record's parent as stored, so a cycle that does not pass
 * through the record (only possible in data written before this rule)
 * stops it after TL_RULE_DEPTH steps instead of running on.
 */
#define TL_RULE_DEPTH 1000

static enum tl_status check_tree(struct tl_store *st,
				 const struct tl_record *r, int parent,
				 struct tl_error *err)
{
	char at[TL_ID_LEN + 1];
	const char *p = r->values[parent];

	snprintf(at, sizeof(at), "%s", p ? p : "");
	for (int depth = 0; depth < TL_RULE_DEPTH && at[0]; depth++) {
		struct tl_record *u = NULL;
		enum tl_status rc;

		if (!strcmp(at, r->id))
			return tl_error_set(err, TL_EINVAL, r->e->kind ==
					    TL_K_UNIT ? _("Parent: a unit "
					    "cannot sit under itself in the "
					    "chain of governance.")
					    : _("Parent goal: a goal cannot "
					    "break down itself."));
		rc = st->ops->get(st, r->e->kind, at, &u, err);
		if (rc != TL_OK)
			return rc;
		p = u ? u->values[parent] : NULL;
		snprintf(at, sizeof(at), "%s", p ? p : "");
		tl_record_free(u);
	}
	return TL_OK;
}

/* An indicator has one figure and one target a period: a second would
 * leave the chart and the report to guess which counts. */
static enum tl_status check_one_a_period(struct tl_store *st,
					 const struct tl_record *r,
					 struct tl_error *err)
{
	bool meas = r->e->kind == TL_K_MEASUREMENT;
	const struct tl_eq eq[2] = {
		{meas ? TL_MEAS_INDICATOR : TL_TARGET_INDICATOR,
		 r->values[meas ? TL_MEAS_INDICATOR : TL_TARGET_INDICATOR]},
		{meas ? TL_MEAS_PERIOD : TL_TARGET_PERIOD,
		 r->values[meas ? TL_MEAS_PERIOD : TL_TARGET_PERIOD]},
	};
	enum tl_status rc;
	bool taken = false;

	if (!eq[0].value || !eq[1].value)
		return TL_OK;
	rc = st->ops->find(st, r->e->kind, eq, 2, r->id, NULL, &taken, err);
	if (rc == TL_OK && taken)
		rc = tl_error_set(err, TL_EINVAL, meas
				  ? _("Period: the indicator has a measurement "
				      "of %s already; change that one.")
				  : _("Period: the indicator has a target for "
				      "%s already; change that one."),
				  eq[1].value);
	return rc;
}

/* A login says who "me" is, so no two people may share one. */
static enum tl_status check_login(struct tl_store *st,
				  const struct tl_record *r,
				  struct tl_error *err)
{
	const struct tl_eq eq = {TL_PERSON_LOGIN, r->values[TL_PERSON_LOGIN]};
	enum tl_status rc;
	bool taken = false;

	if (!eq.value || !*eq.value)
		return TL_OK;
	rc = st->ops->find(st, TL_K_PERSON, &eq, 1, r->id, NULL, &taken, err);
	if (rc == TL_OK && taken)
		rc = tl_error_set(err, TL_EINVAL, _("Login: \"%s\" belongs to "
				  "another person already."), eq.value);
	return rc;
}

enum tl_status tl_rule_check_among(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_error *err)
{
	switch (r->e->kind) {
	case TL_K_UNIT:
		return check_tree(st, r, TL_UNIT_PARENT, err);
	case TL_K_GOAL:
		return check_tree(st, r, TL_GOAL_PARENT, err);
	case TL_K_MEASUREMENT:
	case TL_K_TARGET:
		return check_one_a_period(st, r, err);
	case TL_K_PERSON:
		return check_login(st, r, err);
	case TL_K_NOTICE:
		return tl_rule_check_notice(st, r, err);
	case TL_K_ITEM:
	case TL_K_MOTION:
	case TL_K_VOTE:
	case TL_K_BALLOT:
	case TL_K_ENTRY:
		return tl_rule_check_paragraph(st, r, err);
	default:
		return TL_OK;
	}
}

/* Keeps the stored frame as an old version before it changes. */
static enum tl_status save_frame_version(struct tl_store *st,
					 const struct tl_record *old,
					 struct tl_error *err)
{
	struct tl_record *v = tl_record_new(TL_K_FRAME_VERSION);
	char now[TL_DATETIME_SIZE];
	enum tl_status rc;

	if (!v)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < TL_FRAME_NFIELDS; i++)
		tl_record_set(v, i, old->values[i]);
	tl_record_set(v, TL_FV_FRAME, old->id);
	tl_clock_datetime(now);
	tl_record_set(v, TL_FV_REPLACED_AT, now);
	tl_id_new(v->id);
	memcpy(v->created_at, old->updated_at, sizeof(v->created_at));
	tl_clock_stamp(v->updated_at);
	rc = tl_validate_record(v, err);
	if (rc == TL_OK)
		rc = st->ops->insert(st, v, err);
	if (rc == TL_OK)
		rc = tl_audit_add(st, "frame_versions", v->id, "create", NULL,
				  NULL, tl_record_get(v, TL_FRAME_VERSION),
				  err);
	tl_record_free(v);
	return rc;
}

/* True when a frame's content (not its status or ack) differs. */
static bool frame_content_changed(const struct tl_record *old,
				  const struct tl_record *new)
{
	for (int i = 0; i < TL_FRAME_NFIELDS; i++) {
		if (i == TL_FRAME_STATUS || i == TL_FRAME_VERSION ||
		    i == TL_FRAME_ACKED_BY || i == TL_FRAME_ACKED_AT)
			continue;
		if (!tl_streq(old->values[i], new->values[i]))
			return true;
	}
	return false;
}

enum tl_status tl_rule_update_values(struct tl_store *st,
				     const struct tl_record *old,
				     struct tl_record *r,
				     struct tl_error *err)
{
	const struct tl_entity *e = r->e;

	if (e->kind == TL_K_FOLLOWUP &&
	    !tl_streq(old->values[TL_FOLLOWUP_STATUS],
		      r->values[TL_FOLLOWUP_STATUS])) {
		char now[TL_DATETIME_SIZE];
		tl_clock_datetime(now);
		tl_record_set(r, TL_FOLLOWUP_CLOSED_AT,
			      tl_streq(r->values[TL_FOLLOWUP_STATUS], "open")
			      ? NULL : now);
	}
	/* An execution marked done without its day was done today; one
	 * opened again was not done. */
	if (e->kind == TL_K_EXECUTION &&
	    !tl_streq(old->values[TL_EXEC_STATUS],
		      r->values[TL_EXEC_STATUS])) {
		char today[TL_DATE_SIZE];

		tl_clock_today(today);
		if (tl_streq(r->values[TL_EXEC_STATUS], "open"))
			tl_record_set(r, TL_EXEC_DONE_ON, NULL);
		else if (!r->values[TL_EXEC_DONE_ON] &&
			 !tl_record_set(r, TL_EXEC_DONE_ON, today))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (e->kind == TL_K_FRAME && frame_content_changed(old, r)) {
		char num[24];
		long v = strtol(tl_record_str(old, TL_FRAME_VERSION), NULL,
				10);
		snprintf(num, sizeof(num), "%ld", v + 1);
		tl_record_set(r, TL_FRAME_VERSION, num);
		tl_record_set(r, TL_FRAME_ACKED_BY, NULL);
		tl_record_set(r, TL_FRAME_ACKED_AT, NULL);
		return save_frame_version(st, old, err);
	}
	return TL_OK;
}

bool tl_rule_changed(const struct tl_record *a, const struct tl_record *b)
{
	for (int i = 0; i < a->e->nfields; i++)
		if (!tl_streq(a->values[i], b->values[i]))
			return true;
	return false;
}

enum tl_status tl_rule_audit_changes(struct tl_store *st,
				     const struct tl_record *old,
				     const struct tl_record *new,
				     struct tl_error *err)
{
	for (int i = 0; i < new->e->nfields; i++) {
		if (tl_streq(old->values[i], new->values[i]))
			continue;
		enum tl_status rc = tl_audit_add(st, new->e->plural, new->id,
						 "update",
						 new->e->fields[i].name,
						 old->values[i],
						 new->values[i], err);
		if (rc != TL_OK)
			return rc;
	}
	return TL_OK;
}

enum tl_status tl_rule_audit_create(struct tl_store *st,
				    const struct tl_record *r,
				    struct tl_error *err)
{
	return tl_audit_add(st, r->e->plural, r->id, "create", NULL, NULL,
			    tl_record_get(r, r->e->title), err);
}
