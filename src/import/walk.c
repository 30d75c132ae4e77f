/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * walk.c - the import's walk through the document (the reader thread):
 * the outer object, "format" and "version", and each kind's array of
 * records, read by the fast reader (fast.c) or, where it leaves off, one
 * element at a time by jansson.  Records are checked (value.c) and
 * handed to the writer (queue.c) as they are read.  Kinds are written in
 * enum order: a file that has them in another order is scanned first,
 * then read again kind by kind.
 */
#include "internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/export/json.h"
#include "tillit/core/model.h"

/* Builds and checks one record of the file and hands it to the writer
 * (the reader thread). */
static enum tl_status take_record(struct import *im,
				  const struct tl_entity *e, json_t *obj)
{
	struct tl_record *r;
	enum tl_status rc;

	rc = tl_import_json_record(im, e, obj, &r);
	if (rc == TL_OK && !tl_import_push(im, r)) {
		/* The writer failed and has its own message. */
		tl_record_free(r);
		rc = TL_ESYS;
	}
	return rc;
}

/*
 * The array of kind e at the reader's position ('[' next): every record
 * is written when `write`, else only read through.  Written, the array
 * is read by the fast reader (fast.c); what it leaves, one element
 * at a time, by jansson here, and then the fast reader goes on.
 */
static enum tl_status array(struct import *im, const struct tl_entity *e,
			    bool write)
{
	bool open = true; /* at the '[', not at an element */
	enum tl_status rc;
	int c;

	for (;;) {
		bool value_next = true;

		if (write) {
			bool done;
			off_t resume;

			rc = tl_fast_array(im, e, open, &done, &resume,
					   &value_next);
			if (rc == TL_OK && !done)
				rc = tl_import_seek(im, resume);
			if (rc != TL_OK || done)
				return rc;
		}
		if (value_next && open) {
			/* The '[' (a seek may have left the buffer empty). */
			rc = tl_import_peek(im, &c);
			if (rc != TL_OK)
				return rc;
			im->rd.pos++;
			rc = tl_import_peek(im, &c);
			if (rc != TL_OK)
				return rc;
			if (c == ']') {
				im->rd.pos++;
				return TL_OK;
			}
		}
		if (value_next) {
			json_t *obj;

			rc = tl_import_value(im, &obj);
			if (rc == TL_OK && write)
				rc = take_record(im, e, obj);
			json_decref(obj);
			if (rc != TL_OK)
				return rc;
		}
		rc = tl_import_peek(im, &c);
		if (rc != TL_OK)
			return rc;
		if (c != ']' && c != ',')
			return tl_import_unexpected(im, "']' expected");
		im->rd.pos++;
		if (c == ']')
			return TL_OK;
		open = false;
	}
}

/* What the walk through the document found. */
struct doc {
	bool write;              /* write records as they come */
	bool restart;            /* out of order: scan first, then write */
	bool checked;            /* format and version were checked */
	bool format_ok;
	bool have_format, have_version;
	json_int_t version;      /* 0: not a whole number */
	unsigned seen;           /* kinds met, bit per kind */
	int last;                /* the last kind written */
	off_t at[TL_K_COUNT];    /* where each kind's '[' is, or -1 */
};

/* The checks of "format" and "version", in the order of old. */
static enum tl_status check_head(struct import *im, struct doc *d)
{
	d->checked = true;
	if (!d->format_ok)
		return tl_error_set(im->err, TL_EINVAL, _("%s: not a tillit "
				    "export (\"format\" must be \"tillit\")."),
				    im->path);
	if (d->version < 1)
		return tl_error_set(im->err, TL_EINVAL, _("%s: \"version\" "
							  "must "
				    "be a whole number from 1."), im->path);
	if (d->version > TL_JSON_VERSION)
		return tl_error_set(im->err, TL_EINVAL, "%s: written in "
				    "format version %" JSON_INTEGER_FORMAT
				    " by a newer tillit; this one reads up to "
				    "version %d.",
				    im->path, d->version, TL_JSON_VERSION);
	return TL_OK;
}

/* One top-level key and its value; the reader is at the key. */
static enum tl_status member(struct import *im, struct doc *d)
{
	struct reader *r = &im->rd;
	const struct tl_entity *e = NULL;
	const char *name;
	char quoted[64];
	off_t start = r->off + (off_t)r->pos;
	json_t *key, *v;
	enum tl_status rc;
	size_t klen;
	unsigned bit = 0;
	int c;

	rc = tl_import_value(im, &key);
	if (rc != TL_OK)
		return rc;
	name = json_string_value(key);
	klen = json_string_length(key);
	if (!strcmp(name, "format"))
		d->have_format = true;
	else if (!strcmp(name, "version"))
		d->have_version = true;
	else if ((e = tl_entity_find(name)) && !strcmp(e->plural, name) &&
		 strlen(name) == klen)
		bit = 1u << e->kind;
	else
		e = NULL;
	if (bit && (d->seen & bit)) {
		long n = (long)(r->off + (off_t)r->pos - start);
		char text[80];

		json_decref(key);
		snprintf(text, sizeof(text), "duplicate object key near "
			 "'%.*s'", (int)n, r->buf + r->pos - n);
		return tl_import_syntax_error(im, start + n, text);
	}
	if (!e && strcmp(name, "format") && strcmp(name, "version")) {
		rc = tl_error_set(im->err, TL_EINVAL, _("%s: unknown key "
				  "\"%s\" (not a kind of record)."), im->path,
				  tl_import_clip(name, quoted, sizeof(quoted)));
		json_decref(key);
		return rc;
	}
	d->seen |= bit;
	rc = tl_import_peek(im, &c);
	if (rc == TL_OK && c != ':')
		rc = tl_import_unexpected(im, "':' expected");
	if (rc != TL_OK) {
		json_decref(key);
		return rc;
	}
	r->pos++;
	if (!e) {
		bool format = !strcmp(name, "format");

		json_decref(key);
		rc = tl_import_value(im, &v);
		if (rc != TL_OK)
			return rc;
		if (format)
			d->format_ok = json_is_string(v) &&
				       !strcmp(json_string_value(v), "tillit");
		else
			d->version = json_is_integer(v)
				     ? json_integer_value(v) : 0;
		json_decref(v);
		return TL_OK;
	}
	json_decref(key);
	rc = tl_import_peek(im, &c);
	if (rc == TL_OK && c != '[')
		rc = tl_error_set(im->err, TL_EINVAL, _("%s: \"%s\" must "
				  "be an array."), im->path, e->plural);
	if (rc != TL_OK)
		return rc;
	if (!d->write) {
		d->at[e->kind] = r->off + (off_t)r->pos;
		return array(im, e, false);
	}
	/* Kinds are written in enum order, after the format is known. */
	if (!d->have_format || !d->have_version || (int)e->kind <= d->last) {
		d->restart = true;
		return TL_OK;
	}
	if (!d->checked) {
		rc = check_head(im, d);
		if (rc != TL_OK)
			return rc;
	}
	d->last = (int)e->kind;
	return array(im, e, true);
}

/*
 * Walks the whole document.  Writing (d->write), it stops with
 * d->restart when the kinds are not in enum order or come before
 * "format" and "version"; scanning, it notes where each kind is.
 */
static enum tl_status walk(struct import *im, struct doc *d)
{
	enum tl_status rc;
	int c;

	rc = tl_import_peek(im, &c);
	if (rc != TL_OK)
		return rc;
	if (c == '[')
		return tl_error_set(im->err, TL_EINVAL, _("%s: not a tillit "
				    "export (the document is not a JSON "
				    "object)."), im->path);
	if (c != '{')
		return tl_import_unexpected(im, "'[' or '{' expected");
	im->rd.pos++;
	rc = tl_import_peek(im, &c);
	if (rc == TL_OK && c == '}')
		im->rd.pos++;
	while (rc == TL_OK && c != '}') {
		if (c != '"')
			return tl_import_unexpected(im, "string or '}' "
						    "expected");
		rc = member(im, d);
		if (rc != TL_OK || d->restart)
			return rc;
		rc = tl_import_peek(im, &c);
		if (rc != TL_OK)
			return rc;
		if (c != ',' && c != '}')
			return tl_import_unexpected(im, "'}' expected");
		im->rd.pos++;
		if (c == ',')
			rc = tl_import_peek(im, &c);
	}
	if (rc == TL_OK)
		rc = tl_import_peek(im, &c);
	if (rc == TL_OK && c >= 0)
		return tl_import_unexpected(im, "end of file expected");
	if (rc == TL_OK && !d->checked)
		rc = check_head(im, d);
	return rc;
}

/*
 * Reads the whole document (the reader thread): walks it, writing as it
 * goes, or when the kinds are out of order, scans it first and then reads
 * each kind's array in order.
 */
enum tl_status tl_import_read(struct import *im)
{
	struct doc d = {.write = true, .last = -1};
	enum tl_status rc;

	rc = walk(im, &d);
	if (rc != TL_OK || !d.restart)
		return rc;
	memset(&d, 0, sizeof(d));
	for (int k = 0; k < TL_K_COUNT; k++)
		d.at[k] = -1;
	rc = tl_import_seek(im, 0);
	if (rc == TL_OK)
		rc = walk(im, &d);
	if (rc == TL_OK &&
	    !tl_import_queue_push(im->q, ITEM_RESTART, TL_OK, NULL))
		rc = TL_ESYS;
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		if (d.at[k] < 0)
			continue;
		rc = tl_import_seek(im, d.at[k]);
		if (rc == TL_OK)
			rc = tl_import_peek(im, &(int){0});
		if (rc == TL_OK)
			rc = array(im, tl_entity_get((enum tl_kind)k), true);
	}
	return rc;
}
