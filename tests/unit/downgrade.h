/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * downgrade.h - takes an SQLite database of tillit back to an older
 * schema, as a tillit of that time would have left it, so that tests can
 * check the upgrade from there: the reference is a database made here
 * from migrations 1 to N alone.  What the reference lacks is dropped
 * (views, triggers, indexes, tables, and columns added to its tables),
 * what it has and the database lacks or has differently is made as the
 * reference has it, and user_version is set to N.  Migrations that add
 * or drop tables, columns, views, indexes and triggers are undone this
 * way, so a new one needs no change here.  The data in dropped columns and
 * tables is lost, as it would not have been there.
 *
 * Used by the unit tests (with cmocka's asserts) and by the `downgrade`
 * tool (tests/unit/downgrade.c) that the shell tests run.
 */
#ifndef TILLIT_TESTS_DOWNGRADE_H
#define TILLIT_TESTS_DOWNGRADE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/sqlite/sqlite.h"

enum { TL_DG_MAX = 512 };

/* Runs sql on db, saying on stderr what failed. */
static void tl_dg_exec(sqlite3 *db, const char *sql)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		fprintf(stderr, "downgrade: %s: %.200s\n", sqlite3_errmsg(db),
			sql);
	assert_int_equal(rc, SQLITE_OK);
}

/* The schema objects (name and CREATE statement) of db, of one type. */
static int tl_dg_objects(sqlite3 *db, const char *type, char names[][64],
			 char **sqls, int max)
{
	sqlite3_stmt *s;
	int n = 0;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name, sql FROM "
		"sqlite_master WHERE type = ?1 AND sql IS NOT NULL ORDER BY "
		"(sql LIKE 'CREATE VIRTUAL%') DESC, name", -1, &s, NULL),
		SQLITE_OK);
	sqlite3_bind_text(s, 1, type, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW && n < max) {
		snprintf(names[n], 64, "%s", sqlite3_column_text(s, 0));
		sqls[n] = strdup((const char *)sqlite3_column_text(s, 1));
		n++;
	}
	sqlite3_finalize(s);
	assert_true(n < max);
	return n;
}

/* The index of name among n names, or -1. */
static int tl_dg_find(char names[][64], int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}

/* Drops the columns of `table` in db that ref's table of that name lacks
 * (what a later migration added to it). */
static void tl_dg_drop_columns(sqlite3 *ref, sqlite3 *db, const char *table)
{
	sqlite3_stmt *s;
	char sql[200];

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM "
		"pragma_table_info(?1)", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(s, 0);
		sqlite3_stmt *has;
		bool known;

		assert_int_equal(sqlite3_prepare_v2(ref, "SELECT 1 FROM "
			"pragma_table_info(?1) WHERE name = ?2", -1, &has,
			NULL), SQLITE_OK);
		sqlite3_bind_text(has, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(has, 2, col, -1, SQLITE_STATIC);
		known = sqlite3_step(has) == SQLITE_ROW;
		sqlite3_finalize(has);
		if (known)
			continue;
		snprintf(sql, sizeof(sql), "ALTER TABLE \"%.63s\" DROP COLUMN "
			 "\"%.63s\"", table, col);
		sqlite3_reset(s);
		tl_dg_exec(db, sql);
	}
	sqlite3_finalize(s);
}

/* Takes the database at path back to schema `version` (see above). */
static void tl_test_downgrade(const char *path, int version)
{
	/* Views first: they name the tables' columns. */
	static const char *const types[] = {"view", "trigger", "index",
					    "table"};
	static char ref_names[TL_DG_MAX][64], names[TL_DG_MAX][64];
	char *ref_sqls[TL_DG_MAX], *sqls[TL_DG_MAX], sql[200];
	sqlite3 *ref, *db;

	assert_true(version >= 1 && version <= TL_SCHEMA_VERSION);
	assert_int_equal(sqlite3_open(":memory:", &ref), SQLITE_OK);
	/* Migrations call the engine's SQL functions: 10 chains the log
	 * with tl_audit_chain(), 16 fills the sort keys with
	 * tl_sort_key(). */
	assert_int_equal(tl_sqlite_chain_register(ref), SQLITE_OK);
	assert_int_equal(tl_sqlite_sort_register(ref), SQLITE_OK);
	for (int v = 1; v <= version; v++)
		tl_dg_exec(ref, tl_sqlite_migrations[v]);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	tl_dg_exec(db, "PRAGMA foreign_keys = OFF");
	for (int t = 0; t < 4; t++) {
		int n1 = tl_dg_objects(ref, types[t], ref_names, ref_sqls,
				       TL_DG_MAX);
		int n = tl_dg_objects(db, types[t], names, sqls, TL_DG_MAX);

		for (int i = 0; i < n; i++) {
			int k = tl_dg_find(ref_names, n1, names[i]);

			if (t == 3 && k >= 0)
				tl_dg_drop_columns(ref, db, names[i]);
			/* A view, trigger or index a later migration made, or
			 * made anew: dropped, and made again as it was. */
			if (k < 0 || (t < 3 && strcmp(sqls[i], ref_sqls[k]))) {
				snprintf(sql, sizeof(sql),
					 "DROP %s IF EXISTS \"%.63s\"", types[t],
					 names[i]);
				tl_dg_exec(db, sql);
				names[i][0] = '\0';
			}
			free(sqls[i]);
		}
		for (int i = 0; i < n1; i++) {
			if (tl_dg_find(names, n, ref_names[i]) < 0)
				tl_dg_exec(db, ref_sqls[i]);
			free(ref_sqls[i]);
		}
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", version);
	tl_dg_exec(db, sql);
	sqlite3_close(db);
	sqlite3_close(ref);
}

#endif
