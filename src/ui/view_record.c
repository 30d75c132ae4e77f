/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_record.c - one record on screen: every field by its label, the
 * rules that apply (grey zone, non-delegable matter, waiting for
 * acknowledgement) and the records that belong to it (a person's
 * follow-ups and mandates, a mandate's decisions, a frame's versions, a
 * unit's people).  Enter on a related line opens it.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/read/clocks.h"
#include "tillit/read/goals.h"
#include "tillit/core/id.h"
#include "tillit/ui/recact.h"
#include "tillit/core/rules.h"
#include "tillit/core/text.h"
#include "tillit/ui/lines.h"
#include "tillit/ui/private.h"

struct record_view {
	enum tl_kind kind;
	char id[TL_ID_LEN + 1];
	struct tl_record *rec;
	struct ui_lines ls;
};

static const enum ui_action record_actions[] = {
	UI_A_EDIT, UI_A_DONE, UI_A_REASSIGN, UI_A_ACK, UI_A_VERSIONS,
	UI_A_LOG_DECISION, UI_A_CLOSE, UI_A_PRIVATE_NOTE, UI_A_FIND_NEXT,
	UI_A_FIND_PREV, UI_A_NONE,
};

/* A multi-line value: one screen line per line of text. */
static void add_text(struct record_view *rv, const char *label,
		     const char *text)
{
	const char *p = text;
	bool first = true;
	char buf[4200];

	while (p && *p) {
		size_t n = strcspn(p, "\n");
		snprintf(buf, sizeof(buf), "%-16s %.*s", first ? label : "",
			 (int)(n < 4000 ? n : 4000), p);
		ui_lines_add(&rv->ls, buf, UI_R_NORMAL, 1, TL_K_NONE, NULL);
		first = false;
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* Indicator ind's chart from gi: its figures period by period against
 * its target, each a bar (tl_goal_chart); headed by its name when
 * `named`. */
static void draw_chart(struct record_view *rv, const struct tl_record *ind,
		       const struct tl_goal_indicator *gi, bool named)
{
	char chart[TL_CHART_POINTS + 1][TL_CHART_LINE], line[700];
	const char *m = tl_record_str(ind, TL_INDICATOR_MEASURE);
	int n;

	snprintf(line, sizeof(line), "%s%s%s%s  · %s", tl_record_str(ind,
		 TL_INDICATOR_NAME), *m ? " (" : "", m, *m ? ")" : "",
		 !strcmp(tl_record_str(ind, TL_INDICATOR_DIRECTION),
			 "lower") ? _("lower is better")
				  : _("higher is better"));
	if (named)
		ui_lines_add(&rv->ls, line, UI_R_NORMAL, 1, TL_K_INDICATOR,
			     ind->id);
	n = tl_goal_chart(gi, 72, tl_text_user_utf8(), chart,
			  TL_CHART_POINTS + 1);
	for (int k = 0; k < n; k++)
		ui_lines_add(&rv->ls, chart[k], k == n - 1 &&
			     tl_goal_indicator_target(gi) ? UI_R_DIM
							  : UI_R_NORMAL,
			     3, TL_K_NONE, NULL);
	if (n == 0)
		ui_lines_add(&rv->ls, _("No figure and no target yet."),
			     UI_R_DIM, 3, TL_K_NONE, NULL);
}

/* The charts of indicators inds[0..n-1], each headed by its name when
 * `named`: their figures read for up to TL_QUERY_PARENTS at once. */
static void add_charts(struct view *v, struct record_view *rv,
		       struct tl_record *const *inds, int n, bool named)
{
	struct tl_goal_indicator *gi = calloc(TL_QUERY_PARENTS, sizeof(*gi));
	const char *ids[TL_QUERY_PARENTS];
	struct tl_error err;

	if (!gi) {
		ui_status(v->app, "%s", _("Out of memory."));
		return;
	}
	for (int i0 = 0; i0 < n; i0 += TL_QUERY_PARENTS) {
		int k = n - i0 < TL_QUERY_PARENTS ? n - i0 : TL_QUERY_PARENTS;

		for (int j = 0; j < k; j++)
			ids[j] = inds[i0 + j]->id;
		if (tl_goal_indicators_load(ui_store(v->app), ids, k,
					    TL_CHART_POINTS, gi, &err) !=
		    TL_OK) {
			ui_error(v->app, &err);
			break;
		}
		for (int j = 0; j < k; j++)
			draw_chart(rv, inds[i0 + j], &gi[j], named);
	}
	free(gi);
}

/* An indicator's measurements or targets, the latest first, each a line
 * that opens it: its period and its fields as a table row reads them. */
static void add_figures(struct view *v, struct record_view *rv,
			enum tl_kind kind, const char *heading)
{
	struct tl_query q = {.kind = kind, .parent = rv->rec->id,
			     .reverse = true, .limit = 50};
	struct tl_page page = {0};
	struct tl_error err;

	if (tl_store_list(ui_store(v->app), &q, &page, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	if (page.n > 0)
		ui_lines_add_heading(&rv->ls, heading, page.n);
	for (int i = 0; i < page.n; i++) {
		const struct tl_record *m = page.recs[i];
		char line[700];
		size_t o = 0;

		/* After the indicator: period, figures, source. */
		for (int f = 1; f < m->e->nfields && o < sizeof(line); f++) {
			char *val = tl_present_field(ui_refs(v->app), m, f,
						     false);

			if (val && *val)
				o += (size_t)snprintf(line + o, sizeof(line) -
						      o, "%s%s%s%s", o ? "  · "
						      : "", f > 1 ?
						      _(m->e->fields[f].label)
						      : "", f > 1 ? " " : "",
						      val);
			free(val);
		}
		ui_lines_add(&rv->ls, line, UI_R_NORMAL, 1, kind, m->id);
	}
	tl_page_done(&page);
}

/* A goal's own screen: what breaks it down, its analyses period by
 * period (analysis before numbers), and its indicators' charts. */
static void add_goal_parts(struct view *v, struct record_view *rv)
{
	struct tl_store *st = ui_store(v->app);
	const struct tl_record *r = rv->rec;
	struct tl_query q;
	struct tl_page page = {0};
	struct tl_error err;

	if (tl_goal_grey_zone(st, r))
		ui_lines_add(&rv->ls, _("Grey zone: the goal was decided at a "
			     "how question that politics decided; a goal is "
			     "a what question."), UI_R_WARN, 1, TL_K_NONE,
			     NULL);
	q = (struct tl_query){.kind = TL_K_GOAL, .parent = r->id};
	ui_lines_add_query(&rv->ls, v->app, _("Goals that break it down"),
			   &q, 50, NULL);
	q = (struct tl_query){.kind = TL_K_ANALYSIS, .parent = r->id,
			      .limit = 50};
	ui_lines_add_heading(&rv->ls, _("Analyses"), -1);
	if (tl_store_list(st, &q, &page, &err) != TL_OK)
		ui_error(v->app, &err);
	else if (page.n == 0)
		ui_lines_add(&rv->ls, _("None yet: the unit writes what "
			     "happened, why, and what it does next ('tillit "
			     "analysis add')."), UI_R_DIM, 1, TL_K_NONE, NULL);
	for (int i = 0; i < page.n; i++) {
		static const int parts[] = {TL_ANALYSIS_HAPPENED,
					    TL_ANALYSIS_WHY, TL_ANALYSIS_NEXT,
					    TL_ANALYSIS_RESPONSE};
		const struct tl_record *a = page.recs[i];

		/* The assessment is the badge. */
		ui_goal_assessment_badge(ui_lines_add(&rv->ls,
			tl_record_str(a, TL_ANALYSIS_PERIOD), UI_R_NORMAL, 1,
			TL_K_ANALYSIS, a->id), tl_record_get(a,
			TL_ANALYSIS_ASSESSMENT));
		for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
			const char *t = tl_record_get(a, parts[k]);
			const char *label = _(a->e->fields[parts[k]].label);
			size_t size;
			char *text;

			if (!t)
				continue;
			size = strlen(label) + strlen(t) + 3;
			if (!(text = malloc(size)))
				continue;
			snprintf(text, size, "%s: %s", label, t);
			ui_lines_add_wrapped(&rv->ls, text, UI_R_NORMAL, 3,
					     72);
			free(text);
		}
	}
	tl_page_done(&page);
	ui_lines_add_heading(&rv->ls, _("Indicators"), -1);
	if (tl_goal_indicators(st, r->id, &page, &err) != TL_OK)
		ui_error(v->app, &err);
	else if (page.n == 0)
		ui_lines_add(&rv->ls, _("None: a goal may be followed by its "
			     "analysis alone."), UI_R_DIM, 1, TL_K_NONE,
			     NULL);
	add_charts(v, rv, page.recs, page.n, true);
	tl_page_done(&page);
}

static void build(struct view *v)
{
	struct record_view *rv = v->data;
	const struct tl_record *r = rv->rec;
	const struct tl_entity *e = r->e;
	struct tl_query q;
	char line[700];

	ui_lines_clear(&rv->ls);
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		char *val;

		if (!tl_record_get(r, i))
			continue;
		if (f->type == TL_FT_LONGTEXT) {
			add_text(rv, _(f->label), tl_record_get(r, i));
			continue;
		}
		val = tl_present_field(ui_refs(v->app), r, i, false);
		if (f->type == TL_FT_INT && e->kind == TL_K_MANDATE &&
		    i == TL_MANDATE_LEVEL)
			snprintf(line, sizeof(line), "%-16s %s (%s)",
				 _(f->label), val ? val : "",
				 _(tl_rules_level_name(atol(val ? val : "0"))));
		else
			snprintf(line, sizeof(line), "%-16s %s", _(f->label),
				 val ? val : "");
		ui_lines_add(&rv->ls, line, UI_R_NORMAL, 1,
			 f->type == TL_FT_REF ? f->ref : TL_K_NONE,
			 f->type == TL_FT_REF ? tl_record_get(r, i) : NULL);
		free(val);
	}

	/* The rules of the domain, said plainly. */
	if (e->kind == TL_K_MANDATE &&
	    (!strcmp(tl_record_str(r, TL_MANDATE_NON_DELEGABLE), "1") ||
	     tl_rules_matter_non_delegable(tl_record_get(r,
							 TL_MANDATE_MATTER))))
		ui_lines_add(&rv->ls, _("Warning: goals, direction, scope or quality "
			       "level of an activity may not be delegated."),
			 UI_R_WARN, 1, TL_K_NONE, NULL);
	if (e->kind == TL_K_FRAME && !tl_record_get(r, TL_FRAME_ACKED_AT))
		ui_lines_add(&rv->ls, _("Waiting for the holder to acknowledge it "
			       "(A)."), UI_R_WARN, 1, TL_K_NONE, NULL);
	if (e->kind == TL_K_DECISION) {
		/* Announced on its own: its appeal clock (read/clocks.h). */
		struct tl_clock_line cl[TL_CLOCK_LINES];
		char today[TL_DATE_SIZE];
		int n;

		tl_clock_today(today);
		n = tl_decision_clock_lines(r, today, cl);
		for (int i = 0; i < n; i++)
			add_text(rv, cl[i].label, cl[i].text);
	}
	if (e->kind == TL_K_ITEM) {
		struct tl_record *m = NULL;
		struct tl_error err;
		if (tl_store_get(ui_store(v->app), TL_K_MEETING,
				 tl_record_str(r, TL_ITEM_MEETING), &m,
				 &err) == TL_OK &&
		    tl_rules_grey_zone(tl_record_get(m, TL_MEETING_KIND),
				       tl_record_get(r, TL_ITEM_QUESTION),
				       tl_record_get(r, TL_ITEM_DECIDED_BY)))
			ui_lines_add(&rv->ls, _("Grey zone: politics decides a how "
				       "question."), UI_R_WARN, 1, TL_K_NONE,
				 NULL);
		tl_record_free(m);
	}

	switch (e->kind) {
	case TL_K_PERSON:
		q = (struct tl_query){.kind = TL_K_FOLLOWUP, .owner = r->id,
				      .open = true};
		ui_lines_add_query(&rv->ls, v->app, _("Open follow-ups"), &q, 50,
				   NULL);
		q = (struct tl_query){.kind = TL_K_MANDATE, .owner = r->id,
				      .open = true};
		ui_lines_add_query(&rv->ls, v->app, _("Mandates held"), &q, 50,
				   NULL);
		q = (struct tl_query){.kind = TL_K_FRAME, .owner = r->id,
				      .open = true};
		ui_lines_add_query(&rv->ls, v->app, _("Frames held"), &q, 50,
				   NULL);
		break;
	case TL_K_UNIT:
		q = (struct tl_query){.kind = TL_K_UNIT, .parent = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Units under it"), &q, 50,
				   NULL);
		q = (struct tl_query){.kind = TL_K_PERSON, .unit = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("People"), &q, 50,
				   NULL);
		q = (struct tl_query){.kind = TL_K_BALANCE, .unit = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Governance balance"), &q, 50,
				   NULL);
		break;
	case TL_K_MANDATE:
		q = (struct tl_query){.kind = TL_K_DECISION, .parent = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Decisions taken under it"), &q, 50,
				   NULL);
		break;
	case TL_K_FRAME:
		q = (struct tl_query){.kind = TL_K_FRAME_VERSION,
				      .parent = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Earlier versions"), &q, 50,
				   NULL);
		break;
	case TL_K_GOAL:
		add_goal_parts(v, rv);
		break;
	case TL_K_INDICATOR:
		ui_lines_add_heading(&rv->ls, _("Figures against the target"),
				     -1);
		add_charts(v, rv, &rv->rec, 1, false);
		add_figures(v, rv, TL_K_MEASUREMENT, _("Measurements"));
		add_figures(v, rv, TL_K_TARGET, _("Targets"));
		break;
	case TL_K_ITEM:
		/* The goals this § set, and the analyses it answered: the
		 * item links to the goal through them. */
		q = (struct tl_query){.kind = TL_K_GOAL, .eq_field = "item",
				      .eq_value = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Goals set here"), &q,
				   50, NULL);
		q = (struct tl_query){.kind = TL_K_ANALYSIS, .eq_field = "item",
				      .eq_value = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Goal analyses answered "
				   "here"), &q, 50, NULL);
		break;
	case TL_K_SERIES:
		q = (struct tl_query){.kind = TL_K_MEETING, .parent = r->id};
		ui_lines_add_query(&rv->ls, v->app, _("Meetings"), &q, 50,
				   NULL);
		break;
	default:
		break;
	}
	/* Beside the shared record, the reader's own private notes. */
	if (ui_private_on(e->kind)) {
		struct tl_private_note *notes = NULL;
		int n = 0;

		ui_private_load(v->app, r->id, &notes, &n);
		ui_lines_add_private(&rv->ls, notes, n, 76);
		tl_private_free(notes, n);
	}
}

static bool load(struct view *v)
{
	struct record_view *rv = v->data;
	struct tl_error err;
	char *title;

	tl_record_free(rv->rec);
	rv->rec = NULL;
	if (tl_store_get(ui_store(v->app), rv->kind, rv->id, &rv->rec, &err)
	    != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	title = tl_present_title(ui_refs(v->app), rv->rec);
	snprintf(v->title, sizeof(v->title), "%s: %s",
		 _(rv->rec->e->label), title ? title : "");
	/* "follow-up: ..." reads better as "Follow-up: ...". */
	if (v->title[0] >= 'a' && v->title[0] <= 'z')
		v->title[0] = (char)(v->title[0] - 'a' + 'A');
	free(title);
	build(v);
	return true;
}

static bool record_open(struct view *v, const void *arg)
{
	const struct ui_record_arg *a = arg;
	struct record_view *rv = calloc(1, sizeof(*rv));

	if (!rv)
		return false;
	v->data = rv;
	rv->kind = a->kind;
	ui_lines_init(&rv->ls);
	snprintf(rv->id, sizeof(rv->id), "%s", a->id);
	return load(v);
}

static void record_close(struct view *v)
{
	struct record_view *rv = v->data;

	if (!rv)
		return;
	ui_lines_done(&rv->ls);
	tl_record_free(rv->rec);
	free(rv);
}

static void record_reload(struct view *v)
{
	struct record_view *rv = v->data;

	if (!load(v) && rv->rec == NULL)
		ui_status(v->app, "%s", _("The record is gone."));
}

static void record_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct record_view *rv = v->data;

	ui_lines_draw(&rv->ls, w, rows, cols);
}

static enum ui_result record_handle(struct view *v, enum ui_action a,
				    int key)
{
	struct record_view *rv = v->data;

	if (a == UI_A_NEW)
		return UI_PASS;
	if (ui_lines_handle(&rv->ls, v->app, a, key) == UI_DONE)
		return UI_DONE;
	if (a == UI_A_PRIVATE_NOTE) {
		if (!ui_private_on(rv->kind))
			ui_status(v->app, "%s", _("Private notes go on a "
						  "person, a meeting or an "
						  "agenda item."));
		else
			ui_private_write(v->app, rv->id);
		return UI_DONE;
	}
	return ui_record_action(v->app, rv->kind, rv->rec, NULL, a);
}

static bool record_offers(struct view *v, enum ui_action a)
{
	struct record_view *rv = v->data;

	if (a == UI_A_PRIVATE_NOTE)
		return ui_private_on(rv->kind);
	if (a == UI_A_FIND_NEXT || a == UI_A_FIND_PREV)
		return true;
	return a != UI_A_NEW && ui_record_offers(rv->kind, a);
}

const struct view_ops ui_view_record = {
	.name = "record",
	.title = N_("Record"),
	.open = record_open,
	.draw = record_draw,
	.handle = record_handle,
	.reload = record_reload,
	.close = record_close,
	.actions = record_actions,
	.offers = record_offers,
};
