/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_access.c - the table of who may read and change what
 * (core/access.h), rule by rule: for each, one relation that gives the
 * right and one that does not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/access.h"

#define ANY TL_SCOPE_ANY
#define O2O TL_SCOPE_ONE_TO_ONE

static enum tl_right right(enum tl_kind k, enum tl_scope s, unsigned rels)
{
	return tl_access_right(k, s, rels);
}

/* A one-to-one and all in it: its two participants only; not their
 * managers, not admins, and read by whom one of them shared it with. */
static void test_one_to_one_is_its_participants_only(void **state)
{
	static const enum tl_kind in_it[] = {
		TL_K_MEETING, TL_K_PARTICIPANT, TL_K_ITEM, TL_K_SERIES,
	};
	(void)state;

	for (size_t i = 0; i < sizeof(in_it) / sizeof(in_it[0]); i++) {
		enum tl_kind k = in_it[i];

		assert_int_equal(right(k, O2O, TL_REL_PARTICIPANT),
				 TL_RIGHT_CHANGE);
		assert_int_equal(right(k, O2O, TL_REL_SHARED), TL_RIGHT_READ);
		assert_int_equal(right(k, O2O, TL_REL_ANYONE), TL_RIGHT_NONE);
		assert_int_equal(right(k, O2O, TL_REL_ANYONE | TL_REL_ADMIN |
				       TL_REL_LINE), TL_RIGHT_NONE);
	}
	/* What was agreed there: the line managers do not read it. */
	assert_int_equal(right(TL_K_FRAME, O2O, TL_REL_LINE | TL_REL_ANYONE),
			 TL_RIGHT_NONE);
	assert_int_equal(right(TL_K_FRAME, O2O, TL_REL_PARTICIPANT),
			 TL_RIGHT_READ);
	assert_int_equal(right(TL_K_FOLLOWUP, O2O, TL_REL_ADMIN),
			 TL_RIGHT_NONE);
}

/* Committee, dialogue and forum meetings: read by everyone (minutes are
 * public records), changed by the chair and the secretary. */
static void test_minutes_are_public_and_kept_by_chair_and_secretary(
	void **state)
{
	(void)state;
	assert_int_equal(right(TL_K_MEETING, ANY, TL_REL_ANYONE),
			 TL_RIGHT_READ);
	assert_int_equal(right(TL_K_ITEM, ANY, TL_REL_ANYONE | TL_REL_ADMIN),
			 TL_RIGHT_READ);
	assert_int_equal(right(TL_K_ITEM, ANY, TL_REL_ANYONE |
			       TL_REL_PARTICIPANT), TL_RIGHT_READ);
	assert_int_equal(right(TL_K_ITEM, ANY, TL_REL_SECRETARY),
			 TL_RIGHT_CHANGE);
	assert_int_equal(right(TL_K_MEETING, ANY, TL_REL_CHAIR),
			 TL_RIGHT_CHANGE);
	assert_int_equal(right(TL_K_MEETING, ANY, 0), TL_RIGHT_NONE);
}

/* A frame, mandate or follow-up: read by its holder or owner, whoever
 * gave it and the managers up the chain; only the giver (or secretary)
 * changes it; the holder acknowledges, the owner marks done. */
static void test_what_was_agreed(void **state)
{
	(void)state;
	assert_int_equal(right(TL_K_FRAME, ANY, TL_REL_HOLDER),
			 TL_RIGHT_ANSWER);
	assert_int_equal(right(TL_K_FOLLOWUP, ANY, TL_REL_OWNER),
			 TL_RIGHT_ANSWER);
	assert_int_equal(right(TL_K_MANDATE, ANY, TL_REL_HOLDER),
			 TL_RIGHT_ANSWER);
	assert_int_equal(right(TL_K_FRAME, ANY, TL_REL_GIVER),
			 TL_RIGHT_CHANGE);
	assert_int_equal(right(TL_K_FOLLOWUP, ANY, TL_REL_SECRETARY),
			 TL_RIGHT_CHANGE);
	assert_int_equal(right(TL_K_FRAME, ANY, TL_REL_LINE),
			 TL_RIGHT_READ);
	/* A delegation order, and the decisions reported under it, are
	 * public records; a mandate given in a one-to-one is not. */
	assert_int_equal(right(TL_K_MANDATE, ANY, TL_REL_ANYONE),
			 TL_RIGHT_READ);
	assert_int_equal(right(TL_K_DECISION, ANY, TL_REL_ANYONE),
			 TL_RIGHT_READ);
	assert_int_equal(right(TL_K_MANDATE, O2O, TL_REL_ANYONE |
			       TL_REL_LINE), TL_RIGHT_NONE);
	/* A colleague, or an admin, does not read it at all. */
	assert_int_equal(right(TL_K_FOLLOWUP, ANY, TL_REL_ANYONE),
			 TL_RIGHT_NONE);
	assert_int_equal(right(TL_K_FRAME, ANY, TL_REL_ANYONE | TL_REL_ADMIN),
			 TL_RIGHT_NONE);
}

/* Units, people and principles: everyone reads, admins change. */
static void test_the_organisation_is_changed_by_admins(void **state)
{
	static const enum tl_kind org[] = {
		TL_K_UNIT, TL_K_PERSON, TL_K_PRINCIPLE,
	};
	(void)state;

	for (size_t i = 0; i < sizeof(org) / sizeof(org[0]); i++) {
		assert_int_equal(right(org[i], ANY, TL_REL_ANYONE),
				 TL_RIGHT_READ);
		assert_int_equal(right(org[i], ANY, TL_REL_ADMIN),
				 TL_RIGHT_CHANGE);
		/* A one-to-one scope does not reach them. */
		assert_int_equal(right(org[i], O2O, TL_REL_ANYONE),
				 TL_RIGHT_READ);
	}
}

/* Every kind has a rule (a table without one would be read by no one,
 * or on the server have no policy), and the refusal can say who may. */
static void test_every_kind_has_rules(void **state)
{
	char buf[512];

	(void)state;
	for (int k = 0; k < TL_K_COUNT; k++) {
		bool any = false;

		for (const struct tl_access_rule *r = tl_access_rules();
		     r->kind != TL_K_NONE; r++)
			if ((int)r->kind == k && r->scope == TL_SCOPE_ANY &&
			    r->right >= TL_RIGHT_READ && r->who)
				any = true;
		assert_true(any);
		assert_non_null(tl_access_who((enum tl_kind)k, ANY,
					      TL_RIGHT_READ, buf, sizeof(buf)));
	}
	assert_string_equal(tl_access_who(TL_K_MEETING, O2O, TL_RIGHT_CHANGE,
					  buf, sizeof(buf)),
			    "its two participants");
	/* Reading: every relation that may, the strongest first. */
	assert_string_equal(tl_access_who(TL_K_MEETING, O2O, TL_RIGHT_READ,
					  buf, sizeof(buf)),
			    "its two participants, or whom one of its two "
			    "participants shared it with");
	assert_null(tl_access_who(TL_K_SEAL, ANY, TL_RIGHT_CHANGE, buf,
				  sizeof(buf)));
	/* What the minutes of a committee record, everyone reads. */
	assert_int_equal(right(TL_K_FOLLOWUP, TL_SCOPE_MINUTES,
			       TL_REL_ANYONE), TL_RIGHT_READ);
	assert_int_equal(right(TL_K_FRAME, TL_SCOPE_MINUTES, TL_REL_ANYONE |
			       TL_REL_LINE), TL_RIGHT_READ);
}

static const char *right_name(enum tl_right r)
{
	switch (r) {
	case TL_RIGHT_READ:
		return "reads";
	case TL_RIGHT_ANSWER:
		return "reads, and answers for their part";
	case TL_RIGHT_CHANGE:
		return "reads and changes";
	case TL_RIGHT_NONE:
		break;
	}
	return "none";
}

/* doc/access.md, from the table. */
static void write_doc(FILE *f)
{
	fputs("# Who may read and change what\n\n"
	      "This file is made from the table in `src/core/access.c`; "
	      "tests/unit/test_access.c\nfails when the two differ "
	      "(`TILLIT_UPDATE_DOC=1` writes it anew).  A right includes\n"
	      "the ones before it: reading, answering for one's part "
	      "(acknowledging a frame,\nmarking a follow-up done with its "
	      "outcome), changing what was agreed.  Rules\nfor a one-to-one "
	      "hold for it and for everything recorded in it, instead of\n"
	      "the kind's general rules; so do the rules for the minutes of "
	      "a committee,\ndialogue or forum meeting.  \"any\" is, for what "
	      "was agreed, what was agreed\noutside a meeting.  A decision "
	      "is in the meeting its mandate was given in.\n\n"
	      "A one-to-one's two participants share it by adding someone "
	      "to it as a guest.\nA line manager is a manager (a person of "
	      "the kind manager) of the holder's\nunit or of a unit above "
	      "it.  Whoever gave a record is whoever recorded it (the\n"
	      "audit log's row that made it), and for a mandate also the "
	      "person it names\nas its giver.  tillit applies the table to "
	      "everything it does, on both engines\n(src/store/access.c, "
	      "with the SQL of src/store/sql/access.c); an account that\n"
	      "is nobody's login and owns the database (the SQLite file's "
	      "owner, the role that\nowns the tables or a superuser on the "
	      "server) works unrestricted.\n\n"
	      "On the server the database holds every other role to the "
	      "same table itself:\nrow-level security policies on every "
	      "table, made from it by\nsrc/store/pg/policy.c when the "
	      "schema is made and by `tillit admin roles`.\nThere a person "
	      "is the role the server authenticated (session_user), and\n"
	      "an admin acting as someone else (--as) reads and changes no "
	      "more than their\nown person may.  Whoever may only answer "
	      "for a record changes only what they\nanswer for: a "
	      "follow-up's status, outcome and closing time, a frame's\n"
	      "acknowledgement.  A row of the audit log is read by whoever "
	      "made the change\nor may read the record it is about; the "
	      "log's chain is checked whole by the\ntables' owner.\n\n"
	      "| record | in | who | right |\n|---|---|---|---|\n", f);
	for (const struct tl_access_rule *r = tl_access_rules();
	     r->kind != TL_K_NONE; r++)
		fprintf(f, "| %s | %s | %s | %s |\n",
			tl_entity_get(r->kind)->plural,
			r->scope == TL_SCOPE_ONE_TO_ONE ? "a one-to-one"
			: r->scope == TL_SCOPE_MINUTES ? "other minutes"
						       : "any",
			r->who, right_name(r->right));
}

/* doc/access.md says what the table says. */
static void test_the_doc_is_the_table(void **state)
{
	char *made = NULL, *doc = NULL;
	size_t n = 0, m = 0;
	FILE *f = open_memstream(&made, &n);
	(void)state;

	assert_non_null(f);
	write_doc(f);
	fclose(f);
	if (getenv("TILLIT_UPDATE_DOC")) {
		f = fopen("doc/access.md", "w");
		assert_non_null(f);
		fwrite(made, 1, n, f);
		fclose(f);
	}
	f = fopen("doc/access.md", "r");
	assert_non_null(f);
	doc = malloc(n + 2);
	assert_non_null(doc);
	m = fread(doc, 1, n + 1, f);
	fclose(f);
	assert_int_equal(m, n);
	assert_memory_equal(doc, made, n);
	free(doc);
	free(made);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_to_one_is_its_participants_only),
		cmocka_unit_test(
			test_minutes_are_public_and_kept_by_chair_and_secretary),
		cmocka_unit_test(test_what_was_agreed),
		cmocka_unit_test(test_the_organisation_is_changed_by_admins),
		cmocka_unit_test(test_every_kind_has_rules),
		cmocka_unit_test(test_the_doc_is_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
