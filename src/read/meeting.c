/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting.c - the meeting read model: one meeting loaded for every reader
 * (the meeting screen, the minutes, the summary).
 *
 * A meeting comes with its participants, agenda items, mandates, frames
 * and follow-ups, read in full with the store's iterators; participants
 * and items are put in their one order (core/meeting.h).  With a series
 * come the series' meetings and the follow-ups still open from earlier
 * ones.  The previous meeting, the delegated decisions a committee
 * reports (which the store works out) and the signatures are read only
 * when asked for.
 */
#include "tillit/read/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/meeting.h"
#include "tillit/core/i18n.h"

/* ---- record lists ------------------------------------------------------ */

void tl_rec_list_done(struct tl_rec_list *l)
{
	for (int i = 0; i < l->n; i++)
		tl_record_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static bool list_push(struct tl_rec_list *l, struct tl_record *r)
{
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 16;
		struct tl_record **v = realloc(l->v, (size_t)cap * sizeof(*v));
		if (!v)
			return false;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = r;
	return true;
}

int tl_rec_list_index(const struct tl_rec_list *l, const char *id)
{
	for (int i = 0; id && i < l->n; i++)
		if (!strcmp(l->v[i]->id, id))
			return i;
	return -1;
}

const struct tl_record *tl_rec_list_find(const struct tl_rec_list *l,
					 const char *id)
{
	int i = tl_rec_list_index(l, id);

	return i >= 0 ? l->v[i] : NULL;
}

/*
 * Appends every record q selects to l, in list order; a query with its
 * own limit wants that many, no more.  Read a page of up to 1000 at a
 * time: pages use the store's prepared lists, which a screen that
 * reloads at every change from another program opens often.
 */
static enum tl_status collect(struct tl_store *st, const struct tl_query *q0,
			      struct tl_rec_list *l, struct tl_error *err)
{
	struct tl_query q = *q0;
	struct tl_page page = {0};
	struct tl_cursor after = {0};
	enum tl_status rc;
	int want = q0->limit > 0 ? q0->limit : -1;
	bool more;

	q.after = NULL;
	do {
		q.limit = want > 0 && want < 1000 ? want : 1000;
		rc = tl_store_list(st, &q, &page, err);
		for (int i = 0; rc == TL_OK && i < page.n; i++) {
			if (!list_push(l, page.recs[i]))
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
			else
				page.recs[i] = NULL;
		}
		if (want > 0)
			want -= page.n;
		/* The next page starts after this one's last record. */
		free(after.key);
		after = page.next;
		page.next.key = NULL;
		q.after = &after;
		more = page.more;
		tl_page_done(&page);
		page = (struct tl_page){0};
		if (!more || want == 0)
			break;
	} while (rc == TL_OK);
	free(after.key);
	return rc;
}

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

/* ---- the parts of a meeting --------------------------------------------- */

/* Participants in their order, named by refs (or by person id). */
static enum tl_status sort_parts(struct tl_meeting_data *md,
				 struct tl_refs *refs, struct tl_error *err)
{
	char **names = calloc((size_t)md->parts.n + 1, sizeof(*names));
	enum tl_status rc = TL_OK;

	if (!names)
		return oom(err);
	for (int i = 0; i < md->parts.n && rc == TL_OK; i++) {
		const char *person = tl_record_get(md->parts.v[i],
						   TL_PART_PERSON);
		const char *name = !person ? ""
				   : refs ? tl_refs_title(refs, TL_K_PERSON,
							  person)
				   : person;
		names[i] = strdup(name);
		if (!names[i])
			rc = oom(err);
	}
	if (rc == TL_OK)
		tl_meeting_sort_parts(md->parts.v, names, md->parts.n);
	for (int i = 0; i < md->parts.n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* The meeting's children, each list in full. */
static enum tl_status load_children(struct tl_store *st,
				    struct tl_meeting_data *md,
				    struct tl_error *err)
{
	const struct {
		enum tl_kind kind;
		struct tl_rec_list *list;
	} lists[] = {
		{TL_K_PARTICIPANT, &md->parts},
		{TL_K_ITEM, &md->items},
		{TL_K_MANDATE, &md->mandates},
		{TL_K_FRAME, &md->frames},
		{TL_K_FOLLOWUP, &md->followups},
	};
	struct tl_query pq = {.kind = TL_K_PRINCIPLE};
	enum tl_status rc = TL_OK;

	for (size_t i = 0; rc == TL_OK && i < sizeof(lists) / sizeof(lists[0]);
	     i++) {
		struct tl_query q = {.kind = lists[i].kind,
				     .parent = md->meeting->id};
		rc = collect(st, &q, lists[i].list, err);
	}
	if (rc == TL_OK)
		rc = collect(st, &pq, &md->principles, err);
	if (rc == TL_OK && md->items.n > 1)
		qsort(md->items.v, (size_t)md->items.n, sizeof(*md->items.v),
		      tl_meeting_item_cmp);
	return rc;
}

/*
 * The series' meetings, and its open follow-ups made in earlier
 * meetings: not in this one, nor in one that starts at the same time or
 * later.
 */
static enum tl_status load_series(struct tl_store *st,
				  struct tl_meeting_data *md,
				  struct tl_error *err)
{
	const char *series = tl_record_get(md->meeting, TL_MEETING_SERIES);
	const char *starts = tl_record_str(md->meeting, TL_MEETING_STARTS);
	struct tl_query mq = {.kind = TL_K_MEETING, .parent = series};
	struct tl_query fq = {.kind = TL_K_FOLLOWUP, .series = series,
			      .open = true};
	enum tl_status rc;
	int n = 0;

	if (!series)
		return TL_OK;
	rc = collect(st, &mq, &md->series, err);
	if (rc == TL_OK)
		rc = collect(st, &fq, &md->carried, err);
	if (rc != TL_OK)
		return rc;
	for (int i = 0; i < md->carried.n; i++) {
		struct tl_record *f = md->carried.v[i];
		const char *mid = tl_record_str(f, TL_FOLLOWUP_MEETING);
		const struct tl_record *fm = tl_rec_list_find(&md->series, mid);
		bool keep = strcmp(mid, md->meeting->id) != 0;

		if (keep && fm && *starts &&
		    strcmp(tl_record_str(fm, TL_MEETING_STARTS), starts) >= 0)
			keep = false;
		if (keep)
			md->carried.v[n++] = f;
		else
			tl_record_free(f);
	}
	md->carried.n = n;
	return TL_OK;
}

/* The latest meeting before md's that q selects (q->to is set to its
 * start), in *out (caller frees), or NULL. */
static enum tl_status previous_meeting(struct tl_store *st,
				       const struct tl_meeting_data *md,
				       struct tl_query *q,
				       struct tl_record **out,
				       struct tl_error *err)
{
	struct tl_page page = {0};
	enum tl_status rc;

	*out = NULL;
	q->to = tl_record_str(md->meeting, TL_MEETING_STARTS);
	q->limit = 2;
	rc = tl_store_list(st, q, &page, err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		if (strcmp(page.recs[i]->id, md->meeting->id)) {
			*out = page.recs[i];
			page.recs[i] = NULL;
			break;
		}
	}
	tl_page_done(&page);
	return rc;
}

static enum tl_status load_previous(struct tl_store *st,
				    struct tl_meeting_data *md,
				    struct tl_error *err)
{
	const char *series = tl_record_get(md->meeting, TL_MEETING_SERIES);
	struct tl_query pq = {.kind = TL_K_MEETING, .parent = series};
	enum tl_status rc;

	if (!series)
		return TL_OK;
	rc = previous_meeting(st, md, &pq, &md->previous, err);
	if (rc == TL_OK && md->previous) {
		struct tl_query q = {.kind = TL_K_FOLLOWUP,
				     .parent = md->previous->id};
		rc = collect(st, &q, &md->previous_followups, err);
	}
	return rc;
}

/* ---- delegated decisions to report -------------------------------------- */

static int cmp_reported(const void *pa, const void *pb)
{
	const struct tl_reported *a = pa, *b = pb;
	int c = tl_meeting_cmp_text(tl_record_get(a->decision, TL_DECISION_DECIDED_ON),
			tl_record_get(b->decision, TL_DECISION_DECIDED_ON));

	if (!c)
		c = tl_meeting_cmp_text(tl_record_get(a->mandate, TL_MANDATE_MATTER),
			    tl_record_get(b->mandate, TL_MANDATE_MATTER));
	if (!c)
		c = tl_meeting_cmp_text(tl_record_get(a->decision, TL_DECISION_SUMMARY),
			    tl_record_get(b->decision, TL_DECISION_SUMMARY));
	return c ? c : strcmp(a->decision->id, b->decision->id);
}

/*
 * The day of the committee's previous meeting into md->report_from: the
 * latest committee meeting of its unit, not cancelled, that starts
 * before this one ("" when there is none).
 */
static enum tl_status report_since(struct tl_store *st,
				   struct tl_meeting_data *md,
				   struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEETING,
			     .unit = tl_record_get(md->meeting,
						   TL_MEETING_UNIT),
			     .kindv = "committee",
			     .to = tl_record_str(md->meeting,
						 TL_MEETING_STARTS)};
	const struct tl_record *m;
	struct tl_iter *it = NULL;
	enum tl_status rc;

	/* Latest first: the meetings' list order. */
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = tl_store_iter_next(it, &m, err)) == TL_OK &&
	       m) {
		if (strcmp(m->id, md->meeting->id) &&
		    strcmp(tl_record_str(m, TL_MEETING_STATUS), "cancelled")) {
			snprintf(md->report_from, sizeof(md->report_from),
				 "%.10s", tl_record_str(m, TL_MEETING_STARTS));
			break;
		}
	}
	tl_store_iter_free(it);
	return rc;
}

/*
 * Anmälan av delegationsbeslut: the delegated decisions this committee
 * meeting reports, as the store says (each is reported once: store.h,
 * tl_store_report_scope), each with the mandate it was taken under.
 */
static enum tl_status load_reported(struct tl_store *st,
				    struct tl_meeting_data *md,
				    struct tl_error *err)
{
	struct tl_report_scope scope;
	struct tl_query dq = {.kind = TL_K_DECISION, .reported = &scope};
	struct tl_rec_list *decs = &md->report_decisions;
	struct tl_rec_list *mans = &md->report_mandates;
	enum tl_status rc;

	if (!md->committee || !tl_record_get(md->meeting, TL_MEETING_UNIT))
		return TL_OK;
	rc = report_since(st, md, err);
	if (rc == TL_OK)
		rc = tl_store_report_scope(st, md->meeting->id, &scope, err);
	if (rc == TL_OK)
		rc = collect(st, &dq, decs, err);
	for (int k = 0; rc == TL_OK && k < decs->n; k++) {
		const char *mid = tl_record_str(decs->v[k],
						TL_DECISION_MANDATE);
		struct tl_record *man = NULL;

		if (tl_rec_list_find(mans, mid))
			continue;
		rc = tl_store_get(st, TL_K_MANDATE, mid, &man, err);
		if (rc == TL_OK && !list_push(mans, man)) {
			tl_record_free(man);
			rc = oom(err);
		}
	}
	if (rc == TL_OK && decs->n > 0) {
		md->reported = calloc((size_t)decs->n, sizeof(*md->reported));
		if (!md->reported)
			rc = oom(err);
	}
	for (int k = 0; rc == TL_OK && k < decs->n; k++) {
		md->reported[k].decision = decs->v[k];
		md->reported[k].mandate = tl_rec_list_find(mans,
			tl_record_str(decs->v[k], TL_DECISION_MANDATE));
		md->nreported++;
	}
	if (md->nreported > 1)
		qsort(md->reported, (size_t)md->nreported,
		      sizeof(*md->reported), cmp_reported);
	return rc;
}

/* ---- what each § records ------------------------------------------------- */

/* In the order recorded: by creation time (to the second), then by
 * title, so that records made in one second keep one order, then id. */
static int cmp_recorded(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = strcmp(a->created_at, b->created_at);

	if (!c)
		c = tl_meeting_cmp_text(tl_record_get(a, a->e->title),
					tl_record_get(b, b->e->title));
	return c ? c : strcmp(a->id, b->id);
}

static void sort_recorded(struct tl_rec_list *l)
{
	if (l->n > 1)
		qsort(l->v, (size_t)l->n, sizeof(*l->v), cmp_recorded);
}

/* The person id in field f of participant p into md->people, once. */
static enum tl_status load_person(struct tl_store *st,
				  struct tl_meeting_data *md,
				  const struct tl_record *p, int f,
				  struct tl_error *err)
{
	const char *id = tl_record_get(p, f);
	struct tl_record *r = NULL;
	enum tl_status rc;

	if (!id || tl_rec_list_index(&md->people, id) >= 0)
		return TL_OK;
	rc = tl_store_get(st, TL_K_PERSON, id, &r, err);
	/* One another program has just removed is named by its id. */
	if (rc == TL_ENOTFOUND) {
		tl_error_clear(err);
		return TL_OK;
	}
	if (rc == TL_OK && !list_push(&md->people, r)) {
		tl_record_free(r);
		rc = oom(err);
	}
	return rc;
}

static enum tl_status load_paragraphs(struct tl_store *st,
				      struct tl_meeting_data *md,
				      struct tl_error *err)
{
	enum tl_status rc = TL_OK;

	for (int i = 0; rc == TL_OK && i < md->parts.n; i++) {
		rc = load_person(st, md, md->parts.v[i], TL_PART_PERSON, err);
		if (rc == TL_OK)
			rc = load_person(st, md, md->parts.v[i],
					 TL_PART_REPLACES, err);
	}

	if (md->items.n > 0 &&
	    !(md->deciders = calloc((size_t)md->items.n,
				    sizeof(*md->deciders))))
		return oom(err);
	for (int i = 0; rc == TL_OK && i < md->items.n; i++) {
		const char *id = md->items.v[i]->id;
		struct tl_query mq = {.kind = TL_K_MOTION, .parent = id};
		struct tl_query vq = {.kind = TL_K_VOTE, .parent = id};
		struct tl_query eq = {.kind = TL_K_ENTRY, .parent = id};

		rc = collect(st, &mq, &md->motions, err);
		if (rc == TL_OK)
			rc = collect(st, &vq, &md->votes, err);
		if (rc == TL_OK)
			rc = collect(st, &eq, &md->entries, err);
		if (rc == TL_OK)
			rc = tl_store_deciders(st, id, &md->deciders[i], err);
	}
	for (int i = 0; rc == TL_OK && i < md->votes.n; i++) {
		struct tl_query bq = {.kind = TL_K_BALLOT,
				      .parent = md->votes.v[i]->id};

		rc = collect(st, &bq, &md->ballots, err);
	}
	sort_recorded(&md->motions);
	sort_recorded(&md->votes);
	sort_recorded(&md->entries);
	return rc;
}

/* ---- the whole ----------------------------------------------------------- */

enum tl_status tl_meeting_read(struct tl_store *st, struct tl_refs *refs,
			       const char *meeting_id, unsigned flags,
			       struct tl_meeting_data *md,
			       struct tl_error *err)
{
	enum tl_status rc;

	memset(md, 0, sizeof(*md));
	rc = tl_store_get(st, TL_K_MEETING, meeting_id, &md->meeting, err);
	if (rc != TL_OK)
		return rc;
	md->kind = tl_record_str(md->meeting, TL_MEETING_KIND);
	md->committee = !strcmp(md->kind, "committee");
	rc = load_children(st, md, err);
	if (rc == TL_OK)
		rc = sort_parts(md, refs, err);
	if (rc == TL_OK)
		rc = load_series(st, md, err);
	if (rc == TL_OK && (flags & TL_MEETING_PREVIOUS))
		rc = load_previous(st, md, err);
	if (rc == TL_OK && (flags & TL_MEETING_REPORTED))
		rc = load_reported(st, md, err);
	if (rc == TL_OK && (flags & TL_MEETING_SIGNATURES))
		rc = tl_store_signatures(st, md->meeting->id, &md->signatures,
					 err);
	/* Only a committee's §§ record motions, votes and the rest: the
	 * screen reloads other meetings without asking for them. */
	if (rc == TL_OK && (flags & TL_MEETING_PARAGRAPHS) && md->committee)
		rc = load_paragraphs(st, md, err);
	return rc;
}

void tl_meeting_data_done(struct tl_meeting_data *md)
{
	/* Before the items, whose count says how many there are. */
	for (int i = 0; md->deciders && i < md->items.n; i++)
		tl_deciders_done(&md->deciders[i]);
	free(md->deciders);
	tl_record_free(md->meeting);
	tl_rec_list_done(&md->parts);
	tl_rec_list_done(&md->people);
	tl_rec_list_done(&md->items);
	tl_rec_list_done(&md->mandates);
	tl_rec_list_done(&md->frames);
	tl_rec_list_done(&md->followups);
	tl_rec_list_done(&md->series);
	tl_rec_list_done(&md->carried);
	tl_rec_list_done(&md->principles);
	tl_record_free(md->previous);
	tl_rec_list_done(&md->previous_followups);
	free(md->reported);
	tl_rec_list_done(&md->report_mandates);
	tl_rec_list_done(&md->report_decisions);
	tl_page_done(&md->signatures);
	tl_rec_list_done(&md->motions);
	tl_rec_list_done(&md->votes);
	tl_rec_list_done(&md->ballots);
	tl_rec_list_done(&md->entries);
	memset(md, 0, sizeof(*md));
}

const struct tl_record *tl_meeting_data_series_meeting(
	const struct tl_meeting_data *md, const char *id)
{
	return tl_rec_list_find(&md->series, id);
}
