/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_draft.c - unit tests of the drafts that a signal leaves when it
 * closes a form (draft.h): what was typed comes back exactly, the file
 * is private, a broken file is refused with a message, and a database in
 * memory has no drafts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/ui/draft.h"
#include "tillit/core/error.h"
#include "tillit/core/model.h"

static char dir[64];
static char db[96];

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/tl-draft-XXXXXX",
		 tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db, sizeof(db), "%s/x.db", dir);
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* What was typed, quotes, newlines and Swedish letters included, comes
 * back field by field; fields left out of the mask are not written. */
static void test_draft_round_trip(void **state)
{
	struct tl_record *r = tl_record_new(TL_K_FOLLOWUP), *back = NULL;
	unsigned long long fields = 0, got = 0;
	struct tl_error err = {0};
	char path[256], next[256];
	char *title = NULL;
	struct stat sb;

	(void)state;
	assert_non_null(r);
	tl_record_set(r, TL_FOLLOWUP_TEXT, "Ring \"Åsa\"; -- 100%\nrad två");
	tl_record_set(r, TL_FOLLOWUP_DUE, "+14d");
	tl_record_set(r, TL_FOLLOWUP_OUTCOME, "not in the mask");
	fields = (1ULL << TL_FOLLOWUP_TEXT) | (1ULL << TL_FOLLOWUP_DUE) |
		 (1ULL << TL_FOLLOWUP_OWNER);
	assert_int_equal(ui_draft_save(db, r, fields, "New follow-up", path,
				       sizeof(path), &err), TL_OK);

	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_true(ui_draft_next(db, next, sizeof(next)));
	assert_string_equal(next, path);

	assert_int_equal(ui_draft_load(path, &back, &got, &title, &err),
			 TL_OK);
	assert_ptr_equal(back->e, r->e);
	assert_string_equal(back->id, "");
	assert_string_equal(title, "New follow-up");
	assert_int_equal(got, fields);
	assert_string_equal(tl_record_get(back, TL_FOLLOWUP_TEXT),
			    "Ring \"Åsa\"; -- 100%\nrad två");
	assert_string_equal(tl_record_get(back, TL_FOLLOWUP_DUE), "+14d");
	assert_null(tl_record_get(back, TL_FOLLOWUP_OWNER));
	assert_null(tl_record_get(back, TL_FOLLOWUP_OUTCOME));

	ui_draft_remove(path);
	assert_false(ui_draft_next(db, next, sizeof(next)));
	assert_int_equal(access(path, F_OK), -1);
	tl_record_free(back);
	tl_record_free(r);
	free(title);
}

/* A draft of an edit keeps the record's id. */
static void test_draft_keeps_id(void **state)
{
	struct tl_record *r = tl_record_new(TL_K_PERSON), *back = NULL;
	unsigned long long got = 0;
	struct tl_error err = {0};
	char path[256], *title = NULL;

	(void)state;
	memcpy(r->id, "3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f", TL_ID_LEN + 1);
	tl_record_set(r, TL_PERSON_NAME, "Åsa Öberg");
	assert_int_equal(ui_draft_save(db, r, 1ULL << TL_PERSON_NAME, NULL,
				       path, sizeof(path), &err), TL_OK);
	assert_int_equal(ui_draft_load(path, &back, &got, &title, &err),
			 TL_OK);
	assert_string_equal(back->id, r->id);
	assert_string_equal(tl_record_get(back, TL_PERSON_NAME), "Åsa Öberg");
	ui_draft_remove(path);
	tl_record_free(back);
	tl_record_free(r);
	free(title);
}

/* A file that is not a draft is refused with a message naming it, and
 * can be set aside without being lost. */
static void test_draft_damaged(void **state)
{
	const char *bad[] = {
		"{\"format\":\"tillit-draft\", broken",
		"{\"format\":\"other\",\"version\":1,\"kind\":\"followup\","
		"\"fields\":{}}",
		"{\"format\":\"tillit-draft\",\"version\":2,\"kind\":"
		"\"followup\",\"fields\":{}}",
		"{\"format\":\"tillit-draft\",\"version\":1,\"kind\":\"nope\","
		"\"fields\":{}}",
		"{\"format\":\"tillit-draft\",\"version\":1,\"kind\":"
		"\"followup\",\"id\":\"x'; --\",\"fields\":{}}",
	};
	char path[128], aside[160];

	(void)state;
	snprintf(path, sizeof(path), "%s/bad.json", dir);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tl_record *r = NULL;
		unsigned long long got = 0;
		struct tl_error err = {0};
		char *title = NULL;
		FILE *f = fopen(path, "w");

		assert_non_null(f);
		fputs(bad[i], f);
		fclose(f);
		assert_int_equal(ui_draft_load(path, &r, &got, &title, &err),
				 TL_EINVAL);
		assert_null(r);
		assert_non_null(strstr(err.msg, path));
	}
	ui_draft_set_aside(path);
	snprintf(aside, sizeof(aside), "%s.damaged", path);
	assert_int_equal(access(aside, F_OK), 0);
	assert_int_equal(access(path, F_OK), -1);
}

/* A database in memory has no folder, so no drafts. */
static void test_draft_memory(void **state)
{
	struct tl_record *r = tl_record_new(TL_K_UNIT);
	struct tl_error err = {0};
	char path[64];

	(void)state;
	assert_false(ui_draft_next(":memory:", path, sizeof(path)));
	assert_int_equal(ui_draft_save(":memory:", r, 1, NULL, NULL, 0, &err),
			 TL_ESYS);
	tl_record_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draft_round_trip),
		cmocka_unit_test(test_draft_keeps_id),
		cmocka_unit_test(test_draft_damaged),
		cmocka_unit_test(test_draft_memory),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
