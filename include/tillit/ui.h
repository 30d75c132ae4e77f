/*
 * ui.h - the full-screen program (ncursesw).
 *
 * Until the full-screen program is built this is a placeholder: it opens
 * (or creates) the database, shows a title bar and what is waiting, and
 * quits on q.
 */
#ifndef TILLIT_UI_H
#define TILLIT_UI_H

/*
 * Runs the full-screen program on the database at db_path (created, with
 * the default principles, when missing) and returns the exit code of
 * DESIGN.md section 6.  When stdout is not a terminal it prints one line
 * on stderr and returns 1.  The terminal is restored on q, SIGINT and
 * SIGTERM.
 */
int ui_main(const char *db_path);

#endif
