/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * number.h - § numbers, once for every engine (number.c): the number a
 * new agenda item gets, and the numbers that change when an item leaves
 * a committee meeting or a committee meeting moves.  record.c applies
 * them inside the change's savepoint; an engine only stores rows.
 */
#ifndef TILLIT_STORE_NUMBER_H
#define TILLIT_STORE_NUMBER_H

#include "tillit/store/store.h"

/*
 * Numbers the new item r (its meeting set and checked) before it is
 * written: in a committee meeting the number after those before it in
 * the committee's year, the later unsigned meetings of the year moving
 * up one; elsewhere the next number of its meeting.  TL_EREFUSED, with a
 * sentence saying why, when a later meeting of the year that is signed
 * or under justering would have to change.
 */
enum tl_status tl_number_item_new(struct tl_store *st, struct tl_record *r,
				  struct tl_error *err);

/*
 * After the item `old` was removed: the later items of its committee's
 * year close the gap.  TL_EREFUSED as tl_number_item_new.
 */
enum tl_status tl_number_item_gone(struct tl_store *st,
				   const struct tl_record *old,
				   struct tl_error *err);

/*
 * Writes the meeting `now` over `old` (the engine's update) and numbers
 * again what its move changes: a committee meeting with a new start,
 * unit or kind takes its place in the date order of its (new)
 * committee's year, and the year it left closes the gap.  TL_EREFUSED
 * as tl_number_item_new.  The caller has checked the change and holds a
 * savepoint.
 */
enum tl_status tl_number_meeting_update(struct tl_store *st,
					const struct tl_record *old,
					const struct tl_record *now,
					struct tl_error *err);

#endif
