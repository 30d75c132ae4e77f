/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * goals.c - goal management as people read it (goals.h).
 */
#include "tillit/read/goals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/config.h"
#include "tillit/core/i18n.h"
#include "tillit/core/rules.h"
#include "tillit/read/present.h"

bool tl_goal_grey_zone(struct tl_store *st, const struct tl_record *g)
{
	const char *item = tl_record_get(g, TL_GOAL_ITEM);
	struct tl_record *it = NULL, *m = NULL;
	struct tl_error err;
	bool grey = false;

	if (!item || tl_store_get(st, TL_K_ITEM, item, &it, &err) != TL_OK)
		return false;
	if (tl_store_get(st, TL_K_MEETING, tl_record_str(it, TL_ITEM_MEETING),
			 &m, &err) == TL_OK)
		grey = tl_rules_grey_zone(tl_record_get(m, TL_MEETING_KIND),
					  tl_record_get(it, TL_ITEM_QUESTION),
					  tl_record_get(it,
							TL_ITEM_DECIDED_BY));
	tl_record_free(m);
	tl_record_free(it);
	return grey;
}

enum tl_status tl_goal_count_of_unit(struct tl_store *st, const char *unit,
				     long *goals, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_GOAL, .unit = unit, .open = true};

	return tl_store_count(st, &q, goals, err);
}

void tl_goal_limits(long *goals, long *indicators)
{
	const struct tl_config *cfg = tl_config();

	*goals = cfg && cfg->max_goals ? cfg->max_goals : TL_GOALS_MAX_DEFAULT;
	*indicators = cfg && cfg->max_indicators ? cfg->max_indicators
						 : TL_INDICATORS_MAX_DEFAULT;
}

void tl_goal_warnings(struct tl_store *st, const struct tl_record *r,
		      char *buf, size_t size)
{
	struct tl_refs refs;
	struct tl_error err;
	long max_goals, max_ind, n = 0;
	size_t len = 0;
	int w;

	if (!size)
		return;
	buf[0] = '\0';
	tl_goal_limits(&max_goals, &max_ind);
	tl_refs_init(&refs, st);
	if (r->e->kind == TL_K_GOAL) {
		const char *unit = tl_record_get(r, TL_GOAL_UNIT);

		if (tl_goal_grey_zone(st, r)) {
			w = snprintf(buf + len, size - len, "%s\n",
				     _("The goal was decided at a how "
				       "question that politics decided (grey "
				       "zone); a goal is a what question."));
			len += w > 0 && (size_t)w < size - len ? (size_t)w : 0;
		}
		if (unit && tl_goal_count_of_unit(st, unit, &n, &err) ==
		    TL_OK && n > max_goals) {
			w = snprintf(buf + len, size - len, ngettext(
				     "%s has %ld active goal, more than %ld: "
				     "trust-based governance keeps few "
				     "(set max_goals in the configuration).\n",
				     "%s has %ld active goals, more than %ld: "
				     "trust-based governance keeps few "
				     "(set max_goals in the configuration).\n",
				     n), tl_refs_title(&refs, TL_K_UNIT, unit),
				     n, max_goals);
			len += w > 0 && (size_t)w < size - len ? (size_t)w : 0;
		}
	} else if (r->e->kind == TL_K_INDICATOR) {
		const char *goal = tl_record_get(r, TL_INDICATOR_GOAL);
		struct tl_query q = {.kind = TL_K_INDICATOR, .parent = goal,
				     .open = true};

		if (goal && tl_store_count(st, &q, &n, &err) == TL_OK &&
		    n > max_ind) {
			w = snprintf(buf + len, size - len, ngettext(
				     "The goal \"%s\" has %ld active "
				     "indicator, more than %ld: follow-up "
				     "asks for little detail (set "
				     "max_indicators in the configuration).\n",
				     "The goal \"%s\" has %ld active "
				     "indicators, more than %ld: follow-up "
				     "asks for little detail (set "
				     "max_indicators in the configuration).\n",
				     n), tl_refs_title(&refs, TL_K_GOAL, goal),
				     n, max_ind);
			len += w > 0 && (size_t)w < size - len ? (size_t)w : 0;
		}
	}
	tl_refs_done(&refs);
}

/* The index of id among ids[0..n-1], or -1 (n is at most
 * TL_QUERY_PARENTS: looked through). */
static int index_of(const char *const *ids, int n, const char *id)
{
	for (int i = 0; id && i < n; i++)
		if (!strcmp(ids[i], id))
			return i;
	return -1;
}

/* A point from field vf (and period field pf) of r. */
static bool point_of(const struct tl_record *r, int pf, int vf,
		     struct tl_goal_point *p)
{
	const char *v = tl_record_get(r, vf);

	if (!v)
		return false;
	snprintf(p->period, sizeof(p->period), "%s", tl_record_str(r, pf));
	snprintf(p->text, sizeof(p->text), "%s", v);
	p->value = strtod(v, NULL);
	return true;
}

enum tl_status tl_goal_indicator_load(struct tl_store *st, const char *id,
				      struct tl_goal_indicator *out,
				      struct tl_error *err)
{
	struct tl_record *rec = NULL;
	enum tl_status rc = tl_store_get(st, TL_K_INDICATOR, id, &rec, err);

	memset(out, 0, sizeof(*out));
	if (rc == TL_OK) {
		const char *ids[1] = {rec->id};

		rc = tl_goal_indicators_load(st, ids, 1, TL_CHART_POINTS, out,
					     err);
	}
	out->rec = rec;
	if (rc != TL_OK)
		tl_goal_indicator_done(out);
	return rc;
}

struct latest_ctx {
	const char *const *ids;
	int n, want, missing; /* want figures each; missing: those short */
	struct tl_goal_indicator *out;
};

/* Newest first: an indicator's first figures are its latest; done when
 * each has as many as wanted. */
static bool take_figure(void *ctx, const struct tl_record *r)
{
	struct latest_ctx *c = ctx;
	int i = index_of(c->ids, c->n, tl_record_get(r, TL_MEAS_INDICATOR));
	struct tl_goal_indicator *gi = i >= 0 ? &c->out[i] : NULL;

	if (gi && gi->nfigures < c->want &&
	    point_of(r, TL_MEAS_PERIOD, TL_MEAS_VALUE,
		     &gi->figures[gi->nfigures]) &&
	    ++gi->nfigures == c->want)
		c->missing--;
	return c->missing > 0;
}

static bool take_target(void *ctx, const struct tl_record *r)
{
	struct latest_ctx *c = ctx;
	int i = index_of(c->ids, c->n, tl_record_get(r, TL_TARGET_INDICATOR));

	if (i >= 0 && c->out[i].ntargets < TL_CHART_POINTS &&
	    point_of(r, TL_TARGET_PERIOD, TL_TARGET_VALUE,
		     &c->out[i].targets[c->out[i].ntargets]))
		c->out[i].ntargets++;
	return true;
}

/* Points read newest first, made oldest first. */
static void oldest_first(struct tl_goal_point *p, int n)
{
	for (int a = 0, b = n - 1; a < b; a++, b--) {
		struct tl_goal_point t = p[a];

		p[a] = p[b];
		p[b] = t;
	}
}

enum tl_status tl_goal_indicators_load(struct tl_store *st,
				       const char *const *ids, int n,
				       int figures,
				       struct tl_goal_indicator *out,
				       struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEASUREMENT, .parents = ids,
			     .nparents = n, .reverse = true};
	struct latest_ctx c = {.ids = ids, .n = n, .missing = n,
			       .out = out};
	enum tl_status rc;

	memset(out, 0, sizeof(*out) * (size_t)(n > 0 ? n : 0));
	if (n <= 0)
		return TL_OK;
	c.want = figures < 1 ? 1 : figures > TL_CHART_POINTS
		 ? TL_CHART_POINTS : figures;
	rc = tl_store_each(st, &q, take_figure, &c, err);
	q.kind = TL_K_TARGET;
	if (rc == TL_OK)
		rc = tl_store_each(st, &q, take_target, &c, err);
	for (int i = 0; rc == TL_OK && i < n; i++) {
		oldest_first(out[i].figures, out[i].nfigures);
		oldest_first(out[i].targets, out[i].ntargets);
	}
	return rc;
}

void tl_goal_indicator_done(struct tl_goal_indicator *gi)
{
	tl_record_free(gi->rec);
	memset(gi, 0, sizeof(*gi));
}

const struct tl_goal_point *tl_goal_indicator_target(
	const struct tl_goal_indicator *gi)
{
	if (gi->nfigures > 0)
		for (int i = 0; i < gi->ntargets; i++)
			if (!strcmp(gi->targets[i].period,
				    gi->figures[gi->nfigures - 1].period))
				return &gi->targets[i];
	return gi->ntargets ? &gi->targets[gi->ntargets - 1] : NULL;
}

/* Eighths of a cell, U+258F (one) to U+2589 (seven); U+2588 is whole. */
static const char *const eighths[] = {
	"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A",
	"\u2589",
};

/* One chart line: label, figure, then `cells` cells of bar with
 * `len8` eighths filled and the mark at cell `mark` (-1: none). */
static void bar_line(char *out, const char *label, const char *figure,
		     int cells, long len8, int mark, bool utf8, bool dotted,
		     const char *suffix)
{
	size_t o;

	o = (size_t)snprintf(out, TL_CHART_LINE, "%-9s %9s ", label, figure);
	for (int c = 0; c < cells && o + 8 < TL_CHART_LINE; c++) {
		long here = len8 - 8L * c;
		const char *s;

		if (c == mark)
			s = utf8 ? "\u2502" : "|";
		else if (dotted)
			s = c < mark ? (utf8 ? "\u00B7" : ".") : " ";
		else if (here >= 8)
			s = utf8 ? "\u2588" : "#";
		else if (here > 0)
			s = utf8 ? eighths[here] : (here >= 4 ? "#" : " ");
		else
			s = " ";
		o += (size_t)snprintf(out + o, TL_CHART_LINE - o, "%s", s);
	}
	/* No blanks at the end. */
	while (o > 0 && out[o - 1] == ' ')
		out[--o] = '\0';
	if (suffix)
		snprintf(out + o, TL_CHART_LINE - o, " %s", suffix);
}

void tl_goal_chart_scale(const struct tl_goal_indicator *gi, double *lo_out,
			 double *hi_out)
{
	const struct tl_goal_point *t = tl_goal_indicator_target(gi);
	double lo, hi;

	*lo_out = 0;
	*hi_out = 1;
	if (gi->nfigures == 0 && !t)
		return;
	lo = hi = gi->nfigures ? gi->figures[0].value : t->value;
	for (int i = 0; i < gi->nfigures; i++) {
		if (gi->figures[i].value < lo)
			lo = gi->figures[i].value;
		if (gi->figures[i].value > hi)
			hi = gi->figures[i].value;
	}
	if (t && t->value < lo)
		lo = t->value;
	if (t && t->value > hi)
		hi = t->value;
	/* From zero when the figures are far from each other; else from
	 * as far below the smallest as they spread, so that the smallest
	 * bar is half as long as the largest and a change shows. */
	if (lo >= 0 && lo < hi / 2)
		lo = 0;
	else
		lo -= hi > lo ? hi - lo : (hi != 0 ? hi / 2 : 1);
	*lo_out = lo;
	*hi_out = hi > lo ? hi : lo + 1;
}

int tl_goal_chart(const struct tl_goal_indicator *gi, int width, bool utf8,
		  char out[][TL_CHART_LINE], int max)
{
	const struct tl_goal_point *t = tl_goal_indicator_target(gi);
	double lo, hi;
	int cells = (width < 24 ? 24 : width) - 20, n = 0, mark = -1;
	char num[64];

	if (gi->nfigures == 0 && !t)
		return 0;
	tl_goal_chart_scale(gi, &lo, &hi);
	if (t)
		mark = (int)((t->value - lo) / (hi - lo) * (cells - 1) + 0.5);
	for (int i = 0; i < gi->nfigures && n < max; i++) {
		long len8 = (long)((gi->figures[i].value - lo) / (hi - lo) *
				   (cells - 1) * 8 + 0.5);
		tl_present_number(gi->figures[i].text, num, sizeof(num));
		bar_line(out[n++], gi->figures[i].period, num, cells, len8,
			 mark, utf8, false, NULL);
	}
	if (t && n < max) {
		tl_present_number(t->text, num, sizeof(num));
		bar_line(out[n++], t->period, num, cells, 0, mark, utf8, true,
			 _("target"));
	}
	return n;
}

/* Which of the goals ids[0..n-1] have an analysis that closes the
 * year: that year's, or its last tertial's or half-year's. */
struct closes_ctx {
	const char *const *ids;
	int n;
	bool *yes;
	char year[5], t3[8], h2[8];
};

static bool take_closing(void *ctx, const struct tl_record *r)
{
	struct closes_ctx *c = ctx;
	int i = index_of(c->ids, c->n, tl_record_get(r, TL_ANALYSIS_GOAL));
	const char *p = tl_record_str(r, TL_ANALYSIS_PERIOD);

	if (i >= 0 && (!strcmp(p, c->year) || !strcmp(p, c->t3) ||
		       !strcmp(p, c->h2)))
		c->yes[i] = true;
	return true;
}

enum tl_status tl_goals_unanalysed(struct tl_store *st, const char *unit,
				   const char *today, int max,
				   struct tl_record ***out, int *n,
				   char year[5], struct tl_error *err)
{
	struct tl_record **v = NULL;
	struct tl_page page = {0};
	enum tl_status rc = TL_OK;
	bool *yes = NULL;

	*out = NULL;
	*n = 0;
	{
		/* The year before today's, as four digits. */
		int y = atoi(today) - 1;

		if (y < 1000 || y > 9999)
			y = 1999;
		year[0] = (char)('0' + y / 1000);
		year[1] = (char)('0' + y / 100 % 10);
		year[2] = (char)('0' + y / 10 % 10);
		year[3] = (char)('0' + y % 10);
		year[4] = '\0';
	}
	if (unit) {
		struct tl_query q = {.kind = TL_K_GOAL, .unit = unit,
				     .open = true, .limit = 200};

		rc = tl_store_list(st, &q, &page, err);
	}
	if (rc == TL_OK && page.n > 0 &&
	    (!(v = calloc((size_t)page.n, sizeof(*v))) ||
	     !(yes = calloc((size_t)page.n, sizeof(*yes)))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* Their analyses, for up to TL_QUERY_PARENTS goals a query. */
	for (int i0 = 0; rc == TL_OK && i0 < page.n; i0 += TL_QUERY_PARENTS) {
		const char *ids[TL_QUERY_PARENTS];
		struct closes_ctx c = {.ids = ids, .yes = yes + i0};
		struct tl_query q = {.kind = TL_K_ANALYSIS, .parents = ids};

		c.n = q.nparents = page.n - i0 < TL_QUERY_PARENTS
				   ? page.n - i0 : TL_QUERY_PARENTS;
		for (int j = 0; j < c.n; j++)
			ids[j] = page.recs[i0 + j]->id;
		snprintf(c.year, sizeof(c.year), "%s", year);
		snprintf(c.t3, sizeof(c.t3), "%sT3", year);
		snprintf(c.h2, sizeof(c.h2), "%sH2", year);
		rc = tl_store_each(st, &q, take_closing, &c, err);
	}
	for (int i = 0; rc == TL_OK && i < page.n && *n < max; i++)
		if (!yes[i]) {
			/* The page gives its record up. */
			v[(*n)++] = page.recs[i];
			page.recs[i] = NULL;
		}
	free(yes);
	tl_page_done(&page);
	if (rc != TL_OK)
		for (int i = 0; i < *n; i++)
			tl_record_free(v[i]);
	/* None owed: no array either, so that the caller has none to free
	 * (the array was made for every goal, before any was asked). */
	if (rc != TL_OK || *n == 0) {
		free(v);
		v = NULL;
		*n = 0;
	}
	*out = v;
	return rc;
}

void tl_goal_tree_done(struct tl_goal_tree *t)
{
	for (int i = 0; i < t->n; i++)
		tl_record_free(t->g[i].rec);
	free(t->g);
	free(t->order);
	memset(t, 0, sizeof(*t));
}

int tl_goal_tree_find(const struct tl_goal_tree *t, const char *id)
{
	int lo = 0, hi = t->n - 1;

	/* By halving: the goals are read in id order. */
	while (id && lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		int c = strcmp(t->g[mid].rec->id, id);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* qsort has no argument for the tree it sorts the indexes of. */
static const struct tl_goal_tree *sorting;

static int sibling_order(const void *a, const void *b)
{
	const struct tl_record *x = sorting->g[*(const int *)a].rec;
	const struct tl_record *y = sorting->g[*(const int *)b].rec;
	int c = strcmp(tl_record_str(x, TL_GOAL_UNIT),
		       tl_record_str(y, TL_GOAL_UNIT));

	if (!c)
		c = strcmp(tl_record_str(x, TL_GOAL_PERIOD),
			   tl_record_str(y, TL_GOAL_PERIOD));
	if (!c)
		c = tl_collate_cmp(tl_record_str(x, TL_GOAL_TITLE),
				   tl_record_str(y, TL_GOAL_TITLE));
	return c ? c : strcmp(x->id, y->id);
}

enum tl_status tl_goal_tree_load(struct tl_store *st, struct tl_goal_tree *t,
				 struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_GOAL, .open = true, .by_id = true};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	enum tl_status rc;
	int cap = 0;

	tl_goal_tree_done(t);
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = tl_store_iter_next(it, &r, err)) == TL_OK &&
	       r) {
		if (t->n == TL_GOAL_TREE_MAX) {
			t->cut = true;
			break;
		}
		if (t->n == cap) {
			int nc = cap ? 2 * cap : 64;
			struct tl_goal_node *g = realloc(t->g, (size_t)nc *
							 sizeof(*g));
			if (!g) {
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
				break;
			}
			t->g = g;
			cap = nc;
		}
		if (!(t->g[t->n].rec = tl_record_dup(r))) {
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		t->n++;
	}
	tl_store_iter_free(it);
	if (rc == TL_OK &&
	    !(t->order = malloc((size_t)(t->n ? t->n : 1) * sizeof(int))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc != TL_OK) {
		tl_goal_tree_done(t);
		return rc;
	}
	for (int i = 0; i < t->n; i++) {
		t->order[i] = i;
		t->g[i].first = t->g[i].next = -1;
	}
	sorting = t;
	qsort(t->order, (size_t)t->n, sizeof(int), sibling_order);
	/* The order has each unit's goals side by side: count them. */
	for (int k = 0, run = 0; k < t->n; k++) {
		const char *u = tl_record_str(t->g[t->order[k]].rec,
					      TL_GOAL_UNIT);

		if (k + 1 < t->n && !strcmp(u, tl_record_str(
			    t->g[t->order[k + 1]].rec, TL_GOAL_UNIT)))
			continue;
		for (int j = run; j <= k; j++)
			t->g[t->order[j]].unit_goals = k - run + 1;
		run = k + 1;
	}
	/* Each goal at the front of its parent's children, the last in
	 * order first, so that they end in order. */
	for (int k = t->n - 1; k >= 0; k--) {
		int i = t->order[k];
		int p = tl_goal_tree_find(t, tl_record_get(t->g[i].rec,
							   TL_GOAL_PARENT));

		t->g[i].parent = p == i ? -1 : p;
		if (t->g[i].parent >= 0) {
			t->g[i].next = t->g[p].first;
			t->g[p].first = i;
		}
	}
	return TL_OK;
}

/* The goals a batch of indicators is sorted by (qsort has no argument). */
static const char *const *sorting_goals;
static int sorting_ngoals;

static int by_goal_then_name(const void *a, const void *b)
{
	const struct tl_record *x = *(const struct tl_record *const *)a;
	const struct tl_record *y = *(const struct tl_record *const *)b;
	int gx = index_of(sorting_goals, sorting_ngoals,
			  tl_record_get(x, TL_INDICATOR_GOAL));
	int gy = index_of(sorting_goals, sorting_ngoals,
			  tl_record_get(y, TL_INDICATOR_GOAL));
	int c = gx < gy ? -1 : gx > gy;

	if (!c)
		c = tl_collate_cmp(tl_record_str(x, TL_INDICATOR_NAME),
				   tl_record_str(y, TL_INDICATOR_NAME));
	return c ? c : strcmp(x->id, y->id);
}

struct goals_ctx {
	const char *const *goals;
	int n;
	struct tl_record **latest;
	struct tl_page *inds;
	int cap;
	bool nomem;
};

/* In the list's order, newest first: a goal's first is its latest. */
static bool take_analysis(void *ctx, const struct tl_record *r)
{
	struct goals_ctx *c = ctx;
	int i = index_of(c->goals, c->n, tl_record_get(r, TL_ANALYSIS_GOAL));

	if (i >= 0 && !c->latest[i] && !(c->latest[i] = tl_record_dup(r)))
		c->nomem = true;
	return !c->nomem;
}

static bool take_indicator(void *ctx, const struct tl_record *r)
{
	struct goals_ctx *c = ctx;
	struct tl_page *p = c->inds;

	if (p->n == c->cap) {
		int nc = c->cap ? 2 * c->cap : 32;
		struct tl_record **v = realloc(p->recs, (size_t)nc *
					       sizeof(*v));
		if (!v) {
			c->nomem = true;
			return false;
		}
		p->recs = v;
		c->cap = nc;
	}
	if (!(p->recs[p->n] = tl_record_dup(r)))
		c->nomem = true;
	else
		p->n++;
	return !c->nomem;
}

enum tl_status tl_goals_latest(struct tl_store *st, const char *const *goals,
			       int n, struct tl_record **latest,
			       struct tl_page *inds, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_ANALYSIS, .parents = goals,
			     .nparents = n};
	struct goals_ctx c = {.goals = goals, .n = n, .latest = latest,
			      .inds = inds};
	enum tl_status rc = TL_OK;

	memset(inds, 0, sizeof(*inds));
	for (int i = 0; i < n; i++)
		latest[i] = NULL;
	if (n <= 0)
		return TL_OK;
	rc = tl_store_each(st, &q, take_analysis, &c, err);
	q.kind = TL_K_INDICATOR;
	q.open = true;
	if (rc == TL_OK && !c.nomem)
		rc = tl_store_each(st, &q, take_indicator, &c, err);
	if (rc == TL_OK && c.nomem)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc != TL_OK) {
		for (int i = 0; i < n; i++) {
			tl_record_free(latest[i]);
			latest[i] = NULL;
		}
		tl_page_done(inds);
		return rc;
	}
	sorting_goals = goals;
	sorting_ngoals = n;
	if (inds->n > 1)
		qsort(inds->recs, (size_t)inds->n, sizeof(inds->recs[0]),
		      by_goal_then_name);
	return TL_OK;
}

static int by_name(const void *a, const void *b)
{
	const struct tl_record *x = *(const struct tl_record *const *)a;
	const struct tl_record *y = *(const struct tl_record *const *)b;
	int c = tl_collate_cmp(tl_record_str(x, TL_INDICATOR_NAME),
			       tl_record_str(y, TL_INDICATOR_NAME));

	return c ? c : strcmp(x->id, y->id);
}

enum tl_status tl_goal_indicators(struct tl_store *st, const char *goal,
				  struct tl_page *page, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_INDICATOR, .parent = goal,
			     .open = true, .limit = 100};
	enum tl_status rc;

	memset(page, 0, sizeof(*page));
	rc = tl_store_list(st, &q, page, err);
	if (rc == TL_OK && page->n > 1)
		qsort(page->recs, (size_t)page->n, sizeof(page->recs[0]),
		      by_name);
	return rc;
}
