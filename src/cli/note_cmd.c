/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * note_cmd.c - `tillit note`: private notes (store/private.h), which
 * only their author ever reads.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/text.h"
#include "tillit/store/private.h"

static enum tl_status add(struct cli *c, struct tl_store *st, const char *on,
			  const char *text, bool quiet)
{
	char id[TL_ID_LEN + 1];
	enum tl_status rc;

	if (!text)
		return cli_usage(c, _("Give the note with --text TEXT."));
	rc = tl_store_private_add(st, on, text, id, &c->err);
	if (rc != TL_OK)
		return rc;
	if (quiet)
		printf("%s\n", id);
	else
		printf(_("Wrote private note %.*s; only you can read it.\n"),
		       TL_ID_SHORT, id);
	return TL_OK;
}

static enum tl_status list(struct cli *c, struct tl_store *st, const char *on)
{
	char id[TL_ID_LEN + 1];
	struct tl_private_note *notes = NULL;
	int n = 0;
	enum tl_status rc = TL_OK;

	if (on)
		rc = tl_store_private_target(st, on, id, &c->err);
	if (rc == TL_OK)
		rc = tl_store_private_list(st, on ? id : NULL, &notes, &n,
					   &c->err);
	if (rc != TL_OK)
		return rc;
	if (n == 0)
		printf("%s\n", _("You have no private notes here."));
	else
		printf("%-8s  %-20s  %-8s  %s\n", _("ID"), _("Written"),
		       _("On"), _("Note (private)"));
	for (int i = 0; i < n; i++) {
		char *line = tl_text_first_line(notes[i].text, 200);
		char *safe = line ? tl_text_sanitize(line, false) : NULL;

		printf("%.*s  %-20s  %.*s  %s\n", TL_ID_SHORT, notes[i].id,
		       notes[i].written_at, TL_ID_SHORT, notes[i].on,
		       safe ? safe : "");
		free(safe);
		free(line);
	}
	tl_private_free(notes, n);
	return TL_OK;
}

enum tl_status cli_cmd_note(struct cli *c, int argc, char **argv)
{
	const char *text = NULL;
	bool quiet = false;
	const struct cli_opt opts[] = {
		{"text", 't', true, "TEXT", N_("the note (add)"), .str = &text},
		{"quiet", 'q', false, NULL, N_("print only the new note's id"),
		 .on = &quiet},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit note add RECORD --text TEXT\n"
			    "       tillit note list [RECORD]\n"
			    "       tillit note delete ID\n\n"
			    "Private notes: a note on a person, a meeting or an "
			    "agenda item (RECORD:\nan id, its start or a name) "
			    "that only you ever read.  Not your manager,\nnot "
			    "an admin, not the database's owner: on a server "
			    "the database itself\nlets only your own login "
			    "read it; with an SQLite file it is kept in your\n"
			    "own file, $XDG_DATA_HOME/tillit/private.db (mode "
			    "0600), never in the\nshared one.  No export, "
			    "minutes or summary carries them.\n\nOptions:"),
	};
	struct tl_store *st = NULL;
	const char *what;
	enum tl_status rc;
	int args;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 2);
	if (rc != TL_OK)
		return rc;
	args = argc - a.first;
	what = args > 0 ? argv[a.first] : NULL;
	if (!what || (strcmp(what, "add") && strcmp(what, "list") &&
		      strcmp(what, "delete")))
		return cli_usage(c, _("Give add, list or delete."));
	if (strcmp(what, "list") && args != 2)
		return cli_usage(c, !strcmp(what, "add")
				 ? _("Give the record the note is on.")
				 : _("Give the note's id."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK && !strcmp(what, "add"))
		rc = add(c, st, argv[a.first + 1], text, quiet);
	else if (rc == TL_OK && !strcmp(what, "list"))
		rc = list(c, st, args == 2 ? argv[a.first + 1] : NULL);
	else if (rc == TL_OK) {
		rc = tl_store_private_delete(st, argv[a.first + 1], &c->err);
		if (rc == TL_OK)
			printf(_("Deleted your private note %.*s.\n"),
			       TL_ID_SHORT, argv[a.first + 1]);
	}
	tl_store_close(st);
	return rc;
}
