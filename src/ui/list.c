/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * list.c - the paged list of records behind every list on screen.
 */
#include "tillit/ui/list.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

void ui_list_init(struct ui_list *l, struct tl_store *st,
		  const struct tl_query *q)
{
	memset(l, 0, sizeof(*l));
	l->st = st;
	l->q = *q;
	l->q.after = NULL;
	l->q.reverse = q->reverse;
	l->cursor = -1;
}

static void clear_rows(struct ui_list *l)
{
	for (int i = 0; i < l->n; i++)
		tl_record_free(l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

void ui_list_done(struct ui_list *l)
{
	clear_rows(l);
}

/* The cursor that points at record r in the list's order. */
static void cursor_of(const struct tl_record *r, struct tl_cursor *c)
{
	c->key = (char *)tl_record_get(r, r->e->sort);
	memcpy(c->id, r->id, sizeof(c->id));
}

/*
 * One page after (backward == false) or before the record `from` (NULL:
 * from the start or the end).  Rows come in display order either way.
 */
static enum tl_status fetch(struct ui_list *l, const struct tl_record *from,
			    bool backward, int limit, struct tl_page *page,
			    struct tl_error *err)
{
	struct tl_query q = l->q;
	struct tl_cursor c;
	enum tl_status rc;

	q.limit = limit;
	q.reverse = l->q.reverse != backward;
	if (from) {
		cursor_of(from, &c);
		q.after = &c;
	} else {
		q.after = NULL;
	}
	memset(page, 0, sizeof(*page));
	rc = tl_store_list(l->st, &q, page, err);
	if (rc == TL_OK && backward) {
		for (int i = 0, j = page->n - 1; i < j; i++, j--) {
			struct tl_record *t = page->recs[i];
			page->recs[i] = page->recs[j];
			page->recs[j] = t;
		}
	}
	return rc;
}

/* Takes the page's records, at the end or the front of the window. */
static bool splice(struct ui_list *l, struct tl_page *page, bool front)
{
	struct tl_record **rows = realloc(l->rows, sizeof(*rows) *
					  (size_t)(l->n + page->n + 1));

	if (!rows)
		return false;
	l->rows = rows;
	if (front) {
		memmove(rows + page->n, rows, sizeof(*rows) * (size_t)l->n);
		memcpy(rows, page->recs, sizeof(*rows) * (size_t)page->n);
		l->cursor += page->n;
		l->top += page->n;
	} else {
		memcpy(rows + l->n, page->recs, sizeof(*rows) * (size_t)page->n);
	}
	l->n += page->n;
	page->n = 0; /* the list owns them now */
	tl_page_done(page);

	/* Keep the window bounded: drop rows far from the cursor. */
	while (l->n > UI_LIST_WINDOW) {
		if (l->cursor > l->n / 2) {
			tl_record_free(l->rows[0]);
			memmove(l->rows, l->rows + 1,
				sizeof(*rows) * (size_t)(l->n - 1));
			l->n--;
			l->cursor--;
			l->top = l->top > 0 ? l->top - 1 : 0;
			l->more_before = true;
		} else {
			tl_record_free(l->rows[--l->n]);
			l->more_after = true;
		}
	}
	return true;
}

enum tl_status ui_list_load(struct ui_list *l, struct tl_error *err)
{
	struct tl_page page;
	enum tl_status rc;

	clear_rows(l);
	l->cursor = -1;
	l->top = 0;
	rc = fetch(l, NULL, false, UI_LIST_PAGE, &page, err);
	if (rc != TL_OK)
		return rc;
	l->more_before = false;
	l->more_after = page.more;
	if (!splice(l, &page, false)) {
		tl_page_done(&page);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	l->cursor = l->n > 0 ? 0 : -1;
	return TL_OK;
}

enum tl_status ui_list_reload(struct ui_list *l, struct tl_error *err)
{
	char keep[TL_ID_LEN + 1] = "";
	int old_cursor = l->cursor, old_top = l->top;
	struct tl_record *anchor = NULL;
	struct tl_page page;
	enum tl_status rc;

	if (l->cursor >= 0)
		memcpy(keep, l->rows[l->cursor]->id, sizeof(keep));
	if (l->more_before && l->n > 0) {
		/* Start again just after the row before the window. */
		rc = fetch(l, l->rows[0], true, 1, &page, err);
		if (rc != TL_OK)
			return rc;
		if (page.n == 1) {
			anchor = page.recs[0];
			page.recs[0] = NULL;
			page.n = 0;
		}
		tl_page_done(&page);
	}
	clear_rows(l);
	rc = fetch(l, anchor, false, UI_LIST_WINDOW / 2, &page, err);
	l->more_before = anchor != NULL;
	tl_record_free(anchor);
	if (rc != TL_OK)
		return rc;
	l->more_after = page.more;
	l->cursor = 0;
	l->top = 0;
	if (!splice(l, &page, false)) {
		tl_page_done(&page);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	l->cursor = -1;
	for (int i = 0; i < l->n && keep[0]; i++)
		if (!strcmp(l->rows[i]->id, keep))
			l->cursor = i;
	if (l->cursor < 0)
		l->cursor = old_cursor < l->n ? old_cursor : l->n - 1;
	l->top = old_top < l->n ? old_top : 0;
	if (l->cursor < l->top)
		l->top = l->cursor > 0 ? l->cursor : 0;
	return TL_OK;
}

static void keep_visible(struct ui_list *l, int visible)
{
	if (visible < 1)
		visible = 1;
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->cursor >= l->top + visible)
		l->top = l->cursor - visible + 1;
	if (l->top < 0)
		l->top = 0;
}

enum tl_status ui_list_show(struct ui_list *l, const char *id, int visible,
			    struct tl_error *err)
{
	struct tl_record *r = NULL, *prev = NULL;
	struct tl_page before = {0}, from = {0};
	enum tl_status rc;
	int half = UI_LIST_PAGE / 2;

	if (tl_store_get(l->st, l->q.kind, id, &r, err) != TL_OK)
		return ui_list_reload(l, err);
	/* The rows before it, then from the nearest of them on: the record
	 * is among those when the list's filters take it. */
	rc = fetch(l, r, true, half, &before, err);
	tl_record_free(r);
	if (rc == TL_OK && before.n > 0) {
		prev = before.recs[before.n - 1];
		before.recs[--before.n] = NULL;
	}
	if (rc == TL_OK)
		rc = fetch(l, prev, false, UI_LIST_WINDOW / 2, &from, err);
	if (rc != TL_OK) {
		tl_record_free(prev);
		tl_page_done(&before);
		tl_page_done(&from);
		return rc;
	}
	clear_rows(l);
	l->cursor = l->top = 0;
	/* The page before ends with prev, which `from` starts after. */
	if (prev) {
		before.recs[before.n++] = prev;
		prev = NULL;
	}
	l->more_before = before.n >= half;
	l->more_after = from.more;
	if (!splice(l, &before, false) || !splice(l, &from, false)) {
		tl_page_done(&before);
		tl_page_done(&from);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	/* Left out by the filters: the first row after where it would be. */
	l->cursor = l->n > 0 ? (before.n < l->n ? before.n : l->n - 1) : -1;
	for (int i = 0; i < l->n; i++)
		if (!strcmp(l->rows[i]->id, id))
			l->cursor = i;
	keep_visible(l, visible);
	return TL_OK;
}

enum tl_status ui_list_move(struct ui_list *l, int delta, int visible,
			    struct tl_error *err)
{
	struct tl_page page;
	enum tl_status rc;

	if (l->n == 0)
		return TL_OK;
	while (l->cursor + delta >= l->n && l->more_after) {
		rc = fetch(l, l->rows[l->n - 1], false, UI_LIST_PAGE, &page,
			   err);
		if (rc != TL_OK)
			return rc;
		l->more_after = page.more;
		if (page.n == 0) {
			tl_page_done(&page);
			break;
		}
		if (!splice(l, &page, false)) {
			tl_page_done(&page);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
	}
	while (l->cursor + delta < 0 && l->more_before) {
		rc = fetch(l, l->rows[0], true, UI_LIST_PAGE, &page, err);
		if (rc != TL_OK)
			return rc;
		l->more_before = page.more;
		if (page.n == 0) {
			tl_page_done(&page);
			break;
		}
		if (!splice(l, &page, true)) {
			tl_page_done(&page);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
	}
	l->cursor += delta;
	if (l->cursor >= l->n)
		l->cursor = l->n - 1;
	if (l->cursor < 0)
		l->cursor = 0;
	keep_visible(l, visible);
	return TL_OK;
}

enum tl_status ui_list_home(struct ui_list *l, struct tl_error *err)
{
	if (!l->more_before) {
		l->cursor = l->n > 0 ? 0 : -1;
		l->top = 0;
		return TL_OK;
	}
	return ui_list_load(l, err);
}

enum tl_status ui_list_end(struct ui_list *l, int visible,
			   struct tl_error *err)
{
	struct tl_page page;
	enum tl_status rc;

	if (!l->more_after) {
		l->cursor = l->n - 1;
		keep_visible(l, visible);
		return TL_OK;
	}
	/* The last page, read backwards from the end. */
	rc = fetch(l, NULL, true, UI_LIST_PAGE, &page, err);
	if (rc != TL_OK)
		return rc;
	clear_rows(l);
	l->more_before = page.more;
	l->more_after = false;
	l->cursor = 0;
	l->top = 0;
	if (!splice(l, &page, false)) {
		tl_page_done(&page);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	l->cursor = l->n - 1;
	keep_visible(l, visible);
	return TL_OK;
}

void ui_list_click(struct ui_list *l, int screen_row)
{
	int i = l->top + screen_row;

	if (i >= 0 && i < l->n)
		l->cursor = i;
}

const struct tl_record *ui_list_selected(const struct ui_list *l)
{
	if (l->cursor < 0 || l->cursor >= l->n)
		return NULL;
	return l->rows[l->cursor];
}
