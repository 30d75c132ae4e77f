/*
 * scan.c - the import's scanner: the file read in pieces through a
 * buffer (struct reader), white space skipped, one JSON value at a time
 * parsed by jansson, and the messages about a malformed file, with line
 * and column as jansson counts them.  The walk (walk.c) uses it for the
 * outer object and its arrays; the fast reader (fast.c) reads the same
 * buffer.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"

enum tl_status tl_import_more(struct import *im)
{
	struct reader *r = &im->rd;
	size_t n;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->off += (off_t)r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->len == r->cap) {
		char *b;

		if (r->cap >= RD_MAX)
			return tl_error_set(im->err, TL_EINVAL, _("%s: a record "
					    "is longer than %d MiB."),
					    im->path, RD_MAX / (1024 * 1024));
		b = realloc(r->buf, r->cap * 2);
		if (!b)
			return tl_error_set(im->err, TL_ESYS,
					    _("Out of memory."));
		r->buf = b;
		r->cap *= 2;
	}
	n = fread(r->buf + r->len, 1, r->cap - r->len, r->fp);
	r->len += n;
	if (n < r->cap - r->len + n) {
		if (ferror(r->fp))
			return tl_error_set(im->err, TL_ESYS, _("Cannot read "
					    "%s: %s."), im->path,
					    strerror(errno));
		r->eof = true;
	}
	return TL_OK;
}

/* Starts reading again at offset `at` of the file (without reading it
 * again when `at` is in the buffer). */
enum tl_status tl_import_seek(struct import *im, off_t at)
{
	struct reader *r = &im->rd;

	if (at >= r->off && at <= r->off + (off_t)r->len) {
		r->pos = (size_t)(at - r->off);
		return TL_OK;
	}
	clearerr(r->fp);
	if (fseeko(r->fp, at, SEEK_SET) != 0)
		return tl_error_set(im->err, TL_ESYS, _("Cannot read %s: %s."),
				    im->path, strerror(errno));
	r->off = at;
	r->pos = r->len = 0;
	r->eof = false;
	return TL_OK;
}

/*
 * A malformed file: "<path>:<line>:<column>: <text>.", where `at` is the
 * offset just after the last byte read, as jansson counts (lines from 1,
 * columns in characters).  The file is read again from the start to
 * count them; this happens once, on the way out.
 */
enum tl_status tl_import_syntax_error(struct import *im, off_t at,
				   const char *text)
{
	struct reader *r = &im->rd;
	long line = 1, col = 0;
	off_t done = 0;
	char said[512];

	if (fseeko(r->fp, 0, SEEK_SET) == 0) {
		while (done < at) {
			size_t n = fread(r->buf, 1, r->cap, r->fp);

			if (n == 0)
				break;
			for (size_t i = 0; i < n && done < at; i++, done++) {
				unsigned char c = (unsigned char)r->buf[i];

				if (c == '\n') {
					line++;
					col = 0;
				} else if ((c & 0xC0) != 0x80) {
					col++;
				}
			}
		}
	}
	return tl_error_set(im->err, TL_EINVAL, "%s:%ld:%ld: %s.", im->path,
			    line, col, tl_import_wording(text, said,
							 sizeof(said)));
}

/* The next byte after white space, into *c (-1 at the end of the file). */
enum tl_status tl_import_peek(struct import *im, int *c)
{
	struct reader *r = &im->rd;
	enum tl_status rc;

	for (;;) {
		while (r->pos < r->len) {
			unsigned char ch = (unsigned char)r->buf[r->pos];

			if (ch != ' ' && ch != '\t' && ch != '\n' &&
			    ch != '\r') {
				*c = ch;
				return TL_OK;
			}
			r->pos++;
		}
		if (r->eof) {
			*c = -1;
			return TL_OK;
		}
		rc = tl_import_more(im);
		if (rc != TL_OK)
			return rc;
	}
}

/*
 * The JSON value at the reader's position, parsed by jansson, into *out
 * (the caller json_decref()s it).  When the value runs past what is read
 * so far, more is read and it is parsed again.
 */
enum tl_status tl_import_value(struct import *im, json_t **out)
{
	struct reader *r = &im->rd;
	enum tl_status rc;

	*out = NULL;
	for (;;) {
		size_t avail = r->len - r->pos;
		json_error_t jerr;
		json_t *j = NULL;

		if (avail > 0 || r->eof) {
			j = json_loadb(r->buf + r->pos, avail,
				       JSON_DISABLE_EOF_CHECK |
				       JSON_DECODE_ANY |
				       JSON_REJECT_DUPLICATES, &jerr);
			/* A number may go on in the next piece; a value cut
			 * off, an escape or a UTF-8 sequence too. */
			if (j && ((size_t)jerr.position < avail || r->eof)) {
				r->pos += (size_t)jerr.position;
				*out = j;
				return TL_OK;
			}
			json_decref(j);
			if (!j && (r->eof ||
				   (size_t)jerr.position + 16 < avail))
				return tl_import_syntax_error(im, r->off +
						    (off_t)(r->pos +
						    (size_t)jerr.position),
						    jerr.text);
		}
		rc = tl_import_more(im);
		if (rc != TL_OK)
			return rc;
	}
}

/*
 * The token at the reader's position was not what the document needs
 * there: "<what> near '<token>'", as jansson words it.
 */
enum tl_status tl_import_unexpected(struct import *im, const char *what)
{
	struct reader *r = &im->rd;
	char text[160];
	off_t start;
	json_t *j;
	enum tl_status rc;
	int c;

	rc = tl_import_peek(im, &c);
	if (rc != TL_OK)
		return rc;
	start = r->off + (off_t)r->pos;
	if (c < 0) {
		snprintf(text, sizeof(text), "%s near end of file", what);
		return tl_import_syntax_error(im, start, text);
	}
	if (strchr("{}[],:", c)) {
		snprintf(text, sizeof(text), "%s near '%c'", what, c);
		return tl_import_syntax_error(im, start + 1, text);
	}
	/* A string, number or literal; else jansson's own complaint. */
	rc = tl_import_value(im, &j);
	if (rc != TL_OK)
		return rc;
	json_decref(j);
	{
		off_t end = r->off + (off_t)r->pos;
		long n = (long)(end - start);

		if (n <= 20)
			snprintf(text, sizeof(text), "%s near '%.*s'", what,
				 (int)n, r->buf + r->pos - n);
		else
			snprintf(text, sizeof(text), "%s", what);
		return tl_import_syntax_error(im, end, text);
	}
}
