/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_sign.c - signing (justering) on the demo municipality: who signs,
 * what is refused, the seal and its digest, the lock in the store and in
 * the triggers (through raw SQL on the file), verify after tampering, the
 * JSON round trip of signed meetings, and migrating a version 1 database.
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

#include "tillit/service/demo.h"
#include "tillit/import/import.h"
#include "tillit/export/json.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/service/sign.h"
#include "tillit/store/audit.h"
#include "tillit/store/store.h"
/* The SQLite engine's migrations, to make a database of schema 1. */
#include "../../src/store/sqlite/sqlite.h"
#include "downgrade.h"
#include "engine.h"

#define PATH_SIZE 512

static const char committee[] = "Barn- och utbildningsnämndens sammanträde";
static const char locked_msg[] = "The meeting is signed and locked; record "
				 "a correction in a later meeting.";

static char tmpdir[256];

static int setup_env(void **state)
{
	const char *dir = getenv("TMPDIR");

	(void)state;
	setenv("TZ", "Europe/Stockholm", 1);
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	snprintf(tmpdir, sizeof(tmpdir), "%s/tillit-test-sign-XXXXXX",
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

/* A demo database at path (":memory:" or a file name in tmpdir). */
static struct tl_store *demo(const char *name, char *path)
{
	struct tl_store *st = NULL;
	struct tl_error err;
	char buf[PATH_SIZE];

	if (!path)
		path = buf;
	if (strcmp(name, ":memory:"))
		snprintf(path, PATH_SIZE, "%s/%s", tmpdir, name);
	else
		snprintf(path, PATH_SIZE, "%s", test_db());
	if (tl_store_open(path, TL_OPEN_CREATE, &st, &err) != TL_OK)
		fail_msg("open: %s", err.msg);
	if (tl_demo_fill(st, &err) != TL_OK)
		fail_msg("demo: %s", err.msg);
	return st;
}

/* The id of the record of kind whose name is `name`, in a static buffer. */
static const char *id_of(struct tl_store *st, enum tl_kind kind,
			 const char *name)
{
	static char ids[64][TL_ID_LEN + 1];
	static int next;
	struct tl_error err;
	char *id = ids[next++ % 64];

	if (tl_store_resolve(st, kind, name, id, &err) != TL_OK)
		fail_msg("resolve %s: %s", name, err.msg);
	return id;
}

/* A signature on paper, recorded by the committee's secretary. */
static const struct tl_sign_how *paper(struct tl_store *st)
{
	static struct tl_sign_how how;

	how.recorded_by = id_of(st, TL_K_PERSON, "Sofia Bäckström");
	return &how;
}

static const char *meeting_status(struct tl_store *st, const char *id)
{
	static char status[16];
	struct tl_record *m = NULL;
	struct tl_error err;

	assert_int_equal(tl_store_get(st, TL_K_MEETING, id, &m, &err), TL_OK);
	snprintf(status, sizeof(status), "%s",
		 tl_record_str(m, TL_MEETING_STATUS));
	tl_record_free(m);
	return status;
}

/* Signs the demo committee meeting by its chair and both adjusters. */
static void sign_committee(struct tl_store *st)
{
	static const char *const who[] = {"Lena Åström", "Anders Holmgren",
					  "Per-Olof Nyström"};
	const char *m = id_of(st, TL_K_MEETING, committee);
	struct tl_error err;

	for (int i = 0; i < 3; i++) {
		bool complete = true;

		if (tl_sign_meeting(st, m, id_of(st, TL_K_PERSON, who[i]), paper(st),
				    &complete, &err) != TL_OK)
			fail_msg("sign by %s: %s", who[i], err.msg);
		assert_int_equal(complete, i == 2);
	}
}

/* The first record of kind that belongs to meeting (parent field). */
static struct tl_record *first_of(struct tl_store *st, enum tl_kind kind,
				  const char *meeting)
{
	struct tl_query q = {.kind = kind, .parent = meeting, .limit = 1};
	struct tl_page page = {0};
	struct tl_error err;
	struct tl_record *r;

	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_true(page.n == 1);
	r = tl_record_dup(page.recs[0]);
	tl_page_done(&page);
	return r;
}

static void test_sha256(void **state)
{
	char hex[65];

	(void)state;
	tl_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	tl_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
				 "27ae41e4649b934ca495991b7852b855");
}

/* A committee meeting: the chair first, then the adjusters present. */
static void test_who_signs(void **state)
{
	struct tl_store *st = demo(":memory:", NULL);
	const char *m = id_of(st, TL_K_MEETING, committee);
	struct tl_signer *s = NULL;
	struct tl_error err;
	int n = 0;

	(void)state;
	assert_int_equal(tl_sign_signers(st, m, &s, &n, &err), TL_OK);
	assert_int_equal(n, 3);
	assert_string_equal(s[0].person,
			    id_of(st, TL_K_PERSON, "Anders Holmgren"));
	assert_string_equal(s[0].role, "chair");
	assert_string_equal(s[1].role, "adjuster");
	assert_string_equal(s[2].role, "adjuster");
	for (int i = 0; i < n; i++)
		assert_false(s[i].has_signed);
	free(s);

	/* One-to-one: the manager and the employee. */
	m = id_of(st, TL_K_MEETING, "Medarbetarsamtal, november");
	assert_int_equal(tl_sign_signers(st, m, &s, &n, &err), TL_OK);
	assert_int_equal(n, 2);
	assert_string_equal(s[0].role, "manager");
	assert_string_equal(s[1].role, "employee");
	free(s);
	tl_store_close(st);
}

static void test_refusals(void **state)
{
	struct tl_store *st = demo(":memory:", NULL);
	const char *m = id_of(st, TL_K_MEETING, committee);
	const char *lena = id_of(st, TL_K_PERSON, "Lena Åström");
	struct tl_record *r;
	struct tl_error err;
	bool complete = true;
	long n = 0;

	(void)state;
	/* Not held yet. */
	assert_int_equal(tl_sign_meeting(st, id_of(st, TL_K_MEETING,
				"Medarbetarsamtal, december"),
				id_of(st, TL_K_PERSON, "Björn Åkesson"), paper(st),
				&complete, &err), TL_EREFUSED);
	assert_non_null(strstr(err.msg, "not held"));
	assert_false(complete);
	/* The secretary does not sign. */
	assert_int_equal(tl_sign_meeting(st, m, id_of(st, TL_K_PERSON,
				"Sofia Bäckström"), paper(st), NULL, &err),
			 TL_EREFUSED);
	assert_non_null(strstr(err.msg, "does not sign"));
	/* Nor does the absent member. */
	assert_int_equal(tl_sign_meeting(st, m, id_of(st, TL_K_PERSON,
				"Fatima Hassan"), paper(st), NULL, &err), TL_EREFUSED);
	/* Twice is refused, and leaves one signature. */
	assert_int_equal(tl_sign_meeting(st, m, lena, paper(st), &complete, &err), TL_OK);
	assert_false(complete);
	assert_int_equal(tl_sign_meeting(st, m, lena, paper(st), NULL, &err),
			 TL_EREFUSED);
	assert_non_null(strstr(err.msg, "already"));
	struct tl_query q = {.kind = TL_K_SIGNATURE, .parent = m};
	assert_int_equal(tl_store_count(st, &q, &n, &err), TL_OK);
	assert_int_equal(n, 1);
	assert_string_equal(meeting_status(st, m), "held");
	/* Signatures and seals are not added by hand. */
	r = tl_record_new(TL_K_SIGNATURE);
	tl_record_set(r, TL_SIGNATURE_MEETING, m);
	tl_record_set(r, TL_SIGNATURE_PERSON, lena);
	tl_record_set(r, TL_SIGNATURE_ROLE, "adjuster");
	tl_record_set(r, TL_SIGNATURE_SIGNED_AT, "2026-11-23 10:00");
	assert_int_equal(tl_store_insert(st, r, &err), TL_EREFUSED);
	tl_record_free(r);
	/* Nor is a meeting signed by editing its status. */
	assert_int_equal(tl_store_get(st, TL_K_MEETING, m, &r, &err), TL_OK);
	tl_record_set(r, TL_MEETING_STATUS, "signed");
	assert_int_equal(tl_store_update(st, r, &err), TL_EREFUSED);
	tl_record_free(r);
	tl_store_close(st);
}

struct mismatches {
	int n;
	char id[TL_ID_LEN + 1];
	char first[512];
};

static void on_mismatch(void *ctx, const char *meeting_id,
			const char *finding)
{
	struct mismatches *mm = ctx;

	assert_non_null(finding);
	if (!mm)
		fail_msg("unexpected finding: %s", finding);
	if (!mm->n)
		snprintf(mm->first, sizeof(mm->first), "%s", finding);
	snprintf(mm->id, sizeof(mm->id), "%s", meeting_id);
	mm->n++;
}

/* The last signature seals: status, digest, and the store's lock. */
static void test_sign_seals_and_locks(void **state)
{
	struct tl_store *st = demo(":memory:", NULL);
	const char *m = id_of(st, TL_K_MEETING, committee);
	char digest[65], sealed_at[17];
	struct tl_record *r, *fu;
	struct tl_error err;
	struct tl_verify_count vc;

	(void)state;
	sign_committee(st);
	assert_string_equal(meeting_status(st, m), "signed");
	assert_int_equal(tl_store_seal_get(st, m, digest, sealed_at, &err),
			 TL_OK);
	assert_int_equal(strlen(digest), 64);
	assert_string_equal(sealed_at, "2026-11-23 10:00");
	assert_int_equal(tl_verify(st, NULL, on_mismatch, NULL, &vc, &err),
			 TL_OK);
	assert_int_equal(vc.meetings, 3);
	assert_int_equal(vc.paper, 3);
	/* The demo's two meetings of Socialnämnden, each by two keys. */
	assert_int_equal(vc.keys, 4);
	assert_int_equal(vc.findings, 0);

	/* Items, attendance, mandates, frames: refused, with the sentence. */
	static const enum tl_kind kinds[] = {TL_K_ITEM, TL_K_PARTICIPANT,
					     TL_K_MANDATE, TL_K_FRAME};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		r = first_of(st, kinds[k], m);
		/* The first text field of each kind after the meeting. */
		int f = kinds[k] == TL_K_ITEM ? TL_ITEM_DECISION
			: kinds[k] == TL_K_PARTICIPANT ? TL_PART_ATTENDANCE
			: kinds[k] == TL_K_MANDATE ? TL_MANDATE_LIMITS
			: TL_FRAME_ESCALATION;
		tl_record_set(r, f, kinds[k] == TL_K_PARTICIPANT ? "absent"
								 : "ändrat");
		assert_int_equal(tl_store_update(st, r, &err), TL_EREFUSED);
		assert_string_equal(err.msg, locked_msg);
		if (kinds[k] != TL_K_MANDATE && kinds[k] != TL_K_FRAME) {
			assert_int_equal(tl_store_delete(st, kinds[k], r->id,
							 &err), TL_EREFUSED);
			assert_string_equal(err.msg, locked_msg);
		}
		tl_record_free(r);
	}
	/* Nothing new in it. */
	r = tl_record_new(TL_K_ITEM);
	tl_record_set(r, TL_ITEM_MEETING, m);
	tl_record_set(r, TL_ITEM_TITLE, "Övrigt");
	assert_int_equal(tl_store_insert(st, r, &err), TL_EREFUSED);
	assert_string_equal(err.msg, locked_msg);
	tl_record_free(r);
	/* The meeting itself. */
	assert_int_equal(tl_store_get(st, TL_K_MEETING, m, &r, &err), TL_OK);
	tl_record_set(r, TL_MEETING_LOCATION, "Någon annanstans");
	assert_int_equal(tl_store_update(st, r, &err), TL_EREFUSED);
	assert_string_equal(err.msg, locked_msg);
	tl_record_free(r);

	/* A follow-up's status is later work; its text is not. */
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .parent = m,
			     .status = "open", .limit = 1};
	struct tl_page page = {0};
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_int_equal(page.n, 1);
	fu = tl_record_dup(page.recs[0]);
	tl_page_done(&page);
	tl_record_set(fu, TL_FOLLOWUP_TEXT, "annan text");
	assert_int_equal(tl_store_update(st, fu, &err), TL_EREFUSED);
	assert_string_equal(err.msg, locked_msg);
	assert_int_equal(tl_store_followup_done(st, fu->id, "Klart i tid",
						&err), TL_OK);
	tl_record_free(fu);

	/* A decision under the meeting's mandate is later work too. */
	r = first_of(st, TL_K_MANDATE, m);
	struct tl_record *d = tl_record_new(TL_K_DECISION);
	tl_record_set(d, TL_DECISION_MANDATE, r->id);
	tl_record_set(d, TL_DECISION_DECIDED_ON, "2026-11-23");
	tl_record_set(d, TL_DECISION_SUMMARY, "Placering beviljad");
	assert_int_equal(tl_store_insert(st, d, &err), TL_OK);
	tl_record_free(d);
	tl_record_free(r);

	/* None of that later work touches the digest. */
	assert_int_equal(tl_verify(st, m, on_mismatch, NULL, &vc, &err),
			 TL_OK);
	assert_int_equal(vc.meetings, 1);
	assert_int_equal(vc.findings, 0);
	/* Signing again is refused. */
	assert_int_equal(tl_sign_meeting(st, m, id_of(st, TL_K_PERSON,
				"Lena Åström"), paper(st), NULL, &err), TL_EREFUSED);
	/* A meeting that is not signed has nothing to verify. */
	assert_int_equal(tl_verify(st, id_of(st, TL_K_MEETING,
				"Dialogmöte om hemtjänsten"), NULL, NULL,
				NULL, &err), TL_EREFUSED);
	tl_store_close(st);
}

static void test_one_to_one_by_both(void **state)
{
	struct tl_store *st = demo(":memory:", NULL);
	const char *m = id_of(st, TL_K_MEETING, "Medarbetarsamtal, november");
	struct tl_error err;
	bool complete = true;

	(void)state;
	assert_int_equal(tl_sign_meeting(st, m, id_of(st, TL_K_PERSON,
				"Björn Åkesson"), paper(st), &complete, &err), TL_OK);
	assert_false(complete);
	assert_string_equal(meeting_status(st, m), "held");
	assert_int_equal(tl_sign_meeting(st, m, id_of(st, TL_K_PERSON,
				"Åsa Öberg"), paper(st), &complete, &err), TL_OK);
	assert_true(complete);
	assert_string_equal(meeting_status(st, m), "signed");
	tl_store_close(st);
}

/* Runs SQL on the file; the SQLite error message, or "" when it worked. */
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

/* The triggers refuse what the store would, for any program. */
static void test_triggers_and_tampering(void **state)
{
	char path[PATH_SIZE], sql[512];
	struct tl_store *st = demo("tamper.db", path);
	const char *m = id_of(st, TL_K_MEETING, committee);
	struct mismatches mm = {0};
	struct tl_record *item, *fu;
	struct tl_error err;
	struct tl_verify_count vc;

	(void)state;
	sign_committee(st);
	item = first_of(st, TL_K_ITEM, m);
	fu = first_of(st, TL_K_FOLLOWUP, m);
	tl_store_close(st);

	snprintf(sql, sizeof(sql), "UPDATE items SET decision = 'x' WHERE "
		 "id = '%s'", item->id);
	assert_string_equal(raw_sql(path, sql),
			    "the meeting is signed and locked");
	snprintf(sql, sizeof(sql), "UPDATE meetings SET title = 'x' WHERE "
		 "id = '%s'", m);
	assert_string_equal(raw_sql(path, sql),
			    "the meeting is signed and locked");
	/* A guest: who could decide and sign its § 2, justered at the
	 * meeting, is held by that § too, with its own sentence. */
	snprintf(sql, sizeof(sql), "DELETE FROM participants WHERE "
		 "meeting = '%s' AND role = 'guest'", m);
	assert_string_equal(raw_sql(path, sql),
			    "the meeting is signed and locked");
	snprintf(sql, sizeof(sql), "UPDATE followups SET "
		 "text = 'x' WHERE id = '%s'", fu->id);
	assert_string_equal(raw_sql(path, sql),
			    "the meeting is signed and locked");
	snprintf(sql, sizeof(sql), "UPDATE followups SET outcome = 'x' WHERE "
		 "id = '%s'", fu->id);
	assert_string_equal(raw_sql(path, sql), "");
	assert_string_equal(raw_sql(path, "UPDATE seals SET digest = 'x'"),
			    "a seal cannot change");
	assert_string_equal(raw_sql(path, "DELETE FROM signatures"),
			    "the meeting is signed and locked");

	/* With the trigger gone, verify still sees the change. */
	snprintf(sql, sizeof(sql), "DROP TRIGGER items_locked_update; "
		 "UPDATE items SET decision = 'ändrat i efterhand' WHERE "
		 "id = '%s'", item->id);
	assert_string_equal(raw_sql(path, sql), "");
	assert_int_equal(tl_store_open(path, 0, &st, &err), TL_OK);
	assert_int_equal(tl_verify(st, NULL, on_mismatch, &mm, &vc, &err),
			 TL_OK);
	assert_int_equal(vc.meetings, 3);
	assert_true(vc.findings >= 1);
	assert_int_equal(mm.n, vc.findings);
	assert_string_equal(mm.id, m);
	assert_non_null(strstr(mm.first, "changed since signing"));
	tl_store_close(st);
	tl_record_free(item);
	tl_record_free(fu);
}

/* Exports st to a file in tmpdir and returns its text (caller frees). */
static char *export_to(struct tl_store *st, const char *name, char *path)
{
	struct tl_error err;
	FILE *fp;
	char *text;
	long n;

	snprintf(path, PATH_SIZE, "%s/%s", tmpdir, name);
	fp = fopen(path, "w+b");
	assert_non_null(fp);
	if (tl_json_export(st, fp, &err) != TL_OK)
		fail_msg("export: %s", err.msg);
	n = ftell(fp);
	rewind(fp);
	text = calloc(1, (size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return text;
}

/* Signed meetings come in through an import into an empty database,
 * although their items and the rest follow them in the file. */
static void test_import_signed_meeting(void **state)
{
	struct tl_store *st = demo(":memory:", NULL), *st2 = NULL;
	char path[PATH_SIZE], path2[PATH_SIZE];
	struct tl_json_stats stats;
	struct tl_error err;
	char *first, *second;
	struct tl_verify_count vc;

	(void)state;
	sign_committee(st);
	first = export_to(st, "signed.json", path);
	assert_non_null(strstr(first, "\"signed\""));
	tl_store_close(st);

	assert_int_equal(tl_store_open(test_db(), TL_OPEN_CREATE, &st2, &err),
			 TL_OK);
	if (tl_json_import(st2, path, &stats, &err) != TL_OK)
		fail_msg("import: %s", err.msg);
	assert_string_equal(meeting_status(st2, id_of(st2, TL_K_MEETING,
							committee)),
			    "signed");
	second = export_to(st2, "again.json", path2);
	assert_string_equal(first, second);
	assert_int_equal(tl_verify(st2, NULL, on_mismatch, NULL, &vc, &err),
			 TL_OK);
	assert_int_equal(vc.meetings, 3);
	assert_int_equal(vc.findings, 0);
	/* Twice changes nothing, and the lock holds after the import. */
	assert_int_equal(tl_json_import(st2, path, &stats, &err), TL_OK);
	assert_int_equal(stats.added, 0);
	assert_int_equal(stats.changed, 0);
	struct tl_record *item = first_of(st2, TL_K_ITEM,
					  id_of(st2, TL_K_MEETING, committee));
	tl_record_set(item, TL_ITEM_DECISION, "x");
	assert_int_equal(tl_store_update(st2, item, &err), TL_EREFUSED);
	tl_record_free(item);
	free(first);
	free(second);
	tl_store_close(st2);
}

/* A new meeting, a copy of the meeting m under a new id, as signed. */
static struct tl_record *signed_copy(struct tl_store *st, const char *m)
{
	struct tl_record *r = NULL;
	struct tl_error err;

	assert_int_equal(tl_store_get(st, TL_K_MEETING, m, &r, &err), TL_OK);
	tl_id_new(r->id);
	tl_record_set(r, TL_MEETING_STATUS, "signed");
	return r;
}

/* A seal of the meeting m over `document`, as an import brings it. */
static struct tl_record *seal_of(const struct tl_record *m,
				 const char *document)
{
	struct tl_record *s = tl_record_new(TL_K_SEAL);
	char digest[65];

	assert_non_null(s);
	tl_id_new(s->id);
	memcpy(s->created_at, m->created_at, sizeof(s->created_at));
	memcpy(s->updated_at, m->updated_at, sizeof(s->updated_at));
	tl_sha256_hex(document, strlen(document), digest);
	tl_record_set(s, TL_SEAL_MEETING, m->id);
	tl_record_set(s, TL_SEAL_DIGEST, digest);
	tl_record_set(s, TL_SEAL_SEALED_AT, "2026-11-23 10:00");
	tl_record_set(s, TL_SEAL_DOCUMENT, document);
	return s;
}

/*
 * A signed meeting put in a transaction that rolls back is forgotten; one
 * that commits is signed, with its seal.  A stored meeting does not
 * become signed by a put, a signed one needs its seal, and a seal goes
 * in only with its meeting and only over the minutes it holds.
 */
static void test_put_rolled_back(void **state)
{
	struct tl_store *st = demo(":memory:", NULL);
	const char *m = id_of(st, TL_K_MEETING, committee);
	struct tl_record *r = NULL, *copy, *seal, *bad;
	struct tl_error err;
	bool changed = false;

	(void)state;
	assert_int_equal(tl_store_get(st, TL_K_MEETING, m, &r, &err), TL_OK);
	tl_record_set(r, TL_MEETING_STATUS, "signed");
	assert_int_equal(tl_store_put(st, r, &changed, &err), TL_EREFUSED);
	assert_string_equal(err.msg, "A meeting becomes signed only by being "
			    "signed.");
	/* Its seal alone, by merge: refused as by hand. */
	seal = seal_of(r, "Protokoll");
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_put(st, seal, &changed, &err), TL_EREFUSED);
	tl_store_rollback(st);
	tl_record_free(seal);
	tl_record_free(r);

	copy = signed_copy(st, m);
	seal = seal_of(copy, "Protokoll");
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_put(st, copy, &changed, &err), TL_OK);
	assert_true(changed);
	assert_int_equal(tl_store_put(st, seal, &changed, &err), TL_OK);
	tl_store_rollback(st);
	/* Nested: the inner level rolls back, the outer commits. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_put(st, copy, &changed, &err), TL_OK);
	assert_int_equal(tl_store_put(st, seal, &changed, &err), TL_OK);
	tl_store_rollback(st);
	assert_int_equal(tl_store_commit(st, &err), TL_OK);
	assert_int_equal(tl_store_get(st, TL_K_MEETING, copy->id, &r, &err),
			 TL_ENOTFOUND);
	/* Without its seal it cannot commit as signed. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_put(st, copy, &changed, &err), TL_OK);
	assert_int_equal(tl_store_commit(st, &err), TL_EREFUSED);
	assert_non_null(strstr(err.msg, copy->id));
	/* A seal whose minutes were changed after their digest. */
	bad = seal_of(copy, "Protokoll");
	tl_record_set(bad, TL_SEAL_DOCUMENT, "Protokol1");
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_put(st, copy, &changed, &err), TL_OK);
	assert_int_equal(tl_store_put(st, bad, &changed, &err), TL_EREFUSED);
	tl_store_rollback(st);
	tl_record_free(bad);
	/* Committed with its seal, it is signed. */
	assert_int_equal(tl_store_begin(st, &err), TL_OK);
	assert_int_equal(tl_store_put(st, copy, &changed, &err), TL_OK);
	assert_int_equal(tl_store_put(st, seal, &changed, &err), TL_OK);
	assert_int_equal(tl_store_commit(st, &err), TL_OK);
	assert_string_equal(meeting_status(st, copy->id), "signed");
	tl_record_free(seal);
	tl_record_free(copy);
	tl_store_close(st);
}

/* A database of schema 1 gets the signing tables when it is opened. */
static void test_migrates_version_1(void **state)
{
	char path[PATH_SIZE];
	struct tl_store *st = demo("v1.db", path);
	struct tl_error err;
	long n = 0;

	(void)state;
	tl_store_close(st);
	/* What a database of tillit 0.1 holds: schema 1. */
	tl_test_downgrade(path, 1);
	assert_int_equal(tl_store_open(path, 0, &st, &err), TL_OK);
	struct tl_query q = {.kind = TL_K_MEETING};
	assert_int_equal(tl_store_count(st, &q, &n, &err), TL_OK);
	assert_int_equal(n, 7);
	sign_committee(st);
	/* The upgrade chained the audit log; what came after follows it. */
	struct tl_audit_break brk;
	assert_int_equal(tl_store_audit_check(st, NULL, &brk, NULL, &err),
			 TL_OK);
	assert_int_equal(brk.fault, TL_AUDIT_WHOLE);
	tl_store_close(st);
	assert_string_equal(raw_sql(path, "UPDATE items SET title = 'x'"),
			    "the meeting is signed and locked");
	/* Migration 3 dropped the duplicate index. */
	assert_string_equal(raw_sql(path, "SELECT * FROM followups INDEXED BY "
				    "followups_status_due"),
			    "no such index: followups_status_due");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_who_signs),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_sign_seals_and_locks),
		cmocka_unit_test(test_one_to_one_by_both),
		cmocka_unit_test(test_triggers_and_tampering),
		cmocka_unit_test(test_import_signed_meeting),
		cmocka_unit_test(test_put_rolled_back),
		cmocka_unit_test(test_migrates_version_1),
	};

	return cmocka_run_group_tests(tests, setup_env, teardown_env);
}
