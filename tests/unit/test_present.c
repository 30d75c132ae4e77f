/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_present.c - the name cache in front of the store (present.c): a
 * long list asks the store once for each name it shows, not once a row,
 * however many names it cycles through; the titles it hands out stay
 * valid for the next lookups as its header promises; and a fresh cache
 * reads the names anew.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"
#include "store_fixture.h"

#define NPEOPLE 300

static char ids[NPEOPLE][TL_ID_LEN + 1];

/* NPEOPLE people named "Person N". */
static struct tl_store *people(void)
{
	struct tl_store *st = mem_store();
	struct tl_error err;
	char name[32];

	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	for (int i = 0; i < NPEOPLE; i++) {
		snprintf(name, sizeof(name), "Person %d", i);
		strcpy(ids[i], add(st, TL_K_PERSON, "name", name, "kind",
				   "employee", NULL));
	}
	assert_int_equal(tl_store_commit(st, &err), TL_OK);
	return st;
}

/* Renames every person behind the cache's back: "Renamed N". */
static void rename_all(struct tl_store *st)
{
	struct tl_error err;
	char name[32];

	for (int i = 0; i < NPEOPLE; i++) {
		struct tl_record *r;
		assert_int_equal(tl_store_get(st, TL_K_PERSON, ids[i], &r, &err),
				 TL_OK);
		snprintf(name, sizeof(name), "Renamed %d", i);
		tl_record_set(r, TL_PERSON_NAME, name);
		assert_int_equal(tl_store_update(st, r, &err), TL_OK);
		tl_record_free(r);
	}
}

/*
 * A list that cycles through more names than the TL_REF_CACHE most
 * recent (a list of follow-ups names its owners in due order) still asks
 * the store once per name: after a first round, the store's names change
 * and a second round still shows the ones read (the old cache of 32
 * asked the store again on every row).  A fresh cache shows the new ones.
 */
static void test_a_name_is_read_once(void **state)
{
	struct tl_store *st = people();
	struct tl_refs refs;
	char want[32];
	(void)state;

	tl_refs_init(&refs, st);
	for (int i = 0; i < NPEOPLE; i++) {
		snprintf(want, sizeof(want), "Person %d", i);
		assert_string_equal(tl_refs_title(&refs, TL_K_PERSON, ids[i]),
				    want);
	}
	rename_all(st);
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < NPEOPLE; i++) {
			snprintf(want, sizeof(want), "Person %d", i);
			assert_string_equal(tl_refs_title(&refs, TL_K_PERSON,
							  ids[i]), want);
		}
	tl_refs_done(&refs);

	tl_refs_init(&refs, st);
	assert_string_equal(tl_refs_title(&refs, TL_K_PERSON, ids[7]),
			    "Renamed 7");
	tl_refs_done(&refs);
	tl_store_close(st);
}

/* A title stays valid for the next TL_REF_CACHE - 1 lookups. */
static void test_titles_outlive_the_next_lookups(void **state)
{
	struct tl_store *st = people();
	struct tl_refs refs;
	const char *first;
	(void)state;

	tl_refs_init(&refs, st);
	/* Read once, so that the next lookup is served from the table. */
	for (int i = 0; i < NPEOPLE; i++)
		tl_refs_title(&refs, TL_K_PERSON, ids[i]);
	first = tl_refs_title(&refs, TL_K_PERSON, ids[0]);
	for (int i = 1; i < TL_REF_CACHE; i++)
		tl_refs_title(&refs, TL_K_PERSON, ids[i]);
	assert_string_equal(first, "Person 0");
	tl_refs_done(&refs);
	tl_store_close(st);
}

/* An id no record has shows as its short form, and is not kept. */
static void test_unknown_id(void **state)
{
	struct tl_store *st = people();
	struct tl_refs refs;
	(void)state;

	tl_refs_init(&refs, st);
	assert_string_equal(tl_refs_title(&refs, TL_K_PERSON,
					  "00000000-0000-4000-8000-000000000000"),
			    "00000000");
	assert_int_equal(refs.nnames, 0);
	tl_refs_done(&refs);
	tl_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_name_is_read_once),
		cmocka_unit_test(test_titles_outlive_the_next_lookups),
		cmocka_unit_test(test_unknown_id),
	};
	return cmocka_run_group_tests_name("present", tests, setup_env,
					   teardown_env);
}
