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
#include "tillit/core/meeting.h"
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

struct last_ctx {
	const char *const *ids;
	int n, missing;
	char (*last)[TL_DATE_SIZE];
};

/* Newest first: a mandate's first report-back is its last. */
static bool take_last(void *ctx, const struct tl_record *r)
{
	struct last_ctx *c = ctx;
	const char *m = tl_record_str(r, TL_RB_MANDATE);

	for (int i = 0; i < c->n; i++)
		if (!c->last[i][0] && !strcmp(c->ids[i], m)) {
			snprintf(c->last[i], TL_DATE_SIZE, "%s",
				 tl_record_str(r, TL_RB_REPORTED_ON));
			c->missing--;
		}
	return c->missing > 0;
}

enum tl_status tl_reports_last(struct tl_store *st,
			       const char *const *mandates, int n,
			       char (*last)[TL_DATE_SIZE],
			       struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_REPORT_BACK, .parents = mandates,
			     .nparents = n};
	struct last_ctx c = {.ids = mandates, .n = n, .missing = n,
			     .last = last};

	for (int i = 0; i < n; i++)
		last[i][0] = '\0';
	return n > 0 ? tl_store_each(st, &q, take_last, &c, err) : TL_OK;
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

/* The meeting's items' titles, to leave out offers taken already. */
static enum tl_status has_item(struct tl_store *st, const char *meeting,
			       const char *title, bool *yes,
			       struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_ITEM, .parent = meeting,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	*yes = false;
	for (int i = 0; rc == TL_OK && i < page.n && !*yes; i++)
		*yes = !strcmp(tl_record_str(page.recs[i], TL_ITEM_TITLE),
			       title);
	tl_page_done(&page);
	return rc;
}

/* Adds an offer unless the meeting has its item already, or it was
 * dropped from the meeting. */
static enum tl_status offer(struct tl_store *st, const struct tl_record *m,
			    struct tl_agenda_offer *v, int *n, int max,
			    enum tl_kind kind, const char *id,
			    const char *due, const char *title,
			    struct tl_error *err)
{
	bool taken = false;
	enum tl_status rc;

	if (*n >= max || tl_meeting_offer_dropped(m, id))
		return TL_OK;
	rc = has_item(st, m->id, title, &taken, err);
	if (rc != TL_OK || taken)
		return rc;
	snprintf(v[*n].title, sizeof(v[*n].title), "%s", title);
	v[*n].kind = kind;
	snprintf(v[*n].id, sizeof(v[*n].id), "%s", id);
	snprintf(v[*n].due, sizeof(v[*n].due), "%s", due ? due : "");
	(*n)++;
	return TL_OK;
}

/* Whether meeting m is the next of its unit's, from today on. */
static enum tl_status is_next(struct tl_store *st, const struct tl_record *m,
			      const char *today, bool *yes,
			      struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEETING, .from = today,
			     .reverse = true, .limit = 50,
			     .unit = tl_record_get(m, TL_MEETING_UNIT)};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	*yes = false;
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const char *status = tl_record_str(page.recs[i],
						   TL_MEETING_STATUS);

		if (strcmp(status, "planned") && strcmp(status, "open"))
			continue;
		*yes = !strcmp(page.recs[i]->id, m->id);
		break;
	}
	tl_page_done(&page);
	return rc;
}

/* The open executions for m: those naming it, or the unit's due by
 * the meeting's day. */
static enum tl_status executions(struct tl_store *st,
				 const struct tl_record *m, const char *day,
				 struct tl_agenda_offer *v, int *n, int max,
				 struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_EXECUTION, .open = true,
			     .limit = 1000};
	struct tl_page page = {0};
	const char *unit = tl_record_str(m, TL_MEETING_UNIT);
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const struct tl_record *x = page.recs[i];
		const char *to = tl_record_get(x, TL_EXEC_REPORT_TO);
		const char *due = tl_record_get(x, TL_EXEC_DUE);
		struct tl_record *item = NULL, *im = NULL;
		char title[600];

		if (to ? strcmp(to, m->id) : !due || strcmp(due, day) > 0)
			continue;
		rc = tl_store_get(st, TL_K_ITEM, tl_record_str(x,
				  TL_EXEC_ITEM), &item, err);
		if (rc == TL_OK && !to)
			rc = tl_store_get(st, TL_K_MEETING, tl_record_str(item,
					  TL_ITEM_MEETING), &im, err);
		if (rc == TL_OK && (to || !strcmp(tl_record_str(im,
						  TL_MEETING_UNIT), unit))) {
			snprintf(title, sizeof(title), _("Report on carrying "
				 "out § %s %s"), tl_record_str(item,
				 TL_ITEM_NUMBER), tl_record_str(item,
				 TL_ITEM_TITLE));
			rc = offer(st, m, v, n, max, TL_K_EXECUTION, x->id,
				   due, title, err);
		}
		tl_record_free(item);
		tl_record_free(im);
	}
	tl_page_done(&page);
	return rc;
}

enum tl_status tl_agenda_offers(struct tl_store *st, const char *meeting,
				const char *today, int max,
				struct tl_agenda_offer **out, int *n,
				struct tl_error *err)
{
	struct tl_record *m = NULL;
	struct tl_agenda_offer *v = NULL;
	struct tl_report_due *due = NULL;
	char day[TL_DATE_SIZE];
	int ndue = 0;
	bool next = false;
	enum tl_status rc;

	*out = NULL;
	*n = 0;
	rc = tl_store_get(st, TL_K_MEETING, meeting, &m, err);
	if (rc != TL_OK)
		return rc;
	if (strcmp(tl_record_str(m, TL_MEETING_KIND), "committee") ||
	    !tl_record_get(m, TL_MEETING_UNIT) || max <= 0) {
		tl_record_free(m);
		return TL_OK;
	}
	snprintf(day, sizeof(day), "%.10s", tl_record_str(m,
		 TL_MEETING_STARTS));
	rc = is_next(st, m, today, &next, err);
	if (rc == TL_OK && next &&
	    !(v = calloc((size_t)max, sizeof(*v))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && next) {
		struct tl_query q = {.kind = TL_K_MANDATE,
				     .unit = tl_record_get(m,
							   TL_MEETING_UNIT)};

		rc = tl_reports_due(st, &q, day, false, max, &due, &ndue,
				    err);
	}
	for (int i = 0; rc == TL_OK && i < ndue; i++) {
		char title[600];

		/* Due by the meeting's day: overdue as of that day, or due
		 * on it. */
		if (strcmp(due[i].due, day) > 0)
			continue;
		snprintf(title, sizeof(title), _("Report-back: %s"),
			 tl_record_str(due[i].mandate, TL_MANDATE_MATTER));
		rc = offer(st, m, v, n, max, TL_K_MANDATE,
			   due[i].mandate->id, due[i].due, title, err);
	}
	tl_report_due_free(due, ndue);
	if (rc == TL_OK && next)
		rc = executions(st, m, day, v, n, max, err);
	tl_record_free(m);
	if (rc != TL_OK) {
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return TL_OK;
}
