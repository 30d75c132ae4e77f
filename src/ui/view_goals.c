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

#include "tillit/core/i18n.h"
#include "tillit/read/goals.h"
#include "tillit/core/text.h"
#include "tillit/read/present.h"
#include "tillit/ui/lines.h"
#include "tillit/ui/recact.h"

struct goals_view {
	struct ui_lines ls;
	struct tl_goal_tree t;
};

static const enum ui_action goals_actions[] = {
	UI_A_OPEN, UI_A_EDIT, UI_A_CLOSE, UI_A_FIND_NEXT, UI_A_FIND_PREV,
	UI_A_NONE,
};

/* A unit's line where the tree passes into it. */
static void add_unit(struct view *v, const char *unit, int indent)
{
	struct goals_view *gv = v->data;
	struct tl_store *st = ui_store(v->app);
	struct tl_query q = {.kind = TL_K_BALANCE, .unit = unit, .limit = 1};
	long goals = 0, max, max_ind;
	struct tl_page page = {0};
	struct tl_error err;
	char line[600], bal[120] = "";
	struct ui_line *l;

	tl_goal_limits(&max, &max_ind);
	tl_goal_count_of_unit(st, unit, &goals, &err);
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

void ui_goal_assessment_badge(struct ui_line *l, const char *assessment)
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
	const struct tl_record *g = gv->t.g[i].rec;
	const char *unit = tl_record_get(g, TL_GOAL_UNIT);
	int p = gv->t.g[i].parent, indent = 1 + 2 * depth;
	struct tl_query q = {.kind = TL_K_ANALYSIS, .parent = g->id,
			     .limit = 1};
	struct tl_page page = {0};
	struct tl_error err;
	struct ui_line *l;
	char line[900];

	/* The unit where the tree passes into it, once for the goals of
	 * one unit side by side. */
	if (p < 0 ? !above || strcmp(unit ? unit : "", above)
		  : strcmp(unit ? unit : "", tl_record_str(gv->t.g[p].rec,
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

		ui_goal_assessment_badge(l, tl_record_get(a,
					 TL_ANALYSIS_ASSESSMENT));
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
	if (tl_goal_indicators(st, g->id, &page, &err) == TL_OK)
		for (int k = 0; k < page.n; k++)
			add_indicator(v, page.recs[k], indent + 3);
	tl_page_done(&page);
	for (int c = gv->t.g[i].first, prev = -1; c >= 0;
	     prev = c, c = gv->t.g[c].next)
		add_goal(v, c, depth + 1, prev < 0 ? NULL
			 : tl_record_get(gv->t.g[prev].rec, TL_GOAL_UNIT));
}

static void build(struct view *v)
{
	struct goals_view *gv = v->data;
	struct tl_error err;

	ui_lines_clear(&gv->ls);
	if (tl_goal_tree_load(ui_store(v->app), &gv->t, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	if (gv->t.n == 0)
		ui_lines_add(&gv->ls, _("No goals yet: a committee sets its "
			     "goals with 'tillit goal add'."), UI_R_DIM, 1,
			     TL_K_NONE, NULL);
	for (int k = 0, prev = -1; k < gv->t.n; k++)
		if (gv->t.g[gv->t.order[k]].parent < 0) {
			add_goal(v, gv->t.order[k], 0, prev < 0 ? NULL
				 : tl_record_get(gv->t.g[prev].rec,
						 TL_GOAL_UNIT));
			prev = gv->t.order[k];
		}
	if (gv->t.cut)
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
	tl_goal_tree_done(&gv->t);
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
