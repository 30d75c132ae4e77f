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

#include "tillit/model.h"
#include "tillit/view.h"

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

#endif
