/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_pg_query.c - the PostgreSQL engine's lists, iterators, counts and
 * full-text search (src/store/pg/list.c, search.c), against a real
 * server: TILLIT_TEST_PG is the connection string of one where the test
 * may create databases.  Without it every case is skipped, and says so.
 *
 * What it shows: the same records made on SQLite and on PostgreSQL list
 * the same, filter by filter, forwards and backwards, a page of three at
 * a time; names sort in Swedish order; counts agree; id order and the
 * JSON export are byte for byte SQLite's; an iterator streams 5,000 rows
 * in its own snapshot while the store reads other things, and ends that
 * snapshot when freed; the lists a screen shows run on indexes at
 * 100,000 rows; and search finds Swedish words, stemmed and folded (é,
 * ü) but never å, ä and ö as a, a and o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tillit/export/json.h"
#include "tillit/store/store.h"
#include "tillit/core/model.h"
/* This test links libpq itself: the real names (libpq.h). */
#define TL_LIBPQ_LINKED
#include "../../src/store/pg/pg.h"
#include "store_fixture.h"

static const char *server(void)
{
	const char *s = getenv("TILLIT_TEST_PG");

	return s && *s ? s : NULL;
}

#define NEED_SERVER() \
	do { \
		if (!server()) { \
			print_message("skipped: TILLIT_TEST_PG is not set\n"); \
			skip(); \
		} \
	} while (0)

/* Runs sql on conninfo; fails the test when the server refuses it. */
static PGresult *raw(const char *conninfo, const char *sql)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *res;

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("cannot connect: %s", PQerrorMessage(c));
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		fail_msg("%.60s: %s", sql, PQerrorMessage(c));
	PQfinish(c);
	return res;
}

static void raw_do(const char *conninfo, const char *sql)
{
	PQclear(raw(conninfo, sql));
}

/* A new store in a new database of the server (conninfo into c), with
 * the full-text indexes of search.c, made here until they are one of
 * the schema's migrations. */
static struct tl_store *pg_store(char *c, size_t size)
{
	static int n;
	struct tl_store *st = NULL;
	struct tl_error err = {0};
	char sql[128];
	PGresult *res;

	snprintf(sql, sizeof(sql), "CREATE DATABASE tl_query_%d_%d",
		 (int)getpid(), ++n);
	raw_do(server(), sql);
	snprintf(c, size, "%s dbname=tl_query_%d_%d", server(),
		 (int)getpid(), n);
	if (tl_store_open(c, TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	res = raw(c, "SELECT to_regproc('tl_search_vector') IS NULL");
	if (!strcmp(PQgetvalue(res, 0, 0), "t"))
		raw_do(c, tl_pg_migration_search);
	PQclear(res);
	return st;
}

/* ---- the same records on both engines -------------------------------- */

/* A record of kind with the id made from n, from name=value pairs. */
static void put(struct tl_store *st, enum tl_kind kind, int n, ...)
{
	struct tl_record *r = tl_record_new(kind);
	struct tl_error err = {0};
	const char *name;
	va_list ap;

	/* Ids in an order of their own, unlike any list's. */
	snprintf(r->id, sizeof(r->id), "%08x-0000-4000-8000-%012x",
		 (unsigned)(n * 2654435761u), (unsigned)n);
	va_start(ap, n);
	while ((name = va_arg(ap, const char *))) {
		int i = tl_entity_field(r->e, name);
		if (i < 0)
			fail_msg("no field %s", name);
		tl_record_set(r, i, va_arg(ap, const char *));
	}
	va_end(ap);
	if (tl_store_insert(st, r, &err) != TL_OK)
		fail_msg("insert %s %d: %s", r->e->name, n, err.msg);
	tl_record_free(r);
}

/* The id put() gives n. */
static const char *id_of(int n)
{
	static char ids[8][TL_ID_LEN + 1];
	static int next;
	char *id = ids[next++ % 8];

	snprintf(id, TL_ID_LEN + 1, "%08x-0000-4000-8000-%012x",
		 (unsigned)(n * 2654435761u), (unsigned)n);
	return id;
}

static const char *const names[] = {
	"Örjan Lind", "Åsa Öberg", "Ärla Berg", "anna Andersson", "Bo Ek",
	"Émile Zola", "Zoë Ström", "Göran Müller", "Åke Ask", "Adam Öst",
};

/* A municipality in small: every kind with lists, made the same way on
 * either engine (the fixed clock gives the same times). */
static void fill(struct tl_store *st)
{
	static const char *const fu_kinds[] = {"action", "result", "effect"};
	char due[16], when[32], text[64], num[8];
	struct tl_error err = {0};

	put(st, TL_K_UNIT, 1, "name", "Äldreförvaltningen", "kind",
	    "administration", NULL);
	put(st, TL_K_UNIT, 2, "name", "Barn och utbildning", "kind",
	    "administration", NULL);
	put(st, TL_K_UNIT, 3, "name", "Örebrogruppen", "kind", "team",
	    "parent", id_of(1), NULL);
	put(st, TL_K_UNIT, 4, "name", "Åsgårdens enhet", "kind", "department",
	    "parent", id_of(1), NULL);
	put(st, TL_K_UNIT, 5, "name", "Nämnden", "kind", "committee", NULL);
	for (int i = 0; i < 10; i++)
		put(st, TL_K_PERSON, 100 + i, "name", names[i], "kind",
		    i % 3 ? "employee" : "manager", "unit", id_of(1 + i % 4),
		    "status", i == 7 ? "left" : "active", NULL);
	for (int i = 0; i < 3; i++) {
		snprintf(text, sizeof(text), "Serie %d", 3 - i);
		put(st, TL_K_SERIES, 200 + i, "title", text, "kind",
		    i ? "dialogue" : "committee", "unit", id_of(1 + i), NULL);
	}
	for (int i = 0; i < 12; i++) {
		static const char *const status[] = {"planned", "open", "held",
						     "cancelled"};
		snprintf(when, sizeof(when), "2026-%02d-%02d 09:00",
			 1 + i % 11, 1 + (i * 7) % 27);
		snprintf(text, sizeof(text), "Möte %d", i);
		put(st, TL_K_MEETING, 300 + i, "title", text, "kind",
		    i % 2 ? "dialogue" : "committee", "unit", id_of(1 + i % 3),
		    "series", id_of(200 + i % 3), "starts_at",
		    i == 5 ? "2026-01-01 09:00" : when, "status",
		    status[i % 4], NULL);
		put(st, TL_K_PARTICIPANT, 400 + i, "meeting", id_of(300 + i),
		    "person", id_of(100 + i % 5), "role",
		    i % 2 ? "member" : "chair", NULL);
	}
	for (int i = 0; i < 15; i++) {
		snprintf(text, sizeof(text), "Punkt %d", i);
		put(st, TL_K_ITEM, 500 + i, "meeting", id_of(300 + i % 5),
		    "title", text, "kind", i % 2 ? "decision" : "information",
		    NULL);
	}
	for (int i = 0; i < 8; i++) {
		snprintf(text, sizeof(text), "%s ärende", names[i]);
		snprintf(due, sizeof(due), "2026-%02d-15", 3 + i);
		put(st, TL_K_MANDATE, 600 + i, "matter", text, "given_to",
		    id_of(100 + i % 4), "given_by_unit", id_of(5), "level",
		    "2", "valid_until", due, "meeting", id_of(300 + i % 4),
		    "status", i == 3 ? "revoked" : "active", NULL);
	}
	for (int i = 0; i < 6; i++) {
		snprintf(due, sizeof(due), "2026-%02d-%02d", 1 + i, 10 + i);
		snprintf(text, sizeof(text), "Beslut nummer %d", i);
		put(st, TL_K_DECISION, 700 + i, "mandate", id_of(600 + i % 3),
		    "decided_on", i == 4 ? "2026-01-10" : due, "summary",
		    text, "decided_by", id_of(100 + i % 4), "reported_in",
		    i % 2 ? id_of(300) : NULL, NULL);
	}
	for (int i = 0; i < 6; i++) {
		snprintf(text, sizeof(text), "%s ram", names[9 - i]);
		put(st, TL_K_FRAME, 800 + i, "description", text, "kind",
		    i % 2 ? "budget" : "time", "holder_person",
		    id_of(100 + i % 3), "holder_unit", id_of(1 + i % 2),
		    "meeting", id_of(300 + i % 3), NULL);
	}
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	for (int i = 0; i < 40; i++) {
		snprintf(due, sizeof(due), "2026-%02d-%02d", 1 + i % 12,
			 1 + i % 5);
		snprintf(text, sizeof(text), "Uppföljning %d", i);
		put(st, TL_K_FOLLOWUP, 900 + i, "text", text, "kind",
		    fu_kinds[i % 3], "owner", id_of(100 + i % 6), "due",
		    i % 7 == 3 ? NULL : due, "meeting",
		    i % 4 ? id_of(300 + i % 6) : NULL, "status",
		    i % 5 == 1 ? "cancelled" : "open", NULL);
	}
	assert_int_equal(tl_store_commit(st, &err), TL_OK);
	for (int i = 0; i < 4; i++) {
		snprintf(due, sizeof(due), "2026-%02d-01", 3 + i % 2);
		snprintf(num, sizeof(num), "%d", i - 2);
		put(st, TL_K_BALANCE, 1000 + i, "unit", id_of(1 + i % 2),
		    "assessed_on", due, "score", num, NULL);
	}
}

/* The ids of every page of q (a page of three), each followed by '\n',
 * into a new string; *count is tl_store_count's answer. */
static char *pages(struct tl_store *st, const struct tl_query *q0,
		   long *count)
{
	struct tl_query q = *q0;
	struct tl_page page = {0}, prev = {0};
	struct tl_error err = {0};
	size_t len = 0, cap = 64;
	char *out = malloc(cap);

	out[0] = '\0';
	q.limit = 3;
	for (;;) {
		if (tl_store_list(st, &q, &page, &err) != TL_OK)
			fail_msg("list of %s: %s", tl_entity_get(q.kind)->plural,
				 err.msg);
		for (int i = 0; i < page.n; i++) {
			if (len + TL_ID_LEN + 2 > cap)
				out = realloc(out, cap *= 2);
			len += (size_t)sprintf(out + len, "%s\n",
					       page.recs[i]->id);
		}
		tl_page_done(&prev);
		if (!page.more)
			break;
		prev = page;
		memset(&page, 0, sizeof(page));
		q.after = &prev.next;
	}
	tl_page_done(&page);
	tl_page_done(&prev);
	assert_int_equal(tl_store_count(st, q0, count, &err), TL_OK);
	return out;
}

/* The ids an iterator over q gives, as pages() writes them. */
static char *iterated(struct tl_store *st, const struct tl_query *q)
{
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	struct tl_error err = {0};
	size_t len = 0, cap = 64;
	char *out = malloc(cap);

	out[0] = '\0';
	assert_int_equal(tl_store_iter_new(st, q, &it, &err), TL_OK);
	while (tl_store_iter_next(it, &r, &err) == TL_OK && r) {
		if (len + TL_ID_LEN + 2 > cap)
			out = realloc(out, cap *= 2);
		len += (size_t)sprintf(out + len, "%s\n", r->id);
	}
	tl_store_iter_free(it);
	return out;
}

/* Lines sorted, for the kinds whose names sort otherwise on SQLite. */
static int by_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_lines(char *s)
{
	char *line[256], *copy = strdup(s), *p = copy;
	int n = 0;

	for (char *nl; n < 256 && (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		line[n++] = p;
	}
	qsort(line, (size_t)n, sizeof(*line), by_line);
	s[0] = '\0';
	for (int i = 0; i < n; i++)
		strcat(strcat(s, line[i]), "\n");
	free(copy);
}

/* The first value of field f among the records of kind on st. */
static const char *some_value(struct tl_store *st, enum tl_kind kind, int f)
{
	static char v[8][64];
	static int next;
	struct tl_query q = {.kind = kind, .limit = 1000};
	struct tl_page page = {0};
	struct tl_error err = {0};
	char *out = v[next++ % 8];

	out[0] = '\0';
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	for (int i = 0; i < page.n && !out[0]; i++)
		if (page.recs[i]->values[f])
			snprintf(out, 64, "%s", page.recs[i]->values[f]);
	tl_page_done(&page);
	return out;
}

static void test_lists_as_sqlite_gives_them(void **state)
{
	char c[512];
	struct tl_store *pg, *sq = NULL;
	struct tl_error err = {0};
	struct tl_report_scope scope = {0};
	int checked = 0;
	(void)state;
	NEED_SERVER();

	pg = pg_store(c, sizeof(c));
	assert_int_equal(tl_store_open(":memory:", TL_OPEN_CREATE, &sq, &err),
			 TL_OK);
	fill(sq);
	fill(pg);
	snprintf(scope.meeting, sizeof(scope.meeting), "%s", id_of(300));
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		struct tl_query qs[24];
		int nq = 0;
		/* The kinds sorted by a name: Swedish order here, bytes on
		 * SQLite (test_swedish_order). */
		bool named = e->fields[e->sort].type == TL_FT_TEXT ||
			     e->fields[e->sort].type == TL_FT_LONGTEXT;

		qs[nq++] = (struct tl_query){.kind = e->kind};
		qs[nq++] = (struct tl_query){.kind = e->kind, .by_id = true};
		if (e->owner >= 0) {
			const char *o = some_value(sq, e->kind, e->owner);
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .owner = o};
			if (e->status >= 0)
				qs[nq++] = (struct tl_query){.kind = e->kind,
					.owner = o, .open = true};
		}
		if (e->unit >= 0 || e->kind == TL_K_FOLLOWUP ||
		    e->kind == TL_K_ITEM)
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .unit = id_of(1)};
		if (e->kindf >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind,
				.kindv = some_value(sq, e->kind, e->kindf)};
		if (e->status >= 0) {
			qs[nq++] = (struct tl_query){.kind = e->kind,
				.status = some_value(sq, e->kind, e->status)};
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .open = true};
		}
		if (e->parent >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind,
				.parent = some_value(sq, e->kind, e->parent)};
		if (e->due >= 0) {
			qs[nq++] = (struct tl_query){.kind = e->kind,
						 .due_before = "2026-08-01"};
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .overdue = true};
		}
		if (tl_entity_date_field(e) >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind,
				.from = "2026-02-01", .to = "2026-09-01"};
		if (tl_entity_field(e, "meeting") >= 0 &&
		    e->kind != TL_K_PARTICIPANT && e->kind != TL_K_BALANCE &&
		    e->kind != TL_K_DECISION && e->kind != TL_K_SIGNATURE &&
		    e->kind != TL_K_SEAL && e->kind != TL_K_FRAME_VERSION)
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .series = id_of(201)};
		if (e->kind == TL_K_MEETING)
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .person = id_of(101)};
		if (e->kind == TL_K_FRAME)
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .unacked = true};
		if (e->kind == TL_K_DECISION)
			qs[nq++] = (struct tl_query){.kind = e->kind,
						     .reported = &scope};
		for (int i = 0; i < nq; i++) {
			for (int rev = 0; rev < 2; rev++) {
				long na = 0, nb = 0;
				char *a, *b, *it;

				qs[i].reverse = rev;
				a = pages(sq, &qs[i], &na);
				b = pages(pg, &qs[i], &nb);
				it = iterated(pg, &qs[i]);
				if (named && !qs[i].by_id) {
					sort_lines(a);
					sort_lines(b);
				}
				if (strcmp(a, b) || na != nb)
					fail_msg("%s query %d (reverse %d): "
						 "SQLite\n%s(%ld) PostgreSQL\n"
						 "%s(%ld)", e->plural, i, rev,
						 a, na, b, nb);
				if (named && !qs[i].by_id)
					sort_lines(it);
				assert_string_equal(it, b);
				checked += a[0] != '\0';
				free(a);
				free(b);
				free(it);
			}
		}
	}
	/* Most of the queries find something. */
	assert_true(checked > 60);
	tl_store_close(sq);
	tl_store_close(pg);
}

/* The JSON export, in id order, is the same bytes from either engine. */
static void test_export_is_sqlites(void **state)
{
	char c[512], *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	struct tl_store *pg, *sq = NULL;
	struct tl_error err = {0};
	FILE *f;
	(void)state;
	NEED_SERVER();

	pg = pg_store(c, sizeof(c));
	assert_int_equal(tl_store_open(":memory:", TL_OPEN_CREATE, &sq, &err),
			 TL_OK);
	fill(sq);
	fill(pg);
	f = open_memstream(&a, &na);
	assert_int_equal(tl_json_export(sq, f, &err), TL_OK);
	fclose(f);
	f = open_memstream(&b, &nb);
	if (tl_json_export(pg, f, &err) != TL_OK)
		fail_msg("export: %s", err.msg);
	fclose(f);
	assert_true(na > 1000);
	if (na != nb || memcmp(a, b, na))
		fail_msg("the exports differ (%zu and %zu bytes)", na, nb);
	free(a);
	free(b);
	tl_store_close(sq);
	tl_store_close(pg);
}

static void test_swedish_order(void **state)
{
	static const char *const want[] = {
		"Adam Öst", "anna Andersson", "Bo Ek", "Émile Zola",
		"Göran Müller", "Zoë Ström", "Åke Ask", "Åsa Öberg",
		"Ärla Berg", "Örjan Lind",
	};
	char c[512];
	struct tl_store *st;
	struct tl_query q = {.kind = TL_K_PERSON, .limit = 2};
	struct tl_page page = {0}, prev = {0};
	struct tl_error err = {0};
	size_t n = 0;
	(void)state;
	NEED_SERVER();

	st = pg_store(c, sizeof(c));
	for (int i = 0; i < 10; i++)
		put(st, TL_K_PERSON, 100 + i, "name", names[i], "kind",
		    "employee", NULL);
	/* Two at a time: the cursor compares in Swedish order too. */
	do {
		assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
		for (int i = 0; i < page.n; i++, n++)
			assert_string_equal(tl_record_get(page.recs[i],
							  TL_PERSON_NAME),
					    want[n]);
		tl_page_done(&prev);
		prev = page;
		memset(&page, 0, sizeof(page));
		q.after = &prev.next;
	} while (prev.more);
	tl_page_done(&prev);
	assert_int_equal(n, 10);
	/* And backwards. */
	q = (struct tl_query){.kind = TL_K_PERSON, .reverse = true};
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_int_equal(page.n, 10);
	assert_string_equal(tl_record_get(page.recs[0], TL_PERSON_NAME),
			    "Örjan Lind");
	tl_page_done(&page);
	tl_store_close(st);
}

/* n follow-ups, numbered from `from`, every 50th of owner's, written
 * past the store (quick), then ANALYZEd. */
static void load_followups(const char *c, const char *owner, int from,
			   int n)
{
	char sql[1200];

	snprintf(sql, sizeof(sql),
		 "INSERT INTO followups (id, created_at, updated_at, text, "
		 "kind, owner, due, status) SELECT lpad(to_hex(g), 8, '0') || "
		 "'-1111-4111-8111-' || lpad(to_hex((g * 7919) %% 1000003), "
		 "12, '0'), '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z', "
		 "'Följ upp punkt ' || g, (ARRAY['action','result','effect'])"
		 "[1 + g %% 3], CASE WHEN g %% 50 = 0 THEN '%s' ELSE "
		 "(SELECT id FROM people WHERE name = 'Ingen') END, "
		 "CASE WHEN g %% 9 = 0 THEN NULL ELSE '2026-' || lpad((1 + g "
		 "%% 12)::text, 2, '0') || '-' || lpad((1 + g %% 28)::text, "
		 "2, '0') END, CASE WHEN g %% 4 = 0 THEN 'done' ELSE 'open' "
		 "END FROM generate_series(%d, %d) g; ANALYZE",
		 owner, from, from + n - 1);
	raw_do(c, sql);
}

static void test_iterator_streams_in_a_snapshot(void **state)
{
	char c[512], owner[TL_ID_LEN + 1], other[TL_ID_LEN + 1];
	struct tl_store *st;
	struct tl_query q = {.kind = TL_K_FOLLOWUP};
	struct tl_iter *it = NULL, *it2 = NULL;
	const struct tl_record *r;
	struct tl_record *got = NULL;
	struct tl_error err = {0};
	char last[64] = "", key[64];
	long n = 0, total = 0;
	PGresult *res;
	(void)state;
	NEED_SERVER();

	st = pg_store(c, sizeof(c));
	snprintf(owner, sizeof(owner), "%s",
		 add(st, TL_K_PERSON, "name", "Märta", "kind", "employee",
		     NULL));
	snprintf(other, sizeof(other), "%s",
		 add(st, TL_K_PERSON, "name", "Ingen", "kind", "employee",
		     NULL));
	load_followups(c, owner, 1, 5000);
	assert_false(tl_pg(st)->reading);
	assert_int_equal(tl_store_iter_new(st, &q, &it, &err), TL_OK);
	/* Its own snapshot, held till the iterator is freed. */
	assert_true(tl_pg(st)->reading);
	while (tl_store_iter_next(it, &r, &err) == TL_OK && r) {
		const char *due = tl_record_get(r, TL_FOLLOWUP_DUE);
		/* In list order: due (none last), then id. */
		snprintf(key, sizeof(key), "%s %s", due ? due : "~", r->id);
		assert_true(strcmp(last, key) < 0);
		memcpy(last, key, sizeof(key));
		assert_non_null(tl_record_get(r, TL_FOLLOWUP_TEXT));
		assert_null(tl_record_get(r, TL_FOLLOWUP_OUTCOME));
		if (++n == 1000) {
			/* Other reads between the rows, and another
			 * program's write, which the snapshot does not
			 * see. */
			assert_int_equal(tl_store_get(st, TL_K_PERSON, other,
						      &got, &err), TL_OK);
			tl_record_free(got);
			assert_int_equal(tl_store_count(st, &q, &total, &err),
					 TL_OK);
			assert_int_equal(total, 5000);
			load_followups(c, owner, 5001, 10);
			assert_int_equal(tl_store_count(st, &q, &total, &err),
					 TL_OK);
			assert_int_equal(total, 5000);
			/* A second iterator shares the snapshot and outlives
			 * the first. */
			assert_int_equal(tl_store_iter_new(st, &q, &it2, &err),
					 TL_OK);
		}
	}
	assert_int_equal(err.status, TL_OK);
	assert_int_equal(n, 5000);
	tl_store_iter_free(it);
	assert_true(tl_pg(st)->reading);
	n = 0;
	while (tl_store_iter_next(it2, &r, &err) == TL_OK && r)
		n++;
	assert_int_equal(n, 5000);
	tl_store_iter_free(it2);
	/* The last one ended the snapshot: now the new rows are seen. */
	assert_false(tl_pg(st)->reading);
	assert_int_equal(tl_store_count(st, &q, &total, &err), TL_OK);
	assert_int_equal(total, 5010);

	/* Inside a change, the change's transaction holds the cursor, and
	 * freeing the iterator leaves the transaction open. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	add(st, TL_K_FOLLOWUP, "text", "Ny", "owner", owner, NULL);
	q.owner = owner;
	assert_int_equal(tl_store_iter_new(st, &q, &it, &err), TL_OK);
	n = 0;
	while (tl_store_iter_next(it, &r, &err) == TL_OK && r)
		n++;
	tl_store_iter_free(it);
	assert_int_equal(n, 5000 / 50 + 1);
	assert_int_equal(tl_store_commit(st, &err), TL_OK);
	/* And inside a read snapshot. */
	assert_int_equal(tl_store_read_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_iter_new(st, &q, &it, &err), TL_OK);
	assert_int_equal(tl_store_iter_next(it, &r, &err), TL_OK);
	tl_store_iter_free(it);
	assert_true(tl_pg(st)->reading);
	tl_store_read_end(st);
	res = raw(c, "SELECT count(*) FROM followups");
	assert_string_equal(PQgetvalue(res, 0, 0), "5011");
	PQclear(res);
	/* An iterator left early ends its snapshot too. */
	q.owner = NULL;
	assert_int_equal(tl_store_iter_new(st, &q, &it, &err), TL_OK);
	assert_int_equal(tl_store_iter_next(it, &r, &err), TL_OK);
	tl_store_iter_free(it);
	assert_false(tl_pg(st)->reading);
	assert_int_equal(PQtransactionStatus(tl_pg(st)->conn), PQTRANS_IDLE);
	tl_store_close(st);
}

/* The plan of q, which must use an index and read `table` by no
 * sequential scan; `sorted` allows a Sort step. */
static void plan_ok(struct tl_store *st, const struct tl_query *q,
		    const char *what, const char *table, bool sorted)
{
	struct tl_error err = {0};
	char *plan, seq[64];

	snprintf(seq, sizeof(seq), "Seq Scan on %s", table);
	assert_int_equal(tl_pg_explain(st, q, &plan, &err), TL_OK);
	if (!strstr(plan, "Index") || strstr(plan, seq) ||
	    (!sorted && strstr(plan, "Sort")))
		fail_msg("%s is not served by an index:\n%s", what, plan);
	free(plan);
}

static void test_lists_use_indexes_at_100000(void **state)
{
	char c[512], owner[TL_ID_LEN + 1], sql[1400];
	struct tl_store *st;
	struct tl_page page = {0};
	struct tl_error err = {0};
	(void)state;
	NEED_SERVER();

	st = pg_store(c, sizeof(c));
	snprintf(owner, sizeof(owner), "%s",
		 add(st, TL_K_PERSON, "name", "Märta", "kind", "employee",
		     NULL));
	add(st, TL_K_PERSON, "name", "Ingen", "kind", "employee", NULL);
	load_followups(c, owner, 1, 100000);
	/* 20,000 mandates, one expiring each day, matters the other way. */
	snprintf(sql, sizeof(sql),
		 "INSERT INTO mandates (id, created_at, updated_at, matter, "
		 "given_to, given_by_person, level, valid_until, status) "
		 "SELECT lpad(to_hex(g), 8, '0') || '-2222-4222-8222-' || "
		 "lpad(to_hex(g), 12, '0'), '2026-11-23T09:00:00Z', "
		 "'2026-11-23T09:00:00Z', 'Ärende ' || lpad((20000 - g)::text, "
		 "5, '0'), '%s', '%s', 3, to_char(date '2026-01-01' + g, "
		 "'YYYY-MM-DD'), CASE WHEN g %% 10 = 0 THEN 'revoked' ELSE "
		 "'active' END FROM generate_series(1, 20000) g; ANALYZE",
		 owner, owner);
	raw_do(c, sql);

	struct tl_cursor after = {.key = "2026-06-01", .id = "8"};
	struct tl_query qs[] = {
		{.kind = TL_K_FOLLOWUP},
		{.kind = TL_K_FOLLOWUP, .reverse = true},
		{.kind = TL_K_FOLLOWUP, .after = &after},
		{.kind = TL_K_FOLLOWUP, .owner = owner},
		{.kind = TL_K_FOLLOWUP, .open = true},
		{.kind = TL_K_FOLLOWUP, .owner = owner, .open = true},
		{.kind = TL_K_FOLLOWUP, .owner = owner, .open = true,
		 .after = &after},
		{.kind = TL_K_FOLLOWUP, .kindv = "result"},
		{.kind = TL_K_FOLLOWUP, .by_id = true},
		{.kind = TL_K_MANDATE},
		{.kind = TL_K_MANDATE, .owner = owner, .open = true},
	};
	for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
		char what[32];
		snprintf(what, sizeof(what), "list %zu", i);
		plan_ok(st, &qs[i], what,
			qs[i].kind == TL_K_FOLLOWUP ? "followups" : "mandates",
			false);
	}
	/* Ranges: an index either way, at any date. */
	struct tl_query ranges[] = {
		{.kind = TL_K_FOLLOWUP, .overdue = true},
		{.kind = TL_K_FOLLOWUP, .due_before = "2026-12-01"},
		{.kind = TL_K_FOLLOWUP, .owner = owner, .open = true,
		 .due_before = "2026-12-01"},
		{.kind = TL_K_MANDATE, .open = true, .due_before = "2026-01-06"},
		{.kind = TL_K_MANDATE, .open = true, .due_before = "2028-01-01"},
		{.kind = TL_K_MANDATE, .open = true, .due_before = "2099-01-01"},
		{.kind = TL_K_MANDATE, .owner = owner, .open = true,
		 .due_before = "2099-01-01"},
	};
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		char what[32];
		snprintf(what, sizeof(what), "range %zu", i);
		plan_ok(st, &ranges[i], what,
			ranges[i].kind == TL_K_FOLLOWUP ? "followups"
							: "mandates", true);
	}
	/* The first page of a person's open follow-ups. */
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .owner = owner,
			     .open = true, .limit = 50};
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_int_equal(page.n, 50);
	assert_true(page.more);
	tl_page_done(&page);
	/* Search reads the full-text index for a rare word, and finds one
	 * in every row among the newest. */
	struct tl_hit *hits;
	PGresult *res;
	int n;
	assert_int_equal(tl_store_read_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_search(st, "punkt 77777", 5, &hits, &n,
					 &err), TL_OK);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].snippet, "Följ upp [punkt] [77777]");
	tl_hits_free(hits, n);
	res = PQexec(tl_pg(st)->conn, "SELECT pg_stat_get_xact_numscans("
		     "'followups_fts'::regclass)");
	assert_true(atoi(PQgetvalue(res, 0, 0)) > 0);
	PQclear(res);
	tl_store_read_end(st);
	assert_int_equal(tl_store_search(st, "följ", 5, &hits, &n, &err),
			 TL_OK);
	assert_int_equal(n, 5);
	tl_hits_free(hits, n);
	tl_store_close(st);
}

/* The hits of query, as "kind:title|snippet" lines sorted, into out. */
static const char *found(struct tl_store *st, const char *query, int limit,
			 char *out, size_t size)
{
	struct tl_error err = {0};
	struct tl_hit *hits;
	size_t len = 0;
	int n;

	if (tl_store_search(st, query, limit, &hits, &n, &err) != TL_OK)
		fail_msg("search %s: %s", query, err.msg);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s:%s|%s",
					i ? "\n" : "",
					tl_entity_get(hits[i].kind)->name,
					hits[i].title, hits[i].snippet);
	sort_lines(strcat(out, n ? "\n" : ""));
	tl_hits_free(hits, n);
	return out;
}

static void test_search_finds_swedish_words(void **state)
{
	char c[512], p[TL_ID_LEN + 1], m[TL_ID_LEN + 1], out[2048];
	struct tl_store *st;
	struct tl_error err = {0};
	struct tl_hit *hits;
	int n;
	(void)state;
	NEED_SERVER();

	st = pg_store(c, sizeof(c));
	snprintf(p, sizeof(p), "%s",
		 add(st, TL_K_PERSON, "name", "Göran Müller", "kind",
		     "manager", NULL));
	snprintf(m, sizeof(m), "%s",
		 add(st, TL_K_MEETING, "title", "Möte på Café Nova", "kind",
		     "dialogue", "starts_at", "2026-11-20 09:00", NULL));
	add(st, TL_K_FOLLOWUP, "text", "Följ upp kompetensförsörjningen i "
	    "äldreomsorgen", "owner", p, NULL);
	add(st, TL_K_FOLLOWUP, "text", "Vi får se", "owner", p, NULL);
	add(st, TL_K_FOLLOWUP, "text", "Far och mor", "owner", p, NULL);
	add(st, TL_K_ITEM, "meeting", m, "title", "Budgeten", "decision",
	    "Beslutet fattades enhälligt", NULL);
	add(st, TL_K_ITEM, "meeting", m, "title", "Skolan", "notes",
	    "Nämnden fattade sitt beslut om skolskjutsarna efter en lång "
	    "diskussion om vad som är rimligt för familjerna på landsbygden "
	    "och i tätorten", NULL);

	/* A word as typed finds the words it starts, in any case. */
	assert_string_equal(found(st, "äldreomsorg", 10, out, sizeof(out)),
			    "followup:Följ upp kompetensförsörjningen i "
			    "äldreomsorgen|Följ upp kompetensförsörjningen i "
			    "[äldreomsorgen]\n");
	assert_string_equal(found(st, "GÖRAN", 10, out, sizeof(out)),
			    "person:Göran Müller|[Göran] Müller\n");
	/* Stemmed: "besluten" finds beslut and beslutet, as "beslut"
	 * does; "budget" finds "budgeten".  A snippet is about 12 words. */
	assert_string_equal(found(st, "beslut", 10, out, sizeof(out)),
			    "item:Budgeten|[Beslutet] fattades enhälligt\n"
			    "item:Skolan|Nämnden fattade sitt [beslut] om "
			    "skolskjutsarna efter en lång diskussion om vad…\n");
	found(st, "besluten", 10, out, sizeof(out));
	assert_non_null(strstr(out, "item:Budgeten|[Beslutet]"));
	assert_non_null(strstr(out, "item:Skolan|Nämnden fattade sitt "
			       "[beslut]"));
	assert_string_equal(found(st, "skjutsarna", 10, out, sizeof(out)),
			    "");
	assert_string_equal(found(st, "landsbygd", 10, out, sizeof(out)),
			    "item:Skolan|…är rimligt för familjerna på "
			    "[landsbygden] och i tätorten\n");
	assert_string_equal(found(st, "budget", 10, out, sizeof(out)),
			    "item:Budgeten|[Budgeten]\n");
	/* Accents fold, and the snippet keeps them; å, ä and ö do not. */
	assert_string_equal(found(st, "cafe", 10, out, sizeof(out)),
			    "meeting:Möte på Café Nova|Möte på [Café] Nova\n");
	assert_string_equal(found(st, "muller", 10, out, sizeof(out)),
			    "person:Göran Müller|Göran [Müller]\n");
	add(st, TL_K_PERSON, "name", "Émile Ørsted", "kind", "employee",
	    NULL);
	assert_string_equal(found(st, "EMILE örsted", 10, out, sizeof(out)),
			    "person:Émile Ørsted|[Émile] [Ørsted]\n");
	assert_string_equal(found(st, "far", 10, out, sizeof(out)),
			    "followup:Far och mor|[Far] och mor\n");
	assert_string_equal(found(st, "får", 10, out, sizeof(out)),
			    "followup:Vi får se|Vi [får] se\n");
	assert_string_equal(found(st, "mote", 10, out, sizeof(out)), "");
	/* A Swedish stop word is still found as typed; every word must
	 * occur. */
	assert_string_equal(found(st, "och far", 10, out, sizeof(out)),
			    "followup:Far och mor|[Far] [och] mor\n");
	assert_string_equal(found(st, "och skolan", 10, out, sizeof(out)),
			    "item:Skolan|[Skolan]\n");
	assert_string_equal(found(st, "far budget", 10, out, sizeof(out)),
			    "");
	/* At most `limit` hits; 0 means 20. */
	for (int i = 0; i < 25; i++)
		add(st, TL_K_FOLLOWUP, "text", "Rapport till nämnden", "owner",
		    p, NULL);
	assert_int_equal(tl_store_search(st, "rapport", 3, &hits, &n, &err),
			 TL_OK);
	assert_int_equal(n, 3);
	tl_hits_free(hits, n);
	assert_int_equal(tl_store_search(st, "rapport", 0, &hits, &n, &err),
			 TL_OK);
	assert_int_equal(n, 20);
	tl_hits_free(hits, n);
	/* tsquery syntax and bytes that are no text are taken literally,
	 * never an error. */
	const char *odd[] = {"\"", "AND (", "a* OR NOT", "'; DROP TABLE x;--",
			     "NEAR(", "%", "col:x", "a & !b", "x:*", "\\'",
			     "\xc3", "\xff\xfe", "e-post", "<->", "a|b"};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		if (tl_store_search(st, odd[i], 10, &hits, &n, &err) != TL_OK)
			fail_msg("search %s: %s", odd[i], err.msg);
		tl_hits_free(hits, n);
	}
	assert_int_equal(tl_store_search(st, "   ", 10, &hits, &n, &err),
			 TL_EINVAL);
	tl_store_close(st);
}

/* Whether name occurs in expr as a column: a whole word, not a cast's
 * type ("::text"). */
static bool names_column(const char *expr, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = expr; (p = strstr(p, name)) != NULL; p += n) {
		bool start = p == expr || !(p[-1] == '_' || p[-1] == ':' ||
					    (p[-1] >= 'a' && p[-1] <= 'z'));
		bool end = !(p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z'));
		if (start && end)
			return true;
	}
	return false;
}

/*
 * The full-text columns follow the model (TL_FF_SEARCH in model.c): each
 * searchable kind has a stored `fts` made from exactly its searchable
 * fields, with a GIN index <plural>_fts, and no other kind has one.
 */
static void test_search_columns_follow_the_model(void **state)
{
	char c[512], sql[400];
	struct tl_store *st;
	PGresult *res;
	int searchable = 0;
	(void)state;
	NEED_SERVER();

	st = pg_store(c, sizeof(c));
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		bool any = false;

		for (int i = 0; i < e->nfields; i++)
			any |= (e->fields[i].flags & TL_FF_SEARCH) != 0;
		snprintf(sql, sizeof(sql), "SELECT pg_get_expr(d.adbin, "
			 "d.adrelid), (SELECT indexdef FROM pg_indexes WHERE "
			 "indexname = '%s_fts') FROM pg_attribute a JOIN "
			 "pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = "
			 "a.attnum WHERE a.attrelid = '%s'::regclass AND "
			 "a.attname = 'fts'", e->plural, e->plural);
		res = raw(c, sql);
		if (PQntuples(res) != (any ? 1 : 0))
			fail_msg("%s: %d fts columns", e->plural,
				 PQntuples(res));
		for (int i = 0; any && i < e->nfields; i++) {
			bool want = e->fields[i].flags & TL_FF_SEARCH;
			if (names_column(PQgetvalue(res, 0, 0),
					 e->fields[i].name) != want)
				fail_msg("%s.fts %s %s: %s", e->plural,
					 want ? "lacks" : "has",
					 e->fields[i].name,
					 PQgetvalue(res, 0, 0));
		}
		if (any && !strstr(PQgetvalue(res, 0, 1), "USING gin (fts)"))
			fail_msg("%s_fts: %s", e->plural,
				 PQgetvalue(res, 0, 1));
		searchable += any;
		PQclear(res);
	}
	assert_int_equal(searchable, 18);
	tl_store_close(st);
}

/*
 * Without a server: the migration gives each searchable kind its column
 * and index, and folds accents but never å, ä or ö (in the pairs of its
 * replace() chain, and not through unaccent, whose rules fold them).
 */
static void test_migration_text(void **state)
{
	const char *m = tl_pg_migration_search;
	const char *later = tl_pg_migration_paragraphs;
	const char *goals = tl_pg_migration_goals;
	const char *rb = tl_pg_migration_report_backs;
	char want[160];
	int kinds = 0;
	(void)state;

	/* The kinds of a § came later, and goals, each with its column and
	 * index. */
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		bool any = false;

		for (int i = 0; i < e->nfields; i++)
			any |= (e->fields[i].flags & TL_FF_SEARCH) != 0;
		snprintf(want, sizeof(want), "ALTER TABLE %s ADD COLUMN fts ",
			 e->plural);
		assert_int_equal(strstr(m, want) || strstr(later, want) ||
				 strstr(goals, want) || strstr(rb, want), any);
		snprintf(want, sizeof(want), "CREATE INDEX %s_fts ON %s USING "
			 "gin (fts)", e->plural, e->plural);
		assert_int_equal(strstr(m, want) || strstr(later, want) ||
				 strstr(goals, want) || strstr(rb, want), any);
		kinds += any;
	}
	assert_int_equal(kinds, 18);
	assert_non_null(strstr(m, "'é', 'e'"));
	assert_non_null(strstr(m, "'ø', 'ö'"));
	/* A letter replaced is followed by what replaces it. */
	assert_null(strstr(m, "'å', '"));
	assert_null(strstr(m, "'ä', '"));
	assert_null(strstr(m, "'ö', '"));
	assert_null(strstr(m, "unaccent"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migration_text),
		cmocka_unit_test(test_lists_as_sqlite_gives_them),
		cmocka_unit_test(test_export_is_sqlites),
		cmocka_unit_test(test_swedish_order),
		cmocka_unit_test(test_iterator_streams_in_a_snapshot),
		cmocka_unit_test(test_lists_use_indexes_at_100000),
		cmocka_unit_test(test_search_finds_swedish_words),
		cmocka_unit_test(test_search_columns_follow_the_model),
	};
	return cmocka_run_group_tests_name("pg_query", tests, setup_env,
					   teardown_env);
}
