/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * goals.h - goal management as people read it (issue 18): whether a goal
 * came from the grey zone, and how many goals and indicators a unit
 * carries, for the warning of over-governing.  One place for the rules
 * the command line, the screens and the reports share.
 */
#ifndef TILLIT_READ_GOALS_H
#define TILLIT_READ_GOALS_H

#include <stdbool.h>

#include "tillit/core/model.h"
#include "tillit/store/store.h"

/*
 * Whether goal g was decided at an item that is grey zone: a "how"
 * question decided by politics in a dialogue or committee meeting
 * (tl_rules_grey_zone).  Goals are "what" questions, so this warns; it
 * never blocks.  False when g has no item or it cannot be read.
 */
bool tl_goal_grey_zone(struct tl_store *st, const struct tl_record *g);

/* Defaults of the over-governing warning (config: set max_goals,
 * set max_indicators). */
#define TL_GOALS_MAX_DEFAULT 5
#define TL_INDICATORS_MAX_DEFAULT 3

/*
 * The active goals of unit (a full id) into *goals, and the most active
 * indicators any one of them has into *per_goal; either may be NULL.
 */
enum tl_status tl_goal_load_of_unit(struct tl_store *st, const char *unit,
				    long *goals, long *per_goal,
				    struct tl_error *err);

/*
 * What a person should hear of goal or indicator r as it is now (any
 * other kind: nothing): that a goal came from the grey zone, that its
 * unit has more active goals than max_goals, that its goal has more
 * active indicators than max_indicators (tl_config(), else the
 * defaults).  Sentences, each ending in a newline, into buf ("" for
 * none); translated.  Warnings, never blocks.
 */
void tl_goal_warnings(struct tl_store *st, const struct tl_record *r,
		      char *buf, size_t size);

#endif
