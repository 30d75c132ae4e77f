/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * clocks.h - the legal clocks that start when a committee meets.
 *
 * Kommunallagen (2017:725) sets three dates after a meeting:
 *   - the protokoll is justered no later than 14 days after the meeting
 *     (5 kap. 69 §, and 6 kap. 35 § for committees);
 *   - the justering is announced on the municipality's notice board
 *     (anslagstavla) no later than the second day after it (8 kap. 12 §);
 *   - an appeal (laglighetsprövning) must reach the court within three
 *     weeks of the day the notice went up (13 kap. 5 §); after that the
 *     decisions stand (laga kraft), unless appealed.
 * A delegated decision that is not reported to a committee but announced
 * on its own runs the same appeal clock from its own notice.
 *
 * Lag (1930:173) om beräkning av lagstadgad tid: when the last day of
 * such a period falls on a Saturday, a Sunday, a public holiday
 * (Lag 1989:253), midsommarafton, julafton or nyårsafton, the period
 * ends on the next working day instead.  Every deadline here is moved so.
 *
 * libc only; dates are canonical "YYYY-MM-DD".
 */
#ifndef TILLIT_CLOCKS_H
#define TILLIT_CLOCKS_H

#include <stdbool.h>

#include "tillit/core/date.h"

/* Days of each period, from the law. */
#define TL_JUSTERING_DAYS 14
#define TL_NOTICE_DAYS 2
#define TL_APPEAL_DAYS 21

/*
 * Why `date` is no working day: "Sunday", "Christmas Day" (juldagen),
 * "Midsummer Eve" ... (English, marked N_() for the caller to translate);
 * NULL when it is a working day or not a date.
 */
const char *tl_day_off(const char *date);

/*
 * The last day of a period of `days` days from `from`: from + days, moved
 * on to the next working day when that is a day off.  False when from is
 * not a date.
 */
bool tl_deadline(const char *from, long days, char out[TL_DATE_SIZE]);

/* Easter Sunday of year y (Gregorian) into out. */
void tl_easter(int y, char out[TL_DATE_SIZE]);

/*
 * A committee meeting's clocks.  Each date is "" while unknown: the
 * notice's latest date until the protokoll is justered, the appeal's end
 * and the day the decisions stand until the notice went up.
 */
struct tl_clocks {
	char held[TL_DATE_SIZE];          /* the day of the meeting */
	char justering_due[TL_DATE_SIZE]; /* the last day to juster */
	char justered[TL_DATE_SIZE];      /* the day the last signer signed */
	char notice_due[TL_DATE_SIZE];    /* the last day to post the notice */
	char posted[TL_DATE_SIZE];        /* the day the notice went up */
	char appeal_ends[TL_DATE_SIZE];   /* the last day of the appeal */
	char stands[TL_DATE_SIZE];        /* the first day the decisions
					     stand, unless appealed */
};

/*
 * Works out the clocks of a meeting held on `held` ("YYYY-MM-DD", or a
 * wall time whose date is taken), justered on `justered` and announced
 * on `posted` (each NULL or "" when it has not happened; a time after
 * the date is ignored).  False when held is not a date.
 */
bool tl_clocks_compute(const char *held, const char *justered,
		       const char *posted, struct tl_clocks *c);

/*
 * The clocks of a decision announced on its own (no meeting): only the
 * appeal's end and the day it stands, from `posted`.
 */
bool tl_clocks_announced(const char *posted, struct tl_clocks *c);

/* What is due next on a meeting's clocks, as of `today`. */
enum tl_clock_due {
	TL_DUE_NOTHING,   /* nothing: not held yet, or posted already */
	TL_DUE_JUSTERING, /* justering, by c->justering_due */
	TL_DUE_NOTICE,    /* the notice, by c->notice_due */
};

/*
 * Which step is due on clocks c, and in how many days (*days_left, < 0
 * when overdue).  A meeting whose notice went up owes nothing.
 */
enum tl_clock_due tl_clocks_due(const struct tl_clocks *c, const char *today,
				long *days_left);

#endif
