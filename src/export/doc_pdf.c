/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * doc_pdf.c - the PDF backend of the document writer: the elements laid
 * out with Pango on A4 pages of Cairo's PDF surface, as a paper protokoll
 * is set.  Every page has the document's title in its header, and in its
 * footer a field for the initials of those who sign (justerandes
 * signatur) and its number ("Sida 2 av 5").  The document's metadata
 * carries its title and its language.
 *
 * The elements are kept as they come and set when the document ends,
 * twice with the same fonts: once to count the pages, once to draw them
 * with the count known.  A group of fields is set as two columns, the
 * labels' as wide as the widest; the text of a block is indented as in
 * the plain text; a heading is never left alone at the foot of a page.
 * Pango shapes and wraps every text, so names in any script (å, ł, ğ,
 * Arabic from right to left) come out as they are written; words are
 * never hyphenated, so the text reads back (pdftotext) word for word as
 * the plain text has it.
 *
 * Pango and Cairo are loaded on the first PDF export (pdf_lib.c).
 */
#include "tillit/export/doc.h"

#include <stdlib.h>
#include <string.h>

#include "pdf_lib.h"
#include "tillit/core/i18n.h"

/* ---- the page ----------------------------------------------------------- */

/* A4 in points, and where text goes on it. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define LEFT 62.0
#define RIGHT 56.0
#define TOP 72.0
#define BOTTOM 778.0
#define TEXT_W (PAGE_W - LEFT - RIGHT)
/* The indentation of a block's text, of a list item's text after its
 * bullet, and the gap between a field's label and its value. */
#define INDENT 14.0
#define BULLET 12.0
#define GAP 8.0
/* About a line of body text, with the space between lines. */
#define LINE 13.0

#define FONT "DejaVu Sans"
#define BODY FONT " 10"

/* ---- what was said ------------------------------------------------------ */

enum el_kind { EL_TITLE, EL_SECTION, EL_BLOCK, EL_FIELD, EL_PARA,
	       EL_LABELLED, EL_ITEM, EL_CHART };

/* A chart's lines: block characters that must line up. */
#define MONO "DejaVu Sans Mono 8"

/* One element; a group of fields is its fields in a row, the first
 * marked `first`, and so a list's items. */
struct el {
	enum el_kind kind;
	bool in_block;  /* inside a block: indented */
	bool first;     /* the first field of a group, item of a list */
	bool flag;      /* a labelled text that warns */
	char *a;        /* the text, or a field's or a labelled's label */
	char *b;        /* a field's value, a labelled's text, an item's
			 * meta; or NULL */
};

struct pdf {
	struct el *el;
	size_t n, cap;
	bool next_first; /* the next field or item starts a group */
};

static struct pdf *pdf_of(struct tl_doc *d)
{
	if (!d->priv && !d->oom) {
		d->priv = calloc(1, sizeof(struct pdf));
		if (!d->priv)
			d->oom = true;
	}
	return d->priv;
}

static void add(struct tl_doc *d, enum el_kind kind, const char *a,
		const char *b, bool flag)
{
	struct pdf *p = pdf_of(d);
	struct el *e;

	if (!p)
		return;
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		struct el *grown = realloc(p->el, cap * sizeof(*grown));

		if (!grown) {
			d->oom = true;
			return;
		}
		p->el = grown;
		p->cap = cap;
	}
	e = &p->el[p->n];
	*e = (struct el){.kind = kind, .in_block = d->in_block,
			 .flag = flag, .a = strdup(a),
			 .b = b ? strdup(b) : NULL};
	if (!e->a || (b && !e->b)) {
		free(e->a);
		free(e->b);
		d->oom = true;
		return;
	}
	if (kind == EL_FIELD || kind == EL_ITEM) {
		e->first = p->next_first;
		p->next_first = false;
	}
	p->n++;
}

static void pdf_title(struct tl_doc *d, const char *text)
{
	add(d, EL_TITLE, text, NULL, false);
}

static void pdf_section(struct tl_doc *d, const char *text)
{
	add(d, EL_SECTION, text, NULL, false);
}

static void pdf_block(struct tl_doc *d, const char *text)
{
	/* Said before the block opens: the heading stands at the margin,
	 * the block's text inside it. */
	add(d, EL_BLOCK, text, NULL, false);
}

static void pdf_fields(struct tl_doc *d, const struct tl_doc_field *f,
		       int n)
{
	struct pdf *p = pdf_of(d);

	if (p)
		p->next_first = true;
	for (int i = 0; i < n; i++)
		add(d, EL_FIELD, f[i].label, f[i].value, false);
}

static void pdf_para(struct tl_doc *d, const char *text)
{
	add(d, EL_PARA, text, NULL, false);
}

static void pdf_labelled(struct tl_doc *d, const char *label,
			 const char *text, bool flag)
{
	add(d, EL_LABELLED, label, text, flag);
}

static void pdf_list(struct tl_doc *d)
{
	struct pdf *p = pdf_of(d);

	if (p)
		p->next_first = true;
}

static void pdf_item(struct tl_doc *d, const char *text, const char *meta)
{
	add(d, EL_ITEM, text, meta, false);
}

/* A chart as its title and its lines, set in a fixed-width font. */
static void pdf_chart(struct tl_doc *d, const struct tl_doc_chart *c)
{
	size_t len = 1;
	char *all, *o;

	for (int i = 0; i < c->nlines; i++)
		len += strlen(c->lines[i]) + 1;
	if (!(all = malloc(len))) {
		d->oom = true;
		return;
	}
	o = all;
	*o = '\0';
	for (int i = 0; i < c->nlines; i++)
		o += sprintf(o, "%s%s", i ? "\n" : "", c->lines[i]);
	add(d, EL_CHART, c->title ? c->title : "", all, false);
	free(all);
}

static void pdf_free(struct tl_doc *d)
{
	struct pdf *p = d->priv;

	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		free(p->el[i].a);
		free(p->el[i].b);
	}
	free(p->el);
	free(p);
	d->priv = NULL;
}

/* ---- setting it --------------------------------------------------------- */

/* One setting of the document: counting its pages, or drawing them. */
struct flow {
	cairo_t *cr;
	PangoContext *ctx;
	const char *title;  /* the page header's */
	bool draw;
	int page, pages;
	double y;           /* where the next line goes, from the top */
	bool oom;
};

/* The text escaped for Pango's markup (g_free), or NULL. */
static char *esc(const char *s)
{
	return tl_pdf.g_markup_escape_text(s, -1);
}

/*
 * Markup of its own (free): a, then t1 escaped, b, t2 escaped (when not
 * NULL) and c.  NULL, and fl->oom, when out of memory.
 */
static char *mk(struct flow *fl, const char *a, const char *t1,
		const char *b, const char *t2, const char *c)
{
	char *e1 = esc(t1), *e2 = t2 ? esc(t2) : NULL, *m = NULL;
	size_t len = 0;
	FILE *f = e1 && (!t2 || e2) ? open_memstream(&m, &len) : NULL;

	if (f) {
		fputs(a, f);
		fputs(e1, f);
		fputs(b, f);
		if (e2)
			fputs(e2, f);
		fputs(c, f);
		if (fclose(f) != 0) {
			free(m);
			m = NULL;
		}
	}
	if (!m)
		fl->oom = true;
	tl_pdf.g_free(e1);
	tl_pdf.g_free(e2);
	return m;
}

static PangoLayout *layout(struct flow *fl, const char *font,
			   const char *markup, double width)
{
	PangoLayout *l = tl_pdf.pango_layout_new(fl->ctx);
	PangoFontDescription *fd = tl_pdf.pango_font_description_from_string(
		font);
	size_t len = strlen(markup);
	char *m = malloc(len + 64);

	if (m)
		snprintf(m, len + 64, "<span insert_hyphens=\"false\">%s"
			 "</span>", markup);
	if (!l || !fd || !m)
		fl->oom = true;
	if (fd) {
		tl_pdf.pango_layout_set_font_description(l, fd);
		tl_pdf.pango_font_description_free(fd);
	}
	tl_pdf.pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	tl_pdf.pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	tl_pdf.pango_layout_set_markup(l, m ? m : "", -1);
	free(m);
	return l;
}

/* Text in small grey type at x, its baseline at y. */
static void small(struct flow *fl, const char *text, double x, double y,
		  bool right)
{
	char *e = mk(fl, "", text, "", NULL, "");
	PangoLayout *l = layout(fl, FONT " 8", e ? e : "", TEXT_W);
	PangoLayoutIter *it = tl_pdf.pango_layout_get_iter(l);
	PangoRectangle r;
	int w, h;

	tl_pdf.pango_layout_get_pixel_size(l, &w, &h);
	tl_pdf.pango_layout_iter_get_line_extents(it, NULL, &r);
	tl_pdf.cairo_set_source_rgb(fl->cr, 0.35, 0.35, 0.35);
	tl_pdf.cairo_move_to(fl->cr, right ? x - w : x + r.x / PANGO_SCALE,
			     y);
	tl_pdf.pango_cairo_show_layout_line(
		fl->cr, tl_pdf.pango_layout_iter_get_line_readonly(it));
	tl_pdf.pango_layout_iter_free(it);
	tl_pdf.g_object_unref(l);
	free(e);
}

static void rule(struct flow *fl, double x0, double x1, double y)
{
	tl_pdf.cairo_set_source_rgb(fl->cr, 0.55, 0.55, 0.55);
	tl_pdf.cairo_set_line_width(fl->cr, 0.5);
	tl_pdf.cairo_move_to(fl->cr, x0, y);
	tl_pdf.cairo_line_to(fl->cr, x1, y);
	tl_pdf.cairo_stroke(fl->cr);
}

/* The page's header and footer. */
static void frame(struct flow *fl)
{
	char num[96];
	/* TRANSLATORS: the field in a PDF's footer for the initials of
	 * those who sign the protokoll (justerandes signatur). */
	const char *initials = _("Initials of those who sign:");

	small(fl, fl->title, LEFT, 44, false);
	rule(fl, LEFT, PAGE_W - RIGHT, 50);
	rule(fl, LEFT, PAGE_W - RIGHT, BOTTOM + 14);
	small(fl, initials, LEFT, BOTTOM + 34, false);
	/* The field itself: a line to write on after the label. */
	rule(fl, LEFT + 150, LEFT + 290, BOTTOM + 36);
	/* TRANSLATORS: a PDF page's number, in its footer. */
	snprintf(num, sizeof(num), _("Page %d of %d"), fl->page, fl->pages);
	small(fl, num, PAGE_W - RIGHT, BOTTOM + 34, true);
	tl_pdf.cairo_set_source_rgb(fl->cr, 0, 0, 0);
}

static void new_page(struct flow *fl)
{
	if (fl->draw && fl->page > 0)
		tl_pdf.cairo_show_page(fl->cr);
	fl->page++;
	if (fl->page > fl->pages)
		fl->pages = fl->page;
	fl->y = TOP;
	if (fl->draw)
		frame(fl);
}

/* Space before an element, unless it starts a page. */
static void space(struct flow *fl, double pt)
{
	if (fl->y > TOP)
		fl->y += pt;
}

/* A new page first unless h points fit on this one. */
static void keep(struct flow *fl, double h)
{
	if (fl->y > TOP && fl->y + h > BOTTOM)
		new_page(fl);
}

/* The height of a layout's first line (or of one body line). */
static double first_line(PangoLayout *l)
{
	PangoLayoutIter *it = tl_pdf.pango_layout_get_iter(l);
	PangoRectangle r;

	tl_pdf.pango_layout_iter_get_line_extents(it, NULL, &r);
	tl_pdf.pango_layout_iter_free(it);
	return (double)r.height / PANGO_SCALE;
}

/* The extents of iterator it's line and its baseline below their top. */
static int line_at(PangoLayoutIter *it, PangoRectangle *r)
{
	tl_pdf.pango_layout_iter_get_line_extents(it, NULL, r);
	return tl_pdf.pango_layout_iter_get_baseline(it) - r->y;
}

/* Draws iterator it's line with its left at x, on the line at fl->y. */
static void draw_line(struct flow *fl, PangoLayoutIter *it, double x,
		      const PangoRectangle *r, int base)
{
	tl_pdf.cairo_move_to(fl->cr, x + (double)r->x / PANGO_SCALE,
			     fl->y + (double)base / PANGO_SCALE);
	tl_pdf.pango_cairo_show_layout_line(
		fl->cr, tl_pdf.pango_layout_iter_get_line_readonly(it));
}

/*
 * Sets main at x line by line, breaking pages between lines; beside it
 * at bx the lines of `beside` (a field's label, an item's bullet), line
 * for line.  Both are freed.
 */
static void put(struct flow *fl, PangoLayout *main, double x,
		PangoLayout *beside, double bx)
{
	PangoLayoutIter *it = tl_pdf.pango_layout_get_iter(main);
	PangoLayoutIter *bi = beside ? tl_pdf.pango_layout_get_iter(beside)
				     : NULL;
	bool more = true, bmore = bi != NULL;

	while (more || bmore) {
		PangoRectangle r = {0}, br = {0};
		int base = more ? line_at(it, &r) : 0;
		int bbase = bmore ? line_at(bi, &br) : 0;
		double h = (double)(r.height > br.height ? r.height
				    : br.height) / PANGO_SCALE;

		if (fl->y + h > BOTTOM && fl->y > TOP)
			new_page(fl);
		if (fl->draw && more)
			draw_line(fl, it, x, &r, base);
		if (fl->draw && bmore)
			draw_line(fl, bi, bx, &br, bbase);
		fl->y += h;
		more = more && tl_pdf.pango_layout_iter_next_line(it);
		bmore = bmore && tl_pdf.pango_layout_iter_next_line(bi);
	}
	tl_pdf.pango_layout_iter_free(it);
	tl_pdf.g_object_unref(main);
	if (bi) {
		tl_pdf.pango_layout_iter_free(bi);
		tl_pdf.g_object_unref(beside);
	}
}

/* A heading in the font, with `before` points above it, kept on a page
 * with `with` points of what follows it. */
static void heading(struct flow *fl, const char *font, const char *text,
		    double before, double with, double x)
{
	char *m = mk(fl, "<b>", text, "</b>", NULL, "");
	PangoLayout *l = layout(fl, font, m ? m : "", TEXT_W - (x - LEFT));

	free(m);
	space(fl, before);
	keep(fl, first_line(l) + with);
	put(fl, l, x, NULL, 0);
	fl->y += 3;
}

/* The width of the widest label of the group of fields at e. */
static double label_width(struct flow *fl, const struct el *e,
			  const struct el *end)
{
	int widest = 0;

	for (const struct el *f = e; f < end && f->kind == EL_FIELD &&
	     (f == e || !f->first); f++) {
		char *m = mk(fl, "<b>", f->a, ":</b>", NULL, "");
		PangoLayout *l = layout(fl, BODY, m ? m : "", TEXT_W);
		int w, h;

		tl_pdf.pango_layout_get_pixel_size(l, &w, &h);
		if (w > widest)
			widest = w;
		tl_pdf.g_object_unref(l);
		free(m);
	}
	return widest > TEXT_W / 3 ? TEXT_W / 3 : widest;
}

static void set_element(struct flow *fl, const struct el *e,
			const struct el *end, double *labw)
{
	double x = LEFT + (e->in_block ? INDENT : 0), w = TEXT_W - (x - LEFT);
	char *m = NULL;

	switch (e->kind) {
	case EL_TITLE:
		heading(fl, FONT " 17", e->a, 0, 0, x);
		fl->y += 6;
		return;
	case EL_SECTION:
		/* With a block's heading and three lines of it. */
		heading(fl, FONT " 13", e->a, 16, 5 * LINE, x);
		return;
	case EL_BLOCK:
		heading(fl, FONT " 11", e->a, 12, 3 * LINE, x);
		return;
	case EL_FIELD:
		if (e->first) {
			*labw = label_width(fl, e, end);
			space(fl, 6);
		}
		m = mk(fl, "<b>", e->a, ":</b>", NULL, "");
		{
			PangoLayout *lab = layout(fl, BODY, m ? m : "",
						  *labw + 1);
			char *v = mk(fl, "", e->b, "", NULL, "");
			PangoLayout *val = layout(fl, BODY, v ? v : "",
						  w - *labw - GAP);

			put(fl, val, x + *labw + GAP, lab, x);
			free(v);
		}
		break;
	case EL_PARA:
		m = mk(fl, "", e->a, "", NULL, "");
		space(fl, 6);
		put(fl, layout(fl, BODY, m ? m : "", w), x, NULL, 0);
		break;
	case EL_LABELLED:
		m = e->flag ? mk(fl, "<span foreground=\"#a00000\"><b>"
				 "\xe2\x9a\xa0 ", e->a, ":</b></span> ", e->b,
				 "")
			    : mk(fl, "<b>", e->a, ":</b> ", e->b, "");
		space(fl, 6);
		put(fl, layout(fl, BODY, m ? m : "", w), x, NULL, 0);
		break;
	case EL_CHART:
		m = mk(fl, "", e->a, "", NULL, "");
		space(fl, 6);
		put(fl, layout(fl, BODY, m ? m : "", w), x, NULL, 0);
		free(m);
		m = mk(fl, "", e->b, "", NULL, "");
		space(fl, 2);
		put(fl, layout(fl, MONO, m ? m : "", w - INDENT), x + INDENT,
		    NULL, 0);
		break;
	case EL_ITEM:
		m = mk(fl, "", e->a, e->b ? " <span foreground=\"#555555\">("
		       : "", e->b, e->b ? ")</span>" : "");
		space(fl, e->first ? 6 : 2);
		put(fl, layout(fl, BODY, m ? m : "", w - BULLET), x + BULLET,
		    layout(fl, BODY, "\xe2\x80\xa2", BULLET), x);
		break;
	}
	free(m);
}

/* Sets every element; with fl->draw, onto the surface. */
static void flow(struct flow *fl, const struct pdf *p)
{
	double labw = 0;

	fl->page = 0;
	new_page(fl);
	for (size_t i = 0; i < p->n; i++)
		set_element(fl, &p->el[i], p->el + p->n, &labw);
}

static cairo_status_t to_memory(void *closure, const unsigned char *data,
				unsigned int length)
{
	return fwrite(data, 1, length, closure) == length
	       ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void pdf_end(struct tl_doc *d)
{
	struct pdf *p = pdf_of(d);
	struct flow fl = {0};
	cairo_surface_t *s;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	struct tl_error err;

	if (!p || d->oom || tl_pdf_load(&err) != TL_OK) {
		d->oom = true;
		pdf_free(d);
		return;
	}
	mem = open_memstream(&buf, &len);
	if (!mem) {
		d->oom = true;
		pdf_free(d);
		return;
	}
	fl.title = "";
	for (size_t i = 0; i < p->n; i++)
		if (p->el[i].kind == EL_TITLE) {
			fl.title = p->el[i].a;
			break;
		}
	s = tl_pdf.cairo_pdf_surface_create_for_stream(to_memory, mem,
						       PAGE_W, PAGE_H);
	tl_pdf.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
					      fl.title);
	tl_pdf.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
					      "tillit");
	fl.cr = tl_pdf.cairo_create(s);
	fl.ctx = tl_pdf.pango_cairo_create_context(fl.cr);
	/* Points, as the surface counts. */
	tl_pdf.pango_cairo_context_set_resolution(fl.ctx, 72);
	flow(&fl, p);
	fl.draw = true;
	flow(&fl, p);
	tl_pdf.cairo_show_page(fl.cr);
	tl_pdf.g_object_unref(fl.ctx);
	if (tl_pdf.cairo_status(fl.cr) != CAIRO_STATUS_SUCCESS)
		fl.oom = true;
	tl_pdf.cairo_destroy(fl.cr);
	tl_pdf.cairo_surface_finish(s);
	if (tl_pdf.cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		fl.oom = true;
	tl_pdf.cairo_surface_destroy(s);
	if (fclose(mem) != 0 || fl.oom) {
		d->oom = true;
	} else {
		size_t with = tl_pdf_set_lang(&buf, len, tl_i18n_lang());

		fwrite(buf, 1, with ? with : len, d->out);
	}
	free(buf);
	pdf_free(d);
}

const struct tl_doc_ops tl_doc_pdf = {
	.name = "pdf",
	.ready = tl_pdf_load,
	.title = pdf_title,
	.section = pdf_section,
	.block = pdf_block,
	.fields = pdf_fields,
	.para = pdf_para,
	.labelled = pdf_labelled,
	.list = pdf_list,
	.item = pdf_item,
	.chart = pdf_chart,
	.end = pdf_end,
	.done = pdf_free,
};
