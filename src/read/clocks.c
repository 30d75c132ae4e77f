/* SPDX-License-Identifier: EUPL-1.2 */
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
#include "tillit/store/paragraph.h"

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

/*
 * The lines that follow a justering on clocks c, as of today, appended to
 * out (*n lines so far): the notice, the appeal window and the day the
 * decisions (`stand`, a translated label) stand.
 */
static void after_justering(const struct tl_clocks *cl, const char *today,
			    const char *stand, struct tl_clock_line *out,
			    int *n)
{
	char why[TL_CLOCK_TEXT / 2], when[64];
	struct tl_clocks c = *cl;
	long left;

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
		line(&out[(*n)++], stand, false, _("%s, unless appealed"),
		     c.stands);
	} else {
		line(&out[(*n)++], _("Appeal window ends"), false, "%s",
		     _("three weeks after the notice"));
	}
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
	after_justering(&c, today, _("Decisions stand from"), out, n);
	return TL_OK;
}

enum tl_status tl_item_clock_lines(struct tl_store *st,
				   const struct tl_record *item,
				   const char *today,
				   struct tl_clock_line out[TL_CLOCK_LINES],
				   int *n, struct tl_error *err)
{
	struct tl_clocks c;
	bool applies = false;
	enum tl_status rc = tl_store_paragraph_clocks(st, item, &c, &applies,
						      NULL, err);

	*n = 0;
	if (rc != TL_OK || !applies)
		return rc;
	line(&out[(*n)++], _("Justered immediately"), false, "%s",
	     c.justered);
	after_justering(&c, today, _("Decision stands from"), out, n);
	return TL_OK;
}

enum tl_status tl_paragraph_clock_lines(struct tl_store *st,
					const struct tl_record *m,
					const char *today,
					struct tl_par_clock **out, int *n,
					struct tl_error *err)
{
	struct tl_page page = {0};
	enum tl_status rc;

	*out = NULL;
	*n = 0;
	if (strcmp(tl_record_str(m, TL_MEETING_KIND), "committee"))
		return TL_OK;
	rc = tl_store_justered_paragraphs(st, m->id, &page, err);
	if (rc == TL_OK && page.n &&
	    !(*out = calloc((size_t)page.n, sizeof(**out))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		struct tl_par_clock *p = &(*out)[*n];

		p->number = atol(tl_record_str(page.recs[i], TL_ITEM_NUMBER));
		rc = tl_item_clock_lines(st, page.recs[i], today, p->lines,
					 &p->n, err);
		/* Justered, the notice (due or posted), the appeal window,
		 * and once posted the day it stands. */
		p->now = p->n > 3 ? 2 : 1;
		if (rc == TL_OK && p->n > p->now)
			(*n)++;
	}
	tl_page_done(&page);
	if (rc != TL_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
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

/* Adds to *out the step `due` of meeting m (its protokoll, or the §
 * number justered immediately), due by `by` in `left` days. */
static enum tl_status add_due(const struct tl_record *m, long number,
			      enum tl_clock_due due, const char *by,
			      long left, struct tl_clock_due_item **out,
			      int *n, struct tl_error *err)
{
	struct tl_clock_due_item *grown, *it;
	const char *title = tl_record_str(m, TL_MEETING_TITLE);
	char when[64];

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
	it->number = number;
	it->due = due;
	it->days_left = left;
	snprintf(it->by, sizeof(it->by), "%s", by);
	days_phrase(left, when, sizeof(when));
	if (due == TL_DUE_JUSTERING)
		snprintf(it->text, sizeof(it->text), _("Justering of %s: due "
			 "%s, %s."), title, it->by, when);
	else if (number)
		snprintf(it->text, sizeof(it->text), _("Notice of the "
			 "immediate justering of § %ld of %s: due %s, %s."),
			 number, title, it->by, when);
	else
		snprintf(it->text, sizeof(it->text), _("Notice of the "
			 "justering of %s: due %s, %s."), title, it->by, when);
	return TL_OK;
}

/* Adds m to *out when a step is due within `within` days: its
 * justering, its notice, or the notice of a § justered immediately. */
static enum tl_status consider(struct tl_store *st, const struct tl_record *m,
			       const char *today, long within,
			       struct tl_clock_due_item **out, int *n,
			       struct tl_error *err)
{
	struct tl_page pars = {0};
	struct tl_clocks c;
	bool applies = false;
	long left = 0;
	enum tl_clock_due due;
	enum tl_status rc = tl_store_clocks(st, m, &c, &applies, NULL, err);

	if (rc != TL_OK || !applies)
		return rc;
	due = tl_clocks_due(&c, today, &left);
	if (due != TL_DUE_NOTHING && left <= within)
		rc = add_due(m, 0, due, due == TL_DUE_JUSTERING
					? c.justering_due : c.notice_due,
			     left, out, n, err);
	if (rc == TL_OK && !c.posted[0])
		rc = tl_store_justered_paragraphs(st, m->id, &pars, err);
	for (int i = 0; rc == TL_OK && i < pars.n; i++) {
		rc = tl_store_paragraph_clocks(st, pars.recs[i], &c, &applies,
					       NULL, err);
		if (rc != TL_OK || !applies)
			continue;
		due = tl_clocks_due(&c, today, &left);
		if (due == TL_DUE_NOTICE && left <= within)
			rc = add_due(m, atol(tl_record_str(pars.recs[i],
							   TL_ITEM_NUMBER)),
				     due, c.notice_due, left, out, n, err);
	}
	tl_page_done(&pars);
	return rc;
}

static int by_soonest(const void *a, const void *b)
{
	const struct tl_clock_due_item *x = a, *y = b;

	int c = strcmp(x->meeting, y->meeting);

	if (x->days_left != y->days_left)
		return x->days_left < y->days_left ? -1 : 1;
	return c ? c : (x->number > y->number) - (x->number < y->number);
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
