/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * org.h - what the files of the organisation view share (private to
 * src/ui): view_org.c is the view (the lines shown, expanding, keys);
 * org_tree.c reads the tree of units and people from the store, lazily;
 * org_draw.c draws its lines, with each unit's balance trend and each
 * person's follow-ups and mandates.
 */
#ifndef TILLIT_UI_ORG_H
#define TILLIT_UI_ORG_H

#include <stdbool.h>

#include <curses.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "tillit/ui/view.h"

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

/* ---- the tree (org_tree.c) ------------------------------------------- */

/* Frees the node's children (and what they hold), leaving it unloaded. */
void ui_org_node_clear(struct org_node *n);

/* Reads a unit's sub-units and first page of people, once (for the
 * hidden root, the roots). */
enum tl_status ui_org_node_load(struct tl_store *st, struct org_node *n,
				struct tl_error *err);

/* Replaces the "more" node k (the last kid of its unit) by the next page
 * of people; on failure k stays. */
enum tl_status ui_org_load_more(struct tl_store *st, struct org_node *k,
				struct tl_error *err);

/* ---- drawing (org_draw.c) -------------------------------------------- */

/* The view's draw (view_ops): the header and the lines in view, reading
 * the figures of the lines drawn when they are not read yet. */
void ui_org_draw(struct view *v, WINDOW *w, int rows, int cols);

#endif
