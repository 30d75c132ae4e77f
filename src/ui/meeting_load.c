/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting_load.c - the meeting screen's model: the meeting loaded with
 * what the screen shows of it (its records, legal clocks, private notes
 * and agenda offers), keeping the run's step; and which of its records
 * or offers is selected.  The screens are view_meeting.c's.
 */
#include "meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

/* ---- loading --------------------------------------------------------- */

enum tl_status ui_meeting_load(struct view *v, struct tl_error *err)
{
	struct meeting_view *mv = v->data;
	struct tl_store *st = ui_store(v->app);
	enum tl_status rc;
	char *title;

	tl_meeting_data_done(&mv->md);
	tl_private_free(mv->priv, mv->npriv);
	mv->priv = NULL;
	mv->npriv = 0;
	free(mv->pclocks);
	mv->pclocks = NULL;
	mv->npclocks = 0;
	free(mv->offers);
	mv->offers = NULL;
	mv->noffers = 0;
	tl_clock_today(mv->today);
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_meeting_read(st, ui_refs(v->app), mv->id, TL_MEETING_PARAGRAPHS,
			     &mv->md, err);
	if (rc == TL_OK)
		rc = tl_clock_lines(st, mv->md.meeting, mv->today, mv->clocks,
				    &mv->nclocks, err);
	if (rc == TL_OK)
		rc = tl_paragraph_clock_lines(st, mv->md.meeting, mv->today,
					      &mv->pclocks, &mv->npclocks,
					      err);
	if (rc == TL_OK && !ui_meeting_is_signed(mv))
		rc = tl_agenda_offers(st, mv->id, mv->today, 50, &mv->offers,
				      &mv->noffers, err);
	tl_store_read_end(st);
	if (rc != TL_OK)
		return rc;
	ui_private_load(v->app, mv->id, &mv->priv, &mv->npriv);

	title = tl_text_first_line(tl_record_str(mv->md.meeting,
						 TL_MEETING_TITLE), 140);
	snprintf(v->title, sizeof(v->title), mv->run ? _("Running: %s")
		 : _("Meeting: %s"), title ? title : "");
	free(title);

	/* Keep the step: the current item by id, else the one in its place. */
	if (mv->step == UI_STEP_CARRIED && mv->md.carried.n == 0)
		mv->step = UI_STEP_PEOPLE;
	if (mv->step == UI_STEP_ITEM) {
		const struct tl_rec_list *items = &mv->md.items;
		int i = tl_rec_list_index(items, mv->item);

		if (i < 0 && items->n > 0) {
			i = mv->item_index < items->n ? mv->item_index
						      : items->n - 1;
			memcpy(mv->item, items->v[i]->id, sizeof(mv->item));
		}
		if (i < 0)
			mv->step = UI_STEP_PEOPLE;
		else
			mv->item_index = i;
	}
	return TL_OK;
}

void ui_meeting_reload(struct view *v)
{
	struct tl_error err = {0};

	if (ui_meeting_load(v, &err) != TL_OK)
		ui_error(v->app, &err);
}

/* ---- what is selected ------------------------------------------------ */

const struct tl_agenda_offer *ui_meeting_selected_offer(
	const struct meeting_view *mv)
{
	for (int i = 0; mv->ls.sel[0] && i < mv->noffers; i++)
		if (mv->offers[i].kind == mv->ls.sel_kind &&
		    !strcmp(mv->offers[i].id, mv->ls.sel))
			return &mv->offers[i];
	return NULL;
}

const struct tl_record *ui_meeting_selected(const struct meeting_view *mv,
					    enum tl_kind kind)
{
	const struct tl_meeting_data *md = &mv->md;
	const char *sel = mv->ls.sel;

	if (!sel[0] || mv->ls.sel_kind != kind)
		return NULL;
	switch (kind) {
	case TL_K_PARTICIPANT:
		return tl_rec_list_find(&md->parts, sel);
	case TL_K_ITEM:
		return tl_rec_list_find(&md->items, sel);
	case TL_K_MANDATE:
		return tl_rec_list_find(&md->mandates, sel);
	case TL_K_FRAME:
		return tl_rec_list_find(&md->frames, sel);
	case TL_K_FOLLOWUP: {
		const struct tl_record *r = tl_rec_list_find(&md->followups,
							     sel);
		return r ? r : tl_rec_list_find(&md->carried, sel);
	}
	default:
		return NULL;
	}
}

const struct tl_record *ui_meeting_selected_any(const struct meeting_view *mv)
{
	return mv->ls.sel[0] ? ui_meeting_selected(mv, mv->ls.sel_kind)
			     : NULL;
}
