/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * action.h - every action of the full-screen program as data: its name,
 * default keys and help text.  The key handling, the `?` help screen and
 * doc/keys.md are all made from this one table (DESIGN.md section 5,
 * point 7).
 */
#ifndef TILLIT_ACTION_H
#define TILLIT_ACTION_H

#include <stdbool.h>
#include <stdio.h>

#include "tillit/core/error.h"

/* Keys: a Unicode character, or a curses function key lifted above it. */
#define UI_FKEY(k) (0x110000 + (k))
#define UI_CTRL(c) ((c) & 0x1f)

enum ui_action {
	UI_A_NONE,
	/* Moving */
	UI_A_UP, UI_A_DOWN, UI_A_PAGE_UP, UI_A_PAGE_DOWN, UI_A_TOP,
	UI_A_BOTTOM, UI_A_LEFT, UI_A_RIGHT, UI_A_NEXT_PANE,
	/* Everywhere */
	UI_A_OPEN, UI_A_BACK, UI_A_QUIT, UI_A_HELP, UI_A_SEARCH,
	UI_A_COMMAND, UI_A_REDRAW,
	UI_A_GO_OVERVIEW, UI_A_GO_MEETINGS, UI_A_GO_MANDATES,
	UI_A_GO_FRAMES, UI_A_GO_MY_FRAMES, UI_A_GO_FOLLOWUPS, UI_A_GO_ORG,
	/* Records */
	UI_A_NEW, UI_A_EDIT, UI_A_CLOSE, UI_A_FILTER, UI_A_DONE,
	UI_A_REASSIGN, UI_A_ACK, UI_A_VERSIONS, UI_A_LOG_DECISION,
	/* Running a meeting */
	UI_A_RUN, UI_A_NEXT_ITEM, UI_A_PREV_ITEM, UI_A_NOTES, UI_A_DECISION,
	UI_A_EDITOR, UI_A_ITEM_KIND, UI_A_QUESTION, UI_A_DECIDED_BY,
	UI_A_TAGS, UI_A_ADD_ITEM, UI_A_ADD_MANDATE, UI_A_ADD_FRAME,
	UI_A_ADD_FOLLOWUP, UI_A_ADD_MOTION, UI_A_ADD_VOTE, UI_A_ADD_BALLOT,
	UI_A_ADD_ENTRY, UI_A_ATTENDANCE, UI_A_CARRY_ON, UI_A_FINISH,
	UI_A_DEMO, UI_A_SIGN, UI_A_MINUTES, UI_A_EXPORT, UI_A_EXTRACT,
	UI_A_PRIVATE_NOTE, UI_A_PLAN_NEXT, UI_A_GO_SETUP, UI_A_GO_GOALS,
	UI_A_TAKE_OFFER, UI_A_DROP_OFFER,
	/* Moving, again: after the meeting's n and N, which a view that
	 * lists these gives up (ui_action_for_key_in) */
	UI_A_FIND_NEXT, UI_A_FIND_PREV,
	UI_A_COUNT
};

/* Where an action is offered; the help screen groups by it. */
enum ui_scope {
	UI_SCOPE_MOVE,
	UI_SCOPE_GLOBAL,
	UI_SCOPE_RECORDS,
	UI_SCOPE_EXPORT,  /* lists, meetings and the minutes */
	UI_SCOPE_MEETING,
	UI_SCOPE_FIND,    /* the views that list n and N (not the meeting) */
	UI_SCOPE_COUNT
};

#define UI_MAX_KEYS 4

struct ui_action_def {
	enum ui_action action;
	const char *name;                /* "move-down" */
	const char *keys[UI_MAX_KEYS];   /* "j", "Down", "C-l", "Enter" */
	const char *help;                /* one line, English (translated) */
	enum ui_scope scope;
};

/* The table, UI_A_COUNT - 1 entries in enum order (from UI_A_UP). */
const struct ui_action_def *ui_action_table(int *n);

/* The definition of an action, or NULL. */
const struct ui_action_def *ui_action_get(enum ui_action a);

/* The action bound to key (see UI_FKEY), or UI_A_NONE: the first in the
 * table's order that has the key. */
enum ui_action ui_action_for_key(int key);

/* The same in a view that offers `offered` (UI_A_NONE ended; may be
 * NULL): an action it offers comes first, so that n finds in a list and
 * goes to the next item in a meeting. */
enum ui_action ui_action_for_key_in(int key, const enum ui_action *offered);

/* A key's code from its name ("j", "Down", "C-l", "Enter", "Esc", "å");
 * -1 for an unknown name. */
int ui_key_parse(const char *name);

/* The first key of an action, for hints ("j"); "" when none. */
const char *ui_action_key(enum ui_action a);

/* The keys of an action as bound now, NULL ended in out; how many. */
int ui_action_keys(enum ui_action a, const char *out[UI_MAX_KEYS + 1]);

/*
 * Takes the key bindings of the configuration file (config.h: `bind
 * ACTION KEY...`, ACTION a name of the table): the action has those keys
 * instead of its own, and a key it takes from another action is no
 * longer that one's.  TL_EINVAL naming the line for an unknown action or
 * key, or a key bound twice; the table's own keys then stay.
 */
struct tl_config;
enum tl_status ui_config_keys(const struct tl_config *cfg,
			      struct tl_error *err);
/* Back to the table's own keys. */
void ui_keys_reset(void);

/* Writes doc/keys.md from the table. */
void ui_keys_markdown(FILE *out);

#endif
