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
#include "tillit/core/template.h"

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

/*
 * A one-to-one series just added without a standing agenda: one key
 * gives it one of the templates tillit ships (template.h), or none.
 */
static void offer_template(struct ui_app *app, struct tl_record *r)
{
	struct tl_error err = {0};
	const struct tl_template *t;
	char question[400];
	char *agenda;
	int n, k;

	if (r->e->kind != TL_K_SERIES || tl_record_get(r, TL_SERIES_AGENDA) ||
	    strcmp(tl_record_str(r, TL_SERIES_KIND), "one_to_one"))
		return;
	t = tl_templates(&n);
	snprintf(question, sizeof(question), _("A standing agenda from a "
		 "template? (l) %s, (r) %s, (n) none:"), _(t[0].title),
		 _(t[1].title));
	k = ui_choose(app, question, "lrn");
	if (k != 'l' && k != 'r')
		return;
	if (!(agenda = tl_template_agenda(&t[k == 'l' ? 0 : 1])))
		return;
	if (tl_record_set(r, TL_SERIES_AGENDA, agenda) &&
	    tl_store_update(ui_store(app), r, &err) == TL_OK)
		ui_changed(app);
	else if (err.status != TL_OK)
		ui_error(app, &err);
	free(agenda);
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
		offer_template(app, r);
	}
	tl_record_free(r);
	return UI_DONE;
}

bool ui_record_offers(enum tl_kind kind, enum ui_action a)
{
	bool written_by_tillit = kind == TL_K_FRAME_VERSION ||
				 kind == TL_K_SIGNATURE || kind == TL_K_SEAL;

	switch (a) {
	case UI_A_NEW:
	case UI_A_EDIT:
		return !written_by_tillit;
	case UI_A_CLOSE:
		return tl_entity_get(kind)->close_value != NULL;
	case UI_A_DONE:
	case UI_A_REASSIGN:
		return kind == TL_K_FOLLOWUP;
	case UI_A_ACK:
	case UI_A_VERSIONS:
		return kind == TL_K_FRAME;
	case UI_A_LOG_DECISION:
		return kind == TL_K_MANDATE;
	default:
		return false;
	}
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

	if (!ui_record_offers(r ? r->e->kind : kind, a))
		return UI_PASS;
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
		snprintf(title, sizeof(title), _("Set this %s to %s?"),
			 _(r->e->label), _(r->e->close_value));
		if (!ui_confirm(app, title))
			return UI_DONE;
		rc = tl_store_close_record(st, r->e->kind, r->id, &err);
		report(app, rc, &err, _("Closed."));
		return UI_DONE;
	case UI_A_DONE: {
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

		if (!ui_actor(app, actor))
			return UI_DONE;
		rc = tl_store_frame_ack(st, r->id, actor, &err);
		report(app, rc, &err, _("Frame acknowledged."));
		return UI_DONE;
	}
	case UI_A_VERSIONS: {
		static struct ui_list_arg arg;
		static char frame[TL_ID_LEN + 1];
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
