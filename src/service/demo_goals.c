/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * demo_goals.c - the demo's goal management: Kommunfullmäktige's
 * direction goal, the two goals Barn- och utbildningsnämnden set in its
 * budget §, the commitment of a school and of a preschool below them,
 * three indicators with targets and three years of figures, and an
 * analysis with the committee's response.
 *
 * And what is not yet reported back or carried out (undone below).
 *
 * The figures of the first indicator are those of
 * tests/data/kolada-n15419.json, under the ids an import of that file
 * gives them (tl_kolada_measurement_id): importing it into the demo
 * changes nothing.  The years are fixed, as figures of the past are.
 */
#include "demo.h"

#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/import/kolada.h"

#define END DEMO_END

/* A measurement of indicator for period; from Kolada under its id. */
static void figure(struct demo *d, const char *indicator, const char *period,
		   const char *total, const char *women, const char *men,
		   const char *source)
{
	struct tl_record *r;
	struct tl_error e;
	bool ok;

	if (d->rc != TL_OK)
		return;
	r = tl_record_new(TL_K_MEASUREMENT);
	if (!r) {
		d->rc = tl_error_set(d->err, TL_ESYS, _("out of memory"));
		return;
	}
	if (!strcmp(source, TL_KOLADA_SOURCE))
		tl_kolada_measurement_id(indicator, period, r->id);
	ok = tl_record_set(r, TL_MEAS_INDICATOR, indicator) &&
	     tl_record_set(r, TL_MEAS_PERIOD, period) &&
	     tl_record_set(r, TL_MEAS_VALUE, total) &&
	     tl_record_set(r, TL_MEAS_WOMEN, women) &&
	     tl_record_set(r, TL_MEAS_MEN, men) &&
	     tl_record_set(r, TL_MEAS_SOURCE, source);
	if (!ok)
		d->rc = tl_error_set(d->err, TL_ESYS, _("out of memory"));
	else
		demo_check(d, tl_store_insert(d->st, r, &e), &e,
			   "cannot add a measurement");
	tl_record_free(r);
}

/* The goal a follow-up serves, set afterwards as a person would. */
static void serves(struct demo *d, const char *followup, const char *goal)
{
	struct tl_record *r = NULL;
	struct tl_error e;

	if (d->rc != TL_OK)
		return;
	demo_check(d, tl_store_get(d->st, TL_K_FOLLOWUP, followup, &r, &e),
		   &e, "cannot read a follow-up");
	if (d->rc == TL_OK && !tl_record_set(r, TL_FOLLOWUP_GOAL, goal))
		d->rc = tl_error_set(d->err, TL_ESYS, _("out of memory"));
	if (d->rc == TL_OK)
		demo_check(d, tl_store_update(d->st, r, &e), &e,
			   "cannot change a follow-up");
	tl_record_free(r);
}

static void goals(struct demo *d)
{
	demo_add(d, TL_K_GOAL, d->g_dir, TL_GOAL_TITLE, "Alla barn och "
	    "elever ges förutsättningar att nå sin fulla potential",
	    TL_GOAL_KIND, "direction", TL_GOAL_UNIT, d->kf, TL_GOAL_PERIOD,
	    "2023-2027", TL_GOAL_DESCRIPTION, "Inriktningsmål i "
	    "kommunfullmäktiges strategiska plan.", END);
	demo_add(d, TL_K_GOAL, d->g_skola, TL_GOAL_TITLE, "Ökad "
	    "måluppfyllelse i årskurs 9", TL_GOAL_UNIT, d->bun,
	    TL_GOAL_PARENT, d->g_dir, TL_GOAL_PERIOD, "2025-2027",
	    TL_GOAL_MEETING, d->m_bun, TL_GOAL_ITEM, d->i_budget,
	    TL_GOAL_DESCRIPTION, "Fler elever lämnar grundskolan behöriga "
	    "till gymnasieskolan. Förvaltningen avgör hur.", END);
	demo_add(d, TL_K_GOAL, d->g_forskola, TL_GOAL_TITLE, "Trygg "
	    "förskola", TL_GOAL_UNIT, d->bun, TL_GOAL_PARENT, d->g_dir,
	    TL_GOAL_PERIOD, "2025-2027", TL_GOAL_MEETING, d->m_bun,
	    TL_GOAL_ITEM, d->i_budget, END);
	demo_add(d, TL_K_GOAL, d->g_ang, TL_GOAL_TITLE, "Fler elever i "
	    "årskurs 9 behöriga till gymnasiet", TL_GOAL_KIND, "commitment",
	    TL_GOAL_UNIT, d->angskolan, TL_GOAL_PARENT, d->g_skola,
	    TL_GOAL_PERIOD, "2025-2027", TL_GOAL_DESCRIPTION, "Läxhjälp "
	    "och tidiga insatser i matematik från årskurs 7.", END);
	demo_add(d, TL_K_GOAL, d->g_sol, TL_GOAL_TITLE, "Alla barn känner "
	    "sig trygga i förskolan", TL_GOAL_KIND, "commitment",
	    TL_GOAL_UNIT, d->solbacken, TL_GOAL_PARENT, d->g_forskola,
	    TL_GOAL_PERIOD, "2025-2027", END);
}

static void indicators(struct demo *d)
{
	demo_add(d, TL_K_INDICATOR, d->ind_behorighet, TL_INDICATOR_GOAL,
	    d->g_skola, TL_INDICATOR_NAME, "Elever i åk 9 som är behöriga "
	    "till ett yrkesprogram", TL_INDICATOR_MEASURE, "%",
	    TL_INDICATOR_BASELINE, "81.4", TL_INDICATOR_BASELINE_PERIOD,
	    "2023", TL_INDICATOR_KPI, "N15419", TL_INDICATOR_MUNICIPALITY,
	    "9999", END);
	demo_add(d, TL_K_INDICATOR, d->ind_merit, TL_INDICATOR_GOAL,
	    d->g_skola, TL_INDICATOR_NAME, "Genomsnittligt meritvärde i "
	    "åk 9", TL_INDICATOR_MEASURE, "poäng", TL_INDICATOR_BASELINE,
	    "221.5", TL_INDICATOR_BASELINE_PERIOD, "2023", END);
	demo_add(d, TL_K_INDICATOR, d->ind_trygghet, TL_INDICATOR_GOAL,
	    d->g_forskola, TL_INDICATOR_NAME, "Vårdnadshavare som svarar "
	    "att barnet känner sig tryggt", TL_INDICATOR_MEASURE, "%",
	    TL_INDICATOR_BASELINE, "91", TL_INDICATOR_BASELINE_PERIOD,
	    "2023", END);
	demo_add(d, TL_K_TARGET, NULL, TL_TARGET_INDICATOR, d->ind_behorighet,
	    TL_TARGET_PERIOD, "2026", TL_TARGET_VALUE, "86", END);
	demo_add(d, TL_K_TARGET, NULL, TL_TARGET_INDICATOR, d->ind_behorighet,
	    TL_TARGET_PERIOD, "2027", TL_TARGET_VALUE, "88", END);
	demo_add(d, TL_K_TARGET, NULL, TL_TARGET_INDICATOR, d->ind_merit,
	    TL_TARGET_PERIOD, "2027", TL_TARGET_VALUE, "235", END);
	demo_add(d, TL_K_TARGET, NULL, TL_TARGET_INDICATOR, d->ind_trygghet,
	    TL_TARGET_PERIOD, "2027", TL_TARGET_VALUE, "95", END);
	/* tests/data/kolada-n15419.json */
	figure(d, d->ind_behorighet, "2023", "81.4", "84", "78.9", "Kolada");
	figure(d, d->ind_behorighet, "2024", "82.7", "85.1", "80.3",
	       "Kolada");
	figure(d, d->ind_behorighet, "2025", "84.9", "86.8", "83", "Kolada");
	figure(d, d->ind_merit, "2023", "221.5", NULL, NULL, "Skolverket");
	figure(d, d->ind_merit, "2024", "224", NULL, NULL, "Skolverket");
	figure(d, d->ind_merit, "2025", "226.3", NULL, NULL, "Skolverket");
	figure(d, d->ind_trygghet, "2023", "91", NULL, NULL,
	       "Förskoleenkäten");
	figure(d, d->ind_trygghet, "2024", "89", NULL, NULL,
	       "Förskoleenkäten");
	figure(d, d->ind_trygghet, "2025", "92", NULL, NULL,
	       "Förskoleenkäten");
}

/*
 * Reporting back and carrying out: the home-care allocation mandate
 * reports monthly, last ten weeks ago, so a report-back is overdue; the
 * committee's school-year § has no one to show it was carried out in
 * time, while the delegation order's was sent out.
 */
static void undone(struct demo *d)
{
	demo_add(d, TL_K_REPORT_BACK, NULL, TL_RB_MANDATE, d->md_bistand,
	    TL_RB_REPORTED_ON, demo_day(d, "-70d"), TL_RB_TEXT, "42 beslut "
	    "om hemtjänst, varav tre över 100 timmar i månaden. Inga "
	    "avslag.", END);
	demo_add(d, TL_K_EXECUTION, NULL, TL_EXEC_ITEM, d->i_lasar,
	    TL_EXEC_OWNER, d->sofia, TL_EXEC_DUE, demo_day(d, "-2d"),
	    TL_EXEC_NOTE, "Läsårstiderna ska publiceras på webben och "
	    "skickas till skolorna.", END);
	demo_add(d, TL_K_EXECUTION, NULL, TL_EXEC_ITEM, d->i_delegation,
	    TL_EXEC_OWNER, d->sofia, TL_EXEC_DUE, demo_day(d, "-4d"),
	    TL_EXEC_STATUS, "done", TL_EXEC_DONE_ON, demo_day(d, "-4d"),
	    TL_EXEC_NOTE, "Protokollsutdrag expedierat till "
	    "förvaltningschefen och rektorerna.", END);
}

void demo_goals(struct demo *d)
{
	undone(d);
	goals(d);
	indicators(d);
	/* The school's own account first; the committee answered it at the
	 * budget §. */
	demo_add(d, TL_K_ANALYSIS, NULL, TL_ANALYSIS_GOAL, d->g_ang,
	    TL_ANALYSIS_PERIOD, "2025", TL_ANALYSIS_ASSESSMENT, "partly_met",
	    TL_ANALYSIS_HAPPENED, "Behörigheten steg till 84,9 procent, men "
	    "pojkarna ligger kvar under 85.", TL_ANALYSIS_WHY, "Läxhjälpen "
	    "når framför allt elever som redan söker stöd; två "
	    "mattelärartjänster var vakanta under hösten.", TL_ANALYSIS_NEXT,
	    "Riktad läxhjälp i åk 8 och ett samarbete med fritidsgården.",
	    TL_ANALYSIS_RESPONSE, "Nämnden noterar analysen och frågar till "
	    "nästa uppföljning hur skolan vet att insatserna når pojkarna.",
	    TL_ANALYSIS_MEETING, d->m_bun, TL_ANALYSIS_ITEM, d->i_budget,
	    END);
	demo_add(d, TL_K_ANALYSIS, NULL, TL_ANALYSIS_GOAL, d->g_skola,
	    TL_ANALYSIS_PERIOD, "2025", TL_ANALYSIS_ASSESSMENT, "partly_met",
	    TL_ANALYSIS_HAPPENED, "Behörighet och meritvärde ökar för tredje "
	    "året, men inte i den takt som målet kräver.", TL_ANALYSIS_NEXT,
	    "Skolorna redovisar sina analyser till nämnden i april.", END);
	serves(d, d->fu_maluppf, d->g_skola);
}
