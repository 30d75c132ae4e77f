/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * draft_offer.c - draft recovery at the start of the full-screen program:
 * each draft of a form that a signal closed (draft.c keeps them) is
 * offered back in a box, and Enter opens the form again with what was
 * typed.
 */
#include "app.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "tillit/ui/action.h"
#include "tillit/ui/draft.h"
#include "tillit/ui/draw.h"
#include "tillit/ui/form.h"
#include "tillit/core/i18n.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

/* What the box of a draft on offer says. */
struct draft_offer {
	char head[300], what[300], ask[300];
};

/* Draws the offer of a draft as a box in the middle of the screen. */
static void draft_paint(struct ui_app *app, void *data)
{
	const struct draft_offer *o = data;
	const char *lines[] = {"", o->head, o->what, "", o->ask, ""};
	int n = (int)(sizeof(lines) / sizeof(lines[0]));
	int w = app->cols - 4 < 84 ? app->cols - 4 : 84;
	int y = (app->rows - n) / 2, x = (app->cols - w) / 2;

	for (int i = 0; i < n; i++) {
		ui_put(stdscr, y + i, x, w, "", UI_R_TITLE, 0);
		ui_put(stdscr, y + i, x + 2, w - 4, lines[i], UI_R_TITLE,
		       i == 1 ? A_BOLD : 0);
	}
}

/*
 * Asks whether to take up the draft of record r: Enter (true) or Esc
 * (false); -1 when the program is closed meanwhile.
 */
static int ask_draft(struct ui_app *app, const struct tl_record *r,
		     const char *title)
{
	struct draft_offer o;
	const char *name = tl_record_get(r, r->e->title);
	char *safe = tl_text_sanitize(name ? name : "", false);
	int key, answer = -1;

	snprintf(o.head, sizeof(o.head), _("A draft of %s was saved when "
					   "tillit was closed."),
		 _(r->e->a_label));
	snprintf(o.what, sizeof(o.what), "%s%s%s", title, safe && *safe ?
		 ": " : "", safe ? safe : "");
	free(safe);
	snprintf(o.ask, sizeof(o.ask), "%s", _("Press Enter to continue "
						"editing it, or Esc to "
						"discard it."));
	if (!ui_modal_push(app, draft_paint, &o))
		return -1;
	for (;;) {
		ui_draw_now(app);
		key = ui_app_read_key(app);
		if (key < 0)
			break;
		if (key == '\n' || key == '\r' || key == UI_FKEY(KEY_ENTER)) {
			answer = 1;
			break;
		}
		if (key == 27) {
			answer = 0;
			break;
		}
	}
	ui_modal_pop(app);
	return answer;
}

/*
 * The record a draft fills in: a new one, or the stored one with the
 * draft's changes (what the store owns, or fixed on creation, stays as
 * stored).  NULL with a message when the stored record is gone.
 */
static struct tl_record *draft_record(struct ui_app *app,
				      struct tl_record *d,
				      unsigned long long fields,
				      struct tl_error *err)
{
	struct tl_record *r;

	if (!d->id[0])
		return tl_record_dup(d);
	if (tl_store_get(app->st, d->e->kind, d->id, &r, err) != TL_OK)
		return NULL;
	for (int i = 0; i < d->e->nfields && i < 64; i++) {
		const struct tl_field *f = &d->e->fields[i];
		if ((fields & (1ULL << i)) &&
		    !(f->flags & (TL_FF_AUTO | TL_FF_FIXED)))
			tl_record_set(r, i, tl_record_get(d, i));
	}
	return r;
}

void ui_drafts_offer(struct ui_app *app)
{
	const char *db = tl_store_filename(app->st);
	char path[PATH_MAX], last[PATH_MAX] = "";
	struct tl_error why = {0};

	if (ui_draft_folder_check(db, &why) != TL_OK) {
		ui_error(app, &why); /* and the program goes on */
		return;
	}
	while (app->running && ui_draft_next(db, path, sizeof(path)) &&
	       strcmp(path, last)) {
		struct tl_error err = {0};
		struct tl_record *d = NULL, *r;
		unsigned long long fields;
		char *title = NULL;
		int answer;

		snprintf(last, sizeof(last), "%s", path);
		if (ui_draft_load(path, &d, &fields, &title, &err) != TL_OK) {
			ui_draft_set_aside(path);
			ui_error(app, &err);
			continue;
		}
		answer = ask_draft(app, d, title);
		if (answer < 0) {
			app->running = false;
		} else if (answer == 0) {
			ui_draft_remove(path);
			ui_status(app, "%s", _("The draft was thrown away."));
		} else if (!(r = draft_record(app, d, fields, &err))) {
			ui_draft_set_aside(path);
			ui_status(app, _("The record this draft was editing is "
					 "gone; the draft was kept as "
					 "%s.damaged."), path);
			app->status_error = true;
		} else {
			if (ui_form_record_draft(app, r, title, path)) {
				ui_changed(app);
				ui_status(app, _("Saved the %s."),
					  _(r->e->label));
			}
			tl_record_free(r);
		}
		tl_record_free(d);
		free(title);
	}
}
