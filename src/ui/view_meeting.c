/*
 * view_meeting.c - one meeting, and running it.
 *
 * The detail mode shows the meeting's header (kind, unit, series, time,
 * place, status), its participants with their attendance, the agenda with
 * grey-zone items marked, and everything recorded in it: mandates, frames,
 * follow-ups, and the open follow-ups carried over from earlier meetings
 * of its series.  Enter opens the selected record.
 *
 * The run mode (key r) is where a meeting is held: it steps through the
 * carried-over follow-ups (closed or carried on right there), the
 * attendance, and then the agenda item by item, where notes, decisions,
 * item kind, what/how, decided-by and principles are set with one key
 * each, and mandates, frames and follow-ups are recorded on the item with
 * forms prefilled from the context.  H finishes the meeting.
 *
 * Every change goes through the store API; a signed meeting is locked and
 * nothing here changes it.  The screen is a list of lines made afresh at
 * each draw (texts are wrapped to the width), and the selection is kept
 * by record id, so a reload after another program's change keeps it.
 */
#include "tillit/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/date.h"
#include "tillit/draw.h"
#include "tillit/i18n.h"
#include "tillit/id.h"
#include "tillit/recact.h"
#include "tillit/rules.h"
#include "tillit/sign.h"
#include "tillit/text.h"

/* Rows read for the parts of one meeting. */
#define MT_LIMIT 200
/* Texts longer than this (bytes) are written in $EDITOR, not a prompt. */
#define MT_PROMPT_MAX 160

/* The words people read for the values stored (which stay English). */
static const struct {
	const char *value;
	const char *text;
} value_labels[] = {
	{"one_to_one", N_("one-to-one dialogue")},
	{"committee", N_("committee meeting")},
	{"dialogue", N_("governance dialogue")},
	{"forum", N_("cross-boundary forum")},
	{"planned", N_("planned")},
	{"open", N_("open")},
	{"held", N_("held")},
	{"signed", N_("signed · locked")},
	{"chair", N_("chair")},
	{"secretary", N_("secretary")},
	{"adjuster", N_("adjuster")},
	{"member", N_("member")},
	{"substitute", N_("substitute")},
	{"manager", N_("manager")},
	{"employee", N_("employee")},
	{"guest", N_("guest")},
	{"unknown", N_("unknown")},
	{"present", N_("present")},
	{"absent", N_("absent")},
	{"excused", N_("excused")},
	{"information", N_("information")},
	{"discussion", N_("discussion")},
	{"decision", N_("decision")},
	{"what", N_("what")},
	{"how", N_("how")},
	{"politics", N_("politics")},
	{"administration", N_("administration")},
	{"done", N_("done")},
	{"cancelled", N_("cancelled")},
	{"active", N_("active")},
	{"revoked", N_("revoked")},
	{"expired", N_("expired")},
	{"superseded", N_("superseded")},
	{"closed", N_("closed")},
	{"budget", N_("budget")},
	{"time", N_("time")},
	{"staffing", N_("staffing")},
	{"quality", N_("quality")},
	{"legal", N_("legal")},
	{"scope", N_("scope")},
	{"result", N_("result")},
	{"effect", N_("effect")},
	{"action", N_("action")},
};

/* One line on screen; `kind` and `id` say what it stands for. */
struct mline {
	char *text;        /* sanitised */
	const char *badge; /* a static word at the right edge, or NULL */
	enum ui_role role, badge_role;
	int indent;
	enum tl_kind kind; /* TL_K_NONE for plain text */
	char id[TL_ID_LEN + 1];
};

enum step {
	STEP_CARRIED, /* open follow-ups from earlier meetings */
	STEP_PEOPLE,  /* attendance */
	STEP_ITEM,    /* an agenda item */
};

struct meeting_view {
	char id[TL_ID_LEN + 1];
	struct tl_record *m;
	struct tl_page parts, items, mandates, frames, followups, carried;
	struct tl_page principles;
	char today[TL_DATE_SIZE];

	bool run;
	enum step step;
	char item[TL_ID_LEN + 1]; /* the current item in STEP_ITEM */
	int item_index;           /* where it was, if it disappears */

	/* What the last draw made. */
	struct mline *lines;
	int n, cap;
	int nfixed;   /* lines at the top that never scroll */
	int top;      /* first scrolled line on screen */
	int rows;     /* rows for the scrolled lines */
	enum tl_kind sel_kind;
	char sel[TL_ID_LEN + 1]; /* the selected line's id; "" for none */
	bool autosel; /* select the first line of the step at next draw */
	int sel_pos;  /* where the selection was, if its record goes */
};

static const enum ui_action meeting_actions[] = {
	UI_A_RUN, UI_A_NEXT_ITEM, UI_A_PREV_ITEM, UI_A_NOTES, UI_A_DECISION,
	UI_A_ADD_MANDATE, UI_A_ADD_FRAME, UI_A_ADD_FOLLOWUP, UI_A_ATTENDANCE,
	UI_A_FINISH, UI_A_SIGN, UI_A_MINUTES, UI_A_EXPORT, UI_A_NONE,
};

/* ---- small helpers --------------------------------------------------- */

static const char *label(const char *value)
{
	if (!value || !*value)
		return "";
	for (size_t i = 0; i < sizeof(value_labels) / sizeof(value_labels[0]);
	     i++)
		if (!strcmp(value_labels[i].value, value))
			return _(value_labels[i].text);
	return value;
}

static bool streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static const char *mkind(const struct meeting_view *mv)
{
	return tl_record_str(mv->m, TL_MEETING_KIND);
}

static bool is_committee(const struct meeting_view *mv)
{
	return !strcmp(mkind(mv), "committee");
}

static bool is_signed(const struct meeting_view *mv)
{
	return !strcmp(tl_record_str(mv->m, TL_MEETING_STATUS), "signed");
}

/* True (with the message) when the meeting must not change. */
static bool locked(struct view *v)
{
	struct meeting_view *mv = v->data;

	if (!is_signed(mv))
		return false;
	ui_status(v->app, "%s", _("This meeting is signed and locked: its "
				  "record cannot change. Record a correction "
				  "in a later meeting."));
	return true;
}

static bool item_grey(const struct meeting_view *mv,
		      const struct tl_record *it)
{
	return tl_rules_grey_zone(mkind(mv),
				  tl_record_get(it, TL_ITEM_QUESTION),
				  tl_record_get(it, TL_ITEM_DECIDED_BY));
}

/* "§ 12" for committees, "3." for other meetings. */
static void item_number(const struct meeting_view *mv,
			const struct tl_record *it, char *buf, size_t size)
{
	const char *n = tl_record_get(it, TL_ITEM_NUMBER);

	if (!n)
		snprintf(buf, size, "-");
	else if (is_committee(mv))
		snprintf(buf, size, "§ %s", n);
	else
		snprintf(buf, size, "%s.", n);
}

static const struct tl_record *find_in(const struct tl_page *p,
				       const char *id)
{
	for (int i = 0; i < p->n; i++)
		if (!strcmp(p->recs[i]->id, id))
			return p->recs[i];
	return NULL;
}

static int index_in(const struct tl_page *p, const char *id)
{
	for (int i = 0; i < p->n; i++)
		if (!strcmp(p->recs[i]->id, id))
			return i;
	return -1;
}

/* The person of the participant with this role, or NULL. */
static const char *person_in_role(const struct meeting_view *mv,
				  const char *role)
{
	for (int i = 0; i < mv->parts.n; i++)
		if (!strcmp(tl_record_str(mv->parts.recs[i], TL_PART_ROLE),
			    role))
			return tl_record_get(mv->parts.recs[i],
					     TL_PART_PERSON);
	return NULL;
}

/* The choice after `cur` in a field's list, round again at the end. */
static const char *next_choice(const struct tl_field *f, const char *cur)
{
	const char *const *c = f->choices;

	if (!c || !c[0])
		return NULL;
	for (int i = 0; c[i]; i++)
		if (streq(c[i], cur))
			return c[i + 1] ? c[i + 1] : c[0];
	return c[0];
}

/* Appends s, fitted to exactly `width` cells, to buf. */
static void cat_fit(char *buf, size_t size, const char *s, int width)
{
	char tmp[2048];
	size_t len = strlen(buf);

	if (width <= 0 || len >= size)
		return;
	tl_text_fit(s ? s : "", (size_t)width, false, tmp, sizeof(tmp));
	snprintf(buf + len, size - len, "%s", tmp);
}

static void cat(char *buf, size_t size, const char *s)
{
	size_t len = strlen(buf);

	if (len < size)
		snprintf(buf + len, size - len, "%s", s ? s : "");
}

/* ---- lines ----------------------------------------------------------- */

static void lines_clear(struct meeting_view *mv)
{
	for (int i = 0; i < mv->n; i++)
		free(mv->lines[i].text);
	mv->n = 0;
}

static struct mline *add_line(struct meeting_view *mv, const char *text,
			      enum ui_role role, int indent)
{
	struct mline *l;

	if (mv->n == mv->cap) {
		int cap = mv->cap ? mv->cap * 2 : 64;
		struct mline *p = realloc(mv->lines, sizeof(*p) * (size_t)cap);
		if (!p)
			return NULL;
		mv->lines = p;
		mv->cap = cap;
	}
	l = &mv->lines[mv->n];
	memset(l, 0, sizeof(*l));
	l->text = tl_text_sanitize(text ? text : "", false);
	if (!l->text)
		return NULL;
	l->role = role;
	l->indent = indent;
	l->kind = TL_K_NONE;
	mv->n++;
	return l;
}

/* A line that stands for a record. */
static struct mline *add_rec_line(struct meeting_view *mv, const char *text,
				  enum ui_role role, enum tl_kind kind,
				  const char *id)
{
	struct mline *l = add_line(mv, text, role, 1);

	if (l) {
		l->kind = kind;
		snprintf(l->id, sizeof(l->id), "%s", id);
	}
	return l;
}

static void add_blank(struct meeting_view *mv)
{
	if (mv->n > mv->nfixed && mv->lines[mv->n - 1].text[0])
		add_line(mv, "", UI_R_NORMAL, 0);
}

static void add_heading(struct meeting_view *mv, const char *text, int count)
{
	char buf[300];

	add_blank(mv);
	if (count >= 0)
		snprintf(buf, sizeof(buf), "%s (%d)", text, count);
	else
		snprintf(buf, sizeof(buf), "%s", text);
	add_line(mv, buf, UI_R_SECTION, 0);
}

/* Cells of the UTF-8 character at s, and its length in bytes. */
static size_t char_cells(const char *s, size_t *bytes)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	char tmp[5];

	for (size_t i = 1; i < n; i++)
		if (!s[i]) {
			n = i;
			break;
		}
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*bytes = n;
	return tl_text_width(tmp);
}

static size_t span_cells(const char *s, size_t len)
{
	size_t w = 0, b;

	for (size_t i = 0; i < len; i += b)
		w += char_cells(s + i, &b);
	return w;
}

/*
 * Adds text wrapped to `width` cells: cut on spaces, a word wider than a
 * line cut where it must.  Each newline starts a new line.
 */
static void add_wrapped(struct meeting_view *mv, const char *text,
			enum ui_role role, int indent, int width)
{
	char *safe = tl_text_sanitize(text ? text : "", true);
	char *line;

	if (!safe)
		return;
	if (width < 8)
		width = 8;
	line = malloc(strlen(safe) + 1);
	if (!line) {
		free(safe);
		return;
	}
	for (char *p = safe; *p; p++)
		if (*p == '\t' || *p == '\r')
			*p = ' ';
	for (char *para = safe; para;) {
		char *nl = strchr(para, '\n');
		const char *p = para, *end;

		if (nl)
			*nl = '\0';
		end = para + strlen(para);
		if (p == end)
			add_line(mv, "", role, indent);
		while (p < end) {
			size_t n = 0, used = 0;

			while (p < end && *p == ' ')
				p++;
			if (p == end)
				break;
			for (;;) {
				const char *q = p, *we;
				size_t ww, sp = n ? 1 : 0;

				while (q < end && *q == ' ')
					q++;
				if (q == end) {
					p = q;
					break;
				}
				for (we = q; we < end && *we != ' '; we++)
					;
				ww = span_cells(q, (size_t)(we - q));
				if (used + sp + ww <= (size_t)width) {
					if (sp)
						line[n++] = ' ';
					memcpy(line + n, q, (size_t)(we - q));
					n += (size_t)(we - q);
					used += sp + ww;
					p = we;
					continue;
				}
				if (n == 0) {
					/* A word wider than a line: cut it. */
					while (q < we) {
						size_t b, c = char_cells(q, &b);
						if (n && used + c >
						    (size_t)width)
							break;
						memcpy(line + n, q, b);
						n += b;
						used += c;
						q += b;
					}
					p = q;
				}
				break;
			}
			line[n] = '\0';
			add_line(mv, line, role, indent);
		}
		para = nl ? nl + 1 : NULL;
	}
	free(line);
	free(safe);
}

/* ---- loading --------------------------------------------------------- */

static void pages_done(struct meeting_view *mv)
{
	tl_record_free(mv->m);
	mv->m = NULL;
	tl_page_done(&mv->parts);
	tl_page_done(&mv->items);
	tl_page_done(&mv->mandates);
	tl_page_done(&mv->frames);
	tl_page_done(&mv->followups);
	tl_page_done(&mv->carried);
	tl_page_done(&mv->principles);
}

static enum tl_status list_of(struct tl_store *st, enum tl_kind kind,
			      const char *parent, struct tl_page *page,
			      struct tl_error *err)
{
	struct tl_query q = {.kind = kind, .parent = parent,
			     .limit = MT_LIMIT};

	return tl_store_list(st, &q, page, err);
}

/*
 * The open follow-ups of the series made in earlier meetings: not in this
 * one, nor in one that starts at the same time or later.
 */
static enum tl_status load_carried(struct meeting_view *mv,
				   struct tl_store *st, struct tl_error *err)
{
	const char *series = tl_record_get(mv->m, TL_MEETING_SERIES);
	const char *starts = tl_record_str(mv->m, TL_MEETING_STARTS);
	struct tl_query q = {.kind = TL_K_FOLLOWUP, .series = series,
			     .open = true, .limit = MT_LIMIT};
	struct tl_page later = {0};
	enum tl_status rc;
	int n = 0;

	if (!series)
		return TL_OK;
	rc = tl_store_list(st, &q, &mv->carried, err);
	if (rc == TL_OK)
		rc = list_of(st, TL_K_MEETING, series, &later, err);
	if (rc != TL_OK) {
		tl_page_done(&later);
		return rc;
	}
	for (int i = 0; i < mv->carried.n; i++) {
		struct tl_record *f = mv->carried.recs[i];
		const char *mid = tl_record_str(f, TL_FOLLOWUP_MEETING);
		const struct tl_record *fm = find_in(&later, mid);
		bool keep = strcmp(mid, mv->id) != 0;

		if (keep && fm && *starts &&
		    strcmp(tl_record_str(fm, TL_MEETING_STARTS), starts) >= 0)
			keep = false;
		if (keep)
			mv->carried.recs[n++] = f;
		else
			tl_record_free(f);
	}
	mv->carried.n = n;
	tl_page_done(&later);
	return TL_OK;
}

static int role_rank(const struct tl_record *p)
{
	const struct tl_field *f =
		&tl_entity_get(TL_K_PARTICIPANT)->fields[TL_PART_ROLE];
	const char *role = tl_record_str(p, TL_PART_ROLE);

	for (int i = 0; f->choices[i]; i++)
		if (!strcmp(f->choices[i], role))
			return i;
	return 100;
}

/* Chair, secretary, adjusters, members ... as minutes list them; by name
 * within a role. */
static void sort_parts(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_record **recs = mv->parts.recs;
	int n = mv->parts.n;
	char (*names)[128] = calloc((size_t)n + 1, sizeof(*names));

	if (!names)
		return;
	for (int i = 0; i < n; i++)
		snprintf(names[i], sizeof(names[i]), "%s",
			 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
				       tl_record_str(recs[i], TL_PART_PERSON)));
	for (int i = 1; i < n; i++) {
		struct tl_record *r = recs[i];
		int rank = role_rank(r), j = i;
		char name[128];

		memcpy(name, names[i], sizeof(name));
		while (j > 0 && (rank < role_rank(recs[j - 1]) ||
				 (rank == role_rank(recs[j - 1]) &&
				  strcmp(name, names[j - 1]) < 0))) {
			recs[j] = recs[j - 1];
			memcpy(names[j], names[j - 1], sizeof(names[j]));
			j--;
		}
		recs[j] = r;
		memcpy(names[j], name, sizeof(name));
	}
	free(names);
}

static enum tl_status load(struct view *v, struct tl_error *err)
{
	struct meeting_view *mv = v->data;
	struct tl_store *st = ui_store(v->app);
	struct tl_query pq = {.kind = TL_K_PRINCIPLE, .limit = 100};
	enum tl_status rc;
	char *title;

	pages_done(mv);
	tl_clock_today(mv->today);
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	rc = tl_store_get(st, TL_K_MEETING, mv->id, &mv->m, err);
	if (rc == TL_OK)
		rc = list_of(st, TL_K_PARTICIPANT, mv->id, &mv->parts, err);
	if (rc == TL_OK)
		rc = list_of(st, TL_K_ITEM, mv->id, &mv->items, err);
	if (rc == TL_OK)
		rc = list_of(st, TL_K_MANDATE, mv->id, &mv->mandates, err);
	if (rc == TL_OK)
		rc = list_of(st, TL_K_FRAME, mv->id, &mv->frames, err);
	if (rc == TL_OK)
		rc = list_of(st, TL_K_FOLLOWUP, mv->id, &mv->followups, err);
	if (rc == TL_OK)
		rc = load_carried(mv, st, err);
	if (rc == TL_OK)
		rc = tl_store_list(st, &pq, &mv->principles, err);
	tl_store_read_end(st);
	if (rc != TL_OK)
		return rc;
	sort_parts(v);

	title = tl_text_first_line(tl_record_str(mv->m, TL_MEETING_TITLE),
				   140);
	snprintf(v->title, sizeof(v->title), mv->run ? _("Running: %s")
		 : _("Meeting: %s"), title ? title : "");
	free(title);

	/* Keep the step: the current item by id, else the one in its place. */
	if (mv->step == STEP_CARRIED && mv->carried.n == 0)
		mv->step = STEP_PEOPLE;
	if (mv->step == STEP_ITEM) {
		int i = index_in(&mv->items, mv->item);
		if (i < 0 && mv->items.n > 0) {
			i = mv->item_index < mv->items.n ? mv->item_index
							 : mv->items.n - 1;
			memcpy(mv->item, mv->items.recs[i]->id,
			       sizeof(mv->item));
		}
		if (i < 0)
			mv->step = STEP_PEOPLE;
		else
			mv->item_index = i;
	}
	return TL_OK;
}

/* ---- what is selected ------------------------------------------------ */

static int sel_index(const struct meeting_view *mv)
{
	if (!mv->sel[0])
		return -1;
	for (int i = mv->nfixed; i < mv->n; i++)
		if (mv->lines[i].kind == mv->sel_kind &&
		    !strcmp(mv->lines[i].id, mv->sel))
			return i;
	return -1;
}

static void select_line(struct meeting_view *mv, int i)
{
	if (i < 0 || i >= mv->n || mv->lines[i].kind == TL_K_NONE) {
		mv->sel[0] = '\0';
		mv->sel_kind = TL_K_NONE;
		return;
	}
	mv->sel_kind = mv->lines[i].kind;
	memcpy(mv->sel, mv->lines[i].id, sizeof(mv->sel));
}

/* The selected record, when it is of `kind` and on screen's list. */
static const struct tl_record *selected(const struct meeting_view *mv,
					enum tl_kind kind)
{
	if (!mv->sel[0] || mv->sel_kind != kind)
		return NULL;
	switch (kind) {
	case TL_K_PARTICIPANT:
		return find_in(&mv->parts, mv->sel);
	case TL_K_ITEM:
		return find_in(&mv->items, mv->sel);
	case TL_K_MANDATE:
		return find_in(&mv->mandates, mv->sel);
	case TL_K_FRAME:
		return find_in(&mv->frames, mv->sel);
	case TL_K_FOLLOWUP: {
		const struct tl_record *r = find_in(&mv->followups, mv->sel);
		return r ? r : find_in(&mv->carried, mv->sel);
	}
	default:
		return NULL;
	}
}

static const struct tl_record *selected_any(const struct meeting_view *mv)
{
	return mv->sel[0] ? selected(mv, mv->sel_kind) : NULL;
}

/* The item that item keys act on: the step's, or the selected one. */
static const struct tl_record *current_item(const struct meeting_view *mv)
{
	if (mv->run)
		return mv->step == STEP_ITEM ? find_in(&mv->items, mv->item)
					     : NULL;
	return selected(mv, TL_K_ITEM);
}

/* ---- building the screen --------------------------------------------- */

static void add_participant(struct view *v, const struct tl_record *p,
			    int cols)
{
	struct meeting_view *mv = v->data;
	const char *att = tl_record_str(p, TL_PART_ATTENDANCE);
	char buf[1200] = "";
	struct mline *l;
	int namew = cols > 70 ? 32 : cols / 2;

	cat_fit(buf, sizeof(buf), tl_refs_title(ui_refs(v->app), TL_K_PERSON,
					       tl_record_str(p,
							     TL_PART_PERSON)),
		namew);
	cat(buf, sizeof(buf), "  ");
	cat(buf, sizeof(buf), label(tl_record_str(p, TL_PART_ROLE)));
	l = add_rec_line(mv, buf, UI_R_NORMAL, TL_K_PARTICIPANT, p->id);
	if (!l)
		return;
	l->badge = label(*att ? att : "unknown");
	l->badge_role = !strcmp(att, "present") ? UI_R_OK
			: !strcmp(att, "absent") || !strcmp(att, "excused")
			? UI_R_DIM : UI_R_NORMAL;
}

static void add_item_line(struct view *v, const struct tl_record *it,
			  int cols)
{
	struct meeting_view *mv = v->data;
	char num[32], buf[1600] = "", attrs[200];
	const char *q = tl_record_get(it, TL_ITEM_QUESTION);
	const char *d = tl_record_get(it, TL_ITEM_DECIDED_BY);
	int avail = cols - 24, attrw = avail / 2 < 34 ? avail / 2 : 34;
	int titlew = avail - attrw - 2;
	struct mline *l;

	item_number(mv, it, num, sizeof(num));
	cat_fit(buf, sizeof(buf), num, 7);
	snprintf(attrs, sizeof(attrs), "%s%s%s%s%s",
		 label(tl_record_str(it, TL_ITEM_KIND)), q ? " · " : "",
		 label(q), d ? " · " : "", label(d));
	if (titlew < 12) {
		cat(buf, sizeof(buf), tl_record_str(it, TL_ITEM_TITLE));
	} else {
		cat_fit(buf, sizeof(buf), tl_record_str(it, TL_ITEM_TITLE),
			titlew);
		cat(buf, sizeof(buf), "  ");
		cat(buf, sizeof(buf), attrs);
	}
	l = add_rec_line(mv, buf, UI_R_NORMAL, TL_K_ITEM, it->id);
	if (l && item_grey(mv, it)) {
		l->badge = _("GREY ZONE");
		l->badge_role = UI_R_WARN;
	}
}

static void add_mandate_line(struct view *v, const struct tl_record *r)
{
	struct meeting_view *mv = v->data;
	const char *until = tl_record_get(r, TL_MANDATE_VALID_UNTIL);
	const char *status = tl_record_str(r, TL_MANDATE_STATUS);
	char buf[1600];
	struct mline *l;
	char *matter = tl_text_first_line(tl_record_str(r, TL_MANDATE_MATTER),
					  600);

	snprintf(buf, sizeof(buf), _("Level %s (%s): %s — to %s%s%s"),
		 tl_record_str(r, TL_MANDATE_LEVEL),
		 tl_rules_level_name(atol(tl_record_str(r, TL_MANDATE_LEVEL))),
		 matter ? matter : "",
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
			       tl_record_str(r, TL_MANDATE_GIVEN_TO)),
		 until ? _(", until ") : "", until ? until : "");
	free(matter);
	l = add_rec_line(mv, buf, strcmp(status, "active") ? UI_R_DIM
			 : UI_R_NORMAL, TL_K_MANDATE, r->id);
	if (!l)
		return;
	if (!strcmp(tl_record_str(r, TL_MANDATE_NON_DELEGABLE), "1")) {
		l->badge = _("NON-DELEGABLE");
		l->badge_role = UI_R_WARN;
	} else if (strcmp(status, "active")) {
		l->badge = label(status);
		l->badge_role = UI_R_DIM;
	}
}

static void add_frame_line(struct view *v, const struct tl_record *r)
{
	struct meeting_view *mv = v->data;
	const char *amount = tl_record_get(r, TL_FRAME_AMOUNT);
	const char *holder = tl_record_get(r, TL_FRAME_HOLDER_PERSON);
	bool active = !strcmp(tl_record_str(r, TL_FRAME_STATUS), "active");
	char buf[1600], amt[120] = "";
	struct mline *l;
	char *desc = tl_text_first_line(tl_record_str(r, TL_FRAME_DESCRIPTION),
					600);

	if (amount)
		snprintf(amt, sizeof(amt), " · %s %s", amount,
			 tl_record_str(r, TL_FRAME_AMOUNT_UNIT));
	snprintf(buf, sizeof(buf), "%s: %s%s — %s",
		 label(tl_record_str(r, TL_FRAME_KIND)), desc ? desc : "", amt,
		 holder ? tl_refs_title(ui_refs(v->app), TL_K_PERSON, holder)
		 : tl_refs_title(ui_refs(v->app), TL_K_UNIT,
				 tl_record_str(r, TL_FRAME_HOLDER_UNIT)));
	free(desc);
	l = add_rec_line(mv, buf, active ? UI_R_NORMAL : UI_R_DIM, TL_K_FRAME,
			 r->id);
	if (!l)
		return;
	if (!active) {
		l->badge = label(tl_record_str(r, TL_FRAME_STATUS));
		l->badge_role = UI_R_DIM;
	} else if (!tl_record_get(r, TL_FRAME_ACKED_AT)) {
		l->badge = _("not acknowledged");
		l->badge_role = UI_R_WARN;
	} else {
		l->badge = _("acknowledged");
		l->badge_role = UI_R_OK;
	}
}

/* A follow-up: due, text and owner (and the meeting it came from). */
static void add_followup_line(struct view *v, const struct tl_record *r,
			      bool from)
{
	struct meeting_view *mv = v->data;
	const char *due = tl_record_get(r, TL_FOLLOWUP_DUE);
	const char *status = tl_record_str(r, TL_FOLLOWUP_STATUS);
	bool open = !strcmp(status, "open");
	bool overdue = open && due && strcmp(due, mv->today) < 0;
	char buf[1800] = "", tail[400];
	struct mline *l;
	char *text = tl_text_first_line(tl_record_str(r, TL_FOLLOWUP_TEXT),
					800);

	cat_fit(buf, sizeof(buf), due ? due : "", 10);
	cat(buf, sizeof(buf), "  ");
	cat(buf, sizeof(buf), text ? text : "");
	free(text);
	snprintf(tail, sizeof(tail), " — %s",
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
			       tl_record_str(r, TL_FOLLOWUP_OWNER)));
	cat(buf, sizeof(buf), tail);
	if (from && tl_record_get(r, TL_FOLLOWUP_MEETING)) {
		snprintf(tail, sizeof(tail), " (%s)",
			 tl_refs_title(ui_refs(v->app), TL_K_MEETING,
				       tl_record_str(r, TL_FOLLOWUP_MEETING)));
		cat(buf, sizeof(buf), tail);
	}
	l = add_rec_line(mv, buf, !open ? UI_R_DIM : overdue ? UI_R_OVERDUE
			 : UI_R_NORMAL, TL_K_FOLLOWUP, r->id);
	if (!l)
		return;
	if (!open) {
		l->badge = label(status);
		l->badge_role = !strcmp(status, "done") ? UI_R_OK : UI_R_DIM;
	} else if (overdue) {
		l->badge = _("overdue");
		l->badge_role = UI_R_OVERDUE;
	}
}

static void add_status_badge(struct meeting_view *mv, struct mline *l)
{
	const char *status = tl_record_str(mv->m, TL_MEETING_STATUS);

	if (!l)
		return;
	l->badge = label(status);
	l->badge_role = !strcmp(status, "held") ? UI_R_OK
			: !strcmp(status, "signed") ? UI_R_OK
			: !strcmp(status, "open") ? UI_R_WARN : UI_R_NORMAL;
}

static void build_detail(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *m = mv->m;
	const char *unit = tl_record_get(m, TL_MEETING_UNIT);
	const char *series = tl_record_get(m, TL_MEETING_SERIES);
	const char *starts = tl_record_str(m, TL_MEETING_STARTS);
	const char *ends = tl_record_get(m, TL_MEETING_ENDS);
	const char *loc = tl_record_get(m, TL_MEETING_LOCATION);
	const char *notes = tl_record_get(m, TL_MEETING_NOTES);
	char buf[1600];

	add_status_badge(mv, add_line(mv, tl_record_str(m, TL_MEETING_TITLE),
				      UI_R_SECTION, 0));
	mv->nfixed = 1;

	snprintf(buf, sizeof(buf), "%s%s%s", label(mkind(mv)),
		 unit ? " · " : "", unit ? tl_refs_title(ui_refs(v->app),
							 TL_K_UNIT, unit)
		 : "");
	add_line(mv, buf, UI_R_NORMAL, 0);
	if (series) {
		snprintf(buf, sizeof(buf), _("Series: %s"),
			 tl_refs_title(ui_refs(v->app), TL_K_SERIES, series));
		add_line(mv, buf, UI_R_NORMAL, 0);
	}
	/* The end's date only when it is another day. */
	snprintf(buf, sizeof(buf), "%s%s%s%s%s", starts, ends ? " – " : "",
		 ends ? (strncmp(ends, starts, 10) ? ends : ends + 11) : "",
		 loc ? " · " : "", loc ? loc : "");
	add_line(mv, buf, UI_R_NORMAL, 0);
	if (notes)
		add_wrapped(mv, notes, UI_R_DIM, 0, cols - 3);

	add_heading(mv, _("Participants"), mv->parts.n);
	if (mv->parts.n == 0)
		add_line(mv, _("No participants yet; press a to add one."),
			 UI_R_DIM, 1);
	for (int i = 0; i < mv->parts.n; i++)
		add_participant(v, mv->parts.recs[i], cols);

	add_heading(mv, _("Agenda"), mv->items.n);
	if (mv->items.n == 0)
		add_line(mv, _("No agenda items yet; press i to add one, or r "
			       "to run the meeting."), UI_R_DIM, 1);
	for (int i = 0; i < mv->items.n; i++)
		add_item_line(v, mv->items.recs[i], cols);

	if (mv->mandates.n) {
		add_heading(mv, _("Mandates"), mv->mandates.n);
		for (int i = 0; i < mv->mandates.n; i++)
			add_mandate_line(v, mv->mandates.recs[i]);
	}
	if (mv->frames.n) {
		add_heading(mv, _("Frames"), mv->frames.n);
		for (int i = 0; i < mv->frames.n; i++)
			add_frame_line(v, mv->frames.recs[i]);
	}
	if (mv->followups.n) {
		add_heading(mv, _("Follow-ups"), mv->followups.n);
		for (int i = 0; i < mv->followups.n; i++)
			add_followup_line(v, mv->followups.recs[i], false);
	}
	if (series) {
		add_heading(mv, _("Carried over"), mv->carried.n);
		if (mv->carried.n == 0)
			add_line(mv, _("Nothing is open from earlier meetings "
				       "of the series."), UI_R_DIM, 1);
		for (int i = 0; i < mv->carried.n; i++)
			add_followup_line(v, mv->carried.recs[i], true);
	}
}

static int nsteps(const struct meeting_view *mv)
{
	return (mv->carried.n > 0) + 1 + mv->items.n;
}

static int step_no(const struct meeting_view *mv)
{
	int first = mv->carried.n > 0;

	switch (mv->step) {
	case STEP_CARRIED:
		return 0;
	case STEP_PEOPLE:
		return first;
	default:
		return first + 1 + mv->item_index;
	}
}

/* The principle names of a tags value: "Tillit, Kvalitet". */
static void tag_names(const struct meeting_view *mv, const char *tags,
		      char *buf, size_t size)
{
	char *copy = strdup(tags ? tags : ""), *save = NULL;

	buf[0] = '\0';
	if (!copy)
		return;
	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		const char *name = t;
		for (int i = 0; i < mv->principles.n; i++)
			if (!strcmp(tl_record_str(mv->principles.recs[i],
						  TL_PRINCIPLE_KEY), t))
				name = tl_record_str(mv->principles.recs[i],
						     TL_PRINCIPLE_NAME);
		if (buf[0])
			cat(buf, size, ", ");
		cat(buf, size, name);
	}
	free(copy);
}

static void build_item(struct view *v, const struct tl_record *it, int cols)
{
	struct meeting_view *mv = v->data;
	const char *q = tl_record_get(it, TL_ITEM_QUESTION);
	const char *d = tl_record_get(it, TL_ITEM_DECIDED_BY);
	const char *cref = tl_record_get(it, TL_ITEM_CASE_REF);
	char buf[1600], num[32];
	int n;

	item_number(mv, it, num, sizeof(num));
	snprintf(buf, sizeof(buf), "%s  %s", num,
		 tl_record_str(it, TL_ITEM_TITLE));
	add_wrapped(mv, buf, UI_R_SECTION, 0, cols - 3);
	snprintf(buf, sizeof(buf), _("Kind: %s    Question: %s    Decided by: "
				     "%s"),
		 label(tl_record_str(it, TL_ITEM_KIND)), q ? label(q) : "-",
		 d ? label(d) : "-");
	add_line(mv, buf, UI_R_NORMAL, 0);
	{
		char tags[600];
		tag_names(mv, tl_record_get(it, TL_ITEM_TAGS), tags,
			  sizeof(tags));
		snprintf(buf, sizeof(buf), _("Principles: %s"),
			 tags[0] ? tags : "-");
	}
	add_line(mv, buf, UI_R_NORMAL, 0);
	if (cref) {
		snprintf(buf, sizeof(buf), _("Case: %s"), cref);
		add_line(mv, buf, UI_R_NORMAL, 0);
	}
	if (item_grey(mv, it))
		add_wrapped(mv, _("GREY ZONE: politics is deciding a how "
				  "question. Politics owns the what; the "
				  "administration owns the how."),
			    UI_R_WARN, 0, cols - 3);

	add_heading(mv, _("Notes"), -1);
	if (tl_record_get(it, TL_ITEM_NOTES))
		add_wrapped(mv, tl_record_get(it, TL_ITEM_NOTES), UI_R_NORMAL,
			    1, cols - 5);
	else
		add_line(mv, _("None yet; press N to write them."), UI_R_DIM,
			 1);
	add_heading(mv, _("Decision"), -1);
	if (tl_record_get(it, TL_ITEM_DECISION))
		add_wrapped(mv, tl_record_get(it, TL_ITEM_DECISION),
			    UI_R_NORMAL, 1, cols - 5);
	else
		add_line(mv, _("None yet; press D to write it, or E for "
			       "$EDITOR."), UI_R_DIM, 1);

	n = 0;
	for (int i = 0; i < mv->mandates.n; i++)
		n += streq(tl_record_get(mv->mandates.recs[i], TL_MANDATE_ITEM),
			   it->id);
	add_heading(mv, _("Mandates on this item"), n);
	for (int i = 0; i < mv->mandates.n; i++)
		if (streq(tl_record_get(mv->mandates.recs[i], TL_MANDATE_ITEM),
			  it->id))
			add_mandate_line(v, mv->mandates.recs[i]);
	n = 0;
	for (int i = 0; i < mv->frames.n; i++)
		n += streq(tl_record_get(mv->frames.recs[i], TL_FRAME_ITEM),
			   it->id);
	add_heading(mv, _("Frames on this item"), n);
	for (int i = 0; i < mv->frames.n; i++)
		if (streq(tl_record_get(mv->frames.recs[i], TL_FRAME_ITEM),
			  it->id))
			add_frame_line(v, mv->frames.recs[i]);
	n = 0;
	for (int i = 0; i < mv->followups.n; i++)
		n += streq(tl_record_get(mv->followups.recs[i],
					 TL_FOLLOWUP_ITEM), it->id);
	add_heading(mv, _("Follow-ups on this item"), n);
	for (int i = 0; i < mv->followups.n; i++)
		if (streq(tl_record_get(mv->followups.recs[i],
					TL_FOLLOWUP_ITEM), it->id))
			add_followup_line(v, mv->followups.recs[i], false);
}

static void build_run(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *it = NULL;
	char buf[1600], what[800];

	if (mv->step == STEP_ITEM)
		it = find_in(&mv->items, mv->item);
	if (mv->step == STEP_CARRIED)
		snprintf(what, sizeof(what), "%s",
			 _("Carried over from earlier meetings"));
	else if (!it)
		snprintf(what, sizeof(what), "%s", _("Attendance"));
	else {
		char num[32];
		item_number(mv, it, num, sizeof(num));
		snprintf(what, sizeof(what), "%s %s", num,
			 tl_record_str(it, TL_ITEM_TITLE));
	}
	snprintf(buf, sizeof(buf), _("Step %d of %d: %s"), step_no(mv) + 1,
		 nsteps(mv), what);
	add_status_badge(mv, add_line(mv, buf, UI_R_HEADER, 0));
	mv->nfixed = 1;
	add_line(mv, "", UI_R_NORMAL, 0);

	if (mv->step == STEP_CARRIED) {
		add_line(mv, _("Carried over from earlier meetings"),
			 UI_R_SECTION, 0);
		add_wrapped(mv, _("Open follow-ups from the series. c carries "
				  "the selected one on to a new due date, d "
				  "closes it with its outcome, n goes on."),
			    UI_R_DIM, 0, cols - 3);
		for (int i = 0; i < mv->carried.n; i++)
			add_followup_line(v, mv->carried.recs[i], true);
	} else if (!it) {
		add_line(mv, _("Attendance"), UI_R_SECTION, 0);
		add_wrapped(mv, _("Select a person and press t to change their "
				  "attendance; n goes on to the agenda."),
			    UI_R_DIM, 0, cols - 3);
		if (mv->parts.n == 0)
			add_line(mv, _("No participants yet; press a to add "
				       "one."), UI_R_DIM, 1);
		for (int i = 0; i < mv->parts.n; i++)
			add_participant(v, mv->parts.recs[i], cols);
		if (mv->items.n == 0) {
			add_blank(mv);
			add_line(mv, _("The agenda is empty; press i to add an "
				       "item."), UI_R_DIM, 0);
		}
	} else {
		build_item(v, it, cols);
	}
}

static void build(struct view *v, int cols)
{
	struct meeting_view *mv = v->data;

	lines_clear(mv);
	if (!mv->m)
		return;
	if (mv->run)
		build_run(v, cols);
	else
		build_detail(v, cols);
}

/* ---- view ops ---------------------------------------------------------- */

static void meeting_close(struct view *v)
{
	struct meeting_view *mv = v->data;

	if (!mv)
		return;
	pages_done(mv);
	lines_clear(mv);
	free(mv->lines);
	free(mv);
	v->data = NULL;
}

static bool meeting_open(struct view *v, const void *arg)
{
	const char *id = arg;
	struct meeting_view *mv;
	struct tl_error err = {0};

	if (!id || strlen(id) > TL_ID_LEN) {
		tl_error_set(&err, TL_ENOTFOUND, "%s", _("No such meeting."));
		ui_error(v->app, &err);
		return false;
	}
	mv = calloc(1, sizeof(*mv));
	if (!mv)
		return false;
	v->data = mv;
	snprintf(mv->id, sizeof(mv->id), "%s", id);
	mv->sel_kind = TL_K_NONE;
	mv->step = STEP_PEOPLE;
	if (load(v, &err) != TL_OK) {
		ui_error(v->app, &err);
		return false;
	}
	return true;
}

static void meeting_reload(struct view *v)
{
	struct tl_error err = {0};

	if (load(v, &err) != TL_OK)
		ui_error(v->app, &err);
}

static void meeting_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct meeting_view *mv = v->data;
	int cur;

	build(v, cols);
	mv->rows = rows - mv->nfixed;
	if (mv->rows < 1)
		mv->rows = 1;
	if (mv->autosel) {
		mv->autosel = false;
		for (int i = mv->nfixed; i < mv->n; i++)
			if (mv->lines[i].kind != TL_K_NONE) {
				select_line(mv, i);
				break;
			}
	}
	if (mv->top > mv->n - mv->rows)
		mv->top = mv->n - mv->rows;
	if (mv->top < mv->nfixed)
		mv->top = mv->nfixed;
	cur = sel_index(mv);
	if (cur < 0 && mv->sel[0]) {
		/* Its record went (done, closed): select its neighbour. */
		int i = mv->sel_pos < mv->n ? mv->sel_pos : mv->n - 1;
		while (i >= mv->nfixed && mv->lines[i].kind == TL_K_NONE)
			i--;
		select_line(mv, i >= mv->nfixed ? i : -1);
		cur = sel_index(mv);
	}
	if (cur >= 0)
		mv->sel_pos = cur;
	for (int y = 0; y < rows; y++) {
		int i = y < mv->nfixed ? y : mv->top + y - mv->nfixed;
		const struct mline *l;
		bool sel;
		int x, bw = 0, width;

		if (i >= mv->n)
			break;
		l = &mv->lines[i];
		sel = i == cur;
		x = 1 + l->indent * 2;
		/* The mark shows the selection without colour, and in dumps. */
		if (sel) {
			ui_fill(w, y, 0, UI_R_SELECTED, 0);
			ui_put(w, y, 0, 1, ">", UI_R_SELECTED, A_BOLD);
		}
		if (l->badge) {
			bw = (int)tl_text_width(l->badge);
			if (bw > cols / 3)
				bw = cols / 3;
			ui_put_right(w, y, cols - bw - 1, bw, l->badge,
				     sel ? UI_R_SELECTED : l->badge_role,
				     A_BOLD);
			bw += 2;
		}
		width = cols - x - 1 - bw;
		if (width > 0)
			ui_put(w, y, x, width, l->text,
			       sel ? UI_R_SELECTED : l->role, 0);
	}
}

/* ---- moving ------------------------------------------------------------ */

static bool on_screen(const struct meeting_view *mv, int i)
{
	return i >= mv->top && i < mv->top + mv->rows;
}

static void move_sel(struct meeting_view *mv, int dir)
{
	int cur = sel_index(mv);
	int i, last = mv->top + mv->rows; /* one line past the screen */

	if (cur >= 0 && !on_screen(mv, cur))
		cur = -1;
	if (dir > 0) {
		for (i = cur >= 0 ? cur + 1 : mv->top; i < mv->n && i <= last;
		     i++)
			if (mv->lines[i].kind != TL_K_NONE)
				break;
		if (i < mv->n && i <= last) {
			select_line(mv, i);
			if (i >= mv->top + mv->rows)
				mv->top = i - mv->rows + 1;
		} else if (mv->top + mv->rows < mv->n) {
			mv->top++;
		}
		return;
	}
	for (i = cur >= 0 ? cur - 1 : last - 1; i >= mv->nfixed &&
	     i >= mv->top - 1; i--)
		if (mv->lines[i].kind != TL_K_NONE)
			break;
	if (i >= mv->nfixed && i >= mv->top - 1) {
		select_line(mv, i);
		if (i < mv->top)
			mv->top = i;
		/* Show the heading above the first line of a section. */
		if (i == mv->top && i - 1 >= mv->nfixed &&
		    mv->lines[i - 1].kind == TL_K_NONE)
			mv->top = i - 1;
	} else if (mv->top > mv->nfixed) {
		mv->top--;
	}
}

/* After paging: keep the selection if it is still on screen. */
static void sel_on_screen(struct meeting_view *mv, bool last)
{
	int cur = sel_index(mv);

	if (cur >= 0 && on_screen(mv, cur))
		return;
	select_line(mv, -1);
	if (last) {
		for (int i = mv->top + mv->rows - 1; i >= mv->top; i--)
			if (i < mv->n && mv->lines[i].kind != TL_K_NONE) {
				select_line(mv, i);
				return;
			}
	} else {
		for (int i = mv->top; i < mv->top + mv->rows && i < mv->n; i++)
			if (mv->lines[i].kind != TL_K_NONE) {
				select_line(mv, i);
				return;
			}
	}
}

static void clamp_top(struct meeting_view *mv)
{
	if (mv->top > mv->n - mv->rows)
		mv->top = mv->n - mv->rows;
	if (mv->top < mv->nfixed)
		mv->top = mv->nfixed;
}

/* Goes to a step of the run; the screen starts at its top. */
static void go_step(struct meeting_view *mv, enum step step, int item)
{
	mv->step = step;
	if (step == STEP_ITEM) {
		mv->item_index = item;
		memcpy(mv->item, mv->items.recs[item]->id, sizeof(mv->item));
	}
	mv->top = 0;
	select_line(mv, -1);
	mv->autosel = step != STEP_ITEM;
}

static void step_by(struct view *v, int dir)
{
	struct meeting_view *mv = v->data;
	int s = step_no(mv) + dir, first = mv->carried.n > 0;

	if (s < 0) {
		ui_status(v->app, "%s", _("This is the first step."));
		return;
	}
	if (s >= nsteps(mv)) {
		ui_status(v->app, "%s", _("That was the last item. Press i to "
					  "add one, or H to finish the "
					  "meeting."));
		return;
	}
	if (first && s == 0)
		go_step(mv, STEP_CARRIED, 0);
	else if (s == first)
		go_step(mv, STEP_PEOPLE, 0);
	else
		go_step(mv, STEP_ITEM, s - first - 1);
}

/* ---- changes ------------------------------------------------------------ */

/* Reads the record afresh, sets one field and saves it. */
static enum tl_status set_field(struct view *v, enum tl_kind kind,
				const char *id, int field, const char *value,
				struct tl_error *err)
{
	struct tl_record *r = NULL;
	enum tl_status rc;

	rc = tl_store_get(ui_store(v->app), kind, id, &r, err);
	if (rc == TL_OK) {
		if (!tl_record_set(r, field, value))
			rc = tl_error_set(err, TL_ESYS, "%s",
					  _("Out of memory."));
		else
			rc = tl_store_update(ui_store(v->app), r, err);
	}
	tl_record_free(r);
	return rc;
}

static bool need_item(struct view *v, char id[TL_ID_LEN + 1])
{
	struct meeting_view *mv = v->data;
	const struct tl_record *it = current_item(mv);

	if (!it) {
		ui_status(v->app, "%s", mv->run
			  ? _("Go to an agenda item first (n), or add one "
			      "with i.")
			  : _("Select an agenda item first (j/k)."));
		return false;
	}
	memcpy(id, it->id, TL_ID_LEN + 1);
	return true;
}

/* N, D and E: the notes or the decision, in a prompt or in $EDITOR. */
static void edit_text(struct view *v, int field, bool editor)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1];
	char *old, *text;

	if (locked(v) || !need_item(v, id))
		return;
	old = strdup(tl_record_str(find_in(&mv->items, id), field));
	if (!old)
		return;
	if (!editor && (strchr(old, '\n') || strlen(old) > MT_PROMPT_MAX))
		editor = true;
	if (editor)
		text = ui_edit_external(v->app, old);
	else
		text = ui_prompt(v->app, field == TL_ITEM_NOTES ? _("Notes:")
				 : _("Decision:"), old);
	if (text && strcmp(text, old)) {
		if (set_field(v, TL_K_ITEM, id, field, text, &err) == TL_OK) {
			ui_changed(v->app);
			ui_status(v->app, "%s", field == TL_ITEM_NOTES
				  ? _("Notes saved.") : _("Decision saved."));
		} else {
			ui_error(v->app, &err);
		}
	}
	free(text);
	free(old);
}

/* K, w and b: the next value of an item's kind, question or decider. */
static void cycle_item(struct view *v, int field)
{
	struct meeting_view *mv = v->data;
	const struct tl_entity *e = tl_entity_get(TL_K_ITEM);
	const struct tl_record *it;
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], q[32] = "", d[32] = "", kind[32];
	const char *next;
	bool grey;

	if (locked(v) || !need_item(v, id))
		return;
	it = find_in(&mv->items, id);
	next = next_choice(&e->fields[field], tl_record_get(it, field));
	if (!next)
		return;
	snprintf(q, sizeof(q), "%s", field == TL_ITEM_QUESTION ? next
		 : tl_record_str(it, TL_ITEM_QUESTION));
	snprintf(d, sizeof(d), "%s", field == TL_ITEM_DECIDED_BY ? next
		 : tl_record_str(it, TL_ITEM_DECIDED_BY));
	snprintf(kind, sizeof(kind), "%s", mkind(mv));
	grey = tl_rules_grey_zone(kind, q, d);
	if (set_field(v, TL_K_ITEM, id, field, next, &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	ui_changed(v->app);
	if (grey)
		ui_status(v->app, "%s", _("Grey zone: politics is deciding a "
					  "how question. A warning, not a "
					  "block."));
	else
		ui_status(v->app, "%s: %s.", _(e->fields[field].label),
			  label(next));
}

/* P: the principles, as their keys. */
static void edit_tags(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], question[600], keys[400] = "";
	char *old, *text, *o;

	if (locked(v) || !need_item(v, id))
		return;
	for (int i = 0; i < mv->principles.n; i++) {
		if (keys[0])
			cat(keys, sizeof(keys), ", ");
		cat(keys, sizeof(keys), tl_record_str(mv->principles.recs[i],
						      TL_PRINCIPLE_KEY));
	}
	snprintf(question, sizeof(question), _("Principles (%s):"), keys);
	old = strdup(tl_record_str(find_in(&mv->items, id), TL_ITEM_TAGS));
	if (!old)
		return;
	text = ui_prompt(v->app, question, old);
	if (text) {
		/* "tillit, kvalitet" is what people type. */
		o = text;
		for (const char *p = text; *p; p++)
			if (*p != ' ')
				*o++ = *p;
		*o = '\0';
	}
	if (text && strcmp(text, old)) {
		if (set_field(v, TL_K_ITEM, id, TL_ITEM_TAGS, text, &err)
		    == TL_OK) {
			ui_changed(v->app);
			ui_status(v->app, "%s", _("Principles saved."));
		} else {
			ui_error(v->app, &err);
		}
	}
	free(text);
	free(old);
}

/* i: a new item at the end of the agenda (the store gives its number). */
static void add_item(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	struct tl_record *r;
	char *title, num[32];
	bool committee = is_committee(mv);

	if (locked(v))
		return;
	title = ui_prompt(v->app, _("Title of the new agenda item:"), NULL);
	if (!title || !*title) {
		free(title);
		return;
	}
	r = tl_record_new(TL_K_ITEM);
	if (!r || !tl_record_set(r, TL_ITEM_MEETING, mv->id) ||
	    !tl_record_set(r, TL_ITEM_TITLE, title)) {
		tl_record_free(r);
		free(title);
		return;
	}
	free(title);
	if (tl_store_insert(ui_store(v->app), r, &err) != TL_OK) {
		ui_error(v->app, &err);
		tl_record_free(r);
		return;
	}
	snprintf(num, sizeof(num), committee ? "§ %s" : "%s",
		 tl_record_str(r, TL_ITEM_NUMBER));
	if (mv->run) {
		mv->step = STEP_ITEM;
		memcpy(mv->item, r->id, sizeof(mv->item));
		mv->item_index = mv->items.n;
		mv->top = 0;
		select_line(mv, -1);
	} else {
		mv->sel_kind = TL_K_ITEM;
		memcpy(mv->sel, r->id, sizeof(mv->sel));
	}
	tl_record_free(r);
	ui_changed(v->app);
	ui_status(v->app, _("Added item %s."), num);
}

/* m, F and u: a form for a record on this item, filled from context. */
static void record_on_item(struct view *v, enum tl_kind kind)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *it = current_item(mv);
	bool one = !strcmp(mkind(mv), "one_to_one");
	const char *emp = one ? person_in_role(mv, "employee") : NULL;
	const char *mgr = one ? person_in_role(mv, "manager") : NULL;
	const char *unit = tl_record_get(mv->m, TL_MEETING_UNIT);
	struct tl_record *p;

	if (locked(v))
		return;
	p = tl_record_new(kind);
	if (!p)
		return;
	switch (kind) {
	case TL_K_MANDATE:
		tl_record_set(p, TL_MANDATE_MEETING, mv->id);
		tl_record_set(p, TL_MANDATE_ITEM, it ? it->id : NULL);
		tl_record_set(p, TL_MANDATE_GIVEN_BY_UNIT, unit);
		tl_record_set(p, TL_MANDATE_GIVEN_BY_PERSON, mgr);
		tl_record_set(p, TL_MANDATE_GIVEN_TO, emp);
		tl_record_set(p, TL_MANDATE_CASE_REF,
			      tl_record_get(it, TL_ITEM_CASE_REF));
		break;
	case TL_K_FRAME:
		tl_record_set(p, TL_FRAME_MEETING, mv->id);
		tl_record_set(p, TL_FRAME_ITEM, it ? it->id : NULL);
		tl_record_set(p, TL_FRAME_HOLDER_PERSON, emp);
		break;
	default:
		tl_record_set(p, TL_FOLLOWUP_MEETING, mv->id);
		tl_record_set(p, TL_FOLLOWUP_ITEM, it ? it->id : NULL);
		tl_record_set(p, TL_FOLLOWUP_OWNER, emp);
		break;
	}
	ui_record_action(v->app, kind, NULL, p, UI_A_NEW);
	tl_record_free(p);
}

/* t: the selected participant's attendance, one value on. */
static void attendance(struct view *v)
{
	struct meeting_view *mv = v->data;
	const struct tl_entity *e = tl_entity_get(TL_K_PARTICIPANT);
	const struct tl_record *p = selected(mv, TL_K_PARTICIPANT);
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], name[200];
	const char *next;

	if (locked(v))
		return;
	if (!p) {
		if (mv->run && mv->step != STEP_PEOPLE) {
			go_step(mv, STEP_PEOPLE, 0);
			ui_status(v->app, "%s", _("Select a person and press t "
						  "again."));
		} else {
			ui_status(v->app, "%s", _("Select a participant "
						  "(j/k) first, then press "
						  "t."));
		}
		return;
	}
	memcpy(id, p->id, sizeof(id));
	snprintf(name, sizeof(name), "%s",
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON,
			       tl_record_str(p, TL_PART_PERSON)));
	next = next_choice(&e->fields[TL_PART_ATTENDANCE],
			   tl_record_get(p, TL_PART_ATTENDANCE) ?
			   tl_record_get(p, TL_PART_ATTENDANCE) : "unknown");
	if (set_field(v, TL_K_PARTICIPANT, id, TL_PART_ATTENDANCE, next, &err)
	    != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	ui_changed(v->app);
	ui_status(v->app, "%s: %s.", name, label(next));
}

/* c: a follow-up carried on to a new due date. */
static void carry_on(struct view *v)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *f = selected(mv, TL_K_FOLLOWUP);
	struct tl_error err = {0};
	char id[TL_ID_LEN + 1], due[TL_DATE_SIZE];
	char *text;

	if (!f) {
		ui_status(v->app, "%s", _("Select a follow-up first."));
		return;
	}
	if (streq(tl_record_get(f, TL_FOLLOWUP_MEETING), mv->id) &&
	    locked(v))
		return;
	memcpy(id, f->id, sizeof(id));
	text = ui_prompt(v->app, _("New due date (2026-12-01, +14d, "
				   "tomorrow):"), NULL);
	if (!text || !*text) {
		free(text);
		return;
	}
	if (tl_date_parse(text, NULL, due, &err) != TL_OK ||
	    set_field(v, TL_K_FOLLOWUP, id, TL_FOLLOWUP_DUE, due, &err)
	    != TL_OK) {
		ui_error(v->app, &err);
	} else {
		ui_changed(v->app);
		ui_status(v->app, _("Carried on; now due %s."), due);
	}
	free(text);
}

/* H: the meeting is held. */
static void finish(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	if (locked(v))
		return;
	if (!strcmp(tl_record_str(mv->m, TL_MEETING_STATUS), "held")) {
		mv->run = false;
		mv->top = 0;
		ui_changed(v->app);
		ui_status(v->app, "%s", _("The meeting is already held."));
		return;
	}
	if (!ui_confirm(v->app, _("Finish the meeting and mark it held?")))
		return;
	if (tl_store_close_record(ui_store(v->app), TL_K_MEETING, mv->id,
				  &err) != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	mv->run = false;
	mv->top = 0;
	select_line(mv, -1);
	ui_changed(v->app);
	ui_status(v->app, "%s", _("The meeting is finished and held."));
}

/* r: into the run; a planned meeting opens. */
static void run(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	bool planned = !strcmp(tl_record_str(mv->m, TL_MEETING_STATUS),
			       "planned");

	mv->run = true;
	go_step(mv, mv->carried.n > 0 ? STEP_CARRIED : STEP_PEOPLE, 0);
	if (planned) {
		if (set_field(v, TL_K_MEETING, mv->id, TL_MEETING_STATUS,
			      "open", &err) != TL_OK) {
			ui_error(v->app, &err);
			meeting_reload(v);
			return;
		}
		ui_changed(v->app);
		ui_status(v->app, "%s", _("The meeting is open."));
		return;
	}
	meeting_reload(v); /* the title says we are running */
	if (is_signed(mv))
		ui_status(v->app, "%s", _("This meeting is signed and "
					  "locked."));
}

/* Enter, and the record actions, on the selected line. */
static enum ui_result on_selected(struct view *v, enum ui_action a)
{
	struct meeting_view *mv = v->data;
	const struct tl_record *r = selected_any(mv);
	struct tl_record *copy;
	enum ui_result res;
	int cur = sel_index(mv);

	if (a == UI_A_OPEN) {
		if (!r || !on_screen(mv, cur))
			return UI_DONE;
		if (r->e->kind == TL_K_PARTICIPANT)
			ui_open_record(v->app, TL_K_PERSON,
				       tl_record_str(r, TL_PART_PERSON));
		else
			ui_open_record(v->app, r->e->kind, r->id);
		return UI_DONE;
	}
	if (!r) {
		if (a != UI_A_EDIT)
			return UI_PASS;
		if (locked(v))
			return UI_DONE;
		r = mv->m; /* e with nothing selected edits the meeting */
	}
	/* Records of another meeting (carried over) are not locked here. */
	if ((a == UI_A_EDIT || a == UI_A_CLOSE || a == UI_A_DONE ||
	     a == UI_A_REASSIGN) && r != mv->m &&
	    !find_in(&mv->carried, r->id) && locked(v))
		return UI_DONE;
	copy = tl_record_dup(r);
	if (!copy)
		return UI_DONE;
	res = ui_record_action(v->app, copy->e->kind, copy, NULL, a);
	tl_record_free(copy);
	return res;
}

/* S: the user (or someone picked) signs; the last signature locks. */
static void sign(struct view *v)
{
	struct meeting_view *mv = v->data;
	struct tl_error err = {0};
	char who[TL_ID_LEN + 1], q[300];
	bool complete = false;
	const char *me = ui_me(v->app);
	enum tl_status rc;

	if (locked(v))
		return;
	if (strcmp(tl_record_str(mv->m, TL_MEETING_STATUS), "held")) {
		ui_status(v->app, "%s", _("Finish the meeting (H) before it "
					  "is signed."));
		return;
	}
	if (me)
		snprintf(who, sizeof(who), "%s", me);
	else if (!ui_pick(v->app, TL_K_PERSON, _("Who signs?"), who))
		return;
	snprintf(q, sizeof(q), _("Sign the minutes as %s?"),
		 tl_refs_title(ui_refs(v->app), TL_K_PERSON, who));
	if (!ui_confirm(v->app, q))
		return;
	rc = tl_sign_meeting(ui_store(v->app), mv->id, who, &complete, &err);
	if (rc != TL_OK) {
		ui_error(v->app, &err);
		return;
	}
	ui_changed(v->app);
	ui_status(v->app, "%s", complete
		  ? _("Signed. Every signature is in: the meeting is now "
		      "signed and locked.")
		  : _("Signed. The minutes wait for the other signatures."));
}

static enum ui_result meeting_handle(struct view *v, enum ui_action a,
				     int key)
{
	struct meeting_view *mv = v->data;
	int page = mv->rows > 1 ? mv->rows - 1 : 1;

	(void)key;
	if (!mv->m)
		return UI_PASS;
	switch (a) {
	case UI_A_DOWN:
	case UI_A_UP:
		move_sel(mv, a == UI_A_DOWN ? 1 : -1);
		return UI_DONE;
	case UI_A_PAGE_DOWN:
	case UI_A_PAGE_UP:
		mv->top += a == UI_A_PAGE_DOWN ? page : -page;
		clamp_top(mv);
		sel_on_screen(mv, a == UI_A_PAGE_UP);
		return UI_DONE;
	case UI_A_TOP:
		mv->top = mv->nfixed;
		select_line(mv, -1);
		sel_on_screen(mv, false);
		return UI_DONE;
	case UI_A_BOTTOM:
		mv->top = mv->n - mv->rows;
		clamp_top(mv);
		select_line(mv, -1);
		sel_on_screen(mv, true);
		return UI_DONE;
	case UI_A_BACK:
		if (!mv->run)
			return UI_PASS;
		mv->run = false;
		mv->top = 0;
		select_line(mv, -1);
		meeting_reload(v);
		return UI_DONE;
	case UI_A_RUN:
		if (mv->run)
			return UI_DONE;
		run(v);
		return UI_DONE;
	case UI_A_NEXT_ITEM:
	case UI_A_PREV_ITEM:
		if (!mv->run) {
			ui_status(v->app, "%s", _("Press r to run the meeting "
						  "item by item."));
			return UI_DONE;
		}
		step_by(v, a == UI_A_NEXT_ITEM ? 1 : -1);
		return UI_DONE;
	case UI_A_NOTES:
		edit_text(v, TL_ITEM_NOTES, false);
		return UI_DONE;
	case UI_A_DECISION:
		edit_text(v, TL_ITEM_DECISION, false);
		return UI_DONE;
	case UI_A_EDITOR:
		edit_text(v, TL_ITEM_DECISION, true);
		return UI_DONE;
	case UI_A_ITEM_KIND:
		cycle_item(v, TL_ITEM_KIND);
		return UI_DONE;
	case UI_A_QUESTION:
		cycle_item(v, TL_ITEM_QUESTION);
		return UI_DONE;
	case UI_A_DECIDED_BY:
		cycle_item(v, TL_ITEM_DECIDED_BY);
		return UI_DONE;
	case UI_A_TAGS:
		edit_tags(v);
		return UI_DONE;
	case UI_A_ADD_ITEM:
		add_item(v);
		return UI_DONE;
	case UI_A_ADD_MANDATE:
		record_on_item(v, TL_K_MANDATE);
		return UI_DONE;
	case UI_A_ADD_FRAME:
		record_on_item(v, TL_K_FRAME);
		return UI_DONE;
	case UI_A_ADD_FOLLOWUP:
		record_on_item(v, TL_K_FOLLOWUP);
		return UI_DONE;
	case UI_A_ATTENDANCE:
		attendance(v);
		return UI_DONE;
	case UI_A_CARRY_ON:
		carry_on(v);
		return UI_DONE;
	case UI_A_FINISH:
		finish(v);
		return UI_DONE;
	case UI_A_SIGN:
		sign(v);
		return UI_DONE;
	case UI_A_MINUTES:
		ui_push(v->app, &ui_view_minutes, mv->id);
		return UI_DONE;
	case UI_A_EXPORT:
		ui_export_meeting(v->app, mv->id);
		return UI_DONE;
	case UI_A_NEW: {
		/* a: a participant, chosen in the form. */
		struct tl_record *p;
		if (locked(v))
			return UI_DONE;
		p = tl_record_new(TL_K_PARTICIPANT);
		if (!p)
			return UI_DONE;
		tl_record_set(p, TL_PART_MEETING, mv->id);
		ui_record_action(v->app, TL_K_PARTICIPANT, NULL, p, UI_A_NEW);
		tl_record_free(p);
		return UI_DONE;
	}
	case UI_A_DONE:
		if (!selected(mv, TL_K_FOLLOWUP)) {
			ui_status(v->app, "%s", _("Select a follow-up first."));
			return UI_DONE;
		}
		return on_selected(v, a);
	case UI_A_OPEN:
	case UI_A_EDIT:
	case UI_A_CLOSE:
	case UI_A_REASSIGN:
	case UI_A_ACK:
	case UI_A_VERSIONS:
	case UI_A_LOG_DECISION:
		return on_selected(v, a);
	default:
		return UI_PASS;
	}
}

const struct view_ops ui_view_meeting = {
	.name = "meeting",
	.title = N_("Meeting"),
	.open = meeting_open,
	.draw = meeting_draw,
	.handle = meeting_handle,
	.reload = meeting_reload,
	.close = meeting_close,
	.actions = meeting_actions,
};
