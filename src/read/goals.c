/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * goals.c - goal management as people read it (goals.h).
 */
#include "tillit/read/goals.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/config.h"
#include "tillit/core/i18n.h"
#include "tillit/core/rules.h"
#include "tillit/read/present.h"

bool tl_goal_grey_zone(struct tl_store *st, const struct tl_record *g)
{
	const char *item = tl_record_get(g, TL_GOAL_ITEM);
	struct tl_record *it = NULL, *m = NULL;
	struct tl_error err;
	bool grey = false;

	if (!item || tl_store_get(st, TL_K_ITEM, item, &it, &err) != TL_OK)
		return false;
	if (tl_store_get(st, TL_K_MEETING, tl_record_str(it, TL_ITEM_MEETING),
			 &m, &err) == TL_OK)
		grey = tl_rules_grey_zone(tl_record_get(m, TL_MEETING_KIND),
					  tl_record_get(it, TL_ITEM_QUESTION),
					  tl_record_get(it,
							TL_ITEM_DECIDED_BY));
	tl_record_free(m);
	tl_record_free(it);
	return grey;
}

enum tl_status tl_goal_load_of_unit(struct tl_store *st, const char *unit,
				    long *goals, long *per_goal,
				    struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_GOAL, .unit = unit, .open = true,
			     .limit = 1000};
	struct tl_page page = {0};
	long most = 0;
	enum tl_status rc = tl_store_count(st, &q, goals ? goals : &most,
					   err);

	/* The indicators of the first thousand goals, which is all of
	 * them for any unit that can still be governed. */
	most = 0;
	if (rc == TL_OK && per_goal)
		rc = tl_store_list(st, &q, &page, err);
	for (int i = 0; rc == TL_OK && per_goal && i < page.n; i++) {
		struct tl_query iq = {.kind = TL_K_INDICATOR,
				      .parent = page.recs[i]->id,
				      .open = true};
		long k = 0;

		rc = tl_store_count(st, &iq, &k, err);
		if (k > most)
			most = k;
	}
	tl_page_done(&page);
	if (rc == TL_OK && per_goal)
		*per_goal = most;
	return rc;
}

/* The limits of the over-governing warning. */
static void limits(long *goals, long *indicators)
{
	const struct tl_config *cfg = tl_config();

	*goals = cfg && cfg->max_goals ? cfg->max_goals : TL_GOALS_MAX_DEFAULT;
	*indicators = cfg && cfg->max_indicators ? cfg->max_indicators
						 : TL_INDICATORS_MAX_DEFAULT;
}

void tl_goal_warnings(struct tl_store *st, const struct tl_record *r,
		      char *buf, size_t size)
{
	struct tl_refs refs;
	struct tl_error err;
	long max_goals, max_ind, n = 0;
	size_t len = 0;
	int w;

	if (!size)
		return;
	buf[0] = '\0';
	limits(&max_goals, &max_ind);
	tl_refs_init(&refs, st);
	if (r->e->kind == TL_K_GOAL) {
		const char *unit = tl_record_get(r, TL_GOAL_UNIT);

		if (tl_goal_grey_zone(st, r)) {
			w = snprintf(buf + len, size - len, "%s\n",
				     _("The goal was decided at a how "
				       "question that politics decided (grey "
				       "zone); a goal is a what question."));
			len += w > 0 && (size_t)w < size - len ? (size_t)w : 0;
		}
		if (unit && tl_goal_load_of_unit(st, unit, &n, NULL, &err) ==
		    TL_OK && n > max_goals) {
			w = snprintf(buf + len, size - len, ngettext(
				     "%s has %ld active goal, more than %ld: "
				     "trust-based governance keeps few "
				     "(set max_goals in the configuration).\n",
				     "%s has %ld active goals, more than %ld: "
				     "trust-based governance keeps few "
				     "(set max_goals in the configuration).\n",
				     n), tl_refs_title(&refs, TL_K_UNIT, unit),
				     n, max_goals);
			len += w > 0 && (size_t)w < size - len ? (size_t)w : 0;
		}
	} else if (r->e->kind == TL_K_INDICATOR) {
		const char *goal = tl_record_get(r, TL_INDICATOR_GOAL);
		struct tl_query q = {.kind = TL_K_INDICATOR, .parent = goal,
				     .open = true};

		if (goal && tl_store_count(st, &q, &n, &err) == TL_OK &&
		    n > max_ind) {
			w = snprintf(buf + len, size - len, ngettext(
				     "The goal \"%s\" has %ld active "
				     "indicator, more than %ld: follow-up "
				     "asks for little detail (set "
				     "max_indicators in the configuration).\n",
				     "The goal \"%s\" has %ld active "
				     "indicators, more than %ld: follow-up "
				     "asks for little detail (set "
				     "max_indicators in the configuration).\n",
				     n), tl_refs_title(&refs, TL_K_GOAL, goal),
				     n, max_ind);
			len += w > 0 && (size_t)w < size - len ? (size_t)w : 0;
		}
	}
	tl_refs_done(&refs);
}
