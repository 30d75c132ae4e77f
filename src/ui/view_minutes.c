/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * view_minutes.c - a scrollable preview of a meeting's minutes (or a
 * one-to-one's summary) as they will be exported and signed: the text
 * form, wrapped to the screen.  X exports them.
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/ui/draw.h"
#include "tillit/core/i18n.h"
#include "tillit/export/minutes.h"

struct minutes_view {
	char id[TL_ID_LEN + 1];
	char **lines;
	int n;
	int top, rows;
};

static const enum ui_action minutes_actions[] = {
	UI_A_DOWN, UI_A_PAGE_DOWN, UI_A_EXPORT, UI_A_NONE,
};

static void free_lines(struct minutes_view *mv)
{
	for (int i = 0; i < mv->n; i++)
		free(mv->lines[i]);
	free(mv->lines);
	mv->lines = NULL;
	mv->n = 0;
}

static bool load(struct view *v)
{
	struct minutes_view *mv = v->data;
	struct tl_error err = {0};
	char *buf = NULL, *p;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	enum tl_status rc;

	if (!f)
		return false;
	rc = tl_minutes_write(ui_store(v->app), mv->id, TL_MINUTES_TXT, f,
			      &err);
	fclose(f);
	if (rc != TL_OK) {
		free(buf);
		ui_error(v->app, &err);
		return false;
	}
	free_lines(mv);
	for (p = buf; p && *p; p++)
		if (*p == '\n')
			mv->n++;
	mv->lines = calloc((size_t)mv->n + 1, sizeof(char *));
	mv->n = 0;
	/* strtok_r would drop empty lines; split by hand. */
	for (p = buf; mv->lines && p && *p; ) {
		char *nl = strchr(p, '\n');
		size_t k = nl ? (size_t)(nl - p) : strlen(p);
		mv->lines[mv->n] = strndup(p, k);
		if (mv->lines[mv->n])
			mv->n++;
		p = nl ? nl + 1 : NULL;
	}
	free(buf);
	if (mv->top > mv->n - 1)
		mv->top = mv->n > 0 ? mv->n - 1 : 0;
	return true;
}

static bool minutes_open(struct view *v, const void *arg)
{
	struct minutes_view *mv = calloc(1, sizeof(*mv));

	if (!mv)
		return false;
	v->data = mv;
	snprintf(mv->id, sizeof(mv->id), "%s", (const char *)arg);
	snprintf(v->title, sizeof(v->title), "%s", _("Minutes"));
	return load(v);
}

static void minutes_close(struct view *v)
{
	struct minutes_view *mv = v->data;

	if (!mv)
		return;
	free_lines(mv);
	free(mv);
}

static void minutes_reload(struct view *v)
{
	load(v);
}

static void minutes_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct minutes_view *mv = v->data;

	mv->rows = rows;
	for (int y = 0; y < rows && mv->top + y < mv->n; y++)
		ui_put(w, y, 1, cols - 2, mv->lines[mv->top + y], UI_R_NORMAL,
		       0);
	if (mv->top + rows < mv->n)
		ui_put_right(w, rows - 1, cols - 3, 2, "↓", UI_R_DIM, 0);
}

static enum ui_result minutes_handle(struct view *v, enum ui_action a,
				     int key)
{
	struct minutes_view *mv = v->data;
	int page = mv->rows > 1 ? mv->rows - 1 : 1;
	int last = mv->n - mv->rows > 0 ? mv->n - mv->rows : 0;

	(void)key;
	switch (a) {
	case UI_A_DOWN:
		mv->top++;
		break;
	case UI_A_UP:
		mv->top--;
		break;
	case UI_A_PAGE_DOWN:
		mv->top += page;
		break;
	case UI_A_PAGE_UP:
		mv->top -= page;
		break;
	case UI_A_TOP:
		mv->top = 0;
		break;
	case UI_A_BOTTOM:
		mv->top = last;
		break;
	case UI_A_EXPORT:
		ui_export_meeting(v->app, mv->id);
		return UI_DONE;
	default:
		return UI_PASS;
	}
	if (mv->top > last)
		mv->top = last;
	if (mv->top < 0)
		mv->top = 0;
	return UI_DONE;
}

const struct view_ops ui_view_minutes = {
	.name = "minutes",
	.title = N_("Minutes"),
	.open = minutes_open,
	.draw = minutes_draw,
	.handle = minutes_handle,
	.reload = minutes_reload,
	.close = minutes_close,
	.actions = minutes_actions,
};
