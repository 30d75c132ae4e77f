/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * recact.h - what can be done to one record on screen, the same from a
 * list and from the record's own view: edit, close, mark done, reassign,
 * acknowledge, show versions, log a decision.
 */
#ifndef TILLIT_RECACT_H
#define TILLIT_RECACT_H

#include "tillit/ui/view.h"

/*
 * Carries out action a on record r (may be NULL for UI_A_NEW, which adds
 * a record of `kind`, prefilled from `prefill` when not NULL).  UI_PASS
 * when the action does not apply.  After a change the views are told
 * (ui_changed) and the status line says what happened.
 */
enum ui_result ui_record_action(struct ui_app *app, enum tl_kind kind,
				const struct tl_record *r,
				const struct tl_record *prefill,
				enum ui_action a);

/* Whether action a applies to records of `kind` (the hint bar and the
 * help offer only these): done and reassign to follow-ups, acknowledge
 * and versions to frames, log-decision to mandates, close to a kind that
 * closes; new and edit to all but what signing and versions write. */
bool ui_record_offers(enum tl_kind kind, enum ui_action a);

#endif
