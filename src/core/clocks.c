/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * clocks.c - the legal clocks that start when a committee meets (clocks.h).
 */
#include "tillit/core/clocks.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"

void tl_easter(int y, char out[TL_DATE_SIZE])
{
	/* The Gregorian computus in integer steps (Meeus). */
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	snprintf(out, TL_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)month % 100u, (unsigned)day % 100u);
}

/* The days off fixed to a date of the year, as "MM-DD". */
static const struct {
	const char *md;
	const char *name;
} fixed[] = {
	{"01-01", N_("New Year's Day")},
	{"01-06", N_("Epiphany")},
	{"05-01", N_("May Day")},
	{"06-06", N_("National Day")},
	{"12-24", N_("Christmas Eve")},
	{"12-25", N_("Christmas Day")},
	{"12-26", N_("Boxing Day")},
	{"12-31", N_("New Year's Eve")},
};

/* The days off that move with Easter, as days after Easter Sunday. */
static const struct {
	int offset;
	const char *name;
} moving[] = {
	{-2, N_("Good Friday")},
	{0, N_("Easter Sunday")},
	{1, N_("Easter Monday")},
	{39, N_("Ascension Day")},
	{49, N_("Whitsunday")},
};

const char *tl_day_off(const char *date)
{
	char easter[TL_DATE_SIZE];
	int wd = tl_date_weekday(date);
	int y, md;

	if (wd < 0)
		return NULL;
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (!strcmp(date + 5, fixed[i].md))
			return fixed[i].name;
	if (sscanf(date, "%4d", &y) != 1)
		return NULL;
	tl_easter(y, easter);
	for (size_t i = 0; i < sizeof(moving) / sizeof(moving[0]); i++)
		if (tl_date_diff(easter, date) == moving[i].offset)
			return moving[i].name;
	/* Midsummer Eve is the Friday from 19 to 25 June, Midsummer Day
	 * the Saturday after it; All Saints' Day the Saturday from 31
	 * October to 6 November. */
	md = (date[5] - '0') * 1000 + (date[6] - '0') * 100 +
	     (date[8] - '0') * 10 + (date[9] - '0');
	if (wd == 4 && md >= 619 && md <= 625)
		return N_("Midsummer Eve");
	if (wd == 5 && md >= 620 && md <= 626)
		return N_("Midsummer Day");
	if (wd == 5 && (md == 1031 || (md >= 1101 && md <= 1106)))
		return N_("All Saints' Day");
	if (wd == 5)
		return N_("Saturday");
	if (wd == 6)
		return N_("Sunday");
	return NULL;
}

bool tl_deadline(const char *from, long days, char out[TL_DATE_SIZE])
{
	char d[TL_DATE_SIZE];

	if (!tl_date_add(from, days, d))
		return false;
	/* Never more than four days off in a row (Easter: Good Friday to
	 * Easter Monday), so this ends; the bound only guards the years'
	 * end of the calendar. */
	for (int i = 0; i < 10 && tl_day_off(d); i++)
		if (!tl_date_add(d, 1, d))
			return false;
	memcpy(out, d, TL_DATE_SIZE);
	return true;
}

/* The date part of s into out ("" for NULL or "", false when no date). */
static bool date_of(const char *s, char out[TL_DATE_SIZE])
{
	out[0] = '\0';
	if (!s || !*s)
		return true;
	if (strlen(s) < 10)
		return false;
	memcpy(out, s, 10);
	out[10] = '\0';
	return tl_date_weekday(out) >= 0;
}

/* The appeal's end and the day the decisions stand, from c->posted. */
static bool appeal(struct tl_clocks *c)
{
	if (!c->posted[0])
		return true;
	return tl_deadline(c->posted, TL_APPEAL_DAYS, c->appeal_ends) &&
	       tl_date_add(c->appeal_ends, 1, c->stands);
}

bool tl_clocks_compute(const char *held, const char *justered,
		       const char *posted, struct tl_clocks *c)
{
	memset(c, 0, sizeof(*c));
	if (!held || !date_of(held, c->held) || !c->held[0] ||
	    !date_of(justered, c->justered) || !date_of(posted, c->posted) ||
	    !tl_deadline(c->held, TL_JUSTERING_DAYS, c->justering_due))
		return false;
	if (c->justered[0] &&
	    !tl_deadline(c->justered, TL_NOTICE_DAYS, c->notice_due))
		return false;
	return appeal(c);
}

bool tl_clocks_announced(const char *posted, struct tl_clocks *c)
{
	memset(c, 0, sizeof(*c));
	if (!date_of(posted, c->posted) || !c->posted[0])
		return false;
	return appeal(c);
}

enum tl_clock_due tl_clocks_due(const struct tl_clocks *c, const char *today,
				long *days_left)
{
	*days_left = 0;
	if (!c->held[0] || c->posted[0] || tl_date_diff(c->held, today) < 0)
		return TL_DUE_NOTHING;
	if (!c->justered[0]) {
		*days_left = tl_date_diff(today, c->justering_due);
		return TL_DUE_JUSTERING;
	}
	*days_left = tl_date_diff(today, c->notice_due);
	return TL_DUE_NOTICE;
}
