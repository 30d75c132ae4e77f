/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * entity_show.c - `tillit NOUN show ID [--format text|json]`: every field
 * of one record, its label and value lines lined up, references shown by
 * name, with what the kind adds: a meeting's participants and agenda, an
 * item's grey zone, a mandate's level, decisions and warning, a frame's
 * acknowledgement and earlier versions, a person's current key.
 */
#include "entity.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/export/json.h"
#include "tillit/core/model.h"
#include "tillit/read/clocks.h"
#include "tillit/read/goals.h"
#include "tillit/read/undone.h"
#include "tillit/read/present.h"
#include "tillit/core/rules.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"

/* ---- show ------------------------------------------------------------ */

/* Label and value lines, printed with the values lined up. */
struct kv {
	const char *label[64];
	char *value[64];
	int n;
};

static void kv_add(struct kv *kv, const char *label, char *value)
{
	if (kv->n >= 64 || !value) {
		free(value);
		return;
	}
	kv->label[kv->n] = label;
	kv->value[kv->n++] = value;
}

static void kv_print(struct kv *kv, FILE *out)
{
	size_t w = 0;

	for (int i = 0; i < kv->n; i++)
		if (tl_text_width(kv->label[i]) > w)
			w = tl_text_width(kv->label[i]);
	for (int i = 0; i < kv->n; i++) {
		const char *v = kv->value[i];
		size_t pad = w - tl_text_width(kv->label[i]);
		fprintf(out, "%s:%*s ", kv->label[i], (int)pad, "");
		/* Later lines of a text go under the first. */
		for (;;) {
			const char *nl = strchr(v, '\n');
			size_t len = nl ? (size_t)(nl - v) : strlen(v);
			fwrite(v, 1, len, out);
			fputc('\n', out);
			if (!nl)
				break;
			v = nl + 1;
			fprintf(out, "%*s", (int)w + 2, "");
		}
		free(kv->value[i]);
	}
	kv->n = 0;
}

static char *dup_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* A nested list under a heading: the records of kind whose parent is id. */
static enum tl_status show_children(struct cli *c, struct tl_store *st,
				    enum tl_kind kind, const char *id,
				    const char *heading)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_query q = {.kind = kind, .parent = id};
	enum tl_status rc;
	long count;

	printf("\n%s:\n", heading);
	rc = cli_list_table(c, st, &q, 0, 2, e->parent, &count);
	if (rc == TL_OK && count == 0)
		printf(_("  (none)\n"));
	return rc;
}

/* Clock lines (read/clocks.h) under the heading `head`; nothing for
 * none. */
static void print_clocks(const char *head, const struct tl_clock_line *lines,
			 int n)
{
	struct kv kv = {.n = 0};

	if (n == 0)
		return;
	printf("\n%s:\n", head);
	for (int i = 0; i < n; i++)
		kv_add(&kv, lines[i].label, strdup(lines[i].text));
	kv_print(&kv, stdout);
}

/* A committee meeting's legal clocks, then those of each § justered
 * immediately; nothing for a meeting that runs none. */
static enum tl_status show_clocks(struct tl_store *st,
				  const struct tl_record *m,
				  struct tl_error *err)
{
	struct tl_clock_line lines[TL_CLOCK_LINES];
	struct tl_par_clock *pars = NULL;
	char today[TL_DATE_SIZE], head[128];
	int n = 0, npars = 0;
	enum tl_status rc;

	tl_clock_today(today);
	rc = tl_clock_lines(st, m, today, lines, &n, err);
	if (rc == TL_OK)
		print_clocks(_("Legal clocks"), lines, n);
	if (rc == TL_OK)
		rc = tl_paragraph_clock_lines(st, m, today, &pars, &npars, err);
	for (int i = 0; rc == TL_OK && i < npars; i++) {
		snprintf(head, sizeof(head), _("Legal clocks of § %ld, "
			 "justered immediately"), pars[i].number);
		print_clocks(head, pars[i].lines, pars[i].n);
	}
	free(pars);
	return rc;
}

/* The legal clocks of a § justered immediately; nothing for another. */
static enum tl_status show_item_clocks(struct tl_store *st,
				       const struct tl_record *item,
				       struct tl_error *err)
{
	struct tl_clock_line lines[TL_CLOCK_LINES];
	char today[TL_DATE_SIZE];
	int n = 0;
	enum tl_status rc;

	tl_clock_today(today);
	rc = tl_item_clock_lines(st, item, today, lines, &n, err);
	if (rc == TL_OK)
		print_clocks(_("Legal clocks"), lines, n);
	return rc;
}

/* A delegated decision's appeal clock, when it is announced on its own. */
static void show_decision_clocks(const struct tl_record *dec)
{
	struct tl_clock_line lines[TL_CLOCK_LINES];
	char today[TL_DATE_SIZE];

	tl_clock_today(today);
	print_clocks(_("Legal clocks"), lines,
		     tl_decision_clock_lines(dec, today, lines));
}

static enum tl_status show_text(struct cli *c, struct tl_store *st,
				const struct tl_record *r)
{
	const struct tl_entity *e = r->e;
	struct tl_refs refs;
	struct kv kv = {.n = 0};
	bool warn = false;
	enum tl_status rc = TL_OK;

	tl_refs_init(&refs, st);
	kv_add(&kv, _("ID"), strdup(r->id));
	for (int i = 0; i < e->nfields; i++) {
		const struct tl_field *f = &e->fields[i];
		const char *v = tl_record_get(r, i);
		if (!v)
			continue;
		if (f->type == TL_FT_REF)
			kv_add(&kv, _(f->label), dup_printf("%.*s %s",
				TL_ID_SHORT, v,
				tl_refs_title(&refs, f->ref, v)));
		else if (e->kind == TL_K_MANDATE && i == TL_MANDATE_LEVEL)
			kv_add(&kv, _(f->label), dup_printf("%s (%s)", v,
				_(tl_rules_level_name(strtol(v, NULL, 10)))));
		else
			kv_add(&kv, _(f->label), tl_present_field(&refs, r, i,
								true));
	}
	if (e->kind == TL_K_ITEM) {
		const char *mid = tl_record_get(r, TL_ITEM_MEETING);
		struct tl_record *m = NULL;
		if (mid && tl_store_get(st, TL_K_MEETING, mid, &m, &c->err)
		    == TL_OK &&
		    tl_rules_grey_zone(tl_record_get(m, TL_MEETING_KIND),
				       tl_record_get(r, TL_ITEM_QUESTION),
				       tl_record_get(r, TL_ITEM_DECIDED_BY)))
			kv_add(&kv, _("Grey zone"), strdup(_("yes")));
		tl_record_free(m);
	}
	if (e->kind == TL_K_GOAL && tl_goal_grey_zone(st, r))
		kv_add(&kv, _("Grey zone"), strdup(_("yes")));
	if (e->kind == TL_K_FRAME && !tl_record_get(r, TL_FRAME_ACKED_AT))
		kv_add(&kv, _("Acknowledged"), strdup(_("no")));
	if (e->kind == TL_K_PERSON) {
		struct tl_person_key key;
		if (tl_store_key_at(st, r->id, NULL, &key, NULL) == TL_OK)
			kv_add(&kv, _("Key"), strdup(key.fingerprint));
	}
	if (e->kind == TL_K_MANDATE) {
		/* Its report-backs: the last, and when the next is due. */
		struct tl_report_due due;
		char today[TL_DATE_SIZE];

		tl_clock_today(today);
		if (tl_report_due_of(st, r, today, &due, &c->err) == TL_OK) {
			kv_add(&kv, _("Last report-back"), strdup(due.last[0]
			       ? due.last : _("none yet")));
			kv_add(&kv, _("Next report-back"), dup_printf(
			       due.overdue ? _("%s, overdue") : "%s",
			       due.due));
		}
		tl_error_clear(&c->err);
	}
	if (e->kind == TL_K_MANDATE)
		warn = !strcmp(tl_record_str(r, TL_MANDATE_NON_DELEGABLE),
			       "1") ||
		       tl_rules_matter_non_delegable(
			       tl_record_get(r, TL_MANDATE_MATTER));
	kv_add(&kv, _("Created"), strdup(r->created_at));
	kv_add(&kv, _("Updated"), strdup(r->updated_at));
	{
		/* What `edit --based-on` takes: the change this read is of. */
		long long v = 0;
		char num[24];

		if (tl_store_version(st, r->id, &v, NULL, NULL, NULL, NULL) ==
		    TL_OK && v > 0) {
			snprintf(num, sizeof(num), "%lld", v);
			kv_add(&kv, _("Version"), strdup(num));
		}
	}
	kv_print(&kv, stdout);
	tl_refs_done(&refs);
	if (warn)
		printf(_("Warning: this matter may not be delegable (goals, "
		       "direction, scope or quality level).\n"));
	switch (e->kind) {
	case TL_K_MEETING:
		rc = show_children(c, st, TL_K_PARTICIPANT, r->id,
				   _("Participants"));
		if (rc == TL_OK)
			rc = show_children(c, st, TL_K_ITEM, r->id, _("Agenda"));
		if (rc == TL_OK)
			rc = show_clocks(st, r, &c->err);
		break;
	case TL_K_DECISION:
		show_decision_clocks(r);
		break;
	case TL_K_ITEM:
		rc = show_item_clocks(st, r, &c->err);
		break;
	case TL_K_FRAME:
		rc = show_children(c, st, TL_K_FRAME_VERSION, r->id,
				   _("Earlier versions"));
		break;
	case TL_K_MANDATE:
		rc = show_children(c, st, TL_K_DECISION, r->id,
				   _("Decisions under this mandate"));
		break;
	default:
		break;
	}
	return rc;
}

enum tl_status cli_entity_show(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"format", 0, true, "FORMAT", N_("text (the default) or json"),
		 .key = 1},
		{0},
	};
	struct cli_args a = {.c = c, .argc = argc, .argv = argv, .opts = opts,
			     .help = cli_help_show, .ctx = e};
	enum cli_format fmt = CLI_FMT_TEXT;
	struct tl_store *st = NULL;
	struct tl_record *r = NULL;
	const char *text = NULL;
	enum tl_status rc;

	while (cli_args_next(&a))
		a.rc = cli_parse_format(c, a.value, CLI_FMT_TEXT | CLI_FMT_JSON,
					&fmt);
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_one_id(&a, &text);
	if (rc == TL_OK)
		rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		rc = cli_find(c, st, e, text, &r);
	if (rc == TL_OK) {
		cli_pager_start();
		if (fmt == CLI_FMT_JSON) {
			if (!cli_json_put(tl_json_record(r), stdout))
				rc = cli_fail(c, TL_ESYS, _("Cannot write the "
					      "JSON output."));
			else
				fputc('\n', stdout);
		} else {
			rc = show_text(c, st, r);
		}
	}
	tl_record_free(r);
	tl_store_close(st);
	return rc;
}
