/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_minutes.c - the minutes writer on the demo municipality: the
 * canonical form that signing digests (stable, and blind to what goes on
 * after the meeting: statuses, outcomes, later decisions), escaping in
 * HTML and Markdown, and the errors.  The CLI tests compare the Markdown,
 * HTML and text forms of the demo committee meeting with expected files;
 * here every form (the canonical one too) of every meeting of a fixed
 * document (tests/unit/data/meetings.json: the demo with fixed ids, and
 * participants whose roles and names tie) is compared with
 * tests/unit/data/minutes.expected.  UPDATE=1 rewrites that file.
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

#include "tillit/service/demo.h"
#include "tillit/import/import.h"
#include "tillit/export/minutes.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "engine.h"

struct fixture {
	struct tl_store *st;
	char committee[TL_ID_LEN + 1]; /* the demo's committee meeting */
	char november[TL_ID_LEN + 1];  /* the second one-to-one */
};

/* The id of the meeting with this title. */
static void find_meeting(struct tl_store *st, const char *title,
			 char out[TL_ID_LEN + 1])
{
	struct tl_error err;

	if (tl_store_resolve(st, TL_K_MEETING, title, out, &err) != TL_OK)
		fail_msg("resolve %s: %s", title, err.msg);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tl_error err;

	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	setenv("TZ", "Europe/Stockholm", 1);
	if (!f || tl_store_open(test_db(), TL_OPEN_CREATE, &f->st, &err) !=
	    TL_OK)
		return -1;
	if (tl_demo_fill(f->st, &err) != TL_OK) {
		tl_store_close(f->st);
		free(f);
		return -1;
	}
	find_meeting(f->st, "Barn- och utbildningsnämndens sammanträde",
		     f->committee);
	find_meeting(f->st, "Medarbetarsamtal, november", f->november);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tl_store_close(f->st);
	free(f);
	return 0;
}

/* The minutes of id in format, as a new string. */
static char *minutes(struct tl_store *st, const char *id,
		     enum tl_minutes_format format)
{
	struct tl_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	enum tl_status rc;

	assert_non_null(fp);
	rc = tl_minutes_write(st, id, format, fp, &err);
	assert_int_equal(fclose(fp), 0);
	if (rc != TL_OK)
		fail_msg("minutes: %s", err.msg);
	return buf;
}

static int cmp_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void set_field(struct tl_store *st, enum tl_kind kind, const char *id,
		      int field, const char *value)
{
	struct tl_record *r = NULL;
	struct tl_error err;

	assert_int_equal(tl_store_get(st, kind, id, &r, &err), TL_OK);
	assert_true(tl_record_set(r, field, value));
	if (tl_store_update(st, r, &err) != TL_OK)
		fail_msg("update: %s", err.msg);
	tl_record_free(r);
}

/* The first record of kind whose parent is parent (and title has text). */
static void find_child(struct tl_store *st, enum tl_kind kind,
		       const char *parent, const char *text,
		       char out[TL_ID_LEN + 1])
{
	struct tl_query q = {.kind = kind, .parent = parent, .limit = 100};
	struct tl_page page = {0};
	struct tl_error err;

	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	out[0] = '\0';
	for (int i = 0; i < page.n; i++) {
		const struct tl_record *r = page.recs[i];
		if (strstr(tl_record_str(r, r->e->title), text)) {
			memcpy(out, r->id, TL_ID_LEN + 1);
			break;
		}
	}
	tl_page_done(&page);
	assert_true(out[0] != '\0');
}

static void test_canon_is_the_text_without_what_changes(void **state)
{
	struct fixture *f = *state;
	char *canon = minutes(f->st, f->committee, TL_MINUTES_CANON);
	char *again = minutes(f->st, f->committee, TL_MINUTES_CANON);
	char *txt = minutes(f->st, f->committee, TL_MINUTES_TXT);

	assert_string_equal(canon, again);
	assert_non_null(strstr(canon, "Minutes: Barn- och utbildningsnämndens "
				      "sammanträde\n"));
	assert_non_null(strstr(canon, "\n\xC2\xA7 2 Delegationsordning"));
	/* People are named by id: signing does not lock their names. */
	assert_non_null(strstr(canon, "\nPresent:     "));
	assert_null(strstr(canon, "Anders Holmgren"));
	/* The text, a committee's protokoll, says who decided. */
	assert_non_null(strstr(txt, "\nDecision-makers: "));
	assert_non_null(strstr(txt, " Anders Holmgren (S), chair, Lena"));
	assert_non_null(strstr(canon, "\nMandates granted\n"));
	assert_non_null(strstr(canon, "\nFollow-ups\n"));
	assert_null(strstr(canon, "Status:"));
	assert_null(strstr(canon, "Reported delegated decisions"));
	assert_null(strstr(canon, "Signatures"));
	/* The text form holds them. */
	assert_non_null(strstr(txt, "\nStatus:     held\n"));
	assert_non_null(strstr(txt, "\nReported delegated decisions\n"));
	free(canon);
	free(again);
	free(txt);
}

static void test_canon_ignores_later_work(void **state)
{
	struct fixture *f = *state;
	char *before = minutes(f->st, f->november, TL_MINUTES_CANON);
	char *txt_before = minutes(f->st, f->november, TL_MINUTES_TXT);
	char *after, *txt_after, fu[TL_ID_LEN + 1], mid[TL_ID_LEN + 1];
	char oct[TL_ID_LEN + 1];
	struct tl_error err;

	/* Last time's staffing question is done, and a follow-up of this
	 * meeting too: "since last time" and statuses change, the digest
	 * must not. */
	find_meeting(f->st, "Medarbetarsamtal, oktober", oct);
	find_child(f->st, TL_K_FOLLOWUP, oct, "bemanningsenheten", fu);
	assert_int_equal(tl_store_followup_done(f->st, fu, "Två vikarier "
						"bokade.", &err), TL_OK);
	find_child(f->st, TL_K_FOLLOWUP, f->november, "julschemat", mid);
	assert_int_equal(tl_store_followup_done(f->st, mid, "Skickat.", &err),
			 TL_OK);
	after = minutes(f->st, f->november, TL_MINUTES_CANON);
	txt_after = minutes(f->st, f->november, TL_MINUTES_TXT);
	assert_string_equal(before, after);
	assert_string_not_equal(txt_before, txt_after);
	assert_non_null(strstr(txt_after, "done: Två vikarier bokade."));
	assert_null(strstr(after, "Since last time"));
	free(before);
	free(after);
	free(txt_before);
	free(txt_after);
}

static void test_canon_follows_the_content(void **state)
{
	struct fixture *f = *state;
	char *before = minutes(f->st, f->committee, TL_MINUTES_CANON);
	char item[TL_ID_LEN + 1];
	char *after;

	find_child(f->st, TL_K_ITEM, f->committee, "Läsårstider", item);
	set_field(f->st, TL_K_ITEM, item, TL_ITEM_DECISION,
		  "Läsåret börjar den 20 augusti 2027.");
	after = minutes(f->st, f->committee, TL_MINUTES_CANON);
	assert_string_not_equal(before, after);
	assert_non_null(strstr(after, "den 20 augusti 2027."));
	free(before);
	free(after);
}

static void test_canon_ignores_renamed_people(void **state)
{
	struct fixture *f = *state;
	char *before = minutes(f->st, f->committee, TL_MINUTES_CANON);
	char part[TL_ID_LEN + 1], person[TL_ID_LEN + 1];
	struct tl_record *p = NULL;
	struct tl_error err;
	char *after;

	/* A participant's person marries and changes name. */
	find_child(f->st, TL_K_PARTICIPANT, f->committee, "", part);
	assert_int_equal(tl_store_get(f->st, TL_K_PARTICIPANT, part, &p,
				      &err), TL_OK);
	snprintf(person, sizeof(person), "%s",
		 tl_record_get(p, TL_PART_PERSON));
	tl_record_free(p);
	set_field(f->st, TL_K_PERSON, person, TL_PERSON_NAME, "Nytt Namn");
	after = minutes(f->st, f->committee, TL_MINUTES_CANON);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void test_escaping(void **state)
{
	struct fixture *f = *state;
	struct tl_record *it = tl_record_new(TL_K_ITEM);
	struct tl_error err;
	char *html, *md;

	assert_non_null(it);
	assert_true(tl_record_set(it, TL_ITEM_MEETING, f->committee));
	assert_true(tl_record_set(it, TL_ITEM_TITLE,
				  "<i>Tom & \"Jerry\"</i> 'x'"));
	assert_true(tl_record_set(it, TL_ITEM_QUESTION, "how"));
	assert_true(tl_record_set(it, TL_ITEM_DECIDED_BY, "politics"));
	assert_true(tl_record_set(it, TL_ITEM_DECISION,
				  "Rad ett\n# inte en rubrik\n*inte fet*"));
	assert_int_equal(tl_store_insert(f->st, it, &err), TL_OK);
	tl_record_free(it);

	html = minutes(f->st, f->committee, TL_MINUTES_HTML);
	assert_non_null(strstr(html, "&lt;i&gt;Tom &amp; &quot;Jerry&quot;"
				     "&lt;/i&gt; &#39;x&#39;</h3>"));
	assert_null(strstr(html, "<i>"));
	assert_non_null(strstr(html, "Rad ett<br>\n# inte en rubrik<br>\n"));
	assert_non_null(strstr(html, "<p class=\"flag\"><strong>Governance:"));
	/* Its labels are English here (no translation is asked for). */
	assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32)
		    == 0);
	assert_non_null(strstr(html, "</html>\n"));
	md = minutes(f->st, f->committee, TL_MINUTES_MD);
	assert_non_null(strstr(md, "\\<i\\>Tom & \"Jerry\"\\</i\\> 'x'\n"));
	/* A line break in a text is a hard break in the same paragraph. */
	assert_non_null(strstr(md, "Rad ett\\\n\\# inte en rubrik\\\n"
				   "\\*inte fet\\*\n"));
	assert_non_null(strstr(md, "\n> **Governance:** "));
	free(html);
	free(md);
}

/* tests/unit/data/NAME, beside this file. */
static void data_path(const char *name, char *buf, size_t size)
{
	const char *slash = strrchr(__FILE__, '/');
	int dir = slash ? (int)(slash - __FILE__) : 1;

	snprintf(buf, size, "%.*s/data/%s", dir, slash ? __FILE__ : ".", name);
}

static char *read_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int c;

	if (!fp)
		return NULL;
	mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	while ((c = fgetc(fp)) != EOF)
		fputc(c, mem);
	fclose(fp);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

static void test_every_form_of_every_meeting(void **state)
{
	static const struct {
		enum tl_minutes_format format;
		const char *name;
	} forms[] = {
		{TL_MINUTES_MD, "md"},
		{TL_MINUTES_HTML, "html"},
		{TL_MINUTES_TXT, "txt"},
		{TL_MINUTES_CANON, "canon"},
	};
	struct tl_query q = {.kind = TL_K_MEETING, .limit = 100};
	struct tl_page page = {0};
	struct tl_json_stats stats;
	struct tl_store *st = NULL;
	struct tl_error err;
	char path[512], want_path[512];
	char *all = NULL, *want;
	size_t len = 0;
	FILE *out;
	const char **ids;

	(void)state;
	data_path("meetings.json", path, sizeof(path));
	data_path("minutes.expected", want_path, sizeof(want_path));
	assert_int_equal(tl_store_open(test_db(), TL_OPEN_CREATE, &st, &err),
			 TL_OK);
	if (tl_json_import(st, path, &stats, &err) != TL_OK)
		fail_msg("import %s: %s", path, err.msg);
	assert_int_equal(tl_store_list(st, &q, &page, &err), TL_OK);
	assert_true(page.n >= 5);
	ids = calloc((size_t)page.n, sizeof(*ids));
	assert_non_null(ids);
	for (int i = 0; i < page.n; i++)
		ids[i] = page.recs[i]->id;
	qsort(ids, (size_t)page.n, sizeof(*ids), cmp_ids);
	out = open_memstream(&all, &len);
	assert_non_null(out);
	for (int i = 0; i < page.n; i++) {
		for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
			char *text = minutes(st, ids[i], forms[k].format);
			fprintf(out, "==== %s %s\n%s", ids[i], forms[k].name,
				text);
			free(text);
		}
	}
	assert_int_equal(fclose(out), 0);
	free(ids);
	tl_page_done(&page);
	tl_store_close(st);

	want = read_file(want_path);
	if (getenv("UPDATE") && !strcmp(getenv("UPDATE"), "1") &&
	    (!want || strcmp(want, all))) {
		FILE *fp = fopen(want_path, "w");
		assert_non_null(fp);
		fputs(all, fp);
		assert_int_equal(fclose(fp), 0);
	} else {
		size_t at = 0;

		if (!want)
			fail_msg("%s is missing (UPDATE=1 writes it)",
				 want_path);
		while (want[at] && want[at] == all[at])
			at++;
		if (want[at] != all[at])
			fail_msg("differs from %s at byte %zu: \"%.60s\"",
				 want_path, at, all + at);
	}
	free(want);
	free(all);
}

static void test_errors(void **state)
{
	struct fixture *f = *state;
	struct tl_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(tl_minutes_write(f->st,
					  "00000000-0000-4000-8000-000000000000",
					  TL_MINUTES_MD, fp, &err),
			 TL_ENOTFOUND);
	assert_int_equal(tl_minutes_write(f->st, NULL, TL_MINUTES_MD, fp,
					  &err), TL_EINVAL);
	assert_int_equal(tl_minutes_write(f->st, f->committee,
					  (enum tl_minutes_format)42, fp,
					  &err), TL_EINVAL);
	fclose(fp);
	assert_int_equal(len, 0);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_canon_is_the_text_without_what_changes, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_canon_ignores_later_work,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_canon_ignores_renamed_people,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_canon_follows_the_content,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_escaping, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test(test_every_form_of_every_meeting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
