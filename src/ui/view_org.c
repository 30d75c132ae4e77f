/*
 * view_org.c - the organisation: the chain of governance as a tree, from
 * the council through the board and committees, the administrations and
 * their units down to teams and the people in them.
 *
 * The tree is read lazily.  The roots (units without a parent) come from
 * paging through the units, which are few; a unit's sub-units and people
 * are read when it is first expanded, the people a page at a time, since a
 * unit may have thousands.  A unit line shows its kind and the trend of its
 * latest governance-balance assessments; a person line shows their title
 * and how many open follow-ups (and of those, overdue) and active mandates
 * they hold.  Those figures are read only for lines that are drawn, and
 * kept until the data changes.
 */
#include "tillit/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/draw.h"
#include "tillit/i18n.h"
#include "tillit/text.h"

#define ORG_BALANCES 5      /* assessments in a trend */
#define ORG_UNIT_PAGE 1000  /* units a page while reading the roots */
#define ORG_PEOPLE_PAGE 200 /* people read at a time under one unit */
#define ORG_MAX_DEPTH 64    /* tree guides drawn at most this deep */
#define ORG_INFO_WIDTH 40   /* the right-hand column, at most */

enum org_type {
	ORG_UNIT,
	ORG_PERSON,
	ORG_MORE, /* "more people": reads the next page under its unit */
};

struct org_node {
	enum org_type type;
	char id[TL_ID_LEN + 1];
	char *name;
	char *detail;   /* a unit's kind (its stored value), a person's title */
	int rank;       /* units: place of the kind in the chain */
	bool closed;    /* a closed unit */
	struct org_node *parent;
	struct org_node **kids;
	int nkids, cap;
	bool loaded, expanded;
	/* ORG_MORE: where the next page of people starts. */
	struct tl_cursor after;
	/* Units: the latest scores, oldest first; nbal < 0 until read. */
	int nbal;
	int bal[ORG_BALANCES];
	/* People: the counts; counted is false until read. */
	bool counted;
	long followups, overdue, mandates;
};

struct org_view {
	struct org_node root; /* not shown; its kids are the roots */
	struct org_node **vis; /* the lines shown, in order */
	int nvis, capvis;
	int cursor, top, visible;
};

static const enum ui_action org_actions[] = {
	UI_A_OPEN, UI_A_RIGHT, UI_A_LEFT, UI_A_SEARCH, UI_A_NONE,
};

/* The unit kinds from the top of the chain down; unknown ones last. */
static const char *const unit_order[] = {
	"council", "board", "committee", "administration", "department",
	"team", NULL,
};

/* ---- the tree ------------------------------------------------------- */

static struct org_node *node_new(enum org_type type, struct org_node *parent)
{
	struct org_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->type = type;
	n->parent = parent;
	n->nbal = -1;
	return n;
}

/* Frees the node's children (and what they hold), leaving it unloaded. */
static void node_clear(struct org_node *n)
{
	for (int i = 0; i < n->nkids; i++) {
		struct org_node *k = n->kids[i];
		node_clear(k);
		free(k->name);
		free(k->detail);
		free(k->after.key);
		free(k);
	}
	free(n->kids);
	n->kids = NULL;
	n->nkids = n->cap = 0;
	n->loaded = false;
}

static bool node_add(struct org_node *parent, struct org_node *kid)
{
	if (parent->nkids == parent->cap) {
		int cap = parent->cap ? parent->cap * 2 : 8;
		struct org_node **p = realloc(parent->kids,
					      (size_t)cap * sizeof(*p));
		if (!p)
			return false;
		parent->kids = p;
		parent->cap = cap;
	}
	parent->kids[parent->nkids++] = kid;
	return true;
}

static int unit_rank(const char *kind)
{
	int i;

	for (i = 0; unit_order[i]; i++)
		if (!strcmp(kind, unit_order[i]))
			break;
	return i;
}

/* A node for record r under parent; NULL when out of memory. */
static struct org_node *node_from(struct org_node *parent,
				  const struct tl_record *r)
{
	bool unit = r->e->kind == TL_K_UNIT;
	struct org_node *n = node_new(unit ? ORG_UNIT : ORG_PERSON, parent);

	if (!n)
		return NULL;
	memcpy(n->id, r->id, sizeof(n->id));
	/* Sanitised once, so that widths count what is shown. */
	n->name = tl_text_sanitize(tl_record_str(r, unit ? TL_UNIT_NAME
						 : TL_PERSON_NAME), false);
	n->detail = tl_text_sanitize(tl_record_str(r, unit ? TL_UNIT_KIND
						   : TL_PERSON_TITLE), false);
	if (unit) {
		n->rank = unit_rank(n->detail ? n->detail : "");
		n->closed = !strcmp(tl_record_str(r, TL_UNIT_STATUS),
				    "closed");
	}
	if (!n->name || !n->detail) {
		free(n->name);
		free(n->detail);
		free(n);
		return NULL;
	}
	return n;
}

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, "%s", _("Out of memory."));
}

/*
 * Reads the sub-units of parent (the roots for the hidden root): every
 * page of them, since units are few.  The store sorts them by name.
 */
static enum tl_status load_units(struct tl_store *st, struct org_node *parent,
				 struct tl_error *err)
{
	bool roots = parent->parent == NULL;
	struct tl_query q = {.kind = TL_K_UNIT, .limit = ORG_UNIT_PAGE};
	struct tl_page page, prev;
	enum tl_status rc;

	if (!roots)
		q.parent = parent->id;
	memset(&prev, 0, sizeof(prev));
	for (;;) {
		memset(&page, 0, sizeof(page));
		rc = tl_store_list(st, &q, &page, err);
		tl_page_done(&prev);
		if (rc != TL_OK)
			return rc;
		for (int i = 0; i < page.n; i++) {
			const struct tl_record *r = page.recs[i];
			struct org_node *n;

			if (roots && tl_record_get(r, TL_UNIT_PARENT))
				continue;
			n = node_from(parent, r);
			if (!n || !node_add(parent, n)) {
				free(n ? n->name : NULL);
				free(n ? n->detail : NULL);
				free(n);
				tl_page_done(&page);
				return oom(err);
			}
		}
		if (!page.more)
			break;
		prev = page;
		q.after = &prev.next;
	}
	tl_page_done(&page);
	return TL_OK;
}

/*
 * Reads one page of the active people of unit, after `after` (NULL for
 * the first), and adds a "more" node when another page follows.
 */
static enum tl_status load_people(struct tl_store *st, struct org_node *unit,
				  const struct tl_cursor *after,
				  struct tl_error *err)
{
	struct tl_query q = {
		.kind = TL_K_PERSON, .unit = unit->id, .open = true,
		.limit = ORG_PEOPLE_PAGE, .after = after,
	};
	struct tl_page page;
	enum tl_status rc;
	struct org_node *more;

	memset(&page, 0, sizeof(page));
	rc = tl_store_list(st, &q, &page, err);
	if (rc != TL_OK)
		return rc;
	for (int i = 0; i < page.n && rc == TL_OK; i++) {
		struct org_node *n = node_from(unit, page.recs[i]);
		if (!n || !node_add(unit, n)) {
			free(n ? n->name : NULL);
			free(n ? n->detail : NULL);
			free(n);
			rc = oom(err);
		}
	}
	if (rc == TL_OK && page.more) {
		more = node_new(ORG_MORE, unit);
		if (more)
			memcpy(more->after.id, page.next.id,
			       sizeof(more->after.id));
		if (more && page.next.key)
			more->after.key = strdup(page.next.key);
		if (!more || (page.next.key && !more->after.key) ||
		    !node_add(unit, more)) {
			if (more)
				free(more->after.key);
			free(more);
			rc = oom(err);
		}
	}
	tl_page_done(&page);
	return rc;
}

/* Higher in the chain first, then by name (the store's order). */
static int by_rank(const void *a, const void *b)
{
	const struct org_node *x = *(struct org_node *const *)a;
	const struct org_node *y = *(struct org_node *const *)b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	c = strcmp(x->name, y->name);
	if (c)
		return c;
	return strcmp(x->id, y->id);
}

/* Reads a unit's sub-units and first page of people, once. */
static enum tl_status node_load(struct tl_store *st, struct org_node *n,
				struct tl_error *err)
{
	enum tl_status rc;

	if (n->loaded)
		return TL_OK;
	rc = load_units(st, n, err);
	if (rc == TL_OK && n->nkids > 1)
		qsort(n->kids, (size_t)n->nkids, sizeof(n->kids[0]), by_rank);
	if (rc == TL_OK && n->parent)
		rc = load_people(st, n, NULL, err);
	if (rc != TL_OK) {
		node_clear(n);
		return rc;
	}
	n->loaded = true;
	return TL_OK;
}

/* Replaces the "more" node k (the last kid of its unit) by the next page. */
static enum tl_status load_more(struct tl_store *st, struct org_node *k,
				struct tl_error *err)
{
	struct org_node *unit = k->parent;
	enum tl_status rc;

	unit->nkids--; /* k is the last kid */
	rc = load_people(st, unit, &k->after, err);
	if (rc != TL_OK) {
		unit->kids[unit->nkids++] = k; /* try again later */
		return rc;
	}
	free(k->after.key);
	free(k);
	return TL_OK;
}

/* ---- the lines shown ------------------------------------------------- */

static bool vis_add(struct org_view *ov, struct org_node *n)
{
	if (ov->nvis == ov->capvis) {
		int cap = ov->capvis ? ov->capvis * 2 : 64;
		struct org_node **p = realloc(ov->vis, (size_t)cap * sizeof(*p));
		if (!p)
			return false;
		ov->vis = p;
		ov->capvis = cap;
	}
	ov->vis[ov->nvis++] = n;
	return true;
}

static bool flatten_kids(struct org_view *ov, struct org_node *n)
{
	for (int i = 0; i < n->nkids; i++) {
		struct org_node *k = n->kids[i];
		if (!vis_add(ov, k))
			return false;
		if (k->expanded && !flatten_kids(ov, k))
			return false;
	}
	return true;
}

/* Lays out the visible lines again, keeping the cursor on `keep`. */
static void flatten(struct org_view *ov, const struct org_node *keep)
{
	ov->nvis = 0;
	flatten_kids(ov, &ov->root);
	for (int i = 0; keep && i < ov->nvis; i++)
		if (ov->vis[i] == keep) {
			ov->cursor = i;
			return;
		}
	if (ov->cursor >= ov->nvis)
		ov->cursor = ov->nvis - 1;
	if (ov->cursor < 0 && ov->nvis > 0)
		ov->cursor = 0;
}

static bool is_last(const struct org_node *n)
{
	return n->parent && n->parent->kids[n->parent->nkids - 1] == n;
}

/* ---- expanding ------------------------------------------------------ */

static bool expand(struct view *v, struct org_node *n)
{
	struct tl_error err;

	if (n->type != ORG_UNIT)
		return false;
	if (node_load(ui_store(v->app), n, &err) != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	n->expanded = true;
	return true;
}

/* Expands the roots and the units right below them. */
static void expand_top(struct view *v)
{
	struct org_view *ov = v->data;

	for (int i = 0; i < ov->root.nkids; i++) {
		struct org_node *r = ov->root.kids[i];
		if (!expand(v, r))
			return;
		for (int j = 0; j < r->nkids; j++)
			if (r->kids[j]->type == ORG_UNIT &&
			    !expand(v, r->kids[j]))
				return;
	}
}

/*
 * The expanded units under n, to expand again after a reload, each with
 * the number of its people that had been read (more than a page when the
 * user asked for more).
 */
struct opened {
	char id[TL_ID_LEN + 1];
	int people;
};

struct idset {
	struct opened *units;
	int n, cap;
};

static int people_read(const struct org_node *n)
{
	int count = 0;

	for (int i = 0; i < n->nkids; i++)
		count += n->kids[i]->type == ORG_PERSON;
	return count;
}

static void collect_expanded(const struct org_node *n, struct idset *s)
{
	for (int i = 0; i < n->nkids; i++) {
		const struct org_node *k = n->kids[i];
		if (!k->expanded)
			continue;
		if (s->n == s->cap) {
			int cap = s->cap ? s->cap * 2 : 16;
			void *p = realloc(s->units,
					  (size_t)cap * sizeof(*s->units));
			if (!p)
				return;
			s->units = p;
			s->cap = cap;
		}
		memcpy(s->units[s->n].id, k->id, TL_ID_LEN + 1);
		s->units[s->n++].people = people_read(k);
		collect_expanded(k, s);
	}
}

static const struct opened *in_set(const struct idset *s, const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->units[i].id, id))
			return &s->units[i];
	return NULL;
}

static void reexpand(struct view *v, struct org_node *n,
		     const struct idset *s)
{
	struct tl_error err;

	for (int i = 0; i < n->nkids; i++) {
		struct org_node *k = n->kids[i];
		const struct opened *o;

		if (k->type != ORG_UNIT || !(o = in_set(s, k->id)) ||
		    !expand(v, k))
			continue;
		/* As many people as before: the "more" node is last. */
		while (k->nkids > 0 && k->kids[k->nkids - 1]->type == ORG_MORE
		       && people_read(k) < o->people)
			if (load_more(ui_store(v->app), k->kids[k->nkids - 1],
				      &err) != TL_OK) {
				ui_error(v->app, &err);
				break;
			}
		reexpand(v, k, s);
	}
}

/* The node shown with this type and id, or NULL. */
static struct org_node *find_shown(struct org_view *ov, enum org_type type,
				   const char *id)
{
	for (int i = 0; i < ov->nvis; i++)
		if (ov->vis[i]->type == type && !strcmp(ov->vis[i]->id, id))
			return ov->vis[i];
	return NULL;
}

/* ---- open, reload, close -------------------------------------------- */

static bool org_load(struct view *v)
{
	struct org_view *ov = v->data;
	struct tl_error err;

	node_clear(&ov->root);
	if (node_load(ui_store(v->app), &ov->root, &err) != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	return true;
}

static bool org_open(struct view *v, const void *arg)
{
	struct org_view *ov = calloc(1, sizeof(*ov));

	(void)arg;
	if (!ov)
		return false;
	v->data = ov;
	ov->root.type = ORG_UNIT;
	ov->root.expanded = true;
	if (!org_load(v))
		return false;
	expand_top(v);
	flatten(ov, NULL);
	return true;
}

static void org_reload(struct view *v)
{
	struct org_view *ov = v->data;
	struct idset s = {0};
	enum org_type type = ORG_UNIT;
	char id[TL_ID_LEN + 1] = "";

	if (ov->cursor >= 0 && ov->cursor < ov->nvis) {
		type = ov->vis[ov->cursor]->type;
		memcpy(id, ov->vis[ov->cursor]->id, sizeof(id));
	}
	collect_expanded(&ov->root, &s);
	if (org_load(v))
		reexpand(v, &ov->root, &s);
	free(s.units);
	flatten(ov, NULL);
	if (id[0]) {
		struct org_node *n = find_shown(ov, type, id);
		if (n)
			flatten(ov, n);
	}
}

static void org_close(struct view *v)
{
	struct org_view *ov = v->data;

	if (!ov)
		return;
	node_clear(&ov->root);
	free(ov->vis);
	free(ov);
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

static void org_draw(struct view *v, WINDOW *w, int rows, int cols)
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

/* ---- keys ----------------------------------------------------------- */

static void move_to(struct org_view *ov, int i)
{
	if (i >= ov->nvis)
		i = ov->nvis - 1;
	if (i < 0)
		i = 0;
	ov->cursor = ov->nvis ? i : -1;
}

static void toggle(struct view *v, struct org_node *n)
{
	struct org_view *ov = v->data;

	if (n->expanded)
		n->expanded = false;
	else
		expand(v, n);
	flatten(ov, n);
}

static enum ui_result org_handle(struct view *v, enum ui_action a, int key)
{
	struct org_view *ov = v->data;
	struct org_node *n = ov->cursor >= 0 && ov->cursor < ov->nvis
		? ov->vis[ov->cursor] : NULL;
	int page = ov->visible > 1 ? ov->visible - 1 : 1;
	struct tl_error err;

	(void)key;
	switch (a) {
	case UI_A_UP:
		move_to(ov, ov->cursor - 1);
		return UI_DONE;
	case UI_A_DOWN:
		move_to(ov, ov->cursor + 1);
		return UI_DONE;
	case UI_A_PAGE_UP:
		move_to(ov, ov->cursor - page);
		return UI_DONE;
	case UI_A_PAGE_DOWN:
		move_to(ov, ov->cursor + page);
		return UI_DONE;
	case UI_A_TOP:
		move_to(ov, 0);
		return UI_DONE;
	case UI_A_BOTTOM:
		move_to(ov, ov->nvis - 1);
		return UI_DONE;
	case UI_A_OPEN:
		if (!n)
			return UI_DONE;
		if (n->type == ORG_UNIT) {
			toggle(v, n);
		} else if (n->type == ORG_PERSON) {
			ui_open_record(v->app, TL_K_PERSON, n->id);
		} else {
			if (load_more(ui_store(v->app), n, &err) != TL_OK)
				ui_error(v->app, &err);
			flatten(ov, NULL);
		}
		return UI_DONE;
	case UI_A_RIGHT:
		/* Into a unit: expand it, or step to its first line. */
		if (n && n->type == ORG_UNIT) {
			if (!n->expanded)
				toggle(v, n);
			else if (n->nkids > 0)
				move_to(ov, ov->cursor + 1);
		}
		return UI_DONE;
	case UI_A_LEFT:
		/* Out of a unit: collapse it, or step to the one above. */
		if (!n)
			return UI_DONE;
		if (n->type == ORG_UNIT && n->expanded) {
			toggle(v, n);
		} else if (n->parent && n->parent->parent) {
			flatten(ov, n->parent);
		}
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

const struct view_ops ui_view_org = {
	.name = "organisation",
	.title = N_("Organisation"),
	.open = org_open,
	.draw = org_draw,
	.handle = org_handle,
	.reload = org_reload,
	.close = org_close,
	.actions = org_actions,
};
