/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_iter.c - the store's iterator gives what the pages give.
 *
 * tl_store_iter_* walks a query's whole range with one statement; lists
 * page by key.  For the same query both must give the same records in the
 * same order, with filters, in reverse, after a cursor, and while other
 * reads (even the same list, paged) run between two steps.  And a page
 * after the first seeks its start in an index, for every kind.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/service/demo.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
/* The SQLite engine's own header: its query plans. */
#include "../../src/store/sqlite/sqlite.h"
#include "engine.h"

static struct tl_store *demo_store(void)
{
	struct tl_store *st = NULL;
	struct tl_error err;

	if (tl_store_open(test_db(), TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	return st;
}

/* Ids of q's records, paged 3 at a time, one a line. */
static char *paged_ids(struct tl_store *st, const struct tl_query *q0)
{
	struct tl_query q = *q0;
	struct tl_page prev = {0}, page = {0};
	struct tl_error err;
	char *out = calloc(1, 1);
	size_t len = 0;

	q.limit = 3;
	for (;;) {
		if (tl_store_list(st, &q, &page, &err) != TL_OK)
			fail_msg("list: %s", err.msg);
		tl_page_done(&prev);
		for (int i = 0; i < page.n; i++) {
			out = realloc(out, len + TL_ID_LEN + 2);
			assert_non_null(out);
			len += (size_t)sprintf(out + len, "%s\n",
					       page.recs[i]->id);
		}
		if (!page.more)
			break;
		prev = page;
		memset(&page, 0, sizeof(page));
		q.after = &prev.next;
	}
	tl_page_done(&page);
	return out;
}

/*
 * Ids of q's records from the iterator; each record's values are checked
 * against tl_store_get's, and `meddle` runs other reads between steps.
 */
static char *iter_ids(struct tl_store *st, const struct tl_query *q,
		      bool meddle)
{
	const struct tl_record *r;
	struct tl_iter *it;
	struct tl_error err;
	char *out = calloc(1, 1);
	size_t len = 0;

	if (tl_store_iter_new(st, q, &it, &err) != TL_OK)
		fail_msg("iter: %s", err.msg);
	while (tl_store_iter_next(it, &r, &err) == TL_OK && r) {
		struct tl_record *g = NULL;
		if (tl_store_get(st, q->kind, r->id, &g, &err) != TL_OK)
			fail_msg("get: %s", err.msg);
		assert_string_equal(g->created_at, r->created_at);
		assert_string_equal(g->updated_at, r->updated_at);
		for (int i = 0; i < r->e->nfields; i++) {
			if (g->values[i])
				assert_string_equal(r->values[i],
						    g->values[i]);
			else
				assert_null(r->values[i]);
		}
		tl_record_free(g);
		if (meddle)
			free(paged_ids(st, q));
		out = realloc(out, len + TL_ID_LEN + 2);
		assert_non_null(out);
		len += (size_t)sprintf(out + len, "%s\n", r->id);
	}
	/* After the end it stays at the end. */
	assert_int_equal(tl_store_iter_next(it, &r, &err), TL_OK);
	assert_null(r);
	tl_store_iter_free(it);
	return out;
}

static void same(struct tl_store *st, const struct tl_query *q,
		 bool meddle)
{
	char *want = paged_ids(st, q), *got = iter_ids(st, q, meddle);

	assert_string_equal(got, want);
	free(want);
	free(got);
}

static void test_every_kind(void **state)
{
	struct tl_store *st = demo_store();

	(void)state;
	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k};
		same(st, &q, false);
		q.reverse = true;
		same(st, &q, false);
	}
	tl_store_close(st);
}

static void test_filters_and_cursor(void **state)
{
	struct tl_store *st = demo_store();
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .limit = 2};
	struct tl_page page = {0};
	struct tl_error err;
	char owner[TL_ID_LEN + 1];
	char *all;

	(void)state;
	if (tl_store_list(st, &q, &page, &err) != TL_OK)
		fail_msg("list: %s", err.msg);
	assert_true(page.more);
	snprintf(owner, sizeof(owner), "%s",
		 tl_record_str(page.recs[0], TL_FOLLOWUP_OWNER));
	q.limit = 0;
	q.owner = owner;
	same(st, &q, true);
	q.owner = NULL;
	q.open = true;
	same(st, &q, true);
	/* After a cursor: what follows the first page. */
	q.open = false;
	all = paged_ids(st, &q);
	q.after = &page.next;
	same(st, &q, false);
	char *rest = iter_ids(st, &q, false);
	assert_string_equal(rest, all + 2 * (TL_ID_LEN + 1));
	free(rest);
	free(all);
	tl_page_done(&page);
	/* A filter the kind does not have is refused, as a list refuses it. */
	struct tl_query bad = {.kind = TL_K_UNIT, .owner = owner};
	struct tl_iter *it = (struct tl_iter *)&bad;
	assert_int_equal(tl_store_iter_new(st, &bad, &it, &err), TL_EUSAGE);
	assert_null(it);
	tl_store_close(st);
}

/* Stopping half way and freeing the iterator leaves the store usable. */
static void test_stop_early(void **state)
{
	struct tl_store *st = demo_store();
	struct tl_query q = {.kind = TL_K_ITEM};
	const struct tl_record *r;
	struct tl_iter *it;
	struct tl_error err;

	(void)state;
	assert_int_equal(tl_store_iter_new(st, &q, &it, &err), TL_OK);
	assert_int_equal(tl_store_iter_next(it, &r, &err), TL_OK);
	assert_non_null(r);
	tl_store_iter_free(it);
	tl_store_iter_free(NULL);
	same(st, &q, false);
	tl_store_close(st);
}

/* A later page is a range of an index, never a scan from its start.
 * SQLite's plans; PostgreSQL's, at a size where it uses its indexes, are
 * test_pg_query.c's. */
static void test_later_pages_seek(void **state)
{
	struct tl_store *st;
	struct tl_cursor at = {.key = "2026-06-15",
			       .id = "00000000-0000-4000-8000-000000000000"};
	struct tl_error err;
	char *plan;

	(void)state;
	if (test_on_pg())
		skip();
	st = demo_store();
	for (int k = 0; k < TL_K_COUNT; k++) {
		for (int rev = 0; rev < 2; rev++) {
			struct tl_query q = {.kind = (enum tl_kind)k,
					     .reverse = rev, .after = &at};
			assert_int_equal(tl_sqlite_explain(st, &q, &plan, &err),
					 TL_OK);
			if (!strstr(plan, "SEARCH") || strstr(plan, "SCAN") ||
			    strstr(plan, "TEMP B-TREE"))
				fail_msg("%s: %s", tl_entity_get(q.kind)->plural,
					 plan);
			free(plan);
		}
	}
	tl_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind),
		cmocka_unit_test(test_filters_and_cursor),
		cmocka_unit_test(test_stop_early),
		cmocka_unit_test(test_later_pages_seek),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
