/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * minutes.h - the minutes (protokoll) of a committee meeting and the
 * summary of a one-to-one, made from what was recorded, as Markdown,
 * printable HTML or plain text.
 *
 * The canonical form (TL_MINUTES_CANON) is the plain text without anything
 * that changes by itself (no "generated at"); signing stores its SHA-256
 * digest and `tillit verify` recomputes it (sign.h).
 */
#ifndef TILLIT_MINUTES_H
#define TILLIT_MINUTES_H

#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/store/store.h"

enum tl_minutes_format {
	TL_MINUTES_MD,
	TL_MINUTES_HTML,  /* self-contained, escaped, with a print style */
	TL_MINUTES_TXT,   /* sanitised for terminals */
	TL_MINUTES_CANON, /* what the digest covers */
};

/*
 * Writes the minutes of meeting_id (a committee meeting, a governance
 * dialogue or a forum) or, for a one-to-one, its summary, to out.
 * TL_ENOTFOUND for an unknown meeting.
 */
enum tl_status tl_minutes_write(struct tl_store *st, const char *meeting_id,
				enum tl_minutes_format format, FILE *out,
				struct tl_error *err);

struct tl_doc_ops;

/* The same, through any document backend (export/doc.h): what a row of
 * the export formats' table names (export/formats.h). */
enum tl_status tl_minutes_write_doc(struct tl_store *st,
				    const char *meeting_id,
				    const struct tl_doc_ops *ops, FILE *out,
				    struct tl_error *err);

/*
 * An extract of the minutes (protokollsutdrag) through a document
 * backend: the header, the attendance, § `number` of meeting_id, how far
 * justering has come and the secretary's certificate.  A § justered
 * immediately (omedelbar justering) shows its own justering, with the
 * signature each signer gave, and its notice certificate once posted.
 * With `own`, the § justered immediately as its own small protokoll:
 * the same, without the certificate of a true extract.  TL_ENOTFOUND
 * when the meeting has no such § (or, with own, it is not justered
 * immediately).
 */
enum tl_status tl_extract_write_doc(struct tl_store *st,
				    const char *meeting_id, long number,
				    bool own, const struct tl_doc_ops *ops,
				    FILE *out, struct tl_error *err);

#endif
