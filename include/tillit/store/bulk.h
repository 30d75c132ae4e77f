/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bulk.h - loading a great many new records at once, fast: what a
 * generator of test data (tools/gen/), an import or a benchmark needs,
 * where going through tl_store_insert record by record would take many
 * minutes.
 *
 * A bulk load is one transaction.  Every record is still checked by core
 * (tl_validate_record) and references must exist when the load commits,
 * but the work that does not change what is stored is done once at the
 * end instead of per record: what keeps lists fast and search current,
 * and the audit rows, are built for all the new records of a kind at
 * once.  The audit log gets one 'create' row per record, stamped with
 * the record's created_at, as if each had been added by itself.
 *
 * Records are written exactly as given (id, timestamps, every value,
 * item numbers and frame versions included): the caller owns them.  While
 * a load runs, the store may be used only inside its transaction (so
 * tl_store_put and tl_store_get work), and only for kinds of record the
 * load has not added to: for those, lists, search and the lock of signed
 * meetings wait for the end of the load.
 */
#ifndef TILLIT_BULK_H
#define TILLIT_BULK_H

#include <stdbool.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

struct tl_bulk;

/*
 * Starts a bulk load on st (open for writing, no transaction running).
 * *out is the load; finish it with tl_bulk_end or tl_bulk_abort.
 */
enum tl_status tl_bulk_begin(struct tl_store *st, struct tl_bulk **out,
			     struct tl_error *err);

/*
 * Adds one new record.  r->id, r->created_at and r->updated_at must be
 * set; values must be canonical.  Signatures, seals and signed meetings
 * are refused (TL_EREFUSED): a meeting becomes signed only by signing.
 * TL_EINVAL when core's checks fail.  After a failure the load can only
 * be aborted.
 */
enum tl_status tl_bulk_add(struct tl_bulk *b, const struct tl_record *r,
			   struct tl_error *err);

/*
 * What an import (json.h) adds: like tl_bulk_add, but every value must
 * have come out of tl_validate_value already (only required fields and
 * the rules between fields are checked here: tl_validate_rules); and,
 * like tl_store_put for a record that is new, a meeting given as signed
 * is written as held and becomes signed at the commit, so that what was
 * recorded in it can still go in; and every tag must name a stored
 * principle.  *dup is true when a record of its kind already has its id
 * (for a kind that had no records when the load began: the same id came
 * twice).  Signatures and
 * seals are refused as by tl_bulk_add.
 */
enum tl_status tl_bulk_import(struct tl_bulk *b, const struct tl_record *r,
			      bool *dup, struct tl_error *err);

/*
 * What an import merges record by record inside the load (a kind that
 * held records when the load began, principles, signatures and seals):
 * tl_store_put, in the load's transaction, and every record it wrote
 * checked, with the load's own, against the rules between records when
 * the load ends (tl_bulk_end): no unit under itself, no login shared.
 * *changed as tl_store_put's.
 */
enum tl_status tl_bulk_put(struct tl_bulk *b, const struct tl_record *r,
			   bool *changed, struct tl_error *err);

/*
 * How much memory, in KiB, the rest of the load may use to keep what it
 * has read (256 MiB by default, so that a generated database's ids stay
 * in memory).  A hint: an engine may ignore it.  An import asks for 4 MiB,
 * which measured as fast on a municipality-year and keeps the process
 * small.
 */
void tl_bulk_set_memory(struct tl_bulk *b, int kib);

/* *empty is true when the store holds no record of `kind`. */
enum tl_status tl_bulk_empty(struct tl_bulk *b, enum tl_kind kind,
			     bool *empty, struct tl_error *err);

/*
 * *found is true when a record the load added (through tl_bulk_add or
 * tl_bulk_import) has the id `id`, whatever its kind.
 */
enum tl_status tl_bulk_holds(struct tl_bulk *b, const char *id, bool *found,
			     struct tl_error *err);

/*
 * The smallest id that records of two kinds added by the load share, into
 * out ("" when there is none).  Within one kind the store refuses an id
 * twice already (tl_bulk_import's *dup); this finds the rest without
 * keeping any ids, by reading the kinds' ids side by side in order.
 */
enum tl_status tl_bulk_shared_id(struct tl_bulk *b, char out[TL_ID_LEN + 1],
				 struct tl_error *err);

/*
 * Builds what was put off (what keeps lists and search current, the audit
 * rows), checks the references and the rules between records (a unit's
 * ancestors, unique logins: the refusal names the record, "unit <id>:
 * ...") and commits.  Frees b whatever happens; on failure nothing of
 * the load is kept.
 */
enum tl_status tl_bulk_end(struct tl_bulk *b, struct tl_error *err);

/* Throws the load away and frees b.  Accepts NULL. */
void tl_bulk_abort(struct tl_bulk *b);

#endif
