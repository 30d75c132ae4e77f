/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * minutes_formal.c - the layout municipalities use for a committee's
 * protokoll (issue 16, point 6): the attendance as the law records it
 * (beslutande with their parties, the substitutes who did not serve,
 * others present with their titles, the secretary, the justerare and the
 * place and time of justering), the governance of each § (what or how,
 * who decides, the principles, the grey zone) in a short note after its
 * decision, so that the formal text reads as one, and the signature
 * lines of the secretary, the chair and the justerare with the
 * signatures given.
 *
 * Not in the canonical form, whose digest was stored when earlier
 * meetings were signed and must still come out the same.
 */
#include "minutes_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/meeting.h"
#include "tillit/core/paragraph.h"
#include "tillit/store/paragraph.h"

bool tl_minutes_formal(const struct tl_minutes_doc *m)
{
	return m->md.committee && !tl_doc_canonical(m->d);
}

/* ---- people ------------------------------------------------------------- */

/* "Name (S)": a person with the party when one is recorded. */
static char *name_party(struct tl_minutes_doc *m, const char *id)
{
	const struct tl_record *p = tl_rec_list_find(&m->md.people, id);
	const char *party = p ? tl_record_get(p, TL_PERSON_PARTY) : NULL;
	const char *name = tl_minutes_person(m, id);

	return party ? tl_doc_printf(m->d, "%s (%s)", name, party)
		     : tl_doc_printf(m->d, "%s", name);
}

/* Whether participant p decides any § (every § when none is known). */
static bool decides(const struct tl_minutes_doc *m, const struct tl_record *p)
{
	const char *person = tl_record_get(p, TL_PART_PERSON);
	struct tl_attendee a = {
		.role = tl_record_str(p, TL_PART_ROLE),
		.attendance = tl_record_str(p, TL_PART_ATTENDANCE),
		.replaces = tl_record_get(p, TL_PART_REPLACES) != NULL,
	};

	if (!m->md.deciders || m->md.items.n == 0)
		return tl_attendee_decides(&a, 0);
	for (int i = 0; i < m->md.items.n; i++)
		if (tl_deciders_has(&m->md.deciders[i], person))
			return true;
	return false;
}

/* "§ 4" of the item with id, or NULL (caller frees). */
static char *paragraph_of(struct tl_minutes_doc *m, const char *id)
{
	int i = id ? tl_rec_list_index(&m->md.items, id) : -1;
	char label[32];

	if (i < 0)
		return NULL;
	tl_meeting_item_label(m->md.items.v[i], i + 1, true, label,
			      sizeof(label));
	return tl_doc_printf(m->d, "%s", label);
}

/* Appends ", note" to *s (which it replaces), when note is not NULL. */
static void add_note(struct tl_minutes_doc *m, char **s, const char *note)
{
	char *both;

	if (!note || !*s)
		return;
	both = tl_doc_printf(m->d, "%s, %s", *s, note);
	free(*s);
	*s = both;
}

/* A decision-maker: "Name (S), chair", "Name (V), serving for Name (S)",
 * with the §§ they were there for when not all. */
static char *decision_maker(struct tl_minutes_doc *m,
			    const struct tl_record *p)
{
	const char *replaces = tl_record_get(p, TL_PART_REPLACES);
	char *s = name_party(m, tl_record_get(p, TL_PART_PERSON));
	char *from = paragraph_of(m, tl_record_get(p, TL_PART_FROM_ITEM));
	char *until = paragraph_of(m, tl_record_get(p, TL_PART_UNTIL_ITEM));
	char *x;

	if (replaces) {
		char *whom = name_party(m, replaces);

		x = whom ? tl_doc_printf(m->d, L(m, N_("serving for %s")),
					 whom) : NULL;
		add_note(m, &s, x);
		free(x);
		free(whom);
	} else if (!tl_minutes_role_is(p, "member")) {
		add_note(m, &s, L(m, tl_record_str(p, TL_PART_ROLE)));
	}
	x = from ? tl_doc_printf(m->d, L(m, N_("from %s")), from) : NULL;
	add_note(m, &s, x);
	free(x);
	x = until ? tl_doc_printf(m->d, L(m, N_("until %s")), until) : NULL;
	add_note(m, &s, x);
	free(x);
	free(from);
	free(until);
	return s;
}

/* Another person present: "Name, title (role)" as far as recorded. */
static char *other_present(struct tl_minutes_doc *m,
			   const struct tl_record *p)
{
	const char *id = tl_record_get(p, TL_PART_PERSON);
	const struct tl_record *person = tl_rec_list_find(&m->md.people, id);
	const char *title = person ? tl_record_get(person, TL_PERSON_TITLE)
				   : NULL;
	char *s = tl_doc_printf(m->d, "%s", tl_minutes_person(m, id));

	add_note(m, &s, title);
	if (s && !tl_minutes_role_is(p, "member") &&
	    !tl_minutes_role_is(p, "guest")) {
		char *r = tl_doc_printf(m->d, "%s (%s)", s,
					L(m, tl_record_str(p, TL_PART_ROLE)));

		free(s);
		s = r;
	}
	return s;
}

static void join_own(struct tl_doc_join *j, char *s)
{
	if (s)
		tl_doc_join_add(j, s);
	free(s);
}

void tl_minutes_formal_attendance(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_rec_list *parts = &m->md.parts;
	struct tl_doc_join deciding, subst, others, absent, secr, adj;

	if (parts->n == 0)
		return;
	tl_doc_section(d, L(m, N_("Attendance")));
	tl_doc_join_init(d, &deciding);
	tl_doc_join_init(d, &subst);
	tl_doc_join_init(d, &others);
	tl_doc_join_init(d, &absent);
	tl_doc_join_init(d, &secr);
	tl_doc_join_init(d, &adj);
	for (int i = 0; i < parts->n; i++) {
		const struct tl_record *p = parts->v[i];
		const char *person = tl_record_get(p, TL_PART_PERSON);
		const char *att = tl_record_str(p, TL_PART_ATTENDANCE);

		if (!strcmp(att, "present") && decides(m, p)) {
			join_own(&deciding, decision_maker(m, p));
		} else if (tl_minutes_role_is(p, "substitute") &&
			   !strcmp(att, "present")) {
			join_own(&subst, name_party(m, person));
		} else if (!strcmp(att, "present")) {
			join_own(&others, other_present(m, p));
		} else if (tl_attendee_holds_seat(tl_record_str(
				   p, TL_PART_ROLE)) ||
			   tl_minutes_role_is(p, "substitute")) {
			char *s = name_party(m, person);

			if (strcmp(att, "absent"))
				add_note(m, &s,
					 tl_minutes_attendance_note(m, p));
			join_own(&absent, s);
		}
		if (tl_minutes_role_is(p, "secretary"))
			tl_minutes_join_person(m, &secr, p, NULL);
		else if (tl_minutes_role_is(p, "adjuster"))
			tl_minutes_join_person(m, &adj, p, NULL);
	}
	tl_doc_field_own(d, L(m, N_("Decision-makers")),
			 tl_doc_join_end(d, &deciding));
	tl_doc_field_own(d, L(m, N_("Substitutes not serving")),
			 tl_doc_join_end(d, &subst));
	tl_doc_field_own(d, L(m, N_("Others present")),
			 tl_doc_join_end(d, &others));
	tl_doc_field_own(d, L(m, N_("Absent")), tl_doc_join_end(d, &absent));
	tl_doc_field_own(d, L(m, N_("Secretary")), tl_doc_join_end(d, &secr));
	tl_doc_field_own(d, L(m, N_("Adjusters")), tl_doc_join_end(d, &adj));
	/* After the group, so that its labels stay short. */
	tl_doc_labelled(d, L(m, N_("Place and time of justering")),
			tl_record_get(m->md.meeting, TL_MEETING_JUSTERING));
}

/* ---- the governance of a § ---------------------------------------------- */

void tl_minutes_governance_note(struct tl_minutes_doc *m,
				const struct tl_record *it,
				const char *principles, bool grey)
{
	const char *q = tl_record_get(it, TL_ITEM_QUESTION);
	const char *by = tl_record_get(it, TL_ITEM_DECIDED_BY);
	struct tl_doc_join j;
	char *s;

	tl_doc_join_init(m->d, &j);
	if (q) {
		s = tl_doc_printf(m->d, L(m, N_("a \"%s\" question")),
				  L(m, q));
		join_own(&j, s);
	}
	if (by) {
		s = tl_doc_printf(m->d, L(m, N_("decided by %s")), L(m, by));
		join_own(&j, s);
	}
	if (principles) {
		s = tl_doc_printf(m->d, L(m, N_("principles: %s")),
				  principles);
		join_own(&j, s);
	}
	if (grey)
		tl_doc_join_add(&j, L(m, N_("in the grey zone: the how "
					    "belongs to the "
					    "administration")));
	s = tl_doc_join_end(m->d, &j);
	if (s) {
		char *sentence = tl_doc_printf(m->d, "%s.", s);

		if (grey)
			tl_doc_flag(m->d, L(m, N_("Governance")), sentence);
		else
			tl_doc_labelled(m->d, L(m, N_("Governance")),
					sentence);
		free(sentence);
	}
	free(s);
}

/* ---- signature lines ---------------------------------------------------- */

/* The signature of person among the meeting's, or NULL. */
static const struct tl_record *signature_of(const struct tl_minutes_doc *m,
					    const char *person)
{
	const struct tl_page *sigs = &m->md.signatures;

	for (int i = 0; person && i < sigs->n; i++) {
		const char *p = tl_record_get(sigs->recs[i],
					      TL_SIGNATURE_PERSON);

		if (p && !strcmp(p, person))
			return sigs->recs[i];
	}
	return NULL;
}

const struct tl_minutes_signer tl_minutes_signers[TL_MINUTES_NSIGNERS] = {
	{"secretary", N_("Secretary")},
	{"chair", N_("Chair")},
	{"adjuster", N_("Adjuster")},
};

void tl_minutes_signature_lines(struct tl_minutes_doc *m, bool complete)
{
	const struct tl_minutes_signer *order = tl_minutes_signers;
	struct tl_doc *d = m->d;

	/* A paragraph of its own, so that the lines below align on their
	 * short labels. */
	tl_doc_labelled(d, L(m, N_("Place and time of justering")),
			tl_record_get(m->md.meeting, TL_MEETING_JUSTERING));
	for (int r = 0; r < TL_MINUTES_NSIGNERS; r++) {
		for (int i = 0; i < m->md.parts.n; i++) {
			const struct tl_record *p = m->md.parts.v[i];
			const char *person = tl_record_get(p, TL_PART_PERSON);
			const struct tl_record *sg;
			char *how, *s;

			if (!tl_minutes_role_is(p, order[r].role))
				continue;
			sg = signature_of(m, person);
			how = sg ? tl_minutes_signature_text(m, sg) : NULL;
			/* A signer by the name they had when signing. */
			if (how && tl_record_get(sg, TL_SIGNATURE_NAME))
				s = tl_doc_printf(d, "%s (%s)", tl_record_get(
						sg, TL_SIGNATURE_NAME), how);
			else if (how)
				s = tl_doc_printf(d, "%s (%s)",
						  tl_minutes_person(m, person),
						  how);
			else if (complete && strcmp(order[r].role,
						    "secretary"))
				s = tl_doc_printf(d, "%s (%s)",
						  tl_minutes_person(m, person),
						  L(m, N_("signed")));
			else
				s = tl_doc_printf(d, "%s %s",
						  TL_MINUTES_SIGN_LINE,
						  tl_minutes_person(m, person));
			tl_doc_field_own(d, L(m, order[r].label), s);
			free(how);
		}
	}
}
