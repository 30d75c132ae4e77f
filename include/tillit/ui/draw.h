/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * draw.h - drawing text safely and in colour: every string is sanitised
 * (no control or escape sequence reaches the terminal) and fitted to a
 * width in cells, so å, ä, ö and wide characters keep columns aligned.
 * Colours come from a theme of roles; NO_COLOR or a monochrome terminal
 * gives the same screen in plain attributes.
 */
#ifndef TILLIT_DRAW_H
#define TILLIT_DRAW_H

#include <stdbool.h>

#include <curses.h>

#include "tillit/core/error.h"

enum ui_role {
	UI_R_NORMAL,
	UI_R_TITLE,    /* the title bar */
	UI_R_STATUS,   /* the status line */
	UI_R_ERROR,    /* an error in the status line */
	UI_R_HINT,     /* the key-hint bar */
	UI_R_HEADER,   /* column headers */
	UI_R_SECTION,  /* section headings */
	UI_R_SELECTED, /* the selected line */
	UI_R_OVERDUE,  /* overdue, expired, refused */
	UI_R_WARN,     /* grey zone, waiting for acknowledgement */
	UI_R_OK,       /* done, acknowledged */
	UI_R_DIM,      /* less important text */
	UI_R_COUNT
};

/* Sets up colour pairs from the theme and the `color` lines of the
 * configuration file, unless NO_COLOR is set, the theme is mono or the
 * terminal has no colour. */
void ui_theme_init(void);

/* Checks the `color ROLE FG [BG] [ATTR...]` lines of the configuration
 * file: TL_EINVAL naming the first bad one. */
struct tl_config;
enum tl_status ui_config_colors(const struct tl_config *cfg,
				struct tl_error *err);

/* True when the theme uses colour. */
bool ui_theme_color(void);

/* The attributes of a role. */
attr_t ui_attr(enum ui_role role);

/*
 * Draws s at (y, x) in exactly `width` cells (cut with "…" or padded),
 * in role's attributes plus `extra`.  Returns width.
 */
int ui_put(WINDOW *w, int y, int x, int width, const char *s,
	   enum ui_role role, attr_t extra);

/* Like ui_put, right-aligned within width. */
int ui_put_right(WINDOW *w, int y, int x, int width, const char *s,
		 enum ui_role role, attr_t extra);

/* Fills a line from x to the right edge with role's background. */
void ui_fill(WINDOW *w, int y, int x, enum ui_role role, attr_t extra);

#endif
