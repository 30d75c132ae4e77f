/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_fixture.h - what the store's tests share: a scratch folder, a
 * fixed clock, a store in memory, and records added from name=value
 * pairs.  Included by one test file each (test_store.c, test_sqlite.c,
 * test_present.c); not a module.
 */
#ifndef TILLIT_TEST_STORE_FIXTURE_H
#define TILLIT_TEST_STORE_FIXTURE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/store/store.h"
#include "tillit/core/model.h"
#include "engine.h"

static char tmpdir[256];

static int setup_env(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Stockholm", 1);
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/tillit-test-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static int teardown_env(void **state)
{
	char cmd[300];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static inline struct tl_store *mem_store(void)
{
	struct tl_store *st = NULL;
	struct tl_error err;
	assert_int_equal(tl_store_open(test_db(), TL_OPEN_CREATE, &st, &err),
			 TL_OK);
	assert_int_equal(tl_store_seed_principles(st, "vadstena", &err), TL_OK);
	return st;
}

/* Adds a record from name=value pairs, NULL-terminated; returns its id. */
static const char *add(struct tl_store *st, enum tl_kind kind, ...)
{
	static char id[TL_ID_LEN + 1];
	struct tl_record *r = tl_record_new(kind);
	struct tl_error err = {0};
	const char *name;
	va_list ap;

	va_start(ap, kind);
	while ((name = va_arg(ap, const char *))) {
		int i = tl_entity_field(r->e, name);
		assert_true(i >= 0);
		tl_record_set(r, i, va_arg(ap, const char *));
	}
	va_end(ap);
	if (tl_store_insert(st, r, &err) != TL_OK)
		fail_msg("insert failed: %s", err.msg);
	memcpy(id, r->id, sizeof(id));
	tl_record_free(r);
	return id;
}

#endif
