/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_sanitize.c - libFuzzer target for the text functions that guard
 * the terminal (text.h): tl_text_sanitize, tl_text_fit, tl_text_width,
 * tl_utf8_valid and tl_text_first_line.
 *
 * Properties checked on every input:
 *   - sanitised text is valid UTF-8 and holds no C0 control, no DEL, no
 *     ESC and no C1 control (U+0080-U+009F), except '\n' and '\t' when
 *     they are kept;
 *   - fitted text is exactly the asked width (a wide character cut at
 *     the edge may leave it one short), valid UTF-8 and equally clean,
 *     and never overruns its buffer;
 *   - the first line is a prefix of the input, within its byte limit.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tl_text_init();
	return 0;
}

/* True when s has nothing a terminal would act on. */
static bool clean(const char *s, bool keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);

	if (!tl_utf8_valid(s, len))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\n' || p[i] == '\t') {
			if (!keep_newlines)
				return false;
			continue;
		}
		if (p[i] < 0x20 || p[i] == 0x7F)
			return false;
		/* C1 controls are C2 80 - C2 9F in UTF-8. */
		if (p[i] == 0xC2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9F)
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *s, *line, out[256];
	size_t width, bufsize, w;
	bool right;

	if (size < 2)
		return 0;
	/* The first two bytes choose a width, an alignment and a buffer
	 * size. */
	width = data[0] % 80;
	right = data[0] & 0x80;
	bufsize = 1 + data[1] % sizeof(out);
	data += 2;
	size -= 2;
	in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';

	(void)tl_utf8_valid((const char *)data, size);
	(void)tl_text_width(in);

	for (int keep = 0; keep < 2; keep++) {
		s = tl_text_sanitize(in, keep);
		if (!s)
			abort();
		if (!clean(s, keep))
			abort();
		/* Sanitising is idempotent on clean text. */
		char *again = tl_text_sanitize(s, keep);
		if (!again || strcmp(again, s))
			abort();
		free(again);
		free(s);
	}

	/* A buffer of bufsize bytes, guarded by its exact allocation. */
	char *buf = malloc(bufsize);
	if (!buf)
		abort();
	tl_text_fit(in, width, right, buf, bufsize);
	if (strlen(buf) >= bufsize || !clean(buf, false))
		abort();
	free(buf);

	tl_text_fit(in, width, false, out, sizeof(out));
	if (!clean(out, false))
		abort();
	w = tl_text_width(out);
	/* 80 cells of at most 4 bytes each can overflow 256 bytes: then
	 * less is shown.  Otherwise the width is exact, or one short when a
	 * wide character would have crossed the edge. */
	if (w > width || (strlen(out) + 8 < sizeof(out) && w + 1 < width))
		abort();

	line = tl_text_first_line(in, width);
	if (!line || strlen(line) > width || strncmp(line, in, strlen(line)))
		abort();
	free(line);
	free(in);
	return 0;
}
