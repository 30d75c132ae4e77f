/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * paragraph.c - a § as the law records it (store/paragraph.h): who decides
 * it, the meeting its parts belong to, and the rules of those parts.
 */
#include "tillit/store/paragraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/meeting.h"
#include "tillit/core/paragraph.h"
#include "backend.h"
#include "internal.h"
#include "rules.h"

/* The § number of item id (0 for none). */
static enum tl_status number_of(struct tl_store *st, const char *id,
				long *no, struct tl_error *err)
{
	struct tl_record *it = NULL;
	enum tl_status rc;

	*no = 0;
	if (!id)
		return TL_OK;
	rc = st->ops->get(st, TL_K_ITEM, id, &it, err);
	if (rc == TL_OK && it && tl_record_get(it, TL_ITEM_NUMBER))
		*no = atol(tl_record_get(it, TL_ITEM_NUMBER));
	tl_record_free(it);
	return rc;
}

static bool in_page(const struct tl_page *p, int field, const char *id)
{
	for (int i = 0; i < p->n; i++)
		if (tl_streq(tl_record_get(p->recs[i], field), id))
			return true;
	return false;
}

/* Whether one of the participants holds the seat of `person`. */
static bool holds_seat(const struct tl_page *parts, const char *person)
{
	for (int i = 0; i < parts->n; i++) {
		const struct tl_record *p = parts->recs[i];

		if (tl_streq(tl_record_get(p, TL_PART_PERSON), person) &&
		    tl_attendee_holds_seat(tl_record_get(p, TL_PART_ROLE)))
			return true;
	}
	return false;
}

enum tl_status tl_store_deciders(struct tl_store *st, const char *item_id,
				 struct tl_deciders *d, struct tl_error *err)
{
	struct tl_page parts = {0}, disq = {0};
	struct tl_record *it = NULL;
	enum tl_status rc;

	memset(d, 0, sizeof(*d));
	rc = st->ops->get(st, TL_K_ITEM, item_id, &it, err);
	if (rc != TL_OK || !it)
		return rc == TL_OK ? tl_error_set(err, TL_EINVAL, _("No agenda "
					    "item has the id %s."), item_id)
				   : rc;
	d->number = tl_record_get(it, TL_ITEM_NUMBER)
		    ? atol(tl_record_get(it, TL_ITEM_NUMBER)) : 0;
	{
		struct tl_query q = {.kind = TL_K_PARTICIPANT, .limit = 1000,
				     .parent = tl_record_get(it,
							     TL_ITEM_MEETING)};
		struct tl_query dq = {.kind = TL_K_ENTRY, .parent = item_id,
				      .kindv = "disqualified", .limit = 1000};

		rc = st->ops->list(st, &q, &parts, err);
		if (rc == TL_OK)
			rc = st->ops->list(st, &dq, &disq, err);
	}
	if (rc == TL_OK && parts.n > 0 &&
	    !(d->ids = calloc((size_t)parts.n, sizeof(*d->ids))))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; rc == TL_OK && i < parts.n; i++) {
		const struct tl_record *p = parts.recs[i];
		const char *person = tl_record_get(p, TL_PART_PERSON);
		const char *replaces = tl_record_get(p, TL_PART_REPLACES);
		struct tl_attendee a = {
			.role = tl_record_get(p, TL_PART_ROLE),
			.attendance = tl_record_get(p, TL_PART_ATTENDANCE),
			.replaces = replaces != NULL,
			.disqualified = in_page(&disq, TL_ENTRY_PERSON, person),
		};

		rc = number_of(st, tl_record_get(p, TL_PART_FROM_ITEM),
			       &a.from_no, err);
		if (rc == TL_OK)
			rc = number_of(st, tl_record_get(p, TL_PART_UNTIL_ITEM),
				       &a.until_no, err);
		if (rc != TL_OK)
			break;
		if (tl_attendee_holds_seat(a.role) ||
		    (replaces && !holds_seat(&parts, replaces) &&
		     tl_streq(a.role, "substitute")))
			d->seats++;
		if (tl_attendee_decides(&a, d->number) &&
		    !tl_deciders_has(d, person))
			snprintf(d->ids[d->n++], TL_ID_LEN + 1, "%s", person);
	}
	tl_page_done(&parts);
	tl_page_done(&disq);
	tl_record_free(it);
	if (rc != TL_OK)
		tl_deciders_done(d);
	return rc;
}

void tl_deciders_done(struct tl_deciders *d)
{
	free(d->ids);
	memset(d, 0, sizeof(*d));
}

bool tl_deciders_has(const struct tl_deciders *d, const char *person)
{
	for (int i = 0; person && i < d->n; i++)
		if (!strcmp(d->ids[i], person))
			return true;
	return false;
}

enum tl_status tl_rule_fill_meeting(struct tl_store *st, struct tl_record *r,
				    struct tl_error *err)
{
	enum tl_kind from = r->e->kind == TL_K_BALLOT ? TL_K_VOTE : TL_K_ITEM;
	int mf, pf, parent_meeting;
	struct tl_record *p = NULL;
	enum tl_status rc;

	switch (r->e->kind) {
	case TL_K_MOTION:
	case TL_K_VOTE:
	case TL_K_ENTRY:
		parent_meeting = TL_ITEM_MEETING;
		break;
	case TL_K_BALLOT:
		parent_meeting = TL_VOTE_MEETING;
		break;
	default:
		return TL_OK;
	}
	mf = tl_entity_field(r->e, "meeting");
	pf = r->e->parent;
	if (!tl_record_get(r, pf))
		return TL_OK; /* a required field: the field check says so */
	rc = st->ops->get(st, from, tl_record_get(r, pf), &p, err);
	if (rc == TL_OK && p &&
	    !tl_record_set(r, mf, tl_record_get(p, parent_meeting)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	tl_record_free(p);
	return rc;
}

/* The name of person id, for a sentence (into buf). */
static const char *name_of(struct tl_store *st, const char *id, char *buf,
			   size_t size)
{
	struct tl_record *p = NULL;

	snprintf(buf, size, "%s", id ? id : "");
	if (id && st->ops->get(st, TL_K_PERSON, id, &p, NULL) == TL_OK && p)
		snprintf(buf, size, "%s", tl_record_str(p, TL_PERSON_NAME));
	tl_record_free(p);
	return buf;
}

/* Whether person takes part in meeting (any role). */
static enum tl_status takes_part(struct tl_store *st, const char *meeting,
				 const char *person, bool *yes,
				 struct tl_error *err)
{
	const struct tl_eq eq[] = {{TL_PART_MEETING, meeting},
				   {TL_PART_PERSON, person}};

	*yes = false;
	return st->ops->find(st, TL_K_PARTICIPANT, eq, 2, NULL, NULL, yes,
			     err);
}

/* How many ballots of `vote` say `choice`, other than not_id's. */
static enum tl_status tally(struct tl_store *st, const char *vote,
			    const char *choice, const char *not_id, long *n,
			    struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_BALLOT, .parent = vote,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = st->ops->list(st, &q, &page, err);

	*n = 0;
	for (int i = 0; rc == TL_OK && i < page.n; i++)
		if (tl_streq(tl_record_get(page.recs[i], TL_BALLOT_CHOICE),
			     choice) && strcmp(page.recs[i]->id, not_id))
			(*n)++;
	tl_page_done(&page);
	return rc;
}

static enum tl_status check_ballot(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_deciders *d, const char *who,
				   struct tl_error *err)
{
	struct tl_record *v = NULL;
	const char *choice = tl_record_get(r, TL_BALLOT_CHOICE);
	const struct tl_eq eq[] = {{TL_BALLOT_VOTE,
				    tl_record_get(r, TL_BALLOT_VOTE)},
				   {TL_BALLOT_PERSON,
				    tl_record_get(r, TL_BALLOT_PERSON)}};
	int count_field = tl_streq(choice, "yes") ? TL_VOTE_YES
			: tl_streq(choice, "no") ? TL_VOTE_NO : TL_VOTE_ABSTAIN;
	enum tl_status rc;
	bool twice = false;
	long n = 0;

	rc = st->ops->get(st, TL_K_VOTE, eq[0].value, &v, err);
	if (rc != TL_OK || !v)
		return rc;
	rc = tl_store_deciders(st, tl_record_get(v, TL_VOTE_ITEM), d, err);
	if (rc == TL_OK && !tl_deciders_has(d, eq[1].value))
		rc = tl_error_set(err, TL_EINVAL, _("Member: %s is not among "
				  "the decision-makers of § %ld, so has no "
				  "vote in it."), who, d->number);
	if (rc == TL_OK)
		rc = st->ops->find(st, TL_K_BALLOT, eq, 2, r->id, NULL, &twice,
				   err);
	if (rc == TL_OK && twice)
		rc = tl_error_set(err, TL_EINVAL, _("Member: %s has voted in "
				  "this vote already."), who);
	if (rc == TL_OK)
		rc = tally(st, eq[0].value, choice, r->id, &n, err);
	if (rc == TL_OK && choice &&
	    n + 1 > atol(tl_record_str(v, count_field)))
		rc = tl_error_set(err, TL_EINVAL, _("Voted: the vote counts "
				  "%s %s, and this would be one more."),
				  tl_record_str(v, count_field), _(choice));
	tl_record_free(v);
	return rc;
}

/* A vote changed: no count below the ballots already cast for it. */
static enum tl_status check_counts(struct tl_store *st,
				   const struct tl_record *vote,
				   struct tl_error *err)
{
	static const struct {
		int field;
		const char *choice;
	} counts[] = {
		{TL_VOTE_YES, "yes"},
		{TL_VOTE_NO, "no"},
		{TL_VOTE_ABSTAIN, "abstain"},
	};
	enum tl_status rc = TL_OK;

	for (size_t i = 0; rc == TL_OK && i < sizeof(counts) /
	     sizeof(counts[0]); i++) {
		long cast = 0, said = atol(tl_record_str(vote,
							 counts[i].field));

		rc = tally(st, vote->id, counts[i].choice, "", &cast, err);
		if (rc == TL_OK && cast > said)
			rc = tl_error_set(err, TL_EINVAL, ngettext(
				"%s: %ld member voted %s in this vote; the "
				"count cannot be %ld.",
				"%s: %ld members voted %s in this vote; the "
				"count cannot be %ld.", (unsigned long)cast),
				_(vote->e->fields[counts[i].field].label),
				cast, _(counts[i].choice), said);
	}
	return rc;
}

enum tl_status tl_store_paragraph_justering(struct tl_store *st,
					   const char *item_id,
					   struct tl_par_justering *j,
					   struct tl_error *err)
{
	struct tl_record *it = NULL, *m = NULL;
	struct tl_page parts = {0}, entries = {0};
	enum tl_status rc;

	memset(j, 0, sizeof(*j));
	rc = st->ops->get(st, TL_K_ITEM, item_id, &it, err);
	if (rc == TL_ENOTFOUND) {
		/* An item being added: nothing of it is justered. */
		tl_error_clear(err);
		return TL_OK;
	}
	if (rc == TL_OK && it)
		rc = st->ops->get(st, TL_K_MEETING,
				  tl_record_get(it, TL_ITEM_MEETING), &m, err);
	if (rc == TL_OK && m) {
		struct tl_query pq = {.kind = TL_K_PARTICIPANT,
				      .parent = m->id, .limit = 1000};
		struct tl_query eq = {.kind = TL_K_ENTRY, .parent = item_id,
				      .limit = 1000};

		rc = st->ops->list(st, &pq, &parts, err);
		if (rc == TL_OK)
			rc = st->ops->list(st, &eq, &entries, err);
		if (rc == TL_OK)
			tl_paragraph_justering(tl_record_str(m,
							     TL_MEETING_KIND),
					       parts.recs, parts.n,
					       entries.recs, entries.n,
					       item_id, j);
	}
	tl_page_done(&parts);
	tl_page_done(&entries);
	tl_record_free(m);
	tl_record_free(it);
	return rc;
}

enum tl_status tl_store_paragraph_numbered(struct tl_store *st,
					   const char *meeting_id,
					   const char *title, long number,
					   struct tl_record **item,
					   struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_ITEM, .parent = meeting_id,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	*item = NULL;
	for (int i = 0; rc == TL_OK && i < page.n && !*item; i++)
		if (atol(tl_record_str(page.recs[i], TL_ITEM_NUMBER)) ==
		    number) {
			*item = page.recs[i];
			page.recs[i] = NULL;
		}
	tl_page_done(&page);
	if (rc == TL_OK && !*item)
		rc = tl_error_set(err, TL_ENOTFOUND, _("%s has no § %ld."),
				  title, number);
	return rc;
}

enum tl_status tl_store_justered_paragraphs(struct tl_store *st,
					    const char *meeting_id,
					    struct tl_page *page,
					    struct tl_error *err)
{
	const struct tl_eq eq[] = {{TL_ENTRY_MEETING, meeting_id},
				   {TL_ENTRY_KIND, "justering"}};
	struct tl_query q = {.kind = TL_K_ITEM, .parent = meeting_id,
			     .limit = 1000};
	bool any = false;
	int kept = 0;
	enum tl_status rc;

	rc = st->ops->find(st, TL_K_ENTRY, eq, 2, NULL, NULL, &any, err);
	if (rc != TL_OK || !any)
		return rc;
	rc = st->ops->list(st, &q, page, err);
	for (int i = 0; rc == TL_OK && i < page->n; i++) {
		struct tl_par_justering j;

		rc = tl_store_paragraph_justering(st, page->recs[i]->id, &j,
						  err);
		if (rc == TL_OK && j.complete)
			page->recs[kept++] = page->recs[i];
		else
			tl_record_free(page->recs[i]);
		page->recs[i] = i < kept ? page->recs[i] : NULL;
	}
	if (rc == TL_OK)
		page->n = kept;
	return rc;
}

/* The § a record of it belongs to: an item's own id, a motion's, vote's
 * or entry's item, a ballot's vote's item ("" when not known). */
static enum tl_status item_of(struct tl_store *st, const struct tl_record *r,
			      char id[TL_ID_LEN + 1], struct tl_error *err)
{
	struct tl_record *v = NULL;
	enum tl_status rc = TL_OK;
	const char *item = NULL;

	id[0] = '\0';
	if (r->e->kind == TL_K_ITEM) {
		item = r->id;
	} else if (r->e->kind == TL_K_BALLOT) {
		rc = st->ops->get(st, TL_K_VOTE,
				  tl_record_get(r, TL_BALLOT_VOTE), &v, err);
		if (rc == TL_ENOTFOUND) {
			tl_error_clear(err);
			rc = TL_OK;
		}
		item = v ? tl_record_get(v, TL_VOTE_ITEM) : NULL;
	} else {
		item = tl_record_get(r, r->e->parent);
	}
	if (item)
		snprintf(id, TL_ID_LEN + 1, "%s", item);
	tl_record_free(v);
	return rc;
}

/* A § justered immediately is locked, with everything it records. */
static enum tl_status check_justered(struct tl_store *st,
				     const struct tl_record *r,
				     struct tl_error *err)
{
	char item[TL_ID_LEN + 1];
	struct tl_par_justering j;
	struct tl_record *it = NULL;
	enum tl_status rc = item_of(st, r, item, err);

	if (rc != TL_OK || !item[0])
		return rc;
	rc = tl_store_paragraph_justering(st, item, &j, err);
	if (rc != TL_OK || !j.complete)
		return rc;
	if (st->ops->get(st, TL_K_ITEM, item, &it, NULL) == TL_OK && it)
		rc = tl_error_set(err, TL_EREFUSED, _("§ %s is justered "
				  "immediately and locked; record a "
				  "correction in a later §."),
				  tl_record_str(it, TL_ITEM_NUMBER));
	else
		rc = tl_error_set(err, TL_EREFUSED, _("The § is justered "
				  "immediately and locked."));
	tl_record_free(it);
	return rc;
}

enum tl_status tl_rule_check_paragraph_lock(struct tl_store *st,
					    const struct tl_record *old,
					    const struct tl_record *new,
					    struct tl_error *err)
{
	const struct tl_record *any = old ? old : new;
	struct tl_page pars = {0};
	const char *meeting;
	enum tl_status rc;

	switch (any->e->kind) {
	case TL_K_ITEM:
	case TL_K_MOTION:
	case TL_K_VOTE:
	case TL_K_BALLOT:
	case TL_K_ENTRY:
		return check_justered(st, any, err);
	case TL_K_PARTICIPANT:
		/* A guest or the secretary may still be noted. */
		if (!tl_attendee_takes_part(tl_record_get(old,
							  TL_PART_ROLE)) &&
		    !tl_attendee_takes_part(tl_record_get(new,
							  TL_PART_ROLE)))
			return TL_OK;
		meeting = tl_record_get(any, TL_PART_MEETING);
		break;
	case TL_K_MEETING:
		/* Its day, committee and kind are in the §'s protokoll. */
		if (!old || !new || (tl_streq(old->values[TL_MEETING_STARTS],
					      new->values[TL_MEETING_STARTS]) &&
				     tl_streq(old->values[TL_MEETING_UNIT],
					      new->values[TL_MEETING_UNIT]) &&
				     tl_streq(old->values[TL_MEETING_KIND],
					      new->values[TL_MEETING_KIND])))
			return TL_OK;
		meeting = old->id;
		break;
	default:
		return TL_OK;
	}
	rc = tl_store_justered_paragraphs(st, meeting, &pars, err);
	if (rc == TL_OK && pars.n > 0 && any->e->kind == TL_K_MEETING)
		rc = tl_error_set(err, TL_EREFUSED, _("§ %s of this meeting "
				  "is justered immediately; the meeting's "
				  "start, committee and kind cannot change."),
				  tl_record_str(pars.recs[0], TL_ITEM_NUMBER));
	else if (rc == TL_OK && pars.n > 0)
		rc = tl_error_set(err, TL_EREFUSED, _("§ %s of this meeting "
				  "is justered immediately, and who could "
				  "decide and sign it is part of it; its chair, "
				  "justerare, members and substitutes cannot "
				  "change."),
				  tl_record_str(pars.recs[0], TL_ITEM_NUMBER));
	tl_page_done(&pars);
	return rc;
}

/* An immediate justering is signed once by each who signs the minutes
 * of a committee: its chair and its justerare. */
static enum tl_status check_signing(struct tl_store *st,
				    const struct tl_record *r,
				    const char *who, struct tl_error *err)
{
	const char *meeting = tl_record_get(r, TL_ENTRY_MEETING);
	const char *person = tl_record_get(r, TL_ENTRY_PERSON);
	const struct tl_eq peq[] = {{TL_PART_MEETING, meeting},
				    {TL_PART_PERSON, person}};
	const struct tl_eq eeq[] = {{TL_ENTRY_ITEM,
				     tl_record_get(r, TL_ENTRY_ITEM)},
				    {TL_ENTRY_KIND, "justering"},
				    {TL_ENTRY_PERSON, person}};
	struct tl_record *m = NULL, *p = NULL;
	char pid[TL_ID_LEN + 1];
	bool found = false, twice = false;
	enum tl_status rc = st->ops->get(st, TL_K_MEETING, meeting, &m, err);

	if (rc == TL_OK && !tl_streq(tl_record_get(m, TL_MEETING_KIND),
				     "committee"))
		rc = tl_error_set(err, TL_EINVAL, _("Immediate justering is "
				  "of a committee's §§."));
	if (rc == TL_OK)
		rc = st->ops->find(st, TL_K_PARTICIPANT, peq, 2, NULL, pid,
				   &found, err);
	if (rc == TL_OK && found)
		rc = st->ops->get(st, TL_K_PARTICIPANT, pid, &p, err);
	if (rc == TL_OK && (!p || !tl_meeting_role_signs(
			"committee", tl_record_get(p, TL_PART_ROLE))))
		rc = tl_error_set(err, TL_EINVAL, _("Person: %s does not sign "
				  "this meeting's minutes; the chair and the "
				  "justerare do."), who);
	if (rc == TL_OK)
		rc = st->ops->find(st, TL_K_ENTRY, eeq, 3, r->id, NULL, &twice,
				   err);
	if (rc == TL_OK && twice)
		rc = tl_error_set(err, TL_EINVAL, _("Person: %s has signed "
				  "the immediate justering of this § "
				  "already."), who);
	tl_record_free(p);
	tl_record_free(m);
	return rc;
}

enum tl_status tl_rule_check_paragraph(struct tl_store *st,
				       const struct tl_record *r,
				       struct tl_error *err)
{
	const char *kind = r->e->kind == TL_K_ENTRY
			   ? tl_record_get(r, TL_ENTRY_KIND) : NULL;
	const char *person = NULL;
	struct tl_deciders d;
	char who[256];
	enum tl_status rc = TL_OK;
	bool part = false;

	memset(&d, 0, sizeof(d));
	rc = check_justered(st, r, err);
	if (rc != TL_OK)
		return rc;
	switch (r->e->kind) {
	case TL_K_MOTION:
		person = tl_record_get(r, TL_MOTION_PERSON);
		break;
	case TL_K_BALLOT:
		person = tl_record_get(r, TL_BALLOT_PERSON);
		break;
	case TL_K_ENTRY:
		person = tl_record_get(r, TL_ENTRY_PERSON);
		break;
	case TL_K_VOTE:
		break;
	default:
		return TL_OK;
	}
	name_of(st, person, who, sizeof(who));
	if (r->e->kind == TL_K_BALLOT)
		rc = check_ballot(st, r, &d, who, err);
	else if (r->e->kind == TL_K_VOTE ||
		 r->e->kind == TL_K_MOTION || tl_streq(kind, "reservation"))
		rc = tl_store_deciders(st, tl_record_get(r, r->e->parent), &d,
				       err);
	if (rc != TL_OK) {
		tl_deciders_done(&d);
		return rc;
	}
	if (r->e->kind == TL_K_VOTE) {
		long sum = atol(tl_record_str(r, TL_VOTE_YES)) +
			   atol(tl_record_str(r, TL_VOTE_NO)) +
			   atol(tl_record_str(r, TL_VOTE_ABSTAIN));

		if (sum > d.n)
			rc = tl_error_set(err, TL_EINVAL, _("Yes, no and "
					  "abstained add up to %ld, but § %ld "
					  "has %d decision-makers."), sum,
					  d.number, d.n);
		if (rc == TL_OK)
			rc = check_counts(st, r, err);
	} else if (r->e->kind == TL_K_MOTION &&
		   !tl_deciders_has(&d, person)) {
		rc = tl_error_set(err, TL_EINVAL, _("Moved by: %s is not among "
				  "the decision-makers of § %ld, so cannot "
				  "move in it."), who, d.number);
	} else if (tl_streq(kind, "reservation") &&
		   !tl_deciders_has(&d, person)) {
		rc = tl_error_set(err, TL_EINVAL, _("Person: %s did not take "
				  "part in the decision of § %ld, so cannot "
				  "reserve against it."), who, d.number);
	} else if ((tl_streq(kind, "disqualified") ||
		    tl_streq(kind, "statement")) && person) {
		rc = takes_part(st, tl_record_get(r, TL_ENTRY_MEETING), person,
				&part, err);
		if (rc == TL_OK && !part)
			rc = tl_error_set(err, TL_EINVAL, _("Person: %s takes "
					  "no part in this meeting."), who);
	} else if (tl_streq(kind, "justering") && person) {
		rc = check_signing(st, r, who, err);
	}
	tl_deciders_done(&d);
	return rc;
}
