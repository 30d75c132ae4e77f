/*
 * atomic.c - a file written beside its final name and renamed into
 * place, for the exports of the command line and the full-screen program.
 *
 * mkstemp makes the temporary file 0600; an export is the user's file
 * like any other, so it gets 0666 less the umask before any content is
 * written.  fflush, fsync and a checked fclose make sure the content is
 * on disk (and a full disk is noticed) before rename(2) makes it visible.
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
	static const char suffix[] = ".XXXXXX";
	size_t len = strlen(path);
	char *tmp = malloc(len + sizeof(suffix));
	enum tl_status rc;
	mode_t mask;
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
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || !(f = fdopen(fd, "w"))) {
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
