/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * policy.c - the row-level security policies, made from the rules table
 * of core/access.c through sql/access.c, so that a person's role reads
 * and changes through psql exactly what tillit lets them (issue 15).
 *
 * On each of a kind's tables, for every role (PUBLIC):
 *   tl_read    SELECT what the person may read;
 *   tl_add     INSERT what they may add (tl_sql_new);
 *   tl_change  UPDATE what they may answer for or change; a trigger,
 *              tl_rls_answer, lets one who may only answer set only
 *              the fields they answer for (tl_access_answers);
 *   tl_remove  DELETE what they may change.
 * A signature or seal is written by signing, by whoever may read the
 * minutes (the justering triggers and the store check the rest).  The
 * audit log is read as the records it is about, and a row is added
 * only under the session's own account.  People's keys are read by all
 * and added by the person or an admin.
 *
 * The tables' owner has a policy of its own, tl_owner, that lets it do
 * everything: the owner sets the database up, loads and moves it, and
 * is nobody's login.  Superusers pass every policy; tillit never makes a
 * role with BYPASSRLS.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../sql/access.h"
#include "tillit/core/i18n.h"

/* The session's person and admin role, as policies ask them; the
 * tables made so far are script()'s. */
static struct tl_sql_viewer viewer = {
	.me = "tl_rls_me()",
	.admin = false,
	.policy = true,
};

#define COND_SIZE 65536

/* Row-level security on for t, its owner held too, and none of its
 * policies left. */
static void drop_all(FILE *f, const char *t)
{
	fprintf(f, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW "
		"LEVEL SECURITY;\n", t);
	static const char *const names[] = {"tl_owner", "tl_read", "tl_add",
					    "tl_change", "tl_remove"};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		fprintf(f, "DROP POLICY IF EXISTS %s ON %s;\n", names[i], t);
}

static void policy(FILE *f, const char *name, const char *t, const char *cmd,
		   const char *using, const char *check)
{
	fprintf(f, "CREATE POLICY %s ON %s FOR %s", name, t, cmd);
	if (using)
		fprintf(f, " USING (%s)", using);
	if (check)
		fprintf(f, " WITH CHECK (%s)", check);
	fputs(";\n", f);
}

/* The policies of a kind's table into f; false when a condition does
 * not fit. */
static bool kind_policies(FILE *f, enum tl_kind k, char *a, char *b)
{
	const char *t = tl_entity_get(k)->plural;

	if (!tl_sql_access(k, TL_RIGHT_READ, &viewer, a, COND_SIZE))
		return false;
	policy(f, "tl_read", t, "SELECT", a, NULL);
	if (k == TL_K_SIGNATURE || k == TL_K_SEAL) {
		policy(f, "tl_add", t, "INSERT", NULL, a);
		policy(f, "tl_change", t, "UPDATE", a, a);
		return true;
	}
	if (!tl_sql_new(k, &viewer, b, COND_SIZE))
		return false;
	policy(f, "tl_add", t, "INSERT", NULL, b);
	if (!tl_sql_access(k, TL_RIGHT_ANSWER, &viewer, a, COND_SIZE))
		return false;
	policy(f, "tl_change", t, "UPDATE", a, a);
	if (!tl_sql_access(k, TL_RIGHT_CHANGE, &viewer, a, COND_SIZE))
		return false;
	policy(f, "tl_remove", t, "DELETE", a, NULL);
	return true;
}

/* Writes v into f as an SQL string literal. */
static void literal(FILE *f, const char *v)
{
	fputc('\'', f);
	for (; *v; v++) {
		if (*v == '\'')
			fputc('\'', f);
		fputc(*v, f);
	}
	fputc('\'', f);
}

/*
 * For a kind with fields its holder answers for (tl_access_answers): a
 * trigger that lets an update which changes any other field through
 * only for whoever may change the record.  A policy sees rows, not
 * columns; the tables' owner passes, as its policy lets it.
 */
static bool answer_trigger(FILE *f, enum tl_kind k, char *a)
{
	const struct tl_entity *e = tl_entity_get(k);
	char who[512], msg[768];
	bool any = false;

	for (int i = 0; i < e->nfields; i++)
		any = any || tl_access_answers(k, i);
	fprintf(f, "DROP TRIGGER IF EXISTS tl_rls_answer ON %s;\n",
		e->plural);
	if (!any)
		return true;
	if (!tl_sql_access(k, TL_RIGHT_CHANGE, &viewer, a, COND_SIZE) ||
	    !tl_access_who(k, TL_SCOPE_ANY, TL_RIGHT_CHANGE, who,
			   sizeof(who)))
		return false;
	snprintf(msg, sizeof(msg), "Only %s may change this %s; its holder "
		 "answers for its state.", who, e->label);
	fprintf(f, "CREATE OR REPLACE FUNCTION tl_rls_answer_%s() RETURNS "
		"trigger LANGUAGE plpgsql AS $tl$\nBEGIN\n  IF pg_has_role("
		"current_user, (SELECT relowner FROM pg_class WHERE oid = "
		"TG_RELID), 'MEMBER') THEN RETURN NEW; END IF;\n  IF (",
		e->plural);
	for (int i = 0, n = 0; i < e->nfields; i++)
		if (!tl_access_answers(k, i))
			fprintf(f, "%sNEW.%s", n++ ? ", " : "",
				e->fields[i].name);
	fputs(") IS DISTINCT FROM (", f);
	for (int i = 0, n = 0; i < e->nfields; i++)
		if (!tl_access_answers(k, i))
			fprintf(f, "%sOLD.%s", n++ ? ", " : "",
				e->fields[i].name);
	fprintf(f, ") AND NOT EXISTS (SELECT 1 FROM %s WHERE %s.id = OLD.id "
		"AND %s) THEN\n    RAISE EXCEPTION USING ERRCODE = "
		"'insufficient_privilege', MESSAGE = ", e->plural, e->plural,
		a);
	literal(f, msg);
	fprintf(f, ";\n  END IF;\n  RETURN NEW;\nEND $tl$;\n"
		"CREATE TRIGGER tl_rls_answer BEFORE UPDATE ON %s FOR EACH ROW "
		"EXECUTE FUNCTION tl_rls_answer_%s();\n", e->plural,
		e->plural);
	return true;
}

/* Every table's policies, as one script into f; a kind whose table a
 * later migration makes is left for then. */
static bool script(FILE *f, const char *owner, const char *tables, char *a,
		   char *b)
{
	static const char *const others[] = {"audit", "person_keys",
					     "schema_version"};

	viewer.tables = tables;
	for (int k = 0; k < TL_K_COUNT; k++) {
		const char *t = tl_entity_get((enum tl_kind)k)->plural;

		if (!tl_sql_table_made(&viewer, t))
			continue;
		drop_all(f, t);
		fprintf(f, "CREATE POLICY tl_owner ON %s TO %s USING (true) "
			"WITH CHECK (true);\n", t, owner);
		if (!kind_policies(f, (enum tl_kind)k, a, b) ||
		    !answer_trigger(f, (enum tl_kind)k, a))
			return false;
	}
	for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++) {
		drop_all(f, others[i]);
		fprintf(f, "CREATE POLICY tl_owner ON %s TO %s USING (true) "
			"WITH CHECK (true);\n", others[i], owner);
	}
	if (!tl_sql_audit_read(&viewer, a, COND_SIZE))
		return false;
	policy(f, "tl_read", "audit", "SELECT", a, NULL);
	policy(f, "tl_add", "audit", "INSERT", NULL,
	       "audit.os_user = session_user::text");
	policy(f, "tl_read", "person_keys", "SELECT", "true", NULL);
	policy(f, "tl_add", "person_keys", "INSERT", NULL,
	       "person_keys.person = tl_rls_me() OR tl_rls_admin()");
	policy(f, "tl_change", "person_keys", "UPDATE",
	       "person_keys.person = tl_rls_me() OR tl_rls_admin()",
	       "person_keys.person = tl_rls_me() OR tl_rls_admin()");
	policy(f, "tl_read", "schema_version", "SELECT", "true", NULL);
	return true;
}

enum tl_status tl_pg_policies(struct tl_store *st, struct tl_error *err)
{
	PGresult *res;
	char *a = malloc(COND_SIZE), *b = malloc(COND_SIZE), *sql = NULL;
	size_t len = 0;
	FILE *f = NULL;
	enum tl_status rc = TL_OK;
	bool whole = false;

	res = tl_pg_run_once(st, "SELECT quote_ident(pg_get_userbyid("
			     "relowner)), ' ' || (SELECT string_agg(relname, "
			     "' ') FROM pg_class t WHERE t.relkind = 'r' AND "
			     "t.relnamespace = pg_class.relnamespace) || ' ' "
			     "FROM pg_class WHERE oid = 'audit'::regclass", 0,
			     NULL,
			     N_("guarding the tables"), err);
	if (!res) {
		free(a);
		free(b);
		return err ? err->status : TL_EDB;
	}
	if (a && b && (f = open_memstream(&sql, &len))) {
		whole = script(f, PQgetvalue(res, 0, 0),
			       PQgetvalue(res, 0, 1), a, b);
		whole = fclose(f) == 0 && whole;
	}
	PQclear(res);
	free(a);
	free(b);
	if (!whole)
		rc = tl_error_set(err, TL_ESYS, _("The rules do not fit in a "
				  "policy."));
	else
		rc = tl_pg_exec(st, sql, N_("guarding the tables"), err);
	free(sql);
	return rc;
}
