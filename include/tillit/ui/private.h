/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ui/private.h - private notes on screen (store/private.h): shown beside
 * the person, meeting or agenda item they are on, each marked private,
 * and written with W.
 */
#ifndef TILLIT_UI_PRIVATE_H
#define TILLIT_UI_PRIVATE_H

#include "tillit/store/private.h"
#include "tillit/ui/lines.h"

/* Whether a record of kind can carry private notes. */
bool ui_private_on(enum tl_kind kind);

/* The acting person's private notes on the record `on`, into *notes
 * (tl_private_free); none, and the error in the status line, when
 * they cannot be read. */
void ui_private_load(struct ui_app *app, const char *on,
		     struct tl_private_note **notes, int *n);

/* A heading and the n notes, each line marked private, wrapped to
 * width; nothing when there are none. */
void ui_lines_add_private(struct ui_lines *ls,
			  const struct tl_private_note *notes, int n,
			  int width);

/* Asks for a private note on `on` in the status line and writes it;
 * says what came of it there. */
void ui_private_write(struct ui_app *app, const char *on);

#endif
