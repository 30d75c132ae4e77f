/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * output.c - how the command line prints records: aligned tables that
 * stream page by page, JSON values on one line (a record's object comes
 * from json.h, in the export's encoding), lists as CSV or JSON through
 * the export layer (export/csv.h, json.h), and the display form of a
 * field (a reference shown as the referred record's name, text made safe
 * for a terminal).
 *
 * Widths are terminal cells (tl_text_width), never bytes, so that names
 * with å, ä, ö and wide CJK characters line up.
 */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <jansson.h>

#include "tillit/export/csv.h"
#include "tillit/core/i18n.h"
#include "tillit/export/json.h"
#include "tillit/core/model.h"
#include "tillit/core/rules.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

/* Cells between two columns, and the narrowest a text column gets. */
#define CLI_GAP 2
#define CLI_MIN_TEXT 8
/* Text columns other than the preferred one keep this much if they can. */
#define CLI_FAIR_TEXT 16
/* ... and the preferred column keeps this much before they narrow more. */
#define CLI_FAIR_TITLE 24

enum tl_status cli_parse_csv_dialect(struct cli *c, const char *s)
{
	if (!strcmp(s, "excel-sv") || !strcmp(s, "rfc4180")) {
		c->csv_excel_sv = !strcmp(s, "excel-sv");
		return TL_OK;
	}
	return cli_usage(c, _("Unknown CSV dialect \"%.40s\"; use rfc4180 or "
			      "excel-sv."), s);
}

enum tl_status cli_parse_format(struct cli *c, const char *s,
				unsigned allowed, enum cli_format *out)
{
	static const struct {
		const char *name;
		enum cli_format f;
	} names[] = {
		{"table", CLI_FMT_TABLE},
		{"json", CLI_FMT_JSON},
		{"csv", CLI_FMT_CSV},
		{"text", CLI_FMT_TEXT},
	};
	char list[64] = "";

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(allowed & names[i].f))
			continue;
		if (!strcmp(s, names[i].name)) {
			*out = names[i].f;
			return TL_OK;
		}
		if (list[0])
			strncat(list, " or ", sizeof(list) - strlen(list) - 1);
		strncat(list, names[i].name, sizeof(list) - strlen(list) - 1);
	}
	return cli_usage(c, _("Unknown format \"%.40s\"; use %s."), s, list);
}

int cli_term_width(void)
{
	static int width;
	const char *s = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	/* Measured once: a pager (pager.c) turns the terminal into a pipe. */
	if (width)
		return width;
	width = 100;
	if (s && *s) {
		errno = 0;
		n = strtol(s, &end, 10);
		if (!errno && !*end && n >= 20 && n <= 10000)
			return width = (int)n;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col >= 20)
		width = ws.ws_col;
	return width;
}

void cli_help_opt(FILE *out, const char *opt, const char *text)
{
	size_t w = tl_text_width(opt), room = 79 - CLI_HELP_COL, col;
	const char *p = text;

	fprintf(out, "  %s", opt);
	if (w + 4 > CLI_HELP_COL) {
		fputc('\n', out);
		col = 0;
	} else {
		col = w + 2;
	}
	/* Words go on while they fit; a longer word gets a line of its own. */
	while (*p) {
		size_t len = 0, used = 0;
		const char *brk = NULL;
		while (p[len]) {
			if (p[len] == ' ') {
				if (used > room)
					break;
				brk = p + len;
			}
			if (((unsigned char)p[len] & 0xC0) != 0x80)
				used++;
			len++;
		}
		if (used <= room || !brk)
			brk = p + len;
		fprintf(out, "%*s%.*s\n", (int)(CLI_HELP_COL - col), "",
			(int)(brk - p), p);
		col = 0;
		p = *brk ? brk + 1 : brk;
	}
	if (!*text)
		fputc('\n', out);
}

/* ---- tables ---------------------------------------------------------- */

struct cli_col {
	char *header;
	bool right;
	bool flexible;
	bool preferred;
	size_t width;
	size_t min;
};

struct cli_table {
	int n;
	int indent;
	struct cli_col *col;
};

struct cli_table *cli_table_new(int ncols)
{
	struct cli_table *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->col = calloc((size_t)ncols, sizeof(*t->col));
	if (!t->col) {
		free(t);
		return NULL;
	}
	t->n = ncols;
	return t;
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n; i++)
		free(t->col[i].header);
	free(t->col);
	free(t);
}

void cli_table_column(struct cli_table *t, int i, const char *header,
		      bool right, bool flexible)
{
	struct cli_col *c = &t->col[i];

	free(c->header);
	c->header = strdup(header);
	c->right = right;
	c->flexible = flexible;
	c->width = tl_text_width(header);
	c->min = c->width > CLI_MIN_TEXT ? c->width : CLI_MIN_TEXT;
}

void cli_table_prefer(struct cli_table *t, int i)
{
	t->col[i].preferred = true;
}

void cli_table_indent(struct cli_table *t, int indent)
{
	t->indent = indent < 0 ? 0 : indent > 40 ? 40 : indent;
}

void cli_table_reserve(struct cli_table *t, int i, size_t width)
{
	if (i >= 0 && i < t->n && width > t->col[i].width)
		t->col[i].width = width;
}

void cli_table_measure(struct cli_table *t, char *const *cells)
{
	for (int i = 0; i < t->n; i++) {
		size_t w = cells[i] ? tl_text_width(cells[i]) : 0;
		if (w > t->col[i].width)
			t->col[i].width = w;
	}
}

/* Narrows the widest flexible column (the preferred one only when
 * `preferred`) down to at most `floor` cells; false when none can give. */
static bool narrow_one(struct cli_table *t, bool preferred, size_t floor)
{
	struct cli_col *widest = NULL;

	for (int i = 0; i < t->n; i++) {
		struct cli_col *c = &t->col[i];
		size_t lo = c->min > floor ? c->min : floor;
		if (c->flexible && c->preferred == preferred &&
		    c->width > lo && (!widest || c->width > widest->width))
			widest = c;
	}
	if (!widest)
		return false;
	widest->width--;
	return true;
}

void cli_table_layout(struct cli_table *t, int width)
{
	size_t total = (size_t)t->indent;

	for (int i = 0; i < t->n; i++)
		total += t->col[i].width + (i ? CLI_GAP : 0);
	/* The other text columns give way first, to a readable width, then
	 * the preferred one (the record's title) to a wider one, then the
	 * others as far as they go, then the title. */
	while (total > (size_t)width && narrow_one(t, false, CLI_FAIR_TEXT))
		total--;
	while (total > (size_t)width &&
	       narrow_one(t, true, CLI_FAIR_TITLE))
		total--;
	while (total > (size_t)width && narrow_one(t, false, 0))
		total--;
	while (total > (size_t)width && narrow_one(t, true, 0))
		total--;
}

/* Prints one line of cells, the last one without trailing blanks, in
 * the SGR colour `on` when not NULL. */
static void table_line(const struct cli_table *t, char *const *cells,
		       const char *on, FILE *out)
{
	char buf[4096];
	size_t len = 0, end;
	char *line = malloc(sizeof(buf) * (size_t)(t->n + 1));

	if (!line)
		return;
	memset(line, ' ', (size_t)t->indent);
	len = (size_t)t->indent;
	for (int i = 0; i < t->n; i++) {
		const struct cli_col *c = &t->col[i];
		const char *s = cells[i] ? cells[i] : "";
		size_t w = c->width < sizeof(buf) / 4 ? c->width
						      : sizeof(buf) / 4;
		if (i) {
			memcpy(line + len, "  ", CLI_GAP);
			len += CLI_GAP;
		}
		tl_text_fit(s, w, c->right, buf, sizeof(buf));
		end = strlen(buf);
		memcpy(line + len, buf, end);
		len += end;
	}
	while (len > 0 && line[len - 1] == ' ')
		len--;
	line[len] = '\0';
	if (on)
		fputs(on, out);
	fputs(line, out);
	if (on)
		fputs("\033[m", out);
	fputc('\n', out);
	free(line);
}

void cli_table_print_header(const struct cli_table *t, FILE *out)
{
	char **cells = calloc((size_t)t->n, sizeof(char *));

	if (!cells)
		return;
	for (int i = 0; i < t->n; i++)
		cells[i] = t->col[i].header;
	table_line(t, cells, NULL, out);
	free(cells);
}

void cli_table_print_row(const struct cli_table *t, char *const *cells,
			 FILE *out)
{
	table_line(t, cells, NULL, out);
}

bool cli_color(void)
{
	static int on = -1;

	if (on < 0) {
		const char *no = getenv("NO_COLOR");
		const char *term = getenv("TERM");

		on = isatty(STDOUT_FILENO) && !(no && *no) &&
		     !(term && !strcmp(term, "dumb"));
	}
	return on;
}

void cli_table_print_row_as(const struct cli_table *t, char *const *cells,
			    enum tl_standing standing, FILE *out)
{
	/* ECMA-48 SGR: red, yellow, faint; as the full-screen program's. */
	static const char *const sgr[] = {
		[TL_STANDING_OVERDUE] = "\033[31m",
		[TL_STANDING_WAITING] = "\033[33m",
		[TL_STANDING_DONE] = "\033[2m",
	};
	const char *on = standing > TL_STANDING_NORMAL &&
			 standing <= TL_STANDING_DONE && out == stdout &&
			 cli_color() ? sgr[standing] : NULL;

	table_line(t, cells, on, out);
}

/* ---- CSV and JSON ---------------------------------------------------- */

bool cli_json_put(json_t *json, FILE *out)
{
	int rc;

	if (!json)
		return false;
	rc = tl_json_dumpf(json, out, JSON_PRESERVE_ORDER);
	json_decref(json);
	return rc == 0;
}

enum tl_status cli_write_records(struct cli *c, struct tl_store *st,
				 const struct tl_query *q, long limit,
				 enum cli_format fmt, FILE *out)
{
	if (fmt == CLI_FMT_CSV)
		return tl_csv_write_records(st, q, limit,
					    (c->csv_raw ? TL_CSV_RAW : 0) |
					    (c->csv_excel_sv ? TL_CSV_EXCEL_SV
					     : 0), out, &c->err);
	return tl_json_write_records(st, q, limit, out, &c->err);
}
