/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * kolada.h - indicator figures from a file in the Kolada API's JSON
 * format: `tillit import FILE --format kolada`.  Offline: tillit reads a
 * file someone fetched, and never the network.
 */
#ifndef TILLIT_IMPORT_KOLADA_H
#define TILLIT_IMPORT_KOLADA_H

#include "tillit/core/error.h"
#include "tillit/core/id.h"
#include "tillit/store/store.h"

struct tl_kolada_stats {
	long added, changed, unchanged;
	long unmatched; /* figures of a KPI no indicator here names */
};

/* The source a figure from Kolada is credited to. */
#define TL_KOLADA_SOURCE "Kolada"

/*
 * The id of the measurement of indicator (a full id) for period that a
 * Kolada import makes: the same for the same two, so that importing a
 * file again changes what it added instead of adding it twice.
 */
void tl_kolada_measurement_id(const char *indicator, const char *period,
			      char out[TL_ID_LEN + 1]);

/*
 * Reads the file at path ("-": standard input): an object whose "values"
 * array holds entries {"kpi", "municipality", "period", "values":
 * [{"gender", "value", "count", "status"}]} as the Kolada API answers,
 * such an array alone, or one entry.  Each entry becomes one
 * measurement of every indicator whose kpi is the entry's and whose
 * municipality, when it names one, is too: the gender T gives the total,
 * K the women's figure and M the men's, with the source "Kolada".  A
 * figure that is null is left out.  All in one transaction: a file that
 * is not JSON is refused with its line and column, an entry that is not
 * as above with its number, and then nothing is written.
 */
enum tl_status tl_kolada_import(struct tl_store *st, const char *path,
				struct tl_kolada_stats *stats,
				struct tl_error *err);

#endif
