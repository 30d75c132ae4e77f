/*
 * ui.c - a placeholder for the full-screen program, until it is built.
 *
 * It does what the real program will do first: opens (or creates) the
 * database with the default principles, and shows what is waiting (open
 * and overdue follow-ups, active mandates, frames not yet acknowledged)
 * under a title bar.  q quits; SIGINT and SIGTERM quit too, and the
 * terminal is always restored.  Only the store API is used here.
 */
#include "tillit/ui.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "tillit/error.h"
#include "tillit/model.h"
#include "tillit/store.h"

#define UI_BUILDING "The full-screen program is being built; use the " \
	"command line meanwhile (tillit --help)."

static volatile sig_atomic_t ui_signal;

static void ui_on_signal(int sig)
{
	ui_signal = sig;
}

struct ui_counts {
	long open_followups, overdue, mandates, unacked;
};

static enum tl_status ui_load(const char *path, struct ui_counts *cn,
			      struct tl_error *err)
{
	struct tl_store *st = NULL;
	struct tl_query q;
	enum tl_status rc;

	rc = tl_store_open(path, TL_OPEN_CREATE, &st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_seed_principles(st, "vadstena", err);
	if (rc == TL_OK) {
		q = (struct tl_query){.kind = TL_K_FOLLOWUP, .open = true};
		rc = tl_store_count(st, &q, &cn->open_followups, err);
	}
	if (rc == TL_OK) {
		q = (struct tl_query){.kind = TL_K_FOLLOWUP, .overdue = true};
		rc = tl_store_count(st, &q, &cn->overdue, err);
	}
	if (rc == TL_OK) {
		q = (struct tl_query){.kind = TL_K_MANDATE, .open = true};
		rc = tl_store_count(st, &q, &cn->mandates, err);
	}
	if (rc == TL_OK) {
		q = (struct tl_query){.kind = TL_K_FRAME, .open = true,
				      .unacked = true};
		rc = tl_store_count(st, &q, &cn->unacked, err);
	}
	tl_store_close(st);
	return rc;
}

static void ui_draw(const char *path, const struct ui_counts *cn)
{
	int w = COLS;

	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', w);
	mvaddnstr(0, 1, "tillit", w > 1 ? w - 1 : 0);
	if (w > 10 + (int)strlen(path))
		mvaddstr(0, w - 1 - (int)strlen(path), path);
	attroff(A_REVERSE);
	mvprintw(2, 2, "Open follow-ups:        %ld", cn->open_followups);
	mvprintw(3, 2, "Overdue follow-ups:     %ld", cn->overdue);
	mvprintw(4, 2, "Active mandates:        %ld", cn->mandates);
	mvprintw(5, 2, "Unacknowledged frames:  %ld", cn->unacked);
	move(7, 2);
	addstr(UI_BUILDING " Press q to quit.");
	refresh();
}

int ui_main(const char *db_path)
{
	struct sigaction sa, old_int, old_term;
	struct tl_error err = {0};
	struct ui_counts cn = {0};
	enum tl_status rc;
	int ch;

	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fprintf(stderr, "tillit: %s\n", UI_BUILDING);
		return 1;
	}
	rc = ui_load(db_path, &cn, &err);
	if (rc != TL_OK) {
		fprintf(stderr, "tillit: %s\n", err.msg);
		return tl_status_exit_code(rc);
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	if (!initscr()) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		fprintf(stderr, "tillit: Cannot start the terminal screen.\n");
		return 3;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	/* Wake up now and then so that a signal is noticed. */
	timeout(200);
	ui_draw(db_path, &cn);
	while (!ui_signal) {
		ch = getch();
		if (ch == 'q' || ch == 'Q')
			break;
		if (ch == KEY_RESIZE || ch == 12 /* ^L */)
			ui_draw(db_path, &cn);
	}
	endwin();
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (ui_signal)
		return 128 + ui_signal;
	return 0;
}
