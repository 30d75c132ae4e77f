/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_ics.c - libFuzzer target for the iCalendar writer
 * (src/export/ical.c): any stored text makes a valid RFC 5545 file that
 * reads back as the text the screen shows.
 *
 * The input is cut at its first two NUL bytes into a summary, a
 * description and a kind, written with tl_ical_write_texts, which makes
 * a VTODO of them by the rules of the export.  The file must have lines
 * that end in CRLF, hold at most 75 octets and no control character but
 * a tab, and are never folded inside a UTF-8 sequence; libical must
 * parse it with no error (no X-LIC-ERROR property), and give back
 * SUMMARY and DESCRIPTION equal to the texts as tl_text_sanitize shows
 * them (line breaks and tabs kept) without the spaces and tabs at their
 * ends, which libical's parser drops (a text left blank has no property
 * at all), and CATEGORIES only for a kind tillit knows.  Any difference
 * aborts.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "tillit/core/error.h"
#include "tillit/core/text.h"
#include "tillit/export/ical.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tl_text_init();
	return 0;
}

/* What a reader must get for text: sanitised, the spaces and tabs at
 * both ends left out (caller frees). */
static char *expected(const char *text)
{
	char *s = tl_text_sanitize(text, true);
	size_t start, end;

	if (!s)
		abort();
	start = strspn(s, " \t");
	end = strlen(s);
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

/* Checks the raw lines of the file. */
static void check_lines(const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *eol = memchr(buf + i, '\r', len - i);
		size_t n;

		if (!eol || (size_t)(eol - buf) + 1 >= len || eol[1] != '\n')
			abort();
		n = (size_t)(eol - (buf + i));
		if (n > 75)
			abort();
		/* A folded line goes on with one space, then a character
		 * that starts a UTF-8 sequence. */
		if (n > 1 && buf[i] == ' ' &&
		    ((unsigned char)buf[i + 1] & 0xC0) == 0x80)
			abort();
		for (size_t k = i; k < i + n; k++) {
			unsigned char c = (unsigned char)buf[k];

			if ((c < 0x20 && c != '\t') || c == 0x7F)
				abort();
		}
		i += n + 2;
	}
}

static bool known_kind(const char *kind)
{
	return !strcmp(kind, "result") || !strcmp(kind, "effect") ||
	       !strcmp(kind, "action");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 3), *out = NULL, *want;
	const char *summary, *desc, *kind, *got;
	struct tl_error err;
	icalcomponent *cal, *todo;
	icalproperty *p;
	size_t len = 0;
	int ncat = 0;
	FILE *f;

	if (!in)
		abort();
	/* Three NULs after the input, so that all three texts exist. */
	memcpy(in, data, size);
	memset(in + size, 0, 3);
	summary = in;
	desc = summary + strlen(summary) + 1;
	kind = desc + strlen(desc) + 1;
	if (desc > in + size)
		desc = in + size;
	if (kind > in + size)
		kind = in + size;

	f = open_memstream(&out, &len);
	if (!f)
		abort();
	if (tl_ical_write_texts(f, summary, desc, kind, &err) != TL_OK) {
		fprintf(stderr, "%s\n", err.msg);
		abort();
	}
	if (fclose(f) != 0)
		abort();
	check_lines(out, len);

	cal = icalparser_parse_string(out);
	if (!cal || icalcomponent_count_errors(cal) != 0)
		abort();
	todo = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	if (!todo)
		abort();

	want = expected(summary);
	got = icalcomponent_get_summary(todo);
	if (strcmp(got ? got : "", want))
		abort();
	free(want);
	want = expected(desc);
	got = icalcomponent_get_description(todo);
	if (strcmp(got ? got : "", want))
		abort();
	free(want);
	p = icalcomponent_get_first_property(todo, ICAL_CATEGORIES_PROPERTY);
	for (; p; p = icalcomponent_get_next_property(
			  todo, ICAL_CATEGORIES_PROPERTY)) {
		if (!known_kind(kind) ||
		    strcmp(icalproperty_get_categories(p), kind))
			abort();
		ncat++;
	}
	if (ncat != (known_kind(kind) ? 1 : 0))
		abort();

	icalcomponent_free(cal);
	free(out);
	free(in);
	return 0;
}
