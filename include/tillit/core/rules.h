/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * rules.h - the governance rules of the domain, computed in core.
 */
#ifndef TILLIT_RULES_H
#define TILLIT_RULES_H

#include <stdbool.h>

/*
 * The grey-zone rule: in a `dialogue` or `committee` meeting, a `how`
 * question decided by `politics` is grey zone.  A warning, never a block.
 * Any argument may be NULL (then the item is not grey zone).
 */
bool tl_rules_grey_zone(const char *meeting_kind, const char *question,
			const char *decided_by);

/* The name of delegation level 1-7 ("tell" ... "delegate"), or "?". */
const char *tl_rules_level_name(long level);

/*
 * True when a matter's text looks like one that may not be delegated under
 * Swedish local-government law (goals, direction, scope or quality level of
 * an activity): it names one of those words, in Swedish or English.
 */
bool tl_rules_matter_non_delegable(const char *matter);

/*
 * When a mandate's next report-back falls due: `since` (YYYY-MM-DD: the
 * last report-back, else the day the mandate took effect) plus its
 * cadence `every` (monthly, quarterly, tertial, half_yearly, yearly; a
 * month's last day where the day is missing).  False, and due empty,
 * for no cadence or a bad date.
 */
bool tl_rules_report_due(const char *every, const char *since,
			 char due[11]);

/* A preset list of governance principles. */
struct tl_principle_preset {
	const char *key;
	const char *name;
	const char *description;
};

/*
 * The principles of preset `name` ("vadstena", the default five, or
 * "national", the eight of the national trust delegation), terminated by an
 * entry whose key is NULL; NULL for an unknown preset.
 */
const struct tl_principle_preset *tl_rules_preset(const char *name);

/* How a record stands out in a list, as of `today` ("YYYY-MM-DD"). */
enum tl_standing {
	TL_STANDING_NORMAL,
	TL_STANDING_OVERDUE, /* an open follow-up past its due day, an
				active mandate past its last day */
	TL_STANDING_WAITING, /* an active frame not yet acknowledged */
	TL_STANDING_DONE,    /* closed, done, ended: no longer running */
};

struct tl_record;
enum tl_standing tl_rules_standing(const struct tl_record *r,
				   const char *today);

#endif
