/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * minutes_records.c - the parts that the minutes of a meeting and the
 * summary of a one-to-one share: the header, the agenda items, and the
 * mandates, frames and follow-ups recorded in the meeting, said through
 * the document writer (export/doc.h).
 */
#include "minutes_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/meeting.h"
#include "tillit/core/rules.h"

/* ---- names ------------------------------------------------------------- */

const char *tl_minutes_ref(struct tl_minutes_doc *m, enum tl_kind kind,
			   const char *id)
{
	if (!id)
		return "";
	if (tl_doc_canonical(m->d))
		return id;
	return tl_refs_title(&m->refs, kind, id);
}

const char *tl_minutes_person(struct tl_minutes_doc *m, const char *id)
{
	return tl_minutes_ref(m, TL_K_PERSON, id);
}

static const char *unit_name(struct tl_minutes_doc *m, const char *id)
{
	return tl_minutes_ref(m, TL_K_UNIT, id);
}

bool tl_minutes_role_is(const struct tl_record *p, const char *role)
{
	return !strcmp(tl_record_str(p, TL_PART_ROLE), role);
}

const char *tl_minutes_attendance_note(struct tl_minutes_doc *m,
				       const struct tl_record *p)
{
	const char *att = tl_record_str(p, TL_PART_ATTENDANCE);

	if (!strcmp(att, "present"))
		return NULL;
	if (!*att || !strcmp(att, "unknown"))
		return L(m, N_("attendance not recorded"));
	return L(m, att);
}

void tl_minutes_join_person(struct tl_minutes_doc *m, struct tl_doc_join *j,
			    const struct tl_record *p, const char *note)
{
	const char *name = tl_minutes_person(m, tl_record_get(p,
							      TL_PART_PERSON));
	char *s = note ? tl_doc_printf(m->d, "%s (%s)", name, note) : NULL;

	tl_doc_join_add(j, s ? s : name);
	free(s);
}

int tl_minutes_cmp_followups(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = tl_meeting_cmp_text(tl_record_get(a, TL_FOLLOWUP_DUE),
			tl_record_get(b, TL_FOLLOWUP_DUE));

	if (!c)
		c = tl_meeting_cmp_name(tl_record_get(a, TL_FOLLOWUP_TEXT),
			    tl_record_get(b, TL_FOLLOWUP_TEXT));
	return c ? c : strcmp(a->id, b->id);
}

/* ---- the header -------------------------------------------------------- */

/* "Date" and "Time" of the header, from the meeting's start and end. */
static void header_when(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_record *mt = m->md.meeting;
	const char *starts = tl_record_str(mt, TL_MEETING_STARTS);
	const char *ends = tl_record_get(mt, TL_MEETING_ENDS);
	char date[16];

	snprintf(date, sizeof(date), "%.10s", starts);
	tl_doc_field(d, L(m, N_("Date")), date);
	if (strlen(starts) < 16)
		return;
	if (!ends || strlen(ends) < 16)
		tl_doc_field_own(d, L(m, N_("Time")),
				 tl_doc_printf(d, "%s", starts + 11));
	else if (!strncmp(starts, ends, 10))
		tl_doc_field_own(d, L(m, N_("Time")),
				 tl_doc_printf(d, "%s\xE2\x80\x93%s",
					       starts + 11, ends + 11));
	else
		tl_doc_field_own(d, L(m, N_("Time")),
				 tl_doc_printf(d, "%s \xE2\x80\x93 %s",
					       starts + 11, ends));
}

void tl_minutes_header(struct tl_minutes_doc *m, bool summary)
{
	struct tl_doc *d = m->d;
	const struct tl_record *mt = m->md.meeting;
	const char *unit = tl_record_get(mt, TL_MEETING_UNIT);
	char *title = tl_doc_printf(d, "%s: %s",
				    summary ? L(m, N_("Summary"))
				    : m->own ? L(m, N_("Minutes of a § "
						       "justered immediately"))
				    : m->only_item
				    ? L(m, N_("Extract from the minutes"))
					    : L(m, N_("Minutes")),
				    tl_record_str(mt, TL_MEETING_TITLE));

	/* The title is user text: sanitised like every other. */
	tl_doc_title(d, title);
	free(title);
	if (unit)
		tl_doc_field(d, m->md.committee ? L(m, N_("Committee"))
						: L(m, N_("Unit")),
			     unit_name(m, unit));
	header_when(m);
	tl_doc_field(d, L(m, N_("Place")),
		     tl_record_get(mt, TL_MEETING_LOCATION));
	if (tl_minutes_formal(m) && (!m->only_item || m->own)) {
		char range[64];

		range[0] = '\0';
		for (int i = 0; m->own && i < m->md.items.n; i++)
			if (!strcmp(m->md.items.v[i]->id, m->only_item))
				snprintf(range, sizeof(range), "§ %s",
					 tl_record_str(m->md.items.v[i],
						       TL_ITEM_NUMBER));
		if (!m->own)
			tl_meeting_paragraph_range(m->md.items.v,
						   m->md.items.n, range,
						   sizeof(range));
		tl_doc_field(d, L(m, N_("Paragraphs")),
			     range[0] ? range : NULL);
	}
	/* The status changes when the meeting is signed: not in the digest. */
	if (!tl_doc_signing(d))
		tl_doc_field(d, L(m, N_("Status")),
			     L(m, tl_record_str(mt, TL_MEETING_STATUS)));
	tl_doc_labelled(d, L(m, N_("Notes")),
			tl_record_get(mt, TL_MEETING_NOTES));
}

/* ---- items ------------------------------------------------------------- */

/* The principle names of a tags value ("tillit,kvalitet"). */
static char *principle_names(struct tl_minutes_doc *m, const char *tags)
{
	const struct tl_rec_list *pr = &m->md.principles;
	struct tl_doc_join j;
	char *copy, *save = NULL;

	if (!tags || !*tags)
		return NULL;
	copy = strdup(tags);
	if (!copy) {
		m->d->oom = true;
		return NULL;
	}
	tl_doc_join_init(m->d, &j);
	for (char *k = strtok_r(copy, ",", &save); k;
	     k = strtok_r(NULL, ",", &save)) {
		const char *name = k;
		for (int i = 0; i < pr->n; i++) {
			if (!strcmp(tl_record_str(pr->v[i], TL_PRINCIPLE_KEY),
				    k)) {
				name = tl_record_str(pr->v[i],
						     TL_PRINCIPLE_NAME);
				break;
			}
		}
		tl_doc_join_add(&j, name);
	}
	free(copy);
	return tl_doc_join_end(m->d, &j);
}

/* An item by id, as "§ 4" in a committee and "item 4" elsewhere (for
 * mandates, frames and follow-ups), or NULL. */
static char *item_ref(struct tl_minutes_doc *m, const char *id)
{
	int i = tl_rec_list_index(&m->md.items, id);
	char no[24];

	if (i < 0)
		return NULL;
	tl_meeting_item_no(m->md.items.v[i], i + 1, no, sizeof(no));
	if (m->md.committee)
		return tl_doc_printf(m->d, "\xC2\xA7 %s", no);
	return tl_doc_printf(m->d, L(m, N_("item %s")), no);
}

/* What an item's fields say of its governance: its kind, the question,
 * who decides it, its principles, where it corrects another item, and
 * the grey zone's flag. */
static void governance_fields(struct tl_minutes_doc *m,
			      const struct tl_record *it,
			      const char *principles, bool grey)
{
	struct tl_doc *d = m->d;
	const char *refers = tl_record_get(it, TL_ITEM_REFERS_TO);

	tl_doc_field(d, L(m, N_("Kind")),
		     L(m, tl_record_str(it, TL_ITEM_KIND)));
	if (tl_record_get(it, TL_ITEM_QUESTION))
		tl_doc_field(d, L(m, N_("Question")),
			     L(m, tl_record_str(it, TL_ITEM_QUESTION)));
	if (tl_record_get(it, TL_ITEM_DECIDED_BY))
		tl_doc_field(d, L(m, N_("Decided by")),
			     L(m, tl_record_str(it, TL_ITEM_DECIDED_BY)));
	tl_doc_field(d, L(m, N_("Principles")), principles);
	if (refers)
		tl_doc_field(d, L(m, N_("Corrects")),
			     tl_minutes_ref(m, TL_K_ITEM, refers));
	if (grey)
		tl_doc_flag(d, L(m, N_("Grey zone")),
			    L(m, N_("a \"how\" question decided by "
				    "politics; the how belongs to the "
				    "administration.")));
}

void tl_minutes_items(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_rec_list *items = &m->md.items;
	bool formal = tl_minutes_formal(m);

	if (items->n == 0)
		return;
	tl_doc_section(d, L(m, N_("Items")));
	for (int i = 0; i < items->n; i++) {
		const struct tl_record *it = items->v[i];
		const char *refers = tl_record_get(it, TL_ITEM_REFERS_TO);
		char num[32], *head, *principles;
		bool grey;

		if (m->only_item && strcmp(it->id, m->only_item))
			continue;

		tl_meeting_item_label(it, i + 1, m->md.committee, num,
				      sizeof(num));
		head = tl_doc_printf(d, "%s %s", num,
				     tl_record_str(it, TL_ITEM_TITLE));
		if (head)
			tl_doc_block(d, head);
		free(head);
		tl_doc_field(d, L(m, N_("Case")),
			     tl_record_get(it, TL_ITEM_CASE_REF));
		/* Withdrawn (utgår): the number stays, with the reason. */
		if (!strcmp(tl_record_str(it, TL_ITEM_STATUS), "withdrawn")) {
			tl_doc_para(d, L(m, N_("The item is withdrawn.")));
			tl_doc_para(d, tl_record_get(it, TL_ITEM_NOTES));
			continue;
		}
		principles = principle_names(m, tl_record_get(it,
							      TL_ITEM_TAGS));
		grey = tl_rules_grey_zone(m->md.kind,
					  tl_record_get(it, TL_ITEM_QUESTION),
					  tl_record_get(it,
							TL_ITEM_DECIDED_BY));
		if (!formal)
			governance_fields(m, it, principles, grey);
		else if (refers)
			tl_doc_field(d, L(m, N_("Corrects")),
				     tl_minutes_ref(m, TL_K_ITEM, refers));
		tl_doc_para(d, tl_record_get(it, TL_ITEM_NOTES));
		tl_minutes_paragraph_before(m, i);
		tl_doc_labelled(d, L(m, N_("Decision")),
				tl_record_get(it, TL_ITEM_DECISION));
		tl_minutes_paragraph_after(m, i);
		/* In a protokoll, how the § was governed comes after it,
		 * in a note of its own. */
		if (formal)
			tl_minutes_governance_note(m, it, principles, grey);
		free(principles);
	}
}

/* ---- mandates and frames ----------------------------------------------- */

/* "2026-01-01 – 2026-12-31", "from 2026-01-01", "until ...", or NULL. */
static char *period(struct tl_minutes_doc *m, const char *from,
		    const char *until)
{
	if (from && until)
		return tl_doc_printf(m->d, "%s \xE2\x80\x93 %s", from, until);
	if (from)
		return tl_doc_printf(m->d, L(m, N_("from %s")), from);
	if (until)
		return tl_doc_printf(m->d, L(m, N_("until %s")), until);
	return NULL;
}

void tl_minutes_mandates(struct tl_minutes_doc *m)
{
	struct tl_doc *d = m->d;
	const struct tl_rec_list *mandates = &m->md.mandates;

	if (mandates->n == 0)
		return;
	tl_doc_section(d, L(m, N_("Mandates granted")));
	for (int i = 0; i < mandates->n; i++) {
		const struct tl_record *md = mandates->v[i];
		const char *by_unit = tl_record_get(md,
						    TL_MANDATE_GIVEN_BY_UNIT);
		const char *by_person =
			tl_record_get(md, TL_MANDATE_GIVEN_BY_PERSON);
		long level = atol(tl_record_str(md, TL_MANDATE_LEVEL));
		const char *sub = tl_record_get(md, TL_MANDATE_SUBSTITUTE);

		tl_doc_block(d, tl_record_str(md, TL_MANDATE_MATTER));
		tl_doc_field(d, L(m, N_("Given to")),
			     tl_minutes_person(m, tl_record_get(
				     md, TL_MANDATE_GIVEN_TO)));
		if (by_unit && by_person)
			tl_doc_field_own(d, L(m, N_("Given by")),
					 tl_doc_printf(d, "%s, %s",
						unit_name(m, by_unit),
						tl_minutes_person(m,
								  by_person)));
		else if (by_unit || by_person)
			tl_doc_field(d, L(m, N_("Given by")),
				     by_unit ? unit_name(m, by_unit)
					     : tl_minutes_person(m,
								 by_person));
		tl_doc_field_own(d, L(m, N_("Level")),
				 tl_doc_printf(d, "%ld (%s)", level,
					       L(m, tl_rules_level_name(
						       level))));
		tl_doc_field(d, L(m, N_("Limits")),
			     tl_record_get(md, TL_MANDATE_LIMITS));
		tl_doc_field_own(d, L(m, N_("Valid")),
				 period(m, tl_record_get(
						md, TL_MANDATE_VALID_FROM),
					tl_record_get(md,
						      TL_MANDATE_VALID_UNTIL)));
		tl_doc_field(d, L(m, N_("Legal basis")),
			     tl_record_get(md, TL_MANDATE_LEGAL_BASIS));
		tl_doc_field(d, L(m, N_("Report back")),
			     tl_record_get(md, TL_MANDATE_REPORT_BACK));
		tl_doc_field(d, L(m, N_("Onward delegation")),
			     !strcmp(tl_record_str(md, TL_MANDATE_ONWARD), "1")
				     ? L(m, N_("allowed"))
				     : L(m, N_("not allowed")));
		if (sub)
			tl_doc_field(d, L(m, N_("Substitute")),
				     tl_minutes_person(m, sub));
		tl_doc_field(d, L(m, N_("Case")),
			     tl_record_get(md, TL_MANDATE_CASE_REF));
		tl_doc_field_own(d, L(m, N_("Item")),
				 item_ref(m, tl_record_get(md,
							   TL_MANDATE_ITEM)));
		if (!strcmp(tl_record_str(md, TL_MANDATE_NON_DELEGABLE), "1"))
			tl_doc_flag(d, L(m, N_("Non-delegable")),
				    L(m, N_("marked as a matter on goals, "
					    "direction, scope or quality that "
					    "may not be delegated.")));
	}
}

void tl_minutes_frames(struct tl_minutes_doc *m, const char *heading)
{
	struct tl_doc *d = m->d;
	const struct tl_rec_list *frames = &m->md.frames;

	if (frames->n == 0)
		return;
	tl_doc_section(d, heading);
	for (int i = 0; i < frames->n; i++) {
		const struct tl_record *f = frames->v[i];
		const char *desc = tl_record_str(f, TL_FRAME_DESCRIPTION);
		const char *hp = tl_record_get(f, TL_FRAME_HOLDER_PERSON);
		const char *hu = tl_record_get(f, TL_FRAME_HOLDER_UNIT);
		const char *amount = tl_record_get(f, TL_FRAME_AMOUNT);
		const char *nl = strchr(desc, '\n');
		char *first = nl ? strndup(desc, (size_t)(nl - desc)) : NULL;

		if (nl && !first)
			d->oom = true;
		tl_doc_block(d, first ? first : desc);
		free(first);
		if (nl)
			tl_doc_para(d, nl + 1);
		tl_doc_field(d, L(m, N_("Kind")),
			     L(m, tl_record_str(f, TL_FRAME_KIND)));
		if (hp && hu)
			tl_doc_field_own(d, L(m, N_("Holder")),
					 tl_doc_printf(d, "%s, %s",
						tl_minutes_person(m, hp),
						unit_name(m, hu)));
		else if (hp || hu)
			tl_doc_field(d, L(m, N_("Holder")),
				     hp ? tl_minutes_person(m, hp)
					: unit_name(m, hu));
		if (amount)
			tl_doc_field_own(d, L(m, N_("Amount")),
				tl_doc_printf(d, "%s%s%s", amount,
					tl_record_get(f, TL_FRAME_AMOUNT_UNIT)
						? " " : "",
					tl_record_str(f,
						      TL_FRAME_AMOUNT_UNIT)));
		tl_doc_field(d, L(m, N_("Trust")),
			     L(m, tl_record_str(f, TL_FRAME_TRUST)));
		tl_doc_field(d, L(m, N_("Trust factors")),
			     tl_record_get(f, TL_FRAME_TRUST_FACTORS));
		tl_doc_field(d, L(m, N_("Escalation")),
			     tl_record_get(f, TL_FRAME_ESCALATION));
		tl_doc_field_own(d, L(m, N_("Valid")),
				 period(m, tl_record_get(f,
							 TL_FRAME_VALID_FROM),
					tl_record_get(f,
						      TL_FRAME_VALID_UNTIL)));
		tl_doc_field_own(d, L(m, N_("Item")),
				 item_ref(m, tl_record_get(f, TL_FRAME_ITEM)));
	}
}

/* ---- follow-ups ------------------------------------------------------- */

/* "Owner, due 2026-12-01, § 2" for a follow-up of this meeting. */
static char *followup_meta(struct tl_minutes_doc *m,
			   const struct tl_record *fu)
{
	struct tl_doc *d = m->d;
	const char *due = tl_record_get(fu, TL_FOLLOWUP_DUE);
	char *item = item_ref(m, tl_record_get(fu, TL_FOLLOWUP_ITEM));
	char *due_s = due ? tl_doc_printf(d, L(m, N_("due %s")), due) : NULL;
	struct tl_doc_join j;

	tl_doc_join_init(d, &j);
	tl_doc_join_add(&j, tl_minutes_person(m, tl_record_get(
						      fu, TL_FOLLOWUP_OWNER)));
	if (due_s)
		tl_doc_join_add(&j, due_s);
	tl_doc_join_add(&j, L(m, tl_record_str(fu, TL_FOLLOWUP_KIND)));
	if (item)
		tl_doc_join_add(&j, item);
	free(item);
	free(due_s);
	return tl_doc_join_end(d, &j);
}

void tl_minutes_followups(struct tl_minutes_doc *m, const char *heading)
{
	const struct tl_rec_list *fus = &m->md.followups;

	if (fus->n == 0)
		return;
	tl_doc_section(m->d, heading);
	for (int i = 0; i < fus->n; i++) {
		char *meta = followup_meta(m, fus->v[i]);

		tl_doc_item(m->d, tl_record_str(fus->v[i], TL_FOLLOWUP_TEXT),
			    meta);
		free(meta);
	}
}
