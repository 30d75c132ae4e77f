/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_json_export.c - the export writes what jansson would.
 *
 * The export writes records by hand for speed (json.c); its promise is
 * that the bytes are those tl_json_dumpf() gives for the same values:
 * jansson's, with DEL and the C1 controls escaped.  These tests hold it
 * to that: every string escaped as tl_json_dumpf() escapes it (hostile
 * strings, every one- and two-byte string, random bytes, a megabyte of
 * text), and a whole export equal to the one the old way makes: pages
 * from tl_store_list, each record dumped by jansson through
 * tl_json_dumpf().  And neither writes a byte a terminal acts on.
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
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "tillit/service/demo.h"
#include "tillit/export/json.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "engine.h"

/* j as tl_json_dumpf() writes it with flags, in a string. */
static char *dumps(const json_t *j, size_t flags)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	assert_int_equal(tl_json_dumpf(j, fp, flags), 0);
	assert_int_equal(fclose(fp), 0);
	return text;
}

/* What jansson makes of s, through tl_json_dumpf(): NULL when it refuses
 * s (not UTF-8). */
static char *jansson_quote(const char *s)
{
	json_t *j = json_string(s);
	char *out;

	if (!j)
		return NULL;
	out = dumps(j, JSON_ENCODE_ANY);
	json_decref(j);
	return out;
}

/* Checks tl_json_quote(s) against jansson; true when s was accepted. */
static bool same_as_jansson(const char *s)
{
	char *want = jansson_quote(s), *got = tl_json_quote(s);
	bool ok = want != NULL;

	if (!want && got)
		fail_msg("accepted what jansson refuses: \"%s\"", got);
	if (want && !got)
		fail_msg("refused what jansson accepts: %s", want);
	if (want && strcmp(want, got))
		fail_msg("%s, not %s", got, want);
	free(want);
	free(got);
	return ok;
}

static void test_hostile_strings(void **state)
{
	static const char *const accepted[] = {
		"", "plain", "\"quoted\"", "back\\slash\\", "a/b</script>",
		"\\\"\\n", "tab\there", "line\nbreak\r\n", "\b\f",
		"\x01\x02\x1b\x1f", "del \x7f", "åäö ÅÄÖ § – é",
		"line\xe2\x80\xa8separator\xe2\x80\xa9paragraph",
		"\xef\xbf\xbf \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf",
		"\xc2\x80\xc2\x9f", "\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf",
		"\xee\x80\x80\xf0\x90\x80\x80",
	};
	static const char *const refused[] = {
		"\x80", "a\xbf", "\xc3", "\xc3(", "\xc0\xaf", "\xc1\xbf",
		"\xe0\x80\xaf", "\xe0\x9f\xbf", "\xed\xa0\x80",
		"\xed\xbf\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80",
		"\xfe", "\xff", "ok\xe2\x82", "ok\xf0\x9f\x98", "\xe2\x28\xa1",
	};
	char all[65];

	(void)state;
	for (size_t i = 0; i < sizeof(accepted) / sizeof(*accepted); i++)
		assert_true(same_as_jansson(accepted[i]));
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++)
		assert_false(same_as_jansson(refused[i]));
	/* Every control character, alone and all together. */
	for (int c = 1; c < 0x20; c++) {
		char one[2] = {(char)c, '\0'};
		assert_true(same_as_jansson(one));
		all[c - 1] = (char)c;
	}
	all[31] = '\0';
	assert_true(same_as_jansson(all));
	/* DEL and every C1 control, alone and all together. */
	assert_true(same_as_jansson("\x7f"));
	for (int c = 0x80; c < 0xA0; c++) {
		char one[3] = {(char)0xC2, (char)c, '\0'};
		assert_true(same_as_jansson(one));
		all[2 * (c - 0x80)] = (char)0xC2;
		all[2 * (c - 0x80) + 1] = (char)c;
	}
	all[64] = '\0';
	assert_true(same_as_jansson(all));
}

/* s as both writers give it is want. */
static void quoted_as(const char *s, const char *want)
{
	char *got = tl_json_quote(s), *jansson = jansson_quote(s);

	assert_non_null(got);
	assert_non_null(jansson);
	assert_string_equal(got, want);
	assert_string_equal(jansson, want);
	free(got);
	free(jansson);
}

/*
 * DEL and the C1 controls are escaped, upper-case hex as jansson's own
 * escapes, and the characters around them are not; a dump reads back to
 * the same string.
 */
static void test_terminal_controls(void **state)
{
	static const char s[] = "a\x7f\xc2\x9b[31m\xc2\x80\xc2\x9f "
				"\xc2\xa0~\xc3\xa5\xdf\xbf";
	json_t *j, *back;
	json_error_t e;
	char *text;

	(void)state;
	quoted_as("\x7f", "\"\\u007F\"");
	quoted_as("\xc2\x9b", "\"\\u009B\"");
	quoted_as(s, "\"a\\u007F\\u009B[31m\\u0080\\u009F "
		     "\xc2\xa0~\xc3\xa5\xdf\xbf\"");
	/* An object and an array, as list, show and search dump them. */
	j = json_pack("{s:s, s:[s, s]}", "k\x7f", s, "a", s, "\xc2\x85");
	assert_non_null(j);
	text = dumps(j, JSON_PRESERVE_ORDER | JSON_INDENT(2));
	assert_null(strchr(text, 0x7f));
	for (const char *p = text; (p = strchr(p, (char)0xC2)); p++)
		assert_true((unsigned char)p[1] > 0x9F);
	back = json_loads(text, 0, &e);
	assert_non_null(back);
	assert_true(json_equal(j, back));
	json_decref(back);
	json_decref(j);
	free(text);
}

/* Every string of one and two bytes: both say yes and no alike. */
static void test_every_short_string(void **state)
{
	char s[3];
	int accepted = 0;

	(void)state;
	for (int a = 1; a < 256; a++) {
		s[0] = (char)a;
		s[1] = '\0';
		accepted += same_as_jansson(s);
		for (int b = 1; b < 256; b++) {
			s[1] = (char)b;
			s[2] = '\0';
			accepted += same_as_jansson(s);
		}
	}
	/* 127 ASCII, 127 * 127 ASCII pairs, 30 * 64 two-byte sequences. */
	assert_int_equal(accepted, 127 + 127 * 127 + 30 * 64);
}

/*
 * Random strings of pieces: characters that need escaping or not, and
 * now and then a piece that breaks UTF-8 (a stray or truncated sequence,
 * an overlong form, a surrogate).
 */
static void test_random_strings(void **state)
{
	static const char *const good[] = {
		"a", "\"", "\\", "/", "\n", "\x01", "\x1f", "\x7f", "å",
		"\xc2\x80", "€", "\xe2\x80\xa8", "\xef\xbf\xbf",
		"\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
	};
	static const char *const bad[] = {
		"\x80", "\xbf", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc0\x80",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5", "\xff",
	};
	unsigned long seed = 20260615;
	char s[64];
	int accepted = 0;

	(void)state;
	for (int n = 0; n < 100000; n++) {
		int pieces;
		s[0] = '\0';
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		pieces = 1 + (int)((seed >> 33) % 6);
		for (int i = 0; i < pieces; i++) {
			unsigned long r;
			seed = seed * 6364136223846793005UL +
			       1442695040888963407UL;
			r = seed >> 33;
			if (r % 16 == 0)
				strcat(s, bad[(r / 16) % (sizeof(bad) /
							  sizeof(*bad))]);
			else
				strcat(s, good[(r / 16) % (sizeof(good) /
							   sizeof(*good))]);
		}
		accepted += same_as_jansson(s);
	}
	/* Both answers were tried, many times. */
	assert_true(accepted > 10000 && accepted < 90000);
}

/* A megabyte of text: Swedish, escapes and four-byte characters. */
static void test_megabyte(void **state)
{
	static const char chunk[] = "Återrapportering för nämnden: \"ram\" "
				    "\\ 250000 SEK\n\t\xf0\x9f\x93\x8e ";
	size_t n = 1024 * 1024, len = strlen(chunk);
	char *s = malloc(n + 1);

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i + len <= n; i += len)
		memcpy(s + i, chunk, len);
	s[n - n % len] = '\0';
	assert_true(same_as_jansson(s));
	s[n / 2] = '\xff';
	assert_false(same_as_jansson(s));
	free(s);
}

static struct tl_store *demo_store(void)
{
	struct tl_store *st = NULL;
	struct tl_error err;

	if (tl_store_open(test_db(), TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	return st;
}

/* A growing string. */
struct text {
	char *s;
	size_t len;
};

static void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);
	char *p = realloc(t->s, t->len + n + 1);

	assert_non_null(p);
	memcpy(p + t->len, s, n + 1);
	t->s = p;
	t->len += n;
}

/*
 * The export as it was written before records were written by hand:
 * pages of 7 records in id order (as the export lists them), each
 * record's tl_json_record() dumped by jansson through tl_json_dumpf().
 */
static char *old_export(struct tl_store *st)
{
	struct text t = {0};
	char line[64];

	snprintf(line, sizeof(line),
		 "{\n  \"format\": \"tillit\",\n  \"version\": %d,\n",
		 TL_JSON_VERSION);
	text_add(&t, line);
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		struct tl_query q = {.kind = (enum tl_kind)k, .limit = 7,
				     .by_id = true};
		struct tl_page prev = {0}, page = {0};
		struct tl_error err;
		bool first = true;

		snprintf(line, sizeof(line), "  \"%s\": [", e->plural);
		text_add(&t, line);
		for (;;) {
			if (tl_store_list(st, &q, &page, &err) != TL_OK)
				fail_msg("list: %s", err.msg);
			tl_page_done(&prev);
			for (int i = 0; i < page.n; i++) {
				json_t *j = tl_json_record(page.recs[i]);
				char *s = dumps(j, JSON_PRESERVE_ORDER);
				text_add(&t, first ? "\n    " : ",\n    ");
				text_add(&t, s);
				first = false;
				free(s);
				json_decref(j);
			}
			if (!page.more)
				break;
			prev = page;
			memset(&page, 0, sizeof(page));
			q.after = &prev.next;
		}
		tl_page_done(&page);
		text_add(&t, first ? "]" : "\n  ]");
		text_add(&t, k == TL_K_COUNT - 1 ? "\n" : ",\n");
	}
	text_add(&t, "}\n");
	return t.s;
}

static char *new_export(struct tl_store *st, enum tl_status want,
			struct tl_error *err)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	assert_int_equal(tl_json_export(st, fp, err), want);
	assert_int_equal(fclose(fp), 0);
	return text;
}

/* Adds records whose text needs escaping, a few with the same sort key. */
static void add_hostile(struct tl_store *st)
{
	static const char *const names[] = {
		"\"Citat\" och \\snedstreck\\", "Ärende/överklagande",
		"Ärende/överklagande", "Line\xe2\x80\xa8separator",
	};
	struct tl_error err;

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		struct tl_record *r = tl_record_new(TL_K_UNIT);
		assert_non_null(r);
		tl_record_set(r, TL_UNIT_NAME, names[i]);
		tl_record_set(r, TL_UNIT_KIND, "team");
		if (tl_store_insert(st, r, &err) != TL_OK)
			fail_msg("insert: %s", err.msg);
		tl_record_free(r);
	}
	for (int i = 0; i < 3; i++) {
		struct tl_record *r = tl_record_new(TL_K_SERIES);
		assert_non_null(r);
		tl_record_set(r, TL_SERIES_TITLE, "Samma titel");
		tl_record_set(r, TL_SERIES_KIND, "forum");
		tl_record_set(r, TL_SERIES_NOTES,
			      "Rad ett\n\tRad två med \"citat\" och </tagg>");
		if (tl_store_insert(st, r, &err) != TL_OK)
			fail_msg("insert: %s", err.msg);
		tl_record_free(r);
	}
}

static void test_export_as_jansson_would(void **state)
{
	struct tl_store *st = demo_store();
	struct tl_error err;
	char *want, *got;

	(void)state;
	add_hostile(st);
	want = old_export(st);
	got = new_export(st, TL_OK, &err);
	assert_string_equal(got, want);
	/* Integers and booleans are there, not only strings. */
	assert_non_null(strstr(got, "\"number\": 1"));
	assert_non_null(strstr(got, "\"onward\": false"));
	free(want);
	free(got);
	tl_store_close(st);
}

/*
 * The demo database in a file at path (a mkstemp() pattern), changed by
 * sql behind the store's back, opened again.
 */
static struct tl_store *changed_store(char *path, const char *sql)
{
	struct tl_store *st = NULL;
	struct tl_error err;
	sqlite3 *db;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	if (tl_store_open(path, TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	tl_store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	if (tl_store_open(path, 0, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	return st;
}

static void remove_store(struct tl_store *st, const char *path)
{
	tl_store_close(st);
	unlink(path);
	for (int i = 0; i < 2; i++) {
		char side[256];
		snprintf(side, sizeof(side), "%s%s", path, i ? "-shm" : "-wal");
		unlink(side);
	}
}

/* Controls stored by another program: both ways escape them alike. */
static void test_export_controls_as_jansson_would(void **state)
{
	char path[] = "/tmp/tillit-test-json-export-XXXXXX";
	struct tl_store *st = changed_store(path,
		"UPDATE units SET name = 'Kontroll ' || char(155) || '[31m' "
		"|| char(127) || char(128) || ' ' || char(160) "
		"WHERE rowid = 1");
	struct tl_error err;
	char *want, *got;

	(void)state;
	want = old_export(st);
	got = new_export(st, TL_OK, &err);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, "Kontroll \\u009B[31m\\u007F\\u0080 "
				    "\xc2\xa0\""));
	free(want);
	free(got);
	remove_store(st, path);
}

/* A database holding what the store never writes fails the export. */
static void damaged(const char *sql, const char *message)
{
	char path[] = "/tmp/tillit-test-json-export-XXXXXX";
	struct tl_store *st = changed_store(path, sql);
	struct tl_error err;
	char *text;

	text = new_export(st, TL_EDB, &err);
	assert_non_null(strstr(err.msg, message));
	free(text);
	remove_store(st, path);
}

static void test_damaged_values(void **state)
{
	(void)state;
	damaged("UPDATE units SET name = 'Bad ' || x'ff' WHERE rowid = 1",
		"field \"name\" is not valid UTF-8.");
	damaged("UPDATE items SET number = 'x' WHERE rowid = 1",
		"which is not an integer.");
	damaged("UPDATE mandates SET onward = 7 WHERE rowid = 1",
		"which is not 0 or 1.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_strings),
		cmocka_unit_test(test_terminal_controls),
		cmocka_unit_test(test_every_short_string),
		cmocka_unit_test(test_random_strings),
		cmocka_unit_test(test_megabyte),
		cmocka_unit_test(test_export_as_jansson_would),
		cmocka_unit_test(test_export_controls_as_jansson_would),
		cmocka_unit_test(test_damaged_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
