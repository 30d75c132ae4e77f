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
 * error.
 */
#include "sqlite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

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

/* "budget äldre" -> "\"budget\"* \"äldre\"*"; NULL when nothing to find. */
static char *fts_query(const char *in)
{
	size_t n = strlen(in);
	/*
	 * A word of L bytes becomes at most 2L + 4 (a space, quotes, '*' and
	 * every '"' doubled), and words are at least two bytes apart, so
	 * "a b c" grows to nearly 2.5 times and "\" \"" to 3: 4n + 8 is
	 * always enough.
	 */
	char *out = malloc(n * 4 + 8), *o = out;
	bool any = false;

	if (!out)
		return NULL;
	while (*in) {
		while (*in == ' ' || *in == '\t' || *in == '\n' || *in == '\r')
			in++;
		if (!*in)
			break;
		if (any)
			*o++ = ' ';
		*o++ = '"';
		while (*in && *in != ' ' && *in != '\t' && *in != '\n' &&
		       *in != '\r') {
			if (*in == '"')
				*o++ = '"';
			*o++ = *in++;
		}
		*o++ = '"';
		*o++ = '*';
		any = true;
	}
	*o = '\0';
	if (!any) {
		free(out);
		return NULL;
	}
	return out;
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
	char *match;

	*hits = NULL;
	*n = 0;
	if (limit <= 0)
		limit = 20;
	match = fts_query(query ? query : "");
	if (!match)
		return tl_error_set(err, TL_EINVAL,
				    _("Give a word to search for."));
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
