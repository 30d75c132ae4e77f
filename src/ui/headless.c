/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * headless.c - the full-screen program without a terminal, for the tests
 * (tig's test design): curses draws on a screen that goes to /dev/null,
 * keys come from a script (ui.h lists its commands), and a `dump` line
 * prints the screen as text.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "tillit/ui/action.h"

/* The screen as text, one line a row, for the tests. */
static void dump_screen(struct ui_app *app)
{
	FILE *out = app->opt->dump_out ? app->opt->dump_out : stdout;
	/* A cell holds a character and up to CCHARW_MAX - 1 combining
	 * marks: room for all of them, or a row of such names is cut. */
	int most = app->cols * CCHARW_MAX;
	wchar_t *line = calloc((size_t)most + 1, sizeof(wchar_t));
	char buf[16];

	if (!line)
		return;
	for (int y = 0; y < app->rows; y++) {
		int n = mvwinnwstr(stdscr, y, 0, line, most);
		if (n < 0)
			n = 0;
		line[n] = L'\0';
		/* Trailing blanks are not part of what anyone reads. */
		while (n > 0 && line[n - 1] == L' ')
			line[--n] = L'\0';
		for (int i = 0; i < n; i++) {
			mbstate_t ps;
			memset(&ps, 0, sizeof(ps));
			size_t k = wcrtomb(buf, line[i], &ps);
			if (k != (size_t)-1)
				fwrite(buf, 1, k, out);
		}
		fputc('\n', out);
	}
	fputs("----\n", out);
	fflush(out);
	free(line);
}

bool ui_headless_start(struct ui_app *app)
{
	app->null_out = fopen("/dev/null", "w");
	app->null_in = fopen("/dev/null", "r");
	if (!app->null_out || !app->null_in)
		return false;
	/* A plain terminal type that every system has. */
	app->screen = newterm("vt100", app->null_out, app->null_in);
	if (!app->screen)
		return false;
	set_term(app->screen);
	resize_term(app->opt->rows > 0 ? app->opt->rows : 30,
		    app->opt->cols > 0 ? app->opt->cols : 100);
	return true;
}

void ui_headless_end(struct ui_app *app)
{
	if (app->script)
		fclose(app->script);
	if (app->screen)
		delscreen(app->screen);
	if (app->null_in)
		fclose(app->null_in);
	if (app->null_out)
		fclose(app->null_out);
}

bool ui_headless_line(struct ui_app *app)
{
	char line[2048];

	for (;;) {
		if (!fgets(line, sizeof(line), app->script))
			return false;
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "key ", 4)) {
			char *save = NULL;
			for (char *t = strtok_r(line + 4, " ", &save); t;
			     t = strtok_r(NULL, " ", &save)) {
				int k = ui_key_parse(t);
				if (k >= 0 && app->nqueue < 512)
					app->queue[app->nqueue++] = k;
			}
		} else if (!strncmp(line, "type ", 5)) {
			const char *p = line + 5;
			mbstate_t ps;
			memset(&ps, 0, sizeof(ps));
			while (*p && app->nqueue < 512) {
				wchar_t wc;
				size_t n = mbrtowc(&wc, p, strlen(p), &ps);
				if (n == 0 || n == (size_t)-1 || n == (size_t)-2)
					break;
				app->queue[app->nqueue++] = (int)wc;
				p += n;
			}
		} else if (!strncmp(line, "click ", 6)) {
			/* A left click at column x, row y of the screen. */
			int x = 0, y = 0;
			if (sscanf(line + 6, "%d %d", &x, &y) == 2) {
				memset(&app->mouse, 0, sizeof(app->mouse));
				app->mouse.x = x;
				app->mouse.y = y;
				app->mouse.bstate = BUTTON1_CLICKED;
				app->queue[app->nqueue++] = UI_FKEY(KEY_MOUSE);
			}
		} else if (!strcmp(line, "dump")) {
			ui_draw_now(app);
			dump_screen(app);
		} else if (!strncmp(line, "resize ", 7)) {
			int c = 0, r = 0;
			if (sscanf(line + 7, "%dx%d", &c, &r) == 2 && c > 0 &&
			    r > 0) {
				resize_term(r, c);
				ui_term_layout(app);
				ui_draw_now(app);
			}
		} else {
			continue; /* comments and blank lines */
		}
		if (app->nqueue > 0)
			return true;
	}
}
