/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_clocks.c - the legal clocks of a protokoll (core/clocks.c): days
 * off as Swedish law counts them, deadlines moved past them, and the
 * clocks of meetings, one of them in late December whose periods cross
 * the new year.  The days off are checked, year by year, against
 * python3-holidays' calendar of Sweden.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tillit/core/clocks.h"

static void test_easter(void **state)
{
	static const char *const known[][2] = {
		{"2000", "2000-04-23"}, {"2019", "2019-04-21"},
		{"2024", "2024-03-31"}, {"2025", "2025-04-20"},
		{"2026", "2026-04-05"}, {"2027", "2027-03-28"},
		{"2038", "2038-04-25"}, {"2285", "2285-03-22"},
	};
	char d[TL_DATE_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		tl_easter(atoi(known[i][0]), d);
		assert_string_equal(d, known[i][1]);
	}
}

static void test_weekday_and_add(void **state)
{
	char d[TL_DATE_SIZE];

	(void)state;
	assert_int_equal(tl_date_weekday("1970-01-01"), 3);
	assert_int_equal(tl_date_weekday("2026-12-04"), 4);
	assert_int_equal(tl_date_weekday("2026-12-06"), 6);
	assert_int_equal(tl_date_weekday("2026-02-30"), -1);
	assert_true(tl_date_add("2026-12-17", 14, d));
	assert_string_equal(d, "2026-12-31");
	assert_true(tl_date_add("2024-02-28", 1, d));
	assert_string_equal(d, "2024-02-29");
	assert_true(tl_date_add("2027-01-01", -1, d));
	assert_string_equal(d, "2026-12-31");
	assert_false(tl_date_add("9999-12-31", 1, d));
	assert_false(tl_date_add("nonsense", 1, d));
}

static void test_days_off(void **state)
{
	(void)state;
	assert_null(tl_day_off("2026-12-04"));          /* a Friday */
	assert_string_equal(tl_day_off("2026-12-05"), "Saturday");
	assert_string_equal(tl_day_off("2026-12-06"), "Sunday");
	assert_string_equal(tl_day_off("2026-12-24"), "Christmas Eve");
	assert_string_equal(tl_day_off("2026-12-31"), "New Year's Eve");
	assert_string_equal(tl_day_off("2027-01-06"), "Epiphany");
	assert_string_equal(tl_day_off("2026-04-03"), "Good Friday");
	assert_string_equal(tl_day_off("2026-04-06"), "Easter Monday");
	assert_string_equal(tl_day_off("2026-05-14"), "Ascension Day");
	assert_string_equal(tl_day_off("2026-06-19"), "Midsummer Eve");
	assert_string_equal(tl_day_off("2026-06-20"), "Midsummer Day");
	assert_string_equal(tl_day_off("2026-10-31"), "All Saints' Day");
	assert_string_equal(tl_day_off("2027-11-06"), "All Saints' Day");
	assert_null(tl_day_off("2027-06-18"));          /* Friday before */
	assert_null(tl_day_off("not a date"));
}

static void test_deadline(void **state)
{
	char d[TL_DATE_SIZE];

	(void)state;
	/* A working day stays. */
	assert_true(tl_deadline("2026-11-16", 14, d));
	assert_string_equal(d, "2026-11-30");
	/* A Saturday moves to Monday. */
	assert_true(tl_deadline("2026-11-19", 2, d));
	assert_string_equal(d, "2026-11-23");
	/* Maundy Thursday + 1 is Good Friday: on past Easter Monday. */
	assert_true(tl_deadline("2026-04-02", 1, d));
	assert_string_equal(d, "2026-04-07");
	/* Midsummer Eve, Midsummer Day and Sunday. */
	assert_true(tl_deadline("2026-06-17", 2, d));
	assert_string_equal(d, "2026-06-22");
	assert_false(tl_deadline("2026-13-01", 2, d));
}

/*
 * A committee meeting on Thursday 17 December 2026.  Fourteen days on is
 * New Year's Eve, then New Year's Day and a weekend: justering is due on
 * Monday 4 January 2027.  Justered on Tuesday 22 December, the notice is
 * due by the 24th, Christmas Eve, so on the first working day after
 * Christmas: Monday 28 December.  Posted on Wednesday 23 December, the
 * appeal window ends three weeks on, Wednesday 13 January 2027, and the
 * decisions stand from the 14th.
 */
static void test_clocks_across_new_year(void **state)
{
	struct tl_clocks c;
	long left = 0;

	(void)state;
	assert_true(tl_clocks_compute("2026-12-17 09:00", NULL, NULL, &c));
	assert_string_equal(c.held, "2026-12-17");
	assert_string_equal(c.justering_due, "2027-01-04");
	assert_string_equal(c.notice_due, "");
	assert_string_equal(c.appeal_ends, "");
	assert_int_equal(tl_clocks_due(&c, "2026-12-16", &left),
			 TL_DUE_NOTHING);
	assert_int_equal(tl_clocks_due(&c, "2026-12-30", &left),
			 TL_DUE_JUSTERING);
	assert_int_equal(left, 5);
	assert_int_equal(tl_clocks_due(&c, "2027-01-05", &left),
			 TL_DUE_JUSTERING);
	assert_int_equal(left, -1);

	assert_true(tl_clocks_compute("2026-12-17", "2026-12-22 15:10", NULL,
				      &c));
	assert_string_equal(c.justered, "2026-12-22");
	assert_string_equal(c.notice_due, "2026-12-28");
	assert_int_equal(tl_clocks_due(&c, "2026-12-23", &left),
			 TL_DUE_NOTICE);
	assert_int_equal(left, 5);

	assert_true(tl_clocks_compute("2026-12-17", "2026-12-22", "2026-12-23",
				      &c));
	assert_string_equal(c.appeal_ends, "2027-01-13");
	assert_string_equal(c.stands, "2027-01-14");
	assert_int_equal(tl_clocks_due(&c, "2027-01-02", &left),
			 TL_DUE_NOTHING);

	/* Posted on Friday 11 December: three weeks on is New Year's Day,
	 * so the window stays open until Monday 4 January. */
	assert_true(tl_clocks_compute("2026-12-01", "2026-12-09", "2026-12-11",
				      &c));
	assert_string_equal(c.appeal_ends, "2027-01-04");
	assert_string_equal(c.stands, "2027-01-05");
	/* Posted on 16 December: three weeks on is Epiphany. */
	assert_true(tl_clocks_announced("2026-12-16", &c));
	assert_string_equal(c.appeal_ends, "2027-01-07");
	assert_string_equal(c.held, "");

	assert_false(tl_clocks_compute("", NULL, NULL, &c));
	assert_false(tl_clocks_compute("2026-12-17", "yesterday", NULL, &c));
	assert_false(tl_clocks_announced(NULL, &c));
}

/*
 * Every day from 2005 (when National Day became a holiday and Whit
 * Monday stopped being one) to 2100: tillit's days off other than plain
 * weekends are exactly python3-holidays' Swedish holidays without
 * Sundays.
 */
static void test_days_off_match_python_holidays(void **state)
{
	static const char script[] =
		"/usr/bin/python3 -c 'import holidays\n"
		"h = holidays.Sweden(years=range(2005, 2101), "
		"include_sundays=False)\n"
		"print(\"\\n\".join(sorted(str(d) for d in h)))'";
	char d[TL_DATE_SIZE] = "2005-01-01", line[64];
	FILE *p = popen(script, "r");
	int n = 0;

	(void)state;
	assert_non_null(p);
	while (strcmp(d, "2101-01-01") < 0) {
		const char *why = tl_day_off(d);

		if (why && strcmp(why, "Saturday") && strcmp(why, "Sunday")) {
			if (!fgets(line, sizeof(line), p))
				fail_msg("python3-holidays ends before %s", d);
			line[strcspn(line, "\n")] = '\0';
			if (strcmp(line, d))
				fail_msg("tillit: %s (%s), python3-holidays: "
					 "%s", d, why, line);
			n++;
		}
		assert_true(tl_date_add(d, 1, d));
	}
	if (fgets(line, sizeof(line), p))
		fail_msg("python3-holidays has %s, tillit has no day off", line);
	/* The interpreter and its module are there (deps.sh installs). */
	assert_int_equal(pclose(p), 0);
	/* Sixteen a year, less where two fall on one day (Ascension Day
	 * on May Day in 2008). */
	assert_in_range(n, 96 * 15, 96 * 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_weekday_and_add),
		cmocka_unit_test(test_days_off),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_clocks_across_new_year),
		cmocka_unit_test(test_days_off_match_python_holidays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
