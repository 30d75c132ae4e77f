/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * access.c - who reads and changes what, applied by the store to
 * everything tillit does (core/access.h has the rules, sql/access.c
 * spells them in SQL for the engines).
 *
 * The viewer is the acting person (tl_store_actor).  An account that is
 * no person and may act as anyone (the owner of an SQLite file, an
 * admin or superuser on the server) works unrestricted: it is how a
 * database is set up, loaded and moved.  A person is an admin when the
 * account may act as anyone and they act as themselves; a person
 * acted as with --as has only their own rights.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "internal.h"
#include "sql/access.h"
#include "tillit/core/i18n.h"

void tl_viewer_forget(struct tl_store *st)
{
	st->viewer_known = false;
	for (int k = 0; k < TL_K_COUNT; k++) {
		free(st->read_sql[k]);
		st->read_sql[k] = NULL;
	}
	free(st->audit_sql);
	st->audit_sql = NULL;
}

/* Whether everyone (an admin, when admin) reads every record of kind,
 * in whatever meeting it is. */
static bool everyone_reads(enum tl_kind kind, bool admin)
{
	unsigned rels = TL_REL_ANYONE | (admin ? TL_REL_ADMIN : 0);

	return tl_access_right(kind, TL_SCOPE_ANY, rels) >= TL_RIGHT_READ &&
	       tl_access_right(kind, TL_SCOPE_ONE_TO_ONE, rels) >=
		       TL_RIGHT_READ &&
	       tl_access_right(kind, TL_SCOPE_MINUTES, rels) >= TL_RIGHT_READ;
}

/* The viewer as the rules' SQL asks of the engines. */
static struct tl_sql_viewer viewer_of(const struct tl_store *st)
{
	struct tl_sql_viewer v = {.me = st->me_sql, .admin = st->admin};

	return v;
}

/* st->audit_sql for the viewer v. */
static enum tl_status audit_ready(struct tl_store *st,
				  const struct tl_sql_viewer *v,
				  struct tl_error *err)
{
	size_t size = 1 << 17;
	char *buf = malloc(size);

	if (!buf)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (!tl_sql_audit_read(v, buf, size)) {
		free(buf);
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	}
	st->audit_sql = realloc(buf, strlen(buf) + 1);
	if (!st->audit_sql)
		st->audit_sql = buf;
	return TL_OK;
}

enum tl_status tl_viewer_ready(struct tl_store *st, struct tl_error *err)
{
	char id[TL_ID_LEN + 1], cond[8192];
	struct tl_sql_viewer v;
	bool may = false;
	enum tl_status rc;

	if (st->viewer_known)
		return TL_OK;
	rc = tl_store_actor(st, id, NULL);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return tl_store_actor(st, id, err);
	if (rc == TL_ENOTFOUND)
		id[0] = '\0';
	if (!st->as[0] && st->ops->may_act_as) {
		rc = st->ops->may_act_as(st, &may, err);
		if (rc != TL_OK)
			return rc;
	}
	tl_viewer_forget(st);
	st->unrestricted = !id[0] && may;
	st->admin = id[0] && may;
	tl_sql_me(id, st->me_sql);
	if (!st->unrestricted) {
		v = viewer_of(st);
		for (int k = 0; k < TL_K_COUNT; k++) {
			if (!tl_sql_access((enum tl_kind)k, TL_RIGHT_READ, &v,
					   cond, sizeof(cond)))
				return tl_error_set(err, TL_ESYS, _("The query "
						    "is too long."));
			if (everyone_reads((enum tl_kind)k, st->admin))
				continue; /* no condition needed */
			if (!(st->read_sql[k] = strdup(cond))) {
				tl_viewer_forget(st);
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			}
		}
		rc = audit_ready(st, &v, err);
		if (rc != TL_OK) {
			tl_viewer_forget(st);
			return rc;
		}
	}
	st->viewer_known = true;
	return TL_OK;
}

const char *tl_access_read_sql(const struct tl_store *st, enum tl_kind kind)
{
	if (!st->viewer_known || st->unrestricted || kind < 0 ||
	    kind >= TL_K_COUNT)
		return NULL;
	return st->read_sql[kind];
}

const char *tl_access_audit_sql(const struct tl_store *st)
{
	if (!st->viewer_known || st->unrestricted)
		return NULL;
	return st->audit_sql;
}

/* The scope a stored record is in, as the rules' SQL finds it. */
static enum tl_scope scope_of(struct tl_store *st, const struct tl_record *r)
{
	static const enum tl_scope scopes[] = {TL_SCOPE_ONE_TO_ONE,
					       TL_SCOPE_MINUTES};
	char cond[512];

	for (size_t i = 0; i < sizeof(scopes) / sizeof(*scopes); i++) {
		bool in = false;

		if (tl_sql_in_scope(r->e->kind, scopes[i], cond,
				    sizeof(cond)) &&
		    st->ops->allowed(st, r->e->kind, r->id, cond, &in,
				     NULL) == TL_OK && in)
			return scopes[i];
	}
	return TL_SCOPE_ANY;
}

/* The sentence that refuses `right` over r. */
static enum tl_status refuse(struct tl_store *st, const struct tl_record *r,
			     enum tl_right right, struct tl_error *err)
{
	char buf[512];
	const char *who = tl_access_who(r->e->kind, scope_of(st, r), right,
					buf, sizeof(buf));
	const char *label = _(r->e->label);

	if (!who)
		return tl_error_set(err, TL_EREFUSED, _("Nobody may change "
				    "this %s."), label);
	switch (right) {
	case TL_RIGHT_READ:
		return tl_error_set(err, TL_EREFUSED, _("This %s can be read "
				    "only by %s."), label, who);
	case TL_RIGHT_ANSWER:
		return tl_error_set(err, TL_EREFUSED, _("Only %s may answer "
				    "for this %s."), who, label);
	default:
		return tl_error_set(err, TL_EREFUSED, _("Only %s may change "
				    "this %s."), who, label);
	}
}

enum tl_status tl_access_may(struct tl_store *st, enum tl_kind kind,
			     const char *id, enum tl_right right, bool *ok,
			     struct tl_error *err)
{
	char cond[8192];
	struct tl_sql_viewer v;
	enum tl_status rc = tl_viewer_ready(st, err);

	*ok = true;
	if (rc != TL_OK || st->unrestricted)
		return rc;
	/* A kind everyone reads: no need to ask. */
	if (right == TL_RIGHT_READ && !st->read_sql[kind])
		return TL_OK;
	v = viewer_of(st);
	if (!tl_sql_access(kind, right, &v, cond, sizeof(cond)))
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	return st->ops->allowed(st, kind, id, cond, ok, err);
}

enum tl_status tl_access_check(struct tl_store *st, const struct tl_record *r,
			       enum tl_right right, struct tl_error *err)
{
	bool ok;
	enum tl_status rc = tl_access_may(st, r->e->kind, r->id, right, &ok,
					  err);

	if (rc != TL_OK)
		return rc;
	return ok ? TL_OK : refuse(st, r, right, err);
}

enum tl_status tl_access_check_new(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	struct tl_record *parent = NULL;
	enum tl_kind pkind = TL_K_MEETING;
	enum tl_right right = TL_RIGHT_CHANGE;
	const char *pid = NULL;
	int f = tl_entity_field(e, "meeting");
	enum tl_status rc = tl_viewer_ready(st, err);

	if (rc != TL_OK || st->unrestricted)
		return rc;
	if (tl_access_admins_only(e->kind)) {
		if (st->admin)
			return TL_OK;
		return tl_error_set(err, TL_EREFUSED, _("Only an admin may "
				    "add %s."), _(e->plural_label));
	}
	switch (e->kind) {
	case TL_K_DECISION:
		/* The one given the mandate reports what they decided. */
		pkind = TL_K_MANDATE;
		right = TL_RIGHT_ANSWER;
		pid = tl_record_get(r, TL_DECISION_MANDATE);
		break;
	default:
		if (f >= 0)
			pid = tl_record_get(r, f);
		break;
	}
	/* Outside a meeting anyone may record it, and is its giver. */
	if (!pid)
		return TL_OK;
	rc = st->ops->get(st, pkind, pid, &parent, err);
	if (rc != TL_OK || !parent)
		return rc; /* a missing one is the reference check's */
	rc = tl_access_check(st, parent, right, err);
	tl_record_free(parent);
	return rc;
}

enum tl_status tl_access_import(struct tl_store *st, struct tl_error *err)
{
	enum tl_status rc = tl_viewer_ready(st, err);

	if (rc != TL_OK || st->unrestricted || st->admin)
		return rc;
	return tl_error_set(err, TL_EREFUSED, _("Only an admin may import "
			    "records or copy a database."));
}
