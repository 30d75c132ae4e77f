/*
 * lines.c - pages of lines under headings, with records to open.
 */
#include "tillit/uilines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/date.h"
#include "tillit/i18n.h"
#include "tillit/text.h"

void ui_lines_init(struct ui_lines *ls)
{
	memset(ls, 0, sizeof(*ls));
	ls->cursor = -1;
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

void ui_lines_add(struct ui_lines *ls, const char *text, enum ui_role role,
		  int indent, enum tl_kind kind, const char *id)
{
	struct ui_line *l;

	if (ls->n == ls->cap) {
		int cap = ls->cap ? ls->cap * 2 : 32;
		struct ui_line *p = realloc(ls->lines, sizeof(*p) * (size_t)cap);
		if (!p)
			return;
		ls->lines = p;
		ls->cap = cap;
	}
	l = &ls->lines[ls->n];
	l->text = tl_text_sanitize(text ? text : "", false);
	if (!l->text)
		return;
	l->role = role;
	l->indent = indent;
	l->kind = kind;
	snprintf(l->id, sizeof(l->id), "%s", id ? id : "");
	ls->n++;
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
		char line[700], when[24] = "";
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
		snprintf(line, sizeof(line), "%s%s%s%s", when,
			 title ? title : "", e->status >= 0 ? "  · " : "",
			 e->status >= 0 ? _(tl_record_str(r, e->status)) : "");
		ui_lines_add(ls, line, role, 1, e->kind, r->id);
		free(title);
	}
	if (page.more)
		ui_lines_add(ls, "…", UI_R_DIM, 1, TL_K_NONE, NULL);
	tl_page_done(&page);
	return found;
}

void ui_lines_draw(struct ui_lines *ls, WINDOW *w, int rows, int cols)
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
	for (int y = 0; y < rows && ls->top + y < ls->n; y++) {
		const struct ui_line *l = &ls->lines[ls->top + y];
		bool sel = ls->top + y == ls->cursor;
		int x = 1 + l->indent * 2;

		if (sel) {
			ui_fill(w, y, 0, UI_R_SELECTED, 0);
			/* Seen without colour too. */
			ui_put(w, y, 0, 1, ">", UI_R_SELECTED, 0);
		}
		ui_put(w, y, x, cols - x - 1, l->text,
		       sel ? UI_R_SELECTED : l->role, 0);
	}
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

enum ui_result ui_lines_handle(struct ui_lines *ls, struct ui_app *app,
			       enum ui_action a, int key)
{
	int page = ls->rows > 1 ? ls->rows - 1 : 1;
	int row;

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
	default:
		return UI_PASS;
	}
}
