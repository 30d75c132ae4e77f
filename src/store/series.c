/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * series.c - what a series carries into a new meeting of it, and the
 * next meeting planned with one step.
 *
 * A meeting a person adds to a series (tl_store_add) starts with the
 * participants of the series' latest meeting before it, in their roles,
 * and with the series' standing agenda as its items, in order.  An
 * import or a restore brings its meetings whole and carries nothing.
 * tl_store_meeting_next plans the meeting after one: as much later as
 * the series repeats (a week when it does not say), the same kind, unit,
 * series, place and length, its title with the new date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "internal.h"

/* Meetings of a series looked at, newest first, for the one before. */
#define LOOK 200

/* The id of the latest meeting of `series` that starts before `starts`
 * (other than `self`) into prev; "" when there is none. */
static enum tl_status meeting_before(struct tl_store *st, const char *series,
				     const char *self, const char *starts,
				     char prev[TL_ID_LEN + 1],
				     struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEETING, .parent = series,
			     .limit = LOOK};
	struct tl_page page = {0};
	enum tl_status rc;

	prev[0] = '\0';
	rc = tl_store_list(st, &q, &page, err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const struct tl_record *m = page.recs[i];
		const char *s = tl_record_get(m, TL_MEETING_STARTS);

		if (!strcmp(m->id, self) || !s || strcmp(s, starts) >= 0)
			continue;
		snprintf(prev, TL_ID_LEN + 1, "%s", m->id);
		break; /* newest first: the first before is the latest */
	}
	tl_page_done(&page);
	return rc;
}

/* The participants of meeting `from`, in their roles, into `to`. */
static enum tl_status carry_participants(struct tl_store *st,
					 const char *from, const char *to,
					 struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PARTICIPANT, .parent = from,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc;

	rc = tl_store_list(st, &q, &page, err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const struct tl_record *p = page.recs[i];
		struct tl_record *n = tl_record_new(TL_K_PARTICIPANT);

		if (!n || !tl_record_set(n, TL_PART_MEETING, to) ||
		    !tl_record_set(n, TL_PART_PERSON,
				   tl_record_get(p, TL_PART_PERSON)) ||
		    !tl_record_set(n, TL_PART_ROLE,
				   tl_record_get(p, TL_PART_ROLE))) {
			tl_record_free(n);
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		rc = tl_store_insert(st, n, err);
		tl_record_free(n);
	}
	tl_page_done(&page);
	return rc;
}

/* Each line of the standing agenda as an item of meeting `to`. */
static enum tl_status carry_agenda(struct tl_store *st, const char *agenda,
				   const char *to, struct tl_error *err)
{
	char *copy = strdup(agenda), *line, *save = NULL;
	enum tl_status rc = TL_OK;

	if (!copy)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (line = strtok_r(copy, "\n", &save); line && rc == TL_OK;
	     line = strtok_r(NULL, "\n", &save)) {
		struct tl_record *item;
		size_t n;

		/* "- Läget", "1. Läget" and "Läget" are the same item. */
		while (*line == ' ' || *line == '\t' || *line == '-' ||
		       *line == '*')
			line++;
		n = strlen(line);
		while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\r' ||
				 line[n - 1] == '\t'))
			line[--n] = '\0';
		if (!*line)
			continue;
		item = tl_record_new(TL_K_ITEM);
		if (!item || !tl_record_set(item, TL_ITEM_MEETING, to) ||
		    !tl_record_set(item, TL_ITEM_TITLE, line)) {
			tl_record_free(item);
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		rc = tl_store_insert(st, item, err);
		tl_record_free(item);
	}
	free(copy);
	return rc;
}

enum tl_status tl_store_add(struct tl_store *st, struct tl_record *r,
			    struct tl_error *err)
{
	const char *series = r->e->kind == TL_K_MEETING
			     ? tl_record_get(r, TL_MEETING_SERIES) : NULL;
	struct tl_record *s = NULL;
	char prev[TL_ID_LEN + 1] = "";
	enum tl_status rc;

	if (!series || !*series)
		return tl_store_insert(st, r, err);
	rc = tl_store_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_insert(st, r, err);
	if (rc == TL_OK)
		rc = tl_store_get(st, TL_K_SERIES, series, &s, err);
	if (rc == TL_OK)
		rc = meeting_before(st, series, r->id,
				    tl_record_str(r, TL_MEETING_STARTS), prev,
				    err);
	if (rc == TL_OK && prev[0])
		rc = carry_participants(st, prev, r->id, err);
	if (rc == TL_OK && tl_record_get(s, TL_SERIES_AGENDA))
		rc = carry_agenda(st, tl_record_get(s, TL_SERIES_AGENDA),
				  r->id, err);
	tl_record_free(s);
	if (rc == TL_OK)
		return tl_store_commit(st, err);
	tl_store_rollback(st);
	return rc;
}

/* "YYYY-MM-DD HH:MM" moved by the series' repeats (a week without), as
 * a person would type it: "+1m 10:00" from that day (a month's 31st
 * becomes a shorter month's last day, as tl_date_parse clamps). */
static enum tl_status later(const char *at, const char *repeats,
			    char out[TL_DATETIME_SIZE], struct tl_error *err)
{
	static const struct {
		const char *repeats, *step;
	} steps[] = {
		{"fortnightly", "+2w"}, {"monthly", "+1m"}, {"quarterly", "+3m"},
	};
	char day[TL_DATE_SIZE], typed[32];
	const char *step = "+1w";

	if (!at || strlen(at) != TL_DATETIME_SIZE - 1)
		return tl_error_set(err, TL_EINVAL, _("The meeting has no "
				    "start to plan the next one from."));
	for (size_t i = 0; repeats && i < sizeof(steps) / sizeof(steps[0]);
	     i++)
		if (!strcmp(repeats, steps[i].repeats))
			step = steps[i].step;
	snprintf(day, sizeof(day), "%.10s", at);
	snprintf(typed, sizeof(typed), "%s %s", step, at + 11);
	return tl_datetime_parse(typed, day, out, err);
}

enum tl_status tl_store_meeting_next(struct tl_store *st, const char *id,
				     struct tl_record **out,
				     struct tl_error *err)
{
	struct tl_record *m = NULL, *s = NULL, *n = NULL;
	char starts[TL_DATETIME_SIZE], ends[TL_DATETIME_SIZE] = "";
	const char *series;
	enum tl_status rc;

	*out = NULL;
	rc = tl_store_get(st, TL_K_MEETING, id, &m, err);
	if (rc != TL_OK)
		return rc;
	series = tl_record_get(m, TL_MEETING_SERIES);
	if (!series) {
		tl_record_free(m);
		return tl_error_set(err, TL_EREFUSED, _("The meeting belongs to "
				    "no series, so there is no next one to "
				    "plan; give it one with --series."));
	}
	rc = tl_store_get(st, TL_K_SERIES, series, &s, err);
	if (rc == TL_OK)
		rc = later(tl_record_get(m, TL_MEETING_STARTS),
			   tl_record_get(s, TL_SERIES_REPEATS), starts, err);
	if (rc == TL_OK && tl_record_get(m, TL_MEETING_ENDS))
		rc = later(tl_record_get(m, TL_MEETING_ENDS),
			   tl_record_get(s, TL_SERIES_REPEATS), ends, err);
	if (rc == TL_OK && !(n = tl_record_new(TL_K_MEETING)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK) {
		char title[512];

		/* The series' name and the day: "Arbetsplatsträff
		 * 2026-12-07". */
		snprintf(title, sizeof(title), "%s %.10s",
			 tl_record_str(s, TL_SERIES_TITLE), starts);
		if (!tl_record_set(n, TL_MEETING_TITLE, title) ||
		    !tl_record_set(n, TL_MEETING_KIND,
				   tl_record_get(m, TL_MEETING_KIND)) ||
		    !tl_record_set(n, TL_MEETING_UNIT,
				   tl_record_get(m, TL_MEETING_UNIT)) ||
		    !tl_record_set(n, TL_MEETING_SERIES, series) ||
		    !tl_record_set(n, TL_MEETING_STARTS, starts) ||
		    !tl_record_set(n, TL_MEETING_ENDS, ends[0] ? ends : NULL) ||
		    !tl_record_set(n, TL_MEETING_LOCATION,
				   tl_record_get(m, TL_MEETING_LOCATION)))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK)
		rc = tl_store_add(st, n, err);
	tl_record_free(m);
	tl_record_free(s);
	if (rc != TL_OK) {
		tl_record_free(n);
		return rc;
	}
	*out = n;
	return TL_OK;
}
