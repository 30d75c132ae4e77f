/*
 * entity_cmd.c - the commands every kind of record shares, generated from
 * the entity tables of model.c:
 *
 *   tillit NOUN add --FIELD VALUE ...
 *   tillit NOUN list [FILTERS] [--format table|json|csv]
 *   tillit NOUN show ID [--format text|json]
 *   tillit NOUN edit ID --FIELD VALUE ...
 *   tillit NOUN close ID
 *
 * and the few that belong to one kind: `followup done`, `frame ack` and
 * `participant remove`.  The --FIELD options of add and edit, their help
 * and the filters of list all come from the field tables, so a new field
 * needs no code here.  References (--owner "Åsa Öberg", --meeting 3f2a)
 * are resolved by the store; other values are made canonical by core.
 */
#include "internal.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/date.h"
#include "tillit/i18n.h"
#include "tillit/id.h"
#include "tillit/json.h"
#include "tillit/model.h"
#include "tillit/rules.h"
#include "tillit/store.h"
#include "tillit/text.h"
#include "tillit/validate.h"

/* getopt_long values: field i is CLI_OPT_FIELD + i. */
#define CLI_OPT_FIELD 1000
/* Records asked of the store a page at a time. */
#define CLI_PAGE 100

const char *cli_plural_label(const struct tl_entity *e, char *buf,
			     size_t size)
{
	/* "series" is one or many in English, not in Swedish. */
	if (e->kind == TL_K_SERIES)
		snprintf(buf, size, "%s", C_("plural", "series"));
	else
		snprintf(buf, size, "%s", _(e->plural_label));
	return buf;
}

/* "a follow-up", "an agenda item": the kind with its article. */
static const char *a_label(const struct tl_entity *e)
{
	return _(e->a_label);
}

/*
 * Upper (up true) or lower case for the first letter of buf, in place:
 * ASCII, and the Swedish letters å, ä and ö, whose UTF-8 forms differ
 * from Å, Ä and Ö only in the second byte.
 */
char *cli_case_first(char *buf, bool up)
{
	unsigned char *u = (unsigned char *)buf;

	if (up && u[0] >= 'a' && u[0] <= 'z')
		u[0] = (unsigned char)(u[0] - 32);
	else if (!up && u[0] >= 'A' && u[0] <= 'Z')
		u[0] = (unsigned char)(u[0] + 32);
	else if (u[0] == 0xC3 && up && (u[1] == 0xA5 || u[1] == 0xA4 ||
					u[1] == 0xB6))
		u[1] = (unsigned char)(u[1] - 0x20);
	else if (u[0] == 0xC3 && !up && (u[1] == 0x85 || u[1] == 0x84 ||
					 u[1] == 0x96))
		u[1] = (unsigned char)(u[1] + 0x20);
	return buf;
}

/* ---- help ------------------------------------------------------------ */

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

/* "--given-to" for the field given_to. */
static void option_name(const char *field, char *buf, size_t size)
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

/* The alias of a field "starts_at": "starts", when no field has it. */
static bool field_alias(const struct tl_entity *e, int i, char *buf,
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
		option_name(f->name, name, sizeof(name));
		snprintf(opt, sizeof(opt), "--%s %s", name,
			 metavar(f, mv, sizeof(mv)));
		len = (size_t)snprintf(text, sizeof(text), "%s", _(f->help));
		if (f->type == TL_FT_ENUM && !help_names_choices(f) &&
		    len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len,
				_("; one of %s"),
				tl_field_choices_str(f, choices,
						     sizeof(choices)));
		if (field_alias(e, i, alias, sizeof(alias)) &&
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
	      "a unique\nprefix of the id, or its exact name.  Dates take "
	      "YYYY-MM-DD, today,\ntomorrow, +14d, +2w or +1m; times "
	      "\"YYYY-MM-DD HH:MM\" or \"+7d 10:00\".\n"), out);
	if (edit)
		fputs(_("An empty value (--FIELD \"\") clears a field that is "
			"not "
		      "required.\n"), out);
}

static void help_add(const struct tl_entity *e, FILE *out)
{
	char mv[32], name[64];

	fprintf(out, _("Usage: tillit %s add"), e->name);
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		if ((f->flags & TL_FF_REQUIRED) && !(f->flags & TL_FF_AUTO) &&
		    !f->def) {
			option_name(f->name, name, sizeof(name));
			fprintf(out, " --%s %s", name,
				metavar(f, mv, sizeof(mv)));
		}
	}
	fprintf(out, _(" [OPTIONS]\n\nAdds %s and prints its short id.\n\n"
		"Options:\n"), a_label(e));
	help_fields(e, true, out);
	cli_help_opt(out, "-q, --quiet", _("print only the new record's full "
					   "id"));
	cli_help_opt(out, "-h, --help", _("show this help"));
	help_values(out, false);
}

static void help_edit(const struct tl_entity *e, FILE *out)
{
	fprintf(out, _("Usage: tillit %s edit ID --FIELD VALUE...\n\n"
		"Changes fields of %s; the audit log keeps the old and the "
		"new value.\n\nOptions:\n"), e->name, a_label(e));
	help_fields(e, false, out);
	cli_help_opt(out, "-h, --help", _("show this help"));
	help_values(out, true);
}

static void help_list(const struct tl_entity *e, FILE *out)
{
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
	cli_help_opt(out, "--reverse", _("the opposite order"));
	cli_help_opt(out, "--limit N", _("at most N records"));
	cli_help_opt(out, "--format FORMAT", _("table (the default), json or "
					       "csv"));
	cli_help_opt(out, "-h, --help", _("show this help"));
	fputs(_("\nThe table shows short ids; json and csv give full ids and "
	      "every field.\nThe table's width follows $COLUMNS (default "
	      "100).\n"), out);
}

static void help_show(const struct tl_entity *e, FILE *out)
{
	fprintf(out, _("Usage: tillit %s show ID [--format text|json]\n\n"
		"Shows every field of %s"), e->name, a_label(e));
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
	cli_help_opt(out, "--format FORMAT", _("text (the default) or json"));
	cli_help_opt(out, "-h, --help", _("show this help"));
}

static void help_close(const struct tl_entity *e, FILE *out)
{
	fprintf(out, _("Usage: tillit %s close ID\n\nCloses %s: sets its "
		"status to %s.\n\nOptions:\n"), e->name, a_label(e),
		e->close_value ? e->close_value : "closed");
	cli_help_opt(out, "-h, --help", _("show this help"));
}

static void help_done(const struct tl_entity *e, FILE *out)
{
	(void)e;
	fputs(_("Usage: tillit followup done ID --outcome TEXT\n\n"
	      "Marks a follow-up done, with a note on what came of it.\n\n"
	      "Options:\n"), out);
	cli_help_opt(out, "--outcome TEXT", _("what came of it (required)"));
	cli_help_opt(out, "-h, --help", _("show this help"));
}

static void help_ack(const struct tl_entity *e, FILE *out)
{
	(void)e;
	fputs(_("Usage: tillit frame ack ID [--by PERSON]\n\n"
	      "Records that the holder acknowledges a frame (trust goes both "
	      "ways).\n\nOptions:\n"), out);
	cli_help_opt(out, "--by PERSON",
		 _("who acknowledges it (default: the holder)"));
	cli_help_opt(out, "-h, --help", _("show this help"));
}

static void help_remove(const struct tl_entity *e, FILE *out)
{
	(void)e;
	fputs(_("Usage: tillit participant remove ID\n\n"
	      "Removes a participant from a meeting.\n\nOptions:\n"), out);
	cli_help_opt(out, "-h, --help", _("show this help"));
}

/* ---- generated options ----------------------------------------------- */

struct fopts {
	struct option *o;
	int n;
};

static void fopts_free(struct fopts *fo)
{
	for (int i = 0; fo->o && i < fo->n; i++)
		free((char *)fo->o[i].name);
	free(fo->o);
	fo->o = NULL;
	fo->n = 0;
}

static bool fopts_add(struct fopts *fo, const char *name, int has_arg,
		      int val)
{
	char *copy = strdup(name);

	if (!copy)
		return false;
	fo->o[fo->n++] = (struct option){copy, has_arg, NULL, val};
	return true;
}

/*
 * The options of add or edit: one for every field (and an alias without
 * "_at"), then `extra`.  Fields set by tillit are accepted, so that the
 * refusal names them.
 */
static enum tl_status fopts_build(struct cli *c, const struct tl_entity *e,
				  const struct option *extra,
				  struct fopts *fo)
{
	char name[64];
	int nextra = 0;

	while (extra[nextra].name)
		nextra++;
	fo->n = 0;
	fo->o = calloc((size_t)(2 * e->nfields + nextra + 1),
		       sizeof(struct option));
	if (!fo->o)
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < e->nfields; i++) {
		option_name(e->fields[i].name, name, sizeof(name));
		if (!fopts_add(fo, name, required_argument, CLI_OPT_FIELD + i))
			goto oom;
		if (field_alias(e, i, name, sizeof(name)) &&
		    !fopts_add(fo, name, required_argument, CLI_OPT_FIELD + i))
			goto oom;
	}
	for (int i = 0; i < nextra; i++)
		if (!fopts_add(fo, extra[i].name, extra[i].has_arg,
			       extra[i].val))
			goto oom;
	return TL_OK;
oom:
	fopts_free(fo);
	return cli_fail(c, TL_ESYS, _("Out of memory."));
}

/*
 * Sets field i of r from what was typed: a reference resolved by the store
 * (prefix or exact name), anything else made canonical by core.  An empty
 * value unsets the field.
 */
static enum tl_status set_field(struct cli *c, struct tl_store *st,
				struct tl_record *r, int i, const char *raw)
{
	const struct tl_field *f = &r->e->fields[i];
	char id[TL_ID_LEN + 1];
	enum tl_status rc;
	char *buf;

	if (!*raw)
		return tl_record_set(r, i, NULL)
			? TL_OK : cli_fail(c, TL_ESYS, _("Out of memory."));
	if (f->type == TL_FT_REF) {
		rc = tl_store_resolve(st, f->ref, raw, id, &c->err);
		if (rc != TL_OK)
			return rc;
		return tl_record_set(r, i, id)
			? TL_OK : cli_fail(c, TL_ESYS, _("Out of memory."));
	}
	buf = malloc(TL_TEXT_MAX + 1);
	if (!buf)
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	rc = tl_validate_value(f, raw, buf, TL_TEXT_MAX + 1, &c->err);
	if (rc == TL_OK && !tl_record_set(r, i, buf))
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
	free(buf);
	return rc;
}

/* Exactly one positional argument, the ID. */
static enum tl_status one_id(struct cli *c, int argc, char **argv,
			     const char **id)
{
	if (optind >= argc)
		return cli_usage(c, _("Give the id of the record."));
	if (optind + 1 < argc)
		return cli_usage(c, _("Unexpected argument '%.60s'."),
				 argv[optind + 1]);
	*id = argv[optind];
	return TL_OK;
}

static enum tl_status find(struct cli *c, struct tl_store *st,
			   const struct tl_entity *e, const char *text,
			   struct tl_record **out)
{
	char id[TL_ID_LEN + 1];
	enum tl_status rc;

	rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc != TL_OK)
		return rc;
	return tl_store_get(st, e->kind, id, out, &c->err);
}

/* ---- add and edit ---------------------------------------------------- */

static enum tl_status cmd_add(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	static const struct option extra[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct fopts fo;
	const char **given;
	struct tl_store *st = NULL;
	struct tl_record *r = NULL;
	struct tl_refs refs;
	bool quiet = false;
	enum tl_status rc;
	int ch;

	rc = fopts_build(c, e, extra, &fo);
	if (rc != TL_OK)
		return rc;
	given = calloc((size_t)e->nfields, sizeof(*given));
	if (!given) {
		fopts_free(&fo);
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	}
	optind = 0;
	while ((ch = getopt_long(argc, argv, ":qh", fo.o, NULL)) != -1) {
		if (ch == 'q') {
			quiet = true;
		} else if (ch == 'h') {
			help_add(e, stdout);
			goto out;
		} else if (ch >= CLI_OPT_FIELD &&
			   ch < CLI_OPT_FIELD + e->nfields) {
			given[ch - CLI_OPT_FIELD] = optarg;
		} else {
			rc = cli_bad_option(c, ch, argv);
			goto out;
		}
	}
	if (optind < argc) {
		rc = cli_usage(c, _("Unexpected argument '%.60s'; values are "
			       "given as --FIELD VALUE."), argv[optind]);
		goto out;
	}
	for (int i = 0; i < e->nfields; i++) {
		if (given[i] && (e->fields[i].flags & TL_FF_AUTO)) {
			rc = cli_fail(c, TL_EREFUSED, _("The %s of %s is set "
				      "by tillit, not given."),
				      _(e->fields[i].label), a_label(e));
			goto out;
		}
	}
	rc = cli_open(c, 0, &st);
	if (rc != TL_OK)
		goto out;
	r = tl_record_new(e->kind);
	if (!r) {
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
		goto out;
	}
	for (int i = 0; i < e->nfields && rc == TL_OK; i++)
		if (given[i])
			rc = set_field(c, st, r, i, given[i]);
	if (rc == TL_OK)
		rc = tl_store_insert(st, r, &c->err);
	if (rc != TL_OK)
		goto out;
	if (quiet) {
		printf("%s\n", r->id);
	} else {
		char *title;
		tl_refs_init(&refs, st);
		title = tl_present_title(&refs, r);
		if (title && *title)
			printf(_("Added %s %.*s: "
				 "%s%s\n"), _(e->label), TL_ID_SHORT,
			       r->id, title,
			       title[strlen(title) - 1] == '.' ? "" : ".");
		else
			printf(_("Added %s %.*s.\n"), _(e->label), TL_ID_SHORT,
			       r->id);
		free(title);
		tl_refs_done(&refs);
	}
out:
	tl_record_free(r);
	tl_store_close(st);
	free(given);
	fopts_free(&fo);
	return rc;
}

static enum tl_status cmd_edit(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	static const struct option extra[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct fopts fo;
	const char **given;
	const char *id = NULL;
	struct tl_store *st = NULL;
	struct tl_record *r = NULL;
	struct tl_record *old = NULL;
	bool any = false, changed = false;
	enum tl_status rc;
	int ch;

	rc = fopts_build(c, e, extra, &fo);
	if (rc != TL_OK)
		return rc;
	given = calloc((size_t)e->nfields, sizeof(*given));
	if (!given) {
		fopts_free(&fo);
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	}
	optind = 0;
	while ((ch = getopt_long(argc, argv, ":h", fo.o, NULL)) != -1) {
		if (ch == 'h') {
			help_edit(e, stdout);
			goto out;
		} else if (ch >= CLI_OPT_FIELD &&
			   ch < CLI_OPT_FIELD + e->nfields) {
			given[ch - CLI_OPT_FIELD] = optarg;
			any = true;
		} else {
			rc = cli_bad_option(c, ch, argv);
			goto out;
		}
	}
	rc = one_id(c, argc, argv, &id);
	if (rc == TL_OK && !any)
		rc = cli_usage(c, _("Give at least one field to change, as "
			       "--FIELD VALUE."));
	if (rc == TL_OK)
		rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = find(c, st, e, id, &r);
	if (rc != TL_OK)
		goto out;
	old = tl_record_dup(r);
	if (!old) {
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
		goto out;
	}
	for (int i = 0; i < e->nfields && rc == TL_OK; i++)
		if (given[i])
			rc = set_field(c, st, r, i, given[i]);
	if (rc != TL_OK)
		goto out;
	for (int i = 0; i < e->nfields; i++) {
		const char *a = tl_record_get(old, i);
		const char *b = tl_record_get(r, i);
		if ((a == NULL) != (b == NULL) || (a && strcmp(a, b)))
			changed = true;
	}
	if (!changed) {
		printf(_("No change.\n"));
		goto out;
	}
	rc = tl_store_update(st, r, &c->err);
	if (rc == TL_OK)
		printf(_("Updated %s "
			 "%.*s.\n"), _(e->label), TL_ID_SHORT, r->id);
out:
	tl_record_free(old);
	tl_record_free(r);
	tl_store_close(st);
	free(given);
	fopts_free(&fo);
	return rc;
}

/* ---- close, done, ack, remove ---------------------------------------- */

/*
 * The options of the small commands that take an ID and maybe one more
 * option with a value (val 'v'); *value gets it.
 */
static enum tl_status parse_id_cmd(struct cli *c, const struct tl_entity *e,
				   int argc, char **argv,
				   const char *optname,
				   void (*help)(const struct tl_entity *,
						FILE *),
				   const char **id, const char **value,
				   bool *helped)
{
	struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{optname ? optname : "help", required_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	int ch;

	if (!optname)
		opts[1] = opts[2];
	*helped = false;
	optind = 0;
	while ((ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (ch == 'h') {
			help(e, stdout);
			*helped = true;
			return TL_OK;
		} else if (ch == 'v' && value) {
			*value = optarg;
		} else {
			return cli_bad_option(c, ch, argv);
		}
	}
	return one_id(c, argc, argv, id);
}

static enum tl_status cmd_close(struct cli *c, const struct tl_entity *e,
				int argc, char **argv)
{
	const char *text = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, NULL, help_close, &text, NULL,
			  &helped);
	if (rc != TL_OK || helped)
		return rc;
	if (!e->close_value) {
		char a[64];
		snprintf(a, sizeof(a), "%s", a_label(e));
		return cli_fail(c, TL_EREFUSED, _("%s cannot be closed."),
				cli_case_first(a, true));
	}
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_close_record(st, e->kind, id, &c->err);
	if (rc == TL_OK)
		printf(_("Closed %s %.*s.\n"), _(e->label), TL_ID_SHORT, id);
	tl_store_close(st);
	return rc;
}

static enum tl_status cmd_done(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	const char *text = NULL, *outcome = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, "outcome", help_done, &text,
			  &outcome, &helped);
	if (rc != TL_OK || helped)
		return rc;
	if (!outcome)
		return cli_usage(c, _("Give the outcome with --outcome TEXT."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_followup_done(st, id, outcome, &c->err);
	if (rc == TL_OK)
		printf(_("Done: %s %.*s.\n"), _(e->label), TL_ID_SHORT, id);
	tl_store_close(st);
	return rc;
}

static enum tl_status cmd_ack(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	const char *text = NULL, *by = NULL;
	char id[TL_ID_LEN + 1], person[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, "by", help_ack, &text, &by,
			  &helped);
	if (rc != TL_OK || helped)
		return rc;
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK && by)
		rc = tl_store_resolve(st, TL_K_PERSON, by, person, &c->err);
	if (rc == TL_OK)
		rc = tl_store_frame_ack(st, id, by ? person : NULL, &c->err);
	if (rc == TL_OK)
		printf(_("Acknowledged %s "
			 "%.*s.\n"), _(e->label), TL_ID_SHORT, id);
	tl_store_close(st);
	return rc;
}

static enum tl_status cmd_remove(struct cli *c, const struct tl_entity *e,
				 int argc, char **argv)
{
	const char *text = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, NULL, help_remove, &text, NULL,
			  &helped);
	if (rc != TL_OK || helped)
		return rc;
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_delete(st, e->kind, id, &c->err);
	if (rc == TL_OK)
		printf(_("Removed %s %.*s.\n"), _(e->label), TL_ID_SHORT, id);
	tl_store_close(st);
	return rc;
}

/* ---- lists ----------------------------------------------------------- */

/*
 * Pages through a query.  The page whose cursor is used must live until
 * the next call to the store, so the previous page is freed only then.
 */
struct pager {
	struct tl_store *st;
	struct tl_query q;
	struct tl_page page, prev;
	bool started;
	long left;
};

static void pager_init(struct pager *p, struct tl_store *st,
		       const struct tl_query *q, long limit)
{
	memset(p, 0, sizeof(*p));
	p->st = st;
	p->q = *q;
	p->q.after = NULL;
	p->left = limit > 0 ? limit : -1;
}

static void pager_done(struct pager *p)
{
	tl_page_done(&p->page);
	tl_page_done(&p->prev);
	memset(&p->page, 0, sizeof(p->page));
	memset(&p->prev, 0, sizeof(p->prev));
}

/* The next page in p->page; p->page.n is 0 at the end. */
static enum tl_status pager_next(struct cli *c, struct pager *p)
{
	enum tl_status rc;

	if (p->started) {
		if (!p->page.more || p->left == 0) {
			tl_page_done(&p->page);
			memset(&p->page, 0, sizeof(p->page));
			return TL_OK;
		}
		p->prev = p->page;
		p->q.after = &p->prev.next;
	}
	memset(&p->page, 0, sizeof(p->page));
	p->q.limit = p->left > 0 && p->left < CLI_PAGE ? (int)p->left
						       : CLI_PAGE;
	rc = tl_store_list(p->st, &p->q, &p->page, &c->err);
	p->started = true;
	tl_page_done(&p->prev);
	memset(&p->prev, 0, sizeof(p->prev));
	p->q.after = NULL;
	if (rc != TL_OK) {
		memset(&p->page, 0, sizeof(p->page));
		return rc;
	}
	if (p->left > 0)
		p->left -= p->page.n;
	return TL_OK;
}

/* The cells of one record's table row: short id, then the columns. */
static char **row_cells(struct tl_refs *refs, const struct tl_record *r,
			const int *cols, int ncols)
{
	char **cells = calloc((size_t)ncols + 1, sizeof(char *));

	if (!cells)
		return NULL;
	cells[0] = strndup(r->id, TL_ID_SHORT);
	for (int i = 0; i < ncols; i++)
		cells[i + 1] = tl_present_field(refs, r, cols[i], false);
	return cells;
}

static void cells_free(char **cells, int n)
{
	if (!cells)
		return;
	for (int i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

/*
 * Streams the records of q as a table: widths from the first page, then
 * page after page.  skip is a field left out (the parent in a nested
 * list), or -1.  *count is the number of rows printed.
 */

/*
 * The widest a value of a fixed form can be, so that later pages fit the
 * columns measured on the first: dates, times, numbers and choices.
 * 0 for free text, which is measured.
 */
static size_t fixed_width(const struct tl_field *f)
{
	size_t w = 0;
	char buf[32];

	switch (f->type) {
	case TL_FT_DATE:
		return TL_DATE_SIZE - 1;
	case TL_FT_DATETIME:
		return TL_DATETIME_SIZE - 1;
	case TL_FT_BOOL:
		return 3;
	case TL_FT_INT:
		snprintf(buf, sizeof(buf), "%ld", f->max);
		w = strlen(buf);
		snprintf(buf, sizeof(buf), "%ld", f->min);
		return strlen(buf) > w ? strlen(buf) : w;
	case TL_FT_ENUM:
		for (const char *const *c = f->choices; c && *c; c++)
			if (tl_text_width(*c) > w)
				w = tl_text_width(*c);
		return w;
	default:
		return 0;
	}
}

static enum tl_status list_table(struct cli *c, struct tl_store *st,
				 const struct tl_query *q, long limit,
				 int indent, int skip, long *count)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	struct cli_table *t = NULL;
	struct tl_refs refs;
	struct pager p;
	char ***rows = NULL;
	int cols[32], ncols = 0;
	enum tl_status rc;

	*count = 0;
	for (int i = 0; e->columns[i] >= 0 && ncols < 31; i++)
		if (e->columns[i] != skip)
			cols[ncols++] = e->columns[i];
	tl_refs_init(&refs, st);
	pager_init(&p, st, q, limit);
	rc = pager_next(c, &p);
	if (rc != TL_OK || p.page.n == 0)
		goto out;
	t = cli_table_new(ncols + 1);
	rows = calloc((size_t)p.page.n, sizeof(*rows));
	if (!t || !rows) {
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
		goto out;
	}
	cli_table_indent(t, indent);
	cli_table_column(t, 0, _("ID"), false, false);
	for (int i = 0; i < ncols; i++) {
		const struct tl_field *f = &e->fields[cols[i]];
		cli_table_column(t, i + 1, _(f->label),
				 f->type == TL_FT_INT || f->type == TL_FT_AMOUNT,
				 f->type == TL_FT_TEXT ||
				 f->type == TL_FT_LONGTEXT ||
				 f->type == TL_FT_REF);
		if (cols[i] == e->title)
			cli_table_prefer(t, i + 1);
		cli_table_reserve(t, i + 1, fixed_width(f));
	}
	for (int r = 0; r < p.page.n; r++) {
		rows[r] = row_cells(&refs, p.page.recs[r], cols, ncols);
		if (!rows[r]) {
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
			goto out;
		}
		cli_table_measure(t, rows[r]);
	}
	cli_table_layout(t, cli_term_width());
	cli_table_print_header(t, stdout);
	for (;;) {
		for (int r = 0; r < p.page.n; r++) {
			char **cells = rows ? rows[r]
				: row_cells(&refs, p.page.recs[r], cols, ncols);
			if (!cells) {
				rc = cli_fail(c, TL_ESYS, _("Out of memory."));
				goto out;
			}
			cli_table_print_row(t, cells, stdout);
			if (!rows)
				cells_free(cells, ncols + 1);
			(*count)++;
		}
		if (rows) {
			for (int r = 0; r < p.page.n; r++)
				cells_free(rows[r], ncols + 1);
			free(rows);
			rows = NULL;
		}
		rc = pager_next(c, &p);
		if (rc != TL_OK || p.page.n == 0)
			break;
	}
out:
	if (rows) {
		for (int r = 0; r < p.page.n; r++)
			cells_free(rows[r], ncols + 1);
		free(rows);
	}
	pager_done(&p);
	cli_table_free(t);
	tl_refs_done(&refs);
	return rc;
}

/* list's own options; the filters are CLI_FILTER_* (internal.h). */
enum { LO_LIMIT = 1, LO_FORMAT, LO_REVERSE };

static enum tl_status cmd_list(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	static const struct option opts[] = {
		{"owner", required_argument, NULL, CLI_FILTER_OWNER},
		{"unit", required_argument, NULL, CLI_FILTER_UNIT},
		{"open", no_argument, NULL, CLI_FILTER_OPEN},
		{"overdue", no_argument, NULL, CLI_FILTER_OVERDUE},
		{"due-before", required_argument, NULL, CLI_FILTER_DUE_BEFORE},
		{"kind", required_argument, NULL, CLI_FILTER_KIND},
		{"status", required_argument, NULL, CLI_FILTER_STATUS},
		{"parent", required_argument, NULL, CLI_FILTER_PARENT},
		{"meeting", required_argument, NULL, CLI_FILTER_MEETING},
		{"person", required_argument, NULL, CLI_FILTER_PERSON},
		{"series", required_argument, NULL, CLI_FILTER_SERIES},
		{"from", required_argument, NULL, CLI_FILTER_FROM},
		{"to", required_argument, NULL, CLI_FILTER_TO},
		{"unacked", no_argument, NULL, CLI_FILTER_UNACKED},
		{"reverse", no_argument, NULL, LO_REVERSE},
		{"limit", required_argument, NULL, LO_LIMIT},
		{"format", required_argument, NULL, LO_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct cli_filters f = {0};
	struct tl_query q = {.kind = e->kind};
	enum cli_format fmt = CLI_FMT_TABLE;
	struct tl_store *st = NULL;
	long limit = 0, count = 0;
	enum tl_status rc = TL_OK;
	int ch;

	optind = 0;
	while (rc == TL_OK &&
	       (ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help_list(e, stdout);
			return TL_OK;
		case CLI_FILTER_OWNER:
		case CLI_FILTER_UNIT:
		case CLI_FILTER_OPEN:
		case CLI_FILTER_OVERDUE:
		case CLI_FILTER_DUE_BEFORE:
		case CLI_FILTER_KIND:
		case CLI_FILTER_STATUS:
		case CLI_FILTER_PARENT:
		case CLI_FILTER_MEETING:
		case CLI_FILTER_PERSON:
		case CLI_FILTER_SERIES:
		case CLI_FILTER_FROM:
		case CLI_FILTER_TO:
		case CLI_FILTER_UNACKED:
			rc = cli_filter_check(c, e, (enum cli_filter)ch);
			cli_filter_take(&f, e, (enum cli_filter)ch, optarg);
			break;
		case LO_REVERSE:
			q.reverse = true;
			break;
		case LO_LIMIT:
			rc = cli_parse_limit(c, optarg, &limit);
			break;
		case LO_FORMAT:
			rc = cli_parse_format(c, optarg, CLI_FMT_TABLE |
					      CLI_FMT_JSON | CLI_FMT_CSV,
					      &fmt);
			break;
		default:
			rc = cli_bad_option(c, ch, argv);
			break;
		}
	}
	if (rc != TL_OK)
		return rc;
	if (optind < argc)
		return cli_usage(c, _("Unexpected argument '%.60s'."),
				 argv[optind]);
	rc = cli_filters_parse(c, e, &f, &q);
	if (rc != TL_OK)
		return rc;
	rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		rc = cli_filters_resolve(c, st, e, &f, &q);
	if (rc == TL_OK) {
		switch (fmt) {
		case CLI_FMT_JSON:
		case CLI_FMT_CSV:
			rc = cli_write_records(c, st, &q, limit, fmt, stdout);
			break;
		default:
			rc = list_table(c, st, &q, limit, 0, -1, &count);
			if (rc == TL_OK && count == 0) {
				char pl[64];
				cli_plural_label(e, pl, sizeof(pl));
				printf(_("No %s.\n"), pl);
			}
			break;
		}
	}
	tl_store_close(st);
	return rc;
}

/* ---- show ------------------------------------------------------------ */

/* Label and value lines, printed with the values lined up. */
struct kv {
	const char *label[64];
	char *value[64];
	int n;
};

static void kv_add(struct kv *kv, const char *label, char *value)
{
	if (kv->n >= 64 || !value) {
		free(value);
		return;
	}
	kv->label[kv->n] = label;
	kv->value[kv->n++] = value;
}

static void kv_print(struct kv *kv, FILE *out)
{
	size_t w = 0;

	for (int i = 0; i < kv->n; i++)
		if (tl_text_width(kv->label[i]) > w)
			w = tl_text_width(kv->label[i]);
	for (int i = 0; i < kv->n; i++) {
		const char *v = kv->value[i];
		size_t pad = w - tl_text_width(kv->label[i]);
		fprintf(out, "%s:%*s ", kv->label[i], (int)pad, "");
		/* Later lines of a text go under the first. */
		for (;;) {
			const char *nl = strchr(v, '\n');
			size_t len = nl ? (size_t)(nl - v) : strlen(v);
			fwrite(v, 1, len, out);
			fputc('\n', out);
			if (!nl)
				break;
			v = nl + 1;
			fprintf(out, "%*s", (int)w + 2, "");
		}
		free(kv->value[i]);
	}
	kv->n = 0;
}

static char *dup_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* A nested list under a heading: the records of kind whose parent is id. */
static enum tl_status show_children(struct cli *c, struct tl_store *st,
				    enum tl_kind kind, const char *id,
				    const char *heading)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_query q = {.kind = kind, .parent = id};
	enum tl_status rc;
	long count;

	printf("\n%s:\n", heading);
	rc = list_table(c, st, &q, 0, 2, e->parent, &count);
	if (rc == TL_OK && count == 0)
		printf(_("  (none)\n"));
	return rc;
}

static enum tl_status show_text(struct cli *c, struct tl_store *st,
				const struct tl_record *r)
{
	const struct tl_entity *e = r->e;
	struct tl_refs refs;
	struct kv kv = {.n = 0};
	bool warn = false;
	enum tl_status rc = TL_OK;

	tl_refs_init(&refs, st);
	kv_add(&kv, _("ID"), strdup(r->id));
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		const char *v = tl_record_get(r, i);
		if (!v)
			continue;
		if (f->type == TL_FT_REF)
			kv_add(&kv, _(f->label), dup_printf("%.*s %s",
				TL_ID_SHORT, v,
				tl_refs_title(&refs, f->ref, v)));
		else if (e->kind == TL_K_MANDATE && i == TL_MANDATE_LEVEL)
			kv_add(&kv, _(f->label), dup_printf("%s (%s)", v,
				_(tl_rules_level_name(strtol(v, NULL, 10)))));
		else
			kv_add(&kv, _(f->label), tl_present_field(&refs, r, i,
								true));
	}
	if (e->kind == TL_K_ITEM) {
		const char *mid = tl_record_get(r, TL_ITEM_MEETING);
		struct tl_record *m = NULL;
		if (mid && tl_store_get(st, TL_K_MEETING, mid, &m, &c->err)
		    == TL_OK &&
		    tl_rules_grey_zone(tl_record_get(m, TL_MEETING_KIND),
				       tl_record_get(r, TL_ITEM_QUESTION),
				       tl_record_get(r, TL_ITEM_DECIDED_BY)))
			kv_add(&kv, _("Grey zone"), strdup(_("yes")));
		tl_record_free(m);
	}
	if (e->kind == TL_K_FRAME && !tl_record_get(r, TL_FRAME_ACKED_AT))
		kv_add(&kv, _("Acknowledged"), strdup(_("no")));
	if (e->kind == TL_K_MANDATE)
		warn = !strcmp(tl_record_str(r, TL_MANDATE_NON_DELEGABLE),
			       "1") ||
		       tl_rules_matter_non_delegable(
			       tl_record_get(r, TL_MANDATE_MATTER));
	kv_add(&kv, _("Created"), strdup(r->created_at));
	kv_add(&kv, _("Updated"), strdup(r->updated_at));
	kv_print(&kv, stdout);
	tl_refs_done(&refs);
	if (warn)
		printf(_("Warning: this matter may not be delegable (goals, "
		       "direction, scope or quality level).\n"));
	switch (e->kind) {
	case TL_K_MEETING:
		rc = show_children(c, st, TL_K_PARTICIPANT, r->id,
				   _("Participants"));
		if (rc == TL_OK)
			rc = show_children(c, st, TL_K_ITEM, r->id, _("Agenda"));
		break;
	case TL_K_FRAME:
		rc = show_children(c, st, TL_K_FRAME_VERSION, r->id,
				   _("Earlier versions"));
		break;
	case TL_K_MANDATE:
		rc = show_children(c, st, TL_K_DECISION, r->id,
				   _("Decisions under this mandate"));
		break;
	default:
		break;
	}
	return rc;
}

static enum tl_status cmd_show(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum cli_format fmt = CLI_FMT_TEXT;
	struct tl_store *st = NULL;
	struct tl_record *r = NULL;
	const char *text = NULL;
	enum tl_status rc = TL_OK;
	int ch;

	optind = 0;
	while (rc == TL_OK &&
	       (ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (ch == 'h') {
			help_show(e, stdout);
			return TL_OK;
		} else if (ch == 'f') {
			rc = cli_parse_format(c, optarg,
					      CLI_FMT_TEXT | CLI_FMT_JSON, &fmt);
		} else {
			rc = cli_bad_option(c, ch, argv);
		}
	}
	if (rc == TL_OK)
		rc = one_id(c, argc, argv, &text);
	if (rc == TL_OK)
		rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		rc = find(c, st, e, text, &r);
	if (rc == TL_OK) {
		if (fmt == CLI_FMT_JSON) {
			if (!cli_json_put(tl_json_record(r), stdout))
				rc = cli_fail(c, TL_ESYS, _("Cannot write the "
					      "JSON output."));
			else
				fputc('\n', stdout);
		} else {
			rc = show_text(c, st, r);
		}
	}
	tl_record_free(r);
	tl_store_close(st);
	return rc;
}

/* ---- dispatch -------------------------------------------------------- */

typedef enum tl_status (*action_fn)(struct cli *, const struct tl_entity *,
				    int, char **);

struct action {
	const char *name;
	action_fn run;
	const char *args;
	const char *summary;
};

static const struct action actions[] = {
	{"add", cmd_add, "--FIELD VALUE ...", N_("add one")},
	{"list", cmd_list, "[FILTERS]", N_("list them (the default action)")},
	{"show", cmd_show, "ID", N_("show one, with every field")},
	{"edit", cmd_edit, "ID --FIELD VALUE ...", N_("change fields of one")},
	{"close", cmd_close, "ID", N_("close one")},
	{"done", cmd_done, "ID --outcome TEXT", N_("mark one done")},
	{"ack", cmd_ack, "ID [--by PERSON]",
	 N_("acknowledge one (the holder)")},
	{"remove", cmd_remove, "ID", N_("remove one from its meeting")},
};

/* Whether an action belongs to a kind (close is accepted everywhere, so
 * that closing a series gets a clear refusal; help shows only real ones). */
static bool action_for(const struct tl_entity *e, const struct action *a,
		       bool for_help)
{
	if (!strcmp(a->name, "add") || !strcmp(a->name, "edit"))
		return e->kind != TL_K_FRAME_VERSION;
	if (!strcmp(a->name, "close"))
		return !for_help || e->close_value;
	if (!strcmp(a->name, "done"))
		return e->kind == TL_K_FOLLOWUP;
	if (!strcmp(a->name, "ack"))
		return e->kind == TL_K_FRAME;
	if (!strcmp(a->name, "remove"))
		return e->kind == TL_K_PARTICIPANT;
	return true;
}

void cli_help_entity(const struct tl_entity *e, FILE *out)
{
	char pl[64], opt[64], text[128];

	cli_plural_label(e, pl, sizeof(pl));
	fprintf(out, _("Usage: tillit %s ACTION [ARGS...]\n\nWorks with %s.\n\n"
		"Actions:\n"), e->name, pl);
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		const struct action *a = &actions[i];
		if (!action_for(e, a, true))
			continue;
		snprintf(opt, sizeof(opt), "%s %s", a->name, a->args);
		if (!strcmp(a->name, "close"))
			snprintf(text, sizeof(text), _("close one (status %s)"),
				 e->close_value);
		else
			snprintf(text, sizeof(text), "%s", _(a->summary));
		cli_help_opt(out, opt, text);
	}
	fprintf(out, _("\n'tillit %s ACTION --help' shows the options of an "
		"action.\n"), e->name);
}

enum tl_status cli_cmd_entity(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	const char *name;
	char pl[64];

	if (argc >= 2 && (!strcmp(argv[1], "-h") ||
			  !strcmp(argv[1], "--help"))) {
		cli_help_entity(e, stdout);
		return TL_OK;
	}
	/* `tillit followups` and `tillit followup --open` list. */
	if (argc < 2 || argv[1][0] == '-') {
		cli_set_cmd(c, e->name, "list");
		return cmd_list(c, e, argc, argv);
	}
	name = argv[1];
	if (!strcmp(name, "ls"))
		name = "list";
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		const struct action *a = &actions[i];
		if (strcmp(name, a->name) || !action_for(e, a, false))
			continue;
		cli_set_cmd(c, e->name, a->name);
		return a->run(c, e, argc - 1, argv + 1);
	}
	return cli_usage(c, _("Unknown action '%.40s' for %s."), argv[1],
			 cli_plural_label(e, pl, sizeof(pl)));
}
