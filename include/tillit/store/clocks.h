/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * clocks.h - a committee meeting's legal clocks, as the store knows them
 * (issue 16): the day of the meeting, the day its protokoll was justered
 * (the day the last signer signed) and the day its notice went up (the
 * meeting's notice, kind `notice`), put through core/clocks.h.
 *
 * A § justered immediately (omedelbar justering, store/paragraph.h) runs
 * clocks of its own: from the day its last signer signed, through its
 * own notice (a notice with an item), to its own appeal window.
 *
 * The rules of a notice (notice.c, asked whatever way one comes in
 * through tl_rule_check_among): a notice announces the justering of a
 * committee's protokoll, so its meeting is a committee meeting and
 * signed, or of one § of it justered immediately; it goes up no earlier
 * than that justering; it stays up until the appeal window has ended;
 * and a meeting has one notice of its protokoll, a § one of its own.
 */
#ifndef TILLIT_STORE_CLOCKS_H
#define TILLIT_STORE_CLOCKS_H

#include "tillit/core/clocks.h"
#include "tillit/store/store.h"

/*
 * The clocks of `meeting` into c, and its notice's id into notice_id ("" when
 * it has none; notice_id may be NULL).  *applies is false, and c empty,
 * for a meeting that runs no clocks: one that is no committee meeting,
 * or cancelled.
 */
enum tl_status tl_store_clocks(struct tl_store *st,
			       const struct tl_record *meeting,
			       struct tl_clocks *c, bool *applies,
			       char *notice_id, struct tl_error *err);

/*
 * The clocks of the § `item` justered immediately into c, and its own
 * notice's id into notice_id (as tl_store_clocks).  *applies is false
 * for a § not justered immediately, or of a meeting that runs no clocks.
 */
enum tl_status tl_store_paragraph_clocks(struct tl_store *st,
					 const struct tl_record *item,
					 struct tl_clocks *c, bool *applies,
					 char *notice_id,
					 struct tl_error *err);

#endif
