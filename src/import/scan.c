/* SPDX-License-Identifier: EUPL-1.2 */
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

/* What a record over a limit is called, at file offset `start` (its
 * first byte): "<path>:<line>:<column>: <text>." */
static enum tl_status over_limit(struct import *im, off_t start,
				 const char *text)
{
	return tl_import_error_at(im, start + 1, text);
}

enum tl_status tl_import_more(struct import *im)
{
	struct reader *r = &im->rd;
	enum tl_status rc;
	size_t n, want;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->off += (off_t)r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->len == r->cap) {
		char text[160], *b;

		if (r->cap >= RD_MAX) {
			/* The buffer holds one value, from its start. */
			snprintf(text, sizeof(text), _("the record here is "
				 "longer than %d MiB, the most a record may "
				 "be"), RD_MAX / (1024 * 1024));
			return over_limit(im, r->off, text);
		}
		b = realloc(r->buf, r->cap * 2);
		if (!b)
			return tl_error_set(im->err, TL_ESYS,
					    _("Out of memory."));
		r->buf = b;
		r->cap *= 2;
	}
	want = r->cap - r->len;
	rc = tl_import_read_at(im, r->off + (off_t)r->len, r->buf + r->len,
			       want, &n);
	if (rc != TL_OK)
		return rc;
	r->len += n;
	if (n < want)
		r->eof = true;
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
	r->off = at;
	r->pos = r->len = 0;
	r->eof = false;
	return TL_OK;
}

/*
 * A malformed file: "<path>:<line>:<column>: <sentence>.", where `at` is
 * the offset just after the last byte read, as jansson counts (lines from
 * 1, columns in characters).  The file is read again from the start to
 * count them; this happens once, on the way out.  A parser's text is
 * said in tillit's words first (tl_import_wording); tillit's own
 * sentences, such as a limit's, go to tl_import_error_at as they are.
 */
enum tl_status tl_import_syntax_error(struct import *im, off_t at,
				   const char *text)
{
	char said[512];

	return tl_import_error_at(im, at, tl_import_wording(text, said,
							    sizeof(said)));
}

enum tl_status tl_import_error_at(struct import *im, off_t at,
				  const char *sentence)
{
	struct reader *r = &im->rd;
	struct tl_error ignored;
	struct tl_error *err = im->err;
	long line = 1, col = 0;
	off_t done = 0;

	/* What was read once reads again; a failure only leaves the
	 * count short. */
	im->err = &ignored;
	while (done < at) {
		size_t n = r->cap;

		if ((off_t)n > at - done)
			n = (size_t)(at - done);
		if (tl_import_read_at(im, done, r->buf, n, &n) != TL_OK ||
		    n == 0)
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
	im->err = err;
	return tl_error_set(im->err, TL_EINVAL, "%s:%ld:%ld: %s.", im->path,
			    line, col, sentence);
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

/* What skim() found in a value's first bytes. */
enum skim {
	SKIM_OK,        /* within the limits so far */
	SKIM_VALUES,    /* more than RD_VALUES keys and values */
	SKIM_DEEP       /* nested deeper than RD_DEPTH */
};

/*
 * Counts the keys and values and the depth of the JSON value that
 * p[0..n) starts with, without building anything, up to its end or the
 * first limit it passes (*at is then the offset where).  Only the limits
 * are its business: a malformed value is jansson's to describe.
 */
static enum skim skim(const char *p, size_t n, size_t *at)
{
	bool in_string = false, escaped = false, in_token = false;
	long values = 0;
	int depth = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (in_string) {
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				in_string = false;
			else
				continue;
			if (!in_string && depth == 0)
				return SKIM_OK;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == ',' || c == ':' || c == ']' || c == '}') {
			if (in_token && depth == 0)
				return SKIM_OK;
			in_token = false;
			if ((c == ']' || c == '}') && --depth <= 0)
				return SKIM_OK;
			continue;
		}
		if (in_token)
			continue;
		/* A value (or key) starts: a string, a container or a
		 * number or literal. */
		*at = i;
		if (++values > RD_VALUES)
			return SKIM_VALUES;
		if (c == '"')
			in_string = true;
		else if (c == '{' || c == '[')
			depth++;
		else
			in_token = true;
		if (depth > RD_DEPTH)
			return SKIM_DEEP;
	}
	return SKIM_OK;
}

/*
 * The value at the reader's position passed a limit at `at` bytes into
 * it: refused, unless jansson finds the value malformed before that
 * point (the first fault in the file is the one named).
 */
static enum tl_status refuse(struct import *im, enum skim what, size_t at)
{
	struct reader *r = &im->rd;
	json_error_t jerr;
	json_t *j;
	char text[200];

	j = json_loadb(r->buf + r->pos, at, JSON_DISABLE_EOF_CHECK |
		       JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	json_decref(j);
	if (!j && (size_t)jerr.position + 16 < at)
		return tl_import_syntax_error(im, r->off + (off_t)(r->pos +
					      (size_t)jerr.position),
					      jerr.text);
	if (what == SKIM_VALUES)
		snprintf(text, sizeof(text), _("the record here has more "
			 "than %d keys and values, the most a record may "
			 "have"), RD_VALUES);
	else
		snprintf(text, sizeof(text), _("the record here is nested "
			 "more than %d deep, the most a record may be"),
			 RD_DEPTH);
	return over_limit(im, r->off + (off_t)r->pos, text);
}

/*
 * The JSON value at the reader's position, parsed by jansson, into *out
 * (the caller json_decref()s it).  When the value runs past what is read
 * so far, more is read and it is parsed again.  Each time, skim() first
 * checks what is read against the limits, so that jansson never builds
 * a record over them.
 */
enum tl_status tl_import_value(struct import *im, json_t **out)
{
	struct reader *r = &im->rd;
	enum tl_status rc;

	*out = NULL;
	for (;;) {
		size_t avail = r->len - r->pos, at = 0;
		json_error_t jerr;
		json_t *j = NULL;
		enum skim sk;

		if (avail > 0 || r->eof) {
			sk = skim(r->buf + r->pos, avail, &at);
			if (sk != SKIM_OK)
				return refuse(im, sk, at);
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
	/* A control byte (as /dev/zero gives) would end the quote. */
	if (c < 0x20 || c == 0x7F) {
		char said[512];

		snprintf(text, sizeof(text), _("%s (at byte 0x%02X, which is "
			 "not JSON text)"), tl_import_wording(what, said,
							       sizeof(said)),
			 (unsigned)c);
		return tl_import_error_at(im, start + 1, text);
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
