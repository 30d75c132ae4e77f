/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * undone.h - what a committee delegated or decided and is not yet
 * reported back or carried out: `tillit export undone [--unit U]`, in
 * every document format.
 */
#ifndef TILLIT_EXPORT_UNDONE_H
#define TILLIT_EXPORT_UNDONE_H

#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/export/doc.h"
#include "tillit/store/store.h"

/*
 * Writes, through ops to out, the decisions of unit's meetings (a full
 * id; NULL: every unit's) whose execution is open, with who carries
 * them out, by when and which meeting hears of it; and the active
 * mandates unit gave whose report-back is overdue (read/undone.h), with
 * their holder and the last report-back.  Read in one snapshot.
 */
enum tl_status tl_undone_write_doc(struct tl_store *st, const char *unit,
				   const struct tl_doc_ops *ops, FILE *out,
				   struct tl_error *err);

#endif
