/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * org_draw.c - the lines of the organisation view: tree guides, then a
 * unit's name and kind with the trend of its latest governance-balance
 * assessments on the right, or a person's name and title with their open
 * follow-ups (and of those, overdue) and active mandates.  Those figures
 * are read only for lines that are drawn, and kept until the data
 * changes.
 */
#include "org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

/* True for the last line under its parent (its guide turns the corner). */
static bool is_last(const struct org_node *n)
{
	return n->parent && n->parent->kids[n->parent->nkids - 1] == n;
}

/* ---- figures for the lines drawn ------------------------------------ */

static void read_balance(struct view *v, struct org_node *n)
{
	struct tl_query q = {.kind = TL_K_BALANCE, .unit = n->id,
			     .limit = ORG_BALANCES};
	struct tl_page page;
	struct tl_error err;

	n->nbal = 0;
	memset(&page, 0, sizeof(page));
	if (tl_store_list(ui_store(v->app), &q, &page, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	/* The store gives the newest first; a trend reads oldest first. */
	for (int i = page.n - 1; i >= 0 && n->nbal < ORG_BALANCES; i--)
		n->bal[n->nbal++] = atoi(tl_record_str(page.recs[i],
						       TL_BALANCE_SCORE));
	tl_page_done(&page);
}

static long count(struct view *v, struct tl_query *q)
{
	struct tl_error err;
	long n = 0;

	if (tl_store_count(ui_store(v->app), q, &n, &err) != TL_OK) {
		ui_error(v->app, &err);
		return 0;
	}
	return n;
}

static void read_counts(struct view *v, struct org_node *n)
{
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .owner = n->id,
			     .open = true};

	n->followups = count(v, &q);
	q.overdue = true;
	n->overdue = n->followups ? count(v, &q) : 0;
	memset(&q, 0, sizeof(q));
	q.kind = TL_K_MANDATE;
	q.owner = n->id;
	q.open = true;
	n->mandates = count(v, &q);
	n->counted = true;
}

/* ---- drawing -------------------------------------------------------- */

/* One piece of a line: text (s, or buf when s is NULL) in a role. */
struct piece {
	const char *s;
	char buf[128];
	enum ui_role role;
	attr_t extra;
};

#define NPIECES 6

static struct piece *piece(struct piece *p, int *n, enum ui_role role,
			   attr_t extra, const char *s)
{
	struct piece *q = &p[(*n)++];

	q->s = s;
	q->buf[0] = '\0';
	q->role = role;
	q->extra = extra;
	return q;
}

static const char *piece_text(const struct piece *p)
{
	return p->s ? p->s : p->buf;
}

static int pieces_width(const struct piece *p, int n)
{
	size_t w = 0;

	for (int i = 0; i < n; i++)
		w += tl_text_width(piece_text(&p[i]));
	return (int)w;
}

/* Draws pieces from x on, cut at `width` cells. */
static void put_pieces(WINDOW *w, int y, int x, int width,
		       const struct piece *p, int n)
{
	for (int i = 0; i < n && width > 0; i++) {
		int pw = (int)tl_text_width(piece_text(&p[i]));
		if (pw > width)
			pw = width;
		ui_put(w, y, x, pw, piece_text(&p[i]), p[i].role, p[i].extra);
		x += pw;
		width -= pw;
	}
}

static void score_text(int s, char *out, size_t size)
{
	if (s < 0)
		snprintf(out, size, "−%d", -s); /* a real minus sign */
	else if (s > 0)
		snprintf(out, size, "+%d", s);
	else
		snprintf(out, size, "0");
}

/* The right-hand column of a unit: its balance trend, oldest first. */
static int unit_info(const struct org_node *n, struct piece *p)
{
	int k = 0, last;
	struct piece *t;
	size_t len = 0;
	char s[16];

	if (n->nbal <= 0)
		return 0;
	t = piece(p, &k, UI_R_NORMAL, 0, NULL);
	for (int i = 0; i < n->nbal; i++) {
		score_text(n->bal[i], s, sizeof(s));
		int w = snprintf(t->buf + len, sizeof(t->buf) - len, "%s%s",
				 i ? " → " : "", s);
		if (w < 0 || (size_t)w >= sizeof(t->buf) - len)
			break;
		len += (size_t)w;
	}
	piece(p, &k, UI_R_NORMAL, 0, "  ");
	last = n->bal[n->nbal - 1];
	piece(p, &k, last ? UI_R_WARN : UI_R_OK, 0,
	      last < 0 ? _("under-governed")
	      : last > 0 ? _("over-governed") : _("balanced"));
	return k;
}

/* The right-hand column of a person: open follow-ups and mandates. */
static int person_info(const struct org_node *n, struct piece *p)
{
	int k = 0;
	struct piece *t;

	if (n->followups > 0) {
		t = piece(p, &k, UI_R_NORMAL, 0, NULL);
		snprintf(t->buf, sizeof(t->buf), _("follow-ups: %ld"),
			 n->followups);
		if (n->overdue > 0) {
			piece(p, &k, UI_R_NORMAL, 0, " ");
			t = piece(p, &k, UI_R_OVERDUE, 0, NULL);
			snprintf(t->buf, sizeof(t->buf), _("(%ld overdue)"),
				 n->overdue);
		}
	}
	if (n->mandates > 0) {
		if (k)
			piece(p, &k, UI_R_NORMAL, 0, "  ");
		t = piece(p, &k, UI_R_NORMAL, 0, NULL);
		snprintf(t->buf, sizeof(t->buf), _("mandates: %ld"),
			 n->mandates);
	}
	return k;
}

/* The tree guides in front of node n: "│  ├─ ". */
static void guides(const struct org_node *n, char *out, size_t size)
{
	const struct org_node *chain[ORG_MAX_DEPTH];
	int d = 0;
	size_t len = 0;

	out[0] = '\0';
	for (const struct org_node *a = n; a->parent && a->parent->parent &&
	     d < ORG_MAX_DEPTH; a = a->parent)
		chain[d++] = a;
	/* chain[0] is n, chain[d - 1] is right below a root. */
	for (int i = d - 1; i >= 0; i--) {
		const char *g;
		if (i == 0)
			g = is_last(chain[i]) ? "└─ " : "├─ ";
		else
			g = is_last(chain[i]) ? "   " : "│  ";
		int k = snprintf(out + len, size - len, "%s", g);
		if (k < 0 || (size_t)k >= size - len)
			break;
		len += (size_t)k;
	}
}

static void draw_line(struct view *v, WINDOW *w, int y, int cols,
		      struct org_node *n, bool sel)
{
	struct piece left[NPIECES], right[NPIECES];
	int nl = 0, nr = 0, rw, lw;
	enum ui_role base = sel ? UI_R_SELECTED : UI_R_NORMAL;
	enum ui_role dim = sel ? UI_R_SELECTED : UI_R_DIM;
	char tree[3 * ORG_MAX_DEPTH * 4 + 1];
	struct piece *t;

	if (sel)
		ui_fill(w, y, 0, UI_R_SELECTED, 0);
	guides(n, tree, sizeof(tree));
	piece(left, &nl, dim, 0, tree);

	switch (n->type) {
	case ORG_UNIT:
		if (n->nbal < 0)
			read_balance(v, n);
		/* ▸ can be opened, ▾ is open, · has nothing below it. */
		piece(left, &nl, base, 0, !n->loaded ? "▸ "
		      : !n->nkids ? "· " : n->expanded ? "▾ " : "▸ ");
		piece(left, &nl, n->closed ? dim : base, A_BOLD, n->name);
		t = piece(left, &nl, dim, 0, NULL);
		snprintf(t->buf, sizeof(t->buf), "  %s%s",
			 n->detail[0] ? _(n->detail) : "",
			 n->closed ? _(", closed") : "");
		nr = unit_info(n, right);
		break;
	case ORG_PERSON:
		if (!n->counted)
			read_counts(v, n);
		piece(left, &nl, base, 0, n->name);
		if (n->detail[0]) {
			piece(left, &nl, dim, 0, "  ");
			piece(left, &nl, dim, 0, n->detail);
		}
		nr = person_info(n, right);
		break;
	case ORG_MORE:
		piece(left, &nl, dim, 0,
		      _("… more people (Enter shows them)"));
		break;
	}
	if (sel)
		for (int i = 0; i < nr; i++)
			right[i].role = UI_R_SELECTED;

	/* The figures keep their place on the right; the name gives way. */
	rw = pieces_width(right, nr);
	if (rw > ORG_INFO_WIDTH)
		rw = ORG_INFO_WIDTH;
	if (rw > cols / 2)
		rw = cols / 2;
	lw = cols - 2 - (rw ? rw + 2 : 0);
	put_pieces(w, y, 1, lw, left, nl);
	if (rw)
		put_pieces(w, y, cols - 1 - rw, rw, right, nr);
}

void ui_org_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct org_view *ov = v->data;

	ui_put(w, 0, 1, cols / 2, _("Chain of governance"), UI_R_HEADER, 0);
	/* The last cells of the header are for the scroll marks. */
	ui_put_right(w, 0, cols / 2, cols - cols / 2 - 5,
		     _("Balance · open follow-ups, mandates"), UI_R_HEADER, 0);
	ov->visible = rows - 1;
	if (ov->nvis == 0) {
		ui_put(w, 2, 2, cols - 4,
		       _("No units yet. Add the chain of governance with "
			 "tillit unit add, or press T on the overview for "
			 "the demo."), UI_R_DIM, 0);
		return;
	}
	/* Keep the cursor in view. */
	if (ov->cursor < ov->top)
		ov->top = ov->cursor;
	if (ov->visible > 0 && ov->cursor >= ov->top + ov->visible)
		ov->top = ov->cursor - ov->visible + 1;
	if (ov->top > 0 && ov->top + ov->visible > ov->nvis)
		ov->top = ov->nvis > ov->visible ? ov->nvis - ov->visible : 0;
	for (int y = 0; y < ov->visible && ov->top + y < ov->nvis; y++) {
		int i = ov->top + y;
		draw_line(v, w, 1 + y, cols, ov->vis[i], i == ov->cursor);
	}
	if (ov->top > 0)
		ui_put_right(w, 0, cols - 4, 1, "↑", UI_R_DIM, 0);
	if (ov->top + ov->visible < ov->nvis)
		ui_put_right(w, 0, cols - 2, 1, "↓", UI_R_DIM, 0);
}
