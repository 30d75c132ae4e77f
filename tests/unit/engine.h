/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * engine.h - which engine a store test runs on.  test_db() is where a
 * test opens a new, empty store: ":memory:" (SQLite), or, when
 * TILLIT_TEST_BACKEND is "pg" and TILLIT_TEST_PG names a server, a new
 * PostgreSQL database of the test's own on that server.  make test runs
 * the store's tests both ways (tests/run.sh).  Not a module: included by
 * the tests that use it.
 */
#ifndef TILLIT_TEST_ENGINE_H
#define TILLIT_TEST_ENGINE_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether the tests run on PostgreSQL. */
static inline int test_on_pg(void)
{
	const char *be = getenv("TILLIT_TEST_BACKEND");
	const char *pg = getenv("TILLIT_TEST_PG");

	return be && !strcmp(be, "pg") && pg && *pg;
}

/* A new empty database: ":memory:", or a connection string to a new
 * PostgreSQL database.  The string lives until the next call. */
static inline const char *test_db(void)
{
	static char where[480];
	static int n;
	char sql[96];
	PGconn *c;
	PGresult *res;
	int ok;

	if (!test_on_pg())
		return ":memory:";
	snprintf(sql, sizeof(sql), "CREATE DATABASE tl_t_%d_%d",
		 (int)getpid(), ++n);
	c = PQconnectdb(getenv("TILLIT_TEST_PG"));
	res = PQexec(c, sql);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "engine.h: %s: %s", sql, PQerrorMessage(c));
	PQclear(res);
	PQfinish(c);
	if (!ok)
		abort();
	snprintf(where, sizeof(where), "%s dbname=tl_t_%d_%d",
		 getenv("TILLIT_TEST_PG"), (int)getpid(), n);
	return where;
}

#endif
