/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * notice.c - a committee meeting's legal clocks, those of a § justered
 * immediately, and the rules of their notices (store/clocks.h).
 */
#include "tillit/store/clocks.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/paragraph.h"
#include "tillit/store/paragraph.h"
#include "backend.h"
#include "internal.h"
#include "rules.h"

/* The date part of a wall time, into out ("" for NULL). */
static void day_of(const char *s, char out[TL_DATE_SIZE])
{
	snprintf(out, TL_DATE_SIZE, "%.10s", s ? s : "");
}

/* The day the last signer of the signed meeting m signed, into out; ""
 * while m is not signed. */
static enum tl_status justered_on(struct tl_store *st,
				  const struct tl_record *m,
				  char out[TL_DATE_SIZE], struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_SIGNATURE, .parent = m->id,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc;

	out[0] = '\0';
	if (!tl_streq(tl_record_get(m, TL_MEETING_STATUS), "signed"))
		return TL_OK;
	rc = st->ops->list(st, &q, &page, err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const char *at = tl_record_get(page.recs[i],
					       TL_SIGNATURE_SIGNED_AT);
		char d[TL_DATE_SIZE];

		day_of(at, d);
		if (strcmp(d, out) > 0)
			memcpy(out, d, TL_DATE_SIZE);
	}
	tl_page_done(&page);
	return rc;
}

/* The notice of meeting_id that announces item (NULL: its protokoll),
 * other than not_id, into *notice (NULL when it has none). */
static enum tl_status notice_of(struct tl_store *st, const char *meeting_id,
				const char *item, const char *not_id,
				struct tl_record **notice,
				struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_NOTICE, .parent = meeting_id,
			     .limit = 10000};
	struct tl_page page = {0};
	enum tl_status rc;

	*notice = NULL;
	rc = st->ops->list(st, &q, &page, err);
	for (int i = 0; rc == TL_OK && i < page.n && !*notice; i++) {
		struct tl_record *n = page.recs[i];

		if (tl_streq(tl_record_get(n, TL_NOTICE_ITEM), item) &&
		    !tl_streq(n->id, not_id)) {
			*notice = n;
			page.recs[i] = NULL;
		}
	}
	tl_page_done(&page);
	return rc;
}

/* Whether meeting m runs the law's clocks: a committee meeting that was
 * not cancelled. */
static bool runs_clocks(const struct tl_record *m)
{
	return tl_streq(tl_record_get(m, TL_MEETING_KIND), "committee") &&
	       !tl_streq(tl_record_get(m, TL_MEETING_STATUS), "cancelled");
}

enum tl_status tl_store_clocks(struct tl_store *st,
			       const struct tl_record *meeting,
			       struct tl_clocks *c, bool *applies,
			       char *notice_id, struct tl_error *err)
{
	char justered[TL_DATE_SIZE];
	struct tl_record *n = NULL;
	enum tl_status rc;

	memset(c, 0, sizeof(*c));
	*applies = false;
	if (notice_id)
		notice_id[0] = '\0';
	if (!runs_clocks(meeting))
		return TL_OK;
	rc = justered_on(st, meeting, justered, err);
	if (rc == TL_OK)
		rc = notice_of(st, meeting->id, NULL, NULL, &n, err);
	if (rc != TL_OK)
		return rc;
	*applies = tl_clocks_compute(tl_record_get(meeting, TL_MEETING_STARTS),
				     justered,
				     n ? tl_record_get(n, TL_NOTICE_POSTED_ON)
				       : NULL, c);
	if (n && notice_id)
		snprintf(notice_id, TL_ID_LEN + 1, "%s", n->id);
	tl_record_free(n);
	return TL_OK;
}

/* The day the § item_id (of meeting m) was justered immediately, into
 * out; "" while it is not. */
static enum tl_status paragraph_justered_on(struct tl_store *st,
					    const char *item_id,
					    char out[TL_DATE_SIZE],
					    struct tl_error *err)
{
	struct tl_par_justering j;
	char local[TL_DATETIME_SIZE];
	enum tl_status rc = tl_store_paragraph_justering(st, item_id, &j, err);

	out[0] = '\0';
	if (rc == TL_OK && j.complete)
		day_of(tl_stamp_local(j.at, local) ? local : j.at, out);
	return rc;
}

enum tl_status tl_store_paragraph_clocks(struct tl_store *st,
					 const struct tl_record *item,
					 struct tl_clocks *c, bool *applies,
					 char *notice_id,
					 struct tl_error *err)
{
	char justered[TL_DATE_SIZE];
	struct tl_record *m = NULL, *n = NULL;
	enum tl_status rc;

	memset(c, 0, sizeof(*c));
	*applies = false;
	if (notice_id)
		notice_id[0] = '\0';
	rc = st->ops->get(st, TL_K_MEETING, tl_record_get(item, TL_ITEM_MEETING),
			  &m, err);
	if (rc == TL_OK && m && runs_clocks(m))
		rc = paragraph_justered_on(st, item->id, justered, err);
	else
		justered[0] = '\0';
	if (rc == TL_OK && justered[0])
		rc = notice_of(st, m->id, item->id, NULL, &n, err);
	if (rc == TL_OK && justered[0])
		*applies = tl_clocks_compute(
			tl_record_get(m, TL_MEETING_STARTS), justered,
			n ? tl_record_get(n, TL_NOTICE_POSTED_ON) : NULL, c);
	if (rc == TL_OK && n && notice_id)
		snprintf(notice_id, TL_ID_LEN + 1, "%s", n->id);
	tl_record_free(n);
	tl_record_free(m);
	return rc;
}

/* What notice r announces: the justering of its meeting m's protokoll,
 * or with an item, of that § alone; the day of that justering into
 * justered. */
static enum tl_status announces(struct tl_store *st, const struct tl_record *r,
				const struct tl_record *m,
				char justered[TL_DATE_SIZE],
				struct tl_error *err)
{
	const char *item = tl_record_get(r, TL_NOTICE_ITEM);
	struct tl_record *it = NULL;
	enum tl_status rc;

	if (!item) {
		rc = justered_on(st, m, justered, err);
		if (rc == TL_OK && !justered[0])
			rc = tl_error_set(err, TL_EREFUSED, _("Meeting: its "
					  "protokoll is not justered yet; the "
					  "notice goes up once every signer has "
					  "signed."));
		return rc;
	}
	rc = st->ops->get(st, TL_K_ITEM, item, &it, err);
	if (rc != TL_OK || !it) {
		justered[0] = '\0';
		return rc; /* a missing one is the reference check's */
	}
	if (!tl_streq(tl_record_get(it, TL_ITEM_MEETING), m->id))
		rc = tl_error_set(err, TL_EINVAL, _("§: § %s is on the agenda "
				  "of another meeting."),
				  tl_record_str(it, TL_ITEM_NUMBER));
	if (rc == TL_OK)
		rc = paragraph_justered_on(st, item, justered, err);
	if (rc == TL_OK && !justered[0])
		rc = tl_error_set(err, TL_EREFUSED, _("§: § %s is not justered "
				  "immediately; its notice goes up once the "
				  "chair and the justerare have signed it, or "
				  "with the protokoll's."),
				  tl_record_str(it, TL_ITEM_NUMBER));
	tl_record_free(it);
	return rc;
}

enum tl_status tl_rule_check_notice(struct tl_store *st,
				    const struct tl_record *r,
				    struct tl_error *err)
{
	const char *posted = tl_record_get(r, TL_NOTICE_POSTED_ON);
	const char *removed = tl_record_get(r, TL_NOTICE_REMOVED_ON);
	const char *item = tl_record_get(r, TL_NOTICE_ITEM);
	struct tl_record *m = NULL, *other = NULL;
	char justered[TL_DATE_SIZE];
	struct tl_clocks c;
	enum tl_status rc;

	rc = st->ops->get(st, TL_K_MEETING, tl_record_get(r, TL_NOTICE_MEETING),
			  &m, err);
	if (rc != TL_OK || !m)
		return rc; /* a missing one is the reference check's */
	if (!runs_clocks(m))
		rc = tl_error_set(err, TL_EINVAL, _("Meeting: a notice "
				  "announces the justering of a committee's "
				  "protokoll, and this meeting is no committee "
				  "meeting that was held."));
	if (rc == TL_OK)
		rc = announces(st, r, m, justered, err);
	if (rc == TL_OK && justered[0] && posted &&
	    strcmp(posted, justered) < 0)
		rc = tl_error_set(err, TL_EINVAL, _("Posted on: the notice "
				  "cannot go up before the justering on %s."),
				  justered);
	if (rc == TL_OK && justered[0] && !tl_clocks_compute(
			tl_record_get(m, TL_MEETING_STARTS), justered, posted,
			&c))
		rc = tl_error_set(err, TL_EINVAL, _("Posted on: not a date."));
	if (rc == TL_OK && justered[0] && removed &&
	    strcmp(removed, c.appeal_ends) <= 0)
		rc = tl_error_set(err, TL_EINVAL, _("Removed on: the notice "
				  "stays up until the appeal window has ended "
				  "on %s; take it down on %s or later."),
				  c.appeal_ends, c.stands);
	if (rc == TL_OK)
		rc = notice_of(st, m->id, item, r->id, &other, err);
	if (rc == TL_OK && other && item)
		rc = tl_error_set(err, TL_EINVAL, _("§: its immediate "
				  "justering was announced already, on %s; "
				  "change that notice instead."),
				  tl_record_str(other, TL_NOTICE_POSTED_ON));
	else if (rc == TL_OK && other)
		rc = tl_error_set(err, TL_EINVAL, _("Meeting: its justering "
				  "was announced already, on %s; change that "
				  "notice instead."),
				  tl_record_str(other, TL_NOTICE_POSTED_ON));
	tl_record_free(other);
	tl_record_free(m);
	return rc;
}
