/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * summary.c - the summary of a one-to-one dialogue: its two parties,
 * "since last time" (what became of the previous meeting's follow-ups,
 * and what is still open from before it), then what was agreed, said
 * through the document writer like the minutes (minutes.c).
 */
#include "minutes_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The two parties of a one-to-one (and anyone else there). */
static void write_parties(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_rec_list *parts = &m->md.parts;
	struct tl_doc_join others;

	if (parts->n == 0)
		return;
	tl_doc_section(d, L(m, N_("Participants")));
	tl_doc_join_init(d, &others);
	for (int i = 0; i < parts->n; i++) {
		const struct tl_record *p = parts->v[i];
		const char *name =
			tl_minutes_person(m, tl_record_get(p, TL_PART_PERSON));
		const char *note = tl_minutes_attendance_note(m, p);
		char *s = note ? tl_doc_printf(d, "%s (%s)", name, note)
			       : NULL;

		if (tl_minutes_role_is(p, "manager"))
			tl_doc_field(d, L(m, N_("Manager")), s ? s : name);
		else if (tl_minutes_role_is(p, "employee"))
			tl_doc_field(d, L(m, N_("Employee")), s ? s : name);
		else
			tl_minutes_join_person(m, &others, p,
				L(m, tl_record_str(p, TL_PART_ROLE)));
		free(s);
	}
	tl_doc_field_own(d, L(m, N_("Also taking part")),
			 tl_doc_join_end(d, &others));
}

/* "Open, due 2026-10-26" / "done: outcome" of an earlier follow-up. */
static char *followup_fate(struct tl_minutes_doc *m,
			   const struct tl_record *fu, bool from_meeting)
{
	struct tl_doc *d = m->d;
	const char *due = tl_record_get(fu, TL_FOLLOWUP_DUE);
	const char *outcome = tl_record_get(fu, TL_FOLLOWUP_OUTCOME);
	const char *mt = tl_record_get(fu, TL_FOLLOWUP_MEETING);
	char *due_s = due ? tl_doc_printf(d, L(m, N_("due %s")), due) : NULL;
	char *status = tl_doc_printf(d, "%s%s%s",
			L(m, tl_record_str(fu, TL_FOLLOWUP_STATUS)),
			outcome ? ": " : "", outcome ? outcome : "");
	char *from = from_meeting && mt
		? tl_doc_printf(d, L(m, N_("from %s")),
				tl_minutes_ref(m, TL_K_MEETING, mt))
		: NULL;
	struct tl_doc_join j;

	tl_doc_join_init(d, &j);
	tl_doc_join_add(&j, tl_minutes_person(m, tl_record_get(
						      fu, TL_FOLLOWUP_OWNER)));
	if (due_s)
		tl_doc_join_add(&j, due_s);
	if (from)
		tl_doc_join_add(&j, from);
	if (status)
		tl_doc_join_add(&j, status);
	free(due_s);
	free(status);
	free(from);
	return tl_doc_join_end(d, &j);
}

/* Sorts n records with the follow-ups' order (not the NULL of none). */
static void sort_followups(struct tl_record **v, int n)
{
	if (n > 1)
		qsort(v, (size_t)n, sizeof(*v), tl_minutes_cmp_followups);
}

/*
 * "Since last time": the follow-ups of the series' previous meeting with
 * their status and outcome, then what is still open from meetings before
 * that one (open follow-ups carry over until they are closed).
 */
static void write_since(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	struct tl_meeting_data *md = &m->md;
	const struct tl_record *prev = md->previous;
	struct tl_record **open;
	char *intro;
	int nopen = 0;

	tl_doc_section(d, L(m, N_("Since last time")));
	if (!prev) {
		tl_doc_para(d, L(m, N_("This is the first meeting of its "
				       "series.")));
		return;
	}
	intro = tl_doc_printf(d, L(m, N_("Follow-ups from %s (%.10s):")),
			      tl_record_str(prev, TL_MEETING_TITLE),
			      tl_record_str(prev, TL_MEETING_STARTS));
	tl_doc_para(d, intro);
	free(intro);
	sort_followups(md->previous_followups.v, md->previous_followups.n);
	for (int i = 0; i < md->previous_followups.n; i++) {
		const struct tl_record *fu = md->previous_followups.v[i];
		char *meta = followup_fate(m, fu, false);

		tl_doc_item(d, tl_record_str(fu, TL_FOLLOWUP_TEXT), meta);
		free(meta);
	}
	if (md->previous_followups.n == 0)
		tl_doc_para(d, L(m, N_("No follow-ups were set then.")));

	/* Still open from meetings of the series before the previous one. */
	open = calloc((size_t)md->carried.n + 1, sizeof(*open));
	if (!open) {
		d->oom = true;
		return;
	}
	for (int i = 0; i < md->carried.n; i++) {
		const struct tl_record *om = tl_meeting_data_series_meeting(
			md, tl_record_get(md->carried.v[i],
					  TL_FOLLOWUP_MEETING));

		if (om && strcmp(tl_record_str(om, TL_MEETING_STARTS),
				 tl_record_str(prev, TL_MEETING_STARTS)) < 0)
			open[nopen++] = md->carried.v[i];
	}
	sort_followups(open, nopen);
	for (int i = 0; i < nopen; i++) {
		char *meta = followup_fate(m, open[i], true);

		if (i == 0)
			tl_doc_para(d, L(m, N_("Still open from earlier "
					       "meetings:")));
		tl_doc_item(d, tl_record_str(open[i], TL_FOLLOWUP_TEXT), meta);
		free(meta);
	}
	free(open);
}

void tl_minutes_summary(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;

	tl_minutes_header(m, true);
	write_parties(m);
	/* What happened to last time's follow-ups changes after signing. */
	if (!tl_doc_signing(d))
		write_since(m);
	tl_minutes_items(m);
	tl_minutes_frames(m, L(m, N_("Agreed frames")));
	tl_minutes_mandates(m);
	tl_minutes_followups(m, L(m, N_("Agreed follow-ups")));
	tl_minutes_signatures(m);
}
