/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * access.h - the rules of core/access.h as SQL, for both engines: one
 * condition on a row of a kind's table that holds when a person has a
 * right over it.  The engines add it to their lists, counts and lookups
 * (and the store asks it of one row before a change), so the table in
 * core/access.c is the one place the rules live; each relation is
 * spelt here once (who the participants, holder, giver and line
 * managers of a row are).
 *
 * The SQL is the common part of SQLite's and PostgreSQL's: EXISTS,
 * IN, WITH RECURSIVE in a subquery.  The row is named by its table
 * (followups.owner); subqueries use names starting "tl_".
 */
#ifndef TILLIT_STORE_SQL_ACCESS_H
#define TILLIT_STORE_SQL_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/core/access.h"
#include "tillit/core/model.h"

/* Who asks. */
struct tl_sql_viewer {
	const char *me; /* an SQL expression for their person's id: a
			   quoted id ('…'), or NULL when no person */
	bool admin;     /* an admin of tillit (TL_REL_ADMIN) */
	bool policy;    /* for a row-level security policy of PostgreSQL:
			   the row's meeting, its kind, the participants
			   and the audit log's create rows are looked up
			   with the tl_rls_ functions (pg/policy.c) that
			   read past the policies, and admin is the
			   session's role, tl_rls_admin() */
	/* For a policy written between migrations: the tables made so
	 * far, each between spaces (" units people "); the audit log's
	 * condition leaves out the kinds whose table comes later.  NULL:
	 * every kind's. */
	const char *tables;
};

/*
 * Writes into buf (size bytes) a condition, true when the viewer has at
 * least `right` over the row of kind's table.  NULL when it does not
 * fit (buf is then cut), else buf.
 */
const char *tl_sql_access(enum tl_kind kind, enum tl_right right,
			  const struct tl_sql_viewer *v, char *buf,
			  size_t size);

/*
 * Writes into buf a condition, true when the row of kind's table is in
 * `scope` (a one-to-one, or the minutes of another meeting); NULL for
 * TL_SCOPE_ANY, a kind that is in no meeting, or when it does not fit.
 */
const char *tl_sql_in_scope(enum tl_kind kind, enum tl_scope scope, char *buf,
			    size_t size);

/*
 * Writes into buf a condition on a new row of kind's table, true when
 * the viewer may add it (as tl_access_check_new decides): an admin adds
 * units, people and principles; a decision is reported by whoever may
 * answer for its mandate; what is recorded in a meeting by whoever may
 * change the meeting; anything else by anyone.  NULL when it does not
 * fit.
 */
const char *tl_sql_new(enum tl_kind kind, const struct tl_sql_viewer *v,
		       char *buf, size_t size);

/* Whether v->tables holds `table` (always, when it is NULL). */
bool tl_sql_table_made(const struct tl_sql_viewer *v, const char *table);

/*
 * Writes into buf a condition on a row of the audit log, true when the
 * viewer may read it: they made the change, or may read the record it
 * is about (a record now deleted: only whoever made the change).  NULL
 * when it does not fit.
 */
const char *tl_sql_audit_read(const struct tl_sql_viewer *v, char *buf,
			      size_t size);

/* A person's id as an SQL literal into out ('…'), or "NULL" when id is
 * not an id.  out holds TL_SQL_ME_SIZE bytes. */
#define TL_SQL_ME_SIZE 40
const char *tl_sql_me(const char *id, char out[TL_SQL_ME_SIZE]);

#endif
