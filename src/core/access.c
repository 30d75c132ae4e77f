/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * access.c - who may read and change what (access.h): the table.
 */
#include "tillit/core/access.h"

#include <stddef.h>
#include <stdio.h>

#include "tillit/core/i18n.h"

#define R(k, s, rels, right, who) {k, s, rels, right, who}

/* Everyone in the organisation reads it; admins change it. */
#define PUBLIC_ADMIN(k) \
	R(k, TL_SCOPE_ANY, TL_REL_ANYONE, TL_RIGHT_READ, \
	  N_("everyone in the organisation")), \
	R(k, TL_SCOPE_ANY, TL_REL_ADMIN, TL_RIGHT_CHANGE, N_("an admin"))

/* A meeting, or what is part of its minutes: read by everyone (minutes
 * are public records), changed by its chair and secretary (and whoever
 * made it, before there is either); a one-to-one is read and changed by
 * its two participants only, and read by whom one of them shared it
 * with. */
#define MINUTES(k) \
	R(k, TL_SCOPE_ANY, TL_REL_ANYONE, TL_RIGHT_READ, \
	  N_("everyone in the organisation")), \
	R(k, TL_SCOPE_ANY, TL_REL_CHAIR | TL_REL_SECRETARY | TL_REL_GIVER, \
	  TL_RIGHT_CHANGE, N_("the meeting's chair and secretary")), \
	R(k, TL_SCOPE_ONE_TO_ONE, TL_REL_SHARED, TL_RIGHT_READ, \
	  N_("whom one of its two participants shared it with")), \
	R(k, TL_SCOPE_ONE_TO_ONE, TL_REL_PARTICIPANT | TL_REL_GIVER, \
	  TL_RIGHT_CHANGE, N_("its two participants"))

/* What was agreed for someone: read by them, by whoever gave it and by
 * `readers` (the managers up their chain of units; for a mandate,
 * everyone: see below); answered by them (acknowledged,
 * marked done); changed by whoever gave it or the meeting's secretary.
 * Agreed in a one-to-one, the line managers do not read it; recorded in
 * the minutes of another meeting, everyone does (minutes are public
 * records, and everyone who signs them must see the same). */
#define AGREED(k, readers, who_reads, who_answers) \
	R(k, TL_SCOPE_ANY, readers, TL_RIGHT_READ, who_reads), \
	R(k, TL_SCOPE_ANY, TL_REL_HOLDER | TL_REL_OWNER, TL_RIGHT_ANSWER, \
	  who_answers), \
	R(k, TL_SCOPE_ANY, TL_REL_GIVER | TL_REL_SECRETARY, TL_RIGHT_CHANGE, \
	  N_("whoever gave it or the meeting's secretary")), \
	R(k, TL_SCOPE_ONE_TO_ONE, TL_REL_PARTICIPANT | TL_REL_SHARED, \
	  TL_RIGHT_READ, N_("the one-to-one's two participants")), \
	R(k, TL_SCOPE_ONE_TO_ONE, TL_REL_HOLDER | TL_REL_OWNER, \
	  TL_RIGHT_ANSWER, who_answers), \
	R(k, TL_SCOPE_ONE_TO_ONE, TL_REL_GIVER, TL_RIGHT_CHANGE, \
	  N_("whoever gave it")), \
	R(k, TL_SCOPE_MINUTES, TL_REL_ANYONE, TL_RIGHT_READ, \
	  N_("everyone in the organisation")), \
	R(k, TL_SCOPE_MINUTES, TL_REL_HOLDER | TL_REL_OWNER, TL_RIGHT_ANSWER, \
	  who_answers), \
	R(k, TL_SCOPE_MINUTES, TL_REL_GIVER | TL_REL_SECRETARY | \
	  TL_REL_CHAIR, TL_RIGHT_CHANGE, \
	  N_("whoever gave it or the meeting's chair and secretary"))

/* What measures a goal, and a mandate's report-backs: read by everyone,
 * changed by whoever recorded it and by an admin (who may correct an
 * import). */
#define RECORDED(k) \
	R(k, TL_SCOPE_ANY, TL_REL_ANYONE, TL_RIGHT_READ, \
	  N_("everyone in the organisation")), \
	R(k, TL_SCOPE_ANY, TL_REL_GIVER | TL_REL_ADMIN, TL_RIGHT_CHANGE, \
	  N_("whoever recorded it or an admin"))

#define LINE_READS N_("the managers up the holder's units")

static const struct tl_access_rule rules[] = {
	PUBLIC_ADMIN(TL_K_UNIT),
	PUBLIC_ADMIN(TL_K_PERSON),
	PUBLIC_ADMIN(TL_K_PRINCIPLE),
	MINUTES(TL_K_SERIES),
	MINUTES(TL_K_MEETING),
	MINUTES(TL_K_PARTICIPANT),
	MINUTES(TL_K_ITEM),
	MINUTES(TL_K_MOTION),
	MINUTES(TL_K_VOTE),
	MINUTES(TL_K_BALLOT),
	MINUTES(TL_K_ENTRY),
	MINUTES(TL_K_BALANCE),
	/* The notice of a justering is read on the notice board by all. */
	MINUTES(TL_K_NOTICE),
	/* Goals and their follow-up are public records, as the minutes
	 * that decide them; a goal or an analysis answered in a meeting is
	 * changed as the rest of that meeting's minutes. */
	MINUTES(TL_K_GOAL),
	MINUTES(TL_K_ANALYSIS),
	RECORDED(TL_K_INDICATOR),
	RECORDED(TL_K_TARGET),
	RECORDED(TL_K_MEASUREMENT),
	/* Reporting back on a mandate is open, as the delegation is. */
	RECORDED(TL_K_REPORT_BACK),
	/* Carrying out a decision is followed by everyone who reads the
	 * decision; its owner marks it done. */
	AGREED(TL_K_EXECUTION, TL_REL_ANYONE, N_("everyone in the "
	       "organisation"), N_("the one who carries it out")),
	/* A mandate outside a one-to-one is part of a delegation order,
	 * which is public, and the minutes that report decisions under it
	 * name it: everyone reads it. */
	AGREED(TL_K_MANDATE, TL_REL_ANYONE, N_("everyone in the organisation"),
	       N_("the one given the mandate")),
	/* A delegated decision is reported to the committee that gave the
	 * mandate and printed in its minutes: a public record, which its
	 * maker registers and whoever gave the mandate may correct. */
	R(TL_K_DECISION, TL_SCOPE_ANY, TL_REL_ANYONE, TL_RIGHT_READ,
	  N_("everyone in the organisation")),
	R(TL_K_DECISION, TL_SCOPE_ANY, TL_REL_HOLDER | TL_REL_GIVER |
	  TL_REL_SECRETARY, TL_RIGHT_CHANGE,
	  N_("the one who took the decision, whoever recorded it or the "
	     "meeting's secretary")),
	R(TL_K_DECISION, TL_SCOPE_ONE_TO_ONE, TL_REL_PARTICIPANT |
	  TL_REL_SHARED, TL_RIGHT_READ, N_("the one-to-one's two "
	  "participants")),
	R(TL_K_DECISION, TL_SCOPE_ONE_TO_ONE, TL_REL_HOLDER | TL_REL_GIVER,
	  TL_RIGHT_CHANGE, N_("the one who took the decision or whoever "
	  "recorded it")),
	AGREED(TL_K_FRAME, TL_REL_LINE, LINE_READS, N_("the frame's holder")),
	AGREED(TL_K_FOLLOWUP, TL_REL_LINE, LINE_READS,
	       N_("the follow-up's owner")),
	/* Kept by the store alone: read as what they belong to. */
	R(TL_K_FRAME_VERSION, TL_SCOPE_ANY, TL_REL_HOLDER | TL_REL_GIVER |
	  TL_REL_LINE | TL_REL_SECRETARY, TL_RIGHT_READ,
	  N_("whoever reads the frame")),
	R(TL_K_FRAME_VERSION, TL_SCOPE_ONE_TO_ONE, TL_REL_PARTICIPANT |
	  TL_REL_SHARED, TL_RIGHT_READ, N_("the one-to-one's two "
	  "participants")),
	R(TL_K_FRAME_VERSION, TL_SCOPE_MINUTES, TL_REL_ANYONE, TL_RIGHT_READ,
	  N_("everyone in the organisation")),
	R(TL_K_SIGNATURE, TL_SCOPE_ANY, TL_REL_ANYONE, TL_RIGHT_READ,
	  N_("everyone in the organisation")),
	R(TL_K_SIGNATURE, TL_SCOPE_ONE_TO_ONE, TL_REL_PARTICIPANT |
	  TL_REL_SHARED, TL_RIGHT_READ, N_("its two participants")),
	R(TL_K_SEAL, TL_SCOPE_ANY, TL_REL_ANYONE, TL_RIGHT_READ,
	  N_("everyone in the organisation")),
	R(TL_K_SEAL, TL_SCOPE_ONE_TO_ONE, TL_REL_PARTICIPANT | TL_REL_SHARED,
	  TL_RIGHT_READ, N_("its two participants")),
	R(TL_K_NONE, TL_SCOPE_ANY, 0, TL_RIGHT_NONE, NULL),
};

const struct tl_access_rule *tl_access_rules(void)
{
	return rules;
}

/* Whether the kind has rules of its own for the scope. */
static bool has_scope(enum tl_kind kind, enum tl_scope scope)
{
	for (const struct tl_access_rule *r = rules; r->kind != TL_K_NONE;
	     r++)
		if (r->kind == kind && r->scope == scope)
			return true;
	return false;
}

static enum tl_scope effective(enum tl_kind kind, enum tl_scope scope)
{
	return has_scope(kind, scope) ? scope : TL_SCOPE_ANY;
}

enum tl_right tl_access_right(enum tl_kind kind, enum tl_scope scope,
			      unsigned rels)
{
	enum tl_right best = TL_RIGHT_NONE;

	scope = effective(kind, scope);
	for (const struct tl_access_rule *r = rules; r->kind != TL_K_NONE;
	     r++)
		if (r->kind == kind && r->scope == scope &&
		    (r->rels & rels) && r->right > best)
			best = r->right;
	return best;
}

bool tl_access_answers(enum tl_kind kind, int field)
{
	static const struct {
		enum tl_kind kind;
		int field;
	} answers[] = {
		{TL_K_FOLLOWUP, TL_FOLLOWUP_STATUS},
		{TL_K_FOLLOWUP, TL_FOLLOWUP_OUTCOME},
		{TL_K_FOLLOWUP, TL_FOLLOWUP_CLOSED_AT},
		{TL_K_FRAME, TL_FRAME_ACKED_BY},
		{TL_K_FRAME, TL_FRAME_ACKED_AT},
	};

	for (size_t i = 0; i < sizeof(answers) / sizeof(*answers); i++)
		if (answers[i].kind == kind && answers[i].field == field)
			return true;
	return false;
}

bool tl_access_admins_only(enum tl_kind kind)
{
	unsigned rels = 0;

	for (const struct tl_access_rule *r = rules; r->kind != TL_K_NONE;
	     r++)
		if (r->kind == kind && r->scope == TL_SCOPE_ANY &&
		    r->right >= TL_RIGHT_CHANGE)
			rels |= r->rels;
	return rels == TL_REL_ADMIN;
}

const char *tl_access_who(enum tl_kind kind, enum tl_scope scope,
			  enum tl_right right, char *buf, size_t size)
{
	const struct tl_access_rule *r, *last = NULL;
	size_t len = 0;
	int n = 0;

	scope = effective(kind, scope);
	if (!size)
		return NULL;
	buf[0] = '\0';
	/* The table lists each kind's rules weakest first.  Reading names
	 * all who may; answering and changing those whose right it is. */
	bool exact = false;
	for (r = rules; r->kind != TL_K_NONE; r++)
		if (r->kind == kind && r->scope == scope && r->right >= right) {
			last = r;
			exact = exact || r->right == right;
		}
	exact = exact && right != TL_RIGHT_READ;
	for (r = last; last && r >= rules; r--) {
		if (r->kind != kind || r->scope != scope || r->right < right ||
		    (exact && r->right != right))
			continue;
		int w = snprintf(buf + len, size - len, "%s%s",
				 !n ? "" : _(", or "), _(r->who));
		if (w > 0 && (size_t)w < size - len)
			len += (size_t)w;
		n++;
	}
	return n ? buf : NULL;
}
