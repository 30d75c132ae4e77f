/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * draft.c - drafts of forms that a signal closed, kept next to the
 * database (draft.h).
 *
 * A draft is written when the program is about to end, so it is written
 * plainly and safely: into a temporary file in the drafts folder, synced,
 * then renamed to its name, so that a draft is either whole or absent.
 * Names are "<kind>-<UTC time>-<pid>.json"; the oldest (by modification
 * time) is offered first.  The folder is made 0700 and used only while it
 * is a folder of the user's own that others cannot write to.
 */
#include "tillit/ui/draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/validate.h"
#include "tillit/export/atomic.h"
#include "tillit/store/store.h"

#define DRAFT_FORMAT "tillit-draft"
#define DRAFT_VERSION 1
#define DRAFT_MAX_FIELDS 64

/*
 * "<db>.drafts" into out; false when it does not fit or there is no
 * file.  A server's database has no file to sit beside: its drafts go
 * to the user's own data folder, in a folder named by a hash of the
 * connection string (which is never written out: it may hold a
 * password).
 */
static bool draft_dir(const char *db_path, char *out, size_t size)
{
	int n;

	if (!db_path || !*db_path || !strcmp(db_path, ":memory:"))
		return false;
	if (tl_store_is_server(db_path)) {
		const char *xdg = getenv("XDG_DATA_HOME");
		const char *home = getenv("HOME");
		unsigned long h = 5381;

		for (const char *p = db_path; *p; p++)
			h = h * 33 + (unsigned char)*p;
		if (xdg && *xdg == '/')
			n = snprintf(out, size, "%s/tillit/server-%08lx.drafts",
				     xdg, h & 0xffffffffUL);
		else if (home && *home == '/')
			n = snprintf(out, size, "%s/.local/share/tillit/"
				     "server-%08lx.drafts", home,
				     h & 0xffffffffUL);
		else
			return false;
		return n > 0 && (size_t)n < size;
	}
	n = snprintf(out, size, "%s.drafts", db_path);
	return n > 0 && (size_t)n < size;
}

/* The drafts folder at dir, when it is there, is one tillit may use. */
static enum tl_status dir_usable(const char *dir, struct tl_error *err)
{
	struct stat sb;

	if (lstat(dir, &sb) != 0 && errno == ENOENT)
		return TL_OK; /* made 0700 when a draft is kept */
	return tl_dir_check_private(dir, _("Drafts are not kept"), err);
}

enum tl_status ui_draft_folder_check(const char *db_path,
				     struct tl_error *err)
{
	char dir[PATH_MAX];

	if (!draft_dir(db_path, dir, sizeof(dir)))
		return TL_OK;
	return dir_usable(dir, err);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && !strcmp(s + n - k, suffix);
}

/* Writes all of buf to fd. */
static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t k = write(fd, buf, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		buf += k;
		len -= (size_t)k;
	}
	return true;
}

static json_t *draft_json(const struct tl_record *r,
			  unsigned long long fields, const char *title)
{
	json_t *doc = json_object(), *vals = json_object();
	char stamp[TL_STAMP_SIZE];

	if (!doc || !vals) {
		json_decref(doc);
		json_decref(vals);
		return NULL;
	}
	tl_clock_stamp(stamp);
	json_object_set_new(doc, "format", json_string(DRAFT_FORMAT));
	json_object_set_new(doc, "version", json_integer(DRAFT_VERSION));
	json_object_set_new(doc, "kind", json_string(r->e->name));
	if (r->id[0])
		json_object_set_new(doc, "id", json_string(r->id));
	if (title)
		json_object_set_new(doc, "title", json_string(title));
	json_object_set_new(doc, "saved_at", json_string(stamp));
	for (int i = 0; i < r->e->nfields && i < DRAFT_MAX_FIELDS; i++) {
		const char *v = tl_record_get(r, i);

		if (!(fields & (1ULL << i)))
			continue;
		/* Text that is not UTF-8 cannot be JSON; keep what can be. */
		json_object_set_new(vals, r->e->fields[i].name,
				    v ? json_stringn_nocheck(v, strlen(v))
				      : json_null());
	}
	json_object_set_new(doc, "fields", vals);
	return doc;
}

enum tl_status ui_draft_save(const char *db_path, const struct tl_record *r,
			     unsigned long long fields, const char *title,
			     char *path, size_t size, struct tl_error *err)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 32], final[PATH_MAX + 96];
	char stamp[TL_STAMP_SIZE], compact[TL_STAMP_SIZE];
	enum tl_status rc;
	json_t *doc;
	char *text;
	size_t n = 0;
	int fd;
	bool ok;

	if (!r || !r->e || !draft_dir(db_path, dir, sizeof(dir)))
		return tl_error_set(err, TL_ESYS, _("There is no folder to "
				    "keep a draft in."));
	/* A server's drafts folder is in the user's data folder, which
	 * may not be there yet: its parents are made first (0700). */
	for (char *slash = tl_store_is_server(db_path) ? strchr(dir + 1, '/')
						       : NULL;
	     slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*slash = '/';
			break; /* said below, by the folder's own mkdir */
		}
		*slash = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return tl_error_set(err, TL_ESYS, _("Cannot make %s: %s."),
				    dir, strerror(errno));
	/* Never into a folder that is a link, another user's, or open to
	 * others: they could plant what the draft is written through. */
	rc = tl_dir_check_private(dir, _("Drafts are not kept"), err);
	if (rc != TL_OK)
		return rc;
	/* "2026-11-23T10:00:00Z" as "20261123T100000Z". */
	tl_clock_stamp(stamp);
	for (const char *p = stamp; *p; p++)
		if (*p != '-' && *p != ':')
			compact[n++] = *p;
	compact[n] = '\0';
	snprintf(final, sizeof(final), "%s/%s-%s-%ld.json", dir, r->e->name,
		 compact, (long)getpid());
	snprintf(tmp, sizeof(tmp), "%s/.draft-%ld.tmp", dir, (long)getpid());

	doc = draft_json(r, fields, title);
	text = doc ? json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER)
		   : NULL;
	json_decref(doc);
	if (!text)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* A new file of its own: never through a link someone planted
	 * where it goes (unlink removes the link, not what it names). */
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0) {
		free(text);
		return tl_error_set(err, TL_ESYS, _("Cannot write %s: %s."),
				    tmp, strerror(errno));
	}
	/* 0600 whatever the umask: a draft may hold personal data. */
	ok = fchmod(fd, 0600) == 0 && write_all(fd, text, strlen(text)) &&
	     write_all(fd, "\n", 1) && fsync(fd) == 0;
	free(text);
	if (close(fd) != 0)
		ok = false;
	if (!ok || rename(tmp, final) != 0) {
		int e = errno;
		unlink(tmp);
		return tl_error_set(err, TL_ESYS, _("Cannot write %s: %s."),
				    final, strerror(e ? e : EIO));
	}
	if (path)
		snprintf(path, size, "%s", final);
	return TL_OK;
}

bool ui_draft_next(const char *db_path, char *path, size_t size)
{
	char dir[PATH_MAX], full[PATH_MAX + 260], best[PATH_MAX + 260] = "";
	struct timespec best_at = {0, 0};
	struct dirent *de;
	struct stat sb;
	DIR *d;

	/* Drafts are only taken from a folder that only the user writes. */
	if (!draft_dir(db_path, dir, sizeof(dir)) ||
	    dir_usable(dir, NULL) != TL_OK || !(d = opendir(dir)))
		return false;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' || !has_suffix(de->d_name, ".json"))
			continue;
		snprintf(full, sizeof(full), "%s/%s", dir, de->d_name);
		if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		if (!best[0] || sb.st_mtim.tv_sec < best_at.tv_sec ||
		    (sb.st_mtim.tv_sec == best_at.tv_sec &&
		     (sb.st_mtim.tv_nsec < best_at.tv_nsec ||
		      (sb.st_mtim.tv_nsec == best_at.tv_nsec &&
		       strcmp(full, best) < 0)))) {
			best_at = sb.st_mtim;
			snprintf(best, sizeof(best), "%s", full);
		}
	}
	closedir(d);
	if (!best[0] || strlen(best) >= size)
		return false;
	memcpy(path, best, strlen(best) + 1);
	return true;
}

static enum tl_status damaged(const char *path, const char *why,
			      struct tl_error *err)
{
	/* What happened first, the long path last: a status line cuts the
	 * end of a sentence that does not fit. */
	return tl_error_set(err, TL_EINVAL, _("A draft cannot be read (%s); "
			    "it was kept as %s.damaged."), why, path);
}

enum tl_status ui_draft_load(const char *path, struct tl_record **r,
			     unsigned long long *fields, char **title,
			     struct tl_error *err)
{
	const struct tl_entity *e;
	const char *format, *kind, *id, *key, *t;
	json_error_t jerr;
	json_t *doc, *vals, *v, *version;
	struct tl_record *rec;
	unsigned long long have = 0;

	*r = NULL;
	*fields = 0;
	*title = NULL;
	doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return damaged(path, jerr.text, err);
	format = json_string_value(json_object_get(doc, "format"));
	version = json_object_get(doc, "version");
	kind = json_string_value(json_object_get(doc, "kind"));
	id = json_string_value(json_object_get(doc, "id"));
	vals = json_object_get(doc, "fields");
	e = kind ? tl_entity_find(kind) : NULL;
	if (!format || strcmp(format, DRAFT_FORMAT) ||
	    !json_is_integer(version) ||
	    json_integer_value(version) != DRAFT_VERSION || !e ||
	    strcmp(e->name, kind) || !json_is_object(vals) ||
	    (id && !tl_id_valid(id))) {
		json_decref(doc);
		return damaged(path, _("not a draft of this version"), err);
	}
	rec = tl_record_new(e->kind);
	if (!rec) {
		json_decref(doc);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (id)
		memcpy(rec->id, id, TL_ID_LEN + 1);
	json_object_foreach(vals, key, v) {
		int i = tl_entity_field(e, key);

		/* A field this version does not know is left out. */
		if (i < 0 || i >= DRAFT_MAX_FIELDS || strcmp(e->fields[i].name,
							     key))
			continue;
		if (!json_is_string(v) && !json_is_null(v))
			continue;
		if (!tl_record_set(rec, i, json_string_value(v))) {
			tl_record_free(rec);
			json_decref(doc);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
		have |= 1ULL << i;
	}
	t = json_string_value(json_object_get(doc, "title"));
	*title = strdup(t ? t : "");
	json_decref(doc);
	if (!*title) {
		tl_record_free(rec);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	*r = rec;
	*fields = have;
	return TL_OK;
}

void ui_draft_remove(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');

	unlink(path);
	if (slash && (size_t)(slash - path) < sizeof(dir)) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		rmdir(dir); /* only when empty */
	}
}

void ui_draft_set_aside(const char *path)
{
	char to[PATH_MAX + 16];

	if (snprintf(to, sizeof(to), "%s.damaged", path) < (int)sizeof(to))
		rename(path, to);
}
