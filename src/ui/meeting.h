/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting.h - the meeting screen's two halves: the view (meeting_load.c:
 * loading and what is selected; view_meeting.c: the detail and the run's
 * screens, drawing) and the controller (meeting_run.c: the run's steps
 * and the keys that change the meeting; meeting_whole.c: finishing,
 * signing, planning the next, the agenda offers; meeting_paragraph.c:
 * what a § records besides its decision).  Private to those files.
 */
#ifndef TILLIT_UI_MEETING_H
#define TILLIT_UI_MEETING_H

#include <stdbool.h>

#include "tillit/core/date.h"
#include "tillit/read/clocks.h"
#include "tillit/read/meeting.h"
#include "tillit/read/undone.h"
#include "tillit/ui/lines.h"
#include "tillit/ui/private.h"
#include "tillit/ui/view.h"

enum ui_meeting_step {
	UI_STEP_CARRIED, /* open follow-ups from earlier meetings */
	UI_STEP_PEOPLE,  /* attendance */
	UI_STEP_ITEM,    /* an agenda item */
};

struct meeting_view {
	char id[TL_ID_LEN + 1];
	struct tl_meeting_data md; /* the meeting, as last loaded */
	struct tl_private_note *priv; /* the reader's private notes on it */
	int npriv;
	struct tl_clock_line clocks[TL_CLOCK_LINES]; /* its legal clocks */
	int nclocks;
	struct tl_par_clock *pclocks; /* those of §§ justered immediately */
	int npclocks;
	/* What its agenda is offered, when it is its committee's next
	 * meeting (read/undone.h). */
	struct tl_agenda_offer *offers;
	int noffers;
	char today[TL_DATE_SIZE];

	bool run;
	enum ui_meeting_step step;
	char item[TL_ID_LEN + 1]; /* the current item in UI_STEP_ITEM */
	int item_index;           /* where it was, if it disappears */

	/* What the last draw made; the selection is kept by record id. */
	struct ui_lines ls;
};

/* ---- view_meeting.c: the screens and drawing; meeting_load.c: loading
 * and what is selected ---- */

/* The word people read for a stored value ("signed · locked"). */
const char *ui_meeting_label(const char *value);

/* Whether the meeting is a committee meeting; signed (and locked). */
bool ui_meeting_is_committee(const struct meeting_view *mv);
bool ui_meeting_is_signed(const struct meeting_view *mv);

/* The selected record, when it is of `kind` and in the meeting; any. */
const struct tl_record *ui_meeting_selected(const struct meeting_view *mv,
					    enum tl_kind kind);
const struct tl_record *ui_meeting_selected_any(
	const struct meeting_view *mv);

/* The offer selected on the screen, or NULL. */
const struct tl_agenda_offer *ui_meeting_selected_offer(
	const struct meeting_view *mv);

/* Loads the meeting afresh (keeping the step); reload shows an error. */
enum tl_status ui_meeting_load(struct view *v, struct tl_error *err);
void ui_meeting_reload(struct view *v);

/* ---- meeting_run.c ---- */

/* The run's steps: how many, and which the current one is (from 0). */
int ui_meeting_nsteps(const struct meeting_view *mv);
int ui_meeting_step_no(const struct meeting_view *mv);

/* Whether the meeting is signed and locked; says so in the status line
 * when it is. */
bool ui_meeting_locked(struct view *v);

/* Sets one field of record kind/id through the store. */
enum tl_status ui_meeting_set_field(struct view *v, enum tl_kind kind,
				    const char *id, int field,
				    const char *value, struct tl_error *err);

/* The keys of the meeting screen (view_ops.handle). */
enum ui_result ui_meeting_handle(struct view *v, enum ui_action a, int key);

/* ---- meeting_paragraph.c ---- */

/* What item `it` records besides its decision: motions, votes and
 * entries, each a line; nothing for a meeting that is no committee's. */
void ui_meeting_add_paragraph(struct view *v, const struct tl_record *it);

/* Opens the form of a new motion, vote, entry (on item `it`) or ballot
 * (in its last vote); says in the status line why not, when not. */
void ui_meeting_record_part(struct view *v, const struct tl_record *it,
			    enum tl_kind kind);

/* ---- meeting_whole.c ---- */

/* H: the meeting held; S: the minutes signed (with one's own key, or on
 * paper); +: the next meeting of the series planned and opened; I and -
 * (a is UI_A_TAKE_OFFER or UI_A_DROP_OFFER): the selected agenda offer
 * taken as an item, or dropped. */
void ui_meeting_finish(struct view *v);
void ui_meeting_sign(struct view *v);
void ui_meeting_plan_next(struct view *v);
void ui_meeting_offer(struct view *v, enum ui_action a);

#endif
