/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_formats.c - the registry of export formats (src/export/formats.c).
 *
 * The table is whole: every row has a name, an extension and either a
 * writer or (minutes only, and only they) a document backend,
 * no two rows share a name, an alias or a menu key, a menu label shows
 * its key in brackets, and everything that can be exported has exactly
 * one default.  The command line takes every name and alias of every
 * row, for everything the row applies to, and refuses it for the rest.
 * The lists of formats that the help and the messages print keep their
 * order.
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
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/cli/cli.h"
#include "tillit/service/demo.h"
#include "tillit/export/formats.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

static const enum tl_export_what whats[] = {
	TL_EXPORT_DATABASE, TL_EXPORT_MINUTES, TL_EXPORT_LIST,
	TL_EXPORT_FOLLOWUPS,
};
#define NWHATS (sizeof(whats) / sizeof(whats[0]))

static void test_table_is_whole(void **state)
{
	size_t n;
	const struct tl_export_format *t = tl_export_formats(&n);

	(void)state;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		const struct tl_export_format *f = &t[i];

		assert_non_null(f->name);
		assert_true(f->name[0]);
		assert_non_null(f->ext);
		assert_true(f->ext[0]);
		/* A writer, or a document backend for documents only: the
		 * minutes, the goal report and what is not carried out. */
		assert_true((f->write != NULL) != (f->doc != NULL));
		if (f->doc)
			assert_int_equal(f->applies, TL_EXPORT_MINUTES |
					 TL_EXPORT_GOALS | TL_EXPORT_UNDONE);
		assert_true(f->applies != 0);
		assert_int_equal(f->default_for & ~f->applies, 0);
		assert_ptr_equal(tl_export_format_find(f->name), f);
		if (f->alias)
			assert_ptr_equal(tl_export_format_find(f->alias), f);
		if (f->ui_key) {
			char key[4] = {'(', (char)f->ui_key, ')', '\0'};

			assert_non_null(f->label);
			if (!strstr(f->label, key))
				fail_msg("label \"%s\" lacks %s", f->label,
					 key);
			assert_ptr_equal(tl_export_format_by_key(f->ui_key),
					 f);
		}
		for (size_t j = 0; j < i; j++) {
			const struct tl_export_format *g = &t[j];

			if (f->ui_key && f->ui_key == g->ui_key)
				fail_msg("%s and %s share the key %c",
					 g->name, f->name, f->ui_key);
			assert_string_not_equal(f->name, g->name);
			if (g->alias)
				assert_string_not_equal(f->name, g->alias);
			if (f->alias) {
				assert_string_not_equal(f->alias, g->name);
				if (g->alias)
					assert_string_not_equal(f->alias,
								g->alias);
			}
		}
	}
	for (size_t w = 0; w < NWHATS; w++) {
		int defaults = 0;

		for (size_t i = 0; i < n; i++)
			defaults += (t[i].default_for & whats[w]) != 0;
		assert_int_equal(defaults, 1);
		assert_true(tl_export_format_applies(
			tl_export_format_default(whats[w]), whats[w]));
	}
	assert_null(tl_export_format_find("bogus"));
	assert_null(tl_export_format_by_key(0));
}

/* The lists the CLI's help and messages print, and the menus' words. */
static void test_lists_keep_their_order(void **state)
{
	const char *w[16];
	char buf[200];
	int n;

	(void)state;
	n = tl_export_format_words(TL_EXPORT_LIST | TL_EXPORT_FOLLOWUPS, 0, 0,
				   false, w, 16);
	assert_string_equal(tl_export_join(w, n, NULL, buf, sizeof(buf)),
			    "json, csv or ics");
	n = tl_export_format_words(TL_EXPORT_FOLLOWUPS, 0,
				   TL_EXPORT_FOLLOWUPS, false, w, 16);
	assert_string_equal(tl_export_join(w, n, NULL, buf, sizeof(buf)),
			    "csv, json or ics");
	n = tl_export_format_words(TL_EXPORT_LIST, 0, TL_EXPORT_LIST, false,
				   w, 16);
	assert_string_equal(tl_export_join(w, n, "|", buf, sizeof(buf)),
			    "csv|json");
	n = tl_export_format_words(TL_EXPORT_MINUTES, 0, TL_EXPORT_MINUTES,
				   false, w, 16);
	assert_string_equal(tl_export_join(w, n, NULL, buf, sizeof(buf)),
			    "md, html, txt or pdf");
	n = tl_export_format_words(TL_EXPORT_FOLLOWUPS, TL_EXPORT_LIST, 0,
				   false, w, 16);
	assert_string_equal(tl_export_join(w, n, "|", buf, sizeof(buf)),
			    "ics");
	n = tl_export_format_words(TL_EXPORT_DATABASE, 0, TL_EXPORT_DATABASE,
				   false, w, 16);
	assert_string_equal(tl_export_join(w, n, NULL, buf, sizeof(buf)),
			    "json");
	/* The menus: only what the full-screen program offers. */
	n = tl_export_format_words(TL_EXPORT_MINUTES, 0, TL_EXPORT_MINUTES,
				   true, w, 16);
	assert_string_equal(tl_export_join(w, n, NULL, buf, sizeof(buf)),
			    "(m)arkdown, (h)tml, (t)ext or (p)df");
	n = tl_export_format_words(TL_EXPORT_FOLLOWUPS, TL_EXPORT_MINUTES,
				   TL_EXPORT_FOLLOWUPS, true, w, 16);
	assert_string_equal(tl_export_join(w, n, NULL, buf, sizeof(buf)),
			    "(c)SV or (i)Calendar");
	/* A short buffer cuts, never overruns. */
	assert_string_equal(tl_export_join(w, n, NULL, buf, 4), "(c)");
}

/* ---- the command line takes every name ---------------------------------- */

struct fixture {
	char dir[200];
	char db[220];
	char out[220];
	char meeting[TL_ID_LEN + 1];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tl_store *st;
	struct tl_error err;

	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	setenv("TZ", "Europe/Stockholm", 1);
	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "%s/tillit-formats.XXXXXX",
		 getenv("TMPDIR") && strlen(getenv("TMPDIR")) < 120
		 ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/x.db", f->dir);
	snprintf(f->out, sizeof(f->out), "%s/out", f->dir);
	if (tl_store_open(f->db, TL_OPEN_CREATE, &st, &err) != TL_OK)
		return -1;
	if (tl_demo_fill(st, &err) != TL_OK ||
	    tl_store_resolve(st, TL_K_MEETING,
			     "Barn- och utbildningsnämndens sammanträde",
			     f->meeting, &err) != TL_OK) {
		tl_store_close(st);
		return -1;
	}
	tl_store_close(st);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char path[256];

	for (const char *const *s = (const char *const[]){"x.db", "x.db-wal",
		     "x.db-shm", "out", NULL}; *s; s++) {
		snprintf(path, sizeof(path), "%s/%s", f->dir, *s);
		unlink(path);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* `tillit --db DB export [what's words] --format name --output OUT`:
 * the exit code, with OUT removed first. */
static int export_as(struct fixture *f, enum tl_export_what what,
		     const char *name)
{
	char *argv[12];
	int argc = 0, code, saved, quiet;

	unlink(f->out);
	argv[argc++] = "tillit";
	argv[argc++] = "--db";
	argv[argc++] = f->db;
	argv[argc++] = "export";
	switch (what) {
	case TL_EXPORT_MINUTES:
		argv[argc++] = "minutes";
		argv[argc++] = f->meeting;
		break;
	case TL_EXPORT_LIST:
		argv[argc++] = "mandates";
		break;
	case TL_EXPORT_FOLLOWUPS:
		argv[argc++] = "followups";
		break;
	default:
		break;
	}
	argv[argc++] = "--format";
	argv[argc++] = (char *)name;
	argv[argc++] = "--output";
	argv[argc++] = f->out;
	argv[argc] = NULL;
	/* The refusals' messages are expected: keep them off the log. */
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	quiet = open("/dev/null", O_WRONLY);
	if (saved >= 0 && quiet >= 0)
		dup2(quiet, STDERR_FILENO);
	code = cli_main(argc, argv);
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (quiet >= 0)
		close(quiet);
	return code;
}

static void takes(struct fixture *f, const struct tl_export_format *fmt,
		  const char *name)
{
	struct stat sb;

	for (size_t w = 0; w < NWHATS; w++) {
		int code = export_as(f, whats[w], name);

		if (tl_export_format_applies(fmt, whats[w])) {
			if (code != 0)
				fail_msg("--format %s for what %d: exit %d",
					 name, (int)whats[w], code);
			assert_int_equal(stat(f->out, &sb), 0);
			assert_true(sb.st_size > 0);
		} else if (code != 2) {
			fail_msg("--format %s for what %d: exit %d, not 2",
				 name, (int)whats[w], code);
		}
	}
}

static void test_cli_takes_every_name(void **state)
{
	struct fixture *f = *state;
	size_t n;
	const struct tl_export_format *t = tl_export_formats(&n);

	for (size_t i = 0; i < n; i++) {
		takes(f, &t[i], t[i].name);
		if (t[i].alias)
			takes(f, &t[i], t[i].alias);
	}
	assert_int_equal(export_as(f, TL_EXPORT_LIST, "bogus"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_whole),
		cmocka_unit_test(test_lists_keep_their_order),
		cmocka_unit_test_setup_teardown(test_cli_takes_every_name,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
