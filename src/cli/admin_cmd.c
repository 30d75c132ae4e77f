/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * admin_cmd.c - `tillit admin roles` and `tillit admin check`: the
 * organisation tier's accounts (store.h, tl_store_admin_*).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

static enum tl_status roles(struct cli *c, struct tl_store *st)
{
	int people = 0, made = 0;
	enum tl_status rc;

	rc = tl_store_begin(st, &c->err);
	if (rc == TL_OK)
		rc = tl_store_admin_roles(st, &people, &made, &c->err);
	if (rc == TL_OK)
		rc = tl_store_commit(st, &c->err);
	else
		tl_store_rollback(st);
	if (rc == TL_OK)
		printf(_("Made %d login roles in tillit_user; %d people have a "
			 "login.\n"), made, people);
	return rc;
}

static enum tl_status check(struct cli *c, struct tl_store *st)
{
	char **t = NULL;
	int n = 0;
	enum tl_status rc = tl_store_admin_check(st, &t, &n, &c->err);

	for (int i = 0; i < n; i++) {
		printf(_("%s: no row-level security guards it\n"), t[i]);
		free(t[i]);
	}
	free(t);
	if (rc == TL_OK && n > 0)
		rc = cli_fail(c, TL_EREFUSED, ngettext("%d table has no "
			      "row-level security policy for every role.",
			      "%d tables have no row-level security policy "
			      "for every role.", n), n);
	else if (rc == TL_OK)
		printf(_("Every table is guarded by row-level security.\n"));
	return rc;
}

enum tl_status cli_cmd_admin(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{0}};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit admin roles | check\n\n"
			    "The accounts of the organisation's PostgreSQL "
			    "server.\n\n"
			    "  roles   make the group roles tillit_user (may "
			    "use tillit's tables)\n"
			    "          and tillit_admin (may use --as), and a "
			    "login role in\n"
			    "          tillit_user for every person with a "
			    "login who has none;\n"
			    "          and make the row-level security "
			    "policies again from the\n"
			    "          rules (doc/access.md), on every table\n"
			    "  check   list the tables that row-level security "
			    "does not guard\n"
			    "          (exit status 1 when there are any)\n\n"
			    "Options:"),
	};
	struct tl_store *st = NULL;
	const char *what;
	enum tl_status rc;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 1);
	if (rc != TL_OK)
		return rc;
	what = a.first < argc ? argv[a.first] : NULL;
	if (!what || (strcmp(what, "roles") && strcmp(what, "check")))
		return cli_usage(c, _("Give roles or check."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = !strcmp(what, "roles") ? roles(c, st) : check(c, st);
	tl_store_close(st);
	return rc;
}
