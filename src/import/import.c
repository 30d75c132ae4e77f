/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * import.c - a tillit JSON document (json.c writes it) merged into
 * the database by id: the driver of the import, and its writer.
 *
 * Import reads the file in pieces: the outer object and its arrays are
 * scanned (walk.c, scan.c), and the records are parsed one at a time
 * (fast.c with yajl, or jansson), so memory does not grow with the file.
 * Everything is written inside one bulk load (bulk.h): records of a kind
 * whose table was empty go in through it, the others are merged by id
 * (tl_bulk_put); the first error rolls everything back.  The rules are
 * the store's and core's, as for any change: what the command line
 * refuses, an import refuses with the same sentence, and says where.
 * doc/json-format.md is the user's description.
 *
 * Reading and writing overlap: a reader thread reads, parses and checks
 * the records (it never touches the store) and hands them over through a
 * small ring (queue.c), while the calling thread writes them.  What
 * the reader finds wrong comes through the ring after the records before
 * it, so the first error in the file is the one reported, as if it had
 * all been one thread; when writing fails, the reader is told to stop.
 */
#include "tillit/import/import.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/store/bulk.h"
#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "internal.h"

/* The bulk load's page cache during an import (see start). */
#define IMPORT_CACHE_KIB 4096

/*
 * The id of the stored principle whose key is `key`, into out ("" when
 * there is none).  Principles are few, but they are paged like the rest.
 */
static enum tl_status principle_by_key(struct import *im, const char *key,
				       char out[TL_ID_LEN + 1],
				       struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PRINCIPLE, .limit = 100};
	struct tl_page prev = {0}, page;
	bool have_prev = false;
	enum tl_status rc;

	out[0] = '\0';
	for (;;) {
		memset(&page, 0, sizeof(page));
		q.after = have_prev ? &prev.next : NULL;
		rc = tl_store_list(im->st, &q, &page, err);
		if (have_prev)
			tl_page_done(&prev);
		have_prev = false;
		if (rc != TL_OK)
			return rc;
		for (int i = 0; i < page.n && !out[0]; i++) {
			const char *k = tl_record_get(page.recs[i],
						      TL_PRINCIPLE_KEY);
			if (k && !strcmp(k, key))
				memcpy(out, page.recs[i]->id, TL_ID_LEN + 1);
		}
		if (out[0] || !page.more) {
			tl_page_done(&page);
			return TL_OK;
		}
		prev = page;
		have_prev = true;
	}
}

/* Writes one record and counts it. */
static enum tl_status import_record(struct import *im, struct tl_record *r)
{
	struct tl_record *old = NULL;
	struct tl_error gerr;
	char other[TL_ID_LEN + 1] = "";
	bool added, changed = false;
	enum tl_status rc;

	tl_error_clear(&gerr);
	rc = tl_store_get(im->st, r->e->kind, r->id, &old, &gerr);
	tl_record_free(old);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return tl_import_rec_error(im, rc, r->e, r->id, gerr.msg);
	added = rc == TL_ENOTFOUND;
	/*
	 * Tags name principles by key, so a principle is known by its key:
	 * one that `init` seeded here under another id gives way to the
	 * imported one.  Without this an export of an initialised database
	 * could never match the file it imported.
	 */
	if (added && r->e->kind == TL_K_PRINCIPLE &&
	    tl_record_get(r, TL_PRINCIPLE_KEY)) {
		rc = principle_by_key(im, tl_record_get(r, TL_PRINCIPLE_KEY),
				      other, &gerr);
		if (rc == TL_OK && other[0])
			rc = tl_store_delete(im->st, TL_K_PRINCIPLE, other,
					     &gerr);
		if (rc != TL_OK)
			return tl_import_rec_error(im, rc, r->e, r->id,
						   gerr.msg);
		if (other[0])
			added = false;
	}
	rc = tl_bulk_put(im->bulk, r, &changed, &gerr);
	if (rc != TL_OK) {
		char short_id[9];

		/* The store names the record itself when it can. */
		memcpy(short_id, r->id, 8);
		short_id[8] = '\0';
		if (strstr(gerr.msg, short_id))
			return tl_error_set(im->err, rc, "%s: %s", im->path,
					    gerr.msg);
		return tl_import_rec_error(im, rc, r->e, r->id, gerr.msg);
	}
	if (added)
		im->stats.added++;
	else if (changed || other[0])
		im->stats.changed++;
	else
		im->stats.unchanged++;
	return TL_OK;
}

/* Writes one record of the file (the writing thread). */
static enum tl_status write_record(struct import *im, struct tl_record *r)
{
	const struct tl_entity *e = r->e;
	enum tl_status rc;

	if (im->bulk_kind[e->kind]) {
		struct tl_error gerr;
		bool dup;

		tl_error_clear(&gerr);
		rc = tl_bulk_import(im->bulk, r, &dup, &gerr);
		if (rc == TL_OK)
			im->stats.added++;
		else if (dup)
			rc = tl_import_dup_error(im, r->id);
		else
			rc = tl_import_rec_error(im, rc, e, r->id, gerr.msg);
	} else {
		rc = tl_import_keep_id(im, r->id);
		if (rc == TL_OK)
			rc = import_record(im, r);
	}
	return rc;
}

/* Starts the one transaction (a bulk load) and picks, per kind, how its
 * records go in. */
static enum tl_status start(struct import *im)
{
	enum tl_status rc = tl_bulk_begin(im->st, &im->bulk, im->err);

	/* A small cache: the import must not grow with the file, and the
	 * inserts mostly append. */
	if (rc == TL_OK)
		tl_bulk_set_memory(im->bulk, IMPORT_CACHE_KIB);

	/* Principles merge by key, signatures and seals only by signing:
	 * those few go record by record, like every kind that has
	 * records already. */
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		im->bulk_kind[k] = false;
		if (k != TL_K_PRINCIPLE && k != TL_K_SIGNATURE &&
		    k != TL_K_SEAL)
			rc = tl_bulk_empty(im->bulk, (enum tl_kind)k,
					   &im->bulk_kind[k], im->err);
	}
	memset(&im->stats, 0, sizeof(im->stats));
	im->nids = 0;
	return rc;
}

static void *reader_main(void *arg)
{
	struct import *im = arg;
	enum tl_status rc = tl_import_read(im);

	tl_import_queue_push(im->q, ITEM_END, rc, NULL);
	return NULL;
}

/*
 * Reads the document and writes it, all inside the bulk load: the reader
 * thread reads, this one writes what it hands over.
 */
static enum tl_status import_file(struct import *im)
{
	struct import rim = *im;
	struct tl_error rerr;
	struct queue *q;
	pthread_t reader;
	bool reading = true;
	enum tl_status rc;

	rc = start(im);
	if (rc != TL_OK)
		return rc;
	q = tl_import_queue_new();
	if (!q)
		return tl_error_set(im->err, TL_ESYS, _("Out of memory."));
	tl_error_clear(&rerr);
	rim.err = &rerr;
	rim.st = NULL;
	rim.bulk = NULL;
	rim.ids = NULL;
	rim.q = q;
	if (pthread_create(&reader, NULL, reader_main, &rim) != 0) {
		rc = tl_error_set(im->err, TL_ESYS, _("Out of memory."));
		reading = false;
	}
	while (rc == TL_OK) {
		struct item it = tl_import_queue_pop(q);

		if (it.kind == ITEM_RECORD) {
			rc = write_record(im, it.r);
			tl_record_free(it.r);
		} else if (it.kind == ITEM_RESTART) {
			/* Everything starts again, in order. */
			tl_bulk_abort(im->bulk);
			im->bulk = NULL;
			rc = start(im);
		} else {
			if (it.rc != TL_OK)
				rc = tl_error_set(im->err, it.rc, "%s",
						  rerr.msg);
			break;
		}
	}
	if (reading) {
		tl_import_queue_stop(q);
		pthread_join(reader, NULL);
		im->rd = rim.rd; /* its buffer may have grown */
	}
	/* With what the reader handed over but was not written. */
	tl_import_queue_free(q);
	return rc;
}

enum tl_status tl_json_import(struct tl_store *st, const char *path,
			      struct tl_json_stats *stats,
			      struct tl_error *err)
{
	struct import im = {.st = st, .path = path, .err = err};
	struct tl_error local;
	enum tl_status rc;

	if (!err)
		im.err = err = &local;
	tl_error_clear(err);
	if (stats)
		memset(stats, 0, sizeof(*stats));
	rc = tl_import_open(&im);
	if (rc == TL_OK) {
		im.canon = malloc(TL_TEXT_MAX + 1);
		im.rd.buf = malloc(RD_CHUNK);
		im.rd.cap = RD_CHUNK;
		if (!im.canon || !im.rd.buf)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK)
		rc = import_file(&im);
	if (rc == TL_OK)
		rc = tl_import_check_ids(&im);
	if (rc == TL_OK) {
		rc = tl_bulk_end(im.bulk, err);
		im.bulk = NULL;
		if (rc != TL_OK) {
			/* Deferred references fail at the commit. */
			char msg[sizeof(err->msg)];

			memcpy(msg, err->msg, sizeof(msg));
			tl_error_set(err, rc, "%s: %s", path, msg);
		}
	}
	tl_bulk_abort(im.bulk);
	tl_import_close(&im);
	free(im.rd.buf);
	free(im.ids);
	free(im.canon);
	if (rc == TL_OK && stats)
		*stats = im.stats;
	return rc;
}
