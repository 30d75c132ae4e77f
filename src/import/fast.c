/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fast.c - the import's fast reader: whole arrays of records read
 * with yajl's event parser, each record built from its members as its
 * object closes, with no tree and no allocation per value.
 *
 * jansson (import.c) stays the reference: the fast reader takes
 * only records that it can be sure jansson would read to the same
 * members, and leaves any other (leave()) to it, from the record's
 * start.  So a malformed file, a record with a bad value and every
 * message and position about them are jansson's and the import's as
 * before; a file that is well formed and ordinary is read about four
 * times as fast (bench/notes.md, item 8).
 *
 * What yajl would read differently from jansson, and so is left:
 *  - a string that yajl unescaped, when it holds "?" (yajl's stand-in for
 *    a lone surrogate), a NUL (\u0000) or a character above U+FFFF (a
 *    surrogate pair, which jansson checks more strictly);
 *  - any string that is not strict UTF-8 (yajl lets overlong forms and
 *    surrogates through); tl_utf8_valid is jansson's rule;
 *  - a form feed or vertical tab, which yajl takes as white space;
 *  - an integer beyond 64 bits, a real that overflows;
 *  - a key twice, a nested object or array, a key that is not a field
 *    and an entry that is not an object;
 *  - a record longer than FAST_MAX, and a record whose values do not pass
 *    tl_import_record (its message is made again by the slow path).
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "tillit/core/i18n.h"
#include "tillit/core/text.h"
#include "internal.h"

/* The members of one record, at most: more is not ordinary. */
#define FAST_MEMBERS 64

/*
 * The bytes of one record, at most, past which it is left to jansson:
 * yajl lexes a token that spans pieces again from its start with each
 * piece, so a string of RD_MAX bytes would take it seconds.  A record
 * of the export is far shorter.
 */
#define FAST_MAX (1024 * 1024)

struct fast {
	struct import *im;
	const struct tl_entity *e;
	yajl_handle h;
	const unsigned char *chunk; /* what yajl is given now */
	size_t chunk_len;
	off_t base;             /* the file offset of chunk[0] */
	int depth;              /* 0 before '[', 1 in the array, 2 in a record */
	bool done;              /* the array's ']' was read */
	bool first;             /* no record was handed over yet */
	off_t resume;           /* where the slow path would go on */
	enum tl_status rc;      /* a failure of the system */
	/* The current record: its members, their text in one buffer. */
	struct {
		int field;      /* tl_import_member() */
		size_t val;     /* a string's offset into text */
		struct raw v;
	} m[FAST_MEMBERS];
	size_t n;
	uint64_t seen;          /* the members met, 1 << (field + 4) */
	bool have_key;          /* m[n].field is set, its value comes next */
	char *text;
	size_t tlen, tcap;
};

static bool use_fast = true;
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* The file offset just after the token yajl is at. */
static off_t here(const struct fast *f)
{
	return f->base + (off_t)yajl_get_bytes_consumed(f->h);
}

/* What a callback returns to stop the parse, leaving the current record
 * (or element) to jansson. */
static int leave(void)
{
	return 0;
}

/* Appends s[0..len) and a NUL to the record's text; its offset in *at. */
static bool keep(struct fast *f, const unsigned char *s, size_t len,
		 size_t *at)
{
	if (f->tlen + len + 1 > f->tcap) {
		size_t cap = f->tcap ? f->tcap : 4096;
		char *t;

		while (cap < f->tlen + len + 1)
			cap *= 2;
		t = realloc(f->text, cap);
		if (!t) {
			f->rc = tl_error_set(f->im->err, TL_ESYS,
					     _("Out of memory."));
			return false;
		}
		f->text = t;
		f->tcap = cap;
	}
	memcpy(f->text + f->tlen, s, len);
	f->text[f->tlen + len] = '\0';
	*at = f->tlen;
	f->tlen += len + 1;
	return true;
}

/*
 * Whether string s (as yajl hands it over) reads the same under jansson:
 * strict UTF-8, and, when yajl unescaped it (it is not a piece of the
 * input), none of what its unescaping does differently.
 */
static bool ordinary(const struct fast *f, const unsigned char *s,
		     size_t len)
{
	bool copied = s < f->chunk || s > f->chunk + f->chunk_len;

	if (copied) {
		for (size_t i = 0; i < len; i++)
			if (s[i] == '?' || s[i] == '\0' || s[i] >= 0xF0)
				return false;
	}
	return tl_utf8_valid((const char *)s, len);
}

/* A value: kept for the pending key, inside a record only. */
static int value(struct fast *f, struct raw v, const unsigned char *s,
		 size_t len)
{
	if (f->depth != 2 || !f->have_key)
		return leave();
	if (v.type == RAW_STRING && !keep(f, s, len, &f->m[f->n].val))
		return 0;
	f->m[f->n].v = v;
	f->n++;
	f->have_key = false;
	return 1;
}

static int on_null(void *ctx)
{
	return value(ctx, (struct raw){.type = RAW_NULL}, NULL, 0);
}

static int on_boolean(void *ctx, int b)
{
	return value(ctx, (struct raw){.type = b ? RAW_TRUE : RAW_FALSE},
		     NULL, 0);
}

/* A number as jansson reads it: an integer unless it has a fraction or an
 * exponent; one that does not fit is left to jansson's message. */
static int on_number(void *ctx, const char *s, size_t len)
{
	struct fast *f = ctx;
	char buf[64], *end;
	struct raw v = {.type = RAW_INT};

	if (len >= sizeof(buf))
		return leave();
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	if (strpbrk(buf, ".eE")) {
		/* In the C locale, whatever the user's decimal comma. */
		locale_t old = uselocale(c_locale);

		v.type = RAW_REAL;
		v.d = strtod(buf, &end);
		uselocale(old);
		if (v.d == HUGE_VAL || v.d == -HUGE_VAL)
			return leave();
	} else {
		v.i = strtoll(buf, &end, 10);
		if (errno == ERANGE)
			return leave();
	}
	if (*end)
		return leave();
	return value(f, v, NULL, 0);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
	struct fast *f = ctx;

	if (!ordinary(f, s, len))
		return leave();
	return value(f, (struct raw){.type = RAW_STRING}, s, len);
}

/* A key: which member it is, known by name (the field after the last is
 * tried first); unknown keys and keys met twice are jansson's to name. */
static int on_key(void *ctx, const unsigned char *s, size_t len)
{
	struct fast *f = ctx;
	char key[64];
	int prev = f->n > 0 ? f->m[f->n - 1].field : MEMBER_UNKNOWN;
	int field;
	uint64_t bit;

	if (f->depth != 2 || f->n == FAST_MEMBERS || len >= sizeof(key))
		return leave();
	memcpy(key, s, len);
	key[len] = '\0';
	if (memchr(s, '\0', len))
		return leave();
	field = tl_import_member(f->e, key, prev);
	if (field == MEMBER_UNKNOWN || field + 4 >= 64)
		return leave();
	bit = UINT64_C(1) << (field + 4);
	if (f->seen & bit)
		return leave();
	f->seen |= bit;
	f->m[f->n].field = field;
	f->have_key = true;
	return 1;
}

static int on_start_map(void *ctx)
{
	struct fast *f = ctx;

	if (f->depth != 1)
		return leave();
	f->depth = 2;
	f->n = 0;
	f->seen = 0;
	f->tlen = 0;
	f->have_key = false;
	return 1;
}

/* The record is complete: built, checked and handed to the writer. */
static int on_end_map(void *ctx)
{
	struct fast *f = ctx;
	struct raw_member m[FAST_MEMBERS];
	struct tl_record *r;

	for (size_t i = 0; i < f->n; i++) {
		int field = f->m[i].field;

		m[i].field = field;
		m[i].key = field >= 0 ? f->e->fields[field].name :
			   field == MEMBER_ID ? "id" :
			   field == MEMBER_CREATED ? "created_at" : "updated_at";
		m[i].v = f->m[i].v;
		if (m[i].v.type == RAW_STRING)
			m[i].v.s = f->text + f->m[i].val;
	}
	if (tl_import_record(f->im, f->e, m, f->n, &r) != TL_OK) {
		/* An out-of-memory is met again by the slow path. */
		return leave();
	}
	if (!tl_import_push(f->im, r)) {
		/* The writer failed and has its own message. */
		tl_record_free(r);
		f->rc = TL_ESYS;
		return 0;
	}
	f->depth = 1;
	f->first = false;
	f->resume = here(f);
	return 1;
}

static int on_start_array(void *ctx)
{
	struct fast *f = ctx;

	if (f->depth != 0)
		return leave();
	f->depth = 1;
	return 1;
}

static int on_end_array(void *ctx)
{
	struct fast *f = ctx;

	if (f->depth != 1)
		return leave();
	f->depth = 0;
	f->done = true;
	return 1;
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_null,
	.yajl_boolean = on_boolean,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_start_map,
	.yajl_map_key = on_key,
	.yajl_end_map = on_end_map,
	.yajl_start_array = on_start_array,
	.yajl_end_array = on_end_array,
};

/* Gives yajl chunk[0..len), at file offset base; false when it stopped
 * (an error, a record left, or the array's end). */
static bool feed(struct fast *f, const unsigned char *chunk, size_t len,
		 off_t base)
{
	yajl_status st;

	f->chunk = chunk;
	f->chunk_len = len;
	f->base = base;
	st = yajl_parse(f->h, chunk, len);
	return st == yajl_status_ok && !f->done;
}

void tl_json_import_fast(bool on)
{
	use_fast = on;
}

enum tl_status tl_fast_array(struct import *im, const struct tl_entity *e,
			     bool open, bool *done, off_t *resume, bool *first)
{
	static const unsigned char bracket[] = "[";
	struct reader *rd = &im->rd;
	struct fast f = {.im = im, .e = e, .first = true};
	enum tl_status rc = TL_OK;

	*done = false;
	*first = true;
	*resume = rd->off + (off_t)rd->pos;
	pthread_once(&c_locale_once, make_c_locale);
	if (!use_fast || c_locale == (locale_t)0)
		return TL_OK; /* all goes the slow way */
	f.resume = *resume;
	f.h = yajl_alloc(&callbacks, NULL, &f);
	if (!f.h)
		return tl_error_set(im->err, TL_ESYS, _("Out of memory."));
	yajl_config(f.h, yajl_allow_trailing_garbage, 1);
	/* Strings are checked by ordinary(): yajl's own check is weaker. */
	yajl_config(f.h, yajl_dont_validate_strings, 1);
	/* In the middle of the array, an element is next: yajl is told
	 * that the array opens, and sees the rest as it is. */
	if (open || feed(&f, bracket, 1, 0)) {
		for (;;) {
			const unsigned char *p =
				(const unsigned char *)rd->buf + rd->pos;
			size_t len = rd->len - rd->pos;
			const void *ff = memchr(p, '\f', len);
			const void *vt = memchr(p, '\v', len);
			bool odd = ff || vt;

			/* White space jansson does not take: yajl reads up
			 * to it, and the record it is in is left. */
			if (ff && (!vt || ff < vt))
				len = (size_t)((const unsigned char *)ff - p);
			else if (vt)
				len = (size_t)((const unsigned char *)vt - p);
			if (!feed(&f, p, len, rd->off + (off_t)rd->pos))
				break;
			/* Past the end of what is given, or (yajl keeping a
			 * long token) past FAST_MAX: left. */
			if (odd || rd->eof ||
			    rd->off + (off_t)rd->len - f.resume > FAST_MAX)
				break;
			rd->pos = rd->len; /* yajl keeps what it needs */
			rc = tl_import_more(im);
			if (rc != TL_OK)
				break;
		}
	}
	if (rc == TL_OK)
		rc = f.rc;
	if (rc == TL_OK && f.done) {
		rd->pos += yajl_get_bytes_consumed(f.h);
		*done = true;
	}
	*resume = f.resume;
	*first = f.first;
	yajl_free(f.h);
	free(f.text);
	return rc;
}
