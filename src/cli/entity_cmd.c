/* SPDX-License-Identifier: EUPL-1.2 */
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
 * and the few that belong to one kind: `followup done`, `frame ack`,
 * `participant remove`, and a person's public keys, `person key` and
 * `person keys`.  This file finds the action and holds what the actions
 * share; each job has a file of its own (entity.h): the help in
 * entity_help.c, list in entity_list.c, show in entity_show.c, the
 * changes in entity_edit.c, and the keys in entity_key.c.  The --FIELD
 * options of add and edit, their help and the filters of list all come
 * from the field tables, so a new field needs no code here.
 */
#include "entity.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/store/store.h"

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

const char *cli_a_label(const struct tl_entity *e)
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

enum tl_status cli_one_id(struct cli_args *a, const char **id)
{
	enum tl_status rc;

	if (a->first >= a->argc)
		return cli_usage(a->c, _("Give the id of the record."));
	rc = cli_args_max(a, 1);
	if (rc == TL_OK)
		*id = a->argv[a->first];
	return rc;
}

enum tl_status cli_find(struct cli *c, struct tl_store *st,
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
	{"add", cli_entity_add, "--FIELD VALUE ...", N_("add one")},
	{"list", cli_entity_list, "[FILTERS]",
	 N_("list them (the default action)")},
	{"show", cli_entity_show, "ID", N_("show one, with every field")},
	{"edit", cli_entity_edit, "ID --FIELD VALUE ...",
	 N_("change fields of one")},
	{"close", cli_entity_close, "ID", N_("close one")},
	{"done", cli_entity_done, "ID --outcome TEXT", N_("mark one done")},
	{"carry", cli_entity_carry, "ID --meeting MEETING [--due DATE] "
	 "[--owner PERSON]", N_("carry one on in a later meeting")},
	{"ack", cli_entity_ack, "ID [--by PERSON]",
	 N_("acknowledge one (the holder)")},
	{"remove", cli_entity_remove, "ID", N_("remove one from its meeting")},
	{"next", cli_entity_next, "ID", N_("plan the next meeting of its "
	 "series")},
	{"offers", cli_entity_offers,
	 "ID [--accept N,...|all | --drop N,...|all]",
	 N_("what its agenda is offered: report-backs and reports on "
	    "carrying out that fall due")},
	{"key", cli_entity_key, "ID FILE",
	 N_("register the key to sign with (a .pub file, - for stdin)")},
	{"keys", cli_entity_keys, "ID", N_("list their keys, current and "
	 "retired")},
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
	if (!strcmp(a->name, "done") || !strcmp(a->name, "carry"))
		return e->kind == TL_K_FOLLOWUP;
	if (!strcmp(a->name, "ack"))
		return e->kind == TL_K_FRAME;
	if (!strcmp(a->name, "remove"))
		return e->kind == TL_K_PARTICIPANT;
	if (!strcmp(a->name, "next") || !strcmp(a->name, "offers"))
		return e->kind == TL_K_MEETING;
	if (!strcmp(a->name, "key") || !strcmp(a->name, "keys"))
		return e->kind == TL_K_PERSON;
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

void cli_entity_actions_print(const struct tl_entity *e, FILE *out)
{
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (action_for(e, &actions[i], true))
			fprintf(out, "%s\n", actions[i].name);
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
		return cli_entity_list(c, e, argc, argv);
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
	{
		const char *names[sizeof(actions) / sizeof(actions[0])];
		const char *near;
		size_t n = 0;

		for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]);
		     i++)
			if (action_for(e, &actions[i], false))
				names[n++] = actions[i].name;
		near = tl_text_nearest(name, names, n);
		if (near)
			return cli_usage(c, _("Unknown action '%.40s' for %s; "
					 "did you mean '%s'?"), argv[1],
					 cli_plural_label(e, pl, sizeof(pl)),
					 near);
	}
	return cli_usage(c, _("Unknown action '%.40s' for %s."), argv[1],
			 cli_plural_label(e, pl, sizeof(pl)));
}
