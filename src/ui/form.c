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
 * shows and edits them: a field's buffer is read back when it was typed
 * into, so text that was not touched (newlines and all) is kept exactly.
 * That also lets the form be rebuilt at any time (a resize) without
 * losing anything.  The window is drawn over the views by a modal hook of
 * the app, so screen dumps of headless tests show it.
 */
#include "tillit/form.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>
#include <form.h>

#include "tillit/draft.h"
#include "tillit/draw.h"
#include "tillit/i18n.h"
#include "tillit/present.h"
#include "tillit/store.h"
#include "tillit/text.h"
#include "tillit/validate.h"
#include "tillit/view.h"

#define FORM_MAX_COLS 100 /* the window's widest */
#define FORM_LONG_ROWS 3  /* rows of a long-text field */
#define FORM_LABEL_MAX 22 /* label column's widest */

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

/* ---- values and buffers ---------------------------------------------- */

static void set_value(struct row *row, const char *v)
{
	char *copy = v && *v ? strdup(v) : NULL;

	if (v && *v && !copy)
		return; /* out of memory: keep the old value */
	free(row->value);
	row->value = copy;
}

static bool is_text(const struct row *row)
{
	return row->kind == ROW_TEXT;
}

/* Appends wide character c to out (cap bytes), as UTF-8. */
static void put_wc(char *out, size_t cap, size_t *len, wchar_t c)
{
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t k;

	memset(&ps, 0, sizeof(ps));
	k = wcrtomb(mb, c, &ps);
	if (k == (size_t)-1 || *len + k >= cap)
		return;
	memcpy(out + *len, mb, k);
	*len += k;
	out[*len] = '\0';
}

static int cell_width(wchar_t c)
{
	int n = wcwidth(c);

	return n < 1 ? 1 : n;
}

/*
 * What a field's buffer holds, as UTF-8 with trailing spaces trimmed.  The
 * rows of a long-text field are joined: a row cut short (by wrapping) is
 * followed by a space, a full row went on in the middle of a word.
 */
static char *read_buffer(FIELD *fld)
{
	const char *b = field_buffer(fld, 0);
	int rows = 1, cols = 0, max = 0;
	wchar_t *wb;
	char *out;
	size_t n, cap, len = 0, i = 0;
	bool prev_full = false;
	mbstate_t ps;

	if (!b)
		return strdup("");
	if (dynamic_field_info(fld, &rows, &cols, &max) != E_OK || cols < 1)
		rows = 1;
	n = strlen(b);
	wb = calloc(n + 1, sizeof(*wb));
	cap = n * 2 + 8;
	out = malloc(cap);
	if (!wb || !out) {
		free(wb);
		free(out);
		return NULL;
	}
	out[0] = '\0';
	memset(&ps, 0, sizeof(ps));
	{
		const char *src = b;
		size_t k = mbsrtowcs(wb, &src, n, &ps);
		if (k == (size_t)-1) {
			/* Not text in this locale: hand back the bytes, for
			 * core to refuse with a message, rather than blank
			 * what was typed. */
			free(wb);
			free(out);
			out = strdup(b);
			for (size_t t = out ? strlen(out) : 0;
			     t > 0 && out[t - 1] == ' '; t--)
				out[t - 1] = '\0';
			return out;
		}
		wb[k] = L'\0';
		n = k;
	}
	for (int r = 0; r < rows && i < n; r++) {
		size_t start = i, end;
		int used = 0;

		while (i < n && (rows == 1 || used + cell_width(wb[i]) <= cols))
			used += cell_width(wb[i++]);
		end = i;
		while (end > start && wb[end - 1] == L' ')
			end--;
		if (end == start) {
			prev_full = false;
			continue;
		}
		if (len > 0 && !prev_full)
			put_wc(out, cap, &len, L' ');
		for (size_t j = start; j < end; j++)
			put_wc(out, cap, &len, wb[j]);
		/* A row full to its edge goes on in the middle of a word. */
		prev_full = rows > 1 && used >= cols && end == i;
	}
	while (len > 0 && out[len - 1] == ' ')
		out[--len] = '\0';
	free(wb);
	return out;
}

/*
 * s laid out for a field `cols` cells wide and `rows` high (rows > 1):
 * words wrapped onto rows padded with spaces, a word never ending in the
 * last cell (so that read_buffer joins what it reads the same way).
 */
static char *wrap_text(const char *s, int cols)
{
	size_t n = strlen(s), cap = n * 4 + (size_t)cols * 8 + 16, len = 0;
	wchar_t *wb = calloc(n + 1, sizeof(*wb));
	char *out = malloc(cap);
	const char *src = s;
	mbstate_t ps;
	size_t k, i = 0;
	int col = 0;

	if (!wb || !out || cols < 2) {
		free(wb);
		free(out);
		return strdup(s);
	}
	out[0] = '\0';
	memset(&ps, 0, sizeof(ps));
	k = mbsrtowcs(wb, &src, n, &ps);
	if (k == (size_t)-1) {
		/* Left unwrapped rather than lost. */
		free(wb);
		free(out);
		return strdup(s);
	}
	while (i < k) {
		size_t j = i;
		int ww = 0;

		while (i < k && wb[i] == L' ')
			i++;
		j = i;
		while (j < k && wb[j] != L' ')
			ww += cell_width(wb[j++]);
		if (j == i)
			break;
		if (col > 0 && col + 1 + ww > cols - 1) {
			while (col < cols) {
				put_wc(out, cap, &len, L' ');
				col++;
			}
			col = 0;
		} else if (col > 0) {
			put_wc(out, cap, &len, L' ');
			col++;
		}
		/* A word longer than a row is cut linearly. */
		for (; i < j; i++) {
			put_wc(out, cap, &len, wb[i]);
			col += cell_width(wb[i]);
			if (col >= cols)
				col = 0;
		}
	}
	free(wb);
	return out;
}

/* The text shown in a field for its row's value; a new string. */
static char *display_text(struct form_ui *fu, const struct row *row)
{
	const char *v = row->value;
	char *s, *t;

	switch (row->kind) {
	case ROW_CHOICE:
		return strdup(v ? v : _("(none)"));
	case ROW_BOOL:
		if (!v)
			return strdup(_("(none)"));
		return strdup(!strcmp(v, "1") ? _("yes") : _("no"));
	case ROW_REF:
		if (!v)
			return strdup(row->readonly ? "" : _("(none)"));
		return strdup(tl_refs_title(ui_refs(fu->app), row->f->ref, v));
	case ROW_TEXT:
		break;
	}
	s = tl_text_sanitize(v ? v : "", false);
	if (!s || row->height <= 1 || !fu->fw)
		return s;
	t = wrap_text(s, fu->fw);
	free(s);
	return t;
}

static void show_value(struct form_ui *fu, struct row *row)
{
	char *s;

	if (!row->fld)
		return;
	s = display_text(fu, row);
	set_field_buffer(row->fld, 0, s ? s : "");
	set_field_status(row->fld, FALSE);
	free(s);
}

/*
 * Takes what was typed into the current field into its row: the form
 * library keeps the field being entered apart until it is validated.
 */
static void sync_rows(struct form_ui *fu)
{
	if (!fu->form)
		return;
	form_driver(fu->form, REQ_VALIDATION);
	for (int i = 0; i < fu->nrows; i++) {
		struct row *row = &fu->rows[i];
		char *s;

		if (!row->fld || !is_text(row) || !field_status(row->fld))
			continue;
		s = read_buffer(row->fld);
		if (!s)
			continue;
		set_value(row, s);
		free(s);
		set_field_status(row->fld, FALSE);
		fu->dirty = true;
	}
}

/* ---- layout ---------------------------------------------------------- */

static void teardown(struct form_ui *fu)
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
static void style_field(struct row *row, bool current)
{
	attr_t a;

	if (!row->fld)
		return;
	if (row->readonly)
		a = ui_attr(UI_R_DIM);
	else if (current)
		a = A_REVERSE;
	else if (is_text(row) && !row->editor_only)
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
	if (is_text(row)) {
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
	show_value(fu, row);
	style_field(row, false);
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
static void enter_row(struct form_ui *fu, int to)
{
	struct row *row = &fu->rows[to];

	fu->cur = to;
	if (!fu->form)
		return;
	set_current_field(fu->form, row->fld);
	style_field(row, true);
	if (is_text(row))
		form_driver_w(fu->form, KEY_CODE_YES, REQ_END_FIELD);
}

/* Makes the window and the form for the screen's present size. */
static void build(struct form_ui *fu)
{
	int body = LINES - 3, need = 3, lw = 0, y0, x0, n = 0;

	teardown(fu);
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
		enter_row(fu, fu->cur);
	return;
fail:
	teardown(fu);
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
static void form_paint(struct ui_app *app, void *data)
{
	struct form_ui *fu = data;
	int page, cy = 0, cx = 0, by, bx, hw;
	char hints[300], head[300];

	(void)app;
	/* A resize (a terminal's, or a test script's) lays the form out
	 * anew before it is drawn. */
	if (fu->lines != LINES || fu->cols != COLS) {
		sync_rows(fu);
		build(fu);
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

/* ---- moving ---------------------------------------------------------- */

/* True for typed values that people write loosely and core writes out
 * in full: dates, numbers, amounts and tags. */
static bool shows_canonical(const struct row *row)
{
	if (!is_text(row) || row->readonly)
		return false;
	switch (row->f->type) {
	case TL_FT_DATE:
	case TL_FT_DATETIME:
	case TL_FT_INT:
	case TL_FT_AMOUNT:
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
		set_value(row, fu->canon);
		show_value(fu, row);
	}
}

static void goto_row(struct form_ui *fu, int to)
{
	if (to < 0 || to >= fu->nrows || fu->cur < 0)
		return;
	sync_rows(fu);
	leave_row(fu, &fu->rows[fu->cur]);
	style_field(&fu->rows[fu->cur], false);
	enter_row(fu, to);
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
	set_value(row, at < n ? c[at] : NULL);
	show_value(fu, row);
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
			set_value(row, c[i]);
			show_value(fu, row);
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
	set_value(row, on ? "1" : "0");
	show_value(fu, row);
	fu->dirty = true;
}

static void pick_ref(struct form_ui *fu, struct row *row)
{
	char id[TL_ID_LEN + 1], q[200];

	snprintf(q, sizeof(q), "%s:", _(row->f->label));
	if (!ui_pick(fu->app, row->f->ref, q, id))
		return;
	set_value(row, id);
	row->err[0] = '\0';
	show_value(fu, row);
	fu->dirty = true;
}

static void external_edit(struct form_ui *fu, struct row *row)
{
	char *text;

	sync_rows(fu);
	text = ui_edit_external(fu->app, row->value ? row->value : "");
	/* The editor took the terminal; the whole screen comes back. */
	clearok(curscr, TRUE);
	if (!text)
		return;
	set_value(row, text);
	free(text);
	row->err[0] = '\0';
	row->editor_only = row->f->type == TL_FT_TEXT ? false
			   : row->value && strpbrk(row->value, "\n\t\r");
	fu->dirty = true;
	/* Whether the field may be typed into can change: lay it out anew. */
	build(fu);
}

/* ---- saving ---------------------------------------------------------- */

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

	sync_rows(fu);
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
			set_value(row, fu->canon);
			show_value(fu, row);
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
		      : tl_store_insert(ui_store(fu->app), w, &err);
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
		set_value(row, v);
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
	bool text = is_text(row) && !row->editor_only;

	switch (row->kind) {
	case ROW_CHOICE:
		if (key == ' ' || key == UI_FKEY(KEY_RIGHT)) {
			cycle_choice(fu, row, 1);
		} else if (key == UI_FKEY(KEY_LEFT)) {
			cycle_choice(fu, row, -1);
		} else if ((key == UI_FKEY(KEY_DC) ||
			    key == UI_FKEY(KEY_BACKSPACE) || key == 127) &&
			   !(row->f->flags & TL_FF_REQUIRED) && !row->f->def) {
			set_value(row, NULL);
			show_value(fu, row);
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
			set_value(row, NULL);
			show_value(fu, row);
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
		sync_rows(fu);
		if (!fu->dirty || ui_confirm(fu->app, _("Throw away what you "
							"typed?")))
			return CANCELLED;
		return GO_ON;
	}
	if (key == UI_FKEY(KEY_RESIZE)) {
		sync_rows(fu);
		build(fu);
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

	sync_rows(fu);
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
	    !ui_modal_push(app, form_paint, &fu)) {
		free(fu.canon);
		free_rows(&fu);
		ui_status(app, "%s", _("The form cannot be opened."));
		return false;
	}
	ui_status(app, "%s", "");
	build(&fu);
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
	teardown(&fu);
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
