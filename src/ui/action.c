/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * action.c - the table of actions and their keys, and what is made from
 * it: key lookup, key names, and the doc/keys.md reference.
 */
#include "tillit/ui/action.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "tillit/core/i18n.h"
#include "tillit/core/config.h"

#define A(act, nm, k1, k2, k3, hp, sc) \
	{.action = act, .name = nm, .keys = {k1, k2, k3, NULL}, .help = hp, \
	 .scope = sc}

static const struct ui_action_def table[] = {
	A(UI_A_UP, NC_("key hint", "move-up"), "k", "Up", NULL, N_("Move up"), UI_SCOPE_MOVE),
	A(UI_A_DOWN, NC_("key hint", "move-down"), "j", "Down", NULL, N_("Move down"),
	  UI_SCOPE_MOVE),
	A(UI_A_PAGE_UP, NC_("key hint", "page-up"), "PageUp", "C-b", NULL, N_("One page up"),
	  UI_SCOPE_MOVE),
	A(UI_A_PAGE_DOWN, NC_("key hint", "page-down"), "PageDown", "C-f", "Space",
	  N_("One page down"), UI_SCOPE_MOVE),
	A(UI_A_TOP, NC_("key hint", "first"), "g", "Home", NULL, N_("Go to the first line"),
	  UI_SCOPE_MOVE),
	A(UI_A_BOTTOM, NC_("key hint", "last"), "G", "End", NULL, N_("Go to the last line"),
	  UI_SCOPE_MOVE),
	A(UI_A_LEFT, NC_("key hint", "left"), "h", "Left", NULL,
	  N_("Previous choice or section"), UI_SCOPE_MOVE),
	A(UI_A_RIGHT, NC_("key hint", "right"), "l", "Right", NULL,
	  N_("Next choice or section"), UI_SCOPE_MOVE),
	A(UI_A_NEXT_PANE, NC_("key hint", "next-pane"), "Tab", NULL, NULL,
	  N_("Next part of the screen"), UI_SCOPE_MOVE),

	A(UI_A_OPEN, NC_("key hint", "open"), "Enter", NULL, NULL, N_("Open what is selected"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_BACK, NC_("key hint", "back"), "q", "Esc", NULL,
	  N_("Go back; quit from the overview"), UI_SCOPE_GLOBAL),
	A(UI_A_QUIT, NC_("key hint", "quit"), "Q", NULL, NULL, N_("Quit tillit"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_HELP, NC_("key hint", "help"), "?", "F1", NULL, N_("Show the keys of this view"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_SEARCH, NC_("key hint", "search"), "/", NULL, NULL, N_("Search everything"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_COMMAND, NC_("key hint", "command"), ":", NULL, NULL,
	  N_("Type a command (a view's name, or q)"), UI_SCOPE_GLOBAL),
	A(UI_A_REDRAW, NC_("key hint", "redraw"), "C-l", NULL, NULL,
	  N_("Reload and redraw the screen"), UI_SCOPE_GLOBAL),
	A(UI_A_GO_OVERVIEW, NC_("key hint", "overview"), "1", NULL, NULL, N_("Overview"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_GO_MEETINGS, NC_("key hint", "meetings"), "2", NULL, NULL, N_("Meetings"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_GO_MANDATES, NC_("key hint", "mandates"), "3", NULL, NULL,
	  N_("Delegation register"), UI_SCOPE_GLOBAL),
	A(UI_A_GO_FRAMES, NC_("key hint", "frames"), "4", NULL, NULL, N_("Frames"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_GO_MY_FRAMES, NC_("key hint", "my-frames"), "5", NULL, NULL,
	  N_("My frames and mandates"), UI_SCOPE_GLOBAL),
	A(UI_A_GO_FOLLOWUPS, NC_("key hint", "followups"), "6", NULL, NULL, N_("Follow-ups"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_GO_ORG, NC_("key hint", "organisation"), "7", NULL, NULL,
	  N_("Organisation: the chain of governance"), UI_SCOPE_GLOBAL),

	A(UI_A_NEW, NC_("key hint", "new"), "a", NULL, NULL, N_("Add a record here"),
	  UI_SCOPE_RECORDS),
	A(UI_A_EDIT, NC_("key hint", "edit"), "e", NULL, NULL, N_("Edit the selected record"),
	  UI_SCOPE_RECORDS),
	A(UI_A_CLOSE, NC_("key hint", "close"), "x", NULL, NULL,
	  N_("Close (revoke, cancel) the selected record"), UI_SCOPE_RECORDS),
	A(UI_A_FILTER, NC_("key hint", "filter"), "f", NULL, NULL, N_("Filter the list"),
	  UI_SCOPE_RECORDS),
	A(UI_A_DONE, NC_("key hint", "done"), "d", NULL, NULL,
	  N_("Mark a follow-up done, with its outcome"), UI_SCOPE_RECORDS),
	A(UI_A_REASSIGN, NC_("key hint", "reassign"), "o", NULL, NULL,
	  N_("Give a follow-up to another owner"), UI_SCOPE_RECORDS),
	A(UI_A_ACK, NC_("key hint", "acknowledge"), "A", NULL, NULL,
	  N_("Acknowledge a frame you hold"), UI_SCOPE_RECORDS),
	A(UI_A_VERSIONS, NC_("key hint", "versions"), "v", NULL, NULL,
	  N_("Show earlier versions of a frame"), UI_SCOPE_RECORDS),
	A(UI_A_LOG_DECISION, NC_("key hint", "log-decision"), "L", NULL, NULL,
	  N_("Log a decision taken under a mandate"), UI_SCOPE_RECORDS),

	A(UI_A_RUN, NC_("key hint", "run"), "r", NULL, NULL, N_("Run the meeting"),
	  UI_SCOPE_MEETING),
	A(UI_A_NEXT_ITEM, NC_("key hint", "next-item"), "n", NULL, NULL,
	  N_("Next agenda item"), UI_SCOPE_MEETING),
	A(UI_A_PREV_ITEM, NC_("key hint", "previous-item"), "p", NULL, NULL,
	  N_("Previous agenda item"), UI_SCOPE_MEETING),
	A(UI_A_NOTES, NC_("key hint", "notes"), "N", NULL, NULL, N_("Write the item's notes"),
	  UI_SCOPE_MEETING),
	A(UI_A_DECISION, NC_("key hint", "decision"), "D", NULL, NULL,
	  N_("Write the item's decision"), UI_SCOPE_MEETING),
	A(UI_A_EDITOR, NC_("key hint", "editor"), "E", NULL, NULL,
	  N_("Write the decision in $EDITOR"), UI_SCOPE_MEETING),
	A(UI_A_ITEM_KIND, NC_("key hint", "item-kind"), "K", NULL, NULL,
	  N_("Information, discussion or decision"), UI_SCOPE_MEETING),
	A(UI_A_QUESTION, NC_("key hint", "what-or-how"), "w", NULL, NULL,
	  N_("A what or a how question"), UI_SCOPE_MEETING),
	A(UI_A_DECIDED_BY, NC_("key hint", "decided-by"), "b", NULL, NULL,
	  N_("Decided by politics or administration"), UI_SCOPE_MEETING),
	A(UI_A_TAGS, NC_("key hint", "principles"), "P", NULL, NULL,
	  N_("Governance principles the item touches"), UI_SCOPE_MEETING),
	A(UI_A_ADD_ITEM, NC_("key hint", "add-item"), "i", NULL, NULL,
	  N_("Add an agenda item"), UI_SCOPE_MEETING),
	A(UI_A_ADD_MANDATE, NC_("key hint", "add-mandate"), "m", NULL, NULL,
	  N_("Record a mandate on this item"), UI_SCOPE_MEETING),
	A(UI_A_ADD_FRAME, NC_("key hint", "add-frame"), "F", NULL, NULL,
	  N_("Record a frame on this item"), UI_SCOPE_MEETING),
	A(UI_A_ADD_FOLLOWUP, NC_("key hint", "add-followup"), "u", NULL, NULL,
	  N_("Record a follow-up on this item"), UI_SCOPE_MEETING),
	A(UI_A_ADD_MOTION, NC_("key hint", "add-motion"), "y", NULL, NULL,
	  N_("Record a motion (yrkande) on this item"), UI_SCOPE_MEETING),
	A(UI_A_ADD_VOTE, NC_("key hint", "add-vote"), "V", NULL, NULL,
	  N_("Record a vote on this item"), UI_SCOPE_MEETING),
	A(UI_A_ADD_BALLOT, NC_("key hint", "add-ballot"), "B", NULL, NULL,
	  N_("Record a member's vote in this item's last vote"),
	  UI_SCOPE_MEETING),
	A(UI_A_ADD_ENTRY, NC_("key hint", "add-entry"), "R", NULL, NULL,
	  N_("Record a reservation, note for the record, disqualification, "
	     "basis document, recipient or order of decision"),
	  UI_SCOPE_MEETING),
	A(UI_A_ATTENDANCE, NC_("key hint", "attendance"), "t", NULL, NULL,
	  N_("Mark attendance"), UI_SCOPE_MEETING),
	A(UI_A_CARRY_ON, NC_("key hint", "carry-on"), "c", NULL, NULL,
	  N_("Carry a follow-up on to a new due date"), UI_SCOPE_MEETING),
	A(UI_A_FINISH, NC_("key hint", "finish"), "H", NULL, NULL,
	  N_("Finish the meeting (held)"), UI_SCOPE_MEETING),
	A(UI_A_DEMO, NC_("key hint", "demo"), "T", NULL, NULL,
	  N_("Try tillit: fill an empty database with demo data"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_SIGN, NC_("key hint", "sign"), "S", NULL, NULL,
	  N_("Sign the minutes (justering); the last signature locks them"),
	  UI_SCOPE_MEETING),
	A(UI_A_MINUTES, NC_("key hint", "minutes"), "M", NULL, NULL,
	  N_("Preview the minutes or the summary"), UI_SCOPE_MEETING),
	A(UI_A_EXPORT, NC_("key hint", "export"), "X", NULL, NULL,
	  N_("Export the list, or a meeting's minutes or follow-ups, to a "
	     "file"), UI_SCOPE_EXPORT),
	A(UI_A_EXTRACT, NC_("key hint", "export-extract"), "U", NULL, NULL,
	  N_("Export the current § as an extract of the minutes "
	     "(protokollsutdrag)"), UI_SCOPE_MEETING),
	A(UI_A_PRIVATE_NOTE, NC_("key hint", "private-note"), "W", NULL, NULL,
	  N_("Write a private note on this person, meeting or item: only "
	     "you will ever read it"), UI_SCOPE_RECORDS),
	A(UI_A_PLAN_NEXT, NC_("key hint", "plan-next"), "+", NULL, NULL,
	  N_("Plan the next meeting of the series, with its participants "
	     "and standing agenda"), UI_SCOPE_MEETING),
	A(UI_A_GO_SETUP, NC_("key hint", "setup"), "8", NULL, NULL,
	  N_("Set up: units, people, series and governance balances"),
	  UI_SCOPE_GLOBAL),
	A(UI_A_GO_GOALS, NC_("key hint", "goals"), "9", NULL, NULL,
	  N_("Goals: the goal tree by unit, each goal's latest assessment "
	     "and its indicators"), UI_SCOPE_GLOBAL),
	A(UI_A_TAKE_OFFER, NC_("key hint", "take-offer"), "I", NULL, NULL,
	  N_("Take the selected offer (a report-back or a report on "
	     "carrying out that falls due) as an agenda item"),
	  UI_SCOPE_MEETING),
	A(UI_A_DROP_OFFER, NC_("key hint", "drop-offer"), "-", NULL, NULL,
	  N_("Drop the selected offer from this meeting's agenda"),
	  UI_SCOPE_MEETING),
	A(UI_A_FIND_NEXT, NC_("key hint", "find-next"), "n", NULL, NULL,
	  N_("Find the next line with the words of the last search (asked "
	     "for when there was none)"), UI_SCOPE_FIND),
	A(UI_A_FIND_PREV, NC_("key hint", "find-previous"), "N", NULL, NULL,
	  N_("Find the line before with those words"), UI_SCOPE_FIND),
};

_Static_assert(sizeof(table) / sizeof(table[0]) == UI_A_COUNT - 1,
	       "one table entry per action");

const struct ui_action_def *ui_action_table(int *n)
{
	*n = (int)(sizeof(table) / sizeof(table[0]));
	return table;
}

const struct ui_action_def *ui_action_get(enum ui_action a)
{
	if (a <= UI_A_NONE || a >= UI_A_COUNT)
		return NULL;
	return &table[a - 1];
}

static const struct {
	const char *name;
	int key;
} named[] = {
	{"Up", UI_FKEY(KEY_UP)},
	{"Down", UI_FKEY(KEY_DOWN)},
	{"Left", UI_FKEY(KEY_LEFT)},
	{"Right", UI_FKEY(KEY_RIGHT)},
	{"PageUp", UI_FKEY(KEY_PPAGE)},
	{"PageDown", UI_FKEY(KEY_NPAGE)},
	{"Home", UI_FKEY(KEY_HOME)},
	{"End", UI_FKEY(KEY_END)},
	{"F1", UI_FKEY(KEY_F(1))},
	{"Backspace", UI_FKEY(KEY_BACKSPACE)},
	{"Delete", UI_FKEY(KEY_DC)},
	{"BackTab", UI_FKEY(KEY_BTAB)},
	{"Enter", '\n'},
	{"Tab", '\t'},
	{"Esc", 27},
	{"Space", ' '},
};

int ui_key_parse(const char *name)
{
	wchar_t wc;
	size_t n;

	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (!strcmp(named[i].name, name))
			return named[i].key;
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
		return UI_CTRL(name[2]);
	/* F2 ... F12 (F1 is named above). */
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long f = strtol(name + 1, &end, 10);
		if (!*end && f >= 1 && f <= 12)
			return UI_FKEY(KEY_F(f));
	}
	n = mbrtowc(&wc, name, strlen(name), NULL);
	if (n == strlen(name) && n > 0)
		return (int)wc;
	return -1;
}

/* ---- keys from the configuration file ------------------------------ */

#define NACTIONS (sizeof(table) / sizeof(table[0]))

/* The keys `bind` gave an action (is_bound), in place of its own. */
static char *bound[NACTIONS][UI_MAX_KEYS + 1];
static bool is_bound[NACTIONS];

/* The bound action that has key (a code), or -1. */
static int bound_to(int key)
{
	for (size_t i = 0; i < NACTIONS; i++)
		for (int k = 0; is_bound[i] && bound[i][k]; k++)
			if (ui_key_parse(bound[i][k]) == key)
				return (int)i;
	return -1;
}

int ui_action_keys(enum ui_action a, const char *out[UI_MAX_KEYS + 1])
{
	const struct ui_action_def *d = ui_action_get(a);
	int n = 0;

	if (d && is_bound[a - 1]) {
		for (; bound[a - 1][n]; n++)
			out[n] = bound[a - 1][n];
	} else if (d) {
		/* A key bound to another action is that action's now. */
		for (int k = 0; k < UI_MAX_KEYS && d->keys[k]; k++)
			if (bound_to(ui_key_parse(d->keys[k])) < 0)
				out[n++] = d->keys[k];
	}
	out[n] = NULL;
	return n;
}

/* The action whose name (the table's, in English) is name, or NULL. */
static const struct ui_action_def *named_action(const char *name)
{
	for (size_t i = 0; i < NACTIONS; i++)
		if (!strcmp(table[i].name, name))
			return &table[i];
	return NULL;
}

enum tl_status ui_config_keys(const struct tl_config *cfg,
			      struct tl_error *err)
{
	enum tl_status rc = TL_OK;

	ui_keys_reset();
	for (int i = 0; rc == TL_OK && i < cfg->nbinds; i++) {
		const struct tl_config_line *l = &cfg->binds[i];
		const struct ui_action_def *d =
			l->nwords ? named_action(l->words[0]) : NULL;
		int a;

		if (l->nwords < 2 || l->nwords > UI_MAX_KEYS + 1) {
			rc = tl_config_error(cfg, l->line, err, _("write it "
					     "as 'bind ACTION KEY...', with "
					     "one to %d keys, like 'bind "
					     "close C-x'."), UI_MAX_KEYS);
			break;
		}
		if (!d) {
			rc = tl_config_error(cfg, l->line, err, _("there is "
					     "no action '%s' (doc/keys.md "
					     "lists them)."), l->words[0]);
			break;
		}
		a = d->action - 1;
		for (int k = 1; k < l->nwords; k++) {
			int key = ui_key_parse(l->words[k]), other;

			other = key < 0 ? -1 : bound_to(key);
			if (key < 0) {
				rc = tl_config_error(cfg, l->line, err,
					_("'%s' is no key tillit knows: a "
					"character, C-x, F1 to F12, Enter, "
					"Esc, Tab, BackTab, Space, Up, "
					"Down, Left, Right, PageUp, "
					"PageDown, Home, End, Backspace or "
					"Delete."), l->words[k]);
			} else if (other >= 0 && other != a) {
				rc = tl_config_error(cfg, l->line, err,
					_("%s is bound to %s already."),
					l->words[k], table[other].name);
			}
			if (rc != TL_OK)
				break;
		}
		if (rc != TL_OK)
			break;
		for (int k = 0; bound[a][k]; k++)
			free(bound[a][k]);
		memset(bound[a], 0, sizeof(bound[a]));
		is_bound[a] = true;
		for (int k = 1; k < l->nwords; k++)
			if (!(bound[a][k - 1] = strdup(l->words[k])))
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
	}
	if (rc != TL_OK)
		ui_keys_reset();
	return rc;
}

void ui_keys_reset(void)
{
	for (size_t i = 0; i < NACTIONS; i++) {
		for (int k = 0; bound[i][k]; k++)
			free(bound[i][k]);
		memset(bound[i], 0, sizeof(bound[i]));
		is_bound[i] = false;
	}
}

/* Whether action a has key (a code) as bound now. */
static bool bound_key(enum ui_action a, int key)
{
	const char *keys[UI_MAX_KEYS + 1];

	ui_action_keys(a, keys);
	for (int k = 0; keys[k]; k++)
		if (ui_key_parse(keys[k]) == key)
			return true;
	return false;
}

enum ui_action ui_action_for_key_in(int key, const enum ui_action *offered)
{
	/* Curses reports Enter as KEY_ENTER on some terminals, and \r. */
	if (key == UI_FKEY(KEY_ENTER) || key == '\r')
		key = '\n';
	for (int i = 0; offered && offered[i] != UI_A_NONE; i++)
		if (bound_key(offered[i], key))
			return offered[i];
	for (size_t i = 0; i < NACTIONS; i++)
		if (bound_key(table[i].action, key))
			return table[i].action;
	return UI_A_NONE;
}

enum ui_action ui_action_for_key(int key)
{
	return ui_action_for_key_in(key, NULL);
}

const char *ui_action_key(enum ui_action a)
{
	const char *keys[UI_MAX_KEYS + 1];

	return ui_action_keys(a, keys) > 0 ? keys[0] : "";
}

void ui_keys_markdown(FILE *out)
{
	static const char *const heads[] = {
		"Moving", "Everywhere", "Records", "Exporting",
		"Running a meeting", "Finding (in lists and pages)",
	};

	fputs("# Keys of the full-screen program\n\n"
	      "This file is generated from the table of actions in "
	      "`src/ui/action.c`\n"
	      "(`tillit ui --keys-md`); a test fails when the two differ.\n"
	      "Press `?` in any view to see the keys that work there.\n",
	      out);
	for (int s = UI_SCOPE_MOVE; s < UI_SCOPE_COUNT; s++) {
		fprintf(out, "\n## %s\n\n| Keys | Action | What it does |\n"
			"|---|---|---|\n", heads[s]);
		for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
			if (table[i].scope != (enum ui_scope)s)
				continue;
			fputs("| ", out);
			for (int k = 0; k < UI_MAX_KEYS && table[i].keys[k];
			     k++)
				fprintf(out, "%s`%s`", k ? ", " : "",
					table[i].keys[k]);
			fprintf(out, " | %s | %s |\n", table[i].name,
				table[i].help);
		}
	}
}
