/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * draw.c - the theme and safe, aligned text on the screen.
 */
#include "tillit/ui/draw.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/text.h"

static bool use_color;
static attr_t attrs[UI_R_COUNT];

void ui_theme_init(void)
{
	const char *no = getenv("NO_COLOR");
	static const struct {
		enum ui_role role;
		short fg, bg;
		attr_t extra;
	} pairs[] = {
		{UI_R_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD},
		{UI_R_STATUS, -1, -1, 0},
		{UI_R_ERROR, COLOR_RED, -1, A_BOLD},
		{UI_R_HINT, COLOR_BLACK, COLOR_CYAN, 0},
		{UI_R_HEADER, COLOR_CYAN, -1, A_BOLD},
		{UI_R_SECTION, COLOR_YELLOW, -1, A_BOLD},
		{UI_R_SELECTED, COLOR_BLACK, COLOR_YELLOW, 0},
		{UI_R_OVERDUE, COLOR_RED, -1, A_BOLD},
		{UI_R_WARN, COLOR_MAGENTA, -1, A_BOLD},
		{UI_R_OK, COLOR_GREEN, -1, 0},
		{UI_R_DIM, -1, -1, A_DIM},
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

	use_color = !(no && *no) && has_colors();
	memcpy(attrs, mono, sizeof(attrs));
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		short n = (short)(i + 1);
		init_pair(n, pairs[i].fg, pairs[i].bg);
		attrs[pairs[i].role] = COLOR_PAIR(n) | pairs[i].extra;
	}
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
