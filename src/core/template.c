/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * template.c - the agenda templates of one-to-ones (template.h).
 */
#include "tillit/core/template.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/i18n.h"

/* How things are going, and the room to act: the dialogue comes first,
 * the unit's own view before the figures. */
static const char *const how_items[] = {
	N_("How are things going, for you and for those we are here for?"),
	N_("What works well, and what chafes?"),
	N_("Your room to act: what you decide yourself, and where the line "
	   "goes"),
	N_("What you need from me as your manager"),
	N_("What we follow up until next time"),
	NULL,
};

/* The frames and mandates in use: what was given, and how it was used. */
static const char *const frame_items[] = {
	N_("The frames you hold: are they enough, and do we read them the "
	   "same way?"),
	N_("The mandates you were given: how they have been used since last "
	   "time"),
	N_("Decisions taken under a mandate: reporting back"),
	N_("Frames or mandates to change, widen or end"),
	N_("Follow-up of results and effects: what does it say?"),
	NULL,
};

static const struct tl_template templates[] = {
	{"laget", N_("How things are going, and the room to act"), how_items},
	{"ramar", N_("The frames and mandates in use"), frame_items},
};

const struct tl_template *tl_templates(int *n)
{
	*n = (int)(sizeof(templates) / sizeof(templates[0]));
	return templates;
}

const struct tl_template *tl_template_find(const char *name)
{
	char *folded = tl_text_fold(name, NULL);
	const struct tl_template *found = NULL;

	for (size_t i = 0;
	     folded && i < sizeof(templates) / sizeof(templates[0]); i++)
		if (!strcmp(folded, templates[i].name))
			found = &templates[i];
	free(folded);
	return found;
}

char *tl_template_agenda(const struct tl_template *t)
{
	size_t size = 1;
	char *out;

	for (int i = 0; t->items[i]; i++)
		size += strlen(_(t->items[i])) + 1;
	if (!(out = malloc(size)))
		return NULL;
	out[0] = '\0';
	for (int i = 0; t->items[i]; i++) {
		if (i > 0)
			strcat(out, "\n");
		strcat(out, _(t->items[i]));
	}
	return out;
}
