/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * validate_record.c - core's checks of a whole record (validate.h):
 * tl_validate_record checks that each value is already in the form
 * tl_validate_value gives it (validate.c), that required fields are set,
 * and the rules between fields (among them, that no record refers to
 * itself); tl_validate_rules only the last two, for a caller that has
 * checked each value already.
 */
#include "tillit/core/validate.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/paragraph.h"
#include "tillit/core/text.h"

/* A bad value quoted in a message: as validate.c's, 40 characters. */
#define QUOTE_CHARS 40
#define QUOTE_SIZE 200

static const char *quote(const char *in, char *buf, size_t size)
{
	return tl_text_quote(in, QUOTE_CHARS, buf, size);
}

/* The value of field i when it is set and not empty, else NULL. */
static const char *value(const struct tl_record *r, int i)
{
	const char *v = tl_record_get(r, i);

	return v && *v ? v : NULL;
}

/* Dates and wall times are canonical, so text order is time order. */
static enum tl_status check_order(const struct tl_record *r, int from,
				  int until, struct tl_error *err)
{
	const char *a = value(r, from), *b = value(r, until);

	if (a && b && strcmp(b, a) < 0)
		return tl_error_set(err, TL_EINVAL,
				    _("%s (%s) is before %s (%s)."),
				    r->e->fields[until].name, b,
				    r->e->fields[from].name, a);
	return TL_OK;
}

static enum tl_status check_either(const struct tl_record *r, int a, int b,
				   const char *need, struct tl_error *err)
{
	if (value(r, a) || value(r, b))
		return TL_OK;
	return tl_error_set(err, TL_EINVAL, _("A %s must %s; set %s or %s."),
			    _(r->e->label), _(need), r->e->fields[a].name,
			    r->e->fields[b].name);
}

/*
 * No record refers to itself: a unit is not its own parent, an item does
 * not correct itself.  Where the chain goes further (a unit's ancestors)
 * the store checks it, as it holds the records the chain runs through.
 */
static enum tl_status check_self(const struct tl_record *r,
				 struct tl_error *err)
{
	const struct tl_entity *e = r->e;

	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		const char *v = value(r, i);

		if (f->type == TL_FT_REF && f->ref == e->kind && v &&
		    !strcmp(v, r->id))
			return tl_error_set(err, TL_EINVAL,
					    _("%s: a %s cannot refer to "
					      "itself."), _(f->label),
					    _(e->label));
	}
	return TL_OK;
}

/* The rules between fields of one record. */
static enum tl_status check_rules(const struct tl_record *r,
				  struct tl_error *err)
{
	enum tl_status rc = check_self(r, err);

	if (rc != TL_OK)
		return rc;
	switch (r->e->kind) {
	case TL_K_MEETING:
		rc = check_order(r, TL_MEETING_STARTS, TL_MEETING_ENDS, err);
		break;
	case TL_K_VOTE:
		rc = tl_vote_check(r, err);
		break;
	case TL_K_ENTRY:
		rc = tl_entry_check(r, err);
		break;
	case TL_K_DECISION:
		rc = check_order(r, TL_DECISION_DECIDED_ON,
				 TL_DECISION_ANNOUNCED_ON, err);
		if (rc == TL_OK && value(r, TL_DECISION_ANNOUNCED_ON) &&
		    value(r, TL_DECISION_REPORTED_IN))
			rc = tl_error_set(err, TL_EINVAL, _("The decision is "
					  "reported to a committee meeting "
					  "already; one that is announced on "
					  "its own is not reported too."));
		break;
	case TL_K_MANDATE:
		rc = check_either(r, TL_MANDATE_GIVEN_BY_UNIT,
				  TL_MANDATE_GIVEN_BY_PERSON,
				  N_("be given by a unit or a person"), err);
		if (rc == TL_OK)
			rc = check_order(r, TL_MANDATE_VALID_FROM,
					 TL_MANDATE_VALID_UNTIL, err);
		break;
	case TL_K_FRAME:
	case TL_K_FRAME_VERSION:
		rc = check_either(r, TL_FRAME_HOLDER_PERSON,
				  TL_FRAME_HOLDER_UNIT,
				  N_("be held by a person or a unit"), err);
		if (rc == TL_OK)
			rc = check_order(r, TL_FRAME_VALID_FROM,
					 TL_FRAME_VALID_UNTIL, err);
		break;
	case TL_K_MEASUREMENT:
		if (!value(r, TL_MEAS_VALUE) && !value(r, TL_MEAS_WOMEN) &&
		    !value(r, TL_MEAS_MEN))
			rc = tl_error_set(err, TL_EINVAL, _("A measurement "
					  "needs a figure: value, women or "
					  "men."));
		break;
	default:
		break;
	}
	return rc;
}

enum tl_status tl_validate_record(const struct tl_record *r,
				  struct tl_error *err)
{
	const struct tl_entity *e;
	enum tl_status rc = TL_OK;
	char *buf;

	if (!r || !r->e)
		return tl_error_set(err, TL_EINVAL, _("No record to check."));
	e = r->e;
	buf = malloc(TL_TEXT_MAX + 1);
	if (!buf)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < e->nfields && rc == TL_OK; i++) {
		const struct tl_field *f = &e->fields[i];
		const char *v = value(r, i);
		char q[QUOTE_SIZE], qc[QUOTE_SIZE];

		if (!v) {
			if ((f->flags & TL_FF_REQUIRED) &&
			    !(f->flags & TL_FF_AUTO))
				rc = tl_error_set(err, TL_EINVAL,
						  _("%s is required."),
						  f->name);
			continue;
		}
		rc = tl_validate_value(f, v, buf, TL_TEXT_MAX + 1, err);
		if (rc == TL_OK && strcmp(buf, v) != 0)
			rc = tl_error_set(err, TL_EINVAL,
					  _("%s \"%s\" is not in its stored "
					  "form, which is \"%s\"."), f->name,
					  quote(v, q, sizeof(q)),
					  quote(buf, qc, sizeof(qc)));
	}
	free(buf);
	if (rc == TL_OK)
		rc = check_rules(r, err);
	return rc;
}

enum tl_status tl_validate_rules(const struct tl_record *r,
				 struct tl_error *err)
{
	const struct tl_entity *e;

	if (!r || !r->e)
		return tl_error_set(err, TL_EINVAL, _("No record to check."));
	e = r->e;
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];

		if (!value(r, i) && (f->flags & TL_FF_REQUIRED) &&
		    !(f->flags & TL_FF_AUTO))
			return tl_error_set(err, TL_EINVAL,
					    _("%s is required."), f->name);
	}
	return check_rules(r, err);
}
