/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * json.c - the whole database as one JSON document, and back.
 *
 * Export streams: one store iterator a kind, each record written on a
 * line of its own as it is read, so memory stays flat however big the
 * database is.  Records are written by hand, byte for byte as jansson
 * dumps the object tl_json_record() makes (tl_json_dumpf with
 * JSON_PRESERVE_ORDER; tests/unit/test_json_export.c compares the two),
 * because building and dumping an object per record was most of the
 * export's time.  The output is a
 * pure function of the records: kinds in enum order, records in the
 * store's list order (sort field, then id), keys in a fixed order (id,
 * created_at, updated_at, then the fields in model.c's order), no export
 * time, UTF-8 as is but for the controls a terminal acts on, which are
 * escaped (see tl_json_dumpf()).  Two databases holding the same records
 * therefore export byte for byte the same file.
 *
 * Import is in src/import/.  doc/json-format.md is the user's
 * description of the format.
 */
#include "tillit/export/json.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "tillit/core/validate.h"

/* ---- export ---------------------------------------------------------- */

/*
 * Adds field i of record r to obj in its JSON type: an integer as a
 * number, a boolean as true/false, anything else as a string.  A value
 * the store should never hold is shown as best it can be: an integer
 * that is not a number as a string, a boolean other than "1" as false,
 * text that is not UTF-8 as "?".  False when out of memory.
 */
static bool field_to_json(json_t *obj, const struct tl_record *r, int i)
{
	const struct tl_field *f = &r->e->fields[i];
	const char *v = r->values[i];
	json_t *jv = NULL;
	char *end;
	long long n;

	if (!v)
		return true; /* unset fields are left out */
	switch (f->type) {
	case TL_FT_INT:
		errno = 0;
		n = strtoll(v, &end, 10);
		if (!(errno || end == v || *end))
			jv = json_integer((json_int_t)n);
		else
			jv = json_string(v);
		break;
	case TL_FT_BOOL:
		jv = json_boolean(!strcmp(v, "1"));
		break;
	default:
		/* Text, and amounts too: a string keeps "12.5" exact. */
		jv = json_string(v);
		if (!jv)
			jv = json_string("?");
		break;
	}
	return jv && !json_object_set_new(obj, f->name, jv);
}

json_t *tl_json_record(const struct tl_record *r)
{
	json_t *obj = json_object();

	if (!obj)
		return NULL;
	if (json_object_set_new(obj, "id", json_string(r->id)) ||
	    json_object_set_new(obj, "created_at",
				json_string(r->created_at)) ||
	    json_object_set_new(obj, "updated_at",
				json_string(r->updated_at))) {
		json_decref(obj);
		return NULL;
	}
	for (int i = 0; i < r->e->nfields; i++) {
		if (!field_to_json(obj, r, i)) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}

static enum tl_status write_failed(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Cannot write the export: %s."),
			    strerror(errno ? errno : EIO));
}

/*
 * The export's output buffer.  Records are written into it by hand, the
 * way jansson would dump them (see quote() and write_record()), and it
 * goes to the FILE in large blocks: stdio then writes them straight
 * through, with no copy into its own small buffer.
 */
#define OUT_FLUSH (256 * 1024)

struct out {
	FILE *fp;
	char *buf;
	size_t len, cap;
	bool oom;
};

/* Makes room for n more bytes; false (and oom) when out of memory. */
static bool out_room(struct out *o, size_t n)
{
	size_t cap;
	char *p;

	if (o->len + n <= o->cap)
		return true;
	cap = o->cap ? o->cap : OUT_FLUSH + 4096;
	while (cap < o->len + n)
		cap *= 2;
	p = realloc(o->buf, cap);
	if (!p) {
		o->oom = true;
		return false;
	}
	o->buf = p;
	o->cap = cap;
	return true;
}

static void out_put(struct out *o, const char *s, size_t n)
{
	if (out_room(o, n)) {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
	}
}

static void out_str(struct out *o, const char *s)
{
	out_put(o, s, strlen(s));
}

/* Writes what the buffer holds; false when the write fails. */
static bool out_flush(struct out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->fp) != o->len)
		return false;
	o->len = 0;
	return true;
}

/*
 * The length of the UTF-8 sequence at s, or 0 when it is not one: a stray
 * continuation byte, a truncated sequence, an overlong form, a surrogate
 * or a code point above U+10FFFF.  These are the strings json_string()
 * refuses.  s is NUL-terminated, and the NUL ends a truncated sequence
 * before anything past it is read.
 */
static size_t utf8_len(const unsigned char *s)
{
	unsigned c = s[0], cp;
	size_t len;

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0; /* continuation byte, or overlong 2-byte lead */
	if (c < 0xE0) {
		len = 2;
		cp = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		cp = c & 0x0F;
	} else if (c < 0xF5) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

/*
 * True when s starts with a C1 control, U+0080-U+009F: C2 80 - C2 9F in
 * UTF-8, the second byte being the code point.  The byte C2 is never a
 * continuation byte, so in valid UTF-8 it always starts a character.
 */
static bool c1_at(const unsigned char *s)
{
	return s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F;
}

/* "\u00XX" for the code point c (below U+0100), upper-case hex. */
static void u_escape(char esc[8], unsigned c)
{
	snprintf(esc, 8, "\\u%04X", c & 0xFFu);
}

/*
 * Appends the escape of the code point c: '"', '\', a C0 control, DEL or
 * a C1 control.
 */
static void escape(struct out *o, unsigned c)
{
	char esc[8];

	switch (c) {
	case '"': out_put(o, "\\\"", 2); break;
	case '\\': out_put(o, "\\\\", 2); break;
	case '\b': out_put(o, "\\b", 2); break;
	case '\f': out_put(o, "\\f", 2); break;
	case '\n': out_put(o, "\\n", 2); break;
	case '\r': out_put(o, "\\r", 2); break;
	case '\t': out_put(o, "\\t", 2); break;
	default:
		u_escape(esc, c);
		out_put(o, esc, 6);
		break;
	}
}

/*
 * Appends s as a JSON string, quotes and all, escaped as tl_json_dumpf()
 * escapes it with the export's flags: '"' and '\' with a backslash, the
 * control characters below U+0020 as \b \f \n \r \t or \u00XX
 * (upper-case hex), DEL and the C1 controls as \u007F and \u0080 to
 * \u009F, and everything else (the slash, å, ä, ö, U+00A0, U+2028) as
 * itself.  False, with half a string appended, when s is not valid UTF-8.
 */
static bool quote(struct out *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	size_t len;

	out_put(o, "\"", 1);
	for (;;) {
		/* The longest run of bytes written as they are. */
		run = p;
		while (*p >= 0x20 && *p != '"' && *p != '\\' &&
		       *p != 0x7F && !c1_at(p)) {
			if (*p < 0x80) {
				p++;
			} else {
				len = utf8_len(p);
				if (!len)
					return false;
				p += len;
			}
		}
		out_put(o, (const char *)run, (size_t)(p - run));
		if (!*p)
			break;
		if (c1_at(p)) {
			escape(o, p[1]);
			p += 2;
		} else {
			escape(o, *p++);
		}
	}
	out_put(o, "\"", 1);
	return true;
}

char *tl_json_quote(const char *s)
{
	struct out o = {0};

	if (!quote(&o, s) || o.oom || !out_room(&o, 1)) {
		free(o.buf);
		return NULL;
	}
	o.buf[o.len] = '\0';
	return o.buf;
}

/* Appends ", " (or nothing before the first key), the key and ": ". */
static void key(struct out *o, const char *name, bool first)
{
	if (!first)
		out_put(o, ", ", 2);
	out_put(o, "\"", 1);
	out_str(o, name); /* field names are plain ASCII words */
	out_put(o, "\": ", 3);
}

static enum tl_status not_utf8(const struct tl_record *r, const char *field,
			       struct tl_error *err)
{
	return tl_error_set(err, TL_EDB,
			    _("%s %s: field \"%s\" is not valid UTF-8."),
			    r->e->name, r->id, field);
}

/*
 * Appends one record as a line of the kind's array: the object that
 * tl_json_record() makes, as tl_json_dumpf() writes it with
 * JSON_PRESERVE_ORDER (keys in insertion order, ", " and ": " between
 * them).  Unlike tl_json_record(), a value the store should never hold is
 * an error: an integer field that is not a number, a boolean that is not
 * 0 or 1, text that is not UTF-8.
 */
static enum tl_status write_record(struct out *o, const struct tl_record *r,
				   bool first, struct tl_error *err)
{
	static const char *const stamps[] = {"id", "created_at", "updated_at"};
	const char *stamp_values[] = {r->id, r->created_at, r->updated_at};
	char num[32];

	out_str(o, first ? "\n    {" : ",\n    {");
	for (int i = 0; i < 3; i++) {
		key(o, stamps[i], i == 0);
		if (!quote(o, stamp_values[i]))
			return not_utf8(r, stamps[i], err);
	}
	for (int i = 0; i < r->e->nfields; i++) {
		const struct tl_field *f = &r->e->fields[i];
		const char *v = r->values[i];
		char *end;
		long long n;

		if (!v)
			continue; /* unset fields are left out */
		key(o, f->name, false);
		switch (f->type) {
		case TL_FT_INT:
			errno = 0;
			n = strtoll(v, &end, 10);
			if (errno || end == v || *end)
				return tl_error_set(err, TL_EDB,
						    _("%s %s: field \"%s\" "
						      "holds \"%s\", "
						    "which is not an integer."),
						    r->e->name, r->id, f->name,
						    v);
			/* jansson prints json_int_t with this format. */
			snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
				 (json_int_t)n);
			out_str(o, num);
			break;
		case TL_FT_BOOL:
			if (strcmp(v, "0") && strcmp(v, "1"))
				return tl_error_set(err, TL_EDB,
						    _("%s %s: field \"%s\" "
						      "holds \"%s\", "
						    "which is not 0 or 1."),
						    r->e->name, r->id, f->name,
						    v);
			out_str(o, strcmp(v, "1") ? "false" : "true");
			break;
		default:
			/* Text, and amounts too: a string keeps "12.5"
			 * exact. */
			if (!quote(o, v))
				return not_utf8(r, f->name, err);
			break;
		}
	}
	out_put(o, "}", 1);
	if (o->oom)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (o->len >= OUT_FLUSH && !out_flush(o))
		return write_failed(err);
	return TL_OK;
}

/*
 * Writes the array of one kind: one iterator over the kind's whole list,
 * each record written as it is read.  In id order: the same bytes from
 * every engine, whatever order each sorts names in.
 */
static enum tl_status write_kind(struct tl_store *st, struct out *o,
				 enum tl_kind kind, bool last,
				 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_query q = {.kind = kind, .by_id = true};
	const struct tl_record *r;
	struct tl_iter *it;
	bool first = true;
	enum tl_status rc;

	out_str(o, "  \"");
	out_str(o, e->plural);
	out_str(o, "\": [");
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		rc = write_record(o, r, first, err);
		first = false;
	}
	tl_store_iter_free(it);
	if (rc != TL_OK)
		return rc;
	out_str(o, first ? "]" : "\n  ]");
	out_str(o, last ? "\n" : ",\n");
	if (o->oom)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	return TL_OK;
}

enum tl_status tl_json_export(struct tl_store *st, FILE *out,
			      struct tl_error *err)
{
	struct out o = {.fp = out};
	char head[64];
	enum tl_status rc = TL_OK;

	tl_error_clear(err);
	errno = 0;
	snprintf(head, sizeof(head),
		 "{\n  \"format\": \"tillit\",\n  \"version\": %d,\n",
		 TL_JSON_VERSION);
	out_str(&o, head);
	/* One snapshot for every kind, so that a program writing meanwhile
	 * cannot make the file inconsistent. */
	rc = tl_store_read_begin(st, err);
	for (int k = 0; k < TL_K_COUNT && rc == TL_OK; k++)
		rc = write_kind(st, &o, (enum tl_kind)k, k == TL_K_COUNT - 1,
				err);
	tl_store_read_end(st);
	if (rc == TL_OK) {
		out_str(&o, "}\n");
		if (o.oom)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
		else if (!out_flush(&o) || fflush(out) == EOF || ferror(out))
			rc = write_failed(err);
	}
	free(o.buf);
	return rc;
}

/* ---- jansson's output, with no byte a terminal acts on ---------------- */

/*
 * The state of one tl_json_dumpf(): jansson hands its output over in
 * pieces, and a C2 byte at the end of one piece may start a C1 control
 * that the next piece ends.
 */
struct dump {
	FILE *fp;
	bool c2; /* a C2 byte held back from the last piece */
};

/* json_dump_callback's callback: the piece, DEL and C1 escaped. */
static int dump_piece(const char *buf, size_t size, void *data)
{
	struct dump *d = data;
	const unsigned char *p = (const unsigned char *)buf, *end = p + size;
	const unsigned char *run;
	char esc[8];

	while (p < end) {
		if (d->c2) {
			d->c2 = false;
			if (*p >= 0x80 && *p <= 0x9F) {
				u_escape(esc, *p++);
				if (fputs(esc, d->fp) == EOF)
					return -1;
				continue;
			}
			if (putc(0xC2, d->fp) == EOF)
				return -1;
		}
		run = p;
		while (p < end && *p != 0x7F && *p != 0xC2)
			p++;
		if (p > run &&
		    fwrite(run, 1, (size_t)(p - run), d->fp) !=
			    (size_t)(p - run))
			return -1;
		if (p == end)
			break;
		if (*p++ == 0xC2) {
			d->c2 = true;
		} else {
			u_escape(esc, 0x7F);
			if (fputs(esc, d->fp) == EOF)
				return -1;
		}
	}
	return 0;
}

int tl_json_dumpf(const json_t *json, FILE *out, size_t flags)
{
	struct dump d = {.fp = out};

	if (json_dump_callback(json, dump_piece, &d, flags) != 0)
		return -1;
	/* Only text that is not UTF-8 could end in a lone C2. */
	if (d.c2 && putc(0xC2, out) == EOF)
		return -1;
	return 0;
}

/* ---- a list ------------------------------------------------------------ */

enum tl_status tl_json_write_records(struct tl_store *st,
				     const struct tl_query *q0, long limit,
				     FILE *out, struct tl_error *err)
{
	struct tl_query q = *q0;
	const struct tl_record *r;
	struct tl_iter *it;
	json_t *obj;
	long n = 0;
	enum tl_status rc;

	fputs("[", out);
	q.after = NULL;
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (limit <= 0 || n < limit) &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		fputs(n == 0 ? "\n  " : ",\n  ", out);
		obj = tl_json_record(r);
		if (!obj) {
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		if (tl_json_dumpf(obj, out, JSON_PRESERVE_ORDER) != 0)
			rc = tl_error_set(err, TL_ESYS,
					  _("Cannot write the JSON output."));
		json_decref(obj);
		n++;
	}
	tl_store_iter_free(it);
	if (rc == TL_OK)
		fputs(n > 0 ? "\n]\n" : "]\n", out);
	return rc;
}
