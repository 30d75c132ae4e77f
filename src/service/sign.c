/*
 * sign.c - signing (justering) and verifying: who signs a meeting, a
 * signature at a time, and at the last one the seal, the SHA-256 digest
 * of the canonical minutes (minutes.h), made with Nettle's sha256
 * (tl_sha256_hex, store/audit.h).
 *
 * The digest is taken inside the sealing transaction, after the meeting
 * became signed (tl_store_seal), so it covers the meeting exactly as
 * `tillit verify` finds it later; verify recomputes it from what is
 * stored now and compares.
 */
#include "tillit/service/sign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/export/minutes.h"
#include "tillit/core/meeting.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/audit.h"
#include "tillit/store/store.h"

/* The digest of the canonical minutes of meeting_id as stored now. */
static enum tl_status minutes_digest(void *ctx, struct tl_store *st,
				     const char *meeting_id, char digest[65],
				     struct tl_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	enum tl_status rc;

	(void)ctx;
	digest[0] = '\0';
	if (!fp)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	rc = tl_minutes_write(st, meeting_id, TL_MINUTES_CANON, fp, err);
	if (fclose(fp) != 0 && rc == TL_OK)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		tl_sha256_hex(buf ? buf : "", buf ? len : 0, digest);
	if (rc == TL_OK && !digest[0])
		rc = tl_error_set(err, TL_ESYS, _("The SHA-256 digest could "
				  "not be made."));
	free(buf);
	return rc;
}

/* Who signs a meeting of this kind, as a clause for messages. */
static const char *who_signs(const char *kind)
{
	if (!strcmp(kind, "committee"))
		return _("a committee meeting is signed by its chair and its "
			 "adjusters");
	if (!strcmp(kind, "one_to_one"))
		return _("a one-to-one is confirmed by both parties, the "
			 "manager and the employee");
	return _("the meeting is signed by its chair");
}

/* Every participant of meeting_id into *page (zero it first). */
static enum tl_status participants(struct tl_store *st, const char *meeting_id,
				   struct tl_page *page, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PARTICIPANT, .parent = meeting_id,
			     .limit = 1000};

	return tl_store_list(st, &q, page, err);
}

static int find_signer(const struct tl_signer *s, int n, const char *person)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(s[i].person, person))
			return i;
	return -1;
}

/* The signers of meeting m (a stored meeting record). */
static enum tl_status signers_of(struct tl_store *st,
				 const struct tl_record *m,
				 struct tl_signer **out, int *nout,
				 struct tl_error *err)
{
	const char *const *roles =
		tl_meeting_signing_roles(tl_record_str(m, TL_MEETING_KIND));
	struct tl_page parts = {0}, sigs = {0};
	struct tl_signer *s = NULL;
	enum tl_status rc;
	int n = 0;

	*out = NULL;
	*nout = 0;
	rc = participants(st, m->id, &parts, err);
	if (rc == TL_OK)
		rc = tl_store_signatures(st, m->id, &sigs, err);
	if (rc == TL_OK && parts.n > 0 &&
	    !(s = calloc((size_t)parts.n, sizeof(*s))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* Role by role, so that the chair comes first. */
	for (int r = 0; rc == TL_OK && roles[r]; r++) {
		for (int i = 0; i < parts.n; i++) {
			const struct tl_record *p = parts.recs[i];
			const char *att = tl_record_str(p, TL_PART_ATTENDANCE);
			const char *person = tl_record_str(p, TL_PART_PERSON);

			if (strcmp(tl_record_str(p, TL_PART_ROLE), roles[r]) ||
			    !strcmp(att, "absent") || !strcmp(att, "excused") ||
			    find_signer(s, n, person) >= 0)
				continue;
			snprintf(s[n].person, sizeof(s[n].person), "%s",
				 person);
			snprintf(s[n].role, sizeof(s[n].role), "%s", roles[r]);
			n++;
		}
	}
	for (int i = 0; rc == TL_OK && i < sigs.n; i++) {
		int k = find_signer(s, n, tl_record_str(sigs.recs[i],
							 TL_SIGNATURE_PERSON));
		if (k < 0)
			continue;
		s[k].has_signed = true;
		snprintf(s[k].signed_at, sizeof(s[k].signed_at), "%s",
			 tl_record_str(sigs.recs[i], TL_SIGNATURE_SIGNED_AT));
	}
	tl_page_done(&parts);
	tl_page_done(&sigs);
	if (rc != TL_OK) {
		free(s);
		return rc;
	}
	*out = s;
	*nout = n;
	return TL_OK;
}

enum tl_status tl_sign_signers(struct tl_store *st, const char *meeting_id,
			       struct tl_signer **signers, int *n,
			       struct tl_error *err)
{
	struct tl_record *m = NULL;
	enum tl_status rc;

	*signers = NULL;
	*n = 0;
	rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m, err);
	if (rc == TL_OK)
		rc = signers_of(st, m, signers, n, err);
	tl_record_free(m);
	return rc;
}

/* Refuses a meeting that cannot be signed now, saying why. */
static enum tl_status check_signable(const struct tl_record *m,
				     struct tl_error *err)
{
	const char *status = tl_record_str(m, TL_MEETING_STATUS);

	if (!strcmp(status, "signed"))
		return tl_error_set(err, TL_EREFUSED, _("The meeting is signed "
				    "and locked already."));
	if (strcmp(status, "held"))
		return tl_error_set(err, TL_EREFUSED, _("The meeting is %s, "
				    "not held; it is signed after it has been "
				    "held (close it first)."), _(status));
	return TL_OK;
}

enum tl_status tl_sign_meeting(struct tl_store *st, const char *meeting_id,
			       const char *person_id, bool *complete,
			       struct tl_error *err)
{
	struct tl_record *m = NULL;
	struct tl_signer *s = NULL;
	struct tl_refs refs;
	enum tl_status rc;
	bool all = true;
	int n = 0, k;

	if (complete)
		*complete = false;
	if (!meeting_id || !person_id)
		return tl_error_set(err, TL_EINVAL, _("Say which meeting is "
				    "signed, and by whom."));
	/*
	 * Who has signed, and whether this is the last signature, is read
	 * inside the write transaction: two signers at the same moment must
	 * not each think the other has not signed (and leave no seal).
	 */
	rc = tl_store_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m, err);
	if (rc == TL_OK)
		rc = check_signable(m, err);
	if (rc == TL_OK)
		rc = signers_of(st, m, &s, &n, err);
	tl_refs_init(&refs, st);
	if (rc == TL_OK && n == 0)
		rc = tl_error_set(err, TL_EREFUSED, _("No one can sign the "
				  "meeting yet (%s); record them as "
				  "participants first."),
				  who_signs(tl_record_str(m, TL_MEETING_KIND)));
	k = rc == TL_OK ? find_signer(s, n, person_id) : -1;
	if (rc == TL_OK && k < 0)
		rc = tl_error_set(err, TL_EREFUSED, _("%s does not sign this "
				  "meeting; %s."),
				  tl_refs_title(&refs, TL_K_PERSON, person_id),
				  who_signs(tl_record_str(m, TL_MEETING_KIND)));
	if (rc == TL_OK && s[k].has_signed)
		rc = tl_error_set(err, TL_EREFUSED, _("%s has signed the "
				  "meeting already, on %s."),
				  tl_refs_title(&refs, TL_K_PERSON, person_id),
				  s[k].signed_at);
	tl_refs_done(&refs);
	for (int i = 0; rc == TL_OK && i < n; i++)
		if (i != k && !s[i].has_signed)
			all = false;

	/* The signature and, at the last one, the seal go in together. */
	if (rc == TL_OK)
		rc = tl_store_sign(st, meeting_id, person_id, s[k].role, err);
	if (rc == TL_OK && all)
		rc = tl_store_seal(st, meeting_id, minutes_digest, NULL, err);
	if (rc == TL_OK)
		rc = tl_store_commit(st, err);
	else
		tl_store_rollback(st);
	if (rc == TL_OK && complete)
		*complete = all;
	free(s);
	tl_record_free(m);
	return rc;
}

/* Recomputes one signed meeting's digest and reports a mismatch. */
static enum tl_status verify_one(struct tl_store *st,
				 const struct tl_record *m, tl_verify_cb cb,
				 void *ctx, long *checked, long *bad,
				 struct tl_error *err)
{
	char stored[65], actual[65];
	bool have;
	enum tl_status rc;

	rc = tl_store_seal_get(st, m->id, stored, NULL, err);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return rc;
	have = rc == TL_OK;
	rc = minutes_digest(NULL, st, m->id, actual, err);
	if (rc != TL_OK)
		return rc;
	(*checked)++;
	if (have && !strcmp(stored, actual))
		return TL_OK;
	(*bad)++;
	if (cb)
		cb(ctx, m->id, tl_record_str(m, TL_MEETING_TITLE),
		   have ? stored : NULL, actual);
	return TL_OK;
}

enum tl_status tl_verify_meetings(struct tl_store *st, const char *meeting_id,
				  tl_verify_cb cb, void *ctx, long *checked,
				  long *bad, struct tl_error *err)
{
	long nchecked = 0, nbad = 0;
	enum tl_status rc = TL_OK;

	if (checked)
		*checked = 0;
	if (bad)
		*bad = 0;
	if (meeting_id) {
		struct tl_record *m = NULL;

		rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m, err);
		if (rc == TL_OK &&
		    strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed"))
			rc = tl_error_set(err, TL_EREFUSED, _("The meeting is "
					  "not signed, so there is no digest "
					  "to check."));
		if (rc == TL_OK)
			rc = verify_one(st, m, cb, ctx, &nchecked, &nbad, err);
		tl_record_free(m);
	} else {
		/* Every signed meeting, one at a time. */
		struct tl_query q = {.kind = TL_K_MEETING,
				     .status = "signed"};
		const struct tl_record *m;
		struct tl_iter *it;

		rc = tl_store_iter_new(st, &q, &it, err);
		while (rc == TL_OK &&
		       (rc = tl_store_iter_next(it, &m, err)) == TL_OK && m)
			rc = verify_one(st, m, cb, ctx, &nchecked, &nbad,
					err);
		tl_store_iter_free(it);
	}
	if (checked)
		*checked = nchecked;
	if (bad)
		*bad = nbad;
	return rc;
}
