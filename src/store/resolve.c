/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * resolve.c - what a person typed, resolved to a record: an id's start,
 * the exact name, then for a kind looked up by name (model.h's
 * tl_entity_named) the name whatever its case and accents, whole and
 * then inside a word (collate.h's tl_text_fold), of the records the
 * viewer may read; and the same name matching for the pick-list
 * (tl_store_match_names).  The engine matches (backend.h's match);
 * what counts as a match, and who may see it, is decided here.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"
#include "backend.h"
#include "internal.h"

/* A record's name as it may appear in a message: one line, no controls. */
static char *safe_line(const char *s)
{
	char *line = tl_text_first_line(s ? s : "", 40);
	char *safe = line ? tl_text_sanitize(line, false) : NULL;

	free(line);
	return safe;
}

static bool is_hex_prefix(const char *s)
{
	if (!*s || strlen(s) > TL_ID_LEN)
		return false;
	for (; *s; s++)
		if (!strchr("0123456789abcdef-", *s))
			return false;
	return true;
}

/* What tl_store_resolve gathers: the first six ids, five named. */
struct matches {
	char ids[6][TL_ID_LEN + 1];
	char list[512];
	size_t len;
	int n;
	bool by_name; /* found by a folded name */
};

static void add_match(void *ctx, const char *id, const char *title)
{
	struct matches *m = ctx;

	if (m->n < 6)
		snprintf(m->ids[m->n], sizeof(m->ids[m->n]), "%s", id);
	if (m->n < 5) {
		char *line = safe_line(title);
		int w = snprintf(m->list + m->len, sizeof(m->list) - m->len,
				 "%s%.8s %s", m->n ? ", " : "", id,
				 line ? line : "");
		free(line);
		if (w > 0 && (size_t)w < sizeof(m->list) - m->len)
			m->len += (size_t)w;
	}
	m->n++;
}

static enum tl_status resolve(struct tl_store *st, const struct tl_entity *e,
			      const char *text, char out[TL_ID_LEN + 1],
			      struct tl_error *err);

/* Matches by a folded name, gathered before they are sorted out. */
#define FOLDED_MAX 50
struct gathered {
	char (*ids)[TL_ID_LEN + 1];
	char **titles;
	int n, cap;
	bool oom;
};

static void gather(void *ctx, const char *id, const char *title)
{
	struct gathered *g = ctx;

	if (g->n == g->cap)
		return;
	snprintf(g->ids[g->n], sizeof(g->ids[g->n]), "%s", id);
	g->titles[g->n] = strdup(title ? title : "");
	g->oom = g->oom || !g->titles[g->n];
	g->n++;
}

/*
 * Up to `limit` records whose folded title is or holds `folded` (as
 * `how` says), of those the viewer may read, each handed to fn: a name
 * matched from a part of it must not tell what another's dialogue is
 * called.  At most `limit` are looked at.
 */
static enum tl_status match_readable(struct tl_store *st, enum tl_kind kind,
				     enum tl_match how, const char *folded,
				     int limit, tl_match_fn fn, void *ctx,
				     struct tl_error *err)
{
	struct gathered g = {.cap = limit};
	enum tl_status rc = TL_OK;

	g.ids = malloc(sizeof(*g.ids) * (size_t)(limit > 0 ? limit : 1));
	g.titles = malloc(sizeof(*g.titles) * (size_t)(limit > 0 ? limit : 1));
	if (!g.ids || !g.titles)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = st->ops->match(st, kind, how, folded, limit, gather, &g,
				    err);
	if (rc == TL_OK && g.oom)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < g.n; i++) {
		bool ok = false;

		if (rc == TL_OK)
			rc = tl_access_may(st, kind, g.ids[i], TL_RIGHT_READ,
					   &ok, err);
		if (rc == TL_OK && ok)
			fn(ctx, g.ids[i], g.titles[i]);
		free(g.titles[i]);
	}
	free(g.ids);
	free(g.titles);
	return rc;
}

enum tl_status tl_store_match_names(struct tl_store *st, enum tl_kind kind,
				    const char *text, int limit,
				    tl_name_fn fn, void *ctx,
				    struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char *folded;
	enum tl_status rc;

	if (!e)
		return tl_error_set(err, TL_EINVAL,
				    _("No such kind of record."));
	if (!tl_entity_named(e))
		return tl_error_set(err, TL_EUSAGE, _("%s are not looked up by "
				    "name."), _(e->plural_label));
	folded = tl_text_fold(text, err);
	if (!folded)
		return err ? err->status : TL_ESYS;
	rc = match_readable(st, kind, TL_MATCH_INSIDE, folded, limit, fn,
			    ctx, err);
	free(folded);
	return rc;
}

enum tl_status tl_store_resolve(struct tl_store *st, enum tl_kind kind,
				const char *text, char out[TL_ID_LEN + 1],
				struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	enum tl_status rc;

	if (!e || !text || !*text)
		return tl_error_set(err, TL_EINVAL, _("Give a %s: an id or a "
				    "name."), e ? _(e->label) : _("record"));
	/* Names are stored composed (NFC); so is what was typed. */
	char *typed = tl_text_nfc_dup(text, err);
	if (!typed)
		return err ? err->status : TL_ESYS;
	rc = resolve(st, e, typed, out, err);
	free(typed);
	return rc;
}

static enum tl_status resolve(struct tl_store *st, const struct tl_entity *e,
			      const char *text, char out[TL_ID_LEN + 1],
			      struct tl_error *err)
{
	enum tl_kind kind = e->kind;
	struct matches m = {.n = 0};
	enum tl_status rc;
	int quoted;

	/* Ids are stored in lower case; people may type them in upper. */
	char lower[TL_ID_LEN + 1] = "";
	if (strlen(text) <= TL_ID_LEN) {
		size_t i = 0;
		for (; text[i]; i++)
			lower[i] = (char)(text[i] >= 'A' && text[i] <= 'F'
					  ? text[i] - 'A' + 'a' : text[i]);
		lower[i] = '\0';
	}
	/* An id's start, the exact name; then, for a kind looked up by
	 * name, the name whatever its case and accents, whole and then
	 * inside a word ("förvaltningen", "åsa öberg"). */
	char *folded = NULL;
	for (int how = TL_MATCH_ID; how <= TL_MATCH_INSIDE && m.n == 0;
	     how++) {
		const char *what = text;

		if (how == TL_MATCH_ID && !is_hex_prefix(lower))
			continue;
		if (how >= TL_MATCH_FOLDED && !tl_entity_named(e))
			break;
		if (how == TL_MATCH_ID)
			what = lower;
		if (how >= TL_MATCH_FOLDED && !folded &&
		    !(folded = tl_text_fold(text, err)))
			return err ? err->status : TL_ESYS;
		if (how >= TL_MATCH_FOLDED) {
			what = folded;
			m.by_name = true;
		}
		if (how >= TL_MATCH_FOLDED)
			rc = match_readable(st, kind, (enum tl_match)how, what,
					    FOLDED_MAX, add_match, &m, err);
		else
			rc = st->ops->match(st, kind, (enum tl_match)how,
					    what, 6, add_match, &m, err);
		if (rc != TL_OK) {
			free(folded);
			return rc;
		}
	}
	free(folded);
	if (m.n == 1) {
		memcpy(out, m.ids[0], TL_ID_LEN + 1);
		return TL_OK;
	}
	/* The text is quoted whole characters at a time. */
	quoted = (int)tl_utf8_prefix(text, 60);
	if (m.n == 0)
		return tl_error_set(err, TL_ENOTFOUND,
				    _("No %s matches \"%.*s\"."),
				    _(e->label), quoted, text);
	if (m.by_name)
		return tl_error_set(err, TL_EAMBIG,
				    m.n > 5 ? _("\"%.*s\" is in the names of "
					      "more than %d %s: %s; give "
					      "more of the name, or the id.")
					    : _("\"%.*s\" is in the names of %d "
					      "%s: %s; give more of the "
					      "name, or the id."),
				    quoted, text, m.n > 5 ? 5 : m.n,
				    _(e->plural_label), m.list);
	return tl_error_set(err, TL_EAMBIG,
			    m.n > 5 ? _("\"%.*s\" matches more than %d %s: %s; "
				      "give more of the id.")
				    : _("\"%.*s\" matches %d %s: %s; give more "
				      "of the id."),
			    quoted, text, m.n > 5 ? 5 : m.n,
			    _(e->plural_label), m.list);
}
