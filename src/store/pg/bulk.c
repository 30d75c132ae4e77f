/*
 * bulk.c - the PostgreSQL engine's side of the bulk load (bulk.h): many
 * new rows in one transaction, streamed with COPY, with the per-row work
 * that only derives data moved to the end.  What may go in is decided in
 * src/store/bulk.c.
 *
 * The rows of a kind go to the server through COPY ... FROM STDIN in
 * text format, in large pieces; a statement of any other kind (a lookup,
 * tl_store_put of a principle) first ends the COPY under way (db.c calls
 * tl_pg_bulk_settle), and the next row of a kind starts a new one.  The
 * first row of a table drops its secondary indexes (keeping their
 * definitions) and turns its user triggers off (the lock triggers, which
 * src/store/bulk.c checks for the whole load through bulk_locked, and
 * NOTIFY, sent once at the end).  The end writes the audit rows: one
 * 'create' row per new row, chained after the log's last row in the
 * order of the rows, as tl_store_insert would have.  At the commit the
 * references (deferred) are checked, one that points nowhere refused
 * naming its record, and then every index is made again (one sort each
 * instead of a random insert per row) and the triggers turned on: a
 * table with checks waiting can be neither indexed nor altered.  All
 * of it is one transaction: a failure leaves the schema and the rows as
 * they were.
 *
 * A kind in the load had no rows when the load began (src/store/bulk.c
 * sends only those), so the same id twice can only come within the load:
 * the ids of each kind are kept in a hash set (16 bytes an id), which
 * answers *dup at once, and bulk_holds, without asking the server.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/store/audit.h"

/* What is sent to the server at a time, in bytes. */
#define CHUNK (256 * 1024)

/* An open-addressing set of 16-byte ids (UUIDs without their dashes). */
struct idset {
	unsigned char (*slot)[16];
	size_t n, cap; /* cap: a power of two, or 0 */
};

struct kept_index {
	char *name;
	char *def; /* CREATE INDEX ..., from pg_indexes */
};

struct pg_bulk {
	struct tl_store *st;
	PGconn *conn;
	int copying;                /* the kind in COPY now, or -1 */
	char *buf;                  /* rows not yet sent */
	size_t len, cap;
	long long base[TL_K_COUNT]; /* largest seq before the load */
	bool touched[TL_K_COUNT];
	struct idset ids[TL_K_COUNT];
	char **keys;                /* principle keys known to exist */
	int nkeys, capkeys;
	struct kept_index *idx;     /* dropped, to recreate at the end */
	int nidx, capidx;
	bool audit_prepared;        /* the audit log's index dropped too */
};

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* An id as 16 bytes; false when it is not a UUID's 32 hex digits. */
static bool id_bytes(const char *id, unsigned char out[16])
{
	int i = 0;

	for (const char *p = id; *p && i < 32; p++) {
		int v;

		if (*p == '-')
			continue;
		v = hexval(*p);
		if (v < 0)
			return false;
		if (i % 2 == 0)
			out[i / 2] = (unsigned char)(v << 4);
		else
			out[i / 2] |= (unsigned char)v;
		i++;
	}
	return i == 32;
}

static size_t id_hash(const unsigned char k[16])
{
	size_t h;

	memcpy(&h, k, sizeof(h)); /* UUIDs are random enough */
	return h;
}

/* Adds key to s; *had when it was there.  false when out of memory. */
static bool idset_add(struct idset *s, const unsigned char key[16],
		      bool *had)
{
	static const unsigned char zero[16];
	size_t i;

	*had = false;
	if (!memcmp(key, zero, 16)) {
		/* The all-zero id marks an empty slot: kept apart. */
		return true;
	}
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		unsigned char (*slot)[16] = calloc(cap, 16);

		if (!slot)
			return false;
		for (size_t j = 0; j < s->cap; j++) {
			if (!memcmp(s->slot[j], zero, 16))
				continue;
			i = id_hash(s->slot[j]) & (cap - 1);
			while (memcmp(slot[i], zero, 16))
				i = (i + 1) & (cap - 1);
			memcpy(slot[i], s->slot[j], 16);
		}
		free(s->slot);
		s->slot = slot;
		s->cap = cap;
	}
	i = id_hash(key) & (s->cap - 1);
	while (memcmp(s->slot[i], zero, 16)) {
		if (!memcmp(s->slot[i], key, 16)) {
			*had = true;
			return true;
		}
		i = (i + 1) & (s->cap - 1);
	}
	memcpy(s->slot[i], key, 16);
	s->n++;
	return true;
}

static bool idset_has(const struct idset *s, const unsigned char key[16])
{
	static const unsigned char zero[16];
	size_t i;

	if (!s->cap)
		return false;
	i = id_hash(key) & (s->cap - 1);
	while (memcmp(s->slot[i], zero, 16)) {
		if (!memcmp(s->slot[i], key, 16))
			return true;
		i = (i + 1) & (s->cap - 1);
	}
	return false;
}

/* Sends what is buffered of the COPY under way. */
static enum tl_status send_rows(struct pg_bulk *b, struct tl_error *err)
{
	if (b->len == 0)
		return TL_OK;
	if (PQputCopyData(b->conn, b->buf, (int)b->len) != 1)
		return tl_pg_error(b->st, NULL, N_("saving"), err);
	b->len = 0;
	return TL_OK;
}

/* Ends the COPY under way, if any: its rows are then in the table. */
static enum tl_status end_copy(struct pg_bulk *b, struct tl_error *err)
{
	enum tl_status rc;
	PGresult *res;

	if (b->copying < 0)
		return TL_OK;
	b->copying = -1;
	tl_pg(b->st)->bulk = NULL;
	rc = send_rows(b, err);
	if (PQputCopyEnd(b->conn, rc == TL_OK ? NULL : "cancelled") != 1 &&
	    rc == TL_OK)
		rc = tl_pg_error(b->st, NULL, N_("saving"), err);
	while ((res = PQgetResult(b->conn)) != NULL) {
		if (rc == TL_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = tl_pg_error(b->st, res, N_("saving"), err);
		PQclear(res);
	}
	return rc;
}

enum tl_status tl_pg_bulk_settle(void *be, struct tl_error *err)
{
	return end_copy(be, err);
}

static enum tl_status query_ll(struct pg_bulk *b, const char *sql,
			       long long *out, struct tl_error *err)
{
	PGresult *res = tl_pg_run_once(b->st, sql, 0, NULL,
				       N_("reading the database"), err);

	if (!res)
		return err ? err->status : TL_EDB;
	*out = PQntuples(res) && !PQgetisnull(res, 0, 0)
		       ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_bulk_begin(struct tl_store *st, void **be,
				struct tl_error *err)
{
	struct pg_bulk *b = calloc(1, sizeof(*b));

	*be = NULL;
	if (!b)
		return oom(err);
	b->st = st;
	b->conn = tl_pg(st)->conn;
	b->copying = -1;
	*be = b;
	return TL_OK;
}

enum tl_status tl_pg_bulk_start(void *be, struct tl_error *err)
{
	struct pg_bulk *b = be;
	enum tl_status rc = TL_OK;

	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		char sql[96];

		snprintf(sql, sizeof(sql), "SELECT coalesce(max(seq), 0) "
			 "FROM %s", tl_entity_get((enum tl_kind)k)->plural);
		rc = query_ll(b, sql, &b->base[k], err);
	}
	return rc;
}

/*
 * The first row of table: its secondary indexes are dropped (their
 * definitions kept) and its user triggers turned off, until the end.
 */
static enum tl_status prepare_table(struct pg_bulk *b, const char *table,
				    struct tl_error *err)
{
	const char *params[1] = {table};
	PGresult *res;
	char sql[160];
	enum tl_status rc = TL_OK;
	int n;

	res = tl_pg_run_once(b->st, "SELECT indexrelid::regclass::text, "
			     "pg_get_indexdef(indexrelid) FROM pg_index WHERE "
			     "indrelid = $1::regclass AND NOT indisunique AND "
			     "NOT indisprimary ORDER BY indexrelid", 1, params,
			     N_("reading the database"), err);
	if (!res)
		return err ? err->status : TL_EDB;
	n = PQntuples(res);
	for (int i = 0; rc == TL_OK && i < n; i++) {
		struct kept_index *k;

		if (b->nidx == b->capidx) {
			int cap = b->capidx ? b->capidx * 2 : 32;
			void *p = realloc(b->idx, sizeof(*b->idx) * (size_t)cap);

			if (!p) {
				rc = oom(err);
				break;
			}
			b->idx = p;
			b->capidx = cap;
		}
		k = &b->idx[b->nidx];
		k->name = strdup(PQgetvalue(res, i, 0));
		k->def = strdup(PQgetvalue(res, i, 1));
		if (!k->name || !k->def) {
			free(k->name);
			free(k->def);
			rc = oom(err);
			break;
		}
		b->nidx++;
		/* Names come from our own schema: letters, digits, '_'. */
		snprintf(sql, sizeof(sql), "DROP INDEX %s", k->name);
		rc = tl_pg_exec(b->st, sql, N_("saving"), err);
	}
	PQclear(res);
	snprintf(sql, sizeof(sql), "ALTER TABLE %s DISABLE TRIGGER USER",
		 table);
	if (rc == TL_OK)
		rc = tl_pg_exec(b->st, sql, N_("saving"), err);
	return rc;
}

static enum tl_status start_copy(struct pg_bulk *b, const struct tl_entity *e,
				 struct tl_error *err)
{
	char cols[2048], sql[2200];
	PGresult *res;
	enum tl_status rc;

	rc = end_copy(b, err);
	if (rc == TL_OK && !b->touched[e->kind]) {
		if (!b->audit_prepared) {
			/* The first table of the load: the audit log's
			 * index goes too. */
			rc = prepare_table(b, "audit", err);
			b->audit_prepared = rc == TL_OK;
		}
		if (rc == TL_OK)
			rc = prepare_table(b, e->plural, err);
		b->touched[e->kind] = rc == TL_OK;
	}
	if (rc != TL_OK)
		return rc;
	if (!tl_pg_columns(e, cols, sizeof(cols)))
		return oom(err);
	snprintf(sql, sizeof(sql), "COPY %s (%s) FROM STDIN", e->plural, cols);
	res = PQexec(b->conn, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		rc = tl_pg_error(b->st, res, N_("saving"), err);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	b->copying = e->kind;
	tl_pg(b->st)->bulk = b;
	return TL_OK;
}

static bool grow(struct pg_bulk *b, size_t more)
{
	if (b->len + more <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : CHUNK;
	while (cap < b->len + more)
		cap *= 2;
	char *p = realloc(b->buf, cap);
	if (!p)
		return false;
	b->buf = p;
	b->cap = cap;
	return true;
}

/* Appends one value in COPY's text format: \N for NULL, and backslash,
 * tab, newline and carriage return escaped. */
static bool put_value(struct pg_bulk *b, const char *v, bool first)
{
	size_t n = v ? strlen(v) : 0;

	if (!grow(b, 2 * n + 4))
		return false;
	if (!first)
		b->buf[b->len++] = '\t';
	if (!v) {
		memcpy(b->buf + b->len, "\\N", 2);
		b->len += 2;
		return true;
	}
	for (const char *p = v; *p; p++) {
		char c = *p;
		char esc = c == '\\' ? '\\' : c == '\t' ? 't'
			   : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;

		if (esc) {
			b->buf[b->len++] = '\\';
			b->buf[b->len++] = esc;
		} else {
			b->buf[b->len++] = c;
		}
	}
	return true;
}

enum tl_status tl_pg_bulk_add(void *be, const struct tl_record *r,
			      bool held, bool *dup, struct tl_error *err)
{
	struct pg_bulk *b = be;
	const struct tl_entity *e = r->e;
	unsigned char key[16];
	enum tl_status rc;
	bool had = false;

	if (dup)
		*dup = false;
	if (id_bytes(r->id, key)) {
		if (!idset_add(&b->ids[e->kind], key, &had))
			return oom(err);
		if (had) {
			if (dup)
				*dup = true;
			return tl_error_set(err, TL_EINVAL, _("The id %s "
					    "comes twice."), r->id);
		}
	}
	if (b->copying != (int)e->kind) {
		rc = start_copy(b, e, err);
		if (rc != TL_OK)
			return rc;
	}
	if (!put_value(b, r->id, true) || !put_value(b, r->created_at, false) ||
	    !put_value(b, r->updated_at, false))
		return oom(err);
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		/* An unset value takes its default, as tl_store_insert
		 * gives it. */
		const char *v = r->values[i] ? r->values[i] : f->def;

		if (held && e->kind == TL_K_MEETING && i == TL_MEETING_STATUS)
			v = "held";
		if (!put_value(b, v, false))
			return oom(err);
	}
	if (!grow(b, 1))
		return oom(err);
	b->buf[b->len++] = '\n';
	return b->len >= CHUNK ? send_rows(b, err) : TL_OK;
}

enum tl_status tl_pg_bulk_principle(void *be, const char *key, size_t len,
				    bool *known, struct tl_error *err)
{
	struct pg_bulk *b = be;
	char *k;
	const char *params[1];
	PGresult *res;

	*known = false;
	for (int i = 0; i < b->nkeys; i++)
		if (strlen(b->keys[i]) == len && !memcmp(b->keys[i], key, len)) {
			*known = true;
			return TL_OK;
		}
	k = strndup(key, len);
	if (!k)
		return oom(err);
	params[0] = k;
	res = tl_pg_run(b->st, "SELECT 1 FROM principles WHERE key = $1", 1,
			params, N_("reading"), err);
	if (!res) {
		free(k);
		return err ? err->status : TL_EDB;
	}
	*known = PQntuples(res) > 0;
	PQclear(res);
	if (*known && b->nkeys == b->capkeys) {
		int cap = b->capkeys ? b->capkeys * 2 : 16;
		void *p = realloc(b->keys, sizeof(*b->keys) * (size_t)cap);

		if (!p) {
			free(k);
			return oom(err);
		}
		b->keys = p;
		b->capkeys = cap;
	}
	if (*known)
		b->keys[b->nkeys++] = k; /* a known key is kept */
	else
		free(k);
	return TL_OK;
}

void tl_pg_bulk_set_memory(void *be, int kib)
{
	/* The server keeps its own memory; the ids are 16 bytes each. */
	(void)be;
	(void)kib;
}

enum tl_status tl_pg_bulk_empty(void *be, enum tl_kind kind, bool *empty,
				struct tl_error *err)
{
	struct pg_bulk *b = be;
	char sql[96];
	long long n = 0;
	enum tl_status rc;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM (SELECT 1 FROM %s "
		 "LIMIT 1) x", tl_entity_get(kind)->plural);
	rc = query_ll(b, sql, &n, err);
	*empty = rc == TL_OK && n == 0;
	return rc;
}

enum tl_status tl_pg_bulk_holds(void *be, const char *id, bool *found,
				struct tl_error *err)
{
	struct pg_bulk *b = be;
	unsigned char key[16];

	(void)err;
	*found = false;
	if (!id_bytes(id, key))
		return TL_OK;
	for (int k = 0; k < TL_K_COUNT && !*found; k++)
		*found = idset_has(&b->ids[k], key);
	return TL_OK;
}

enum tl_status tl_pg_bulk_shared_id(void *be, char out[TL_ID_LEN + 1],
				    struct tl_error *err)
{
	struct pg_bulk *b = be;
	char sql[4096];
	size_t len = 0;
	int parts = 0;
	PGresult *res;

	out[0] = '\0';
	for (int k = 0; k < TL_K_COUNT; k++) {
		if (!b->touched[k])
			continue;
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					"%sSELECT id FROM %s WHERE seq > %lld",
					parts++ ? " UNION ALL " : "",
					tl_entity_get((enum tl_kind)k)->plural,
					b->base[k]);
	}
	if (parts < 2)
		return TL_OK;
	if (len + 80 >= sizeof(sql))
		return oom(err);
	snprintf(sql + len, sizeof(sql) - len, " ORDER BY 1");
	/* As one query: the ids that come twice. */
	{
		char q[4200];

		snprintf(q, sizeof(q), "SELECT id FROM (%s) x GROUP BY id "
			 "HAVING count(*) > 1 ORDER BY id LIMIT 1", sql);
		res = tl_pg_run_once(b->st, q, 0, NULL,
				     N_("reading the database"), err);
	}
	if (!res)
		return err ? err->status : TL_EDB;
	if (PQntuples(res) == 1)
		snprintf(out, TL_ID_LEN + 1, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return TL_OK;
}

enum tl_status tl_pg_bulk_locked(void *be, enum tl_kind kind, int field,
				 bool *any, struct tl_error *err)
{
	struct pg_bulk *b = be;
	const struct tl_entity *e = tl_entity_get(kind);
	char sql[256];
	long long n = 0;
	enum tl_status rc;

	*any = false;
	if (!b->touched[kind])
		return TL_OK;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM (SELECT 1 FROM %s t "
		 "JOIN meetings m ON m.id = t.%s WHERE t.seq > %lld AND "
		 "m.status = 'signed' LIMIT 1) x", e->plural,
		 e->fields[field].name, b->base[kind]);
	rc = query_ll(b, sql, &n, err);
	*any = rc == TL_OK && n > 0;
	return rc;
}

/* One value of an audit row for COPY, or \N. */
static bool put_audit(struct pg_bulk *b, const struct tl_audit *a)
{
	char seq[24];

	snprintf(seq, sizeof(seq), "%lld", a->seq);
	return put_value(b, seq, true) && put_value(b, a->at, false) &&
	       put_value(b, a->actor, false) &&
	       put_value(b, a->os_user, false) &&
	       put_value(b, a->clock, false) &&
	       put_value(b, a->entity, false) && put_value(b, a->id, false) &&
	       put_value(b, a->action, false) && put_value(b, NULL, false) &&
	       put_value(b, NULL, false) &&
	       put_value(b, a->new_value, false) &&
	       put_value(b, a->prev, false) && put_value(b, a->hash, false) &&
	       grow(b, 1) && (b->buf[b->len++] = '\n');
}

/*
 * The 'create' audit rows of every new row, kind after kind in model
 * order and row after row in seq order, chained after the log's last
 * row: read back in pieces, hashed here, and sent with COPY.
 */
static enum tl_status fill_audit(struct pg_bulk *b, struct tl_error *err)
{
	char actor[TL_ID_LEN + 1], prev[65], hash[65];
	const char *clock = tl_clock_fixed() ? "TILLIT_NOW" : "system";
	long long seq = 0;
	bool has_actor;
	enum tl_status rc;
	PGresult *res;

	rc = tl_pg_audit_tail(b->st, &seq, prev, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_actor(b->st, actor, err);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return rc;
	has_actor = rc == TL_OK;
	rc = TL_OK;
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		long long after = b->base[k];

		while (rc == TL_OK && b->touched[k]) {
			char sql[256];
			int n;

			snprintf(sql, sizeof(sql), "SELECT seq, created_at, "
				 "id, %s FROM %s WHERE seq > %lld ORDER BY "
				 "seq LIMIT 20000", e->fields[e->title].name,
				 e->plural, after);
			res = tl_pg_run_once(b->st, sql, 0, NULL,
					     N_("saving"), err);
			if (!res)
				return err ? err->status : TL_EDB;
			n = PQntuples(res);
			{
				PGresult *copy = PQexec(b->conn, "COPY audit "
					"(seq, at, actor, os_user, clock, "
					"entity, entity_id, action, field, "
					"old_value, new_value, prev, hash) "
					"FROM STDIN");
				if (PQresultStatus(copy) != PGRES_COPY_IN) {
					rc = tl_pg_error(b->st, copy,
							 N_("saving"), err);
					PQclear(copy);
					PQclear(res);
					return rc;
				}
				PQclear(copy);
			}
			b->copying = TL_K_COUNT; /* the audit log's */
			for (int i = 0; rc == TL_OK && i < n; i++) {
				struct tl_audit a = {
					.seq = ++seq,
					.actor = has_actor ? actor : NULL,
					.os_user = b->st->os_user,
					.clock = (char *)clock,
					.entity = (char *)e->plural,
					.action = "create",
					.new_value = PQgetisnull(res, i, 3)
						? NULL : PQgetvalue(res, i, 3),
					.prev = prev,
				};

				snprintf(a.at, sizeof(a.at), "%s",
					 PQgetvalue(res, i, 1));
				snprintf(a.id, sizeof(a.id), "%s",
					 PQgetvalue(res, i, 2));
				tl_audit_hash(&a, hash);
				a.hash = hash;
				if (!put_audit(b, &a))
					rc = oom(err);
				memcpy(prev, hash, sizeof(prev));
				if (rc == TL_OK && b->len >= CHUNK)
					rc = send_rows(b, err);
			}
			if (n > 0)
				after = strtoll(PQgetvalue(res, n - 1, 0),
						NULL, 10);
			PQclear(res);
			{
				enum tl_status end = end_copy(b, err);
				if (rc == TL_OK)
					rc = end;
			}
			if (n < 20000)
				break;
		}
	}
	return rc;
}

enum tl_status tl_pg_bulk_finish(void *be, struct tl_error *err)
{
	struct pg_bulk *b = be;
	enum tl_status rc = end_copy(b, err);

	if (rc == TL_OK)
		rc = fill_audit(b, err);
	/*
	 * The indexes and the triggers come back at the commit, once the
	 * references of the new rows are checked (db.c): a table with
	 * checks waiting can neither be indexed nor altered, and checking
	 * them here would come before the store's own checks of the load,
	 * which say more (a unit under itself).
	 */
	if (rc == TL_OK && b->audit_prepared) {
		char *sql;
		size_t size = 256, len = 0;

		for (int i = 0; i < b->nidx; i++)
			size += strlen(b->idx[i].def) + 2;
		size += (size_t)TL_K_COUNT * 64;
		sql = malloc(size);
		if (!sql)
			return oom(err);
		for (int i = 0; i < b->nidx; i++)
			len += (size_t)snprintf(sql + len, size - len, "%s; ",
						b->idx[i].def);
		len += (size_t)snprintf(sql + len, size - len, "ALTER TABLE "
					"audit ENABLE TRIGGER USER; ");
		for (int k = 0; k < TL_K_COUNT; k++)
			if (b->touched[k])
				len += (size_t)snprintf(sql + len, size - len,
					"ALTER TABLE %s ENABLE TRIGGER USER; ",
					tl_entity_get((enum tl_kind)k)->plural);
		snprintf(sql + len, size - len, "NOTIFY " TL_PG_CHANNEL);
		free(tl_pg(b->st)->at_commit);
		tl_pg(b->st)->at_commit = sql;
	}
	return rc;
}

void tl_pg_bulk_done(void *be)
{
	struct pg_bulk *b = be;

	if (!b)
		return;
	if (tl_pg(b->st) && tl_pg(b->st)->bulk == b)
		tl_pg(b->st)->bulk = NULL;
	for (int k = 0; k < TL_K_COUNT; k++)
		free(b->ids[k].slot);
	for (int i = 0; i < b->nkeys; i++)
		free(b->keys[i]);
	free(b->keys);
	for (int i = 0; i < b->nidx; i++) {
		free(b->idx[i].name);
		free(b->idx[i].def);
	}
	free(b->idx);
	free(b->buf);
	free(b);
}
