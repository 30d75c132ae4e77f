/*
 * main.c - picks the command line or, with no subcommand, the full-screen
 * program.
 */
#include "tillit/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
