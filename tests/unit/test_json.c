/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_json.c - the JSON export and import, on the demo municipality.
 *
 * The acceptance test of the format: demo, export, import into an empty
 * database, export again, and the two files are byte for byte the same.
 * Then every way an import may be refused, each checked to write nothing.
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
#include <time.h>
#include <unistd.h>

#include <dirent.h>
#include <sys/stat.h>

#include <jansson.h>

#include "tillit/export/atomic.h"
#include "tillit/service/demo.h"
#include "tillit/import/import.h"
#include "tillit/export/json.h"
#include "tillit/core/model.h"
#include "tillit/core/rules.h"
#include "tillit/store/store.h"
#include "tillit/core/validate.h"

#define PATH_SIZE 512

/* The demo's export, made once for all tests. */
static char demo_path[PATH_SIZE];
static char *demo_text;
static size_t demo_len;
static long demo_count;

static struct tl_store *open_empty(void)
{
	struct tl_store *st = NULL;
	struct tl_error err;

	if (tl_store_open(":memory:", TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	return st;
}

/* A new empty temporary file (in $TMPDIR); its name goes to path. */
static void tmp_file(char path[PATH_SIZE])
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	assert_true(snprintf(path, PATH_SIZE, "%s/tillit-test-json-XXXXXX",
			     dir) < PATH_SIZE);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void spill(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Exports st and returns the text (caller frees). */
static char *export_text(struct tl_store *st, size_t *len)
{
	char path[PATH_SIZE];
	struct tl_error err;
	FILE *fp;
	char *text;

	tmp_file(path);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	if (tl_json_export(st, fp, &err) != TL_OK)
		fail_msg("export: %s", err.msg);
	assert_int_equal(fclose(fp), 0);
	text = slurp(path, len);
	unlink(path);
	return text;
}

/* Every record of every kind. */
static long count_all(struct tl_store *st)
{
	long total = 0;

	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k};
		struct tl_error err;
		long n = 0;

		if (tl_store_count(st, &q, &n, &err) != TL_OK)
			fail_msg("count: %s", err.msg);
		total += n;
	}
	return total;
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int setup(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_error err;
	FILE *fp;

	(void)state;
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	demo_count = count_all(st);
	tmp_file(demo_path);
	fp = fopen(demo_path, "wb");
	assert_non_null(fp);
	if (tl_json_export(st, fp, &err) != TL_OK)
		fail_msg("export: %s", err.msg);
	assert_int_equal(fclose(fp), 0);
	demo_text = slurp(demo_path, &demo_len);
	tl_store_close(st);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(demo_path);
	free(demo_text);
	return 0;
}

static void test_every_kind_present(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, JSON_REJECT_DUPLICATES, &jerr);

	(void)state;
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "format")),
			    "tillit");
	assert_int_equal(json_integer_value(json_object_get(doc, "version")),
			 TL_JSON_VERSION);
	assert_int_equal(json_object_size(doc), 2 + TL_K_COUNT);
	for (int k = 0; k < TL_K_COUNT; k++) {
		const char *plural = tl_entity_get((enum tl_kind)k)->plural;
		json_t *arr = json_object_get(doc, plural);

		/* Only signing writes these, and the demo signs nothing
		 * (test_sign.c makes the round trip of a signed meeting). */
		if (k == TL_K_SIGNATURE || k == TL_K_SEAL) {
			if (!json_is_array(arr))
				fail_msg("no %s array in the export", plural);
			continue;
		}
		if (!json_is_array(arr) || json_array_size(arr) == 0)
			fail_msg("no %s in the demo's export", plural);
	}
	json_decref(doc);
}

static void test_export_layout(void **state)
{
	(void)state;
	/* UTF-8 stays as it is, no \u escapes; one record per line. */
	assert_non_null(strstr(demo_text, "\"Åsa Öberg\""));
	assert_null(strstr(demo_text, "\\u00"));
	assert_true(demo_len > 2 && demo_text[demo_len - 1] == '\n');
	assert_memory_equal(demo_text, "{\n  \"format\": \"tillit\",\n"
			    "  \"version\": 1,\n  \"units\": [\n    {\"id\": ",
			    46);
	/* Types: integers, booleans, amounts as strings; unset left out. */
	assert_non_null(strstr(demo_text, "\"level\": 7"));
	assert_non_null(strstr(demo_text, "\"onward\": true"));
	assert_non_null(strstr(demo_text, "\"amount\": \"250000\""));
	assert_non_null(strstr(demo_text, "\"score\": -1"));
	assert_null(strstr(demo_text, "null"));
	/* Nothing in it depends on the moment of export. */
	{
		struct tl_store *st = open_empty();
		struct tl_error err;
		size_t len;
		char *again;

		assert_int_equal(tl_json_import(st, demo_path, NULL, &err),
				 TL_OK);
		again = export_text(st, &len);
		assert_int_equal(len, demo_len);
		assert_memory_equal(again, demo_text, len);
		free(again);
		tl_store_close(st);
	}
}

/* The acceptance test: export, import into empty, export: identical. */
static void test_round_trip(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	size_t len;
	char *again;

	(void)state;
	if (tl_json_import(st, demo_path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.added, demo_count);
	assert_int_equal(stats.changed, 0);
	assert_int_equal(stats.unchanged, 0);
	assert_int_equal(count_all(st), demo_count);
	again = export_text(st, &len);
	assert_int_equal(len, demo_len);
	assert_memory_equal(again, demo_text, len);
	free(again);
	tl_store_close(st);
}

static void test_import_twice_changes_nothing(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;

	(void)state;
	assert_int_equal(tl_json_import(st, demo_path, &stats, &err), TL_OK);
	if (tl_json_import(st, demo_path, &stats, &err) != TL_OK)
		fail_msg("second import: %s", err.msg);
	assert_int_equal(stats.added, 0);
	assert_int_equal(stats.changed, 0);
	assert_int_equal(stats.unchanged, demo_count);
	assert_int_equal(count_all(st), demo_count);
	tl_store_close(st);
}

/* `init` seeds principles with ids of its own; the file's take over. */
static void test_import_into_initialised(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	size_t len;
	char *again;

	(void)state;
	assert_int_equal(tl_store_seed_principles(st, "vadstena", &err),
			 TL_OK);
	if (tl_json_import(st, demo_path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.changed, 5);
	assert_int_equal(stats.added, demo_count - 5);
	again = export_text(st, &len);
	assert_int_equal(len, demo_len);
	assert_memory_equal(again, demo_text, len);
	free(again);
	tl_store_close(st);
}

/*
 * Imports `text` into a store that already holds the demo (when `full`)
 * or nothing, expects status `want_rc` with `want` in the message, and
 * checks that nothing was written.
 */
static void refused_with(const char *text, size_t len, bool full,
			 enum tl_status want_rc, const char *want)
{
	struct tl_store *st = open_empty();
	struct tl_json_stats stats = {1, 1, 1};
	struct tl_error err;
	char path[PATH_SIZE];
	long before;
	enum tl_status rc;

	if (full)
		assert_int_equal(tl_json_import(st, demo_path, NULL, &err),
				 TL_OK);
	before = count_all(st);
	tmp_file(path);
	spill(path, text, len);
	rc = tl_json_import(st, path, &stats, &err);
	if (rc != want_rc)
		fail_msg("status %d, message \"%s\"", rc, err.msg);
	if (!strstr(err.msg, want))
		fail_msg("\"%s\" is not in \"%s\"", want, err.msg);
	assert_int_equal(strncmp(err.msg, path, strlen(path)), 0);
	assert_int_equal(stats.added + stats.changed + stats.unchanged, 0);
	assert_int_equal(count_all(st), before);
	unlink(path);
	tl_store_close(st);
}

static void refused(const char *text, size_t len, bool full,
		    const char *want)
{
	refused_with(text, len, full, TL_EINVAL, want);
}

static void test_malformed_line_3(void **state)
{
	static const char text[] =
		"{\n  \"format\": \"tillit\",\n  \"version\": 1 2,\n"
		"  \"units\": []\n}\n";

	(void)state;
	refused(text, sizeof(text) - 1, true, ":3:16: ");
}

static void test_truncated(void **state)
{
	(void)state;
	refused(demo_text, demo_len / 2, false, ": ");
	refused(demo_text, demo_len - 3, true, "end of the file");
	refused("", 0, false, ":");
}

static void test_duplicate_key(void **state)
{
	static const char text[] =
		"{\"format\": \"tillit\", \"version\": 1,\n"
		"\"units\": [], \"units\": []}\n";

	(void)state;
	refused(text, sizeof(text) - 1, false, ":2:");
}

/* Parses the demo's export, lets `change` edit it, and expects refusal. */
static void refused_doc_with(void (*change)(json_t *doc),
			     enum tl_status want_rc, const char *want)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr);
	char *text;

	assert_non_null(doc);
	change(doc);
	text = json_dumps(doc, JSON_INDENT(1));
	assert_non_null(text);
	refused_with(text, strlen(text), false, want_rc, want);
	refused_with(text, strlen(text), true, want_rc, want);
	free(text);
	json_decref(doc);
}

static void refused_doc(void (*change)(json_t *doc), const char *want)
{
	refused_doc_with(change, TL_EINVAL, want);
}

/* The last record of a kind: the one imported last. */
static json_t *last_of(json_t *doc, const char *plural)
{
	json_t *arr = json_object_get(doc, plural);

	assert_true(json_array_size(arr) > 0);
	return json_array_get(arr, json_array_size(arr) - 1);
}

static void bad_format(json_t *doc)
{
	json_object_set_new(doc, "format", json_string("tillitt"));
}

static void newer_version(json_t *doc)
{
	json_object_set_new(doc, "version", json_integer(TL_JSON_VERSION + 1));
}

static void unknown_kind(json_t *doc)
{
	json_object_set_new(doc, "widgets", json_array());
}

static void unknown_field(json_t *doc)
{
	json_object_set_new(last_of(doc, "balances"), "colour",
			    json_string("blå"));
}

static void bad_enum(json_t *doc)
{
	json_object_set_new(last_of(doc, "followups"), "kind",
			    json_string("someday"));
}

static void wrong_type(json_t *doc)
{
	json_object_set_new(last_of(doc, "mandates"), "level", json_true());
}

static void out_of_range(json_t *doc)
{
	json_object_set_new(last_of(doc, "balances"), "score",
			    json_integer(3));
}

static void relative_date(json_t *doc)
{
	json_object_set_new(last_of(doc, "followups"), "due",
			    json_string("+14d"));
}

static void bad_id(json_t *doc)
{
	json_object_set_new(last_of(doc, "balances"), "id",
			    json_string("not-a-uuid"));
}

static void missing_stamp(json_t *doc)
{
	json_object_del(last_of(doc, "balances"), "created_at");
}

static void duplicate_id(json_t *doc)
{
	json_array_append(json_object_get(doc, "balances"),
			  json_array_get(json_object_get(doc, "balances"), 0));
}

static void dangling_ref(json_t *doc)
{
	static const char nobody[] = "00000000-0000-4000-8000-000000000000";

	json_object_set_new(last_of(doc, "followups"), "owner",
			    json_string(nobody));
}

static void not_object(json_t *doc)
{
	json_array_append_new(json_object_get(doc, "units"), json_integer(1));
}

/* One id for a unit and a person: refused, whatever the kinds. */
static void id_in_two_kinds(json_t *doc)
{
	json_t *unit = json_array_get(json_object_get(doc, "units"), 0);
	json_t *person = last_of(doc, "people");

	json_object_set(person, "id", json_object_get(unit, "id"));
}

/* An item that corrects itself. */
static void self_reference(json_t *doc)
{
	json_t *item = last_of(doc, "items");

	json_object_set(item, "refers_to", json_object_get(item, "id"));
}

/* The top unit under another one, which sits (somewhere) under it:
 * every unit of the demo is under its council, the top unit.  The other
 * is the last unit that is not the top one: the units come in the order
 * of their ids, which are random, so the last may be the top itself
 * (and that is refused as a reference to itself, not as a cycle). */
static void unit_cycle(json_t *doc)
{
	json_t *units = json_object_get(doc, "units");
	json_t *top = NULL, *u;
	size_t i;

	json_t *child = NULL;

	json_array_foreach(units, i, u)
		if (!json_object_get(u, "parent"))
			top = u;
	assert_non_null(top);
	/* One of its own units above it: a unit under it, whatever the
	 * order of the export (by id). */
	json_array_foreach(units, i, u)
		if (json_equal(json_object_get(u, "parent"),
			       json_object_get(top, "id")))
			child = u;
	assert_non_null(child);
	json_object_set(top, "parent", json_object_get(child, "id"));
}

/* Two people with one login: another person given the login of the
 * first who has one (the export is in id order: any may come first). */
static void shared_login(json_t *doc)
{
	json_t *people = json_object_get(doc, "people");
	json_t *with = NULL, *other = NULL, *p;
	size_t i;

	json_array_foreach(people, i, p)
		if (!with && json_is_string(json_object_get(p, "login")))
			with = p;
	json_array_foreach(people, i, p)
		if (!other && p != with)
			other = p;
	assert_non_null(with);
	assert_non_null(other);
	json_object_set(other, "login", json_object_get(with, "login"));
}

/* A meeting signed in the file, with no seal in it: its own is dropped. */
static void signed_without_seal(json_t *doc)
{
	json_t *meetings = json_object_get(doc, "meetings");
	json_t *seals = json_object_get(doc, "seals"), *m;
	const char *id = NULL;
	size_t i;

	json_array_foreach(meetings, i, m)
		if (!strcmp(json_string_value(json_object_get(m, "status")),
			    "signed"))
			id = json_string_value(json_object_get(m, "id"));
	assert_non_null(id);
	for (i = json_array_size(seals); i-- > 0;)
		if (!strcmp(json_string_value(json_object_get(
				json_array_get(seals, i), "meeting")), id))
			json_array_remove(seals, i);
}

/* The rules of the store, as the command line meets them. */
static void test_refusals_of_the_rules(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr);
	char *text;

	(void)state;
	refused_doc(self_reference, "cannot refer to itself");
	refused_doc(unit_cycle, "cannot sit under itself");
	refused_doc(shared_login, "belongs to another person already");
	/* Into a database that holds the meeting signed, nothing changes. */
	assert_non_null(doc);
	signed_without_seal(doc);
	text = json_dumps(doc, JSON_INDENT(1));
	assert_non_null(text);
	refused_with(text, strlen(text), false, TL_EREFUSED,
		     "A meeting becomes signed only by being signed.");
	free(text);
	json_decref(doc);
}

static void test_refusals(void **state)
{
	(void)state;
	refused_doc(bad_format, "not a tillit export");
	refused_doc(newer_version, "newer tillit");
	refused_doc(unknown_kind, "unknown key \"widgets\"");
	refused_doc(unknown_field, "unknown field \"colour\"");
	refused_doc(bad_enum, "someday");
	refused_doc(wrong_type, "field \"level\" must be an integer");
	refused_doc(out_of_range, "balance");
	refused_doc(relative_date, "+14d");
	refused_doc(bad_id, "not-a-uuid");
	refused_doc(missing_stamp, "created_at");
	refused_doc(duplicate_id, "more than once");
	refused_doc(id_in_two_kinds, "more than once");
	/* Found when the transaction ends: a refusal, not bad input. */
	refused_doc_with(dangling_ref, TL_EREFUSED, "nothing was saved");
	refused_doc(not_object, "must be an object");
}

/* The demo with its keys in reverse order ("format" and "version" last),
 * pretty-printed: imported, it exports as the demo itself. */
static void test_reordered_pretty(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr), *rev = json_object();
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	const char *keys[64];
	char path[PATH_SIZE];
	char *text, *again;
	const char *key;
	json_t *v;
	size_t len;
	int n = 0;

	(void)state;
	assert_non_null(doc);
	json_object_foreach(doc, key, v)
		keys[n++] = key;
	while (n > 0) {
		n--;
		json_object_set(rev, keys[n], json_object_get(doc, keys[n]));
	}
	text = json_dumps(rev, JSON_INDENT(3));
	assert_non_null(text);
	assert_non_null(strstr(text, "\"format\""));
	assert_true(strstr(text, "\"units\"") < strstr(text, "\"format\""));
	tmp_file(path);
	spill(path, text, strlen(text));
	if (tl_json_import(st, path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.added, demo_count);
	again = export_text(st, &len);
	assert_int_equal(len, demo_len);
	assert_memory_equal(again, demo_text, len);
	free(again);
	free(text);
	unlink(path);
	json_decref(rev);
	json_decref(doc);
	tl_store_close(st);
}

/*
 * A file of many units (longer than the piece the import reads at a
 * time) whose record `broken` is malformed (or none when -1), or whose
 * last record repeats the id of the first (`dup`).
 */
static char *many_units(int n, int broken, bool dup, size_t *len)
{
	size_t cap = (size_t)n * 200 + 256, at = 0;
	char *text = malloc(cap);

	assert_non_null(text);
	at += (size_t)snprintf(text + at, cap - at, "{\n  \"format\": "
			       "\"tillit\",\n  \"version\": 1,\n  \"units\": "
			       "[\n");
	for (int i = 0; i < n; i++)
		at += (size_t)snprintf(text + at, cap - at,
			"    {\"id\": \"%08x-0000-4000-8000-000000000000\", "
			"\"created_at\": \"2026-11-23T09:00:00Z\", "
			"\"updated_at\": \"2026-11-23T09:00:00Z\", "
			"\"name\": \"Enhet %d\", \"kind\": \"team\", "
			"\"status\": \"active\"%s}%s\n",
			dup && i == n - 1 ? 1u : (unsigned)i + 1, i,
			i == broken ? ",," : "", i + 1 < n ? "," : "");
	at += (size_t)snprintf(text + at, cap - at, "  ]\n}\n");
	*len = at;
	return text;
}

static void test_large_file_all_or_nothing(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	char path[PATH_SIZE];
	size_t len;
	char *text;

	(void)state;
	/* Record 3000 is on line 3005 of a file of about a MiB. */
	text = many_units(6000, 3000, false, &len);
	assert_true(len > 256 * 1024);
	refused(text, len, true, ":3005:");
	refused(text, len, false, ":3005:");
	free(text);
	text = many_units(6000, -1, true, &len);
	refused(text, len, false, "occurs more than once");
	refused(text, len, true, "occurs more than once");
	free(text);
	/* The second record repeats the first's id and record 5000 is
	 * malformed: the first fault in the file is the one reported (the
	 * writer fails while the reader still has most of the file to go). */
	text = many_units(6000, 5000, false, &len);
	memcpy(strstr(text, "\"00000002-"), "\"00000001-", 10);
	refused(text, len, false, "00000001-0000-4000-8000-000000000000 occurs "
		"more than once");
	free(text);
	/* Whole, it goes in; and a second time it changes nothing. */
	text = many_units(6000, -1, false, &len);
	tmp_file(path);
	spill(path, text, len);
	if (tl_json_import(st, path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.added, 6000);
	assert_int_equal(count_all(st), 6000);
	assert_int_equal(tl_json_import(st, path, &stats, &err), TL_OK);
	assert_int_equal(stats.unchanged, 6000);
	assert_int_equal(stats.added + stats.changed, 0);
	unlink(path);
	free(text);
	tl_store_close(st);
}

/* Drops every kind but units and people from the document. */
static void keep_units_people(json_t *doc)
{
	const char *key;
	json_t *v;
	void *tmp;

	json_object_foreach_safe(doc, tmp, key, v)
		if (json_is_array(v) && strcmp(key, "units") &&
		    strcmp(key, "people"))
			json_object_set_new(doc, key, json_array());
}

/*
 * Into a database that holds some kinds already: those merge record by
 * record, the others are added whole; the result is the demo.
 */
static void test_import_into_partly_filled(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr);
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	char path[PATH_SIZE];
	long some;
	char *text, *again;
	size_t len;

	(void)state;
	assert_non_null(doc);
	keep_units_people(doc);
	some = (long)(json_array_size(json_object_get(doc, "units")) +
		      json_array_size(json_object_get(doc, "people")));
	text = json_dumps(doc, 0);
	tmp_file(path);
	spill(path, text, strlen(text));
	if (tl_json_import(st, path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.added, some);
	if (tl_json_import(st, demo_path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.unchanged, some);
	assert_int_equal(stats.added, demo_count - some);
	again = export_text(st, &len);
	assert_int_equal(len, demo_len);
	assert_memory_equal(again, demo_text, len);
	free(again);
	free(text);
	unlink(path);
	json_decref(doc);
	tl_store_close(st);
}

/*
 * Into a database that holds units and people only, units are merged one
 * by one and followups go in through the bulk load: a followup with a
 * unit's id is refused all the same, and nothing is written.
 */
static void test_shared_id_merged_and_bulk(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr);
	json_t *part = json_loads(demo_text, 0, &jerr);
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	char path[PATH_SIZE];
	const char *unit;
	long before;
	char *text;

	(void)state;
	assert_non_null(doc);
	assert_non_null(part);
	keep_units_people(part);
	text = json_dumps(part, 0);
	tmp_file(path);
	spill(path, text, strlen(text));
	assert_int_equal(tl_json_import(st, path, &stats, &err), TL_OK);
	free(text);
	before = count_all(st);
	unit = json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "units"), 0), "id"));
	json_object_set_new(last_of(doc, "followups"), "id",
			    json_string(unit));
	text = json_dumps(doc, 0);
	spill(path, text, strlen(text));
	assert_int_equal(tl_json_import(st, path, &stats, &err), TL_EINVAL);
	if (!strstr(err.msg, "occurs more than once") ||
	    !strstr(err.msg, unit))
		fail_msg("message \"%s\"", err.msg);
	assert_int_equal(count_all(st), before);
	free(text);
	unlink(path);
	json_decref(part);
	json_decref(doc);
	tl_store_close(st);
}

/*
 * A reference to a record in neither the file nor the database.  Into an
 * empty database the load checks references once, at its end; the
 * sentence is the one a commit gives, nothing is written, and afterwards
 * the store checks references again.
 */
static void test_dangling_reference(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr);
	struct tl_store *st = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	char path[PATH_SIZE], want[256];
	const char *id;
	char *text;

	(void)state;
	assert_non_null(doc);
	json_object_set_new(last_of(doc, "followups"), "owner",
			    json_string("00000000-0000-4000-8000-00000000dead"));
	id = json_string_value(json_object_get(last_of(doc, "followups"),
					       "id"));
	snprintf(want, sizeof(want), "The follow-up %s refers to a person "
		 "that does not exist; nothing was saved.", id);
	text = json_dumps(doc, 0);
	tmp_file(path);
	spill(path, text, strlen(text));
	assert_int_equal(tl_json_import(st, path, &stats, &err), TL_EREFUSED);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\"", err.msg);
	assert_int_equal(count_all(st), 0);

	/* The demo goes in through the load; the same file merged into it
	 * afterwards is refused at the commit, as SQLite checks the
	 * references again. */
	if (tl_json_import(st, demo_path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(tl_json_import(st, path, &stats, &err), TL_EREFUSED);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\"", err.msg);
	assert_int_equal(count_all(st), demo_count);
	free(text);
	unlink(path);
	json_decref(doc);
	tl_store_close(st);
}

/* ---- the fast reader against jansson ---------------------------------- */

/* What one import did: its status, message and the export after it. */
struct outcome {
	enum tl_status rc;
	char msg[sizeof(((struct tl_error *)0)->msg)];
	char *text;
	size_t len;
};

/* The message of the last both_ways(), for a test's own failure. */
static char last_msg[sizeof(((struct tl_error *)0)->msg)];

static struct outcome import_once(const char *path, bool fast)
{
	struct tl_store *st = open_empty();
	struct outcome o = {0};
	struct tl_error err;

	tl_json_import_fast(fast);
	tl_error_clear(&err);
	o.rc = tl_json_import(st, path, NULL, &err);
	tl_json_import_fast(true);
	snprintf(o.msg, sizeof(o.msg), "%s", o.rc == TL_OK ? "" : err.msg);
	o.text = export_text(st, &o.len);
	tl_store_close(st);
	return o;
}

/*
 * Imports doc with the fast reader and with jansson alone, into new
 * stores: the status, the message and the database after it are the
 * same.  Returns the status.
 */
static enum tl_status both_ways(const char *doc, size_t len, const char *what)
{
	char path[PATH_SIZE];
	struct outcome a, b;

	tmp_file(path);
	spill(path, doc, len);
	a = import_once(path, true);
	b = import_once(path, false);
	unlink(path);
	if (a.rc != b.rc || strcmp(a.msg, b.msg))
		fail_msg("%s: fast %d \"%s\", jansson %d \"%s\"", what, a.rc,
			 a.msg, b.rc, b.msg);
	if (a.len != b.len || memcmp(a.text, b.text, a.len))
		fail_msg("%s: the databases differ", what);
	snprintf(last_msg, sizeof(last_msg), "%s", a.msg);
	free(a.text);
	free(b.text);
	return a.rc;
}

#define UNIT_HEAD "{\"id\": \"00000000-0000-4000-8000-0000000000%02d\", " \
	"\"created_at\": \"2026-11-23T10:00:00Z\", \"updated_at\": " \
	"\"2026-11-23T10:00:00Z\", "
#define PERSON "{\"id\": \"00000000-0000-4000-8000-000000000101\", " \
	"\"created_at\": \"2026-11-23T10:00:00Z\", \"updated_at\": " \
	"\"2026-11-23T10:00:00Z\", \"name\": \"Åsa Öberg\", \"kind\": " \
	"\"employee\", \"unit\": \"00000000-0000-4000-8000-000000000001\"}"
#define BALANCE_HEAD "{\"id\": \"00000000-0000-4000-8000-000000000201\", " \
	"\"created_at\": \"2026-11-23T10:00:00Z\", \"updated_at\": " \
	"\"2026-11-23T10:00:00Z\", \"unit\": " \
	"\"00000000-0000-4000-8000-000000000001\", \"assessed_on\": " \
	"\"2026-11-20\", "

/*
 * A document with unit 1 and, as unit 2, `unit2` (members after the
 * timestamps, or a whole element when it does not start with '"'), a
 * person and a balance whose score member is `score`.
 */
static size_t make_doc(char *buf, size_t size, const char *unit2,
		       const char *score)
{
	char u1[256], u2[512];
	int n;

	snprintf(u1, sizeof(u1), UNIT_HEAD "\"name\": \"Förvaltningen\", "
		 "\"kind\": \"administration\"}", 1);
	if (unit2[0] == '"')
		snprintf(u2, sizeof(u2), UNIT_HEAD "%s}", 2, unit2);
	else
		snprintf(u2, sizeof(u2), "%s", unit2);
	n = snprintf(buf, size, "{\"format\": \"tillit\", \"version\": 1,\n"
		     "\"units\": [\n%s,\n%s\n],\n\"people\": [%s],\n"
		     "\"balances\": [" BALANCE_HEAD "\"score\": %s}]}\n",
		     u1, u2, PERSON, score);
	assert_true(n > 0 && (size_t)n < size);
	return (size_t)n;
}

static void test_fast_reader_as_jansson(void **state)
{
	/* Members of unit 2 (or a whole element), and what is expected. */
	static const struct {
		const char *unit2, *score;
		bool ok;
	} cases[] = {
		{"\"name\": \"Arbetslaget\", \"kind\": \"team\"", "1", true},
		{"\"name\": \"\\u00e5ngest\", \"kind\": \"team\"", "0", true},
		{"\"name\": \"\\\"citat\\\" \\/ \\\\\", \"kind\": "
		 "\"team\"", "1", true},
		{"\"name\": \"rad\\nny\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"Vad?\", \"kind\": \"team\"", "1", true},
		{"\"name\": \"\xf0\x9f\x98\x80 glad\", \"kind\": \"team\"", "1",
		 true},
		{"\"name\": \"\\ud83d\\ude00 glad\", \"kind\": \"team\"", "1",
		 true},
		{"\"name\": \"x\\ud800\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"x\\udc00\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"x\\ud800\\u0041\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"a\\u0000b\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"a\xc0\x80\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"a\xed\xa0\x80\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"a\xf4\x90\x80\x80\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"a\x7f\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"a\tb\", \"kind\": \"team\"", "1", false},
		{"\"name\": \"A\",\f\"kind\": \"team\"", "1", false},
		{"\"name\": \"A\",\v\"kind\": \"team\"", "1", false},
		{"\"name\": \"A\",\r\n\t \"kind\": \"team\"", "1", true},
		{"\"name\": \"A\", \"name\": \"B\", \"kind\": \"team\"", "1",
		 false},
		{"\"name\": {\"a\": 1}, \"kind\": \"team\"", "1", false},
		{"\"name\": [\"a\"], \"kind\": \"team\"", "1", false},
		{"\"nme\": \"A\", \"kind\": \"team\"", "1", false},
		{"\"\\u006eame\": \"A\", \"kind\": \"team\"", "1", true},
		{"\"name\": \"A\", \"kind\": \"team\", \"parent\": null", "1",
		 true},
		{"\"name\": \"A\", \"kind\": 7", "1", false},
		{"17", "1", false},
		{"\"name\": \"A\", \"kind\": \"team\"", "99999999999999999999",
		 false},
		{"\"name\": \"A\", \"kind\": \"team\"", "-99999999999999999999",
		 false},
		{"\"name\": \"A\", \"kind\": \"team\"", "1e400", false},
		{"\"name\": \"A\", \"kind\": \"team\"", "1e-400", true},
		{"\"name\": \"A\", \"kind\": \"team\"", "-0", true},
		{"\"name\": \"A\", \"kind\": \"team\"", "1E0", true},
		{"\"name\": \"A\", \"kind\": \"team\"", "-1.0", true},
		{"\"name\": \"A\", \"kind\": \"team\"", "2.5", false},
		{"\"name\": \"A\", \"kind\": \"team\"", "\"2\"", false},
		{"\"name\": \"A\", \"kind\": \"team\"", "true", false},
		{"\"name\": \"A\", \"kind\": \"team\"", "01", false},
		{"\"name\": \"A\", \"kind\": \"team\"", "1.", false},
		{"\"name\": \"A\", \"kind\": \"team\",", "1", false},
		{"\"name\": \"A\" \"kind\": \"team\"", "1", false},
		{"\"name\": \"A\", \"kind\": \"team\"}, {}, {\"x\": 1", "1",
		 false},
	};
	static char doc[8192];
	char what[80];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = make_doc(doc, sizeof(doc), cases[i].unit2,
				      cases[i].score);
		enum tl_status rc;

		snprintf(what, sizeof(what), "case %zu", i);
		rc = both_ways(doc, len, what);
		if ((rc == TL_OK) != cases[i].ok)
			fail_msg("case %zu: status %d \"%s\"", i, rc,
				 last_msg);
	}
	/* Cut short anywhere: the same error each way. */
	{
		size_t len = make_doc(doc, sizeof(doc),
				      "\"name\": \"\\u00e5 \\n\", \"kind\": "
				      "\"team\"", "3");

		for (size_t cut = 0; cut < len; cut += 7) {
			snprintf(what, sizeof(what), "cut at %zu", cut);
			both_ways(doc, cut, what);
		}
	}
}

/*
 * Thousands of records, with escapes, å, ä, ö and the odd record that
 * the fast reader leaves to jansson (a surrogate pair, a "?" in a string
 * with escapes), so that the reader's 64 KiB pieces
 * end inside strings, escapes and numbers and the two readers take
 * turns: the same database either way, and the same as the records.
 */
static void test_fast_reader_long(void **state)
{
	size_t cap = 4 * 1024 * 1024, len = 0;
	char *doc = malloc(cap);

	(void)state;
	assert_non_null(doc);
	len += (size_t)snprintf(doc + len, cap - len, "{\"format\": \"tillit\", "
				"\"version\": 1, \"units\": [");
	for (int i = 0; i < 6000; i++) {
		const char *pair = i % 97 == 0 ? "\\ud83d\\ude00" : "";
		const char *ask = i % 89 == 0 ? " Vad?" : "";
		len += (size_t)snprintf(doc + len, cap - len,
			"%s{\"id\": \"00000000-0000-4000-8000-%012d\", "
			"\"created_at\": \"2026-11-23T10:00:00Z\", "
			"\"updated_at\": \"2026-11-23T10:00:00Z\", "
			"\"name\": \"Enhet %d \\\"%s\\\" i Älvsjö%s%s\", "
			"\"kind\": \"team\"}", i ? ",\n" : "", i, i,
			i % 3 ? "å" : "\\u00e4", pair, ask);
		assert_true(len < cap);
	}
	len += (size_t)snprintf(doc + len, cap - len, "]}\n");
	if (both_ways(doc, len, "6000 units") != TL_OK)
		fail_msg("6000 units: \"%s\"", last_msg);
	free(doc);
}

static void test_missing_file(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_error err;

	(void)state;
	assert_int_equal(tl_json_import(st, "/nonexistent/x.json", NULL,
					&err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "/nonexistent/x.json"));
	assert_int_equal(count_all(st), 0);
	tl_store_close(st);
}

/* Numbers for amounts, null for unset: read, and written back as usual. */
static void test_lenient_values(void **state)
{
	json_error_t jerr;
	json_t *doc = json_loads(demo_text, 0, &jerr);
	json_t *frames, *fr;
	struct tl_store *st = open_empty();
	struct tl_error err;
	char path[PATH_SIZE];
	char *text, *again;
	size_t idx, len;
	int amounts = 0;

	(void)state;
	assert_non_null(doc);
	frames = json_object_get(doc, "frames");
	json_array_foreach(frames, idx, fr) {
		const char *a = json_string_value(json_object_get(fr,
								  "amount"));
		/* Whole amounts as JSON integers and reals, in turn. */
		if (a && !strchr(a, '.')) {
			json_object_set_new(fr, "amount", amounts % 2
					    ? json_real(atof(a))
					    : json_integer(atoll(a)));
			amounts++;
		}
		if (!json_object_get(fr, "valid_until"))
			json_object_set_new(fr, "valid_until", json_null());
	}
	assert_true(amounts > 1);
	text = json_dumps(doc, JSON_INDENT(2));
	tmp_file(path);
	spill(path, text, strlen(text));
	if (tl_json_import(st, path, NULL, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	again = export_text(st, &len);
	assert_int_equal(len, demo_len);
	assert_memory_equal(again, demo_text, len);
	free(again);
	free(text);
	unlink(path);
	json_decref(doc);
	tl_store_close(st);
}

/* More records than a page, many with the same sort key. */
static void test_many_records_paged(void **state)
{
	struct tl_store *st = open_empty(), *copy = open_empty();
	struct tl_json_stats stats;
	struct tl_error err;
	char path[PATH_SIZE], name[32];
	char *text, *again;
	size_t len, len2;

	(void)state;
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	for (int i = 0; i < 1203; i++) {
		struct tl_record *r = tl_record_new(TL_K_UNIT);

		assert_non_null(r);
		snprintf(name, sizeof(name), i % 3 ? "Enhet %04d" : "Samma",
			 i);
		tl_record_set(r, TL_UNIT_NAME, name);
		tl_record_set(r, TL_UNIT_KIND, "team");
		if (tl_store_insert(st, r, &err) != TL_OK)
			fail_msg("insert: %s", err.msg);
		tl_record_free(r);
	}
	assert_int_equal(tl_store_commit(st, &err), TL_OK);
	text = export_text(st, &len);
	tmp_file(path);
	spill(path, text, len);
	if (tl_json_import(copy, path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(stats.added, 1203);
	again = export_text(copy, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(text, again, len);
	unlink(path);
	free(text);
	free(again);
	tl_store_close(st);
	tl_store_close(copy);
}

/* The length of a run of 64 lower-case hex digits at s, or 0. */
static size_t hash_at(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");

	return n == 64 ? n : 0;
}

/* Every id in text replaced by "ID", every SHA-256 (they cover ids) by
 * "HASH" and every SSH signature (over text that holds them) by "SIG",
 * and the lines sorted, without their trailing commas. */
static char *masked_lines(const char *text, size_t *nlines)
{
	static const char sig[] = "\"sshsig\": \"";
	size_t len = strlen(text), n = 0;
	char *out = malloc(len + 1), *p = out;
	char **lines, *joined, *q;

	assert_non_null(out);
	for (size_t i = 0; i < len;) {
		char id[TL_ID_LEN + 1];

		if ((i == 0 || !strchr("0123456789abcdef", text[i - 1])) &&
		    hash_at(text + i)) {
			memcpy(p, "HASH", 4);
			p += 4;
			i += 64;
			continue;
		}
		if (!strncmp(text + i, sig, sizeof(sig) - 1)) {
			memcpy(p, "SIG", 3);
			p += 3;
			i += sizeof(sig) - 1;
			while (i < len && text[i] != '"')
				i += text[i] == '\\' ? 2 : 1;
			continue;
		}

		if (len - i >= TL_ID_LEN) {
			memcpy(id, text + i, TL_ID_LEN);
			id[TL_ID_LEN] = '\0';
			if (tl_id_valid(id)) {
				memcpy(p, "ID", 2);
				p += 2;
				i += TL_ID_LEN;
				continue;
			}
		}
		if (text[i] == '\n')
			n++;
		*p++ = text[i++];
	}
	*p = '\0';
	lines = calloc(n + 1, sizeof(*lines));
	assert_non_null(lines);
	n = 0;
	/* Records in an array whose order follows their ids: the last
	 * one has no comma. */
	for (q = strtok(out, "\n"); q; q = strtok(NULL, "\n")) {
		size_t l = strlen(q);

		if (l && q[l - 1] == ',')
			q[l - 1] = '\0';
		lines[n++] = q;
	}
	qsort(lines, n, sizeof(*lines), cmp_lines);
	joined = malloc(len + n + 1);
	assert_non_null(joined);
	joined[0] = '\0';
	p = joined;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(lines[i]);
		memcpy(p, lines[i], l);
		p[l] = '\n';
		p += l + 1;
	}
	*p = '\0';
	free(lines);
	free(out);
	*nlines = n;
	return joined;
}

/* With the clock fixed, two demos differ only in their random ids. */
static void test_demo_deterministic(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_error err;
	char *text, *a, *b;
	size_t len, na, nb;

	(void)state;
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	text = export_text(st, &len);
	assert_true(len != demo_len || memcmp(text, demo_text, len));
	a = masked_lines(text, &na);
	b = masked_lines(demo_text, &nb);
	assert_int_equal(na, nb);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(text);
	tl_store_close(st);
}

static long count_where(struct tl_store *st, const struct tl_query *q)
{
	struct tl_error err;
	long n = -1;

	if (tl_store_count(st, q, &n, &err) != TL_OK)
		fail_msg("count: %s", err.msg);
	return n;
}

/* What the demo promises: the things each screen has something to show. */
static void test_demo_contents(void **state)
{
	struct tl_store *st = open_empty();
	struct tl_query q = {.kind = TL_K_FRAME, .limit = 100};
	struct tl_page page = {0};
	struct tl_error err;
	int unacked = 0, grey = 0;

	(void)state;
	assert_int_equal(tl_demo_fill(st, &err), TL_OK);
	/* Exactly one frame waits for its holder; one has a version 2. */
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	for (int i = 0; i < page.n; i++)
		if (!tl_record_get(page.recs[i], TL_FRAME_ACKED_AT))
			unacked++;
	tl_page_done(&page);
	assert_int_equal(unacked, 1);
	q = (struct tl_query){.kind = TL_K_FRAME_VERSION};
	assert_int_equal(count_where(st, &q), 1);
	/* Overdue, done and cancelled follow-ups. */
	q = (struct tl_query){.kind = TL_K_FOLLOWUP, .overdue = true};
	assert_true(count_where(st, &q) >= 2);
	q = (struct tl_query){.kind = TL_K_FOLLOWUP, .status = "done"};
	assert_true(count_where(st, &q) >= 2);
	q = (struct tl_query){.kind = TL_K_FOLLOWUP, .status = "cancelled"};
	assert_int_equal(count_where(st, &q), 1);
	/* A grey-zone item in the governance dialogue. */
	memset(&page, 0, sizeof(page));
	q = (struct tl_query){.kind = TL_K_MEETING, .kindv = "dialogue"};
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_int_equal(page.n, 1);
	{
		struct tl_query iq = {.kind = TL_K_ITEM,
				      .parent = page.recs[0]->id};
		struct tl_page items = {0};

		assert_int_equal(tl_store_list(st, &iq, &items, &err), TL_OK);
		for (int i = 0; i < items.n; i++)
			grey += tl_rules_grey_zone(
				"dialogue",
				tl_record_get(items.recs[i], TL_ITEM_QUESTION),
				tl_record_get(items.recs[i],
					      TL_ITEM_DECIDED_BY));
		assert_int_equal(items.n, 2);
		tl_page_done(&items);
	}
	tl_page_done(&page);
	assert_int_equal(grey, 1);
	/* The committee meetings have their § items and chairs. */
	q = (struct tl_query){.kind = TL_K_MEETING, .kindv = "committee"};
	assert_int_equal(count_where(st, &q), 3);
	q = (struct tl_query){.kind = TL_K_PARTICIPANT, .kindv = "adjuster"};
	assert_int_equal(count_where(st, &q), 4);
	/* Justering: two meetings signed with their signers' own keys,
	 * each announced, and every signature made with a key. */
	q = (struct tl_query){.kind = TL_K_MEETING, .status = "signed"};
	assert_int_equal(count_where(st, &q), 2);
	q = (struct tl_query){.kind = TL_K_SEAL};
	assert_int_equal(count_where(st, &q), 2);
	q = (struct tl_query){.kind = TL_K_SIGNATURE};
	assert_int_equal(count_where(st, &q), 4);
	/* ... and the notice of § 2 of BUN's meeting, justered at once. */
	q = (struct tl_query){.kind = TL_K_NOTICE};
	assert_int_equal(count_where(st, &q), 3);
	q = (struct tl_query){.kind = TL_K_MEETING, .kindv = "one_to_one"};
	assert_int_equal(count_where(st, &q), 3);
	/* A second demo on top is refused, and adds nothing. */
	assert_int_equal(tl_demo_fill(st, &err), TL_EREFUSED);
	assert_int_equal(count_all(st), demo_count);
	tl_store_close(st);
}

/* tl_json_record: the export's keys and types, and values the store
 * should never hold shown rather than refused. */
static void test_record_json(void **state)
{
	struct tl_record *r = tl_record_new(TL_K_MANDATE);
	char *text;
	json_t *obj;

	(void)state;
	assert_non_null(r);
	snprintf(r->id, sizeof(r->id), "m1");
	snprintf(r->created_at, sizeof(r->created_at), "2026-01-01T00:00:00Z");
	snprintf(r->updated_at, sizeof(r->updated_at), "2026-01-02T00:00:00Z");
	assert_true(tl_record_set(r, TL_MANDATE_MATTER, "Vikarier"));
	assert_true(tl_record_set(r, TL_MANDATE_LEVEL, "3"));
	assert_true(tl_record_set(r, TL_MANDATE_ONWARD, "1"));
	assert_true(tl_record_set(r, TL_MANDATE_NON_DELEGABLE, "0"));
	obj = tl_json_record(r);
	assert_non_null(obj);
	text = json_dumps(obj, JSON_PRESERVE_ORDER);
	assert_string_equal(text, "{\"id\": \"m1\", \"created_at\": "
			    "\"2026-01-01T00:00:00Z\", \"updated_at\": "
			    "\"2026-01-02T00:00:00Z\", \"matter\": \"Vikarier\", "
			    "\"level\": 3, \"onward\": true, "
			    "\"non_delegable\": false}");
	free(text);
	json_decref(obj);

	assert_true(tl_record_set(r, TL_MANDATE_LEVEL, "three"));
	assert_true(tl_record_set(r, TL_MANDATE_ONWARD, "yes"));
	obj = tl_json_record(r);
	assert_non_null(obj);
	assert_string_equal(json_string_value(json_object_get(obj, "level")),
			    "three");
	assert_true(json_is_false(json_object_get(obj, "onward")));
	json_decref(obj);
	tl_record_free(r);
}

static enum tl_status write_hello(FILE *out, void *ctx, struct tl_error *err)
{
	(void)err;
	fputs((const char *)ctx, out);
	return TL_OK;
}

static enum tl_status write_refused(FILE *out, void *ctx,
				    struct tl_error *err)
{
	(void)ctx;
	fputs("half", out);
	return tl_error_set(err, TL_EREFUSED, "no");
}

/* tl_write_atomic: the content replaces the file whole, 0600 when new
 * whatever the umask and with its old mode when replaced, and a failure
 * leaves the old file and no temporary one. */
static void test_write_atomic(void **state)
{
	char path[PATH_SIZE], dir[PATH_SIZE], *text, *slash;
	char missing[PATH_SIZE + 16];
	struct tl_error err;
	struct stat sb;
	mode_t old = umask(027);
	size_t len;
	long files = 0;
	DIR *d;

	(void)state;
	tmp_file(path);
	assert_int_equal(tl_write_atomic(path, write_hello, "hello\n", &err),
			 TL_OK);
	text = slurp(path, &len);
	assert_string_equal(text, "hello\n");
	free(text);
	/* The file it replaced (mkstemp's, 0600) keeps its mode. */
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* One of 0644 too: never narrowed behind the user's back, nor
	 * widened. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(tl_write_atomic(path, write_hello, "hello\n", &err),
			 TL_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0644);
	/* A new file is 0600, whatever the umask. */
	assert_int_equal(unlink(path), 0);
	umask(0);
	assert_int_equal(tl_write_atomic(path, write_hello, "hello\n", &err),
			 TL_OK);
	umask(027);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	assert_int_equal(tl_write_atomic(path, write_refused, NULL, &err),
			 TL_EREFUSED);
	assert_string_equal(err.msg, "no");
	text = slurp(path, &len);
	assert_string_equal(text, "hello\n");
	free(text);
	/* No temporary file is left beside it. */
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	assert_non_null(slash);
	*slash = '\0';
	d = opendir(dir);
	assert_non_null(d);
	for (struct dirent *de; (de = readdir(d));)
		if (!strncmp(de->d_name, slash + 1, strlen(slash + 1)))
			files++;
	closedir(d);
	assert_int_equal(files, 1);

	snprintf(missing, sizeof(missing), "%s.missing/x", path);
	assert_int_equal(tl_write_atomic(missing, write_hello, "x", &err),
			 TL_ESYS);
	assert_non_null(strstr(err.msg, "Cannot write"));
	unlink(path);
	umask(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_present),
		cmocka_unit_test(test_export_layout),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_import_twice_changes_nothing),
		cmocka_unit_test(test_import_into_initialised),
		cmocka_unit_test(test_malformed_line_3),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_refusals_of_the_rules),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_dangling_reference),
		cmocka_unit_test(test_fast_reader_as_jansson),
		cmocka_unit_test(test_fast_reader_long),
		cmocka_unit_test(test_reordered_pretty),
		cmocka_unit_test(test_large_file_all_or_nothing),
		cmocka_unit_test(test_import_into_partly_filled),
		cmocka_unit_test(test_shared_id_merged_and_bulk),
		cmocka_unit_test(test_lenient_values),
		cmocka_unit_test(test_many_records_paged),
		cmocka_unit_test(test_demo_deterministic),
		cmocka_unit_test(test_demo_contents),
		cmocka_unit_test(test_record_json),
		cmocka_unit_test(test_write_atomic),
	};

	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	return cmocka_run_group_tests(tests, setup, teardown);
}
