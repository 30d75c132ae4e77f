/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_search_words.c - the rule for a search query (core/search.c): at
 * most 32 words and 256 characters, and which words are searched.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "tillit/core/search.h"

/* The words kept of query, joined by one space, into out. */
static const char *kept(const char *query, char *out, size_t size)
{
	struct tl_search_words w;
	struct tl_error err;
	size_t at = 0;

	assert_int_equal(tl_search_words(query, &w, &err), TL_OK);
	out[0] = '\0';
	for (int i = 0; i < w.n; i++)
		at += (size_t)snprintf(out + at, size - at, "%s%.*s",
				       i ? " " : "", (int)w.len[i], w.word[i]);
	return out;
}

static void test_limits(void **state)
{
	struct tl_search_words w;
	struct tl_error err;
	char q[600];

	(void)state;
	assert_int_equal(tl_search_words("   ", &w, &err), TL_EINVAL);
	assert_string_equal(err.msg, "Give a word to search for.");
	assert_int_equal(tl_search_words(NULL, &w, &err), TL_EINVAL);
	/* 32 words are taken, 33 are not. */
	q[0] = '\0';
	for (int i = 0; i < 32; i++)
		snprintf(q + strlen(q), sizeof(q) - strlen(q), "w%02d ", i);
	assert_int_equal(tl_search_words(q, &w, &err), TL_OK);
	assert_int_equal(w.n, 32);
	strcat(q, "x");
	assert_int_equal(tl_search_words(q, &w, &err), TL_EINVAL);
	assert_string_equal(err.msg, "A search takes at most 32 words; this "
			    "one has 33.");
	/* 256 characters are taken (å is one), 257 are not. */
	memset(q, 'a', 255);
	strcpy(q + 255, "å");
	assert_int_equal(tl_search_words(q, &w, &err), TL_OK);
	strcpy(q + 255, "åa");
	assert_int_equal(tl_search_words(q, &w, &err), TL_EINVAL);
	assert_string_equal(err.msg, "A search takes at most 256 characters; "
			    "this one has 257.");
}

static void test_words_kept(void **state)
{
	char out[300];

	(void)state;
	assert_string_equal(kept(" budget\täldre\n", out, sizeof(out)),
			    "budget äldre");
	/* Twice, or in another case of A to Z: once. */
	assert_string_equal(kept("s s S s", out, sizeof(out)), "s");
	/* A word that another word starts with adds nothing. */
	assert_string_equal(kept("s st sta stat", out, sizeof(out)), "stat");
	assert_string_equal(kept("Kommun kom KOMMUNEN", out, sizeof(out)),
			    "KOMMUNEN");
	assert_string_equal(kept("om x-om om-x", out, sizeof(out)),
			    "x-om om-x");
	/* Other letters keep their case; a cut character is no start. */
	assert_string_equal(kept("Å å", out, sizeof(out)), "Å å");
	assert_string_equal(kept("\xc3 \xc3\xa5", out, sizeof(out)),
			    "\xc3 \xc3\xa5");
	assert_string_equal(kept("\xc3\xa5 \xc3\xa5r", out, sizeof(out)),
			    "\xc3\xa5r");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_words_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
