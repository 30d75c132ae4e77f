/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * goals.c - the goal follow-up report (goals.h): the goal tree of
 * read/goals.h said as a document (doc.h), so that every format writes
 * it.  Trust-based follow-up puts the unit's own analysis before its
 * numbers, and so does the report.
 */
#include "tillit/export/goals.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/read/goals.h"
#include "tillit/read/present.h"

/* The width of a chart in the text formats, in cells. */
#define CHART_WIDTH 72

struct report {
	struct tl_store *st;
	struct tl_doc *d;
	struct tl_refs refs;
	struct tl_goal_tree t;
	const char *period;
	const char *section_unit; /* the unit of the open section */
	enum tl_status rc;
	struct tl_error *err;
};

/* The analysis of g for the period: the one of that period, else none. */
static struct tl_record *analysis_of(struct report *r, const char *g)
{
	struct tl_query q = {.kind = TL_K_ANALYSIS, .parent = g, .limit = 100};
	struct tl_page page = {0};
	struct tl_record *a = NULL;

	if (r->rc != TL_OK)
		return NULL;
	r->rc = tl_store_list(r->st, &q, &page, r->err);
	for (int i = 0; r->rc == TL_OK && i < page.n && !a; i++)
		if (!strcmp(tl_record_str(page.recs[i], TL_ANALYSIS_PERIOD),
			    r->period)) {
			a = page.recs[i];
			page.recs[i] = NULL;
		}
	tl_page_done(&page);
	return a;
}

/* Rising, falling or unchanged, and whether that is better. */
static const char *trend(const struct tl_goal_indicator *gi)
{
	bool lower = !strcmp(tl_record_str(gi->rec, TL_INDICATOR_DIRECTION),
			     "lower");
	double a, b;

	if (gi->nfigures < 2)
		return NULL;
	a = gi->figures[gi->nfigures - 2].value;
	b = gi->figures[gi->nfigures - 1].value;
	if (a == b)
		return _("unchanged");
	return (b > a) != lower ? _("better") : _("worse");
}

static void indicator(struct report *r, const char *id)
{
	struct tl_goal_indicator gi;
	char lines[TL_CHART_POINTS + 1][TL_CHART_LINE];
	const char *labels[TL_CHART_POINTS], *texts[TL_CHART_POINTS];
	const char *line_p[TL_CHART_POINTS + 1];
	char nums[TL_CHART_POINTS][64], tnum[64] = "";
	double fr[TL_CHART_POINTS], lo, hi;
	const struct tl_goal_point *t;
	struct tl_doc_chart c = {0};
	const char *m, *tr;
	char *title;

	if (r->rc != TL_OK)
		return;
	r->rc = tl_goal_indicator_load(r->st, id, &gi, r->err);
	if (r->rc != TL_OK)
		return;
	m = tl_record_str(gi.rec, TL_INDICATOR_MEASURE);
	t = tl_goal_indicator_target(&gi);
	tr = trend(&gi);
	tl_goal_chart_scale(&gi, &lo, &hi);
	for (int i = 0; i < gi.nfigures; i++) {
		tl_present_number(gi.figures[i].text, nums[i], sizeof(nums[i]));
		labels[i] = gi.figures[i].period;
		texts[i] = nums[i];
		fr[i] = (gi.figures[i].value - lo) / (hi - lo);
	}
	if (t)
		tl_present_number(t->text, tnum, sizeof(tnum));
	title = tl_doc_printf(r->d, "%s%s%s%s%s%s%s", tl_record_str(gi.rec,
			      TL_INDICATOR_NAME), *m ? " (" : "", m,
			      *m ? ")" : "", !strcmp(tl_record_str(gi.rec,
			      TL_INDICATOR_DIRECTION), "lower")
			      ? _(", lower is better") : _(", higher is better"),
			      tr ? _(", trend: ") : "", tr ? tr : "");
	c.title = title;
	c.n = gi.nfigures;
	c.labels = labels;
	c.texts = texts;
	c.fractions = fr;
	if (t) {
		c.target_label = t->period;
		c.target_text = tnum;
		c.target_fraction = (t->value - lo) / (hi - lo);
	}
	c.nlines = tl_goal_chart(&gi, CHART_WIDTH, true, lines,
				 TL_CHART_POINTS + 1);
	for (int i = 0; i < c.nlines; i++)
		line_p[i] = lines[i];
	c.lines = line_p;
	if (c.n == 0 && !t)
		tl_doc_labelled(r->d, title, _("no figure and no target yet"));
	else
		tl_doc_chart(r->d, &c);
	free(title);
	tl_goal_indicator_done(&gi);
}

static void goal(struct report *r, int i)
{
	const struct tl_record *g = r->t.g[i].rec;
	const char *unit = tl_record_get(g, TL_GOAL_UNIT);
	const char *parent = tl_record_get(g, TL_GOAL_PARENT);
	struct tl_page page = {0};
	struct tl_record *a;
	char *s;

	if (r->rc != TL_OK)
		return;
	if (!r->section_unit || strcmp(r->section_unit, unit ? unit : "")) {
		tl_doc_section(r->d, unit ? tl_refs_title(&r->refs, TL_K_UNIT,
							  unit) : "");
		r->section_unit = unit ? unit : "";
	}
	tl_doc_block(r->d, tl_record_str(g, TL_GOAL_TITLE));
	tl_doc_field(r->d, _("Level"), _(tl_record_str(g, TL_GOAL_KIND)));
	tl_doc_field(r->d, _("Period"), tl_record_get(g, TL_GOAL_PERIOD));
	tl_doc_field(r->d, _("Breaks down"), parent ?
		     tl_refs_title(&r->refs, TL_K_GOAL, parent) : NULL);
	tl_doc_para(r->d, tl_record_get(g, TL_GOAL_DESCRIPTION));
	a = analysis_of(r, g->id);
	if (a) {
		static const int parts[] = {TL_ANALYSIS_HAPPENED,
					    TL_ANALYSIS_WHY, TL_ANALYSIS_NEXT,
					    TL_ANALYSIS_RESPONSE};

		s = tl_doc_printf(r->d, _("Assessment %s"), r->period);
		tl_doc_labelled(r->d, s, _(tl_record_str(a,
				TL_ANALYSIS_ASSESSMENT)));
		free(s);
		for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
			tl_doc_labelled(r->d, _(a->e->fields[parts[k]].label),
					tl_record_get(a, parts[k]));
	} else if (r->rc == TL_OK) {
		s = tl_doc_printf(r->d, _("no analysis of %s yet"), r->period);
		tl_doc_flag(r->d, _("Analysis"), s);
		free(s);
	}
	tl_record_free(a);
	if (r->rc == TL_OK)
		r->rc = tl_goal_indicators(r->st, g->id, &page, r->err);
	for (int k = 0; r->rc == TL_OK && k < page.n; k++)
		indicator(r, page.recs[k]->id);
	tl_page_done(&page);
}

/* Goal i and the goals that break it down, depth first, into the list. */
static void walk(const struct tl_goal_tree *t, int i, int *list, int *n)
{
	list[(*n)++] = i;
	for (int c = t->g[i].first; c >= 0; c = t->g[c].next)
		walk(t, c, list, n);
}

/*
 * The goals of list in the report's order: a unit's goals together, the
 * units in the order the tree first reaches them, each unit's goals in
 * the tree's order.
 */
static void by_unit(const struct tl_goal_tree *t, const int *list, int n,
		    int *out)
{
	int k = 0;

	for (int i = 0; i < n; i++) {
		const char *u = tl_record_str(t->g[list[i]].rec, TL_GOAL_UNIT);
		bool seen = false;

		for (int j = 0; j < i && !seen; j++)
			seen = !strcmp(u, tl_record_str(t->g[list[j]].rec,
							TL_GOAL_UNIT));
		for (int j = i; !seen && j < n; j++)
			if (!strcmp(u, tl_record_str(t->g[list[j]].rec,
						     TL_GOAL_UNIT)))
				out[k++] = list[j];
	}
}

enum tl_status tl_goals_write_doc(struct tl_store *st, const char *unit,
				  const char *period,
				  const struct tl_doc_ops *ops, FILE *out,
				  struct tl_error *err)
{
	struct report r = {.st = st, .err = err, .rc = TL_OK};
	struct tl_doc d;
	char year[16], *title;
	int *list = NULL, *sorted = NULL, n = 0;

	tl_error_clear(err);
	if (!period) {
		char today[TL_DATE_SIZE];

		tl_clock_today(today);
		snprintf(year, sizeof(year), "%d", atoi(today) - 1);
		period = year;
	}
	r.period = period;
	r.rc = tl_store_read_begin(st, err);
	if (r.rc != TL_OK)
		return r.rc;
	tl_refs_init(&r.refs, st);
	r.rc = tl_goal_tree_load(st, &r.t, err);
	tl_doc_init(&d, ops, out);
	r.d = &d;
	title = tl_doc_printf(&d, _("Goal report %s: %s"), period, unit ?
			      tl_refs_title(&r.refs, TL_K_UNIT, unit)
			      : _("every unit"));
	tl_doc_title(&d, title);
	free(title);
	/* The unit's own goals, each with what breaks it down; or every
	 * root. */
	list = malloc((size_t)(r.t.n ? r.t.n : 1) * sizeof(int));
	sorted = malloc((size_t)(r.t.n ? r.t.n : 1) * sizeof(int));
	if (r.rc == TL_OK && (!list || !sorted))
		r.rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int k = 0; r.rc == TL_OK && k < r.t.n; k++) {
		int i = r.t.order[k];
		const char *u = tl_record_get(r.t.g[i].rec, TL_GOAL_UNIT);
		int p = r.t.g[i].parent;

		if (unit ? u && !strcmp(u, unit) &&
			   (p < 0 || strcmp(tl_record_str(r.t.g[p].rec,
							  TL_GOAL_UNIT), unit))
			 : p < 0)
			walk(&r.t, i, list, &n);
	}
	if (r.rc == TL_OK)
		by_unit(&r.t, list, n, sorted);
	for (int k = 0; r.rc == TL_OK && k < n; k++)
		goal(&r, sorted[k]);
	if (r.rc == TL_OK && n == 0)
		tl_doc_para(&d, _("No active goals."));
	free(list);
	free(sorted);
	tl_store_read_end(st);
	tl_doc_end(&d);
	if (r.rc == TL_OK && d.oom)
		r.rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (r.rc == TL_OK && ferror(out))
		r.rc = tl_error_set(err, TL_ESYS, _("Cannot write the goal "
				    "report."));
	tl_doc_done(&d);
	tl_goal_tree_done(&r.t);
	tl_refs_done(&r.refs);
	return r.rc;
}
