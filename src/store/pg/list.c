/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * list.c - the PostgreSQL engine's lists, iterators and counts, and their
 * query plans: the query builder, as SQLite's (src/store/sqlite/list.c)
 * gives the same rows in the same order.
 *
 * A list is one SELECT put together from the query's filters and the
 * kind's sort field, paged by key: WHERE (sort, id) > ($n, $m) ORDER BY
 * sort, id LIMIT k+1.  schema.c has an index for the sort field alone and
 * for each filter field followed by the sort field, so that every page is
 * a range scan of an index, whatever the size of the table.  The names
 * and titles lists sort by are in Swedish order (their columns' ICU
 * collation), and so are the comparisons of a cursor with them: ORDER BY
 * and the row comparison both take the column's collation.
 *
 * Each statement is planned with its values (an unnamed statement, not a
 * prepared one kept by its text): a generic plan would choose an index
 * without knowing whether an owner has ten rows or a date range holds
 * none or every row, which SQLite's engine works around with hints and a
 * probe (RANGE_SORT_MAX there).  PostgreSQL's statistics make that
 * choice here, at a cost of well under a millisecond of planning.
 *
 * An iterator is a server-side cursor over the same SELECT without the
 * LIMIT, fetched in batches: what an export or a report reads from start
 * to end, without holding the whole result, while the store serves other
 * reads between the batches.  A cursor lives in a transaction; outside
 * one the iterator opens a read snapshot of its own (REPEATABLE READ,
 * READ ONLY) and ends it when the last iterator in it is freed.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"

#define MAX_BINDS (16 + TL_QUERY_PARENTS)

/* The rows an iterator fetches first, and the most it fetches at once:
 * a list on a screen wants its first rows soon, an export wants few
 * round trips. */
#define FETCH_FIRST 64
#define FETCH_MAX 2048

struct built {
	char sql[8192];
	const char *bind[MAX_BINDS + 1]; /* + the limit */
	int nbind;
	char limit[16]; /* rows to fetch, the last parameter; "" for none */
	char today[TL_DATE_SIZE];
};

static void add(struct built *b, const char *text)
{
	size_t len = strlen(b->sql);
	snprintf(b->sql + len, sizeof(b->sql) - len, "%s", text);
}

/* Binds value as the next parameter; its number ($n). */
static int bind(struct built *b, const char *value)
{
	if (b->nbind < MAX_BINDS)
		b->bind[b->nbind] = value;
	/* Counted even past the end, so that build() can refuse. */
	return ++b->nbind;
}

/* The sort expression: nullable fields sort last as '~' (as the indexes
 * of schema.c have it); by_id lists sort by id alone. */
static void sort_expr(const struct tl_query *q, const struct tl_entity *e,
		      char *out, size_t size)
{
	const struct tl_field *f = &e->fields[e->sort];

	if (q->by_id)
		snprintf(out, size, "id");
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
	int n = bind(b, value);

	snprintf(tmp, sizeof(tmp), " AND %s = $%d", e->fields[field].name, n);
	add(b, tmp);
}

/* " AND field IN ($n, ...)" of n values (at least one). */
static void add_in(struct built *b, const struct tl_entity *e, int field,
		   const char *const *values, int n)
{
	char tmp[128];

	snprintf(tmp, sizeof(tmp), " AND %s IN (", e->fields[field].name);
	add(b, tmp);
	for (int i = 0; i < n; i++) {
		snprintf(tmp, sizeof(tmp), "%s$%d", i ? ", " : "",
			 bind(b, values[i]));
		add(b, tmp);
	}
	add(b, ")");
}

/* " AND status IN (the open values)". */
static void add_open(struct built *b, const struct tl_entity *e)
{
	char tmp[128];

	snprintf(tmp, sizeof(tmp), " AND %s IN (", e->fields[e->status].name);
	add(b, tmp);
	for (int i = 0; e->open_values[i]; i++) {
		snprintf(tmp, sizeof(tmp), "%s$%d", i ? ", " : "",
			 bind(b, e->open_values[i]));
		add(b, tmp);
	}
	add(b, ")");
}

/* " AND <col> <op> $n": col is the sort expression when field is the
 * sort field (so that the sort index serves it), else its column. */
static void add_cmp(struct built *b, const struct tl_query *q,
		    const struct tl_entity *e, int field, const char *sort,
		    const char *op, const char *value)
{
	char tmp[160];
	int n = bind(b, value);

	snprintf(tmp, sizeof(tmp), " AND %s %s $%d",
		 field == e->sort && !q->by_id ? sort : e->fields[field].name,
		 op, n);
	add(b, tmp);
}

/* The filters of q after "WHERE true". */
static enum tl_status add_filters(const struct tl_query *q,
				  const struct tl_entity *e, const char *sort,
				  struct built *b, struct tl_error *err)
{
	enum tl_status rc = TL_OK;
	char tmp[256];

	if (q->owner && (rc = filter_on(e, e->owner, "owner", err)) == TL_OK)
		add_eq(b, e, e->owner, q->owner);
	if (rc == TL_OK && q->unit) {
		int meeting = tl_entity_field(e, "meeting");
		if (e->unit >= 0) {
			add_eq(b, e, e->unit, q->unit);
		} else if (e->owner >= 0) {
			/* A follow-up belongs to its owner's unit. */
			snprintf(tmp, sizeof(tmp), " AND %s IN (SELECT id FROM "
				 "people WHERE unit = $%d)",
				 e->fields[e->owner].name, bind(b, q->unit));
			add(b, tmp);
		} else if (meeting >= 0) {
			/* An item belongs to its meeting's unit. */
			snprintf(tmp, sizeof(tmp), " AND meeting IN (SELECT id "
				 "FROM meetings WHERE unit = $%d)",
				 bind(b, q->unit));
			add(b, tmp);
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
		if (e->kind != TL_K_MEETING) {
			rc = filter_on(e, -1, "participant", err);
		} else {
			snprintf(tmp, sizeof(tmp), " AND EXISTS (SELECT 1 FROM "
				 "participants p WHERE p.meeting = meetings.id "
				 "AND p.person = $%d)", bind(b, q->person));
			add(b, tmp);
		}
	}
	if (rc == TL_OK && (q->open || q->overdue) &&
	    (rc = filter_on(e, e->status, "open", err)) == TL_OK &&
	    e->open_values)
		add_open(b, e);
	if (rc == TL_OK && q->due_before &&
	    (rc = filter_on(e, e->due, "due date", err)) == TL_OK)
		add_cmp(b, q, e, e->due, sort, "<", q->due_before);
	if (rc == TL_OK && q->overdue &&
	    (rc = filter_on(e, e->due, "due date", err)) == TL_OK) {
		tl_clock_today(b->today);
		add_cmp(b, q, e, e->due, sort, "<", b->today);
	}
	if (rc == TL_OK && (q->from || q->to)) {
		int when = tl_entity_date_field(e);
		if ((rc = filter_on(e, when, "date", err)) == TL_OK) {
			/* An undated record is not "from" any date. */
			if (q->from) {
				add_cmp(b, q, e, when, sort, ">=", q->from);
				snprintf(tmp, sizeof(tmp),
					 " AND %s IS NOT NULL",
					 e->fields[when].name);
				add(b, tmp);
			}
			if (q->to)
				add_cmp(b, q, e, when, sort, "<", q->to);
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
			snprintf(tmp, sizeof(tmp), " AND meeting IN (SELECT id "
				 "FROM meetings WHERE series = $%d)",
				 bind(b, q->series));
			add(b, tmp);
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
			int m = bind(b, r->meeting), u = bind(b, r->unit);
			int f = bind(b, r->from), t = bind(b, r->to);
			snprintf(tmp, sizeof(tmp), " AND (reported_in = $%d OR "
				 "(reported_in IS NULL AND announced_on IS NULL "
				 "AND mandate IN (SELECT "
				 "id FROM mandates WHERE given_by_unit = $%d) "
				 "AND created_at >= $%d AND created_at < $%d))",
				 m, u, f, t);
			add(b, tmp);
		} else {
			snprintf(tmp, sizeof(tmp), " AND reported_in = $%d",
				 bind(b, r->meeting));
			add(b, tmp);
		}
	}
	return rc;
}

/* What build() makes: a page (with the sort key last), the rows of an
 * iterator, or a count. */
enum mode { M_LIST, M_EACH, M_COUNT };

static enum tl_status build(const struct tl_query *q, const char *acc,
			    enum mode mode, int limit, struct built *b,
			    struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	char sort[96], cols[1536], tmp[256];
	enum tl_status rc;

	memset(b, 0, sizeof(*b));
	if (!e)
		return tl_error_set(err, TL_EINVAL,
				    _("No such kind of record."));
	sort_expr(q, e, sort, sizeof(sort));
	if (mode == M_COUNT) {
		snprintf(b->sql, sizeof(b->sql),
			 "SELECT count(*) FROM %s WHERE true", e->plural);
	} else {
		if (!tl_pg_columns(e, cols, sizeof(cols)))
			return tl_error_set(err, TL_ESYS,
					    _("The query is too long."));
		add(b, "SELECT ");
		add(b, cols);
		/* A page also needs the sort key, for the next cursor. */
		snprintf(tmp, sizeof(tmp), "%s%s FROM %s WHERE true",
			 mode == M_LIST ? ", " : "",
			 mode == M_LIST ? sort : "", e->plural);
		add(b, tmp);
	}
	/* Only what the acting person may read (tl_access_read_sql). */
	if (acc) {
		add(b, " AND ");
		add(b, acc);
	}
	rc = add_filters(q, e, sort, b, err);
	if (rc != TL_OK || mode == M_COUNT)
		goto out;
	bool desc = q->by_id ? q->reverse : e->sort_desc != q->reverse;
	const char *cmp = desc ? "<" : ">";
	if (q->after && q->after->id[0] && q->by_id) {
		snprintf(tmp, sizeof(tmp), " AND id %s $%d", cmp,
			 bind(b, q->after->id));
		add(b, tmp);
	} else if (q->after && q->after->id[0]) {
		const char *key = q->after->key ? q->after->key : "~";
		int k = bind(b, key), i = bind(b, q->after->id);
		snprintf(tmp, sizeof(tmp), " AND (%s, id) %s ($%d, $%d)", sort,
			 cmp, k, i);
		add(b, tmp);
	}
	if (q->by_id)
		snprintf(tmp, sizeof(tmp), " ORDER BY id%s",
			 desc ? " DESC" : "");
	else
		snprintf(tmp, sizeof(tmp), " ORDER BY %s%s, id%s", sort,
			 desc ? " DESC" : "", desc ? " DESC" : "");
	add(b, tmp);
	if (mode == M_LIST) {
		snprintf(b->limit, sizeof(b->limit), "%d", limit + 1);
		snprintf(tmp, sizeof(tmp), " LIMIT $%d", b->nbind + 1);
		add(b, tmp);
	}
out:
	if (rc == TL_OK && (b->nbind > MAX_BINDS ||
			    strlen(b->sql) >= sizeof(b->sql) - 1))
		return tl_error_set(err, TL_ESYS, _("The query is too long."));
	if (b->limit[0])
		b->bind[b->nbind] = b->limit;
	return rc;
}

/* The parameters of b, the limit among them. */
static int nparams(const struct built *b)
{
	return b->nbind + (b->limit[0] != '\0');
}

/* Runs b with `prefix` before its text ("EXPLAIN ", "DECLARE ..."). */
static PGresult *run_built(struct tl_store *st, const struct built *b,
			   const char *prefix, const char *doing,
			   struct tl_error *err)
{
	char sql[8300];

	if (snprintf(sql, sizeof(sql), "%s%s", prefix, b->sql) >=
	    (int)sizeof(sql)) {
		tl_error_set(err, TL_ESYS, _("The query is too long."));
		return NULL;
	}
	return tl_pg_run_once(st, sql, nparams(b), b->bind, doing, err);
}

enum tl_status tl_pg_list(struct tl_store *st, const struct tl_query *q,
			  struct tl_page *page, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	int limit = tl_query_limit(q), rows;
	struct built b;
	enum tl_status rc;
	PGresult *res;

	memset(page, 0, sizeof(*page));
	rc = build(q, tl_access_read_sql(st, q->kind), M_LIST, limit, &b,
		   err);
	if (rc != TL_OK)
		return rc;
	res = run_built(st, &b, "", N_("listing"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	rows = PQntuples(res);
	page->more = rows > limit;
	if (rows > limit)
		rows = limit;
	page->recs = calloc((size_t)(rows ? rows : 1), sizeof(*page->recs));
	if (!page->recs)
		goto oom;
	for (int i = 0; i < rows; i++) {
		/* Row layout: id, created, updated, fields..., sort key. */
		page->recs[i] = tl_pg_row_record(res, i, 0, e);
		if (!page->recs[i])
			goto oom; /* a short page would read as the end */
		page->n++;
	}
	if (page->more) {
		int last = rows - 1, kc = 3 + e->nfields;
		if (!PQgetisnull(res, last, kc)) {
			page->next.key = strdup(PQgetvalue(res, last, kc));
			if (!page->next.key)
				goto oom;
		}
		memcpy(page->next.id, page->recs[last]->id,
		       sizeof(page->next.id));
	}
	PQclear(res);
	return TL_OK;
oom:
	PQclear(res);
	tl_page_done(page);
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

struct pg_iter {
	struct tl_iter base;   /* its store */
	char cursor[32];       /* the cursor's name; "" before it is made */
	bool own;              /* counted in the store's iter_reads */
	PGresult *res;         /* the batch read last */
	PGresult *next;        /* the batch after it, when asked ahead */
	bool asked;            /* the next batch is on its way (p->ahead) */
	int row, fetch;        /* the next row of it; the next batch size */
	struct tl_record rec;  /* values point into res */
	bool done;
};

/*
 * Opens the read snapshot the iterator's cursor lives in when the store
 * has no transaction open, or joins the one another iterator opened
 * (it->own: counted in p->iter_reads, the last one freed ends it).
 */
static enum tl_status snapshot_begin(struct pg_iter *it,
				     struct tl_error *err)
{
	struct tl_store *st = it->base.st;
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc;

	if (p->iter_reads == 0 && (p->level > 0 || p->reading))
		return TL_OK; /* the store's own transaction */
	if (p->iter_reads == 0) {
		rc = tl_pg_exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ "
				"READ ONLY", N_("listing"), err);
		if (rc != TL_OK)
			return rc;
		p->reading = true;
	}
	p->iter_reads++;
	it->own = true;
	return TL_OK;
}

enum tl_status tl_pg_iter_new(struct tl_store *st, const struct tl_query *q,
			      struct tl_iter **out, struct tl_error *err)
{
	static unsigned serial;
	const struct tl_entity *e = tl_entity_get(q->kind);
	struct pg_iter *it;
	struct built b;
	char prefix[64];
	enum tl_status rc;
	PGresult *res;

	*out = NULL;
	rc = build(q, tl_access_read_sql(st, q->kind), M_EACH, 0, &b, err);
	if (rc != TL_OK)
		return rc;
	it = calloc(1, sizeof(*it));
	if (it)
		it->rec.values = calloc((size_t)e->nfields, sizeof(char *));
	if (!it || !it->rec.values) {
		free(it);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	it->base.st = st;
	it->rec.e = e;
	it->fetch = FETCH_FIRST;
	snprintf(it->cursor, sizeof(it->cursor), "tl_iter_%u", ++serial);
	rc = snapshot_begin(it, err);
	if (rc != TL_OK) {
		tl_pg_iter_free(&it->base);
		return rc;
	}
	snprintf(prefix, sizeof(prefix), "DECLARE %s NO SCROLL CURSOR FOR ",
		 it->cursor);
	res = run_built(st, &b, prefix, N_("listing"), err);
	if (!res) {
		rc = err ? err->status : TL_EDB;
		it->cursor[0] = '\0';
		tl_pg_iter_free(&it->base);
		return rc;
	}
	PQclear(res);
	*out = &it->base;
	return TL_OK;
}

/*
 * Asks for the batch after the one just read, without waiting for it:
 * the server reads it while the caller works through this one (an
 * export formats as the server reads, on two cores at once).  One batch
 * is on its way at a time, on the store's one connection; any other
 * statement first takes it in (tl_pg_settle).
 */
static void ask_ahead(struct pg_iter *it)
{
	struct tl_pg *p = tl_pg(it->base.st);
	char sql[64];

	if (p->ahead || p->copy)
		return;
	snprintf(sql, sizeof(sql), "FETCH FORWARD %d FROM %s", it->fetch,
		 it->cursor);
	if (!PQsendQuery(p->conn, sql))
		return; /* asked again, and said, when it is wanted */
	if (it->fetch < FETCH_MAX)
		it->fetch *= 2;
	it->asked = true;
	p->ahead = it;
}

void tl_pg_settle(struct tl_pg *p)
{
	struct pg_iter *it = p->ahead;
	PGresult *r;

	if (!it)
		return;
	p->ahead = NULL;
	it->asked = false;
	while ((r = PQgetResult(p->conn)) != NULL) {
		if (!it->next)
			it->next = r;
		else
			PQclear(r);
	}
	if (!it->next)
		it->next = PQmakeEmptyPGresult(p->conn, PGRES_FATAL_ERROR);
}

/* Reads the next batch into it->res; it->done at the end. */
static enum tl_status fetch(struct pg_iter *it, struct tl_error *err)
{
	struct tl_store *st = it->base.st;
	char sql[64];

	PQclear(it->res);
	it->res = NULL;
	it->row = 0;
	if (it->asked)
		tl_pg_settle(tl_pg(st));
	if (it->next) {
		it->res = it->next;
		it->next = NULL;
		if (!tl_pg_result_ok(it->res)) {
			tl_pg_error(st, it->res, N_("listing"), err);
			PQclear(it->res);
			it->res = NULL;
		}
	} else {
		snprintf(sql, sizeof(sql), "FETCH FORWARD %d FROM %s",
			 it->fetch, it->cursor);
		if (it->fetch < FETCH_MAX)
			it->fetch *= 2;
		it->res = tl_pg_run_once(st, sql, 0, NULL, N_("listing"),
					 err);
	}
	if (!it->res) {
		it->done = true;
		return err ? err->status : TL_EDB;
	}
	if (PQntuples(it->res) == 0)
		it->done = true;
	else
		ask_ahead(it);
	return TL_OK;
}

/* A column as the record holds it: NULL for SQL NULL and for "" (unset,
 * as in a page). */
static char *column(const PGresult *res, int row, int col)
{
	char *v = PQgetvalue(res, row, col);

	return PQgetisnull(res, row, col) || !*v ? NULL : v;
}

enum tl_status tl_pg_iter_next(struct tl_iter *base,
			       const struct tl_record **r,
			       struct tl_error *err)
{
	struct pg_iter *it = (struct pg_iter *)base;
	const struct tl_entity *e = it->rec.e;
	const PGresult *res;
	enum tl_status rc;

	*r = NULL;
	if (it->done)
		return TL_OK;
	if (!it->res || it->row >= PQntuples(it->res)) {
		rc = fetch(it, err);
		if (rc != TL_OK || it->done)
			return rc;
	}
	res = it->res;
	/* Row layout: id, created, updated, fields... */
	snprintf(it->rec.id, sizeof(it->rec.id), "%s",
		 PQgetvalue(res, it->row, 0));
	snprintf(it->rec.created_at, sizeof(it->rec.created_at), "%s",
		 PQgetvalue(res, it->row, 1));
	snprintf(it->rec.updated_at, sizeof(it->rec.updated_at), "%s",
		 PQgetvalue(res, it->row, 2));
	for (int i = 0; i < e->nfields; i++)
		it->rec.values[i] = column(res, it->row, 3 + i);
	it->row++;
	*r = &it->rec;
	return TL_OK;
}

void tl_pg_iter_free(struct tl_iter *base)
{
	struct pg_iter *it = (struct pg_iter *)base;
	struct tl_pg *p;

	if (!it)
		return;
	p = tl_pg(it->base.st);
	tl_pg_settle(p);
	PQclear(it->next);
	PQclear(it->res);
	if (it->own && --p->iter_reads == 0) {
		/* The last iterator of the snapshot it opened: ending it
		 * closes the cursor, and being read only loses nothing. */
		PQclear(PQexec(p->conn, "COMMIT"));
		p->reading = false;
	} else if (it->cursor[0] &&
		   PQtransactionStatus(p->conn) == PQTRANS_INTRANS) {
		/* A transaction that goes on keeps a cursor till CLOSE (one
		 * in error has lost it already). */
		char sql[64];
		snprintf(sql, sizeof(sql), "CLOSE %s", it->cursor);
		PQclear(PQexec(p->conn, sql));
	}
	free(it->rec.values);
	free(it);
}

enum tl_status tl_pg_count(struct tl_store *st, const struct tl_query *q,
			   long *n, struct tl_error *err)
{
	struct built b;
	enum tl_status rc = build(q, tl_access_read_sql(st, q->kind), M_COUNT,
				   0, &b, err);
	PGresult *res;

	*n = 0;
	if (rc != TL_OK)
		return rc;
	res = run_built(st, &b, "", N_("counting"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	*n = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_explain(struct tl_store *st, const struct tl_query *q,
			     char **plan, struct tl_error *err)
{
	struct built b;
	enum tl_status rc = build(q, tl_access_read_sql(st, q->kind), M_LIST,
				   tl_query_limit(q), &b, err);
	size_t len = 0, size = 1;
	PGresult *res;

	*plan = NULL;
	if (rc != TL_OK)
		return rc;
	res = run_built(st, &b, "EXPLAIN ", N_("listing"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	for (int i = 0; i < PQntuples(res); i++)
		size += strlen(PQgetvalue(res, i, 0)) + 1;
	*plan = malloc(size);
	if (!*plan) {
		PQclear(res);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	for (int i = 0; i < PQntuples(res); i++) {
		size_t n = strlen(PQgetvalue(res, i, 0));
		memcpy(*plan + len, PQgetvalue(res, i, 0), n);
		len += n;
		(*plan)[len++] = '\n';
	}
	(*plan)[len] = '\0';
	PQclear(res);
	return TL_OK;
}
