/* SPDX-License-Identifier: EUPL-1.2 */
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

#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/template.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/read/goals.h"
#include "tillit/read/undone.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"
#include "tillit/core/validate.h"

/* ---- generated options ----------------------------------------------- */

struct fopts {
	struct cli_opt *o;
	int nfields; /* the rows of fields, whose names are owned */
};

static void fopts_free(struct fopts *fo)
{
	for (int i = 0; fo->o && i < fo->nfields; i++)
		free((char *)fo->o[i].name);
	free(fo->o);
	fo->o = NULL;
	fo->nfields = 0;
}

static bool fopts_add(struct fopts *fo, const char *name, int i)
{
	char *copy = strdup(name);

	if (!copy)
		return false;
	fo->o[fo->nfields++] = (struct cli_opt){copy, 0, true, NULL, NULL,
						.key = CLI_OPT_FIELD + i};
	return true;
}

/*
 * The options of add or edit: one for every field (and an alias without
 * "_at"), then `extra`.  Fields set by tillit are accepted, so that the
 * refusal names them.  Their lines in --help come from the field table
 * (cli_help_add), not from these rows.
 */
static enum tl_status fopts_build(struct cli *c, const struct tl_entity *e,
				  const struct cli_opt *extra,
				  struct fopts *fo)
{
	char name[64];
	int nextra = 0, n;

	while (extra[nextra].name)
		nextra++;
	fo->nfields = 0;
	fo->o = calloc((size_t)(2 * e->nfields + nextra + 1),
		       sizeof(struct cli_opt));
	if (!fo->o)
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	for (int i = 0; i < e->nfields; i++) {
		cli_field_option(e->fields[i].name, name, sizeof(name));
		if (!fopts_add(fo, name, i))
			goto oom;
		if (cli_field_alias(e, i, name, sizeof(name)) &&
		    !fopts_add(fo, name, i))
			goto oom;
	}
	n = fo->nfields;
	for (int i = 0; i < nextra; i++)
		fo->o[n + i] = extra[i];
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

/* A series' standing agenda from the template called name; refused
 * beside --agenda, which says the agenda already. */
static enum tl_status set_template(struct cli *c, struct tl_store *st,
				   struct tl_record *r, const char *name,
				   bool agenda_given)
{
	const struct tl_template *t = tl_template_find(name);
	enum tl_status rc;
	char *agenda;

	if (agenda_given)
		return cli_usage(c, _("Give the standing agenda with --agenda "
				 "or --template, not both."));
	if (!t)
		return cli_fail(c, TL_EINVAL, _("There is no template \"%.40s\"; "
				"there are laget (how things are going, and "
				"the room to act) and ramar (the frames and "
				"mandates in use)."), name);
	if (!(agenda = tl_template_agenda(t)))
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	rc = set_field(c, st, r, TL_SERIES_AGENDA, agenda);
	free(agenda);
	return rc;
}

/* ---- add and edit ---------------------------------------------------- */

enum tl_status cli_entity_add(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	struct fopts fo;
	const char **given;
	struct tl_store *st = NULL;
	struct tl_record *r = NULL;
	struct tl_refs refs;
	bool quiet = false;
	const char *template = NULL;
	enum tl_status rc;
	struct cli_opt extra[] = {
		{"quiet", 'q', false, NULL, N_("print only the new record's "
		 "full id"), .on = &quiet},
		/* A series' standing agenda from a template (template.h). */
		{"template", 0, true, "NAME", N_("the standing agenda from a "
		 "template: laget (how things are going, and the room to "
		 "act) or ramar (the frames and mandates in use)"),
		 .str = &template},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv,
			     .help = cli_help_add, .ctx = e};

	/* Only a series takes --template. */
	if (e->kind != TL_K_SERIES)
		memset(&extra[1], 0, sizeof(extra[1]));
	rc = fopts_build(c, e, extra, &fo);
	if (rc != TL_OK)
		return rc;
	given = calloc((size_t)e->nfields, sizeof(*given));
	if (!given) {
		fopts_free(&fo);
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	}
	a.opts = fo.o;
	while (cli_args_next(&a))
		given[a.key - CLI_OPT_FIELD] = a.value;
	rc = a.rc;
	if (rc != TL_OK || a.helped)
		goto out;
	if (a.first < argc) {
		rc = cli_usage(c, _("Unexpected argument '%.60s'; values are "
			       "given as --FIELD VALUE."), argv[a.first]);
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
	if (rc == TL_OK && template)
		rc = set_template(c, st, r, template,
				  given[TL_SERIES_AGENDA] != NULL);
	if (rc == TL_OK)
		rc = tl_store_add(st, r, &c->err);
	if (rc != TL_OK)
		goto out;
	{
		/* Warnings, never blocks: the grey zone, over-governing. */
		char warn[1024];

		tl_goal_warnings(st, r, warn, sizeof(warn));
		for (char *l = warn, *nl; *l; l = nl + 1) {
			if (!(nl = strchr(l, '\n')))
				break;
			*nl = '\0';
			fprintf(stderr, _("tillit: warning: %s\n"), l);
		}
	}
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
	const char *based_on = NULL;
	bool force = false;
	const struct cli_opt extra[] = {
		{"based-on", 0, true, "VERSION", N_("the version your change "
		 "is based on (show prints it): refused when the record "
		 "changed since"), .str = &based_on},
		{"force", 0, false, NULL, N_("save over a change made since "
		 "--based-on; the audit log shows it"), .on = &force},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv,
			     .help = cli_help_edit, .ctx = e};
	struct fopts fo;
	const char **given;
	const char *id = NULL;
	struct tl_store *st = NULL;
	struct tl_record *r = NULL;
	struct tl_record *old = NULL;
	bool any = false, changed = false;
	enum tl_status rc;

	rc = fopts_build(c, e, extra, &fo);
	if (rc != TL_OK)
		return rc;
	given = calloc((size_t)e->nfields, sizeof(*given));
	if (!given) {
		fopts_free(&fo);
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	}
	a.opts = fo.o;
	while (cli_args_next(&a)) {
		given[a.key - CLI_OPT_FIELD] = a.value;
		any = true;
	}
	rc = a.rc;
	if (rc != TL_OK || a.helped)
		goto out;
	rc = cli_one_id(&a, &id);
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
	if (based_on) {
		char *end;

		r->version = strtoll(based_on, &end, 10);
		if (*end || end == based_on || r->version < 1) {
			rc = cli_usage(c, _("--based-on takes the version "
				       "that show prints, not \"%.40s\"."),
				       based_on);
			goto out;
		}
	}
	for (int i = 0; i < e->nfields && rc == TL_OK; i++)
		if (given[i])
			rc = set_field(c, st, r, i, given[i]);
	if (rc != TL_OK)
		goto out;
	for (int i = 0; i < e->nfields; i++) {
		const char *was = tl_record_get(old, i);
		const char *now = tl_record_get(r, i);
		if ((was == NULL) != (now == NULL) ||
		    (was && strcmp(was, now)))
			changed = true;
	}
	if (!changed) {
		printf(_("No change.\n"));
		goto out;
	}
	rc = force ? tl_store_update_forced(st, r, &c->err)
		   : tl_store_update(st, r, &c->err);
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

/* Reads the options of a small command (a), then its one ID. */
static enum tl_status read_id(struct cli_args *a, const char **id)
{
	while (cli_args_next(a))
		;
	if (a->rc != TL_OK || a->helped)
		return a->rc;
	return cli_one_id(a, id);
}

enum tl_status cli_entity_close(struct cli *c, const struct tl_entity *e,
			        int argc, char **argv)
{
	const char *text = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	struct cli_args a = {.c = c, .argc = argc, .argv = argv,
			     .help = cli_help_close, .ctx = e};

	rc = read_id(&a, &text);
	if (rc != TL_OK || a.helped)
		return rc;
	if (!e->close_value) {
		char what[64];
		snprintf(what, sizeof(what), "%s", cli_a_label(e));
		return cli_fail(c, TL_EREFUSED, _("%s cannot be closed."),
				cli_case_first(what, true));
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
	const struct cli_opt opts[] = {
		{"outcome", 0, true, "TEXT", N_("what came of it (required)"),
		 .str = &outcome},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_done, .ctx = e};

	rc = read_id(&a, &text);
	if (rc != TL_OK || a.helped)
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

enum tl_status cli_entity_carry(struct cli *c, const struct tl_entity *e,
				int argc, char **argv)
{
	const char *text = NULL, *meeting = NULL, *due = NULL, *owner = NULL;
	char id[TL_ID_LEN + 1], mid[TL_ID_LEN + 1], pid[TL_ID_LEN + 1];
	char nid[TL_ID_LEN + 1], day[TL_DATE_SIZE];
	struct tl_store *st = NULL;
	enum tl_status rc;
	const struct cli_opt opts[] = {
		{"meeting", 0, true, "MEETING", N_("the later meeting where "
		 "it was agreed (required)"), .str = &meeting},
		{"due", 0, true, "DATE", N_("the new due date"), .str = &due},
		{"owner", 0, true, "PERSON", N_("the new owner"),
		 .str = &owner},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_carry, .ctx = e};

	rc = read_id(&a, &text);
	if (rc != TL_OK || a.helped)
		return rc;
	if (!meeting)
		return cli_usage(c, _("Say in which meeting it goes on, with "
				      "--meeting MEETING."));
	if (due && (rc = tl_date_parse(due, NULL, day, &c->err)) != TL_OK)
		return rc;
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, TL_K_MEETING, meeting, mid, &c->err);
	if (rc == TL_OK && owner)
		rc = tl_store_resolve(st, TL_K_PERSON, owner, pid, &c->err);
	if (rc == TL_OK)
		rc = tl_store_followup_carry(st, id, mid, due ? day : NULL,
					     owner ? pid : NULL, nid, &c->err);
	if (rc == TL_OK)
		printf(_("Carried on: %s %.*s goes on as %.*s.\n"),
		       _(e->label), TL_ID_SHORT, id, TL_ID_SHORT, nid);
	tl_store_close(st);
	return rc;
}

enum tl_status cli_entity_ack(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	const char *text = NULL, *by = NULL;
	char id[TL_ID_LEN + 1], person[TL_ID_LEN + 1], me[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	enum tl_status rc;
	const struct cli_opt opts[] = {
		{"by", 0, true, "PERSON", N_("who acknowledges it: only you "
		 "(the default)"), .str = &by},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_ack, .ctx = e};

	rc = read_id(&a, &text);
	if (rc != TL_OK || a.helped)
		return rc;
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_actor(st, me, &c->err);
	if (rc == TL_OK && by)
		rc = tl_store_resolve(st, TL_K_PERSON, by, person, &c->err);
	/* Acknowledging is one's own word: never on someone's behalf. */
	if (rc == TL_OK && by && strcmp(person, me)) {
		struct tl_refs refs;

		tl_refs_init(&refs, st);
		rc = cli_fail(c, TL_EREFUSED, _("You cannot acknowledge as "
			      "%s; only they can."),
			      tl_refs_title(&refs, TL_K_PERSON, person));
		tl_refs_done(&refs);
	}
	if (rc == TL_OK)
		rc = tl_store_frame_ack(st, id, me, &c->err);
	if (rc == TL_OK)
		printf(_("Acknowledged %s "
			 "%.*s.\n"), _(e->label), TL_ID_SHORT, id);
	tl_store_close(st);
	return rc;
}

enum tl_status cli_entity_next(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	const char *text = NULL;
	char id[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	struct tl_record *n = NULL;
	bool quiet = false;
	enum tl_status rc;
	const struct cli_opt opts[] = {
		{"quiet", 'q', false, NULL, N_("print only the new meeting's "
		 "full id"), .on = &quiet},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_next, .ctx = e};

	rc = read_id(&a, &text);
	if (rc != TL_OK || a.helped)
		return rc;
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_meeting_next(st, id, &n, &c->err);
	if (rc == TL_OK && quiet)
		printf("%s\n", n->id);
	else if (rc == TL_OK) {
		struct tl_agenda_offer *offers = NULL;
		char today[TL_DATE_SIZE];
		int k = 0;

		printf(_("Planned meeting %.*s: %s, %s.\n"), TL_ID_SHORT, n->id,
		       tl_record_str(n, TL_MEETING_TITLE),
		       tl_record_str(n, TL_MEETING_STARTS));
		/* What falls due by then, for the secretary to take. */
		tl_clock_today(today);
		if (tl_agenda_offers(st, n->id, today, 50, &offers, &k,
				     &c->err) == TL_OK && k > 0)
			printf(ngettext("Its agenda is offered %d report: "
					"'tillit meeting offers %.*s'.\n",
					"Its agenda is offered %d reports: "
					"'tillit meeting offers %.*s'.\n", k),
			       k, TL_ID_SHORT, n->id);
		tl_error_clear(&c->err);
		free(offers);
	}
	tl_record_free(n);
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
	struct cli_args a = {.c = c, .argc = argc, .argv = argv,
			     .help = cli_help_remove, .ctx = e};

	rc = read_id(&a, &text);
	if (rc != TL_OK || a.helped)
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
