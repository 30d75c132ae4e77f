/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * goals.h - goal management as people read it (issue 18): whether a goal
 * came from the grey zone, and how many goals and indicators a unit
 * carries, for the warning of over-governing.  One place for the rules
 * the command line, the screens and the reports share.
 */
#ifndef TILLIT_READ_GOALS_H
#define TILLIT_READ_GOALS_H

#include <stdbool.h>

#include "tillit/core/model.h"
#include "tillit/store/store.h"

/*
 * Whether goal g was decided at an item that is grey zone: a "how"
 * question decided by politics in a dialogue or committee meeting
 * (tl_rules_grey_zone).  Goals are "what" questions, so this warns; it
 * never blocks.  False when g has no item or it cannot be read.
 */
bool tl_goal_grey_zone(struct tl_store *st, const struct tl_record *g);

/* Defaults of the over-governing warning (config: set max_goals,
 * set max_indicators). */
#define TL_GOALS_MAX_DEFAULT 5
#define TL_INDICATORS_MAX_DEFAULT 3

/* The limits of the over-governing warning: the configuration's
 * max_goals and max_indicators, else the defaults. */
void tl_goal_limits(long *goals, long *indicators);

/* The number of active goals of unit (a full id) into *goals. */
enum tl_status tl_goal_count_of_unit(struct tl_store *st, const char *unit,
				     long *goals, struct tl_error *err);

/*
 * What a person should hear of goal or indicator r as it is now (any
 * other kind: nothing): that a goal came from the grey zone, that its
 * unit has more active goals than max_goals, that its goal has more
 * active indicators than max_indicators (tl_config(), else the
 * defaults).  Sentences, each ending in a newline, into buf ("" for
 * none); translated.  Warnings, never blocks.
 */
void tl_goal_warnings(struct tl_store *st, const struct tl_record *r,
		      char *buf, size_t size);

/*
 * The active goals of `unit` (a full id; NULL: none) that have no
 * analysis yet of the year before `today` ("YYYY-MM-DD"): the period
 * just ended, whose analysis the unit owes.  An analysis of that year, or
 * of its last tertial or half-year (YYYYT3, YYYYH2), counts.  At most
 * max goals into *out (caller frees each with tl_record_free, then the
 * array; NULL when there are none), their number into *n, and the year
 * into year[5]; none when unit is NULL.
 */
enum tl_status tl_goals_unanalysed(struct tl_store *st, const char *unit,
				   const char *today, int max,
				   struct tl_record ***out, int *n,
				   char year[5], struct tl_error *err);

/*
 * What a screen of the Goals view shows of goals[0..n-1] (full ids, n at
 * most TL_QUERY_PARENTS), in two queries whatever n is: the latest
 * analysis of each into latest[i] (NULL when it has none; the caller
 * frees each with tl_record_free), and their active indicators into
 * *inds (zeroed first; tl_page_done), by the goals' order in `goals`,
 * then in the Swedish order of their names.
 */
enum tl_status tl_goals_latest(struct tl_store *st, const char *const *goals,
			       int n, struct tl_record **latest,
			       struct tl_page *inds, struct tl_error *err);

/*
 * The active indicators of goal (a full id), at most 100, in the Swedish
 * order of their names, into page (zeroed first; tl_page_done).
 */
enum tl_status tl_goal_indicators(struct tl_store *st, const char *goal,
				  struct tl_page *page, struct tl_error *err);

/* The most goals a tree holds. */
#define TL_GOAL_TREE_MAX 5000

/* One goal of a tree. */
struct tl_goal_node {
	struct tl_record *rec;
	int parent;      /* index, or -1 for a root */
	int first, next; /* first child and next sibling, or -1 */
	int unit_goals;  /* the active goals of its unit in the tree */
};

/*
 * The active goals as a tree along their parents: g in id order; order
 * the same indexes with siblings side by side by unit, then by period and
 * title (Swedish order), which is also the order of the roots and of
 * each goal's children (first, next).  A goal whose parent is closed or
 * unknown is a root.  Embedded: tl_goal_tree_done.
 */
struct tl_goal_tree {
	struct tl_goal_node *g;
	int n;
	int *order;
	bool cut; /* there were more than TL_GOAL_TREE_MAX */
};

/* Reads every active goal into t (emptied first): one query, whatever the
 * number of goals. */
enum tl_status tl_goal_tree_load(struct tl_store *st, struct tl_goal_tree *t,
				 struct tl_error *err);
void tl_goal_tree_done(struct tl_goal_tree *t);
/* The goal with id in t, by its index; -1 when it is not there. */
int tl_goal_tree_find(const struct tl_goal_tree *t, const char *id);

/* The most periods an indicator's chart shows: the latest ones. */
#define TL_CHART_POINTS 12
/* The longest line of a chart, in bytes. */
#define TL_CHART_LINE 512

/* A figure of a period: a measurement's total, or a target. */
struct tl_goal_point {
	char period[16];
	double value;
	char text[32]; /* as stored */
};

/* An indicator with its figures and targets, oldest first. */
struct tl_goal_indicator {
	struct tl_record *rec;
	struct tl_goal_point figures[TL_CHART_POINTS];
	int nfigures;
	struct tl_goal_point targets[TL_CHART_POINTS];
	int ntargets;
};

/*
 * Reads indicator `id` into *out (tl_goal_indicator_done releases it):
 * the totals of its latest TL_CHART_POINTS measurements and its latest
 * targets, each oldest first.  A measurement without a total is left
 * out of the chart.
 */
enum tl_status tl_goal_indicator_load(struct tl_store *st, const char *id,
				      struct tl_goal_indicator *out,
				      struct tl_error *err);
void tl_goal_indicator_done(struct tl_goal_indicator *gi);
/* The same of indicators ids[0..n-1] (n at most TL_QUERY_PARENTS) in
 * two queries whatever n is: into out[i], each with its latest `figures`
 * (1 to TL_CHART_POINTS: 1 for a line, TL_CHART_POINTS for a chart) and
 * targets; out[i].rec stays NULL. */
enum tl_status tl_goal_indicators_load(struct tl_store *st,
				       const char *const *ids, int n,
				       int figures,
				       struct tl_goal_indicator *out,
				       struct tl_error *err);

/* The target in force for the latest figure's period, else the latest
 * target; NULL when there is none. */
const struct tl_goal_point *tl_goal_indicator_target(
	const struct tl_goal_indicator *gi);

/*
 * The span a chart of gi shows, lo to hi (hi > lo): from zero when the
 * figures and the target are far apart, else from as far below the
 * smallest as they spread, so that the smallest bar is half the largest
 * and a change shows.  A bar's length is (value - lo) / (hi - lo).
 */
void tl_goal_chart_scale(const struct tl_goal_indicator *gi, double *lo,
			 double *hi);

/*
 * The chart of gi as text lines of at most `width` cells (at least 24):
 * one line a period, "2025  84.9 ████████▋   │", each bar as long as
 * its figure against the largest figure or target, the target of that
 * period (or the one in force) marked │ on it; then a line for the
 * target itself.  Block characters when utf8, else '#' and '|'.  Lines
 * into out (each TL_CHART_LINE bytes), at most max; the number made.
 */
int tl_goal_chart(const struct tl_goal_indicator *gi, int width, bool utf8,
		  char out[][TL_CHART_LINE], int max);

#endif
