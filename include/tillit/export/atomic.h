/*
 * atomic.h - files replaced whole or not at all, for exports.
 *
 * The content goes to a temporary file in the same folder as its final
 * name, which is flushed, synced and closed before it is renamed over
 * that name, so a failed or interrupted export never leaves half a file
 * where the old one was.  A new file is 0600, whatever the umask: an
 * export holds records; a file replaced keeps its own mode, so an export
 * never widens it.
 */
#ifndef TILLIT_ATOMIC_H
#define TILLIT_ATOMIC_H

#include <stdio.h>

#include "tillit/core/error.h"

/* Writes the content to out; TL_OK, or an error it has set in err. */
typedef enum tl_status (*tl_write_fn)(FILE *out, void *ctx,
				      struct tl_error *err);

/*
 * Writes path through write_fn(out, ctx, err).  The temporary
 * file is path + ".XXXXXX" (mkstemp), made 0600, or the mode of the
 * regular file at path that it replaces.  Any error,
 * of write_fn or of the file ("Cannot write PATH: REASON."), removes the
 * temporary file and leaves path as it was.  path must not be NULL.
 */
enum tl_status tl_write_atomic(const char *path, tl_write_fn write_fn,
			       void *ctx, struct tl_error *err);

#endif
