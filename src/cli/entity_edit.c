/*
 * entity_edit.c - the actions that change records:
 *
 *   tillit NOUN add --FIELD VALUE ...
 *   tillit NOUN edit ID --FIELD VALUE ...
 *   tillit NOUN close ID
 *   tillit followup done ID --outcome TEXT
 *   tillit frame ack ID [--by PERSON]
 *   tillit participant remove ID
 *
 * The --FIELD options come from the kind's field table.  References
 * (--owner "Åsa Öberg", --meeting 3f2a) are resolved by the store; other
 * values are made canonical by core.
 */
#include "entity.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/i18n.h"
#include "tillit/id.h"
#include "tillit/model.h"
#include "tillit/present.h"
#include "tillit/store.h"
#include "tillit/validate.h"

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
		cli_field_option(e->fields[i].name, name, sizeof(name));
		if (!fopts_add(fo, name, required_argument, CLI_OPT_FIELD + i))
			goto oom;
		if (cli_field_alias(e, i, name, sizeof(name)) &&
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

/* ---- add and edit ---------------------------------------------------- */

enum tl_status cli_entity_add(struct cli *c, const struct tl_entity *e,
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
			cli_help_add(e, stdout);
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
				      _(e->fields[i].label), cli_a_label(e));
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

enum tl_status cli_entity_edit(struct cli *c, const struct tl_entity *e,
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
			cli_help_edit(e, stdout);
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
	rc = cli_one_id(c, argc, argv, &id);
	if (rc == TL_OK && !any)
		rc = cli_usage(c, _("Give at least one field to change, as "
			       "--FIELD VALUE."));
	if (rc == TL_OK)
		rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = cli_find(c, st, e, id, &r);
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
	return cli_one_id(c, argc, argv, id);
}

enum tl_status cli_entity_close(struct cli *c, const struct tl_entity *e,
			        int argc, char **argv)
{
	const char *text = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, NULL, cli_help_close, &text, NULL,
			  &helped);
	if (rc != TL_OK || helped)
		return rc;
	if (!e->close_value) {
		char a[64];
		snprintf(a, sizeof(a), "%s", cli_a_label(e));
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

enum tl_status cli_entity_done(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	const char *text = NULL, *outcome = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, "outcome", cli_help_done, &text,
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

enum tl_status cli_entity_ack(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	const char *text = NULL, *by = NULL;
	char id[TL_ID_LEN + 1], person[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, "by", cli_help_ack, &text, &by,
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

enum tl_status cli_entity_remove(struct cli *c, const struct tl_entity *e,
			         int argc, char **argv)
{
	const char *text = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	bool helped;

	rc = parse_id_cmd(c, e, argc, argv, NULL, cli_help_remove, &text, NULL,
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
