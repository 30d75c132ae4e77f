/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * txn.c - the PostgreSQL engine's transactions: a write transaction
 * takes one advisory lock (writers queue instead of failing to
 * serialise), nested levels are savepoints, reads see one snapshot, and
 * the commit checks the deferred references first so that a failure can
 * name the record that points nowhere.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

enum tl_status tl_pg_begin(struct tl_store *st, int level,
			       struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc;

	tl_pg_settle(p);

	if (level > 1) {
		rc = tl_pg_exec(st, "SAVEPOINT tl", N_("saving"), err);
	} else {
		/* Outside a transaction a lost connection is made again. */
		if (PQstatus(p->conn) != CONNECTION_OK && !tl_pg_reconnect(st))
			return tl_pg_error(st, NULL, N_("saving"), err);
		rc = tl_pg_exec(st, "BEGIN; " TL_PG_WRITE_LOCK, N_("saving"), err);
		if (rc != TL_OK)
			PQclear(PQexec(p->conn, "ROLLBACK"));
	}
	if (rc == TL_OK)
		p->level = level;
	return rc;
}

/* Names the first record whose reference points nowhere: after the
 * deferred checks failed at `res`, with the rows back as they were
 * before the checks. */
static enum tl_status explain_dangling(struct tl_store *st,
				       const PGresult *res,
				       struct tl_error *err)
{
	const char *table = PQresultErrorField(res, PG_DIAG_TABLE_NAME);
	const char *name = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
	const struct tl_entity *e = table ? tl_entity_find(table) : NULL;
	const struct tl_entity *to = NULL;
	const char *column = NULL;
	char sql[400], id[TL_ID_LEN + 1] = "?";
	PGresult *q;

	/* PostgreSQL names a reference TABLE_COLUMN_fkey. */
	for (int i = 0; e && name && i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		size_t tl = strlen(e->plural), fl = strlen(f->name);

		if (f->type == TL_FT_REF && !strncmp(name, e->plural, tl) &&
		    name[tl] == '_' && !strncmp(name + tl + 1, f->name, fl) &&
		    !strcmp(name + tl + 1 + fl, "_fkey")) {
			column = f->name;
			to = tl_entity_get(f->ref);
		}
	}
	if (!e || !column)
		return tl_pg_error(st, res, N_("saving"), err);
	snprintf(sql, sizeof(sql), "SELECT t.id FROM %s t WHERE t.%s IS NOT "
		 "NULL AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.id = t.%s) "
		 "LIMIT 1", e->plural, column, to->plural, column);
	q = PQexec(tl_pg(st)->conn, sql);
	if (tl_pg_result_ok(q) && PQntuples(q) == 1)
		snprintf(id, sizeof(id), "%s", PQgetvalue(q, 0, 0));
	PQclear(q);
	return tl_error_set(err, TL_EREFUSED, _("The %s %s refers to a %s "
			    "that does not exist; nothing was saved."),
			    _(e->label), id, _(to->label));
}

/*
 * Checks the deferred references, then runs `then` when they hold: all
 * in one round trip.  Inside a savepoint, so that a failure can still say
 * which record was wrong: its rows are back once the savepoint is undone.
 */
static enum tl_status check_then(struct tl_store *st, const char *then,
				 struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc = TL_OK;
	char sql[160];
	PGresult *res;

	snprintf(sql, sizeof(sql), "SAVEPOINT tl_check; SET CONSTRAINTS ALL "
		 "IMMEDIATE; %s", then);
	res = PQexec(p->conn, sql);
	if (!tl_pg_result_ok(res) && !strcmp(tl_pg_sqlstate(res), "23503") &&
	    PQtransactionStatus(p->conn) == PQTRANS_INERROR) {
		PQclear(PQexec(p->conn, "ROLLBACK TO tl_check"));
		rc = explain_dangling(st, res, err);
	} else if (!tl_pg_result_ok(res)) {
		rc = tl_pg_error(st, res, N_("saving"), err);
	}
	PQclear(res);
	return rc;
}

enum tl_status tl_pg_check_references(struct tl_store *st,
				      struct tl_error *err)
{
	return check_then(st, "SET CONSTRAINTS ALL DEFERRED; RELEASE "
			  "tl_check", err);
}

enum tl_status tl_pg_commit(struct tl_store *st, int level,
			    struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc;

	tl_pg_settle(p);

	if (level > 1) {
		rc = tl_pg_exec(st, "RELEASE tl", N_("saving"), err);
		if (rc == TL_OK)
			p->level = level - 1;
		return rc;
	}
	/* The deferred references first, so that a failure names the
	 * record; then what a bulk load left for the commit, if anything;
	 * then the commit, with the check when nothing was left. */
	if (p->at_commit) {
		rc = tl_pg_check_references(st, err);
		if (rc == TL_OK)
			rc = tl_pg_exec(st, p->at_commit, N_("saving"), err);
		if (rc == TL_OK)
			rc = tl_pg_exec(st, "COMMIT", N_("saving"), err);
	} else {
		rc = check_then(st, "COMMIT", err);
	}
	free(p->at_commit);
	p->at_commit = NULL;
	if (rc != TL_OK)
		PQclear(PQexec(p->conn, "ROLLBACK"));
	p->level = 0;
	return rc;
}

void tl_pg_rollback(struct tl_store *st, int level)
{
	struct tl_pg *p = tl_pg(st);

	tl_pg_settle(p);
	if (level == 1) {
		/* What it was to undo goes with the transaction. */
		free(p->at_commit);
		p->at_commit = NULL;
	}
	PQclear(PQexec(p->conn, level > 1 ? "ROLLBACK TO tl; RELEASE tl"
					  : "ROLLBACK"));
	p->level = level - 1;
}

enum tl_status tl_pg_read_begin(struct tl_store *st,
				    struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc;

	tl_pg_settle(p);

	if (PQstatus(p->conn) != CONNECTION_OK && !tl_pg_reconnect(st))
		return tl_pg_error(st, NULL, N_("reading"), err);
	rc = tl_pg_exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
			N_("reading"), err);
	p->reading = rc == TL_OK;
	return rc;
}

void tl_pg_read_end(struct tl_store *st)
{
	struct tl_pg *p = tl_pg(st);

	tl_pg_settle(p);
	PQclear(PQexec(p->conn, "COMMIT"));
	p->reading = false;
}

