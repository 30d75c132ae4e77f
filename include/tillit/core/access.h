/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * access.h - who may read and change what: the rules, written once as a
 * table (DESIGN.md, "Who may see and change what"; doc/access.md shows
 * it).  The store asks it for every record it reads or changes for a
 * person; on PostgreSQL the row-level security policies are made from
 * the same table.
 *
 * A rule gives a right over one kind of record to the people who stand
 * in one of a set of relations to it.  The relations are found by the
 * store (who the participants, holder, owner, giver and line managers
 * are); this table only says what each relation allows.  A kind's rules
 * for one scope (a one-to-one, and all recorded in it; the minutes of
 * another meeting) replace its general rules: a one-to-one is read by
 * its two participants only, whatever the rules of other meetings say,
 * and what the minutes of a committee record is read by everyone.
 */
#ifndef TILLIT_CORE_ACCESS_H
#define TILLIT_CORE_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/core/model.h"

/* Who a person is to a record (several may hold at once). */
enum tl_rel {
	TL_REL_ANYONE = 1 << 0,      /* anyone in the organisation */
	TL_REL_PARTICIPANT = 1 << 1, /* in the meeting it is or was made in */
	TL_REL_CHAIR = 1 << 2,       /* that meeting's chair */
	TL_REL_SECRETARY = 1 << 3,   /* that meeting's secretary */
	TL_REL_HOLDER = 1 << 4,      /* holds the frame, is given the mandate */
	TL_REL_OWNER = 1 << 5,       /* owns the follow-up */
	TL_REL_GIVER = 1 << 6,       /* gave it (or recorded it) */
	TL_REL_LINE = 1 << 7,        /* a manager up the holder's units */
	TL_REL_SHARED = 1 << 8,      /* a one-to-one shared with them */
	TL_REL_ADMIN = 1 << 9,       /* an admin of tillit */
	TL_REL_AUTHOR = 1 << 10,     /* wrote the private note */
};

/* What a rule allows, each right including the ones before it. */
enum tl_right {
	TL_RIGHT_NONE,
	TL_RIGHT_READ,
	TL_RIGHT_ANSWER, /* read, and answer for one's part: acknowledge a
			    frame, mark a follow-up done with its outcome */
	TL_RIGHT_CHANGE, /* read and change what was agreed */
};

/* The scope a rule holds in. */
enum tl_scope {
	TL_SCOPE_ANY,        /* every record of the kind (for what was
				agreed: outside any meeting) */
	TL_SCOPE_ONE_TO_ONE, /* a one-to-one, and what is recorded in it */
	TL_SCOPE_MINUTES,    /* recorded in a committee, dialogue or forum
				meeting: part of its minutes */
};

struct tl_access_rule {
	enum tl_kind kind;
	enum tl_scope scope;
	unsigned rels;       /* TL_REL_* bits: any of them */
	enum tl_right right;
	const char *who;     /* N_(): the relations, for doc/access.md and
				for refusals ("its two participants") */
};

/* The rules, ended by a rule whose kind is TL_K_NONE. */
const struct tl_access_rule *tl_access_rules(void);

/*
 * The right that the relations `rels` give over a record of `kind` in
 * `scope`: the most that any of the scope's rules gives (a kind with no
 * rule of its own for the scope takes its general rules).
 */
enum tl_right tl_access_right(enum tl_kind kind, enum tl_scope scope,
			      unsigned rels);

/* Whether a person who may only answer for a record of kind (the
 * holder of a frame, the owner of a follow-up) may set its field: a
 * follow-up's status, outcome and closing time, a frame's
 * acknowledgement.  Any other field takes the right to change it. */
bool tl_access_answers(enum tl_kind kind, int field);

/* Whether only admins change records of kind (units, people,
 * principles), and so only admins add them. */
bool tl_access_admins_only(enum tl_kind kind);

/*
 * Who may have `right` over a record of `kind` in `scope`, in words for
 * a refusal, translated, into buf: for reading every relation whose
 * rule gives it, the strongest first ("its two participants, or whom
 * one of its two participants shared it with"); for answering and
 * changing those whose rule gives that right itself, when there are.
 * NULL when nobody may.
 */
const char *tl_access_who(enum tl_kind kind, enum tl_scope scope,
			  enum tl_right right, char *buf, size_t size);

#endif
