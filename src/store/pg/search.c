/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * search.c - the PostgreSQL engine's full-text search over every kind of
 * record (tsvector and GIN), as SQLite's (src/store/sqlite/search.c)
 * gives it: each word a prefix, all words in a record, the best hits of
 * every kind by rank, each with a snippet that brackets the matches.
 *
 * Each searchable kind (one with fields flagged TL_FF_SEARCH in model.c)
 * has a column `fts`, the tsvector of those fields, generated and stored
 * by the server (tl_search_vector(f1 || ' ' || coalesce(f2, '') ...)),
 * and a GIN index on it, <plural>_fts; tl_pg_migration_search below makes
 * them.  Stored, not an index on the expression alone: where a word is
 * common PostgreSQL finds the newest matches by walking the table from
 * its newest row and testing each (below), and a word common in the
 * statistics but rare among the newest rows (the name of a project of
 * years ago) can make that walk read the whole table.  Testing a stored
 * vector costs 0.4 us a row; making it again from the text 7.8 us, which
 * at 100,000 items was 0.8 s for one search.
 *
 * What the index holds: every word as written, under the `simple`
 * configuration (no stemming, no stop words), after tl_fold(): lower
 * case by ICU's Swedish rules (whatever the database's own locale), and
 * the accents Swedish does not count as letters of their own taken off
 * (é, è, ü, ç, ñ, ...; ø and æ read as ö and ä).  å, ä and ö stay: "får"
 * is not "far".  What a query asks: for each word, its stem under the
 * `swedish` configuration as a prefix, which finds the word as typed
 * too: "besluten" asks beslut*, and finds "beslut", "beslutet" and
 * "beslutsunderlag"; "budget" finds "budgeten".  A word that is only
 * stop words in Swedish ("och") is looked for as typed.  Stemming the
 * query and not the rows keeps the index to one tsvector a row: the
 * swedish and simple vectors together cost about two thirds more to
 * make, on every insert and in a bulk load, and would find
 * nothing this does not, since a Swedish stem is a prefix of its word
 * and every word is searched as a prefix.
 *
 * The unaccent extension is not used: its rules fold å, ä and ö too, and
 * rules of our own would have to be a file on the server.  A chain of
 * replace() behind one regular expression, which Swedish text rarely
 * matches, costs less than translate() and about as much as unaccent.
 *
 * The costs, measured on the generator's scale 1 (297,150 records,
 * 257,000 of them searchable; PostgreSQL 15 on two cores shared with
 * other work): the vector of a follow-up (58 characters on average)
 * takes 5.1 us (to_tsvector('simple') alone 3.3, the swedish and simple
 * vectors together 8.4).  Being stored, it is made as a row is written:
 * a COPY of the 100,000 items (66 characters to search on average) took
 * 1.1 s with the column and 0.27 s without, 8.5 us a row.  The ten GIN
 * indexes are then built from the stored vectors in 0.6 s (from the
 * text, 2.4 s); kept up while inserting they cost about 10 us a row.
 * Their pending lists (GIN's fast update) are kept to 256 kB: a search
 * reads the whole list, and at the default 4 MB that took 20 ms a search
 * (1.5 ms once merged), while writing every row straight into the index
 * (fastupdate off) costs 35 us a row.
 */
#include "pg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/search.h"

const char tl_pg_migration_search[] =
	"CREATE FUNCTION tl_fold(t text) RETURNS text\n"
	"LANGUAGE sql IMMUTABLE PARALLEL SAFE\n"
	"RETURN CASE WHEN t COLLATE \"C\" ~\n"
	"'[éèêëáàâüúóòôíïçñøæÉÈÊËÁÀÂÜÚÓÒÔÍÏÇÑØÆ]' THEN\n"
	"replace(replace(replace(replace(replace(replace(replace(replace(\n"
	"replace(replace(replace(replace(replace(replace(replace(replace(\n"
	"replace(replace(lower(t COLLATE \"sv-SE-x-icu\"),\n"
	"'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'á', 'a'), 'à', 'a'),\n"
	"'â', 'a'), 'ü', 'u'), 'ú', 'u'), 'ó', 'o'), 'ò', 'o'), 'ô', 'o'),\n"
	"'í', 'i'), 'ï', 'i'), 'ç', 'c'), 'ñ', 'n'), 'ø', 'ö'), 'æ', 'ä')\n"
	"ELSE lower(t COLLATE \"sv-SE-x-icu\") END;\n"
	"CREATE FUNCTION tl_search_vector(t text) RETURNS tsvector\n"
	"LANGUAGE sql IMMUTABLE PARALLEL SAFE\n"
	"RETURN to_tsvector('simple', tl_fold(t));\n"
	"ALTER TABLE units ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(name)) STORED;\n"
	"CREATE INDEX units_fts ON units USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE people ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(name || ' ' || coalesce(title, ''))) STORED;\n"
	"CREATE INDEX people_fts ON people USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE series ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(title || ' ' || coalesce(notes, ''))) STORED;\n"
	"CREATE INDEX series_fts ON series USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE meetings ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(title || ' ' || coalesce(notes, ''))) STORED;\n"
	"CREATE INDEX meetings_fts ON meetings USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE items ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(title || ' ' || coalesce(case_ref, '') || ' ' ||\n"
	"\tcoalesce(notes, '') || ' ' || coalesce(decision, ''))) STORED;\n"
	"CREATE INDEX items_fts ON items USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE mandates ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(matter || ' ' || coalesce(limits, '') || ' ' ||\n"
	"\tcoalesce(case_ref, ''))) STORED;\n"
	"CREATE INDEX mandates_fts ON mandates USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE decisions ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(summary || ' ' || coalesce(case_ref, '')))\n"
	"\tSTORED;\n"
	"CREATE INDEX decisions_fts ON decisions USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE frames ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(description || ' ' ||\n"
	"\tcoalesce(trust_factors, ''))) STORED;\n"
	"CREATE INDEX frames_fts ON frames USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE followups ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(text || ' ' || coalesce(outcome, ''))) STORED;\n"
	"CREATE INDEX followups_fts ON followups USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ALTER TABLE balances ADD COLUMN fts tsvector GENERATED ALWAYS AS\n"
	"\t(tl_search_vector(coalesce(comment, ''))) STORED;\n"
	"CREATE INDEX balances_fts ON balances USING gin (fts)\n"
	"\tWITH (gin_pending_list_limit = 256);\n"
	"ANALYZE units, people, series, meetings, items, mandates, decisions,\n"
	"\tframes, followups, balances;\n";

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
 * A word of the query as a quoted tsquery lexeme: '...' with ' and \
 * escaped, so that no character in it is tsquery syntax.  Bytes that are
 * not UTF-8 (which the server would refuse) become spaces.  Caller frees.
 */
static char *quote_word(const char *w, size_t len)
{
	char *out = malloc(2 * len + 3), *o = out;

	if (!out)
		return NULL;
	*o++ = '\'';
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)w[i];
		size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2
			 : c >= 0xE0 && c <= 0xEF ? 3
			 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		bool ok = n > 0 && i + n <= len;

		for (size_t j = 1; ok && j < n; j++)
			ok = ((unsigned char)w[i + j] & 0xC0) == 0x80;
		/* No overlong forms, surrogates or code points past U+10FFFF:
		 * the second byte's range, by the first. */
		if (ok && n > 2) {
			unsigned char d = (unsigned char)w[i + 1];
			ok = !(c == 0xE0 && d < 0xA0) &&
			     !(c == 0xED && d > 0x9F) &&
			     !(c == 0xF0 && d < 0x90) &&
			     !(c == 0xF4 && d > 0x8F);
		}
		if (!ok) {
			*o++ = ' ';
			i++;
			continue;
		}
		if (c == '\'' || c == '\\')
			*o++ = '\\';
		memcpy(o, w + i, n);
		o += n;
		i += n;
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

/*
 * The tsquery of the words (tl_search_words, the rule for every engine)
 * as its text, into *out (caller frees): every word a prefix, by its
 * Swedish stem ("besluten" asks beslut*), or as typed when Swedish
 * counts it a stop word ("och").  The stem is a prefix of the word, so
 * it finds what the word as typed finds, and the query asks it alone:
 * asking both would only double what the planner expects to find.  The
 * server parses each word as it parses the rows, so what it makes of
 * punctuation inside a word is the same on both sides ("e-post" is a
 * phrase of e-post, e and post).  *out is NULL when no word holds a
 * lexeme.
 */
static enum tl_status make_query(struct tl_store *st,
				 const struct tl_search_words *w, char **out,
				 struct tl_error *err)
{
	char *quoted[TL_SEARCH_MAX_WORDS] = {0};
	char sql[128 + TL_SEARCH_MAX_WORDS * 200];
	size_t len;
	enum tl_status rc = TL_OK;
	PGresult *res = NULL;

	*out = NULL;
	len = (size_t)snprintf(sql, sizeof(sql), "SELECT q::text, numnode(q) "
			       "FROM (SELECT ");
	for (int i = 0; i < w->n && len < sizeof(sql); i++) {
		quoted[i] = quote_word(w->word[i], w->len[i]);
		if (!quoted[i])
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					"%s(SELECT CASE WHEN numnode(sw) = 0 "
					"THEN si ELSE sw END FROM (SELECT "
					"to_tsquery('swedish', w) sw, "
					"to_tsquery('simple', w) si FROM "
					"(SELECT tl_fold($%d) || ':*' w) a) b)",
					i ? " && " : "", i + 1);
	}
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" AS q) s");
	if (rc == TL_OK && len >= sizeof(sql))
		rc = tl_error_set(err, TL_ESYS, _("The query is too long."));
	if (rc == TL_OK)
		res = tl_pg_run_once(st, sql, w->n,
				     (const char *const *)quoted,
				     N_("searching"), err);
	if (rc == TL_OK && !res)
		rc = err ? err->status : TL_EDB;
	if (res && atoi(PQgetvalue(res, 0, 1)) > 0) {
		*out = strdup(PQgetvalue(res, 0, 0));
		if (!*out)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	PQclear(res);
	for (int i = 0; i < w->n; i++)
		free(quoted[i]);
	return rc;
}

/*
 * Each index gives the SEARCH_NEWEST newest matches (seq order) with
 * their rank; the best `limit` of them all are shown, and only those are
 * read again for the title and the snippet.  Ranking every match instead
 * costs time in proportion to the hits, as on SQLite.
 *
 * How the newest matches are found is chosen here from what the newest
 * rows hold, not from the planner's estimate, which takes a word it has
 * no statistics for to be in 0.5 to 2 percent of the rows, and the
 * words of a query to occur independently: it walked the whole table
 * for a word in none of its rows (20,000 frames, 10 ms), and read and
 * sorted every match of a word in 16 percent of them (8 ms).
 *
 * First the WALK_FIRST newest rows are tested, newest first (0.3 ms): a
 * word in over 40 percent of the rows has its matches there, and the
 * others show their share d of the rows.  The rest are then found the
 * cheaper of two ways: walking on through the about need / d rows that
 * should hold the need matches still wanted, or reading from the index
 * every match below the rows tested, about d * n of the n rows left, and
 * sorting them.  A row tested costs about 0.7 us, a match read about as
 * much; so the walk is taken when need < d * d * n.  A rare word (none
 * in the first rows) is read from the index at once (0.05 ms at scale
 * 1), "bemanningen" (6.5 percent of 100,000 items) walks 2,600 rows.
 * A word common in old rows but rare in the newest (a project of years
 * ago) is the costly case: all its matches are read.
 */
#define SEARCH_NEWEST 200
#define WALK_FIRST 500
#define WALK_MAX 50000 /* the most rows one walk after the first tests */

struct ranked {
	long long seq;
	double rank;
	int k;           /* index into the searchable kinds */
};

/* By rank (best first), then kind, then seq: the order of ranking every
 * match, as SQLite's engine gives it. */
static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Where candidates() is in one kind's table. */
struct step {
	struct ranked **all;
	size_t *count, *cap;
	int k;
	int found;           /* matches so far */
	long long below;     /* the rows left are those with seq below */
	double left;         /* about how many rows are left */
	long tested;         /* rows tested so far */
	bool done;           /* no rows are left */
};

static enum tl_status add_match(struct step *sp, const PGresult *res, int i,
				struct tl_error *err)
{
	if (*sp->count == *sp->cap) {
		size_t c = *sp->cap ? *sp->cap * 2 : 64;
		struct ranked *p = realloc(*sp->all, c * sizeof(*p));
		if (!p)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		*sp->all = p;
		*sp->cap = c;
	}
	(*sp->all)[*sp->count].seq = strtoll(PQgetvalue(res, i, 1), NULL, 10);
	(*sp->all)[*sp->count].rank = strtod(PQgetvalue(res, i, 2), NULL);
	(*sp->all)[*sp->count].k = sp->k;
	(*sp->count)++;
	sp->found++;
	return TL_OK;
}

/*
 * One step: the newest matches below sp->below, by testing the `walk`
 * newest rows there, or (walk 0) from the index.  A walk's first row
 * says how many rows it tested, the lowest seq among them and how many
 * rows the table has (reltuples, -1 when never counted).
 */
static enum tl_status step(struct tl_store *st, const struct tl_entity *e,
			   const char *query, long walk, struct step *sp,
			   struct tl_error *err)
{
	char sql[800], below[24], want[16], rows[24];
	const char *params[4] = {query, below, want, rows};
	enum tl_status rc = TL_OK;
	PGresult *res;

	snprintf(below, sizeof(below), "%lld", sp->below);
	snprintf(want, sizeof(want), "%d", SEARCH_NEWEST - sp->found);
	snprintf(rows, sizeof(rows), "%ld", walk);
	if (walk && sp->left < 0)
		snprintf(sql, sizeof(sql), "SELECT 0, min(seq), count(*), "
			 "(SELECT reltuples FROM pg_class WHERE oid = "
			 "'%s'::regclass) FROM (SELECT seq FROM %s WHERE seq < "
			 "$2 ORDER BY seq DESC LIMIT $4) x UNION ALL (SELECT 1, "
			 "seq, ts_rank(fts, $1::tsquery, 1), 0 FROM (SELECT "
			 "seq, fts FROM %s WHERE seq < $2 ORDER BY seq DESC "
			 "LIMIT $4) w WHERE fts @@ $1::tsquery ORDER BY seq "
			 "DESC LIMIT $3)", e->plural, e->plural, e->plural);
	else if (walk)
		snprintf(sql, sizeof(sql), "SELECT 0, min(seq), count(*), 0 "
			 "FROM (SELECT seq FROM %s WHERE seq < $2 ORDER BY seq "
			 "DESC LIMIT $4) x UNION ALL (SELECT 1, seq, ts_rank("
			 "fts, $1::tsquery, 1), 0 FROM (SELECT seq, fts FROM %s "
			 "WHERE seq < $2 ORDER BY seq DESC LIMIT $4) w WHERE "
			 "fts @@ $1::tsquery ORDER BY seq DESC LIMIT $3)",
			 e->plural, e->plural);
	else
		/* "seq + 0" is in no index: the matches are read from the
		 * full-text index and sorted. */
		snprintf(sql, sizeof(sql), "SELECT 1, seq, ts_rank(fts, "
			 "$1::tsquery, 1) FROM (SELECT seq, fts FROM %s WHERE "
			 "fts @@ $1::tsquery AND seq < $2 ORDER BY seq + 0 "
			 "DESC LIMIT $3) s", e->plural);
	/* Prepared and kept: each shape has one plan whatever the words
	 * (the walk, or the full-text index), so planning it once a
	 * connection is enough. */
	res = tl_pg_run(st, sql, walk ? 4 : 3, params, N_("searching"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	sp->done = !walk;
	for (int i = 0; i < PQntuples(res) && rc == TL_OK; i++) {
		long tested;

		if (*PQgetvalue(res, i, 0) == '1') {
			rc = add_match(sp, res, i, err);
			continue;
		}
		/* Fewer rows than asked for: the table ends there. */
		tested = atol(PQgetvalue(res, i, 2));
		sp->tested += tested;
		sp->done = tested < walk;
		sp->below = strtoll(PQgetvalue(res, i, 1), NULL, 10);
		if (sp->left < 0)
			sp->left = strtod(PQgetvalue(res, i, 3), NULL);
		sp->left -= (double)tested;
	}
	PQclear(res);
	return rc;
}

/* The newest matches of one index, appended to *all. */
static enum tl_status candidates(struct tl_store *st, enum tl_kind kind,
				 int k, const char *query, struct ranked **all,
				 size_t *count, size_t *cap,
				 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct step sp = {.all = all, .count = count, .cap = cap, .k = k,
			  .below = INT64_MAX, .left = -1};
	enum tl_status rc;
	long walk = WALK_FIRST;

	for (;;) {
		double d, need, more;

		rc = step(st, e, query, walk, &sp, err);
		if (rc != TL_OK || sp.done || sp.found >= SEARCH_NEWEST)
			return rc;
		/* The share of matches among the rows tested so far. */
		d = (double)sp.found / (double)sp.tested;
		need = SEARCH_NEWEST - sp.found;
		if (sp.found == 0 || need >= d * d * sp.left)
			break;
		/* Half as many rows again as the share promises. */
		more = need / d * 1.5;
		walk = more < WALK_FIRST ? WALK_FIRST
		     : more > WALK_MAX ? WALK_MAX : (long)more;
	}
	return step(st, e, query, 0, &sp, err);
}

/* The markers ts_headline() puts round a match: private-use characters,
 * which stored text does not hold, so that they cannot be confused with
 * brackets in it. */
#define MARK_ON "\xee\x80\x80"  /* U+E000 */
#define MARK_OFF "\xee\x80\x81" /* U+E001 */
#define MARK_LEN 3

static bool is_start(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

/* Characters (UTF-8 sequences) in s[0..n). */
static size_t chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += is_start((unsigned char)s[i]);
	return c;
}

/* Byte offset of character number c of s (or its end). */
static size_t char_at(const char *s, size_t c)
{
	size_t i = 0;

	for (; s[i]; i++)
		if (is_start((unsigned char)s[i]) && c-- == 0)
			return i;
	return i;
}

/*
 * The snippet of one field: `head`, ts_headline() of the folded text
 * `folded` with markers round the matches, said again in the words of
 * `orig`, the text as stored: "…" where text was left out, "[" and "]"
 * round each match.  tl_fold() changes letters, never their number, so
 * the characters of the headline are those of the stored text at the
 * same place.  NULL when out of memory.
 */
static char *snippet(const char *orig, const char *folded, const char *head)
{
	size_t hl = strlen(head), pl = 0, nmark = 0;
	char *plain = malloc(hl + 1), *out, *o;
	size_t *mark = malloc((hl / MARK_LEN + 1) * sizeof(*mark));
	bool *on = malloc((hl / MARK_LEN + 1) * sizeof(*on));
	const char *at;

	if (!plain || !mark || !on) {
		free(plain);
		free(mark);
		free(on);
		return NULL;
	}
	/* The headline without its markers, and where they were (in
	 * characters of it). */
	for (size_t i = 0; i < hl;) {
		bool start = !strncmp(head + i, MARK_ON, MARK_LEN);
		if (start || !strncmp(head + i, MARK_OFF, MARK_LEN)) {
			mark[nmark] = chars(plain, pl);
			on[nmark++] = start;
			i += MARK_LEN;
		} else {
			plain[pl++] = head[i++];
		}
	}
	plain[pl] = '\0';
	at = strstr(folded, plain);
	out = malloc(2 * strlen("…") + strlen(orig) + hl + 1);
	if (out && (!at || chars(orig, strlen(orig)) !=
			       chars(folded, strlen(folded)))) {
		/* Not found again (a letter lower case makes two): the
		 * headline as it is, in lower case. */
		o = out;
		for (size_t i = 0, m = 0; i <= pl; i++) {
			if (is_start((unsigned char)plain[i]))
				while (m < nmark &&
				       mark[m] == chars(plain, i))
					*o++ = on[m++] ? '[' : ']';
			if (i < pl)
				*o++ = plain[i];
		}
		*o = '\0';
	} else if (out) {
		size_t c0 = chars(folded, (size_t)(at - folded));
		size_t n = chars(plain, pl), m = 0;
		const char *s = orig + char_at(orig, c0);
		const char *end = orig + char_at(orig, c0 + n);

		o = out;
		if (c0 > 0)
			o += sprintf(o, "…");
		for (size_t c = 0; s <= end; s++) {
			if (s == end || is_start((unsigned char)*s)) {
				while (m < nmark && mark[m] == c)
					*o++ = on[m++] ? '[' : ']';
				c++;
			}
			if (s < end)
				*o++ = *s;
		}
		if (*end)
			o += sprintf(o, "…");
		*o = '\0';
	}
	free(plain);
	free(mark);
	free(on);
	return out;
}

/*
 * The id, title and snippet of every chosen match of index k: chosen[i]
 * goes to hits[i] when chosen[i].k == k.  One statement for the kind:
 * each searchable field with its folded text and its headline (the
 * matches marked, about 12 words round them); the snippet is that of the
 * field with the most matches.
 */
static enum tl_status describe_kind(struct tl_store *st, enum tl_kind kind,
				    int k, const struct ranked *chosen,
				    size_t n, const char *query,
				    struct tl_hit *hits, struct tl_error *err)
{
	static const char opts[] = "StartSel=" MARK_ON ", StopSel=" MARK_OFF
				   ", MaxWords=12, MinWords=5, ShortWord=0, "
				   "MaxFragments=1";
	const struct tl_entity *e = tl_entity_get(kind);
	char sql[2048], *ids, *p;
	const char *params[3];
	size_t len, nk = 0;
	int nf = 0;
	PGresult *res;

	for (size_t i = 0; i < n; i++)
		nk += chosen[i].k == k;
	if (!nk)
		return TL_OK;
	/* The seqs as an array: 21 bytes a number at most. */
	ids = malloc(nk * 22 + 3);
	if (!ids)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	p = ids;
	*p++ = '{';
	for (size_t i = 0; i < n; i++)
		if (chosen[i].k == k)
			p += sprintf(p, "%s%lld", p > ids + 1 ? "," : "",
				     chosen[i].seq);
	strcpy(p, "}");
	len = (size_t)snprintf(sql, sizeof(sql), "SELECT seq, id, %s",
			       e->fields[e->title].name);
	for (int i = 0; i < e->nfields && len < sizeof(sql); i++) {
		const char *f = e->fields[i].name;
		if (!(e->fields[i].flags & TL_FF_SEARCH))
			continue;
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					", %s, tl_fold(%s), ts_headline("
					"'simple', tl_fold(%s), $2::tsquery, "
					"$3)", f, f, f);
		nf++;
	}
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					" FROM %s WHERE seq = "
					"ANY($1::bigint[])", e->plural);
	if (len >= sizeof(sql)) {
		free(ids);
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	}
	params[0] = ids;
	params[1] = query;
	params[2] = opts;
	res = tl_pg_run(st, sql, 3, params, N_("searching"), err);
	free(ids);
	if (!res)
		return err ? err->status : TL_EDB;
	for (int r = 0; r < PQntuples(res); r++) {
		long long seq = strtoll(PQgetvalue(res, r, 0), NULL, 10);
		int best = -1, most = 0;

		/* The field with the most matches, else the first with
		 * text. */
		for (int f = 0; f < nf; f++) {
			int c = 3 + 3 * f, marks = 0;
			if (PQgetisnull(res, r, c))
				continue;
			for (const char *m = PQgetvalue(res, r, c + 2);
			     (m = strstr(m, MARK_ON)) != NULL; m += MARK_LEN)
				marks++;
			if (best < 0 || marks > most) {
				best = c;
				most = marks;
			}
		}
		for (size_t i = 0; i < n; i++) {
			if (chosen[i].k != k || chosen[i].seq != seq)
				continue;
			hits[i].kind = e->kind;
			snprintf(hits[i].id, sizeof(hits[i].id), "%s",
				 PQgetvalue(res, r, 1));
			hits[i].title = strdup(PQgetvalue(res, r, 2));
			hits[i].snippet = best < 0 ? strdup("")
				: snippet(PQgetvalue(res, r, best),
					  PQgetvalue(res, r, best + 1),
					  PQgetvalue(res, r, best + 2));
			if (!hits[i].title || !hits[i].snippet) {
				PQclear(res);
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			}
		}
	}
	PQclear(res);
	/* A row gone meanwhile (outside a snapshot) is a hit with no
	 * words, as on SQLite. */
	for (size_t i = 0; i < n; i++) {
		if (chosen[i].k != k || hits[i].title)
			continue;
		hits[i].kind = e->kind;
		hits[i].title = strdup("");
		hits[i].snippet = strdup("");
		if (!hits[i].title || !hits[i].snippet)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	return TL_OK;
}

/*
 * The search runs in one snapshot, its own when the store has none open
 * (*own), with sequential scans off: a table whose words are few (the
 * generator's frames have 79) has no statistics of them, and the
 * planner would read every row to find a word it cannot place rather
 * than ask the index (20,000 frames: 11 ms against 0.05).  The setting
 * lasts till the end of the transaction, or till search_end() puts back
 * what it was (prev).
 */
static enum tl_status search_begin(struct tl_store *st, bool *own,
				   char prev[8], struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc = TL_OK;
	PGresult *res;

	*own = p->level == 0 && !p->reading;
	if (*own) {
		rc = tl_pg_exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ "
				"READ ONLY", N_("searching"), err);
		if (rc != TL_OK)
			return rc;
		p->reading = true;
	}
	res = tl_pg_run(st, "SELECT current_setting('enable_seqscan'), "
			"set_config('enable_seqscan', 'off', true)", 0, NULL,
			N_("searching"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	snprintf(prev, 8, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return TL_OK;
}

static void search_end(struct tl_store *st, bool own, const char *prev)
{
	struct tl_pg *p = tl_pg(st);

	tl_pg_settle(p);
	if (own) {
		/* Read only: ending it either way loses nothing. */
		PQclear(PQexec(p->conn, "COMMIT"));
		p->reading = false;
	} else if (PQtransactionStatus(p->conn) == PQTRANS_INTRANS) {
		PQclear(tl_pg_run(st, "SELECT set_config('enable_seqscan', "
				  "$1, true)", 1, &prev, N_("searching"),
				  NULL));
	}
}

enum tl_status tl_pg_search(struct tl_store *st, const char *query,
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
	char *tsq, prev[8] = "on";
	bool own = false;

	*hits = NULL;
	*n = 0;
	if (limit <= 0)
		limit = 20;
	rc = tl_search_words(query, &words, err);
	if (rc == TL_OK)
		rc = make_query(st, &words, &tsq, err);
	if (rc != TL_OK || !tsq)
		return rc; /* no word has a letter or digit: no hits */
	rc = search_begin(st, &own, prev, err);
	if (rc != TL_OK) {
		free(tsq);
		if (own)
			search_end(st, own, prev);
		return rc;
	}
	for (int k = 0; k < nk && rc == TL_OK; k++)
		rc = candidates(st, kinds[k], k, tsq, &all, &count, &cap,
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
		rc = describe_kind(st, kinds[k], k, all, keep, tsq, out, err);
	search_end(st, own, prev);
	free(tsq);
	free(all);
	if (rc != TL_OK) {
		tl_hits_free(out, (int)keep);
		return rc;
	}
	*hits = out;
	*n = (int)keep;
	return TL_OK;
}
