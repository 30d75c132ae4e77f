/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * doc.c - the document writer: what every format shares.
 *
 * Fields are collected into a group and written together (so that a
 * backend can align them), list items into a list, and whatever group,
 * list, block or section is open is closed before the next element
 * starts.  The backend (doc_md.c, doc_html.c, doc_txt.c) only spells
 * each element in its format.
 */
#include "tillit/export/doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/text.h"

void tl_doc_init(struct tl_doc *d, const struct tl_doc_ops *ops, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->ops = ops;
	d->out = out;
}

void tl_doc_done(struct tl_doc *d)
{
	for (int i = 0; i < d->nfields; i++)
		free(d->field[i].value);
	d->nfields = 0;
	free(d->held);
	d->held = NULL;
	if (d->ops && d->ops->done)
		d->ops->done(d);
}

bool tl_doc_canonical(const struct tl_doc *d)
{
	return d->ops->canonical;
}

bool tl_doc_signing(const struct tl_doc *d)
{
	return d->ops->canonical || d->ops->signing;
}

char *tl_doc_clean(struct tl_doc *d, const char *s)
{
	char *c = tl_text_sanitize(s ? s : "", true);

	if (!c)
		d->oom = true;
	return c;
}

char *tl_doc_printf(struct tl_doc *d, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);

	if (!f) {
		d->oom = true;
		return NULL;
	}
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	if (fclose(f) != 0) {
		free(s);
		d->oom = true;
		return NULL;
	}
	return s;
}

/* ---- what is open ------------------------------------------------------ */

static void flush_fields(struct tl_doc *d)
{
	if (d->nfields == 0)
		return;
	if (d->ops->fields)
		d->ops->fields(d, d->field, d->nfields);
	for (int i = 0; i < d->nfields; i++) {
		free(d->field[i].value);
		d->field[i].value = NULL;
	}
	d->nfields = 0;
}

static void close_list(struct tl_doc *d)
{
	if (!d->in_list)
		return;
	if (d->ops->list_end)
		d->ops->list_end(d);
	d->in_list = false;
}

/* Ends whatever group is being written before another element starts. */
static void flush(struct tl_doc *d)
{
	flush_fields(d);
	close_list(d);
}

static void close_block(struct tl_doc *d)
{
	flush(d);
	if (d->in_block && d->ops->block_end)
		d->ops->block_end(d);
	d->in_block = false;
}

static void close_section(struct tl_doc *d)
{
	close_block(d);
	if (d->in_section && d->ops->section_end)
		d->ops->section_end(d);
	d->in_section = false;
}

/* ---- the elements ------------------------------------------------------- */

void tl_doc_title(struct tl_doc *d, const char *text)
{
	char *t = tl_doc_clean(d, text);

	if (d->ops->title)
		d->ops->title(d, t ? t : "");
	free(t);
}

void tl_doc_section(struct tl_doc *d, const char *text)
{
	close_section(d);
	if (d->ops->section)
		d->ops->section(d, text);
	d->in_section = true;
}

void tl_doc_block(struct tl_doc *d, const char *text)
{
	/* What is read (every format but the digested ones, which have
	 * always had the heading as given) is sanitised like other text. */
	char *one = tl_doc_signing(d) ? strdup(text)
				      : tl_text_sanitize(text, false);

	if (!one) {
		d->oom = true;
		return;
	}
	/* A heading is one line. */
	for (char *p = one; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	close_block(d);
	if (d->ops->block)
		d->ops->block(d, one);
	d->in_block = true;
	free(one);
}

void tl_doc_field(struct tl_doc *d, const char *label, const char *value)
{
	char *v;

	if (!value || !*value)
		return;
	close_list(d);
	if (d->nfields >= TL_DOC_FIELDS)
		return;
	v = tl_doc_clean(d, value);
	if (!v)
		return;
	d->field[d->nfields].label = label;
	d->field[d->nfields].value = v;
	d->nfields++;
}

void tl_doc_field_own(struct tl_doc *d, const char *label, char *value)
{
	tl_doc_field(d, label, value);
	free(value);
}

/* The text of a paragraph, cleaned, after what is open is closed; NULL
 * (nothing to write) for empty text or when out of memory.  Caller frees. */
static char *paragraph_text(struct tl_doc *d, const char *text)
{
	if (!text || !*text)
		return NULL;
	flush(d);
	return tl_doc_clean(d, text);
}

void tl_doc_para(struct tl_doc *d, const char *text)
{
	char *t = paragraph_text(d, text);

	if (t && d->ops->para)
		d->ops->para(d, t);
	free(t);
}

void tl_doc_chart(struct tl_doc *d, const struct tl_doc_chart *c)
{
	struct tl_doc_chart clean = *c;
	char **labels = NULL, **texts = NULL, **lines = NULL;
	char *title = NULL, *tlabel = NULL, *ttext = NULL;
	bool ok;

	if (c->n <= 0 && !c->target_label)
		return;
	flush(d);
	labels = calloc((size_t)c->n + 1, sizeof(char *));
	texts = calloc((size_t)c->n + 1, sizeof(char *));
	lines = calloc((size_t)c->nlines + 1, sizeof(char *));
	ok = labels && texts && lines;
	for (int i = 0; ok && i < c->n; i++)
		ok = (labels[i] = tl_doc_clean(d, c->labels[i])) &&
		     (texts[i] = tl_doc_clean(d, c->texts[i]));
	for (int i = 0; ok && i < c->nlines; i++)
		ok = (lines[i] = tl_doc_clean(d, c->lines[i])) != NULL;
	ok = ok && (title = tl_doc_clean(d, c->title ? c->title : ""));
	if (ok && c->target_label)
		ok = (tlabel = tl_doc_clean(d, c->target_label)) &&
		     (ttext = tl_doc_clean(d, c->target_text ? c->target_text
								: ""));
	if (!ok) {
		d->oom = true;
	} else {
		clean.title = title;
		clean.labels = (const char *const *)labels;
		clean.texts = (const char *const *)texts;
		clean.lines = (const char *const *)lines;
		clean.target_label = tlabel;
		clean.target_text = ttext;
		if (d->ops->chart) {
			d->ops->chart(d, &clean);
		} else if (d->ops->para && c->nlines > 0) {
			/* One paragraph of the chart's lines. */
			struct tl_doc_join j;
			char *all;

			tl_doc_join_init(d, &j);
			if (j.f && *title)
				fprintf(j.f, "%s\n", title);
			for (int i = 0; j.f && i < c->nlines; i++)
				fprintf(j.f, "%s%s", i ? "\n" : "", lines[i]);
			j.n = 1;
			all = tl_doc_join_end(d, &j);
			if (all)
				d->ops->para(d, all);
			free(all);
		}
	}
	for (int i = 0; labels && i < c->n; i++)
		free(labels[i]);
	for (int i = 0; texts && i < c->n; i++)
		free(texts[i]);
	for (int i = 0; lines && i < c->nlines; i++)
		free(lines[i]);
	free(labels);
	free(texts);
	free(lines);
	free(title);
	free(tlabel);
	free(ttext);
}

static void labelled(struct tl_doc *d, const char *label, const char *text,
		     bool flag)
{
	char *t = paragraph_text(d, text);

	if (t && d->ops->labelled)
		d->ops->labelled(d, label, t, flag);
	free(t);
}

void tl_doc_labelled(struct tl_doc *d, const char *label, const char *text)
{
	labelled(d, label, text, false);
}

void tl_doc_flag(struct tl_doc *d, const char *label, const char *text)
{
	labelled(d, label, text, true);
}

void tl_doc_item(struct tl_doc *d, const char *text, const char *meta)
{
	char *t = tl_doc_clean(d, text);
	char *m = meta && *meta ? tl_doc_clean(d, meta) : NULL;

	if (!t || (meta && *meta && !m)) {
		free(t);
		free(m);
		return;
	}
	flush_fields(d);
	if (!d->in_list) {
		if (d->ops->list)
			d->ops->list(d);
		d->in_list = true;
	}
	if (d->ops->item)
		d->ops->item(d, t, m);
	free(t);
	free(m);
}

void tl_doc_end(struct tl_doc *d)
{
	close_section(d);
	if (d->ops->end)
		d->ops->end(d);
}

/* ---- joined values ------------------------------------------------------ */

void tl_doc_join_init(struct tl_doc *d, struct tl_doc_join *j)
{
	memset(j, 0, sizeof(*j));
	j->f = open_memstream(&j->buf, &j->len);
	if (!j->f)
		d->oom = true;
}

void tl_doc_join_add(struct tl_doc_join *j, const char *s)
{
	if (!j->f)
		return;
	fprintf(j->f, "%s%s", j->n++ ? ", " : "", s);
}

char *tl_doc_join_end(struct tl_doc *d, struct tl_doc_join *j)
{
	if (!j->f)
		return NULL;
	if (fclose(j->f) != 0) {
		d->oom = true;
		free(j->buf);
		return NULL;
	}
	if (j->n == 0) {
		free(j->buf);
		return NULL;
	}
	return j->buf;
}
