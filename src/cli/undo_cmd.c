/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * undo_cmd.c - `tillit undo [--dry-run]`: takes back your last change
 * (tl_store_undo) and says what it did, a line for each record.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "tillit/core/date.h"
#include "tillit/core/id.h"
#include "tillit/core/i18n.h"
#include "tillit/read/present.h"

/* Prints field k of step s: its value now, and the one it gets back. */
static enum tl_status print_field(struct cli *c, struct tl_refs *refs,
				  const struct tl_undo_step *s, int k)
{
	const struct tl_undo_field *f = &s->fields[k];
	struct tl_record *back = tl_record_dup(s->now);
	char *was = NULL, *then = NULL;

	if (back && tl_record_set(back, f->field, f->back)) {
		was = tl_present_field(refs, s->now, f->field, false);
		then = tl_present_field(refs, back, f->field, false);
	}
	tl_record_free(back);
	if (!was || !then) {
		free(was);
		free(then);
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	}
	/* TRANSLATORS: a field set back by undo: "Status: done -> open". */
	printf(_("    %s: %s -> %s\n"), _(s->now->e->fields[f->field].label),
	       *was ? was : _("(empty)"), *then ? then : _("(empty)"));
	free(was);
	free(then);
	return TL_OK;
}

/* Prints what undo u does (done: it did). */
static enum tl_status report(struct cli *c, struct tl_store *st,
			     const struct tl_undo *u, bool done)
{
	char when[TL_DATETIME_SIZE];
	struct tl_refs refs;
	enum tl_status rc = TL_OK;

	tl_stamp_local(u->at, when);
	printf(done ? _("Undid your change of %s:\n")
		    : _("Would undo your change of %s:\n"), when);
	tl_refs_init(&refs, st);
	for (int i = 0; rc == TL_OK && i < u->nsteps; i++) {
		const struct tl_undo_step *s = &u->steps[i];
		char *title = tl_present_title(&refs, s->now);

		if (!title) {
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
			break;
		}
		if (s->remove)
			printf(done ? _("  %s %.*s \"%s\": removed (the change "
					"added it)\n")
				    : _("  %s %.*s \"%s\": would be removed "
					"(the change added it)\n"),
			       _(s->now->e->label), TL_ID_SHORT, s->id, title);
		else
			printf("  %s %.*s \"%s\":\n", _(s->now->e->label),
			       TL_ID_SHORT, s->id, title);
		free(title);
		for (int k = 0; rc == TL_OK && !s->remove && k < s->nfields;
		     k++)
			rc = print_field(c, &refs, s, k);
	}
	tl_refs_done(&refs);
	return rc;
}

static const struct cli_opt undo_opts[] = {
	{"dry-run", 'n', false, NULL, N_("say what would be undone, and "
	 "change nothing"), .key = 1},
	{0},
};

enum tl_status cli_cmd_undo(struct cli *c, int argc, char **argv)
{
	struct tl_store *st = NULL;
	struct tl_undo u = {0};
	bool dry = false;
	enum tl_status rc;
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = undo_opts,
		.usage = N_("Usage: tillit undo [--dry-run]\n\n"
			    "Takes back your last change: what one command, "
			    "or one save in the\nfull-screen program, wrote.  "
			    "A record it added is removed; fields it\nset get "
			    "their earlier values.  The undo is a change of "
			    "its own in the\naudit log, which is never "
			    "rewritten, so a second undo takes the first\n"
			    "back.  Refused, with nothing changed, when a "
			    "record has changed since,\nand for a removal or "
			    "a signature.\n\nOptions:"),
	};

	while (cli_args_next(&a))
		dry = true;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 0);
	if (rc == TL_OK)
		rc = cli_open(c, dry ? TL_OPEN_READONLY : 0, &st);
	if (rc == TL_OK)
		rc = tl_store_undo(st, !dry, &u, &c->err);
	if (rc == TL_OK)
		rc = report(c, st, &u, !dry);
	tl_undo_free(&u);
	tl_store_close(st);
	return rc;
}
