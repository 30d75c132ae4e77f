/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * notice.h - the notice of a committee's justering (anslagsbevis), and
 * the Atom feed of notices (issue 16, point 3).
 *
 * The notice says what the law wants the notice board to say: which
 * committee met when, which §§ the protokoll holds, the day it was
 * justered, the days the notice went up and comes down, the last day of
 * the appeal window (core/clocks.h), where the protokoll is kept and who
 * certifies it.  A § justered immediately (omedelbar justering) has a
 * notice of its own, which says the same of that § alone.  It is written
 * through the document writer in every format the minutes have.  The feed (RFC 4287) has an entry per notice,
 * newest first, so that people can subscribe to the notice board.
 */
#ifndef TILLIT_EXPORT_NOTICE_H
#define TILLIT_EXPORT_NOTICE_H

#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/store/store.h"

struct tl_doc_ops;

/* The notice of meeting_id through a document backend: of its
 * protokoll, or with `number` (> 0) of that § alone, justered
 * immediately.  TL_ENOTFOUND, with one sentence, when the justering has
 * no notice yet (or there is no such §, or it is not justered
 * immediately). */
enum tl_status tl_notice_write_doc(struct tl_store *st,
				   const char *meeting_id, long number,
				   const struct tl_doc_ops *ops, FILE *out,
				   struct tl_error *err);

/* The notices q selects (newest first) as an Atom feed. */
/*
 * The notice certificate (anslagsbevis) at the foot of the meeting's
 * protokoll, into d as a section of its own: when the notice went up and
 * comes down, the last day of appeal, where the protokoll is kept and
 * who certifies it; with item_id (not NULL), that of the § justered
 * immediately.  Nothing when no notice is posted.  Read in the caller's
 * snapshot.
 */
struct tl_doc;
struct tl_refs;
enum tl_status tl_notice_certificate(struct tl_store *st,
				     struct tl_refs *refs,
				     const char *meeting_id,
				     const char *item_id, struct tl_doc *d,
				     struct tl_error *err);

enum tl_status tl_notice_write_atom(struct tl_store *st,
				    const struct tl_query *q, FILE *out,
				    struct tl_error *err);

#endif
