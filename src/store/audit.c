/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * audit.c - the audit log above the engines: who acts (the person whose
 * login is the OS account), each row appended as a link of a hash chain,
 * and the walk that checks the chain; and SHA-256, made with Nettle.
 *
 * A row's hash covers the hash of the row before it (audit.h gives the
 * encoding), so a row changed, removed or put in later breaks the chain
 * at that row or the next, and tl_store_audit_check finds it.  The
 * engine only reads the last row and stores rows as given (backend.h);
 * the hash is made here, once for every engine.  A bulk load writes its
 * rows in the engine with the same tl_audit_hash (src/store/sqlite/
 * audit.c).
 */
#include "tillit/store/audit.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "backend.h"
#include "internal.h"

/* Rows read at a time by the walk of tl_store_audit_check. */
#define WALK_PAGE 500

static void hex_digest(struct sha256_ctx *ctx, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t md[SHA256_DIGEST_SIZE];

	sha256_digest(ctx, sizeof(md), md);
	for (unsigned int i = 0; i < sizeof(md); i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0x0f];
	}
	out[64] = '\0';
}

void tl_sha256_hex(const void *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	hex_digest(&ctx, out);
}

/* One item of the encoding: "LEN:BYTES," or "~" for NULL. */
static void put_item(struct sha256_ctx *ctx, const char *v)
{
	char len[32];
	int n;

	if (!v) {
		sha256_update(ctx, 1, (const uint8_t *)"~");
		return;
	}
	n = snprintf(len, sizeof(len), "%zu:", strlen(v));
	sha256_update(ctx, (size_t)n, (const uint8_t *)len);
	sha256_update(ctx, strlen(v), (const uint8_t *)v);
	sha256_update(ctx, 1, (const uint8_t *)",");
}

void tl_audit_hash(const struct tl_audit *a, char out[65])
{
	struct sha256_ctx ctx;
	char seq[32];

	snprintf(seq, sizeof(seq), "%lld", a->seq);
	sha256_init(&ctx);
	put_item(&ctx, "tillit-audit-1");
	put_item(&ctx, a->prev);
	put_item(&ctx, seq);
	put_item(&ctx, a->at);
	put_item(&ctx, a->clock);
	put_item(&ctx, a->actor);
	put_item(&ctx, a->os_user);
	put_item(&ctx, a->entity);
	put_item(&ctx, a->id);
	put_item(&ctx, a->action);
	put_item(&ctx, a->field);
	put_item(&ctx, a->old_value);
	put_item(&ctx, a->new_value);
	hex_digest(&ctx, out);
}

/* ---- who acts ------------------------------------------------------- */

void tl_actor_forget(struct tl_store *st)
{
	st->actor_known = 0;
	st->actor[0] = '\0';
	tl_viewer_forget(st);
}

enum tl_status tl_store_actor(struct tl_store *st, char id[TL_ID_LEN + 1],
			      struct tl_error *err)
{
	enum tl_status rc;

	id[0] = '\0';
	if (st->as[0]) {
		memcpy(id, st->as, TL_ID_LEN + 1);
		return TL_OK;
	}
	if (st->actor_known == 0) {
		char found[TL_ID_LEN + 1];

		rc = tl_store_person_by_login(st, st->os_user, found, err);
		if (rc != TL_OK && rc != TL_ENOTFOUND)
			return rc;
		/* A user id without a name ("uid N") is no one's login. */
		if (rc == TL_OK && st->os_named) {
			memcpy(st->actor, found, sizeof(st->actor));
			st->actor_known = 1;
		} else {
			st->actor_known = -1;
		}
	}
	if (st->actor_known < 0) {
		if (!st->os_named)
			return tl_error_set(err, TL_ENOTFOUND, _("Your OS "
					    "account (%s) has no name, so it is "
					    "no person's login."), st->os_user);
		return tl_error_set(err, TL_ENOTFOUND, _("No person in tillit "
				    "has the login %s, your OS account; give "
				    "it to yourself with `tillit person edit "
				    "YOU --login %s`."), st->os_user,
				    st->os_user);
	}
	memcpy(id, st->actor, TL_ID_LEN + 1);
	return TL_OK;
}

const char *tl_store_os_account(const struct tl_store *st)
{
	return st->os_user;
}

enum tl_status tl_store_act_as(struct tl_store *st, const char *person,
			       struct tl_error *err)
{
	struct tl_record *r = NULL;
	bool may = false;
	enum tl_status rc;

	rc = st->ops->may_act_as ? st->ops->may_act_as(st, &may, err) : TL_OK;
	if (rc != TL_OK)
		return rc;
	if (!may && tl_store_is_server(st->path))
		return tl_error_set(err, TL_EREFUSED, _("On the organisation's "
				    "server you act as the role you logged in "
				    "as (%s); only a member of tillit_admin "
				    "may use --as."), st->os_user);
	if (!may)
		return tl_error_set(err, TL_EREFUSED, _("--as is for a database "
				    "of your own, and %s belongs to another "
				    "account than yours (%s)."), st->path,
				    st->os_user);
	rc = tl_get(st, TL_K_PERSON, person, &r, err);
	tl_record_free(r);
	if (rc != TL_OK)
		return rc;
	snprintf(st->as, sizeof(st->as), "%s", person);
	tl_viewer_forget(st); /* read as them from now on */
	return TL_OK;
}

/* ---- appending ------------------------------------------------------ */

enum tl_status tl_audit_add(struct tl_store *st, const char *entity,
			    const char *id, const char *action,
			    const char *field, const char *old_value,
			    const char *new_value, struct tl_error *err)
{
	char actor[TL_ID_LEN + 1], prev[65], hash[65];
	struct tl_audit a = {
		.os_user = st->os_user, .entity = (char *)entity,
		.action = (char *)action, .field = (char *)field,
		.old_value = (char *)old_value, .new_value = (char *)new_value,
		.clock = tl_clock_fixed() ? "TILLIT_NOW" : "system",
		.prev = prev, .hash = hash,
	};
	long long last = 0;
	enum tl_status rc;

	/* A person was written: whose login is the account may change. */
	if (!strcmp(entity, "people"))
		tl_actor_forget(st);
	rc = tl_store_actor(st, actor, NULL);
	if (rc == TL_OK)
		a.actor = actor;
	else if (rc != TL_ENOTFOUND)
		return tl_store_actor(st, actor, err);
	snprintf(a.id, sizeof(a.id), "%s", id);
	tl_clock_stamp(a.at);
	rc = st->ops->audit_tail(st, &last, prev, err);
	if (rc != TL_OK)
		return rc;
	a.seq = last + 1;
	/* The first row of a change names it; a row written outside a
	 * transaction is a change of its own. */
	if (st->depth == 0 || st->change == 0)
		st->change = a.seq;
	a.change = st->change;
	tl_audit_hash(&a, hash);
	return st->ops->audit_add(st, &a, err);
}

/* ---- checking -------------------------------------------------------- */

/* Records in brk that the chain breaks at row r, for fault. */
static void set_break(struct tl_audit_break *brk, enum tl_audit_fault fault,
		      const struct tl_audit *r, long long after)
{
	brk->fault = fault;
	brk->seq = r->seq;
	brk->after = after;
	snprintf(brk->entity, sizeof(brk->entity), "%s",
		 r->entity ? r->entity : "");
	snprintf(brk->id, sizeof(brk->id), "%s", r->id);
	snprintf(brk->action, sizeof(brk->action), "%s",
		 r->action ? r->action : "");
}

/*
 * Checks row r against the row before it (last_seq, whose stored hash is
 * last_hash; last_seq 0 when r is the first row): the first fault found,
 * or TL_AUDIT_WHOLE.  The link is checked before the content: a row
 * whose prev was changed also fails its hash, and the link says more.
 */
static enum tl_audit_fault check_row(const struct tl_audit *r,
				     long long last_seq,
				     const char *last_hash)
{
	char actual[65];

	if (!r->prev || strcmp(r->prev, last_seq ? last_hash : TL_AUDIT_ZERO)) {
		if (last_seq == 0)
			return r->seq > 1 ? TL_AUDIT_MISSING
					  : TL_AUDIT_UNSTARTED;
		return r->seq != last_seq + 1 ? TL_AUDIT_MISSING
					      : TL_AUDIT_UNLINKED;
	}
	tl_audit_hash(r, actual);
	if (!r->hash || strcmp(r->hash, actual))
		return TL_AUDIT_CHANGED;
	return TL_AUDIT_WHOLE;
}

enum tl_status tl_store_audit_check(struct tl_store *st, long *rows,
				    struct tl_audit_break *brk,
				    char head[65], struct tl_error *err)
{
	struct tl_audit_break found = {.fault = TL_AUDIT_WHOLE};
	char last_hash[65] = TL_AUDIT_ZERO;
	long long last_seq = 0;
	struct tl_audit *page = NULL;
	long count = 0;
	int n = 0;
	/* One snapshot for the whole walk, unless the caller holds one. */
	bool own = st->depth == 0 && !st->reading;
	enum tl_status rc;

	if (st->ops->audit_whole) {
		bool whole = true;

		rc = st->ops->audit_whole(st, &whole, err);
		if (rc != TL_OK)
			return rc;
		if (!whole)
			return tl_error_set(err, TL_EREFUSED, _("Only the "
					    "database's owner can check the "
					    "audit log's chain: your role "
					    "reads only the rows about what "
					    "you may read."));
	}
	rc = tl_store_read_begin(st, err);
	while (rc == TL_OK) {
		rc = st->ops->audit_after(st, last_seq, WALK_PAGE, &page, &n,
					  err);
		if (rc != TL_OK)
			break;
		for (int i = 0; i < n; i++) {
			const struct tl_audit *r = &page[i];
			enum tl_audit_fault f = TL_AUDIT_WHOLE;

			if (found.fault == TL_AUDIT_WHOLE)
				f = check_row(r, last_seq, last_hash);
			if (f != TL_AUDIT_WHOLE)
				set_break(&found, f, r, last_seq);
			/* Past a break, rows are only counted; the stored
			 * hash of a whole row is its 64 hex digits. */
			snprintf(last_hash, sizeof(last_hash), "%s",
				 r->hash ? r->hash : "");
			last_seq = r->seq;
			count++;
		}
		tl_audit_free(page, n);
		page = NULL;
		if (n < WALK_PAGE)
			break;
	}
	if (own)
		tl_store_read_end(st);
	if (rc != TL_OK)
		return rc;
	if (rows)
		*rows = count;
	if (brk)
		*brk = found;
	if (head)
		memcpy(head, last_hash, 65);
	return TL_OK;
}

enum tl_status tl_store_audit_head(struct tl_store *st, char head[65],
				   struct tl_error *err)
{
	long long last = 0;

	return st->ops->audit_tail(st, &last, head, err);
}
