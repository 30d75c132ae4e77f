/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * justering.h - what signing (sign.c) and verifying (verify.c) share.
 * Private to src/service/.
 */
#ifndef TILLIT_SERVICE_JUSTERING_H
#define TILLIT_SERVICE_JUSTERING_H

#include "tillit/export/doc.h"
#include "tillit/service/sign.h"
#include "tillit/store/store.h"

/* Meeting_id's minutes through ops, into *out (caller frees). */
enum tl_status tl_jus_minutes_text(struct tl_store *st, const char *meeting_id,
				   const struct tl_doc_ops *ops, char **out,
				   struct tl_error *err);

/* A recording said again through ops, into *out (caller frees); with
 * foot, the fields of the foot of the frozen minutes added (label,
 * value pairs up to NULL; may be NULL).  TL_EDB for a recording that
 * cannot be read. */
enum tl_status tl_jus_replay_text(const char *elements,
				  const struct tl_doc_ops *ops,
				  const char *const *foot, char **out,
				  struct tl_error *err);

/* The signers of meeting m (a stored meeting record). */
enum tl_status tl_jus_signers(struct tl_store *st, const struct tl_record *m,
			      struct tl_signer **out, int *nout,
			      struct tl_error *err);

/* Whether meeting_id's minutes are frozen. */
enum tl_status tl_jus_is_frozen(struct tl_store *st, const char *meeting_id,
				bool *frozen, struct tl_error *err);

/* The label of the foot's line that holds the audit log's head. */
const char *tl_jus_head_label(void);

#endif
