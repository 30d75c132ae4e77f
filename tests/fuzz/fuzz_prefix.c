/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_prefix.c - libFuzzer target for what people type to name a record
 * (tl_store_resolve): an id prefix, or a person's exact name.
 *
 * A small in-memory store holds a unit and people whose ids share
 * prefixes and whose names hold quotes, wildcards and non-ASCII letters.
 * The first byte of the input picks the kind; the rest is the text.
 * A success must give a stored id that the text is a prefix of, or the
 * record whose name is exactly the text; every failure carries a message
 * that is valid UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct tl_store *st;

static const char *const people[][2] = {
	{"3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f", "\xC3\x85sa \xC3\x96" "berg"},
	{"3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e70", "O'Brien; DROP TABLE people --"},
	{"3f2b0000-0000-4000-8000-000000000000", "100% _sure_"},
	{"0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", "\xC3\x85sa \xC3\x96" "berg"},
	{"abcdef01-2345-4678-9abc-def012345678", "\xE5\xB1\xB1\xE7\x94\xB0"},
};

static void put(enum tl_kind kind, const char *id, int field,
		const char *value, int field2, const char *value2)
{
	struct tl_record *r = tl_record_new(kind);
	struct tl_error err;

	if (!r)
		abort();
	memcpy(r->id, id, TL_ID_LEN + 1);
	tl_record_set(r, field, value);
	if (field2 >= 0)
		tl_record_set(r, field2, value2);
	if (tl_store_insert(st, r, &err) != TL_OK)
		abort();
	tl_record_free(r);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct tl_error err;

	(void)argc;
	(void)argv;
	setenv("TILLIT_NOW", "2026-11-23 10:00", 1);
	tl_text_init();
	if (tl_store_open(":memory:", TL_OPEN_CREATE, &st, &err) != TL_OK)
		abort();
	put(TL_K_UNIT, "11111111-1111-4111-8111-111111111111", TL_UNIT_NAME,
	    "Kommunstyrelsen", TL_UNIT_KIND, "committee");
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		put(TL_K_PERSON, people[i][0], TL_PERSON_NAME, people[i][1],
		    TL_PERSON_KIND, "employee");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum tl_kind kind;
	char out[TL_ID_LEN + 1], *text;
	struct tl_error err;
	struct tl_record *r = NULL;
	enum tl_status rc;

	if (size < 1)
		return 0;
	kind = (enum tl_kind)(data[0] % TL_K_COUNT);
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';

	tl_error_clear(&err);
	rc = tl_store_resolve(st, kind, text, out, &err);
	if (rc == TL_OK) {
		const char *name;
		if (tl_store_get(st, kind, out, &r, &err) != TL_OK)
			abort();
		name = tl_record_get(r, r->e->title);
		/* An id prefix (any case) or the exact name. */
		if (strncasecmp(out, text, strlen(text)) &&
		    !(name && !strcmp(name, text)))
			abort();
		tl_record_free(r);
	} else {
		if (rc != TL_ENOTFOUND && rc != TL_EAMBIG && rc != TL_EINVAL)
			abort();
		if (!err.msg[0])
			abort();
		/* Valid text in, a valid message out. */
		if (tl_utf8_valid(text, strlen(text)) &&
		    !tl_utf8_valid(err.msg, strlen(err.msg)))
			abort();
	}
	free(text);
	return 0;
}
