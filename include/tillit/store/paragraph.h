/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * paragraph.h - a § as the law records it, as the store knows it (issue
 * 16): who decided it, worked out from the meeting's participants (their
 * role, attendance, whom a substitute replaces, from which § to which
 * they took part) and the members disqualified from it; core/paragraph.h
 * holds the rule, this reads the records.
 *
 * The rules of a §'s parts live here too, asked whatever way one comes
 * in (tl_rule_check_among): a motion's mover, a reservation's member and
 * a ballot's voter decide the §; a disqualified member and one who makes
 * a statement take part in the meeting; a vote's counts are no more than
 * the §'s decision-makers, and a ballot is one a member.
 */
#ifndef TILLIT_STORE_PARAGRAPH_H
#define TILLIT_STORE_PARAGRAPH_H

#include "tillit/store/store.h"

/* Who decides one §. */
struct tl_deciders {
	char (*ids)[TL_ID_LEN + 1]; /* the decision-makers' person ids */
	int n;
	long seats;                 /* the committee's members: the seats
				       of the participants, and of those a
				       substitute replaces */
	long number;                /* the § number */
};

/* The decision-makers of the agenda item item_id into d (free with
 * tl_deciders_done). */
enum tl_status tl_store_deciders(struct tl_store *st, const char *item_id,
				 struct tl_deciders *d, struct tl_error *err);
void tl_deciders_done(struct tl_deciders *d);

/* Whether person is among d's decision-makers. */
bool tl_deciders_has(const struct tl_deciders *d, const char *person);

/*
 * How far the immediate justering (omedelbar justering) of the § item_id
 * has come (core/paragraph.h).  A § justered immediately is locked with
 * everything it records (tl_rule_check_paragraph).
 */
struct tl_par_justering;
enum tl_status tl_store_paragraph_justering(struct tl_store *st,
					   const char *item_id,
					   struct tl_par_justering *j,
					   struct tl_error *err);

/*
 * The § numbered `number` of meeting_id into *item (caller frees).
 * TL_ENOTFOUND, with one sentence naming the meeting by `title`, when it
 * has none.
 */
enum tl_status tl_store_paragraph_numbered(struct tl_store *st,
					   const char *meeting_id,
					   const char *title, long number,
					   struct tl_record **item,
					   struct tl_error *err);

/*
 * The §§ of meeting_id justered immediately, in § order, into *page
 * (zero it first; release with tl_page_done).  One query for a meeting
 * none of whose §§ anyone has signed, the usual case.
 */
enum tl_status tl_store_justered_paragraphs(struct tl_store *st,
					    const char *meeting_id,
					    struct tl_page *page,
					    struct tl_error *err);

#endif
