/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * formats.c - the table of export formats (formats.h), and the small
 * writers that fit the renderers of other modules (iCalendar, JSON) to
 * the table's one signature.  CSV's writer is csv.c's own; the minutes'
 * formats name their document backend (export/doc.h).
 *
 * The order of the rows is the order in which the command line and the
 * menus name the formats; the default of what is exported comes first
 * where that matters (tl_export_format_words).
 */
#include "tillit/export/formats.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "tillit/export/csv.h"
#include "tillit/export/doc.h"
#include "tillit/export/goals.h"
#include "tillit/export/undone.h"
#include "tillit/core/i18n.h"
#include "tillit/export/ical.h"
#include "tillit/export/json.h"
#include "tillit/export/minutes.h"
#include "tillit/export/notice.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/* ---- writers ----------------------------------------------------------- */

static enum tl_status write_json(const struct tl_export_job *job, FILE *out,
				 struct tl_error *err)
{
	enum tl_status rc;

	if (job->what == TL_EXPORT_DATABASE)
		return tl_json_export(job->st, out, err);
	/* A list of many pages is read in one snapshot, so that it is
	 * whole. */
	rc = tl_store_read_begin(job->st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_json_write_records(job->st, job->q, 0, out, err);
	tl_store_read_end(job->st);
	return rc;
}

static enum tl_status write_atom(const struct tl_export_job *job, FILE *out,
				 struct tl_error *err)
{
	return tl_notice_write_atom(job->st, job->q, out, err);
}

static enum tl_status write_ics(const struct tl_export_job *job, FILE *out,
				struct tl_error *err)
{
	if (job->q && job->q->kind == TL_K_MEETING)
		return tl_ical_write_meetings(job->st, job->q, out, err);
	return tl_ical_write_followups(job->st, job->q, out, err);
}

/* ---- the table ----------------------------------------------------------- */

#define LISTS (TL_EXPORT_LIST | TL_EXPORT_FOLLOWUPS | TL_EXPORT_NOTICES | \
	       TL_EXPORT_MEETINGS)

/* What the document formats write: minutes and the goal report. */
#define DOCUMENTS (TL_EXPORT_MINUTES | TL_EXPORT_GOALS | TL_EXPORT_UNDONE)

static const struct tl_export_format table[] = {
	{.name = "json", .ext = "json",
	 .applies = TL_EXPORT_DATABASE | LISTS,
	 .default_for = TL_EXPORT_DATABASE, .write = write_json},
	{.name = "csv", .ext = "csv", .ui_key = 'c', .label = N_("(c)SV"),
	 .applies = LISTS, .default_for = LISTS, .write = tl_csv_export},
	{.name = "ics", .ext = "ics", .ui_key = 'i',
	 .label = N_("(i)Calendar"),
	 .applies = TL_EXPORT_FOLLOWUPS | TL_EXPORT_MEETINGS,
	 .write = write_ics},
	{.name = "atom", .ext = "atom", .applies = TL_EXPORT_NOTICES,
	 .write = write_atom},
	{.name = "md", .alias = "markdown", .ext = "md", .ui_key = 'm',
	 .label = N_("(m)arkdown"), .applies = DOCUMENTS,
	 .default_for = DOCUMENTS, .doc = &tl_doc_md},
	{.name = "html", .ext = "html", .ui_key = 'h', .label = N_("(h)tml"),
	 .applies = DOCUMENTS, .doc = &tl_doc_html},
	{.name = "txt", .alias = "text", .ext = "txt", .ui_key = 't',
	 .label = N_("(t)ext"), .applies = DOCUMENTS,
	 .doc = &tl_doc_txt},
	{.name = "pdf", .ext = "pdf", .ui_key = 'p', .label = N_("(p)df"),
	 .applies = DOCUMENTS, .binary = true, .doc = &tl_doc_pdf},
};

#define NFORMATS (sizeof(table) / sizeof(table[0]))

const struct tl_export_format *tl_export_formats(size_t *n)
{
	*n = NFORMATS;
	return table;
}

const struct tl_export_format *tl_export_format_find(const char *name)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (!strcmp(name, table[i].name) ||
		    (table[i].alias && !strcmp(name, table[i].alias)))
			return &table[i];
	return NULL;
}

const struct tl_export_format *tl_export_format_by_key(int key)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (key && table[i].ui_key == key)
			return &table[i];
	return NULL;
}

const struct tl_export_format *tl_export_format_default(
	enum tl_export_what what)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (table[i].default_for & what)
			return &table[i];
	return NULL;
}

bool tl_export_format_applies(const struct tl_export_format *f,
			      enum tl_export_what what)
{
	return (f->applies & what) != 0;
}

enum tl_export_what tl_export_what_of_kind(enum tl_kind kind)
{
	return kind == TL_K_FOLLOWUP ? TL_EXPORT_FOLLOWUPS
	       : kind == TL_K_NOTICE ? TL_EXPORT_NOTICES
	       : kind == TL_K_MEETING ? TL_EXPORT_MEETINGS : TL_EXPORT_LIST;
}

int tl_export_format_words(unsigned what, unsigned not, unsigned first,
			   bool ui, const char **words, int max)
{
	int n = 0;

	/* Two rounds: the default of `first`, then the rest in order. */
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < NFORMATS && n < max; i++) {
			const struct tl_export_format *f = &table[i];
			bool dflt = first && (f->default_for & first);

			if (!(f->applies & what) || (f->applies & not) ||
			    (ui && !f->ui_key) || dflt != (round == 0))
				continue;
			words[n++] = ui ? _(f->label) : f->name;
		}
	}
	return n;
}

char *tl_export_join(const char *const *words, int n, const char *sep,
		     char *buf, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int i = 0; i < n && len < size; i++) {
		const char *between = i == 0 ? "" : sep ? sep
				      : i == n - 1 ? _(" or ") : ", ";
		int k = snprintf(buf + len, size - len, "%s%s", between,
				 words[i]);

		if (k < 0)
			break;
		len += (size_t)k;
	}
	return buf;
}

enum tl_status tl_export_write(const struct tl_export_format *f,
			       const struct tl_export_job *job, FILE *out,
			       struct tl_error *err)
{
	if (!tl_export_format_applies(f, job->what))
		return tl_error_set(err, TL_EUSAGE,
				    _("Unknown export format."));
	if (f->doc && f->doc->ready) {
		enum tl_status rc = f->doc->ready(err);

		if (rc != TL_OK)
			return rc;
	}
	if (f->doc && job->what == TL_EXPORT_UNDONE)
		return tl_undone_write_doc(job->st, job->unit, f->doc, out,
					   err);
	if (f->doc && job->what == TL_EXPORT_GOALS)
		return tl_goals_write_doc(job->st, job->unit, job->period,
					  f->doc, out, err);
	if (f->doc && job->extract > 0)
		return tl_extract_write_doc(job->st, job->meeting_id,
					    job->extract, false, f->doc, out,
					    err);
	if (f->doc && job->notice)
		return tl_notice_write_doc(job->st, job->meeting_id,
					   job->paragraph, f->doc, out, err);
	if (f->doc && job->paragraph > 0)
		return tl_extract_write_doc(job->st, job->meeting_id,
					    job->paragraph, true, f->doc, out,
					    err);
	if (f->doc)
		return tl_minutes_write_doc(job->st, job->meeting_id, f->doc,
					    out, err);
	return f->write(job, out, err);
}
