/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * export/doc.h - the document writer: a document said as a handful of
 * elements (a title, section and block headings, groups of
 * "Label: value" fields, paragraphs, labelled paragraphs, warning flags
 * and list items), and one backend per format that spells them.
 *
 * A writer of content (the minutes, the summary) calls tl_doc_*; the
 * writer groups fields and list items, closes what is open before the
 * next element starts, sanitises user text, and hands each element to
 * the backend's struct tl_doc_ops.  A new format is one backend (a
 * struct tl_doc_ops in a file of its own, doc_FORMAT.c, declared below)
 * and its row, naming that backend in `doc`, in the registry of export
 * formats (src/export/formats.c), which the command line and the
 * full-screen program both read.
 */
#ifndef TILLIT_EXPORT_DOC_H
#define TILLIT_EXPORT_DOC_H

#include <stdbool.h>
#include <stdio.h>

#include "tillit/core/error.h"

/* Fields one group holds; more are dropped (no group has that many). */
#define TL_DOC_FIELDS 16

/* One "Label: value" of a group. */
struct tl_doc_field {
	const char *label; /* a translated constant */
	char *value;       /* sanitised, owned by the writer */
};

struct tl_doc;

/*
 * A small chart of a figure over periods against a target, as the goal
 * report draws each indicator: one bar a period, as long as its fraction
 * of the chart's width (0 to 1, the writer of content scales), and the
 * target marked across them.  Text formats print `lines`, the same chart
 * drawn in characters; HTML draws it as inline SVG.
 */
struct tl_doc_chart {
	const char *title;               /* what is measured, with its unit */
	int n;                           /* periods */
	const char *const *labels;       /* each period */
	const char *const *texts;        /* each figure, as the reader
					  * writes it */
	const double *fractions;         /* each bar's length, 0 to 1 */
	const char *target_label;        /* the target's period, or NULL
					  * when there is no target */
	const char *target_text;
	double target_fraction;
	const char *const *lines;        /* the chart in characters */
	int nlines;
};

/*
 * A format.  Headings come as one line; every other text comes sanitised
 * (tl_doc_clean).  Functions left NULL write nothing.
 */
struct tl_doc_ops {
	const char *name;
	/* Labels untranslated, and only what signing locks (the content
	 * writer asks through tl_doc_canonical). */
	bool canonical;
	/* The form justering freezes and signers sign: like the others,
	 * but without what changes by itself or after signing (the
	 * meeting's status, the signatures, what happened since).  The
	 * canonical form is that too. */
	bool signing;
	/* The document's title (the first element). */
	void (*title)(struct tl_doc *d, const char *text);
	/* A section heading (h2) and the end of its section. */
	void (*section)(struct tl_doc *d, const char *text);
	void (*section_end)(struct tl_doc *d);
	/* A block heading in a section (h3: one item, mandate or frame)
	 * and the end of the block; d->in_block is true inside. */
	void (*block)(struct tl_doc *d, const char *text);
	void (*block_end)(struct tl_doc *d);
	/* A group of n >= 1 fields. */
	void (*fields)(struct tl_doc *d, const struct tl_doc_field *f, int n);
	/* A paragraph, with its own line breaks. */
	void (*para)(struct tl_doc *d, const char *text);
	/* A paragraph led by a bold label; flag makes it a warning. */
	void (*labelled)(struct tl_doc *d, const char *label,
			 const char *text, bool flag);
	/* A list, and one item of it (meta, details in parentheses, may
	 * be NULL). */
	void (*list)(struct tl_doc *d);
	void (*list_end)(struct tl_doc *d);
	void (*item)(struct tl_doc *d, const char *text, const char *meta);
	/* A chart (above).  NULL: its lines are written as a paragraph. */
	void (*chart)(struct tl_doc *d, const struct tl_doc_chart *c);
	/* The end of the document. */
	void (*end)(struct tl_doc *d);
	/* Loads what the backend needs, before anything is read to write
	 * (a library): TL_OK, or an error set in err.  NULL: nothing. */
	enum tl_status (*ready)(struct tl_error *err);
	/* Frees the backend's state (d->priv) when the document is left
	 * before its end.  NULL: it keeps none. */
	void (*done)(struct tl_doc *d);
};

/* The backends. */
extern const struct tl_doc_ops tl_doc_md;    /* Markdown, text escaped */
extern const struct tl_doc_ops tl_doc_html;  /* one HTML5 document */
extern const struct tl_doc_ops tl_doc_txt;   /* plain text, 78 cells */
extern const struct tl_doc_ops tl_doc_pdf;   /* A4 pages, Pango and Cairo */
extern const struct tl_doc_ops tl_doc_canon; /* the text signing digests */
extern const struct tl_doc_ops tl_doc_rec;   /* the elements, to replay */

/* A document being written; embedded, tl_doc_init/tl_doc_done. */
struct tl_doc {
	const struct tl_doc_ops *ops;
	FILE *out;
	bool oom;        /* something could not be allocated */
	bool started;    /* for backends: something is written already */
	bool in_section; /* a section is open */
	bool in_block;   /* a block is open */
	bool in_list;    /* a list is open */
	struct tl_doc_field field[TL_DOC_FIELDS];
	int nfields;
	char *held;      /* a replayed recording the fields point into */
	void *priv;      /* the backend's own (PDF: what is said, set at
			  * the end) */
};

void tl_doc_init(struct tl_doc *d, const struct tl_doc_ops *ops, FILE *out);
/* Frees what is still held (call after tl_doc_end, or instead). */
void tl_doc_done(struct tl_doc *d);

/* Whether d is the canonical form (ops->canonical). */
bool tl_doc_canonical(const struct tl_doc *d);
/* Whether d leaves out what changes after signing (ops->signing or
 * ops->canonical). */
bool tl_doc_signing(const struct tl_doc *d);

/*
 * The elements.  The title, field values, paragraphs, labelled texts and
 * list items are user text, sanitised here; an empty or NULL one writes
 * nothing.  Section and block headings are written as given (a block
 * heading made one line, and sanitised but in the canonical text and
 * the recording): what they say is the caller's to choose, and the
 * canonical text, whose digest is stored, has always had them so.
 */
void tl_doc_title(struct tl_doc *d, const char *text);
void tl_doc_section(struct tl_doc *d, const char *text);
void tl_doc_block(struct tl_doc *d, const char *text);
void tl_doc_field(struct tl_doc *d, const char *label, const char *value);
/* The same, taking over a value made by the caller (NULL: nothing). */
void tl_doc_field_own(struct tl_doc *d, const char *label, char *value);
void tl_doc_para(struct tl_doc *d, const char *text);
void tl_doc_labelled(struct tl_doc *d, const char *label, const char *text);
void tl_doc_flag(struct tl_doc *d, const char *label, const char *text);
void tl_doc_item(struct tl_doc *d, const char *text, const char *meta);
/* A chart; its title, labels and texts are user text, sanitised here. */
void tl_doc_chart(struct tl_doc *d, const struct tl_doc_chart *c);
/* Ends the document: closes what is open. */
void tl_doc_end(struct tl_doc *d);

/* A new string from a printf format (caller frees); NULL, and d->oom,
 * when out of memory. */
char *tl_doc_printf(struct tl_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Text made safe: control characters shown visibly, newlines kept
 * (caller frees); NULL, and d->oom, when out of memory. */
char *tl_doc_clean(struct tl_doc *d, const char *s);

/*
 * The recorded elements (tl_doc_rec: one line per element, its texts
 * escaped) said again into d, as if the content writer said them now:
 * the same document in any format, byte for byte what the first writing
 * gave.  The caller ends d (tl_doc_end) when nothing more follows.
 * False when the recording is not one tl_doc_rec wrote (nothing, or
 * part, is said then).
 */
bool tl_doc_replay(struct tl_doc *d, const char *recording);

/* Names joined with ", " into a value. */
struct tl_doc_join {
	char *buf;
	size_t len;
	FILE *f;
	int n;
};

void tl_doc_join_init(struct tl_doc *d, struct tl_doc_join *j);
void tl_doc_join_add(struct tl_doc_join *j, const char *s);
/* The joined text (caller frees), NULL when nothing was added. */
char *tl_doc_join_end(struct tl_doc *d, struct tl_doc_join *j);

#endif
