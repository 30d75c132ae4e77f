/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sign.c - justering: freezing a meeting's minutes, who signs them, a
 * signature at a time, the meeting becoming signed at the last one, and
 * verifying what was signed.
 *
 * Justering starts when the minutes are sent to justering, or at the
 * first signature: the minutes are written once more through the
 * document writer's recording backend (export/doc.h), and the recording,
 * the plain text said from it (the document the signers sign, with the
 * digest of what the meeting locks at its foot) and the canonical text
 * are stored in the seal (tl_store_freeze).  From then on the minutes of
 * the meeting are that recording, in every format, whatever changes in
 * the live records; `tillit verify` checks the frozen minutes against
 * their digest, the signatures against them, and the live records
 * against the canonical text.  SHA-256 is tl_sha256_hex (store/audit.h).
 */
#include "tillit/service/sign.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tillit/core/i18n.h"
#include "tillit/core/date.h"
#include "tillit/export/doc.h"
#include "tillit/export/minutes.h"
#include "tillit/core/meeting.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/service/sshsig.h"
#include "tillit/store/audit.h"
#include "tillit/store/store.h"
#include "justering.h"

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
enum tl_status tl_jus_signers(struct tl_store *st,
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
		rc = tl_jus_signers(st, m, signers, n, err);
	tl_record_free(m);
	return rc;
}

enum tl_status tl_sign_due(struct tl_store *st, const char *meeting_id,
			   const char *person_id, bool *due,
			   struct tl_error *err)
{
	struct tl_signer *s = NULL;
	int n = 0;
	enum tl_status rc = tl_sign_signers(st, meeting_id, &s, &n, err);

	*due = false;
	for (int i = 0; rc == TL_OK && i < n; i++)
		if (!strcmp(s[i].person, person_id) && !s[i].has_signed)
			*due = true;
	free(s);
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

/* A new string from a memory stream's buffer; NULL (and an error) when
 * the stream failed. */
static enum tl_status close_text(FILE *fp, char **buf, enum tl_status rc,
				 struct tl_error *err)
{
	if (fclose(fp) != 0 && rc == TL_OK)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc != TL_OK) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

/* Meeting_id's minutes through ops, into *out (caller frees). */
enum tl_status tl_jus_minutes_text(struct tl_store *st, const char *meeting_id,
				   const struct tl_doc_ops *ops, char **out,
				   struct tl_error *err)
{
	size_t len = 0;
	FILE *fp = open_memstream(out, &len);

	*out = NULL;
	if (!fp)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	return close_text(fp, out, tl_minutes_write_doc(st, meeting_id, ops,
							fp, err), err);
}

/* A recording said again through ops, into *out (caller frees); with
 * foot, the fields of the foot of the frozen minutes added (may be
 * NULL). */
enum tl_status tl_jus_replay_text(const char *elements,
				  const struct tl_doc_ops *ops,
				  const char *const *foot, char **out,
				  struct tl_error *err)
{
	size_t len = 0;
	FILE *fp = open_memstream(out, &len);
	struct tl_doc d;
	enum tl_status rc = TL_OK;

	*out = NULL;
	if (!fp)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	tl_doc_init(&d, ops, fp);
	if (!tl_doc_replay(&d, elements))
		rc = tl_error_set(err, TL_EDB, _("The frozen minutes cannot "
				  "be read."));
	if (rc == TL_OK && foot) {
		tl_doc_section(&d, _("Frozen for justering"));
		for (int i = 0; foot[i]; i += 2)
			tl_doc_field(&d, foot[i], foot[i + 1]);
	}
	tl_doc_end(&d);
	if (rc == TL_OK && d.oom)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	tl_doc_done(&d);
	return close_text(fp, out, rc, err);
}

const char *tl_jus_head_label(void)
{
	return _("Audit log head");
}

/* The label of the foot's line that carries the canonical digest. */
static const char *content_label(void)
{
	return _("Content digest (SHA-256)");
}

/*
 * Freezes the minutes of meeting_id as they are now (inside the caller's
 * transaction): the recording with its foot, the document said from it,
 * the canonical text, and the document's digest, stored in the seal.
 */
static enum tl_status freeze(struct tl_store *st, const char *meeting_id,
			     struct tl_error *err)
{
	char *rec = NULL, *elements = NULL, *document = NULL, *canon = NULL;
	char canon_digest[65], digest[65], now[TL_DATETIME_SIZE], head[65];
	enum tl_status rc;

	tl_clock_datetime(now);
	rc = tl_jus_minutes_text(st, meeting_id, &tl_doc_rec, &rec, err);
	if (rc == TL_OK)
		rc = tl_jus_minutes_text(st, meeting_id, &tl_doc_canon, &canon, err);
	/* The audit log up to here: signed, it anchors the log. */
	if (rc == TL_OK)
		rc = tl_store_audit_head(st, head, err);
	if (rc == TL_OK) {
		const char *foot[] = {
			_("Frozen at"), now,
			content_label(), canon_digest,
			tl_jus_head_label(), head,
			NULL,
		};

		tl_sha256_hex(canon, strlen(canon), canon_digest);
		/* The foot goes into the recording itself, so that every
		 * format shows what the signatures cover. */
		rc = tl_jus_replay_text(rec, &tl_doc_rec, foot, &elements, err);
	}
	if (rc == TL_OK)
		rc = tl_jus_replay_text(elements, &tl_doc_txt, NULL, &document, err);
	if (rc == TL_OK) {
		struct tl_frozen f = {.document = document,
				      .elements = elements, .canon = canon,
				      .digest = digest};

		tl_sha256_hex(document, strlen(document), digest);
		rc = tl_store_freeze(st, meeting_id, &f, err);
	}
	free(rec);
	free(elements);
	free(document);
	free(canon);
	return rc;
}

/* The meeting, checked to be one that can go to justering: held, with
 * someone to sign it.  *s and *n are its signers. */
static enum tl_status signable(struct tl_store *st, const char *meeting_id,
			       struct tl_record **m, struct tl_signer **s,
			       int *n, struct tl_error *err)
{
	enum tl_status rc;

	*m = NULL;
	*s = NULL;
	*n = 0;
	rc = tl_store_get(st, TL_K_MEETING, meeting_id, m, err);
	if (rc == TL_OK)
		rc = check_signable(*m, err);
	if (rc == TL_OK)
		rc = tl_jus_signers(st, *m, s, n, err);
	if (rc == TL_OK && *n == 0)
		rc = tl_error_set(err, TL_EREFUSED, _("No one can sign the "
				  "meeting yet (%s); record them as "
				  "participants first."),
				  who_signs(tl_record_str(*m,
							  TL_MEETING_KIND)));
	return rc;
}

/* Whether meeting_id's minutes are frozen. */
enum tl_status tl_jus_is_frozen(struct tl_store *st, const char *meeting_id,
				bool *frozen, struct tl_error *err)
{
	struct tl_record *seal = NULL;
	enum tl_status rc = tl_store_frozen_get(st, meeting_id, &seal, err);

	*frozen = seal != NULL;
	tl_record_free(seal);
	return rc;
}

enum tl_status tl_justering_start(struct tl_store *st, const char *meeting_id,
				  bool *started, struct tl_error *err)
{
	struct tl_record *m = NULL;
	struct tl_signer *s = NULL;
	enum tl_status rc;
	bool frozen = false;
	int n = 0;

	if (started)
		*started = false;
	rc = tl_store_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = signable(st, meeting_id, &m, &s, &n, err);
	if (rc == TL_OK)
		rc = tl_jus_is_frozen(st, meeting_id, &frozen, err);
	if (rc == TL_OK && !frozen)
		rc = freeze(st, meeting_id, err);
	if (rc == TL_OK)
		rc = tl_store_commit(st, err);
	else
		tl_store_rollback(st);
	if (rc == TL_OK && started)
		*started = !frozen;
	free(s);
	tl_record_free(m);
	return rc;
}

enum tl_status tl_justering_document(struct tl_store *st,
				     const char *meeting_id, char **document,
				     struct tl_error *err)
{
	struct tl_record *seal = NULL;
	enum tl_status rc;

	*document = NULL;
	rc = tl_store_frozen_get(st, meeting_id, &seal, err);
	if (rc == TL_OK && (!seal || !tl_record_get(seal, TL_SEAL_DOCUMENT)))
		rc = tl_error_set(err, TL_EREFUSED, _("The minutes are not "
				  "frozen for justering; send them to "
				  "justering first (tillit sign MEETING "
				  "--send)."));
	if (rc == TL_OK &&
	    !(*document = strdup(tl_record_get(seal, TL_SEAL_DOCUMENT))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	tl_record_free(seal);
	return rc;
}

/* The key of an SSH signature by person_id over the frozen minutes of
 * meeting_id, checked against the key registered for them, into
 * pubkey. */
static enum tl_status check_sshsig(struct tl_store *st, const char *meeting_id,
				   const char *person_id, const char *sshsig,
				   char pubkey[TL_PUBKEY_TEXT_SIZE],
				   struct tl_error *err)
{
	struct tl_person_key key;
	struct tl_pubkey signer;
	struct tl_refs refs;
	char *doc = NULL, fpr[TL_PUBKEY_FPR_SIZE];
	enum tl_status rc;

	rc = tl_justering_document(st, meeting_id, &doc, err);
	if (rc == TL_OK)
		rc = tl_sshsig_verify(sshsig, doc, strlen(doc),
				      TL_SSHSIG_NAMESPACE, &signer, err);
	free(doc);
	if (rc != TL_OK)
		return rc;
	tl_pubkey_text(&signer, pubkey);
	tl_pubkey_fingerprint(&signer, fpr);
	rc = tl_store_key_at(st, person_id, NULL, &key, err);
	tl_refs_init(&refs, st);
	if (rc == TL_ENOTFOUND) {
		tl_error_clear(err);
		rc = tl_error_set(err, TL_EREFUSED, _("%s has no registered "
				  "key to check the signature with; register "
				  "it first (tillit person key PERSON "
				  "FILE.pub)."),
				  tl_refs_title(&refs, TL_K_PERSON, person_id));
	} else if (rc == TL_OK && strcmp(key.pubkey, pubkey)) {
		rc = tl_error_set(err, TL_EREFUSED, _("The signature was made "
				  "with the key %s, which is not the key "
				  "registered for %s (%s)."), fpr,
				  tl_refs_title(&refs, TL_K_PERSON, person_id),
				  key.fingerprint);
	}
	tl_refs_done(&refs);
	return rc;
}

/* How one signature is to be made, checked: `rec` filled for the store
 * (pubkey is where the key's text goes). */
static enum tl_status check_how(struct tl_store *st, const char *meeting_id,
				const char *person_id,
				const struct tl_sign_how *how,
				struct tl_sign_rec *rec,
				char pubkey[TL_PUBKEY_TEXT_SIZE],
				struct tl_error *err)
{
	enum tl_status rc;

	if (how && how->sshsig) {
		rc = check_sshsig(st, meeting_id, person_id, how->sshsig,
				  pubkey, err);
		rec->method = "key";
		rec->sshsig = how->sshsig;
		rec->pubkey = pubkey;
		return rc;
	}
	if (how && how->recorded_by) {
		rec->method = "paper";
		rec->recorded_by = how->recorded_by;
		return TL_OK;
	}
	return tl_error_set(err, TL_EREFUSED, _("A signature is made with "
			    "the signer's own key, or recorded as made on "
			    "paper."));
}

enum tl_status tl_sign_meeting(struct tl_store *st, const char *meeting_id,
			       const char *person_id,
			       const struct tl_sign_how *how, bool *complete,
			       struct tl_error *err)
{
	struct tl_record *m = NULL;
	struct tl_signer *s = NULL;
	struct tl_sign_rec rec = {0};
	struct tl_refs refs;
	char pubkey[TL_PUBKEY_TEXT_SIZE];
	enum tl_status rc;
	bool all = true, frozen = false;
	int n = 0, k;

	if (complete)
		*complete = false;
	if (!meeting_id || !person_id)
		return tl_error_set(err, TL_EINVAL, _("Say which meeting is "
				    "signed, and by whom."));
	/*
	 * Who has signed, and whether this is the last signature, is read
	 * inside the write transaction: two signers at the same moment must
	 * not each think the other has not signed (and leave it unsigned).
	 */
	rc = tl_store_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = signable(st, meeting_id, &m, &s, &n, err);
	tl_refs_init(&refs, st);
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

	/* The first signature freezes the minutes it signs. */
	if (rc == TL_OK)
		rc = tl_jus_is_frozen(st, meeting_id, &frozen, err);
	if (rc == TL_OK && !frozen)
		rc = freeze(st, meeting_id, err);
	if (rc == TL_OK) {
		rec.role = s[k].role;
		rc = check_how(st, meeting_id, person_id, how, &rec, pubkey,
			       err);
	}
	/* The names as they are now, for the minutes to show for good. */
	tl_refs_init(&refs, st);
	if (rc == TL_OK) {
		rec.name = tl_refs_title(&refs, TL_K_PERSON, person_id);
		if (rec.recorded_by)
			rec.recorder_name = tl_refs_title(&refs, TL_K_PERSON,
							  rec.recorded_by);
	}
	/* The signature and, at the last one, the lock go in together. */
	if (rc == TL_OK)
		rc = tl_store_sign(st, meeting_id, person_id, &rec, err);
	tl_refs_done(&refs);
	if (rc == TL_OK && all)
		rc = tl_store_complete(st, meeting_id, err);
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

enum tl_status tl_sign_with_key(struct tl_store *st, const char *meeting_id,
				const char *person_id, const char *keyfile,
				bool *complete, struct tl_error *err)
{
	struct tl_sign_how how = {0};
	char path[1024], *doc = NULL, *sig = NULL;
	enum tl_status rc = TL_OK;

	if (!keyfile) {
		struct passwd *pw = getpwuid(geteuid());

		if (!pw || !pw->pw_dir)
			return tl_error_set(err, TL_EINVAL, _("No home folder "
					    "is known; say which key signs with "
					    "--key FILE."));
		snprintf(path, sizeof(path), "%s/.ssh/id_ed25519", pw->pw_dir);
		if (access(path, R_OK) != 0)
			return tl_error_set(err, TL_EINVAL, _("There is no key "
					    "at %s; say which key signs with "
					    "--key FILE (a private key, or a .pub "
					    "file whose key ssh-agent holds)."),
					    path);
		keyfile = path;
	}
	rc = tl_justering_start(st, meeting_id, NULL, err);
	if (rc == TL_OK)
		rc = tl_justering_document(st, meeting_id, &doc, err);
	if (rc == TL_OK)
		rc = tl_sshsig_sign_file(keyfile, doc, strlen(doc),
					 TL_SSHSIG_NAMESPACE, &sig, err);
	how.sshsig = sig;
	if (rc == TL_OK)
		rc = tl_sign_meeting(st, meeting_id, person_id, &how, complete,
				     err);
	free(doc);
	free(sig);
	return rc;
}
