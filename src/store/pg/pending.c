/*
 * pending.c - what the PostgreSQL engine cannot do yet: bulk loads are
 * being written (bulk.c) and take these functions' places.  Until then
 * each says so in one sentence.
 */
#include "pg.h"

#include "tillit/core/i18n.h"

static enum tl_status not_yet(struct tl_error *err)
{
	return tl_error_set(err, TL_EDB, _("This is not available on "
			    "PostgreSQL yet."));
}

enum tl_status tl_pg_bulk_begin(struct tl_store *st, void **be,
				struct tl_error *err)
{
	(void)st;
	*be = NULL;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_start(void *be, struct tl_error *err)
{
	(void)be;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_add(void *be, const struct tl_record *r,
			      bool held, bool *dup, struct tl_error *err)
{
	(void)be, (void)r, (void)held, (void)dup;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_principle(void *be, const char *key, size_t len,
				    bool *known, struct tl_error *err)
{
	(void)be, (void)key, (void)len, (void)known;
	return not_yet(err);
}

void tl_pg_bulk_set_memory(void *be, int kib)
{
	(void)be, (void)kib;
}

enum tl_status tl_pg_bulk_empty(void *be, enum tl_kind kind, bool *empty,
				struct tl_error *err)
{
	(void)be, (void)kind, (void)empty;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_holds(void *be, const char *id, bool *found,
				struct tl_error *err)
{
	(void)be, (void)id, (void)found;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_shared_id(void *be, char out[TL_ID_LEN + 1],
				    struct tl_error *err)
{
	(void)be, (void)out;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_locked(void *be, enum tl_kind kind, int field,
				 bool *any, struct tl_error *err)
{
	(void)be, (void)kind, (void)field, (void)any;
	return not_yet(err);
}

enum tl_status tl_pg_bulk_finish(void *be, struct tl_error *err)
{
	(void)be;
	return not_yet(err);
}

void tl_pg_bulk_done(void *be)
{
	(void)be;
}
