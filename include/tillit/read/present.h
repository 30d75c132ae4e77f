/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * present.h - how records are shown to people, shared by the command line
 * and the full-screen program.
 */
#ifndef TILLIT_PRESENT_H
#define TILLIT_PRESENT_H

#include <stdbool.h>

#include "tillit/core/model.h"
#include "tillit/store/store.h"

/*
 * The names of referred records, looked up once: a cache in front of
 * tl_store_get.  The TL_REF_CACHE most recent titles are handed out; a
 * table of more names, which grows with the names read up to
 * TL_REF_NAMES slots, keeps a long list from asking the store again for
 * each row (a list of a million follow-ups names a few thousand owners).
 */
#define TL_REF_CACHE 32
#define TL_REF_NAMES 16384

struct tl_ref_slot {
	enum tl_kind kind;
	char id[TL_ID_LEN + 1];
	char *title;
};

struct tl_refs {
	struct tl_store *st;
	struct tl_ref_slot slot[TL_REF_CACHE];
	int next;
	struct tl_ref_slot *names; /* cap of them, open addressing */
	size_t nnames, cap;        /* in use, and slots */
};

void tl_refs_init(struct tl_refs *refs, struct tl_store *st);
void tl_refs_done(struct tl_refs *refs);
/* The title (first line, sanitised) of record id of kind; the cache owns
 * it, and it stays valid for the next TL_REF_CACHE - 1 lookups (so two
 * titles can be compared).  The short id when the record cannot be read. */
const char *tl_refs_title(struct tl_refs *refs, enum tl_kind kind,
			   const char *id);

/* Reads the titles of every record of kind into the names at once: one
 * query instead of one a record, for a kind of few records (units) whose
 * titles a screen shows many of.  Nothing when it cannot read them. */
void tl_refs_preload(struct tl_refs *refs, enum tl_kind kind);

/* The title of a record as shown to people: its title field, or for a
 * reference the referred record's name; a new string (caller frees). */
char *tl_present_title(struct tl_refs *refs, const struct tl_record *r);

/*
 * A field's value for a table cell or a show line: a reference as the
 * referred name, a boolean as yes/no, text sanitised; one line unless
 * multiline.  A new string (caller frees); "" when unset.
 */
char *tl_present_field(struct tl_refs *refs, const struct tl_record *r,
			int i, bool multiline);

/* A stored number (TL_FT_NUMBER or TL_FT_AMOUNT's form) as the reader
 * writes it: digits grouped, their decimal mark, a minus kept; into out.
 */
void tl_present_number(const char *stored, char *out, size_t size);

#endif
