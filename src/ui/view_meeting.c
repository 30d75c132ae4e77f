/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_meeting.c - one meeting: the view of the meeting screen.
 *
 * The detail mode shows the meeting's header (kind, unit, series, time,
 * place, status, and a committee's legal clocks), its participants with
 * their attendance, the agenda with grey-zone items marked, what a
 * committee's next meeting is offered for its agenda, and everything
 * recorded in it: mandates, frames,
 * follow-ups, and the open follow-ups carried over from earlier meetings
 * of its series.  Enter opens the selected record.  The run mode (key r)
 * shows one step of holding the meeting: the carried-over follow-ups,
 * the attendance, or one agenda item with what was recorded on it; the
 * steps and the keys that change the meeting are the controller's
 * (meeting_run.c).
 *
 * The meeting is loaded (meeting_load.c) by the meeting read model
 * (read/meeting.h), so that the screen lists participants and numbers
 * items as the minutes do.  The screen is a list of lines (ui/lines.h) made afresh at each
 * draw (texts are wrapped to the width), and the selection is kept by
 * record id, so a reload after another program's change keeps it.
 */
#include "meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/meeting.h"
#include "tillit/core/date.h"
#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/core/rules.h"
#include "tillit/core/text.h"

/* The words people read for the values stored (which stay English). */
static const struct {
	const char *value;
	const char *text;
} value_labels[] = {
	{"one_to_one", N_("one-to-one dialogue")},
	{"committee", N_("committee meeting")},
	{"dialogue", N_("governance dialogue")},
	{"forum", N_("cross-boundary forum")},
	{"planned", N_("planned")},
	{"open", N_("open")},
	{"held", N_("held")},
	{"signed", N_("signed · locked")},
	{"chair", N_("chair")},
	{"secretary", N_("secretary")},
	{"adjuster", N_("adjuster")},
	{"member", N_("member")},
	{"substitute", N_("substitute")},
	{"manager", N_("manager")},
	{"employee", N_("employee")},
	{"guest", N_("guest")},
	{"unknown", N_("unknown")},
	{"present", N_("present")},
	{"absent", N_("absent")},
	{"excused", N_("excused")},
	{"information", N_("information")},
	{"discussion", N_("discussion")},
	{"decision", N_("decision")},
	{"what", N_("what")},
	{"how", N_("how")},
	{"politics", N_("politics")},
	{"administration", N_("administration")},
	{"done", N_("done")},
	{"cancelled", N_("cancelled")},
	{"active", N_("active")},
	{"revoked", N_("revoked")},
	{"expired", N_("expired")},
	{"superseded", N_("superseded")},
	{"closed", N_("closed")},
	{"budget", N_("budget")},
	{"time", N_("time")},
	{"staffing", N_("staffing")},
	{"quality", N_("quality")},
	{"legal", N_("legal")},
	{"scope", N_("scope")},
	{"result", N_("result")},
	{"effect", N_("effect")},
	{"action", N_("action")},
};

static const enum ui_action meeting_actions[] = {
	UI_A_RUN, UI_A_NEXT_ITEM, UI_A_PREV_ITEM, UI_A_NOTES, UI_A_DECISION,
	UI_A_ADD_MANDATE, UI_A_ADD_FRAME, UI_A_ADD_FOLLOWUP, UI_A_ADD_MOTION,
	UI_A_ADD_VOTE, UI_A_ADD_ENTRY, UI_A_ATTENDANCE,
	UI_A_FINISH, UI_A_SIGN, UI_A_MINUTES, UI_A_EXPORT, UI_A_EXTRACT,
	UI_A_PRIVATE_NOTE, UI_A_PLAN_NEXT, UI_A_TAKE_OFFER, UI_A_DROP_OFFER,
	UI_A_NONE,
};

/* ---- small helpers --------------------------------------------------- */

static const char *label(const char *value)
{
	if (!value || !*value)
		return "";
	for (size_t i = 0; i < sizeof(value_labels) / sizeof(value_labels[0]);
	     i++)
		if (!strcmp(value_labels[i].value, value))
			return _(value_labels[i].text);
	return value;
}

const char *ui_meeting_label(const char *value)
{
	return label(value);
}

static bool streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static const char *mkind(const struct meeting_view *mv)
{
	return mv->md.kind;
}

bool ui_meeting_is_committee(const struct meeting_view *mv)
{
	return mv->md.committee;
}

bool ui_meeting_is_signed(const struct meeting_view *mv)
{
	return !strcmp(tl_record_str(mv->md.meeting, TL_MEETING_STATUS),
		       "signed");
}

static bool item_grey(const struct meeting_view *mv,
		      const struct tl_record *it)
{
	return tl_rules_grey_zone(mkind(mv),
				  tl_record_get(it, TL_ITEM_QUESTION),
				  tl_record_get(it, TL_ITEM_DECIDED_BY));
}

/* "§ 12" for committees, "3." for other meetings (core/meeting.h).  The
 * agenda position, which only an unnumbered item shows, is looked up only
 * for one, so that drawing every item stays linear. */
static void item_label(const struct meeting_view *mv,
		       const struct tl_record *it, char *buf, size_t size)
{
	int pos = 0;

	if (!tl_record_get(it, TL_ITEM_NUMBER))
		pos = tl_rec_list_index(&mv->md.items, it->id) + 1;
	tl_meeting_item_label(it, pos, mv->md.committee, buf, size);
}

/* Appends s, fitted to exactly `width` cells, to buf. */
static void cat_fit(char *buf, size_t size, const char *s, int width)
{
	char tmp[2048];
	size_t len = strlen(buf);

	if (width <= 0 || len >= size)
		return;
	tl_text_fit(s ? s : "", (size_t)width, false, tmp, sizeof(tmp));
	snprintf(buf + len, size - len, "%s", tmp);
}

static void cat(char *buf, size_t size, const char *s)
{
	size_t len = strlen(buf);

	if (len < size)
		snprintf(buf + len, size - len, "%s", s ? s : "");
}

/* ---- building the screen --------------------------------------------- */

static void add_participant(struct view *v, const struct tl_record *p,
			    int cols)
{
	struct meeting_view *mv = v->data;
	const char *att = tl_record_str(p, TL_PART_ATTENDANCE);
	char buf[1200] = "";
	struct ui_line *l;
	int namew = cols > 70 ? 32 : cols / 2;

	cat_fit(buf, sizeof(buf), tl_refs_title(ui_refs(v->app), TL_K_PERSON,
					       tl_record_str(p,
							     TL_PART_PERSON)),
		namew);
	cat(buf, sizeof(buf), "  ");
	cat(buf, sizeof(buf), label(tl_record_str(p, TL_PART_ROLE)));
	l = ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 1, TL_K_PARTICIPANT, p->id);
	if (!l)
		return;
	ui_lines_badge(l, label(*att ? att : "unknown"),
		       !strcmp(att, "present") ? UI_R_OK
		       : !strcmp(att, "absent") || !strcmp(att, "excused")
		       ? UI_R_DIM : UI_R_NORMAL);
}

static void add_item_line(struct view *v, const struct tl_record *it,
			  int cols)
{
	struct meeting_view *mv = v->data;
	char num[32], buf[1600] = "", attrs[200];
	const char *q = tl_record_get(it, TL_ITEM_QUESTION);
	const char *d = tl_record_get(it, TL_ITEM_DECIDED_BY);
	int avail = cols - 24, attrw = avail / 2 < 34 ? avail / 2 : 34;
	int titlew = avail - attrw - 2;
	struct ui_line *l;

	item_label(mv, it, num, sizeof(num));
	cat_fit(buf, sizeof(buf), num, 7);
	snprintf(attrs, sizeof(attrs), "%s%s%s%s%s",
		 label(tl_record_str(it, TL_ITEM_KIND)), q ? " · " : "",
		 label(q), d ? " · " : "", label(d));
	if (titlew < 12) {
		cat(buf, sizeof(buf), tl_record_str(it, TL_ITEM_TITLE));
	} else {
		cat_fit(buf, sizeof(buf), tl_record_str(it, TL_ITEM_TITLE),
			titlew);
		cat(buf, sizeof(buf), "  ");
		cat(buf, sizeof(buf), attrs);
	}
	l = ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 1, TL_K_ITEM, it->id);
	if (l && item_grey(mv, it)) {
		ui_lines_badge(l, _("GREY ZONE"), UI_R_WARN);
	}
}

static void add_mandate_line(struct view *v, const struct tl_record *r)
{
	struct meeting_view *mv = v->data;
	const char *until = tl_record_get(r, TL_MANDATE_VALID_UNTIL);
	const char *status = tl_record_str(r, TL_MANDATE_STATUS);
	char buf[1600];
	struct ui_line *l;
	char *matter = tl_text_first_line(tl_record_str(r, TL_MANDATE_MATTER),
					  600);

	snprintf(buf, sizeof(buf), _("Level %s (%s): %s — to %s%s%s"),
		 tl_record_str(r, TL_MANDATE_LEVEL),
		 tl_rules_level_name(atol(tl_record_str(r, TL_MANDATE_LEVEL))),
		 matter ? matter : "",
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
			       tl_record_str(r, TL_MANDATE_GIVEN_TO)),
		 until ? _(", until ") : "", until ? until : "");
	free(matter);
	l = ui_lines_add(&mv->ls, buf, strcmp(status, "active") ? UI_R_DIM
			 : UI_R_NORMAL, 1, TL_K_MANDATE, r->id);
	if (!l)
		return;
	if (!strcmp(tl_record_str(r, TL_MANDATE_NON_DELEGABLE), "1")) {
		ui_lines_badge(l, _("NON-DELEGABLE"), UI_R_WARN);
	} else if (strcmp(status, "active")) {
		ui_lines_badge(l, label(status), UI_R_DIM);
	}
}

static void add_frame_line(struct view *v, const struct tl_record *r)
{
	struct meeting_view *mv = v->data;
	const char *amount = tl_record_get(r, TL_FRAME_AMOUNT);
	const char *holder = tl_record_get(r, TL_FRAME_HOLDER_PERSON);
	bool active = !strcmp(tl_record_str(r, TL_FRAME_STATUS), "active");
	char buf[1600], amt[120] = "";
	struct ui_line *l;
	char *desc = tl_text_first_line(tl_record_str(r, TL_FRAME_DESCRIPTION),
					600);

	if (amount)
		snprintf(amt, sizeof(amt), " · %s %s", amount,
			 tl_record_str(r, TL_FRAME_AMOUNT_UNIT));
	snprintf(buf, sizeof(buf), "%s: %s%s — %s",
		 label(tl_record_str(r, TL_FRAME_KIND)), desc ? desc : "", amt,
		 holder ? tl_refs_title(ui_refs(v->app), TL_K_PERSON, holder)
		 : tl_refs_title(ui_refs(v->app), TL_K_UNIT,
				 tl_record_str(r, TL_FRAME_HOLDER_UNIT)));
	free(desc);
	l = ui_lines_add(&mv->ls, buf, active ? UI_R_NORMAL : UI_R_DIM, 1,
			 TL_K_FRAME, r->id);
	if (!l)
		return;
	if (!active) {
		ui_lines_badge(l, label(tl_record_str(r, TL_FRAME_STATUS)),
			       UI_R_DIM);
	} else if (!tl_record_get(r, TL_FRAME_ACKED_AT)) {
		ui_lines_badge(l, _("not acknowledged"), UI_R_WARN);
	} else {
		ui_lines_badge(l, _("acknowledged"), UI_R_OK);
	}
}

/* A follow-up: due, text and owner (and the meeting it came from). */
static void add_followup_line(struct view *v, const struct tl_record *r,
			      bool from)
{
	struct meeting_view *mv = v->data;
	const char *due = tl_record_get(r, TL_FOLLOWUP_DUE);
	const char *status = tl_record_str(r, TL_FOLLOWUP_STATUS);
	bool open = !strcmp(status, "open");
	bool overdue = open && due && strcmp(due, mv->today) < 0;
	char buf[1800] = "", tail[400];
	struct ui_line *l;
	char *text = tl_text_first_line(tl_record_str(r, TL_FOLLOWUP_TEXT),
					800);

	cat_fit(buf, sizeof(buf), due ? due : "", 10);
	cat(buf, sizeof(buf), "  ");
	cat(buf, sizeof(buf), text ? text : "");
	free(text);
	snprintf(tail, sizeof(tail), " — %s",
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
			       tl_record_str(r, TL_FOLLOWUP_OWNER)));
	cat(buf, sizeof(buf), tail);
	if (from && tl_record_get(r, TL_FOLLOWUP_MEETING)) {
		snprintf(tail, sizeof(tail), " (%s)",
			 tl_refs_title(ui_refs(v->app), TL_K_MEETING,
				       tl_record_str(r, TL_FOLLOWUP_MEETING)));
		cat(buf, sizeof(buf), tail);
	}
	l = ui_lines_add(&mv->ls, buf, !open ? UI_R_DIM : overdue ? UI_R_OVERDUE
			 : UI_R_NORMAL, 1, TL_K_FOLLOWUP, r->id);
	if (!l)
		return;
	if (!open) {
		ui_lines_badge(l, label(status), !strcmp(status, "done")
			       ? UI_R_OK : UI_R_DIM);
	} else if (overdue) {
		ui_lines_badge(l, _("overdue"), UI_R_OVERDUE);
	}
}

/* Clock lines (read/clocks.h), a late step in the overdue colour. */
/* What the agenda is offered, each a line that opens its mandate or
 * execution; I takes the selected one as an item, - drops it. */
static void add_offer_lines(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;
	char buf[900];

	if (!mv->noffers)
		return;
	ui_lines_add_heading(&mv->ls, _("Offered for the agenda"),
			     mv->noffers);
	snprintf(buf, sizeof(buf), _("What falls due by this meeting: %s "
		 "takes the selected one as an item, %s drops it from this "
		 "meeting."), ui_action_key(UI_A_TAKE_OFFER),
		 ui_action_key(UI_A_DROP_OFFER));
	ui_lines_add_wrapped(&mv->ls, buf, UI_R_DIM, 1, cols - 3);
	for (int i = 0; i < mv->noffers; i++) {
		const struct tl_agenda_offer *o = &mv->offers[i];
		struct ui_line *l;

		snprintf(buf, sizeof(buf), _("%s  · due %s"), o->title,
			 o->due[0] ? o->due : "-");
		l = ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 1, o->kind, o->id);
		if (o->due[0] && strcmp(o->due, mv->today) < 0)
			ui_lines_badge(l, _("OVERDUE"), UI_R_OVERDUE);
	}
}

static void add_clock_lines(struct meeting_view *mv,
			    const struct tl_clock_line *lines, int n)
{
	char buf[TL_CLOCK_TEXT + 128];

	for (int i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%s: %s", lines[i].label,
			 lines[i].text);
		ui_lines_add(&mv->ls, buf, lines[i].late ? UI_R_OVERDUE
			     : UI_R_NORMAL, 1, TL_K_NONE, NULL);
	}
}

static void add_status_badge(struct meeting_view *mv, struct ui_line *l)
{
	const char *status = tl_record_str(mv->md.meeting, TL_MEETING_STATUS);

	if (!l)
		return;
	ui_lines_badge(l, label(status), !strcmp(status, "held") ? UI_R_OK
		       : !strcmp(status, "signed") ? UI_R_OK
		       : !strcmp(status, "open") ? UI_R_WARN : UI_R_NORMAL);
}

static void build_detail(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *m = mv->md.meeting;
	const char *unit = tl_record_get(m, TL_MEETING_UNIT);
	const char *series = tl_record_get(m, TL_MEETING_SERIES);
	const char *starts = tl_record_str(m, TL_MEETING_STARTS);
	const char *ends = tl_record_get(m, TL_MEETING_ENDS);
	const char *loc = tl_record_get(m, TL_MEETING_LOCATION);
	const char *notes = tl_record_get(m, TL_MEETING_NOTES);
	char buf[1600];

	add_status_badge(mv, ui_lines_add(&mv->ls,
					  tl_record_str(m, TL_MEETING_TITLE),
					  UI_R_SECTION, 0, TL_K_NONE, NULL));
	mv->ls.nfixed = 1;

	snprintf(buf, sizeof(buf), "%s%s%s", label(mkind(mv)),
		 unit ? " · " : "", unit ? tl_refs_title(ui_refs(v->app),
							 TL_K_UNIT, unit)
		 : "");
	ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 0, TL_K_NONE, NULL);
	if (series) {
		snprintf(buf, sizeof(buf), _("Series: %s"),
			 tl_refs_title(ui_refs(v->app), TL_K_SERIES, series));
		ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 0, TL_K_NONE, NULL);
	}
	/* The end's date only when it is another day. */
	snprintf(buf, sizeof(buf), "%s%s%s%s%s", starts, ends ? " – " : "",
		 ends ? (strncmp(ends, starts, 10) ? ends : ends + 11) : "",
		 loc ? " · " : "", loc ? loc : "");
	ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 0, TL_K_NONE, NULL);
	if (notes)
		ui_lines_add_wrapped(&mv->ls, notes, UI_R_DIM, 0, cols - 3);
	if (mv->nclocks) {
		ui_lines_add(&mv->ls, "", UI_R_NORMAL, 0, TL_K_NONE, NULL);
		ui_lines_add(&mv->ls, _("Legal clocks"), UI_R_SECTION, 0,
			     TL_K_NONE, NULL);
	}
	add_clock_lines(mv, mv->clocks, mv->nclocks);
	/* A § justered immediately: one line, what matters now. */
	for (int i = 0; i < mv->npclocks; i++) {
		const struct tl_par_clock *p = &mv->pclocks[i];
		const struct tl_clock_line *l = &p->lines[p->now];

		snprintf(buf, sizeof(buf), _("§ %ld, justered immediately %s: "
			 "%s: %s"), p->number, p->lines[0].text, l->label,
			 l->text);
		ui_lines_add(&mv->ls, buf, l->late ? UI_R_OVERDUE
			     : UI_R_NORMAL, 1, TL_K_NONE, NULL);
	}

	ui_lines_add_heading(&mv->ls, _("Participants"), mv->md.parts.n);
	if (mv->md.parts.n == 0)
		ui_lines_add(&mv->ls,
			     _("No participants yet; press a to add one."),
			     UI_R_DIM, 1, TL_K_NONE, NULL);
	for (int i = 0; i < mv->md.parts.n; i++)
		add_participant(v, mv->md.parts.v[i], cols);

	ui_lines_add_heading(&mv->ls, _("Agenda"), mv->md.items.n);
	if (mv->md.items.n == 0)
		ui_lines_add(&mv->ls, _("No agenda items yet; press i to add "
					"one, or r to run the meeting."),
			     UI_R_DIM, 1, TL_K_NONE, NULL);
	for (int i = 0; i < mv->md.items.n; i++)
		add_item_line(v, mv->md.items.v[i], cols);
	add_offer_lines(v, cols);

	if (mv->md.mandates.n) {
		ui_lines_add_heading(&mv->ls, _("Mandates"), mv->md.mandates.n);
		for (int i = 0; i < mv->md.mandates.n; i++)
			add_mandate_line(v, mv->md.mandates.v[i]);
	}
	if (mv->md.frames.n) {
		ui_lines_add_heading(&mv->ls, _("Frames"), mv->md.frames.n);
		for (int i = 0; i < mv->md.frames.n; i++)
			add_frame_line(v, mv->md.frames.v[i]);
	}
	if (mv->md.followups.n) {
		ui_lines_add_heading(&mv->ls, _("Follow-ups"),
				     mv->md.followups.n);
		for (int i = 0; i < mv->md.followups.n; i++)
			add_followup_line(v, mv->md.followups.v[i], false);
	}
	if (series) {
		ui_lines_add_heading(&mv->ls, _("Carried over"),
				     mv->md.carried.n);
		if (mv->md.carried.n == 0)
			ui_lines_add(&mv->ls, _("Nothing is open from earlier "
						"meetings of the series."),
				     UI_R_DIM, 1, TL_K_NONE, NULL);
		for (int i = 0; i < mv->md.carried.n; i++)
			add_followup_line(v, mv->md.carried.v[i], true);
	}
	ui_lines_add_private(&mv->ls, mv->priv, mv->npriv, cols - 3);
}

/* The principle names of a tags value: "Tillit, Kvalitet". */
static void tag_names(const struct meeting_view *mv, const char *tags,
		      char *buf, size_t size)
{
	char *copy = strdup(tags ? tags : ""), *save = NULL;

	buf[0] = '\0';
	if (!copy)
		return;
	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		const char *name = t;
		for (int i = 0; i < mv->md.principles.n; i++)
			if (!strcmp(tl_record_str(mv->md.principles.v[i],
						  TL_PRINCIPLE_KEY), t))
				name = tl_record_str(mv->md.principles.v[i],
						     TL_PRINCIPLE_NAME);
		if (buf[0])
			cat(buf, size, ", ");
		cat(buf, size, name);
	}
	free(copy);
}

static void build_item(struct view *v, const struct tl_record *it, int cols)
{
	struct meeting_view *mv = v->data;
	const char *q = tl_record_get(it, TL_ITEM_QUESTION);
	const char *d = tl_record_get(it, TL_ITEM_DECIDED_BY);
	const char *cref = tl_record_get(it, TL_ITEM_CASE_REF);
	char buf[1600], num[32];
	int n;

	item_label(mv, it, num, sizeof(num));
	snprintf(buf, sizeof(buf), "%s  %s", num,
		 tl_record_str(it, TL_ITEM_TITLE));
	ui_lines_add_wrapped(&mv->ls, buf, UI_R_SECTION, 0, cols - 3);
	snprintf(buf, sizeof(buf), _("Kind: %s    Question: %s    Decided by: "
				     "%s"),
		 label(tl_record_str(it, TL_ITEM_KIND)), q ? label(q) : "-",
		 d ? label(d) : "-");
	ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 0, TL_K_NONE, NULL);
	{
		char tags[600];
		tag_names(mv, tl_record_get(it, TL_ITEM_TAGS), tags,
			  sizeof(tags));
		snprintf(buf, sizeof(buf), _("Principles: %s"),
			 tags[0] ? tags : "-");
	}
	ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 0, TL_K_NONE, NULL);
	if (cref) {
		snprintf(buf, sizeof(buf), _("Case: %s"), cref);
		ui_lines_add(&mv->ls, buf, UI_R_NORMAL, 0, TL_K_NONE, NULL);
	}
	if (item_grey(mv, it))
		ui_lines_add_wrapped(&mv->ls, _("GREY ZONE: politics is "
						"deciding a how question. "
						"Politics owns the what; the "
						"administration owns the how."),
				     UI_R_WARN, 0, cols - 3);

	ui_lines_add_heading(&mv->ls, _("Notes"), -1);
	if (tl_record_get(it, TL_ITEM_NOTES))
		ui_lines_add_wrapped(&mv->ls, tl_record_get(it, TL_ITEM_NOTES),
				     UI_R_NORMAL, 1, cols - 5);
	else
		ui_lines_add(&mv->ls, _("None yet; press N to write them."),
			     UI_R_DIM, 1, TL_K_NONE, NULL);
	ui_lines_add_heading(&mv->ls, _("Decision"), -1);
	if (tl_record_get(it, TL_ITEM_DECISION))
		ui_lines_add_wrapped(&mv->ls,
				     tl_record_get(it, TL_ITEM_DECISION),
				     UI_R_NORMAL, 1, cols - 5);
	else
		ui_lines_add(&mv->ls, _("None yet; press D to write it, or E "
					"for $EDITOR."),
			     UI_R_DIM, 1, TL_K_NONE, NULL);
	ui_meeting_add_paragraph(v, it);

	n = 0;
	for (int i = 0; i < mv->md.mandates.n; i++)
		n += streq(tl_record_get(mv->md.mandates.v[i], TL_MANDATE_ITEM),
			   it->id);
	ui_lines_add_heading(&mv->ls, _("Mandates on this item"), n);
	for (int i = 0; i < mv->md.mandates.n; i++)
		if (streq(tl_record_get(mv->md.mandates.v[i], TL_MANDATE_ITEM),
			  it->id))
			add_mandate_line(v, mv->md.mandates.v[i]);
	n = 0;
	for (int i = 0; i < mv->md.frames.n; i++)
		n += streq(tl_record_get(mv->md.frames.v[i], TL_FRAME_ITEM),
			   it->id);
	ui_lines_add_heading(&mv->ls, _("Frames on this item"), n);
	for (int i = 0; i < mv->md.frames.n; i++)
		if (streq(tl_record_get(mv->md.frames.v[i], TL_FRAME_ITEM),
			  it->id))
			add_frame_line(v, mv->md.frames.v[i]);
	n = 0;
	for (int i = 0; i < mv->md.followups.n; i++)
		n += streq(tl_record_get(mv->md.followups.v[i],
					 TL_FOLLOWUP_ITEM), it->id);
	ui_lines_add_heading(&mv->ls, _("Follow-ups on this item"), n);
	for (int i = 0; i < mv->md.followups.n; i++)
		if (streq(tl_record_get(mv->md.followups.v[i],
					TL_FOLLOWUP_ITEM), it->id))
			add_followup_line(v, mv->md.followups.v[i], false);
}

static void build_run(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *it = NULL;
	char buf[1600], what[800];

	if (mv->step == UI_STEP_ITEM)
		it = tl_rec_list_find(&mv->md.items, mv->item);
	if (mv->step == UI_STEP_CARRIED)
		snprintf(what, sizeof(what), "%s",
			 _("Carried over from earlier meetings"));
	else if (!it)
		snprintf(what, sizeof(what), "%s", _("Attendance"));
	else {
		char num[32];
		item_label(mv, it, num, sizeof(num));
		snprintf(what, sizeof(what), "%s %s", num,
			 tl_record_str(it, TL_ITEM_TITLE));
	}
	snprintf(buf, sizeof(buf), _("Step %d of %d: %s"),
		 ui_meeting_step_no(mv) + 1, ui_meeting_nsteps(mv), what);
	add_status_badge(mv, ui_lines_add(&mv->ls, buf, UI_R_HEADER, 0,
					  TL_K_NONE, NULL));
	mv->ls.nfixed = 1;
	ui_lines_add(&mv->ls, "", UI_R_NORMAL, 0, TL_K_NONE, NULL);

	if (mv->step == UI_STEP_CARRIED) {
		ui_lines_add(&mv->ls, _("Carried over from earlier meetings"),
			     UI_R_SECTION, 0, TL_K_NONE, NULL);
		ui_lines_add_wrapped(&mv->ls, _("Open follow-ups from the "
						"series. c carries the "
						"selected one on to a new due "
						"date, d closes it with its "
						"outcome, n goes on."),
				     UI_R_DIM, 0, cols - 3);
		for (int i = 0; i < mv->md.carried.n; i++)
			add_followup_line(v, mv->md.carried.v[i], true);
	} else if (!it) {
		ui_lines_add(&mv->ls, _("Attendance"), UI_R_SECTION, 0,
			     TL_K_NONE, NULL);
		ui_lines_add_wrapped(&mv->ls, _("Select a person and press t "
						"to change their attendance; "
						"n goes on to the agenda."),
				     UI_R_DIM, 0, cols - 3);
		if (mv->md.parts.n == 0)
			ui_lines_add(&mv->ls, _("No participants yet; press a "
						"to add one."),
				     UI_R_DIM, 1, TL_K_NONE, NULL);
		for (int i = 0; i < mv->md.parts.n; i++)
			add_participant(v, mv->md.parts.v[i], cols);
		if (mv->md.items.n == 0) {
			ui_lines_add_blank(&mv->ls);
			ui_lines_add(&mv->ls, _("The agenda is empty; press i "
						"to add an item."),
				     UI_R_DIM, 0, TL_K_NONE, NULL);
		}
	} else {
		build_item(v, it, cols);
	}
}

static void build(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;

	ui_lines_clear(&mv->ls);
	if (!mv->md.meeting)
		return;
	if (mv->run)
		build_run(v, cols);
	else
		build_detail(v, cols);
}

/* ---- view ops ---------------------------------------------------------- */

static void meeting_close(struct view *v)
{
	struct meeting_view *mv = v->data;

	if (!mv)
		return;
	tl_meeting_data_done(&mv->md);
	tl_private_free(mv->priv, mv->npriv);
	free(mv->pclocks);
	free(mv->offers);
	ui_lines_done(&mv->ls);
	free(mv);
	v->data = NULL;
}

static bool meeting_open(struct view *v, const void *arg)
{
	const char *id = arg;
	struct meeting_view *mv;
	struct tl_error err = {0};

	if (!id || strlen(id) > TL_ID_LEN) {
		tl_error_set(&err, TL_ENOTFOUND, "%s", _("No such meeting."));
		ui_error(v->app, &err);
		return false;
	}
	mv = calloc(1, sizeof(*mv));
	if (!mv)
		return false;
	v->data = mv;
	snprintf(mv->id, sizeof(mv->id), "%s", id);
	ui_lines_init(&mv->ls);
	ui_lines_by_id(&mv->ls);
	mv->step = UI_STEP_PEOPLE;
	if (ui_meeting_load(v, &err) != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	return true;
}

static void meeting_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct meeting_view *mv = v->data;

	build(v, cols);
	ui_lines_draw(&mv->ls, w, rows, cols);
}

const struct view_ops ui_view_meeting = {
	.name = "meeting",
	.title = N_("Meeting"),
	.open = meeting_open,
	.draw = meeting_draw,
	.handle = ui_meeting_handle,
	.reload = ui_meeting_reload,
	.close = meeting_close,
	.actions = meeting_actions,
};
