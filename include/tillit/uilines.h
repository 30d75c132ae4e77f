/*
 * uilines.h - a scrolling page of lines under section headings, where
 * some lines stand for records and open them with Enter.  The overview and
 * the record view are made of these.
 */
#ifndef TILLIT_UILINES_H
#define TILLIT_UILINES_H

#include "tillit/draw.h"
#include "tillit/view.h"

struct ui_line {
	char *text;        /* sanitised */
	enum ui_role role;
	int indent;
	enum tl_kind kind; /* TL_K_NONE, or the record it opens */
	char id[TL_ID_LEN + 1];
};

struct ui_lines {
	struct ui_line *lines;
	int n, cap;
	int top, cursor; /* cursor: a line that opens a record, or -1 */
	int rows;
};

void ui_lines_init(struct ui_lines *ls);
void ui_lines_clear(struct ui_lines *ls);
void ui_lines_done(struct ui_lines *ls);

/* Adds a line (text is copied and sanitised). */
void ui_lines_add(struct ui_lines *ls, const char *text, enum ui_role role,
		  int indent, enum tl_kind kind, const char *id);

/*
 * Adds a heading and the first `limit` records of q, each a line that
 * opens it: its date, its title and its status; overdue ones marked.
 * Nothing (not even the heading) when q finds nothing, unless `empty`
 * is given: then the heading and that text.  Returns the number found.
 */
int ui_lines_add_query(struct ui_lines *ls, struct ui_app *app,
		       const char *heading, const struct tl_query *q,
		       int limit, const char *empty);

/* Selects the first line that opens a record (none: nothing selected). */
void ui_lines_select_first(struct ui_lines *ls);

void ui_lines_draw(struct ui_lines *ls, WINDOW *w, int rows, int cols);

/* Moving, Enter and mouse clicks; UI_PASS for anything else. */
enum ui_result ui_lines_handle(struct ui_lines *ls, struct ui_app *app,
			       enum ui_action a, int key);

#endif
