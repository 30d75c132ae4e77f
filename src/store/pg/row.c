/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * row.c - the PostgreSQL engine's rows: one record in and out of its
 * table, lookups by field, item numbers, and names for resolving what a
 * person typed.  The audit log's rows are audit.c's.
 *
 * As on SQLite, the SQL is put together from the entity tables of
 * model.h (table and column names only, fixed strings of ours) and every
 * value is a parameter.  Nothing here decides: the rules of src/store/
 * say what is written.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

/* Room for any statement of this file: the widest kind has about 25
 * fields of under 20 letters each. */
#define SQL_MAX 2048
/* More fields than any kind has (model.c). */
#define MAX_FIELDS 48

static enum tl_status too_long(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("The query is too long."));
}

/* Runs sql, which wants no rows back. */
static enum tl_status run_command(struct tl_store *st, const char *sql,
				  int n, const char *const *params,
				  const char *doing, struct tl_error *err)
{
	PGresult *res = tl_pg_run(st, sql, n, params, doing, err);

	if (!res)
		return err ? err->status : TL_EDB;
	PQclear(res);
	return TL_OK;
}

struct tl_record *tl_pg_row_record(const PGresult *res, int row, int col,
				   const struct tl_entity *e)
{
	struct tl_record *r = tl_record_new(e->kind);

	if (!r)
		return NULL;
	snprintf(r->id, sizeof(r->id), "%s", PQgetvalue(res, row, col));
	snprintf(r->created_at, sizeof(r->created_at), "%s",
		 PQgetvalue(res, row, col + 1));
	snprintf(r->updated_at, sizeof(r->updated_at), "%s",
		 PQgetvalue(res, row, col + 2));
	for (int i = 0; i < e->nfields; i++) {
		if (PQgetisnull(res, row, col + 3 + i))
			continue;
		if (!tl_record_set(r, i, PQgetvalue(res, row, col + 3 + i))) {
			tl_record_free(r);
			return NULL;
		}
	}
	return r;
}

bool tl_pg_columns(const struct tl_entity *e, char *buf, size_t size)
{
	size_t len = (size_t)snprintf(buf, size, "id, created_at, updated_at");

	for (int i = 0; i < e->nfields && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, ", %s",
					e->fields[i].name);
	return len < size;
}

enum tl_status tl_pg_get(struct tl_store *st, enum tl_kind kind,
			 const char *id, struct tl_record **out,
			 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char cols[SQL_MAX], sql[SQL_MAX + 64];
	PGresult *res;

	*out = NULL;
	if (!tl_pg_columns(e, cols, sizeof(cols)) ||
	    snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = $1",
		     cols, e->plural) >= (int)sizeof(sql))
		return too_long(err);
	res = tl_pg_run(st, sql, 1, &id, N_("reading"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	if (PQntuples(res) == 1) {
		*out = tl_pg_row_record(res, 0, 0, e);
		if (!*out) {
			PQclear(res);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
	}
	PQclear(res);
	return TL_OK;
}

/* The parameters of a row, in tl_pg_columns' order: id, created_at,
 * updated_at, then the fields.  params must hold 3 + nfields. */
static void row_params(const struct tl_record *r, const char **params)
{
	params[0] = r->id;
	params[1] = r->created_at;
	params[2] = r->updated_at;
	for (int i = 0; i < r->e->nfields; i++)
		params[3 + i] = r->values[i];
}

enum tl_status tl_pg_insert(struct tl_store *st, const struct tl_record *r,
			    struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	const char *params[3 + MAX_FIELDS];
	char cols[SQL_MAX], sql[2 * SQL_MAX];
	size_t len;

	if (e->nfields > MAX_FIELDS || !tl_pg_columns(e, cols, sizeof(cols)))
		return too_long(err);
	len = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (%s) VALUES "
			       "($1", e->plural, cols);
	for (int i = 2; i <= 3 + e->nfields && len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", $%d",
					i);
	if (len + 2 > sizeof(sql))
		return too_long(err);
	memcpy(sql + len, ")", 2);
	row_params(r, params);
	return run_command(st, sql, 3 + e->nfields, params, N_("saving"),
			   err);
}

enum tl_status tl_pg_update(struct tl_store *st, const struct tl_record *r,
			    struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	const char *params[3 + MAX_FIELDS];
	char sql[2 * SQL_MAX];
	size_t len;

	if (e->nfields > MAX_FIELDS)
		return too_long(err);
	len = (size_t)snprintf(sql, sizeof(sql), "UPDATE %s SET created_at = "
			       "$2, updated_at = $3", e->plural);
	for (int i = 0; i < e->nfields && len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					", %s = $%d", e->fields[i].name, 4 + i);
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" WHERE id = $1");
	if (len >= sizeof(sql))
		return too_long(err);
	row_params(r, params);
	return run_command(st, sql, 3 + e->nfields, params, N_("saving"),
			   err);
}

enum tl_status tl_pg_remove(struct tl_store *st, enum tl_kind kind,
			    const char *id, struct tl_error *err)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = $1",
		 tl_entity_get(kind)->plural);
	return run_command(st, sql, 1, &id, N_("deleting"), err);
}

enum tl_status tl_pg_find(struct tl_store *st, enum tl_kind kind,
			  const struct tl_eq *eq, int n, const char *not_id,
			  char *id_out, bool *found, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	const char *params[5];
	char sql[320];
	size_t len;
	PGresult *res;

	*found = false;
	if (n < 1 || n > 4)
		return too_long(err);
	len = (size_t)snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE ",
			       e->plural);
	for (int i = 0; i < n && len < sizeof(sql); i++) {
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					"%s%s = $%d", i ? " AND " : "",
					eq[i].field == TL_EQ_ID ? "id"
					: e->fields[eq[i].field].name, i + 1);
		params[i] = eq[i].value;
	}
	if (not_id && len < sizeof(sql)) {
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" AND id <> $%d", n + 1);
		params[n] = not_id;
	}
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" LIMIT 1");
	if (len >= sizeof(sql))
		return too_long(err);
	res = tl_pg_run(st, sql, n + (not_id != NULL), params, N_("reading"),
			err);
	if (!res)
		return err ? err->status : TL_EDB;
	if (PQntuples(res) == 1) {
		*found = true;
		if (id_out)
			snprintf(id_out, TL_ID_LEN + 1, "%s",
				 PQgetvalue(res, 0, 0));
	}
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_max_number(struct tl_store *st, const char *meeting,
				long *max, struct tl_error *err)
{
	PGresult *res = tl_pg_run(st, "SELECT coalesce(max(number), 0) FROM "
				  "items WHERE meeting = $1", 1, &meeting,
				  N_("numbering the item"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	*max = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_mark_signed(struct tl_store *st, const char *id,
				 struct tl_error *err)
{
	return run_command(st, "UPDATE meetings SET status = 'signed' WHERE "
			   "id = $1 AND status <> 'signed'", 1, &id,
			   N_("saving"), err);
}

enum tl_status tl_pg_match(struct tl_store *st, enum tl_kind kind,
			   enum tl_match how, const char *text, int limit,
			   tl_match_fn fn, void *ctx, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	const char *title = e->fields[e->title].name;
	char sql[512], lim[16];
	const char *params[2] = {text, lim};
	PGresult *res;

	snprintf(lim, sizeof(lim), "%d", limit);
	/* The title folded as collate.h's tl_text_fold folds it: lower
	 * case under ICU, decomposed, without U+0300..U+036F. */
	char fold[192];
	snprintf(fold, sizeof(fold), "regexp_replace(normalize(lower(%s "
		 "COLLATE \"sv-SE-x-icu\"), NFD), '[\\u0300-\\u036f]', '', "
		 "'g')", title);

	if (how == TL_MATCH_ID)
		/* A range on the unique index: prefix .. prefix~ */
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE id >= $1 AND "
			 "id < $1 || '~' ORDER BY id LIMIT $2",
			 title, e->plural);
	else if (how == TL_MATCH_TITLE)
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE %s = $1 "
			 "ORDER BY id LIMIT $2", title, e->plural, title);
	else if (how == TL_MATCH_FOLDED)
		/* In list order: a name's column is in Swedish order. */
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE %s = $1 "
			 "ORDER BY %s, id LIMIT $2", title, e->plural, fold,
			 title);
	else
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE strpos(%s, $1) > 0 "
			 "ORDER BY %s, id LIMIT $2", title, e->plural, fold,
			 title);
	res = tl_pg_run(st, sql, 2, params, N_("reading"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	for (int i = 0; i < PQntuples(res); i++)
		fn(ctx, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_allowed(struct tl_store *st, enum tl_kind kind,
			     const char *id, const char *cond, bool *ok,
			     struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char *sql;
	PGresult *res;

	*ok = false;
	size_t size = strlen(cond) + 64;

	if (!(sql = malloc(size)))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	snprintf(sql, size, "SELECT 1 FROM %s WHERE id = $1 AND %s",
		 e->plural, cond);
	res = tl_pg_run(st, sql, 1, &id, N_("reading"), err);
	free(sql);
	if (!res)
		return err ? err->status : TL_EDB;
	*ok = PQntuples(res) == 1;
	PQclear(res);
	return TL_OK;
}
