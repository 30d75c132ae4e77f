/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting_paragraph.c - what a § records besides its decision, on the
 * meeting screen (issue 16): in the run's step of an item, its motions,
 * votes with the members' ballots so far, and its entries (reservations,
 * protokollsanteckningar, disqualifications, the decision basis, the
 * recipients and the order of decision), each a line that Enter opens;
 * and the keys that record them on the current item without leaving the
 * keyboard: y a motion, V a vote, B a member's ballot in the item's last
 * vote, R an entry.
 */
#include "meeting.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/paragraph.h"
#include "tillit/ui/recact.h"

static bool of(const struct tl_record *r, int f, const char *id)
{
	const char *v = tl_record_get(r, f);

	return v && id && !strcmp(v, id);
}

/* "Name: text" for a line, with the person's name. */
static void said(struct view *v, const char *person, const char *text,
		 char *buf, size_t size)
{
	const char *name = person ? tl_refs_title(ui_refs(v->app), TL_K_PERSON,
						  person) : NULL;

	if (name && text)
		snprintf(buf, size, "%s: %s", name, text);
	else
		snprintf(buf, size, "%s", name ? name : text ? text : "");
}

static void motions(struct view *v, const struct tl_record *it)
{
	struct meeting_view *mv = v->data;
	const struct tl_rec_list *l = &mv->md.motions;
	char buf[1200], line[1300];
	int n = 0;

	for (int i = 0; i < l->n; i++)
		n += of(l->v[i], TL_MOTION_ITEM, it->id);
	ui_lines_add_heading(&mv->ls, _("Motions"), n);
	for (int i = 0; i < l->n; i++) {
		const struct tl_record *m = l->v[i];

		if (!of(m, TL_MOTION_ITEM, it->id))
			continue;
		said(v, tl_record_get(m, TL_MOTION_PERSON),
		     tl_record_get(m, TL_MOTION_TEXT), buf, sizeof(buf));
		snprintf(line, sizeof(line), "%s  · %s", buf,
			 ui_meeting_label(tl_record_str(m, TL_MOTION_STATUS)));
		ui_lines_add(&mv->ls, line, UI_R_NORMAL, 1, TL_K_MOTION,
			     m->id);
	}
}

static void votes(struct view *v, const struct tl_record *it)
{
	struct meeting_view *mv = v->data;
	const struct tl_rec_list *l = &mv->md.votes;
	char line[1300];
	int n = 0;

	for (int i = 0; i < l->n; i++)
		n += of(l->v[i], TL_VOTE_ITEM, it->id);
	ui_lines_add_heading(&mv->ls, _("Votes"), n);
	for (int i = 0; i < l->n; i++) {
		const struct tl_record *vo = l->v[i];
		int ballots = 0;

		if (!of(vo, TL_VOTE_ITEM, it->id))
			continue;
		for (int b = 0; b < mv->md.ballots.n; b++)
			ballots += of(mv->md.ballots.v[b], TL_BALLOT_VOTE,
				      vo->id);
		snprintf(line, sizeof(line), _("%s: yes %s, no %s, abstained "
			 "%s, %s carries; %d ballots"),
			 tl_record_str(vo, TL_VOTE_PROPOSITION),
			 tl_record_str(vo, TL_VOTE_YES),
			 tl_record_str(vo, TL_VOTE_NO),
			 tl_record_str(vo, TL_VOTE_ABSTAIN),
			 ui_meeting_label(tl_record_str(vo, TL_VOTE_RESULT)),
			 ballots);
		ui_lines_add(&mv->ls, line, UI_R_NORMAL, 1, TL_K_VOTE, vo->id);
	}
}

static void entries(struct view *v, const struct tl_record *it)
{
	struct meeting_view *mv = v->data;
	const struct tl_rec_list *l = &mv->md.entries;
	char buf[1200], line[1300];
	int n = 0;

	for (int i = 0; i < l->n; i++)
		n += of(l->v[i], TL_ENTRY_ITEM, it->id);
	ui_lines_add_heading(&mv->ls, _("Reservations, basis and more"), n);
	for (int i = 0; i < l->n; i++) {
		const struct tl_record *e = l->v[i];
		const char *unit = tl_record_get(e, TL_ENTRY_UNIT);

		if (!of(e, TL_ENTRY_ITEM, it->id))
			continue;
		said(v, tl_record_get(e, TL_ENTRY_PERSON),
		     tl_record_get(e, TL_ENTRY_TEXT), buf, sizeof(buf));
		snprintf(line, sizeof(line), "%s: %s",
			 ui_meeting_label(tl_record_str(e, TL_ENTRY_KIND)),
			 buf[0] || !unit ? buf
			 : tl_refs_title(ui_refs(v->app), TL_K_UNIT, unit));
		ui_lines_add(&mv->ls, line, UI_R_NORMAL, 1, TL_K_ENTRY, e->id);
	}
}

void ui_meeting_add_paragraph(struct view *v, const struct tl_record *it)
{
	struct meeting_view *mv = v->data;
	int i = tl_rec_list_index(&mv->md.items, it->id);
	char line[200];

	if (!ui_meeting_is_committee(mv) || !mv->md.deciders || i < 0)
		return;
	/* A warning, not a block: the secretary records what happened. */
	if (!tl_quorum(mv->md.deciders[i].n, mv->md.deciders[i].seats)) {
		snprintf(line, sizeof(line), _("No quorum: %d of the "
			 "committee's %ld members decide this §; the law wants "
			 "more than half."), mv->md.deciders[i].n,
			 mv->md.deciders[i].seats);
		ui_lines_add(&mv->ls, line, UI_R_WARN, 0, TL_K_NONE, NULL);
	}
	motions(v, it);
	votes(v, it);
	entries(v, it);
}

/* The item's last vote, or NULL. */
static const struct tl_record *last_vote(const struct meeting_view *mv,
					 const struct tl_record *it)
{
	const struct tl_record *last = NULL;

	for (int i = 0; i < mv->md.votes.n; i++)
		if (of(mv->md.votes.v[i], TL_VOTE_ITEM, it->id))
			last = mv->md.votes.v[i];
	return last;
}

void ui_meeting_record_part(struct view *v, const struct tl_record *it,
			    enum tl_kind kind)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *vote = NULL;
	struct tl_record *p;

	if (!ui_meeting_is_committee(mv)) {
		ui_status(v->app, "%s", _("Motions, votes and the other parts "
					  "of a § are a committee's."));
		return;
	}
	if (!it) {
		ui_status(v->app, "%s", _("Select an agenda item first, or run "
					  "the meeting (r) to its item."));
		return;
	}
	if (kind == TL_K_BALLOT && !(vote = last_vote(mv, it))) {
		ui_status(v->app, "%s", _("This item has no vote yet; press V "
					  "to record one."));
		return;
	}
	p = tl_record_new(kind);
	if (!p)
		return;
	if (kind == TL_K_BALLOT)
		tl_record_set(p, TL_BALLOT_VOTE, vote->id);
	else
		tl_record_set(p, tl_entity_get(kind)->parent, it->id);
	ui_record_action(v->app, kind, NULL, p, UI_A_NEW);
	tl_record_free(p);
}
