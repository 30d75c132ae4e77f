/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * verify.c - `tillit verify`: what can be checked of the meetings under
 * justering or signed, and of the audit log behind them.  Each meeting's
 * frozen minutes against their digest and their recording, the live
 * records against the canonical text frozen with them, each signature
 * against the frozen minutes and the key registered for its signer; and
 * from the audit log, that every meeting it says was signed still is,
 * by the same signers, that every signing key was registered through
 * tillit, and that the log still holds the head each frozen minutes
 * anchored.  Each finding is one sentence, to the caller's callback.
 */
#include "tillit/service/sign.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/export/doc.h"
#include "tillit/export/minutes.h"
#include "tillit/read/present.h"
#include "tillit/service/sshsig.h"
#include "tillit/store/audit.h"
#include "tillit/store/store.h"
#include "justering.h"

/* The digest of the canonical minutes of meeting_id as stored now. */
static enum tl_status minutes_digest(struct tl_store *st,
				     const char *meeting_id, char digest[65],
				     struct tl_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	enum tl_status rc;

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

/* ---- verify ------------------------------------------------------------ */

/* One verification under way. */
struct verify {
	struct tl_store *st;
	struct tl_refs refs;
	tl_verify_cb cb;
	void *ctx;
	struct tl_verify_count *n;
	const char *meeting; /* the meeting being checked */
	const struct log *log;
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

/* ---- what the audit log says -------------------------------------------- */

/* One row of the audit log that verify reads again. */
struct logged {
	long long seq;
	enum { LOG_SIGNED, LOG_SIGNER, LOG_REOPENED, LOG_KEY } what;
	char id[TL_ID_LEN + 1];     /* the meeting, or the person (LOG_KEY) */
	char person[TL_ID_LEN + 1]; /* LOG_SIGNER: who signed */
	char fpr[TL_KEY_FPR_SIZE];  /* LOG_KEY: the key's fingerprint */
};

/* The audit log, as verify reads it: every row's hash (sorted), and the
 * rows about signing and keys, oldest first. */
struct log {
	char first_at[32]; /* when its first row was written */
	char (*hash)[65];
	long nhash;
	struct logged *rows;
	long n;
};

static int cmp_hash(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Keeps row a in l when it is one verify reads again. */
static bool keep_row(struct log *l, const struct tl_audit *a, long *cap)
{
	struct logged x = {.seq = a->seq};
	const char *nv = a->new_value ? a->new_value : "";

	if (!a->field)
		return true;
	if (!strcmp(a->entity, "meetings") && !strcmp(a->field, "status") &&
	    !strcmp(nv, "signed"))
		x.what = LOG_SIGNED;
	else if (!strcmp(a->entity, "meetings") &&
		 !strcmp(a->field, "signature"))
		x.what = LOG_SIGNER;
	else if (!strcmp(a->entity, "meetings") &&
		 !strcmp(a->field, "justering"))
		x.what = LOG_REOPENED;
	else if (!strcmp(a->entity, "people") && !strcmp(a->field, "key"))
		x.what = LOG_KEY;
	else
		return true;
	snprintf(x.id, sizeof(x.id), "%s", a->id);
	if (x.what == LOG_SIGNER)
		snprintf(x.person, sizeof(x.person), "%.*s", TL_ID_LEN, nv);
	if (x.what == LOG_KEY)
		snprintf(x.fpr, sizeof(x.fpr), "%s", nv);
	if (l->n == *cap) {
		struct logged *r = realloc(l->rows, (size_t)(*cap * 2 + 64) *
						     sizeof(*r));
		if (!r)
			return false;
		l->rows = r;
		*cap = *cap * 2 + 64;
	}
	l->rows[l->n++] = x;
	return true;
}

/* Reads the audit log into l, a page at a time (newest first). */
static enum tl_status read_log(struct tl_store *st, struct log *l,
			       struct tl_error *err)
{
	long long before = 0;
	long hcap = 0, rcap = 0;
	enum tl_status rc = TL_OK;
	bool oom = false;

	for (;;) {
		struct tl_audit *rows = NULL;
		int n = 0;

		rc = tl_store_audit(st, NULL, before, 1000, &rows, &n, err);
		if (rc != TL_OK || n == 0) {
			tl_audit_free(rows, n);
			break;
		}
		for (int i = 0; i < n && !oom; i++) {
			if (l->nhash == hcap) {
				char (*h)[65] = realloc(l->hash, (size_t)(hcap *
						2 + 1024) * sizeof(*h));
				if (!h) {
					oom = true;
					break;
				}
				l->hash = h;
				hcap = hcap * 2 + 1024;
			}
			snprintf(l->hash[l->nhash++], 65, "%s",
				 rows[i].hash ? rows[i].hash : "");
			oom = !keep_row(l, &rows[i], &rcap);
		}
		before = rows[n - 1].seq;
		snprintf(l->first_at, sizeof(l->first_at), "%s",
			 rows[n - 1].at);
		tl_audit_free(rows, n);
		if (oom)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc != TL_OK)
		return rc;
	if (l->nhash > 1)
		qsort(l->hash, (size_t)l->nhash, sizeof(*l->hash), cmp_hash);
	/* Oldest first. */
	for (long i = 0; i < l->n / 2; i++) {
		struct logged t = l->rows[i];

		l->rows[i] = l->rows[l->n - 1 - i];
		l->rows[l->n - 1 - i] = t;
	}
	return TL_OK;
}

static void log_done(struct log *l)
{
	free(l->hash);
	free(l->rows);
}

/* Whether the log holds a row whose hash is h. */
static bool log_has_hash(const struct log *l, const char *h)
{
	return l->nhash > 0 && bsearch(h, l->hash, (size_t)l->nhash,
				       sizeof(*l->hash), cmp_hash);
}

/* Whether the log says person registered the key with fingerprint fpr. */
static bool log_has_key(const struct log *l, const char *person,
			const char *fpr)
{
	for (long i = 0; l && i < l->n; i++)
		if (l->rows[i].what == LOG_KEY &&
		    !strcmp(l->rows[i].id, person) &&
		    !strcmp(l->rows[i].fpr, fpr))
			return true;
	return false;
}

/* Whether the log says any key was registered for person. */
static bool log_knows_keys(const struct log *l, const char *person)
{
	for (long i = 0; l && i < l->n; i++)
		if (l->rows[i].what == LOG_KEY && !strcmp(l->rows[i].id, person))
			return true;
	return false;
}

/* Every meeting the log says was signed: still signed, with a signature
 * of everyone the log says signed it since its justering last began. */
static enum tl_status check_logged_signed(struct verify *v,
					  const struct log *l,
					  struct tl_error *err)
{
	for (long i = 0; i < l->n; i++) {
		const struct logged *s = &l->rows[i];
		struct tl_record *m = NULL;
		struct tl_page sigs = {0};
		enum tl_status rc;

		if (s->what != LOG_SIGNED)
			continue;
		v->meeting = s->id;
		rc = tl_store_get(v->st, TL_K_MEETING, s->id, &m, err);
		if (rc == TL_ENOTFOUND) {
			tl_error_clear(err);
			finding(v, _("the audit log says it was signed, but it "
				     "is gone"));
			continue;
		}
		if (rc == TL_OK &&
		    strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed"))
			finding(v, _("the audit log says it was signed, but it "
				     "is %s now"),
				_(tl_record_str(m, TL_MEETING_STATUS)));
		tl_record_free(m);
		if (rc == TL_OK)
			rc = tl_store_signatures(v->st, s->id, &sigs, err);
		/* Who signed since justering last began, by the log. */
		for (long k = i - 1; rc == TL_OK && k >= 0; k--) {
			const struct logged *g = &l->rows[k];
			bool found = false;

			if (strcmp(g->id, s->id))
				continue;
			if (g->what == LOG_REOPENED)
				break;
			if (g->what != LOG_SIGNER)
				continue;
			for (int j = 0; j < sigs.n && !found; j++)
				found = !strcmp(tl_record_str(sigs.recs[j],
						TL_SIGNATURE_PERSON), g->person);
			if (!found)
				finding(v, _("the audit log says %s signed it, "
					     "but their signature is gone"),
					tl_refs_title(&v->refs, TL_K_PERSON,
						      g->person));
		}
		tl_page_done(&sigs);
		if (rc != TL_OK)
			return rc;
	}
	return TL_OK;
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

	rc = tl_jus_minutes_text(v->st, v->meeting, &tl_doc_canon, &live, err);
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
	rc = tl_jus_replay_text(tl_record_str(seal, TL_SEAL_ELEMENTS), &tl_doc_txt,
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
	/* A log that begins after the freezing (a database made by an
	 * import) cannot hold the row the minutes anchored.  The foot
	 * holds two SHA-256s, the content's and the log's head (in whatever
	 * language it was frozen): one must be in the log. */
	if (v->log && strcmp(v->log->first_at, seal->created_at) < 0) {
		char head[65] = "";
		int hashes = 0;
		bool held = false;

		for (const char *p = document; *p; p++) {
			size_t k = strspn(p, "0123456789abcdef");

			if (k == 64 && (p == document ||
					!strchr("0123456789abcdef", p[-1]))) {
				snprintf(head, sizeof(head), "%.64s", p);
				held |= log_has_hash(v->log, head);
				hashes++;
			}
			p += k ? k - 1 : 0;
		}
		if (hashes >= 2 && !held)
			finding(v, _("the audit log was rewritten before these "
				     "minutes were frozen: it no longer holds "
				     "the row they anchored (%.12s…)"), head);
	}
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
	enum tl_status rc = minutes_digest(v->st, v->meeting, actual,
					   err);

	if (rc == TL_OK && strcmp(actual, tl_record_str(seal, TL_SEAL_DIGEST)))
		finding(v, _("the content no longer matches its signature"));
	return rc;
}

/* A signature made with the signer's own key, over the frozen minutes:
 * good, made with the key recorded with it, and that the key registered
 * for the signer when they signed. */
static enum tl_status check_key_signature(struct verify *v,
					  const struct tl_record *sg,
					  const struct tl_record *seal,
					  const char *who,
					  struct tl_error *err)
{
	const char *doc = tl_record_get(seal, TL_SEAL_DOCUMENT);
	const char *sig = tl_record_get(sg, TL_SIGNATURE_SSHSIG);
	struct tl_person_key key;
	struct tl_pubkey signer;
	char text[TL_PUBKEY_TEXT_SIZE], fpr[TL_PUBKEY_FPR_SIZE];
	const char *person;
	enum tl_status rc;

	v->n->keys++;
	if (!doc || !sig) {
		finding(v, _("the signature of %s has no SSH signature, or "
			     "nothing frozen to check it against"), who);
		return TL_OK;
	}
	rc = tl_sshsig_verify(sig, doc, strlen(doc), TL_SSHSIG_NAMESPACE,
			      &signer, err);
	if (rc == TL_EINVAL || rc == TL_EREFUSED) {
		size_t len = strlen(err->msg);

		/* One sentence: the reason without its full stop. */
		if (len && err->msg[len - 1] == '.')
			err->msg[len - 1] = '\0';
		finding(v, _("the signature of %s does not match the frozen "
			     "minutes: %s"), who, err->msg);
		tl_error_clear(err);
		return TL_OK;
	}
	if (rc != TL_OK)
		return rc;
	tl_pubkey_text(&signer, text);
	if (strcmp(text, tl_record_str(sg, TL_SIGNATURE_PUBKEY)))
		finding(v, _("the signature of %s was made with another key "
			     "than the one recorded with it"), who);
	tl_pubkey_fingerprint(&signer, fpr);
	person = tl_record_str(sg, TL_SIGNATURE_PERSON);
	rc = tl_store_key_at(v->st, person, sg->created_at, &key, err);
	if (rc == TL_ENOTFOUND && !log_knows_keys(v->log, person)) {
		/* Neither the keys nor the log of that time are here (a
		 * database made by an import): the key cannot be checked. */
		tl_error_clear(err);
		v->n->unchecked++;
		return TL_OK;
	}
	if (rc == TL_ENOTFOUND || (rc == TL_OK && strcmp(key.pubkey, text))) {
		tl_error_clear(err);
		rc = TL_OK;
		finding(v, _("the signature of %s was made with a key that was "
			     "not theirs when they signed"), who);
	} else if (rc == TL_OK && !log_has_key(v->log, person, fpr)) {
		finding(v, _("the key of %s's signature (%s) was never "
			     "registered through tillit: the audit log has no "
			     "row for it"), who, fpr);
	}
	return rc;
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
		rc = tl_jus_signers(v->st, m, &s, &n, err);
	for (int i = 0; rc == TL_OK && i < sigs.n; i++) {
		const struct tl_record *sg = sigs.recs[i];
		const char *who = tl_refs_title(&v->refs, TL_K_PERSON,
				tl_record_get(sg, TL_SIGNATURE_PERSON));
		const char *method = tl_record_str(sg, TL_SIGNATURE_METHOD);

		bool signs = false;

		for (int k = 0; k < n; k++)
			signs |= !strcmp(s[k].person, tl_record_str(sg,
						TL_SIGNATURE_PERSON));
		if (!signs)
			finding(v, _("%s has a signature on it, but does not "
				     "sign it"), who);
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
				rc = tl_jus_is_frozen(v->st, page->recs[i]->id,
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
	struct log log = {0};
	struct verify v = {.st = st, .cb = cb, .ctx = ctx,
			   .n = count ? count : &dummy, .log = &log};
	enum tl_status rc;

	memset(v.n, 0, sizeof(*v.n));
	tl_refs_init(&v.refs, st);
	rc = read_log(st, &log, err);
	if (rc == TL_OK && meeting_id) {
		struct tl_record *m = NULL;
		bool frozen = false;

		rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m, err);
		if (rc == TL_OK)
			rc = tl_jus_is_frozen(st, meeting_id, &frozen, err);
		if (rc == TL_OK && !frozen &&
		    strcmp(tl_record_str(m, TL_MEETING_STATUS), "signed"))
			rc = tl_error_set(err, TL_EREFUSED, _("The meeting is "
					  "neither under justering nor signed, "
					  "so there is nothing to check."));
		if (rc == TL_OK)
			rc = verify_one(&v, m, err);
		tl_record_free(m);
	} else if (rc == TL_OK) {
		rc = verify_all(&v, "signed", err);
		if (rc == TL_OK)
			rc = verify_all(&v, "held", err);
		/* What the log says was signed and is no longer. */
		if (rc == TL_OK)
			rc = check_logged_signed(&v, &log, err);
	}
	log_done(&log);
	tl_refs_done(&v.refs);
	return rc;
}
