/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * private.c - the PostgreSQL engine's private notes (private.h), and
 * migration 5, their table.  Its row-level security lets a row be read,
 * written and deleted only by the role whose person wrote it
 * (tl_rls_me(), from session_user): there is no policy for the tables'
 * owner or for admins, and tillit makes no role that bypasses row-level
 * security.  The queries ask for the author too, for a superuser, whom
 * no policy holds.  No copy, load or export reads the table.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

const char tl_pg_migration_private[] =
	"CREATE TABLE private_notes (\n"
	"\tid text COLLATE \"C\" PRIMARY KEY,\n"
	"\tauthor text COLLATE \"C\" NOT NULL,\n"
	"\ton_id text COLLATE \"C\" NOT NULL,\n"
	"\twritten_at text COLLATE \"C\" NOT NULL,\n"
	"\ttext text NOT NULL\n"
	");\n"
	"CREATE INDEX private_notes_on ON private_notes(author, on_id, "
	"written_at);\n"
	"ALTER TABLE private_notes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL "
	"SECURITY;\n"
	"CREATE POLICY tl_author ON private_notes USING (author = tl_rls_me()) "
	"WITH CHECK (author = tl_rls_me());\n";

enum tl_status tl_pg_private_add(struct tl_store *st,
				 const struct tl_private_note *n,
				 struct tl_error *err)
{
	const char *p[] = {n->id, n->author, n->on, n->written_at, n->text};
	PGresult *res = tl_pg_run(st, "INSERT INTO private_notes (id, author, "
				  "on_id, written_at, text) VALUES ($1, $2, "
				  "$3, $4, $5)", 5, p,
				  N_("saving the private note"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_private_list(struct tl_store *st, const char *author,
				  const char *on,
				  struct tl_private_note **notes, int *n,
				  struct tl_error *err)
{
	const char *p[] = {author, on};
	struct tl_private_note *out;
	PGresult *res = tl_pg_run(st, "SELECT id, author, on_id, written_at, "
				  "text FROM private_notes WHERE author = $1 "
				  "AND ($2::text IS NULL OR on_id = $2) ORDER "
				  "BY written_at, id", 2, p,
				  N_("reading the private notes"), err);
	int count;

	*notes = NULL;
	*n = 0;
	if (!res)
		return err ? err->status : TL_EDB;
	count = PQntuples(res);
	out = calloc(count ? (size_t)count : 1, sizeof(*out));
	for (int i = 0; out && i < count; i++) {
		snprintf(out[i].id, sizeof(out[i].id), "%s",
			 PQgetvalue(res, i, 0));
		snprintf(out[i].author, sizeof(out[i].author), "%s",
			 PQgetvalue(res, i, 1));
		snprintf(out[i].on, sizeof(out[i].on), "%s",
			 PQgetvalue(res, i, 2));
		snprintf(out[i].written_at, sizeof(out[i].written_at), "%s",
			 PQgetvalue(res, i, 3));
		if (!(out[i].text = strdup(PQgetvalue(res, i, 4)))) {
			tl_private_free(out, i);
			out = NULL;
		}
	}
	PQclear(res);
	if (!out)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	*notes = out;
	*n = count;
	return TL_OK;
}

enum tl_status tl_pg_private_delete(struct tl_store *st, const char *author,
				    const char *id, struct tl_error *err)
{
	const char *p[] = {id, author};
	PGresult *res = tl_pg_run(st, "DELETE FROM private_notes WHERE id = "
				  "$1 AND author = $2", 2, p,
				  N_("deleting the private note"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	PQclear(res);
	return TL_OK;
}
