/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * entity_offers.c - `tillit meeting offers ID [--accept N,...|all]`: what
 * a committee's next meeting is offered for its agenda (read/undone.h),
 * the report-backs and the reports on carrying out that fall due by its
 * day, and the secretary taking some of them as items, or dropping some
 * (--drop) so that the meeting is not offered them again.
 */
#include "entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/read/undone.h"

/* The offers `spec` takes ("1,3" or "all"), as flags in take; false
 * for a number that is no offer. */
static bool parse_take(const char *spec, int n, bool *take)
{
	char *copy, *tok, *save = NULL;
	bool ok = true;

	if (!strcmp(spec, "all")) {
		for (int i = 0; i < n; i++)
			take[i] = true;
		return true;
	}
	if (!(copy = strdup(spec)))
		return false;
	for (tok = strtok_r(copy, ", ", &save); tok && ok;
	     tok = strtok_r(NULL, ", ", &save)) {
		char *end;
		long k = strtol(tok, &end, 10);

		ok = !*end && k >= 1 && k <= n;
		if (ok)
			take[k - 1] = true;
	}
	free(copy);
	return ok;
}

/* The offer as an item of the meeting: information, at the end. */
static enum tl_status take_offer(struct cli *c, struct tl_store *st,
				 const char *meeting,
				 const struct tl_agenda_offer *o)
{
	char number[16];
	enum tl_status rc = tl_store_meeting_take_offer(st, meeting, o->title,
							number, &c->err);

	if (rc == TL_OK)
		printf(_("Added § %s: %s.\n"), number, o->title);
	return rc;
}

enum tl_status cli_entity_offers(struct cli *c, const struct tl_entity *e,
				 int argc, char **argv)
{
	const char *text = NULL, *accept = NULL, *drop = NULL;
	char id[TL_ID_LEN + 1], today[TL_DATE_SIZE];
	struct tl_agenda_offer *offers = NULL;
	struct tl_store *st = NULL;
	bool *take = NULL;
	int n = 0;
	enum tl_status rc;
	const struct cli_opt opts[] = {
		{"accept", 0, true, "N,...|all", N_("take these offers "
		 "(their numbers, or all) as items of the meeting"),
		 .str = &accept},
		{"drop", 0, true, "N,...|all", N_("drop these offers (their "
		 "numbers, or all) from the meeting's agenda: they are not "
		 "offered to it again"), .str = &drop},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_offers, .ctx = e};

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_one_id(&a, &text);
	if (rc != TL_OK)
		return rc;
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, e->kind, text, id, &c->err);
	tl_clock_today(today);
	if (rc == TL_OK)
		rc = tl_agenda_offers(st, id, today, 50, &offers, &n, &c->err);
	if (rc == TL_OK && accept && drop)
		rc = cli_usage(c, "%s", _("Give --accept or --drop, not "
			       "both."));
	if (rc == TL_OK && (accept || drop)) {
		const char *opt = accept ? "--accept" : "--drop";

		if (!(take = calloc((size_t)(n ? n : 1), sizeof(bool))))
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
		else if (!n || !parse_take(accept ? accept : drop, n, take))
			rc = n ? cli_usage(c, _("%s takes the numbers of "
					   "offers, 1 to %d, or all."), opt, n)
			       : cli_usage(c, "%s", _("The meeting is offered "
					   "nothing."));
		if (rc == TL_OK)
			rc = tl_store_begin(st, &c->err);
		for (int i = 0; rc == TL_OK && i < n; i++) {
			if (!take[i])
				continue;
			if (accept) {
				rc = take_offer(c, st, id, &offers[i]);
				continue;
			}
			rc = tl_store_meeting_drop_offer(st, id,
							 offers[i].id,
							 &c->err);
			if (rc == TL_OK)
				printf(_("Dropped: %s.\n"),
				       offers[i].title);
		}
		if (rc == TL_OK)
			rc = tl_store_commit(st, &c->err);
		else if (take)
			tl_store_rollback(st);
	} else if (rc == TL_OK) {
		if (n == 0)
			printf("%s\n", _("Nothing is offered: no report-back "
			       "or report on carrying out falls due by this "
			       "meeting, or it is not its committee's next."));
		for (int i = 0; i < n; i++)
			printf(_("%d. %s (due %s)\n"), i + 1,
			       offers[i].title, offers[i].due[0]
			       ? offers[i].due : "-");
	}
	free(take);
	free(offers);
	tl_store_close(st);
	return rc;
}
