/*
 * pending.c - what the PostgreSQL engine cannot do yet: lists and
 * search are being written (list.c, search.c) and take
 * these functions' places.  Until then each says so in one sentence.
 */
#include "pg.h"

#include "tillit/core/i18n.h"

static enum tl_status not_yet(struct tl_error *err)
{
	return tl_error_set(err, TL_EDB, _("This is not available on "
			    "PostgreSQL yet."));
}

enum tl_status tl_pg_list(struct tl_store *st, const struct tl_query *q,
			  struct tl_page *page, struct tl_error *err)
{
	(void)st, (void)q, (void)page;
	return not_yet(err);
}

enum tl_status tl_pg_iter_new(struct tl_store *st, const struct tl_query *q,
			      struct tl_iter **out, struct tl_error *err)
{
	(void)st, (void)q;
	*out = NULL;
	return not_yet(err);
}

enum tl_status tl_pg_iter_next(struct tl_iter *it,
			       const struct tl_record **r,
			       struct tl_error *err)
{
	(void)it;
	*r = NULL;
	return not_yet(err);
}

void tl_pg_iter_free(struct tl_iter *it)
{
	(void)it;
}

enum tl_status tl_pg_count(struct tl_store *st, const struct tl_query *q,
			   long *n, struct tl_error *err)
{
	(void)st, (void)q;
	*n = 0;
	return not_yet(err);
}

enum tl_status tl_pg_search(struct tl_store *st, const char *query,
			    int limit, struct tl_hit **hits, int *n,
			    struct tl_error *err)
{
	(void)st, (void)query, (void)limit;
	*hits = NULL;
	*n = 0;
	return not_yet(err);
}
