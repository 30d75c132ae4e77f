/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * entity_list.c - `tillit NOUN list [FILTERS] [--format table|json|csv]`:
 * the records of a kind, read through one store iterator, as a table
 * whose widths come from the first rows (the same table lists a
 * meeting's participants and agenda in `show`), or as JSON or CSV
 * (output.c).  The filters are those of filter.c.
 */
#include "entity.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/config.h"
#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

/* Rows measured for the widths before the first line is printed. */
#define CLI_PAGE 100

/* ---- lists ----------------------------------------------------------- */

/* The cells of one record's table row: short id, then the columns. */
static char **row_cells(struct tl_refs *refs, const struct tl_record *r,
			const int *cols, int ncols)
{
	char **cells = calloc((size_t)ncols + 1, sizeof(char *));

	if (!cells)
		return NULL;
	cells[0] = strndup(r->id, TL_ID_SHORT);
	for (int i = 0; i < ncols; i++)
		cells[i + 1] = tl_present_field(refs, r, cols[i], false);
	return cells;
}

static void cells_free(char **cells, int n)
{
	if (!cells)
		return;
	for (int i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

/*
 * The widest a value of a fixed form can be, so that later pages fit the
 * columns measured on the first: dates, times, numbers and choices.
 * 0 for free text, which is measured.
 */
static size_t fixed_width(const struct tl_field *f)
{
	size_t w = 0;
	char buf[32];

	switch (f->type) {
	case TL_FT_DATE:
		return TL_DATE_SIZE - 1;
	case TL_FT_DATETIME:
		return TL_DATETIME_SIZE - 1;
	case TL_FT_BOOL:
		return 3;
	case TL_FT_INT:
		snprintf(buf, sizeof(buf), "%ld", f->max);
		w = strlen(buf);
		snprintf(buf, sizeof(buf), "%ld", f->min);
		return strlen(buf) > w ? strlen(buf) : w;
	case TL_FT_ENUM:
		for (const char *const *c = f->choices; c && *c; c++)
			if (tl_text_width(*c) > w)
				w = tl_text_width(*c);
		return w;
	default:
		return 0;
	}
}

enum tl_status cli_list_table(struct cli *c, struct tl_store *st,
			      const struct tl_query *q, long limit,
			      int indent, int skip, long *count)
{
	const struct tl_entity *e = tl_entity_get(q->kind);
	struct cli_table *t = NULL;
	const struct tl_record *r = NULL;
	struct tl_iter *it = NULL;
	struct tl_refs refs;
	struct tl_query qq = *q;
	char **rows[CLI_PAGE], **cells;
	enum tl_standing stand[CLI_PAGE];
	char today[TL_DATE_SIZE];
	int cols[32], ncols = 0, nrows = 0;
	enum tl_status rc;

	*count = 0;
	const int *columns = tl_config_columns(e);

	for (int i = 0; columns[i] >= 0 && ncols < 31; i++)
		if (columns[i] != skip)
			cols[ncols++] = columns[i];
	tl_refs_init(&refs, st);
	tl_clock_today(today);
	qq.after = NULL;
	rc = tl_store_iter_new(st, &qq, &it, &c->err);
	/* The first rows, kept to measure the columns on. */
	while (rc == TL_OK && nrows < CLI_PAGE &&
	       (limit <= 0 || nrows < limit) &&
	       (rc = tl_store_iter_next(it, &r, &c->err)) == TL_OK && r) {
		rows[nrows] = row_cells(&refs, r, cols, ncols);
		if (!rows[nrows]) {
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
			break;
		}
		stand[nrows] = tl_rules_standing(r, today);
		nrows++;
	}
	if (rc != TL_OK || nrows == 0)
		goto out;
	t = cli_table_new(ncols + 1);
	if (!t) {
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
		goto out;
	}
	cli_table_indent(t, indent);
	cli_table_column(t, 0, _("ID"), false, false);
	for (int i = 0; i < ncols; i++) {
		const struct tl_field *f = &e->fields[cols[i]];
		cli_table_column(t, i + 1, _(f->label),
				 f->type == TL_FT_INT || f->type == TL_FT_AMOUNT ||
				 f->type == TL_FT_NUMBER,
				 f->type == TL_FT_TEXT ||
				 f->type == TL_FT_LONGTEXT ||
				 f->type == TL_FT_REF);
		if (cols[i] == e->title)
			cli_table_prefer(t, i + 1);
		cli_table_reserve(t, i + 1, fixed_width(f));
	}
	for (int i = 0; i < nrows; i++)
		cli_table_measure(t, rows[i]);
	cli_table_layout(t, cli_term_width());
	cli_table_print_header(t, stdout);
	for (int i = 0; i < nrows; i++)
		cli_table_print_row_as(t, rows[i], stand[i], stdout);
	*count = nrows;
	/* The rest a row at a time, as the iterator gives them. */
	while ((limit <= 0 || *count < limit) &&
	       (rc = tl_store_iter_next(it, &r, &c->err)) == TL_OK && r) {
		cells = row_cells(&refs, r, cols, ncols);
		if (!cells) {
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
			break;
		}
		cli_table_print_row_as(t, cells, tl_rules_standing(r, today),
				       stdout);
		cells_free(cells, ncols + 1);
		(*count)++;
	}
out:
	for (int i = 0; i < nrows; i++)
		cells_free(rows[i], ncols + 1);
	tl_store_iter_free(it);
	cli_table_free(t);
	tl_refs_done(&refs);
	return rc;
}

/* list's own options; the filters are CLI_FILTER_* (internal.h). */
enum { LO_LIMIT = 1, LO_FORMAT, LO_DIALECT };

/* The filters' lines in --help depend on the kind (cli_help_list). */
#define FILTER(name, value, k) {name, 0, value, NULL, NULL, .key = k}

enum tl_status cli_entity_list(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	struct cli_filters f = {0};
	struct tl_query q = {.kind = e->kind};
	enum cli_format fmt = CLI_FMT_TABLE;
	struct tl_store *st = NULL;
	long limit = 0, count = 0;
	enum tl_status rc = TL_OK;
	const struct cli_opt opts[] = {
		FILTER("owner", true, CLI_FILTER_OWNER),
		FILTER("unit", true, CLI_FILTER_UNIT),
		FILTER("open", false, CLI_FILTER_OPEN),
		FILTER("overdue", false, CLI_FILTER_OVERDUE),
		FILTER("due-before", true, CLI_FILTER_DUE_BEFORE),
		FILTER("kind", true, CLI_FILTER_KIND),
		FILTER("status", true, CLI_FILTER_STATUS),
		FILTER("parent", true, CLI_FILTER_PARENT),
		FILTER("meeting", true, CLI_FILTER_MEETING),
		FILTER("person", true, CLI_FILTER_PERSON),
		FILTER("series", true, CLI_FILTER_SERIES),
		FILTER("from", true, CLI_FILTER_FROM),
		FILTER("to", true, CLI_FILTER_TO),
		FILTER("unacked", false, CLI_FILTER_UNACKED),
		{"reverse", 0, false, NULL, N_("the opposite order"),
		 .on = &q.reverse},
		{"limit", 0, true, "N", N_("at most N records"),
		 .key = LO_LIMIT},
		{"format", 0, true, "FORMAT", N_("table (the default), json or "
		 "csv"), .key = LO_FORMAT},
		{"csv-raw", 0, false, NULL, N_("CSV cells as stored, not "
		 "guarded against spreadsheet formulas"), .on = &c->csv_raw},
		{"csv-dialect", 0, true, "DIALECT", N_("CSV as rfc4180 (the "
		 "default) or excel-sv (Excel in Swedish: ';', a decimal "
		 "comma)"), .key = LO_DIALECT},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_list, .ctx = e};

	while (cli_args_next(&a)) {
		switch (a.key) {
		case LO_LIMIT:
			a.rc = cli_parse_limit(c, a.value, &limit);
			break;
		case LO_FORMAT:
			a.rc = cli_parse_format(c, a.value, CLI_FMT_TABLE |
						CLI_FMT_JSON | CLI_FMT_CSV,
						&fmt);
			break;
		case LO_DIALECT:
			a.rc = cli_parse_csv_dialect(c, a.value);
			break;
		default:
			a.rc = cli_filter_check(c, e, (enum cli_filter)a.key);
			cli_filter_take(&f, e, (enum cli_filter)a.key, a.value);
			break;
		}
	}
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 0);
	if (rc != TL_OK)
		return rc;
	rc = cli_filters_parse(c, e, &f, &q);
	if (rc != TL_OK)
		return rc;
	rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		cli_pager_start();
	if (rc == TL_OK)
		rc = cli_filters_resolve(c, st, e, &f, &q);
	if (rc == TL_OK) {
		switch (fmt) {
		case CLI_FMT_JSON:
		case CLI_FMT_CSV:
			rc = cli_write_records(c, st, &q, limit, fmt, stdout);
			break;
		default:
			/* One snapshot: the rows and the names looked up for
			 * them agree, and no lookup takes a lock of its own. */
			rc = tl_store_read_begin(st, &c->err);
			if (rc == TL_OK)
				rc = cli_list_table(c, st, &q, limit, 0, -1,
						    &count);
			tl_store_read_end(st);
			if (rc == TL_OK && count == 0) {
				char pl[64];
				cli_plural_label(e, pl, sizeof(pl));
				printf(_("No %s.\n"), pl);
			}
			break;
		}
	}
	tl_store_close(st);
	return rc;
}
