/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * undone.h - what was delegated or decided and is not yet reported back
 * or carried out (issue 18, point 5): the report-backs a mandate's
 * cadence makes due, read the same way by the Overview, `mandate show`
 * and `tillit export undone`.
 */
#ifndef TILLIT_READ_UNDONE_H
#define TILLIT_READ_UNDONE_H

#include <stdbool.h>

#include "tillit/core/date.h"
#include "tillit/core/id.h"
#include "tillit/store/store.h"

/* A mandate's next report-back. */
struct tl_report_due {
	struct tl_record *mandate;
	char last[TL_DATE_SIZE]; /* the last report-back's day, or "" */
	char due[TL_DATE_SIZE];  /* when the next one falls due */
	bool overdue;            /* due before today */
};

/*
 * The next report-back of mandate m as of `today` into *out (its
 * mandate left NULL): due at its cadence (report_every) after the last
 * report-back, else after the day it took effect (valid_from, else the
 * day it was made).  TL_ENOTFOUND when it has no cadence.
 */
enum tl_status tl_report_due_of(struct tl_store *st, const struct tl_record *m,
				const char *today, struct tl_report_due *out,
				struct tl_error *err);

/*
 * The day of the last report-back of each of mandates[0..n-1] (full
 * ids, n at most TL_QUERY_PARENTS) into last[i], "" for none: the
 * delegation register's column, in one query whatever n is.
 */
enum tl_status tl_reports_last(struct tl_store *st,
			       const char *const *mandates, int n,
			       char (*last)[TL_DATE_SIZE],
			       struct tl_error *err);

/*
 * The active mandates of q (a query of mandates: by holder, by the unit
 * that gave them) that have a cadence, with their next report-back, at
 * most max into *out (tl_report_due_free), the soonest due first; with
 * `overdue_only` those due before today alone.
 */
enum tl_status tl_reports_due(struct tl_store *st, const struct tl_query *q,
			      const char *today, bool overdue_only, int max,
			      struct tl_report_due **out, int *n,
			      struct tl_error *err);
void tl_report_due_free(struct tl_report_due *v, int n);

/* An agenda item a meeting is offered: its title, and the mandate or
 * execution it reports on. */
struct tl_agenda_offer {
	char title[600];
	enum tl_kind kind;            /* TL_K_MANDATE or TL_K_EXECUTION */
	char id[TL_ID_LEN + 1];
	char due[TL_DATE_SIZE];
};

/*
 * What the committee meeting `meeting` (a full id) is offered for its
 * agenda as of `today`, when it is its unit's next meeting (the first of
 * those planned or open from today): a report-back ("Report-back: ...")
 * for each active mandate the unit gave that falls due by the meeting's
 * day, and a report on carrying out ("Report on carrying out § N ...")
 * for each open execution that names the meeting, or of the unit's
 * decisions that falls due by that day and names none.  An offer whose
 * title an item of the meeting has already is taken; one the secretary
 * dropped from the meeting (tl_store_meeting_drop_offer) is not offered
 * to it again.  At most max into
 * *out (caller frees), their number into *n; none for another meeting.
 */
enum tl_status tl_agenda_offers(struct tl_store *st, const char *meeting,
				const char *today, int max,
				struct tl_agenda_offer **out, int *n,
				struct tl_error *err);

#endif
