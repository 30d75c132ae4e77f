/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store.c - a store, whatever engine holds it: where the database is,
 * which engine opens it, transactions that nest, read snapshots, and the
 * signed meetings an import writes, which become signed at the outermost
 * commit.  The engine (backend.h) does the work; the rules of nesting
 * live here.
 */
#include "tillit/store/store.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tillit/core/account.h"
#include "tillit/core/config.h"
#include "tillit/core/i18n.h"
#include "backend.h"
#include "internal.h"
#include "rules.h"

/* $XDG_DATA_HOME/tillit/NAME, or ~/.local/share/tillit/NAME; n as
 * snprintf's, or -2 when no home folder is known. */
static int data_file(const char *name, char *buf, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && *xdg == '/')
		return snprintf(buf, size, "%s/tillit/%s", xdg, name);
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || !*home)
		return -2;
	return snprintf(buf, size, "%s/.local/share/tillit/%s", home, name);
}

enum tl_status tl_store_path(const char *cli_path, char *buf, size_t size,
			     struct tl_error *err)
{
	const char *env = getenv("TILLIT_DB");
	int n;

	const char *configured = tl_config()->db;

	if (cli_path && *cli_path)
		n = snprintf(buf, size, "%s", cli_path);
	else if (env && *env)
		n = snprintf(buf, size, "%s", env);
	else if (configured)
		n = snprintf(buf, size, "%s", configured);
	else if ((n = data_file("tillit.db", buf, size)) == -2)
		return tl_error_set(err, TL_ESYS,
				    _("No home folder is known; give "
				    "the database with --db PATH."));
	if (n < 0 || (size_t)n >= size)
		return tl_error_set(err, TL_ESYS,
				    _("The database path is too long."));
	return TL_OK;
}

enum tl_status tl_store_private_path(char *buf, size_t size,
				     struct tl_error *err)
{
	int n = data_file("private.db", buf, size);

	if (n == -2)
		return tl_error_set(err, TL_ESYS, _("No home folder is known, "
				    "where your private notes are kept."));
	if (n < 0 || (size_t)n >= size)
		return tl_error_set(err, TL_ESYS, _("The path of your private "
				    "notes is too long."));
	return TL_OK;
}

/*
 * Whether --db names a PostgreSQL database rather than a file: a
 * connection URI (postgresql://, postgres://) or a libpq connection
 * string, which starts with a keyword and "=" ("host=... dbname=...",
 * "service=NAME").  A file name with "=" in it can still be given as a
 * path ("./a=b.db").
 */
bool tl_store_is_server(const char *path)
{
	const char *p = path;

	if (!strncmp(path, "postgresql://", 13) ||
	    !strncmp(path, "postgres://", 11))
		return true;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
		return false;
	while ((*p >= 'a' && *p <= 'z') || *p == '_')
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '=';
}

/* The engine for a database path: PostgreSQL for a connection string or
 * URI, else an SQLite file. */
static const struct tl_backend_ops *choose_backend(const char *path)
{
	return tl_store_is_server(path) ? &tl_pg_ops : &tl_sqlite_ops;
}

enum tl_status tl_store_open(const char *path, unsigned flags,
			     struct tl_store **out, struct tl_error *err)
{
	const struct tl_backend_ops *ops = choose_backend(path);
	struct tl_store *st;
	enum tl_status rc;

	*out = NULL;
	st = calloc(1, sizeof(*st));
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	st->ops = ops;
	st->readonly = flags & TL_OPEN_READONLY;
	st->os_named = tl_os_account(st->os_user, sizeof(st->os_user));
	rc = ops->open(st, flags, err);
	if (rc != TL_OK) {
		tl_store_close(st);
		return rc;
	}
	*out = st;
	return TL_OK;
}

void tl_store_close(struct tl_store *st)
{
	if (!st)
		return;
	st->ops->close(st);
	tl_viewer_forget(st);
	free(st->pending);
	free(st->path);
	free(st);
}

const char *tl_store_filename(const struct tl_store *st)
{
	return st->path;
}

const char *tl_store_label(const struct tl_store *st)
{
	return st->label ? st->label : st->path;
}

bool tl_store_created(const struct tl_store *st)
{
	return st->created;
}

enum tl_status tl_store_change_count(struct tl_store *st, long *n,
				     struct tl_error *err)
{
	return st->ops->change_count(st, n, err);
}

int tl_query_limit(const struct tl_query *q)
{
	if (q->limit <= 0)
		return 50;
	return q->limit > 1000 ? 1000 : q->limit;
}

enum tl_status tl_store_begin(struct tl_store *st, struct tl_error *err)
{
	enum tl_status rc;

	if (st->readonly)
		return tl_error_set(err, TL_EDB,
				    _("The database %s is open read-only."),
				    tl_store_label(st));
	if (st->reading)
		return tl_error_set(err, TL_ESYS, _("A change was started "
						    "inside "
				    "a read snapshot."));
	rc = st->ops->begin(st, st->depth + 1, err);
	if (rc == TL_OK && st->depth++ == 0)
		st->change = 0; /* a change of its own begins */
	return rc;
}

enum tl_status tl_sp_begin(struct tl_store *st, struct tl_error *err)
{
	return tl_store_begin(st, err);
}

enum tl_status tl_sp_end(struct tl_store *st, enum tl_status status,
			 struct tl_error *err)
{
	if (status != TL_OK) {
		tl_store_rollback(st);
		return status;
	}
	return tl_store_commit(st, err);
}

/* Notes meeting_id in the transaction's list of pending meetings. */
static enum tl_status note(struct tl_store *st, const char *meeting_id,
			   bool sign, struct tl_error *err)
{
	struct tl_pending_seal *p;

	if (st->depth == 0)
		return tl_error_set(err, TL_ESYS, _("A signed meeting was "
				    "written outside a transaction."));
	if (st->npending == st->cappending) {
		int cap = st->cappending ? st->cappending * 2 : 8;
		p = realloc(st->pending, (size_t)cap * sizeof(*p));
		if (!p)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		st->pending = p;
		st->cappending = cap;
	}
	p = &st->pending[st->npending++];
	snprintf(p->id, sizeof(p->id), "%s", meeting_id);
	p->depth = st->depth;
	p->sign = sign;
	return TL_OK;
}

enum tl_status tl_defer_signed(struct tl_store *st, const char *meeting_id,
			       struct tl_error *err)
{
	return note(st, meeting_id, true, err);
}

enum tl_status tl_note_fresh(struct tl_store *st, const char *meeting_id,
			     struct tl_error *err)
{
	return note(st, meeting_id, false, err);
}

bool tl_meeting_fresh(const struct tl_store *st, const char *meeting_id)
{
	for (int i = 0; i < st->npending; i++)
		if (!strcmp(st->pending[i].id, meeting_id))
			return true;
	return false;
}

/* Forgets the pending seals written at transaction level `depth` or
 * deeper (a rollback to that level). */
static void drop_pending(struct tl_store *st, int depth)
{
	int n = 0;

	for (int i = 0; i < st->npending; i++)
		if (st->pending[i].depth < depth)
			st->pending[n++] = st->pending[i];
	st->npending = n;
}

/*
 * Makes the meetings an import wrote as signed signed, just before the
 * outermost commit, when everything that belongs to them is in: each
 * with its seal (rules.c).
 */
static enum tl_status apply_pending(struct tl_store *st, struct tl_error *err)
{
	enum tl_status rc = TL_OK;

	for (int i = 0; i < st->npending && rc == TL_OK; i++) {
		if (!st->pending[i].sign)
			continue;
		rc = tl_rule_check_sealed(st, st->pending[i].id, err);
		if (rc == TL_OK)
			rc = st->ops->mark_signed(st, st->pending[i].id, err);
	}
	st->npending = 0;
	return rc;
}

enum tl_status tl_store_commit(struct tl_store *st, struct tl_error *err)
{
	enum tl_status rc;

	if (st->depth == 0)
		return TL_OK;
	if (st->depth > 1) {
		rc = st->ops->commit(st, st->depth, err);
		/* What this level wrote now belongs to the level above. */
		for (int i = 0; i < st->npending; i++)
			if (st->pending[i].depth >= st->depth)
				st->pending[i].depth = st->depth - 1;
		st->depth--;
		return rc;
	}
	rc = apply_pending(st, err);
	if (rc != TL_OK) {
		tl_actor_forget(st);
		st->ops->rollback(st, 1);
		st->depth = 0;
		return rc;
	}
	rc = st->ops->commit(st, 1, err);
	if (rc != TL_OK)
		tl_actor_forget(st); /* the engine rolled it back */
	st->depth = 0;
	return rc;
}

void tl_store_rollback(struct tl_store *st)
{
	if (!st || st->depth == 0)
		return;
	drop_pending(st, st->depth);
	tl_actor_forget(st);
	st->ops->rollback(st, st->depth);
	st->depth--;
}

enum tl_status tl_store_read_begin(struct tl_store *st, struct tl_error *err)
{
	enum tl_status rc;

	if (st->depth > 0 || st->reading)
		return TL_OK;
	rc = st->ops->read_begin(st, err);
	if (rc == TL_OK)
		st->reading = true;
	return rc;
}

void tl_store_read_end(struct tl_store *st)
{
	if (!st || !st->reading)
		return;
	st->ops->read_end(st);
	st->reading = false;
}

