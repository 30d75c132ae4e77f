/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * entity_help.c - the --help of every action on a kind of record
 * (`tillit NOUN ACTION --help`), made from the entity tables of model.c:
 * the --FIELD options of add and edit with their placeholders, choices,
 * defaults and aliases, and the filters a kind's list takes.  A new field
 * or kind needs no text here.
 */
#include "entity.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"

/* A field's label for the middle of a sentence: "Due" -> "due". */
static const char *lower_label(const struct tl_field *f, char *buf,
			       size_t size)
{
	snprintf(buf, size, "%s", _(f->label));
	return cli_case_first(buf, false);
}

/* The placeholder of a field's value in help: TEXT, DATE, PERSON... */
static const char *metavar(const struct tl_field *f, char *buf, size_t size)
{
	const char *s;

	switch (f->type) {
	case TL_FT_TEXT:
	case TL_FT_LONGTEXT:
		return "TEXT";
	case TL_FT_DATE:
		return "DATE";
	case TL_FT_DATETIME:
		return "TIME";
	case TL_FT_INT:
		return "N";
	case TL_FT_AMOUNT:
		return "AMOUNT";
	case TL_FT_NUMBER:
		return "NUMBER";
	case TL_FT_PERIOD:
		return "PERIOD";
	case TL_FT_BOOL:
		return "yes|no";
	case TL_FT_TAGS:
		return "KEYS";
	case TL_FT_ENUM:
		s = f->name;
		break;
	case TL_FT_REF:
		s = tl_entity_get(f->ref)->name;
		break;
	default:
		return "VALUE";
	}
	size_t i;
	for (i = 0; s[i] && i + 1 < size; i++)
		buf[i] = s[i] == '_' || s[i] == '-' ? '_'
			: (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	buf[i] = '\0';
	return buf;
}

void cli_field_option(const char *field, char *buf, size_t size)
{
	size_t i;

	for (i = 0; field[i] && i + 1 < size; i++)
		buf[i] = field[i] == '_' ? '-' : field[i];
	buf[i] = '\0';
}

/* True when every choice of an enum already appears in its help text. */
static bool help_names_choices(const struct tl_field *f)
{
	for (const char *const *ch = f->choices; ch && *ch; ch++)
		if (!strstr(f->help, *ch))
			return false;
	return true;
}

bool cli_field_alias(const struct tl_entity *e, int i, char *buf,
		     size_t size)
{
	const char *name = e->fields[i].name;
	size_t n = strlen(name);

	if (n < 4 || strcmp(name + n - 3, "_at") || n - 3 >= size)
		return false;
	memcpy(buf, name, n - 3);
	buf[n - 3] = '\0';
	return tl_entity_field(e, buf) < 0;
}

static void help_fields(const struct tl_entity *e, bool add, FILE *out)
{
	char opt[96], name[64], mv[32], text[512], choices[256], alias[64];

	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		size_t len;

		if (f->flags & TL_FF_AUTO)
			continue;
		if (!add && (f->flags & TL_FF_FIXED))
			continue;
		cli_field_option(f->name, name, sizeof(name));
		snprintf(opt, sizeof(opt), "--%s %s", name,
			 metavar(f, mv, sizeof(mv)));
		len = (size_t)snprintf(text, sizeof(text), "%s", _(f->help));
		if (f->type == TL_FT_ENUM && !help_names_choices(f) &&
		    len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len,
				_("; one of %s"),
				tl_field_choices_str(f, choices,
						     sizeof(choices)));
		if (cli_field_alias(e, i, alias, sizeof(alias)) &&
		    len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						_(" (also --%s)"), alias);
		if (add && (f->flags & TL_FF_REQUIRED) && !f->def &&
		    len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						_(" (required)"));
		else if (add && f->def && len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len,
				_(" (default: "
				  "%s)"), f->type != TL_FT_BOOL ? f->def
				: !strcmp(f->def, "1") ? "yes" : "no");
		cli_help_opt(out, opt, text);
	}
}

static void help_values(FILE *out, bool edit)
{
	fputs(_("\nA person, unit, meeting or other record is given by its id, "
	      "a unique\nprefix of the id, or its exact name (of a person, "
	      "unit, series or meeting\nalso a part of it, in any case, "
	      "accents or none).  Dates take YYYY-MM-DD,\ntoday, tomorrow, "
	      "+14d, +2w, +1m, a weekday (fredag) or a week (v48,\n"
	      "2026-W50); times \"YYYY-MM-DD HH:MM\" or \"+7d 10:00\".\n"),
	      out);
	if (edit)
		fputs(_("An empty value (--FIELD \"\") clears a field that is "
			"not "
		      "required.\n"), out);
}

void cli_help_add(const struct cli_args *a, FILE *out)
{
	const struct tl_entity *e = a->ctx;
	char mv[32], name[64];

	fprintf(out, _("Usage: tillit %s add"), e->name);
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		if ((f->flags & TL_FF_REQUIRED) && !(f->flags & TL_FF_AUTO) &&
		    !f->def) {
			cli_field_option(f->name, name, sizeof(name));
			fprintf(out, " --%s %s", name,
				metavar(f, mv, sizeof(mv)));
		}
	}
	fprintf(out, _(" [OPTIONS]\n\nAdds %s and prints its short id.\n\n"
		"Options:\n"), cli_a_label(e));
	help_fields(e, true, out);
	cli_args_help_opts(a, out);
	help_values(out, false);
}

void cli_help_edit(const struct cli_args *a, FILE *out)
{
	const struct tl_entity *e = a->ctx;
	fprintf(out, _("Usage: tillit %s edit ID --FIELD VALUE...\n\n"
		"Changes fields of %s; the audit log keeps the old and the "
		"new value.\n\nOptions:\n"), e->name, cli_a_label(e));
	help_fields(e, false, out);
	cli_args_help_opts(a, out);
	help_values(out, true);
}

void cli_help_list(const struct cli_args *a, FILE *out)
{
	const struct tl_entity *e = a->ctx;
	char pl[64], mv[32], text[300], choices[256], lb[64];
	const struct tl_field *f;

	cli_plural_label(e, pl, sizeof(pl));
	fprintf(out, _("Usage: tillit %s list [OPTIONS]\n\nLists %s, ordered "
		"by %s%s.\n\nOptions:\n"), e->name, pl,
		lower_label(&e->fields[e->sort], lb, sizeof(lb)),
		e->sort_desc ? _(" (newest first)") : "");
	if (e->owner >= 0) {
		f = &e->fields[e->owner];
		snprintf(text, sizeof(text), _("only those whose %s is this "
			 "person"), lower_label(f, lb, sizeof(lb)));
		cli_help_opt(out, "--owner PERSON", text);
	}
	if (e->kind == TL_K_MEETING)
		cli_help_opt(out, "--person PERSON",
			 _("only meetings this person takes part in"));
	if (e->unit >= 0) {
		snprintf(text, sizeof(text), _("only those whose %s is this "
			 "unit"), lower_label(&e->fields[e->unit], lb, sizeof(lb)));
		cli_help_opt(out, "--unit UNIT", text);
	}
	if (e->kindf >= 0) {
		snprintf(text, sizeof(text), _("only this kind: %s"),
			 tl_field_choices_str(&e->fields[e->kindf], choices,
					      sizeof(choices)));
		cli_help_opt(out, "--kind KIND", text);
	}
	if (e->status >= 0) {
		snprintf(text, sizeof(text), _("only this status: %s"),
			 tl_field_choices_str(&e->fields[e->status], choices,
					      sizeof(choices)));
		cli_help_opt(out, "--status STATUS", text);
	}
	if (e->status >= 0 && e->open_values) {
		char vals[128];
		size_t len = 0;
		vals[0] = '\0';
		for (int i = 0; e->open_values[i] && len < sizeof(vals); i++)
			len += (size_t)snprintf(vals + len, sizeof(vals) - len,
						"%s%s", i ? ", " : "",
						e->open_values[i]);
		snprintf(text, sizeof(text), _("only open ones (%s)"), vals);
		cli_help_opt(out, "--open", text);
	}
	if (e->due >= 0) {
		snprintf(text, sizeof(text), _("only open ones whose %s is "
			 "before "
			 "today"), lower_label(&e->fields[e->due], lb, sizeof(lb)));
		cli_help_opt(out, "--overdue", text);
		snprintf(text, sizeof(text), _("only those whose %s is before "
			 "DATE"), lower_label(&e->fields[e->due], lb, sizeof(lb)));
		cli_help_opt(out, "--due-before DATE", text);
	}
	if (e->parent >= 0) {
		f = &e->fields[e->parent];
		char opt[64];
		snprintf(opt, sizeof(opt), "--parent %s",
			 metavar(f, mv, sizeof(mv)));
		snprintf(text, sizeof(text), _("only those whose %s is this "
			 "one"), lower_label(f, lb, sizeof(lb)));
		cli_help_opt(out, opt, text);
		if (f->ref == TL_K_MEETING)
			cli_help_opt(out, "--meeting MEETING",
				 _("the same as --parent"));
	}
	if (e->kind != TL_K_MEETING && tl_entity_field(e, "meeting") >= 0)
		cli_help_opt(out, "--series SERIES",
			 _("only those from a meeting of this series"));
	if (e->kind == TL_K_MEETING)
		cli_help_opt(out, "--series SERIES", _("the same as --parent"));
	if (tl_entity_date_field(e) >= 0) {
		const struct tl_field *df = &e->fields[tl_entity_date_field(e)];

		snprintf(text, sizeof(text), _("only those whose %s is on or "
			 "after "
			 "DATE"), lower_label(df, lb, sizeof(lb)));
		cli_help_opt(out, "--from DATE", text);
		snprintf(text, sizeof(text), _("only those whose %s is before "
			 "DATE"), lower_label(df, lb, sizeof(lb)));
		cli_help_opt(out, "--to DATE", text);
	}
	if (e->kind == TL_K_FRAME)
		cli_help_opt(out, "--unacked", _("only frames not yet "
						 "acknowledged"));
	cli_args_help_opts(a, out);
	fputs(_("\nThe table shows short ids; json and csv give full ids and "
	      "every field.\nThe table's width follows $COLUMNS (default "
	      "100).\n"), out);
}

void cli_help_show(const struct cli_args *a, FILE *out)
{
	const struct tl_entity *e = a->ctx;
	fprintf(out, _("Usage: tillit %s show ID [--format text|json]\n\n"
		"Shows every field of %s"), e->name, cli_a_label(e));
	switch (e->kind) {
	case TL_K_MEETING:
		fputs(_(", with its participants and agenda"), out);
		break;
	case TL_K_ITEM:
		fputs(_(", and whether it is in the grey zone"), out);
		break;
	case TL_K_MANDATE:
		fputs(_(", its delegation level, the decisions\ntaken under it "
		      "and a warning when the matter may not be delegated"),
		      out);
		break;
	case TL_K_FRAME:
		fputs(_(", whether it is acknowledged, and its\nearlier "
		      "versions"), out);
		break;
	default:
		break;
	}
	fputs(_(".\n\nOptions:\n"), out);
	cli_args_help_opts(a, out);
}

void cli_help_close(const struct cli_args *a, FILE *out)
{
	const struct tl_entity *e = a->ctx;
	fprintf(out, _("Usage: tillit %s close ID\n\nCloses %s: sets its "
		"status to %s.\n\nOptions:\n"), e->name, cli_a_label(e),
		e->close_value ? e->close_value : "closed");
	cli_args_help_opts(a, out);
}

void cli_help_done(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit followup done ID --outcome TEXT\n\n"
	      "Marks a follow-up done, with a note on what came of it.\n\n"
	      "Options:\n"), out);
	cli_args_help_opts(a, out);
}

void cli_help_ack(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit frame ack ID [--by PERSON]\n\n"
	      "Records that the holder acknowledges a frame (trust goes both "
	      "ways).\n\nOptions:\n"), out);
	cli_args_help_opts(a, out);
}

void cli_help_carry(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit followup carry ID --meeting MEETING [--due DATE] "
	      "[--owner PERSON]\n\n"
	      "Carries an open follow-up on in a later meeting, where that was "
	      "agreed: a new\nfollow-up of that meeting, with a new due date "
	      "or owner if given, and this\none marked carried.  It is later "
	      "work: allowed after signing.\n\nOptions:\n"), out);
	cli_args_help_opts(a, out);
}

void cli_help_next(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit meeting next ID [-q]\n\n"
	      "Plans the next meeting of the meeting's series, and prints its "
	      "short id:\nas much later as the series repeats (--repeats: "
	      "weekly, fortnightly,\nmonthly or quarterly; a week when it does "
	      "not say), with the meeting's kind,\nunit, place and length.  "
	      "It starts with the participants of the latest\nmeeting of the "
	      "series and the series' standing agenda.\n\nOptions:\n"), out);
	cli_args_help_opts(a, out);
}

void cli_help_offers(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit meeting offers ID [--accept N,...|all | "
	      "--drop N,...|all]\n\n"
	      "Lists what a committee's next meeting is offered for its "
	      "agenda: a\nreport-back for each active mandate the committee "
	      "gave that falls due by\nthe meeting's day, and a report on "
	      "carrying out each of its decisions\nwhose execution is due by "
	      "then or names the meeting.  --accept takes the\noffers given "
	      "as items of the meeting; --drop drops them from its agenda,\n"
	      "so that they are not offered to it again (they are to the "
	      "next\nmeeting, while they are due).\n\nOptions:\n"),
	      out);
	cli_args_help_opts(a, out);
}

void cli_help_remove(const struct cli_args *a, FILE *out)
{
	fputs(_("Usage: tillit participant remove ID\n\n"
	      "Removes a participant from a meeting.\n\nOptions:\n"), out);
	cli_args_help_opts(a, out);
}
