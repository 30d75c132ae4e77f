/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * audit.h - the digests of the store: SHA-256 (Nettle), and the hash of
 * an audit row, which makes the audit log a chain.
 *
 * The hash of an audit row is the SHA-256, as 64 lower-case hex digits,
 * of these 13 items, in this order:
 *
 *   "tillit-audit-1", prev, seq, at, clock, actor, os_user, entity,
 *   entity_id, action, field, old_value, new_value
 *
 * (the first is a constant naming this encoding; seq is written in
 * decimal; the others are the row's columns, struct tl_audit's fields).
 * Each item is written as its length in bytes in decimal, ':', its bytes
 * and ',' ("5:åäö," is the three letters, two bytes each), or as '~'
 * alone when it is NULL; the items follow each other with nothing
 * between.  No two rows thus have the same encoding.  prev is the hash
 * of the row before, and TL_AUDIT_ZERO for the first row of the log.  So
 * anyone can recompute the chain from the database file with the sqlite3
 * program and sha256sum (tests/cli/test_audit_chain.sh does).
 */
#ifndef TILLIT_STORE_AUDIT_H
#define TILLIT_STORE_AUDIT_H

#include <stddef.h>

#include "tillit/store/store.h"

/* The prev of the first row of the audit log: 64 zeros. */
#define TL_AUDIT_ZERO \
	"0000000000000000000000000000000000000000000000000000000000000000"

/* The SHA-256 of len bytes as 64 lower-case hex digits into out[65]. */
void tl_sha256_hex(const void *data, size_t len, char out[65]);

/*
 * The hash of audit row a into out[65], from a->prev and every other
 * field of a (NULL pointers are NULL items; a->hash is not read).  A
 * NULL a->prev is hashed as NULL: such a row never follows another.
 */
void tl_audit_hash(const struct tl_audit *a, char out[65]);

#endif
