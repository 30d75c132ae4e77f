/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * form.h - forms for adding and editing records, made with the ncurses
 * form library from the field tables of model.h.
 *
 * Each value is checked by core (tl_validate_value) before the record is
 * saved; an error sits next to its field and the form keeps what was
 * typed.  Dates take 2026-12-01, +14d or tomorrow.  People and units are
 * chosen from a pick-list filtered as you type, never by typing ids.
 */
#ifndef TILLIT_FORM_H
#define TILLIT_FORM_H

#include <stdbool.h>

#include "tillit/core/model.h"
#include "tillit/ui/view.h"

/*
 * Opens a form for a record of r->e's kind.  When r->id is set the form
 * edits that stored record; otherwise it adds a new one, prefilled with
 * r's values (the context: meeting, item, people).  On save the record is
 * stored, r is updated to what was stored and true is returned; false
 * when the user cancelled (or saving failed, with the error in the status
 * line).
 */
bool ui_form_record(struct ui_app *app, struct tl_record *r,
		    const char *title);

/*
 * Like ui_form_record, for a draft (draft.h) taken up again: r holds the
 * draft's values (with r->id set when it edits a stored record).  The
 * draft file at draft_path is removed when the record is saved or the
 * user throws it away; when a signal closes the program again, what is
 * typed by then replaces it.
 *
 * When a signal ends any form (ui_signal), what was typed is kept as a
 * new draft next to the database.
 */
bool ui_form_record_draft(struct ui_app *app, struct tl_record *r,
			  const char *title, const char *draft_path);

#endif
