/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * doc_md.c - the Markdown backend of the document writer: headings with
 * "#", field groups and lists as "- " items, labels in bold, flags as
 * quotes, a blank line between elements, and user text escaped so that
 * it can never turn into markup.
 *
 * "Never" is meant as CommonMark and GitHub's Markdown (GFM) read it:
 * whatever a text says, the document has the same headings, lists,
 * quotes, tables and emphasis as with plain words in its place, and the
 * text comes out as text (tests/fuzz/fuzz_markdown.c parses both with
 * cmark-gfm to check).  So a text's line breaks never start a block: each
 * is a hard line break ("\" at the end of the line) inside the same
 * paragraph or item, and the next line starts without the indentation
 * that would make it code.  Every character that can open or close
 * inline markup is escaped with a backslash wherever it stands, and
 * those that only start a block where a line starts are escaped there.
 * GFM's extended autolinks (a bare www.x.se or name@x.se becomes a link
 * to itself) are left alone: they add no structure a reader could be
 * misled by.
 */
#include "tillit/export/doc.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Escaped wherever they stand: emphasis, strike-through, code, links,
 * raw HTML and autolinks, tables, and the backslash itself. */
#define MD_INLINE "\\`*_~[]<>|"
/* Escaped where a line starts: headings, quotes, lists, thematic
 * breaks, setext underlines and table delimiter rows. */
#define MD_LINE_START "#>-+=:"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Writes the text s escaped.  In a heading (one line) a line break is a
 * space and every '#' is escaped, so that none closes the heading; what
 * would start a block elsewhere is text there.
 * Elsewhere a line break is a hard break, and the next line goes on
 * after `cont` (the indentation of a list item, or "> " in a quote).
 * Blanks at the start of every line and at the end of the text are left
 * out: Markdown would not show them, and they would make code or a
 * stray "\".
 */
static void md_text(FILE *out, const char *s, const char *cont, bool heading)
{
	const char *end = s + strlen(s);
	/* A heading's text is read as inline text only. */
	bool line_start = !heading;

	while (end > s && is_blank(end[-1]))
		end--;
	while (s < end && is_blank(*s))
		s++;
	for (; s < end; s++) {
		char c = *s;

		if (c == '\n') {
			if (heading) {
				fputc(' ', out);
			} else {
				fputs("\\\n", out);
				fputs(cont, out);
				line_start = true;
			}
			while (s + 1 < end && (s[1] == ' ' || s[1] == '\t'))
				s++;
			continue;
		}
		if (line_start && is_digit(c)) {
			/* "1." and "1)" start an ordered list. */
			const char *p = s;

			while (p < end && is_digit(*p))
				p++;
			fwrite(s, 1, (size_t)(p - s), out);
			s = p - 1;
			if (p < end && (*p == '.' || *p == ')')) {
				fputc('\\', out);
				fputc(*p, out);
				s = p;
			}
			line_start = false;
			continue;
		}
		if (strchr(MD_INLINE, c) ||
		    (c == '#' && (heading || line_start)) ||
		    (line_start && strchr(MD_LINE_START, c)) ||
		    (c == '!' && s + 1 < end && s[1] == '[') ||
		    (c == '&' && s + 1 < end &&
		     (s[1] == '#' || is_alpha(s[1]))))
			fputc('\\', out);
		fputc(c, out);
		line_start = false;
	}
}

/* The blank line between two elements. */
static void sep(struct tl_doc *d)
{
	if (d->started)
		fputc('\n', d->out);
	d->started = true;
}

static void heading(struct tl_doc *d, const char *text, int level)
{
	sep(d);
	fprintf(d->out, "%.*s ", level, "###");
	md_text(d->out, text, "", true);
	fputc('\n', d->out);
}

static void md_title(struct tl_doc *d, const char *text)
{
	heading(d, text, 1);
}

static void md_section(struct tl_doc *d, const char *text)
{
	heading(d, text, 2);
}

static void md_block(struct tl_doc *d, const char *text)
{
	heading(d, text, 3);
}

static void md_fields(struct tl_doc *d, const struct tl_doc_field *f, int n)
{
	sep(d);
	for (int i = 0; i < n; i++) {
		fputs("- **", d->out);
		md_text(d->out, f[i].label, "", false);
		fputs(":** ", d->out);
		md_text(d->out, f[i].value, "  ", false);
		fputc('\n', d->out);
	}
}

static void md_para(struct tl_doc *d, const char *text)
{
	sep(d);
	md_text(d->out, text, "", false);
	fputc('\n', d->out);
}

static void md_labelled(struct tl_doc *d, const char *label,
			const char *text, bool flag)
{
	sep(d);
	fputs(flag ? "> **" : "**", d->out);
	md_text(d->out, label, "", false);
	fputs(":** ", d->out);
	md_text(d->out, text, flag ? "> " : "", false);
	fputc('\n', d->out);
}

static void md_item(struct tl_doc *d, const char *text, const char *meta)
{
	fputs("- ", d->out);
	md_text(d->out, text, "  ", false);
	if (meta) {
		fputs(" (", d->out);
		md_text(d->out, meta, "  ", false);
		fputc(')', d->out);
	}
	fputc('\n', d->out);
}

/* A chart as its lines, in a code block so that they stay aligned. */
static void md_chart(struct tl_doc *d, const struct tl_doc_chart *c)
{
	sep(d);
	if (c->title && *c->title) {
		md_text(d->out, c->title, "", false);
		fputs("\n\n", d->out);
	}
	fputs("```\n", d->out);
	for (int i = 0; i < c->nlines; i++)
		fprintf(d->out, "%s\n", c->lines[i]);
	fputs("```\n", d->out);
}

const struct tl_doc_ops tl_doc_md = {
	.name = "md",
	.title = md_title,
	.section = md_section,
	.block = md_block,
	.fields = md_fields,
	.para = md_para,
	.labelled = md_labelled,
	.list = sep,
	.item = md_item,
	.chart = md_chart,
};
