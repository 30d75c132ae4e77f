/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ui/list.h - a scrolling list of records that pages from the store.
 *
 * It holds a window of at most UI_LIST_WINDOW records around the cursor
 * and fetches the next or previous page by key when the cursor reaches
 * an edge, so scrolling, paging and jumping to the end cost a page each,
 * whatever the size of the table.
 */
#ifndef TILLIT_UILIST_H
#define TILLIT_UILIST_H

#include <stdbool.h>

#include "tillit/store/store.h"

#define UI_LIST_WINDOW 400
#define UI_LIST_PAGE 100

struct ui_list {
	struct tl_store *st;
	struct tl_query q;      /* the base query; paging is the list's */
	struct tl_record **rows; /* n records in display order */
	int n;
	bool more_before, more_after;
	int cursor;             /* index into rows; -1 when empty */
	int top;                /* first row on screen */
};

/* Sets up l for query q (copied; its strings must outlive l). */
void ui_list_init(struct ui_list *l, struct tl_store *st,
		  const struct tl_query *q);
void ui_list_done(struct ui_list *l);

/* Loads the first page. */
enum tl_status ui_list_load(struct ui_list *l, struct tl_error *err);

/* Reads the rows around the cursor again (the data changed), keeping the
 * selected record selected when it still exists. */
enum tl_status ui_list_reload(struct ui_list *l, struct tl_error *err);

/* Reads the rows around the record `id` and selects it (a record just
 * added, wherever it sorts); when the list's filters leave it out, the
 * row after where it would be.  `visible`: the rows on screen. */
enum tl_status ui_list_show(struct ui_list *l, const char *id, int visible,
			    struct tl_error *err);

/* Moves the cursor by delta rows (fetching pages as needed); `visible` is
 * the number of rows on screen, for keeping the cursor in view. */
enum tl_status ui_list_move(struct ui_list *l, int delta, int visible,
			    struct tl_error *err);
enum tl_status ui_list_home(struct ui_list *l, struct tl_error *err);
enum tl_status ui_list_end(struct ui_list *l, int visible,
			   struct tl_error *err);

/* Puts the cursor on row `screen_row` of the visible rows (mouse). */
void ui_list_click(struct ui_list *l, int screen_row);

/* The selected record, or NULL.  The list owns it. */
const struct tl_record *ui_list_selected(const struct ui_list *l);

#endif
