/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * filter.c - the filters of a list, shared by `tillit NOUN list` and
 * `tillit export NOUN`: which kinds have the field a filter compares,
 * the choices and dates it takes, and the people, units, meetings and
 * series it names, resolved by id prefix or name.
 *
 * A command takes the options as its option table gives them, then checks
 * them against the kind (a filter the kind has no field for is a usage
 * error naming it), parses what needs no database, and resolves the rest
 * once the store is open.  The order of those steps is the command's, so
 * that each keeps saying first what it always said first.
 */
#include "internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/validate.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

static const struct {
	enum cli_filter opt;
	const char *name;
} filter_names[] = {
	{CLI_FILTER_OWNER, "--owner"},
	{CLI_FILTER_UNIT, "--unit"},
	{CLI_FILTER_OPEN, "--open"},
	{CLI_FILTER_OVERDUE, "--overdue"},
	{CLI_FILTER_DUE_BEFORE, "--due-before"},
	{CLI_FILTER_KIND, "--kind"},
	{CLI_FILTER_STATUS, "--status"},
	{CLI_FILTER_PARENT, "--parent"},
	{CLI_FILTER_MEETING, "--meeting"},
	{CLI_FILTER_PERSON, "--person"},
	{CLI_FILTER_SERIES, "--series"},
	{CLI_FILTER_FROM, "--from"},
	{CLI_FILTER_TO, "--to"},
	{CLI_FILTER_UNACKED, "--unacked"},
};

static const char *filter_name(enum cli_filter opt)
{
	for (size_t i = 0; i < sizeof(filter_names) / sizeof(filter_names[0]);
	     i++)
		if (filter_names[i].opt == opt)
			return filter_names[i].name;
	return "?";
}

/* Whether kind e has the field that filter opt compares. */
static bool filter_ok(const struct tl_entity *e, enum cli_filter opt)
{
	switch (opt) {
	case CLI_FILTER_OWNER:
		return e->owner >= 0;
	case CLI_FILTER_UNIT:
		/* Follow-ups and items: the owner's or the meeting's unit. */
		return e->unit >= 0 || e->owner >= 0 ||
		       tl_entity_field(e, "meeting") >= 0;
	case CLI_FILTER_OPEN:
		return e->status >= 0 && e->open_values;
	case CLI_FILTER_OVERDUE:
		return e->status >= 0 && e->open_values && e->due >= 0;
	case CLI_FILTER_DUE_BEFORE:
		return e->due >= 0;
	case CLI_FILTER_KIND:
		return e->kindf >= 0;
	case CLI_FILTER_STATUS:
		return e->status >= 0;
	case CLI_FILTER_PARENT:
		return e->parent >= 0;
	case CLI_FILTER_MEETING:
		return e->parent >= 0 &&
		       e->fields[e->parent].ref == TL_K_MEETING;
	case CLI_FILTER_PERSON:
		return e->kind == TL_K_MEETING;
	case CLI_FILTER_SERIES:
		return e->kind == TL_K_MEETING ||
		       tl_entity_field(e, "meeting") >= 0;
	case CLI_FILTER_FROM:
	case CLI_FILTER_TO:
		return tl_entity_date_field(e) >= 0;
	case CLI_FILTER_UNACKED:
		return e->kind == TL_K_FRAME;
	}
	return false;
}

void cli_filter_take(struct cli_filters *f, const struct tl_entity *e,
		     enum cli_filter opt, const char *arg)
{
	if (!f->first)
		f->first = filter_name(opt);
	switch (opt) {
	case CLI_FILTER_OWNER:
		f->owner = arg;
		break;
	case CLI_FILTER_UNIT:
		f->unit = arg;
		break;
	case CLI_FILTER_OPEN:
		f->open = true;
		break;
	case CLI_FILTER_OVERDUE:
		f->overdue = true;
		break;
	case CLI_FILTER_DUE_BEFORE:
		f->due = arg;
		break;
	case CLI_FILTER_KIND:
		f->kind = arg;
		break;
	case CLI_FILTER_STATUS:
		f->status = arg;
		break;
	case CLI_FILTER_PARENT:
	case CLI_FILTER_MEETING:
		f->parent = arg;
		break;
	case CLI_FILTER_PERSON:
		f->person = arg;
		break;
	case CLI_FILTER_SERIES:
		/* A meeting's parent is its series. */
		if (e && e->kind == TL_K_MEETING)
			f->parent = arg;
		else
			f->series = arg;
		break;
	case CLI_FILTER_FROM:
		f->from = arg;
		break;
	case CLI_FILTER_TO:
		f->to = arg;
		break;
	case CLI_FILTER_UNACKED:
		f->unacked = true;
		break;
	}
}

enum tl_status cli_filter_check(struct cli *c, const struct tl_entity *e,
				enum cli_filter opt)
{
	char pl[64];

	if (filter_ok(e, opt))
		return TL_OK;
	cli_plural_label(e, pl, sizeof(pl));
	return cli_usage(c, _("%s cannot be filtered by %s."),
			 cli_case_first(pl, true), filter_name(opt));
}

enum tl_status cli_filters_check(struct cli *c, const struct tl_entity *e,
				 const struct cli_filters *f)
{
	enum tl_status rc = TL_OK;

	if (f->owner)
		rc = cli_filter_check(c, e, CLI_FILTER_OWNER);
	if (rc == TL_OK && f->unit)
		rc = cli_filter_check(c, e, CLI_FILTER_UNIT);
	/* --from and --to compare the same field: one message for both. */
	if (rc == TL_OK && (f->from || f->to))
		rc = cli_filter_check(c, e, f->from ? CLI_FILTER_FROM
						    : CLI_FILTER_TO);
	if (rc == TL_OK && f->open)
		rc = cli_filter_check(c, e, CLI_FILTER_OPEN);
	if (rc == TL_OK && f->kind)
		rc = cli_filter_check(c, e, CLI_FILTER_KIND);
	if (rc == TL_OK && f->overdue)
		rc = cli_filter_check(c, e, CLI_FILTER_OVERDUE);
	if (rc == TL_OK && f->due)
		rc = cli_filter_check(c, e, CLI_FILTER_DUE_BEFORE);
	if (rc == TL_OK && f->status)
		rc = cli_filter_check(c, e, CLI_FILTER_STATUS);
	if (rc == TL_OK && f->parent)
		rc = cli_filter_check(c, e, CLI_FILTER_PARENT);
	if (rc == TL_OK && f->person)
		rc = cli_filter_check(c, e, CLI_FILTER_PERSON);
	if (rc == TL_OK && f->series)
		rc = cli_filter_check(c, e, CLI_FILTER_SERIES);
	if (rc == TL_OK && f->unacked)
		rc = cli_filter_check(c, e, CLI_FILTER_UNACKED);
	return rc;
}

/* v as stored into out (size 64): a choice, or as the reader's language
 * names it, in any case (core's check of a typed value). */
static enum tl_status check_choice(struct cli *c, const struct tl_field *f,
				   const char *v, char out[64])
{
	char choices[256];
	struct tl_error err;

	if (tl_field_choice_ok(f, v)) {
		snprintf(out, 64, "%s", v);
		return TL_OK;
	}
	if (tl_validate_value(f, v, out, 64, &err) == TL_OK && out[0])
		return TL_OK;
	return cli_fail(c, TL_EINVAL, _("%s \"%.40s\" is not one of %s."),
			_(f->label), v,
			tl_field_choices_str(f, choices, sizeof(choices)));
}

static enum tl_status parse_date(struct cli *c, const char *s,
				 char out[TL_DATE_SIZE], const char **to)
{
	enum tl_status rc;

	if (!s)
		return TL_OK;
	rc = tl_date_parse(s, NULL, out, &c->err);
	if (rc == TL_OK)
		*to = out;
	return rc;
}

enum tl_status cli_filters_parse(struct cli *c, const struct tl_entity *e,
				 struct cli_filters *f, struct tl_query *q)
{
	enum tl_status rc = TL_OK;

	q->kindv = f->kind;
	q->status = f->status;
	q->open = f->open;
	q->overdue = f->overdue;
	q->unacked = f->unacked;
	if (f->kind) {
		rc = check_choice(c, &e->fields[e->kindf], f->kind,
				  f->kind_value);
		q->kindv = f->kind_value;
	}
	if (rc == TL_OK && f->status) {
		rc = check_choice(c, &e->fields[e->status], f->status,
				  f->status_value);
		q->status = f->status_value;
	}
	if (rc == TL_OK)
		rc = parse_date(c, f->due, f->due_date, &q->due_before);
	if (rc == TL_OK)
		rc = parse_date(c, f->from, f->from_date, &q->from);
	if (rc == TL_OK)
		rc = parse_date(c, f->to, f->to_date, &q->to);
	return rc;
}

/* Resolves s (id prefix or name) among records of kind into id. */
static enum tl_status resolve(struct cli *c, struct tl_store *st,
			      enum tl_kind kind, const char *s,
			      char id[TL_ID_LEN + 1], const char **to)
{
	enum tl_status rc;

	if (!s)
		return TL_OK;
	rc = tl_store_resolve(st, kind, s, id, &c->err);
	if (rc == TL_OK)
		*to = id;
	return rc;
}

enum tl_status cli_filters_resolve(struct cli *c, struct tl_store *st,
				   const struct tl_entity *e,
				   struct cli_filters *f, struct tl_query *q)
{
	enum tl_status rc;

	rc = resolve(c, st, f->owner ? e->fields[e->owner].ref : TL_K_NONE,
		     f->owner, f->owner_id, &q->owner);
	if (rc == TL_OK)
		rc = resolve(c, st, TL_K_UNIT, f->unit, f->unit_id, &q->unit);
	if (rc == TL_OK)
		rc = resolve(c, st, f->parent ? e->fields[e->parent].ref
					      : TL_K_NONE,
			     f->parent, f->parent_id, &q->parent);
	if (rc == TL_OK)
		rc = resolve(c, st, TL_K_SERIES, f->series, f->series_id,
			     &q->series);
	if (rc == TL_OK)
		rc = resolve(c, st, TL_K_PERSON, f->person, f->person_id,
			     &q->person);
	return rc;
}
