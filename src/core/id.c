/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * id.c - record ids.  Every record's key is a random (version 4) UUID
 * made by libuuid, kept as 36 characters of lower-case text; a record
 * that stands for something outside tillit with a name of its own (a
 * calendar's event, by its UID) gets a name-based (version 5) one, the
 * same every time.  People see
 * and type short prefixes of it, the way git shows commits; this file only
 * says whether a typed prefix could be one, and the store resolves it.
 */
#include "tillit/core/id.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include <uuid/uuid.h>

void tl_id_new(char out[TL_ID_LEN + 1])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

void tl_id_of_name(const char *name, char out[TL_ID_LEN + 1])
{
	/* tillit's own namespace (a random UUID, fixed for good). */
	static const uuid_t ns = {0x5b, 0x0c, 0x8e, 0x6a, 0x2f, 0x41, 0x4d,
				  0x1e, 0x9a, 0x77, 0x3c, 0x52, 0xe1, 0x08,
				  0xd4, 0x96};
	uuid_t u;

	uuid_generate_sha1(u, ns, name, strlen(name));
	uuid_unparse_lower(u, out);
}

/*
 * Dashes may stand only where a UUID has them (after 8, 13, 18 and 23
 * characters), so "3f2b-" is refused at once instead of matching nothing.
 * Upper-case hex digits are accepted because people copy ids from
 * everywhere; whoever looks a prefix up lower-cases it first, as ids are
 * stored in lower case.
 */
bool tl_id_prefix_valid(const char *s)
{
	int i;

	if (!s || !*s)
		return false;
	for (i = 0; s[i]; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (i >= TL_ID_LEN)
			return false;
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return false;
	}
	return true;
}
