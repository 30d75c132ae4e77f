/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli.h - the command line: `tillit SUBCOMMAND ...`.
 */
#ifndef TILLIT_CLI_H
#define TILLIT_CLI_H

/*
 * Runs the command line with main's arguments and returns the exit code of
 * DESIGN.md section 6.  Output goes to stdout, errors to stderr.
 */
int cli_main(int argc, char **argv);

#endif
