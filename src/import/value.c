/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * value.c - the import's value conversion, shared by both readers: the
 * members of one record's object (read by yajl in fast.c or by jansson
 * in walk.c) become a checked tl_record.  Each value is converted to the
 * text the store keeps and validated as the field's type says; the first
 * bad member in file order is the one named, with the record's kind and
 * id.
 *
 * This is the per-field path of every record imported, so it stays in
 * this one file, its helpers static.
 */
#include "internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/core/validate.h"

/* Fills err with "<path>: <kind> <id>: <message>" and returns status. */
enum tl_status tl_import_rec_error(struct import *im, enum tl_status status,
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
const char *tl_import_clip(const char *s, char *buf, size_t size)
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
	case TL_FT_NUMBER:
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
	/* An amount may be a string ("12.5"); an integer is a number. */
	if (v->type == RAW_STRING && f->type != TL_FT_INT) {
		*s = v->s;
		return TL_OK;
	}
	/* Translated only here: this runs for every value of the file. */
	if (f->type == TL_FT_INT)
		want = _("an integer");
	else if (f->type == TL_FT_AMOUNT || f->type == TL_FT_NUMBER)
		want = _("an amount (a string such as \"12.5\", or a "
			 "number)");
	else if (f->type == TL_FT_BOOL)
		want = _("true or false");
	else
		want = _("a string");
	snprintf(msg, sizeof(msg), _("field \"%s\" must be %s."), f->name,
		 want);
	return tl_import_rec_error(im, TL_EINVAL, e, id, msg);
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
		return tl_import_rec_error(im, rc, e, r->id, verr.msg);
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
			 tl_import_clip(s, quoted, sizeof(quoted)));
		return tl_import_rec_error(im, TL_EINVAL, e, r->id, msg);
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
		return tl_import_rec_error(im, TL_EINVAL, r->e, r->id, msg);
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
				    tl_import_clip(id, quoted, sizeof(quoted)))
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
				 tl_import_clip(m[k].key, quoted,
						sizeof(quoted)));
			rc = tl_import_rec_error(im, TL_EINVAL, e, id, msg);
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
enum tl_status tl_import_json_record(struct import *im,
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
