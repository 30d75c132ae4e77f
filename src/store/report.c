/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report.c - anmälan av delegationsbeslut: which committee meeting
 * reports each delegated decision, once, whatever engine holds them.
 *
 * A decision goes to the first meeting of its committee (a committee
 * meeting of the unit that gave its mandate, not cancelled, in the order
 * of the meetings' start and id) that is open to it: neither under
 * justering nor signed, and on or after the day the decision was
 * registered (its created_at, a UTC timestamp, taken as a local day).
 * So a decision registered after a meeting was signed, even one dated
 * before it, goes to a later meeting, never into signed minutes.
 *
 * While a meeting is open, what it reports is worked out from that rule
 * every time it is read.  When its justering starts, the decisions that
 * go to it are claimed (their reported_in is the meeting, written by the
 * store only, and locked with it by rules.c and the triggers), and from
 * then on it reports exactly those.  Reopening justering releases them.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tillit/core/i18n.h"
#include "backend.h"
#include "internal.h"

/* A decision comes to a meeting's justering at most this many at once
 * in memory; more are claimed in further rounds. */
#define CLAIM_ROUND 500

/*
 * The start of the local day after `date` ("YYYY-MM-DD...") into
 * stamp[32] as a UTC timestamp, and that day as "YYYY-MM-DD" into
 * next[11] (may be NULL).  False for a date that does not read.
 */
static bool day_after(const char *date, char stamp[32], char *next)
{
	struct tm tm = {0}, utc;
	int y, m, d;
	time_t t;

	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + 1;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || !gmtime_r(&t, &utc))
		return false;
	strftime(stamp, 32, "%Y-%m-%dT%H:%M:%SZ", &utc);
	if (next)
		strftime(next, 11, "%Y-%m-%d", &tm);
	return true;
}

/* *open when the meeting m may still be given decisions: not cancelled,
 * not signed, and not under justering (held, frozen or with a
 * signature). */
static enum tl_status is_open(struct tl_store *st, const struct tl_record *m,
			      bool *open, struct tl_error *err)
{
	const char *status = tl_record_str(m, TL_MEETING_STATUS);
	struct tl_query q = {.kind = TL_K_SIGNATURE, .parent = m->id};
	const struct tl_eq eq = {TL_SEAL_MEETING, m->id};
	enum tl_status rc;
	bool frozen = false;
	long n = 0;

	*open = !strcmp(status, "planned") || !strcmp(status, "open") ||
		!strcmp(status, "held");
	if (!*open || strcmp(status, "held"))
		return TL_OK;
	rc = st->ops->count(st, &q, &n, err);
	if (rc == TL_OK && n == 0)
		rc = st->ops->find(st, TL_K_SEAL, &eq, 1, NULL, NULL, &frozen,
				   err);
	*open = rc == TL_OK && n == 0 && !frozen;
	return rc;
}

/* True when meeting a comes before meeting b: by start, then by id. */
static bool before(const struct tl_record *a, const struct tl_record *b)
{
	int c = strcmp(tl_record_str(a, TL_MEETING_STARTS),
		       tl_record_str(b, TL_MEETING_STARTS));

	return c < 0 || (c == 0 && strcmp(a->id, b->id) < 0);
}

/*
 * The day of the latest meeting of m's committee before m that is open
 * to decisions, into day[11] ("" when there is none): a decision
 * registered on or before it goes there, or earlier.
 */
static enum tl_status previous_open(struct tl_store *st,
				    const struct tl_record *m, char day[11],
				    const char *next_day, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEETING,
			     .unit = tl_record_get(m, TL_MEETING_UNIT),
			     .kindv = "committee", .to = next_day};
	const struct tl_record *x;
	struct tl_iter *it = NULL;
	enum tl_status rc;
	bool open = false;

	day[0] = '\0';
	/* Latest first: the meetings' list order. */
	rc = st->ops->iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = st->ops->iter_next(it, &x, err)) == TL_OK &&
	       x) {
		if (!before(x, m))
			continue;
		rc = is_open(st, x, &open, err);
		if (rc == TL_OK && open) {
			snprintf(day, 11, "%.10s",
				 tl_record_str(x, TL_MEETING_STARTS));
			break;
		}
	}
	if (it)
		st->ops->iter_free(it);
	return rc;
}

enum tl_status tl_store_report_scope(struct tl_store *st,
				     const char *meeting_id,
				     struct tl_report_scope *out,
				     struct tl_error *err)
{
	struct tl_record *m = NULL;
	const char *unit;
	char prev[11], next[11];
	enum tl_status rc;
	bool open = false;

	memset(out, 0, sizeof(*out));
	rc = st->ops->get(st, TL_K_MEETING, meeting_id, &m, err);
	if (rc == TL_OK && !m)
		return tl_error_set(err, TL_EINVAL,
				    _("Meeting: no meeting has the id %s."),
				    meeting_id);
	if (rc != TL_OK)
		return rc;
	snprintf(out->meeting, sizeof(out->meeting), "%s", m->id);
	unit = tl_record_get(m, TL_MEETING_UNIT);
	if (unit && !strcmp(tl_record_str(m, TL_MEETING_KIND), "committee"))
		rc = is_open(st, m, &open, err);
	if (rc == TL_OK && open &&
	    day_after(tl_record_str(m, TL_MEETING_STARTS), out->to, next)) {
		rc = previous_open(st, m, prev, next, err);
		if (rc == TL_OK && prev[0] &&
		    !day_after(prev, out->from, NULL))
			open = false;
		if (rc == TL_OK && open)
			snprintf(out->unit, sizeof(out->unit), "%s", unit);
	}
	tl_record_free(m);
	return rc;
}

/*
 * Sets reported_in of up to CLAIM_ROUND decisions that q selects and
 * whose reported_in is not yet `to` (NULL: release them), each with its
 * audit row; *n is how many.
 */
static enum tl_status claim_round(struct tl_store *st,
				  const struct tl_query *q, const char *to,
				  long *n, struct tl_error *err)
{
	char (*ids)[TL_ID_LEN + 1] = malloc(CLAIM_ROUND * sizeof(*ids));
	const struct tl_record *d;
	struct tl_iter *it = NULL;
	enum tl_status rc;
	int k = 0;

	*n = 0;
	if (!ids)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* The ids first: no write while the list is being read. */
	rc = st->ops->iter_new(st, q, &it, err);
	while (rc == TL_OK && k < CLAIM_ROUND &&
	       (rc = st->ops->iter_next(it, &d, err)) == TL_OK && d) {
		const char *was = d->values[TL_DECISION_REPORTED_IN];
		if (to ? !was : !!was)
			memcpy(ids[k++], d->id, TL_ID_LEN + 1);
	}
	if (it)
		st->ops->iter_free(it);
	for (int i = 0; rc == TL_OK && i < k; i++) {
		struct tl_record *r = NULL;
		rc = st->ops->get(st, TL_K_DECISION, ids[i], &r, err);
		if (rc == TL_OK && r &&
		    !tl_record_set(r, TL_DECISION_REPORTED_IN, to))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
		if (rc == TL_OK && r)
			rc = tl_update_internal(st, r, err);
		tl_record_free(r);
	}
	free(ids);
	if (rc == TL_OK)
		*n = k;
	return rc;
}

/* Claims (to: the meeting) or releases (to NULL) what q selects. */
static enum tl_status set_claims(struct tl_store *st,
				 const struct tl_query *q, const char *to,
				 long *total, struct tl_error *err)
{
	enum tl_status rc = tl_sp_begin(st, err);
	long n = CLAIM_ROUND;

	if (total)
		*total = 0;
	if (rc != TL_OK)
		return rc;
	while (rc == TL_OK && n == CLAIM_ROUND) {
		rc = claim_round(st, q, to, &n, err);
		if (rc == TL_OK && total)
			*total += n;
	}
	return tl_sp_end(st, rc, err);
}

enum tl_status tl_store_claim_reported(struct tl_store *st,
				       const char *meeting_id, long *n,
				       struct tl_error *err)
{
	struct tl_report_scope scope;
	struct tl_query q = {.kind = TL_K_DECISION, .reported = &scope};
	enum tl_status rc;

	if (n)
		*n = 0;
	rc = tl_store_report_scope(st, meeting_id, &scope, err);
	if (rc != TL_OK || !scope.unit[0])
		return rc;
	return set_claims(st, &q, scope.meeting, n, err);
}

enum tl_status tl_release_reported(struct tl_store *st,
				   const char *meeting_id,
				   struct tl_error *err)
{
	struct tl_report_scope scope = {0};
	struct tl_query q = {.kind = TL_K_DECISION, .reported = &scope};

	snprintf(scope.meeting, sizeof(scope.meeting), "%s", meeting_id);
	return set_claims(st, &q, NULL, NULL, err);
}
