/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * clocks.h - a committee meeting's legal clocks as people read them
 * (issue 16): the lines `tillit meeting show` and the meeting screen
 * print, and what is due for a secretary or chair, which the Overview
 * and `tillit clocks` list.  The dates are store/clocks.h's; the words
 * are here, once.
 */
#ifndef TILLIT_READ_CLOCKS_H
#define TILLIT_READ_CLOCKS_H

#include "tillit/core/clocks.h"
#include "tillit/store/store.h"

#define TL_CLOCK_LINES 6
#define TL_CLOCK_TEXT 400

/* One line: a label ("Justering due") and what it says, both
 * translated; late when it is a step not taken whose day has passed. */
struct tl_clock_line {
	const char *label;
	char text[TL_CLOCK_TEXT];
	bool late;
};

/*
 * The clocks of meeting m, as of `today`, into out; *n is 0 for a
 * meeting that runs none (no committee meeting, or cancelled).  Each
 * deadline that the law's days off moved says so ("moved on past
 * Christmas Eve").
 */
enum tl_status tl_clock_lines(struct tl_store *st, const struct tl_record *m,
			      const char *today,
			      struct tl_clock_line out[TL_CLOCK_LINES], int *n,
			      struct tl_error *err);

/*
 * The clocks of the § item justered immediately (omedelbar justering),
 * which runs its own, as of `today`, into out: the day it was justered,
 * its notice, its appeal window and the day its decision stands.  *n is
 * 0 for a § not justered immediately.
 */
enum tl_status tl_item_clock_lines(struct tl_store *st,
				   const struct tl_record *item,
				   const char *today,
				   struct tl_clock_line out[TL_CLOCK_LINES],
				   int *n, struct tl_error *err);

/* The clocks of one § justered immediately: its number, its lines, and
 * which of them says what matters now (the notice while it is due, then
 * the appeal window), for a screen that has room for one. */
struct tl_par_clock {
	long number;
	struct tl_clock_line lines[TL_CLOCK_LINES];
	int n;
	int now;
};

/*
 * The clocks of each § of meeting m justered immediately, in § order,
 * into *out (n of them; free() it); none for a meeting that is no
 * committee meeting.
 */
enum tl_status tl_paragraph_clock_lines(struct tl_store *st,
					const struct tl_record *m,
					const char *today,
					struct tl_par_clock **out, int *n,
					struct tl_error *err);

/*
 * The clocks of a delegated decision announced on its own (its
 * announced_on set), as of `today`, into out: the day the notice went
 * up, the end of the appeal window (with the days left while it runs)
 * and the day it stands.  Returns how many lines: 0 for a decision not
 * announced on its own.
 */
int tl_decision_clock_lines(const struct tl_record *dec, const char *today,
			    struct tl_clock_line out[TL_CLOCK_LINES]);

/* A meeting with a step due (justering, or its notice). */
struct tl_clock_due_item {
	char meeting[TL_ID_LEN + 1];
	char *title;             /* the meeting's title; owned */
	long number;             /* the § justered immediately whose notice
				    is due; 0 for the protokoll's steps */
	enum tl_clock_due due;
	char by[TL_DATE_SIZE];   /* the step's last day */
	long days_left;          /* < 0: overdue */
	char text[TL_CLOCK_TEXT]; /* one translated sentence */
};

/*
 * The committee meetings `person` is the secretary or chair of, held in
 * the last 120 days up to `today`, whose justering or notice, or the
 * notice of a § justered immediately, is due within `within` days or
 * overdue; soonest first.  Free with
 * tl_clock_due_free.
 */
enum tl_status tl_clocks_due_for(struct tl_store *st, const char *person,
				 const char *today, long within,
				 struct tl_clock_due_item **out, int *n,
				 struct tl_error *err);
void tl_clock_due_free(struct tl_clock_due_item *items, int n);

#endif
