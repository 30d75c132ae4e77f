/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_ical.c - follow-ups as iCalendar to-dos (src/export/ical.c).
 *
 * The acceptance test of the .ics export: follow-ups whose texts hold
 * newlines, commas, semicolons, backslashes, tabs, å ä ö and long runs of
 * multi-byte characters are written, parsed back with libical, and come
 * back with the same count, the same summaries byte for byte, the same
 * due dates and statuses.  The raw file is checked against RFC 5545 too:
 * CRLF line ends, lines of at most 75 octets, and no fold inside a UTF-8
 * sequence.  Then the filters, paging past one page, a stable output, and
 * errors as values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "tillit/export/ical.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

#define NOW "2026-11-23 10:00"
/* NOW in Europe/Stockholm (CET, UTC+1) as RFC 5545 UTC time. */
#define NOW_UTC "20261123T090000Z"

/* One follow-up of the fixture. */
struct fu {
	const char *text;
	const char *kind;
	int owner;           /* index into people[] */
	const char *due;     /* NULL for none */
	const char *status;  /* open, done, cancelled */
	const char *outcome; /* for done */
	bool origin;         /* made in the committee meeting, at its item */
	char id[TL_ID_LEN + 1];
};

static const char *const people[] = {"Åsa Öberg", "Björn Ärlemalm"};

/* Longer than 200 bytes with no space, so libical must fold inside a run
 * of two-byte characters; the leading "x" puts odd bytes on each line. */
#define RUN_AAO "åäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖ"
static const char long_run[] = "x" RUN_AAO RUN_AAO RUN_AAO RUN_AAO
	RUN_AAO RUN_AAO "€€€😀😀";

static struct fu fixture[] = {
	{"Rapportera läget, med siffror; och kommentarer\nRad två: å ä ö "
	 "Å Ä Ö", "result", 0, "2026-12-01", "open", NULL, true, ""},
	{"Bakåtsnedstreck \\ i C:\\temp\\n; komma, semikolon;\nny rad\n\n"
	 "efter en tom rad", "action", 0, "2027-01-15", "done",
	 "Klart, men sent; se protokoll\nrad två", false, ""},
	{long_run, "effect", 1, "2026-12-24", "open", NULL, false, ""},
	{"Följ upp hur hemtjänstens kontinuitet, bemanning och "
	 "schemaläggning har utvecklats; särskilt för brukare med stora "
	 "behov, där personalkontinuiteten är viktigast. Återkom till "
	 "nämnden med en redovisning, helst före årsskiftet: ärende "
	 "KS/2016:303.", "effect", 1, NULL, "open", NULL, true, ""},
	{"Avbokad: lokal, tid; kostnad", "action", 1, NULL, "cancelled",
	 NULL, false, ""},
	{"Kolumn ett\tkolumn två", "result", 0, "2026-11-30", "cancelled",
	 NULL, false, ""},
};

#define NFU ((int)(sizeof(fixture) / sizeof(fixture[0])))

static struct tl_store *st;
static char person_id[2][TL_ID_LEN + 1];
static char meeting_id[TL_ID_LEN + 1], item_id[TL_ID_LEN + 1];

/* Adds a record from name=value pairs, NULL-terminated; id into out. */
static void add(enum tl_kind kind, char out[TL_ID_LEN + 1], ...)
{
	struct tl_record *r = tl_record_new(kind);
	struct tl_error err = {0};
	const char *name;
	va_list ap;

	assert_non_null(r);
	va_start(ap, out);
	while ((name = va_arg(ap, const char *))) {
		const char *value = va_arg(ap, const char *);
		int i = tl_entity_field(r->e, name);
		assert_true(i >= 0);
		assert_true(tl_record_set(r, i, value));
	}
	va_end(ap);
	if (tl_store_insert(st, r, &err) != TL_OK)
		fail_msg("insert failed: %s", err.msg);
	memcpy(out, r->id, TL_ID_LEN + 1);
	tl_record_free(r);
}

static int setup(void **state)
{
	struct tl_error err;
	char unit[TL_ID_LEN + 1];
	(void)state;

	setenv("TZ", "Europe/Stockholm", 1);
	setenv("TILLIT_NOW", NOW, 1);
	if (tl_store_open(":memory:", TL_OPEN_CREATE, &st, &err) != TL_OK ||
	    tl_store_seed_principles(st, "vadstena", &err) != TL_OK)
		fail_msg("store: %s", err.msg);
	add(TL_K_UNIT, unit, "name", "Vård- och omsorgsnämnden", "kind",
	    "committee", NULL);
	for (int i = 0; i < 2; i++)
		add(TL_K_PERSON, person_id[i], "name", people[i], "kind",
		    "official", "unit", unit, NULL);
	add(TL_K_MEETING, meeting_id, "title", "Nämndsammanträde i november",
	    "kind", "committee", "unit", unit, "starts_at", "2026-11-20 13:00",
	    NULL);
	add(TL_K_ITEM, item_id, "meeting", meeting_id, "title",
	    "Hemtjänstens kontinuitet", NULL);
	for (int i = 0; i < NFU; i++) {
		struct fu *f = &fixture[i];
		add(TL_K_FOLLOWUP, f->id, "text", f->text, "kind", f->kind,
		    "owner", person_id[f->owner], "due", f->due, "meeting",
		    f->origin ? meeting_id : NULL, "item",
		    f->origin ? item_id : NULL, NULL);
		if (!strcmp(f->status, "done") &&
		    tl_store_followup_done(st, f->id, f->outcome, &err) != TL_OK)
			fail_msg("done: %s", err.msg);
		if (!strcmp(f->status, "cancelled") &&
		    tl_store_close_record(st, TL_K_FOLLOWUP, f->id, &err) !=
			    TL_OK)
			fail_msg("cancel: %s", err.msg);
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tl_store_close(st);
	st = NULL;
	return 0;
}

/* The export of q as a string (caller frees); the status in *rc. */
static char *export(const struct tl_query *q, enum tl_status *rc,
		    struct tl_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	*rc = tl_ical_write_followups(st, q, fp, err);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(buf);
	assert_int_equal(strlen(buf), len);
	return buf;
}

static char *export_ok(const struct tl_query *q)
{
	struct tl_error err = {0};
	enum tl_status rc;
	char *text = export(q, &rc, &err);

	if (rc != TL_OK)
		fail_msg("export: %s", err.msg);
	return text;
}

static const struct fu *fixture_by_uid(const char *uid)
{
	size_t n = strlen(uid);

	assert_int_equal(n, TL_ID_LEN + strlen("@tillit"));
	assert_string_equal(uid + TL_ID_LEN, "@tillit");
	for (int i = 0; i < NFU; i++)
		if (!strncmp(fixture[i].id, uid, TL_ID_LEN))
			return &fixture[i];
	fail_msg("no follow-up with the UID %s", uid);
	return NULL;
}

static const char *prop_text(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);

	return p ? icalproperty_get_value_as_string(p) : NULL;
}

/*
 * Parses text with libical and checks every VTODO against the fixture;
 * returns how many there were and marks which in seen[].
 */
static int parse_and_check(const char *text, bool seen[NFU])
{
	icalcomponent *cal = icalparser_parse_string(text), *c;
	int n = 0;

	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_string_equal(prop_text(cal, ICAL_VERSION_PROPERTY), "2.0");
	assert_string_equal(prop_text(cal, ICAL_PRODID_PROPERTY),
			    "-//tillit//tillit 0.1//EN");
	/* libical marks what it could not parse with X-LIC-ERROR. */
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	for (c = icalcomponent_get_first_component(cal,
						   ICAL_VTODO_COMPONENT);
	     c; c = icalcomponent_get_next_component(cal,
						       ICAL_VTODO_COMPONENT)) {
		const struct fu *f = fixture_by_uid(icalcomponent_get_uid(c));
		icalproperty *due = icalcomponent_get_first_property(
			c, ICAL_DUE_PROPERTY);
		icalproperty *done = icalcomponent_get_first_property(
			c, ICAL_COMPLETED_PROPERTY);
		const char *desc = icalcomponent_get_description(c);
		enum icalproperty_status want;
		char buf[16];

		n++;
		assert_false(seen[f - fixture]);
		seen[f - fixture] = true;
		/* Byte for byte what was typed. */
		assert_string_equal(icalcomponent_get_summary(c), f->text);
		if (f->due) {
			struct icaltimetype t;
			assert_non_null(due);
			t = icalproperty_get_due(due);
			assert_true(t.is_date);
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", t.year,
				 t.month, t.day);
			assert_string_equal(buf, f->due);
		} else {
			assert_null(due);
		}
		want = !strcmp(f->status, "done") ? ICAL_STATUS_COMPLETED
		       : !strcmp(f->status, "cancelled") ? ICAL_STATUS_CANCELLED
		       : ICAL_STATUS_NEEDSACTION;
		assert_int_equal(icalcomponent_get_status(c), want);
		if (want == ICAL_STATUS_COMPLETED) {
			assert_non_null(done);
			assert_string_equal(
				icalproperty_get_value_as_string(done),
				NOW_UTC);
		} else {
			assert_null(done);
		}
		assert_string_equal(prop_text(c, ICAL_CATEGORIES_PROPERTY),
				    f->kind);
		/* Records made and changed at NOW: stamps from the record. */
		assert_string_equal(prop_text(c, ICAL_DTSTAMP_PROPERTY),
				    NOW_UTC);
		assert_string_equal(prop_text(c, ICAL_CREATED_PROPERTY),
				    NOW_UTC);
		assert_string_equal(prop_text(c, ICAL_LASTMODIFIED_PROPERTY),
				    NOW_UTC);
		assert_non_null(desc);
		assert_non_null(strstr(desc, people[f->owner]));
		if (f->origin) {
			assert_non_null(strstr(desc,
					       "Nämndsammanträde i november"));
			assert_non_null(strstr(desc,
					       "Hemtjänstens kontinuitet"));
		}
		if (f->outcome)
			assert_non_null(strstr(desc, f->outcome));
	}
	icalcomponent_free(cal);
	return n;
}

/*
 * RFC 5545 section 3.1 on the raw bytes: every line ends with CRLF and
 * holds at most 75 octets, no CR or LF stands alone, and a fold never
 * splits a UTF-8 sequence (each line is valid UTF-8 on its own).
 * Returns the number of folded continuation lines that start with a
 * multi-byte character.
 */
static int check_lines(const char *text)
{
	const char *p = text;
	int mb_folds = 0;

	assert_true(*p);
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		size_t n;

		assert_non_null(eol);
		n = (size_t)(eol - p);
		assert_true(n <= 75);
		assert_null(memchr(p, '\n', n));
		assert_null(memchr(p, '\r', n));
		assert_true(tl_utf8_valid(p, n));
		if (n > 1 && p[0] == ' ' && ((unsigned char)p[1] & 0x80))
			mb_folds++;
		p = eol + 2;
	}
	return mb_folds;
}

/* text with its folds undone (RFC 5545 3.1), caller frees. */
static char *unfold(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	assert_non_null(out);
	for (const char *p = text; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' ||
						     p[2] == '\t')) {
			p += 2;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

static void test_round_trip_through_libical(void **state)
{
	struct tl_query q = {.kind = TL_K_FOLLOWUP};
	bool seen[NFU] = {0};
	char *text, *flat;
	(void)state;

	text = export_ok(&q);
	assert_int_equal(parse_and_check(text, seen), NFU);
	for (int i = 0; i < NFU; i++)
		assert_true(seen[i]);
	/* The long run of å ä ö was folded, and between characters. */
	assert_true(check_lines(text) >= 3);
	assert_int_equal(strncmp(text, "BEGIN:VCALENDAR\r\n", 17), 0);
	assert_string_equal(text + strlen(text) - 15, "END:VCALENDAR\r\n");

	/* The escapes of RFC 5545 3.3.11, written by libical. */
	flat = unfold(text);
	assert_non_null(strstr(flat, "SUMMARY:Rapportera läget\\, med "
				     "siffror\\; och kommentarer\\nRad "
				     "två: å ä ö Å Ä Ö\r\n"));
	assert_non_null(strstr(flat, "SUMMARY:Bakåtsnedstreck \\\\ i "
				     "C:\\\\temp\\\\n\\; komma\\, "
				     "semikolon\\;\\nny rad\\n\\nefter en "
				     "tom rad\r\n"));
	assert_non_null(strstr(flat, "DUE;VALUE=DATE:20261201\r\n"));
	assert_non_null(strstr(flat, "STATUS:NEEDS-ACTION\r\n"));
	assert_non_null(strstr(flat, "STATUS:COMPLETED\r\n"));
	assert_non_null(strstr(flat, "STATUS:CANCELLED\r\n"));
	free(flat);
	free(text);
}

static void test_filters_select_the_subset(void **state)
{
	struct tl_query q = {.kind = TL_K_FOLLOWUP};
	bool seen[NFU];
	char *text;
	int n;
	(void)state;

	/* Owner: Åsa Öberg's three. */
	q.owner = person_id[0];
	memset(seen, 0, sizeof(seen));
	text = export_ok(&q);
	n = parse_and_check(text, seen);
	free(text);
	assert_int_equal(n, 3);
	for (int i = 0; i < NFU; i++)
		assert_int_equal(seen[i], fixture[i].owner == 0);

	/* Due in December: on or after the 1st, before January. */
	q.owner = NULL;
	q.from = "2026-12-01";
	q.to = "2027-01-01";
	memset(seen, 0, sizeof(seen));
	text = export_ok(&q);
	n = parse_and_check(text, seen);
	free(text);
	assert_int_equal(n, 2);
	for (int i = 0; i < NFU; i++) {
		const char *d = fixture[i].due;
		assert_int_equal(seen[i], d && strcmp(d, "2026-12-01") >= 0 &&
						  strcmp(d, "2027-01-01") < 0);
	}

	/* Both, and the owner has one of them. */
	q.owner = person_id[1];
	memset(seen, 0, sizeof(seen));
	text = export_ok(&q);
	n = parse_and_check(text, seen);
	free(text);
	assert_int_equal(n, 1);
	assert_true(seen[2]);

	/* Nothing selected is still a calendar, with no to-do. */
	q.from = "2030-01-01";
	q.to = "2030-02-01";
	memset(seen, 0, sizeof(seen));
	text = export_ok(&q);
	assert_int_equal(parse_and_check(text, seen), 0);
	check_lines(text);
	free(text);
}

static void test_output_is_stable(void **state)
{
	struct tl_query q = {.kind = TL_K_FOLLOWUP};
	char *a, *b;
	(void)state;

	a = export_ok(&q);
	/* Another day: DTSTAMP comes from the records, not the clock. */
	setenv("TILLIT_NOW", "2027-03-01 08:15", 1);
	b = export_ok(&q);
	setenv("TILLIT_NOW", NOW, 1);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void test_errors_are_values(void **state)
{
	struct tl_query q = {.kind = TL_K_PERSON};
	struct tl_error err = {0};
	enum tl_status rc;
	char *text;
	FILE *full;
	(void)state;

	text = export(&q, &rc, &err);
	assert_int_equal(rc, TL_EUSAGE);
	assert_string_equal(text, "");
	free(text);

	/* A full disk is a TL_ESYS with a message, not a crash. */
	full = fopen("/dev/full", "w");
	if (full) {
		q.kind = TL_K_FOLLOWUP;
		rc = tl_ical_write_followups(st, &q, full, &err);
		assert_int_equal(rc, TL_ESYS);
		assert_true(strlen(err.msg) > 0);
		fclose(full);
	}
}

/* More follow-ups than one page of the store (500) holds. */
static void test_pages_through_the_store(void **state)
{
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .limit = 7};
	struct tl_error err;
	icalcomponent *cal, *c;
	char id[TL_ID_LEN + 1], text[64], *out;
	int n = 0, total = NFU + 1100;
	(void)state;

	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	for (int i = 0; i < total - NFU; i++) {
		snprintf(text, sizeof(text), "Uppföljning nr %d; del %d",
			 i, i % 7);
		add(TL_K_FOLLOWUP, id, "text", text, "owner", person_id[i % 2],
		    "due", i % 3 ? "2027-02-01" : NULL, NULL);
	}
	assert_int_equal(tl_store_commit(st, &err), TL_OK);

	/* The caller's limit and cursor are not the export's business. */
	out = export_ok(&q);
	check_lines(out);
	cal = icalparser_parse_string(out);
	assert_non_null(cal);
	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	     c; c = icalcomponent_get_next_component(cal,
						       ICAL_VTODO_COMPONENT))
		n++;
	assert_int_equal(n, total);
	icalcomponent_free(cal);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_through_libical),
		cmocka_unit_test(test_filters_select_the_subset),
		cmocka_unit_test(test_output_is_stable),
		cmocka_unit_test(test_errors_are_values),
		/* Last: it adds many follow-ups to the shared store. */
		cmocka_unit_test(test_pages_through_the_store),
	};
	return cmocka_run_group_tests_name("ical", tests, setup, teardown);
}
