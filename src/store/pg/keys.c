/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * keys.c - the PostgreSQL engine's registered public keys (person_keys):
 * read by person or by fingerprint, added, and retired once.  The table
 * is append-only but for retired_at, which its triggers (schema_rules.c)
 * let be set once.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

static void column_into(const PGresult *res, int row, int col, char *buf,
			size_t size)
{
	snprintf(buf, size, "%s", PQgetvalue(res, row, col));
}

enum tl_status tl_pg_keys(struct tl_store *st, const char *person,
			  const char *fingerprint,
			  struct tl_person_key **out, int *n,
			  struct tl_error *err)
{
	const char *key = person ? person : fingerprint;
	struct tl_person_key *keys;
	PGresult *res;
	int count;

	*out = NULL;
	*n = 0;
	res = tl_pg_run(st, person
		? "SELECT id, person, pubkey, fingerprint, added_at, "
		  "retired_at FROM person_keys WHERE person = $1 "
		  "ORDER BY added_at, seq"
		: "SELECT id, person, pubkey, fingerprint, added_at, "
		  "retired_at FROM person_keys WHERE fingerprint = $1 "
		  "ORDER BY added_at, seq", 1, &key,
		N_("reading the registered keys"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	count = PQntuples(res);
	if (count == 0) {
		PQclear(res);
		return TL_OK;
	}
	keys = calloc((size_t)count, sizeof(*keys));
	if (!keys) {
		PQclear(res);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	for (int i = 0; i < count; i++) {
		struct tl_person_key *k = &keys[i];

		column_into(res, i, 0, k->id, sizeof(k->id));
		column_into(res, i, 1, k->person, sizeof(k->person));
		column_into(res, i, 2, k->pubkey, sizeof(k->pubkey));
		column_into(res, i, 3, k->fingerprint, sizeof(k->fingerprint));
		column_into(res, i, 4, k->added_at, sizeof(k->added_at));
		column_into(res, i, 5, k->retired_at, sizeof(k->retired_at));
	}
	PQclear(res);
	*out = keys;
	*n = count;
	return TL_OK;
}

enum tl_status tl_pg_key_add(struct tl_store *st,
			     const struct tl_person_key *k,
			     struct tl_error *err)
{
	const char *params[6] = {k->id, k->person, k->pubkey, k->fingerprint,
				 k->added_at,
				 k->retired_at[0] ? k->retired_at : NULL};
	PGresult *res = tl_pg_run(st, "INSERT INTO person_keys (id, person, "
				  "pubkey, fingerprint, added_at, retired_at) "
				  "VALUES ($1, $2, $3, $4, $5, $6)", 6, params,
				  N_("registering the key"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_key_retire(struct tl_store *st, const char *id,
				const char *at, struct tl_error *err)
{
	const char *params[2] = {id, at};
	PGresult *res = tl_pg_run(st, "UPDATE person_keys SET retired_at = $2 "
				  "WHERE id = $1 AND retired_at IS NULL", 2,
				  params, N_("retiring the key"), err);
	bool changed;

	if (!res)
		return err ? err->status : TL_EDB;
	changed = !strcmp(PQcmdTuples(res), "1");
	PQclear(res);
	if (!changed)
		return tl_error_set(err, TL_EREFUSED, _("The key is retired "
				    "already."));
	return TL_OK;
}
