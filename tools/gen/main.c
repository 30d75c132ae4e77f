/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * main.c - tillit-gen: a large made-up database for benchmarks and for
 * trying tillit at the size of a large municipality (gen.h).
 *
 *   tillit-gen [--db PATH] (--scale N | --tier small|large) [--seed N]
 *              [--quiet]
 *   tillit-gen --data-version
 *
 * The database is found as tillit finds it (--db, $TILLIT_DB, XDG) and
 * must be new or empty.  It prints what was made, a line for each kind
 * and then "total", "time" and "version" (TL_GEN_DATA_VERSION, which
 * --data-version prints alone), which bench/run.sh reads; --quiet leaves
 * out the progress on stderr.  A database this run created and could not
 * fill is removed.  Errors are one line "tillit-gen: ..." on stderr, with
 * tillit's exit codes (2 for usage).
 *
 * This tool is built by `make gen` (and so by make bench and make test),
 * not by `make`, and is never installed.  Its messages are English only.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

#include "gen.h"

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct gen_ctx {
	double start;
	bool quiet;
};

static void gen_progress(void *ctx, const char *what)
{
	struct gen_ctx *g = ctx;

	if (!g->quiet)
		fprintf(stderr, "gen: %6.1f s  %s\n", seconds() - g->start,
			what);
}

static void help(void)
{
	puts("Usage: tillit-gen [--db PATH] (--scale N | --tier small|large) "
	     "[--seed N] [--quiet]\n"
	     "       tillit-gen --data-version\n"
	     "\n"
	     "Fills a new, empty database with a made-up municipality, for\n"
	     "benchmarks and for trying tillit at scale.  Scale 1 is one\n"
	     "municipality-year (1,000 people, 20,000 meetings, 100,000\n"
	     "agenda items, 100,000 follow-ups and 500 goals with 2,000\n"
	     "indicators and 50,000 measurements); --tier large is scale 10,\n"
	     "ten years of a large municipality; --tier small is scale 0.01.\n"
	     "The same seed and clock give the same database.");
}

/* The one line of an error on stderr, and the exit code of its status. */
static int fail(enum tl_status status, const char *msg)
{
	char *safe = tl_text_sanitize(msg[0] ? msg : "Something failed.",
				      false);

	fprintf(stderr, "tillit-gen: %s%s\n", safe ? safe : msg,
		status == TL_EUSAGE ? " Try 'tillit-gen --help'." : "");
	free(safe);
	return tl_status_exit_code(status);
}

/* The option in error, as getopt_long left it: "--tier" of "--tier=x". */
static int bad_option(int ch, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	char msg[160];
	int n = (int)strcspn(arg, "=");

	if (n > 60)
		n = 60;
	if (optopt > 0 && optopt < 128 && arg[0] == '-' && arg[1] != '-')
		snprintf(msg, sizeof(msg), ch == ':'
			 ? "Option '-%c' needs a value."
			 : "Unknown option '-%c'.", optopt);
	else
		snprintf(msg, sizeof(msg), ch == ':'
			 ? "Option '%.*s' needs a value."
			 : "Unknown option '%.*s'.", n, arg);
	return fail(TL_EUSAGE, msg);
}

/* Removes a database this run created and then failed to fill. */
static void remove_db(const char *path)
{
	static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
	char side[PATH_MAX + 16];

	if (!strcmp(path, ":memory:"))
		return;
	for (size_t i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		snprintf(side, sizeof(side), "%s%s", path, sides[i]);
		unlink(side);
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"scale", required_argument, NULL, 's'},
		{"tier", required_argument, NULL, 't'},
		{"seed", required_argument, NULL, 'r'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"data-version", no_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	struct tl_gen_options o = {.scale = 0};
	struct gen_ctx ctx = {.start = seconds()};
	struct tl_store *st = NULL;
	struct tl_error err = {0};
	long count[TL_K_COUNT], total = 0;
	const char *db = NULL;
	char path[PATH_MAX];
	struct stat sb;
	bool existed;
	enum tl_status rc;
	char *end;
	int ch;

	/* As in tillit: a file size limit must not kill a write. */
	signal(SIGXFSZ, SIG_IGN);
	tl_text_init();
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 's':
			errno = 0;
			o.scale = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o.scale > 0) ||
			    o.scale > 100)
				return fail(TL_EUSAGE, "--scale takes a number "
					    "above 0 and at most 100.");
			break;
		case 't':
			if (!strcmp(optarg, "large"))
				o.scale = 10;
			else if (!strcmp(optarg, "small"))
				o.scale = 0.01;
			else
				return fail(TL_EUSAGE, "--tier takes small or "
					    "large.");
			break;
		case 'r':
			o.seed = strtoull(optarg, NULL, 10);
			break;
		case 'q':
			ctx.quiet = true;
			break;
		case 'h':
			help();
			return 0;
		case 'v':
			printf("%d\n", TL_GEN_DATA_VERSION);
			return 0;
		default:
			return bad_option(ch, argv);
		}
	}
	if (optind < argc || o.scale <= 0)
		return fail(TL_EUSAGE, "Give --scale N or --tier small|large.");
	if (db && !*db)
		return fail(TL_EUSAGE, "--db needs a path.");
	rc = tl_clock_check(&err);
	if (rc == TL_OK)
		rc = tl_store_path(db, path, sizeof(path), &err);
	if (rc != TL_OK)
		return fail(rc, err.msg);
	existed = stat(path, &sb) == 0;
	rc = tl_store_open(path, TL_OPEN_CREATE, &st, &err);
	o.progress = gen_progress;
	o.ctx = &ctx;
	if (rc == TL_OK)
		rc = tl_gen_fill(st, &o, count, &err);
	tl_store_close(st);
	if (rc != TL_OK) {
		if (!existed)
			remove_db(path);
		return fail(rc, err.msg);
	}
	for (int k = 0; k < TL_K_COUNT; k++) {
		if (!count[k])
			continue;
		printf("%-16s %9ld\n", tl_entity_get((enum tl_kind)k)->plural,
		       count[k]);
		total += count[k];
	}
	printf("%-16s %9ld\n", "total", total);
	printf("%-16s %9.1f s\n", "time", seconds() - ctx.start);
	printf("%-16s %9d\n", "version", TL_GEN_DATA_VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		return fail(TL_ESYS, "Cannot write the output.");
	return 0;
}
