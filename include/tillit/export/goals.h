/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * goals.h - the goal follow-up report (målrapport): `tillit export
 * goals [--unit U] [--period P]` in every document format.
 */
#ifndef TILLIT_EXPORT_GOALS_H
#define TILLIT_EXPORT_GOALS_H

#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/export/doc.h"
#include "tillit/store/store.h"

/*
 * Writes the report of unit's goals (a full id; NULL: every unit's) and
 * the goals that break them down, for `period` (NULL: the year before
 * today), through ops to out.  Analysis before numbers: each goal with
 * its level, period and the goal it breaks down, then the unit's
 * assessment and analysis of the period (what happened, why, what next)
 * and the response it got, then each indicator's latest figure, target
 * and trend, and its chart.  A section for each unit where the tree
 * passes into it.  Read in one snapshot.
 */
enum tl_status tl_goals_write_doc(struct tl_store *st, const char *unit,
				  const char *period,
				  const struct tl_doc_ops *ops, FILE *out,
				  struct tl_error *err);

#endif
