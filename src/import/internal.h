/*
 * internal.h - what the two readers of a JSON import share (private to
 * src/import): import.c reads the document and parses a record with
 * jansson; fast.c reads whole arrays of records with yajl, handing
 * anything out of the ordinary back to import.c.  Both build a
 * record from the same member values with tl_import_record().
 */
#ifndef TILLIT_IMPORT_INTERNAL_H
#define TILLIT_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "tillit/bulk.h"
#include "tillit/error.h"
#include "tillit/import/import.h"
#include "tillit/model.h"
#include "tillit/store.h"

/* The longest record the import reads (its buffer grows to it). */
#define RD_MAX (64 * 1024 * 1024)

struct reader {
	FILE *fp;
	char *buf;
	size_t cap, pos, len;   /* buf holds len bytes; pos is the next */
	off_t off;              /* the file offset of buf[0] */
	bool eof;               /* nothing more to read after buf */
};

struct queue;

/*
 * One import.  The writing thread's copy has the store and the load; the
 * reader's copy (import_file) has the reader and its own error.
 */
struct import {
	struct tl_store *st;
	const char *path;
	struct tl_error *err;
	struct tl_json_stats stats;
	char *canon;            /* TL_TEXT_MAX + 1 bytes for canonical values */
	struct reader rd;
	struct tl_bulk *bulk;   /* the one transaction */
	bool bulk_kind[TL_K_COUNT]; /* new records of this kind go in bulk */
	unsigned char (*ids)[16]; /* ids written by tl_store_put (keep_id) */
	size_t nids, capids;
	struct queue *q;        /* the reader's records, to the writer */
};

/* A JSON value as the import reads it, whichever parser read it. */
enum raw_type {
	RAW_NULL, RAW_TRUE, RAW_FALSE, RAW_INT, RAW_REAL, RAW_STRING,
	RAW_OTHER /* an object or an array */
};

struct raw {
	enum raw_type type;
	const char *s;  /* RAW_STRING, NUL-terminated (no NUL inside) */
	long long i;    /* RAW_INT */
	double d;       /* RAW_REAL */
};

/* What a member's key names: a field of the kind (its index), or this. */
enum {
	MEMBER_UNKNOWN = -1, MEMBER_ID = -2, MEMBER_CREATED = -3,
	MEMBER_UPDATED = -4
};

/* One member of a record's object, in the order of the file. */
struct raw_member {
	const char *key;
	int field;      /* tl_import_member(e, key, ...) */
	struct raw v;
};

/*
 * What `key` names in a record of kind e: a field index or a MEMBER_*
 * value.  `prev` is what the member before it named (MEMBER_UNKNOWN for
 * the first): the field after it is tried first, as the export writes
 * fields in order.
 */
int tl_import_member(const struct tl_entity *e, const char *key, int prev);

/*
 * The record of kind e that the members m[0..n) describe (keys distinct),
 * every value converted and checked, into *out (the caller frees it).
 * On a bad value, *out is NULL and im->err names the record and field;
 * the first bad member in file order is the one named.
 */
enum tl_status tl_import_record(struct import *im, const struct tl_entity *e,
				const struct raw_member *m, size_t n,
				struct tl_record **out);

/*
 * Hands record r to the writer (the reader thread); false when the writer
 * has stopped, and r is then the caller's still.
 */
bool tl_import_push(struct import *im, struct tl_record *r);

/* Reads more of the file into im->rd (see import.c). */
enum tl_status tl_import_more(struct import *im);

/*
 * The array of kind e read with yajl from im->rd.pos, which is at its '['
 * when `open`, else at the start of an element: each record is built and
 * handed over as its object closes.  *done when the rest of the array
 * was read (im->rd.pos is then after its ']').  Otherwise the fast reader
 * left an element that is not quite ordinary (fast.c) to jansson:
 * the array goes on at file offset *resume, where that element (with the
 * '[' before it when `open`) is next when *first, else the ',' or ']'
 * after the last record handed over.  A status other than TL_OK is a
 * failure of the system (the writer stopped, out of memory), never the
 * file's.
 */
enum tl_status tl_fast_array(struct import *im, const struct tl_entity *e,
			     bool open, bool *done, off_t *resume,
			     bool *first);

#endif
