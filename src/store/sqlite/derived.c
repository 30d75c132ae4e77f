/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * derived.c - what a table's rows derive, taken off before many rows go
 * in and made again after them, for the bulk load (bulk.c) and the
 * stream of a copy (stream.c): the secondary indexes and INSERT
 * triggers (one sort an index instead of a random insert a row), and
 * the full-text rows.
 */
#include "sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

struct tl_sqlite_ddl {
	char *drop;   /* DROP INDEX x / DROP TRIGGER x */
	char *create; /* its CREATE statement, from sqlite_master */
};

static enum tl_status keep(struct tl_sqlite_derived *d, const char *type,
			   const char *name, const char *create,
			   struct tl_error *err)
{
	struct tl_sqlite_ddl *k;
	size_t n = strlen(name) + 32;

	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 32;

		k = realloc(d->ddl, (size_t)cap * sizeof(*k));
		if (!k)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		d->ddl = k;
		d->cap = cap;
	}
	k = &d->ddl[d->n];
	k->drop = malloc(n);
	k->create = strdup(create);
	if (!k->drop || !k->create) {
		free(k->drop);
		free(k->create);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	/* Names come from our own schema: letters, digits and '_'. */
	snprintf(k->drop, n, "DROP %s %s", type, name);
	d->n++;
	return TL_OK;
}

enum tl_status tl_sqlite_drop_derived(struct tl_store *st,
				      struct tl_sqlite_derived *d,
				      const char *table, struct tl_error *err)
{
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;
	int first = d->n, step;

	if (sqlite3_prepare_v2(tl_sq(st)->db,
		"SELECT type, name, sql FROM sqlite_master "
		"WHERE tbl_name = ? AND sql IS NOT NULL AND "
		"(type = 'index' OR (type = 'trigger' AND "
		"sql LIKE '% INSERT ON %')) ORDER BY rowid", -1, &s, NULL) !=
	    SQLITE_OK)
		return tl_db_error(st, err, N_("reading the database"));
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	while (rc == TL_OK && (step = sqlite3_step(s)) == SQLITE_ROW)
		rc = keep(d, !strcmp((const char *)sqlite3_column_text(s, 0),
				     "index") ? "INDEX" : "TRIGGER",
			  (const char *)sqlite3_column_text(s, 1),
			  (const char *)sqlite3_column_text(s, 2), err);
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("reading the database"));
	sqlite3_finalize(s);
	for (int i = first; rc == TL_OK && i < d->n; i++)
		rc = tl_exec(st, d->ddl[i].drop, err);
	return rc;
}

enum tl_status tl_sqlite_recreate_derived(struct tl_store *st,
					  struct tl_sqlite_derived *d,
					  struct tl_error *err)
{
	enum tl_status rc = TL_OK;

	for (int i = 0; rc == TL_OK && i < d->n; i++)
		rc = tl_exec(st, d->ddl[i].create, err);
	return rc;
}

void tl_sqlite_derived_free(struct tl_sqlite_derived *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->ddl[i].drop);
		free(d->ddl[i].create);
	}
	free(d->ddl);
	memset(d, 0, sizeof(*d));
}

enum tl_status tl_sqlite_fill_fts(struct tl_store *st,
				  const struct tl_entity *e, long long base,
				  struct tl_error *err)
{
	char cols[512] = "", sql[1400];
	size_t len = 0;
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;
	int found;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM sqlite_master WHERE "
		 "name = '%s_fts'", e->plural);
	if (sqlite3_prepare_v2(tl_sq(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("reading the database"));
	found = sqlite3_step(s);
	sqlite3_finalize(s);
	if (found == SQLITE_DONE)
		return TL_OK;
	if (found != SQLITE_ROW)
		return tl_db_error(st, err, N_("reading the database"));
	for (int i = 0; i < e->nfields && len < sizeof(cols); i++)
		if (e->fields[i].flags & TL_FF_SEARCH)
			len += (size_t)snprintf(cols + len, sizeof(cols) - len,
						", %s", e->fields[i].name);
	snprintf(sql, sizeof(sql), "INSERT INTO %s_fts(rowid%s) SELECT "
		 "seq%s FROM %s WHERE seq > ?", e->plural, cols, cols,
		 e->plural);
	if (sqlite3_prepare_v2(tl_sq(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("saving"));
	sqlite3_bind_int64(s, 1, base);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("saving"));
	sqlite3_finalize(s);
	return rc;
}
