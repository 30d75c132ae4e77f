/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * private.c - private notes (private.h): who writes them and on what;
 * the engines keep them (backend.h, private_*).
 */
#include "tillit/store/private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "internal.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

/* The kinds a note may be on. */
static const enum tl_kind kinds[] = {TL_K_PERSON, TL_K_MEETING, TL_K_ITEM};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

/* Who writes: the acting person, who must be one. */
static enum tl_status author(struct tl_store *st, char id[TL_ID_LEN + 1],
			     struct tl_error *err)
{
	enum tl_status rc = tl_store_actor(st, id, err);

	if (rc == TL_ENOTFOUND)
		return tl_error_set(err, TL_EREFUSED, _("A private note is a "
				    "person's own, and you are no person in "
				    "tillit: %s"), err ? err->msg : "");
	return rc;
}

enum tl_status tl_store_private_target(struct tl_store *st, const char *on,
			      char id[TL_ID_LEN + 1], struct tl_error *err)
{
	char q[64];
	int found = 0;
	enum tl_kind kind = TL_K_NONE;

	for (size_t i = 0; i < NKINDS; i++) {
		char one[TL_ID_LEN + 1];
		enum tl_status rc = tl_store_resolve(st, kinds[i], on, one,
						     NULL);

		if (rc == TL_OK) {
			if (found++ == 0) {
				memcpy(id, one, sizeof(one));
				kind = kinds[i];
			}
		} else if (rc == TL_EAMBIG) {
			found += 2;
		} else if (rc != TL_ENOTFOUND) {
			return tl_store_resolve(st, kinds[i], on, one, err);
		}
	}
	if (found == 0)
		return tl_error_set(err, TL_ENOTFOUND, _("No person, meeting "
				    "or agenda item matches %s."),
				    tl_text_quote(on, 40, q, sizeof(q)));
	if (found > 1)
		return tl_error_set(err, TL_EAMBIG, _("More than one record "
				    "matches %s; give more of its id."),
				    tl_text_quote(on, 40, q, sizeof(q)));
	/* Only what the author may read (the get refuses the rest). */
	struct tl_record *r = NULL;
	enum tl_status rc = tl_store_get(st, kind, id, &r, err);

	tl_record_free(r);
	return rc;
}

enum tl_status tl_store_private_add(struct tl_store *st, const char *on,
				    const char *text,
				    char id[TL_ID_LEN + 1],
				    struct tl_error *err)
{
	struct tl_private_note n = {.text = (char *)text};
	enum tl_status rc;

	if (!text || !*text)
		return tl_error_set(err, TL_EUSAGE, _("A private note needs a "
				    "text."));
	if (strlen(text) > TL_PRIVATE_MAX)
		return tl_error_set(err, TL_EUSAGE, _("A private note holds at "
				    "most %d bytes."), TL_PRIVATE_MAX);
	if (!tl_utf8_valid(text, strlen(text)))
		return tl_error_set(err, TL_EUSAGE, _("The note is not valid "
				    "UTF-8 text."));
	if (!st->ops->private_add)
		return tl_error_set(err, TL_EREFUSED, _("This database keeps "
				    "no private notes."));
	rc = author(st, n.author, err);
	if (rc == TL_OK)
		rc = tl_store_private_target(st, on, n.on, err);
	if (rc != TL_OK)
		return rc;
	tl_id_new(n.id);
	tl_clock_stamp(n.written_at);
	rc = st->ops->private_add(st, &n, err);
	if (rc == TL_OK && id)
		memcpy(id, n.id, sizeof(n.id));
	return rc;
}

enum tl_status tl_store_private_list(struct tl_store *st, const char *on,
				     struct tl_private_note **notes, int *n,
				     struct tl_error *err)
{
	char me[TL_ID_LEN + 1];
	enum tl_status rc;

	*notes = NULL;
	*n = 0;
	if (!st->ops->private_list)
		return TL_OK;
	/* Nobody acting has none. */
	rc = tl_store_actor(st, me, NULL);
	if (rc == TL_ENOTFOUND)
		return TL_OK;
	if (rc != TL_OK)
		return tl_store_actor(st, me, err);
	return st->ops->private_list(st, me, on, notes, n, err);
}

enum tl_status tl_store_private_delete(struct tl_store *st, const char *id,
				       struct tl_error *err)
{
	char me[TL_ID_LEN + 1], q[64];
	struct tl_private_note *all = NULL;
	int n = 0, hit = -1, hits = 0;
	enum tl_status rc;

	if (!id || strlen(id) < 8)
		return tl_error_set(err, TL_EUSAGE, _("Give the note's id (8 "
				    "characters at least)."));
	rc = author(st, me, err);
	if (rc == TL_OK)
		rc = tl_store_private_list(st, NULL, &all, &n, err);
	for (int i = 0; rc == TL_OK && i < n; i++)
		if (!strncmp(all[i].id, id, strlen(id))) {
			hit = i;
			hits++;
		}
	if (rc == TL_OK && hits == 0)
		rc = tl_error_set(err, TL_ENOTFOUND, _("You have no private "
				  "note %s."), tl_text_quote(id, 40, q,
							     sizeof(q)));
	else if (rc == TL_OK && hits > 1)
		rc = tl_error_set(err, TL_EAMBIG, _("More than one of your "
				  "notes starts with %s."),
				  tl_text_quote(id, 40, q, sizeof(q)));
	else if (rc == TL_OK)
		rc = st->ops->private_delete(st, me, all[hit].id, err);
	tl_private_free(all, n);
	return rc;
}

void tl_private_free(struct tl_private_note *notes, int n)
{
	for (int i = 0; notes && i < n; i++)
		free(notes[i].text);
	free(notes);
}
