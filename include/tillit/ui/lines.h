/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ui/lines.h - a scrolling page of lines under section headings, where
 * some lines stand for records and open them with Enter.  The overview,
 * the record view and the meeting screen are made of these.
 *
 * A line may carry a badge (a word at the right edge).  A page made
 * afresh at every draw, like the meeting screen's, keeps its selection
 * by record id instead of by line (ui_lines_by_id): the selection then
 * survives a rebuild and a reload, and moves to a neighbour when its
 * record goes.  Such a page may also have fixed lines at its top that
 * never scroll.
 */
#ifndef TILLIT_UILINES_H
#define TILLIT_UILINES_H

#include "tillit/ui/draw.h"
#include "tillit/ui/view.h"

struct ui_line {
	char *text;        /* sanitised */
	enum ui_role role;
	int indent;
	enum tl_kind kind; /* TL_K_NONE, or the record it opens */
	char id[TL_ID_LEN + 1];
	const char *badge; /* a static word at the right edge, or NULL */
	enum ui_role badge_role;
};

struct ui_lines {
	struct ui_line *lines;
	int n, cap;
	int top, cursor; /* cursor: a line that opens a record, or -1 */
	int rows;

	/* Kept by record id (ui_lines_by_id); cursor is then worked out
	 * at each draw. */
	bool by_id;
	int nfixed;              /* lines at the top that never scroll */
	enum tl_kind sel_kind;
	char sel[TL_ID_LEN + 1]; /* the selected record's id; "" for none */
	int sel_pos;             /* where it was, if its record goes */
	bool autosel;            /* select the first record at next draw */
};

void ui_lines_init(struct ui_lines *ls);
/* Makes ls a page whose selection is kept by record id. */
void ui_lines_by_id(struct ui_lines *ls);
/* Removes the lines (the selection and the scrolling stay). */
void ui_lines_clear(struct ui_lines *ls);
void ui_lines_done(struct ui_lines *ls);

/* Adds a line (text is copied and sanitised); the new line, or NULL when
 * out of memory. */
struct ui_line *ui_lines_add(struct ui_lines *ls, const char *text,
			     enum ui_role role, int indent, enum tl_kind kind,
			     const char *id);

/* Adds a line before line `at` (0..n; n is the end): the lines from
 * there move down one, and the selection and the top with them.  NULL
 * when out of memory or `at` is out of range.  Not for pages by id. */
struct ui_line *ui_lines_insert(struct ui_lines *ls, int at, const char *text,
				enum ui_role role, int indent,
				enum tl_kind kind, const char *id);

/* Replaces l's text (may be NULL: nothing) with a sanitised copy of
 * text; l keeps its old text when out of memory. */
void ui_lines_set_text(struct ui_line *l, const char *text);

/* Gives l (may be NULL) a badge: a static word, drawn bold at the right. */
void ui_lines_badge(struct ui_line *l, const char *badge, enum ui_role role);

/* A blank line, unless the last line is blank or a fixed one. */
void ui_lines_add_blank(struct ui_lines *ls);

/* A blank line and a heading, "text (count)" when count >= 0. */
void ui_lines_add_heading(struct ui_lines *ls, const char *text, int count);

/*
 * Adds text wrapped to `width` cells (at least 8): cut on spaces, a word
 * wider than a line cut where it must.  Each newline starts a new line.
 */
void ui_lines_add_wrapped(struct ui_lines *ls, const char *text,
			  enum ui_role role, int indent, int width);

/*
 * Adds a heading and the first `limit` records of q, each a line that
 * opens it: its date, its title and its status; overdue ones marked.
 * Nothing (not even the heading) when q finds nothing, unless `empty`
 * is given: then the heading and that text.  Returns the number found.
 */
int ui_lines_add_query(struct ui_lines *ls, struct ui_app *app,
		       const char *heading, const struct tl_query *q,
		       int limit, const char *empty);

/* Gives l the badge of an analysis' assessment (met, partly_met,
 * not_met: MET in the ok colour, PARTLY MET warned, NOT MET as overdue);
 * nothing for NULL.  view_goals.c, for the Goals view and a goal's
 * screen. */
void ui_goal_assessment_badge(struct ui_line *l, const char *assessment);

/* Selects the first line that opens a record (none: nothing selected). */
void ui_lines_select_first(struct ui_lines *ls);

/* By id: selects line i (one that opens a record; else nothing). */
void ui_lines_select(struct ui_lines *ls, int i);
/* By id: selects the record kind/id, wherever its line will be. */
void ui_lines_select_id(struct ui_lines *ls, enum tl_kind kind,
			const char *id);
/* By id: the line of the selected record, or -1. */
int ui_lines_selected(const struct ui_lines *ls);
/* By id: whether line i is on the screen (among the scrolled lines). */
bool ui_lines_on_screen(const struct ui_lines *ls, int i);
/* By id: back to the top, nothing selected (autosel: the first record
 * will be, at the next draw). */
void ui_lines_reset(struct ui_lines *ls, bool autosel);

/* Scrolls as ui_lines_draw will, so that the selected line is among the
 * `rows` lines from ls->top: a page that fills in its lines only when
 * they show asks this first which ones will (not for pages by id). */
void ui_lines_scroll(struct ui_lines *ls, int rows);
void ui_lines_draw(struct ui_lines *ls, WINDOW *w, int rows, int cols);

/*
 * Moving, Enter and mouse clicks; UI_PASS for anything else.  A page
 * kept by id handles only moving (its view opens records itself).
 */
enum ui_result ui_lines_handle(struct ui_lines *ls, struct ui_app *app,
			       enum ui_action a, int key);

#endif
