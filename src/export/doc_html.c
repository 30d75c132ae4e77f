/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * doc_html.c - the HTML backend of the document writer: one
 * self-contained HTML5 document, every text escaped, with a print style
 * (A4, a serif, no page breaks inside an item or right after a heading).
 * Sections and blocks are <section>s, field groups <dl>s, flags stand
 * out in a bordered paragraph.
 */
#include "tillit/export/doc.h"

#include <stdio.h>

#include "tillit/core/i18n.h"

static void html_escape(FILE *out, const char *s, bool breaks)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		case '\n':
			fputs(breaks ? "<br>\n" : " ", out);
			break;
		default:
			fputc(*s, out);
			break;
		}
	}
}

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"sans-serif;\n  line-height:1.45;color:#111;background:#fff;"
	"max-width:46em;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:1.6em;margin:0 0 .6em}\n"
	"h2{font-size:1.25em;margin:1.6em 0 .5em;padding-bottom:.15em;"
	"border-bottom:1px solid #999}\n"
	"h3{font-size:1.05em;margin:1.2em 0 .4em}\n"
	"dl.fields{display:grid;grid-template-columns:max-content auto;"
	"gap:.15em 1em;margin:.4em 0}\n"
	"dl.fields dt{font-weight:bold}\n"
	"dl.fields dd{margin:0}\n"
	"p.flag{border-left:4px solid #b36b00;background:#fff4e0;"
	"padding:.3em .6em}\n"
	"ul{padding-left:1.4em}\n"
	"li{margin:.2em 0}\n"
	".meta{color:#444}\n"
	"@page{size:A4;margin:20mm 20mm 22mm 25mm}\n"
	"@media print{\n"
	"  body{font-family:Georgia,\"Times New Roman\",Times,serif;"
	"font-size:11pt;line-height:1.35;max-width:none;margin:0;padding:0}\n"
	"  h1,h2,h3{page-break-after:avoid;break-after:avoid}\n"
	"  section.block,li,dl.fields{page-break-inside:avoid;"
	"break-inside:avoid}\n"
	"  p{orphans:3;widows:3}\n"
	"  p.flag{background:none}\n"
	"  .meta{color:#000}\n"
	"}\n";

static void html_title(struct tl_doc *d, const char *text)
{
	fprintf(d->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"tillit\">\n<title>",
	      tl_i18n_lang());
	html_escape(d->out, text, false);
	fprintf(d->out, "</title>\n<style>\n%s</style>\n</head>\n"
		"<body>\n<main>\n<h1>", html_style);
	html_escape(d->out, text, false);
	fputs("</h1>\n", d->out);
}

static void html_section(struct tl_doc *d, const char *text)
{
	fputs("<section>\n<h2>", d->out);
	html_escape(d->out, text, false);
	fputs("</h2>\n", d->out);
}

static void html_block(struct tl_doc *d, const char *text)
{
	fputs("<section class=\"block\">\n<h3>", d->out);
	html_escape(d->out, text, false);
	fputs("</h3>\n", d->out);
}

static void html_end_section(struct tl_doc *d)
{
	fputs("</section>\n", d->out);
}

static void html_fields(struct tl_doc *d, const struct tl_doc_field *f,
			int n)
{
	fputs("<dl class=\"fields\">\n", d->out);
	for (int i = 0; i < n; i++) {
		fputs("<dt>", d->out);
		html_escape(d->out, f[i].label, false);
		fputs("</dt><dd>", d->out);
		html_escape(d->out, f[i].value, true);
		fputs("</dd>\n", d->out);
	}
	fputs("</dl>\n", d->out);
}

static void html_para(struct tl_doc *d, const char *text)
{
	fputs("<p>", d->out);
	html_escape(d->out, text, true);
	fputs("</p>\n", d->out);
}

static void html_labelled(struct tl_doc *d, const char *label,
			  const char *text, bool flag)
{
	fputs(flag ? "<p class=\"flag\"><strong>" : "<p><strong>", d->out);
	html_escape(d->out, label, false);
	fputs(":</strong> ", d->out);
	html_escape(d->out, text, true);
	fputs("</p>\n", d->out);
}

static void html_list(struct tl_doc *d)
{
	fputs("<ul>\n", d->out);
}

static void html_list_end(struct tl_doc *d)
{
	fputs("</ul>\n", d->out);
}

static void html_item(struct tl_doc *d, const char *text, const char *meta)
{
	fputs("<li>", d->out);
	html_escape(d->out, text, true);
	if (meta) {
		fputs(" <span class=\"meta\">(", d->out);
		html_escape(d->out, meta, true);
		fputs(")</span>", d->out);
	}
	fputs("</li>\n", d->out);
}

static void html_end(struct tl_doc *d)
{
	fputs("</main>\n</body>\n</html>\n", d->out);
}

/* Chart geometry, in SVG user units (CSS pixels). */
#define CH_LABEL 70  /* the period */
#define CH_FIGURE 70 /* the figure, right-aligned before the bars */
#define CH_BARS 320  /* the width the bars share */
#define CH_ROW 22

/* A chart as inline SVG: a bar a period and the target as a dashed line
 * across them, with a title for screen readers. */
static void html_chart(struct tl_doc *d, const struct tl_doc_chart *c)
{
	int x0 = CH_LABEL + CH_FIGURE + 10, w = x0 + CH_BARS + 10;
	int h = (c->n + (c->target_label ? 1 : 0)) * CH_ROW + 8;

	fputs("<figure class=\"chart\">\n", d->out);
	fprintf(d->out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-label=\"", w, h, w, h);
	html_escape(d->out, c->title, false);
	fputs("\">\n<title>", d->out);
	html_escape(d->out, c->title, false);
	fputs("</title>\n", d->out);
	for (int i = 0; i < c->n; i++) {
		int y = 4 + i * CH_ROW;
		double f = c->fractions[i] < 0 ? 0 : c->fractions[i] > 1 ? 1
			   : c->fractions[i];

		fprintf(d->out, "<text x=\"0\" y=\"%d\">", y + 15);
		html_escape(d->out, c->labels[i], false);
		fprintf(d->out, "</text><text x=\"%d\" y=\"%d\" "
			"text-anchor=\"end\">", CH_LABEL + CH_FIGURE, y + 15);
		html_escape(d->out, c->texts[i], false);
		fprintf(d->out, "</text><rect x=\"%d\" y=\"%d\" "
			"width=\"%.1f\" height=\"14\" fill=\"#4a7a9c\"/>\n",
			x0, y + 3, f * CH_BARS);
	}
	if (c->target_label) {
		double f = c->target_fraction < 0 ? 0
			   : c->target_fraction > 1 ? 1 : c->target_fraction;
		int y = 4 + c->n * CH_ROW;
		double x = x0 + f * CH_BARS;

		fprintf(d->out, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" "
			"y2=\"%d\" stroke=\"#b03030\" stroke-width=\"2\" "
			"stroke-dasharray=\"4 3\"/>\n", x, x, y + 18);
		fprintf(d->out, "<text x=\"0\" y=\"%d\">", y + 15);
		html_escape(d->out, c->target_label, false);
		fprintf(d->out, "</text><text x=\"%d\" y=\"%d\" "
			"text-anchor=\"end\">", CH_LABEL + CH_FIGURE, y + 15);
		html_escape(d->out, c->target_text, false);
		fprintf(d->out, "</text><text x=\"%d\" y=\"%d\">", x0,
			y + 15);
		html_escape(d->out, _("target"), false);
		fputs("</text>\n", d->out);
	}
	fputs("</svg>\n<figcaption>", d->out);
	html_escape(d->out, c->title, false);
	fputs("</figcaption>\n</figure>\n", d->out);
}

const struct tl_doc_ops tl_doc_html = {
	.name = "html",
	.title = html_title,
	.section = html_section,
	.section_end = html_end_section,
	.block = html_block,
	.block_end = html_end_section,
	.fields = html_fields,
	.para = html_para,
	.labelled = html_labelled,
	.list = html_list,
	.list_end = html_list_end,
	.item = html_item,
	.chart = html_chart,
	.end = html_end,
};
