/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * admin.c - the organisation tier's accounts, above the engines
 * (tillit admin): which people have a login, handed to the engine that
 * makes their roles; the engine says which tables no policy guards.
 */
#include "tillit/store/store.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "backend.h"

static enum tl_status no_accounts(struct tl_store *st, struct tl_error *err)
{
	return tl_error_set(err, TL_EREFUSED, _("%s is an SQLite file, whose "
			    "accounts are the computer's own; tillit admin "
			    "is for the organisation's PostgreSQL server."),
			    st->path);
}

/* The logins of the active people, into *out (*n; the caller frees). */
static enum tl_status logins(struct tl_store *st, char ***out, int *n,
			     struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_PERSON, .status = "active"};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	enum tl_status rc;
	char **l = NULL;
	int cap = 0;

	*out = NULL;
	*n = 0;
	rc = tl_store_iter_new(st, &q, &it, err);
	while (rc == TL_OK && (rc = tl_store_iter_next(it, &r, err)) == TL_OK &&
	       r) {
		const char *login = tl_record_get(r, TL_PERSON_LOGIN);

		if (!login || !*login)
			continue;
		if (*n == cap) {
			char **more;

			cap = cap ? cap * 2 : 64;
			more = realloc(l, sizeof(*l) * (size_t)cap);
			if (!more) {
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
				break;
			}
			l = more;
		}
		if (!(l[*n] = strdup(login))) {
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		(*n)++;
	}
	tl_store_iter_free(it);
	*out = l;
	return rc;
}

enum tl_status tl_store_admin_roles(struct tl_store *st, int *people,
				    int *made, struct tl_error *err)
{
	char **l = NULL;
	enum tl_status rc;
	int n = 0;

	*people = *made = 0;
	if (!st->ops->admin_roles)
		return no_accounts(st, err);
	rc = logins(st, &l, &n, err);
	if (rc == TL_OK)
		rc = st->ops->admin_roles(st, (const char *const *)l, n, made,
					  err);
	*people = n;
	for (int i = 0; i < n; i++)
		free(l[i]);
	free(l);
	return rc;
}

enum tl_status tl_store_admin_check(struct tl_store *st, char ***tables,
				    int *n, struct tl_error *err)
{
	*tables = NULL;
	*n = 0;
	if (!st->ops->admin_unguarded)
		return no_accounts(st, err);
	return st->ops->admin_unguarded(st, tables, n, err);
}
