/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * app.h - the full-screen program's app, shared by the files that make
 * it (private to src/ui): app.c runs the main loop and the stack of
 * views, term.c the terminal, headless.c the tests' script and screen
 * dump, prompt.c the prompts and the external editor, and draft_offer.c
 * the drafts offered back at start.  Views and forms use view.h, never
 * this.
 */
#ifndef TILLIT_UI_APP_H
#define TILLIT_UI_APP_H

#include <stdbool.h>
#include <stdio.h>

#include <curses.h>

#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"
#include "tillit/ui/ui.h"
#include "tillit/ui/view.h"

#define UI_MAX_VIEWS 16
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 16
#define UI_POLL_MS 500
#define UI_MAX_MODALS 4

struct ui_app {
	const struct ui_options *opt;
	struct tl_store *st;
	struct tl_refs refs;
	char me[TL_ID_LEN + 1];
	char me_name[128];
	struct view views[UI_MAX_VIEWS];
	int nviews;
	WINDOW *body;
	int rows, cols;
	char status[1100];
	bool status_error;
	bool offline;         /* the database could not be reached */
	bool running;
	int exit_code;
	long change_count;
	/* Headless: the script and the keys still queued from its line. */
	FILE *script;
	int queue[512];
	int nqueue, qpos;
	MEVENT mouse;
	SCREEN *screen; /* curses' screen, on the terminal or headless */
	FILE *null_in, *null_out;
	/* Modal windows drawn over the views (forms, pick-lists). */
	struct {
		void (*draw)(struct ui_app *app, void *data);
		void *data;
	} modal[UI_MAX_MODALS];
	int nmodals;
	/* The record just added, while ui_added reloads the views. */
	enum tl_kind added_kind;
	char added_id[TL_ID_LEN + 1];
};

/* ---- the app (app.c) ------------------------------------------------- */

/*
 * The next key, from the script or the terminal, as ui_read_key gives it
 * but without laying out the screen on a resize: -1 at the end of the
 * script or on a signal, 0 when another program changed the data (the
 * views are reloaded; redraw).
 */
int ui_app_read_key(struct ui_app *app);

/* ---- the terminal (term.c) ------------------------------------------- */

/*
 * Whether the terminal that TERM names can hold the full-screen program:
 * TERM set, known to terminfo, and able to move the cursor.  Else
 * TL_ESYS with one sentence saying which, and what to do.  Draws
 * nothing and leaves the terminal as it was.
 */
enum tl_status ui_term_check(struct tl_error *err);

/*
 * Starts curses on the terminal, or headless (ui_headless_start) when
 * there is a script, and lays out the screen.  False when it cannot.
 */
bool ui_term_start(struct ui_app *app);

/* Catches SIGINT, SIGTERM and SIGHUP (ui_signal then tells) and restores
 * the terminal on a crash and at exit. */
void ui_term_catch_signals(void);

/* Ends curses, if it runs; safe to call more than once. */
void ui_term_restore(void);

/* Sizes the screen anew (at the start and after a resize): app->rows,
 * app->cols and the views' window app->body (NULL when too small). */
void ui_term_layout(struct ui_app *app);

/* True when the screen is smaller than the program can draw in. */
bool ui_term_too_small(const struct ui_app *app);

/* ---- the headless script (headless.c) -------------------------------- */

/* Starts curses on no terminal, at the size the options ask for (30×100
 * by default).  False when it cannot. */
bool ui_headless_start(struct ui_app *app);

/* Closes the script and the headless screen (after ui_term_restore). */
void ui_headless_end(struct ui_app *app);

/* Queues the keys of the script's next line that has any, running its
 * dump and resize lines on the way; false at the end of the script. */
bool ui_headless_line(struct ui_app *app);

/* ---- drafts (draft_offer.c) ------------------------------------------ */

/*
 * Offers back, one by one, the drafts that signals left (draft.h): Enter
 * opens the form again with what was typed, Esc throws the draft away.
 */
void ui_drafts_offer(struct ui_app *app);

#endif
