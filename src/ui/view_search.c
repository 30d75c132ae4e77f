/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_search.c - the results of a full-text search across every kind of
 * record, best match first.  Each hit takes two lines: what kind of
 * record it is, its short id and its title; then the text around the
 * match, with the words found highlighted.  Enter opens the record.
 *
 * The store runs the search (FTS5) and marks the matched words with
 * [brackets] in the snippet; this view only splits on those marks.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/text.h"

#define SEARCH_LIMIT 100
#define SEARCH_KIND_WIDTH 20 /* the column with the kind of record */

struct search_view {
	char *query;
	struct tl_hit *hits;
	int n;
	int cursor, top; /* hits, not lines */
	int visible;     /* hits that fit on the screen */
};

static const enum ui_action search_actions[] = {
	UI_A_OPEN, UI_A_SEARCH, UI_A_NONE,
};

/* Runs the query again; false (with the error shown) when it failed. */
static bool run_search(struct view *v)
{
	struct search_view *sv = v->data;
	struct tl_error err;
	struct tl_hit *hits = NULL;
	int n = 0;

	if (tl_store_search(ui_store(v->app), sv->query, SEARCH_LIMIT, &hits,
			    &n, &err) != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	tl_hits_free(sv->hits, sv->n);
	sv->hits = hits;
	sv->n = n;
	return true;
}

static bool search_open(struct view *v, const void *arg)
{
	struct search_view *sv = calloc(1, sizeof(*sv));
	const char *query = arg ? arg : "";

	if (!sv)
		return false;
	v->data = sv;
	sv->query = strdup(query);
	if (!sv->query)
		return false;
	snprintf(v->title, sizeof(v->title), _("Search: %s"), sv->query);
	return run_search(v);
}

static void search_close(struct view *v)
{
	struct search_view *sv = v->data;

	if (!sv)
		return;
	tl_hits_free(sv->hits, sv->n);
	free(sv->query);
	free(sv);
}

static void search_reload(struct view *v)
{
	struct search_view *sv = v->data;
	char id[TL_ID_LEN + 1] = "";

	if (sv->cursor >= 0 && sv->cursor < sv->n)
		memcpy(id, sv->hits[sv->cursor].id, sizeof(id));
	if (!run_search(v))
		return;
	/* Stay on the same record when it is still found. */
	for (int i = 0; id[0] && i < sv->n; i++)
		if (!strcmp(sv->hits[i].id, id)) {
			sv->cursor = i;
			return;
		}
	if (sv->cursor >= sv->n)
		sv->cursor = sv->n - 1;
	if (sv->cursor < 0)
		sv->cursor = 0;
}

/*
 * Draws the snippet s (already sanitised) from x, `width` cells at most,
 * with the parts between [ and ] in the highlight.
 */
static void put_snippet(WINDOW *w, int y, int x, int width, char *s,
			bool sel)
{
	enum ui_role plain = sel ? UI_R_SELECTED : UI_R_NORMAL;
	enum ui_role mark = sel ? UI_R_SELECTED : UI_R_WARN;
	bool in = false;

	while (*s && width > 0) {
		size_t len = strcspn(s, in ? "]" : "[");
		char end = s[len];
		int cw;

		s[len] = '\0';
		cw = (int)tl_text_width(s);
		if (cw > width)
			cw = width;
		if (cw > 0)
			ui_put(w, y, x, cw, s, in ? mark : plain,
			       in ? A_BOLD | (sel ? A_UNDERLINE : 0) : 0);
		s[len] = end;
		x += cw;
		width -= cw;
		s += len;
		if (*s) {
			s++; /* the bracket itself is not shown */
			in = !in;
		}
	}
}

static void draw_hit(struct view *v, WINDOW *w, int y, int cols,
		     const struct tl_hit *h, bool sel)
{
	const struct tl_entity *e = tl_entity_get(h->kind);
	enum ui_role role = sel ? UI_R_SELECTED : UI_R_NORMAL;
	enum ui_role dim = sel ? UI_R_SELECTED : UI_R_DIM;
	char shortid[TL_ID_SHORT + 1];
	char *title, *snippet;
	int x = 1;

	(void)v;
	if (sel) {
		ui_fill(w, y, 0, UI_R_SELECTED, 0);
		ui_fill(w, y + 1, 0, UI_R_SELECTED, 0);
	}
	memcpy(shortid, h->id, TL_ID_SHORT);
	shortid[TL_ID_SHORT] = '\0';
	x += ui_put(w, y, x, SEARCH_KIND_WIDTH, e ? _(e->label) : "", dim,
		    0) + 1;
	x += ui_put(w, y, x, TL_ID_SHORT, shortid, dim, 0) + 2;
	title = tl_text_first_line(h->title ? h->title : "", 1024);
	if (cols - x - 1 > 0)
		ui_put(w, y, x, cols - x - 1, title ? title : "", role,
		       A_BOLD);
	free(title);

	/* The snippet under the title, on one line. */
	snippet = tl_text_sanitize(h->snippet ? h->snippet : "", false);
	x = 1 + SEARCH_KIND_WIDTH + 1;
	if (snippet && cols - x - 1 > 0)
		put_snippet(w, y + 1, x, cols - x - 1, snippet, sel);
	free(snippet);
}

static void search_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct search_view *sv = v->data;
	char line[400];

	if (sv->n == 0) {
		snprintf(line, sizeof(line), _("Nothing found for \"%s\"."),
			 sv->query);
		ui_put(w, 1, 2, cols - 4, line, UI_R_NORMAL, 0);
		ui_put(w, 3, 2, cols - 4, _("Every word is matched as the "
					    "start of a word, and all must "
					    "occur. Press / to search "
					    "again."), UI_R_DIM, 0);
		return;
	}
	if (sv->n >= SEARCH_LIMIT)
		snprintf(line, sizeof(line), _("The first %d hits, best "
					       "first"), sv->n);
	else if (sv->n == 1)
		snprintf(line, sizeof(line), "%s", _("One hit"));
	else
		snprintf(line, sizeof(line), _("%d hits, best first"), sv->n);
	ui_put(w, 0, 1, cols - 2, line, UI_R_HEADER, 0);

	sv->visible = (rows - 1) / 2;
	if (sv->visible < 1)
		sv->visible = 1;
	if (sv->cursor < sv->top)
		sv->top = sv->cursor;
	if (sv->cursor >= sv->top + sv->visible)
		sv->top = sv->cursor - sv->visible + 1;
	for (int i = 0; i < sv->visible && sv->top + i < sv->n; i++) {
		int y = 1 + 2 * i;
		if (y + 1 >= rows)
			break;
		draw_hit(v, w, y, cols, &sv->hits[sv->top + i],
			 sv->top + i == sv->cursor);
	}
	if (sv->top > 0)
		ui_put_right(w, 0, cols - 4, 1, "↑", UI_R_DIM, 0);
	if (sv->top + sv->visible < sv->n)
		ui_put_right(w, 0, cols - 2, 1, "↓", UI_R_DIM, 0);
}

static void move_to(struct search_view *sv, int i)
{
	if (i >= sv->n)
		i = sv->n - 1;
	if (i < 0)
		i = 0;
	sv->cursor = i;
}

static enum ui_result search_handle(struct view *v, enum ui_action a,
				    int key)
{
	struct search_view *sv = v->data;
	int page = sv->visible > 1 ? sv->visible - 1 : 1;

	(void)key;
	switch (a) {
	case UI_A_UP:
		move_to(sv, sv->cursor - 1);
		return UI_DONE;
	case UI_A_DOWN:
		move_to(sv, sv->cursor + 1);
		return UI_DONE;
	case UI_A_PAGE_UP:
		move_to(sv, sv->cursor - page);
		return UI_DONE;
	case UI_A_PAGE_DOWN:
		move_to(sv, sv->cursor + page);
		return UI_DONE;
	case UI_A_TOP:
		move_to(sv, 0);
		return UI_DONE;
	case UI_A_BOTTOM:
		move_to(sv, sv->n - 1);
		return UI_DONE;
	case UI_A_OPEN:
		if (sv->cursor >= 0 && sv->cursor < sv->n)
			ui_open_record(v->app, sv->hits[sv->cursor].kind,
				       sv->hits[sv->cursor].id);
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

const struct view_ops ui_view_search = {
	.name = "search",
	.title = N_("Search"),
	.open = search_open,
	.draw = search_draw,
	.handle = search_handle,
	.reload = search_reload,
	.close = search_close,
	.actions = search_actions,
};
