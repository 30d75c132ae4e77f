/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * demo_protokoll.c - the demo committee's protokoll as the law records it
 * (issue 16): the parties of its elected members; at Barn- och
 * utbildningsnämnden's meeting a substitute serving for an absent member,
 * and in its §§ motions, the order of decision, an open vote with each
 * member's ballot, a reservation with its reason, a protokollsanteckning,
 * a member disqualified from one §, the decision basis and the recipients;
 * and § 2 justered immediately, at the meeting.
 */
#include "demo.h"

#include <stddef.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"

/* Sets field f of the stored record id of kind to value. */
static void demo_set(struct demo *d, enum tl_kind kind, const char *id, int f,
		     const char *value)
{
	struct tl_record *r = NULL;
	struct tl_error e;

	if (d->rc != TL_OK)
		return;
	demo_check(d, tl_store_get(d->st, kind, id, &r, &e), &e,
		   "cannot read a record");
	if (d->rc == TL_OK && !tl_record_set(r, f, value))
		demo_check(d, tl_error_set(&e, TL_ESYS, _("Out of memory.")),
			   &e, "cannot change a record");
	if (d->rc == TL_OK)
		demo_check(d, tl_store_update(d->st, r, &e), &e,
			   "cannot change a record");
	tl_record_free(r);
}

static void entry(struct demo *d, const char *item, const char *kind,
		  const char *person, const char *unit, const char *text,
		  const char *case_ref)
{
	demo_add(d, TL_K_ENTRY, NULL, TL_ENTRY_ITEM, item, TL_ENTRY_KIND, kind,
		 TL_ENTRY_PERSON, person, TL_ENTRY_UNIT, unit, TL_ENTRY_TEXT,
		 text, TL_ENTRY_CASE_REF, case_ref, DEMO_END);
}

static void ballot(struct demo *d, const char *vote, const char *person,
		   const char *choice)
{
	demo_add(d, TL_K_BALLOT, NULL, TL_BALLOT_VOTE, vote, TL_BALLOT_PERSON,
		 person, TL_BALLOT_CHOICE, choice, DEMO_END);
}

void demo_protokoll(struct demo *d)
{
	static const struct {
		size_t at;
		const char *party;
	} parties[] = {
		{offsetof(struct demo, karin), "S"},
		{offsetof(struct demo, anders), "S"},
		{offsetof(struct demo, lena), "M"},
		{offsetof(struct demo, perolof), "C"},
		{offsetof(struct demo, fatima), "S"},
		{offsetof(struct demo, jonas), "V"},
		{offsetof(struct demo, birgitta), "S"},
		{offsetof(struct demo, hassan), "L"},
	};
	demo_id vote;

	for (size_t i = 0; i < sizeof(parties) / sizeof(parties[0]); i++)
		demo_set(d, TL_K_PERSON, (const char *)d + parties[i].at,
			 TL_PERSON_PARTY, parties[i].party);

	/* § 2: the decision basis, the recipients and a statement. */
	entry(d, d->i_delegation, "basis", NULL, NULL,
	      "Förvaltningens tjänsteskrivelse med förslag till "
	      "delegationsordning", "BUN 2026/45-3");
	entry(d, d->i_delegation, "basis", NULL, NULL,
	      "Förslag till delegationsordning, bilaga 1", "BUN 2026/45-4");
	entry(d, d->i_delegation, "statement", d->perolof, NULL,
	      "Centerpartiet vill att nämnden följer upp efter ett år hur "
	      "delegationen har använts.", NULL);
	entry(d, d->i_delegation, "recipient", d->marta, NULL, NULL, NULL);
	entry(d, d->i_delegation, "recipient", NULL, NULL,
	      "Rektorer och förskolechefer", NULL);
	/* § 2 is justered immediately, at the end of the meeting, so that
	 * the new delegation applies at once (omedelbar justering). */
	tl_clock_set(demo_at(d, "-7d 16:25"));
	entry(d, d->i_delegation, "justering", d->anders, NULL, NULL, NULL);
	entry(d, d->i_delegation, "justering", d->lena, NULL, NULL, NULL);
	entry(d, d->i_delegation, "justering", d->perolof, NULL, NULL, NULL);
	tl_clock_set(NULL);
	/* Its own notice went up the next day: its appeal window runs. */
	demo_add(d, TL_K_NOTICE, NULL, TL_NOTICE_MEETING, d->m_bun,
		 TL_NOTICE_ITEM, d->i_delegation, TL_NOTICE_POSTED_ON,
		 demo_day(d, "-6d"), TL_NOTICE_KEPT_AT,
		 "Barn- och utbildningsförvaltningen, Stadshuset",
		 TL_NOTICE_POSTED_BY, d->sofia, DEMO_END);

	/* § 3: two motions, the order of decision, an open vote and a
	 * reservation. */
	demo_add(d, TL_K_MOTION, NULL, TL_MOTION_ITEM, d->i_budget,
		 TL_MOTION_PERSON, d->lena, TL_MOTION_TEXT, "Bifall till "
		 "förvaltningens förslag.", TL_MOTION_STATUS, "adopted",
		 DEMO_END);
	demo_add(d, TL_K_MOTION, NULL, TL_MOTION_ITEM, d->i_budget,
		 TL_MOTION_PERSON, d->perolof, TL_MOTION_TEXT, "Återremiss "
		 "för att förvaltningen ska ta fram mål för fritidshemmen.",
		 TL_MOTION_STATUS, "rejected", DEMO_END);
	entry(d, d->i_budget, "procedure", NULL, NULL,
	      "Ordföranden frågar först om ärendet ska avgöras i dag och "
	      "finner att så sker. Votering begärs och genomförs.", NULL);
	demo_add(d, TL_K_VOTE, vote, TL_VOTE_ITEM, d->i_budget,
		 TL_VOTE_PROPOSITION, "Ja för att ärendet avgörs i dag, nej "
		 "för återremiss", TL_VOTE_YES, "3", TL_VOTE_NO, "1",
		 TL_VOTE_RESULT, "yes", DEMO_END);
	ballot(d, vote, d->anders, "yes");
	ballot(d, vote, d->lena, "yes");
	ballot(d, vote, d->perolof, "no");
	ballot(d, vote, d->jonas, "yes");
	entry(d, d->i_budget, "reservation", d->perolof, NULL,
	      "Till förmån för eget yrkande. Målen saknar fritidshemmen, "
	      "som en av tre elever går i.", NULL);
	entry(d, d->i_budget, "basis", NULL, NULL, "Förslag till mål och "
	      "budget 2027", "BUN 2026/38-2");
	entry(d, d->i_budget, "recipient", NULL, d->buf, NULL, NULL);

	/* § 5: a member disqualified (her child's school is concerned). */
	entry(d, d->i_lasar, "disqualified", d->lena, NULL, NULL, NULL);
	entry(d, d->i_lasar, "recipient", NULL, d->buf, NULL, NULL);
}
