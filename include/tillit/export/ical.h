/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ical.h - follow-ups as iCalendar to-dos (VTODO), through libical, so
 * that agreed follow-ups can go into any calendar program.
 */
#ifndef TILLIT_ICAL_H
#define TILLIT_ICAL_H

#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/store/store.h"

/*
 * Writes one VCALENDAR (RFC 5545, CRLF line ends, lines folded at 75
 * octets) with a VTODO for every follow-up that q selects, in the store's
 * list order.  q->kind must be TL_K_FOLLOWUP; its filters apply (owner,
 * status, from/to on the due date, ...), while its limit and cursor are
 * ignored: paging is done here, 500 records at a time, in one read
 * snapshot.  Each VTODO has:
 *   UID           the follow-up's id + "@tillit"
 *   DTSTAMP, LAST-MODIFIED, CREATED   from updated_at and created_at (UTC),
 *                 never the clock, so the same records give the same bytes
 *   SUMMARY       the text, as the screen shows it: control characters
 *                 made visible by tl_text_sanitize (line breaks and tabs
 *                 kept), then escaped by libical (\\ \; \, \n)
 *   DESCRIPTION   owner, meeting, item, mandate, frame and outcome, one
 *                 "Label: value" a line, labels translated, made safe
 *                 the same way
 *   CATEGORIES    the kind: result, effect or action (none when the
 *                 stored kind is none of them)
 *                 (SUMMARY and DESCRIPTION are left out when they would
 *                 hold only spaces and tabs, which libical reads as no
 *                 value, an error)
 *   DUE           the due date as a DATE value, when there is one
 *   STATUS        NEEDS-ACTION (open), COMPLETED (done, with
 *                 PERCENT-COMPLETE 100 and COMPLETED from closed_at,
 *                 local time in TZ made UTC) or CANCELLED
 * Nothing is printed.  TL_EUSAGE when q is not a follow-up query, store
 * errors as tl_store_list gives them (a filter the kind lacks, such as
 * q->unit, is refused there), TL_ESYS when out of memory or when `out`
 * cannot be written.  On error `out` may hold part of a calendar.  The
 * caller owns and closes `out`; it is flushed here.
 */
enum tl_status tl_ical_write_followups(struct tl_store *st,
				       const struct tl_query *q, FILE *out,
				       struct tl_error *err);

/*
 * One VCALENDAR holding one VTODO whose SUMMARY, DESCRIPTION and
 * CATEGORIES are made from summary, description and kind by the rules
 * above (NULL as ""), with a fixed UID, fixed times, a due date and
 * NEEDS-ACTION: the export's handling of text, for tests and fuzzing.
 * Errors as tl_ical_write_followups.
 */
/*
 * Writes the meetings q selects (q->kind is TL_K_MEETING) as an
 * iCalendar file of VEVENTs (ical_event.c says what each holds), from one
 * snapshot of the store.
 */
enum tl_status tl_ical_write_meetings(struct tl_store *st,
				      const struct tl_query *q, FILE *out,
				      struct tl_error *err);

enum tl_status tl_ical_write_texts(FILE *out, const char *summary,
				   const char *description, const char *kind,
				   struct tl_error *err);

#endif
