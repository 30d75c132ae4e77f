/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * paragraph.h - the rules of a § that need no database (issue 16): who
 * decides it, whether a vote's result follows from its counts, and what
 * each kind of § entry must name.  The store asks them with the records
 * (store/paragraph.h); libc only.
 */
#ifndef TILLIT_PARAGRAPH_H
#define TILLIT_PARAGRAPH_H

#include <stdbool.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"

/* A participant as the decision-makers of a § are worked out from. */
struct tl_attendee {
	const char *role;       /* chair, adjuster, member, substitute ... */
	const char *attendance; /* present, absent ... */
	bool replaces;          /* a substitute serving for a named member */
	long from_no, until_no; /* the first and last § they took part in,
				   0 when from the start or to the end */
	bool disqualified;      /* jäv in this § */
};

/* Whether the participant holds a seat: the chair, an adjuster or a
 * member (a serving substitute sits in someone else's). */
bool tl_attendee_holds_seat(const char *role);

/* Whether a participant in this role may decide or sign a § of a
 * committee: the chair, a justerare, a member or a substitute (not the
 * secretary, nor a guest).  Who they are is part of a § justered
 * immediately. */
bool tl_attendee_takes_part(const char *role);

/*
 * Whether a participant decides the § numbered item_no: a member who
 * holds a seat, or a substitute serving for a named member, present,
 * there for that §, and not disqualified from it.
 */
bool tl_attendee_decides(const struct tl_attendee *a, long item_no);

/*
 * Whether n decision-makers of `seats` members make a quorum: more than
 * half of the members (Kommunallagen 6 kap. 28 §).  Always true when the
 * seats are not known (0).
 */
bool tl_quorum(long n, long seats);

/* A vote's result follows from its counts: the side with more votes
 * wins; a tie is the chair's casting vote, which decides nothing else.
 * TL_EINVAL with one sentence when it does not. */
enum tl_status tl_vote_check(const struct tl_record *vote,
			     struct tl_error *err);

/* An entry names what its kind needs: a person for a reservation, a
 * statement or a disqualification; a text for a document of the
 * decision basis or the order of decision; a person, unit or text for a
 * recipient.  TL_EINVAL with one sentence when it does not. */
enum tl_status tl_entry_check(const struct tl_record *entry,
			      struct tl_error *err);

/*
 * Omedelbar justering of one §: the § is justered at the meeting when
 * every participant who signs the meeting's minutes (the chair and the
 * justerare of a committee) has signed it, each by an entry of kind
 * "justering" on the item.  From the participants and the entries of the
 * meeting (any order), for the item with id `item`: how many sign, how
 * many have, and the stamp of the last signature (the created_at of its
 * entry, "" when none).
 */
struct tl_par_justering {
	int signers, nsigned;
	bool complete;     /* every signer has signed */
	char at[32];       /* the last signature's stamp */
};
void tl_paragraph_justering(const char *meeting_kind,
			    struct tl_record *const *parts, int nparts,
			    struct tl_record *const *entries, int nentries,
			    const char *item, struct tl_par_justering *out);

#endif
