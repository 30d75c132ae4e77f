/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ui.h - the full-screen program (ncursesw).
 */
#ifndef TILLIT_UI_H
#define TILLIT_UI_H

#include <stdio.h>

struct ui_options {
	const char *db_path;  /* the database; created when missing */
	const char *as;       /* --as PERSON: who "me" is (id or name) */
	/* Headless mode (tests): keys come from this script, the screen is
	 * drawn on no terminal, and `dump` lines print it to dump_out. */
	const char *script;
	int rows, cols;       /* the headless screen's size */
	FILE *dump_out;
};

/*
 * Runs the full-screen program and returns the exit code of DESIGN.md
 * section 6.  Without a script, stdin and stdout must be a terminal (else
 * one line on stderr and 1).  The terminal is restored on quit, on SIGINT,
 * SIGTERM and SIGHUP, and on a fatal error.
 *
 * The script has one command a line:
 *   key NAME...   keys by name as in doc/keys.md ("j", "Enter", "C-l")
 *   type TEXT     the characters of TEXT
 *   dump          the screen as text, then a line "----"
 *   resize COLSxROWS
 *   click X Y     a left mouse click at column X, row Y of the screen
 *   # a comment
 */
int ui_main(const struct ui_options *opt);

#endif
