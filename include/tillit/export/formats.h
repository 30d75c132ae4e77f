/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * formats.h - the registry of export formats: one table that says, for
 * every format, the name `tillit export --format` takes, the file
 * extension, the key and the word of the full-screen program's export
 * menu, what it can export (a meeting's minutes, a list of records, the
 * whole database), and the function that writes it.
 *
 * The command line's `export` (parsing --format, checking that a format
 * fits what is exported, its help) and the full-screen program's export
 * menus (their prompt, the default file name, writing the file) both read
 * this table, so a new format is a writer of its own plus one row here.
 */
#ifndef TILLIT_EXPORT_FORMATS_H
#define TILLIT_EXPORT_FORMATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/*
 * What one export is of.  The values are bits, so that a format can say
 * all it applies to in one mask.  A list of follow-ups is
 * TL_EXPORT_FOLLOWUPS, never TL_EXPORT_LIST: the formats of a list apply
 * to it too (tl_export_format_applies), and the calendar formats only to
 * it and to a list of meetings (TL_EXPORT_MEETINGS); so with a list of
 * notices (TL_EXPORT_NOTICES) and the Atom feed.
 */
enum tl_export_what {
	TL_EXPORT_DATABASE = 1 << 0,  /* every record of every kind */
	TL_EXPORT_MINUTES = 1 << 1,   /* a meeting's minutes, a one-to-one's
				       * summary */
	TL_EXPORT_LIST = 1 << 2,      /* the records of one kind a list shows */
	TL_EXPORT_FOLLOWUPS = 1 << 3, /* a list of follow-ups */
	TL_EXPORT_NOTICES = 1 << 4,   /* a list of notices */
	TL_EXPORT_MEETINGS = 1 << 5,  /* a list of meetings */
	TL_EXPORT_GOALS = 1 << 6,     /* the goal report (export/goals.h) */
	TL_EXPORT_UNDONE = 1 << 7,    /* not carried out (export/undone.h) */
};

/* What to write: st and what always, then what `what` needs. */
struct tl_export_job {
	struct tl_store *st;
	enum tl_export_what what;
	const char *meeting_id;    /* TL_EXPORT_MINUTES: the full id */
	long extract;              /* TL_EXPORT_MINUTES: an extract of this
				    * § number, not the minutes (0: none) */
	bool notice;               /* TL_EXPORT_MINUTES: the notice of its
				    * justering (export/notice.h), not the
				    * minutes */
	long paragraph;            /* TL_EXPORT_MINUTES: the notice, or the
				    * own small protokoll, of this § alone,
				    * justered immediately (0: the whole
				    * meeting's) */
	const struct tl_query *q;  /* TL_EXPORT_LIST, _FOLLOWUPS: the records
				    * (filters and order; limit and cursor
				    * are ignored, every record is written) */
	const char *unit;          /* TL_EXPORT_GOALS, _UNDONE: the unit's
				    * full id,
				    * or NULL for every unit */
	const char *period;        /* TL_EXPORT_GOALS: the period, or NULL
				    * for the year before today */
	bool csv_raw;              /* CSV: cells as stored, no guard against
				    * formulas (TL_CSV_RAW of csv.h) */
	bool csv_excel_sv;         /* CSV: for Excel in Swedish
				    * (TL_CSV_EXCEL_SV of csv.h) */
};

/*
 * Writes job to out; TL_OK, or an error it has set in err.  A writer is
 * only called for a `what` its format applies to.  It reads what it
 * writes in one snapshot, and leaves out open (the caller closes it).
 */
typedef enum tl_status (*tl_export_write_fn)(const struct tl_export_job *job,
					     FILE *out, struct tl_error *err);

struct tl_doc_ops;

/*
 * One format: a row of the table.  A format of minutes names its
 * document backend (export/doc.h) in `doc`, and the minutes and
 * summaries are written through it; any other format has a `write`.
 */
struct tl_export_format {
	const char *name;     /* as --format takes it: "md" */
	const char *alias;    /* another name --format takes, or NULL */
	const char *ext;      /* the file name's extension, without the dot */
	int ui_key;           /* the key of the full-screen program's menu,
			       * or 0 when it does not offer the format */
	const char *label;    /* N_("(m)arkdown"): the menu's word, with
			       * ui_key in brackets (translate with _()) */
	unsigned applies;     /* enum tl_export_what bits it can write */
	unsigned default_for; /* the bits it is the default format of */
	bool binary;          /* bytes no terminal shows (PDF): the command
			       * line writes them only to a file or pipe */
	tl_export_write_fn write;         /* NULL when doc is set */
	const struct tl_doc_ops *doc;     /* documents: TL_EXPORT_MINUTES
					   * and TL_EXPORT_GOALS */
};

/* The table, *n rows, in the order lists of formats are shown. */
const struct tl_export_format *tl_export_formats(size_t *n);

/* The format that --format name means (its name or its alias), or NULL. */
const struct tl_export_format *tl_export_format_find(const char *name);

/* The format the full-screen program's menus give key, or NULL. */
const struct tl_export_format *tl_export_format_by_key(int key);

/* The format used for what when none is asked for (one a what). */
const struct tl_export_format *tl_export_format_default(
	enum tl_export_what what);

/* Whether f can write what; a list's formats also write follow-ups. */
bool tl_export_format_applies(const struct tl_export_format *f,
			      enum tl_export_what what);

/* What a list of records of kind is: _FOLLOWUPS or _LIST. */
enum tl_export_what tl_export_what_of_kind(enum tl_kind kind);

/*
 * Fills words (at most max) with the names of the formats that apply to
 * one of the bits of `what` and to none of `not`: the default of `first`
 * (one bit, or 0) first, the others in table order.  With `ui` only the
 * formats the full-screen program offers, by their translated labels
 * instead of their names.  Returns how many; the words are the table's.
 */
int tl_export_format_words(unsigned what, unsigned not, unsigned first,
			   bool ui, const char **words, int max);

/*
 * Joins n words into buf as "a, b or c" (", " and the translated " or "),
 * or with sep between every two when sep is not NULL ("a|b|c"); cut to
 * fit size.  Returns buf.
 */
char *tl_export_join(const char *const *words, int n, const char *sep,
		     char *buf, size_t size);

/* Writes job in format f to out (f->write, or the minutes through
 * f->doc); see tl_export_write_fn. */
enum tl_status tl_export_write(const struct tl_export_format *f,
			       const struct tl_export_job *job, FILE *out,
			       struct tl_error *err);

#endif
