/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * present.c - how records are shown to people, the same in the command
 * line and the full-screen program: a reference as the referred record's
 * name (through a cache in front of the store), a boolean as yes or no,
 * text made safe for a terminal and cut to its first line.
 */
#include "tillit/read/present.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
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

/* The names table's first size, which doubles up to TL_REF_NAMES. */
#define NAMES_FIRST 256

/* Empties the names table (it keeps its memory). */
static void names_clear(struct tl_refs *refs)
{
	for (size_t i = 0; refs->nnames > 0 && i < refs->cap; i++) {
		free(refs->names[i].title);
		refs->names[i].title = NULL;
	}
	refs->nnames = 0;
}

void tl_refs_done(struct tl_refs *refs)
{
	for (int i = 0; i < TL_REF_CACHE; i++) {
		free(refs->slot[i].title);
		refs->slot[i].title = NULL;
	}
	names_clear(refs);
	free(refs->names);
	refs->names = NULL;
	refs->cap = 0;
}

/*
 * The names table is open addressing on a hash of kind and id, kept at
 * most three quarters full: it doubles while it may, and is emptied whole
 * at TL_REF_NAMES slots, so that a lookup stays a few probes and its
 * memory bounded whatever a list refers to.
 */
static uint32_t name_hash(enum tl_kind kind, const char *id)
{
	uint32_t h = 2166136261u ^ (uint32_t)kind;

	for (const char *p = id; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

/* The slot in names[cap] that holds (kind, id), or the empty one where it
 * would go. */
static struct tl_ref_slot *slot_in(struct tl_ref_slot *names, size_t cap,
				   enum tl_kind kind, const char *id)
{
	size_t i = name_hash(kind, id) & (cap - 1);

	while (names[i].title &&
	       (names[i].kind != kind || strcmp(names[i].id, id)))
		i = (i + 1) & (cap - 1);
	return &names[i];
}

/* As slot_in for the table; NULL without one or for too long an id. */
static struct tl_ref_slot *name_slot(struct tl_refs *refs,
				     enum tl_kind kind, const char *id)
{
	if (!refs->names || strlen(id) > TL_ID_LEN)
		return NULL;
	return slot_in(refs->names, refs->cap, kind, id);
}

/* Room for one more name: the table made, doubled or emptied. */
static void names_room(struct tl_refs *refs)
{
	struct tl_ref_slot *bigger;
	size_t cap;

	if (refs->names && refs->nnames < refs->cap / 4 * 3)
		return;
	if (refs->cap >= TL_REF_NAMES) {
		names_clear(refs);
		return;
	}
	cap = refs->cap ? refs->cap * 2 : NAMES_FIRST;
	bigger = calloc(cap, sizeof(*bigger));
	if (!bigger)
		return;
	for (size_t i = 0; i < refs->cap; i++)
		if (refs->names[i].title)
			*slot_in(bigger, cap, refs->names[i].kind,
				 refs->names[i].id) = refs->names[i];
	free(refs->names);
	refs->names = bigger;
	refs->cap = cap;
}

/* Keeps a copy of title as the name of (kind, id); nothing if no memory. */
static void name_keep(struct tl_refs *refs, enum tl_kind kind,
		      const char *id, const char *title)
{
	struct tl_ref_slot *s;

	names_room(refs);
	s = name_slot(refs, kind, id);
	if (!s || s->title || refs->nnames >= refs->cap / 4 * 3)
		return;
	s->title = strdup(title);
	if (!s->title)
		return;
	s->kind = kind;
	snprintf(s->id, sizeof(s->id), "%s", id);
	refs->nnames++;
}

/* A record's own title text (a reference title is not followed). */
static char *title_of(struct tl_refs *refs, const struct tl_record *r,
		      int depth);

void tl_refs_preload(struct tl_refs *refs, enum tl_kind kind)
{
	struct tl_query q = {.kind = kind};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	struct tl_error err;

	if (!refs->st || tl_store_iter_new(refs->st, &q, &it, &err) != TL_OK)
		return;
	while (tl_store_iter_next(it, &r, &err) == TL_OK && r) {
		struct tl_ref_slot *named = name_slot(refs, kind, r->id);
		char *title;

		if (named && named->title)
			continue;
		if ((title = title_of(refs, r, 1))) {
			name_keep(refs, kind, r->id, title);
			free(title);
		}
	}
	tl_store_iter_free(it);
}

const char *tl_refs_title(struct tl_refs *refs, enum tl_kind kind,
			   const char *id)
{
	struct tl_ref_slot *named;
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
	named = name_slot(refs, kind, id);
	if (named && named->title) {
		title = strdup(named->title);
		if (!title)
			return "";
	} else if (refs->st) {
		if (tl_store_get(refs->st, kind, id, &r, &err) == TL_OK) {
			title = title_of(refs, r, 1);
			tl_record_free(r);
		}
		if (title)
			name_keep(refs, kind, id, title);
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

/*
 * The digit grouping and decimal mark of the reader's LC_NUMERIC locale
 * (as the environment names it; the program's own stays "C", so that
 * what it writes for machines keeps a point): U+202F and "," under
 * sv_SE.UTF-8, "," and "." under en_US.UTF-8, none and "." under C.
 */
static void numeric_marks(const char **sep, const char **radix)
{
	static char s[8], d[8] = ".";
	static bool known;

	if (!known) {
		locale_t loc = newlocale(LC_NUMERIC_MASK, "", (locale_t)0);

		known = true;
		if (loc) {
			snprintf(s, sizeof(s), "%s", nl_langinfo_l(THOUSEP,
								   loc));
			snprintf(d, sizeof(d), "%s", nl_langinfo_l(RADIXCHAR,
								   loc));
			if (!d[0])
				snprintf(d, sizeof(d), ".");
			freelocale(loc);
		}
	}
	*sep = s;
	*radix = d;
}

/* An amount as stored ("250000.5") as the reader writes it ("250 000,50"
 * in Swedish): its whole part in groups of three, two decimals when it
 * has any.  NULL out of memory. */
static char *present_amount(const char *v, bool cents)
{
	const char *sep, *radix, *point = strchr(v, '.');
	size_t whole = point ? (size_t)(point - v) : strlen(v);
	size_t size = whole * (1 + 8) + 16;
	char *out = malloc(size), *o = out;

	if (!out)
		return NULL;
	numeric_marks(&sep, &radix);
	for (size_t i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0) {
			memcpy(o, sep, strlen(sep));
			o += strlen(sep);
		}
		*o++ = v[i];
	}
	if (point) {
		memcpy(o, radix, strlen(radix));
		o += strlen(radix);
		if (cents) {
			/* "250000.5" is 250 000 and 50 öre. */
			*o++ = point[1] ? point[1] : '0';
			*o++ = point[1] && point[2] ? point[2] : '0';
		} else {
			/* A number's decimals as they were given. */
			size_t n = strlen(point + 1);
			memcpy(o, point + 1, n);
			o += n;
		}
	}
	*o = '\0';
	return out;
}

void tl_present_number(const char *stored, char *out, size_t size)
{
	const char *d = stored + (stored[0] == '-');
	size_t n = strspn(d, "0123456789.");
	char *a = NULL, *safe;

	/* Only what validation stores: digits, one point, a minus. */
	if (n == strlen(d) && n > 0 && isdigit((unsigned char)d[0]) &&
	    (a = present_amount(d, false)) != NULL) {
		snprintf(out, size, "%s%s", d != stored ? "-" : "", a);
		free(a);
		return;
	}
	safe = tl_text_sanitize(stored, false);
	snprintf(out, size, "%s", safe ? safe : "");
	free(safe);
}

/* A meeting's dropped offers as people read them: the titles of the
 * mandates and executions, "; " between. */
static char *present_dropped(struct tl_refs *refs, const char *v)
{
	char *copy = strdup(v), *save = NULL, *out = NULL, *safe;
	size_t size = 0;
	FILE *f = copy ? open_memstream(&out, &size) : NULL;
	bool first = true;

	if (!f) {
		free(copy);
		return NULL;
	}
	for (char *id = strtok_r(copy, " ", &save); id;
	     id = strtok_r(NULL, " ", &save), first = false) {
		const char *t = tl_refs_title(refs, TL_K_MANDATE, id);

		/* Not a mandate's: its short id came back. */
		if (strlen(t) == TL_ID_SHORT && !strncmp(t, id, TL_ID_SHORT))
			t = tl_refs_title(refs, TL_K_EXECUTION, id);
		fprintf(f, "%s%s", first ? "" : "; ", t);
	}
	free(copy);
	if (fclose(f) != 0 || !out) {
		free(out);
		return NULL;
	}
	safe = tl_text_sanitize(out, false);
	free(out);
	return safe;
}

char *tl_present_field(struct tl_refs *refs, const struct tl_record *r,
			int i, bool multiline)
{
	const struct tl_field *f = &r->e->fields[i];
	const char *v = tl_record_get(r, i);
	char *line, *safe;

	if (!v)
		return strdup("");
	if (r->e->kind == TL_K_MEETING && i == TL_MEETING_DROPPED)
		return present_dropped(refs, v);
	switch (f->type) {
	case TL_FT_REF:
		return strdup(tl_refs_title(refs, f->ref, v));
	case TL_FT_BOOL:
		return strdup(!strcmp(v, "1") ? _("yes") : _("no"));
	case TL_FT_ENUM:
		/* A choice in the reader's language ("medarbetarsamtal" for
		 * one_to_one); a value no choice has, as stored. */
		if (tl_field_choice_ok(f, v))
			return strdup(_(v));
		return tl_text_sanitize(v, false);
	case TL_FT_AMOUNT:
		/* Only what validation stores: digits and one point. */
		if (strspn(v, "0123456789.") == strlen(v) &&
		    isdigit((unsigned char)v[0]))
			return present_amount(v, true);
		return tl_text_sanitize(v, false);
	case TL_FT_NUMBER: {
		char num[80];

		tl_present_number(v, num, sizeof(num));
		return strdup(num);
	}
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
