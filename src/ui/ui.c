/*
 * ui.c - the app: the terminal (or the headless screen of the tests), the
 * stack of views, the title, status and key-hint bars, and the main loop
 * read key -> action -> view -> redraw.  No threads touch curses.
 *
 * Live data: while waiting for a key, the loop polls the store's data
 * version every half second, and tells the views when another program
 * has changed the database.
 */
#include "tillit/ui.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "tillit/action.h"
#include "tillit/draft.h"
#include "tillit/draw.h"
#include "tillit/form.h"
#include "tillit/i18n.h"
#include "tillit/present.h"
#include "tillit/store.h"
#include "tillit/text.h"
#include "tillit/view.h"

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
	bool running;
	int exit_code;
	long data_version;
	/* Headless: the script and the keys still queued from its line. */
	FILE *script;
	int queue[512];
	int nqueue, qpos;
	MEVENT mouse;
	SCREEN *screen; /* headless */
	FILE *null_in, *null_out;
	/* Modal windows drawn over the views (forms, pick-lists). */
	struct {
		void (*draw)(struct ui_app *app, void *data);
		void *data;
	} modal[UI_MAX_MODALS];
	int nmodals;
};

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

static void restore_terminal(void)
{
	if (curses_on) {
		endwin();
		curses_on = false;
	}
}

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
	tl_store_change_count(app->st, &app->data_version, &err);
}

/* ---- keys ------------------------------------------------------------ */

/* Queues the keys of one script line; false at the end of the script. */
static bool script_line(struct ui_app *app);

static int read_key(struct ui_app *app)
{
	wint_t wc;
	int rc;

	if (app->script) {
		while (app->qpos >= app->nqueue) {
			app->qpos = app->nqueue = 0;
			if (!script_line(app))
				return -1;
		}
		return app->queue[app->qpos++];
	}
	for (;;) {
		if (got_signal)
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
		if (tl_store_change_count(app->st, &v, &err) == TL_OK &&
		    v != app->data_version) {
			app->data_version = v;
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

	/* The hints: the view's own actions, then help and back. */
	const enum ui_action *acts = v ? v->ops->actions : NULL;
	for (int i = 0; acts && acts[i] != UI_A_NONE; i++) {
		const struct ui_action_def *d = ui_action_get(acts[i]);
		int n = snprintf(hints + len, sizeof(hints) - len, "%s %s  ",
				 d->keys[0], _(d->name));
		if (n < 0 || (size_t)n >= sizeof(hints) - len)
			break;
		len += (size_t)n;
		if (tl_text_width(hints) > (size_t)app->cols)
			break;
	}
	snprintf(hints + len, sizeof(hints) - len, "? %s  q %s", _("help"),
		 _("back"));
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

static bool too_small(const struct ui_app *app)
{
	return app->cols < UI_MIN_COLS || app->rows < UI_MIN_ROWS;
}

static void layout(struct ui_app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	if (app->body) {
		delwin(app->body);
		app->body = NULL;
	}
	if (!too_small(app))
		app->body = derwin(stdscr, app->rows - 3, app->cols, 1, 0);
}

static void draw(struct ui_app *app)
{
	struct view *v = top(app);

	if (too_small(app) || !app->body) {
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

/* The screen as text, one line a row, for the tests. */
static void dump_screen(struct ui_app *app)
{
	FILE *out = app->opt->dump_out ? app->opt->dump_out : stdout;
	wchar_t *line = calloc((size_t)app->cols + 1, sizeof(wchar_t));
	char buf[16];

	if (!line)
		return;
	for (int y = 0; y < app->rows; y++) {
		int n = mvwinnwstr(stdscr, y, 0, line, app->cols);
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

/* ---- for modal screens (form.c, pick.c) ------------------------------ */

int ui_read_key(struct ui_app *app)
{
	int key = read_key(app);

	if (key == UI_FKEY(KEY_RESIZE))
		layout(app);
	return key;
}

void ui_draw_now(struct ui_app *app)
{
	draw(app);
}

int ui_signal(struct ui_app *app)
{
	(void)app;
	return got_signal;
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

/* ---- headless script ------------------------------------------------- */

static bool script_line(struct ui_app *app)
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
			draw(app);
			dump_screen(app);
		} else if (!strncmp(line, "resize ", 7)) {
			int c = 0, r = 0;
			if (sscanf(line + 7, "%dx%d", &c, &r) == 2 && c > 0 &&
			    r > 0) {
				resize_term(r, c);
				layout(app);
				draw(app);
			}
		} else {
			continue; /* comments and blank lines */
		}
		if (app->nqueue > 0)
			return true;
	}
}

/* ---- prompts --------------------------------------------------------- */

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
		snprintf(line, sizeof(line), "%s %s", question, text);
		if (!too_small(app)) {
			draw(app);
			ui_fill(stdscr, app->rows - 2, 0, UI_R_STATUS, A_BOLD);
			ui_put(stdscr, app->rows - 2, 1, app->cols - 2, line,
			       UI_R_STATUS, A_BOLD);
			curs_set(1);
			move(app->rows - 2,
			     1 + (int)tl_text_width(line) < app->cols - 1
			     ? 1 + (int)tl_text_width(line) : app->cols - 1);
			refresh();
		}
		key = read_key(app);
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

bool ui_confirm(struct ui_app *app, const char *question)
{
	char q[400];
	char *answer;
	bool yes;

	snprintf(q, sizeof(q), "%s %s", question, _("(y/n)"));
	answer = ui_prompt(app, q, NULL);
	yes = answer && (answer[0] == 'y' || answer[0] == 'Y' ||
			 answer[0] == 'j' || answer[0] == 'J');
	free(answer);
	return yes;
}

char *ui_edit_external(struct ui_app *app, const char *text)
{
	const char *editor = getenv("VISUAL");
	const char *runtime = getenv("XDG_RUNTIME_DIR");
	const char *db = tl_store_filename(app->st);
	const char *slash = strrchr(db, '/');
	char path[PATH_MAX];
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
	 * makes it 0600). */
	if (runtime && *runtime == '/')
		snprintf(path, sizeof(path), "%s/tillit-edit-XXXXXX", runtime);
	else if (slash)
		snprintf(path, sizeof(path), "%.*s/tillit-edit-XXXXXX",
			 (int)(slash - db), db);
	else
		snprintf(path, sizeof(path), "tillit-edit-XXXXXX");
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
		if (!found && cmd[0]) {
			ui_status(app, _("Unknown command \"%.40s\"; try "
					 "meetings, mandates, frames, my, "
					 "followups, org or q."), cmd);
			app->status_error = true;
		}
	}
	free(cmd);
}

static void search(struct ui_app *app)
{
	char *q = ui_prompt(app, _("Search:"), NULL);

	if (q && *q)
		ui_push(app, &ui_view_search, q);
	free(q);
}

extern const struct view_ops ui_view_help;

static void go_view(struct ui_app *app, enum ui_action a)
{
	static struct ui_list_arg args[UI_A_COUNT];
	struct ui_list_arg *arg = &args[a];

	/* Every view but the overview opens on top of it. */
	while (app->nviews > 1)
		ui_pop(app);
	memset(arg, 0, sizeof(*arg));
	switch (a) {
	case UI_A_GO_OVERVIEW:
		return;
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
		return;
	case UI_A_GO_FOLLOWUPS:
		arg->query.kind = TL_K_FOLLOWUP;
		arg->title = N_("Follow-ups");
		arg->name = "followups";
		break;
	case UI_A_GO_ORG:
		ui_push(app, &ui_view_org, NULL);
		return;
	default:
		return;
	}
	ui_push(app, &ui_view_list, arg);
}

static void handle(struct ui_app *app, int key)
{
	struct view *v = top(app);
	enum ui_action a = ui_action_for_key(key);

	if (key == UI_FKEY(KEY_RESIZE)) {
		layout(app);
		return;
	}
	if (key == UI_FKEY(KEY_MOUSE)) {
		if (app->mouse.bstate & BUTTON4_PRESSED)
			a = UI_A_UP;
		else if (app->mouse.bstate & BUTTON5_PRESSED)
			a = UI_A_DOWN;
	}
	if (too_small(app)) {
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
			ui_push(app, &ui_view_help, v->ops);
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
		go_view(app, a);
		break;
	default:
		break;
	}
}

/* ---- start and end --------------------------------------------------- */

static bool start_curses(struct ui_app *app)
{
	if (app->script) {
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
	} else if (!initscr()) {
		return false;
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
	layout(app);
	return true;
}

/* ---- drafts ---------------------------------------------------------- */

/* What the box of a draft on offer says. */
struct draft_offer {
	char head[300], what[300], ask[300];
};

/* Draws the offer of a draft as a box in the middle of the screen. */
static void draft_paint(struct ui_app *app, void *data)
{
	const struct draft_offer *o = data;
	const char *lines[] = {"", o->head, o->what, "", o->ask, ""};
	int n = (int)(sizeof(lines) / sizeof(lines[0]));
	int w = app->cols - 4 < 84 ? app->cols - 4 : 84;
	int y = (app->rows - n) / 2, x = (app->cols - w) / 2;

	for (int i = 0; i < n; i++) {
		ui_put(stdscr, y + i, x, w, "", UI_R_TITLE, 0);
		ui_put(stdscr, y + i, x + 2, w - 4, lines[i], UI_R_TITLE,
		       i == 1 ? A_BOLD : 0);
	}
}

/*
 * Asks whether to take up the draft of record r: Enter (true) or Esc
 * (false); -1 when the program is closed meanwhile.
 */
static int ask_draft(struct ui_app *app, const struct tl_record *r,
		     const char *title)
{
	struct draft_offer o;
	const char *name = tl_record_get(r, r->e->title);
	char *safe = tl_text_sanitize(name ? name : "", false);
	int key, answer = -1;

	snprintf(o.head, sizeof(o.head), _("A draft of %s was saved when "
					   "tillit was closed."),
		 _(r->e->a_label));
	snprintf(o.what, sizeof(o.what), "%s%s%s", title, safe && *safe ?
		 ": " : "", safe ? safe : "");
	free(safe);
	snprintf(o.ask, sizeof(o.ask), "%s", _("Press Enter to continue "
						"editing it, or Esc to "
						"discard it."));
	if (!ui_modal_push(app, draft_paint, &o))
		return -1;
	for (;;) {
		draw(app);
		key = read_key(app);
		if (key < 0)
			break;
		if (key == '\n' || key == '\r' || key == UI_FKEY(KEY_ENTER)) {
			answer = 1;
			break;
		}
		if (key == 27) {
			answer = 0;
			break;
		}
	}
	ui_modal_pop(app);
	return answer;
}

/*
 * The record a draft fills in: a new one, or the stored one with the
 * draft's changes (what the store owns, or fixed on creation, stays as
 * stored).  NULL with a message when the stored record is gone.
 */
static struct tl_record *draft_record(struct ui_app *app,
				      struct tl_record *d,
				      unsigned long long fields,
				      struct tl_error *err)
{
	struct tl_record *r;

	if (!d->id[0])
		return tl_record_dup(d);
	if (tl_store_get(app->st, d->e->kind, d->id, &r, err) != TL_OK)
		return NULL;
	for (int i = 0; i < d->e->nfields && i < 64; i++) {
		const struct tl_field *f = &d->e->fields[i];
		if ((fields & (1ULL << i)) &&
		    !(f->flags & (TL_FF_AUTO | TL_FF_FIXED)))
			tl_record_set(r, i, tl_record_get(d, i));
	}
	return r;
}

/*
 * Offers back, one by one, the drafts that signals left (draft.h): Enter
 * opens the form again with what was typed, Esc throws the draft away.
 */
static void offer_drafts(struct ui_app *app)
{
	const char *db = tl_store_filename(app->st);
	char path[PATH_MAX], last[PATH_MAX] = "";

	while (app->running && ui_draft_next(db, path, sizeof(path)) &&
	       strcmp(path, last)) {
		struct tl_error err = {0};
		struct tl_record *d = NULL, *r;
		unsigned long long fields;
		char *title = NULL;
		int answer;

		snprintf(last, sizeof(last), "%s", path);
		if (ui_draft_load(path, &d, &fields, &title, &err) != TL_OK) {
			ui_draft_set_aside(path);
			ui_error(app, &err);
			continue;
		}
		answer = ask_draft(app, d, title);
		if (answer < 0) {
			app->running = false;
		} else if (answer == 0) {
			ui_draft_remove(path);
			ui_status(app, "%s", _("The draft was thrown away."));
		} else if (!(r = draft_record(app, d, fields, &err))) {
			ui_draft_set_aside(path);
			ui_status(app, _("The record this draft was editing is "
					 "gone; the draft was kept as "
					 "%s.damaged."), path);
			app->status_error = true;
		} else {
			if (ui_form_record_draft(app, r, title, path)) {
				ui_changed(app);
				ui_status(app, _("Saved the %s."),
					  _(r->e->label));
			}
			tl_record_free(r);
		}
		tl_record_free(d);
		free(title);
	}
}

static void find_me(struct ui_app *app)
{
	struct tl_error err;
	const char *user = getenv("USER");
	char id[TL_ID_LEN + 1];
	struct tl_record *r = NULL;

	if (app->opt->as) {
		if (tl_store_resolve(app->st, TL_K_PERSON, app->opt->as, id,
				     &err) != TL_OK) {
			ui_error(app, &err);
			return;
		}
	} else if (!user || tl_store_person_by_login(app->st, user, id, &err)
		   != TL_OK) {
		return;
	}
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
	struct sigaction sa;
	enum tl_status rc;
	int key, code;

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
	rc = tl_store_open(opt->db_path, TL_OPEN_CREATE, &app->st, &err);
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
	tl_store_change_count(app->st, &app->data_version, &err);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGSEGV, on_fatal);
	signal(SIGABRT, on_fatal);
	signal(SIGBUS, on_fatal);
	signal(SIGFPE, on_fatal);
	atexit(restore_terminal);

	if (!start_curses(app)) {
		fputs("tillit: Cannot start the screen (is TERM set?).\n",
		      stderr);
		tl_store_close(app->st);
		free(app);
		return 3;
	}
	find_me(app);
	app->running = ui_push(app, &ui_view_overview, NULL);
	offer_drafts(app);
	while (app->running) {
		draw(app);
		key = read_key(app);
		if (key < 0)
			break;
		if (key > 0)
			handle(app, key);
	}
	while (app->nviews > 0)
		ui_pop(app);
	if (app->body)
		delwin(app->body);
	restore_terminal();
	if (app->script)
		fclose(app->script);
	if (app->screen)
		delscreen(app->screen);
	if (app->null_in)
		fclose(app->null_in);
	if (app->null_out)
		fclose(app->null_out);
	code = got_signal ? 128 + got_signal : app->exit_code;
	tl_refs_done(&app->refs);
	tl_store_close(app->st);
	free(app);
	return code;
}
