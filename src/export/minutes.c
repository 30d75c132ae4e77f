/*
 * minutes.c - the minutes (protokoll) of a committee meeting, a governance
 * dialogue or a forum, and the summary of a one-to-one, made from what was
 * recorded, as Markdown, printable HTML, plain text and the canonical text
 * that signing digests.
 *
 * The content is put together once (write_minutes, write_summary) through
 * a small writer with a handful of elements: a title, section and block
 * headings, groups of "Label: value" fields, paragraphs, labelled
 * paragraphs, warning flags and list items.  The writer renders each
 * element in the chosen format: Markdown with user text escaped, one
 * self-contained HTML5 document with every text escaped and a print style,
 * or plain text sanitised for terminals and wrapped at 78 cells.
 *
 * The canonical form is the plain text with English (untranslated) labels
 * and only what signing locks: no meeting status, no follow-up statuses,
 * no "since last time", no reported delegated decisions (they are logged
 * under mandates, which the meeting does not lock) and no signatures.  So
 * the digest stored at signing is the same whatever the language, and
 * whatever happens later to work that goes on after the meeting.
 *
 * Everything is read through the store API; lists are read page by page
 * and sorted here so that the output is the same on every run.
 */
#include "tillit/minutes.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/error.h"
#include "tillit/i18n.h"
#include "tillit/model.h"
#include "tillit/present.h"
#include "tillit/rules.h"
#include "tillit/store.h"
#include "tillit/text.h"

/* Cells a line of plain text takes at most. */
#define MW_WIDTH 78
/* Indentation of the text inside a block (an item, a mandate) in TXT. */
#define MW_INDENT 2
/* Fields one group holds; more are dropped (no group has that many). */
#define MW_FIELDS 16

/* ---- a growing array of records ------------------------------------- */

struct recs {
	struct tl_record **v;
	int n, cap;
};

static void recs_done(struct recs *rs)
{
	for (int i = 0; i < rs->n; i++)
		tl_record_free(rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

static bool recs_push(struct recs *rs, struct tl_record *r)
{
	if (rs->n == rs->cap) {
		int cap = rs->cap ? 2 * rs->cap : 16;
		struct tl_record **v = realloc(rs->v, (size_t)cap * sizeof(*v));
		if (!v)
			return false;
		rs->v = v;
		rs->cap = cap;
	}
	rs->v[rs->n++] = r;
	return true;
}

/*
 * Appends every record q selects to rs, in list order; a query with its
 * own limit wants that many, no more.  Each record is copied from the
 * store's iterator.
 */
static enum tl_status collect(struct tl_store *st, const struct tl_query *q0,
			      struct recs *rs, struct tl_error *err)
{
	struct tl_query q = *q0;
	const struct tl_record *r;
	struct tl_record *copy;
	struct tl_iter *it;
	enum tl_status rc;
	int n = 0;

	q.after = NULL;
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (q0->limit <= 0 || n < q0->limit) &&
	       (rc = tl_store_iter_next(it, &r, err)) == TL_OK && r) {
		copy = tl_record_dup(r);
		if (!copy || !recs_push(rs, copy)) {
			tl_record_free(copy);
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
		}
		n++;
	}
	tl_store_iter_free(it);
	return rc;
}

/* Sorts rs with cmp (qsort must not see the NULL of an empty array). */
static void recs_sort(struct recs *rs, int (*cmp)(const void *, const void *))
{
	if (rs->n > 1)
		qsort(rs->v, (size_t)rs->n, sizeof(*rs->v), cmp);
}

/* ---- comparing records, for stable output ----------------------------- */

static int cmp_str(const char *a, const char *b)
{
	/* Unset sorts last. */
	if (!a || !b)
		return a ? -1 : b ? 1 : 0;
	return strcmp(a, b);
}

static int cmp_field(const struct tl_record *a, const struct tl_record *b,
		     int f)
{
	return cmp_str(tl_record_get(a, f), tl_record_get(b, f));
}

static int cmp_items(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	long na = atol(tl_record_str(a, TL_ITEM_NUMBER));
	long nb = atol(tl_record_str(b, TL_ITEM_NUMBER));

	if (na != nb)
		return na < nb ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int cmp_mandates(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = cmp_field(a, b, TL_MANDATE_MATTER);

	return c ? c : strcmp(a->id, b->id);
}

static int cmp_frames(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = cmp_field(a, b, TL_FRAME_DESCRIPTION);

	return c ? c : strcmp(a->id, b->id);
}

static int cmp_followups(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	int c = cmp_field(a, b, TL_FOLLOWUP_DUE);

	if (!c)
		c = cmp_field(a, b, TL_FOLLOWUP_TEXT);
	return c ? c : strcmp(a->id, b->id);
}

/* ---- the writer -------------------------------------------------------- */

struct mw_field {
	const char *label; /* a translated constant */
	char *value;       /* sanitised, owned */
};

struct mw {
	enum tl_minutes_format fmt;
	FILE *out;
	bool canon;      /* untranslated labels, only what signing locks */
	bool started;    /* MD, TXT: a blank line goes before what follows */
	bool sec_open;   /* HTML: a <section> is open */
	bool block_open; /* inside a block: HTML <section>, TXT indented */
	bool list_open;  /* a list is being written */
	bool oom;
	struct mw_field field[MW_FIELDS];
	int nfields;
};

/*
 * A label or a choice word as shown: translated, except in the canonical
 * form, whose digest must not depend on the language.
 */
static const char *L(const struct mw *w, const char *msgid)
	__attribute__((format_arg(2)));

static const char *L(const struct mw *w, const char *msgid)
{
	/* gettext("") is the catalogue's header. */
	return w->canon || !*msgid ? msgid : gettext(msgid);
}

/* Text made safe: control characters shown visibly, newlines kept. */
static char *clean(struct mw *w, const char *s)
{
	char *c = tl_text_sanitize(s ? s : "", true);

	if (!c)
		w->oom = true;
	return c;
}

/* A new string from a printf format; NULL (and w->oom) when out of memory. */
static char *fmt_str(struct mw *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static char *fmt_str(struct mw *w, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);

	if (!f) {
		w->oom = true;
		return NULL;
	}
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	if (fclose(f) != 0) {
		free(s);
		w->oom = true;
		return NULL;
	}
	return s;
}

/* -- escaping -- */

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

/*
 * Markdown: characters that would start emphasis, code, links or raw HTML
 * are escaped with a backslash, and so is a '#' that would start a
 * heading; an '&' only where it could start an entity.  A newline goes on
 * as a newline followed by `cont` (the indentation of a list item).
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

/* -- plain text: wrapping to MW_WIDTH cells -- */

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
			if (!line_empty && pos + 1 + cells > MW_WIDTH) {
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

/* A heading underlined with c, as wide as the heading (at most a line). */
static void txt_heading(FILE *out, const char *text, char c, size_t indent)
{
	size_t cells = tl_text_width(text);

	spaces(out, indent);
	fputs(text, out);
	fputc('\n', out);
	if (c) {
		if (cells > MW_WIDTH - indent)
			cells = MW_WIDTH - indent;
		spaces(out, indent);
		while (cells-- > 0)
			fputc(c, out);
		fputc('\n', out);
	}
}

/* -- the elements -- */

static bool is_html(const struct mw *w)
{
	return w->fmt == TL_MINUTES_HTML;
}

static bool is_md(const struct mw *w)
{
	return w->fmt == TL_MINUTES_MD;
}

/* MD and TXT: the blank line between two elements. */
static void sep(struct mw *w)
{
	if (is_html(w))
		return;
	if (w->started)
		fputc('\n', w->out);
	w->started = true;
}

static size_t txt_indent(const struct mw *w)
{
	return w->block_open ? MW_INDENT : 0;
}

static void flush_fields(struct mw *w)
{
	size_t lw = 0;

	if (w->nfields == 0)
		return;
	sep(w);
	if (is_html(w))
		fputs("<dl class=\"fields\">\n", w->out);
	for (int i = 0; i < w->nfields; i++) {
		size_t cells = tl_text_width(w->field[i].label) + 1;
		if (cells > lw)
			lw = cells;
	}
	for (int i = 0; i < w->nfields; i++) {
		const struct mw_field *f = &w->field[i];

		if (is_html(w)) {
			fputs("<dt>", w->out);
			html_escape(w->out, f->label, false);
			fputs("</dt><dd>", w->out);
			html_escape(w->out, f->value, true);
			fputs("</dd>\n", w->out);
		} else if (is_md(w)) {
			fputs("- **", w->out);
			md_escape(w->out, f->label, "");
			fputs(":** ", w->out);
			md_escape(w->out, f->value, "  ");
			fputc('\n', w->out);
		} else {
			size_t in = txt_indent(w);
			size_t col = in + lw + 1;

			spaces(w->out, in);
			fprintf(w->out, "%s:", f->label);
			spaces(w->out, lw - tl_text_width(f->label));
			txt_wrap(w->out, f->value, col, col);
		}
		free(w->field[i].value);
		w->field[i].value = NULL;
	}
	if (is_html(w))
		fputs("</dl>\n", w->out);
	w->nfields = 0;
}

static void close_list(struct mw *w)
{
	if (!w->list_open)
		return;
	if (is_html(w))
		fputs("</ul>\n", w->out);
	w->list_open = false;
}

/* Ends whatever group is being written before another element starts. */
static void flush(struct mw *w)
{
	flush_fields(w);
	close_list(w);
}

static void close_block(struct mw *w)
{
	flush(w);
	if (w->block_open && is_html(w))
		fputs("</section>\n", w->out);
	w->block_open = false;
}

static void close_section(struct mw *w)
{
	close_block(w);
	if (w->sec_open && is_html(w))
		fputs("</section>\n", w->out);
	w->sec_open = false;
}

/* The print style of the HTML form: A4, a serif, no page breaks inside
 * an item or right after a heading. */
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

/*
 * A heading of `level` 1-3 in Markdown ("#", "##", "###") or plain text
 * (underlined with "=" or "-", or a line of its own), after the blank
 * line that separates it from what came before.
 */
static void plain_heading(struct mw *w, const char *text, int level)
{
	sep(w);
	if (is_md(w)) {
		fprintf(w->out, "%.*s ", level, "###");
		md_escape(w->out, text, "");
		fputc('\n', w->out);
	} else if (level < 3) {
		txt_heading(w->out, text, level == 1 ? '=' : '-', 0);
	} else {
		txt_wrap(w->out, text, 0, 0);
	}
}

/* The document's title; opens the HTML document. */
static void mw_title(struct mw *w, const char *text)
{
	if (is_html(w)) {
		fputs("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, "
		      "initial-scale=1\">\n"
		      "<meta name=\"generator\" content=\"tillit\">\n<title>",
		      w->out);
		html_escape(w->out, text, false);
		fprintf(w->out, "</title>\n<style>\n%s</style>\n</head>\n"
			"<body>\n<main>\n<h1>", html_style);
		html_escape(w->out, text, false);
		fputs("</h1>\n", w->out);
		return;
	}
	plain_heading(w, text, 1);
}

/* A section heading (h2): attendance, items, mandates... */
static void mw_section(struct mw *w, const char *text)
{
	close_section(w);
	if (is_html(w)) {
		fputs("<section>\n<h2>", w->out);
		html_escape(w->out, text, false);
		fputs("</h2>\n", w->out);
		w->sec_open = true;
		return;
	}
	plain_heading(w, text, 2);
}

/* A block in a section (h3): one item, mandate or frame. */
static void mw_block(struct mw *w, const char *text)
{
	char *one = strdup(text);

	if (!one) {
		w->oom = true;
		return;
	}
	/* A heading is one line. */
	for (char *p = one; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	close_block(w);
	if (is_html(w)) {
		fputs("<section class=\"block\">\n<h3>", w->out);
		html_escape(w->out, one, false);
		fputs("</h3>\n", w->out);
	} else {
		plain_heading(w, one, 3);
	}
	w->block_open = true;
	free(one);
}

/* One "Label: value" of a group; an unset or empty value is left out.
 * The value is user text (sanitised here). */
static void mw_field(struct mw *w, const char *label, const char *value)
{
	char *v;

	if (!value || !*value)
		return;
	close_list(w);
	if (w->nfields >= MW_FIELDS)
		return;
	v = clean(w, value);
	if (!v)
		return;
	w->field[w->nfields].label = label;
	w->field[w->nfields].value = v;
	w->nfields++;
}

/* The same, taking over a value made here (NULL is left out). */
static void mw_field_own(struct mw *w, const char *label, char *value)
{
	mw_field(w, label, value);
	free(value);
}

/* A paragraph of user text, with its own line breaks. */
static void mw_para(struct mw *w, const char *text)
{
	char *t;

	if (!text || !*text)
		return;
	flush(w);
	t = clean(w, text);
	if (!t)
		return;
	sep(w);
	if (is_html(w)) {
		fputs("<p>", w->out);
		html_escape(w->out, t, true);
		fputs("</p>\n", w->out);
	} else if (is_md(w)) {
		md_escape(w->out, t, "");
		fputc('\n', w->out);
	} else {
		spaces(w->out, txt_indent(w));
		txt_wrap(w->out, t, txt_indent(w), txt_indent(w));
	}
	free(t);
}

/*
 * A paragraph that starts with a bold label ("Decision:"); flag makes it
 * a warning that stands out (the grey zone).
 */
static void labelled(struct mw *w, const char *label, const char *text,
		     bool flag)
{
	char *t;

	if (!text || !*text)
		return;
	flush(w);
	t = clean(w, text);
	if (!t)
		return;
	sep(w);
	if (is_html(w)) {
		fputs(flag ? "<p class=\"flag\"><strong>" : "<p><strong>",
		      w->out);
		html_escape(w->out, label, false);
		fputs(":</strong> ", w->out);
		html_escape(w->out, t, true);
		fputs("</p>\n", w->out);
	} else if (is_md(w)) {
		fputs(flag ? "> **" : "**", w->out);
		md_escape(w->out, label, "");
		fputs(":** ", w->out);
		md_escape(w->out, t, flag ? "> " : "");
		fputc('\n', w->out);
	} else {
		size_t in = txt_indent(w);
		size_t col = in + (flag ? 4 : 0) + tl_text_width(label) + 2;

		spaces(w->out, in);
		fprintf(w->out, "%s%s: ", flag ? "[!] " : "", label);
		txt_wrap(w->out, t, col, col);
	}
	free(t);
}

static void mw_labelled(struct mw *w, const char *label, const char *text)
{
	labelled(w, label, text, false);
}

static void mw_flag(struct mw *w, const char *label, const char *text)
{
	labelled(w, label, text, true);
}

/* One list item: user text, and details in parentheses (may be NULL). */
static void mw_item(struct mw *w, const char *text, const char *meta)
{
	char *t = clean(w, text), *m = meta && *meta ? clean(w, meta) : NULL;

	if (!t || (meta && *meta && !m)) {
		free(t);
		free(m);
		return;
	}
	flush_fields(w);
	if (!w->list_open) {
		sep(w);
		if (is_html(w))
			fputs("<ul>\n", w->out);
		w->list_open = true;
	}
	if (is_html(w)) {
		fputs("<li>", w->out);
		html_escape(w->out, t, true);
		if (m) {
			fputs(" <span class=\"meta\">(", w->out);
			html_escape(w->out, m, true);
			fputs(")</span>", w->out);
		}
		fputs("</li>\n", w->out);
	} else if (is_md(w)) {
		fputs("- ", w->out);
		md_escape(w->out, t, "  ");
		if (m) {
			fputs(" (", w->out);
			md_escape(w->out, m, "  ");
			fputc(')', w->out);
		}
		fputc('\n', w->out);
	} else {
		size_t in = txt_indent(w);
		char *all = m ? fmt_str(w, "%s (%s)", t, m) : NULL;

		spaces(w->out, in);
		fputs("- ", w->out);
		txt_wrap(w->out, all ? all : t, in + 2, in + 2);
		free(all);
	}
	free(t);
	free(m);
}

/* Ends the document. */
static void mw_end(struct mw *w)
{
	close_section(w);
	if (is_html(w))
		fputs("</main>\n</body>\n</html>\n", w->out);
}

static void mw_done(struct mw *w)
{
	for (int i = 0; i < w->nfields; i++)
		free(w->field[i].value);
	w->nfields = 0;
}

/* ---- what the minutes say --------------------------------------------- */

/* Everything one meeting's minutes are made from. */
struct minutes {
	struct tl_store *st;
	struct tl_error *err;
	struct mw *w;
	struct tl_refs refs;
	struct tl_record *meeting;
	const char *kind;          /* the meeting's kind */
	bool committee;
	struct recs parts, items, mandates, frames, followups, principles;
};

/*
 * The name of a referred record.  The canonical form that signing digests
 * names it by id instead: people and units are not locked by signing, and
 * renaming one must not look like tampering with every meeting it was in.
 */
static const char *ref_name(struct minutes *m, enum tl_kind kind,
			    const char *id)
{
	if (!id)
		return "";
	if (m->w->canon)
		return id;
	return tl_refs_title(&m->refs, kind, id);
}

static const char *person_name(struct minutes *m, const char *id)
{
	return ref_name(m, TL_K_PERSON, id);
}

static const char *unit_name(struct minutes *m, const char *id)
{
	return ref_name(m, TL_K_UNIT, id);
}

/* The position of a role in the model's list: chair first. */
static int role_rank(const char *role)
{
	const struct tl_field *f =
		&tl_entity_get(TL_K_PARTICIPANT)->fields[TL_PART_ROLE];

	for (int i = 0; role && f->choices[i]; i++)
		if (!strcmp(f->choices[i], role))
			return i;
	return 99;
}

/* Participants by role, then name: qsort cannot reach the names, so this
 * is an insertion sort over the (short) list. */
static void sort_parts(struct minutes *m)
{
	struct tl_record **v = m->parts.v;

	for (int i = 1; i < m->parts.n; i++) {
		struct tl_record *x = v[i];
		int j = i - 1;

		while (j >= 0) {
			const struct tl_record *y = v[j];
			int c = role_rank(tl_record_get(y, TL_PART_ROLE)) -
				role_rank(tl_record_get(x, TL_PART_ROLE));
			if (!c)
				c = strcmp(person_name(m, tl_record_get(
						y, TL_PART_PERSON)),
					   person_name(m, tl_record_get(
						x, TL_PART_PERSON)));
			if (!c)
				c = strcmp(y->id, x->id);
			if (c <= 0)
				break;
			v[j + 1] = v[j];
			j--;
		}
		v[j + 1] = x;
	}
}

static enum tl_status load_children(struct minutes *m)
{
	static const struct {
		enum tl_kind kind;
		size_t off;
	} lists[] = {
		{TL_K_PARTICIPANT, offsetof(struct minutes, parts)},
		{TL_K_ITEM, offsetof(struct minutes, items)},
		{TL_K_MANDATE, offsetof(struct minutes, mandates)},
		{TL_K_FRAME, offsetof(struct minutes, frames)},
		{TL_K_FOLLOWUP, offsetof(struct minutes, followups)},
	};
	struct tl_query pq = {.kind = TL_K_PRINCIPLE};
	enum tl_status rc;

	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		struct tl_query q = {.kind = lists[i].kind,
				     .parent = m->meeting->id};
		struct recs *rs = (struct recs *)((char *)m + lists[i].off);

		rc = collect(m->st, &q, rs, m->err);
		if (rc != TL_OK)
			return rc;
	}
	rc = collect(m->st, &pq, &m->principles, m->err);
	if (rc != TL_OK)
		return rc;
	sort_parts(m);
	recs_sort(&m->items, cmp_items);
	recs_sort(&m->mandates, cmp_mandates);
	recs_sort(&m->frames, cmp_frames);
	recs_sort(&m->followups, cmp_followups);
	return TL_OK;
}

/* Starts a "list" value: names joined with ", " into a memstream. */
struct join {
	char *buf;
	size_t len;
	FILE *f;
	int n;
};

static void join_init(struct mw *w, struct join *j)
{
	memset(j, 0, sizeof(*j));
	j->f = open_memstream(&j->buf, &j->len);
	if (!j->f)
		w->oom = true;
}

static void join_add(struct join *j, const char *s)
{
	if (!j->f)
		return;
	fprintf(j->f, "%s%s", j->n++ ? ", " : "", s);
}

/* The joined text (caller frees), NULL when empty. */
static char *join_end(struct mw *w, struct join *j)
{
	if (!j->f)
		return NULL;
	if (fclose(j->f) != 0) {
		w->oom = true;
		free(j->buf);
		return NULL;
	}
	if (j->n == 0) {
		free(j->buf);
		return NULL;
	}
	return j->buf;
}

/* "Date" and "Time" of the header, from the meeting's start and end. */
static void header_when(struct minutes *m)
{
	struct mw *w = m->w;
	const char *starts = tl_record_str(m->meeting, TL_MEETING_STARTS);
	const char *ends = tl_record_get(m->meeting, TL_MEETING_ENDS);
	char date[16];

	snprintf(date, sizeof(date), "%.10s", starts);
	mw_field(w, L(w, N_("Date")), date);
	if (strlen(starts) < 16)
		return;
	if (!ends || strlen(ends) < 16)
		mw_field_own(w, L(w, N_("Time")), fmt_str(w, "%s",
							  starts + 11));
	else if (!strncmp(starts, ends, 10))
		mw_field_own(w, L(w, N_("Time")),
			     fmt_str(w, "%s\xE2\x80\x93%s", starts + 11,
				     ends + 11));
	else
		mw_field_own(w, L(w, N_("Time")),
			     fmt_str(w, "%s \xE2\x80\x93 %s", starts + 11,
				     ends));
}

static void write_header(struct minutes *m, bool summary)
{
	struct mw *w = m->w;
	const char *unit = tl_record_get(m->meeting, TL_MEETING_UNIT);
	char *raw = fmt_str(w, "%s: %s", summary ? L(w, N_("Summary"))
						 : L(w, N_("Minutes")),
			    tl_record_str(m->meeting, TL_MEETING_TITLE));
	char *title = raw ? clean(w, raw) : NULL;

	/* The title is user text: sanitised like every other. */
	mw_title(w, title ? title : "");
	free(raw);
	free(title);
	if (unit)
		mw_field(w, m->committee ? L(w, N_("Committee"))
					 : L(w, N_("Unit")),
			 unit_name(m, unit));
	header_when(m);
	mw_field(w, L(w, N_("Place")),
		 tl_record_get(m->meeting, TL_MEETING_LOCATION));
	/* The status changes when the meeting is signed: not in the digest. */
	if (!w->canon)
		mw_field(w, L(w, N_("Status")),
			 L(w, tl_record_str(m->meeting, TL_MEETING_STATUS)));
	mw_labelled(w, L(w, N_("Notes")),
		    tl_record_get(m->meeting, TL_MEETING_NOTES));
}

/* Appends "Name (note)" or "Name" to j. */
static void join_person(struct minutes *m, struct join *j,
			const struct tl_record *p, const char *note)
{
	const char *name = person_name(m, tl_record_get(p, TL_PART_PERSON));
	char *s = note ? fmt_str(m->w, "%s (%s)", name, note) : NULL;

	join_add(j, s ? s : name);
	free(s);
}

static bool role_is(const struct tl_record *p, const char *role)
{
	return !strcmp(tl_record_str(p, TL_PART_ROLE), role);
}

static bool attended(const struct tl_record *p, const char *value)
{
	return !strcmp(tl_record_str(p, TL_PART_ATTENDANCE), value);
}

/* NULL for someone present, else what their attendance was. */
static const char *attendance_note(struct mw *w, const struct tl_record *p)
{
	const char *att = tl_record_str(p, TL_PART_ATTENDANCE);

	if (!strcmp(att, "present"))
		return NULL;
	if (!*att || !strcmp(att, "unknown"))
		return L(w, N_("attendance not recorded"));
	return L(w, att);
}

/* Present, substitutes, absent, unknown; then chair, secretary and
 * adjusters. */
static void write_attendance(struct minutes *m)
{
	struct mw *w = m->w;
	struct join present, subst, absent, unknown, chair, secr, adj;

	if (m->parts.n == 0)
		return;
	mw_section(w, L(w, N_("Attendance")));
	join_init(w, &present);
	join_init(w, &subst);
	join_init(w, &absent);
	join_init(w, &unknown);
	join_init(w, &chair);
	join_init(w, &secr);
	join_init(w, &adj);
	for (int i = 0; i < m->parts.n; i++) {
		const struct tl_record *p = m->parts.v[i];
		const char *role = tl_record_str(p, TL_PART_ROLE);
		/* A member is the default and needs no note. */
		const char *note = role_is(p, "member") ? NULL : L(w, role);

		if (role_is(p, "substitute")) {
			join_person(m, &subst, p, attendance_note(w, p));
		} else if (attended(p, "present")) {
			join_person(m, &present, p, note);
		} else if (attended(p, "absent")) {
			join_person(m, &absent, p, note);
		} else if (attended(p, "excused")) {
			char *both = note ? fmt_str(w, "%s, %s", note,
						    L(w, N_("excused")))
					  : NULL;
			join_person(m, &absent, p, both ? both
						   : L(w, N_("excused")));
			free(both);
		} else {
			join_person(m, &unknown, p, note);
		}
		if (role_is(p, "chair"))
			join_person(m, &chair, p, NULL);
		else if (role_is(p, "secretary"))
			join_person(m, &secr, p, NULL);
		else if (role_is(p, "adjuster"))
			join_person(m, &adj, p, NULL);
	}
	mw_field_own(w, L(w, N_("Present")), join_end(w, &present));
	mw_field_own(w, L(w, N_("Substitutes")), join_end(w, &subst));
	mw_field_own(w, L(w, N_("Absent")), join_end(w, &absent));
	mw_field_own(w, L(w, N_("Attendance not recorded")),
		     join_end(w, &unknown));
	mw_field_own(w, L(w, N_("Chair")), join_end(w, &chair));
	mw_field_own(w, L(w, N_("Secretary")), join_end(w, &secr));
	mw_field_own(w, L(w, N_("Adjusters")), join_end(w, &adj));
}

/* The two parties of a one-to-one (and anyone else there). */
static void write_parties(struct minutes *m)
{
	struct mw *w = m->w;
	struct join others;

	if (m->parts.n == 0)
		return;
	mw_section(w, L(w, N_("Participants")));
	join_init(w, &others);
	for (int i = 0; i < m->parts.n; i++) {
		const struct tl_record *p = m->parts.v[i];
		const char *name =
			person_name(m, tl_record_get(p, TL_PART_PERSON));
		const char *note = attendance_note(w, p);
		char *s = note ? fmt_str(w, "%s (%s)", name, note) : NULL;

		if (role_is(p, "manager"))
			mw_field(w, L(w, N_("Manager")), s ? s : name);
		else if (role_is(p, "employee"))
			mw_field(w, L(w, N_("Employee")), s ? s : name);
		else
			join_person(m, &others, p, L(w, tl_record_str(
					p, TL_PART_ROLE)));
		free(s);
	}
	mw_field_own(w, L(w, N_("Also taking part")), join_end(w, &others));
}

/* The principle names of a tags value ("tillit,kvalitet"). */
static char *principle_names(struct minutes *m, const char *tags)
{
	struct join j;
	char *copy, *save = NULL;

	if (!tags || !*tags)
		return NULL;
	copy = strdup(tags);
	if (!copy) {
		m->w->oom = true;
		return NULL;
	}
	join_init(m->w, &j);
	for (char *k = strtok_r(copy, ",", &save); k;
	     k = strtok_r(NULL, ",", &save)) {
		const char *name = k;
		for (int i = 0; i < m->principles.n; i++) {
			const struct tl_record *p = m->principles.v[i];
			if (!strcmp(tl_record_str(p, TL_PRINCIPLE_KEY), k)) {
				name = tl_record_str(p, TL_PRINCIPLE_NAME);
				break;
			}
		}
		join_add(&j, name);
	}
	free(copy);
	return join_end(m->w, &j);
}

/* "§ 4" in a committee, "4." elsewhere. */
static char *item_number(struct minutes *m, const struct tl_record *it,
			 int pos)
{
	const char *n = tl_record_get(it, TL_ITEM_NUMBER);
	char buf[24];

	if (!n)
		snprintf(buf, sizeof(buf), "%d", pos);
	return fmt_str(m->w, m->committee ? "\xC2\xA7 %s" : "%s.",
		       n ? n : buf);
}

/* An item by id, as "§ 4" in a committee and "item 4" elsewhere (for
 * mandates, frames and follow-ups), or NULL. */
static char *item_ref(struct minutes *m, const char *id)
{
	for (int i = 0; id && i < m->items.n; i++) {
		const struct tl_record *it = m->items.v[i];
		const char *n = tl_record_get(it, TL_ITEM_NUMBER);
		char buf[24];

		if (strcmp(it->id, id))
			continue;
		snprintf(buf, sizeof(buf), "%d", i + 1);
		if (m->committee)
			return fmt_str(m->w, "\xC2\xA7 %s", n ? n : buf);
		return fmt_str(m->w, L(m->w, N_("item %s")), n ? n : buf);
	}
	return NULL;
}

static void write_items(struct minutes *m)
{
	struct mw *w = m->w;

	if (m->items.n == 0)
		return;
	mw_section(w, L(w, N_("Items")));
	for (int i = 0; i < m->items.n; i++) {
		const struct tl_record *it = m->items.v[i];
		char *num = item_number(m, it, i + 1);
		char *head = fmt_str(w, "%s %s", num ? num : "",
				     tl_record_str(it, TL_ITEM_TITLE));
		const char *refers = tl_record_get(it, TL_ITEM_REFERS_TO);

		if (head)
			mw_block(w, head);
		free(head);
		free(num);
		mw_field(w, L(w, N_("Case")), tl_record_get(it,
							     TL_ITEM_CASE_REF));
		mw_field(w, L(w, N_("Kind")),
			 L(w, tl_record_str(it, TL_ITEM_KIND)));
		if (tl_record_get(it, TL_ITEM_QUESTION))
			mw_field(w, L(w, N_("Question")),
				 L(w, tl_record_str(it, TL_ITEM_QUESTION)));
		if (tl_record_get(it, TL_ITEM_DECIDED_BY))
			mw_field(w, L(w, N_("Decided by")),
				 L(w, tl_record_str(it, TL_ITEM_DECIDED_BY)));
		mw_field_own(w, L(w, N_("Principles")),
			     principle_names(m, tl_record_get(it,
							       TL_ITEM_TAGS)));
		if (refers)
			mw_field(w, L(w, N_("Corrects")),
				 ref_name(m, TL_K_ITEM, refers));
		if (tl_rules_grey_zone(m->kind,
				       tl_record_get(it, TL_ITEM_QUESTION),
				       tl_record_get(it, TL_ITEM_DECIDED_BY)))
			mw_flag(w, L(w, N_("Grey zone")),
				L(w, N_("a \"how\" question decided by "
					"politics; the how belongs to the "
					"administration.")));
		mw_para(w, tl_record_get(it, TL_ITEM_NOTES));
		mw_labelled(w, L(w, N_("Decision")),
			    tl_record_get(it, TL_ITEM_DECISION));
	}
}

/* "2026-01-01 – 2026-12-31", "from 2026-01-01", "until ...", or NULL. */
static char *period(struct mw *w, const char *from, const char *until)
{
	if (from && until)
		return fmt_str(w, "%s \xE2\x80\x93 %s", from, until);
	if (from)
		return fmt_str(w, L(w, N_("from %s")), from);
	if (until)
		return fmt_str(w, L(w, N_("until %s")), until);
	return NULL;
}

static void write_mandates(struct minutes *m)
{
	struct mw *w = m->w;

	if (m->mandates.n == 0)
		return;
	mw_section(w, L(w, N_("Mandates granted")));
	for (int i = 0; i < m->mandates.n; i++) {
		const struct tl_record *md = m->mandates.v[i];
		const char *by_unit = tl_record_get(md,
						    TL_MANDATE_GIVEN_BY_UNIT);
		const char *by_person =
			tl_record_get(md, TL_MANDATE_GIVEN_BY_PERSON);
		long level = atol(tl_record_str(md, TL_MANDATE_LEVEL));
		const char *sub = tl_record_get(md, TL_MANDATE_SUBSTITUTE);

		mw_block(w, tl_record_str(md, TL_MANDATE_MATTER));
		mw_field(w, L(w, N_("Given to")),
			 person_name(m, tl_record_get(md,
						      TL_MANDATE_GIVEN_TO)));
		if (by_unit && by_person)
			mw_field_own(w, L(w, N_("Given by")),
				     fmt_str(w, "%s, %s",
					     unit_name(m, by_unit),
					     person_name(m, by_person)));
		else if (by_unit || by_person)
			mw_field(w, L(w, N_("Given by")),
				 by_unit ? unit_name(m, by_unit)
					 : person_name(m, by_person));
		mw_field_own(w, L(w, N_("Level")),
			     fmt_str(w, "%ld (%s)", level,
				     L(w, tl_rules_level_name(level))));
		mw_field(w, L(w, N_("Limits")),
			 tl_record_get(md, TL_MANDATE_LIMITS));
		mw_field_own(w, L(w, N_("Valid")),
			     period(w, tl_record_get(md, TL_MANDATE_VALID_FROM),
				    tl_record_get(md,
						  TL_MANDATE_VALID_UNTIL)));
		mw_field(w, L(w, N_("Legal basis")),
			 tl_record_get(md, TL_MANDATE_LEGAL_BASIS));
		mw_field(w, L(w, N_("Report back")),
			 tl_record_get(md, TL_MANDATE_REPORT_BACK));
		mw_field(w, L(w, N_("Onward delegation")),
			 !strcmp(tl_record_str(md, TL_MANDATE_ONWARD), "1")
				 ? L(w, N_("allowed"))
				 : L(w, N_("not allowed")));
		if (sub)
			mw_field(w, L(w, N_("Substitute")),
				 person_name(m, sub));
		mw_field(w, L(w, N_("Case")),
			 tl_record_get(md, TL_MANDATE_CASE_REF));
		mw_field_own(w, L(w, N_("Item")),
			     item_ref(m, tl_record_get(md, TL_MANDATE_ITEM)));
		if (!strcmp(tl_record_str(md, TL_MANDATE_NON_DELEGABLE), "1"))
			mw_flag(w, L(w, N_("Non-delegable")),
				L(w, N_("marked as a matter on goals, "
					"direction, scope or quality that "
					"may not be delegated.")));
	}
}

static void write_frames(struct minutes *m, const char *heading)
{
	struct mw *w = m->w;

	if (m->frames.n == 0)
		return;
	mw_section(w, heading);
	for (int i = 0; i < m->frames.n; i++) {
		const struct tl_record *f = m->frames.v[i];
		const char *desc = tl_record_str(f, TL_FRAME_DESCRIPTION);
		const char *hp = tl_record_get(f, TL_FRAME_HOLDER_PERSON);
		const char *hu = tl_record_get(f, TL_FRAME_HOLDER_UNIT);
		const char *amount = tl_record_get(f, TL_FRAME_AMOUNT);
		const char *nl = strchr(desc, '\n');
		char *first = nl ? strndup(desc, (size_t)(nl - desc)) : NULL;

		if (nl && !first)
			w->oom = true;
		mw_block(w, first ? first : desc);
		free(first);
		if (nl)
			mw_para(w, nl + 1);
		mw_field(w, L(w, N_("Kind")),
			 L(w, tl_record_str(f, TL_FRAME_KIND)));
		if (hp && hu)
			mw_field_own(w, L(w, N_("Holder")),
				     fmt_str(w, "%s, %s", person_name(m, hp),
					     unit_name(m, hu)));
		else if (hp || hu)
			mw_field(w, L(w, N_("Holder")),
				 hp ? person_name(m, hp) : unit_name(m, hu));
		if (amount)
			mw_field_own(w, L(w, N_("Amount")),
				     fmt_str(w, "%s%s%s", amount,
					     tl_record_get(f,
							   TL_FRAME_AMOUNT_UNIT)
						     ? " " : "",
					     tl_record_str(f,
						     TL_FRAME_AMOUNT_UNIT)));
		mw_field(w, L(w, N_("Trust")),
			 L(w, tl_record_str(f, TL_FRAME_TRUST)));
		mw_field(w, L(w, N_("Trust factors")),
			 tl_record_get(f, TL_FRAME_TRUST_FACTORS));
		mw_field(w, L(w, N_("Escalation")),
			 tl_record_get(f, TL_FRAME_ESCALATION));
		mw_field_own(w, L(w, N_("Valid")),
			     period(w, tl_record_get(f, TL_FRAME_VALID_FROM),
				    tl_record_get(f, TL_FRAME_VALID_UNTIL)));
		mw_field_own(w, L(w, N_("Item")),
			     item_ref(m, tl_record_get(f, TL_FRAME_ITEM)));
	}
}

/* "Owner, due 2026-12-01, § 2" for a follow-up of this meeting. */
static char *followup_meta(struct minutes *m, const struct tl_record *fu)
{
	struct mw *w = m->w;
	const char *due = tl_record_get(fu, TL_FOLLOWUP_DUE);
	char *item = item_ref(m, tl_record_get(fu, TL_FOLLOWUP_ITEM));
	char *due_s = due ? fmt_str(w, L(w, N_("due %s")), due) : NULL;
	struct join j;

	join_init(w, &j);
	join_add(&j, person_name(m, tl_record_get(fu, TL_FOLLOWUP_OWNER)));
	if (due_s)
		join_add(&j, due_s);
	join_add(&j, L(w, tl_record_str(fu, TL_FOLLOWUP_KIND)));
	if (item)
		join_add(&j, item);
	free(item);
	free(due_s);
	return join_end(w, &j);
}

static void write_followups(struct minutes *m, const char *heading)
{
	struct mw *w = m->w;

	if (m->followups.n == 0)
		return;
	mw_section(w, heading);
	for (int i = 0; i < m->followups.n; i++) {
		const struct tl_record *fu = m->followups.v[i];
		char *meta = followup_meta(m, fu);

		mw_item(w, tl_record_str(fu, TL_FOLLOWUP_TEXT), meta);
		free(meta);
	}
}

/* The latest meeting before this one that q selects (q->to is set to
 * this one's start), in *out, or NULL. */
static enum tl_status previous_meeting(struct minutes *m, struct tl_query *q,
				       struct tl_record **out)
{
	struct tl_page page = {0};
	enum tl_status rc;

	*out = NULL;
	q->to = tl_record_str(m->meeting, TL_MEETING_STARTS);
	q->limit = 2;
	rc = tl_store_list(m->st, q, &page, m->err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		if (strcmp(page.recs[i]->id, m->meeting->id)) {
			*out = page.recs[i];
			page.recs[i] = NULL;
			break;
		}
	}
	tl_page_done(&page);
	return rc;
}

/* One reported decision and the mandate it was taken under. */
struct reported {
	struct tl_record *dec;
	const struct tl_record *mandate;
};

static int cmp_reported(const void *pa, const void *pb)
{
	const struct reported *a = pa, *b = pb;
	int c = cmp_field(a->dec, b->dec, TL_DECISION_DECIDED_ON);

	if (!c)
		c = cmp_field(a->mandate, b->mandate, TL_MANDATE_MATTER);
	if (!c)
		c = cmp_field(a->dec, b->dec, TL_DECISION_SUMMARY);
	return c ? c : strcmp(a->dec->id, b->dec->id);
}

/*
 * Anmälan av delegationsbeslut: the decisions logged under mandates this
 * committee gave, dated on or after its previous meeting's date and
 * before this meeting's date (all before it when there is no previous
 * meeting).
 */
static enum tl_status write_reported(struct minutes *m)
{
	struct mw *w = m->w;
	const char *unit = tl_record_get(m->meeting, TL_MEETING_UNIT);
	struct tl_query pq = {.kind = TL_K_MEETING, .unit = unit,
			      .kindv = "committee"};
	struct recs mandates = {0}, decs = {0};
	struct tl_record *prev = NULL;
	struct reported *rep = NULL;
	int *owner = NULL; /* decs.v[k] was taken under mandates.v[owner[k]] */
	char from[16] = "", to[16];
	enum tl_status rc = TL_OK;
	int n = 0;

	snprintf(to, sizeof(to), "%.10s",
		 tl_record_str(m->meeting, TL_MEETING_STARTS));
	if (unit) {
		rc = previous_meeting(m, &pq, &prev);
		if (rc == TL_OK && prev)
			snprintf(from, sizeof(from), "%.10s",
				 tl_record_str(prev, TL_MEETING_STARTS));
	}
	if (rc == TL_OK && unit) {
		struct tl_query mq = {.kind = TL_K_MANDATE, .unit = unit};
		rc = collect(m->st, &mq, &mandates, m->err);
	}
	for (int i = 0; rc == TL_OK && i < mandates.n; i++) {
		struct tl_query dq = {.kind = TL_K_DECISION,
				      .parent = mandates.v[i]->id,
				      .from = from[0] ? from : NULL,
				      .to = to};
		int before = decs.n;
		rc = collect(m->st, &dq, &decs, m->err);
		if (rc == TL_OK && decs.n > before) {
			int *o = realloc(owner, (size_t)decs.cap *
						       sizeof(*owner));
			if (!o) {
				rc = tl_error_set(m->err, TL_ESYS,
						  _("Out of memory."));
				break;
			}
			owner = o;
			for (int k = before; k < decs.n; k++)
				owner[k] = i;
		}
	}
	if (rc == TL_OK && decs.n > 0) {
		rep = calloc((size_t)decs.n, sizeof(*rep));
		if (!rep)
			rc = tl_error_set(m->err, TL_ESYS, _("Out of memory."));
	}
	if (rc == TL_OK) {
		for (n = 0; rep && n < decs.n; n++) {
			rep[n].dec = decs.v[n];
			rep[n].mandate = mandates.v[owner[n]];
		}
		if (n > 0)
			qsort(rep, (size_t)n, sizeof(*rep), cmp_reported);
		mw_section(w, L(w, N_("Reported delegated decisions")));
		if (prev) {
			char *intro = fmt_str(w, L(w, N_("Decisions taken "
					       "under the committee's "
					       "mandates since its previous "
					       "meeting on %s.")), from);
			mw_para(w, intro);
			free(intro);
		} else
			mw_para(w, L(w, N_("Decisions taken under the "
					   "committee's mandates before this "
					   "meeting (there is no previous "
					   "meeting).")));
	}
	for (int i = 0; rc == TL_OK && i < n; i++) {
		const struct tl_record *d = rep[i].dec;
		const char *by = tl_record_get(d, TL_DECISION_DECIDED_BY);
		const char *cref = tl_record_get(d, TL_DECISION_CASE_REF);
		char *text = fmt_str(w, "%s: %s",
				     tl_record_str(d, TL_DECISION_DECIDED_ON),
				     tl_record_str(d, TL_DECISION_SUMMARY));
		char *under = fmt_str(w, L(w, N_("under \"%s\"")),
				      tl_record_str(rep[i].mandate,
						    TL_MANDATE_MATTER));
		char *case_s = cref ? fmt_str(w, L(w, N_("case %s")), cref)
				    : NULL;
		struct join j;
		char *meta;

		join_init(w, &j);
		join_add(&j, by ? person_name(m, by)
				: person_name(m, tl_record_get(
					rep[i].mandate, TL_MANDATE_GIVEN_TO)));
		if (under)
			join_add(&j, under);
		if (case_s)
			join_add(&j, case_s);
		meta = join_end(w, &j);
		if (text)
			mw_item(w, text, meta);
		free(text);
		free(under);
		free(case_s);
		free(meta);
	}
	if (rc == TL_OK && n == 0)
		mw_para(w, L(w, N_("No delegated decisions to report.")));
	free(rep);
	free(owner);
	recs_done(&decs);
	recs_done(&mandates);
	tl_record_free(prev);
	return rc;
}

/*
 * Who signs (sign.h): the chair and the adjusters of a committee, both
 * parties of a one-to-one, the chair of other meetings.
 */
static bool signs(const struct minutes *m, const struct tl_record *p)
{
	if (!strcmp(m->kind, "one_to_one"))
		return role_is(p, "manager") || role_is(p, "employee");
	if (m->committee)
		return role_is(p, "chair") || role_is(p, "adjuster");
	return role_is(p, "chair");
}

static int cmp_signature(struct minutes *m, const struct tl_record *a,
			 const struct tl_record *b)
{
	int c = cmp_field(a, b, TL_SIGNATURE_SIGNED_AT);

	if (!c)
		c = role_rank(tl_record_get(a, TL_SIGNATURE_ROLE)) -
		    role_rank(tl_record_get(b, TL_SIGNATURE_ROLE));
	if (!c)
		c = strcmp(person_name(m, tl_record_get(a,
							TL_SIGNATURE_PERSON)),
			   person_name(m, tl_record_get(b,
							TL_SIGNATURE_PERSON)));
	return c ? c : strcmp(a->id, b->id);
}

/*
 * SIGNATURES HOOK.  The signatures that signing (sign.h, store migration
 * 2) records: each signer with role and time, "Signed by" once the
 * meeting is signed, "Signed so far" while signatures are still missing.
 * A meeting marked signed without signature records (one from before
 * migration 2) names the people who sign its kind of meeting.  Never in
 * the canonical form: signing must not change its own digest.
 */
static enum tl_status write_signatures(struct minutes *m)
{
	struct mw *w = m->w;
	struct tl_page sigs = {0};
	bool complete = !strcmp(tl_record_str(m->meeting, TL_MEETING_STATUS),
				"signed");
	enum tl_status rc;
	struct join j;

	if (w->canon)
		return TL_OK;
	rc = tl_store_signatures(m->st, m->meeting->id, &sigs, m->err);
	if (rc != TL_OK)
		return rc;
	if (sigs.n == 0 && !complete) {
		tl_page_done(&sigs);
		return TL_OK;
	}
	/* By time, then as the attendance lists them (within a minute the
	 * store's order would follow the random ids). */
	for (int i = 1; i < sigs.n; i++) {
		struct tl_record *x = sigs.recs[i];
		int k = i - 1;

		while (k >= 0 && cmp_signature(m, sigs.recs[k], x) > 0) {
			sigs.recs[k + 1] = sigs.recs[k];
			k--;
		}
		sigs.recs[k + 1] = x;
	}
	mw_section(w, L(w, N_("Signatures")));
	join_init(w, &j);
	for (int i = 0; i < sigs.n; i++) {
		const struct tl_record *sg = sigs.recs[i];
		char *s = fmt_str(w, "%s (%s, %s)",
				  person_name(m, tl_record_get(
					  sg, TL_SIGNATURE_PERSON)),
				  L(w, tl_record_str(sg, TL_SIGNATURE_ROLE)),
				  tl_record_str(sg, TL_SIGNATURE_SIGNED_AT));
		if (s)
			join_add(&j, s);
		free(s);
	}
	for (int i = 0; sigs.n == 0 && i < m->parts.n; i++)
		if (signs(m, m->parts.v[i]))
			join_person(m, &j, m->parts.v[i], NULL);
	mw_field_own(w, complete ? L(w, N_("Signed by"))
				 : L(w, N_("Signed so far")),
		     join_end(w, &j));
	tl_page_done(&sigs);
	return TL_OK;
}

/* "Open, due 2026-10-26" / "done: outcome" of an earlier follow-up. */
static char *followup_fate(struct minutes *m, const struct tl_record *fu,
			   bool from_meeting)
{
	struct mw *w = m->w;
	const char *due = tl_record_get(fu, TL_FOLLOWUP_DUE);
	const char *outcome = tl_record_get(fu, TL_FOLLOWUP_OUTCOME);
	const char *mt = tl_record_get(fu, TL_FOLLOWUP_MEETING);
	char *due_s = due ? fmt_str(w, L(w, N_("due %s")), due) : NULL;
	char *status = fmt_str(w, "%s%s%s",
			       L(w, tl_record_str(fu, TL_FOLLOWUP_STATUS)),
			       outcome ? ": " : "", outcome ? outcome : "");
	char *from = from_meeting && mt
		? fmt_str(w, L(w, N_("from %s")),
			  ref_name(m, TL_K_MEETING, mt))
		: NULL;
	struct join j;

	join_init(w, &j);
	join_add(&j, person_name(m, tl_record_get(fu, TL_FOLLOWUP_OWNER)));
	if (due_s)
		join_add(&j, due_s);
	if (from)
		join_add(&j, from);
	if (status)
		join_add(&j, status);
	free(due_s);
	free(status);
	free(from);
	return join_end(w, &j);
}

/*
 * "Since last time": the follow-ups of the series' previous meeting with
 * their status and outcome, then what is still open from meetings before
 * that one (open follow-ups carry over until they are closed).
 */
static enum tl_status write_since(struct minutes *m)
{
	struct mw *w = m->w;
	const char *series = tl_record_get(m->meeting, TL_MEETING_SERIES);
	struct tl_query pq = {.kind = TL_K_MEETING, .parent = series};
	struct recs last = {0}, open = {0};
	struct tl_record *prev = NULL;
	enum tl_status rc = TL_OK;
	int shown = 0;

	mw_section(w, L(w, N_("Since last time")));
	if (series)
		rc = previous_meeting(m, &pq, &prev);
	if (rc == TL_OK && !prev) {
		mw_para(w, L(w, N_("This is the first meeting of its "
				   "series.")));
		return TL_OK;
	}
	if (rc == TL_OK) {
		struct tl_query q = {.kind = TL_K_FOLLOWUP,
				     .parent = prev->id};
		rc = collect(m->st, &q, &last, m->err);
	}
	if (rc == TL_OK) {
		struct tl_query q = {.kind = TL_K_FOLLOWUP, .series = series,
				     .open = true};
		rc = collect(m->st, &q, &open, m->err);
	}
	if (rc == TL_OK) {
		char *intro = fmt_str(w, L(w, N_("Follow-ups from %s (%.10s):")),
				      tl_record_str(prev, TL_MEETING_TITLE),
				      tl_record_str(prev, TL_MEETING_STARTS));
		mw_para(w, intro);
		free(intro);
		recs_sort(&last, cmp_followups);
		for (int i = 0; i < last.n; i++) {
			char *meta = followup_fate(m, last.v[i], false);
			mw_item(w, tl_record_str(last.v[i], TL_FOLLOWUP_TEXT),
				meta);
			free(meta);
		}
		if (last.n == 0)
			mw_para(w, L(w, N_("No follow-ups were set then.")));
		recs_sort(&open, cmp_followups);
	}
	/* Still open from earlier meetings of the series. */
	for (int i = 0; rc == TL_OK && i < open.n; i++) {
		const char *mt = tl_record_get(open.v[i], TL_FOLLOWUP_MEETING);
		struct tl_record *om = NULL;
		bool earlier;
		char *meta;

		if (!mt)
			continue;
		rc = tl_store_get(m->st, TL_K_MEETING, mt, &om, m->err);
		if (rc != TL_OK)
			break;
		earlier = strcmp(tl_record_str(om, TL_MEETING_STARTS),
				 tl_record_str(prev, TL_MEETING_STARTS)) < 0;
		tl_record_free(om);
		if (!earlier)
			continue;
		if (shown++ == 0)
			mw_para(w, L(w, N_("Still open from earlier "
					   "meetings:")));
		meta = followup_fate(m, open.v[i], true);
		mw_item(w, tl_record_str(open.v[i], TL_FOLLOWUP_TEXT), meta);
		free(meta);
	}
	recs_done(&last);
	recs_done(&open);
	tl_record_free(prev);
	return rc;
}

static enum tl_status write_minutes(struct minutes *m)
{
	struct mw *w = m->w;
	enum tl_status rc = TL_OK;

	write_header(m, false);
	write_attendance(m);
	write_items(m);
	write_mandates(m);
	write_frames(m, L(w, N_("Frames agreed")));
	write_followups(m, L(w, N_("Follow-ups")));
	/* Logged under mandates, not locked by signing: not in the digest. */
	if (m->committee && !w->canon)
		rc = write_reported(m);
	if (rc == TL_OK)
		rc = write_signatures(m);
	return rc;
}

static enum tl_status write_summary(struct minutes *m)
{
	struct mw *w = m->w;
	enum tl_status rc = TL_OK;

	write_header(m, true);
	write_parties(m);
	/* What happened to last time's follow-ups changes after signing. */
	if (!w->canon)
		rc = write_since(m);
	if (rc != TL_OK)
		return rc;
	write_items(m);
	write_frames(m, L(w, N_("Agreed frames")));
	write_mandates(m);
	write_followups(m, L(w, N_("Agreed follow-ups")));
	return write_signatures(m);
}

enum tl_status tl_minutes_write(struct tl_store *st, const char *meeting_id,
				enum tl_minutes_format format, FILE *out,
				struct tl_error *err)
{
	struct mw w = {.fmt = format, .out = out,
		       .canon = format == TL_MINUTES_CANON};
	struct minutes m = {.st = st, .err = err, .w = &w};
	enum tl_status rc;

	tl_error_clear(err);
	if (!st || !meeting_id || !out)
		return tl_error_set(err, TL_EINVAL, _("No meeting given."));
	if ((int)format < TL_MINUTES_MD || format > TL_MINUTES_CANON)
		return tl_error_set(err, TL_EINVAL,
				    _("Unknown minutes format."));
	/* One snapshot, so that the minutes agree with themselves. */
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&m.refs, st);
	rc = tl_store_get(st, TL_K_MEETING, meeting_id, &m.meeting, err);
	if (rc == TL_OK) {
		m.kind = tl_record_str(m.meeting, TL_MEETING_KIND);
		m.committee = !strcmp(m.kind, "committee");
		rc = load_children(&m);
	}
	if (rc == TL_OK) {
		if (!strcmp(m.kind, "one_to_one"))
			rc = write_summary(&m);
		else
			rc = write_minutes(&m);
		mw_end(&w);
	}
	if (rc == TL_OK && w.oom)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && ferror(out))
		rc = tl_error_set(err, TL_ESYS,
				  _("Cannot write the minutes."));
	mw_done(&w);
	tl_refs_done(&m.refs);
	recs_done(&m.parts);
	recs_done(&m.items);
	recs_done(&m.mandates);
	recs_done(&m.frames);
	recs_done(&m.followups);
	recs_done(&m.principles);
	tl_record_free(m.meeting);
	tl_store_read_end(st);
	return rc;
}
