/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_cli.c - libFuzzer target for the command line (cli_main).
 *
 * The input is split at newlines into arguments, which follow
 * "tillit --db fuzz.db".  Every run starts from a copy of a database made
 * once with `init --demo`, in a scratch folder that is also the working
 * directory, so files that a command writes (export --output) land there
 * and are removed after the run.  Arguments holding '/' are skipped, so
 * nothing outside that folder is touched, and so is `ui --script`, which
 * would run the full-screen program.  Standard output and error go to a
 * file that is checked after each run; sanitizer reports go to the
 * original stderr.
 *
 * cli_main must return an exit code of DESIGN.md section 6 (0-3) or the
 * full-screen program's refusal without a terminal; it never calls exit().
 * What it prints is valid UTF-8 and holds no control character but tab,
 * newline and carriage return (CSV and iCalendar end lines with CR LF):
 * whatever is typed, nothing reaches the terminal that could drive it.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sanitizer/common_interface_defs.h>

#include "tillit/cli/cli.h"
#include "tillit/core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 48
#define TEMPLATE ".template.db"
#define DB "fuzz.db"
#define OUTPUT_MAX (4 << 20)

static int cap_fd = -1, out_fd = -1, err_fd = -1;
static char *output;
static char *db_image;
static size_t db_size;

/* Points stdout and stderr at the empty capture file, or back. */
static void mute(bool on)
{
	fflush(stdout);
	fflush(stderr);
	if (on && (ftruncate(cap_fd, 0) != 0 ||
		   lseek(cap_fd, 0, SEEK_SET) != 0))
		abort();
	dup2(on ? cap_fd : out_fd, STDOUT_FILENO);
	dup2(on ? cap_fd : err_fd, STDERR_FILENO);
	clearerr(stdout);
	clearerr(stderr);
}

/* Checks what the last run printed. */
static void check_output(void)
{
	ssize_t n = pread(cap_fd, output, OUTPUT_MAX, 0);
	const unsigned char *p = (const unsigned char *)output;

	if (n < 0)
		abort();
	for (ssize_t i = 0; i < n; i++) {
		if ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\t' &&
		     p[i] != '\r') || p[i] == 0x7F) {
			dprintf(err_fd, "fuzz_cli: control byte 0x%02x at %zd "
				"of the output\n", p[i], i);
			abort();
		}
	}
	/* A long output may stop inside a character: check whole ones. */
	if (n < OUTPUT_MAX && !tl_utf8_valid(output, (size_t)n)) {
		dprintf(err_fd, "fuzz_cli: the output is not UTF-8\n");
		abort();
	}
}

static int run(int argc, char **argv)
{
	int rc;

	mute(true);
	rc = cli_main(argc, argv);
	mute(false);
	return rc;
}

/* Reads the whole file at path into *buf. */
static void slurp(const char *path, char **buf, size_t *size)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET))
		abort();
	*buf = malloc((size_t)n);
	if (!*buf || fread(*buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	*size = (size_t)n;
	fclose(f);
}

static char scratch[] = "/tmp/tillit-fuzz-cli-XXXXXX";

static void clean(void);

/* The scratch folder goes when the fuzzer ends. */
static void remove_scratch(void)
{
	clean();
	unlink(TEMPLATE);
	if (chdir("/") == 0)
		rmdir(scratch);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *init[] = {"tillit", "--db", TEMPLATE, "init", "--demo", NULL};
	FILE *cap;

	(void)argc;
	(void)argv;
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	setenv("COLUMNS", "100", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("TILLIT_DB");
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	if (!mkdtemp(scratch) || chdir(scratch))
		abort();
	atexit(remove_scratch);
	setenv("XDG_DATA_HOME", scratch, 1);
	setenv("HOME", scratch, 1);
	/* A file of no name, which no command can reach. */
	cap = tmpfile();
	cap_fd = cap ? fileno(cap) : -1;
	out_fd = dup(STDOUT_FILENO);
	err_fd = dup(STDERR_FILENO);
	output = malloc(OUTPUT_MAX);
	if (cap_fd < 0 || out_fd < 0 || err_fd < 0 || !output)
		abort();
	/* No input: commands that could wait for some get end of file. */
	{
		int null_fd = open("/dev/null", O_RDONLY);
		if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0)
			abort();
		close(null_fd);
	}
	__sanitizer_set_report_fd((void *)(intptr_t)err_fd);
	if (run(5, init) != 0)
		abort();
	slurp(TEMPLATE, &db_image, &db_size);
	return 0;
}

/* Removes everything a run left in the scratch folder but the template. */
static void clean(void)
{
	DIR *d = opendir(".");
	struct dirent *e;

	if (!d)
		abort();
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, TEMPLATE))
			continue;
		if (unlink(e->d_name) != 0)
			rmdir(e->d_name);
	}
	closedir(d);
}

static void fresh_db(void)
{
	FILE *f = fopen(DB, "wb");

	if (!f || fwrite(db_image, 1, db_size, f) != db_size || fclose(f))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 4], *buf, *p;
	int argc = 0, rc;

	if (size > 4096)
		return 0;
	buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = (char *)"tillit";
	argv[argc++] = (char *)"--db";
	argv[argc++] = (char *)DB;
	for (p = buf; argc < MAX_ARGS + 3;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (strchr(p, '/') || !strncmp(p, "--sc", 4)) {
			free(buf);
			return 0;
		}
		argv[argc++] = p;
		if (!nl)
			break;
		p = nl + 1;
	}
	argv[argc] = NULL;

	fresh_db();
	rc = run(argc, argv);
	if (rc < 0 || rc > 3)
		abort();
	check_output();
	clean();
	free(buf);
	return 0;
}
