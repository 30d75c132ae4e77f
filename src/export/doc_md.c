/*
 * doc_md.c - the Markdown backend of the document writer: headings with
 * "#", field groups and lists as "- " items, labels in bold, flags as
 * quotes, a blank line between elements, and user text escaped so that
 * it can never turn into markup.
 */
#include "tillit/export/doc.h"

#include <stdio.h>
#include <string.h>

/*
 * Characters that would start emphasis, code, links or raw HTML are
 * escaped with a backslash, and so is a '#' that would start a heading;
 * an '&' only where it could start an entity.  A newline goes on as a
 * newline followed by `cont` (the indentation of a list item).
 */
static void md_escape(FILE *out, const char *s, const char *cont)
{
	bool line_start = true;

	for (; *s; s++) {
		char c = *s;

		if (c == '\n') {
			fputc('\n', out);
			fputs(cont, out);
			line_start = true;
			continue;
		}
		if (strchr("\\`*_[]<>", c) || (c == '#' && line_start) ||
		    (c == '&' && (s[1] == '#' || (s[1] >= 'a' && s[1] <= 'z') ||
				  (s[1] >= 'A' && s[1] <= 'Z'))))
			fputc('\\', out);
		fputc(c, out);
		line_start = line_start && (c == ' ' || c == '\t');
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
	md_escape(d->out, text, "");
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
		md_escape(d->out, f[i].label, "");
		fputs(":** ", d->out);
		md_escape(d->out, f[i].value, "  ");
		fputc('\n', d->out);
	}
}

static void md_para(struct tl_doc *d, const char *text)
{
	sep(d);
	md_escape(d->out, text, "");
	fputc('\n', d->out);
}

static void md_labelled(struct tl_doc *d, const char *label,
			const char *text, bool flag)
{
	sep(d);
	fputs(flag ? "> **" : "**", d->out);
	md_escape(d->out, label, "");
	fputs(":** ", d->out);
	md_escape(d->out, text, flag ? "> " : "");
	fputc('\n', d->out);
}

static void md_item(struct tl_doc *d, const char *text, const char *meta)
{
	fputs("- ", d->out);
	md_escape(d->out, text, "  ");
	if (meta) {
		fputs(" (", d->out);
		md_escape(d->out, meta, "  ");
		fputc(')', d->out);
	}
	fputc('\n', d->out);
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
};
