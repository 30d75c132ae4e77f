/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * notice.c - the notice of a committee's justering, and the Atom feed of
 * notices (notice.h).
 */
#include "tillit/export/notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/clocks.h"
#include "tillit/core/i18n.h"
#include "tillit/core/meeting.h"
#include "tillit/core/text.h"
#include "tillit/export/doc.h"
#include "tillit/read/present.h"
#include "tillit/store/clocks.h"
#include "tillit/store/paragraph.h"

/* What a notice says, read once for either form. */
struct notice {
	struct tl_record *meeting, *notice;
	struct tl_record *item;  /* the § justered immediately it announces
				    alone, or NULL for the protokoll */
	struct tl_clocks c;
	char range[64];          /* "§§ 12–18", "§ 2", or "" without items */
};

static void notice_done(struct notice *n)
{
	tl_record_free(n->meeting);
	tl_record_free(n->notice);
	tl_record_free(n->item);
	memset(n, 0, sizeof(*n));
}

/* The §§ of the meeting (core/meeting.h). */
static enum tl_status paragraph_range(struct tl_store *st, const char *id,
				      char *buf, size_t size,
				      struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_ITEM, .parent = id, .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	tl_meeting_paragraph_range(page.recs, rc == TL_OK ? page.n : 0, buf,
				   size);
	tl_page_done(&page);
	return rc;
}

/* The notice of the § n->item justered immediately: its clocks, and its
 * notice's id into nid ("" when it has none). */
static enum tl_status paragraph_notice(struct tl_store *st, struct notice *n,
				       char nid[TL_ID_LEN + 1],
				       struct tl_error *err)
{
	const char *no = tl_record_str(n->item, TL_ITEM_NUMBER);
	bool applies = false;
	enum tl_status rc = tl_store_paragraph_clocks(st, n->item, &n->c,
						      &applies, nid, err);

	if (rc == TL_OK && !applies)
		return tl_error_set(err, TL_ENOTFOUND, _("§ %s of %s is not "
				    "justered immediately, so it has no "
				    "notice of its own."), no,
				    tl_record_str(n->meeting,
						  TL_MEETING_TITLE));
	if (rc == TL_OK && !nid[0])
		return tl_error_set(err, TL_ENOTFOUND, _("The immediate "
				    "justering of § %s of %s has no notice "
				    "yet; post it with 'tillit notice add "
				    "--meeting %.8s --item %.8s --posted-on "
				    "DATE'."), no,
				    tl_record_str(n->meeting,
						  TL_MEETING_TITLE),
				    n->meeting->id, n->item->id);
	snprintf(n->range, sizeof(n->range), "§ %s", no);
	return rc;
}

/*
 * The notice of meeting_id's justering into n: of its protokoll, or,
 * with `number` (> 0) or `item_id` (not NULL), of that § alone, justered
 * immediately.  TL_ENOTFOUND, with one sentence, when there is none.
 */
static enum tl_status notice_read(struct tl_store *st, const char *meeting_id,
				  long number, const char *item_id,
				  struct notice *n, struct tl_error *err)
{
	char nid[TL_ID_LEN + 1] = "";
	bool applies = false;
	enum tl_status rc;

	memset(n, 0, sizeof(*n));
	rc = tl_store_get(st, TL_K_MEETING, meeting_id, &n->meeting, err);
	if (rc == TL_OK && item_id)
		rc = tl_store_get(st, TL_K_ITEM, item_id, &n->item, err);
	else if (rc == TL_OK && number > 0)
		rc = tl_store_paragraph_numbered(st, meeting_id,
						 tl_record_str(n->meeting,
							       TL_MEETING_TITLE),
						 number, &n->item, err);
	if (rc == TL_OK && n->item) {
		rc = paragraph_notice(st, n, nid, err);
		if (rc == TL_OK)
			rc = tl_store_get(st, TL_K_NOTICE, nid, &n->notice,
					  err);
		return rc;
	}
	if (rc == TL_OK)
		rc = tl_store_clocks(st, n->meeting, &n->c, &applies, nid,
				     err);
	if (rc == TL_OK && !nid[0])
		return tl_error_set(err, TL_ENOTFOUND, _("The justering of "
				    "%s has no notice yet; post it with "
				    "'tillit notice add --meeting %.8s "
				    "--posted-on DATE'."),
				    tl_record_str(n->meeting,
						  TL_MEETING_TITLE),
				    n->meeting->id);
	if (rc == TL_OK)
		rc = tl_store_get(st, TL_K_NOTICE, nid, &n->notice, err);
	if (rc == TL_OK)
		rc = paragraph_range(st, meeting_id, n->range,
				     sizeof(n->range), err);
	return rc;
}

/* The sentence that opens the notice, into a new string (caller frees). */
static char *announcement(struct tl_doc *d, struct tl_refs *refs,
			  const struct notice *n)
{
	const char *unit = tl_record_get(n->meeting, TL_MEETING_UNIT);
	const char *who = unit ? tl_refs_title(refs, TL_K_UNIT, unit)
			       : tl_record_str(n->meeting, TL_MEETING_TITLE);

	if (n->item)
		return tl_doc_printf(d, _("§ %s of the protokoll of %s's "
				     "meeting on %s is justered immediately. "
				     "The justering is announced on the "
				     "notice board from %s. An appeal against "
				     "the decision (laglighetsprövning) must "
				     "reach the administrative court no later "
				     "than %s."),
				     tl_record_str(n->item, TL_ITEM_NUMBER),
				     who, n->c.held, n->c.posted,
				     n->c.appeal_ends);
	return tl_doc_printf(d, _("The protokoll of %s's meeting on %s is "
			     "justered. The justering is announced on the "
			     "notice board from %s. An appeal against a "
			     "decision (laglighetsprövning) must reach the "
			     "administrative court no later than %s."),
			     who, n->c.held, n->c.posted, n->c.appeal_ends);
}

/* The notice's title: "Notice of justering: Title" (", § 2" for a §),
 * into a new string (caller frees). */
static char *notice_title(struct tl_doc *d, const struct notice *n)
{
	if (n->item)
		return tl_doc_printf(d, "%s: %s, § %s",
				     _("Notice of justering"),
				     tl_record_str(n->meeting,
						   TL_MEETING_TITLE),
				     tl_record_str(n->item, TL_ITEM_NUMBER));
	return tl_doc_printf(d, "%s: %s", _("Notice of justering"),
			     tl_record_str(n->meeting, TL_MEETING_TITLE));
}

/* What the notice board shows of a notice: when it went up and comes
 * down, the appeal window, where the protokoll is kept, who certifies. */
static void board_fields(struct tl_doc *d, struct tl_refs *refs,
			 const struct notice *n)
{
	const char *by = tl_record_get(n->notice, TL_NOTICE_POSTED_BY);
	const char *removed = tl_record_get(n->notice, TL_NOTICE_REMOVED_ON);
	char *s;

	tl_doc_field(d, _("Posted on"), n->c.posted);
	tl_doc_field(d, _("Last day of appeal"), n->c.appeal_ends);
	s = removed ? NULL : tl_doc_printf(d, _("%s at the earliest"),
					   n->c.stands);
	tl_doc_field(d, _("Taken down on"), removed ? removed : s);
	free(s);
	tl_doc_field(d, _("Protokoll kept at"),
		     tl_record_get(n->notice, TL_NOTICE_KEPT_AT));
	tl_doc_field(d, _("Certified by"),
		     by ? tl_refs_title(refs, TL_K_PERSON, by) : NULL);
}

enum tl_status tl_notice_certificate(struct tl_store *st,
				     struct tl_refs *refs,
				     const char *meeting_id,
				     const char *item_id, struct tl_doc *d,
				     struct tl_error *err)
{
	struct notice n;
	enum tl_status rc = notice_read(st, meeting_id, 0, item_id, &n, err);

	if (rc == TL_ENOTFOUND && n.meeting) {
		/* Not posted yet: the protokoll has no certificate. */
		tl_error_clear(err);
		rc = TL_OK;
	} else if (rc == TL_OK) {
		tl_doc_section(d, _("Notice certificate"));
		tl_doc_para(d, item_id ? _("The immediate justering of the § "
					   "is announced on the notice "
					   "board.")
				       : _("The justering of the protokoll is "
					   "announced on the notice board."));
		board_fields(d, refs, &n);
	}
	notice_done(&n);
	return rc;
}

enum tl_status tl_notice_write_doc(struct tl_store *st,
				   const char *meeting_id, long number,
				   const struct tl_doc_ops *ops, FILE *out,
				   struct tl_error *err)
{
	struct tl_refs refs;
	struct notice n;
	struct tl_doc d;
	enum tl_status rc;
	const char *unit;
	char *s;

	tl_error_clear(err);
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	rc = notice_read(st, meeting_id, number, NULL, &n, err);
	tl_store_read_end(st);
	if (rc != TL_OK) {
		notice_done(&n);
		tl_refs_done(&refs);
		return rc;
	}
	unit = tl_record_get(n.meeting, TL_MEETING_UNIT);
	tl_doc_init(&d, ops, out);
	s = notice_title(&d, &n);
	tl_doc_title(&d, s);
	free(s);
	s = announcement(&d, &refs, &n);
	tl_doc_para(&d, s);
	free(s);
	tl_doc_field(&d, _("Committee"),
		     unit ? tl_refs_title(&refs, TL_K_UNIT, unit) : NULL);
	tl_doc_field(&d, _("Meeting date"), n.c.held);
	tl_doc_field(&d, _("Paragraphs"), n.range[0] ? n.range : NULL);
	tl_doc_field(&d, _("Justered on"), n.c.justered);
	board_fields(&d, &refs, &n);
	tl_doc_end(&d);
	rc = d.oom ? tl_error_set(err, TL_ESYS, _("Out of memory.")) : TL_OK;
	if (rc == TL_OK && ferror(out))
		rc = tl_error_set(err, TL_ESYS, _("Cannot write the notice."));
	tl_doc_done(&d);
	notice_done(&n);
	tl_refs_done(&refs);
	return rc;
}

/* Writes s to f escaped for XML text and attributes, as the screen
 * shows it (control characters made visible). */
static void xml(FILE *f, const char *s)
{
	char *clean = tl_text_sanitize(s ? s : "", true);

	for (const char *p = clean ? clean : ""; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		default: fputc(*p, f);
		}
	}
	free(clean);
}

/* An RFC 3339 time for a date (the start of the day, UTC). */
static void day_time(FILE *f, const char *date)
{
	fprintf(f, "%.10sT00:00:00Z", date ? date : "1970-01-01");
}

static void entry(FILE *out, struct tl_doc *d, struct tl_refs *refs,
		  const struct notice *n)
{
	char *text = announcement(d, refs, n);
	char *title = notice_title(d, n);

	fputs("  <entry>\n    <id>urn:uuid:", out);
	fputs(n->notice->id, out);
	fputs("</id>\n    <title>", out);
	xml(out, title);
	fputs("</title>\n    <published>", out);
	day_time(out, n->c.posted);
	fputs("</published>\n    <updated>", out);
	fputs(n->notice->updated_at, out);
	fputs("</updated>\n    <content type=\"text\">", out);
	xml(out, text);
	fputs("</content>\n  </entry>\n", out);
	free(title);
	free(text);
}

enum tl_status tl_notice_write_atom(struct tl_store *st,
				    const struct tl_query *q0, FILE *out,
				    struct tl_error *err)
{
	struct tl_query q = *q0;
	struct tl_page page = {0};
	struct tl_refs refs;
	struct tl_doc d;
	char now[TL_STAMP_SIZE];
	enum tl_status rc;

	q.kind = TL_K_NOTICE;
	q.limit = 1000;
	q.after = NULL;
	rc = tl_store_read_begin(st, err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	/* The document writer only lends its printf here. */
	tl_doc_init(&d, &tl_doc_txt, out);
	rc = tl_store_list(st, &q, &page, err);
	tl_clock_stamp(now);
	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"", out);
	/* TRANSLATORS: the language code of this translation, for the
	 * feed's xml:lang ("sv"). */
	xml(out, _("en"));
	fputs("\">\n  <id>urn:tillit:notices</id>\n  <title>", out);
	xml(out, _("Notice board"));
	fputs("</title>\n  <updated>", out);
	fputs(page.n > 0 ? page.recs[0]->updated_at : now, out);
	fputs("</updated>\n  <author><name>tillit</name></author>\n", out);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		struct notice n;

		rc = notice_read(st, tl_record_get(page.recs[i],
						   TL_NOTICE_MEETING), 0,
				 tl_record_get(page.recs[i], TL_NOTICE_ITEM),
				 &n, err);
		if (rc == TL_OK)
			entry(out, &d, &refs, &n);
		notice_done(&n);
	}
	fputs("</feed>\n", out);
	tl_page_done(&page);
	tl_store_read_end(st);
	tl_refs_done(&refs);
	tl_doc_done(&d);
	if (rc == TL_OK && ferror(out))
		rc = tl_error_set(err, TL_ESYS, _("Cannot write the feed."));
	return rc;
}
