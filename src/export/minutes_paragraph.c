/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * minutes_paragraph.c - what a § records besides its decision, as the law
 * records it (issue 16): the decision basis, who was disqualified and who
 * decided when that is not everyone, the motions, the order of decision,
 * the votes with each member's ballot, and after the decision the
 * reservations, the protokollsanteckningar and the recipients.  Said
 * through the document writer, so the canonical text that signing
 * digests holds them too.
 */
#include "minutes_doc.h"

#include "tillit/core/date.h"
#include "tillit/core/paragraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool of_item(const struct tl_record *r, int f, const char *item)
{
	const char *v = tl_record_get(r, f);

	return v && !strcmp(v, item);
}

static bool entry_is(const struct tl_record *e, const char *item,
		     const char *kind)
{
	const char *k = tl_record_get(e, TL_ENTRY_KIND);

	return of_item(e, TL_ENTRY_ITEM, item) && k && !strcmp(k, kind);
}

/* "Name: text", or the name or text alone. */
static char *who_said(struct tl_minutes_doc *m, const char *person,
		      const char *text)
{
	if (person && text)
		return tl_doc_printf(m->d, "%s: %s",
				     tl_minutes_person(m, person), text);
	return tl_doc_printf(m->d, "%s", person ? tl_minutes_person(m, person)
						: text ? text : "");
}

/* The entries of one kind on the §, each as a labelled text. */
static void entries(struct tl_minutes_doc *m, const char *item,
		    const char *kind, const char *label)
{
	const struct tl_rec_list *l = &m->md.entries;

	for (int i = 0; i < l->n; i++) {
		const struct tl_record *e = l->v[i];
		char *s;

		if (!entry_is(e, item, kind))
			continue;
		s = who_said(m, tl_record_get(e, TL_ENTRY_PERSON),
			     tl_record_get(e, TL_ENTRY_TEXT));
		tl_doc_labelled(m->d, label, s);
		free(s);
	}
}

/* Whether the decision-makers of item i are everyone who decided a §
 * of the meeting: then the attendance says who they are. */
static bool everyone_decides(const struct tl_minutes_doc *m, int i)
{
	const struct tl_deciders *d = &m->md.deciders[i];

	for (int j = 0; j < m->md.items.n; j++) {
		const struct tl_deciders *o = &m->md.deciders[j];

		for (int k = 0; k < o->n; k++)
			if (!tl_deciders_has(d, o->ids[k]))
				return false;
	}
	return true;
}

/* The person of participant k, when `d` holds them. */
static const char *part_in(const struct tl_minutes_doc *m, int k,
			   const struct tl_deciders *d)
{
	const char *p = tl_record_get(m->md.parts.v[k], TL_PART_PERSON);

	return tl_deciders_has(d, p) ? p : NULL;
}

/* The ballot of `person` in vote v, or NULL. */
static const struct tl_record *ballot_of(const struct tl_minutes_doc *m,
					 const struct tl_record *v,
					 const char *person)
{
	for (int b = 0; person && b < m->md.ballots.n; b++) {
		const struct tl_record *bl = m->md.ballots.v[b];

		if (of_item(bl, TL_BALLOT_VOTE, v->id) &&
		    of_item(bl, TL_BALLOT_PERSON, person))
			return bl;
	}
	return NULL;
}

/* The basis, the disqualified, the decision-makers when not everyone's,
 * the motions, the order of decision and the votes. */
void tl_minutes_paragraph_before(struct tl_minutes_doc *m, int i)
{
	struct tl_doc *d = m->d;
	const char *item = m->md.items.v[i]->id;
	const struct tl_rec_list *l = &m->md.entries;
	struct tl_doc_join j;

	if (!m->md.deciders)
		return;
	tl_doc_join_init(d, &j);
	for (int k = 0; k < l->n; k++) {
		const struct tl_record *e = l->v[k];
		const char *ref = tl_record_get(e, TL_ENTRY_CASE_REF);
		char *s;

		if (!entry_is(e, item, "basis"))
			continue;
		s = ref ? tl_doc_printf(d, "%s (%s)",
					tl_record_str(e, TL_ENTRY_TEXT), ref)
			: tl_doc_printf(d, "%s", tl_record_str(e,
							       TL_ENTRY_TEXT));
		tl_doc_join_add(&j, s ? s : "");
		free(s);
	}
	tl_doc_field_own(d, L(m, N_("Decision basis")), tl_doc_join_end(d, &j));
	for (int k = 0; k < l->n; k++) {
		const struct tl_record *e = l->v[k];
		char *s;

		if (!entry_is(e, item, "disqualified"))
			continue;
		s = tl_doc_printf(d, L(m, N_("%s is disqualified (jäv) and "
				  "takes no part in the handling of the "
				  "matter.")), tl_minutes_person(m,
				  tl_record_get(e, TL_ENTRY_PERSON)));
		tl_doc_para(d, s);
		free(s);
	}
	if (!tl_quorum(m->md.deciders[i].n, m->md.deciders[i].seats)) {
		char *s = tl_doc_printf(d, L(m, N_("%d of the committee's %ld "
					"members decide this §; the law wants "
					"more than half.")),
					m->md.deciders[i].n,
					m->md.deciders[i].seats);

		tl_doc_flag(d, L(m, N_("No quorum")), s);
		free(s);
	}
	if (!everyone_decides(m, i)) {
		const struct tl_deciders *dc = &m->md.deciders[i];

		/* In the order of the attendance. */
		tl_doc_join_init(d, &j);
		for (int k = 0; k < m->md.parts.n; k++)
			if (part_in(m, k, dc))
				tl_doc_join_add(&j, tl_minutes_person(m,
						part_in(m, k, dc)));
		tl_doc_field_own(d, L(m, N_("Decision-makers in this §")),
				 tl_doc_join_end(d, &j));
	}
	for (int k = 0; k < m->md.motions.n; k++) {
		const struct tl_record *mo = m->md.motions.v[k];
		const char *st = tl_record_str(mo, TL_MOTION_STATUS);
		char *s, *t;

		if (!of_item(mo, TL_MOTION_ITEM, item))
			continue;
		s = who_said(m, tl_record_get(mo, TL_MOTION_PERSON),
			     tl_record_get(mo, TL_MOTION_TEXT));
		t = !strcmp(st, "standing") ? NULL
		    : tl_doc_printf(d, "%s (%s)", s ? s : "", L(m, st));
		tl_doc_labelled(d, L(m, N_("Motion")), t ? t : s);
		free(s);
		free(t);
	}
	entries(m, item, "procedure", L(m, N_("Order of decision")));
	for (int k = 0; k < m->md.votes.n; k++) {
		const struct tl_record *v = m->md.votes.v[k];
		struct tl_doc_join yes, no, abst;
		char *s;

		if (!of_item(v, TL_VOTE_ITEM, item))
			continue;
		s = tl_doc_printf(d, L(m, N_("%s. Yes %s, no %s, abstained "
				  "%s: %s carries.")),
				  tl_record_str(v, TL_VOTE_PROPOSITION),
				  tl_record_str(v, TL_VOTE_YES),
				  tl_record_str(v, TL_VOTE_NO),
				  tl_record_str(v, TL_VOTE_ABSTAIN),
				  L(m, tl_record_str(v, TL_VOTE_RESULT)));
		tl_doc_labelled(d, L(m, N_("Vote")), s);
		free(s);
		if (!strcmp(tl_record_str(v, TL_VOTE_CASTING), "1"))
			tl_doc_para(d, L(m, N_("The votes were tied; the "
					       "chair's casting vote decided.")));
		tl_doc_join_init(d, &yes);
		tl_doc_join_init(d, &no);
		tl_doc_join_init(d, &abst);
		/* In the order of the attendance. */
		for (int b = 0; b < m->md.parts.n; b++) {
			const char *p = tl_record_get(m->md.parts.v[b],
						      TL_PART_PERSON);
			const struct tl_record *bl = ballot_of(m, v, p);
			const char *c = bl ? tl_record_str(bl,
						TL_BALLOT_CHOICE) : "";

			if (bl)
				tl_doc_join_add(!strcmp(c, "yes") ? &yes
						: !strcmp(c, "no") ? &no
						: &abst,
						tl_minutes_person(m, p));
		}
		tl_doc_field_own(d, L(m, N_("Voted yes")),
				 tl_doc_join_end(d, &yes));
		tl_doc_field_own(d, L(m, N_("Voted no")),
				 tl_doc_join_end(d, &no));
		tl_doc_field_own(d, L(m, N_("Abstained")),
				 tl_doc_join_end(d, &abst));
	}
}

/* The reservations, protokollsanteckningar and recipients. */
void tl_minutes_paragraph_after(struct tl_minutes_doc *m, int i)
{
	struct tl_doc *d = m->d;
	const char *item = m->md.items.v[i]->id;
	const struct tl_rec_list *l = &m->md.entries;
	struct tl_doc_join j;

	if (!m->md.deciders)
		return;
	entries(m, item, "reservation", L(m, N_("Reservation")));
	entries(m, item, "statement", L(m, N_("Note for the record")));
	tl_doc_join_init(d, &j);
	for (int k = 0; k < l->n; k++) {
		const struct tl_record *e = l->v[k];
		const char *p = tl_record_get(e, TL_ENTRY_PERSON);
		const char *u = tl_record_get(e, TL_ENTRY_UNIT);

		if (!entry_is(e, item, "recipient"))
			continue;
		tl_doc_join_add(&j, p ? tl_minutes_person(m, p)
				: u ? tl_minutes_ref(m, TL_K_UNIT, u)
				: tl_record_str(e, TL_ENTRY_TEXT));
	}
	tl_doc_field_own(d, L(m, N_("Sent to")), tl_doc_join_end(d, &j));
	tl_minutes_paragraph_justering(m, i);
}

void tl_minutes_paragraph_justering(struct tl_minutes_doc *m, int i)
{
	struct tl_doc *d = m->d;
	const char *item = m->md.items.v[i]->id;
	const struct tl_rec_list *l = &m->md.entries;
	struct tl_par_justering pj;
	struct tl_doc_join j;
	char when[TL_DATETIME_SIZE], *who, *s;

	/* Signatures, which the digest of what is signed leaves out. */
	if (tl_doc_canonical(d) || !m->md.deciders)
		return;
	tl_paragraph_justering(m->md.kind, m->md.parts.v, m->md.parts.n,
			       l->v, l->n, item, &pj);
	if (pj.nsigned == 0)
		return;
	/* The signers in the attendance's order: the chair first. */
	tl_doc_join_init(d, &j);
	for (int p = 0; p < m->md.parts.n; p++) {
		const char *person = tl_record_get(m->md.parts.v[p],
						   TL_PART_PERSON);

		for (int k = 0; k < l->n; k++)
			if (entry_is(l->v[k], item, "justering") &&
			    of_item(l->v[k], TL_ENTRY_PERSON, person)) {
				tl_doc_join_add(&j, tl_minutes_person(m,
								      person));
				break;
			}
	}
	who = tl_doc_join_end(d, &j);
	if (!tl_stamp_local(pj.at, when))
		snprintf(when, sizeof(when), "%.16s", pj.at);
	s = pj.complete ? tl_doc_printf(d, L(m, N_("The § is justered "
					  "immediately, on %s, by %s.")),
					  when, who ? who : "")
			: tl_doc_printf(d, L(m, N_("Immediate justering, "
					  "signed so far by %s.")),
					  who ? who : "");
	tl_doc_labelled(d, L(m, N_("Justering")), s);
	free(s);
	free(who);
}

bool tl_minutes_paragraph_justered(const struct tl_minutes_doc *m,
				   const char *item)
{
	struct tl_par_justering pj;

	tl_paragraph_justering(m->md.kind, m->md.parts.v, m->md.parts.n,
			       m->md.entries.v, m->md.entries.n, item, &pj);
	return pj.complete;
}

void tl_minutes_paragraph_signatures(struct tl_minutes_doc *m,
				     const char *item)
{
	const struct tl_minutes_signer *order = tl_minutes_signers;
	const struct tl_rec_list *l = &m->md.entries;
	struct tl_doc *d = m->d;
	struct tl_par_justering pj;
	char when[TL_DATETIME_SIZE];
	char *s;

	tl_paragraph_justering(m->md.kind, m->md.parts.v, m->md.parts.n,
			       l->v, l->n, item, &pj);
	tl_doc_section(d, L(m, N_("Signatures")));
	if (!tl_stamp_local(pj.at, when))
		snprintf(when, sizeof(when), "%.16s", pj.at);
	s = tl_doc_printf(d, L(m, N_("At the meeting, %s (immediate "
				     "justering of the §)")), when);
	tl_doc_labelled(d, L(m, N_("Place and time of justering")), s);
	free(s);
	for (int r = 0; r < TL_MINUTES_NSIGNERS; r++)
		for (int i = 0; i < m->md.parts.n; i++) {
			const struct tl_record *p = m->md.parts.v[i];
			const char *person = tl_record_get(p, TL_PART_PERSON);
			const char *at = NULL;

			if (!tl_minutes_role_is(p, order[r].role))
				continue;
			for (int k = 0; k < l->n; k++)
				if (entry_is(l->v[k], item, "justering") &&
				    of_item(l->v[k], TL_ENTRY_PERSON, person))
					at = l->v[k]->created_at;
			if (at && tl_stamp_local(at, when)) {
				char *how = tl_doc_printf(d, L(m, N_("signed "
							  "%s")), when);

				s = tl_doc_printf(d, "%s (%s)",
						  tl_minutes_person(m, person),
						  how ? how : "");
				free(how);
			} else
				s = tl_doc_printf(d, "%s %s",
						  TL_MINUTES_SIGN_LINE,
						  tl_minutes_person(m, person));
			tl_doc_field_own(d, L(m, order[r].label), s);
		}
}
