/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * draft.h - what was typed into a form when tillit was closed by a
 * signal (the terminal hung up, SIGTERM), kept so that nothing typed is
 * lost and offered back at the next start.
 *
 * Drafts live next to the database, in the folder "<db>.drafts" (mode
 * 0700), one JSON file a draft (mode 0600):
 *
 *   {"format":"tillit-draft","version":1,"kind":"followup",
 *    "id":"<uuid, only when a stored record was being edited>",
 *    "title":"New follow-up","saved_at":"2026-11-23T10:00:00Z",
 *    "fields":{"text":"Ring tillbaka","owner":null,...}}
 *
 * "fields" holds every field of the form, by its name, with what was
 * typed (null for an empty field); values are not checked until the
 * form is saved.  A drafts folder that is a symbolic link, belongs to
 * another user or that others may write to is never used: no draft is
 * written there or offered from there.
 */
#ifndef TILLIT_DRAFT_H
#define TILLIT_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"

/*
 * TL_OK when the drafts folder of the database at db_path is missing (it
 * is made 0700 when a draft is kept) or fit to use; else an error whose
 * one sentence says why drafts are not kept (for the status line).
 */
enum tl_status ui_draft_folder_check(const char *db_path,
				     struct tl_error *err);

/*
 * Writes a draft of r for the database at db_path: r's kind, its id when
 * set, title (may be NULL) and the values of the fields whose bit is set
 * in `fields` (bit i for field i; a form has at most 64 fields).  The
 * file appears whole or not at all.  Its path goes to path (size bytes)
 * when path is not NULL.  TL_ESYS with a message when it cannot be
 * written, TL_EREFUSED when the folder is not fit to use
 * (ui_draft_folder_check).
 */
enum tl_status ui_draft_save(const char *db_path, const struct tl_record *r,
			     unsigned long long fields, const char *title,
			     char *path, size_t size, struct tl_error *err);

/*
 * The path of the oldest draft for the database at db_path, into path;
 * false when there is none (or db_path is ":memory:").
 */
bool ui_draft_next(const char *db_path, char *path, size_t size);

/*
 * Reads the draft at path: *r is a new record of the draft's kind with
 * its id (when it edits a stored record) and the values of the draft,
 * *fields says which fields the draft holds (as for ui_draft_save), and
 * *title the form's title (caller frees r and title).  TL_EINVAL with a
 * message naming the file when it is not a readable draft.
 */
enum tl_status ui_draft_load(const char *path, struct tl_record **r,
			     unsigned long long *fields, char **title,
			     struct tl_error *err);

/* Removes the draft at path, and its folder when that is left empty. */
void ui_draft_remove(const char *path);

/*
 * Moves a draft that cannot be read out of the way (to "PATH.damaged"),
 * so that it is not offered again but nothing is lost.
 */
void ui_draft_set_aside(const char *path);

#endif
