/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * search.c - the SQLite engine's full-text search over every kind of
 * record (FTS5).
 *
 * Each searchable kind (one with fields flagged TL_FF_SEARCH in model.c)
 * has an external-content FTS5 index of those fields, <plural>_fts, kept
 * current by triggers (schema.c; test_sqlite.c checks that the schema
 * and the model agree).  A query searches each index, and the hits are
 * merged by rank.  What the user typed is turned into quoted prefix
 * terms, so FTS5 syntax in it is taken literally and can never be an
 * error; core/search.c says how many words a query may hold and which of
 * them are searched.
 */
#include "sqlite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/search.h"

/* The kinds with searchable fields, in kind order, into out; how many. */
static int searchable_kinds(enum tl_kind out[TL_K_COUNT])
{
	int n = 0;

	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		for (int i = 0; i < e->nfields; i++) {
			if (e->fields[i].flags & TL_FF_SEARCH) {
				out[n++] = e->kind;
				break;
			}
		}
	}
	return n;
}

/*
 * The tokens of a query, at most: each takes a character and is cut from
 * the next by one.
 */
#define QUERY_TOKENS (TL_SEARCH_MAX_CHARS / 2 + 1)

/* The tokens of one word as the indexes read it (folded), or of the
 * whole query so far (`exact`: matched whole, not as a prefix). */
struct tokens {
	int n;
	char *tok[QUERY_TOKENS];
	bool exact[QUERY_TOKENS];
	bool failed;
};

static void tokens_done(struct tokens *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->tok[i]);
	t->n = 0;
}

static int on_token(void *ctx, int flags, const char *tok, int len,
		    int start, int end)
{
	struct tokens *t = ctx;

	(void)flags;
	(void)start;
	(void)end;
	if (t->n == QUERY_TOKENS)
		return SQLITE_OK;
	t->tok[t->n] = strndup(tok, (size_t)len);
	if (!t->tok[t->n]) {
		t->failed = true;
		return SQLITE_NOMEM;
	}
	t->n++;
	return SQLITE_OK;
}

/* Whether the query so far has tok: exactly, or as a prefix (matched
 * when a token it has starts with tok). */
static bool has(const struct tokens *q, const char *tok, bool exact)
{
	size_t len = strlen(tok);

	for (int i = 0; i < q->n; i++) {
		if (exact ? q->exact[i] && !strcmp(q->tok[i], tok)
			  : !strncmp(q->tok[i], tok, len))
			return true;
	}
	return false;
}

/* Appends "tok" (and '*' for a prefix) to *o, its '"' doubled. */
static void put_term(char **o, const char *tok, bool open, bool close,
		     bool prefix)
{
	if (open)
		*(*o)++ = ' ';
	*(*o)++ = open ? '"' : ' ';
	for (; *tok; tok++) {
		if (*tok == '"')
			*(*o)++ = '"';
		*(*o)++ = *tok;
	}
	if (close) {
		*(*o)++ = '"';
		if (prefix)
			*(*o)++ = '*';
	}
}

/*
 * Adds the tokens t of one word to the FTS5 query at *o and to q: a
 * phrase whose last token is a prefix, as the word was typed.  A token
 * the query has already (or a phrase that repeats a token) would only
 * make FTS5 read its list of records again, so such a word goes in as
 * its new tokens only, each on its own; a prefix that a token of the
 * query starts with adds nothing.  So each token is read once, and a
 * query costs at most about one reading of the indexes.
 */
static void add_word(struct tokens *q, struct tokens *t, char **o)
{
	bool phrase = t->n > 1 && q->n + t->n <= QUERY_TOKENS;

	for (int i = 0; phrase && i < t->n; i++) {
		for (int j = 0; j < q->n; j++)
			if (!strcmp(t->tok[i], q->tok[j]))
				phrase = false;
		for (int j = 0; j < i; j++)
			if (!strcmp(t->tok[i], t->tok[j]))
				phrase = false;
	}
	for (int i = 0; i < t->n; i++) {
		bool last = i == t->n - 1;

		/* (Bytes that are no character, which the limit does not
		 * count, can cut more tokens than it allows: those past
		 * QUERY_TOKENS are left out.) */
		if (q->n == QUERY_TOKENS ||
		    (!phrase && (last ? has(q, t->tok[i], false)
				      : has(q, t->tok[i], true)))) {
			free(t->tok[i]);
			continue;
		}
		put_term(o, t->tok[i], !phrase || i == 0, !phrase || last,
			 last);
		q->tok[q->n] = t->tok[i];
		q->exact[q->n] = !last;
		q->n++;
	}
	t->n = 0;
}

/*
 * The FTS5 query for the words of a query (tl_search_words, the rule for
 * every engine), into *out: each word read by the indexes' own tokenizer
 * and quoted, so that FTS5 syntax in it is taken literally: "budget
 * äldre" becomes "\"budget\"* \"äldre\"*".  *out is NULL when no word
 * holds a letter or digit.
 */
static enum tl_status fts_query(struct tl_store *st,
				const struct tl_search_words *w, char **out,
				struct tl_error *err)
{
	static const char *args[] = {"remove_diacritics", "0"};
	sqlite3 *db = tl_sq(st)->db;
	fts5_api *api = NULL;
	fts5_tokenizer tk;
	Fts5Tokenizer *tz = NULL;
	struct tokens q = {0}, t = {0};
	sqlite3_stmt *s;
	void *ud;
	size_t size = 1;
	char *o;
	int rc;

	*out = NULL;
	for (int i = 0; i < w->n; i++)
		size += 3 * w->len[i] + 4;
	/* The tokenizer of the indexes (schema.c), from FTS5 itself. */
	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
		sqlite3_finalize(s);
	}
	if (!api || api->xFindTokenizer(api, "unicode61", &ud, &tk) !=
		    SQLITE_OK || tk.xCreate(ud, args, 2, &tz) != SQLITE_OK)
		return tl_db_error(st, err, N_("searching"));
	/* A word of L bytes has at most L / 2 + 1 tokens, each written
	 * with a space, quotes and '*', and folding makes a character at
	 * most half as long again: 3.5L + 4 bytes, twice over. */
	size *= 2;
	*out = malloc(size);
	o = *out;
	for (int i = 0; *out && i < w->n && !t.failed; i++) {
		tk.xTokenize(tz, &t, FTS5_TOKENIZE_QUERY, w->word[i],
			     (int)w->len[i], on_token);
		if (!t.failed)
			add_word(&q, &t, &o);
	}
	tk.xDelete(tz);
	tokens_done(&t);
	if (!*out || t.failed) {
		tokens_done(&q);
		free(*out);
		*out = NULL;
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	*o = '\0';
	if (q.n == 0) {
		free(*out);
		*out = NULL;
	}
	tokens_done(&q);
	return TL_OK;
}

/*
 * Each index gives the SEARCH_NEWEST newest matches (rowid order, which
 * FTS5 walks without sorting) with their bm25 rank; the best `limit` of
 * them all are shown, and only those are joined to their table for the
 * title and the snippet.  Ranking every match instead costs time in
 * proportion to the hits: a common word in a database of ten years has
 * a hundred thousand, and the query took over a second.
 */
#define SEARCH_NEWEST 200

struct ranked {
	long long rowid;
	double rank;
	int k;           /* index into the searchable kinds */
};

/* By rank, then kind, then rowid: the order of ranking every match. */
static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

static char *dup_col(sqlite3_stmt *s, int col)
{
	const char *v = (const char *)sqlite3_column_text(s, col);
	return strdup(v ? v : "");
}

/* The newest matches of one index, appended to *all. */
static enum tl_status candidates(struct tl_store *st, enum tl_kind kind,
				 int k, const char *match, struct ranked **all,
				 size_t *count, size_t *cap,
				 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char sql[256];
	sqlite3_stmt *s;
	int step;

	snprintf(sql, sizeof(sql), "SELECT rowid, bm25(%s_fts) FROM %s_fts "
		 "WHERE %s_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
		 e->plural, e->plural, e->plural);
	s = tl_stmt(st, sql, err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, SEARCH_NEWEST);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (*count == *cap) {
			size_t c = *cap ? *cap * 2 : 64;
			struct ranked *p = realloc(*all, c * sizeof(*p));
			if (!p) {
				sqlite3_reset(s);
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			}
			*all = p;
			*cap = c;
		}
		(*all)[*count].rowid = sqlite3_column_int64(s, 0);
		(*all)[*count].rank = sqlite3_column_double(s, 1);
		(*all)[*count].k = k;
		(*count)++;
	}
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return tl_db_error(st, err, N_("searching"));
	return TL_OK;
}

/*
 * The id, title and snippet of every chosen match of index k: chosen[i]
 * goes to hits[i] when chosen[i].k == k.  The snippets of one index come
 * from one full-text query over the rowid range of its chosen matches
 * (at most SEARCH_NEWEST rows), since every evaluation of a query with
 * two or more prefix terms merges the whole doclist of each term: a
 * query for each hit took 20 ms apiece at the large tier.  The unary +
 * keeps the planner from handing the rowid list to FTS5 one rowid at a
 * time, which would evaluate the query once for each again.
 */
static enum tl_status describe_kind(struct tl_store *st, enum tl_kind kind,
				    int k, const struct ranked *chosen,
				    size_t n,
				    const char *match, struct tl_hit *hits,
				    struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	long long lo = 0, hi = 0;
	char sql[512], *ids = NULL, *p;
	size_t nk = 0;
	sqlite3_stmt *s;
	int step;

	for (size_t i = 0; i < n; i++) {
		if (chosen[i].k != k)
			continue;
		if (!nk || chosen[i].rowid < lo)
			lo = chosen[i].rowid;
		if (!nk || chosen[i].rowid > hi)
			hi = chosen[i].rowid;
		nk++;
	}
	if (!nk)
		return TL_OK;
	/* The rowids as a JSON array: 21 bytes a number at most. */
	ids = malloc(nk * 22 + 3);
	if (!ids)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	p = ids;
	*p++ = '[';
	for (size_t i = 0; i < n; i++)
		if (chosen[i].k == k)
			p += sprintf(p, "%s%lld", p > ids + 1 ? "," : "",
				     chosen[i].rowid);
	strcpy(p, "]");
	snprintf(sql, sizeof(sql),
		 "SELECT rowid, snippet(%s_fts, -1, '[', ']', '…', 12) "
		 "FROM %s_fts WHERE %s_fts MATCH ?1 "
		 "AND rowid BETWEEN ?2 AND ?3 "
		 "AND +rowid IN (SELECT value FROM json_each(?4))",
		 e->plural, e->plural, e->plural);
	s = tl_stmt(st, sql, err);
	if (!s) {
		free(ids);
		return err ? err->status : TL_EDB;
	}
	sqlite3_bind_text(s, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, lo);
	sqlite3_bind_int64(s, 3, hi);
	sqlite3_bind_text(s, 4, ids, -1, SQLITE_TRANSIENT);
	free(ids);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		long long rowid = sqlite3_column_int64(s, 0);

		for (size_t i = 0; i < n; i++) {
			if (chosen[i].k != k || chosen[i].rowid != rowid ||
			    hits[i].snippet)
				continue;
			hits[i].snippet = dup_col(s, 1);
			if (!hits[i].snippet) {
				sqlite3_reset(s);
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			}
		}
	}
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return tl_db_error(st, err, N_("searching"));

	snprintf(sql, sizeof(sql), "SELECT id, %s FROM %s WHERE seq = ?",
		 e->fields[e->title].name, e->plural);
	s = tl_stmt(st, sql, err);
	if (!s)
		return err ? err->status : TL_EDB;
	for (size_t i = 0; i < n; i++) {
		if (chosen[i].k != k)
			continue;
		hits[i].kind = e->kind;
		sqlite3_bind_int64(s, 1, chosen[i].rowid);
		step = sqlite3_step(s);
		if (step == SQLITE_ROW) {
			snprintf(hits[i].id, sizeof(hits[i].id), "%s",
				 (const char *)sqlite3_column_text(s, 0));
			hits[i].title = dup_col(s, 1);
		}
		sqlite3_reset(s);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return tl_db_error(st, err, N_("searching"));
		if (!hits[i].title)
			hits[i].title = strdup("");
		if (!hits[i].snippet)
			hits[i].snippet = strdup("");
		if (!hits[i].title || !hits[i].snippet)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	return TL_OK;
}

enum tl_status tl_sqlite_search(struct tl_store *st, const char *query,
				int limit, struct tl_hit **hits, int *n,
				struct tl_error *err)
{
	enum tl_kind kinds[TL_K_COUNT];
	int nk = searchable_kinds(kinds);
	struct ranked *all = NULL;
	size_t count = 0, cap = 0, keep = 0;
	struct tl_hit *out = NULL;
	enum tl_status rc = TL_OK;
	struct tl_search_words words;
	char *match;

	*hits = NULL;
	*n = 0;
	if (limit <= 0)
		limit = 20;
	rc = tl_search_words(query, &words, err);
	if (rc == TL_OK)
		rc = fts_query(st, &words, &match, err);
	if (rc != TL_OK || !match)
		return rc; /* no word has a letter or digit: no hits */
	for (int k = 0; k < nk && rc == TL_OK; k++)
		rc = candidates(st, kinds[k], k, match, &all, &count, &cap,
				err);
	if (rc == TL_OK && count > 1)
		qsort(all, count, sizeof(*all), by_rank);
	keep = count < (size_t)limit ? count : (size_t)limit;
	if (rc == TL_OK && keep > 0) {
		out = calloc(keep, sizeof(*out));
		if (!out)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	for (int k = 0; rc == TL_OK && keep > 0 && k < nk; k++)
		rc = describe_kind(st, kinds[k], k, all, keep, match, out,
				   err);
	free(match);
	free(all);
	if (rc != TL_OK) {
		tl_hits_free(out, (int)keep);
		return rc;
	}
	*hits = out;
	*n = (int)keep;
	return TL_OK;
}
