/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * number.c - § numbers, whatever engine stores them: the number a new
 * agenda item gets, and the numbers that change with it.
 *
 * A committee numbers the items of its committee meetings through the
 * calendar year, from § 1: the meetings in the order of their start
 * (then id), each meeting's items in agenda order.  No number repeats
 * within a committee's year.  When an item is added to a committee
 * meeting or removed from one, or a committee meeting moves (a new
 * start, unit or kind), that meeting and the later ones of its year are
 * numbered again, on from the largest number before it, so the numbers
 * keep following the dates; a meeting moved to another year is numbered
 * there, and the year it left closes the gap.  A meeting under justering
 * or signed keeps its numbers: when those before it would have to end
 * elsewhere than just before its first, the change is refused with a
 * sentence naming that meeting.  So does a meeting with a § justered
 * immediately (omedelbar justering), for that § and those before it in
 * the meeting; new §§ still go on at its end, and those after the last
 * justered one may come and go.  Other meetings number their items from
 * 1, each on its own.
 *
 * A renumbering writes each changed number twice, first as a temporary
 * negative one, so that no two items ever hold the same number in
 * between: the SQLite engine's triggers refuse that, whoever writes.
 * Each number that ends changed gets an audit row.
 */
#include "number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/store/paragraph.h"
#include "backend.h"
#include "internal.h"
#include "rules.h"

/* Temporary numbers of a moving meeting's items: below any other. */
#define MOVING_BASE (-2000000000L)

/* What a renumbering is for, which its refusal says. */
enum op { OP_ADD, OP_REMOVE, OP_MOVE };

/* The committee meetings of one unit in one calendar year. */
struct year {
	const char *unit;
	char year[8];
	char from[24], to[24]; /* whole dates, as the store's queries take */
};

/* One item's number: as stored, before the change began, and to be. */
struct slot {
	char id[TL_ID_LEN + 1];
	long stored, was, now;
};

struct plan {
	struct slot *v;
	int n, cap;
};

/* A meeting of the year, in date order. */
struct meet {
	char id[TL_ID_LEN + 1];
	char starts[24];
};

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

static void plan_done(struct plan *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

static struct slot *plan_add(struct plan *p, const char *id, long stored)
{
	struct slot *s;

	if (p->n == p->cap) {
		int cap = p->cap ? 2 * p->cap : 32;
		struct slot *v = realloc(p->v, (size_t)cap * sizeof(*v));
		if (!v)
			return NULL;
		p->v = v;
		p->cap = cap;
	}
	s = &p->v[p->n++];
	snprintf(s->id, sizeof(s->id), "%s", id);
	s->stored = s->was = s->now = stored;
	return s;
}

/* True when meeting m numbers its items with its committee's year, y. */
static bool committee_year(const struct tl_record *m, struct year *y)
{
	const char *starts = tl_record_str(m, TL_MEETING_STARTS);

	if (!tl_streq(m->values[TL_MEETING_KIND], "committee") ||
	    !m->values[TL_MEETING_UNIT] || strlen(starts) < 4)
		return false;
	y->unit = m->values[TL_MEETING_UNIT];
	snprintf(y->year, sizeof(y->year), "%.4s", starts);
	/* Whole dates, so that an engine comparing times, not text,
	 * finds the same meetings. */
	snprintf(y->from, sizeof(y->from), "%s-01-01", y->year);
	snprintf(y->to, sizeof(y->to), "%04d-01-01", atoi(y->year) + 1);
	return true;
}

static bool same_year(const struct year *a, const struct year *b)
{
	return !strcmp(a->unit, b->unit) && !strcmp(a->year, b->year);
}

/* The items of meeting id, in agenda order, appended to p. */
static enum tl_status read_items(struct tl_store *st, const char *id,
				 struct plan *p, struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_ITEM, .parent = id};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	enum tl_status rc;

	rc = st->ops->iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = st->ops->iter_next(it, &r, err)) == TL_OK &&
	       r)
		if (!plan_add(p, r->id,
			      atol(tl_record_str(r, TL_ITEM_NUMBER))))
			rc = oom(err);
	if (it)
		st->ops->iter_free(it);
	return rc;
}

/* The committee meetings of y in date order, in *out (caller frees). */
static enum tl_status read_year(struct tl_store *st, const struct year *y,
				struct meet **out, int *n,
				struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEETING, .unit = y->unit,
			     .kindv = "committee", .from = y->from,
			     .to = y->to, .reverse = true};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	struct meet *v = NULL;
	enum tl_status rc;
	int cap = 0;

	*n = 0;
	rc = st->ops->iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = st->ops->iter_next(it, &r, err)) == TL_OK &&
	       r) {
		if (*n == cap) {
			struct meet *w;
			cap = cap ? 2 * cap : 16;
			w = realloc(v, (size_t)cap * sizeof(*w));
			if (!w) {
				rc = oom(err);
				break;
			}
			v = w;
		}
		snprintf(v[*n].id, sizeof(v[*n].id), "%s", r->id);
		snprintf(v[*n].starts, sizeof(v[*n].starts), "%s",
			 tl_record_str(r, TL_MEETING_STARTS));
		(*n)++;
	}
	if (it)
		st->ops->iter_free(it);
	if (rc != TL_OK) {
		free(v);
		v = NULL;
		*n = 0;
	}
	*out = v;
	return rc;
}

/* The sentence for a renumbering that a locked meeting stands in the way
 * of: the meeting of the year y that starts at `starts`. */
static enum tl_status refuse(struct tl_error *err, enum op op,
			     enum tl_lock lock, const struct year *y,
			     const char *starts)
{
	const char *yr = y->year;
	char day[16];

	snprintf(day, sizeof(day), "%.10s", starts);
	if (lock == TL_LOCK_SIGNED && op == OP_ADD)
		return tl_error_set(err, TL_EREFUSED, _("A later meeting of "
				    "this committee in %s (on %s) is already "
				    "signed, so no § can be added before it."),
				    yr, day);
	if (op == OP_ADD)
		return tl_error_set(err, TL_EREFUSED, _("A later meeting of "
				    "this committee in %s (on %s) is under "
				    "justering, so no § can be added before "
				    "it."), yr, day);
	if (lock == TL_LOCK_SIGNED && op == OP_REMOVE)
		return tl_error_set(err, TL_EREFUSED, _("A later meeting of "
				    "this committee in %s (on %s) is already "
				    "signed, so no § can be removed before it; "
				    "mark the item withdrawn instead."), yr,
				    day);
	if (op == OP_REMOVE)
		return tl_error_set(err, TL_EREFUSED, _("A later meeting of "
				    "this committee in %s (on %s) is under "
				    "justering, so no § can be removed before "
				    "it; mark the item withdrawn instead."),
				    yr, day);
	if (lock == TL_LOCK_SIGNED)
		return tl_error_set(err, TL_EREFUSED, _("A later meeting of "
				    "this committee in %s (on %s) is already "
				    "signed, so the § numbers before it cannot "
				    "change."), yr, day);
	return tl_error_set(err, TL_EREFUSED, _("A later meeting of this "
			    "committee in %s (on %s) is under justering, so "
			    "the § numbers before it cannot change."), yr,
			    day);
}

/* The sentence for a renumbering that the § no, justered immediately at
 * the meeting that starts at `starts`, stands in the way of. */
static enum tl_status refuse_justered(struct tl_error *err, enum op op,
				      long no, const char *starts)
{
	char day[16];

	snprintf(day, sizeof(day), "%.10s", starts);
	if (op == OP_ADD)
		return tl_error_set(err, TL_EREFUSED, _("The meeting of this "
				    "committee on %s has § %ld justered "
				    "immediately, so no § can be added before "
				    "it."), day, no);
	if (op == OP_REMOVE)
		return tl_error_set(err, TL_EREFUSED, _("The meeting of this "
				    "committee on %s has § %ld justered "
				    "immediately, so no § can be removed before "
				    "it; mark the item withdrawn instead."), day,
				    no);
	return tl_error_set(err, TL_EREFUSED, _("The meeting of this "
			    "committee on %s has § %ld justered immediately, "
			    "so the § numbers up to it cannot change."), day,
			    no);
}

/*
 * How many of the items of meeting id, p->v[first] on (in agenda
 * order), keep their numbers because the last of them is justered
 * immediately: 0 when none is.
 */
static enum tl_status justered_upto(struct tl_store *st, const char *id,
				    const struct plan *p, int first,
				    int *kept, struct tl_error *err)
{
	struct tl_page page = {0};
	enum tl_status rc = tl_store_justered_paragraphs(st, id, &page, err);

	*kept = 0;
	for (int k = first; rc == TL_OK && k < p->n; k++)
		for (int i = 0; i < page.n; i++)
			if (!strcmp(page.recs[i]->id, p->v[k].id))
				*kept = k - first + 1;
	tl_page_done(&page);
	return rc;
}

/* True when the meeting m comes before (starts, id) in date order. */
static bool before(const struct meet *m, const char *starts, const char *id)
{
	int c = strcmp(m->starts, starts);

	return c < 0 || (c == 0 && strcmp(m->id, id) < 0);
}

/*
 * Numbers the year y again from the meeting at (starts, id) on: every
 * meeting of y not before it, in date order, into p, on from the largest
 * number before it.  `add`, when not NULL, is a meeting of y that gets
 * one item more after its last; that item's number goes to *added.
 * A meeting with a § justered immediately never moves (store/paragraph.c
 * refuses it first), so the numbers it keeps are those it holds.
 */
static enum tl_status plan_year(struct tl_store *st, const struct year *y,
				const char *starts, const char *id,
				const char *add, long *added, enum op op,
				struct plan *p, struct tl_error *err)
{
	struct meet *ms = NULL;
	enum tl_status rc;
	long last = 0;
	int n = 0;

	rc = read_year(st, y, &ms, &n, err);
	for (int i = 0; rc == TL_OK && i < n; i++) {
		enum tl_lock lock = TL_LOCK_NONE;
		int first = p->n, kept = 0;

		if (before(&ms[i], starts, id)) {
			long max = 0;
			rc = st->ops->max_number(st, ms[i].id, &max, err);
			if (max > last)
				last = max;
			continue;
		}
		rc = tl_rule_meeting_lock(st, ms[i].id, &lock, err);
		if (rc == TL_OK)
			rc = read_items(st, ms[i].id, p, err);
		if (rc != TL_OK || (lock != TL_LOCK_NONE && p->n == first))
			continue;
		if (lock != TL_LOCK_NONE) {
			/* Its numbers stay: those before must lead to them. */
			if (p->v[first].stored != last + 1)
				rc = refuse(err, op, lock, y, ms[i].starts);
			last = p->v[p->n - 1].stored;
			p->n = first;
			continue;
		}
		rc = justered_upto(st, ms[i].id, p, first, &kept, err);
		for (int k = first; rc == TL_OK && k < p->n; k++) {
			if (k - first >= kept)
				p->v[k].now = ++last;
			else if (p->v[k].stored != ++last)
				rc = refuse_justered(
					err, op, p->v[first + kept - 1].stored,
					ms[i].starts);
		}
		if (add && !strcmp(add, ms[i].id))
			*added = ++last;
	}
	free(ms);
	return rc;
}

/* Stores the number n for the item id, as it is and stamped now. */
static enum tl_status write_number(struct tl_store *st, const char *id,
				   long n, struct tl_error *err)
{
	struct tl_record *r = NULL;
	char num[24];
	enum tl_status rc;

	rc = st->ops->get(st, TL_K_ITEM, id, &r, err);
	if (rc == TL_OK && !r)
		rc = tl_error_set(err, TL_ENOTFOUND, _("No %s has the id %s."),
				  _("agenda item"), id);
	snprintf(num, sizeof(num), "%ld", n);
	if (rc == TL_OK && !tl_record_set(r, TL_ITEM_NUMBER, num))
		rc = oom(err);
	if (rc == TL_OK) {
		tl_clock_stamp(r->updated_at);
		rc = st->ops->update(st, r, err);
	}
	tl_record_free(r);
	return rc;
}

/*
 * Writes the numbers p plans: each that changes first to a temporary
 * number (unless it holds one already), then to its own, with an audit
 * row from what it was before the change (`moved` holds the numbers
 * that a moving meeting's items had; may be NULL).
 */
static enum tl_status apply(struct tl_store *st, struct plan *p,
			    const struct plan *moved, struct tl_error *err)
{
	enum tl_status rc = TL_OK;
	long temp = 0;

	for (int i = 0; rc == TL_OK && i < p->n; i++)
		if (p->v[i].now != p->v[i].stored && p->v[i].stored > 0)
			rc = write_number(st, p->v[i].id, --temp, err);
	for (int i = 0; rc == TL_OK && i < p->n; i++) {
		struct slot *s = &p->v[i];
		char was[24], now[24];

		if (s->now == s->stored)
			continue;
		for (int k = 0; moved && k < moved->n; k++)
			if (!strcmp(moved->v[k].id, s->id))
				s->was = moved->v[k].was;
		rc = write_number(st, s->id, s->now, err);
		snprintf(was, sizeof(was), "%ld", s->was);
		snprintf(now, sizeof(now), "%ld", s->now);
		if (rc == TL_OK && s->was != s->now)
			rc = tl_audit_add(st, "items", s->id, "update",
					  "number", was, now, err);
	}
	return rc;
}

/* Numbers y again from the meeting at (starts, id) on, as plan_year. */
static enum tl_status renumber(struct tl_store *st, const struct year *y,
			       const char *starts, const char *id,
			       const char *add, long *added, enum op op,
			       const struct plan *moved, struct tl_error *err)
{
	struct plan p = {0};
	enum tl_status rc;

	rc = plan_year(st, y, starts, id, add, added, op, &p, err);
	if (rc == TL_OK)
		rc = apply(st, &p, moved, err);
	plan_done(&p);
	return rc;
}

/* The meeting id (it exists: references are checked) in *m. */
static enum tl_status get_meeting(struct tl_store *st, const char *id,
				  struct tl_record **m, struct tl_error *err)
{
	enum tl_status rc = st->ops->get(st, TL_K_MEETING, id, m, err);

	if (rc == TL_OK && !*m)
		rc = tl_error_set(err, TL_EINVAL,
				  _("Meeting: no meeting has the id %s."), id);
	return rc;
}

enum tl_status tl_number_item_new(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err)
{
	const char *mid = r->values[TL_ITEM_MEETING];
	struct tl_record *m = NULL;
	struct year y;
	enum tl_status rc;
	long n = 0;
	char num[24];

	rc = get_meeting(st, mid, &m, err);
	if (rc == TL_OK && committee_year(m, &y))
		rc = renumber(st, &y, tl_record_str(m, TL_MEETING_STARTS), m->id,
			      m->id, &n, OP_ADD, NULL, err);
	else if (rc == TL_OK && (rc = st->ops->max_number(st, mid, &n,
							  err)) == TL_OK)
		n++;
	tl_record_free(m);
	snprintf(num, sizeof(num), "%ld", n);
	if (rc == TL_OK && !tl_record_set(r, TL_ITEM_NUMBER, num))
		rc = oom(err);
	return rc;
}

enum tl_status tl_number_item_gone(struct tl_store *st,
				   const struct tl_record *old,
				   struct tl_error *err)
{
	struct tl_record *m = NULL;
	struct year y;
	enum tl_status rc;

	rc = get_meeting(st, old->values[TL_ITEM_MEETING], &m, err);
	if (rc == TL_OK && committee_year(m, &y))
		rc = renumber(st, &y, tl_record_str(m, TL_MEETING_STARTS), m->id,
			      NULL, NULL, OP_REMOVE, NULL, err);
	tl_record_free(m);
	return rc;
}

/* True when a meeting's number order may change from old to now. */
static bool moves(const struct tl_record *old, const struct tl_record *now)
{
	return !tl_streq(old->values[TL_MEETING_STARTS],
			 now->values[TL_MEETING_STARTS]) ||
	       !tl_streq(old->values[TL_MEETING_UNIT],
			 now->values[TL_MEETING_UNIT]) ||
	       !tl_streq(old->values[TL_MEETING_KIND],
			 now->values[TL_MEETING_KIND]);
}

enum tl_status tl_number_meeting_update(struct tl_store *st,
					const struct tl_record *old,
					const struct tl_record *now,
					struct tl_error *err)
{
	struct year oy, ny;
	bool was_c = committee_year(old, &oy), is_c = committee_year(now, &ny);
	bool same = was_c && is_c && same_year(&oy, &ny);
	const char *o_at = tl_record_str(old, TL_MEETING_STARTS);
	const char *n_at = tl_record_str(now, TL_MEETING_STARTS);
	struct plan moved = {0};
	enum tl_status rc = TL_OK;

	if ((!was_c && !is_c) || !moves(old, now))
		return st->ops->update(st, now, err);
	/* Into a committee's year: its items step aside first, so that
	 * they hold no number of that year while the meeting moves. */
	if (is_c)
		rc = read_items(st, now->id, &moved, err);
	for (int i = 0; rc == TL_OK && i < moved.n; i++)
		rc = write_number(st, moved.v[i].id, MOVING_BASE + i, err);
	if (rc == TL_OK)
		rc = st->ops->update(st, now, err);
	if (rc == TL_OK && was_c && !same)
		rc = renumber(st, &oy, o_at, old->id, NULL, NULL, OP_MOVE,
			      NULL, err);
	if (rc == TL_OK && is_c) {
		bool old_first = same && strcmp(o_at, n_at) < 0;
		rc = renumber(st, &ny, old_first ? o_at : n_at, now->id,
			      NULL, NULL, OP_MOVE, &moved, err);
	}
	plan_done(&moved);
	return rc;
}
