/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * admin.c - the organisation tier's accounts (tillit admin): a login
 * role for every person with a login, in the group role tillit_user,
 * which may use tillit's tables; the group role tillit_admin, whose
 * members may act as another person (--as); the row-level security
 * policies made again from this program's rules (policy.c); and which
 * tables have no policy.
 *
 * Roles are made without a password: how a role proves who it is
 * (peer, certificate, SCRAM) is the server's pg_hba.conf, the DBA's.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

/* The group roles and what tillit_user may do, made when missing. */
static const char groups[] =
	"DO $$ BEGIN\n"
	"  IF to_regrole('" TL_PG_USER_ROLE "') IS NULL THEN\n"
	"    CREATE ROLE " TL_PG_USER_ROLE " NOLOGIN;\n"
	"  END IF;\n"
	"  IF to_regrole('" TL_PG_ADMIN_ROLE "') IS NULL THEN\n"
	"    CREATE ROLE " TL_PG_ADMIN_ROLE " NOLOGIN;\n"
	"  END IF;\n"
	"END $$;\n"
	"GRANT " TL_PG_USER_ROLE " TO " TL_PG_ADMIN_ROLE;

/* What tillit_user may do in this database's schema, as a statement. */
static const char grants[] =
	"SELECT format('GRANT USAGE ON SCHEMA %I TO " TL_PG_USER_ROLE "; "
	"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO "
	TL_PG_USER_ROLE "; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I "
	"TO " TL_PG_USER_ROLE "', current_schema(), current_schema(), "
	"current_schema())";

/* Runs the one statement the text of res's first value is. */
static enum tl_status run_made(struct tl_store *st, PGresult *res,
			       struct tl_error *err)
{
	enum tl_status rc = tl_pg_exec(st, PQgetvalue(res, 0, 0),
				       N_("making the roles"), err);

	PQclear(res);
	return rc;
}

enum tl_status tl_pg_admin_roles(struct tl_store *st,
				 const char *const *logins, int n, int *made,
				 struct tl_error *err)
{
	PGresult *res;
	enum tl_status rc;

	*made = 0;
	rc = tl_pg_exec(st, groups, N_("making the roles"), err);
	if (rc != TL_OK)
		return rc;
	res = tl_pg_run_once(st, grants, 0, NULL, N_("making the roles"),
			     err);
	if (!res)
		return err ? err->status : TL_EDB;
	rc = run_made(st, res, err);
	if (rc == TL_OK)
		rc = tl_pg_policies(st, err);
	for (int i = 0; rc == TL_OK && i < n; i++) {
		const char *p[1] = {logins[i]};

		res = tl_pg_run_once(st, "SELECT CASE WHEN to_regrole("
				     "quote_ident($1)) IS NULL THEN format("
				     "'CREATE ROLE %I LOGIN IN ROLE "
				     TL_PG_USER_ROLE "', $1::text) END", 1, p,
				     N_("making the roles"), err);
		if (!res)
			return err ? err->status : TL_EDB;
		if (PQgetisnull(res, 0, 0)) {
			PQclear(res);
			continue; /* it has one */
		}
		rc = run_made(st, res, err);
		if (rc == TL_OK)
			(*made)++;
	}
	return rc;
}

enum tl_status tl_pg_admin_unguarded(struct tl_store *st, char ***tables,
				     int *n, struct tl_error *err)
{
	PGresult *res;
	char **t;

	*tables = NULL;
	*n = 0;
	res = tl_pg_run_once(st, "SELECT c.relname FROM pg_class c WHERE "
			     "c.relnamespace = current_schema()::regnamespace "
			     "AND c.relkind IN ('r', 'p') AND NOT (c."
			     "relrowsecurity AND c.relforcerowsecurity AND "
			     "EXISTS (SELECT 1 FROM pg_policy p WHERE "
			     "p.polrelid = c.oid AND p.polcmd IN ('r', '*') "
			     "AND 0 = ANY (p.polroles))) ORDER BY c.relname", 0,
			     NULL, N_("reading the database"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	t = calloc((size_t)PQntuples(res) + 1, sizeof(*t));
	for (int i = 0; t && i < PQntuples(res); i++)
		if (!(t[i] = strdup(PQgetvalue(res, i, 0))))
			break;
	if (!t || (PQntuples(res) > 0 && !t[PQntuples(res) - 1])) {
		for (int i = 0; t && t[i]; i++)
			free(t[i]);
		free(t);
		PQclear(res);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	*n = PQntuples(res);
	*tables = t;
	PQclear(res);
	return TL_OK;
}
