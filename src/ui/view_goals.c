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
 * screen (its analyses period by period and its indicators' charts); X
 * writes the goal report (export/goals.h) of the unit selected, or of
 * every unit.
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

/*
 * The lines are laid out at once from the tree and the units' names (two
 * queries, however many goals there are): a unit's line where the tree
 * passes into it, and a goal's line with a line for its analysis.  They
 * are filled in only when they show: a goal's latest analysis and its
 * indicators (lines put in below it), an indicator's latest figure and
 * target, a unit's governance balance.  So the view opens and pages in
 * about the same time with five goals or five thousand.  What a line is,
 * and whether it is filled in yet, is kept beside it; n and N find in
 * what has been filled in, and in every goal's title.
 */
enum gl_what { GL_OTHER, GL_UNIT, GL_GOAL, GL_ANALYSIS, GL_IND };

struct gl_meta {
	unsigned char what; /* enum gl_what */
	bool filled;
	int ref;            /* the goal's index (unit, goal and analysis
			     * lines) */
	char *name, *measure; /* an indicator's, until it is filled in */
};

struct goals_view {
	struct ui_lines ls;
	struct tl_goal_tree t;
	struct gl_meta *meta; /* one a line */
	int capmeta;
};

static const enum ui_action goals_actions[] = {
	UI_A_OPEN, UI_A_EDIT, UI_A_CLOSE, UI_A_EXPORT, UI_A_FIND_NEXT,
	UI_A_FIND_PREV, UI_A_NONE,
};

static void meta_clear(struct goals_view *gv)
{
	for (int k = 0; k < gv->ls.n; k++) {
		free(gv->meta[k].name);
		free(gv->meta[k].measure);
	}
}

/* Puts a line with what it is before line `at` (gv->ls.n: at the end);
 * NULL when out of memory. */
static struct ui_line *put(struct goals_view *gv, int at, enum gl_what what,
			   int ref, const char *text, enum ui_role role,
			   int indent, enum tl_kind kind, const char *id)
{
	struct ui_line *l;

	if (gv->ls.n >= gv->capmeta) {
		int cap = gv->capmeta ? 2 * gv->capmeta : 256;
		struct gl_meta *m = realloc(gv->meta, (size_t)cap *
					    sizeof(*m));
		if (!m)
			return NULL;
		gv->meta = m;
		gv->capmeta = cap;
	}
	l = ui_lines_insert(&gv->ls, at, text, role, indent, kind, id);
	if (l) {
		memmove(&gv->meta[at + 1], &gv->meta[at], sizeof(*gv->meta) *
			(size_t)(gv->ls.n - 1 - at));
		gv->meta[at] = (struct gl_meta){.what = (unsigned char)what,
						.ref = ref};
	}
	return l;
}

static struct ui_line *add(struct goals_view *gv, enum gl_what what, int ref,
			   const char *text, enum ui_role role, int indent,
			   enum tl_kind kind, const char *id)
{
	return put(gv, gv->ls.n, what, ref, text, role, indent, kind, id);
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

/* A unit's line where the tree passes into it: its name and number of
 * active goals (its balance comes when it shows: fill_unit). */
static void unit_text(struct view *v, int i, const char *bal, char *line,
		      size_t size)
{
	struct goals_view *gv = v->data;
	const char *unit = tl_record_str(gv->t.g[i].rec, TL_GOAL_UNIT);
	long goals = gv->t.g[i].unit_goals;

	snprintf(line, size, ngettext("%s  · %ld active goal%s",
		 "%s  · %ld active goals%s", goals),
		 tl_refs_title(ui_refs(v->app), TL_K_UNIT, unit), goals, bal);
}

static void add_unit(struct view *v, int i, int indent)
{
	struct goals_view *gv = v->data;
	long max, max_ind;
	char line[600];
	struct ui_line *l;

	tl_goal_limits(&max, &max_ind);
	unit_text(v, i, "", line, sizeof(line));
	l = add(gv, GL_UNIT, i, line, UI_R_SECTION, indent, TL_K_UNIT,
		tl_record_str(gv->t.g[i].rec, TL_GOAL_UNIT));
	if (gv->t.g[i].unit_goals > max)
		ui_lines_badge(l, _("TOO MANY GOALS"), UI_R_WARN);
}

static void fill_unit(struct view *v, int k)
{
	struct goals_view *gv = v->data;
	int i = gv->meta[k].ref;
	struct tl_query q = {.kind = TL_K_BALANCE, .unit =
			     tl_record_str(gv->t.g[i].rec, TL_GOAL_UNIT),
			     .limit = 1};
	struct tl_page page = {0};
	struct tl_error err;
	char line[600], bal[120];

	if (tl_store_list(ui_store(v->app), &q, &page, &err) == TL_OK &&
	    page.n > 0) {
		snprintf(bal, sizeof(bal), _("  · governance balance %s (%s)"),
			 tl_record_str(page.recs[0], TL_BALANCE_SCORE),
			 tl_record_str(page.recs[0], TL_BALANCE_ASSESSED_ON));
		unit_text(v, i, bal, line, sizeof(line));
		ui_lines_set_text(&gv->ls.lines[k], line);
	}
	tl_page_done(&page);
}

/* Puts goal line k's indicators (inds->recs[*next], ... while they are
 * its) below its analysis, each with its name until it shows. */
static void put_indicators(struct goals_view *gv, int k,
			   const struct tl_page *inds, int *next)
{
	const struct tl_record *g = gv->t.g[gv->meta[k].ref].rec;
	int indent = gv->ls.lines[k + 1].indent, at = k + 2;

	for (; *next < inds->n; (*next)++) {
		const struct tl_record *r = inds->recs[*next];

		if (strcmp(tl_record_str(r, TL_INDICATOR_GOAL), g->id))
			break;
		if (!put(gv, at, GL_IND, -1, tl_record_str(r,
			 TL_INDICATOR_NAME), UI_R_DIM, indent,
			 TL_K_INDICATOR, r->id))
			continue;
		gv->meta[at].name = strdup(tl_record_str(r,
							 TL_INDICATOR_NAME));
		gv->meta[at].measure = strdup(tl_record_str(r,
						TL_INDICATOR_MEASURE));
		at++;
	}
}

/* Goal line k and its analysis' below it, from its latest analysis a
 * (NULL: none), which gives the goal its badge. */
static void fill_goal(struct goals_view *gv, int k, const struct tl_record *a)
{
	struct ui_line *al = &gv->ls.lines[k + 1];
	char line[900], *said;

	gv->meta[k].filled = gv->meta[k + 1].filled = true;
	if (!a) {
		ui_lines_set_text(al, _("No analysis yet."));
		return;
	}
	said = tl_text_first_line(tl_record_str(a, TL_ANALYSIS_HAPPENED), 400);
	ui_goal_assessment_badge(&gv->ls.lines[k],
				 tl_record_get(a, TL_ANALYSIS_ASSESSMENT));
	snprintf(line, sizeof(line), "%s: %s",
		 tl_record_str(a, TL_ANALYSIS_PERIOD),
		 said && *said ? said : _(tl_record_str(a,
					 TL_ANALYSIS_ASSESSMENT)));
	ui_lines_set_text(al, line);
	al->kind = TL_K_ANALYSIS;
	snprintf(al->id, sizeof(al->id), "%s", a->id);
	free(said);
}

/* The goals among lines from..to-1 not yet filled in, at most
 * TL_QUERY_PARENTS of them, in two queries; then their indicators' lines
 * are put in below them (the last goal first, so that the lines of the
 * others stay where they are).  Whether there were any. */
static bool fill_goals(struct view *v, int from, int to)
{
	struct goals_view *gv = v->data;
	const char *ids[TL_QUERY_PARENTS];
	struct tl_record *latest[TL_QUERY_PARENTS];
	int lines[TL_QUERY_PARENTS], n = 0;
	struct tl_page inds;
	struct tl_error err;

	for (int k = from < 0 ? 0 : from; k < to && k < gv->ls.n &&
	     n < TL_QUERY_PARENTS; k++) {
		const struct gl_meta *m = &gv->meta[k];
		int g = m->what == GL_GOAL ? k : m->what == GL_ANALYSIS ? k - 1
					       : -1;

		if (g < 0 || gv->meta[g].filled || (n && lines[n - 1] == g))
			continue;
		lines[n] = g;
		ids[n++] = gv->t.g[gv->meta[g].ref].rec->id;
	}
	if (!n)
		return false;
	if (tl_goals_latest(ui_store(v->app), ids, n, latest, &inds, &err) !=
	    TL_OK) {
		ui_error(v->app, &err);
		/* Not asked again at every draw. */
		for (int i = 0; i < n; i++)
			gv->meta[lines[i]].filled =
				gv->meta[lines[i] + 1].filled = true;
		return false;
	}
	/* The indicators are in the goals' order: from the last goal's. */
	for (int i = n - 1, end = inds.n; i >= 0; i--) {
		int first = end;

		while (first > 0 && !strcmp(tl_record_str(inds.recs[first - 1],
					    TL_INDICATOR_GOAL), ids[i]))
			first--;
		end = first;
		fill_goal(gv, lines[i], latest[i]);
		put_indicators(gv, lines[i], &inds, &first);
		tl_record_free(latest[i]);
	}
	tl_page_done(&inds);
	return true;
}

/* The indicators among lines from..to-1 not yet filled in, at most
 * TL_QUERY_PARENTS of them, in two queries: each its latest figure
 * against its target.  Whether there were any. */
static bool fill_indicators(struct view *v, int from, int to)
{
	struct goals_view *gv = v->data;
	const char *ids[TL_QUERY_PARENTS];
	struct tl_goal_indicator gi[TL_QUERY_PARENTS];
	int lines[TL_QUERY_PARENTS], n = 0;
	struct tl_error err;

	for (int k = from < 0 ? 0 : from; k < to && k < gv->ls.n &&
	     n < TL_QUERY_PARENTS; k++)
		if (gv->meta[k].what == GL_IND && !gv->meta[k].filled) {
			gv->meta[k].filled = true;
			lines[n] = k;
			ids[n++] = gv->ls.lines[k].id;
		}
	if (!n)
		return false;
	if (tl_goal_indicators_load(ui_store(v->app), ids, n, 1, gi, &err) !=
	    TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	for (int i = 0; i < n; i++) {
		const struct gl_meta *ind = &gv->meta[lines[i]];
		const struct tl_goal_point *t = tl_goal_indicator_target(&gi[i]);
		char line[800], fig[64] = "", tg[64] = "", num[48];

		if (!ind->name || !ind->measure)
			continue;
		if (gi[i].nfigures) {
			const struct tl_goal_point *p = &gi[i].figures[0];

			tl_present_number(p->text, num, sizeof(num));
			snprintf(fig, sizeof(fig), "%s%s%s (%s)", num,
				 *ind->measure ? " " : "", ind->measure,
				 p->period);
		} else {
			snprintf(fig, sizeof(fig), "%s", _("no figure yet"));
		}
		if (t) {
			tl_present_number(t->text, num, sizeof(num));
			snprintf(tg, sizeof(tg), _("  · target %s (%s)"), num,
				 t->period);
		}
		snprintf(line, sizeof(line), "%s: %s%s", ind->name, fig, tg);
		ui_lines_set_text(&gv->ls.lines[lines[i]], line);
	}
	return true;
}

/* Fills in lines from..to-1 (from may be before the first) that are not
 * yet: the goals first (which put in their indicators' lines), then the
 * indicators, then the units. */
static void fill(struct view *v, int from, int to)
{
	struct goals_view *gv = v->data;

	if (from < 0)
		from = 0;
	while (fill_goals(v, from, to))
		;
	while (fill_indicators(v, from, to))
		;
	for (int k = from; k < to && k < gv->ls.n; k++)
		if (gv->meta[k].what == GL_UNIT && !gv->meta[k].filled) {
			gv->meta[k].filled = true;
			fill_unit(v, k);
		}
}

static void add_goal(struct view *v, int i, int depth, const char *above)
{
	struct goals_view *gv = v->data;
	const struct tl_goal_node *n = &gv->t.g[i];
	const struct tl_record *g = n->rec;
	const char *unit = tl_record_get(g, TL_GOAL_UNIT);
	int p = n->parent, indent = 1 + 2 * depth;
	char line[900];

	/* The unit where the tree passes into it, once for the goals of
	 * one unit side by side. */
	if (p < 0 ? !above || strcmp(unit ? unit : "", above)
		  : strcmp(unit ? unit : "", tl_record_str(gv->t.g[p].rec,
							   TL_GOAL_UNIT)) &&
		    (!above || strcmp(unit ? unit : "", above)))
		add_unit(v, i, indent);
	snprintf(line, sizeof(line), "%s  · %s  · %s",
		 tl_record_str(g, TL_GOAL_TITLE),
		 _(tl_record_str(g, TL_GOAL_KIND)),
		 tl_record_str(g, TL_GOAL_PERIOD));
	add(gv, GL_GOAL, i, line, UI_R_NORMAL, indent + 1, TL_K_GOAL, g->id);
	add(gv, GL_ANALYSIS, i, "", UI_R_DIM, indent + 3, TL_K_NONE, NULL);
	for (int c = n->first, prev = -1; c >= 0;
	     prev = c, c = gv->t.g[c].next)
		add_goal(v, c, depth + 1, prev < 0 ? NULL
			 : tl_record_get(gv->t.g[prev].rec, TL_GOAL_UNIT));
}

static void build(struct view *v)
{
	struct goals_view *gv = v->data;
	struct tl_store *st = ui_store(v->app);
	struct tl_error err;

	meta_clear(gv);
	ui_lines_clear(&gv->ls);
	if (tl_goal_tree_load(st, &gv->t, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	tl_refs_preload(ui_refs(v->app), TL_K_UNIT);
	if (gv->t.n == 0)
		add(gv, GL_OTHER, 0, _("No goals yet: a committee sets its "
		    "goals with 'tillit goal add'."), UI_R_DIM, 1, TL_K_NONE,
		    NULL);
	for (int k = 0, prev = -1; k < gv->t.n; k++)
		if (gv->t.g[gv->t.order[k]].parent < 0) {
			add_goal(v, gv->t.order[k], 0, prev < 0 ? NULL
				 : tl_record_get(gv->t.g[prev].rec,
						 TL_GOAL_UNIT));
			prev = gv->t.order[k];
		}
	if (gv->t.cut)
		add(gv, GL_OTHER, 0, "…", UI_R_DIM, 1, TL_K_NONE, NULL);
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
	meta_clear(gv);
	ui_lines_done(&gv->ls);
	tl_goal_tree_done(&gv->t);
	free(gv->meta);
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

	/* A goal filled in puts its indicators' lines in below it, which
	 * may push the selected line off the screen: the goals of this
	 * screen and the one above first, again until no line is put in,
	 * then the rest of what shows.  G then costs one round of each
	 * query, not one for every screen the lines moved. */
	for (int n = -1; n != gv->ls.n;) {
		n = gv->ls.n;
		ui_lines_scroll(&gv->ls, rows);
		while (fill_goals(v, gv->ls.top - rows, gv->ls.top + rows))
			;
	}
	fill(v, gv->ls.top, gv->ls.top + rows);
	ui_lines_draw(&gv->ls, w, rows, cols);
}

static enum ui_result goals_handle(struct view *v, enum ui_action a, int key)
{
	struct goals_view *gv = v->data;
	const struct ui_line *l;
	struct tl_record *r = NULL;
	struct tl_error err;
	enum ui_result res;

	/* A step onto a goal's analysis needs its line to open it. */
	fill(v, gv->ls.cursor - 2, gv->ls.cursor + 3);
	if (ui_lines_handle(&gv->ls, v->app, a, key) == UI_DONE)
		return UI_DONE;
	if (a == UI_A_EXPORT) {
		l = gv->ls.cursor >= 0 ? &gv->ls.lines[gv->ls.cursor] : NULL;
		ui_export_goals(v->app, l && l->kind == TL_K_UNIT ? l->id
				: NULL);
		return UI_DONE;
	}
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
