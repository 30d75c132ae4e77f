/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * list.c - the SQLite engine's lists, iterators and counts, and their
 * query plans: the query builder.
 *
 * A list is one SELECT put together from the query's filters and the
 * kind's sort field, paged by key: WHERE (sort, id) > (?, ?) ORDER BY
 * sort, id LIMIT n+1.  schema.c has an index for the sort field alone and
 * for each filter field followed by the sort field, so every page is a
 * range scan of an index, whatever the size of the table.
 *
 * An iterator runs the same SELECT without the LIMIT and steps it over
 * the whole range: what an export or a report reads from start to end,
 * with no re-seek a page and no copy of each value.
 *
 * Two filters are kept from choosing the index where it would read far
 * more rows than the page needs, whatever the clock says (a list shown on
 * a screen must cost the same before, inside and long after the dates in
 * the database): an open filter beside an owner (open_off_index), and a
 * date range on a column the list is not sorted by (list_built).
 */
#include "sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/date.h"
#include "tillit/core/i18n.h"

#define MAX_BINDS (16 + TL_QUERY_PARENTS)

struct built {
	char sql[8192];
	const char *bind[MAX_BINDS];
	const struct tl_field *bind_field[MAX_BINDS];
	int nbind;
	int limit;   /* rows to fetch, bound last; 0 for none (counts) */
	bool off_sort; /* a date range on a column that is not the sort */
	char today[TL_DATE_SIZE];
	/* The cursor's sort key, bound where bind_field is &sort_key. */
	unsigned char key[TL_SORT_KEY_MAX];
	size_t key_len;
};

/* Marks the bind of the cursor's sort key (sort.c), a BLOB. */
static const struct tl_field sort_key = {.name = "sort_key"};

static void add(struct built *b, const char *text)
{
	size_t len = strlen(b->sql);
	snprintf(b->sql + len, sizeof(b->sql) - len, "%s", text);
}

static void bind(struct built *b, const char *value,
		 const struct tl_field *f)
{
	if (b->nbind < MAX_BINDS) {
		b->bind[b->nbind] = value;
		b->bind_field[b->nbind] = f;
	}
	/* Counted even past the end, so that build() can refuse. */
	b->nbind++;
}

/* The sort expression: nullable fields sort last as '~'; a name sorts
 * by its key (sort.c); by_id lists sort by id alone. */
static void sort_expr(const struct tl_query *q, const struct tl_entity *e,
		      char *out, size_t size)
{
	const struct tl_field *f = &e->fields[e->sort];

	if (q->by_id)
		snprintf(out, size, "id");
	else if (tl_entity_sorts_by_name(e))
		snprintf(out, size, "sort_key");
	else if (f->flags & (TL_FF_REQUIRED | TL_FF_AUTO) || f->def)
		snprintf(out, size, "%s", f->name);
	else
		snprintf(out, size, "coalesce(%s,'~')", f->name);
}

static enum tl_status filter_on(const struct tl_entity *e, int field,
				const char *what, struct tl_error *err)
{
	if (field < 0)
		return tl_error_set(err, TL_EUSAGE,
				    _("%s cannot be filtered by %s."),
				    e->plural, what);
	return TL_OK;
}

static void add_eq(struct built *b, const struct tl_entity *e, int field,
		   const char *value)
{
	char tmp[128];
	snprintf(tmp, sizeof(tmp), " AND %s = ?", e->fields[field].name);
	add(b, tmp);
	bind(b, value, &e->fields[field]);
}

/* " AND field IN (?, ...)" of n values (at least one). */
static void add_in(struct built *b, const struct tl_entity *e, int field,
		   const char *const *values, int n)
{
	char tmp[128];

	snprintf(tmp, sizeof(tmp), " AND %s IN (", e->fields[field].name);
	add(b, tmp);
	for (int i = 0; i < n; i++) {
		add(b, i ? ", ?" : "?");
		bind(b, values[i], &e->fields[field]);
	}
	add(b, ")");
}

/*
 * " AND status IN (the open values)".  With `plus` the column is written
 * "+status", which keeps SQLite from serving the query by a status
 * index: a series' open follow-ups are few and found through its
 * meetings, while walking every open follow-up in due order to find
 * those of one series read most of the table at the large tier (about
 * 100 ms for each meeting opened in the full-screen program).
 */
static void add_open(struct built *b, const struct tl_entity *e, bool plus)
{
	char tmp[128];
	snprintf(tmp, sizeof(tmp), " AND %s%s IN (", plus ? "+" : "",
		 e->fields[e->status].name);
	add(b, tmp);
	for (int i = 0; e->open_values[i]; i++) {
		add(b, i ? ", ?" : "?");
		bind(b, e->open_values[i], NULL);
	}
	add(b, ")");
}

/*
 * Whether the open filter is kept from the index choice ("+status"): with
 * a series (above), or with an owner, whose records are few beside the
 * open ones of everyone.  Walking every open frame in order to find one
 * person's read 23,000 rows at the large tier (about 80 ms of the
 * Overview's start, at any date); the owner's index reads only theirs.
 * Follow-ups have an index on (owner, status, due) that serves both.
 * The same with a unit of the kind's own (the active mandates a committee
 * gave, for its Overview: 40 of 175 rows through the unit's index, but
 * 25,000 active ones of everyone walked through the status index, 50 ms
 * at the large tier), with a parent (a goal's indicators) or several,
 * and with a field's value (the mandates a person gave).
 */
static bool open_off_index(const struct tl_query *q)
{
	const struct tl_entity *e = tl_entity_get(q->kind);

	return q->series || q->parent || q->nparents || q->eq_value ||
	       (q->owner && q->kind != TL_K_FOLLOWUP) ||
	       (q->unit && e && e->unit >= 0);
}

/*
 * The column a date range is on: the sort expression when it is the sort
 * field; otherwise its name, written "+name" when `walk` so that SQLite
 * walks the sort order instead of the range (list_built).
 */
static const char *range_col(struct built *b, const struct tl_query *q,
			     const struct tl_entity *e, int field,
			     const char *sort, bool walk, char *out,
			     size_t size)
{
	if (field == e->sort && !q->by_id)
		return sort;
	b->off_sort = true;
	snprintf(out, size, "%s%s", walk ? "+" : "", e->fields[field].name);
	return out;
}

/*
 * A date range on a column the list is not sorted by (a mandate's
 * valid_until under "expiring within 30 days", the list sorted by
 * matter) has two plans: read the range through its index and sort it,
 * or walk the sort order and skip the rows outside the range.  The first
 * reads every row of the range, the second about the page's rows times
 * (rows walked / rows in the range); the range holds none before the
 * data's dates and every open mandate a year after them.  A count of the
 * range that stops at RANGE_SORT_MAX decides: fewer rows are sorted,
 * more are walked.  At the large tier "expiring within 30 days" holds
 * 844 of 25,812 active mandates inside the data's dates and 14,369 a
 * year after them: sorted, 10 to 200 ms; walked, about 200 rows.
 */
#define RANGE_SORT_MAX 256

/*
 * Builds the SQL for q: a list (rows), a count, a count that stops at
 * RANGE_SORT_MAX (M_PROBE), or EXPLAIN QUERY PLAN of the list.  walk:
 * see range_col.
 */
enum mode { M_LIST, M_EACH, M_COUNT, M_PROBE };

static enum tl_status build(const struct tl_query *q, const char *acc,
			    enum mode mode, int limit, bool walk,
			    struct built *b, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	char sort[96], tmp[256], col[96];
	enum tl_status rc = TL_OK;

	memset(b, 0, sizeof(*b));
	if (!e)
		return tl_error_set(err, TL_EINVAL,
				    _("No such kind of record."));
	sort_expr(q, e, sort, sizeof(sort));
	bool keyed = !q->by_id && tl_entity_sorts_by_name(e);
	if (mode == M_COUNT) {
		snprintf(b->sql, sizeof(b->sql),
			 "SELECT count(*) FROM %s WHERE 1", e->plural);
	} else if (mode == M_PROBE) {
		snprintf(b->sql, sizeof(b->sql),
			 "SELECT count(*) FROM (SELECT 1 FROM %s WHERE 1",
			 e->plural);
	} else {
		add(b, "SELECT id, created_at, updated_at");
		for (int i = 0; i < e->nfields; i++) {
			add(b, ", ");
			add(b, e->fields[i].name);
		}
		/* A page also needs the sort field, for the next cursor
		 * (the name itself where the list sorts by its key). */
		if (mode == M_LIST)
			snprintf(tmp, sizeof(tmp), ", %s FROM %s WHERE 1",
				 keyed ? e->fields[e->sort].name : sort,
				 e->plural);
		else
			snprintf(tmp, sizeof(tmp), " FROM %s WHERE 1",
				 e->plural);
		add(b, tmp);
	}
	/* Only what the acting person may read (tl_access_read_sql). */
	if (acc) {
		add(b, " AND ");
		add(b, acc);
	}
	if (q->owner && (rc = filter_on(e, e->owner, "owner", err)) == TL_OK)
		add_eq(b, e, e->owner, q->owner);
	if (rc == TL_OK && q->unit) {
		int meeting = tl_entity_field(e, "meeting");
		if (e->unit >= 0) {
			add_eq(b, e, e->unit, q->unit);
		} else if (e->owner >= 0) {
			/* A follow-up belongs to its owner's unit. */
			snprintf(tmp, sizeof(tmp), " AND %s IN (SELECT id FROM "
				 "people WHERE unit = ?)",
				 e->fields[e->owner].name);
			add(b, tmp);
			bind(b, q->unit, NULL);
		} else if (meeting >= 0) {
			/* An item belongs to its meeting's unit. */
			add(b, " AND meeting IN (SELECT id FROM meetings "
			       "WHERE unit = ?)");
			bind(b, q->unit, NULL);
		} else {
			rc = filter_on(e, -1, "unit", err);
		}
	}
	if (rc == TL_OK && q->kindv &&
	    (rc = filter_on(e, e->kindf, "kind", err)) == TL_OK)
		add_eq(b, e, e->kindf, q->kindv);
	if (rc == TL_OK && q->status &&
	    (rc = filter_on(e, e->status, "status", err)) == TL_OK)
		add_eq(b, e, e->status, q->status);
	if (rc == TL_OK && q->parent &&
	    (rc = filter_on(e, e->parent, "what it belongs to", err)) == TL_OK)
		add_eq(b, e, e->parent, q->parent);
	if (rc == TL_OK && q->eq_field && q->eq_value &&
	    (rc = filter_on(e, tl_entity_field(e, q->eq_field), q->eq_field,
			    err)) == TL_OK)
		add_eq(b, e, tl_entity_field(e, q->eq_field), q->eq_value);
	if (rc == TL_OK && q->nparents &&
	    (rc = filter_on(e, e->parent, "what it belongs to", err)) == TL_OK)
		add_in(b, e, e->parent, q->parents, q->nparents);
	if (rc == TL_OK && q->person) {
		if (e->kind != TL_K_MEETING)
			rc = filter_on(e, -1, "participant", err);
		else {
			add(b, " AND EXISTS (SELECT 1 FROM participants p "
			       "WHERE p.meeting = meetings.id AND "
			       "p.person = ?)");
			bind(b, q->person, NULL);
		}
	}
	if (rc == TL_OK && (q->open || q->overdue) &&
	    (rc = filter_on(e, e->status, "open", err)) == TL_OK &&
	    e->open_values)
		add_open(b, e, open_off_index(q));
	if (rc == TL_OK && q->due_before &&
	    (rc = filter_on(e, e->due, "due date", err)) == TL_OK) {
		snprintf(tmp, sizeof(tmp), " AND %s < ?",
			 range_col(b, q, e, e->due, sort, walk, col,
				   sizeof(col)));
		add(b, tmp);
		bind(b, q->due_before, NULL);
	}
	if (rc == TL_OK && q->overdue &&
	    (rc = filter_on(e, e->due, "due date", err)) == TL_OK) {
		tl_clock_today(b->today);
		snprintf(tmp, sizeof(tmp), " AND %s < ?",
			 range_col(b, q, e, e->due, sort, walk, col,
				   sizeof(col)));
		add(b, tmp);
		bind(b, b->today, NULL);
	}
	if (rc == TL_OK && (q->from || q->to)) {
		int when = tl_entity_date_field(e);
		if ((rc = filter_on(e, when, "date", err)) == TL_OK) {
			const char *c = range_col(b, q, e, when, sort, walk,
						  col, sizeof(col));
			if (q->from) {
				/* An undated record is not "from" any date. */
				snprintf(tmp, sizeof(tmp),
					 " AND %s >= ? AND %s IS NOT NULL", c,
					 when == e->sort ? e->fields[when].name
							 : c);
				add(b, tmp);
				bind(b, q->from, NULL);
			}
			if (q->to) {
				snprintf(tmp, sizeof(tmp), " AND %s < ?", c);
				add(b, tmp);
				bind(b, q->to, NULL);
			}
		}
	}
	if (rc == TL_OK && q->unacked) {
		if (e->kind != TL_K_FRAME)
			rc = filter_on(e, -1, "acknowledgement", err);
		else
			add(b, " AND acked_at IS NULL");
	}
	if (rc == TL_OK && q->series) {
		int m = tl_entity_field(e, "meeting");
		if ((rc = filter_on(e, m, "series", err)) == TL_OK) {
			add(b, " AND meeting IN (SELECT id FROM meetings "
			       "WHERE series = ?)");
			bind(b, q->series, NULL);
		}
	}
	if (rc == TL_OK && q->reported) {
		const struct tl_report_scope *r = q->reported;
		if (e->kind != TL_K_DECISION) {
			rc = filter_on(e, -1, "the meeting they are "
				       "reported to", err);
		} else if (r->unit[0]) {
			/* What the meeting claimed, and the unclaimed
			 * decisions of its committee that go to it (not one
			 * announced on its own). */
			add(b, " AND (reported_in = ? OR (reported_in IS NULL"
			       " AND announced_on IS NULL AND mandate IN (SELECT id FROM mandates "
			       "WHERE given_by_unit = ?) AND created_at >= ? "
			       "AND created_at < ?))");
			bind(b, r->meeting, NULL);
			bind(b, r->unit, NULL);
			bind(b, r->from, NULL);
			bind(b, r->to, NULL);
		} else {
			add(b, " AND reported_in = ?");
			bind(b, r->meeting, NULL);
		}
	}
	if (rc == TL_OK && mode == M_PROBE) {
		snprintf(tmp, sizeof(tmp), " LIMIT %d)", RANGE_SORT_MAX);
		add(b, tmp);
	}
	if (rc != TL_OK || mode == M_COUNT || mode == M_PROBE)
		return rc;
	bool desc = q->by_id ? q->reverse : e->sort_desc != q->reverse;
	const char *cmp = desc ? "<" : ">";
	const char *key = q->after && q->after->key ? q->after->key : "~";
	bool expr = strcmp(sort, e->fields[e->sort].name) != 0;
	if (q->after && q->after->id[0] && q->by_id) {
		snprintf(tmp, sizeof(tmp), " AND id %s ?", cmp);
		add(b, tmp);
		bind(b, q->after->id, NULL);
	} else if (q->after && q->after->id[0] && keyed) {
		unsigned char *k;
		size_t klen;

		rc = tl_collate_key(q->after->key, &k, &klen, err);
		if (rc != TL_OK)
			return rc;
		memcpy(b->key, k, klen);
		b->key_len = klen;
		free(k);
		snprintf(tmp, sizeof(tmp), " AND (sort_key, id) %s (?, ?)",
			 cmp);
		add(b, tmp);
		bind(b, NULL, &sort_key);
		bind(b, q->after->id, NULL);
	} else if (q->after && q->after->id[0] && expr) {
		/* SQLite seeks an index on an expression (coalesce) by a
		 * plain comparison but not by a row value: spelt out, a
		 * later page is a range of the index, not a scan from its
		 * start. */
		snprintf(tmp, sizeof(tmp), " AND %s %s= ? AND (%s %s ? OR "
			 "id %s ?)", sort, cmp, sort, cmp, cmp);
		add(b, tmp);
		bind(b, key, &e->fields[e->sort]);
		bind(b, key, &e->fields[e->sort]);
		bind(b, q->after->id, NULL);
	} else if (q->after && q->after->id[0]) {
		snprintf(tmp, sizeof(tmp), " AND (%s, id) %s (?, ?)", sort,
			 cmp);
		add(b, tmp);
		bind(b, key, &e->fields[e->sort]);
		bind(b, q->after->id, NULL);
	}
	/* The limit is bound, so that every page size shares one cached
	 * statement. */
	if (q->by_id)
		snprintf(tmp, sizeof(tmp), " ORDER BY id%s%s",
			 desc ? " DESC" : "", mode == M_LIST ? " LIMIT ?" : "");
	else
		snprintf(tmp, sizeof(tmp), " ORDER BY %s%s, id%s%s", sort,
			 desc ? " DESC" : "", desc ? " DESC" : "",
			 mode == M_LIST ? " LIMIT ?" : "");
	add(b, tmp);
	b->limit = mode == M_LIST ? limit + 1 : 0;
	if (strlen(b->sql) >= sizeof(b->sql) - 1)
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	return TL_OK;
}

static void bind_built(sqlite3_stmt *s, const struct built *b)
{
	if (b->limit > 0)
		sqlite3_bind_int(s, b->nbind + 1, b->limit);
	for (int i = 0; i < b->nbind; i++) {
		if (b->bind_field[i] == &sort_key)
			sqlite3_bind_blob(s, i + 1, b->key, (int)b->key_len,
					  SQLITE_TRANSIENT);
		else if (b->bind_field[i])
			tl_bind_value(s, i + 1, b->bind_field[i], b->bind[i]);
		else
			sqlite3_bind_text(s, i + 1, b->bind[i], -1,
					  SQLITE_TRANSIENT);
	}
}

static sqlite3_stmt *prepare_built(struct tl_store *st, const struct built *b,
				   const char *prefix, struct tl_error *err)
{
	char sql[8300];
	sqlite3_stmt *s;

	if (b->nbind > MAX_BINDS) {
		tl_error_set(err, TL_ESYS, _("The query is too long."));
		return NULL;
	}
	snprintf(sql, sizeof(sql), "%s%s", prefix, b->sql);
	s = tl_stmt(st, sql, err);
	if (s)
		bind_built(s, b);
	return s;
}


/* Counts the rows of q (mode M_COUNT or M_PROBE). */
static enum tl_status count_built(struct tl_store *st,
				  const struct tl_query *q, enum mode mode,
				  long *n, struct tl_error *err)
{
	struct built b;
	sqlite3_stmt *s;
	enum tl_status rc = build(q, tl_access_read_sql(st, q->kind), mode, 0, false, &b,
				   err);

	*n = 0;
	if (rc != TL_OK)
		return rc;
	s = prepare_built(st, &b, "", err);
	if (!s)
		return err ? err->status : TL_EDB;
	if (sqlite3_step(s) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	else
		rc = tl_db_error(st, err, N_("counting"));
	sqlite3_reset(s);
	return rc;
}

/* The SQL of a page of q, its plan chosen (RANGE_SORT_MAX). */
static enum tl_status list_built(struct tl_store *st,
				 const struct tl_query *q, int limit,
				 struct built *b, struct tl_error *err)
{
	enum tl_status rc = build(q, tl_access_read_sql(st, q->kind), M_LIST,
				   limit, false, b, err);
	long n = 0;

	if (rc != TL_OK || !b->off_sort)
		return rc;
	rc = count_built(st, q, M_PROBE, &n, err);
	if (rc != TL_OK || n < RANGE_SORT_MAX)
		return rc;
	return build(q, tl_access_read_sql(st, q->kind), M_LIST, limit, true,
		     b, err);
}

enum tl_status tl_sqlite_list(struct tl_store *st, const struct tl_query *q,
			      struct tl_page *page, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	int limit = tl_query_limit(q), rc;
	struct built b;
	sqlite3_stmt *s;
	enum tl_status status;

	memset(page, 0, sizeof(*page));
	status = list_built(st, q, limit, &b, err);
	if (status != TL_OK)
		return status;
	s = prepare_built(st, &b, "", err);
	if (!s)
		return err ? err->status : TL_EDB;
	page->recs = calloc((size_t)limit, sizeof(*page->recs));
	if (!page->recs) {
		sqlite3_reset(s);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (page->n == limit) {
			page->more = true;
			break;
		}
		/* Row layout: id, created, updated, fields..., sort key. */
		struct tl_record *r = tl_sqlite_row_record(s, e);
		if (!r) {
			/* A short page would read as the end of the list. */
			sqlite3_reset(s);
			tl_page_done(page);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
		page->recs[page->n++] = r;
		free(page->next.key);
		const char *key =
			(const char *)sqlite3_column_text(s, 3 + e->nfields);
		page->next.key = key ? strdup(key) : NULL;
		if (key && !page->next.key) {
			sqlite3_reset(s);
			tl_page_done(page);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
		memcpy(page->next.id, r->id, sizeof(page->next.id));
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		status = tl_db_error(st, err, N_("listing"));
		sqlite3_reset(s);
		tl_page_done(page);
		return status;
	}
	sqlite3_reset(s);
	if (!page->more) {
		free(page->next.key);
		page->next.key = NULL;
		page->next.id[0] = '\0';
	}
	return TL_OK;
}

struct sqlite_iter {
	struct tl_iter base;  /* its store */
	sqlite3_stmt *stmt;   /* the iterator's own, not the cache's */
	struct tl_record rec; /* values point into the current row */
	bool done;
};

enum tl_status tl_sqlite_iter_new(struct tl_store *st,
				  const struct tl_query *q,
				  struct tl_iter **out, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	struct sqlite_iter *it;
	struct built b;
	enum tl_status rc;

	*out = NULL;
	rc = build(q, tl_access_read_sql(st, q->kind), M_EACH, 0, false, &b,
		   err);
	if (rc != TL_OK)
		return rc;
	if (b.nbind > MAX_BINDS)
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	it = calloc(1, sizeof(*it));
	if (it)
		it->rec.values = calloc((size_t)e->nfields, sizeof(char *));
	if (!it || !it->rec.values) {
		free(it);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	it->base.st = st;
	it->rec.e = e;
	/* Not from the statement cache: a cached statement could be reset
	 * or dropped by another read while this one is half way. */
	if (sqlite3_prepare_v2(tl_sq(st)->db, b.sql, -1, &it->stmt, NULL) !=
	    SQLITE_OK) {
		rc = tl_db_error(st, err, N_("preparing a query"));
		tl_sqlite_iter_free(&it->base);
		return rc;
	}
	bind_built(it->stmt, &b);
	*out = &it->base;
	return TL_OK;
}

/* A column as text, NULL for SQL NULL and for "" (unset, as in a page). */
static const char *column(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return v && *v ? v : NULL;
}

/* Copies a short text column into a fixed field of the record. */
static void copy_fixed(char *dst, size_t size, sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	size_t n = v ? (size_t)sqlite3_column_bytes(s, i) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, v, n);
	dst[n] = '\0';
}

enum tl_status tl_sqlite_iter_next(struct tl_iter *base,
				   const struct tl_record **r,
				   struct tl_error *err)
{
	struct sqlite_iter *it = (struct sqlite_iter *)base;
	const struct tl_entity *e = it->rec.e;
	int rc;

	*r = NULL;
	if (it->done)
		return TL_OK;
	rc = sqlite3_step(it->stmt);
	if (rc == SQLITE_DONE) {
		it->done = true;
		sqlite3_reset(it->stmt);
		return TL_OK;
	}
	if (rc != SQLITE_ROW) {
		it->done = true;
		enum tl_status status = tl_db_error(it->base.st, err,
						    N_("listing"));
		sqlite3_reset(it->stmt);
		return status;
	}
	/* Row layout: id, created, updated, fields... */
	copy_fixed(it->rec.id, sizeof(it->rec.id), it->stmt, 0);
	copy_fixed(it->rec.created_at, sizeof(it->rec.created_at), it->stmt,
		   1);
	copy_fixed(it->rec.updated_at, sizeof(it->rec.updated_at), it->stmt,
		   2);
	for (int i = 0; i < e->nfields; i++)
		it->rec.values[i] = (char *)column(it->stmt, 3 + i);
	*r = &it->rec;
	return TL_OK;
}

void tl_sqlite_iter_free(struct tl_iter *base)
{
	struct sqlite_iter *it = (struct sqlite_iter *)base;

	if (!it)
		return;
	sqlite3_finalize(it->stmt);
	free(it->rec.values);
	free(it);
}

enum tl_status tl_sqlite_count(struct tl_store *st, const struct tl_query *q,
			       long *n, struct tl_error *err)
{
	return count_built(st, q, M_COUNT, n, err);
}

enum tl_status tl_sqlite_explain(struct tl_store *st,
				 const struct tl_query *q, char **plan,
				 struct tl_error *err)
{
	struct built b;
	sqlite3_stmt *s;
	enum tl_status rc = list_built(st, q, tl_query_limit(q), &b, err);
	size_t len = 0, cap = 0;
	char *out = NULL;

	*plan = NULL;
	if (rc != TL_OK)
		return rc;
	s = prepare_built(st, &b, "EXPLAIN QUERY PLAN ", err);
	if (!s)
		return err ? err->status : TL_EDB;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(s, 3);
		size_t n = strlen(d ? d : "");
		if (len + n + 2 > cap) {
			cap = (len + n + 2) * 2;
			char *p = realloc(out, cap);
			if (!p) {
				free(out);
				sqlite3_reset(s);
				return tl_error_set(err, TL_ESYS,
						    _("Out of memory."));
			}
			out = p;
		}
		memcpy(out + len, d ? d : "", n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_reset(s);
	*plan = out ? out : strdup("");
	return TL_OK;
}
