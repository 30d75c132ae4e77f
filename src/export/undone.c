/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * undone.c - decisions not yet carried out and report-backs overdue
 * (undone.h): what municipal auditors look for first.
 */
#include "tillit/export/undone.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/read/undone.h"

/* Whether item's meeting is unit's (any unit when unit is NULL); its
 * meeting into *m (caller frees). */
static enum tl_status of_unit(struct tl_store *st, const struct tl_record *item,
			      const char *unit, struct tl_record **m,
			      bool *yes, struct tl_error *err)
{
	enum tl_status rc = tl_store_get(st, TL_K_MEETING,
					 tl_record_str(item, TL_ITEM_MEETING),
					 m, err);

	*yes = rc == TL_OK && (!unit || !strcmp(tl_record_str(*m,
							      TL_MEETING_UNIT),
						unit));
	return rc;
}

/* The open executions of unit's decisions, a block each. */
static enum tl_status decisions(struct tl_store *st, struct tl_doc *d,
				struct tl_refs *refs, const char *unit,
				const char *today, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_EXECUTION, .open = true,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);
	int shown = 0;

	tl_doc_section(d, _("Decisions not yet carried out"));
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const struct tl_record *x = page.recs[i];
		const char *due = tl_record_get(x, TL_EXEC_DUE);
		const char *to = tl_record_get(x, TL_EXEC_REPORT_TO);
		struct tl_record *item = NULL, *m = NULL;
		bool yes = false;
		char *s;

		rc = tl_store_get(st, TL_K_ITEM, tl_record_str(x,
				  TL_EXEC_ITEM), &item, err);
		if (rc == TL_OK)
			rc = of_unit(st, item, unit, &m, &yes, err);
		if (rc == TL_OK && yes) {
			s = tl_doc_printf(d, "§ %s %s", tl_record_str(item,
					  TL_ITEM_NUMBER), tl_record_str(item,
					  TL_ITEM_TITLE));
			tl_doc_block(d, s);
			free(s);
			s = tl_doc_printf(d, "%s, %.10s", tl_record_str(m,
					  TL_MEETING_TITLE), tl_record_str(m,
					  TL_MEETING_STARTS));
			tl_doc_field(d, _("Decided at"), s);
			free(s);
			tl_doc_field(d, _("Case"), tl_record_get(item,
				     TL_ITEM_CASE_REF));
			tl_doc_field(d, _("Owner"), tl_refs_title(refs,
				     TL_K_PERSON, tl_record_str(x,
				     TL_EXEC_OWNER)));
			tl_doc_field(d, _("Due"), due);
			tl_doc_field(d, _("Report to"), to ? tl_refs_title(refs,
				     TL_K_MEETING, to) : NULL);
			tl_doc_labelled(d, _("Decision"), tl_record_get(item,
					TL_ITEM_DECISION));
			if (due && strcmp(due, today) < 0)
				tl_doc_flag(d, _("Overdue"), _("the day it "
					    "was to be carried out has "
					    "passed"));
			shown++;
		}
		tl_record_free(item);
		tl_record_free(m);
	}
	tl_page_done(&page);
	if (rc == TL_OK && shown == 0)
		tl_doc_para(d, _("None: every decision with an owner is "
			    "carried out."));
	return rc;
}

/* The mandates unit gave whose report-back is overdue. */
static enum tl_status reports(struct tl_store *st, struct tl_doc *d,
			      struct tl_refs *refs, const char *unit,
			      const char *today, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MANDATE, .unit = unit};
	struct tl_report_due *due = NULL;
	int n = 0;
	enum tl_status rc = tl_reports_due(st, &q, today, true, 1000, &due,
					   &n, err);

	tl_doc_section(d, _("Mandates whose report-back is overdue"));
	for (int i = 0; rc == TL_OK && i < n; i++) {
		const struct tl_record *m = due[i].mandate;

		tl_doc_block(d, tl_record_str(m, TL_MANDATE_MATTER));
		tl_doc_field(d, _("Held by"), tl_refs_title(refs, TL_K_PERSON,
			     tl_record_str(m, TL_MANDATE_GIVEN_TO)));
		tl_doc_field(d, _("Reports every"), _(tl_record_str(m,
			     TL_MANDATE_REPORT_EVERY)));
		tl_doc_field(d, _("Last report-back"), due[i].last[0]
			     ? due[i].last : _("none yet"));
		tl_doc_field(d, _("Due"), due[i].due);
		tl_doc_field(d, _("Case"), tl_record_get(m,
			     TL_MANDATE_CASE_REF));
	}
	if (rc == TL_OK && n == 0)
		tl_doc_para(d, _("None: every mandate has reported back in "
			    "time."));
	tl_report_due_free(due, n);
	return rc;
}

enum tl_status tl_undone_write_doc(struct tl_store *st, const char *unit,
				   const struct tl_doc_ops *ops, FILE *out,
				   struct tl_error *err)
{
	struct tl_refs refs;
	struct tl_doc d;
	char today[TL_DATE_SIZE], *title;
	enum tl_status rc;

	tl_error_clear(err);
	tl_clock_today(today);
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	tl_doc_init(&d, ops, out);
	title = tl_doc_printf(&d, _("Not yet carried out, %s: %s"), today,
			      unit ? tl_refs_title(&refs, TL_K_UNIT, unit)
				   : _("every unit"));
	tl_doc_title(&d, title);
	free(title);
	rc = decisions(st, &d, &refs, unit, today, err);
	if (rc == TL_OK)
		rc = reports(st, &d, &refs, unit, today, err);
	tl_store_read_end(st);
	tl_doc_end(&d);
	if (rc == TL_OK && d.oom)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && ferror(out))
		rc = tl_error_set(err, TL_ESYS, _("Cannot write the report."));
	tl_doc_done(&d);
	tl_refs_done(&refs);
	return rc;
}
