/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * complete_cmd.c - shell completion, from the same tables as --help:
 *
 *   tillit completion bash|zsh|fish   the script for a shell
 *   tillit __complete WORD...         the words that may come next
 *
 * The scripts are small and fixed: each asks `tillit __complete` with
 * the words typed before the cursor, and the shell keeps those that
 * start as the word under the cursor does.  The answer is worked out by
 * the program itself, so it is never out of date: the global options,
 * commands and nouns (cli.c's table), a noun's actions (entity_cmd.c's
 * table), or a command's options, which the command's own option table
 * prints as it would for --help (args.c, with c->completing: the command
 * reads nothing and opens no database).  After an option that takes a
 * value nothing is offered, and the shells fall back to file names.
 * make install puts the three scripts where bash-completion, zsh and
 * fish look for them.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"

static const char bash_script[] =
	"# bash completion for tillit (tillit completion bash)\n"
	"_tillit() {\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} IFS=$'\\n'\n"
	"\tCOMPREPLY=($(compgen -W \"$(tillit __complete "
	"\"${COMP_WORDS[@]:1:COMP_CWORD-1}\" 2>/dev/null)\" -- \"$cur\"))\n"
	"}\n"
	"complete -o default -F _tillit tillit\n";

static const char zsh_script[] =
	"#compdef tillit\n"
	"# zsh completion for tillit (tillit completion zsh)\n"
	"_tillit() {\n"
	"\tlocal -a next\n"
	"\tnext=(${(f)\"$(tillit __complete \"${(@)words[2,CURRENT-1]}\" "
	"2>/dev/null)\"})\n"
	"\tif (( ${#next} )); then\n"
	"\t\tcompadd -a next\n"
	"\telse\n"
	"\t\t_files\n"
	"\tfi\n"
	"}\n"
	"_tillit \"$@\"\n";

static const char fish_script[] =
	"# fish completion for tillit (tillit completion fish)\n"
	"complete -c tillit -f -a '(tillit __complete "
	"(commandline -opc)[2..-1] 2>/dev/null)'\n";

enum tl_status cli_cmd_completion(struct cli *c, int argc, char **argv)
{
	static const struct {
		const char *shell, *script;
	} scripts[] = {
		{"bash", bash_script},
		{"zsh", zsh_script},
		{"fish", fish_script},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv,
		.usage = N_("Usage: tillit completion bash|zsh|fish\n\n"
			    "Prints the shell's completion script for tillit. "
			    " make install puts\nall three where the shells "
			    "look; by hand, for bash:\n"
			    "  tillit completion bash "
			    ">~/.local/share/bash-completion/completions/"
			    "tillit\n"),
	};
	enum tl_status rc;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 1);
	if (rc != TL_OK)
		return rc;
	for (size_t i = 0; a.first < argc && i < sizeof(scripts) /
	     sizeof(scripts[0]); i++)
		if (!strcmp(argv[a.first], scripts[i].shell)) {
			fputs(scripts[i].script, stdout);
			return TL_OK;
		}
	return cli_usage(c, _("Give the shell: bash, zsh or fish."));
}

/* Whether `word` is a global option that takes a value (--db, --as). */
static bool global_with_value(const char *word)
{
	return !strcmp(word, "--db") || !strcmp(word, "--as");
}

enum tl_status cli_cmd_complete(struct cli *c, int argc, char **argv)
{
	const struct tl_entity *e;
	int i = 1;

	/* The global options before the command, with their values. */
	while (i < argc && argv[i][0] == '-') {
		if (global_with_value(argv[i])) {
			if (i + 1 == argc)
				return TL_OK; /* its value: a file name */
			i++;
		}
		i++;
	}
	if (i == argc) {
		fputs("--db\n--as\n--help\n--version\n", stdout);
		cli_commands_print(stdout);
		return TL_OK;
	}
	if (!strcmp(argv[i], "help")) {
		if (i + 1 == argc)
			cli_commands_print(stdout);
		return TL_OK;
	}
	c->completing = true;
	e = tl_entity_find(argv[i]);
	if (e && i + 1 == argc) {
		cli_entity_actions_print(e, stdout);
		return TL_OK;
	}
	/* The command prints its options and stops; an unknown command
	 * or action has none to offer, and its error is no completion. */
	cli_run_command(c, argc - i, argv + i);
	return TL_OK;
}
