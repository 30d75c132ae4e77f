/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_core.c - unit tests of the core layer: dates and the clock, UTF-8
 * text and display widths, validation of every field type and of whole
 * records, the governance rules, and ids.  Each test states what a user
 * would notice if it broke.
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
#include <time.h>

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/core/rules.h"
#include "tillit/core/text.h"
#include "tillit/core/validate.h"

/* "Åsa Öberg": 9 characters, 11 bytes. */
#define ASA_OBERG "\xC3\x85sa \303\226berg"

/* Central European time without relying on tzdata being installed. */
#define TZ_SWEDEN "CET-1CEST,M3.5.0,M10.5.0/3"

static const char *const uuid1 = "3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f";
static const char *const uuid2 = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";

/* ---- helpers ---------------------------------------------------------- */

static void date_ok(const char *in, const char *today, const char *want)
{
	char out[TL_DATE_SIZE] = "";
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_date_parse(in, today, out, &err) != TL_OK)
		print_error("tl_date_parse(\"%s\") failed: %s\n", in, err.msg);
	assert_int_equal(err.status, TL_OK);
	assert_string_equal(out, want);
}

static void date_bad(const char *in, const char *today)
{
	char out[TL_DATE_SIZE] = "";
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_date_parse(in, today, out, &err) == TL_OK)
		print_error("tl_date_parse(\"%s\") gave %s\n",
			    in ? in : "(null)", out);
	assert_int_equal(err.status, TL_EINVAL);
	assert_true(err.msg[0] != '\0');
}

static void datetime_ok(const char *in, const char *today, const char *want)
{
	char out[TL_DATETIME_SIZE] = "";
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_datetime_parse(in, today, out, &err) != TL_OK)
		print_error("tl_datetime_parse(\"%s\"): %s\n", in, err.msg);
	assert_int_equal(err.status, TL_OK);
	assert_string_equal(out, want);
}

static void datetime_bad(const char *in, const char *today)
{
	char out[TL_DATETIME_SIZE] = "";
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_datetime_parse(in, today, out, &err) == TL_OK)
		print_error("tl_datetime_parse(\"%s\") gave %s\n",
			    in ? in : "(null)", out);
	assert_int_equal(err.status, TL_EINVAL);
	assert_true(err.msg[0] != '\0');
}

static const struct tl_field *field(enum tl_kind k, int i)
{
	const struct tl_entity *e = tl_entity_get(k);

	assert_non_null(e);
	assert_true(i >= 0 && i < e->nfields);
	return &e->fields[i];
}

/* The canonical form of `in` for a field; fails the test on an error. */
static void value_ok(enum tl_kind k, int i, const char *in, const char *want)
{
	static char out[TL_TEXT_MAX + 1];
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_validate_value(field(k, i), in, out, sizeof(out), &err) !=
	    TL_OK)
		print_error("value \"%.60s\" refused: %s\n", in, err.msg);
	assert_int_equal(err.status, TL_OK);
	assert_string_equal(out, want);
}

/* True when a message could be printed to a terminal safely. */
static bool msg_safe(const char *m)
{
	if (!tl_utf8_valid(m, strlen(m)))
		return false;
	for (const unsigned char *p = (const unsigned char *)m; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return false;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return false;
	}
	return true;
}

/*
 * Checks that `in` is refused for a field and that the message holds
 * `part` (when not NULL) and is safe for a terminal.
 */
static void value_bad(enum tl_kind k, int i, const char *in, const char *part)
{
	static char out[TL_TEXT_MAX + 1];
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_validate_value(field(k, i), in, out, sizeof(out), &err) ==
	    TL_OK)
		print_error("value \"%.60s\" accepted as \"%.60s\"\n", in, out);
	assert_int_equal(err.status, TL_EINVAL);
	if (part && !strstr(err.msg, part))
		print_error("message \"%s\" lacks \"%s\"\n", err.msg, part);
	if (part)
		assert_non_null(strstr(err.msg, part));
	assert_true(msg_safe(err.msg));
	/* One sentence: a capital or a quote or a name, ending in '.'. */
	assert_int_equal(err.msg[strlen(err.msg) - 1], '.');
}

static void set(struct tl_record *r, int i, const char *v)
{
	assert_true(tl_record_set(r, i, v));
}

static void record_bad(const struct tl_record *r, const char *part)
{
	struct tl_error err;

	tl_error_clear(&err);
	assert_int_equal(tl_validate_record(r, &err), TL_EINVAL);
	if (!strstr(err.msg, part))
		print_error("message \"%s\" lacks \"%s\"\n", err.msg, part);
	assert_non_null(strstr(err.msg, part));
	assert_true(msg_safe(err.msg));
}

static void record_ok(const struct tl_record *r)
{
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_validate_record(r, &err) != TL_OK)
		print_error("record refused: %s\n", err.msg);
	assert_int_equal(err.status, TL_OK);
}

static int clean_env(void **state)
{
	(void)state;
	unsetenv("TILLIT_NOW");
	setenv("TZ", TZ_SWEDEN, 1);
	tzset();
	return 0;
}

/* ---- dates ------------------------------------------------------------ */

static void test_date_valid(void **state)
{
	(void)state;
	assert_true(tl_date_valid(2024, 2, 29));
	assert_false(tl_date_valid(2025, 2, 29));
	assert_true(tl_date_valid(2000, 2, 29));  /* divisible by 400 */
	assert_false(tl_date_valid(1900, 2, 29)); /* divisible by 100 */
	assert_false(tl_date_valid(2026, 2, 30));
	assert_false(tl_date_valid(2026, 4, 31));
	assert_true(tl_date_valid(2026, 12, 31));
	assert_false(tl_date_valid(2026, 13, 1));
	assert_false(tl_date_valid(2026, 0, 1));
	assert_false(tl_date_valid(2026, 1, 0));
	assert_false(tl_date_valid(0, 1, 1));
	assert_false(tl_date_valid(999, 12, 31));
	assert_true(tl_date_valid(1000, 1, 1));
	assert_true(tl_date_valid(9999, 12, 31));
	assert_false(tl_date_valid(10000, 1, 1));
}

static void test_date_parse_absolute(void **state)
{
	char out[TL_DATE_SIZE];
	struct tl_error err;

	(void)state;
	date_ok("2026-12-01", NULL, "2026-12-01");
	date_ok("2024-02-29", NULL, "2024-02-29");
	date_ok("  2026-05-04 ", NULL, "2026-05-04");
	date_ok("1000-01-01", NULL, "1000-01-01");
	date_ok("9999-12-31", NULL, "9999-12-31");

	assert_int_equal(tl_date_parse("2026-02-30", NULL, out, &err),
			 TL_EINVAL);
	assert_string_equal(err.msg, "\"2026-02-30\" is not a real date.");
	date_bad("2025-02-29", NULL);
	date_bad("2026-13-01", NULL);
	date_bad("2026-00-10", NULL);
	date_bad("2026-04-31", NULL);
	date_bad("0000-01-01", NULL);
	date_bad("2026-1-1", NULL);
	date_bad("2026-01-01x", NULL);
	date_bad("2026-01-01 garbage", NULL);
	date_bad("26-01-01", NULL);
	date_bad("20260101", NULL);
	date_bad("2026/01/01", NULL);
	date_bad("", NULL);
	date_bad("   ", NULL);
	date_bad(NULL, NULL);
	date_bad("soon", NULL);

	/* The message names what was typed and says what would work. */
	assert_int_equal(tl_date_parse("2026-1-1", NULL, out, &err),
			 TL_EINVAL);
	assert_non_null(strstr(err.msg, "\"2026-1-1\""));
	assert_non_null(strstr(err.msg, "YYYY-MM-DD"));
}

static void test_date_parse_relative(void **state)
{
	(void)state;
	date_ok("today", "2026-01-31", "2026-01-31");
	date_ok("tomorrow", "2026-01-31", "2026-02-01");
	date_ok("yesterday", "2026-03-01", "2026-02-28");
	date_ok("yesterday", "2024-03-01", "2024-02-29");
	date_ok("Tomorrow", "2026-12-31", "2027-01-01");
	date_ok(" TODAY ", "2026-01-31", "2026-01-31");
	date_ok("idag", "2026-01-31", "2026-01-31");
	date_ok("imorgon", "2026-01-31", "2026-02-01");
	date_ok("ig\xC3\xA5r", "2026-01-01", "2025-12-31");
	date_ok("IG\xC3\x85R", "2026-01-01", "2025-12-31");
	date_ok("i morgon", "2026-01-31", "2026-02-01");

	date_ok("+14d", "2026-01-31", "2026-02-14");
	date_ok("+0d", "2026-01-31", "2026-01-31");
	date_ok("-3d", "2026-03-02", "2026-02-27");
	date_ok("-31d", "2026-01-31", "2025-12-31");
	date_ok("+2w", "2026-01-31", "2026-02-14");
	date_ok("-1w", "2026-01-05", "2025-12-29");
	date_ok("+365d", "2024-01-01", "2024-12-31"); /* leap year */
	/* Months clamp to the last day of the month they land in. */
	date_ok("+1m", "2026-01-31", "2026-02-28");
	date_ok("+1m", "2024-01-31", "2024-02-29");
	date_ok("+1m", "2026-01-15", "2026-02-15");
	date_ok("-1m", "2026-03-31", "2026-02-28");
	date_ok("+12m", "2026-01-31", "2027-01-31");
	date_ok("+11m", "2026-03-31", "2027-02-28");
	date_ok("-13m", "2026-01-10", "2024-12-10");

	date_bad("+14", "2026-01-31");
	date_bad("14d", "2026-01-31");
	date_bad("+d", "2026-01-31");
	date_bad("+14x", "2026-01-31");
	date_bad("+14dd", "2026-01-31");
	date_bad("+1 4d", "2026-01-31");
	date_bad("+99999999999999999999d", "2026-01-31");
	date_bad("+100000m", "2026-01-31");
	date_bad("-9000y", "2026-01-31");
	date_bad("-400000w", "2026-01-31");
}

/* Weekdays, weeks and "next week", as Swedes and others write them
 * (issue 17, point 1).  2026-12-04 is a Friday of ISO week 49; 2026 has
 * 53 ISO weeks, 2027 52. */
static void test_date_parse_weeks_and_weekdays(void **state)
{
	const char *fri = "2026-12-04";
	(void)state;

	/* The next such day, today when it is one (as date(1)). */
	date_ok("fredag", fri, "2026-12-04");
	date_ok("Fre", fri, "2026-12-04");
	date_ok("friday", fri, "2026-12-04");
	date_ok("lördag", fri, "2026-12-05");
	date_ok("LÖR", fri, "2026-12-05");
	date_ok("söndag", fri, "2026-12-06");
	date_ok("måndag", fri, "2026-12-07");
	date_ok("mon", fri, "2026-12-07");
	date_ok("torsdag", fri, "2026-12-10");
	date_ok("thu", "2026-12-10", "2026-12-10");
	/* Next week is its Monday, whatever today is. */
	date_ok("nästa vecka", fri, "2026-12-07");
	date_ok("Nästa vecka", "2026-12-07", "2026-12-14");
	date_ok("next week", "2026-12-13", "2026-12-14");
	/* ISO 8601 weeks: Monday, or the day given. */
	date_ok("2026-W50", fri, "2026-12-07");
	date_ok("2026w50", fri, "2026-12-07");
	date_ok("2026-W50-3", fri, "2026-12-09");
	date_ok("2026-W53", fri, "2026-12-28");
	date_ok("2027-W01", fri, "2027-01-04");
	date_ok("2026-W01", fri, "2025-12-29"); /* week 1 holds 4 January */
	date_ok("2021-W01", fri, "2021-01-04");
	/* Swedish weeks: this one or the next one of that number. */
	date_ok("v49", fri, "2026-11-30");
	date_ok("v 50", fri, "2026-12-07");
	date_ok("vecka 53", fri, "2026-12-28");
	date_ok("V2", fri, "2027-01-11");
	date_ok("v48", fri, "2027-11-29");
	date_ok("w1", fri, "2027-01-04");
	date_bad("2027-W53", fri);  /* 2027 has 52 weeks */
	date_bad("2026-W00", fri);
	date_bad("2026-W50-8", fri);
	date_bad("v0", fri);
	date_bad("v 54", fri);
	date_bad("v123", fri);
	date_bad("fredagen", fri);
	date_bad("nästa", fri);
}

static void test_date_diff(void **state)
{
	(void)state;
	assert_int_equal(tl_date_diff("2026-01-01", "2026-03-01"), 59);
	assert_int_equal(tl_date_diff("2024-01-01", "2024-03-01"), 60);
	assert_int_equal(tl_date_diff("2026-03-01", "2026-01-01"), -59);
	assert_int_equal(tl_date_diff("2025-12-31", "2026-01-01"), 1);
	assert_int_equal(tl_date_diff("2026-05-04", "2026-05-04"), 0);
	assert_int_equal(tl_date_diff("1000-01-01", "9999-12-31"), 3287181);
	/* Across the spring DST change: still whole days. */
	assert_int_equal(tl_date_diff("2026-03-28", "2026-03-30"), 2);
	assert_int_equal(tl_date_diff("2026-02-30", "2026-03-01"), 0);
	assert_int_equal(tl_date_diff("bad", "2026-03-01"), 0);
	assert_int_equal(tl_date_diff(NULL, "2026-03-01"), 0);
}

static void test_clock_fixed(void **state)
{
	char today[TL_DATE_SIZE], dt[TL_DATETIME_SIZE], stamp[TL_STAMP_SIZE];
	struct tl_error err;

	(void)state;
	/* Winter: Sweden is UTC+1. */
	setenv("TILLIT_NOW", "2026-03-15 09:30", 1);
	assert_int_equal(tl_clock_check(&err), TL_OK);
	tl_clock_today(today);
	assert_string_equal(today, "2026-03-15");
	tl_clock_datetime(dt);
	assert_string_equal(dt, "2026-03-15 09:30");
	tl_clock_stamp(stamp);
	assert_string_equal(stamp, "2026-03-15T08:30:00Z");
	/* Relative dates with no explicit today follow the fixed clock. */
	date_ok("tomorrow", NULL, "2026-03-16");
	date_ok("+1m", NULL, "2026-04-15");
	datetime_ok("+1d 10:00", NULL, "2026-03-16 10:00");

	/* Summer: UTC+2; and just before midnight the date is still local. */
	setenv("TILLIT_NOW", "2026-07-01 00:30", 1);
	tl_clock_today(today);
	assert_string_equal(today, "2026-07-01");
	tl_clock_stamp(stamp);
	assert_string_equal(stamp, "2026-06-30T22:30:00Z");

	setenv("TILLIT_NOW", "2026-12-31 23:59", 1);
	tl_clock_today(today);
	assert_string_equal(today, "2026-12-31");
	date_ok("tomorrow", NULL, "2027-01-01");
	assert_int_equal((long)tl_clock_now() % 60, 0);

	/* The ISO 'T' form works too. */
	setenv("TILLIT_NOW", "2026-05-04T08:15", 1);
	tl_clock_datetime(dt);
	assert_string_equal(dt, "2026-05-04 08:15");
}

static void test_clock_bad_env(void **state)
{
	char today[TL_DATE_SIZE];
	struct tl_error err;
	const char *bad[] = {"2026-02-30 10:00", "2026-05-04 25:00", "tomorrow",
			     "2026-05-04 10:00 extra", "\x1b[2Jnow", NULL};

	(void)state;
	for (int i = 0; bad[i]; i++) {
		setenv("TILLIT_NOW", bad[i], 1);
		tl_error_clear(&err);
		assert_int_equal(tl_clock_check(&err), TL_EINVAL);
		assert_non_null(strstr(err.msg, "TILLIT_NOW"));
		assert_true(msg_safe(err.msg));
		/* Ignored: the clock is the system's, a real date. */
		tl_clock_today(today);
		assert_int_equal(strlen(today), 10);
		assert_true(tl_date_diff("2000-01-01", today) > 0);
	}
	setenv("TILLIT_NOW", "", 1);
	assert_int_equal(tl_clock_check(&err), TL_OK);
	unsetenv("TILLIT_NOW");
	assert_int_equal(tl_clock_check(&err), TL_OK);
	/* The system clock agrees with time(NULL) to within a few seconds. */
	assert_true(labs((long)(tl_clock_now() - time(NULL))) < 5);
}

static void test_datetime_parse(void **state)
{
	(void)state;
	datetime_ok("2026-05-04 09:30", NULL, "2026-05-04 09:30");
	datetime_ok("2026-05-04T09:30", NULL, "2026-05-04 09:30");
	datetime_ok(" 2026-05-04   9:05 ", NULL, "2026-05-04 09:05");
	datetime_ok("2026-05-04", NULL, "2026-05-04 00:00");
	datetime_ok("2026-05-04 23:59", NULL, "2026-05-04 23:59");
	datetime_ok("2026-05-04 00:00", NULL, "2026-05-04 00:00");
	datetime_ok("tomorrow 10:00", "2026-01-31", "2026-02-01 10:00");
	datetime_ok("+7d 13:15", "2026-01-31", "2026-02-07 13:15");
	datetime_ok("i morgon 08:00", "2026-01-31", "2026-02-01 08:00");
	datetime_ok("idag", "2026-01-31", "2026-01-31 00:00");
	datetime_ok("14:00", "2026-01-31", "2026-01-31 14:00");

	datetime_bad("2026-05-04 24:00", NULL);
	datetime_bad("2026-05-04 23:60", NULL);
	datetime_bad("2026-05-04 10", NULL);
	datetime_bad("2026-05-04 10:0", NULL);
	datetime_bad("2026-05-04 10:000", NULL);
	datetime_bad("2026-05-04 10:00:30", NULL);
	datetime_bad("2026-05-04 10:00 x", NULL);
	datetime_bad("2026-02-30 10:00", NULL);
	datetime_bad("2026-05-04T", NULL);
	datetime_bad("soon 10:00", NULL);
	datetime_bad("", NULL);
	datetime_bad(NULL, NULL);
}

/* ---- text ------------------------------------------------------------- */

static void test_utf8_valid(void **state)
{
	const char *good[] = {
		"", "plain", ASA_OBERG, "\xE6\x97\xA5\xE6\x9C\xAC",
		"\xF0\x9F\x98\x80", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF",
		"\xED\x9F\xBF", "\xEE\x80\x80", "\xC2\x80", NULL};
	const char *bad[] = {
		"\xC3\x28", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF",
		"\xF0\x80\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF",
		"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x80",
		"\xE6\x97", "\xF0\x9F\x98", "ok\xC3", "\xE6\x97\xA5\x80", NULL};

	(void)state;
	for (int i = 0; good[i]; i++) {
		if (!tl_utf8_valid(good[i], strlen(good[i])))
			print_error("good[%d] refused\n", i);
		assert_true(tl_utf8_valid(good[i], strlen(good[i])));
	}
	for (int i = 0; bad[i]; i++) {
		if (tl_utf8_valid(bad[i], strlen(bad[i])))
			print_error("bad[%d] accepted\n", i);
		assert_false(tl_utf8_valid(bad[i], strlen(bad[i])));
	}
	/* Only len bytes count: a cut at a boundary is fine, inside is not. */
	assert_true(tl_utf8_valid("\xC3\x85X", 2));
	assert_false(tl_utf8_valid("\xC3\x85X", 1));
}

/*
 * A quote cut to fit a message never ends in half a character (found by
 * tests/fuzz/fuzz_prefix.c: "No person matches" showed a '?' where a
 * name of 59 letters and an "å" was cut after 60 bytes).
 */
static void test_utf8_prefix(void **state)
{
	char s[80];

	(void)state;
	assert_int_equal(tl_utf8_prefix(NULL, 10), 0);
	assert_int_equal(tl_utf8_prefix("", 10), 0);
	assert_int_equal(tl_utf8_prefix("abc", 3), 3);
	assert_int_equal(tl_utf8_prefix("abcd", 3), 3);
	/* "Åsa": Å is two bytes; one byte would cut it. */
	assert_int_equal(tl_utf8_prefix("\xC3\x85sa", 1), 0);
	assert_int_equal(tl_utf8_prefix("\xC3\x85sa", 2), 2);
	/* 山 is three bytes. */
	assert_int_equal(tl_utf8_prefix("a\xE5\xB1\xB1" "b", 3), 1);
	assert_int_equal(tl_utf8_prefix("a\xE5\xB1\xB1" "b", 4), 4);
	memset(s, 'a', 59);
	memcpy(s + 59, "\xC3\xA5", 3);
	assert_int_equal(tl_utf8_prefix(s, 60), 59);
	assert_int_equal(tl_utf8_prefix(s, 61), 61);
	/* Broken text is cut where asked, never read past its end. */
	assert_int_equal(tl_utf8_prefix("\x80\x80\x80", 2), 0);
	assert_int_equal(tl_utf8_prefix("\x80", 5), 1);
}

static void test_text_width(void **state)
{
	(void)state;
	assert_int_equal(tl_text_width(ASA_OBERG), 9);
	assert_int_equal(tl_text_width("\xE6\x97\xA5\xE6\x9C\xAC"), 4);
	assert_int_equal(tl_text_width("e\xCC\x81"), 1);
	assert_int_equal(tl_text_width("abc"), 3);
	assert_int_equal(tl_text_width(""), 0);
	assert_int_equal(tl_text_width(NULL), 0);
	/* Controls take the cells they are shown in: "a^[b^?", "?". */
	assert_int_equal(tl_text_width("a\x1b" "b\x7f"), 6);
	assert_int_equal(tl_text_width("\xC2\x9B"), 1); /* C1 CSI */
	assert_int_equal(tl_text_width("a\nb\tc"), 5);
	/* A right-to-left override is shown as "?". */
	assert_int_equal(tl_text_width("x\xE2\x80\xAEy"), 3);
	assert_int_equal(tl_text_width("r\xC3\xA4ksm\xC3\xB6rg\xC3\xA5s"), 10);
}

/* Checks a fitted string: exact width, whole characters, and content. */
static void fit_is(const char *s, size_t width, bool right, const char *want)
{
	char out[256];

	tl_text_fit(s, width, right, out, sizeof(out));
	assert_true(tl_utf8_valid(out, strlen(out)));
	assert_int_equal(tl_text_width(out), width);
	assert_string_equal(out, want);
}

static void test_text_fit(void **state)
{
	(void)state;
	fit_is("\xC3\x85sa", 6, false, "\xC3\x85sa   ");
	fit_is("\xC3\x85sa", 6, true, "   \xC3\x85sa");
	fit_is("\xC3\x85sa", 3, false, "\xC3\x85sa");
	fit_is(ASA_OBERG, 5, false, "\xC3\x85sa \xE2\x80\xA6");
	fit_is(ASA_OBERG, 6, true,
	       "\xC3\x85sa \xC3\x96\xE2\x80\xA6");
	fit_is("m\xC3\xA4\xC3\xA4", 2, false, "m\xE2\x80\xA6");
	/* A wide character that no longer fits leaves one padding cell. */
	fit_is("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4, false,
	       "\xE6\x97\xA5\xE2\x80\xA6 ");
	fit_is("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4, true,
	       " \xE6\x97\xA5\xE2\x80\xA6");
	fit_is("\xE6\x97\xA5\xE6\x9C\xAC", 4, false, "\xE6\x97\xA5\xE6\x9C\xAC");
	fit_is("\xE6\x97\xA5\xE6\x9C\xAC", 5, true, " \xE6\x97\xA5\xE6\x9C\xAC");
	/* A combining accent stays with its letter. */
	fit_is("e\xCC\x81" "e\xCC\x81x", 2, false, "e\xCC\x81\xE2\x80\xA6");
	fit_is("e\xCC\x81", 3, true, "  e\xCC\x81");
	/* Edge widths. */
	fit_is("long text", 1, false, "\xE2\x80\xA6");
	fit_is("long text", 0, false, "");
	fit_is("", 3, false, "   ");
	fit_is(NULL, 2, true, "  ");
	/* Broken UTF-8 shows as '?', controls in caret form, never raw. */
	fit_is("\xC3\x28", 3, false, "?( ");
	fit_is("a\x1b[31mb", 8, false, "a^[[31mb");
	fit_is("a\nb", 3, false, "a b");
	fit_is("a\x1b", 2, false, "a\xE2\x80\xA6");
}

static void test_text_fit_always_exact(void **state)
{
	const char *samples[] = {
		"", "a", ASA_OBERG, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
		"a\xE6\x97\xA5\x62\xE6\x9C\xAC", "e\xCC\x81\xC3\xA5\xC3\xA4\xC3\xB6",
		"\x1b\x01\x7f\xC2\x9B", "\xC0\xAF\xED\xA0\x80\xE6\x97",
		"Kommunstyrelsens \xC3\xA5tg\xC3\xA4rder f\xC3\xB6r tillit", NULL};
	char out[256];

	(void)state;
	for (int i = 0; samples[i]; i++) {
		for (size_t w = 0; w <= 14; w++) {
			for (int right = 0; right < 2; right++) {
				tl_text_fit(samples[i], w, right, out,
					    sizeof(out));
				if (tl_text_width(out) != w)
					print_error("sample %d width %zu: "
						    "\"%s\"\n", i, w, out);
				assert_int_equal(tl_text_width(out), w);
				assert_true(tl_utf8_valid(out, strlen(out)));
				assert_true(msg_safe(out));
			}
		}
	}
}

static void test_text_fit_small_buffer(void **state)
{
	char out[6];

	(void)state;
	/* Four Å need 8 bytes; a 6-byte buffer takes two, never one and a half. */
	tl_text_fit("\xC3\x85\xC3\x85\xC3\x85\xC3\x85", 4, false, out,
		    sizeof(out));
	assert_true(strlen(out) < sizeof(out));
	assert_true(tl_utf8_valid(out, strlen(out)));
	assert_true(strlen(out) >= 4);
	assert_memory_equal(out, "\xC3\x85\xC3\x85", 4);
}

static void test_text_sanitize(void **state)
{
	static const struct {
		const char *in;
		bool keep;
		const char *want;
	} cases[] = {
		{"\x1b[31mred\x1b[0m", false, "^[[31mred^[[0m"},
		{"a\nb\tc", true, "a\nb\tc"},
		{"a\nb\tc", false, "a b c"},
		{"x\x7fy", false, "x^?y"},
		{"\x01\x1f", true, "^A^_"},
		{"a\r\nb", true, "a^M\nb"},
		{"\xC2\x9B" "2J", false, "?2J"},
		{"\xC3\x28", false, "?("},
		{"\xE6\x97x", false, "?x"},
		{"\xC0\xAF", false, "??"},
		{"\xED\xA0\x80", false, "???"},
		{"\xC3\x85sa \xE6\x97\xA5", false, "\xC3\x85sa \xE6\x97\xA5"},
		/* Bidi overrides, embeddings and isolates; the marks stay. */
		{"a\xE2\x80\xAE" "cba", false, "a?cba"},
		{"\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", false,
		 "????"},
		{"\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", false,
		 "????"},
		{"\xE2\x80\x8Fx\xE2\x80\x8E", false,
		 "\xE2\x80\x8Fx\xE2\x80\x8E"},
		{"", false, ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = tl_text_sanitize(cases[i].in, cases[i].keep);
		assert_non_null(s);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

static void test_text_first_line(void **state)
{
	char *s;

	(void)state;
	s = tl_text_first_line("first\nsecond", 100);
	assert_string_equal(s, "first");
	free(s);
	s = tl_text_first_line("dos line\r\nnext", 100);
	assert_string_equal(s, "dos line");
	free(s);
	/* Three Å are six bytes; at most five keeps two whole ones. */
	s = tl_text_first_line("\xC3\x85\xC3\x85\xC3\x85", 5);
	assert_string_equal(s, "\xC3\x85\xC3\x85");
	free(s);
	s = tl_text_first_line(NULL, 10);
	assert_string_equal(s, "");
	free(s);
	s = tl_text_first_line("", 10);
	assert_string_equal(s, "");
	free(s);
}

/* ---- validation of values ----------------------------------------------- */

static void test_validate_text(void **state)
{
	char *big;

	(void)state;
	value_ok(TL_K_UNIT, TL_UNIT_NAME, "  Socialn\xC3\xA4mnden  ",
		 "Socialn\xC3\xA4mnden");
	value_ok(TL_K_PERSON, TL_PERSON_NAME, ASA_OBERG,
		 ASA_OBERG);
	value_ok(TL_K_PERSON, TL_PERSON_TITLE, "", "");
	value_ok(TL_K_PERSON, TL_PERSON_TITLE, "   ", "");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "", "name is required.");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "  \t ", "name is required.");
	/* The quote shows the break as a space rather than hiding it. */
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "two\nlines",
		  "name must not contain a line break, but \"two lines\" "
		  "does.");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "a\rb", "line break");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "a\tb", "tab");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "red \x1b[31mtext",
		  "\"red ^[[31mtext\"");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "del\x7f", "control");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "c1\xC2\x9B" "2J", "control");
	/* Broken UTF-8 is refused and never echoed raw. */
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "Caf\xC3\x28", "UTF-8");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "\xC0\xAF", "UTF-8");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "\xED\xA0\x80", "UTF-8");
	value_bad(TL_K_PERSON, TL_PERSON_NAME, "x\xF4\x90\x80\x80", "UTF-8");

	/* 64 KiB exactly is fine; one byte more is not. */
	big = malloc(TL_TEXT_MAX + 2);
	assert_non_null(big);
	memset(big, 'a', TL_TEXT_MAX + 1);
	big[TL_TEXT_MAX + 1] = '\0';
	value_bad(TL_K_PERSON, TL_PERSON_NAME, big, "longer than 64 KiB");
	value_bad(TL_K_SERIES, TL_SERIES_NOTES, big, "longer than 64 KiB");
	big[TL_TEXT_MAX] = '\0';
	value_ok(TL_K_PERSON, TL_PERSON_NAME, big, big);
	value_ok(TL_K_SERIES, TL_SERIES_NOTES, big, big);
	free(big);
}

static void test_validate_longtext(void **state)
{
	(void)state;
	value_ok(TL_K_MEETING, TL_MEETING_NOTES, "line 1\n\tline 2\n",
		 "line 1\n\tline 2\n");
	value_ok(TL_K_MEETING, TL_MEETING_NOTES, "a\r\nb\rc", "a\nb\nc");
	value_ok(TL_K_MEETING, TL_MEETING_NOTES, " indented", " indented");
	value_ok(TL_K_MEETING, TL_MEETING_NOTES, "\n \n", "");
	value_bad(TL_K_MEETING, TL_MEETING_NOTES, "bell\x07", "control");
	value_bad(TL_K_MEETING, TL_MEETING_NOTES, "\x1b]0;title\x07",
		  "notes");
	value_bad(TL_K_MEETING, TL_MEETING_NOTES, "x\xC2\x85y", "control");
	value_bad(TL_K_DECISION, TL_DECISION_SUMMARY, "\n", "summary is "
		  "required.");
}

static void test_validate_enum(void **state)
{
	(void)state;
	value_ok(TL_K_UNIT, TL_UNIT_KIND, "committee", "committee");
	value_ok(TL_K_UNIT, TL_UNIT_KIND, " Committee ", "committee");
	value_ok(TL_K_MEETING, TL_MEETING_KIND, "one-to-one", "one_to_one");
	value_ok(TL_K_MEETING, TL_MEETING_KIND, "ONE_TO_ONE", "one_to_one");
	value_bad(TL_K_UNIT, TL_UNIT_KIND, "bogus",
		  "choose one of council, board, committee, administration, "
		  "department, team.");
	value_bad(TL_K_UNIT, TL_UNIT_KIND, "bogus", "\"bogus\"");
	value_bad(TL_K_UNIT, TL_UNIT_KIND, "", "kind is required.");
	value_bad(TL_K_UNIT, TL_UNIT_KIND, "comm", "kind");
	value_ok(TL_K_ITEM, TL_ITEM_QUESTION, "", "");
}

static void test_validate_dates(void **state)
{
	char today[TL_DATE_SIZE];

	(void)state;
	value_ok(TL_K_MANDATE, TL_MANDATE_VALID_FROM, "2026-01-01",
		 "2026-01-01");
	value_ok(TL_K_MANDATE, TL_MANDATE_VALID_FROM, "", "");
	value_bad(TL_K_MANDATE, TL_MANDATE_VALID_FROM, "2026-02-30",
		  "valid_from");
	value_bad(TL_K_MANDATE, TL_MANDATE_VALID_FROM, "2026-02-30",
		  "\"2026-02-30\" is not a real date.");
	value_bad(TL_K_DECISION, TL_DECISION_DECIDED_ON, "", "decided_on is "
		  "required.");
	value_bad(TL_K_FOLLOWUP, TL_FOLLOWUP_DUE, "the week after", "due");

	setenv("TILLIT_NOW", "2026-05-04 10:00", 1);
	value_ok(TL_K_FOLLOWUP, TL_FOLLOWUP_DUE, "+14d", "2026-05-18");
	value_ok(TL_K_FOLLOWUP, TL_FOLLOWUP_DUE, "imorgon", "2026-05-05");
	value_ok(TL_K_MEETING, TL_MEETING_STARTS, "tomorrow 09:00",
		 "2026-05-05 09:00");
	unsetenv("TILLIT_NOW");
	tl_clock_today(today);
	value_ok(TL_K_FOLLOWUP, TL_FOLLOWUP_DUE, "today", today);

	value_ok(TL_K_MEETING, TL_MEETING_STARTS, "2026-05-04T09:30",
		 "2026-05-04 09:30");
	value_bad(TL_K_MEETING, TL_MEETING_STARTS, "2026-05-04 25:00",
		  "starts_at");
	value_bad(TL_K_MEETING, TL_MEETING_STARTS, "", "starts_at is "
		  "required.");
}

static void test_validate_int(void **state)
{
	(void)state;
	for (int lvl = 1; lvl <= 7; lvl++) {
		char in[16];
		snprintf(in, sizeof(in), "%d", lvl);
		value_ok(TL_K_MANDATE, TL_MANDATE_LEVEL, in, in);
	}
	value_ok(TL_K_MANDATE, TL_MANDATE_LEVEL, " 07 ", "7");
	value_ok(TL_K_MANDATE, TL_MANDATE_LEVEL, "+3", "3");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "9",
		  "level must be a whole number from 1 to 7, not \"9\".");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "0", "from 1 to 7");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "-1", "from 1 to 7");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "3.5", "\"3.5\"");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "three", "level");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "0x5", "level");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "5abc", "level");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "+", "level");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "4 4", "level");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "99999999999999999999999",
		  "level");
	value_bad(TL_K_MANDATE, TL_MANDATE_LEVEL, "", "level is required.");

	value_ok(TL_K_BALANCE, TL_BALANCE_SCORE, "-2", "-2");
	value_ok(TL_K_BALANCE, TL_BALANCE_SCORE, "+2", "2");
	value_ok(TL_K_BALANCE, TL_BALANCE_SCORE, "0", "0");
	value_bad(TL_K_BALANCE, TL_BALANCE_SCORE, "-3", "from -2 to 2");
	value_bad(TL_K_BALANCE, TL_BALANCE_SCORE, "3", "score");
}

static void test_validate_amount(void **state)
{
	(void)state;
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "0250000.50", "250000.5");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "12.00", "12");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "250000", "250000");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "250 000", "250000");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "1 250 000,75", "1250000.75");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "250\xC2\xA0" "000", "250000");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "1250,5", "1250.5");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, " 40 ", "40");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "0", "0");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "000", "0");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "0.00", "0");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "0.05", "0.05");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, ".5", "0.5");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "7.", "7");
	value_ok(TL_K_FRAME, TL_FRAME_AMOUNT, "", "");

	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "-5", "negative");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "-0.01", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "1.234", "at most 2 decimals");
	/* An English thousands comma must not quietly become 250. */
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "250,000", "\"250,000\"");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "12a", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "SEK 12", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "1.2.3", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, ".", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "1e5", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "12 ,5", "amount");
	value_bad(TL_K_FRAME, TL_FRAME_AMOUNT, "9999999999999999", "too large");
}

static void test_validate_bool(void **state)
{
	const char *yes[] = {"1", "yes", "YES", "true", "True", "ja", "Ja",
			     "y", " y ", NULL};
	const char *no[] = {"0", "no", "NO", "false", "nej", "NEJ", "n", NULL};

	(void)state;
	for (int i = 0; yes[i]; i++)
		value_ok(TL_K_MANDATE, TL_MANDATE_ONWARD, yes[i], "1");
	for (int i = 0; no[i]; i++)
		value_ok(TL_K_MANDATE, TL_MANDATE_ONWARD, no[i], "0");
	value_bad(TL_K_MANDATE, TL_MANDATE_ONWARD, "maybe",
		  "onward must be yes or no, not \"maybe\".");
	value_bad(TL_K_MANDATE, TL_MANDATE_ONWARD, "2", "onward");
	value_bad(TL_K_MANDATE, TL_MANDATE_ONWARD, "yess", "onward");
}

static void test_validate_ref(void **state)
{
	(void)state;
	value_ok(TL_K_MANDATE, TL_MANDATE_GIVEN_TO, uuid1, uuid1);
	value_ok(TL_K_MANDATE, TL_MANDATE_GIVEN_TO,
		 " 3F2B9C1E-8A4D-4F6B-9C2E-1A2B3C4D5E6F ", uuid1);
	value_bad(TL_K_MANDATE, TL_MANDATE_GIVEN_TO, "3f2b9c1e", "person");
	value_bad(TL_K_MANDATE, TL_MANDATE_GIVEN_TO, "3f2b9c1e", "given_to");
	value_bad(TL_K_MANDATE, TL_MANDATE_GIVEN_TO,
		  "3f2b9c1e8a4d-4f6b-9c2e-1a2b3c4d5e6f-", "given_to");
	value_bad(TL_K_MANDATE, TL_MANDATE_GIVEN_TO,
		  "3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6g", "given_to");
	value_bad(TL_K_MANDATE, TL_MANDATE_GIVEN_TO, "", "given_to is "
		  "required.");
	value_bad(TL_K_ITEM, TL_ITEM_REFERS_TO, "x", "an agenda item");
}

static void test_validate_tags(void **state)
{
	(void)state;
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, " Tillit, kvalitet ,transparens",
		 "tillit,kvalitet,transparens");
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, "tillit", "tillit");
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, "a,,b,", "a,b");
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, "my-key_2", "my-key_2");
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, "", "");
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, " , ", "");
	value_bad(TL_K_ITEM, TL_ITEM_TAGS, "tillit,kvalitet,Tillit",
		  "tags lists \"tillit\" twice.");
	/* A principle by its Swedish name is its key. */
	value_ok(TL_K_ITEM, TL_ITEM_TAGS, "R\xC3\xA4ttss\xC3\xA4kerhet, "
		 "\xC3\x96ppenhet", "rattssakerhet,oppenhet");
	value_bad(TL_K_ITEM, TL_ITEM_TAGS, "\xC3\x85r \xC3\xA5t",
		  "\"\xC3\x85r \xC3\xA5t\" in tags is not a principle key");
	value_bad(TL_K_ITEM, TL_ITEM_TAGS, "tillit,Tillit", "twice");
	value_bad(TL_K_ITEM, TL_ITEM_TAGS, "Transparens,transparens",
		  "twice");
	value_bad(TL_K_ITEM, TL_ITEM_TAGS, "two words", "tags");
	value_bad(TL_K_ITEM, TL_ITEM_TAGS, "a;b", "tags");
}

static void test_validate_messages_are_safe_and_short(void **state)
{
	char *big;
	struct tl_error err;
	static char out[TL_TEXT_MAX + 1];

	(void)state;
	big = malloc(TL_TEXT_MAX + 2);
	assert_non_null(big);
	/* A huge bad value is quoted in about 40 characters, not all. */
	memset(big, 'x', TL_TEXT_MAX + 1);
	big[TL_TEXT_MAX + 1] = '\0';
	assert_int_equal(tl_validate_value(field(TL_K_MANDATE,
						 TL_MANDATE_LEVEL),
					   big, out, sizeof(out), &err),
			 TL_EINVAL);
	assert_true(strlen(err.msg) < 160);
	assert_non_null(strstr(err.msg, "\xE2\x80\xA6")); /* cut shown */
	/* Å repeated: the cut falls between characters. */
	for (int i = 0; i + 1 < 200; i += 2)
		memcpy(big + i, "\xC3\x85", 2);
	big[200] = '\0';
	assert_int_equal(tl_validate_value(field(TL_K_UNIT, TL_UNIT_KIND),
					   big, out, sizeof(out), &err),
			 TL_EINVAL);
	assert_true(msg_safe(err.msg));
	free(big);
}

/* ---- validation of records ---------------------------------------------- */

static struct tl_record *good_mandate(void)
{
	struct tl_record *r = tl_record_new(TL_K_MANDATE);

	assert_non_null(r);
	set(r, TL_MANDATE_MATTER, "Anst\xC3\xA4lla vikarier");
	set(r, TL_MANDATE_GIVEN_TO, uuid1);
	set(r, TL_MANDATE_GIVEN_BY_UNIT, uuid2);
	set(r, TL_MANDATE_LEVEL, "7");
	set(r, TL_MANDATE_VALID_FROM, "2026-01-01");
	set(r, TL_MANDATE_VALID_UNTIL, "2026-12-31");
	return r;
}

static void test_record_mandate(void **state)
{
	struct tl_record *r = good_mandate();

	(void)state;
	record_ok(r);

	set(r, TL_MANDATE_VALID_UNTIL, "2026-01-01"); /* the same day: ok */
	record_ok(r);
	set(r, TL_MANDATE_VALID_UNTIL, "2025-12-31");
	record_bad(r, "valid_until (2025-12-31) is before valid_from "
		   "(2026-01-01).");
	set(r, TL_MANDATE_VALID_FROM, NULL); /* only one end: ok */
	record_ok(r);

	set(r, TL_MANDATE_GIVEN_BY_UNIT, NULL);
	record_bad(r, "given_by_unit or given_by_person");
	set(r, TL_MANDATE_GIVEN_BY_PERSON, uuid2);
	record_ok(r);

	set(r, TL_MANDATE_LEVEL, "9");
	record_bad(r, "level must be a whole number from 1 to 7");
	set(r, TL_MANDATE_LEVEL, "7");

	set(r, TL_MANDATE_MATTER, NULL);
	record_bad(r, "matter is required.");
	set(r, TL_MANDATE_MATTER, "Delegation");

	/* Values are stored canonical; anything else is refused. */
	set(r, TL_MANDATE_ONWARD, "yes");
	record_bad(r, "onward \"yes\"");
	set(r, TL_MANDATE_ONWARD, "1");
	record_ok(r);
	set(r, TL_MANDATE_VALID_UNTIL, "+14d");
	record_bad(r, "valid_until");
	set(r, TL_MANDATE_VALID_UNTIL, "2027-02-30");
	record_bad(r, "is not a real date");
	set(r, TL_MANDATE_VALID_UNTIL, NULL);
	set(r, TL_MANDATE_MATTER, " padded ");
	record_bad(r, "matter");
	tl_record_free(r);
}

static void test_record_frame_meeting_followup(void **state)
{
	struct tl_record *f = tl_record_new(TL_K_FRAME);
	struct tl_record *v = tl_record_new(TL_K_FRAME_VERSION);
	struct tl_record *m = tl_record_new(TL_K_MEETING);
	struct tl_record *u = tl_record_new(TL_K_FOLLOWUP);
	struct tl_record *p = tl_record_new(TL_K_PERSON);

	(void)state;
	set(f, TL_FRAME_DESCRIPTION, "Budget f\xC3\xB6r vikarier");
	set(f, TL_FRAME_KIND, "budget");
	set(f, TL_FRAME_AMOUNT, "250000.5");
	record_bad(f, "holder_person or holder_unit");
	set(f, TL_FRAME_HOLDER_UNIT, uuid2);
	record_ok(f);
	set(f, TL_FRAME_VALID_FROM, "2026-06-01");
	set(f, TL_FRAME_VALID_UNTIL, "2026-05-31");
	record_bad(f, "valid_until (2026-05-31) is before valid_from");
	set(f, TL_FRAME_VALID_UNTIL, "2026-06-30");
	record_ok(f);
	set(f, TL_FRAME_AMOUNT, "0250000.50");
	record_bad(f, "amount");
	set(f, TL_FRAME_AMOUNT, "250000.5");
	/* Version and acknowledgement are the store's: never required. */
	assert_null(tl_record_get(f, TL_FRAME_VERSION));
	record_ok(f);

	/* A frame version holds the same rules, and needs its frame. */
	set(v, TL_FRAME_DESCRIPTION, "Old");
	set(v, TL_FRAME_KIND, "time");
	set(v, TL_FRAME_HOLDER_PERSON, uuid1);
	record_bad(v, "frame is required.");
	set(v, TL_FV_FRAME, uuid2);
	record_ok(v);
	set(v, TL_FRAME_HOLDER_PERSON, NULL);
	record_bad(v, "holder_person or holder_unit");

	set(m, TL_MEETING_TITLE, "Dialog med \xC3\x85sa");
	set(m, TL_MEETING_KIND, "one_to_one");
	set(m, TL_MEETING_STARTS, "2026-05-04 10:00");
	set(m, TL_MEETING_ENDS, "2026-05-04 09:59");
	record_bad(m, "ends_at (2026-05-04 09:59) is before starts_at "
		   "(2026-05-04 10:00).");
	set(m, TL_MEETING_ENDS, "2026-05-04 10:00");
	record_ok(m);
	set(m, TL_MEETING_ENDS, "2026-05-05 00:00");
	record_ok(m);
	set(m, TL_MEETING_STARTS, NULL);
	record_bad(m, "starts_at is required.");

	set(u, TL_FOLLOWUP_TEXT, "Rapportera utfall");
	record_bad(u, "owner is required.");
	set(u, TL_FOLLOWUP_OWNER, uuid1);
	set(u, TL_FOLLOWUP_STATUS, "done");
	record_ok(u);
	set(u, TL_FOLLOWUP_STATUS, "finished");
	record_bad(u, "status");

	set(p, TL_PERSON_KIND, "manager");
	record_bad(p, "name is required.");
	set(p, TL_PERSON_NAME, ASA_OBERG);
	record_ok(p);
	set(p, TL_PERSON_NAME, "bad\xC3\x28");
	record_bad(p, "UTF-8");

	assert_int_equal(tl_validate_record(NULL, NULL), TL_EINVAL);
	tl_record_free(f);
	tl_record_free(v);
	tl_record_free(m);
	tl_record_free(u);
	tl_record_free(p);
}

/* No record refers to itself: a unit is not its own parent, an item does
 * not correct itself; another record of the kind is fine. */
static void test_record_refers_to_itself(void **state)
{
	struct tl_record *u = tl_record_new(TL_K_UNIT);
	struct tl_record *i = tl_record_new(TL_K_ITEM);

	(void)state;
	memcpy(u->id, uuid1, TL_ID_LEN + 1);
	set(u, TL_UNIT_NAME, "Kommunstyrelsen");
	set(u, TL_UNIT_KIND, "board");
	set(u, TL_UNIT_PARENT, uuid1);
	record_bad(u, "Parent: a unit cannot refer to itself.");
	set(u, TL_UNIT_PARENT, uuid2);
	record_ok(u);

	memcpy(i->id, uuid2, TL_ID_LEN + 1);
	set(i, TL_ITEM_MEETING, uuid1);
	set(i, TL_ITEM_TITLE, "Budget");
	set(i, TL_ITEM_REFERS_TO, uuid2);
	record_bad(i, "Corrects: a agenda item cannot refer to itself.");
	/* The rules alone (the import's check) say the same. */
	{
		struct tl_error err;

		assert_int_equal(tl_validate_rules(i, &err), TL_EINVAL);
		assert_non_null(strstr(err.msg, "cannot refer to itself"));
	}
	set(i, TL_ITEM_REFERS_TO, uuid1);
	record_ok(i);
	tl_record_free(u);
	tl_record_free(i);
}

/* ---- ids ---------------------------------------------------------------- */

static void test_ids(void **state)
{
	char a[TL_ID_LEN + 1], b[TL_ID_LEN + 1];

	(void)state;
	tl_id_new(a);
	tl_id_new(b);
	assert_int_equal(strlen(a), TL_ID_LEN);
	assert_true(tl_id_valid(a));
	assert_true(tl_id_valid(b));
	assert_string_not_equal(a, b);
	assert_int_equal(a[14], '4'); /* random, version 4 */

	assert_true(tl_id_valid(uuid1));
	assert_false(tl_id_valid("3F2B9C1E-8A4D-4F6B-9C2E-1A2B3C4D5E6F"));
	assert_false(tl_id_valid("3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6"));
	assert_false(tl_id_valid("3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f0"));
	assert_false(tl_id_valid("3f2b9c1e8a4d-4f6b-9c2e-1a2b3c4d5e6f-"));
	assert_false(tl_id_valid("3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6g"));
	assert_false(tl_id_valid(""));
	assert_false(tl_id_valid(NULL));

	assert_true(tl_id_prefix_valid("3f2b"));
	assert_true(tl_id_prefix_valid("3f2b9c1e-8a"));
	assert_true(tl_id_prefix_valid(uuid1));
	assert_true(tl_id_prefix_valid("3F2B"));
	assert_false(tl_id_prefix_valid(""));
	assert_false(tl_id_prefix_valid(NULL));
	assert_false(tl_id_prefix_valid("3f2g"));
	assert_false(tl_id_prefix_valid("3f2b-"));
	assert_false(tl_id_prefix_valid("mandate"));
	assert_false(tl_id_prefix_valid("3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f0"));
}

/* ---- rules -------------------------------------------------------------- */

static void test_grey_zone(void **state)
{
	const char *kinds[] = {"one_to_one", "committee", "dialogue", "forum",
			       NULL};
	const char *questions[] = {"what", "how", NULL};
	const char *deciders[] = {"politics", "administration", NULL};

	(void)state;
	/* Every combination, including unset (NULL) values. */
	for (int k = 0; k < 5; k++) {
		for (int q = 0; q < 3; q++) {
			for (int d = 0; d < 3; d++) {
				bool want = k < 4 &&
					    (!strcmp(kinds[k], "committee") ||
					     !strcmp(kinds[k], "dialogue")) &&
					    q == 1 && d == 0;
				assert_int_equal(tl_rules_grey_zone(
							 kinds[k], questions[q],
							 deciders[d]),
						 want);
			}
		}
	}
	assert_true(tl_rules_grey_zone("committee", "how", "politics"));
	assert_true(tl_rules_grey_zone("dialogue", "how", "politics"));
	assert_false(tl_rules_grey_zone("dialogue", "what", "politics"));
	assert_false(tl_rules_grey_zone("dialogue", "how", "administration"));
	assert_false(tl_rules_grey_zone("one_to_one", "how", "politics"));
	assert_false(tl_rules_grey_zone("forum", "how", "politics"));
}

static void test_level_names(void **state)
{
	const char *want[] = {"tell", "sell", "consult", "agree", "advise",
			      "inquire", "delegate"};

	(void)state;
	for (long l = 1; l <= 7; l++)
		assert_string_equal(tl_rules_level_name(l), want[l - 1]);
	assert_string_equal(tl_rules_level_name(0), "?");
	assert_string_equal(tl_rules_level_name(8), "?");
	assert_string_equal(tl_rules_level_name(-1), "?");
}

static void test_non_delegable(void **state)
{
	const char *yes[] = {
		"Fastst\xC3\xA4lla verksamhetens m\xC3\xA5l",
		"M\xC3\xA5l f\xC3\xB6r skolan 2027",
		"Verksamhetsm\xC3\xA5len f\xC3\xB6r 2026",
		"Ny m\xC3\xA5ls\xC3\xA4ttning",
		"Besluta om kvalitetsniv\xC3\xA5 i hemtj\xC3\xA4nsten",
		"Kvalitet i \xC3\xA4ldreomsorgen",
		"\xC3\x84ndrad inriktning f\xC3\xB6r fritidsg\xC3\xA5rdar",
		"OMFATTNING av hemtj\xC3\xA4nsten",
		"Set the goals of the service",
		"Change the direction of the school",
		"Scope of home care",
		"Quality level of elderly care",
		NULL};
	const char *no[] = {
		"Attestera fakturor upp till 50 000 kr",
		"Ink\xC3\xB6p av m\xC3\xA5ltider",
		"M\xC3\xA5lning av skolans fasad",
		"Anst\xC3\xA4lla vikarier",
		"Approve invoices",
		"",
		NULL};

	(void)state;
	for (int i = 0; yes[i]; i++) {
		if (!tl_rules_matter_non_delegable(yes[i]))
			print_error("missed: %s\n", yes[i]);
		assert_true(tl_rules_matter_non_delegable(yes[i]));
	}
	for (int i = 0; no[i]; i++) {
		if (tl_rules_matter_non_delegable(no[i]))
			print_error("false alarm: %s\n", no[i]);
		assert_false(tl_rules_matter_non_delegable(no[i]));
	}
	assert_false(tl_rules_matter_non_delegable(NULL));
}

static void check_preset(const char *name, const char *const *keys,
			 const char *const *names, int n)
{
	const struct tl_principle_preset *p = tl_rules_preset(name);
	static char out[TL_TEXT_MAX + 1];
	const struct tl_field *tags = field(TL_K_ITEM, TL_ITEM_TAGS);
	struct tl_error err;
	int i;

	assert_non_null(p);
	for (i = 0; p[i].key; i++) {
		assert_true(i < n);
		assert_string_equal(p[i].key, keys[i]);
		assert_string_equal(p[i].name, names[i]);
		/* A key is its own canonical tag, so tags can name it. */
		assert_int_equal(tl_validate_value(tags, p[i].key, out,
						   sizeof(out), &err),
				 TL_OK);
		assert_string_equal(out, p[i].key);
		assert_non_null(p[i].description);
		assert_true(strlen(p[i].description) > 20);
		assert_null(strchr(p[i].description, '\n'));
		assert_true(tl_utf8_valid(p[i].description,
					  strlen(p[i].description)));
	}
	assert_int_equal(i, n);
}

static void test_presets(void **state)
{
	const char *vk[] = {"tillit", "transparens", "rattssakerhet",
			    "effektivitet", "kvalitet"};
	const char *vn[] = {"Tillit", "Transparens",
			    "R\xC3\xA4ttss\xC3\xA4kerhet", "Effektivitet",
			    "Kvalitet"};
	const char *nk[] = {"tillit", "invanarfokus", "helhetssyn",
			    "handlingsutrymme", "stod", "kunskap", "oppenhet",
			    "langsiktighet"};
	const char *nn[] = {"Tillit", "Inv\xC3\xA5narfokus", "Helhetssyn",
			    "Handlingsutrymme", "St\xC3\xB6\x64", "Kunskap",
			    "\xC3\x96ppenhet", "L\xC3\xA5ngsiktighet"};

	(void)state;
	check_preset("vadstena", vk, vn, 5);
	check_preset("national", nk, nn, 8);
	assert_null(tl_rules_preset("unknown"));
	assert_null(tl_rules_preset(""));
	assert_null(tl_rules_preset(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_prefix),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_date_parse_absolute),
		cmocka_unit_test(test_date_parse_relative),
		cmocka_unit_test(test_date_parse_weeks_and_weekdays),
		cmocka_unit_test(test_date_diff),
		cmocka_unit_test_teardown(test_clock_fixed, clean_env),
		cmocka_unit_test_teardown(test_clock_bad_env, clean_env),
		cmocka_unit_test(test_datetime_parse),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_text_fit),
		cmocka_unit_test(test_text_fit_always_exact),
		cmocka_unit_test(test_text_fit_small_buffer),
		cmocka_unit_test(test_text_sanitize),
		cmocka_unit_test(test_text_first_line),
		cmocka_unit_test(test_validate_text),
		cmocka_unit_test(test_validate_longtext),
		cmocka_unit_test(test_validate_enum),
		cmocka_unit_test_teardown(test_validate_dates, clean_env),
		cmocka_unit_test(test_validate_int),
		cmocka_unit_test(test_validate_amount),
		cmocka_unit_test(test_validate_bool),
		cmocka_unit_test(test_validate_ref),
		cmocka_unit_test(test_validate_tags),
		cmocka_unit_test(test_validate_messages_are_safe_and_short),
		cmocka_unit_test(test_record_mandate),
		cmocka_unit_test(test_record_frame_meeting_followup),
		cmocka_unit_test(test_record_refers_to_itself),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_grey_zone),
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_non_delegable),
		cmocka_unit_test(test_presets),
	};

	tl_text_init();
	clean_env(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
