/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * form_ui.h - what the files of the record form share (private to
 * src/ui): form.c opens the form and handles its keys, moving and saving;
 * form_text.c keeps the values in the rows and the text of the fields
 * that show them; form_layout.c lays the form out and draws it.  The
 * public API is form.h.
 */
#ifndef TILLIT_UI_FORM_UI_H
#define TILLIT_UI_FORM_UI_H

#include <stdbool.h>

#include <curses.h>
#include <form.h>

#include "tillit/core/model.h"
#include "tillit/ui/view.h"

enum row_kind {
	ROW_TEXT,   /* typed: text, dates, numbers, amounts, tags */
	ROW_CHOICE, /* one of the field's choices */
	ROW_BOOL,   /* yes or no */
	ROW_REF,    /* a record chosen from a pick-list */
};

struct row {
	int fi; /* index in the entity's fields */
	const struct tl_field *f;
	enum row_kind kind;
	bool readonly;    /* fixed after creation: shown, not entered */
	bool editor_only; /* text the field cannot hold (newlines, tabs) */
	char *value;      /* the value, NULL when unset */
	char err[1024];   /* shown below the field instead of the help */
	FIELD *fld;
	int page, y, height;
};

struct form_ui {
	struct ui_app *app;
	struct tl_record *r;
	const char *title;
	struct row *rows;
	int nrows;
	int cur; /* the row being entered; -1 when none can be */
	char tags_help[512];
	char msg[1024];
	bool msg_error;
	bool dirty;
	char *canon; /* TL_TEXT_MAX + 1 bytes for tl_validate_value */
	const char *draft; /* the draft file this form took up, or NULL */
	/* The curses side; win is NULL when the screen is too small. */
	WINDOW *win, *sub;
	FORM *form;
	FIELD **fields;
	int h, w, lw, fx, fw, npages;
	int lines, cols; /* the screen's size when it was laid out */
};

/* True for a typed row (text, dates, numbers, amounts, tags). */
static inline bool ui_form_is_text(const struct row *row)
{
	return row->kind == ROW_TEXT;
}

/* ---- values and the text of fields (form_text.c) --------------------- */

/* Sets the row's value to a copy of v (NULL or "" unsets it); out of
 * memory keeps the old value. */
void ui_form_set_value(struct row *row, const char *v);

/* Shows the row's value in its field (a no-op without a field). */
void ui_form_show_value(struct form_ui *fu, struct row *row);

/*
 * Takes what was typed into the current field into its row: the form
 * library keeps the field being entered apart until it is validated.
 */
void ui_form_sync_rows(struct form_ui *fu);

/* ---- layout and drawing (form_layout.c) ------------------------------ */

/* Frees the window, the form and the fields (the rows stay). */
void ui_form_teardown(struct form_ui *fu);

/* Text fields underlined, choices bold, the one being entered reversed. */
void ui_form_style_field(struct row *row, bool current);

/* Makes row `to` the one being entered, with the cursor after its text
 * so that typing adds to it. */
void ui_form_enter_row(struct form_ui *fu, int to);

/* Makes the window and the form for the screen's present size (none when
 * the screen is too small: fu->win is then NULL). */
void ui_form_build(struct form_ui *fu);

/* Draws the form over the screen (the app calls it on every redraw, as a
 * modal hook; data is the struct form_ui). */
void ui_form_paint(struct ui_app *app, void *data);

#endif
