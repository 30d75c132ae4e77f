/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * audit.c - the PostgreSQL engine's audit log: rows stored as the store
 * made them (seq, prev and hash too; src/store/audit.c chains them), and
 * read back newest first or after a seq.  The table is append-only: its
 * triggers (schema_rules.c) refuse an update or a delete.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/store/audit.h"

#define AUDIT_COLUMNS \
	"seq, at, actor, os_user, clock, entity, entity_id, action, " \
	"field, old_value, new_value, prev, hash, change_seq"

enum tl_status tl_pg_audit_add(struct tl_store *st, const struct tl_audit *a,
			       struct tl_error *err)
{
	char seq[24], change[24];
	const char *params[] = {seq, a->at, a->actor, a->os_user, a->clock,
				a->entity, a->id, a->action, a->field,
				a->old_value, a->new_value, a->prev, a->hash,
				a->change > 0 ? change : NULL};
	PGresult *res;

	snprintf(seq, sizeof(seq), "%lld", a->seq);
	snprintf(change, sizeof(change), "%lld", a->change);
	res = tl_pg_run(st, "INSERT INTO audit (" AUDIT_COLUMNS ") VALUES "
			"($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
			"$13, $14)", 14, params, N_("writing the audit log"),
			err);
	if (!res)
		return err ? err->status : TL_EDB;
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_audit_tail(struct tl_store *st, long long *seq,
				char hash[65], struct tl_error *err)
{
	PGresult *res = tl_pg_run(st, "SELECT seq, hash FROM "
				  "tl_rls_audit_tail() WHERE seq IS NOT NULL", 0, NULL,
				  N_("reading the audit log"), err);

	*seq = 0;
	memcpy(hash, TL_AUDIT_ZERO, 65);
	if (!res)
		return err ? err->status : TL_EDB;
	if (PQntuples(res) == 1) {
		*seq = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(hash, 65, "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	return TL_OK;
}

/* A copy of a column, NULL for SQL NULL; *whole false when out of
 * memory. */
static char *column_dup(const PGresult *res, int row, int col, bool *whole)
{
	char *v;

	if (PQgetisnull(res, row, col))
		return NULL;
	v = strdup(PQgetvalue(res, row, col));
	if (!v)
		*whole = false;
	return v;
}

/* Row `row` of res into a; hash NULL when the struct cannot hold what
 * is stored (a time or id too long, or out of memory).  PostgreSQL's
 * text holds no NUL byte, so the values are whole otherwise. */
static void read_row(const PGresult *res, int row, struct tl_audit *a)
{
	const char *at = PQgetvalue(res, row, 1);
	const char *id = PQgetvalue(res, row, 6);
	bool whole = strlen(at) < sizeof(a->at) && strlen(id) < sizeof(a->id);

	a->seq = strtoll(PQgetvalue(res, row, 0), NULL, 10);
	a->change = PQgetisnull(res, row, 13)
		    ? 0 : strtoll(PQgetvalue(res, row, 13), NULL, 10);
	snprintf(a->at, sizeof(a->at), "%s", at);
	snprintf(a->id, sizeof(a->id), "%s", id);
	a->actor = column_dup(res, row, 2, &whole);
	a->os_user = column_dup(res, row, 3, &whole);
	a->clock = column_dup(res, row, 4, &whole);
	a->entity = column_dup(res, row, 5, &whole);
	a->action = column_dup(res, row, 7, &whole);
	a->field = column_dup(res, row, 8, &whole);
	a->old_value = column_dup(res, row, 9, &whole);
	a->new_value = column_dup(res, row, 10, &whole);
	a->prev = column_dup(res, row, 11, &whole);
	a->hash = column_dup(res, row, 12, &whole);
	if (!whole) {
		/* What the struct holds is not what is stored: it cannot be
		 * checked against the hash. */
		free(a->hash);
		a->hash = NULL;
	}
}

static enum tl_status read_rows(PGresult *res, struct tl_audit **rows,
				int *n, struct tl_error *err)
{
	int count = PQntuples(res);
	struct tl_audit *out = calloc(count ? (size_t)count : 1, sizeof(*out));

	*rows = NULL;
	*n = 0;
	if (!out) {
		PQclear(res);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	for (int i = 0; i < count; i++)
		read_row(res, i, &out[i]);
	PQclear(res);
	*rows = out;
	*n = count;
	return TL_OK;
}

enum tl_status tl_pg_audit(struct tl_store *st, const char *id,
			   long long before, int limit,
			   struct tl_audit **rows, int *n,
			   struct tl_error *err)
{
	char b[24], l[16];
	const char *params[3] = {id, b, l};
	const char *cond = tl_access_audit_sql(st);
	size_t size = (cond ? strlen(cond) : 0) + 256;
	char *sql = malloc(size);
	PGresult *res;

	*rows = NULL;
	*n = 0;
	if (!sql)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (limit <= 0 || limit > 1000)
		limit = 50;
	snprintf(b, sizeof(b), "%lld", before > 0 ? before : 0x7fffffffffffffffLL);
	snprintf(l, sizeof(l), "%d", limit);
	/* Only the rows the viewer may read (tl_access_audit_sql); the
	 * server's policies hold a person's role to the same. */
	snprintf(sql, size, "SELECT " AUDIT_COLUMNS " FROM audit WHERE %s "
		 "AND seq < $2 AND %s ORDER BY seq DESC LIMIT $3",
		 id ? "entity_id = $1" : "$1::text IS NULL",
		 cond ? cond : "true");
	res = tl_pg_run(st, sql, 3, params, N_("reading the audit log"), err);
	free(sql);
	if (!res) {
		*rows = NULL;
		*n = 0;
		return err ? err->status : TL_EDB;
	}
	return read_rows(res, rows, n, err);
}

enum tl_status tl_pg_audit_after(struct tl_store *st, long long after,
				 int limit, struct tl_audit **rows, int *n,
				 struct tl_error *err)
{
	char a[24], l[16];
	const char *params[2] = {a, l};
	PGresult *res;

	if (limit <= 0 || limit > 1000)
		limit = 50;
	snprintf(a, sizeof(a), "%lld", after);
	snprintf(l, sizeof(l), "%d", limit);
	res = tl_pg_run(st, "SELECT " AUDIT_COLUMNS " FROM audit WHERE seq > "
			"$1 ORDER BY seq LIMIT $2", 2, params,
			N_("reading the audit log"), err);
	if (!res) {
		*rows = NULL;
		*n = 0;
		return err ? err->status : TL_EDB;
	}
	return read_rows(res, rows, n, err);
}
