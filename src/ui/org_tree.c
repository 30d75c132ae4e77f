/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * org_tree.c - the organisation's tree, read lazily from the store.  The
 * roots (units without a parent) come from paging through the units,
 * which are few; a unit's sub-units and people are read when it is first
 * expanded, the people a page at a time, since a unit may have
 * thousands.  Sub-units are ordered by the chain of governance, then by
 * name.
 */
#include "org.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

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
void ui_org_node_clear(struct org_node *n)
{
	for (int i = 0; i < n->nkids; i++) {
		struct org_node *k = n->kids[i];
		ui_org_node_clear(k);
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
	c = tl_collate_cmp(x->name, y->name);
	if (c)
		return c;
	return strcmp(x->id, y->id);
}

/* Reads a unit's sub-units and first page of people, once. */
enum tl_status ui_org_node_load(struct tl_store *st, struct org_node *n,
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
		ui_org_node_clear(n);
		return rc;
	}
	n->loaded = true;
	return TL_OK;
}

/* Replaces the "more" node k (the last kid of its unit) by the next page. */
enum tl_status ui_org_load_more(struct tl_store *st, struct org_node *k,
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
