/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * private.c - private notes on screen (ui/private.h).
 */
#include "tillit/ui/private.h"

#include <stdio.h>
#include <stdlib.h>

#include "tillit/core/i18n.h"
#include "tillit/store/private.h"

bool ui_private_on(enum tl_kind kind)
{
	return kind == TL_K_PERSON || kind == TL_K_MEETING ||
	       kind == TL_K_ITEM;
}

void ui_private_load(struct ui_app *app, const char *on,
		     struct tl_private_note **notes, int *n)
{
	struct tl_error err;

	if (tl_store_private_list(ui_store(app), on, notes, n, &err) != TL_OK)
		ui_error(app, &err);
}

void ui_lines_add_private(struct ui_lines *ls,
			  const struct tl_private_note *notes, int n,
			  int width)
{
	char head[TL_STAMP_SIZE];

	if (n > 0)
		ui_lines_add_heading(ls, _("Your private notes, which only "
					   "you can read"), n);
	for (int i = 0; i < n; i++) {
		/* The date, marked private, then the note. */
		snprintf(head, sizeof(head), "%.10s", notes[i].written_at);
		ui_lines_badge(ui_lines_add(ls, head, UI_R_DIM, 1, TL_K_NONE,
					    NULL), _("private"), UI_R_WARN);
		ui_lines_add_wrapped(ls, notes[i].text, UI_R_NORMAL, 2,
				     width > 12 ? width - 4 : 8);
	}
}

void ui_private_write(struct ui_app *app, const char *on)
{
	char *text = ui_prompt(app, _("Private note (only you will read "
				      "it): "), NULL);
	struct tl_error err;

	if (!text)
		return;
	if (!*text)
		ui_status(app, "%s", _("Nothing was written."));
	else if (tl_store_private_add(ui_store(app), on, text, NULL, &err) !=
		 TL_OK)
		ui_error(app, &err);
	else {
		ui_status(app, "%s", _("Private note written; only you can "
				       "read it."));
		ui_changed(app);
	}
	free(text);
}
