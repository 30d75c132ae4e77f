/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * doc_rec.c - the recording backend of the document writer, and its
 * replay.  Justering freezes the minutes as the elements the content
 * writer said, recorded here one line each: a tag, then the element's
 * texts separated by tabs, with backslash, tab and newline escaped
 * (\\, \t, \n).
 *
 *   T title       S section heading   B block heading
 *   F label value (one line per field; a group is the fields in a row)
 *   P paragraph   L label text        W label text (a warning flag)
 *   I text [meta] (a list item; a list is the items in a row)
 *
 * Replaying the lines through tl_doc_* says the same elements again, so
 * any backend writes the frozen minutes exactly as it would have written
 * them at the moment they were frozen, whatever has changed since.
 */
#include "tillit/export/doc.h"

#include <stdlib.h>
#include <string.h>

/* ---- recording ---------------------------------------------------------- */

static void put_text(FILE *out, const char *s)
{
	fputc('\t', out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", out);
		else if (*s == '\t')
			fputs("\\t", out);
		else if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

static void line(struct tl_doc *d, char tag, const char *a, const char *b)
{
	fputc(tag, d->out);
	if (a)
		put_text(d->out, a);
	if (b)
		put_text(d->out, b);
	fputc('\n', d->out);
}

static void rec_title(struct tl_doc *d, const char *text)
{
	line(d, 'T', text, NULL);
}

static void rec_section(struct tl_doc *d, const char *text)
{
	line(d, 'S', text, NULL);
}

static void rec_block(struct tl_doc *d, const char *text)
{
	line(d, 'B', text, NULL);
}

static void rec_fields(struct tl_doc *d, const struct tl_doc_field *f, int n)
{
	for (int i = 0; i < n; i++)
		line(d, 'F', f[i].label, f[i].value);
}

static void rec_para(struct tl_doc *d, const char *text)
{
	line(d, 'P', text, NULL);
}

static void rec_labelled(struct tl_doc *d, const char *label,
			 const char *text, bool flag)
{
	line(d, flag ? 'W' : 'L', label, text);
}

static void rec_item(struct tl_doc *d, const char *text, const char *meta)
{
	line(d, 'I', text, meta);
}

const struct tl_doc_ops tl_doc_rec = {
	.name = "record",
	.signing = true,
	.title = rec_title,
	.section = rec_section,
	.block = rec_block,
	.fields = rec_fields,
	.para = rec_para,
	.labelled = rec_labelled,
	.item = rec_item,
};

/* ---- replay ------------------------------------------------------------- */

/*
 * Splits one recorded line (NUL-terminated, without its newline) in
 * place: *tag, and up to two texts unescaped.  Returns how many texts,
 * or -1 for a line tl_doc_rec does not write.
 */
static int split(char *s, char *tag, char *text[2])
{
	int n = 0;
	char *w;

	if (!s[0] || (s[1] && s[1] != '\t'))
		return -1;
	*tag = s[0];
	w = s;
	for (char *p = s + 1; *p; p++) {
		if (*p == '\t') {
			if (n == 2)
				return -1;
			*w++ = '\0';
			text[n++] = w;
			continue;
		}
		if (*p == '\\') {
			p++;
			if (*p == '\\')
				*w++ = '\\';
			else if (*p == 't')
				*w++ = '\t';
			else if (*p == 'n')
				*w++ = '\n';
			else
				return -1;
			continue;
		}
		if (n == 0)
			return -1;
		*w++ = *p;
	}
	*w = '\0';
	return n;
}

/* Says one element; false for a tag or a count of texts it has not. */
static bool say(struct tl_doc *d, char tag, char *text[2], int n)
{
	switch (tag) {
	case 'T':
		if (n == 1)
			tl_doc_title(d, text[0]);
		return n == 1;
	case 'S':
		if (n == 1)
			tl_doc_section(d, text[0]);
		return n == 1;
	case 'B':
		if (n == 1)
			tl_doc_block(d, text[0]);
		return n == 1;
	case 'F':
		if (n == 2)
			tl_doc_field(d, text[0], text[1]);
		return n == 2;
	case 'P':
		if (n == 1)
			tl_doc_para(d, text[0]);
		return n == 1;
	case 'L':
	case 'W':
		if (n == 2 && tag == 'L')
			tl_doc_labelled(d, text[0], text[1]);
		else if (n == 2)
			tl_doc_flag(d, text[0], text[1]);
		return n == 2;
	case 'I':
		if (n >= 1)
			tl_doc_item(d, text[0], n == 2 ? text[1] : NULL);
		return n >= 1;
	default:
		return false;
	}
}

bool tl_doc_replay(struct tl_doc *d, const char *recording)
{
	/* Field labels are kept by pointer until their group is written:
	 * the copy lives as long as d (tl_doc_done frees it). */
	char *buf = strdup(recording ? recording : "");
	char *p = buf;

	if (!buf) {
		d->oom = true;
		return false;
	}
	free(d->held);
	d->held = buf;
	while (*p) {
		char *nl = strchr(p, '\n');
		char *text[2] = {NULL, NULL};
		char tag = 0;
		int n;

		if (!nl)
			return false;
		*nl = '\0';
		n = split(p, &tag, text);
		if (n < 0 || !say(d, tag, text, n))
			return false;
		p = nl + 1;
	}
	return true;
}
