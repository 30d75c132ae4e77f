/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * draw.c - the theme and safe, aligned text on the screen.
 */
#include "tillit/ui/draw.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/config.h"
#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

static bool use_color;
static attr_t attrs[UI_R_COUNT];

/* The roles by the names the configuration file gives them. */
static const char *const role_names[UI_R_COUNT] = {
	[UI_R_NORMAL] = "normal", [UI_R_TITLE] = "title",
	[UI_R_STATUS] = "status", [UI_R_ERROR] = "error",
	[UI_R_HINT] = "hint", [UI_R_HEADER] = "header",
	[UI_R_SECTION] = "section", [UI_R_SELECTED] = "selected",
	[UI_R_OVERDUE] = "overdue", [UI_R_WARN] = "warn", [UI_R_OK] = "ok",
	[UI_R_DIM] = "dim",
};

static const struct {
	const char *name;
	short color;
} color_names[] = {
	{"default", -1}, {"black", COLOR_BLACK}, {"red", COLOR_RED},
	{"green", COLOR_GREEN}, {"yellow", COLOR_YELLOW},
	{"blue", COLOR_BLUE}, {"magenta", COLOR_MAGENTA},
	{"cyan", COLOR_CYAN}, {"white", COLOR_WHITE},
};

static const struct {
	const char *name;
	attr_t attr;
} attr_names[] = {
	{"normal", A_NORMAL}, {"bold", A_BOLD}, {"dim", A_DIM},
	{"underline", A_UNDERLINE}, {"reverse", A_REVERSE},
	{"standout", A_STANDOUT}, {"blink", A_BLINK},
};

/* How a role is drawn: a colour pair and attributes. */
struct look {
	short fg, bg;
	attr_t extra;
	bool colored;
};

/* A colour's number from its name, or from 0-255; false when neither. */
static bool color_of(const char *w, short *c)
{
	char *end;
	long n;

	for (size_t i = 0; i < sizeof(color_names) / sizeof(color_names[0]);
	     i++)
		if (!strcmp(w, color_names[i].name)) {
			*c = color_names[i].color;
			return true;
		}
	n = strtol(w, &end, 10);
	if (*w && !*end && n >= 0 && n <= 255) {
		*c = (short)n;
		return true;
	}
	return false;
}

/* A `color ROLE FG [BG] [ATTR...]` line into *role and *lk. */
static enum tl_status read_color(const struct tl_config *cfg,
				 const struct tl_config_line *l,
				 enum ui_role *role, struct look *lk,
				 struct tl_error *err)
{
	int w = 1;

	*role = UI_R_COUNT;
	for (int r = 0; l->nwords > 0 && r < UI_R_COUNT; r++)
		if (!strcmp(l->words[0], role_names[r]))
			*role = (enum ui_role)r;
	if (l->nwords < 2)
		return tl_config_error(cfg, l->line, err, _("write it as "
				       "'color ROLE FG [BG] [ATTR...]', like "
				       "'color selected white blue bold'."));
	if (*role == UI_R_COUNT)
		return tl_config_error(cfg, l->line, err, _("there is no role "
				       "'%s'; there are normal, title, status, "
				       "error, hint, header, section, "
				       "selected, overdue, warn, ok and "
				       "dim."), l->words[0]);
	memset(lk, 0, sizeof(*lk));
	lk->fg = lk->bg = -1;
	lk->colored = true;
	if (!color_of(l->words[w++], &lk->fg))
		return tl_config_error(cfg, l->line, err, _("'%s' is no "
				       "colour: default, black, red, green, "
				       "yellow, blue, magenta, cyan, white, or "
				       "a number from 0 to 255."),
				       l->words[1]);
	if (w < l->nwords && color_of(l->words[w], &lk->bg))
		w++;
	for (; w < l->nwords; w++) {
		size_t i, n = sizeof(attr_names) / sizeof(attr_names[0]);

		for (i = 0; i < n; i++)
			if (!strcmp(l->words[w], attr_names[i].name))
				break;
		if (i == n)
			return tl_config_error(cfg, l->line, err, _("'%s' is "
					       "neither a colour nor an "
					       "attribute (normal, bold, dim, "
					       "underline, reverse, standout, "
					       "blink)."), l->words[w]);
		lk->extra |= attr_names[i].attr;
	}
	return TL_OK;
}

enum tl_status ui_config_colors(const struct tl_config *cfg,
				struct tl_error *err)
{
	for (int i = 0; i < cfg->ncolors; i++) {
		enum ui_role role;
		struct look lk;
		enum tl_status rc = read_color(cfg, &cfg->colors[i], &role,
					       &lk, err);
		if (rc != TL_OK)
			return rc;
	}
	return TL_OK;
}

void ui_theme_init(void)
{
	const char *no = getenv("NO_COLOR");
	const struct tl_config *cfg = tl_config();
	struct look look[UI_R_COUNT] = {
		[UI_R_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, true},
		[UI_R_STATUS] = {-1, -1, 0, true},
		[UI_R_ERROR] = {COLOR_RED, -1, A_BOLD, true},
		[UI_R_HINT] = {COLOR_BLACK, COLOR_CYAN, 0, true},
		[UI_R_HEADER] = {COLOR_CYAN, -1, A_BOLD, true},
		[UI_R_SECTION] = {COLOR_YELLOW, -1, A_BOLD, true},
		[UI_R_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, 0, true},
		[UI_R_OVERDUE] = {COLOR_RED, -1, A_BOLD, true},
		[UI_R_WARN] = {COLOR_MAGENTA, -1, A_BOLD, true},
		[UI_R_OK] = {COLOR_GREEN, -1, 0, true},
		[UI_R_DIM] = {-1, -1, A_DIM, true},
	};
	/* Without colour, attributes alone tell the roles apart. */
	static const attr_t mono[UI_R_COUNT] = {
		[UI_R_TITLE] = A_REVERSE | A_BOLD,
		[UI_R_ERROR] = A_BOLD,
		[UI_R_HINT] = A_REVERSE,
		[UI_R_HEADER] = A_BOLD | A_UNDERLINE,
		[UI_R_SECTION] = A_BOLD,
		[UI_R_SELECTED] = A_REVERSE,
		[UI_R_OVERDUE] = A_BOLD,
		[UI_R_WARN] = A_BOLD,
		[UI_R_DIM] = A_DIM,
	};

	if (cfg->theme == TL_THEME_LIGHT) {
		/* Yellow and cyan text fade on white. */
		look[UI_R_HEADER].fg = COLOR_BLUE;
		look[UI_R_SECTION].fg = COLOR_BLUE;
		look[UI_R_SELECTED].fg = COLOR_WHITE;
		look[UI_R_SELECTED].bg = COLOR_BLUE;
	}
	/* The file's own colours, checked when it was read. */
	for (int i = 0; i < cfg->ncolors; i++) {
		enum ui_role role;
		struct look lk;

		if (read_color(cfg, &cfg->colors[i], &role, &lk, NULL) ==
		    TL_OK)
			look[role] = lk;
	}
	use_color = !(no && *no) && has_colors() &&
		    cfg->theme != TL_THEME_MONO;
	memcpy(attrs, mono, sizeof(attrs));
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	for (int r = 0; r < UI_R_COUNT; r++) {
		short n = (short)(r + 1);

		if (!look[r].colored)
			continue;
		/* A colour the terminal lacks is its default. */
		init_pair(n, look[r].fg < COLORS ? look[r].fg : -1,
			  look[r].bg < COLORS ? look[r].bg : -1);
		attrs[r] = COLOR_PAIR(n) | look[r].extra;
	}
	/* The background of the whole screen follows `normal`. */
	if (look[UI_R_NORMAL].colored)
		bkgdset(COLOR_PAIR(UI_R_NORMAL + 1));
}

bool ui_theme_color(void)
{
	return use_color;
}

attr_t ui_attr(enum ui_role role)
{
	return role < UI_R_COUNT ? attrs[role] : 0;
}

static int put(WINDOW *w, int y, int x, int width, const char *s,
	       enum ui_role role, attr_t extra, bool right)
{
	char *buf;
	size_t size;

	if (width <= 0)
		return 0;
	/* Room for all of s as shown (a control in caret notation takes
	 * two bytes), the padding, "…" and the NUL: a cell can hold a
	 * character and any number of combining marks, so the width alone
	 * does not bound the bytes. */
	size = 2 * strlen(s ? s : "") + (size_t)width + 8;
	buf = malloc(size);
	if (!buf)
		return 0;
	tl_text_fit(s ? s : "", (size_t)width, right, buf, size);
	wattrset(w, ui_attr(role) | extra);
	mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
	free(buf);
	return width;
}

int ui_put(WINDOW *w, int y, int x, int width, const char *s,
	   enum ui_role role, attr_t extra)
{
	return put(w, y, x, width, s, role, extra, false);
}

int ui_put_right(WINDOW *w, int y, int x, int width, const char *s,
		 enum ui_role role, attr_t extra)
{
	return put(w, y, x, width, s, role, extra, true);
}

void ui_fill(WINDOW *w, int y, int x, enum ui_role role, attr_t extra)
{
	int cols = getmaxx(w);

	if (x < cols)
		put(w, y, x, cols - x, "", role, extra, false);
}
