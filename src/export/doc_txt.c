/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * doc_txt.c - the plain-text backend of the document writer, and the
 * canonical text that signing digests, which is the same text: headings
 * underlined, field groups with their values aligned, the text of a block
 * indented, everything wrapped at word boundaries to 78 cells.  The text
 * is sanitised for terminals (the writer does that).
 *
 * The canonical form differs only in what the content writer puts in it
 * (untranslated labels, only what signing locks): tl_doc_canon is this
 * backend marked canonical.
 */
#include "tillit/export/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/text.h"

/* Cells a line takes at most. */
#define TXT_WIDTH 78
/* Indentation of the text inside a block (an item, a mandate). */
#define TXT_INDENT 2

static void spaces(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

/* Cells of the n bytes at s. */
static size_t width_n(const char *s, size_t n)
{
	char buf[512];
	char *heap = NULL;
	size_t cells;

	if (n < sizeof(buf)) {
		memcpy(buf, s, n);
		buf[n] = '\0';
		return tl_text_width(buf);
	}
	heap = strndup(s, n);
	cells = heap ? tl_text_width(heap) : n;
	free(heap);
	return cells;
}

/*
 * Writes text wrapped at word boundaries.  The first line goes on after
 * `col` cells already written (a prefix, a label); later lines start
 * with `indent` spaces.  Each line of the text starts a new line; blank
 * lines stay.  A word longer than a line stands on a line of its own.
 */
static void txt_wrap(FILE *out, const char *text, size_t col, size_t indent)
{
	const char *p = text;
	bool first_line = true;

	for (;;) {
		const char *eol = strchr(p, '\n');
		const char *end = eol ? eol : p + strlen(p);
		size_t pos = col;
		bool line_empty = true;

		if (!first_line) {
			spaces(out, indent);
			pos = indent;
		}
		while (p < end) {
			const char *w;
			size_t len, cells;

			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p >= end)
				break;
			w = p;
			while (p < end && *p != ' ' && *p != '\t')
				p++;
			len = (size_t)(p - w);
			cells = width_n(w, len);
			if (!line_empty && pos + 1 + cells > TXT_WIDTH) {
				fputc('\n', out);
				spaces(out, indent);
				pos = indent;
				line_empty = true;
			}
			if (!line_empty) {
				fputc(' ', out);
				pos++;
			}
			fwrite(w, 1, len, out);
			pos += cells;
			line_empty = false;
		}
		fputc('\n', out);
		if (!eol)
			break;
		p = eol + 1;
		first_line = false;
	}
}

/* The blank line between two elements. */
static void sep(struct tl_doc *d)
{
	if (d->started)
		fputc('\n', d->out);
	d->started = true;
}

static size_t indent(const struct tl_doc *d)
{
	return d->in_block ? TXT_INDENT : 0;
}

/* A heading underlined with c, as wide as the heading (at most a line). */
static void underlined(struct tl_doc *d, const char *text, char c)
{
	size_t cells = tl_text_width(text);

	sep(d);
	fputs(text, d->out);
	fputc('\n', d->out);
	if (cells > TXT_WIDTH)
		cells = TXT_WIDTH;
	while (cells-- > 0)
		fputc(c, d->out);
	fputc('\n', d->out);
}

static void txt_title(struct tl_doc *d, const char *text)
{
	underlined(d, text, '=');
}

static void txt_section(struct tl_doc *d, const char *text)
{
	underlined(d, text, '-');
}

static void txt_block(struct tl_doc *d, const char *text)
{
	sep(d);
	txt_wrap(d->out, text, 0, 0);
}

static void txt_fields(struct tl_doc *d, const struct tl_doc_field *f,
		       int n)
{
	size_t lw = 0, in = indent(d), col;

	sep(d);
	for (int i = 0; i < n; i++) {
		size_t cells = tl_text_width(f[i].label) + 1;
		if (cells > lw)
			lw = cells;
	}
	col = in + lw + 1;
	for (int i = 0; i < n; i++) {
		spaces(d->out, in);
		fprintf(d->out, "%s:", f[i].label);
		spaces(d->out, lw - tl_text_width(f[i].label));
		txt_wrap(d->out, f[i].value, col, col);
	}
}

static void txt_para(struct tl_doc *d, const char *text)
{
	sep(d);
	spaces(d->out, indent(d));
	txt_wrap(d->out, text, indent(d), indent(d));
}

static void txt_labelled(struct tl_doc *d, const char *label,
			 const char *text, bool flag)
{
	size_t in = indent(d);
	size_t col = in + (flag ? 4 : 0) + tl_text_width(label) + 2;

	sep(d);
	spaces(d->out, in);
	fprintf(d->out, "%s%s: ", flag ? "[!] " : "", label);
	txt_wrap(d->out, text, col, col);
}

static void txt_item(struct tl_doc *d, const char *text, const char *meta)
{
	size_t in = indent(d);
	char *all = meta ? tl_doc_printf(d, "%s (%s)", text, meta) : NULL;

	spaces(d->out, in);
	fputs("- ", d->out);
	txt_wrap(d->out, all ? all : text, in + 2, in + 2);
	free(all);
}

/* The text and the canonical form spell every element alike; the
 * canonical one differs only in what the minutes put in it. */
#define TXT_ELEMENTS \
	.title = txt_title, .section = txt_section, .block = txt_block, \
	.fields = txt_fields, .para = txt_para, .labelled = txt_labelled, \
	.list = sep, .item = txt_item

/* A chart as its lines, under its title. */
static void txt_chart(struct tl_doc *d, const struct tl_doc_chart *c)
{
	sep(d);
	if (c->title && *c->title) {
		spaces(d->out, indent(d));
		txt_wrap(d->out, c->title, indent(d), indent(d));
	}
	for (int i = 0; i < c->nlines; i++) {
		spaces(d->out, indent(d) + 2);
		fprintf(d->out, "%s\n", c->lines[i]);
	}
}

const struct tl_doc_ops tl_doc_txt = {
	.name = "txt",
	TXT_ELEMENTS,
	.chart = txt_chart,
};

const struct tl_doc_ops tl_doc_canon = {
	.name = "canon",
	.canonical = true,
	TXT_ELEMENTS,
};
