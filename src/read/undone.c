/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * undone.c - report-backs due and decisions not yet carried out
 * (undone.h).
 */
#include "tillit/read/undone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/rules.h"

enum tl_status tl_report_due_of(struct tl_store *st, const struct tl_record *m,
				const char *today, struct tl_report_due *out,
				struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_REPORT_BACK, .parent = m->id,
			     .limit = 1};
	struct tl_page page = {0};
	const char *every = tl_record_get(m, TL_MANDATE_REPORT_EVERY);
	const char *since;
	enum tl_status rc;

	memset(out, 0, sizeof(*out));
	if (!every)
		return TL_ENOTFOUND;
	/* The newest first: report-backs sort by day, descending. */
	rc = tl_store_list(st, &q, &page, err);
	if (rc != TL_OK)
		return rc;
	if (page.n > 0)
		snprintf(out->last, sizeof(out->last), "%s",
			 tl_record_str(page.recs[0], TL_RB_REPORTED_ON));
	tl_page_done(&page);
	since = out->last[0] ? out->last
		: tl_record_get(m, TL_MANDATE_VALID_FROM);
	if (!since) {
		char made[TL_DATE_SIZE];

		snprintf(made, sizeof(made), "%.10s", m->created_at);
		tl_rules_report_due(every, made, out->due);
	} else {
		tl_rules_report_due(every, since, out->due);
	}
	out->overdue = out->due[0] && strcmp(out->due, today) < 0;
	return TL_OK;
}

static int by_due(const void *a, const void *b)
{
	const struct tl_report_due *x = a, *y = b;
	int c = strcmp(x->due, y->due);

	return c ? c : strcmp(x->mandate->id, y->mandate->id);
}

enum tl_status tl_reports_due(struct tl_store *st, const struct tl_query *q,
			      const char *today, bool overdue_only, int max,
			      struct tl_report_due **out, int *n,
			      struct tl_error *err)
{
	struct tl_query mq = *q;
	struct tl_page page = {0};
	struct tl_report_due *v = NULL;
	enum tl_status rc;

	*out = NULL;
	*n = 0;
	mq.kind = TL_K_MANDATE;
	mq.open = true;
	mq.limit = 1000;
	rc = tl_store_list(st, &mq, &page, err);
	if (rc == TL_OK && page.n > 0 &&
	    !(v = calloc((size_t)page.n, sizeof(*v))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		struct tl_report_due d;
		enum tl_status r = tl_report_due_of(st, page.recs[i], today,
						    &d, err);

		if (r == TL_ENOTFOUND)
			continue;
		rc = r;
		if (rc != TL_OK || (overdue_only && !d.overdue))
			continue;
		d.mandate = page.recs[i];
		page.recs[i] = NULL; /* now v's */
		v[(*n)++] = d;
	}
	tl_page_done(&page);
	if (rc != TL_OK) {
		tl_report_due_free(v, *n);
		*n = 0;
		return rc;
	}
	if (*n > 1)
		qsort(v, (size_t)*n, sizeof(*v), by_due);
	if (*n > max) {
		for (int i = max; i < *n; i++)
			tl_record_free(v[i].mandate);
		*n = max;
	}
	*out = v;
	return TL_OK;
}

void tl_report_due_free(struct tl_report_due *v, int n)
{
	for (int i = 0; v && i < n; i++)
		tl_record_free(v[i].mandate);
	free(v);
}
