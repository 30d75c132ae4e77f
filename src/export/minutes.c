/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * minutes.c - the minutes (protokoll) of a committee meeting, a governance
 * dialogue or a forum, and the summary of a one-to-one, made from what was
 * recorded, as Markdown, printable HTML, plain text and the canonical text
 * that signing digests.
 *
 * The meeting is loaded once by the meeting read model (read/meeting.h),
 * in one read snapshot, and said through the document writer
 * (export/doc.h): this file and summary.c say what the minutes hold, the
 * writer's backends how each format spells it.  The sections both forms
 * share are in minutes_records.c.
 *
 * The canonical form is the plain text with English (untranslated) labels
 * and only what signing locks: no meeting status, no follow-up statuses,
 * no "since last time", no reported delegated decisions (they are logged
 * under mandates, which the meeting does not lock) and no signatures.  So
 * the digest stored at signing is the same whatever the language, and
 * whatever happens later to work that goes on after the meeting.
 * Participants are in the one order of core/meeting.h: by role, then by
 * name as the form names them (in the canonical form, which names people
 * by id, by id), then by id.
 */
#include "tillit/export/minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/date.h"
#include "tillit/core/meeting.h"
#include "tillit/export/doc.h"
#include "tillit/export/notice.h"
#include "minutes_doc.h"
#include "tillit/core/i18n.h"
#include "tillit/read/meeting.h"

/* The backend of each format of tl_minutes_write (signing and the
 * preview use these; exports go through the registry's rows). */
static const struct tl_doc_ops *const formats[] = {
	[TL_MINUTES_MD] = &tl_doc_md,
	[TL_MINUTES_HTML] = &tl_doc_html,
	[TL_MINUTES_TXT] = &tl_doc_txt,
	[TL_MINUTES_CANON] = &tl_doc_canon,
};

/* ---- attendance -------------------------------------------------------- */

static bool attended(const struct tl_record *p, const char *value)
{
	return !strcmp(tl_record_str(p, TL_PART_ATTENDANCE), value);
}

/* Present, substitutes, absent, unknown; then chair, secretary and
 * adjusters. */
static void write_attendance(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_rec_list *parts = &m->md.parts;
	struct tl_doc_join present, subst, absent, unknown, chair, secr, adj;

	if (tl_minutes_formal(m)) {
		tl_minutes_formal_attendance(m);
		return;
	}
	if (parts->n == 0)
		return;
	tl_doc_section(d, L(m, N_("Attendance")));
	tl_doc_join_init(d, &present);
	tl_doc_join_init(d, &subst);
	tl_doc_join_init(d, &absent);
	tl_doc_join_init(d, &unknown);
	tl_doc_join_init(d, &chair);
	tl_doc_join_init(d, &secr);
	tl_doc_join_init(d, &adj);
	for (int i = 0; i < parts->n; i++) {
		const struct tl_record *p = parts->v[i];
		const char *role = tl_record_str(p, TL_PART_ROLE);
		/* A member is the default and needs no note. */
		const char *note = tl_minutes_role_is(p, "member") ? NULL
								   : L(m, role);

		if (tl_minutes_role_is(p, "substitute") &&
		    tl_record_get(p, TL_PART_REPLACES)) {
			/* Serving (tjänstgörande ersättare) for a member. */
			const char *att = tl_minutes_attendance_note(m, p);
			char *serves = tl_doc_printf(d, L(m, N_("serving for "
					"%s")), tl_minutes_person(m,
					tl_record_get(p, TL_PART_REPLACES)));
			char *both = att && serves ? tl_doc_printf(d, "%s, %s",
					serves, att) : NULL;

			tl_minutes_join_person(m, &subst, p, both ? both
					       : serves);
			free(serves);
			free(both);
		} else if (tl_minutes_role_is(p, "substitute")) {
			tl_minutes_join_person(m, &subst, p,
					tl_minutes_attendance_note(m, p));
		} else if (attended(p, "present")) {
			tl_minutes_join_person(m, &present, p, note);
		} else if (attended(p, "absent")) {
			tl_minutes_join_person(m, &absent, p, note);
		} else if (attended(p, "excused")) {
			char *both = note ? tl_doc_printf(d, "%s, %s", note,
						L(m, N_("excused")))
					  : NULL;
			tl_minutes_join_person(m, &absent, p, both ? both
						: L(m, N_("excused")));
			free(both);
		} else {
			tl_minutes_join_person(m, &unknown, p, note);
		}
		if (tl_minutes_role_is(p, "chair"))
			tl_minutes_join_person(m, &chair, p, NULL);
		else if (tl_minutes_role_is(p, "secretary"))
			tl_minutes_join_person(m, &secr, p, NULL);
		else if (tl_minutes_role_is(p, "adjuster"))
			tl_minutes_join_person(m, &adj, p, NULL);
	}
	tl_doc_field_own(d, L(m, N_("Present")), tl_doc_join_end(d, &present));
	tl_doc_field_own(d, L(m, N_("Substitutes")),
			 tl_doc_join_end(d, &subst));
	tl_doc_field_own(d, L(m, N_("Absent")), tl_doc_join_end(d, &absent));
	tl_doc_field_own(d, L(m, N_("Attendance not recorded")),
			 tl_doc_join_end(d, &unknown));
	tl_doc_field_own(d, L(m, N_("Chair")), tl_doc_join_end(d, &chair));
	tl_doc_field_own(d, L(m, N_("Secretary")), tl_doc_join_end(d, &secr));
	tl_doc_field_own(d, L(m, N_("Adjusters")), tl_doc_join_end(d, &adj));
}

/* ---- reported delegated decisions -------------------------------------- */

/*
 * Anmälan av delegationsbeslut: the decisions logged under mandates this
 * committee gave that this meeting reports (the read model finds them;
 * each is reported once).  A decision goes to the first meeting on or
 * after the day it was registered that is not yet under justering, so
 * the period is one of registration, and a decision registered earlier
 * that no meeting reported comes with it.
 */
static void write_reported(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_meeting_data *md = &m->md;

	tl_doc_section(d, L(m, N_("Reported delegated decisions")));
	if (md->report_from[0]) {
		char *intro = tl_doc_printf(d, L(m, N_("Decisions taken "
					    "under the committee's "
					    "mandates and registered since "
					    "its previous meeting on %s, "
					    "and earlier ones not yet "
					    "reported.")),
					    md->report_from);
		tl_doc_para(d, intro);
		free(intro);
	} else {
		tl_doc_para(d, L(m, N_("Decisions taken under the "
				       "committee's mandates and registered "
				       "by the day of this meeting (there "
				       "is no previous meeting).")));
	}
	for (int i = 0; i < md->nreported; i++) {
		const struct tl_record *dec = md->reported[i].decision;
		const struct tl_record *mandate = md->reported[i].mandate;
		const char *by = tl_record_get(dec, TL_DECISION_DECIDED_BY);
		const char *cref = tl_record_get(dec, TL_DECISION_CASE_REF);
		char *text = tl_doc_printf(d, "%s: %s",
				tl_record_str(dec, TL_DECISION_DECIDED_ON),
				tl_record_str(dec, TL_DECISION_SUMMARY));
		char *under = tl_doc_printf(d, L(m, N_("under \"%s\"")),
				tl_record_str(mandate, TL_MANDATE_MATTER));
		char *case_s = cref ? tl_doc_printf(d, L(m, N_("case %s")),
						    cref)
				    : NULL;
		struct tl_doc_join j;
		char *meta;

		tl_doc_join_init(d, &j);
		tl_doc_join_add(&j, by ? tl_minutes_person(m, by)
				: tl_minutes_person(m, tl_record_get(
					mandate, TL_MANDATE_GIVEN_TO)));
		if (under)
			tl_doc_join_add(&j, under);
		if (case_s)
			tl_doc_join_add(&j, case_s);
		meta = tl_doc_join_end(d, &j);
		if (text)
			tl_doc_item(d, text, meta);
		free(text);
		free(under);
		free(case_s);
		free(meta);
	}
	if (md->nreported == 0)
		tl_doc_para(d, L(m, N_("No delegated decisions to report.")));
}

/* ---- signatures -------------------------------------------------------- */

/*
 * Who signs (core/meeting.h): the chair and the adjusters of a committee,
 * both parties of a one-to-one, the chair of other meetings.
 */
static bool signs(const struct tl_minutes_doc *m, const struct tl_record *p)
{
	return tl_meeting_role_signs(m->md.kind,
				     tl_record_get(p, TL_PART_ROLE));
}

static int cmp_signature(struct tl_minutes_doc *m, const struct tl_record *a,
			 const struct tl_record *b)
{
	const char *ta = tl_record_get(a, TL_SIGNATURE_SIGNED_AT);
	const char *tb = tl_record_get(b, TL_SIGNATURE_SIGNED_AT);
	int c = tl_meeting_cmp_text(ta, tb);

	if (!c)
		c = tl_meeting_role_rank(tl_record_get(a, TL_SIGNATURE_ROLE)) -
		    tl_meeting_role_rank(tl_record_get(b, TL_SIGNATURE_ROLE));
	if (!c)
		c = tl_collate_cmp(tl_minutes_person(m, tl_record_get(
					a, TL_SIGNATURE_PERSON)),
			   tl_minutes_person(m, tl_record_get(
					b, TL_SIGNATURE_PERSON)));
	return c ? c : strcmp(a->id, b->id);
}

/*
 * SIGNATURES HOOK.  The signatures that signing (sign.h, store migration
 * 2) records: each signer with role and time, "Signed by" once the
 * meeting is signed, "Signed so far" while signatures are still missing.
 * A meeting marked signed without signature records (one from before
 * migration 2) names the people who sign its kind of meeting.  Never in
 * the canonical form: signing must not change its own digest.
 */
char *tl_minutes_signature_text(struct tl_minutes_doc *m,
				 const struct tl_record *sg)
{
	struct tl_doc *d = m->d;
	const char *method = tl_record_str(sg, TL_SIGNATURE_METHOD);
	const char *recorder = tl_record_get(sg, TL_SIGNATURE_RECORDER_NAME);
	char *how = NULL, *s;

	/* Never a paper signature as the person's own. */
	if (!strcmp(method, "paper"))
		how = tl_doc_printf(d, L(m, N_(", on paper, recorded by %s")),
				    recorder ? recorder
				    : tl_minutes_person(m, tl_record_get(
					    sg, TL_SIGNATURE_RECORDED_BY)));
	else if (!strcmp(method, "key"))
		how = tl_doc_printf(d, "%s", L(m, N_(", with their own key")));
	s = tl_doc_printf(d, "%s%s", tl_record_str(sg, TL_SIGNATURE_SIGNED_AT),
			  how ? how : "");
	free(how);
	return s;
}

void tl_minutes_signatures(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	struct tl_page *sigs = &m->md.signatures;
	bool complete = !strcmp(tl_record_str(m->md.meeting,
					      TL_MEETING_STATUS), "signed");
	struct tl_doc_join j;

	if (tl_doc_signing(d))
		return;
	/* A committee's protokoll: a line for each who signs, with the
	 * signature given (minutes_formal.c). */
	if (tl_minutes_formal(m)) {
		tl_doc_section(d, L(m, N_("Signatures")));
		if (sigs->n == 0 && !complete)
			tl_doc_para(d, L(m, N_("The minutes are not justered "
					       "yet.")));
		tl_minutes_signature_lines(m, complete);
		return;
	}
	if (sigs->n == 0 && !complete)
		return;
	/* By time, then as the attendance lists them (within a minute the
	 * store's order would follow the random ids). */
	for (int i = 1; i < sigs->n; i++) {
		struct tl_record *x = sigs->recs[i];
		int k = i - 1;

		while (k >= 0 && cmp_signature(m, sigs->recs[k], x) > 0) {
			sigs->recs[k + 1] = sigs->recs[k];
			k--;
		}
		sigs->recs[k + 1] = x;
	}
	tl_doc_section(d, L(m, N_("Signatures")));
	tl_doc_join_init(d, &j);
	for (int i = 0; i < sigs->n; i++) {
		const struct tl_record *sg = sigs->recs[i];
		/* The name as it was at signing, when recorded. */
		const char *name = tl_record_get(sg, TL_SIGNATURE_NAME);
		char *when = tl_minutes_signature_text(m, sg);
		char *s;

		if (!name)
			name = tl_minutes_person(m, tl_record_get(
						sg, TL_SIGNATURE_PERSON));
		s = tl_doc_printf(d, "%s (%s, %s)", name,
				L(m, tl_record_str(sg, TL_SIGNATURE_ROLE)),
				when ? when : "");
		free(when);
		if (s)
			tl_doc_join_add(&j, s);
		free(s);
	}
	for (int i = 0; sigs->n == 0 && i < m->md.parts.n; i++)
		if (signs(m, m->md.parts.v[i]))
			tl_minutes_join_person(m, &j, m->md.parts.v[i], NULL);
	tl_doc_field_own(d, complete ? L(m, N_("Signed by"))
				     : L(m, N_("Signed so far")),
			 tl_doc_join_end(d, &j));
}

/* ---- an extract ---------------------------------------------------------- */

/*
 * Protokollsutdrag: the header, the attendance, the one §, how far
 * justering has come, and the secretary's certificate that it is a true
 * extract ("Rätt utdraget intygar").  A § justered immediately shows its
 * own justering and notice instead of the protokoll's; as its own small
 * protokoll (m->own), it ends there.
 */
static enum tl_status write_extract(struct tl_store *st,
				    struct tl_minutes_doc *m,
				    struct tl_error *err)
{
	struct tl_doc *d = m->d;
	struct tl_doc_join j;
	char today[TL_DATE_SIZE];
	bool justered = tl_minutes_paragraph_justered(m, m->only_item);
	enum tl_status rc = TL_OK;

	tl_minutes_header(m, false);
	write_attendance(m);
	tl_minutes_items(m);
	if (justered) {
		tl_minutes_paragraph_signatures(m, m->only_item);
		rc = tl_notice_certificate(st, &m->refs, m->md.meeting->id,
					   m->only_item, d, err);
	} else {
		if (!tl_minutes_formal(m) && m->md.signatures.n == 0 &&
		    strcmp(tl_record_str(m->md.meeting, TL_MEETING_STATUS),
			   "signed")) {
			tl_doc_section(d, L(m, N_("Signatures")));
			tl_doc_para(d, L(m, N_("The minutes are not justered "
					       "yet.")));
		}
		tl_minutes_signatures(m);
	}
	if (rc != TL_OK || m->own)
		return rc;
	tl_doc_section(d, L(m, N_("Certified a true extract")));
	tl_doc_join_init(d, &j);
	for (int i = 0; i < m->md.parts.n; i++)
		if (tl_minutes_role_is(m->md.parts.v[i], "secretary"))
			tl_minutes_join_person(m, &j, m->md.parts.v[i], NULL);
	tl_doc_field_own(d, L(m, N_("Secretary")), tl_doc_join_end(d, &j));
	tl_clock_today(today);
	tl_doc_field(d, L(m, N_("Date")), today);
	return TL_OK;
}

enum tl_status tl_extract_write_doc(struct tl_store *st,
				    const char *meeting_id, long number,
				    bool own, const struct tl_doc_ops *ops,
				    FILE *out, struct tl_error *err)
{
	struct tl_doc d;
	struct tl_minutes_doc m = {.d = &d, .own = own};
	enum tl_status rc;

	tl_error_clear(err);
	if (!st || !meeting_id || !out || !ops)
		return tl_error_set(err, TL_EINVAL, _("No meeting given."));
	tl_doc_init(&d, ops, out);
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&m.refs, st);
	/* The live records: what signing locked is what was signed. */
	rc = tl_meeting_read(st, &m.refs, meeting_id, TL_MEETING_PARAGRAPHS |
			     TL_MEETING_SIGNATURES, &m.md, err);
	for (int i = 0; rc == TL_OK && i < m.md.items.n; i++) {
		const char *no = tl_record_get(m.md.items.v[i],
					       TL_ITEM_NUMBER);

		if (no && atol(no) == number)
			m.only_item = m.md.items.v[i]->id;
	}
	if (rc == TL_OK && !m.only_item)
		rc = tl_error_set(err, TL_ENOTFOUND, _("%s has no § %ld."),
				  tl_record_str(m.md.meeting,
						TL_MEETING_TITLE), number);
	if (rc == TL_OK && own &&
	    !tl_minutes_paragraph_justered(&m, m.only_item))
		rc = tl_error_set(err, TL_ENOTFOUND, _("§ %ld of %s is not "
				  "justered immediately, so it has no "
				  "protokoll of its own; export its extract "
				  "instead."), number,
				  tl_record_str(m.md.meeting,
						TL_MEETING_TITLE));
	if (rc == TL_OK)
		rc = write_extract(st, &m, err);
	if (rc == TL_OK)
		tl_doc_end(&d);
	if (rc == TL_OK && d.oom)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && ferror(out))
		rc = tl_error_set(err, TL_ESYS,
				  _("Cannot write the extract."));
	tl_doc_done(&d);
	tl_meeting_data_done(&m.md);
	tl_refs_done(&m.refs);
	tl_store_read_end(st);
	return rc;
}

/* ---- the whole --------------------------------------------------------- */

static void write_minutes(struct tl_minutes_doc *m)
{
	tl_minutes_header(m, false);
	write_attendance(m);
	tl_minutes_items(m);
	tl_minutes_mandates(m);
	tl_minutes_frames(m, L(m, N_("Frames agreed")));
	tl_minutes_followups(m, L(m, N_("Follow-ups")));
	/* Logged under mandates, not locked by signing: not in the digest. */
	if (m->md.committee && !tl_doc_canonical(m->d))
		write_reported(m);
	tl_minutes_signatures(m);
}

static int cmp_mandates(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = tl_meeting_cmp_name(tl_record_get(a, TL_MANDATE_MATTER),
			tl_record_get(b, TL_MANDATE_MATTER));

	return c ? c : strcmp(a->id, b->id);
}

static int cmp_frames(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = tl_meeting_cmp_name(tl_record_get(a, TL_FRAME_DESCRIPTION),
			tl_record_get(b, TL_FRAME_DESCRIPTION));

	return c ? c : strcmp(a->id, b->id);
}

/* Sorts a list with cmp (qsort must not see the NULL of an empty one). */
static void sort_list(struct tl_rec_list *l,
		      int (*cmp)(const void *, const void *))
{
	if (l->n > 1)
		qsort(l->v, (size_t)l->n, sizeof(*l->v), cmp);
}

enum tl_status tl_minutes_write(struct tl_store *st, const char *meeting_id,
				enum tl_minutes_format format, FILE *out,
				struct tl_error *err)
{
	if ((int)format < TL_MINUTES_MD || format > TL_MINUTES_CANON) {
		tl_error_clear(err);
		return tl_error_set(err, TL_EINVAL,
				    _("Unknown minutes format."));
	}
	return tl_minutes_write_doc(st, meeting_id, formats[format], out,
				    err);
}

/* A committee's notice certificate (anslagsbevis) at the foot of its
 * protokoll, once the notice is posted; never in what is signed. */
static enum tl_status certificate(struct tl_store *st,
				  struct tl_minutes_doc *m,
				  struct tl_error *err)
{
	if (!tl_minutes_formal(m) || tl_doc_signing(m->d))
		return TL_OK;
	return tl_notice_certificate(st, &m->refs, m->md.meeting->id, NULL,
				     m->d, err);
}

/*
 * The minutes of a meeting under justering or signed: its frozen
 * elements said again, then the signatures given so far, beside them.
 * *frozen is false (and nothing written) when the meeting is not frozen.
 */
static enum tl_status replay_frozen(struct tl_store *st,
				    const char *meeting_id,
				    struct tl_minutes_doc *m, bool *frozen,
				    struct tl_error *err)
{
	struct tl_record *seal = NULL;
	enum tl_status rc;

	rc = tl_store_frozen_get(st, meeting_id, &seal, err);
	*frozen = rc == TL_OK && seal &&
		  tl_record_get(seal, TL_SEAL_ELEMENTS);
	if (rc == TL_OK && *frozen)
		rc = tl_meeting_read(st, &m->refs, meeting_id,
				     TL_MEETING_SIGNATURES, &m->md, err);
	if (rc == TL_OK &&
	    !tl_doc_replay(m->d, tl_record_get(seal, TL_SEAL_ELEMENTS)))
		rc = tl_error_set(err, TL_EDB, _("The frozen minutes of the "
				  "meeting cannot be read; `tillit verify` "
				  "tells more."));
	if (rc == TL_OK && *frozen) {
		tl_minutes_signatures(m);
		rc = certificate(st, m, err);
		tl_doc_end(m->d);
	}
	tl_record_free(seal);
	return rc;
}

enum tl_status tl_minutes_write_doc(struct tl_store *st,
				    const char *meeting_id,
				    const struct tl_doc_ops *ops, FILE *out,
				    struct tl_error *err)
{
	struct tl_doc d;
	struct tl_minutes_doc m = {.d = &d};
	unsigned flags = TL_MEETING_PARAGRAPHS;
	enum tl_status rc;
	bool frozen = false;

	tl_error_clear(err);
	if (!st || !meeting_id || !out || !ops)
		return tl_error_set(err, TL_EINVAL, _("No meeting given."));
	tl_doc_init(&d, ops, out);
	/* What the canonical form leaves out need not be read for it. */
	if (!tl_doc_canonical(&d))
		flags |= TL_MEETING_PREVIOUS | TL_MEETING_REPORTED |
			 TL_MEETING_SIGNATURES;
	/* One snapshot, so that the minutes agree with themselves. */
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&m.refs, st);
	/* Under justering and once signed, the minutes are the frozen ones,
	 * and only the signatures are read now. */
	if (!tl_doc_signing(&d))
		rc = replay_frozen(st, meeting_id, &m, &frozen, err);
	if (rc == TL_OK && !frozen)
		rc = tl_meeting_read(st, tl_doc_canonical(&d) ? NULL : &m.refs,
				     meeting_id, flags, &m.md, err);
	if (rc == TL_OK && !frozen) {
		sort_list(&m.md.mandates, cmp_mandates);
		sort_list(&m.md.frames, cmp_frames);
		sort_list(&m.md.followups, tl_minutes_cmp_followups);
		if (!strcmp(m.md.kind, "one_to_one"))
			tl_minutes_summary(&m);
		else
			write_minutes(&m);
		rc = certificate(st, &m, err);
		tl_doc_end(&d);
	}
	if (rc == TL_OK && d.oom)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && ferror(out))
		rc = tl_error_set(err, TL_ESYS,
				  _("Cannot write the minutes."));
	tl_doc_done(&d);
	tl_meeting_data_done(&m.md);
	tl_refs_done(&m.refs);
	tl_store_read_end(st);
	return rc;
}
