/*
 * present.c - how records are shown to people, the same in the command
 * line and the full-screen program: a reference as the referred record's
 * name (through a small cache in front of the store), a boolean as yes or
 * no, text made safe for a terminal and cut to its first line.
 */
#include "tillit/read/present.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/text.h"

void tl_refs_init(struct tl_refs *refs, struct tl_store *st)
{
	memset(refs, 0, sizeof(*refs));
	refs->st = st;
}

void tl_refs_done(struct tl_refs *refs)
{
	for (int i = 0; i < TL_REF_CACHE; i++) {
		free(refs->slot[i].title);
		refs->slot[i].title = NULL;
	}
}

/* A record's own title text (a reference title is not followed). */
static char *title_of(struct tl_refs *refs, const struct tl_record *r,
		      int depth);

const char *tl_refs_title(struct tl_refs *refs, enum tl_kind kind,
			   const char *id)
{
	struct tl_record *r = NULL;
	struct tl_error err;
	char *title = NULL;
	int i;

	for (i = 0; i < TL_REF_CACHE; i++) {
		if (refs->slot[i].title && refs->slot[i].kind == kind &&
		    !strcmp(refs->slot[i].id, id)) {
			/* Make it the newest, so that it outlives the next
			 * TL_REF_CACHE - 1 lookups (callers compare two). */
			int newest = (refs->next + TL_REF_CACHE - 1) %
				     TL_REF_CACHE;
			if (i != newest) {
				struct tl_ref_slot t = refs->slot[i];
				refs->slot[i] = refs->slot[newest];
				refs->slot[newest] = t;
			}
			return refs->slot[newest].title;
		}
	}
	if (refs->st &&
	    tl_store_get(refs->st, kind, id, &r, &err) == TL_OK) {
		title = title_of(refs, r, 1);
		tl_record_free(r);
	}
	if (!title) {
		title = malloc(TL_ID_SHORT + 1);
		if (!title)
			return "";
		snprintf(title, TL_ID_SHORT + 1, "%s", id);
	}
	i = refs->next;
	refs->next = (refs->next + 1) % TL_REF_CACHE;
	free(refs->slot[i].title);
	refs->slot[i].kind = kind;
	snprintf(refs->slot[i].id, sizeof(refs->slot[i].id), "%s", id);
	refs->slot[i].title = title;
	return title;
}

static char *title_of(struct tl_refs *refs, const struct tl_record *r,
		      int depth)
{
	const struct tl_field *f = &r->e->fields[r->e->title];
	const char *v = tl_record_get(r, r->e->title);
	char *line, *safe;

	if (!v)
		return strdup("");
	/* A participant's title is its person: show the name. */
	if (f->type == TL_FT_REF) {
		if (depth > 1)
			return strndup(v, TL_ID_SHORT);
		return strdup(tl_refs_title(refs, f->ref, v));
	}
	line = tl_text_first_line(v, 1024);
	if (!line)
		return NULL;
	/* A title cut short (a name under many combining marks takes many
	 * bytes a cell) says so, as a column cut to its width does. */
	if (strlen(line) < strcspn(v, "\r\n")) {
		char *more = realloc(line, strlen(line) + sizeof("…"));
		if (!more) {
			free(line);
			return NULL;
		}
		line = strcat(more, "…");
	}
	safe = tl_text_sanitize(line, false);
	free(line);
	return safe;
}

char *tl_present_title(struct tl_refs *refs, const struct tl_record *r)
{
	return title_of(refs, r, 0);
}

char *tl_present_field(struct tl_refs *refs, const struct tl_record *r,
			int i, bool multiline)
{
	const struct tl_field *f = &r->e->fields[i];
	const char *v = tl_record_get(r, i);
	char *line, *safe;

	if (!v)
		return strdup("");
	switch (f->type) {
	case TL_FT_REF:
		return strdup(tl_refs_title(refs, f->ref, v));
	case TL_FT_BOOL:
		return strdup(!strcmp(v, "1") ? _("yes") : _("no"));
	case TL_FT_LONGTEXT:
		if (multiline)
			return tl_text_sanitize(v, true);
		line = tl_text_first_line(v, 4096);
		if (!line)
			return NULL;
		safe = tl_text_sanitize(line, false);
		free(line);
		return safe;
	default:
		return tl_text_sanitize(v, false);
	}
}
