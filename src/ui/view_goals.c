/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_goals.c - "Goals" (key 9): the goal tree along the chain of
 * governance.  Each goal under the goal it breaks down, with its unit
 * and period, its latest assessment and what its analysis says
 * happened, and its indicators with their latest figure and target.
 * Where the tree passes into another unit, a line names the unit with
 * its number of active goals and its latest governance balance, and
 * warns when it has more goals than the configuration's max_goals: so
 * that over-governing shows where it happens.  Enter opens a goal's own
 * screen (its analyses period by period and its indicators' charts).
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/config.h"
#include "tillit/core/i18n.h"
#include "tillit/read/goals.h"
#include "tillit/core/text.h"
#include "tillit/read/present.h"
#include "tillit/ui/lines.h"
#include "tillit/ui/recact.h"

/* The most goals the view reads. */
#define GOALS_MAX 5000

struct goal_node {
	struct tl_record *rec;
	int parent;       /* index, or -1 for a root */
	int first, next;  /* first child and next sibling, or -1 */
};

struct goals_view {
	struct ui_lines ls;
	struct goal_node *g;
	int n;
	int *order; /* the goals by period and title */
	bool cut; /* more than GOALS_MAX */
};

static const enum ui_action goals_actions[] = {
	UI_A_OPEN, UI_A_EDIT, UI_A_CLOSE, UI_A_FIND_NEXT, UI_A_FIND_PREV,
	UI_A_NONE,
};

static void nodes_free(struct goals_view *gv)
{
	for (int i = 0; i < gv->n; i++)
		tl_record_free(gv->g[i].rec);
	free(gv->g);
	gv->g = NULL;
	gv->n = 0;
}

/* The goal with this id, by halving: the goals are read in id order. */
static int find(const struct goals_view *gv, const char *id)
{
	int lo = 0, hi = gv->n - 1;

	while (id && lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		int c = strcmp(gv->g[mid].rec->id, id);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Siblings side by side by unit, then in the order of their period and
 * title. */
static const struct goals_view *sorting;

static int by_period(const void *a, const void *b)
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

/* Every active goal, linked into a tree. */
static enum tl_status load(struct goals_view *gv, struct tl_store *st,
			   struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_GOAL, .open = true, .by_id = true};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	enum tl_status rc = tl_store_iter_new(st, &q, &it, err);
	int cap = 0;

	nodes_free(gv);
	gv->cut = false;
	while (rc == TL_OK && (rc = tl_store_iter_next(it, &r, err)) == TL_OK &&
	       r) {
		if (gv->n == GOALS_MAX) {
			gv->cut = true;
			break;
		}
		if (gv->n == cap) {
			int nc = cap ? 2 * cap : 64;
			struct goal_node *g = realloc(gv->g, (size_t)nc *
						      sizeof(*g));
			if (!g)
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			gv->g = g;
			cap = nc;
		}
		gv->g[gv->n].rec = tl_record_dup(r);
		if (!gv->g[gv->n].rec) {
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		gv->n++;
	}
	tl_store_iter_free(it);
	if (rc != TL_OK)
		return rc;
	free(gv->order);
	gv->order = malloc((size_t)(gv->n ? gv->n : 1) * sizeof(int));
	if (!gv->order)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < gv->n; i++) {
		gv->order[i] = i;
		gv->g[i].first = gv->g[i].next = -1;
	}
	sorting = gv;
	qsort(gv->order, (size_t)gv->n, sizeof(int), by_period);
	/* Each goal at the front of its parent's children, the last in
	 * order first, so that they end in order. */
	for (int k = gv->n - 1; k >= 0; k--) {
		int i = gv->order[k];
		int p = find(gv, tl_record_get(gv->g[i].rec, TL_GOAL_PARENT));

		gv->g[i].parent = p == i ? -1 : p;
		if (gv->g[i].parent >= 0) {
			gv->g[i].next = gv->g[p].first;
			gv->g[p].first = i;
		}
	}
	return TL_OK;
}

/* A unit's line where the tree passes into it. */
static void add_unit(struct view *v, const char *unit, int indent)
{
	struct goals_view *gv = v->data;
	struct tl_store *st = ui_store(v->app);
	struct tl_query q = {.kind = TL_K_BALANCE, .unit = unit, .limit = 1};
	const struct tl_config *cfg = tl_config();
	long goals = 0, max = cfg && cfg->max_goals ? cfg->max_goals
						    : TL_GOALS_MAX_DEFAULT;
	struct tl_page page = {0};
	struct tl_error err;
	char line[600], bal[120] = "";
	struct ui_line *l;

	tl_goal_load_of_unit(st, unit, &goals, NULL, &err);
	if (tl_store_list(st, &q, &page, &err) == TL_OK && page.n > 0)
		snprintf(bal, sizeof(bal), _("  · governance balance %s (%s)"),
			 tl_record_str(page.recs[0], TL_BALANCE_SCORE),
			 tl_record_str(page.recs[0], TL_BALANCE_ASSESSED_ON));
	tl_page_done(&page);
	snprintf(line, sizeof(line), ngettext("%s  · %ld active goal%s",
		 "%s  · %ld active goals%s", goals),
		 tl_refs_title(ui_refs(v->app), TL_K_UNIT, unit), goals, bal);
	l = ui_lines_add(&gv->ls, line, UI_R_SECTION, indent, TL_K_UNIT, unit);
	if (goals > max)
		ui_lines_badge(l, _("TOO MANY GOALS"), UI_R_WARN);
}

/* The badge of an assessment. */
static void assess_badge(struct ui_line *l, const char *assessment)
{
	if (!assessment)
		return;
	if (!strcmp(assessment, "met"))
		ui_lines_badge(l, _("MET"), UI_R_OK);
	else if (!strcmp(assessment, "partly_met"))
		ui_lines_badge(l, _("PARTLY MET"), UI_R_WARN);
	else
		ui_lines_badge(l, _("NOT MET"), UI_R_OVERDUE);
}

/* An indicator's line: its latest figure against its target. */
static void add_indicator(struct view *v, const struct tl_record *ind,
			  int indent)
{
	struct goals_view *gv = v->data;
	struct tl_goal_indicator gi;
	const struct tl_goal_point *t;
	struct tl_error err;
	char line[800], fig[64] = "", tg[64] = "";
	const char *measure;

	if (tl_goal_indicator_load(ui_store(v->app), ind->id, &gi, &err) !=
	    TL_OK)
		return;
	measure = tl_record_str(gi.rec, TL_INDICATOR_MEASURE);
	t = tl_goal_indicator_target(&gi);
	if (gi.nfigures) {
		const struct tl_goal_point *p = &gi.figures[gi.nfigures - 1];
		char num[48];

		tl_present_number(p->text, num, sizeof(num));
		snprintf(fig, sizeof(fig), "%s%s%s (%s)", num, *measure ? " "
			 : "", measure, p->period);
	} else
		snprintf(fig, sizeof(fig), "%s", _("no figure yet"));
	if (t) {
		char num[48];

		tl_present_number(t->text, num, sizeof(num));
		snprintf(tg, sizeof(tg), _("  · target %s (%s)"), num,
			 t->period);
	}
	snprintf(line, sizeof(line), "%s: %s%s",
		 tl_record_str(gi.rec, TL_INDICATOR_NAME), fig, tg);
	ui_lines_add(&gv->ls, line, UI_R_DIM, indent, TL_K_INDICATOR,
		     ind->id);
	tl_goal_indicator_done(&gi);
}

static void add_goal(struct view *v, int i, int depth, const char *above)
{
	struct goals_view *gv = v->data;
	struct tl_store *st = ui_store(v->app);
	const struct tl_record *g = gv->g[i].rec;
	const char *unit = tl_record_get(g, TL_GOAL_UNIT);
	int p = gv->g[i].parent, indent = 1 + 2 * depth;
	struct tl_query q = {.kind = TL_K_ANALYSIS, .parent = g->id,
			     .limit = 1};
	struct tl_page page = {0};
	struct tl_error err;
	struct ui_line *l;
	char line[900];

	/* The unit where the tree passes into it, once for the goals of
	 * one unit side by side. */
	if (p < 0 ? !above || strcmp(unit ? unit : "", above)
		  : strcmp(unit ? unit : "", tl_record_str(gv->g[p].rec,
							   TL_GOAL_UNIT)) &&
		    (!above || strcmp(unit ? unit : "", above)))
		add_unit(v, unit, indent);
	snprintf(line, sizeof(line), "%s  · %s  · %s",
		 tl_record_str(g, TL_GOAL_TITLE),
		 _(tl_record_str(g, TL_GOAL_KIND)),
		 tl_record_str(g, TL_GOAL_PERIOD));
	l = ui_lines_add(&gv->ls, line, UI_R_NORMAL, indent + 1, TL_K_GOAL,
			 g->id);
	/* The latest analysis, newest first by period. */
	if (tl_store_list(st, &q, &page, &err) == TL_OK && page.n > 0) {
		const struct tl_record *a = page.recs[0];
		char *said = tl_text_first_line(tl_record_str(a,
					TL_ANALYSIS_HAPPENED), 400);

		assess_badge(l, tl_record_get(a, TL_ANALYSIS_ASSESSMENT));
		snprintf(line, sizeof(line), "%s: %s",
			 tl_record_str(a, TL_ANALYSIS_PERIOD),
			 said && *said ? said : _(tl_record_str(a,
						 TL_ANALYSIS_ASSESSMENT)));
		ui_lines_add(&gv->ls, line, UI_R_DIM, indent + 3,
			     TL_K_ANALYSIS, a->id);
		free(said);
	} else {
		ui_lines_add(&gv->ls, _("No analysis yet."), UI_R_DIM,
			     indent + 3, TL_K_NONE, NULL);
	}
	tl_page_done(&page);
	q = (struct tl_query){.kind = TL_K_INDICATOR, .parent = g->id,
			      .open = true, .limit = 50};
	if (tl_store_list(st, &q, &page, &err) == TL_OK)
		for (int k = 0; k < page.n; k++)
			add_indicator(v, page.recs[k], indent + 3);
	tl_page_done(&page);
	for (int c = gv->g[i].first, prev = -1; c >= 0;
	     prev = c, c = gv->g[c].next)
		add_goal(v, c, depth + 1, prev < 0 ? NULL
			 : tl_record_get(gv->g[prev].rec, TL_GOAL_UNIT));
}

static void build(struct view *v)
{
	struct goals_view *gv = v->data;
	struct tl_error err;

	ui_lines_clear(&gv->ls);
	if (load(gv, ui_store(v->app), &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	if (gv->n == 0)
		ui_lines_add(&gv->ls, _("No goals yet: a committee sets its "
			     "goals with 'tillit goal add'."), UI_R_DIM, 1,
			     TL_K_NONE, NULL);
	for (int k = 0, prev = -1; k < gv->n; k++)
		if (gv->g[gv->order[k]].parent < 0) {
			add_goal(v, gv->order[k], 0, prev < 0 ? NULL
				 : tl_record_get(gv->g[prev].rec,
						 TL_GOAL_UNIT));
			prev = gv->order[k];
		}
	if (gv->cut)
		ui_lines_add(&gv->ls, "…", UI_R_DIM, 1, TL_K_NONE, NULL);
}

static bool goals_open(struct view *v, const void *arg)
{
	struct goals_view *gv = calloc(1, sizeof(*gv));

	(void)arg;
	if (!gv)
		return false;
	v->data = gv;
	ui_lines_init(&gv->ls);
	build(v);
	ui_lines_select_first(&gv->ls);
	return true;
}

static void goals_close(struct view *v)
{
	struct goals_view *gv = v->data;

	if (!gv)
		return;
	ui_lines_done(&gv->ls);
	nodes_free(gv);
	free(gv->order);
	free(gv);
}

static void goals_reload(struct view *v)
{
	struct goals_view *gv = v->data;
	char keep[TL_ID_LEN + 1] = "";

	/* Stay on the same record; the lines around it may change. */
	if (gv->ls.cursor >= 0 && gv->ls.cursor < gv->ls.n)
		memcpy(keep, gv->ls.lines[gv->ls.cursor].id, sizeof(keep));
	build(v);
	gv->ls.cursor = -1;
	for (int i = 0; keep[0] && i < gv->ls.n; i++)
		if (!strcmp(gv->ls.lines[i].id, keep)) {
			gv->ls.cursor = i;
			break;
		}
	if (gv->ls.cursor < 0)
		ui_lines_select_first(&gv->ls);
}

static void goals_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct goals_view *gv = v->data;

	ui_lines_draw(&gv->ls, w, rows, cols);
}

static enum ui_result goals_handle(struct view *v, enum ui_action a, int key)
{
	struct goals_view *gv = v->data;
	const struct ui_line *l;
	struct tl_record *r = NULL;
	struct tl_error err;
	enum ui_result res;

	if (ui_lines_handle(&gv->ls, v->app, a, key) == UI_DONE)
		return UI_DONE;
	if (a != UI_A_EDIT && a != UI_A_CLOSE)
		return UI_PASS;
	if (gv->ls.cursor < 0 ||
	    gv->ls.lines[gv->ls.cursor].kind == TL_K_NONE) {
		ui_status(v->app, "%s", _("Select a goal first (j and k "
					  "move)."));
		return UI_DONE;
	}
	l = &gv->ls.lines[gv->ls.cursor];
	if (tl_store_get(ui_store(v->app), l->kind, l->id, &r, &err) !=
	    TL_OK) {
		ui_error(v->app, &err);
		return UI_DONE;
	}
	res = ui_record_action(v->app, r->e->kind, r, NULL, a);
	tl_record_free(r);
	return res;
}

const struct view_ops ui_view_goals = {
	.name = "goals",
	.title = N_("Goals"),
	.open = goals_open,
	.draw = goals_draw,
	.handle = goals_handle,
	.reload = goals_reload,
	.close = goals_close,
	.actions = goals_actions,
};
