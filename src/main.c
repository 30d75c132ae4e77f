/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * main.c - picks the command line or, with no subcommand, the full-screen
 * program.
 */
#include <signal.h>

#include "tillit/cli/cli.h"

int main(int argc, char **argv)
{
	/* A file size limit (ulimit -f) must not kill tillit in the middle
	 * of a write: ignored, the write fails with EFBIG, SQLite rolls the
	 * transaction back and the store says the disk is full. */
	signal(SIGXFSZ, SIG_IGN);
	return cli_main(argc, argv);
}
