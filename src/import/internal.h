/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * internal.h - what the files of the JSON import share (private to
 * src/import).  import.c is the driver: it starts the reader thread and
 * writes what it hands over.  The reader walks the document (walk.c)
 * through the scanner (scan.c); fast.c reads whole arrays of records with
 * yajl, handing anything out of the ordinary back to the walk, which
 * parses it with jansson.  Both readers build a record from the same
 * member values with tl_import_record() (value.c), and hand it over
 * through the queue (queue.c); ids.c checks that no id occurs twice.
 */
#ifndef TILLIT_IMPORT_INTERNAL_H
#define TILLIT_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include <jansson.h>

#include "tillit/store/bulk.h"
#include "tillit/core/error.h"
#include "tillit/import/import.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/*
 * The file is read through a buffer of RD_CHUNK bytes (grown for a long
 * record, up to RD_MAX): the outer object and its arrays are scanned
 * (scan.c), and each record is parsed on its own, so memory does not
 * grow with the file.  A record may be RD_MAX bytes long, hold
 * RD_VALUES keys and values and nest RD_DEPTH deep (the record's own
 * object is one): what the parsers build for one record stays small
 * (doc/json-format.md, "Limits").  A valid record is far below all
 * three: under 2 MiB even with every character of its texts escaped,
 * under 50 keys and values, and flat.
 */
#define RD_CHUNK (64 * 1024)
#define RD_MAX (8 * 1024 * 1024)
#define RD_VALUES 1000
#define RD_DEPTH 32

/*
 * The file (source.c) and the buffer it is read through.  fd is the file
 * itself, or for a stream (in >= 0) the temporary copy of what has been
 * read of it (copied bytes).
 */
struct reader {
	bool opened;            /* fd (and in) are open */
	int fd;                 /* the file, or the copy of the stream */
	int in;                 /* the stream, or -1 for a regular file */
	off_t copied;           /* the bytes of the stream in the copy */
	bool in_eof;            /* the stream has ended */
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
	unsigned char (*ids)[16]; /* ids written by tl_store_put (ids.c) */
	size_t nids, capids;
	struct queue *q;        /* the reader's records, to the writer */
};

/* ---- value conversion, shared by both readers (value.c) ------------- */

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

/* The record of kind e that the JSON object obj (as jansson read it)
 * describes, as tl_import_record; an entry that is not an object is an
 * error too. */
enum tl_status tl_import_json_record(struct import *im,
				     const struct tl_entity *e, json_t *obj,
				     struct tl_record **out);

/* Fills im->err with "<path>: <kind> <id>: <msg>" and returns status. */
enum tl_status tl_import_rec_error(struct import *im, enum tl_status status,
				   const struct tl_entity *e, const char *id,
				   const char *msg);

/*
 * s cut to fit buf (at most 60 bytes of it), at a UTF-8 character
 * boundary, for quoting what a file holds in a message.  Returns buf.
 */
const char *tl_import_clip(const char *s, char *buf, size_t size);

/* ---- the file (source.c) -------------------------------------------- */

/*
 * Opens im->path into im->rd: a regular file as it is, anything else
 * (a pipe, a device) as a stream copied into TMPDIR as it is read.  A
 * folder, or a file that cannot be opened, is TL_EINVAL; a temporary
 * copy that cannot be made, TL_ESYS.  tl_import_close() closes it.
 */
enum tl_status tl_import_open(struct import *im);

/* Closes what tl_import_open opened (nothing when it failed). */
void tl_import_close(struct import *im);

/*
 * Up to n bytes of the file from offset `at` into buf; *got is n but at
 * the end of the file.  A stream is read on as far as needed: longer
 * than its cap (TL_IMPORT_STREAM_MAX) is TL_EINVAL.
 */
enum tl_status tl_import_read_at(struct import *im, off_t at, char *buf,
				 size_t n, size_t *got);

/* ---- the scanner (scan.c) ------------------------------------------- */

/* Reads more of the file into im->rd: keeps what is not used yet (moved
 * to the start of the buffer), fills the rest, grows a full buffer up to
 * RD_MAX. */
enum tl_status tl_import_more(struct import *im);

/* Starts reading again at offset `at` of the file (without reading it
 * again when `at` is in the buffer). */
enum tl_status tl_import_seek(struct import *im, off_t at);

/* The next byte after white space, into *c (-1 at the end of the file);
 * the reader is left at it. */
enum tl_status tl_import_peek(struct import *im, int *c);

/*
 * The JSON value at the reader's position, parsed by jansson, into *out
 * (the caller json_decref()s it), the reader after it.  A malformed value
 * is a syntax error (tl_import_syntax_error); one longer than RD_MAX,
 * with more than RD_VALUES keys and values or nested deeper than
 * RD_DEPTH is refused before jansson builds it, as a TL_EINVAL naming
 * its line and column.
 */
enum tl_status tl_import_value(struct import *im, json_t **out);

/*
 * A malformed file: "<path>:<line>:<column>: <sentence>.", where `at` is
 * the offset just after the last byte read, as jansson counts, and the
 * sentence says `text` (a parser's words) in tillit's
 * (tl_import_wording).  Always TL_EINVAL.
 */
enum tl_status tl_import_syntax_error(struct import *im, off_t at,
				      const char *text);

/* The same, with a sentence that is tillit's already (translated). */
enum tl_status tl_import_error_at(struct import *im, off_t at,
				  const char *sentence);

/*
 * A parser's description of a syntax error (jansson's, or the walk's
 * in its manner: "<what> near '<token>'", "<what> near end of file")
 * as a sentence of tillit's in the user's language, into buf, without
 * the full stop (wording.c).  Returns buf.
 */
const char *tl_import_wording(const char *said, char *buf, size_t size);

/* The token at the reader's position was not what the document needs
 * there: "<what> near '<token>'" as a syntax error, as jansson words
 * it. */
enum tl_status tl_import_unexpected(struct import *im, const char *what);

/* ---- the reader's hand-over (queue.c) -------------------------------- */

enum item_kind {
	ITEM_RECORD,   /* r is the next record */
	ITEM_RESTART,  /* out of order: the kinds come again, in order */
	ITEM_END       /* the reader is done; rc is how it went */
};

struct item {
	enum item_kind kind;
	enum tl_status rc;
	struct tl_record *r;
};

/* An empty queue, or NULL when out of memory.  tl_import_queue_free()
 * frees it. */
struct queue *tl_import_queue_new(void);

/* Frees q and the records still in it (handed over, not written).  The
 * reader must have stopped. */
void tl_import_queue_free(struct queue *q);

/* Hands an item to the writer, waiting for room; false when the writer
 * has stopped (the item is then the caller's still). */
bool tl_import_queue_push(struct queue *q, enum item_kind kind,
			  enum tl_status rc, struct tl_record *r);

/* The next item (the writer), waiting for it.  The caller owns its r. */
struct item tl_import_queue_pop(struct queue *q);

/* Tells the reader to stop (it may be waiting for room). */
void tl_import_queue_stop(struct queue *q);

/*
 * Hands record r to the writer (the reader thread); false when the writer
 * has stopped, and r is then the caller's still.
 */
bool tl_import_push(struct import *im, struct tl_record *r);

/* ---- ids (ids.c) ------------------------------------------------------ */

/* Keeps the id of a record written one by one (tl_store_put), for
 * tl_import_check_ids. */
enum tl_status tl_import_keep_id(struct import *im, const char *id);

/* "the id ... occurs more than once", into im->err; TL_EINVAL. */
enum tl_status tl_import_dup_error(struct import *im, const char *id);

/* At the end: no id may occur twice in the file (the smallest one that
 * does is named). */
enum tl_status tl_import_check_ids(struct import *im);

/* ---- the walk (walk.c) ------------------------------------------------ */

/*
 * Reads the whole document (the reader thread) and hands its records to
 * the writer: walks it, or when the kinds are out of order, scans it
 * first, hands over ITEM_RESTART and reads each kind's array in order.
 */
enum tl_status tl_import_read(struct import *im);

/* ---- the fast reader (fast.c) ---------------------------------------- */

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
