/*
 * record.c - records in and out of the database, for every kind at once.
 *
 * The SQL here is put together from the entity tables of model.h (table
 * and column names only, all fixed strings of ours); every value is bound.
 * Changes run inside a savepoint together with their audit rows.  Lists
 * are keyset-paged on (sort field, id), which the indexes of schema.c
 * serve without sorting.  A signed meeting and what was recorded in it
 * are locked: every change is checked here first, for a clear sentence,
 * and the triggers of schema.c refuse it again for any other program.
 */
#include "tillit/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/date.h"
#include "tillit/i18n.h"
#include "tillit/id.h"
#include "tillit/rules.h"
#include "tillit/text.h"
#include "tillit/validate.h"
#include "internal.h"

/* A growing string for building SQL. */
struct sbuf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void sb_add(struct sbuf *b, const char *text)
{
	size_t n = strlen(text);

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = true;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, text, n + 1);
	b->len += n;
}

/* Appends before, a, after. */
static void sb_add3(struct sbuf *b, const char *before, const char *a,
		    const char *after)
{
	sb_add(b, before);
	sb_add(b, a);
	sb_add(b, after);
}

static bool is_int_type(const struct tl_field *f)
{
	return f->type == TL_FT_INT || f->type == TL_FT_BOOL;
}

int tl_bind_value(sqlite3_stmt *s, int idx, const struct tl_field *f,
		  const char *value)
{
	if (!value)
		return sqlite3_bind_null(s, idx);
	if (is_int_type(f))
		return sqlite3_bind_int64(s, idx, strtoll(value, NULL, 10));
	return sqlite3_bind_text(s, idx, value, -1, SQLITE_TRANSIENT);
}

/* The column list: id, created_at, updated_at, then every field. */
static void add_columns(struct sbuf *b, const struct tl_entity *e)
{
	sb_add(b, "id, created_at, updated_at");
	for (int i = 0; i < e->nfields; i++) {
		sb_add(b, ", ");
		sb_add(b, e->fields[i].name);
	}
}

/* Reads a row laid out by add_columns into a new record. */
static struct tl_record *row_to_record(sqlite3_stmt *s,
				       const struct tl_entity *e)
{
	struct tl_record *r = tl_record_new(e->kind);

	if (!r)
		return NULL;
	snprintf(r->id, sizeof(r->id), "%s",
		 (const char *)sqlite3_column_text(s, 0));
	snprintf(r->created_at, sizeof(r->created_at), "%s",
		 (const char *)sqlite3_column_text(s, 1));
	snprintf(r->updated_at, sizeof(r->updated_at), "%s",
		 (const char *)sqlite3_column_text(s, 2));
	for (int i = 0; i < e->nfields; i++) {
		const char *v = (const char *)sqlite3_column_text(s, 3 + i);
		if (v && !tl_record_set(r, i, v)) {
			tl_record_free(r);
			return NULL;
		}
	}
	return r;
}

static bool streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

enum tl_status tl_store_get(struct tl_store *st, enum tl_kind kind,
			    const char *id, struct tl_record **out,
			    struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct sbuf b = {0};
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	if (!e || !id)
		return tl_error_set(err, TL_EINVAL, _("No such kind of "
						      "record."));
	sb_add(&b, "SELECT ");
	add_columns(&b, e);
	sb_add3(&b, " FROM ", e->plural, " WHERE id = ?");
	if (b.oom) {
		free(b.s);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	s = tl_stmt(st, b.s, err);
	free(b.s);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = row_to_record(s, e);
		sqlite3_reset(s);
		if (!*out)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		return TL_OK;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return tl_error_set(err, TL_ENOTFOUND, _("No %s has the id %s."),
			    _(e->label), id);
}

/* TL_OK when a record of kind with this id exists. */
static enum tl_status exists(struct tl_store *st, enum tl_kind kind,
			     const char *id, struct tl_error *err)
{
	char sql[128];
	sqlite3_stmt *s;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE id = ?",
		 tl_entity_get(kind)->plural);
	s = tl_stmt(st, sql, err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return TL_OK;
	if (rc != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return TL_ENOTFOUND;
}

/* Every key in a tags value must name a principle. */
static enum tl_status check_tags(struct tl_store *st, const struct tl_field *f,
				 const char *v, struct tl_error *err)
{
	char *copy = strdup(v), *save = NULL;
	enum tl_status rc = TL_OK;

	if (!copy)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (char *t = strtok_r(copy, ",", &save); t && rc == TL_OK;
	     t = strtok_r(NULL, ",", &save)) {
		sqlite3_stmt *s = tl_stmt(st,
			"SELECT 1 FROM principles WHERE key = ?", err);
		int step;
		if (!s) {
			rc = err ? err->status : TL_EDB;
			break;
		}
		sqlite3_bind_text(s, 1, t, -1, SQLITE_TRANSIENT);
		step = sqlite3_step(s);
		sqlite3_reset(s);
		if (step == SQLITE_DONE)
			rc = tl_error_set(err, TL_EINVAL,
					  _("%s: \"%s\" is not a known "
					  "principle; see 'tillit principle "
					  "list'."), _(f->label), t);
		else if (step != SQLITE_ROW)
			rc = tl_db_error(st, err, N_("reading"));
	}
	free(copy);
	return rc;
}

/* Every reference must point at a record, and every tag at a principle. */
static enum tl_status check_links(struct tl_store *st,
				  const struct tl_record *r,
				  struct tl_error *err)
{
	const struct tl_entity *e = r->e;

	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		const char *v = r->values[i];
		enum tl_status rc;

		if (!v)
			continue;
		if (f->type == TL_FT_REF) {
			rc = exists(st, f->ref, v, err);
			if (rc == TL_ENOTFOUND)
				return tl_error_set(err, TL_EINVAL,
						    _("%s: no %s has the id %s."),
						    _(f->label),
						    _(tl_entity_get(f->ref)->label),
						    v);
			if (rc != TL_OK)
				return rc;
			if (f->ref == r->e->kind && !strcmp(v, r->id))
				return tl_error_set(err, TL_EINVAL,
						    _("%s: a %s cannot refer to "
						      "itself."), _(f->label),
						    _(e->label));
		} else if (f->type == TL_FT_TAGS) {
			rc = check_tags(st, f, v, err);
			if (rc != TL_OK)
				return rc;
		}
	}
	/* The chain of governance is a tree: no unit may be its own
	 * ancestor. */
	if (e->kind == TL_K_UNIT && r->values[TL_UNIT_PARENT]) {
		char at[TL_ID_LEN + 1];
		snprintf(at, sizeof(at), "%s", r->values[TL_UNIT_PARENT]);
		for (int depth = 0; depth < 1000 && at[0]; depth++) {
			sqlite3_stmt *s;
			int step;
			if (!strcmp(at, r->id))
				return tl_error_set(err, TL_EINVAL,
						    _("Parent: a unit cannot "
						      "sit "
						    "under itself in the chain "
						    "of governance."));
			s = tl_stmt(st, "SELECT parent FROM units WHERE id = ?",
				    err);
			if (!s)
				return err ? err->status : TL_EDB;
			sqlite3_bind_text(s, 1, at, -1, SQLITE_TRANSIENT);
			step = sqlite3_step(s);
			const char *p = step == SQLITE_ROW
				? (const char *)sqlite3_column_text(s, 0) : NULL;
			snprintf(at, sizeof(at), "%s", p ? p : "");
			sqlite3_reset(s);
		}
	}
	/* A login says who "me" is, so it must be unique. */
	if (e->kind == TL_K_PERSON && r->values[TL_PERSON_LOGIN]) {
		sqlite3_stmt *s = tl_stmt(st,
			"SELECT 1 FROM people WHERE login = ? AND id <> "
			"?", err);
		int src;
		if (!s)
			return err ? err->status : TL_EDB;
		sqlite3_bind_text(s, 1, r->values[TL_PERSON_LOGIN], -1,
				  SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, r->id, -1, SQLITE_TRANSIENT);
		src = sqlite3_step(s);
		sqlite3_reset(s);
		if (src == SQLITE_ROW)
			return tl_error_set(err, TL_EINVAL,
					    _("Login: \"%s\" belongs to "
					      "another "
					    "person already."),
					    r->values[TL_PERSON_LOGIN]);
	}
	if (e->kind == TL_K_PRINCIPLE && r->values[TL_PRINCIPLE_KEY]) {
		sqlite3_stmt *s = tl_stmt(st,
			"SELECT 1 FROM principles WHERE key = ? AND id <> ?",
			err);
		int src;
		if (!s)
			return err ? err->status : TL_EDB;
		sqlite3_bind_text(s, 1, r->values[TL_PRINCIPLE_KEY], -1,
				  SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, r->id, -1, SQLITE_TRANSIENT);
		src = sqlite3_step(s);
		sqlite3_reset(s);
		if (src == SQLITE_ROW)
			return tl_error_set(err, TL_EINVAL,
					    _("Key: a principle \"%s\" exists "
					    "already."),
					    r->values[TL_PRINCIPLE_KEY]);
	}
	return TL_OK;
}

/*
 * The next item number.  Committee § numbers run on through the calendar
 * year for each committee (the meeting's unit); other meetings number
 * their items from 1.
 */
static enum tl_status next_item_number(struct tl_store *st,
				       const char *meeting_id, long *out,
				       struct tl_error *err)
{
	struct tl_record *m = NULL;
	enum tl_status rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m, err);
	sqlite3_stmt *s;
	const char *unit;

	if (rc != TL_OK) {
		if (rc == TL_ENOTFOUND)
			return tl_error_set(err, TL_EINVAL,
					    _("Meeting: no meeting has the id "
					    "%s."), meeting_id);
		return rc;
	}
	unit = m->values[TL_MEETING_UNIT];
	if (streq(m->values[TL_MEETING_KIND], "committee") && unit) {
		char year[5];
		memcpy(year, tl_record_str(m, TL_MEETING_STARTS), 4);
		year[4] = '\0';
		s = tl_stmt(st,
			"SELECT coalesce(max(i.number), 0) FROM items i "
			"JOIN meetings m ON m.id = i.meeting "
			"WHERE m.unit = ? AND m.kind = 'committee' "
			"AND m.starts_at >= ? AND m.starts_at < ?", err);
		if (s) {
			char from[16], to[16];
			snprintf(from, sizeof(from), "%s", year);
			snprintf(to, sizeof(to), "%d", atoi(year) + 1);
			sqlite3_bind_text(s, 1, unit, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 2, from, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 3, to, -1, SQLITE_TRANSIENT);
		}
	} else {
		s = tl_stmt(st,
			"SELECT coalesce(max(number), 0) FROM items "
			"WHERE meeting = ?", err);
		if (s)
			sqlite3_bind_text(s, 1, meeting_id, -1,
					  SQLITE_TRANSIENT);
	}
	tl_record_free(m);
	if (!s)
		return err ? err->status : TL_EDB;
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = tl_db_error(st, err, N_("numbering the item"));
		sqlite3_reset(s);
		return rc;
	}
	*out = (long)sqlite3_column_int64(s, 0) + 1;
	sqlite3_reset(s);
	return TL_OK;
}

/*
 * Runs the INSERT or UPDATE in b with every column of r bound: the id
 * first (an insert) or last (an update's WHERE), then the timestamps and
 * the fields in the model's order.  Frees b.
 */
static enum tl_status write_row(struct tl_store *st, struct sbuf *b,
				const struct tl_record *r, bool id_first,
				struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	int at = id_first ? 2 : 1;
	sqlite3_stmt *s;
	enum tl_status rc = TL_OK;

	if (b->oom) {
		free(b->s);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	s = tl_stmt(st, b->s, err);
	free(b->s);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, id_first ? 1 : at + 2 + e->nfields, r->id, -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_text(s, at, r->created_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, at + 1, r->updated_at, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < e->nfields; i++)
		tl_bind_value(s, at + 2 + i, &e->fields[i], r->values[i]);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = tl_db_error(st, err, N_("saving"));
	sqlite3_reset(s);
	return rc;
}

/* INSERT of every column of r as it stands. */
static enum tl_status insert_row(struct tl_store *st,
				 const struct tl_record *r,
				 struct tl_error *err)
{
	struct sbuf b = {0};

	sb_add3(&b, "INSERT INTO ", r->e->plural, " (");
	add_columns(&b, r->e);
	sb_add(&b, ") VALUES (?, ?, ?");
	for (int i = 0; i < r->e->nfields; i++)
		sb_add(&b, ", ?");
	sb_add(&b, ")");
	return write_row(st, &b, r, true, err);
}

/* UPDATE of every column of r (matched by id). */
static enum tl_status update_row(struct tl_store *st,
				 const struct tl_record *r,
				 struct tl_error *err)
{
	struct sbuf b = {0};

	sb_add3(&b, "UPDATE ", r->e->plural,
		" SET created_at = ?, updated_at = ?");
	for (int i = 0; i < r->e->nfields; i++)
		sb_add3(&b, ", ", r->e->fields[i].name, " = ?");
	sb_add(&b, " WHERE id = ?");
	return write_row(st, &b, r, false, err);
}

enum tl_status tl_locked_error(struct tl_error *err)
{
	return tl_error_set(err, TL_EREFUSED,
			    _("The meeting is signed and locked; record a "
			      "correction in a later meeting."));
}

/*
 * The field that says which meeting a record was made in, for the kinds
 * that signing locks with their meeting; -1 for the others.  Decisions
 * are later work under a mandate and stay free; a seal is written after
 * its meeting is signed.
 */
static int lock_field(const struct tl_entity *e)
{
	switch (e->kind) {
	case TL_K_PARTICIPANT:
	case TL_K_ITEM:
	case TL_K_MANDATE:
	case TL_K_FRAME:
	case TL_K_FRAME_VERSION:
	case TL_K_FOLLOWUP:
	case TL_K_BALANCE:
	case TL_K_SIGNATURE:
		return tl_entity_field(e, "meeting");
	default:
		return -1;
	}
}

/* *yes when the meeting `id` (may be NULL) is stored as signed. */
static enum tl_status is_signed(struct tl_store *st, const char *id, bool *yes,
				struct tl_error *err)
{
	sqlite3_stmt *s;
	int step;

	*yes = false;
	if (!id)
		return TL_OK;
	s = tl_stmt(st, "SELECT 1 FROM meetings WHERE id = ? AND "
		    "status = 'signed'", err);
	if (!s)
		return err ? err->status : TL_EDB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step == SQLITE_ROW)
		*yes = true;
	else if (step != SQLITE_DONE)
		return tl_db_error(st, err, N_("reading"));
	return TL_OK;
}

/* A follow-up's status, outcome and closing time are later work. */
static bool followup_later_work(const struct tl_record *old,
				const struct tl_record *new)
{
	for (int i = 0; i < TL_FOLLOWUP_NFIELDS; i++) {
		if (i == TL_FOLLOWUP_STATUS || i == TL_FOLLOWUP_OUTCOME ||
		    i == TL_FOLLOWUP_CLOSED_AT)
			continue;
		if (!streq(old->values[i], new->values[i]))
			return false;
	}
	return true;
}

/*
 * Refuses a change to a signed meeting or to what was recorded in it,
 * before the triggers of schema.c would: old is the stored record (NULL
 * for an insert), new what is to be stored (NULL for a delete).
 */
static enum tl_status check_locked(struct tl_store *st,
				   const struct tl_record *old,
				   const struct tl_record *new,
				   struct tl_error *err)
{
	const struct tl_record *any = old ? old : new;
	bool locked = false, yes;
	enum tl_status rc;
	int f;

	if (any->e->kind == TL_K_MEETING) {
		rc = is_signed(st, old ? old->id : NULL, &locked, err);
		if (rc != TL_OK)
			return rc;
		return locked ? tl_locked_error(err) : TL_OK;
	}
	f = lock_field(any->e);
	if (f < 0)
		return TL_OK;
	for (int i = 0; i < 2 && !locked; i++) {
		const struct tl_record *r = i ? new : old;
		if (!r)
			continue;
		rc = is_signed(st, r->values[f], &yes, err);
		if (rc != TL_OK)
			return rc;
		locked = yes;
	}
	if (!locked)
		return TL_OK;
	if (any->e->kind == TL_K_FOLLOWUP && old && new &&
	    followup_later_work(old, new))
		return TL_OK;
	return tl_locked_error(err);
}

/* Fills defaults and checks a record before it is written. */
static enum tl_status prepare(struct tl_store *st, struct tl_record *r,
			      struct tl_error *err)
{
	enum tl_status rc;

	for (int i = 0; i < r->e->nfields; i++) {
		const struct tl_field *f = &r->e->fields[i];
		if (!r->values[i] && f->def && !tl_record_set(r, i, f->def))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	rc = tl_validate_record(r, err);
	if (rc == TL_OK)
		rc = check_links(st, r, err);
	return rc;
}

/* The insert behind tl_store_insert; `internal` may add signatures and
 * seals. */
static enum tl_status insert_record(struct tl_store *st, struct tl_record *r,
				    bool internal, struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	enum tl_status rc;

	if (!internal && (e->kind == TL_K_SIGNATURE || e->kind == TL_K_SEAL))
		return tl_error_set(err, TL_EREFUSED,
				    _("Signatures and seals are recorded by "
				      "signing the meeting ('tillit sign'), "
				      "not added by hand."));
	if (!r->id[0])
		tl_id_new(r->id);
	else if (!tl_id_valid(r->id))
		return tl_error_set(err, TL_EINVAL, _("\"%s\" is not a valid "
						      "id."),
				    r->id);
	tl_clock_stamp(r->created_at);
	memcpy(r->updated_at, r->created_at, sizeof(r->updated_at));

	/* Values the store owns. */
	if (e->kind == TL_K_ITEM) {
		tl_record_set(r, TL_ITEM_NUMBER, NULL);
	} else if (e->kind == TL_K_FRAME) {
		if (!tl_record_set(r, TL_FRAME_VERSION, "1"))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		tl_record_set(r, TL_FRAME_ACKED_BY, NULL);
		tl_record_set(r, TL_FRAME_ACKED_AT, NULL);
	} else if (e->kind == TL_K_FOLLOWUP) {
		tl_record_set(r, TL_FOLLOWUP_CLOSED_AT, NULL);
	}
	if (e->kind == TL_K_MEETING &&
	    streq(r->values[TL_MEETING_STATUS], "signed"))
		return tl_error_set(err, TL_EREFUSED,
				    _("A meeting becomes signed only by being "
				    "signed, not when it is created."));

	rc = tl_sp_begin(st, err);
	if (rc != TL_OK)
		return rc;
	if (e->kind == TL_K_ITEM && r->values[TL_ITEM_MEETING]) {
		long n = 0;
		char num[24];
		rc = next_item_number(st, r->values[TL_ITEM_MEETING], &n, err);
		snprintf(num, sizeof(num), "%ld", n);
		if (rc == TL_OK && !tl_record_set(r, TL_ITEM_NUMBER, num))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK)
		rc = prepare(st, r, err);
	if (rc == TL_OK)
		rc = check_locked(st, NULL, r, err);
	if (rc == TL_OK && exists(st, e->kind, r->id, NULL) == TL_OK)
		rc = tl_error_set(err, TL_EINVAL, _("A %s with the id %s "
				  "exists already."), _(e->label), r->id);
	if (rc == TL_OK)
		rc = insert_row(st, r, err);
	if (rc == TL_OK)
		rc = tl_audit_add(st, e->plural, r->id, "create", NULL, NULL,
				  tl_record_get(r, e->title), err);
	return tl_sp_end(st, rc, err);
}

enum tl_status tl_store_insert(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err)
{
	return insert_record(st, r, false, err);
}

enum tl_status tl_insert_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err)
{
	return insert_record(st, r, true, err);
}

/* Audit rows for each field that differs between old and new. */
static enum tl_status audit_changes(struct tl_store *st,
				    const struct tl_record *old,
				    const struct tl_record *new,
				    struct tl_error *err)
{
	for (int i = 0; i < new->e->nfields; i++) {
		if (streq(old->values[i], new->values[i]))
			continue;
		enum tl_status rc = tl_audit_add(st, new->e->plural, new->id,
						 "update",
						 new->e->fields[i].name,
						 old->values[i],
						 new->values[i], err);
		if (rc != TL_OK)
			return rc;
	}
	return TL_OK;
}

static bool any_change(const struct tl_record *a, const struct tl_record *b)
{
	for (int i = 0; i < a->e->nfields; i++)
		if (!streq(a->values[i], b->values[i]))
			return true;
	return false;
}

/* Keeps the stored frame as an old version before it changes. */
static enum tl_status save_frame_version(struct tl_store *st,
					 const struct tl_record *old,
					 struct tl_error *err)
{
	struct tl_record *v = tl_record_new(TL_K_FRAME_VERSION);
	char now[TL_DATETIME_SIZE];
	enum tl_status rc;

	if (!v)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < TL_FRAME_NFIELDS; i++)
		tl_record_set(v, i, old->values[i]);
	tl_record_set(v, TL_FV_FRAME, old->id);
	tl_clock_datetime(now);
	tl_record_set(v, TL_FV_REPLACED_AT, now);
	tl_id_new(v->id);
	memcpy(v->created_at, old->updated_at, sizeof(v->created_at));
	tl_clock_stamp(v->updated_at);
	rc = tl_validate_record(v, err);
	if (rc == TL_OK)
		rc = insert_row(st, v, err);
	if (rc == TL_OK)
		rc = tl_audit_add(st, "frame_versions", v->id, "create", NULL,
				  NULL, tl_record_get(v, TL_FRAME_VERSION),
				  err);
	tl_record_free(v);
	return rc;
}

/* True when a frame's content (not its status or ack) differs. */
static bool frame_content_changed(const struct tl_record *old,
				  const struct tl_record *new)
{
	for (int i = 0; i < TL_FRAME_NFIELDS; i++) {
		if (i == TL_FRAME_STATUS || i == TL_FRAME_VERSION ||
		    i == TL_FRAME_ACKED_BY || i == TL_FRAME_ACKED_AT)
			continue;
		if (!streq(old->values[i], new->values[i]))
			return true;
	}
	return false;
}

/*
 * The update behind every change.  `internal` lets the store's own
 * actions (ack, done) set the fields people may not set directly.
 */
static enum tl_status update_record(struct tl_store *st, struct tl_record *r,
				    bool internal, struct tl_error *err)
{
	const struct tl_entity *e = r->e;
	struct tl_record *old = NULL;
	enum tl_status rc;

	rc = tl_store_get(st, e->kind, r->id, &old, err);
	if (rc != TL_OK)
		return rc;
	if (any_change(old, r)) {
		rc = check_locked(st, old, r, err);
		if (rc != TL_OK) {
			tl_record_free(old);
			return rc;
		}
	}
	for (int i = 0; i < e->nfields && !internal; i++) {
		const struct tl_field *f = &e->fields[i];
		if ((f->flags & (TL_FF_AUTO | TL_FF_FIXED)) &&
		    !streq(old->values[i], r->values[i])) {
			tl_record_free(old);
			return tl_error_set(err, TL_EREFUSED,
					    (f->flags & TL_FF_AUTO)
						? _("%s is kept by tillit and "
						    "cannot be set by hand.")
						: _("%s cannot change once the "
						    "record exists."),
					    _(f->label));
		}
	}
	if (e->kind == TL_K_MEETING) {
		const char *was = old->values[TL_MEETING_STATUS];
		const char *now = r->values[TL_MEETING_STATUS];
		if (streq(was, "signed") || (!internal &&
		    streq(now, "signed") && !streq(was, now))) {
			rc = streq(was, "signed")
			     ? tl_locked_error(err)
			     : tl_error_set(err, TL_EREFUSED,
					    _("A meeting becomes signed only "
					      "by being signed."));
			tl_record_free(old);
			return rc;
		}
	}
	if (!any_change(old, r)) {
		/* Nothing to do; hand back what is stored. */
		memcpy(r->created_at, old->created_at, sizeof(r->created_at));
		memcpy(r->updated_at, old->updated_at, sizeof(r->updated_at));
		tl_record_free(old);
		return TL_OK;
	}
	if (e->kind == TL_K_FOLLOWUP &&
	    !streq(old->values[TL_FOLLOWUP_STATUS],
		   r->values[TL_FOLLOWUP_STATUS])) {
		char now[TL_DATETIME_SIZE];
		tl_clock_datetime(now);
		tl_record_set(r, TL_FOLLOWUP_CLOSED_AT,
			      streq(r->values[TL_FOLLOWUP_STATUS], "open")
			      ? NULL : now);
	}

	rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(old);
		return rc;
	}
	if (e->kind == TL_K_FRAME && frame_content_changed(old, r)) {
		char num[24];
		long v = strtol(tl_record_str(old, TL_FRAME_VERSION), NULL,
				10);
		snprintf(num, sizeof(num), "%ld", v + 1);
		tl_record_set(r, TL_FRAME_VERSION, num);
		tl_record_set(r, TL_FRAME_ACKED_BY, NULL);
		tl_record_set(r, TL_FRAME_ACKED_AT, NULL);
		rc = save_frame_version(st, old, err);
	}
	memcpy(r->created_at, old->created_at, sizeof(r->created_at));
	tl_clock_stamp(r->updated_at);
	if (rc == TL_OK)
		rc = prepare(st, r, err);
	if (rc == TL_OK)
		rc = update_row(st, r, err);
	if (rc == TL_OK)
		rc = audit_changes(st, old, r, err);
	tl_record_free(old);
	return tl_sp_end(st, rc, err);
}

enum tl_status tl_store_update(struct tl_store *st, struct tl_record *r,
			       struct tl_error *err)
{
	return update_record(st, r, false, err);
}

enum tl_status tl_update_internal(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err)
{
	return update_record(st, r, true, err);
}

enum tl_status tl_store_put(struct tl_store *st, const struct tl_record *r,
			    bool *changed, struct tl_error *err)
{
	struct tl_record *old = NULL, *given, *w;
	enum tl_status rc;
	bool defer;

	*changed = false;
	if (!tl_id_valid(r->id))
		return tl_error_set(err, TL_EINVAL,
				    _("A %s has the id \"%.40s\", which is not "
				    "a valid id."), _(r->e->label), r->id);
	rc = tl_store_get(st, r->e->kind, r->id, &old, err);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return rc;
	/*
	 * A field left out takes its default, as in a new record and in the
	 * bulk load: a record that the bulk load stored with its default
	 * status then merges as unchanged, instead of having NULL written
	 * over a field that must have a value.
	 */
	given = tl_record_dup(r);
	for (int i = 0; given && i < given->e->nfields; i++) {
		const struct tl_field *f = &given->e->fields[i];
		if (!given->values[i] && f->def &&
		    !tl_record_set(given, i, f->def)) {
			tl_record_free(given);
			given = NULL;
		}
	}
	if (!given) {
		tl_record_free(old);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	if (old && !any_change(old, given) &&
	    !strcmp(old->created_at, r->created_at) &&
	    !strcmp(old->updated_at, r->updated_at)) {
		tl_record_free(old);
		tl_record_free(given);
		return TL_OK;
	}
	/*
	 * A signed meeting is written as held and becomes signed at the
	 * outermost commit (tl_defer_signed), so that its participants,
	 * items and the rest, which an import brings after it, can still
	 * go in.  The audit rows show the values as given.
	 */
	defer = given->e->kind == TL_K_MEETING &&
		streq(given->values[TL_MEETING_STATUS], "signed") &&
		!(old && streq(old->values[TL_MEETING_STATUS], "signed"));
	w = defer ? tl_record_dup(given) : given;
	if (!w || (defer && !tl_record_set(w, TL_MEETING_STATUS, "held"))) {
		tl_record_free(old);
		if (w != given)
			tl_record_free(w);
		tl_record_free(given);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	rc = tl_validate_record(w, err);
	if (rc != TL_OK) {
		char msg[sizeof(err->msg)];
		snprintf(msg, sizeof(msg), "%s", err ? err->msg : "");
		tl_error_set(err, rc, "%s %.8s: %s", _(w->e->label), w->id,
			     msg);
	}
	/* References may come later in an import (foreign keys are checked
	 * at commit), but principles come before the items that name them. */
	for (int i = 0; rc == TL_OK && i < w->e->nfields; i++)
		if (w->e->fields[i].type == TL_FT_TAGS && w->values[i])
			rc = check_tags(st, &w->e->fields[i], w->values[i],
					err);
	if (rc == TL_OK)
		rc = check_locked(st, old, given, err);
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc == TL_OK) {
		if (old) {
			rc = update_row(st, w, err);
			if (rc == TL_OK)
				rc = audit_changes(st, old, given, err);
		} else {
			rc = insert_row(st, w, err);
			if (rc == TL_OK)
				rc = tl_audit_add(st, w->e->plural, w->id,
						  "create", NULL, NULL,
						  tl_record_get(w, w->e->title),
						  err);
		}
		if (rc == TL_OK && defer)
			rc = tl_defer_signed(st, w->id, err);
		rc = tl_sp_end(st, rc, err);
	}
	if (rc == TL_OK)
		*changed = true;
	tl_record_free(old);
	if (w != given)
		tl_record_free(w);
	tl_record_free(given);
	return rc;
}

/* TL_EREFUSED when any record refers to the record `id` of kind. */
static enum tl_status check_unreferenced(struct tl_store *st,
					 enum tl_kind kind, const char *id,
					 struct tl_error *err)
{
	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *o = tl_entity_get((enum tl_kind)k);
		for (int i = 0; i < o->nfields; i++) {
			const struct tl_field *f = &o->fields[i];
			char sql[160];
			sqlite3_stmt *s;
			int step;

			if (f->type != TL_FT_REF || f->ref != kind)
				continue;
			snprintf(sql, sizeof(sql),
				 "SELECT 1 FROM %s WHERE %s = ? LIMIT 1",
				 o->plural, f->name);
			s = tl_stmt(st, sql, err);
			if (!s)
				return err ? err->status : TL_EDB;
			sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
			step = sqlite3_step(s);
			sqlite3_reset(s);
			if (step == SQLITE_ROW)
				return tl_error_set(err, TL_EREFUSED,
					_("The %s cannot be deleted: a %s "
					"refers to it."),
					_(tl_entity_get(kind)->label),
					_(o->label));
			if (step != SQLITE_DONE)
				return tl_db_error(st, err, N_("reading"));
		}
	}
	return TL_OK;
}

enum tl_status tl_store_delete(struct tl_store *st, enum tl_kind kind,
			       const char *id, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_record *old = NULL;
	char sql[128];
	sqlite3_stmt *s = NULL;
	enum tl_status rc;

	rc = tl_store_get(st, kind, id, &old, err);
	if (rc != TL_OK)
		return rc;
	if (kind == TL_K_SEAL)
		rc = tl_error_set(err, TL_EREFUSED,
				  _("A seal cannot be removed."));
	if (rc == TL_OK)
		rc = check_locked(st, old, NULL, err);
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(old);
		return rc;
	}
	rc = check_unreferenced(st, kind, id, err);
	if (rc == TL_OK) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?",
			 e->plural);
		s = tl_stmt(st, sql, err);
		if (!s)
			rc = err ? err->status : TL_EDB;
	}
	if (rc == TL_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = tl_db_error(st, err, N_("deleting"));
		sqlite3_reset(s);
	}
	if (rc == TL_OK)
		rc = tl_audit_add(st, e->plural, id, "delete", NULL,
				  tl_record_get(old, e->title), NULL, err);
	tl_record_free(old);
	return tl_sp_end(st, rc, err);
}

/* A record's name as it may appear in a message: one line, no controls. */
static char *safe_line(const char *s)
{
	char *line = tl_text_first_line(s ? s : "", 40);
	char *safe = line ? tl_text_sanitize(line, false) : NULL;

	free(line);
	return safe;
}

static bool is_hex_prefix(const char *s)
{
	if (!*s || strlen(s) > TL_ID_LEN)
		return false;
	for (; *s; s++)
		if (!strchr("0123456789abcdef-", *s))
			return false;
	return true;
}

enum tl_status tl_store_resolve(struct tl_store *st, enum tl_kind kind,
				const char *text, char out[TL_ID_LEN + 1],
				struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	char sql[256], list[512] = "";
	char ids[6][TL_ID_LEN + 1];
	sqlite3_stmt *s;
	int n = 0, quoted;
	size_t len = 0;

	if (!e || !text || !*text)
		return tl_error_set(err, TL_EINVAL, _("Give a %s: an id or a "
				    "name."), e ? _(e->label) : _("record"));
	/* Ids are stored in lower case; people may type them in upper. */
	char lower[TL_ID_LEN + 1] = "";
	if (strlen(text) <= TL_ID_LEN) {
		size_t i = 0;
		for (; text[i]; i++)
			lower[i] = (char)(text[i] >= 'A' && text[i] <= 'F'
					  ? text[i] - 'A' + 'a' : text[i]);
		lower[i] = '\0';
	}
	for (int pass = 0; pass < 2 && n == 0; pass++) {
		if (pass == 0) {
			if (!is_hex_prefix(lower))
				continue;
			/* A range on the unique index: prefix .. prefix~ */
			snprintf(sql, sizeof(sql),
				 "SELECT id, %s FROM %s WHERE id >= ?1 AND "
				 "id < ?1 || '~' ORDER BY id LIMIT 6",
				 e->fields[e->title].name, e->plural);
		} else {
			snprintf(sql, sizeof(sql),
				 "SELECT id, %s FROM %s WHERE %s = ?1 "
				 "ORDER BY id LIMIT 6",
				 e->fields[e->title].name, e->plural,
				 e->fields[e->title].name);
		}
		s = tl_stmt(st, sql, err);
		if (!s)
			return err ? err->status : TL_EDB;
		sqlite3_bind_text(s, 1, pass == 0 ? lower : text, -1,
				  SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(s, 0);
			const char *t = (const char *)sqlite3_column_text(s, 1);
			if (n < 6)
				snprintf(ids[n], sizeof(ids[n]), "%s", id);
			if (n < 5) {
				char *line = safe_line(t);
				int w = snprintf(list + len, sizeof(list) - len,
						 "%s%.8s %s", n ? ", " : "", id,
						 line ? line : "");
				free(line);
				if (w > 0 && (size_t)w < sizeof(list) - len)
					len += (size_t)w;
			}
			n++;
		}
		sqlite3_reset(s);
	}
	if (n == 1) {
		memcpy(out, ids[0], TL_ID_LEN + 1);
		return TL_OK;
	}
	/* The text is quoted whole characters at a time. */
	quoted = (int)tl_utf8_prefix(text, 60);
	if (n == 0)
		return tl_error_set(err, TL_ENOTFOUND,
				    _("No %s matches \"%.*s\"."),
				    _(e->label), quoted, text);
	return tl_error_set(err, TL_EAMBIG,
			    n > 5 ? _("\"%.*s\" matches more than %d %s: %s; "
				      "give more of the id.")
				  : _("\"%.*s\" matches %d %s: %s; give more "
				      "of the id."),
			    quoted, text, n > 5 ? 5 : n, _(e->plural_label),
			    list);
}
