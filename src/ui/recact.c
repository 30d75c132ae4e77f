/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * recact.c - actions on one record, shared by lists and record views.
 */
#include "tillit/ui/recact.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/ui/form.h"
#include "tillit/core/i18n.h"

static void report(struct ui_app *app, enum tl_status rc,
		   const struct tl_error *err, const char *done)
{
	if (rc == TL_OK) {
		ui_changed(app);
		ui_status(app, "%s", done);
	} else {
		ui_error(app, err);
	}
}

static enum ui_result add_new(struct ui_app *app, enum tl_kind kind,
			      const struct tl_record *prefill)
{
	struct tl_record *r = prefill ? tl_record_dup(prefill)
				      : tl_record_new(kind);
	char title[120];

	if (!r)
		return UI_DONE;
	r->id[0] = '\0';
	snprintf(title, sizeof(title), _("New %s"),
		 _(tl_entity_get(kind)->label));
	if (ui_form_record(app, r, title)) {
		ui_added(app, r);
		ui_status(app, _("Saved the %s."), _(r->e->label));
	}
	tl_record_free(r);
	return UI_DONE;
}

static enum ui_result act(struct ui_app *app, enum tl_kind kind,
			  const struct tl_record *r,
			  const struct tl_record *prefill, enum ui_action a)
{
	struct tl_store *st = ui_store(app);
	struct tl_error err = {0};
	struct tl_record *w;
	enum tl_status rc;
	char title[160];

	if (a == UI_A_NEW)
		return add_new(app, kind, prefill);
	if (!r)
		return UI_PASS;
	switch (a) {
	case UI_A_EDIT:
		/* The record as stored now, with its version, read at once:
		 * a save from this read is refused if it changes before. */
		w = NULL;
		if (tl_store_read_begin(st, &err) == TL_OK) {
			if (tl_store_get(st, r->e->kind, r->id, &w, &err) ==
			    TL_OK &&
			    tl_store_version(st, w->id, &w->version, NULL,
					     NULL, NULL, &err) != TL_OK)
				w->version = 0;
			tl_store_read_end(st);
		}
		if (!w)
			w = tl_record_dup(r);
		if (!w)
			return UI_DONE;
		snprintf(title, sizeof(title), _("Edit %s"), _(r->e->label));
		/* r belongs to a view that ui_changed reloads: use w. */
		if (ui_form_record(app, w, title)) {
			ui_changed(app);
			ui_status(app, _("Saved the %s."), _(w->e->label));
		}
		tl_record_free(w);
		return UI_DONE;
	case UI_A_CLOSE:
		if (!r->e->close_value)
			return UI_PASS;
		snprintf(title, sizeof(title), _("Set this %s to %s?"),
			 _(r->e->label), _(r->e->close_value));
		if (!ui_confirm(app, title))
			return UI_DONE;
		rc = tl_store_close_record(st, r->e->kind, r->id, &err);
		report(app, rc, &err, _("Closed."));
		return UI_DONE;
	case UI_A_DONE: {
		if (r->e->kind != TL_K_FOLLOWUP)
			return UI_PASS;
		char *outcome = ui_prompt(app, _("Outcome:"), NULL);
		if (!outcome)
			return UI_DONE;
		rc = tl_store_followup_done(st, r->id, outcome, &err);
		free(outcome);
		report(app, rc, &err, _("Marked done."));
		return UI_DONE;
	}
	case UI_A_REASSIGN: {
		char id[TL_ID_LEN + 1];
		if (r->e->kind != TL_K_FOLLOWUP)
			return UI_PASS;
		if (!ui_pick(app, TL_K_PERSON, _("New owner:"), id))
			return UI_DONE;
		w = tl_record_dup(r);
		if (!w)
			return UI_DONE;
		tl_record_set(w, TL_FOLLOWUP_OWNER, id);
		rc = tl_store_update(st, w, &err);
		tl_record_free(w);
		report(app, rc, &err, _("Reassigned."));
		return UI_DONE;
	}
	case UI_A_ACK: {
		char actor[TL_ID_LEN + 1];

		if (r->e->kind != TL_K_FRAME)
			return UI_PASS;
		if (!ui_actor(app, actor))
			return UI_DONE;
		rc = tl_store_frame_ack(st, r->id, actor, &err);
		report(app, rc, &err, _("Frame acknowledged."));
		return UI_DONE;
	}
	case UI_A_VERSIONS: {
		static struct ui_list_arg arg;
		static char frame[TL_ID_LEN + 1];
		if (r->e->kind != TL_K_FRAME)
			return UI_PASS;
		memcpy(frame, r->id, sizeof(frame));
		memset(&arg, 0, sizeof(arg));
		arg.query.kind = TL_K_FRAME_VERSION;
		arg.query.parent = frame;
		arg.title = N_("Earlier versions");
		arg.name = "frame-versions";
		ui_push(app, &ui_view_list, &arg);
		return UI_DONE;
	}
	case UI_A_LOG_DECISION: {
		char today[TL_DATE_SIZE];
		if (r->e->kind != TL_K_MANDATE)
			return UI_PASS;
		w = tl_record_new(TL_K_DECISION);
		if (!w)
			return UI_DONE;
		tl_clock_today(today);
		tl_record_set(w, TL_DECISION_MANDATE, r->id);
		tl_record_set(w, TL_DECISION_DECIDED_ON, today);
		tl_record_set(w, TL_DECISION_DECIDED_BY,
			      tl_record_get(r, TL_MANDATE_GIVEN_TO));
		add_new(app, TL_K_DECISION, w);
		tl_record_free(w);
		return UI_DONE;
	}
	default:
		return UI_PASS;
	}
}

enum ui_result ui_record_action(struct ui_app *app, enum tl_kind kind,
				const struct tl_record *r,
				const struct tl_record *prefill,
				enum ui_action a)
{
	/*
	 * r usually belongs to a view, and any prompt may reload the views
	 * (another program changed the data), freeing it: work on a copy.
	 */
	struct tl_record *copy = r ? tl_record_dup(r) : NULL;
	enum ui_result res;

	if (r && !copy)
		return UI_DONE;
	res = act(app, kind, copy, prefill, a);
	tl_record_free(copy);
	return res;
}
