/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * config.h - the configuration file, $XDG_CONFIG_HOME/tillit/config
 * (~/.config/tillit/config when XDG_CONFIG_HOME is unset), as tig has
 * its tigrc and htop its htoprc.  One setting a line; '#' starts a
 * comment; words are separated by blanks, and "..." keeps blanks in one:
 *
 *   set db = ~/nämnd/tillit.db     the database when neither --db nor
 *                                  $TILLIT_DB gives one
 *   set theme = light              default, light or mono
 *   set max_goals = 5              warn of over-governing above so many
 *   set max_indicators = 3         active goals of a unit, or indicators
 *                                  of a goal (0 in cfg: the defaults)
 *   color ROLE FG [BG] [ATTR...]   a role of the screen in colours
 *   bind ACTION KEY [KEY...]       an action's keys (doc/keys.md)
 *   columns NOUN FIELD...          a list's columns, on the command
 *                                  line and in the full-screen program
 *
 * This reads the file and checks what core knows (settings, nouns,
 * fields); the full-screen program checks the words of `color` and
 * `bind` (ui_config_check), which it keeps as they were written.  A bad
 * line is one message naming the file and the line, and TL_EINVAL.
 */
#ifndef TILLIT_CORE_CONFIG_H
#define TILLIT_CORE_CONFIG_H

#include "tillit/core/error.h"
#include "tillit/core/model.h"

enum tl_theme {
	TL_THEME_DEFAULT, /* colours on the terminal's own background */
	TL_THEME_LIGHT,   /* colours that read on a light background */
	TL_THEME_MONO,    /* attributes only, as under NO_COLOR */
};

/* The most words a `color` or `bind` line has. */
#define TL_CONFIG_WORDS 8

/* A `color` or `bind` line: its words after the first, and its number. */
struct tl_config_line {
	int line;
	int nwords;
	char *words[TL_CONFIG_WORDS];
};

struct tl_config {
	char *path;                    /* the file read; NULL when none */
	char *db;                      /* set db, ~ expanded; or NULL */
	enum tl_theme theme;
	long max_goals, max_indicators; /* 0: not set */
	struct tl_config_line *colors; /* in the file's order */
	int ncolors;
	struct tl_config_line *binds;
	int nbinds;
	int *columns[TL_K_COUNT];      /* -1 ended; NULL: the kind's own */
};

/*
 * Reads the configuration file into *cfg (which it clears first): the
 * one at path, or at the place above when path is NULL, where no file is
 * no error.  TL_EINVAL for a bad line ("FILE, line N: ..."), TL_ESYS
 * when the file cannot be read.
 */
enum tl_status tl_config_load(const char *path, struct tl_config *cfg,
			      struct tl_error *err);
void tl_config_free(struct tl_config *cfg);

/* The error of line `line` of cfg's file: TL_EINVAL, "FILE, line N: "
 * and the message. */
enum tl_status tl_config_error(const struct tl_config *cfg, int line,
			       struct tl_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The configuration the program runs with (empty until one is set);
 * tl_config_use hands cfg over to it. */
const struct tl_config *tl_config(void);
void tl_config_use(struct tl_config *cfg);

/* The columns of a list of e's records: the configured ones, or e's
 * own; -1 ended. */
const int *tl_config_columns(const struct tl_entity *e);

#endif
