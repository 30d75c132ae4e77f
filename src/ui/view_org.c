/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_org.c - the organisation: the chain of governance as a tree, from
 * the council through the board and committees, the administrations and
 * their units down to teams and the people in them.
 *
 * The tree is read lazily (org_tree.c): a unit's sub-units and people are
 * read when it is first expanded.  This file keeps the lines shown, in
 * the order of the expanded tree, expands and collapses units, keeps
 * what was expanded when the data changes, and handles the keys.  The
 * lines are drawn by org_draw.c.
 */
#include "tillit/ui/view.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "org.h"

static const enum ui_action org_actions[] = {
	UI_A_OPEN, UI_A_RIGHT, UI_A_LEFT, UI_A_SEARCH, UI_A_NONE,
};

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
/* ---- expanding ------------------------------------------------------ */

static bool expand(struct view *v, struct org_node *n)
{
	struct tl_error err;

	if (n->type != ORG_UNIT)
		return false;
	if (ui_org_node_load(ui_store(v->app), n, &err) != TL_OK) {
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
			if (ui_org_load_more(ui_store(v->app),
					     k->kids[k->nkids - 1],
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

	ui_org_node_clear(&ov->root);
	if (ui_org_node_load(ui_store(v->app), &ov->root, &err) != TL_OK) {
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
	ui_org_node_clear(&ov->root);
	free(ov->vis);
	free(ov);
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
			if (ui_org_load_more(ui_store(v->app), n, &err)
			    != TL_OK)
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
	.draw = ui_org_draw,
	.handle = org_handle,
	.reload = org_reload,
	.close = org_close,
	.actions = org_actions,
};
