/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_my.c - "My frames": the room to act that the user has been given,
 * the frames and the mandates they hold, each with its limits and trust
 * level, those waiting for acknowledgement first.  A acknowledges the
 * selected frame.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/ui/recact.h"
#include "tillit/core/rules.h"
#include "tillit/ui/lines.h"

struct my_view {
	struct ui_lines ls;
	char me[TL_ID_LEN + 1];
};

static const enum ui_action my_actions[] = {
	UI_A_OPEN, UI_A_ACK, UI_A_VERSIONS, UI_A_LOG_DECISION, UI_A_FIND_NEXT,
	UI_A_FIND_PREV, UI_A_NONE,
};

/* One line for a frame or mandate, and one with its limits. */
static void add_held(struct view *v, const struct tl_record *r)
{
	struct my_view *mv = v->data;
	char line[800], *title = tl_present_title(ui_refs(v->app), r);
	const char *limits;

	if (r->e->kind == TL_K_FRAME) {
		bool waiting = !tl_record_get(r, TL_FRAME_ACKED_AT);
		char amount[200] = "";
		if (tl_record_get(r, TL_FRAME_AMOUNT))
			snprintf(amount, sizeof(amount), "  %s %s",
				 tl_record_str(r, TL_FRAME_AMOUNT),
				 tl_record_str(r, TL_FRAME_AMOUNT_UNIT));
		snprintf(line, sizeof(line), "%s%s  · %s %s%s", title, amount,
			 _("trust"), _(tl_record_str(r, TL_FRAME_TRUST)),
			 waiting ? _("  · waiting for your acknowledgement")
				 : "");
		ui_lines_add(&mv->ls, line, waiting ? UI_R_WARN : UI_R_NORMAL,
			     1, r->e->kind, r->id);
		limits = tl_record_get(r, TL_FRAME_ESCALATION);
	} else {
		long level = atol(tl_record_str(r, TL_MANDATE_LEVEL));
		snprintf(line, sizeof(line), "%s  · %s %ld (%s)%s%s", title,
			 _("level"), level, _(tl_rules_level_name(level)),
			 tl_record_get(r, TL_MANDATE_VALID_UNTIL) ? _("  · until ")
			 : "", tl_record_str(r, TL_MANDATE_VALID_UNTIL));
		ui_lines_add(&mv->ls, line, UI_R_NORMAL, 1, r->e->kind, r->id);
		limits = tl_record_get(r, TL_MANDATE_LIMITS);
	}
	if (limits) {
		char *first = strdup(limits);
		if (first) {
			first[strcspn(first, "\n")] = '\0';
			ui_lines_add(&mv->ls, first, UI_R_DIM, 3, TL_K_NONE,
				     NULL);
			free(first);
		}
	}
	free(title);
}

static void add_section(struct view *v, const char *heading,
			const struct tl_query *q, const char *empty)
{
	struct my_view *mv = v->data;
	struct tl_page page = {0};
	struct tl_query qq = *q;
	struct tl_error err;

	qq.limit = 100;
	if (tl_store_list(ui_store(v->app), &qq, &page, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	if (mv->ls.n > 0)
		ui_lines_add(&mv->ls, "", UI_R_NORMAL, 0, TL_K_NONE, NULL);
	ui_lines_add(&mv->ls, heading, UI_R_SECTION, 0, TL_K_NONE, NULL);
	if (page.n == 0)
		ui_lines_add(&mv->ls, empty, UI_R_DIM, 1, TL_K_NONE, NULL);
	for (int i = 0; i < page.n; i++)
		add_held(v, page.recs[i]);
	if (page.more)
		ui_lines_add(&mv->ls, "…", UI_R_DIM, 1, TL_K_NONE, NULL);
	tl_page_done(&page);
}

static void build(struct view *v)
{
	struct my_view *mv = v->data;
	struct tl_query q;

	ui_lines_clear(&mv->ls);
	q = (struct tl_query){.kind = TL_K_FRAME, .owner = mv->me,
			      .open = true, .unacked = true};
	add_section(v, _("Frames waiting for your acknowledgement"), &q,
		    _("None: you have acknowledged every frame."));
	q = (struct tl_query){.kind = TL_K_FRAME, .owner = mv->me,
			      .open = true};
	add_section(v, _("Frames you hold"), &q, _("None."));
	q = (struct tl_query){.kind = TL_K_MANDATE, .owner = mv->me,
			      .open = true};
	add_section(v, _("Mandates you hold"), &q, _("None."));
}

static bool my_open(struct view *v, const void *arg)
{
	struct my_view *mv;
	const char *me = ui_me(v->app);

	(void)arg;
	if (!me) {
		ui_status(v->app, "%s", _("Who are you? No person has your "
					  "login; start tillit with --as "
					  "NAME."));
		return false;
	}
	mv = calloc(1, sizeof(*mv));
	if (!mv)
		return false;
	v->data = mv;
	snprintf(mv->me, sizeof(mv->me), "%s", me);
	ui_lines_init(&mv->ls);
	build(v);
	ui_lines_select_first(&mv->ls);
	return true;
}

static void my_close(struct view *v)
{
	struct my_view *mv = v->data;

	if (!mv)
		return;
	ui_lines_done(&mv->ls);
	free(mv);
}

static void my_reload(struct view *v)
{
	struct my_view *mv = v->data;
	char keep[TL_ID_LEN + 1] = "";

	/* Stay on the same record; the lines around it may change. */
	if (mv->ls.cursor >= 0 && mv->ls.cursor < mv->ls.n)
		memcpy(keep, mv->ls.lines[mv->ls.cursor].id, sizeof(keep));
	build(v);
	mv->ls.cursor = -1;
	for (int i = 0; keep[0] && i < mv->ls.n; i++)
		if (!strcmp(mv->ls.lines[i].id, keep)) {
			mv->ls.cursor = i;
			break;
		}
	if (mv->ls.cursor < 0)
		ui_lines_select_first(&mv->ls);
}

static void my_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct my_view *mv = v->data;

	ui_lines_draw(&mv->ls, w, rows, cols);
}

static enum ui_result my_handle(struct view *v, enum ui_action a, int key)
{
	struct my_view *mv = v->data;
	const struct ui_line *l;
	struct tl_record *r = NULL;
	struct tl_error err;
	enum ui_result res;

	if (ui_lines_handle(&mv->ls, v->app, a, key) == UI_DONE)
		return UI_DONE;
	switch (a) {
	case UI_A_EDIT:
	case UI_A_ACK:
	case UI_A_VERSIONS:
	case UI_A_LOG_DECISION:
		break;
	default:
		return UI_PASS;
	}
	if (mv->ls.cursor < 0 || mv->ls.lines[mv->ls.cursor].kind == TL_K_NONE) {
		ui_status(v->app, "%s", _("Select a frame or a mandate first "
					  "(j and k move)."));
		return UI_DONE;
	}
	l = &mv->ls.lines[mv->ls.cursor];
	if (tl_store_get(ui_store(v->app), l->kind, l->id, &r, &err) != TL_OK) {
		ui_error(v->app, &err);
		return UI_DONE;
	}
	res = ui_record_action(v->app, r->e->kind, r, NULL, a);
	tl_record_free(r);
	return res;
}

const struct view_ops ui_view_my = {
	.name = "my-frames",
	.title = N_("My frames and mandates"),
	.open = my_open,
	.draw = my_draw,
	.handle = my_handle,
	.reload = my_reload,
	.close = my_close,
	.actions = my_actions,
};
