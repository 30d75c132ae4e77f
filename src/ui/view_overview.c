/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_overview.c - the home screen: what needs attention now.  Today's
 * and upcoming meetings, overdue follow-ups and those due within 14 days,
 * mandates that expire within 30 days, frames waiting for
 * acknowledgement, and for a committee's secretary or chair the justering
 * and notices the law's clocks make due; the user's own first.  On an empty database it is a
 * welcome screen that offers the demo data and the first steps.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/read/clocks.h"
#include "tillit/service/demo.h"
#include "tillit/core/i18n.h"
#include "tillit/read/goals.h"
#include "tillit/read/undone.h"
#include "tillit/ui/lines.h"

struct overview {
	struct ui_lines ls;
	bool empty;
};

static const enum ui_action overview_actions[] = {
	UI_A_OPEN, UI_A_GO_MEETINGS, UI_A_GO_MANDATES, UI_A_GO_FRAMES,
	UI_A_GO_MY_FRAMES, UI_A_GO_FOLLOWUPS, UI_A_GO_ORG, UI_A_GO_SETUP,
	UI_A_GO_GOALS, UI_A_SEARCH,
	UI_A_DEMO, UI_A_FIND_NEXT, UI_A_FIND_PREV, UI_A_NONE,
};

static long count(struct view *v, enum tl_kind kind)
{
	struct tl_query q = {.kind = kind};
	struct tl_error err;
	long n = 0;

	tl_store_count(ui_store(v->app), &q, &n, &err);
	return n;
}

static void welcome(struct overview *ov)
{
	static const char *const text[] = {
		N_("Welcome to tillit."),
		"",
		N_("tillit keeps what was agreed in your meetings: the mandates "
		   "given, the frames people act within, and the points to "
		   "follow up. Everything stays in a database on this "
		   "computer."),
		"",
		N_("This database is empty. To look around first, press T to "
		   "fill it with a demo municipality (Sjöstads kommun)."),
		"",
		N_("To start for real:"),
		N_("  1. Add your organisation: tillit unit add --name "
		   "\"Socialnämnden\" --kind committee"),
		N_("  2. Add people: tillit person add --name \"Åsa Öberg\" "
		   "--kind manager --login $USER"),
		N_("  3. Plan a meeting: tillit meeting add --title "
		   "\"Medarbetarsamtal\" --kind one_to_one --starts-at "
		   "\"+7d 10:00\""),
		N_("  4. Open it here under Meetings (2) and run it (r)."),
		"",
		N_("Press ? for the keys of any screen, q to quit."),
	};

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		ui_lines_add(&ov->ls, text[i][0] ? _(text[i]) : "",
			     i == 0 ? UI_R_SECTION : UI_R_NORMAL, 1, TL_K_NONE,
			     NULL);
}

/* The justering and notices the viewer, as a committee's secretary or
 * chair, has due within a week or overdue (read/clocks.h). */
static void clocks_due(struct overview *ov, struct view *v, const char *me,
		       const char *today)
{
	struct tl_clock_due_item *items = NULL;
	struct tl_error err;
	int n = 0;

	if (tl_clocks_due_for(ui_store(v->app), me, today, 7, &items, &n,
			      &err) != TL_OK || n == 0)
		return;
	if (ov->ls.n > 0)
		ui_lines_add(&ov->ls, "", UI_R_NORMAL, 0, TL_K_NONE, NULL);
	ui_lines_add(&ov->ls, _("My justering and notices due"),
		     UI_R_SECTION, 0, TL_K_NONE, NULL);
	for (int i = 0; i < n; i++)
		ui_lines_add(&ov->ls, items[i].text,
			     items[i].days_left < 0 ? UI_R_OVERDUE : UI_R_WARN,
			     1, TL_K_MEETING, items[i].meeting);
	tl_clock_due_free(items, n);
}

/* Report-backs of the mandates of q: those overdue, and with `soon`
 * those due before it too (read/undone.h); none given by unit `skip`
 * (another section lists those). */
static void reports_due(struct overview *ov, struct view *v,
			const struct tl_query *q, const char *heading,
			const char *today, const char *soon, const char *skip)
{
	struct tl_report_due *due = NULL;
	struct tl_error err;
	bool headed = false;
	int n = 0;

	if (tl_reports_due(ui_store(v->app), q, today, !soon, 20, &due, &n,
			   &err) != TL_OK)
		return;
	for (int i = 0; i < n; i++) {
		char line[600];

		const char *by = tl_record_get(due[i].mandate,
					       TL_MANDATE_GIVEN_BY_UNIT);

		if ((soon && strcmp(due[i].due, soon) >= 0) ||
		    (skip && by && !strcmp(by, skip)))
			continue;
		if (!headed)
			ui_lines_add_heading(&ov->ls, heading, -1);
		headed = true;
		snprintf(line, sizeof(line), due[i].overdue
			 ? _("%s  · overdue since %s") : _("%s  · due %s"),
			 tl_record_str(due[i].mandate, TL_MANDATE_MATTER),
			 due[i].due);
		ui_lines_add(&ov->ls, line, due[i].overdue ? UI_R_OVERDUE
			     : UI_R_WARN, 1, TL_K_MANDATE,
			     due[i].mandate->id);
	}
	tl_report_due_free(due, n);
}

/* The report-backs I owe, overdue or due within two weeks; and those
 * owed to my unit, which gave the mandates, or to me, who gave them,
 * overdue. */
static void reports_owed(struct overview *ov, struct view *v, const char *me,
			 const char *unit, const char *today,
			 const char *in14)
{
	struct tl_query q = {.kind = TL_K_MANDATE, .owner = me};

	reports_due(ov, v, &q, _("My report-backs due"), today, in14, NULL);
	if (unit) {
		char heading[300];

		q = (struct tl_query){.kind = TL_K_MANDATE, .unit = unit};
		snprintf(heading, sizeof(heading), _("Report-backs overdue to "
			 "%s"), tl_refs_title(ui_refs(v->app), TL_K_UNIT,
					      unit));
		reports_due(ov, v, &q, heading, today, NULL, NULL);
	}
	q = (struct tl_query){.kind = TL_K_MANDATE,
			      .eq_field = "given_by_person", .eq_value = me};
	reports_due(ov, v, &q, _("Report-backs overdue to me"), today, NULL,
		    unit);
}

/* My unit's goals that owe an analysis of the year just ended
 * (read/goals.h): follow-up starts with the unit's own account. */
static void goals_owed(struct overview *ov, struct view *v, const char *unit,
		       const char *today)
{
	struct tl_record **goals = NULL;
	struct tl_error err;
	char year[5], heading[200];
	int n = 0;

	if (tl_goals_unanalysed(ui_store(v->app), unit, today, 6, &goals, &n,
				year, &err) != TL_OK || n == 0)
		return;
	snprintf(heading, sizeof(heading), _("My unit's goals without an "
		 "analysis of %s"), year);
	ui_lines_add_heading(&ov->ls, heading, -1);
	for (int i = 0; i < n; i++) {
		char line[600];

		snprintf(line, sizeof(line), "%s  · %s",
			 tl_record_str(goals[i], TL_GOAL_TITLE),
			 tl_record_str(goals[i], TL_GOAL_PERIOD));
		ui_lines_add(&ov->ls, line, UI_R_WARN, 1, TL_K_GOAL,
			     goals[i]->id);
		tl_record_free(goals[i]);
	}
	free(goals);
}

static void build(struct view *v)
{
	struct overview *ov = v->data;
	const char *me = ui_me(v->app);
	char today[TL_DATE_SIZE], in14[TL_DATE_SIZE], in31[TL_DATE_SIZE];
	struct tl_record *person = NULL;
	const char *unit = NULL;
	struct tl_error err;
	struct tl_query q;

	ui_lines_clear(&ov->ls);
	ov->empty = count(v, TL_K_UNIT) == 0 && count(v, TL_K_PERSON) == 0 &&
		    count(v, TL_K_MEETING) == 0;
	if (ov->empty) {
		welcome(ov);
		return;
	}
	tl_clock_today(today);
	tl_date_parse("+15d", today, in14, &err);
	tl_date_parse("+31d", today, in31, &err);

	if (me) {
		clocks_due(ov, v, me, today);
		q = (struct tl_query){.kind = TL_K_FOLLOWUP, .owner = me,
				      .open = true, .due_before = in14};
		ui_lines_add_query(&ov->ls, v->app,
				   _("My follow-ups due within 14 days"), &q,
				   8, _("Nothing due."));
		q = (struct tl_query){.kind = TL_K_FRAME, .owner = me,
				      .open = true, .unacked = true};
		ui_lines_add_query(&ov->ls, v->app,
				   _("My frames waiting for my acknowledgement"),
				   &q, 5, NULL);
		q = (struct tl_query){.kind = TL_K_MANDATE, .owner = me,
				      .open = true, .due_before = in31};
		ui_lines_add_query(&ov->ls, v->app,
				   _("My mandates expiring within 30 days"),
				   &q, 5, NULL);
		/* My unit, read once: the report-backs owed to it and its
		 * goals that owe an analysis. */
		if (tl_store_get(ui_store(v->app), TL_K_PERSON, me, &person,
				 &err) == TL_OK)
			unit = tl_record_get(person, TL_PERSON_UNIT);
		reports_owed(ov, v, me, unit, today, in14);
		q = (struct tl_query){.kind = TL_K_EXECUTION, .owner = me,
				      .open = true};
		ui_lines_add_query(&ov->ls, v->app,
				   _("My decisions to carry out"), &q, 5,
				   NULL);
		goals_owed(ov, v, unit, today);
		tl_record_free(person);
	}
	/* Meetings from today on, soonest first. */
	q = (struct tl_query){.kind = TL_K_MEETING, .from = today,
			      .reverse = true};
	ui_lines_add_query(&ov->ls, v->app, _("Today and upcoming meetings"),
			   &q, 6, _("No meetings planned."));
	q = (struct tl_query){.kind = TL_K_FOLLOWUP, .overdue = true};
	ui_lines_add_query(&ov->ls, v->app, _("Overdue follow-ups"), &q, 8,
			   _("None overdue."));
	q = (struct tl_query){.kind = TL_K_FOLLOWUP, .open = true,
			      .from = today, .to = in14};
	ui_lines_add_query(&ov->ls, v->app,
			   _("Follow-ups due within 14 days"), &q, 8,
			   _("None."));
	q = (struct tl_query){.kind = TL_K_MANDATE, .open = true,
			      .due_before = in31};
	ui_lines_add_query(&ov->ls, v->app,
			   _("Mandates expiring within 30 days"), &q, 6, NULL);
	q = (struct tl_query){.kind = TL_K_FRAME, .open = true,
			      .unacked = true};
	ui_lines_add_query(&ov->ls, v->app,
			   _("Frames waiting for acknowledgement"), &q, 6,
			   NULL);
}

static bool overview_open(struct view *v, const void *arg)
{
	struct overview *ov = calloc(1, sizeof(*ov));

	(void)arg;
	if (!ov)
		return false;
	v->data = ov;
	ui_lines_init(&ov->ls);
	build(v);
	return true;
}

static void overview_close(struct view *v)
{
	struct overview *ov = v->data;

	if (!ov)
		return;
	ui_lines_done(&ov->ls);
	free(ov);
}

static void overview_reload(struct view *v)
{
	build(v);
}

static void overview_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct overview *ov = v->data;

	ui_lines_draw(&ov->ls, w, rows, cols);
}

static enum ui_result overview_handle(struct view *v, enum ui_action a,
				      int key)
{
	struct overview *ov = v->data;
	struct tl_error err = {0};

	if (a == UI_A_DEMO) {
		if (!ov->empty) {
			ui_status(v->app, "%s", _("The demo data goes only "
						  "into an empty database."));
			return UI_DONE;
		}
		if (tl_demo_fill(ui_store(v->app), &err) != TL_OK) {
			ui_error(v->app, &err);
			return UI_DONE;
		}
		ui_changed(v->app);
		ui_status(v->app, "%s", _("Added the demo municipality, "
					  "Sjöstads kommun."));
		return UI_DONE;
	}
	return ui_lines_handle(&ov->ls, v->app, a, key);
}

const struct view_ops ui_view_overview = {
	.name = "overview",
	.title = N_("Overview"),
	.open = overview_open,
	.draw = overview_draw,
	.handle = overview_handle,
	.reload = overview_reload,
	.close = overview_close,
	.actions = overview_actions,
};
