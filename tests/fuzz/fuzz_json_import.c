/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_json_import.c - libFuzzer target for `tillit import` (import/import.h):
 * the input is written to a file and merged into a fresh store.  The
 * store is a copy of an empty database made once (in /dev/shm when there
 * is one), which opens several times faster than a new ":memory:" one.
 *
 * Every input either imports or fails with a message; a failed import
 * must leave the store as it was (one transaction), and an import that
 * succeeded must succeed again with nothing added (merging by id).  The
 * input is imported twice more into fresh stores, with the fast reader
 * and with jansson alone: the status, the message and the export after
 * it must be the same.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tillit/core/error.h"
#include "tillit/import/import.h"
#include "tillit/export/json.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], path[96], db[96], wal[100], shm[100];
static char *image;
static size_t image_size;

static void put_file(const char *name, const void *data, size_t size)
{
	FILE *f = fopen(name, "wb");

	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f))
		abort();
}

/* The scratch folder goes when the fuzzer ends. */
static void remove_scratch(void)
{
	unlink(path);
	unlink(wal);
	unlink(shm);
	unlink(db);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	struct tl_store *st;
	struct tl_error err;
	FILE *f;
	long n;

	(void)argc;
	(void)argv;
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	tl_text_init();
	snprintf(dir, sizeof(dir), "%s/tillit-fuzz-XXXXXX", tmp);
	if (!mkdtemp(dir))
		abort();
	atexit(remove_scratch);
	snprintf(path, sizeof(path), "%s/in.json", dir);
	snprintf(db, sizeof(db), "%s/t.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", db);
	snprintf(shm, sizeof(shm), "%s-shm", db);
	if (tl_store_open(db, TL_OPEN_CREATE, &st, &err) != TL_OK)
		abort();
	tl_store_close(st);
	f = fopen(db, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET))
		abort();
	image_size = (size_t)n;
	image = malloc(image_size);
	if (!image || fread(image, 1, image_size, f) != image_size)
		abort();
	fclose(f);
	return 0;
}

/* How many records of every kind the store holds. */
static long count_all(struct tl_store *st)
{
	long total = 0;

	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k};
		struct tl_error err;
		long n = 0;

		if (tl_store_count(st, &q, &n, &err) != TL_OK)
			abort();
		total += n;
	}
	return total;
}

/* A fresh store from the image. */
static struct tl_store *fresh(void)
{
	struct tl_store *st = NULL;
	struct tl_error err;

	unlink(wal);
	unlink(shm);
	put_file(db, image, image_size);
	if (tl_store_open(db, 0, &st, &err) != TL_OK)
		abort();
	return st;
}

/* Imports the input into a fresh store, the fast way or not: the status,
 * the message (into msg) and the export after it (the caller frees). */
static char *import_once(bool fast, enum tl_status *rc, char *msg,
			 size_t msize, size_t *len)
{
	struct tl_store *st = fresh();
	struct tl_error err;
	char *text = NULL;
	FILE *f;

	tl_json_import_fast(fast);
	tl_error_clear(&err);
	*rc = tl_json_import(st, path, NULL, &err);
	tl_json_import_fast(true);
	snprintf(msg, msize, "%s", *rc == TL_OK ? "" : err.msg);
	f = open_memstream(&text, len);
	if (!f || tl_json_export(st, f, &err) != TL_OK || fclose(f))
		abort();
	tl_store_close(st);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_store *st = NULL;
	struct tl_json_stats stats, again;
	struct tl_error err;
	long before;
	enum tl_status rc;

	put_file(path, data, size);
	st = fresh();
	before = count_all(st);
	rc = tl_json_import(st, path, &stats, &err);
	if (rc != TL_OK) {
		if (!err.msg[0] || count_all(st) != before)
			abort();
	} else {
		rc = tl_json_import(st, path, &again, &err);
		if (rc != TL_OK || again.added != 0)
			abort();
	}
	tl_store_close(st);

	{
		static char ma[1024], mb[1024];
		enum tl_status ra, rb;
		size_t la, lb;
		char *a = import_once(true, &ra, ma, sizeof(ma), &la);
		char *b = import_once(false, &rb, mb, sizeof(mb), &lb);

		if (ra != rb || strcmp(ma, mb) || la != lb ||
		    memcmp(a, b, la)) {
			fprintf(stderr, "fast: %d \"%s\"\njansson: %d \"%s\"\n",
				ra, ma, rb, mb);
			abort();
		}
		free(a);
		free(b);
	}
	return 0;
}
