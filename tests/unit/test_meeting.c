/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_meeting.c - the meeting rules (core/meeting.h) and the meeting
 * read model (read/meeting.h): the order of participants (rank of the
 * role, unknown roles last, then name, then id), the number of an item
 * with and without its own, and a meeting of more than 200 items read in
 * full, numbered in the minutes as the read model numbers it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/meeting.h"
#include "tillit/export/minutes.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/read/meeting.h"
#include "tillit/store/store.h"
#include "engine.h"

#define NITEMS 205

static struct tl_record *part(const char *id, const char *role)
{
	struct tl_record *p = tl_record_new(TL_K_PARTICIPANT);

	assert_non_null(p);
	snprintf(p->id, sizeof(p->id), "%s", id);
	assert_true(tl_record_set(p, TL_PART_ROLE, role));
	return p;
}

static void test_role_rank(void **state)
{
	(void)state;
	assert_int_equal(tl_meeting_role_rank("chair"), 0);
	assert_true(tl_meeting_role_rank("secretary") <
		    tl_meeting_role_rank("member"));
	assert_int_equal(tl_meeting_role_rank("nonsense"),
			 TL_MEETING_ROLE_UNKNOWN);
	assert_int_equal(tl_meeting_role_rank(NULL), TL_MEETING_ROLE_UNKNOWN);
}

static void test_participant_order(void **state)
{
	struct tl_record *p[5];
	char *names[5];
	/* chair; members by name, then id; the unknown role last. */
	const char *want[5] = {"chair", "b-member", "a-member-1",
			       "a-member-2", "unknown"};

	(void)state;
	p[0] = part("a-member-1", "member");
	p[1] = part("unknown", "no-such-role");
	p[2] = part("a-member-2", "member");
	p[3] = part("b-member", "member");
	p[4] = part("chair", "chair");
	names[0] = strdup("Kim Berg");
	names[1] = strdup("Aaron Aalto");
	names[2] = strdup("Kim Berg");
	names[3] = strdup("Ann Berg");
	names[4] = strdup("Zoe Zed");
	/* Same role and name: the record ids decide (a-member-1 first). */
	assert_true(tl_meeting_part_cmp(p[0], names[0], p[2], names[2]) < 0);
	tl_meeting_sort_parts(p, names, 5);
	for (int i = 0; i < 5; i++) {
		assert_string_equal(p[i]->id, want[i]);
		tl_record_free(p[i]);
		free(names[i]);
	}
}

static void test_item_numbers(void **state)
{
	struct tl_record *a = tl_record_new(TL_K_ITEM);
	struct tl_record *b = tl_record_new(TL_K_ITEM);
	struct tl_record *v[2];
	char buf[32];

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	snprintf(a->id, sizeof(a->id), "aaaa");
	snprintf(b->id, sizeof(b->id), "bbbb");
	assert_true(tl_record_set(a, TL_ITEM_NUMBER, "12"));
	/* b has no number: it goes first, by its place in the agenda. */
	v[0] = a;
	v[1] = b;
	qsort(v, 2, sizeof(*v), tl_meeting_item_cmp);
	assert_ptr_equal(v[0], b);
	tl_meeting_item_label(a, 2, true, buf, sizeof(buf));
	assert_string_equal(buf, "\xC2\xA7 12");
	tl_meeting_item_label(a, 2, false, buf, sizeof(buf));
	assert_string_equal(buf, "12.");
	tl_meeting_item_label(b, 1, true, buf, sizeof(buf));
	assert_string_equal(buf, "\xC2\xA7 1");
	tl_meeting_item_label(b, 3, false, buf, sizeof(buf));
	assert_string_equal(buf, "3.");
	tl_meeting_item_no(b, 7, buf, sizeof(buf));
	assert_string_equal(buf, "7");
	tl_record_free(a);
	tl_record_free(b);
}

/* Inserts a record of kind with the given values (field, value, ... -1);
 * its id into id. */
static void insert(struct tl_store *st, enum tl_kind kind, char *id, ...)
{
	struct tl_record *r = tl_record_new(kind);
	struct tl_error err;
	va_list ap;
	int f;

	assert_non_null(r);
	va_start(ap, id);
	while ((f = va_arg(ap, int)) >= 0)
		assert_true(tl_record_set(r, f, va_arg(ap, const char *)));
	va_end(ap);
	if (tl_store_insert(st, r, &err) != TL_OK)
		fail_msg("insert: %s", err.msg);
	if (id)
		memcpy(id, r->id, TL_ID_LEN + 1);
	tl_record_free(r);
}

static void test_read_model_has_no_row_limit(void **state)
{
	struct tl_store *st = NULL;
	struct tl_meeting_data md;
	struct tl_refs refs;
	struct tl_error err;
	char unit[TL_ID_LEN + 1], meeting[TL_ID_LEN + 1];
	char kim1[TL_ID_LEN + 1], kim2[TL_ID_LEN + 1], chair[TL_ID_LEN + 1];
	char *text = NULL, *at;
	size_t len = 0;
	FILE *fp;

	(void)state;
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	assert_int_equal(tl_store_open(test_db(), TL_OPEN_CREATE, &st, &err),
			 TL_OK);
	insert(st, TL_K_UNIT, unit, TL_UNIT_NAME, "Provnämnden",
	       TL_UNIT_KIND, "committee", -1);
	insert(st, TL_K_PERSON, kim1, TL_PERSON_NAME, "Kim Berg",
	       TL_PERSON_KIND, "elected", -1);
	insert(st, TL_K_PERSON, kim2, TL_PERSON_NAME, "Kim Berg",
	       TL_PERSON_KIND, "elected", -1);
	insert(st, TL_K_PERSON, chair, TL_PERSON_NAME, "Ulla Öberg",
	       TL_PERSON_KIND, "elected", -1);
	insert(st, TL_K_MEETING, meeting, TL_MEETING_TITLE, "Långt möte",
	       TL_MEETING_KIND, "committee", TL_MEETING_UNIT, unit,
	       TL_MEETING_STARTS, "2026-11-16 13:00", -1);
	insert(st, TL_K_PARTICIPANT, NULL, TL_PART_MEETING, meeting,
	       TL_PART_PERSON, kim1, TL_PART_ROLE, "member", -1);
	insert(st, TL_K_PARTICIPANT, NULL, TL_PART_MEETING, meeting,
	       TL_PART_PERSON, chair, TL_PART_ROLE, "chair", -1);
	insert(st, TL_K_PARTICIPANT, NULL, TL_PART_MEETING, meeting,
	       TL_PART_PERSON, kim2, TL_PART_ROLE, "member", -1);
	for (int i = 1; i <= NITEMS; i++) {
		char title[32];
		snprintf(title, sizeof(title), "Punkt %03d", i);
		insert(st, TL_K_ITEM, NULL, TL_ITEM_MEETING, meeting,
		       TL_ITEM_TITLE, title, -1);
	}

	tl_refs_init(&refs, st);
	if (tl_meeting_read(st, &refs, meeting, 0, &md, &err) != TL_OK)
		fail_msg("read: %s", err.msg);
	assert_int_equal(md.items.n, NITEMS);
	assert_int_equal(md.parts.n, 3);
	assert_string_equal(tl_record_str(md.parts.v[0], TL_PART_PERSON),
			    chair);
	/* The two Kim Bergs by their participant ids. */
	assert_true(strcmp(md.parts.v[1]->id, md.parts.v[2]->id) < 0);

	/* The minutes name every item as the read model numbers it, in
	 * its order. */
	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	assert_int_equal(tl_minutes_write(st, meeting, TL_MINUTES_MD, fp,
					  &err), TL_OK);
	assert_int_equal(fclose(fp), 0);
	at = text;
	for (int i = 0; i < md.items.n; i++) {
		char num[32], head[120];
		tl_meeting_item_label(md.items.v[i], i + 1, md.committee, num,
				      sizeof(num));
		snprintf(head, sizeof(head), "\n### %s %s\n", num,
			 tl_record_str(md.items.v[i], TL_ITEM_TITLE));
		at = strstr(at, head);
		if (!at)
			fail_msg("the minutes lack, or misplace, %s", head);
	}
	assert_non_null(strstr(text, "\n### \xC2\xA7 205 Punkt 205\n"));
	free(text);
	tl_meeting_data_done(&md);

	/* Without names, participants go by person id. */
	if (tl_meeting_read(st, NULL, meeting, 0, &md, &err) != TL_OK)
		fail_msg("read: %s", err.msg);
	assert_true(strcmp(tl_record_str(md.parts.v[1], TL_PART_PERSON),
			   tl_record_str(md.parts.v[2], TL_PART_PERSON)) < 0);
	tl_meeting_data_done(&md);
	tl_refs_done(&refs);
	tl_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_rank),
		cmocka_unit_test(test_participant_order),
		cmocka_unit_test(test_item_numbers),
		cmocka_unit_test(test_read_model_has_no_row_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
