/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * keys.c - the SQLite engine's registered public keys (table
 * person_keys): a person's keys, or those with one fingerprint, a new
 * key, and the retiring of one.
 *
 * The table is append-only but for retired_at, which is set once; its
 * triggers (schema.c) refuse anything else whoever writes.  Which key
 * is retired, and when, is src/store/keys.c's to decide.
 */
#include "sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

/* Copies column col of s into buf (size bytes), "" for NULL. */
static void column_into(sqlite3_stmt *s, int col, char *buf, size_t size)
{
	const char *v = (const char *)sqlite3_column_text(s, col);

	snprintf(buf, size, "%s", v ? v : "");
}

enum tl_status tl_sqlite_keys(struct tl_store *st, const char *person,
			      const char *fingerprint,
			      struct tl_person_key **out, int *n,
			      struct tl_error *err)
{
	sqlite3_stmt *s;
	struct tl_person_key *keys = NULL;
	int count = 0, cap = 0, step;

	*out = NULL;
	*n = 0;
	s = tl_stmt(st, person
		? "SELECT id, person, pubkey, fingerprint, added_at, "
		  "retired_at FROM person_keys WHERE person = ?1 "
		  "ORDER BY added_at, seq"
		: "SELECT id, person, pubkey, fingerprint, added_at, "
		  "retired_at FROM person_keys WHERE fingerprint = ?1 "
		  "ORDER BY added_at, seq", err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, person ? person : fingerprint, -1,
			  SQLITE_TRANSIENT);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct tl_person_key *k;
		if (count == cap) {
			int ncap = cap ? cap * 2 : 4;
			k = realloc(keys, sizeof(*keys) * (size_t)ncap);
			if (!k) {
				sqlite3_reset(s);
				free(keys);
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			}
			keys = k;
			cap = ncap;
		}
		k = &keys[count++];
		column_into(s, 0, k->id, sizeof(k->id));
		column_into(s, 1, k->person, sizeof(k->person));
		column_into(s, 2, k->pubkey, sizeof(k->pubkey));
		column_into(s, 3, k->fingerprint, sizeof(k->fingerprint));
		column_into(s, 4, k->added_at, sizeof(k->added_at));
		column_into(s, 5, k->retired_at, sizeof(k->retired_at));
	}
	if (step != SQLITE_DONE) {
		enum tl_status rc = tl_db_error(st, err,
						N_("reading the registered "
						   "keys"));
		sqlite3_reset(s);
		free(keys);
		return rc;
	}
	sqlite3_reset(s);
	*out = keys;
	*n = count;
	return TL_OK;
}

enum tl_status tl_sqlite_key_add(struct tl_store *st,
				 const struct tl_person_key *k,
				 struct tl_error *err)
{
	sqlite3_stmt *s = tl_stmt(st,
		"INSERT INTO person_keys (id, person, pubkey, fingerprint, "
		"added_at, retired_at) VALUES (?, ?, ?, ?, ?, ?)", err);

	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, k->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, k->person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, k->pubkey, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, k->fingerprint, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, k->added_at, -1, SQLITE_TRANSIENT);
	if (k->retired_at[0])
		sqlite3_bind_text(s, 6, k->retired_at, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 6);
	if (sqlite3_step(s) != SQLITE_DONE) {
		enum tl_status rc = tl_db_error(st, err,
						N_("registering the key"));
		sqlite3_reset(s);
		return rc;
	}
	sqlite3_reset(s);
	return TL_OK;
}

enum tl_status tl_sqlite_key_retire(struct tl_store *st, const char *id,
				    const char *at, struct tl_error *err)
{
	sqlite3_stmt *s = tl_stmt(st,
		"UPDATE person_keys SET retired_at = ?2 WHERE id = ?1 "
		"AND retired_at IS NULL", err);
	int changed;

	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, at, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_DONE) {
		enum tl_status rc = tl_db_error(st, err,
						N_("retiring the key"));
		sqlite3_reset(s);
		return rc;
	}
	sqlite3_reset(s);
	changed = sqlite3_changes(tl_sq(st)->db);
	if (changed != 1)
		return tl_error_set(err, TL_EREFUSED, _("The key is retired "
				    "already."));
	return TL_OK;
}
