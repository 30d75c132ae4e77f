/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bulk_ddl.c - what a bulk load (bulk.c) takes off a table before its
 * first row and puts back at the end: the secondary indexes, the user
 * triggers and the references.
 *
 * Kept on, each of them costs a step per row: a random insert into every
 * index, a trigger call, and for a reference (deferred) a lookup with a
 * row lock on the referred record when the load commits; at a million
 * follow-ups with five references each that check alone took longer than
 * all the rows' COPY.  Put back at the end, an index is one sort and a
 * reference one join of the two tables (ALTER TABLE ... ADD CONSTRAINT
 * checks every row at once, as SQLite's foreign_key_check would).
 *
 * A reference is taken off only when the table it refers to was empty as
 * the load began: dropping it locks that table too, and one that held
 * records may be in use by others.  It stays on, checked row by row at
 * the commit, also when the server refuses to drop it (the referred table
 * has checks of this transaction waiting).  All of it is inside the
 * load's transaction: a failure leaves the schema as it was.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

/* What the joins and sorts at a load's end may use, for the rest of its
 * transaction: the parent's ids in one hash, an index's keys in one sort,
 * instead of batches and runs written out and read again. */
#define END_MEMORY "SET LOCAL work_mem = '256MB'; " \
	"SET LOCAL maintenance_work_mem = '512MB'"

struct tl_pg_kept {
	enum { KEPT_INDEX, KEPT_REF, KEPT_TRIGGERS } what;
	char *table;
	char *name;   /* the index or the reference, NULL for triggers */
	char *def;    /* CREATE INDEX ..., or FOREIGN KEY (...) ... */
	char *column; /* a reference's column */
	char *parent; /* the table a reference refers to */
};

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

/* Adds one thing to put back; the strings are copied (NULL stays). */
static enum tl_status keep(struct tl_pg_put_off *p, int what,
			   const char *table, const char *name,
			   const char *def, const char *column,
			   const char *parent, struct tl_error *err)
{
	struct tl_pg_kept *k;

	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 64;
		void *more = realloc(p->kept, sizeof(*p->kept) * (size_t)cap);

		if (!more)
			return oom(err);
		p->kept = more;
		p->cap = cap;
	}
	k = &p->kept[p->n];
	memset(k, 0, sizeof(*k));
	k->what = what;
	k->table = strdup(table);
	k->name = name ? strdup(name) : NULL;
	k->def = def ? strdup(def) : NULL;
	k->column = column ? strdup(column) : NULL;
	k->parent = parent ? strdup(parent) : NULL;
	p->n++;
	if (!k->table || (name && !k->name) || (def && !k->def) ||
	    (column && !k->column) || (parent && !k->parent))
		return oom(err);
	return TL_OK;
}

/* Runs sql inside a savepoint; true when it ran.  On a failure the
 * savepoint is undone and *res (when res is not NULL) keeps the failed
 * result for the caller (who PQclear()s it). */
static bool try_exec(struct tl_store *st, const char *sql, PGresult **res)
{
	PGconn *c = tl_pg(st)->conn;
	PGresult *r;
	bool ok;

	tl_pg_settle(tl_pg(st));
	PQclear(PQexec(c, "SAVEPOINT tl_bulk"));
	r = PQexec(c, sql);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(PQexec(c, ok ? "RELEASE tl_bulk"
			     : "ROLLBACK TO tl_bulk; RELEASE tl_bulk"));
	if (res && !ok)
		*res = r;
	else
		PQclear(r);
	return ok;
}

/* Whether the table `name` was empty as the load began (base: each
 * kind's largest seq then, 0 for none). */
static bool was_empty(const char *name, const long long *base)
{
	const struct tl_entity *e = tl_entity_find(name);

	return e && !strcmp(e->plural, name) && base[e->kind] == 0;
}

/* The table's references to tables that were empty: dropped, kept. */
static enum tl_status drop_references(struct tl_store *st,
				      struct tl_pg_put_off *p,
				      const char *table, const long long *base,
				      struct tl_error *err)
{
	const char *params[1] = {table};
	enum tl_status rc = TL_OK;
	PGresult *res;

	res = tl_pg_run_once(st, "SELECT c.conname, pg_get_constraintdef("
			     "c.oid), c.confrelid::regclass::text, a.attname "
			     "FROM pg_constraint c JOIN pg_attribute a ON "
			     "a.attrelid = c.conrelid AND a.attnum = "
			     "c.conkey[1] WHERE c.conrelid = $1::regclass AND "
			     "c.contype = 'f' AND cardinality(c.conkey) = 1 "
			     "ORDER BY a.attnum, c.conname", 1, params,
			     N_("reading the database"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	for (int i = 0; rc == TL_OK && i < PQntuples(res); i++) {
		const char *name = PQgetvalue(res, i, 0);
		char sql[256];

		if (!was_empty(PQgetvalue(res, i, 2), base))
			continue;
		/* Names come from our own schema: letters, digits, '_'. */
		snprintf(sql, sizeof(sql), "ALTER TABLE %s DROP CONSTRAINT %s",
			 table, name);
		if (try_exec(st, sql, NULL))
			rc = keep(p, KEPT_REF, table, name,
				  PQgetvalue(res, i, 1), PQgetvalue(res, i, 3),
				  PQgetvalue(res, i, 2), err);
	}
	PQclear(res);
	return rc;
}

enum tl_status tl_pg_put_off(struct tl_store *st, struct tl_pg_put_off *p,
			     const char *table, const long long *base,
			     struct tl_error *err)
{
	const char *params[1] = {table};
	enum tl_status rc = TL_OK;
	PGresult *res;
	char sql[160];

	res = tl_pg_run_once(st, "SELECT indexrelid::regclass::text, "
			     "pg_get_indexdef(indexrelid) FROM pg_index WHERE "
			     "indrelid = $1::regclass AND NOT indisunique AND "
			     "NOT indisprimary ORDER BY indexrelid", 1, params,
			     N_("reading the database"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	for (int i = 0; rc == TL_OK && i < PQntuples(res); i++) {
		rc = keep(p, KEPT_INDEX, table, PQgetvalue(res, i, 0),
			  PQgetvalue(res, i, 1), NULL, NULL, err);
		snprintf(sql, sizeof(sql), "DROP INDEX %s",
			 PQgetvalue(res, i, 0));
		if (rc == TL_OK)
			rc = tl_pg_exec(st, sql, N_("saving"), err);
	}
	PQclear(res);
	if (rc == TL_OK && base)
		rc = drop_references(st, p, table, base, err);
	/* COPY FROM refuses a table whose policies hold its owner: they
	 * hold it again when the load ends, in the same transaction. */
	snprintf(sql, sizeof(sql), "ALTER TABLE %s DISABLE TRIGGER USER, NO "
		 "FORCE ROW LEVEL SECURITY", table);
	if (rc == TL_OK)
		rc = keep(p, KEPT_TRIGGERS, table, NULL, NULL, NULL, NULL, err);
	if (rc == TL_OK)
		rc = tl_pg_exec(st, sql, N_("saving"), err);
	return rc;
}

/*
 * After the reference k was refused: the first record (by seq) of its
 * table whose reference points nowhere, named as a commit would.
 */
static enum tl_status dangling(struct tl_store *st,
			       const struct tl_pg_kept *k,
			       struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_find(k->table);
	const struct tl_entity *to = tl_entity_find(k->parent);
	char sql[400], id[TL_ID_LEN + 1] = "?";
	PGresult *res;

	snprintf(sql, sizeof(sql), "SELECT t.id FROM %s t WHERE t.%s IS NOT "
		 "NULL AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.id = t.%s) "
		 "ORDER BY t.seq LIMIT 1", k->table, k->column, k->parent,
		 k->column);
	tl_pg_settle(tl_pg(st));
	res = PQexec(tl_pg(st)->conn, sql);
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		snprintf(id, sizeof(id), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (!e || !to)
		return tl_error_set(err, TL_EREFUSED, _("That would leave "
				    "records pointing at records that do not "
				    "exist; nothing was saved."));
	return tl_error_set(err, TL_EREFUSED, _("The %s %s refers to a %s "
			    "that does not exist; nothing was saved."),
			    _(e->label), id, _(to->label));
}

/* Adds the reference k again, which checks every row at once. */
static enum tl_status put_reference(struct tl_store *st,
				    const struct tl_pg_kept *k,
				    struct tl_error *err)
{
	char sql[512];
	PGresult *res = NULL;
	enum tl_status rc = TL_OK;

	snprintf(sql, sizeof(sql), "ALTER TABLE %s ADD CONSTRAINT %s %s",
		 k->table, k->name, k->def);
	if (try_exec(st, sql, &res))
		return TL_OK;
	if (!strcmp(PQresultErrorField(res, PG_DIAG_SQLSTATE) ?
		    PQresultErrorField(res, PG_DIAG_SQLSTATE) : "", "23503"))
		rc = dangling(st, k, err);
	else
		rc = tl_pg_error(st, res, N_("saving"), err);
	PQclear(res);
	return rc;
}

enum tl_status tl_pg_put_back(struct tl_store *st, struct tl_pg_put_off *p,
			      bool triggers, struct tl_error *err)
{
	enum tl_status rc;

	if (p->n == 0)
		return TL_OK;
	/* The checks waiting (rows whose references stayed on) first: a
	 * table with checks waiting can be neither indexed nor altered. */
	rc = tl_pg_check_references(st, err);
	if (rc == TL_OK)
		rc = tl_pg_exec(st, END_MEMORY, N_("saving"), err);
	for (int i = 0; rc == TL_OK && i < p->n; i++)
		if (p->kept[i].what == KEPT_REF)
			rc = put_reference(st, &p->kept[i], err);
	for (int i = 0; rc == TL_OK && i < p->n; i++) {
		const struct tl_pg_kept *k = &p->kept[i];
		char sql[160];

		if (k->what == KEPT_INDEX) {
			rc = tl_pg_exec(st, k->def, N_("saving"), err);
		} else if (k->what == KEPT_TRIGGERS && triggers) {
			snprintf(sql, sizeof(sql), "ALTER TABLE %s ENABLE "
				 "TRIGGER USER, FORCE ROW LEVEL SECURITY",
				 k->table);
			rc = tl_pg_exec(st, sql, N_("saving"), err);
		}
	}
	if (rc == TL_OK)
		rc = tl_pg_exec(st, "NOTIFY " TL_PG_CHANNEL, N_("saving"),
				err);
	return rc;
}

void tl_pg_put_off_free(struct tl_pg_put_off *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->kept[i].table);
		free(p->kept[i].name);
		free(p->kept[i].def);
		free(p->kept[i].column);
		free(p->kept[i].parent);
	}
	free(p->kept);
	memset(p, 0, sizeof(*p));
}
