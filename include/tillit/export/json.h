/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * json.h - the JSON document of DESIGN.md section 6, and its export:
 * written as jansson would write it, but with DEL and the C1 controls
 * escaped (the export writes it by hand, for speed).  Reading it back
 * is the import's (tillit/import/import.h).
 *
 *   {"format":"tillit","version":1,"units":[...],"people":[...],...}
 *
 * Every record kind has its array (under the entity's plural name), every
 * record its "id", "created_at", "updated_at" and its fields.  See
 * doc/json-format.md.
 */
#ifndef TILLIT_JSON_H
#define TILLIT_JSON_H

#include <stdio.h>

#include <jansson.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/* The format version written, and the highest one read. */
#define TL_JSON_VERSION 1

/* Writes every record of every kind to out, UTF-8, keys in a fixed order
 * (id, created_at, updated_at, then the fields in model.c's order). */
enum tl_status tl_json_export(struct tl_store *st, FILE *out,
			      struct tl_error *err);

/*
 * The JSON object of one record, in the export's encoding: id,
 * created_at, updated_at, then the set fields in model.c's order,
 * integers as numbers, booleans as true/false, everything else as a
 * string.  Unlike tl_json_export it never fails on a value the store
 * should not hold: an integer that is not a number stays a string, a
 * boolean other than "1" is false, text that is not UTF-8 is "?".
 * NULL when out of memory.  The caller json_decref()s it.
 */
json_t *tl_json_record(const struct tl_record *r);

/*
 * Writes json to out as json_dumpf(json, out, flags) would, except that
 * DEL and the C1 controls U+0080-U+009F, which jansson writes as they
 * are and a terminal acts on, are escaped as \u007F and \u0080 to
 * \u009F.  That is the same JSON text: it reads back to the same
 * strings.  Every JSON tillit shows or writes for users goes through it.
 * 0 on success, -1 when out of memory or out cannot be written.
 */
int tl_json_dumpf(const json_t *json, FILE *out, size_t flags);

/*
 * s as a JSON string, quotes and all, as the export writes text: the
 * bytes tl_json_dumpf(json_string(s), fp, JSON_ENCODE_ANY) gives (UTF-8
 * as is, '"', '\\', control characters, DEL and C1 controls escaped, '/'
 * not).  NULL when s is not valid UTF-8, or out of memory.  The caller
 * frees it.
 */
char *tl_json_quote(const char *s);

/*
 * Writes the records that q selects as one JSON array, a record a line
 * (tl_json_record, through tl_json_dumpf with JSON_PRESERVE_ORDER), as
 * the store's iterator reads them: q's limit and cursor are ignored, at
 * most limit records when limit > 0.  TL_ESYS when out of memory or
 * when a record cannot be written; the caller picks whether to read in
 * one snapshot.
 */
enum tl_status tl_json_write_records(struct tl_store *st,
				     const struct tl_query *q, long limit,
				     FILE *out, struct tl_error *err);

#endif
