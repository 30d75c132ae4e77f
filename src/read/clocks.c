/*
 * clocks.c - a committee meeting's legal clocks as people read them
 * (read/clocks.h).
 */
#include "tillit/read/clocks.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/store/clocks.h"

/* "today", "in 3 days" or "3 days overdue", into buf. */
static const char *days_phrase(long left, char *buf, size_t size)
{
	if (left == 0)
		snprintf(buf, size, "%s", _("today"));
	else if (left > 0)
		snprintf(buf, size, ngettext("in %ld day", "in %ld days",
					     (unsigned long)left), left);
	else
		snprintf(buf, size, ngettext("%ld day overdue",
					     "%ld days overdue",
					     (unsigned long)-left), -left);
	return buf;
}

/*
 * What a deadline of `days` from `from` says besides its date: the
 * period (`what`, translated) and, when the law's days off moved it,
 * from which day and why.
 */
static void period(const char *from, long days, const char *deadline,
		   const char *what, char *buf, size_t size)
{
	char raw[TL_DATE_SIZE];
	const char *why;

	if (tl_date_add(from, days, raw) && strcmp(raw, deadline) &&
	    (why = tl_day_off(raw)))
		/* TRANSLATORS: "14 days after the meeting; 2026-12-31 is
		 * New Year's Eve" */
		snprintf(buf, size, _("%s; %s is %s"), what, raw, _(why));
	else
		snprintf(buf, size, "%s", what);
}

static void line(struct tl_clock_line *l, const char *label, bool late,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void line(struct tl_clock_line *l, const char *label, bool late,
		 const char *fmt, ...)
{
	va_list ap;

	l->label = label;
	l->late = late;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof(l->text), fmt, ap);
	va_end(ap);
}

/* Adds to l, a step taken on `done`, how late it was for `due`. */
static void late(struct tl_clock_line *l, const char *done, const char *due)
{
	long days = tl_date_diff(due, done);
	size_t len = strlen(l->text);
	char how[96];

	if (days <= 0)
		return;
	snprintf(how, sizeof(how), ngettext("%ld day late; due %s",
					    "%ld days late; due %s",
					    (unsigned long)days), days, due);
	snprintf(l->text + len, sizeof(l->text) - len, " (%s)", how);
}

enum tl_status tl_clock_lines(struct tl_store *st, const struct tl_record *m,
			      const char *today,
			      struct tl_clock_line out[TL_CLOCK_LINES], int *n,
			      struct tl_error *err)
{
	char why[TL_CLOCK_TEXT / 2], when[64];
	struct tl_clocks c;
	bool applies = false;
	long left;
	enum tl_status rc = tl_store_clocks(st, m, &c, &applies, NULL, err);

	*n = 0;
	if (rc != TL_OK || !applies)
		return rc;
	period(c.held, TL_JUSTERING_DAYS, c.justering_due,
	       _("14 days after the meeting"), why, sizeof(why));
	if (c.justered[0]) {
		line(&out[(*n)++], _("Justered"), false, "%s", c.justered);
		late(&out[*n - 1], c.justered, c.justering_due);
	} else {
		left = tl_date_diff(today, c.justering_due);
		line(&out[(*n)++], _("Justering due"), left < 0, "%s (%s), %s",
		     c.justering_due, why,
		     days_phrase(left, when, sizeof(when)));
	}
	if (c.posted[0] && c.justered[0]) {
		line(&out[(*n)++], _("Notice posted"), false, "%s", c.posted);
		if (tl_deadline(c.justered, TL_NOTICE_DAYS, c.notice_due))
			late(&out[*n - 1], c.posted, c.notice_due);
	} else if (c.posted[0]) {
		line(&out[(*n)++], _("Notice posted"), false, "%s", c.posted);
	} else if (c.justered[0]) {
		period(c.justered, TL_NOTICE_DAYS, c.notice_due,
		       _("the second day after justering"), why, sizeof(why));
		left = tl_date_diff(today, c.notice_due);
		line(&out[(*n)++], _("Notice due"), left < 0, "%s (%s), %s",
		     c.notice_due, why, days_phrase(left, when, sizeof(when)));
	} else {
		line(&out[(*n)++], _("Notice due"), false, "%s",
		     _("the second day after justering"));
	}
	if (c.posted[0]) {
		period(c.posted, TL_APPEAL_DAYS, c.appeal_ends,
		       _("three weeks after the notice"), why, sizeof(why));
		line(&out[(*n)++], _("Appeal window ends"), false, "%s (%s)",
		     c.appeal_ends, why);
		line(&out[(*n)++], _("Decisions stand from"), false,
		     _("%s, unless appealed"), c.stands);
	} else {
		line(&out[(*n)++], _("Appeal window ends"), false, "%s",
		     _("three weeks after the notice"));
	}
	return TL_OK;
}

int tl_decision_clock_lines(const struct tl_record *dec, const char *today,
			    struct tl_clock_line out[TL_CLOCK_LINES])
{
	char why[TL_CLOCK_TEXT / 2], when[64];
	struct tl_clocks c;
	long left;

	if (!tl_clocks_announced(tl_record_get(dec, TL_DECISION_ANNOUNCED_ON),
				 &c))
		return 0;
	line(&out[0], _("Notice posted"), false, "%s", c.posted);
	period(c.posted, TL_APPEAL_DAYS, c.appeal_ends,
	       _("three weeks after the notice"), why, sizeof(why));
	left = tl_date_diff(today, c.appeal_ends);
	if (left >= 0)
		line(&out[1], _("Appeal window ends"), false, "%s (%s), %s",
		     c.appeal_ends, why, days_phrase(left, when, sizeof(when)));
	else
		line(&out[1], _("Appeal window ends"), false, "%s (%s)",
		     c.appeal_ends, why);
	line(&out[2], _("Decision stands from"), false, _("%s, unless it is "
	     "appealed"), c.stands);
	return 3;
}

/* My role in meeting_id is secretary or chair. */
static enum tl_status keeps_minutes(struct tl_store *st,
				    const char *meeting_id,
				    const char *person, bool *yes,
				    struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PARTICIPANT, .parent = meeting_id,
			     .owner = person, .limit = 20};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	*yes = false;
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const char *role = tl_record_get(page.recs[i], TL_PART_ROLE);

		*yes |= role && (!strcmp(role, "secretary") ||
				 !strcmp(role, "chair"));
	}
	tl_page_done(&page);
	return rc;
}

/* Adds m to *out when a step is due within `within` days. */
static enum tl_status consider(struct tl_store *st, const struct tl_record *m,
			       const char *today, long within,
			       struct tl_clock_due_item **out, int *n,
			       struct tl_error *err)
{
	struct tl_clock_due_item *grown, *it;
	struct tl_clocks c;
	bool applies = false;
	long left = 0;
	enum tl_clock_due due;
	const char *title = tl_record_str(m, TL_MEETING_TITLE);
	char when[64];
	enum tl_status rc = tl_store_clocks(st, m, &c, &applies, NULL, err);

	if (rc != TL_OK || !applies)
		return rc;
	due = tl_clocks_due(&c, today, &left);
	if (due == TL_DUE_NOTHING || left > within)
		return TL_OK;
	grown = realloc(*out, (size_t)(*n + 1) * sizeof(**out));
	if (!grown)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	*out = grown;
	it = &grown[*n];
	memset(it, 0, sizeof(*it));
	if (!(it->title = strdup(title)))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	(*n)++;
	snprintf(it->meeting, sizeof(it->meeting), "%s", m->id);
	it->due = due;
	it->days_left = left;
	snprintf(it->by, sizeof(it->by), "%s",
		 due == TL_DUE_JUSTERING ? c.justering_due : c.notice_due);
	days_phrase(left, when, sizeof(when));
	if (due == TL_DUE_JUSTERING)
		snprintf(it->text, sizeof(it->text), _("Justering of %s: due "
			 "%s, %s."), title, it->by, when);
	else
		snprintf(it->text, sizeof(it->text), _("Notice of the "
			 "justering of %s: due %s, %s."), title, it->by, when);
	return TL_OK;
}

static int by_soonest(const void *a, const void *b)
{
	const struct tl_clock_due_item *x = a, *y = b;

	return x->days_left < y->days_left ? -1 :
	       x->days_left > y->days_left ? 1 : strcmp(x->meeting, y->meeting);
}

enum tl_status tl_clocks_due_for(struct tl_store *st, const char *person,
				 const char *today, long within,
				 struct tl_clock_due_item **out, int *n,
				 struct tl_error *err)
{
	char from[TL_DATE_SIZE], to[TL_DATE_SIZE];
	struct tl_query q = {.kind = TL_K_MEETING, .person = person,
			     .kindv = "committee", .from = from, .to = to,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc;

	*out = NULL;
	*n = 0;
	if (!person || !tl_date_add(today, -120, from) ||
	    !tl_date_add(today, 1, to))
		return TL_OK;
	rc = tl_store_list(st, &q, &page, err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		bool mine = false;

		rc = keeps_minutes(st, page.recs[i]->id, person, &mine, err);
		if (rc == TL_OK && mine)
			rc = consider(st, page.recs[i], today, within, out, n,
				      err);
	}
	tl_page_done(&page);
	if (rc != TL_OK) {
		tl_clock_due_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof(**out), by_soonest);
	return TL_OK;
}

void tl_clock_due_free(struct tl_clock_due_item *items, int n)
{
	for (int i = 0; i < n; i++)
		free(items[i].title);
	free(items);
}
