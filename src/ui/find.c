/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * find.c - n and N: the next or previous line of a view with the words
 * of the last search (`/`), as less and tig find again; asked for in the
 * status line when there has been no search.  A line matches when it
 * holds the words, whatever their case and accents ("asa" finds "Åsa"),
 * as names are looked up (tl_text_fold).
 */
#include "tillit/ui/view.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/i18n.h"

/* The folded words and the words as typed. */
static char *folded;
static char shown[200];

void ui_find_set(const char *words)
{
	char *f;

	if (!words || !*words || !(f = tl_text_fold(words, NULL)))
		return;
	free(folded);
	folded = f;
	snprintf(shown, sizeof(shown), "%s", words);
}

const char *ui_find_words(struct ui_app *app)
{
	if (!folded) {
		char *w = ui_prompt(app, _("Find:"), NULL);

		ui_find_set(w);
		free(w);
	}
	return folded;
}

bool ui_find_match(const char *text)
{
	char *f;
	bool yes;

	if (!folded || !text)
		return false;
	if (!(f = tl_text_fold(text, NULL)))
		return false;
	yes = strstr(f, folded) != NULL;
	free(f);
	return yes;
}

void ui_find_none(struct ui_app *app, int dir)
{
	ui_status(app, dir > 0 ? _("No more lines with \"%s\" below.")
			       : _("No more lines with \"%s\" above."),
		  shown);
}

void ui_find_forget(void)
{
	free(folded);
	folded = NULL;
	shown[0] = '\0';
}
