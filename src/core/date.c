/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * date.c - the clock, and the dates and times people type.
 *
 * The clock is time(NULL) unless TILLIT_NOW fixes it, so that tests and
 * demos see the same "today" every run.  Dates are plain civil dates: all
 * arithmetic ("+14d", "+1m") is done on day numbers counted from
 * 1970-01-01 with our own conversion functions, never through mktime(),
 * so a time zone or a daylight-saving change can never move a date.
 * mktime() is used only to turn a fixed TILLIT_NOW wall time into a
 * time_t, which is what "local time per TZ" means.
 */
#include "tillit/core/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

/* Relative dates may move at most this many days (about 270 years). */
#define MAX_OFFSET_DAYS 100000L

/* A broken-down wall time with no time zone attached. */
struct wall {
	int y, m, d, hh, mm, ss;
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

bool tl_date_valid(int y, int m, int d)
{
	if (y < 1000 || y > 9999 || m < 1 || m > 12)
		return false;
	return d >= 1 && d <= month_days(y, m);
}

/*
 * Days since 1970-01-01 of a proleptic Gregorian date.  Years are counted
 * from March so that the leap day falls at the end of a year; eras of 400
 * years repeat exactly (146097 days).
 */
static long days_from_date(int y, int m, int d)
{
	long yy = m <= 2 ? y - 1 : y;
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long year_of_era = yy - era * 400;                  /* 0..399 */
	long month_from_march = m > 2 ? m - 3 : m + 9;      /* 0..11 */
	long day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
	long day_of_era = year_of_era * 365 + year_of_era / 4 -
			  year_of_era / 100 + day_of_year;  /* 0..146096 */

	return era * 146097 + day_of_era - 719468;
}

/* The inverse of days_from_date. */
static void date_from_days(long days, int *y, int *m, int *d)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long day_of_era = z - era * 146097;
	long year_of_era = (day_of_era - day_of_era / 1460 +
			    day_of_era / 36524 - day_of_era / 146096) / 365;
	long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 -
					 year_of_era / 100);
	long mp = (5 * day_of_year + 2) / 153;
	long dd = day_of_year - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(year_of_era + era * 400 + (mm <= 2 ? 1 : 0));
	*m = (int)mm;
	*d = (int)dd;
}

/* Reads exactly n decimal digits from s. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/*
 * Reads the shape "YYYY-MM-DD" at s (exactly; no check of the calendar).
 * Returns the number of characters read, 0 when the shape is wrong.
 */
static int scan_ymd(const char *s, int *y, int *m, int *d)
{
	if (!digits(s, 4, y) || s[4] != '-' || !digits(s + 5, 2, m) ||
	    s[7] != '-' || !digits(s + 8, 2, d))
		return 0;
	return 10;
}

/* Reads "H:MM" or "HH:MM" (shape only).  Returns characters read or 0. */
static int scan_hm(const char *s, int *hh, int *mm)
{
	int n = isdigit((unsigned char)s[1]) ? 2 : 1;
	int h, m;

	if (!digits(s, n, &h) || s[n] != ':' || !digits(s + n + 1, 2, &m) ||
	    isdigit((unsigned char)s[n + 3]))
		return 0;
	*hh = h;
	*mm = m;
	return n + 3;
}

/* The input quoted in a message: see tl_text_quote. */
static const char *quote(const char *in, char *buf, size_t size)
{
	return tl_text_quote(in, 40, buf, size);
}

/* The value of TILLIT_NOW, or NULL when it is unset or empty. */
static const char *now_env(void)
{
	const char *s = getenv("TILLIT_NOW");

	return s && *s ? s : NULL;
}

/*
 * Parses TILLIT_NOW: "YYYY-MM-DD HH:MM" (or with 'T', or with ":SS", or a
 * bare date meaning midnight).  Only absolute times: a relative one would
 * need the clock it is meant to fix.
 */
static bool parse_now(const char *s, struct wall *w)
{
	int n;

	memset(w, 0, sizeof(*w));
	if (!scan_ymd(s, &w->y, &w->m, &w->d) ||
	    !tl_date_valid(w->y, w->m, w->d))
		return false;
	s += 10;
	if (*s == '\0')
		return true;
	if (*s != ' ' && *s != 'T')
		return false;
	s++;
	if (!digits(s, 2, &w->hh) || s[2] != ':' || !digits(s + 3, 2, &w->mm))
		return false;
	n = 5;
	if (s[n] == ':') {
		if (!digits(s + n + 1, 2, &w->ss) || w->ss > 59)
			return false;
		n += 3;
	}
	return s[n] == '\0' && w->hh <= 23 && w->mm <= 59;
}

/* The wall time tl_clock_set gave, "" when none. */
static char set_now[TL_DATETIME_SIZE + 3];

/* The fixed wall time of tl_clock_set, else of TILLIT_NOW, when it is
 * set and valid. */
static bool fixed_now(struct wall *w)
{
	const char *s = set_now[0] ? set_now : now_env();

	return s && parse_now(s, w);
}

bool tl_clock_set(const char *wall)
{
	struct wall w;

	if (!wall) {
		set_now[0] = '\0';
		return true;
	}
	if (strlen(wall) >= sizeof(set_now) || !parse_now(wall, &w))
		return false;
	memcpy(set_now, wall, strlen(wall) + 1);
	return true;
}

time_t tl_clock_now(void)
{
	struct wall w;
	struct tm tm;
	time_t t;

	if (!fixed_now(&w))
		return time(NULL);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = w.y - 1900;
	tm.tm_mon = w.m - 1;
	tm.tm_mday = w.d;
	tm.tm_hour = w.hh;
	tm.tm_min = w.mm;
	tm.tm_sec = w.ss;
	tm.tm_isdst = -1; /* let TZ say whether summer time applies */
	t = mktime(&tm);
	return t == (time_t)-1 ? time(NULL) : t;
}

bool tl_clock_fixed(void)
{
	struct wall w;

	return fixed_now(&w);
}

enum tl_status tl_clock_check(struct tl_error *err)
{
	const char *s = now_env();
	struct wall w;
	char q[200];

	if (!s || parse_now(s, &w))
		return TL_OK;
	return tl_error_set(err, TL_EINVAL,
			    _("TILLIT_NOW=\"%s\" is not a time; use "
			    "\"YYYY-MM-DD HH:MM\", e.g. \"2026-05-04 09:30\"."),
			    quote(s, q, sizeof(q)));
}

/* Now as a local wall time. */
static void local_now(struct wall *w)
{
	time_t t;
	struct tm tm;

	/* A fixed clock reads exactly as written, even in a DST gap. */
	if (fixed_now(w))
		return;
	t = time(NULL);
	if (!localtime_r(&t, &tm)) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = 70;
		tm.tm_mday = 1;
	}
	w->y = tm.tm_year + 1900;
	w->m = tm.tm_mon + 1;
	w->d = tm.tm_mday;
	w->hh = tm.tm_hour;
	w->mm = tm.tm_min;
	w->ss = tm.tm_sec;
}

/*
 * Writes a checked date.  The values are in range already; the modulos
 * only let the compiler see that the text fits.
 */
static void format_date(char out[TL_DATE_SIZE], int y, int m, int d)
{
	snprintf(out, TL_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
}

/* Writes a checked date and time of day, as format_date does. */
static void format_datetime(char out[TL_DATETIME_SIZE], const char *date,
			    int hh, int mm)
{
	snprintf(out, TL_DATETIME_SIZE, "%.10s %02u:%02u", date,
		 (unsigned)hh % 100u, (unsigned)mm % 100u);
}

void tl_clock_today(char out[TL_DATE_SIZE])
{
	struct wall w;

	local_now(&w);
	format_date(out, w.y, w.m, w.d);
}

void tl_clock_datetime(char out[TL_DATETIME_SIZE])
{
	struct wall w;
	char date[TL_DATE_SIZE];

	local_now(&w);
	format_date(date, w.y, w.m, w.d);
	format_datetime(out, date, w.hh, w.mm);
}

void tl_clock_stamp(char out[TL_STAMP_SIZE])
{
	time_t t = tl_clock_now();
	struct tm tm;

	if (!gmtime_r(&t, &tm) ||
	    strftime(out, TL_STAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, TL_STAMP_SIZE, "1970-01-01T00:00:00Z");
}

bool tl_stamp_local(const char *stamp, char out[TL_DATETIME_SIZE])
{
	int y, m, d, hh, mm, ss;
	struct tm tm;
	time_t t;

	if (!stamp || sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &m, &d,
			     &hh, &mm, &ss) != 6 || !tl_date_valid(y, m, d)) {
		snprintf(out, TL_DATETIME_SIZE, "%s", stamp ? stamp : "");
		return false;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = ss;
	t = timegm(&tm);
	if (!localtime_r(&t, &tm) ||
	    strftime(out, TL_DATETIME_SIZE, "%Y-%m-%d %H:%M", &tm) == 0) {
		snprintf(out, TL_DATETIME_SIZE, "%s", stamp);
		return false;
	}
	return true;
}

/* Day number of a canonical date string, false when it is not one. */
static bool date_days(const char *s, long *days)
{
	int y, m, d;

	if (!s || !scan_ymd(s, &y, &m, &d) || s[10] != '\0' ||
	    !tl_date_valid(y, m, d))
		return false;
	*days = days_from_date(y, m, d);
	return true;
}

long tl_date_diff(const char *a, const char *b)
{
	long da, db;

	if (!date_days(a, &da) || !date_days(b, &db))
		return 0;
	return db - da;
}

bool tl_date_add(const char *date, long days, char out[TL_DATE_SIZE])
{
	long d0;
	int y, m, d;

	if (!date_days(date, &d0))
		return false;
	date_from_days(d0 + days, &y, &m, &d);
	if (!tl_date_valid(y, m, d))
		return false;
	snprintf(out, TL_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
	return true;
}

int tl_date_weekday(const char *date)
{
	long days;

	if (!date_days(date, &days))
		return -1;
	/* 1970-01-01 was a Thursday (3 counted from Monday). */
	return (int)(((days + 3) % 7 + 7) % 7);
}

/*
 * Copies s without surrounding white space into buf, lower-casing ASCII
 * and the Swedish capitals Å, Ä, Ö, so "Igår" and "IGÅR" read as "igår".
 * False when it does not fit.
 */
static bool fold(const char *s, char *buf, size_t size)
{
	size_t len, n = 0;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len >= size)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC3 && i + 1 < len) {
			unsigned char c2 = (unsigned char)s[i + 1];
			/* Å Ä Ö (C3 85, C3 84, C3 96) are å ä ö less 0x20. */
			if (c2 == 0x85 || c2 == 0x84 || c2 == 0x96)
				c2 += 0x20;
			buf[n++] = (char)c;
			buf[n++] = (char)c2;
			i++;
			continue;
		}
		buf[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c;
	}
	buf[n] = '\0';
	return true;
}

/* Day offsets of the words people use for nearby days. */
static const struct {
	const char *word;
	int offset;
} day_words[] = {
	{"today", 0}, {"tomorrow", 1}, {"yesterday", -1},
	{"idag", 0}, {"i dag", 0},
	{"imorgon", 1}, {"i morgon", 1},
	{"ig\xC3\xA5r", -1}, {"i g\xC3\xA5r", -1},
};

/* Weekdays, Monday first, in Swedish and English, whole and short. */
static const char *const weekday_words[][4] = {
	{"m\xC3\xA5ndag", "m\xC3\xA5n", "monday", "mon"},
	{"tisdag", "tis", "tuesday", "tue"},
	{"onsdag", "ons", "wednesday", "wed"},
	{"torsdag", "tor", "thursday", "thu"},
	{"fredag", "fre", "friday", "fri"},
	{"l\xC3\xB6rdag", "l\xC3\xB6r", "saturday", "sat"},
	{"s\xC3\xB6ndag", "s\xC3\xB6n", "sunday", "sun"},
};

/* Monday's day number of ISO week `week` of ISO year `year`: week 1 is
 * the one that holds 4 January.  False when the year has no such week. */
static bool iso_week_monday(int year, int week, long *monday)
{
	long jan4 = days_from_date(year, 1, 4);
	long wd = ((jan4 + 3) % 7 + 7) % 7; /* 0 Monday */
	long first = jan4 - wd;
	long next = days_from_date(year + 1, 1, 4);
	long weeks = (next - (((next + 3) % 7 + 7) % 7) - first) / 7;

	if (week < 1 || week > weeks)
		return false;
	*monday = first + 7L * (week - 1);
	return true;
}

/* The ISO year and week that day number `days` falls in. */
static void iso_week_of(long days, int *year, int *week)
{
	int y, m, d;
	long monday;

	/* The year of a day's Thursday is its ISO year. */
	date_from_days(days - (((days + 3) % 7 + 7) % 7) + 3, &y, &m, &d);
	iso_week_monday(y, 1, &monday);
	*year = y;
	*week = (int)((days - monday) / 7) + 1;
}

/*
 * A week as people write it, its Monday into *days: "2026-W50" and
 * "2026W50" (ISO 8601), with a weekday too ("2026-W50-3"), and "v48",
 * "v 48", "vecka 48", "w48", "week 48": the week of that number from this
 * week on (in the next year once this year's has passed).  `today` is
 * today's day number.  0 when s is no week, -1 when it is one that does
 * not exist (week 53 of most years), 1 when *days is set.
 */
static int scan_week(const char *s, long today, long *days)
{
	int year = 0, week = 0, wd = 1, n = 0, y, w;
	static const char *const prefixes[] = {"vecka ", "week ", "v ", "w ",
					       "vecka", "week", "v", "w"};
	const char *p = NULL;

	if (digits(s, 4, &year) && (s[4] == 'w' || (s[4] == '-' &&
						   s[5] == 'w'))) {
		p = s + (s[4] == 'w' ? 5 : 6);
		if (!digits(p, 2, &week))
			return 0;
		p += 2;
		if (*p == '-' && p[1] >= '1' && p[1] <= '7' && !p[2])
			wd = p[1] - '0';
		else if (*p)
			return 0;
		if (!iso_week_monday(year, week, days))
			return -1;
		*days += wd - 1;
		return 1;
	}
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(s, prefixes[i], strlen(prefixes[i]))) {
			p = s + strlen(prefixes[i]);
			break;
		}
	if (!p || !isdigit((unsigned char)*p))
		return 0;
	for (; isdigit((unsigned char)p[n]) && n < 3; n++)
		week = week * 10 + (p[n] - '0');
	if (p[n] || n > 2)
		return 0;
	iso_week_of(today, &y, &w);
	if (week < w)
		y++;
	if (!iso_week_monday(y, week, days))
		return -1;
	return 1;
}

/* 0-6 (Monday first) for a weekday's name, else -1. */
static int weekday_of(const char *s)
{
	for (int d = 0; d < 7; d++)
		for (int k = 0; k < 4; k++)
			if (!strcmp(s, weekday_words[d][k]))
				return d;
	return -1;
}

/*
 * "+14d", "-3d", "+2w", "+1m" (also with capital units).  Returns false
 * when s is not of that shape; *unit is 'd', 'w' or 'm'.
 */
static bool scan_offset(const char *s, long *n, char *unit)
{
	long v = 0;
	int sign;

	if (*s != '+' && *s != '-')
		return false;
	sign = *s == '-' ? -1 : 1;
	s++;
	if (!isdigit((unsigned char)*s))
		return false;
	for (; isdigit((unsigned char)*s); s++) {
		v = v * 10 + (*s - '0');
		if (v > MAX_OFFSET_DAYS)
			return false;
	}
	*unit = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
	if ((*unit != 'd' && *unit != 'w' && *unit != 'm') || s[1] != '\0')
		return false;
	*n = sign * v;
	return true;
}

/* Adds n months, clamping the day to the new month's last day. */
static bool add_months(int *y, int *m, int *d, long n)
{
	long months = (long)*y * 12 + (*m - 1) + n;
	long ny = months / 12;
	int nm = (int)(months % 12) + 1;
	int last;

	if (ny < 1000 || ny > 9999)
		return false;
	*y = (int)ny;
	*m = nm;
	last = month_days(*y, *m);
	if (*d > last)
		*d = last;
	return true;
}

/* Today as a day number: from `today` when it is a date, else the clock. */
static void today_ymd(const char *today, int *y, int *m, int *d)
{
	char buf[TL_DATE_SIZE];

	if (today && scan_ymd(today, y, m, d) && today[10] == '\0' &&
	    tl_date_valid(*y, *m, *d))
		return;
	tl_clock_today(buf);
	scan_ymd(buf, y, m, d);
}

static enum tl_status not_a_date(const char *in, struct tl_error *err)
{
	char q[200];

	return tl_error_set(err, TL_EINVAL,
			    _("\"%s\" is not a date; use YYYY-MM-DD, today, "
			    "tomorrow, +14d, a weekday or a week (v48)."),
			    quote(in, q, sizeof(q)));
}

static enum tl_status not_a_time(const char *in, struct tl_error *err)
{
	char q[200];

	return tl_error_set(err, TL_EINVAL,
			    _("\"%s\" is not a time; use YYYY-MM-DD HH:MM or "
			    "+7d 10:00."), quote(in, q, sizeof(q)));
}

enum tl_status tl_date_parse(const char *in, const char *today,
			     char out[TL_DATE_SIZE], struct tl_error *err)
{
	char s[32];
	int y, m, d;
	long n;
	char unit;

	if (!in || !fold(in, s, sizeof(s)) || !*s)
		return not_a_date(in, err);

	if (scan_ymd(s, &y, &m, &d) && s[10] == '\0') {
		if (!tl_date_valid(y, m, d))
			return tl_error_set(err, TL_EINVAL,
					    _("\"%s\" is not a real date."), s);
		format_date(out, y, m, d);
		return TL_OK;
	}

	today_ymd(today, &y, &m, &d);
	for (size_t i = 0; i < sizeof(day_words) / sizeof(day_words[0]); i++) {
		if (!strcmp(s, day_words[i].word)) {
			n = day_words[i].offset;
			unit = 'd';
			goto offset;
		}
	}
	long now = days_from_date(y, m, d), then;
	int wd = weekday_of(s), week;
	if (wd >= 0) {
		/* The next such day, today if it is one (as date(1)). */
		n = ((wd - (now + 3) % 7) % 7 + 7) % 7;
		unit = 'd';
		goto offset;
	}
	if (!strcmp(s, "n\xC3\xA4sta vecka") || !strcmp(s, "next week")) {
		/* Monday of the week after this one. */
		n = 7 - (now + 3) % 7;
		unit = 'd';
		goto offset;
	}
	week = scan_week(s, now, &then);
	if (week < 0) {
		char q[200];

		return tl_error_set(err, TL_EINVAL,
				    _("\"%s\" is not a real week."),
				    quote(in, q, sizeof(q)));
	}
	if (week > 0) {
		n = then - now;
		unit = 'd';
		goto offset;
	}
	if (!scan_offset(s, &n, &unit))
		return not_a_date(in, err);
offset:
	if (unit == 'm') {
		if (!add_months(&y, &m, &d, n))
			goto range;
	} else {
		long days = days_from_date(y, m, d) + (unit == 'w' ? 7 * n : n);
		date_from_days(days, &y, &m, &d);
		if (!tl_date_valid(y, m, d))
			goto range;
	}
	format_date(out, y, m, d);
	return TL_OK;
range:
	return tl_error_set(err, TL_EINVAL,
			    _("\"%s\" lands outside the years 1000-9999."), s);
}

enum tl_status tl_datetime_parse(const char *in, const char *today,
				 char out[TL_DATETIME_SIZE],
				 struct tl_error *err)
{
	char s[48], date[TL_DATE_SIZE], q[200];
	int hh = 0, mm = 0, n;
	char *sp, *last;
	enum tl_status rc;

	if (!in || !fold(in, s, sizeof(s)) || !*s)
		return not_a_time(in, err);

	/* "2026-05-04T09:30", as ISO 8601 writes it ('T' was folded). */
	if (strlen(s) > 10 && s[10] == 't' && isdigit((unsigned char)s[11]) &&
	    scan_ymd(s, &n, &n, &n))
		s[10] = ' ';

	/* A last word that looks like a time is the time of day. */
	sp = strrchr(s, ' ');
	last = sp ? sp + 1 : s;
	n = scan_hm(last, &hh, &mm);
	if (n > 0) {
		if (last[n] != '\0')
			goto bad;
		if (hh > 23 || mm > 59)
			return tl_error_set(err, TL_EINVAL,
					    _("\"%s\" is not a real time of "
					      "day "
					    "(hours 00-23, minutes 00-59)."),
					    quote(in, q, sizeof(q)));
		if (sp) {
			while (sp > s && sp[-1] == ' ')
				sp--;
			*sp = '\0';
		} else {
			/* A bare time of day means today. */
			s[0] = '\0';
		}
	} else if (sp && strchr(sp + 1, ':')) {
		goto bad;
	}

	rc = tl_date_parse(*s ? s : "today", today, date, err);
	if (rc != TL_OK)
		return rc;
	format_datetime(out, date, hh, mm);
	return TL_OK;
bad:
	return not_a_time(in, err);
}
