/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_pg.c - the PostgreSQL engine under the store (src/store/pg/),
 * against a real server: TILLIT_TEST_PG is the connection string of one
 * where the test may create databases (make test starts a private one).
 * Without it every case is skipped, and says so.
 *
 * What it shows: which --db values choose the engine; an empty database
 * is refused until init, one holding other tables or a newer schema is
 * refused untouched; records go in and out as they were; the triggers
 * keep the audit log append-only, signed meetings locked and a seal
 * fixed, in tillit's own sentences; a dangling reference names its
 * record; another program's commit is seen (LISTEN/NOTIFY); a lost
 * connection is made again; and no message shows the connection string.
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

/* Runs sql on the server's maintenance database (or on conninfo). */
static PGresult *raw(const char *conninfo, const char *sql)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *res;

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("cannot connect: %s", PQerrorMessage(c));
	res = PQexec(c, sql);
	PQfinish(c);
	return res;
}

static bool raw_ok(const char *conninfo, const char *sql)
{
	PGresult *res = raw(conninfo, sql);
	ExecStatusType s = PQresultStatus(res);

	PQclear(res);
	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* A new empty database; its connection string goes to out. */
static void fresh_db(char *out, size_t size)
{
	static int n;
	char sql[128];

	snprintf(sql, sizeof(sql), "CREATE DATABASE tl_unit_%d_%d",
		 (int)getpid(), ++n);
	if (!raw_ok(server(), sql))
		fail_msg("%s failed", sql);
	snprintf(out, size, "%s dbname=tl_unit_%d_%d", server(),
		 (int)getpid(), n);
}

#define NEED_SERVER() \
	do { \
		if (!server()) { \
			print_message("skipped: TILLIT_TEST_PG is not set\n"); \
			skip(); \
		} \
	} while (0)

static struct tl_store *open_new(char *conninfo, size_t size)
{
	struct tl_store *st = NULL;
	struct tl_error err = {0};

	fresh_db(conninfo, size);
	if (tl_store_open(conninfo, TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	return st;
}

static void test_conninfo_chooses_the_engine(void **state)
{
	struct tl_store *st = NULL;
	struct tl_error err = {0};
	char path[400];
	(void)state;

	/* A server that is not there: the PostgreSQL engine says so, and
	 * never shows the string (it may hold a password). */
	assert_int_equal(tl_store_open("host=/nonexistent password=s3cret "
				       "dbname=x", 0, &st, &err), TL_EDB);
	assert_non_null(strstr(err.msg, "PostgreSQL"));
	assert_null(strstr(err.msg, "s3cret"));
	assert_int_equal(tl_store_open("postgresql://u:s3cret@/x?host="
				       "/nonexistent", 0, &st, &err), TL_EDB);
	assert_null(strstr(err.msg, "s3cret"));
	assert_int_equal(tl_store_open("host=/x dbname='unclosed", 0, &st,
				       &err), TL_EINVAL);
	/* A path with "=" later in it is still a file. */
	snprintf(path, sizeof(path), "%s/a=b.db", tmpdir);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err),
			 TL_OK);
	assert_non_null(st);
	tl_store_close(st);
}

static void test_empty_database_needs_init(void **state)
{
	char c[512];
	struct tl_store *st = NULL;
	struct tl_error err = {0};
	PGresult *res;
	(void)state;
	NEED_SERVER();

	fresh_db(c, sizeof(c));
	assert_int_equal(tl_store_open(c, 0, &st, &err), TL_ENOTFOUND);
	assert_non_null(strstr(err.msg, "tillit init"));
	/* Refused without a trace. */
	res = raw(c, "SELECT count(*) FROM pg_tables WHERE schemaname = "
		  "'public'");
	assert_string_equal(PQgetvalue(res, 0, 0), "0");
	PQclear(res);
	assert_int_equal(tl_store_open(c, TL_OPEN_CREATE, &st, &err), TL_OK);
	tl_store_close(st);
	res = raw(c, "SELECT version FROM schema_version");
	assert_int_equal(atoi(PQgetvalue(res, 0, 0)), TL_PG_SCHEMA_VERSION);
	PQclear(res);
	/* Opened again, as it is. */
	assert_int_equal(tl_store_open(c, 0, &st, &err), TL_OK);
	tl_store_close(st);
}

static void test_refuses_others_and_newer(void **state)
{
	char c[512], sql[96];
	struct tl_store *st = NULL;
	struct tl_error err = {0};
	(void)state;
	NEED_SERVER();

	fresh_db(c, sizeof(c));
	assert_true(raw_ok(c, "CREATE TABLE payroll (x int)"));
	assert_int_equal(tl_store_open(c, TL_OPEN_CREATE, &st, &err), TL_EDB);
	assert_non_null(strstr(err.msg, "other tables"));
	assert_false(raw_ok(c, "SELECT 1 FROM units"));

	st = open_new(c, sizeof(c));
	tl_store_close(st);
	snprintf(sql, sizeof(sql), "UPDATE schema_version SET version = %d",
		 TL_PG_SCHEMA_VERSION + 1);
	assert_true(raw_ok(c, sql));
	assert_int_equal(tl_store_open(c, 0, &st, &err), TL_EDB);
	assert_non_null(strstr(err.msg, "newer tillit"));
}

static void test_records_round_trip(void **state)
{
	char c[512], id[TL_ID_LEN + 1];
	struct tl_store *st;
	struct tl_record *r = NULL;
	struct tl_error err = {0};
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	snprintf(id, sizeof(id), "%s",
		 add(st, TL_K_UNIT, "name", "Äldreförvaltningen", "kind",
		     "administration", NULL));
	add(st, TL_K_PERSON, "name", "Åsa Öberg", "kind", "employee",
	    "unit", id, "title", "Enhetschef med \"citat\" och \\", NULL);
	assert_int_equal(tl_store_get(st, TL_K_UNIT, id, &r, &err), TL_OK);
	assert_non_null(r);
	assert_string_equal(r->values[tl_entity_field(r->e, "name")],
			    "Äldreförvaltningen");
	assert_string_equal(r->values[tl_entity_field(r->e, "status")],
			    "active");
	tl_record_free(r);
	/* A reference to nothing: the store refuses it first; written
	 * past the store (as an import's rows are), the commit refuses it,
	 * naming the record. */
	r = tl_record_new(TL_K_PERSON);
	tl_record_set(r, tl_entity_field(r->e, "name"), "Bo");
	tl_record_set(r, tl_entity_field(r->e, "kind"), "employee");
	tl_record_set(r, tl_entity_field(r->e, "unit"),
		      "00000000-0000-4000-8000-000000000000");
	assert_int_not_equal(tl_store_insert(st, r, &err), TL_OK);
	snprintf(r->id, sizeof(r->id), "11111111-1111-4111-8111-111111111111");
	snprintf(r->created_at, sizeof(r->created_at), "2026-11-23T09:00:00Z");
	snprintf(r->updated_at, sizeof(r->updated_at), "2026-11-23T09:00:00Z");
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	if (tl_pg_insert(st, r, &err) != TL_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(tl_store_commit(st, &err), TL_EREFUSED);
	if (!strstr(err.msg, "11111111-1111-4111-8111-111111111111 refers to "
		    "a unit that does not exist"))
		fail_msg("%s", err.msg);
	tl_record_free(r);
	r = NULL;
	/* And nothing of it was kept. */
	assert_int_equal(tl_store_get(st, TL_K_PERSON,
				      "11111111-1111-4111-8111-111111111111",
				      &r, &err), TL_ENOTFOUND);
	tl_record_free(r);
	tl_store_close(st);
}

static void test_audit_is_append_only(void **state)
{
	char c[512];
	struct tl_store *st;
	PGresult *res;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	add(st, TL_K_UNIT, "name", "Kommunstyrelsen", "kind", "board", NULL);
	tl_store_close(st);
	res = raw(c, "UPDATE audit SET os_user = 'x'");
	assert_int_equal(PQresultStatus(res), PGRES_FATAL_ERROR);
	assert_string_equal(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
			    "the audit log is append-only");
	PQclear(res);
	assert_false(raw_ok(c, "DELETE FROM audit"));
	res = raw(c, "SELECT count(*) FROM audit");
	assert_true(atoi(PQgetvalue(res, 0, 0)) >= 1);
	PQclear(res);
}

static void test_signed_meeting_is_locked(void **state)
{
	char c[512], m[TL_ID_LEN + 1], sql[200];
	struct tl_store *st;
	struct tl_error err = {0};
	PGresult *res;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	snprintf(m, sizeof(m), "%s",
		 add(st, TL_K_MEETING, "title", "Nämndsmöte", "kind",
		     "dialogue", "starts_at", "2026-11-20 09:00", NULL));
	add(st, TL_K_ITEM, "meeting", m, "title", "Budget", NULL);
	assert_int_equal(tl_pg_mark_signed(st, m, &err), TL_OK);
	tl_store_close(st);
	/* Behind tillit's back: the triggers hold. */
	snprintf(sql, sizeof(sql), "UPDATE items SET title = 'x' WHERE "
		 "meeting = '%s'", m);
	res = raw(c, sql);
	assert_string_equal(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
			    "the meeting is signed and locked");
	PQclear(res);
	snprintf(sql, sizeof(sql), "DELETE FROM meetings WHERE id = '%s'", m);
	assert_false(raw_ok(c, sql));
}

static void test_sees_other_programs_commits(void **state)
{
	char c[512];
	struct tl_store *a, *b = NULL;
	struct tl_error err = {0};
	long before = 0, after = 0, mine = 0;
	(void)state;
	NEED_SERVER();

	a = open_new(c, sizeof(c));
	assert_int_equal(tl_store_open(c, 0, &b, &err), TL_OK);
	assert_int_equal(tl_store_change_count(a, &before, &err), TL_OK);
	/* Its own writes do not count; the other's do. */
	add(a, TL_K_UNIT, "name", "Egen", "kind", "team", NULL);
	assert_int_equal(tl_store_change_count(a, &mine, &err), TL_OK);
	assert_int_equal(mine, before);
	add(b, TL_K_UNIT, "name", "Annan", "kind", "team", NULL);
	for (int i = 0; i < 100 && after == before; i++) {
		usleep(10000);
		assert_int_equal(tl_store_change_count(a, &after, &err),
				 TL_OK);
	}
	assert_true(after > before);
	tl_store_close(a);
	tl_store_close(b);
}

static void test_reconnects_after_a_lost_connection(void **state)
{
	char c[512], sql[160];
	struct tl_store *st;
	struct tl_error err = {0};
	struct tl_record *r = NULL;
	const char *id;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	id = add(st, TL_K_UNIT, "name", "Före", "kind", "team", NULL);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%d)",
		 PQbackendPID(tl_pg(st)->conn));
	assert_true(raw_ok(server(), sql));
	/* Nothing was under way: the next read connects again. */
	assert_int_equal(tl_store_get(st, TL_K_UNIT, id, &r, &err), TL_OK);
	assert_non_null(r);
	tl_record_free(r);
	/* Inside a change the change is lost, in one sentence. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%d)",
		 PQbackendPID(tl_pg(st)->conn));
	assert_true(raw_ok(server(), sql));
	assert_int_equal(tl_store_get(st, TL_K_UNIT, id, &r, &err), TL_EDB);
	assert_non_null(strstr(err.msg, "connection"));
	assert_null(strstr(err.msg, "user=")); /* never the string */
	tl_store_rollback(st);
	assert_int_equal(tl_store_get(st, TL_K_UNIT, id, &r, &err), TL_OK);
	tl_record_free(r);
	tl_store_close(st);
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
	while ((name = va_arg(ap, const char *)))
		tl_record_set(r, tl_entity_field(r->e, name),
			      va_arg(ap, const char *));
	va_end(ap);
	return r;
}

static void test_bulk_load_streams_rows_intact(void **state)
{
	char c[512], unit[TL_ID_LEN + 1], hash[65], sql[200], indexes[16];
	struct tl_store *st;
	struct tl_bulk *b = NULL;
	struct tl_error err = {0};
	struct tl_record *r, *back = NULL;
	struct tl_audit_break brk;
	const char *odd = "Tab\there, ny\nrad, \\ bakstreck, åäö 🎉";
	long rows = 0;
	bool dup = false;
	PGresult *res;
	(void)state;
	NEED_SERVER();

	st = open_new(c, sizeof(c));
	res = raw(c, "SELECT count(*) FROM pg_indexes WHERE tablename = "
		  "'people'");
	snprintf(indexes, sizeof(indexes), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	r = rec(TL_K_UNIT, "name", "Förvaltningen", "kind", "administration",
		NULL);
	snprintf(unit, sizeof(unit), "%s", r->id);
	assert_int_equal(tl_bulk_add(b, r, &err), TL_OK);
	tl_record_free(r);
	for (int i = 0; i < 3000; i++) {
		char name[40];

		snprintf(name, sizeof(name), "Person %04d", i);
		r = rec(TL_K_PERSON, "name", name, "kind", "employee",
			"unit", unit, NULL);
		if (tl_bulk_add(b, r, &err) != TL_OK)
			fail_msg("%s", err.msg);
		tl_record_free(r);
	}
	r = rec(TL_K_MEETING, "title", "Möte", "kind", "dialogue",
		"starts_at", "2026-11-20 09:00", "notes", odd, NULL);
	if (tl_bulk_add(b, r, &err) != TL_OK)
		fail_msg("%s", err.msg);
	/* The same id again: refused at once, as a duplicate. */
	assert_int_not_equal(tl_bulk_import(b, r, &dup, &err), TL_OK);
	assert_true(dup);
	tl_bulk_abort(b);
	b = NULL;
	/* Nothing of an aborted load stays, and the schema is whole. */
	res = raw(c, "SELECT (SELECT count(*) FROM people), (SELECT count(*) "
		  "FROM pg_indexes WHERE tablename = 'people'), (SELECT "
		  "count(*) FROM pg_trigger WHERE tgenabled = 'D')");
	assert_string_equal(PQgetvalue(res, 0, 0), "0");
	assert_string_equal(PQgetvalue(res, 0, 1), indexes);
	assert_string_equal(PQgetvalue(res, 0, 2), "0");
	PQclear(res);

	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	r->values[tl_entity_field(r->e, "unit")] = NULL;
	assert_int_equal(tl_bulk_add(b, r, &err), TL_OK);
	for (int i = 0; i < 2000; i++) {
		struct tl_record *p = rec(TL_K_PERSON, "name", "Åsa",
					  "kind", "employee", NULL);
		assert_int_equal(tl_bulk_add(b, p, &err), TL_OK);
		tl_record_free(p);
	}
	if (tl_bulk_end(b, &err) != TL_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(tl_store_get(st, TL_K_MEETING, r->id, &back, &err),
			 TL_OK);
	assert_string_equal(back->values[tl_entity_field(back->e, "notes")],
			    odd);
	tl_record_free(back);
	/* One create row a record, chained. */
	assert_int_equal(tl_store_audit_check(st, &rows, &brk, hash, &err),
			 TL_OK);
	assert_int_equal(rows, 2001);
	assert_int_equal(brk.fault, TL_AUDIT_WHOLE);
	res = raw(c, "SELECT (SELECT count(*) FROM pg_indexes WHERE "
		  "tablename = 'people'), (SELECT count(*) FROM pg_trigger "
		  "WHERE tgenabled = 'D')");
	assert_string_equal(PQgetvalue(res, 0, 0), indexes);
	assert_string_equal(PQgetvalue(res, 0, 1), "0");
	PQclear(res);

	/* A reference to nothing fails the load, naming the record. */
	assert_int_equal(tl_bulk_begin(st, &b, &err), TL_OK);
	tl_record_free(r);
	r = rec(TL_K_ITEM, "meeting", "00000000-0000-4000-8000-00000000abcd",
		"title", "Lös", "number", "1", NULL);
	assert_int_equal(tl_bulk_add(b, r, &err), TL_OK);
	assert_int_not_equal(tl_bulk_end(b, &err), TL_OK);
	snprintf(sql, sizeof(sql), "%s refers to a meeting", r->id);
	if (!strstr(err.msg, sql))
		fail_msg("%s", err.msg);
	tl_record_free(r);
	tl_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conninfo_chooses_the_engine),
		cmocka_unit_test(test_empty_database_needs_init),
		cmocka_unit_test(test_refuses_others_and_newer),
		cmocka_unit_test(test_records_round_trip),
		cmocka_unit_test(test_audit_is_append_only),
		cmocka_unit_test(test_signed_meeting_is_locked),
		cmocka_unit_test(test_sees_other_programs_commits),
		cmocka_unit_test(test_reconnects_after_a_lost_connection),
		cmocka_unit_test(test_bulk_load_streams_rows_intact),
	};
	return cmocka_run_group_tests_name("pg", tests, setup_env,
					   teardown_env);
}
