/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_sqlite.c - the SQLite engine under the store (src/store/sqlite/):
 * the file it creates (0600, WAL, its schema version), the files it
 * refuses untouched (a newer schema, not a database), that every list a
 * screen shows runs on an index (its query plans), that the audit log's
 * triggers keep it append-only and its hash chain shows what was done
 * behind them, and that its schema agrees with the model and the rules
 * (full-text tables, lock triggers).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/store/audit.h"
#include "tillit/store/store.h"
#include "tillit/core/model.h"
/* The SQLite engine's own header: its query plans and schema. */
#include "../../src/store/sqlite/sqlite.h"
#include "downgrade.h"
/* The rules every engine obeys: which kinds signing locks. */
#include "../../src/store/rules.h"
#include "store_fixture.h"

static char *slurp(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)*len + 1);
	assert_int_equal(fread(buf, 1, (size_t)*len, f), (size_t)*len);
	fclose(f);
	return buf;
}

static void test_create_file_0600_and_folder(void **state)
{
	char path[400];
	struct tl_store *st = NULL;
	struct tl_error err;
	struct stat sb;
	(void)state;

	snprintf(path, sizeof(path), "%s/new/deeper/t.db", tmpdir);
	assert_int_equal(tl_store_open(path, 0, &st, &err), TL_ENOTFOUND);
	assert_int_equal(stat(path, &sb), -1);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err), TL_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	tl_store_close(st);

	/* WAL, and the schema version. */
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), TL_SCHEMA_VERSION);
	sqlite3_finalize(s);
	sqlite3_close(db);

	/* Opening again keeps the data and does not migrate twice. */
	assert_int_equal(tl_store_open(path, 0, &st, &err), TL_OK);
	tl_store_close(st);
}

static void test_refuses_newer_schema_untouched(void **state)
{
	char path[400];
	struct tl_store *st = NULL;
	struct tl_error err;
	sqlite3 *db;
	long n1, n2;
	(void)state;

	snprintf(path, sizeof(path), "%s/newer.db", tmpdir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"PRAGMA application_id = 1414285652; CREATE TABLE t(x);"
		"PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	char *before = slurp(path, &n1);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err),
			 TL_EDB);
	assert_null(st);
	assert_non_null(strstr(err.msg, "newer"));
	char *after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, (size_t)n1);
	free(before);
	free(after);
}

static void test_refuses_non_database(void **state)
{
	char path[400];
	struct tl_store *st = NULL;
	struct tl_error err;
	FILE *f;
	(void)state;

	snprintf(path, sizeof(path), "%s/notes.txt", tmpdir);
	f = fopen(path, "w");
	fputs("Det här är ingen databas, bara en anteckning om mötet.\n"
	      "Den är lång nog för att SQLite ska läsa en sidhuvud.\n", f);
	for (int i = 0; i < 100; i++)
		fputs("rad rad rad rad rad rad rad rad rad rad\n", f);
	fclose(f);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err),
			 TL_EDB);
	assert_non_null(strstr(err.msg, path));

	/* An SQLite file of another program. */
	sqlite3 *db;
	snprintf(path, sizeof(path), "%s/other.db", tmpdir);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE recipes(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err),
			 TL_EDB);
	assert_non_null(strstr(err.msg, "not a tillit database"));
}

static void test_lists_use_indexes_at_100000(void **state)
{
	struct tl_store *st = mem_store();
	struct tl_error err;
	char owner[40], due[16];
	char *plan;
	(void)state;

	strcpy(owner, add(st, TL_K_PERSON, "name", "Märta", "kind", "employee",
			  NULL));
	/* 100,000 follow-ups through the store, in one transaction. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	for (int i = 0; i < 100000; i++) {
		struct tl_record *r = tl_record_new(TL_K_FOLLOWUP);
		snprintf(due, sizeof(due), "2026-%02d-%02d", 1 + i % 12,
			 1 + i % 28);
		tl_record_set(r, TL_FOLLOWUP_TEXT, "Följ upp");
		tl_record_set(r, TL_FOLLOWUP_OWNER, owner);
		tl_record_set(r, TL_FOLLOWUP_DUE, due);
		assert_int_equal(tl_store_insert(st, r, &err), TL_OK);
		tl_record_free(r);
	}
	assert_int_equal(tl_store_commit(st, &err), TL_OK);

	struct tl_query qs[] = {
		{.kind = TL_K_FOLLOWUP},
		{.kind = TL_K_FOLLOWUP, .owner = owner},
		{.kind = TL_K_FOLLOWUP, .open = true},
		{.kind = TL_K_FOLLOWUP, .owner = owner, .open = true},
		{.kind = TL_K_FOLLOWUP, .overdue = true},
		{.kind = TL_K_FOLLOWUP, .due_before = "2026-12-01"},
		{.kind = TL_K_FOLLOWUP, .kindv = "result"},
	};
	for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
		assert_int_equal(tl_sqlite_explain(st, &qs[i], &plan, &err),
				 TL_OK);
		if (strstr(plan, "TEMP B-TREE") || !strstr(plan, "INDEX"))
			fail_msg("query %zu sorts or scans:\n%s", i, plan);
		free(plan);
	}

	/* The first page reads about a page of rows, not 100,000. */
	struct tl_page page = {0};
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .owner = owner,
			     .open = true, .limit = 50};
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_int_equal(page.n, 50);
	assert_true(page.more);
	tl_page_done(&page);
	tl_store_close(st);
}

/*
 * The meeting view lists the open follow-ups of the meeting's series:
 * they must be found through the series' meetings, not by walking every
 * open follow-up in due order (the status index), which at the large
 * tier reads most of a million rows for one meeting.
 */
static void test_series_followups_go_through_meetings(void **state)
{
	struct tl_store *st = mem_store();
	struct tl_error err;
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .open = true,
			     .series = "00000000-0000-4000-8000-000000000000"};
	char *plan;
	(void)state;

	assert_int_equal(tl_sqlite_explain(st, &q, &plan, &err), TL_OK);
	if (!strstr(plan, "followups_meeting") || strstr(plan, "status"))
		fail_msg("a series' follow-ups are not found through its "
			 "meetings:\n%s", plan);
	free(plan);
	tl_store_close(st);
}

static void test_every_list_query_is_served_by_an_index(void **state)
{
	struct tl_store *st = mem_store();
	struct tl_error err;
	const char *x = "00000000-0000-4000-8000-000000000000";
	(void)state;

	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		struct tl_query qs[8];
		int nq = 0;
		qs[nq++] = (struct tl_query){.kind = e->kind};
		if (e->owner >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind, .owner = x};
		if (e->unit >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind, .unit = x};
		if (e->kindf >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind, .kindv = "a"};
		if (e->status >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind, .status = "a"};
		if (e->parent >= 0)
			qs[nq++] = (struct tl_query){.kind = e->kind, .parent = x};
		for (int i = 0; i < nq; i++) {
			char *plan;
			assert_int_equal(tl_sqlite_explain(st, &qs[i], &plan,
							  &err), TL_OK);
			if (strstr(plan, "TEMP B-TREE"))
				fail_msg("%s query %d sorts:\n%s", e->plural, i,
					 plan);
			free(plan);
		}
	}
	tl_store_close(st);
}

/* The plan of q, which must hold `want` and not `unwanted` (or NULL). */
static void plan_has(struct tl_store *st, const struct tl_query *q,
		     const char *what, const char *want, const char *unwanted)
{
	struct tl_error err;
	char *plan;

	assert_int_equal(tl_sqlite_explain(st, q, &plan, &err), TL_OK);
	if (!strstr(plan, want) || (unwanted && strstr(plan, unwanted)))
		fail_msg("%s: wanted %s%s%s:\n%s", what, want,
			 unwanted ? ", not " : "", unwanted ? unwanted : "",
			 plan);
	free(plan);
}

/*
 * The Overview's lists cost about the same before, inside and long after
 * the dates in the database.  "Mandates expiring within 30 days" (open,
 * valid_until before a date, sorted by matter) sorts the rows of its
 * range while they are few, and walks the matter order when they are
 * many: a year after the data's dates every active mandate is in it, and
 * sorting them all took 190 ms at the large tier.  Both plans give the
 * same rows.  A person's frames and mandates are found through the
 * person, not by walking every open one (80 ms at any date).
 */
static void test_overview_lists_at_any_date(void **state)
{
	struct tl_store *st = mem_store();
	struct tl_error err;
	char person[TL_ID_LEN + 1], matter[32], until[40];
	struct tl_page page = {0};
	(void)state;

	strcpy(person, add(st, TL_K_PERSON, "name", "Märta", "kind",
			   "manager", NULL));
	/* 600 mandates, one expiring each day from 2026-01-01 (months of
	 * 30 days); their matters run the other way, so that the two orders
	 * differ. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	for (int i = 0; i < 600; i++) {
		int y = 2026 + i / 360, m = 1 + i / 30 % 12, d = 1 + i % 30;
		snprintf(matter, sizeof(matter), "Ärende %03d", 599 - i);
		snprintf(until, sizeof(until), "%04d-%02d-%02d", y,
			 m == 2 && d > 28 ? 3 : m, m == 2 && d > 28 ? d - 28
								   : d);
		add(st, TL_K_MANDATE, "matter", matter, "given_to", person,
		    "given_by_person", person, "level", "3", "valid_from",
		    "2025-01-01", "valid_until", until, NULL);
	}
	assert_int_equal(tl_store_commit(st, &err), TL_OK);

	/* Before: 5 in the range, sorted. */
	struct tl_query few = {.kind = TL_K_MANDATE, .open = true,
			       .due_before = "2026-01-06", .limit = 6};
	plan_has(st, &few, "a short range", "valid_until<", NULL);
	assert_int_equal(tl_store_list(st, &few, &page, &err), TL_OK);
	assert_int_equal(page.n, 5);
	assert_string_equal(tl_record_get(page.recs[0], TL_MANDATE_MATTER),
			    "Ärende 595");
	tl_page_done(&page);

	/* After: all 600 in the range, walked in matter order. */
	struct tl_query many = {.kind = TL_K_MANDATE, .open = true,
				.due_before = "2028-01-01", .limit = 6};
	plan_has(st, &many, "a long range", "mandates_status", "TEMP B-TREE");
	assert_int_equal(tl_store_list(st, &many, &page, &err), TL_OK);
	assert_int_equal(page.n, 6);
	assert_true(page.more);
	assert_string_equal(tl_record_get(page.recs[0], TL_MANDATE_MATTER),
			    "Ärende 000");
	assert_string_equal(tl_record_get(page.recs[5], TL_MANDATE_MATTER),
			    "Ärende 005");
	tl_page_done(&page);
	/* Inside: 280 in the range, walked; the rows a sort gives. */
	many.due_before = "2026-10-11";
	assert_int_equal(tl_store_list(st, &many, &page, &err), TL_OK);
	assert_int_equal(page.n, 6);
	assert_string_equal(tl_record_get(page.recs[0], TL_MANDATE_MATTER),
			    "Ärende 320");
	tl_page_done(&page);

	/* A person's own: through the person, at any date. */
	struct tl_query mine[] = {
		{.kind = TL_K_MANDATE, .owner = person, .open = true,
		 .due_before = "2028-01-01"},
		{.kind = TL_K_MANDATE, .owner = person, .open = true},
		{.kind = TL_K_FRAME, .owner = person, .open = true,
		 .unacked = true},
		{.kind = TL_K_FRAME, .owner = person, .open = true},
	};
	plan_has(st, &mine[0], "my mandates expiring", "mandates_given_to",
		 "TEMP B-TREE");
	plan_has(st, &mine[1], "my mandates", "mandates_given_to", NULL);
	plan_has(st, &mine[2], "my frames to acknowledge",
		 "frames_holder_person", NULL);
	plan_has(st, &mine[3], "my frames", "frames_holder_person", NULL);
	/* Follow-ups keep their index on (owner, status, due). */
	struct tl_query my_fu = {.kind = TL_K_FOLLOWUP, .owner = person,
				 .open = true, .due_before = "2026-12-01"};
	plan_has(st, &my_fu, "my follow-ups due", "followups_owner_status",
		 NULL);
	tl_store_close(st);
}

static void test_audit_log_is_append_only(void **state)
{
	char path[400];
	struct tl_store *st = NULL;
	struct tl_error err;
	sqlite3 *db;
	(void)state;

	snprintf(path, sizeof(path), "%s/audit.db", tmpdir);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err), TL_OK);
	add(st, TL_K_UNIT, "name", "Kommunstyrelsen", "kind", "board", NULL);
	tl_store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET os_user = 'x'",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL,
					  NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Runs sql on the file at path in a connection of its own. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

/* Runs sql on the file at path with the audit log's triggers dropped,
 * as someone who can write the file could. */
static void tamper(const char *path, const char *sql)
{
	raw_exec(path, "DROP TRIGGER audit_no_update; DROP TRIGGER "
		 "audit_no_delete");
	raw_exec(path, sql);
}

/* Where the chain of the file at path breaks. */
static struct tl_audit_break check_chain(const char *path, long *rows)
{
	struct tl_audit_break brk;
	struct tl_store *st = NULL;
	struct tl_error err;

	assert_int_equal(tl_store_open(path, TL_OPEN_READONLY, &st, &err),
			 TL_OK);
	assert_int_equal(tl_store_audit_check(st, rows, &brk, NULL, &err),
			 TL_OK);
	tl_store_close(st);
	return brk;
}

static void test_audit_chain_shows_tampering(void **state)
{
	static const struct {
		const char *sql;
		enum tl_audit_fault fault;
		long long seq, after;
	} cases[] = {
		{"UPDATE audit SET old_value = 'x' WHERE seq = 4",
		 TL_AUDIT_CHANGED, 4, 3},
		{"UPDATE audit SET at = '2026-01-01T00:00:00Z' WHERE seq = 9",
		 TL_AUDIT_CHANGED, 9, 8},
		{"DELETE FROM audit WHERE seq = 6", TL_AUDIT_MISSING, 7, 5},
		{"DELETE FROM audit WHERE seq = 1", TL_AUDIT_MISSING, 2, 0},
		{"UPDATE audit SET prev = hash WHERE seq = 1",
		 TL_AUDIT_UNSTARTED, 1, 0},
		{"UPDATE audit SET prev = (SELECT hash FROM audit WHERE "
		 "seq = 2) WHERE seq = 5", TL_AUDIT_UNLINKED, 5, 4},
		/* A NUL byte hides what follows it from C: still seen. */
		{"UPDATE audit SET new_value = new_value || CAST(x'00' AS "
		 "TEXT) || 'mer' WHERE seq = 3", TL_AUDIT_CHANGED, 3, 2},
		{"UPDATE audit SET hash = hash || '0' WHERE seq = 7",
		 TL_AUDIT_CHANGED, 7, 6},
	};
	char path[400], copy[400], cmd[1700];
	struct tl_audit_break brk;
	struct tl_store *st = NULL;
	struct tl_error err;
	long rows = 0;
	(void)state;

	snprintf(path, sizeof(path), "%s/chain.db", tmpdir);
	snprintf(copy, sizeof(copy), "%s/chain-copy.db", tmpdir);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err), TL_OK);
	for (int i = 0; i < 10; i++)
		add(st, TL_K_UNIT, "name", "Nämnd", "kind", "board", NULL);
	tl_store_close(st);
	/* Everything into the file itself, which is then copied. */
	raw_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)");
	brk = check_chain(path, &rows);
	assert_int_equal(brk.fault, TL_AUDIT_WHOLE);
	assert_int_equal(rows, 10);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(cmd, sizeof(cmd), "cp '%s' '%s' && rm -f '%s-wal' "
			 "'%s-shm'", path, copy, copy, copy);
		assert_int_equal(system(cmd), 0);
		tamper(copy, cases[i].sql);
		brk = check_chain(copy, NULL);
		if (brk.fault != cases[i].fault || brk.seq != cases[i].seq ||
		    brk.after != cases[i].after)
			fail_msg("%s: fault %d at %lld after %lld", cases[i].sql,
				 brk.fault, brk.seq, brk.after);
		assert_string_equal(brk.entity, "units");
		assert_int_equal(strlen(brk.id), TL_ID_LEN);
	}
}

/* tl_audit_chain() links rows in the window's order and nothing else. */
static void test_chain_function(void **state)
{
	struct tl_store *st = NULL;
	struct tl_error err;
	sqlite3_stmt *s;
	sqlite3 *db;
	(void)state;

	assert_int_equal(tl_store_open(":memory:", TL_OPEN_CREATE, &st, &err),
			 TL_OK);
	db = tl_sq(st)->db;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT tl_audit_chain(?1, seq, at, NULL, NULL, 'u', 'units', "
		"'0b9e2a4c-1f3d-4e5a-8b6c-7d8e9f0a1b2c', 'create', NULL, NULL, "
		"'x') OVER (ORDER BY seq ROWS BETWEEN 1 PRECEDING AND CURRENT "
		"ROW) FROM (SELECT 1 AS seq, '2026-11-23T09:00:00Z' AS at "
		"UNION ALL SELECT 2, '2026-11-23T09:00:00Z' UNION ALL SELECT "
		"3, '2026-11-23T09:00:00Z')", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, TL_AUDIT_ZERO, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	/* A frame that lets rows go is no chain. */
	assert_non_null(strstr(sqlite3_errmsg(db), "UNBOUNDED PRECEDING"));
	sqlite3_finalize(s);
	/* Only tillit's own statements call it, not a trigger in the file. */
	assert_int_not_equal(sqlite3_exec(db, "CREATE TEMP TRIGGER t AFTER "
					  "INSERT ON units BEGIN SELECT "
					  "tl_audit_chain('', 1, '', NULL, "
					  "NULL, '', '', '', '', NULL, NULL, "
					  "NULL) OVER (); END; INSERT INTO "
					  "units (id, created_at, updated_at, "
					  "name, kind) VALUES ('a', 'b', 'c', "
					  "'d', 'board')", NULL, NULL, NULL),
			     SQLITE_OK);
	tl_store_close(st);
}

/* One row of the SQLite schema's sqlite_master, or NULL (caller frees). */
static char *schema_sql(sqlite3 *db, const char *name)
{
	sqlite3_stmt *s;
	char *sql = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master "
					    "WHERE name = ?", -1, &s, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		sql = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return sql;
}

/*
 * Which fields are searchable is said once, by TL_FF_SEARCH in model.c.
 * The SQLite schema (forward-only migrations, which cannot be derived)
 * must agree: a full-text table with exactly those columns, in the
 * model's order, and its three triggers, for every kind with such a
 * field, and none for the others.
 */
static void test_full_text_schema_follows_the_model(void **state)
{
	struct tl_store *st = mem_store();
	sqlite3 *db = tl_sq(st)->db;
	sqlite3_stmt *s;
	int tables = 0, searchable = 0;
	(void)state;

	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		char name[80], cols[512] = "", news[512] = "", *sql;
		size_t cl = 0, nl = 0;
		int ncol = 0;

		for (int i = 0; i < e->nfields; i++) {
			if (!(e->fields[i].flags & TL_FF_SEARCH))
				continue;
			cl += (size_t)snprintf(cols + cl, sizeof(cols) - cl,
					       ", %s", e->fields[i].name);
			nl += (size_t)snprintf(news + nl, sizeof(news) - nl,
					       ", new.%s", e->fields[i].name);
			ncol++;
		}
		snprintf(name, sizeof(name), "%s_fts", e->plural);
		sql = schema_sql(db, name);
		if (!ncol) {
			if (sql)
				fail_msg("%s has a full-text table but no "
					 "searchable field", e->plural);
			continue;
		}
		searchable++;
		if (!sql)
			fail_msg("%s has searchable fields but no full-text "
				 "table", e->plural);
		free(sql);
		/* The table's columns are the searchable fields, in order. */
		char q[128];
		int c = 0;
		snprintf(q, sizeof(q),
			 "SELECT name FROM pragma_table_info('%s')", name);
		assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL),
				 SQLITE_OK);
		for (int i = 0; i < e->nfields; i++) {
			if (!(e->fields[i].flags & TL_FF_SEARCH))
				continue;
			assert_int_equal(sqlite3_step(s), SQLITE_ROW);
			assert_string_equal(sqlite3_column_text(s, 0),
					    e->fields[i].name);
			c++;
		}
		assert_int_equal(sqlite3_step(s), SQLITE_DONE);
		sqlite3_finalize(s);
		assert_int_equal(c, ncol);
		/* Its triggers keep exactly those columns. */
		const char *ends[] = {"ai", "ad", "au"};
		for (int t = 0; t < 3; t++) {
			char trig[96], want[1200];
			snprintf(trig, sizeof(trig), "%s_fts_%s", e->plural,
				 ends[t]);
			sql = schema_sql(db, trig);
			if (!sql)
				fail_msg("no trigger %s", trig);
			if (t == 1)
				snprintf(want, sizeof(want), "INSERT INTO "
					 "%s(%s, rowid%s) VALUES ('delete', "
					 "old.seq", name, name, cols);
			else
				snprintf(want, sizeof(want), "INSERT INTO "
					 "%s(rowid%s) VALUES (new.seq%s)",
					 name, cols, news);
			if (!strstr(sql, want))
				fail_msg("%s does not write %s:\n%s", trig,
					 want, sql);
			free(sql);
		}
	}
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		"AND sql LIKE 'CREATE VIRTUAL TABLE %fts5%'", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	tables = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	assert_int_equal(tables, searchable);
	tl_store_close(st);
}

/*
 * What signing locks is said once, by tl_rule_lock_field (rules.c).  The
 * SQLite schema's triggers refuse the same changes for any other program:
 * an insert, update and delete trigger on the meeting field of exactly
 * those kinds, and the meeting's own.
 */
static void test_lock_triggers_follow_the_rules(void **state)
{
	struct tl_store *st = mem_store();
	sqlite3 *db = tl_sq(st)->db;
	const char *ops[] = {"insert", "update", "delete"};
	(void)state;

	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		int f = tl_rule_lock_field(e);
		bool meeting = e->kind == TL_K_MEETING;

		for (int o = 0; o < 3; o++) {
			char trig[96], want[96], *sql;
			snprintf(trig, sizeof(trig), "%s_locked_%s", e->plural,
				 ops[o]);
			sql = schema_sql(db, trig);
			if (meeting) {
				/* A signed meeting itself: no insert is
				 * signed, every change of one is refused. */
				if ((o == 0) != !sql)
					fail_msg("%s: %s", trig, sql
						 ? "unexpected" : "missing");
				free(sql);
				continue;
			}
			if (f < 0) {
				if (sql)
					fail_msg("%s locks a kind that signing "
						 "leaves free", trig);
				continue;
			}
			if (!sql)
				fail_msg("no trigger %s", trig);
			snprintf(want, sizeof(want), "%s.%s",
				 o == 0 ? "NEW" : "OLD", e->fields[f].name);
			if (!strstr(sql, want))
				fail_msg("%s does not look at %s:\n%s", trig,
					 want, sql);
			free(sql);
		}
	}
	tl_store_close(st);
}

/*
 * A meeting under justering (held, with a signature) is locked like a
 * signed one (rules.c), except for what justering writes: the triggers
 * refuse changes on the meeting field of the same kinds, and look at the
 * meeting's signatures.  A signature may still be added (the other
 * signers) and removed (justering reopened), not changed; the meeting
 * may still become signed.
 */
static void test_justering_triggers_follow_the_rules(void **state)
{
	struct tl_store *st = mem_store();
	sqlite3 *db = tl_sq(st)->db;
	const char *ops[] = {"insert", "update", "delete"};
	(void)state;

	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		int f = tl_rule_lock_field(e);
		bool meeting = e->kind == TL_K_MEETING;
		bool signature = e->kind == TL_K_SIGNATURE;

		for (int o = 0; o < 3; o++) {
			char trig[96], want[96], *sql;
			bool expect = meeting ? o > 0
				    : signature ? o == 1 : f >= 0;

			snprintf(trig, sizeof(trig), "%s_justering_%s",
				 e->plural, ops[o]);
			sql = schema_sql(db, trig);
			if (expect != !!sql)
				fail_msg("%s: %s", trig, sql ? "unexpected"
							     : "missing");
			if (sql && !strstr(sql, "FROM signatures"))
				fail_msg("%s does not look at the signatures:"
					 "\n%s", trig, sql);
			if (sql && meeting && o == 1 &&
			    !strstr(sql, "NEW.status IS NOT 'signed'"))
				fail_msg("%s refuses the seal:\n%s", trig,
					 sql);
			snprintf(want, sizeof(want), "%s.%s",
				 o == 0 ? "NEW" : "OLD",
				 meeting ? "id" : f >= 0 ? e->fields[f].name
						     : "");
			if (sql && !strstr(sql, want))
				fail_msg("%s does not look at %s:\n%s", trig,
					 want, sql);
			free(sql);
		}
	}
	tl_store_close(st);
}

/* Runs sql on db: "" when it ran, else SQLite's message (static). */
static const char *raw(sqlite3 *db, const char *fmt, ...)
{
	static char msg[256];
	char sql[1024];
	char *e = NULL;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	msg[0] = '\0';
	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
		snprintf(msg, sizeof(msg), "%s", e ? e : "error");
	sqlite3_free(e);
	return msg;
}

/* The numbers of a meeting's items in number order, as "1 2 3". */
static const char *raw_numbers(sqlite3 *db, const char *meeting)
{
	static char buf[256];
	sqlite3_stmt *s;
	size_t len = 0;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT number FROM items "
		"WHERE meeting = ? ORDER BY number, id", -1, &s, NULL),
		SQLITE_OK);
	sqlite3_bind_text(s, 1, meeting, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW && len < sizeof(buf))
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%d",
					len ? " " : "",
					sqlite3_column_int(s, 0));
	sqlite3_finalize(s);
	return buf;
}

#define TWICE "the § number is already used by this committee in the same year"

/*
 * The database refuses an item number twice, whoever writes: within a
 * committee's year (an insert, an update, a committee meeting moved onto
 * another year's numbers) and within any other meeting; another year,
 * another committee or another dialogue may have the same number.
 */
static void test_number_triggers_refuse_a_number_twice(void **state)
{
	struct tl_store *st = mem_store();
	sqlite3 *db = tl_sq(st)->db;
	char bun[40], sn[40], a[40], b[40], c[40], d1[40], d2[40], it[40];
	(void)state;

	strcpy(bun, add(st, TL_K_UNIT, "name", "BUN", "kind", "committee",
			NULL));
	strcpy(sn, add(st, TL_K_UNIT, "name", "SN", "kind", "committee",
		       NULL));
	strcpy(a, add(st, TL_K_MEETING, "title", "A", "kind", "committee",
		      "unit", bun, "starts_at", "2026-03-10 18:00", NULL));
	strcpy(b, add(st, TL_K_MEETING, "title", "B", "kind", "committee",
		      "unit", bun, "starts_at", "2026-04-14 18:00", NULL));
	strcpy(c, add(st, TL_K_MEETING, "title", "C", "kind", "committee",
		      "unit", bun, "starts_at", "2027-01-12 18:00", NULL));
	strcpy(d1, add(st, TL_K_MEETING, "title", "D1", "kind", "dialogue",
		       "unit", bun, "starts_at", "2026-03-11 18:00", NULL));
	strcpy(d2, add(st, TL_K_MEETING, "title", "D2", "kind", "dialogue",
		       "unit", bun, "starts_at", "2026-03-12 18:00", NULL));
	add(st, TL_K_ITEM, "meeting", a, "title", "Ett", NULL);
	strcpy(it, add(st, TL_K_ITEM, "meeting", b, "title", "Två", NULL));
	add(st, TL_K_ITEM, "meeting", c, "title", "Ett", NULL);
	add(st, TL_K_ITEM, "meeting", d1, "title", "Ett", NULL);
	add(st, TL_K_ITEM, "meeting", d1, "title", "Två", NULL);
	add(st, TL_K_ITEM, "meeting", d2, "title", "Ett", NULL);
	assert_string_equal(raw_numbers(db, b), "2");

	assert_string_equal(raw(db, "UPDATE items SET number = 1 WHERE id = "
				"'%s'", it), TWICE);
	assert_string_equal(raw(db, "INSERT INTO items (id, created_at, "
		"updated_at, meeting, number, title) VALUES ('f0000000-0000-"
		"4000-8000-000000000001', 'x', 'x', '%s', 2, 'x')", a), TWICE);
	assert_string_equal(raw(db, "UPDATE meetings SET starts_at = "
				"'2027-02-01 18:00' WHERE id = '%s'", a),
			    TWICE);
	assert_string_equal(raw(db, "UPDATE items SET number = 2 WHERE "
				"meeting = '%s' AND number = 1", d1),
			    "the item number is already used in this meeting");
	/* Free numbers, other years, other committees. */
	assert_string_equal(raw(db, "UPDATE items SET number = 7 WHERE id = "
				"'%s'", it), "");
	assert_string_equal(raw(db, "UPDATE meetings SET unit = '%s' WHERE "
				"id = '%s'", sn, a), "");
	assert_string_equal(raw(db, "UPDATE meetings SET starts_at = "
				"'2027-02-01 18:00' WHERE id = '%s'", b), "");
	assert_string_equal(raw(db, "UPDATE items SET number = 3 WHERE "
				"meeting = '%s' AND number = 1", d1), "");
	tl_store_close(st);
}

/*
 * A file from before the number triggers, whose committee years repeat
 * numbers, still opens: the unsigned meetings after the last signed one
 * of such a year are numbered again, in date order; signed minutes and
 * years without a repeat keep theirs; from then on a repeat is refused.
 */
static void test_upgrade_renumbers_repeated_numbers(void **state)
{
	char path[400];
	struct tl_store *st = NULL;
	struct tl_error err;
	char ks[40], m[6][40];
	const char *starts[6] = {"2026-03-03 09:00", "2026-04-07 09:00",
				 "2026-05-05 09:00", "2026-06-09 09:00",
				 "2027-03-02 09:00", "2027-04-06 09:00"};
	sqlite3 *db;
	(void)state;

	snprintf(path, sizeof(path), "%s/repeats.db", tmpdir);
	assert_int_equal(tl_store_open(path, TL_OPEN_CREATE, &st, &err), TL_OK);
	strcpy(ks, add(st, TL_K_UNIT, "name", "KS", "kind", "committee",
		       NULL));
	for (int i = 0; i < 6; i++) {
		strcpy(m[i], add(st, TL_K_MEETING, "title", starts[i], "kind",
				 "committee", "unit", ks, "starts_at",
				 starts[i], NULL));
		for (int k = 0; k < (i == 0 ? 3 : 2); k++)
			add(st, TL_K_ITEM, "meeting", m[i], "title", "Ärende",
			    NULL);
	}
	tl_store_close(st);

	/* What the old rule left, in schema 8 (before the numbers'
	 * triggers): repeats, some of them signed. */
	tl_test_downgrade(path, 8);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_string_equal(raw(db, "UPDATE items SET number = number - 3 "
				"WHERE meeting IN ('%s', '%s')", m[1], m[2]),
			    "");
	assert_string_equal(raw(db, "UPDATE items SET number = number - 5 "
				"WHERE meeting = '%s'", m[3]), "");
	assert_string_equal(raw(db, "UPDATE items SET number = number + 2 "
				"WHERE meeting = '%s'", m[5]), "");
	assert_string_equal(raw(db, "UPDATE meetings SET status = 'signed' "
				"WHERE id IN ('%s', '%s')", m[0], m[1]), "");
	assert_string_equal(raw_numbers(db, m[1]), "1 2");
	assert_string_equal(raw_numbers(db, m[2]), "3 4");
	assert_string_equal(raw_numbers(db, m[3]), "3 4");
	sqlite3_close(db);

	assert_int_equal(tl_store_open(path, 0, &st, &err), TL_OK);
	db = tl_sq(st)->db;
	assert_string_equal(raw_numbers(db, m[0]), "1 2 3");
	assert_string_equal(raw_numbers(db, m[1]), "1 2");
	assert_string_equal(raw_numbers(db, m[2]), "4 5");
	assert_string_equal(raw_numbers(db, m[3]), "6 7");
	/* 2027 repeats nothing (a gap is no repeat): left as it was. */
	assert_string_equal(raw_numbers(db, m[4]), "1 2");
	assert_string_equal(raw_numbers(db, m[5]), "5 6");
	assert_string_equal(raw(db, "UPDATE items SET number = 4 WHERE "
				"meeting = '%s' AND number = 6", m[3]), TWICE);
	tl_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_file_0600_and_folder),
		cmocka_unit_test(test_refuses_newer_schema_untouched),
		cmocka_unit_test(test_refuses_non_database),
		cmocka_unit_test(test_lists_use_indexes_at_100000),
		cmocka_unit_test(test_every_list_query_is_served_by_an_index),
		cmocka_unit_test(test_series_followups_go_through_meetings),
		cmocka_unit_test(test_overview_lists_at_any_date),
		cmocka_unit_test(test_audit_log_is_append_only),
		cmocka_unit_test(test_audit_chain_shows_tampering),
		cmocka_unit_test(test_chain_function),
		cmocka_unit_test(test_full_text_schema_follows_the_model),
		cmocka_unit_test(test_lock_triggers_follow_the_rules),
		cmocka_unit_test(test_justering_triggers_follow_the_rules),
		cmocka_unit_test(test_number_triggers_refuse_a_number_twice),
		cmocka_unit_test(test_upgrade_renumbers_repeated_numbers),
	};
	return cmocka_run_group_tests_name("sqlite", tests, setup_env,
					   teardown_env);
}
