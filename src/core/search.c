/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * search.c - the rule for a full-text search query: how many words and
 * characters it may hold, and which of its words are searched.  The
 * store applies it to every query (store/query.c), and the SQLite
 * engine builds its FTS5 query from the words (store/sqlite/search.c).
 */
#include "tillit/core/search.h"

#include <stdbool.h>
#include <string.h>

#include "tillit/core/i18n.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Whether word a (alen bytes) starts word b: byte for byte but for the
 * case of A to Z, ending where a character of b starts.  FTS5 then finds
 * every record that b finds with a too.
 */
static bool starts(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen > blen)
		return false;
	for (size_t i = 0; i < alen; i++)
		if (fold(a[i]) != fold(b[i]))
			return false;
	return alen == blen || ((unsigned char)b[alen] & 0xC0) != 0x80;
}

enum tl_status tl_search_words(const char *query, struct tl_search_words *out,
			       struct tl_error *err)
{
	const char *p = query ? query : "";
	const char *word[TL_SEARCH_MAX_WORDS];
	size_t len[TL_SEARCH_MAX_WORDS];
	long chars = 0, words = 0;

	out->n = 0;
	for (const char *c = p; *c; c++)
		if (((unsigned char)*c & 0xC0) != 0x80)
			chars++;
	while (*p) {
		size_t n = 0;

		while (is_space(*p))
			p++;
		if (!*p)
			break;
		while (p[n] && !is_space(p[n]))
			n++;
		if (words < TL_SEARCH_MAX_WORDS) {
			word[words] = p;
			len[words] = n;
		}
		words++;
		p += n;
	}
	if (words > TL_SEARCH_MAX_WORDS)
		return tl_error_set(err, TL_EINVAL, _("A search takes at most "
				    "%d words; this one has %ld."),
				    TL_SEARCH_MAX_WORDS, words);
	if (chars > TL_SEARCH_MAX_CHARS)
		return tl_error_set(err, TL_EINVAL, _("A search takes at most "
				    "%d characters; this one has %ld."),
				    TL_SEARCH_MAX_CHARS, chars);
	if (words == 0)
		return tl_error_set(err, TL_EINVAL,
				    _("Give a word to search for."));
	for (int i = 0; i < (int)words; i++) {
		bool implied = false;

		/* Left out when a longer word starts with it, or an
		 * earlier word is the same. */
		for (int j = 0; j < (int)words && !implied; j++)
			implied = j != i &&
				  starts(word[i], len[i], word[j], len[j]) &&
				  (len[j] > len[i] || j < i);
		if (!implied) {
			out->word[out->n] = word[i];
			out->len[out->n] = len[i];
			out->n++;
		}
	}
	return TL_OK;
}
