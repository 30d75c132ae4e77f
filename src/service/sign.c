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
 * against the canonical text.  SHA-256 is Nettle's.
 */
#include "tillit/service/sign.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "tillit/core/i18n.h"
#include "tillit/core/date.h"
#include "tillit/export/doc.h"
#include "tillit/export/minutes.h"
#include "tillit/core/meeting.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"

void tl_sha256_hex(const void *data, size_t len, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t md[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof(md), md);
	for (unsigned int i = 0; i < sizeof(md); i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0x0f];
	}
	out[64] = '\0';
}

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
static enum tl_status minutes_text(struct tl_store *st, const char *meeting_id,
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
static enum tl_status replay_text(const char *elements,
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
	char canon_digest[65], digest[65], now[TL_DATETIME_SIZE];
	enum tl_status rc;

	tl_clock_datetime(now);
	rc = minutes_text(st, meeting_id, &tl_doc_rec, &rec, err);
	if (rc == TL_OK)
		rc = minutes_text(st, meeting_id, &tl_doc_canon, &canon, err);
	if (rc == TL_OK) {
		const char *foot[] = {
			_("Frozen at"), now,
			content_label(), canon_digest,
			NULL,
		};

		tl_sha256_hex(canon, strlen(canon), canon_digest);
		/* The foot goes into the recording itself, so that every
		 * format shows what the signatures cover. */
		rc = replay_text(rec, &tl_doc_rec, foot, &elements, err);
	}
	if (rc == TL_OK)
		rc = replay_text(elements, &tl_doc_txt, NULL, &document, err);
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
		rc = signers_of(st, *m, s, n, err);
	if (rc == TL_OK && *n == 0)
		rc = tl_error_set(err, TL_EREFUSED, _("No one can sign the "
				  "meeting yet (%s); record them as "
				  "participants first."),
				  who_signs(tl_record_str(*m,
							  TL_MEETING_KIND)));
	return rc;
}

/* Whether meeting_id's minutes are frozen. */
static enum tl_status is_frozen(struct tl_store *st, const char *meeting_id,
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
		rc = is_frozen(st, meeting_id, &frozen, err);
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

/* How one signature is to be made, checked: `rec` filled for the store. */
static enum tl_status check_how(struct tl_store *st, const char *meeting_id,
				const char *person_id,
				const struct tl_sign_how *how,
				struct tl_sign_rec *rec,
				struct tl_error *err)
{
	(void)st;
	(void)meeting_id;
	(void)person_id;
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
		rc = is_frozen(st, meeting_id, &frozen, err);
	if (rc == TL_OK && !frozen)
		rc = freeze(st, meeting_id, err);
	if (rc == TL_OK) {
		rec.role = s[k].role;
		rc = check_how(st, meeting_id, person_id, how, &rec, err);
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

/* ---- verify ------------------------------------------------------------ */

/* One verification under way. */
struct verify {
	struct tl_store *st;
	struct tl_refs refs;
	tl_verify_cb cb;
	void *ctx;
	struct tl_verify_count *n;
	const char *meeting; /* the meeting being checked */
};

static void finding(struct verify *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports one finding on v->meeting. */
static void finding(struct verify *v, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	v->n->findings++;
	if (v->cb)
		v->cb(v->ctx, v->meeting, buf);
}

/* The lines of text (a copy, cut at its newlines) into *lines; *n of
 * them.  False out of memory. */
static bool split_lines(const char *text, char **copy, char ***lines, int *n)
{
	int cap = 1;

	*n = 0;
	*lines = NULL;
	if (!(*copy = strdup(text)))
		return false;
	for (const char *p = text; *p; p++)
		cap += *p == '\n';
	if (!(*lines = calloc((size_t)cap, sizeof(**lines))))
		return false;
	for (char *p = *copy; *p;) {
		char *nl = strchr(p, '\n');

		(*lines)[(*n)++] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return true;
}

/* The lines of a that b has not (each line of b matched once) as
 * findings: what the signed minutes say that the live records no longer
 * do (gone), or the other way round; at most *left of them. */
static void diff_lines(struct verify *v, const char *a, const char *b,
		       bool gone, int *left)
{
	char *ca = NULL, *cb = NULL, **la = NULL, **lb = NULL;
	int na = 0, nb = 0;

	if (split_lines(a, &ca, &la, &na) && split_lines(b, &cb, &lb, &nb)) {
		for (int i = 0; i < na; i++) {
			bool found = false;

			for (int k = 0; k < nb && !found; k++)
				if (lb[k] && !strcmp(la[i], lb[k])) {
					lb[k] = NULL;
					found = true;
				}
			if (found || !*la[i] || (*left)-- <= 0)
				continue;
			finding(v, gone ? _("changed since signing; the signed "
					    "minutes say “%s”")
					: _("changed since signing; the records "
					    "now say “%s”"), la[i]);
		}
	}
	free(ca);
	free(cb);
	free(la);
	free(lb);
}

/* The live records against the canonical text frozen with the minutes. */
static enum tl_status check_live(struct verify *v, const char *canon,
				 struct tl_error *err)
{
	char *live = NULL;
	enum tl_status rc;
	int left = 6;

	rc = minutes_text(v->st, v->meeting, &tl_doc_canon, &live, err);
	if (rc == TL_OK && strcmp(live, canon)) {
		diff_lines(v, canon, live, true, &left);
		diff_lines(v, live, canon, false, &left);
		if (left < 0)
			finding(v, _("and %d more changed lines"), -left);
		if (left == 6)
			finding(v, _("the live records differ from what was "
				     "signed (in order only)"));
	}
	free(live);
	return rc;
}

/* The frozen minutes against themselves: their digest, their recording,
 * and the digest of the canonical text at their foot. */
static enum tl_status check_frozen(struct verify *v,
				   const struct tl_record *seal,
				   struct tl_error *err)
{
	const char *document = tl_record_str(seal, TL_SEAL_DOCUMENT);
	const char *canon = tl_record_str(seal, TL_SEAL_CANON);
	char digest[65], *again = NULL;
	enum tl_status rc;

	tl_sha256_hex(document, strlen(document), digest);
	if (strcmp(digest, tl_record_str(seal, TL_SEAL_DIGEST)))
		finding(v, _("the frozen minutes were changed: they no longer "
			     "match the digest stored when they were "
			     "frozen"));
	rc = replay_text(tl_record_str(seal, TL_SEAL_ELEMENTS), &tl_doc_txt,
			 NULL, &again, err);
	if (rc == TL_EDB) {
		tl_error_clear(err);
		rc = TL_OK;
		finding(v, _("the recording of the frozen minutes is "
			     "damaged"));
	} else if (rc == TL_OK && strcmp(again, document)) {
		finding(v, _("the recording of the frozen minutes no longer "
			     "gives the signed text"));
	}
	free(again);
	tl_sha256_hex(canon, strlen(canon), digest);
	if (rc == TL_OK && !strstr(document, digest))
		finding(v, _("the record of what the meeting locked was "
			     "changed after freezing"));
	else if (rc == TL_OK)
		rc = check_live(v, canon, err);
	return rc;
}

/* A meeting sealed before justering froze minutes (schema 6): its
 * digest against the canonical text of the live records. */
static enum tl_status check_legacy(struct verify *v,
				   const struct tl_record *seal,
				   struct tl_error *err)
{
	char actual[65];
	enum tl_status rc = minutes_digest(NULL, v->st, v->meeting, actual,
					   err);

	if (rc == TL_OK && strcmp(actual, tl_record_str(seal, TL_SEAL_DIGEST)))
		finding(v, _("the content no longer matches its signature"));
	return rc;
}

/* A signature made with the signer's own key, over the frozen minutes. */
static enum tl_status check_key_signature(struct verify *v,
					  const struct tl_record *sg,
					  const struct tl_record *seal,
					  const char *who,
					  struct tl_error *err)
{
	(void)seal;
	(void)err;
	v->n->keys++;
	if (!tl_record_get(sg, TL_SIGNATURE_SSHSIG))
		finding(v, _("the signature of %s has no SSH signature"), who);
	return TL_OK;
}

/* Each signature: when it was made, and how. */
static enum tl_status check_signatures(struct verify *v,
				       const struct tl_record *m,
				       const struct tl_record *seal,
				       struct tl_error *err)
{
	struct tl_signer *s = NULL;
	struct tl_page sigs = {0};
	enum tl_status rc;
	int n = 0;

	rc = tl_store_signatures(v->st, m->id, &sigs, err);
	if (rc == TL_OK)
		rc = signers_of(v->st, m, &s, &n, err);
	for (int i = 0; rc == TL_OK && i < sigs.n; i++) {
		const struct tl_record *sg = sigs.recs[i];
		const char *who = tl_refs_title(&v->refs, TL_K_PERSON,
				tl_record_get(sg, TL_SIGNATURE_PERSON));
		const char *method = tl_record_str(sg, TL_SIGNATURE_METHOD);

		if (strcmp(tl_record_str(sg, TL_SIGNATURE_SIGNED_AT),
			   tl_record_str(m, TL_MEETING_STARTS)) < 0)
			finding(v, _("the signature of %s is dated %s, before "
				     "the meeting began"), who,
				tl_record_str(sg, TL_SIGNATURE_SIGNED_AT));
		if (!strcmp(method, "paper")) {
			v->n->paper++;
		} else if (!strcmp(method, "key")) {
			rc = check_key_signature(v, sg, seal, who, err);
		} else {
			v->n->legacy++;
		}
	}
	/* Signed: everyone who signs it has. */
	for (int i = 0; rc == TL_OK && i < n; i++)
		if (!strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed") &&
		    !s[i].has_signed && sigs.n > 0)
			finding(v, _("it is marked signed, but %s has not "
				     "signed it"),
				tl_refs_title(&v->refs, TL_K_PERSON,
					      s[i].person));
	free(s);
	tl_page_done(&sigs);
	return rc;
}

/* One meeting under justering or signed. */
static enum tl_status verify_one(struct verify *v, const struct tl_record *m,
				 struct tl_error *err)
{
	struct tl_record *seal = NULL;
	enum tl_status rc;

	v->meeting = m->id;
	rc = tl_store_frozen_get(v->st, m->id, &seal, err);
	if (rc != TL_OK)
		return rc;
	v->n->meetings++;
	if (!seal)
		finding(v, _("it is marked signed, but nothing was frozen or "
			     "sealed when it was signed"));
	else if (tl_record_get(seal, TL_SEAL_DOCUMENT))
		rc = check_frozen(v, seal, err);
	else
		rc = check_legacy(v, seal, err);
	if (rc == TL_OK)
		rc = check_signatures(v, m, seal, err);
	tl_record_free(seal);
	return rc;
}

/* Every meeting of status `status` that verify checks. */
static enum tl_status verify_all(struct verify *v, const char *status,
				 struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEETING, .status = status,
			     .limit = 1000};
	struct tl_page pages[2] = {{0}, {0}};
	enum tl_status rc;
	int cur = 0;

	/* A page at a time; the page before holds the cursor. */
	for (;;) {
		struct tl_page *page = &pages[cur];

		tl_page_done(page);
		memset(page, 0, sizeof(*page));
		rc = tl_store_list(v->st, &q, page, err);
		for (int i = 0; rc == TL_OK && i < page->n; i++) {
			bool frozen = true;

			if (!strcmp(status, "held"))
				rc = is_frozen(v->st, page->recs[i]->id,
					       &frozen, err);
			if (rc == TL_OK && frozen)
				rc = verify_one(v, page->recs[i], err);
		}
		if (rc != TL_OK || !page->more)
			break;
		q.after = &page->next;
		cur = !cur;
	}
	tl_page_done(&pages[0]);
	tl_page_done(&pages[1]);
	return rc;
}

enum tl_status tl_verify(struct tl_store *st, const char *meeting_id,
			 tl_verify_cb cb, void *ctx,
			 struct tl_verify_count *count, struct tl_error *err)
{
	struct tl_verify_count dummy;
	struct verify v = {.st = st, .cb = cb, .ctx = ctx,
			   .n = count ? count : &dummy};
	enum tl_status rc = TL_OK;

	memset(v.n, 0, sizeof(*v.n));
	tl_refs_init(&v.refs, st);
	if (meeting_id) {
		struct tl_record *m = NULL;
		bool frozen = false;

		rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m, err);
		if (rc == TL_OK)
			rc = is_frozen(st, meeting_id, &frozen, err);
		if (rc == TL_OK && !frozen &&
		    strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed"))
			rc = tl_error_set(err, TL_EREFUSED, _("The meeting is "
					  "neither under justering nor signed, "
					  "so there is nothing to check."));
		if (rc == TL_OK)
			rc = verify_one(&v, m, err);
		tl_record_free(m);
	} else {
		rc = verify_all(&v, "signed", err);
		if (rc == TL_OK)
			rc = verify_all(&v, "held", err);
	}
	tl_refs_done(&v.refs);
	return rc;
}
