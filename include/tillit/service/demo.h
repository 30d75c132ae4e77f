/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * demo.h - a believable Swedish municipality to try tillit with.
 */
#ifndef TILLIT_DEMO_H
#define TILLIT_DEMO_H

#include "tillit/core/error.h"
#include "tillit/store/store.h"

/*
 * Fills the store with the demo: a council, an executive board, two
 * committees, administrations and units; elected members, managers and
 * employees; a series of one-to-ones, a committee meeting with § items, a
 * governance dialogue with a grey-zone item; mandates, frames and
 * follow-ups.  Dates are relative to the clock (TILLIT_NOW).  All in one
 * transaction.
 */
enum tl_status tl_demo_fill(struct tl_store *st, struct tl_error *err);

#endif
