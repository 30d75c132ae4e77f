/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * prompt.c - what the full-screen program asks on its status line (a
 * line of text, yes or no), and the user's own editor for a long text.
 */
#include "app.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "tillit/ui/action.h"
#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/export/atomic.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

/*
 * The answer as the status line shows it after question: all of it when
 * it fits in `room` cells with the question, else its end, after "…", so
 * that the cursor at its end stays in view (the line scrolls as one
 * types).  Into out (size bytes).
 */
static void visible_answer(const char *question, const char *text,
			   int room, char *out, size_t size)
{
	const char *p = text;
	int q = (int)tl_text_width(question) + 1;

	if (q + (int)tl_text_width(text) <= room || q + 2 > room) {
		snprintf(out, size, "%s %s", question, text);
		return;
	}
	/* Drop characters from the front until the rest and "…" fit. */
	while (*p && q + 1 + (int)tl_text_width(p) > room) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	snprintf(out, size, "%s \xE2\x80\xA6%s", question, p);
}

/* Draws the screen, then `line` in the status line; the cursor after
 * it when `cursor`.  Nothing on a terminal too small to draw on. */
static void status_question(struct ui_app *app, const char *line,
			    bool cursor)
{
	int at = 1 + (int)tl_text_width(line);

	if (ui_term_too_small(app))
		return;
	ui_draw_now(app);
	ui_fill(stdscr, app->rows - 2, 0, UI_R_STATUS, A_BOLD);
	ui_put(stdscr, app->rows - 2, 1, app->cols - 2, line, UI_R_STATUS,
	       A_BOLD);
	if (cursor) {
		curs_set(1);
		move(app->rows - 2, at < app->cols - 1 ? at : app->cols - 1);
	}
	refresh();
}

char *ui_prompt(struct ui_app *app, const char *question,
		const char *initial)
{
	wchar_t buf[1024];
	size_t len = 0;
	int key;

	buf[0] = L'\0';
	if (initial) {
		mbstate_t ps;
		const char *p = initial;
		memset(&ps, 0, sizeof(ps));
		len = mbsrtowcs(buf, &p, 1023, &ps);
		if (len == (size_t)-1)
			len = 0;
		buf[len] = L'\0';
	}
	for (;;) {
		char text[4200], line[4400];
		size_t w;
		mbstate_t ps;
		const wchar_t *src = buf;

		memset(&ps, 0, sizeof(ps));
		w = wcsrtombs(text, &src, sizeof(text) - 1, &ps);
		if (w == (size_t)-1)
			w = 0;
		text[w] = '\0';
		/* One cell for the cursor after the text. */
		visible_answer(question, text, app->cols - 3, line,
			       sizeof(line));
		status_question(app, line, true);
		key = ui_app_read_key(app);
		if (key < 0 || key == 27) {
			curs_set(0);
			app->status[0] = '\0';
			if (key < 0)
				app->running = false;
			return NULL;
		}
		if (key == '\n' || key == '\r' || key == UI_FKEY(KEY_ENTER)) {
			curs_set(0);
			app->status[0] = '\0';
			return strdup(text);
		}
		if (key == UI_FKEY(KEY_BACKSPACE) || key == 127 || key == 8) {
			if (len > 0)
				buf[--len] = L'\0';
		} else if (key == UI_CTRL('u')) {
			len = 0;
			buf[0] = L'\0';
		} else if (key >= 32 && key < 0x110000 && key != 127 &&
			   len < 1023) {
			buf[len++] = (wchar_t)key;
			buf[len] = L'\0';
		}
	}
}

int ui_choose(struct ui_app *app, const char *question, const char *keys)
{
	int key;

	for (;;) {
		status_question(app, question, false);
		key = ui_app_read_key(app);
		if (key < 0 || key == 27) {
			app->status[0] = '\0';
			if (key < 0)
				app->running = false;
			return 0;
		}
		if (key >= 'A' && key <= 'Z')
			key += 'a' - 'A';
		if (key >= 'a' && key <= 'z' && strchr(keys, key)) {
			app->status[0] = '\0';
			return key;
		}
	}
}

bool ui_confirm(struct ui_app *app, const char *question)
{
	char q[400];
	int key;

	snprintf(q, sizeof(q), "%s %s", question, _("(y/n)"));
	key = ui_choose(app, q, "yjn");
	return key == 'y' || key == 'j';
}

char *ui_edit_external(struct ui_app *app, const char *text)
{
	const char *editor = getenv("VISUAL");
	const char *runtime = getenv("XDG_RUNTIME_DIR");
	const char *db = tl_store_filename(app->st);
	const char *slash = strrchr(db, '/');
	char path[PATH_MAX], dir[PATH_MAX] = ".";
	struct tl_error err = {0};
	char *out = NULL;
	int fd, status;
	pid_t pid;
	FILE *f;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	/* The text may be private: keep it out of a shared /tmp, in the
	 * user's own runtime folder or else beside the database (mkstemp
	 * makes it 0600), and only in a folder nobody else may write to. */
	if (slash)
		snprintf(dir, sizeof(dir), "%.*s",
			 slash == db ? 1 : (int)(slash - db), db);
	if (!(runtime && *runtime == '/' &&
	      tl_dir_check_private(runtime, "", NULL) == TL_OK))
		runtime = dir;
	if (tl_dir_check_private(runtime, _("The editor is not started"),
				 &err) != TL_OK) {
		ui_error(app, &err);
		return NULL;
	}
	/* A folder name too long for the path is refused as such,
	 * like a failing mkstemp. */
	fd = -1;
	errno = ENAMETOOLONG;
	if ((size_t)snprintf(path, sizeof(path), "%s/tillit-edit-XXXXXX",
			     runtime) < sizeof(path))
		fd = mkstemp(path);
	if (fd < 0) {
		ui_status(app, _("Cannot make a file for the editor: %s."),
			  strerror(errno));
		app->status_error = true;
		return NULL;
	}
	f = fdopen(fd, "w");
	/* The editor must start from the whole text, or saving what it
	 * shows would cut the stored text short. */
	if (!f || fputs(text ? text : "", f) == EOF || fclose(f) != 0) {
		int e = errno;
		if (!f)
			close(fd);
		unlink(path);
		ui_status(app, _("Cannot make a file for the editor: %s."),
			  strerror(e));
		app->status_error = true;
		return NULL;
	}
	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		execlp("sh", "sh", "-c", "exec $0 \"$1\"", editor, path,
		       (char *)NULL);
		_exit(127);
	}
	status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	refresh();
	if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		f = fopen(path, "r");
		if (f) {
			size_t cap = 4096, len = 0, n;
			out = malloc(cap);
			while (out && (n = fread(out + len, 1, cap - len - 1,
						 f)) > 0) {
				len += n;
				if (len + 1 == cap) {
					char *p = realloc(out, cap * 2);
					if (!p) {
						free(out);
						out = NULL;
						break;
					}
					out = p;
					cap *= 2;
				}
			}
			if (out) {
				out[len] = '\0';
				while (len > 0 && out[len - 1] == '\n')
					out[--len] = '\0';
			}
			fclose(f);
		}
	} else {
		ui_status(app, _("The editor (%s) failed; nothing changed."),
			  editor);
		app->status_error = true;
	}
	unlink(path);
	if (out && text && !strcmp(out, text)) {
		free(out);
		out = NULL;
	}
	return out;
}
