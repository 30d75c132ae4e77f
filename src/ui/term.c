/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * term.c - the terminal of the full-screen program: curses started (on
 * the terminal, or headless for the tests), the screen laid out again on
 * a resize, and the terminal restored on quit, on SIGINT, SIGTERM and
 * SIGHUP, on a crash and at exit.  A signal only sets a flag, which the
 * main loop reads (ui_signal).  Before anything is drawn, the terminal
 * named by TERM is looked up (ui_term_check): one that is not set, not
 * known or cannot move the cursor is refused with one sentence, where
 * initscr would print its own words and exit.
 */
#include "app.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "tillit/core/i18n.h"
#include "tillit/core/text.h"
#include "tillit/ui/draw.h"

static volatile sig_atomic_t got_signal;
static bool curses_on;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* A crash must not leave the terminal in raw mode. */
static void on_fatal(int sig)
{
	if (curses_on)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

void ui_term_restore(void)
{
	if (curses_on) {
		endwin();
		curses_on = false;
	}
}

int ui_signal(struct ui_app *app)
{
	(void)app;
	return got_signal;
}

void ui_term_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGSEGV, on_fatal);
	signal(SIGABRT, on_fatal);
	signal(SIGBUS, on_fatal);
	signal(SIGFPE, on_fatal);
	atexit(ui_term_restore);
}

bool ui_term_too_small(const struct ui_app *app)
{
	return app->cols < UI_MIN_COLS || app->rows < UI_MIN_ROWS;
}

void ui_term_layout(struct ui_app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	if (app->body) {
		delwin(app->body);
		app->body = NULL;
	}
	if (!ui_term_too_small(app))
		app->body = derwin(stdscr, app->rows - 3, app->cols, 1, 0);
}

enum tl_status ui_term_check(struct tl_error *err)
{
	const char *term = getenv("TERM");
	const char *cup;
	int found = 0, quoted;

	if (!term || !*term)
		return tl_error_set(err, TL_ESYS, _("TERM is not set, so the "
				    "full-screen program does not know the "
				    "terminal; set it (like "
				    "TERM=xterm-256color) or use the command "
				    "line (tillit --help)."));
	quoted = (int)tl_utf8_prefix(term, 40);
	if (setupterm(term, STDOUT_FILENO, &found) != OK) {
		if (found < 0)
			return tl_error_set(err, TL_ESYS, _("No terminal "
					    "descriptions (terminfo) were "
					    "found for TERM=%.*s; install "
					    "them or use the command line "
					    "(tillit --help)."), quoted, term);
		if (found == 0)
			return tl_error_set(err, TL_ESYS, _("The terminal "
					    "TERM=%.*s is not known here; "
					    "set TERM to one that is (like "
					    "xterm-256color) or use the "
					    "command line (tillit --help)."),
					    quoted, term);
		cup = NULL; /* a hardcopy terminal */
	} else {
		cup = tigetstr("cup");
		if (cup == (const char *)-1)
			cup = NULL;
		del_curterm(cur_term);
	}
	if (!cup)
		return tl_error_set(err, TL_ESYS, _("The terminal TERM=%.*s "
				    "cannot move the cursor, which the "
				    "full-screen program needs; set TERM to "
				    "another one or use the command line "
				    "(tillit --help)."), quoted, term);
	return TL_OK;
}

bool ui_term_start(struct ui_app *app)
{
	if (app->script) {
		if (!ui_headless_start(app))
			return false;
	} else {
		/* newterm, unlike initscr, returns when it cannot start. */
		app->screen = newterm(NULL, stdout, stdin);
		if (!app->screen)
			return false;
		set_term(app->screen);
	}
	curses_on = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	wtimeout(stdscr, UI_POLL_MS);
	mousemask(BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	ui_theme_init();
	ui_term_layout(app);
	return true;
}
