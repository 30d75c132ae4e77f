/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * copyin.c - rows streamed into a table with COPY ... FROM STDIN, in
 * COPY's text format: for the bulk load (bulk.c), and for a whole
 * database copied in as stored (the stream of tl_store_copy, below).
 *
 * Rows are buffered and sent in large pieces.  While a COPY is under way
 * the connection takes no other statement: tl_pg(st)->copy points at it,
 * and every statement the engine runs ends it first (db.c calls
 * tl_pg_copy_end); the next row of that table starts a new COPY.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

/* What is sent to the server at a time, in bytes. */
#define CHUNK (256 * 1024)

#define AUDIT_COLUMNS \
	"seq, at, actor, os_user, clock, entity, entity_id, action, " \
	"field, old_value, new_value, prev, hash, change_seq"

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

enum tl_status tl_pg_copy_start(struct tl_pg_copy *c, int table,
				struct tl_error *err)
{
	char cols[2048], sql[2200];
	PGresult *res;
	enum tl_status rc;

	rc = tl_pg_copy_end(c, err);
	if (rc != TL_OK)
		return rc;
	if (table == TL_PG_AUDIT) {
		snprintf(sql, sizeof(sql), "COPY audit (" AUDIT_COLUMNS ") "
			 "FROM STDIN");
	} else {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)table);

		if (!tl_pg_columns(e, cols, sizeof(cols)))
			return oom(err);
		snprintf(sql, sizeof(sql), "COPY %s (%s) FROM STDIN",
			 e->plural, cols);
	}
	tl_pg_settle(tl_pg(c->st));
	res = PQexec(tl_pg(c->st)->conn, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		rc = tl_pg_error(c->st, res, N_("saving"), err);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	c->table = table;
	tl_pg(c->st)->copy = c;
	return TL_OK;
}

static bool grow(struct tl_pg_copy *c, size_t more)
{
	size_t cap;
	char *p;

	if (c->len + more <= c->cap)
		return true;
	cap = c->cap ? c->cap : CHUNK;
	while (cap < c->len + more)
		cap *= 2;
	p = realloc(c->buf, cap);
	if (!p)
		return false;
	c->buf = p;
	c->cap = cap;
	return true;
}

bool tl_pg_copy_value(struct tl_pg_copy *c, const char *v, bool first)
{
	size_t n = v ? strlen(v) : 0;

	if (!grow(c, 2 * n + 4))
		return false;
	if (!first)
		c->buf[c->len++] = '\t';
	if (!v) {
		memcpy(c->buf + c->len, "\\N", 2);
		c->len += 2;
		return true;
	}
	for (const char *p = v; *p; p++) {
		char ch = *p;
		char esc = ch == '\\' ? '\\' : ch == '\t' ? 't'
			   : ch == '\n' ? 'n' : ch == '\r' ? 'r' : 0;

		if (esc) {
			c->buf[c->len++] = '\\';
			c->buf[c->len++] = esc;
		} else {
			c->buf[c->len++] = ch;
		}
	}
	return true;
}

static bool row_end(struct tl_pg_copy *c)
{
	if (!grow(c, 1))
		return false;
	c->buf[c->len++] = '\n';
	return true;
}

bool tl_pg_copy_record(struct tl_pg_copy *c, const struct tl_record *r,
		       bool held)
{
	const struct tl_entity *e = r->e;

	if (!tl_pg_copy_value(c, r->id, true) ||
	    !tl_pg_copy_value(c, r->created_at, false) ||
	    !tl_pg_copy_value(c, r->updated_at, false))
		return false;
	for (int i = 0; i < e->nfields; i++) {
		/* An unset value takes its default, as tl_store_insert
		 * gives it. */
		const char *v = r->values[i] ? r->values[i] : e->fields[i].def;

		if (held && e->kind == TL_K_MEETING && i == TL_MEETING_STATUS)
			v = "held";
		if (!tl_pg_copy_value(c, v, false))
			return false;
	}
	return row_end(c);
}

bool tl_pg_copy_audit(struct tl_pg_copy *c, const struct tl_audit *a)
{
	char seq[24], change[24];

	snprintf(seq, sizeof(seq), "%lld", a->seq);
	snprintf(change, sizeof(change), "%lld", a->change);
	return tl_pg_copy_value(c, seq, true) &&
	       tl_pg_copy_value(c, a->at, false) &&
	       tl_pg_copy_value(c, a->actor, false) &&
	       tl_pg_copy_value(c, a->os_user, false) &&
	       tl_pg_copy_value(c, a->clock, false) &&
	       tl_pg_copy_value(c, a->entity, false) &&
	       tl_pg_copy_value(c, a->id, false) &&
	       tl_pg_copy_value(c, a->action, false) &&
	       tl_pg_copy_value(c, a->field, false) &&
	       tl_pg_copy_value(c, a->old_value, false) &&
	       tl_pg_copy_value(c, a->new_value, false) &&
	       tl_pg_copy_value(c, a->prev, false) &&
	       tl_pg_copy_value(c, a->hash, false) &&
	       tl_pg_copy_value(c, a->change > 0 ? change : NULL, false) &&
	       row_end(c);
}

/* Sends what is buffered. */
static enum tl_status send_rows(struct tl_pg_copy *c, struct tl_error *err)
{
	if (c->len == 0)
		return TL_OK;
	if (PQputCopyData(tl_pg(c->st)->conn, c->buf, (int)c->len) != 1)
		return tl_pg_error(c->st, NULL, N_("saving"), err);
	c->len = 0;
	return TL_OK;
}

enum tl_status tl_pg_copy_send(struct tl_pg_copy *c, struct tl_error *err)
{
	return c->len >= CHUNK ? send_rows(c, err) : TL_OK;
}

enum tl_status tl_pg_copy_end(struct tl_pg_copy *c, struct tl_error *err)
{
	PGconn *conn = tl_pg(c->st)->conn;
	enum tl_status rc;
	PGresult *res;

	if (c->table < 0)
		return TL_OK;
	c->table = -1;
	tl_pg(c->st)->copy = NULL;
	rc = send_rows(c, err);
	if (PQputCopyEnd(conn, rc == TL_OK ? NULL : "cancelled") != 1 &&
	    rc == TL_OK)
		rc = tl_pg_error(c->st, NULL, N_("saving"), err);
	while ((res = PQgetResult(conn)) != NULL) {
		if (rc == TL_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = tl_pg_error(c->st, res, N_("saving"), err);
		PQclear(res);
	}
	c->len = 0;
	return rc;
}

void tl_pg_copy_free(struct tl_pg_copy *c)
{
	if (c)
		tl_pg_put_off_free(&c->put_off);
	if (c && tl_pg(c->st) && tl_pg(c->st)->copy == c)
		tl_pg(c->st)->copy = NULL;
	if (c)
		free(c->buf);
}

/* Appends sql to what the outermost commit runs (db.c). */
static enum tl_status at_commit(struct tl_pg *p, const char *sql,
				struct tl_error *err)
{
	size_t old = p->at_commit ? strlen(p->at_commit) : 0;
	char *s = realloc(p->at_commit, old + strlen(sql) + 3);

	if (!s)
		return oom(err);
	snprintf(s + old, strlen(sql) + 3, "%s%s", old ? "; " : "", sql);
	p->at_commit = s;
	return TL_OK;
}

/*
 * The stream of tl_store_copy: rows as stored, a COPY a table, in the
 * transaction under way, into a database that holds nothing yet
 * (copy.c checks).  Each table is treated as a bulk load treats it
 * (bulk_ddl.c): its secondary indexes and references are taken off
 * before its first row and put back at the stream's end, one sort an
 * index and one join a reference instead of a step per row.  Its user
 * triggers stay off until the commit (db.c runs at_commit): they check
 * a change against what is stored, and a copy is checked whole against
 * its original (tillit migrate).
 */
static enum tl_status stream(struct tl_store *st, int table,
			     struct tl_pg_copy **out, struct tl_error *err)
{
	static const long long empty[TL_K_COUNT];
	struct tl_pg *p = tl_pg(st);
	const char *name = table == TL_PG_AUDIT
		? "audit" : tl_entity_get((enum tl_kind)table)->plural;

	if (!p->stream) {
		p->stream = calloc(1, sizeof(*p->stream));
		if (!p->stream)
			return oom(err);
		p->stream->st = st;
		p->stream->table = -1;
	}
	*out = p->stream;
	if (p->stream->table == table)
		return TL_OK;
	if (!p->stream->off[table]) {
		char sql[128];
		enum tl_status rc = tl_pg_copy_end(p->stream, err);

		if (rc == TL_OK)
			rc = tl_pg_put_off(st, &p->stream->put_off, name,
					   empty, err);
		snprintf(sql, sizeof(sql), "ALTER TABLE %s ENABLE TRIGGER "
			 "USER, FORCE ROW LEVEL SECURITY; NOTIFY "
			 TL_PG_CHANNEL, name);
		if (rc == TL_OK)
			rc = at_commit(p, sql, err);
		if (rc != TL_OK)
			return rc;
		p->stream->off[table] = true;
	}
	return tl_pg_copy_start(p->stream, table, err);
}

enum tl_status tl_pg_stream_record(struct tl_store *st,
				   const struct tl_record *r,
				   struct tl_error *err)
{
	struct tl_pg_copy *c;
	enum tl_status rc = stream(st, (int)r->e->kind, &c, err);

	if (rc != TL_OK)
		return rc;
	if (!tl_pg_copy_record(c, r, false))
		return oom(err);
	return tl_pg_copy_send(c, err);
}

enum tl_status tl_pg_stream_audit(struct tl_store *st,
				  const struct tl_audit *a,
				  struct tl_error *err)
{
	struct tl_pg_copy *c;
	enum tl_status rc = stream(st, TL_PG_AUDIT, &c, err);

	if (rc != TL_OK)
		return rc;
	if (!tl_pg_copy_audit(c, a))
		return oom(err);
	return tl_pg_copy_send(c, err);
}

enum tl_status tl_pg_stream_end(struct tl_store *st, struct tl_error *err)
{
	struct tl_pg *p = tl_pg(st);
	enum tl_status rc = TL_OK;

	if (!p->stream)
		return TL_OK;
	rc = tl_pg_copy_end(p->stream, err);
	if (rc == TL_OK)
		rc = tl_pg_put_back(st, &p->stream->put_off, false, err);
	tl_pg_copy_free(p->stream);
	free(p->stream);
	p->stream = NULL;
	return rc;
}
