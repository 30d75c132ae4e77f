/*
 * json_import.c - a tillit JSON document (json.c writes it) merged into
 * the database by id.
 *
 * Import reads the whole document with jansson, checks it, and writes
 * every record with tl_store_put inside one transaction; the first error
 * rolls everything back.  doc/json-format.md is the user's description.
 */
#include "tillit/json.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "tillit/error.h"
#include "tillit/i18n.h"
#include "tillit/model.h"
#include "tillit/store.h"
#include "tillit/validate.h"

/* ---- import ---------------------------------------------------------- */

struct import {
	struct tl_store *st;
	const char *path;
	struct tl_error *err;
	struct tl_json_stats stats;
	char *canon;            /* TL_TEXT_MAX + 1 bytes for canonical values */
};

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
	size_t n = strlen(s);

	if (size > 61)
		size = 61;
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
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
				 json_t *v, const char **s, char *buf,
				 size_t size)
{
	char msg[256];
	const char *want;

	switch (f->type) {
	case TL_FT_INT:
	case TL_FT_AMOUNT:
		if (json_is_integer(v)) {
			snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(v));
			*s = buf;
			return TL_OK;
		}
		if (json_is_real(v)) {
			/* Validation refuses 2.5 for an integer. */
			real_text(json_real_value(v), buf, size);
			*s = buf;
			return TL_OK;
		}
		want = f->type == TL_FT_INT ? _("an integer")
		       : _("an amount (a string such as \"12.5\", or a "
			   "number)");
		break;
	case TL_FT_BOOL:
		if (json_is_boolean(v)) {
			*s = json_is_true(v) ? "1" : "0";
			return TL_OK;
		}
		want = _("true or false");
		break;
	default:
		want = _("a string");
		break;
	}
	if (json_is_string(v)) {
		*s = json_string_value(v);
		return TL_OK;
	}
	snprintf(msg, sizeof(msg), _("field \"%s\" must be %s."), f->name,
		 want);
	return rec_error(im, TL_EINVAL, e, id, msg);
}

/* Converts and checks one field value into r. */
static enum tl_status import_field(struct import *im, struct tl_record *r,
				   int i, json_t *v)
{
	const struct tl_entity *e = r->e;
	const struct tl_field *f = &e->fields[i];
	struct tl_error verr;
	char buf[64], msg[512], quoted[64];
	const char *s;
	enum tl_status rc;

	if (json_is_null(v))
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

/* Copies the required timestamp `key` of obj into dst. */
static enum tl_status import_stamp(struct import *im, struct tl_record *r,
				   json_t *obj, const char *key, char *dst,
				   size_t size)
{
	json_t *v = json_object_get(obj, key);
	const char *s = json_string_value(v);
	char msg[160];

	if (!s || !stamp_valid(s) || strlen(s) >= size) {
		snprintf(msg, sizeof(msg), _("\"%s\" must be a UTC timestamp "
			 "YYYY-MM-DDTHH:MM:SSZ."), key);
		return rec_error(im, TL_EINVAL, r->e, r->id, msg);
	}
	memcpy(dst, s, strlen(s) + 1);
	return TL_OK;
}

/* Builds the record of one JSON object; *out is NULL on error. */
static enum tl_status record_from_json(struct import *im,
				       const struct tl_entity *e, json_t *obj,
				       struct tl_record **out)
{
	struct tl_record *r;
	const char *key, *id;
	json_t *v;
	enum tl_status rc = TL_OK;
	char msg[256], quoted[64];

	*out = NULL;
	if (!json_is_object(obj))
		return tl_error_set(im->err, TL_EINVAL, _("%s: every entry of "
				    "\"%s\" must be an object."), im->path,
				    e->plural);
	id = json_string_value(json_object_get(obj, "id"));
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
	rc = import_stamp(im, r, obj, "created_at", r->created_at,
			  sizeof(r->created_at));
	if (rc == TL_OK)
		rc = import_stamp(im, r, obj, "updated_at", r->updated_at,
				  sizeof(r->updated_at));
	json_object_foreach(obj, key, v) {
		int i;

		if (rc != TL_OK)
			break;
		if (!strcmp(key, "id") || !strcmp(key, "created_at") ||
		    !strcmp(key, "updated_at"))
			continue;
		i = tl_entity_field(e, key);
		/* tl_entity_field also matches "case-ref"; JSON does not. */
		if (i < 0 || strcmp(e->fields[i].name, key)) {
			snprintf(msg, sizeof(msg), _("unknown field \"%s\"."),
				 clip(key, quoted, sizeof(quoted)));
			rc = rec_error(im, TL_EINVAL, e, id, msg);
			break;
		}
		rc = import_field(im, r, i, v);
	}
	if (rc != TL_OK) {
		tl_record_free(r);
		return rc;
	}
	*out = r;
	return TL_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Checks the document's frame: format, version, known kinds, arrays, and
 * that no id occurs twice (merging by id would otherwise depend on the
 * order of the file).
 */
static enum tl_status check_document(struct import *im, json_t *doc)
{
	const char *key, *format;
	json_t *v, *version;
	const char **ids = NULL;
	char quoted[64];
	size_t n = 0, cap = 0;
	enum tl_status rc = TL_OK;

	if (!json_is_object(doc))
		return tl_error_set(im->err, TL_EINVAL, _("%s: not a tillit "
				    "export (the document is not a JSON "
				    "object)."), im->path);
	format = json_string_value(json_object_get(doc, "format"));
	if (!format || strcmp(format, "tillit"))
		return tl_error_set(im->err, TL_EINVAL, _("%s: not a tillit "
				    "export (\"format\" must be \"tillit\")."),
				    im->path);
	version = json_object_get(doc, "version");
	if (!json_is_integer(version) || json_integer_value(version) < 1)
		return tl_error_set(im->err, TL_EINVAL, _("%s: \"version\" "
							  "must "
				    "be a whole number from 1."), im->path);
	if (json_integer_value(version) > TL_JSON_VERSION)
		return tl_error_set(im->err, TL_EINVAL, "%s: written in "
				    "format version %" JSON_INTEGER_FORMAT
				    " by a newer tillit; this one reads up to "
				    "version %d.",
				    im->path, json_integer_value(version),
				    TL_JSON_VERSION);
	json_object_foreach(doc, key, v) {
		const struct tl_entity *e;
		size_t idx;
		json_t *rec;

		if (!strcmp(key, "format") || !strcmp(key, "version"))
			continue;
		e = tl_entity_find(key);
		if (!e || strcmp(e->plural, key)) {
			rc = tl_error_set(im->err, TL_EINVAL, _("%s: unknown key "
					  "\"%s\" (not a kind of record)."),
					  im->path,
					  clip(key, quoted, sizeof(quoted)));
			break;
		}
		if (!json_is_array(v)) {
			rc = tl_error_set(im->err, TL_EINVAL, _("%s: \"%s\" must "
					  "be an array."), im->path, key);
			break;
		}
		json_array_foreach(v, idx, rec) {
			const char *id = json_string_value(
				json_object_get(rec, "id"));

			if (!id)
				continue; /* reported with its record */
			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 256;
				const char **t = realloc(ids,
							 ncap * sizeof(*t));
				if (!t) {
					rc = tl_error_set(im->err, TL_ESYS,
							  _("Out of memory."));
					break;
				}
				ids = t;
				cap = ncap;
			}
			ids[n++] = id;
		}
		if (rc != TL_OK)
			break;
	}
	if (rc == TL_OK && n > 1) {
		qsort(ids, n, sizeof(*ids), cmp_str);
		for (size_t i = 1; i < n; i++) {
			if (!strcmp(ids[i - 1], ids[i])) {
				rc = tl_error_set(im->err, TL_EINVAL, _("%s: the "
						  "id %s occurs more than "
						  "once."), im->path,
						  clip(ids[i], quoted,
						       sizeof(quoted)));
				break;
			}
		}
	}
	free(ids);
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

/* Imports every record of the checked document, kinds in enum order. */
static enum tl_status import_all(struct import *im, json_t *doc)
{
	enum tl_status rc = TL_OK;

	for (int k = 0; k < TL_K_COUNT && rc == TL_OK; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		json_t *arr = json_object_get(doc, e->plural), *obj;
		size_t idx;

		json_array_foreach(arr, idx, obj) {
			struct tl_record *r;

			rc = record_from_json(im, e, obj, &r);
			if (rc == TL_OK)
				rc = import_record(im, r);
			tl_record_free(r);
			if (rc != TL_OK)
				break;
		}
	}
	return rc;
}

/* Opens and parses path into *doc. */
static enum tl_status load_document(struct import *im, json_t **doc)
{
	json_error_t jerr;
	struct stat sb;
	FILE *fp;
	int e;

	*doc = NULL;
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
	*doc = json_loadf(fp, JSON_REJECT_DUPLICATES, &jerr);
	e = ferror(fp) ? errno : 0;
	fclose(fp);
	if (*doc)
		return TL_OK;
	if (e)
		return tl_error_set(im->err, TL_ESYS, _("Cannot read %s: %s."),
				    im->path, strerror(e));
	if (jerr.line > 0)
		return tl_error_set(im->err, TL_EINVAL, "%s:%d:%d: %s.",
				    im->path, jerr.line, jerr.column,
				    jerr.text);
	return tl_error_set(im->err, TL_EINVAL, "%s: %s.", im->path,
			    jerr.text);
}

enum tl_status tl_json_import(struct tl_store *st, const char *path,
			      struct tl_json_stats *stats,
			      struct tl_error *err)
{
	struct import im = {.st = st, .path = path, .err = err};
	struct tl_error local;
	json_t *doc;
	enum tl_status rc;

	if (!err)
		im.err = err = &local;
	tl_error_clear(err);
	if (stats)
		memset(stats, 0, sizeof(*stats));
	rc = load_document(&im, &doc);
	if (rc != TL_OK)
		return rc;
	rc = check_document(&im, doc);
	if (rc == TL_OK) {
		im.canon = malloc(TL_TEXT_MAX + 1);
		if (!im.canon)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK)
		rc = tl_store_begin(st, err);
	if (rc == TL_OK) {
		rc = import_all(&im, doc);
		if (rc == TL_OK) {
			rc = tl_store_commit(st, err);
			if (rc != TL_OK) {
				/* Deferred references fail at the commit. */
				char msg[sizeof(err->msg)];

				memcpy(msg, err->msg, sizeof(msg));
				tl_error_set(err, rc, "%s: %s", path, msg);
				tl_store_rollback(st);
			}
		} else {
			tl_store_rollback(st);
		}
	}
	free(im.canon);
	json_decref(doc);
	if (rc == TL_OK && stats)
		*stats = im.stats;
	return rc;
}
