/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * validate.h - core's checks of every value before it is stored.
 *
 * Required fields, enum values, real calendar dates, integer ranges
 * (delegation level 1-7, balance -2..+2), non-negative amounts, UTF-8,
 * length (TL_TEXT_MAX) and the rules between fields (valid until after
 * valid from, a mandate given by someone, a frame held by someone, no
 * record that refers to itself).
 */
#ifndef TILLIT_VALIDATE_H
#define TILLIT_VALIDATE_H

#include "tillit/core/error.h"
#include "tillit/core/model.h"

/*
 * Checks one value for field f and writes its canonical form to out
 * (size bytes; TL_TEXT_MAX + 1 is always enough): dates as typed by people
 * ("+14d", "tomorrow") become YYYY-MM-DD, booleans become 0/1 (yes/no/
 * true/false/ja/nej), amounts lose spare zeros, tags are trimmed.
 * References are only checked for shape here; the store checks they exist.
 * TL_EINVAL with a sentence naming the field when the value is bad.
 */
enum tl_status tl_validate_value(const struct tl_field *f, const char *in,
				 char *out, size_t size,
				 struct tl_error *err);

/*
 * Checks a whole record: every value as tl_validate_value would (values
 * must already be canonical), required fields, and the rules between
 * fields.  Fields flagged TL_FF_AUTO are not required.
 */
enum tl_status tl_validate_record(const struct tl_record *r,
				  struct tl_error *err);

/*
 * The part of tl_validate_record after the values: required fields and
 * the rules between fields, with the same messages.  For a caller whose
 * every value has come out of tl_validate_value already (the JSON
 * import), so that a record is not checked twice.
 */
enum tl_status tl_validate_rules(const struct tl_record *r,
				 struct tl_error *err);

/* True when s has the shape of a UUID in lower-case text. */
bool tl_id_valid(const char *s);

#endif
