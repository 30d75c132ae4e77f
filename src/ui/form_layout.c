/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * form_layout.c - the record form laid out and drawn: a window in the
 * middle of the screen with a row for each field (its label, its input
 * field, and below it the help in dim text or the error core found), cut
 * into pages when it is taller than the screen.  It is drawn over the
 * views by a modal hook of the app, so screen dumps of headless tests
 * show it; a resize lays it out anew without losing anything.
 */
#include "form_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include <curses.h>
#include <form.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

#define FORM_MAX_COLS 100 /* the window's widest */
#define FORM_LONG_ROWS 3  /* rows of a long-text field */
#define FORM_LABEL_MAX 22 /* label column's widest */

/* ---- layout ---------------------------------------------------------- */

void ui_form_teardown(struct form_ui *fu)
{
	if (fu->form) {
		unpost_form(fu->form);
		free_form(fu->form);
		fu->form = NULL;
	}
	for (int i = 0; i < fu->nrows; i++) {
		if (fu->rows[i].fld)
			free_field(fu->rows[i].fld);
		fu->rows[i].fld = NULL;
	}
	free(fu->fields);
	fu->fields = NULL;
	if (fu->sub)
		delwin(fu->sub);
	if (fu->win)
		delwin(fu->win);
	fu->sub = fu->win = NULL;
	fu->fw = 0;
}

/* Text fields underlined, choices bold, the one being entered reversed. */
void ui_form_style_field(struct row *row, bool current)
{
	attr_t a;

	if (!row->fld)
		return;
	if (row->readonly)
		a = ui_attr(UI_R_DIM);
	else if (current)
		a = A_REVERSE;
	else if (ui_form_is_text(row) && !row->editor_only)
		a = A_UNDERLINE;
	else
		a = A_BOLD;
	set_field_back(row->fld, a);
	set_field_fore(row->fld, a);
}

static bool make_field(struct form_ui *fu, struct row *row, bool new_page)
{
	FIELD *fld = new_field(row->height, fu->fw, row->y, fu->fx, 0, 0);

	if (!fld)
		return false;
	row->fld = fld;
	field_opts_off(fld, O_AUTOSKIP | O_BLANK);
	if (ui_form_is_text(row)) {
		field_opts_off(fld, O_STATIC);
		set_max_field(fld, 0);
		if (row->editor_only)
			field_opts_off(fld, O_EDIT);
	} else {
		field_opts_off(fld, O_EDIT);
	}
	if (row->readonly)
		field_opts_off(fld, O_ACTIVE | O_EDIT);
	if (new_page)
		set_new_page(fld, TRUE);
	ui_form_show_value(fu, row);
	ui_form_style_field(row, false);
	return true;
}

/* Lays the rows out on pages of `rows` lines. */
static void place_rows(struct form_ui *fu, int rows)
{
	int y = 0, page = 0;

	for (int i = 0; i < fu->nrows; i++) {
		struct row *row = &fu->rows[i];
		int h = row->f->type == TL_FT_LONGTEXT ? FORM_LONG_ROWS : 1;

		if (h > rows - 1)
			h = rows - 1 < 1 ? 1 : rows - 1;
		if (y > 0 && y + h + 1 > rows) {
			page++;
			y = 0;
		}
		row->height = h;
		row->page = page;
		row->y = y;
		y += h + 1;
	}
	fu->npages = page + 1;
}

/* Makes row `to` the one being entered, with the cursor after its text
 * so that typing adds to it. */
void ui_form_enter_row(struct form_ui *fu, int to)
{
	struct row *row = &fu->rows[to];

	fu->cur = to;
	if (!fu->form)
		return;
	set_current_field(fu->form, row->fld);
	ui_form_style_field(row, true);
	if (ui_form_is_text(row))
		form_driver_w(fu->form, KEY_CODE_YES, REQ_END_FIELD);
}

/* Makes the window and the form for the screen's present size. */
void ui_form_build(struct form_ui *fu)
{
	int body = LINES - 3, need = 3, lw = 0, y0, x0, n = 0;

	ui_form_teardown(fu);
	fu->lines = LINES;
	fu->cols = COLS;
	fu->w = COLS < FORM_MAX_COLS ? COLS : FORM_MAX_COLS;
	if (body < 6 || fu->w < 40)
		return;
	for (int i = 0; i < fu->nrows; i++) {
		const struct row *row = &fu->rows[i];
		int lwi = (int)tl_text_width(_(row->f->label)) + 2;
		if (lwi > lw)
			lw = lwi;
		need += (row->f->type == TL_FT_LONGTEXT ? FORM_LONG_ROWS : 1)
			+ 1;
	}
	fu->lw = lw > FORM_LABEL_MAX ? FORM_LABEL_MAX : lw;
	fu->fx = fu->lw + 1;
	fu->fw = fu->w - 2 - fu->fx - 1;
	fu->h = need < body ? need : body;
	y0 = 1 + (body - fu->h) / 2;
	x0 = (COLS - fu->w) / 2;
	place_rows(fu, fu->h - 3);

	fu->win = newwin(fu->h, fu->w, y0, x0);
	fu->sub = fu->win ? derwin(fu->win, fu->h - 3, fu->w - 2, 1, 1)
			  : NULL;
	fu->fields = calloc((size_t)fu->nrows + 1, sizeof(*fu->fields));
	if (!fu->sub || !fu->fields)
		goto fail;
	for (int i = 0; i < fu->nrows; i++) {
		struct row *row = &fu->rows[i];
		if (!make_field(fu, row, i > 0 && row->page !=
				fu->rows[i - 1].page))
			goto fail;
		fu->fields[n++] = row->fld;
	}
	fu->form = new_form(fu->fields);
	if (!fu->form)
		goto fail;
	set_form_win(fu->form, fu->win);
	set_form_sub(fu->form, fu->sub);
	if (post_form(fu->form) != E_OK)
		goto fail;
	if (fu->cur >= 0)
		ui_form_enter_row(fu, fu->cur);
	return;
fail:
	ui_form_teardown(fu);
}

/* ---- drawing --------------------------------------------------------- */
/* A frame of box-drawing characters: they read the same in a screen dump
 * as on the terminal (the line-drawing set of vt100 would not). */
static void frame(WINDOW *w)
{
	static const wchar_t *const parts[] = {
		L"│", L"│", L"─", L"─", L"┌", L"┐", L"└", L"┘",
	};
	cchar_t c[8];

	for (int i = 0; i < 8; i++)
		setcchar(&c[i], parts[i], A_NORMAL, 0, NULL);
	wborder_set(w, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6],
		    &c[7]);
}


/* A hint for the row being entered, for the message line. */
static const char *row_hint(const struct form_ui *fu)
{
	const struct row *row;

	if (fu->cur < 0)
		return _("Nothing here can be changed; Esc goes back.");
	row = &fu->rows[fu->cur];
	if (row->editor_only)
		return _("This text has several lines: C-e edits it in "
			 "$EDITOR.");
	switch (row->kind) {
	case ROW_CHOICE:
		return _("Space or Left/Right: the next choice.");
	case ROW_BOOL:
		return _("Space: yes or no.");
	case ROW_REF:
		return _("Enter: choose from a list.  Delete: clear.");
	case ROW_TEXT:
		break;
	}
	if (row->f->type == TL_FT_LONGTEXT)
		return _("C-e: write it in $EDITOR.");
	if (row->f->type == TL_FT_DATE || row->f->type == TL_FT_DATETIME)
		return _("A date: 2026-12-01, +14d, +2w, tomorrow.");
	return "";
}

/* Draws the form over the screen (the app calls it on every redraw). */
void ui_form_paint(struct ui_app *app, void *data)
{
	struct form_ui *fu = data;
	int page, cy = 0, cx = 0, by, bx, hw;
	char hints[300], head[300];

	(void)app;
	/* A resize (a terminal's, or a test script's) lays the form out
	 * anew before it is drawn. */
	if (fu->lines != LINES || fu->cols != COLS) {
		ui_form_sync_rows(fu);
		ui_form_build(fu);
	}
	if (!fu->win || !fu->form)
		return;
	page = form_page(fu->form);
	frame(fu->win);
	snprintf(head, sizeof(head), " %s ", fu->title);
	hw = (int)tl_text_width(head);
	ui_put(fu->win, 0, 2, hw < fu->w - 4 ? hw : fu->w - 4, head,
	       UI_R_SECTION, 0);
	for (int i = 0; i < fu->nrows; i++) {
		const struct row *row = &fu->rows[i];
		char label[200];
		const char *help;

		if (row->page != page)
			continue;
		snprintf(label, sizeof(label), "%s%s", _(row->f->label),
			 (row->f->flags & TL_FF_REQUIRED) && !row->readonly
			 ? " *" : "");
		ui_put(fu->sub, row->y, 0, fu->lw, label,
		       i == fu->cur ? UI_R_HEADER : UI_R_NORMAL, 0);
		if (row->err[0]) {
			ui_put(fu->sub, row->y + row->height, fu->fx, fu->fw,
			       row->err, UI_R_ERROR, 0);
			continue;
		}
		help = row->f->type == TL_FT_TAGS && fu->tags_help[0]
		       ? fu->tags_help : _(row->f->help);
		if (row->readonly)
			help = _("cannot be changed");
		ui_put(fu->sub, row->y + row->height, fu->fx, fu->fw, help,
		       UI_R_DIM, 0);
	}
	if (fu->msg[0])
		ui_put(fu->win, fu->h - 2, 1, fu->w - 2, fu->msg,
		       fu->msg_error ? UI_R_ERROR : UI_R_OK, 0);
	else
		ui_put(fu->win, fu->h - 2, 1, fu->w - 2, row_hint(fu),
		       UI_R_DIM, 0);
	if (fu->npages > 1)
		snprintf(hints, sizeof(hints), _(" C-x save  Esc cancel  "
						 "Tab next  PgDn page %d/%d "),
			 page + 1, fu->npages);
	else
		snprintf(hints, sizeof(hints), "%s",
			 _(" C-x save  Esc cancel  Tab next field "));
	if ((int)tl_text_width(hints) < fu->w - 4)
		ui_put(fu->win, fu->h - 1, fu->w - 2 -
		       (int)tl_text_width(hints), (int)tl_text_width(hints),
		       hints, UI_R_NORMAL, 0);

	/* The cursor where the form library keeps it. */
	if (fu->cur >= 0) {
		pos_form_cursor(fu->form);
		getyx(fu->win, cy, cx);
	}
	overwrite(fu->win, stdscr);
	getbegyx(fu->win, by, bx);
	wmove(stdscr, by + cy, bx + cx);
}
