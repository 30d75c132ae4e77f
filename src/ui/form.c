/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * form.c - the form that adds or edits one record, made with the ncurses
 * form library from the record's field table (model.h).
 *
 * Every field that people set gets a row: its label, an input field, and
 * below it the field's help in dim text, or the error core found in what
 * was typed.  Text, dates, numbers and tags are typed (through the wide
 * form driver, so å, ä and ö go in); choices and yes/no are cycled with
 * Space or Left/Right; references show the referred record's name and
 * are chosen from a pick-list (ui_pick).  Long text can be written in
 * $EDITOR with C-e.  Fields that may not change after creation are shown
 * but cannot be entered.  A form taller than the screen is cut into pages.
 *
 * The values live in the rows (struct row) and the form library only
 * shows and edits them (form_text.c), so the form can be laid out again
 * at any time (form_layout.c, on a resize) without losing anything.
 * This file opens the form, handles its keys, moves between its rows,
 * changes values and saves the record.
 */
#include "tillit/ui/form.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <form.h>

#include "tillit/ui/action.h"
#include "tillit/ui/draft.h"
#include "tillit/core/i18n.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"
#include "form_ui.h"
#include "tillit/core/validate.h"
#include "tillit/ui/view.h"

/* ---- moving ---------------------------------------------------------- */

/* True for typed values that people write loosely and core writes out
 * in full: dates, numbers, amounts and tags. */
static bool shows_canonical(const struct row *row)
{
	if (!ui_form_is_text(row) || row->readonly)
		return false;
	switch (row->f->type) {
	case TL_FT_DATE:
	case TL_FT_DATETIME:
	case TL_FT_INT:
	case TL_FT_AMOUNT:
	case TL_FT_NUMBER:
	case TL_FT_PERIOD:
	case TL_FT_TAGS:
		return true;
	default:
		return false;
	}
}

/* Checks a value typed into a date, number or tags field on leaving it,
 * and shows it in its canonical form ("+14d" becomes the date). */
static void leave_row(struct form_ui *fu, struct row *row)
{
	struct tl_error err = {0};

	if (!shows_canonical(row))
		return;
	if (!row->value) {
		row->err[0] = '\0';
		return;
	}
	if (tl_validate_value(row->f, row->value, fu->canon, TL_TEXT_MAX + 1,
			      &err) != TL_OK) {
		snprintf(row->err, sizeof(row->err), "%s", err.msg);
		return;
	}
	row->err[0] = '\0';
	if (strcmp(fu->canon, row->value)) {
		ui_form_set_value(row, fu->canon);
		ui_form_show_value(fu, row);
	}
}

static void goto_row(struct form_ui *fu, int to)
{
	if (to < 0 || to >= fu->nrows || fu->cur < 0)
		return;
	ui_form_sync_rows(fu);
	leave_row(fu, &fu->rows[fu->cur]);
	ui_form_style_field(&fu->rows[fu->cur], false);
	ui_form_enter_row(fu, to);
}

/* The next row that can be entered, by step (+1 or -1), wrapping. */
static int next_row(const struct form_ui *fu, int from, int step)
{
	for (int k = 1; k <= fu->nrows; k++) {
		int i = ((from + step * k) % fu->nrows + fu->nrows) %
			fu->nrows;
		if (!fu->rows[i].readonly)
			return i;
	}
	return from;
}

static bool is_last_row(const struct form_ui *fu)
{
	for (int i = fu->cur + 1; i < fu->nrows; i++)
		if (!fu->rows[i].readonly)
			return false;
	return true;
}

/* The first row that can be entered on the page after (or before). */
static void goto_page(struct form_ui *fu, int step)
{
	int page = fu->rows[fu->cur].page + step;

	for (int i = 0; i < fu->nrows; i++)
		if (fu->rows[i].page == page && !fu->rows[i].readonly) {
			goto_row(fu, i);
			return;
		}
}

/* ---- changing values ------------------------------------------------- */

static void cycle_choice(struct form_ui *fu, struct row *row, int step)
{
	const char *const *c = row->f->choices;
	int n = 0, at = -1, len;
	/* Unset is a choice only where the store would leave it unset. */
	bool none = !(row->f->flags & TL_FF_REQUIRED) && !row->f->def;

	while (c && c[n])
		n++;
	if (n == 0)
		return;
	for (int i = 0; i < n; i++)
		if (row->value && !strcmp(row->value, c[i]))
			at = i;
	/* The cycle: the choices, then "none" for an optional field. */
	len = n + (none ? 1 : 0);
	if (at < 0)
		at = step > 0 ? -1 : (none ? n : 0);
	at = ((at + step) % len + len) % len;
	ui_form_set_value(row, at < n ? c[at] : NULL);
	ui_form_show_value(fu, row);
	fu->dirty = true;
}

/* The first choice after the current one that starts with key. */
static void choose_by_letter(struct form_ui *fu, struct row *row, int key)
{
	const char *const *c = row->f->choices;
	int n = 0, at = -1;

	while (c && c[n])
		n++;
	for (int i = 0; i < n; i++)
		if (row->value && !strcmp(row->value, c[i]))
			at = i;
	for (int k = 1; k <= n; k++) {
		int i = (at + k) % n;
		if (i >= 0 && (unsigned char)c[i][0] == (unsigned)key) {
			ui_form_set_value(row, c[i]);
			ui_form_show_value(fu, row);
			fu->dirty = true;
			return;
		}
	}
}

static void toggle_bool(struct form_ui *fu, struct row *row, int want)
{
	bool on = row->value && !strcmp(row->value, "1");

	if (want >= 0)
		on = want;
	else
		on = !on;
	ui_form_set_value(row, on ? "1" : "0");
	ui_form_show_value(fu, row);
	fu->dirty = true;
}

static void pick_ref(struct form_ui *fu, struct row *row)
{
	char id[TL_ID_LEN + 1], q[200];

	snprintf(q, sizeof(q), "%s:", _(row->f->label));
	if (!ui_pick(fu->app, row->f->ref, q, id))
		return;
	ui_form_set_value(row, id);
	row->err[0] = '\0';
	ui_form_show_value(fu, row);
	fu->dirty = true;
}

static void external_edit(struct form_ui *fu, struct row *row)
{
	char *text;

	ui_form_sync_rows(fu);
	text = ui_edit_external(fu->app, row->value ? row->value : "");
	/* The editor took the terminal; the whole screen comes back. */
	clearok(curscr, TRUE);
	if (!text)
		return;
	ui_form_set_value(row, text);
	free(text);
	row->err[0] = '\0';
	row->editor_only = row->f->type == TL_FT_TEXT ? false
			   : row->value && strpbrk(row->value, "\n\t\r");
	fu->dirty = true;
	/* Whether the field may be typed into can change: lay it out anew. */
	ui_form_build(fu);
}

/* ---- saving ---------------------------------------------------------- */

static bool save(struct form_ui *fu);

static bool same(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && !strcmp(a, b));
}

/*
 * The record was changed by someone else while the form was open
 * (TL_ESTALE, err says who and when).  Nothing typed is lost: each field
 * they changed shows its new value below it, and the user chooses to
 * put their own edits on top of that version (the fields they did not
 * touch take the new values) and save, to throw their edits away and
 * take the new version into the form, or to go on editing.
 */
static bool changed_meanwhile(struct form_ui *fu, const struct tl_error *why)
{
	struct tl_store *st = ui_store(fu->app);
	struct tl_error err = {0};
	struct tl_record *cur = NULL;
	char names[512] = "";
	size_t len = 0;
	bool ok = false;

	if (tl_store_read_begin(st, &err) == TL_OK) {
		ok = tl_store_get(st, fu->r->e->kind, fu->r->id, &cur, &err) ==
		     TL_OK && tl_store_version(st, cur->id, &cur->version,
					       NULL, NULL, NULL, &err) ==
		     TL_OK;
		tl_store_read_end(st);
	}
	if (!ok) {
		tl_record_free(cur);
		snprintf(fu->msg, sizeof(fu->msg), "%s", err.msg[0] ? err.msg
			 : why->msg);
		fu->msg_error = true;
		return false;
	}
	for (int i = 0; i < fu->nrows; i++) {
		struct row *row = &fu->rows[i];
		const char *now = tl_record_get(cur, row->fi);

		if (same(tl_record_get(fu->r, row->fi), now))
			continue;
		snprintf(row->err, sizeof(row->err), _("Changed meanwhile "
			 "to: %s"), now && *now ? now : _("(empty)"));
		len += (size_t)snprintf(names + len, len < sizeof(names)
					? sizeof(names) - len : 0, "%s%s",
					len ? ", " : "", _(row->f->label));
	}
	snprintf(fu->msg, sizeof(fu->msg), "%.600s %s %.380s", why->msg,
		 _("Changed:"), names);
	fu->msg_error = true;
	ui_form_build(fu);
	ui_draw_now(fu->app);
	if (ui_confirm(fu->app, _("Put your edits on top of theirs and "
				  "save?"))) {
		/* Theirs where the form still holds what was read. */
		for (int i = 0; i < fu->nrows; i++) {
			struct row *row = &fu->rows[i];

			if (same(tl_record_get(fu->r, row->fi), row->value))
				ui_form_set_value(row,
						  tl_record_get(cur, row->fi));
			row->err[0] = '\0';
		}
	} else if (ui_confirm(fu->app, _("Throw your edits away and take "
					 "theirs?"))) {
		for (int i = 0; i < fu->nrows; i++) {
			ui_form_set_value(&fu->rows[i],
					  tl_record_get(cur, fu->rows[i].fi));
			fu->rows[i].err[0] = '\0';
		}
		fu->dirty = false;
	} else {
		tl_record_free(cur);
		ui_form_build(fu);
		return false; /* as it was; a save asks again */
	}
	/* The form now stands on their version. */
	memcpy(fu->r->updated_at, cur->updated_at, sizeof(cur->updated_at));
	fu->r->version = cur->version;
	for (int i = 0; i < cur->e->nfields; i++)
		tl_record_set(fu->r, i, tl_record_get(cur, i));
	tl_record_free(cur);
	ui_form_build(fu);
	if (!fu->dirty) {
		snprintf(fu->msg, sizeof(fu->msg), "%s", _("The form holds "
			 "their version now."));
		fu->msg_error = false;
		return false;
	}
	return save(fu);
}

/*
 * Checks every value with core, then stores the record.  Errors go next
 * to their fields (the first one is entered) or, from the store, into
 * the message line; nothing typed is lost either way.
 */
static bool save(struct form_ui *fu)
{
	struct tl_error err = {0};
	struct tl_record *w;
	enum tl_status rc;
	int bad = -1;

	ui_form_sync_rows(fu);
	w = tl_record_dup(fu->r);
	if (!w) {
		snprintf(fu->msg, sizeof(fu->msg), "%s", _("Out of memory."));
		fu->msg_error = true;
		return false;
	}
	for (int i = 0; i < fu->nrows; i++) {
		struct row *row = &fu->rows[i];

		if (row->readonly)
			continue;
		if (tl_validate_value(row->f, row->value ? row->value : "",
				      fu->canon, TL_TEXT_MAX + 1, &err)
		    != TL_OK) {
			snprintf(row->err, sizeof(row->err), "%s", err.msg);
			if (bad < 0)
				bad = i;
			continue;
		}
		row->err[0] = '\0';
		if (shows_canonical(row) && row->value &&
		    strcmp(fu->canon, row->value)) {
			ui_form_set_value(row, fu->canon);
			ui_form_show_value(fu, row);
		}
		if (!tl_record_set(w, row->fi, fu->canon)) {
			snprintf(row->err, sizeof(row->err), "%s",
				 _("Out of memory."));
			if (bad < 0)
				bad = i;
		}
	}
	if (bad >= 0) {
		snprintf(fu->msg, sizeof(fu->msg), "%s",
			 _("Please correct the marked fields."));
		fu->msg_error = true;
		if (bad != fu->cur)
			goto_row(fu, bad);
		tl_record_free(w);
		return false;
	}
	rc = w->id[0] ? tl_store_update(ui_store(fu->app), w, &err)
		      : tl_store_add(ui_store(fu->app), w, &err);
	if (rc == TL_ESTALE) {
		tl_record_free(w);
		return changed_meanwhile(fu, &err);
	}
	if (rc != TL_OK) {
		snprintf(fu->msg, sizeof(fu->msg), "%s", err.msg[0] ? err.msg
			 : _("The record could not be saved."));
		fu->msg_error = true;
		tl_record_free(w);
		return false;
	}
	memcpy(fu->r->id, w->id, sizeof(w->id));
	memcpy(fu->r->created_at, w->created_at, sizeof(w->created_at));
	memcpy(fu->r->updated_at, w->updated_at, sizeof(w->updated_at));
	fu->r->version = w->version;
	for (int i = 0; i < w->e->nfields; i++)
		tl_record_set(fu->r, i, tl_record_get(w, i));
	tl_record_free(w);
	return true;
}

/* ---- setting up ------------------------------------------------------ */

/* "Principles: tillit, transparens, ..." from the principle list. */
static void load_tags_help(struct form_ui *fu)
{
	struct tl_query q = {.kind = TL_K_PRINCIPLE, .limit = 100};
	struct tl_page page = {0};
	struct tl_error err = {0};
	size_t len;

	len = (size_t)snprintf(fu->tags_help, sizeof(fu->tags_help), "%s",
			       _("comma-separated:"));
	if (tl_store_list(ui_store(fu->app), &q, &page, &err) != TL_OK) {
		fu->tags_help[0] = '\0';
		return;
	}
	for (int i = 0; i < page.n && len < sizeof(fu->tags_help); i++) {
		int k = snprintf(fu->tags_help + len,
				 sizeof(fu->tags_help) - len, "%s %s",
				 i ? "," : "", tl_record_str(page.recs[i],
							      TL_PRINCIPLE_KEY));
		if (k < 0)
			break;
		len += (size_t)k;
	}
	if (page.n == 0)
		fu->tags_help[0] = '\0';
	tl_page_done(&page);
}

static bool make_rows(struct form_ui *fu)
{
	const struct tl_entity *e = fu->r->e;
	bool editing = fu->r->id[0] != '\0';

	fu->rows = calloc((size_t)e->nfields, sizeof(*fu->rows));
	if (!fu->rows)
		return false;
	fu->cur = -1;
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		struct row *row = &fu->rows[fu->nrows];
		const char *v = tl_record_get(fu->r, i);

		if (f->flags & TL_FF_AUTO)
			continue;
		row->fi = i;
		row->f = f;
		row->readonly = editing && (f->flags & TL_FF_FIXED);
		switch (f->type) {
		case TL_FT_ENUM:
			row->kind = ROW_CHOICE;
			break;
		case TL_FT_BOOL:
			row->kind = ROW_BOOL;
			break;
		case TL_FT_REF:
			row->kind = ROW_REF;
			break;
		default:
			row->kind = ROW_TEXT;
			break;
		}
		if (!v && !editing)
			v = f->def;
		ui_form_set_value(row, v);
		if (row->kind == ROW_TEXT && row->value) {
			char *safe = tl_text_sanitize(row->value, false);
			row->editor_only = !safe || strcmp(safe, row->value);
			free(safe);
		}
		if (f->type == TL_FT_TAGS && !fu->tags_help[0])
			load_tags_help(fu);
		if (fu->cur < 0 && !row->readonly)
			fu->cur = fu->nrows;
		fu->nrows++;
	}
	return fu->nrows > 0;
}

static void free_rows(struct form_ui *fu)
{
	for (int i = 0; i < fu->nrows; i++)
		free(fu->rows[i].value);
	free(fu->rows);
}

/* ---- keys ------------------------------------------------------------ */

enum outcome { GO_ON, SAVED, CANCELLED };

static bool is_enter(int key)
{
	return key == '\n' || key == '\r' || key == UI_FKEY(KEY_ENTER);
}

/* A request to the form library (moving in or editing a field). */
static void drive(struct form_ui *fu, int req)
{
	if (fu->form)
		form_driver_w(fu->form, KEY_CODE_YES, (wchar_t)req);
}

/* A key on the row being entered; false when the key is not for it. */
static bool row_key(struct form_ui *fu, struct row *row, int key)
{
	bool text = ui_form_is_text(row) && !row->editor_only;

	switch (row->kind) {
	case ROW_CHOICE:
		if (key == ' ' || key == UI_FKEY(KEY_RIGHT)) {
			cycle_choice(fu, row, 1);
		} else if (key == UI_FKEY(KEY_LEFT)) {
			cycle_choice(fu, row, -1);
		} else if ((key == UI_FKEY(KEY_DC) ||
			    key == UI_FKEY(KEY_BACKSPACE) || key == 127) &&
			   !(row->f->flags & TL_FF_REQUIRED) && !row->f->def) {
			ui_form_set_value(row, NULL);
			ui_form_show_value(fu, row);
			fu->dirty = true;
		} else if (key > ' ' && key < 127) {
			choose_by_letter(fu, row, key);
		} else {
			return false;
		}
		return true;
	case ROW_BOOL:
		if (key == ' ' || key == UI_FKEY(KEY_LEFT) ||
		    key == UI_FKEY(KEY_RIGHT))
			toggle_bool(fu, row, -1);
		else if (key == 'y' || key == 'Y' || key == 'j' || key == 'J')
			toggle_bool(fu, row, 1);
		else if (key == 'n' || key == 'N')
			toggle_bool(fu, row, 0);
		else
			return false;
		return true;
	case ROW_REF:
		if (key == ' ' || is_enter(key)) {
			pick_ref(fu, row);
		} else if (key == UI_FKEY(KEY_DC) ||
			   key == UI_FKEY(KEY_BACKSPACE) || key == 127 ||
			   key == 8) {
			ui_form_set_value(row, NULL);
			ui_form_show_value(fu, row);
			fu->dirty = true;
		} else {
			return false;
		}
		return true;
	case ROW_TEXT:
		break;
	}
	if (key == UI_CTRL('e')) {
		external_edit(fu, row);
		return true;
	}
	if (!text)
		return false;
	switch (key) {
	case UI_FKEY(KEY_LEFT):
		drive(fu, REQ_PREV_CHAR);
		return true;
	case UI_FKEY(KEY_RIGHT):
		drive(fu, REQ_NEXT_CHAR);
		return true;
	case UI_FKEY(KEY_HOME):
	case UI_CTRL('a'):
		drive(fu, REQ_BEG_FIELD);
		return true;
	case UI_FKEY(KEY_END):
		drive(fu, REQ_END_FIELD);
		return true;
	case UI_FKEY(KEY_BACKSPACE):
	case 127:
	case 8:
		drive(fu, REQ_DEL_PREV);
		return true;
	case UI_FKEY(KEY_DC):
		drive(fu, REQ_DEL_CHAR);
		return true;
	case UI_CTRL('u'):
		drive(fu, REQ_CLR_FIELD);
		return true;
	case UI_CTRL('k'):
		drive(fu, REQ_CLR_EOF);
		return true;
	default:
		break;
	}
	if (key >= ' ' && key < 0x110000 && key != 127) {
		if (fu->form && form_driver_w(fu->form, OK, (wchar_t)key)
		    == E_OK)
			fu->dirty = true;
		row->err[0] = '\0';
		return true;
	}
	return false;
}

static enum outcome handle_key(struct form_ui *fu, int key)
{
	struct row *row = fu->cur >= 0 ? &fu->rows[fu->cur] : NULL;

	if (key == 27) {
		ui_form_sync_rows(fu);
		if (!fu->dirty || ui_confirm(fu->app, _("Throw away what you "
							"typed?")))
			return CANCELLED;
		return GO_ON;
	}
	if (key == UI_FKEY(KEY_RESIZE)) {
		ui_form_sync_rows(fu);
		ui_form_build(fu);
		return GO_ON;
	}
	if (!row)
		return GO_ON;
	if (key == UI_CTRL('x') || key == UI_CTRL('s') ||
	    key == UI_FKEY(KEY_F(2)))
		return save(fu) ? SAVED : GO_ON;
	fu->msg[0] = '\0';
	if (key == '\t' || key == UI_FKEY(KEY_DOWN)) {
		goto_row(fu, next_row(fu, fu->cur, 1));
	} else if (key == UI_FKEY(KEY_BTAB) || key == UI_FKEY(KEY_UP)) {
		goto_row(fu, next_row(fu, fu->cur, -1));
	} else if (key == UI_FKEY(KEY_NPAGE)) {
		goto_page(fu, 1);
	} else if (key == UI_FKEY(KEY_PPAGE)) {
		goto_page(fu, -1);
	} else if (row->kind != ROW_REF && is_enter(key)) {
		if (is_last_row(fu))
			return save(fu) ? SAVED : GO_ON;
		goto_row(fu, next_row(fu, fu->cur, 1));
	} else {
		row_key(fu, row, key);
	}
	return GO_ON;
}

/*
 * The program is being closed by a signal (the terminal hung up,
 * SIGTERM): what was typed is kept as a draft next to the database
 * (draft.h), to be offered back at the next start.  A draft this form
 * took up is replaced by the new one.
 */
static void keep_draft(struct form_ui *fu)
{
	struct tl_error err = {0};
	struct tl_record *d;
	unsigned long long fields = 0;

	ui_form_sync_rows(fu);
	if (!fu->dirty)
		return; /* nothing typed; a draft taken up stays as it was */
	d = tl_record_dup(fu->r);
	if (!d)
		return;
	for (int i = 0; i < fu->nrows; i++) {
		tl_record_set(d, fu->rows[i].fi, fu->rows[i].value);
		if (fu->rows[i].fi < 64)
			fields |= 1ULL << fu->rows[i].fi;
	}
	if (ui_draft_save(tl_store_filename(ui_store(fu->app)), d, fields,
			  fu->title, NULL, 0, &err) == TL_OK && fu->draft)
		ui_draft_remove(fu->draft);
	tl_record_free(d);
}

static bool form_record(struct ui_app *app, struct tl_record *r,
			const char *title, const char *draft)
{
	struct form_ui fu;
	enum outcome done = GO_ON;
	int key, cursor;

	if (!r || !r->e)
		return false;
	memset(&fu, 0, sizeof(fu));
	fu.app = app;
	fu.r = r;
	fu.title = title ? title : "";
	fu.draft = draft;
	/* A draft holds what was typed: Esc asks before throwing it away. */
	fu.dirty = draft != NULL;
	fu.canon = malloc(TL_TEXT_MAX + 1);
	if (!fu.canon || !make_rows(&fu) ||
	    !ui_modal_push(app, ui_form_paint, &fu)) {
		free(fu.canon);
		free_rows(&fu);
		ui_status(app, "%s", _("The form cannot be opened."));
		return false;
	}
	ui_status(app, "%s", "");
	ui_form_build(&fu);
	cursor = curs_set(1);
	while (done == GO_ON) {
		if (fu.form && fu.cur >= 0)
			curs_set(1);
		ui_draw_now(app);
		key = ui_read_key(app);
		if (key < 0 && ui_signal(app)) {
			keep_draft(&fu);
			draft = NULL; /* replaced, or kept as it was */
			done = CANCELLED;
		} else if (key < 0) {
			done = CANCELLED;
		} else if (key > 0) {
			done = handle_key(&fu, key);
		}
	}
	/* Saved, or thrown away by the user: the draft has served. */
	if (draft && (done == SAVED || key >= 0))
		ui_draft_remove(draft);
	ui_modal_pop(app);
	curs_set(cursor == ERR ? 0 : cursor);
	ui_form_teardown(&fu);
	free_rows(&fu);
	free(fu.canon);
	return done == SAVED;
}

bool ui_form_record(struct ui_app *app, struct tl_record *r,
		    const char *title)
{
	return form_record(app, r, title, NULL);
}

bool ui_form_record_draft(struct ui_app *app, struct tl_record *r,
			  const char *title, const char *draft_path)
{
	return form_record(app, r, title, draft_path);
}
