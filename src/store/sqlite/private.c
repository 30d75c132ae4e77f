/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * private.c - the SQLite engine's private notes (private.h): not in the
 * shared database, which anyone who reads the file reads whole, but in
 * a personal file of the OS account's, $XDG_DATA_HOME/tillit/private.db,
 * made 0600 (its folder 0700) whatever the umask.  Ids are global, so
 * one file serves every database the account uses.
 */
#include "sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../internal.h"
#include "tillit/core/i18n.h"

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS private_notes ("
	"id TEXT PRIMARY KEY, author TEXT NOT NULL, on_id TEXT NOT NULL, "
	"written_at TEXT NOT NULL, text TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS private_notes_on ON "
	"private_notes(author, on_id, written_at)";

static enum tl_status priv_error(sqlite3 *db, struct tl_error *err)
{
	return tl_error_set(err, TL_EDB, _("Your private notes cannot be "
			    "used: %s."), db ? sqlite3_errmsg(db)
					     : _("out of memory"));
}

/* The personal file, opened when first needed; made then when create,
 * else *out is NULL while there is none (nothing to read). */
static enum tl_status open_priv(struct tl_store *st, bool create,
				sqlite3 **out, struct tl_error *err)
{
	struct tl_sqlite *sq = tl_sq(st);
	char path[4096];
	struct stat sb;
	enum tl_status rc;
	int fd;

	*out = sq->priv;
	if (sq->priv)
		return TL_OK;
	rc = tl_store_private_path(path, sizeof(path), err);
	if (rc == TL_OK && !create && lstat(path, &sb) != 0 && errno == ENOENT)
		return TL_OK;
	if (rc == TL_OK)
		rc = tl_sqlite_make_dirs(path, err);
	if (rc != TL_OK)
		return rc;
	/* Made here, 0600, never through a link planted at its name. */
	fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return tl_error_set(err, TL_ESYS, _("Cannot use %s: %s."), path,
				    strerror(errno));
	if (fstat(fd, &sb) == 0 && sb.st_uid == geteuid() &&
	    (sb.st_mode & 077))
		(void)fchmod(fd, 0600);
	close(fd);
	if (sqlite3_open_v2(path, &sq->priv, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(sq->priv, 5000) != SQLITE_OK ||
	    sqlite3_exec(sq->priv, schema, NULL, NULL, NULL) != SQLITE_OK) {
		rc = priv_error(sq->priv, err);
		sqlite3_close(sq->priv);
		sq->priv = NULL;
		return rc;
	}
	*out = sq->priv;
	return TL_OK;
}

void tl_sqlite_private_close(struct tl_store *st)
{
	struct tl_sqlite *sq = tl_sq(st);

	if (sq && sq->priv) {
		sqlite3_close(sq->priv);
		sq->priv = NULL;
	}
}

/* Runs s to its end; TL_OK when it ran. */
static enum tl_status step_done(sqlite3 *db, sqlite3_stmt *s,
				struct tl_error *err)
{
	int rc = sqlite3_step(s);

	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? TL_OK : priv_error(db, err);
}

enum tl_status tl_sqlite_private_add(struct tl_store *st,
				     const struct tl_private_note *n,
				     struct tl_error *err)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	enum tl_status rc = open_priv(st, true, &db, err);

	if (rc != TL_OK)
		return rc;
	if (sqlite3_prepare_v2(db, "INSERT INTO private_notes (id, author, "
			       "on_id, written_at, text) VALUES (?, ?, ?, ?, "
			       "?)", -1, &s, NULL) != SQLITE_OK)
		return priv_error(db, err);
	sqlite3_bind_text(s, 1, n->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, n->author, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, n->on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, n->written_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, n->text, -1, SQLITE_STATIC);
	return step_done(db, s, err);
}

enum tl_status tl_sqlite_private_list(struct tl_store *st,
				      const char *author, const char *on,
				      struct tl_private_note **notes, int *n,
				      struct tl_error *err)
{
	struct tl_private_note *out = NULL;
	int count = 0, cap = 0, step;
	sqlite3 *db;
	sqlite3_stmt *s;
	enum tl_status rc = open_priv(st, false, &db, err);

	*notes = NULL;
	*n = 0;
	if (rc != TL_OK || !db)
		return rc;
	if (sqlite3_prepare_v2(db, "SELECT id, author, on_id, written_at, "
			       "text FROM private_notes WHERE author = ?1 AND "
			       "(?2 IS NULL OR on_id = ?2) ORDER BY "
			       "written_at, id", -1, &s, NULL) != SQLITE_OK)
		return priv_error(db, err);
	sqlite3_bind_text(s, 1, author, -1, SQLITE_STATIC);
	if (on)
		sqlite3_bind_text(s, 2, on, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct tl_private_note *p;

		if (count == cap) {
			cap = cap ? 2 * cap : 8;
			p = realloc(out, (size_t)cap * sizeof(*out));
			if (!p)
				break;
			out = p;
		}
		p = &out[count];
		memset(p, 0, sizeof(*p));
		snprintf(p->id, sizeof(p->id), "%s",
			 (const char *)sqlite3_column_text(s, 0));
		snprintf(p->author, sizeof(p->author), "%s",
			 (const char *)sqlite3_column_text(s, 1));
		snprintf(p->on, sizeof(p->on), "%s",
			 (const char *)sqlite3_column_text(s, 2));
		snprintf(p->written_at, sizeof(p->written_at), "%s",
			 (const char *)sqlite3_column_text(s, 3));
		if (!(p->text = strdup((const char *)sqlite3_column_text(s,
									 4))))
			break;
		count++;
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		tl_private_free(out, count);
		return step == SQLITE_ROW ? tl_error_set(err, TL_ESYS,
					    _("Out of memory."))
					  : priv_error(db, err);
	}
	*notes = out;
	*n = count;
	return TL_OK;
}

enum tl_status tl_sqlite_private_delete(struct tl_store *st,
					const char *author, const char *id,
					struct tl_error *err)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	enum tl_status rc = open_priv(st, false, &db, err);

	if (rc != TL_OK || !db)
		return rc;
	if (sqlite3_prepare_v2(db, "DELETE FROM private_notes WHERE id = ? "
			       "AND author = ?", -1, &s, NULL) != SQLITE_OK)
		return priv_error(db, err);
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, author, -1, SQLITE_STATIC);
	return step_done(db, s, err);
}
