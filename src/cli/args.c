/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * args.c - the one reader of a command's options: each command describes
 * its options in a table (struct cli_opt, internal.h), and this file reads
 * argv with it through getopt_long, prints the option lines of --help from
 * it, and words every usage error about an option or a stray argument.
 *
 * -h and --help belong to every command, so no table lists them.  What
 * getopt_long accepts holds for every command alike: a unique prefix of
 * a long name, --name=VALUE, -xVALUE, letters together (-qh), and -- to
 * end the options.
 */
#include "internal.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

/*
 * What getopt_long returns for an option: its letter, or a number above
 * every character made from its key.  Rows with the same key get the same
 * number, so that a prefix of two names of one option (a field and its
 * alias) is not ambiguous.  Rows stored in place count from ARGS_PLACE.
 */
#define ARGS_KEY 256
#define ARGS_PLACE (1 << 24)

/* The usage error for what getopt_long returned as ch ('?' or ':'), the
 * option being argv[optind - 1]; lo the long options it knew, for the
 * nearest to suggest. */
static enum tl_status bad_option(struct cli *c, int ch, char **argv,
				 const struct option *lo)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	char name[128];
	size_t n;

	/* "--due=x" names the option as "--due". */
	n = strcspn(arg, "=");
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, arg, n);
	name[n] = '\0';
	if (ch == ':') {
		if (optopt > 0 && optopt < 128 && name[1] != '-')
			return cli_usage(c, _("Option '-%c' needs a value."),
					 optopt);
		return cli_usage(c, _("Option '%s' needs a value."), name);
	}
	if (optopt > 0 && optopt < 128 && name[0] == '-' && name[1] != '-')
		return cli_usage(c, _("Unknown option '-%c'."), optopt);
	if (name[0] == '-' && name[1] == '-') {
		const char *names[256];
		const char *near;
		size_t count = 0;
		bool prefix = false;

		/* A prefix of names (ambiguous, or of a flag given a value)
		 * is no slip of the fingers. */
		for (; lo && lo->name && count < 256; lo++) {
			names[count++] = lo->name;
			prefix |= !strncmp(lo->name, name + 2, strlen(name + 2));
		}
		near = prefix ? NULL : tl_text_nearest(name + 2, names, count);
		if (near)
			return cli_usage(c, _("Unknown option '%s'; did you "
					 "mean '--%s'?"), name, near);
	}
	return cli_usage(c, _("Unknown option '%s'."), name);
}

void cli_args_done(struct cli_args *a)
{
	free(a->lo);
	a->lo = NULL;
}

/* getopt_long's tables from a->opts: the long options, then the short
 * ones after the string in a->lo's block. */
static enum tl_status args_start(struct cli_args *a)
{
	struct option *lo;
	char *shorts;
	int n = 0, k = 0;

	while (a->opts && a->opts[n].name)
		n++;
	lo = calloc(1, sizeof(*lo) * (size_t)(n + 2) + (size_t)(2 * n + 5));
	if (!lo)
		return a->rc = cli_fail(a->c, TL_ESYS, _("Out of memory."));
	shorts = (char *)(lo + n + 2);
	if (a->in_order)
		shorts[k++] = '+';
	shorts[k++] = ':';
	shorts[k++] = 'h';
	for (int i = 0; i < n; i++) {
		const struct cli_opt *o = &a->opts[i];
		int val = o->letter ? o->letter
			: o->key ? ARGS_KEY + o->key : ARGS_PLACE + i;

		lo[i] = (struct option){o->name, o->value ? required_argument
					: no_argument, NULL, val};
		if (o->letter) {
			shorts[k++] = o->letter;
			if (o->value)
				shorts[k++] = ':';
		}
	}
	lo[n] = (struct option){"help", no_argument, NULL, 'h'};
	a->lo = lo;
	a->shorts = shorts;
	optind = 0;
	opterr = 0;
	return TL_OK;
}

/* The row getopt_long found: by its index for a long option, else by
 * its letter. */
static const struct cli_opt *args_row(const struct cli_args *a, int ch,
				      int index)
{
	if (index >= 0)
		return &a->opts[index];
	for (const struct cli_opt *o = a->opts; o && o->name; o++)
		if (o->letter && o->letter == ch)
			return o;
	return NULL;
}

/*
 * The options --help lists for this command, a line each, as written
 * there: what completion offers is what the help says (a noun's list
 * names only the filters its kind has).
 */
static void complete_options(const struct cli_args *a)
{
	char *text = NULL;
	size_t size = 0;
	FILE *m = open_memstream(&text, &size);

	if (!m)
		return;
	cli_args_help(a, m);
	fclose(m);
	for (char *line = text; line && *line;) {
		char *end = strchr(line, '\n'), *p = line;

		if (end)
			*end = '\0';
		/* An option's line is indented by two; a line of its
		 * explanation further. */
		p += strspn(p, " ");
		if (p - line > 4)
			p = line;
		/* "-h, --help": the long name. */
		if (p[0] == '-' && p[1] && p[1] != '-' && p[2] == ',' &&
		    p[3] == ' ')
			p += 4;
		if (p > line && p[0] == '-' && p[1] == '-' && p[2] &&
		    p[2] != ' ')
			printf("%.*s\n", (int)strcspn(p, " =["), p);
		line = end ? end + 1 : NULL;
	}
	free(text);
}

bool cli_args_next(struct cli_args *a)
{
	const struct cli_opt *o;
	int ch, index;

	if (!a->started && a->c->completing) {
		/* Shell completion (complete_cmd.c): the options this
		 * command takes, or nothing after one that takes a value
		 * (the shell offers file names then). */
		const char *last = a->argc > 1 ? a->argv[a->argc - 1] : "";
		bool value = false;

		a->started = true;
		for (o = a->opts; o && o->name; o++)
			value = value || (o->value && !strncmp(last, "--", 2) &&
					  !strcmp(last + 2, o->name));
		if (!value)
			complete_options(a);
		a->helped = true;
		return false;
	}
	if (!a->started) {
		a->started = true;
		if (a->rc == TL_OK)
			args_start(a);
	}
	while (a->rc == TL_OK && a->lo) {
		index = -1;
		ch = getopt_long(a->argc, a->argv, a->shorts, a->lo, &index);
		if (ch == -1) {
			a->first = optind;
			break;
		}
		if (ch == 'h') {
			cli_args_help(a, stdout);
			a->helped = true;
			break;
		}
		o = ch == '?' || ch == ':' ? NULL : args_row(a, ch, index);
		if (!o) {
			a->rc = bad_option(a->c, ch, a->argv, a->lo);
			break;
		}
		if (o->str)
			*o->str = optarg;
		if (o->on)
			*o->on = true;
		if (o->key) {
			a->key = o->key;
			a->value = o->value ? optarg : NULL;
			return true;
		}
	}
	cli_args_done(a);
	return false;
}

enum tl_status cli_args_max(struct cli_args *a, int n)
{
	if (a->first + n < a->argc)
		return cli_usage(a->c, _("Unexpected argument '%.60s'."),
				 a->argv[a->first + n]);
	return TL_OK;
}

void cli_args_help_opts(const struct cli_args *a, FILE *out)
{
	char label[96];

	for (const struct cli_opt *o = a->opts; o && o->name; o++) {
		if (!o->help)
			continue;
		if (o->letter)
			snprintf(label, sizeof(label), "-%c, --%s%s%s",
				 o->letter, o->name, o->meta ? " " : "",
				 o->meta ? o->meta : "");
		else
			snprintf(label, sizeof(label), "--%s%s%s", o->name,
				 o->meta ? " " : "", o->meta ? o->meta : "");
		cli_help_opt(out, label, _(o->help));
	}
	cli_help_opt(out, "-h, --help", _("show this help"));
}

void cli_args_help(const struct cli_args *a, FILE *out)
{
	if (a->help) {
		a->help(a, out);
		return;
	}
	if (a->usage) {
		fputs(_(a->usage), out);
		fputc('\n', out);
	}
	cli_args_help_opts(a, out);
	if (a->tail)
		fputs(_(a->tail), out);
}
