/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ical.c - follow-ups as iCalendar to-dos (RFC 5545 VTODO), built and
 * serialised with libical, so that what was agreed in a meeting can go
 * into any calendar program; an open one with a due date carries a
 * VALARM that shows it the day before.  Meetings are events
 * (ical_event.c), in the same frame.
 *
 * Every text is first made what the screen shows (tl_text_sanitize, line
 * breaks and tabs kept): RFC 5545 allows no control character in a TEXT
 * value but a tab, and libical passes the others through, so a control
 * stored by another program would make the file invalid and reach the
 * terminal of whoever prints it.  CATEGORIES is a list, which libical
 * writes without escaping its commas and semicolons: it is written only
 * for a kind tillit knows.
 *
 * The file is streamed: the VCALENDAR frame (VERSION, PRODID) is
 * serialised once and cut at its END line, and every follow-up becomes a
 * VTODO of its own that is serialised, written and freed before the next,
 * so memory stays at one page of records (500) however many there are.
 * libical does the escaping of TEXT values (\\ \; \, \n) and ends lines
 * in CRLF.  The folding of long lines is done again here, at 75 octets,
 * never inside a UTF-8 sequence (checked by tests/unit/test_ical.c and
 * tests/fuzz/fuzz_ics.c): libical 3.0 folds on its own, but can put its
 * fold between the CR and the LF that end a line.
 *
 * The output is a pure function of the records: DTSTAMP is the record's
 * updated_at, not the wall clock, and the to-dos come in the store's list
 * order.  libical's parser drops white space at the very start and end of
 * a TEXT value; the store keeps such text as typed, so a text that starts
 * or ends with spaces comes back trimmed from any libical-based reader.
 *
 * libical is loaded with dlopen() on the first export, not linked: it
 * brings ICU and libstdc++, and loading those at every start of tillit
 * cost about 4 ms of each command's start-up (bench/notes.md).  The
 * header still gives every function's type, so each call is checked as
 * if it were linked.
 */
#include "tillit/export/ical.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical_lib.h"

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"

/* The library's file name (its SONAME), set by the Makefile. */
#ifndef TL_LIBICAL_SONAME
#define TL_LIBICAL_SONAME "libical.so.3"
#endif

/* The functions of libical, loaded (ical_lib.h). */
struct tl_ical_lib tl_ical;

/*
 * Loads libical once per process; TL_ESYS with one sentence naming the
 * library when it is missing or lacks a function.  The handle is kept
 * until exit.
 */
enum tl_status tl_ical_load(struct tl_error *err)
{
	static void *handle;
	void *h;
	const char *missing = NULL;

	if (handle)
		return TL_OK;
	h = dlopen(TL_LIBICAL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return tl_error_set(err, TL_ESYS,
				    _("iCalendar files need the libical "
				      "library (%s), which cannot be loaded: "
				      "%s."), TL_LIBICAL_SONAME, dlerror());
#define ICAL_LOAD(f) \
	if (!missing && !(tl_ical.f = (__typeof__(tl_ical.f))dlsym(h, #f))) \
		missing = #f;
	ICAL_FUNCS(ICAL_LOAD)
#undef ICAL_LOAD
	if (missing) {
		dlclose(h);
		return tl_error_set(err, TL_ESYS,
				    _("The libical library (%s) lacks %s; "
				      "iCalendar files need libical 3."),
				    TL_LIBICAL_SONAME, missing);
	}
	handle = h;
	return TL_OK;
}

/* Records asked of the store at a time. */
#define PAGE_SIZE 500

#define PRODID "-//tillit//tillit 0.1//EN"


/* One export in progress. */
struct ical_out {
	FILE *out;
	struct tl_refs refs;
	struct tl_error *err;
};

enum tl_status tl_ical_no_memory(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

enum tl_status tl_ical_write_failed(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Cannot write the export: %s."),
			    strerror(errno ? errno : EIO));
}

static enum tl_status write_bytes(FILE *out, const char *s, size_t n,
				  struct tl_error *err)
{
	if (n && fwrite(s, 1, n, out) != n)
		return tl_ical_write_failed(err);
	return TL_OK;
}

/*
 * Adds prop to comp.  A NULL prop (libical could not allocate it) makes
 * *ok false, so that a whole VTODO is checked once at its end.
 */
void tl_ical_add_prop(icalcomponent *comp, icalproperty *prop, bool *ok)
{
	if (!prop) {
		*ok = false;
		return;
	}
	tl_ical.icalcomponent_add_property(comp, prop);
}

/* A record timestamp "YYYY-MM-DDTHH:MM:SSZ" as a UTC icaltime. */
bool tl_ical_stamp(const char *s, struct icaltimetype *t)
{
	int y, mo, d, h, mi, sec;
	char z;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec,
		   &z) != 7 || z != 'Z' || strlen(s) != 20)
		return false;
	*t = tl_ical.icaltime_null_time();
	t->year = y;
	t->month = mo;
	t->day = d;
	t->hour = h;
	t->minute = mi;
	t->second = sec;
	t->zone = tl_ical.icaltimezone_get_utc_timezone();
	return mo >= 1 && mo <= 12 && d >= 1 &&
	       d <= tl_ical.icaltime_days_in_month(mo, y) && h < 24 && mi < 60 &&
	       sec < 61;
}

/* A date "YYYY-MM-DD" as an icaltime DATE value. */
bool tl_ical_date(const char *s, struct icaltimetype *t)
{
	int y, mo, d;

	if (sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) != 3 || strlen(s) != 10 ||
	    mo < 1 || mo > 12 || d < 1 || d > tl_ical.icaltime_days_in_month(mo, y))
		return false;
	*t = tl_ical.icaltime_null_date();
	t->year = y;
	t->month = mo;
	t->day = d;
	return true;
}

/*
 * A local wall time "YYYY-MM-DD HH:MM" (in TZ) as a UTC icaltime, which
 * RFC 5545 requires of COMPLETED.
 */
bool tl_ical_walltime(const char *s, struct icaltimetype *t)
{
	struct tm tm = {0}, utc;
	time_t when;
	int y, mo, d, h, mi;

	if (sscanf(s, "%4d-%2d-%2d %2d:%2d", &y, &mo, &d, &h, &mi) != 5 ||
	    strlen(s) != 16)
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	when = mktime(&tm);
	if (when == (time_t)-1 || !gmtime_r(&when, &utc))
		return false;
	*t = tl_ical.icaltime_null_time();
	t->year = utc.tm_year + 1900;
	t->month = utc.tm_mon + 1;
	t->day = utc.tm_mday;
	t->hour = utc.tm_hour;
	t->minute = utc.tm_min;
	t->second = utc.tm_sec;
	t->zone = tl_ical.icaltimezone_get_utc_timezone();
	return true;
}

/* Appends "label: value\n" to the growing string *buf of *len bytes. */
static bool text_append(char **buf, size_t *len, const char *label,
			const char *value)
{
	size_t ll = strlen(label), vl = strlen(value);
	char *p = realloc(*buf, *len + ll + 2 + vl + 2);

	if (!p)
		return false;
	*buf = p;
	p += *len;
	if (*len)
		*p++ = '\n';
	memcpy(p, label, ll);
	p += ll;
	memcpy(p, ": ", 2);
	p += 2;
	memcpy(p, value, vl);
	p[vl] = '\0';
	*len = (size_t)(p + vl - *buf);
	return true;
}

/*
 * The DESCRIPTION of a follow-up: its owner, where it came from (meeting,
 * item, mandate, frame) and its outcome, one "Label: value" a line, with
 * the field labels translated.  NULL when out of memory; caller frees.
 */
static char *describe(struct ical_out *o, const struct tl_record *r)
{
	static const int fields[] = {
		TL_FOLLOWUP_OWNER, TL_FOLLOWUP_MEETING, TL_FOLLOWUP_ITEM,
		TL_FOLLOWUP_MANDATE, TL_FOLLOWUP_FRAME, TL_FOLLOWUP_OUTCOME,
	};
	char *buf = NULL;
	size_t len = 0;

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct tl_field *f = &r->e->fields[fields[i]];
		const char *v = tl_record_get(r, fields[i]);

		if (!v || !*v)
			continue;
		if (f->type == TL_FT_REF)
			v = tl_refs_title(&o->refs, f->ref, v);
		if (!text_append(&buf, &len, _(f->label), v)) {
			free(buf);
			return NULL;
		}
	}
	return buf ? buf : strdup("");
}

/* What one VTODO says, before its texts are made safe. */
struct todo {
	const char *id;
	struct icaltimetype created, updated;
	const char *summary;
	const char *desc;
	const char *kind;    /* NULL for none */
	const char *due;     /* YYYY-MM-DD, or NULL */
	const char *status;  /* open, done, cancelled, ... */
	const char *closed;  /* YYYY-MM-DD HH:MM, or NULL */
};

/* Whether kind is one of the kinds of follow-up tillit knows. */
static bool known_kind(const char *kind)
{
	const struct tl_entity *e = tl_entity_get(TL_K_FOLLOWUP);

	return kind && tl_field_choice_ok(&e->fields[TL_FOLLOWUP_KIND], kind);
}

/* Whether s holds nothing but spaces and tabs, which libical's parser
 * trims to no value at all and then reports as an error. */
bool tl_ical_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/*
 * The reminder of an open follow-up with a due date: a VALARM that
 * displays its text at 09:00 the day before (15 hours before the start
 * of the due day, RELATED=END since a VTODO's end is its DUE).
 */
static void add_alarm(icalcomponent *todo, const char *summary, bool *ok)
{
	icalcomponent *alarm = tl_ical.icalcomponent_new_valarm();
	struct icaltriggertype trigger;
	icalproperty *p;
	char *text = tl_text_sanitize(summary, true);

	if (!alarm || !text) {
		if (alarm)
			tl_ical.icalcomponent_free(alarm);
		free(text);
		*ok = false;
		return;
	}
	tl_ical_add_prop(alarm, tl_ical.icalproperty_new_action(
				 ICAL_ACTION_DISPLAY), ok);
	trigger.time = tl_ical.icaltime_null_time();
	trigger.duration = tl_ical.icaldurationtype_from_int(-15 * 3600);
	p = tl_ical.icalproperty_new_trigger(trigger);
	if (p) {
		icalparameter *rel =
			tl_ical.icalparameter_new_related(ICAL_RELATED_END);
		if (rel)
			tl_ical.icalproperty_add_parameter(p, rel);
		else
			*ok = false;
	}
	tl_ical_add_prop(alarm, p, ok);
	/* A DISPLAY alarm must have a DESCRIPTION (RFC 5545, 3.6.6). */
	tl_ical_add_prop(alarm, tl_ical.icalproperty_new_description(
				 tl_ical_blank(text) ? "tillit" : text), ok);
	free(text);
	tl_ical.icalcomponent_add_component(todo, alarm);
}

/* The VTODO of t into *out (caller frees with libical).  A tl_ical_blank text
 * leaves its property out. */
static enum tl_status build_todo(const struct todo *t, icalcomponent **out,
				 struct tl_error *err)
{
	char *id = tl_text_sanitize(t->id, false);
	char *summary = tl_text_sanitize(t->summary, true);
	char *desc = tl_text_sanitize(t->desc, true);
	size_t uid_size = id ? strlen(id) + sizeof(UID_DOMAIN) : 0;
	char *uid = id ? malloc(uid_size) : NULL;
	icalcomponent *todo = tl_ical.icalcomponent_new_vtodo();
	struct icaltimetype when;
	bool ok = true;

	*out = NULL;
	if (!summary || !desc || !uid || !todo) {
		free(id);
		free(summary);
		free(desc);
		free(uid);
		if (todo)
			tl_ical.icalcomponent_free(todo);
		return tl_ical_no_memory(err);
	}
	snprintf(uid, uid_size, "%s%s", id, UID_DOMAIN);
	tl_ical_add_prop(todo, tl_ical.icalproperty_new_uid(uid), &ok);
	/* Without a METHOD, DTSTAMP is when the information last changed. */
	tl_ical_add_prop(todo, tl_ical.icalproperty_new_dtstamp(t->updated), &ok);
	tl_ical_add_prop(todo, tl_ical.icalproperty_new_created(t->created), &ok);
	tl_ical_add_prop(todo, tl_ical.icalproperty_new_lastmodified(t->updated), &ok);
	if (!tl_ical_blank(summary))
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_summary(summary), &ok);
	if (!tl_ical_blank(desc))
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_description(desc), &ok);
	free(id);
	free(uid);
	free(summary);
	free(desc);
	if (known_kind(t->kind))
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_categories(t->kind), &ok);
	/* A DATE value: libical adds VALUE=DATE since DUE's default is
	 * DATE-TIME. */
	if (t->due && tl_ical_date(t->due, &when))
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_due(when), &ok);
	if (!strcmp(t->status, "done")) {
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_status(ICAL_STATUS_COMPLETED),
			 &ok);
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_percentcomplete(100), &ok);
		if (t->closed && tl_ical_walltime(t->closed, &when))
			tl_ical_add_prop(todo, tl_ical.icalproperty_new_completed(when),
				 &ok);
	} else if (!strcmp(t->status, "cancelled")) {
		tl_ical_add_prop(todo, tl_ical.icalproperty_new_status(ICAL_STATUS_CANCELLED),
			 &ok);
	} else {
		tl_ical_add_prop(todo,
			 tl_ical.icalproperty_new_status(ICAL_STATUS_NEEDSACTION),
			 &ok);
		if (t->due && tl_ical_date(t->due, &when))
			add_alarm(todo, t->summary, &ok);
	}
	if (!ok) {
		tl_ical.icalcomponent_free(todo);
		return tl_ical_no_memory(err);
	}
	*out = todo;
	return TL_OK;
}

/* The VTODO of one follow-up into *out (caller frees with libical). */
static enum tl_status make_todo(struct ical_out *o, const struct tl_record *r,
				icalcomponent **out)
{
	struct todo t = {
		.id = r->id,
		.summary = tl_record_str(r, TL_FOLLOWUP_TEXT),
		.kind = tl_record_get(r, TL_FOLLOWUP_KIND),
		.due = tl_record_get(r, TL_FOLLOWUP_DUE),
		.status = tl_record_str(r, TL_FOLLOWUP_STATUS),
		.closed = tl_record_get(r, TL_FOLLOWUP_CLOSED_AT),
	};
	char *desc;
	enum tl_status rc;

	*out = NULL;
	if (!tl_ical_stamp(r->created_at, &t.created))
		return tl_error_set(o->err, TL_EDB,
				    _("\"%s\" must be a UTC timestamp "
				      "YYYY-MM-DDTHH:MM:SSZ."), r->created_at);
	if (!tl_ical_stamp(r->updated_at, &t.updated))
		return tl_error_set(o->err, TL_EDB,
				    _("\"%s\" must be a UTC timestamp "
				      "YYYY-MM-DDTHH:MM:SSZ."), r->updated_at);
	desc = describe(o, r);
	if (!desc)
		return tl_ical_no_memory(o->err);
	t.desc = desc;
	rc = build_todo(&t, out, o->err);
	free(desc);
	return rc;
}

/* Octets of the UTF-8 character at s (1 for a byte that starts none,
 * and never past the end of s). */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1, i;

	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Octets a line may hold (RFC 5545, 3.1), a fold's space counted. */
#define LINE_MAX_OCTETS 75

/*
 * Writes text, lines ending in CRLF as libical serialises them, with
 * libical's folds undone (a CRLF followed by a space or a tab) and each
 * line folded again before the character that would take it past 75
 * octets.
 */
static enum tl_status write_folded(FILE *out, const char *text,
				   struct tl_error *err)
{
	size_t len = strlen(text), n = 0, col = 0, k;
	char *flat = malloc(len + 1);

	if (!flat)
		return tl_ical_no_memory(err);
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\r' && text[i + 1] == '\n' &&
		    (text[i + 2] == ' ' || text[i + 2] == '\t'))
			i += 2;
		else
			flat[n++] = text[i];
	}
	flat[n] = '\0';
	for (const char *p = flat; *p; p += k) {
		if (p[0] == '\r' && p[1] == '\n') {
			fputs("\r\n", out);
			col = 0;
			k = 2;
			continue;
		}
		k = char_len(p);
		if (col + k > LINE_MAX_OCTETS) {
			fputs("\r\n ", out);
			col = 1;
		}
		fwrite(p, 1, k, out);
		col += k;
	}
	free(flat);
	return ferror(out) ? tl_ical_write_failed(err) : TL_OK;
}

/* Serialises one component and writes it whole. */
enum tl_status tl_ical_write_component(FILE *out, icalcomponent *comp,
				      struct tl_error *err)
{
	char *text = tl_ical.icalcomponent_as_ical_string_r(comp);
	enum tl_status rc;

	if (!text)
		return tl_ical_no_memory(err);
	rc = write_folded(out, text, err);
	tl_ical.icalmemory_free_buffer(text);
	return rc;
}

static enum tl_status write_record(struct ical_out *o,
				   const struct tl_record *r)
{
	icalcomponent *todo;
	enum tl_status rc;

	rc = make_todo(o, r, &todo);
	if (rc != TL_OK)
		return rc;
	rc = tl_ical_write_component(o->out, todo, o->err);
	tl_ical.icalcomponent_free(todo);
	return rc;
}

/*
 * The VCALENDAR frame as libical writes it, cut before its END line:
 * *head is everything up to it (caller frees with icalmemory_free_buffer),
 * *head_len its length.
 */
static enum tl_status calendar_head(char **head, size_t *head_len,
				    struct tl_error *err)
{
	icalcomponent *cal = tl_ical.icalcomponent_new_vcalendar();
	icalproperty *version = tl_ical.icalproperty_new_version("2.0");
	icalproperty *prodid = tl_ical.icalproperty_new_prodid(PRODID);
	char *text = NULL, *end;
	size_t n;

	*head = NULL;
	if (cal && version && prodid) {
		tl_ical.icalcomponent_add_property(cal, version);
		tl_ical.icalcomponent_add_property(cal, prodid);
		version = prodid = NULL;
		text = tl_ical.icalcomponent_as_ical_string_r(cal);
	}
	if (version)
		tl_ical.icalproperty_free(version);
	if (prodid)
		tl_ical.icalproperty_free(prodid);
	if (cal)
		tl_ical.icalcomponent_free(cal);
	if (!text)
		return tl_ical_no_memory(err);
	n = strlen(text);
	end = n >= strlen(CAL_END) ? text + n - strlen(CAL_END) : NULL;
	if (!end || strcmp(end, CAL_END)) {
		tl_ical.icalmemory_free_buffer(text);
		/* Cannot happen with libical 3; not for translation. */
		return tl_error_set(err, TL_ESYS,
				    "libical wrote an unexpected calendar "
				    "frame.");
	}
	*end = '\0';
	*head = text;
	*head_len = (size_t)(end - text);
	return TL_OK;
}

/* Writes every follow-up q selects, as the store's iterator reads it. */
static enum tl_status write_todos(struct tl_store *st,
				  const struct tl_query *q,
				  struct ical_out *o)
{
	const struct tl_record *r;
	struct tl_iter *it;
	enum tl_status rc = tl_store_iter_new(st, q, &it, o->err);

	while (rc == TL_OK && (rc = tl_store_iter_next(it, &r, o->err)) ==
	       TL_OK && r)
		rc = write_record(o, r);
	tl_store_iter_free(it);
	return rc;
}

/* The calendar's frame, from libical, written to out. */
enum tl_status tl_ical_write_head(FILE *out, struct tl_error *err)
{
	char *head = NULL;
	size_t head_len = 0;
	enum tl_status rc = calendar_head(&head, &head_len, err);

	if (rc != TL_OK)
		return rc;
	rc = write_bytes(out, head, head_len, err);
	tl_ical.icalmemory_free_buffer(head);
	return rc;
}

enum tl_status tl_ical_write_texts(FILE *out, const char *summary,
				   const char *description, const char *kind,
				   struct tl_error *err)
{
	struct todo t = {
		.id = "00000000-0000-4000-8000-000000000000",
		.summary = summary ? summary : "",
		.desc = description ? description : "",
		.kind = kind,
		.due = "2026-12-24",
		.status = "open",
	};
	icalcomponent *todo;
	enum tl_status rc;

	tl_error_clear(err);
	rc = tl_ical_load(err);
	if (rc != TL_OK)
		return rc;
	errno = 0;
	/* A constant that parses: the result is not in doubt. */
	(void)tl_ical_stamp("2026-11-23T09:00:00Z", &t.created);
	t.updated = t.created;
	rc = tl_ical_write_head(out, err);
	if (rc != TL_OK)
		return rc;
	rc = build_todo(&t, &todo, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_ical_write_component(out, todo, err);
	tl_ical.icalcomponent_free(todo);
	if (rc != TL_OK)
		return rc;
	if (fputs(CAL_END, out) == EOF || fflush(out) == EOF || ferror(out))
		return tl_ical_write_failed(err);
	return TL_OK;
}

/* The follow-ups of q as VTODOs, with the names they show. */
static enum tl_status todos_body(struct tl_store *st, const struct tl_query *q,
				 FILE *out, struct tl_error *err)
{
	struct ical_out o = {.out = out, .err = err};
	enum tl_status rc;

	tl_refs_init(&o.refs, st);
	rc = write_todos(st, q, &o);
	tl_refs_done(&o.refs);
	return rc;
}

/*
 * A whole calendar of the records q lists (q->kind must be `kind`; the
 * caller's mistake otherwise, not translated): the frame, then body, all
 * from one snapshot, so that a program writing meanwhile cannot make the
 * file inconsistent.
 */
static enum tl_status write_calendar(
	struct tl_store *st, const struct tl_query *q, enum tl_kind kind,
	FILE *out, struct tl_error *err,
	enum tl_status (*body)(struct tl_store *, const struct tl_query *,
			       FILE *, struct tl_error *))
{
	enum tl_status rc;

	tl_error_clear(err);
	if (!st || !q || !out || q->kind != kind)
		return tl_error_set(err, TL_EUSAGE, "tl_ical_write: the "
				    "query lists another kind of record.");
	rc = tl_ical_load(err);
	if (rc != TL_OK)
		return rc;
	errno = 0;
	rc = tl_ical_write_head(out, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_read_begin(st, err);
	if (rc == TL_OK)
		rc = body(st, q, out, err);
	tl_store_read_end(st);
	if (rc != TL_OK)
		return rc;
	if (fputs(CAL_END, out) == EOF || fflush(out) == EOF || ferror(out))
		return tl_ical_write_failed(err);
	return TL_OK;
}

enum tl_status tl_ical_write_meetings(struct tl_store *st,
				      const struct tl_query *q, FILE *out,
				      struct tl_error *err)
{
	return write_calendar(st, q, TL_K_MEETING, out, err,
			      tl_ical_write_meetings_body);
}

enum tl_status tl_ical_write_followups(struct tl_store *st,
				       const struct tl_query *q, FILE *out,
				       struct tl_error *err)
{
	return write_calendar(st, q, TL_K_FOLLOWUP, out, err, todos_body);
}
