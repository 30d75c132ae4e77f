/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * gen.h - a large, realistic, made-up database for benchmarks: the chain
 * of governance of a municipality, its people, ten years of meetings with
 * agendas, follow-ups, mandates and frames, with Swedish-like text.
 *
 * Scale 1 is one municipality-year: 50 units, 1,000 people, 20,000
 * meetings (2 participants each), 100,000 agenda items, 100,000
 * follow-ups, 10,000 mandates, 5,000 delegated decisions, 20,000 frames,
 * 1,000 governance balances, and 500 goals with 2,000 indicators, 50,000
 * measurements, 10,000 targets and 900 analyses; other scales multiply every count, and
 * the dates spread over ceil(scale) years (at most ten) up to a month or
 * two after today.  Scale 10, the large tier, is the issue's
 * "municipality after ten years": 500 units, 10,000 people, 200,000
 * meetings, a million items and a million follow-ups, 5,000 goals,
 * 20,000 indicators and 500,000 measurements.
 *
 * The same seed gives the same database (ids included), given the same
 * clock (TILLIT_NOW).  Everything is written through one bulk load
 * (bulk.h).
 *
 * This is the tool tillit-gen's (main.c), which make bench and the tests
 * build; it is not part of tillit.
 */
#ifndef TILLIT_TOOLS_GEN_H
#define TILLIT_TOOLS_GEN_H

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/* The name of the person the generator makes first, with many
 * follow-ups, mandates and frames: the one a benchmark acts as. */
#define TL_GEN_PERSON "Märta Bänkström"

/* Bumped whenever the records made from a seed and clock change, so that
 * bench/run.sh makes its database anew (tillit-gen --data-version). */
#define TL_GEN_DATA_VERSION 2

struct tl_gen_options {
	double scale;            /* > 0; 10 is the large tier */
	unsigned long long seed; /* 0 picks the fixed default */
	/* Called now and then with what is being written; may be NULL. */
	void (*progress)(void *ctx, const char *what);
	void *ctx;
};

/*
 * Fills st, which must hold no meetings, people or units yet (TL_EREFUSED
 * otherwise), and seeds the principles when there are none.  count[k] is
 * set to the number of records of kind k written.
 */
enum tl_status tl_gen_fill(struct tl_store *st,
			   const struct tl_gen_options *o,
			   long count[TL_K_COUNT], struct tl_error *err);

#endif
