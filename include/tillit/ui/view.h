/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view.h - the screens of the full-screen program, and what the app gives
 * them.
 *
 * Each view is a module with a `struct view_ops` vtable filled by field
 * name (open, draw, handle, reload, close).  The app owns a stack of open
 * views: Enter pushes one, q or Esc pops it.  A key becomes an action
 * (action.h); the top view handles it first and the app handles what the
 * view leaves (moving between views, help, search, quit).
 *
 * Views never run SQL; they use the store API through ui_store().
 */
#ifndef TILLIT_VIEW_H
#define TILLIT_VIEW_H

#include <stdbool.h>

#include <curses.h>

#include "tillit/ui/action.h"
#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"

struct ui_app;
struct view;

enum ui_result {
	UI_PASS, /* not handled here: let the app try */
	UI_DONE, /* handled */
};

struct view_ops {
	const char *name;  /* "overview": for :commands and tests */
	const char *title; /* N_("Overview"): shown in the title bar */
	/* Sets up v->data from arg (what to show); false with a message in
	 * the status line (ui_error) when it cannot open. */
	bool (*open)(struct view *v, const void *arg);
	/* Draws into w, which is the area between the bars. */
	void (*draw)(struct view *v, WINDOW *w, int rows, int cols);
	/* One action (key is the raw key, for text input). */
	enum ui_result (*handle)(struct view *v, enum ui_action a, int key);
	/* The database changed (here or elsewhere): read again. */
	void (*reload)(struct view *v);
	/* Frees v->data.  May be NULL. */
	void (*close)(struct view *v);
	/* Actions shown in the key-hint bar and the help screen,
	 * UI_A_NONE-terminated. */
	const enum ui_action *actions;
	/* Whether one of them works in this view as it is now (a list of
	 * follow-ups has no acknowledge); NULL: all do.  The hint bar and
	 * the help show only those that do. */
	bool (*offers)(struct view *v, enum ui_action a);
};

/* Whether view v offers action a now (its ops' offers, or true). */
bool ui_view_offers(struct view *v, enum ui_action a);

struct view {
	const struct view_ops *ops;
	struct ui_app *app;
	void *data;
	char title[160]; /* set by open: "Meeting: Dialogmöte ..." */
	enum ui_action opened_by; /* the number key that opened it, or
				     UI_A_NONE */
};

/* What the app gives views. */
struct tl_store *ui_store(struct ui_app *app);
struct tl_refs *ui_refs(struct ui_app *app);
/* The id of "me" ($USER's login or --as), or NULL. */
const char *ui_me(struct ui_app *app);
/* The person who acts: the one whose login is the account this runs as,
 * from the OS (--as only chooses whose work the screens show), into id;
 * false, said in the status line, when there is none. */
bool ui_actor(struct ui_app *app, char id[TL_ID_LEN + 1]);
/* A message in the status line (printf-style); errors in its colour. */
void ui_status(struct ui_app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_error(struct ui_app *app, const struct tl_error *err);
/* Opens a view on top; false (with a message) when it cannot open. */
bool ui_push(struct ui_app *app, const struct view_ops *ops, const void *arg);
/* Closes the top view. */
void ui_pop(struct ui_app *app);
/* Opens the screen that shows one record (a meeting, a follow-up, ...). */
bool ui_open_record(struct ui_app *app, enum tl_kind kind, const char *id);
/* Tells every open view that the data changed. */
void ui_changed(struct ui_app *app);
/* The same after r was added: a list of its kind selects it. */
void ui_added(struct ui_app *app, const struct tl_record *r);
/* While ui_added reloads the views: the id of the record added, when it
 * is of this kind; else NULL. */
const char *ui_added_id(const struct ui_app *app, enum tl_kind kind);

/*
 * Finding in a view (find.c), for n and N: the words of the last search,
 * which ui_find_set keeps (the app sets them from `/`), or asked for when
 * there are none; NULL when none were given.  ui_find_match: whether
 * text holds them, whatever the case and accents.  ui_find_none says in
 * the status line that no more lines below (dir 1) or above (-1) do.
 */
void ui_find_set(const char *words);
const char *ui_find_words(struct ui_app *app);
bool ui_find_match(const char *text);
void ui_find_none(struct ui_app *app, int dir);
void ui_find_forget(void);

/*
 * Asks for one line in the status line, prefilled with `initial` (may be
 * NULL).  Returns a new string (caller frees), or NULL when cancelled with
 * Esc.
 */
char *ui_prompt(struct ui_app *app, const char *question,
		const char *initial);

/*
 * Asks question in the status line and waits for one of `keys` (ASCII
 * letters, either case; no Enter needed).  Returns that letter in lower
 * case, or 0 for Esc (or when the input ends).  Other keys are ignored.
 */
int ui_choose(struct ui_app *app, const char *question, const char *keys);

/* Asks a yes/no question, one key (y or j for yes, n or Esc for no);
 * true for yes. */
bool ui_confirm(struct ui_app *app, const char *question);

/*
 * Lets the user edit text in $EDITOR (vi when unset), suspending the
 * screen.  Returns the new text (caller frees), or NULL when the editor
 * failed or the text did not change.
 */
char *ui_edit_external(struct ui_app *app, const char *text);

/*
 * Lets the user pick a record of `kind` from a list filtered as they type
 * (people, units, ...).  Writes its id to out and returns true, or false
 * when cancelled.
 */
bool ui_pick(struct ui_app *app, enum tl_kind kind, const char *question,
	     char out[TL_ID_LEN + 1]);

/*
 * The next key for a modal screen (a form, a pick-list), from the same
 * source as the main loop, so that headless scripts drive it too: a
 * Unicode character, UI_FKEY(curses key) for a function key, 0 when the
 * screen should be redrawn (the data changed elsewhere), or -1 at the end
 * of the script or on a signal (the caller should give up).  A resize has
 * already been laid out when UI_FKEY(KEY_RESIZE) is returned.
 */
int ui_read_key(struct ui_app *app);

/*
 * The signal that asked the program to end (SIGHUP, SIGTERM, SIGINT), or
 * 0.  A modal screen that gets -1 from ui_read_key while this is set
 * should keep what was typed (draft.h) before it gives up.
 */
int ui_signal(struct ui_app *app);

/* Redraws the whole screen now: the views, the bars and the modal
 * windows on top of them (ui_modal_push). */
void ui_draw_now(struct ui_app *app);

/*
 * A modal window over the views: every redraw (ui_draw_now, the prompts,
 * and a `dump` in a headless script) calls draw(app, data) after the
 * views, in the order pushed, so it can copy its windows onto stdscr and
 * place the cursor.  At most a few nest (a pick-list over a form); false
 * when too many.  ui_modal_pop removes the last one pushed.
 */
bool ui_modal_push(struct ui_app *app,
		   void (*draw)(struct ui_app *app, void *data), void *data);
void ui_modal_pop(struct ui_app *app);

/*
 * When the key being handled is a mouse click inside the view's area:
 * true, with the row within that area in *row.
 */
bool ui_mouse_click(struct ui_app *app, int key, int *row);

/* Key for a key-hint or help line: "j", "Enter". */
const char *ui_key_name(enum ui_action a);

/* The views (one module each). */
extern const struct view_ops ui_view_overview;
extern const struct view_ops ui_view_setup;
extern const struct view_ops ui_view_goals;   /* the goal tree */
/* Opens the list of a register of Set up by its name ("units", "people",
 * "series", "balances"); false when there is none of that name. */
bool ui_setup_open_list(struct ui_app *app, const char *name);
extern const struct view_ops ui_view_list;    /* arg: struct ui_list_arg */
extern const struct view_ops ui_view_record;  /* arg: struct ui_record_arg */
extern const struct view_ops ui_view_meeting; /* arg: meeting id */
extern const struct view_ops ui_view_org;
extern const struct view_ops ui_view_search;  /* arg: query */
extern const struct view_ops ui_view_my;      /* the user's frames */
extern const struct view_ops ui_view_minutes; /* arg: meeting id */

/*
 * Asks what to export of a meeting (its minutes, or its follow-ups, in
 * the formats of export/formats.h that the program offers) and where, and
 * writes the file; the outcome is in the status line.
 */
void ui_export_meeting(struct ui_app *app, const char *meeting_id);

/* The same for an extract of one § (protokollsutdrag): item, of the
 * meeting, in a format of the minutes. */
void ui_export_extract(struct ui_app *app, const char *meeting_id,
		       const struct tl_record *item);

/* The goal report (export/goals.h) of unit (a full id), or of every
 * unit when NULL, for the periods it has: asks the format and where. */
void ui_export_goals(struct ui_app *app, const char *unit);

/*
 * Asks where (and in which format, when more than one is offered for the
 * kind) to export every record that q selects, and writes the file; the
 * default file name is name ("followups", or the kind's plural when NULL)
 * with the format's extension.  q's strings need live only for the call.
 */
void ui_export_list(struct ui_app *app, const struct tl_query *q,
		    const char *name);

/* What a list view shows: a query, and a title. */
struct ui_list_arg {
	struct tl_query query; /* string members must outlive the open */
	const char *title;
	const char *name;      /* "followups": for tests and :commands */
};

struct ui_record_arg {
	enum tl_kind kind;
	const char *id;
};

#endif
