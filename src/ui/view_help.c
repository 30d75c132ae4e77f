/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_help.c - the `?` screen: the keys of the view below it, then the
 * keys that work everywhere, all from the table of actions.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <string.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"

struct help_view {
	const struct view_ops *below;
	int top;
	int lines;
};

static bool help_open(struct view *v, const void *arg)
{
	static struct help_view hv;

	memset(&hv, 0, sizeof(hv));
	hv.below = arg;
	v->data = &hv;
	snprintf(v->title, sizeof(v->title), _("Help: %s"),
		 _(hv.below->title));
	return true;
}

/* One line of help: keys, then the text. */
static int help_line(WINDOW *w, int y, int rows, int cols,
		     const struct ui_action_def *d)
{
	char keys[64] = "";

	if (y < 0 || y >= rows)
		return 1;
	for (int k = 0; k < UI_MAX_KEYS && d->keys[k]; k++) {
		size_t len = strlen(keys);
		snprintf(keys + len, sizeof(keys) - len, "%s%s", k ? ", " : "",
			 d->keys[k]);
	}
	ui_put(w, y, 2, 22, keys, UI_R_HEADER, 0);
	ui_put(w, y, 25, cols - 26, _(d->help), UI_R_NORMAL, 0);
	return 1;
}

static void help_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct help_view *hv = v->data;
	int n, y = -hv->top;
	const struct ui_action_def *t = ui_action_table(&n);
	static const char *const heads[] = {
		N_("Moving"), N_("Everywhere"),
	};

	if (hv->below->actions && hv->below->actions[0] != UI_A_NONE) {
		bool scope[UI_SCOPE_MEETING + 1] = {false};

		if (y >= 0 && y < rows)
			ui_put(w, y, 1, cols - 2, _("In this view"),
			       UI_R_SECTION, 0);
		y++;
		/* The view's own actions, and the rest of their kind (the
		 * hint bar has room for only a few). */
		for (int i = 0; hv->below->actions[i] != UI_A_NONE; i++) {
			const struct ui_action_def *d =
				ui_action_get(hv->below->actions[i]);
			y += help_line(w, y, rows, cols, d);
			if (d->scope > UI_SCOPE_GLOBAL)
				scope[d->scope] = true;
		}
		for (int i = 0; i < n; i++) {
			bool listed = false;
			if (!scope[t[i].scope])
				continue;
			for (int j = 0; hv->below->actions[j] != UI_A_NONE; j++)
				if (hv->below->actions[j] == t[i].action)
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
};
