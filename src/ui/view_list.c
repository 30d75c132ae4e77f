/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_list.c - a list of records of one kind (meetings, mandates, frames,
 * follow-ups, ...), paged from the store, with the record actions on the
 * selected line.  Overdue follow-ups and expired mandates are marked, and
 * frames waiting for acknowledgement stand out.  The delegation register
 * (mandates) has a last column of each mandate's last report-back, read
 * for the rows on the screen.  X exports what the list shows, with its
 * filter, to a file (export.c).
 */
#include "tillit/ui/view.h"

#include "tillit/core/config.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/config.h"
#include "tillit/core/date.h"
#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/rules.h"
#include "tillit/ui/recact.h"
#include "tillit/core/text.h"
#include "tillit/ui/list.h"
#include "tillit/read/undone.h"

struct list_view {
	struct ui_list list;
	struct ui_list_arg arg;
	int visible;
	char today[TL_DATE_SIZE];
	char unit[TL_ID_LEN + 1]; /* filters chosen on screen */
	char owner[TL_ID_LEN + 1];
	char kindv[40], status[40];
	/* The mandates' last report-backs read so far ("" for none). */
	struct {
		char id[TL_ID_LEN + 1];
		char last[TL_DATE_SIZE];
	} rb[256];
	int nrb;
};

/* The width of the register's last column. */
#define RB_WIDTH 16

static const enum ui_action list_actions[] = {
	UI_A_OPEN, UI_A_NEW, UI_A_EDIT, UI_A_FILTER, UI_A_DONE, UI_A_ACK,
	UI_A_CLOSE, UI_A_EXPORT, UI_A_REASSIGN, UI_A_VERSIONS,
	UI_A_LOG_DECISION, UI_A_FIND_NEXT, UI_A_FIND_PREV, UI_A_NONE,
};

/* Rows n and N look through before they give up: a list pages from the
 * store, and a long one is better filtered (f). */
#define FIND_ROWS 20000

static bool list_open(struct view *v, const void *arg)
{
	const struct ui_list_arg *a = arg;
	struct list_view *lv = calloc(1, sizeof(*lv));
	struct tl_error err;

	if (!lv)
		return false;
	v->data = lv;
	lv->arg = *a;
	tl_clock_today(lv->today);
	snprintf(v->title, sizeof(v->title), "%s", _(a->title));
	ui_list_init(&lv->list, ui_store(v->app), &a->query);
	if (ui_list_load(&lv->list, &err) != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	return true;
}

static void list_close(struct view *v)
{
	struct list_view *lv = v->data;

	if (!lv)
		return;
	ui_list_done(&lv->list);
	free(lv);
}

static void list_reload(struct view *v)
{
	struct list_view *lv = v->data;
	const char *added = ui_added_id(v->app, lv->list.q.kind);
	struct tl_error err;
	enum tl_status rc;

	/* A report-back may have been added. */
	lv->nrb = 0;
	/* A record just added is selected, wherever it sorts. */
	if (added)
		rc = ui_list_show(&lv->list, added, lv->visible, &err);
	else
		rc = ui_list_reload(&lv->list, &err);
	if (rc != TL_OK)
		ui_error(v->app, &err);
}

/* How a row stands out: overdue, waiting, done (core/rules.h). */
static enum ui_role row_role(const struct list_view *lv,
			     const struct tl_record *r)
{
	switch (tl_rules_standing(r, lv->today)) {
	case TL_STANDING_OVERDUE:
		return UI_R_OVERDUE;
	case TL_STANDING_WAITING:
		return UI_R_WARN;
	case TL_STANDING_DONE:
		return UI_R_DIM;
	default:
		return UI_R_NORMAL;
	}
}

/* The last report-back of mandate id, as read (NULL: not yet). */
static const char *rb_of(const struct list_view *lv, const char *id)
{
	for (int i = 0; i < lv->nrb; i++)
		if (!strcmp(lv->rb[i].id, id))
			return lv->rb[i].last;
	return NULL;
}

/* Reads the last report-backs of the mandates on the screen that are
 * not read yet: one query. */
static void rb_read(struct view *v)
{
	struct list_view *lv = v->data;
	const char *ids[TL_QUERY_PARENTS];
	char last[TL_QUERY_PARENTS][TL_DATE_SIZE];
	struct tl_error err;
	int n = 0;

	for (int y = 0; y < lv->visible && n < TL_QUERY_PARENTS; y++) {
		int i = lv->list.top + y;

		if (i >= lv->list.n)
			break;
		if (!rb_of(lv, lv->list.rows[i]->id))
			ids[n++] = lv->list.rows[i]->id;
	}
	if (!n || tl_reports_last(ui_store(v->app), ids, n, last, &err) !=
	    TL_OK)
		return;
	if (lv->nrb + n > (int)(sizeof(lv->rb) / sizeof(lv->rb[0])))
		lv->nrb = 0;
	for (int i = 0; i < n; i++, lv->nrb++) {
		memcpy(lv->rb[lv->nrb].id, ids[i], sizeof(lv->rb[0].id));
		memcpy(lv->rb[lv->nrb].last, last[i], TL_DATE_SIZE);
	}
}

/* Column widths: fixed kinds of data get what they need, text the rest. */
static int col_width(const struct tl_field *f)
{
	switch (f->type) {
	case TL_FT_DATE:
		return 10;
	case TL_FT_DATETIME:
		return 16;
	case TL_FT_INT:
	case TL_FT_BOOL:
		return 6;
	case TL_FT_AMOUNT:
	case TL_FT_NUMBER:
		return 10;
	case TL_FT_PERIOD:
		return 9;
	case TL_FT_ENUM:
		return 12;
	case TL_FT_REF:
		return 20;
	default:
		return 0; /* shares what is left */
	}
}

static void list_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct list_view *lv = v->data;
	const struct tl_entity *e = tl_entity_get(lv->arg.query.kind);
	const int *columns = tl_config_columns(e);
	int widths[16], ncol = 0, fixed = TL_ID_SHORT + 1, flex = 0;
	bool rb = e->kind == TL_K_MANDATE;

	for (int c = 0; columns[c] >= 0 && ncol < 16; c++, ncol++) {
		widths[ncol] = col_width(&e->fields[columns[c]]);
		/* Text other than the record's title gets a modest width;
		 * the title takes what is left. */
		if (!widths[ncol] && columns[c] != e->title)
			widths[ncol] = 14;
		fixed += widths[ncol] + 1;
		if (!widths[ncol])
			flex++;
	}
	if (rb)
		fixed += RB_WIDTH + 1;
	for (int c = 0; c < ncol; c++)
		if (!widths[c])
			widths[c] = flex ? (cols - fixed - 1) / flex : 0;
	if (widths[ncol - 1] < 0)
		widths[ncol - 1] = 0;

	/* Header */
	int x = 1;
	x += ui_put(w, 0, x, TL_ID_SHORT, "ID", UI_R_HEADER, 0) + 1;
	for (int c = 0; c < ncol && x < cols; c++) {
		const struct tl_field *f = &e->fields[columns[c]];
		int wd = widths[c] < cols - x ? widths[c] : cols - x;
		x += ui_put(w, 0, x, wd, _(f->label), UI_R_HEADER, 0) + 1;
	}
	if (rb && x < cols)
		ui_put(w, 0, x, RB_WIDTH < cols - x ? RB_WIDTH : cols - x,
		       _("Last report-back"), UI_R_HEADER, 0);
	lv->visible = rows - 1;
	if (rb)
		rb_read(v);
	if (lv->list.n == 0) {
		char empty[160];

		snprintf(empty, sizeof(empty), _("Nothing here yet. Press %s "
						 "to add one."),
			 ui_action_key(UI_A_NEW));
		ui_put(w, 2, 2, cols - 4, empty, UI_R_DIM, 0);
		return;
	}
	for (int y = 0; y < lv->visible; y++) {
		int i = lv->list.top + y;
		if (i >= lv->list.n)
			break;
		const struct tl_record *r = lv->list.rows[i];
		bool sel = i == lv->list.cursor;
		enum ui_role role = sel ? UI_R_SELECTED : row_role(lv, r);
		char shortid[TL_ID_SHORT + 1];

		memcpy(shortid, r->id, TL_ID_SHORT);
		shortid[TL_ID_SHORT] = '\0';
		if (sel)
			ui_fill(w, 1 + y, 0, role, 0);
		x = 1;
		x += ui_put(w, 1 + y, x, TL_ID_SHORT, shortid, role, 0) + 1;
		for (int c = 0; c < ncol && x < cols; c++) {
			const struct tl_field *f = &e->fields[columns[c]];
			char *val = tl_present_field(ui_refs(v->app), r,
						     columns[c], false);
			int wd = widths[c] < cols - x ? widths[c] : cols - x;
			if (f->type == TL_FT_INT || f->type == TL_FT_AMOUNT ||
			    f->type == TL_FT_NUMBER)
				x += ui_put_right(w, 1 + y, x, wd, val, role,
						  0) + 1;
			else
				x += ui_put(w, 1 + y, x, wd, val, role, 0) + 1;
			free(val);
		}
		if (rb && x < cols) {
			const char *last = rb_of(lv, r->id);

			ui_put(w, 1 + y, x, RB_WIDTH < cols - x ? RB_WIDTH
			       : cols - x, last && *last ? last : "—", role, 0);
		}
	}
	/* Where the window is: more above, more below. */
	if (lv->list.more_before || lv->list.top > 0)
		ui_put_right(w, 0, cols - 4, 3, "↑", UI_R_DIM, 0);
	if (lv->list.more_after || lv->list.top + lv->visible < lv->list.n)
		ui_put_right(w, 0, cols - 2, 1, "↓", UI_R_DIM, 0);
}

/* f: open only, then by unit or person, then all again. */
static void list_filter(struct view *v)
{
	struct list_view *lv = v->data;
	const struct tl_entity *e = tl_entity_get(lv->arg.query.kind);
	struct tl_query q = lv->arg.query;
	struct tl_error err;
	int choice;

	choice = ui_choose(v->app, _("Filter: (o)pen only, (k)ind, "
				     "(s)tatus, (u)nit, (p)erson, (a)ll:"),
			   "oksupa");
	if (!choice)
		return;
	switch (choice) {
	case 'k':
	case 's': {
		int field = choice == 'k' ? e->kindf : e->status;
		char *value, q_text[300], list[200];
		if (field < 0)
			break;
		tl_field_choices_str(&e->fields[field], list, sizeof(list));
		snprintf(q_text, sizeof(q_text), "%s (%s):",
			 _(e->fields[field].label), list);
		value = ui_prompt(v->app, q_text, NULL);
		if (value && tl_field_choice_ok(&e->fields[field], value)) {
			char *keep = choice == 'k' ? lv->kindv : lv->status;
			snprintf(keep, sizeof(lv->kindv), "%s", value);
			if (choice == 'k')
				q.kindv = keep;
			else
				q.status = keep;
		} else if (value) {
			ui_status(v->app, _("\"%.40s\" is not one of %s."),
				  value, list);
		}
		free(value);
		break;
	}
	case 'o':
		if (e->status < 0 || !e->open_values)
			ui_status(v->app, "%s", _("These records are never "
						  "open or closed."));
		else
			q.open = true;
		break;
	case 'u':
		if (e->unit < 0 ||
		    !ui_pick(v->app, TL_K_UNIT, _("Unit:"), lv->unit))
			break;
		q.unit = lv->unit;
		break;
	case 'p':
		if (e->kind == TL_K_MEETING) {
			if (ui_pick(v->app, TL_K_PERSON, _("Person:"),
				    lv->owner))
				q.person = lv->owner;
		} else if (e->owner >= 0 &&
			   ui_pick(v->app, TL_K_PERSON, _("Person:"),
				   lv->owner)) {
			q.owner = lv->owner;
		}
		break;
	default:
		break;
	}
	ui_list_done(&lv->list);
	ui_list_init(&lv->list, ui_store(v->app), &q);
	if (ui_list_load(&lv->list, &err) != TL_OK)
		ui_error(v->app, &err);
}

/* Whether the row of r, as shown, holds the words n and N find. */
static bool row_matches(struct view *v, const struct tl_record *r)
{
	const int *columns = tl_config_columns(r->e);
	bool yes = false;
	char *title = tl_present_title(ui_refs(v->app), r);

	yes = ui_find_match(title);
	free(title);
	for (int c = 0; !yes && columns[c] >= 0; c++) {
		char *val = tl_present_field(ui_refs(v->app), r, columns[c],
					     false);
		yes = ui_find_match(val);
		free(val);
	}
	return yes;
}

/* n (dir 1) and N (-1): the next row below or above that matches. */
static enum tl_status list_find(struct view *v, int dir, struct tl_error *err)
{
	struct list_view *lv = v->data;
	const struct tl_record *r = ui_list_selected(&lv->list);
	char start[TL_ID_LEN + 1] = "", at[TL_ID_LEN + 1];
	enum tl_status rc = TL_OK;

	if (!r || !ui_find_words(v->app))
		return TL_OK;
	snprintf(start, sizeof(start), "%s", r->id);
	for (int i = 0; i < FIND_ROWS && rc == TL_OK; i++) {
		snprintf(at, sizeof(at), "%s", r->id);
		rc = ui_list_move(&lv->list, dir, lv->visible, err);
		r = ui_list_selected(&lv->list);
		if (rc != TL_OK || !r || !strcmp(r->id, at))
			break; /* the end of the list */
		if (row_matches(v, r))
			return TL_OK;
	}
	if (rc == TL_OK)
		rc = ui_list_show(&lv->list, start, lv->visible, err);
	ui_find_none(v->app, dir);
	return rc;
}

static enum ui_result list_handle(struct view *v, enum ui_action a, int key)
{
	struct list_view *lv = v->data;
	const struct tl_record *r = ui_list_selected(&lv->list);
	struct tl_error err = {0};
	enum tl_status rc = TL_OK;
	int page = lv->visible > 1 ? lv->visible - 1 : 1;

	int row;

	if (ui_mouse_click(v->app, key, &row)) {
		/* Row 0 is the header. */
		if (row > 0)
			ui_list_click(&lv->list, row - 1);
		return UI_DONE;
	}
	switch (a) {
	case UI_A_UP:
		rc = ui_list_move(&lv->list, -1, lv->visible, &err);
		break;
	case UI_A_DOWN:
		rc = ui_list_move(&lv->list, 1, lv->visible, &err);
		break;
	case UI_A_PAGE_UP:
		rc = ui_list_move(&lv->list, -page, lv->visible, &err);
		break;
	case UI_A_PAGE_DOWN:
		rc = ui_list_move(&lv->list, page, lv->visible, &err);
		break;
	case UI_A_TOP:
		rc = ui_list_home(&lv->list, &err);
		break;
	case UI_A_BOTTOM:
		rc = ui_list_end(&lv->list, lv->visible, &err);
		break;
	case UI_A_FIND_NEXT:
	case UI_A_FIND_PREV:
		rc = list_find(v, a == UI_A_FIND_NEXT ? 1 : -1, &err);
		break;
	case UI_A_OPEN:
		if (r)
			ui_open_record(v->app, r->e->kind, r->id);
		return UI_DONE;
	case UI_A_FILTER:
		list_filter(v);
		return UI_DONE;
	case UI_A_EXPORT:
		/* What the list shows: its query, with the filter chosen. */
		ui_export_list(v->app, &lv->list.q, lv->arg.name);
		return UI_DONE;
	case UI_A_NEW:
		return ui_record_action(v->app, lv->arg.query.kind, NULL, NULL,
					a);
	case UI_A_EDIT:
	case UI_A_CLOSE:
	case UI_A_DONE:
	case UI_A_REASSIGN:
	case UI_A_ACK:
	case UI_A_VERSIONS:
	case UI_A_LOG_DECISION:
		return ui_record_action(v->app, lv->arg.query.kind, r, NULL, a);
	default:
		return UI_PASS;
	}
	if (rc != TL_OK)
		ui_error(v->app, &err);
	return UI_DONE;
}

static bool list_offers(struct view *v, enum ui_action a)
{
	struct list_view *lv = v->data;

	switch (a) {
	case UI_A_OPEN:
	case UI_A_FILTER:
	case UI_A_EXPORT:
	case UI_A_FIND_NEXT:
	case UI_A_FIND_PREV:
		return true;
	default:
		return ui_record_offers(lv->arg.query.kind, a);
	}
}

const struct view_ops ui_view_list = {
	.name = "list",
	.title = N_("List"),
	.open = list_open,
	.draw = list_draw,
	.handle = list_handle,
	.reload = list_reload,
	.close = list_close,
	.actions = list_actions,
	.offers = list_offers,
};
