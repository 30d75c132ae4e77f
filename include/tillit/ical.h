/*
 * ical.h - follow-ups as iCalendar to-dos (VTODO), through libical, so
 * that agreed follow-ups can go into any calendar program.
 */
#ifndef TILLIT_ICAL_H
#define TILLIT_ICAL_H

#include <stdio.h>

#include "tillit/error.h"
#include "tillit/store.h"

/*
 * Writes one VCALENDAR with a VTODO for every follow-up that q selects
 * (q->kind must be TL_K_FOLLOWUP; its filters apply, paging is done
 * here): UID from the id, SUMMARY the text, DUE the due date, STATUS
 * NEEDS-ACTION / COMPLETED / CANCELLED, DESCRIPTION with owner and origin.
 */
enum tl_status tl_ical_write_followups(struct tl_store *st,
				       const struct tl_query *q, FILE *out,
				       struct tl_error *err);

#endif
