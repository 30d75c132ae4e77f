/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_csv.c - libFuzzer target for the CSV writer (src/export/csv.c):
 * what it writes reads back, by RFC 4180, as the cells it was given.
 *
 * The first byte picks guarded or raw cells (TL_CSV_RAW); the rest is
 * cut at NUL bytes into up to 64 cells, written as one line with
 * tl_csv_write_row.  A strict reader of RFC 4180 here (a field quoted or
 * not; in a quoted one "" is a quote; an unquoted one holds no quote, CR
 * or LF; the line ends in CRLF) must read exactly as many fields, each
 * the cell as the screen shows it (tl_text_sanitize, line breaks and
 * tabs kept), with "'" in front when the cell is guarded: when not raw
 * and it starts with '=', '+', '-', '@', a tab or a CR and is not a
 * plain number like -5 or -2.50 (a rule written again here, not taken
 * from the writer).  The line holds no control character but the tabs
 * and line breaks of cells and its CRLF.  Any difference aborts.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/text.h"
#include "tillit/export/csv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_CELLS 64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tl_text_init();
	return 0;
}

/* An optional '-', digits, and optionally a point and digits. */
static bool is_number(const char *s)
{
	const char *p = s + (*s == '-');
	const char *digits = p;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p == digits)
		return false;
	if (*p == '.') {
		digits = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == digits)
			return false;
	}
	return *p == '\0';
}

/* The field a reader must get for cell. */
static char *expected(const char *cell, bool raw)
{
	char *safe = tl_text_sanitize(cell, true), *want;

	if (!safe)
		abort();
	if (raw || !*safe || !strchr("=+-@\t\r", safe[0]) || is_number(safe))
		return safe;
	want = malloc(strlen(safe) + 2);
	if (!want)
		abort();
	want[0] = '\'';
	strcpy(want + 1, safe);
	free(safe);
	return want;
}

/* Reads one field of buf[*pos..len) into a new string; NULL when it
 * breaks RFC 4180. */
static char *read_field(const char *buf, size_t len, size_t *pos)
{
	char *f = malloc(len + 1);
	size_t n = 0, i = *pos;

	if (!f)
		abort();
	if (i < len && buf[i] == '"') {
		for (i++;; i++) {
			if (i >= len)
				goto bad;
			if (buf[i] == '"') {
				if (i + 1 < len && buf[i + 1] == '"') {
					f[n++] = '"';
					i++;
					continue;
				}
				i++;
				break;
			}
			f[n++] = buf[i];
		}
	} else {
		for (; i < len && buf[i] != ',' && buf[i] != '\r'; i++) {
			if (buf[i] == '"' || buf[i] == '\n')
				goto bad;
			f[n++] = buf[i];
		}
	}
	f[n] = '\0';
	*pos = i;
	return f;
bad:
	free(f);
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *out = NULL, *cells[MAX_CELLS];
	const char *cv[MAX_CELLS];
	size_t len = 0, pos = 0, at;
	int n = 0;
	bool raw;
	FILE *f;

	if (size < 1)
		return 0;
	raw = data[0] & 1;
	in = malloc(size);
	if (!in)
		abort();
	memcpy(in, data + 1, size - 1);
	in[size - 1] = '\0';
	/* Cells end at NUL bytes (the last at the end of the input). */
	for (at = 0; n < MAX_CELLS; n++) {
		cv[n] = in + at;
		at += strlen(in + at) + 1;
		if (at > size - 1) {
			n++;
			break;
		}
	}

	f = open_memstream(&out, &len);
	if (!f)
		abort();
	tl_csv_write_row(f, cv, n, raw ? TL_CSV_RAW : 0);
	if (fclose(f) != 0)
		abort();

	/* Only cells' tabs and line breaks, and the final CRLF. */
	if (len < 2 || memcmp(out + len - 2, "\r\n", 2))
		abort();
	for (size_t i = 0; i + 2 < len; i++) {
		unsigned char c = (unsigned char)out[i];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
			abort();
	}
	len -= 2;

	for (int i = 0; i < n; i++) {
		char *want = expected(cv[i], raw);

		cells[i] = read_field(out, len, &pos);
		if (!cells[i] || strcmp(cells[i], want))
			abort();
		free(want);
		free(cells[i]);
		if (i + 1 < n) {
			if (pos >= len || out[pos] != ',')
				abort();
			pos++;
		}
	}
	if (pos != len)
		abort();
	free(out);
	free(in);
	return 0;
}
