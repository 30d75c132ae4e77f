/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lines.c - pages of lines under headings, with records to open.
 *
 * Two kinds of page share the lines and their drawing.  A page made once
 * (the overview, a record) keeps a cursor on a line and moves it from
 * one record's line to the next.  A page made afresh at every draw (the
 * meeting screen, whose texts are wrapped to the width) keeps the
 * selected record's kind and id instead, finds its line at each draw,
 * and moves among the lines on the screen, scrolling when there is none.
 */
#include "tillit/ui/lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

void ui_lines_init(struct ui_lines *ls)
{
	memset(ls, 0, sizeof(*ls));
	ls->cursor = -1;
	ls->sel_kind = TL_K_NONE;
}

void ui_lines_by_id(struct ui_lines *ls)
{
	ls->by_id = true;
}

void ui_lines_clear(struct ui_lines *ls)
{
	for (int i = 0; i < ls->n; i++)
		free(ls->lines[i].text);
	ls->n = 0;
}

void ui_lines_done(struct ui_lines *ls)
{
	ui_lines_clear(ls);
	free(ls->lines);
	ls->lines = NULL;
	ls->cap = 0;
}

struct ui_line *ui_lines_add(struct ui_lines *ls, const char *text,
			     enum ui_role role, int indent, enum tl_kind kind,
			     const char *id)
{
	return ui_lines_insert(ls, ls->n, text, role, indent, kind, id);
}

struct ui_line *ui_lines_insert(struct ui_lines *ls, int at, const char *text,
				enum ui_role role, int indent,
				enum tl_kind kind, const char *id)
{
	struct ui_line *l;
	char *t;

	if (at < 0 || at > ls->n)
		return NULL;
	if (ls->n == ls->cap) {
		int cap = ls->cap ? ls->cap * 2 : 32;
		struct ui_line *p = realloc(ls->lines, sizeof(*p) * (size_t)cap);
		if (!p)
			return NULL;
		ls->lines = p;
		ls->cap = cap;
	}
	if (!(t = tl_text_sanitize(text ? text : "", false)))
		return NULL;
	l = &ls->lines[at];
	memmove(l + 1, l, sizeof(*l) * (size_t)(ls->n - at));
	memset(l, 0, sizeof(*l));
	l->text = t;
	/* The lines below move down, the selected one and the top with
	 * them (a line added at the end moves nothing: a page being made
	 * afresh keeps its scrolling). */
	if (at < ls->n && ls->cursor >= at)
		ls->cursor++;
	if (at < ls->n && ls->top > at)
		ls->top++;
	l->role = role;
	l->indent = indent;
	l->kind = kind;
	snprintf(l->id, sizeof(l->id), "%s", id ? id : "");
	ls->n++;
	return l;
}

void ui_lines_set_text(struct ui_line *l, const char *text)
{
	char *t;

	if (l && (t = tl_text_sanitize(text ? text : "", false))) {
		free(l->text);
		l->text = t;
	}
}

void ui_lines_badge(struct ui_line *l, const char *badge, enum ui_role role)
{
	if (!l)
		return;
	l->badge = badge;
	l->badge_role = role;
}

void ui_lines_add_blank(struct ui_lines *ls)
{
	if (ls->n > ls->nfixed && ls->lines[ls->n - 1].text[0])
		ui_lines_add(ls, "", UI_R_NORMAL, 0, TL_K_NONE, NULL);
}

void ui_lines_add_heading(struct ui_lines *ls, const char *text, int count)
{
	/* As long as the text is: a byte buffer would cut a name between
	 * its bytes, and show the half character as "?". */
	size_t size = strlen(text) + 16;
	char *buf = malloc(size);

	ui_lines_add_blank(ls);
	if (!buf)
		return;
	if (count >= 0)
		snprintf(buf, size, "%s (%d)", text, count);
	else
		snprintf(buf, size, "%s", text);
	ui_lines_add(ls, buf, UI_R_SECTION, 0, TL_K_NONE, NULL);
	free(buf);
}

/* Cells of the UTF-8 character at s, and its length in bytes. */
static size_t char_cells(const char *s, size_t *bytes)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	char tmp[5];

	for (size_t i = 1; i < n; i++)
		if (!s[i]) {
			n = i;
			break;
		}
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*bytes = n;
	return tl_text_width(tmp);
}

static size_t span_cells(const char *s, size_t len)
{
	size_t w = 0, b;

	for (size_t i = 0; i < len; i += b)
		w += char_cells(s + i, &b);
	return w;
}

/*
 * The next line of the paragraph at *pp (up to end) that fits in width
 * cells, into line; *pp goes past it.
 */
static void wrap_line(const char **pp, const char *end, size_t width,
		      char *line)
{
	const char *p = *pp;
	size_t n = 0, used = 0;

	for (;;) {
		const char *q = p, *we;
		size_t ww, sp = n ? 1 : 0;

		while (q < end && *q == ' ')
			q++;
		if (q == end) {
			p = q;
			break;
		}
		for (we = q; we < end && *we != ' '; we++)
			;
		ww = span_cells(q, (size_t)(we - q));
		if (used + sp + ww <= width) {
			if (sp)
				line[n++] = ' ';
			memcpy(line + n, q, (size_t)(we - q));
			n += (size_t)(we - q);
			used += sp + ww;
			p = we;
			continue;
		}
		if (n == 0) {
			/* A word wider than a line: cut it. */
			while (q < we) {
				size_t b, c = char_cells(q, &b);
				if (n && used + c > width)
					break;
				memcpy(line + n, q, b);
				n += b;
				used += c;
				q += b;
			}
			p = q;
		}
		break;
	}
	line[n] = '\0';
	*pp = p;
}

void ui_lines_add_wrapped(struct ui_lines *ls, const char *text,
			  enum ui_role role, int indent, int width)
{
	char *safe = tl_text_sanitize(text ? text : "", true);
	char *line;

	if (!safe)
		return;
	if (width < 8)
		width = 8;
	line = malloc(strlen(safe) + 1);
	if (!line) {
		free(safe);
		return;
	}
	for (char *p = safe; *p; p++)
		if (*p == '\t' || *p == '\r')
			*p = ' ';
	for (char *para = safe; para;) {
		char *nl = strchr(para, '\n');
		const char *p = para, *end;

		if (nl)
			*nl = '\0';
		end = para + strlen(para);
		if (p == end)
			ui_lines_add(ls, "", role, indent, TL_K_NONE, NULL);
		while (p < end) {
			while (p < end && *p == ' ')
				p++;
			if (p == end)
				break;
			wrap_line(&p, end, (size_t)width, line);
			ui_lines_add(ls, line, role, indent, TL_K_NONE, NULL);
		}
		para = nl ? nl + 1 : NULL;
	}
	free(line);
	free(safe);
}

static bool is_open(const struct tl_record *r)
{
	const struct tl_entity *e = r->e;

	if (e->status < 0 || !e->open_values)
		return true;
	for (int k = 0; e->open_values[k]; k++)
		if (!strcmp(tl_record_str(r, e->status), e->open_values[k]))
			return true;
	return false;
}

int ui_lines_add_query(struct ui_lines *ls, struct ui_app *app,
		       const char *heading, const struct tl_query *q,
		       int limit, const char *empty)
{
	struct tl_page page = {0};
	struct tl_query qq = *q;
	struct tl_error err;
	char today[TL_DATE_SIZE];
	int found;

	qq.limit = limit;
	if (tl_store_list(ui_store(app), &qq, &page, &err) != TL_OK) {
		ui_error(app, &err);
		return 0;
	}
	found = page.n;
	if (page.n == 0 && !empty) {
		tl_page_done(&page);
		return 0;
	}
	tl_clock_today(today);
	if (ls->n > 0)
		ui_lines_add(ls, "", UI_R_NORMAL, 0, TL_K_NONE, NULL);
	ui_lines_add(ls, heading, UI_R_SECTION, 0, TL_K_NONE, NULL);
	if (page.n == 0)
		ui_lines_add(ls, empty, UI_R_DIM, 1, TL_K_NONE, NULL);
	for (int i = 0; i < page.n; i++) {
		const struct tl_record *r = page.recs[i];
		const struct tl_entity *e = r->e;
		int when_field = e->due >= 0 ? e->due : e->sort;
		const struct tl_field *wf = &e->fields[when_field];
		char *title = tl_present_title(ui_refs(app), r);
		char *line, when[24] = "";
		const char *status;
		size_t size;
		enum ui_role role = UI_R_NORMAL;
		const char *wv = tl_record_get(r, when_field);

		if (wv && (wf->type == TL_FT_DATE ||
			   wf->type == TL_FT_DATETIME))
			snprintf(when, sizeof(when), "%-16s  ", wv);
		if (!is_open(r))
			role = UI_R_DIM;
		else if (e->due >= 0 && tl_record_get(r, e->due) &&
			 strcmp(tl_record_get(r, e->due), today) < 0)
			role = UI_R_OVERDUE;
		status = e->status >= 0 ? _(tl_record_str(r, e->status)) : "";
		/* The whole title, however many bytes its marks take. */
		size = sizeof(when) + (title ? strlen(title) : 0) +
		       strlen(status) + 8;
		line = malloc(size);
		if (line) {
			snprintf(line, size, "%s%s%s%s", when,
				 title ? title : "", e->status >= 0 ? "  · " : "",
				 status);
			ui_lines_add(ls, line, role, 1, e->kind, r->id);
		}
		free(line);
		free(title);
	}
	if (page.more)
		ui_lines_add(ls, "…", UI_R_DIM, 1, TL_K_NONE, NULL);
	tl_page_done(&page);
	return found;
}

/* One line at row y; sel: it is the selected one. */
static void draw_line(WINDOW *w, int y, const struct ui_line *l, bool sel,
		      int cols, attr_t mark)
{
	int x = 1 + l->indent * 2, bw = 0;

	if (sel) {
		ui_fill(w, y, 0, UI_R_SELECTED, 0);
		/* The mark shows the selection without colour, and in dumps. */
		ui_put(w, y, 0, 1, ">", UI_R_SELECTED, mark);
	}
	if (l->badge) {
		bw = (int)tl_text_width(l->badge);
		if (bw > cols / 3)
			bw = cols / 3;
		ui_put_right(w, y, cols - bw - 1, bw, l->badge,
			     sel ? UI_R_SELECTED : l->badge_role, A_BOLD);
		bw += 2;
	}
	ui_put(w, y, x, cols - x - 1 - bw, l->text,
	       sel ? UI_R_SELECTED : l->role, 0);
}

/* ---- selection by record id -------------------------------------------- */

int ui_lines_selected(const struct ui_lines *ls)
{
	if (!ls->sel[0])
		return -1;
	for (int i = ls->nfixed; i < ls->n; i++)
		if (ls->lines[i].kind == ls->sel_kind &&
		    !strcmp(ls->lines[i].id, ls->sel))
			return i;
	return -1;
}

void ui_lines_select(struct ui_lines *ls, int i)
{
	if (i < 0 || i >= ls->n || ls->lines[i].kind == TL_K_NONE) {
		ls->sel[0] = '\0';
		ls->sel_kind = TL_K_NONE;
		return;
	}
	ls->sel_kind = ls->lines[i].kind;
	memcpy(ls->sel, ls->lines[i].id, sizeof(ls->sel));
}

void ui_lines_select_id(struct ui_lines *ls, enum tl_kind kind,
			const char *id)
{
	ls->sel_kind = kind;
	snprintf(ls->sel, sizeof(ls->sel), "%s", id ? id : "");
}

bool ui_lines_on_screen(const struct ui_lines *ls, int i)
{
	return i >= ls->top && i < ls->top + ls->rows;
}

void ui_lines_reset(struct ui_lines *ls, bool autosel)
{
	ls->top = 0;
	ui_lines_select(ls, -1);
	ls->autosel = autosel;
}

static void clamp_top(struct ui_lines *ls)
{
	if (ls->top > ls->n - ls->rows)
		ls->top = ls->n - ls->rows;
	if (ls->top < ls->nfixed)
		ls->top = ls->nfixed;
}

static void draw_by_id(struct ui_lines *ls, WINDOW *w, int rows, int cols)
{
	int cur;

	ls->rows = rows - ls->nfixed;
	if (ls->rows < 1)
		ls->rows = 1;
	if (ls->autosel) {
		ls->autosel = false;
		for (int i = ls->nfixed; i < ls->n; i++)
			if (ls->lines[i].kind != TL_K_NONE) {
				ui_lines_select(ls, i);
				break;
			}
	}
	clamp_top(ls);
	cur = ui_lines_selected(ls);
	if (cur < 0 && ls->sel[0]) {
		/* Its record went (done, closed): select its neighbour. */
		int i = ls->sel_pos < ls->n ? ls->sel_pos : ls->n - 1;
		while (i >= ls->nfixed && ls->lines[i].kind == TL_K_NONE)
			i--;
		ui_lines_select(ls, i >= ls->nfixed ? i : -1);
		cur = ui_lines_selected(ls);
	}
	if (cur >= 0)
		ls->sel_pos = cur;
	ls->cursor = cur;
	for (int y = 0; y < rows; y++) {
		int i = y < ls->nfixed ? y : ls->top + y - ls->nfixed;

		if (i >= ls->n)
			break;
		draw_line(w, y, &ls->lines[i], i == cur, cols, A_BOLD);
	}
}

/* Moves the selection to the next record line on (or just past) the
 * screen in direction dir; scrolls a line when there is none. */
static void move_by_id(struct ui_lines *ls, int dir)
{
	int cur = ui_lines_selected(ls);
	int i, last = ls->top + ls->rows; /* one line past the screen */

	if (cur >= 0 && !ui_lines_on_screen(ls, cur))
		cur = -1;
	if (dir > 0) {
		for (i = cur >= 0 ? cur + 1 : ls->top; i < ls->n && i <= last;
		     i++)
			if (ls->lines[i].kind != TL_K_NONE)
				break;
		if (i < ls->n && i <= last) {
			ui_lines_select(ls, i);
			if (i >= ls->top + ls->rows)
				ls->top = i - ls->rows + 1;
		} else if (ls->top + ls->rows < ls->n) {
			ls->top++;
		}
		return;
	}
	for (i = cur >= 0 ? cur - 1 : last - 1; i >= ls->nfixed &&
	     i >= ls->top - 1; i--)
		if (ls->lines[i].kind != TL_K_NONE)
			break;
	if (i >= ls->nfixed && i >= ls->top - 1) {
		ui_lines_select(ls, i);
		if (i < ls->top)
			ls->top = i;
		/* Show the heading above the first line of a section. */
		if (i == ls->top && i - 1 >= ls->nfixed &&
		    ls->lines[i - 1].kind == TL_K_NONE)
			ls->top = i - 1;
	} else if (ls->top > ls->nfixed) {
		ls->top--;
	}
}

/* After paging: keep the selection if it is still on screen, else the
 * first (last) record line on it. */
static void sel_on_screen(struct ui_lines *ls, bool last)
{
	int cur = ui_lines_selected(ls);

	if (cur >= 0 && ui_lines_on_screen(ls, cur))
		return;
	ui_lines_select(ls, -1);
	if (last) {
		for (int i = ls->top + ls->rows - 1; i >= ls->top; i--)
			if (i < ls->n && ls->lines[i].kind != TL_K_NONE) {
				ui_lines_select(ls, i);
				return;
			}
	} else {
		for (int i = ls->top; i < ls->top + ls->rows && i < ls->n; i++)
			if (ls->lines[i].kind != TL_K_NONE) {
				ui_lines_select(ls, i);
				return;
			}
	}
}

static enum ui_result handle_by_id(struct ui_lines *ls, enum ui_action a)
{
	int page = ls->rows > 1 ? ls->rows - 1 : 1;

	switch (a) {
	case UI_A_DOWN:
	case UI_A_UP:
		move_by_id(ls, a == UI_A_DOWN ? 1 : -1);
		return UI_DONE;
	case UI_A_PAGE_DOWN:
	case UI_A_PAGE_UP:
		ls->top += a == UI_A_PAGE_DOWN ? page : -page;
		clamp_top(ls);
		sel_on_screen(ls, a == UI_A_PAGE_UP);
		return UI_DONE;
	case UI_A_TOP:
		ls->top = ls->nfixed;
		ui_lines_select(ls, -1);
		sel_on_screen(ls, false);
		return UI_DONE;
	case UI_A_BOTTOM:
		ls->top = ls->n - ls->rows;
		clamp_top(ls);
		ui_lines_select(ls, -1);
		sel_on_screen(ls, true);
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

/* ---- drawing and keys -------------------------------------------------- */

void ui_lines_scroll(struct ui_lines *ls, int rows)
{
	ls->rows = rows;
	if (ls->cursor >= ls->n)
		ls->cursor = -1;
	if (ls->cursor >= 0) {
		if (ls->cursor < ls->top)
			ls->top = ls->cursor;
		if (ls->cursor >= ls->top + rows)
			ls->top = ls->cursor - rows + 1;
	}
}

void ui_lines_draw(struct ui_lines *ls, WINDOW *w, int rows, int cols)
{
	if (ls->by_id) {
		draw_by_id(ls, w, rows, cols);
		return;
	}
	ui_lines_scroll(ls, rows);
	for (int y = 0; y < rows && ls->top + y < ls->n; y++)
		draw_line(w, y, &ls->lines[ls->top + y],
			  ls->top + y == ls->cursor, cols, 0);
}

/* The next line that opens a record, in direction dir; else scroll. */
static void next_link(struct ui_lines *ls, int dir);

void ui_lines_select_first(struct ui_lines *ls)
{
	ls->cursor = -1;
	ls->top = 0;
	next_link(ls, 1);
	ls->top = 0;
}

static void next_link(struct ui_lines *ls, int dir)
{
	for (int i = ls->cursor + dir; i >= 0 && i < ls->n; i += dir)
		if (ls->lines[i].kind != TL_K_NONE) {
			ls->cursor = i;
			/* Show the heading above the first line too. */
			if (dir < 0 && i - 1 < ls->top && i > 0 &&
			    ls->lines[i - 1].kind == TL_K_NONE)
				ls->top = i - 1;
			return;
		}
	ls->top += dir;
	if (ls->top > ls->n - ls->rows)
		ls->top = ls->n - ls->rows;
	if (ls->top < 0)
		ls->top = 0;
}

/* n (dir 1) and N (-1): the next line below or above the selected one
 * (or the top line) that holds the words; a line that opens a record is
 * selected, another scrolled to the top. */
static void find(struct ui_lines *ls, struct ui_app *app, int dir)
{
	int from = ls->cursor >= 0 ? ls->cursor : ls->top;

	if (!ui_find_words(app))
		return;
	for (int i = from + dir; i >= 0 && i < ls->n; i += dir) {
		if (!ui_find_match(ls->lines[i].text))
			continue;
		if (ls->lines[i].kind != TL_K_NONE) {
			ls->cursor = i;
		} else {
			ls->cursor = -1;
			ls->top = i;
		}
		return;
	}
	ui_find_none(app, dir);
}

enum ui_result ui_lines_handle(struct ui_lines *ls, struct ui_app *app,
			       enum ui_action a, int key)
{
	int page = ls->rows > 1 ? ls->rows - 1 : 1;
	int row;

	if (ls->by_id)
		return handle_by_id(ls, a);
	if (ui_mouse_click(app, key, &row)) {
		int i = ls->top + row;
		if (i >= 0 && i < ls->n && ls->lines[i].kind != TL_K_NONE)
			ls->cursor = i;
		return UI_DONE;
	}

	switch (a) {
	case UI_A_DOWN:
		next_link(ls, 1);
		return UI_DONE;
	case UI_A_UP:
		next_link(ls, -1);
		return UI_DONE;
	case UI_A_PAGE_DOWN:
	case UI_A_PAGE_UP:
		ls->top += a == UI_A_PAGE_DOWN ? page : -page;
		if (ls->top > ls->n - 1)
			ls->top = ls->n - 1;
		if (ls->top < 0)
			ls->top = 0;
		ls->cursor = -1;
		return UI_DONE;
	case UI_A_TOP:
		ls->top = 0;
		ls->cursor = -1;
		next_link(ls, 1);
		return UI_DONE;
	case UI_A_BOTTOM:
		ls->top = ls->n > ls->rows ? ls->n - ls->rows : 0;
		ls->cursor = ls->n;
		next_link(ls, -1);
		return UI_DONE;
	case UI_A_OPEN:
		if (ls->cursor >= 0 && ls->lines[ls->cursor].kind != TL_K_NONE)
			ui_open_record(app, ls->lines[ls->cursor].kind,
				       ls->lines[ls->cursor].id);
		return UI_DONE;
	case UI_A_FIND_NEXT:
	case UI_A_FIND_PREV:
		find(ls, app, a == UI_A_FIND_NEXT ? 1 : -1);
		return UI_DONE;
	default:
		return UI_PASS;
	}
}
