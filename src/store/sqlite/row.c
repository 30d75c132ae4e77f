/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * row.c - the SQLite engine's rows: one record in and out of its table,
 * lookups by field, item numbers, and names for resolving what a
 * person typed.  The audit log's rows are audit.c's.
 *
 * The SQL here is put together from the entity tables of model.h (table
 * and column names only, all fixed strings of ours); every value is bound.
 * Nothing here decides: the rules of src/store/ say what is written.
 */
#include "sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"


/* A growing string for building SQL. */
struct sbuf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void sb_add(struct sbuf *b, const char *text)
{
	size_t n = strlen(text);

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = true;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, text, n + 1);
	b->len += n;
}

/* Appends before, a, after. */
static void sb_add3(struct sbuf *b, const char *before, const char *a,
		    const char *after)
{
	sb_add(b, before);
	sb_add(b, a);
	sb_add(b, after);
}

static bool is_int_type(const struct tl_field *f)
{
	return f->type == TL_FT_INT || f->type == TL_FT_BOOL;
}

int tl_bind_value(sqlite3_stmt *s, int idx, const struct tl_field *f,
		  const char *value)
{
	if (!value)
		return sqlite3_bind_null(s, idx);
	if (is_int_type(f))
		return sqlite3_bind_int64(s, idx, strtoll(value, NULL, 10));
	return sqlite3_bind_text(s, idx, value, -1, SQLITE_TRANSIENT);
}

/* The column list: id, created_at, updated_at, then every field. */
static void add_columns(struct sbuf *b, const struct tl_entity *e)
{
	sb_add(b, "id, created_at, updated_at");
	for (int i = 0; i < e->nfields; i++) {
		sb_add(b, ", ");
		sb_add(b, e->fields[i].name);
	}
}

/* Reads a row laid out by add_columns into a new record. */
struct tl_record *tl_sqlite_row_record(sqlite3_stmt *s,
				       const struct tl_entity *e)
{
	struct tl_record *r = tl_record_new(e->kind);

	if (!r)
		return NULL;
	snprintf(r->id, sizeof(r->id), "%s",
		 (const char *)sqlite3_column_text(s, 0));
	snprintf(r->created_at, sizeof(r->created_at), "%s",
		 (const char *)sqlite3_column_text(s, 1));
	snprintf(r->updated_at, sizeof(r->updated_at), "%s",
		 (const char *)sqlite3_column_text(s, 2));
	for (int i = 0; i < e->nfields; i++) {
		const char *v = (const char *)sqlite3_column_text(s, 3 + i);
		if (v && !tl_record_set(r, i, v)) {
			tl_record_free(r);
			return NULL;
		}
	}
	return r;
}

enum tl_status tl_sqlite_get(struct tl_store *st, enum tl_kind kind,
			     const char *id, struct tl_record **out,
			     struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct sbuf b = {0};
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	sb_add(&b, "SELECT ");
	add_columns(&b, e);
	sb_add3(&b, " FROM ", e->plural, " WHERE id = ?");
	if (b.oom) {
		free(b.s);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	s = tl_stmt(st, b.s, err);
	free(b.s);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = tl_sqlite_row_record(s, e);
		sqlite3_reset(s);
		if (!*out)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		return TL_OK;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return TL_OK;
}

/*
 * Runs the INSERT or UPDATE in b with every column of r bound: the id
 * first (an insert) or last (an update's WHERE), then the timestamps,
 * the fields in the model's order, and the sort key of a kind sorted by
 * name (sort.c).  Frees b.
 */
static enum tl_status write_row(struct tl_store *st, struct sbuf *b,
				const struct tl_record *r, bool id_first,
				struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	int at = id_first ? 2 : 1;
	/* The sort key follows the fields (sort.c). */
	int keyed = tl_entity_sorts_by_name(e);
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;

	if (b->oom) {
		free(b->s);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	s = tl_stmt(st, b->s, err);
	free(b->s);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, id_first ? 1 : at + 2 + e->nfields + keyed,
			  r->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, at, r->created_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, at + 1, r->updated_at, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < e->nfields; i++)
		tl_bind_value(s, at + 2 + i, &e->fields[i], r->values[i]);
	if (keyed)
		rc = tl_sqlite_bind_sort_key(st, s, at + 2 + e->nfields,
					     r->values[e->title], err);
	if (rc == TL_OK && sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("saving"));
	sqlite3_reset(s);
	return rc;
}

/* INSERT of every column of r as it stands. */
static enum tl_status insert_row(struct tl_store *st,
				 const struct tl_record *r,
				 struct tl_error *err)
{
	struct sbuf b = {0};

	sb_add3(&b, "INSERT INTO ", r->e->plural, " (");
	add_columns(&b, r->e);
	if (tl_entity_sorts_by_name(r->e))
		sb_add(&b, ", sort_key");
	sb_add(&b, ") VALUES (?, ?, ?");
	for (int i = 0; i < r->e->nfields; i++)
		sb_add(&b, ", ?");
	if (tl_entity_sorts_by_name(r->e))
		sb_add(&b, ", ?");
	sb_add(&b, ")");
	return write_row(st, &b, r, true, err);
}

/* UPDATE of every column of r (matched by id). */
static enum tl_status update_row(struct tl_store *st,
				 const struct tl_record *r,
				 struct tl_error *err)
{
	struct sbuf b = {0};

	sb_add3(&b, "UPDATE ", r->e->plural,
		" SET created_at = ?, updated_at = ?");
	for (int i = 0; i < r->e->nfields; i++)
		sb_add3(&b, ", ", r->e->fields[i].name, " = ?");
	if (tl_entity_sorts_by_name(r->e))
		sb_add(&b, ", sort_key = ?");
	sb_add(&b, " WHERE id = ?");
	return write_row(st, &b, r, false, err);
}

enum tl_status tl_sqlite_insert(struct tl_store *st,
				const struct tl_record *r,
				struct tl_error *err)
{
	return insert_row(st, r, err);
}

enum tl_status tl_sqlite_update(struct tl_store *st,
				const struct tl_record *r,
				struct tl_error *err)
{
	return update_row(st, r, err);
}

enum tl_status tl_sqlite_remove(struct tl_store *st, enum tl_kind kind,
				const char *id, struct tl_error *err)
{
	char sql[128];
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;

	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?",
		 tl_entity_get(kind)->plural);
	s = tl_stmt(st, sql, err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("deleting"));
	sqlite3_reset(s);
	return rc;
}

enum tl_status tl_sqlite_find(struct tl_store *st, enum tl_kind kind,
			      const struct tl_eq *eq, int n,
			      const char *not_id, char *id_out, bool *found,
			      struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char sql[320];
	size_t len;
	sqlite3_stmt *s;
	int step;

	*found = false;
	len = (size_t)snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE ",
			       e->plural);
	for (int i = 0; i < n && len < sizeof(sql); i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					"%s%s = ?", i ? " AND " : "",
					eq[i].field == TL_EQ_ID ? "id"
					: e->fields[eq[i].field].name);
	if (not_id && len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" AND id <> ?");
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" LIMIT 1");
	if (len >= sizeof(sql))
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	s = tl_stmt(st, sql, err);
	if (!s)
		return err ? err->status : TL_EDB;
	for (int i = 0; i < n; i++) {
		if (eq[i].field == TL_EQ_ID)
			sqlite3_bind_text(s, i + 1, eq[i].value, -1,
					  SQLITE_TRANSIENT);
		else
			tl_bind_value(s, i + 1, &e->fields[eq[i].field],
				      eq[i].value);
	}
	if (not_id)
		sqlite3_bind_text(s, n + 1, not_id, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		*found = true;
		if (id_out)
			snprintf(id_out, TL_ID_LEN + 1, "%s",
				 (const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return TL_OK;
}

enum tl_status tl_sqlite_max_number(struct tl_store *st, const char *meeting,
				    long *max, struct tl_error *err)
{
	sqlite3_stmt *s = tl_stmt(st,
		"SELECT coalesce(max(number), 0) FROM items "
		"WHERE meeting = ?", err);
	enum tl_status rc;

	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, meeting, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = tl_db_error(st, err, N_("numbering the item"));
		sqlite3_reset(s);
		return rc;
	}
	*max = (long)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return TL_OK;
}

enum tl_status tl_sqlite_mark_signed(struct tl_store *st, const char *id,
				     struct tl_error *err)
{
	sqlite3_stmt *s = tl_stmt(st,
		"UPDATE meetings SET status = 'signed' "
		"WHERE id = ? AND status <> 'signed'", err);
	enum tl_status rc = TL_OK;

	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("saving"));
	sqlite3_reset(s);
	return rc;
}

enum tl_status tl_sqlite_match(struct tl_store *st, enum tl_kind kind,
			       enum tl_match how, const char *text, int limit,
			       tl_match_fn fn, void *ctx,
			       struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	const char *title = e->fields[e->title].name;
	char sql[256];
	sqlite3_stmt *s;
	int step;

	/* Folded matches in list order (a name by its key: sort.c). */
	const char *order = tl_entity_sorts_by_name(e) ? "sort_key" : title;

	if (how == TL_MATCH_ID)
		/* A range on the unique index: prefix .. prefix~ */
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE id >= ?1 AND "
			 "id < ?1 || '~' ORDER BY id LIMIT ?2",
			 title, e->plural);
	else if (how == TL_MATCH_TITLE)
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE %s = ?1 "
			 "ORDER BY id LIMIT ?2", title, e->plural, title);
	else if (how == TL_MATCH_FOLDED)
		/* tl_fold() is sort.c's, every row's title folded. */
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE tl_fold(%s) = ?1 "
			 "ORDER BY %s, id LIMIT ?2", title, e->plural, title,
			 order);
	else
		snprintf(sql, sizeof(sql),
			 "SELECT id, %s FROM %s WHERE "
			 "instr(tl_fold(%s), ?1) > 0 "
			 "ORDER BY %s, id LIMIT ?2", title, e->plural, title,
			 order);
	s = tl_stmt(st, sql, err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, limit);
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(s, 0),
		   (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return TL_OK;
}

enum tl_status tl_sqlite_allowed(struct tl_store *st, enum tl_kind kind,
				 const char *id, const char *cond, bool *ok,
				 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char *sql;
	sqlite3_stmt *s;
	int step;

	*ok = false;
	size_t size = strlen(cond) + 64;

	if (!(sql = malloc(size)))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	snprintf(sql, size, "SELECT 1 FROM %s WHERE id = ? AND %s",
		 e->plural, cond);
	s = tl_stmt(st, sql, err);
	free(sql);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(s);
	*ok = step == SQLITE_ROW;
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return TL_OK;
}
