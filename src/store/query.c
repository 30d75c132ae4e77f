/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * query.c - reading many records at once, whatever engine holds them:
 * pages, iterators, counts, full-text search and the audit log, and
 * freeing what they return.  The engine builds and runs each query
 * (for SQLite, src/store/sqlite/list.c and search.c).
 */
#include "tillit/store/store.h"

#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "internal.h"
#include "tillit/core/collate.h"
#include "tillit/core/i18n.h"
#include "tillit/core/search.h"

/* How many more hits a search reads for a viewer who may not read
 * everything. */
#define SEARCH_WIDER 4

/* What holds of a query whatever the engine. */
static enum tl_status query_ok(const struct tl_query *q, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(q->kind);

	if (q->nparents < 0 || q->nparents > TL_QUERY_PARENTS ||
	    (q->nparents && !q->parents))
		return tl_error_set(err, TL_EINVAL, _("A query takes at most "
				    "%d records to find what belongs to "
				    "them."), TL_QUERY_PARENTS);
	if (!q->eq_field != !q->eq_value ||
	    (q->eq_field && (!e || tl_entity_field(e, q->eq_field) < 0)))
		return tl_error_set(err, TL_EUSAGE, _("A record of kind %s "
				    "has no field %s."), e ? e->name : "?",
				    q->eq_field ? q->eq_field : "?");
	return TL_OK;
}

enum tl_status tl_store_list(struct tl_store *st, const struct tl_query *q,
			     struct tl_page *page, struct tl_error *err)
{
	enum tl_status rc = query_ok(q, err);

	if (rc == TL_OK)
		rc = tl_viewer_ready(st, err);

	/* The engine adds what the viewer may read (tl_access_read_sql). */
	if (rc != TL_OK)
		return rc;
	return st->ops->list(st, q, page, err);
}

enum tl_status tl_store_each(struct tl_store *st, const struct tl_query *q0,
			     bool (*each)(void *ctx,
					  const struct tl_record *r),
			     void *ctx, struct tl_error *err)
{
	struct tl_query q = *q0;
	struct tl_page page, prev = {0};
	enum tl_status rc;

	q.limit = 1000;
	q.after = NULL;
	for (;;) {
		bool go = true;

		memset(&page, 0, sizeof(page));
		rc = tl_store_list(st, &q, &page, err);
		/* The page before held the cursor of this one. */
		tl_page_done(&prev);
		for (int i = 0; rc == TL_OK && go && i < page.n; i++)
			go = each(ctx, page.recs[i]);
		if (rc != TL_OK || !go || !page.more) {
			tl_page_done(&page);
			return rc;
		}
		prev = page;
		q.after = &prev.next;
	}
}

void tl_page_done(struct tl_page *page)
{
	if (!page)
		return;
	for (int i = 0; i < page->n; i++)
		tl_record_free(page->recs[i]);
	free(page->recs);
	free(page->next.key);
	memset(page, 0, sizeof(*page));
}

enum tl_status tl_store_iter_new(struct tl_store *st, const struct tl_query *q,
				 struct tl_iter **out, struct tl_error *err)
{
	enum tl_status rc = query_ok(q, err);

	if (rc == TL_OK)
		rc = tl_viewer_ready(st, err);

	/* The engine adds what the viewer may read (tl_access_read_sql). */
	if (rc != TL_OK)
		return rc;
	return st->ops->iter_new(st, q, out, err);
}

enum tl_status tl_store_iter_next(struct tl_iter *it,
				  const struct tl_record **r,
				  struct tl_error *err)
{
	return it->st->ops->iter_next(it, r, err);
}

void tl_store_iter_free(struct tl_iter *it)
{
	if (it)
		it->st->ops->iter_free(it);
}

enum tl_status tl_store_count(struct tl_store *st, const struct tl_query *q,
			      long *n, struct tl_error *err)
{
	enum tl_status rc = query_ok(q, err);

	if (rc == TL_OK)
		rc = tl_viewer_ready(st, err);

	/* The engine adds what the viewer may read (tl_access_read_sql). */
	if (rc != TL_OK)
		return rc;
	return st->ops->count(st, q, n, err);
}

static enum tl_status search(struct tl_store *st, const char *query,
			     int limit, struct tl_hit **hits, int *n,
			     struct tl_error *err);

enum tl_status tl_store_search(struct tl_store *st, const char *query,
			       int limit, struct tl_hit **hits, int *n,
			       struct tl_error *err)
{
	/* Text is stored composed (NFC); so is what was typed. */
	char *typed = tl_text_nfc_dup(query, err);
	enum tl_status rc;

	*hits = NULL;
	*n = 0;
	if (!typed)
		return err ? err->status : TL_ESYS;
	rc = search(st, typed, limit, hits, n, err);
	free(typed);
	return rc;
}

static enum tl_status search(struct tl_store *st, const char *query,
			     int limit, struct tl_hit **hits, int *n,
			     struct tl_error *err)
{
	struct tl_search_words words;
	enum tl_status rc;

	/* The limits on a query hold whatever the engine. */
	*hits = NULL;
	*n = 0;
	rc = tl_search_words(query, &words, err);
	if (rc == TL_OK)
		rc = tl_viewer_ready(st, err);
	if (rc != TL_OK)
		return rc;
	if (st->unrestricted)
		return st->ops->search(st, query, limit, hits, n, err);
	/* The hits the viewer may read, from the best SEARCH_WIDER times
	 * as many: a search that finds mostly what others may read shows
	 * fewer than limit. */
	rc = st->ops->search(st, query, limit * SEARCH_WIDER, hits, n, err);
	int kept = 0;
	for (int i = 0; rc == TL_OK && i < *n && kept < limit; i++) {
		bool ok = false;

		rc = tl_access_may(st, (*hits)[i].kind, (*hits)[i].id,
				   TL_RIGHT_READ, &ok, err);
		if (rc == TL_OK && ok) {
			struct tl_hit h = (*hits)[i];
			(*hits)[i] = (*hits)[kept];
			(*hits)[kept++] = h;
		}
	}
	if (rc != TL_OK) {
		tl_hits_free(*hits, *n);
		*hits = NULL;
		*n = 0;
		return rc;
	}
	for (int i = kept; i < *n; i++) {
		free((*hits)[i].title);
		free((*hits)[i].snippet);
	}
	*n = kept;
	return TL_OK;
}

void tl_hits_free(struct tl_hit *hits, int n)
{
	for (int i = 0; hits && i < n; i++) {
		free(hits[i].title);
		free(hits[i].snippet);
	}
	free(hits);
}

enum tl_status tl_store_audit(struct tl_store *st, const char *id,
			      long long before, int limit,
			      struct tl_audit **rows, int *n,
			      struct tl_error *err)
{
	/* The engine keeps to what the viewer may read
	 * (tl_access_audit_sql). */
	enum tl_status rc = tl_viewer_ready(st, err);

	if (rc != TL_OK) {
		*rows = NULL;
		*n = 0;
		return rc;
	}
	return st->ops->audit(st, id, before, limit, rows, n, err);
}

void tl_audit_free(struct tl_audit *rows, int n)
{
	for (int i = 0; rows && i < n; i++) {
		free(rows[i].actor);
		free(rows[i].os_user);
		free(rows[i].clock);
		free(rows[i].prev);
		free(rows[i].hash);
		free(rows[i].entity);
		free(rows[i].action);
		free(rows[i].field);
		free(rows[i].old_value);
		free(rows[i].new_value);
	}
	free(rows);
}
