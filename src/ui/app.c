/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * app.c - the app: the stack of views, the title, status and key-hint
 * bars, the app's own actions, and the main loop read key -> action ->
 * view -> redraw.  No threads touch curses.  The terminal is term.c's,
 * the headless screen of the tests headless.c's, the prompts
 * prompt.c's, and the drafts offered back at start draft_offer.c's.
 *
 * Live data: while waiting for a key, the loop polls the store's data
 * version every half second, and tells the views when another program
 * has changed the database.
 */
#include "tillit/ui/ui.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "tillit/ui/action.h"
#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"
#include "app.h"
#include "tillit/ui/view.h"

struct tl_store *ui_store(struct ui_app *app)
{
	return app->st;
}

struct tl_refs *ui_refs(struct ui_app *app)
{
	return &app->refs;
}

const char *ui_me(struct ui_app *app)
{
	return app->me[0] ? app->me : NULL;
}

bool ui_actor(struct ui_app *app, char id[TL_ID_LEN + 1])
{
	struct tl_error err = {0};

	if (tl_store_actor(app->st, id, &err) == TL_OK)
		return true;
	ui_error(app, &err);
	return false;
}

void ui_status(struct ui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->status, sizeof(app->status), fmt, ap);
	va_end(ap);
	app->status_error = false;
}

void ui_error(struct ui_app *app, const struct tl_error *err)
{
	snprintf(app->status, sizeof(app->status), "%s",
		 err && err->msg[0] ? err->msg : _("Something failed."));
	app->status_error = true;
}

bool ui_mouse_click(struct ui_app *app, int key, int *row)
{
	if (key != UI_FKEY(KEY_MOUSE) ||
	    !(app->mouse.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
				   BUTTON1_RELEASED)))
		return false;
	/* The view's area starts under the title bar. */
	if (app->mouse.y < 1 || app->mouse.y >= app->rows - 2)
		return false;
	*row = app->mouse.y - 1;
	return true;
}

const char *ui_key_name(enum ui_action a)
{
	return ui_action_key(a);
}

static struct view *top(struct ui_app *app)
{
	return app->nviews > 0 ? &app->views[app->nviews - 1] : NULL;
}

bool ui_push(struct ui_app *app, const struct view_ops *ops, const void *arg)
{
	struct view *v;

	if (app->nviews == UI_MAX_VIEWS) {
		ui_status(app, "%s", _("Too many screens are open; go back "
				       "with q first."));
		app->status_error = true;
		return false;
	}
	v = &app->views[app->nviews];
	memset(v, 0, sizeof(*v));
	v->ops = ops;
	v->app = app;
	snprintf(v->title, sizeof(v->title), "%s", _(ops->title));
	if (ops->open && !ops->open(v, arg)) {
		if (ops->close)
			ops->close(v);
		return false;
	}
	app->nviews++;
	return true;
}

void ui_pop(struct ui_app *app)
{
	struct view *v = top(app);

	if (!v)
		return;
	if (v->ops->close)
		v->ops->close(v);
	app->nviews--;
}

bool ui_view_offers(struct view *v, enum ui_action a)
{
	return !v || !v->ops->offers || v->ops->offers(v, a);
}

bool ui_open_record(struct ui_app *app, enum tl_kind kind, const char *id)
{
	static char ids[UI_MAX_VIEWS][TL_ID_LEN + 1];
	struct ui_record_arg arg = {.kind = kind, .id = id};

	int slot = app->nviews < UI_MAX_VIEWS ? app->nviews : UI_MAX_VIEWS - 1;

	/* The meeting view keeps a pointer: give it a copy that lives. */
	snprintf(ids[slot], sizeof(ids[0]), "%s", id);
	if (kind == TL_K_MEETING)
		return ui_push(app, &ui_view_meeting, ids[slot]);
	return ui_push(app, &ui_view_record, &arg);
}

void ui_changed(struct ui_app *app)
{
	struct tl_error err;

	/* Names may have changed too. */
	tl_refs_done(&app->refs);
	tl_refs_init(&app->refs, app->st);
	for (int i = 0; i < app->nviews; i++)
		if (app->views[i].ops->reload)
			app->views[i].ops->reload(&app->views[i]);
	tl_store_change_count(app->st, &app->change_count, &err);
}

void ui_added(struct ui_app *app, const struct tl_record *r)
{
	app->added_kind = r->e->kind;
	memcpy(app->added_id, r->id, sizeof(app->added_id));
	ui_changed(app);
	app->added_id[0] = '\0';
}

const char *ui_added_id(const struct ui_app *app, enum tl_kind kind)
{
	return app->added_id[0] && app->added_kind == kind ? app->added_id
							   : NULL;
}

/* ---- keys ------------------------------------------------------------ */

int ui_app_read_key(struct ui_app *app)
{
	wint_t wc;
	int rc;

	if (app->script) {
		while (app->qpos >= app->nqueue) {
			app->qpos = app->nqueue = 0;
			if (!ui_headless_line(app))
				return -1;
		}
		return app->queue[app->qpos++];
	}
	for (;;) {
		if (ui_signal(app))
			return -1;
		rc = wget_wch(stdscr, &wc);
		if (rc == KEY_CODE_YES) {
			if (wc == KEY_MOUSE && getmouse(&app->mouse) != OK)
				continue;
			return UI_FKEY((int)wc);
		}
		if (rc == OK)
			return (int)wc;
		/* A timeout: see whether someone else changed the data. */
		long v = 0;
		struct tl_error err;
		if (tl_store_change_count(app->st, &v, &err) != TL_OK) {
			/* A server that went away: said once, and tried
			 * again at every timeout (the store reconnects). */
			if (!app->offline) {
				app->offline = true;
				ui_error(app, &err);
				return 0;
			}
			continue;
		}
		if (app->offline) {
			app->offline = false;
			ui_status(app, "%s", _("Connected to the database "
					       "again."));
		}
		if (v != app->change_count) {
			app->change_count = v;
			ui_changed(app);
			return 0; /* redraw */
		}
	}
}

/* ---- drawing --------------------------------------------------------- */

static void draw_bars(struct ui_app *app)
{
	struct view *v = top(app);
	char right[200], hints[600] = "";
	size_t len = 0;

	ui_fill(stdscr, 0, 0, UI_R_TITLE, 0);
	ui_put(stdscr, 0, 1, app->cols / 2, v ? v->title : "tillit",
	       UI_R_TITLE, 0);
	snprintf(right, sizeof(right), "%s%s%s", app->me_name[0] ? app->me_name
		 : "", app->me_name[0] ? "  " : "", "tillit");
	ui_put_right(stdscr, 0, app->cols / 2, app->cols - app->cols / 2 - 1,
		     right, UI_R_TITLE, 0);

	ui_fill(stdscr, app->rows - 2, 0, app->status_error ? UI_R_ERROR
		: UI_R_STATUS, 0);
	ui_put(stdscr, app->rows - 2, 1, app->cols - 2, app->status,
	       app->status_error ? UI_R_ERROR : UI_R_STATUS, 0);

	/* The hints: the view's own actions that fit, then help and back,
	 * which always do (the help lists the rest). */
	const enum ui_action *acts = v ? v->ops->actions : NULL;
	char tail[96];
	size_t room;

	snprintf(tail, sizeof(tail), "%s %s  %s %s", ui_action_key(UI_A_HELP),
		 _("help"), ui_action_key(UI_A_BACK), _("back"));
	room = app->cols > 2 ? (size_t)app->cols - 2 : 0;
	room = room > tl_text_width(tail) ? room - tl_text_width(tail) : 0;
	for (int i = 0; acts && acts[i] != UI_A_NONE; i++) {
		const struct ui_action_def *d = ui_action_get(acts[i]);
		int n;

		if (!*ui_action_key(acts[i]) || !ui_view_offers(v, acts[i]))
			continue; /* its keys went to others, or not here */
		n = snprintf(hints + len, sizeof(hints) - len, "%s %s  ",
			     ui_action_key(acts[i]),
			     tl_pgettext_in("key hint", d->name));
		if (n < 0 || (size_t)n >= sizeof(hints) - len)
			break;
		if (tl_text_width(hints) > room) {
			hints[len] = '\0'; /* not this one: it does not fit */
			break;
		}
		len += (size_t)n;
	}
	snprintf(hints + len, sizeof(hints) - len, "%s", tail);
	ui_fill(stdscr, app->rows - 1, 0, UI_R_HINT, 0);
	ui_put(stdscr, app->rows - 1, 1, app->cols - 2, hints, UI_R_HINT, 0);
}

static void draw_too_small(struct ui_app *app)
{
	char msg[200];

	erase();
	snprintf(msg, sizeof(msg), _("Please enlarge the window to at least "
				     "%d×%d (it is %d×%d now)."),
		 UI_MIN_COLS, UI_MIN_ROWS, app->cols, app->rows);
	for (int y = 0; y < app->rows; y++)
		ui_fill(stdscr, y, 0, UI_R_NORMAL, 0);
	ui_put(stdscr, app->rows / 2, 0, app->cols, msg, UI_R_ERROR, 0);
}


static void draw(struct ui_app *app)
{
	struct view *v = top(app);

	if (ui_term_too_small(app) || !app->body) {
		draw_too_small(app);
	} else {
		werase(stdscr);
		draw_bars(app);
		if (v && v->ops->draw)
			v->ops->draw(v, app->body, app->rows - 3, app->cols);
		for (int i = 0; i < app->nmodals; i++)
			app->modal[i].draw(app, app->modal[i].data);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- for modal screens (form.c, pick.c) ------------------------------ */

int ui_read_key(struct ui_app *app)
{
	int key = ui_app_read_key(app);

	if (key == UI_FKEY(KEY_RESIZE))
		ui_term_layout(app);
	return key;
}

void ui_draw_now(struct ui_app *app)
{
	draw(app);
}

bool ui_modal_push(struct ui_app *app,
		   void (*fn)(struct ui_app *app, void *data), void *data)
{
	if (app->nmodals == UI_MAX_MODALS)
		return false;
	app->modal[app->nmodals].draw = fn;
	app->modal[app->nmodals].data = data;
	app->nmodals++;
	return true;
}

void ui_modal_pop(struct ui_app *app)
{
	if (app->nmodals > 0)
		app->nmodals--;
}

/* ---- the app's own actions ------------------------------------------- */

static void go_view(struct ui_app *app, enum ui_action a);

static void command(struct ui_app *app)
{
	char *cmd = ui_prompt(app, ":", NULL);
	static const struct {
		const char *name;
		enum ui_action a;
	} names[] = {
		{"overview", UI_A_GO_OVERVIEW}, {"meetings", UI_A_GO_MEETINGS},
		{"mandates", UI_A_GO_MANDATES}, {"frames", UI_A_GO_FRAMES},
		{"my", UI_A_GO_MY_FRAMES}, {"followups", UI_A_GO_FOLLOWUPS},
		{"org", UI_A_GO_ORG}, {"organisation", UI_A_GO_ORG},
		{"setup", UI_A_GO_SETUP}, {"goals", UI_A_GO_GOALS},
	};

	if (!cmd)
		return;
	if (!strcmp(cmd, "q") || !strcmp(cmd, "quit")) {
		app->running = false;
	} else {
		bool found = false;
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (!strcmp(cmd, names[i].name)) {
				go_view(app, names[i].a);
				found = true;
			}
		if (!found && ui_setup_open_list(app, cmd))
			found = true;
		if (!found && cmd[0]) {
			ui_status(app, _("Unknown command \"%.40s\"; try "
					 "meetings, mandates, frames, my, "
					 "followups, org, setup, units, "
					 "people, series, balances or q."),
				  cmd);
			app->status_error = true;
		}
	}
	free(cmd);
}

static void search(struct ui_app *app)
{
	char *q = ui_prompt(app, _("Search:"), NULL);

	if (q && *q) {
		ui_find_set(q); /* what n and N find in a view */
		ui_push(app, &ui_view_search, q);
	}
	free(q);
}

extern const struct view_ops ui_view_help;

static void go_view(struct ui_app *app, enum ui_action a)
{
	static struct ui_list_arg args[UI_A_COUNT];
	struct ui_list_arg *arg = &args[a];
	struct view *t = top(app);
	int had;

	/* Already there: the overview at the bottom, or the view on top. */
	if (t && (t->opened_by == a ||
		  (a == UI_A_GO_OVERVIEW && app->nviews == 1)))
		return;
	/* The view opens on top of those open, which keep their place and
	 * state (a running meeting its step) for q to come back to; when
	 * the stack is full, on top of the overview alone. */
	if (app->nviews == UI_MAX_VIEWS)
		while (app->nviews > 1)
			ui_pop(app);
	had = app->nviews;
	memset(arg, 0, sizeof(*arg));
	switch (a) {
	case UI_A_GO_OVERVIEW:
		if (app->nviews > 1)
			ui_push(app, &ui_view_overview, NULL);
		break;
	case UI_A_GO_MEETINGS:
		arg->query.kind = TL_K_MEETING;
		arg->title = N_("Meetings");
		arg->name = "meetings";
		break;
	case UI_A_GO_MANDATES:
		arg->query.kind = TL_K_MANDATE;
		arg->title = N_("Delegation register");
		arg->name = "mandates";
		break;
	case UI_A_GO_FRAMES:
		arg->query.kind = TL_K_FRAME;
		arg->title = N_("Frames");
		arg->name = "frames";
		break;
	case UI_A_GO_MY_FRAMES:
		ui_push(app, &ui_view_my, NULL);
		break;
	case UI_A_GO_FOLLOWUPS:
		arg->query.kind = TL_K_FOLLOWUP;
		arg->title = N_("Follow-ups");
		arg->name = "followups";
		break;
	case UI_A_GO_ORG:
		ui_push(app, &ui_view_org, NULL);
		break;
	case UI_A_GO_SETUP:
		ui_push(app, &ui_view_setup, NULL);
		break;
	case UI_A_GO_GOALS:
		ui_push(app, &ui_view_goals, NULL);
		break;
	default:
		return;
	}
	if (arg->name)
		ui_push(app, &ui_view_list, arg);
	if (app->nviews > had)
		top(app)->opened_by = a;
}

static void handle(struct ui_app *app, int key)
{
	struct view *v = top(app);
	enum ui_action a = ui_action_for_key_in(key, v ? v->ops->actions
						 : NULL);

	if (key == UI_FKEY(KEY_RESIZE)) {
		ui_term_layout(app);
		return;
	}
	if (key == UI_FKEY(KEY_MOUSE)) {
		if (app->mouse.bstate & BUTTON4_PRESSED)
			a = UI_A_UP;
		else if (app->mouse.bstate & BUTTON5_PRESSED)
			a = UI_A_DOWN;
	}
	if (ui_term_too_small(app)) {
		if (a == UI_A_QUIT || a == UI_A_BACK)
			app->running = false;
		return;
	}
	app->status[0] = '\0';
	app->status_error = false;
	if (v && v->ops->handle && v->ops->handle(v, a, key) == UI_DONE)
		return;
	switch (a) {
	case UI_A_BACK:
		if (app->nviews > 1)
			ui_pop(app);
		else
			app->running = false;
		break;
	case UI_A_QUIT:
		app->running = false;
		break;
	case UI_A_HELP:
		if (v && v->ops != &ui_view_help)
			ui_push(app, &ui_view_help, v);
		break;
	case UI_A_SEARCH:
		search(app);
		break;
	case UI_A_COMMAND:
		command(app);
		break;
	case UI_A_REDRAW:
		ui_changed(app);
		clearok(curscr, TRUE);
		break;
	case UI_A_GO_OVERVIEW:
	case UI_A_GO_MEETINGS:
	case UI_A_GO_MANDATES:
	case UI_A_GO_FRAMES:
	case UI_A_GO_MY_FRAMES:
	case UI_A_GO_FOLLOWUPS:
	case UI_A_GO_ORG:
	case UI_A_GO_SETUP:
	case UI_A_GO_GOALS:
		go_view(app, a);
		break;
	default:
		break;
	}
}

/* ---- start and end --------------------------------------------------- */

static void find_me(struct ui_app *app)
{
	struct tl_error err;
	char id[TL_ID_LEN + 1];
	struct tl_record *r = NULL;

	/* --as where the database allows it; else, saying why, oneself. */
	if (app->opt->as &&
	    (tl_store_resolve(app->st, TL_K_PERSON, app->opt->as, id,
			      &err) != TL_OK ||
	     tl_store_act_as(app->st, id, &err) != TL_OK))
		ui_error(app, &err);
	if (tl_store_actor(app->st, id, &err) != TL_OK)
		return;
	memcpy(app->me, id, sizeof(app->me));
	if (tl_store_get(app->st, TL_K_PERSON, id, &r, &err) == TL_OK) {
		char *name = tl_text_sanitize(tl_record_str(r, TL_PERSON_NAME),
					      false);
		snprintf(app->me_name, sizeof(app->me_name), "%s",
			 name ? name : "");
		free(name);
		tl_record_free(r);
	}
}

int ui_main(const struct ui_options *opt)
{
	struct ui_app *app = calloc(1, sizeof(*app));
	struct tl_error err = {0};
	enum tl_status rc;
	int key, code, sig;

	if (!app) {
		fputs("tillit: Out of memory.\n", stderr);
		return 3;
	}
	app->opt = opt;
	if (opt->script) {
		app->script = fopen(opt->script, "r");
		if (!app->script) {
			fprintf(stderr, "tillit: Cannot read the script %s: "
				"%s.\n", opt->script, strerror(errno));
			free(app);
			return 1;
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("tillit: The full-screen program needs a terminal; "
		      "see 'tillit --help' for the command line.\n", stderr);
		free(app);
		return 1;
	}
	/* Before a database is made: a terminal it cannot use is refused
	 * with one line, exit status 3. */
	rc = opt->script ? TL_OK : ui_term_check(&err);
	if (rc == TL_OK)
		rc = tl_store_open(opt->db_path, TL_OPEN_CREATE, &app->st,
				   &err);
	if (rc == TL_OK)
		rc = tl_store_seed_principles(app->st, "vadstena", &err);
	if (rc != TL_OK) {
		char *safe = tl_text_sanitize(err.msg, false);
		fprintf(stderr, "tillit: %s\n", safe ? safe : err.msg);
		free(safe);
		tl_store_close(app->st);
		if (app->script)
			fclose(app->script);
		free(app);
		return tl_status_exit_code(rc);
	}
	tl_refs_init(&app->refs, app->st);
	tl_store_change_count(app->st, &app->change_count, &err);

	ui_term_catch_signals();

	if (!ui_term_start(app)) {
		fputs("tillit: Cannot start the screen (is TERM set?).\n",
		      stderr);
		tl_store_close(app->st);
		free(app);
		return 3;
	}
	find_me(app);
	app->running = ui_push(app, &ui_view_overview, NULL);
	ui_drafts_offer(app);
	while (app->running) {
		draw(app);
		key = ui_app_read_key(app);
		if (key < 0)
			break;
		if (key > 0)
			handle(app, key);
	}
	while (app->nviews > 0)
		ui_pop(app);
	if (app->body)
		delwin(app->body);
	ui_term_restore();
	ui_headless_end(app);
	ui_find_forget();
	sig = ui_signal(app);
	code = sig ? 128 + sig : app->exit_code;
	tl_refs_done(&app->refs);
	tl_store_close(app->st);
	free(app);
	return code;
}
