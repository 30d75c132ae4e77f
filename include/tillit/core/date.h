/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * date.h - the clock, and the dates and times people type.
 *
 * The clock is the system's unless TILLIT_NOW="YYYY-MM-DD HH:MM" fixes it
 * (for tests); the time zone comes from TZ.  Dates are kept as
 * "YYYY-MM-DD", wall times as "YYYY-MM-DD HH:MM", and record timestamps
 * as UTC "YYYY-MM-DDTHH:MM:SSZ".
 */
#ifndef TILLIT_DATE_H
#define TILLIT_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "tillit/core/error.h"

/* Bytes needed for a date, a wall time and a timestamp, with the NUL. */
#define TL_DATE_SIZE 11
#define TL_DATETIME_SIZE 17
#define TL_STAMP_SIZE 21

/*
 * The current time: TILLIT_NOW when set and valid, else time(NULL).
 * A TILLIT_NOW that does not parse is ignored; tl_clock_check says why.
 */
time_t tl_clock_now(void);

/* True when the clock is TILLIT_NOW's (set and valid), not the system's:
 * the audit log marks the times it took so. */
bool tl_clock_fixed(void);

/*
 * Fixes the clock at the wall time `wall` ("YYYY-MM-DD HH:MM") for this
 * process, before TILLIT_NOW, and tl_clock_fixed says so; NULL sets it
 * free again.  For the demo, which records its past as it happened.
 * False (nothing changes) when wall is no wall time.
 */
bool tl_clock_set(const char *wall);

/* TL_OK, or TL_EINVAL with a message when TILLIT_NOW is set but bad. */
enum tl_status tl_clock_check(struct tl_error *err);

/* Today's local date as "YYYY-MM-DD" into out[TL_DATE_SIZE]. */
void tl_clock_today(char out[TL_DATE_SIZE]);

/* Now as a UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" into out. */
void tl_clock_stamp(char out[TL_STAMP_SIZE]);

/* Now as local wall time "YYYY-MM-DD HH:MM" into out. */
void tl_clock_datetime(char out[TL_DATETIME_SIZE]);

/* A UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" as local wall time "YYYY-MM-DD
 * HH:MM" into out; false (out holds the stamp cut short) when it is not
 * one. */
bool tl_stamp_local(const char *stamp, char out[TL_DATETIME_SIZE]);

/* True when y-m-d is a real calendar date (years 1000-9999). */
bool tl_date_valid(int y, int m, int d);

/*
 * Parses what a person types for a date, relative to `today`
 * ("YYYY-MM-DD", or NULL for the clock's today):
 *   2026-12-01, today, tomorrow, yesterday, idag, imorgon, igår,
 *   +14d, -3d, +2w, +1m (months, clamped to the month's last day).
 * Writes the canonical "YYYY-MM-DD" to out.  TL_EINVAL with a message
 * naming the input when it is not a date (2026-02-30 is not).
 */
enum tl_status tl_date_parse(const char *in, const char *today,
			     char out[TL_DATE_SIZE], struct tl_error *err);

/*
 * Parses a wall time: "YYYY-MM-DD HH:MM" (or with a 'T'), or any date that
 * tl_date_parse takes followed by an optional " HH:MM" (default 00:00).
 * Writes "YYYY-MM-DD HH:MM" to out.
 */
enum tl_status tl_datetime_parse(const char *in, const char *today,
				 char out[TL_DATETIME_SIZE],
				 struct tl_error *err);

/* Days from date a to date b (b - a); both canonical.  0 if invalid. */
long tl_date_diff(const char *a, const char *b);

/* The date `days` days after date (before it when negative) into out;
 * false when date is not a canonical date or the result leaves the
 * years 1000-9999. */
bool tl_date_add(const char *date, long days, char out[TL_DATE_SIZE]);

/* The day of the week of a canonical date, 0 = Monday ... 6 = Sunday;
 * -1 when it is not one. */
int tl_date_weekday(const char *date);

#endif
