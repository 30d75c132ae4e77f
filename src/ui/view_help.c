/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_help.c - the `?` screen: the keys of the view below it, then the
 * keys that work everywhere, all from the table of actions.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"

struct help_view {
	struct view *below; /* the view it helps with, under it */
	int top;
	int lines;
};

static bool help_open(struct view *v, const void *arg)
{
	/* Its own, as a number key may open more views, and a help, on
	 * top of it. */
	struct help_view *hv = calloc(1, sizeof(*hv));

	if (!hv)
		return false;
	hv->below = (struct view *)arg; /* ui_push takes it as const */
	v->data = hv;
	/* The title of the view it helps with: "Help: Follow-ups". */
	snprintf(v->title, sizeof(v->title), _("Help: %s"),
		 hv->below->title);
	return true;
}

static void help_close(struct view *v)
{
	free(v->data);
	v->data = NULL;
}

/* One line of help: keys, then the text. */
static int help_line(WINDOW *w, int y, int rows, int cols,
		     const struct ui_action_def *d)
{
	const char *bound[UI_MAX_KEYS + 1];
	char keys[64] = "";

	if (y < 0 || y >= rows)
		return 1;
	/* The keys as bound now (the configuration file may rebind). */
	ui_action_keys(d->action, bound);
	for (int k = 0; bound[k]; k++) {
		size_t len = strlen(keys);
		snprintf(keys + len, sizeof(keys) - len, "%s%s", k ? ", " : "",
			 bound[k]);
	}
	ui_put(w, y, 2, 22, keys, UI_R_HEADER, 0);
	ui_put(w, y, 25, cols - 26, _(d->help), UI_R_NORMAL, 0);
	return 1;
}

static void help_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct help_view *hv = v->data;
	const enum ui_action *acts = hv->below->ops->actions;
	int n, y = -hv->top;
	const struct ui_action_def *t = ui_action_table(&n);
	static const char *const heads[] = {
		N_("Moving"), N_("Everywhere"),
	};

	if (acts && acts[0] != UI_A_NONE) {
		bool scope[UI_SCOPE_COUNT] = {false};

		if (y >= 0 && y < rows)
			ui_put(w, y, 1, cols - 2, _("In this view"),
			       UI_R_SECTION, 0);
		y++;
		/* The view's own actions that work there now, and the rest
		 * of their kind that do (the hint bar has room for only a
		 * few). */
		for (int i = 0; acts[i] != UI_A_NONE; i++) {
			const struct ui_action_def *d = ui_action_get(acts[i]);

			if (!ui_view_offers(hv->below, acts[i]))
				continue;
			y += help_line(w, y, rows, cols, d);
			if (d->scope > UI_SCOPE_GLOBAL)
				scope[d->scope] = true;
		}
		for (int i = 0; i < n; i++) {
			bool listed = false;
			if (!scope[t[i].scope] ||
			    !ui_view_offers(hv->below, t[i].action))
				continue;
			for (int j = 0; acts[j] != UI_A_NONE; j++)
				if (acts[j] == t[i].action)
					listed = true;
			if (!listed)
				y += help_line(w, y, rows, cols, &t[i]);
		}
		y++;
	}
	for (int s = UI_SCOPE_MOVE; s <= UI_SCOPE_GLOBAL; s++) {
		if (y >= 0 && y < rows)
			ui_put(w, y, 1, cols - 2, _(heads[s]), UI_R_SECTION, 0);
		y++;
		for (int i = 0; i < n; i++)
			if (t[i].scope == (enum ui_scope)s)
				y += help_line(w, y, rows, cols, &t[i]);
		y++;
	}
	hv->lines = y + hv->top;
}

static enum ui_result help_handle(struct view *v, enum ui_action a, int key)
{
	struct help_view *hv = v->data;

	(void)key;
	switch (a) {
	case UI_A_DOWN:
	case UI_A_PAGE_DOWN:
		if (hv->top < hv->lines - 1)
			hv->top += a == UI_A_DOWN ? 1 : 10;
		return UI_DONE;
	case UI_A_UP:
	case UI_A_PAGE_UP:
		hv->top -= a == UI_A_UP ? 1 : 10;
		if (hv->top < 0)
			hv->top = 0;
		return UI_DONE;
	case UI_A_TOP:
		hv->top = 0;
		return UI_DONE;
	case UI_A_HELP:
		ui_pop(v->app);
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

const struct view_ops ui_view_help = {
	.name = "help",
	.title = N_("Help"),
	.open = help_open,
	.draw = help_draw,
	.handle = help_handle,
	.close = help_close,
};
