/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pick.c - the pick-list: choosing a record (a person, a unit, a meeting)
 * by typing part of its name instead of its id.
 *
 * A modal window over the screen: a query line on top and the matching
 * records below it, filtered as the user types.  An empty query lists the
 * first page of the kind from the store (only open records, so that
 * people who have left are not offered).  What is typed finds first a
 * person, a unit, a meeting (a kind looked up by name) whose name holds
 * it, whatever its case and accents, then what the store's full-text
 * search finds (word prefixes, in any field: a person's title).
 * Keys come from ui_read_key, so headless scripts drive it like the rest.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

#define PICK_MAX 200   /* records offered at most */
#define PICK_QUERY 256 /* characters of the query */

struct pick_item {
	char id[TL_ID_LEN + 1];
	char *title;
	char *detail; /* a second column: a person's title, a unit's kind */
};

struct pick {
	struct ui_app *app;
	enum tl_kind kind;
	const char *question;
	wchar_t query[PICK_QUERY + 1];
	size_t qlen;
	struct pick_item *items;
	int n;
	int sel, top;
	int visible; /* list lines in the last drawing */
	bool more;   /* the list was cut at PICK_MAX */
	char msg[1024];
};

static void items_free(struct pick *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->items[i].title);
		free(p->items[i].detail);
	}
	free(p->items);
	p->items = NULL;
	p->n = 0;
	p->sel = p->top = 0;
	p->more = false;
}

/* A record's second column, or NULL. */
static char *detail_of(struct pick *p, const struct tl_record *r)
{
	struct tl_refs *refs = ui_refs(p->app);
	int f = -1;

	if (r->e->kind == TL_K_PERSON)
		f = TL_PERSON_TITLE;
	else if (r->e->kindf >= 0)
		f = r->e->kindf;
	else if (r->e->sort >= 0 && r->e->sort != r->e->title)
		f = r->e->sort;
	return f >= 0 ? tl_present_field(refs, r, f, false) : NULL;
}

/* True when r is offered: open, for a kind that has open values. */
static bool is_open(const struct tl_record *r)
{
	const struct tl_entity *e = r->e;
	const char *v;

	if (e->status < 0 || !e->open_values)
		return true;
	v = tl_record_get(r, e->status);
	if (!v)
		return true;
	for (int i = 0; e->open_values[i]; i++)
		if (!strcmp(v, e->open_values[i]))
			return true;
	return false;
}

/* Adds r (once: a record already offered is not offered again); false
 * when out of memory or full. */
static bool add_record(struct pick *p, const struct tl_record *r)
{
	struct pick_item *it;

	for (int i = 0; i < p->n; i++)
		if (!strcmp(p->items[i].id, r->id))
			return true;
	if (p->n >= PICK_MAX)
		return false;

	if (p->n % 32 == 0) {
		struct pick_item *grown = realloc(p->items, sizeof(*grown) *
						  (size_t)(p->n + 32));
		if (!grown)
			return false;
		p->items = grown;
	}
	it = &p->items[p->n];
	memcpy(it->id, r->id, sizeof(it->id));
	it->title = tl_present_title(ui_refs(p->app), r);
	it->detail = detail_of(p, r);
	if (!it->title) {
		free(it->detail);
		return false;
	}
	p->n++;
	return true;
}

/* The query as UTF-8, into buf. */
static void query_text(const struct pick *p, char *buf, size_t size)
{
	const wchar_t *src = p->query;
	mbstate_t ps;
	size_t n;

	memset(&ps, 0, sizeof(ps));
	n = wcsrtombs(buf, &src, size - 1, &ps);
	if (n == (size_t)-1)
		n = 0;
	buf[n] = '\0';
}

static void load_list(struct pick *p)
{
	const struct tl_entity *e = tl_entity_get(p->kind);
	struct tl_query q = {.kind = p->kind, .limit = PICK_MAX};
	struct tl_page page = {0};
	struct tl_error err = {0};

	q.open = e->status >= 0 && e->open_values;
	if (tl_store_list(ui_store(p->app), &q, &page, &err) != TL_OK) {
		snprintf(p->msg, sizeof(p->msg), "%s", err.msg);
		return;
	}
	for (int i = 0; i < page.n; i++)
		if (!add_record(p, page.recs[i]))
			break;
	p->more = page.more;
	tl_page_done(&page);
}

static void load_search(struct pick *p, const char *text)
{
	struct tl_store *st = ui_store(p->app);
	struct tl_hit *hits = NULL;
	struct tl_error err = {0};
	int nhits = 0;

	if (tl_store_search(st, text, PICK_MAX, &hits, &nhits, &err)
	    != TL_OK) {
		snprintf(p->msg, sizeof(p->msg), "%s", err.msg);
		return;
	}
	for (int i = 0; i < nhits; i++) {
		struct tl_record *r = NULL;

		if (hits[i].kind != p->kind)
			continue;
		if (tl_store_get(st, p->kind, hits[i].id, &r, &err) != TL_OK)
			continue;
		if (is_open(r) && !add_record(p, r)) {
			tl_record_free(r);
			break;
		}
		tl_record_free(r);
	}
	p->more = p->more || nhits == PICK_MAX;
	tl_hits_free(hits, nhits);
}

/* The ids tl_store_match_names finds, for load_names. */
struct named {
	char (*ids)[TL_ID_LEN + 1];
	int n;
};

static void add_named(void *ctx, const char *id, const char *title)
{
	struct named *nm = ctx;

	(void)title;
	if (nm->n < PICK_MAX)
		snprintf(nm->ids[nm->n++], TL_ID_LEN + 1, "%s", id);
}

/* A person, unit or meeting whose name holds the text, whatever its
 * case and accents and wherever in a word: "förvaltningen" offers
 * Socialförvaltningen, "ucer" Üçer. */
static void load_names(struct pick *p, const char *text)
{
	struct tl_store *st = ui_store(p->app);
	struct tl_error err = {0};
	struct named nm = {.ids = malloc(sizeof(*nm.ids) * PICK_MAX)};

	if (!nm.ids) {
		snprintf(p->msg, sizeof(p->msg), "%s", _("Out of memory."));
		return;
	}
	if (tl_store_match_names(st, p->kind, text, PICK_MAX, add_named, &nm,
				 &err) != TL_OK)
		snprintf(p->msg, sizeof(p->msg), "%s", err.msg);
	for (int i = 0; i < nm.n; i++) {
		struct tl_record *r = NULL;

		if (tl_store_get(st, p->kind, nm.ids[i], &r, &err) != TL_OK)
			continue;
		if (is_open(r) && !add_record(p, r)) {
			tl_record_free(r);
			break;
		}
		tl_record_free(r);
	}
	p->more = nm.n == PICK_MAX;
	free(nm.ids);
}

static void load(struct pick *p)
{
	char text[PICK_QUERY * 4 + 1];

	items_free(p);
	p->msg[0] = '\0';
	query_text(p, text, sizeof(text));
	if (text[strspn(text, " ")] == '\0')
		load_list(p);
	else if (tl_entity_named(tl_entity_get(p->kind))) {
		/* Names first; then what full-text search finds beside
		 * them (a person's title: "rektor"). */
		load_names(p, text);
		if (!p->msg[0] && p->n < PICK_MAX)
			load_search(p, text);
	} else {
		load_search(p, text);
	}
}

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

/* Draws the pick-list over the screen (a modal window of the app). */
static void pick_paint(struct ui_app *app, void *data)
{
	struct pick *p = data;
	int body = LINES - 3, h, w, y0, x0, list, dw, cx;
	char text[PICK_QUERY * 4 + 1], line[PICK_QUERY * 4 + 200];
	WINDOW *win;

	(void)app;
	w = COLS - 8 < 76 ? COLS - 8 : 76;
	h = body - 2 < 20 ? body - 2 : 20;
	if (w < 20 || h < 6)
		return;
	y0 = 1 + (body - h) / 2;
	x0 = (COLS - w) / 2;
	win = derwin(stdscr, h, w, y0, x0);
	if (!win)
		return;
	wattrset(win, A_NORMAL);
	werase(win);
	frame(win);

	query_text(p, text, sizeof(text));
	snprintf(line, sizeof(line), "%s %s", p->question, text);
	ui_put(win, 1, 2, w - 4, line, UI_R_NORMAL, A_BOLD);
	cx = 2 + (int)tl_text_width(line);
	if (cx > w - 3)
		cx = w - 3;
	{
		cchar_t hl;
		setcchar(&hl, L"─", A_NORMAL, 0, NULL);
		mvwhline_set(win, 2, 1, &hl, w - 2);
	}

	list = h - 5;
	p->visible = list;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + list)
		p->top = p->sel - list + 1;
	dw = (w - 4) / 3;
	for (int i = 0; i < list && p->top + i < p->n; i++) {
		const struct pick_item *it = &p->items[p->top + i];
		bool sel = p->top + i == p->sel;
		enum ui_role role = sel ? UI_R_SELECTED : UI_R_NORMAL;

		ui_put(win, 3 + i, 1, 1, "", role, 0);
		ui_put(win, 3 + i, 2, w - 4 - dw - 1, it->title, role, 0);
		ui_put(win, 3 + i, w - 2 - dw - 1, 1, "", role, 0);
		ui_put(win, 3 + i, w - 2 - dw, dw, it->detail ? it->detail
		       : "", sel ? UI_R_SELECTED : UI_R_DIM, 0);
		ui_put(win, 3 + i, w - 2, 1, "", role, 0);
	}
	if (p->msg[0])
		ui_put(win, h - 2, 2, w - 4, p->msg, UI_R_ERROR, 0);
	else if (p->n == 0)
		ui_put(win, h - 2, 2, w - 4, _("Nothing matches; type less, "
					       "or Esc to go back."),
		       UI_R_DIM, 0);
	else
		ui_put(win, h - 2, 2, w - 4, p->more
		       ? _("Up/Down choose, Enter picks, Esc cancels; type "
			   "to narrow the list.")
		       : _("Up/Down choose, Enter picks, Esc cancels."),
		       UI_R_DIM, 0);
	delwin(win);
	wmove(stdscr, y0 + 1, x0 + cx);
}

static void move_sel(struct pick *p, int by)
{
	p->sel += by;
	if (p->sel >= p->n)
		p->sel = p->n - 1;
	if (p->sel < 0)
		p->sel = 0;
}

bool ui_pick(struct ui_app *app, enum tl_kind kind, const char *question,
	     char out[TL_ID_LEN + 1])
{
	struct pick *p;
	bool picked = false;
	int key, cursor;

	if (!tl_entity_get(kind))
		return false;
	p = calloc(1, sizeof(*p));
	if (!p)
		return false;
	p->app = app;
	p->kind = kind;
	p->question = question ? question : "";
	p->visible = 10;
	load(p);
	if (!ui_modal_push(app, pick_paint, p)) {
		items_free(p);
		free(p);
		return false;
	}
	cursor = curs_set(1);
	for (;;) {
		ui_draw_now(app);
		key = ui_read_key(app);
		if (key < 0 || key == 27)
			break;
		if (key == '\n' || key == '\r' || key == UI_FKEY(KEY_ENTER)) {
			if (p->n > 0) {
				memcpy(out, p->items[p->sel].id,
				       TL_ID_LEN + 1);
				picked = true;
				break;
			}
		} else if (key == UI_FKEY(KEY_UP) || key == UI_FKEY(KEY_BTAB)) {
			move_sel(p, -1);
		} else if (key == UI_FKEY(KEY_DOWN) || key == '\t') {
			move_sel(p, 1);
		} else if (key == UI_FKEY(KEY_PPAGE)) {
			move_sel(p, -p->visible);
		} else if (key == UI_FKEY(KEY_NPAGE)) {
			move_sel(p, p->visible);
		} else if (key == UI_FKEY(KEY_HOME)) {
			move_sel(p, -p->n);
		} else if (key == UI_FKEY(KEY_END)) {
			move_sel(p, p->n);
		} else if (key == UI_FKEY(KEY_BACKSPACE) || key == 127 ||
			   key == 8) {
			if (p->qlen > 0) {
				p->query[--p->qlen] = L'\0';
				load(p);
			}
		} else if (key == UI_CTRL('u')) {
			p->qlen = 0;
			p->query[0] = L'\0';
			load(p);
		} else if (key == 0) {
			load(p); /* the data changed elsewhere */
		} else if (key >= 32 && key < 0x110000 && key != 127 &&
			   p->qlen < PICK_QUERY) {
			p->query[p->qlen++] = (wchar_t)key;
			p->query[p->qlen] = L'\0';
			load(p);
		}
	}
	ui_modal_pop(app);
	curs_set(cursor == ERR ? 0 : cursor);
	items_free(p);
	free(p);
	return picked;
}
