/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * private.h - private notes (issue 15, point 4): a note that only its
 * author ever reads, on a person, a meeting or an agenda item.
 *
 * They are no kind of the model: no list, export, import, copy, minutes
 * or summary reaches them, only these functions.  Where they are kept
 * is the engine's: on SQLite a personal file of the OS account's under
 * $XDG_DATA_HOME/tillit (mode 0600), never the shared database; on
 * PostgreSQL a table whose row-level security lets the author's own
 * role alone read or write a row, admins and the tables' owner not
 * excepted.  The author is the acting person (tl_store_actor).
 */
#ifndef TILLIT_STORE_PRIVATE_H
#define TILLIT_STORE_PRIVATE_H

#include "tillit/core/date.h"
#include "tillit/core/id.h"
#include "tillit/store/store.h"

/* The longest note, in bytes. */
#define TL_PRIVATE_MAX 20000

struct tl_private_note {
	char id[TL_ID_LEN + 1];
	char author[TL_ID_LEN + 1];
	char on[TL_ID_LEN + 1];   /* the person, meeting or item */
	char written_at[TL_STAMP_SIZE];
	char *text;
};

/*
 * Writes a note by the acting person on the record `on` (an id or a
 * name of a person, meeting or agenda item they may read); its id into
 * id.  Refused without an acting person, on another kind, and for an
 * empty or too long text.
 */
enum tl_status tl_store_private_add(struct tl_store *st, const char *on,
				    const char *text,
				    char id[TL_ID_LEN + 1],
				    struct tl_error *err);

/* The person, meeting or agenda item that `on` names (an id, its start
 * or a name), which the acting person may read, into id. */
enum tl_status tl_store_private_target(struct tl_store *st, const char *on,
				       char id[TL_ID_LEN + 1],
				       struct tl_error *err);

/* The acting person's notes on the record with id `on` (NULL: all of
 * them), oldest first. */
enum tl_status tl_store_private_list(struct tl_store *st, const char *on,
				     struct tl_private_note **notes, int *n,
				     struct tl_error *err);

/* Deletes one of the acting person's notes, by its id or the start of
 * it (8 characters at least). */
enum tl_status tl_store_private_delete(struct tl_store *st, const char *id,
				       struct tl_error *err);

void tl_private_free(struct tl_private_note *notes, int n);

#endif
