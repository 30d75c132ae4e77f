/*
 * json.c - the whole database as one JSON document, and back.
 *
 * Export streams: the document's frame is written by hand and each record
 * is one jansson object dumped on a line of its own, so memory stays at
 * one page of records (500) however big the database is.  The output is a
 * pure function of the records: kinds in enum order, records in the
 * store's list order (sort field, then id), keys in a fixed order (id,
 * created_at, updated_at, then the fields in model.c's order), no export
 * time, UTF-8 as is.  Two databases holding the same records therefore
 * export byte for byte the same file.
 *
 * Import is in json_import.c.  doc/json-format.md is the user's
 * description of the format.
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

/* Records asked of the store at a time. */
#define PAGE_SIZE 500

/* Record objects are dumped on one line each, with ", " and ": ". */
#define RECORD_FLAGS (JSON_PRESERVE_ORDER)

/* ---- export ---------------------------------------------------------- */

/*
 * Adds field i of record r to obj in its JSON type.  Strict (the export),
 * a value the store should never hold is an error: an integer field that
 * is not a number, a boolean that is not 0 or 1, text that is not UTF-8.
 * Lenient (tl_json_record), such a value is shown as best it can be: the
 * number as a string, the boolean as false, the text as "?".
 */
static enum tl_status field_to_json(json_t *obj, const struct tl_record *r,
				    int i, bool strict, struct tl_error *err)
{
	const struct tl_field *f = &r->e->fields[i];
	const char *v = r->values[i];
	json_t *jv = NULL;
	char *end;
	long long n;

	if (!v)
		return TL_OK; /* unset fields are left out */
	switch (f->type) {
	case TL_FT_INT:
		errno = 0;
		n = strtoll(v, &end, 10);
		if (!(errno || end == v || *end))
			jv = json_integer((json_int_t)n);
		else if (strict)
			return tl_error_set(err, TL_EDB,
					    _("%s %s: field \"%s\" holds "
					      "\"%s\", "
					    "which is not an integer."),
					    r->e->name, r->id, f->name, v);
		else
			jv = json_string(v);
		break;
	case TL_FT_BOOL:
		if (strict && strcmp(v, "0") && strcmp(v, "1"))
			return tl_error_set(err, TL_EDB,
					    _("%s %s: field \"%s\" holds "
					      "\"%s\", "
					    "which is not 0 or 1."),
					    r->e->name, r->id, f->name, v);
		jv = json_boolean(!strcmp(v, "1"));
		break;
	default:
		/* Text, and amounts too: a string keeps "12.5" exact. */
		jv = json_string(v);
		if (!jv && strict)
			return tl_error_set(err, TL_EDB,
					    _("%s %s: field \"%s\" is not "
					      "valid "
					    "UTF-8."), r->e->name, r->id,
					    f->name);
		if (!jv)
			jv = json_string("?");
		break;
	}
	if (!jv || json_object_set_new(obj, f->name, jv))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	return TL_OK;
}

/* The JSON object of one record; *out is NULL on error. */
static enum tl_status record_to_json(const struct tl_record *r, bool strict,
				     json_t **out, struct tl_error *err)
{
	json_t *obj = json_object();
	enum tl_status rc;

	*out = NULL;
	if (!obj)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (json_object_set_new(obj, "id", json_string(r->id)) ||
	    json_object_set_new(obj, "created_at",
				json_string(r->created_at)) ||
	    json_object_set_new(obj, "updated_at",
				json_string(r->updated_at))) {
		json_decref(obj);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	for (int i = 0; i < r->e->nfields; i++) {
		rc = field_to_json(obj, r, i, strict, err);
		if (rc != TL_OK) {
			json_decref(obj);
			return rc;
		}
	}
	*out = obj;
	return TL_OK;
}

json_t *tl_json_record(const struct tl_record *r)
{
	json_t *obj;

	record_to_json(r, false, &obj, NULL);
	return obj;
}

static enum tl_status write_failed(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Cannot write the export: %s."),
			    strerror(errno ? errno : EIO));
}

/* Writes one record as a line of the kind's array. */
static enum tl_status write_record(FILE *out, const struct tl_record *r,
				   bool first, struct tl_error *err)
{
	json_t *obj;
	enum tl_status rc;
	int failed;

	rc = record_to_json(r, true, &obj, err);
	if (rc != TL_OK)
		return rc;
	if (fputs(first ? "\n    " : ",\n    ", out) == EOF) {
		json_decref(obj);
		return write_failed(err);
	}
	failed = json_dumpf(obj, out, RECORD_FLAGS);
	json_decref(obj);
	if (failed)
		return write_failed(err);
	return TL_OK;
}

/*
 * Writes the array of one kind, page by page.  A page's cursor must stay
 * alive until the next page is fetched, so the previous page is released
 * only after that call.
 */
static enum tl_status write_kind(struct tl_store *st, FILE *out,
				 enum tl_kind kind, bool last,
				 struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_query q = {.kind = kind, .limit = PAGE_SIZE};
	struct tl_page prev = {0}, page;
	bool have_prev = false, first = true;
	enum tl_status rc = TL_OK;

	if (fprintf(out, "  \"%s\": [", e->plural) < 0)
		return write_failed(err);
	for (;;) {
		memset(&page, 0, sizeof(page));
		q.after = have_prev ? &prev.next : NULL;
		rc = tl_store_list(st, &q, &page, err);
		if (have_prev)
			tl_page_done(&prev);
		have_prev = false;
		if (rc != TL_OK)
			return rc;
		for (int i = 0; i < page.n && rc == TL_OK; i++) {
			rc = write_record(out, page.recs[i], first, err);
			first = false;
		}
		if (rc != TL_OK || !page.more) {
			tl_page_done(&page);
			break;
		}
		prev = page;
		have_prev = true;
	}
	if (rc != TL_OK)
		return rc;
	if (fprintf(out, "%s]%s\n", first ? "" : "\n  ", last ? "" : ",") < 0)
		return write_failed(err);
	return TL_OK;
}

enum tl_status tl_json_export(struct tl_store *st, FILE *out,
			      struct tl_error *err)
{
	enum tl_status rc = TL_OK;

	tl_error_clear(err);
	errno = 0;
	if (fprintf(out, "{\n  \"format\": \"tillit\",\n  \"version\": %d,\n",
		    TL_JSON_VERSION) < 0)
		return write_failed(err);
	/* One snapshot for every page, so that a program writing meanwhile
	 * cannot make the file inconsistent. */
	rc = tl_store_read_begin(st, err);
	for (int k = 0; k < TL_K_COUNT && rc == TL_OK; k++)
		rc = write_kind(st, out, (enum tl_kind)k, k == TL_K_COUNT - 1,
				err);
	tl_store_read_end(st);
	if (rc != TL_OK)
		return rc;
	if (fputs("}\n", out) == EOF || fflush(out) == EOF || ferror(out))
		return write_failed(err);
	return TL_OK;
}
