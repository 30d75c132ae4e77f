/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_date.c - libFuzzer target for the dates and times people type
 * (date.h): tl_date_parse and tl_datetime_parse against a fixed today.
 *
 * Whatever the input, a parse either fails with a message or writes a
 * canonical value that parses again to itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tl_text_init();
	return 0;
}

static void check_date(const char *in, const char *today)
{
	char out[TL_DATE_SIZE], again[TL_DATE_SIZE];
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_date_parse(in, today, out, &err) != TL_OK) {
		if (err.status == TL_OK || !err.msg[0])
			abort(); /* a failure must say why */
		if (!tl_utf8_valid(err.msg, strlen(err.msg)))
			abort();
		return;
	}
	if (strlen(out) != 10 || tl_date_parse(out, today, again, &err) != TL_OK
	    || strcmp(out, again))
		abort();
}

static void check_datetime(const char *in, const char *today)
{
	char out[TL_DATETIME_SIZE], again[TL_DATETIME_SIZE];
	struct tl_error err;

	tl_error_clear(&err);
	if (tl_datetime_parse(in, today, out, &err) != TL_OK) {
		if (err.status == TL_OK || !err.msg[0])
			abort();
		return;
	}
	if (strlen(out) != 16 ||
	    tl_datetime_parse(out, today, again, &err) != TL_OK ||
	    strcmp(out, again))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);

	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	check_date(in, "2026-11-23");
	check_date(in, "9999-12-31");
	check_date(in, NULL);
	check_datetime(in, "2026-11-23");
	check_datetime(in, "1000-01-01");
	(void)tl_date_diff(in, "2026-11-23");
	free(in);
	return 0;
}
