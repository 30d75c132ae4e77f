/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ics.c - meetings from an iCalendar file (ics.h), read with libical as
 * the export writes them (../export/ical_lib.h: loaded with dlopen()).
 *
 * Each VEVENT is one meeting.  Its start and end are written as local
 * wall times in TZ, as every meeting's are: a UTC time or one with a
 * time zone is converted, a floating one is taken as it stands, an
 * all-day event starts at 00:00.  Every text goes through core's checks
 * as typed text does (made what the screen shows first: controls from a
 * calendar program are no part of a name), so the file can hold nothing
 * the store would refuse from a person.
 */
#include "tillit/import/ics.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../export/ical_lib.h"
#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/core/validate.h"

/* A calendar read whole; larger ones are refused. */
#define ICS_MAX (64L << 20)

/* The file at path ("-": standard input) into a new string. */
static char *slurp(const char *path, struct tl_error *err)
{
	FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!in) {
		tl_error_set(err, TL_EINVAL, _("Cannot open %s: %s."), path,
			     strerror(errno));
		return NULL;
	}
	do {
		if (len + 65536 + 1 > cap) {
			char *more = realloc(buf, cap = len + 65536 * 4 + 1);
			if (!more) {
				free(buf);
				buf = NULL;
				tl_error_set(err, TL_ESYS, _("Out of memory."));
				break;
			}
			buf = more;
		}
		n = fread(buf + len, 1, 65536, in);
		len += n;
		if ((long)len > ICS_MAX) {
			free(buf);
			buf = NULL;
			tl_error_set(err, TL_EINVAL, _("%s is larger than "
				     "64 MiB; no calendar is."), path);
			break;
		}
	} while (n > 0);
	if (buf && ferror(in)) {
		free(buf);
		buf = NULL;
		tl_error_set(err, TL_ESYS, _("Cannot read %s: %s."), path,
			     strerror(errno));
	}
	if (in != stdin)
		fclose(in);
	if (buf)
		buf[len] = '\0';
	return buf;
}

/* An icaltime as a local wall time "YYYY-MM-DD HH:MM"; false for none. */
static bool wall_of(struct icaltimetype t, char out[TL_DATETIME_SIZE])
{
	time_t when;
	struct tm tm;

	if (tl_ical.icaltime_is_null_time(t))
		return false;
	if (t.is_date || (!tl_ical.icaltime_is_utc(t) && !t.zone)) {
		/* All day, or floating: the wall time as it stands. */
		snprintf(out, TL_DATETIME_SIZE, "%04d-%02d-%02d %02d:%02d",
			 t.year, t.month, t.day, t.is_date ? 0 : t.hour,
			 t.is_date ? 0 : t.minute);
		return true;
	}
	when = tl_ical.icaltime_as_timet_with_zone(
		t, t.zone ? t.zone : tl_ical.icaltimezone_get_utc_timezone());
	if (!localtime_r(&when, &tm))
		return false;
	return strftime(out, TL_DATETIME_SIZE, "%Y-%m-%d %H:%M", &tm) > 0;
}

/*
 * Sets field i of r to what a calendar says, checked as typed text is;
 * *changed when that differs from what r held.  NULL or blank text
 * leaves an optional field unset.
 */
static enum tl_status set(struct tl_record *r, int i, const char *text,
			  bool *changed, struct tl_error *err)
{
	char *shown = text ? tl_text_sanitize(text, true) : NULL;
	char *canon = malloc(TL_TEXT_MAX + 1);
	const char *was = tl_record_get(r, i);
	enum tl_status rc = TL_OK;

	if ((text && !shown) || !canon)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_validate_value(&r->e->fields[i], shown ? shown : "",
				       canon, TL_TEXT_MAX + 1, err);
	if (rc == TL_OK) {
		const char *now = canon[0] ? canon : NULL;
		if (!(was ? now && !strcmp(was, now) : !now)) {
			*changed = true;
			if (!tl_record_set(r, i, now))
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
		}
	}
	free(shown);
	free(canon);
	return rc;
}

/* ---- attendees -------------------------------------------------------- */

/* The people with an e-mail address, read once for the whole calendar. */
struct book {
	char **email; /* in lower case */
	char (*id)[TL_ID_LEN + 1];
	int n;
	bool read;
};

static void book_free(struct book *b)
{
	for (int i = 0; i < b->n; i++)
		free(b->email[i]);
	free(b->email);
	free(b->id);
	memset(b, 0, sizeof(*b));
}

/* An address in lower case, without "mailto:"; NULL out of memory. */
static char *address(const char *v)
{
	char *a;

	if (!strncasecmp(v, "mailto:", 7))
		v += 7;
	if (!(a = strdup(v)))
		return NULL;
	for (char *p = a; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return a;
}

static enum tl_status book_read(struct tl_store *st, struct book *b,
				struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PERSON};
	const struct tl_record *r;
	struct tl_iter *it;
	enum tl_status rc;

	b->read = true;
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = tl_store_iter_next(it, &r, err)) == TL_OK &&
	       r) {
		const char *e = tl_record_get(r, TL_PERSON_EMAIL);
		char **em;
		char (*ids)[TL_ID_LEN + 1];

		if (!e || !*e)
			continue;
		em = realloc(b->email, (size_t)(b->n + 1) * sizeof(*em));
		if (em)
			b->email = em;
		ids = realloc(b->id, (size_t)(b->n + 1) * sizeof(*ids));
		if (ids)
			b->id = ids;
		if (!em || !ids || !(b->email[b->n] = address(e))) {
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		memcpy(b->id[b->n++], r->id, TL_ID_LEN + 1);
	}
	tl_store_iter_free(it);
	return rc;
}

/* Whether person takes part in meeting already. */
static enum tl_status takes_part(struct tl_store *st, const char *meeting,
				 const char *person, bool *yes,
				 struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PARTICIPANT, .parent = meeting,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	*yes = false;
	for (int i = 0; rc == TL_OK && i < page.n; i++)
		if (!strcmp(tl_record_str(page.recs[i], TL_PART_PERSON),
			    person))
			*yes = true;
	tl_page_done(&page);
	return rc;
}

/* The role an attendee takes: from the organizer, or the ROLE given. */
static const char *role_of(icalproperty *p, bool organizer, bool one_to_one)
{
	icalparameter *role =
		tl_ical.icalproperty_get_first_parameter(p, ICAL_ROLE_PARAMETER);
	icalparameter_role r = role ? tl_ical.icalparameter_get_role(role)
				    : ICAL_ROLE_REQPARTICIPANT;

	if (organizer || r == ICAL_ROLE_CHAIR)
		return one_to_one ? "manager" : "chair";
	if (r == ICAL_ROLE_OPTPARTICIPANT || r == ICAL_ROLE_NONPARTICIPANT)
		return "guest";
	return one_to_one ? "employee" : "member";
}

/* The organizer and attendees of event ev who are people here take
 * part in meeting m. */
static enum tl_status attendees(struct tl_store *st, icalcomponent *ev,
				const struct tl_record *m, struct book *b,
				struct tl_ics_stats *s, struct tl_error *err)
{
	static const icalproperty_kind kinds[] = {ICAL_ORGANIZER_PROPERTY,
						  ICAL_ATTENDEE_PROPERTY};
	bool one = !strcmp(tl_record_str(m, TL_MEETING_KIND), "one_to_one");
	enum tl_status rc = TL_OK;

	if (!b->read)
		rc = book_read(st, b, err);
	for (int k = 0; k < 2 && rc == TL_OK; k++) {
		for (icalproperty *p = tl_ical.icalcomponent_get_first_property(
			     ev, kinds[k]);
		     p && rc == TL_OK;
		     p = tl_ical.icalcomponent_get_next_property(ev, kinds[k])) {
			const char *v = k ? tl_ical.icalproperty_get_attendee(p)
					  : tl_ical.icalproperty_get_organizer(p);
			char *a = v ? address(v) : NULL;
			const char *person = NULL;
			struct tl_record *part;
			bool already;

			if (!a)
				continue;
			for (int i = 0; i < b->n && !person; i++)
				if (!strcmp(b->email[i], a))
					person = b->id[i];
			free(a);
			if (!person) {
				s->strangers++;
				continue;
			}
			rc = takes_part(st, m->id, person, &already, err);
			if (rc != TL_OK || already)
				continue;
			part = tl_record_new(TL_K_PARTICIPANT);
			if (!part ||
			    !tl_record_set(part, TL_PART_MEETING, m->id) ||
			    !tl_record_set(part, TL_PART_PERSON, person) ||
			    !tl_record_set(part, TL_PART_ROLE,
					   role_of(p, !k, one)))
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
			if (rc == TL_OK)
				rc = tl_store_insert(st, part, err);
			s->participants += rc == TL_OK;
			tl_record_free(part);
		}
	}
	return rc;
}

/* ---- events ---------------------------------------------------------- */

/* The meeting of one VEVENT: added, changed, unchanged or skipped. */
static enum tl_status event(struct tl_store *st, icalcomponent *ev,
			    const struct tl_ics_options *o, struct book *b,
			    struct tl_ics_stats *s, struct tl_error *err)
{
	const char *uid = tl_ical.icalcomponent_get_uid(ev);
	char id[TL_ID_LEN + 1], start[TL_DATETIME_SIZE], end[TL_DATETIME_SIZE];
	struct tl_record *m = NULL;
	bool ours = false, changed = false, cancelled;
	size_t n;
	enum tl_status rc;

	if (!uid || !*uid || !wall_of(tl_ical.icalcomponent_get_dtstart(ev),
				      start)) {
		s->skipped++;
		return TL_OK;
	}
	cancelled = tl_ical.icalcomponent_get_status(ev) ==
		    ICAL_STATUS_CANCELLED;
	/* "ID@tillit": a meeting this tillit or another exported. */
	n = strlen(uid);
	if (n == TL_ID_LEN + strlen(UID_DOMAIN) &&
	    !strcmp(uid + TL_ID_LEN, UID_DOMAIN)) {
		memcpy(id, uid, TL_ID_LEN);
		id[TL_ID_LEN] = '\0';
		ours = true;
	} else {
		tl_id_of_name(uid, id);
	}
	rc = tl_store_get(st, TL_K_MEETING, id, &m, err);
	if (rc == TL_ENOTFOUND) {
		tl_error_clear(err);
		if (cancelled) {
			s->skipped++;
			return TL_OK;
		}
		m = tl_record_new(TL_K_MEETING);
		if (!m)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		memcpy(m->id, id, sizeof(m->id));
		rc = set(m, TL_MEETING_KIND, o && o->kind ? o->kind : "forum",
			 &changed, err);
		if (rc == TL_OK && o && o->unit)
			rc = set(m, TL_MEETING_UNIT, o->unit, &changed, err);
	} else if (rc != TL_OK) {
		return rc;
	}
	changed = false;
	if (rc == TL_OK) {
		const char *title = tl_ical.icalcomponent_get_summary(ev);
		rc = set(m, TL_MEETING_TITLE, title && *title ? title
			 : _("(no title)"), &changed, err);
	}
	if (rc == TL_OK)
		rc = set(m, TL_MEETING_STARTS, start, &changed, err);
	if (rc == TL_OK)
		rc = set(m, TL_MEETING_ENDS, wall_of(
			tl_ical.icalcomponent_get_dtend(ev), end) &&
			 strcmp(end, start) > 0 ? end : NULL, &changed, err);
	if (rc == TL_OK)
		rc = set(m, TL_MEETING_LOCATION,
			 tl_ical.icalcomponent_get_location(ev), &changed,
			 err);
	/* The description tillit writes is made from the meeting; another
	 * calendar's is what the event says. */
	if (rc == TL_OK && !ours)
		rc = set(m, TL_MEETING_NOTES,
			 tl_ical.icalcomponent_get_description(ev), &changed,
			 err);
	if (rc == TL_OK && cancelled)
		rc = set(m, TL_MEETING_STATUS, "cancelled", &changed, err);
	if (rc == TL_OK && !m->created_at[0]) {
		rc = tl_store_insert(st, m, err);
		s->added += rc == TL_OK;
	} else if (rc == TL_OK && changed) {
		rc = tl_store_update(st, m, err);
		s->changed += rc == TL_OK;
	} else if (rc == TL_OK) {
		s->unchanged++;
	}
	if (rc == TL_OK && !cancelled)
		rc = attendees(st, ev, m, b, s, err);
	if (rc != TL_OK) {
		/* Which event, in the sentence that says why. */
		char why[sizeof(err->msg)], q[200];

		snprintf(why, sizeof(why), "%s", err->msg);
		tl_error_set(err, rc, _("The event %s: %s"),
			     tl_text_quote(uid, 60, q, sizeof(q)), why);
	}
	tl_record_free(m);
	return rc;
}

enum tl_status tl_ics_import(struct tl_store *st, const char *path,
			     const struct tl_ics_options *o,
			     struct tl_ics_stats *stats, struct tl_error *err)
{
	char *text, q[200];
	icalcomponent *cal, *c;
	struct book book = {0};
	enum tl_status rc;

	memset(stats, 0, sizeof(*stats));
	rc = tl_ical_load(err);
	if (rc != TL_OK)
		return rc;
	if (!(text = slurp(path, err)))
		return err->status;
	cal = tl_ical.icalparser_parse_string(text);
	free(text);
	tl_text_quote(strcmp(path, "-") ? path : _("standard input"), 60, q,
		      sizeof(q));
	if (!cal || tl_ical.icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		if (cal)
			tl_ical.icalcomponent_free(cal);
		return tl_error_set(err, TL_EINVAL, _("%s is not an iCalendar "
				    "file (BEGIN:VCALENDAR ... "
				    "END:VCALENDAR)."), q);
	}
	if (tl_ical.icalcomponent_count_errors(cal) > 0) {
		int n = tl_ical.icalcomponent_count_errors(cal);

		tl_ical.icalcomponent_free(cal);
		return tl_error_set(err, TL_EINVAL,
				    ngettext("%s has %d line that libical "
					     "cannot read; nothing was "
					     "imported.",
					     "%s has %d lines that libical "
					     "cannot read; nothing was "
					     "imported.", n), q, n);
	}
	rc = tl_store_begin(st, err);
	if (rc == TL_OK) {
		for (c = tl_ical.icalcomponent_get_first_component(
			     cal, ICAL_VEVENT_COMPONENT);
		     rc == TL_OK && c;
		     c = tl_ical.icalcomponent_get_next_component(
			     cal, ICAL_VEVENT_COMPONENT))
			rc = event(st, c, o, &book, stats, err);
		if (rc == TL_OK)
			rc = tl_store_commit(st, err);
		else
			tl_store_rollback(st);
	}
	tl_ical.icalcomponent_free(cal);
	book_free(&book);
	if (rc != TL_OK)
		memset(stats, 0, sizeof(*stats));
	return rc;
}
