/*
 * gen_cmd.c - `tillit gen`: a large made-up database for benchmarks and
 * for trying tillit at the size of a large municipality (gen.h).
 *
 *   tillit --db FILE gen (--scale N | --tier small|large) [--seed N]
 *
 * The database must be new or empty.  It prints what was made and how
 * long it took.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tillit/gen.h"
#include "tillit/i18n.h"
#include "tillit/model.h"
#include "tillit/store.h"

#include "internal.h"

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

static void help_gen(void)
{
	puts(_("Usage: tillit [--db PATH] gen (--scale N | --tier small|large) "
	       "[--seed N] [--quiet]\n"
	       "\n"
	       "Fills a new, empty database with a made-up municipality, for\n"
	       "benchmarks and for trying tillit at scale.  Scale 1 is one\n"
	       "municipality-year (1,000 people, 20,000 meetings, 100,000\n"
	       "agenda items and 100,000 follow-ups); --tier large is scale 10,\n"
	       "ten years of a large municipality; --tier small is scale 0.01.\n"
	       "The same seed and clock give the same database."));
}

enum tl_status cli_cmd_gen(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"scale", required_argument, NULL, 's'},
		{"tier", required_argument, NULL, 't'},
		{"seed", required_argument, NULL, 'r'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct tl_gen_options o = {.scale = 0};
	struct gen_ctx ctx = {.start = seconds()};
	struct tl_store *st = NULL;
	long count[TL_K_COUNT], total = 0;
	struct stat sb;
	bool existed;
	enum tl_status rc;
	char *end;
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 's':
			errno = 0;
			o.scale = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o.scale > 0) ||
			    o.scale > 100)
				return cli_usage(c, _("--scale takes a number "
						 "above 0 and at most 100."));
			break;
		case 't':
			if (!strcmp(optarg, "large"))
				o.scale = 10;
			else if (!strcmp(optarg, "small"))
				o.scale = 0.01;
			else
				return cli_usage(c, _("--tier takes small or "
						 "large."));
			break;
		case 'r':
			o.seed = strtoull(optarg, NULL, 10);
			break;
		case 'q':
			ctx.quiet = true;
			break;
		case 'h':
			help_gen();
			return TL_OK;
		default:
			return cli_bad_option(c, ch, argv);
		}
	}
	if (optind < argc || o.scale <= 0)
		return cli_usage(c, _("gen needs --scale N or --tier small|"
				 "large."));
	rc = tl_store_path(c->db_opt, c->db_path, sizeof(c->db_path),
			   &c->err);
	if (rc != TL_OK)
		return rc;
	existed = stat(c->db_path, &sb) == 0;
	rc = tl_store_open(c->db_path, TL_OPEN_CREATE, &st, &c->err);
	o.progress = gen_progress;
	o.ctx = &ctx;
	if (rc == TL_OK)
		rc = tl_gen_fill(st, &o, count, &c->err);
	tl_store_close(st);
	if (rc != TL_OK) {
		if (!existed && strcmp(c->db_path, ":memory:")) {
			char side[CLI_PATH_MAX + 8];
			unlink(c->db_path);
			snprintf(side, sizeof(side), "%s-wal", c->db_path);
			unlink(side);
			snprintf(side, sizeof(side), "%s-shm", c->db_path);
			unlink(side);
			snprintf(side, sizeof(side), "%s-journal", c->db_path);
			unlink(side);
		}
		return rc;
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
	return TL_OK;
}
