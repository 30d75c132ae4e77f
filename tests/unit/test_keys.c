/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_keys.c - the public keys people register (store.h): registering
 * retires the current key and keeps it, which key was current when,
 * the refusals, the audit rows, the SQLite triggers that keep the table
 * append-only for any program, and a database from before keys taking
 * its first key after the upgrade.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tillit/core/model.h"
#include "tillit/service/demo.h"
#include "tillit/service/sshsig.h"
#include "tillit/store/store.h"
/* The SQLite engine's schema version, to make an older database. */
#include "../../src/store/sqlite/sqlite.h"
#include "downgrade.h"

#define PATH_SIZE 512

static char tmpdir[256];

static int setup_env(void **state)
{
	const char *dir = getenv("TMPDIR");

	(void)state;
	setenv("TZ", "Europe/Stockholm", 1);
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	snprintf(tmpdir, sizeof(tmpdir), "%s/tillit-test-keys-XXXXXX",
		 dir && *dir ? dir : "/tmp");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static int teardown_env(void **state)
{
	char cmd[PATH_SIZE + 16];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A demo database in the file name of tmpdir (path: its path). */
static struct tl_store *demo(const char *name, char *path)
{
	struct tl_store *st = NULL;
	struct tl_error err;

	snprintf(path, PATH_SIZE, "%s/%s", tmpdir, name);
	if (tl_store_open(path, TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	return st;
}

static const char *person(struct tl_store *st, const char *name)
{
	static char ids[8][TL_ID_LEN + 1];
	static int next;
	struct tl_error err;
	char *id = ids[next++ % 8];

	if (tl_store_resolve(st, TL_K_PERSON, name, id, &err) != TL_OK)
		fail_msg("resolve %s: %s", name, err.msg);
	return id;
}

/* The text and fingerprint of the key of seed byte b. */
struct key {
	char text[TL_PUBKEY_TEXT_SIZE];
	char fpr[TL_PUBKEY_FPR_SIZE];
};

static struct key key_of(unsigned char b)
{
	unsigned char seed[32];
	struct tl_pubkey pk;
	struct key k;

	memset(seed, b, sizeof(seed));
	tl_pubkey_from_seed(seed, &pk);
	tl_pubkey_text(&pk, k.text);
	tl_pubkey_fingerprint(&pk, k.fpr);
	return k;
}

static const char *raw_sql(const char *path, const char *sql)
{
	static char msg[256];
	sqlite3 *db;
	char *e = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	msg[0] = '\0';
	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
		snprintf(msg, sizeof(msg), "%s", e ? e : "?");
	sqlite3_free(e);
	sqlite3_close(db);
	return msg;
}

static void test_register_and_retire(void **state)
{
	char path[PATH_SIZE];
	struct tl_store *st = demo("keys.db", path);
	const char *lena = person(st, "Lena Åström");
	const char *anders = person(st, "Anders Holmgren");
	struct key k1 = key_of(1), k2 = key_of(2);
	struct tl_person_key out, *keys = NULL;
	struct tl_audit *rows = NULL;
	struct tl_error err;
	int n = 0;

	(void)state;
	assert_int_equal(tl_store_keys(st, lena, &keys, &n, &err), TL_OK);
	assert_int_equal(n, 0);
	free(keys);
	assert_int_equal(tl_store_key_at(st, lena, NULL, &out, &err),
			 TL_ENOTFOUND);
	assert_string_equal(err.msg, "The person has no registered key.");

	assert_int_equal(tl_store_key_add(st, lena, k1.text, k1.fpr, &out,
					  &err), TL_OK);
	assert_string_equal(out.person, lena);
	assert_string_equal(out.pubkey, k1.text);
	assert_string_equal(out.fingerprint, k1.fpr);
	assert_string_equal(out.added_at, "2026-11-23T09:00:00Z");
	assert_string_equal(out.retired_at, "");
	assert_int_equal(strlen(out.id), TL_ID_LEN);

	/* The same key again, or for someone else. */
	assert_int_equal(tl_store_key_add(st, lena, k1.text, k1.fpr, NULL,
					  &err), TL_EREFUSED);
	assert_string_equal(err.msg, "That key is the current key of Lena "
			    "Åström already.");
	assert_int_equal(tl_store_key_add(st, anders, k1.text, k1.fpr, NULL,
					  &err), TL_EREFUSED);
	assert_string_equal(err.msg, "That key is registered for Lena "
			    "Åström; a key belongs to one person.");

	/* A new key a week later: the first is retired, and kept. */
	setenv("TILLIT_NOW", "2026-11-30 10:00", 1);
	assert_int_equal(tl_store_key_add(st, lena, k2.text, k2.fpr, &out,
					  &err), TL_OK);
	assert_int_equal(tl_store_keys(st, lena, &keys, &n, &err), TL_OK);
	assert_int_equal(n, 2);
	assert_string_equal(keys[0].fingerprint, k1.fpr);
	assert_string_equal(keys[0].retired_at, "2026-11-30T09:00:00Z");
	assert_string_equal(keys[1].fingerprint, k2.fpr);
	assert_string_equal(keys[1].added_at, "2026-11-30T09:00:00Z");
	assert_string_equal(keys[1].retired_at, "");
	free(keys);
	/* Nor may the old key go to someone else. */
	assert_int_equal(tl_store_key_add(st, anders, k1.text, k1.fpr, NULL,
					  &err), TL_EREFUSED);

	/* Which was current when. */
	assert_int_equal(tl_store_key_at(st, lena, NULL, &out, &err), TL_OK);
	assert_string_equal(out.fingerprint, k2.fpr);
	assert_int_equal(tl_store_key_at(st, lena, "2026-11-25T12:00:00Z",
					 &out, &err), TL_OK);
	assert_string_equal(out.fingerprint, k1.fpr);
	assert_int_equal(tl_store_key_at(st, lena, "2026-11-23T09:00:00Z",
					 &out, &err), TL_OK);
	assert_string_equal(out.fingerprint, k1.fpr);
	assert_int_equal(tl_store_key_at(st, lena, "2026-11-30T09:00:00Z",
					 &out, &err), TL_OK);
	assert_string_equal(out.fingerprint, k2.fpr);
	assert_int_equal(tl_store_key_at(st, lena, "2026-11-01T00:00:00Z",
					 &out, &err), TL_ENOTFOUND);
	assert_string_equal(err.msg, "The person had no registered key at "
			    "2026-11-01T00:00:00Z.");

	/* Each change has its audit row on the person. */
	assert_int_equal(tl_store_audit(st, lena, 0, 10, &rows, &n, &err),
			 TL_OK);
	assert_true(n >= 2);
	assert_string_equal(rows[0].field, "key");
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].old_value, k1.fpr);
	assert_string_equal(rows[0].new_value, k2.fpr);
	assert_string_equal(rows[1].field, "key");
	assert_null(rows[1].old_value);
	assert_string_equal(rows[1].new_value, k1.fpr);
	tl_audit_free(rows, n);

	/* A clock set back before the current key. */
	setenv("TILLIT_NOW", "2026-11-24 10:00", 1);
	assert_int_equal(tl_store_key_add(st, lena, key_of(3).text,
					  key_of(3).fpr, NULL, &err),
			 TL_EREFUSED);
	assert_int_equal(strncmp(err.msg, "The current key was registered "
				 "at 2026-11-30T09:00:00Z", 53), 0);
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);

	/* Unknown person, and text that is no key line. */
	assert_int_equal(tl_store_key_add(st, "00000000-0000-0000-0000-"
					  "000000000000", k1.text, k1.fpr,
					  NULL, &err), TL_EINVAL);
	assert_int_equal(tl_store_key_add(st, anders, "", k1.fpr, NULL, &err),
			 TL_EINVAL);
	assert_int_equal(tl_store_key_add(st, anders, "a\nb", k1.fpr, NULL,
					  &err), TL_EINVAL);
	assert_int_equal(tl_store_key_add(st, anders, k1.text, NULL, NULL,
					  &err), TL_EINVAL);
	assert_int_equal(tl_store_keys(st, anders, &keys, &n, &err), TL_OK);
	assert_int_equal(n, 0);
	free(keys);
	tl_store_close(st);
}

/* The table is append-only, but for retiring a key once, whoever
 * writes. */
static void test_key_triggers(void **state)
{
	char path[PATH_SIZE], sql[512];
	struct tl_store *st = demo("triggers.db", path);
	const char *lena = person(st, "Lena Åström");
	struct key k1 = key_of(1), k2 = key_of(2);
	struct tl_person_key first, second;
	struct tl_error err;
	static const char refused[] = "a registered key is kept as it is; it "
				      "can only be retired, once";

	(void)state;
	assert_int_equal(tl_store_key_add(st, lena, k1.text, k1.fpr, &first,
					  &err), TL_OK);
	assert_int_equal(tl_store_key_add(st, lena, k2.text, k2.fpr, &second,
					  &err), TL_OK);
	tl_store_close(st);

	assert_string_equal(raw_sql(path, "DELETE FROM person_keys"),
			    refused);
	snprintf(sql, sizeof(sql), "UPDATE person_keys SET pubkey = '%s' "
		 "WHERE id = '%s'", k1.text, second.id);
	assert_string_equal(raw_sql(path, sql), refused);
	snprintf(sql, sizeof(sql), "UPDATE person_keys SET fingerprint = 'x', "
		 "retired_at = '2030-01-01T00:00:00Z' WHERE id = '%s'",
		 second.id);
	assert_string_equal(raw_sql(path, sql), refused);
	/* A retired key stays retired, when it was. */
	snprintf(sql, sizeof(sql), "UPDATE person_keys SET retired_at = NULL "
		 "WHERE id = '%s'", first.id);
	assert_string_equal(raw_sql(path, sql), refused);
	snprintf(sql, sizeof(sql), "UPDATE person_keys SET retired_at = "
		 "'2030-01-01T00:00:00Z' WHERE id = '%s'", first.id);
	assert_string_equal(raw_sql(path, sql), refused);
	/* Two current keys for one person. */
	snprintf(sql, sizeof(sql), "INSERT INTO person_keys (id, person, "
		 "pubkey, fingerprint, added_at) VALUES ('k3', '%s', 'x', "
		 "'y', '2026-12-01T00:00:00Z')", lena);
	assert_non_null(strstr(raw_sql(path, sql), "UNIQUE constraint "
					"failed"));
	/* A key for nobody (with foreign keys on, as tillit has them). */
	assert_non_null(strstr(raw_sql(path, "PRAGMA foreign_keys = ON; "
		"INSERT INTO person_keys (id, "
		"person, pubkey, fingerprint, added_at) VALUES ('k4', 'nobody', "
		"'x', 'y', '2026-12-01T00:00:00Z')"), "FOREIGN KEY"));
	/* Retiring the current key once is what registering does. */
	snprintf(sql, sizeof(sql), "UPDATE person_keys SET retired_at = "
		 "'2030-01-01T00:00:00Z' WHERE id = '%s'", second.id);
	assert_string_equal(raw_sql(path, sql), "");
}

/* A database from before keys gets the table on opening (the keys
 * migration is taken to be the newest). */
static void test_upgrade(void **state)
{
	char path[PATH_SIZE];
	struct tl_store *st = demo("old.db", path);
	struct tl_person_key out;
	struct tl_error err;
	struct key k1 = key_of(1);

	(void)state;
	tl_store_close(st);
	/* Schema 6, from before keys. */
	tl_test_downgrade(path, 6);
	assert_string_equal(raw_sql(path, "SELECT * FROM person_keys"),
			    "no such table: person_keys");
	assert_int_equal(tl_store_open(path, 0, &st, &err), TL_OK);
	assert_int_equal(tl_store_key_add(st, person(st, "Lena Åström"),
					  k1.text, k1.fpr, &out, &err), TL_OK);
	tl_store_close(st);
	assert_string_equal(raw_sql(path, "DELETE FROM person_keys"),
			    "a registered key is kept as it is; it can only "
			    "be retired, once");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_and_retire),
		cmocka_unit_test(test_key_triggers),
		cmocka_unit_test(test_upgrade),
	};

	return cmocka_run_group_tests(tests, setup_env, teardown_env);
}
