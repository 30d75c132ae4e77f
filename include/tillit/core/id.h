/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * id.h - record ids: random UUIDs from libuuid, shown as short prefixes.
 */
#ifndef TILLIT_ID_H
#define TILLIT_ID_H

#include "tillit/core/model.h"

/* Characters of an id shown in lists, like git's short hashes. */
#define TL_ID_SHORT 8

/* A new random UUID in lower-case text into out[TL_ID_LEN + 1]. */
void tl_id_new(char out[TL_ID_LEN + 1]);

/* The name-based (version 5) UUID of name in tillit's namespace: the
 * same name always gives the same id. */
void tl_id_of_name(const char *name, char out[TL_ID_LEN + 1]);

/* True when s could be the start of an id: 1-36 hex digits and dashes. */
bool tl_id_prefix_valid(const char *s);

#endif
