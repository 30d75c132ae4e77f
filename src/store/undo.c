/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * undo.c - `tillit undo`: the last change the acting person made, read
 * from the audit log and taken back as a new change.
 *
 * A change is what one store transaction wrote: its audit rows share
 * the seq of its first row (struct tl_audit's change).  Undo finds the
 * newest row of the person who acts, reads the rows of its change, and
 * makes of them a step per record: a record the change added is removed,
 * a record it edited gets back each field's value from before the
 * change.  The steps run through tl_store_delete and tl_store_update, so
 * every rule of an edit holds (rights, locks after signing, § numbers,
 * frame versions), and they write their own audit rows: the log is
 * never rewritten, and undoing again takes the undo back.
 *
 * Refused, with nothing written: a record changed since (by anyone), a
 * record the change removed (the log keeps only its name), a signature
 * or seal, and a change from before the log kept changes apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "backend.h"
#include "internal.h"

/* Audit rows read at a time. */
#define PAGE 500

/* The rows of one change, oldest first. */
struct rows {
	struct tl_audit *a;
	int n, cap;
};

static void rows_free(struct rows *r)
{
	tl_audit_free(r->a, r->n);
	memset(r, 0, sizeof(*r));
}

/* Moves *a (its strings) to the end of r; false out of memory. */
static bool rows_take(struct rows *r, struct tl_audit *a)
{
	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 16;
		struct tl_audit *t = realloc(r->a, (size_t)cap * sizeof(*t));
		if (!t)
			return false;
		r->a = t;
		r->cap = cap;
	}
	r->a[r->n++] = *a;
	memset(a, 0, sizeof(*a));
	return true;
}

/* Whether row a was written by the person who acts (me), or, when the
 * account is no one's login (me ""), by the account. */
static bool mine(const struct tl_store *st, const struct tl_audit *a,
		 const char *me)
{
	if (me[0])
		return a->actor && !strcmp(a->actor, me);
	return !a->actor && a->os_user && !strcmp(a->os_user, st->os_user);
}

/*
 * The rows of the last change by me into *out, oldest first: the newest
 * row that is mine, and the rows before it that share its change.
 * TL_ENOTFOUND when I made none.
 */
static enum tl_status last_change(struct tl_store *st, const char *me,
				  struct rows *out, struct tl_error *err)
{
	long long before = 0, change = -1;
	enum tl_status rc = TL_OK;
	bool done = false;

	while (!done && rc == TL_OK) {
		struct tl_audit *page = NULL;
		int n = 0;

		rc = tl_store_audit(st, NULL, before, PAGE, &page, &n, err);
		if (rc != TL_OK)
			break;
		if (n == 0)
			done = true;
		for (int i = 0; i < n && !done; i++) {
			struct tl_audit *a = &page[i];

			if (change < 0) {
				if (!mine(st, a, me))
					continue;
				change = a->change;
				if (change <= 0) {
					char when[TL_DATETIME_SIZE];
					tl_stamp_local(a->at, when);
					rc = tl_error_set(err, TL_EREFUSED,
						_("Your last change (at %s) "
						"was written before tillit "
						"kept changes apart, or by an "
						"import; it cannot be undone."),
						when);
					done = true;
					break;
				}
			}
			if (a->seq < change) {
				done = true;
			} else if (a->change == change &&
				   !rows_take(out, a)) {
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
				done = true;
			}
		}
		if (n > 0)
			before = page[n - 1].seq;
		tl_audit_free(page, n);
	}
	if (rc == TL_OK && change < 0)
		rc = tl_error_set(err, TL_ENOTFOUND, _("You have made no "
				  "change that undo could take back."));
	if (rc != TL_OK) {
		rows_free(out);
		return rc;
	}
	/* Newest first as read: oldest first from here on. */
	for (int i = 0, j = out->n - 1; i < j; i++, j--) {
		struct tl_audit t = out->a[i];
		out->a[i] = out->a[j];
		out->a[j] = t;
	}
	return TL_OK;
}

/* The step for (kind, id) in u, added when new; NULL out of memory. */
static struct tl_undo_step *step_of(struct tl_undo *u, enum tl_kind kind,
				    const char *id)
{
	struct tl_undo_step *s;

	for (int i = 0; i < u->nsteps; i++)
		if (u->steps[i].kind == kind && !strcmp(u->steps[i].id, id))
			return &u->steps[i];
	s = realloc(u->steps, (size_t)(u->nsteps + 1) * sizeof(*s));
	if (!s)
		return NULL;
	u->steps = s;
	s = &u->steps[u->nsteps++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	snprintf(s->id, sizeof(s->id), "%s", id);
	return s;
}

/* Notes that step s sets field i back to v (the first such row wins:
 * the value from before the change). */
static bool set_back(struct tl_undo_step *s, int i, const char *v)
{
	struct tl_undo_field *f;

	for (int k = 0; k < s->nfields; k++)
		if (s->fields[k].field == i)
			return true;
	f = realloc(s->fields, (size_t)(s->nfields + 1) * sizeof(*f));
	if (!f)
		return false;
	s->fields = f;
	f = &s->fields[s->nfields++];
	f->field = i;
	f->back = v ? strdup(v) : NULL;
	return !v || f->back;
}

/* The name the log gives the record of row a: what it was created
 * with, or its id. */
static const char *row_name(const struct tl_audit *a)
{
	return a->new_value ? a->new_value
	       : a->old_value ? a->old_value : a->id;
}

/* Makes the steps of u from the rows of the change (oldest first). */
static enum tl_status plan(const struct rows *r, struct tl_undo *u,
			   struct tl_error *err)
{
	const char *kept = NULL; /* a field tillit keeps, which undo skips */
	bool frame_added = false;
	int keep = 0;

	for (int i = 0; i < r->n; i++) {
		const struct tl_audit *a = &r->a[i];
		const struct tl_entity *e = tl_entity_find(a->entity);
		struct tl_undo_step *s;
		int f;

		if (a->field && !strcmp(a->field, "forced"))
			continue; /* says how it was written, not what */
		if (!e)
			return tl_error_set(err, TL_EREFUSED, _("Your last "
					    "change wrote %s, which undo "
					    "does not know."), a->entity);
		if (e->kind == TL_K_SIGNATURE || e->kind == TL_K_SEAL)
			return tl_error_set(err, TL_EREFUSED, _("Your last "
					    "change signed minutes "
					    "(justering); a signature cannot "
					    "be undone."));
		if (!strcmp(a->action, "delete"))
			return tl_error_set(err, TL_EREFUSED, _("Your last "
					    "change removed the %s \"%s\"; "
					    "the log keeps only its name, so "
					    "undo cannot put it back."),
					    _(e->label), row_name(a));
		if (!(s = step_of(u, e->kind, a->id)))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		if (!strcmp(a->action, "create")) {
			s->remove = true;
			frame_added |= e->kind == TL_K_FRAME;
			continue;
		}
		if (s->remove)
			continue; /* added by this change: removed whole */
		f = a->field ? tl_entity_field(e, a->field) : -1;
		if (f < 0)
			return tl_error_set(err, TL_EREFUSED, _("Your last "
					    "change set the %s of a %s, which "
					    "undo cannot set back."),
					    a->field ? a->field : "?",
					    _(e->label));
		if (e->fields[f].flags & TL_FF_AUTO) {
			/* Numbers, versions, acknowledgements, closing
			 * times: the rules set them again. */
			kept = e->fields[f].label;
			continue;
		}
		if (!set_back(s, f, a->old_value))
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	/* A frame's earlier version, saved by the edit undone, stays
	 * history; one added with a frame goes with it. */
	for (int i = 0; i < u->nsteps; i++) {
		struct tl_undo_step *s = &u->steps[i];
		bool skip = (!s->remove && s->nfields == 0) ||
			    (s->kind == TL_K_FRAME_VERSION && !frame_added);

		if (skip) {
			for (int k = 0; k < s->nfields; k++)
				free(s->fields[k].back);
			free(s->fields);
			continue;
		}
		u->steps[keep++] = *s;
	}
	u->nsteps = keep;
	if (keep == 0)
		return tl_error_set(err, TL_EREFUSED, _("Your last change set "
				    "only what tillit keeps itself (%s), so "
				    "there is nothing undo can set back."),
				    kept ? _(kept) : "?");
	return TL_OK;
}

/* Refuses when the record of s has changed since row `last` of the
 * change; reads it into s->now. */
static enum tl_status check_since(struct tl_store *st, struct tl_undo_step *s,
				  long long last, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(s->kind);
	char actor[TL_ID_LEN + 1], account[64], at[32], when[TL_DATETIME_SIZE];
	struct tl_record *p = NULL;
	long long version = 0;
	enum tl_status rc;

	rc = tl_store_get(st, s->kind, s->id, &s->now, err);
	if (rc == TL_OK)
		rc = tl_store_version(st, s->id, &version, actor, account, at,
				      err);
	if (rc != TL_OK || version == last)
		return rc;
	tl_stamp_local(at, when);
	if (actor[0] && tl_get(st, TL_K_PERSON, actor, &p, NULL) == TL_OK &&
	    tl_record_get(p, TL_PERSON_NAME))
		snprintf(account, sizeof(account), "%s",
			 tl_record_get(p, TL_PERSON_NAME));
	tl_record_free(p);
	return tl_error_set(err, TL_EREFUSED, _("%s changed the %s \"%s\" at "
			    "%s, after your change; undo takes back only a "
			    "change that nothing came after."), account,
			    _(e->label), tl_record_str(s->now, e->title), when);
}

/* Runs step s. */
static enum tl_status run_step(struct tl_store *st,
			       const struct tl_undo_step *s,
			       struct tl_error *err)
{
	struct tl_record *r;
	enum tl_status rc;

	if (s->remove)
		return tl_store_delete(st, s->kind, s->id, err);
	if (!(r = tl_record_dup(s->now)))
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < s->nfields; i++)
		if (!tl_record_set(r, s->fields[i].field, s->fields[i].back)) {
			tl_record_free(r);
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
	rc = tl_store_update(st, r, err);
	tl_record_free(r);
	return rc;
}

enum tl_status tl_store_undo(struct tl_store *st, bool apply,
			     struct tl_undo *u, struct tl_error *err)
{
	char me[TL_ID_LEN + 1] = "";
	struct rows r = {0};
	enum tl_status rc;

	memset(u, 0, sizeof(*u));
	rc = tl_store_actor(st, me, NULL);
	if (rc != TL_OK && rc != TL_ENOTFOUND)
		return tl_store_actor(st, me, err);
	if (rc == TL_ENOTFOUND)
		me[0] = '\0';
	rc = last_change(st, me, &r, err);
	if (rc != TL_OK)
		return rc;
	u->change = r.a[0].change;
	snprintf(u->at, sizeof(u->at), "%s", r.a[r.n - 1].at);
	rc = plan(&r, u, err);
	for (int i = 0; rc == TL_OK && i < u->nsteps; i++) {
		long long last = 0;

		for (int k = 0; k < r.n; k++)
			if (!strcmp(r.a[k].id, u->steps[i].id))
				last = r.a[k].seq;
		rc = check_since(st, &u->steps[i], last, err);
	}
	rows_free(&r);
	if (rc == TL_OK && apply) {
		rc = tl_store_begin(st, err);
		/* Newest first: what was added last may hang on the rest. */
		for (int i = u->nsteps - 1; rc == TL_OK && i >= 0; i--)
			rc = run_step(st, &u->steps[i], err);
		if (rc == TL_OK)
			rc = tl_store_commit(st, err);
		else
			tl_store_rollback(st);
	}
	if (rc != TL_OK)
		tl_undo_free(u);
	return rc;
}

void tl_undo_free(struct tl_undo *u)
{
	for (int i = 0; u && i < u->nsteps; i++) {
		for (int k = 0; k < u->steps[i].nfields; k++)
			free(u->steps[i].fields[k].back);
		free(u->steps[i].fields);
		tl_record_free(u->steps[i].now);
	}
	if (u) {
		free(u->steps);
		memset(u, 0, sizeof(*u));
	}
}
