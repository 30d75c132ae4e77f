/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * atomic.c - a file written beside its final name and renamed into
 * place, for the exports of the command line and the full-screen program.
 *
 * An export holds records, notes of one-to-ones among them: it is made
 * 0600 whatever the umask (mkstemp makes the temporary file so), and a
 * file it replaces keeps its own mode, so that an export never widens
 * what the user narrowed; a mode given on purpose (--mode) is set as
 * given, whatever the umask.  fflush, fsync and a checked fclose make
 * sure the content is on disk (and a full disk is noticed) before
 * rename(2) makes it visible.  tl_dir_check_private() tells a folder
 * fit for private temporary files (drafts, the editor's file) from one
 * that someone else could plant links or files in.
 */
#include "tillit/export/atomic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"

static enum tl_status cannot_write(struct tl_error *err, const char *path,
				   int e)
{
	return tl_error_set(err, TL_ESYS, _("Cannot write %s: %s."), path,
			    strerror(e));
}

enum tl_status tl_write_atomic(const char *path, tl_write_fn write_fn,
			       void *ctx, struct tl_error *err)
{
	return tl_write_atomic_mode(path, -1, write_fn, ctx, err);
}

enum tl_status tl_write_atomic_mode(const char *path, int want,
				    tl_write_fn write_fn, void *ctx,
				    struct tl_error *err)
{
	static const char suffix[] = ".XXXXXX";
	size_t len = strlen(path);
	char *tmp = malloc(len + sizeof(suffix));
	enum tl_status rc;
	struct stat old;
	mode_t mode;
	FILE *f;
	int fd;

	if (!tmp)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	memcpy(tmp, path, len);
	memcpy(tmp + len, suffix, sizeof(suffix));
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = cannot_write(err, path, errno);
		free(tmp);
		return rc;
	}
	/* A mode asked for is what the user chose; else a file replaced
	 * keeps its mode and a new one is the user's alone. */
	if (want >= 0)
		mode = (mode_t)want & 0777;
	else
		mode = stat(path, &old) == 0 && S_ISREG(old.st_mode)
		       ? old.st_mode & 0666 : 0600;
	if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "w"))) {
		rc = cannot_write(err, path, errno);
		close(fd);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	rc = write_fn(f, ctx, err);
	errno = 0;
	if (rc == TL_OK && (fflush(f) == EOF || ferror(f) ||
			    fsync(fileno(f)) != 0))
		rc = cannot_write(err, path, errno ? errno : EIO);
	if (fclose(f) == EOF && rc == TL_OK)
		rc = cannot_write(err, path, errno);
	if (rc == TL_OK && rename(tmp, path) != 0)
		rc = cannot_write(err, path, errno);
	if (rc != TL_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

enum tl_status tl_dir_check_private(const char *dir, const char *outcome,
				    struct tl_error *err)
{
	struct stat sb;

	if (lstat(dir, &sb) != 0)
		return tl_error_set(err, TL_ESYS, _("%s: cannot use the folder "
				    "%s (%s)."), outcome, dir,
				    strerror(errno));
	if (S_ISLNK(sb.st_mode))
		return tl_error_set(err, TL_EREFUSED, _("%s: a symbolic link stands "
				    "in the place of the folder %s."), outcome, dir);
	if (!S_ISDIR(sb.st_mode))
		return tl_error_set(err, TL_EREFUSED, _("%s: something other than a "
				    "folder stands at %s."), outcome, dir);
	if (sb.st_uid != geteuid())
		return tl_error_set(err, TL_EREFUSED, _("%s: another user owns the "
				    "folder %s."), outcome, dir);
	if (sb.st_mode & (S_IWGRP | S_IWOTH))
		return tl_error_set(err, TL_EREFUSED, _("%s: others may write "
				    "to the folder %s."), outcome, dir);
	return TL_OK;
}
