/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * form_text.c - the values of a record form and the text of its fields.
 * The values live in the rows (struct row) and the form library only
 * shows and edits them: a field's buffer is read back when it was typed
 * into, so text that was not touched (newlines and all) is kept exactly.
 * Long text is wrapped onto a field's rows so that reading it back gives
 * the same text.
 */
#include "form_ui.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>
#include <form.h>

#include "tillit/core/i18n.h"
#include "tillit/read/present.h"
#include "tillit/core/text.h"

void ui_form_set_value(struct row *row, const char *v)
{
	char *copy = v && *v ? strdup(v) : NULL;

	if (v && *v && !copy)
		return; /* out of memory: keep the old value */
	free(row->value);
	row->value = copy;
}

/* Appends wide character c to out (cap bytes), as UTF-8. */
static void put_wc(char *out, size_t cap, size_t *len, wchar_t c)
{
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t k;

	memset(&ps, 0, sizeof(ps));
	k = wcrtomb(mb, c, &ps);
	if (k == (size_t)-1 || *len + k >= cap)
		return;
	memcpy(out + *len, mb, k);
	*len += k;
	out[*len] = '\0';
}

static int cell_width(wchar_t c)
{
	int n = wcwidth(c);

	return n < 1 ? 1 : n;
}

/*
 * What a field's buffer holds, as UTF-8 with trailing spaces trimmed.  The
 * rows of a long-text field are joined: a row cut short (by wrapping) is
 * followed by a space, a full row went on in the middle of a word.
 */
static char *read_buffer(FIELD *fld)
{
	const char *b = field_buffer(fld, 0);
	int rows = 1, cols = 0, max = 0;
	wchar_t *wb;
	char *out;
	size_t n, cap, len = 0, i = 0;
	bool prev_full = false;
	mbstate_t ps;

	if (!b)
		return strdup("");
	if (dynamic_field_info(fld, &rows, &cols, &max) != E_OK || cols < 1)
		rows = 1;
	n = strlen(b);
	wb = calloc(n + 1, sizeof(*wb));
	cap = n * 2 + 8;
	out = malloc(cap);
	if (!wb || !out) {
		free(wb);
		free(out);
		return NULL;
	}
	out[0] = '\0';
	memset(&ps, 0, sizeof(ps));
	{
		const char *src = b;
		size_t k = mbsrtowcs(wb, &src, n, &ps);
		if (k == (size_t)-1) {
			/* Not text in this locale: hand back the bytes, for
			 * core to refuse with a message, rather than blank
			 * what was typed. */
			free(wb);
			free(out);
			out = strdup(b);
			for (size_t t = out ? strlen(out) : 0;
			     t > 0 && out[t - 1] == ' '; t--)
				out[t - 1] = '\0';
			return out;
		}
		wb[k] = L'\0';
		n = k;
	}
	for (int r = 0; r < rows && i < n; r++) {
		size_t start = i, end;
		int used = 0;

		while (i < n && (rows == 1 || used + cell_width(wb[i]) <= cols))
			used += cell_width(wb[i++]);
		end = i;
		while (end > start && wb[end - 1] == L' ')
			end--;
		if (end == start) {
			prev_full = false;
			continue;
		}
		if (len > 0 && !prev_full)
			put_wc(out, cap, &len, L' ');
		for (size_t j = start; j < end; j++)
			put_wc(out, cap, &len, wb[j]);
		/* A row full to its edge goes on in the middle of a word. */
		prev_full = rows > 1 && used >= cols && end == i;
	}
	while (len > 0 && out[len - 1] == ' ')
		out[--len] = '\0';
	free(wb);
	return out;
}

/*
 * s laid out for a field `cols` cells wide and `rows` high (rows > 1):
 * words wrapped onto rows padded with spaces, a word never ending in the
 * last cell (so that read_buffer joins what it reads the same way).
 */
static char *wrap_text(const char *s, int cols)
{
	size_t n = strlen(s), cap = n * 4 + (size_t)cols * 8 + 16, len = 0;
	wchar_t *wb = calloc(n + 1, sizeof(*wb));
	char *out = malloc(cap);
	const char *src = s;
	mbstate_t ps;
	size_t k, i = 0;
	int col = 0;

	if (!wb || !out || cols < 2) {
		free(wb);
		free(out);
		return strdup(s);
	}
	out[0] = '\0';
	memset(&ps, 0, sizeof(ps));
	k = mbsrtowcs(wb, &src, n, &ps);
	if (k == (size_t)-1) {
		/* Left unwrapped rather than lost. */
		free(wb);
		free(out);
		return strdup(s);
	}
	while (i < k) {
		size_t j = i;
		int ww = 0;

		while (i < k && wb[i] == L' ')
			i++;
		j = i;
		while (j < k && wb[j] != L' ')
			ww += cell_width(wb[j++]);
		if (j == i)
			break;
		if (col > 0 && col + 1 + ww > cols - 1) {
			while (col < cols) {
				put_wc(out, cap, &len, L' ');
				col++;
			}
			col = 0;
		} else if (col > 0) {
			put_wc(out, cap, &len, L' ');
			col++;
		}
		/* A word longer than a row is cut linearly. */
		for (; i < j; i++) {
			put_wc(out, cap, &len, wb[i]);
			col += cell_width(wb[i]);
			if (col >= cols)
				col = 0;
		}
	}
	free(wb);
	return out;
}

/* The text shown in a field for its row's value; a new string. */
static char *display_text(struct form_ui *fu, const struct row *row)
{
	const char *v = row->value;
	char *s, *t;

	switch (row->kind) {
	case ROW_CHOICE:
		return strdup(v ? v : _("(none)"));
	case ROW_BOOL:
		if (!v)
			return strdup(_("(none)"));
		return strdup(!strcmp(v, "1") ? _("yes") : _("no"));
	case ROW_REF:
		if (!v)
			return strdup(row->readonly ? "" : _("(none)"));
		return strdup(tl_refs_title(ui_refs(fu->app), row->f->ref, v));
	case ROW_TEXT:
		break;
	}
	s = tl_text_sanitize(v ? v : "", false);
	if (!s || row->height <= 1 || !fu->fw)
		return s;
	t = wrap_text(s, fu->fw);
	free(s);
	return t;
}

void ui_form_show_value(struct form_ui *fu, struct row *row)
{
	char *s;

	if (!row->fld)
		return;
	s = display_text(fu, row);
	set_field_buffer(row->fld, 0, s ? s : "");
	set_field_status(row->fld, FALSE);
	free(s);
}

void ui_form_sync_rows(struct form_ui *fu)
{
	if (!fu->form)
		return;
	form_driver(fu->form, REQ_VALIDATION);
	for (int i = 0; i < fu->nrows; i++) {
		struct row *row = &fu->rows[i];
		char *s;

		if (!row->fld || !ui_form_is_text(row) ||
		    !field_status(row->fld))
			continue;
		s = read_buffer(row->fld);
		if (!s)
			continue;
		ui_form_set_value(row, s);
		free(s);
		set_field_status(row->fld, FALSE);
		fu->dirty = true;
	}
}
