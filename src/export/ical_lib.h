/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ical_lib.h - what ical.c (follow-ups as VTODOs, the calendar's frame,
 * lines folded) shares with ical_event.c (meetings as VEVENTs): libical,
 * loaded with dlopen() (ical.c says why), and the helpers both build
 * with; and src/import/ics.c, which reads a calendar.  Private to
 * those.
 */
#ifndef TILLIT_EXPORT_ICAL_LIB_H
#define TILLIT_EXPORT_ICAL_LIB_H

#include <stdbool.h>
#include <stdio.h>

#include <libical/ical.h>

#include "tillit/core/error.h"
#include "tillit/store/store.h"

#define UID_DOMAIN "@tillit"
/* The line that ends the VCALENDAR frame as libical writes it. */
#define CAL_END "END:VCALENDAR\r\n"

/* Every libical function that ical.c and ical_event.c call. */
#define ICAL_FUNCS(X) \
	X(icalcomponent_add_component) \
	X(icalcomponent_add_property) \
	X(icalcomponent_as_ical_string_r) \
	X(icalcomponent_count_errors) \
	X(icalcomponent_free) \
	X(icalcomponent_get_description) \
	X(icalcomponent_get_dtend) \
	X(icalcomponent_get_dtstart) \
	X(icalcomponent_get_first_component) \
	X(icalcomponent_get_first_property) \
	X(icalcomponent_get_location) \
	X(icalcomponent_get_next_component) \
	X(icalcomponent_get_next_property) \
	X(icalcomponent_get_status) \
	X(icalcomponent_get_summary) \
	X(icalcomponent_get_uid) \
	X(icalcomponent_isa) \
	X(icalcomponent_new_valarm) \
	X(icalcomponent_new_vcalendar) \
	X(icalcomponent_new_vevent) \
	X(icalcomponent_new_vtodo) \
	X(icaldurationtype_from_int) \
	X(icalmemory_free_buffer) \
	X(icalparser_parse_string) \
	X(icalparameter_new_cn) \
	X(icalparameter_new_partstat) \
	X(icalparameter_new_related) \
	X(icalparameter_new_role) \
	X(icalparameter_get_role) \
	X(icalproperty_add_parameter) \
	X(icalproperty_free) \
	X(icalproperty_get_attendee) \
	X(icalproperty_get_first_parameter) \
	X(icalproperty_get_organizer) \
	X(icalproperty_new_action) \
	X(icalproperty_new_attendee) \
	X(icalproperty_new_categories) \
	X(icalproperty_new_completed) \
	X(icalproperty_new_created) \
	X(icalproperty_new_description) \
	X(icalproperty_new_dtend) \
	X(icalproperty_new_dtstamp) \
	X(icalproperty_new_dtstart) \
	X(icalproperty_new_due) \
	X(icalproperty_new_lastmodified) \
	X(icalproperty_new_location) \
	X(icalproperty_new_organizer) \
	X(icalproperty_new_percentcomplete) \
	X(icalproperty_new_prodid) \
	X(icalproperty_new_sequence) \
	X(icalproperty_new_status) \
	X(icalproperty_new_summary) \
	X(icalproperty_new_trigger) \
	X(icalproperty_new_uid) \
	X(icalproperty_new_version) \
	X(icaltime_as_timet_with_zone) \
	X(icaltime_days_in_month) \
	X(icaltime_is_null_time) \
	X(icaltime_is_utc) \
	X(icaltime_null_date) \
	X(icaltime_null_time) \
	X(icaltimezone_get_utc_timezone)

/* Pointers into the loaded library, each of its function's own type. */
struct tl_ical_lib {
#define ICAL_MEMBER(f) __typeof__(f) *f;
	ICAL_FUNCS(ICAL_MEMBER)
#undef ICAL_MEMBER
};
extern struct tl_ical_lib tl_ical;


/* Loads libical once; TL_ESYS with one sentence when it cannot. */
enum tl_status tl_ical_load(struct tl_error *err);

enum tl_status tl_ical_no_memory(struct tl_error *err);
enum tl_status tl_ical_write_failed(struct tl_error *err);

/* Adds prop to comp; a NULL prop (out of memory) makes *ok false. */
void tl_ical_add_prop(icalcomponent *comp, icalproperty *prop, bool *ok);

/* A record timestamp "YYYY-MM-DDTHH:MM:SSZ", a date "YYYY-MM-DD" and a
 * local wall time "YYYY-MM-DD HH:MM" (in TZ, as UTC) as icaltimes;
 * false when s is not one. */
bool tl_ical_stamp(const char *s, struct icaltimetype *t);
bool tl_ical_date(const char *s, struct icaltimetype *t);
bool tl_ical_walltime(const char *s, struct icaltimetype *t);

/* Whether s is only spaces and tabs (libical reads such a value as
 * none). */
bool tl_ical_blank(const char *s);

/* The calendar's frame up to its END line, and one component, written
 * with lines of at most 75 octets. */
enum tl_status tl_ical_write_head(FILE *out, struct tl_error *err);
enum tl_status tl_ical_write_component(FILE *out, icalcomponent *comp,
				       struct tl_error *err);

/* The calendar of the meetings of q (ical_event.c), its frame first. */
enum tl_status tl_ical_write_meetings_body(struct tl_store *st,
					   const struct tl_query *q,
					   FILE *out, struct tl_error *err);

#endif
