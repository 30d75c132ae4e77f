/*
 * export.c - exports from the full-screen program: a meeting's minutes as
 * Markdown, printable HTML or text, or its follow-ups as iCalendar, to a
 * file the user names.  The file is written beside its final name and
 * renamed into place (atomic.h), so a failed export leaves no half file.
 */
#include "tillit/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/atomic.h"
#include "tillit/i18n.h"
#include "tillit/ical.h"
#include "tillit/minutes.h"

/* A file name from a title: letters and digits kept, the rest '-'. */
static void slug(const char *title, const char *ext, char *out, size_t size)
{
	size_t n = 0;
	bool dash = false;

	for (const unsigned char *p = (const unsigned char *)title;
	     *p && n + 8 + strlen(ext) < size; p++) {
		if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
			out[n++] = (char)*p;
			dash = false;
		} else if (!dash && n > 0) {
			out[n++] = '-';
			dash = true;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	if (n == 0)
		n = (size_t)snprintf(out, size, "meeting");
	snprintf(out + n, size - n, ".%s", ext);
}

/* What the user chose to write, as the tl_write_fn of tl_write_atomic(). */
struct meeting_export {
	struct tl_store *st;
	const char *meeting_id;
	char choice; /* m, h, t or i */
};

static enum tl_status write_meeting(FILE *out, void *ctx,
				    struct tl_error *err)
{
	const struct meeting_export *x = ctx;

	if (x->choice == 'i') {
		struct tl_query q = {.kind = TL_K_FOLLOWUP,
				     .parent = x->meeting_id};
		return tl_ical_write_followups(x->st, &q, out, err);
	}
	return tl_minutes_write(x->st, x->meeting_id,
				x->choice == 'm' ? TL_MINUTES_MD
				: x->choice == 'h' ? TL_MINUTES_HTML
				: TL_MINUTES_TXT, out, err);
}

void ui_export_meeting(struct ui_app *app, const char *meeting_id)
{
	struct meeting_export x = {.st = ui_store(app),
				   .meeting_id = meeting_id};
	struct tl_record *m = NULL;
	struct tl_error err = {0};
	char *choice, *path, def[300];
	const char *ext;

	if (tl_store_get(x.st, TL_K_MEETING, meeting_id, &m, &err) != TL_OK) {
		ui_error(app, &err);
		return;
	}
	choice = ui_prompt(app, _("Export: (m)arkdown, (h)tml, (t)ext, or "
				  "(i)Calendar of its follow-ups:"), NULL);
	if (!choice || !strchr("mhti", choice[0]) || !choice[0]) {
		if (choice)
			ui_status(app, "%s", _("Nothing exported."));
		free(choice);
		tl_record_free(m);
		return;
	}
	x.choice = choice[0];
	ext = x.choice == 'm' ? "md" : x.choice == 'h' ? "html"
	      : x.choice == 't' ? "txt" : "ics";
	slug(tl_record_str(m, TL_MEETING_TITLE), ext, def, sizeof(def));
	path = ui_prompt(app, _("Write to:"), def);
	if (path && *path) {
		if (tl_write_atomic(path, write_meeting, &x, &err) != TL_OK)
			ui_error(app, &err);
		else
			ui_status(app, _("Wrote %s."), path);
	}
	free(choice);
	free(path);
	tl_record_free(m);
}
