/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting_whole.c - what the meeting screen does to a meeting as a
 * whole, beside running it (meeting_run.c): finishing it (H), signing
 * its minutes (S), planning the next of its series (+), and taking or
 * dropping what its agenda is offered (I, -).  Every change goes through
 * the store API; a signed meeting is locked.
 */
#include "meeting.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/service/sign.h"

/* +: the next meeting of the series, planned and opened. */
void ui_meeting_plan_next(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	struct tl_record *n = NULL;
	char id[TL_ID_LEN + 1];

	if (tl_store_meeting_next(ui_store(v->app), mv->id, &n, &err) !=
	    TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	snprintf(id, sizeof(id), "%s", n->id);
	ui_status(v->app, _("Planned the next meeting: %s, %s."),
		  tl_record_str(n, TL_MEETING_TITLE),
		  tl_record_str(n, TL_MEETING_STARTS));
	tl_record_free(n);
	ui_changed(v->app);
	ui_open_record(v->app, TL_K_MEETING, id);
}

/* I and -: the selected offer taken as an item of the meeting, or
 * dropped from its agenda (tl_store_meeting_take_offer, _drop_offer). */
void ui_meeting_offer(struct view *v, enum ui_action a)
{
	struct meeting_view *mv = v->data;
	const struct tl_agenda_offer *o = ui_meeting_selected_offer(mv);
	struct tl_error err = {0};
	char number[16], title[600];
	enum tl_status rc;

	if (!o) {
		ui_status(v->app, "%s", mv->noffers ? _("Select an offer "
			  "first, under Offered for the agenda.")
			  : _("This meeting is offered nothing: no "
			  "report-back or report on carrying out falls due by "
			  "it, or it is not its committee's next."));
		return;
	}
	if (ui_meeting_locked(v))
		return;
	snprintf(title, sizeof(title), "%s", o->title);
	if (a == UI_A_TAKE_OFFER)
		rc = tl_store_meeting_take_offer(ui_store(v->app), mv->id,
						 title, number, &err);
	else
		rc = tl_store_meeting_drop_offer(ui_store(v->app), mv->id,
						 o->id, &err);
	if (rc != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	if (a == UI_A_TAKE_OFFER)
		ui_status(v->app, _("Added § %s: %s."), number, title);
	else
		ui_status(v->app, _("Dropped from this meeting: %s."), title);
	ui_changed(v->app);
}

/* H: the meeting is held. */
void ui_meeting_finish(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	if (ui_meeting_locked(v))
		return;
	if (!strcmp(tl_record_str(mv->md.meeting, TL_MEETING_STATUS),
		    "held")) {
		mv->run = false;
		mv->ls.top = 0;
		ui_changed(v->app);
		ui_status(v->app, "%s", _("The meeting is already held."));
		return;
	}
	if (!ui_confirm(v->app, _("Finish the meeting and mark it held?")))
		return;
	/* Held, not closed: closing a meeting cancels it. */
	if (ui_meeting_set_field(v, TL_K_MEETING, mv->id, TL_MEETING_STATUS,
				 "held", &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	mv->run = false;
	mv->ls.top = 0;
	ui_lines_select(&mv->ls, -1);
	ui_changed(v->app);
	ui_status(v->app, "%s", _("The meeting is finished and held."));
}

/* Signs with the user's own key; ssh-keygen may ask for its passphrase
 * on the terminal, so the screen steps aside while it runs. */
static enum tl_status sign_own(struct view *v, const char *me,
			       bool *complete, struct tl_error *err)
{
	struct meeting_view *mv = v->data;
	enum tl_status rc;

	def_prog_mode();
	endwin();
	rc = tl_sign_with_key(ui_store(v->app), mv->id, me, NULL, complete,
			      err);
	reset_prog_mode();
	refresh();
	return rc;
}

/*
 * S: the user signs with their own key when they sign the meeting;
 * otherwise they record that someone signed on paper.  The last
 * signature locks.
 */
void ui_meeting_sign(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	char who[TL_ID_LEN + 1], me[TL_ID_LEN + 1], q[300];
	struct tl_sign_how how = {.recorded_by = me};
	bool complete = false, own;
	enum tl_status rc;

	if (ui_meeting_locked(v))
		return;
	if (strcmp(tl_record_str(mv->md.meeting, TL_MEETING_STATUS), "held")) {
		ui_status(v->app, "%s", _("Finish the meeting (H) before it "
					  "is signed."));
		return;
	}
	if (!ui_actor(v->app, me))
		return;
	if (tl_sign_due(ui_store(v->app), mv->id, me, &own, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	if (own) {
		snprintf(q, sizeof(q), _("Sign the minutes as %s with your "
					 "own key (~/.ssh/id_ed25519)?"),
			 tl_refs_title(ui_refs(v->app), TL_K_PERSON, me));
	} else {
		if (!ui_pick(v->app, TL_K_PERSON, _("Who signed on paper?"),
			     who))
			return;
		snprintf(q, sizeof(q), _("Record that %s signed the minutes "
					 "on paper (recorded by you)?"),
			 tl_refs_title(ui_refs(v->app), TL_K_PERSON, who));
	}
	if (!ui_confirm(v->app, q))
		return;
	rc = own ? sign_own(v, me, &complete, &err)
		 : tl_sign_meeting(ui_store(v->app), mv->id, who, &how,
				   &complete, &err);
	if (rc != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	ui_changed(v->app);
	ui_status(v->app, "%s", complete
		  ? _("Signed. Every signature is in: the meeting is now "
		      "signed and locked.")
		  : _("Signed. The minutes wait for the other signatures."));
}
