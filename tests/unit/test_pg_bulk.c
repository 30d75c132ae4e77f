/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_pg_bulk.c - the bulk load (bulk.h) on the PostgreSQL engine
 * (src/store/pg/bulk.c, bulk_ddl.c), against a real server:
 * TILLIT_TEST_PG is the connection string of one where the test may
 * create databases (make test starts a private one).  Without it every
 * case is skipped, and says so.
 *
 * What it shows: every kind of the demo, loaded as an import loads it,
 * arrives as it was, signed meetings signed; text crosses COPY intact
 * (tabs, line breaks, backslashes, "\N", Swedish letters, emoji); an id
 * twice is refused at once, in a kind or against the records a kind held,
 * and one shared by two kinds is found; a reference to nothing is refused
 * naming its record, whether the load took the reference off or left it
 * on; a row for a meeting signed before the load is refused; and after
 * any load, kept or thrown away, the schema is as it was: every index,
 * reference and trigger back.
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

#include "tillit/service/demo.h"
#include "tillit/store/bulk.h"
#include "tillit/store/store.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
/* This test links libpq itself: the real names (libpq.h). */
#define TL_LIBPQ_LINKED
#include "../../src/store/pg/pg.h"
#include "store_fixture.h"

/* The server's connection string, or NULL: then every case skips. */
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

/* The first value of sql's result on conninfo (caller frees). */
static char *raw_value(const char *conninfo, const char *sql)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *res;
	char *v;

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("cannot connect: %s", PQerrorMessage(c));
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) < 1)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	v = strdup(PQgetisnull(res, 0, 0) ? "(null)" : PQgetvalue(res, 0, 0));
	PQclear(res);
	PQfinish(c);
	return v;
}

/* Whether sql runs on conninfo without an error. */
static bool raw_ok(const char *conninfo, const char *sql)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *res = PQexec(c, sql);
	ExecStatusType s = PQresultStatus(res);

	PQclear(res);
	PQfinish(c);
	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* A new store on a new database; its connection string goes to out. */
static struct tl_store *open_new(char *out, size_t size)
{
	static int n;
	struct tl_store *st = NULL;
	struct tl_error err = {0};
	char sql[128];
	PGconn *c = PQconnectdb(server());
	PGresult *res;

	snprintf(sql, sizeof(sql), "CREATE DATABASE tl_bulk_%d_%d",
		 (int)getpid(), ++n);
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	PQclear(res);
	PQfinish(c);
	snprintf(out, size, "%s dbname=tl_bulk_%d_%d", server(),
		 (int)getpid(), n);
	if (tl_store_open(out, TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	return st;
}

/*
 * What a load takes off and must put back, counted: indexes, references
 * (all of them checked), user triggers, and triggers turned off.
 */
static char *schema_shape(const char *conninfo)
{
	return raw_value(conninfo, "SELECT (SELECT count(*) FROM pg_indexes "
		"WHERE schemaname = 'public') || ' indexes, ' || (SELECT "
		"count(*) FROM pg_constraint WHERE contype = 'f' AND "
		"convalidated) || ' references, ' || (SELECT count(*) FROM "
		"pg_trigger WHERE NOT tgisinternal) || ' triggers, ' || "
		"(SELECT count(*) FROM pg_trigger WHERE tgenabled = 'D') || "
		"' off'");
}

static void assert_shape(const char *conninfo, const char *want)
{
	char *now = schema_shape(conninfo);

	assert_string_equal(now, want);
	free(now);
}

/* A record of kind from name=value pairs, with a new id and stamps. */
static struct tl_record *rec(enum tl_kind kind, ...)
{
	struct tl_record *r = tl_record_new(kind);
	const char *name;
	va_list ap;

	tl_id_new(r->id);
	snprintf(r->created_at, sizeof(r->created_at), "2026-11-20T08:00:00Z");
	snprintf(r->updated_at, sizeof(r->updated_at), "2026-11-20T08:00:00Z");
	va_start(ap, kind);
	while ((name = va_arg(ap, const char *))) {
		int i = tl_entity_field(r->e, name);

		if (i < 0)
			fail_msg("no field %s", name);
		tl_record_set(r, i, va_arg(ap, const char *));
	}
	va_end(ap);
	return r;
}

/* Adds r through the load, failing the test when it is refused. */
static void bulk_ok(struct tl_bulk *b, struct tl_record *r)
{
	struct tl_error err = {0};

	if (tl_bulk_add(b, r, &err) != TL_OK)
		fail_msg("%s %s: %s", r->e->name, r->id, err.msg);
}

static void assert_same_record(const struct tl_record *a,
			       const struct tl_record *b)
{
	assert_string_equal(a->id, b->id);
	assert_string_equal(a->created_at, b->created_at);
	assert_string_equal(a->updated_at, b->updated_at);
	for (int i = 0; i < a->e->nfields; i++) {
		const char *x = a->values[i], *y = b->values[i];

		if ((x == NULL) != (y == NULL) || (x && strcmp(x, y)))
			fail_msg("%s %s %s: '%s' became '%s'", a->e->name,
				 a->id, a->e->fields[i].name, x ? x : "NULL",
				 y ? y : "NULL");
	}
}

static void test_every_kind_arrives_as_it_was(void **state)
{
	char c[512], *shape, sql[200];
	struct tl_store *src = NULL, *st;
	struct tl_bulk *b = NULL;
	struct tl_error err = {0};
	struct tl_audit_break brk;
	char hash[65];
	long rows = 0, total = 0;
	(void)state;
	NEED_SERVER();

	assert_int_equal(tl_store_open(":memory:", TL_OPEN_CREATE, &src, &err),
			 TL_OK);
	assert_int_equal(tl_store_seed_principles(src, "vadstena", &err),
			 TL_OK);
	if (tl_demo_fill(src, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	st = open_new(c, sizeof(c));
	shape = schema_shape(c);

	/* As an import loads a file into a new database: kind after kind,
	 * principles, signatures and seals merged one by one. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k, .by_id = true};
		struct tl_iter *it = NULL;
		const struct tl_record *r;
		long n = 0;

		assert_int_equal(tl_store_iter_new(src, &q, &it, &err), TL_OK);
		while (tl_store_iter_next(it, &r, &err) == TL_OK && r) {
			bool dup = false, changed = false;
			enum tl_status rc = k == TL_K_PRINCIPLE ||
					    k == TL_K_SIGNATURE ||
					    k == TL_K_SEAL
				? tl_bulk_put(b, r, &changed, &err)
				: tl_bulk_import(b, r, &dup, &err);

			if (rc != TL_OK)
				fail_msg("%s %s: %s", r->e->name, r->id,
					 err.msg);
			n++;
		}
		tl_store_iter_free(it);
		if (n == 0)
			fail_msg("the demo has no %s", tl_entity_get(
				 (enum tl_kind)k)->plural);
		total += n;
	}
	if (tl_bulk_end(b, &err) != TL_OK)
		fail_msg("%s", err.msg);

	/* Every record as it was, signed meetings signed. */
	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k, .by_id = true};
		struct tl_iter *it = NULL;
		const struct tl_record *r;
		long n = 0, there = 0;

		assert_int_equal(tl_store_iter_new(src, &q, &it, &err), TL_OK);
		while (tl_store_iter_next(it, &r, &err) == TL_OK && r) {
			struct tl_record *back = NULL;

			assert_int_equal(tl_store_get(st, r->e->kind, r->id,
						      &back, &err), TL_OK);
			assert_non_null(back);
			assert_same_record(r, back);
			tl_record_free(back);
			n++;
		}
		tl_store_iter_free(it);
		assert_int_equal(tl_store_count(st, &q, &there, &err), TL_OK);
		assert_int_equal(there, n);
	}
	{
		struct tl_query q = {.kind = TL_K_MEETING, .status = "signed"};
		struct tl_page page = {0};
		long n = 0;

		assert_int_equal(tl_store_count(st, &q, &n, &err), TL_OK);
		assert_true(n > 0);
		/* ... and locked: the load turned the triggers on again. */
		assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
		assert_true(page.n > 0);
		snprintf(sql, sizeof(sql), "UPDATE meetings SET notes = 'x' "
			 "WHERE id = '%s'", page.recs[0]->id);
		assert_false(raw_ok(c, sql));
		tl_page_done(&page);
	}
	/* A create row a record at least, chained whole. */
	assert_int_equal(tl_store_audit_check(st, &rows, &brk, hash, &err),
			 TL_OK);
	assert_int_equal(brk.fault, TL_AUDIT_WHOLE);
	assert_true(rows >= total);
	assert_shape(c, shape);
	free(shape);
	tl_store_close(st);
	tl_store_close(src);
}

/* What COPY's text format must escape, and what looks like its codes. */
static const char *const odd_texts[] = {
	"Tab\there and\ttwo",
	"Line one\nline two\n\nline four",
	"Back\\slash, \\n, \\t, \\\\ and a last \\",
	"\\N",
	"\\.",
	"End marker\n\\.\nand on",
	"åäö ÅÄÖ é ü ø æ — “citat” «guillemets»",
	"Emoji 😀🎉👩‍👩‍👧 and 𝄞",
	"Mixed\t\\N\n😀\\\tå",
};

static void test_text_crosses_copy_intact(void **state)
{
	char c[512], unit[TL_ID_LEN + 1];
	char ids[sizeof(odd_texts) / sizeof(*odd_texts)][TL_ID_LEN + 1];
	struct tl_store *st;
	struct tl_bulk *b = NULL;
	struct tl_error err = {0};
	struct tl_record *r;
	size_t n = sizeof(odd_texts) / sizeof(*odd_texts);
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	r = rec(TL_K_UNIT, "name", "Förvaltningen", "kind", "administration",
		NULL);
	snprintf(unit, sizeof(unit), "%s", r->id);
	bulk_ok(b, r);
	tl_record_free(r);
	for (size_t i = 0; i < n; i++) {
		/* notes may hold tabs and line breaks; location is one line
		 * and "\N" must not come back as nothing. */
		r = rec(TL_K_MEETING, "title", "Möte", "kind", "dialogue",
			"unit", unit, "starts_at", "2026-11-20 09:00",
			"notes", odd_texts[i], "location",
			strchr(odd_texts[i], '\n') || strchr(odd_texts[i], '\t')
				? "Rum 1" : odd_texts[i], NULL);
		snprintf(ids[i], sizeof(ids[i]), "%s", r->id);
		bulk_ok(b, r);
		tl_record_free(r);
	}
	if (tl_bulk_end(b, &err) != TL_OK)
		fail_msg("%s", err.msg);

	for (size_t i = 0; i < n; i++) {
		struct tl_record *back = NULL;
		char sql[512], *v;

		assert_int_equal(tl_store_get(st, TL_K_MEETING, ids[i], &back,
					      &err), TL_OK);
		assert_string_equal(tl_record_get(back, TL_MEETING_NOTES),
				    odd_texts[i]);
		tl_record_free(back);
		/* On the server itself, byte for byte. */
		snprintf(sql, sizeof(sql), "SELECT notes FROM meetings WHERE "
			 "id = '%s'", ids[i]);
		v = raw_value(c, sql);
		assert_string_equal(v, odd_texts[i]);
		free(v);
	}
	tl_store_close(st);
}

/*
 * Below the store's checks, which never let a carriage return or another
 * control character into a value: the engine's own load still carries
 * every byte COPY gives a meaning to.
 */
static void test_engine_escapes_every_byte(void **state)
{
	static const char text[] = "cr\r lf\n tab\t bs\\ ctl\x01\x1f del\x7f";
	char c[512], sql[160], *v;
	struct tl_store *st;
	struct tl_error err = {0};
	struct tl_record *r;
	void *be = NULL;
	bool dup = true;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	r = rec(TL_K_UNIT, "name", text, "kind", "team", NULL);
	assert_int_equal(tl_pg_bulk_begin(st, &be, &err), TL_OK);
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_pg_bulk_start(be, &err), TL_OK);
	assert_int_equal(tl_pg_bulk_add(be, r, false, &dup, &err), TL_OK);
	assert_false(dup);
	if (tl_pg_bulk_finish(be, &err) != TL_OK ||
	    tl_store_commit(st, &err) != TL_OK)
		fail_msg("%s", err.msg);
	tl_pg_bulk_done(be);
	snprintf(sql, sizeof(sql), "SELECT name FROM units WHERE id = '%s'",
		 r->id);
	v = raw_value(c, sql);
	assert_string_equal(v, text);
	free(v);
	tl_record_free(r);
	tl_store_close(st);
}

static void test_an_id_twice_is_refused(void **state)
{
	static const char zero[] = "00000000-0000-0000-0000-000000000000";
	char c[512], *shape, shared[TL_ID_LEN + 1];
	struct tl_store *st;
	struct tl_bulk *b = NULL;
	struct tl_error err = {0};
	struct tl_record *u, *p, *z;
	bool dup = false, found = false;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	shape = schema_shape(c);
	u = rec(TL_K_UNIT, "name", "Enhet", "kind", "team", NULL);
	p = rec(TL_K_PERSON, "name", "Åsa", "kind", "employee", NULL);

	/* In one kind: refused at once, as a duplicate. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	assert_int_equal(tl_bulk_import(b, u, &dup, &err), TL_OK);
	assert_false(dup);
	assert_int_not_equal(tl_bulk_import(b, u, &dup, &err), TL_OK);
	assert_true(dup);
	tl_bulk_abort(b);
	assert_shape(c, shape);

	/* The all-zero id is an id like any other. */
	z = rec(TL_K_UNIT, "name", "Noll", "kind", "team", NULL);
	snprintf(z->id, sizeof(z->id), "%s", zero);
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	assert_int_equal(tl_bulk_import(b, z, &dup, &err), TL_OK);
	assert_false(dup);
	assert_int_equal(tl_bulk_holds(b, zero, &found, &err), TL_OK);
	assert_true(found);
	assert_int_not_equal(tl_bulk_import(b, z, &dup, &err), TL_OK);
	assert_true(dup);
	tl_bulk_abort(b);

	/* Two kinds with one id: the load finds it, the smallest first. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	snprintf(p->id, sizeof(p->id), "%s", u->id);
	assert_int_equal(tl_bulk_import(b, u, &dup, &err), TL_OK);
	assert_int_equal(tl_bulk_import(b, p, &dup, &err), TL_OK);
	assert_false(dup);
	assert_int_equal(tl_bulk_shared_id(b, shared, &err), TL_OK);
	assert_string_equal(shared, u->id);
	assert_int_equal(tl_bulk_import(b, z, &dup, &err), TL_OK);
	tl_record_free(z);
	z = rec(TL_K_SERIES, "title", "Serie", "kind", "one_to_one", NULL);
	snprintf(z->id, sizeof(z->id), "%s", zero);
	assert_int_equal(tl_bulk_import(b, z, &dup, &err), TL_OK);
	assert_int_equal(tl_bulk_shared_id(b, shared, &err), TL_OK);
	assert_string_equal(shared, zero);
	assert_int_equal(tl_bulk_holds(b, u->id, &found, &err), TL_OK);
	assert_true(found);
	tl_id_new(shared);
	assert_int_equal(tl_bulk_holds(b, shared, &found, &err), TL_OK);
	assert_false(found);
	tl_bulk_abort(b);
	assert_shape(c, shape);

	/* Against a record the kind held before the load. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	bulk_ok(b, u);
	if (tl_bulk_end(b, &err) != TL_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	tl_record_free(p);
	p = rec(TL_K_UNIT, "name", "Annan", "kind", "team", NULL);
	bulk_ok(b, p);
	assert_int_not_equal(tl_bulk_import(b, u, &dup, &err), TL_OK);
	assert_true(dup);
	tl_bulk_abort(b);
	assert_shape(c, shape);
	{
		struct tl_query q = {.kind = TL_K_UNIT};
		long n = 0;

		assert_int_equal(tl_store_count(st, &q, &n, &err), TL_OK);
		assert_int_equal(n, 1);
	}
	tl_record_free(u);
	tl_record_free(p);
	tl_record_free(z);
	free(shape);
	tl_store_close(st);
}

static void test_a_reference_to_nothing_is_named(void **state)
{
	static const char nowhere[] = "00000000-0000-4000-8000-00000000abcd";
	char c[512], *shape, want[300], unit[TL_ID_LEN + 1];
	struct tl_store *st;
	struct tl_bulk *b = NULL;
	struct tl_error err = {0};
	struct tl_record *m, *ok, *bad;
	struct tl_query items = {.kind = TL_K_ITEM};
	long n = -1;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	shape = schema_shape(c);

	/* Into a new database: the load took the reference off and
	 * checks it for the whole table at the end. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	m = rec(TL_K_MEETING, "title", "Möte", "kind", "dialogue",
		"starts_at", "2026-11-20 09:00", NULL);
	bulk_ok(b, m);
	ok = rec(TL_K_ITEM, "meeting", m->id, "title", "Rätt", "number", "1",
		 NULL);
	bulk_ok(b, ok);
	bad = rec(TL_K_ITEM, "meeting", nowhere, "title", "Lös", "number",
		  "1", NULL);
	bulk_ok(b, bad);
	assert_int_not_equal(tl_bulk_end(b, &err), TL_OK);
	snprintf(want, sizeof(want), "The agenda item %s refers to a meeting "
		 "that does not exist; nothing was saved.", bad->id);
	assert_string_equal(err.msg, want);
	assert_int_equal(tl_store_count(st, &items, &n, &err), TL_OK);
	assert_int_equal(n, 0);
	assert_shape(c, shape);

	/* Into a database whose units were there before: that reference
	 * stays on, checked row by row at the end, and says the same. */
	snprintf(unit, sizeof(unit), "%s",
		 add(st, TL_K_UNIT, "name", "Enhet", "kind", "team", NULL));
	tl_record_free(ok);
	tl_record_free(bad);
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	ok = rec(TL_K_PERSON, "name", "Åsa", "kind", "employee", "unit", unit,
		 NULL);
	bulk_ok(b, ok);
	bad = rec(TL_K_PERSON, "name", "Bo", "kind", "employee", "unit",
		  nowhere, NULL);
	bulk_ok(b, bad);
	assert_int_not_equal(tl_bulk_end(b, &err), TL_OK);
	snprintf(want, sizeof(want), "The person %s refers to a unit that "
		 "does not exist; nothing was saved.", bad->id);
	assert_string_equal(err.msg, want);
	assert_shape(c, shape);

	/* And the right ones go in. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	bulk_ok(b, ok);
	if (tl_bulk_end(b, &err) != TL_OK)
		fail_msg("%s", err.msg);
	assert_shape(c, shape);
	tl_record_free(m);
	tl_record_free(ok);
	tl_record_free(bad);
	free(shape);
	tl_store_close(st);
}

static void test_a_signed_meeting_stays_locked(void **state)
{
	char c[512], *shape, m[TL_ID_LEN + 1];
	struct tl_store *st;
	struct tl_bulk *b = NULL;
	struct tl_error err = {0};
	struct tl_record *r, *open_m;
	struct tl_query items = {.kind = TL_K_ITEM};
	long n = -1;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	snprintf(m, sizeof(m), "%s",
		 add(st, TL_K_MEETING, "title", "Nämndsmöte", "kind",
		     "dialogue", "starts_at", "2026-11-20 09:00", NULL));
	assert_int_equal(tl_pg_mark_signed(st, m, &err), TL_OK);
	shape = schema_shape(c);

	/* An item for it: refused when the load ends, nothing kept. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	r = rec(TL_K_ITEM, "meeting", m, "title", "Efterhand", "number", "1",
		NULL);
	bulk_ok(b, r);
	assert_int_not_equal(tl_bulk_end(b, &err), TL_OK);
	assert_string_equal(err.msg, "The meeting is signed and locked; "
			    "record a correction in a later meeting.");
	assert_int_equal(tl_store_count(st, &items, &n, &err), TL_OK);
	assert_int_equal(n, 0);
	assert_shape(c, shape);
	tl_record_free(r);

	/* Rows for a meeting that is not signed still go in, with the
	 * signed one in the database. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	open_m = rec(TL_K_MEETING, "title", "Nästa", "kind", "dialogue",
		     "starts_at", "2026-11-27 09:00", NULL);
	bulk_ok(b, open_m);
	r = rec(TL_K_ITEM, "meeting", open_m->id, "title", "Rättelse",
		"number", "1", NULL);
	bulk_ok(b, r);
	if (tl_bulk_end(b, &err) != TL_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(tl_store_count(st, &items, &n, &err), TL_OK);
	assert_int_equal(n, 1);
	assert_shape(c, shape);
	tl_record_free(r);
	tl_record_free(open_m);
	free(shape);
	tl_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_arrives_as_it_was),
		cmocka_unit_test(test_text_crosses_copy_intact),
		cmocka_unit_test(test_engine_escapes_every_byte),
		cmocka_unit_test(test_an_id_twice_is_refused),
		cmocka_unit_test(test_a_reference_to_nothing_is_named),
		cmocka_unit_test(test_a_signed_meeting_stays_locked),
	};
	return cmocka_run_group_tests_name("pg_bulk", tests, setup_env,
					   teardown_env);
}
