/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * db.c - the SQLite engine's side of opening a database: where the file
 * is created (safely, 0600), refusing files that are not ours or are too
 * new, migrations, pragmas, the WAL and its hook, transactions, the
 * prepared-statement cache and SQLite's errors as sentences; and the
 * table of functions (tl_sqlite_ops) that backend.h asks for.
 */
#include "sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"


/* PRAGMA application_id: "TLIT". */
#define TL_APP_ID 0x544C4954

#define BUSY_TIMEOUT_MS 5000

/* The WAL is checkpointed and emptied once a commit leaves it this long
 * (about 1 MiB, some ten follow-ups). */
#define TL_WAL_BYTES (1024 * 1024)

/*
 * The page size of a new database: 8 KiB rather than SQLite's 4 KiB.  A
 * bulk load (import, gen) re-creates every index at its end, which
 * measured a fifth faster with 8 KiB pages and a third with 16 KiB; but
 * every page read from the OS is then that much larger, and at the large
 * tier 16 KiB made the full-screen program's start 50% slower (29.5
 * against 20.1 ms) where 8 KiB cost 2 ms (bench/notes.md, item 8).  A
 * database made with other pages keeps them.
 */
#define TL_PAGE_SIZE "8192"

/* mkdir -p for the folder part of path, mode 0700 for new folders. */
enum tl_status tl_sqlite_make_dirs(const char *path, struct tl_error *err)
{
	char *dir = strdup(path);
	char *slash;
	enum tl_status rc = TL_OK;

	if (!dir)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return TL_OK;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				rc = tl_error_set(err, TL_ESYS,
						  _("Cannot create the folder "
						  "%s: %s."), dir,
						  strerror(errno));
				break;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return rc;
}

enum tl_status tl_db_error(struct tl_store *st, struct tl_error *err,
			   const char *doing)
{
	int saved_errno = errno; /* before any call can change it */
	sqlite3 *db = tl_sq(st)->db;
	int code = sqlite3_extended_errcode(db);
	const char *msg = sqlite3_errmsg(db);
	int sys = sqlite3_system_errno(db);

	/* A write that failed for want of room (a full disk, a quota, a file
	 * size limit) is an I/O error to SQLite; say what it means.  SQLite
	 * does not always keep the errno of a failed write, but the call
	 * that failed has just returned, so errno still holds it. */
	if (!sys)
		sys = saved_errno;
	if ((code & 0xff) == SQLITE_IOERR &&
	    (sys == ENOSPC || sys == EFBIG || sys == EDQUOT))
		code = SQLITE_FULL;
	switch (code & 0xff) {
	case SQLITE_READONLY:
		return tl_error_set(err, TL_EDB,
				    _("The database %s is read-only."),
				    st->path);
	case SQLITE_FULL:
		return tl_error_set(err, TL_ESYS,
				    _("The disk is full; nothing was saved "
				      "while %s."), _(doing));
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return tl_error_set(err, TL_EDB,
				    _("The database %s stayed busy (another "
				    "program is writing); try again."),
				    st->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return tl_error_set(err, TL_EDB,
				    _("The database %s is damaged (%s)."),
				    st->path, msg);
	case SQLITE_CONSTRAINT:
		if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
			return tl_error_set(err, TL_EREFUSED,
					    _("That would leave records "
					    "pointing at records that do not "
					    "exist; nothing was saved."));
		if (code == SQLITE_CONSTRAINT_TRIGGER)
			return tl_error_set(err, TL_EREFUSED, "%s.", msg);
		return tl_error_set(err, TL_EREFUSED,
				    _("The database refused the change (%s)."),
				    msg);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return tl_error_set(err, TL_ESYS,
				    _("Cannot use the database %s (%s)."),
				    st->path, msg);
	default:
		return tl_error_set(err, TL_EDB,
				    _("Database error while %s: %s."),
				    _(doing), msg);
	}
}

sqlite3_stmt *tl_stmt(struct tl_store *st, const char *sql,
		      struct tl_error *err)
{
	struct tl_sqlite *sq = tl_sq(st);
	sqlite3_stmt *s = NULL;
	int i;

	for (i = 0; i < sq->ncache; i++) {
		if (!strcmp(sq->cache[i].sql, sql)) {
			s = sq->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	if (sqlite3_prepare_v3(sq->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
			       NULL) != SQLITE_OK) {
		tl_db_error(st, err, N_("preparing a query"));
		return NULL;
	}
	if (sq->ncache == TL_STMT_CACHE) {
		/* Full: drop the oldest; statements are cheap to remake. */
		sqlite3_finalize(sq->cache[0].stmt);
		free(sq->cache[0].sql);
		memmove(sq->cache, sq->cache + 1,
			sizeof(sq->cache[0]) * (TL_STMT_CACHE - 1));
		sq->ncache--;
	}
	sq->cache[sq->ncache].sql = strdup(sql);
	if (!sq->cache[sq->ncache].sql) {
		sqlite3_finalize(s);
		tl_error_set(err, TL_ESYS, _("Out of memory."));
		return NULL;
	}
	sq->cache[sq->ncache].stmt = s;
	sq->ncache++;
	return s;
}

enum tl_status tl_exec(struct tl_store *st, const char *sql,
		       struct tl_error *err)
{
	if (sqlite3_exec(tl_sq(st)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("writing"));
	return TL_OK;
}

enum tl_status tl_dangling_error(struct tl_store *st, const char *table,
				 sqlite3_int64 seq, const char *parent,
				 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_find(table);
	const struct tl_entity *p = tl_entity_find(parent);
	char sql[96], id[TL_ID_LEN + 1] = "?";
	sqlite3_stmt *q;

	if (!e)
		return TL_EREFUSED;
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE seq = ?",
		 e->plural);
	if (sqlite3_prepare_v2(tl_sq(st)->db, sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, seq);
		if (sqlite3_step(q) == SQLITE_ROW)
			snprintf(id, sizeof(id), "%s",
				 (const char *)sqlite3_column_text(q, 0));
		sqlite3_finalize(q);
	}
	return tl_error_set(err, TL_EREFUSED, _("The %s %s refers to a %s "
			    "that does not exist; nothing was saved."),
			    _(e->label), id, p ? _(p->label) : _("record"));
}

/* Names the first record whose reference points nowhere. */
static enum tl_status explain_dangling(struct tl_store *st,
				       struct tl_error *err)
{
	sqlite3_stmt *s;
	enum tl_status rc = TL_EREFUSED;

	if (sqlite3_prepare_v2(tl_sq(st)->db, "PRAGMA foreign_key_check", -1,
			       &s, NULL) != SQLITE_OK)
		return rc;
	if (sqlite3_step(s) == SQLITE_ROW)
		rc = tl_dangling_error(st,
				       (const char *)sqlite3_column_text(s, 0),
				       sqlite3_column_int64(s, 1),
				       (const char *)sqlite3_column_text(s, 2),
				       err);
	sqlite3_finalize(s);
	return rc;
}

static enum tl_status pragma_int(struct tl_store *st, const char *sql,
				 long *out, struct tl_error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(tl_sq(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return tl_db_error(st, err, N_("reading the database"));
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading the database"));
	return TL_OK;
}

/* Brings the schema up to TL_SCHEMA_VERSION, one migration at a time. */
static enum tl_status migrate(struct tl_store *st, long version,
			      struct tl_error *err)
{
	enum tl_status rc;
	char sql[96];

	for (long v = version + 1; v <= tl_sqlite_nmigrations; v++) {
		long now = 0;

		rc = tl_exec(st, "BEGIN IMMEDIATE", err);
		if (rc != TL_OK)
			return rc;
		/* Another tillit may have upgraded it while we waited for
		 * the write lock: read the version again, holding it. */
		rc = pragma_int(st, "PRAGMA user_version", &now, err);
		if (rc == TL_OK && now >= v) {
			rc = tl_exec(st, "COMMIT", err);
			if (rc != TL_OK)
				return rc;
			continue;
		}
		if (rc == TL_OK)
			rc = tl_exec(st, tl_sqlite_migrations[v], err);
		snprintf(sql, sizeof(sql),
			 "PRAGMA application_id = %d; PRAGMA user_version = "
			 "%ld",
			 TL_APP_ID, v);
		if (rc == TL_OK)
			rc = tl_exec(st, sql, err);
		if (rc == TL_OK)
			rc = tl_exec(st, "COMMIT", err);
		if (rc != TL_OK) {
			sqlite3_exec(tl_sq(st)->db, "ROLLBACK", NULL, NULL,
				     NULL);
			return rc;
		}
	}
	return TL_OK;
}

/* Reads the version and refuses what is not ours, before any write. */
static enum tl_status check_schema(struct tl_store *st, long *version,
				   struct tl_error *err)
{
	long app = 0, tables = 0;
	enum tl_status rc;

	rc = pragma_int(st, "PRAGMA user_version", version, err);
	if (rc == TL_OK)
		rc = pragma_int(st, "PRAGMA application_id", &app, err);
	if (rc == TL_OK)
		rc = pragma_int(st, "SELECT count(*) FROM "
				    "sqlite_master", &tables,
				err);
	if (rc != TL_OK) {
		if (sqlite3_errcode(tl_sq(st)->db) == SQLITE_NOTADB)
			return tl_error_set(err, TL_EDB,
					    _("%s is not a tillit database "
					    "(not an SQLite file, or "
					    "damaged)."), st->path);
		return rc;
	}
	if (app != TL_APP_ID && (tables > 0 || *version != 0))
		return tl_error_set(err, TL_EDB,
				    _("%s is an SQLite file, but not a tillit "
				    "database."), st->path);
	if (*version > TL_SCHEMA_VERSION)
		return tl_error_set(err, TL_EDB,
				    _("%s was written by a newer tillit "
				    "(schema %ld; this one knows %d); "
				    "upgrade tillit to use it."),
				    st->path, *version, TL_SCHEMA_VERSION);
	return TL_OK;
}

/*
 * Reading a WAL database needs its -shm file, which SQLite cannot create
 * in a folder we may not write to (when the -wal and -shm files are both
 * there, SQLite reads them without writing, and we do not get here).
 * When there is no -wal file either, or an empty one (a checkpoint of
 * wal_hook() leaves it so), every committed change is in the database
 * file itself, and nobody can start writing without making a -wal or
 * -shm file in that folder: then the file can be read as immutable,
 * without any lock or -shm file.  Reopens the connection so, for a
 * read-only store; an SQLite status.
 */
static int reopen_immutable(struct tl_store *st)
{
	static const char hex[] = "0123456789ABCDEF";
	struct tl_sqlite *sq = tl_sq(st);
	char *dir, *slash, *uri, *u;
	size_t len = strlen(st->path);
	char wal[PATH_MAX];
	struct stat sb;
	int rc;

	if (snprintf(wal, sizeof(wal), "%s-wal", st->path) >=
	    (int)sizeof(wal))
		return SQLITE_CANTOPEN;
	if (stat(wal, &sb) == 0 ? sb.st_size != 0 : errno != ENOENT)
		return SQLITE_CANTOPEN; /* committed changes may be in it */
	dir = strdup(st->path);
	if (!dir)
		return SQLITE_NOMEM;
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	rc = access(slash ? dir : ".", W_OK) == 0 ? SQLITE_CANTOPEN
						  : SQLITE_OK;
	free(dir);
	if (rc != SQLITE_OK)
		return rc; /* a folder we may write to: another problem */
	uri = malloc(len * 3 + sizeof("file:?immutable=1"));
	if (!uri)
		return SQLITE_NOMEM;
	u = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)st->path; *p;
	     p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			*u++ = (char)*p;
		} else {
			*u++ = '%';
			*u++ = hex[*p >> 4];
			*u++ = hex[*p & 15];
		}
	}
	strcpy(u, "?immutable=1");
	sqlite3_close(sq->db);
	sq->db = NULL;
	rc = sqlite3_open_v2(uri, &sq->db, SQLITE_OPEN_READONLY |
			     SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (sq->db) {
		sqlite3_extended_result_codes(sq->db, 1);
		sqlite3_busy_timeout(sq->db, BUSY_TIMEOUT_MS);
	}
	return rc;
}

/*
 * After a commit that left the WAL at TL_WAL_BYTES or more: copy it
 * into the database and cut it to nothing, without waiting for readers
 * (a busy reader makes it wait for the next commit).  A WAL that is
 * carried over stays small, so that the next process, which rebuilds
 * the WAL's index by reading all of it, opens quickly, and a plain
 * checkpoint would not do: each new process forgets what was copied, so
 * the WAL would never start over and would grow without end.  What
 * fails here is not the commit's failure: that commit is already safe in
 * the WAL, which SQLite checkpoints again later.
 */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	const struct tl_sqlite *sq = arg;

	if (pages >= sq->wal_pages) {
		sqlite3_busy_timeout(db, 0);
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_TRUNCATE,
					  NULL, NULL);
		sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	}
	return SQLITE_OK;
}

/* True when path's -wal file holds something: then an empty database
 * file may still have committed pages to come (SQLite reads them). */
static bool wal_has_data(const char *path)
{
	char wal[PATH_MAX];
	struct stat sb;

	if (snprintf(wal, sizeof(wal), "%s-wal", path) >= (int)sizeof(wal))
		return true;
	return stat(wal, &sb) == 0 && sb.st_size > 0;
}

/*
 * An empty file where the database should be.  Only a store that may
 * create one (init, import, the full-screen program) takes it, and only
 * when it is a regular file of the user's own, not a link: it is made
 * 0600 like a new one.  Anything else opening it is refused: SQLite
 * would make a database of it, with whatever mode it had.
 */
static enum tl_status take_empty(struct tl_store *st, unsigned flags,
				 struct tl_error *err)
{
	const char *path = st->path;
	struct stat before, after;
	int fd;

	if (!(flags & TL_OPEN_CREATE) || st->readonly)
		return tl_error_set(err, TL_EREFUSED,
				    _("%s is an empty file, not a tillit "
				    "database; 'tillit init' makes one."),
				    path);
	if (lstat(path, &before) != 0 || !S_ISREG(before.st_mode) ||
	    before.st_uid != geteuid())
		return tl_error_set(err, TL_EREFUSED,
				    _("%s is an empty file that is a link or "
				    "not yours; tillit makes a database only "
				    "as a new file or in an empty one of your "
				    "own."), path);
	fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return tl_error_set(err, TL_ESYS, _("Cannot use %s: %s."),
				    path, strerror(errno));
	/* The file opened must be the one looked at, still empty. */
	if (fstat(fd, &after) != 0 || after.st_dev != before.st_dev ||
	    after.st_ino != before.st_ino || after.st_size != 0 ||
	    fchmod(fd, 0600) != 0) {
		int e = errno;
		close(fd);
		return tl_error_set(err, TL_EREFUSED, _("Cannot use %s: %s."),
				    path, strerror(e ? e : EBUSY));
	}
	close(fd);
	return TL_OK;
}

/*
 * The file at st->path, made when it is missing and flags allow: created
 * here as a new file (O_EXCL), mode 0600 whatever the umask, its folder
 * 0700, before SQLite opens it.  SQLite gives the -wal, -shm and journal
 * files the mode of the database, so they are 0600 too.  An empty file
 * is taken or refused by take_empty().
 */
static enum tl_status make_file(struct tl_store *st, unsigned flags,
				bool memory, struct tl_error *err)
{
	const char *path = st->path;
	struct stat sb;
	enum tl_status rc;
	int fd;

	if (memory)
		return TL_OK;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return tl_error_set(err, TL_ESYS, _("Cannot use %s: %s."),
					    path, strerror(errno));
		if (!(flags & TL_OPEN_CREATE) || st->readonly)
			return tl_error_set(err, TL_ENOTFOUND,
					    _("No database at %s."), path);
		rc = tl_sqlite_make_dirs(path, err);
		if (rc != TL_OK)
			return rc;
		/* Create it ourselves so that it is 0600 from the start;
		 * never through a link planted at its name. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
			  O_CLOEXEC, 0600);
		/* Another tillit made it just now: take it as it is. */
		if (fd < 0 && errno == EEXIST && lstat(path, &sb) == 0 &&
		    S_ISREG(sb.st_mode))
			return sb.st_size == 0 && !wal_has_data(path)
				       ? take_empty(st, flags, err)
				       : TL_OK;
		if (fd < 0)
			return tl_error_set(err, TL_ESYS,
					    _("Cannot create %s: %s."), path,
					    strerror(errno));
		if (fchmod(fd, 0600) != 0) {
			int e = errno;
			close(fd);
			unlink(path);
			return tl_error_set(err, TL_ESYS,
					    _("Cannot create %s: %s."), path,
					    strerror(e));
		}
		close(fd);
	} else if (S_ISDIR(sb.st_mode)) {
		return tl_error_set(err, TL_ESYS,
				    _("%s is a folder, not a database file."),
				    path);
	} else if (S_ISREG(sb.st_mode) && sb.st_size == 0 &&
		   !wal_has_data(path)) {
		return take_empty(st, flags, err);
	}
	return TL_OK;
}

/* Whether the file is the account's own (--as is for one's own). */
static enum tl_status sqlite_may_act_as(struct tl_store *st, bool *may,
					struct tl_error *err)
{
	struct stat sb;

	(void)err;
	*may = !strcmp(st->path, ":memory:") ||
	       (stat(st->path, &sb) == 0 && sb.st_uid == geteuid());
	return TL_OK;
}

static void sqlite_close(struct tl_store *st)
{
	struct tl_sqlite *sq = tl_sq(st);

	if (!sq)
		return;
	tl_sqlite_stream_free(st);
	tl_sqlite_private_close(st);
	for (int i = 0; i < sq->ncache; i++) {
		sqlite3_finalize(sq->cache[i].stmt);
		free(sq->cache[i].sql);
	}
	if (sq->db) {
		if (st->depth > 0 || st->reading)
			sqlite3_exec(sq->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(sq->db);
	}
	free(sq);
	st->be = NULL;
}

static enum tl_status sqlite_open(struct tl_store *st, unsigned flags,
				  struct tl_error *err)
{
	const char *path = st->path;
	bool memory = !strcmp(path, ":memory:");
	bool readonly = st->readonly;
	struct tl_sqlite *sq;
	int oflags;
	long version = 0;
	enum tl_status rc;

	rc = make_file(st, flags, memory, err);
	if (rc != TL_OK)
		return rc;
	sq = calloc(1, sizeof(*sq));
	if (!sq)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	st->be = sq;
	oflags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		 SQLITE_OPEN_NOMUTEX;
	/* tillit reads no memory statistics: without them an allocation
	 * takes no lock (parsing the schema at each start allocates much).
	 * Possible only before SQLite starts; later calls do nothing. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(path, &sq->db, oflags, NULL) != SQLITE_OK) {
		rc = sq->db ? tl_db_error(st, err, N_("opening"))
			    : tl_error_set(err, TL_ESYS, _("Out of memory."));
		sqlite_close(st);
		return rc;
	}
	sqlite3_extended_result_codes(sq->db, 1);
	sqlite3_busy_timeout(sq->db, BUSY_TIMEOUT_MS);
	/* Before the migrations: one of them chains the audit log. */
	if (tl_sqlite_chain_register(sq->db) != SQLITE_OK ||
	    tl_sqlite_sort_register(sq->db) != SQLITE_OK) {
		rc = tl_db_error(st, err, N_("opening"));
		sqlite_close(st);
		return rc;
	}

	rc = check_schema(st, &version, err);
	if (rc != TL_OK && readonly && !memory &&
	    ((sqlite3_errcode(sq->db) & 0xff) == SQLITE_READONLY ||
	     (sqlite3_errcode(sq->db) & 0xff) == SQLITE_CANTOPEN) &&
	    reopen_immutable(st) == SQLITE_OK)
		rc = check_schema(st, &version, err);
	if (rc == TL_OK && !readonly && sqlite3_db_readonly(sq->db, "main") == 1)
		rc = tl_error_set(err, TL_EDB,
				  _("The database %s is read-only; tillit can "
				  "only read it (check the file's and the "
				  "folder's permissions)."), path);
	if (rc == TL_OK && readonly && version < TL_SCHEMA_VERSION) {
		/* An older tillit wrote it: upgrade it once, writing, then
		 * open it again to read. */
		struct tl_store *rw = NULL;
		sqlite_close(st);
		rc = tl_store_open(path, flags & ~(unsigned)TL_OPEN_READONLY,
				   &rw, err);
		tl_store_close(rw);
		if (rc != TL_OK) {
			char why[sizeof(err->msg)];
			snprintf(why, sizeof(why), "%s", err ? err->msg : "");
			return tl_error_set(err, rc,
					    _("%s needs an upgrade, which "
					      "failed: %s"), path, why);
		}
		return sqlite_open(st, flags, err);
	}
	/* Only a database with nothing in it yet takes a page size. */
	if (rc == TL_OK && !readonly && version == 0)
		rc = tl_exec(st, "PRAGMA page_size = " TL_PAGE_SIZE, err);
	if (rc == TL_OK && !readonly && !memory)
		rc = tl_exec(st, "PRAGMA journal_mode = WAL", err);
	if (rc == TL_OK)
		rc = tl_exec(st, "PRAGMA foreign_keys = ON", err);
	/*
	 * Every commit syncs the WAL (FULL): a change is on disk when tillit
	 * says it is saved, power loss or not, in a command as in the
	 * full-screen program.  The last connection does not checkpoint on
	 * close (that cost each command three more fsyncs and the WAL's
	 * re-creation at the next start); wal_hook() keeps the -wal file
	 * small instead.
	 */
	if (rc == TL_OK && !readonly)
		rc = tl_exec(st, "PRAGMA synchronous = FULL", err);
	if (rc == TL_OK && !readonly && !memory) {
		long page = 0;

		sqlite3_db_config(sq->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
				  NULL);
		rc = pragma_int(st, "PRAGMA page_size", &page, err);
		sq->wal_pages = page > 0 ? (int)(TL_WAL_BYTES / page) : 256;
		sqlite3_wal_hook(sq->db, wal_hook, sq);
	}
	if (rc == TL_OK && !readonly && version < TL_SCHEMA_VERSION)
		rc = migrate(st, version, err);
	if (rc == TL_OK && !readonly)
		rc = tl_sqlite_sort_repair(st, err);
	if (rc != TL_OK)
		sqlite_close(st);
	return rc;
}

/* PRAGMA data_version: changes when another connection commits. */
static enum tl_status sqlite_change_count(struct tl_store *st, long *n,
					  struct tl_error *err)
{
	return pragma_int(st, "PRAGMA data_version", n, err);
}

/* The outermost level takes the write lock at once, so a busy database
 * waits here (busy timeout) instead of failing later. */
static enum tl_status sqlite_begin(struct tl_store *st, int level,
				   struct tl_error *err)
{
	return tl_exec(st, level == 1 ? "BEGIN IMMEDIATE" : "SAVEPOINT tl",
		       err);
}

static enum tl_status sqlite_commit(struct tl_store *st, int level,
				    struct tl_error *err)
{
	sqlite3 *db = tl_sq(st)->db;
	enum tl_status rc;

	if (level > 1)
		return tl_exec(st, "RELEASE tl", err);
	rc = tl_exec(st, "COMMIT", err);
	if (rc != TL_OK) {
		/* A deferred foreign key fails here: say which record, then
		 * undo the whole change. */
		if (sqlite3_extended_errcode(db) ==
		    SQLITE_CONSTRAINT_FOREIGNKEY)
			rc = explain_dangling(st, err);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

static void sqlite_rollback(struct tl_store *st, int level)
{
	sqlite3_exec(tl_sq(st)->db, level > 1 ? "ROLLBACK TO tl; RELEASE tl"
						: "ROLLBACK", NULL, NULL, NULL);
}

static enum tl_status sqlite_read_begin(struct tl_store *st,
					struct tl_error *err)
{
	return tl_exec(st, "BEGIN", err);
}

static void sqlite_read_end(struct tl_store *st)
{
	sqlite3_exec(tl_sq(st)->db, "COMMIT", NULL, NULL, NULL);
}

const struct tl_backend_ops tl_sqlite_ops = {
	.name = "sqlite",
	.open = sqlite_open,
	.close = sqlite_close,
	.change_count = sqlite_change_count,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.read_begin = sqlite_read_begin,
	.read_end = sqlite_read_end,
	.get = tl_sqlite_get,
	.insert = tl_sqlite_insert,
	.update = tl_sqlite_update,
	.remove = tl_sqlite_remove,
	.find = tl_sqlite_find,
	.allowed = tl_sqlite_allowed,
	.max_number = tl_sqlite_max_number,
	.mark_signed = tl_sqlite_mark_signed,
	.match = tl_sqlite_match,
	.list = tl_sqlite_list,
	.iter_new = tl_sqlite_iter_new,
	.iter_next = tl_sqlite_iter_next,
	.iter_free = tl_sqlite_iter_free,
	.count = tl_sqlite_count,
	.search = tl_sqlite_search,
	.audit_add = tl_sqlite_audit_add,
	.audit_tail = tl_sqlite_audit_tail,
	.audit = tl_sqlite_audit,
	.audit_after = tl_sqlite_audit_after,
	.bulk_begin = tl_sqlite_bulk_begin,
	.bulk_start = tl_sqlite_bulk_start,
	.bulk_add = tl_sqlite_bulk_add,
	.bulk_principle = tl_sqlite_bulk_principle,
	.bulk_set_memory = tl_sqlite_bulk_set_memory,
	.bulk_empty = tl_sqlite_bulk_empty,
	.bulk_holds = tl_sqlite_bulk_holds,
	.bulk_shared_id = tl_sqlite_bulk_shared_id,
	.bulk_locked = tl_sqlite_bulk_locked,
	.bulk_finish = tl_sqlite_bulk_finish,
	.bulk_done = tl_sqlite_bulk_done,
	.keys = tl_sqlite_keys,
	.key_add = tl_sqlite_key_add,
	.key_retire = tl_sqlite_key_retire,
	.may_act_as = sqlite_may_act_as,
	.private_add = tl_sqlite_private_add,
	.private_list = tl_sqlite_private_list,
	.private_delete = tl_sqlite_private_delete,
	.stream_record = tl_sqlite_stream_record,
	.stream_audit = tl_sqlite_stream_audit,
	.stream_end = tl_sqlite_stream_end,
};
