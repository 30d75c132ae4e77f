/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * read/meeting.h - one meeting as every reader sees it: the meeting
 * screen, the minutes and the summary all load it here, so that they
 * agree on who took part, in which order, and what each item is called.
 *
 * Everything is read in full through the store API (no page limit).
 * What only some readers need is loaded when flags ask for it, so that
 * the screen, which loads a meeting again at every change another
 * program makes, reads no more than it shows.
 */
#ifndef TILLIT_READ_MEETING_H
#define TILLIT_READ_MEETING_H

#include <stdbool.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/paragraph.h"
#include "tillit/store/store.h"

/* A list of records, owned by the list. */
struct tl_rec_list {
	struct tl_record **v;
	int n, cap;
};

/* Frees the records and the array; the list is empty after. */
void tl_rec_list_done(struct tl_rec_list *l);

/* The record with this id in l, or NULL (id may be NULL). */
const struct tl_record *tl_rec_list_find(const struct tl_rec_list *l,
					 const char *id);

/* Its index in l, or -1. */
int tl_rec_list_index(const struct tl_rec_list *l, const char *id);

/* What to load besides the meeting and what was recorded in it. */
enum {
	/* The series' meeting before this one, and its follow-ups. */
	TL_MEETING_PREVIOUS = 1 << 0,
	/* The delegated decisions a committee meeting reports. */
	TL_MEETING_REPORTED = 1 << 1,
	/* Its signatures. */
	TL_MEETING_SIGNATURES = 1 << 2,
	/* What each § of a committee meeting records, and who decided
	 * it (nothing for other meetings). */
	TL_MEETING_PARAGRAPHS = 1 << 3,
};

/* A delegated decision and the mandate it was taken under. */
struct tl_reported {
	const struct tl_record *decision;
	const struct tl_record *mandate;
};

struct tl_meeting_data {
	struct tl_record *meeting;
	const char *kind;  /* the meeting's kind (in meeting) */
	bool committee;    /* kind is "committee": items go by § */

	/* Participants in their order (core/meeting.h), items in the
	 * agenda's order; their numbers are tl_meeting_item_label(
	 * items.v[i], i + 1, committee, ...). */
	struct tl_rec_list parts, items;
	/* What was recorded in the meeting, in the store's list order. */
	struct tl_rec_list mandates, frames, followups;
	/* Every meeting of its series (none without a series). */
	struct tl_rec_list series;
	/* Carried over: the open follow-ups of the series made in earlier
	 * meetings (not this one, nor one starting at its time or later),
	 * in the store's list order. */
	struct tl_rec_list carried;
	/* The governance principles, for the names of item tags. */
	struct tl_rec_list principles;

	/* TL_MEETING_PREVIOUS: the latest meeting of the series that
	 * starts before this one (NULL: none), and its follow-ups. */
	struct tl_record *previous;
	struct tl_rec_list previous_followups;

	/* TL_MEETING_REPORTED, for a committee meeting with a unit: the
	 * delegated decisions it reports (anmälan), each reported to one
	 * meeting only, by the store's rule (store.h,
	 * tl_store_report_scope), in the order they are reported: by
	 * date, by mandate, by summary; report_mandates holds their
	 * mandates.  report_from is the date of the committee's previous
	 * meeting (the latest before this one, not cancelled; "" when
	 * there is none). */
	struct tl_reported *reported;
	int nreported;
	char report_from[16];
	struct tl_rec_list report_mandates, report_decisions;

	/* TL_MEETING_SIGNATURES: as the store gives them. */
	struct tl_page signatures;

	/* TL_MEETING_PARAGRAPHS: what the §§ record, each list in the
	 * order it was recorded (motions, votes, the members' ballots,
	 * the other entries), and who decided each §: deciders[i] is
	 * items.v[i]'s (store/paragraph.h). */
	struct tl_rec_list motions, votes, ballots, entries;
	struct tl_deciders *deciders;
	/* TL_MEETING_PARAGRAPHS: the participants' people, and those whom
	 * serving substitutes replace, for their titles and parties. */
	struct tl_rec_list people;
};

/*
 * Loads meeting_id into *md (zeroed here first) with what flags ask for.
 * Participants are ordered by the names refs gives; refs NULL orders
 * them by person id instead (as the canonical minutes, which name people
 * by id).  To read one snapshot, call it inside tl_store_read_begin and
 * _end.  TL_ENOTFOUND for an unknown meeting.  *md must be released with
 * tl_meeting_data_done, also after an error.
 */
enum tl_status tl_meeting_read(struct tl_store *st, struct tl_refs *refs,
			       const char *meeting_id, unsigned flags,
			       struct tl_meeting_data *md,
			       struct tl_error *err);

/* Releases what md holds; md is then empty.  Accepts an empty md. */
void tl_meeting_data_done(struct tl_meeting_data *md);

/* The meeting of the series with this id (from md->series), or NULL. */
const struct tl_record *tl_meeting_data_series_meeting(
	const struct tl_meeting_data *md, const char *id);

#endif
