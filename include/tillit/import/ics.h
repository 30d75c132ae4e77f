/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ics.h - meetings from a calendar: `tillit import FILE.ics`.
 */
#ifndef TILLIT_IMPORT_ICS_H
#define TILLIT_IMPORT_ICS_H

#include "tillit/core/error.h"
#include "tillit/store/store.h"

/* What a new meeting from a calendar is, which the calendar cannot say. */
struct tl_ics_options {
	const char *kind; /* its kind: NULL for forum */
	const char *unit; /* its unit's full id, or NULL for none */
};

struct tl_ics_stats {
	long added, changed, unchanged;
	long skipped; /* no start, or cancelled and never added */
	long participants; /* taken part: attendees who are people here */
	long strangers;    /* attendees whose address no person has */
};

/*
 * Adds or updates meetings from the iCalendar file at path ("-":
 * standard input), one for each VEVENT, in one transaction: a file with
 * any error writes nothing.  An event tillit exported (UID "ID@tillit")
 * updates that meeting: its title, start, end and place, and cancelled
 * when the calendar says so.  Another event becomes a meeting whose id
 * is made from its UID (tl_id_of_name), so that importing the calendar
 * again updates what it added instead of adding it twice; its
 * description becomes the meeting's notes.  An ATTENDEE or the ORGANIZER
 * whose address is a person's e-mail (in any case) takes part, unless
 * they do already: the organizer as chair (manager in a one-to-one),
 * an optional attendee as guest, any other as member (employee in a
 * one-to-one).  People are not made from addresses: one no person has
 * is counted as a stranger.
 */
enum tl_status tl_ics_import(struct tl_store *st, const char *path,
			     const struct tl_ics_options *o,
			     struct tl_ics_stats *stats, struct tl_error *err);

#endif
