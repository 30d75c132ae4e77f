/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * import.h - a tillit JSON document (json.h describes it, `tillit export`
 * writes it) merged into the database by id: what `tillit import` does.
 * doc/json-format.md is the user's description of the file.
 */
#ifndef TILLIT_IMPORT_IMPORT_H
#define TILLIT_IMPORT_IMPORT_H

#include <stdbool.h>

#include "tillit/core/error.h"
#include "tillit/store/store.h"

/* Import counts: records added, changed and already equal. */
struct tl_json_stats {
	long added, changed, unchanged;
};

/*
 * The most bytes an import reads from a pipe or a device (4 GiB): such a
 * stream is copied, as it is read, into a temporary file in TMPDIR.  A
 * regular file has no cap.
 */
#define TL_IMPORT_STREAM_MAX (4LL * 1024 * 1024 * 1024)

/*
 * Merges the document at path into the store by id, in one transaction:
 * a malformed file (the message gives line and column), an unknown format
 * or version, or any invalid record writes nothing.  path may name a
 * pipe or a device (a FIFO, /dev/stdin), read as a stream up to
 * TL_IMPORT_STREAM_MAX bytes.  stats may be NULL.
 */
enum tl_status tl_json_import(struct tl_store *st, const char *path,
			      struct tl_json_stats *stats,
			      struct tl_error *err);

/*
 * Whether tl_json_import reads records with its fast reader (the
 * default) or with jansson only.  Both read every file the same way; the
 * tests compare them.  Not thread-safe: set it before importing.
 */
void tl_json_import_fast(bool on);

/*
 * The cap on a stream, in bytes, for the tests (0: TL_IMPORT_STREAM_MAX
 * again).  Not thread-safe: set it before importing.
 */
void tl_json_import_stream_max(long long bytes);

#endif
