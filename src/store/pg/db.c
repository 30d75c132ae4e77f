/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * db.c - the PostgreSQL engine: connecting, the schema's version and
 * migrations, transactions, statements through libpq and what their
 * errors mean to a person.
 *
 * A store holds one connection.  Statements are prepared once per
 * connection and kept by their text (tl_pg_run).  Transactions are in
 * txn.c.  A lost connection is
 * made again, once, when nothing was under way (outside a transaction);
 * inside one the transaction is lost and the store says so, and the next
 * statement after it reconnects.  A statement run outside a transaction
 * that fails on a serialisation failure or a deadlock is run again.
 *
 * Nothing the server says reaches a person as it is: tl_pg_error() maps
 * SQLSTATE codes to tillit's own sentences, and the sentences name the
 * database by its label ("tillit on /run/postgresql"), never by the
 * connection string, which may hold a password.
 */
#include "pg.h"
#include "../internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tillit/core/i18n.h"

/* How long a writer waits for the write lock (pg.h) (as SQLite's busy
 * timeout); and no JIT compilation: tillit's statements are short, but
 * the planner's cost of a list under a long access condition passes
 * jit_above_cost, and compiling it took 1.4 s of a 1.6 s query on 300,000
 * records (the UI's start went from 20 ms to 956 ms on the large tier). */
#define LOCK_TIMEOUT "SET lock_timeout = '5s'; SET jit = off"
/* How often a statement outside a transaction is run again when the
 * server could not serialise it. */
#define RETRIES 5

/* Notices (NOTICE, WARNING) are the server's words: not shown. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

bool tl_pg_result_ok(const PGresult *res)
{
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

const char *tl_pg_sqlstate(const PGresult *res)
{
	const char *s = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return s ? s : "";
}

bool tl_pg_retryable(const PGresult *res)
{
	const char *s = tl_pg_sqlstate(res);

	return !strcmp(s, "40001") || !strcmp(s, "40P01");
}

/* The connection is gone: none of it can be used again. */
static bool lost(const struct tl_pg *p, const PGresult *res)
{
	const char *s = tl_pg_sqlstate(res);

	/* A failure without an SQLSTATE is libpq's own: the connection
	 * broke (a server that crashed mid-statement, before libpq marks
	 * the connection bad). */
	return !p->conn || PQstatus(p->conn) != CONNECTION_OK || !*s ||
	       !strncmp(s, "08", 2) || !strcmp(s, "57P01") ||
	       !strcmp(s, "57P02") || !strcmp(s, "57P03");
}

enum tl_status tl_pg_error(struct tl_store *st, const PGresult *res,
			   const char *doing, struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	const char *s = tl_pg_sqlstate(res);
	const char *what = res ? PQresultErrorField(res,
						    PG_DIAG_CONSTRAINT_NAME)
			       : NULL;

	if (lost(p, res))
		return tl_error_set(err, TL_EDB, _("The connection to %s was "
				    "lost while %s; what was under way was "
				    "not saved. Try again."), p->label,
				    _(doing));
	if (!strcmp(s, "P0001")) {
		/* A trigger of ours (schema_rules.c): our own sentence. */
		const char *msg = PQresultErrorField(res,
						     PG_DIAG_MESSAGE_PRIMARY);
		return tl_error_set(err, TL_EREFUSED, "%s.", msg ? msg : "?");
	}
	if (!strcmp(s, "23503"))
		return tl_error_set(err, TL_EREFUSED,
				    _("That would leave records pointing at "
				    "records that do not exist; nothing was "
				    "saved."));
	if (!strncmp(s, "23", 2) || !strncmp(s, "22", 2))
		return tl_error_set(err, TL_EREFUSED,
				    _("The database refused the change (%s)."),
				    what ? what : s);
	if (tl_pg_retryable(res))
		return tl_error_set(err, TL_EDB, _("Another program changed "
				    "the same records at the same time; "
				    "nothing was saved. Try again."));
	if (!strcmp(s, "55P03"))
		return tl_error_set(err, TL_EDB,
				    _("The database %s stayed busy (another "
				    "program is writing); try again."),
				    p->label);
	if (!strcmp(s, "53100"))
		return tl_error_set(err, TL_ESYS, _("The disk is full; nothing "
				    "was saved while %s."), _(doing));
	if (!strncmp(s, "53", 2))
		return tl_error_set(err, TL_EDB, _("The server of %s is out of "
				    "resources (memory or connections); try "
				    "again later."), p->label);
	if (!strcmp(s, "25006"))
		return tl_error_set(err, TL_EDB,
				    _("The database %s is read-only."),
				    p->label);
	if (!strcmp(s, "42501"))
		return tl_error_set(err, TL_EDB, _("The server does not let "
				    "this login change %s (no permission "
				    "while %s)."), p->label, _(doing));
	if (!strcmp(s, "57014"))
		return tl_error_set(err, TL_EDB, _("The server cancelled the "
				    "work while %s; try again."), _(doing));
	return tl_error_set(err, TL_EDB,
			    _("Database error while %s (PostgreSQL code %s)."),
			    _(doing), *s ? s : "?");
}

/* Forgets the statements prepared on the connection (a new one has
 * none). */
static void forget_statements(struct tl_pg *p)
{
	for (int i = 0; i < p->ncache; i++)
		free(p->cache[i].sql);
	p->ncache = 0;
}

/*
 * What every new connection is told before it is used; and who it is:
 * the role the server authenticated (session_user, which no client
 * setting changes) is the store's account, whose person acts.
 */
static bool setup_session(struct tl_store *st)
{
	struct tl_pg *p = tl_pg(st);
	PGresult *res;
	bool ok;

	PQsetNoticeProcessor(p->conn, quiet, NULL);
	if (PQsetClientEncoding(p->conn, "UTF8") != 0)
		return false;
	res = PQexec(p->conn, st->readonly
			      ? LOCK_TIMEOUT "; LISTEN " TL_PG_CHANNEL
				"; SET default_transaction_read_only = on"
				"; SELECT session_user"
			      : LOCK_TIMEOUT "; LISTEN " TL_PG_CHANNEL
				"; SELECT session_user");
	ok = tl_pg_result_ok(res) && PQntuples(res) == 1;
	if (ok && strcmp(st->os_user, PQgetvalue(res, 0, 0))) {
		snprintf(st->os_user, sizeof(st->os_user), "%s",
			 PQgetvalue(res, 0, 0));
		st->os_named = true;
		tl_actor_forget(st);
	}
	PQclear(res);
	return ok;
}

/* *out: whether sql's one value is true. */
static enum tl_status query_bool(struct tl_store *st, const char *sql,
				 bool *out, struct tl_error *err)
{
	PGresult *res = tl_pg_run_once(st, sql, 0, NULL, N_("reading"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	*out = !strcmp(PQgetvalue(res, 0, 0), "t");
	PQclear(res);
	return TL_OK;
}

/* Whether the session's role may act as another person (--as): a
 * member of tillit's admin role, of the role that owns the tables (or
 * the schema, before there are any), or a superuser (who could
 * anyway). */
static enum tl_status pg_may_act_as(struct tl_store *st, bool *may,
				    struct tl_error *err)
{
	return query_bool(st, "SELECT CASE WHEN (SELECT rolsuper FROM pg_roles "
			  "WHERE rolname = session_user) THEN true WHEN "
			  "pg_has_role(session_user, coalesce((SELECT relowner "
			  "FROM pg_class WHERE oid = to_regclass("
			  "'schema_version')), (SELECT nspowner FROM "
			  "pg_namespace WHERE nspname = current_schema())), "
			  "'MEMBER') THEN true WHEN to_regrole('"
			  TL_PG_ADMIN_ROLE "') IS NULL THEN false ELSE "
			  "pg_has_role(session_user, '" TL_PG_ADMIN_ROLE "', "
			  "'MEMBER') END", may, err);
}

/* Whether the session's role passes the policies of the audit log: a
 * superuser, or a member of the role that owns the tables. */
static enum tl_status pg_audit_whole(struct tl_store *st, bool *whole,
				     struct tl_error *err)
{
	return query_bool(st, "SELECT (SELECT rolsuper FROM pg_roles WHERE "
			  "rolname = session_user) OR pg_has_role("
			  "session_user, (SELECT relowner FROM pg_class WHERE "
			  "oid = 'audit'::regclass), 'MEMBER')", whole, err);
}

/* Makes the connection again when it was lost and nothing is under way;
 * true when there is a working one. */
bool tl_pg_reconnect(struct tl_store *st)
{
	struct tl_pg *p = tl_pg(st);

	if (PQstatus(p->conn) == CONNECTION_OK)
		return true;
	if (p->level > 0 || p->reading)
		return false;
	forget_statements(p);
	PQreset(p->conn);
	if (PQstatus(p->conn) != CONNECTION_OK || !setup_session(st))
		return false;
	/* What others wrote meanwhile was not heard: say it changed. */
	p->notified++;
	return true;
}

/* Whether a failed statement outside a transaction may be run again. */
static bool again(struct tl_store *st, const PGresult *res, int attempt)
{
	struct tl_pg *p = tl_pg(st);

	if (p->level > 0 || p->reading || attempt >= RETRIES)
		return false;
	if (lost(p, res))
		return attempt == 0 && tl_pg_reconnect(st);
	if (tl_pg_retryable(res)) {
		struct timespec ts = {0, 2000000L * (attempt + 1)};
		nanosleep(&ts, NULL);
		return true;
	}
	return false;
}

/*
 * The prepared name of sql on this connection, preparing it first; NULL
 * with *once set the first time sql is run, which is then sent with its
 * parameters as it is (one round trip, where preparing it takes two): a
 * command-line run sends most of its statements once.
 */
static const char *prepared(struct tl_store *st, const char *sql, int n,
			    bool *once, PGresult **fail, struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	struct tl_pg_stmt *slot = NULL;
	PGresult *res;

	*fail = NULL;
	*once = false;
	for (int i = 0; i < p->ncache && !slot; i++)
		if (!strcmp(p->cache[i].sql, sql))
			slot = &p->cache[i];
	if (slot && slot->ready)
		return slot->name;
	if (!slot) {
		if (p->ncache == TL_PG_STMT_CACHE) {
			/* Full: drop the oldest, here and on the server. */
			char drop[40];

			snprintf(drop, sizeof(drop), "DEALLOCATE %s",
				 p->cache[0].name);
			if (p->cache[0].ready)
				PQclear(PQexec(p->conn, drop));
			free(p->cache[0].sql);
			memmove(p->cache, p->cache + 1, sizeof(p->cache[0]) *
				(TL_PG_STMT_CACHE - 1));
			p->ncache--;
		}
		slot = &p->cache[p->ncache];
		slot->sql = strdup(sql);
		slot->ready = false;
		if (!slot->sql) {
			tl_error_set(err, TL_ESYS, _("Out of memory."));
			return NULL;
		}
		p->ncache++;
		*once = true;
		return NULL;
	}
	snprintf(slot->name, sizeof(slot->name), "tl%d", ++p->nprepared);
	res = PQprepare(p->conn, slot->name, sql, n, NULL);
	/* Nothing at all when it could not be sent (the connection is
	 * gone): a failed result of the connection's, for tl_pg_error(),
	 * as NULL here means out of memory with err set. */
	if (!res)
		res = PQmakeEmptyPGresult(p->conn, PGRES_FATAL_ERROR);
	if (!tl_pg_result_ok(res)) {
		if (!res)
			tl_error_set(err, TL_ESYS, _("Out of memory."));
		*fail = res;
		return NULL;
	}
	PQclear(res);
	slot->ready = true;
	return slot->name;
}

PGresult *tl_pg_run(struct tl_store *st, const char *sql, int n,
		    const char *const *params, const char *doing,
		    struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);

	tl_pg_settle(p);
	if (p->copy && tl_pg_copy_end(p->copy, err) != TL_OK)
		return NULL;
	for (int attempt = 0;; attempt++) {
		PGresult *res = NULL;
		bool once;
		const char *name = prepared(st, sql, n, &once, &res, err);

		if (once)
			res = PQexecParams(p->conn, sql, n, NULL, params, NULL,
					   NULL, 0);
		else if (!name && !res)
			return NULL; /* out of memory, err set */
		else if (name)
			res = PQexecPrepared(p->conn, name, n, params, NULL,
					     NULL, 0);
		if (tl_pg_result_ok(res))
			return res;
		if (again(st, res, attempt)) {
			PQclear(res);
			continue;
		}
		tl_pg_error(st, res, doing, err);
		PQclear(res);
		return NULL;
	}
}

PGresult *tl_pg_run_once(struct tl_store *st, const char *sql, int n,
			 const char *const *params, const char *doing,
			 struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);

	tl_pg_settle(p);
	if (p->copy && tl_pg_copy_end(p->copy, err) != TL_OK)
		return NULL;
	for (int attempt = 0;; attempt++) {
		PGresult *res = PQexecParams(p->conn, sql, n, NULL, params,
					     NULL, NULL, 0);
		if (tl_pg_result_ok(res))
			return res;
		if (again(st, res, attempt)) {
			PQclear(res);
			continue;
		}
		tl_pg_error(st, res, doing, err);
		PQclear(res);
		return NULL;
	}
}

enum tl_status tl_pg_exec(struct tl_store *st, const char *sql,
			  const char *doing, struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);

	tl_pg_settle(p);
	if (p->copy) {
		enum tl_status rc = tl_pg_copy_end(p->copy, err);
		if (rc != TL_OK)
			return rc;
	}
	for (int attempt = 0;; attempt++) {
		PGresult *res = PQexec(p->conn, sql);
		enum tl_status rc = TL_OK;

		if (!tl_pg_result_ok(res)) {
			if (again(st, res, attempt)) {
				PQclear(res);
				continue;
			}
			rc = tl_pg_error(st, res, doing, err);
		}
		PQclear(res);
		return rc;
	}
}

/* "tillit on /run/postgresql": the database and server, for sentences. */
static void make_label(struct tl_pg *p, PQconninfoOption *opts)
{
	const char *db = NULL, *host = NULL, *user = NULL, *service = NULL;

	for (PQconninfoOption *o = opts; o && o->keyword; o++) {
		if (!o->val || !*o->val)
			continue;
		if (!strcmp(o->keyword, "dbname"))
			db = o->val;
		else if (!strcmp(o->keyword, "host"))
			host = o->val;
		else if (!strcmp(o->keyword, "user"))
			user = o->val;
		else if (!strcmp(o->keyword, "service"))
			service = o->val;
	}
	if (!db)
		db = service ? service : user;
	if (!db)
		db = getenv("PGDATABASE");
	if (!host)
		host = getenv("PGHOST");
	if (db && host)
		snprintf(p->label, sizeof(p->label), _("%s on %s"), db, host);
	else
		snprintf(p->label, sizeof(p->label), "%s",
			 db ? db : _("the PostgreSQL database"));
}

/* The sentence for a connection that could not be made.  libpq's
 * message is read, never shown. */
static enum tl_status connect_error(struct tl_pg *p, struct tl_error *err)
{
	const char *m = PQerrorMessage(p->conn);

	if (strstr(m, "database \"") && strstr(m, "does not exist"))
		return tl_error_set(err, TL_ENOTFOUND, _("The server has no "
				    "database %s; ask its administrator to "
				    "create it (createdb), then run tillit "
				    "init."), p->label);
	if (strstr(m, "authentication") || strstr(m, "role \"") ||
	    strstr(m, "pg_hba.conf") || strstr(m, "password"))
		return tl_error_set(err, TL_EDB, _("The server of %s refused "
				    "the login (user, password or access)."),
				    p->label);
	if (strstr(m, "service"))
		return tl_error_set(err, TL_EINVAL, _("The PostgreSQL service "
				    "named in --db is not in pg_service.conf."));
	return tl_error_set(err, TL_EDB, _("Cannot reach the PostgreSQL "
			    "server of %s; is it running?"), p->label);
}

static enum tl_status query_long(struct tl_store *st, const char *sql,
				 long *out, struct tl_error *err)
{
	PGresult *res = tl_pg_run_once(st, sql, 0, NULL,
				       N_("reading the database"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	*out = PQntuples(res) && !PQgetisnull(res, 0, 0)
		       ? strtol(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	PQclear(res);
	return TL_OK;
}

/* The schema's version: 0 for an empty database; refuses a database
 * that holds other things, or a newer tillit's. */
static enum tl_status check_schema(struct tl_store *st, long *version,
				   struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	long ours = 0, tables = 0;
	enum tl_status rc;
	PGresult *res;

	*version = 0;
	/* Its own table first, one statement: what a database of tillit
	 * answers (the catalog's views cost a command a few milliseconds
	 * more); the catalog is read when it is not there. */
	res = PQexec(p->conn, "SELECT max(version) FROM schema_version");
	if (tl_pg_result_ok(res)) {
		ours = 1;
		*version = PQntuples(res) && !PQgetisnull(res, 0, 0)
			? strtol(PQgetvalue(res, 0, 0), NULL, 10) : 0;
		PQclear(res);
		rc = TL_OK;
	} else if (!strcmp(tl_pg_sqlstate(res), "42P01")) {
		PQclear(res);
		rc = query_long(st, "SELECT count(*) FROM pg_tables WHERE "
				"schemaname = current_schema()", &tables, err);
	} else {
		rc = tl_pg_error(st, res, N_("reading the database"), err);
		PQclear(res);
	}
	if (rc != TL_OK)
		return rc;
	if (!ours && tables > 0)
		return tl_error_set(err, TL_EDB, _("The database %s holds "
				    "other tables, not tillit's."), p->label);
	if (*version > TL_PG_SCHEMA_VERSION)
		return tl_error_set(err, TL_EDB, _("%s was written by a newer "
				    "tillit (schema %ld; this one knows %d); "
				    "upgrade tillit to use it."), p->label,
				    *version, TL_PG_SCHEMA_VERSION);
	return TL_OK;
}

/* Brings the schema up to TL_PG_SCHEMA_VERSION, one migration per
 * transaction, holding the write lock so that two programs starting at
 * once do not both migrate. */
static enum tl_status migrate(struct tl_store *st, struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc = TL_OK;

	for (long v = 1; v <= tl_pg_nmigrations && rc == TL_OK; v++) {
		char sql[96];
		long now = 0;

		rc = tl_pg_exec(st, "BEGIN; " TL_PG_WRITE_LOCK "; CREATE TABLE "
				"IF "
				"NOT EXISTS schema_version (version integer "
				"NOT NULL)", N_("upgrading the database"),
				err);
		p->level = rc == TL_OK;
		if (rc == TL_OK)
			rc = query_long(st, "SELECT coalesce(max(version), 0) "
					"FROM schema_version", &now, err);
		if (rc == TL_OK && now < v) {
			rc = tl_pg_exec(st, tl_pg_migrations[v],
					N_("upgrading the database"), err);
			/* The policies are made from the rules of this
			 * program, after each migration from the one that
			 * turned row-level security on: a table it holds
			 * its owner to takes no row without them. */
			if (rc == TL_OK && v >= TL_PG_RLS_MIGRATION)
				rc = tl_pg_policies(st, err);
			snprintf(sql, sizeof(sql), "DELETE FROM "
				 "schema_version; INSERT INTO schema_version "
				 "VALUES (%ld)", v);
			if (rc == TL_OK)
				rc = tl_pg_exec(st, sql,
						N_("upgrading the database"),
						err);
		}
		if (rc == TL_OK)
			rc = tl_pg_exec(st, "COMMIT",
					N_("upgrading the database"), err);
		else if (p->level)
			PQclear(PQexec(p->conn, "ROLLBACK"));
		p->level = 0;
	}
	return rc;
}

static void pg_close(struct tl_store *st)
{
	struct tl_pg *p = tl_pg(st);

	if (!p)
		return;
	forget_statements(p);
	if (p->stream) {
		tl_pg_copy_free(p->stream);
		free(p->stream);
	}
	free(p->at_commit);
	if (p->conn)
		PQfinish(p->conn);
	free(p->conninfo);
	free(p);
	st->be = NULL;
	st->label = NULL;
}

static enum tl_status pg_open(struct tl_store *st, unsigned flags,
			      struct tl_error *err)
{
	struct tl_pg *p;
	PQconninfoOption *opts;
	long version = 0;
	enum tl_status rc = tl_libpq_load(err);

	if (rc != TL_OK)
		return rc;
	p = calloc(1, sizeof(*p));
	if (!p || !(p->conninfo = strdup(st->path))) {
		free(p);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	st->be = p;
	opts = PQconninfoParse(p->conninfo, NULL);
	if (!opts) {
		pg_close(st);
		return tl_error_set(err, TL_EINVAL, _("The database given is "
				    "not a valid PostgreSQL connection string "
				    "or URI."));
	}
	make_label(p, opts);
	PQconninfoFree(opts);
	st->label = p->label;
	{
		/* The string given, as it is (expand_dbname), and the
		 * program's name for the server's list of sessions
		 * (pg_stat_activity) unless the string names one. */
		const char *const keys[] = {"dbname",
					    "fallback_application_name",
					    NULL};
		const char *const vals[] = {p->conninfo, "tillit", NULL};

		p->conn = tl_pg_connect(keys, vals);
	}
	if (!p->conn) {
		pg_close(st);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (PQstatus(p->conn) != CONNECTION_OK) {
		rc = connect_error(p, err);
		pg_close(st);
		return rc;
	}
	if (PQhost(p->conn) && PQdb(p->conn))
		snprintf(p->label, sizeof(p->label), _("%s on %s"),
			 PQdb(p->conn), PQhost(p->conn));
	rc = setup_session(st) ? TL_OK : tl_pg_error(st, NULL,
						     N_("opening"), err);
	if (rc == TL_OK)
		rc = check_schema(st, &version, err);
	if (rc == TL_OK && version == 0 && !(flags & TL_OPEN_CREATE))
		rc = tl_error_set(err, TL_ENOTFOUND, _("The database %s holds "
				  "no tillit data yet; run tillit init "
				  "first."), p->label);
	/* A read-only store upgrades an older schema too, as SQLite's
	 * does: a session that may not write says so (25006). */
	if (rc == TL_OK && version < TL_PG_SCHEMA_VERSION) {
		if (st->readonly)
			rc = tl_pg_exec(st, "SET default_transaction_read_only"
					" = off", N_("opening"), err);
		if (rc == TL_OK)
			rc = migrate(st, err);
		st->created = rc == TL_OK && version == 0;
		if (rc == TL_OK && st->readonly)
			rc = tl_pg_exec(st, "SET default_transaction_read_only"
					" = on", N_("opening"), err);
	}
	if (rc != TL_OK)
		pg_close(st);
	return rc;
}

/* Counts what other connections sent on the channel: it changes when
 * another program commits a change. */
static enum tl_status pg_change_count(struct tl_store *st, long *n,
				      struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	PGnotify *note;
	int me = PQbackendPID(p->conn);

	if ((!PQconsumeInput(p->conn) ||
	     PQstatus(p->conn) != CONNECTION_OK) && !tl_pg_reconnect(st))
		return tl_pg_error(st, NULL, N_("reading"), err);
	while ((note = PQnotifies(p->conn)) != NULL) {
		if (note->be_pid != me)
			p->notified++;
		PQfreemem(note);
	}
	*n = p->notified;
	return TL_OK;
}

const struct tl_backend_ops tl_pg_ops = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.change_count = pg_change_count,
	.begin = tl_pg_begin,
	.commit = tl_pg_commit,
	.rollback = tl_pg_rollback,
	.read_begin = tl_pg_read_begin,
	.read_end = tl_pg_read_end,
	.get = tl_pg_get,
	.insert = tl_pg_insert,
	.update = tl_pg_update,
	.remove = tl_pg_remove,
	.find = tl_pg_find,
	.allowed = tl_pg_allowed,
	.max_number = tl_pg_max_number,
	.mark_signed = tl_pg_mark_signed,
	.match = tl_pg_match,
	.list = tl_pg_list,
	.iter_new = tl_pg_iter_new,
	.iter_next = tl_pg_iter_next,
	.iter_free = tl_pg_iter_free,
	.count = tl_pg_count,
	.search = tl_pg_search,
	.audit_add = tl_pg_audit_add,
	.audit_tail = tl_pg_audit_tail,
	.audit = tl_pg_audit,
	.audit_after = tl_pg_audit_after,
	.bulk_begin = tl_pg_bulk_begin,
	.bulk_start = tl_pg_bulk_start,
	.bulk_add = tl_pg_bulk_add,
	.bulk_principle = tl_pg_bulk_principle,
	.bulk_set_memory = tl_pg_bulk_set_memory,
	.bulk_empty = tl_pg_bulk_empty,
	.bulk_holds = tl_pg_bulk_holds,
	.bulk_shared_id = tl_pg_bulk_shared_id,
	.bulk_locked = tl_pg_bulk_locked,
	.bulk_finish = tl_pg_bulk_finish,
	.bulk_done = tl_pg_bulk_done,
	.keys = tl_pg_keys,
	.key_add = tl_pg_key_add,
	.key_retire = tl_pg_key_retire,
	.may_act_as = pg_may_act_as,
	.admin_roles = tl_pg_admin_roles,
	.audit_whole = pg_audit_whole,
	.private_add = tl_pg_private_add,
	.private_list = tl_pg_private_list,
	.private_delete = tl_pg_private_delete,
	.admin_unguarded = tl_pg_admin_unguarded,
	.stream_record = tl_pg_stream_record,
	.stream_audit = tl_pg_stream_audit,
	.stream_end = tl_pg_stream_end,
};
