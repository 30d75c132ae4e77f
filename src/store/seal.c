/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * seal.c - what justering writes: the seal, which freezes a meeting's
 * minutes when justering starts, the signatures over them, and the
 * meeting becoming signed at the last one.
 *
 * Who must sign, what the frozen minutes hold and whether a signature is
 * good is decided above the store (src/service/sign.c); here the writes
 * happen, through the store's own routes that may add signatures and
 * seals and set a meeting's status to `signed`, which no ordinary change
 * may.  From its freezing a meeting is under justering, and once it is
 * signed, locked: the rules of rules.c (and, in an SQLite file, its
 * triggers) refuse changes to it.  As justering starts, the meeting
 * claims the delegated decisions it reports (report.c).  Reopening
 * justering voids the signatures given so far and drops the frozen
 * minutes, with audit rows, and releases those decisions.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "backend.h"
#include "internal.h"
#include "rules.h"

/* The meeting `id`, or TL_EINVAL naming the missing meeting. */
static enum tl_status get_meeting(struct tl_store *st, const char *id,
				  struct tl_record **m, struct tl_error *err)
{
	enum tl_status rc = tl_get(st, TL_K_MEETING, id, m, err);

	if (rc == TL_ENOTFOUND)
		return tl_error_set(err, TL_EINVAL,
				    _("Meeting: no meeting has the id %s."), id);
	return rc;
}

static bool is_signed(const struct tl_record *m)
{
	return !strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed");
}

/* The live seal of meeting_id into id (found false when it has none). */
static enum tl_status find_seal(struct tl_store *st, const char *meeting_id,
				char id[TL_ID_LEN + 1], bool *found,
				struct tl_error *err)
{
	const struct tl_eq eq = {TL_SEAL_MEETING, meeting_id};

	*found = false;
	return st->ops->find(st, TL_K_SEAL, &eq, 1, NULL, id, found, err);
}

enum tl_status tl_store_sign(struct tl_store *st, const char *meeting_id,
			     const char *person_id,
			     const struct tl_sign_rec *how,
			     struct tl_error *err)
{
	struct tl_record *m = NULL, *sig;
	char now[TL_DATETIME_SIZE], seal[TL_ID_LEN + 1], what[160];
	const struct tl_eq eq[] = {
		{TL_SIGNATURE_MEETING, meeting_id},
		{TL_SIGNATURE_PERSON, person_id},
	};
	enum tl_status rc;
	bool done = false, frozen = false, sp = false;

	if (!meeting_id || !person_id || !how || !how->role || !how->method)
		return tl_error_set(err, TL_EINVAL, _("Say which meeting is "
				    "signed, and by whom."));
	rc = get_meeting(st, meeting_id, &m, err);
	if (rc != TL_OK)
		return rc;
	tl_clock_datetime(now);
	if (is_signed(m))
		rc = tl_locked_error(err);
	/* A signature cannot come before what it signs. */
	else if (strcmp(now, tl_record_str(m, TL_MEETING_STARTS)) < 0)
		rc = tl_error_set(err, TL_EREFUSED, _("A signature dated %s "
				  "would come before the meeting began (%s); "
				  "check the clock."), now,
				  tl_record_str(m, TL_MEETING_STARTS));
	tl_record_free(m);
	if (rc == TL_OK)
		rc = find_seal(st, meeting_id, seal, &frozen, err);
	if (rc == TL_OK && !frozen)
		rc = tl_error_set(err, TL_EREFUSED, _("The minutes are not "
				  "under justering yet; they are frozen "
				  "first."));
	if (rc == TL_OK)
		rc = st->ops->find(st, TL_K_SIGNATURE, eq, 2, NULL, NULL,
				   &done, err);
	if (rc != TL_OK)
		return rc;
	if (done)
		return tl_error_set(err, TL_EREFUSED, _("They have signed the "
				    "meeting already."));

	sig = tl_record_new(TL_K_SIGNATURE);
	if (!sig)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (!tl_record_set(sig, TL_SIGNATURE_MEETING, meeting_id) ||
	    !tl_record_set(sig, TL_SIGNATURE_PERSON, person_id) ||
	    !tl_record_set(sig, TL_SIGNATURE_ROLE, how->role) ||
	    !tl_record_set(sig, TL_SIGNATURE_SIGNED_AT, now) ||
	    !tl_record_set(sig, TL_SIGNATURE_METHOD, how->method) ||
	    !tl_set_given(sig, TL_SIGNATURE_SSHSIG, how->sshsig) ||
	    !tl_set_given(sig, TL_SIGNATURE_PUBKEY, how->pubkey) ||
	    !tl_set_given(sig, TL_SIGNATURE_RECORDED_BY, how->recorded_by) ||
	    !tl_set_given(sig, TL_SIGNATURE_NAME, how->name) ||
	    !tl_set_given(sig, TL_SIGNATURE_RECORDER_NAME, how->recorder_name))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	else if ((rc = tl_sp_begin(st, err)) == TL_OK)
		sp = true;
	if (rc == TL_OK)
		rc = tl_insert_internal(st, sig, err);
	/* The log says who signed, so that a signature removed or changed
	 * behind tillit's back shows (sign.c's verify compares). */
	snprintf(what, sizeof(what), "%s %s %s", person_id, how->role,
		 how->method);
	if (rc == TL_OK)
		rc = tl_audit_add(st, "meetings", meeting_id, "update",
				  "signature", NULL, what, err);
	if (sp)
		rc = tl_sp_end(st, rc, err);
	tl_record_free(sig);
	return rc;
}

enum tl_status tl_store_signatures(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_page *page,
				   struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_SIGNATURE, .parent = meeting_id,
			     .limit = 1000};

	return tl_store_list(st, &q, page, err);
}

enum tl_status tl_store_reopen(struct tl_store *st, const char *meeting_id,
			       const char *why, long *voided,
			       struct tl_error *err)
{
	struct tl_record *m = NULL, *seal = NULL;
	struct tl_page sigs = {0};
	char n[32];
	enum tl_status rc;

	if (voided)
		*voided = 0;
	rc = get_meeting(st, meeting_id, &m, err);
	if (rc != TL_OK)
		return rc;
	rc = is_signed(m) ? tl_locked_error(err) : TL_OK;
	tl_record_free(m);
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_signatures(st, meeting_id, &sigs, err);
	if (rc == TL_OK)
		rc = tl_store_frozen_get(st, meeting_id, &seal, err);
	if (rc == TL_OK && sigs.n == 0 && !seal)
		rc = tl_error_set(err, TL_EREFUSED, _("The meeting is not "
				  "under justering, so there is no justering "
				  "to reopen."));
	/* Around the rules: voiding signatures is what reopening is. */
	for (int i = 0; rc == TL_OK && i < sigs.n; i++) {
		const struct tl_record *sig = sigs.recs[i];
		rc = st->ops->remove(st, TL_K_SIGNATURE, sig->id, err);
		if (rc == TL_OK)
			rc = tl_audit_add(st, "signatures", sig->id, "delete",
					  "signed_at",
					  tl_record_get(sig,
						TL_SIGNATURE_SIGNED_AT),
					  "voided", err);
	}
	if (rc == TL_OK && seal)
		rc = st->ops->remove(st, TL_K_SEAL, seal->id, err);
	if (rc == TL_OK && seal)
		rc = tl_audit_add(st, "seals", seal->id, "delete", "digest",
				  tl_record_get(seal, TL_SEAL_DIGEST),
				  "voided", err);
	snprintf(n, sizeof(n), "signatures: %d", sigs.n);
	if (rc == TL_OK)
		rc = tl_audit_add(st, "meetings", meeting_id, "update",
				  "justering", n, why ? why : "reopened",
				  err);
	if (rc == TL_OK)
		rc = tl_release_reported(st, meeting_id, err);
	if (rc == TL_OK && voided)
		*voided = sigs.n;
	tl_page_done(&sigs);
	tl_record_free(seal);
	return tl_sp_end(st, rc, err);
}

/* True for 64 lower-case hex digits. */
static bool digest_ok(const char *d)
{
	size_t n = 0;

	for (; d[n]; n++)
		if (!strchr("0123456789abcdef", d[n]))
			return false;
	return n == 64;
}

enum tl_status tl_store_freeze(struct tl_store *st, const char *meeting_id,
			       const struct tl_frozen *f,
			       struct tl_error *err)
{
	struct tl_record *m = NULL, *seal = NULL;
	char now[TL_DATETIME_SIZE], id[TL_ID_LEN + 1];
	enum tl_status rc;
	bool frozen = false;

	if (!f || !f->document || !f->elements || !f->canon || !f->digest ||
	    !digest_ok(f->digest))
		return tl_error_set(err, TL_EINVAL, _("The frozen minutes "
				    "are incomplete."));
	rc = get_meeting(st, meeting_id, &m, err);
	if (rc != TL_OK)
		return rc;
	if (is_signed(m))
		rc = tl_error_set(err, TL_EREFUSED,
				  _("The meeting is signed already."));
	else if (!tl_streq(m->values[TL_MEETING_STATUS], "held"))
		rc = tl_error_set(err, TL_EREFUSED, _("The meeting is %s, "
				  "not held; it goes to justering after it "
				  "has been held (close it first)."),
				  _(tl_record_str(m, TL_MEETING_STATUS)));
	tl_record_free(m);
	if (rc == TL_OK)
		rc = find_seal(st, meeting_id, id, &frozen, err);
	if (rc == TL_OK && frozen)
		rc = tl_error_set(err, TL_EREFUSED, _("The minutes are under "
				  "justering already."));
	/* Justering starts: what the meeting reports is claimed while it
	 * is still open. */
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_claim_reported(st, meeting_id, NULL, err);
	if (rc == TL_OK && !(seal = tl_record_new(TL_K_SEAL)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK) {
		tl_clock_datetime(now);
		if (!tl_record_set(seal, TL_SEAL_MEETING, meeting_id) ||
		    !tl_record_set(seal, TL_SEAL_DIGEST, f->digest) ||
		    !tl_record_set(seal, TL_SEAL_SEALED_AT, now) ||
		    !tl_record_set(seal, TL_SEAL_DOCUMENT, f->document) ||
		    !tl_record_set(seal, TL_SEAL_ELEMENTS, f->elements) ||
		    !tl_record_set(seal, TL_SEAL_CANON, f->canon))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	/* What signing seals meets the rule an imported seal meets. */
	if (rc == TL_OK)
		rc = tl_rule_check_seal(seal, err);
	if (rc == TL_OK)
		rc = tl_insert_internal(st, seal, err);
	tl_record_free(seal);
	return tl_sp_end(st, rc, err);
}

enum tl_status tl_store_frozen_get(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_record **seal,
				   struct tl_error *err)
{
	char id[TL_ID_LEN + 1];
	enum tl_status rc;
	bool found = false;

	*seal = NULL;
	rc = find_seal(st, meeting_id, id, &found, err);
	if (rc == TL_OK && found)
		rc = st->ops->get(st, TL_K_SEAL, id, seal, err);
	return rc;
}

enum tl_status tl_store_complete(struct tl_store *st, const char *meeting_id,
				 struct tl_error *err)
{
	struct tl_record *m = NULL;
	char id[TL_ID_LEN + 1];
	enum tl_status rc;
	bool frozen = false;

	rc = get_meeting(st, meeting_id, &m, err);
	if (rc != TL_OK)
		return rc;
	if (is_signed(m))
		rc = tl_error_set(err, TL_EREFUSED,
				  _("The meeting is signed already."));
	if (rc == TL_OK)
		rc = find_seal(st, meeting_id, id, &frozen, err);
	if (rc == TL_OK && !frozen)
		rc = tl_error_set(err, TL_EREFUSED, _("The minutes are not "
				  "under justering yet; they are frozen "
				  "first."));
	if (rc == TL_OK && !tl_record_set(m, TL_MEETING_STATUS, "signed"))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_update_internal(st, m, err);
	tl_record_free(m);
	return rc;
}

enum tl_status tl_store_seal_get(struct tl_store *st, const char *meeting_id,
				 char digest[65], char *sealed_at,
				 struct tl_error *err)
{
	const struct tl_eq eq = {TL_SEAL_MEETING, meeting_id};
	char id[TL_ID_LEN + 1];
	struct tl_record *seal = NULL;
	enum tl_status rc;
	bool found = false;

	rc = st->ops->find(st, TL_K_SEAL, &eq, 1, NULL, id, &found, err);
	if (rc == TL_OK && found)
		rc = st->ops->get(st, TL_K_SEAL, id, &seal, err);
	if (rc != TL_OK)
		return rc;
	if (!seal)
		return tl_error_set(err, TL_ENOTFOUND,
				    _("The meeting has no stored digest."));
	snprintf(digest, 65, "%s", tl_record_str(seal, TL_SEAL_DIGEST));
	if (sealed_at)
		snprintf(sealed_at, TL_DATETIME_SIZE, "%s",
			 tl_record_str(seal, TL_SEAL_SEALED_AT));
	tl_record_free(seal);
	return TL_OK;
}
