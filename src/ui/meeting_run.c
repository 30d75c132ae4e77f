/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting_run.c - the meeting screen's controller: running a meeting,
 * and every key that changes it.
 *
 * The run (key r) is where a meeting is held: it steps through the
 * carried-over follow-ups (closed or carried on right there), the
 * attendance, and then the agenda item by item, where notes, decisions,
 * item kind, what/how, decided-by and principles are set with one key
 * each, and mandates, frames and follow-ups are recorded on the item with
 * forms prefilled from the context.  What is done to the meeting as a
 * whole (H finishes it, S signs it, + plans the next, I and - take and
 * drop agenda offers) is meeting_whole.c's.
 *
 * Every change goes through the store API; a signed meeting is locked and
 * nothing here changes it.  What the screen shows is the view's
 * (view_meeting.c).
 */
#include "meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/ui/recact.h"
#include "tillit/core/rules.h"

/* Texts longer than this (bytes) are written in $EDITOR, not a prompt. */
#define MT_PROMPT_MAX 160

/* ---- small helpers --------------------------------------------------- */

static bool streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static const char *mkind(const struct meeting_view *mv)
{
	return mv->md.kind;
}

/* True (with the message) when the meeting must not change. */
bool ui_meeting_locked(struct view *v)
{
	struct meeting_view *mv = v->data;

	if (!ui_meeting_is_signed(mv))
		return false;
	ui_status(v->app, "%s", _("This meeting is signed and locked: its "
				  "record cannot change. Record a correction "
				  "in a later meeting."));
	return true;
}

/* The person of the participant with this role, or NULL. */
static const char *person_in_role(const struct meeting_view *mv,
				  const char *role)
{
	const struct tl_rec_list *parts = &mv->md.parts;

	for (int i = 0; i < parts->n; i++)
		if (!strcmp(tl_record_str(parts->v[i], TL_PART_ROLE), role))
			return tl_record_get(parts->v[i], TL_PART_PERSON);
	return NULL;
}

/* The choice after `cur` in a field's list, round again at the end. */
static const char *next_choice(const struct tl_field *f, const char *cur)
{
	const char *const *c = f->choices;

	if (!c || !c[0])
		return NULL;
	for (int i = 0; c[i]; i++)
		if (streq(c[i], cur))
			return c[i + 1] ? c[i + 1] : c[0];
	return c[0];
}

static void cat(char *buf, size_t size, const char *s)
{
	size_t len = strlen(buf);

	if (len < size)
		snprintf(buf + len, size - len, "%s", s ? s : "");
}

/* The item that item keys act on: the step's, or the selected one. */
static const struct tl_record *current_item(const struct meeting_view *mv)
{
	if (mv->run)
		return mv->step == UI_STEP_ITEM
			? tl_rec_list_find(&mv->md.items, mv->item) : NULL;
	return ui_meeting_selected(mv, TL_K_ITEM);
}

/* ---- the steps ----------------------------------------------------------- */

int ui_meeting_nsteps(const struct meeting_view *mv)
{
	return (mv->md.carried.n > 0) + 1 + mv->md.items.n;
}

int ui_meeting_step_no(const struct meeting_view *mv)
{
	int first = mv->md.carried.n > 0;

	switch (mv->step) {
	case UI_STEP_CARRIED:
		return 0;
	case UI_STEP_PEOPLE:
		return first;
	default:
		return first + 1 + mv->item_index;
	}
}

/* Goes to a step of the run; the screen starts at its top. */
static void go_step(struct meeting_view *mv, enum ui_meeting_step step,
		    int item)
{
	mv->step = step;
	if (step == UI_STEP_ITEM) {
		mv->item_index = item;
		memcpy(mv->item, mv->md.items.v[item]->id, sizeof(mv->item));
	}
	ui_lines_reset(&mv->ls, step != UI_STEP_ITEM);
}

static void step_by(struct view *v, int dir)
{
	struct meeting_view *mv = v->data;
	int s = ui_meeting_step_no(mv) + dir, first = mv->md.carried.n > 0;

	if (s < 0) {
		ui_status(v->app, "%s", _("This is the first step."));
		return;
	}
	if (s >= ui_meeting_nsteps(mv)) {
		ui_status(v->app, "%s", _("That was the last item. Press i to "
					  "add one, or H to finish the "
					  "meeting."));
		return;
	}
	if (first && s == 0)
		go_step(mv, UI_STEP_CARRIED, 0);
	else if (s == first)
		go_step(mv, UI_STEP_PEOPLE, 0);
	else
		go_step(mv, UI_STEP_ITEM, s - first - 1);
}

/* ---- changes ------------------------------------------------------------ */

/* Reads the record afresh, sets one field and saves it. */
enum tl_status ui_meeting_set_field(struct view *v, enum tl_kind kind,
				    const char *id, int field,
				    const char *value, struct tl_error *err)
{
	struct tl_record *r = NULL;
	enum tl_status rc;

	rc = tl_store_get(ui_store(v->app), kind, id, &r, err);
	if (rc == TL_OK) {
		if (!tl_record_set(r, field, value))
			rc = tl_error_set(err, TL_ESYS, "%s",
					  _("Out of memory."));
		else
			rc = tl_store_update(ui_store(v->app), r, err);
	}
	tl_record_free(r);
	return rc;
}

static bool need_item(struct view *v, char id[TL_ID_LEN + 1])
{
	struct meeting_view *mv = v->data;
	const struct tl_record *it = current_item(mv);

	if (!it) {
		ui_status(v->app, "%s", mv->run
			  ? _("Go to an agenda item first (n), or add one "
			      "with i.")
			  : _("Select an agenda item first (j/k)."));
		return false;
	}
	memcpy(id, it->id, TL_ID_LEN + 1);
	return true;
}

/* N, D and E: the notes or the decision, in a prompt or in $EDITOR. */
static void edit_text(struct view *v, int field, bool editor)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1];
	char *old, *text;

	if (ui_meeting_locked(v) || !need_item(v, id))
		return;
	old = strdup(tl_record_str(tl_rec_list_find(&mv->md.items, id), field));
	if (!old)
		return;
	if (!editor && (strchr(old, '\n') || strlen(old) > MT_PROMPT_MAX))
		editor = true;
	if (editor)
		text = ui_edit_external(v->app, old);
	else
		text = ui_prompt(v->app, field == TL_ITEM_NOTES ? _("Notes:")
				 : _("Decision:"), old);
	if (text && strcmp(text, old)) {
		if (ui_meeting_set_field(v, TL_K_ITEM, id, field, text, &err) == TL_OK) {
			ui_changed(v->app);
			ui_status(v->app, "%s", field == TL_ITEM_NOTES
				  ? _("Notes saved.") : _("Decision saved."));
		} else {
			ui_error(v->app, &err);
		}
	}
	free(text);
	free(old);
}

/* K, w and b: the next value of an item's kind, question or decider. */
static void cycle_item(struct view *v, int field)
{
	struct meeting_view *mv = v->data;
	const struct tl_entity *e = tl_entity_get(TL_K_ITEM);
	const struct tl_record *it;
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], q[32] = "", d[32] = "", kind[32];
	const char *next;
	bool grey;

	if (ui_meeting_locked(v) || !need_item(v, id))
		return;
	it = tl_rec_list_find(&mv->md.items, id);
	next = next_choice(&e->fields[field], tl_record_get(it, field));
	if (!next)
		return;
	snprintf(q, sizeof(q), "%s", field == TL_ITEM_QUESTION ? next
		 : tl_record_str(it, TL_ITEM_QUESTION));
	snprintf(d, sizeof(d), "%s", field == TL_ITEM_DECIDED_BY ? next
		 : tl_record_str(it, TL_ITEM_DECIDED_BY));
	snprintf(kind, sizeof(kind), "%s", mkind(mv));
	grey = tl_rules_grey_zone(kind, q, d);
	if (ui_meeting_set_field(v, TL_K_ITEM, id, field, next, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	ui_changed(v->app);
	if (grey)
		ui_status(v->app, "%s", _("Grey zone: politics is deciding a "
					  "how question. A warning, not a "
					  "block."));
	else
		ui_status(v->app, "%s: %s.", _(e->fields[field].label),
			  ui_meeting_label(next));
}

/* P: the principles, as their keys. */
static void edit_tags(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], question[600], keys[400] = "";
	char *old, *text, *o;

	if (ui_meeting_locked(v) || !need_item(v, id))
		return;
	for (int i = 0; i < mv->md.principles.n; i++) {
		if (keys[0])
			cat(keys, sizeof(keys), ", ");
		cat(keys, sizeof(keys), tl_record_str(mv->md.principles.v[i],
						      TL_PRINCIPLE_KEY));
	}
	snprintf(question, sizeof(question), _("Principles (%s):"), keys);
	old = strdup(tl_record_str(tl_rec_list_find(&mv->md.items, id),
				   TL_ITEM_TAGS));
	if (!old)
		return;
	text = ui_prompt(v->app, question, old);
	if (text) {
		/* "tillit, kvalitet" is what people type. */
		o = text;
		for (const char *p = text; *p; p++)
			if (*p != ' ')
				*o++ = *p;
		*o = '\0';
	}
	if (text && strcmp(text, old)) {
		if (ui_meeting_set_field(v, TL_K_ITEM, id, TL_ITEM_TAGS, text, &err)
		    == TL_OK) {
			ui_changed(v->app);
			ui_status(v->app, "%s", _("Principles saved."));
		} else {
			ui_error(v->app, &err);
		}
	}
	free(text);
	free(old);
}

/* i: a new item at the end of the agenda (the store gives its number). */
static void add_item(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	struct tl_record *r;
	char *title, num[32];
	bool committee = ui_meeting_is_committee(mv);

	if (ui_meeting_locked(v))
		return;
	title = ui_prompt(v->app, _("Title of the new agenda item:"), NULL);
	if (!title || !*title) {
		free(title);
		return;
	}
	r = tl_record_new(TL_K_ITEM);
	if (!r || !tl_record_set(r, TL_ITEM_MEETING, mv->id) ||
	    !tl_record_set(r, TL_ITEM_TITLE, title)) {
		tl_record_free(r);
		free(title);
		return;
	}
	free(title);
	if (tl_store_insert(ui_store(v->app), r, &err) != TL_OK) {
		ui_error(v->app, &err);
		tl_record_free(r);
		return;
	}
	snprintf(num, sizeof(num), committee ? "§ %s" : "%s",
		 tl_record_str(r, TL_ITEM_NUMBER));
	if (mv->run) {
		mv->step = UI_STEP_ITEM;
		memcpy(mv->item, r->id, sizeof(mv->item));
		mv->item_index = mv->md.items.n;
		mv->ls.top = 0;
		ui_lines_select(&mv->ls, -1);
	} else {
		ui_lines_select_id(&mv->ls, TL_K_ITEM, r->id);
	}
	tl_record_free(r);
	ui_changed(v->app);
	ui_status(v->app, _("Added item %s."), num);
}

/* m, F and u: a form for a record on this item, filled from context. */
static void record_on_item(struct view *v, enum tl_kind kind)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *it = current_item(mv);
	bool one = !strcmp(mkind(mv), "one_to_one");
	const char *emp = one ? person_in_role(mv, "employee") : NULL;
	const char *mgr = one ? person_in_role(mv, "manager") : NULL;
	const char *unit = tl_record_get(mv->md.meeting, TL_MEETING_UNIT);
	struct tl_record *p;

	if (ui_meeting_locked(v))
		return;
	p = tl_record_new(kind);
	if (!p)
		return;
	switch (kind) {
	case TL_K_MANDATE:
		tl_record_set(p, TL_MANDATE_MEETING, mv->id);
		tl_record_set(p, TL_MANDATE_ITEM, it ? it->id : NULL);
		tl_record_set(p, TL_MANDATE_GIVEN_BY_UNIT, unit);
		tl_record_set(p, TL_MANDATE_GIVEN_BY_PERSON, mgr);
		tl_record_set(p, TL_MANDATE_GIVEN_TO, emp);
		tl_record_set(p, TL_MANDATE_CASE_REF,
			      tl_record_get(it, TL_ITEM_CASE_REF));
		break;
	case TL_K_FRAME:
		tl_record_set(p, TL_FRAME_MEETING, mv->id);
		tl_record_set(p, TL_FRAME_ITEM, it ? it->id : NULL);
		tl_record_set(p, TL_FRAME_HOLDER_PERSON, emp);
		break;
	default:
		tl_record_set(p, TL_FOLLOWUP_MEETING, mv->id);
		tl_record_set(p, TL_FOLLOWUP_ITEM, it ? it->id : NULL);
		tl_record_set(p, TL_FOLLOWUP_OWNER, emp);
		break;
	}
	ui_record_action(v->app, kind, NULL, p, UI_A_NEW);
	tl_record_free(p);
}

/* t: the selected participant's attendance, one value on. */
static void attendance(struct view *v)
{
	struct meeting_view *mv = v->data;
	const struct tl_entity *e = tl_entity_get(TL_K_PARTICIPANT);
	const struct tl_record *p = ui_meeting_selected(mv, TL_K_PARTICIPANT);
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], name[200];
	const char *next;

	if (ui_meeting_locked(v))
		return;
	if (!p) {
		if (mv->run && mv->step != UI_STEP_PEOPLE) {
			go_step(mv, UI_STEP_PEOPLE, 0);
			ui_status(v->app, "%s", _("Select a person and press t "
						  "again."));
		} else {
			ui_status(v->app, "%s", _("Select a participant "
						  "(j/k) first, then press "
						  "t."));
		}
		return;
	}
	memcpy(id, p->id, sizeof(id));
	snprintf(name, sizeof(name), "%s",
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
			       tl_record_str(p, TL_PART_PERSON)));
	next = next_choice(&e->fields[TL_PART_ATTENDANCE],
			   tl_record_get(p, TL_PART_ATTENDANCE) ?
			   tl_record_get(p, TL_PART_ATTENDANCE) : "unknown");
	if (ui_meeting_set_field(v, TL_K_PARTICIPANT, id, TL_PART_ATTENDANCE, next, &err)
	    != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	ui_changed(v->app);
	ui_status(v->app, "%s: %s.", name, ui_meeting_label(next));
}

/* c: a follow-up carried on to a new due date. */
static void carry_on(struct view *v)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *f = ui_meeting_selected(mv, TL_K_FOLLOWUP);
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], due[TL_DATE_SIZE];
	char *text;

	if (!f) {
		ui_status(v->app, "%s", _("Select a follow-up first."));
		return;
	}
	if (streq(tl_record_get(f, TL_FOLLOWUP_MEETING), mv->id) &&
	    ui_meeting_locked(v))
		return;
	memcpy(id, f->id, sizeof(id));
	text = ui_prompt(v->app, _("New due date (2026-12-01, +14d, "
				   "tomorrow):"), NULL);
	if (!text || !*text) {
		free(text);
		return;
	}
	if (tl_date_parse(text, NULL, due, &err) != TL_OK ||
	    ui_meeting_set_field(v, TL_K_FOLLOWUP, id, TL_FOLLOWUP_DUE, due, &err)
	    != TL_OK) {
		ui_error(v->app, &err);
	} else {
		ui_changed(v->app);
		ui_status(v->app, _("Carried on; now due %s."), due);
	}
	free(text);
}

/* r: into the run; a planned meeting opens. */
static void run(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	bool planned = !strcmp(tl_record_str(mv->md.meeting, TL_MEETING_STATUS),
			       "planned");

	mv->run = true;
	go_step(mv, mv->md.carried.n > 0 ? UI_STEP_CARRIED : UI_STEP_PEOPLE, 0);
	if (planned) {
		if (ui_meeting_set_field(v, TL_K_MEETING, mv->id, TL_MEETING_STATUS,
			      "open", &err) != TL_OK) {
			ui_error(v->app, &err);
			ui_meeting_reload(v);
			return;
		}
		ui_changed(v->app);
		ui_status(v->app, "%s", _("The meeting is open."));
		return;
	}
	ui_meeting_reload(v); /* the title says we are running */
	if (ui_meeting_is_signed(mv))
		ui_status(v->app, "%s", _("This meeting is signed and "
					  "locked."));
}

/* Enter, and the record actions, on the selected line. */
static enum ui_result on_selected(struct view *v, enum ui_action a)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *r = ui_meeting_selected_any(mv);
	struct tl_record *copy;
	enum ui_result res;
	int cur = ui_lines_selected(&mv->ls);

	if (a == UI_A_OPEN) {
		if (!r || !ui_lines_on_screen(&mv->ls, cur))
			return UI_DONE;
		if (r->e->kind == TL_K_PARTICIPANT)
			ui_open_record(v->app, TL_K_PERSON,
				       tl_record_str(r, TL_PART_PERSON));
		else
			ui_open_record(v->app, r->e->kind, r->id);
		return UI_DONE;
	}
	if (!r) {
		if (a != UI_A_EDIT)
			return UI_PASS;
		if (ui_meeting_locked(v))
			return UI_DONE;
		/* e with nothing selected edits the meeting */
		r = mv->md.meeting;
	}
	/* Records of another meeting (carried over) are not locked here. */
	if ((a == UI_A_EDIT || a == UI_A_CLOSE || a == UI_A_DONE ||
	     a == UI_A_REASSIGN) && r != mv->md.meeting &&
	    !tl_rec_list_find(&mv->md.carried, r->id) && ui_meeting_locked(v))
		return UI_DONE;
	copy = tl_record_dup(r);
	if (!copy)
		return UI_DONE;
	res = ui_record_action(v->app, copy->e->kind, copy, NULL, a);
	tl_record_free(copy);
	return res;
}

enum ui_result ui_meeting_handle(struct view *v, enum ui_action a, int key)
{
	struct meeting_view *mv = v->data;

	if (!mv->md.meeting)
		return UI_PASS;
	switch (a) {
	case UI_A_DOWN:
	case UI_A_UP:
	case UI_A_PAGE_DOWN:
	case UI_A_PAGE_UP:
	case UI_A_TOP:
	case UI_A_BOTTOM:
		return ui_lines_handle(&mv->ls, v->app, a, key);
	case UI_A_BACK:
		if (!mv->run)
			return UI_PASS;
		mv->run = false;
		mv->ls.top = 0;
		ui_lines_select(&mv->ls, -1);
		ui_meeting_reload(v);
		return UI_DONE;
	case UI_A_RUN:
		if (mv->run)
			return UI_DONE;
		run(v);
		return UI_DONE;
	case UI_A_NEXT_ITEM:
	case UI_A_PREV_ITEM:
		if (!mv->run) {
			ui_status(v->app, "%s", _("Press r to run the meeting "
						  "item by item."));
			return UI_DONE;
		}
		step_by(v, a == UI_A_NEXT_ITEM ? 1 : -1);
		return UI_DONE;
	case UI_A_NOTES:
		edit_text(v, TL_ITEM_NOTES, false);
		return UI_DONE;
	case UI_A_PRIVATE_NOTE:
		ui_private_write(v->app, mv->id);
		return UI_DONE;
	case UI_A_DECISION:
		edit_text(v, TL_ITEM_DECISION, false);
		return UI_DONE;
	case UI_A_EDITOR:
		edit_text(v, TL_ITEM_DECISION, true);
		return UI_DONE;
	case UI_A_ITEM_KIND:
		cycle_item(v, TL_ITEM_KIND);
		return UI_DONE;
	case UI_A_QUESTION:
		cycle_item(v, TL_ITEM_QUESTION);
		return UI_DONE;
	case UI_A_DECIDED_BY:
		cycle_item(v, TL_ITEM_DECIDED_BY);
		return UI_DONE;
	case UI_A_TAGS:
		edit_tags(v);
		return UI_DONE;
	case UI_A_ADD_ITEM:
		add_item(v);
		return UI_DONE;
	case UI_A_ADD_MANDATE:
		record_on_item(v, TL_K_MANDATE);
		return UI_DONE;
	case UI_A_ADD_FRAME:
		record_on_item(v, TL_K_FRAME);
		return UI_DONE;
	case UI_A_ADD_FOLLOWUP:
		record_on_item(v, TL_K_FOLLOWUP);
		return UI_DONE;
	case UI_A_ADD_MOTION:
	case UI_A_ADD_VOTE:
	case UI_A_ADD_BALLOT:
	case UI_A_ADD_ENTRY:
		if (!ui_meeting_locked(v))
			ui_meeting_record_part(v, current_item(mv),
				a == UI_A_ADD_MOTION ? TL_K_MOTION
				: a == UI_A_ADD_VOTE ? TL_K_VOTE
				: a == UI_A_ADD_BALLOT ? TL_K_BALLOT
				: TL_K_ENTRY);
		return UI_DONE;
	case UI_A_ATTENDANCE:
		attendance(v);
		return UI_DONE;
	case UI_A_CARRY_ON:
		carry_on(v);
		return UI_DONE;
	case UI_A_FINISH:
		ui_meeting_finish(v);
		return UI_DONE;
	case UI_A_PLAN_NEXT:
		ui_meeting_plan_next(v);
		return UI_DONE;
	case UI_A_TAKE_OFFER:
	case UI_A_DROP_OFFER:
		ui_meeting_offer(v, a);
		return UI_DONE;
	case UI_A_SIGN:
		ui_meeting_sign(v);
		return UI_DONE;
	case UI_A_MINUTES:
		ui_push(v->app, &ui_view_minutes, mv->id);
		return UI_DONE;
	case UI_A_EXPORT:
		ui_export_meeting(v->app, mv->id);
		return UI_DONE;
	case UI_A_EXTRACT:
		if (current_item(mv))
			ui_export_extract(v->app, mv->id, current_item(mv));
		else
			ui_status(v->app, "%s", _("Select an agenda item "
				  "first, or run the meeting (r) to its "
				  "item."));
		return UI_DONE;
	case UI_A_NEW: {
		/* a: a participant, chosen in the form. */
		struct tl_record *p;
		if (ui_meeting_locked(v))
			return UI_DONE;
		p = tl_record_new(TL_K_PARTICIPANT);
		if (!p)
			return UI_DONE;
		tl_record_set(p, TL_PART_MEETING, mv->id);
		ui_record_action(v->app, TL_K_PARTICIPANT, NULL, p, UI_A_NEW);
		tl_record_free(p);
		return UI_DONE;
	}
	case UI_A_DONE:
		if (!ui_meeting_selected(mv, TL_K_FOLLOWUP)) {
			ui_status(v->app, "%s", _("Select a follow-up first."));
			return UI_DONE;
		}
		return on_selected(v, a);
	case UI_A_OPEN:
	case UI_A_EDIT:
	case UI_A_CLOSE:
	case UI_A_REASSIGN:
	case UI_A_ACK:
	case UI_A_VERSIONS:
	case UI_A_LOG_DECISION:
		return on_selected(v, a);
	default:
		return UI_PASS;
	}
}

