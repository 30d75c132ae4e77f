/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * access.c - the rules of core/access.c as one SQL condition (access.h).
 */
#include "access.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tillit/core/id.h"

struct out {
	char *buf;
	size_t size, len;
	bool cut;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->cut)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->size - o->len)
		o->cut = true;
	else
		o->len += (size_t)n;
}

bool tl_sql_table_made(const struct tl_sql_viewer *v, const char *table)
{
	char word[80];

	if (!v->tables)
		return true;
	snprintf(word, sizeof(word), " %s ", table);
	return strstr(v->tables, word) != NULL;
}

const char *tl_sql_me(const char *id, char out[TL_SQL_ME_SIZE])
{
	if (id && strlen(id) == TL_ID_LEN && tl_id_prefix_valid(id))
		snprintf(out, TL_SQL_ME_SIZE, "'%s'", id);
	else
		snprintf(out, TL_SQL_ME_SIZE, "NULL");
	return out;
}

/* The meeting a row of the kind was recorded in, as SQL; NULL for a
 * kind that is in no meeting.  A decision is in its mandate's; a
 * series is in its own meetings. */
static const char *meeting_of(enum tl_kind kind, bool policy, char *buf,
			      size_t size)
{
	const struct tl_entity *e = tl_entity_get(kind);

	switch (kind) {
	case TL_K_MEETING:
		return "meetings.id";
	case TL_K_SERIES:
		/* Its meetings: participant() and in_meeting() know. */
		return "series.id";
	case TL_K_DECISION:
		if (policy)
			return "tl_rls_mandate_meeting(decisions.mandate)";
		return "(SELECT tl_md.meeting FROM mandates tl_md "
		       "WHERE tl_md.id = decisions.mandate)";
	default:
		if (tl_entity_field(e, "meeting") < 0)
			return NULL;
		snprintf(buf, size, "%s.meeting", e->plural);
		return buf;
	}
}

/* The column naming the person a row was agreed for, or NULL. */
static const char *holder_of(enum tl_kind kind)
{
	switch (kind) {
	case TL_K_MANDATE:
		return "mandates.given_to";
	case TL_K_DECISION:
		return "decisions.decided_by";
	case TL_K_FRAME:
		return "frames.holder_person";
	case TL_K_FRAME_VERSION:
		return "frame_versions.holder_person";
	case TL_K_FOLLOWUP:
		return "followups.owner";
	case TL_K_EXECUTION:
		return "executions.owner";
	default:
		return NULL;
	}
}

/* The units whose people the viewer manages: theirs and those under
 * it, when the viewer is a manager. */
static void managed_units(struct out *o, const char *me)
{
	put(o, "(WITH RECURSIVE tl_u(id) AS (SELECT tl_me.unit FROM people "
	    "tl_me WHERE tl_me.id = %s AND tl_me.kind = 'manager' AND "
	    "tl_me.unit IS NOT NULL UNION SELECT tl_un.id FROM units tl_un "
	    "JOIN tl_u ON tl_un.parent = tl_u.id) SELECT id FROM tl_u)", me);
}

/* A participant of the row's meeting (of a series: of one of its
 * meetings) who is the viewer, with the role condition `role`; for a
 * policy, the role's name `pr` for the tl_rls_ functions. */
static void participant(struct out *o, enum tl_kind kind, const char *m,
			const struct tl_sql_viewer *v, const char *role,
			const char *pr)
{
	const char *me = v->me ? v->me : "NULL";

	if (v->policy && kind == TL_K_SERIES)
		put(o, "tl_rls_takes_part_series(series.id, '%s')", pr);
	else if (v->policy && m)
		put(o, "tl_rls_takes_part(%s, '%s')", m, pr);
	else if (kind == TL_K_SERIES)
		put(o, "EXISTS (SELECT 1 FROM participants tl_p JOIN meetings "
		    "tl_pm ON tl_pm.id = tl_p.meeting WHERE tl_pm.series = "
		    "series.id AND tl_p.person = %s AND tl_p.%s)", me, role);
	else if (m) {
		put(o, "EXISTS (SELECT 1 FROM participants tl_p WHERE "
		    "tl_p.meeting = %s", m);
		put(o, " AND tl_p.person = %s AND tl_p.%s)", me, role);
	} else
		put(o, "1=0");
}

/* One relation of the viewer to the row, as SQL. */
static void relation(struct out *o, enum tl_kind kind, unsigned rel,
		     const struct tl_sql_viewer *v, const char *me)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char mb[64], idb[64];
	const char *m = meeting_of(kind, v->policy, mb, sizeof(mb));
	const char *holder = holder_of(kind);

	switch (rel) {
	case TL_REL_ANYONE:
		put(o, "1=1");
		return;
	case TL_REL_ADMIN:
		if (v->policy)
			put(o, "tl_rls_admin()");
		else
			put(o, v->admin ? "1=1" : "1=0");
		return;
	case TL_REL_PARTICIPANT:
		participant(o, kind, m, v, "role <> 'guest'", "member");
		return;
	case TL_REL_SHARED:
		participant(o, kind, m, v, "role = 'guest'", "guest");
		return;
	case TL_REL_CHAIR:
		participant(o, kind, m, v, "role = 'chair'", "chair");
		return;
	case TL_REL_SECRETARY:
		participant(o, kind, m, v, "role = 'secretary'", "secretary");
		return;
	case TL_REL_HOLDER:
	case TL_REL_OWNER:
		if (holder)
			put(o, "%s = %s", holder, me);
		else
			put(o, "1=0");
		return;
	case TL_REL_GIVER:
		/* Whoever recorded it: the audit log's row that made it;
		 * a mandate also names the person who gave it.  A frame's
		 * old version was given with its frame. */
		if (kind == TL_K_FRAME_VERSION)
			snprintf(idb, sizeof(idb), "frame_versions.frame");
		else
			snprintf(idb, sizeof(idb), "%s.id", e->plural);
		if (v->policy)
			put(o, "(tl_rls_gave(%s)", idb);
		else
			/* A look-up by the row's id (index audit_entity),
			 * as in_meeting()'s; EXISTS would read every row
			 * the viewer ever made on PostgreSQL. */
			put(o, "((SELECT 1 FROM audit tl_a WHERE "
			    "tl_a.entity_id = %s AND tl_a.action = 'create' "
			    "AND tl_a.actor = %s LIMIT 1) IS NOT NULL", idb,
			    me);
		if (kind == TL_K_MANDATE)
			put(o, " OR mandates.given_by_person = %s", me);
		put(o, ")");
		return;
	case TL_REL_LINE:
		if (!holder) {
			put(o, "1=0");
			return;
		}
		put(o, "(%s IN (SELECT tl_pe.id FROM people tl_pe WHERE "
		    "tl_pe.unit IN ", holder);
		managed_units(o, me);
		put(o, ")");
		if (kind == TL_K_FRAME || kind == TL_K_FRAME_VERSION) {
			put(o, " OR %s.holder_unit IN ", e->plural);
			managed_units(o, me);
		}
		put(o, ")");
		return;
	default: /* TL_REL_AUTHOR: private notes are not in these tables */
		put(o, "1=0");
		return;
	}
}

/* The relations that give `right` in the scope, ORed; false when none
 * (then "1=0" is written). */
static void rules_of(struct out *o, enum tl_kind kind, enum tl_scope scope,
		     enum tl_right right, const struct tl_sql_viewer *v,
		     const char *me)
{
	unsigned rels = 0;

	for (const struct tl_access_rule *r = tl_access_rules();
	     r->kind != TL_K_NONE; r++)
		if (r->kind == kind && r->scope == scope && r->right >= right)
			rels |= r->rels;
	if (rels & TL_REL_ANYONE) {
		put(o, "1=1");
		return;
	}
	if (!rels) {
		put(o, "1=0");
		return;
	}
	put(o, "(");
	bool first = true;
	/* A holder and an owner are the same column. */
	if (rels & TL_REL_HOLDER)
		rels &= ~(unsigned)TL_REL_OWNER;
	for (unsigned bit = 1; bit <= TL_REL_AUTHOR; bit <<= 1) {
		if (!(rels & bit))
			continue;
		if (!first)
			put(o, " OR ");
		relation(o, kind, bit, v, me);
		first = false;
	}
	put(o, ")");
}

static bool has_scope(enum tl_kind kind, enum tl_scope scope)
{
	for (const struct tl_access_rule *r = tl_access_rules();
	     r->kind != TL_K_NONE; r++)
		if (r->kind == kind && r->scope == scope)
			return true;
	return false;
}

/* Whether the row is in a meeting of the kind `op` 'one_to_one' (op is
 * "=" for a one-to-one, "<>" for other minutes). */
static void in_meeting(struct out *o, enum tl_kind kind, const char *m,
		       bool policy, const char *op)
{
	if (kind == TL_K_MEETING || kind == TL_K_SERIES) {
		put(o, "%s.kind %s 'one_to_one'", tl_entity_get(kind)->plural,
		    op);
		return;
	}
	if (policy) {
		/* False in no meeting, as EXISTS is. */
		put(o, "coalesce(tl_rls_meeting_kind(%s) %s 'one_to_one', "
		    "false)", m, op);
		return;
	}
	/* A scalar subquery, not EXISTS: PostgreSQL would make EXISTS
	 * into a hash of every meeting of the kind when it expects many
	 * rows, and a list reads a page of them (LIMIT): one look-up by
	 * id a row is what a page costs, whatever the number of
	 * meetings. */
	put(o, "coalesce((SELECT tl_m.kind FROM meetings tl_m WHERE "
	    "tl_m.id = %s) %s 'one_to_one', false)", m, op);
}

const char *tl_sql_access(enum tl_kind kind, enum tl_right right,
			  const struct tl_sql_viewer *v, char *buf,
			  size_t size)
{
	struct out o = {buf, size, 0, false};
	char mb[64];
	const char *m = meeting_of(kind, v->policy, mb, sizeof(mb));
	const char *me = v->me ? v->me : "NULL";
	bool o2o = m && has_scope(kind, TL_SCOPE_ONE_TO_ONE);
	bool minutes = m && has_scope(kind, TL_SCOPE_MINUTES);

	if (!size)
		return NULL;
	buf[0] = '\0';
	put(&o, "(");
	if (o2o) {
		put(&o, "(");
		in_meeting(&o, kind, m, v->policy, "=");
		put(&o, " AND ");
		rules_of(&o, kind, TL_SCOPE_ONE_TO_ONE, right, v, me);
		put(&o, ") OR ");
	}
	if (minutes) {
		put(&o, "(");
		in_meeting(&o, kind, m, v->policy, "<>");
		put(&o, " AND ");
		rules_of(&o, kind, TL_SCOPE_MINUTES, right, v, me);
		put(&o, ") OR ");
	}
	put(&o, "(");
	if (o2o && minutes)
		put(&o, "%s IS NULL AND ", m); /* in no meeting */
	else if (o2o) {
		put(&o, "NOT ");
		in_meeting(&o, kind, m, v->policy, "=");
		put(&o, " AND ");
	}
	rules_of(&o, kind, TL_SCOPE_ANY, right, v, me);
	put(&o, "))");
	return o.cut ? NULL : buf;
}

const char *tl_sql_in_scope(enum tl_kind kind, enum tl_scope scope, char *buf,
			    size_t size)
{
	struct out o = {buf, size, 0, false};
	char mb[64];
	const char *m = meeting_of(kind, false, mb, sizeof(mb));

	if (!m || scope == TL_SCOPE_ANY || !size)
		return NULL;
	buf[0] = '\0';
	in_meeting(&o, kind, m, false,
		   scope == TL_SCOPE_ONE_TO_ONE ? "=" : "<>");
	return o.cut ? NULL : buf;
}

const char *tl_sql_new(enum tl_kind kind, const struct tl_sql_viewer *v,
		       char *buf, size_t size)
{
	struct out o = {buf, size, 0, false};
	const struct tl_entity *e = tl_entity_get(kind);
	enum tl_kind parent = TL_K_MEETING;
	enum tl_right right = TL_RIGHT_CHANGE;
	char col[64], cond[8192];

	if (!size)
		return NULL;
	buf[0] = '\0';
	if (tl_access_admins_only(kind)) {
		relation(&o, kind, TL_REL_ADMIN, v, "NULL");
		return o.cut ? NULL : buf;
	}
	if (kind == TL_K_DECISION) {
		/* The one given the mandate reports what they decided. */
		parent = TL_K_MANDATE;
		right = TL_RIGHT_ANSWER;
		snprintf(col, sizeof(col), "decisions.mandate");
	} else if (tl_entity_field(e, "meeting") >= 0)
		snprintf(col, sizeof(col), "%s.meeting", e->plural);
	else {
		put(&o, "1=1"); /* outside a meeting anyone records it */
		return o.cut ? NULL : buf;
	}
	if (!tl_sql_access(parent, right, v, cond, sizeof(cond)))
		return NULL;
	put(&o, "(%s IS NULL OR %s IN (SELECT %s.id FROM %s WHERE %s))", col,
	    col, tl_entity_get(parent)->plural, tl_entity_get(parent)->plural,
	    cond);
	return o.cut ? NULL : buf;
}

const char *tl_sql_audit_read(const struct tl_sql_viewer *v, char *buf,
			      size_t size)
{
	struct out o = {buf, size, 0, false};
	char cond[8192];

	if (!size)
		return NULL;
	buf[0] = '\0';
	put(&o, "(audit.actor = %s OR CASE audit.entity", v->me ? v->me :
	    "NULL");
	for (int k = 0; k < TL_K_COUNT; k++) {
		const char *t = tl_entity_get((enum tl_kind)k)->plural;

		if (!tl_sql_table_made(v, t))
			continue;
		if (!tl_sql_access((enum tl_kind)k, TL_RIGHT_READ, v, cond,
				   sizeof(cond)))
			return NULL;
		put(&o, " WHEN '%s' THEN audit.entity_id IN (SELECT %s.id FROM "
		    "%s WHERE %s)", t, t, t, cond);
	}
	put(&o, " ELSE false END)");
	return o.cut ? NULL : buf;
}
