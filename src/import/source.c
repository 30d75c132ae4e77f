/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * source.c - the file an import reads, opened and read by offset.
 *
 * A regular file is read where it lies.  Anything else (a pipe, a FIFO,
 * a device such as /dev/stdin) can be read only once, while the import
 * goes back in the file: to read the kinds in order, to hand a record
 * to jansson from its start, to count lines for a message.  So what is
 * read of such a stream is copied, as it is read, into a temporary file
 * in TMPDIR (made 0600 with O_EXCL and unlinked at once), and read again
 * from there.  The copy holds only what the import has asked for, so a
 * stream that is not JSON (/dev/zero) is refused after its first
 * bytes; and it stops at a cap, so an endless stream cannot fill the
 * disk.  The name "-" is standard input, read the same way.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"

static long long stream_max = TL_IMPORT_STREAM_MAX;

void tl_json_import_stream_max(long long bytes)
{
	stream_max = bytes > 0 ? bytes : TL_IMPORT_STREAM_MAX;
}

/* The folder of the temporary copy: $TMPDIR, else /tmp. */
static const char *tmp_dir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir && *dir ? dir : "/tmp";
}

/* "4 GiB", "1 MiB" or "1000 bytes", into buf. */
static const char *size_text(long long n, char *buf, size_t size)
{
	if (n >= 1024LL * 1024 * 1024 && n % (1024LL * 1024 * 1024) == 0)
		snprintf(buf, size, "%lld GiB", n / (1024LL * 1024 * 1024));
	else if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
		snprintf(buf, size, "%lld MiB", n / (1024 * 1024));
	else
		snprintf(buf, size, "%lld bytes", n);
	return buf;
}

/* The temporary copy of a stream: a new file in TMPDIR, 0600 whatever
 * the umask (mkstemp), unlinked at once; -1 with errno when it fails. */
static int new_copy(void)
{
	char path[PATH_MAX];
	int fd, e;

	if (snprintf(path, sizeof(path), "%s/tillit-import.XXXXXX",
		     tmp_dir()) >= (int)sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	if (unlink(path) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

enum tl_status tl_import_open(struct import *im)
{
	struct reader *r = &im->rd;
	struct stat sb;
	int fd, e;

	fd = strcmp(im->path, "-") ? open(im->path, O_RDONLY | O_CLOEXEC)
				   : fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0);
	if (fd < 0) {
		e = errno;
		return tl_error_set(im->err,
				    e == ENOENT || e == ENOTDIR ||
				    e == EACCES || e == EISDIR ? TL_EINVAL
							       : TL_ESYS,
				    _("Cannot open %s: %s."), im->path,
				    strerror(e));
	}
	if (fstat(fd, &sb) != 0) {
		e = errno;
		close(fd);
		return tl_error_set(im->err, TL_ESYS, _("Cannot read %s: %s."),
				    im->path, strerror(e));
	}
	if (S_ISDIR(sb.st_mode)) {
		close(fd);
		return tl_error_set(im->err, TL_EINVAL, _("Cannot import %s: "
							  "it "
				    "is a folder."), im->path);
	}
	r->copied = 0;
	r->in_eof = false;
	if (S_ISREG(sb.st_mode)) {
		r->fd = fd;
		r->in = -1;
		r->opened = true;
		return TL_OK;
	}
	r->in = fd;
	r->fd = new_copy();
	if (r->fd < 0) {
		e = errno;
		close(fd);
		return tl_error_set(im->err, TL_ESYS, _("Cannot make a "
				    "temporary copy of %s in %s: %s."),
				    im->path, tmp_dir(), strerror(e));
	}
	r->opened = true;
	return TL_OK;
}

void tl_import_close(struct import *im)
{
	struct reader *r = &im->rd;

	if (!r->opened)
		return;
	close(r->fd);
	if (r->in >= 0)
		close(r->in);
	r->opened = false;
}

/*
 * Up to `want` more bytes of the stream into buf (one read), appended to
 * the copy; *got is 0 at the stream's end.
 */
static enum tl_status stream_in(struct import *im, char *buf, size_t want,
				size_t *got)
{
	struct reader *r = &im->rd;
	char cap[32];
	ssize_t n;

	*got = 0;
	do
		n = read(r->in, buf, want);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return tl_error_set(im->err, TL_ESYS, _("Cannot read %s: %s."),
				    im->path, strerror(errno));
	if (n == 0) {
		r->in_eof = true;
		return TL_OK;
	}
	if (r->copied + n > stream_max)
		return tl_error_set(im->err, TL_EINVAL, _("%s is longer than "
				    "%s, the most tillit reads from a pipe or a "
				    "device; save it to a file and import "
				    "that."), im->path,
				    size_text(stream_max, cap, sizeof(cap)));
	for (ssize_t done = 0; done < n;) {
		ssize_t w = pwrite(r->fd, buf + done, (size_t)(n - done),
				   r->copied + done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return tl_error_set(im->err, TL_ESYS, _("Cannot make "
					    "a temporary copy of %s in %s: "
					    "%s."), im->path, tmp_dir(),
					    strerror(w < 0 ? errno : ENOSPC));
		done += w;
	}
	r->copied += n;
	*got = (size_t)n;
	return TL_OK;
}

enum tl_status tl_import_read_at(struct import *im, off_t at, char *buf,
				 size_t n, size_t *got)
{
	struct reader *r = &im->rd;
	enum tl_status rc;
	size_t done = 0, k;

	while (done < n) {
		off_t pos = at + (off_t)done;
		ssize_t m;

		if (r->in >= 0 && pos >= r->copied) {
			if (r->in_eof)
				break;
			/* Past the copy: the stream is read on, into buf
			 * (only as scratch, up to pos, when pos is
			 * further on). */
			k = n - done;
			if (pos > r->copied && (off_t)k > pos - r->copied)
				k = (size_t)(pos - r->copied);
			rc = stream_in(im, buf + done, k, &k);
			if (rc != TL_OK)
				return rc;
			if (pos == r->copied - (off_t)k)
				done += k;
			continue;
		}
		k = n - done;
		if (r->in >= 0 && (off_t)k > r->copied - pos)
			k = (size_t)(r->copied - pos);
		m = pread(r->fd, buf + done, k, pos);
		if (m < 0 && errno == EINTR)
			continue;
		if (m < 0)
			return tl_error_set(im->err, TL_ESYS, _("Cannot read "
					    "%s: %s."), im->path,
					    strerror(errno));
		if (m == 0)
			break;
		done += (size_t)m;
	}
	*got = done;
	return TL_OK;
}
