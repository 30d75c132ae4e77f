/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bulk.c - the PostgreSQL engine's side of the bulk load (bulk.h): many
 * new rows in one transaction, streamed with COPY, with the per-row work
 * that only derives data moved to the end.  What may go in is decided in
 * src/store/bulk.c.
 *
 * The rows of a kind go to the server through COPY ... FROM STDIN
 * (copyin.c); a statement of any other kind (a lookup, tl_store_put of a
 * principle) first ends the COPY under way (db.c), and the next row of a
 * kind starts a new one, so that a load that sends its kinds one after
 * the other switches only between kinds.  The first row of a table takes
 * off what would cost a step per row (bulk_ddl.c: secondary indexes,
 * user triggers, among them the lock triggers that src/store/bulk.c
 * checks for the whole load through bulk_locked, and references); the
 * end writes the audit rows, one 'create' row per new row chained after
 * the log's last row in the order of the rows, as tl_store_insert would
 * have, checks the references, one that points nowhere refused naming
 * its record, and puts the rest back: one sort per index.  All of it is
 * one transaction: a failure leaves the schema and the rows as they
 * were.
 *
 * The ids the load adds are kept, per kind, in a hash set (16 bytes an
 * id), which answers *dup at once, bulk_holds and bulk_shared_id
 * without asking the server; for a kind that held rows as the load
 * began (src/store/bulk.c sends only empty ones from an import, but the
 * contract allows others) the ids it held are read once, into a set of
 * their own, before its first row.
 */
#include "pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/store/audit.h"

/* An open-addressing set of 16-byte ids (UUIDs without their dashes):
 * the all-zero id marks an empty slot, and is kept apart. */
struct idset {
	unsigned char (*slot)[16];
	size_t n, cap; /* cap: a power of two, or 0 */
	bool zero;     /* 00000000-0000-0000-0000-000000000000 is in */
};

struct pg_bulk {
	struct tl_store *st;
	PGconn *conn;
	struct tl_pg_copy copy;     /* the rows going in (copyin.c) */
	long long base[TL_K_COUNT]; /* largest seq before the load */
	bool touched[TL_K_COUNT];
	struct idset ids[TL_K_COUNT];  /* the ids the load added */
	struct idset old[TL_K_COUNT];  /* those a kind held before */
	bool old_read[TL_K_COUNT];
	char **keys;                /* principle keys known to exist */
	int nkeys, capkeys;
	struct tl_pg_put_off off;   /* taken off the tables until the end */
	bool audit_prepared;        /* the audit log's too */
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

/* The id of 16 bytes k as text. */
static void id_text(const unsigned char k[16], char out[TL_ID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	char *o = out;

	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex[k[i] >> 4];
		*o++ = hex[k[i] & 15];
	}
	*o = '\0';
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
		*had = s->zero;
		s->zero = true;
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

	if (!memcmp(key, zero, 16))
		return s->zero;
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
	b->copy.st = st;
	b->copy.table = -1;
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
 * The ids a kind held as the load began, into b->old[kind], read in
 * pieces along the id index: *dup must also say when an id is taken by
 * a record the load did not add.
 */
static enum tl_status read_old(struct pg_bulk *b, enum tl_kind kind,
			       struct tl_error *err)
{
	char sql[160], after[TL_ID_LEN + 1] = "";
	enum tl_status rc = TL_OK;
	int n;

	b->old_read[kind] = true;
	if (b->base[kind] == 0)
		return TL_OK;
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE id > $1 AND seq "
		 "<= %lld ORDER BY id LIMIT 20000", tl_entity_get(kind)->plural,
		 b->base[kind]);
	do {
		const char *params[1] = {after};
		PGresult *res = tl_pg_run(b->st, sql, 1, params,
					  N_("reading the database"), err);

		if (!res)
			return err ? err->status : TL_EDB;
		n = PQntuples(res);
		for (int i = 0; rc == TL_OK && i < n; i++) {
			unsigned char key[16];
			bool had;

			if (id_bytes(PQgetvalue(res, i, 0), key) &&
			    !idset_add(&b->old[kind], key, &had))
				rc = oom(err);
		}
		if (n > 0)
			snprintf(after, sizeof(after), "%s",
				 PQgetvalue(res, n - 1, 0));
		PQclear(res);
	} while (rc == TL_OK && n == 20000);
	return rc;
}

/* The first row of a kind (its table prepared), or of a kind again
 * after something else ended its COPY. */
static enum tl_status start_copy(struct pg_bulk *b, const struct tl_entity *e,
				 struct tl_error *err)
{
	enum tl_status rc = tl_pg_copy_end(&b->copy, err);

	if (rc == TL_OK && !b->touched[e->kind]) {
		if (!b->audit_prepared) {
			/* The first table of the load: the audit log's
			 * index goes too. */
			rc = tl_pg_put_off(b->st, &b->off, "audit", NULL, err);
			b->audit_prepared = rc == TL_OK;
		}
		if (rc == TL_OK)
			rc = tl_pg_put_off(b->st, &b->off, e->plural, b->base,
					   err);
		b->touched[e->kind] = rc == TL_OK;
	}
	if (rc != TL_OK)
		return rc;
	return tl_pg_copy_start(&b->copy, (int)e->kind, err);
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
	if (!b->old_read[e->kind]) {
		rc = read_old(b, e->kind, err);
		if (rc != TL_OK)
			return rc;
	}
	if (id_bytes(r->id, key)) {
		if (!idset_add(&b->ids[e->kind], key, &had))
			return oom(err);
		if (had || idset_has(&b->old[e->kind], key)) {
			if (dup)
				*dup = true;
			return tl_error_set(err, TL_EINVAL, _("The id %s "
					    "comes twice."), r->id);
		}
	}
	if (b->copy.table != (int)e->kind) {
		rc = start_copy(b, e, err);
		if (rc != TL_OK)
			return rc;
	}
	if (!tl_pg_copy_record(&b->copy, r, held))
		return oom(err);
	return tl_pg_copy_send(&b->copy, err);
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

/* The smaller of key and *best (when `found`) into *best. */
static void keep_least(const unsigned char key[16], unsigned char best[16],
		       bool *found)
{
	if (!*found || memcmp(key, best, 16) < 0)
		memcpy(best, key, 16);
	*found = true;
}

/*
 * The smallest id in both s and t, from the sets alone: the smaller set
 * is walked and each of its ids looked up in the other, so that all the
 * pairs of a load's kinds cost about as many lookups as its ids (most
 * ids are in the two or three largest kinds).
 */
static void least_shared(const struct idset *s, const struct idset *t,
			 unsigned char best[16], bool *found)
{
	static const unsigned char zero[16];

	if (s->n > t->n) {
		const struct idset *x = s;
		s = t;
		t = x;
	}
	if (s->zero && t->zero)
		keep_least(zero, best, found);
	for (size_t i = 0; i < s->cap; i++)
		if (memcmp(s->slot[i], zero, 16) && idset_has(t, s->slot[i]))
			keep_least(s->slot[i], best, found);
}

enum tl_status tl_pg_bulk_shared_id(void *be, char out[TL_ID_LEN + 1],
				    struct tl_error *err)
{
	struct pg_bulk *b = be;
	unsigned char best[16];
	bool found = false;

	(void)err;
	for (int k = 0; k < TL_K_COUNT; k++)
		for (int j = k + 1; j < TL_K_COUNT; j++)
			least_shared(&b->ids[k], &b->ids[j], best, &found);
	if (found)
		id_text(best, out);
	else
		out[0] = '\0';
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
			rc = tl_pg_copy_start(&b->copy, TL_PG_AUDIT, err);
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
				if (!tl_pg_copy_audit(&b->copy, &a))
					rc = oom(err);
				memcpy(prev, hash, sizeof(prev));
				if (rc == TL_OK)
					rc = tl_pg_copy_send(&b->copy, err);
			}
			if (n > 0)
				after = strtoll(PQgetvalue(res, n - 1, 0),
						NULL, 10);
			PQclear(res);
			{
				enum tl_status end = tl_pg_copy_end(&b->copy,
								    err);
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
	enum tl_status rc = tl_pg_copy_end(&b->copy, err);

	if (rc == TL_OK)
		rc = fill_audit(b, err);
	/* Here, as SQLite checks a new database's references in its
	 * bulk_finish: before the store's checks among the records, which
	 * then read through the indexes. */
	if (rc == TL_OK)
		rc = tl_pg_put_back(b->st, &b->off, true, err);
	return rc;
}

void tl_pg_bulk_done(void *be)
{
	struct pg_bulk *b = be;

	if (!b)
		return;
	for (int k = 0; k < TL_K_COUNT; k++) {
		free(b->ids[k].slot);
		free(b->old[k].slot);
	}
	for (int i = 0; i < b->nkeys; i++)
		free(b->keys[i]);
	free(b->keys);
	tl_pg_put_off_free(&b->off);
	tl_pg_copy_free(&b->copy);
	free(b);
}
