/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * collate.h - Swedish order and Unicode's normal form, through ICU.
 *
 * Names sort as a Swedish reader expects: Å, Ä and Ö after Z, and case
 * and accents count only between names that are otherwise equal ("anna"
 * before "Anna" before "Bertil", "Émile" beside "Emil").  The order is
 * ICU's collator for Swedish, the same rules that PostgreSQL's
 * "sv-SE-x-icu" collation follows, so both engines list alike.
 *
 * ICU is loaded with dlopen() when first needed, not at start-up: a
 * command that writes no name and sorts nothing never loads it.  Text in
 * Latin-1 and Latin Extended (every code point below U+0300) is already
 * in NFC, so normalising it never loads ICU either.
 */
#ifndef TILLIT_COLLATE_H
#define TILLIT_COLLATE_H

#include <stddef.h>

#include "tillit/core/error.h"

/*
 * Puts the UTF-8 text in buf (size bytes, NUL-terminated) into Unicode's
 * composed normal form (NFC) in place: "A" followed by a combining ring
 * becomes "Å".  TL_EINVAL when the result would not fit in size bytes;
 * TL_ESYS (one sentence) when ICU is needed and cannot be loaded.
 */
enum tl_status tl_text_nfc(char *buf, size_t size, struct tl_error *err);

/* A copy of s (NULL as "") in NFC, for text looked up rather than
 * stored; NULL with err set when it cannot be made. */
char *tl_text_nfc_dup(const char *s, struct tl_error *err);

/*
 * s as names are looked up (NULL as ""): in lower case, decomposed, and
 * without the accents of U+0300..U+036F, so that "åsa öberg" and "Asa
 * Oberg" find "Åsa Öberg" and "ucer" finds "Üçer".  PostgreSQL folds
 * alike in SQL (lower under ICU, normalize to NFD, the same marks
 * removed).  A new string (caller frees); NULL with err set when it
 * cannot be made.
 */
char *tl_text_fold(const char *s, struct tl_error *err);

/*
 * The Swedish sort key of UTF-8 text (NULL as ""): two keys compared
 * with memcmp (shorter first when one is the start of the other) order
 * their texts in Swedish order.  *key is malloc'd, *len its length (it
 * holds no NUL).  TL_ESYS when ICU cannot be loaded or memory runs out.
 */
enum tl_status tl_collate_key(const char *text, unsigned char **key,
			      size_t *len, struct tl_error *err);

/*
 * <0, 0 or >0 as a sorts before, beside or after b in Swedish order, for
 * lists sorted in memory; byte order, should ICU not load.
 */
int tl_collate_cmp(const char *a, const char *b);

#endif
