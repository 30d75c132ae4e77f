/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * atomic.h - files replaced whole or not at all, for exports.
 *
 * The content goes to a temporary file in the same folder as its final
 * name, which is flushed, synced and closed before it is renamed over
 * that name, so a failed or interrupted export never leaves half a file
 * where the old one was.  A new file is 0600, whatever the umask: an
 * export holds records; a file replaced keeps its own mode, so an export
 * never widens it, unless a mode is asked for (tl_write_atomic_mode).
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

/*
 * tl_write_atomic, with the file made `mode` (0 to 0777, whatever the
 * umask), new or replaced: a mode the user asked for on purpose.  A
 * negative mode is tl_write_atomic's rule.
 */
enum tl_status tl_write_atomic_mode(const char *path, int mode,
				    tl_write_fn write_fn, void *ctx,
				    struct tl_error *err);

/*
 * TL_OK when dir is a folder of its own (not a symbolic link), owned by
 * the effective user and not writable by its group or others: a place
 * for private temporary files.  Else TL_EREFUSED (TL_ESYS when it cannot
 * be looked at) with one sentence that starts with outcome (what then
 * does not happen, like "Drafts are not kept") and names the folder and
 * why, so that a status line cut to its width still says the outcome.
 * Neither argument may be NULL.
 */
enum tl_status tl_dir_check_private(const char *dir, const char *outcome,
				    struct tl_error *err);

#endif
