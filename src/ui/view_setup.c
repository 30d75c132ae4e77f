/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_setup.c - 8, Set up: the registers a meeting stands on, each a
 * line with how many it holds, and Enter opens its list, where a adds
 * and e edits in a form as everywhere: units, people, series (with
 * their standing agenda and how often they meet) and the governance
 * balances of units.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"

static const struct {
	enum tl_kind kind;
	const char *title; /* N_() */
	const char *name;  /* as the list's name and the :command */
	const char *what;  /* N_(): one line on what it holds */
} registers[] = {
	{TL_K_UNIT, N_("Units"), "units",
	 N_("the chain of governance: council, committees, administrations, "
	    "departments, teams")},
	{TL_K_PERSON, N_("People"), "people",
	 N_("elected members, managers, officials and employees, and their "
	    "logins")},
	{TL_K_SERIES, N_("Series"), "series",
	 N_("meetings that recur: their standing agenda and how often")},
	{TL_K_BALANCE, N_("Governance balances"), "balances",
	 N_("each unit's assessment: over- or under-governed")},
};

#define NREG ((int)(sizeof(registers) / sizeof(registers[0])))

struct setup_view {
	int cursor;
	long count[NREG];
};

static const enum ui_action setup_actions[] = {
	UI_A_OPEN, UI_A_NONE,
};

static void count(struct view *v)
{
	struct setup_view *sv = v->data;
	struct tl_error err;

	for (int i = 0; i < NREG; i++) {
		struct tl_query q = {.kind = registers[i].kind};

		if (tl_store_count(ui_store(v->app), &q, &sv->count[i], &err) !=
		    TL_OK)
			sv->count[i] = -1;
	}
}

static bool setup_open(struct view *v, const void *arg)
{
	struct setup_view *sv = calloc(1, sizeof(*sv));

	(void)arg;
	if (!sv)
		return false;
	v->data = sv;
	count(v);
	return true;
}

static void setup_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct setup_view *sv = v->data;
	char line[256];

	if (rows > 0)
		ui_put(w, 0, 1, cols - 2, _("What meetings stand on; Enter "
					    "opens a list, where a adds and e "
					    "edits."), UI_R_DIM, 0);
	for (int i = 0; i < NREG && 2 + 2 * i < rows; i++) {
		enum ui_role role = i == sv->cursor ? UI_R_SELECTED
						    : UI_R_NORMAL;
		int y = 2 + 2 * i;

		if (sv->count[i] >= 0)
			snprintf(line, sizeof(line), "%-24s %6ld",
				 _(registers[i].title), sv->count[i]);
		else
			snprintf(line, sizeof(line), "%s",
				 _(registers[i].title));
		if (i == sv->cursor)
			ui_fill(w, y, 0, role, 0);
		ui_put(w, y, 2, cols - 4, line, role, 0);
		if (y + 1 < rows)
			ui_put(w, y + 1, 4, cols - 6, _(registers[i].what),
			       UI_R_DIM, 0);
	}
}

bool ui_setup_open_list(struct ui_app *app, const char *name)
{
	for (int i = 0; i < NREG; i++)
		if (!strcmp(name, registers[i].name)) {
			/* The list copies it as it opens. */
			static struct ui_list_arg arg;

			memset(&arg, 0, sizeof(arg));
			arg.query.kind = registers[i].kind;
			arg.title = registers[i].title;
			arg.name = registers[i].name;
			return ui_push(app, &ui_view_list, &arg);
		}
	return false;
}

static enum ui_result setup_handle(struct view *v, enum ui_action a, int key)
{
	struct setup_view *sv = v->data;

	(void)key;
	switch (a) {
	case UI_A_DOWN:
		if (sv->cursor < NREG - 1)
			sv->cursor++;
		return UI_DONE;
	case UI_A_UP:
		if (sv->cursor > 0)
			sv->cursor--;
		return UI_DONE;
	case UI_A_TOP:
		sv->cursor = 0;
		return UI_DONE;
	case UI_A_BOTTOM:
		sv->cursor = NREG - 1;
		return UI_DONE;
	case UI_A_OPEN:
		ui_setup_open_list(v->app, registers[sv->cursor].name);
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

static void setup_reload(struct view *v)
{
	count(v);
}

static void setup_close(struct view *v)
{
	free(v->data);
	v->data = NULL;
}

const struct view_ops ui_view_setup = {
	.name = "setup",
	.title = N_("Set up"),
	.open = setup_open,
	.draw = setup_draw,
	.handle = setup_handle,
	.reload = setup_reload,
	.close = setup_close,
	.actions = setup_actions,
};
