/*
 * import.c - a tillit JSON document (json.c writes it) merged into
 * the database by id.
 *
 * Import reads the file in pieces: the outer object and its arrays are
 * scanned here, and jansson parses one record at a time, so memory does
 * not grow with the file.  Everything is written inside one bulk load
 * (bulk.h): records of a kind whose table was empty go in through it,
 * the others through tl_store_put; the first error rolls everything
 * back.  doc/json-format.md is the user's description.
 *
 * Reading and writing overlap: a reader thread reads, parses and checks
 * the records (it never touches the store) and hands them over through a
 * small ring (struct queue), while the calling thread writes them.  What
 * the reader finds wrong comes through the ring after the records before
 * it, so the first error in the file is the one reported, as if it had
 * all been one thread; when writing fails, the reader is told to stop.
 */
#include "tillit/import/import.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "tillit/bulk.h"
#include "tillit/error.h"
#include "tillit/i18n.h"
#include "tillit/json.h"
#include "tillit/model.h"
#include "tillit/store.h"
#include "tillit/text.h"
#include "tillit/validate.h"
#include "internal.h"

/* ---- import ---------------------------------------------------------- */

/* Fills err with "<path>: <kind> <id>: <message>" and returns status. */
static enum tl_status rec_error(struct import *im, enum tl_status status,
				const struct tl_entity *e, const char *id,
				const char *msg)
{
	if (id && *id)
		return tl_error_set(im->err, status, "%s: %s %s: %s", im->path,
				    e->name, id, msg);
	return tl_error_set(im->err, status, _("%s: a %s without an id: %s"),
			    im->path, e->name, msg);
}

/*
 * s cut to fit buf (at most 60 bytes of it), at a UTF-8 character
 * boundary, for quoting what a file holds in a message.  Returns buf.
 */
static const char *clip(const char *s, char *buf, size_t size)
{
	size_t n = tl_utf8_prefix(s, size > 61 ? 60 : size - 1);

	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* True for a record timestamp "YYYY-MM-DDTHH:MM:SSZ". */
static bool stamp_valid(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";

	if (strlen(s) != sizeof(shape) - 1)
		return false;
	for (size_t i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9')
				    : s[i] != shape[i])
			return false;
	}
	return true;
}

/*
 * A JSON real as plain decimal text: the fewest decimals that read back
 * as the same double (12.5, not 12.50000000000000 or 1.25e+01).  Huge
 * values keep an exponent, which validation then refuses.
 */
static void real_text(double d, char *buf, size_t size)
{
	if (d >= 1e15 || d <= -1e15) {
		snprintf(buf, size, "%g", d);
		return;
	}
	for (int prec = 0; prec <= 17; prec++) {
		snprintf(buf, size, "%.*f", prec, d);
		if (strtod(buf, NULL) == d)
			return;
	}
}

/*
 * The text of a JSON value for field f, before validation, into *s (which
 * may point into v or into buf).  TL_EINVAL with a message when the JSON
 * type does not fit the field.
 */
static enum tl_status value_text(struct import *im, const struct tl_entity *e,
				 const char *id, const struct tl_field *f,
				 const struct raw *v, const char **s, char *buf,
				 size_t size)
{
	char msg[256];
	const char *want;

	switch (f->type) {
	case TL_FT_INT:
	case TL_FT_AMOUNT:
		if (v->type == RAW_INT) {
			snprintf(buf, size, "%lld", v->i);
			*s = buf;
			return TL_OK;
		}
		if (v->type == RAW_REAL) {
			/* Validation refuses 2.5 for an integer. */
			real_text(v->d, buf, size);
			*s = buf;
			return TL_OK;
		}
		break;
	case TL_FT_BOOL:
		if (v->type == RAW_TRUE || v->type == RAW_FALSE) {
			*s = v->type == RAW_TRUE ? "1" : "0";
			return TL_OK;
		}
		break;
	default:
		break;
	}
	if (v->type == RAW_STRING) {
		*s = v->s;
		return TL_OK;
	}
	/* Translated only here: this runs for every value of the file. */
	if (f->type == TL_FT_INT)
		want = _("an integer");
	else if (f->type == TL_FT_AMOUNT)
		want = _("an amount (a string such as \"12.5\", or a "
			 "number)");
	else if (f->type == TL_FT_BOOL)
		want = _("true or false");
	else
		want = _("a string");
	snprintf(msg, sizeof(msg), _("field \"%s\" must be %s."), f->name,
		 want);
	return rec_error(im, TL_EINVAL, e, id, msg);
}

/* Converts and checks one field value into r. */
static enum tl_status import_field(struct import *im, struct tl_record *r,
				   int i, const struct raw *v)
{
	const struct tl_entity *e = r->e;
	const struct tl_field *f = &e->fields[i];
	struct tl_error verr;
	char buf[64], msg[512], quoted[64];
	const char *s;
	enum tl_status rc;

	if (v->type == RAW_NULL)
		return TL_OK; /* null is read as unset, like a missing key */
	rc = value_text(im, e, r->id, f, v, &s, buf, sizeof(buf));
	if (rc != TL_OK)
		return rc;
	tl_error_clear(&verr);
	rc = tl_validate_value(f, s, im->canon, TL_TEXT_MAX + 1, &verr);
	if (rc != TL_OK)
		return rec_error(im, rc, e, r->id, verr.msg);
	/*
	 * Dates must be written out: a relative one ("+14d") would mean a
	 * different day depending on when the file is imported.
	 */
	if ((f->type == TL_FT_DATE || f->type == TL_FT_DATETIME) &&
	    strcmp(s, im->canon)) {
		snprintf(msg, sizeof(msg), _("field \"%s\" must be written as "
			 "%s, not \"%s\"."), f->name,
			 f->type == TL_FT_DATE ? "YYYY-MM-DD"
					       : "YYYY-MM-DD HH:MM",
			 clip(s, quoted, sizeof(quoted)));
		return rec_error(im, TL_EINVAL, e, r->id, msg);
	}
	if (!tl_record_set(r, i, im->canon))
		return tl_error_set(im->err, TL_ESYS, _("Out of memory."));
	return TL_OK;
}

int tl_import_member(const struct tl_entity *e, const char *key, int prev)
{
	int hint = prev >= 0 ? prev + 1 : 0;
	int i;

	if (hint >= 0 && hint < e->nfields && !strcmp(e->fields[hint].name, key))
		return hint;
	if (!strcmp(key, "id"))
		return MEMBER_ID;
	if (!strcmp(key, "created_at"))
		return MEMBER_CREATED;
	if (!strcmp(key, "updated_at"))
		return MEMBER_UPDATED;
	i = tl_entity_field(e, key);
	/* tl_entity_field also matches "case-ref"; JSON does not. */
	return i >= 0 && !strcmp(e->fields[i].name, key) ? i : MEMBER_UNKNOWN;
}

/* The value of the member that names `field` among m[0..n), or NULL. */
static const struct raw *member_value(const struct raw_member *m, size_t n,
				      int field)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].field == field)
			return &m[i].v;
	return NULL;
}

/* Copies the required timestamp `key` of the record into dst. */
static enum tl_status import_stamp(struct import *im, struct tl_record *r,
				   const struct raw_member *m, size_t n,
				   int field, const char *key, char *dst,
				   size_t size)
{
	const struct raw *v = member_value(m, n, field);
	const char *s = v && v->type == RAW_STRING ? v->s : NULL;
	char msg[160];

	if (!s || !stamp_valid(s) || strlen(s) >= size) {
		snprintf(msg, sizeof(msg), _("\"%s\" must be a UTC timestamp "
			 "YYYY-MM-DDTHH:MM:SSZ."), key);
		return rec_error(im, TL_EINVAL, r->e, r->id, msg);
	}
	memcpy(dst, s, strlen(s) + 1);
	return TL_OK;
}

enum tl_status tl_import_record(struct import *im, const struct tl_entity *e,
				const struct raw_member *m, size_t n,
				struct tl_record **out)
{
	const struct raw *idv = member_value(m, n, MEMBER_ID);
	const char *id = idv && idv->type == RAW_STRING ? idv->s : NULL;
	struct tl_record *r;
	enum tl_status rc = TL_OK;
	char msg[256], quoted[64];

	*out = NULL;
	if (!id || !tl_id_valid(id))
		return id ? tl_error_set(im->err, TL_EINVAL,
				    _("%s: a %s has a bad id \"%s\" (a "
				      "lower-case UUID is needed)."),
				    im->path, e->name,
				    clip(id, quoted, sizeof(quoted)))
			  : tl_error_set(im->err, TL_EINVAL,
				    _("%s: a %s has no id (a lower-case UUID "
				      "is needed)."), im->path, e->name);
	r = tl_record_new(e->kind);
	if (!r)
		return tl_error_set(im->err, TL_ESYS, _("Out of memory."));
	memcpy(r->id, id, TL_ID_LEN + 1);
	rc = import_stamp(im, r, m, n, MEMBER_CREATED, "created_at",
			  r->created_at, sizeof(r->created_at));
	if (rc == TL_OK)
		rc = import_stamp(im, r, m, n, MEMBER_UPDATED, "updated_at",
				  r->updated_at, sizeof(r->updated_at));
	for (size_t k = 0; rc == TL_OK && k < n; k++) {
		if (m[k].field == MEMBER_UNKNOWN) {
			snprintf(msg, sizeof(msg), _("unknown field \"%s\"."),
				 clip(m[k].key, quoted, sizeof(quoted)));
			rc = rec_error(im, TL_EINVAL, e, id, msg);
		} else if (m[k].field >= 0) {
			rc = import_field(im, r, m[k].field, &m[k].v);
		}
	}
	if (rc != TL_OK) {
		tl_record_free(r);
		return rc;
	}
	*out = r;
	return TL_OK;
}

/* A value jansson read, as the import reads values. */
static struct raw raw_of(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		return (struct raw){.type = RAW_STRING,
				    .s = json_string_value(v)};
	case JSON_INTEGER:
		return (struct raw){.type = RAW_INT, .i = json_integer_value(v)};
	case JSON_REAL:
		return (struct raw){.type = RAW_REAL, .d = json_real_value(v)};
	case JSON_TRUE:
		return (struct raw){.type = RAW_TRUE};
	case JSON_FALSE:
		return (struct raw){.type = RAW_FALSE};
	case JSON_NULL:
		return (struct raw){.type = RAW_NULL};
	default:
		return (struct raw){.type = RAW_OTHER};
	}
}

/* Builds the record of one JSON object; *out is NULL on error. */
static enum tl_status record_from_json(struct import *im,
				       const struct tl_entity *e, json_t *obj,
				       struct tl_record **out)
{
	struct raw_member *m;
	const char *key;
	json_t *v;
	size_t n = 0;
	enum tl_status rc;

	*out = NULL;
	if (!json_is_object(obj))
		return tl_error_set(im->err, TL_EINVAL, _("%s: every entry of "
				    "\"%s\" must be an object."), im->path,
				    e->plural);
	m = malloc((json_object_size(obj) + 1) * sizeof(*m));
	if (!m)
		return tl_error_set(im->err, TL_ESYS, _("Out of memory."));
	json_object_foreach(obj, key, v) {
		int prev = n > 0 ? m[n - 1].field : MEMBER_UNKNOWN;

		m[n] = (struct raw_member){.key = key, .v = raw_of(v),
			.field = tl_import_member(e, key, prev)};
		n++;
	}
	rc = tl_import_record(im, e, m, n, out);
	free(m);
	return rc;
}

/*
 * The id of the stored principle whose key is `key`, into out ("" when
 * there is none).  Principles are few, but they are paged like the rest.
 */
static enum tl_status principle_by_key(struct import *im, const char *key,
				       char out[TL_ID_LEN + 1],
				       struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PRINCIPLE, .limit = 100};
	struct tl_page prev = {0}, page;
	bool have_prev = false;
	enum tl_status rc;

	out[0] = '\0';
	for (;;) {
		memset(&page, 0, sizeof(page));
		q.after = have_prev ? &prev.next : NULL;
		rc = tl_store_list(im->st, &q, &page, err);
		if (have_prev)
			tl_page_done(&prev);
		have_prev = false;
		if (rc != TL_OK)
			return rc;
		for (int i = 0; i < page.n && !out[0]; i++) {
			const char *k = tl_record_get(page.recs[i],
						      TL_PRINCIPLE_KEY);
			if (k && !strcmp(k, key))
				memcpy(out, page.recs[i]->id, TL_ID_LEN + 1);
		}
		if (out[0] || !page.more) {
			tl_page_done(&page);
			return TL_OK;
		}
		prev = page;
		have_prev = true;
	}
}

/* Writes one record and counts it. */
static enum tl_status import_record(struct import *im, struct tl_record *r)
{
	struct tl_record *old = NULL;
	struct tl_error gerr;
	char other[TL_ID_LEN + 1] = "";
	bool added, changed = false;
	enum tl_status rc;

	tl_error_clear(&gerr);
	rc = tl_store_get(im->st, r->e->kind, r->id, &old, &gerr);
	tl_record_free(old);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return rec_error(im, rc, r->e, r->id, gerr.msg);
	added = rc == TL_ENOTFOUND;
	/*
	 * Tags name principles by key, so a principle is known by its key:
	 * one that `init` seeded here under another id gives way to the
	 * imported one.  Without this an export of an initialised database
	 * could never match the file it imported.
	 */
	if (added && r->e->kind == TL_K_PRINCIPLE &&
	    tl_record_get(r, TL_PRINCIPLE_KEY)) {
		rc = principle_by_key(im, tl_record_get(r, TL_PRINCIPLE_KEY),
				      other, &gerr);
		if (rc == TL_OK && other[0])
			rc = tl_store_delete(im->st, TL_K_PRINCIPLE, other,
					     &gerr);
		if (rc != TL_OK)
			return rec_error(im, rc, r->e, r->id, gerr.msg);
		if (other[0])
			added = false;
	}
	rc = tl_store_put(im->st, r, &changed, &gerr);
	if (rc != TL_OK) {
		char short_id[9];

		/* The store names the record itself when it can. */
		memcpy(short_id, r->id, 8);
		short_id[8] = '\0';
		if (strstr(gerr.msg, short_id))
			return tl_error_set(im->err, rc, "%s: %s", im->path,
					    gerr.msg);
		return rec_error(im, rc, r->e, r->id, gerr.msg);
	}
	if (added)
		im->stats.added++;
	else if (changed || other[0])
		im->stats.changed++;
	else
		im->stats.unchanged++;
	return TL_OK;
}

/* ---- reading the file piece by piece --------------------------------- */

/*
 * The file is read through a buffer of RD_CHUNK bytes (grown for a long
 * record, up to RD_MAX): the outer object and its arrays are scanned
 * here, and each record is parsed by jansson on its own, so memory does
 * not grow with the file.
 */
#define RD_CHUNK (64 * 1024)
#define IMPORT_CACHE_KIB 4096

/* Reads more of the file: keeps what is not used yet, fills the rest. */
static enum tl_status more(struct import *im)
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

enum tl_status tl_import_more(struct import *im)
{
	return more(im);
}

/* Starts reading again at offset `at` of the file (without reading it
 * again when `at` is in the buffer). */
static enum tl_status seek_to(struct import *im, off_t at)
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
static enum tl_status syntax_error(struct import *im, off_t at,
				   const char *text)
{
	struct reader *r = &im->rd;
	long line = 1, col = 0;
	off_t done = 0;

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
			    line, col, text);
}

/* The next byte after white space, into *c (-1 at the end of the file). */
static enum tl_status peek(struct import *im, int *c)
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
		rc = more(im);
		if (rc != TL_OK)
			return rc;
	}
}

/*
 * The JSON value at the reader's position, parsed by jansson, into *out
 * (the caller json_decref()s it).  When the value runs past what is read
 * so far, more is read and it is parsed again.
 */
static enum tl_status value(struct import *im, json_t **out)
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
				return syntax_error(im, r->off +
						    (off_t)(r->pos +
						    (size_t)jerr.position),
						    jerr.text);
		}
		rc = more(im);
		if (rc != TL_OK)
			return rc;
	}
}

/*
 * The token at the reader's position was not what the document needs
 * there: "<what> near '<token>'", as jansson words it.
 */
static enum tl_status unexpected(struct import *im, const char *what)
{
	struct reader *r = &im->rd;
	char text[160];
	off_t start;
	json_t *j;
	enum tl_status rc;
	int c;

	rc = peek(im, &c);
	if (rc != TL_OK)
		return rc;
	start = r->off + (off_t)r->pos;
	if (c < 0) {
		snprintf(text, sizeof(text), "%s near end of file", what);
		return syntax_error(im, start, text);
	}
	if (strchr("{}[],:", c)) {
		snprintf(text, sizeof(text), "%s near '%c'", what, c);
		return syntax_error(im, start + 1, text);
	}
	/* A string, number or literal; else jansson's own complaint. */
	rc = value(im, &j);
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
		return syntax_error(im, end, text);
	}
}

/* ---- from the reader to the writer ------------------------------------ */

/*
 * The ring between the reader thread and the writing one: QUEUE_LEN
 * items, a mutex and two condition variables.  The waiting side is woken
 * only when QUEUE_BATCH items (or room for them) are ready, or at an
 * item that is not a record, so that the threads do not wake each other
 * at every record.
 */
#define QUEUE_LEN 512
#define QUEUE_BATCH 64

enum item_kind {
	ITEM_RECORD,   /* r is the next record */
	ITEM_RESTART,  /* out of order: the kinds come again, in order */
	ITEM_END       /* the reader is done; rc is how it went */
};

struct item {
	enum item_kind kind;
	enum tl_status rc;
	struct tl_record *r;
};

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	struct item ring[QUEUE_LEN];
	size_t head, count;
	bool reader_waits, writer_waits;
	bool stop;                 /* the writer gave up: stop reading */
};

/* Hands an item to the writer; false when it has stopped (the item is
 * then the caller's still). */
static bool push(struct queue *q, enum item_kind kind, enum tl_status rc,
		 struct tl_record *r)
{
	bool ok;

	pthread_mutex_lock(&q->mu);
	while (q->count == QUEUE_LEN && !q->stop) {
		q->reader_waits = true;
		pthread_cond_wait(&q->emptied, &q->mu);
		q->reader_waits = false;
	}
	ok = !q->stop;
	if (ok) {
		q->ring[(q->head + q->count) % QUEUE_LEN] =
			(struct item){.kind = kind, .rc = rc, .r = r};
		q->count++;
		if (q->writer_waits &&
		    (q->count >= QUEUE_BATCH || kind != ITEM_RECORD))
			pthread_cond_signal(&q->filled);
	}
	pthread_mutex_unlock(&q->mu);
	return ok;
}

/* The next item, waiting for it. */
static struct item pop(struct queue *q)
{
	struct item it;

	pthread_mutex_lock(&q->mu);
	while (q->count == 0) {
		q->writer_waits = true;
		pthread_cond_wait(&q->filled, &q->mu);
		q->writer_waits = false;
	}
	it = q->ring[q->head];
	q->head = (q->head + 1) % QUEUE_LEN;
	q->count--;
	if (q->reader_waits && q->count <= QUEUE_LEN - QUEUE_BATCH)
		pthread_cond_signal(&q->emptied);
	pthread_mutex_unlock(&q->mu);
	return it;
}

bool tl_import_push(struct import *im, struct tl_record *r)
{
	return push(im->q, ITEM_RECORD, TL_OK, r);
}

/* Tells the reader to stop (it may be waiting for room). */
static void stop_reader(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->stop = true;
	pthread_cond_signal(&q->emptied);
	pthread_mutex_unlock(&q->mu);
}

/* ---- ids --------------------------------------------------------------- */

static int hexval(char c)
{
	return c <= '9' ? c - '0' : c - 'a' + 10;
}

/*
 * No id may occur twice in the file.  A kind that goes in through the
 * bulk load had an empty table, which refuses an id twice at once
 * (tl_bulk_import's *dup); at the end tl_bulk_shared_id finds an id in two
 * such kinds.  Only the ids of records written one by one (a kind that
 * held records, principles) are kept, 16 bytes each: checked against
 * each other and against the bulk-loaded records at the end.  Into a new
 * database that is a handful; merged into one that holds every kind, it
 * is 16 bytes a record, as before.
 */
static enum tl_status keep_id(struct import *im, const char *id)
{
	unsigned char *u;

	if (im->nids == im->capids) {
		size_t cap = im->capids ? im->capids * 2 : 64;
		unsigned char (*t)[16] = realloc(im->ids, cap * sizeof(*t));

		if (!t)
			return tl_error_set(im->err, TL_ESYS,
					    _("Out of memory."));
		im->ids = t;
		im->capids = cap;
	}
	u = im->ids[im->nids++];
	for (int i = 0, j = 0; i < 16; j++) {
		if (id[j] == '-')
			continue;
		u[i++] = (unsigned char)(hexval(id[j]) << 4 | hexval(id[j + 1]));
		j++;
	}
	return TL_OK;
}

static int cmp_id(const void *a, const void *b)
{
	return memcmp(a, b, 16);
}

static enum tl_status dup_error(struct import *im, const char *id)
{
	char quoted[64];

	return tl_error_set(im->err, TL_EINVAL, _("%s: the id %s occurs more "
			    "than once."), im->path,
			    clip(id, quoted, sizeof(quoted)));
}

static void id_text(const unsigned char *u, char id[TL_ID_LEN + 1])
{
	snprintf(id, TL_ID_LEN + 1, "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3],
		 u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
		 u[13], u[14], u[15]);
}

/* No id may occur twice in the file (see keep_id): the smallest one that
 * does is named. */
static enum tl_status check_ids(struct import *im)
{
	char id[TL_ID_LEN + 1], best[TL_ID_LEN + 1] = "";
	enum tl_status rc;

	if (im->nids > 1)
		qsort(im->ids, im->nids, sizeof(*im->ids), cmp_id);
	for (size_t i = 1; i < im->nids; i++) {
		if (!memcmp(im->ids[i - 1], im->ids[i], 16)) {
			id_text(im->ids[i], best);
			break;
		}
	}
	for (size_t i = 0; i < im->nids; i++) {
		bool found;

		id_text(im->ids[i], id);
		if (best[0] && strcmp(id, best) >= 0)
			break;
		rc = tl_bulk_holds(im->bulk, id, &found, im->err);
		if (rc != TL_OK)
			return rc;
		if (found) {
			memcpy(best, id, sizeof(best));
			break;
		}
	}
	rc = tl_bulk_shared_id(im->bulk, id, im->err);
	if (rc != TL_OK)
		return rc;
	if (id[0] && (!best[0] || strcmp(id, best) < 0))
		memcpy(best, id, sizeof(best));
	return best[0] ? dup_error(im, best) : TL_OK;
}

/* ---- the document ------------------------------------------------------ */

/* Writes one record of the file (the writing thread). */
static enum tl_status write_record(struct import *im, struct tl_record *r)
{
	const struct tl_entity *e = r->e;
	enum tl_status rc;

	if (im->bulk_kind[e->kind]) {
		struct tl_error gerr;
		bool dup;

		tl_error_clear(&gerr);
		rc = tl_bulk_import(im->bulk, r, &dup, &gerr);
		if (rc == TL_OK)
			im->stats.added++;
		else if (dup)
			rc = dup_error(im, r->id);
		else
			rc = rec_error(im, rc, e, r->id, gerr.msg);
	} else {
		rc = keep_id(im, r->id);
		if (rc == TL_OK)
			rc = import_record(im, r);
	}
	return rc;
}

/* Builds and checks one record of the file and hands it to the writer
 * (the reader thread). */
static enum tl_status take_record(struct import *im,
				  const struct tl_entity *e, json_t *obj)
{
	struct tl_record *r;
	enum tl_status rc;

	rc = record_from_json(im, e, obj, &r);
	if (rc == TL_OK && !push(im->q, ITEM_RECORD, TL_OK, r)) {
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
				rc = seek_to(im, resume);
			if (rc != TL_OK || done)
				return rc;
		}
		if (value_next && open) {
			/* The '[' (a seek may have left the buffer empty). */
			rc = peek(im, &c);
			if (rc != TL_OK)
				return rc;
			im->rd.pos++;
			rc = peek(im, &c);
			if (rc != TL_OK)
				return rc;
			if (c == ']') {
				im->rd.pos++;
				return TL_OK;
			}
		}
		if (value_next) {
			json_t *obj;

			rc = value(im, &obj);
			if (rc == TL_OK && write)
				rc = take_record(im, e, obj);
			json_decref(obj);
			if (rc != TL_OK)
				return rc;
		}
		rc = peek(im, &c);
		if (rc != TL_OK)
			return rc;
		if (c != ']' && c != ',')
			return unexpected(im, "']' expected");
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

	rc = value(im, &key);
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
		return syntax_error(im, start + n, text);
	}
	if (!e && strcmp(name, "format") && strcmp(name, "version")) {
		rc = tl_error_set(im->err, TL_EINVAL, _("%s: unknown key "
				  "\"%s\" (not a kind of record)."), im->path,
				  clip(name, quoted, sizeof(quoted)));
		json_decref(key);
		return rc;
	}
	d->seen |= bit;
	rc = peek(im, &c);
	if (rc == TL_OK && c != ':')
		rc = unexpected(im, "':' expected");
	if (rc != TL_OK) {
		json_decref(key);
		return rc;
	}
	r->pos++;
	if (!e) {
		bool format = !strcmp(name, "format");

		json_decref(key);
		rc = value(im, &v);
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
	rc = peek(im, &c);
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

	rc = peek(im, &c);
	if (rc != TL_OK)
		return rc;
	if (c == '[')
		return tl_error_set(im->err, TL_EINVAL, _("%s: not a tillit "
				    "export (the document is not a JSON "
				    "object)."), im->path);
	if (c != '{')
		return unexpected(im, "'[' or '{' expected");
	im->rd.pos++;
	rc = peek(im, &c);
	if (rc == TL_OK && c == '}')
		im->rd.pos++;
	while (rc == TL_OK && c != '}') {
		if (c != '"')
			return unexpected(im, "string or '}' expected");
		rc = member(im, d);
		if (rc != TL_OK || d->restart)
			return rc;
		rc = peek(im, &c);
		if (rc != TL_OK)
			return rc;
		if (c != ',' && c != '}')
			return unexpected(im, "'}' expected");
		im->rd.pos++;
		if (c == ',')
			rc = peek(im, &c);
	}
	if (rc == TL_OK)
		rc = peek(im, &c);
	if (rc == TL_OK && c >= 0)
		return unexpected(im, "end of file expected");
	if (rc == TL_OK && !d->checked)
		rc = check_head(im, d);
	return rc;
}

/* Opens path for reading into im->rd; a pipe is copied to a temporary
 * file first, so that it can be read twice. */
static enum tl_status open_source(struct import *im)
{
	struct stat sb;
	FILE *fp, *tmp;
	char buf[8192];
	size_t n;
	int e;

	fp = fopen(im->path, "rb");
	if (!fp) {
		e = errno;
		return tl_error_set(im->err,
				    e == ENOENT || e == ENOTDIR ||
				    e == EACCES || e == EISDIR ? TL_EINVAL
							       : TL_ESYS,
				    _("Cannot open %s: %s."), im->path,
				    strerror(e));
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		return tl_error_set(im->err, TL_EINVAL, _("Cannot import %s: "
							  "it "
				    "is a folder."), im->path);
	}
	im->rd.fp = fp;
	if (S_ISREG(sb.st_mode))
		return TL_OK;
	tmp = tmpfile();
	if (!tmp)
		return tl_error_set(im->err, TL_ESYS, _("Cannot read %s: %s."),
				    im->path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (fwrite(buf, 1, n, tmp) != n)
			break;
	e = ferror(fp) || ferror(tmp) || fflush(tmp) ? errno : 0;
	fclose(fp);
	im->rd.fp = tmp;
	if (e || fseeko(tmp, 0, SEEK_SET) != 0)
		return tl_error_set(im->err, TL_ESYS, _("Cannot read %s: %s."),
				    im->path, strerror(e ? e : errno));
	return TL_OK;
}

/* Starts the one transaction (a bulk load) and picks, per kind, how its
 * records go in. */
static enum tl_status start(struct import *im)
{
	enum tl_status rc = tl_bulk_begin(im->st, &im->bulk, im->err);

	/* A small cache: the import must not grow with the file, and the
	 * inserts mostly append. */
	if (rc == TL_OK)
		tl_bulk_set_memory(im->bulk, IMPORT_CACHE_KIB);

	/* Principles merge by key, signatures and seals only by signing:
	 * those few go record by record, like every kind that has
	 * records already. */
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		im->bulk_kind[k] = false;
		if (k != TL_K_PRINCIPLE && k != TL_K_SIGNATURE &&
		    k != TL_K_SEAL)
			rc = tl_bulk_empty(im->bulk, (enum tl_kind)k,
					   &im->bulk_kind[k], im->err);
	}
	memset(&im->stats, 0, sizeof(im->stats));
	im->nids = 0;
	return rc;
}

/*
 * Reads the whole document (the reader thread): walks it, writing as it
 * goes, or when the kinds are out of order, scans it first and then reads
 * each kind's array in order.
 */
static enum tl_status read_file(struct import *im)
{
	struct doc d = {.write = true, .last = -1};
	enum tl_status rc;

	rc = walk(im, &d);
	if (rc != TL_OK || !d.restart)
		return rc;
	memset(&d, 0, sizeof(d));
	for (int k = 0; k < TL_K_COUNT; k++)
		d.at[k] = -1;
	rc = seek_to(im, 0);
	if (rc == TL_OK)
		rc = walk(im, &d);
	if (rc == TL_OK && !push(im->q, ITEM_RESTART, TL_OK, NULL))
		rc = TL_ESYS;
	for (int k = 0; rc == TL_OK && k < TL_K_COUNT; k++) {
		if (d.at[k] < 0)
			continue;
		rc = seek_to(im, d.at[k]);
		if (rc == TL_OK)
			rc = peek(im, &(int){0});
		if (rc == TL_OK)
			rc = array(im, tl_entity_get((enum tl_kind)k), true);
	}
	return rc;
}

static void *reader_main(void *arg)
{
	struct import *im = arg;
	enum tl_status rc = read_file(im);

	push(im->q, ITEM_END, rc, NULL);
	return NULL;
}

/*
 * Reads the document and writes it, all inside the bulk load: the reader
 * thread reads, this one writes what it hands over.
 */
static enum tl_status import_file(struct import *im)
{
	struct import rim = *im;
	struct tl_error rerr;
	struct queue *q;
	pthread_t reader;
	enum tl_status rc;

	rc = start(im);
	if (rc != TL_OK)
		return rc;
	q = calloc(1, sizeof(*q));
	if (!q)
		return tl_error_set(im->err, TL_ESYS, _("Out of memory."));
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->filled, NULL);
	pthread_cond_init(&q->emptied, NULL);
	tl_error_clear(&rerr);
	rim.err = &rerr;
	rim.st = NULL;
	rim.bulk = NULL;
	rim.ids = NULL;
	rim.q = q;
	if (pthread_create(&reader, NULL, reader_main, &rim) != 0) {
		rc = tl_error_set(im->err, TL_ESYS, _("Out of memory."));
		q->stop = true;
	}
	while (rc == TL_OK) {
		struct item it = pop(q);

		if (it.kind == ITEM_RECORD) {
			rc = write_record(im, it.r);
			tl_record_free(it.r);
		} else if (it.kind == ITEM_RESTART) {
			/* Everything starts again, in order. */
			tl_bulk_abort(im->bulk);
			im->bulk = NULL;
			rc = start(im);
		} else {
			if (it.rc != TL_OK)
				rc = tl_error_set(im->err, it.rc, "%s",
						  rerr.msg);
			break;
		}
	}
	if (!q->stop) {
		stop_reader(q);
		pthread_join(reader, NULL);
		im->rd = rim.rd; /* its buffer may have grown */
	}
	/* What the reader handed over but was not written. */
	for (size_t i = 0; i < q->count; i++)
		tl_record_free(q->ring[(q->head + i) % QUEUE_LEN].r);
	pthread_cond_destroy(&q->emptied);
	pthread_cond_destroy(&q->filled);
	pthread_mutex_destroy(&q->mu);
	free(q);
	return rc;
}

enum tl_status tl_json_import(struct tl_store *st, const char *path,
			      struct tl_json_stats *stats,
			      struct tl_error *err)
{
	struct import im = {.st = st, .path = path, .err = err};
	struct tl_error local;
	enum tl_status rc;

	if (!err)
		im.err = err = &local;
	tl_error_clear(err);
	if (stats)
		memset(stats, 0, sizeof(*stats));
	rc = open_source(&im);
	if (rc == TL_OK) {
		im.canon = malloc(TL_TEXT_MAX + 1);
		im.rd.buf = malloc(RD_CHUNK);
		im.rd.cap = RD_CHUNK;
		if (!im.canon || !im.rd.buf)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK)
		rc = import_file(&im);
	if (rc == TL_OK)
		rc = check_ids(&im);
	if (rc == TL_OK) {
		rc = tl_bulk_end(im.bulk, err);
		im.bulk = NULL;
		if (rc != TL_OK) {
			/* Deferred references fail at the commit. */
			char msg[sizeof(err->msg)];

			memcpy(msg, err->msg, sizeof(msg));
			tl_error_set(err, rc, "%s: %s", path, msg);
		}
	}
	tl_bulk_abort(im.bulk);
	if (im.rd.fp)
		fclose(im.rd.fp);
	free(im.rd.buf);
	free(im.ids);
	free(im.canon);
	if (rc == TL_OK && stats)
		*stats = im.stats;
	return rc;
}
