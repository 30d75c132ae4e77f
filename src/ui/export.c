/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * export.c - exports from the full-screen program, to a file the user
 * names: of a meeting, its minutes (Markdown, printable HTML, text) or
 * its follow-ups (CSV, iCalendar); of a list, the records it shows with
 * its filter (CSV; follow-ups also as iCalendar); of the Goals view, the
 * goal report.
 *
 * The choices, their keys and words, and the default file name's
 * extension all come from the registry of formats (export/formats.h), so
 * a format added there shows up here.  The file is written beside its
 * final name and renamed into place (atomic.h), so a failed export leaves
 * no half file; like every export it is 0600 when new (atomic.h).
 */
#include "tillit/ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/export/atomic.h"
#include "tillit/export/formats.h"
#include "tillit/core/i18n.h"

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

/* The menu's words for the formats offered for what and for none of
 * not, joined ("(c)SV or (i)Calendar") into buf. */
static const char *menu_words(unsigned what, unsigned not, char *buf,
			      size_t size)
{
	const char *words[16];
	int n = tl_export_format_words(what, not, what, true, words, 16);

	return tl_export_join(words, n, NULL, buf, size);
}

/*
 * Asks question and returns the format whose key is pressed, one of
 * those offered for a bit of what; NULL (with "Nothing exported.") for
 * Esc.
 */
static const struct tl_export_format *ask_format(struct ui_app *app,
						 const char *question,
						 unsigned what)
{
	const struct tl_export_format *f = NULL;
	char keys[32];
	size_t n = 0;
	int key;

	/* The keys of the formats offered for what. */
	for (int c = 'a'; c <= 'z' && n + 1 < sizeof(keys); c++) {
		const struct tl_export_format *k = tl_export_format_by_key(c);

		if (k && (k->applies & what))
			keys[n++] = (char)c;
	}
	keys[n] = '\0';
	key = ui_choose(app, question, keys);
	if (key)
		f = tl_export_format_by_key(key);
	if (!f)
		ui_status(app, "%s", _("Nothing exported."));
	return f;
}

/* What the user chose to write, as the tl_write_fn of tl_write_atomic(). */
struct chosen {
	const struct tl_export_format *f;
	struct tl_export_job job;
};

static enum tl_status write_chosen(FILE *out, void *ctx,
				   struct tl_error *err)
{
	const struct chosen *c = ctx;

	return tl_export_write(c->f, &c->job, out, err);
}

/* Asks where, offering def, and writes the file: "Wrote PATH.", the
 * error, or "Nothing exported." for Esc or an empty name. */
static void write_to(struct ui_app *app, const struct chosen *c,
		     const char *def)
{
	char *path = ui_prompt(app, _("Write to:"), def);
	struct tl_error err = {0};

	if (!path || !*path)
		ui_status(app, "%s", _("Nothing exported."));
	else if (tl_write_atomic(path, write_chosen, (void *)c, &err) != TL_OK)
		ui_error(app, &err);
	else
		ui_status(app, _("Wrote %s."), path);
	free(path);
}

void ui_export_meeting(struct ui_app *app, const char *meeting_id)
{
	struct tl_query fq = {.kind = TL_K_FOLLOWUP, .parent = meeting_id};
	struct chosen c = {.job = {.st = ui_store(app),
				   .meeting_id = meeting_id, .q = &fq}};
	struct tl_record *m = NULL;
	struct tl_error err = {0};
	char minutes[120], followups[120], question[300], def[300];

	if (tl_store_get(c.job.st, TL_K_MEETING, meeting_id, &m, &err) !=
	    TL_OK) {
		ui_error(app, &err);
		return;
	}
	/* The minutes, then what else is of the meeting: its follow-ups. */
	snprintf(question, sizeof(question),
		 _("Export: %s; its follow-ups as %s:"),
		 menu_words(TL_EXPORT_MINUTES, 0, minutes, sizeof(minutes)),
		 menu_words(TL_EXPORT_FOLLOWUPS, TL_EXPORT_MINUTES, followups,
			    sizeof(followups)));
	c.f = ask_format(app, question, TL_EXPORT_MINUTES |
			 TL_EXPORT_FOLLOWUPS);
	if (c.f) {
		c.job.what = tl_export_format_applies(c.f, TL_EXPORT_MINUTES)
			     ? TL_EXPORT_MINUTES : TL_EXPORT_FOLLOWUPS;
		slug(tl_record_str(m, TL_MEETING_TITLE), c.f->ext, def,
		     sizeof(def));
		write_to(app, &c, def);
	}
	tl_record_free(m);
}

void ui_export_extract(struct ui_app *app, const char *meeting_id,
			const struct tl_record *item)
{
	const char *no = tl_record_get(item, TL_ITEM_NUMBER);
	struct chosen c = {.job = {.st = ui_store(app),
				   .what = TL_EXPORT_MINUTES,
				   .meeting_id = meeting_id,
				   .extract = no ? atol(no) : 0}};
	char words[120], question[300], name[300], def[300];

	if (c.job.extract <= 0) {
		ui_status(app, "%s", _("Select an agenda item with a § number "
				       "first."));
		return;
	}
	snprintf(question, sizeof(question), _("Export § %ld as an extract: "
		 "%s:"), c.job.extract,
		 menu_words(TL_EXPORT_MINUTES, 0, words, sizeof(words)));
	c.f = ask_format(app, question, TL_EXPORT_MINUTES);
	if (!c.f)
		return;
	/* TRANSLATORS: the file name of an extract: "utdrag-§-5". */
	snprintf(name, sizeof(name), _("extract-§-%ld"), c.job.extract);
	slug(name, c.f->ext, def, sizeof(def));
	write_to(app, &c, def);
}

void ui_export_goals(struct ui_app *app, const char *unit)
{
	struct chosen c = {.job = {.st = ui_store(app),
				   .what = TL_EXPORT_GOALS, .unit = unit}};
	char words[120], question[300], name[300], def[300];

	snprintf(question, sizeof(question), unit
		 ? _("Export the goal report of %s: %s:")
		 : _("Export the goal report%s: %s:"),
		 unit ? tl_refs_title(ui_refs(app), TL_K_UNIT, unit) : "",
		 menu_words(TL_EXPORT_GOALS, 0, words, sizeof(words)));
	c.f = ask_format(app, question, TL_EXPORT_GOALS);
	if (!c.f)
		return;
	/* TRANSLATORS: the file name of the goal report: "malrapport". */
	snprintf(name, sizeof(name), "%s%s%s", _("goal-report"),
		 unit ? "-" : "", unit ? tl_refs_title(ui_refs(app),
						       TL_K_UNIT, unit) : "");
	slug(name, c.f->ext, def, sizeof(def));
	write_to(app, &c, def);
}

void ui_export_list(struct ui_app *app, const struct tl_query *q,
		    const char *name)
{
	enum tl_export_what what = tl_export_what_of_kind(q->kind);
	struct chosen c = {.job = {.st = ui_store(app), .what = what,
				   .q = q}};
	const struct tl_export_format *only = NULL;
	char words[120], question[200], def[300];
	size_t n;
	int offered = 0;
	const struct tl_export_format *t = tl_export_formats(&n);

	for (size_t i = 0; i < n; i++) {
		if (t[i].ui_key && tl_export_format_applies(&t[i], what)) {
			only = &t[i];
			offered++;
		}
	}
	if (offered == 0) {
		ui_status(app, "%s", _("Nothing exported."));
		return;
	} else if (offered == 1) {
		c.f = only; /* nothing to choose */
	} else {
		snprintf(question, sizeof(question),
			 _("Export the list as %s:"),
			 menu_words(what, 0, words, sizeof(words)));
		c.f = ask_format(app, question, what);
	}
	if (!c.f)
		return;
	if (!name)
		name = tl_entity_get(q->kind)->plural;
	snprintf(def, sizeof(def), "%s.%s", name, c.f->ext);
	write_to(app, &c, def);
}
