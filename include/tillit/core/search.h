/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * search.h - what a full-text search query may be, and the words it
 * searches: the one rule for every place a query is taken (the command
 * line, the full-screen search and the pick-list, through the store).
 */
#ifndef TILLIT_CORE_SEARCH_H
#define TILLIT_CORE_SEARCH_H

#include <stddef.h>

#include "tillit/core/error.h"

/* The most words, and characters in all, that one query may hold. */
#define TL_SEARCH_MAX_WORDS 32
#define TL_SEARCH_MAX_CHARS 256

/* The words of a query as the store searches them; they point into the
 * query (not NUL-terminated). */
struct tl_search_words {
	int n;
	const char *word[TL_SEARCH_MAX_WORDS];
	size_t len[TL_SEARCH_MAX_WORDS];
};

/*
 * Splits query (NULL reads as "") into words at white space, into *out.
 * A query of more than TL_SEARCH_MAX_WORDS words or TL_SEARCH_MAX_CHARS
 * characters, or of none, is TL_EINVAL with a sentence saying so.  Every
 * word is matched as a prefix and all must occur, so a word that another
 * word of the query starts with (letters A to Z in either case) adds
 * nothing: it is left out, and so is a word given twice.  That keeps
 * the cost of a query within what its distinct prefixes cost, which is
 * at most reading the full-text index about once.
 */
enum tl_status tl_search_words(const char *query, struct tl_search_words *out,
			       struct tl_error *err);

#endif
