/*
 * seal.c - what signing writes: the signatures of a meeting, and the seal
 * that marks it signed and keeps the digest of its canonical minutes.
 *
 * Who must sign, and what the digest covers, is decided above the store
 * (src/service/sign.c); here the writes happen, through the store's own
 * routes that may add signatures and seals and set a meeting's status to
 * `signed`, which no ordinary change may.  From the first signature a
 * meeting is under justering, and once it is signed, locked: the rules of
 * rules.c (and, in an SQLite file, its triggers) refuse changes to it.
 * As justering starts, the meeting claims the delegated decisions it
 * reports (report.c).  Reopening justering voids the signatures given so
 * far, with audit rows, and releases those decisions.
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
	enum tl_status rc = tl_store_get(st, TL_K_MEETING, id, m, err);

	if (rc == TL_ENOTFOUND)
		return tl_error_set(err, TL_EINVAL,
				    _("Meeting: no meeting has the id %s."), id);
	return rc;
}

static bool is_signed(const struct tl_record *m)
{
	return !strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed");
}

enum tl_status tl_store_sign(struct tl_store *st, const char *meeting_id,
			     const char *person_id, const char *role,
			     struct tl_error *err)
{
	struct tl_record *m = NULL, *sig;
	char now[TL_DATETIME_SIZE];
	const struct tl_eq eq[] = {
		{TL_SIGNATURE_MEETING, meeting_id},
		{TL_SIGNATURE_PERSON, person_id},
	};
	struct tl_query q = {.kind = TL_K_SIGNATURE, .parent = meeting_id};
	enum tl_status rc;
	bool done = false;
	long n = 0;

	if (!meeting_id || !person_id)
		return tl_error_set(err, TL_EINVAL, _("Say which meeting is "
				    "signed, and by whom."));
	rc = get_meeting(st, meeting_id, &m, err);
	if (rc != TL_OK)
		return rc;
	rc = is_signed(m) ? tl_locked_error(err) : TL_OK;
	tl_record_free(m);
	if (rc != TL_OK)
		return rc;
	rc = st->ops->find(st, TL_K_SIGNATURE, eq, 2, NULL, NULL, &done,
			   err);
	if (rc != TL_OK)
		return rc;
	if (done)
		return tl_error_set(err, TL_EREFUSED, _("They have signed the "
				    "meeting already."));

	sig = tl_record_new(TL_K_SIGNATURE);
	if (!sig)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(sig);
		return rc;
	}
	/* The first signature starts justering: what the meeting reports
	 * is claimed while it is still open. */
	rc = st->ops->count(st, &q, &n, err);
	if (rc == TL_OK && n == 0)
		rc = tl_store_claim_reported(st, meeting_id, NULL, err);
	tl_clock_datetime(now);
	if (rc == TL_OK &&
	    (!tl_record_set(sig, TL_SIGNATURE_MEETING, meeting_id) ||
	     !tl_record_set(sig, TL_SIGNATURE_PERSON, person_id) ||
	     !tl_record_set(sig, TL_SIGNATURE_ROLE, role) ||
	     !tl_record_set(sig, TL_SIGNATURE_SIGNED_AT, now)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_insert_internal(st, sig, err);
	tl_record_free(sig);
	return tl_sp_end(st, rc, err);
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
			       long *voided, struct tl_error *err)
{
	struct tl_record *m = NULL;
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
	if (rc == TL_OK && sigs.n == 0)
		rc = tl_error_set(err, TL_EREFUSED, _("No one has signed the "
				  "meeting, so there is no justering to "
				  "reopen."));
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
	snprintf(n, sizeof(n), "signatures: %d", sigs.n);
	if (rc == TL_OK)
		rc = tl_audit_add(st, "meetings", meeting_id, "update",
				  "justering", n,
				  "reopened", err);
	if (rc == TL_OK)
		rc = tl_release_reported(st, meeting_id, err);
	if (rc == TL_OK && voided)
		*voided = sigs.n;
	tl_page_done(&sigs);
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

enum tl_status tl_store_seal(struct tl_store *st, const char *meeting_id,
			     tl_digest_fn digest, void *ctx,
			     struct tl_error *err)
{
	struct tl_record *m = NULL, *seal = NULL;
	char now[TL_DATETIME_SIZE], d[65] = "";
	enum tl_status rc;

	rc = get_meeting(st, meeting_id, &m, err);
	if (rc != TL_OK)
		return rc;
	if (is_signed(m)) {
		tl_record_free(m);
		return tl_error_set(err, TL_EREFUSED,
				    _("The meeting is signed already."));
	}
	rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(m);
		return rc;
	}
	if (!tl_record_set(m, TL_MEETING_STATUS, "signed"))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_update_internal(st, m, err);
	/* Asked now, so that the digest covers the meeting as signed. */
	if (rc == TL_OK)
		rc = digest(ctx, st, meeting_id, d, err);
	if (rc == TL_OK && !digest_ok(d))
		rc = tl_error_set(err, TL_ESYS, _("The digest of the minutes "
				  "could not be made."));
	if (rc == TL_OK && !(seal = tl_record_new(TL_K_SEAL)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK) {
		tl_clock_datetime(now);
		if (!tl_record_set(seal, TL_SEAL_MEETING, meeting_id) ||
		    !tl_record_set(seal, TL_SEAL_DIGEST, d) ||
		    !tl_record_set(seal, TL_SEAL_SEALED_AT, now))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK)
		rc = tl_insert_internal(st, seal, err);
	tl_record_free(seal);
	tl_record_free(m);
	return tl_sp_end(st, rc, err);
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
