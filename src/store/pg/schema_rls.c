/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * schema_rls.c - migration 4: row-level security.  Every table of
 * tillit's is ENABLEd and FORCEd (its owner too is held to its
 * policies), and the functions that the policies look through are made
 * here: who the session's person is, whether its role is an admin, and
 * the lookups a policy needs in another guarded table (the participants
 * of a meeting, a meeting's kind, a mandate's meeting, who recorded a
 * row).  They are SECURITY DEFINER, run as the tables' owner, whose
 * policy lets it read everything: a policy that read those tables
 * itself would recurse (meetings to participants and back).  Each
 * answers about the session's own person only, so a role calling them
 * learns nothing about anyone else's rights.  The trigger functions of
 * migration 2 run as the owner too, so that a check on a meeting's
 * seal sees the meeting whoever writes.
 *
 * The policies themselves are made from the rules table (core/access.c)
 * by policy.c, after this migration and by `tillit admin roles`.
 */
#include "pg.h"

const char tl_pg_migration_rls[] =
	"CREATE FUNCTION tl_rls_me() RETURNS text LANGUAGE sql STABLE "
	"SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
	"  SELECT id FROM people WHERE login = session_user::text AND "
	"status = 'active' ORDER BY id LIMIT 1 $$;\n"
	"CREATE FUNCTION tl_rls_admin() RETURNS boolean LANGUAGE sql STABLE "
	"SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
	"  SELECT CASE WHEN to_regrole('" TL_PG_ADMIN_ROLE "') IS NULL THEN "
	"false ELSE pg_has_role(session_user, '" TL_PG_ADMIN_ROLE "', "
	"'MEMBER') END $$;\n"
	"CREATE FUNCTION tl_rls_takes_part(m text, r text) RETURNS boolean "
	"LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT "
	"AS $$\n"
	"  SELECT EXISTS (SELECT 1 FROM participants p WHERE p.meeting = m "
	"AND p.person = tl_rls_me() AND CASE r WHEN 'member' THEN p.role <> "
	"'guest' ELSE p.role = r END) $$;\n"
	"CREATE FUNCTION tl_rls_takes_part_series(s text, r text) RETURNS "
	"boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM "
	"CURRENT AS $$\n"
	"  SELECT EXISTS (SELECT 1 FROM participants p JOIN meetings pm ON "
	"pm.id = p.meeting WHERE pm.series = s AND p.person = tl_rls_me() "
	"AND CASE r WHEN 'member' THEN p.role <> 'guest' ELSE p.role = r "
	"END) $$;\n"
	"CREATE FUNCTION tl_rls_meeting_kind(m text) RETURNS text LANGUAGE "
	"sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
	"  SELECT kind FROM meetings WHERE id = m $$;\n"
	"CREATE FUNCTION tl_rls_mandate_meeting(d text) RETURNS text LANGUAGE "
	"sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
	"  SELECT meeting FROM mandates WHERE id = d $$;\n"
	"CREATE FUNCTION tl_rls_gave(e text) RETURNS boolean LANGUAGE sql "
	"STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
	"  SELECT EXISTS (SELECT 1 FROM audit WHERE entity_id = e AND action "
	"= 'create' AND actor = tl_rls_me()) $$;\n"
	/* The head of the audit log's chain, which every writer links to
	 * and may not read. */
	"CREATE FUNCTION tl_rls_audit_tail(OUT seq bigint, OUT hash text) "
	"LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT "
	"AS $$\n"
	"  SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1 $$;\n"
	"DO $$ DECLARE t record; BEGIN\n"
	"  FOR t IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE "
	"p.pronamespace = current_schema()::regnamespace AND p.prorettype = "
	"'trigger'::regtype LOOP\n"
	"    EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET "
	"search_path FROM CURRENT', t.f);\n"
	"  END LOOP;\n"
	"  FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = "
	"current_schema()::regnamespace AND c.relkind = 'r' LOOP\n"
	"    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE "
	"ROW LEVEL SECURITY', t.relname);\n"
	"  END LOOP;\n"
	"END $$;\n";
