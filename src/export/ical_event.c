/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ical_event.c - meetings as iCalendar events (RFC 5545 VEVENT), so that
 * they can go into any calendar program, and come back changed rather
 * than twice: each event's UID is the meeting's id, which never changes,
 * and its SEQUENCE rises with each change the audit log records.
 *
 * DTSTART and DTEND are the meeting's local times (TZ) as UTC, as the
 * follow-ups' COMPLETED is.  ORGANIZER is the chair (else the manager of
 * a one-to-one, else the secretary), and each participant with an
 * e-mail address is an ATTENDEE with their name (CN), their part (ROLE:
 * the chair CHAIR, a guest OPT-PARTICIPANT, the others REQ-PARTICIPANT)
 * and their attendance (PARTSTAT).  A participant without an address is
 * no calendar user and is named in the DESCRIPTION only.  Texts are made
 * what the screen shows first, as ical.c says.
 */
#include "tillit/export/ical.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ical_lib.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/read/present.h"

/* A meeting's participants asked for at most. */
#define PARTS_MAX 200

/* How strongly a role organises: lower first. */
static int organiser_rank(const char *role)
{
	static const char *const order[] = {"chair", "manager", "secretary"};

	for (size_t i = 0; role && i < sizeof(order) / sizeof(order[0]); i++)
		if (!strcmp(role, order[i]))
			return (int)i;
	return 99;
}

/* A property for a calendar user: mailto:EMAIL with CN=NAME. */
static icalproperty *cal_user(bool organiser, const char *email,
			      const char *name)
{
	size_t n = strlen(email) + 8;
	char *addr = malloc(n);
	char *cn = tl_text_sanitize(name, false);
	icalproperty *p = NULL;
	icalparameter *par;

	if (addr && cn) {
		snprintf(addr, n, "mailto:%s", email);
		p = organiser ? tl_ical.icalproperty_new_organizer(addr)
			      : tl_ical.icalproperty_new_attendee(addr);
		par = p ? tl_ical.icalparameter_new_cn(cn) : NULL;
		if (par)
			tl_ical.icalproperty_add_parameter(p, par);
	}
	free(addr);
	free(cn);
	return p;
}

static void add_param(icalproperty *p, icalparameter *par, bool *ok)
{
	if (!p || !par) {
		*ok = false;
		return;
	}
	tl_ical.icalproperty_add_parameter(p, par);
}

/* Appends "line\n" to *buf. */
static bool append(char **buf, size_t *len, const char *line)
{
	size_t n = strlen(line);
	char *p = realloc(*buf, *len + n + 2);

	if (!p)
		return false;
	memcpy(p + *len, line, n);
	*len += n;
	p[(*len)++] = '\n';
	p[*len] = '\0';
	*buf = p;
	return true;
}

/* The meeting's participants into ev: ORGANIZER, ATTENDEEs, and the
 * lines of the DESCRIPTION that name them. */
static enum tl_status people(struct tl_store *st, const struct tl_record *m,
			     icalcomponent *ev,
			     char **desc, size_t *dlen, bool *ok,
			     struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PARTICIPANT, .parent = m->id,
			     .limit = PARTS_MAX};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);
	struct tl_record *org = NULL;
	int org_rank = 99;

	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const struct tl_record *p = page.recs[i];
		const char *role = tl_record_str(p, TL_PART_ROLE);
		const char *att = tl_record_str(p, TL_PART_ATTENDANCE);
		struct tl_record *person = NULL;
		const char *email, *name;
		char line[400];

		if (tl_store_get(st, TL_K_PERSON,
				 tl_record_str(p, TL_PART_PERSON), &person,
				 err) != TL_OK) {
			/* One the viewer may not read: left out. */
			tl_error_clear(err);
			continue;
		}
		email = tl_record_get(person, TL_PERSON_EMAIL);
		name = tl_record_str(person, TL_PERSON_NAME);
		snprintf(line, sizeof(line), "%s: %s (%s)", _("Participant"),
			 name, _(role));
		if (!append(desc, dlen, line))
			*ok = false;
		if (email && *email) {
			icalproperty *a = cal_user(false, email, name);
			add_param(a, tl_ical.icalparameter_new_role(
					  !strcmp(role, "chair")
					  ? ICAL_ROLE_CHAIR
					  : !strcmp(role, "guest")
					  ? ICAL_ROLE_OPTPARTICIPANT
					  : ICAL_ROLE_REQPARTICIPANT), ok);
			add_param(a, tl_ical.icalparameter_new_partstat(
					  !strcmp(att, "present")
					  ? ICAL_PARTSTAT_ACCEPTED
					  : !strcmp(att, "absent") ||
					  !strcmp(att, "excused")
					  ? ICAL_PARTSTAT_DECLINED
					  : ICAL_PARTSTAT_NEEDSACTION), ok);
			tl_ical_add_prop(ev, a, ok);
			if (organiser_rank(role) < org_rank) {
				tl_record_free(org);
				org = person;
				person = NULL;
				org_rank = organiser_rank(role);
			}
		}
		tl_record_free(person);
	}
	if (rc == TL_OK && org)
		tl_ical_add_prop(ev, cal_user(true, tl_record_str(
				 org, TL_PERSON_EMAIL), tl_record_str(
				 org, TL_PERSON_NAME)), ok);
	tl_record_free(org);
	tl_page_done(&page);
	return rc;
}

/* The VEVENT of meeting m into *out (caller frees with libical). */
static enum tl_status make_event(struct tl_store *st, struct tl_refs *refs,
				 const struct tl_record *m,
				 icalcomponent **out, struct tl_error *err)
{
	icalcomponent *ev = tl_ical.icalcomponent_new_vevent();
	struct icaltimetype created, updated, when;
	const char *v;
	char *uid = NULL, *text = NULL, *desc = NULL, line[400];
	size_t dlen = 0;
	long long version = 0;
	bool ok = ev != NULL;
	enum tl_status rc = TL_OK;

	*out = NULL;
	if (!tl_ical_stamp(m->created_at, &created) ||
	    !tl_ical_stamp(m->updated_at, &updated)) {
		if (ev)
			tl_ical.icalcomponent_free(ev);
		return tl_error_set(err, TL_EDB, _("\"%s\" must be a UTC "
				    "timestamp YYYY-MM-DDTHH:MM:SSZ."),
				    m->updated_at);
	}
	if (ok) {
		size_t n = strlen(m->id) + sizeof(UID_DOMAIN);
		if ((uid = malloc(n)))
			snprintf(uid, n, "%s%s", m->id, UID_DOMAIN);
		tl_ical_add_prop(ev, uid ? tl_ical.icalproperty_new_uid(uid)
				 : NULL, &ok);
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_dtstamp(updated),
				 &ok);
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_created(created),
				 &ok);
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_lastmodified(
					 updated), &ok);
		/* Each change is a row of the audit log: its count of rows
		 * so far would do, its seq rises as surely. */
		if (tl_store_version(st, m->id, &version, NULL, NULL, NULL,
				     err) != TL_OK) {
			tl_error_clear(err);
			version = 0;
		}
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_sequence(
					 (int)(version % 2000000000)), &ok);
	}
	text = tl_text_sanitize(tl_record_str(m, TL_MEETING_TITLE), true);
	if (ok && text && !tl_ical_blank(text))
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_summary(text),
				 &ok);
	free(text);
	if (ok && tl_ical_walltime(tl_record_str(m, TL_MEETING_STARTS),
				   &when))
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_dtstart(when),
				 &ok);
	v = tl_record_get(m, TL_MEETING_ENDS);
	if (ok && v && tl_ical_walltime(v, &when))
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_dtend(when),
				 &ok);
	v = tl_record_get(m, TL_MEETING_LOCATION);
	text = v ? tl_text_sanitize(v, false) : NULL;
	if (ok && text && !tl_ical_blank(text))
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_location(text),
				 &ok);
	free(text);
	tl_ical_add_prop(ev, tl_ical.icalproperty_new_status(
				 !strcmp(tl_record_str(m, TL_MEETING_STATUS),
					 "cancelled")
				 ? ICAL_STATUS_CANCELLED
				 : ICAL_STATUS_CONFIRMED), &ok);
	/* What the meeting is, then who takes part, then its notes. */
	snprintf(line, sizeof(line), "%s: %s", _("Kind"),
		 _(tl_record_str(m, TL_MEETING_KIND)));
	ok = ok && append(&desc, &dlen, line);
	v = tl_record_get(m, TL_MEETING_UNIT);
	if (ok && v) {
		snprintf(line, sizeof(line), "%s: %s", _("Unit"),
			 tl_refs_title(refs, TL_K_UNIT, v));
		ok = append(&desc, &dlen, line);
	}
	if (ok)
		rc = people(st, m, ev, &desc, &dlen, &ok, err);
	v = tl_record_get(m, TL_MEETING_NOTES);
	if (ok && rc == TL_OK && v && *v)
		ok = append(&desc, &dlen, "") && append(&desc, &dlen, v);
	if (desc && dlen && desc[dlen - 1] == '\n')
		desc[--dlen] = '\0';
	text = desc ? tl_text_sanitize(desc, true) : NULL;
	if (ok && rc == TL_OK && text && !tl_ical_blank(text))
		tl_ical_add_prop(ev, tl_ical.icalproperty_new_description(text),
				 &ok);
	free(text);
	free(desc);
	free(uid);
	if (rc == TL_OK && !ok)
		rc = tl_ical_no_memory(err);
	if (rc != TL_OK) {
		if (ev)
			tl_ical.icalcomponent_free(ev);
		return rc;
	}
	*out = ev;
	return TL_OK;
}

enum tl_status tl_ical_write_meetings_body(struct tl_store *st,
					   const struct tl_query *q,
					   FILE *out, struct tl_error *err)
{
	const struct tl_record *m;
	struct tl_iter *it;
	struct tl_refs refs;
	enum tl_status rc;

	tl_refs_init(&refs, st);
	rc = tl_store_iter_new(st, q, &it, err);
	while (rc == TL_OK && (rc = tl_store_iter_next(it, &m, err)) ==
	       TL_OK && m) {
		icalcomponent *ev;

		rc = make_event(st, &refs, m, &ev, err);
		if (rc == TL_OK) {
			rc = tl_ical_write_component(out, ev, err);
			tl_ical.icalcomponent_free(ev);
		}
	}
	tl_store_iter_free(it);
	tl_refs_done(&refs);
	return rc;
}
